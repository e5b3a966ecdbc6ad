"""Behaviour snapshot: one hash per dev page of everything ``clean_and_explain`` returns.

Speed work must not change any output. Run this before and after a change and compare:

    python benchmarks/snapshot.py --out /tmp/before.json
    python benchmarks/snapshot.py --out /tmp/after.json --compare /tmp/before.json

Rule gates (a line rule judging only the blocks its gate lets through) must not change a result
either: ``--no-gates`` judges every block, so

    python benchmarks/snapshot.py --out /tmp/gated.json
    python benchmarks/snapshot.py --no-gates --out /tmp/ungated.json --compare /tmp/gated.json

checks every gate of the default rules on every dev page.

For every dev record, ``format="text"`` on ``text`` and ``format="html"`` on ``html``: a SHA-256
of the full Explanation JSON (article, every removal and kept decision with rule, reason, text and
offsets, evidence) plus the (rule, start, end) list, or of the error type and message.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evalkit import DEFAULT_DEV, load  # noqa: E402


def _digest(page: str, fmt: str, gates: bool = True) -> str:
    import newsclean
    from newsclean.pipeline import Pipeline

    try:
        ex = newsclean.clean_and_explain(page, format=fmt, limits=newsclean.Limits(time_budget=None),
                                         pipeline=Pipeline(gates=gates))
    except Exception as exc:  # noqa: BLE001 - the error type and message are part of the behaviour
        removals = getattr(exc, "removals", None)
        extra = [(r.rule, r.reason, r.start, r.end) for r in removals] if removals else None
        payload = json.dumps(["error", type(exc).__name__, str(exc), extra], ensure_ascii=False)
    else:
        spans = [(d.rule, d.start, d.end) for d in (*ex.removals, *ex.kept)]
        payload = ex.model_dump_json() + json.dumps(spans)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def _work(item: tuple[int, str, str, bool]) -> tuple[str, str]:
    n, fmt, page, gates = item
    return f"{n}:{fmt}", _digest(page, fmt, gates)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--compare", type=Path, help="an earlier snapshot; exit 1 on any difference")
    parser.add_argument("--formats", default="text,html")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--no-gates", action="store_true", help="judge every block (Pipeline(gates=False))")
    args = parser.parse_args()
    formats = args.formats.split(",")
    items = [(n, fmt, rec[fmt], not args.no_gates) for n, rec in enumerate(load(args.dev, limit=args.limit))
             for fmt in formats if rec.get(fmt)]
    if args.workers > 1:
        with ProcessPoolExecutor(args.workers) as pool:
            result = dict(pool.map(_work, items, chunksize=8))
    else:
        result = dict(map(_work, items))
    args.out.write_text(json.dumps(result, indent=0, sort_keys=True))
    print(f"{len(result)} pages hashed -> {args.out}")
    if args.compare:
        old = json.loads(args.compare.read_text())
        diff = sorted(k for k in old.keys() | result.keys() if old.get(k) != result.get(k))
        print(f"{len(diff)} differences vs {args.compare}" + (f": {diff[:20]}" if diff else ""))
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
