"""Shared evaluation helpers: the dev set loader and the metrics every benchmark uses.

Metric (as ../shared/eval/README.md describes): bag-of-tokens F1 between a prediction and
``gold_body``, where every CJK character is one token and every other run of letters/digits is
one token, after NFKC + casefold. Punctuation and whitespace are ignored, order does not matter.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
DEFAULT_DEV = Path(os.environ.get("NEWSCLEAN_DEV", HERE.parent.parent / "shared" / "eval" / "dev.jsonl.gz"))
CJK_LANGS = frozenset({"zh", "ja", "ko"})

_TOKEN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]|[^\s\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{P}\p{S}]+")
_HEADLINE_NOISE = regex.compile(r"[\s\p{P}\p{S}]+")


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(unicodedata.normalize("NFKC", text or "").casefold()))


def f1(prediction: str, gold: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the token bags."""
    pred, ref = tokens(prediction), tokens(gold)
    if not pred and not ref:
        return 1.0, 1.0, 1.0
    overlap = sum((pred & ref).values())
    p = overlap / sum(pred.values()) if pred else 0.0
    r = overlap / sum(ref.values()) if ref else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def headline_key(text: str | None) -> str:
    return _HEADLINE_NOISE.sub("", unicodedata.normalize("NFKC", text or "").casefold())


def headline_exact(prediction: str | None, gold: str | None) -> bool:
    return bool(gold) and headline_key(prediction) == headline_key(gold)


def is_cjk(record: dict) -> bool:
    return record.get("lang") in CJK_LANGS


def load(path: Path = DEFAULT_DEV, *, limit: int | None = None) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)


def evenly_spaced(path: Path = DEFAULT_DEV, limit: int | None = None) -> list[dict]:
    """All records, or ``limit`` of them spread evenly over the file (every dataset represented)."""
    records = list(load(path))
    if limit is None or limit >= len(records):
        return records
    step = len(records) / limit
    return [records[int(i * step)] for i in range(limit)]


def summarise(scores: list[float]) -> dict[str, float]:
    if not scores:
        return {"n": 0, "mean": 0.0, "median": 0.0, "share_ge_0.9": 0.0}
    return {
        "n": len(scores),
        "mean": statistics.fmean(scores),
        "median": statistics.median(scores),
        "share_ge_0.9": sum(1 for s in scores if s >= 0.9) / len(scores),
    }
