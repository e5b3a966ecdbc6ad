"""No pattern in newsclean backtracks catastrophically.

Every module-level compiled pattern of the package runs on long runs of the characters that
usually trigger quadratic or exponential backtracking (digit runs, dot/ellipsis runs, spaces,
repeated tokens), behind the prefixes that enable its alternatives. A linear pattern takes about a
millisecond on these 5,000-character strings; a quadratic one takes seconds. Blocks reach the rules
capped at ``max_line_chars`` (20,000 by default), so linear is what keeps a document within its
time budget: a single regex call cannot be interrupted.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest
import regex

import newsclean

N = 5_000
LIMIT_SECONDS = 0.5  # CPU seconds; quadratic patterns take > 2 s here

UNITS = ["1", "1,", ".", "…", "。", " ", "a", "a ", "中", "\u3000", "-", "1:", "http://a ", "<div ", "&amp;", "(", "| "]
PREFIXES = ["", "本文链接:", "来源:", "by ", "阅读", "<meta charset="]


def _patterns() -> list[tuple[str, "regex.Pattern | re.Pattern"]]:
    """Every module-level pattern compiled with ``regex`` or the standard library's ``re``."""
    found: dict[int, tuple[str, "regex.Pattern | re.Pattern"]] = {}
    for info in pkgutil.walk_packages(newsclean.__path__, "newsclean."):
        if info.name.rsplit(".", 1)[-1] == "__main__":
            continue  # importing it would run the command line
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional module whose dependency is missing
            continue
        for name, value in vars(module).items():
            if isinstance(value, (regex.Pattern, re.Pattern)):
                found.setdefault(id(value), (f"{info.name}.{name}", value))
    return sorted(found.values(), key=lambda item: item[0])


PATTERNS = _patterns()


def test_patterns_were_found():
    assert len(PATTERNS) > 30


@pytest.mark.parametrize("label,pattern", PATTERNS, ids=[label for label, _ in PATTERNS])
def test_pattern_is_linear_on_hostile_runs(label, pattern):
    as_bytes = isinstance(pattern.pattern, bytes)
    worst = (0.0, "")
    for prefix in PREFIXES:
        for unit in UNITS:
            text = prefix + unit * (N // len(unit)) + "!"
            subject = text.encode("utf-8") if as_bytes else text
            for call in (pattern.findall,):  # tries every start position, like search on a miss
                started = time.process_time()  # CPU time: a loaded machine must not fail this
                call(subject)
                elapsed = time.process_time() - started
                if elapsed > worst[0]:
                    worst = (elapsed, f"{call.__name__}({prefix!r} + {unit!r} * {N // len(unit)})")
    assert worst[0] < LIMIT_SECONDS, f"{label}: {worst[1]} took {worst[0]:.2f} s (catastrophic backtracking?)"
