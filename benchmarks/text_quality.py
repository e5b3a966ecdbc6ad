"""Score the text track on the dev set: field ``text`` in, compared with ``gold_body``.

    python benchmarks/text_quality.py                 # full table (per dataset, per language group)
    python benchmarks/text_quality.py --gate          # exit 1 when a group's mean F1 or headline exact match is below its pinned floor
    python benchmarks/text_quality.py --worst 20      # list the worst pages (ids and F1) for failure analysis
    python benchmarks/text_quality.py --headline-misses 20   # pages whose headline missed: gold title and ours

Reports mean / median F1 and the share of pages at F1 ≥ 0.9 for CJK and non-CJK pages, next to
the keep-everything baseline, plus headline exact match on pages that have a ``gold_title``.
Rejected pages (NoArticleError etc.) score 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evalkit import DEFAULT_DEV, f1, headline_exact, is_cjk, load, summarise  # noqa: E402

import newsclean  # noqa: E402

FLOORS_FILE = Path(__file__).resolve().parent / "quality_floors.json"


def run(path: Path, limit: int | None) -> dict:
    rows = []
    started = time.perf_counter()
    for record in load(path, limit=limit):
        text = record["text"]
        try:
            article = newsclean.clean(text, format="text")
            body, headline, status = article.body, article.headline, "ok"
        except newsclean.NewscleanError as error:
            body, headline, status = "", None, type(error).__name__
        rows.append({
            "id": record["id"],
            "dataset": record["dataset"],
            "cjk": is_cjk(record),
            "f1": f1(body, record["gold_body"])[2],
            "p": f1(body, record["gold_body"])[0],
            "r": f1(body, record["gold_body"])[1],
            "baseline": f1(text, record["gold_body"])[2],
            "has_title": bool(record.get("gold_title")),
            "headline_ok": headline_exact(headline, record.get("gold_title")),
            "headline": headline,
            "gold_title": record.get("gold_title"),
            "status": status,
        })
    elapsed = time.perf_counter() - started
    return {"rows": rows, "elapsed": elapsed}


def table(rows: list[dict]) -> str:
    lines = ["| group | n | mean F1 | median F1 | share F1≥0.9 | keep-everything F1 | precision | recall |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups["CJK" if row["cjk"] else "non-CJK"].append(row)
        groups[f"{row['dataset']} ({'CJK' if row['cjk'] else 'non-CJK'})"].append(row)
    groups["all"] = rows
    order = ["CJK", "non-CJK", "all"] + sorted(k for k in groups if k not in ("CJK", "non-CJK", "all"))
    for name in order:
        group = groups[name]
        s = summarise([r["f1"] for r in group])
        base = summarise([r["baseline"] for r in group])
        p = summarise([r["p"] for r in group])["mean"]
        r = summarise([r["r"] for r in group])["mean"]
        lines.append(f"| {name} | {s['n']} | {s['mean']:.3f} | {s['median']:.3f} | {s['share_ge_0.9']:.2f} | {base['mean']:.3f} | {p:.3f} | {r:.3f} |")
    titled = [r for r in rows if r["has_title"]]
    if titled:
        exact = sum(r["headline_ok"] for r in titled) / len(titled)
        lines.append(f"\nheadline exact match: {exact:.3f} on {len(titled)} pages with a gold_title")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--gate", action="store_true", help="exit 1 if a group's mean F1 (or the headline exact-match share) is below its pinned floor")
    parser.add_argument("--worst", type=int, default=0)
    parser.add_argument("--json", type=Path, help="write per-page rows here")
    parser.add_argument("--headline-misses", type=int, default=0, metavar="N",
                        help="list N pages with a gold_title whose headline did not match (gold title and ours)")
    args = parser.parse_args(argv)
    if not args.dev.exists():
        print(f"dev set not found at {args.dev}; skipping the text quality benchmark")
        return 0
    result = run(args.dev, args.limit)
    rows = result["rows"]
    print(table(rows))
    print(f"\n{len(rows)} pages in {result['elapsed']:.1f} s ({len(rows) / result['elapsed']:.1f} pages/s); "
          f"rejected: {sum(r['status'] != 'ok' for r in rows)}")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=0))
    if args.worst:
        for row in sorted(rows, key=lambda r: r["f1"])[: args.worst]:
            print(f"{row['f1']:.3f} p={row['p']:.2f} r={row['r']:.2f} {row['id']} {row['status']}")
    if args.headline_misses:
        misses = [r for r in rows if r["has_title"] and not r["headline_ok"]]
        print(f"\nheadline misses: {len(misses)} (showing {min(len(misses), args.headline_misses)})")
        for row in misses[: args.headline_misses]:
            print(f"{row['id']}\n  gold: {row['gold_title']!r}\n  ours: {row['headline']!r}")
    if args.gate:
        floors = json.loads(FLOORS_FILE.read_text())
        failed = False
        for group, floor in floors.items():
            if group == "headline":  # exact-match share on pages that have a gold_title
                titled = [r["headline_ok"] for r in rows if r["has_title"]]
                value, what = sum(titled) / (len(titled) or 1), "headline exact"
            else:
                value = summarise([r["f1"] for r in rows if (r["cjk"] if group == "CJK" else not r["cjk"])])["mean"]
                what = "mean F1"
            ok = value >= floor
            failed |= not ok
            print(f"quality gate {group}: {what} {value:.4f} {'>=' if ok else '<'} floor {floor:.4f} -> {'ok' if ok else 'FAIL'}")
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
