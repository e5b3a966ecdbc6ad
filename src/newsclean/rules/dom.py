"""Rules that read DOM evidence (HTML input only; every rule here is a no-op on text dumps).

The HTML ingest records for each block its tag, ancestry, link density, boilerplate class/id
tokens and whether it lies in the main-content container. These rules turn that evidence into
verdicts; the text-track rules then judge what is left, exactly as for a text dump.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..blocks import Block
from ..meta import is_prose
from .base import Context, LineRule, Rule, Verdict
from .comment_section import CommentSection

CHROME_ANCESTORS = frozenset({"nav", "aside", "footer", "button"})
CAPTION_CLASSES = frozenset({"caption", "captions", "figcaption", "wp-caption-text", "credit", "credits",
                             "photo-credit", "image-credit", "imagecredit"})


@dataclass(frozen=True)
class MediaCaption(Rule):
    """Drops figure captions and image credits marked up as such.

    A ``caption`` class on more than 40% of the main content's paragraphs (of 10+ tokens) is a photo-blog's
    layout, not captions, and is then ignored (``<figcaption>`` always counts).
    Removes: ``<figcaption>The bridge at dusk. Photo: J. Doe</figcaption>``,
             ``<p class="wp-caption-text">Protesters on Monday.</p>``.
    Keeps:   ``<p>The bridge was opened at dusk, officials said.</p>`` (a paragraph outside any figure caption).
    """

    id = "media.caption"
    max_class_share: float = 0.4

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        main = [b for b in ctx.blocks if b.dom is not None and b.dom.in_main and b.size >= 10]
        if not main:
            by_class = True
        else:
            captioned = sum(1 for b in main if b.dom.class_tokens & CAPTION_CLASSES)  # type: ignore[union-attr]
            by_class = captioned <= 3 or captioned / len(main) <= self.max_class_share
        for block in ctx.undecided():
            dom = block.dom
            if dom is None:
                continue
            if "figcaption" in dom.ancestors or dom.tag == "figcaption":
                yield self.drop(block, "inside <figcaption>")
                continue
            hits = dom.class_tokens & CAPTION_CLASSES
            if hits and by_class:
                yield self.drop(block, f"class/id marks a caption or credit ({', '.join(sorted(hits))})")


@dataclass(frozen=True)
class DomChrome(LineRule):
    """Drops blocks inside nav/aside/footer/button elements or under boilerplate class/id tokens.

    Inside the main-content container only markup below the container's root counts, so a
    page-wide ``<body class="has-sidebar">`` or a container itself named ``content-main`` does not.
    Removes: ``<nav><li>World</li>…``, ``<div class="related-posts"><a>Another story</a></div>``.
    Keeps:   ``<article><p>The council voted on Tuesday…</p></article>``.
    """

    id = "dom.chrome"

    def judge(self, block: Block, ctx: Context) -> str | None:
        dom = block.dom
        if dom is None:
            return None
        tags = dom.ancestors & CHROME_ANCESTORS
        if tags:
            return f"inside <{'>, <'.join(sorted(tags))}>"
        if dom.class_tokens - CAPTION_CLASSES:
            return f"under boilerplate class/id ({', '.join(sorted(dom.class_tokens - CAPTION_CLASSES))})"
        return None


@dataclass(frozen=True)
class OutsideMain(LineRule):
    """Drops blocks outside the main-content container the ingest found.

    Removes: a teaser headline in the page's sidebar column, a footer address line.
    Keeps:   every paragraph inside the highest-scoring container (``<div class="story-body">``…).
    """

    id = "dom.outside_main"

    def judge(self, block: Block, ctx: Context) -> str | None:
        dom = block.dom
        if dom is None or dom.in_main:
            return None
        return "outside the main-content container"


@dataclass(frozen=True)
class LinkDensity(LineRule):
    """Drops blocks whose text is mostly link text (menus, teaser lists, tag clouds).

    Inside the main-content container a paragraph of running prose (15+ words, punctuated, with
    function words) is spared up to a density of 0.9: a story that links a source in every
    clause is still the story (menus and teaser titles are neither that long nor sentences).
    So is, below a density of 0.7, any line of 20+ words that is not a ``|``-separated row: a
    reference with its linked title and URL, an entry of a reading list or a deals post (a
    menu item or a teaser title is shorter; a pagination or tag row is separated by pipes).
    So is, below a density of 0.8, a list item (``<li>``) of 12+ words that is not a ``|`` row:
    an entry of the article's own list (a linked reference, a changelog entry, a product with
    its price), not a menu entry or a teaser title.
    Removes: ``<li><a>Politics</a></li>`` (link density 1.00).
    Keeps:   ``<p>The <a>report</a> was published on Monday by the ministry.</p>`` (density 0.10), and in
             the article ``<p><a>Analysts said</a> the <a>vote on the budget</a> would come <a>after the
             summer recess</a>, and <a>the ministry agreed</a>.</p>`` (density ≈ 0.8), and in the article
             ``<li>Doe, J.; Roe, K.; Poe, L. (2019). <a>Harbour Tides, Ferry Timetables, Northern Routes:
             Survey Results 2018-2019, Volume Two</a>. Harbour Press. Retrieved 3 March 2020.</li>``
             (20+ words, density ≈ 0.6, not a sentence), and in the article ``<li><a>Harbour Tides: ferry
             timetables for the northern routes</a>, survey results 2019</li>`` (12+ words, density ≈ 0.75).
    """

    id = "dom.link_density"
    max_density: float = 0.5
    #: inside the main container, running prose with links in it stays below this density
    max_prose_density: float = 0.9
    #: ...when it has at least this many words
    min_prose_words: int = 15
    #: inside the main container, any line of min_long_words+ words (not a "|" row) stays below this density
    max_long_density: float = 0.7
    min_long_words: int = 20
    #: inside the main container, a list item of min_item_words+ words (not a "|" row) stays below this density
    max_item_density: float = 0.8
    min_item_words: int = 12

    def judge(self, block: Block, ctx: Context) -> str | None:
        dom = block.dom
        if dom is None or dom.link_density < self.max_density:
            return None
        if (dom.in_main and dom.link_density < self.max_prose_density and block.n_words >= self.min_prose_words
                and is_prose(block)):
            return None  # a sentence of the story whose every other phrase links a source
        if (dom.in_main and dom.link_density < self.max_long_density and block.n_words >= self.min_long_words
                and block.text.count("|") < 3):
            return None  # a long entry of the article (a reference, a deal, a reading list), not a menu
        if (dom.in_main and dom.in_list and dom.link_density < self.max_item_density
                and block.n_words >= self.min_item_words and block.text.count("|") < 3):
            return None  # a list item of the article that is a sentence or a reference, not a menu entry
        return f"link density {dom.link_density:.2f} >= {self.max_density}"


@dataclass(frozen=True)
class EmptySection(Rule):
    """Drops a heading inside the main-content container whose whole section was removed.

    A sidebar column inside the container (archive menus, link lists, "Followers" boxes) keeps
    its section headings after its links go: each heading sits between kept paragraphs, so
    :class:`MainContent` would keep it. A heading (``<h1>``-``<h6>``) whose following blocks up
    to the next heading are all already removed heads nothing of the article.
    Removes: ``<h2>Archives</h2>`` followed only by dropped ``<li><a>May (5)</a></li>`` items.
    Keeps:   ``<h2>What happens next</h2>`` followed by a paragraph of the story, and a heading
             followed directly by another heading (a kicker above a title).
    """

    id = "dom.empty_section"

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        blocks = ctx.blocks
        for block in ctx.undecided():
            dom = block.dom
            if dom is None or not dom.in_main or not dom.heading_level:
                continue
            n = 0
            for nxt in blocks[block.index + 1:]:
                if nxt.dom is not None and nxt.dom.heading_level:
                    break
                if not ctx.is_dropped(nxt.index):
                    n = -1
                    break
                n += 1
            if n > 0:
                yield self.drop(block, f"heading of a section whose {n} block(s) were all removed")


@dataclass(frozen=True)
class MainContent(Rule):
    """Keeps the still-undecided blocks inside the main-content container, between its prose.

    Runs after the text-track chrome rules (bylines, share widgets, related lists…), so only
    what they left is kept: subheadings, short paragraphs and list items of the article. Short
    blocks before the first or after the last kept paragraph (player settings, font-size
    switches, like buttons) are left to the prose classifier and context smoothing, and so are
    short blocks inside a ``<form>`` of the container (the labels of a comment, e-mail-a-friend
    or newsletter form).
    Removes: nothing.
    Keeps:   the subheading ``<h2>What happens next</h2>`` between two paragraphs of the story;
             not ``<form><div>Your name</div><input>…</form>`` between them.
    """

    id = "dom.main_content"
    #: blocks this small at the edges of the article are not kept by this rule
    max_edge_size: int = 6
    #: ...and only once this many blocks of the container were kept as prose
    min_kept: int = 3
    #: blocks this small inside a <form> (field labels, a search box) are not kept by this rule
    max_form_size: int = 8

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        kept = [b.index for b in ctx.blocks if ctx.is_kept(b.index) and b.dom is not None and b.dom.in_main]
        first, last = (kept[0], kept[-1]) if kept else (-1, -1)
        for block in ctx.undecided():
            dom = block.dom
            if dom is None or not dom.in_main or ("form" in dom.ancestors and block.size <= self.max_form_size):
                continue
            if len(kept) >= self.min_kept and not first <= block.index <= last and block.size <= self.max_edge_size:
                continue
            yield self.keep(block, f"inside the main-content container (<{dom.tag or '?'}>)")


_THREAD = CommentSection(headings=False)
_SECTION = CommentSection()


def _thread_start(ctx: Context) -> int | None:
    """Where a comment thread without comment markup starts: the comment-section heading ("Have
    your say") nearest above a thread of comment headers ("… says:", author + time stamp), once
    the comment-section rule opens a section at or before it (a story's own "Comment" section
    further up is not the thread); None without such a thread."""
    thread = next((v.index for v in _THREAD(ctx)), None)
    if thread is None:
        return None
    first = next((v.index for v in _SECTION(ctx)), None)
    heading = next((b.index for b in reversed(ctx.blocks[:thread]) if _SECTION._strength(b) is not None), None)
    return heading if first is not None and heading is not None and first <= heading else None


@dataclass(frozen=True)
class MainProse(Rule):
    """Keeps running prose inside the main-content container before the text-track rules run.

    A paragraph the DOM places in the article body, with few links and no boilerplate markup,
    is the article even when its wording looks like chrome to a line-based rule (a section of
    the story headed "Comment", a sentence that starts with "Source:").
    Prose inside a ``<form>`` below the container's root (the notice of a comment or
    e-mail-this-story form) is left to the text rules (comment sections, disclaimers).
    So is the prose from a comment-section heading on (``Have your say``) when a thread of comment
    headers (``Posted by Sam on January 6, 2008 11:10 AM``, ``Sam says:``) follows it: a reader
    thread without comment markup inside the container. A story's own section headed
    ``Comment`` above the heading nearest the thread stays.
    Removes: nothing.
    Keeps:   ``<p>Most journalism is about distilling complex topics into chunks that people …</p>``
             inside the story container; not the same text under ``<div class="comments">``, nor
             ``<form><div>We never keep the address you give here on file after sending.</div></form>``.
    """

    id = "dom.main_prose"
    max_link_density: float = 0.3

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        thread = _thread_start(ctx) if any(b.dom is not None for b in ctx.blocks) else None
        for block in ctx.undecided():
            dom = block.dom
            if dom is None or not dom.in_main or dom.class_tokens or dom.ancestors & CHROME_ANCESTORS:
                continue
            if thread is not None and block.index >= thread:
                continue
            if "form" in dom.ancestors:
                continue  # a form's notice: the comment-section and disclaimer rules judge it
            if dom.link_density < self.max_link_density and is_prose(block):
                yield self.keep(block, f"prose inside the main-content container (<{dom.tag or '?'}>)")
