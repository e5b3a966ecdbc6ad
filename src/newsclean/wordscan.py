"""One pass over a document for many literal words: which blocks hold which word.

Line rules declare the words a block must contain before they could drop it
(:class:`~newsclean.rules.base.Gate`). Instead of every rule testing every block, the pipeline
joins the blocks' folded text once and runs one Aho-Corasick automaton (``ahocorasick_rs``, a
DFA that reports every occurrence, overlapping ones included) over it for the words of all rules,
then hands each rule the blocks that hold one of its words.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

import ahocorasick_rs

from .blocks import Block
from .deadline import CHARS_PER_CHECK, check_deadline
from .textutil import fold


#: folded characters per automaton call (between two deadline checks): about 10 ms of scanning
SCAN_CHUNK_CHARS = 1_000_000


class WordScanner:
    """Finds, for a fixed set of words, the blocks whose folded text contains each word."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words: tuple[str, ...] = tuple(sorted(set(words)))
        if any(not w or "\n" in w for w in self.words):
            raise ValueError("scanner words must be non-empty and hold no newline")
        self._automaton = (
            ahocorasick_rs.AhoCorasick(self.words, implementation=ahocorasick_rs.Implementation.DFA)
            if self.words else None
        )

    def scan(self, blocks: Sequence[Block], *, deadline: float | None = None) -> dict[str, list[int]]:
        """``{word: [block index, ...]}`` for every word found (indices ascending, no repeats).

        The blocks are scanned in runs of about ``SCAN_CHUNK_CHARS`` folded characters, cut at
        block boundaries (no word holds the newline between two blocks, so no match is lost or
        split); with a ``deadline`` the clock is checked between runs (folding can make a page
        18 times longer, and one automaton call cannot be interrupted).
        """
        if self._automaton is None or not blocks:
            return {}
        folded = folded_texts(blocks, deadline=deadline)
        hits: dict[str, list[int]] = {}
        if sum(map(len, folded)) + len(folded) <= SCAN_CHUNK_CHARS:  # most pages: one run
            self._scan_run(blocks, folded, 0, len(folded), hits)
            return hits
        first = 0
        while first < len(folded):
            last, size = first, 0
            while last < len(folded) and (last == first or size + len(folded[last]) <= SCAN_CHUNK_CHARS):
                size += len(folded[last]) + 1
                last += 1
            if deadline is not None and first:  # (folded_texts checked the clock up to here)
                check_deadline(deadline, "while scanning the text for rule words")
            self._scan_run(blocks, folded, first, last, hits)
            first = last
        return hits

    def _scan_run(self, blocks: Sequence[Block], folded: list[str], first: int, last: int,
                  hits: dict[str, list[int]]) -> None:
        """Add the hits of blocks ``first``..``last - 1`` (in order) to ``hits``."""
        starts: list[int] = []
        offset = 0
        for piece in folded[first:last]:
            starts.append(offset)
            offset += len(piece) + 1  # the "\n" between pieces; words hold no newline
        words = self.words
        # Every occurrence (overlapping too): a block holding "comments" also holds "comment".
        text = "\n".join(folded[first:last])
        for word_index, start, _end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            index = blocks[first + bisect_right(starts, start) - 1].index
            found = hits.setdefault(words[word_index], [])
            if not found or found[-1] != index:
                found.append(index)


def folded_texts(blocks: Sequence[Block], *, deadline: float | None = None) -> list[str]:
    """Every block's :attr:`Block.folded` text, stored as that feature when not there yet.

    Only ``folded`` is computed here (the other features stay lazy); the value is the one
    :func:`newsclean.blocks._features` computes. On large documents the clock is checked about
    every ``CHARS_PER_CHECK`` characters (NFKC can expand a character 18-fold).
    """
    out: list[str] = []
    append = out.append
    chars = 0
    for block in blocks:
        cache = block.__dict__
        folded = cache.get("folded")
        if folded is None:
            text = block.text
            folded = cache["folded"] = text.lower() if text.isascii() else fold(text)
            if deadline is not None:
                chars += len(text)
                if chars >= CHARS_PER_CHECK:
                    chars = 0
                    check_deadline(deadline, "while folding the text for the word scan")
        append(folded)
    return out
