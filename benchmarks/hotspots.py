"""Profile ``clean_and_explain`` on the dev set: where the time goes, sorted by own time.

    python benchmarks/hotspots.py                       # text dumps, all dev pages, top 35
    python benchmarks/hotspots.py --format html --limit 300 --top 20

Runs the pages once without the profiler (docs/s by CPU time), then once under ``cProfile``.
Pages newsclean rejects (``NewscleanError``) count with their time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evalkit import DEFAULT_DEV, evenly_spaced  # noqa: E402

import newsclean  # noqa: E402


def _run(pages: list[str], fmt: str, limits: newsclean.Limits) -> None:
    for page in pages:
        try:
            newsclean.clean_and_explain(page, format=fmt, limits=limits)
        except newsclean.NewscleanError:
            pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--format", choices=("text", "html"), default="text", help="which field to clean")
    parser.add_argument("--limit", type=int, help="an evenly spaced sample of this many pages")
    parser.add_argument("--top", type=int, default=35, help="how many entries to print")
    args = parser.parse_args(argv)
    pages = [record[args.format] for record in evenly_spaced(args.dev, limit=args.limit)]
    limits = newsclean.Limits()
    started = time.process_time()
    _run(pages, args.format, limits)
    seconds = time.process_time() - started
    print(f"{len(pages)} pages ({args.format}) in {seconds:.2f} s CPU: {len(pages) / seconds:.1f} docs/s")
    profiler = cProfile.Profile()
    profiler.runcall(_run, pages, args.format, limits)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
