"""newsclean: raw scraped news pages (text dumps or HTML) → clean, validated articles.

>>> import newsclean
>>> article = newsclean.clean(page_text)
>>> explanation = newsclean.clean_and_explain(page_text)  # article + every removal, with reasons
"""

from .api import Explanation, Limits, clean, clean_and_explain
from .batch import Failure, clean_files, clean_many
from .errors import (
    BinaryInputError,
    EmptyInputError,
    InputTooLargeError,
    NewscleanError,
    NoArticleError,
    TimeBudgetExceededError,
    UndecodableInputError,
)
from .models import Article, Decision, Removal
from .pipeline import Pipeline
from .rules import DEFAULT_RULES

__version__ = "0.1.0"

__all__ = [
    "clean", "clean_and_explain", "clean_many", "clean_files", "Failure", "Explanation", "Limits", "Pipeline", "DEFAULT_RULES",
    "Article", "Removal", "Decision",
    "NewscleanError", "EmptyInputError", "BinaryInputError", "InputTooLargeError",
    "UndecodableInputError", "TimeBudgetExceededError", "NoArticleError",
]
