"""Placeholder junk: random tokens a scraper left where an image or widget was."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..blocks import Block
from .base import Context, Gate, LineRule

_TOKEN = regex.compile(r"^[a-z0-9]{3,10}$")
_MIXED = regex.compile(r"^(?=.*[a-z])(?=.*\d)[a-z0-9]+$")
_SYMBOLS = regex.compile(r"^[\p{P}\p{S}\s\d]+$")


@dataclass(frozen=True)
class PlaceholderToken(LineRule):
    """Drops a lone random token (or a line of only symbols) between paragraphs.

    Removes: ``me0qy`` (a lower-case token alone on a line of a Chinese page), ``x7k2p``, ``* * *``-free ``|||``.
    Keeps:   ``Yes.`` and ``Warum?`` (short sentences), and ``2024`` inside a sentence.
    """

    id = "junk.placeholder"
    # A lone token has 3-10 characters, a symbol line at most 12.
    gate = Gate(max_chars=12)

    def judge(self, block: Block, ctx: Context) -> str | None:
        text = block.text.strip()
        if _TOKEN.match(text):
            if _MIXED.match(text):
                return f"lone token '{text}' mixing letters and digits"
            if ctx.doc.is_cjk and not text.isdigit():
                return f"lone lower-case Latin token '{text}' on a CJK page"
        if len(text) <= 12 and _SYMBOLS.match(text) and not text.isdigit():
            return "line of symbols only"
        return None
