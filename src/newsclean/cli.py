"""The ``newsclean`` command line.

``newsclean clean FILE|-``
    Clean one page; print the Article as JSON on stdout. ``--explain`` also prints every removal
    (line range, rule id, reason, shortened text) on stderr, so stdout stays valid JSON.
    ``--format auto|text|html`` is the input format here; ``--url`` passes the page's URL.

``newsclean clean INPUT... --output OUT [--format jsonl|json|txt|md] [--workers N] [--resume]
[--quiet] [--glob PATTERN] [--text-field NAME] [--id-field NAME]``
    Clean files, folders, JSONL record files or stdin into OUT (see docs/batch.md). With
    ``--output``, ``--format`` is the *output* format; the input format is ``--input-format``.

Exit codes: 0 done (rejected pages included); 1 the single page was rejected, or an unexpected
error; 2 usage error; 3 OUT cannot be written; 130 interrupted (rerun with ``--resume``).
Every error is one line on stderr (set ``NEWSCLEAN_DEBUG=1`` for a traceback).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from typing import NoReturn, Sequence

from . import __version__
from .api import DEFAULT_LIMITS, Limits, clean_and_explain
from .batch import (
    DEFAULT_GLOBS,
    OUTPUT_FORMATS,
    BatchError,
    BatchOptions,
    read_page_file,
    run_batch,
)
from .errors import NewscleanError, NoArticleError

INPUT_FORMATS = ("auto", "text", "html")
EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_OUTPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        _fail(f"{message} (see '{self.prog} --help')", EXIT_USAGE)


def _fail(message: str, code: int) -> NoReturn:
    sys.stderr.write(f"newsclean: error: {' '.join(message.split())}\n")
    sys.stderr.flush()
    raise SystemExit(code)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsclean", description="Turn raw scraped news pages into clean, validated articles.")
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    clean = commands.add_parser(
        "clean",
        help="clean one page (JSON to stdout) or many pages into --output",
        description=(
            "Without --output: clean one page (FILE or - for stdin) and print the Article as JSON. "
            "With --output: clean every page of the INPUTs (files, folders walked recursively, "
            ".jsonl record files, - for stdin) into OUT; see docs/batch.md."
        ),
    )
    clean.add_argument("inputs", nargs="+", metavar="INPUT", help="page file, folder, .jsonl file, or - for stdin")
    clean.add_argument("-o", "--output", metavar="OUT",
                       help="write every page here (a .jsonl file, or a folder for --format json|txt|md)")
    clean.add_argument("--format", dest="format", metavar="FORMAT",
                       help="without --output: input format auto|text|html (default auto); "
                            "with --output: output format jsonl|json|txt|md (default jsonl)")
    clean.add_argument("--input-format", choices=INPUT_FORMATS, default=None,
                       help="input format auto|text|html (default auto)")
    clean.add_argument("--url", help="the page's URL (single page only)")
    clean.add_argument("--explain", action="store_true",
                       help="single page: also print every removal to stderr")
    clean.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                       help="worker processes (default: one per CPU)")
    clean.add_argument("--resume", action="store_true",
                       help="continue an interrupted run into the same OUT, skipping pages already written")
    clean.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    clean.add_argument("--glob", action="append", metavar="PATTERN",
                       help="file names to take from folders (repeatable; default: "
                            + " ".join(DEFAULT_GLOBS[::2]) + " and their .gz)")
    clean.add_argument("--text-field", default="text", metavar="NAME",
                       help="field of a JSONL record that holds the page (default: text)")
    clean.add_argument("--id-field", default="id", metavar="NAME",
                       help="field of a JSONL record that names it in the output (default: id)")
    clean.add_argument("--max-bytes", type=_positive_int, default=None, metavar="N",
                       help=f"reject pages larger than this (default {DEFAULT_LIMITS.max_bytes:,})")
    return parser


def _limits(args: argparse.Namespace) -> Limits:
    if args.max_bytes is None:
        return DEFAULT_LIMITS
    return dataclasses.replace(DEFAULT_LIMITS, max_bytes=args.max_bytes)


def _shorten(text: str, width: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _write_stdout(data: str) -> None:
    try:
        sys.stdout.buffer.write(data.encode("utf-8", "surrogatepass"))
        sys.stdout.buffer.flush()
    except BrokenPipeError:  # `newsclean clean x | head`
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:  # pragma: no cover
            pass


def _clean_single(args: argparse.Namespace) -> int:
    if len(args.inputs) != 1:
        _fail(f"{len(args.inputs)} inputs need --output OUT (one page at a time prints to stdout)", EXIT_USAGE)
    for flag, given in (("--workers", args.workers is not None), ("--resume", args.resume),
                        ("--glob", bool(args.glob))):
        if given:
            _fail(f"{flag} needs --output OUT", EXIT_USAGE)
    fmt = args.format or args.input_format or "auto"
    if args.format and args.input_format and args.format != args.input_format:
        _fail("--format and --input-format disagree", EXIT_USAGE)
    if fmt not in INPUT_FORMATS:
        hint = " (an output format: it needs --output OUT)" if fmt in OUTPUT_FORMATS else ""
        _fail(f"--format must be auto, text or html for a single page, not {fmt!r}{hint}", EXIT_USAGE)
    path = args.inputs[0]
    limits = _limits(args)
    try:
        if path == "-":
            page: bytes = sys.stdin.buffer.read(limits.max_bytes + 1)
        elif os.path.isdir(path):
            _fail(f"{path} is a folder; clean folders with --output OUT", EXIT_USAGE)
        else:
            page = read_page_file(path, limits.max_bytes)
    except NewscleanError:
        raise
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror or exc}", EXIT_USAGE)
    try:
        explanation = clean_and_explain(page, url=args.url, format=fmt, limits=limits)
    except NoArticleError as exc:
        if args.explain:  # show why every block went
            _print_removals(exc.removals)
        raise
    _write_stdout(json.dumps(explanation.article.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    if args.explain:
        _print_removals(explanation.removals)
    return EXIT_OK


def _print_removals(removals: Sequence) -> None:
    """One line per removal on stderr: line range, rule id, reason, and the text, shortened."""
    out = sys.stderr
    out.write(f"removed {len(removals)} block{'s' if len(removals) != 1 else ''}:\n")
    for r in removals:
        lines = f"L{r.line_start}" if r.line_start == r.line_end else f"L{r.line_start}-{r.line_end}"
        out.write(f"  {lines:<10} {r.rule:<28} {r.reason}\n  {'':<10} {_shorten(r.text)!r}\n")
    out.flush()


def _clean_batch(args: argparse.Namespace) -> int:
    if args.url:
        _fail("--url applies to a single page; JSONL records carry their own 'url' field", EXIT_USAGE)
    if args.explain:
        _fail("--explain applies to a single page (without --output)", EXIT_USAGE)
    if args.output == "-":
        _fail("--output - is not supported: OUT must be a file or folder (resume needs it)", EXIT_USAGE)
    out_format = args.format or "jsonl"
    if out_format not in OUTPUT_FORMATS:
        hint = " (an input format: use --input-format with --output)" if out_format in INPUT_FORMATS else ""
        _fail(f"--format must be jsonl, json, txt or md with --output, not {out_format!r}{hint}", EXIT_USAGE)
    options = BatchOptions(
        inputs=list(args.inputs),
        output=args.output,
        out_format=out_format,
        workers=args.workers,
        resume=args.resume,
        globs=tuple(args.glob) if args.glob else DEFAULT_GLOBS,
        text_field=args.text_field,
        id_field=args.id_field,
        input_format=args.input_format or "auto",
        limits=_limits(args),
    )
    show_bar = not args.quiet and sys.stderr.isatty()
    summary = run_batch(options, progress=sys.stderr if show_bar else None)
    if not args.quiet:
        for line in summary.lines():
            sys.stderr.write(f"newsclean: {line}\n")
        if not summary.interrupted:
            sys.stderr.write(f"newsclean: output: {args.output}\n")
    if summary.interrupted:
        _fail(f"interrupted; rerun the same command with --resume to continue into {args.output}",
              EXIT_INTERRUPTED)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        if args.output is None:
            return _clean_single(args)
        return _clean_batch(args)
    except BatchError as exc:
        _fail(exc.message, exc.exit_code)
    except NewscleanError as exc:
        _fail(f"{exc.code}: {exc.message}", EXIT_REJECTED)
    except KeyboardInterrupt:
        _fail("interrupted", EXIT_INTERRUPTED)
    except Exception as exc:  # noqa: BLE001 - one line, not a traceback
        if os.environ.get("NEWSCLEAN_DEBUG"):
            raise
        _fail(f"unexpected {type(exc).__name__}: {exc} (set NEWSCLEAN_DEBUG=1 for a traceback)", EXIT_REJECTED)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
