"""Speed, cost versus size, and memory of newsclean, against trafilatura and resiliparse, in one run.

    python benchmarks/speed.py                      # full dev set (several minutes: trafilatura is slow)
    python benchmarks/speed.py --limit 300          # an evenly spaced sample of 300 pages
    python benchmarks/speed.py --json speed.json    # also write the numbers as JSON
    python benchmarks/speed.py --skip-memory --skip-sizes

Throughput: on the same dev pages, in this one process, four extractors:

- ``newsclean.clean_and_explain(text, format="text")`` on the ``text`` field,
- ``newsclean.clean_and_explain(html, format="html")`` on the ``html`` field,
- ``trafilatura.bare_extraction(html)`` (default settings) on the ``html`` field,
- ``resiliparse.extract.html2text.extract_plain_text(HTMLTree.parse(html), main_content=True)``.

(``--api clean`` times ``newsclean.clean`` instead: the same Article without the audit trail.)

The pages are cut into chunks and the four run round-robin chunk by chunk, so a change in the
load of the (shared) machine hits all four alike. For each: docs/s and MB/s of input (UTF-8
bytes of the field it reads), by wall clock and by CPU time of this process, and the ratio of
its docs/s to trafilatura's (ratios use CPU time, which other processes on the machine disturb
least). A page newsclean rejects (``NoArticleError`` ...) counts with the time it took.

Cost versus size: synthetic text pages of 1 KB, 10 KB, 100 KB, 1 MB and 5 MB (UTF-8), built by
concatenating consecutive dev text dumps (blank line between them) and cutting at the size;
newsclean (``format="text"``, no time budget) runs on at least ``--size-mb`` MB of pages of each
size; reported: seconds per MB at each size and the exponent ``b`` of ``time ~ size^b`` fitted by
least squares on log-log (flat cost per MB is ``b = 1``), plus the ratio of the largest to the
smallest seconds per MB.

Memory: a fresh child process runs ``newsclean.clean_many`` over the dev ``text`` dumps once,
then nine more times (ten passes), and reports its peak RSS (``VmHWM`` of /proc/self/status)
after loading the pages, after pass 1 and after pass 10, and the current RSS after each pass.
(``ru_maxrss`` is not used: Linux carries the parent's high-water mark across vfork + exec, so a
child started from this process would report this process's peak.)
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evalkit import DEFAULT_DEV, evenly_spaced, load  # noqa: E402

SIZES = (("1 KB", 1_000), ("10 KB", 10_000), ("100 KB", 100_000), ("1 MB", 1_000_000), ("5 MB", 5_000_000))


# ---------------------------------------------------------------- the four extractors
def _newsclean(fmt: str, api: str = "clean_and_explain"):
    import newsclean

    limits = newsclean.Limits()
    call = getattr(newsclean, api)

    def run(page: str) -> None:
        try:
            call(page, format=fmt, limits=limits)
        except newsclean.NewscleanError:
            pass

    return run


def _trafilatura():
    from trafilatura import bare_extraction

    def run(page: str) -> None:
        try:
            bare_extraction(page)
        except Exception:  # noqa: BLE001 - a failure counts with its time
            pass

    return run


def _resiliparse():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def run(page: str) -> None:
        extract_plain_text(HTMLTree.parse(page), main_content=True)

    return run


def throughput(records: list[dict], chunks: int, api: str = "clean_and_explain") -> list[dict]:
    systems = [
        ("newsclean text", "text", _newsclean("text", api)),
        ("newsclean html", "html", _newsclean("html", api)),
        ("trafilatura", "html", _trafilatura()),
        ("resiliparse", "html", _resiliparse()),
    ]
    pages = {field: [r.get(field) or "" for r in records] for field in ("text", "html")}
    size = {field: sum(len(p.encode("utf-8", "surrogatepass")) for p in ps) for field, ps in pages.items()}
    for _name, field, run in systems:  # warm-up: imports, pattern compilation
        for page in pages[field][:3]:
            run(page)
    wall = {name: 0.0 for name, _f, _r in systems}
    cpu = dict(wall)
    bounds = [round(i * len(records) / chunks) for i in range(chunks + 1)]
    for lo, hi in zip(bounds, bounds[1:]):
        for name, field, run in systems:
            chunk = pages[field][lo:hi]
            gc.collect()
            w, c = time.perf_counter(), time.process_time()
            for page in chunk:
                run(page)
            wall[name] += time.perf_counter() - w
            cpu[name] += time.process_time() - c
    rows = []
    for name, field, _run in systems:
        n = len(pages[field])
        rows.append({
            "system": name, "field": field, "docs": n, "input_mb": size[field] / 1e6,
            "wall_s": wall[name], "cpu_s": cpu[name],
            "docs_per_s_wall": n / wall[name], "docs_per_s_cpu": n / cpu[name],
            "mb_per_s_wall": size[field] / 1e6 / wall[name], "mb_per_s_cpu": size[field] / 1e6 / cpu[name],
        })
    base = next(r for r in rows if r["system"] == "trafilatura")
    for row in rows:
        row["x_trafilatura"] = row["docs_per_s_cpu"] / base["docs_per_s_cpu"]
        row["x_trafilatura_wall"] = row["docs_per_s_wall"] / base["docs_per_s_wall"]
    return rows


# ---------------------------------------------------------------- cost versus size
def _synthetic(texts: list[str], size: int, count: int) -> list[str]:
    """``count`` pages of ``size`` UTF-8 bytes made of consecutive dev dumps (cycling)."""
    pages: list[str] = []
    i = 0
    for _ in range(count):
        parts: list[str] = []
        total = 0
        while total < size:
            text = texts[i % len(texts)]
            i += 1
            parts.append(text)
            total += len(text.encode("utf-8")) + 2
        page = "\n\n".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")
        pages.append(page)
    return pages


def cost_vs_size(records: list[dict], size_mb: float) -> dict:
    import newsclean

    limits = newsclean.Limits(time_budget=None, max_bytes=50_000_000)
    texts = [r["text"] for r in records if r.get("text")]
    rows = []
    for label, size in SIZES:
        count = max(1, math.ceil(size_mb * 1e6 / size))
        pages = _synthetic(texts, size, count)
        newsclean.clean_and_explain(pages[0], format="text", limits=limits)  # warm-up
        mb = sum(len(p.encode("utf-8")) for p in pages) / 1e6
        gc.collect()
        w, c = time.perf_counter(), time.process_time()
        for page in pages:
            try:
                newsclean.clean_and_explain(page, format="text", limits=limits)
            except newsclean.NewscleanError:
                pass
        wall, cpu = time.perf_counter() - w, time.process_time() - c
        rows.append({"size": label, "bytes": size, "pages": count, "mb": mb,
                     "s_per_mb_wall": wall / mb, "s_per_mb_cpu": cpu / mb})
    xs = [math.log(r["bytes"]) for r in rows]
    ys = [math.log(r["s_per_mb_cpu"] * r["bytes"] / 1e6) for r in rows]  # log seconds per page
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    exponent = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    per_mb = [r["s_per_mb_cpu"] for r in rows]
    return {"rows": rows, "exponent": exponent, "largest_over_smallest": per_mb[-1] / per_mb[0],
            "max_over_min": max(per_mb) / min(per_mb)}


# ---------------------------------------------------------------- memory (child process)
def _memory_child(path: Path, limit: int | None, passes: int) -> None:
    import newsclean

    # Keep only the text dumps (streamed), so the peak RSS is newsclean's, not the loader's.
    total = sum(1 for _ in load(path)) if limit is not None else None
    keep = None if total is None or limit >= total else {int(i * total / limit) for i in range(limit)}
    pages = [r["text"] for n, r in enumerate(load(path)) if keep is None or n in keep]
    gc.collect()
    out = [{"pass": 0, "peak_rss_mb": _status_mb("VmHWM"), "rss_mb": _status_mb("VmRSS")}]
    for n in range(1, passes + 1):
        for _result in newsclean.clean_many(pages, format="text"):
            pass
        gc.collect()
        out.append({"pass": n, "peak_rss_mb": _status_mb("VmHWM"), "rss_mb": _status_mb("VmRSS")})
    print(json.dumps(out))


def _status_mb(field: str) -> float:
    """A ``kB`` field of /proc/self/status (VmHWM: peak RSS of this process image; VmRSS: now), in MB."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1e3
    return float("nan")


def memory(path: Path, limit: int | None, passes: int) -> dict:
    cmd = [sys.executable, __file__, "--dev", str(path), "--memory-child", str(passes)]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    passes_out = json.loads(out.stdout.strip().splitlines()[-1])
    first, last = passes_out[1], passes_out[-1]
    return {"passes": passes_out, "peak_after_load": passes_out[0]["peak_rss_mb"], "peak_after_1": first["peak_rss_mb"],
            "peak_after_last": last["peak_rss_mb"], "growth_mb": last["peak_rss_mb"] - first["peak_rss_mb"]}


# ---------------------------------------------------------------- report
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--limit", type=int, help="an evenly spaced sample of this many pages")
    parser.add_argument("--chunks", type=int, default=16, help="round-robin chunks (default 16)")
    parser.add_argument("--size-mb", type=float, default=5.0, help="MB of synthetic pages per size (default 5)")
    parser.add_argument("--passes", type=int, default=10, help="clean_many passes for the memory check")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-sizes", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--api", choices=("clean_and_explain", "clean"), default="clean_and_explain",
                        help="the newsclean function timed for throughput (default clean_and_explain, which also "
                             "builds the audit trail; clean returns the same Article without it)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        _memory_child(args.dev, args.limit, args.memory_child)
        return 0

    records = evenly_spaced(args.dev, args.limit)
    report: dict = {"command": " ".join([Path(sys.executable).name, *sys.argv]), "pages": len(records)}
    if not args.skip_throughput:
        rows = report["throughput"] = throughput(records, args.chunks, args.api)
        print(f"Throughput on {len(records)} dev pages (same process, round-robin over {args.chunks} chunks; "
              f"newsclean.{args.api})")
        print(f"{'system':16} {'field':5} {'MB in':>7} {'docs/s cpu':>10} {'MB/s cpu':>9} {'docs/s wall':>11} {'MB/s wall':>9} {'x trafilatura':>13}")
        for r in rows:
            print(f"{r['system']:16} {r['field']:5} {r['input_mb']:7.1f} {r['docs_per_s_cpu']:10.1f} {r['mb_per_s_cpu']:9.2f} "
                  f"{r['docs_per_s_wall']:11.1f} {r['mb_per_s_wall']:9.2f} {r['x_trafilatura']:13.2f}")
        sys.stdout.flush()
    if not args.skip_sizes:
        sizes = report["cost_vs_size"] = cost_vs_size(records, args.size_mb)
        print("\nCost versus size (newsclean, format='text', synthetic pages of concatenated dev dumps)")
        print(f"{'size':>7} {'pages':>6} {'MB':>6} {'s/MB cpu':>9} {'s/MB wall':>9}")
        for r in sizes["rows"]:
            print(f"{r['size']:>7} {r['pages']:6d} {r['mb']:6.2f} {r['s_per_mb_cpu']:9.3f} {r['s_per_mb_wall']:9.3f}")
        print(f"fitted time ~ size^{sizes['exponent']:.3f} (1.000 = flat cost per MB); "
              f"s/MB at 5 MB / at 1 KB = {sizes['largest_over_smallest']:.2f}, max/min = {sizes['max_over_min']:.2f}")
        sys.stdout.flush()
    if not args.skip_memory:
        mem = report["memory"] = memory(args.dev, args.limit, args.passes)
        print(f"\nMemory: clean_many over {len(records)} dev text dumps, {args.passes} passes, fresh process")
        print("pass  peak RSS MB  RSS MB   (pass 0: pages loaded, nothing cleaned yet)")
        for p in mem["passes"]:
            print(f"{p['pass']:4d} {p['peak_rss_mb']:12.1f} {p['rss_mb']:7.1f}")
        print(f"peak RSS after pass 1: {mem['peak_after_1']:.1f} MB, after pass {args.passes}: "
              f"{mem['peak_after_last']:.1f} MB (growth {mem['growth_mb']:+.1f} MB)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
