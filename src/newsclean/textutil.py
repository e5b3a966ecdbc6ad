"""Small pure helpers on strings: script detection, matching normalisation, token counts.

Matching always happens on :func:`fold` (NFKC + casefold) text; output always keeps the
input's own characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

import regex

CJK_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
LATIN_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
# A "token" as the evaluation counts it: one CJK character, or one run of other letters/digits.
TOKEN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]|[^\s\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{P}\p{S}]+")

SENTENCE_END = frozenset("。！？!?．.…;；।॥")  # ।॥: the Devanagari full stops (danda)
CLOSERS = frozenset("\"'”’」』)）]】》>»›")
CLAUSE_PUNCT = frozenset("，、,;；：:")
# Each alternative starts only at the start of its run (lookbehind), so a long run of dots that is
# not at the end fails in linear time instead of retrying from every position inside the run.
ELLIPSIS_TAIL = regex.compile(r"(?:(?<!\.)\.{3,}+|(?<!…)…++|(?<!。)。{3,}+)\s*+$")


def fold(text: str) -> str:
    """NFKC + casefold: the form every vocabulary and pattern is matched against."""
    return unicodedata.normalize("NFKC", text).casefold()


def cjk_count(text: str) -> int:
    return len(CJK_CHAR.findall(text))


def latin_words(text: str) -> list[str]:
    return [w for w in LATIN_WORD.findall(CJK_CHAR.sub(" ", text))]


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def is_cjk_text(text: str) -> bool:
    """True when CJK characters outnumber Latin words (the page reads as Chinese/Japanese/Korean)."""
    n_cjk = cjk_count(text)
    return n_cjk > 0 and n_cjk >= len(latin_words(text))


#: every character for which ``str.isspace()`` is true (tests/test_fast_paths.py checks the list
#: against all code points; written out so that importing costs no scan of them)
SPACE_CHARS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: ...and the closing quotes/brackets
_SPACE_OR_CLOSER = SPACE_CHARS + "".join(sorted(CLOSERS))


def last_meaningful_char(text: str) -> str:
    """The last character that is not whitespace or a closing quote/bracket ("" when none is).

    Speed: one C-level ``rstrip`` of exactly those characters instead of a Python loop.
    """
    return text.rstrip(_SPACE_OR_CLOSER)[-1:]


def ends_sentence(text: str) -> bool:
    return last_meaningful_char(text) in SENTENCE_END


def joiner(left: str, right: str) -> str:
    """What to put between two pieces of one sentence broken across lines."""
    if left and right and (CJK_CHAR.match(left[-1]) or CJK_CHAR.match(right[0])):
        return ""
    return " "


def literal_prefilter(words: "Iterable[str]") -> tuple[str, ...] | None:
    """``words`` as a tuple when an IGNORECASE ``regex`` match of one of them inside :func:`fold`-ed
    text implies that the word itself is a substring of that text, else None.

    True when every word is its own fold and each of its characters is ASCII or uncased: folded
    text holds no other case variant of such a character (checked over every code point for the
    ``regex`` module's simple case folding: no upper-case ASCII, KELVIN SIGN or LONG S survives
    NFKC + casefold). Rules then skip a regex scan when no word occurs (``word in folded``).
    """
    words = tuple(words)
    for word in words:
        if fold(word) != word or not all(ch.isascii() or ch.upper() == ch.lower() for ch in word):
            return None
    return words


def literal_finder(words: "Iterable[str]") -> "Callable[[str], object] | None":
    """For words that pass :func:`literal_prefilter`: a function returning a truthy value when one
    of them is a substring of a folded text (a case-sensitive ``re`` literal alternation, about 3x
    faster than the IGNORECASE ``regex`` scan it guards); None when the words do not pass."""
    checked = literal_prefilter(words)
    if checked is None:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(set(checked), key=len, reverse=True))).search


def compile_alternation(words: "Iterable[str]") -> str:
    """A regex alternation of literal words, longest first so the longest match wins."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
