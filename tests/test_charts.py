"""Chart specs of the app (`starkit.ui.charts`)."""

from __future__ import annotations

import pandas as pd
import pytest

from starkit.ui.charts import findings_bar


@pytest.mark.parametrize("severity", [False, True])
def test_findings_bar_gives_each_rule_a_band_and_the_axis_and_legend_room(severity):
    counts = pd.DataFrame(
        {"rule": ["vanity-metric", "weak-verb", "no-quantification"], "findings": [3, 2, 1]}
    )
    if severity:
        counts["severity"] = ["warning", "info", "warning"]
    spec = findings_bar(counts).to_dict()
    # a fixed height would squeeze the axis, its title and the bottom legend into the bands
    assert spec["height"] == {"step": 28}
    assert spec["encoding"]["y"]["field"] == "rule"


def test_heatmap_names_every_story_slanted_and_makes_room_for_the_names():
    from starkit.ui.charts import STORY_LABEL_PX, coverage_heatmap

    matrix = pd.DataFrame(
        [[0.1, 0.7, 0.2, 0.3], [0.6, 0.2, 0.1, 0.0]],
        index=["Tell me about a launch", "Tell me about a conflict"],
        columns=[
            "Checkout latency · 2026-12-01",
            "Checkout latency · 2026-12-02",
            "Platform migration",
            "Pricing experiment",
        ],
    )
    spec = coverage_heatmap(matrix).to_dict()
    axis = spec["encoding"]["x"]["axis"]
    assert axis["labelOverlap"] is False and axis["labelAngle"] != 0  # none hidden, none on top
    assert axis["labelLimit"] == STORY_LABEL_PX
    assert spec["height"] > 22 * len(matrix)  # the rows keep their 22 px under the names
    # short names that fit their columns stay level, each cut to its column
    matrix.columns = ["Checkout", "Pricing", "Migration", "Hiring"]
    spec = coverage_heatmap(matrix).to_dict()
    axis = spec["encoding"]["x"]["axis"]
    assert axis["labelAngle"] == 0 and axis["labelOverlap"] is False
    assert "bandwidth('x')" in axis["labelLimit"]["expr"]
    assert spec["height"] == 120


def test_best_fits_lists_the_heatmap_for_a_phone_best_first_without_the_uncovered():
    from starkit.ui.charts import best_fits

    matrix = pd.DataFrame(
        [[0.1, 0.7], [0.6, 0.2], [0.1, 0.1]],
        index=["Q1", "Q2", "Q3"],
        columns=["Checkout latency", "Pricing experiment"],
    )
    assert best_fits(matrix, exclude=["Q3"]) == [
        {"question": "Q1", "best story": "Pricing experiment", "fit": "0.70"},
        {"question": "Q2", "best story": "Checkout latency", "fit": "0.60"},
    ]


def test_findings_bar_names_each_rule_whole():
    from starkit.ui.charts import CHAR_PX

    counts = pd.DataFrame(
        {"rule": ["unfilled-placeholder", "resume-no-achievements"], "findings": [19, 1]}
    )
    axis = findings_bar(counts).to_dict()["encoding"]["y"]["axis"]
    # the theme's default limit cut 'unfilled-placehol…': the axis takes the longest code
    assert axis["labelLimit"] >= len("resume-no-achievements") * CHAR_PX
