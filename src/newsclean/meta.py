"""Metadata as fallback chains: headline, source, url, published, author, language.

The scan runs before any rule removes anything, so metadata that only lives in chrome (a
``来源:`` line, a permalink line carrying the title and URL, a site-name suffix) is captured
first. Every field is a chain of small finders tried in order; the first answer wins.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import regex

from .blocks import MAYBE_CJK, Block, Document
from .textutil import compile_alternation
from .textutil import fold
from .vocab import (
    BREADCRUMB_OPENERS,
    COMMENT_MARKERS,
    COMPILED_FROM,
    DISCLAIMER_MARKERS,
    LATIN_STOP_WORDS,
    PERMALINK_LABELS,
    RELATED_HEADINGS,
    SITE_WORDS,
    SOURCE_LABELS,
    STOP_WORDS_BY_LANG,
    WIDGET_PREFIXES,
    WIDGET_WORDS,
)

# ---------------------------------------------------------------- patterns (compiled once)
URL = regex.compile(r"https?://[^\s<>\"'，。、）)\]]+", regex.IGNORECASE)
PERMALINK = regex.compile(
    r"^\s*[。.]?\s*(?:" + compile_alternation(PERMALINK_LABELS) + r")\s*[:：]\s*(?P<title>.*?)\s*(?P<url>https?://\S+)\s*$",
    regex.IGNORECASE,
)
SOURCE_LINE = regex.compile(
    r"(?:^|[\s|丨/])(?:" + compile_alternation(SOURCE_LABELS) + r")\s*[:：]\s*(?P<name>[^\s|丨/，,。;；)）]{2,40})",
    regex.IGNORECASE,
)
COMPILED_LINE = regex.compile(r"^(?P<name>[^\s，,。:：]{2,12}?)(?:" + "|".join(COMPILED_FROM) + r")(?P<rest>[^\s]{2,40})$")
AUTHOR_LINE = regex.compile(
    r"(?:^|\s)(?:作者|撰文|文|记者)\s*[:：|/]\s*(?P<name>[^\s|丨/，,。:：]{1,20})"
    r"|^by\s+(?P<en>[\p{Lu}][\p{L}.'\-]+(?:\s+(?:[\p{Lu}][\p{L}.'\-]+|and|de|van|von)){0,4})",
    regex.IGNORECASE,
)
RELATIVE_DATE = regex.compile(
    r"(?<!\d)\d++\s*+(?:秒|分钟|小时|天|周|个月|年)前|刚刚|昨天|前天|\b\d++\s*+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|\byesterday\b",
    regex.IGNORECASE,
)
NUMERIC_DATE = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?:T|\s)?\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?)?",
)
MONTHS = {
    m: i
    for i, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for m in names
}
_MONTH_ALT = compile_alternation(MONTHS)
WORD_DATE = regex.compile(
    r"\b(?:(?P<mon>" + _MONTH_ALT + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>" + _MONTH_ALT + r")\.?,?\s+(?P<y2>(?:19|20)\d{2}))"
    r"(?:,?\s+(?:at\s+)?(?P<H>\d{1,2}):(?P<M>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?)?",
    regex.IGNORECASE,
)
_DANGLING = frozenset("a an the and or of to in for with that by on at from as is are was were".split())
SLASH_DATE = regex.compile(r"(?<!\d)\d{1,2}/\d{1,2}/(?:19|20)?\d{2}(?!\d)|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|gmt|utc|[ecmp][sd]t)\b", regex.IGNORECASE)
BYLINE_START = regex.compile(r"^\s*(?:by|posted|published|updated|last updated|written by|from|filed under|作者|记者|来源|发布时间|更新时间)\b", regex.IGNORECASE)
# Title separators: strong ones almost always introduce a site name; weak ones only sometimes.
STRONG_SEPARATOR = regex.compile(r"(?:(?<!\s)\s++)?(?:[|｜丨_]|--)\s*")  # (?<!\s): linear on long space runs
WEAK_SEPARATOR = regex.compile(r"(?<!\s)\s++[-–—·:»]\s+")
SITE_WORD = regex.compile(compile_alternation(SITE_WORDS), regex.IGNORECASE)
BREADCRUMB_HINT = regex.compile(compile_alternation(BREADCRUMB_OPENERS) + r"|\s[>›»]\s|>", regex.IGNORECASE)
_RELATED = frozenset(fold(w) for w in RELATED_HEADINGS)
# Lines that are never a headline however title-like they look (copyright, comment-form labels).
_NOT_TITLE = regex.compile(
    compile_alternation(DISCLAIMER_MARKERS + COMMENT_MARKERS) + r"|^\s*(?:" + compile_alternation(WIDGET_PREFIXES) + r")",
    regex.IGNORECASE,
)
_WIDGETS = frozenset(fold(w) for w in WIDGET_WORDS)


# ---------------------------------------------------------------- block judgements
def is_prose(block: Block) -> bool:
    """A block that reads like running text: long enough, punctuated, with function words.

    A pure function of the block's features, asked several times per block: kept on the block.
    """
    cache = block.__dict__
    value = cache.get("_is_prose")
    if value is None:
        value = cache["_is_prose"] = _is_prose(block)
    return value


def _is_prose(block: Block) -> bool:
    if block.ends_ellipsis:
        return False
    if block.is_cjk:
        # Headlines carry commas too; a paragraph also has a full stop or is longer than a headline.
        has_stop = "。" in block.folded or block.folded.rstrip("”」』\"')） ").endswith((".", "。"))
        return block.n_cjk >= 25 and block.n_clause_punct + block.n_sentence_punct >= 2 and (has_stop or block.n_cjk >= 90)
    if block.n_words < 15 or block.n_sentence_punct < 1:
        return False
    return block.n_stop / block.n_words >= 0.2  # words whose casefold is in LATIN_STOP_WORDS


def find_date(text: str) -> datetime | None:
    """The first absolute date (and time) in ``text``; None if none or if it is invalid."""
    match = NUMERIC_DATE.search(text)
    if match:
        return _build(match["y"], match["m"], match["d"], match["H"], match["M"], match["S"])
    match = WORD_DATE.search(text)
    if match:
        year = match["y"] or match["y2"]
        month = MONTHS[(match["mon"] or match["mon2"]).casefold().rstrip(".")]
        day = match["d"] or match["d2"]
        hour = match["H"]
        if hour and match["ampm"]:
            h = int(hour) % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
            hour = str(h)
        return _build(year, str(month), day, hour, match["M"], None)
    return None


def _build(y: str, m: str, d: str, hh: str | None, mm: str | None, ss: str | None) -> datetime | None:
    try:
        return datetime(int(y), int(m), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        return None


def is_title_like(block: Block) -> bool:
    folded = block.folded
    if block.list_marker or block.ends_ellipsis or BREADCRUMB_HINT.search(folded) or URL.search(folded):
        return False
    if folded in _RELATED or folded in _WIDGETS or RELATIVE_DATE.search(folded) or _NOT_TITLE.search(folded):
        return False
    if block.size <= 20 and (NUMERIC_DATE.search(folded) or WORD_DATE.search(folded) or SLASH_DATE.search(folded)):
        return False  # a dateline, not a headline
    if BYLINE_START.match(folded) or folded.count("|") >= 2 or folded.count("›") + folded.count("»") >= 1:
        return False
    if not block.is_cjk and block.n_words >= 10 and folded.rstrip().endswith("."):
        return False  # a sentence (lead or caption), not a headline
    if not block.is_cjk and block.words and block.words[-1].casefold() in _DANGLING:
        return False  # a line that breaks off mid-sentence ("... tools that a")
    if block.is_cjk:
        if not 5 <= block.n_cjk <= 80 or "。" in block.text:
            return False  # a CJK headline has no full stop
    elif not 2 <= block.n_words <= 30:
        return False
    return block.n_sentence_punct <= 2


def split_site_suffix(title: str, doc_text_folded: "str | _FoldedPage" = "") -> tuple[str, str | None]:
    """``"Headline | Site · Section"`` → ``("Headline", "Site")``; untouched when unsure."""
    parts = STRONG_SEPARATOR.split(title)
    if len(parts) >= 2:
        head, tail = parts[0], " ".join(parts[1:])
        if head and len(tail) <= 30 and len(tail) < len(head):
            return head.strip(), _site_name(parts[1])
    parts = WEAK_SEPARATOR.split(title)
    if len(parts) >= 2:
        head, tail = " - ".join(parts[:-1]), parts[-1]
        short = len(tail.split()) <= 4 and len(tail) <= 30 and len(tail) < len(head)
        repeated = bool(doc_text_folded) and doc_text_folded.count(fold(tail)) >= 3
        if short and SITE_WORD.search(tail) and (repeated or len(tail.split()) <= 3):
            return head.strip(), _site_name(tail)
    return title.strip(), None


def _site_name(suffix: str) -> str | None:
    name = regex.split(r"\s*[·•|｜丨:/]\s*", suffix.strip())[0].strip()
    return name or None


class _FoldedPage:
    """The page's text folded, for counting site names in it; folded on first use (most pages never ask).

    NFKC can expand a character 18-fold (U+FDFA) and cannot be interrupted: large pages are only
    casefolded, and pages of 2,000,000 characters or more count as empty (nothing is repeated).
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._folded: str | None = None

    def _value(self) -> str:
        if self._folded is None:
            text = self._text
            self._folded = fold(text) if len(text) < 300_000 else text.casefold() if len(text) < 2_000_000 else ""
        return self._folded

    def __bool__(self) -> bool:
        return bool(self._value())

    def count(self, sub: str) -> int:
        return self._value().count(sub)


# ---------------------------------------------------------------- the scan
@dataclass(frozen=True)
class MetaScan:
    """Everything the metadata chains found, and which blocks are pure metadata."""

    headline: str | None = None
    headline_index: int | None = None
    source: str | None = None
    url: str | None = None
    published: datetime | None = None
    author: str | None = None
    site_suffix: str | None = None
    body_start: int | None = None
    permalink_index: int | None = None
    evidence: dict[str, str] = field(default_factory=dict)


def _first(*finders: Callable[[], tuple[str | datetime | None, str]]) -> tuple[object | None, str]:
    for finder in finders:
        value, where = finder()
        if value:
            return value, where
    return None, ""


def scan(doc: Document, *, url: str | None = None) -> MetaScan:
    """Run every metadata chain over the document (pure; nothing is removed here)."""
    blocks = doc.blocks
    body_start = next((b.index for b in blocks if is_prose(b)), None)
    header_end = body_start if body_start is not None else min(len(blocks), 12)
    header = blocks[max(0, header_end - 15) : header_end]
    folded_all = _FoldedPage(doc.text)

    permalink = _find_permalink(blocks)
    lead = [b for b in blocks[body_start:body_start + 12] if is_prose(b)][:3] if body_start is not None else []
    headline_block = _find_headline_block(header, doc.hints, lead)
    hint_titles = doc.hints.get("title", ())

    headline: str | None = None
    site: str | None = None
    evidence: dict[str, str] = {}
    if headline_block is not None:
        headline, site = split_site_suffix(headline_block.text, folded_all)
        evidence["headline"] = f"title-like line {headline_block.line_start} before the first paragraph"
    elif hint_titles:
        headline, site = split_site_suffix(hint_titles[0], folded_all)
        evidence["headline"] = "page title metadata"
    elif permalink is not None and permalink[1]:
        headline, site = split_site_suffix(permalink[1], folded_all)
        evidence["headline"] = f"permalink line {permalink[0].line_start}"

    source, where = _first(
        lambda: _source_from_lines(blocks, body_start),
        lambda: _source_from_compiled(blocks, body_start),
        lambda: (doc.hints.get("site_name", (None,))[0], "page site-name metadata"),
        lambda: (site, "headline site-name suffix"),
    )
    if where:
        evidence["source"] = where
    found_url, where = _first(
        lambda: (permalink[2] if permalink else None, "permalink line"),
        lambda: (doc.hints.get("url", (None,))[0], "canonical URL metadata"),
        lambda: (url, "url argument"),
    )
    if where:
        evidence["url"] = where
    published, where = _first(
        lambda: (_parse_hint_date(doc.hints.get("published", ())), "published-time metadata"),
        lambda: _date_from_header(blocks, headline_block, body_start),
    )
    if where:
        evidence["published"] = where
    author, where = _first(
        lambda: (doc.hints.get("author", (None,))[0], "author metadata"),
        lambda: _author_from_header(blocks, body_start),
    )
    if where:
        evidence["author"] = where
    return MetaScan(
        headline=headline or None,
        headline_index=headline_block.index if headline_block is not None else None,
        source=_clean_name(source) if isinstance(source, str) else None,
        url=found_url if isinstance(found_url, str) else None,
        published=published if isinstance(published, datetime) else None,
        author=author if isinstance(author, str) else None,
        site_suffix=site,
        body_start=body_start,
        permalink_index=permalink[0].index if permalink else None,
        evidence=evidence,
    )


def _find_permalink(blocks: Sequence[Block]) -> tuple[Block, str, str] | None:
    for block in blocks:
        match = PERMALINK.match(block.text)
        if match:
            return block, match["title"].strip(" :：,，"), match["url"].rstrip(".,;，。")
    return None


def _find_headline_block(header: Sequence[Block], hints: dict[str, tuple[str, ...]], body: Sequence[Block] = ()) -> Block | None:
    """The title-like header line that agrees with the title metadata, or else the one sharing
    the most content words with the first paragraphs (then the longest)."""
    hint_titles = [fold(split_site_suffix(t)[0]) for t in hints.get("title", ())]
    candidates = [b for b in header if is_title_like(b)]
    for block in candidates:  # a line that agrees with the page's title metadata wins
        if hint_titles and fold(split_site_suffix(block.text)[0]) in hint_titles:
            return block
    if hint_titles or not candidates:
        return None
    lead = _lead_tokens(body)
    def score(block: Block) -> tuple[float, int, int]:
        words = _title_tokens(block.text)
        shared = len(words & lead) / len(words) if words else 0.0
        return (round(shared, 2), block.size, block.index)
    return max(candidates, key=score)


_TOKEN_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]|[\p{L}\p{N}]{3,}")


def _title_tokens(text: str) -> set[str]:
    return {t for t in _TOKEN_RE.findall(fold(text)) if t not in LATIN_STOP_WORDS}


def _lead_tokens(body: Sequence[Block]) -> set[str]:
    """Content words of the first prose paragraphs: a headline shares many of them."""
    tokens: set[str] = set()
    for block in body[:3]:
        tokens |= _title_tokens(block.text)
    return tokens


def _source_from_lines(blocks: Sequence[Block], body_start: int | None) -> tuple[str | None, str]:
    for block in blocks:
        if block.size > 40 and block.index != body_start:
            continue
        folded = block.folded
        match = SOURCE_LINE.search(folded) if ":" in folded or "：" in folded else None  # the label's colon
        if match and (match.start() < 30 or block.size <= 20):
            name = block.text[match.start("name") : match.end("name")] if len(block.text) == len(block.folded) else match["name"]
            return name, f"source line {block.line_start}"
    return None, ""


def _source_from_compiled(blocks: Sequence[Block], body_start: int | None) -> tuple[str | None, str]:
    start = body_start or 0
    for block in blocks[start:]:
        if block.size <= 30:
            match = COMPILED_LINE.match(block.text.strip())
            if match:
                return match["name"], f"compiled-from line {block.line_start}"
    return None, ""


def _clean_name(name: str) -> str | None:
    name = name.strip(" :：,，。.()（）[]【】《》\"'“”")
    for word in COMPILED_FROM:
        if name.endswith(word) and len(name) > len(word) + 1:
            name = name[: -len(word)]
    return name or None


def _parse_hint_date(values: Sequence[str]) -> datetime | None:
    for value in values:
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            found = find_date(value)
            if found:
                return found
    return None


def _date_from_header(blocks: Sequence[Block], headline: Block | None, body_start: int | None) -> tuple[datetime | None, str]:
    start = headline.index + 1 if headline is not None else 0
    end = (body_start if body_start is not None else min(len(blocks), 12)) + 1
    for block in blocks[start:end]:
        if block.size > 40 or RELATIVE_DATE.search(block.folded) and not NUMERIC_DATE.search(block.folded):
            continue
        found = find_date(block.text)
        if found:
            return found, f"date in header line {block.line_start}"
    return None, ""


def _author_from_header(blocks: Sequence[Block], body_start: int | None) -> tuple[str | None, str]:
    end = (body_start if body_start is not None else min(len(blocks), 12)) + 1
    for block in blocks[max(0, end - 10) : end]:
        if block.size > 30:
            continue
        match = AUTHOR_LINE.search(block.text)
        if match:
            return (match["name"] or match["en"]).strip(), f"byline line {block.line_start}"
    return None, ""


_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HANGUL = regex.compile(r"\p{Hangul}")
_HAN = regex.compile(r"\p{Han}")
_LETTERS = regex.compile(r"\p{L}+")
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LETTER = regex.compile(r"\p{L}")


def guess_language(text: str) -> str | None:
    """ISO 639-1 code from script (zh/ja/ko) or from Latin function words; None when unsure."""
    if MAYBE_CJK.search(text):  # a superset of Han, kana and Hangul: most Latin text skips the counts
        kana = len(_KANA.findall(text))
        hangul = len(_HANGUL.findall(text))
        han = len(_HAN.findall(text))
    else:
        kana = hangul = han = 0
    if kana + hangul + han >= 10:
        if kana >= 0.05 * (kana + han):
            return "ja"
        if hangul > han:
            return "ko"
        return "zh"
    # When every letter is ASCII (curly quotes and dashes are not letters), \p{L}+ finds the runs of
    # [A-Za-z], and lower-casing the text first gives the same words, folded.
    if text.isascii() or not any(map(_LETTER.match, set(_NON_ASCII.findall(text)))):
        words = _ASCII_LETTERS.findall(text.lower())
    else:
        words = list(map(str.casefold, _LETTERS.findall(text)))
    if len(words) < 5:
        return None
    seen = Counter(words)
    counts = Counter({lang: sum(seen[w] for w in stop if w in seen) for lang, stop in STOP_WORDS_BY_LANG.items()})
    lang, hits = counts.most_common(1)[0]
    return lang if hits >= max(2, 0.05 * len(words)) else None
