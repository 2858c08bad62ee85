"""Work grows linearly with the text: each shape that was once super-linear is linted at two
sizes, and the Python function calls made (counted with `sys.setprofile`, not timed: timings
belong in `starkit.bench`) may grow at most about as much as the text."""

from __future__ import annotations

import sys

import pytest

import starkit
from starkit.bench import text_shape

SMALL, LARGE = 2_500, 10_000  # both over the 2,000 characters a rewrite is made for
SLACK = 1.35  # the large text is 4x the small: linear work is about 4x, quadratic 16x


def _calls(text: str, kind: str) -> int:
    count = 0

    def tick(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    starkit.lint("Led 3 teams.", kind)  # caches warm outside the count
    sys.setprofile(tick)
    try:
        starkit.lint(text, kind)
    finally:
        sys.setprofile(None)
    return count


def _growth(unit: str, kind: str) -> float:
    small = _calls((unit * (SMALL // len(unit) + 1))[:SMALL], kind)
    large = _calls((unit * (LARGE // len(unit) + 1))[:LARGE], kind)
    return large / small


@pytest.mark.parametrize("kind", ["bullet", "story"])
def test_one_sentence_of_relative_figures_is_linear(kind: str) -> None:
    """'3x 3x 3x ...' as one sentence: every relative figure looked for a start value among
    every number of its sentence (24 s at 10,000 characters)."""
    assert _growth(text_shape("3x-repeated", 100)[:3], kind) <= 4 * SLACK


@pytest.mark.parametrize(
    "unit",
    [
        "grew revenue 20% ",  # every metric walked every change word before it in its clause
        "led the team and grew revenue by 20 percent while cutting churn ",  # no punctuation
        "cut costs by 20%, ",  # the same, with commas
        "1M users ",  # each metric scanned every frame and figure of the unit for a period
        "viewed 5M times by 1,000 users, ",  # every mention against every uptake form
        "app downloads grew 3x and page views ",  # repeated metric words
    ],
)
def test_one_long_clause_of_metrics_and_figures_is_linear(unit: str) -> None:
    assert _growth(unit, "bullet") <= 4 * SLACK
