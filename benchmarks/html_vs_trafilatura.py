"""newsclean vs trafilatura on the ``html`` field of the dev set, side by side in one run.

    python benchmarks/html_vs_trafilatura.py               # every dev page (a few minutes: trafilatura is slow)
    python benchmarks/html_vs_trafilatura.py --limit 200   # an evenly spaced sample of 200 pages
    python benchmarks/html_vs_trafilatura.py --json rows.json --worst 20

For each page both extractors run on the same HTML string: ``newsclean.clean(html,
format="html")`` and ``trafilatura.bare_extraction(html)`` with default settings. Reported per
language group (CJK / non-CJK): mean token F1 of the body against ``gold_body`` (scorer in
``benchmarks/evalkit.py``), headline exact match on pages that have a ``gold_title``, and docs/s
of each extractor (wall time spent inside that extractor only, same process, same machine).
A page an extractor rejects or fails on scores 0 and counts in its time.

trafilatura's default ``bare_extraction`` does not extract metadata (``with_metadata=False``),
so its headline column comes from a second call, ``trafilatura.extract_metadata(html).title``,
made outside the timed region; its docs/s are those of the default body extraction.
"""

from __future__ import annotations

import argparse
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


def run(records: list[dict]) -> tuple[list[dict], dict[str, float]]:
    import trafilatura  # noqa: F401  (import cost outside the timed region)

    rows: list[dict] = []
    spent = {"newsclean": 0.0, "trafilatura": 0.0}
    for record in records:
        html = record["html"]
        row = {"id": record["id"], "dataset": record["dataset"], "cjk": is_cjk(record),
               "has_title": bool(record.get("gold_title"))}
        for name in ("newsclean", "trafilatura"):
            started = time.perf_counter()
            try:
                if name == "newsclean":
                    article = newsclean.clean(html, format="html")
                    body, headline = article.body, article.headline
                else:
                    body, headline = _trafilatura(html)
                status = "ok"
            except newsclean.NewscleanError as error:
                body, headline, status = "", None, type(error).__name__
            except Exception as error:  # trafilatura failures count as empty output
                body, headline, status = "", None, type(error).__name__
            spent[name] += time.perf_counter() - started
            if name == "trafilatura" and record.get("gold_title"):
                headline = _trafilatura_title(html)
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
    args = parser.parse_args(argv)
    if not args.dev.exists():
        print(f"dev set not found at {args.dev}; skipping the HTML benchmark")
        return 0
    records = evenly_spaced(args.dev, args.limit)
    rows, spent = run(records)
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
