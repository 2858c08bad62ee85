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
