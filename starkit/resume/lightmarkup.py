"""reStructuredText and Org-mode resumes: headings, list items with their indented
continuation lines, and inline markup stripped, read into the same `RawLine`s as Markdown.

reStructuredText: a title is a line underlined (optionally also overlined) with one
punctuation character repeated; levels follow the order the styles first appear. Lists are
`-`, `*`, `+`, `#.` and `1.` items; a field list (`:Email: ...`) is contact text; directives
(`.. image::`), comments and substitution definitions are skipped.

Org-mode: `*`, `**`... headings (the level is the number of stars), `-`, `+` and `1.`/`1)`
items, `#+TITLE:` as the name; other `#+` keywords, property drawers and comments are
skipped.
"""

from __future__ import annotations

import itertools
import re

from starkit.resume.model import Resume
from starkit.resume.structure import RawLine, build_resume
from starkit.textio import split_lines

_RST_ADORN = re.compile(r"^([=\-~^\"'`#*+:._])\1{2,}\s*$")
_RST_LIST = re.compile(r"^(\s*)(?:[-*+•]|#\.|\d{1,3}[.)]|\(?[a-z][.)])\s+(?=\S)")
_RST_INLINE = [
    (re.compile(r"`([^`<]+?)\s*<[^>]+>`__?"), r"\1"),  # `text <url>`_
    (re.compile(r"`([^`]+)`__?"), r"\1"),  # `ref`_
    (re.compile(r":[\w-]+:`([^`]+)`"), r"\1"),  # :role:`text`
    (re.compile(r"``([^`]+)``"), r"\1"),
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"\|([\w -]+)\|_?"), r"\1"),  # |substitution|
    (re.compile(r"\\(.)"), r"\1"),
]
_ORG_HEADING = re.compile(r"^(\*+)\s+(?:(?:TODO|DONE)\s+)?(.*?)(?:\s+:[\w:@]+:)?\s*$")
_ORG_LIST = re.compile(r"^(\s*)(?:[-+]|\s+\*|\d{1,3}[.)])\s+(?=\S)")
_ORG_INLINE = [
    (re.compile(r"\{\{\{[\w-]+\((.*?)\)\}\}\}"), r" \1 "),  # {{{date(Jan 2011 -- Now)}}}
    (re.compile(r"\{\{\{[\w-]+\}\}\}"), " "),
    (re.compile(r"@@[\w-]+:.*?@@"), " "),  # export snippets
    (re.compile(r"\[\[[^\]]+\]\[([^\]]+)\]\]"), r"\1"),  # [[url][text]]
    (re.compile(r"\[\[([^\]]+)\]\]"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w/:])/(?=\S)([^/\n]+?)(?<=\S)/(?![\w/])"), r"\1"),
    (re.compile(r"(?<!\w)([=~])(?=\S)([^=~\n]+?)(?<=\S)\1(?!\w)"), r"\2"),
    (re.compile(r"(?<![\w+])\+(?=\S)([^+\n]+?)(?<=\S)\+(?![\w+])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"), r"\1"),
]


def _strip(text: str, rules: list[tuple[re.Pattern[str], str]]) -> str:
    for pattern, repl in rules:
        text = pattern.sub(repl, text)
    return text


def looks_rst(text: str) -> bool:
    """Titles underlined with a character Markdown does not use, or rST-only markup."""
    lines = text.splitlines()
    underlines = 0
    for prev, line in itertools.pairwise(lines):
        m = _RST_ADORN.match(line)
        if m and prev.strip() and len(line.rstrip()) >= len(prev.rstrip()) >= 2:
            if m.group(1) not in "=-":
                return True
            underlines += 1
    rst_only = re.search(r"^\.\. [\w-]+::|`[^`]+ <[^>]+>`_|^:[\w ]+: \S", text, re.M)
    return bool(rst_only) and underlines >= 1


def looks_org(text: str) -> bool:
    """`#+TITLE:`-style keywords, or `*`/`**` headings with Org links or a second level."""
    if re.search(r"^#\+(?:TITLE|AUTHOR|OPTIONS|STARTUP|LATEX_CLASS|EMAIL):", text, re.M | re.I):
        return True
    top = re.findall(r"^\* \S", text, re.M)
    second = re.findall(r"^\*\* \S", text, re.M)
    return bool(top) and (bool(second) or bool(re.search(r"\[\[[^\]]+\](?:\[[^\]]+\])?\]", text)))


def rst_lines(text: str) -> list[RawLine]:
    """`RawLine`s of a reStructuredText document."""
    src = split_lines(text)
    out: list[RawLine] = []
    styles: list[tuple[str, bool]] = []
    list_indent: int | None = None
    skip_indent: int | None = None  # inside a directive's or comment's indented body
    i = 0
    while i < len(src):
        line = src[i].expandtabs(4)
        n = i + 1
        i += 1
        stripped = line.strip()
        if not stripped:
            out.append(RawLine("", n))
            continue
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None:
            if indent > skip_indent:
                continue
            skip_indent = None
        if stripped.startswith(".."):
            skip_indent = indent
            continue
        nxt = src[i] if i < len(src) else ""
        over = _RST_ADORN.match(line)
        if over and i + 1 < len(src) and _RST_ADORN.match(src[i + 1]) and src[i].strip():
            # an overlined title: adornment, title, adornment
            style = (over.group(1), True)
            out.append(_rst_title(src[i].strip(), i + 1, style, styles))
            i += 2
            list_indent = None
            continue
        under = _RST_ADORN.match(nxt)
        if under and len(nxt.rstrip()) >= len(line.rstrip()) and not _RST_LIST.match(line):
            out.append(_rst_title(stripped, n, (under.group(1), False), styles))
            i += 1
            list_indent = None
            continue
        if over:  # a transition line
            out.append(RawLine("", n))
            list_indent = None
            continue
        m = re.match(r"^:([\w -]+):\s*(.*)$", stripped)
        if m and indent == 0:
            out.append(RawLine(f"{m.group(1)}: {_strip(m.group(2), _RST_INLINE)}", n, brk=True))
            continue
        lm = _RST_LIST.match(line)
        if lm:
            list_indent = lm.end()
            out.append(
                RawLine(_strip(line[lm.end() :], _RST_INLINE), n, col=lm.end() + 1, bullet=True)
            )
            continue
        cont = bool(out and out[-1].text) and (
            (list_indent is not None and indent >= list_indent - 1) or stripped[:1].islower()
        )
        out.append(RawLine(_strip(stripped, _RST_INLINE), n, col=indent + 1, cont=cont))
        if not cont:
            list_indent = None
    return out


def _rst_title(
    text: str, n: int, style: tuple[str, bool], styles: list[tuple[str, bool]]
) -> RawLine:
    if style not in styles:
        styles.append(style)
    level = styles.index(style) + 1
    return RawLine(_strip(text, _RST_INLINE), n, heading=level, brk=True)


def org_lines(text: str) -> list[RawLine]:
    """`RawLine`s of an Org-mode document."""
    src = split_lines(text)
    out: list[RawLine] = []
    list_indent: int | None = None
    drawer = False
    block = False
    skip_level: int | None = None  # inside a :noexport: subtree
    for i, raw in enumerate(src):
        n = i + 1
        line = raw.expandtabs(4)
        stripped = line.strip()
        if not stripped:
            out.append(RawLine("", n))
            continue
        upper = stripped.upper()
        if upper.startswith("#+BEGIN_"):
            block = True
            continue
        if upper.startswith("#+END_"):
            block = False
            continue
        if block:
            continue
        if re.fullmatch(r":[A-Z_]+:", upper):
            drawer = upper != ":END:"
            continue
        if drawer:
            continue
        m = re.match(r"^#\+(\w+):\s*(.*)$", stripped)
        if m:
            if m.group(1).upper() == "TITLE" and m.group(2).strip():
                out.append(RawLine(_strip(m.group(2), _ORG_INLINE), n, heading=0, brk=True))
            continue
        if stripped.startswith("# ") or stripped == "#":
            continue
        hm = _ORG_HEADING.match(line)
        if hm and line.startswith("*"):
            level = len(hm.group(1))
            if skip_level is not None and level > skip_level:
                continue
            skip_level = None
            if re.search(r":noexport:", line) or stripped.startswith("* COMMENT"):
                skip_level = level  # not exported: not part of the resume
                continue
        if skip_level is not None:
            continue
        if hm and line.startswith("*") and _strip(hm.group(2), _ORG_INLINE).strip():
            out.append(RawLine(_strip(hm.group(2), _ORG_INLINE), n, heading=level, brk=True))
            list_indent = None
            continue
        indent = len(line) - len(line.lstrip())
        lm = _ORG_LIST.match(line)
        if lm:
            list_indent = lm.end()
            body = line[lm.end() :]
            body = re.sub(r"^\[[ X-]\]\s+", "", body)  # checkbox
            out.append(RawLine(_strip(body, _ORG_INLINE), n, col=lm.end() + 1, bullet=True))
            continue
        cont = bool(out and out[-1].text) and (
            (list_indent is not None and indent >= list_indent - 1) or stripped[:1].islower()
        )
        out.append(RawLine(_strip(stripped, _ORG_INLINE), n, col=indent + 1, cont=cont))
        if not cont:
            list_indent = None
    return out


def read_rst(text: str, name: str) -> Resume:
    """Read a reStructuredText resume."""
    return build_resume(rst_lines(text), name, "rst")


def read_org(text: str, name: str) -> Resume:
    """Read an Org-mode resume."""
    return build_resume(org_lines(text), name, "org")


__all__ = ["looks_org", "looks_rst", "org_lines", "read_org", "read_rst", "rst_lines"]
