"""The debrief: results quantified, metric families covered, competencies of the questions
asked that went without a fitting story, and the follow-ups to prepare."""

from __future__ import annotations

from starkit.interviews import debrief, load_draft_lexicon
from starkit.interviews.debrief import metric_families, question_competencies
from starkit.story.questions import load_questions

LATENCY = {
    "id": "lat",
    "title": "Checkout latency",
    "tags": ["technical-depth"],
    "text": "Situation: Checkout p95 was 4.2 s and mobile conversion lagged desktop.\n"
    "Task: I had to cut latency without a rewrite.\n"
    "Action: I profiled the flow, cached the tax service and removed two blocking calls.\n"
    "Result: p95 latency fell from 4.2 s to 1.9 s in six weeks while the error rate held.",
}
HIRING = {
    "id": "hire",
    "title": "Hiring",
    "text": "Situation: We were short-staffed.\nTask: I had to hire.\n"
    "Action: I rewrote the job ad.\nResult: The team loved the new hires.",
}
CONFLICT_Q = "Tell me about a time you disagreed with a stakeholder."


def test_stories_are_checked_for_quantified_results_and_families() -> None:
    found = debrief({"company": "Acme", "story_ids": ["lat", "hire"]}, [LATENCY, HIRING])
    by_id = {c.id: c for c in found.stories}
    assert by_id["lat"].quantified and "from 4.2 s to 1.9 s" in (by_id["lat"].result or "")
    assert not by_id["hire"].quantified and by_id["hire"].result is None
    assert "engineering" in by_id["lat"].families and by_id["hire"].families == ()
    assert "engineering" in found.families_covered
    assert set(found.families_covered) | set(found.families_missing) == set(
        load_draft_lexicon().families
    )
    assert any("Hiring" in f and "measured result" in f for f in found.followups)


def test_a_question_with_no_fitting_story_names_its_competencies() -> None:
    log = {"company": "Acme", "questions": [CONFLICT_Q], "story_ids": ["lat"]}
    found = debrief(log, [LATENCY])
    (q,) = found.questions
    assert "Conflict resolution" in q.competencies and not q.covered
    assert "Conflict resolution" in found.uncovered_competencies
    assert any(CONFLICT_Q in f and "conflict resolution" in f for f in found.followups)


CONFLICT = {
    "id": "conf",
    "title": "Roadmap disagreement",
    "tags": ["conflict", "stakeholder-alignment"],
    "text": "Situation: The sales lead and I disagreed about the roadmap.\n"
    "Task: I had to resolve the conflict.\nAction: I met her one-on-one and found common "
    "ground.\nResult: We agreed a plan and renewals rose from 80% to 88%.",
}


def test_a_bank_question_uses_its_own_tags_and_a_fitting_story_covers_it() -> None:
    bank_q = next(q for q in load_questions() if "conflict" in q.competencies)
    assert [c for c, _ in question_competencies(bank_q.text)] == list(bank_q.competencies)
    log = {"company": "Acme", "questions": [bank_q.text, CONFLICT_Q]}
    found = debrief(log, [LATENCY, CONFLICT])
    assert [q.story_title for q in found.questions] == ["Roadmap disagreement"] * 2
    assert all(q.covered and q.fit >= 0.5 for q in found.questions)
    assert found.uncovered_competencies == ()
    assert not any("Prepare a story" in f for f in found.followups)


def test_a_question_naming_no_competency_is_not_judged() -> None:
    found = debrief({"company": "Acme", "questions": ["Why Acme?"]}, [LATENCY])
    (q,) = found.questions
    assert q.competencies == () and q.covered and found.uncovered_competencies == ()


def test_no_story_told_asks_to_log_them_and_flags_missing_ids() -> None:
    found = debrief({"company": "Acme", "story_ids": ["gone"]}, [])
    assert found.stories == () and found.missing_story_ids == ("gone",)
    assert any("which of your saved stories" in f for f in found.followups)


def test_metric_families_come_from_the_answer_lexicon() -> None:
    assert metric_families("We raised on-time delivery to 92% and cut p95 latency.") == (
        "engineering",
        "program",
    )
    assert "business" in metric_families("Revenue and NPS both went up.")
    assert metric_families("We had a nice offsite.") == ()


def test_family_followups_take_the_right_article() -> None:
    found = debrief({"company": "Acme", "story_ids": ["hire"]}, [HIRING])
    families = [f for f in found.followups if "figure ready" in f]
    assert any(f.startswith("Have an engineering (") for f in families)
    assert any(f.startswith("Have a program execution (") for f in families)
    assert not any(f.startswith("Have a engineering") for f in families)
