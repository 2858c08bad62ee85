"""Typed results shared by the API, the CLI's JSON, the app and the tests.

Offsets (`start`, `end`) are always character offsets into the text that was linted, so
`text[f.start:f.end]` is the span a finding points at.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class Severity(StrEnum):
    """How much a finding matters: `error` blocks sending, `warning` down-levels, `info` hints."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info: compare severities by rank."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Kind(StrEnum):
    """What a text is. `resume` is a list of bullets, one a line; `answer` is a written or
    transcribed answer to a metrics question."""

    BULLET = "bullet"
    RESUME = "resume"
    STORY = "story"
    EMAIL = "email"
    ANSWER = "answer"


SectionName = Literal["situation", "task", "action", "result"]
SECTION_NAMES: tuple[SectionName, ...] = ("situation", "task", "action", "result")


class Finding(BaseModel):
    """One problem found in the text, with its rule code (the codes of the rule contract, mirrored
    in `tests/contract.toml`)."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    severity: Severity
    message: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    suggestion: str
    rewrite: str = Field(
        default="",
        description="the text to put in place of `text[rewrite_start:rewrite_end]`: for a bullet "
        "the whole bullet rewritten, for a story or an email the one sentence (or section) the "
        "finding is in, never the whole document; '' when the suggestion is advice only",
    )
    rewrite_start: int = Field(
        default=0, ge=0, description="start of the span `rewrite` replaces (offset in the text)"
    )
    rewrite_end: int = Field(
        default=0, ge=0, description="end of the span `rewrite` replaces (offset in the text)"
    )
    unit: int = Field(default=0, ge=0, description="index of the unit the finding belongs to")

    def apply_rewrite(self, text: str) -> str:
        """`text` (the text that was linted) with this finding's rewrite accepted; `text`
        unchanged when the suggestion is advice only."""
        if not self.rewrite:
            return text
        return text[: self.rewrite_start] + self.rewrite + text[self.rewrite_end :]


class Section(BaseModel):
    """One STAR section of a story: offsets into the story text."""

    model_config = ConfigDict(extra="forbid")

    name: SectionName
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    confidence: float = Field(ge=0.0, le=1.0)


class Story(BaseModel):
    """A story segmented into its STAR sections (absent sections are not listed)."""

    model_config = ConfigDict(extra="forbid")

    text: str
    sections: list[Section]

    def section(self, name: str) -> Section | None:
        """The section called `name`, or None when the story lacks it."""
        return next((s for s in self.sections if s.name == name), None)

    def section_text(self, name: str) -> str:
        """The text of a section ('' when absent)."""
        sec = self.section(name)
        return self.text[sec.start : sec.end] if sec else ""


class UnitReport(BaseModel):
    """One linted unit (a bullet, a story, an email or a metrics answer) with its own score and
    details (for a bullet: `claims_work`, False for a title, an employer described or an aim,
    which no rule asks for a number; for an answer: the question type, the outline and the
    metric families)."""

    model_config = ConfigDict(extra="forbid")

    index: int = Field(ge=0)
    kind: Literal["bullet", "story", "email", "answer"]
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    score: int = Field(ge=0, le=100)
    words: int = Field(ge=0)
    quantities: list[str] = Field(default_factory=list)
    details: dict[str, Any] = Field(default_factory=dict)


class Report(BaseModel):
    """The result of linting one text: every finding, a 0-100 score and per-unit details."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    kind: Kind
    text: str
    findings: list[Finding]
    score: int = Field(ge=0, le=100)
    units: list[UnitReport]
    not_judged: str | None = Field(
        default=None,
        description="why nothing in the text was judged (it is not English): no unit, no "
        "finding, and the score means nothing; every surface says this reason instead",
    )

    def by_rule(self) -> dict[str, int]:
        """Finding counts keyed by rule code."""
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.rule] = counts.get(f.rule, 0) + 1
        return counts

    def rules(self) -> set[str]:
        """The set of rule codes that fired."""
        return {f.rule for f in self.findings}
