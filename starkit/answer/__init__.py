"""Metrics answers (kind `answer`): question types, the outline a panel listens for, the
metrics question bank with follow-ups, and practice attempts. See docs/answers.md.

`starkit.lint(text, "answer", question=...)` runs the `answer-*` rules through the one engine;
`outline(text, question)` gives the rubric card's parts with their spans.
"""

from __future__ import annotations

from starkit.answer.outline import PART_LABELS, PART_NAMES, QUESTION_TYPES, QuestionType
from starkit.answer.questions import (
    MetricQuestion,
    followup_for,
    load_metric_questions,
    questions_for_code,
)

__all__ = [
    "PART_LABELS",
    "PART_NAMES",
    "QUESTION_TYPES",
    "MetricQuestion",
    "QuestionType",
    "followup_for",
    "load_metric_questions",
    "questions_for_code",
]
