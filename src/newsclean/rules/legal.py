"""Disclaimers and copyright notices."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..blocks import Block
from ..vocab import COOKIE_NOTICE_TERMS, COOKIE_SITE_WORDS, COOKIE_WORDS, DISCLAIMER_MARKERS, SITE_NOTICE_PHRASES
from ..textutil import fold, literal_finder, literal_prefilter
from .base import Context, Gate, LineRule, compile_alternation

_MARKER = regex.compile(compile_alternation(DISCLAIMER_MARKERS), regex.IGNORECASE)
# Two distinct marker matches need two markers occurring as substrings (see literal_prefilter).
_MARKER_WORDS = literal_prefilter(DISCLAIMER_MARKERS)
_LEADING = regex.compile(r"^[\s(（【\[*※]*(?:" + compile_alternation(DISCLAIMER_MARKERS) + r")", regex.IGNORECASE)
_COPYRIGHT_WORDS = ("©", "(c)", "copyright", "all rights reserved", "版权所有")  # each _COPYRIGHT match holds one
_COOKIE = regex.compile(r"\b(?:" + compile_alternation(COOKIE_WORDS) + r")\b", regex.IGNORECASE)
_COOKIE_SITE = regex.compile(r"\b(?:" + compile_alternation(COOKIE_SITE_WORDS) + r")\b", regex.IGNORECASE)
# A consent dialog's description of one cookie category opens with it: "These cookies are used to …"
_COOKIE_CATEGORY = regex.compile(r"^\W*(?:these|this|such|other|which)\s+cookies?\b", regex.IGNORECASE)
_READER = regex.compile(r"\b(?:you|your)\b", regex.IGNORECASE)
_COOKIE_TERM = regex.compile(r"\b(?:" + compile_alternation(COOKIE_NOTICE_TERMS) + r")\b", regex.IGNORECASE)
_NOTICE_IN = literal_finder(SITE_NOTICE_PHRASES)  # folded, case-free phrases: a substring test is exact
_COPYRIGHT = regex.compile(r"©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|all rights reserved|版权所有", regex.IGNORECASE)


@dataclass(frozen=True)
class Disclaimer(LineRule):
    """Drops disclaimers, copyright notices, cookie-consent notices and browser notices.

    Removes: ``免责声明:转载此文章的目的旨在传播更多信息…``, ``© 2025 Example Media. All rights reserved.``,
             ``We use cookies to personalise ads and analyse traffic; manage your preferences below.``,
             ``This page is best viewed in an up-to-date web browser.`` (a browser notice; also the
             standard purposes of a consent dialog: ``Store and/or access information on a device.``,
             and its cookie categories: ``These cookies remember the choices you make on our site.``)
    Keeps:   ``公司在公告中附上了免责声明,称预测存在不确定性。`` (a sentence quoting 免责声明);
             ``The regulator said websites must ask before setting tracking cookies in a browser.``
             (cookies in a report: no first-person site speaking); ``These cookies follow users from
             site to site, the researchers found.`` (no site or reader addressed).
    """

    id = "legal.disclaimer"
    short_size: int = 30
    min_cookie_terms: int = 2
    # a cookie notice needs "cookie" in the folded text (the judge's own first test)
    #: a browser notice or consent-dialog text holds at most this many tokens
    notice_size: int = 100
    gate = Gate(words=tuple(fold(w) for w in (*DISCLAIMER_MARKERS, *_COPYRIGHT_WORDS, "cookie", *SITE_NOTICE_PHRASES)))

    def judge(self, block: Block, ctx: Context) -> str | None:
        folded = block.folded
        if _LEADING.match(folded):
            return "starts with a disclaimer/copyright marker"
        if _MARKER_WORDS is None or sum(1 for m in _MARKER_WORDS if m in folded) >= 2:
            markers = {m.group() for m in _MARKER.finditer(folded)}
        else:
            markers = set()
        if len(markers) >= 2:
            return f"{len(markers)} distinct disclaimer markers: {', '.join(sorted(markers))}"
        if block.size <= self.short_size and _COPYRIGHT.search(folded):
            return "short copyright notice"
        if block.size <= self.notice_size and _NOTICE_IN is not None:
            found = _NOTICE_IN(folded)
            if found:
                return f"browser notice or consent-dialog wording ('{found.group()}')"
        if "cookie" in folded and _COOKIE.search(folded) and _COOKIE_SITE.search(folded):
            terms = {m.group() for m in _COOKIE_TERM.finditer(folded)}
            if len(terms) >= self.min_cookie_terms:
                return f"cookie-consent notice: the site's cookies with {len(terms)} consent terms ({', '.join(sorted(terms)[:4])})"
        if "cookie" in folded and _COOKIE_CATEGORY.match(folded) and (_COOKIE_SITE.search(folded) or _READER.search(folded)):
            return "cookie-consent dialog: a cookie category described to the reader ('These cookies …')"
        return None
