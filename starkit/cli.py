"""The `starkit` command line: argument parsing and exit codes only; the work is in the library
(`starkit.lintrun` lints many paths, `starkit.formatters` prints a run).

Exit codes (the worst of the run): 0 nothing at or above `--fail-on` fired; 1 something did;
2 a usage or input error (a file that cannot be read), printed as one line (never a traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

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


_EPILOG = """\
examples:
  starkit lint resume.md                     lint one file (its kind is found from its content)
  starkit lint resume.tex stories/ emails/   many files and folders (folders recursively)
  starkit lint 'stories/**/*.md' --kind story
  starkit lint --format sarif . > starkit.sarif      for code scanning (SARIF 2.1.0)
  starkit lint --format github .                      annotations in a GitHub Actions log
  starkit lint --cross-check resume.md stories/      figures that disagree across documents
  echo "Helped with the roadmap" | starkit lint --kind bullet -
  starkit batch resumes/ --out results.parquet --jobs 2

Silence a finding you have judged with a comment in the file's own syntax:
  <!-- starkit: disable=weak-verb -->   % starkit: disable-next-line=vanity-metric
  # starkit: disable-file=missing-baseline

exit codes: 0 clean; 1 a finding at or above --fail-on; 2 a file or usage error.
Settings: [tool.starkit] in pyproject.toml or starkit.toml (see README).
"""

_FORMAT_HELP = (
    "output format: text (PATH:LINE:COL lines, as compilers print; default), json (the "
    "report; for many files, every file with its findings and the counts), csv and markdown "
    "(one row a finding), sarif (SARIF 2.1.0 for code-scanning tools) or github (GitHub "
    "Actions workflow annotations)"
)
_BUILTIN = ("lint", "batch")


def _add_lint(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lint",
        help="lint resumes, bullets, STAR stories, emails and metrics answers (files, folders "
        "or globs)",
        description="Lint files, folders (recursively) and glob patterns. Each file's kind is "
        "found from its content, from `kinds` in [tool.starkit], or from --kind.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths",
        nargs="*",
        default=["-"],
        metavar="PATH",
        help="files (text, or a resume in PDF/DOCX/LaTeX/Markdown/JSON/YAML/HTML, an Overleaf "
        ".zip or LinkedIn's data export: its .zip or Positions.csv), folders or "
        "globs; '-' or nothing reads standard input",
    )
    p.add_argument(
        "--kind",
        choices=["bullet", "resume", "story", "email", "answer"],
        default=None,
        help="what every file is (default: found from each file; plain text with no "
        "structure is a resume, one bullet a line)",
    )
    p.add_argument(
        "--format",
        choices=["text", "json", "csv", "markdown", "sarif", "github"],
        default="text",
        dest="fmt",
        help=_FORMAT_HELP,
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
    p.add_argument(
        "--report-unused",
        action="store_true",
        help="report `starkit: disable=` comments that silence nothing",
    )
    p.add_argument(
        "--cross-check",
        action="store_true",
        help="also check that the same figure of the same work agrees across the files "
        "(inconsistent-figure)",
    )
    p.set_defaults(func=_run_lint)


def _add_batch(sub: argparse._SubParsersAction) -> None:
    try:
        from starkit.batch import register
    except ModuleNotFoundError as exc:
        if exc.name == "starkit.batch":
            return
        raise
    register(sub)


def build_parser(plugins: bool = True) -> argparse.ArgumentParser:
    """The full parser, with plugin subcommands that are installed (`plugins=False` leaves
    them out, so `starkit lint` does not import what it does not use)."""
    from starkit import __version__

    parser = _Parser(
        prog="starkit",
        description="starkit lints what PM and TPM candidates write for interviews: resume "
        "bullets, STAR stories, thank-you emails. It flags claims with no numbers, vanity "
        "metrics and launches with no guardrail, and suggests a data-backed rewrite. "
        "It runs offline.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"starkit {__version__}")
    sub = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser, metavar="COMMAND"
    )
    _add_lint(sub)
    _add_batch(sub)
    for mod in _PLUGINS if plugins else ():
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
    from starkit import formatters, lintrun
    from starkit.config import load_config
    from starkit.models import Severity
    from starkit.textio import inert

    if args.question is not None and args.kind != "answer":
        raise StarkitError("--question needs --kind answer")
    config = load_config(args.config, start=Path.cwd())
    run = lintrun.run(
        args.paths,
        kind=args.kind,
        config=config,
        report_unused=args.report_unused,
        question=args.question,
    )
    if not run.files:
        where = ", ".join(args.paths)
        raise StarkitError(f"{where}: is a directory with no file to lint")
    if args.cross_check:
        from starkit.crosscheck import cross_check_run

        cross_check_run(run)
    for f in run.files:
        for warning in f.warnings:
            print(f"starkit: warning: {inert(warning)}", file=sys.stderr)
    single = len(args.paths) == 1 and len(run.files) == 1 and not args.cross_check
    if single and not Path(args.paths[0]).is_dir() and args.fmt in _NATIVE:
        result = run.files[0]
        if result.error:
            raise StarkitError(result.error)
        sys.stdout.write(_render_single(result, args.fmt))
    else:
        from starkit import __version__

        sys.stdout.write(formatters.render_run(run, args.fmt, version=__version__))
    return run.exit_code(Severity(args.fail_on).rank)


_NATIVE = ("text", "json", "csv", "markdown")


def _render_single(result: Any, fmt: str) -> str:
    """One file's own report (an engine Report or a ResumeReport) in `fmt`, as it always
    printed, with problems of suppression comments first and suppressed findings in JSON."""
    import json

    from starkit import formatters
    from starkit.textio import inert

    native = result.native
    meta = [i for i in result.findings if i.native is None]
    if fmt == "json":
        data = json.loads(native.model_dump_json())
        data["suppressed"] = [i.as_dict() for i in result.suppressed]
        data["suppression_problems"] = [i.as_dict() for i in meta]
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if hasattr(native, "items"):  # a ResumeReport
        from starkit.resume import cli as resume_cli

        if fmt == "csv":
            return native.to_csv()
        if fmt == "markdown":
            return native.to_markdown()
        body = resume_cli.render_text(native, result.path)
    elif fmt == "text" and result.fmt in ("pdf", "docx"):  # a story kept in a PDF or DOCX
        at = {id(i.native): formatters._position(i) for i in result.findings}
        body = formatters.render_text(native, result.path, positions=at)
    else:
        body = formatters.render(native, fmt, path=result.path)
        if fmt != "text":
            return body
    if result.suppressed:
        body = body.rstrip("\n") + f"; {len(result.suppressed)} suppressed\n"
    lines = [
        f"{inert(result.path)}:{i.place.line}:{i.place.col}: {i.severity} {i.rule} "
        f"{inert(i.message)}"
        for i in meta
    ]
    return "\n".join([*lines, body]) if lines else body


GC_THRESHOLD = (10_000, 10, 10)
"""The cyclic garbage collector's thresholds while a command runs (Python's default is
(700, 10, 10)). Importing spaCy and building the pipeline allocate a few hundred thousand
objects and almost no garbage, and the default ran two full collections over all of them, about
0.15 s of a cold `starkit lint` (docs/toolchain.md); mypy's command line does the same. Garbage
cycles are still collected, every 10,000 allocations; the old thresholds come back on return."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `starkit` console script."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        return _main(argv)
    finally:
        gc.set_threshold(*before)


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(plugins=not (argv and argv[0] in _BUILTIN))
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


def run() -> NoReturn:
    """The `starkit` console script (and `python -m starkit.cli`): `main`, then the exit.

    After `starkit lint`, the process ends at once (`os._exit`, as mypy's command line does)
    once its output is flushed: a normal exit frees every object spaCy and the pipeline made,
    one by one, and runs a last full garbage collection over them, about 0.2 s of CPU after the
    answer is out (docs/toolchain.md). `lint` leaves nothing to clean up at exit: its worker
    process is joined before it returns, and it opens no temporary files. Other commands
    (`batch` with its Dask cluster, `bank`) exit the usual way."""
    argv = sys.argv[1:]
    code = main(argv)
    if argv[:1] != ["lint"]:
        raise SystemExit(code)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to write
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
