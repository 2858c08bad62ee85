"""Charts for the app, built with Altair (bundled with Streamlit; rendered in the browser with
no network access)."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

PRIMARY = "#2F5D8A"
SEVERITY_DOMAIN = ["error", "warning", "info"]
SEVERITY_RANGE = ["#C0392B", "#B7791F", "#2F5D8A"]
STORY_LABEL_PX = 220
"""The longest a story's name runs on the coverage heatmap when slanted above it."""
HEATMAP_PX = 420
"""About the width of the heatmap's cells beside the question names in a 1,280 px window."""
CHAR_PX = 6.5
"""About the width of one character of an axis label."""


def _story_axis(names: list[str]) -> tuple[alt.Axis, int]:
    """The axis of story names and the height it takes. Names that fit their column stay
    level, each cut to its column's width; longer ones ('Checkout latency · 2026-12-03', or
    many stories) are slanted 30 degrees so that none overlaps or is hidden, every one named."""
    longest = max((len(n) for n in names), default=0) * CHAR_PX
    if not names or longest <= HEATMAP_PX / len(names) - 8:
        level = alt.Axis(
            orient="top",
            labelAngle=0,
            labelLimit=alt.ExprRef("max(40, bandwidth('x') - 8)"),
            labelOverlap=False,
        )
        return level, 0
    slanted = alt.Axis(
        orient="top",
        labelAngle=-30,
        labelAlign="left",
        labelBaseline="middle",
        labelLimit=STORY_LABEL_PX,
        labelOverlap=False,
    )
    return slanted, int(min(STORY_LABEL_PX, longest)) // 2 + 20


def coverage_heatmap(matrix: pd.DataFrame, *, max_label: int = 60) -> alt.Chart:
    """Questions (rows) against stories (columns), coloured by how well each story answers.

    `matrix` is indexed by question text with one column per story title and scores in 0..1.
    """
    frame = matrix.copy()
    frame.index = [
        str(q) if len(str(q)) <= max_label else str(q)[: max_label - 1] + "…" for q in frame.index
    ]
    long = (
        frame.rename_axis("question")
        .reset_index()
        .melt(id_vars="question", var_name="story", value_name="fit")
    )
    axis, names_px = _story_axis([str(c) for c in frame.columns])
    # the chart is fitted to its height, story names included: they get room of their own
    height = max(120, 22 * len(frame.index)) + names_px
    return (
        alt.Chart(long)
        .mark_rect()
        .encode(
            x=alt.X("story:N", title=None, axis=axis),
            y=alt.Y("question:N", title=None, sort=None, axis=alt.Axis(labelLimit=420)),
            color=alt.Color(
                "fit:Q",
                scale=alt.Scale(domain=[0, 0.5, 1], range=["#F3F5F8", "#8FB3D9", "#173A5E"]),
                legend=alt.Legend(title="fit"),
            ),
            tooltip=["question:N", "story:N", alt.Tooltip("fit:Q", format=".2f")],
        )
        .properties(height=height)
    )


def findings_bar(counts: pd.DataFrame) -> alt.Chart:
    """Findings per rule code, one bar each, most frequent on top.

    `counts` has columns `rule`, `findings` and optionally `severity`. Each rule code is
    named whole ('unfilled-placeholder', 'resume-no-achievements'): the axis gets the room of
    its longest code, not the theme's default limit, which cut them.
    """
    colour = (
        alt.Color(
            "severity:N",
            scale=alt.Scale(domain=SEVERITY_DOMAIN, range=SEVERITY_RANGE),
            legend=alt.Legend(orient="bottom", title=None),
        )
        if "severity" in counts.columns
        else alt.value(PRIMARY)
    )
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=alt.X("findings:Q", title="findings", axis=alt.Axis(tickMinStep=1)),
            y=alt.Y(
                "rule:N", title=None, sort="-x", axis=alt.Axis(labelLimit=rule_label_px(counts))
            ),
            color=colour,
            tooltip=["rule:N", "findings:Q"],
        )
        # a 28px band per rule: the axis, title and legend get room of their own on top
        .properties(height=alt.Step(28))
    )


def rule_label_px(counts: pd.DataFrame) -> int:
    """The width the rule axis needs to name its longest code whole."""
    longest = max((len(str(r)) for r in counts["rule"]), default=0)
    return int(longest * CHAR_PX) + 12


def best_fits(matrix: pd.DataFrame, *, exclude: Iterable[str] = ()) -> list[dict[str, str]]:
    """The heatmap as a list, for a screen too narrow for it: each question (but `exclude`,
    the ones no story answers) with the story that fits it best and the fit, best first."""
    left_out = set(exclude)
    rows = [
        (float(fits.max()), str(q), str(fits.idxmax()))
        for q, fits in matrix.iterrows()
        if str(q) not in left_out and len(fits)
    ]
    rows.sort(key=lambda r: -r[0])
    return [{"question": q, "best story": story, "fit": f"{fit:.2f}"} for fit, q, story in rows]
