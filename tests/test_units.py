"""The splitter: list markers are stripped, a figure's sign is kept."""

from __future__ import annotations

import pytest

from starkit.models import Kind
from starkit.units import marked_lines, split_units


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("+15% product page views", "+15% product page views"),  # set30: the figure's sign
        ("-15% churn after the pricing change", "-15% churn after the pricing change"),
        ("+$2M in new ARR", "+$2M in new ARR"),
        ("+ Led the pricing launch", "Led the pricing launch"),  # a marker, then a space
        ("- Grew sign-ups 20%", "Grew sign-ups 20%"),
        ("+Led the pricing launch", "Led the pricing launch"),  # glued to a word: a marker
    ],
)
def test_a_plus_or_hyphen_glued_to_a_figure_is_its_sign_not_a_marker(line: str, unit: str):
    (only,) = split_units(line, Kind.BULLET)
    assert line[only.start : only.end] == unit


def test_results_lines_opening_with_signed_figures_are_no_list_markers():
    assert marked_lines("+15% page views\n+50% conversion rate\n") == 0
    assert marked_lines("+ page views up\n- conversion up\n") == 2
