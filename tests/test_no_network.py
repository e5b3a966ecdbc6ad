"""No network, no surprises.

* Runtime: while newsclean cleans pages full of external references (DTDs, external entities,
  <img>/<script>/<link>/<iframe> URLs, a url= argument), a CPython audit hook records every socket,
  URL, subprocess and file-open event, and ``socket.socket`` itself is replaced by a trap. Nothing
  may touch the network, start a process, or open a file the page points at.
* Static: no module of the package imports a network, pickle-like or process module (the batch
  runner's worker pool is the one documented exception for processes) or calls eval/exec.
"""

from __future__ import annotations

import ast
import socket
import sys
from pathlib import Path

import pytest

import newsclean

PACKAGE = Path(newsclean.__file__).resolve().parent
PROSE = (
    "The minister said on Tuesday that the talks would continue next week in Geneva, and that both "
    "sides were ready to compromise on the main points of the plan, officials said."
)

_EVENTS: list[tuple[str, tuple]] = []
_RECORDING = [False]
_WATCHED = ("socket.", "urllib.", "http.client.", "ftplib.", "smtplib.", "subprocess.", "os.system",
            "os.exec", "os.posix_spawn", "os.spawn", "webbrowser.", "open")


def _hook(event: str, args: tuple) -> None:
    if _RECORDING[0] and event.startswith(_WATCHED):
        _EVENTS.append((event, args))


sys.addaudithook(_hook)  # audit hooks cannot be removed; this one only records while a test asks it to

PAGES: list[tuple[str, str | bytes, str]] = [
    ("text", PROSE + "\nSee https://example.com/story and http://127.0.0.1:9/x for more.\n" + PROSE, "auto"),
    ("html-xxe-file", '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
     f"<html><body><p>&xxe; {PROSE}</p></body></html>", "html"),
    ("html-xxe-http", '<!DOCTYPE html [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>'
     f"<html><body><p>{PROSE}</p></body></html>", "html"),
    ("html-external-dtd", '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
     '"http://127.0.0.1:9/xhtml1-strict.dtd"><html xmlns="http://www.w3.org/1999/xhtml">'
     f"<body><p>{PROSE}</p></body></html>", "html"),
    ("html-resources", '<html><head><base href="http://127.0.0.1:9/"><link rel="stylesheet" href="http://127.0.0.1:9/a.css">'
     '<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/"><script src="http://127.0.0.1:9/a.js"></script>'
     '<link rel="canonical" href="http://127.0.0.1:9/story"></head><body><iframe src="http://127.0.0.1:9/f"></iframe>'
     f'<img src="http://127.0.0.1:9/a.jpg"><p>{PROSE}</p><object data="file:///etc/passwd"></object>'
     '<svg><image href="file:///etc/passwd"/></svg></body></html>', "html"),
    ("html-xinclude", '<html xmlns:xi="http://www.w3.org/2001/XInclude"><body>'
     f'<xi:include href="file:///etc/passwd" parse="text"/><p>{PROSE}</p></body></html>', "html"),
    ("bytes-declared", (f'<meta charset="utf-8"><p>{PROSE}</p>').encode(), "auto"),
]


@pytest.fixture
def no_network(monkeypatch):
    def trap(*args, **kwargs):
        raise AssertionError(f"newsclean tried to use the network: socket{args!r}")

    monkeypatch.setattr(socket, "socket", trap)
    monkeypatch.setattr(socket, "create_connection", trap)
    monkeypatch.setattr(socket, "getaddrinfo", trap)
    # Warm up imports first: importing modules opens files, which is not what we are watching for.
    for _, page, fmt in PAGES:
        try:
            newsclean.clean(page, format=fmt)  # type: ignore[arg-type]
        except newsclean.NewscleanError:
            pass
    _EVENTS.clear()
    _RECORDING[0] = True
    yield _EVENTS
    _RECORDING[0] = False


@pytest.mark.parametrize("name,page,fmt", PAGES, ids=[p[0] for p in PAGES])
def test_cleaning_touches_no_network_file_or_process(no_network, name, page, fmt):
    try:
        explanation = newsclean.clean_and_explain(page, format=fmt, url="http://127.0.0.1:9/story")  # type: ignore[arg-type]
    except newsclean.NewscleanError:
        explanation = None
    assert no_network == [], f"{name}: unexpected events {no_network[:5]}"
    if explanation is not None:
        body = explanation.article.body
        assert "root:" not in body, "an external entity was resolved"
        assert "Geneva" in body


def test_no_network_or_unsafe_modules_are_imported():
    banned_modules = {"socket", "ssl", "urllib.request", "http.client", "requests", "httpx", "aiohttp", "ftplib",
                      "smtplib", "telnetlib", "xmlrpc", "pickle", "cPickle", "dill", "marshal", "shelve",
                      "subprocess", "webbrowser"}
    banned_calls = {"eval", "exec", "__import__", "compile", "input"}
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                if name in banned_modules or name.split(".")[0] in banned_modules:
                    problems.append(f"{path.relative_to(PACKAGE)}:{node.lineno} imports {name}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in banned_calls:
                problems.append(f"{path.relative_to(PACKAGE)}:{node.lineno} calls {node.func.id}()")
    assert problems == []


def test_lxml_parsers_are_built_without_network_or_entity_resolution(monkeypatch):
    """Every lxml parser built while cleaning HTML keeps no_network on and loads no DTD/entities."""
    etree = pytest.importorskip("lxml.etree")
    built: list[tuple[str, dict]] = []
    for name in ("HTMLParser", "XMLParser", "HTMLPullParser", "XMLPullParser"):
        original = getattr(etree, name)

        def recorder(*args, __original=original, __name=name, **kwargs):
            built.append((__name, kwargs))
            return __original(*args, **kwargs)

        monkeypatch.setattr(etree, name, recorder)
    for _, page, fmt in PAGES:
        try:
            newsclean.clean(page, format="html" if fmt == "html" else fmt)  # type: ignore[arg-type]
        except newsclean.NewscleanError:
            pass
    problems = [
        f"{name}({kwargs})" for name, kwargs in built
        if kwargs.get("no_network", True) is not True or kwargs.get("load_dtd") or kwargs.get("huge_tree")
        or kwargs.get("dtd_validation") or (name.startswith("XML") and kwargs.get("resolve_entities", True))
    ]
    assert problems == []
