"""JSON Resume (https://jsonresume.org/schema), as JSON or YAML.

The structure is explicit, so no heuristics are needed: `work`, `volunteer` and `projects`
entries are roles whose `highlights` are achievement bullets (an entry's `summary` or
`description` is a bullet too when it has no highlights); `education`, `skills`, `awards`,
`certificates`, `publications`, `languages`, `interests` and `references` are lines that are
never asked for numbers.  The document is validated (extra keys are allowed, as the schema
allows them): a wrong type raises `ResumeReadError` naming the field, e.g.
`work[1].highlights[0]`.

Positions: the line (and column) in the file where each value's text appears.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from starkit.errors import ResumeReadError
from starkit.resume.builder import Builder
from starkit.resume.model import Resume, Source
from starkit.resume.roles import RoleHint


def _to_str(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    return v


Str = Annotated[str, BeforeValidator(_to_str)]


class _Loose(BaseModel):
    model_config = ConfigDict(extra="allow")


class Location(_Loose):
    address: Str | None = None
    city: Str | None = None
    region: Str | None = None
    countryCode: Str | None = None


class Profile(_Loose):
    network: Str | None = None
    username: Str | None = None
    url: Str | None = None


class Basics(_Loose):
    name: Str | None = None
    label: Str | None = None
    email: Str | None = None
    phone: Str | None = None
    url: Str | None = None
    summary: Str | None = None
    location: Location | None = None
    profiles: list[Profile] = []


class Entry(_Loose):
    """A work, volunteer or project entry (the schema's names for each)."""

    name: Str | None = None
    company: Str | None = None  # older schema versions
    organization: Str | None = None
    entity: Str | None = None
    position: Str | None = None
    roles: list[Str] = []
    location: Str | None = None
    startDate: Str | None = None
    endDate: Str | None = None
    summary: Str | None = None
    description: Str | None = None
    highlights: list[Str] = []
    keywords: list[Str] = []


class Education(_Loose):
    institution: Str | None = None
    area: Str | None = None
    studyType: Str | None = None
    startDate: Str | None = None
    endDate: Str | None = None
    score: Str | None = None
    courses: list[Str] = []


class Named(_Loose):
    """awards, certificates, publications, skills, languages, interests, references."""

    name: Str | None = None
    title: Str | None = None
    language: Str | None = None
    fluency: Str | None = None
    level: Str | None = None
    awarder: Str | None = None
    issuer: Str | None = None
    publisher: Str | None = None
    date: Str | None = None
    releaseDate: Str | None = None
    summary: Str | None = None
    reference: Str | None = None
    keywords: list[Str] = []


class JsonResume(_Loose):
    basics: Basics | None = None
    work: list[Entry] = []
    volunteer: list[Entry] = []
    projects: list[Entry] = []
    education: list[Education] = []
    awards: list[Named] = []
    certificates: list[Named] = []
    publications: list[Named] = []
    skills: list[Named] = []
    languages: list[Named] = []
    interests: list[Named] = []
    references: list[Named] = []


_KNOWN = (
    "basics",
    "work",
    "volunteer",
    "projects",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
)


def is_jsonresume(data: Any) -> bool:
    """JSON Resume's shape: a `basics` object, or a `work` list (else the general walk of
    `starkit.resume.structured` reads the data)."""
    return isinstance(data, dict) and (
        isinstance(data.get("basics"), dict) or isinstance(data.get("work"), list)
    )


def parse_document(text: str, name: str) -> dict[str, Any]:
    """The JSON or YAML document as a dict; one-line errors for bad syntax or a non-resume."""
    stripped = text.lstrip("\ufeff \t\r\n")
    from starkit.resume.detect import check_json_depth, check_yaml

    if stripped.startswith(("{", "[")):
        check_json_depth(stripped, name)
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ResumeReadError(
                f"{name}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
            ) from None
    else:
        import yaml

        try:
            check_yaml(text, name)
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or "syntax error"
            raise ResumeReadError(f"{name}: invalid YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise ResumeReadError(
            f"{name}: not a JSON Resume: the top level must be an object with basics, work, "
            "education... (see jsonresume.org/schema)"
        )
    if not any(k in data for k in _KNOWN):
        raise ResumeReadError(
            f"{name}: not a JSON Resume: none of {', '.join(_KNOWN[:5])}... at the top level "
            "(see jsonresume.org/schema)"
        )
    return data


def validate(data: dict[str, Any], name: str) -> JsonResume:
    """Check the types the reader relies on; the first problem is named with its path."""
    try:
        return JsonResume.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        path = ""
        for part in err["loc"]:
            if isinstance(part, int):
                path += f"[{part}]"
            elif part in ("str", "list[str]", "function-before[_to_str(), str]"):
                continue
            else:
                path += f".{part}" if path else str(part)
        expected = {
            "string_type": "must be text",
            "list_type": "must be a list",
            "model_type": "must be an object",
            "dict_type": "must be an object",
        }.get(err["type"], err["msg"].lower())
        raise ResumeReadError(f"{name}: invalid JSON Resume: {path} {expected}") from None


class _Locator:
    """Finds where a value's text sits in the file, moving forward as the document is read."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.cursor = 0

    def __call__(self, value: str) -> Source:
        probes = [json.dumps(value, ensure_ascii=False)[1:-1][:60], value[:60]]
        for probe in probes:
            if not probe:
                continue
            at = self.text.find(probe, self.cursor)
            if at < 0:
                at = self.text.find(probe)
            if at >= 0:
                self.cursor = max(self.cursor, at)
                i = bisect.bisect_right(self.starts, at) - 1
                return Source(line=i + 1, col=at - self.starts[i] + 1)
        i = bisect.bisect_right(self.starts, self.cursor) - 1
        return Source(line=i + 1, col=1)


def _dates(start: str | None, end: str | None) -> str | None:
    if start and end:
        return start if start == end else f"{start} – {end}"
    if start:
        return f"{start} – Present"
    return end


def read_jsonresume(text: str, name: str) -> Resume:
    """Read a JSON Resume (JSON or YAML text), sections in the document's own key order."""
    data = parse_document(text, name)
    doc = validate(data, name)
    at = _Locator(text)
    b = Builder(name, "jsonresume")
    b.section("contact", None, Source(line=1))
    _basics(b, at, doc.basics or Basics())
    for key in data:
        if key in ("work", "volunteer") and getattr(doc, key):
            b.section("experience" if key == "work" else "volunteering", key, at(key))
            for e in getattr(doc, key):
                _entry(b, at, e, e.name or e.company or e.organization, e.position)
        elif key == "projects" and doc.projects:
            b.section("projects", key, at(key))
            for e in doc.projects:
                title = e.roles[0] if e.roles else e.position
                _entry(b, at, e, e.name or e.entity, title)
        elif key == "education" and doc.education:
            b.section("education", key, at(key))
            for ed in doc.education:
                _education(b, at, ed)
        elif key == "skills" and doc.skills:
            b.section("skills", key, at(key))
            for s in doc.skills:
                line = _label(s.name, ", ".join(s.keywords) or s.level)
                if line:
                    b.text([(line, at(s.name or line))])
        elif key in _OTHER and getattr(doc, key):
            b.section("skills" if key in ("certificates", "languages") else "other", key, at(key))
            for it in getattr(doc, key):
                _named(b, at, it)
    return b.build()


_OTHER = ("awards", "certificates", "publications", "languages", "interests", "references")


def _basics(b: Builder, at: _Locator, basics: Basics) -> None:
    loc = basics.location
    place = ", ".join(p for p in ((loc.city, loc.region, loc.countryCode) if loc else ()) if p)
    for value in (basics.name, basics.label, basics.email, basics.phone, basics.url, place):
        if value:
            b.text([(value, at(value))])
    for prof in basics.profiles:
        value = " ".join(p for p in (prof.network, prof.url or prof.username) if p)
        if value:
            b.text([(value, at(prof.url or prof.username or value))])
    if basics.summary:
        b.section("summary", "basics.summary", at(basics.summary))
        b.text([(basics.summary, at(basics.summary))])


def _education(b: Builder, at: _Locator, ed: Education) -> None:
    degree = " ".join(p for p in (ed.studyType, ed.area) if p) or None
    head = [p for p in (ed.institution, degree) if p]
    if head:
        b.role(
            [(" | ".join(head), at(head[0]))],
            RoleHint(ed.institution, degree, _dates(ed.startDate, ed.endDate), None),
        )
    if ed.score:
        b.text([(f"Score: {ed.score}", at(ed.score))])
    for course in ed.courses:
        b.text([(course, at(course))])


def _named(b: Builder, at: _Locator, it: Named) -> None:
    head = it.title or it.name or it.language
    rest = ", ".join(
        p
        for p in (
            it.awarder or it.issuer or it.publisher or it.fluency,
            it.date or it.releaseDate,
            ", ".join(it.keywords),
            it.summary or it.reference,
        )
        if p
    )
    line = _label(head, rest)
    if line:
        b.text([(line, at(head or rest))])


def _label(head: str | None, rest: str | None) -> str:
    if head and rest:
        return f"{head}: {rest}"
    return head or rest or ""


def _entry(b: Builder, at: _Locator, e: Entry, org: str | None, title: str | None) -> None:
    dates = _dates(e.startDate, e.endDate)
    head = [p for p in (title, org) if p]
    header = " | ".join([*head, *([dates] if dates else [])]) or "(untitled)"
    b.role([(header, at(head[0] if head else header))], RoleHint(org, title, dates, e.location))
    prose = [p for p in (e.summary, e.description) if p]
    if e.highlights:
        for p in prose:
            b.text([(p, at(p))])
        for h in e.highlights:
            if h.strip():
                b.bullet([(h, at(h))])
    else:
        for p in prose:
            b.bullet([(p, at(p))])
    if e.keywords:
        line = "Keywords: " + ", ".join(e.keywords)
        b.text([(line, at(e.keywords[0]))])
