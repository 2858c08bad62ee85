"""Story understanding: STAR segmentation, follow-up questions, the question bank, coverage.

`parse_story` is cheap (regexes and word lists); the coverage matrix needs pandas, so the
modules load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from starkit.story.segment import parse_story, sentences

if TYPE_CHECKING:
    from starkit.story.competencies import suggest_competencies
    from starkit.story.coverage import CoverageResult, coverage
    from starkit.story.followups import FollowUp, followups
    from starkit.story.questions import Question, load_questions

_LAZY = {
    "suggest_competencies": "starkit.story.competencies",
    "coverage": "starkit.story.coverage",
    "CoverageResult": "starkit.story.coverage",
    "followups": "starkit.story.followups",
    "FollowUp": "starkit.story.followups",
    "load_questions": "starkit.story.questions",
    "Question": "starkit.story.questions",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'starkit.story' has no attribute {name!r}")


__all__ = [
    "CoverageResult",
    "FollowUp",
    "Question",
    "coverage",
    "followups",
    "load_questions",
    "parse_story",
    "sentences",
    "suggest_competencies",
]
