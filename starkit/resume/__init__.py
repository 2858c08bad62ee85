"""Read a resume file (PDF, DOCX, LaTeX, Markdown, reStructuredText, Org, JSON Resume or
other YAML/JSON/TOML resume data, HTML or plain text) into sections, roles and bullets:
`read_resume(path_or_bytes) -> Resume`.

The format is found from the content, not the file name. Every problem with the file (too big,
encrypted, scanned, corrupt, of no supported format, an invalid JSON Resume) raises
`ResumeReadError` with a one-line message. See docs/resume.md.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from starkit.errors import ResumeReadError, StarkitError
from starkit.resume.model import (
    Format,
    Resume,
    ResumeBullet,
    ResumeLine,
    ResumeSection,
    Role,
    Segment,
    Source,
)
from starkit.textio import MAX_FILE_BYTES, read_file, read_stream, too_big

__all__ = [
    "Format",
    "Resume",
    "ResumeBullet",
    "ResumeLine",
    "ResumeSection",
    "Role",
    "Segment",
    "Source",
    "detect_format",
    "read_document_text",
    "read_resume",
]


def _load(source: Any, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        label = name or "<bytes>"
    elif isinstance(source, (str, os.PathLike)):
        label = name or str(source)
        data = read_file(source, label, error=ResumeReadError)
    elif hasattr(source, "read"):
        label = name or str(getattr(source, "name", "<upload>"))
        data = read_stream(source, label, error=ResumeReadError)
    else:
        raise ResumeReadError(f"read_resume takes a path or bytes, not {type(source).__name__}")
    if len(data) > MAX_FILE_BYTES:
        raise ResumeReadError(too_big(label, MAX_FILE_BYTES, len(data)))
    if not data.strip():
        raise ResumeReadError(f"{label}: the file is empty")
    return data, label


def detect_format(data: bytes, name: str = "<bytes>") -> Format:
    """The format of a resume's bytes, found from the content (raises for unsupported ones)."""
    from starkit.resume.detect import decode, sniff_binary, sniff_text

    fmt = _archive(data)
    if fmt is not None:
        return fmt
    fmt = sniff_binary(data, name)
    if fmt is not None:
        return fmt
    text, _ = decode(data, name)
    return sniff_text(text)


def _archive(data: bytes) -> Format | None:
    """'latex' for a ZIP of LaTeX sources (an Overleaf project download), 'csv' for a ZIP
    holding LinkedIn's Positions or Projects table (its data export), else None. The ZIP's
    directory is read once for both."""
    if not data.startswith(b"PK\x03\x04"):
        return None
    from starkit.resume.linkedin import export_members
    from starkit.resume.project import latex_sources

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if latex_sources(zf.namelist()):
                return "latex"
            return "csv" if export_members(zf) else None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return None  # the binary sniff says what is wrong with it


def read_resume(source: Any, *, name: str | None = None) -> Resume:
    """Read a resume from a path, bytes or a binary file object into a typed `Resume`.

    `name` labels the file in messages (default: the path). Raises `ResumeReadError` (a
    `StarkitError`) with a one-line message for any file it cannot read.  A folder or a
    `.zip` of LaTeX sources is read as a LaTeX project (an Overleaf download), and a `.zip`
    holding LinkedIn's Positions.csv or Projects.csv as that data export; a `.tex` file read
    from a path has the files it `\\input`s read from beside it.
    """
    folder = Path(source) if isinstance(source, (str, os.PathLike)) else None
    if folder is not None and folder.is_dir():
        from starkit.resume.project import read_folder

        label = name or str(source)
        try:
            return read_folder(folder, label)
        except RecursionError:
            raise ResumeReadError(f"{label}: a file is nested too deeply to read") from None
    data, label = _load(source, name)
    try:
        return _read(data, label, beside=folder)
    except RecursionError:
        raise ResumeReadError(f"{label}: the file is nested too deeply to read") from None


@contextlib.contextmanager
def _damaged_file(label: str) -> Iterator[None]:
    """PDF and DOCX libraries can fail anywhere on a damaged file; any such failure is
    reported as a damaged file, in one line."""
    try:
        yield
    except (StarkitError, NameError, ImportError):
        raise  # ours, or a bug in starkit: not the file's fault
    except Exception as exc:
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise ResumeReadError(
            f"{label}: cannot read this file, it looks corrupt or truncated ({detail})"
        ) from None


def _read_binary(fmt: Format, data: bytes, label: str) -> Resume:
    """A PDF or DOCX resume (a damaged file is one `ResumeReadError`)."""
    with _damaged_file(label):
        if fmt == "pdf":
            from starkit.resume.pdf import read_pdf

            return read_pdf(data, label)
        from starkit.resume.docx import read_docx

        return read_docx(data, label)


def read_document_text(
    data: bytes, name: str
) -> tuple[str, list[tuple[int, int | None]], list[str]]:
    """The text of a PDF or DOCX as the resume readers extract it, for a story, email or
    answer kept in one: (text, where, warnings), one line of `text` a paragraph (DOCX) or a
    line (PDF), a blank line where the page leaves a gap; `where[i]` is line i's (line or
    paragraph, page) in the file. Raises `ResumeReadError` for any other file, a damaged one
    or one with no text."""
    from starkit.resume.detect import sniff_binary

    fmt = sniff_binary(data, name)
    if fmt not in ("pdf", "docx"):
        raise ResumeReadError(f"{name}: not a PDF or DOCX file")
    with _damaged_file(name):
        if fmt == "pdf":
            from starkit.resume.pdf import pdf_lines

            lines, _pages, warnings = pdf_lines(data, name)
        else:
            from starkit.resume.docx import docx_lines

            lines, warnings = docx_lines(data, name)
    texts: list[str] = []
    where: list[tuple[int, int | None]] = []
    from starkit.resume.structure import strip_glyph

    for ln in lines:
        body = strip_glyph(ln.text)[0].strip()  # a PDF's bullet glyph ('(cid:127)') is no text
        if not body:
            continue
        if ln.gap and texts and texts[-1]:
            texts.append("")
            where.append((ln.line, ln.page))
        texts.append(body)
        where.append((ln.line, ln.page))
    if not texts:
        raise ResumeReadError(f"{name}: the document has no text")
    return "\n".join(texts), where, warnings


def _read(data: bytes, label: str, beside: Path | None = None) -> Resume:
    from starkit.resume.detect import decode, sniff_binary, sniff_text
    from starkit.resume.linkedin import read_linkedin_zip
    from starkit.resume.project import expand_beside, read_zip

    archive = _archive(data)
    if archive == "latex":
        return read_zip(data, label)
    if archive == "csv":
        return read_linkedin_zip(data, label)
    fmt = sniff_binary(data, label)
    if fmt in ("pdf", "docx"):
        return _read_binary(fmt, data, label)
    text, warning = decode(data, label)
    fmt = sniff_text(text)
    skipped: list[str] = []
    if fmt == "latex" and beside is not None:
        text, skipped = expand_beside(text, beside, label)
    resume = _read_text_format(fmt, text, label)
    if warning:
        resume.warnings.insert(0, warning)
    resume.warnings.extend(skipped)
    return resume


def read_text_resume(
    text: str, *, name: str = "<text>", fmt: Format | None = None, markup: bool = True
) -> Resume:
    """Read a resume already decoded to text (Markdown, LaTeX, HTML, JSON/YAML or plain).

    `markup=False` reads it as the user typed it: plain text, whatever it looks like, with
    `<b>`, `**` or `[x](y)` kept as characters (a paste into the app)."""
    from starkit.resume.detect import sniff_text

    if not markup:
        return _read_text_format("text", text, name, markup=False)
    return _read_text_format(fmt or sniff_text(text), text, name)


def _read_text_format(fmt: Format, text: str, label: str, *, markup: bool = True) -> Resume:
    """Read a text format; a text longer than any resume (over `MAX_TEXT_LINES` lines) is read
    up to that line with a warning, so a long file costs no more than the limit."""
    from starkit.limits import MAX_TEXT_LINES

    cut = None
    if fmt not in (
        "jsonresume",
        "data",
        "csv",
    ):  # data cut short is no data: its size is bounded by the file limit
        end = -1
        for _ in range(MAX_TEXT_LINES):
            end = text.find("\n", end + 1)
            if end < 0:
                break
        if end >= 0 and text[end + 1 :].strip():
            text = text[: end + 1]
            cut = (
                f"{label}: the file is longer than any resume; only its first "
                f"{MAX_TEXT_LINES:,} lines were read"
            )
    resume = _read_format(fmt, text, label, markup=markup)
    if cut and not any("longer than any resume" in w for w in resume.warnings):
        resume.warnings.insert(0, cut)  # a reader that cut it shorter says so, once
    return resume


def _read_format(fmt: Format, text: str, label: str, *, markup: bool = True) -> Resume:
    if fmt in ("jsonresume", "data"):
        from starkit.resume.jsonresume import is_jsonresume, read_jsonresume
        from starkit.resume.structured import parse_data, read_structured

        data = parse_data(text, label)
        if is_jsonresume(data):
            try:
                return read_jsonresume(text, label)
            except ResumeReadError as exc:
                # a JSON Resume with a loose section ('skills': ["SQL"]): the general walk
                # reads it; a wrong type in basics, work, volunteer or projects is refused
                where = re.search(r"invalid JSON Resume: (\w+)", str(exc))
                if where is None or where.group(1) in ("basics", "work", "volunteer", "projects"):
                    raise
        return read_structured(text, label, data)
    if fmt == "csv":
        from starkit.resume.linkedin import read_linkedin

        return read_linkedin(text, label)
    if fmt == "html":
        from starkit.resume.html import read_html

        return read_html(text, label)
    if fmt == "latex":
        from starkit.resume.latex import read_latex

        return read_latex(text, label)
    if fmt in ("rst", "org"):
        from starkit.resume.lightmarkup import read_org, read_rst

        return read_rst(text, label) if fmt == "rst" else read_org(text, label)
    if fmt == "markdown":
        from starkit.resume.markdown import read_markdown

        return read_markdown(text, label)
    from starkit.resume.plaintext import read_text

    return read_text(text, label, markup=markup)
