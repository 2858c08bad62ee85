"""Resume data other than JSON Resume, as YAML, JSON or TOML: one general walk.

RenderCV's `cv: sections:`, a personal site's data file (a list of entries with company /
position / date keys), a custom JSON with a `bullets` key... are all read the same way:

- a key that names a section (`experience`, `Work History`, `projects`...) opens that
  section; a list of entries under an unknown key opens a section guessed from the entries'
  keys (company or employer: experience; institution or degree: education; else other);
- a mapping with role keys (`lexicons/resume/structured.toml`: company, organisation,
  position, title, date...) is a role: its header is built from those values, never linted
  as a claim ("company: X position: Y" is not an achievement);
- lists under bullet keys (highlights, bullets, achievements, responsibilities, details,
  summary...) are the role's bullets; a list of plain strings under a section is that
  section's bullets; a scalar summary or description is a bullet when the entry has no
  bullet list (as JSON Resume reads it) and a line otherwise;
- keys that configure a renderer (design, locale, settings...) are skipped.

Inline Markdown in values (RenderCV allows `**bold**` and links) is stripped. A nested item
RenderCV writes as an indented `- ` line inside a highlight is a bullet of its own.
Positions: the line and column where each value's text appears in the file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from functools import cache
from typing import Any

from starkit.errors import ResumeReadError
from starkit.lexicons import StrictModel, read_toml, validate_model
from starkit.resume.builder import Builder
from starkit.resume.lexicon import heading_key, keyword_section, section_headings
from starkit.resume.markdown import strip_inline
from starkit.resume.model import Resume, Source
from starkit.resume.roles import RoleHint


class StructuredKeys(StrictModel):
    """The key names of `lexicons/resume/structured.toml` (compared lowercased, with '-' and
    ' ' read as '_')."""

    description: str
    organisation: tuple[str, ...]
    title: tuple[str, ...]
    subtitle: tuple[str, ...]
    date: tuple[str, ...]
    start: tuple[str, ...]
    end: tuple[str, ...]
    location: tuple[str, ...]
    bullets: tuple[str, ...]
    prose: tuple[str, ...]
    skip: tuple[str, ...]
    containers: tuple[str, ...]
    experience_hints: tuple[str, ...]
    education_hints: tuple[str, ...]
    projects_hints: tuple[str, ...]


@cache
def keys() -> StructuredKeys:
    """The validated key lists."""
    rel = "resume/structured.toml"
    return validate_model(rel, None, read_toml(rel), StructuredKeys)


def _norm(key: object) -> str:
    return re.sub(r"[\s-]+", "_", str(key).strip().lower())


def _scalar(v: Any) -> str | None:
    if v is None or isinstance(v, (dict, list)):
        return None
    if isinstance(v, bool):
        return None
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    text = strip_inline(str(v)).strip()
    return " ".join(text.split()) or None


def parse_data(text: str, name: str) -> Any:
    """The JSON, YAML or TOML document; one-line errors for bad syntax. Nesting and YAML
    aliases are bounded before any parser builds anything (`starkit.limits`)."""
    from starkit.resume.detect import check_json_depth, check_yaml

    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")) and not re.match(r"\[[\w.\-\" ]+\]\s*$", stripped, re.M):
        check_json_depth(stripped, name)
        try:
            return json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ResumeReadError(
                f"{name}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
            ) from None
    if looks_toml(text):
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ResumeReadError(f"{name}: invalid TOML: {exc}") from None
    import yaml

    try:
        check_yaml(text, name)
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise ResumeReadError(f"{name}: invalid YAML{where}: {problem}") from None


_TOML_TABLE = re.compile(r"^\s*\[\[?[\w.\-\" ]+\]\]?\s*$", re.M)
_TOML_KV = re.compile(r'^\s*[\w.\-"]+\s*=\s*\S', re.M)
_YAML_KV = re.compile(r"^\s*(?:-\s+)?[\w][\w .\-]{0,40}:(?:\s|$)", re.M)


def looks_toml(text: str) -> bool:
    """Tables (`[experience]`, `[[jobs]]`) and `key = value` lines."""
    return bool(_TOML_TABLE.search(text)) and len(_TOML_KV.findall(text)) >= 3


def looks_yaml(text: str) -> bool:
    """Mostly `key: value` and `- item` lines that parse to a nested mapping or list."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if len(lines) < 3:
        return False
    keyed = len(_YAML_KV.findall("\n".join(lines)))
    listed = sum(1 for ln in lines if ln.lstrip().startswith("- "))
    if keyed < 3 or (keyed + listed) < 0.6 * len(lines):
        return False
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    if isinstance(data, list):
        return sum(isinstance(v, dict) for v in data) >= max(1, len(data) // 2)
    return isinstance(data, dict) and any(isinstance(v, (dict, list)) for v in data.values())


class _Locator:
    """Where a value's text sits in the file, moving forward as the document is read."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0

    def __call__(self, value: str) -> Source:
        for probe in (value[:40], value.split()[0] if value.split() else ""):
            if not probe:
                continue
            at = self.text.find(probe, self.cursor)
            if at < 0:
                at = self.text.find(probe)
            if at >= 0:
                self.cursor = max(self.cursor, at)
                line = self.text.count("\n", 0, at) + 1
                col = at - (self.text.rfind("\n", 0, at) + 1) + 1
                return Source(line=line, col=col)
        return Source(line=self.text.count("\n", 0, self.cursor) + 1)


class _Walk:
    def __init__(self, text: str, name: str, fmt: str) -> None:
        self.text = text
        self.at = _Locator(text)
        self.b = Builder(name, fmt)  # type: ignore[arg-type]
        self.k = keys()
        self.section = "contact"

    # -- sections --------------------------------------------------------------------------
    def open(self, kind: str, heading: str | None) -> None:
        self.section = kind
        self.b.section(kind, heading, self.at(heading) if heading else Source(line=1))

    def top(self, data: Any) -> None:
        self.b.section("contact", None, Source(line=1))
        if isinstance(data, list):
            if not any(isinstance(v, dict) for v in data):
                return
            self.open(self.guess(data, None), None)
            self.items(data)
            return
        if not isinstance(data, dict):
            return
        self.mapping(data, top=True)

    def mapping(self, data: dict[str, Any], *, top: bool = False) -> None:
        for key, value in data.items():
            nk = _norm(key)
            if nk in self.k.skip or value in (None, "", [], {}):
                continue
            if nk in self.k.containers and isinstance(value, (dict, list)):
                if isinstance(value, dict):
                    self.mapping(value, top=top)
                else:
                    self.open(self.guess(value, None), str(key))
                    self.items(value)
                continue
            kind = section_headings().get(heading_key(str(key).replace("_", " ")))
            if kind is None and isinstance(value, list):
                kind = keyword_section(str(key).replace("_", " ")) or self.guess(value, key)
            if kind is None and isinstance(value, dict) and not self.is_entry(value):
                kind = keyword_section(str(key).replace("_", " "))
            if kind is None:
                # a contact or summary value at the top (name, headline, location...)
                if top or self.section == "contact":
                    self.contact(key, value)
                continue
            if kind == "contact":
                continue
            self.open(kind, str(key))
            if isinstance(value, dict) and self.is_wrapper(value):
                self.wrapper(value)
            elif isinstance(value, dict) and not self.is_entry(value):
                self.labelled(value)
            elif isinstance(value, dict):
                self.entry(value)
            elif isinstance(value, list):
                self.items(value)
            elif (s := _scalar(value)) is not None:
                self.add(s, bullet=False)

    def contact(self, key: str, value: Any) -> None:
        s = _scalar(value)
        if s is None:
            return
        nk = _norm(key)
        if nk in ("summary", "about", "profile", "objective", "bio"):
            self.open("summary", str(key))
            self.add(s, bullet=False)
            return
        self.b.text([(s, self.at(s))])

    def guess(self, items: list[Any], key: Any) -> str:
        """The section a list of entries under an unknown key belongs to, from their keys."""
        found: set[str] = set()
        for it in items[:20]:
            if isinstance(it, dict):
                found.update(_norm(k) for k in it)
        if found & set(self.k.education_hints):
            return "education"
        if found & set(self.k.experience_hints):
            return "experience"
        if found & set(self.k.projects_hints):
            return "projects"
        if key is not None and (sec := keyword_section(str(key))):
            return sec
        return "other"

    # -- entries ---------------------------------------------------------------------------
    def is_entry(self, d: dict[str, Any]) -> bool:
        """A role: role keys (a bare `name` needs dates or a bullet list beside it, so a
        skills group `{name, keywords}` is no role), or a bullet list and no entries."""
        vals = {_norm(k): v for k, v in d.items()}
        names = set(vals)
        strong = {*self.k.organisation, *self.k.title, *self.k.date, *self.k.start} - {"name"}
        lists = {n for n in names & set(self.k.bullets) if isinstance(vals[n], list)}
        entries = any(
            isinstance(v, list) and any(isinstance(x, dict) for x in v) for v in vals.values()
        )
        if names & strong:
            return True
        if "name" in names and names & set(self.k.prose):
            return True  # a project: its name and what it did
        return bool(lists) and not entries

    def is_wrapper(self, d: dict[str, Any]) -> bool:
        """A section's own mapping, not a role (Jekyll themes' data files:
        `experiences: {title: Experiences, intro: ..., info: [{role, company, details}]}`):
        it holds a list of entries and no organisation or dates of its own."""
        vals = {_norm(k): v for k, v in d.items()}
        own = {*self.k.organisation, *self.k.date, *self.k.start, *self.k.end} - {"name"}
        entry_lists = any(
            isinstance(v, list) and any(isinstance(x, dict) for x in v) for v in vals.values()
        )
        return entry_lists and not set(vals) & own

    def wrapper(self, d: dict[str, Any]) -> None:
        """A section wrapper's entry lists as entries; its intro or other prose as lines (its
        title is the heading already)."""
        for key, value in d.items():
            nk = _norm(key)
            if nk in self.k.skip or nk in self.k.title or value in (None, "", [], {}):
                continue
            if isinstance(value, list):
                self.items(value)
            elif (s := _scalar(value)) is not None:
                self.add(s, bullet=False)

    def items(self, items: list[Any]) -> None:
        achievement = self.section in ("experience", "projects", "volunteering", "leadership")
        for it in items:
            if isinstance(it, dict):
                if self.is_entry(it):
                    self.entry(it)
                else:
                    self.small(it, achievement)
            elif isinstance(it, list):
                self.items(it)
            elif _scalar(it) is not None:
                self.strings(it, bullet=True)

    def small(self, d: dict[str, Any], achievement: bool) -> None:
        """A mapping that is no role: RenderCV's one-line, bullet and publication entries,
        a skills group ('name' + 'keywords'), a label and its details."""
        vals = {_norm(k): v for k, v in d.items()}
        for key in ("bullet", "number", "reversed_number"):
            if (s := _scalar(vals.get(key))) is not None:
                self.add(s, bullet=True)
                return
        label = _scalar(vals.get("label")) or _scalar(vals.get("name"))
        rest = [
            s
            for k, v in vals.items()
            if k not in ("label", "name")
            for s in ([_scalar(v)] if not isinstance(v, list) else [", ".join(_flat(v))])
            if s
        ]
        line = f"{label}: {', '.join(rest)}" if label and rest else (label or ", ".join(rest))
        if line:
            self.add(line, bullet=False)

    def labelled(self, d: dict[str, Any]) -> None:
        """`skills: {languages: [...], tools: [...]}`: one 'label: values' line each."""
        for key, value in d.items():
            if isinstance(value, list) and any(isinstance(v, dict) for v in value):
                self.items(value)
                continue
            if _norm(key) in self.k.prose and (s := _scalar(value)) is not None:
                self.add(s, bullet=False)
                continue
            vals = _flat(value) if isinstance(value, (list, dict)) else [_scalar(value) or ""]
            line = f"{key}: {', '.join(v for v in vals if v)}"
            self.add(line, bullet=False)

    def entry(self, d: dict[str, Any]) -> None:
        vals = {_norm(k): v for k, v in d.items()}
        k = self.k

        def first(names: tuple[str, ...]) -> str | None:
            return next((s for n in names if (s := _scalar(vals.get(n))) is not None), None)

        org = first(k.organisation)
        title = first(k.title)
        sub = first(k.subtitle)
        if sub and title:
            title = f"{title} in {sub}" if self.section == "education" else f"{title}, {sub}"
        elif sub:
            title = sub
        dates = first(k.date)
        start, end = first(k.start), first(k.end)
        if not dates and (start or end):
            dates = f"{start} – {end or 'present'}" if start else end
        location = first(k.location)
        head = [p for p in (title, org) if p]
        if head or dates:
            header = " | ".join([*head, *([dates] if dates else [])])
            src = self.at(head[0] if head else header)
            self.b.role([(header, src)], RoleHint(org, title, dates, location))
        bullet_lists = [vals[n] for n in k.bullets if isinstance(vals.get(n), list)]
        prose = [vals[n] for n in k.prose if _scalar(vals.get(n)) is not None]
        for p in prose:
            self.strings(p, bullet=not bullet_lists)
        for lst in bullet_lists:
            for item in lst:
                if isinstance(item, dict):
                    self.small(item, True)
                elif isinstance(item, list):
                    for sub_item in _flat(item):
                        self.strings(sub_item, bullet=True)
                else:
                    self.strings(item, bullet=True)

    # -- text --------------------------------------------------------------------------------
    def strings(self, value: Any, *, bullet: bool) -> None:
        """A string value; nested '- ' items RenderCV folds into it become bullets too."""
        raw = "" if value is None else str(value)
        if "\n" in raw and re.search(r"^\s*[-*•+]\s+\S", raw, re.M):
            # a Markdown list inside the value ('content: |' then '- Led ...' lines)
            items = re.split(r"\n\s*(?=[-*•+]\s+\S)", raw.strip())
            for item in items:
                body = re.sub(r"^\s*[-*•+]\s+", "", item)
                if (s := _scalar(body)) is not None:
                    self.add(s, bullet=bullet or item.lstrip()[:1] in "-*•+")
            return
        if re.match(r"\s*1[.)]\s+\S", raw) and re.search(r"\s2[.)]\s+\S", raw):
            # a numbered list folded into one value ('1. Built ... 2. Cut ...')
            for item in re.split(r"\s(?=\d{1,2}[.)]\s+\S)", raw.strip()):
                body = re.sub(r"^\s*\d{1,2}[.)]\s+", "", item)
                if (s := _scalar(body)) is not None:
                    self.add(s, bullet=True)
            return
        parts = re.split(r"\s+-\s+(?=\S)", raw)
        if len(parts) > 1 and all(
            re.search(r"\n\s*-\s+" + re.escape(p.strip()[:30]), self.text) for p in parts[1:]
        ):
            for p in parts:
                if (s := _scalar(p)) is not None:
                    self.add(s, bullet=bullet)
            return
        if (s := _scalar(value)) is not None:
            self.add(s, bullet=bullet)

    def add(self, text: str, *, bullet: bool) -> None:
        achievement = self.section in ("experience", "projects", "volunteering", "leadership")
        src = self.at(text)
        if bullet and (achievement or self.section not in ("contact", "summary", "skills")):
            self.b.bullet([(text, src)])
        else:
            self.b.text([(text, src)])


def _flat(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _flat(v)]
    if isinstance(value, list):
        return [s for v in value for s in _flat(v)]
    s = _scalar(value)
    return [s] if s else []


def read_structured(text: str, name: str, data: Any | None = None) -> Resume:
    """Read resume data (YAML, JSON or TOML) of any shape with the general walk."""
    if data is None:
        data = parse_data(text, name)
    if not isinstance(data, (dict, list)):
        raise ResumeReadError(
            f"{name}: not a JSON Resume or other resume data: the top level must be a "
            "mapping or a list of entries"
        )
    w = _Walk(text, name, "data")
    w.top(data)
    resume = w.b.build()
    content = [ln for ln in resume.lines if ln.kind == "text" and ln.section != "contact"]
    if not resume.bullets and not resume.roles and not content:
        raise ResumeReadError(
            f"{name}: not a JSON Resume or other resume data: no sections, entries or "
            "bullets (keys such as basics, work, experience, highlights)"
        )
    return resume


__all__ = ["looks_toml", "looks_yaml", "parse_data", "read_structured"]
