"""Each rule alone: one line it removes and one it keeps (the examples in its docstring)."""

from __future__ import annotations

import pytest

from newsclean import meta
from newsclean.ingest import document_from_text
from newsclean.rules import (
    Breadcrumb, CommentForm, CommentSection, Context, Disclaimer, ImageCredit, MetaLine,
    Label, PlaceholderToken, RelatedHeading, RepeatedLine, ShareWidget, SiteSuffixTitles, SourceLine,
    SpamLinks, TeaserRun,
)

PROSE_ZH = "经过半年的施工，位于城东的滨河公园改造工程近日全部完成，并于周六正式向市民开放，不少市民前来散步。"
PROSE_EN = "The council said on Tuesday that the repairs to the old bridge would start in the spring and take about a year to finish."


def _verdicts(rule, lines: list[str]) -> dict[str, bool]:
    doc = document_from_text("\n".join(lines))
    ctx = Context(doc=doc, meta=meta.scan(doc), labels=[None] * len(doc.blocks))
    decided = {v.index: v.keep for v in rule(ctx)}
    return {b.text: decided.get(b.index, True) for b in doc.blocks}  # True = not removed by this rule


CASES = [
    (Breadcrumb(), "当前位置:首页 > 未分类 > 正文内容", "Prices rose > 5% in May, the bureau said in its monthly report on Friday."),
    (Breadcrumb(), "Home › News › World", PROSE_EN),
    (SourceLine(), "来源:央视新闻", "来源于民间的说法认为，这座桥建于明代，后来多次重修，成为当地的名胜。"),
    (MetaLine(), "admin4天前未分类7", "2022年2月24日,因北约东扩及顿巴斯冲突,普京宣布开展“特别军事行动”。"),
    (MetaLine(), "责任编辑:张三", PROSE_ZH),
    (MetaLine(), "By Jane Doe", PROSE_EN),
    (Disclaimer(), "免责声明:转载此文章的目的旨在传播更多信息,版权归原作者所有。", "公司在公告中附上了免责声明,称预测存在不确定性,提醒投资者注意风险。"),
    (Disclaimer(), "© 2025 Example Media. All rights reserved.", PROSE_EN),
    # Cookie-consent notices (pattern seen on many dev-set pages; text written for this test) vs
    # a news sentence about cookies, in which no site speaks of its own cookies.
    (Disclaimer(), "We use cookies to personalise ads and analyse traffic; manage your preferences below.",
     "The regulator said websites must ask before setting tracking cookies in a visitor's browser."),
    # A consent dialog's cookie categories (pattern seen on dev-set pages with a cookie-settings panel;
    # text written for this test): no "we use cookies", only the category addressed to the reader, vs a
    # report on cookies that addresses nobody.
    (Disclaimer(), "These cookies remember the choices you make, such as your language and region.",
     "These cookies follow users from site to site, the researchers found in their study of news sites."),
    # Browser notices and consent-dialog purposes (standard web wording, seen on dev-set pages; text
    # written for this test) vs a sentence about viewing photos.
    (Disclaimer(), "This page is best viewed in an up-to-date web browser with style sheets enabled.",
     "The photos are best seen on a large screen, the museum's curator said on Friday."),
    (Disclaimer(), "Store and/or access information on a device. Use limited data to select advertising.", PROSE_EN),
    (CommentForm(), "发表评论", "He declined to comment on the report when reached by phone on Friday."),
    (CommentForm(), "Your email address will not be published.", PROSE_EN),
    # The markup note under a blog's comment box (standard blog-engine wording, seen on dev-set blog
    # pages; text written for this test) vs a sentence about HTML tags.
    (CommentForm(), "You may use these HTML tags and attributes: <a href> <b> <i> <em> <strong>",
     "The new editor strips HTML tags from pasted text, the developers said in a post on Monday."),
    # A newsletter prompt in the site's own voice (pattern seen on many dev-set pages; text written
    # for this test) vs a news sentence about a newsletter (no site-voice sign-up wording).
    (CommentForm(), "Get the best stories of the week in your inbox: sign up for our newsletter.",
     "The paper said it would launch a weekly newsletter for paying subscribers next month."),
    (CommentForm(), "We respect your privacy.",
     "Security experts warn that scam messages pretending to be from your bank may land in your inbox this "
     "month, and they advise readers never to click links in such messages without checking the sender first."),
    (ImageCredit(), "图片来源:视觉中国", "The photo was taken by a tourist on Sunday, police said in a short statement."),
    (ImageCredit(), "Photo: Getty Images", PROSE_EN),
    (PlaceholderToken(), "x7k2p", "Yes."),
    (ShareWidget(), "分享到: 微信 微博 QQ空间", "The company will share more details next week, a spokeswoman said."),
    (ShareWidget(), "Share this", PROSE_EN),
]


@pytest.mark.parametrize(("rule", "removed", "kept"), CASES, ids=lambda x: getattr(x, "id", None))
def test_rule_removes_one_line_and_keeps_another(rule, removed: str, kept: str) -> None:
    verdicts = _verdicts(rule, [PROSE_ZH, removed, kept, PROSE_EN])
    assert verdicts[removed] is False, f"{rule.id} should remove {removed!r}"
    assert verdicts[kept] is True, f"{rule.id} should keep {kept!r}"


def test_placeholder_token_on_a_cjk_page() -> None:
    verdicts = _verdicts(PlaceholderToken(), [PROSE_ZH, "me0qy", PROSE_ZH.replace("城东", "城西"), "ueuci", PROSE_ZH[:-1] + "了。"])
    assert verdicts["me0qy"] is False and verdicts["ueuci"] is False


def test_spam_links_remove_a_tagged_gallery_list() -> None:
    items = ["- [欧美] Some Name[20P]", "- [写真] 某某高清套图 [30P]", "- 一个普通的标题", "- [亚洲] 某某 [22P]", "- 另一个标题"]
    verdicts = _verdicts(SpamLinks(), [PROSE_ZH, *items, PROSE_EN])
    assert all(verdicts[item] is False for item in items)
    assert verdicts[PROSE_ZH] is True


def test_related_heading_takes_its_list_but_not_the_next_paragraph() -> None:
    lines = [PROSE_EN, "Related articles", "Council approves new flood barriers", "Farmers fear a late harvest", PROSE_EN.replace("Tuesday", "Friday")]
    verdicts = _verdicts(RelatedHeading(), lines)
    assert [verdicts[l] for l in lines] == [True, False, False, False, True]


@pytest.mark.parametrize("heading", ["Most Viewed", "Featured Posts", "Recent Comments", "More like this", "Recommended Reading:"])
def test_more_english_related_headings_take_their_list(heading) -> None:
    # Standard sidebar headings of news sites and blogs (general web vocabulary; text written for
    # this test) take the titles under them; a sentence using the same words stays.
    lines = [PROSE_EN, heading, "Council approves new flood barriers", "Farmers fear a late harvest",
             "The most viewed video of the week showed the old bridge being lifted onto a barge on Friday."]
    verdicts = _verdicts(RelatedHeading(), lines)
    assert [verdicts[l] for l in lines] == [True, False, False, False, True]


# A related list whose items are a title, a byline and a short summary each (pattern seen on
# dev-set news pages under "Related stories"); text written for this test.
_SUMMARY_ITEMS = [
    "Council approves new flood barriers", "By Sam Lee",
    "The barriers along the river will be finished well before the first of the winter storms, officials said on Monday.",
    "Farmers fear a late harvest", "By Ana Ruiz",
    "A wet spring has delayed planting on many of the farms, and growers expect much smaller crops this year.",
    "Library to open on Sundays", "By Kim Park",
    "The main library will open on Sundays from next month, after the council found the money for more staff.",
]


def test_related_heading_takes_teasers_with_summaries() -> None:
    story = [PROSE_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]
    lines = [*story, "Related stories", *_SUMMARY_ITEMS, "Weather"]
    verdicts = _verdicts(RelatedHeading(), lines)
    assert [verdicts[l] for l in lines] == [True] * 5 + [False] * (1 + len(_SUMMARY_ITEMS)) + [True]
    # Without the summaries' rule only the first title and byline go with the heading.
    verdicts = _verdicts(RelatedHeading(min_summaries=0), lines)
    assert [verdicts[l] for l in _SUMMARY_ITEMS[:3]] == [False, False, True]


def test_related_heading_stops_at_the_article_after_one_link() -> None:
    # Negative case: one linked title under the heading, then the story goes on in short
    # paragraphs and subheadings; only two paragraphs in a row, or one summary, never a list.
    story = ["The repairs will close the bridge to cars for a year, and buses will run a longer route instead.",
             "What happens next",
             "The council will publish the detailed plans next month, after a last check by the engineers.",
             "Who pays",
             "Most of the money comes from the national government, the rest from the city's own budget.",
             PROSE_EN.replace("Tuesday", "Monday")]
    lines = [PROSE_EN, "Related:", "Council approves new flood barriers", *story]
    verdicts = _verdicts(RelatedHeading(), lines)
    assert [verdicts[l] for l in story] == [True] * len(story)
    assert verdicts["Council approves new flood barriers"] is False


# Japanese and Korean related-article headings (pattern seen on Japanese blog and Korean news
# pages of the dev set; text written for this test), and a sentence that mentions one.
JA_PROSE = "市は火曜日、老朽化した橋の修理を春に始め、完成までにおよそ一年かかると発表した。"
KO_PROSE = "시의회는 화요일 저녁 회의를 열고, 내년 예산을 논의했으며 도서관 운영 시간을 유지하기로 합의했다."


@pytest.mark.parametrize(("prose", "heading", "items"), [
    (JA_PROSE, "関連記事", ["駅前の再開発が来月から始まる", "市立図書館の開館時間が延長に"]),
    (KO_PROSE, "관련 기사", ["시청 앞 광장 새 단장", "도서관 운영 시간 연장"]),
])
def test_japanese_and_korean_related_headings_take_their_list(prose, heading, items) -> None:
    lines = [prose, heading, *items, prose[:-1] + "と述べた。" if prose is JA_PROSE else prose[:-1] + "고 밝혔다."]
    verdicts = _verdicts(RelatedHeading(), lines)
    assert [verdicts[l] for l in lines] == [True, False, False, False, True]


def test_negative_sentence_mentioning_a_related_heading_stays() -> None:
    sentence = "編集部は関連記事の表示方法を見直し、読者アンケートの結果を来月公表すると発表した。"
    assert all(_verdicts(RelatedHeading(), [JA_PROSE, sentence, "駅前の再開発が来月から始まる"]).values())


def test_teaser_run_needs_three_truncated_lines() -> None:
    teasers = ["警方通报一起故意伤害案:情感纠... 澎湃新闻记者 8月25日22时2...", "特朗普看上李在明的签字笔,李在... 8月25日,韩国总统...", "寒武纪85后创始人,身家超15... 国产算力产业链在经过..."]
    verdicts = _verdicts(TeaserRun(), [PROSE_ZH, *teasers])
    assert all(verdicts[t] is False for t in teasers)
    single = _verdicts(TeaserRun(), [PROSE_ZH, "他说:“我们还会再来……”", PROSE_ZH[:-1] + "呢。"])
    assert all(single.values())


def test_teaser_run_keeps_ellipsis_sentences_of_varied_length() -> None:
    # Pattern seen on a forum thread and a list of argument points in the dev set: people end
    # sentences in '...' at any length, a site cuts teasers at one width. Text written for this test.
    points = ["Nurses meet the same requirements as teachers...",
              "under the reform act the school nurse must hold the same certificate as every other educator in the district, yet the pay scale is lower...",
              "The pay is lower...",
              "and the board has not answered the letters we sent in the spring about the pay scale and the hours..."]
    verdicts = _verdicts(TeaserRun(), [PROSE_EN, *points])
    assert all(verdicts.values())
    cut = ["Aries: It's an ideal day fo...", "Taurus: The outlook is sunn...", "Gemini: During the early m...", "Cancer: Benefits you soug..."]
    verdicts = _verdicts(TeaserRun(), [PROSE_EN, *cut])
    assert all(verdicts[line] is False for line in cut)


def test_site_suffix_titles_shared_by_three_lines() -> None:
    titles = ["第一条新闻标题|示例新闻", "第二条新闻标题|示例新闻 · 科技", "第三条新闻标题|示例新闻"]
    verdicts = _verdicts(SiteSuffixTitles(), [PROSE_ZH, *titles])
    assert all(verdicts[t] is False for t in titles)
    assert verdicts[PROSE_ZH] is True


def test_repeated_line_drops_only_the_later_copy() -> None:
    # (10+ tokens: a shorter copy between lines that are not copies is left to later rules)
    title = "A teaser headline shown twice on the page, once in a sidebar box"
    doc = document_from_text("\n".join([title, PROSE_EN, title]))
    ctx = Context(doc=doc, meta=meta.scan(doc), labels=[None] * 3)
    assert [(v.index, v.keep) for v in RepeatedLine()(ctx)] == [(2, False)]


def test_comment_section_needs_prose_before_it() -> None:
    lines = [PROSE_EN, PROSE_EN.replace("Tuesday", "Monday"), "12 Comments", "Anna says:", "Great article, thanks."]
    verdicts = _verdicts(CommentSection(), lines)
    assert [verdicts[l] for l in lines] == [True, True, False, False, False]
    top = _verdicts(CommentSection(), ["12 Comments", PROSE_EN, PROSE_EN.replace("Tuesday", "Monday")])
    assert all(top.values())


def test_comment_section_from_comment_headers_without_a_heading() -> None:
    lines = [PROSE_EN, "Mary Ann Says:", "Congratulations, lovely news.", "Cole Says:", "Great post as always.", "Daven B said...", "Thanks!"]
    verdicts = _verdicts(CommentSection(), lines)
    assert [verdicts[l] for l in lines] == [True] + [False] * 6
    two_only = _verdicts(CommentSection(), lines[:5])
    assert all(two_only.values())



def test_quote_intros_with_a_comma_are_not_comment_headers() -> None:
    # Negative case (pattern seen on a dev-set media-criticism blog; text written for this test):
    # a post that introduces its quotes with "As you may recall, the mayor writes:" is an article,
    # not a thread; a comment header is a name with the verb, no clause before it.
    quote = "The new timetable will add ten minutes to most trips, and the council has not said why it needs the change."
    lines = [PROSE_EN, "As you may recall, the mayor writes:", quote, "In reply, a local councillor wrote:",
             quote.replace("ten", "twenty"), "Later, the paper's editor said:", quote.replace("ten", "five")]
    assert all(_verdicts(CommentSection(), lines).values())


def test_comment_headers_ending_in_said_comma() -> None:
    # Pattern seen on dev-set travel-blog threads ("<name> said," over each comment, a date line
    # above it); text written for this test. A quote introduced by "he said," inside a paragraph stays.
    lines = [PROSE_EN, "Kim Lee said,", "Which hotel did you stay at?", "Raj said,", "Same question here!",
             "travelfan said,", "Lovely photos, thanks."]
    verdicts = _verdicts(CommentSection(), lines)
    assert [verdicts[l] for l in lines] == [True] + [False] * 6
    quote = [PROSE_EN, "The mayor then said, without looking up from his notes, that the vote would wait."]
    assert all(_verdicts(CommentSection(), quote).values())

# Pattern seen on blog and newspaper pages of the dev set (comment threads with no heading, each
# comment under an "author + date + time" line); all text written for these tests.
_ARTICLE = [PROSE_EN, PROSE_EN.replace("Tuesday", "Monday"), PROSE_EN.replace("old bridge", "town hall"),
            PROSE_EN.replace("spring", "autumn"), PROSE_EN.replace("a year", "two years")]
_THREAD = [
    "Posted by: Sam Green at March 3, 2021 4:26 PM", "Finally! That bridge has been a mess for years.",
    "by Dana on Mar 3, 2021 5:02 PM EST reply", "Will the footpath stay open during the works?",
    "Lee Park March 3, 2021 at 6:15 pm", "Good news for the cyclists, at last.",
]


# Comment headers "author + 07.19.12 at 08:00" (pattern seen on dev-set blog pages; text written
# for these tests): the dots of the date are not sentence ends, so they are stamps.
_DOTTED_THREAD = ["Sam Green 03.03.21 at 16:26", "Finally! That bridge has been a mess for years.",
                  "Dana Cole 03.03.21 at 17:02", "Will the footpath stay open during the works?",
                  "Lee Park 03.03.21 at 18:15", "Good news for the cyclists, at last."]


@pytest.mark.parametrize("thread", [_THREAD, _DOTTED_THREAD], ids=["word-dates", "two-digit-year-in-dots"])
def test_comment_section_from_time_stamped_comment_headers(thread) -> None:
    lines = [*_ARTICLE, *thread]
    verdicts = _verdicts(CommentSection(), lines)
    assert [verdicts[l] for l in lines] == [True] * len(_ARTICLE) + [False] * len(thread)


@pytest.mark.parametrize("updates", [
    ["March 3, 2021 4:26 PM", "The mayor has arrived.", "March 3, 2021 5:02 PM", "Voting has started.",
     "March 3, 2021 6:15 PM", "The motion passed."],
    ["03.03.21 at 16:26", "The mayor has arrived.", "03.03.21 at 17:02", "Voting has started.",
     "03.03.21 at 18:15", "The motion passed."],
], ids=["word-dates", "two-digit-year-in-dots"])
def test_time_stamps_without_an_author_are_not_comment_headers(updates) -> None:
    # A live blog: bare time stamps between short updates stay (no author word besides the stamp).
    assert all(_verdicts(CommentSection(), [*_ARTICLE, *updates]).values())


def test_posts_as_long_as_the_first_are_not_a_comment_thread() -> None:
    # A blog index: each post under its own stamped header and about as long as the first one.
    a = _ARTICLE
    lines = [a[0], a[1], _THREAD[0], a[2], a[3], _THREAD[2], a[4], a[0] + " More.", _THREAD[4], a[1] + " More."]
    assert all(_verdicts(CommentSection(), lines).values())


# Korean separates words with spaces; prose is told from menus by word-final particles and verb
# endings (pattern seen on Korean news pages of the dev set; text written for these tests).
KO_P1 = "시의회는 화요일 저녁 회의를 열고 내년 예산을 논의했으며, 오랜 토론 끝에 도서관 운영 시간을 그대로 유지하기로 합의했다."
KO_P2 = "주민 여러 명이 공개 발언에 나섰고, 대부분은 외곽 지역 청소년 동아리를 지원하는 소규모 보조금을 지켜 달라고 요청했다."
KO_P3 = "시장은 지역 상인과 시민 단체와의 두 번째 협의를 거친 뒤 12월에 최종 예산안을 발표하겠다고 말했다."
KO_MENU = "홈 정치 경제 사회 스포츠 연예 날씨 로그인 회원가입 전체메뉴 고객센터"


def test_korean_prose_is_prose_and_a_korean_menu_is_not() -> None:
    from newsclean.rules.quality import BAD, GOOD, SHORT, classify
    doc = document_from_text("\n".join([KO_P1, KO_MENU]))
    prose, menu = doc.blocks
    assert classify(prose).klass == GOOD
    assert classify(menu).klass in (SHORT, BAD)


def test_korean_article_body_is_kept() -> None:
    import newsclean
    body = newsclean.clean("\n".join([KO_MENU, KO_P1, KO_P2, KO_P3, KO_MENU.replace("로그인", "검색")]), format="text").body
    assert body.split("\n") == [KO_P1, KO_P2, KO_P3]


def test_excerpt_cut_mid_sentence_with_a_bracketed_ellipsis_is_not_prose() -> None:
    # Pattern seen on blog sidebars and teaser lists of the dev set; text written for this test.
    from newsclean.rules.quality import BAD, classify
    teaser = "The council met on Tuesday to discuss the budget for next year, and after a long debate the members agreed to keep the [...]"
    elided = "The council met on Tuesday to discuss the budget for next year, and the members agreed to keep the library open. [...]"
    doc = document_from_text("\n".join([teaser, elided]))
    assert classify(doc.blocks[0]).klass == BAD
    assert classify(doc.blocks[1]).klass != BAD


def test_repeated_short_cjk_value_lines_stay() -> None:
    # Pattern seen on CJK guide pages of the dev set (the same price line under several items);
    # text written for this test.
    lines = ["成人票：60元", PROSE_ZH, "成人票：60元", "外卖大战不能简单定义为内卷式竞争，专家这样说", PROSE_ZH[:-1] + "了。", "外卖大战不能简单定义为内卷式竞争，专家这样说"]
    doc = document_from_text("\n".join(lines))
    ctx = Context(doc=doc, meta=meta.scan(doc), labels=[None] * len(doc.blocks))
    assert [(v.index, v.keep) for v in RepeatedLine()(ctx)] == [(5, False)]


# Replies that each end in their author's signature and time (pattern seen on Chinese forum pages
# of the dev set; text written for these tests).
_SIGNED = ["说得很对，我上次也遇到过这种情况。【网友甲】08-11 16:06 98字", "大家出门一定要小心！【旅行者】08-11 16:58 30字",
           "支持楼主，希望有关部门管一管。【小鱼儿】08-12 09:15 45字", "我也来说说我的经历吧。【老王】08-12 10:02 300字"]


def test_comment_section_from_replies_signed_at_their_end() -> None:
    article = [PROSE_ZH, PROSE_ZH.replace("城东", "城西"), PROSE_ZH.replace("周六", "周日")]
    lines = [*article, *_SIGNED]
    verdicts = _verdicts(CommentSection(), lines)
    assert [verdicts[l] for l in lines] == [True] * 3 + [False] * 4


def test_signed_list_above_a_longer_article_is_not_a_thread() -> None:
    # A "recent posts" box (titles with dates) between a short intro and the article itself.
    recent = [f"Reader at {t} on 2024-09-1{i} 12:3{i}:00" for i, t in enumerate(["A guide to pond pumps", "Caring for goldfish", "Winter care for koi"])]
    lines = [PROSE_EN, PROSE_EN.replace("Tuesday", "Monday"), PROSE_EN.replace("Tuesday", "Friday"), *recent, *_ARTICLE]
    assert all(_verdicts(CommentSection(), lines).values())


def test_dated_headers_with_a_permalink_open_a_thread_but_post_footers_do_not() -> None:
    # Pattern seen on blog pages of the dev set (comment headers "date | Permalink" without a time;
    # blog-index post footers "date in Category | Permalink | Comments (5)"); text written here.
    from newsclean.rules.comment_section import is_comment_stamp
    doc = document_from_text("\n".join(["Sam Green", "March 3, 2021, | Permalink", "March 3, 2021 in Travel | Permalink | Comments (5)", "March 3, 2021"]))
    assert [is_comment_stamp(b) for b in doc.blocks] == [False, True, False, False]
    thread = ["Sam Green", "March 3, 2021, | Permalink", "Finally! That bridge has been a mess for years.",
              "Dana Lee", "March 4, 2021, | Permalink", "Will the footpath stay open during the works?",
              "Lee Park", "March 5, 2021, | Permalink", "Good news for the cyclists, at last."]
    lines = [*_ARTICLE, *thread]
    verdicts = _verdicts(CommentSection(), lines)
    assert [verdicts[l] for l in lines] == [True] * len(_ARTICLE) + [True] + [False] * (len(thread) - 1)


def test_words_with_combining_marks_count_once() -> None:
    # Devanagari vowel signs are combining marks (\p{M}); before, each split a word into pieces
    # and inflated the word count of Hindi lines. Text written for this test.
    from newsclean.textutil import latin_words
    assert latin_words("हिन्दी समाचार पत्र") == ["हिन्दी", "समाचार", "पत्र"]
    assert latin_words("don't stop-me now") == ["don't", "stop-me", "now"]


# Chinese comment threads whose headers give the date without its year beside the time and the
# comment actions ("5月16日 18:14 举报 赞 回复"), followed by a list of dated teasers (titles, no
# sentences); pattern seen on Chinese news pages of the dev set, all text written for these tests.
_ZH_ARTICLE = [PROSE_ZH, PROSE_ZH.replace("城东", "城西"), PROSE_ZH.replace("周六", "周日"), PROSE_ZH.replace("散步", "锻炼")]
_ZH_THREAD = ["公园修得真不错，周末带孩子去看看。", "5月16日 18:14 举报 赞12 回复",
              "希望停车场也能扩建一下，每次去都没地方停。", "5月16日 19:27 举报 赞3 回复",
              "晚上的灯光也很好看，推荐大家去走走。", "5月17日 08:05 举报 赞 回复"]
_ZH_TEASERS = ["城南菜市场改造方案公布 预计年底完工", "5月22日 15:00 民生 城建",
               "地铁三号线新增两座车站", "5月22日 12:38 交通 地铁",
               "本市新增五处口袋公园", "5月23日 14:50 城建 公园"]


def test_comment_section_from_yearless_chinese_stamps() -> None:
    from newsclean.rules.comment_section import is_comment_stamp
    doc = document_from_text("\n".join(["5月16日 18:14 举报 赞12 回复", "05-16 18:14 网友甲 回复", "5月16日 18:14", "05-16 18:14"]))
    assert [is_comment_stamp(b) for b in doc.blocks] == [True, True, False, False]
    lines = [*_ZH_ARTICLE, *_ZH_THREAD]
    verdicts = _verdicts(CommentSection(), lines)
    # the thread opens at its first header (the first reply, above it, stays: nothing marks it)
    assert [verdicts[l] for l in lines] == [True] * len(_ZH_ARTICLE) + [True] + [False] * (len(_ZH_THREAD) - 1)


_EN_TEASERS = ["New cycle lanes for the harbour road", "Posted by: City Desk at March 4, 2021 9:00 AM in Local",
               "Library hours to change in the summer", "Posted by: City Desk at March 4, 2021 11:30 AM in Local",
               "Three new parks planned for the east side", "Posted by: City Desk at March 5, 2021 8:15 AM in Local",
               "Market square to close for repairs", "Posted by: City Desk at March 5, 2021 2:45 PM in Local",
               "Ferry timetable for the holidays", "Posted by: City Desk at March 6, 2021 10:10 AM in Local",
               "Harbour festival returns in June", "Posted by: City Desk at March 6, 2021 4:40 PM in Local"]


@pytest.mark.parametrize(("article", "thread", "teasers", "opener_kept"), [
    (_ZH_ARTICLE, _ZH_THREAD, _ZH_TEASERS, 1),
    (_ARTICLE, _THREAD, _EN_TEASERS, 0),
])
def test_comment_thread_followed_by_dated_teasers_is_still_a_thread(article, thread, teasers, opener_kept) -> None:
    lines = [*article, *thread, *teasers]
    verdicts = _verdicts(CommentSection(), lines)
    dropped = len(thread) + len(teasers) - opener_kept
    assert [verdicts[l] for l in lines] == [True] * (len(article) + opener_kept) + [False] * dropped


def test_negative_dated_teaser_list_alone_is_not_a_comment_thread() -> None:
    # titles between the stamps are not replies (no sentence): the list is left to the related rules
    lines = [*_ZH_ARTICLE, *_ZH_TEASERS]
    assert all(_verdicts(CommentSection(), lines).values())


def test_related_heading_over_most_of_the_page_drops_only_the_heading() -> None:
    # A links page (pattern seen on link-directory pages of the dev set; text written for this
    # test): the "Related links" label stands above the page's whole content, a list of links.
    links = [f"Harbour history society, chapter {n}: meetings and archive" for n in range(1, 9)]
    lines = [PROSE_EN[:60], "Related links", *links]
    verdicts = _verdicts(RelatedHeading(), lines)
    assert verdicts["Related links"] is False
    assert all(verdicts[l] for l in links)
    # negative: the same list under the heading after a longer article still goes with it
    article = [PROSE_EN, PROSE_EN.replace("Tuesday", "Monday"), PROSE_EN.replace("spring", "autumn"),
               PROSE_EN.replace("a year", "two years"), PROSE_EN.replace("old bridge", "town hall")]
    lines = [*article, "Related links", *links[:4]]
    verdicts = _verdicts(RelatedHeading(), lines)
    assert [verdicts[l] for l in lines] == [True] * 5 + [False] * 5


# Table rows and list items have few function words, like menus; inside an article they stay.
# Pattern seen on dev-set guide and review pages (price tables, spec lists); text written for
# these tests.
_TABLE_ROWS = [
    "Studio flat: two movers, three hours, estimated cost $785 to $1,047 including basic packing supplies",
    "Three bedroom house: four movers, seven hours, estimated cost $3,141 to $3,665 including packing supplies",
]
_MENU_BLOB = " ".join(["Home News Sport Business Culture Travel Weather Login Register Video Podcasts Newsletters"] * 6)


def test_short_lines_without_function_words_are_left_to_their_neighbours() -> None:
    from newsclean.rules.quality import BAD, SHORT, classify
    doc = document_from_text("\n".join([*_TABLE_ROWS, _MENU_BLOB]))
    assert [classify(b).klass for b in doc.blocks] == [SHORT, SHORT, BAD]


def test_table_rows_between_paragraphs_stay_and_a_keyword_blob_goes() -> None:
    import newsclean
    para2 = "Movers said on Friday that prices had risen by about a tenth since the spring, and that most of the increase came from fuel and insurance."
    page = "\n".join([_MENU_BLOB, PROSE_EN, *_TABLE_ROWS, para2, _MENU_BLOB.replace("Home", "Search")])
    body = newsclean.clean(page, format="text").body
    assert body.split("\n") == [PROSE_EN, *_TABLE_ROWS, para2]


# Sidebars listing other pages' titles in headline capitalisation, one per line (pattern seen on
# dev-set blog and news pages); text written for these tests.
_TITLES = ["Why the City Council Delayed the Bridge Vote Again", "Five Parks Worth a Weekend Visit This Autumn",
           "Local Bakery Wins Regional Bread Award", "What the New Parking Rules Mean for Residents"]


def test_title_run_drops_four_headline_case_lines_in_a_row() -> None:
    from newsclean.rules.related import TitleRun
    verdicts = _verdicts(TitleRun(), [PROSE_EN, *_TITLES])
    assert [verdicts[t] for t in _TITLES] == [False] * 4
    assert verdicts[PROSE_EN] is True


def test_title_run_keeps_short_runs_numbered_and_sentence_case_lists() -> None:
    from newsclean.rules.related import TitleRun
    three = _verdicts(TitleRun(), [PROSE_EN, *_TITLES[:3], PROSE_EN.replace("Tuesday", "Monday")])
    numbered = [f"{n}. {t}" for n, t in enumerate(_TITLES, 1)]
    sentence_case = ["Efficient service and careful handling", "Free storage for the first month",
                     "Quotes within a day of the visit", "Packing supplies sold at cost"]
    code = ["A[Query] --> B[Parser]", "B --> C[Query Planner]", "C --> D[Executor Step]", "D --> E[Final Results]"]
    for lines in (three, _verdicts(TitleRun(), numbered), _verdicts(TitleRun(), sentence_case), _verdicts(TitleRun(), code)):
        assert all(lines.values())


def test_repeated_schedule_lines_between_different_lines_stay() -> None:
    # Pattern seen on dev-set course and event pages (the same time and room line under each
    # item); text written for this test. Copies next to each other (a repeated menu or teaser
    # block) and long copies still go.
    lines = ["Introduction to spreadsheets for small offices", "Location: Room 111, Main Hall",
             "Writing better emails at work in one afternoon", "Location: Room 111, Main Hall",
             "Menu Home Courses Fees", "Contact Us And Directions", "Menu Home Courses Fees", "Contact Us And Directions",
             PROSE_EN, PROSE_EN]
    doc = document_from_text("\n".join(lines))
    ctx = Context(doc=doc, meta=meta.scan(doc), labels=[None] * len(doc.blocks))
    assert [(v.index, v.keep) for v in RepeatedLine()(ctx)] == [(6, False), (7, False), (9, False)]


def test_a_long_paragraph_that_trails_off_is_prose_and_a_teaser_is_not() -> None:
    # Pattern seen on dev-set blog posts (a paragraph ending in '…' to lead into a quote or a
    # list) next to sidebar teasers cut at one width; text written for this test.
    from newsclean.rules.quality import BAD, GOOD, classify
    paragraph = ("Last year we spent a whole month asking readers to suggest the worst possible titles for books "
                 "about our own trade, and the answers were so good that we promised to do it again. It was more "
                 "fun than we had expected, and we learned a lot about what people fear in their work. Let us refresh your memory…")
    teaser = "The council met on Tuesday to discuss the budget and agreed to keep the library open for..."
    doc = document_from_text("\n".join([paragraph, teaser]))
    assert classify(doc.blocks[0]).klass == GOOD
    assert classify(doc.blocks[1]).klass == BAD


def test_context_smoothing_looks_through_a_source_line() -> None:
    # A source line inside a story does not cut off the subheading after it (pattern seen on
    # dev-set news pages; text written for this test) ...
    import newsclean

    para = PROSE_EN + " Local shops near the bridge said they were glad that the work would finally begin."
    story = [para, "Source: City Council", "Next steps", para.replace("Tuesday", "Monday")]
    explanation = newsclean.clean_and_explain("\n\n".join(story), format="text")
    assert "Next steps" in explanation.article.body
    assert {r.text: r.rule for r in explanation.removals}.get("Source: City Council") == "meta.source_line"
    # ... but a menu word after a source line at the end of the page still goes.
    tail = [para, para.replace("Tuesday", "Monday"), "Source: City Council", "Weather"]
    explanation = newsclean.clean_and_explain("\n\n".join(tail), format="text")
    assert "Weather" not in explanation.article.body


def test_hindi_prose_is_prose_and_a_hindi_menu_is_not() -> None:
    # Hindi (Devanagari) separates words by spaces and ends sentences with the danda "।" (pattern
    # seen on a Hindi news page of the dev set; text written for this test).
    from newsclean.rules.quality import GOOD, classify

    prose = ("नगर परिषद ने मंगलवार को कहा कि पुराने पुल की मरम्मत का काम वसंत में शुरू होगा और इसे पूरा होने में "
             "लगभग एक साल लगेगा। स्थानीय दुकानदारों ने कहा कि वे इस फैसले से खुश हैं, क्योंकि पुल की हालत कई वर्षों से खराब थी।")
    menu = "होम देश विदेश बिजनेस खेल मनोरंजन टेक ऑटो राशिफल वीडियो फोटो लॉगिन"
    doc = document_from_text(prose + "\n\n" + menu)
    prose_block, menu_block = doc.blocks
    assert classify(prose_block).klass == GOOD and prose_block.ends_sentence
    assert classify(menu_block).klass != GOOD


def test_data_table_after_a_paragraph_stays_with_one_kept_neighbour() -> None:
    # A results table (rows mostly numbers) right after a paragraph, then a share widget (pattern
    # seen on dev-set sports and finance pages; text written for this test) ...
    import newsclean

    para = PROSE_EN + " Local shops near the bridge said they were glad that the work would finally begin."
    table = ["1 Northfield 42 13 3 2", "2 Eastbrook 40 12 4 2", "3 Westmere 35 10 5 3", "4 Southby 31 9 4 5"]
    later = para.replace("Tuesday", "Monday")
    body = newsclean.clean("\n\n".join([para, *table, "Share this", later]), format="text").body
    assert all(row in body for row in table)
    # ... but two number lines (a market ticker) are not a table: with one kept neighbour they go.
    ticker = ["Markets 13,245 +0.5%", "Oil $88.10 -1.2%"]
    body = newsclean.clean("\n\n".join([para, *ticker, "Share this", later]), format="text").body
    assert not any(line in body for line in ticker)


def test_region_keeps_a_long_paragraph_above_it_and_drops_one_below_it() -> None:
    # Pattern seen on dev-set blog and news pages: under the story, after share buttons and teaser
    # titles, a paragraph-long author or site blurb; above it, a lead cut off from the rest by a
    # gallery. Text written for this test.
    from newsclean.rules.region import MainRegion

    lead = ("The old railway bridge over the river will close for a year from next spring, the city council "
            "said on Tuesday, after engineers found that several of its steel beams had rusted far more than "
            "expected. Buses will replace the trains that cross it, and the council said it would publish the "
            "new timetables in the next few weeks, once the rail company has agreed to them.")
    story = [PROSE_EN + " Shops near the bridge said they were worried about the long closure and the loss of trade."] * 4
    chrome = [f"Gallery photo {n}" for n in range(30)]
    blurb = ("Jane Doe writes about cities, transport and the people who keep them running. She has worked "
             "for several regional newspapers and lives in Springfield with her two children and a very old "
             "dog. Her new book, a history of the river and its bridges, comes out next year, and she is "
             "always glad to hear from readers who have stories about them to share.")
    teasers = [f"Teaser title number {n}" for n in range(30)]
    verdicts = _verdicts(MainRegion(), [lead, *chrome, *story, *teasers, blurb])
    assert verdicts[lead] is True
    assert verdicts[blurb] is False
    assert verdicts[story[0]] is True
    # The old behaviour stays one switch away.
    assert _verdicts(MainRegion(keep_outside_good_below=True), [lead, *chrome, *story, *teasers, blurb])[blurb] is True



def test_region_keeps_the_list_hanging_off_its_last_paragraph() -> None:
    # Pattern seen on dev-set blog and sports pages: the story's last paragraph is followed by a
    # bulleted list of short items (devices, race results); the items score as chrome, so the main
    # region stopped before them. Text written for this test.
    import newsclean

    story = [PROSE_EN + f" Work on part {n} of the bridge will take about a month, the engineers said." for n in range(3)]
    lead = ("The new timetable can be read on the council website and picked up as a printed leaflet at "
            "the following places:")
    items = ["• Central Library", "• North Street station", "• The town hall", "• Riverside sports centre"]
    menu = ["Home", "News", "Sport", "Weather", "Contact us", "Privacy", "Terms"]
    explanation = newsclean.clean_and_explain("\n\n".join([*story, lead, *items, *menu]), format="text")
    assert all(item in explanation.article.body for item in items)
    assert {k.text: k.rule for k in explanation.kept}[items[0]] == "region.outside_main"
    assert not any(line in explanation.article.body.splitlines() for line in menu)
    # Negative cases: lines that are not list-marked (a menu) stay out even right under the text;
    # a list behind a share line is not hanging off the text; and when the text's last block is a
    # list item itself, the list's further items stay out (they scored as chrome, like a teaser list).
    body = newsclean.clean("\n\n".join([*story, lead, *menu]), format="text").body
    assert not any(line in body.splitlines() for line in menu)
    body = newsclean.clean("\n\n".join([*story, lead, "Share this", *items, *menu]), format="text").body
    assert not any(item in body for item in items)
    from newsclean.rules.region import MainRegion

    long_item = "• " + PROSE_EN
    verdicts = _verdicts(MainRegion(), [*story, long_item, *items, *menu])
    assert verdicts[story[0]] is True
    assert all(verdicts[item] is False for item in items)
    assert all(_verdicts(MainRegion(), [*story, lead, *items, *menu])[item] is True for item in items)

_BLURB = ("Jane Doe is a freelance writer based in Springfield. She covers parks, transport and the "
          "people who look after them, and has written for several regional papers.")


@pytest.mark.parametrize("blurb", [
    _BLURB, "I'm Jane Doe, a certified personal trainer and the founder of a small gym in Springfield.",
    "Jane is a freelance writer with ten years of experience in local news. She lives in Springfield with her family.",
])
def test_author_blurb_after_the_story_goes(blurb) -> None:
    # Pattern seen on dev-set blog and magazine pages: a paragraph describing the author's job
    # right under the story. Text written for this test.
    import newsclean

    story = [PROSE_EN + f" Work on part {n} of the bridge will take about a month, the engineers said." for n in range(5)]
    explanation = newsclean.clean_and_explain("\n\n".join([*story, blurb]), format="text")
    assert blurb not in explanation.article.body
    assert {r.text: r.rule for r in explanation.removals}[blurb] == "meta.author_blurb"
    assert explanation.article.body.count("engineers said") == 5


def test_a_named_persons_job_inside_the_story_stays() -> None:
    # Negative cases (text written for this test): a story's own sentence describing a person,
    # early in the story or as a "Mr Smith" of a news report near its end.
    import newsclean

    early = "Anna Berg is a retired engineer who has lived next to the bridge for forty years, and she says it has never looked worse."
    # a tool described at the end of a guide: one capitalised word, but no sentence about a person after it
    tool = "Python is an open-source language that many developers and analysts use for such work. It runs on every system."
    late = "Mr Smith is a retired engineer who has walked over the bridge every day since he moved to the town as a boy."
    story = [PROSE_EN + f" Work on part {n} of the bridge will take about a month, the engineers said." for n in range(5)]
    body = newsclean.clean("\n\n".join([early, *story, late, tool]), format="text").body
    assert early in body and late in body and tool in body


def test_teasers_with_summaries_after_a_share_line_go() -> None:
    # Pattern seen on dev-set news and blog pages: under the story and its share buttons, other
    # stories as title, byline and a short summary each, with no related heading. Text written
    # for this test (the items are _SUMMARY_ITEMS above).
    from newsclean.rules.related import TeaserSummaries

    story = [PROSE_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]
    lines = [*story, "Share on Facebook", *_SUMMARY_ITEMS]
    labels = [None] * len(lines)
    labels[5] = Label(False, "nav.widget", "share widget")
    doc = document_from_text("\n".join(lines))
    ctx = Context(doc=doc, meta=meta.scan(doc), labels=labels)
    dropped = {v.index for v in TeaserSummaries()(ctx) if not v.keep}
    assert dropped == set(range(6, 6 + len(_SUMMARY_ITEMS)))


def test_story_going_on_after_a_chrome_line_is_not_a_teaser_list() -> None:
    # Negative cases (text written for this test): subheadings and short paragraphs of the story
    # itself after a share line, which end in two paragraphs in a row; and a list of teasers with
    # summaries in the first half of the page's prose (the page's own content).
    from newsclean.rules.related import TeaserSummaries

    story = [PROSE_EN.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday")]
    going_on = ["What happens next", _SUMMARY_ITEMS[2], "Who pays", _SUMMARY_ITEMS[5], "Next year",
                _SUMMARY_ITEMS[8], PROSE_EN, PROSE_EN.replace("Tuesday", "Sunday")]
    for lines, chrome_at in (([*story, "Share on Facebook", *going_on], 3), (["Share on Facebook", *_SUMMARY_ITEMS, *story * 3], 0)):
        labels = [None] * len(lines)
        labels[chrome_at] = Label(False, "nav.widget", "share widget")
        doc = document_from_text("\n".join(lines))
        ctx = Context(doc=doc, meta=meta.scan(doc), labels=labels)
        assert list(TeaserSummaries()(ctx)) == []
