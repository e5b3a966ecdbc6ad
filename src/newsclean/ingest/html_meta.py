"""Metadata hints from a parsed page: ``<meta>``, ``<link>``, ``<title>``, JSON-LD, ``<time>``, ``<h1>``.

Every hint is a tuple of candidates, best first, in the keys :func:`newsclean.meta.scan` reads
(``title``, ``site_name``, ``url``, ``published``, ``author``). The fallback chains:

- title: candidates from og:title, JSON-LD headline, twitter:title, ``<h1>`` and ``<title>``, each
  with its site-name suffix removed; a candidate that another source agrees with comes first
  (``<h1>`` before og:title before JSON-LD before ``<title>`` among equals).
- site_name: og:site_name, JSON-LD publisher name, application-name.
- url: ``<link rel=canonical>``, og:url.
- published: article:published_time and similar meta names, JSON-LD datePublished, the first
  ``<time datetime>``.
- author: meta author / article:author (names, not URLs), JSON-LD author names.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import lru_cache

import regex
from lxml import etree

from ..meta import BYLINE_START, NUMERIC_DATE, SLASH_DATE, WORD_DATE, split_site_suffix
from .html_render import _DISPLAY_NONE, Line

_NOISE = regex.compile(r"[\s\p{P}\p{S}]+")
_URLISH = regex.compile(r"^(?:https?:)?//|^www\.|\.(?:com|org|net)/", regex.IGNORECASE)
_ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "report", "scholarlyarticle", "techarticle", "liveblogposting", "webpage")

_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "article.published", "published-date", "release_date", "og:published_time",
)
_AUTHOR_META = ("author", "article:author", "byl", "parsely-author", "dc.creator", "sailthru.author", "og:article:author")
_SITE_META = ("og:site_name", "application-name", "twitter:site")
_TITLE_META = ("og:title", "twitter:title", "title", "headline", "dc.title")


#: the ASCII characters ``_NOISE`` matches, derived from the pattern itself (so the two cannot drift)
_ASCII_NOISE = {code: None for code in range(128) if _NOISE.fullmatch(chr(code))}
_SPACES = regex.compile(r"\s+")
_BY_PREFIX = regex.compile(r"^by\s+", regex.IGNORECASE)


def _key(text: str) -> str:
    """The text without white space, punctuation and symbols, case-folded (for comparing titles).

    Speed: for ASCII text, deleting the noise characters one by one with ``str.translate`` gives
    the same string as the regular expression, several times faster.
    """
    if text.isascii():
        return text.translate(_ASCII_NOISE).casefold()
    return _NOISE.sub("", text).casefold()


def _clean(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def _jsonld_objects(data: object) -> Iterator[dict]:
    """Every dict inside a JSON-LD value (iteratively, depth-capped)."""
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > 20:
            continue
        if isinstance(value, dict):
            yield value
            for child in value.values():
                if isinstance(child, (dict, list)):
                    stack.append((child, depth + 1))
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in reversed(value))


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value[:5] for n in _names(item)]
    return []


def _is_type(obj: dict, names: tuple[str, ...]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.casefold() in names for k in kinds)


def _visible_text(el: etree._Element) -> str:
    parts: list[str] = []
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag in ("script", "style", "noscript") or _DISPLAY_NONE.search(node.get("style") or ""):
            continue
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tail:
                parts.append(child.tail)
    return _clean(" ".join(parts))


def collect_hints(root: etree._Element) -> dict[str, tuple[str, ...]]:
    meta: dict[str, list[str]] = {}
    titles: list[str] = []
    canonical: list[str] = []
    h1s: list[str] = []
    times: list[str] = []
    jsonld: list[dict] = []
    for el in root.iter("meta", "link", "title", "script", "h1", "time"):
        tag = el.tag
        if tag == "meta":
            name = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().casefold()
            content = _clean(el.get("content"))
            if name and content:
                meta.setdefault(name, []).append(content)
        elif tag == "link":
            rel = (el.get("rel") or "").casefold().split()
            if "canonical" in rel and el.get("href"):
                canonical.append(el.get("href").strip())
        elif tag == "title":
            if not titles and el.text and el.getparent() is not None and el.getparent().tag in ("head", "html"):
                titles.append(_clean(el.text))
        elif tag == "script":
            if (el.get("type") or "").strip().casefold() == "application/ld+json" and el.text and len(el.text) < 500_000:
                try:
                    jsonld.extend(o for o in _jsonld_objects(json.loads(el.text)) if isinstance(o, dict))
                except (ValueError, RecursionError):
                    pass
        elif tag == "h1":
            if len(h1s) < 5:
                text = _visible_text(el)
                if text:
                    h1s.append(text)
        elif tag == "time":
            if el.get("datetime") and len(times) < 3:
                times.append(el.get("datetime").strip())

    articles = [o for o in jsonld if _is_type(o, _ARTICLE_TYPES)]
    ld_headline = [h for o in articles for h in [o.get("headline") or o.get("name")] if isinstance(h, str)]
    ld_published = [d for o in articles for d in [o.get("datePublished") or o.get("dateCreated")] if isinstance(d, str)]
    ld_author = [n for o in articles for n in _names(o.get("author") or o.get("creator"))]
    ld_publisher = [n for o in articles for n in _names(o.get("publisher") or o.get("sourceOrganization"))]

    site_names = [v for k in _SITE_META for v in meta.get(k, []) if not v.startswith("@")] + ld_publisher
    hints: dict[str, tuple[str, ...]] = {}
    title_order = rank_titles(
        h1=h1s,
        og=meta.get("og:title", []),
        jsonld=[_clean(h) for h in ld_headline],
        twitter=meta.get("twitter:title", []),
        title=titles + meta.get("title", []),
        site_names=site_names,
    )
    if title_order:
        hints["title"] = tuple(title_order)
    raw = [t for t in titles[:1] + meta.get("og:title", [])[:1] + meta.get("twitter:title", [])[:1] + ld_headline[:1] if t]
    if raw:
        hints[RAW_TITLES] = tuple(_clean(t) for t in raw)
    site_names = [_clean(s) for s in site_names if _clean(s)]
    if site_names:
        hints["site_name"] = tuple(dict.fromkeys(site_names))
    urls = [u for u in canonical + meta.get("og:url", []) if u.startswith(("http://", "https://"))]
    if urls:
        hints["url"] = tuple(dict.fromkeys(urls))
    published = [v for v in [v for k in _PUBLISHED_META for v in meta.get(k, [])] + ld_published + times if v.strip()]
    if published:
        hints["published"] = tuple(dict.fromkeys(published))
    authors = [v for k in _AUTHOR_META for v in meta.get(k, [])] + ld_author
    authors = [_BY_PREFIX.sub("", _clean(a)) for a in authors]
    authors = [a for a in authors if a and not _URLISH.search(a) and len(a) <= 80]
    if authors:
        hints["author"] = tuple(dict.fromkeys(authors))
    return hints


RAW_TITLES = "_raw_titles"  # internal: the unstripped page titles, for matching against visible lines


def visible_headline(lines: Sequence[Line], raw_titles: Sequence[str], site_names: Sequence[str]) -> str | None:
    """The headline as the reader sees it: a line above (or just inside) the main content.

    Candidates are the lines up to eight past the first main-content paragraph. A line that the
    page's ``<title>`` / og:title contains (``<title>Two embassies cleared after incident -
    National - Example Advertiser</title>`` and a line ``Two embassies cleared after incident``)
    agrees with the metadata and wins; otherwise an ``<h1>``-``<h3>`` of three words or more
    (section names like ``World`` are shorter), or, on pages that style the headline without
    ``<hN>`` markup, a line above the content whose own element's class/id names a headline
    (``<span class="article_headline">``; not a date, byline or sentence). Skipped: the site's name or logo (a site name,
    a line the title holds only as its site part, an all-link heading the title does not
    contain) and lines repeated on the page. Past the window only an ``<h1>`` equal to a
    metadata title counts. Points: 3 for agreeing with the title (1 more for equalling a
    metadata title once its site name is stripped), 4 for an
    ``<h1>``, 2 for standing right above or at the start of the main content, 1 for an
    ``<h2>``/``<h3>`` (and for a class-marked line of three words or more on a page with no
    ``<h1>``-``<h3>`` in the window); ties go to the line nearer the main content, then the
    longer one.
    """
    titles = [k for k in (_key(t) for t in raw_titles if t) if k]
    heads = [_key(strip_site(t, list(site_names))) for t in raw_titles if t]
    # the longest part of a title cut at spaced separators: a line equal to it is the headline
    # and the other parts are the site's name, whichever side they stand ("example.com - Headline")
    mains = {k for k in (_key(_main_part(t)) for t in raw_titles if t) if k}
    sites = {_key(s) for s in site_names if s}
    end = next((i for i, ln in enumerate(lines) if ln.in_wide and ln.score > 15), len(lines))
    stop = min(len(lines), end + 8)
    # past the window only an <h1> that equals a metadata title (the main-content guess may
    # have started at an earlier block of prose: an intro box, a cookie notice)
    candidates = [(i, ln) for i, ln in enumerate(lines) if i < stop or ln.heading == 1]
    # a class-marked line counts as much as an <h2>/<h3> on pages with no <h1>-<h3> above the story
    headed = any(0 < line.heading <= 3 for line in lines[:stop])
    keys = [_key(line.text) for line in lines]  # computed once: counted over all lines, read by index
    counts: dict[str, int] = {}
    for k in keys:
        if len(k) <= 300:
            counts[k] = counts.get(k, 0) + 1
    best: tuple | None = None
    for index, line in candidates:
        text = line.text
        if len(text) > 300:
            continue
        k = keys[index]
        if len(k) < 4 or k in sites or counts.get(k, 0) > (4 if line.heading == 1 else 2) or _DOMAIN.match(text):
            continue
        agree = len(k) >= 5 and any(k in t and len(k) >= 0.3 * len(t) for t in titles)
        if agree and k not in mains and not any(k in h for h in heads) and all(len(k) < len(t) for t in titles):
            continue  # the title holds it only in its site-name part
        if index >= stop and (k not in heads and k not in mains or line.link_density >= 0.9):
            continue  # past the window: only the whole (stripped) metadata title, not a logo link
        level = line.heading
        # a line marked up as a headline by its class/id ("story-headline") but not as <hN>
        by_class = not level and _headline_class(line) and _headline_shaped(text) and len(text.split()) >= 3
        if not agree:
            if (not by_class and (not level or level > 3)) or line.link_density >= 0.9:
                continue
            if (by_class or level > 1) and index > end:
                continue  # a section heading inside the story, not its headline
            n_words = len(text.split())
            if (n_words < 3 and line.text.isascii() and not line.in_wide) or len(k) < 6 or n_words > 40:
                continue  # "Latest News", "World": section names above the content
        near = (line.in_wide or index >= end - 3) and abs(end - index) <= 8
        exact = agree and (k in heads or k in mains)  # the whole of a metadata title, once its site name is stripped
        points = 3 * agree + exact + 4 * (level == 1) + 2 * near + (level in (2, 3) or (by_class and not headed))
        rank = (points, -abs(end - index), len(k))
        if best is None or rank > best[0]:
            best = (rank, text)
    return strip_site(best[1], list(site_names)) if best else None


#: a spaced separator between a page title's parts (not ":", which headlines hold: "Review: A film")
_TITLE_PART_SEPARATOR = regex.compile(r"(?<!\s)\s++(?:[|｜丨\-–—·»/]|::)\s+")


def _main_part(title: str) -> str:
    """The part of ``title`` at least twice as long as all its other parts together, or "" when there is none.

    ``"example.com - Two embassies cleared after incident"`` → the headline;
    ``"World | Business"`` → "" (no part stands out).
    """
    parts = [p.strip() for p in _TITLE_PART_SEPARATOR.split(_clean(title))]
    if len(parts) < 2:
        return ""
    longest = max(parts, key=len)
    rest = sum(len(p) for p in parts) - len(longest)
    return longest if len(longest) >= 2 * rest and len(longest.split()) >= 3 else ""


#: a bare domain name ("example.com", "www.example.co.uk"): the site's logo text, never a headline
#: (a closed list of lower-case endings, so "Node.js" or "ASP.NET" stay possible headlines)
_DOMAIN = regex.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|biz|edu|gov|io|co|us|uk|ca|au|de|fr|in)$")


def _headline_class(line: Line) -> bool:
    """The line's own block, or an inline element it starts with, has a headline class/id."""
    return any(kind == "head" and pre >= line.owner for pre, kind, _ in line.marks)


_MONTH_DAY = regex.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", regex.IGNORECASE)


def _headline_shaped(text: str) -> bool:
    """Not a date, timestamp or byline, not a sentence, not a lead-in ending with a colon
    (the other lines a "title" class marks)."""
    if BYLINE_START.match(text) or len(text.split()) > 25 or text.rstrip().endswith((".", ":", "：")):
        return False
    return not (NUMERIC_DATE.search(text) or WORD_DATE.search(text) or SLASH_DATE.search(text) or _MONTH_DAY.search(text))


def strip_site(title: str, site_names: list[str]) -> str:
    """Remove a site-name prefix or suffix (known site name first, then the generic splitter)."""
    title = _clean(title)
    for site in site_names:
        site = _clean(site)
        if not site or len(site) >= len(title):
            continue
        head = _head_beside_site(title, site)
        if head:
            return head
    head = split_site_suffix(title)[0]
    return _split_pipes(head) if head == title else head


_PIPE = regex.compile(r"(?<!\s)\s++[|｜]\s+")  # (?<!\s), \s++: linear on long space runs


def _split_pipes(title: str) -> str:
    """``Headline | Section | Site`` → ``Headline``; ``Site | A longer headline here`` → the headline.

    Only spaced vertical bars (a headline rarely holds one): with three parts or more the first
    is the headline when it has three words or more; with two, a part of at most three words
    before a part at least twice as long is the site's name.
    """
    parts = _PIPE.split(title)
    if len(parts) >= 3 and len(parts[0].split()) >= 3:
        return parts[0].strip()
    if len(parts) == 2:
        first, second = len(parts[0].split()), len(parts[1].split())
        if first <= 3 and second >= 2 * first and second >= 3:
            return parts[1].strip()
    return title


def _head_beside_site(title: str, site: str) -> str:
    """The title's head before ``<head> | <site> ...`` or after ``<site> | <head>`` (stripped), or ""
    (see :func:`_site_patterns`: the first pattern whose head is not blank wins).

    Speed: compiling the two case-insensitive patterns costs about 1 ms per site name, and most
    pages bring a site name of their own. When title and site name are ASCII, ignoring case is
    comparing lower cases, so the site name's places in the title are found with ``str.find``, and
    three patterns compiled once check what lies before, after, and after a leading one (the same
    answer as :func:`_head_by_site_patterns`: ``tests/test_fast_paths.py`` compares the two on
    random titles).
    """
    if not (title.isascii() and site.isascii()):
        return _head_by_site_patterns(title, site)
    low_title, low_site = title.lower(), site.lower()
    # <head> | <site> ...: the shortest head over every place of the site name (the lazy head)
    heads = []
    at = low_title.find(low_site, 1)
    while at != -1:
        before = _BEFORE_SITE.match(title, 0, at)
        if before is not None and _AFTER_SITE.match(title, at + len(site)) is not None:
            heads.append(before["head"])
        at = low_title.find(low_site, at + 1)
    head = min(heads, key=len).strip() if heads else ""
    if head:
        return head
    # <site> | <head>
    if low_title.startswith(low_site):
        after = _HEAD_AFTER_SITE.match(title, len(site))
        if after is not None:
            return after["head"].strip()
    return ""


#: the parts of :func:`_site_patterns` around the site name: the title up to a place of the site
#: name (matched with that place as the end of the string), from its end, and after a leading one
#: (``\G``: only where the match is asked to start, so a search of it stays linear)
_BEFORE_SITE = regex.compile(r"^(?P<head>.+?)\s*(?:[|｜丨_\-–—·:»•/]|::)\s*\Z", regex.IGNORECASE)
_AFTER_SITE = regex.compile(r"(?:\s*(?:[|｜丨_\-–—·:»•/]).*)?$", regex.IGNORECASE)
_HEAD_AFTER_SITE = regex.compile(r"\G\s*(?:[|｜丨_\-–—·:»•/]|::)\s*(?P<head>.+)$", regex.IGNORECASE)


def _head_by_site_patterns(title: str, site: str) -> str:
    """:func:`_head_beside_site` by its definition: the per-site patterns, the first whose head is not blank."""
    for pattern in _site_patterns(site):
        match = pattern.match(title)
        if match and match["head"].strip():
            return match["head"].strip()
    return ""


@lru_cache(maxsize=256)
def _site_patterns(site: str) -> tuple[regex.Pattern, regex.Pattern]:
    """``<head> | <site> ...`` and ``<site> | <head>``, compiled once per site name."""
    return (
        regex.compile(r"^(?P<head>.+?)\s*(?:[|｜丨_\-–—·:»•/]|::)\s*" + regex.escape(site)
                      + r"(?:\s*(?:[|｜丨_\-–—·:»•/]).*)?$", regex.IGNORECASE),
        regex.compile(r"^" + regex.escape(site) + r"\s*(?:[|｜丨_\-–—·:»•/]|::)\s*(?P<head>.+)$", regex.IGNORECASE),
    )


def rank_titles(*, h1: list[str], og: list[str], jsonld: list[str], twitter: list[str], title: list[str],
                site_names: list[str]) -> list[str]:
    """Title candidates, best first: agreement between sources, then source preference."""
    sources: list[tuple[str, str, str]] = []  # (source, candidate, raw)
    for name, values in (("h1", h1[:3]), ("og", og[:1]), ("jsonld", jsonld[:1]), ("twitter", twitter[:1]), ("title", title[:1])):
        for raw in values:
            raw = _clean(raw)
            if not raw or len(raw) > 400:
                continue
            candidate = raw if name == "h1" else strip_site(raw, site_names)
            sources.append((name, candidate, raw))
    if not sources:
        return []
    preference = {"h1": 0, "og": 1, "jsonld": 2, "twitter": 3, "title": 4}
    scored = []
    for i, (name, candidate, raw) in enumerate(sources):
        key = _key(candidate)
        if not key:
            continue
        agree = set()
        for other, other_candidate, other_raw in sources:
            if other == name:
                continue
            if _key(other_candidate) == key:
                agree.add(other)
            elif len(key) >= 8 and key in _key(other_raw):
                agree.add(other)
        first_h1 = 0 if name != "h1" or candidate == sources[0][1] else 1
        scored.append((-len(agree), preference[name] + first_h1, i, candidate))
    scored.sort()
    h1_keys = {_key(c) for n, c, _ in sources if n == "h1"}
    ordered: list[str] = []
    for agree, _, _, candidate in scored:
        # A lone <h1> nobody agrees with is often the site logo: use it only after the metadata titles.
        if agree == 0 and _key(candidate) in h1_keys and len(sources) > len(h1_keys):
            continue
        ordered.append(candidate)
    ordered += [c for *_, c in scored if c not in ordered]
    return list(dict.fromkeys(ordered))
