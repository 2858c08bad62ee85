"""docs/answers.md is rendered from the examples and the rules: it must be current, and each
weak answer must fire more answer-* rules than its strong pair."""

from __future__ import annotations

import starkit
from starkit.answer.docs import DOC_PATH, load_examples, render_answers_doc


def test_answers_doc_is_up_to_date():
    assert DOC_PATH.read_text(encoding="utf-8") == render_answers_doc(), (
        "run: python -m starkit.answer.docs"
    )


def test_one_weak_and_one_strong_answer_per_type():
    examples = load_examples()
    assert sorted(e.type for e in examples) == ["diagnosis", "program", "success", "tradeoff"]
    for ex in examples:
        weak = starkit.lint(ex.weak, "answer", ex.question)
        strong = starkit.lint(ex.strong, "answer", ex.question)
        assert weak.units[0].details["question_type"] == ex.type
        gaps = {r for r in strong.rules() if r.startswith("answer-")} - {"answer-length"}
        assert not gaps, (ex.type, gaps)
        assert {r for r in weak.rules() if r != "answer-length"}, ex.type
        assert weak.score < strong.score
