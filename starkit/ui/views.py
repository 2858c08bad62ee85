"""Pure functions behind the pages: compose a story from fields, tabulate findings, estimate
spoken time. No Streamlit here, so each is unit-tested directly."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from starkit.models import SECTION_NAMES, Finding, Report, Severity, Story

WORDS_PER_MINUTE = 150
"""Speaking pace used for the spoken-time estimate (the `answer-length` rule's pace)."""

WINDOW_SECONDS = (120, 240)
"""The 2-to-4-minute window a spoken STAR answer should land in."""

_LABEL = re.compile(
    r"^\s*(?:\*\*)?\s*(situation|task|action|actions|result|results)\s*(?:\*\*)?\s*[:\-–—]\s*",
    re.IGNORECASE,
)


def compose_story(fields: Mapping[str, str]) -> str:
    """Join the four STAR fields into one labelled story; empty fields are left out so the
    linter can report the missing section."""
    parts = []
    for name in SECTION_NAMES:
        body = (fields.get(name) or "").strip()
        if body:
            parts.append(f"{name.capitalize()}: {body}")
    return "\n\n".join(parts)


def strip_label(text: str) -> str:
    """A section's text without a leading 'Situation:'-style label."""
    return _LABEL.sub("", text, count=1).strip()


def fields_from_story(story: Story) -> dict[str, str]:
    """The four fields of a segmented story ('' for a section the segmenter did not find)."""
    return {name: strip_label(story.section_text(name)) for name in SECTION_NAMES}


def count_words(text: str) -> int:
    """Whitespace-separated words: the count a spoken-time estimate is based on."""
    return len(text.split())


def spoken_seconds(words: int, wpm: int = WORDS_PER_MINUTE) -> int:
    """Seconds it takes to say `words` words at `wpm`."""
    return round(words * 60 / wpm)


def format_duration(seconds: int) -> str:
    """'2 min 05 s' style, or '45 s' under a minute."""
    seconds = max(0, int(seconds))
    minutes, secs = divmod(seconds, 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def window_verdict(seconds: int) -> str:
    """Where a spoken length sits against the 2-to-4-minute window, in plain words."""
    low, high = WINDOW_SECONDS
    if seconds < low:
        return "short: under 2 minutes, add the detail a panel will ask for"
    if seconds > high:
        return "long: over 4 minutes, cut to what you did and what changed"
    return "inside the 2-to-4-minute window"


def story_seconds(report: Report) -> int:
    """The spoken-time estimate of a linted story: the engine's figure when it gives one,
    else computed from the word count."""
    for unit in report.units:
        for key in ("spoken_seconds", "seconds"):
            value = unit.details.get(key)
            if isinstance(value, int | float):
                return int(value)
    words = sum(u.words for u in report.units) or count_words(report.text)
    return spoken_seconds(words)


def severity_order(findings: Iterable[Finding]) -> list[Finding]:
    """Findings most severe first, then in text order."""
    return sorted(findings, key=lambda f: (-Severity(f.severity).rank, f.start, f.rule))


def unit_findings(report: Report, index: int) -> list[Finding]:
    """The findings of one unit (bullet, story, email) of a report."""
    return [f for f in report.findings if f.unit == index]


def findings_frame(reports: Sequence[Report]) -> pd.DataFrame:
    """One row per finding across reports: where it is, what fired and the suggested fix."""
    rows = []
    for i, report in enumerate(reports):
        for f in report.findings:
            rows.append(
                {
                    "item": i + 1,
                    "rule": f.rule,
                    "severity": Severity(f.severity).value,
                    "flagged text": report.text[f.start : f.end],
                    "message": f.message,
                    "suggestion": f.suggestion,
                }
            )
    columns = ["item", "rule", "severity", "flagged text", "message", "suggestion"]
    return pd.DataFrame(rows, columns=columns)


def findings_by_rule(reports: Sequence[Report]) -> pd.DataFrame:
    """Finding counts per rule code with the rule's severity (most frequent first)."""
    counts: dict[str, int] = {}
    severity: dict[str, str] = {}
    for report in reports:
        for f in report.findings:
            counts[f.rule] = counts.get(f.rule, 0) + 1
            severity[f.rule] = Severity(f.severity).value
    rows = [
        {"rule": rule, "findings": n, "severity": severity[rule]}
        for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return pd.DataFrame(rows, columns=["rule", "findings", "severity"])


def mean_score(reports: Sequence[Report]) -> int | None:
    """The average 0-100 score of several reports, or None when there are none."""
    if not reports:
        return None
    return round(sum(r.score for r in reports) / len(reports))


def countdown(elapsed: float, window: tuple[int, int] = WINDOW_SECONDS) -> tuple[int, str, str]:
    """(seconds left before the window closes, phase, advice) for a practice answer.

    Phases: `early` before 2 minutes, `window` between 2 and 4, `over` after 4.
    """
    low, high = window
    elapsed = max(0.0, elapsed)
    left = max(0, round(high - elapsed))
    if elapsed < low:
        return (
            left,
            "early",
            f"Keep going: the window opens in {format_duration(round(low - elapsed))}.",
        )
    if elapsed <= high:
        return left, "window", "In the window: land the result and stop."
    return 0, "over", f"Over 4 minutes by {format_duration(round(elapsed - high))}: wrap up now."
