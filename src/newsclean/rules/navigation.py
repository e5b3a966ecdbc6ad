"""Site navigation: breadcrumbs and share / next-previous widgets."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..blocks import Block
from ..textutil import fold
from ..vocab import BREADCRUMB_OPENERS, HOME_WORDS, WIDGET_PREFIXES, WIDGET_WORDS
from .base import Context, Gate, LineRule, compile_alternation

_OPENER = regex.compile(r"^\s*(?:" + compile_alternation(BREADCRUMB_OPENERS) + r")\s*[:：]?", regex.IGNORECASE)
_HOME_FIRST = regex.compile(r"^\s*(?:" + compile_alternation(HOME_WORDS) + r")\s*(?:>>|[>›»→/|»])", regex.IGNORECASE)
_SEPARATORS = regex.compile(r"(?:(?<!\s)\s++)?(?:>>|[>›»→])\s*")  # (?<!\s): linear on long space runs
_WIDGET_PREFIX = regex.compile(r"^\s*(?:" + compile_alternation(WIDGET_PREFIXES) + r")\s*[:：]?", regex.IGNORECASE)
_WIDGET_TOKENS = regex.compile(r"[\s|/·•,，、:：()（）\[\]【】]+")
_WIDGETS = frozenset(fold(w) for w in WIDGET_WORDS)


@dataclass(frozen=True)
class Breadcrumb(LineRule):
    """Drops breadcrumb trails.

    Removes: ``当前位置:首页 > 未分类 > 正文内容``, ``Home › News › World``.
    Keeps:   ``Prices rose > 5% in May, the bureau said.``
    """

    id = "nav.breadcrumb"
    max_size: int = 40
    # An opener, a home word, or (for the separator count) one of > › » →.
    gate = Gate(words=tuple(fold(w) for w in (*BREADCRUMB_OPENERS, *HOME_WORDS)) + tuple(">›»→"))

    def judge(self, block: Block, ctx: Context) -> str | None:
        if block.size > self.max_size or block.n_sentence_punct > 1:
            return None
        folded = block.folded
        if _OPENER.match(folded):
            return "starts with a 'you are here' label"
        # _SEPARATORS needs one of > › » →
        steps = len(_SEPARATORS.findall(folded)) if any(ch in folded for ch in ">›»→") else 0
        if _HOME_FIRST.match(folded) and steps + folded.count("/") >= 1:
            return f"starts at the home page and has {max(steps, 1)} trail separator(s)"
        if steps >= 2 and block.size <= 20 and not block.ends_sentence:
            return f"{steps} trail separators in a short line"
        return None


@dataclass(frozen=True)
class ShareWidget(LineRule):
    """Drops share buttons, print/close links and next/previous-article links.

    Removes: ``分享到: 微信 微博 QQ空间``, ``上一篇:某标题``, ``Share this``.
    Keeps:   ``The company will share more details next week.``
    """

    id = "nav.widget"
    max_size: int = 30
    # A widget prefix, or pieces that are all widget words (so at least one widget word).
    gate = Gate(words=tuple(fold(w) for w in WIDGET_PREFIXES), literals=tuple(_WIDGETS))

    def judge(self, block: Block, ctx: Context) -> str | None:
        if block.size > self.max_size:
            return None
        folded = block.folded
        if _WIDGET_PREFIX.match(folded) and not block.ends_sentence:
            return "next/previous or share widget label"
        pieces = [p for p in _WIDGET_TOKENS.split(folded) if p]
        if pieces and len(pieces) <= 10 and all(p in _WIDGETS for p in pieces):
            return f"all {len(pieces)} word(s) are share/navigation widget words"
        return None
