"""The metrics question bank (`lexicons/answer/questions.toml`) and the follow-ups chosen from
what an answer lacks (`lexicons/answer/followups.toml`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, Literal

from pydantic import field_validator

from starkit.answer.outline import QuestionType
from starkit.errors import LexiconError
from starkit.lexicons import StrictModel, read_toml, validate_entries, validate_model
from starkit.models import Severity

QUESTIONS_FILE = "answer/questions.toml"
FOLLOWUPS_FILE = "answer/followups.toml"


class MetricQuestion(StrictModel):
    """One metrics question: its type decides which `answer-*` rules apply."""

    id: str
    text: str
    type: QuestionType
    area: Literal["product", "tpm", "system-design", "program"]
    competencies: tuple[str, ...]

    @field_validator("text")
    @classmethod
    def _has_text(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text must not be empty")
        return v.strip()


class FollowUp(StrictModel):
    """The follow-up a panel asks when an answer fires `code`."""

    code: str
    question: str


class _QuestionFile(StrictModel):
    description: str
    question: tuple[dict[str, Any], ...]


class _FollowUpFile(StrictModel):
    description: str
    followup: tuple[dict[str, Any], ...]


@cache
def load_metric_questions() -> tuple[MetricQuestion, ...]:
    """Every metrics question, in file order; competencies checked against the story bank's."""
    from starkit.story.questions import load_competencies

    qf = validate_model(QUESTIONS_FILE, None, read_toml(QUESTIONS_FILE), _QuestionFile)
    questions = validate_entries(QUESTIONS_FILE, qf.question, MetricQuestion)
    known = {c.id for c in load_competencies()}
    for q in questions:
        for c in q.competencies:
            if c not in known:
                raise LexiconError(QUESTIONS_FILE, q.id, f"unknown competency '{c}'")
    return tuple(questions)


@cache
def load_followups() -> tuple[FollowUp, ...]:
    """The follow-ups in priority order; each code must be an `answer-*` rule."""
    from starkit.rules import load_rules

    ff = validate_model(FOLLOWUPS_FILE, None, read_toml(FOLLOWUPS_FILE), _FollowUpFile)
    items = validate_entries(FOLLOWUPS_FILE, ff.followup, FollowUp, id_field="code")
    rules = load_rules()
    for f in items:
        if f.code not in rules or "answer" not in rules[f.code].kinds:
            raise LexiconError(FOLLOWUPS_FILE, f.code, "not a rule that applies to answers")
    return tuple(items)


def followup_for(codes: Iterable[str]) -> FollowUp | None:
    """The one follow-up to ask: the first (by priority) whose code fired; None when none did."""
    fired = set(codes)
    return next((f for f in load_followups() if f.code in fired), None)


def questions_for_code(code: str, limit: int = 3) -> list[MetricQuestion]:
    """Questions that drill a rule: those of the question types the rule applies to."""
    from starkit.rules import load_rules

    spec = load_rules().get(code)
    if spec is None or "answer" not in spec.kinds:
        return []
    types = set(spec.types) or {"success", "diagnosis", "program", "tradeoff"}
    return [q for q in load_metric_questions() if q.type in types][: max(0, limit)]


def weakest_cell(
    codes_per_attempt: Iterable[Iterable[str]], severities: Mapping[str, str] | None = None
) -> tuple[str, int] | None:
    """The weakest cell: the most severe code that fired (`severities` maps a code to
    'error', 'warning' or 'info'; an unknown code counts as info), then the one that fired
    in the most attempts (each attempt counted once per code), then the code listed first in
    the follow-ups' priority order. An error (a missing section) outranks advice (an answer's
    length) whatever their counts."""
    counts: Counter[str] = Counter()
    for codes in codes_per_attempt:
        counts.update(set(codes))
    if not counts:
        return None
    rank = {c: Severity((severities or {}).get(c, "info")).rank for c in counts}
    order = {f.code: k for k, f in enumerate(load_followups())}
    code = min(counts, key=lambda c: (-rank[c], -counts[c], order.get(c, len(order)), c))
    return code, counts[code]


CODE_PARTS = {
    "answer-no-goal": "goal",
    "answer-no-primary-metric": "primary",
    "answer-no-input-metrics": "inputs",
    "answer-no-guardrail": "guardrails",
    "answer-no-threshold": "thresholds",
    "answer-no-tradeoff": "tradeoffs",
    "answer-no-segmentation": "segments",
    "answer-no-data-check": "data_checks",
    "answer-no-instrumentation": "instrumentation",
}
"""The outline part whose absence each `answer-no-*` rule reports."""


def relevant_parts(qtype: str) -> set[str]:
    """The outline parts a question of this type is judged on (from the rules' `types`)."""
    from starkit.rules import load_rules

    rules = load_rules()
    return {
        part
        for code, part in CODE_PARTS.items()
        if code in rules and (not rules[code].types or qtype in rules[code].types)
    }
