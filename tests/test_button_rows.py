"""Share/print button rows (nav.widget) and the subscription checkboxes under a comment box
(comments.form).

Patterns seen on dev-set news and blog pages (a ``Print this | E-mail this`` row under a story,
WordPress's ``Notify me of …`` checkboxes under the comment form); all text written for these tests.
"""

from __future__ import annotations

import pytest

from newsclean.ingest import document_from_text
from newsclean.meta import scan
from newsclean.rules.base import Context
from newsclean.rules.comments import CommentForm
from newsclean.rules.navigation import ShareWidget


def _judge(rule, line: str) -> str | None:
    doc = document_from_text(line)
    return rule.judge(doc.blocks[0], Context(doc=doc, meta=scan(doc), labels=[None] * len(doc.blocks)))


@pytest.mark.parametrize("line", [
    "Print This E-mail This",
    "Email to a friend | Printer friendly version",
    "Page Tools: Print this article E-mail this article",
    "Email This Post to a Friend",
    "Print version | Email to a friend | Share",
])
def test_button_rows_are_dropped(line: str) -> None:
    reason = _judge(ShareWidget(), line)
    # (a row with " | " between 3+ labels is also a menu row; either reason drops it)
    assert reason is not None and reason.startswith(("row of share/print button labels", "menu row of"))


@pytest.mark.parametrize("line", [
    # Negative cases: a sentence that uses the button words keeps its other words.
    "Print this article and bring it to the meeting on Friday.",
    "Readers can email this page to the council before the vote.",
    "The printer friendly layout was dropped after complaints from readers about its size.",
])
def test_sentences_with_button_words_stay(line: str) -> None:
    assert _judge(ShareWidget(), line) is None


@pytest.mark.parametrize("line", [
    "Notify me of follow-up comments by email.",
    "Notify me of new posts by email.",
    "Comments are now closed on this post.",
])
def test_comment_box_checkboxes_are_dropped(line: str) -> None:
    assert _judge(CommentForm(), line) is not None


def test_a_sentence_about_notifications_stays() -> None:
    # Negative case: "notify me" inside news text is not a checkbox label.
    line = "Residents asked the council to notify them of new planning applications by post, not by email."
    assert _judge(CommentForm(), line) is None


@pytest.mark.parametrize("line", [
    # Pattern seen on dev-set pages with a message board, an email-this-page form or a newsletter box
    # (text written for this test).
    "Thank you. Your reply has been submitted and will appear on the board shortly.",
    "Success! Your email has been sent!",
    "Thanks for signing up!",
    "Thank you for your feedback.",
])
def test_form_status_messages_are_dropped(line: str) -> None:
    reason = _judge(CommentForm(), line)
    assert reason is not None and reason.startswith("a form's status message")


def test_a_sentence_about_a_submitted_reply_stays() -> None:
    # Negative case: a news sentence about a reply that was submitted (no form speaking to the reader).
    line = "The ministry said the country's reply had been submitted to the court on Tuesday."
    assert _judge(CommentForm(), line) is None


@pytest.mark.parametrize("line", [
    # Pattern seen on dev-set pages: site menus and footers printed as one line with " | " between
    # links (text written for this test).
    "About Us | Advertise | Site Map | Privacy Policy | Contact",
    "Services: Find a doctor | Book a visit | Opening hours | Patient forms | Careers",
    "Share this story: Facebook | X | Reddit | Email",
])
def test_menu_rows_are_dropped(line: str) -> None:
    reason = _judge(ShareWidget(), line)
    assert reason is not None and reason.startswith("menu row of")


@pytest.mark.parametrize("line", [
    # Negative cases: a sentence with pipes, an alphabetical index, code with pipes, two items only.
    "He said the plan | as drafted | would fail in its first year and must be rewritten.",
    "A | B | C | D | E | F | G",
    "B -->|Large Table| C[Add Index] -->|Small Table| D[Keep scan]",
    "Reviews | Guides",
])
def test_pipes_that_are_not_a_menu_stay(line: str) -> None:
    reason = _judge(ShareWidget(), line)
    assert reason is None or not reason.startswith("menu row of")
