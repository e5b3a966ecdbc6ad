"""Metadata lines: the headline line, permalink lines, source lines, bylines, dates and counts.

Their content is captured by :mod:`newsclean.meta` before these rules drop the lines, so the
value survives in the Article while the line leaves the body.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from ..blocks import Block
from ..meta import COMPILED_LINE, NUMERIC_DATE, RELATIVE_DATE, WORD_DATE
from ..textutil import fold, literal_finder
from ..vocab import AUTHOR_ROLE_WORDS, CATEGORY_WORDS, COMPILED_FROM, COUNT_WORDS, EDITOR_LABELS, SOURCE_LABELS
from .base import Context, Gate, LineRule, Rule, Verdict, compile_alternation
from .quality import GOOD, classify


@dataclass(frozen=True)
class HeadlineLine(Rule):
    """Drops the line that became ``Article.headline`` and later lines that repeat it.

    Removes: ``会谈2小时40分钟后,特朗普和普京未达成协议|界面新闻 · 天下`` (the title line).
    Keeps:   a body paragraph that merely mentions words of the headline.
    """

    id = "meta.headline"

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        meta = ctx.meta
        if meta.headline_index is not None:
            yield self.drop(ctx.blocks[meta.headline_index], "title line; moved to Article.headline")
        if not meta.headline:
            return
        target = fold(meta.headline).strip()
        # both tests below need the target in the block (a C substring search; a list comprehension
        # runs it without a generator step per block)
        for block in [b for b in ctx.undecided() if target in b.folded]:
            folded = block.folded.strip()
            if folded == target or (folded.startswith(target) and len(folded) - len(target) <= 30 and block.size <= 80):
                yield self.drop(block, f"repeats the headline (line {block.line_start})")


@dataclass(frozen=True)
class PermalinkLine(Rule):
    """Drops permalink lines (their title and URL were captured as metadata).

    Removes: ``本文链接:某标题http://example.com/a.html``
    Keeps:   ``The report is available at https://example.org/report.pdf, the ministry said.``
    """

    id = "meta.permalink"

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        index = ctx.meta.permalink_index
        if index is not None:
            yield self.drop(ctx.blocks[index], "permalink line; title and URL captured as metadata")


_SOURCE_START = regex.compile(r"^[\s(（【\[]*(?:" + compile_alternation(SOURCE_LABELS) + r")\s*[:：]", regex.IGNORECASE)


#: The words of RELATIVE_DATE's alternatives that hold no digit.
_RELATIVE_DATE_WORDS = ("刚刚", "昨天", "前天", "yesterday")
_DIGIT = regex.compile(r"\d")


@dataclass(frozen=True)
class SourceLine(LineRule):
    """Drops short source-attribution lines (``来源: X``, ``X综合Y``, ``Source: X``, the bare source name).

    Removes: ``来源:央视新闻``
    Keeps:   ``来源于民间的说法认为，这座桥建于明代，后来多次重修。`` (a body sentence starting with 来源).
    """

    id = "meta.source_line"
    max_size: int = 30
    # A drop needs a source label or a compiled-from word, or the line to be the page's source name.
    gate = Gate(words=tuple(fold(w) for w in SOURCE_LABELS), literals=COMPILED_FROM)

    def candidates(self, ctx: Context) -> Iterable[Block]:
        names = self._names(ctx)
        if not names or ctx.word_hits is None or self.gate is None:
            return super().candidates(ctx)
        by_word = self.gate.word_indices(ctx.word_hits)
        return (b for b in ctx.undecided() if b.index in by_word or b.folded.strip(" ()（）") in names)

    @staticmethod
    def _names(ctx: Context) -> set[str]:
        return {fold(n) for n in (ctx.meta.source, ctx.meta.site_suffix) if n}

    def judge(self, block: Block, ctx: Context) -> str | None:
        if block.size > self.max_size:
            return None
        if _SOURCE_START.match(block.folded):
            return f"source attribution line ({block.size} tokens)"
        if ctx.meta.body_start is not None and block.index > ctx.meta.body_start and COMPILED_LINE.match(block.text.strip()):
            return "compiled-from attribution line after the body starts"
        if block.folded.strip(" ()（）") in self._names(ctx):
            return "line is only the page's source name"
        return None


_DATE_ONLY = regex.compile(
    r"^[\s(（\[]*(?:(?:发布|更新|发表|时间|日期|posted|published|updated|last updated|on)\s*(?:时间|于|on)?\s*[:：]?\s*)?"
    r"(?:" + NUMERIC_DATE.pattern + r"|" + WORD_DATE.pattern + r")",
    regex.IGNORECASE,
)
_LABEL_WORDS = EDITOR_LABELS + ("作者", "撰文", "记者", "通讯员", "摄影", "文", "原标题", "编译", "by")
_LABELLED = regex.compile(r"^[\s(（【\[]*(?:" + compile_alternation(_LABEL_WORDS) + r")\s*[:：/|]", regex.IGNORECASE)
_BYLINE_EN = regex.compile(r"^(?:by|written by|posted by|reported by)\s+\p{Lu}[\p{L}.'\-]*(?:\s+\p{Lu}[\p{L}.'\-]*){0,4}\b", regex.IGNORECASE)
_COUNT = regex.compile(r"(?:" + compile_alternation(COUNT_WORDS) + r")\s*+[:：(（]?\s*+\d|(?<![\d,.])\d[\d,.]*+\s*+(?:" + compile_alternation(COUNT_WORDS) + r")", regex.IGNORECASE)
_CATEGORY = regex.compile(compile_alternation(CATEGORY_WORDS), regex.IGNORECASE)
_CATEGORY_IN = literal_finder(CATEGORY_WORDS)  # a match needs one as a substring


@dataclass(frozen=True)
class MetaLine(LineRule):
    """Drops short byline / date / view-count / category lines.

    Removes: ``admin4天前未分类7``, ``2025-08-26 07:50:29``, ``责任编辑:张三``, ``By Jane Doe``.
    Keeps:   ``2022年2月24日,因北约东扩及顿巴斯冲突,普京宣布开展“特别军事行动”。`` (a sentence with a date).
    """

    id = "meta.byline"
    max_size: int = 24
    # Labels, category words and digit-free relative dates are words; dates and counts need a digit
    # (the byline pattern needs "by", one of the label words).
    gate = Gate(
        words=tuple(fold(w) for w in (*_LABEL_WORDS, *CATEGORY_WORDS, *_RELATIVE_DATE_WORDS)),
        pattern=_DIGIT,
    )

    def judge(self, block: Block, ctx: Context) -> str | None:
        if block.size > self.max_size or block.n_sentence_punct > 1:
            return None
        folded = block.folded
        if _LABELLED.match(folded):
            return "byline/editor label line"
        if block.size <= 16 and _DATE_ONLY.match(folded):
            return "date/time line"
        if block.size <= 12 and RELATIVE_DATE.search(folded):
            return "relative-date meta line"
        if block.n_words <= 8 and not block.ends_sentence and _BYLINE_EN.match(block.text):
            return "byline"
        if block.size <= 12 and _COUNT.search(folded):
            return "view/comment count line"
        if block.size <= 12 and (_CATEGORY_IN is None or _CATEGORY_IN(folded)) and _CATEGORY.search(folded):
            return "category/tag line"
        return None


_ROLE = compile_alternation(AUTHOR_ROLE_WORDS)
_NAME = r"(?:\p{Lu}[\p{L}’'.\-]*\s+)"
# "Jane Doe is a freelance writer …", "Dr. Jane Doe has been the editor …": a name of two or three
# capitalised words (not a "Mr Smith" of a news story), then a role in the same sentence.
_BLURB_THIRD = regex.compile(
    r"^(?:Dr\.?\s+)?(?!(?:Mr|Mrs|Ms)\.?\s)" + _NAME + r"{2,3}(?:is|has been|serves as|works as)\s+(?:a|an|the)\s"
    r"(?:(?!\.\s)[^;:])*?\b(?i:" + _ROLE + r")s?\b"
)
# "Jane is a freelance writer based in Springfield. She …": a first name alone, when the next
# sentence goes on about the person ("Python is an open-source language." is not a blurb).
_BLURB_ONE_NAME = regex.compile(
    r"^(?!(?:The|This|That|It|There|Here|What|Why|How|Who)\b)\p{Lu}[\p{L}’'\-]+\s+(?:is|has been)\s+(?:a|an|the)\s"
    r"(?:(?![.!?]\s)[^;:])*?\b(?i:" + _ROLE + r")s?\b[^.!?]*[.!?]\s+(?:He|She|His|Her|They|Their)\b"
)
# "I'm Jane Doe, a freelance writer …"
_BLURB_FIRST = regex.compile(
    r"^(?:I am|I'm|I’m)\s+" + _NAME + r"{0,2}\p{Lu}[\p{L}’'.\-]*,\s*(?:a|an|the)\s(?:(?!\.\s)[^;:])*?\b(?i:" + _ROLE + r")"
)


@dataclass(frozen=True)
class AuthorBlurb(Rule):
    """Drops an author's blurb at the end of the page: a paragraph that opens by describing a named
    person's job, after most of the page's prose.

    Removes: ``Jane Doe is a freelance writer based in Springfield. She covers parks and transport.``
             (after the story); ``Jane is a freelance writer … She …`` (a first name alone, with
             the next sentence about the person).
    Keeps:   ``Mr Smith is a retired engineer who has lived on the street for forty years.`` (a news
             story's own sentence), and any blurb-like paragraph before ``min_position`` of the prose.
    """

    id = "meta.author_blurb"
    #: share of the page's prose (tokens of prose paragraphs not dropped) that must come before it
    min_position: float = 0.7
    max_size: int = 150

    def __call__(self, ctx: Context) -> Iterable[Verdict]:
        blocks, labels = ctx.blocks, ctx.labels
        prose = [0] * len(blocks)
        for block in blocks:
            label = labels[block.index]
            if (label.keep if label is not None else classify(block).klass == GOOD):
                prose[block.index] = block.size
        total = sum(prose)
        if not total:
            return
        before = 0
        for block in blocks:
            share = before / total
            before += prose[block.index]
            if labels[block.index] is not None or block.is_cjk or block.size > self.max_size or share < self.min_position:
                continue
            if _BLURB_THIRD.match(block.text) or _BLURB_FIRST.match(block.text) or _BLURB_ONE_NAME.match(block.text):
                yield self.drop(block, f"author blurb: a named person's job described after {share:.0%} of the page's prose")
