"""Load and validate `lexicons/resume/*.toml`: section headings, the lint policy (which sections
are achievements, which rules apply everywhere) and the role/verb word lists."""

from __future__ import annotations

import re
from functools import cache
from typing import get_args

from pydantic import Field, field_validator

from starkit.lexicons import StrictModel, read_toml, validate_entries, validate_model
from starkit.resume.model import SectionKind

SECTION_KINDS: tuple[str, ...] = get_args(SectionKind)
"""The section kinds, in one place: `starkit.resume.model.SectionKind`."""


class SectionEntry(StrictModel):
    """One canonical section and the headings that name it."""

    id: str
    headings: tuple[str, ...] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _known(cls, v: str) -> str:
        if v not in SECTION_KINDS or v == "contact":
            raise ValueError(f"unknown section '{v}'")
        return v


class DutyLabels(StrictModel):
    """Labels of a role's duties and the sections in which they open experience."""

    labels: tuple[str, ...] = Field(min_length=1)
    hosts: frozenset[str]

    @field_validator("hosts")
    @classmethod
    def _hosts(cls, v: frozenset[str]) -> frozenset[str]:
        bad = sorted(v - set(SECTION_KINDS))
        if bad:
            raise ValueError(f"unknown sections {bad}")
        return v


class LineLabels(StrictModel):
    """Labels that open a 'Label: value' line which is no achievement, whatever section it
    sits in."""

    not_claims: tuple[str, ...] = Field(min_length=1)


class SectionsFile(StrictModel):
    description: str
    section: tuple[dict, ...]
    keywords: dict[str, tuple[str, ...]]
    duties: DutyLabels
    line_labels: LineLabels

    @field_validator("keywords")
    @classmethod
    def _keyword_sections(cls, v: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        bad = sorted(set(v) - set(SECTION_KINDS))
        if bad:
            raise ValueError(f"unknown sections {bad}")
        return v


class Diagnosis(StrictModel):
    """Thresholds of `resume-no-achievements` (see starkit/resume/diagnose.py)."""

    min_words: int = Field(ge=1)
    min_claim_words: int = Field(ge=1)
    min_claims_outside: int = Field(ge=1)
    max_outside_share: float = Field(gt=0, lt=1)
    run_together_letters: int = Field(ge=8)
    max_run_together_share: float = Field(gt=0, lt=1)
    min_template_bullets: int = Field(ge=1)
    max_template_share: float = Field(gt=0, lt=1)


class Policy(StrictModel):
    """What is linted how: the achievement sections and the rules that apply to every line."""

    description: str
    diagnosis: Diagnosis
    achievement_sections: frozenset[str]
    everywhere_rules: frozenset[str]
    template_line_slots: frozenset[str]
    max_bullet_words: int = Field(gt=0)
    min_prose_sentences: int = Field(ge=2)
    max_role_bullets: int = Field(gt=0)
    max_lead_verb_uses: int = Field(gt=0)

    @field_validator("achievement_sections")
    @classmethod
    def _sections(cls, v: frozenset[str]) -> frozenset[str]:
        bad = sorted(v - set(SECTION_KINDS))
        if bad:
            raise ValueError(f"unknown sections {bad}")
        return v

    @field_validator("template_line_slots")
    @classmethod
    def _slots(cls, v: frozenset[str]) -> frozenset[str]:
        from starkit.rules.placeholders import placeholder_patterns

        bad = sorted(v - {pid for pid, _ in placeholder_patterns()})
        if bad:
            raise ValueError(
                f"unknown placeholder shapes {bad} (ids of lexicons/placeholders.toml)"
            )
        return v


class RoleWords(StrictModel):
    description: str
    title_words: frozenset[str]
    org_title_words: frozenset[str]
    action_verbs: frozenset[str]
    irregular_verbs: frozenset[str]
    joining_words: frozenset[str]
    compound_heads: frozenset[str]
    compound_tails: frozenset[str]
    tools: frozenset[str]


def heading_key(text: str) -> str:
    """Normalise a heading for lookup: lowercase, '&' -> 'and', letter-spaced words re-joined,
    decoration and punctuation around it dropped."""
    t = text.strip().lower()
    groups = [g.split() for g in re.split(r"\s{2,}", t)]
    if sum(map(len, groups)) >= 3 and all(len(tok) == 1 for g in groups for tok in g):
        t = " ".join("".join(g) for g in groups)  # "E X P E R I E N C E"
    t = t.replace("&", " and ").replace("+", " and ").replace("_", " ")
    t = re.sub(r"[^\w\s/-]", " ", t)
    t = re.sub(r"\s*/\s*", " and ", t)
    return " ".join(t.split()).strip("-_ ")


@cache
def section_headings() -> dict[str, str]:
    """Normalised heading -> canonical section."""
    rel = "resume/sections.toml"
    data = validate_model(rel, None, read_toml(rel), SectionsFile)
    out: dict[str, str] = {}
    for entry in validate_entries(rel, data.section, SectionEntry):
        for h in entry.headings:
            out[heading_key(h)] = entry.id
    return out


@cache
def compact_headings() -> dict[str, str]:
    """Known headings with their spaces taken out ('workexperience' -> experience): a heading
    letter-spaced with single spaces between words too ('W O R K E X P E R I E N C E') loses
    its word breaks when its letters are re-joined."""
    return {k.replace(" ", ""): v for k, v in section_headings().items()}


@cache
def section_keywords() -> tuple[tuple[str, str], ...]:
    """(word stem, section) pairs for headings the exact list does not know."""
    rel = "resume/sections.toml"
    data = validate_model(rel, None, read_toml(rel), SectionsFile)
    return tuple((stem, sec) for sec, stems in data.keywords.items() for stem in stems)


@cache
def duty_labels() -> tuple[frozenset[str], frozenset[str]]:
    """(normalised duty labels, the sections they may open experience in): `[duties]`."""
    rel = "resume/sections.toml"
    data = validate_model(rel, None, read_toml(rel), SectionsFile)
    return frozenset(heading_key(t) for t in data.duties.labels), data.duties.hosts


@cache
def not_claim_labels() -> frozenset[str]:
    """Normalised labels of lines that are no achievement ('Tools used:', 'Start Date:'):
    `[line_labels]`."""
    rel = "resume/sections.toml"
    data = validate_model(rel, None, read_toml(rel), SectionsFile)
    return frozenset(heading_key(t) for t in data.line_labels.not_claims)


def keyword_section(text: str) -> str | None:
    """The section named by the first keyword stem in `text` ('Certifications & Awards' ->
    skills), or None. A name with no 'and' or comma whose last word is an experience stem is
    experience, its head noun, where the first stem names no section of achievements
    ('Software Development Experience', a real DOCX resume whose jobs were read as skills;
    'Academic Experience'); 'Volunteer Work Experience' stays volunteering."""
    key = heading_key(text)
    best: tuple[int, str] | None = None
    for stem, sec in section_keywords():
        m = re.search(r"\b" + re.escape(stem), key)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), sec)
    if best is None or best[1] in achievement_sections():
        return best[1] if best else None
    words = key.split()
    if "and" not in words and "," not in text:
        head = [sec for stem, sec in section_keywords() if words[-1].startswith(stem)]
        if "experience" in head:
            return "experience"
    return best[1]


@cache
def policy() -> Policy:
    """The lint policy of `lexicons/resume/policy.toml`."""
    rel = "resume/policy.toml"
    return validate_model(rel, None, read_toml(rel), Policy)


def diagnosis_policy() -> Diagnosis:
    """The thresholds of the resume reading check (`[diagnosis]` of policy.toml)."""
    return policy().diagnosis


def achievement_sections() -> frozenset[str]:
    """Sections whose bullets get every bullet rule."""
    return policy().achievement_sections


@cache
def role_words() -> RoleWords:
    """Title words and action verbs of `lexicons/resume/roles.toml`."""
    rel = "resume/roles.toml"
    return validate_model(rel, None, read_toml(rel), RoleWords)


@cache
def verb_forms() -> frozenset[str]:
    """Every inflected form of the action verbs (base, -s, -ed, -ing) plus irregular pasts."""
    words = role_words()
    forms: set[str] = set(words.irregular_verbs)
    for v in words.action_verbs:
        forms.add(v)
        forms.add(v + "s" if not v.endswith(("s", "sh", "ch", "x", "z")) else v + "es")
        if v.endswith("e"):
            forms.update({v + "d", v[:-1] + "ing"})
        elif v.endswith("y") and v[-2:-1] not in "aeiou":
            forms.update({v[:-1] + "ied", v[:-1] + "ies", v + "ing"})
        else:
            forms.update({v + "ed", v + "ing"})
            if re.fullmatch(r".*[^aeiou][aeiou][bdgmnprt]", v) and len(v) <= 5:
                forms.update({v + v[-1] + "ed", v + v[-1] + "ing"})
    return frozenset(forms)
