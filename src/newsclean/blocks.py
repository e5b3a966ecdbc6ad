"""The block every input becomes: a span of the document text plus cheap features computed once.

Text dumps give one block per non-blank line (glued chrome split off first, see
``ingest.text``); HTML gives one block per rendered line, enriched with DOM evidence.
Blocks never change: rules read them and label them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import regex

from .textutil import (
    CLAUSE_PUNCT,
    ELLIPSIS_TAIL,
    SENTENCE_END,
    cjk_count,
    ends_sentence,
    fold,
    latin_words,
)

LIST_MARKER = regex.compile(r"^\s*(?:[-–—•·*▪●◦►▸→»·■□◆◇★☆✓✔]|\d{1,2}[.)、]|[（(]\d{1,2}[)）])\s*")


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

    # ---- features, each computed at most once -------------------------------------------
    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @cached_property
    def n_cjk(self) -> int:
        return cjk_count(self.text)

    @cached_property
    def words(self) -> list[str]:
        return latin_words(self.text)

    @cached_property
    def n_words(self) -> int:
        return len(self.words)

    @cached_property
    def is_cjk(self) -> bool:
        return self.n_cjk > 0 and self.n_cjk >= self.n_words

    @cached_property
    def size(self) -> int:
        """Length in evaluation tokens: CJK characters plus other words."""
        return self.n_cjk + self.n_words

    @cached_property
    def n_sentence_punct(self) -> int:
        return sum(1 for ch in self.folded if ch in SENTENCE_END)

    @cached_property
    def n_clause_punct(self) -> int:
        return sum(1 for ch in self.folded if ch in CLAUSE_PUNCT)

    @cached_property
    def ends_sentence(self) -> bool:
        return ends_sentence(self.folded)

    @cached_property
    def ends_ellipsis(self) -> bool:
        return ELLIPSIS_TAIL.search(self.folded) is not None

    @cached_property
    def list_marker(self) -> bool:
        return LIST_MARKER.match(self.text) is not None

    @cached_property
    def link_density(self) -> float:
        return self.dom.link_density if self.dom else 0.0


@dataclass(frozen=True)
class Document:
    """The text the blocks index into, the blocks, and metadata hints found by ingest."""

    text: str
    blocks: tuple[Block, ...]
    kind: str = "text"  # "text" or "html"
    hints: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def is_cjk(self) -> bool:
        n_cjk = sum(b.n_cjk for b in self.blocks)
        n_words = sum(b.n_words for b in self.blocks)
        return n_cjk > 0 and n_cjk >= n_words
