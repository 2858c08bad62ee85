"""The rubric card of a metrics answer and the progress chart of practice attempts.

User text is always escaped before it is put into HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import altair as alt
import pandas as pd

from starkit.ui.highlight import escape

RUBRIC_CSS = (
    ".sk-rubric{border:1px solid rgba(128,128,128,.35);border-radius:.5rem;padding:.6rem .8rem;"
    "margin:.4rem 0 .8rem 0}"
    ".sk-rubric h4{margin:0 0 .4rem 0;font-size:1rem}"
    ".sk-rubric table{width:100%;border-collapse:collapse;font-size:.9rem}"
    ".sk-rubric td{padding:.2rem .4rem;vertical-align:top;"
    "border-top:1px solid rgba(128,128,128,.2)}"
    ".sk-rubric .sk-yes{color:#1b7f3b;font-weight:600}.sk-rubric .sk-no{color:#b3261e;"
    "font-weight:600}.sk-rubric .sk-span{color:inherit;opacity:.8}"
)
_EXCERPT = 90


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


def _quote(spans: list[dict[str, Any]], quoted: set[tuple[int, int]]) -> dict[str, Any]:
    """The span a rubric row quotes: the first one no row above already quotes (a sentence
    that holds a guardrail and a weak trade-off cue shows under Guardrails; Trade-offs then
    quotes the sentence that states the trade-off), else the first."""
    return next((sp for sp in spans if (sp["start"], sp["end"]) not in quoted), spans[0])


def rubric_html(details: Mapping[str, Any], relevant: set[str] | None = None) -> str:
    """The outline as a card: each part found (with the words that carry it) or missing, the
    question type and the metric families covered. `relevant` limits the parts shown to those
    the question type is judged on (None shows all)."""
    rows = []
    quoted: set[tuple[int, int]] = set()
    for part in details.get("outline", []):
        if relevant is not None and part["part"] not in relevant:
            continue
        found = part["found"] and bool(part["spans"])
        mark = '<span class="sk-yes">✓</span>' if found else '<span class="sk-no">✗</span>'
        where = "<em>missing</em>"
        if found:
            span = _quote(part["spans"], quoted)
            quoted.add((span["start"], span["end"]))
            where = f'<span class="sk-span">“{escape(_excerpt(span["text"]))}”</span>'

        rows.append(f"<tr><td>{mark}</td><td>{escape(part['label'])}</td><td>{where}</td></tr>")
    families = ", ".join(details.get("families", [])) or "none named"
    qtype = escape(details.get("question_type", ""))
    source = escape(details.get("question_type_source", ""))
    primary = details.get("primary_metric")
    primary_line = f" · primary metric: {escape(primary)}" if primary else ""
    return (
        f'<style>{RUBRIC_CSS}</style><div class="sk-rubric"><h4>Rubric · {qtype} question '
        f"<small>(type from the {source})</small></h4>"
        f"<table>{''.join(rows)}</table>"
        f"<div><small>Metric families: {escape(families)}{primary_line}</small></div></div>"
    )


LOG_ALIGN: dict[str, Literal["left", "center", "right"]] = {"score": "right", "length": "right"}
"""Columns of figures (shown as text, so that an empty one is a dash) aligned as numbers."""

LOG_WIDTHS: dict[str, int] = {
    "time": 118,
    "kind": 88,
    "type": 125,
    "question": 190,
    "how": 62,
    "score": 50,
    "length": 62,
    "findings": 105,
}
"""Pixel width of each attempt-log column: together (800 px) they fit the page's main column
in a 1,280 px window (820 px beside the sidebar), so no column is cut off; a long question or
finding list is shortened in its cell and shown whole on hover. A phone gets the log as a
list instead (`widgets.wide_or_narrow`)."""


def progress_chart(frame: pd.DataFrame) -> alt.Chart:
    """Scores attempt by attempt (numbered oldest first, the time in the tooltip), one line per
    question type (metrics) or competency (behavioural). Numbered attempts keep the axis
    readable from the first attempt on (a time axis over one instant shows milliseconds); the
    legend sits below the chart so a long competency is never cut."""
    return (
        alt.Chart(frame)
        .transform_window(attempt="row_number()", sort=[alt.SortField("time")])
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "attempt:O",
                title="attempt (oldest first)",
                axis=alt.Axis(labelAngle=0, labelOverlap=True),
            ),
            y=alt.Y("score:Q", title="score", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "series:N",
                title="question type / competency",
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=0),
            ),
            tooltip=[alt.Tooltip("time:T", format="%Y-%m-%d %H:%M"), "series:N", "score:Q"],
        )
        .properties(height=300)
    )
