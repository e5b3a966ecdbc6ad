"""Where a page's time goes, stage by stage, against the per-page budget the speed targets set.

    python benchmarks/stages.py                 # 400 evenly spaced dev pages
    python benchmarks/stages.py --limit 100     # fewer pages
    python benchmarks/stages.py --json stages.json

Issue #7 asks for the text path at 15x trafilatura's docs/s and at least resiliparse's, and the
HTML path at 3x trafilatura's, in the same run. This script turns those ratios into milliseconds
per page on this machine, now: it times trafilatura (``bare_extraction``, default settings) and
resiliparse (``extract_plain_text(main_content=True)``) on the ``html`` field of the same pages in
the same process, page by page interleaved with newsclean, so a change in the machine's load hits
all of them alike. Budget per page: text ``1 / max(15 x trafilatura, resiliparse)`` seconds,
HTML ``1 / (3 x trafilatura)``.

newsclean's ``clean_and_explain`` is timed stage by stage, on CPU time, doing what it does
(the stages are its own functions, called in its order):

- ``ingest``: ``api.to_document`` (text dump or HTML to blocks, metadata hints);
- ``features``: the per-block features every rule reads (``blocks._features``), computed here
  for every block right after ingest so that the stages after it do not include them
  (``clean_and_explain`` computes them lazily, on first read, inside the metadata scan);
- ``metadata scan``: ``meta.scan`` (headline, source, date, author, url, body start);
- ``rules``: ``Pipeline.label`` (every rule, in order);
- ``record``: ``api.explain`` (Removal/Decision records, body, Article, language).

``whole`` is their sum: one cold run of each page, as in ``benchmarks/speed.py``. A page that
newsclean rejects is left out of its format's means. A stage whose ms/page alone exceeds the
budget cannot fit however much the others are sped up.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evalkit import DEFAULT_DEV, evenly_spaced  # noqa: E402

STAGES = ("ingest", "features", "metadata scan", "rules", "record")


def _staged(page: str, fmt: str, limits) -> dict[str, float] | None:
    """CPU seconds of each stage of one page's clean_and_explain, or None when the page is rejected."""
    import newsclean
    from newsclean import api
    from newsclean import meta as metadata
    from newsclean.blocks import _features

    clock = time.process_time
    t0 = clock()
    try:
        doc = api.to_document(page, format=fmt, limits=limits)
    except newsclean.NewscleanError:
        return None
    t1 = clock()
    for block in doc.blocks:
        _features(block)
    t2 = clock()
    scan = metadata.scan(doc)
    t3 = clock()
    labels = api.DEFAULT_PIPELINE.label(doc, scan)
    t4 = clock()
    try:
        api.explain(doc, scan, labels)
    except newsclean.NewscleanError:
        return None
    t5 = clock()
    return {"ingest": t1 - t0, "features": t2 - t1, "metadata scan": t3 - t2, "rules": t4 - t3,
            "record": t5 - t4, "whole": t5 - t0}


def _peers():
    """trafilatura and resiliparse as ``benchmarks/speed.py`` runs them (one definition for both)."""
    from benchmarks.speed import _resiliparse, _trafilatura

    return {"trafilatura": _trafilatura(), "resiliparse": _resiliparse()}


def measure(records: list[dict]) -> dict:
    import newsclean

    limits = newsclean.Limits(time_budget=None)
    peers = _peers()
    for record in records[:3]:  # warm-up: imports, pattern compilation
        for fmt in ("text", "html"):
            _staged(record.get(fmt) or "", fmt, limits)
        for run in peers.values():
            run(record.get("html") or "")
    totals = {fmt: dict.fromkeys((*STAGES, "whole"), 0.0) for fmt in ("text", "html")}
    pages = {"text": 0, "html": 0}
    peer_s = dict.fromkeys(peers, 0.0)
    gc.collect()
    for record in records:
        for fmt in ("text", "html"):
            got = _staged(record.get(fmt) or "", fmt, limits)
            if got is not None:
                pages[fmt] += 1
                for stage, seconds in got.items():
                    totals[fmt][stage] += seconds
        for name, run in peers.items():
            t = time.process_time()
            run(record.get("html") or "")
            peer_s[name] += time.process_time() - t
    n = len(records)
    peer_rate = {name: n / s for name, s in peer_s.items()}
    budget_ms = {
        "text": 1000 / max(15 * peer_rate["trafilatura"], peer_rate["resiliparse"]),
        "html": 1000 / (3 * peer_rate["trafilatura"]),
    }
    out: dict = {"pages": n, "peers_docs_per_s": peer_rate, "budget_ms_per_page": budget_ms, "stages": {}}
    for fmt in ("text", "html"):
        per_page = {stage: 1000 * s / max(1, pages[fmt]) for stage, s in totals[fmt].items()}
        out["stages"][fmt] = {"pages": pages[fmt], "ms_per_page": per_page}
    return out


def report(result: dict) -> str:
    rate = result["peers_docs_per_s"]
    lines = [
        (f"{result['pages']} dev pages, CPU time, one process; trafilatura {rate['trafilatura']:.1f} docs/s, "
         f"resiliparse {rate['resiliparse']:.1f} docs/s (html field, same run)"),
        "",
        "| stage | text ms/page | share of text budget | html ms/page | share of html budget |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    budget = result["budget_ms_per_page"]
    text, html = result["stages"]["text"]["ms_per_page"], result["stages"]["html"]["ms_per_page"]
    for stage in (*STAGES, "whole"):
        lines.append(f"| {stage} | {text[stage]:.2f} | {text[stage] / budget['text']:.2f} | "
                     f"{html[stage]:.2f} | {html[stage] / budget['html']:.2f} |")
    lines.append(f"| budget (target) | {budget['text']:.2f} | 1.00 | {budget['html']:.2f} | 1.00 |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--limit", type=int, default=400, help="evenly spaced dev pages (default 400)")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args(argv)
    result = measure(evenly_spaced(args.dev, args.limit))
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
