"""newsclean vs trafilatura on the ``html`` field of the dev set, side by side in one run.

    python benchmarks/html_vs_trafilatura.py               # every dev page (a few minutes: trafilatura is slow)
    python benchmarks/html_vs_trafilatura.py --limit 200   # an evenly spaced sample of 200 pages
    python benchmarks/html_vs_trafilatura.py --json rows.json --worst 20
    python benchmarks/html_vs_trafilatura.py --trafilatura-cache /work/nc_tmp/html/trafilatura.json

For each page both extractors run on the same HTML string: ``newsclean.clean(html,
format="html")`` and ``trafilatura.bare_extraction(html)`` with default settings. Reported per
language group (CJK / non-CJK): mean token F1 of the body against ``gold_body`` (scorer in
``benchmarks/evalkit.py``), headline exact match on pages that have a ``gold_title``, and docs/s
of each extractor (wall time spent inside that extractor only, same process, same machine).
A page an extractor rejects or fails on scores 0 and counts in its time.

trafilatura's default ``bare_extraction`` does not extract metadata (``with_metadata=False``),
so its headline column comes from a second call, ``trafilatura.extract_metadata(html).title``,
made outside the timed region; its docs/s are those of the default body extraction.

``--trafilatura-cache PATH`` (for iterating on newsclean only): trafilatura's output does not
change between runs, so its per-page (body, title, seconds, status) is stored in a JSON file,
keyed by page id + sha1 of the html, and reused on later runs; pages missing from the file are
run and added. Its docs/s then come from the stored seconds (measured when the entry was made,
under whatever load the machine had then). Without the option every run measures both
extractors side by side.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evalkit import DEFAULT_DEV, evenly_spaced, f1, headline_exact, is_cjk, summarise  # noqa: E402

import newsclean  # noqa: E402


def _trafilatura(html: str) -> tuple[str, str | None]:
    from trafilatura import bare_extraction

    doc = bare_extraction(html)
    if doc is None:
        return "", None
    if isinstance(doc, dict):
        return doc.get("text") or "", doc.get("title")
    return getattr(doc, "text", None) or "", getattr(doc, "title", None)


def _trafilatura_title(html: str) -> str | None:
    from trafilatura import extract_metadata

    try:
        meta = extract_metadata(html)
    except Exception:
        return None
    return getattr(meta, "title", None) if meta is not None else None


def cache_key(record: dict) -> str:
    """Page id + sha1 of its html: an entry is reused only for the very same page."""
    return f"{record['id']}#{hashlib.sha1(record['html'].encode('utf-8', 'replace')).hexdigest()}"


def load_cache(path: Path | None) -> dict[str, dict]:
    if path is None or not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def save_cache(path: Path, cache: dict[str, dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def _run_trafilatura(record: dict) -> dict:
    """trafilatura's (body, title, seconds, status) for one page; the title call is not timed."""
    html = record["html"]
    started = time.perf_counter()
    try:
        body, headline = _trafilatura(html)
        status = "ok"
    except Exception as error:  # trafilatura failures count as empty output
        body, headline, status = "", None, type(error).__name__
    seconds = time.perf_counter() - started
    if record.get("gold_title"):
        headline = _trafilatura_title(html)
    return {"body": body, "title": headline, "seconds": seconds, "status": status}


def run(records: list[dict], cache: dict[str, dict] | None = None) -> tuple[list[dict], dict[str, float]]:
    """Score both extractors on every record; ``cache`` (updated in place) supplies trafilatura's output."""
    import trafilatura  # noqa: F401  (import cost outside the timed region)

    rows: list[dict] = []
    spent = {"newsclean": 0.0, "trafilatura": 0.0}
    for record in records:
        html = record["html"]
        row = {"id": record["id"], "dataset": record["dataset"], "cjk": is_cjk(record),
               "has_title": bool(record.get("gold_title"))}
        for name in ("newsclean", "trafilatura"):
            if name == "newsclean":
                started = time.perf_counter()
                try:
                    article = newsclean.clean(html, format="html")
                    body, headline = article.body, article.headline
                    status = "ok"
                except Exception as error:  # rejections (NewscleanError) and failures score 0
                    body, headline, status = "", None, type(error).__name__
                spent[name] += time.perf_counter() - started
            else:
                key = cache_key(record) if cache is not None else ""
                entry = cache.get(key) if cache is not None else None
                if entry is None:
                    entry = _run_trafilatura(record)
                    if cache is not None:
                        cache[key] = entry
                body, headline, status = entry["body"], entry["title"], entry["status"]
                spent[name] += entry["seconds"]
            p, r, f = f1(body, record["gold_body"])
            row[name] = {"f1": f, "p": p, "r": r, "status": status,
                         "headline_ok": headline_exact(headline, record.get("gold_title"))}
        rows.append(row)
    return rows, spent


def table(rows: list[dict], spent: dict[str, float]) -> str:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups["CJK" if row["cjk"] else "non-CJK"].append(row)
    groups["all"] = rows
    lines = [
        "| group | pages | newsclean F1 | trafilatura F1 | Δ F1 | newsclean headline exact | trafilatura headline exact | pages with gold_title |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in ("CJK", "non-CJK", "all"):
        group = groups[name]
        if not group:
            continue
        ours = summarise([r["newsclean"]["f1"] for r in group])["mean"]
        theirs = summarise([r["trafilatura"]["f1"] for r in group])["mean"]
        titled = [r for r in group if r["has_title"]]
        if titled:
            h_ours = f"{sum(r['newsclean']['headline_ok'] for r in titled) / len(titled):.3f}"
            h_theirs = f"{sum(r['trafilatura']['headline_ok'] for r in titled) / len(titled):.3f}"
        else:
            h_ours = h_theirs = "–"
        lines.append(f"| {name} | {len(group)} | {ours:.3f} | {theirs:.3f} | {ours - theirs:+.3f} | {h_ours} | {h_theirs} | {len(titled)} |")
    n = len(rows)
    ours_rate = n / spent["newsclean"] if spent["newsclean"] else 0.0
    theirs_rate = n / spent["trafilatura"] if spent["trafilatura"] else 0.0
    lines.append("")
    lines.append("| extractor | docs/s | seconds | rejected/failed pages |")
    lines.append("|---|---:|---:|---:|")
    for name, rate in (("newsclean", ours_rate), ("trafilatura", theirs_rate)):
        failed = sum(r[name]["status"] != "ok" for r in rows)
        lines.append(f"| {name} | {rate:.1f} | {spent[name]:.1f} | {failed} |")
    if theirs_rate:
        lines.append(f"\nspeed ratio newsclean / trafilatura: {ours_rate / theirs_rate:.2f}×")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--limit", type=int, help="evenly spaced sample of this many pages")
    parser.add_argument("--json", type=Path, help="write per-page rows here")
    parser.add_argument("--worst", type=int, default=0, help="list the pages where newsclean trails trafilatura most")
    parser.add_argument("--trafilatura-cache", type=Path,
                        help="JSON file storing trafilatura's per-page output; reused when present (keep it outside the repo)")
    args = parser.parse_args(argv)
    if not args.dev.exists():
        print(f"dev set not found at {args.dev}; skipping the HTML benchmark")
        return 0
    records = evenly_spaced(args.dev, args.limit)
    cache = load_cache(args.trafilatura_cache) if args.trafilatura_cache else None
    size_before = len(cache) if cache is not None else 0
    rows, spent = run(records, cache)
    if cache is not None and len(cache) != size_before:
        save_cache(args.trafilatura_cache, cache)
    print(table(rows, spent))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=0))
    if args.worst:
        print()
        for row in sorted(rows, key=lambda r: r["newsclean"]["f1"] - r["trafilatura"]["f1"])[: args.worst]:
            print(f"{row['newsclean']['f1'] - row['trafilatura']['f1']:+.3f} newsclean={row['newsclean']['f1']:.3f} "
                  f"trafilatura={row['trafilatura']['f1']:.3f} {row['id']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
