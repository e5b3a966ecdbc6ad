"""Golden tests on the five seed pages (seeds/*.txt, gold in seeds/gold/*.json).

Every gold field must match; body paragraphs must reach bag-of-characters F1 >= 0.99 against the
gold body (optional paragraphs may be kept or dropped); no chrome line may remain.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

import newsclean

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CASES = sorted(p.stem for p in SEEDS.glob("*.txt"))


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def _f1(prediction: str, gold: str) -> float:
    pred, ref = _chars(prediction), _chars(gold)
    overlap = sum((pred & ref).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(pred.values()), overlap / sum(ref.values())
    return 2 * p * r / (p + r)


def _load(stem: str) -> tuple[str, dict]:
    return (SEEDS / f"{stem}.txt").read_text(encoding="utf-8"), json.loads((SEEDS / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


def test_all_five_seeds_present() -> None:
    assert len(CASES) == 5


@pytest.mark.parametrize("stem", CASES)
def test_seed_metadata_matches_gold(stem: str) -> None:
    text, gold = _load(stem)
    article = newsclean.clean(text)
    assert article.headline == gold["headline"]
    assert article.source == gold["source"]
    assert article.url == gold["url"]
    expected_published = datetime.fromisoformat(gold["published"]) if gold["published"] else None
    assert article.published == expected_published
    assert article.language == "zh"


@pytest.mark.parametrize("stem", CASES)
def test_seed_body_matches_gold(stem: str) -> None:
    text, gold = _load(stem)
    paragraphs = newsclean.clean(text).body.split("\n")
    optional = set(gold["optional"])
    required = [p for p in paragraphs if p not in optional]
    assert _f1("\n".join(required), "\n".join(gold["body"])) >= 0.99
    # Every required gold paragraph is present verbatim (sentences broken across lines are rejoined).
    for paragraph in gold["body"]:
        assert paragraph in paragraphs, paragraph[:40]
    # Nothing else: every kept paragraph is gold or optional (no chrome line left).
    allowed = set(gold["body"]) | optional
    assert [p for p in paragraphs if p not in allowed] == []


def test_seed_002_permalink_and_glued_teasers() -> None:
    text, _ = _load("002_cf451412e4392784")
    explanation = newsclean.clean_and_explain(text)
    rules = {r.rule for r in explanation.removals}
    assert {"meta.permalink", "legal.disclaimer", "meta.source_line"} <= rules
    permalink = next(r for r in explanation.removals if r.rule == "meta.permalink")
    # The permalink was split off the teaser blob it was glued to, with exact offsets.
    assert permalink.text.startswith("本文链接")
    assert text[permalink.start : permalink.end] == permalink.text


def test_seed_003_broken_sentence_is_rejoined() -> None:
    text, _ = _load("003_39f01d699a300b34")
    body = newsclean.clean(text).body
    assert "展开谈判。乌总统泽连斯基" in body
    assert "\n总统泽连斯基" not in body


def test_seed_004_placeholders_and_credits_removed_with_their_rules() -> None:
    text, _ = _load("004_5c32315b3d20ba13")
    removals = newsclean.clean_and_explain(text).removals
    by_rule = Counter(r.rule for r in removals)
    assert by_rule["junk.placeholder"] == 4
    assert by_rule["media.credit"] == 3
    assert by_rule["comments.form"] == 2
