"""The rule contract: a rule reads the document and the labels so far and returns verdicts.

A rule never mutates the input or another rule's label. The pipeline applies verdicts in rule
order; the first verdict on a block wins. Every verdict carries the rule's stable id and a human
reason with the measured values that triggered it (one format for every rule).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ..blocks import Block, Document
from ..textutil import compile_alternation

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

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.doc.blocks

    def undecided(self) -> Iterable[Block]:
        return (b for b in self.doc.blocks if self.labels[b.index] is None)

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


class LineRule(Rule):
    """A rule that judges each undecided block on its own: override :meth:`judge`."""

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        for block in ctx.undecided():
            reason = self.judge(block, ctx)
            if reason is not None:
                yield self.drop(block, reason)

    @abstractmethod
    def judge(self, block: Block, ctx: Context) -> str | None:
        """Return a reason to drop the block, or None to leave it to later rules."""
        raise NotImplementedError
