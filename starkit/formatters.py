"""Render a Report: `text` (one line a finding, as compilers print, so editors can jump to it),
`json` (the Report itself), `csv` (one row a finding) or `markdown` (a table a finding)."""

from __future__ import annotations

import csv
import io

from starkit.errors import InputError
from starkit.models import Report
from starkit.textio import inert


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def render_text(report: Report, path: str = "<stdin>") -> str:
    """`PATH:LINE:COL: severity rule-code message`, then the suggestion indented 4 spaces.
    User text (the path, text quoted in messages and suggestions) is made inert: control
    characters and escape sequences are shown escaped (`starkit.textio.inert`)."""
    out = []
    path = inert(path)  # a newline or an escape sequence in a file name stays on its line
    for f in report.findings:
        line, col = line_col(report.text, f.start)
        out.append(f"{path}:{line}:{col}: {f.severity.value} {f.rule} {inert(f.message)}")
        if f.suggestion:
            out.append("    " + inert(f.suggestion, keep="\n").replace("\n", "\n    "))
    n = len(report.findings)
    summary = f"{n} finding{'s' if n != 1 else ''}; score {report.score}/100"
    if report.units and "question_type" in report.units[0].details:
        d = report.units[0].details
        summary += f"; question type {d['question_type']} (from the {d['question_type_source']})"
    out.append(summary)
    return "\n".join(out) + "\n"


_COLUMNS = ("line", "column", "severity", "rule", "span", "message", "suggestion")


def _rows(report: Report) -> list[tuple[object, ...]]:
    out = []
    for f in report.findings:
        line, col = line_col(report.text, f.start)
        span = report.text[f.start : f.end]
        out.append((line, col, f.severity.value, f.rule, span, f.message, f.suggestion))
    return out


def _csv_cell(value: object) -> object:
    """Spreadsheet-safe cell: a leading = + - @ would be read as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def render_csv(report: Report) -> str:
    """One row a finding, with its 1-based line and column."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(_COLUMNS)
    for row in _rows(report):
        writer.writerow([_csv_cell(v) for v in row])
    return buf.getvalue()


def _md_cell(value: object) -> str:
    text = str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for ch in "<>*_`[]":
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(report: Report) -> str:
    """A Markdown table of the findings (user text escaped), with the score."""
    lines = [
        f"**starkit** — {len(report.findings)} findings, score {report.score}/100",
        "",
        "| " + " | ".join(_COLUMNS) + " |",
        "|" + "---|" * len(_COLUMNS),
    ]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in _rows(report)]
    return "\n".join(lines) + "\n"


def render(report: Report, fmt: str, path: str = "<stdin>") -> str:
    """The report in the named format."""
    if fmt == "text":
        return render_text(report, path)
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    if fmt == "csv":
        return render_csv(report)
    if fmt == "markdown":
        return render_markdown(report)
    raise InputError(f"unknown format '{fmt}': use text, json, csv or markdown")
