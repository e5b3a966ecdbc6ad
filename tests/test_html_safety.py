"""Parsing safety: no network, no external entities, broken markup, very deep nesting."""

from __future__ import annotations

import socket

import pytest

import newsclean

PARA = "The harbour authority said on Monday that the new pier would open in the spring, after two years of building work."


def test_ten_thousand_levels_of_nesting():
    depth = 10_000
    html = "<html><body>" + "<div>" * depth + f"<p>{PARA}</p>" + "</div>" * depth + f"<p>{PARA} Again.</p></body></html>"
    article = newsclean.clean(html, format="html")
    assert PARA in article.body and "Again." in article.body


def test_deep_unclosed_nesting():
    html = "<html><body>" + "<span><b><i>" * 5000 + f"<p>{PARA}"
    assert PARA in newsclean.clean(html, format="html").body


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETVALUE")
    html = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f"<html><body><p>{PARA} &xxe;</p><p>{PARA}</p></body></html>"
    )
    assert "TOPSECRETVALUE" not in newsclean.clean(html, format="html").body


def test_no_network_access(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the parser tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    html = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
        '<html><head><link rel="stylesheet" href="http://example.com/a.css"><script src="http://example.com/x.js"></script>'
        f'</head><body><iframe src="http://example.com/frame"></iframe><p>{PARA}</p><p>{PARA}</p></body></html>'
    )
    assert PARA in newsclean.clean(html, format="html").body


@pytest.mark.parametrize(
    "html",
    [
        f"<html><body><p>{PARA}<p>{PARA} Second.<div><b>unclosed",
        f"<p>{PARA}</i></b></span></p></div></td></tr><p>{PARA} Second.",
        f"<html><head><title>x<body><p>{PARA}</p><p>{PARA} Second.</p>",
        f"<table><tr><td><p>{PARA}<td><p>{PARA} Second.</table></table></table>",
        f"<html><body><<<>>><p>{PARA}</p><!-- unclosed comment <p>{PARA} Second.</p>",
    ],
)
def test_broken_markup(html):
    body = newsclean.clean(html, format="html").body
    assert PARA in body


def test_scripts_styles_and_hidden_elements_never_reach_the_body():
    html = (
        "<html><head><style>p{color:red}</style></head><body>"
        "<script>var notText = 'SCRIPTTEXT';</script>"
        "<div style='display:none'><p>HIDDENTEXT is a paragraph that nobody sees on the page at all.</p></div>"
        "<div hidden><p>ALSOHIDDEN paragraph text that the reader never sees anywhere.</p></div>"
        "<span class='sr-only'>Screen reader only text</span>"
        f"<p>{PARA}</p><p>{PARA}</p><noscript>NOSCRIPTTEXT</noscript></body></html>"
    )
    body = newsclean.clean(html, format="html").body
    for marker in ("SCRIPTTEXT", "HIDDENTEXT", "ALSOHIDDEN", "Screen reader", "NOSCRIPTTEXT", "color:red"):
        assert marker not in body


# Pattern seen on a 2008 news page of the dev set: one stray NUL character inside the HTML;
# markup written for these tests.
def test_stray_nul_in_html_becomes_a_replacement_character():
    html = f"<html><head><title>Pier</title></head><body><p>{PARA}</p><p>{PARA}\x00 Again.</p></body></html>"
    for fmt in ("html", "auto"):
        explanation = newsclean.clean_and_explain(html, format=fmt)
        assert "\x00" not in explanation.article.body
        assert "Again." in explanation.article.body
        assert all(d.start <= d.end for d in explanation.kept)


def test_negative_nul_stays_binary_outside_html():
    from newsclean.errors import BinaryInputError, UndecodableInputError

    with pytest.raises(BinaryInputError):
        newsclean.clean(f"{PARA}\x00{PARA}", format="text")
    with pytest.raises(BinaryInputError):
        newsclean.clean(f"{PARA}\x00{PARA}")  # a text dump, by sniffing
    with pytest.raises(UndecodableInputError):  # NUL-padded data with an HTML-looking start
        newsclean.clean("<html><body><p>x</p>" + "\x00" * 5000, format="html")
