"""Render a Report: `text` (one line a finding, as compilers print, so editors can jump to it)
or `json` (the Report itself)."""

from __future__ import annotations

from starkit.errors import InputError
from starkit.models import Report


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def render_text(report: Report, path: str = "<stdin>") -> str:
    """`PATH:LINE:COL: severity rule-code message`, then the suggestion indented 4 spaces."""
    out = []
    for f in report.findings:
        line, col = line_col(report.text, f.start)
        out.append(f"{path}:{line}:{col}: {f.severity.value} {f.rule} {f.message}")
        if f.suggestion:
            out.append("    " + f.suggestion.replace("\n", "\n    "))
    n = len(report.findings)
    out.append(f"{n} finding{'s' if n != 1 else ''}; score {report.score}/100")
    return "\n".join(out) + "\n"


def render(report: Report, fmt: str, path: str = "<stdin>") -> str:
    """The report in the named format."""
    if fmt == "text":
        return render_text(report, path)
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    raise InputError(f"format '{fmt}' needs a resume file; for plain text use text or json")
