"""The rule contract: a rule reads the document and the labels so far and returns verdicts.

A rule never mutates the input or another rule's label. The pipeline applies verdicts in rule
order; the first verdict on a block wins. Every verdict carries the rule's stable id and a human
reason with the measured values that triggered it (one format for every rule).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import TYPE_CHECKING, ClassVar

import regex

from ..blocks import Block, Document
from ..textutil import compile_alternation, literal_prefilter

if TYPE_CHECKING:  # pragma: no cover
    from ..meta import MetaScan


@dataclass(frozen=True)
class Verdict:
    """A rule's decision on one block: keep or drop, and why."""

    index: int
    keep: bool
    reason: str


@dataclass(frozen=True)
class Label:
    """The decision the pipeline recorded for a block."""

    keep: bool
    rule: str
    reason: str


@dataclass(frozen=True)
class Context:
    """What a rule may read: the document, the metadata scan, and the labels so far."""

    doc: Document
    meta: "MetaScan"
    labels: Sequence[Label | None]
    #: For each gate word of the pipeline's rules, the indices of the blocks whose folded text
    #: contains it (see :class:`Gate`); None when gates are off, and every block is judged.
    word_hits: Mapping[str, Sequence[int]] | None = None

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.doc.blocks

    def undecided(self) -> Iterable[Block]:
        """The blocks no earlier rule decided, in order (labels do not change while a rule runs)."""
        return compress(self.doc.blocks, [label is None for label in self.labels])

    def is_dropped(self, index: int) -> bool:
        label = self.labels[index]
        return label is not None and not label.keep

    def is_kept(self, index: int) -> bool:
        label = self.labels[index]
        return label is not None and label.keep


class Rule(ABC):
    """One small step of the pipeline. Subclasses are frozen dataclasses with typed parameters.

    ``id`` is stable (it appears in removals and in configuration); the docstring of each rule
    says what it removes, with one line it removes and one it keeps.
    """

    id: ClassVar[str]

    @abstractmethod
    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        raise NotImplementedError

    def drop(self, block: Block, reason: str) -> Verdict:
        return Verdict(block.index, False, reason)

    def keep(self, block: Block, reason: str) -> Verdict:
        return Verdict(block.index, True, reason)


@dataclass(frozen=True)
class Gate:
    """A cheap necessary condition for a :class:`LineRule` to drop a block.

    A rule with a gate promises: :meth:`LineRule.judge` returns None for every block whose
    :attr:`Block.folded` text contains none of ``words`` (single characters are words too) and
    nothing ``pattern`` finds, and whose stripped text is longer than ``max_chars`` (when given). The pipeline then
    finds the blocks that pass with one scan of the whole document for all rules' words
    (:class:`~newsclean.pipeline.Pipeline`), and judges only those. The output is the same as
    judging every block; ``Pipeline(gates=False)`` judges every block, to check exactly that.

    ``words`` are what the rule's IGNORECASE patterns look for, so they must be safe as literals
    (:func:`~newsclean.textutil.literal_prefilter`): each is its own fold and has no cased non-ASCII
    character, so an IGNORECASE match of it in folded text is the word itself; a gate with an
    unsafe word raises ``ValueError`` when it is made. ``literals`` are strings the rule compares
    with folded text exactly (set membership, ``in``), which any non-empty string can be.
    """

    words: tuple[str, ...] = ()
    literals: tuple[str, ...] = ()
    #: a pattern searched in the folded text of each block (e.g. ``\d``)
    pattern: "regex.Pattern[str] | None" = None
    #: judge() returns None for blocks whose stripped text has more characters than this
    max_chars: int | None = None
    _words: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        checked = literal_prefilter(self.words)
        if checked is None:
            unsafe = [w for w in self.words if literal_prefilter((w,)) is None]
            raise ValueError(f"gate words must be folded literals without cased non-ASCII letters: {unsafe}")
        every = frozenset(checked) | frozenset(self.literals)
        if any(not w or "\n" in w for w in every):
            raise ValueError("gate words must be non-empty and hold no newline")
        object.__setattr__(self, "_words", every)

    @property
    def scan_words(self) -> frozenset[str]:
        """Every string the pipeline's word scan must look for on behalf of this gate."""
        return self._words

    def candidates(self, ctx: Context) -> Iterable[Block]:
        """The undecided blocks this gate lets through, in document order."""
        blocks, labels = ctx.doc.blocks, ctx.labels
        if ctx.word_hits is None:
            return ctx.undecided()
        if self.pattern is not None or self.max_chars is not None:
            by_word = self.word_indices(ctx.word_hits)
            search, max_chars = self.pattern.search if self.pattern else None, self.max_chars
            return (
                b for b in blocks
                if labels[b.index] is None and (
                    b.index in by_word
                    or (search is not None and search(b.folded) is not None)
                    or (max_chars is not None and (len(b.text) <= max_chars or len(b.text.strip()) <= max_chars))
                )
            )
        return (blocks[i] for i in sorted(self.word_indices(ctx.word_hits)) if labels[i] is None)

    def word_indices(self, word_hits: Mapping[str, Sequence[int]]) -> set[int]:
        out: set[int] = set()
        # Speed: the page holds few of the gate's words; the intersection iterates the found ones.
        for word in self._words.intersection(word_hits):
            out.update(word_hits[word])
        return out


class LineRule(Rule):
    """A rule that judges each undecided block on its own: override :meth:`judge`.

    A subclass may set ``gate`` (a :class:`Gate`): a necessary condition for a drop that the
    pipeline checks for all blocks at once, so :meth:`judge` runs only on the blocks that pass it.
    """

    gate: ClassVar[Gate | None] = None

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        for block in self.candidates(ctx):
            reason = self.judge(block, ctx)
            if reason is not None:
                yield self.drop(block, reason)

    def candidates(self, ctx: Context) -> Iterable[Block]:
        """The undecided blocks :meth:`judge` may drop: those the gate lets through, or all of them."""
        return self.gate.candidates(ctx) if self.gate is not None else ctx.undecided()

    @abstractmethod
    def judge(self, block: Block, ctx: Context) -> str | None:
        """Return a reason to drop the block, or None to leave it to later rules."""
        raise NotImplementedError
