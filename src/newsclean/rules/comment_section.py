"""The comment section after an article: from its heading to the end of the page.

Comment threads read like prose, so the prose classifier alone would keep them. Once real prose
has been seen, a heading that opens a comment section ("274 Comments", "53 Responses to …",
"网友评论") ends the article: it and everything after it are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from ..blocks import Block
from ..meta import is_prose
from ..textutil import compile_alternation, fold, literal_finder
from ..vocab import COMMENT_SECTION_PHRASES, COMMENT_SECTION_WORDS
from .base import Context, Gate, Rule, Verdict

_WORDS = compile_alternation(COMMENT_SECTION_WORDS)
_HEADING = regex.compile(
    r"^[\s(（\[【#]*(?:\d[\d,.]*\s*(?:" + _WORDS + r")|(?:" + _WORDS + r")\s*[(（\[]?\s*\d[\d,.]*\s*[)）\]]?"
    r"|\d+\s+(?:responses?|thoughts|comments?|replies)\s+(?:to|on)\b.*|(?:" + _WORDS + r"))[\s:：»›>)）\]】]*$",
    regex.IGNORECASE,
)
_PHRASE = regex.compile(compile_alternation(COMMENT_SECTION_PHRASES), regex.IGNORECASE)
# The header of one comment: "Mary Ann Says:", "Jennifer said...", "by someone (12345) writes:".
_ITEM = regex.compile(
    r"^(?:by\s+)?[^\n]{1,60}?\s(?:says|said|wrote|writes|replied|responded)(?:\s+on\b[^\n]{0,40})?\s*(?::|\.\.\.|…)?\s*$",
    regex.IGNORECASE,
)
_PHRASE_IN = literal_finder(COMMENT_SECTION_PHRASES)  # a match needs one as a substring
# What a block must hold to be a section heading (_HEADING or _PHRASE) or a comment header (_ITEM).
_HEADING_GATE = Gate(words=tuple(fold(w) for w in (
    *COMMENT_SECTION_WORDS, *COMMENT_SECTION_PHRASES, "response", "thoughts", "comment", "replies")))
_ITEM_GATE = Gate(words=("says", "said", "wrote", "writes", "replied", "responded"))


@dataclass(frozen=True)
class CommentSection(Rule):
    """Drops a comment section: its heading and every block after it.

    Removes: ``274 Comments`` and the comments below it; ``53 Responses to “Some Post”``; with no
             heading, everything from the first of three or more ``Mary Ann Says:`` headers.
    Keeps:   everything before the heading, and a heading-like ``Comments`` line before most of the
             prose (a bare word needs 10% of the page's text before it, a counted heading 1%: comment
             threads often outweigh the article twenty to one).
    """

    id = "comments.section"
    min_prose_before: int = 40
    min_share_counted: float = 0.01
    min_share_bare: float = 0.2
    max_heading_size: int = 16
    #: Without a heading, this many comment headers ("… says:") open a section at the first one.
    min_items: int = 3
    min_prose_before_items: int = 15
    #: all the words of the two gates above, so that the pipeline's word scan looks for them
    gate = Gate(words=_HEADING_GATE.words + _ITEM_GATE.words)  # (both gates have words only)

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        blocks = ctx.blocks
        if ctx.word_hits is not None:
            may_head = _HEADING_GATE.word_indices(ctx.word_hits)
            may_item = _ITEM_GATE.word_indices(ctx.word_hits)
            if not may_head and len(may_item) < self.min_items:
                return  # no heading and too few comment headers: nothing to drop
        else:
            may_head = may_item = None
        # Text mass: tokens in blocks of 10+ tokens not already dropped (menus and labels excluded).
        mass = [b.size if b.size >= 10 and not ctx.is_dropped(b.index) else 0 for b in blocks]
        prose = [b.size if is_prose(b) and not ctx.is_dropped(b.index) else 0 for b in blocks]
        total = sum(mass) or 1
        mass_before = 0
        items = [b.index for b in blocks if (may_item is None or b.index in may_item)
                 and b.size <= 14 and _ITEM.match(b.text) and not ctx.is_kept(b.index)]
        first_item = items[0] if len(items) >= self.min_items else None
        before = 0
        for block in blocks:
            if block.index == first_item and before >= self.min_prose_before_items:
                yield self.drop(block, f"first of {len(items)} comment headers ('… says:') after {before} tokens of prose")
                for rest in blocks[block.index + 1 :]:
                    if ctx.labels[rest.index] is None:
                        yield self.drop(rest, f"inside the comment section that starts at line {block.line_start} ({len(items)} comment headers)")
                return
            strength = None if ctx.is_kept(block.index) or (may_head is not None and block.index not in may_head) \
                else self._strength(block)
            if strength is not None and before >= self.min_prose_before:
                share = mass_before / total
                needed = self.min_share_counted if strength == "counted" else self.min_share_bare
                if share >= needed:
                    heading = block.text.strip()[:60]
                    yield self.drop(block, f"comment-section heading after {before} tokens of prose ({share:.0%} of the page's text)")
                    for rest in blocks[block.index + 1 :]:
                        if ctx.labels[rest.index] is None:
                            yield self.drop(rest, f"inside the comment section opened by '{heading}' (line {block.line_start})")
                    return
            before += prose[block.index]
            mass_before += mass[block.index]

    def _strength(self, block: Block) -> str | None:
        """'counted' for a heading with a number or a telling phrase, 'bare' for a lone word, else None."""
        if block.size <= self.max_heading_size and _HEADING.match(block.folded):
            return "counted" if any(ch.isdigit() for ch in block.folded) else "bare"
        if block.size <= 40 and _has_phrase(block.folded):
            return "counted"
        return None


def _has_phrase(folded: str) -> bool:
    if _PHRASE_IN is not None and not _PHRASE_IN(folded):
        return False
    return _PHRASE.search(folded) is not None
