"""The debrief of a logged interview: what starkit can check from the stories told, beside the
candidate's own answers to the three self-review questions (lexicons/interviews/draft.toml).

- **Results quantified?** Each story told, and whether its Result holds a measuring quantity.
- **Metric families covered?** Which of the answer package's families (engineering, program
  execution, business impact; `lexicons/answer/families.toml`) the stories told name.
- **Competencies without a story?** For each question asked, its competencies (a bank
  question's tags, or those its words suggest) and whether a story told fits it (the story
  bank's coverage fit, `starkit.story.coverage`).
- **Follow-ups to prepare** before the next round, from the gaps above.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from starkit.bank.records import Interview
from starkit.interviews.draft import as_interview, quantified_results, stories_told
from starkit.interviews.templates import load_draft_lexicon


def _a(phrase: str) -> str:
    """The phrase with its indefinite article ('an engineering ...', 'a program ...')."""
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


@dataclass(frozen=True)
class StoryCheck:
    """One story told: whether its Result is quantified, and the metric families it names."""

    id: str
    title: str
    quantified: bool
    result: str | None
    families: tuple[str, ...]


@dataclass(frozen=True)
class QuestionCheck:
    """One question asked: its competencies and the story told that best fits it, if any."""

    question: str
    competencies: tuple[str, ...]
    """Competency names ('Conflict resolution'); empty when none is recognised."""
    story_title: str | None
    fit: float
    story_id: str | None = None
    """The id of the fitting story (None when none fits), to name it as the app's pickers do."""

    @property
    def covered(self) -> bool:
        """A story told fits the question (or it names no competency to judge)."""
        return self.story_title is not None or not self.competencies


@dataclass(frozen=True)
class Debrief:
    """What starkit checks after an interview, and the follow-ups to prepare."""

    stories: tuple[StoryCheck, ...]
    families_covered: tuple[str, ...]
    families_missing: tuple[str, ...]
    questions: tuple[QuestionCheck, ...]
    followups: tuple[str, ...]
    missing_story_ids: tuple[str, ...] = field(default=())
    """Stories the log names that are no longer in the bank."""

    @property
    def uncovered_competencies(self) -> tuple[str, ...]:
        """Competency names of the questions asked that went without a fitting story."""
        out: list[str] = []
        for q in self.questions:
            if not q.covered:
                out.extend(c for c in q.competencies if c not in out)
        return tuple(out)


@cache
def _bank_questions() -> dict[str, tuple[str, ...]]:
    from starkit.story.questions import load_questions

    return {" ".join(q.text.lower().split()): q.competencies for q in load_questions()}


@cache
def _competency_names() -> dict[str, str]:
    from starkit.story.questions import load_competencies

    return {c.id: c.name for c in load_competencies()}


def question_competencies(question: str) -> list[tuple[str, str]]:
    """(id, name) of the competencies a question asks about: a bank question's own tags, else
    those its words suggest, strongest first."""
    from starkit.story.competencies import competency_evidence

    names = _competency_names()
    ids = _bank_questions().get(" ".join(question.lower().split()))
    if ids is None:
        ids = tuple(e.id for e in competency_evidence(question))
    return [(cid, names.get(cid, cid)) for cid in ids]


def metric_families(text: str) -> tuple[str, ...]:
    """The answer package's metric families a text names, in the families file's order."""
    from starkit.answer.outline import FAMILIES
    from starkit.nlp import get_nlp
    from starkit.textio import normalise_for_matching

    doc = get_nlp()(normalise_for_matching(text))
    found = {entry for cat, entry, _, _ in doc._.starkit_matches or [] if cat == "family"}
    return tuple(f for f in FAMILIES if f in found)


def debrief(interview: Interview | Mapping[str, Any], stories: Iterable[Any] = ()) -> Debrief:
    """Check the stories told in an interview against the questions asked (see the module)."""
    from starkit.story.coverage import coverage
    from starkit.story.questions import Question

    lex = load_draft_lexicon()
    iv = as_interview(interview)
    given = list(stories)
    told = stories_told(iv, given) if given else []
    known = {s.id for s in told}
    missing = tuple(sid for sid in iv.story_ids if sid not in known) if given else iv.story_ids

    checks = []
    for s in told:
        results = quantified_results(s)
        checks.append(
            StoryCheck(s.id, s.title, bool(results), results[0] if results else None,
                       metric_families(s.text))
        )  # fmt: skip
    covered = tuple(f for f in lex.families if any(f in c.families for c in checks))
    uncovered_families = tuple(f for f in lex.families if f not in covered)

    asked = [(text, question_competencies(text)) for text in iv.questions]
    judged = [
        Question(
            id=f"asked-{n + 1}",
            text=text,
            category="behavioural",
            competencies=tuple(c for c, _ in comps),
        )
        for n, (text, comps) in enumerate(asked)
        if comps
    ]
    best: dict[str, tuple[str | None, float, str | None]] = {}
    if judged and told:
        rows = coverage(told, judged).best
        for row in rows.itertuples():
            title, sid = (row.story_title, row.story_id) if row.covered else (None, None)
            best[str(row.question)] = (title, round(float(row.fit), 3), sid)
    questions = tuple(
        QuestionCheck(text, tuple(name for _, name in comps), *best.get(text, (None, 0.0, None)))
        for text, comps in asked
    )

    followups: list[str] = []
    for q in questions:
        if not q.covered:
            followups.append(
                f"Prepare a story that shows {', '.join(q.competencies).lower()} "
                f"(asked: “{q.question}”)."
            )
    for c in checks:
        if not c.quantified:
            followups.append(
                f"Add a measured result to “{c.title}”: the metric, from what to what."
            )
    if checks:
        for f in uncovered_families:
            followups.append(f"Have {_a(lex.families[f])} figure ready from one of your stories.")
    if not told:
        followups.append("Note which of your saved stories you told, to check them here.")
    return Debrief(
        stories=tuple(checks),
        families_covered=covered,
        families_missing=uncovered_families,
        questions=questions,
        followups=tuple(followups),
        missing_story_ids=missing,
    )
