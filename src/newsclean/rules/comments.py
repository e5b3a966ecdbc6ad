"""Comment forms and comment-section furniture."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..blocks import Block
from ..vocab import (
    BLOG_POST_FOOTER_PHRASES,
    COMMENT_MARKERS,
    FORM_STATUS_PHRASES,
    PROMO_MARKERS,
    SUBSCRIPTION_PROMPT_PHRASES,
)
from ..textutil import fold, literal_finder
from .base import Context, Gate, LineRule, compile_alternation

_LEADING = regex.compile(r"^[\s(（【\[]*(?:" + compile_alternation(COMMENT_MARKERS) + r")", regex.IGNORECASE)
_ANY = regex.compile(compile_alternation(COMMENT_MARKERS), regex.IGNORECASE)
_ANY_IN = literal_finder(COMMENT_MARKERS)  # a match needs one as a substring
# folded, case-free phrases: a substring test is exact
_FOOTER_IN = literal_finder(BLOG_POST_FOOTER_PHRASES)
_STATUS_IN = literal_finder(FORM_STATUS_PHRASES)
_SUBSCRIBE = regex.compile(compile_alternation(SUBSCRIPTION_PROMPT_PHRASES), regex.IGNORECASE)
_SUBSCRIBE_IN = literal_finder(SUBSCRIPTION_PROMPT_PHRASES)
_PROMO = regex.compile(r"^[\s(（【\[]*(?:" + compile_alternation(PROMO_MARKERS) + r")", regex.IGNORECASE)


@dataclass(frozen=True)
class CommentForm(LineRule):
    """Drops comment forms, their labels, newsletter/app prompts and a blog post's footer lines.

    Removes: ``发表评论``, ``Your email address will not be published.``,
             ``This entry was posted in Travel. Bookmark the permalink.``,
             ``Get the best stories of the week in your inbox: sign up for our newsletter.`` (a
             subscription prompt in the site's voice: one of its phrases in a line of up to 30 tokens,
             two in up to 60), ``Thank you. Your reply has been submitted and will appear shortly.``
             (a form's status message)
    Keeps:   ``He declined to comment on the report.``;
             ``The paper said it would launch a weekly newsletter for paying subscribers next month.``
    """

    id = "comments.form"
    short_size: int = 20
    #: a blog footer line (filing, feed, trackback and permalink notes) holds at most this many tokens
    footer_size: int = 80
    #: a form's status message (``Thank you. Your reply has been submitted.``) holds at most this many tokens
    status_size: int = 24
    #: a subscription prompt with one of its phrases holds at most this many tokens; with two, ``prompt_size``
    prompt_short_size: int = 30
    prompt_size: int = 60
    gate = Gate(words=tuple(fold(w) for w in (*COMMENT_MARKERS, *PROMO_MARKERS, *BLOG_POST_FOOTER_PHRASES,
                                              *SUBSCRIPTION_PROMPT_PHRASES, *FORM_STATUS_PHRASES)))

    def judge(self, block: Block, ctx: Context) -> str | None:
        folded = block.folded
        if block.size <= 60 and _LEADING.match(folded):
            return "comment-form label"
        if block.size <= self.short_size and (_ANY_IN is None or _ANY_IN(folded)) and _ANY.search(folded):
            return "short line with a comment-form phrase"
        if block.size <= 30 and _PROMO.match(folded):
            return "subscription/app prompt"
        if block.size <= self.prompt_size and (_SUBSCRIBE_IN is None or _SUBSCRIBE_IN(folded)):
            found = {m.group() for m in _SUBSCRIBE.finditer(folded)}
            if len(found) >= 2 or (found and block.size <= self.prompt_short_size):
                return f"newsletter/subscription prompt in the site's voice ({', '.join(sorted(found))})"
        if block.size <= self.status_size and _STATUS_IN is not None:
            found = _STATUS_IN(folded)
            if found:
                return f"a form's status message ('{found.group()}')"
        if block.size <= self.footer_size and _FOOTER_IN is not None:
            found = _FOOTER_IN(folded)
            if found:
                return f"blog post footer ('{found.group()}')"
        return None
