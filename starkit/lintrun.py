"""One lint run over many paths: find the files, pick each one's kind, lint it, apply the
inline suppressions, and give every finding a file position (line and column of the file
itself, or the page for a PDF).

Used by `starkit lint PATH...`; the formats of a run (text, json, sarif, github) are in
`starkit.formatters`.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import glob
import itertools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field

from starkit.errors import InputError, StarkitError
from starkit.lexicons import StrictModel
from starkit.textio import check_text, split_lines
from starkit.units import (
    list_as_one_bullet,
    marked_lines,
    no_words,
    resume_lines,
    wordless_lines,
    wordless_skipped,
)

TEXT_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".tex", ".html", ".htm", ".json", ".yaml", ".yml"}
    | {".rst", ".org"}
)
BINARY_SUFFIXES = frozenset({".pdf", ".docx"})
LINTABLE_SUFFIXES = TEXT_SUFFIXES | BINARY_SUFFIXES
"""What a directory walk lints; any other file in a folder is skipped (and counted)."""

SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__"})
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass
class Place:
    """Where a finding is in its file: 1-based line and column, end exclusive. `exact` is
    False for PDF and DOCX, whose positions are in the extracted text (page, paragraph)."""

    line: int
    col: int
    end_line: int
    end_col: int
    page: int | None = None
    exact: bool = True


@dataclass
class Item:
    """One finding of a run, in the file's own coordinates."""

    rule: str
    severity: str
    message: str
    suggestion: str
    place: Place
    native: Any = None  # the engine's Finding, or the resume report's LocatedFinding

    def as_dict(self) -> dict[str, object]:
        """The finding as JSON-ready data."""
        p = self.place
        out: dict[str, object] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "line": p.line,
            "column": p.col,
            "end_line": p.end_line,
            "end_column": p.end_col,
        }
        if p.page is not None:
            out["page"] = p.page
        return out


@dataclass
class FileResult:
    """The outcome for one file: findings kept and suppressed, or the one-line error."""

    path: str
    kind: str | None = None
    fmt: str | None = None
    text: str | None = None  # the decoded file text (None for PDF and DOCX)
    native: Any = None  # engine Report or ResumeReport
    findings: list[Item] = field(default_factory=list)
    suppressed: list[Item] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Run:
    """Every file of a run and what was skipped."""

    files: list[FileResult]
    skipped: list[str]

    def counts(self) -> dict[str, int]:
        """Totals for the summary line and the JSON summary."""
        sev = {"error": 0, "warning": 0, "info": 0}
        for f in self.files:
            for item in f.findings:
                sev[item.severity] = sev.get(item.severity, 0) + 1
        return {
            "files": len(self.files),
            "findings": sum(len(f.findings) for f in self.files),
            "suppressed": sum(len(f.suppressed) for f in self.files),
            "errors": sum(1 for f in self.files if f.error),
            "skipped": len(self.skipped),
            **{f"severity_{k}": v for k, v in sev.items()},
        }

    def exit_code(self, fail_on_rank: int) -> int:
        """2 if any file errored, else 1 if a finding at or above the threshold, else 0."""
        from starkit.models import Severity

        if any(f.error for f in self.files):
            return 2
        if any(Severity(i.severity).rank >= fail_on_rank for f in self.files for i in f.findings):
            return 1
        return 0

    def summary(self) -> str:
        """One line: files, findings by severity, suppressed, skipped, errors."""
        c = self.counts()
        parts = [
            f"{c['files']} file{'s' if c['files'] != 1 else ''} linted",
            f"{c['findings']} finding{'s' if c['findings'] != 1 else ''} "
            f"({c['severity_error']} error, {c['severity_warning']} warning, "
            f"{c['severity_info']} info)",
        ]
        if c["suppressed"]:
            parts.append(f"{c['suppressed']} suppressed")
        if c["skipped"]:
            names = [os.path.basename(p) or p for p in self.skipped[:3]]
            more = c["skipped"] - len(names)
            parts.append(
                f"{c['skipped']} skipped, of no format starkit reads or empty: "
                + ", ".join(names)
                + (f" and {more} more" if more else "")
            )
        if c["errors"]:
            parts.append(f"{c['errors']} could not be read or judged")
        return "; ".join(parts)


# -- finding the files ------------------------------------------------------------------------


def expand_paths(paths: list[str]) -> tuple[list[str], list[str]]:
    """(files to lint, files skipped) from files, directories (recursively) and globs.

    A file named explicitly is always linted (and its errors reported); files found in a
    folder or by a glob are linted when their suffix is a supported format, and counted as
    skipped otherwise. Hidden folders, `.git`, `.venv` and `node_modules` are not entered.
    """
    files: list[str] = []
    skipped: list[str] = []
    seen: set[str] = set()

    def add(p: str, explicit: bool) -> None:
        key = os.path.normpath(p)
        if key in seen:
            return
        seen.add(key)
        if explicit or Path(p).suffix.lower() in LINTABLE_SUFFIXES:
            files.append(p)
        else:
            skipped.append(p)

    for raw in paths:
        if raw == "-":
            add(raw, True)
        elif os.path.isdir(raw):
            for p in _walk(raw):
                add(p, False)
        elif not os.path.exists(raw) and _GLOB_CHARS.search(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise InputError(f"{raw}: no file matches this pattern")
            for m in matches:
                if os.path.isdir(m):
                    for p in _walk(m):
                        add(p, False)
                elif not _hidden(m):
                    add(m, False)
        else:
            add(raw, True)
    return files, skipped


def _hidden(path: str) -> bool:
    return any(
        (part.startswith(".") and part not in (".", "..")) or part in SKIP_DIRS
        for part in Path(path).parts[:-1]
    )


def _walk(root: str) -> list[str]:
    out = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        out += [os.path.join(folder, n) for n in sorted(names) if not n.startswith(".")]
    return out


# -- the kind of a file -----------------------------------------------------------------------


def kind_from_config(path: str, kinds: dict[str, str], base: Path | None) -> str | None:
    """The kind a `[tool.starkit] kinds` pattern gives this path, or None."""
    if not kinds or path == "-":
        return None
    p = Path(path).resolve()
    candidates = [p.as_posix(), p.name]
    if base is not None:
        with contextlib.suppress(ValueError):
            candidates.append(p.relative_to(base.resolve()).as_posix())
    candidates.append(Path(path).as_posix())
    for pattern, kind in kinds.items():
        if any(fnmatch.fnmatchcase(c, pattern) for c in candidates):
            return kind
    return None


class _EmailCues(StrictModel):
    headers: tuple[str, ...]
    greetings: tuple[str, ...]
    thanks: tuple[str, ...]
    greeting_within: int = Field(ge=1)


class _AnswerCues(StrictModel):
    terms: tuple[str, ...]
    moods: tuple[str, ...]
    min_terms: int = Field(ge=1)
    min_moods: int = Field(ge=1)
    label_terms: tuple[str, ...]
    min_label_lines: int = Field(ge=1)


class _StoryCues(StrictModel):
    min_labels: int = Field(ge=1)
    prose_words: int = Field(ge=1)
    prose_words_per_line: int = Field(ge=1)
    first_person: tuple[str, ...]
    first_person_share: float = Field(gt=0, le=1)
    first_person_words: int = Field(ge=1)


class KindCues(StrictModel):
    """`lexicons/kinds.toml`: the cues `kind_from_text` reads."""

    description: str
    email: _EmailCues
    answer: _AnswerCues
    story: _StoryCues


def _alternation(words: tuple[str, ...]) -> str:
    """The phrases as one regex alternation, longest first, any run of spaces between words."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len)[::-1])


def _phrases(words: tuple[str, ...], plural: bool = True) -> re.Pattern[str]:
    """One pattern for the phrases, case-insensitive, on word boundaries (a plural 's' or 'es'
    allowed after the last word when `plural`)."""
    tail = r"(?:e?s)?" if plural else ""
    return re.compile(rf"(?<![\w'’])(?:{_alternation(words)}){tail}(?![\w'’])", re.I)


@dataclass(frozen=True)
class _Cues:
    header: re.Pattern[str]
    greeting: re.Pattern[str]
    thanks: re.Pattern[str]
    terms: re.Pattern[str]
    moods: re.Pattern[str]
    label_line: re.Pattern[str]
    first_person: re.Pattern[str]
    lexicon: KindCues


@functools.cache
def kind_cues() -> _Cues:
    """The cues of `lexicons/kinds.toml`, validated and compiled once."""
    from starkit.lexicons import read_toml, validate_model

    lex = validate_model("kinds.toml", None, read_toml("kinds.toml"), KindCues)
    header = "|".join(map(re.escape, lex.email.headers))
    return _Cues(
        header=re.compile(rf"^\s*(?:{header})\s*:", re.I),
        greeting=re.compile(rf"^\s*{_phrases(lex.email.greetings, False).pattern}", re.I),
        thanks=_phrases(lex.email.thanks, False),
        terms=_phrases(lex.answer.terms),
        moods=_phrases(lex.answer.moods, False),
        # "- North star: weekly active creators", "**Guardrails:** crash rate": a term that
        # labels its line, after any list mark or emphasis
        label_line=re.compile(
            rf"^[\s\-*•·>#\d.)]*(?:{_alternation(lex.answer.label_terms)})(?:e?s)?\**\s*:",
            re.I,
        ),
        first_person=_phrases(lex.story.first_person, False),
        lexicon=lex,
    )


CUE_CHARS = 20_000
"""How much of a text its kind is judged from (an email, story or answer is far shorter)."""


def cue_kind(text: str) -> str | None:
    """story, email or answer when the text says so outright: STAR labels naming two sections,
    an email's headers or greeting and its thanks, a plan's metric terms in the conditional;
    None otherwise (a list of bullets, prose with no cue)."""
    from starkit.story.segment import find_labels

    cues = kind_cues()
    lex = cues.lexicon
    head = text[:CUE_CHARS]
    if len({n for lab in find_labels(head) for n in lab.names}) >= lex.story.min_labels:
        return "story"
    lines = [ln for ln in head.splitlines() if ln.strip()]
    body = list(itertools.dropwhile(cues.header.match, lines))
    greeted = any(cues.greeting.match(ln) for ln in body[: lex.email.greeting_within])
    if (greeted or len(body) < len(lines)) and cues.thanks.search(head):
        return "email"
    terms = {m.group(0).lower().rstrip("s") for m in cues.terms.finditer(head)}
    if len(terms) >= lex.answer.min_terms and (
        sum(1 for _ in cues.moods.finditer(head)) >= lex.answer.min_moods
    ):
        return "answer"
    if sum(1 for ln in lines if cues.label_line.match(ln)) >= lex.answer.min_label_lines:
        return "answer"  # an answer written as a list of labelled metrics, in no mood
    return None


def kind_from_text(text: str) -> str:
    """story, email, answer or resume for text that is not a structured resume document
    (`cue_kind`, then prose paragraphs are a story, one line a bullet a resume)."""
    found = cue_kind(text)
    if found is not None:
        return found
    lex = kind_cues().lexicon.story
    lines = [ln for ln in text.splitlines() if ln.strip()]
    words = len(text.split())
    if lines and words >= lex.prose_words and words / len(lines) >= lex.prose_words_per_line:
        return "story"  # prose paragraphs, not one bullet a line
    first_person = kind_cues().first_person
    if (
        lines
        and words >= lex.first_person_words
        and sum(1 for ln in lines if first_person.search(ln)) >= lex.first_person_share * len(lines)
    ):
        return "story"  # told in the first person a line ("I was tasked with ..."): resume
        # bullets open with a verb and name no one
    return "resume"


# -- linting one file -------------------------------------------------------------------------


def _clamp(lines: list[str], line: int, col: int, length: int) -> Place:
    """A position on a real line and column of `lines` (the span kept on that line)."""
    if not lines:
        return Place(1, 1, 1, 1)
    line = min(max(line, 1), len(lines))
    width = len(lines[line - 1])
    col = min(max(col, 1), width + 1)
    end = min(col + max(length, 0), width + 1)
    return Place(line, col, line, max(end, col))


def _generic_items(report: Any) -> list[Item]:
    from starkit.formatters import line_col

    out = []
    for f in report.findings:
        line, col = line_col(report.text, f.start)
        end_line, end_col = line_col(report.text, f.end)
        place = Place(line, col, end_line, end_col)
        out.append(Item(f.rule, f.severity.value, f.message, f.suggestion, place, f))
    return out


def _resume_items(report: Any, fmt: str, text: str | None) -> list[Item]:
    lines = split_lines(text) if text is not None else []
    # a document rule (resume-no-achievements) judges the whole file: placed at its start
    out = [
        Item(f.rule, f.severity.value, f.message, f.suggestion, Place(1, 1, 1, 1), f)
        for f in report.document_findings
    ]
    for lf in report.findings:
        f, src, end = lf.finding, lf.source, lf.end
        length = f.end - f.start
        if end is not None and (end.line, end.page) == (src.line, src.page):
            length = end.col - src.col  # markup stripped inside the span ('**ship**') counted
        if text is None:
            place = Place(src.line, src.col, src.line, src.col + length, src.page, exact=False)
        else:
            place = _clamp(lines, src.line, src.col, length)
        out.append(Item(f.rule, f.severity.value, f.message, f.suggestion, place, lf))
    return out


def lint_file(
    path: str,
    *,
    kind: str | None,
    config: Any,
    report_unused: bool = False,
    stdin: Any = None,
    question: str | None = None,
    isolate_text: bool = True,
) -> FileResult:
    """Lint one file (or '-' for standard input) into a `FileResult`; never raises a
    `StarkitError` (it becomes the result's `error`). `question` is the question a metrics
    answer (`kind="answer"`) answers; `isolate_text` as in
    `starkit.resume.cli.structured_resume`."""
    try:
        return _lint_file(path, kind, config, report_unused, stdin, question, isolate_text)
    except StarkitError as exc:
        name = path if path != "-" else "<stdin>"
        error = str(exc)
        if not error.startswith(name):  # every error names its file ('the text has 2,000,000…')
            error = f"{name}: {error}"
        return FileResult(name, error=error)


def _lint_file(
    path: str,
    kind: str | None,
    config: Any,
    report_unused: bool,
    stdin: Any,
    question: str | None = None,
    isolate_text: bool = True,
) -> FileResult:
    import sys

    from starkit import engine
    from starkit.cli import _read_input
    from starkit.textio import decode_bytes

    name, data = _read_input(path, stdin if stdin is not None else sys.stdin)
    result = FileResult(name)

    def decode() -> None:
        decoded = decode_bytes(data, name)
        if decoded.warning:
            result.warnings.append(decoded.warning)
        result.text = decoded.text

    if kind is None:
        kind = _stated_kind(data, name)
    if kind in (None, "resume"):
        # the resume reader first: it names what a binary file is ("an image: no OCR")
        resume = _structured_resume(name, data, path, isolate_text, config)
        if resume is not None:
            from starkit.resume.report import lint_resume

            if resume.format not in ("pdf", "docx") and data[:2] != b"PK":
                decode()  # a text file (not a project .zip): its lines place suppressions
            result.kind, result.fmt = "resume", resume.format
            report = lint_resume(resume, config=config)
            # the reading's warnings and the lines linting could not judge (not English); the
            # decoding warning ('decoded as cp1252') is the reader's too: said once
            result.warnings += [w for w in report.resume.warnings if w not in result.warnings]
            if kind is None and report.document_findings and resume.format in ("pdf", "docx"):
                # no achievement found: a story, email or answer kept in a PDF or DOCX says so
                stated = _document_kind(data, name)
                if stated is not None:
                    result.warnings.clear()
                    return _lint_document(result, data, stated, config, question)
            result.native = report
            items = _resume_items(report, resume.format, result.text)
            return _suppress(result, items, report_unused)
    if data[:5] == b"%PDF-" or data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return _lint_document(result, data, str(kind), config, question)
    decode()
    assert result.text is not None
    if not result.text.strip():  # the file's name and the file's fault, not the app's wording
        raise InputError(f"{name}: the {'input' if path == '-' else 'file'} is empty")
    result.kind = kind or kind_from_text(result.text)
    result.fmt = "text"
    text = result.text
    if result.kind == "resume":  # read as far as the app reads the same text pasted
        text, cut = resume_lines(check_text(text), name)  # over MAX_CHARS is still refused
        result.warnings += cut
        wordless = wordless_lines(text)
        if wordless:
            result.warnings.append(wordless_skipped(name, wordless))
    report = engine.lint(
        text, result.kind, question if result.kind == "answer" else None, config=config
    )
    if report.not_judged:  # another language or script: an error, never a clean pass
        raise InputError(f"{name}: not judged: {report.not_judged}")
    if result.kind == "bullet" and not report.units:  # '#####': nothing was judged
        result.warnings.append(no_words(name))
    elif result.kind == "bullet" and (marked := marked_lines(text)) > 1:
        result.warnings.append(list_as_one_bullet(name, marked))  # never a quiet one-bullet read
    result.native = report
    return _suppress(result, _generic_items(report), report_unused)


def _lint_document(
    result: FileResult, data: bytes, kind: str, config: Any, question: str | None
) -> FileResult:
    """A story, email, answer or bullets kept in a PDF or DOCX: its text as the resume readers
    extract it (in the bounded worker), linted as `kind`; each finding placed at its line (or
    paragraph) and page of the file."""
    from starkit import engine
    from starkit.worker import run_bounded

    try:
        from starkit.resume import read_document_text
    except ModuleNotFoundError as exc:  # resume reading not installed
        raise InputError(f"{result.path}: a {kind} cannot be read from a PDF or DOCX file") from exc
    text, where, warnings = run_bounded(read_document_text, data, result.path, label=result.path)
    result.warnings += warnings
    result.kind, result.fmt = kind, "pdf" if data[:5] == b"%PDF-" else "docx"
    report = engine.lint(text, kind, question if kind == "answer" else None, config=config)
    if report.not_judged:
        raise InputError(f"{result.path}: not judged: {report.not_judged}")
    result.native = report
    items = _generic_items(report)
    for item in items:
        p = item.place
        line, page = where[min(p.line, len(where)) - 1]
        end_line = where[min(p.end_line, len(where)) - 1][0]
        item.place = Place(line, p.col, end_line, p.end_col, page, exact=False)
    return _suppress(result, items, False)


def _document_kind(data: bytes, name: str) -> str | None:
    """The kind the text of a PDF or DOCX states outright (`cue_kind`), or None."""
    from starkit.worker import run_bounded

    try:
        from starkit.resume import read_document_text

        text, _, _ = run_bounded(read_document_text, data, name, label=name)
    except StarkitError:
        return None
    return cue_kind(text)


def _stated_kind(data: bytes, name: str) -> str | None:
    """The kind a plain text or light-markup file states outright (`cue_kind`: STAR labels, an
    email's headers or greeting, a metrics answer's plan), before the resume reader would take
    a story's '## Situation' headings for a resume's sections; None for anything else."""
    from starkit.textio import decode_bytes

    if data[:5] == b"%PDF-" or data[:2] == b"PK":
        return None
    try:
        text = decode_bytes(data, name).text
        from starkit.resume.detect import sniff_text
    except (InputError, ModuleNotFoundError):
        return None  # the reading below names the fault
    if sniff_text(text) not in ("text", "markdown", "rst", "org"):
        return None
    return cue_kind(text)


def _structured_resume(
    name: str, data: bytes, path: str, isolate_text: bool = True, config: Any = None
) -> Any:
    """The resume in `data` when it is a resume document with structure, else None."""
    try:
        from starkit.resume.cli import structured_resume
    except ModuleNotFoundError as exc:  # resume reading not installed: lint as text
        if exc.name in ("starkit.resume", "starkit.resume.cli"):
            return None
        raise
    from starkit.nlp import get_nlp

    # the pipeline is built here while the worker reads the file: on two cores they overlap
    return structured_resume(
        name, data, path, isolate_text=isolate_text, meanwhile=lambda: get_nlp(config)
    )


def _suppress(result: FileResult, items: list[Item], report_unused: bool) -> FileResult:
    from starkit.rules import rule_codes
    from starkit.suppress import META_RULES, apply

    if result.text is None:
        result.findings = items
        return result
    outcome = apply(
        result.text,
        [(i.rule, i.place.line) for i in items],
        rule_codes() | frozenset(META_RULES) | {"inconsistent-figure"},
        report_unused,
    )
    result.findings = [items[i] for i in outcome.kept]
    result.suppressed = [items[i] for i in outcome.suppressed]
    for code, line, col, end_col, message in outcome.problems:
        sev, _ = META_RULES[code]
        result.findings.append(
            Item(code, sev, message, "Fix or remove the comment.", Place(line, col, line, end_col))
        )
    result.findings.sort(key=lambda i: (i.place.page or 0, i.place.line, i.place.col))
    if result.suppressed:
        result.native = _without(result.native, {id(i.native) for i in result.suppressed})
    return result


def _without(native: Any, drop: set[int]) -> Any:
    """The native report without the suppressed findings (so its JSON agrees)."""
    kept = [f for f in native.findings if id(f) not in drop]
    if hasattr(native, "items"):  # ResumeReport: findings are LocatedFindings
        dropped = {id(lf.finding) for lf in native.findings if id(lf) in drop}
        items = [
            it.model_copy(update={"findings": [f for f in it.findings if id(f) not in dropped]})
            for it in native.items
        ]
        document = [f for f in native.document_findings if id(f) not in drop]
        return native.model_copy(
            update={"findings": kept, "items": items, "document_findings": document}
        )
    return native.model_copy(update={"findings": kept})


def run(
    paths: list[str],
    *,
    kind: str | None = None,
    config: Any = None,
    report_unused: bool = False,
    stdin: Any = None,
    question: str | None = None,
) -> Run:
    """Lint every file the paths name (see `expand_paths`) with its kind. In a folder, a LaTeX
    project is read through its main file (`_without_included`)."""
    files, skipped = expand_paths(paths)
    files = _without_included(files, paths)
    # one file: read in the bounded worker whatever its format; many: text formats are read
    # here under the readers' own limits (a fork per file costs 6x the reading), PDF, DOCX and
    # zip files still in the worker
    isolate_text = len(files) <= 1
    kinds = dict(getattr(config, "kinds", {}) or {})
    base = Path(config.source).parent if getattr(config, "source", None) else Path.cwd()
    results = []
    for p in files:
        k = kind or kind_from_config(p, kinds, base)
        res = lint_file(
            p,
            kind=k,
            config=config,
            report_unused=report_unused,
            stdin=stdin,
            question=question,
            isolate_text=isolate_text,
        )
        if res.error and p not in paths and _quiet_skip(res.error):
            skipped.append(p)  # a binary or empty file found in a folder: skipped, counted
            continue
        results.append(res)
    return Run(results, skipped)


def _without_included(files: list[str], paths: list[str]) -> list[str]:
    """`files` less the `.tex` files found in a folder under a LaTeX project's main file (one
    with `\\documentclass` and `\\begin{document}`): they are read through it, as Overleaf
    compiles them, or are not part of the resume. A file named on the command line is always
    linted."""
    if len(files) < 2:
        return files
    from starkit.resume.project import LATEX_SUFFIXES, is_main_file

    named = {os.path.normpath(p) for p in paths}
    found = [
        f
        for f in files
        if f != "-"
        and os.path.normpath(f) not in named
        and Path(f).suffix.lower() in LATEX_SUFFIXES
    ]
    if len(found) < 2:
        return files
    mains = {f for f in found if is_main_file(Path(f))}
    if not mains:
        return files
    roots = {Path(m).resolve().parent for m in mains}
    dropped = {
        f
        for f in found
        if f not in mains
        and any(r == Path(f).resolve().parent or r in Path(f).resolve().parents for r in roots)
    }
    return [f for f in files if f not in dropped]


def _quiet_skip(error: str) -> bool:
    quiet = ("binary", "is empty", "not a JSON Resume", "does not match any supported format")
    return any(s in error for s in quiet)
