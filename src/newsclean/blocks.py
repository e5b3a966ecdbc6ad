"""The block every input becomes: a span of the document text plus cheap features computed once.

Text dumps give one block per non-blank line (glued chrome split off first, see
``ingest.text``); HTML gives one block per rendered line, enriched with DOM evidence.
Blocks never change: rules read them and label them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

import re

import regex

from .textutil import (
    CJK_CHAR,
    CLAUSE_PUNCT,
    ELLIPSIS_TAIL,
    LATIN_WORD,
    SENTENCE_END,
    cjk_count,
    ends_sentence,
    fold,
)
from .vocab import LATIN_STOP_WORDS

T = TypeVar("T")

#: a bullet, "1." / "1)" / "1、" / "(1)", or a "+" before a space (changelogs: "+ Added ...", not "+5%")
LIST_MARKER = regex.compile(r"^\s*(?:[-–—•·*▪●◦►▸→»·■□◆◇★☆✓✔]|\+(?=\s)|\d{1,2}[.)、]|[（(]\d{1,2}[)）])\s*")


@dataclass(frozen=True)
class DomEvidence:
    """What the HTML ingest knows about a block (absent for text dumps)."""

    tag: str = ""
    heading_level: int = 0
    in_list: bool = False
    in_table: bool = False
    link_density: float = 0.0
    class_tokens: frozenset[str] = frozenset()
    ancestors: frozenset[str] = frozenset()
    #: inside the element the ingest scored as the page's main-content container
    in_main: bool = True


@dataclass(frozen=True)
class Block:
    """One line or paragraph of the document.

    ``start``/``end`` are character offsets of ``text`` inside ``Document.text``;
    ``line_start``/``line_end`` are 1-based and inclusive.
    """

    index: int
    text: str
    start: int
    end: int
    line_start: int
    line_end: int
    dom: DomEvidence | None = None

    # ---- features, computed together on the first read of any of them ----------------------
    # folded, n_cjk, words, n_words, n_stop, is_cjk, size, n_sentence_punct, n_clause_punct,
    # ends_sentence, ends_ellipsis, list_marker, link_density: see :func:`_features`. They are
    # plain instance attributes once computed (one pass per block, no descriptor on later reads);
    # an ingest may pre-fill ``folded``, ``n_cjk`` and ``words`` in ``__dict__`` with the same values.

    def __getattr__(self, name: str):
        if name == "n_stop":  # only blocks of 10+ words ever need it
            value = self.__dict__["n_stop"] = sum(map(LATIN_STOP_WORDS.__contains__, map(str.casefold, self.words)))
            return value
        if name in FEATURES:
            _features(self)
            return self.__dict__[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


_new_object = object.__new__


def new_block(index: int, text: str, start: int, end: int, line_start: int, line_end: int,
              dom: DomEvidence | None = None) -> Block:
    """``Block(index, text, start, end, line_start, line_end, dom)``, built faster.

    Speed: a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; the
    ingests make one block per line, so they fill the instance ``__dict__`` in one update instead.
    The result is equal to the dataclass-built block (``tests/test_fast_paths.py`` checks).
    """
    block = _new_object(Block)
    block.__dict__.update(index=index, text=text, start=start, end=end, line_start=line_start,
                          line_end=line_end, dom=dom)
    return block


#: The lazily computed feature attributes of a :class:`Block`.
FEATURES = frozenset({
    "folded", "n_cjk", "words", "n_words", "n_stop", "is_cjk", "size", "n_sentence_punct",
    "n_clause_punct", "ends_sentence", "ends_ellipsis", "list_marker", "link_density",
})
_ASCII_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")
#: A superset of CJK_CHAR (Han, Hiragana, Katakana, Hangul) as ``re`` code-point ranges: a block in
#: which it finds nothing has no CJK character (tests/test_blocks_features.py checks every code point).
MAYBE_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\ud7ff\uf900-\uffef\U00016fe0-\U00016fff\U0001aff0-\U0001b2ff"
    "\U0001f200-\U0001f2ff\U00020000-\U0003ffff]"
)
#: Unicode White_Space: what ``\s`` matches in the ``regex`` module.
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
#: ELLIPSIS_TAIL matches exactly when the text, without trailing white space, ends in one of these
#: (a run of 3+ dots or 3+ 。 from its start, or any run of …).
_ELLIPSIS_ENDS = ("...", "…", "。。。")
#: One character class per set: ``len(findall)`` counts them in one C pass (3x faster than one
#: ``str.count`` per character).
_SENTENCE_END_CHAR = re.compile("[" + "".join(map(re.escape, sorted(SENTENCE_END))) + "]")
_CLAUSE_PUNCT_CHAR = re.compile("[" + "".join(map(re.escape, sorted(CLAUSE_PUNCT))) + "]")


def _features(block: Block) -> None:
    """Fill every feature of ``block`` in one pass (values identical to the definitions below).

    - ``folded``: :func:`fold` of the text; ``n_cjk``: CJK characters; ``words``: :func:`latin_words`.
      For ASCII text NFKC is the identity, casefold is ``lower``, there is no CJK character and the
      Latin-word pattern reduces to ``[A-Za-z0-9][A-Za-z0-9'-]*``.
    - ``size``: CJK characters plus words; ``is_cjk``: CJK characters present and not fewer than words.
    - ``n_sentence_punct`` / ``n_clause_punct``: characters of ``folded`` in SENTENCE_END / CLAUSE_PUNCT.
    - ``ends_ellipsis``: ELLIPSIS_TAIL finds a match in ``folded``, i.e. without trailing white space
      it ends in ``...``, ``…`` or ``。。。``.
    - ``n_stop`` (computed on first read only): words whose casefold is a Latin stop word.
    """
    cache = block.__dict__
    text = block.text
    folded = cache.get("folded")
    n_cjk = cache.get("n_cjk")
    words = cache.get("words")
    if text.isascii():
        if folded is None:
            folded = text.lower()
        if n_cjk is None:
            n_cjk = 0
        if words is None:
            words = _ASCII_WORD.findall(text)
    else:
        if folded is None:
            folded = fold(text)
        if n_cjk is None:  # MAYBE_CJK finds nothing in most Latin text with curly quotes or dashes
            n_cjk = cjk_count(text) if MAYBE_CJK.search(text) else 0
        if words is None:
            words = LATIN_WORD.findall(CJK_CHAR.sub(" ", text)) if n_cjk else LATIN_WORD.findall(text)
    n_words = len(words)
    cache.update(
        folded=folded,
        n_cjk=n_cjk,
        words=words,
        n_words=n_words,
        is_cjk=n_cjk > 0 and n_cjk >= n_words,
        size=n_cjk + n_words,
        n_sentence_punct=len(_SENTENCE_END_CHAR.findall(folded)),
        n_clause_punct=len(_CLAUSE_PUNCT_CHAR.findall(folded)),
        ends_sentence=ends_sentence(folded),
        ends_ellipsis=folded.rstrip(WHITE_SPACE).endswith(_ELLIPSIS_ENDS),
        list_marker=LIST_MARKER.match(text) is not None,
        link_density=block.dom.link_density if block.dom else 0.0,
    )


@dataclass(frozen=True)
class Document:
    """The text the blocks index into, the blocks, and metadata hints found by ingest."""

    text: str
    blocks: tuple[Block, ...]
    kind: str = "text"  # "text" or "html"
    hints: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: values derived from the blocks alone (see :meth:`derived`)
    _derived: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def derived(self, key: str, compute: Callable[["Document"], T]) -> T:
        """``compute(self)``, computed once per document under ``key`` and then shared.

        For values that depend on the blocks alone, never on labels (which change from rule to
        rule): several rules, or one rule run more than once, then share one pass over the blocks.
        """
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = compute(self)
            return value

    @cached_property
    def is_cjk(self) -> bool:
        n_cjk = sum(b.n_cjk for b in self.blocks)
        n_words = sum(b.n_words for b in self.blocks)
        return n_cjk > 0 and n_cjk >= n_words
