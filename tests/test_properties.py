"""Property tests (hypothesis) for the contract of clean / clean_and_explain on text input.

1. Total: for any str, clean returns an Article or raises a NewscleanError (nothing else).
2. Faithful: the body never contains text that was not in the input. Precisely: every kept
   decision's text is ``input[start:end]``, and every body paragraph is a run of kept texts joined by
   ``" "`` or ``""`` (the documented rejoining of a sentence broken across two lines). The only
   character ever substituted is a lone surrogate, which becomes U+FFFD (same length).
3. Complete trail: removals plus kept blocks cover the input: their spans do not overlap, each
   points at its own text, and what lies outside every span is whitespace only.
4. Stable: cleaning an article's own body again does not remove body paragraphs.

Example counts are modest so the suite stays fast; raise them locally with
``HYPOTHESIS_PROFILE=thorough``.
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Limits, NewscleanError, NoArticleError

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SURROGATE = re.compile("[\ud800-\udfff]")
LIMITS = Limits(time_budget=None)  # properties are about results, not speed

# ---------------------------------------------------------------- strategies: page-like text
PROSE_EN = [
    "The minister said on Tuesday that the talks would continue next week in Geneva, and that both sides were "
    "ready to compromise on the main points of the plan if the other side showed the same will.",
    "Officials from the two countries met for more than two hours in the capital, but they did not reach an "
    "agreement on the plan, which has been debated in both parliaments since the spring.",
    "According to the report published by the agency, the number of people affected by the floods has risen "
    "to more than 10,000 this year, and most of them are still living in temporary shelters.",
    "She told reporters at the airport that the company would share more details with its investors at the end "
    "of the month, when it is expected to publish its results for the second quarter.",
    "The decision was welcomed by local residents, who had campaigned for years for a new bridge over the river "
    "and who say that the old one is no longer safe for the buses that use it every day.",
]
PROSE_ZH = [
    "新华社北京8月26日电 国务院总理在会上强调，要坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。",
    "会议指出，今年以来各地区各部门认真贯彻落实党中央决策部署，经济运行总体平稳，就业形势保持稳定。",
    "据了解，这座桥建于明代，后来多次重修，是当地居民出行的重要通道，也是远近闻名的旅游景点。",
]
CHROME = [
    "首页 > 新闻 > 正文", "Home › News › World", "相关阅读", "Related articles", "分享到: 微信 微博",
    "© 2025 Example Media. All rights reserved.", "来源:央视新闻", "责任编辑:张三", "2025-08-26 07:50:29",
    "发表评论", "Leave a reply", "上一篇:某标题", "- [欧美] Some Name[20P]", "警方通报一起故意伤害案:情感纠...",
    "http://spam.example/x", "By Jane Doe", "me0qy", "|||", "图片来源:视觉中国", "阅读 1234",
    "本文链接:某标题http://example.com/a.html",
]
HEADLINES = ["Talks to resume in Geneva", "会谈2小时40分钟后,特朗普和普京未达成协议|界面新闻", "Floods: death toll rises - Example News"]

line = st.one_of(
    st.sampled_from(PROSE_EN), st.sampled_from(PROSE_ZH), st.sampled_from(CHROME), st.sampled_from(HEADLINES),
    st.text(max_size=80),
    st.text(alphabet=st.sampled_from(list("ab .…。,，-|>:：1\u3000中文")), max_size=60),
)
spacing = st.sampled_from(["\n", "\n\n", "\r\n", " \n\t", "\n   "])


@st.composite
def pages(draw) -> str:
    lines = draw(st.lists(line, min_size=1, max_size=25))
    out = []
    for item in lines:
        out.append(item)
        out.append(draw(spacing))
    return "".join(out)


# Short lines that real article bodies contain between paragraphs (taken from the shapes that
# real dev pages keep in their bodies: subheadings, questions, datelines, a sign-off).
IN_BODY = ["What is lymphedema?", "LYMPHEDEMA", "Preamble:", "The Guardian", "Saturday December 21, 2002",
           "Terry Jones", "特朗普与普京通话", "Got a story to tell?"]


@st.composite
def articles(draw, in_body: bool = True) -> str:
    """A plausible page: optional headline and chrome around several real paragraphs, with short
    subheading-like lines among the paragraphs when ``in_body``."""
    top = draw(st.lists(st.sampled_from(CHROME), max_size=4))
    head = draw(st.lists(st.sampled_from(HEADLINES), max_size=1))
    paras = draw(st.lists(st.sampled_from(PROSE_EN + PROSE_ZH), min_size=2, max_size=8))
    if in_body:
        for _ in range(draw(st.integers(0, 3))):
            paras.insert(draw(st.integers(0, len(paras))), draw(st.sampled_from(IN_BODY)))
    bottom = draw(st.lists(st.sampled_from(CHROME), max_size=4))
    return "\n".join([*top, *head, *paras, *bottom]) + "\n"


any_text = st.one_of(st.text(), pages(), articles())


def explain(page: str):
    try:
        return newsclean.clean_and_explain(page, format="text", limits=LIMITS)
    except NewscleanError as exc:
        return exc


def squeeze(text: str) -> str:
    return "".join(text.split())


# ---------------------------------------------------------------- 1. total
@given(any_text)
@example("")
@example("\x00")
@example("\ud800 lone surrogate")
@example("a" * 30 + "!" + " ..." * 30)
def test_clean_returns_an_article_or_a_newsclean_error(page):
    try:
        article = newsclean.clean(page, format="text", limits=LIMITS)
    except NewscleanError as exc:
        assert exc.code and str(exc)
    else:
        assert isinstance(article, newsclean.Article) and article.body.strip()
        article.model_dump_json()


@given(st.binary(max_size=400))
def test_clean_bytes_returns_an_article_or_a_newsclean_error(raw):
    try:
        newsclean.clean(raw, limits=LIMITS)
    except NewscleanError:
        pass


def _outcome(call, page, fmt):
    try:
        return call(page, format=fmt, limits=LIMITS)
    except NewscleanError as exc:
        removals = getattr(exc, "removals", None)
        return type(exc), str(exc), tuple(removals) if removals is not None else None


# clean() builds no audit trail (api.clean, docs/speed.md): the same Article, or the same error
# with the same removals, as clean_and_explain(), on text dumps and on HTML.
@given(any_text, st.sampled_from(["text", "html", "auto"]))
@example("Share this\nRelated articles\n", "text")
@example("<p>Share this</p><p>Related articles</p>", "html")
@example("\x00", "text")
def test_clean_is_the_article_of_clean_and_explain_or_the_same_error(page, fmt):
    explained = _outcome(newsclean.clean_and_explain, page, fmt)
    cleaned = _outcome(newsclean.clean, page, fmt)
    assert cleaned == (explained.article if isinstance(explained, newsclean.Explanation) else explained)


# ---------------------------------------------------------------- 2. faithful
@given(any_text)
@example("Headline\nThe minister said on Tuesday that the talks would\ncontinue next week in Geneva as planned.\n")
def test_body_is_made_of_input_text(page):
    result = explain(page)
    assume(not isinstance(result, NewscleanError))
    source = SURROGATE.sub("\ufffd", page)
    kept = list(result.kept)
    for decision in kept:
        assert source[decision.start : decision.end] == decision.text
    # Every paragraph is consecutive kept texts joined by " " or "": walk them in order.
    k = 0
    for paragraph in result.article.body.split("\n"):
        rest = paragraph
        while True:
            assert k < len(kept) and rest.startswith(kept[k].text), (paragraph, rest)
            rest = rest[len(kept[k].text):]
            k += 1
            if not rest:
                break
            if rest.startswith(" "):  # the joiner (kept texts never start with whitespace)
                rest = rest[1:]
    assert k == len(kept)
    assert set(result.article.body) <= set(source) | {" ", "\n"}


# ---------------------------------------------------------------- 3. complete trail
@given(any_text)
def test_removals_and_kept_cover_the_input(page):
    result = explain(page)
    if isinstance(result, NoArticleError):
        items = list(result.removals)
    elif isinstance(result, NewscleanError):
        return  # rejected before blocks existed (empty, binary, ...): nothing to cover
    else:
        items = [*result.kept, *result.removals]
    source = SURROGATE.sub("\ufffd", page)
    covered = 0
    outside = []
    for item in sorted(items, key=lambda d: d.start):
        assert item.start >= covered, "spans overlap"
        assert source[item.start : item.end] == item.text
        outside.append(source[covered : item.start])
        covered = item.end
    outside.append(source[covered:])
    assert not squeeze("".join(outside)), "input text outside every block"


# ---------------------------------------------------------------- 4. stable
#: Found by hypothesis (HYPOTHESIS_PROFILE=thorough). First pass: the image credit is chosen as the
#: headline, so the real title line stays in the body. Second pass: that title line becomes the
#: headline (fair) and "What is lymphedema?" is dropped by region.outside_main ("above the main
#: text region"). On the dev set, 115 of 284 re-cleaned bodies lose at least one paragraph the same way.
RECLEAN_LOSES_A_PARAGRAPH = (
    "图片来源:视觉中国\n会谈2小时40分钟后,特朗普和普京未达成协议|界面新闻\nWhat is lymphedema?\n"
    + PROSE_EN[0] + "\n" + PROSE_ZH[0] + "\n"
)


@pytest.mark.xfail(
    strict=False,
    reason="known failure, reported in issue #6's note: a body whose first paragraph is title-like "
    "(e.g. a kept title line with a site suffix) loses it to Article.headline on the second pass. "
    "Not strict because the default 60-example profile does not always find a case; "
    "HYPOTHESIS_PROFILE=thorough always does.",
)
@given(articles())
@example(RECLEAN_LOSES_A_PARAGRAPH)
def test_cleaning_the_body_again_keeps_every_paragraph(page):
    result = explain(page)
    assume(not isinstance(result, NewscleanError))
    body = result.article.body
    again = explain(body)
    assert not isinstance(again, NewscleanError), f"re-cleaning the body raised {again!r}"
    for paragraph in body.split("\n"):
        assert paragraph in again.article.body, f"paragraph removed on the second pass: {paragraph!r}"


@given(st.lists(st.sampled_from(PROSE_EN + PROSE_ZH), min_size=2, max_size=8, unique=True))
def test_cleaning_plain_prose_twice_keeps_every_paragraph(paras):
    """The same property on bodies of full prose paragraphs only (no headline-like short lines)."""
    page = "\n".join(paras) + "\n"
    body = newsclean.clean(page, format="text", limits=LIMITS).body
    again = newsclean.clean(body, format="text", limits=LIMITS).body
    for paragraph in body.split("\n"):
        assert paragraph in again


html_piece = st.one_of(
    st.sampled_from(["<p>", "</p>", "<div class='nav'>", "</div>", "<br>", "<h1>", "</h1>", "<ul><li>", "</li></ul>",
                     "<script>var a = '<p>';</script>", "<!-- c -->", "<![CDATA[x]]>", "&amp;", "&#0;", "&#xD800;",
                     "&#1114112;", "&nbsp;", "<table><tr><td>", "</td></tr></table>", "<title>", "</title>",
                     "<meta charset='gbk'>", "<?xml version='1.0'?>", "<!DOCTYPE html>", "<a href='http://x'>", "</a>"]),
    st.sampled_from(PROSE_EN + PROSE_ZH + CHROME),
    st.text(max_size=30),
)


@given(st.lists(html_piece, min_size=1, max_size=40).map("".join))
def test_clean_html_returns_an_article_or_a_newsclean_error(page):
    for fmt in ("html", "auto"):
        try:
            article = newsclean.clean(page, format=fmt, limits=LIMITS)
        except NewscleanError as exc:
            assert exc.code
        else:
            article.model_dump_json()
