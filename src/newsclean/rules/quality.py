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
from ..vocab import CJK_STOP_CHARS, LATIN_STOP_WORDS
from .base import Context, Rule, Verdict

_CJK_GAP = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}][ \t\u3000]+[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")

GOOD, NEAR, SHORT, BAD = "good", "near-good", "short", "bad"


@dataclass(frozen=True)
class ProseScore:
    klass: str
    reason: str


def classify(block: Block, *, max_link_density: float = 0.3) -> ProseScore:
    """jusText-style class of one block, with the measured values in the reason."""
    if block.link_density > max_link_density and block.size < 60:
        return ProseScore(BAD, f"link density {block.link_density:.2f} > {max_link_density}")
    if block.ends_ellipsis and block.size < 120:
        return ProseScore(BAD, "truncated block ending in '...'")
    if block.is_cjk:
        n = block.n_cjk
        punct = block.n_clause_punct + block.n_sentence_punct
        gaps = len(_CJK_GAP.findall(block.text))
        if n >= 40 and gaps >= 4 and gaps * 25 > n:
            return ProseScore(BAD, f"{gaps} spaces between CJK characters in {n}: glued fragments, not prose")
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
    stop = sum(1 for w in block.words if w.casefold() in LATIN_STOP_WORDS) / words
    if words < 10:
        return ProseScore(SHORT, f"{words} words")
    if stop >= 0.30 and words >= 25 and (block.n_sentence_punct or block.n_clause_punct):
        return ProseScore(GOOD, f"{words} words, stop-word share {stop:.2f}")
    if stop >= 0.2:
        return ProseScore(NEAR, f"{words} words, stop-word share {stop:.2f}")
    return ProseScore(BAD, f"{words} words, stop-word share {stop:.2f} < 0.20")


@dataclass(frozen=True)
class ProseClassifier(Rule):
    """Keeps clear prose and drops clear non-prose; leaves short and borderline blocks undecided.

    Removes: ``Home News Sport Business Culture Travel Weather Login`` (words without function words).
    Keeps:   ``The minister said on Tuesday that the talks would continue next week in Geneva, …``.
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

    A short block is kept when the nearest decided block on both sides was kept; a borderline
    block when either side was. The page edges count as dropped.
    Removes: a menu word ``Sport`` between navigation lines.
    Keeps:   the subheading ``特朗普与普京通话`` between two body paragraphs.
    """

    id = "quality.context"

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        blocks = ctx.blocks
        labels = ctx.labels
        n = len(blocks)
        prev_state: list[bool | None] = [None] * n
        last: bool | None = None
        for i in range(n):
            prev_state[i] = last
            if labels[i] is not None:
                last = labels[i].keep  # type: ignore[union-attr]
        nxt: bool | None = None
        for i in range(n - 1, -1, -1):
            if labels[i] is not None:
                nxt = labels[i].keep  # type: ignore[union-attr]
                continue
            block = blocks[i]
            score = classify(block)
            before, after = bool(prev_state[i]), bool(nxt)
            if score.klass == NEAR:
                keep = before or after
                rule = "borderline block with a kept neighbour" if keep else "borderline block without a kept neighbour"
            else:
                keep = before and after
                rule = "short block between kept blocks" if keep else "short block next to dropped blocks or the page edge"
            reason = f"{rule} ({score.reason}; before: {_side(prev_state[i])}, after: {_side(nxt)})"
            yield Verdict(i, keep, reason)


def _side(state: bool | None) -> str:
    return "edge" if state is None else ("kept" if state else "dropped")
