"""The comment section after an article: from its heading to the end of the page.

Comment threads read like prose, so the prose classifier alone would keep them. Once real prose
has been seen, a heading that opens a comment section ("274 Comments", "53 Responses to …",
"网友评论") ends the article: it and everything after it are dropped. Without a heading, a thread
is recognised by its comment headers: ``… says:`` lines, or a run of short lines that each carry
an author and a time stamp (``by Sam on Aug 9, 2012 12:33 AM``) with short replies between them,
or a run of replies that each end in a signature with a date and time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from ..blocks import Block, Document
from ..meta import NUMERIC_DATE, SLASH_DATE, WORD_DATE, is_prose
from ..textutil import SENTENCE_END, compile_alternation, fold, literal_finder
from ..vocab import COMMENT_ACTION_WORDS, COMMENT_SECTION_PHRASES, COMMENT_SECTION_WORDS
from .base import Context, Gate, Rule, Verdict

_WORDS = compile_alternation(COMMENT_SECTION_WORDS)
_HEADING = regex.compile(
    r"^[\s(（\[【#]*(?:\d[\d,.]*\s*(?:" + _WORDS + r")|(?:" + _WORDS + r")\s*[(（\[]?\s*\d[\d,.]*\s*[)）\]]?"
    r"|\d+\s+(?:responses?|thoughts|comments?|replies)\s+(?:to|on)\b.*|(?:" + _WORDS + r"))[\s:：»›>)）\]】]*$",
    regex.IGNORECASE,
)
_PHRASE = regex.compile(compile_alternation(COMMENT_SECTION_PHRASES), regex.IGNORECASE)
# The header of one comment: "Mary Ann Says:", "Jennifer said...", "Kevin said,", "by someone (12345) writes:";
# no comma before the verb ("As you may recall, the mayor writes:" introduces a quote in an article).
_ITEM = regex.compile(
    r"^(?:by\s++)?[^\n,]{1,60}?\s(?:says|said|wrote|writes|replied|responded)(?:\s+on\b[^\n]{0,40})?\s*(?::|,|\.\.\.|…)?\s*$",
    regex.IGNORECASE,
)
_PHRASE_IN = literal_finder(COMMENT_SECTION_PHRASES)  # a match needs one as a substring
# What a block must hold to be a section heading (_HEADING or _PHRASE) or a comment header (_ITEM).
_HEADING_GATE = Gate(words=tuple(fold(w) for w in (
    *COMMENT_SECTION_WORDS, *COMMENT_SECTION_PHRASES, "response", "thoughts", "comment", "replies")))
_ITEM_GATE = Gate(words=("says", "said", "wrote", "writes", "replied", "responded"))
# A time of day (12:33, 6:01:41) and what a comment header's stamp is made of besides the author.
_TIME = regex.compile(r"(?<![\d:：])\d{1,2}\s*[:：]\s*\d{2}(?:[:：]\d{2})?(?!\d)")
_STAMP_WORDS = frozenset(
    "at on by in posted published updated written wrote said says am pm a.m p.m edt est cdt cst mdt mst pdt pst "
    "gmt utc bst cet cest et ct mt pt today yesterday monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun jan feb mar apr may jun jul aug sep sept oct nov dec january "
    "february march april june july august september october november december".split()
)
# Links under or beside one comment; a dated line without a time needs one to be a comment header.
_ACTION_WORDS = frozenset(COMMENT_ACTION_WORDS)
_ACTION_IN = literal_finder(COMMENT_ACTION_WORDS) or (lambda folded: True)
_POST_FOOTER_WORDS = frozenset({"comment", "comments", "trackback", "trackbacks", "posted"})
_STAMP_WORD = regex.compile(r"[\p{L}][\p{L}'.\-]*")
#: a date without its year, as comment stamps give it beside a time: "5月16日 18:14", "05-16 18:14"
_YEARLESS_DATE = regex.compile(r"(?<!\d)\d{1,2}\s*月\s*\d{1,2}\s*日|(?<![\d-])\d{1,2}-\d{1,2}(?=\s*\d{1,2}\s*[:：]\d{2})")
#: a date with a two-digit year in dots or dashes, as comment stamps give it beside a time:
#: "07.19.12 at 08:00", "19-07-12 08:00" (a stamp needs the time as well: alone it may be a version number)
_SHORT_DATE = regex.compile(r"(?<![\d.\-/])\d{1,2}([.\-])\d{1,2}\1\d{2}(?![\d.\-/])")


@dataclass(frozen=True)
class CommentSection(Rule):
    """Drops a comment section: its heading and every block after it.

    Removes: ``274 Comments`` and the comments below it; ``53 Responses to “Some Post”``; with no
             heading, everything from the first of three or more ``Mary Ann Says:`` headers, or from
             the first of three or more nearby ``Posted by: Sam at March 3, 2021 4:26 PM`` headers
             (or ``Sam Green 03.03.21 at 16:26``: a two-digit year in dots, beside a time)
             with short replies between them, or of three or more replies signed at their end
             (``说得对。【网友甲】08-11 16:06``) after more prose than follows them.
    Keeps:   everything before the heading, and a heading-like ``Comments`` line before most of the
             prose (a bare word needs 20% of the page's text before it, a counted heading 1%: comment
             threads often outweigh the article twenty to one); bare time stamps of a live blog
             (``March 3, 2021 4:26 PM``); stamped posts of a blog index, each as long as the first;
             quote intros of an article (``As you may recall, the mayor writes:``).
    """

    id = "comments.section"
    min_prose_before: int = 40
    min_share_counted: float = 0.01
    min_share_bare: float = 0.2
    max_heading_size: int = 16
    #: Without a heading, this many comment headers ("… says:") open a section at the first one.
    min_items: int = 3
    min_prose_before_items: int = 15
    #: all the words of the two gates above, so that the pipeline's word scan looks for them
    gate = Gate(words=_HEADING_GATE.words + _ITEM_GATE.words)  # (both gates have words only)
    #: Time-stamped comment headers: at most this many blocks apart to count as one thread, and
    #: this many in a row; the thread starts at the first of them (the article's own dateline may
    #: be one) with this much text before it (blocks of 5+ tokens) and this many times the median
    #: reply (a blog index or a forum page has posts as long as the first one).
    max_stamp_gap: int = 8
    min_stamps: int = 3
    min_text_before_stamps: int = 40
    #: Replies signed at their end: at most this many blocks apart to count as one thread.
    max_signed_gap: int = 3
    min_article_to_reply: float = 5.0
    #: False: only threads recognised by their comment headers, not by a section heading (what
    #: dom.main_prose asks before keeping the container's prose)
    headings: bool = True

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        blocks = ctx.blocks
        if ctx.word_hits is not None:
            may_head = _HEADING_GATE.word_indices(ctx.word_hits)
            may_item = _ITEM_GATE.word_indices(ctx.word_hits)
        else:
            may_head = may_item = None
        stamps, median_reply = self._stamped_thread(ctx)
        signed, median_signed = self._signed_thread(ctx)
        if (may_head is not None and (not may_head or not self.headings) and len(may_item) < self.min_items
                and not stamps and not signed):
            return  # no heading (or headings not asked for), too few "… says:" headers and no stamped or signed thread: nothing to drop
        # Text mass: tokens in blocks of 10+ tokens not already dropped (menus and labels excluded).
        mass = [b.size if b.size >= 10 and not ctx.is_dropped(b.index) else 0 for b in blocks]
        prose = [b.size if is_prose(b) and not ctx.is_dropped(b.index) else 0 for b in blocks]
        total = sum(mass) or 1
        mass_before = 0
        items = [b.index for b in blocks if (may_item is None or b.index in may_item)
                 and b.size <= 14 and _ITEM.match(b.text) and not ctx.is_kept(b.index)]
        first_item = items[0] if len(items) >= self.min_items else None
        if signed and (not stamps or signed[0] < stamps[0]):
            stamps, median_reply = signed, median_signed
        # Signed replies look like a list of linked titles with dates (a "recent posts" box): the
        # article before them must hold running prose, and more of it than the page after them.
        min_prose = self.min_prose_before if stamps is signed else 0
        if stamps is signed:
            min_prose = max(min_prose, sum(prose[stamps[-1] + 1 :]))
        stamp_set = frozenset(stamps)
        # The article before a stamped thread: tokens of blocks of 5+ tokens not already dropped
        # (a story told in short lines has little "prose" but is still the article).
        text = [b.size if b.size >= 5 and not ctx.is_dropped(b.index) else 0 for b in blocks]
        text_before = 0
        before = 0
        for block in blocks:
            if block.index == first_item and before >= self.min_prose_before_items:
                yield self.drop(block, f"first of {len(items)} comment headers ('… says:') after {before} tokens of prose")
                for rest in blocks[block.index + 1 :]:
                    if ctx.labels[rest.index] is None:
                        yield self.drop(rest, f"inside the comment section that starts at line {block.line_start} ({len(items)} comment headers)")
                return
            if (block.index in stamp_set and text_before >= self.min_text_before_stamps and before >= min_prose
                    and text_before >= self.min_article_to_reply * median_reply
                    and (n := sum(1 for i in stamps if i >= block.index)) >= self.min_stamps):
                yield self.drop(block, f"first of {n} time-stamped comment headers (author + time, at most {self.max_stamp_gap} "
                                       f"blocks apart) after {text_before} tokens of text; median reply {median_reply} tokens")
                for rest in blocks[block.index + 1 :]:
                    if ctx.labels[rest.index] is None:
                        yield self.drop(rest, f"inside the comment thread that starts at line {block.line_start} ({n} time-stamped headers)")
                return
            strength = None if not self.headings or ctx.is_kept(block.index) or (may_head is not None and block.index not in may_head) \
                else self._strength(block)
            if strength is not None and before >= self.min_prose_before:
                share = mass_before / total
                needed = self.min_share_counted if strength == "counted" else self.min_share_bare
                if share >= needed:
                    heading = block.text.strip()[:60]
                    yield self.drop(block, f"comment-section heading after {before} tokens of prose ({share:.0%} of the page's text)")
                    for rest in blocks[block.index + 1 :]:
                        if ctx.labels[rest.index] is None:
                            yield self.drop(rest, f"inside the comment section opened by '{heading}' (line {block.line_start})")
                    return
            before += prose[block.index]
            mass_before += mass[block.index]
            text_before += text[block.index]

    def _stamped_thread(self, ctx: Context) -> tuple[list[int], int]:
        """The first run of time-stamped comment headers with replies between them, and the median
        reply size (tokens in blocks of 5+ tokens between two headers); ``([], 0)`` when there is none."""
        blocks = ctx.blocks
        stamps = [i for i in ctx.doc.derived("comments.stamps", _stamp_indices) if not ctx.is_kept(i)]
        run: list[int] = []
        for index in [*stamps, None]:
            if index is not None and run and index - run[-1] <= self.max_stamp_gap:
                run.append(index)
                continue
            if len(run) >= self.min_stamps:
                replies = [
                    [b for b in blocks[left + 1 : right] if b.size >= 5]
                    for left, right in zip(run, run[1:])
                ]
                answered = [any(b.ends_sentence for b in reply) for reply in replies]
                # The longest start of the run whose replies are at least half sentences: a list of
                # dated teasers (titles, no sentences) often follows the thread at a stamp's distance.
                for n in range(len(replies), self.min_stamps - 2, -1):
                    if 2 * sum(answered[:n]) >= n:
                        sizes = sorted(sum(b.size for b in reply) for reply in replies[:n])
                        return run[: n + 1], sizes[len(sizes) // 2]
            run = [index] if index is not None else []
        return [], 0

    def _signed_thread(self, ctx: Context) -> tuple[list[int], int]:
        """The first run of replies that each end in their author's signature and time stamp
        (``…说得对。【网友甲】08-11 16:06``), at most ``max_signed_gap`` blocks apart, and the median
        reply size; ``([], 0)`` when there is none."""
        blocks = ctx.blocks
        signed = [i for i in ctx.doc.derived("comments.signed", _signed_indices) if not ctx.is_kept(i)]
        run: list[int] = []
        for index in [*signed, None]:
            if index is not None and run and index - run[-1] <= self.max_signed_gap:
                run.append(index)
                continue
            if len(run) >= self.min_stamps:
                sizes = sorted(blocks[i].size for i in run)
                return run, sizes[len(sizes) // 2]
            run = [index] if index is not None else []
        return [], 0

    def _strength(self, block: Block) -> str | None:
        """'counted' for a heading with a number or a telling phrase, 'bare' for a lone word, else None."""
        if block.size <= self.max_heading_size and _HEADING.match(block.folded):
            return "counted" if any(ch.isdigit() for ch in block.folded) else "bare"
        if block.size <= 40 and _has_phrase(block.folded):
            return "counted"
        return None


def _stamp_indices(doc: Document) -> tuple[int, ...]:
    """The blocks that read as one comment's header (computed once per page: on an HTML page the
    section test runs up to three times, twice for ``dom.main_prose`` and once as the rule)."""
    return tuple(b.index for b in doc.blocks if is_comment_stamp(b))


def _signed_indices(doc: Document) -> tuple[int, ...]:
    """The blocks that read as a reply signed at its end (once per page, as above)."""
    return tuple(b.index for b in doc.blocks if is_signed_reply(b))


def _has_phrase(folded: str) -> bool:
    if _PHRASE_IN is not None and not _PHRASE_IN(folded):
        return False
    return _PHRASE.search(folded) is not None


# A reply's closing signature: a month-day (optionally with the year) and a time of day near
# the end of the block (``【网友甲】08-11 16:06 298字``, ``— Sam, 2021-03-03 16:26``).
_SIGNATURE = regex.compile(
    r"(?<!\d)(?:(?:19|20)\d{2}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:[T ]\s*)?\d{1,2}\s*[:：]\s*\d{2}(?!\d)"
)


def is_signed_reply(block: Block) -> bool:
    """A block of 5+ tokens whose last 40 characters hold a date and a time of day, after text."""
    if block.size < 5:
        return False
    tail = block.text[-40:]
    if ":" not in tail and "：" not in tail:
        return False  # no time of day (speed: most blocks end without a colon)
    match = _SIGNATURE.search(tail)
    return match is not None and (len(block.text) - len(tail) + match.start()) >= 4


def is_comment_stamp(block: Block) -> bool:
    """A short line with a time of day, a date or am/pm, and a word that is neither: the header of
    one comment (``Posted by: Sam at November 7, 2012 4:26 PM``, ``5月16日 18:14 举报 赞 回复``),
    not a bare time stamp (``5月16日 18:14``)."""
    if block.size > 20:
        return False
    text = block.text
    if block.n_sentence_punct > 1 and (
        "." not in text or sum(1 for ch in _SHORT_DATE.sub(" ", text) if ch in SENTENCE_END) > 1
    ):
        return False  # sentences, not a header (the dots of "07.19.12" do not count)
    timed = (":" in text or "：" in text) and _TIME.search(text) is not None
    if not timed and not _ACTION_IN(block.folded):
        return False
    if not (NUMERIC_DATE.search(text) or WORD_DATE.search(text)
            or (timed and (SLASH_DATE.search(text) or _YEARLESS_DATE.search(text) or _SHORT_DATE.search(text)))):
        return False
    rest = _TIME.sub(" ", SLASH_DATE.sub(" ", WORD_DATE.sub(" ", NUMERIC_DATE.sub(" ", text))))
    if timed:
        rest = _SHORT_DATE.sub(" ", _YEARLESS_DATE.sub(" ", rest))
    words = [w.casefold().rstrip(".") for w in _STAMP_WORD.findall(rest)]
    if timed:
        return any(w not in _STAMP_WORDS for w in words)
    # A dated line without a time: a comment's header when it carries a comment action link and
    # no comment count (``October 21, 2006 in Media | Permalink | Comments (5)`` closes a post).
    return any(w in _ACTION_WORDS for w in words) and not any(w in _POST_FOOTER_WORDS for w in words)
