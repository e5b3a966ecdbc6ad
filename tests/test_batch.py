"""clean_many / clean_files: order, typed failures, bounded read-ahead, worker crashes."""

from __future__ import annotations

import gzip
import itertools
import os
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Article, Failure, Limits, Pipeline, clean_files, clean_many
from newsclean.batch import safe_component
from newsclean.rules import Rule

from _batch_pages import html_page, page


def _mixed_items():
    return [
        page(1),
        page(2).encode("utf-8"),
        {"id": "rec-3", "text": page(3), "url": "https://example.com/3"},
        "",                                   # empty
        "\x00\x01\x02 binary",                # binary
        {"id": 7, "body": "wrong field"},     # record without the text field
        42,                                   # not a page at all
        html_page(8),
        {"text": page(9)},                    # record without id
        b"\xff\xfe\x00\x00garbage\x00",       # bytes that are not a page
    ]


def test_clean_many_yields_one_result_per_item_in_order():
    items = _mixed_items()
    results = list(clean_many(items))
    assert len(results) == len(items)
    assert isinstance(results[0], Article) and "(Story 1.)" in results[0].body
    assert isinstance(results[1], Article) and "(Story 2.)" in results[1].body
    assert isinstance(results[2], Article) and results[2].url == "https://example.com/3"
    assert results[3] == Failure("#3", "empty", results[3].message)
    assert isinstance(results[4], Failure) and results[4].error_type == "binary"
    assert results[5].input == "7" and results[5].error_type == "bad_record" and "'text'" in results[5].message
    assert results[6].input == "#6" and results[6].error_type == "bad_record"
    assert results[7] == newsclean.clean(html_page(8))
    assert isinstance(results[8], Article) and "(Story 9.)" in results[8].body
    assert isinstance(results[9], Failure)
    for failure in (r for r in results if isinstance(r, Failure)):
        assert failure.ok is False and failure.message
        assert failure.to_dict() == {"type": failure.error_type, "message": failure.message}


def test_clean_many_with_workers_matches_in_process():
    items = _mixed_items() + [page(i) for i in range(20, 45)]
    assert list(clean_many(items, workers=2, chunksize=3)) == list(clean_many(items, workers=1))


def test_clean_many_matches_clean():
    pages = [page(i) for i in range(10)]
    assert list(clean_many(pages, workers=2)) == [newsclean.clean(p) for p in pages]


@pytest.mark.parametrize("workers", [1, 2])
def test_clean_many_reads_ahead_a_bounded_window(workers):
    consumed = itertools.count()

    def endless():
        for i in itertools.count():
            next(consumed)
            yield page(i % 50)

    stream = clean_many(endless(), workers=workers, chunksize=2, window=2)
    first = list(itertools.islice(stream, 30))
    stream.close()
    assert len(first) == 30 and all(isinstance(a, Article) for a in first)
    read = next(consumed)
    # at most workers * window chunks of chunksize items beyond what was yielded (+1 chunk being filled)
    assert read <= 30 + (workers * 2 + 1) * 2 + 1


def test_clean_many_respects_limits():
    big = page(1) * 20
    [result] = clean_many([big], limits=Limits(max_bytes=1000))
    assert isinstance(result, Failure) and result.error_type == "too_large"


def test_clean_files(tmp_path):
    plain = tmp_path / "a.txt"
    plain.write_text(page(1), encoding="utf-8")
    packed = tmp_path / "b.html.gz"
    packed.write_bytes(gzip.compress(html_page(2).encode("utf-8")))
    broken_gz = tmp_path / "c.txt.gz"
    broken_gz.write_bytes(b"not gzip at all")
    latin = tmp_path / "d.txt"
    latin.write_bytes(page(4).replace("Story", "Stóry").encode("cp1252"))
    missing = tmp_path / "missing.txt"
    big = tmp_path / "big.txt"
    big.write_text(page(5) * 50, encoding="utf-8")
    paths = [plain, packed, broken_gz, latin, missing, big]
    results = list(clean_files(paths, workers=2, limits=Limits(max_bytes=20_000)))
    assert [type(r).__name__ for r in results] == ["Article", "Article", "Failure", "Article", "Failure", "Failure"]
    assert results[1] == newsclean.clean(html_page(2))
    assert "(St" in results[3].body  # non-UTF-8 bytes are decoded, not rejected
    assert results[2].error_type == "unreadable" and results[2].input == str(broken_gz)
    assert results[4].error_type == "unreadable" and results[4].input == str(missing)
    assert results[5].error_type == "too_large"


@dataclass(frozen=True)
class _CrashOn(Rule):
    """Test rule: kills its worker process on a page that contains the word CRASHME."""

    id = "test.crash"

    def __call__(self, ctx):
        if any("CRASHME" in block.text for block in ctx.blocks):
            os._exit(3)
        return ()


def test_a_page_that_kills_its_worker_becomes_a_failure():
    pipeline = Pipeline().with_rule(_CrashOn(), before=Pipeline().ids[0])
    items = [page(i) for i in range(12)]
    items[5] = page(5) + "CRASHME\n"
    results = list(clean_many(items, workers=2, pipeline=pipeline, chunksize=2))
    assert len(results) == 12
    assert [type(r).__name__ for r in results].count("Failure") == 1
    assert results[5] == Failure("#5", "worker_crashed", results[5].message)
    assert all(f"(Story {i}.)" in results[i].body for i in range(12) if i != 5)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=300), st.text(min_size=0, max_size=300))
def test_safe_component_stays_inside_and_is_injective(a, b):
    for name in (a, b):
        comp = safe_component(name)
        assert comp and "/" not in comp and "\x00" not in comp and "\\" not in comp
        assert not comp.startswith(".") and "#" not in comp and "~" not in comp.replace("%~", "")
        assert len(comp.encode("utf-8")) <= 220
    if a != b:
        assert safe_component(a) != safe_component(b)


def test_safe_component_examples():
    assert safe_component("..") == "%2E."
    assert safe_component(".") == "%2E"
    assert safe_component("../../etc/passwd") == "%2E.%2F..%2Fetc%2Fpasswd"
    assert safe_component("新闻 2024.html") == "新闻 2024.html"


@dataclass(frozen=True)
class _HangOn(Rule):
    """Test rule: loops forever on a page that contains HANGME (as a runaway pattern would)."""

    id = "test.hang"

    def __call__(self, ctx):
        if any("HANGME" in block.text for block in ctx.blocks):
            while True:
                pass
        return ()


def test_a_runaway_page_is_killed_and_reported_as_timeout():
    pipeline = Pipeline().with_rule(_HangOn(), before=Pipeline().ids[0])
    items = [page(i) for i in range(8)]
    items[3] = page(3) + "HANGME\n"
    results = list(clean_many(items, workers=2, pipeline=pipeline, chunksize=2, kill_after=1.0))
    assert results[3] == Failure("#3", "timeout", results[3].message) and "killed" in results[3].message
    assert all(isinstance(results[i], Article) for i in range(8) if i != 3)
