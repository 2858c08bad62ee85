"""Read a resume file (PDF, DOCX, LaTeX, Markdown, reStructuredText, Org, JSON Resume or
other YAML/JSON/TOML resume data, HTML or plain text) into sections, roles and bullets:
`read_resume(path_or_bytes) -> Resume`.

The format is found from the content, not the file name. Every problem with the file (too big,
encrypted, scanned, corrupt, of no supported format, an invalid JSON Resume) raises
`ResumeReadError` with a one-line message. See docs/resume.md.
"""

from __future__ import annotations

import os
import re
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
from starkit.textio import MAX_FILE_BYTES

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
    "read_resume",
]


def _load(source: Any, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        label = name or "<bytes>"
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        label = name or str(source)
        if not path.is_file():
            raise ResumeReadError(
                f"{label}: no such file" if not path.exists() else f"{label}: not a file"
            )
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ResumeReadError(_too_big(label, size))
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ResumeReadError(f"{label}: cannot read ({exc.strerror})") from None
    elif hasattr(source, "read"):
        label = name or str(getattr(source, "name", "<upload>"))
        data = source.read(MAX_FILE_BYTES + 1)
        if isinstance(data, str):
            data = data.encode("utf-8")
    else:
        raise ResumeReadError(f"read_resume takes a path or bytes, not {type(source).__name__}")
    if len(data) > MAX_FILE_BYTES:
        raise ResumeReadError(_too_big(label, len(data)))
    if not data.strip():
        raise ResumeReadError(f"{label}: the file is empty")
    return data, label


def _too_big(label: str, size: int) -> str:
    return (
        f"{label}: {size / 1e6:.1f} MB is over the {MAX_FILE_BYTES // 1_000_000} MB "
        "resume file limit"
    )


def detect_format(data: bytes, name: str = "<bytes>") -> Format:
    """The format of a resume's bytes, found from the content (raises for unsupported ones)."""
    from starkit.resume.detect import decode, sniff_binary, sniff_text

    fmt = sniff_binary(data, name)
    if fmt is not None:
        return fmt
    text, _ = decode(data, name)
    return sniff_text(text)


def read_resume(source: Any, *, name: str | None = None) -> Resume:
    """Read a resume from a path, bytes or a binary file object into a typed `Resume`.

    `name` labels the file in messages (default: the path). Raises `ResumeReadError` (a
    `StarkitError`) with a one-line message for any file it cannot read.
    """
    data, label = _load(source, name)
    try:
        return _read(data, label)
    except RecursionError:
        raise ResumeReadError(f"{label}: the file is nested too deeply to read") from None


def _read_binary(fmt: Format, data: bytes, label: str) -> Resume:
    """PDF and DOCX: their libraries can fail anywhere on a damaged file; any such failure is
    reported as a damaged file, in one line."""
    try:
        if fmt == "pdf":
            from starkit.resume.pdf import read_pdf

            return read_pdf(data, label)
        from starkit.resume.docx import read_docx

        return read_docx(data, label)
    except (StarkitError, NameError, ImportError):
        raise  # ours, or a bug in starkit: not the file's fault
    except Exception as exc:
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise ResumeReadError(
            f"{label}: cannot read this file, it looks corrupt or truncated ({detail})"
        ) from None


def _read(data: bytes, label: str) -> Resume:
    from starkit.resume.detect import decode, sniff_binary, sniff_text

    fmt = sniff_binary(data, label)
    if fmt in ("pdf", "docx"):
        return _read_binary(fmt, data, label)
    text, warning = decode(data, label)
    fmt = sniff_text(text)
    resume = _read_text_format(fmt, text, label)
    if warning:
        resume.warnings.insert(0, warning)
    return resume


def read_text_resume(text: str, *, name: str = "<text>", fmt: Format | None = None) -> Resume:
    """Read a resume already decoded to text (Markdown, LaTeX, HTML, JSON/YAML or plain)."""
    from starkit.resume.detect import sniff_text

    return _read_text_format(fmt or sniff_text(text), text, name)


def _read_text_format(fmt: Format, text: str, label: str) -> Resume:
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

    return read_text(text, label)
