"""Public API contract: clean == clean_and_explain().article, audit-trail invariants, errors, pipeline edits."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from newsclean import Article, NewscleanError, Pipeline
from newsclean.rules import LineRule

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
PAGE = """Home › News
A quiet village votes to keep its only bus line - Example Times
The village council voted on Monday to keep the bus line that links it to the market town, after residents collected more than four hundred signatures in a single week.
Supporters said the bus is the only way for many older people to reach the doctor, the bank and the shops without relying on neighbours for a lift.
Share this
© 2024 Example Times. All rights reserved.
"""


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_clean_is_the_article_of_clean_and_explain(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert newsclean.clean(text) == newsclean.clean_and_explain(text).article


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_kept_plus_removed_cover_every_character_exactly_once(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    explanation = newsclean.clean_and_explain(text)
    spans = sorted((d.start, d.end, d.text) for d in (*explanation.kept, *explanation.removals))
    covered = [False] * len(text)
    for start, end, piece in spans:
        assert text[start:end] == piece  # positions point at the exact input characters
        for i in range(start, end):
            assert not covered[i], "two decisions overlap"
            covered[i] = True
    uncovered = "".join(ch for ch, c in zip(text, covered) if not c)
    assert uncovered.strip() == "", "non-whitespace input outside every decision"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_removal_positions_and_lines_agree(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for removal in newsclean.clean_and_explain(text).removals:
        assert text.count("\n", 0, removal.start) + 1 == removal.line_start
        assert removal.rule and removal.reason


def test_replay_rebuilds_the_body_from_the_trail() -> None:
    for path in SEEDS:
        explanation = newsclean.clean_and_explain(path.read_text(encoding="utf-8"))
        assert explanation.replay() == explanation.article.body


def test_body_keeps_the_inputs_own_characters() -> None:
    text = PAGE.replace("Monday", "Ｍonday").replace(",", "，", 1)
    body = newsclean.clean(text).body
    assert "Ｍonday" in body and "，" in body


def test_article_round_trips_through_json() -> None:
    article = newsclean.clean(SEEDS[0].read_text(encoding="utf-8"))
    assert Article.model_validate_json(article.model_dump_json()) == article
    explanation = newsclean.clean_and_explain(PAGE)
    assert type(explanation).model_validate_json(explanation.model_dump_json()) == explanation


def test_headline_suffix_and_source_from_an_english_page() -> None:
    article = newsclean.clean(PAGE)
    assert article.headline == "A quiet village votes to keep its only bus line"
    assert article.source == "Example Times"
    assert article.language == "en"
    assert "Share this" not in article.body and "©" not in article.body


def test_url_argument_is_the_fallback_url() -> None:
    assert newsclean.clean(PAGE, url="https://example.org/a").url == "https://example.org/a"


@pytest.mark.parametrize("bad", ["", "   \n\t  ", "\u3000\n"])
def test_empty_input_is_a_typed_error(bad: str) -> None:
    with pytest.raises(newsclean.EmptyInputError, match="empty"):
        newsclean.clean(bad)


def test_all_chrome_page_raises_no_article_with_removals() -> None:
    chrome = "Home › News › World\nShare this\nFacebook Twitter Email\n© 2024 Example. All rights reserved.\n"
    with pytest.raises(newsclean.NoArticleError) as info:
        newsclean.clean(chrome)
    assert isinstance(info.value, NewscleanError)
    assert len(info.value.removals) == 4
    assert {r.rule for r in info.value.removals} >= {"nav.breadcrumb", "legal.disclaimer"}


@pytest.mark.parametrize("bad", [None, 42, ["text"], {"text": "x"}])
def test_non_text_argument_is_a_type_error_that_says_what_to_pass(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        newsclean.clean(bad)  # type: ignore[arg-type]


def test_pipeline_rule_can_be_switched_off() -> None:
    pipeline = Pipeline().without("legal.disclaimer")
    explanation = newsclean.clean_and_explain(PAGE, pipeline=pipeline)
    assert "legal.disclaimer" not in {r.rule for r in explanation.removals}
    with pytest.raises(ValueError, match="no rule"):
        Pipeline().without("no.such.rule")


class DropLinesMentioningBuses(LineRule):
    id = "custom.buses"

    def judge(self, block, ctx):  # type: ignore[no-untyped-def]
        return "mentions lifts from neighbours" if "neighbours" in block.text else None


def test_pipeline_accepts_a_callers_rule_and_records_its_reason() -> None:
    pipeline = Pipeline().with_rule(DropLinesMentioningBuses(), before="quality.prose")
    explanation = newsclean.clean_and_explain(PAGE, pipeline=pipeline)
    custom = [r for r in explanation.removals if r.rule == "custom.buses"]
    assert [r.reason for r in custom] == ["mentions lifts from neighbours"]
    assert "neighbours" not in explanation.article.body
    assert "village council voted" in explanation.article.body


def test_every_default_rule_has_an_id_and_a_documented_example() -> None:
    ids = [rule.id for rule in newsclean.DEFAULT_RULES]
    assert len(ids) == len(set(ids))
    for rule in newsclean.DEFAULT_RULES:
        doc = type(rule).__doc__ or ""
        assert "Removes:" in doc and "Keeps:" in doc, rule.id
