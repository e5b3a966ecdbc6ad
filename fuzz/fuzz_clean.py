"""Coverage-guided fuzz harness (atheris / libFuzzer) for newsclean's text and HTML entry points.

    python fuzz/fuzz_clean.py --target text fuzz/corpus_text -max_total_time=1800 -workers=1
    python fuzz/fuzz_clean.py --target html fuzz/corpus_html -max_total_time=1800
    python fuzz/fuzz_clean.py --target text crash-<sha1>            # replay one finding

See fuzz/README.md. A "finding" is anything other than an Article or a NewscleanError, an Article
that breaks an invariant below, or a libFuzzer timeout (a hang).

Invariants checked on every input:
* clean_and_explain returns an Explanation or raises a NewscleanError subclass (TypeError/ValueError
  only for wrong argument types, which the harness never passes);
* for text input given as str: every kept and removed block's text is ``page[start:end]`` (the audit
  trail points at the input's own characters) and every body paragraph is built from kept blocks;
* the body is non-empty and contains no NUL.
"""

from __future__ import annotations

import re
import sys

import atheris

with atheris.instrument_imports(include=["newsclean"]):
    import newsclean
    from newsclean import Limits

# Tight limits so one input cannot stall the fuzzer; a TimeBudgetExceededError is an accepted outcome.
LIMITS = Limits(max_bytes=1_000_000, time_budget=2.0, max_line_chars=2_000)
TARGET = "text"
_SURROGATE = re.compile("[\ud800-\udfff]")


def _page(data: bytes) -> tuple[str | bytes, str]:
    """The input as the target sees it. The bytes are used as they are (no data-provider framing),
    so the seed pages stay readable pages and libFuzzer's mutations act on real text."""
    if TARGET == "auto":
        return data, "auto"  # raw bytes through decoding, sniffing and either ingest
    fmt = TARGET
    if len(data) % 7 == 3:
        return data, fmt  # sometimes raw bytes: the decode path (BOMs, declared charsets, detection)
    # Invalid UTF-8 becomes lone surrogates (U+DC80..U+DCFF), which must not crash anything.
    return data.decode("utf-8", "surrogateescape"), fmt


def TestOneInput(data: bytes) -> None:
    page, fmt = _page(data)
    try:
        explanation = newsclean.clean_and_explain(page, format=fmt, limits=LIMITS)  # type: ignore[arg-type]
    except newsclean.NewscleanError as exc:
        assert isinstance(exc.code, str) and exc.code and str(exc), "error without code/message"
        if isinstance(exc, newsclean.NoArticleError):
            assert all(isinstance(r, newsclean.Removal) for r in exc.removals)
        return
    body = explanation.article.body
    assert body.strip(), "empty body"
    explanation.article.model_dump_json()  # must serialise (no lone surrogates)
    assert "\x00" not in body, "NUL in body"
    if isinstance(page, str) and fmt == "text":
        source = _SURROGATE.sub("\ufffd", page)  # documented: lone surrogates become U+FFFD
        for item in (*explanation.kept, *explanation.removals):
            assert source[item.start : item.end] == item.text, f"offsets do not point at the text: {item!r}"
        kept = "".join(d.text for d in explanation.kept)
        squeezed = "".join(body.split())
        assert "".join(kept.split()) == squeezed, "body is not made of the kept blocks"
    assert explanation.replay() == body, "replay() does not rebuild the body"


def main() -> None:
    global TARGET
    argv = list(sys.argv)
    if "--target" in argv:
        i = argv.index("--target")
        TARGET = argv[i + 1]
        del argv[i : i + 2]
    if TARGET not in ("text", "html", "auto"):
        raise SystemExit("--target must be text, html or auto")
    atheris.Setup(argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
