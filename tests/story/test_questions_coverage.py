"""The question bank, competency suggestion and coverage of questions by stories."""

from __future__ import annotations

import argparse
import json
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from starkit.errors import InputError, LexiconError
from starkit.lexicons import lexicon_root
from starkit.story import coverage, load_questions, suggest_competencies
from starkit.story.competencies import (
    SUGGEST_AT,
    competency_evidence,
    resolve_tags,
    strength,
)
from starkit.story.coverage import COVERED_AT, run_cli
from starkit.story.questions import load_competencies

# ----------------------------------------------------------------------------- bank


def test_bank_has_sixty_questions_across_the_three_categories():
    questions = load_questions()
    assert len(questions) >= 60
    counts = Counter(q.category for q in questions)
    assert set(counts) == {"behavioural", "product-metrics", "program-execution"}
    assert min(counts.values()) >= 15
    assert len({q.id for q in questions}) == len(questions)
    assert len({q.text.lower() for q in questions}) == len(questions)


def test_every_question_uses_known_competencies_and_every_competency_is_asked():
    known = {c.id for c in load_competencies()}
    used = {c for q in load_questions() for c in q.competencies}
    assert used <= known
    assert known <= used, f"competencies no question asks about: {known - used}"
    required = {
        "leadership", "conflict", "failure", "influence-without-authority", "prioritisation",
        "data-driven-decision", "ambiguity", "customer-focus", "technical-depth",
        "delivery-under-constraint", "stakeholder-alignment", "incident-response",
    }  # fmt: skip
    assert required <= known


@pytest.fixture
def lex_copy(tmp_path: Path) -> Path:
    shutil.copytree(lexicon_root() / "story", tmp_path / "story")
    return tmp_path


def test_an_unknown_competency_names_the_question(lex_copy):
    path = lex_copy / "story" / "questions.toml"
    text = path.read_text("utf-8").replace(
        'competencies = ["failure"]', 'competencies = ["falure"]', 1
    )
    path.write_text(text, "utf-8")
    with pytest.raises(LexiconError) as exc:
        load_questions(lex_copy)
    assert exc.value.file == "story/questions.toml"
    assert exc.value.entry == "beh-biggest-failure"
    assert "falure" in str(exc.value)


def test_a_bad_category_names_the_question(lex_copy):
    path = lex_copy / "story" / "questions.toml"
    text = path.read_text("utf-8").replace('category = "product-metrics"', 'category = "pm"', 1)
    path.write_text(text, "utf-8")
    with pytest.raises(LexiconError) as exc:
        load_questions(lex_copy)
    assert exc.value.entry == "pm-moved-metric"


# ----------------------------------------------------------------------------- competencies

CONFLICT_STORY = (
    "The backend lead and the mobile lead disagreed about who owned the new API, and the "
    "argument had stalled design for two weeks while both escalated to their managers. "
    "I met each of them separately and drafted a compromise. Design restarted that week."
)
INCIDENT_STORY = (
    "During an outage on payday our payment file failed validation at the bank. I was the "
    "incident commander: I opened a war room, reverted the deploy and posted to the status "
    "page every 30 minutes. I briefed the CFO and wrote the postmortem on the root cause."
)
METRICS_STORY = (
    "Only 18% of new workspaces connected data in week one. I analysed the funnel, ran an "
    "A/B test of a sample dataset against the old flow with a guardrail on retention, and "
    "activation rose to 27% with a significant lift."
)


def test_suggestions_follow_the_story():
    assert "conflict" in suggest_competencies(CONFLICT_STORY)[:2]
    assert suggest_competencies(INCIDENT_STORY)[0] == "incident-response"
    assert "data-driven-decision" in suggest_competencies(METRICS_STORY)
    assert "incident-response" not in suggest_competencies(METRICS_STORY)


def test_one_cue_term_is_not_enough_and_repeats_do_not_count():
    assert strength(1) < SUGGEST_AT <= strength(2)
    once = "We had a disagreement about lunch."
    assert "conflict" not in suggest_competencies(once)
    assert "conflict" not in suggest_competencies(once + " Another disagreement.")
    ev = {e.id: e for e in competency_evidence(once + " Another disagreement.")}
    assert ev["conflict"].terms == ("disagree*",)


def test_suggestions_are_limited_and_empty_text_has_none():
    assert len(suggest_competencies(INCIDENT_STORY + METRICS_STORY, limit=2)) == 2
    assert suggest_competencies("") == []


def test_tags_resolve_by_id_or_name():
    assert resolve_tags(["Conflict resolution", "incident_response", "cooking", "CONFLICT"]) == [
        "conflict",
        "incident-response",
    ]


# ----------------------------------------------------------------------------- coverage


@dataclass
class Record:
    """Stands in for a story bank record (id, title, text, tags)."""

    id: str
    title: str
    text: str
    tags: tuple[str, ...] = ()


STORIES = [
    Record("c1", "Two leads disagree", CONFLICT_STORY),
    Record("i1", "Payday outage", INCIDENT_STORY),
    Record("m1", "Activation test", METRICS_STORY),
]


def test_matrix_is_questions_by_stories_with_scores_in_range():
    res = coverage(STORIES)
    questions = load_questions()
    assert list(res.matrix.index) == [q.id for q in questions]
    assert list(res.matrix.columns) == ["c1", "i1", "m1"]
    assert ((res.matrix >= 0) & (res.matrix <= 1)).all().all()
    assert list(res.best.columns) == [
        "question_id", "question", "category", "story_id", "story_title", "fit", "covered",
    ]  # fmt: skip
    assert len(res.best) == len(questions)


def test_best_story_is_the_one_that_shows_the_question_competencies():
    best = coverage(STORIES).best.set_index("question_id")
    assert best.loc["beh-team-conflict", "story_id"] == "c1"
    assert best.loc["prg-incident", "story_id"] == "i1"
    assert best.loc["pm-moved-metric", "story_id"] == "m1"
    assert best.loc["prg-incident", "story_title"] == "Payday outage"


def test_uncovered_is_exactly_the_questions_under_the_threshold():
    res = coverage(STORIES)
    under = set(res.best.loc[res.best["fit"] < COVERED_AT, "question_id"])
    assert {q.id for q in res.uncovered} == under
    assert "beh-mentor" in under  # nothing here is about growing people
    assert res.best.set_index("question_id").loc["prg-incident", "covered"]


def test_a_user_tag_raises_the_fit_of_its_questions():
    plain = coverage([Record("s", "Roadmap", "I rebuilt the roadmap.")])
    tagged = coverage(
        [Record("s", "Roadmap", "I rebuilt the roadmap.", ("Growing people", "leadership"))]
    )
    q = "beh-mentor"
    assert tagged.matrix.loc[q, "s"] > plain.matrix.loc[q, "s"]
    assert tagged.matrix.loc[q, "s"] >= COVERED_AT


def test_no_stories_leaves_every_question_uncovered():
    res = coverage([])
    assert res.matrix.shape == (len(load_questions()), 0)
    assert len(res.uncovered) == len(load_questions())
    assert res.best["story_id"].isna().all()


def test_inputs_can_be_mappings_or_plain_text_and_ids_must_be_unique():
    res = coverage(
        [{"id": "a", "title": "A", "text": INCIDENT_STORY, "tags": "conflict"}, METRICS_STORY]
    )
    assert list(res.matrix.columns) == ["a", "story-2"]
    with pytest.raises(InputError):
        coverage([Record("x", "one", "a"), Record("x", "two", "b")])
    with pytest.raises(InputError):
        coverage([{"id": "a", "title": "no text"}])


def test_custom_questions_and_best_for():
    qs = [q for q in load_questions() if q.id in {"prg-incident", "beh-mentor"}]
    res = coverage(STORIES, qs)
    assert list(res.matrix.index) == ["beh-mentor", "prg-incident"]
    assert res.best_for("prg-incident").id == "i1"
    assert res.best_for(qs[1].text).id == "i1"
    assert res.best_for("beh-mentor") is None
    shown = res.display_matrix()
    assert list(shown.columns) == ["Two leads disagree", "Payday outage", "Activation test"]
    assert shown.index[0] == qs[0].text


def test_run_cli_json_reports_every_question(capsys):
    code = run_cli(STORIES, argparse.Namespace(fmt="json"))
    assert code == 0
    payload = json.loads(capsys.readouterr().out)
    assert len(payload["questions"]) == len(load_questions())
    assert "beh-mentor" in payload["uncovered"]


def test_growing_people_needs_people_to_grow():
    """QA 19 item 15: 'grew', 'onboarding' and 'feedback' said of a product ("host
    onboarding", "customer feedback", "sign-ups grew") are no mentoring; said of people they are."""
    product = (
        "Situation: Our B2B product's onboarding lost most new accounts in week one. Task: I "
        "owned activation. Action: I read customer feedback and rebuilt the onboarding "
        "checklist. Result: Week-4 retention grew from 18% to 27%."
    )
    assert "people-development" not in suggest_competencies(product)
    mentoring = (
        "Situation: Two new hires joined my team. Action: I onboarded the new engineers with a "
        "weekly 1:1 and gave feedback on their first designs. Result: Both grew into owners of "
        "a service within six months."
    )
    assert "people-development" in suggest_competencies(mentoring)
