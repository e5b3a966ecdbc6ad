"""Plain-text dumps → blocks: one block per non-blank line, glued chrome split off first.

A scraper's dump sometimes glues a permalink or disclaimer to the end of a paragraph or of a
run-on teaser blob (``…签署协 。本文链接:<title><url>``). Such a line is split at the label so
the two parts can be judged separately; both keep their exact offsets in the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from ..blocks import Block, Document, new_block
from ..deadline import check_deadline
from ..vocab import PERMALINK_LABELS

_LINE = regex.compile(r"[^\n]*")
# A permalink label preceded by sentence punctuation or a space somewhere inside a line.
_GLUE_SPLIT = regex.compile(
    r"(?<=[。.!?！？\s])(?=(?:" + "|".join(regex.escape(label) for label in PERMALINK_LABELS) + r")\s*[:：])",
    regex.IGNORECASE,
)


def _split_glued(text: str, start: int) -> Iterator[tuple[str, int]]:
    """Yield (piece, offset) for a stripped line, split before glued permalink labels."""
    if ":" not in text and "：" not in text:  # every label is followed by a colon
        yield text, start  # (the caller passes a stripped, non-empty line)
        return
    cut = 0
    for match in _GLUE_SPLIT.finditer(text):
        if match.start() == 0:
            continue
        piece = text[cut : match.start()]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            yield piece.strip(), start + cut + lead
        cut = match.start()
    rest = text[cut:]
    if rest.strip():
        lead = len(rest) - len(rest.lstrip())
        yield rest.strip(), start + cut + lead


def _cap(piece: str, start: int, max_chars: int) -> Iterator[tuple[str, int]]:
    """Cut a piece longer than ``max_chars`` into chunks (at a space when one is near the cut)."""
    while len(piece) > max_chars:
        cut = piece.rfind(" ", max_chars // 2, max_chars)
        cut = cut if cut > 0 else max_chars
        head = piece[:cut].rstrip()
        yield head, start
        rest = piece[cut:]
        skipped = len(rest) - len(rest.lstrip())
        start += cut + skipped
        piece = rest.lstrip()
    if piece:
        yield piece, start


def document_from_text(text: str, *, max_line_chars: int = 20_000, deadline: float | None = None) -> Document:
    """Split a text dump into blocks with exact character offsets and 1-based line numbers.

    Lines longer than ``max_line_chars`` are cut into several blocks so that no pattern ever
    runs on an unbounded string. With a ``deadline`` (``time.monotonic()`` value) the clock is
    checked every few thousand lines (:class:`~newsclean.errors.TimeBudgetExceededError`).
    """
    blocks: list[Block] = []
    append = blocks.append
    # Lines are what the pattern ``[^\n]*`` finds between newlines: exactly ``text.split("\n")``.
    start = 0
    for line_no, raw in enumerate(text.split("\n"), start=1):
        if deadline is not None and not line_no % 4096:
            check_deadline(deadline, f"while splitting line {line_no:,} of the text")
        line_start = start
        start += len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            continue
        offset = line_start + (len(raw) - len(raw.lstrip()))
        if ":" not in stripped and "：" not in stripped and len(stripped) <= max_line_chars:
            pieces: Iterable[tuple[str, int]] = ((stripped, offset),)  # nothing glued, nothing to cut
        else:
            pieces = (cut for glued in _split_glued(stripped, offset) for cut in _cap(*glued, max_line_chars))
        for piece, piece_start in pieces:
            append(new_block(len(blocks), piece, piece_start, piece_start + len(piece), line_no, line_no))
    return Document(text=text, blocks=tuple(blocks), kind="text")
