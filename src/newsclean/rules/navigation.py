"""Site navigation: breadcrumbs and share / next-previous widgets."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..blocks import Block
from ..textutil import fold
from ..vocab import BREADCRUMB_OPENERS, BUTTON_ROW_PHRASES, HOME_WORDS, WIDGET_PREFIXES, WIDGET_WORDS
from .base import Context, Gate, LineRule, compile_alternation

_OPENER = regex.compile(r"^\s*(?:" + compile_alternation(BREADCRUMB_OPENERS) + r")\s*[:：]?", regex.IGNORECASE)
_HOME_FIRST = regex.compile(r"^\s*(?:" + compile_alternation(HOME_WORDS) + r")\s*(?:>>|[>›»→/|»])", regex.IGNORECASE)
_SEPARATORS = regex.compile(r"(?:(?<!\s)\s++)?(?:>>|[>›»→])\s*")  # (?<!\s): linear on long space runs
_WIDGET_PREFIX = regex.compile(r"^\s*(?:" + compile_alternation(WIDGET_PREFIXES) + r")\s*[:：]?", regex.IGNORECASE)
_WIDGET_TOKENS = regex.compile(r"[\s|/·•,，、:：()（）\[\]【】]+")
_WIDGETS = frozenset(fold(w) for w in WIDGET_WORDS)
_MENU_SEPARATOR = regex.compile(r"\s\|\s")  # " | " between menu items; "a||b", "-->|No|" (code) have no spaces
_BUTTON_PHRASE = regex.compile(r"(?<![\w-])(?:" + compile_alternation(BUTTON_ROW_PHRASES) + r")(?![\w-])",
                               regex.IGNORECASE)


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

    Removes: ``分享到: 微信 微博 QQ空间``, ``上一篇:某标题``, ``Share this``,
             ``Print This E-mail This`` (a row of button labels, ``vocab.BUTTON_ROW_PHRASES``),
             ``About Us | Advertise | Site Map | Privacy Policy | Contact`` (a menu row: 3+ items of a
             few words between `` | ``, no sentence end).
    Keeps:   ``The company will share more details next week.``,
             ``Print this article and bring it to the meeting.``,
             ``He said the plan | as drafted | would fail in its first year and must be rewritten.``
    """

    id = "nav.widget"
    max_size: int = 30
    #: a row of button labels (``Print this | Email to a friend``) holds at most this many tokens
    button_row_size: int = 16
    # A widget prefix, or pieces that are all widget words (so at least one widget word).
    #: a menu row (``About Us | Advertise | Contact``) holds at least this many items …
    menu_min_items: int = 3
    #: … of at most this many words for the median item and ``menu_max_item_words`` for the longest
    menu_median_item_words: int = 3
    menu_max_item_words: int = 8
    menu_max_size: int = 80
    gate = Gate(words=tuple(fold(w) for w in (*WIDGET_PREFIXES, *BUTTON_ROW_PHRASES)), literals=tuple(_WIDGETS),
                pattern=_MENU_SEPARATOR)

    def _menu_row(self, block: Block) -> str | None:
        if block.size > self.menu_max_size or block.ends_sentence:
            return None
        items = [p.strip() for p in _MENU_SEPARATOR.split(block.text) if p.strip()]
        if len(items) < self.menu_min_items:
            return None
        words = sorted(len(p.split()) for p in items)
        chars = sorted(len(p) for p in items)
        if words[len(words) // 2] <= self.menu_median_item_words and words[-1] <= self.menu_max_item_words \
                and chars[len(chars) // 2] >= 3:  # not an index of single letters (A | B | C)
            return f"menu row of {len(items)} short items between ' | '"
        return None

    def judge(self, block: Block, ctx: Context) -> str | None:
        if "|" in block.text:
            menu = self._menu_row(block)
            if menu:
                return menu
        if block.size > self.max_size:
            return None
        folded = block.folded
        if _WIDGET_PREFIX.match(folded) and not block.ends_sentence:
            return "next/previous or share widget label"
        pieces = [p for p in _WIDGET_TOKENS.split(folded) if p]
        if pieces and len(pieces) <= 10 and all(p in _WIDGETS for p in pieces):
            return f"all {len(pieces)} word(s) are share/navigation widget words"
        if block.size <= self.button_row_size:
            found = _BUTTON_PHRASE.findall(folded)
            if found:
                rest = [p for p in _WIDGET_TOKENS.split(_BUTTON_PHRASE.sub(" ", folded)) if p and p not in ".!"]
                if all(p in _WIDGETS for p in rest):
                    return f"row of share/print button labels ({', '.join(found)})"
        return None
