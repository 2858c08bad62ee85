"""Story understanding: STAR segmentation, follow-up questions, the question bank, coverage.

Everything here is cheap to import: the coverage module loads pandas only when `coverage` is
called. `starkit.story.coverage` is the function (the module is `starkit.story.coverage` in
`sys.modules`; import `run_cli` or `CoverageResult` from it directly).
"""

from __future__ import annotations

from starkit.story.competencies import suggest_competencies
from starkit.story.coverage import CoverageResult, coverage
from starkit.story.followups import FollowUp, followups
from starkit.story.questions import Question, load_questions
from starkit.story.segment import parse_story, sentences

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
