"""Golden tests on hand-written text dumps (tests/fixtures/text/, see its README):
input -> expected Article fields and the exact removal list (line, rule id)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclean

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text"
CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("stem", CASES)
def test_golden_text_fixture(stem: str) -> None:
    text = (FIXTURES / f"{stem}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{stem}.expected.json").read_text(encoding="utf-8"))
    explanation = newsclean.clean_and_explain(text)
    article = explanation.article.model_dump(mode="json")
    for field, value in expected["article"].items():
        got = article[field].split("\n") if field == "body" else article[field]
        assert got == value, field
    assert [[r.line_start, r.rule] for r in explanation.removals] == expected["removals"]


def test_fixture_set_is_not_empty() -> None:
    assert len(CASES) >= 2
