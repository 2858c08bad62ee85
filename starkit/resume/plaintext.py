"""Plain-text resumes: one physical line a `RawLine`, with character columns as geometry so a
hard-wrapped bullet can be re-joined (its first line ran to the wrap width)."""

from __future__ import annotations

import re

from starkit.resume.model import Resume
from starkit.resume.structure import RawLine, build_resume, strip_glyph

_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|_{3,}|~{3,}|\*{3,})\s*$")


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None when it was not wrapped (then
    no line counts as 'full').  Wrapped text has several lines ending just short of it."""
    lengths = [len(ln.rstrip()) for ln in lines if ln.strip()]
    if len(lengths) < 4:
        return None
    width = max(lengths)
    near = sum(1 for n in lengths if n >= width - 12)
    return width if 50 <= width <= 130 and near >= 3 else None


def text_lines(text: str, *, first_line: int = 1) -> list[RawLine]:
    """`RawLine`s of a plain text, setext-style underlined titles marked as headings."""
    original = text.splitlines()
    physical = [ln.expandtabs(4) if ln.strip() else "" for ln in original]
    width = wrap_width(physical)
    out: list[RawLine] = []
    for i, line in enumerate(physical):
        if _UNDERLINE.match(line):
            if out and i > 0 and physical[i - 1].strip() and len(physical[i - 1].split()) <= 6:
                out[-1].heading = 1
            out.append(RawLine("", i + first_line))  # read as a gap
            continue
        indent = len(line) - len(line.lstrip())
        body, _, removed = strip_glyph(line)
        words = body.split()
        out.append(
            RawLine(
                text=original[i] if line else "",  # tabs kept: they separate header parts
                line=i + first_line,
                x_line=float(indent),
                x0=float(removed + len(body) - len(body.lstrip())) if removed else float(indent),
                x1=float(len(line.rstrip())),
                first_word=float(len(words[0])) if words else 0.0,
                right_margin=float(width) if width else None,
            )
        )
    return out


def read_text(text: str, name: str) -> Resume:
    """Read a plain-text resume."""
    return build_resume(text_lines(text), name, "text")
