"""Image credits and captions."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..blocks import Block
from ..meta import is_image_credit_line, is_prose
from ..vocab import IMAGE_AGENCIES, IMAGE_CREDIT_LABELS
from ..textutil import fold, literal_prefilter
from .base import Context, Gate, LineRule, compile_alternation

_LABEL = compile_alternation(IMAGE_CREDIT_LABELS)
_AGENCY = compile_alternation(IMAGE_AGENCIES)
_AGENCY_ONLY = regex.compile(r"^[\s(（\[]*(?:" + _AGENCY + r")(?:\s*/\s*\p{L}[\p{L} .]*)?[\s)）\]]*$", regex.IGNORECASE)
# Every match ends at the end of the block, so the search runs in reverse ((?r)): it fails at once
# at each position the end anchor rules out, instead of trying every alternative forwards there.
# Only whether a match exists is used.
_TRAILING_CREDIT = regex.compile(
    r"(?r)(?:[(（\[]\s*(?:" + _LABEL + r"|来源|source)\s*(?:by\b|[:：/])[^()（）\[\]]{1,40}[)）\]]"
    r"|(?:图片来源|来源|图源|source|photo|credit)\s*[:：]\s*(?:" + _AGENCY + r")"
    r"|(?:" + _AGENCY + r")\s*[)）\]]?)\s*$",
    regex.IGNORECASE,
)
# A trailing credit ends, before trailing white space, in a closing bracket or an agency name
# (which folded text holds literally, see literal_prefilter): blocks ending otherwise skip the search.
_AGENCY_WORDS = literal_prefilter(IMAGE_AGENCIES)
_CREDIT_ENDS = None if _AGENCY_WORDS is None else (")", "）", "]", *_AGENCY_WORDS)


@dataclass(frozen=True)
class ImageCredit(LineRule):
    """Drops image credits and captions that end in a credit.

    Removes: ``图片来源:视觉中国``, ``图源:CBC``, ``Photo: Getty Images``,
             ``2025年8月14日,安克雷奇,示威者举行集会。来源:视觉中国``.
    Keeps:   ``The photo was taken by a tourist on Sunday, police said.``, and on an HTML photo
             page the one paragraph of prose in the main container even when it ends in a credit
             (``A girl poses with a painting at the fair in the old town on Sunday. (Photo: J. Doe)``).
    """

    id = "media.credit"
    max_caption_size: int = 90
    # Every pattern above needs a credit label, an agency name, 来源 or source.
    gate = Gate(words=tuple(fold(w) for w in (*IMAGE_CREDIT_LABELS, *IMAGE_AGENCIES, "来源", "source")))

    def judge(self, block: Block, ctx: Context) -> str | None:
        folded = block.folded
        if is_image_credit_line(block):
            return "image credit line"
        if block.size <= 8 and _AGENCY_ONLY.match(folded):
            return "photo agency name alone"
        if block.size <= self.max_caption_size and (_CREDIT_ENDS is None or folded.rstrip().endswith(_CREDIT_ENDS)) \
                and _TRAILING_CREDIT.search(folded):
            if _sole_story_paragraph(block, ctx):
                return None
            return "caption ending in an image credit"
        return None


def _sole_story_paragraph(block: Block, ctx: Context) -> bool:
    """HTML only: the block is the one paragraph of prose in the main-content container.

    A photo page (a slideshow, a gallery) carries its story as the caption of its one picture:
    dropping that caption leaves no article at all.
    """
    dom = block.dom
    if dom is None or not dom.in_main or dom.class_tokens or not is_prose(block):
        return False
    return not any(other is not block and other.dom is not None and other.dom.in_main and is_prose(other)
                   for other in ctx.blocks)
