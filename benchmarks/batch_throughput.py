"""Batch benchmark: pages/s of ``newsclean clean DIR --output OUT`` and peak memory over a stream.

    python benchmarks/batch_throughput.py                  # throughput + memory (10-25 minutes on 2 cores)
    python benchmarks/batch_throughput.py --only throughput --workers 1 2
    python benchmarks/batch_throughput.py --only memory --repeat 1 10
    python benchmarks/batch_throughput.py --limit 300      # a quick look on the first 300 pages
    python benchmarks/batch_throughput.py --only timeline --pages 40000  # RSS every 10 s, small generated pages

Throughput: the dev set's text dumps (``text`` field of shared/eval/dev.jsonl.gz) are written
as one ``.txt`` file each into a temporary folder, then ``newsclean clean FOLDER --output
OUT.jsonl --workers N --quiet`` runs as a subprocess; pages/s = pages / wall time of that
command (start-up included).

Memory: the dev set's text dumps are streamed ``R`` times over (ids made unique) into
``newsclean clean - --output OUT.jsonl --workers 2`` through a pipe, so no copy of the corpus
is held anywhere. /proc is sampled every 0.1 s: the peak RSS of the main process, of the
largest worker, and of the whole process tree. Flat memory means the peaks for R=10 are about
those for R=1.

Timeline: ``--pages`` small generated pages (tests/_batch_pages.py, ~4 ms each) streamed the same
way; RSS of the main process and the largest worker printed every 10 s. Many cheap pages push
the per-page bookkeeping hard: a leak of a few hundred bytes per page shows as a rising line.

Nothing here is a test: the tests check behaviour, this prints numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from benchmarks.evalkit import DEFAULT_DEV, load  # noqa: E402

NEWSCLEAN = [sys.executable, "-m", "newsclean.cli"]


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                out.extend(int(x) for x in handle.read().split())
    except OSError:
        pass
    return out


class RssSampler:
    """Peak RSS (KiB) of a process, of its largest child, and of the tree, sampled every 0.1 s."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.main = self.worker = self.tree = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            main = _rss_kb(self.pid)
            kids = [_rss_kb(c) for c in _children(self.pid)]
            self.main = max(self.main, main)
            self.worker = max([self.worker, *kids])
            self.tree = max(self.tree, main + sum(kids))
            self._stop.wait(0.1)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _texts(limit: int | None) -> list[tuple[str, str]]:
    return [(r["id"], r["text"]) for r in load(DEFAULT_DEV, limit=limit)]


def throughput(texts: list[tuple[str, str]], workers: int, tmp: Path) -> dict:
    folder = tmp / "pages"
    if not folder.exists():
        folder.mkdir()
        for n, (_ident, text) in enumerate(texts):
            (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")
    out = tmp / f"out-w{workers}.jsonl"
    started = time.monotonic()
    done = subprocess.run([*NEWSCLEAN, "clean", str(folder), "--output", str(out), "--workers", str(workers),
                           "--quiet"], capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"newsclean failed: {done.stderr.strip()}")
    lines = out.read_text(encoding="utf-8").splitlines()
    ok = sum(1 for line in lines if json.loads(line)["status"] == "ok")
    return {"workers": workers, "pages": len(lines), "ok": ok, "seconds": round(elapsed, 1),
            "pages_per_s": round(len(lines) / elapsed, 1)}


def memory(texts: list[tuple[str, str]], repeat: int, workers: int, tmp: Path) -> dict:
    out = tmp / f"stream-r{repeat}.jsonl"
    started = time.monotonic()
    proc = subprocess.Popen([*NEWSCLEAN, "clean", "-", "--output", str(out), "--workers", str(workers), "--quiet"],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = RssSampler(proc.pid)
    assert proc.stdin is not None
    try:
        for r in range(repeat):
            for ident, text in texts:
                proc.stdin.write((json.dumps({"id": f"{ident}@{r}", "text": text}) + "\n").encode("utf-8"))
        proc.stdin.close()
    except BrokenPipeError:
        pass
    err = proc.stderr.read().decode() if proc.stderr else ""
    proc.wait()
    sampler.stop()
    elapsed = time.monotonic() - started
    if proc.returncode != 0:
        raise SystemExit(f"newsclean failed: {err.strip()}")
    with out.open("rb") as handle:
        pages = sum(1 for _ in handle)
    return {"repeat": repeat, "workers": workers, "pages": pages, "seconds": round(elapsed, 1),
            "peak_rss_main_mib": round(sampler.main / 1024, 1), "peak_rss_worker_mib": round(sampler.worker / 1024, 1),
            "peak_rss_tree_mib": round(sampler.tree / 1024, 1)}


def timeline(pages: int, workers: int, tmp: Path) -> list[tuple[int, float, float]]:
    sys.path.insert(0, str(HERE.parent / "tests"))
    from _batch_pages import page

    proc = subprocess.Popen([*NEWSCLEAN, "clean", "-", "--output", str(tmp / "timeline.jsonl"), "--workers",
                             str(workers), "--quiet"], stdin=subprocess.PIPE)
    rows: list[tuple[int, float, float]] = []
    started = time.monotonic()

    def sample() -> None:
        while proc.poll() is None:
            kids = [_rss_kb(c) for c in _children(proc.pid)]
            rows.append((round(time.monotonic() - started), _rss_kb(proc.pid) / 1024, max(kids or [0]) / 1024))
            time.sleep(10)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    texts = [page(i) for i in range(500)]
    assert proc.stdin is not None
    for n in range(pages):
        proc.stdin.write((json.dumps({"id": str(n), "text": texts[n % 500]}) + "\n").encode("utf-8"))
    proc.stdin.close()
    proc.wait()
    thread.join(1)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["throughput", "memory", "timeline"])
    parser.add_argument("--pages", type=int, default=40_000, help="timeline: generated pages to stream")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="throughput runs (default 1 2)")
    parser.add_argument("--repeat", type=int, nargs="+", default=[1, 10], help="memory runs (default 1 10)")
    parser.add_argument("--memory-workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N dev pages")
    parser.add_argument("--json", action="store_true", help="print one JSON object per run")
    args = parser.parse_args()
    if args.only == "timeline":
        tmp = Path(tempfile.mkdtemp(prefix="newsclean-bench-"))
        try:
            for t, main_mib, worker_mib in timeline(args.pages, args.memory_workers, tmp):
                print(f"t={t:>4} s  RSS main {main_mib:.1f} MiB  largest worker {worker_mib:.1f} MiB", flush=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return
    texts = _texts(args.limit)
    print(f"dev set: {len(texts)} text dumps, {sum(len(t) for _, t in texts) / 1e6:.1f} M characters "
          f"({DEFAULT_DEV})", flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="newsclean-bench-"))
    try:
        if args.only in (None, "throughput"):
            for workers in args.workers:
                row = throughput(texts, workers, tmp)
                print(json.dumps(row) if args.json else
                      f"throughput  --workers {row['workers']}: {row['pages']} pages ({row['ok']} ok) in "
                      f"{row['seconds']} s = {row['pages_per_s']} pages/s", flush=True)
        if args.only in (None, "memory"):
            for repeat in args.repeat:
                row = memory(texts, repeat, args.memory_workers, tmp)
                print(json.dumps(row) if args.json else
                      f"memory  dev set x{row['repeat']} ({row['pages']} pages, --workers {row['workers']}, "
                      f"{row['seconds']} s): peak RSS main {row['peak_rss_main_mib']} MiB, largest worker "
                      f"{row['peak_rss_worker_mib']} MiB, whole tree {row['peak_rss_tree_mib']} MiB", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
