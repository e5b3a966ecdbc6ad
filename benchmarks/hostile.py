"""Hostile-input benchmark: every case must end in < 10 s with an Article or a typed NewscleanError.

    python benchmarks/hostile.py                 # run every case, print a table (case, seconds, outcome)
    python benchmarks/hostile.py --case deep_html # one case
    python benchmarks/hostile.py --markdown      # the table as Markdown (for docs/errors.md)

Each case runs in its own subprocess with a hard wall-clock limit (--kill-after, default 60 s), so a
hang or a crash of one case is reported as such instead of stopping the run. The time printed is the
wall time of ``newsclean.clean`` alone (building the input is not counted), measured in the child.
This is a benchmark, not a timed test: the test suite runs the same shapes at smaller sizes
(tests/test_robust.py).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS = 10.0

_PARA_ZH = "新华社北京8月26日电 国务院总理在会上强调，要坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。"
_PARA_GBK_HTML = (
    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">"
    "<title>国务院常务会议部署稳就业措施_新闻中心</title></head><body>"
    "<div class=\"nav\">首页 &gt; 新闻中心 &gt; 正文</div><h1>国务院常务会议部署稳就业措施</h1>"
    + "".join(f"<p>{_PARA_ZH}这是第{i}段，会议要求各地区各部门抓好落实，确保政策效果充分显现。</p>" for i in range(20))
    + "<div class=\"footer\">版权所有 2025 示例新闻网</div></body></html>"
)


def _teaser_lines() -> str:
    line = "警方通报一起故意伤害案:情感纠纷引发冲突，嫌疑人已被控制..."
    n = 1_000_000 // len(line.encode("utf-8")) + 1
    return "\n".join(f"{line}{i}..." for i in range(n))


def _gbk_page() -> bytes:
    return _PARA_GBK_HTML.encode("gbk")


def _gbk_check(article) -> str:
    ok = "国务院" in article.body and "稳中求进" in article.body
    return "decoded correctly" if ok else "MOJIBAKE: body does not contain the expected Chinese text"


# name -> (description, builder, clean() keyword arguments, optional check of the Article)
CASES: dict[str, tuple[str, Callable[[], str | bytes], dict, Callable | None]] = {
    "teaser_lines_1mb": ("1 MB of teaser lines ending in '...'", _teaser_lines, {}, None),
    "cjk_line_5mb": ("one 5 MB line of Chinese text (no newline)",
                     lambda: (_PARA_ZH * (5_000_000 // len(_PARA_ZH.encode("utf-8")) + 1)), {}, None),
    "a200k_ellipses": ("'a' * 200000 + '!' + ' ...' * 100000",
                       lambda: "a" * 200_000 + "!" + " ..." * 100_000, {}, None),
    "list_200k": ("200,000 lines of '- x'", lambda: "- x\n" * 200_000, {}, None),
    "deep_html": ("HTML nested 20,000 levels deep",
                  lambda: "<html><body>" + "<div>" * 20_000 + "<p>Deep text in the middle of the page, the minister said on Tuesday.</p>"
                  + "</div>" * 20_000 + "</body></html>", {"format": "html"}, None),
    "entities_500k": ("HTML page of 500,000 &amp; entities",
                      lambda: "<html><body><p>" + "&amp;" * 500_000 + "</p></body></html>", {"format": "html"}, None),
    "text_60mb": ("60 MB of text (must be rejected as too large)",
                  lambda: ("The quick brown fox jumps over the lazy dog. " * 1_400_000), {}, None),
    "gbk_html": ("GBK-encoded HTML page, as bytes", _gbk_page, {}, _gbk_check),
    # ---- further shapes found while reviewing the patterns (not in the list)
    "lines_10mb": ("2,490,000 lines of '- x' (just under max_bytes)", lambda: "- x\n" * 2_490_000, {}, None),
    "digit_lines": ("50 lines of 20,000 digits", lambda: ("1" * 20_000 + "\n") * 50, {}, None),
    "space_runs": ("lines of 'a' + 20,000 spaces + '|' (separator patterns)",
                   lambda: ("a" + " " * 20_000 + "b |\n") * 50, {}, None),
    "nfkc_expand": ("6 MB of U+FDFA (NFKC expands each to 18 characters)",
                    lambda: ("\ufdfa" * 20_000 + "\n") * 100, {}, None),
    "unclosed_tags": ("HTML with 100,000 unclosed nested tags",
                      lambda: "<html><body>" + "<div><span><b>" * 33_000 + _PARA_ZH * 20, {"format": "html"}, None),
    "binary_5mb": ("5 MB of random bytes", lambda: __import__("random").Random(0).randbytes(5_000_000), {}, None),
    "surrogates": ("text with 10,000 lone surrogates",
                   lambda: ("The minister said on Tuesday that the talks would continue \ud800 next week in Geneva, "
                            "and that both sides were ready to compromise on the plan.\n") * 10_000, {}, None),
}


def run_case(name: str) -> dict:
    """Build the input and clean it in this process; return a JSON-able outcome."""
    import newsclean

    description, build, kwargs, check = CASES[name]
    page = build()
    size = len(page) if isinstance(page, bytes) else len(page.encode("utf-8", "surrogatepass"))
    started = time.perf_counter()
    try:
        article = newsclean.clean(page, **kwargs)
    except newsclean.NewscleanError as exc:
        elapsed = time.perf_counter() - started
        outcome = f"{type(exc).__name__} ({exc.code})"
        ok = True
    except Exception as exc:  # noqa: BLE001 - an untyped error is the finding we report
        elapsed = time.perf_counter() - started
        outcome = f"UNTYPED {type(exc).__name__}: {str(exc)[:120]}"
        ok = False
    else:
        elapsed = time.perf_counter() - started
        outcome = f"Article ({len(article.body):,} body chars)"
        ok = True
        if check is not None:
            verdict = check(article)
            outcome += f"; {verdict}"
            ok = not verdict.startswith("MOJIBAKE")
    return {"case": name, "description": description, "input_bytes": size, "seconds": round(elapsed, 3),
            "outcome": outcome, "ok": ok and elapsed < GOAL_SECONDS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="run only this case (repeatable)")
    parser.add_argument("--kill-after", type=float, default=60.0, help="hard limit per case in seconds")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_case(args.child)))
        return 0

    rows = []
    for name in args.case or list(CASES):
        started = time.perf_counter()
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
        try:
            proc = subprocess.run([sys.executable, __file__, "--child", name], capture_output=True, text=True,
                                  timeout=args.kill_after, env=env)
        except subprocess.TimeoutExpired:
            rows.append({"case": name, "description": CASES[name][0], "input_bytes": 0,
                         "seconds": round(time.perf_counter() - started, 1),
                         "outcome": f"HANG: killed after {args.kill_after:.0f} s", "ok": False})
        else:
            if proc.returncode == 0 and proc.stdout.strip():
                rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            else:
                tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
                rows.append({"case": name, "description": CASES[name][0], "input_bytes": 0,
                             "seconds": round(time.perf_counter() - started, 1),
                             "outcome": f"CRASH (exit {proc.returncode}): {tail[:120]}", "ok": False})
        _print_row(rows[-1], args.markdown, header=len(rows) == 1)
    failed = [r["case"] for r in rows if not r["ok"]]
    print(f"\n{len(rows) - len(failed)}/{len(rows)} cases ended in < {GOAL_SECONDS:.0f} s with an Article or a typed error"
          + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


def _print_row(row: dict, markdown: bool, header: bool) -> None:
    if markdown:
        if header:
            print("| case | input | seconds | outcome |\n|---|---:|---:|---|")
        print(f"| {row['description']} | {row['input_bytes']:,} B | {row['seconds']:.2f} | {row['outcome']} |")
    else:
        if header:
            print(f"{'case':<18} {'input bytes':>12} {'seconds':>8}  outcome")
        print(f"{row['case']:<18} {row['input_bytes']:>12,} {row['seconds']:>8.2f}  {row['outcome']}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
