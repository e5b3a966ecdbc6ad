"""Fast paths change no result: rule gates, the batched word scan, cheap feature checks.

A :class:`~newsclean.rules.base.Gate` lets the pipeline skip ``judge()`` on blocks that cannot be
dropped by that rule. These tests check the promise itself (a block the gate lets through is the
only kind ``judge()`` may drop), that a whole pipeline gives the same Explanation with gates on
and off, and that the cheap features equal their definitions. Text is generated from the gate
words of the default rules mixed with digits, separators and ordinary words, in several cases,
so every gate is exercised near its boundary.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Limits, NewscleanError
from newsclean import meta as metadata
from newsclean.blocks import MAYBE_CJK, Block, DomEvidence, new_block
from newsclean.ingest import document_from_text, html_render
from newsclean.pipeline import Pipeline
from newsclean.rules import DEFAULT_RULES, LineRule
from newsclean.rules.base import Context, Gate
from newsclean.textutil import CJK_CHAR, CLOSERS, SPACE_CHARS, fold, last_meaningful_char
from newsclean.wordscan import WordScanner, folded_texts

GATED = [rule for rule in DEFAULT_RULES if isinstance(rule, LineRule) and rule.gate is not None]
GATE_WORDS = sorted({w for rule in DEFAULT_RULES for w in (getattr(rule, "gate", None) or Gate()).scan_words})
LIMITS = Limits(time_budget=None)
OTHER = ["the", "news", "said", "report", "2024", "12", "年", "月", "日", "我们", "表示", ">", "›", "|", "/", ":", "：",
         "(", ")", "[", "]", "【", "】", "©", "...", "。", ".", "!", "?", "-", "•", "http://x.example/a", "Says", "wrote",
         "ＢＹ", "ſays", "Ⅻ", "١٢", "K", "ǅ", "[20P]", "（30p）", "【欧美】", "- ", "• ", "www.example.com", "HTTPS://a.b/c"]


def _variants(word: str) -> list[str]:
    return [word, word.upper(), word.title()]


TOKENS = st.sampled_from(sorted({v for w in GATE_WORDS for v in _variants(w)} | set(OTHER)))
LINE = st.lists(TOKENS, min_size=1, max_size=8).flatmap(
    lambda toks: st.sampled_from([" ", "", "  "]).map(lambda sep: sep.join(toks))
)
PAGE = st.lists(LINE, min_size=1, max_size=25).map("\n".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _context(text: str) -> Context:
    doc = document_from_text(text)
    scan = metadata.scan(doc)
    hits = WordScanner(GATE_WORDS).scan(doc.blocks)
    return Context(doc=doc, meta=scan, labels=[None] * len(doc.blocks), word_hits=hits)


@pytest.mark.parametrize("rule", GATED, ids=lambda r: r.id)
@FAST
@given(page=PAGE)
def test_a_gated_rule_drops_only_blocks_its_gate_lets_through(rule: LineRule, page: str) -> None:
    ctx = _context(page)
    passing = {b.index for b in rule.candidates(ctx)}
    for block in ctx.blocks:
        if block.index not in passing:
            assert rule.judge(block, ctx) is None, (rule.id, block.text)


def _outcome(page: str, pipeline: Pipeline) -> str:
    try:
        return newsclean.clean_and_explain(page, format="text", pipeline=pipeline, limits=LIMITS).model_dump_json()
    except NewscleanError as error:
        removals = [(r.rule, r.reason, r.start, r.end) for r in getattr(error, "removals", ()) or ()]
        return f"{type(error).__name__}: {error} {removals}"


@FAST
@given(page=PAGE)
def test_gates_on_and_off_give_the_same_explanation(page: str) -> None:
    assert _outcome(page, Pipeline()) == _outcome(page, Pipeline(gates=False))


def test_gates_on_and_off_agree_on_a_written_page() -> None:
    # Written for this test: a byline, a date, a breadcrumb, a credit, a disclaimer, a share line
    # and a comment heading around three paragraphs.
    page = "\n".join([
        "Home › World › Europe", "Talks to resume in Geneva", "By Jane Doe", "2025-08-26 07:50",
        "The minister said on Tuesday that the talks would continue next week in Geneva, and that both "
        "sides were ready to compromise on the main points of the plan.",
        "Photo: Example Agency",
        "Officials from the two countries met for more than two hours in the capital, but they did not "
        "reach an agreement on the plan, which has been debated in both parliaments since the spring.",
        "Share this: Facebook Twitter Email",
        "12 Comments", "Mary says: I agree with this.",
        "© 2025 Example Media. All rights reserved.",
    ])
    on, off = _outcome(page, Pipeline()), _outcome(page, Pipeline(gates=False))
    assert on == off
    removed = newsclean.clean_and_explain(page, format="text").removals
    assert {"nav.breadcrumb", "meta.byline", "legal.disclaimer", "comments.section"} <= {r.rule for r in removed}


def test_the_source_line_rule_also_judges_lines_that_are_the_source_name() -> None:
    # Written for this test: the source is named on a 来源 line, then alone on a later line.
    page = "\n".join(["标题在这里", "来源:示例日报", "会议指出，今年以来各地区各部门认真贯彻落实决策部署，经济运行总体平稳，就业形势保持稳定。",
                      "示例日报", "据了解，这座桥建于明代，后来多次重修，是当地居民出行的重要通道，也是远近闻名的旅游景点。"])
    ctx = _context(page)
    rule = next(r for r in GATED if r.id == "meta.source_line")
    assert ctx.meta.source == "示例日报"
    assert 3 in {b.index for b in rule.candidates(ctx)}
    assert _outcome(page, Pipeline()) == _outcome(page, Pipeline(gates=False))


def test_a_gate_with_unsafe_words_is_refused() -> None:
    with pytest.raises(ValueError):
        Gate(words=("Comment",))  # not its own fold
    with pytest.raises(ValueError):
        Gate(words=("ä",))  # a cased non-ASCII letter: IGNORECASE could match another form


@FAST
@given(page=PAGE)
def test_folding_for_the_scan_equals_the_feature(page: str) -> None:
    scanned = document_from_text(page)
    folded = folded_texts(scanned.blocks)
    assert folded == [fold(b.text) for b in document_from_text(page).blocks]


def test_the_word_scan_reports_overlapping_words_and_block_indices() -> None:
    doc = document_from_text("no match here\nTwo Comments below\n中文 评论区")
    hits = WordScanner(["comment", "comments", "评论"]).scan(doc.blocks)
    assert hits == {"comment": [1], "comments": [1], "评论": [2]}


@given(st.lists(st.sampled_from(["a comment", "comments", "评论", "no match", "x" * 30, "says: comment"]), max_size=40),
       st.integers(1, 80))
def test_the_word_scan_in_runs_finds_what_one_run_finds(lines: list[str], chunk: int) -> None:
    # Long pages are scanned in runs of blocks (a deadline check between runs): same hits.
    import newsclean.wordscan as wordscan

    doc = document_from_text("\n".join(lines) or "x")
    scanner = WordScanner(["comment", "comments", "评论", "says"])
    whole = scanner.scan(doc.blocks)
    saved = wordscan.SCAN_CHUNK_CHARS
    try:
        wordscan.SCAN_CHUNK_CHARS = chunk
        assert scanner.scan(doc.blocks, deadline=float("inf")) == whole
    finally:
        wordscan.SCAN_CHUNK_CHARS = saved


def test_maybe_cjk_finds_every_cjk_character() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    missed = [ch for ch in CJK_CHAR.findall(every) if not MAYBE_CJK.match(ch)]
    assert not missed, [hex(ord(ch)) for ch in missed[:10]]


def _guess_language_by_definition(text: str) -> str | None:
    """guess_language as first written: \\p{L}+ runs, casefolded one by one (no ASCII fast path)."""
    from collections import Counter

    import regex

    from newsclean.vocab import STOP_WORDS_BY_LANG

    kana = len(regex.findall(r"[\p{Hiragana}\p{Katakana}]", text))
    hangul = len(regex.findall(r"\p{Hangul}", text))
    han = len(regex.findall(r"\p{Han}", text))
    if kana + hangul + han >= 10:
        return "ja" if kana >= 0.05 * (kana + han) else "ko" if hangul > han else "zh"
    words = [w.casefold() for w in regex.findall(r"\p{L}+", text)]
    if len(words) < 5:
        return None
    seen = Counter(words)
    counts = Counter({lang: sum(seen[w] for w in stop if w in seen) for lang, stop in STOP_WORDS_BY_LANG.items()})
    lang, hits = counts.most_common(1)[0]
    return lang if hits >= max(2, 0.05 * len(words)) else None


LANGUAGE_TEXT = st.lists(
    st.sampled_from(["the", "and", "der", "und", "les", "et", "el", "y", "The", "AND", "İstanbul", "straße", "Ⅻ", "Ⓐ",
                     "K", "’", "“", "—", "…", "é", "café", "日本", "です", "한국", " ", ". ", "\n", "2024"]),
    max_size=60,
).map("".join)


@FAST
@given(text=st.one_of(LANGUAGE_TEXT, st.text(max_size=200)))
def test_guess_language_fast_path_equals_the_definition(text: str) -> None:
    assert metadata.guess_language(text) == _guess_language_by_definition(text)


@given(st.text(max_size=40), st.integers(0, 10**6), st.booleans())
def test_new_block_equals_the_dataclass_built_block(text: str, start: int, with_dom: bool) -> None:
    dom = DomEvidence(tag="p", link_density=0.5, class_tokens=frozenset({"related"})) if with_dom else None
    built = Block(index=3, text=text, start=start, end=start + len(text), line_start=7, line_end=7, dom=dom)
    fast = new_block(3, text, start, start + len(text), 7, 7, dom)
    assert fast == built and hash(fast) == hash(built) and repr(fast) == repr(built)
    assert (fast.size, fast.folded, fast.words) == (built.size, built.folded, built.words)
    with pytest.raises(AttributeError):
        fast.text = "changed"  # still frozen


_TITLE_NOISE = ["http://a.b/c", "Home > News", " › ", "3 days ago", "4天前", "yesterday", "免责声明", "Share on", "leave a reply"]


@given(st.lists(st.sampled_from(_TITLE_NOISE) | st.text(max_size=12), max_size=5).map(" ".join))
def test_the_combined_not_a_title_scan_equals_its_four_patterns(text: str) -> None:
    folded = fold(text)
    separate = any(p.search(folded) for p in (metadata.BREADCRUMB_HINT, metadata.URL, metadata.RELATIVE_DATE, metadata._NOT_TITLE))
    assert (metadata._NOT_TITLE_ANY.search(folded) is not None) == separate


@given(st.text(max_size=60) | st.sampled_from(["Home / News / Title", "Ｆｕｌｌ－ｗｉｄｔｈ，标题！", "A\u00a0B\t—C"]))
def test_block_key_and_title_tokens_fast_paths_equal_the_definitions(text: str) -> None:
    block = new_block(0, text, 0, len(text), 1, 1)
    assert metadata._block_key(block) == metadata._KEY_NOISE.sub("", fold(text))
    definition: set[str] = set()
    for token in metadata._TOKEN_RE.findall(fold(text)):
        if metadata._CJK_RUN.match(token):
            definition.update(token[i : i + 2] for i in range(max(1, len(token) - 1)))
        elif token not in metadata.LATIN_STOP_WORDS:
            definition.add(token)
    assert metadata._title_tokens(block) == definition


def _last_meaningful_char_by_definition(text: str) -> str:
    for ch in reversed(text):
        if ch.isspace() or ch in CLOSERS:
            continue
        return ch
    return ""


@given(st.text(max_size=30) | st.lists(st.sampled_from(sorted(CLOSERS) + [" ", "\u3000", "\u2028", "\x1c", "\x85", "a", "。", "…"]),
                                       max_size=8).map("".join))
def test_last_meaningful_char_fast_path_equals_the_definition(text: str) -> None:
    assert last_meaningful_char(text) == _last_meaningful_char_by_definition(text)


def test_the_space_list_is_every_space_character() -> None:
    assert set(SPACE_CHARS) == {chr(c) for c in range(0x110000) if chr(c).isspace()}
    for ch in SPACE_CHARS:
        assert last_meaningful_char(f"x{ch}") == "x"


_CLASS_PARTS = sorted(html_render._MARKING_TOKENS | html_render.HIDDEN_CLASSES) + [
    "head", "title", "Headline", "storyHead", "subTitle", "no-sidebar", "md:block", "d-lg-flex", "post-1234", "col-md-8",
    "navBar", "AD", "Kelvin\u212a", "ſhare", "İnfo", "-", "_", "wrap", "main",
]


@given(st.lists(st.sampled_from(_CLASS_PARTS) | st.text(alphabet="abdehilnorstuAHST-_:", max_size=8), max_size=4)
       .flatmap(lambda parts: st.sampled_from([" ", "", "-"]).map(lambda sep: sep.join(parts))))
@example("entry-title")
@example("storyHeading main")
@example("sr-only")
@example("wp-caption-text")
def test_class_classification_prefilter_equals_the_definition(value: str) -> None:
    """The substring prefilter of _classify_attr changes no answer (hiding, tokens, headline)."""
    assert html_render._classify_attr.__wrapped__(value) == html_render._classify_words(value)


def test_a_derived_value_is_computed_once_per_document_and_is_not_part_of_its_identity() -> None:
    doc = document_from_text("First line of the page.\nSecond line.")
    calls: list[int] = []

    def count_blocks(d) -> int:
        calls.append(1)
        return len(d.blocks)

    assert doc.derived("test.count", count_blocks) == 2
    assert doc.derived("test.count", count_blocks) == 2
    assert len(calls) == 1
    fresh = document_from_text("First line of the page.\nSecond line.")
    assert doc == fresh and repr(doc) == repr(fresh)  # the memo changes neither equality nor repr


def test_comment_stamps_shared_across_runs_match_a_fresh_scan() -> None:
    """The comment-section rule reads the page's stamp and signature lines from a per-document memo
    (dom.main_prose runs it too); a pipeline run gives the same result as on a fresh document."""
    page = "\n".join(
        ["Council approves the new budget after a long debate on Tuesday evening in the hall."] * 6
        + [f"Reader {i} on March {i + 2}, 2021 at 4:2{i} PM" if i % 2 == 0 else "I think this is a good idea for the city." for i in range(8)]
    )
    doc = document_from_text(page)
    scan = metadata.scan(doc)
    first = Pipeline().label(doc, scan)
    again = Pipeline().label(doc, scan)  # memo filled by the first run
    fresh_doc = document_from_text(page)
    fresh = Pipeline().label(fresh_doc, metadata.scan(fresh_doc))
    assert first == again == fresh
    assert doc.derived("comments.stamps", lambda d: ()) != ()  # the rule filled the memo with the stamp lines


_FEATURE_TEXT = st.lists(
    st.sampled_from(["The", "end", "said", "1.", "12)", "(3)", "+", "+5%", "- ", "* ", "• ", "（1）", "3、", "...", "…", "。。。",
                     "。", "!", "?", ";", "；", ":", "：", ",", "，", "、", "．", "।", "”", "»", ")", " ", "\t", "\x1c", "\x1f",
                     "\u3000", "\xa0", "日本", "ﬁ", "Ⅻ", "١٢", "K", "’s", "don't", "x-ray"]) | st.text(max_size=6),
    max_size=12,
).map("".join)


def _features_by_definition(text: str) -> dict:
    from newsclean.blocks import LIST_MARKER, WHITE_SPACE
    from newsclean.textutil import CLAUSE_PUNCT, SENTENCE_END, cjk_count, ends_sentence, latin_words

    folded = fold(text)
    n_cjk, words = cjk_count(text), latin_words(text)
    return dict(
        folded=folded, n_cjk=n_cjk, words=words, n_words=len(words), is_cjk=n_cjk > 0 and n_cjk >= len(words),
        size=n_cjk + len(words),
        n_sentence_punct=sum(1 for ch in folded if ch in SENTENCE_END),
        n_clause_punct=sum(1 for ch in folded if ch in CLAUSE_PUNCT),
        ends_sentence=ends_sentence(folded),
        ends_ellipsis=folded.rstrip(WHITE_SPACE).endswith(("...", "…", "。。。")),
        list_marker=LIST_MARKER.match(text) is not None,
    )


@example("  12) Item")
@example("\x1c- item")
@example("+\tAdded")
@example("(7) seven")
@given(_FEATURE_TEXT)
def test_block_features_equal_their_definitions(text: str) -> None:
    """Every fast path of Block features (ASCII counts, the ASCII list-marker pattern) gives the
    value of the feature's definition."""
    block = new_block(0, text, 0, len(text), 1, 1)
    expected = _features_by_definition(text)
    assert {name: getattr(block, name) for name in expected} == expected


_OLD_HEADLINE = re.compile(r"headline|heading|title|head(?:er)?-?text|(?:story|article|post|entry|news)-?head", re.IGNORECASE)
_OLD_NOT_HEADLINE = re.compile(r"sub-?(?:title|head)|widget|sidebar|section|module|block-?title|nav|menu", re.IGNORECASE)


@example("storyHeading")
@example("sub-title entry-title")
@example("post-head")
@example("HEADER-TEXT")
@example("\u212aey headline")  # KELVIN SIGN: the case-insensitive pattern path
@given(st.lists(st.sampled_from(["head", "Head", "er", "-", "text", "line", "ing", "title", "TITLE", "story", "news", "post",
                                 "sub", "block", "nav", "menu", "widget", "side", "bar", " ", "_", "\u212a", "ſ", "x"]),
                max_size=8).map("".join))
def test_headline_class_test_equals_its_patterns(value: str) -> None:
    """The automaton test for headline class names equals the two case-insensitive patterns it replaced."""
    expected = _OLD_HEADLINE.search(value) is not None and _OLD_NOT_HEADLINE.search(value) is None
    assert html_render._names_headline(value) == expected


@example("sidebarWidget")
@example("is-hidden")
@example("\u212aomment")  # KELVIN SIGN lower-cases to "k"
@given(st.lists(st.sampled_from(_CLASS_PARTS) | st.text(max_size=6), max_size=3).map("".join).filter(lambda w: w and not any(c.isspace() for c in w)))
def test_class_word_prefilter_equals_the_definition(raw: str) -> None:
    definition = (raw.lower() in html_render.HIDDEN_CLASSES,
                  html_render._MARKING_TOKENS.intersection(html_render._word_tokens(raw)) or frozenset())
    assert html_render._classify_word.__wrapped__(raw) == definition


# ---- site names in titles: the ASCII path of html_meta._head_beside_site against the per-site patterns
SITE_PIECES = ["Courier", "courier", "COURIER", "Daily", "news", "a", " ", "  ", "|", "-", "_", ":", "::", "/", "—", "·",
               "Bridge", "reopens", "x", "\t", "\n", ".", "Ǆ", "K"]
TITLE = st.lists(st.sampled_from(SITE_PIECES), min_size=1, max_size=12).map("".join)
SITE = st.lists(st.sampled_from(["Courier", "Daily", " ", "-", ":", "news", "a", "x", "K"]), min_size=1, max_size=3).map("".join)


@settings(max_examples=600, deadline=None)
@given(title=TITLE, site=SITE)
@example(title="Bridge reopens | Courier", site="Courier")
@example(title="Courier :: Bridge reopens", site="courier")
@example(title="a-Courier-Courier | x", site="Courier")
@example(title="Bridge | Courier | Daily", site="COURIER")
@example(title="Courier | Courier", site="Courier")
@example(title="x:: Courier news", site="Courier")
@example(title="Bridge | Courier\n", site="Courier")
def test_head_beside_site_equals_the_per_site_patterns(title, site):
    from newsclean.ingest.html_meta import _head_beside_site, _head_by_site_patterns

    assert _head_beside_site(title, site) == _head_by_site_patterns(title, site)


# ---- binary-input check: control characters counted on the UTF-8 bytes, as the pattern counts them in the str
@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=60))
@example(text="\x01\x7f\t\n\r\x0c\x1f\x0e\x08 é中\ud800\udfff\U0001F600\x80\x9f")
def test_control_count_on_utf8_bytes_equals_the_pattern(text):
    from newsclean.api import _CONTROL, _control_count

    assert _control_count(text.encode("utf-8", "surrogatepass")) == len(_CONTROL.findall(text))
