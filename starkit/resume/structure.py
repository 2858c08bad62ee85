"""The shared step of every reader: physical lines -> sections, roles and bullets.

Each format reader turns its file into `RawLine`s (text plus whatever its format tells: list
markup, heading level, geometry, bold) and this module does the rest the same way for all:

1. strip bullet glyphs and numbering (`•`, `-`, `(cid:127)`, `\\x7f`, `1.`...), which marks a
   line as starting a bullet;
2. find section headings from `lexicons/resume/sections.toml` (and markup headings);
3. within a section, re-join a bullet that wrapped over several lines: a line continues the
   open item when the markup says so, when it starts in lower case or the previous line ends
   on a joining word, or when the previous line was full (the next line's first word would
   not have fitted on it) — never across a blank gap, an outdent, a bold or size change, or a
   line that carries dates;
4. tell role headers (organisation, title, dates) from glyph-less bullets with a small score
   (dates, bold, separators, title words, shortness against an opening action verb, a final
   full stop and length), and attach every bullet to the role above it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Literal

from starkit.resume.builder import Builder, join_lines
from starkit.resume.lexicon import (
    achievement_sections,
    compact_headings,
    duty_labels,
    heading_key,
    keyword_section,
    not_claim_labels,
    role_words,
    section_headings,
    verb_forms,
)
from starkit.resume.model import Format, Resume, Source
from starkit.resume.roles import (
    SEPARATORS,
    RoleHint,
    ends_in_title,
    ends_with_date,
    has_date_range,
    has_title_word,
    split_parts,
)
from starkit.resume.text import HYPHENS, INVISIBLE, SPACES, Cols, clean, sub_mapped

__all__ = ["Builder", "RawLine", "RoleHint", "build_resume", "clean", "strip_glyph"]

ItemKind = Literal["bullet", "text", "header"]


@dataclass
class RawLine:
    """One physical line as a reader found it, with the hints its format gives.

    Geometry (`x0`, `x1`, `first_word`, `right_margin`) is in points for PDF and in characters
    for plain text; None when the format has none (then it is not used).
    """

    text: str
    line: int
    page: int | None = None
    col: int = 1
    bullet: bool = False  # markup says a list item starts here
    heading: int | None = None  # markup heading level (0 = title, 1 = top)
    cont: bool = False  # markup says it continues the previous line's item
    brk: bool = False  # markup says a new block starts here (never a continuation)
    gap: bool = False  # blank space above it
    region: bool = False  # the layout moved to another column or box (PDF)
    x0: float | None = None  # left edge of the text, after any glyph
    x_line: float | None = None  # left edge including the glyph
    x1: float | None = None  # right edge
    first_word: float | None = None  # width of the first word
    right_margin: float | None = None  # right edge of the column the line sits in
    bold: bool | None = None
    size: float | None = None
    role: RoleHint | None = None  # a structured role header
    section: str | None = None  # a section stated outright (heading lines only)
    item: ItemKind | None = None  # the item kind, when the format states it
    glyph: bool = field(default=False, init=False)  # a glyph or number was stripped
    numbered: bool = field(default=False, init=False)  # ... and it was a number ('1.', '2)')
    cols: Cols | None = None  # the source column of each character of `text` (else col + i)


# --- glyphs, dates, shapes -------------------------------------------------------------------

_GLYPHS = (
    "•●○◦▪▫■□◆◇♦►▶▸▹➢➤➣➔→✓✔✗❖❑⦿⁃‣∙·∗⋅◘◙☐☑✦✧★☆➜➝➞➟➠➡➥➦➧➨"
    "\u2022\u2023\u2043\u25aa\u25cf\u25e6\u2219\x7f\uf000-\uf0ff\ue000-\uf8ff"
)
_GLYPH_RE = re.compile(
    rf"^\s*(?:(?:[{_GLYPHS}]|\(cid:\d+\))\s*"  # real glyphs, the space after optional
    r"|[-–—*+>~]\s+"  # ASCII and dash markers need a space
    r"|[-–—*+]{1,3}(?=[A-Z][a-z])"  # ... or a capitalised word right after ('-`-`Led')
    r"|o\s+(?=[A-Z0-9$])"  # Word's second-level 'o'
    r"|\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]\s+(?=\S))"  # numbering
)

_ABBREV_END = re.compile(r"(?i)\b(?:inc|ltd|co|corp|etc|e\.g|i\.e|vs|jr|sr|st|dr|u\.s)\.$")
_QUALIFIERS = frozenset(
    {
        "relevant",
        "selected",
        "additional",
        "other",
        "key",
        "recent",
        "professional",
        "technical",
        "notable",
        "related",
        "previous",
        "prior",
        "main",
        "major",
        "select",
        "my",
        "core",
    }
)
# "Tools: Jira", "Environment\t: HTML" (a tab before the colon too)
_LABEL_RE = re.compile(r"^([A-Za-z][A-Za-z \t&/+-]{1,30}):\s+\S")


_NUMBERED = re.compile(r"^\s*\(?\d{1,2}[.)]\s")


def strip_glyph(text: str) -> tuple[str, bool, int]:
    """(text without a leading bullet glyph or number, whether one was there, chars removed)."""
    m = _GLYPH_RE.match(text)
    if not m or m.end() >= len(text.rstrip()):
        return text, False, 0
    return text[m.end() :], True, m.end()


def _words(text: str) -> list[str]:
    return text.split()


def _first_word(text: str) -> str:
    w = text.split(maxsplit=1)
    return re.sub(r"[^\w'-]", "", w[0]).lower() if w else ""


def starts_with_verb(text: str) -> bool:
    """True when the first word is an action verb ('Led', 'Shipped', 'Manage')."""
    return _first_word(text) in verb_forms()


def skills_label(text: str) -> bool:
    """True for a 'Tools: Jira, SQL' line, a skills list, and for a role's details given as
    'Start Date: May 2019' or 'Note: ...' (`[line_labels]` of lexicons/resume/sections.toml):
    no achievement, whatever section it sits in."""
    m = _LABEL_RE.match(text)
    if not m:
        return False
    key = heading_key(m.group(1))
    known = section_headings().get(key)
    return (known is not None and known not in achievement_sections()) or key in (
        not_claim_labels()
    )


def _ends_sentence(text: str) -> bool:
    t = text.rstrip()
    return t.endswith((".", "!", "?", ".)", '."')) and not _ABBREV_END.search(t)


def _ends_joiner(text: str) -> bool:
    t = text.rstrip()
    if not t:
        return False
    if t[-1] in ",;&+/(-–—":
        return True
    last = t.split()[-1].lower()
    return last in role_words().joining_words


# --- the walk ----------------------------------------------------------------------------


@dataclass
class _Item:
    kind: ItemKind
    lines: list[RawLine]
    glyph: bool = False

    @property
    def first(self) -> RawLine:
        return self.lines[0]

    @property
    def last(self) -> RawLine:
        return self.lines[-1]


@dataclass
class _Section:
    kind: str
    heading: str | None
    source: Source
    level: int | None = None
    assumed: bool = False  # no heading was found: only glyph bullets are bullets
    lines: list[RawLine] = field(default_factory=list)
    unknown: bool = False  # opened by a markup heading no section list knows
    head: RawLine | None = None  # that heading's line
    role: RawLine | None = None  # a heading that names a role ('HCL InSys– Senior Engineer')
    host: str | None = None  # opened by a duties label inside a section of this kind
    after: str | None = None  # opened by another column with no heading, after this kind


NO_HEADINGS = "no section headings found; marked bullets are read as experience"
"""The warning for a document with no section heading (a paste of bullets, one a line, has
none by design and does not say it)."""

# Inline HTML tags a text format may carry ('Built <i>Atlas</i>'): never part of a bullet.
_CR = re.compile("\r")
_INLINE_TAG = re.compile(
    r"</?(?:i|b|em|strong|u|s|span|a|br|sup|sub|small|code|mark|font|abbr|cite|kbd|var)"
    r"\b[^<>]*>",
    re.I,
)


def _bounded(lines: list[RawLine], name: str) -> tuple[list[RawLine], list[str]]:
    """At most `MAX_LINES` lines with text, each at most `MAX_LINE_CHARS` long; warnings."""
    from starkit.limits import MAX_LINE_CHARS, MAX_LINES, lines_cut

    warnings: list[str] = []
    kept: list[RawLine] = []
    with_text = 0
    for k, ln in enumerate(lines):
        if ln.text.strip():
            with_text += 1
            if with_text > MAX_LINES:
                warnings.append(lines_cut(name))
                break
        kept.append(ln)
        # a list marker and its indent are not the line's text: a pasted 5,000-character line
        # marked '- ' is not over the limit (at most 8 such characters, so the cut holds)
        lead = min(8, len(ln.text) - len(ln.text.lstrip(" \t-*+•")))
        if len(ln.text) - lead > MAX_LINE_CHARS:
            ln.text = ln.text[: lead + MAX_LINE_CHARS]
            if not any("characters" in w for w in warnings):
                warnings.append(
                    f"{name}: line {k + 1} is longer than {MAX_LINE_CHARS:,} characters; only "
                    "its start was read"
                )
    return kept, warnings


def _prepare(lines: list[RawLine], *, markup: bool = True) -> list[RawLine]:
    """Strip glyphs, inline HTML tags (unless `markup` is False: then a tag is text the user
    typed) and clean text; drop empty lines, marking a gap on the next one."""
    out: list[RawLine] = []
    gap = False
    for ln in lines:
        cols = ln.cols or list(range(ln.col, ln.col + len(ln.text)))
        raw, cols = sub_mapped(_CR, "", ln.text, cols)
        if markup and "<" in raw:
            raw, cols = sub_mapped(
                _INLINE_TAG,
                lambda m: " " if m.group(0).lower().startswith("<br") else "",
                raw,
                cols,
            )
        raw, cols = sub_mapped(INVISIBLE, "", SPACES.sub(" ", HYPHENS.sub("-", raw)), cols)
        if not raw.strip():
            gap = True
            continue
        stripped, had, removed = strip_glyph(raw)
        if had and ln.section is None and _heading_text(raw):
            stripped, had, removed = raw, False, 0  # '— Education —' is decoration
        lead = len(raw) - len(raw.lstrip())
        if had:
            ln.bullet = True
            ln.glyph = True
            ln.numbered = bool(_NUMBERED.match(raw))
            lead = removed + (len(stripped) - len(stripped.lstrip()))
        ln.text = stripped.strip()
        ln.cols = cols[lead : lead + len(ln.text)]
        ln.col = ln.cols[0] if ln.cols else ln.col + lead
        if not ln.text or re.fullmatch(r"[-=_~*·.•]{3,}", ln.text):
            # a rule line ('-----') is decoration; it separates blocks
            gap = True
            continue
        ln.gap = ln.gap or gap
        gap = False
        out.extend(_split_inline_heading(ln))
    return out


_INLINE_HEADING = re.compile(r"^([A-Z][A-Z &/+-]{2,40}):\s+(?=\S)")


def _split_inline_heading(ln: RawLine) -> list[RawLine]:
    """'SKILLS: Python, SQL' -> a 'SKILLS' heading and a 'Python, SQL' line (capitals only:
    a 'Tools: Jira' line inside a role stays a line of that role)."""
    m = _INLINE_HEADING.match(ln.text)
    if not m or ln.bullet or ln.item or ln.heading is not None or not _heading_text(m.group(1)):
        return [ln]
    cols = ln.cols or list(range(ln.col, ln.col + len(ln.text)))
    head = replace(ln, text=m.group(1), cols=cols[: m.end(1)])
    rest = replace(
        ln, text=ln.text[m.end() :], col=cols[m.end()], cols=cols[m.end() :], gap=False, brk=True
    )
    return [head, rest]


_NOTE = re.compile(r"(?<=\w)\s*\([^()]*\)$")  # 'Work Experience (5+ years)': a note, not the name


def _style(ln: RawLine) -> tuple:
    letters = [c for c in _NOTE.sub("", ln.text.strip()) if c.isalpha()]
    upper = bool(letters) and all(c.isupper() for c in letters)
    return (upper, bool(ln.bold), round(ln.size or 0.0), ln.heading is not None)


def _known_heading(ln: RawLine) -> str | None:
    if ln.section:
        return ln.section
    if ln.cont or ln.item in ("bullet", "header"):
        return None  # a line the markup says continues the one above, or a list item
    if ln.bullet and (ln.glyph or not _capitals(ln.text)):
        return None  # a list item; but a designer's icon drawn before 'WORK EXPERIENCE'
    return _heading_text(ln.text)


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _heading_label(text: str) -> str:
    """A heading as shown: decoration around it dropped ('EXPERIENCE ____' -> 'EXPERIENCE'),
    and a word in small capitals that the PDF's font maps to mixed case ('EDuCATIOn',
    'SummARY') in capitals, as it is printed ('GitHub', 'LinkedIn' stay)."""
    label = re.sub(r"^[\s_\-=~*:—–|]+|[\s_\-=~*:—–|]+$", "", text) or text.strip()
    return re.sub(r"[^\W\d_]{4,}", _small_capitals, label)


def _small_capitals(m: re.Match[str]) -> str:
    word = m.group(0)
    upper = sum(c.isupper() for c in word)
    mixed = upper < len(word) and not word[1:].islower()
    return word.upper() if mixed and 2 * upper > len(word) else word


def _heading_text(text: str) -> str | None:
    t = text.strip()
    if len(t) > 60 or t.endswith(","):
        return None  # too long, or a wrapped line that goes on ('academic projects and x,')
    t = _NOTE.sub("", t) or t
    key = heading_key(t.rstrip(":"))
    if len(key.split()) > 6:
        return None
    known = section_headings()
    if key in known:
        return known[key]
    if " " not in key and (compact := compact_headings().get(key)):
        return compact  # 'K E Y A C H I E V E M E N T S', re-joined
    # 'Relevant Projects', 'Selected Publications', 'Projects and Hackathons'
    words = key.split()
    while words and words[0] in _QUALIFIERS:
        words = words[1:]
        if " ".join(words) in known:
            return known[" ".join(words)]
    # 'Awards and Scholarships', 'Research and Teaching Experience'; not a bullet that opens
    # with a heading word ('research and development for web applications')
    first, _, rest = key.partition(" and ")
    if not rest or len(rest.split()) > 2:
        return None
    return known.get(first)


def _headings(lines: list[RawLine]) -> dict[int, str]:
    """Index -> canonical section for lines that are section headings, keeping only those that
    share the style most headings of the document have (so a lone 'Leadership' in a skills
    list does not open a section when real headings are capitals or bold)."""
    found = {i: k for i, ln in enumerate(lines) if (k := _known_heading(ln))}
    found.update(_icon_headings(lines, found))
    named = set(found)  # headings by their exact name, not a keyword
    found.update(_keyword_headings(lines, found))
    if len(found) < 3:
        return found
    styles = Counter(_style(lines[i]) for i in found)
    top, n = styles.most_common(1)[0]
    body = Counter(_style(ln) for ln in lines).most_common(1)[0][0]
    # capitals, bold, markup, or a larger size than the body (moderncv sets its headings in
    # a larger regular face, and a sub-heading such as 'Miscellaneous' a size between)
    distinctive = top != body and (top[0] or top[1] or top[3] or top[2] > body[2])
    if not distinctive or n < max(2, len(found) // 2 + 1):
        return found
    # a heading by its exact name in bold where the others are bold, whatever their capitals
    # or style ('Work Experience' among 'EDUCATION', 'OBJECTIVE'), is one of them, unless the
    # line before it is bold too ('Leadership' in a list of bold strengths)
    return {
        i: k
        for i, k in found.items()
        if _like(_style(lines[i]), top)
        or lines[i].section
        or lines[i].heading is not None
        or (
            i in named
            and top[1]
            and lines[i].bold
            and not _bold_before(lines, i)
            and not lines[i].text.rstrip().endswith(":")  # 'Technologies:', a label
            and not ends_in_title(lines[i].text)  # 'Research & Documentation Analyst': a role
            and _like((top[0], True, _style(lines[i])[2], top[3]), top)
        )
    }


_ICON_HEADING_SIZE = 1.15  # a heading's size over the body's: 12 pt over 9 pt body text


def _icon_headings(lines: list[RawLine], found: dict[int, str]) -> dict[int, str]:
    """Headings by their exact name with an icon drawn before them ('(cid:135) EDuCATIOn',
    'EXPERIEnCE' in a small-caps font a real PDF resume maps to mixed case): the glyph made
    the line a list item, but it is bold and set larger than the body, as no list item is."""
    sizes = Counter(round(ln.size, 1) for ln in lines if ln.size and not ln.bold)
    if not sizes:
        return {}
    body = sizes.most_common(1)[0][0]
    return {
        i: k
        for i, ln in enumerate(lines)
        if i not in found
        and ln.glyph
        and not ln.numbered
        and ln.bold
        and ln.size is not None
        and ln.size >= _ICON_HEADING_SIZE * body
        and ln.item is None
        and not ln.cont
        and (k := _heading_text(ln.text)) is not None
    }


_STRENGTH_WORDS = 6  # 'Leadership', 'Creative Problem Solving': a bold strength is a few words


def _bold_before(lines: list[RawLine], i: int) -> bool:
    """True when the line with text just before line `i` is a short bold line that is no list
    item, as the strengths of a bold list are ('Creativity' before 'Leadership'). A bold bullet
    (an education entry), a bold sentence ('Note: currently attending ...') or a role styled
    as a sub-heading ('Qlik') is not one; the line after is not asked: a heading is often
    followed by a bold role title ('WORK EXPERIENCE' over 'Cardinal Health/ Coordinator')."""
    ln = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].text.strip()), None)
    return (
        ln is not None
        and bool(ln.bold)
        and not ln.bullet
        and ln.heading is None
        and len(ln.text.split()) <= _STRENGTH_WORDS
    )


def _like(style: tuple, top: tuple) -> bool:
    """The most common heading style, a point of size either way (a designer's CV sets the
    main column's headings a point smaller than the sidebar's), or set larger than it (a
    LinkedIn export's main headings beside its sidebar's smaller ones, which are more)."""
    same = style[:2] == top[:2] and style[3] == top[3] and abs(style[2] - top[2]) <= 1
    return same or style[2] > top[2] + 1


def _keyword_headings(lines: list[RawLine], found: dict[int, str]) -> dict[int, str]:
    """Headings the exact list misses ('Certifications & Awards', 'Work & Leadership'),
    accepted only when short and styled as a heading: markup, capitals, or bolder or larger
    than the body text."""
    if not lines:
        return {}
    body_bold = Counter(bool(ln.bold) for ln in lines).most_common(1)[0][0]
    sizes = Counter(round(ln.size or 0.0, 1) for ln in lines)
    body_size = sizes.most_common(1)[0][0]
    out: dict[int, str] = {}
    for i, ln in enumerate(lines):
        if i in found or ln.bullet or ln.item or ln.role:
            continue
        # 'EXTRACURRICULAR AND VOLUNTEER HISTORY (STARTING COLLEGE)'
        t = _NOTE.sub("", ln.text.strip().rstrip(":")) or ln.text.strip()
        styled = (
            ln.heading is not None
            or _capitals(t)
            or (bool(ln.bold) and not body_bold)
            or (ln.size is not None and ln.size > body_size + 0.5)
        )
        # 'EXPERIENCES – RESPONSIBILITIES': a heading's exact name before a dash, where
        # 'ACME CORP – ANALYST' names no section
        parts = re.split(r"\s[–—-]\s", t, maxsplit=1)
        if styled and len(parts) == 2 and (sec := _heading_text(parts[0])):
            out[i] = sec
            continue
        words = t.split()
        if not 1 <= len(words) <= 4 or re.search(r"\d|[|,.;–—]\s|\t| - ", t + " "):
            continue
        if len(words) > 1 and ends_in_title(t):
            continue  # a job title set as a heading ('PROJECT ENGINEER'), not a section's name
        # a keyword inside parentheses names what a title is built with ('Chat Application
        # (MERN Stack)': a project), not a section
        if styled and (sec := keyword_section(re.sub(r"\([^)]*\)?", " ", t))):
            out[i] = sec
    return out


def _duties_label(ln: RawLine) -> bool:
    """A line that names a role's duties (`duty_labels`: 'Roles & Responsibilities:', 'Key
    Responsibilities'), set bold or in capitals, not a list item."""
    t = ln.text.strip()
    return (
        not ln.bullet
        and ln.item is None
        and _duty_name(t)
        and (bool(ln.bold) or _capitals(t) or ln.heading is not None)
    )


def _split_sections(lines: list[RawLine]) -> list[_Section]:
    heads = _headings(lines)
    # the markup level of the document's section headings: a styled line below it is a
    # sub-heading (a role), also inside a section whose heading had no markup ('Work
    # Experience' in plain bold among 'Heading 1' ones, its roles in 'Heading 2')
    levels = [lines[i].heading for i in heads if lines[i].heading is not None]
    top_level = min(levels) if levels else None
    first = lines[0] if lines else RawLine("", 1)
    contact = _Section("contact", None, Source(page=first.page, line=first.line))
    sections = [contact]
    cur = contact
    for i, ln in enumerate(lines):
        src = Source(page=ln.page, line=ln.line, col=ln.col)
        if (
            i in heads
            and cur.kind in achievement_sections()
            and _sub_heading(ln, cur, top_level)
            and _known_heading(ln) is None
            and any(p.item == "header" and p.heading == ln.heading for p in cur.lines)
            and keyword_section(_first_word(ln.text)) is None  # 'Skills Demonstrated' heads
        ):
            # a project or role styled like the sub-headings before it in its section, whose
            # title holds a heading's keyword ('Automatic License Plate Recognition' after
            # 'Gun Violence in America' under 'Relevant Projects'): one of them, not an
            # awards section
            ln.item = "header"
            cur.lines.append(ln)
        elif i in heads:
            cur = _Section(heads[i], _heading_label(ln.text), src, ln.heading)
            sections.append(cur)
        elif cur.kind in duty_labels()[1] and _duties_label(ln):
            # 'Roles & Responsibilities:' under a skills heading: the role's duties, which a
            # writer set after the tools of the project (real DOCX resumes); inside an
            # experience section it stays a sub-heading of its role
            cur = _Section("experience", _heading_label(ln.text), src, host=cur.kind)
            sections.append(cur)
        elif (
            i
            and ln.page != lines[i - 1].page
            and (resumed := _column_resumed(sections, cur, ln, lines[i - 1].page))
        ):
            cur = _Section(resumed.kind, resumed.heading, src, resumed.level)
            sections.append(cur)
            cur.lines.append(ln)
        elif ln.region and cur.kind != "contact":
            # another column starts with no heading of its own (a sidebar's name and
            # contact lines): it does not continue the section the last column ended in
            cur = _Section("contact", None, src, after=cur.kind)
            sections.append(cur)
            cur.lines.append(ln)
        elif ln.heading is not None and ln.item is None and not ln.bullet:
            if cur.kind == "contact" and (ln.heading <= 1 or not cur.lines):
                cur.lines.append(ln)  # the name at the top
            elif _sub_heading(ln, cur, top_level):
                ln.item = "header"  # a sub-heading inside a section: a role
                cur.lines.append(ln)
            elif cur.kind == "contact" and ln.heading >= 3:
                ln.item = "header"
                cur.lines.append(ln)
            else:
                cur = _Section(
                    "other", _heading_label(ln.text), src, ln.heading, unknown=True, head=ln
                )
                sections.append(cur)
        else:
            cur.lines.append(ln)
    for sec in sections:
        if sec.host is not None and not _claims_section(sec):
            sec.kind = sec.host  # the label's list is no claims ('Key Responsibilities' over
            # a sidebar's tools): the section it sat in goes on
        if sec.after in achievement_sections() and _claims_column(sec):
            sec.kind = sec.after  # the column goes on with the jobs the last one held
        if sec.unknown and _role_heading(sec.heading):
            sec.kind, sec.role = "experience", sec.head
        elif sec.unknown and _claims_section(sec):
            sec.kind = "experience"
    if len(sections) == 1:
        contact.kind = "experience"
        contact.assumed = True
    elif (implicit := _implicit_experience(contact)) is not None:
        sections.insert(1, implicit)
    for k in range(len(sections) - 1, -1, -1):
        if sections[k].kind == "summary" and (jobs := _summary_jobs(sections[k])) is not None:
            sections.insert(k + 1, jobs)
    return [s for s in sections if s.lines or s.heading]


_SUMMARY_JOB_CLAIMS = 2  # marked claims under a dated line: a job's bullets


def _summary_jobs(summary: _Section) -> _Section | None:
    """Jobs under a summary heading, with no experience heading of their own (a real DOCX
    resume: 'Summary', a paragraph, then 'Capital One (Wilmington, Delaware) June, 2014 -
    Present' and 17 bullets; 0 achievement bullets were read): from the first dated line that
    is no list item, right above a marked item, with two marked claims after it, the section
    is experience."""
    lines = summary.lines
    for i, ln in enumerate(lines[:-1]):
        if ln.bullet or ln.glyph or not _datey(ln):
            continue
        nxt = lines[i + 1]
        if not (nxt.bullet or nxt.glyph):
            continue
        claims = [m for m in lines[i + 1 :] if (m.bullet or m.glyph) and _claim(m.text)]
        if len(claims) < _SUMMARY_JOB_CLAIMS:
            return None
        jobs = _Section("experience", None, Source(page=ln.page, line=ln.line, col=ln.col))
        jobs.lines = lines[i:]
        summary.lines = lines[:i]
        return jobs
    return None


def _sub_heading(ln: RawLine, cur: _Section, top_level: int | None) -> bool:
    """A line styled below its section's heading, or, in an achievement section whose heading
    had no style, below the document's section headings (`top_level`): a sub-heading, a role
    or a project, not a section of its own."""
    if ln.heading is None:
        return False
    if cur.level is not None:
        return ln.heading > cur.level
    return top_level is not None and ln.heading > top_level and cur.kind in achievement_sections()


def _column_resumed(
    sections: list[_Section], cur: _Section, ln: RawLine, page: int | None
) -> _Section | None:
    """The section a new page's first line carries on: a two-column page read column by column
    ends in its sidebar ('CERTIFICATIONS'), and the next page's main column goes on with the
    main column's section ('WORK EXPERIENCE'). Only when `cur`, the section the page ended in,
    sits beside this line on the previous page (no line of it overlaps this line's span: a
    sidebar), and an earlier section other than contact has a line there set where this line
    is (its left edge within 2 points); None for one column or a format with no geometry."""
    if ln.x_line is None or ln.x1 is None:
        return None
    ends = [m for m in cur.lines if m.page == page and m.x_line is not None and m.x1 is not None]
    if not ends or any(m.x_line < ln.x1 and ln.x_line < m.x1 for m in ends):
        return None
    for sec in reversed(sections):
        if sec is cur or sec.kind == "contact":
            continue
        if any(
            m.page == page and m.x_line is not None and abs(m.x_line - ln.x_line) <= 2
            for m in sec.lines
        ):
            return sec
    return None


_CLAIMS_COLUMN = 3  # lines opening with an action verb: one job's bullets


def _claims_column(sec: _Section) -> bool:
    """A column with no heading, read after a section of achievements, that holds claims (at
    least three lines opening with an action verb and five words, marked or not) goes on with
    that section: a real PDF set each job's dates in a narrow column and its bullets, drawn
    with no glyph, in the next, and the bullets had been read as contact lines."""
    claims = [ln for ln in sec.lines if _claim(ln.text)]
    return len(claims) >= _CLAIMS_COLUMN


_CLAIM_WORDS = 5  # 'Managed mass email marketing for promos': an action verb and a few words


def _claim(text: str) -> bool:
    """A line that reads as a claim: it opens with an action verb and runs to a few words."""
    return starts_with_verb(text) and len(_words(text)) >= _CLAIM_WORDS


def _claims_section(sec: _Section) -> bool:
    """A section under a heading no list knows ('Where I have worked') whose list items are
    mostly claims (an action verb and a few words): it holds achievements."""
    items = [ln for ln in sec.lines if ln.bullet or ln.glyph]
    claims = [ln for ln in items if _claim(ln.text)]
    return len(items) >= 2 and len(claims) >= 0.6 * len(items)


def _role_heading(heading: str | None) -> bool:
    """True when a heading no list knows names a role: a part of it ends in a job title
    ('HCL InSys– Senior Engineer', 'Raffles Medical Group– Senior Systems Analyst [Database]',
    'Lucid | Tech Leader 09.2023'), as a writer who sets each role as a heading has it."""
    for part in (c for p in split_parts(heading or "") for c in p.split(", ")):
        part = re.sub(r"[\[(][^\])]*[\])]|[\d./~-]+", " ", part).strip()
        if len(part.split()) > 1 and ends_in_title(part):
            return True
    return False


def _implicit_experience(contact: _Section) -> _Section | None:
    """Roles and bullets above the first heading (a resume with no 'Experience' heading):
    from the header of the first marked bullet on, the top block is experience.  Needs two
    marked bullets and a dated header line above them."""
    lines = contact.lines
    marked = [i for i, ln in enumerate(lines) if ln.glyph or ln.bullet]
    if len(marked) < 2:
        return None
    first = marked[0]
    start = first
    while (
        start > 0 and first - start < 3 and not (lines[start - 1].glyph or lines[start - 1].bullet)
    ):
        start -= 1
        if _datey(lines[start]):
            break
    else:
        return None
    if not _datey(lines[start]):
        return None
    # the header block may start a line or two above the dated line ('Acme' / 'PM, 2020-')
    while start > 1 and first - start < 3 and len(lines[start - 1].text.split()) <= 6:
        if _datey(lines[start - 1]) or lines[start].gap or lines[start].region:
            break
        start -= 1
    ln = lines[start]
    implicit = _Section("experience", None, Source(page=ln.page, line=ln.line, col=ln.col))
    implicit.lines = lines[start:]
    contact.lines = lines[:start]
    return implicit


@dataclass
class _Ctx:
    achievement: bool
    glyphs: bool  # the section marks its bullets
    body_bold: bool
    indent_bullet: float | None  # usual left edge of bullet text
    indent_header: float | None  # usual left edge of non-bullet lines
    assumed: bool
    contact: bool = False  # name, email, phone: one line each


def _context(sec: _Section, all_lines: list[RawLine]) -> _Ctx:
    bold = Counter(bool(ln.bold) for ln in all_lines).most_common(1)[0][0] if all_lines else False
    bullets = [ln.x0 for ln in sec.lines if ln.bullet and ln.x0 is not None]
    plain = [ln.x_line for ln in sec.lines if not ln.bullet and ln.x_line is not None]
    return _Ctx(
        achievement=sec.kind in achievement_sections(),
        glyphs=any(ln.glyph or ln.bullet for ln in sec.lines),
        body_bold=bold,
        indent_bullet=Counter(round(x) for x in bullets).most_common(1)[0][0] if bullets else None,
        indent_header=min(plain) if plain else None,
        assumed=sec.assumed,
        contact=sec.kind == "contact",
    )


def _tol(ln: RawLine) -> float:
    return 0.6 * (ln.size or 10.0) if ln.page is not None else 1.0


def _full(prev: RawLine, nxt: RawLine) -> bool:
    """True when `prev` ran to the right margin: `nxt`'s first word would not have fitted."""
    if prev.x1 is None or prev.right_margin is None or nxt.first_word is None:
        return False
    space = 0.3 * (prev.size or 10.0) if prev.page is not None else 1.0
    slack = 0.02 * prev.right_margin if prev.page is not None else 0.0
    return prev.x1 + space + nxt.first_word > prev.right_margin - slack


_TRAILING_PARENS = re.compile(r"\(([^()]*)\)\W*$")


def _aside_date(text: str) -> bool:
    """A claim that ends in its own date in parentheses ('Organised the hackathon for 120
    engineers (2015-18)'): the date is an aside, the line no role header."""
    m = _TRAILING_PARENS.search(text)
    if not m or not has_date_range(m.group(1)):
        return False
    before = text[: m.start()]
    n = len(_words(before))
    if n < 5 or has_date_range(before):
        return False
    # 'Senior Product Manager, Acme Corp (2015-18)' is a header: title words, no verb
    figure = re.search(r"\d", before) is not None  # '120 engineers': a claim's figure
    return starts_with_verb(before) or figure or n >= 9 or not has_title_word(before)


def _datey(ln: RawLine) -> bool:
    if _aside_date(ln.text):
        return False
    return has_date_range(ln.text) or (ends_with_date(ln.text) and len(_words(ln.text)) <= 12)


def _continues(item: _Item, ln: RawLine, ctx: _Ctx) -> bool:
    """Does `ln` carry on the open `item` (a wrapped line) rather than start a new one?"""
    if ln.cont:
        return True
    if ln.brk or ln.gap or ln.bullet or ln.item or ln.role or ctx.contact:
        return False
    prev = item.last
    if item.kind == "header":
        # a header wraps only mid-phrase: 'Mar 2021 –' / 'Present', 'Acme' / ', Inc.'
        return _ends_joiner(prev.text) or ln.text[:1] in ",)]" or ln.text[:1].islower()
    if _datey(ln) and not ln.text[:1].islower():
        return False
    if (ln.size and prev.size and abs(ln.size - prev.size) > 0.6) or (
        ln.bold is not None and prev.bold is not None and ln.bold != prev.bold and ln.bold
    ):
        return False
    # geometry: an outdented line starts something new; a line at the hanging indent continues
    first = item.first
    if ln.x_line is not None and first.x_line is not None and ln.x_line < first.x_line - _tol(ln):
        return False
    starts_lower = ln.text[:1].islower() or ln.text[:1] in "%)]},;:&"
    if _ends_sentence(prev.text):
        return starts_lower and not ln.text.startswith(("and ", "or "))
    if starts_lower or _ends_joiner(prev.text):
        return True
    if skills_label(ln.text):
        return False
    if (
        item.glyph
        and ln.x_line is not None
        and first.x0 is not None
        and first.x_line is not None
        and first.x_line < first.x0 - _tol(ln)
        and abs(ln.x_line - first.x0) <= _tol(ln)
    ):
        return True  # hanging indent: the line sits under the bullet's text, not its glyph
    if ctx.glyphs and item.glyph:
        # marked bullets: an unmarked line below one is its wrap unless it looks like a header
        return _header_score(ln, ctx, after_header=False) < 3 or _full(prev, ln)
    if ln.text[:1].isupper() and starts_with_verb(ln.text):
        return False  # unmarked bullets: a capitalised action verb opens the next one
    return _full(prev, ln)


_TITLE_WORDS = 4  # 'Senior Marketing Program Manager'


def _header_score(ln: RawLine, ctx: _Ctx, *, after_header: bool, first: bool = False) -> int:
    """How much `ln` looks like a role header rather than a bullet (>= 2: a header)."""
    t = ln.text
    words = len(_words(t))
    s = 0
    if _aside_date(t):
        s += 1
    elif has_date_range(t):
        s += 4
    elif ends_with_date(t) and words <= 12:
        s += 3
    if ln.bold and not ctx.body_bold:
        s += 2
    if SEPARATORS.search(t) or re.search(r"\s(?:at|@)\s", t) or " | " in t:
        s += 1
    if has_title_word(t):
        s += 1
    # 'Marketing Intern', 'Training Coordinator': a gerund before a title word is a role title
    verb = starts_with_verb(t) and not (words <= _TITLE_WORDS and ends_in_title(t))
    if words <= 3 and not verb:
        s += 2  # 'Fabrikam Cloud': a name, not a sentence
    elif words <= 6:
        s += 1
    elif words > 12:
        s -= 3
    elif words > 9:
        s -= 1
    if verb:
        s -= 3
    if _ends_sentence(t):
        s -= 2
    if after_header and words <= 8:
        s += 1
    if first:
        s += 2
    if ctx.glyphs and not ln.bullet:
        s += 2
    if (
        ctx.indent_bullet is not None
        and ln.x_line is not None
        and ln.x_line < ctx.indent_bullet - _tol(ln)
    ):
        s += 1
    return s


def _items(sec: _Section, all_lines: list[RawLine]) -> list[_Item]:
    ctx = _context(sec, all_lines)
    items: list[_Item] = []
    for j, ln in enumerate(sec.lines):
        open_item = items[-1] if items else None
        if open_item is not None and _continues(open_item, ln, ctx):
            open_item.lines.append(ln)
            continue
        kind = _start_kind(ln, ctx, items, sec)
        if kind == "bullet" and _numbered_title(ln, ctx, sec.lines[j + 1 : j + 2]):
            kind = "header"
        items.append(_Item(kind, [ln], glyph=ln.glyph))
    return items


def _numbered_title(ln: RawLine, ctx: _Ctx, nxt: list[RawLine]) -> bool:
    """A numbered project or role title above its unmarked description ('1. AI Resume Parser
    (Personal Project)' over 'Built a Flask web app...'): a header, not an achievement. Short,
    no action verb, no sentence end, and the line below carries no mark of its own."""
    if not (ln.numbered and ctx.achievement and nxt) or nxt[0].bullet:
        return False
    if nxt[0].heading is not None or nxt[0].role is not None:
        return False
    t = ln.text
    return len(_words(t)) <= 8 and not starts_with_verb(t) and not _ends_sentence(t)


def _under_header(ln: RawLine, items: list[_Item]) -> bool:
    """A line in smaller type than the role header above it and set in under it: the role's
    description ('General description...', 'Description line 1' in 10 pt below moderncv's
    'year–year Job title, Employer, City.' in 10.9 pt), not another header line.  Needs the
    geometry of a PDF."""
    header = next((it.last for it in reversed(items) if it.kind == "header"), None)
    if header is None or ln.size is None or header.size is None:
        return False
    if ln.x_line is None or header.x_line is None:
        return False
    # a little smaller (10 under 10.9 pt), not a heading's size (AltaCV's 17 pt 'A DAY OF MY
    # LIFE' over its chart's labels), and straight below, with no gap
    smaller = 0.5 < header.size - ln.size <= 1.5
    return smaller and not ln.gap and ln.x_line > header.x_line + 2 * _tol(ln)


def _start_kind(ln: RawLine, ctx: _Ctx, items: list[_Item], sec: _Section) -> ItemKind:
    if ln.item:
        return ln.item
    if ln.role:
        return "header"
    if sec.kind == "contact":
        return "text"
    if skills_label(ln.text):
        return "text"
    after_header = bool(items) and items[-1].kind == "header"
    if ln.bullet and ln.text.endswith(":") and len(_words(ln.text)) <= 5:
        return "text"  # 'Programming and Automation:' labels the items below it
    if ctx.achievement and not ln.bullet and _under_header(ln, items):
        # smaller type set in under the role's header line: its description, not its header
        return "text" if ln.text.endswith(":") else "bullet"
    if ln.bullet:
        # a marked line is a bullet, unless it is plainly a dated header in a list of roles
        if (
            ctx.achievement
            and has_date_range(ln.text)
            and not starts_with_verb(ln.text)
            and not _aside_date(ln.text)
        ):
            return "header" if len(_words(ln.text)) <= 12 else "bullet"
        return "bullet"
    if ctx.assumed:
        return "text"
    if ctx.achievement or sec.kind == "education":
        score = _header_score(ln, ctx, after_header=after_header, first=not items)
        if score >= 2:
            return "header"
        return "bullet" if ctx.achievement else "text"
    return "text"


# --- assembly ------------------------------------------------------------------------------


def _src(ln: RawLine) -> Source:
    return Source(page=ln.page, line=max(ln.line, 1), col=max(ln.col, 1))


def build_resume(
    lines: list[RawLine],
    name: str,
    fmt: Format,
    *,
    pages: int | None = None,
    warnings: list[str] | None = None,
    markup: bool = True,
) -> Resume:
    """Sections, roles and bullets from a reader's physical lines (see the module docstring).
    A document longer than any resume is read up to `MAX_LINES` lines of text, each cut at
    `MAX_LINE_CHARS`, with a warning (`starkit.limits`). `markup=False` keeps inline HTML tags
    as text (a paste: the user's own characters)."""
    warnings = list(warnings or [])
    lines, cut = _bounded(lines, name)
    warnings.extend(cut)
    lines = _prepare(lines, markup=markup)
    b = Builder(name, fmt)
    sections = _split_sections(lines)
    if sections and sections[0].assumed:
        warnings.append(f"{name}: {NO_HEADINGS}")
    for sec in sections:
        b.section(sec.kind, sec.heading, sec.source)
        header: list[RawLine] = []
        if sec.role is not None:
            _open_role(b, [sec.role])  # the section is one role: its heading names it
        for item in _items(sec, lines):
            if item.kind == "header" and sec.role is None:
                header.append(_merged(item))
                continue
            for block in _split_block(header):
                _open_role(b, block)
            header = []
            parts = [(ln.text, _src(ln)) for ln in item.lines]
            cols: list[Cols | None] = [ln.cols for ln in item.lines]
            if item.kind == "bullet":
                marked = item.glyph or any(ln.bullet for ln in item.lines)
                b.bullet(parts, cols, prose=not marked)
            else:
                b.text(parts, cols)
        for block in _split_block(header):
            _open_role(b, block)
    return b.build(pages=pages, warnings=warnings)


def _merged(item: _Item) -> RawLine:
    """A wrapped header as one line ('Mar 2021 –' + 'Present')."""
    if len(item.lines) == 1:
        return item.first
    text, _ = join_lines([(ln.text, _src(ln)) for ln in item.lines])
    return replace(item.first, text=text)


def _split_block(block: list[RawLine]) -> list[list[RawLine]]:
    """Split consecutive header lines into one block per role.

    A stated role (LaTeX, JSON Resume) opens a block.  Otherwise the dated lines count the
    roles: n lines with k dated ones in the same place of every n/k-line group split evenly
    ('Org | Dates' / 'Title' twice, or 'Title' / 'Org, Dates' twice); else each block starts
    at a dated line when the first line is dated, or ends at one when it is not.
    """
    if not block:
        return []
    if any(h.role is not None for h in block):
        out: list[list[RawLine]] = []
        for h in block:
            if h.role is not None or not out:
                out.append([h])
            else:
                out[-1].append(h)
        return out
    dated = [i for i, h in enumerate(block) if _datey(h)]
    n, k = len(block), len(dated)
    if k <= 1:
        return [block]
    if n % k == 0:
        g = n // k
        if [d // g for d in dated] == list(range(k)) and len({d % g for d in dated}) == 1:
            return [block[j : j + g] for j in range(0, n, g)]
    if dated[0] == 0:
        cuts = dated
    else:
        cuts = [0, *[d + 1 for d in dated[:-1]]]
    return [block[a:b] for a, b in zip(cuts, [*cuts[1:], n], strict=False) if block[a:b]]


def _open_role(b: Builder, header: list[RawLine]) -> None:
    if all(h.role is None and _duty_name(h.text) for h in header):
        # 'Responsibility', 'Contributions:' over a role's bullets (a real DOCX resume, whose
        # roles the browser pass saw named so): a label of the role above, which goes on
        for h in header:
            b.text([(h.text, _src(h))])
        return
    hint = next((h.role for h in header if h.role is not None), None)
    b.role([(h.text, _src(h)) for h in header], hint)


def _duty_name(text: str) -> bool:
    """A line that only names a role's duties (`duty_labels`: 'Key Responsibilities:')."""
    return heading_key(text.strip().rstrip(":")) in duty_labels()[0]
