"""Typed errors. Every failure a caller can meet derives from :class:`NewscleanError`.

Each error carries a short machine-readable ``code`` (used in batch rejects records) and a
message that says what happened and what to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from .models import Removal


class NewscleanError(Exception):
    """Base class of every error newsclean raises on bad input."""

    code: str = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class EmptyInputError(NewscleanError):
    """The input is empty or whitespace only."""

    code = "empty"


class BinaryInputError(NewscleanError):
    """The input looks like binary data (NUL bytes or many control characters), not a page."""

    code = "binary"


class InputTooLargeError(NewscleanError):
    """The input is larger than the configured ``max_bytes`` limit."""

    code = "too_large"


class UndecodableInputError(NewscleanError):
    """Bytes that could not be decoded into text with any declared or detected encoding."""

    code = "undecodable"


class TimeBudgetExceededError(NewscleanError):
    """Cleaning one document took longer than the configured time budget."""

    code = "timeout"


class NoArticleError(NewscleanError):
    """Every block of the page was classified as chrome: there is no article to return.

    ``removals`` holds what was removed and why, so the caller can still inspect the decision.
    """

    code = "no_article"

    def __init__(self, message: str, removals: Sequence["Removal"] = ()) -> None:
        super().__init__(message)
        self.removals: tuple["Removal", ...] = tuple(removals)


__all__ = [
    "NewscleanError",
    "EmptyInputError",
    "BinaryInputError",
    "InputTooLargeError",
    "UndecodableInputError",
    "TimeBudgetExceededError",
    "NoArticleError",
]
