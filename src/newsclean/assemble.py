"""Kept blocks → body paragraphs. A sentence broken across two lines is rejoined here."""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import Block
from .textutil import CJK_CHAR, joiner, last_meaningful_char

_NO_JOIN_END = frozenset("。！？!?.…;；:：,，、\"'”’」』)）]】》")


def continues(left: Block, right: Block) -> bool:
    """True when ``right`` is the rest of a sentence that ``left`` broke off mid-way."""
    if right.line_start != left.line_end + 1 or left.size < 20 or right.size < 5:
        return False
    if right.list_marker or left.list_marker:
        return False
    tail = left.text[-1]
    if tail in _NO_JOIN_END or last_meaningful_char(left.text) in _NO_JOIN_END:
        return False
    head = right.text[0]
    if not (head.isalnum() or CJK_CHAR.match(head)):
        return False
    if not left.is_cjk and head.isupper():
        return False
    return tail.isalnum() or CJK_CHAR.match(tail) is not None


def paragraphs(kept: Sequence[Block]) -> list[str]:
    out: list[str] = []
    previous: Block | None = None
    for block in kept:
        if previous is not None and out and continues(previous, block):
            out[-1] = out[-1] + joiner(out[-1], block.text) + block.text
        else:
            out.append(block.text)
        previous = block
    return out
