"""The per-document time budget: a deadline checked between rules and inside long loops.

A deadline is a ``time.monotonic()`` value. Checks are cheap (one clock read per
:data:`CHECK_EVERY` blocks) and only happen in large documents, so the common path pays nothing.
No regex runs with ``timeout=``: every pattern is linear and sees at most ``max_line_chars``
characters, and the regex module's per-call timeout costs several times a short match
(measured in docs/errors.md).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .errors import TimeBudgetExceededError

if TYPE_CHECKING:  # pragma: no cover
    from .blocks import Document

#: Documents with fewer blocks and fewer characters than these are never slowed by in-loop checks:
#: their blocks are capped in length and every pattern is linear, so a rule on them takes milliseconds.
TIMED_MIN_BLOCKS = 2048
TIMED_MIN_CHARS = 300_000
#: In a large document the deadline is checked once per this many blocks iterated ...
CHECK_EVERY = 256
#: ... or more often when blocks are long: about once per this many characters of block text
#: (a rule spends up to ~2 us per character on a long block and NFKC folding can expand a block
#: 18-fold, so checking per 20,000 characters keeps one interval well under a second).
CHARS_PER_CHECK = 20_000


def budget_exceeded(where: str) -> TimeBudgetExceededError:
    return TimeBudgetExceededError(
        f"time budget exceeded {where}; pass limits=Limits(time_budget=...) with more seconds "
        "(or None for no limit), or split the page"
    )


def check_deadline(deadline: float | None, where: str) -> None:
    """Raise :class:`TimeBudgetExceededError` when ``deadline`` (a ``time.monotonic()`` value) has passed."""
    if deadline is not None and time.monotonic() > deadline:
        raise budget_exceeded(where)


class TimedBlocks(tuple):
    """The blocks of one document, checking a deadline while anyone iterates them.

    Every rule and the metadata scan walk ``doc.blocks``; iterating this tuple checks the clock
    once per ``step`` blocks, so a single slow rule on a huge page still stops near the time
    budget. Indexing, ``len`` and slicing are plain tuple operations (no overhead).
    """

    deadline: float
    step: int

    def __new__(cls, blocks: Sequence[object], deadline: float, step: int = CHECK_EVERY) -> "TimedBlocks":
        obj = super().__new__(cls, blocks)
        obj.deadline = deadline
        obj.step = max(1, step)
        return obj

    def __iter__(self):  # type: ignore[override]
        deadline = self.deadline
        step = self.step
        n = 0
        for block in tuple.__iter__(self):
            n += 1
            if n == step:
                n = 0
                if time.monotonic() > deadline:
                    raise budget_exceeded(f"while reading block {block.index} of {len(self)}")
            yield block

    def __reduce__(self):  # pickles (e.g. multiprocessing) as a plain tuple
        return (tuple, (tuple(self),))


def with_deadline(doc: "Document", deadline: float | None) -> "Document":
    """``doc`` whose block iteration checks ``deadline`` (unchanged for small documents or no deadline)."""
    blocks = doc.blocks
    if deadline is None or isinstance(blocks, TimedBlocks):
        return doc
    chars = len(doc.text)
    if len(blocks) < TIMED_MIN_BLOCKS and chars < TIMED_MIN_CHARS:
        return doc
    average = max(1, chars // max(1, len(blocks)))
    return replace(doc, blocks=TimedBlocks(blocks, deadline, min(CHECK_EVERY, CHARS_PER_CHECK // average)))
