"""Split a text into the units rules judge, keeping offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from starkit.errors import InputError
from starkit.limits import MAX_UNIT_CHARS
from starkit.models import Kind

# A list marker at the start of a line: glyphs, dashes, numbering, the \x7f some PDFs give. A
# plus or hyphen glued to a figure is its sign ('+450% email marketing reach', '-15% churn'),
# not a marker.
_MARKER = re.compile(
    r"[ \t]*(?:[-+](?![\d$€£.])|[*•·▪▫◦‣⁃●○■□➢➤►▶✓✔→»–—\x7f]|\(cid:\d+\)|\d{1,2}[.)](?=\s)"
    r"|[a-z][.)](?=\s))[ \t]*"
)


@dataclass(frozen=True)
class Unit:
    """One unit: its kind and its [start, end) offsets in the original text."""

    index: int
    kind: str  # bullet | story | email
    start: int
    end: int


def parse_kind(kind: str | Kind) -> Kind:
    """A `Kind` from a string, or an `InputError` naming the kinds."""
    try:
        return Kind(str(kind).lower())
    except ValueError:
        names = ", ".join(k.value for k in Kind)
        raise InputError(f"unknown kind '{kind}': use one of {names}") from None


def _strip_marker(text: str, start: int, end: int) -> tuple[int, int]:
    m = _MARKER.match(text, start, end)
    if m:
        start = m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def has_word(text: str) -> bool:
    """True when `text` holds a word (a letter, in any script). A line of only symbols,
    figures or punctuation ('#####', '====', '2019') states no achievement: it is never
    linted or scored as a bullet (`wordless_skipped` says how many were left out)."""
    return any(ch.isalpha() for ch in text)


WORDLESS = "only symbols, figures or punctuation"
"""What a text with no word holds, as every message about one says it."""


def wordless_skipped(name: str, n: int) -> str:
    """The warning that `n` lines with no word in them were not read as bullets: the resume
    readers (the app) and `starkit lint` say it alike."""
    lines = "1 line" if n == 1 else f"{n:,} lines"
    return (
        f"{name}: skipped {lines} with no word in {'it' if n == 1 else 'them'} ({WORDLESS}): "
        "no achievement to check"
    )


def no_words(name: str) -> str:
    """The warning that a single bullet has no word in it, so nothing was judged (the bullet
    counterpart of `wordless_skipped`)."""
    return f"{name}: no words to judge ({WORDLESS}): not linted as a bullet"


def marked_lines(text: str) -> int:
    """How many lines of a text open with a list marker ('- ', '• ', '1. '): more than one in a
    text linted as a single bullet means a list read as one bullet."""
    n, pos = 0, 0
    for line in text.splitlines(keepends=True):
        n += _MARKER.match(text, pos, pos + len(line.rstrip("\r\n"))) is not None
        pos += len(line)
    return n


def list_as_one_bullet(name: str, n: int) -> str:
    """The warning that a text of `n` list-marked lines was linted as one bullet (`--kind
    bullet`): each rule judged the whole list once; linted as a resume, each line is a bullet."""
    return (
        f"{name}: {n:,} list lines read as one bullet (--kind bullet): each rule judged them "
        "together; --kind resume lints one bullet a line"
    )


def wordless_lines(text: str) -> int:
    """How many lines of a resume read one bullet a line hold text but no word
    (`split_units` skips them)."""
    n = pos = 0
    for line in text.splitlines(keepends=True):
        s, e = _strip_marker(text, pos, pos + len(line.rstrip("\r\n")))
        n += e > s and not has_word(text[s:e])
        pos += len(line)
    return n


def resume_lines(text: str, name: str) -> tuple[str, list[str]]:
    """A resume linted one bullet a line, up to its `MAX_LINES`-th line with text (as far as
    the resume readers read a document or a paste), and the warning when the rest was cut."""
    from starkit.limits import MAX_LINES, lines_cut

    seen = pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            seen += 1
            if seen > MAX_LINES:
                return text[:pos], [lines_cut(name)]
        pos += len(line)
    return text, []


def split_units(text: str, kind: Kind) -> list[Unit]:
    """Bullets: the whole text (marker stripped), none when it has no word; resume: one bullet
    a line with a word in it; story and email: the whole text."""
    if kind is Kind.RESUME:
        units: list[Unit] = []
        pos = 0
        for line in text.splitlines(keepends=True):
            s, e = _strip_marker(text, pos, pos + len(line.rstrip("\r\n")))
            if e > s and has_word(text[s:e]):
                units.append(Unit(len(units), "bullet", s, e))
            pos += len(line)
        return units
    if kind is Kind.BULLET:  # a bullet with no word ('#####') is no achievement: no unit
        s, e = _strip_marker(text, 0, len(text))
        return [Unit(0, "bullet", s, e)] if has_word(text[s:e]) else []
    s, e = 0, len(text)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return [Unit(0, kind.value, s, e)]


def check_unit_sizes(units: list[Unit]) -> None:
    """An `InputError` naming the first unit over `MAX_UNIT_CHARS` (the lint refuses it; the
    app checks it first, so it draws nothing for a text it will not check)."""
    for u in units:
        if u.end - u.start > MAX_UNIT_CHARS:
            which = f"{u.kind} {u.index + 1}" if len(units) > 1 else f"the {u.kind}"
            raise InputError(
                f"{which} has {u.end - u.start:,} characters, over the limit "
                f"of {MAX_UNIT_CHARS:,} for one {u.kind}; split it into smaller parts"
            )


def over_unit_limit(text: str, kind: str | Kind) -> str | None:
    """Why `text` is too long to lint as `kind` (the lint's own message), or None."""
    try:
        check_unit_sizes(split_units(text, parse_kind(kind)))
    except InputError as exc:
        return str(exc)
    return None
