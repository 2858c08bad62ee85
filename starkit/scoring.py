"""The 0-100 score.

Unit score = max(0, 100 - 30 x errors - 15 x warnings - 5 x infos), so a unit with no findings
scores 100, one warning leaves 85, and an unfilled placeholder (error) leaves 70.
Text score = the mean of its unit scores, rounded; a resume scores the average of its
achievement bullets and of any other line with a finding (a slot left in the contact block),
not of clean education or skills lines; and none (n/a, with the reason) when its reading looks
wrong or its achievement bullets are mostly template text (`starkit.resume.diagnose`).
"""

from __future__ import annotations

from collections.abc import Iterable

from starkit.models import Severity

PENALTY = {Severity.ERROR: 30, Severity.WARNING: 15, Severity.INFO: 5}


def unit_score(severities: Iterable[Severity]) -> int:
    """100 less the penalty of each finding, floored at 0."""
    return max(0, 100 - sum(PENALTY[s] for s in severities))


def text_score(unit_scores: list[int]) -> int:
    """The rounded mean of the unit scores (100 for a text with no units)."""
    return round(sum(unit_scores) / len(unit_scores)) if unit_scores else 100
