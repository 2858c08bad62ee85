"""The `starkit` command line: argument parsing and exit codes only; the work is in the library.

Exit codes: 0 nothing at or above `--fail-on` fired; 1 something did; 2 a usage or input
error, printed as one line (never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from starkit.errors import StarkitError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

# Subcommands that live with their own feature: module path -> `register(subparsers)`.
# Each module's `register` adds a parser and sets `func` to a callable(args) -> int.
_PLUGINS = ("starkit.bank.cli",)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        print(f"starkit: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def _add_lint(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lint", help="lint a bullet, resume, STAR story, email or metrics answer")
    p.add_argument(
        "file",
        nargs="?",
        default="-",
        help="the file to lint (text, or a resume in PDF/DOCX/LaTeX/Markdown/JSON/HTML); "
        "'-' or nothing reads standard input",
    )
    p.add_argument(
        "--kind",
        choices=["bullet", "resume", "story", "email", "answer"],
        default=None,
        help="what the text is (default: found from the file; plain text is a resume, "
        "one bullet a line)",
    )
    p.add_argument(
        "--format", choices=["text", "json", "csv", "markdown"], default="text", dest="fmt"
    )
    p.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        default="warning",
        help="exit 1 when a finding of this severity or above fires (default: warning)",
    )
    p.add_argument(
        "--question",
        default=None,
        metavar="TEXT",
        help="with --kind answer: the question answered (it decides the question type)",
    )
    p.add_argument("--config", default=None, help="a starkit.toml or pyproject.toml to use")
    p.set_defaults(func=_run_lint)


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with plugin subcommands that are installed."""
    parser = _Parser(prog="starkit", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    _add_lint(sub)
    for mod in _PLUGINS:
        try:
            register: Callable[[argparse._SubParsersAction], None] = importlib.import_module(
                mod
            ).register
        except ModuleNotFoundError as exc:
            if exc.name and mod.startswith(exc.name):
                continue
            raise
        register(sub)
    return parser


def _read_input(file: str, stdin: TextIO) -> tuple[str, bytes]:
    """(display name, raw bytes) of the input, read up to the file limit plus one byte; refuses
    a missing file, a directory, a device, FIFO or socket before opening it."""
    from starkit.textio import read_file, read_stream

    if file == "-":
        return "<stdin>", read_stream(getattr(stdin, "buffer", stdin), "<stdin>")
    return file, read_file(file)


def _run_lint(args: argparse.Namespace) -> int:
    from starkit import engine, formatters
    from starkit.config import load_config
    from starkit.models import Severity
    from starkit.textio import decode_bytes, inert

    if args.question is not None and args.kind != "answer":
        raise StarkitError("--question needs --kind answer")
    config = load_config(args.config, start=Path.cwd())
    project = _maybe_project(args)  # a LaTeX project folder, or a .tex that \inputs others
    if project is not None:
        return project(args, config)
    name, data = _read_input(args.file, sys.stdin)
    document = _maybe_document(name, data, args)
    if document is not None:
        return document(args, config)
    decoded = decode_bytes(data, name)
    if decoded.warning:
        print(f"starkit: warning: {inert(decoded.warning)}", file=sys.stderr)
    kind = args.kind or "resume"
    report = engine.lint(decoded.text, kind, args.question, config=config)
    sys.stdout.write(formatters.render(report, args.fmt, path=name))
    threshold = Severity(args.fail_on).rank
    failed = any(f.severity.rank >= threshold for f in report.findings)
    return EXIT_FINDINGS if failed else EXIT_OK


def _maybe_project(args: argparse.Namespace) -> Callable[..., int] | None:
    """A LaTeX project path is read by `starkit.resume.cli` (resume kind only)."""
    if args.kind not in (None, "resume"):
        return None
    try:
        resume_cli = importlib.import_module("starkit.resume.cli")
    except ModuleNotFoundError:
        return None
    return resume_cli.path_handler(args.file, args)


def _maybe_document(name: str, data: bytes, args: argparse.Namespace) -> Callable[..., int] | None:
    """A resume document (PDF, DOCX, ...) is handed to `starkit.resume.cli` when installed."""
    if args.kind not in (None, "resume"):
        return None
    try:
        resume_cli = importlib.import_module("starkit.resume.cli")
    except ModuleNotFoundError as exc:
        if exc.name in ("starkit.resume", "starkit.resume.cli"):
            return None  # resume reading is not installed: lint the text as it is
        raise
    return resume_cli.handler(name, data, args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `starkit` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except StarkitError as exc:
        from starkit.textio import inert

        print(f"starkit: error: {inert(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
