"""`newsclean clean FILE` (one page to stdout) and its errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsclean
from newsclean.cli import main

from _batch_pages import html_page, page

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsclean.cli", *args], input=stdin, capture_output=True,
                          cwd=cwd, timeout=120)


def test_single_file_prints_the_article_as_json(capsysbinary):
    assert main(["clean", str(SEEDS[0])]) == 0
    out, err = capsysbinary.readouterr()
    expected = newsclean.clean(SEEDS[0].read_bytes()).model_dump(mode="json")
    assert json.loads(out) == expected
    assert err == b""


def test_stdin_and_url_pass_through(tmp_path):
    done = run_cli("clean", "-", "--url", "https://example.com/story-1", stdin=page(1).encode())
    assert done.returncode == 0, done.stderr
    article = json.loads(done.stdout)
    assert article["url"] == "https://example.com/story-1"
    assert article == newsclean.clean(page(1), url="https://example.com/story-1").model_dump(mode="json")


def test_format_passes_through(tmp_path, capsysbinary):
    path = tmp_path / "page.html"
    path.write_text(html_page(3), encoding="utf-8")
    assert main(["clean", str(path), "--format", "text"]) == 0
    as_text = json.loads(capsysbinary.readouterr().out)
    assert main(["clean", str(path), "--format", "html"]) == 0
    as_html = json.loads(capsysbinary.readouterr().out)
    assert as_html == newsclean.clean(html_page(3), format="html").model_dump(mode="json")
    assert as_text == newsclean.clean(html_page(3), format="text").model_dump(mode="json")
    assert as_text != as_html


def test_explain_lists_removals_on_stderr(capsysbinary):
    assert main(["clean", str(SEEDS[0]), "--explain"]) == 0
    out, err = capsysbinary.readouterr()
    json.loads(out)  # stdout stays one JSON document
    explanation = newsclean.clean_and_explain(SEEDS[0].read_bytes())
    text = err.decode("utf-8")
    assert text.startswith(f"removed {len(explanation.removals)} blocks:")
    first = explanation.removals[0]
    assert f"L{first.line_start}" in text and first.rule in text and first.reason in text


def test_explain_shortens_long_removed_text(tmp_path, capsysbinary):
    path = tmp_path / "page.txt"
    path.write_text(page(1) + "Copyright 2024 Example Daily News. All rights reserved. " * 4 + "\n", encoding="utf-8")
    assert main(["clean", str(path), "--explain"]) == 0
    text = capsysbinary.readouterr().err.decode("utf-8")
    long_one = max(newsclean.clean_and_explain(path.read_text()).removals, key=lambda r: len(r.text))
    assert len(long_one.text) > 150 and long_one.text.strip() not in text
    assert long_one.text[:40] in text and "…" in text


@pytest.mark.parametrize(
    "args, stdin, code, needle",
    [
        (["clean", "-"], b"   \n", 1, "empty"),
        (["clean", "-"], b"\x00\x01\x02\x03" * 100, 1, "binary"),
        (["clean", "missing-file.txt"], None, 2, "cannot read missing-file.txt"),
        (["clean", "-", "--format", "jsonl"], b"x", 2, "needs --output"),
        (["clean", "-", "--format", "pdf"], b"x", 2, "--format"),
        (["clean", "a.txt", "b.txt"], None, 2, "need --output"),
        (["clean", "-", "--workers", "0"], b"x", 2, "--workers"),
        (["clean", "-", "--bogus"], b"x", 2, "--bogus"),
        (["frobnicate"], None, 2, "frobnicate"),
    ],
)
def test_errors_are_one_line_without_traceback(args, stdin, code, needle):
    done = run_cli(*args, stdin=stdin)
    assert done.returncode == code
    err = done.stderr.decode("utf-8")
    assert err.count("\n") == 1 and err.startswith("newsclean: error:"), err
    assert needle in err and "Traceback" not in err
    assert done.stdout == b""


def test_all_chrome_page_is_rejected_with_its_code(tmp_path):
    path = tmp_path / "chrome.txt"
    path.write_text("Home > News > Local\nShare on Facebook\nCopyright 2024 Example News. All rights reserved.\n")
    done = run_cli("clean", str(path))
    assert done.returncode == 1
    assert done.stderr.decode().startswith("newsclean: error: no_article:")


def test_folder_without_output_is_a_usage_error(tmp_path):
    done = run_cli("clean", str(tmp_path))
    assert done.returncode == 2 and "--output" in done.stderr.decode()
