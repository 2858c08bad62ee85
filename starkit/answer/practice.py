"""Practice helpers the app uses and the tests check: a recording's length (from the WAV
header, no audio leaves the machine and nothing is transcribed), an attempt's findings as kept,
the progress frame and the weakest rubric cell.
"""

from __future__ import annotations

import io
import wave
from collections.abc import Sequence
from typing import Any

import pandas as pd

from starkit.bank.records import Attempt, AttemptFinding
from starkit.errors import InputError
from starkit.models import Report
from starkit.ui.views import WINDOW_SECONDS, format_duration

RECENT_ATTEMPTS = 10
"""How many recent attempts the weakest rubric cell is counted over."""
MAX_RECORDING_BYTES = 200_000_000


def wav_seconds(data: bytes) -> float:
    """The length in seconds of a WAV recording, read from its header (InputError when the
    bytes are not a readable WAV)."""
    if not data:
        raise InputError("the recording is empty")
    if len(data) > MAX_RECORDING_BYTES:
        raise InputError("the recording is over the 200 MB limit")
    try:
        with wave.open(io.BytesIO(data), "rb") as w:
            frames, rate = w.getnframes(), w.getframerate()
    except (wave.Error, EOFError) as exc:
        raise InputError(f"the recording is not a readable WAV file ({exc})") from None
    if rate <= 0:
        raise InputError("the recording has no sample rate")
    return frames / rate


def length_verdict(seconds: float) -> tuple[str, str]:
    """('short' | 'window' | 'long', advice) for a spoken answer of this length."""
    low, high = WINDOW_SECONDS
    minutes = format_duration(seconds)
    if seconds < low:
        return "short", f"{minutes}: under 2 minutes. Say more: the goal, a guardrail, a rule."
    if seconds > high:
        return "long", f"{minutes}: over 4 minutes. Cut to the goal, one metric and one rule."
    return "window", f"{minutes}: inside the 2 to 4 minute window."


def recording_findings(seconds: float) -> list[AttemptFinding]:
    """The findings a recording gets: `answer-length` when it falls outside the window."""
    side, advice = length_verdict(seconds)
    if side == "window":
        return []
    return [AttemptFinding(rule="answer-length", severity="info", message=advice)]


def report_findings(report: Report) -> list[AttemptFinding]:
    """A report's findings as an attempt keeps them."""
    return [
        AttemptFinding(rule=f.rule, severity=f.severity.value, message=f.message[:2000])
        for f in report.findings
    ]


def progress_frame(attempts: Sequence[Attempt]) -> pd.DataFrame:
    """One row per scored attempt: time, score, and the series it is drawn in (the question
    type for a metrics answer, the competency for a behavioural one)."""
    rows = []
    for a in attempts:
        if a.score is None:
            continue
        series = a.question_type or a.competency or "other"
        label = ("metrics: " if a.kind == "answer" else "behavioural: ") + series
        rows.append({"time": a.created_at, "score": a.score, "series": label, "kind": a.kind})
    return pd.DataFrame(rows, columns=["time", "score", "series", "kind"])


def log_frame(attempts: Sequence[Attempt]) -> pd.DataFrame:
    """The attempt log as a table, newest first."""
    rows: list[dict[str, Any]] = []
    for a in reversed(attempts):
        rows.append(
            {
                "time": a.created_at.strftime("%Y-%m-%d %H:%M"),
                "kind": "metrics" if a.kind == "answer" else "behavioural",
                "type": a.question_type or a.competency,
                "question": a.question,
                "how": "typed" if a.text is not None else "recorded",
                "score": a.score,
                "length": None if a.audio_seconds is None else format_duration(a.audio_seconds),
                "findings": ", ".join(a.codes()),
            }
        )
    return pd.DataFrame(
        rows, columns=["time", "kind", "type", "question", "how", "score", "length", "findings"]
    )


def weakest(attempts: Sequence[Attempt], last: int = RECENT_ATTEMPTS) -> tuple[str, int] | None:
    """The rule code that fired in the most of the last `last` attempts, with its count."""
    from starkit.answer.questions import weakest_cell

    return weakest_cell(a.codes() for a in list(attempts)[-last:])
