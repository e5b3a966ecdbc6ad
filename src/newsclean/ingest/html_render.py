"""Event-driven rendering of HTML into lines with DOM evidence, and main-content scoring.

:class:`Renderer` receives ``start(tag, attrs)`` / ``data(text)`` / ``end(tag)`` events in
document order (from lxml's ``iterwalk`` or from the standard library's parser) and keeps only
stacks and counters, so any nesting depth is handled in one loop without recursion.

Main content: every rendered line adds a score to the block element that holds it, which
passes it up to its parent when it closes: prose lines add their size, link-heavy lines and
lines under boilerplate markup subtract theirs, short fragments subtract a little. The element
with the highest total is the main-content container; ``Line.in_main`` says whether a line
lies inside it. (The same idea as Readability's candidate scoring, computed bottom-up.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs

from ..textutil import CJK_CHAR

BLOCK_TAGS = frozenset(
    """p div li h1 h2 h3 h4 h5 h6 tr table ul ol dl dt dd section article header footer nav aside main
    form blockquote figure figcaption pre option center iframe address hr fieldset legend details summary
    caption thead tbody tfoot body html menu dir noscript hgroup frameset frame""".split()
)
SKIP_TAGS = frozenset(
    "script style noscript template svg math object embed head title select textarea iframe "
    "canvas audio video map applet datalist dialog input".split()
)
#: Ancestors worth recording as evidence.
SEMANTIC_TAGS = frozenset("nav aside footer header figure figcaption main article form blockquote address menu button".split())
CHROME_TAGS = frozenset({"nav", "aside", "footer", "button"})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
LIST_TAGS = frozenset({"li", "ul", "ol", "dl", "dt", "dd", "menu"})
TABLE_TAGS = frozenset({"table", "td", "th"})

#: the tag name the walkers give an ``<a>`` without ``href`` (a named anchor such as ``<a name="top">``,
#: often left unclosed around the rest of the page): it is not a link, so its text is not link text
NAMED_ANCHOR = "a-name"

#: a line with at least this share of link text counts against its container
LINK_HEAVY = 0.5

#: widening the container: look this many ancestors up for this much more prose, net score above -share × prose
WIDEN_LEVELS = 4
WIDEN_GAIN = 1.5
WIDEN_CHROME = 0.5
#: a winner holding at most this many lines is a passage (a paragraph, a blurb), not a container:
#: it widens to its nearest ancestor with more prose whatever chrome that ancestor holds
SMALL_WINNER_LINES = 3

#: ending the container with its story: a descendant holding this share of its score (and more
#: than SMALL_WINNER_LINES lines) ends it when the lines after it net at most NARROW_REST of their
#: prose and hold at least NARROW_BLURBS prose lines (a column of teaser blurbs), none scoring more
#: than NARROW_LINE of the descendant's score (a paragraph of the story)
NARROW_SHARE = 0.5
NARROW_REST = 0.7
NARROW_BLURBS = 5
NARROW_LINE = 0.25
#: ...the descendant being the smallest one whose score is at least this share of the best one's
NARROW_NEAR = 0.8
#: a column of teasers after a short story: the descendant holding the container's score holds at
#: least NARROW_BLURBS prose lines, this share of them right after a linked title, and the lines
#: before it hold at least TEASER_STORY tokens of prose (less, and the page is a directory whose
#: listing, after a line or two of introduction, is the content)
TEASER_SHARE = 0.75
TEASER_STORY = 100.0

#: the main-content container must collect at least this much prose (in tokens, net of chrome)
MIN_MAIN_SCORE = 40.0
#: ...and below this much, the page's only <article> element outweighs it (see Renderer._sole_article)
WEAK_MAIN_SCORE = 2 * MIN_MAIN_SCORE

#: regions that are chrome however much prose they hold (never treated as wrappers; their
#: lines count against a container): comment threads (also a comment box named in one lower-case
#: word, "commentbody", not split into "comment"), cookie-consent dialogs, pop-ups
STRICT_TOKENS = frozenset(
    "comment comments commentlist commentbody commenttext commentcontent commentarea commentthread disqus cookie cookies "
    "consent modal popup".split()
)
#: class/id tokens that mark page chrome (matched as whole tokens of the class/id value); the
#: strict tokens are among them.
BOILERPLATE_TOKENS = STRICT_TOKENS | frozenset(
    """nav navbar navigation menu menubar submenu breadcrumb breadcrumbs sidebar
    footer related recommend recommended recommendation recommendations share sharing sharebar sharetools
    social ad ads advert adverts advertisement advertising adsense
    sponsor sponsored promo newsletter subscribe subscription signup
    pagination pager trending popular mostread outbrain taboola toolbar login signin tagcloud
    bio authorbio biography
    authorbox author-box author_box authorinfo author-info author_info about-author about_author aboutauthor
    about-the-author
    widget-content widget-area widget-wrap""".split()
    # bio/author…: the author box under a story ("author-bio", "author_info"); widget-…: a
    # sidebar gadget's box (a story can sit in a "widget Blog" element, so not "widget" alone)
)
CAPTION_TOKENS = frozenset("caption captions figcaption credit credits wp-caption-text photo-credit image-credit imagecredit".split())
#: whole class words (not parts of one) that hide an element from readers
HIDDEN_CLASSES = frozenset(
    "hidden hide is-hidden d-none visually-hidden visuallyhidden sr-only screen-reader-text screenreader offscreen "
    "element-invisible u-hidden".split()
)

_SHOWN_AT = re.compile(r"^(?:[a-z0-9]+:)+(?:block|flex|grid|inline|inline-block|inline-flex|table|contents)$|^d-(?:sm|md|lg|xl|xxl)-(?:block|flex|grid|inline|inline-block|table)$")
_STATE_PREFIX = re.compile(r"^(?:no|has|with|without|hide|show|is|enable|disable|toggle|js)[-_]")
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SENTENCE_PUNCT = re.compile(r"[.!?。！？;；,，:：]")
_WORD = re.compile(r"[^\W\d_]{2,}|\d+")
#: _WORD on ASCII text: \w without digits and "_" is [A-Za-z] there, \d is [0-9]
_ASCII_WORD = re.compile(r"[A-Za-z]{2,}|[0-9]+")
#: class/id words that name a headline ("article_headline", "storyHeading", "entry-title", "title3");
#: evidence for :func:`newsclean.ingest.html_meta.visible_headline` only, never for dropping a line
#: (literal strings: a class/id value containing one of them, ignoring case)
_HEADLINE_CLASS_PARTS = (
    "headline", "heading", "title", "headtext", "head-text", "headertext", "header-text",
    *(f"{kind}{dash}head" for kind in ("story", "article", "post", "entry", "news") for dash in ("", "-")),
)
_NOT_HEADLINE_CLASS_PARTS = (
    "subtitle", "sub-title", "subhead", "sub-head", "widget", "sidebar", "section", "module", "blocktitle", "block-title",
    "nav", "menu",
)
_HEADLINE_CLASS = re.compile("|".join(map(re.escape, _HEADLINE_CLASS_PARTS)), re.IGNORECASE)
_NOT_HEADLINE_CLASS = re.compile("|".join(map(re.escape, _NOT_HEADLINE_CLASS_PARTS)), re.IGNORECASE)
#: the same tests on lower-cased ASCII values (an automaton: several times faster than the
#: case-insensitive alternations, which stay for values with other characters)
_HEADLINE_CLASS_IN = ahocorasick_rs.AhoCorasick(_HEADLINE_CLASS_PARTS).find_matches_as_indexes
_NOT_HEADLINE_CLASS_IN = ahocorasick_rs.AhoCorasick(_NOT_HEADLINE_CLASS_PARTS).find_matches_as_indexes


def _names_headline(value: str) -> bool:
    """The class/id value names a headline ("article_headline", "storyHeading", "entry-title"),
    not a subtitle or a widget's title."""
    if value.isascii():
        low = value.lower()
        return bool(_HEADLINE_CLASS_IN(low)) and not _NOT_HEADLINE_CLASS_IN(low)
    return _HEADLINE_CLASS.search(value) is not None and _NOT_HEADLINE_CLASS.search(value) is None


#: words of running text that name no page region: an id holding one of them among four or more
#: parts is a section anchor made from a heading ("sharing-with-a-single-developer"), not a region
_SLUG_FUNCTION_WORDS = frozenset("a an the and or of to in on for with from by is are how what why your".split())
_SLUG_SPLIT = re.compile(r"[-_]+")


def _is_heading_slug(ident: str) -> bool:
    parts = _SLUG_SPLIT.split(ident.lower())
    return len(parts) >= 4 and not _SLUG_FUNCTION_WORDS.isdisjoint(parts)


def class_tokens(value: str) -> set[str]:
    """``"post-share shareBar"`` → ``{"post", "share", "bar", "post-share", "sharebar"}``."""
    tokens: set[str] = set()
    for raw in value.split():
        tokens.update(_word_tokens(raw))
    return tokens


def _word_tokens(raw: str) -> tuple[str, ...]:
    """The class tokens of one whitespace-free class/id word (see :func:`class_tokens`)."""
    low = raw.lower()
    if _STATE_PREFIX.match(low):  # "no-sidebar", "has-comments": a page state, not a region
        return ()
    # Speed: _CAMEL only splits before an ASCII capital, and a word equal to its lower case has none.
    camel = low if raw == low else _CAMEL.sub("-", raw).lower()
    return (low, *(t for t in _TOKEN_SPLIT.split(camel) if t))


_MARKING_TOKENS = BOILERPLATE_TOKENS | CAPTION_TOKENS
_NO_TOKENS: frozenset[str] = frozenset()
#: finds a substring of a lower-cased class/id value that a marking token, a hiding class or a
#: headline class must contain (see :func:`_classify_attr`)
_ANY_MARKING_PART = ahocorasick_rs.AhoCorasick(
    sorted(_MARKING_TOKENS | HIDDEN_CLASSES | {"head", "title"}), implementation=ahocorasick_rs.Implementation.DFA
).find_matches_as_indexes


@lru_cache(maxsize=8192)
def _classify_word(raw: str) -> tuple[bool, frozenset[str]]:
    """(a hiding class, its boilerplate and caption tokens) of one whitespace-free class/id word.

    Speed: class words repeat across elements and pages far more than whole class + id values
    (ids are often unique), so the per-word answer is worth caching as well; and a word whose
    lower case holds no marking token or hiding class (each token is a substring of it, see
    :func:`_classify_attr`) is answered without tokenising it.
    """
    low = raw.lower()
    if not _ANY_MARKING_PART(low):
        return False, _NO_TOKENS
    hits = _MARKING_TOKENS.intersection(_word_tokens(raw))
    return low in HIDDEN_CLASSES, hits or _NO_TOKENS


@lru_cache(maxsize=4096)
def _classify_attr(value: str) -> tuple[bool, tuple[str, ...], tuple[str, ...], bool]:
    """(hidden, boilerplate tokens, caption tokens, names a headline) of a class + id value; cached.

    Built word by word from :func:`_classify_word`: ``class_tokens`` and the hiding test both
    look at one whitespace-separated word at a time, so this is the answer for the whole value.

    Speed: every class token is a substring of the lower-cased word it comes from, a hiding
    class is a whole lower-cased word, and a headline class holds "head" or "title"; so an ASCII
    value whose lower case contains none of those strings has no answer but "nothing" (about two
    values in three; ASCII only, because the headline patterns ignore case the Unicode way).
    """
    if value.isascii() and not _ANY_MARKING_PART(value.lower()):
        return _NOTHING_MARKED
    return _classify_words(value)


_NOTHING_MARKED: tuple[bool, tuple[str, ...], tuple[str, ...], bool] = (False, (), (), False)


def _classify_words(value: str) -> tuple[bool, tuple[str, ...], tuple[str, ...], bool]:
    """:func:`_classify_attr` by its definition, without the substring prefilter."""
    words = value.split()
    hidden = False
    hits: frozenset[str] = _NO_TOKENS
    for raw in words:
        hidden_word, word_hits = _classify_word(raw)
        hidden = hidden or hidden_word
        if word_hits:
            hits = hits | word_hits
    # "hidden md:block" / "d-none d-lg-flex": hidden only on small screens, shown on a desktop.
    if hidden:
        hidden = not any(_SHOWN_AT.match(w.lower()) for w in words)
    headline = _names_headline(value)
    if not hits:
        return hidden, (), (), headline
    return hidden, tuple(sorted(hits & BOILERPLATE_TOKENS)), tuple(sorted(hits & CAPTION_TOKENS)), headline


class TagKind:
    """Everything the renderer needs to know about a tag name, looked up once per element.

    Speed: one dict lookup in :data:`TAG_KINDS` replaces a dozen set-membership tests at every
    start and end event; the flags are derived from the tag sets above (the one source of truth).
    """

    __slots__ = ("skip", "block", "breaks", "cell", "semantic", "heading", "is_list", "is_table", "is_link",
                 "is_pre", "counted")

    def __init__(self, tag: str) -> None:
        self.skip = tag in SKIP_TAGS
        self.block = tag in BLOCK_TAGS
        self.breaks = tag == "br" or tag == "hr" or self.block  # ends the current line at its start
        self.cell = tag in ("td", "th")
        self.semantic = tag in SEMANTIC_TAGS
        self.heading = HEADINGS.get(tag, 0)
        self.is_list = tag in LIST_TAGS
        self.is_table = tag in TABLE_TAGS
        self.is_link = tag == "a"
        self.is_pre = tag == "pre"
        self.counted = bool(self.heading or self.is_list or self.is_table or self.is_link or self.is_pre)


#: the kind of every tag name the sets above mention; any other name has the kind of ``OTHER_KIND``
TAG_KINDS: dict[str, TagKind] = {
    tag: TagKind(tag)
    for tag in BLOCK_TAGS | SKIP_TAGS | SEMANTIC_TAGS | CHROME_TAGS | HEADINGS.keys() | LIST_TAGS | TABLE_TAGS
    | {"br", "hr", "td", "th", "a", "pre"}
}
OTHER_KIND = TagKind("")


@dataclass(slots=True)  # slots: one Line per rendered line, created in the hot loop
class Line:
    text: str
    tag: str
    heading: int
    in_list: bool
    in_table: bool
    link_density: float
    owner: int  # preorder number of the block element holding the line
    marks: tuple[tuple[int, str, str], ...]  # (preorder, kind, value) of marked open ancestors
    score: float
    in_main: bool = True
    #: inside the container before it was narrowed to the story (see Renderer._narrow): the
    #: headline finder reads this, so a headline above the story's own element stays "near" it
    in_wide: bool = True
    class_tokens: frozenset[str] = frozenset()
    ancestors: frozenset[str] = frozenset()


class Renderer:
    """Turns start/data/end events into :class:`Line` objects (see the module docstring)."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.link_chars = 0
        #: where the open line sits (block tag, heading, list, table, owner, marks); None while no
        #: line is open, when white space is ignored and a boundary has nothing to end
        self.snapshot: tuple | None = None
        self.pre = 0
        # frames of open elements: [tag, preorder, is_block, marked]
        self.stack: list[list] = []
        # open block elements: [preorder, score, last_preorder]
        self.blocks: list[list] = []
        self.scores: list[tuple[float, int, int, float]] = []  # (score, first, last, prose) of closed block elements
        self.articles: list[tuple[int, int]] = []  # (first, last) preorder of each closed <article>
        self.marks: list[tuple[int, str, str]] = []
        self.heading: list[int] = []
        self.n_list = 0
        self.n_table = 0
        self.n_link = 0
        self.n_pre = 0

    # ---- events ---------------------------------------------------------------------------------
    def start(self, tag: str, attrs, layout_cell: bool = False) -> bool:
        """Open an element; returns False when its subtree should be skipped (its end still comes).

        ``layout_cell``: a ``<td>``/``<th>`` holding block content or ``<br>`` (a page-layout
        cell) renders as its own lines; other cells of a row share one line, space-separated.
        ``attrs`` (a mapping or None) only matters when it holds class/id/style/hidden/aria-hidden.
        """
        kind = TAG_KINDS.get(tag, OTHER_KIND)
        self.pre += 1
        pre = self.pre
        skip = kind.skip
        marked = 0
        is_block = kind.block or layout_cell
        if not skip and attrs:
            hidden = attrs.get("hidden") is not None or attrs.get("aria-hidden") == "true"
            if not hidden:
                style = attrs.get("style")
                hidden = bool(style and ("none" in style or "hidden" in style) and _DISPLAY_NONE.search(style))
            cls = attrs.get("class")
            ident = attrs.get("id")
            if ident and _is_heading_slug(ident):
                ident = None  # "sharing-with-a-single-developer": a section anchor named after its heading
            if (cls or ident) and tag not in ("html", "body"):
                hidden_class, boiler, caption, headline = _classify_attr(f"{cls or ''} {ident or ''}")
                hidden = hidden or hidden_class
                for token in boiler:
                    self.marks.append((pre, "class", token))
                for token in caption:
                    self.marks.append((pre, "caption", token))
                if headline:  # kind "head": read by the headline finder, ignored as chrome evidence
                    self.marks.append((pre, "head", ""))
                marked += len(boiler) + len(caption) + headline
            if hidden:
                if is_block:
                    # A hidden block is marked, not skipped: script-revealed content (a streamed
                    # <div hidden> holding the whole article) is then kept as a wrapper.
                    self.marks.append((pre, "class", "hidden"))
                    marked += 1
                else:
                    skip = True  # "<span class='sr-only'>Share on</span>" inside a line
        if kind.breaks or is_block:
            if self.snapshot is not None:
                self._flush()
            elif self.parts:
                self.parts.clear()  # only cell spaces can be pending while no line is open
        elif kind.cell:
            self.parts.append(" ")
        if kind.semantic:
            self.marks.append((pre, "tag", tag))
            marked += 1
        self.stack.append((tag, kind, is_block, marked))
        if is_block:
            self.blocks.append([pre, 0.0, tag, 0.0])
        if kind.counted:
            if kind.heading:
                self.heading.append(kind.heading)
            if kind.is_list:
                self.n_list += 1
            if kind.is_table:
                self.n_table += 1
            if kind.is_link:
                self.n_link += 1
            if kind.is_pre:
                self.n_pre += 1
        return not skip

    def end(self, tag: str) -> None:
        """Close the innermost open element (``tag`` is informative: the open element's own is used)."""
        if not self.stack:
            return
        tag, kind, is_block, marked = self.stack.pop()
        if is_block:
            if self.snapshot is not None:
                self._flush()
            elif self.parts:
                self.parts.clear()  # only cell spaces can be pending while no line is open
            pre, score, _, prose = self.blocks.pop()
            self.scores.append((score, pre, self.pre, prose))
            if tag == "article":
                self.articles.append((pre, self.pre))
            if self.blocks:
                self.blocks[-1][1] += score
                self.blocks[-1][3] += prose
        elif kind.cell:
            self.parts.append(" ")
        if marked:
            del self.marks[-marked:]
        if kind.counted:
            if kind.heading and self.heading:
                self.heading.pop()
            if kind.is_list:
                self.n_list -= 1
            if kind.is_table:
                self.n_table -= 1
            if kind.is_link:
                self.n_link -= 1
            if kind.is_pre:
                self.n_pre -= 1

    def data(self, text: str) -> None:
        if self.n_pre:
            pieces = text.replace("\r\n", "\n").split("\n")
            for i, piece in enumerate(pieces):
                if i:
                    self._flush()
                self._add(piece)
            return
        # Speed: the common case of _add inlined (one call per text node instead of two).
        if self.snapshot is None:
            if not text or text.isspace():
                return
            self._open_line()
        self.parts.append(text)
        if self.n_link:
            self.link_chars += len(text.strip())

    # ---- lines ----------------------------------------------------------------------------------
    def _add(self, text: str) -> None:
        if not text:
            return
        if self.snapshot is None:
            if text.isspace():
                return
            self._open_line()
        self.parts.append(text)
        if self.n_link:
            self.link_chars += len(text.strip())

    def _open_line(self) -> None:
        """Record where the line that the next text starts sits in the document."""
        self.snapshot = (
            self.blocks[-1][2] if self.blocks else "",
            self.heading[-1] if self.heading else 0,
            self.n_list > 0,
            self.n_table > 0,
            self.blocks[-1][0] if self.blocks else 0,
            tuple(self.marks),
        )

    def _flush(self) -> None:
        if self.snapshot is None:
            self.parts.clear()
            self.link_chars = 0
            return
        joined = "".join(self.parts)
        text = " ".join(joined.split()) if not self.n_pre else joined.strip()
        snap = self.snapshot
        self.parts.clear()
        self.snapshot = None
        link_chars, self.link_chars = self.link_chars, 0
        if not text:
            return
        density = min(1.0, link_chars / len(text))
        comment = chrome = False
        for _, kind, value in snap[5]:  # one pass over the marks instead of two any() generators
            if kind == "class":
                chrome = True
                if value in STRICT_TOKENS:
                    comment = True
                    break  # both answers are known
            elif value in CHROME_TAGS:
                chrome = True
        score = _line_score(text, density, comment, chrome, self.n_pre > 0)
        if self.blocks:
            self.blocks[-1][1] += score
            if score > 0:
                self.blocks[-1][3] += score
        self.lines.append(Line(text, snap[0], snap[1], snap[2], snap[3], density, snap[4], snap[5], score))

    def finish(self) -> list[Line]:
        """Close everything, pick the main-content container and mark each line."""
        while self.stack:
            self.end(self.stack[-1][0])
        self._flush()
        best = max(self.scores, default=None)
        if best is None or best[0] < MIN_MAIN_SCORE:
            # No container stands out: every line counts as main content, and only markup that
            # does not wrap most of the page is evidence (an ASP.NET <form> or a site-wide
            # <div id="menu-wrapper"> around everything says nothing about a line).
            wrappers = self._wrappers()
            memo: dict[tuple, tuple[frozenset[str], frozenset[str]]] = {}
            for line in self.lines:
                evidence = memo.get(line.marks)
                if evidence is None:
                    evidence = memo[line.marks] = _evidence(line.marks, 0, None, wrappers)
                line.class_tokens, line.ancestors = evidence
            return self.lines
        top, first, last, prose = best
        if top < WEAK_MAIN_SCORE:
            first, last = self._sole_article(first, last)
        # The article is sometimes split (a lead paragraph in its own box above the body): widen
        # to a near ancestor that holds much more prose, unless chrome outweighs it there. A
        # winner holding a single line is a paragraph, not a container: its nearest ancestor with
        # more prose is taken even where link lists outweigh that prose (a list article). So is a
        # winner of two or three lines (a newsletter box above a post whose comments sink it).
        small = sum(1 for line in self.lines if first <= line.owner <= last) <= SMALL_WINNER_LINES
        for score, a_first, a_last, a_prose in sorted(
            (e for e in self.scores if e[1] < first and e[2] >= last), key=lambda e: e[1], reverse=True
        )[:WIDEN_LEVELS]:
            if a_prose >= WIDEN_GAIN * prose and (small or score >= -WIDEN_CHROME * a_prose):
                first, last, prose = a_first, a_last, a_prose
                small = False
        wide_first, wide_last = first, last
        first, last = self._narrow(first, last)
        # A marked element that holds much of the main prose is a wrapper, not chrome
        # (<div class="content-with-ads">, <div id="article-sidebar-layout">).
        heavy = frozenset(pre for score, pre, _, _ in self.scores if score >= 0.5 * top)
        # Speed: the lines of one element share their marks, so each distinct (marks, inside) is
        # worked out once (and the lines share the frozensets, which then hash once downstream).
        memo: dict[tuple, tuple[frozenset[str], frozenset[str]]] = {}
        for line in self.lines:
            inside = first <= line.owner <= last
            line.in_main = inside
            line.in_wide = wide_first <= line.owner <= wide_last
            key = (line.marks, inside)
            evidence = memo.get(key)
            if evidence is None:
                evidence = memo[key] = _evidence(line.marks, first, last if inside else None, heavy)
            line.class_tokens, line.ancestors = evidence
        return self.lines

    def _narrow(self, first: int, last: int) -> tuple[int, int]:
        """The container up to the end of its story when what follows the story is a sidebar.

        A page wrapper holding the story followed by a column of teaser blurbs, link lists and
        archive menus can out-score the story's own element by the blurbs' prose. When one
        element holds most of the container's score and the lines after it are several short
        prose blurbs that their chrome nearly cancels, the container ends with that element.
        What comes before it (a lead paragraph in a box of its own, the headline) stays. Of the
        elements holding most of the score, the smallest with at least NARROW_NEAR of the best
        one's score is taken: the story's own element, not a box holding it and a few blurbs.
        """
        outer = next((e for e in self.scores if e[1] == first and e[2] == last), None)
        if outer is None or outer[0] < MIN_MAIN_SCORE:
            return first, last  # a container widened over chrome: its score says nothing here
        inside = [line for line in self.lines if first <= line.owner <= last]
        candidates = []
        for score, e_first, e_last, _ in self.scores:
            if not first < e_first <= last or score < NARROW_SHARE * outer[0]:
                continue
            n_lines = sum(1 for line in inside if e_first <= line.owner <= e_last)
            if n_lines > SMALL_WINNER_LINES:
                candidates.append((score, e_first, e_last, n_lines))
        if not candidates:
            return first, last
        top = max(c[0] for c in candidates)
        cut = self._teaser_column(inside, max(candidates, key=lambda c: (c[0], -c[1])))
        if cut is not None:
            return first, cut
        # the story's own element: the smallest candidate holding nearly the best one's score
        # (the best can be a box holding the story and a few sponsor blurbs after it)
        best = min((c for c in candidates if c[0] >= NARROW_NEAR * top), key=lambda c: (c[3], -c[0]))
        tail = [line.score for line in inside if line.owner > best[2]]
        blurbs = [score for score in tail if score > 0]
        if (len(blurbs) < NARROW_BLURBS or max(blurbs) > NARROW_LINE * best[0]
                or sum(tail) > NARROW_REST * sum(blurbs)):
            return first, last
        return first, best[2]

    def _teaser_column(self, inside: list[Line], best: tuple[float, int, int, int]) -> int | None:
        """Where a short story ends when the element holding most of the container's score comes
        after it and is a column of teasers (each prose blurb right after its linked title).

        A story of three paragraphs followed by a box of "compare these cars" teasers, each a
        linked title and a blurb, loses the score to the box; the container then ends before the
        box. The story must hold TEASER_STORY tokens of prose: a directory's line or two of
        introduction above its listing is not a story. A listicle's items (a heading that is not a
        link, then its paragraph) are not teasers.
        """
        _, e_first, e_last, _ = best
        before = [line for line in inside if line.owner < e_first]
        if sum(line.score for line in before if line.score > 0) < TEASER_STORY:
            return None
        previous = None
        blurbs = teased = 0
        for line in inside:
            if e_first <= line.owner <= e_last and line.score > 0:
                blurbs += 1
                if previous is not None and previous.link_density >= LINK_HEAVY and previous.score < 0:
                    teased += 1
            previous = line
        if blurbs < NARROW_BLURBS or teased < TEASER_SHARE * blurbs:
            return None
        return e_first - 1

    def _sole_article(self, first: int, last: int) -> tuple[int, int]:
        """The page's only ``<article>`` when the (weak) best-scoring container lies wholly outside it.

        A short post (two lines, no prose) scores below a sidebar's few teaser paragraphs; the
        page's single ``<article>`` element is then better evidence than the scores. Only called
        when the best score is below ``WEAK_MAIN_SCORE``: a strong container outside a lone
        ``<article>`` that holds just the title and tags is the real body.
        """
        if len(self.articles) != 1:
            return first, last
        a_first, a_last = self.articles[0]
        if last < a_first or first > a_last:
            if any(a_first <= line.owner <= a_last for line in self.lines):
                return a_first, a_last
        return first, last

    def _wrappers(self) -> frozenset[int]:
        """Preorder numbers of marked elements holding more than half of the page's lines."""
        counts: dict[int, int] = {}
        for line in self.lines:
            for pre, _, _ in line.marks:
                counts[pre] = counts.get(pre, 0) + 1
        half = len(self.lines) / 2
        return frozenset(pre for pre, n in counts.items() if n > half)


def _evidence(marks, first: int, last: int | None, wrappers: frozenset[int]) -> tuple[frozenset[str], frozenset[str]]:
    """Class tokens and semantic ancestors; inside the main container only those below its root count."""
    classes: set[str] = set()
    tags: set[str] = set()
    for pre, kind, value in marks:
        if last is not None and not first < pre <= last or (pre in wrappers and value not in STRICT_TOKENS):
            continue
        if kind == "tag":
            tags.add(value)
        elif kind != "head":
            classes.add(value)
    return frozenset(classes), frozenset(tags)


def _line_score(text: str, density: float, comment: bool, chrome: bool, pre: bool = False) -> float:
    """Prose adds its size (less its link share); link lists, fragments and comments subtract."""
    if text.isascii():  # the common case, with the ASCII form of _WORD (same matches, faster)
        n_cjk = 0
        size = len(_ASCII_WORD.findall(text)) if len(text) >= 2 else 0  # (n_cjk < len(text) // 2 below)
    else:
        n_cjk = len(CJK_CHAR.findall(text))
        size = n_cjk + (len(_WORD.findall(text)) if n_cjk < len(text) // 2 else 0)
    if comment or density >= LINK_HEAVY:
        return -float(min(size, 40))
    if pre:  # hard-wrapped lines of a <pre> document
        return size * 0.5
    prose = (n_cjk >= 15 or size >= 12) and _SENTENCE_PUNCT.search(text) is not None
    if prose:
        return size * (1.0 - density)
    return -1.0 if chrome else -0.3
