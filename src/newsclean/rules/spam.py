"""Spam link blocks: adult-gallery spam and bare-URL link farms."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from ..blocks import Block
from .base import Context, Gate, Rule, Verdict

# "[20P]", "[12P", "(30p)": picture-count tags of gallery spam.
_PIC_COUNT = regex.compile(r"[\[(（]\s*\d{1,3}\s*[pP](?:\s*[\])）]|$)")
# "[欧美] …", "[写真] …": a bracketed category tag opening a list item.
_CATEGORY_TAG = regex.compile(r"^\s*(?:[-–•·*]\s*)?[\[【]\s*[^\]】\s]{1,6}\s*[\]】]")
_BARE_URL = regex.compile(r"^\s*(?:[-•*]\s*)?(?:https?://|www\.)\S+\s*$", regex.IGNORECASE)
# A tag needs [ ( or 【 (NFKC folds （ to "("); a bare URL needs http or www.
_TAG_GATE = Gate(words=("[", "(", "【"))


@dataclass(frozen=True)
class SpamLinks(Rule):
    """Drops gallery spam lines, runs of category-tagged link items, and bare-URL lines.

    Removes: ``- [欧美] Some Name[20P]`` and the tagged list run around it; ``http://spam.example/x``.
    Keeps:   ``[更新] 警方表示，嫌疑人已于当晚落网。`` (a tagged but sentence-like body line).
    """

    id = "spam.links"
    min_run: int = 4
    min_share: float = 0.25
    gate = Gate(words=_TAG_GATE.words + ("http", "www."))  # (the tag gate has words only)

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        blocks = ctx.blocks
        # Without a tagged block no run reaches min_share.
        runs = _list_runs(blocks) if ctx.word_hits is None or _TAG_GATE.word_indices(ctx.word_hits) else ()
        for run in runs:
            tagged = [b for b in run if _PIC_COUNT.search(b.text) or _CATEGORY_TAG.match(b.text)]
            if len(run) >= self.min_run and len(tagged) / len(run) >= self.min_share:
                reason = f"{len(tagged)} of {len(run)} list items carry gallery/category spam tags"
                for block in run:
                    if ctx.labels[block.index] is None:
                        yield self.drop(block, reason)
        for block in self.gate.candidates(ctx):
            if _PIC_COUNT.search(block.text) and block.size <= 30 and not block.ends_sentence:
                yield self.drop(block, "gallery spam picture-count tag")
            elif _BARE_URL.match(block.text):
                yield self.drop(block, "bare URL line")


def _list_runs(blocks: tuple[Block, ...]) -> Iterable[list[Block]]:
    run: list[Block] = []
    for block in blocks:
        if block.list_marker or _CATEGORY_TAG.match(block.text):
            run.append(block)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run
