"""Robustness: the error taxonomy, the limits, binary/broken input, and hostile shapes (sized down).

The full-size hostile inputs live in benchmarks/hostile.py; here each shape runs at a size that
keeps the suite fast while still exercising the same code paths. Time limits in these tests are
generous (the machine is shared): they catch hangs and quadratic blow-ups, not small regressions.
"""

from __future__ import annotations

import time

import pytest

import newsclean
from newsclean import (
    BinaryInputError,
    EmptyInputError,
    InputTooLargeError,
    Limits,
    NewscleanError,
    NoArticleError,
    TimeBudgetExceededError,
    UndecodableInputError,
)
from newsclean.rules import Rule

PROSE = (
    "The minister said on Tuesday that the talks would continue next week in Geneva, and that both "
    "sides were ready to compromise on the main points of the plan, officials said."
)
PROSE_ZH = "新华社北京8月26日电 国务院总理在会上强调，要坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，这是我们的要求。"
ARTICLE = f"Talks to resume in Geneva\n{PROSE}\n{PROSE.replace('Tuesday', 'Wednesday')}\n"


def outcome(page, **kwargs) -> str:
    """'article' or the error code; any other exception propagates and fails the test."""
    try:
        newsclean.clean(page, **kwargs)
    except NewscleanError as exc:
        return exc.code
    return "article"


# ---------------------------------------------------------------- taxonomy
ERRORS = [EmptyInputError, BinaryInputError, InputTooLargeError, UndecodableInputError,
          TimeBudgetExceededError, NoArticleError]


@pytest.mark.parametrize("cls", ERRORS)
def test_every_error_derives_from_the_base_and_has_a_code(cls):
    assert issubclass(cls, NewscleanError)
    assert cls.code and cls.code != NewscleanError.code
    assert cls.__doc__
    assert getattr(newsclean, cls.__name__) is cls


def test_codes_are_distinct():
    assert len({cls.code for cls in ERRORS}) == len(ERRORS)


def test_no_article_error_carries_removals():
    with pytest.raises(NoArticleError) as info:
        newsclean.clean("Home\nNews\nSport\n© 2025 Example Media. All rights reserved.\n")
    assert info.value.removals and all(r.rule for r in info.value.removals)
    assert "removals" in str(info.value)


# ---------------------------------------------------------------- empty / type / format
@pytest.mark.parametrize("page", ["", "   ", "\n\n\t \r\n", "\u3000\u2003\n", b"", b"  \n\t", "\ufeff"[:0]])
def test_empty_input(page):
    with pytest.raises(EmptyInputError, match="empty"):
        newsclean.clean(page)


@pytest.mark.parametrize("page", [None, 42, ["text"], {"html": "x"}])
def test_wrong_type_is_a_type_error(page):
    with pytest.raises(TypeError, match="str"):
        newsclean.clean(page)  # type: ignore[arg-type]


def test_bad_format_is_a_value_error():
    with pytest.raises(ValueError, match="format"):
        newsclean.clean(ARTICLE, format="pdf")  # type: ignore[arg-type]


# ---------------------------------------------------------------- limits
def test_limits_defaults():
    limits = Limits()
    assert limits.max_bytes == 10_000_000 and limits.time_budget == 5.0 and limits.max_line_chars == 20_000


@pytest.mark.parametrize("kwargs", [
    {"max_bytes": 0}, {"max_bytes": -1}, {"max_bytes": 1.5}, {"max_bytes": True},
    {"time_budget": 0}, {"time_budget": -1.0}, {"time_budget": "5"}, {"time_budget": float("nan")},
    {"max_line_chars": 0}, {"max_line_chars": 3}, {"max_line_chars": 100.0},
])
def test_nonsense_limits_are_rejected(kwargs):
    with pytest.raises(ValueError, match="Limits"):
        Limits(**kwargs)


def test_no_time_budget_is_allowed():
    assert newsclean.clean(ARTICLE, limits=Limits(time_budget=None)).body


@pytest.mark.parametrize("page", ["x" * 2001, "é" * 1001, ("x" * 2001).encode()])
def test_too_large_is_rejected(page):
    with pytest.raises(InputTooLargeError, match="max_bytes=2,000"):
        newsclean.clean(page, limits=Limits(max_bytes=2000))


def test_too_large_is_rejected_before_any_parsing(monkeypatch):
    import newsclean.api as api
    import newsclean.ingest.decode as decode

    def boom(*args, **kwargs):
        raise AssertionError("parsing started")

    monkeypatch.setattr(api, "document_from_text", boom)
    monkeypatch.setattr(decode, "decode_bytes", boom)
    big = "The quick brown fox jumps over the lazy dog. " * 250_000  # 11 MB
    started = time.process_time()  # CPU time: a loaded machine must not fail this
    with pytest.raises(InputTooLargeError):
        newsclean.clean(big)
    with pytest.raises(InputTooLargeError):
        newsclean.clean(big.encode())
    assert time.process_time() - started < 1.0


def test_input_at_the_limit_is_accepted():
    page = ARTICLE + " " * (3000 - len(ARTICLE))
    assert len(page.encode()) == 3000
    assert newsclean.clean(page, limits=Limits(max_bytes=3000)).body


def test_long_lines_are_capped_before_rules():
    line = ("word " * 30_000).strip()  # one 150,000-character line
    explanation = newsclean.clean_and_explain(PROSE + "\n" + line + "\n" + PROSE, limits=Limits(max_line_chars=1000))
    spans = [*explanation.kept, *explanation.removals]
    assert max(len(d.text) for d in spans) <= 1000


# ---------------------------------------------------------------- time budget
class _Sleepy(Rule):
    id = "test.sleepy"

    def __init__(self, per_block: float = 0.0, once: float = 0.0) -> None:
        self.per_block, self.once = per_block, once

    def __call__(self, ctx):
        time.sleep(self.once)
        for block in ctx.blocks:
            if self.per_block:
                time.sleep(self.per_block)
        return ()


def test_time_budget_between_rules():
    pipeline = newsclean.Pipeline().with_rule(_Sleepy(once=0.3), before="meta.headline")
    with pytest.raises(TimeBudgetExceededError, match="time_budget"):
        newsclean.clean(ARTICLE, pipeline=pipeline, limits=Limits(time_budget=0.1))


def test_time_budget_inside_one_slow_rule_on_a_large_page():
    page = "\n".join(f"line {i} of a long list" for i in range(10_000))
    pipeline = newsclean.Pipeline().with_rule(_Sleepy(per_block=0.002), before="meta.headline")  # ~20 s in full
    started = time.perf_counter()
    with pytest.raises(TimeBudgetExceededError, match="while reading block"):
        newsclean.clean(page, pipeline=pipeline, limits=Limits(time_budget=1.0))
    assert time.perf_counter() - started < 5.0  # budget + one check interval (256 blocks, ~0.5 s) + slack


def test_time_budget_on_a_huge_list_stops_near_the_budget():
    page = "- x\n" * 400_000  # 1.6 MB of tiny lines: well over a second of work
    started = time.perf_counter()
    assert outcome(page, limits=Limits(time_budget=0.3)) in ("timeout", "no_article")
    assert time.perf_counter() - started < 4.0


# ---------------------------------------------------------------- binary, control characters, broken text
@pytest.mark.parametrize("page", [
    "Some text\x00with a NUL",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<\x00/Type /Catalog>>",
    bytes(range(256)) * 40,
    "".join(chr(i % 32) for i in range(1, 4000) if i % 32 not in (0, 9, 10, 11, 12, 13)),
    "Text with \x1b[31mmany\x1b[0m \x07\x08 escape \x01\x02\x03\x04\x05\x06 codes \x0e\x0f\x10\x11",
])
def test_binary_input(page):
    with pytest.raises(BinaryInputError, match="binary"):
        newsclean.clean(page)


def test_a_few_control_characters_are_not_binary():
    page = ARTICLE.replace("Geneva", "Geneva\x0c", 1) + "\x1b\n"
    assert newsclean.clean(page).body


def test_random_bytes_are_rejected_with_a_typed_error():
    import random

    blob = random.Random(0).randbytes(200_000)
    with pytest.raises((BinaryInputError, UndecodableInputError)):
        newsclean.clean(blob)


def test_mostly_replacement_characters_is_undecodable():
    page = "Caf\ufffd \ufffd\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd " * 200
    with pytest.raises(UndecodableInputError, match="encoding"):
        newsclean.clean(page)


@pytest.mark.parametrize("bad", ["\ud800", "\udfff", "\ud83d\ude00", "\udc80\udcff"])
def test_lone_surrogates_do_not_crash(bad):
    page = f"Headline\n{PROSE.replace('Geneva', 'Geneva' + bad)}\n{PROSE}\n"
    explanation = newsclean.clean_and_explain(page)
    body = explanation.article.body
    assert "\ufffd" in body and not any("\ud800" <= ch <= "\udfff" for ch in body)
    explanation.model_dump_json()  # serialisable
    for item in (*explanation.kept, *explanation.removals):  # offsets still point at the input
        assert len(item.text) == item.end - item.start


@pytest.mark.parametrize("odd", ["\uffff", "\ufffe", "\U0010ffff", "\u202e", "\u200b\u200b", "\ufdfa" * 50, "\U0001f600"])
def test_unusual_code_points(odd):
    page = f"{PROSE} {odd}\n{PROSE_ZH}{odd}\n{PROSE}\n"
    assert outcome(page) in ("article", "no_article")


def test_bytes_with_an_unknown_declared_charset():
    page = f"<html><head><meta charset=\"x-no-such-charset\"></head><body><p>{PROSE}</p></body></html>"
    assert outcome(page.encode("utf-8")) == "article"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig"])
def test_bom_encoded_text(encoding):
    page = ARTICLE.encode(encoding)
    if encoding == "utf-16-le":
        page = b"\xff\xfe" + page
    assert "Geneva" in newsclean.clean(page).body


def test_truncated_multibyte_bytes():
    page = (ARTICLE + PROSE_ZH).encode("utf-8")[:-1]
    assert outcome(page) in ("article", "no_article")


# ---------------------------------------------------------------- hostile shapes (small versions of benchmarks/hostile.py)
def _timed(page, **kwargs) -> tuple[str, float]:
    """The outcome and the CPU seconds it took, with no time budget.

    CPU time, not wall time, and no budget: these bounds catch a superlinear pattern (seconds of
    work on these small inputs), not a slow machine; under load (CI beside other jobs) the wall
    clock and a wall-clock budget would fail them with no fault in the code.
    """
    started = time.process_time()
    result = outcome(page, limits=Limits(time_budget=None), **kwargs)
    return result, time.process_time() - started


def test_teaser_lines():
    result, seconds = _timed("\n".join(f"警方通报一起故意伤害案:情感纠纷引发冲突{i}..." for i in range(3000)))
    assert result == "no_article" and seconds < 5


def test_one_long_cjk_line():
    result, seconds = _timed(PROSE_ZH * 3000)  # ~180,000 characters, no newline
    assert result in ("article", "no_article") and seconds < 5  # repeated datelines may read as glued teasers


def test_long_word_then_many_ellipses():
    result, seconds = _timed("a" * 50_000 + "!" + " ..." * 20_000)
    assert result in ("article", "no_article") and seconds < 5


def test_many_list_lines():
    result, seconds = _timed("- x\n" * 10_000)
    assert result == "no_article" and seconds < 5


def test_nfkc_expanding_characters():
    # U+FDFA folds to 18 characters: a capped line still must not explode any pattern.
    result, seconds = _timed(("\ufdfa" * 5000 + "\n") * 5 + PROSE)
    assert result in ("article", "no_article") and seconds < 5


def test_deeply_nested_html():
    page = "<html><body>" + "<div>" * 3000 + f"<p>{PROSE}</p>" + "</div>" * 3000 + "</body></html>"
    started = time.process_time()
    article = newsclean.clean(page, format="html", limits=Limits(time_budget=None))
    assert "Geneva" in article.body and time.process_time() - started < 5


def test_unclosed_deep_nesting_html():
    page = "<html><body>" + "<div><span><b>" * 2000 + PROSE
    result, seconds = _timed(page, format="html")
    assert result in ("article", "no_article") and seconds < 5


def test_many_entities_html():
    page = "<html><body><p>" + "&amp;" * 50_000 + "</p>" + f"<p>{PROSE}</p></body></html>"
    result, seconds = _timed(page, format="html")
    assert result == "article" and seconds < 5


def test_gbk_encoded_html_is_decoded():
    page = (
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"><title>会议</title></head>"
        f"<body><p>{PROSE_ZH}</p><p>{PROSE_ZH}会议要求各地区各部门抓好落实。</p></body></html>"
    ).encode("gbk")
    assert "稳中求进" in newsclean.clean(page).body


@pytest.mark.parametrize("charset", ["utf-16", "UTF-16LE", "utf-32", "base64", "rot13", "hex", "zlib"])
def test_a_lying_or_non_text_declared_charset_does_not_garble_the_page(charset):
    # Browsers read a page that declares UTF-16/32 in ASCII as UTF-8; base64/rot13/... are not charsets.
    page = f'<html><head><meta charset="{charset}"></head><body><p>{PROSE}</p><p>{PROSE}</p></body></html>'
    assert "Geneva" in newsclean.clean(page.encode("utf-8")).body


def test_stray_invalid_bytes_in_utf8():
    page = (ARTICLE + PROSE_ZH * 20).encode("utf-8")
    page = page[:300] + b"\xff" + page[300:]
    assert "Geneva" in newsclean.clean(page).body


def test_url_argument_is_checked():
    with pytest.raises(TypeError, match="url"):
        newsclean.clean(ARTICLE, url=123)  # type: ignore[arg-type]
    article = newsclean.clean(PROSE + "\n" + PROSE + "\n", url="http://example.com/\ud800")
    article.model_dump_json()


def test_errors_survive_pickling():
    """The batch runner's worker processes send errors back to the parent."""
    import pickle

    with pytest.raises(NoArticleError) as info:
        newsclean.clean("Home\nNews\nSport\n")
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is NoArticleError and again.code == "no_article" and again.removals == info.value.removals
    for cls in ERRORS[:-1]:
        assert pickle.loads(pickle.dumps(cls("message"))).message == "message"
