"""Render a Report: `text` (one line a finding, as compilers print, so editors can jump to it),
`json` (the Report itself), `csv` (one row a finding) or `markdown` (a table a finding).

A run over many files (`starkit lint PATH...`, a `starkit.lintrun.Run`) renders with
`render_run` in the same formats plus `sarif` (SARIF 2.1.0, for code-scanning tools) and
`github` (GitHub Actions workflow annotations)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from urllib.parse import quote

from starkit.errors import InputError
from starkit.models import Kind, Report
from starkit.textio import inert


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


NO_WORDS = "no words to judge, no score"


def score_text(report: Report) -> str:
    """'score 80/100'; for a bullet (or a resume) with no word in it ('#####'), which nothing
    judged, `NO_WORDS` rather than a perfect score; for a text starkit does not judge (not
    English), why."""
    if report.not_judged:
        return f"not judged, no score: {report.not_judged}"
    if not report.units and report.kind in (Kind.BULLET, Kind.RESUME):
        return NO_WORDS
    return f"score {report.score}/100"


def render_text(
    report: Report, path: str = "<stdin>", positions: dict[int, str] | None = None
) -> str:
    """`PATH:LINE:COL: severity rule-code message`, then the suggestion indented 4 spaces.
    User text (the path, text quoted in messages and suggestions) is made inert: control
    characters and escape sequences are shown escaped (`starkit.textio.inert`). `positions`
    (by `id` of a finding) place findings of a text extracted from a PDF or DOCX in the file
    ('p2:14:3')."""
    out = []
    path = inert(path)  # a newline or an escape sequence in a file name stays on its line
    for f in report.findings:
        line, col = line_col(report.text, f.start)
        at = (positions or {}).get(id(f), f"{line}:{col}")
        out.append(f"{path}:{at}: {f.severity.value} {f.rule} {inert(f.message)}")
        if f.suggestion:
            out.append("    " + inert(f.suggestion, keep="\n").replace("\n", "\n    "))
    n = len(report.findings)
    summary = f"{n} finding{'s' if n != 1 else ''}; {score_text(report)}"
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
        f"**starkit** — {len(report.findings)} findings, {score_text(report)}",
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


# -- a run over many files (`starkit lint PATH...`) ---------------------------------------------

RUN_FORMATS = ("text", "json", "csv", "markdown", "sarif", "github")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def render_run(run: Any, fmt: str, *, version: str = "") -> str:
    """A `starkit.lintrun.Run` in the named format (one document for the whole run)."""
    if fmt == "text":
        return render_run_text(run)
    if fmt == "json":
        return json.dumps(run_json(run), indent=2, ensure_ascii=False) + "\n"
    if fmt == "sarif":
        return json.dumps(run_sarif(run, version), indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        return render_github(run)
    if fmt == "csv":
        return render_run_csv(run)
    if fmt == "markdown":
        return render_run_markdown(run)
    raise InputError(f"unknown format '{fmt}': use {', '.join(RUN_FORMATS)}")


def _position(item: Any) -> str:
    p = item.place
    return f"p{p.page}:{p.line}:{p.col}" if p.page is not None else f"{p.line}:{p.col}"


def render_run_text(run: Any) -> str:
    """`PATH:LINE:COL: severity rule-code message` a finding, errors, then one summary line."""
    from starkit.textio import terminal_safe

    out = []
    for f in run.files:
        path = terminal_safe(f.path)
        if f.error:
            message = f.error.removeprefix(f"{f.path}: ")
            if message.startswith(f"{f.path} "):  # './huge.md (12.5 MB) is over…': once
                message = "the file" + message[len(f.path) :]
            out.append(f"{path}: error: {terminal_safe(message)}")
            continue
        for item in f.findings:
            out.append(
                f"{path}:{_position(item)}: {item.severity} {item.rule} "
                f"{terminal_safe(item.message)}"
            )
            if item.suggestion:
                out.append("    " + terminal_safe(item.suggestion).replace("\n", "\n    "))
    out.append(run.summary())
    return "\n".join(out) + "\n"


def run_json(run: Any) -> dict[str, object]:
    """Every file with its findings, suppressed findings and error, and the run's counts."""
    files = []
    for f in run.files:
        files.append(
            {
                "path": f.path,
                "kind": f.kind,
                "format": f.fmt,
                "error": f.error,
                "score": getattr(f.native, "score", None),
                "findings": [i.as_dict() for i in f.findings],
                "suppressed": [i.as_dict() for i in f.suppressed],
            }
        )
    return {"schema_version": 1, "files": files, "skipped": run.skipped, "summary": run.counts()}


def _run_rows(run: Any) -> list[tuple[object, ...]]:
    rows = []
    for f in run.files:
        for i in f.findings:
            p = i.place
            rows.append((f.path, p.line, p.col, i.severity, i.rule, i.message, i.suggestion))
    return rows


_RUN_COLUMNS = ("path", "line", "column", "severity", "rule", "message", "suggestion")


def render_run_csv(run: Any) -> str:
    """One row a finding, with its file."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(_RUN_COLUMNS)
    for row in _run_rows(run):
        writer.writerow([_csv_cell(v) for v in row])
    return buf.getvalue()


def render_run_markdown(run: Any) -> str:
    """A Markdown table of every finding of the run, with the summary line."""
    lines = [
        f"**starkit** — {_md_cell(run.summary())}",
        "",
        "| " + " | ".join(_RUN_COLUMNS) + " |",
        "|" + "---|" * len(_RUN_COLUMNS),
    ]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in _run_rows(run)]
    return "\n".join(lines) + "\n"


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(run: Any) -> str:
    """GitHub Actions workflow commands: `::warning file=F,line=L,col=C,...::message`."""
    out = []
    for f in run.files:
        if f.error:
            out.append(f"::error file={_gh_prop(f.path)},title=starkit::{_gh_data(f.error)}")
            continue
        for i in f.findings:
            p = i.place
            props = [f"file={_gh_prop(f.path)}"]
            if p.page is None:
                props += [
                    f"line={p.line}",
                    f"col={p.col}",
                    f"endLine={p.end_line}",
                    f"endColumn={p.end_col}",
                ]
            props.append(f"title={_gh_prop('starkit ' + i.rule)}")
            msg = f"{i.message} — {i.suggestion}" if i.suggestion else i.message
            out.append(f"::{_GITHUB_LEVEL[i.severity]} {','.join(props)}::{_gh_data(msg)}")
    return "\n".join(out) + ("\n" if out else "")


def _artifact_uri(path: str) -> str:
    """The file as a URI reference: relative to the working directory when it is under it
    (what code hosts expect), else its absolute path; characters a URI cannot hold are
    %-escaped."""
    from pathlib import Path

    if path == "<stdin>":
        return "stdin"
    p = Path(path)
    try:
        return quote(p.resolve().relative_to(Path.cwd().resolve()).as_posix())
    except ValueError:
        return quote(p.resolve().as_posix())


def sarif_rules() -> list[dict[str, object]]:
    """`tool.driver.rules`: every rule code with its docs and default level."""
    from starkit.rules import load_rules
    from starkit.suppress import META_RULES

    rules: list[dict[str, object]] = []
    for code, spec in sorted(load_rules().items()):
        rules.append(
            {
                "id": code,
                "name": _camel(code),
                "shortDescription": {"text": spec.summary},
                "fullDescription": {"text": f"{spec.summary} {spec.why}"},
                "help": {
                    "text": f"{spec.why} Instead: {spec.instead} (docs/rules.md#{code})",
                    "markdown": f"{spec.why}\n\nInstead: *{spec.instead}*\n\n"
                    f"See [docs/rules.md#{code}](docs/rules.md#{code}).",
                },
                "defaultConfiguration": {"level": _SARIF_LEVEL[spec.severity.value]},
            }
        )
    extra = {**{k: v for k, v in META_RULES.items()}, **_cross_rule()}
    for code, (sev, text) in sorted(extra.items()):
        rules.append(
            {
                "id": code,
                "name": _camel(code),
                "shortDescription": {"text": text},
                "fullDescription": {"text": text},
                "defaultConfiguration": {"level": _SARIF_LEVEL[sev]},
            }
        )
    return rules


def _cross_rule() -> dict[str, tuple[str, str]]:
    try:
        from starkit.crosscheck import rule_spec
    except ModuleNotFoundError:
        return {}
    spec = rule_spec()
    return {spec.code: (spec.severity.value, f"{spec.summary} {spec.why}")}


def _camel(code: str) -> str:
    return "".join(w.capitalize() for w in code.split("-"))


def _sarif_result(item: Any, uri: str, index: int, rule_index: dict[str, int]) -> dict[str, Any]:
    p = item.place
    location: dict[str, Any] = {"artifactLocation": {"uri": uri, "index": index}}
    if p.page is None and p.exact:
        location["region"] = {
            "startLine": p.line,
            "startColumn": p.col,
            "endLine": p.end_line,
            "endColumn": p.end_col,
        }
    result: dict[str, Any] = {
        "ruleId": item.rule,
        "level": _SARIF_LEVEL[item.severity],
        "message": {"text": f"{item.message} {item.suggestion}".strip()},
        "locations": [{"physicalLocation": location}],
    }
    if item.rule in rule_index:
        result["ruleIndex"] = rule_index[item.rule]
    if p.page is not None:
        result["properties"] = {"page": p.page, "pageLine": p.line, "pageColumn": p.col}
    elif not p.exact:
        result["properties"] = {"paragraph": p.line}
    return result


def run_sarif(run: Any, version: str = "") -> dict[str, Any]:
    """The run as one SARIF 2.1.0 log: one run, the rules with their docs and default levels,
    every result at its file, line and column; suppressed findings carry `suppressions`."""
    rules = sarif_rules()
    rule_index = {str(r["id"]): n for n, r in enumerate(rules)}
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for f in run.files:
        uri = _artifact_uri(f.path)
        index = len(artifacts)
        artifacts.append({"location": {"uri": uri}})
        if f.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f.error},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                }
            )
            continue
        results += [_sarif_result(i, uri, index, rule_index) for i in f.findings]
        for i in f.suppressed:
            res = _sarif_result(i, uri, index, rule_index)
            res["suppressions"] = [{"kind": "inSource"}]
            results.append(res)
    driver: dict[str, Any] = {"name": "starkit", "rules": rules}
    if version:
        driver["version"] = version
        driver["semanticVersion"] = version
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "artifacts": artifacts,
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"skipped": len(run.skipped), "summary": run.counts()},
            }
        ],
    }
