"""Practice helpers the app uses and the tests check: a recording's length (from the WAV
header, no audio leaves the machine and nothing is transcribed), an attempt's findings as kept,
the progress frame and the weakest rubric cell.
"""

from __future__ import annotations

import io
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from starkit.bank.records import Attempt, AttemptFinding
from starkit.errors import InputError
from starkit.models import Report, Severity
from starkit.ui.views import WINDOW_SECONDS, format_duration

RECENT_ATTEMPTS = 10
"""How many recent attempts the weakest rubric cell is counted over."""
MAX_RECORDING_BYTES = 200_000_000
NO_VALUE = "—"
"""What the attempt log shows where there is nothing to show (a typed answer's length, a
recording's score): a dash, never "None"."""


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
    """The attempt log as a table, newest first; every cell is text (`NO_VALUE` when empty)."""
    rows: list[dict[str, Any]] = []
    for a in reversed(attempts):
        rows.append(
            {
                "time": a.created_at.strftime("%Y-%m-%d %H:%M"),
                "kind": "metrics" if a.kind == "answer" else "behavioural",
                "type": a.question_type or a.competency,
                "question": a.question,
                "how": "typed" if a.text is not None else "recorded",
                "score": NO_VALUE if a.score is None else str(a.score),
                "length": NO_VALUE if a.audio_seconds is None else format_duration(a.audio_seconds),
                "findings": ", ".join(a.codes()),
            }
        )
    return pd.DataFrame(
        rows, columns=["time", "kind", "type", "question", "how", "score", "length", "findings"]
    )


@dataclass(frozen=True)
class WeakCell:
    """The weakest rubric cell of the recent attempts and where it showed."""

    code: str
    count: int
    """How many of the counted attempts it fired in."""
    kind: str
    """'answer' (a metrics answer) or 'story' (a behavioural one): the kind of the latest
    attempt it fired in, so the questions that drill it are of the same kind."""
    questions: tuple[str, ...]
    """The questions of the attempts it fired in, newest first."""
    competencies: tuple[str, ...]
    """The competencies of those attempts (behavioural ones), newest first."""


def weakest(attempts: Sequence[Attempt], last: int = RECENT_ATTEMPTS) -> WeakCell | None:
    """The weakest rubric cell of the last `last` attempts: the most severe finding, then the
    most frequent (`weakest_cell`); None when none fired."""
    from starkit.answer.questions import weakest_cell

    recent = list(attempts)[-last:]
    severities: dict[str, str] = {}
    for a in recent:
        for f in a.findings:
            if (
                f.rule not in severities
                or Severity(f.severity).rank > Severity(severities[f.rule]).rank
            ):
                severities[f.rule] = f.severity
    cell = weakest_cell((a.codes() for a in recent), severities)
    if cell is None:
        return None
    code, count = cell
    fired = [a for a in reversed(recent) if code in a.codes()]
    same = [a for a in fired if a.kind == fired[0].kind]
    return WeakCell(
        code=code,
        count=count,
        kind=fired[0].kind,
        questions=tuple(dict.fromkeys(a.question for a in same)),
        competencies=tuple(dict.fromkeys(a.competency for a in same if a.competency)),
    )


def drill_questions(cell: WeakCell, bank: Sequence[Any], limit: int = 3) -> list[str]:
    """Questions of the gap's kind that drill it.

    A gap in metrics answers: metrics questions of the types its rule applies to. A gap in
    behavioural answers: the bank questions it fired on (newest first), then bank questions of
    the same competencies. `bank` holds the behavioural questions (with `.text` and
    `.competencies`).
    """
    from starkit.answer.questions import questions_for_code

    if cell.kind == "answer":
        return [q.text for q in questions_for_code(cell.code, limit)]
    texts = {q.text for q in bank}
    picked = [q for q in cell.questions if q in texts]
    wanted = set(cell.competencies)
    picked += [q.text for q in bank if wanted & set(q.competencies) and q.text not in picked]
    return picked[: max(0, limit)]
