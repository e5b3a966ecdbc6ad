"""Golden tests of the HTML path: hand-written pages → expected Article fields and removal rule ids."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

import newsclean

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def explain(name: str, **kwargs) -> newsclean.Explanation:
    return newsclean.clean_and_explain((FIXTURES / name).read_text(encoding="utf-8"), **kwargs)


def rules_of(ex, fragment: str) -> set[str]:
    return {r.rule for r in ex.removals if fragment in r.text}


def test_wordpress_article_fields():
    ex = explain("wordpress_article.html")
    a = ex.article
    assert a.headline == "Harbour Bridge Reopens After Two-Year Repair"
    assert a.source == "Riverside Courier"
    assert a.url == "https://courier.example/2024/05/harbour-bridge-reopens/"
    assert a.published == datetime(2024, 5, 14, 8, 30, tzinfo=timezone.utc)
    assert a.author == "Dana Whitfield"
    assert a.language == "en"
    assert a.paragraphs == [
        "The Harbour Bridge reopened to traffic on Tuesday morning after a two-year repair that replaced most of "
        "its steel deck and all of its cables, the city's transport department said.",
        "Engineers had closed the crossing in the spring of 2022 when inspectors found corrosion in the anchor "
        "rooms, forcing about forty thousand daily commuters onto a ferry and a long detour through the valley.",
        "What changes for drivers",
        "The speed limit on the bridge drops to forty miles an hour, and a new cycle lane runs along the northern "
        "side, separated from the traffic by a concrete barrier that the department says will be finished in June.",
        "“We know it has been a long two years for everyone who lives on the east bank,” the department's director "
        "told reporters at the opening, adding that tolls would stay suspended until the end of the summer.",
    ]


def test_wordpress_article_removals():
    ex = explain("wordpress_article.html")
    assert rules_of(ex, "Cars cross the bridge") == {"media.caption"}
    assert rules_of(ex, "Harbour Bridge Reopens") == {"meta.headline"}
    assert rules_of(ex, "Sport") == {"dom.chrome"}  # <nav>
    assert rules_of(ex, "Ferry timetable extended") == {"dom.chrome"}  # class="related-posts"
    assert rules_of(ex, "Your email address will not be published") == {"dom.chrome"}  # comments area
    assert rules_of(ex, "School term dates") == {"dom.chrome"}  # <aside>
    assert rules_of(ex, "All rights reserved") == {"dom.chrome"}  # <footer>
    kept_rules = {d.rule for d in ex.kept}
    assert kept_rules <= {"dom.main_prose", "dom.main_content"}
    # The audit trail is complete: kept + removed = every rendered line.
    assert ex.replay() == ex.article.body


def test_zh_portal_page():
    ex = explain("zh_news.html")
    a = ex.article
    assert a.headline == "江城地铁三号线今日开通运营"
    assert a.source == "江城日报"
    assert a.published == datetime(2024, 3, 18, 9, 15)
    assert a.language == "zh"
    assert len(a.paragraphs) == 3
    assert a.paragraphs[0].startswith("记者从市轨道交通集团获悉")
    assert "责任编辑" not in a.body and "相关阅读" not in a.body and "版权所有" not in a.body
    assert rules_of(ex, "四号线首段主体结构完工") == {"dom.chrome"}


def test_table_layout_page_headline_from_title_agreement():
    ex = explain("table_layout_2008.html")
    a = ex.article
    assert a.headline == "Library extends opening hours"
    assert a.published == datetime(2008, 1, 12)
    assert a.paragraphs[0].startswith("The county library will stay open")
    assert a.paragraphs[-1] == "Weekend hours do not change, the board said."
    assert "Classifieds" not in a.body and "Print this story" not in a.body and "Copyright" not in a.body


def test_url_argument_is_the_fallback():
    html = (FIXTURES / "zh_news.html").read_text(encoding="utf-8")
    assert newsclean.clean(html, url="https://example.cn/a/1.html").url == "https://example.cn/a/1.html"
    # a canonical link wins over the argument
    page = (FIXTURES / "wordpress_article.html").read_text(encoding="utf-8")
    assert newsclean.clean(page, url="https://other.example/x").url.startswith("https://courier.example/")


@pytest.mark.parametrize("name", ["wordpress_article.html", "zh_news.html", "table_layout_2008.html"])
def test_html_and_text_give_the_same_kind_of_result(name):
    ex = explain(name)
    assert isinstance(ex.article, newsclean.Article)
    for removal in ex.removals:
        assert removal.rule and removal.reason and removal.text
        assert removal.line_start <= removal.line_end
