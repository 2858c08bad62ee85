"""The `starkit lint FILE` hook for resumes: `handler(name, data, args)` is called by
`starkit.cli` for every file linted without `--kind` or with `--kind resume`.

It returns None for plain text (or Markdown) with no resume structure (no section heading),
which the generic path lints one line a bullet; otherwise it reads the resume (errors are
`ResumeReadError`s: the CLI prints them on one line and exits 2) and returns a callable
`(args, config) -> exit code` that lints it and prints the findings at the file's own
positions:

    PATH:LINE:COL: severity rule-code message        (text formats, DOCX: paragraph number)
    PATH:pPAGE:LINE:COL: severity rule-code message  (PDF: line within the page's text)
        suggestion

`--format json` prints the whole `ResumeReport`, `csv` its rows (one a bullet) and `markdown`
the readable report.  The exit code is 1 when a finding at or above `--fail-on` fired.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starkit.errors import ResumeReadError
from starkit.models import Severity
from starkit.resume import read_resume
from starkit.resume.model import Resume
from starkit.resume.project import LATEX_SUFFIXES
from starkit.textio import MAX_FILE_BYTES, inert

EXIT_OK, EXIT_FINDINGS = 0, 1


def _structured(resume: Resume) -> bool:
    return any(s.heading for s in resume.sections)


def structured_resume(
    name: str,
    data: bytes,
    path: str | None = None,
    *,
    isolate_text: bool = True,
    meanwhile: Callable[[], object] | None = None,
) -> Resume | None:
    """The resume in `data`, or None for empty input or unstructured plain text/Markdown
    (which the generic path lints one line a bullet). It is read in a worker process with a
    time and memory budget (`starkit.worker`). A `.tex` file named by `path` is read from disk
    with the files it `\\input`s beside it (`starkit.resume.project`).

    `isolate_text=False` (`starkit batch`, thousands of files) reads a text format in this
    process, under the readers' own limits (docs/limits.md): a worker costs a fork per file,
    about 6x the reading itself. PDF, DOCX and zip files, parsed by code starkit does not
    control, always go to the worker. `meanwhile` runs while the worker reads
    (`starkit.worker.run_bounded`)."""
    from starkit.worker import run_bounded

    if len(data) > MAX_FILE_BYTES:
        raise ResumeReadError(
            f"{name}: {len(data) / 1e6:.1f} MB is over the {MAX_FILE_BYTES // 1_000_000} MB "
            "resume file limit"
        )
    if not data.strip():
        return None  # the generic path says the input is empty
    isolate = isolate_text or data[:5] == b"%PDF-" or data[:2] == b"PK"

    def bounded(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if isolate:
            return run_bounded(fn, *args, label=name, meanwhile=meanwhile, **kwargs)
        return fn(*args, **kwargs)

    if path is not None and path != "-" and Path(path).suffix.lower() in LATEX_SUFFIXES:
        return bounded(read_resume, Path(path), name=name)
    fmt, resume = bounded(detect_and_read, data, name)
    if fmt in ("text", "markdown", "rst", "org") and not _structured(resume):
        return None
    return resume


def handler(name: str, data: bytes, args: argparse.Namespace) -> Callable[..., int] | None:
    """None for unstructured plain text; else a runner for the resume in `data`."""
    resume = structured_resume(name, data)
    if resume is None:
        return None

    def run(args: argparse.Namespace, config: Any = None) -> int:
        return lint_and_print(resume, name, args, config)

    return run


def detect_and_read(data: bytes, name: str) -> tuple[str, Resume]:
    """(format, resume) of a file's bytes: what the bounded worker runs."""
    from starkit.resume import detect_format

    return detect_format(data, name), read_resume(data, name=name)


def render_text(report: Any, name: str) -> str:
    """One line a finding at the file's position, the suggestion indented below; a summary."""
    out = []
    name = inert(name)  # file names and content are escaped: nothing reaches the terminal raw
    for f in report.document_findings:
        out.append(f"{name}:1:1: {f.severity.value} {f.rule} {inert(f.message)}")
        out.append("    " + inert(f.suggestion, keep="\n").replace("\n", "\n    "))
    if report.document_findings:
        from starkit.resume.diagnose import diagnose

        out += [inert(line) for line in diagnose(report.resume).table()]
    for lf in report.findings:
        f = lf.finding
        out.append(f"{name}:{lf.source.label()}: {f.severity.value} {f.rule} {inert(f.message)}")
        if f.suggestion:
            out.append("    " + inert(f.suggestion, keep="\n").replace("\n", "\n    "))
    n = len(report.findings) + len(report.document_findings)
    share = report.quantified_share
    measured = "n/a" if share is None else f"{round(share * 100)}%"
    out.append(
        f"{n} finding{'s' if n != 1 else ''} in {len(report.items)} lines; "
        f"{report.achievement_bullets} achievement bullets, {measured} with a number; "
        + (f"{inert(note)}; " if (note := report.no_claim_note()) else "")
        + (
            f"score n/a: {report.score_note()} (see above)"
            if report.score is None
            else f"score {report.score}/100"
        )
    )
    return "\n".join(out) + "\n"


def lint_and_print(resume: Resume, name: str, args: argparse.Namespace, config: Any = None) -> int:
    """Lint `resume`, print it in `args.fmt`, and return the exit code for `args.fail_on`."""
    from starkit.resume.report import lint_resume

    report = lint_resume(resume, config=config)
    for warning in report.resume.warnings:  # the reading's, and lines linting did not judge
        print(f"starkit: warning: {inert(warning)}", file=sys.stderr)
    fmt = getattr(args, "fmt", "text") or "text"
    if fmt == "json":
        text = report.to_json() + "\n"
    elif fmt == "csv":
        text = report.to_csv()
    elif fmt == "markdown":
        text = report.to_markdown()
    else:
        text = render_text(report, name)
    sys.stdout.write(text)
    threshold = Severity(getattr(args, "fail_on", "warning") or "warning").rank
    failed = any(f.severity.rank >= threshold for f in report.all_findings())
    return EXIT_FINDINGS if failed else EXIT_OK
