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
"""The longest a story's name runs on the coverage heatmap (slanted 30 degrees above it)."""


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
    # the chart is fitted to its height, slanted story names included: give them room too
    longest = max((len(str(c)) for c in frame.columns), default=0)
    height = max(120, 22 * len(frame.index)) + min(STORY_LABEL_PX, 6 * longest) // 2 + 20
    return (
        alt.Chart(long)
        .mark_rect()
        .encode(
            x=alt.X(
                "story:N",
                title=None,
                # every story named in full, slanted so long or many labels never overlap
                # ('Title · 2026-12-03' when two stories share a title)
                axis=alt.Axis(
                    orient="top",
                    labelAngle=-30,
                    labelAlign="left",
                    labelBaseline="middle",
                    labelLimit=STORY_LABEL_PX,
                    labelOverlap=False,
                ),
            ),
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

    `counts` has columns `rule`, `findings` and optionally `severity`.
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
            y=alt.Y("rule:N", title=None, sort="-x"),
            color=colour,
            tooltip=["rule:N", "findings:Q"],
        )
        # a 28px band per rule: the axis, title and legend get room of their own on top
        .properties(height=alt.Step(28))
    )


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
