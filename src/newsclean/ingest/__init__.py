"""Input → :class:`~newsclean.blocks.Document`. The only place that parses input formats."""

from .text import document_from_text

__all__ = ["document_from_text"]
