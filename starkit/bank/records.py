"""Typed records the story bank returns and exports: a stored story, one revision, an export.

These are the public shapes of the bank (the API, `--format json` and the JSON export all use
them), so they are strict pydantic models: an import with a misspelt or missing field is refused
with a one-line error rather than half-loaded.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from datetime import date as Day
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from starkit.errors import BankError

MAX_TITLE_CHARS = 200
MAX_TAG_CHARS = 60
MAX_TAGS = 30
EXPORT_FORMAT = "starkit-bank"
EXPORT_VERSION = 3
"""2 adds practice attempts, 3 the interview log; older exports still import."""
MAX_ATTEMPT_SECONDS = 3600.0

_SPACES = re.compile(r"\s+")


def utc_now() -> datetime:
    """The current time in UTC, to the microsecond (what the bank stores)."""
    return datetime.now(UTC)


def normalise_title(title: str) -> str:
    """One line, trimmed, inner runs of spaces collapsed; empty or over-long is refused."""
    if not isinstance(title, str):
        raise BankError(f"a story title must be text, not {type(title).__name__}")
    clean = _SPACES.sub(" ", title).strip()
    if not clean:
        raise BankError("a story needs a title (e.g. 'Checkout latency launch')")
    if len(clean) > MAX_TITLE_CHARS:
        raise BankError(f"the title has {len(clean)} characters, over the {MAX_TITLE_CHARS} limit")
    return clean


def normalise_tags(tags: object) -> tuple[str, ...]:
    """Tags (competencies) as lower-case, trimmed, de-duplicated strings in the given order.

    A single string is split on commas, so `"leadership, conflict"` and
    `("leadership", "conflict")` mean the same thing.
    """
    if tags is None:
        return ()
    if isinstance(tags, str):
        items: list[object] = tags.split(",")
    elif isinstance(tags, list | tuple | set | frozenset):
        items = list(tags)
    else:
        raise BankError(f"tags must be a list of strings, not {type(tags).__name__}")
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise BankError(f"a tag must be text, not {type(item).__name__}")
        tag = _SPACES.sub(" ", item).strip().lower()
        if not tag:
            continue
        if "," in tag:
            raise BankError(f"tag '{tag}' contains a comma; give tags as separate items")
        if len(tag) > MAX_TAG_CHARS:
            raise BankError(f"tag '{tag[:20]}...' is over the {MAX_TAG_CHARS}-character limit")
        if tag not in out:
            out.append(tag)
    if len(out) > MAX_TAGS:
        raise BankError(f"a story can have at most {MAX_TAGS} tags, got {len(out)}")
    return tuple(out)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Revision(_Record):
    """One saved version of a story. Revision numbers run 1..n per story and never change."""

    number: int = Field(ge=1)
    title: str
    text: str
    tags: tuple[str, ...] = ()
    created_at: datetime
    note: str = Field(default="", description="why it was saved: created, edited, restored...")

    @field_validator("created_at")
    @classmethod
    def _aware(cls, v: datetime) -> datetime:
        return v if v.tzinfo else v.replace(tzinfo=UTC)


class AttemptFinding(_Record):
    """A finding as an attempt keeps it: the rule code, its severity and its message."""

    rule: str = Field(min_length=1, max_length=64)
    severity: Literal["error", "warning", "info"]
    message: str = Field(default="", max_length=2000)


class StoredStory(_Record):
    """A story as the bank holds it now: its current text is its latest revision's text."""

    id: str = Field(min_length=1, max_length=64)
    title: str
    text: str
    tags: tuple[str, ...] = ()
    created_at: datetime
    updated_at: datetime
    revision: int = Field(ge=1, description="the number of the latest revision")
    deleted_at: datetime | None = Field(
        default=None, description="set when the story was deleted (soft delete); restorable"
    )

    @field_validator("created_at", "updated_at", "deleted_at")
    @classmethod
    def _aware(cls, v: datetime | None) -> datetime | None:
        return v if v is None or v.tzinfo else v.replace(tzinfo=UTC)

    @property
    def deleted(self) -> bool:
        """True for a soft-deleted story (hidden from `list()`, kept in exports)."""
        return self.deleted_at is not None


class ExportedStory(StoredStory):
    """A story with its full history, as written by `export_json`."""

    revisions: list[Revision]


AttemptKind = Literal["answer", "story"]


class Attempt(_Record):
    """One practice attempt: a typed answer (`text`) or a recording's length
    (`audio_seconds`; the audio itself is never kept), its score and the codes that fired."""

    id: str = Field(min_length=1, max_length=64)
    question: str = Field(min_length=1, max_length=2000)
    kind: AttemptKind
    question_type: str = Field(default="", max_length=32)
    competency: str = Field(default="", max_length=64)
    text: str | None = None
    audio_seconds: float | None = Field(default=None, ge=0, le=MAX_ATTEMPT_SECONDS)
    score: int | None = Field(default=None, ge=0, le=100)
    findings: tuple[AttemptFinding, ...] = ()
    created_at: datetime

    @field_validator("created_at")
    @classmethod
    def _aware(cls, v: datetime) -> datetime:
        return v if v.tzinfo else v.replace(tzinfo=UTC)

    def codes(self) -> list[str]:
        """The rule codes that fired on this attempt, in order."""
        return [f.rule for f in self.findings]


Stage = Literal["applied", "screen", "onsite", "offer", "declined", "rejected"]
STAGES: tuple[Stage, ...] = ("applied", "screen", "onsite", "offer", "declined", "rejected")
MAX_FIELD_CHARS = 200
MAX_NOTES_CHARS = 20_000
MAX_LIST_ITEMS = 50


class Interview(_Record):
    """One interview as logged: where, when, who asked what, which saved stories were told,
    the stage it reached, the candidate's debrief and the thank-you email drafted for it."""

    id: str = Field(min_length=1, max_length=64)
    company: str = Field(min_length=1, max_length=MAX_FIELD_CHARS)
    role: str = Field(default="", max_length=MAX_FIELD_CHARS)
    date: Day | None = None
    round: str = Field(default="", max_length=MAX_FIELD_CHARS)
    interviewers: tuple[str, ...] = Field(default=(), max_length=MAX_LIST_ITEMS)
    questions: tuple[str, ...] = Field(default=(), max_length=MAX_LIST_ITEMS)
    story_ids: tuple[str, ...] = Field(default=(), max_length=MAX_LIST_ITEMS)
    topic: str = Field(default="", max_length=MAX_FIELD_CHARS)
    notes: str = Field(default="", max_length=MAX_NOTES_CHARS)
    stage: Stage = "applied"
    self_review: dict[str, str] = Field(default_factory=dict)
    followups: tuple[str, ...] = Field(default=(), max_length=MAX_LIST_ITEMS)
    email: str | None = Field(default=None, max_length=MAX_NOTES_CHARS)
    created_at: datetime
    updated_at: datetime

    @field_validator("created_at", "updated_at")
    @classmethod
    def _aware(cls, v: datetime) -> datetime:
        return v if v.tzinfo else v.replace(tzinfo=UTC)

    @field_validator("self_review")
    @classmethod
    def _short_answers(cls, v: dict[str, str]) -> dict[str, str]:
        if len(v) > MAX_LIST_ITEMS or any(len(a) > MAX_NOTES_CHARS for a in v.values()):
            raise ValueError("the self-review has too many or too long answers")
        return v

    @property
    def label(self) -> str:
        """'Acme · PM, Platform · onsite · 2026-03-02': how lists show the interview."""
        parts = [self.company, self.role, self.round, self.date.isoformat() if self.date else ""]
        return " · ".join(p for p in parts if p)


class BankExport(_Record):
    """The JSON export: every story (deleted ones too) with every revision, every practice
    attempt and every logged interview. Lossless."""

    format: Literal["starkit-bank"] = EXPORT_FORMAT
    version: Literal[1, 2, 3] = EXPORT_VERSION
    exported_at: datetime
    stories: list[ExportedStory]
    attempts: list[Attempt] = Field(default_factory=list)
    interviews: list[Interview] = Field(default_factory=list)


class ImportResult(_Record):
    """What `import_json` did: stories added, extended with newer revisions, or already there."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    attempts_added: int = 0
    interviews_added: int = 0
    interviews_updated: int = 0
