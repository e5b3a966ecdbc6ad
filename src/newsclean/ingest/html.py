"""HTML → blocks: one block per rendered line, each carrying the DOM evidence it came from.

The page is rendered the way a plain-text dump is made (a line break at every block-level
element and ``<br>``, the cells of a data-table row joined by a space, whitespace collapsed), so
the text-track rules see the same kind of lines; cells of a layout table (holding paragraphs,
divs, lists or ``<br>``) are lines of their own. Each line also records what only the DOM knows:
tag and heading level, list/table membership, link density, boilerplate class/id tokens,
nav/aside/footer/header/figure ancestry, and whether it lies inside the page's main-content
container (found here by scoring every element's prose against its link-heavy chrome).

Safety: lxml parses with ``no_network=True``; the HTML parser never loads a DTD, so no external
entity is ever resolved; ``huge_tree`` stays off. libxml2 caps nesting at 256 levels; a page
that hits the cap is re-read with the standard library's event parser (no recursion anywhere:
rendering is a single loop over start/end events).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex
from lxml import etree

from ..blocks import Block, DomEvidence, Document, new_block
from .html_meta import RAW_TITLES, collect_hints, visible_headline
from .html_render import NAMED_ANCHOR, Line, Renderer
from .text import _cap

_PARSER_OPTIONS = dict(
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    huge_tree=False,
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
)
_XML_DECL = regex.compile(r"^\s*<\?xml[^>]{0,300}\?>")


def _parse(page: str) -> tuple[etree._Element | None, bool]:
    """Parse with lxml; the flag says the page hit libxml2's nesting cap (content may be lost)."""
    parser = etree.HTMLParser(**_PARSER_OPTIONS)
    declaration = _XML_DECL.match(page)  # (a match, not sub: sub copies the page even when nothing matches)
    data = (page[declaration.end():] if declaration else page).encode("utf-8", "replace")
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, True
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return root, too_deep


_LAYOUT_CHILDREN = ("p", "div", "br", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
                    "P", "DIV", "BR", "TABLE")


#: inline elements that need no bookkeeping when they carry no class/id/style/hiding attribute
_PLAIN_INLINE = frozenset(
    "span b i em strong font small u sup sub abbr cite code img tt big s strike mark time label q var kbd dfn ins del wbr".split()
)
_ATTRS_OF_INTEREST = frozenset(("class", "id", "style", "hidden", "aria-hidden"))
_LAYOUT_CELLS = frozenset(("td", "th"))


def _walk_lxml(root: etree._Element, renderer: Renderer) -> None:
    """Feed the tree to the renderer as start/data/end events, in one loop (no recursion).

    Speed (the same events as a plain walk, fewer Python operations per element): ``el.keys()``
    is one C call that tells whether an element carries any attribute the renderer reads; a
    plain inline element (``<b>``, ``<span>`` without class/id/style/hiding) only contributes its
    text and tail; other elements get their attributes only when one of interest is present;
    white space between elements is not passed on while no line is open (the renderer would
    ignore it: see ``Renderer.snapshot``), which is most of the text nodes of a page.
    """
    walker = etree.iterwalk(root, events=("start", "end"))
    start, end, data = renderer.start, renderer.end, renderer.data
    plain_inline = _PLAIN_INLINE
    no_interest = _ATTRS_OF_INTEREST.isdisjoint
    for event, el in walker:
        tag = el.tag
        if tag in plain_inline and no_interest(el.keys()):  # same answer at start and end: nothing to push or pop
            text = el.text if event == "start" else el.tail
        elif tag.__class__ is not str:  # comments/PIs/entities that survived
            text = el.tail if event == "end" else None
        elif event == "start":
            tag = tag.lower()  # libxml2 already lower-cases HTML names: normally a no-op
            if tag == "a" and el.get("href") is None:
                tag = NAMED_ANCHOR
            layout = tag in _LAYOUT_CELLS and next(el.iter(*_LAYOUT_CHILDREN), None) is not None
            if not start(tag, None if no_interest(el.keys()) else el.attrib, layout):
                walker.skip_subtree()
                continue
            text = el.text
        else:
            end(tag)
            text = el.tail
        if text and (renderer.snapshot is not None or not text.isspace()):
            data(text)


def _walk_stdlib(page: str, renderer: Renderer) -> None:
    """Event-driven fallback for pages nested deeper than libxml2 allows."""
    from html.parser import HTMLParser

    class _Feeder(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.stack: list[str] = []
            self.skip_depth = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in _VOID:
                if not self.skip_depth:
                    renderer.start(tag, {k: v or "" for k, v in attrs})
                    renderer.end(tag)
                return
            self.stack.append(tag)
            if self.skip_depth:
                self.skip_depth += 1
                return
            if tag == "a" and not any(name == "href" for name, _ in attrs):
                tag = NAMED_ANCHOR  # the stack keeps "a", so "</a>" still closes it
            if not renderer.start(tag, {k: v or "" for k, v in attrs}):
                self.skip_depth = 1

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.handle_starttag(tag, attrs)
            if tag not in _VOID:
                self.handle_endtag(tag)

        def handle_endtag(self, tag: str) -> None:
            if tag not in self.stack:
                return
            while self.stack:
                top = self.stack.pop()
                if self.skip_depth:
                    self.skip_depth -= 1
                    if self.skip_depth == 0:
                        renderer.end(top)
                else:
                    renderer.end(top)
                if top == tag:
                    break

        def handle_data(self, data: str) -> None:
            if not self.skip_depth:
                renderer.data(data)

    feeder = _Feeder()
    feeder.feed(page)
    feeder.close()
    while feeder.stack:
        feeder.handle_endtag(feeder.stack[-1])


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


_TITLE_OPEN = re.compile(r"<title\b[^>]{0,200}>", re.IGNORECASE)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.IGNORECASE)


def _unhide_unclosed_title(page: str) -> str:
    """An unclosed ``<title>`` would swallow the whole page as its text: drop the open tag."""
    match = _TITLE_OPEN.search(page, 0, 200_000)
    if match and not _TITLE_CLOSE.search(page, match.end()):
        return page[: match.start()] + page[match.end():]
    return page


def render(page: str) -> tuple[list[Line], dict[str, tuple[str, ...]]]:
    """The page's rendered lines (with evidence) and its metadata hints."""
    page = _unhide_unclosed_title(page)
    root, too_deep = _parse(page)
    renderer = Renderer()
    hints: dict[str, tuple[str, ...]] = {}
    if root is not None and not too_deep:
        _walk_lxml(root, renderer)
        hints = collect_hints(root)
    else:
        _walk_stdlib(page, renderer)
    lines = renderer.finish()
    raw_titles = hints.pop(RAW_TITLES, ())
    sites = hints.get("site_name", ())
    seen = visible_headline(lines, raw_titles, sites)
    if seen:
        hints["title"] = (seen,)
    elif hints.get("title"):
        # meta.scan matches header lines against every title hint: give it only the best one.
        hints["title"] = hints["title"][:1]
    if not hints.get("title"):
        h1 = [ln.text for ln in lines if ln.heading == 1][:1]
        if h1:
            hints["title"] = tuple(h1)
    return lines, hints


_ASCII_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")


def _prefill(block: Block) -> Block:
    """Fill the cheap features of an ASCII block now, with the same values the lazy ones give.

    For ASCII text NFKC is the identity, there are no CJK characters, and the Latin-word pattern
    reduces to ``[A-Za-z0-9][A-Za-z0-9'-]*``, so ``re`` gives the same answer much faster than the
    Unicode-aware patterns the cached properties use.
    """
    text = block.text
    if text.isascii():
        cache = block.__dict__
        cache["folded"] = text.lower()
        cache["n_cjk"] = 0
        cache["words"] = _ASCII_WORD.findall(text)
    return block


def _blocks(lines: Iterable[Line], max_line_chars: int) -> tuple[str, list[Block]]:
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    # Speed: many lines carry the same evidence (a run of plain <p> in the article, the items of
    # one menu); DomEvidence is frozen, so equal evidence shares one instance per document.
    shared: dict[tuple, DomEvidence] = {}
    for number, line in enumerate(lines, start=1):
        parts.append(line.text)
        evidence = (line.tag, line.heading, line.in_list, line.in_table, line.link_density, line.class_tokens,
                    line.ancestors, line.in_main)
        dom = shared.get(evidence)
        if dom is None:
            dom = shared[evidence] = DomEvidence(
                tag=line.tag,
                heading_level=line.heading,
                in_list=line.in_list,
                in_table=line.in_table,
                link_density=line.link_density,
                class_tokens=line.class_tokens,
                ancestors=line.ancestors,
                in_main=line.in_main,
            )
        pieces = _cap(line.text, offset, max_line_chars) if len(line.text) > max_line_chars else ((line.text, offset),)
        for piece, start in pieces:
            blocks.append(_prefill(new_block(len(blocks), piece, start, start + len(piece), number, number, dom)))
        offset += len(line.text) + 1
    return "\n".join(parts), blocks


def document_from_html(page: str, *, max_line_chars: int = 20_000) -> Document:
    """Render an HTML page into blocks with DOM evidence and metadata hints."""
    lines, hints = render(page)
    text, blocks = _blocks(lines, max_line_chars)
    return Document(text=text, blocks=tuple(blocks), kind="html", hints=hints)
