"""Tell HTML from a plain-text dump by looking at the first few kilobytes."""

from __future__ import annotations

import regex

_HTML_START = regex.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<(?:!doctype|html))", regex.IGNORECASE)
_TAG = regex.compile(r"</?(?:html|head|body|div|p|span|a|meta|script|title|br|li|ul|table|article|section|h[1-6])\b[^<>]{0,500}>", regex.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True for a page that starts like HTML or has many common tags in its first 20,000 chars."""
    head = text[:20_000]
    if _HTML_START.match(head):
        return True
    tags = len(_TAG.findall(head))
    return tags >= 5 and tags * 40 >= len(head.split("\n")) * 1
