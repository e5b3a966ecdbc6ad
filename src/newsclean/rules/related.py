"""Related-article and hot-news teaser lists, and the headings that introduce them.

jusText's lesson: a "相关阅读" heading and the links under it go together, so the heading rule
removes the list that follows it, not just the heading.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex

from ..blocks import Block
from ..meta import STRONG_SEPARATOR, is_prose
from ..textutil import fold
from ..vocab import RELATED_HEADINGS
from .base import Context, Gate, Rule, Verdict

_HEADINGS = frozenset(fold(h) for h in RELATED_HEADINGS)
_HEADING_TRIM = regex.compile(r"^[\s\[【《<(（#>»•·\-–—*]+|[\s\]】》>)）:：.。!！»•·\-–—*]+$")
_MORE_PREFIX = regex.compile(r"^(?:more (?:from|in|on|about|stories)|related|read more|also read|see also|更多|相关)\b", regex.IGNORECASE)


# _HEADING_TRIM's two character classes spelled out (\s is Unicode White_Space), so that
# ``_HEADING_TRIM.sub("", s) == s.lstrip(_TRIM_LEAD).rstrip(_TRIM_TAIL)`` without a regex scan.
_WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_TRIM_LEAD = _WHITE_SPACE + "[【《<(（#>»•·-–—*"
_TRIM_TAIL = _WHITE_SPACE + "]】》>)）:：.。!！»•·-–—*"


def is_related_heading(block: Block) -> bool:
    core = block.folded.lstrip(_TRIM_LEAD).rstrip(_TRIM_TAIL)  # == _HEADING_TRIM.sub("", block.folded)
    if core in _HEADINGS:
        return True
    return block.size <= 6 and not block.ends_sentence and _MORE_PREFIX.match(core) is not None


# A related heading is one of _HEADINGS (compared exactly) or starts with a _MORE_PREFIX phrase,
# each of which holds one of these words.
_HEADING_GATE = Gate(words=("more", "related", "also read", "see also", "更多", "相关"), literals=tuple(_HEADINGS))


def _teaser_like(block: Block) -> bool:
    """A block that can belong to a link list: not a full prose paragraph, or a truncated one."""
    return block.ends_ellipsis or block.list_marker or not is_prose(block)


@dataclass(frozen=True)
class RelatedHeading(Rule):
    """Drops a related/hot-news heading together with the link list that follows it.

    Removes: ``相关文章`` and the titles and ``...`` snippets under it; ``Related articles``; a
             list of teasers with summaries (``Related stories`` / ``Library to open on Sundays``
             / ``By Kim Park`` / ``The main library will open on Sundays from next month, …``,
             and two more items like it, up to the page's end or more chrome).
    Keeps:   a full prose paragraph after the list (the list ends there; also after short
             paragraphs between title-like lines when two paragraphs in a row or a long one
             follow them: a story going on after one link), and the lines under a
             heading that would hold more than half the page's text (a "Related links" label above
             a page that is itself a list of links: only the label goes).
    """

    id = "related.heading_list"
    max_list: int = 120
    #: Teasers with summaries: a list of titles each followed by one paragraph of at most
    #: ``max_summary`` tokens goes on through ``min_summaries`` or more such paragraphs (0: off).
    min_summaries: int = 2
    max_summary: int = 60
    #: ... each item one to this many title/byline/date lines, the first one too
    max_item_lines: int = 3
    gate = _HEADING_GATE

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        blocks = ctx.blocks
        # Only blocks the gate lets through can be headings; a heading's list is skipped over.
        starts = sorted(self.gate.word_indices(ctx.word_hits)) if ctx.word_hits is not None else range(len(blocks))
        after_list = 0
        total: int | None = None  # the page's tokens, counted when a heading is found
        for i in starts:
            if i < after_list:
                continue
            block = blocks[i]
            if ctx.labels[i] is not None and ctx.labels[i].keep or not is_related_heading(block):  # type: ignore[union-attr]
                continue
            heading = block.text.strip()
            yield self.drop(block, f"related-content heading '{heading}'")
            j = i + 1
            while j < len(blocks) and j - i <= self.max_list and _teaser_like(blocks[j]):
                j += 1
            j = self._summaries(blocks, i, j)
            items = blocks[i + 1 : j]
            if total is None:
                total = sum(b.size for b in blocks)
            if 2 * sum(b.size for b in items) <= total:
                for item in items:
                    yield self.drop(item, f"list item under the heading '{heading}' (line {block.line_start})")
            after_list = j


    def _summaries(self, blocks, i: int, j: int) -> int:
        """Where a list of teasers with summaries ends. ``j`` is the first full paragraph after the
        title lines under heading ``i``; while that paragraph is short (``max_summary`` tokens) and
        one to ``max_item_lines`` title lines follow it, it is one more item's summary. With
        ``min_summaries`` or more such items, and the list running into the page's end or into a
        longer run of short lines (more chrome), it goes on to its last summary; if it runs into
        a longer paragraph or two paragraphs in a row, that is the article going on after a link
        and its subheadings, and the list ends at ``j``."""
        if not self.min_summaries or not 1 <= j - i - 1 <= self.max_item_lines:
            return j
        end = _summarised_list_end(blocks, j, max_summary=self.max_summary, max_item_lines=self.max_item_lines,
                                   min_items=self.min_summaries, may_go_on=lambda k: k - i <= self.max_list)
        return j if end is None else end


def _summarised_list_end(blocks, k: int, *, max_summary: int, max_item_lines: int, min_items: int,
                         may_go_on: Callable[[int], bool]) -> int | None:
    """Where a list of teasers with summaries ends, from its first summary paragraph ``k`` (the
    shared walk of :class:`RelatedHeading` and :class:`TeaserSummaries`), or None for no such list.

    Each item is one summary of at most ``max_summary`` tokens followed by one to
    ``max_item_lines`` title lines (``_teaser_like``); ``may_go_on(k)`` says whether block ``k``
    may still be a summary. With ``min_items`` or more items, and the list running into the page's
    end or a longer run of short lines (more chrome), it ends after its last summary; a longer
    paragraph, two paragraphs in a row, or a block ``may_go_on`` refuses mean the page's own text
    goes on: None.
    """
    found = 0
    while k < len(blocks) and blocks[k].size <= max_summary and may_go_on(k):
        titles = k + 1
        while titles < len(blocks) and _teaser_like(blocks[titles]):
            titles += 1
        if titles == len(blocks) or titles - k - 1 > max_item_lines:
            return k + 1 if found + 1 >= min_items else None
        if titles == k + 1:
            return None  # two paragraphs in a row: the page's own text goes on
        found, k = found + 1, titles
    return None


def truncated_length_spread(lengths: list[int]) -> float:
    """Interquartile range of line lengths over their median: near 0 when a site cuts titles at one width."""
    ordered = sorted(lengths)
    n = len(ordered)
    low, median, high = ordered[n // 4], ordered[n // 2], ordered[(3 * n) // 4]
    return (high - low) / median if median else 0.0


@dataclass(frozen=True)
class TeaserRun(Rule):
    """Drops runs of teaser lines: most lines end in '...' or '…' (truncated titles/snippets).

    Removes: ``警方通报一起故意伤害案:情感纠... 澎湃新闻记者 … 8月25日22时2...`` and its neighbours.
    Keeps:   a single body paragraph that ends in an ellipsis among full paragraphs, and runs of
             ``...`` lines whose lengths vary widely (interquartile range over the median above
             ``max_length_spread``): sentences people trail off, not titles cut at one width; on
             HTML, a run holding most of the main-content container's text (a catalogue page
             whose cut descriptions are its content).
    """

    id = "related.teaser_run"
    min_truncated: int = 3
    min_share: float = 0.5
    max_short_size: int = 25
    max_length_spread: float = 0.35
    #: HTML: a run holding this share of the main-content container's text is the page's content
    #: (a catalogue or listing page), not teasers beside an article
    max_main_share: float = 0.8

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        run: list[Block] = []
        for block in (*ctx.blocks, None):
            if block is not None and (block.ends_ellipsis or (block.size <= self.max_short_size and not is_prose(block))):
                if ctx.labels[block.index] is None or not ctx.labels[block.index].keep:  # type: ignore[union-attr]
                    run.append(block)
                    continue
            yield from self._judge(run, ctx)
            run = []

    def _is_the_main_content(self, run: list[Block], ctx: Context) -> bool:
        """HTML only: the run holds most of the text of the main-content container still undropped."""
        in_run = sum(b.size for b in run if b.dom is not None and b.dom.in_main)
        if not in_run:
            return False
        main = sum(b.size for b in ctx.blocks if b.dom is not None and b.dom.in_main and not ctx.is_dropped(b.index))
        return in_run >= self.max_main_share * main

    def _judge(self, run: list[Block], ctx: Context) -> Iterable[Verdict]:
        lengths = [len(b.text.strip()) for b in run if b.ends_ellipsis]
        truncated = len(lengths)
        if truncated < self.min_truncated or truncated / len(run) < self.min_share:
            return
        spread = truncated_length_spread(lengths)
        if spread > self.max_length_spread:
            return  # cut-off teasers share one length; hand-written '...' sentences vary
        if self._is_the_main_content(run, ctx):
            return
        reason = f"{truncated} of {len(run)} lines in this run end in '...', their lengths within {spread:.0%} of the median"
        for block in run:
            if ctx.labels[block.index] is None:
                yield self.drop(block, reason)


@dataclass(frozen=True)
class SiteSuffixTitles(Rule):
    """Drops lines ending in a site-name suffix shared with the headline or with 3+ other lines.

    Removes: ``• 倍轻松再爆实控人马学军占用上市公司资金|界面新闻`` (titles of other pages).
    Keeps:   a body sentence containing a '|' character.
    """

    id = "related.site_suffix_titles"
    min_shared: int = 3
    max_size: int = 80

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        tails: dict[int, str] = {}
        for block in ctx.undecided():
            if block.size > self.max_size:
                continue
            text = block.text
            if "--" not in text and not any(ch in text for ch in "|｜丨_"):
                continue  # STRONG_SEPARATOR needs one of these: split would give one part
            parts = STRONG_SEPARATOR.split(text)
            if len(parts) >= 2 and parts[0].strip() and len(parts[-1]) <= 30:
                tails[block.index] = fold(regex.split(r"(?:(?<!\s)\s++)?[·•]\s*", parts[-1].strip())[0])
        counts = Counter(tails.values())
        site = fold(ctx.meta.site_suffix) if ctx.meta.site_suffix else None
        for index, tail in tails.items():
            if tail and (tail == site or counts[tail] >= self.min_shared):
                why = "the headline's site suffix" if tail == site else f"a suffix shared by {counts[tail]} lines"
                yield self.drop(ctx.blocks[index], f"title of another page: ends in '{tail}', {why}")


@dataclass(frozen=True)
class RepeatedLine(Rule):
    """Drops a later copy of a line already seen (teaser titles shown twice, menus repeated).

    Removes: the second ``外卖大战不能简单定义为“内卷式竞争”…|界面新闻`` of a pair.
    Keeps:   the first occurrence, short repeated words like ``Yes.`` inside dialogue, short CJK
             lines (under 8 CJK characters) such as a price ``成人票：60元`` repeated in a table, and
             a short copy (under 10 tokens) between lines that are not copies: a table cell or
             schedule line repeated under each item (``Location: Room 111, Main Hall``), which the
             later rules judge by its neighbours.
    """

    id = "related.repeated_line"
    min_size: int = 4
    min_cjk_chars: int = 8
    #: A copy shorter than this with no copy right before or after it is left to later rules.
    min_isolated_size: int = 10

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        seen: dict[str, int] = {}
        copies: list[tuple[Block, int]] = []
        for block in ctx.blocks:
            if block.size < self.min_size or (block.is_cjk and block.n_cjk < self.min_cjk_chars):
                continue
            key = block.folded.strip()
            first = seen.setdefault(key, block.line_start)
            if first != block.line_start and ctx.labels[block.index] is None:
                copies.append((block, first))
        indices = {block.index for block, _ in copies}
        for block, first in copies:
            if block.size < self.min_isolated_size and block.index - 1 not in indices and block.index + 1 not in indices:
                continue  # a repeated cell between different lines: structure of the article itself
            yield self.drop(block, f"repeats line {first}")

# Words a headline-style title leaves in lower case ("Why the Fed Is Holding Rates for Now").
_TITLE_SMALL_WORDS = frozenset(
    "a an the and or but nor so yet of in on at to for by with from as is vs via into over per".split()
)
# (``re``, not ``regex``: the same matches for these ASCII classes, found faster; this runs on every block)
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
# Code, markup and table lines are not titles ("B --> C[Query Planner]", "x = f(y);").
_NOT_TITLE_CHARS = frozenset("[]{}<>=;|#/")
_NOT_TITLE_CHAR = re.compile("[" + re.escape("".join(sorted(_NOT_TITLE_CHARS))) + "]")


def is_title_case_line(block: Block) -> bool:
    """A short Latin-script line in headline capitalisation: 3-16 words, not ending a sentence,
    no list number, and every word but the first and the small words capitalised."""
    text = block.text.strip()
    if not text or text[-1] in ".!?:;" or text[0].isdigit() or block.list_marker:
        return False
    if _NOT_TITLE_CHAR.search(text) is not None:
        return False
    words = _LATIN_WORD.findall(text)
    if not 3 <= len(words) <= 16:
        return False
    big = [w for w in words[1:] if w.casefold() not in _TITLE_SMALL_WORDS]
    return len(big) >= 2 and sum(1 for w in big if w[0].isupper()) >= 0.9 * len(big)


@dataclass(frozen=True)
class TitleRun(Rule):
    """Drops runs of lines in headline capitalisation: titles of other pages listed in a sidebar.

    Removes: ``Why the City Council Delayed the Bridge Vote Again`` when it is one of 4+ such lines
             in a row (blocks already removed inside the run do not break it).
    Keeps:   fewer title lines in a row; numbered list items (``1. San Jose Housing Market``),
             sentence-case list items (``Efficient service and careful handling``) and code lines.
    """

    id = "related.title_run"
    min_run: int = 4

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        run: list[Block] = []
        for block in (*ctx.blocks, None):
            if block is not None and not ctx.is_kept(block.index) and is_title_case_line(block):
                run.append(block)
                continue
            if len(run) >= self.min_run:
                for item in run:
                    if ctx.labels[item.index] is None:
                        yield self.drop(item, f"one of {len(run)} lines in headline capitalisation in a row (titles of other pages)")
            run = []


@dataclass(frozen=True)
class TeaserSummaries(Rule):
    """Drops a list of teasers with summaries that starts right after a chrome line, in the second
    half of the page's prose: items of one to ``max_item_lines`` title/byline/date lines and one
    short paragraph (``max_summary`` tokens), ``min_items`` or more, running into the page's end
    or into a longer run of short lines.

    Removes: after ``Share on Facebook`` under a story, ``Library to open on Sundays`` /
             ``The main library will open on Sundays from next month, after the council …`` and
             two more items like it.
    Keeps:   a story's own subheadings and short paragraphs when two paragraphs in a row or a long
             paragraph follow them (``What happens next`` / ``The council will publish …`` /
             ``Who pays`` / ``Most of the money …`` / a long paragraph), and such lists in the
             first half of the page's prose (the page's own content).
    """

    id = "related.teaser_summaries"
    min_items: int = 3
    max_summary: int = 60
    max_item_lines: int = 3
    #: share of the page's prose (tokens of prose blocks) that must come before the list
    min_position: float = 0.5

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        blocks, labels = ctx.blocks, ctx.labels
        before = [0]
        for block in blocks:
            before.append(before[-1] + (block.size if is_prose(block) else 0))
        total = before[-1]
        if not total:
            return
        i = 1
        while i < len(blocks):
            previous = labels[i - 1]
            if (labels[i] is None and previous is not None and not previous.keep
                    and before[i] >= self.min_position * total and _teaser_like(blocks[i])):
                end = self._list_end(blocks, labels, i)
                if end > i:
                    first, last = blocks[i].line_start, blocks[end - 1].line_end
                    for block in blocks[i:end]:
                        if labels[block.index] is None:
                            yield self.drop(block, f"teaser or summary in a list of teasers with summaries (lines {first}-{last}, after {previous.rule})")
                    i = end
                    continue
            i += 1

    def _list_end(self, blocks, labels, i: int) -> int:
        """The end of the list of teasers with summaries starting at ``i``, or ``i`` if there is none."""
        k = i
        while k < len(blocks) and _teaser_like(blocks[k]):
            k += 1
        if not 1 <= k - i <= self.max_item_lines:
            return i
        end = _summarised_list_end(blocks, k, max_summary=self.max_summary, max_item_lines=self.max_item_lines,
                                   min_items=self.min_items, may_go_on=lambda k: labels[k] is None)
        return i if end is None else end
