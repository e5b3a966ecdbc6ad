"""Bytes → str: BOM, then the page's declared charset, then detection. Never returns mojibake silently."""

from __future__ import annotations

import codecs

import regex

from ..errors import UndecodableInputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# possessive \s*+: the spaces around "=" and the quote are never re-split (linear on long space runs)
_DECLARED = regex.compile(rb"""<meta[^>]{0,200}?charset\s*+=\s*+["']?\s*+([A-Za-z0-9_\-:.]{2,40})""", regex.IGNORECASE)
_XML_DECL = regex.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_\-.]{2,40})""", regex.IGNORECASE)
# Declared labels that browsers read as a superset encoding.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
              "big5": "big5hkscs", "shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
              "euc-kr": "cp949", "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


def _normalise(label: str) -> str | None:
    name = label.strip().lower()
    name = _SUPERSETS.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):  # base64, rot13, zlib, hex...: not a charset
        return None
    return info.name


def _declared_normalise(label: str) -> str | None:
    """A charset declared inside the page. As in browsers (HTML's prescan), a declared UTF-16/32 is
    read as UTF-8: the declaration itself was readable as ASCII, so the page is not UTF-16/32."""
    name = _normalise(label)
    return "utf-8" if name and name.startswith(("utf-16", "utf-32")) else name


def declared_encoding(raw: bytes) -> str | None:
    head = raw[:4096]
    match = _XML_DECL.match(head) or _DECLARED.search(head)
    return _declared_normalise(match.group(1).decode("ascii", "replace")) if match else None


def decode_bytes(raw: bytes) -> str:
    """Decode page bytes: BOM, declared charset, UTF-8, then charset-normalizer detection."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom):].decode(encoding, errors="replace")
    declared = declared_encoding(raw)
    if declared:
        try:
            return raw.decode(declared)
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # valid UTF-8 cut mid-character (a truncated crawl)
            return raw.decode("utf-8", errors="replace")
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:2_000_000]).best()
    if best is None or best.encoding is None:
        # Detection gave up: UTF-8 with a few stray bytes is still UTF-8 (at most 1 bad byte in 1,000).
        text = raw.decode("utf-8", errors="replace")
        if text.count("\ufffd") * 1000 <= len(raw):
            return text
        raise UndecodableInputError(
            "could not decode the bytes with a BOM, a declared charset, UTF-8 or detection; "
            "decode them yourself and pass a str"
        )
    encoding = _normalise(best.encoding) or best.encoding
    return raw.decode(encoding, errors="replace")
