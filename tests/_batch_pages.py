"""Small generated pages for the CLI and batch tests (no dev-set text is copied here)."""

from __future__ import annotations

import random

_SUBJECTS = ["The city council", "Local farmers", "The regional hospital", "A group of students",
             "The transport authority", "Researchers at the university", "The mayor", "Volunteers"]
_VERBS = ["approved", "criticised", "announced", "postponed", "welcomed", "reviewed", "funded", "rejected"]
_OBJECTS = ["a new budget for public parks", "plans for a second bridge over the river",
            "changes to the school timetable", "a study of air quality near the harbour",
            "a programme to repair old houses", "the decision to close the night bus line",
            "a proposal to extend library opening hours", "new rules for street markets"]
_TAILS = ["after a long debate on Tuesday evening.", "despite objections from several residents.",
          "in a statement published on its website.", "following months of negotiations.",
          "and said more details would follow next week.", "which will take effect in the spring."]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}"


def page(i: int) -> str:
    """A plain-text news page dump: headline, breadcrumb, byline, 3-4 paragraphs, chrome."""
    rng = random.Random(i)
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) + f" (Story {i}.)"
                  for _ in range(rng.randint(3, 4))]
    return "\n".join([
        f"Story {i}: {rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}",
        "Home > News > Local",
        "2024-03-0%d 10:%02d" % (1 + i % 9, i % 60),
        *paragraphs,
        "Share on Facebook",
        "Copyright 2024 Example Daily News. All rights reserved.",
    ]) + "\n"


def html_page(i: int) -> str:
    rng = random.Random(10_000 + i)
    body = "".join(f"<p>{' '.join(sentence(rng) for _ in range(3))}</p>" for _ in range(3))
    return (f"<!doctype html><html><head><title>Report {i} - Example News</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Report {i}</h1>{body}"
            f"</article><footer>Copyright 2024 Example News</footer></body></html>")
