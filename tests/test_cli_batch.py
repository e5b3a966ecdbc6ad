"""`newsclean clean INPUT... --output OUT`: the batch contract of issue 5."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsclean
from newsclean.cli import main

from _batch_pages import html_page, page

N_GOOD = 200


def make_corpus(root: Path, n: int = N_GOOD) -> dict[str, str]:
    """n generated pages in nested folders (text, HTML, gzip) plus bad pages and files to skip.

    Returns {input key: expected status} for the pages a default walk takes.
    """
    expected: dict[str, str] = {}
    for i in range(n):
        folder = root / f"day{i % 7}" / ("html" if i % 5 == 0 else "text")
        folder.mkdir(parents=True, exist_ok=True)
        if i % 5 == 0:
            path = folder / f"story{i:03d}.html"
            path.write_text(html_page(i), encoding="utf-8")
        elif i % 11 == 0:
            path = folder / f"story{i:03d}.txt.gz"
            path.write_bytes(gzip.compress(page(i).encode("utf-8")))
        else:
            path = folder / f"story{i:03d}.txt"
            path.write_text(page(i), encoding="utf-8")
        expected[str(path)] = "ok"
    bad = root / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (bad / "chrome.txt").write_text("Home > News\nShare on Facebook\nCopyright 2024 Example News. All rights reserved.\n")
    (bad / "huge.txt").write_text(page(1) * 400)  # ~600 KB, over --max-bytes below
    (bad / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08 this is not really gzip")
    for name in ("empty.txt", "binary.txt", "chrome.txt", "huge.txt", "broken.txt.gz"):
        expected[str(bad / name)] = "rejected"
    # not taken by the default walk
    (root / "notes.md").write_text("# not a page\n")
    (root / "data.json").write_text("{}")
    (root / ".hidden.txt").write_text(page(1))
    (root / ".cache").mkdir()
    (root / ".cache" / "x.txt").write_text(page(2))
    return expected


def cli(*args: str) -> int:
    try:
        return main(["clean", *args])
    except SystemExit as exc:  # errors exit through _fail
        return int(exc.code)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


MAX = "200000"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("corpus") / "pages"
    root.mkdir()
    return root, make_corpus(root)


def test_jsonl_one_line_per_page_in_deterministic_order(corpus, tmp_path, capsys):
    root, expected = corpus
    out1, out2 = tmp_path / "w1.jsonl", tmp_path / "w2.jsonl"
    assert cli(str(root), "--output", str(out1), "--workers", "1", "--max-bytes", MAX) == 0
    assert cli(str(root), "--output", str(out2), "--workers", "2", "--max-bytes", MAX) == 0
    assert out1.read_bytes() == out2.read_bytes()
    lines = read_jsonl(out1)
    assert [line["input"] for line in lines] == sorted(expected, key=lambda k: lines_order(root, k))
    assert {line["input"]: line["status"] for line in lines} == expected
    for line in lines:
        assert list(line) == ["input", "status", "article", "error"]
        if line["status"] == "ok":
            assert line["error"] is None and line["article"]["body"]
        else:
            assert line["article"] is None and set(line["error"]) == {"type", "message"}
    errors = {Path(line["input"]).name: line["error"]["type"] for line in lines if line["error"]}
    assert errors == {"empty.txt": "empty", "binary.txt": "binary", "chrome.txt": "no_article",
                      "huge.txt": "too_large", "broken.txt.gz": "unreadable"}
    # an ok line holds exactly what newsclean.clean returns for that page
    some = next(line for line in lines if line["input"].endswith("story001.txt"))
    assert some["article"] == newsclean.clean(Path(some["input"]).read_bytes()).model_dump(mode="json")
    err = capsys.readouterr().err
    assert f"{N_GOOD} ok, 5 rejected" in err and "top removal rules:" in err and "pages/s" in err


def lines_order(root: Path, key: str) -> tuple:
    # the walk: names in order, a folder's files before its subfolders
    rel = Path(key).relative_to(root).parts
    return tuple((1, part) if i < len(rel) - 1 else (0, part) for i, part in enumerate(rel))


def test_jsonl_output_loads_with_pandas(corpus, tmp_path):
    pandas = pytest.importorskip("pandas")
    root, expected = corpus
    out = tmp_path / "out.jsonl"
    assert cli(str(root), "--output", str(out), "--workers", "2", "--quiet", "--max-bytes", MAX) == 0
    frame = pandas.read_json(out, lines=True)
    assert len(frame) == len(expected)
    assert list(frame.columns) == ["input", "status", "article", "error"]
    assert (frame["status"] == "ok").sum() == N_GOOD
    ok = frame[frame["status"] == "ok"]
    assert all(isinstance(a, dict) and a["body"] for a in ok["article"])
    bodies = pandas.json_normalize(ok["article"].tolist())
    assert {"headline", "body", "language"} <= set(bodies.columns)


def test_quiet_and_glob(corpus, tmp_path, capsys):
    root, _ = corpus
    out = tmp_path / "html.jsonl"
    assert cli(str(root), "--output", str(out), "--glob", "*.html", "--quiet") == 0
    lines = read_jsonl(out)
    assert len(lines) == N_GOOD // 5 and all(line["input"].endswith(".html") for line in lines)
    assert capsys.readouterr().err == ""
    out2 = tmp_path / "day3.jsonl"
    assert cli(str(root), "--output", str(out2), "--glob", "day3/text/*.txt", "-q") == 0
    assert {Path(line["input"]).parent.name for line in read_jsonl(out2)} == {"text"}


def _records_file(path: Path) -> None:
    rows = [
        json.dumps({"doc": "a-1", "body": page(1), "url": "https://example.com/a-1"}),
        "",  # blank lines are not pages
        json.dumps({"doc": "a-2", "body": html_page(2)}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"doc": "a-5", "text": "wrong field"}),
        json.dumps({"body": page(6)}),  # no id: named by line number
        json.dumps({"doc": "../../escape", "body": page(7)}),
        json.dumps({"doc": "/etc/passwd", "body": page(8)}),
        json.dumps({"doc": "a-1", "body": page(9)}),  # duplicate id
        json.dumps({"doc": "..", "body": page(10)}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_jsonl_inputs_with_text_and_id_fields(tmp_path):
    src = tmp_path / "records.jsonl"
    _records_file(src)
    out = tmp_path / "out.jsonl"
    assert cli(str(src), "-o", str(out), "--text-field", "body", "--id-field", "doc", "-q", "--workers", "2") == 0
    lines = read_jsonl(out)
    assert [line["input"] for line in lines] == [
        f"{src}#a-1", f"{src}#a-2", f"{src}#L4", f"{src}#L5", f"{src}#a-5", f"{src}#L7",
        f"{src}#../../escape", f"{src}#/etc/passwd", f"{src}#a-1", f"{src}#..",
    ]
    assert [line["status"] for line in lines] == ["ok", "ok"] + ["rejected"] * 3 + ["ok"] * 5
    assert {line["error"]["type"] for line in lines if line["error"]} == {"bad_record"}
    assert lines[0]["article"]["url"] == "https://example.com/a-1"
    assert lines[1]["article"] == newsclean.clean(html_page(2)).model_dump(mode="json")


@pytest.mark.parametrize("fmt", ["json", "txt", "md"])
def test_folder_formats_mirror_inputs_and_never_escape(tmp_path, fmt):
    inputs = tmp_path / "in"
    (inputs / "sub" / "deeper").mkdir(parents=True)
    (inputs / "sub" / "deeper" / "a.txt").write_text(page(1))
    (inputs / "sub" / "b.html").write_text(html_page(2))
    (inputs / "b.html").write_text(html_page(3))
    (inputs / "empty.txt").write_text("")
    records = tmp_path / "records.jsonl"
    _records_file(records)
    out = tmp_path / "sandbox" / "out"
    assert cli(str(inputs), str(records), "-o", str(out), "--format", fmt, "--text-field", "body",
               "--id-field", "doc", "-q", "--workers", "2") == 0
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == sorted([
        "_index.jsonl", "_rejects.jsonl",
        f"in/b.html.{fmt}", f"in/sub/b.html.{fmt}", f"in/sub/deeper/a.txt.{fmt}",
        f"records.jsonl#/a-1.{fmt}", f"records.jsonl#/a-2.{fmt}", f"records.jsonl#/L7.{fmt}",
        f"records.jsonl#/%2E.%2F..%2Fescape.{fmt}", f"records.jsonl#/%2Fetc%2Fpasswd.{fmt}",
        f"records.jsonl#/a-1~2.{fmt}", f"records.jsonl#/%2E..{fmt}",
    ])
    assert sorted(p.name for p in (tmp_path / "sandbox").iterdir()) == ["out"]  # nothing escaped
    index = read_jsonl(out / "_index.jsonl")
    assert len(index) == 4 + 10
    rejects = read_jsonl(out / "_rejects.jsonl")
    assert [r["input"] for r in rejects] == [i["input"] for i in index if i["status"] == "rejected"]
    assert {r["error"]["type"] for r in rejects} == {"empty", "bad_record"}
    assert all(r["status"] == "rejected" and r["article"] is None for r in rejects)
    content = (out / "in" / "sub" / "deeper" / f"a.txt.{fmt}").read_text(encoding="utf-8")
    article = newsclean.clean(page(1))
    if fmt == "json":
        assert json.loads(content) == article.model_dump(mode="json")
    elif fmt == "txt":
        assert content == f"{article.headline}\n\n{article.body}\n"
    else:
        assert content.startswith(f"# {article.headline}\n\n")
        assert all(p in content for p in article.paragraphs)


def test_stdin_page_and_stdin_records(tmp_path):
    out = tmp_path / "one.jsonl"
    done = subprocess.run([sys.executable, "-m", "newsclean.cli", "clean", "-", "-o", str(out), "-q"],
                          input=page(4).encode(), capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    [line] = read_jsonl(out)
    assert line["input"] == "-" and line["status"] == "ok"
    records = "".join(json.dumps({"id": f"r{i}", "text": page(i)}) + "\n" for i in range(5))
    out2 = tmp_path / "many.jsonl"
    done = subprocess.run([sys.executable, "-m", "newsclean.cli", "clean", "-", "-o", str(out2), "-q"],
                          input=records.encode(), capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [line["input"] for line in read_jsonl(out2)] == [f"-#r{i}" for i in range(5)]


def test_usage_and_output_errors(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(page(1))
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    assert cli(str(src), "-o", str(blocker / "out.jsonl"), "-q") == 3
    assert "cannot write" in capsys.readouterr().err
    assert cli(str(tmp_path / "missing"), "-o", str(tmp_path / "o.jsonl")) == 2
    assert "does not exist" in capsys.readouterr().err
    assert cli(str(src), "-o", str(tmp_path / "o.jsonl"), "--format", "html") == 2
    assert "--input-format" in capsys.readouterr().err
    assert cli(str(src), "-o", str(tmp_path / "o.jsonl"), "--explain") == 2
    capsys.readouterr()
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("somebody's file")
    assert cli(str(src), "-o", str(full), "--format", "txt") == 2
    assert "not empty" in capsys.readouterr().err
    assert cli(str(src), "-o", str(full), "--format", "txt", "--resume") == 2
    assert (full / "keep.txt").read_text() == "somebody's file"


def test_rerun_without_resume_replaces_jsonl_and_resume_mismatch_is_refused(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(page(1))
    b.write_text(page(2))
    out = tmp_path / "out.jsonl"
    assert cli(str(a), str(b), "-o", str(out), "-q") == 0
    assert cli(str(b), "-o", str(out), "-q") == 0
    assert [line["input"] for line in read_jsonl(out)] == [str(b)]
    assert cli(str(a), "-o", str(out), "-q", "--resume") == 2
    assert "cannot resume" in capsys.readouterr().err
    assert [line["input"] for line in read_jsonl(out)] == [str(b)]
    # resuming a finished run with more inputs appends only the new pages
    assert cli(str(b), str(a), "-o", str(out), "--resume") == 0
    assert [line["input"] for line in read_jsonl(out)] == [str(b), str(a)]
    assert "1 already done" in capsys.readouterr().err


def test_resume_truncates_a_torn_last_line(corpus, tmp_path):
    root, expected = corpus
    ref = tmp_path / "ref.jsonl"
    assert cli(str(root), "-o", str(ref), "-q", "--workers", "2", "--max-bytes", MAX) == 0
    out = tmp_path / "out.jsonl"
    lines = ref.read_bytes().splitlines(keepends=True)
    Path(str(out) + ".part").write_bytes(b"".join(lines[:37]) + lines[37][:100])  # killed mid-write
    assert cli(str(root), "-o", str(out), "-q", "--resume", "--workers", "2", "--max-bytes", MAX) == 0
    assert out.read_bytes() == ref.read_bytes()
    assert not Path(str(out) + ".part").exists()


# ------------------------------------------------------------------------------------------
# SIGKILL at any moment, then --resume: the same output as an uninterrupted run
# ------------------------------------------------------------------------------------------


def _count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _kill_and_resume(args: list[str], progress_file: Path, total: int) -> list[int]:
    """Start the run and SIGKILL it: first as soon as some output is committed, then after fixed
    delays from the start (during start-up, while writing, ...), each time resuming; then let
    the last run finish. Returns the committed line counts seen at each kill."""
    command = [sys.executable, "-m", "newsclean.cli", "clean", *args, "--quiet"]
    seen: list[int] = []
    # ("grow", t): once this run has committed something new, wait t seconds more, then kill.
    plan: list[object] = ["first-commit", 0.05, ("grow", 0.0), ("grow", 0.021), ("grow", 0.047), "finish"]
    for n, step in enumerate(plan):
        proc = subprocess.Popen(command + (["--resume"] if n else []), start_new_session=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            if step == "first-commit":
                deadline = time.monotonic() + 60
                while proc.poll() is None and _count_lines(progress_file) == 0 and time.monotonic() < deadline:
                    time.sleep(0.005)
            elif isinstance(step, float):
                try:
                    proc.wait(timeout=step)
                except subprocess.TimeoutExpired:
                    pass
            elif isinstance(step, tuple):
                before = _count_lines(progress_file)
                deadline = time.monotonic() + 60
                while proc.poll() is None and _count_lines(progress_file) <= before and time.monotonic() < deadline:
                    time.sleep(0.002)
                time.sleep(step[1])
            if step == "finish" or proc.poll() is not None:
                _, err = proc.communicate(timeout=120)
                assert proc.returncode == 0, err
                return seen
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            seen.append(_count_lines(progress_file))
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # no strays, whatever happened
            except (ProcessLookupError, PermissionError):
                pass
            proc.communicate()
    raise AssertionError("unreachable")


def test_sigkill_mid_run_then_resume_equals_uninterrupted_run_jsonl(tmp_path):
    root = tmp_path / "pages"
    root.mkdir()
    expected = make_corpus(root, n=400)
    ref = tmp_path / "ref.jsonl"
    assert cli(str(root), "-o", str(ref), "-q", "--workers", "2", "--max-bytes", MAX) == 0
    out = tmp_path / "out.jsonl"
    seen = _kill_and_resume([str(root), "-o", str(out), "--workers", "2", "--max-bytes", MAX],
                            Path(str(out) + ".part"), len(expected))
    print("kills at committed lines:", seen)
    assert any(0 < n < len(expected) for n in seen), seen  # at least one kill landed mid-way
    assert out.read_bytes() == ref.read_bytes()
    inputs = [line["input"] for line in read_jsonl(out)]
    assert len(inputs) == len(set(inputs)) == len(expected) and set(inputs) == set(expected)
    assert not Path(str(out) + ".part").exists()


def test_sigkill_mid_run_then_resume_equals_uninterrupted_run_folder(tmp_path):
    root = tmp_path / "pages"
    root.mkdir()
    expected = make_corpus(root, n=400)
    ref = tmp_path / "ref"
    assert cli(str(root), "-o", str(ref), "--format", "txt", "-q", "--workers", "2", "--max-bytes", MAX) == 0
    out = tmp_path / "out"
    seen = _kill_and_resume([str(root), "-o", str(out), "--format", "txt", "--workers", "2", "--max-bytes", MAX],
                            out / "_index.jsonl", len(expected))
    assert any(0 < n < len(expected) for n in seen), seen

    def tree(base: Path) -> dict[str, bytes]:
        return {str(p.relative_to(base)): p.read_bytes() for p in base.rglob("*") if p.is_file()}

    assert tree(out) == tree(ref)  # no torn, missing, stray or temporary files
    inputs = [line["input"] for line in read_jsonl(out / "_index.jsonl")]
    assert len(inputs) == len(set(inputs)) == len(expected) and set(inputs) == set(expected)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_sigterm_stops_cleanly_and_resume_completes(corpus, tmp_path, signum):
    root, expected = corpus
    out = tmp_path / "out.jsonl"
    part = Path(str(out) + ".part")
    command = [sys.executable, "-m", "newsclean.cli", "clean", str(root), "-o", str(out), "--workers", "2",
               "--max-bytes", MAX]
    proc = subprocess.Popen(command, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and _count_lines(part) == 0 and time.monotonic() < deadline:
            time.sleep(0.005)
        if proc.poll() is None:
            os.killpg(proc.pid, signum)  # as a terminal's Ctrl-C does: the whole group
        _, err = proc.communicate(timeout=60)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    message = err.decode()
    assert proc.returncode == 130, message
    assert "Traceback" not in message and message.rstrip().splitlines()[-1].endswith(f"--resume to continue into {out}")
    assert 0 < _count_lines(part) < len(expected) and not out.exists()
    assert cli(str(root), "-o", str(out), "--workers", "2", "--max-bytes", MAX, "--resume", "-q") == 0
    lines = read_jsonl(out)
    assert [line["input"] for line in lines] == sorted(expected, key=lambda k: lines_order(root, k))
    assert {line["input"]: line["status"] for line in lines} == expected  # no page recorded as crashed


def test_unicode_line_separators_never_split_a_line(tmp_path):
    src = tmp_path / "odd.txt"
    src.write_text(page(1).replace("(Story 1.)", "(Story 1.)\u2028next\u2029para\x85nel"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli(str(src), "-o", str(out), "-q") == 0
    text = out.read_text(encoding="utf-8")
    assert len(text.splitlines()) == 1  # str.splitlines splits on U+2028, U+2029 and NEL
    assert "\u2028next" in json.loads(text)["article"]["body"]


def test_progress_bar_goes_to_the_given_stream(corpus, tmp_path):
    import io

    from newsclean.batch import BatchOptions, Limits, run_batch

    root, expected = corpus
    stream = io.StringIO()
    summary = run_batch(BatchOptions(inputs=[str(root)], output=str(tmp_path / "o.jsonl"), workers=2,
                                     limits=Limits(max_bytes=int(MAX))), progress=stream)
    assert (summary.ok, summary.rejected, summary.skipped) == (N_GOOD, 5, 0)
    text = stream.getvalue()
    assert "pages/s" in text and text.startswith("\r") and text.endswith("\r\x1b[K")
    assert summary.rules and summary.lines()[0].startswith(f"{N_GOOD + 5} pages in ")


def test_jsonl_output_loads_with_datasets_when_installed(corpus, tmp_path):
    datasets = pytest.importorskip("datasets")
    from newsclean.batch import datasets_features

    root, expected = corpus
    out = tmp_path / "out.jsonl"
    assert cli(str(root), "-o", str(out), "-q", "--max-bytes", MAX) == 0
    for features in (None, datasets_features()):
        ds = datasets.load_dataset("json", data_files=str(out), split="train", features=features,
                                   cache_dir=str(tmp_path / "hf-cache"))
        assert ds.num_rows == len(expected)
        assert sum(1 for s in ds["status"] if s == "ok") == N_GOOD


def test_folder_resume_repairs_torn_index_and_extra_rejects(corpus, tmp_path):
    import shutil

    root, expected = corpus
    ref = tmp_path / "ref"
    assert cli(str(root), "-o", str(ref), "--format", "json", "-q", "--max-bytes", MAX) == 0
    out = tmp_path / "out"
    shutil.copytree(ref, out)
    index = (ref / "_index.jsonl").read_bytes().splitlines(keepends=True)
    # killed after the rejects of the first 3 pages were appended but only 2 index lines were,
    # the third torn; plus a page file of a later page that never got its index line.
    (out / "_index.jsonl").write_bytes(b"".join(index[:2]) + index[2][:30])
    rejects = (ref / "_rejects.jsonl").read_bytes().splitlines(keepends=True)
    assert json.loads(index[0])["status"] == json.loads(index[1])["status"] == "rejected"
    (out / "_rejects.jsonl").write_bytes(b"".join(rejects[:3]) + rejects[3][:10])
    for n, line in enumerate(index[2:]):
        entry = json.loads(line)
        if entry["output"] and n % 2:
            (out / entry["output"]).unlink()  # some page files never written
    assert cli(str(root), "-o", str(out), "--format", "json", "-q", "--resume", "--max-bytes", MAX) == 0

    def tree(base: Path) -> dict[str, bytes]:
        return {str(p.relative_to(base)): p.read_bytes() for p in base.rglob("*") if p.is_file()}

    assert tree(out) == tree(ref)


def test_gzipped_jsonl_and_ndjson_inputs(tmp_path):
    rows = "".join(json.dumps({"id": f"g{i}", "text": page(i)}) + "\n" for i in range(3))
    packed = tmp_path / "crawl.jsonl.gz"
    packed.write_bytes(gzip.compress(rows.encode("utf-8")))
    plain = tmp_path / "more.ndjson"
    plain.write_text(rows.replace('"g', '"n'), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli(str(packed), str(plain), "-o", str(out), "-q") == 0
    lines = read_jsonl(out)
    assert [line["input"] for line in lines] == [f"{packed}#g{i}" for i in range(3)] + [f"{plain}#n{i}" for i in range(3)]
    assert all(line["status"] == "ok" for line in lines)
