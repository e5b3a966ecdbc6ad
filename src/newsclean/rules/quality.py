"""Prose classification in the spirit of jusText, then context smoothing by neighbours.

Stage one labels clear cases: long punctuated blocks with function words are kept; long blocks
that read like fragment lists are dropped. Short and borderline blocks stay undecided, and stage
two lets the nearest decided neighbours settle them (a subheading between two paragraphs stays,
a menu item between chrome goes).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from ..blocks import Block
from ..textutil import joiner
from ..vocab import CJK_STOP_CHARS, KOREAN_FUNCTION_ENDINGS, LATIN_STOP_WORDS
from .base import Context, Rule, Verdict

# A Chinese news dateline ("中新网1月12日电"): two or more in one block are several stories glued together.
_DATELINE = regex.compile(r"\d{1,2}月\d{1,2}日(?:电|讯)")
_CJK_GAP = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}][ \t\u3000]+[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_HANGUL = regex.compile(r"\p{Hangul}")
# An excerpt of another page cut off mid-sentence: a word (or comma) and then "[…]" / "[...]" at the end.
_CLOSING_BRACKETS = frozenset("])）】")
_EXCERPT_CUT = regex.compile(r"[\p{L}\p{N},，]\s*[\[(（【]\s*(?:\.{3,}|…+)\s*[\])）】]\s*$")
# The end of a Korean word: trailing punctuation, symbols and digits stripped.
_WORD_TAIL = regex.compile(r"[\p{P}\p{S}\p{N}]+$")

GOOD, NEAR, SHORT, BAD = "good", "near-good", "short", "bad"


@dataclass(frozen=True)
class ProseScore:
    klass: str
    reason: str


DEFAULT_MAX_LINK_DENSITY = 0.3

#: a data-table row: at least this many tokens, at least this share of them numbers
DATA_ROW_MIN_TOKENS = 3
DATA_ROW_NUMBER_SHARE = 0.4
_NUMBER = regex.compile(r"^[-+]?[$€£¥]?\d[\d,.]*%?$")


def is_data_row(block: Block) -> bool:
    """A line of a data table: mostly numbers (``7 USAA Group 35,194,755 13.2``), not a sentence.

    The region finder counts it as neutral, so a long table inside an article does not cut the
    article in two (menus, teasers and footers, with few numbers, still count against a region);
    context smoothing keeps a run of them beside a kept block.
    """
    words = block.words
    if block.n_words < DATA_ROW_MIN_TOKENS or block.ends_sentence or block.is_cjk:
        return False
    numbers = sum(1 for w in words if _NUMBER.match(w))
    return numbers >= DATA_ROW_NUMBER_SHARE * len(words)

#: A block ending in '...' shorter than this (CJK characters + words) is a cut-off teaser. A
#: Latin-script paragraph of 40+ words that trails off ("Let us refresh your memory…") is judged
#: as prose (measured on the dev set: teasers cut by a site are shorter; on CJK pages the longer
#: bound measured better).
MAX_TRUNCATED_CJK = 120
MAX_TRUNCATED_LATIN = 40
#: A Latin-script block of at least this many words with almost no function words is a keyword
#: blob (a flattened menu or tag cloud) and clear non-prose; a shorter one reads as a list item or
#: table row and is left to context smoothing.
MIN_KEYWORD_BLOB_WORDS = 60


def classify(block: Block, *, max_link_density: float = DEFAULT_MAX_LINK_DENSITY) -> ProseScore:
    """jusText-style class of one block, with the measured values in the reason.

    A pure function of the block; with the default ``max_link_density`` the score is computed
    once per block and kept on it (three rules ask for it).
    """
    if max_link_density == DEFAULT_MAX_LINK_DENSITY:
        cache = block.__dict__
        score = cache.get("_prose_score")
        if score is None:
            score = cache["_prose_score"] = _classify(block, max_link_density)
        return score
    return _classify(block, max_link_density)


def _classify(block: Block, max_link_density: float) -> ProseScore:
    if block.link_density > max_link_density and block.size < 60:
        return ProseScore(BAD, f"link density {block.link_density:.2f} > {max_link_density}")
    if block.ends_ellipsis and block.size < (MAX_TRUNCATED_CJK if block.is_cjk else MAX_TRUNCATED_LATIN):
        return ProseScore(BAD, "truncated block ending in '...'")
    if block.text.rstrip()[-1:] in _CLOSING_BRACKETS and _EXCERPT_CUT.search(block.text):
        return ProseScore(BAD, "excerpt cut off mid-sentence with a bracketed '[…]'")
    if block.is_cjk:
        n = block.n_cjk
        if _HANGUL.search(block.text):
            hangul = len(_HANGUL.findall(block.text))
            if 2 * hangul > n:
                return _classify_korean(block, hangul)
        punct = block.n_clause_punct + block.n_sentence_punct
        gaps = len(_CJK_GAP.findall(block.text))
        if n >= 40 and gaps >= 4 and gaps * 50 > n:
            return ProseScore(BAD, f"{gaps} spaces between CJK characters in {n}: glued fragments, not prose")
        datelines = len(_DATELINE.findall(block.text))
        if datelines >= 2 and gaps >= 2:
            return ProseScore(BAD, f"{datelines} news datelines and {gaps} CJK spaces in one block: glued teasers")
        if n < 12:
            return ProseScore(SHORT, f"{n} CJK characters")
        stop = sum(1 for ch in block.text if ch in CJK_STOP_CHARS) / n
        if n >= 30 and punct >= 2 and stop >= 0.02:
            return ProseScore(GOOD, f"{n} CJK characters, {punct} punctuation marks, stop-char share {stop:.2f}")
        if punct >= 1 or stop >= 0.04:
            return ProseScore(NEAR, f"{n} CJK characters, {punct} punctuation marks")
        return ProseScore(SHORT if n < 30 else BAD, f"{n} CJK characters without punctuation")
    words = block.n_words
    if words == 0:
        return ProseScore(SHORT, "no words")
    stop = block.n_stop / words  # words whose casefold is in LATIN_STOP_WORDS
    if words < 10:
        return ProseScore(SHORT, f"{words} words")
    if stop >= 0.22 and words >= 25 and (block.n_sentence_punct or block.n_clause_punct):
        return ProseScore(GOOD, f"{words} words, stop-word share {stop:.2f}")
    if stop >= 0.12:
        return ProseScore(NEAR, f"{words} words, stop-word share {stop:.2f}")
    if words < MIN_KEYWORD_BLOB_WORDS:
        # A list item, table row or subtitle ("Local move cost: $131 per hour, two movers") has
        # few function words too; its neighbours settle it (measured on the dev set: dropping
        # these outright cost more article lists and tables than it removed chrome).
        return ProseScore(SHORT, f"{words} words, stop-word share {stop:.2f} < 0.12: a list item or table row")
    return ProseScore(BAD, f"{words} words, stop-word share {stop:.2f} < 0.12")


def _classify_korean(block: Block, hangul: int) -> ProseScore:
    """Korean separates words by spaces (no glued-fragment test) and marks grammar with word-final
    particles and endings: the share of words ending in one stands in for the stop-word share."""
    words = [_WORD_TAIL.sub("", w) for w in block.text.split() if _HANGUL.search(w)]
    ending = sum(1 for w in words if w and w[-1] in KOREAN_FUNCTION_ENDINGS) / len(words)
    punct = block.n_clause_punct + block.n_sentence_punct
    values = f"{hangul} Hangul characters in {len(words)} words, {ending:.2f} ending in a particle or verb ending, {punct} punctuation marks"
    if hangul < 12:
        return ProseScore(SHORT, values)
    if hangul >= 30 and ending >= 0.5 and block.ends_sentence:
        return ProseScore(GOOD, values)
    if ending >= 0.5 or (block.ends_sentence and ending >= 0.3):
        return ProseScore(NEAR, values)
    return ProseScore(SHORT if hangul < 30 else BAD, values)


@dataclass(frozen=True)
class ProseClassifier(Rule):
    """Keeps clear prose and drops clear non-prose; leaves short and borderline blocks undecided.

    Removes: a flattened menu or tag cloud of 60+ words without function words
             (``Home News Sport Business Culture Travel Weather Login Register Video Podcasts …``).
    Keeps:   ``The minister said on Tuesday that the talks would continue next week in Geneva, …``.
             A shorter line without function words (a list item, a table row:
             ``Studio flat: two movers, three hours, cost $785–$1,047``) is left to context smoothing.
    """

    id = "quality.prose"

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        for block in ctx.undecided():
            score = classify(block)
            if score.klass == GOOD:
                yield self.keep(block, f"prose: {score.reason}")
            elif score.klass == BAD:
                yield self.drop(block, f"not prose: {score.reason}")


@dataclass(frozen=True)
class ContextSmoothing(Rule):
    """Settles short and borderline blocks by their nearest decided neighbours.

    Adjacent borderline blocks that each end a sentence (a short story in short paragraphs) are
    kept as a run. Other borderline blocks are settled next (kept when the nearest decided block on either side was
    kept); then a short block is kept when the nearest decided block on both sides was kept, or on
    one side when it is a whole sentence of 3+ tokens. The page edges count as dropped; blocks removed by the
    ``transparent`` rules (credits, captions, placeholder tokens, source lines such as
    ``Source: City Council``) are looked through.
    A run of 3+ adjacent data-table rows (mostly numbers) stays with one kept neighbour.
    Removes: a menu word ``Sport`` between navigation lines.
    Keeps:   the subheading ``特朗普与普京通话`` between two body paragraphs; ``Thanks for listening.``
             as the last line of a story, before the share buttons; the rows of a results table
             (``1 Northfield 42 13 3 2``) right after a paragraph.
    """

    id = "quality.context"
    #: Rules whose removals sit inside an article (a credit under a photo, a placeholder token, a
    #: source line between two parts of a story; measured on the dev set: bylines and date lines
    #: are not transparent, they more often close the article):
    #: the neighbours of such a block look through it.
    transparent: frozenset[str] = frozenset({"media.credit", "media.caption", "junk.placeholder", "meta.source_line"})
    #: A borderline block looks for a kept neighbour across at most this many undecided blocks
    #: (None: any distance, as jusText does; measured best on the dev set).
    max_gap: int | None = None
    #: This many adjacent borderline blocks that each end a sentence are kept as a run.
    min_sentence_run: int = 2
    #: A short block that is a whole sentence (3+ tokens, ends in sentence punctuation) stays when
    #: the nearest decided block on either side was kept (the last lines of a story: "Thanks for reading.").
    keep_short_sentences: bool = True
    #: A run of this many adjacent data-table rows (mostly numbers) next to a kept block is a table
    #: of the article: it stays with one kept neighbour.
    min_table_rows: int = 3

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        blocks = ctx.blocks
        state: list[bool | None] = [
            None if label is None or label.rule in self.transparent else label.keep for label in ctx.labels
        ]
        scores = {b.index: classify(b) for b in blocks if ctx.labels[b.index] is None}
        # Pass -1: a paragraph hard-wrapped over several lines is judged as the paragraph.
        for run in _wrapped_runs(blocks, scores):
            if run[0].is_cjk:
                continue  # measured: on CJK pages wrapped-line joining cost more than it gained
            joined = run[0].text
            for left, right in zip(run, run[1:]):
                joined += joiner(left.text, right.text) + right.text
            whole = Block(index=-1, text=joined, start=run[0].start, end=run[-1].end,
                          line_start=run[0].line_start, line_end=run[-1].line_end)
            score = classify(whole)
            if score.klass == GOOD:
                for block in run:
                    state[block.index] = True
                    yield Verdict(block.index, True, f"line of a paragraph hard-wrapped over {len(run)} lines ({score.reason})")
        scores = {i: sc for i, sc in scores.items() if state[i] is None}
        # Pass 0: a run of adjacent borderline blocks that each end a sentence is a short story
        # written in short paragraphs; with no long paragraph to lean on it stands on its own.
        run: list[int] = []
        for i in [*sorted(scores), -1]:
            if i >= 0 and scores[i].klass == NEAR and blocks[i].ends_sentence and (not run or run[-1] == i - 1):
                run.append(i)
                continue
            if len(run) >= self.min_sentence_run:
                for j in run:
                    state[j] = True
                    yield Verdict(j, True, f"one of {len(run)} adjacent borderline sentences ({scores[j].reason})")
            run = [i] if i >= 0 and scores[i].klass == NEAR and blocks[i].ends_sentence else []
        scores = {i: sc for i, sc in scores.items() if state[i] is None}
        # Pass 1: borderline blocks join a kept neighbour.
        settled = list(state)
        if self.max_gap is None:  # unbounded look-around: two linear sweeps instead of a scan per block
            near_before, near_after = _sweep(state, range(len(state))), _sweep(state, range(len(state) - 1, -1, -1))
        for i, score in scores.items():
            if score.klass == NEAR:
                if self.max_gap is None:
                    before, after = near_before[i], near_after[i]
                else:
                    before, after = _nearest(state, i, -1, self.max_gap), _nearest(state, i, 1, self.max_gap)
                settled[i] = bool(before or after)
                rule = "borderline block with a kept neighbour" if settled[i] else "borderline block without a kept neighbour"
                yield Verdict(i, bool(settled[i]), f"{rule} ({score.reason}; before: {_side(before)}, after: {_side(after)})")
        # Pass 2: short blocks stay only between kept blocks (borderline ones now settled).
        # Nearest settled state on each side, found in two linear sweeps (a per-block scan is
        # quadratic on long runs of short lines).
        before_of = _sweep(settled, range(len(settled)))
        after_of = _sweep(settled, range(len(settled) - 1, -1, -1))
        table = self._table_rows(blocks, scores)
        for i, score in scores.items():
            if score.klass != NEAR:
                before, after = before_of[i], after_of[i]
                keep = bool(before and after)
                rule = "short block between kept blocks" if keep else "short block next to dropped blocks or the page edge"
                if not keep and i in table and (before or after):
                    keep, rule = True, f"row of a data table ({table[i]} rows) next to a kept block"
                if not keep and self.keep_short_sentences and score.klass == SHORT and blocks[i].ends_sentence and blocks[i].size >= 3 and (before or after):
                    keep, rule = True, "short sentence next to a kept block"
                yield Verdict(i, keep, f"{rule} ({score.reason}; before: {_side(before)}, after: {_side(after)})")


    def _table_rows(self, blocks, scores: dict[int, ProseScore]) -> dict[int, int]:
        """Short undecided blocks in runs of ``min_table_rows`` or more adjacent data-table rows
        (mostly numbers, see :func:`is_data_row`), each with its run length."""
        rows: dict[int, int] = {}
        run: list[int] = []
        for i in [*sorted(scores), -1]:
            is_row = i >= 0 and scores[i].klass == SHORT and is_data_row(blocks[i])
            if is_row and (not run or run[-1] == i - 1):
                run.append(i)
                continue
            if len(run) >= self.min_table_rows:
                rows.update((j, len(run)) for j in run)
            run = [i] if is_row else []
        return rows


def _nearest(state: list[bool | None], i: int, step: int, max_gap: int | None = None) -> bool | None:
    """The nearest decided state from block ``i`` in direction ``step``; None at the page edge
    (or when more than ``max_gap`` undecided blocks lie in between)."""
    j = i + step
    while 0 <= j < len(state) and (max_gap is None or abs(j - i) <= max_gap + 1):
        if state[j] is not None:
            return state[j]
        j += step
    return None


def _sweep(state: list[bool | None], order: Iterable[int]) -> list[bool | None]:
    """For each index (visited in ``order``), the last decided state passed before reaching it."""
    out: list[bool | None] = [None] * len(state)
    last: bool | None = None
    for i in order:
        out[i] = last
        if state[i] is not None:
            last = state[i]
    return out


def _wrapped_runs(blocks: tuple[Block, ...], undecided: dict[int, ProseScore]) -> list[list[Block]]:
    """Runs of undecided blocks on consecutive lines where each line but the last breaks off
    mid-sentence (ends in a letter, digit or comma, the next starts with a letter or digit)."""
    runs: list[list[Block]] = []
    run: list[Block] = []
    for block in blocks:
        if block.index not in undecided:
            if len(run) >= 2:
                runs.append(run)
            run = []
            continue
        if run:
            prev = run[-1]
            tail = prev.text.rstrip()[-1:]
            head = block.text[:1]
            wraps = (
                block.index == prev.index + 1
                and block.line_start == prev.line_end + 1
                and (tail.isalnum() or tail in ",，、")
                and (head.isalnum())
                and not block.list_marker
                and not prev.ends_sentence
            )
            if wraps:
                run.append(block)
                continue
            if len(run) >= 2:
                runs.append(run)
        run = [block]
    if len(run) >= 2:
        runs.append(run)
    return runs


def _side(state: bool | None) -> str:
    return "edge" if state is None else ("kept" if state else "dropped")
