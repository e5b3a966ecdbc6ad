"""The public data model: the cleaned :class:`Article` and the audit trail of :class:`Removal`."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Article(BaseModel):
    """A cleaned article. ``body`` holds paragraphs separated by ``\\n``, in the input's own characters."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    headline: str | None = Field(default=None, description="Headline without site-name suffix; None when the page has none.")
    body: str = Field(min_length=1, description="Paragraphs separated by newlines.")
    source: str | None = Field(default=None, description="Publisher or agency the page names as its source.")
    url: str | None = Field(default=None, description="Canonical or permalink URL.")
    published: datetime | None = Field(default=None, description="Absolute publication date/time; None for relative dates.")
    author: str | None = None
    language: str | None = Field(default=None, description="ISO 639-1 code guessed from the body's script and stop words.")

    @field_validator("body")
    @classmethod
    def _body_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("body must contain non-whitespace text")
        return value

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n")


class Removal(BaseModel):
    """One removed block: which rule, why (with measured values), what text, and where.

    ``start``/``end`` are character offsets into the document text (the input string for text
    dumps, the rendered page text for HTML); ``line_start``/``line_end`` are 1-based and inclusive.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    reason: str
    text: str
    line_start: int
    line_end: int
    start: int
    end: int


class Decision(BaseModel):
    """A kept block and the rule that kept it (for ``--explain`` and debugging)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    reason: str
    text: str
    line_start: int
    line_end: int
    start: int
    end: int
