"""Batch and streaming cleaning.

Two layers:

* :func:`clean_many` / :func:`clean_files` - the Python API for data pipelines. They take any
  iterable (a list, a generator over a database cursor, ...) and yield one result per input, in
  input order: an :class:`~newsclean.Article` or a :class:`Failure`. An exception never ends the
  stream, and at most ``workers * window`` chunks are in flight, so memory stays flat however
  long the stream is.
* :func:`run_batch` - the resumable corpus runner behind ``newsclean clean INPUT... --output OUT``
  (see ``docs/batch.md`` for the on-disk contract and how resume works).

Parallelism is a :class:`~concurrent.futures.ProcessPoolExecutor` fed through a bounded window of
futures (never ``Pool.imap``, whose feeder thread drains the whole input). Results are yielded in
submission order. A worker that dies (segfault, OOM kill) breaks the pool; the pool is rebuilt, the
chunk at the head is retried one page at a time so the page that kills workers is isolated and
reported as a ``worker_crashed`` failure, and the other in-flight chunks are resubmitted.
"""

from __future__ import annotations

import fnmatch
import gzip
import hashlib
import io
import json
import os
import signal
import stat
import sys
import threading
import time
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from .api import DEFAULT_LIMITS, DEFAULT_PIPELINE, InputFormat, Limits, clean, clean_and_explain
from .errors import InputTooLargeError, NewscleanError
from .models import Article
from .pipeline import Pipeline

OutputFormat = Literal["jsonl", "json", "txt", "md"]
OUTPUT_FORMATS: tuple[str, ...] = ("jsonl", "json", "txt", "md")

#: File names a directory walk picks up when no ``--glob`` is given: text and HTML, plain or gzip.
DEFAULT_GLOBS: tuple[str, ...] = tuple(
    pattern + gz
    for pattern in ("*.txt", "*.text", "*.htm", "*.html", "*.xhtml", "*.shtml")
    for gz in ("", ".gz")
)
#: Inputs with these endings hold one page per line (a JSON record) instead of one page per file.
JSONL_SUFFIXES: tuple[str, ...] = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """One input that produced no article, and why.

    ``input`` names the input: ``"#<index>"`` for a string/bytes item (0-based position in the
    stream), the record's id (or ``"#<index>"``) for a record, the path for a file.
    ``error_type`` is a short stable code: the ``code`` of the :class:`~newsclean.NewscleanError`
    that was raised (``empty``, ``binary``, ``too_large``, ``undecodable``, ``timeout``,
    ``no_article``) or one of ``unreadable`` (file could not be read), ``bad_record`` (a record
    without a usable text field, a line that is not JSON), ``worker_crashed`` (the page killed its
    worker process) and ``internal`` (an unexpected exception: a bug, please report it).
    """

    input: str
    error_type: str
    message: str

    ok: ClassVar[bool] = False

    def to_dict(self) -> dict[str, str]:
        """The ``error`` object of a JSONL line: ``{"type": ..., "message": ...}``."""
        return {"type": self.error_type, "message": self.message}


Result = Article | Failure


# --------------------------------------------------------------------------------------------
# Tasks and the work done in a worker
# --------------------------------------------------------------------------------------------

# A task is a small picklable tuple: (kind, key, data, url, rel)
#   kind "page": data is the page (str or bytes)
#   kind "file": data is a filesystem path, read (and gunzipped) in the worker
#   kind "fail": data is (error_type, message), decided before dispatch (bad record, ...)
# ``rel`` is the relative output path in the directory formats (unused by workers).
Task = tuple


@dataclass(frozen=True)
class _Config:
    input_format: InputFormat = "auto"
    pipeline: Pipeline = DEFAULT_PIPELINE
    limits: Limits = DEFAULT_LIMITS
    mode: Literal["article", "record"] = "article"
    out_format: str = "jsonl"
    parent_pid: int | None = None  # set: workers die with this process (CLI runs; Linux only)
    kill_after: float | None = None  # seconds a page may run in a worker before it is killed


_WORKER_CONFIG: _Config | None = None


def _init_worker(config: _Config) -> None:
    global _WORKER_CONFIG
    _WORKER_CONFIG = config
    # Ctrl-C goes to the whole process group; only the parent decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if config.parent_pid is not None:
        # A service manager's SIGTERM reaches the whole group: the parent stops the run cleanly;
        # a worker killed by it first would otherwise be recorded as a crashed page.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        _die_with_parent(config.parent_pid)


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to SIGKILL this worker when its parent dies (a killed run leaves no orphans).

    Only for the CLI runner, whose main thread creates the workers: the signal follows the
    *thread* that forked, so a library caller's short-lived thread would take the workers with it.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - best effort
        return
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def _run_chunk(chunk: list[Task]) -> list[Any]:
    assert _WORKER_CONFIG is not None
    return [_process(task, _WORKER_CONFIG) for task in chunk]


def read_page_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """Read one page file as bytes, gunzipping ``*.gz``; never reads more than ``max_bytes + 1``."""
    name = os.fspath(path)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(name, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"{'decompressed ' if name.endswith('.gz') else ''}file is larger than max_bytes={max_bytes:,}; "
            "raise the limit (--max-bytes / Limits(max_bytes=...)) to clean it"
        )
    return data


def _process(task: Task, config: _Config) -> Any:
    kind, key, data, url = task[0], task[1], task[2], task[3]
    try:
        if kind == "fail":
            failure = Failure(key, data[0], data[1])
            return failure if config.mode == "article" else _record_failure(failure)
        if kind == "file":
            try:
                page: str | bytes = read_page_file(data, config.limits.max_bytes)
            except NewscleanError:
                raise
            except (OSError, EOFError, zlib.error) as exc:
                failure = Failure(key, "unreadable", f"cannot read {data}: {_describe(exc)}")
                return failure if config.mode == "article" else _record_failure(failure)
        else:
            page = data
        if config.mode == "article":  # no audit trail asked for: clean() does not build one
            return clean(page, url=url, format=config.input_format, pipeline=config.pipeline, limits=config.limits)
        explanation = clean_and_explain(
            page, url=url, format=config.input_format, pipeline=config.pipeline, limits=config.limits
        )
        return _record_ok(key, explanation.article, explanation.removals, config.out_format)
    except NewscleanError as exc:
        failure = Failure(key, exc.code, exc.message)
        return failure if config.mode == "article" else _record_failure(failure)
    except Exception as exc:  # noqa: BLE001 - an exception must never end the stream
        failure = Failure(key, "internal", f"unexpected {_describe(exc)} (a newsclean bug; please report it)")
        return failure if config.mode == "article" else _record_failure(failure)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().replace("\n", " ")
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


_LINE_BREAKERS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def _json_line(obj: dict[str, Any]) -> str:
    """One compact JSON line, UTF-8. Characters that some readers take for line breaks (NEL,
    U+2028, U+2029; ``str.splitlines`` does) are escaped, so a line is always one line."""
    try:
        line = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
        line.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from a str input: escape them instead
        line = json.dumps(obj, ensure_ascii=True, separators=(",", ":"))
    return line.translate(_LINE_BREAKERS) + "\n"


# A processed page as the runner needs it: status, the JSONL line, the rendered file content for
# the directory formats, the error object, and the removal-rule counts for the summary.
@dataclass(frozen=True)
class _Record:
    status: str
    line: str
    rendered: str | None
    error: dict[str, str] | None
    rules: tuple[tuple[str, int], ...]


def _record_ok(key: str, article: Article, removals: Iterable[Any], out_format: str) -> _Record:
    data = article.model_dump(mode="json")
    line = _json_line({"input": key, "status": "ok", "article": data, "error": None})
    rendered = None if out_format == "jsonl" else render(article, out_format, data=data)
    rules = tuple(Counter(removal.rule for removal in removals).items())
    return _Record("ok", line, rendered, None, rules)


def _record_failure(failure: Failure) -> _Record:
    error = failure.to_dict()
    line = _json_line({"input": failure.input, "status": "rejected", "article": None, "error": error})
    return _Record("rejected", line, None, error, ())


# --------------------------------------------------------------------------------------------
# Rendering for the one-file-per-page formats
# --------------------------------------------------------------------------------------------

_MD_SPECIAL_START = ("#", ">", "-", "+", "*", "=", "|", "`", "~", "_", "<")


def _md_escape(paragraph: str) -> str:
    if paragraph.startswith(_MD_SPECIAL_START):
        return "\\" + paragraph
    digits = len(paragraph) - len(paragraph.lstrip("0123456789"))
    if digits and paragraph[digits:digits + 1] in (".", ")"):
        return paragraph[:digits] + "\\" + paragraph[digits:]
    return paragraph


def render(article: Article, out_format: str, *, data: dict[str, Any] | None = None) -> str:
    """Render an article as one file: ``json`` (the Article's fields), ``txt`` or ``md``.

    ``txt``: the headline, a blank line, then the body (one paragraph per line).
    ``md``: ``# headline``, an italic line with source / author / date / URL, then the paragraphs
    separated by blank lines (a leading Markdown marker in a paragraph is backslash-escaped).
    """
    if out_format == "json":
        return json.dumps(data if data is not None else article.model_dump(mode="json"),
                          ensure_ascii=False, indent=2) + "\n"
    if out_format == "txt":
        head = f"{article.headline}\n\n" if article.headline else ""
        return head + article.body + "\n"
    if out_format == "md":
        parts: list[str] = []
        if article.headline:
            parts.append("# " + article.headline.replace("\n", " "))
        facts = [article.source, article.author,
                 article.published.isoformat() if article.published else None,
                 f"<{article.url}>" if article.url else None]
        facts = [fact for fact in facts if fact]
        if facts:
            parts.append("*" + " · ".join(facts) + "*")
        parts.extend(_md_escape(p) for p in article.paragraphs if p.strip())
        return "\n\n".join(parts) + "\n"
    raise ValueError(f"unknown output format {out_format!r}; expected one of {', '.join(OUTPUT_FORMATS)}")


# --------------------------------------------------------------------------------------------
# The ordered, bounded parallel map
# --------------------------------------------------------------------------------------------


def default_workers() -> int:
    """The number of CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _chunked(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _crash_result(task: Task, config: _Config, detail: str, error_type: str = "worker_crashed") -> Any:
    failure = Failure(task[1], error_type, detail)
    return failure if config.mode == "article" else _record_failure(failure)


def default_kill_after(limits: Limits) -> float | None:
    """The hard per-page limit in worker processes: the soft ``time_budget`` (checked between
    rules) cannot stop one runaway pattern; past ``3 * time_budget + 10`` s the worker is killed."""
    return None if not limits.time_budget else 3 * limits.time_budget + 10


class _Executor:
    """A process pool that can be rebuilt after a worker dies."""

    def __init__(self, workers: int, config: _Config) -> None:
        self.workers = workers
        self.config = config
        self.pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        context = None
        if self.config.parent_pid is not None and sys.platform.startswith("linux"):
            # The runner's workers must be its own children (for PR_SET_PDEATHSIG), whatever the
            # platform default start method is (forkserver from Python 3.14).
            import multiprocessing

            context = multiprocessing.get_context("fork")
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=_init_worker,
                                   initargs=(self.config,))

    def rebuild(self, kill: bool = False) -> None:
        if kill:  # a worker is stuck: stop them all (their other work is resubmitted)
            for process in list(getattr(self.pool, "_processes", {}).values()):
                try:
                    process.kill()
                except Exception:  # noqa: BLE001 - already gone
                    pass
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new()

    def submit(self, chunk: list[Task]):
        return self.pool.submit(_run_chunk, chunk)

    def isolate(self, chunk: list[Task]) -> list[Any]:
        """Run a chunk that broke the pool one task at a time; the culprit becomes a failure."""
        results = []
        for task in chunk:
            try:
                results.append(self.submit([task]).result(timeout=self.config.kill_after)[0])
            except FutureTimeout:
                results.append(_crash_result(
                    task, self.config, f"cleaning this page took more than {self.config.kill_after:g} s; "
                    "its worker process was killed", "timeout"))
                self.rebuild(kill=True)
            except BrokenProcessPool:
                results.append(_crash_result(
                    task, self.config,
                    "the worker process died while cleaning this page (crash or out of memory)"))
                self.rebuild()
            except Exception as exc:  # noqa: BLE001
                results.append(_crash_result(task, self.config, f"could not run this page: {_describe(exc)}"))
        return results

    def shutdown(self, wait: bool = False) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=True)


def _ordered_map(
    tasks: Iterable[Task], config: _Config, *, workers: int, chunksize: int, window: int, wait: bool = False,
    in_process: bool | None = None,
) -> Iterator[tuple[list[Task], list[Any]]]:
    """Yield ``(chunk, results)`` in input order, with at most ``window`` chunks in flight.

    ``wait``: on exit, wait for the workers to end (the runner does: forked workers share its
    open output files and their locks). ``in_process`` (default: ``workers <= 1``) cleans in
    this process: no pickling, but no protection against a crash or a runaway page.
    """
    chunks = _chunked(tasks, max(1, chunksize))
    if in_process if in_process is not None else workers <= 1:
        for chunk in chunks:
            yield chunk, [_process(task, config) for task in chunk]
        return
    executor = _Executor(max(1, workers), config)
    pending: deque[list[Any]] = deque()
    try:
        def fill() -> None:
            while len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    return
                pending.append([chunk, executor.submit(chunk)])

        fill()
        while pending:
            chunk, future = pending.popleft()
            timeout = config.kill_after * len(chunk) if config.kill_after else None
            try:
                results = future.result(timeout=timeout)
            except (BrokenProcessPool, FutureTimeout) as exc:
                executor.rebuild(kill=isinstance(exc, FutureTimeout))
                results = executor.isolate(chunk)
                for entry in pending:
                    entry[1] = executor.submit(entry[0])
            except Exception as exc:  # noqa: BLE001 - e.g. an item that cannot be pickled
                results = [_crash_result(task, config, f"could not send this page to a worker: {_describe(exc)}")
                           for task in chunk]
            yield chunk, results
            fill()
    finally:
        executor.shutdown(wait=wait)


# --------------------------------------------------------------------------------------------
# Python API
# --------------------------------------------------------------------------------------------


def _item_task(index: int, item: Any, text_field: str, id_field: str, url_field: str) -> Task:
    if isinstance(item, (str, bytes, bytearray, memoryview)):
        return ("page", f"#{index}", bytes(item) if not isinstance(item, (str, bytes)) else item, None, None)
    if isinstance(item, Mapping):
        ident = item.get(id_field)
        key = str(ident) if ident not in (None, "") else f"#{index}"
        page = item.get(text_field)
        url = item.get(url_field)
        url = url if isinstance(url, str) and url else None
        if isinstance(page, (str, bytes)):
            return ("page", key, page, url, None)
        what = "no" if page is None else f"a {type(page).__name__} in its"
        return ("fail", key, ("bad_record", f"record has {what} {text_field!r} field; expected the page as a string"),
                None, None)
    return ("fail", f"#{index}", ("bad_record", f"item is a {type(item).__name__}; expected str, bytes or a record (dict)"),
            None, None)


def clean_many(
    items: Iterable[str | bytes | Mapping[str, Any]],
    *,
    workers: int | None = 1,
    format: InputFormat = "auto",
    pipeline: Pipeline = DEFAULT_PIPELINE,
    limits: Limits = DEFAULT_LIMITS,
    text_field: str = "text",
    id_field: str = "id",
    url_field: str = "url",
    chunksize: int = 4,
    window: int = 4,
    kill_after: float | Literal["auto"] | None = "auto",
) -> Iterator[Result]:
    """Clean a stream of pages; yield one :class:`Article` or :class:`Failure` per item, in order.

    ``items`` are strings, bytes or records (mappings) whose page is in ``text_field`` (its id in
    ``id_field`` names it in failures; a string in ``url_field`` is passed as ``url``).
    ``workers``: 1 (default) cleans in this process; N > 1 uses N worker processes (``None``: one
    per CPU). With workers, ``pipeline`` and ``limits`` must be picklable unless the platform forks.
    At most ``workers * window`` chunks of ``chunksize`` items are read ahead, so memory stays
    flat for an endless stream. Bad input never raises: it becomes a :class:`Failure`.
    ``kill_after`` (workers > 1 only): seconds one page may run before its worker is killed and
    the page becomes a ``timeout`` failure; ``"auto"`` is ``3 * limits.time_budget + 10``.
    """
    n = default_workers() if workers is None else int(workers)
    config = _Config(input_format=format, pipeline=pipeline, limits=limits, mode="article",
                     kill_after=default_kill_after(limits) if kill_after == "auto" else kill_after)
    tasks = (_item_task(i, item, text_field, id_field, url_field) for i, item in enumerate(items))
    for _chunk, results in _ordered_map(tasks, config, workers=n, chunksize=chunksize, window=max(1, n * window)):
        yield from results


def clean_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = 1,
    format: InputFormat = "auto",
    pipeline: Pipeline = DEFAULT_PIPELINE,
    limits: Limits = DEFAULT_LIMITS,
    chunksize: int = 4,
    window: int = 4,
    kill_after: float | Literal["auto"] | None = "auto",
) -> Iterator[Result]:
    """Like :func:`clean_many` over files: each path is one page (``*.gz`` is decompressed).

    Files are read inside the workers, never more than ``limits.max_bytes + 1`` bytes. A file that
    cannot be read yields ``Failure(path, "unreadable", ...)``. To clean a folder, pass
    ``sorted(Path(folder).rglob("*.html"))``; for JSONL inputs use :func:`clean_many` on records.
    """
    n = default_workers() if workers is None else int(workers)
    config = _Config(input_format=format, pipeline=pipeline, limits=limits, mode="article",
                     kill_after=default_kill_after(limits) if kill_after == "auto" else kill_after)
    tasks = (("file", os.fspath(p), os.fspath(p), None, None) for p in paths)
    for _chunk, results in _ordered_map(tasks, config, workers=n, chunksize=chunksize, window=max(1, n * window)):
        yield from results


def datasets_features() -> Any:
    """The ``datasets.Features`` of the CLI's JSONL output (needs the ``datasets`` package).

    ``datasets.load_dataset("json", ...)`` infers column types from the first 10 MB of a file; a
    field that is null in all of it (``error`` when the first pages all succeed, ``author`` on a
    site without bylines) is typed ``null`` and a later value then fails to cast. Passing these
    features avoids that::

        datasets.load_dataset("json", data_files="out.jsonl", features=datasets_features())

    Every article field is a string (``published`` stays ISO 8601 text).
    """
    from datasets import Features, Value

    string = Value("string")
    return Features({
        "input": string,
        "status": string,
        "article": {name: string for name in Article.model_fields},
        "error": {"type": string, "message": string},
    })


# --------------------------------------------------------------------------------------------
# The corpus runner: inputs → tasks
# --------------------------------------------------------------------------------------------


class BatchError(NewscleanError):
    """A batch run cannot start or go on; ``exit_code`` is what the CLI exits with."""

    code = "batch"
    exit_code = 1


class UsageError(BatchError):
    """Bad arguments: a missing input, an OUT that belongs to another run, ..."""

    code = "usage"
    exit_code = 2


class OutputError(BatchError):
    """OUT cannot be created or written."""

    code = "output"
    exit_code = 3


_SAFE_PUNCT = frozenset("-_.,+=@ ()[]")


def safe_component(name: str) -> str:
    """One path component that stays inside its directory, injectively.

    Letters, digits and ``-_.,+=@ ()[]`` are kept; every other character (``/``, ``\\``, ``%``,
    ``#``, ``~``, controls, ...) becomes ``%XX`` per UTF-8 byte, and so does a leading ``.`` (so
    ``.``, ``..`` and hidden names cannot appear). Over-long names are cut and suffixed with
    ``%~`` and a hash. ``#`` and ``~`` are thus free to mark record containers and duplicates.
    """
    out = []
    for ch in name:
        if (ch.isalnum() or ch in _SAFE_PUNCT) and ch.isprintable():
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
    text = "".join(out)
    if text.startswith("."):
        text = "%2E" + text[1:]
    if not text:
        text = "%"
    if len(text.encode("utf-8")) > 200:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        cut = text.encode("utf-8")[:180].decode("utf-8", "ignore")
        text = f"{cut}%~{digest}"
    return text


def is_jsonl_name(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES)


@dataclass(frozen=True)
class _Source:
    kind: Literal["page", "jsonl"]
    path: str | None  # None: standard input
    key: str
    parts: tuple[str, ...]


def _matches(rel: str, name: str, globs: tuple[str, ...]) -> bool:
    for pattern in globs:
        target = rel if "/" in pattern else name
        if fnmatch.fnmatchcase(target, pattern) or fnmatch.fnmatchcase(target.lower(), pattern.lower()):
            return True
    return False


def _walk(root: str, globs: tuple[str, ...], exclude: frozenset[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Files under ``root`` matching ``globs``, depth-first in name order; hidden entries and
    symlinked directories are skipped, and so is anything in ``exclude`` (OUT and its files)."""
    stack: list[tuple[str, tuple[str, ...]]] = [(root, ())]
    while stack:
        directory, rel = stack.pop()
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError:
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = entry.path
            if os.path.realpath(path) in exclude:
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    subdirs.append((path, rel + (entry.name,)))
                    continue
                if not entry.is_file():
                    continue
            except OSError:
                continue
            parts = rel + (entry.name,)
            if _matches("/".join(parts), entry.name, globs):
                yield path, parts
        # The stack is LIFO: push in reverse so directories are visited in name order. Files of a
        # directory come before its subdirectories.
        stack.extend(reversed(subdirs))


def _arg_prefixes(inputs: list[str]) -> list[str]:
    if len(inputs) == 1:
        return [""]
    names: list[str] = []
    seen: Counter[str] = Counter()
    for arg in inputs:
        if arg == "-":
            base = "stdin"
        else:
            base = os.path.basename(os.path.normpath(arg))
            if base in ("", ".", ".."):
                base = os.path.basename(os.path.abspath(arg)) or "root"
        seen[base] += 1
        names.append(base if seen[base] == 1 else f"{base}~{seen[base]}")
    return names


def iter_sources(
    inputs: list[str], *, globs: tuple[str, ...] = DEFAULT_GLOBS, exclude: frozenset[str] = frozenset()
) -> Iterator[_Source]:
    """The inputs, expanded: files as given, directories walked, ``-`` for standard input."""
    prefixes = _arg_prefixes(inputs)
    for arg, prefix in zip(inputs, prefixes):
        head: tuple[str, ...] = (prefix,) if prefix else ()
        if arg == "-":
            yield _Source("jsonl" if _stdin_is_jsonl() else "page", None, "-", head or ("stdin",))
        elif os.path.isdir(arg):
            for path, rel in _walk(arg, globs, exclude):
                key = os.path.join(arg, *rel)
                yield _Source("jsonl" if is_jsonl_name(rel[-1]) else "page", path, key, head + rel)
        else:
            base = os.path.basename(arg)
            yield _Source("jsonl" if is_jsonl_name(base) else "page", arg, arg, head or (base,))


def _stdin_is_jsonl() -> bool:
    """Standard input holds JSONL records when its first non-blank byte is ``{``, else one page."""
    stream = sys.stdin.buffer
    peek = getattr(stream, "peek", None)
    if peek is None:  # pragma: no cover
        return False
    head = peek(65536)[:65536]
    return head.lstrip()[:1] == b"{"


def _open_binary(source: _Source) -> io.BufferedIOBase:
    if source.path is None:
        return sys.stdin.buffer  # type: ignore[return-value]
    if source.path.endswith(".gz"):
        return gzip.open(source.path, "rb")  # type: ignore[return-value]
    return open(source.path, "rb")


class _Namer:
    """Relative output paths for the one-file-per-page formats (see docs/batch.md)."""

    def __init__(self, ext: str) -> None:
        self.ext = ext
        self._container: str | None = None
        self._ids: set[int] = set()

    def page(self, parts: tuple[str, ...]) -> str:
        comps = [safe_component(p) for p in parts]
        comps[-1] += "." + self.ext
        return "/".join(comps)

    def record(self, parts: tuple[str, ...], ident: str) -> str:
        container = "/".join(safe_component(p) for p in parts) + "#"
        if container != self._container:
            self._container, self._ids = container, set()
        name = safe_component(ident)
        digest = int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "big")
        n = 1
        while digest in self._ids:
            n += 1
            digest = int.from_bytes(hashlib.blake2b(f"{name}~{n}".encode("utf-8"), digest_size=8).digest(), "big")
        self._ids.add(digest)
        if n > 1:
            name = f"{name}~{n}"
        return f"{container}/{name}.{self.ext}"


def _read_line(handle: io.BufferedIOBase, limit: int) -> tuple[bytes | None, bool]:
    """(line, too_long). Never holds more than ``limit`` bytes of one line."""
    line = handle.readline(limit)
    if not line:
        return None, False
    if len(line) >= limit and not line.endswith(b"\n"):
        while True:  # skip the rest of an over-long line
            rest = handle.readline(1 << 20)
            if not rest or rest.endswith(b"\n"):
                break
        return b"", True
    return line, False


def _record_tasks(source: _Source, text_field: str, id_field: str, limits: Limits,
                  namer: _Namer | None) -> Iterator[Task]:
    limit = 6 * limits.max_bytes + 1_000_000  # JSON escapes can make a line up to 6x its text
    try:
        handle = _open_binary(source)
    except OSError as exc:
        # An unreadable JSONL file is one rejected input named after the file.
        rel = namer.page(source.parts) if namer else None
        yield ("fail", source.key, ("unreadable", f"cannot read {source.path}: {_describe(exc)}"), None, rel)
        return
    lineno = 0
    try:
        while True:
            try:
                line, too_long = _read_line(handle, limit)
            except (OSError, EOFError, zlib.error) as exc:
                key = f"{source.key}#L{lineno + 1}"
                rel = namer.record(source.parts, f"L{lineno + 1}") if namer else None
                yield ("fail", key, ("unreadable", f"cannot read {source.key} after line {lineno}: {_describe(exc)}"),
                       None, rel)
                return
            if line is None:
                return
            lineno += 1
            if too_long:
                key = f"{source.key}#L{lineno}"
                rel = namer.record(source.parts, f"L{lineno}") if namer else None
                yield ("fail", key, ("too_large", f"line {lineno} is longer than {limit:,} bytes"), None, rel)
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                record, problem = None, f"line {lineno} is not JSON: {_describe(exc)}"
            else:
                problem = None if isinstance(record, dict) else f"line {lineno} is a JSON {type(record).__name__}, not an object"
            ident = record.get(id_field) if isinstance(record, dict) else None
            ident = str(ident) if ident not in (None, "") else f"L{lineno}"
            key = f"{source.key}#{ident}"
            rel = namer.record(source.parts, ident) if namer else None
            if problem:
                yield ("fail", key, ("bad_record", problem), None, rel)
                continue
            page = record.get(text_field)
            if not isinstance(page, str):
                what = "no" if page is None else f"a {type(page).__name__} in its"
                yield ("fail", key, ("bad_record", f"record has {what} {text_field!r} field (choose it with --text-field)"),
                       None, rel)
                continue
            url = record.get("url")
            yield ("page", key, page, url if isinstance(url, str) and url else None, rel)
    finally:
        if source.path is not None:
            handle.close()


def _tasks(sources: Iterable[_Source], *, text_field: str, id_field: str, limits: Limits,
           namer: _Namer | None) -> Iterator[Task]:
    for source in sources:
        if source.kind == "jsonl":
            yield from _record_tasks(source, text_field, id_field, limits, namer)
            continue
        rel = namer.page(source.parts) if namer else None
        if source.path is not None:
            yield ("file", source.key, source.path, None, rel)
            continue
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            yield ("fail", "-", ("too_large", f"standard input is larger than max_bytes={limits.max_bytes:,}"), None, rel)
        else:
            yield ("page", "-", data, None, rel)


def count_inputs(inputs: list[str], *, globs: tuple[str, ...], exclude: frozenset[str]) -> int | None:
    """How many pages the inputs hold (JSONL lines counted), or None when stdin is among them."""
    if "-" in inputs:
        return None
    total = 0
    for source in iter_sources(inputs, globs=globs, exclude=exclude):
        if source.kind == "page":
            total += 1
            continue
        try:
            with _open_binary(source) as handle:
                last = b"\n"
                while True:
                    block = handle.read(1 << 20)
                    if not block:
                        break
                    total += block.count(b"\n")
                    last = block[-1:]
                total += last != b"\n"
        except (OSError, EOFError, zlib.error):
            total += 1
    return total


# --------------------------------------------------------------------------------------------
# The corpus runner: output sinks (see docs/batch.md, "Resume and atomicity")
# --------------------------------------------------------------------------------------------


def _lock(handle: io.IOBase, what: str) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise OutputError(f"another newsclean run is writing {what}; wait for it or choose another --output") from None


def _fsync_dir(path: str) -> None:
    try:
        fd = os.open(path or ".", os.O_RDONLY)
    except OSError:  # pragma: no cover
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


_KEY_PREFIX = b'{"input":'


def _line_key(line: bytes) -> str | None:
    """The ``input`` of a line written by this module (always its first field), or None."""
    if not line.startswith(_KEY_PREFIX) or not line.endswith(b"\n"):
        return None
    try:
        key, _end = json.JSONDecoder().raw_decode(line[len(_KEY_PREFIX):].decode("utf-8"))
    except ValueError:
        return None
    return key if isinstance(key, str) else None


def _scan_log(path: str, want: Callable[[bytes], bool] | None = None) -> tuple[int, int, int]:
    """Scan an append-only JSONL log: (complete valid lines, end offset of the last one, lines
    for which ``want`` is true). A torn or invalid line ends the valid prefix."""
    count = wanted = 0
    offset = 0
    with open(path, "rb") as handle:
        for line in handle:
            if _line_key(line) is None:
                break
            count += 1
            offset += len(line)
            if want is not None and want(line):
                wanted += 1
    return count, offset, wanted


def _iter_log_keys(path: str, count: int) -> Iterator[str]:
    with open(path, "rb") as handle:
        for n, line in enumerate(handle):
            if n >= count:
                return
            yield _line_key(line) or ""


class _Sink:
    done: int = 0
    out_path: str
    _poisoned: bool = False  # a commit failed half-way

    def done_keys(self) -> Iterator[str]:  # pragma: no cover - interface
        raise NotImplementedError

    def write(self, chunk: list[Task], results: list[_Record]) -> None:  # pragma: no cover
        raise NotImplementedError

    def commit(self, durable: bool = False) -> None:  # pragma: no cover
        raise NotImplementedError

    def finish(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def abort(self) -> None:  # pragma: no cover
        raise NotImplementedError


class _JsonlSink(_Sink):
    """OUT is one JSONL file, built in ``OUT.part`` and renamed to OUT when the run completes.

    Resuming continues ``OUT.part``; or, after a finished run, OUT itself, which is renamed back
    to ``OUT.part`` only when a new page is about to be appended (so a refused resume or one with
    nothing left to do leaves OUT as it was).
    """

    def __init__(self, out: str, resume: bool) -> None:
        self.out_path = out
        self.part = out + ".part"
        if os.path.isdir(out):
            raise UsageError(f"--output {out} is a directory; with --format jsonl OUT is a file "
                             "(use --format json|txt|md for a directory)")
        parent = os.path.dirname(os.path.abspath(out))
        self.log = self.part
        if resume and not os.path.exists(self.part) and os.path.exists(out):
            self.log = out  # continue a finished run (more inputs may have come)
        try:
            os.makedirs(parent, exist_ok=True)
            self.handle = open(self.log, "ab")
        except OSError as exc:
            raise OutputError(f"cannot write {out}: {_describe(exc)}") from None
        _lock(self.handle, out)
        try:
            if resume:
                self.done, offset, _ = _scan_log(self.log)
                self.handle.truncate(offset)  # drop a torn last line
            else:
                self.handle.truncate(0)
            self.handle.seek(0, os.SEEK_END)
        except OSError as exc:
            raise OutputError(f"cannot write {out}: {_describe(exc)}") from None
        self._keys_path = self.log
        self._buffer: list[str] = []

    def done_keys(self) -> Iterator[str]:
        return _iter_log_keys(self._keys_path, self.done)

    def write(self, chunk: list[Task], results: list[_Record]) -> None:
        self._buffer.extend(r.line for r in results)

    def commit(self, durable: bool = False) -> None:
        self._poisoned = True  # until this commit completes: abort must not write after a half commit
        try:
            if self._buffer:
                if self.log != self.part:  # reopen a finished OUT for appending
                    os.replace(self.log, self.part)  # the open handle (and its lock) follows the file
                    self.log = self.part
                data, self._buffer = "".join(self._buffer).encode("utf-8"), []
                self.handle.write(data)
                self.handle.flush()
            if durable:
                os.fsync(self.handle.fileno())
        except OSError as exc:
            raise OutputError(f"cannot write {self.out_path}: {_describe(exc)}; "
                              "free space and rerun with --resume") from None
        self._poisoned = False

    def finish(self) -> None:
        self.commit(durable=True)
        self.handle.close()
        if self.log == self.part:
            try:
                os.replace(self.part, self.out_path)
            except OSError as exc:
                raise OutputError(f"cannot write {self.out_path}: {_describe(exc)}") from None
            _fsync_dir(os.path.dirname(os.path.abspath(self.out_path)))

    def abort(self) -> None:
        try:
            if not self._poisoned:
                self.commit(durable=True)
        finally:
            self.handle.close()


_INDEX = "_index.jsonl"
_REJECTS = "_rejects.jsonl"


class _DirSink(_Sink):
    """OUT is a directory: one file per page (written to a temporary name, then renamed), plus
    ``_rejects.jsonl`` and ``_index.jsonl`` (one line per input, in input order: the resume log)."""

    def __init__(self, out: str, resume: bool) -> None:
        self.out_path = out
        self.index_path = os.path.join(out, _INDEX)
        self.rejects_path = os.path.join(out, _REJECTS)
        try:
            if os.path.exists(out) and not os.path.isdir(out):
                raise UsageError(f"--output {out} is a file; with --format json|txt|md OUT is a directory")
            if os.path.isdir(out) and os.listdir(out) and not (resume and os.path.exists(self.index_path)):
                if not resume:
                    raise UsageError(f"--output {out} is not empty; pass --resume to continue the run that wrote it, "
                                     "or choose an empty or new directory")
                raise UsageError(f"--output {out} is not empty and has no {_INDEX}: it was not written by newsclean")
            os.makedirs(out, exist_ok=True)
            self.root = os.path.realpath(out)
            self.index = open(self.index_path, "ab")
            _lock(self.index, out)
            if resume:
                self.done, offset, rejected = _scan_log(self.index_path, _is_rejected)
                self.index.truncate(offset)
                self.rejects = open(self.rejects_path, "ab")
                kept, roffset, _ = _scan_log(self.rejects_path)
                if kept < rejected:
                    raise OutputError(f"{self.rejects_path} has {kept} complete lines but {_INDEX} lists {rejected} "
                                      "rejected pages; it was changed by hand - start a new run")
                self.rejects.truncate(_offset_after_lines(self.rejects_path, rejected))
            else:
                self.index.truncate(0)
                self.rejects = open(self.rejects_path, "wb")
            self.index.seek(0, os.SEEK_END)
            self.rejects.seek(0, os.SEEK_END)
        except OSError as exc:
            raise OutputError(f"cannot write {out}: {_describe(exc)}") from None
        self._index_buf: list[str] = []
        self._reject_buf: list[str] = []
        self._safe_dirs: set[str] = set()
        self._unsynced_pages = 0

    def done_keys(self) -> Iterator[str]:
        return _iter_log_keys(self.index_path, self.done)

    def _target(self, rel: str) -> str:
        target = os.path.join(self.root, *rel.split("/"))
        parent = os.path.dirname(target)
        if parent not in self._safe_dirs:
            os.makedirs(parent, exist_ok=True)
            real = os.path.realpath(parent)
            if real != self.root and not real.startswith(self.root + os.sep):
                raise OutputError(f"refusing to write {rel}: {parent} leads outside {self.out_path} (a symlink?)")
            if len(self._safe_dirs) > 10_000:
                self._safe_dirs.clear()
            self._safe_dirs.add(parent)
        return target

    def write(self, chunk: list[Task], results: list[_Record]) -> None:
        for task, record in zip(chunk, results):
            key, rel = task[1], task[4]
            if record.status == "ok":
                assert record.rendered is not None
                try:
                    target = self._target(rel)
                    tmp = os.path.join(os.path.dirname(target), "." + os.path.basename(target) + ".newsclean-tmp")
                    with open(tmp, "wb") as handle:
                        handle.write(record.rendered.encode("utf-8", "surrogatepass"))
                    os.replace(tmp, target)
                    self._unsynced_pages += 1
                except OSError as exc:
                    raise OutputError(f"cannot write {os.path.join(self.out_path, rel)}: {_describe(exc)}") from None
                entry = {"input": key, "status": "ok", "output": rel, "error": None}
            else:
                self._reject_buf.append(record.line)
                entry = {"input": key, "status": "rejected", "output": None, "error": record.error}
            self._index_buf.append(_json_line(entry))

    def commit(self, durable: bool = False) -> None:
        """Append rejected lines now; append index lines only in a durable commit, after the page
        files they name are on disk (syncfs) and the rejects are fsynced: an index line on disk
        always means its page is complete, even after a power cut. Every commit here is durable
        (one syncfs per commit, i.e. per 64 pages or 0.5 s, costs a few ms)."""
        self._poisoned = True  # until this commit completes: abort must not write after a half commit
        try:
            if self._reject_buf:
                data, self._reject_buf = "".join(self._reject_buf).encode("utf-8"), []
                self.rejects.write(data)
                self.rejects.flush()
            if self._unsynced_pages:
                _syncfs(self.index.fileno())
                self._unsynced_pages = 0
            os.fsync(self.rejects.fileno())
            if self._index_buf:
                data, self._index_buf = "".join(self._index_buf).encode("utf-8"), []
                self.index.write(data)
                self.index.flush()
                os.fsync(self.index.fileno())
        except OSError as exc:
            raise OutputError(f"cannot write {self.out_path}: {_describe(exc)}; free space and rerun with --resume") from None
        self._poisoned = False

    def finish(self) -> None:
        self.commit(durable=True)
        self.rejects.close()
        self.index.close()

    def abort(self) -> None:
        try:
            if not self._poisoned:
                self.commit(durable=True)
        finally:
            self.rejects.close()
            self.index.close()


_LIBC: Any = None


def _syncfs(fd: int) -> None:
    """Flush the filesystem holding ``fd`` (Linux ``syncfs``; elsewhere ``sync``)."""
    global _LIBC
    try:
        if _LIBC is None:
            import ctypes

            _LIBC = ctypes.CDLL(None, use_errno=True)
        if _LIBC.syncfs(fd) == 0:
            return
    except Exception:  # noqa: BLE001 - no syncfs here
        pass
    os.sync()


def _is_rejected(line: bytes) -> bool:
    try:
        return json.loads(line).get("status") == "rejected"
    except ValueError:
        return False


def _offset_after_lines(path: str, count: int) -> int:
    offset = 0
    with open(path, "rb") as handle:
        for n, line in enumerate(handle):
            if n >= count:
                break
            offset += len(line)
    return offset


# --------------------------------------------------------------------------------------------
# The corpus runner
# --------------------------------------------------------------------------------------------


@dataclass
class BatchOptions:
    inputs: list[str]
    output: str
    out_format: str = "jsonl"
    workers: int | None = None
    resume: bool = False
    globs: tuple[str, ...] = DEFAULT_GLOBS
    text_field: str = "text"
    id_field: str = "id"
    input_format: InputFormat = "auto"
    limits: Limits = DEFAULT_LIMITS
    pipeline: Pipeline = DEFAULT_PIPELINE
    chunksize: int = 4
    window: int = 4
    commit_every: int = 64       # pages per commit (append + flush) at most
    commit_seconds: float = 0.5  # ... or this many seconds, whichever comes first
    fsync_seconds: float = 2.0   # fsync at most this often (and at the end)
    kill_after: float | Literal["auto"] | None = "auto"  # see clean_many


@dataclass
class BatchSummary:
    ok: int = 0
    rejected: int = 0
    skipped: int = 0
    reject_types: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    elapsed: float = 0.0
    interrupted: bool = False

    @property
    def pages(self) -> int:
        return self.ok + self.rejected

    def lines(self, top: int = 5) -> list[str]:
        rate = self.pages / self.elapsed if self.elapsed > 0 else 0.0
        done = f"{self.pages:,} pages in {self.elapsed:.1f} s ({rate:.1f} pages/s)"
        rejects = ""
        if self.reject_types:
            rejects = " (" + ", ".join(f"{k} {v:,}" for k, v in self.reject_types.most_common()) + ")"
        out = [f"{done}: {self.ok:,} ok, {self.rejected:,} rejected{rejects}"
               + (f"; {self.skipped:,} already done, skipped" if self.skipped else "")]
        if self.rules:
            out.append("top removal rules: " + ", ".join(f"{r} {n:,}" for r, n in self.rules.most_common(top)))
        return out


class _Progress:
    """``done/total pages, pages/s, ETA`` on one rewritten stderr line."""

    def __init__(self, stream: Any, total_thread: Callable[[], int | None] | None) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.last = 0.0
        self.total: int | None = None
        if total_thread is not None:
            def count() -> None:
                try:
                    self.total = total_thread()
                except Exception:  # noqa: BLE001 - the bar is only a convenience
                    self.total = None
            threading.Thread(target=count, daemon=True).start()

    def update(self, done: int, skipped: int, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-9)
        rate = done / elapsed
        if self.total is not None:
            remaining = max(self.total - skipped - done, 0)
            eta = _clock(remaining / rate) if rate > 0 else "?"
            frac = min(1.0, (done + skipped) / self.total) if self.total else 1.0
            bar = "#" * int(frac * 20)
            text = f"[{bar:<20}] {done + skipped:,}/{self.total:,} pages  {rate:.1f} pages/s  ETA {eta}"
        else:
            text = f"{done + skipped:,} pages  {rate:.1f} pages/s"
        self.stream.write("\r" + text + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def run_batch(options: BatchOptions, *, progress: Any = None) -> BatchSummary:
    """Clean every page of ``options.inputs`` into ``options.output``; see docs/batch.md.

    ``progress``: a text stream for the progress bar (None: no bar). Raises :class:`UsageError`
    or :class:`OutputError`; page problems are never raised, they are rejected lines.
    """
    if options.out_format not in OUTPUT_FORMATS:
        raise UsageError(f"--format must be one of {', '.join(OUTPUT_FORMATS)} when --output is given")
    for arg in options.inputs:
        if arg != "-" and not os.path.exists(arg):
            raise UsageError(f"input {arg} does not exist")
    if options.inputs.count("-") > 1:
        raise UsageError("standard input (-) can be given only once")
    out = options.output
    out_real = os.path.realpath(out)
    exclude = frozenset({out_real, os.path.realpath(out + ".part")})
    for arg in options.inputs:
        if arg != "-" and os.path.realpath(arg) in exclude:
            raise UsageError(f"input {arg} is the output")

    started = time.monotonic()
    summary = BatchSummary()
    sink: _Sink = _JsonlSink(out, options.resume) if options.out_format == "jsonl" else _DirSink(out, options.resume)
    namer = None if options.out_format == "jsonl" else _Namer(options.out_format)
    sources = iter_sources(options.inputs, globs=options.globs, exclude=exclude)
    tasks = _tasks(sources, text_field=options.text_field, id_field=options.id_field,
                   limits=options.limits, namer=namer)

    def pending() -> Iterator[Task]:
        expected = sink.done_keys()
        position = 0
        for task in tasks:
            if position < sink.done:
                key = next(expected, None)
                if key != task[1]:
                    raise UsageError(f"cannot resume: page {position + 1} of {out} is {key!r} but the inputs give "
                                     f"{task[1]!r}; these are different inputs - use a new --output or drop --resume")
                position += 1
                summary.skipped += 1
                continue
            yield task
        if position < sink.done:
            raise UsageError(f"cannot resume: {out} holds {sink.done:,} pages but the inputs only {position:,}; "
                             "these are different inputs - use a new --output or drop --resume")

    bar = None
    if progress is not None:
        has_stdin = "-" in options.inputs
        bar = _Progress(progress, None if has_stdin else
                        (lambda: count_inputs(options.inputs, globs=options.globs, exclude=exclude)))
    workers = default_workers() if options.workers is None else max(1, int(options.workers))
    config = _Config(input_format=options.input_format, pipeline=options.pipeline, limits=options.limits,
                     mode="record", out_format=options.out_format, parent_pid=os.getpid(),
                     kill_after=default_kill_after(options.limits) if options.kill_after == "auto"
                     else options.kill_after)

    # Ctrl-C / SIGTERM only raise a flag: the loop stops between chunks, so a commit is never cut
    # in half. A second signal interrupts at once.
    stop_requests = [0]
    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        def on_signal(signum: int, frame: Any) -> None:
            stop_requests[0] += 1
            if stop_requests[0] > 1:
                raise KeyboardInterrupt
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, on_signal)
    finished = False
    stream = None
    try:
        uncommitted = 0
        last_commit = last_sync = time.monotonic()
        stream = _ordered_map(pending(), config, workers=workers, chunksize=options.chunksize,
                              window=max(1, workers * options.window), wait=True, in_process=False)
        for chunk, results in stream:
            sink.write(chunk, results)
            for record in results:
                if record.status == "ok":
                    summary.ok += 1
                    for rule, n in record.rules:
                        summary.rules[rule] += n
                else:
                    summary.rejected += 1
                    summary.reject_types[record.error["type"] if record.error else "?"] += 1
            uncommitted += len(results)
            now = time.monotonic()
            if uncommitted >= options.commit_every or now - last_commit >= options.commit_seconds:
                durable = now - last_sync >= options.fsync_seconds
                sink.commit(durable=durable)
                uncommitted, last_commit = 0, now
                if durable:
                    last_sync = now
            if bar is not None:
                bar.update(summary.pages, summary.skipped)
            if stop_requests[0]:
                summary.interrupted = True
                break
        if not summary.interrupted:
            sink.finish()
            finished = True
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        if stream is not None:
            stream.close()  # stop the workers before the output files are closed
        if not finished:
            try:
                sink.abort()
            except BatchError:
                pass
        if bar is not None:
            bar.close()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        summary.elapsed = time.monotonic() - started
    return summary


__all__ = [
    "Failure", "Result", "clean_many", "clean_files", "run_batch", "BatchOptions", "BatchSummary",
    "BatchError", "UsageError", "OutputError", "DEFAULT_GLOBS", "OUTPUT_FORMATS", "render", "safe_component",
    "iter_sources", "count_inputs", "read_page_file", "default_workers", "datasets_features",
]
