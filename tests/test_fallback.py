"""The sentence fallback: a page where every block was dropped keeps its sentences, if the only
rules that dropped them are the judgement rules (prose classifier, context smoothing, region).

Pages written for these tests; the shape (a short notice or job ad made of a few short sentences
between menus, which no prose paragraph anchors) was seen on non-article pages of the dev set.
"""

from __future__ import annotations

import pytest

import newsclean
from newsclean import NoArticleError, Pipeline
from newsclean.ingest import document_from_text
from newsclean.rules import ContextSmoothing, Label, ProseClassifier
from newsclean.rules.fallback import SentenceFallback

NOTICE = "\n".join([
    "Home",
    "Jobs",
    "The library needs a part-time assistant.",
    "The work covers the desk on two evenings.",
    "Applicants should send a letter and CV.",
    "Interviews take place in the first week.",
    "The post starts in June and pays hourly.",
    "Contact",
])
SENTENCES = NOTICE.splitlines()[2:7]
#: only the judgement rules: every short sentence is dropped as a short block without a kept neighbour
JUDGEMENT_ONLY = Pipeline(rules=(ProseClassifier(), ContextSmoothing()))


def test_a_page_whose_sentences_were_all_dropped_by_judgement_keeps_them() -> None:
    explanation = newsclean.clean_and_explain(NOTICE, format="text", pipeline=JUDGEMENT_ONLY)
    assert explanation.article.body.splitlines() == SENTENCES
    kept = {d.text: d for d in explanation.kept}
    assert set(kept) == set(SENTENCES)
    for decision in kept.values():
        assert decision.rule == "fallback.sentences"
        # the original drop stays visible in the reason: which judgement rule dropped it, and why
        assert "sentence blocks (" in decision.reason and "that only quality.context had dropped (short block" in decision.reason
    assert {r.text: r.rule for r in explanation.removals} == {"Home": "quality.context", "Jobs": "quality.context",
                                                               "Contact": "quality.context"}


def test_without_the_fallback_the_same_page_has_no_article() -> None:
    with pytest.raises(NoArticleError):
        newsclean.clean(NOTICE, format="text", pipeline=Pipeline(rules=JUDGEMENT_ONLY.rules, fallback=None))


def test_relabel_keeps_only_judgement_drops_that_end_a_sentence() -> None:
    doc = document_from_text(NOTICE)
    labels = [Label(False, "quality.context", "short block") for _ in doc.blocks]
    labels[2] = Label(False, "legal.disclaimer", "starts with a disclaimer marker")  # a chrome pattern: stays dropped
    out = SentenceFallback().relabel(doc.blocks, labels)
    assert [b.text for b, label in zip(doc.blocks, out) if label.keep] == SENTENCES[1:]
    assert out[2] == labels[2] and out[0] == labels[0]
    assert SentenceFallback().relabel(doc.blocks, out) == out  # something is kept: unchanged
    assert SentenceFallback(min_total_size=10_000).relabel(doc.blocks, labels) == labels


def test_a_page_of_menus_still_has_no_article() -> None:
    # Negative case: nothing here ends a sentence, so the fallback keeps nothing.
    menus = "\n".join(["Home", "News", "Sport", "Business", "Culture", "Travel", "Weather", "Contact us", "Log in"] * 4)
    with pytest.raises(NoArticleError):
        newsclean.clean(menus, format="text")


def test_too_little_sentence_text_stays_without_an_article() -> None:
    # Negative case: two short sentences (under min_total_size tokens) are not an article.
    page = "\n".join(["Home", "Jobs", "The office is closed today.", "Please call again tomorrow.", "Contact"])
    with pytest.raises(NoArticleError):
        newsclean.clean(page, format="text")


def test_sentences_dropped_by_a_chrome_rule_are_not_brought_back() -> None:
    # Negative case: disclaimers are dropped by legal.disclaimer (a chrome pattern, not a judgement).
    page = "\n".join(["Home"] + ["免责声明:本文仅代表作者本人观点,与本网站无关,版权所有,请勿转载。"] * 3 + ["Contact"])
    with pytest.raises(NoArticleError):
        newsclean.clean(page, format="text")


def test_the_fallback_never_runs_when_a_block_was_kept() -> None:
    page = NOTICE + "\n" + (
        "The council said on Tuesday that the new library wing would open in the spring, and that the "
        "extra rooms would be used for study groups, reading clubs and evening classes for adults."
    )
    explanation = newsclean.clean_and_explain(page, format="text")
    assert all(d.rule != "fallback.sentences" for d in explanation.kept)


# A changelog or list post: every line a list item, no sentence (pattern seen on a blog page of
# the dev set; text written for these tests).
CHANGELOG_ITEMS = [
    "+ Added a harbour map with ferry routes",
    "+ Added night mode for the timetable screen",
    "+ Added alerts for delayed departures",
    "* Ticket prices are shown with and without discounts",
    "* The search box remembers the last three stops",
    "- Removed the old printable timetable",
]
CHANGELOG = "\n".join(["Home", "Blog", *CHANGELOG_ITEMS, "Older posts", "Contact"])


def test_a_page_of_list_items_only_keeps_its_longest_list_run() -> None:
    explanation = newsclean.clean_and_explain(CHANGELOG, format="text", pipeline=JUDGEMENT_ONLY)
    assert explanation.article.body.splitlines() == CHANGELOG_ITEMS
    assert {d.rule for d in explanation.kept} == {"fallback.sentences"}
    assert all("list items" in d.reason for d in explanation.kept)


def test_negative_a_short_menu_list_is_still_no_article() -> None:
    menu = "\n".join(["- Home", "- News", "- Sport", "- Weather", "- Contact", "- About"])
    with pytest.raises(NoArticleError):
        newsclean.clean_and_explain(menu, format="text", pipeline=JUDGEMENT_ONLY)


def test_plus_is_a_list_marker_only_before_a_space() -> None:
    doc = document_from_text("+ Added a harbour map\n+5% on the year\n+44 20 7946 0000")
    assert [b.list_marker for b in doc.blocks] == [True, False, False]


def test_one_sentence_of_twenty_odd_tokens_is_enough() -> None:
    # Pattern seen on dev-set blog pages whose whole post is one long sentence under a video
    # (text written for this test): 24 tokens, which the old bound of 30 left without an article.
    sentence = ("The club opened its new hall on Saturday with a concert, a bake sale, a raffle and a long "
                "queue of families waiting to see the stage.")
    assert 20 <= len(sentence.split()) < 30
    doc = document_from_text("\n".join(["Home", "Blog", sentence, "Contact"]))
    labels = [Label(False, "region.outside_main", "outside the main region") for _ in doc.blocks]
    out = SentenceFallback().relabel(doc.blocks, labels)
    assert [b.text for b, label in zip(doc.blocks, out) if label.keep] == [sentence]
    # Negative case: the same page with only a 12-token sentence stays without an article.
    doc = document_from_text("\n".join(["Home", "Blog", "The club opened its new hall on Saturday with a concert.",
                                         "Contact"]))
    labels = [Label(False, "region.outside_main", "outside the main region") for _ in doc.blocks]
    assert SentenceFallback().relabel(doc.blocks, labels) == labels
