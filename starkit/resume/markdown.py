"""Markdown resumes: headings (`#`, underlined), list items (`-`, `*`, `+`, `1.`) with their
indented continuation lines, and inline markup (`**bold**`, links, code) stripped."""

from __future__ import annotations

import re
from typing import Any

from starkit.resume.model import Resume
from starkit.resume.structure import RawLine, build_resume
from starkit.resume.text import Cols, sub_mapped
from starkit.textio import split_lines

_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_LIST = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])\s+(?=\S)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_RULE = re.compile(r"^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")

_INLINE = [
    (re.compile(r"<!--.*?-->"), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>]+|[^@>\s]+@[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), " "),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*\\])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"`+([^`]+)`+"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),
    (re.compile(r" {2,}$"), ""),
]
_ENTITIES = [
    (re.compile("&amp;"), "&"),
    (re.compile("&nbsp;"), " "),
    (re.compile("&lt;"), "<"),
    (re.compile("&gt;"), ">"),
]
_WHOLE_BOLD = re.compile(r"^\s*(\*\*|__)(?=\S).+?(?<=\S)\1\s*(?:[|,–—-].*)?$")


def strip_inline(text: str) -> str:
    """Markdown inline markup removed, the words kept."""
    return strip_inline_mapped(text, list(range(1, len(text) + 1)))[0]


def strip_inline_mapped(text: str, cols: Cols) -> tuple[str, Cols]:
    """`strip_inline` and the source column of each character kept (`cols` gives those of
    `text`), so a finding points at the user's own line."""
    for pattern, repl in _INLINE:
        text, cols = sub_mapped(pattern, repl, text, cols)
    for pattern, repl in _ENTITIES:
        text, cols = sub_mapped(pattern, repl, text, cols)
    return text, cols


def _expand(line: str) -> tuple[str, Cols]:
    """`line.expandtabs(4)` and the source column of each of its characters."""
    out: list[str] = []
    cols: Cols = []
    for i, ch in enumerate(line):
        if ch == "\t":
            n = 4 - len(out) % 4
            out.extend(" " * n)
            cols.extend([i + 1] * n)
        else:
            out.append(ch)
            cols.append(i + 1)
    return "".join(out), cols


def _raw(text: str, n: int, cols: Cols, **hints: Any) -> RawLine:
    """A `RawLine` of `text` (inline markup stripped) whose characters sit at `cols`."""
    clean, kept = strip_inline_mapped(text, cols)
    return RawLine(clean, n, col=kept[0] if kept else (cols[0] if cols else 1), cols=kept, **hints)


def _blank_comments(lines: list[str]) -> list[str]:
    """The lines with every HTML comment (`<!-- ... -->`, one line or many) turned to spaces,
    so columns stay where they were and a template's instructions are never read as content."""
    out: list[str] = []
    open_ = False
    for line in lines:
        chars = list(line)
        i = 0
        while i < len(line):
            if open_:
                end = line.find("-->", i)
                stop = len(line) if end < 0 else end + 3
                chars[i:stop] = " " * (stop - i)
                open_ = end < 0
                i = stop
            else:
                start = line.find("<!--", i)
                if start < 0:
                    break
                open_ = True
                i = start
        out.append("".join(chars) if chars != list(line) else line)
    return out


def markdown_lines(text: str) -> list[RawLine]:
    """`RawLine`s of a Markdown text with list, heading and continuation hints."""
    src = _blank_comments(split_lines(text))
    out: list[RawLine] = []
    i = 0
    if src and src[0].strip() == "---":  # YAML front matter
        end = next((j for j in range(1, len(src)) if src[j].strip() in ("---", "...")), None)
        if end is not None:
            i = end + 1
    in_fence = False
    list_indent: int | None = None  # content column of the open list item
    while i < len(src):
        line, line_cols = _expand(src[i])
        n = i + 1
        i += 1
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if not line.strip():
            out.append(RawLine("", n))
            continue
        nxt = src[i] if i < len(src) else ""
        if (
            not in_fence
            and _SETEXT.match(nxt)
            and not _LIST.match(line)
            and not (nxt.strip().startswith("-") and out and out[-1].text == "")
            and len(line.split()) <= 8
        ):
            level = 1 if nxt.strip().startswith("=") else 2
            out.append(RawLine(strip_inline(line.strip()), n, heading=level, brk=True))
            i += 1
            list_indent = None
            continue
        if in_fence:
            out.append(RawLine(line, n, brk=True))
            continue
        if _RULE.match(line):
            out.append(RawLine("", n))
            list_indent = None
            continue
        if _TABLE_SEP.match(line):
            continue
        m = _ATX.match(line)
        if m:
            body_cols = line_cols[m.start(2) : m.end(2)]
            out.append(_raw(m.group(2), n, body_cols, heading=len(m.group(1)), brk=True))
            list_indent = None
            continue
        stripped = line.lstrip()
        if stripped.startswith(">"):
            line, line_cols = sub_mapped(_QUOTE, "", line, line_cols)
            stripped = line.lstrip()
        if stripped.startswith("|") and stripped.rstrip().endswith("|"):
            cells = [c.strip() for c in stripped.strip().strip("|").split("|")]
            line = "\t".join(strip_inline(c) for c in cells if c)
            out.append(RawLine(line, n, brk=True))
            continue
        indent = len(line) - len(stripped)
        lm = _LIST.match(line)
        if lm:
            list_indent = lm.end()
            body = line[lm.end() :]
            body_cols = line_cols[lm.end() :]
            out.append(_raw(body, n, body_cols, bullet=True, bold=bool(_WHOLE_BOLD.match(body))))
            continue
        cont = list_indent is not None and indent >= min(list_indent, 2) and out and out[-1].text
        # a paragraph's wrapped line ('...lists and' / 'links:') is never a heading of its own
        wrapped = bool(out and out[-1].text and out[-1].heading is None and stripped[:1].islower())
        cont = cont or wrapped
        out.append(
            _raw(
                stripped,
                n,
                line_cols[indent:],
                cont=bool(cont),
                bold=bool(_WHOLE_BOLD.match(stripped)),
            )
        )
        if not cont:
            list_indent = None
    return out


def read_markdown(text: str, name: str) -> Resume:
    """Read a Markdown resume."""
    return build_resume(markdown_lines(text), name, "markdown")
