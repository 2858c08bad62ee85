"""Role headers: dates ('Jan 2020 – Present', '2019-2021', 'since 2018') and the parts of a
header line (organisation, title, location), with the title words of
`lexicons/resume/roles.toml`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from starkit.resume.lexicon import role_words
from starkit.resume.text import clean


@dataclass
class RoleHint:
    """A role the format states outright (a LaTeX `\\cventry`, a JSON Resume `work` entry)."""

    organisation: str | None = None
    title: str | None = None
    dates: str | None = None
    location: str | None = None


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_DATE = (
    rf"(?:{_MONTH},?\s*(?:{_YEAR}|['’‘]\d\d)|(?:spring|summer|fall|autumn|winter)\s+{_YEAR}"
    rf"|q[1-4]\s+{_YEAR}|\d{{1,2}}[/.](?:\d{{1,2}}[/.])?(?:{_YEAR}|\d\d)\b|{_YEAR}\b)"
)
_NOW = r"(?:present|current(?:ly)?|now|today|ongoing|till(?: date| now)?|still date|to date)"
_RANGE_RE = re.compile(
    rf"(?i)(?<![\w/.]){_DATE}\s*(?:--?|[–—~]|to|until|through|thru)\s*(?:{_DATE}|{_NOW})"
    rf"|(?i:since)\s+{_DATE}|\b(?:{_MONTH}\s*)?{_YEAR}\s*(?:--?|[–—])\s*(?:\d\d\b)?"
)
_DATE_RE = re.compile(rf"(?i)(?<![\w/.$#]){_DATE}")
_END_DATE_RE = re.compile(rf"(?i)(?:^|[\s(,|·•–—-])(?:{_DATE}|{_NOW})\)?\s*$")
SEPARATORS = re.compile(r"\t| {2,}| \| |\s[|·•]\s|\s[–—]\s|(?<=\w)[–—]\s|\s--?\s|\s-{3,}\s|\s@\s")
_CORP = re.compile(r"(?i)^(?:inc|llc|ltd|limited|corp|corporation|co|gmbh|plc|sa|ag|bv|pty|lp)\.?$")
_LOCATION = re.compile(
    r"^(?:(?i:remote|hybrid|on-?site)"
    r"|[A-Z][A-Za-z.'\- ]{1,30},\s*(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)*)"
    r"(?:,\s*(?:[A-Z]{2,3}|[A-Z][a-z]+))?)(?:\s*\((?i:remote|hybrid)\))?$"
)
_TRAILING_LOCATION = re.compile(r",\s*([A-Z][A-Za-z.'\- ]{1,30},\s*[A-Z]{2})$")


_DIGIT = re.compile(r"\d")


def has_date_range(text: str) -> bool:
    """True for 'Jan 2020 – Present', '2019-2021', 'since 2018' and the like. Every form
    holds a digit: a text with none (most lines) is not searched further."""
    return _DIGIT.search(text) is not None and _RANGE_RE.search(text) is not None


def ends_with_date(text: str) -> bool:
    """True when the line ends on a date ('..., June 2021', '(2019)', '– Present')."""
    t = text.strip()
    m = _END_DATE_RE.search(t)
    if not m:
        return False
    if re.search(rf"(?i){_NOW}\)?$", t) and not re.fullmatch(rf"(?i)\(?{_NOW}\)?", t):
        return bool(re.search(rf"(?i)[-–—~]\s*(?:to\s+)?{_NOW}\)?$|\bto\s+{_NOW}\)?$", t))
    return True


def has_title_word(text: str) -> bool:
    """True when a word of `text` names a job title or degree ('Manager', 'Intern', 'MBA')."""
    words = role_words().title_words
    return any(w in words for w in re.findall(r"[a-z][a-z.+-]*[a-z.]|[a-z]", text.lower()))


def ends_in_title(text: str) -> bool:
    """True when the last word is a job title's head ('Research Intern'), not a word that
    also names a department or an organisation ('NVIDIA Research')."""
    words = re.findall(r"[a-z][a-z.+-]*[a-z.]|[a-z]", text.lower())
    rw = role_words()
    return bool(words) and words[-1] in rw.title_words and words[-1] not in rw.org_title_words


_DURATION = re.compile(
    r"(?i)^\(?\d+\s*(?:years?|yrs?|months?|mos?)\b(?:\s*,?\s*\d+\s*(?:months?|mos?))?\)?$"
)


def _unwrap(p: str) -> str:
    """A part without unbalanced or enclosing parentheses ('(Remote)' -> 'Remote'), keeping
    a balanced inner pair ('Bachelor of Waiting (Scholars)')."""
    if p.startswith("(") and p.endswith(")") and p.count("(") == 1:
        return p[1:-1].strip()
    if p.count("(") < p.count(")"):
        p = p.rstrip(")")
    if p.count("(") > p.count(")"):
        p = p.lstrip("(")
    return p.strip(" ,;")


def split_parts(text: str) -> list[str]:
    """The parts of a role header between its separators (`SEPARATORS`)."""
    parts = [p.strip(" ,;|·•–—-") for p in SEPARATORS.split(text)]
    return [p for p in parts if p]


_STACK_ITEMS = 3  # 'React.js, Node.js, MongoDB': a list of three or more tools
_STACK_ITEM_WORDS = 3  # 'Google Analytics', 'Power BI', 'Spring Boot 3'
_TOOL_SHAPE = re.compile(r"\w\.[A-Za-z]|[+#]|[a-z][A-Z]|[A-Za-z]\d")  # Next.js C++ PyTorch S3


def _stack(part: str) -> bool:
    """A part of a role header that lists tools ('React.js, Node.js, Express.js, MongoDB',
    'Java, Spring Boot, Docker, MySQL, AWS'): three or more short comma-separated items, two
    of them tools (`_tool`), none a title. A project's header in a real resume set its stack
    beside its name, and the stack was shown as the employer; 'Peraton, McLean, VA' stays an
    employer and a place, and 'Yelp Clone (HTML, CSS, JavaScript)' a project's name."""
    items = [i.strip() for i in part.split(",")]
    if "(" in part and not _tool(part.split("(", 1)[0].strip()):
        return False  # a name with its stack in parentheses
    return (
        len(items) >= _STACK_ITEMS
        and all(i and len(i.split()) <= _STACK_ITEM_WORDS for i in items)
        and sum(_tool(i) for i in items) >= 2
        and not has_title_word(part)
    )


def _tool(item: str) -> bool:
    """A tool's name: in `tools` of lexicons/resume/roles.toml, or shaped as one ('Next.js',
    'C++', 'PyTorch', 'HTML5')."""
    return bool(_TOOL_SHAPE.search(item)) or item.lower() in role_words().tools


def parse_role(lines: list[str]) -> RoleHint:
    """Organisation, title, dates and location from a role header's lines.

    Dates are found by pattern; a part holding a title word ('Manager', 'Intern', 'MBA') is
    the title; a 'City, ST' or 'Remote' part is the location; the first other part is the
    organisation. 'Title at Org' and 'Title, Org' are split when one side is a title.
    """
    hint = RoleHint()
    parts: list[str] = []
    teams: dict[str, str] = {}  # 'Checkout' -> 'Senior Product Manager' of 'SPM, Checkout'
    for text in lines:
        m = _RANGE_RE.search(text) or (_DATE_RE.search(text) if ends_with_date(text) else None)
        if m and hint.dates is None:
            hint.dates = clean(m.group(0)).strip(" ()")
            text = text[: m.start()] + "  " + text[m.end() :]
        text = re.sub(r"\(\s*\)", " ", text)
        for p in split_parts(text):
            loc = _TRAILING_LOCATION.search(p)
            if loc and hint.location is None and not has_title_word(loc.group(1)):
                hint.location = loc.group(1)
                p = p[: loc.start()].strip()
            at = re.match(r"(?i)^(.+?)\s+(?:at|@)\s+(.+)$", p)
            if at and has_title_word(at.group(1)):
                parts.extend([at.group(1), at.group(2)])
                continue
            comma = [c.strip() for c in p.split(",")]
            if (
                len(comma) == 2
                and not _CORP.match(comma[1])
                and (
                    has_title_word(comma[0]) != has_title_word(comma[1])
                    or ends_in_title(comma[0]) != ends_in_title(comma[1])
                )
            ):
                if has_title_word(comma[0]) == has_title_word(comma[1]):
                    # both hold title words: the title is the side ending in one
                    comma.sort(key=ends_in_title, reverse=True)
                elif has_title_word(comma[0]):
                    teams[_unwrap(comma[1])] = _unwrap(comma[0])
                parts.extend(comma)
                continue
            parts.append(p)
    rest: list[str] = []
    for p in parts:
        p = _unwrap(p.strip(" ,;"))
        if not p or _DURATION.match(p):
            continue  # '2 years 10 months': how long, printed beside the dates
        if _stack(p):
            continue  # 'React.js, Node.js, Express.js, MongoDB': the tools, no employer
        if hint.location is None and _LOCATION.match(p) and not has_title_word(p):
            hint.location = p
        elif hint.title is None and has_title_word(p):
            hint.title = p
        else:
            rest.append(p)
    team = next((p for p in rest if hint.title and teams.get(p) == hint.title), None)
    if team is not None and len(rest) > 1:
        # 'Senior Product Manager, Checkout — Shopwise': the comma names the team of the
        # title, the organisation is the part of its own
        hint.title = f"{hint.title}, {team}"
        rest.remove(team)
    if rest:
        hint.organisation = rest[0]
        if hint.title is None and len(rest) > 1:
            hint.title = rest[1]
    return hint
