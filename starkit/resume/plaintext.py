"""Plain-text resumes: one physical line a `RawLine`, with character columns as geometry so a
hard-wrapped bullet can be re-joined (its first line ran to the wrap width)."""

from __future__ import annotations

import re

from starkit.resume.model import Resume
from starkit.resume.roles import has_date_range
from starkit.resume.structure import RawLine, build_resume, strip_glyph
from starkit.textio import split_lines

_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|_{3,}|~{3,}|\*{3,})\s*$")
# A fixed-width layout's role line: the dates in a column of their own, the rest after a gap
# ('2019-2023   Fabrikam Cloud ---- Seattle, WA').
_DATE_COLUMN = re.compile(r"^(\s*)(\S.{2,28}?)(\s{2,})(\S)")


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
    original = split_lines(text)
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
    _fixed_width(physical, out)
    return out


def _fixed_width(physical: list[str], out: list[RawLine]) -> None:
    """Mark a fixed-width layout's description lines: under a role line that starts with its
    dates in a column of their own ('2019-2023   Org ---- Place', '2007         Org'), the
    lines indented deeper than it are one description of that role, a claim (a bullet),
    however they wrap."""
    i = 0
    while i < len(physical):
        m = _DATE_COLUMN.match(physical[i])
        dates = m.group(2).strip() if m else ""
        if not m or not (has_date_range(dates) or re.fullmatch(r"(?:19|20)\d\d", dates)):
            i += 1
            continue
        role_indent = len(m.group(1))
        out[i].item = "header"
        j = i + 1
        while j < len(physical) and physical[j].strip():
            line = physical[j]
            indent = len(line) - len(line.lstrip())
            if indent < role_indent + 2 or (_DATE_COLUMN.match(line) and has_date_range(line[:30])):
                break
            if j == i + 1:
                out[j].item = "bullet"
            else:
                out[j].cont = True
            j += 1
        i = j if j > i + 1 else i + 1


def read_text(text: str, name: str, *, markup: bool = True) -> Resume:
    """Read a plain-text resume. `markup=False` keeps inline HTML tags as text (a paste); a
    text file may carry them from the tool that wrote it ('Built <i>Atlas</i>')."""
    return build_resume(text_lines(text), name, "text", markup=markup)
