"""The interview question bank and the competencies it is tagged with, loaded from lexicons.

`lexicons/story/competencies.toml` names the competencies and the cue terms that suggest a
story shows them; `lexicons/story/questions.toml` holds the questions, each tagged with one or
more competency ids. Both are validated on load: an unknown key, a missing field or a
competency id that does not exist raises `LexiconError` naming the file and the entry.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import field_validator

from starkit.errors import LexiconError
from starkit.lexicons import StrictModel, read_toml, validate_entries, validate_model

QUESTIONS_FILE = "story/questions.toml"
COMPETENCIES_FILE = "story/competencies.toml"

Category = Literal["behavioural", "product-metrics", "program-execution"]


class Competency(StrictModel):
    """A competency panels score, with the cue terms that suggest a story shows it."""

    id: str
    name: str
    description: str
    terms: tuple[str, ...]

    @field_validator("terms")
    @classmethod
    def _non_empty(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if not v or any(not t.strip() for t in v):
            raise ValueError("terms must be a non-empty list of non-empty strings")
        return v


class Question(StrictModel):
    """One interview question with the competencies a good answer shows."""

    id: str
    text: str
    category: Category
    competencies: tuple[str, ...]

    @field_validator("text")
    @classmethod
    def _has_text(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text must not be empty")
        return v.strip()

    @field_validator("competencies")
    @classmethod
    def _at_least_one(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if not v:
            raise ValueError("a question needs at least one competency")
        return v


class _CompetencyFile(StrictModel):
    description: str
    competency: tuple[dict[str, Any], ...]


class _QuestionFile(StrictModel):
    description: str
    question: tuple[dict[str, Any], ...]


def load_competencies(root: Path | None = None) -> tuple[Competency, ...]:
    """Every competency in `story/competencies.toml`, in file order."""
    if root is None:
        return _default_competencies()
    data = read_toml(COMPETENCIES_FILE, root)
    cf = validate_model(COMPETENCIES_FILE, None, data, _CompetencyFile)
    return tuple(validate_entries(COMPETENCIES_FILE, cf.competency, Competency))


def load_questions(root: Path | None = None) -> tuple[Question, ...]:
    """Every question in `story/questions.toml`, in file order, competencies checked."""
    if root is None:
        return _default_questions()
    known = {c.id for c in load_competencies(root)}
    data = read_toml(QUESTIONS_FILE, root)
    qf = validate_model(QUESTIONS_FILE, None, data, _QuestionFile)
    questions = validate_entries(QUESTIONS_FILE, qf.question, Question)
    for q in questions:
        for c in q.competencies:
            if c not in known:
                raise LexiconError(QUESTIONS_FILE, q.id, f"unknown competency '{c}'")
    return tuple(questions)


@cache
def _default_competencies() -> tuple[Competency, ...]:
    from starkit.lexicons import lexicon_root

    return load_competencies(lexicon_root())


@cache
def _default_questions() -> tuple[Question, ...]:
    from starkit.lexicons import lexicon_root

    return load_questions(lexicon_root())


def question_by_id(qid: str) -> Question:
    """The bank question with this id (KeyError when there is none)."""
    for q in load_questions():
        if q.id == qid:
            return q
    raise KeyError(qid)
