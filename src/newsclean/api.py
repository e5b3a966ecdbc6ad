"""Public entry points: :func:`clean` and :func:`clean_and_explain`.

``clean(x)`` is exactly ``clean_and_explain(x).article``, in the spirit of ftfy's
``fix_text`` / ``fix_and_explain``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

import regex
from typing import Literal

from pydantic import BaseModel, ConfigDict

from . import meta as metadata
from .assemble import paragraphs
from .blocks import Block, Document
from .errors import (
    BinaryInputError,
    EmptyInputError,
    InputTooLargeError,
    NoArticleError,
    UndecodableInputError,
)
from .ingest import document_from_text
from .models import Article, Decision, Removal
from .deadline import CHECK_EVERY, check_deadline, with_deadline
from .meta import MetaScan
from .pipeline import Pipeline
from .rules import Label

InputFormat = Literal["auto", "text", "html"]

MIN_LINE_CHARS = 16
#: A str or bytes input is binary when C0 control characters (other than tab, newline, carriage
#: return, form feed, vertical tab) are more than this share of it, or more than BINARY_MIN_CONTROLS.
BINARY_CONTROL_SHARE = 0.05
BINARY_MIN_CONTROLS = 8
#: A str whose U+FFFD replacement characters exceed this share was decoded with the wrong codec.
REPLACEMENT_SHARE = 0.10
REPLACEMENT_MIN = 16

#: the control characters that mark binary data (not tab, newline, carriage return, form feed);
#: the checks count them on the UTF-8 bytes (:func:`_control_count`), this pattern is their definition
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes(range(0x01, 0x09)) + bytes(range(0x0E, 0x20)) + b"\x7f"
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def _control_count(data: bytes) -> int:
    """How many bytes of ``data`` are :data:`_CONTROL_BYTES`; for UTF-8 bytes, how many
    characters of the text match :data:`_CONTROL` (they are ASCII, and every byte of a multi-byte
    UTF-8 sequence, surrogates encoded with ``surrogatepass`` included, is 0x80 or above).

    Speed: one C pass deleting them (``bytes.translate``), about 3x faster than a regex search
    of the str on a 100 KB page that holds none.
    """
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


DEFAULT_PIPELINE = Pipeline()
_RECORD_FIELDS = ("rule", "reason", "text", "line_start", "line_end", "start", "end")


def _record_maker(cls):
    """A function of one dict of field values returning ``cls.model_construct(**values)`` for the
    trail records, built without its per-field alias/default loop (the fields are plain, all given,
    already typed; the dict becomes the record's ``__dict__``). Falls back to ``model_construct``
    itself if the model is not that simple or the two differ."""
    fields = cls.__pydantic_fields__
    plain = (
        tuple(fields) == _RECORD_FIELDS
        and all(f.alias is None and f.validation_alias is None for f in fields.values())
        and not cls.__pydantic_post_init__
        and not cls.__pydantic_root_model__
        and cls.model_config.get("extra") != "allow"
        and not cls.__private_attributes__
    )
    def construct(values: dict):
        return cls.model_construct(**values)

    if not plain:
        return construct
    new = cls.__new__
    setattr_ = object.__setattr__

    def make(values: dict):  # takes the dict itself: no copy into **kwargs per block
        m = new(cls)
        setattr_(m, "__dict__", values)
        setattr_(m, "__pydantic_fields_set__", set(values))
        setattr_(m, "__pydantic_extra__", None)
        setattr_(m, "__pydantic_private__", None)
        return m

    sample = dict(rule="r", reason="x", text="t", line_start=1, line_end=1, start=0, end=1)
    a, b = make(dict(sample)), cls.model_construct(**sample)
    same = (a.__dict__ == b.__dict__ and list(a.__dict__) == list(b.__dict__)
            and a.__pydantic_fields_set__ == b.__pydantic_fields_set__ and a.__pydantic_extra__ == b.__pydantic_extra__
            and a.__pydantic_private__ == b.__pydantic_private__ and a.model_dump_json() == b.model_dump_json())
    return make if same else construct


_construct_decision = _record_maker(Decision)
_construct_removal = _record_maker(Removal)


@dataclass(frozen=True)
class Limits:
    """Resource limits applied to every document (see docs/errors.md).

    ``max_bytes``: input larger than this (in bytes; a str is measured as UTF-8) is rejected with
    :class:`InputTooLargeError` before any parsing. ``time_budget``: seconds one document may take,
    or ``None`` for no limit; checked between rules, while rules walk a large document and during
    ingest, so the overshoot is small (:class:`TimeBudgetExceededError`). ``max_line_chars``:
    longer lines are cut into pieces of this size before any pattern runs, so no regex sees an
    unbounded string.
    """

    max_bytes: int = 10_000_000
    time_budget: float | None = 5.0
    max_line_chars: int = 20_000

    def __post_init__(self) -> None:
        if isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int) or self.max_bytes < 1:
            raise ValueError(f"Limits.max_bytes must be a positive int, not {self.max_bytes!r}")
        budget = self.time_budget
        if budget is not None and (isinstance(budget, bool) or not isinstance(budget, (int, float)) or not budget > 0):
            raise ValueError(f"Limits.time_budget must be a positive number of seconds or None, not {budget!r}")
        chars = self.max_line_chars
        if isinstance(chars, bool) or not isinstance(chars, int) or chars < MIN_LINE_CHARS:
            raise ValueError(f"Limits.max_line_chars must be an int >= {MIN_LINE_CHARS}, not {chars!r}")


DEFAULT_LIMITS = Limits()


class Explanation(BaseModel):
    """The article plus every decision: ``removals`` (with rule, reason, text, position) and ``kept``."""

    model_config = ConfigDict(frozen=True)

    article: Article
    removals: tuple[Removal, ...]
    kept: tuple[Decision, ...]
    evidence: dict[str, str]

    def replay(self) -> str:
        """Rebuild the body from the kept decisions alone (a check that the trail is complete)."""
        blocks = [
            Block(index=i, text=d.text, start=d.start, end=d.end, line_start=d.line_start, line_end=d.line_end)
            for i, d in enumerate(self.kept)
        ]
        return "\n".join(paragraphs(blocks))


def _too_large(size: int, limits: Limits, unit: str = "bytes") -> InputTooLargeError:
    return InputTooLargeError(
        f"input is {size:,} {unit}, larger than max_bytes={limits.max_bytes:,}; pass "
        "limits=Limits(max_bytes=...) to allow it, or split the page"
    )


def _binary_share(controls: int, size: int) -> bool:
    return controls > max(BINARY_MIN_CONTROLS, BINARY_CONTROL_SHARE * size)


def _check_bytes(raw: bytes, limits: Limits) -> None:
    """Reject raw bytes that are too large, empty or binary before spending time decoding them."""
    if len(raw) > limits.max_bytes:
        raise _too_large(len(raw), limits)
    if not raw.strip():
        raise EmptyInputError("input is empty or whitespace only; pass the page's text or HTML")
    if raw.startswith(_UTF16_32_BOMS):
        return  # UTF-16/32 text is full of NUL bytes; checked again after decoding
    if b"\x00" in raw:
        raise BinaryInputError(
            "input bytes contain NUL: this looks like binary data (an image, PDF, archive...), not a page; "
            "skip it, or decode it yourself if it is UTF-16/32 text without a BOM"
        )
    controls = _control_count(raw)
    if _binary_share(controls, len(raw)):
        raise BinaryInputError(
            f"{controls:,} control bytes in {len(raw):,}: this looks like binary data, not a page; skip it"
        )


def _nul_to_replacement(page: str) -> str:
    """An HTML page's stray NUL characters as U+FFFD (same length, so every offset holds).

    Browsers do the same (the HTML standard replaces NUL in text with U+FFFD); a page full of
    NULs is still rejected, by the replacement-character share in :func:`_check_text`.
    """
    return page.replace("\x00", "\ufffd")


def _check_text(text: str, limits: Limits) -> str:
    """Validate a str page; return it with lone surrogates replaced by U+FFFD (same length)."""
    if len(text) > limits.max_bytes:  # every character is at least one UTF-8 byte
        raise _too_large(len(text), limits, "characters")
    if len(text) * 4 > limits.max_bytes:  # only then can the UTF-8 size exceed the limit
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > limits.max_bytes:
            raise _too_large(size, limits)
    if not text or text.isspace():
        raise EmptyInputError("input is empty or whitespace only; pass the page's text or HTML")
    if "\x00" in text:
        raise BinaryInputError(
            "input contains NUL characters: this looks like binary data decoded as text, not a page; skip it"
        )
    try:
        encoded = text.encode("utf-8")  # the fastest test for lone surrogates (10 us on an average page)
        surrogates = False
    except UnicodeEncodeError:
        encoded = text.encode("utf-8", "surrogatepass")
        surrogates = True
    controls = _control_count(encoded)  # = the characters _CONTROL matches in text
    if controls and _binary_share(controls, len(text)):
        raise BinaryInputError(
            f"{controls:,} control characters in {len(text):,}: this looks like binary data, not a page; skip it"
        )
    if "\ufffd" in text:
        bad = text.count("\ufffd")
        if bad > max(REPLACEMENT_MIN, REPLACEMENT_SHARE * len(text)):
            raise UndecodableInputError(
                f"{bad:,} of {len(text):,} characters are U+FFFD replacement characters: the page was decoded "
                "with the wrong encoding; pass the raw bytes instead and newsclean will detect the encoding"
            )
    if surrogates:
        # Lone surrogates cannot be encoded or validated; U+FFFD keeps every offset unchanged.
        text = _SURROGATE.sub("\ufffd", text)
    return text


def to_document(
    page: str | bytes,
    *,
    format: InputFormat = "auto",
    limits: Limits = DEFAULT_LIMITS,
    deadline: float | None = None,
) -> Document:
    """Validate the input and turn it into blocks (text dump or HTML)."""
    if format not in ("auto", "text", "html"):
        raise ValueError(f"format must be 'auto', 'text' or 'html', not {format!r}")
    if isinstance(page, (bytes, bytearray, memoryview)):
        raw = bytes(page)
        _check_bytes(raw, limits)
        from .ingest.decode import decode_bytes

        try:
            page = decode_bytes(raw)
        except (LookupError, UnicodeError, ValueError) as exc:  # a codec that cannot be used
            raise UndecodableInputError(
                f"could not decode the bytes ({type(exc).__name__}: {exc}); decode them yourself and pass a str"
            ) from exc
        check_deadline(deadline, "while decoding the input bytes")
    elif not isinstance(page, str):
        raise TypeError(
            f"clean() takes the page as str (text dump or HTML) or bytes (raw HTML), not {type(page).__name__}"
        )
    from .ingest.sniff import looks_like_html

    if "\x00" in page and format != "text" and (format == "html" or looks_like_html(page)):
        page = _nul_to_replacement(page)
    page = _check_text(page, limits)
    if format == "html" or (format == "auto" and looks_like_html(page)):
        from .ingest.html import document_from_html

        return document_from_html(page, max_line_chars=limits.max_line_chars)
    return document_from_text(page, max_line_chars=limits.max_line_chars, deadline=deadline)


def clean_and_explain(
    page: str | bytes,
    *,
    url: str | None = None,
    format: InputFormat = "auto",
    pipeline: Pipeline = DEFAULT_PIPELINE,
    limits: Limits = DEFAULT_LIMITS,
) -> Explanation:
    """Clean one page and return the Article with the full audit trail.

    Raises a :class:`~newsclean.errors.NewscleanError` subclass for bad input (empty, binary,
    too large, undecodable, all chrome, over the time budget; see docs/errors.md), ``TypeError``
    for a page that is not str/bytes or a url that is not str, and ``ValueError`` for an unknown
    ``format``.
    """
    doc, scan, labels, deadline = _label(page, url=url, format=format, pipeline=pipeline, limits=limits)
    return explain(doc, scan, labels, deadline=deadline)


def _label(
    page: str | bytes, *, url: str | None, format: InputFormat, pipeline: Pipeline, limits: Limits
) -> tuple[Document, MetaScan, list[Label], float | None]:
    """The steps :func:`clean` and :func:`clean_and_explain` share: ingest, metadata scan, rules."""
    started = time.monotonic()
    deadline = started + limits.time_budget if limits.time_budget is not None else None
    if url is not None:
        if not isinstance(url, str):
            raise TypeError(f"url must be a str or None, not {type(url).__name__}")
        url = _SURROGATE.sub("\ufffd", url)
    doc = to_document(page, format=format, limits=limits, deadline=deadline)
    check_deadline(deadline, "while reading the page")
    doc = with_deadline(doc, deadline)  # large documents: rules and the scan check the clock as they go
    scan = metadata.scan(doc, url=url)
    labels = pipeline.label(doc, scan, deadline=deadline)
    return doc, scan, labels, deadline


def explain(doc: Document, scan: MetaScan, labels: Sequence[Label], *, deadline: float | None = None) -> Explanation:
    """The Explanation of a labelled document: a Removal or kept Decision per block, the Article
    made of the kept blocks and the scan's metadata (the last step of :func:`clean_and_explain`).

    Raises :class:`~newsclean.errors.NoArticleError` when no block is kept.
    """
    removals: list[Removal] = []
    kept_decisions: list[Decision] = []
    kept_blocks: list[Block] = []
    for n, (block, label) in enumerate(zip(doc.blocks, labels)):
        if deadline is not None and n and not n % CHECK_EVERY:
            check_deadline(deadline, "while recording decisions")
        # model_construct: every value is already a str or int from a Block and a Label (what
        # validation would check), and this runs once per block. Keys in field order (JSON order).
        fields = dict(rule=label.rule, reason=label.reason, text=block.text, line_start=block.line_start,
                      line_end=block.line_end, start=block.start, end=block.end)
        if label.keep:
            kept_decisions.append(_construct_decision(fields))
            kept_blocks.append(block)
        else:
            removals.append(_construct_removal(fields))

    if not kept_blocks:
        raise NoArticleError(
            f"every one of the {len(doc.blocks)} blocks was classified as chrome; "
            "see .removals for each rule's reason",
            removals,
        )
    return Explanation(article=_article(scan, kept_blocks), removals=tuple(removals), kept=tuple(kept_decisions),
                       evidence=scan.evidence)


def _article(scan: MetaScan, kept_blocks: Sequence[Block]) -> Article:
    body = "\n".join(paragraphs(kept_blocks))
    return Article(
        headline=scan.headline,
        body=body,
        source=scan.source,
        url=scan.url,
        published=scan.published,
        author=scan.author,
        language=metadata.guess_language(body),
    )


def clean(
    page: str | bytes,
    *,
    url: str | None = None,
    format: InputFormat = "auto",
    pipeline: Pipeline = DEFAULT_PIPELINE,
    limits: Limits = DEFAULT_LIMITS,
) -> Article:
    """Clean one page (text dump or HTML, str or bytes) into an :class:`Article`.

    The same Article as ``clean_and_explain(...).article`` (and the same errors, a
    NoArticleError with every removal included), without building the audit trail: no Removal or
    Decision record per block (about 4% of the time of an average text dump; see docs/speed.md).
    """
    doc, scan, labels, deadline = _label(page, url=url, format=format, pipeline=pipeline, limits=limits)
    kept_blocks = [block for block, label in zip(doc.blocks, labels) if label.keep]
    if not kept_blocks:  # explain() raises NoArticleError here, carrying every removal
        return explain(doc, scan, labels, deadline=deadline).article
    return _article(scan, kept_blocks)
