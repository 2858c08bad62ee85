"""The draft email's templates, word limit and the debrief's self-review questions, loaded
from `lexicons/interviews/draft.toml` and validated: an unknown key, a template naming a field
the log does not have, or a slot that is not a placeholder is a `LexiconError`."""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path

from pydantic import Field

from starkit.errors import LexiconError
from starkit.lexicons import StrictModel, read_toml, validate_model

DRAFT_FILE = "interviews/draft.toml"
FIELDS = frozenset({"interviewers", "role", "company", "topic", "question", "result", "name"})
"""The fields a template may name: the story's title is not one (the email names the work by
its result), and `name` (the sender's) is always a slot: the log does not hold it."""
TEMPLATES = (
    "greeting",
    "thanks",
    "topic",
    "topic_question",
    "reinforce",
    "reinforce_slot",
    "close",
    "signoff",
)


class SelfReviewQuestion(StrictModel):
    """One of the debrief's self-review questions."""

    id: str
    question: str


class DraftLexicon(StrictModel):
    """The contents of `interviews/draft.toml`."""

    description: str
    word_limit: int = Field(ge=40, le=500)
    greeting: str
    thanks: str
    topic: str
    topic_question: str
    reinforce: str
    reinforce_slot: str
    close: str
    signoff: str
    honorifics: tuple[str, ...] = ()
    """Titles a name may open with ('Dr. Ada Okafor'): greeted with the surname."""
    slots: dict[str, str]
    self_review: tuple[SelfReviewQuestion, ...]
    families: dict[str, str]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def load_draft_lexicon(root: Path | None = None) -> DraftLexicon:
    """Read and check the draft lexicon (cached for the default lexicon directory)."""
    return _default() if root is None else _load(root)


def _load(root: Path) -> DraftLexicon:
    lex = validate_model(DRAFT_FILE, None, read_toml(DRAFT_FILE, root), DraftLexicon)
    for name in TEMPLATES:
        unknown = _fields(getattr(lex, name)) - FIELDS
        if unknown:
            raise LexiconError(DRAFT_FILE, name, f"unknown field {{{sorted(unknown)[0]}}}")
    for key, slot in lex.slots.items():
        if key not in FIELDS:
            raise LexiconError(DRAFT_FILE, "slots", f"unknown field '{key}'")
        if not (slot.startswith("<") and slot.endswith(">")):
            raise LexiconError(DRAFT_FILE, "slots", f"'{slot}' is not a <slot>")
    missing = {"interviewers", "role", "topic", "result", "name"} - set(lex.slots)
    if missing:
        raise LexiconError(DRAFT_FILE, "slots", f"no slot for '{sorted(missing)[0]}'")
    if len(lex.self_review) != 3:
        raise LexiconError(DRAFT_FILE, "self_review", "the debrief asks exactly three questions")
    return lex


@cache
def _default() -> DraftLexicon:
    from starkit.lexicons import lexicon_root

    return _load(lexicon_root())
