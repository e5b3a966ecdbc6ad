"""Count the CPU instructions newsclean spends per page, with valgrind's callgrind.

    python benchmarks/instructions.py                      # 60 evenly spaced dev pages, html and text
    python benchmarks/instructions.py --format html --pages 30
    python benchmarks/instructions.py --compare ../other-checkout   # the same pages, two checkouts

Seconds are not repeatable on this shared 2-core machine (same-code runs differ by ±15% while
other processes run); an instruction count is: callgrind counts the instructions the process
executes whatever else the machine does (same binary, same inputs, ``PYTHONHASHSEED=0``: two runs
agree within 0.1%). Each measurement runs the same script twice under callgrind, once loading the
pages and cleaning one warm-up page (imports, pattern compilation) and once also cleaning every
page; the difference is the cleaning. Instructions are not time (a cache miss costs more than an
add), so this is for comparing two versions of the code, not for the throughput targets, which
``benchmarks/speed.py`` measures against trafilatura and resiliparse in seconds.

Needs ``valgrind`` on the PATH (Debian package ``valgrind``); runs about 50x slower than normal.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evalkit import DEFAULT_DEV  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

_RUNNER = r'''
import gzip, json, sys
sys.path.insert(0, sys.argv[1])
import newsclean
dev, fmt, n, mode = sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
with gzip.open(dev, "rt", encoding="utf-8") as f:
    records = [json.loads(line) for line in f]
step = max(1, len(records) // n)
pages = [r[fmt] for r in records[::step]][:n]
limits = newsclean.Limits(time_budget=None)
def clean(page):
    try:
        newsclean.clean_and_explain(page, format=fmt, limits=limits)
    except newsclean.NewscleanError:
        pass
clean(pages[0])
if mode == "run":
    for page in pages:
        clean(page)
'''

_COLLECTED = re.compile(r"Collected : (\d+)")


def _instructions(src: Path, dev: Path, fmt: str, pages: int, mode: str, runner: Path) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, str(runner),
         str(src), str(dev), fmt, str(pages), mode],
        capture_output=True, text=True, env=env, check=False,
    )
    match = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or match is None:
        raise SystemExit(f"valgrind run failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return int(match.group(1))


def measure(checkout: Path, dev: Path, fmt: str, pages: int, runner: Path) -> float:
    """Instructions per page for cleaning ``pages`` dev pages of ``fmt`` with ``checkout``'s code."""
    src = checkout / "src"
    setup = _instructions(src, dev, fmt, pages, "setup", runner)
    run = _instructions(src, dev, fmt, pages, "run", runner)
    return (run - setup) / pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--format", choices=("text", "html", "both"), default="both")
    parser.add_argument("--pages", type=int, default=60, help="evenly spaced dev pages (default 60)")
    parser.add_argument("--compare", type=Path, help="another checkout of newsclean: measure it too, on the same pages")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    if not args.dev.exists():
        print(f"dev set not found: {args.dev}", file=sys.stderr)
        return 2
    formats = ("html", "text") if args.format == "both" else (args.format,)
    checkouts = [ROOT] + ([args.compare.resolve()] if args.compare else [])
    with tempfile.TemporaryDirectory() as tmp:
        runner = Path(tmp) / "runner.py"
        runner.write_text(_RUNNER, encoding="utf-8")
        print("| format | checkout | pages | M instructions per page |")
        print("|---|---|---:|---:|")
        results: dict[tuple[str, Path], float] = {}
        for fmt in formats:
            for checkout in checkouts:
                per_page = measure(checkout, args.dev, fmt, args.pages, runner)
                results[fmt, checkout] = per_page
                print(f"| {fmt} | {checkout} | {args.pages} | {per_page / 1e6:.1f} |", flush=True)
        if args.compare:
            for fmt in formats:
                ours, theirs = results[fmt, ROOT], results[fmt, checkouts[1]]
                print(f"{fmt}: this checkout uses {ours / theirs:.3f}x the instructions of {checkouts[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
