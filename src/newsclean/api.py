"""Public entry points: :func:`clean` and :func:`clean_and_explain`.

``clean(x)`` is exactly ``clean_and_explain(x).article``, in the spirit of ftfy's
``fix_text`` / ``fix_and_explain``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from . import meta as metadata
from .assemble import paragraphs
from .blocks import Block, Document
from .errors import BinaryInputError, EmptyInputError, InputTooLargeError, NoArticleError
from .ingest import document_from_text
from .models import Article, Decision, Removal
from .pipeline import Pipeline

InputFormat = Literal["auto", "text", "html"]

DEFAULT_PIPELINE = Pipeline()


@dataclass(frozen=True)
class Limits:
    """Resource limits applied to every document.

    ``max_bytes``: larger input is rejected before any parsing. ``time_budget``: seconds one
    document may take (checked between rules). ``max_line_chars``: longer lines are cut into
    pieces of this size before any pattern runs, so no regex sees an unbounded string.
    """

    max_bytes: int = 10_000_000
    time_budget: float | None = 5.0
    max_line_chars: int = 20_000


DEFAULT_LIMITS = Limits()


class Explanation(BaseModel):
    """The article plus every decision: ``removals`` (with rule, reason, text, position) and ``kept``."""

    model_config = ConfigDict(frozen=True)

    article: Article
    removals: tuple[Removal, ...]
    kept: tuple[Decision, ...]
    evidence: dict[str, str]

    def replay(self) -> str:
        """Rebuild the body from the kept decisions alone (a check that the trail is complete)."""
        blocks = [
            Block(index=i, text=d.text, start=d.start, end=d.end, line_start=d.line_start, line_end=d.line_end)
            for i, d in enumerate(self.kept)
        ]
        return "\n".join(paragraphs(blocks))


def _check_text(text: str, limits: Limits) -> None:
    if len(text) > limits.max_bytes or len(text.encode("utf-8", "surrogatepass")) > limits.max_bytes:
        raise InputTooLargeError(
            f"input is larger than max_bytes={limits.max_bytes:,}; pass limits=Limits(max_bytes=...) to allow it"
        )
    if not text.strip():
        raise EmptyInputError("input is empty or whitespace only; pass the page's text or HTML")
    if "\x00" in text:
        raise BinaryInputError("input contains NUL characters: this looks like binary data, not a page")
    sample = text[:100_000]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v")
    if controls > max(8, 0.05 * len(sample)):
        raise BinaryInputError(
            f"{controls} control characters in the first {len(sample):,}: this looks like binary data, not a page"
        )


def to_document(page: str | bytes, *, format: InputFormat = "auto", limits: Limits = DEFAULT_LIMITS) -> Document:
    """Validate the input and turn it into blocks (text dump or HTML)."""
    if isinstance(page, (bytes, bytearray, memoryview)):
        raw = bytes(page)
        if len(raw) > limits.max_bytes:
            raise InputTooLargeError(
                f"input is {len(raw):,} bytes, larger than max_bytes={limits.max_bytes:,}; "
                "pass limits=Limits(max_bytes=...) to allow it"
            )
        from .ingest.decode import decode_bytes

        page = decode_bytes(raw)
    elif not isinstance(page, str):
        raise TypeError(
            f"clean() takes the page as str (text dump or HTML) or bytes (raw HTML), not {type(page).__name__}"
        )
    _check_text(page, limits)
    if format not in ("auto", "text", "html"):
        raise ValueError(f"format must be 'auto', 'text' or 'html', not {format!r}")
    from .ingest.sniff import looks_like_html

    if format == "html" or (format == "auto" and looks_like_html(page)):
        from .ingest.html import document_from_html

        return document_from_html(page, max_line_chars=limits.max_line_chars)
    return document_from_text(page, max_line_chars=limits.max_line_chars)


def clean_and_explain(
    page: str | bytes,
    *,
    url: str | None = None,
    format: InputFormat = "auto",
    pipeline: Pipeline = DEFAULT_PIPELINE,
    limits: Limits = DEFAULT_LIMITS,
) -> Explanation:
    """Clean one page and return the Article with the full audit trail.

    Raises a :class:`~newsclean.errors.NewscleanError` subclass for bad input (empty, binary,
    too large, undecodable, all chrome, over the time budget) and ``TypeError`` for a non-str/bytes
    argument.
    """
    started = time.monotonic()
    deadline = started + limits.time_budget if limits.time_budget else None
    doc = to_document(page, format=format, limits=limits)
    scan = metadata.scan(doc, url=url)
    labels = pipeline.label(doc, scan, deadline=deadline)

    removals: list[Removal] = []
    kept_decisions: list[Decision] = []
    kept_blocks: list[Block] = []
    for block, label in zip(doc.blocks, labels):
        fields = dict(rule=label.rule, reason=label.reason, text=block.text, line_start=block.line_start,
                      line_end=block.line_end, start=block.start, end=block.end)
        if label.keep:
            kept_decisions.append(Decision(**fields))
            kept_blocks.append(block)
        else:
            removals.append(Removal(**fields))

    if not kept_blocks:
        raise NoArticleError(
            f"every one of the {len(doc.blocks)} blocks was classified as chrome; "
            "see .removals for each rule's reason",
            removals,
        )
    body = "\n".join(paragraphs(kept_blocks))
    article = Article(
        headline=scan.headline,
        body=body,
        source=scan.source,
        url=scan.url,
        published=scan.published,
        author=scan.author,
        language=metadata.guess_language(body),
    )
    return Explanation(article=article, removals=tuple(removals), kept=tuple(kept_decisions), evidence=scan.evidence)


def clean(
    page: str | bytes,
    *,
    url: str | None = None,
    format: InputFormat = "auto",
    pipeline: Pipeline = DEFAULT_PIPELINE,
    limits: Limits = DEFAULT_LIMITS,
) -> Article:
    """Clean one page (text dump or HTML, str or bytes) into an :class:`Article`."""
    return clean_and_explain(page, url=url, format=format, pipeline=pipeline, limits=limits).article
