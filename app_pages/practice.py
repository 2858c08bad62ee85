"""Practice: a behavioural or a metrics question, answered by typing (the rubric live, one
follow-up from what is missing) or by recording (only the length is measured: no audio leaves
the machine and nothing is transcribed), with a visible countdown for the 2-to-4-minute window.
Every attempt is saved in the story bank's database; progress is charted below."""

import random
import time

import streamlit as st

from starkit.answer import followup_for
from starkit.answer.practice import (
    NO_VALUE,
    RECENT_ATTEMPTS,
    drill_questions,
    length_verdict,
    log_frame,
    progress_frame,
    recording_findings,
    report_findings,
    wav_seconds,
    weakest,
)
from starkit.answer.questions import relevant_parts
from starkit.errors import StarkitError
from starkit.models import Report
from starkit.ui import loaders, widgets
from starkit.ui.highlight import escape, md_escape
from starkit.ui.rubric import LOG_ALIGN, LOG_WIDTHS, progress_chart, rubric_html
from starkit.ui.state import PageState
from starkit.ui.views import countdown, format_duration, severity_order, story_labels

S = PageState("practice", st.session_state)
ANY, UNCOVERED = "Any question", "One no story answers yet"
BEHAVIOURAL, METRICS = "Behavioural", "Metrics"
ANY_TYPE = "Any type"
TYPES = ["success", "diagnosis", "program", "tradeoff"]
TYPE, RECORD = "Type it", "Record it"


def new_question(pool: list[str], slot: str = "question") -> None:
    """Draw a question different from the current one and reset the timer."""
    current = S.get(slot)
    choices = [q for q in pool if q != current] or pool
    S.set(slot, value=random.choice(choices))
    S.pop("started")
    S.pop("stopped")


def drill(question: str, metrics: bool) -> None:
    """Switch to a question (metrics or behavioural) that drills the weakest rubric cell."""
    if metrics:
        S.set("kind", value=METRICS)
        S.set("mtype", value=ANY_TYPE)
        S.set("mquestion", value=question)
    else:
        S.set("kind", value=BEHAVIOURAL)
        S.set("source", value=ANY)
        S.set("question", value=question)
    S.pop("started")
    S.pop("stopped")


def start() -> None:
    S.set("started", value=time.monotonic())
    S.pop("stopped")


def stop() -> None:
    if S.get("started") is not None:
        S.set("stopped", value=time.monotonic())


st.title("Practice")
st.caption(
    "Pick a behavioural or a metrics question and answer it: type it for a live rubric, or "
    "record yourself (only the length is measured; no audio leaves this computer). A spoken "
    "answer should land between 2 and 4 minutes."
)

questions = loaders.practice_questions()
try:
    stories = loaders.get_bank().list()
except StarkitError as exc:
    stories = []
    st.warning(f"The story bank could not be read ({md_escape(exc)}).", icon=":material/warning:")

if not questions:
    st.info("The question bank is not available in this build.", icon=":material/quiz:")
    st.stop()

# Defaults go into session state, not `default=`: the app re-assigns these kept widgets'
# values every run (`keep_widget_values`), and Streamlit warns when a widget has both.
S.setdefault("kind", value=BEHAVIOURAL)
kind = st.segmented_control(
    "Question kind", [BEHAVIOURAL, METRICS], key=S.key("kind"), required=True
)
metric_qs = {q.text: q for q in loaders.metric_questions()}
if kind == METRICS:
    S.setdefault("mtype", value=ANY_TYPE)
    mtype = st.segmented_control(
        "Question type", [ANY_TYPE, *TYPES], key=S.key("mtype"), required=True
    )
    pool = [t for t, q in metric_qs.items() if mtype == ANY_TYPE or q.type == mtype]
    slot = "mquestion"
else:
    S.setdefault("source", value=ANY)
    source = st.segmented_control("Ask me", [ANY, UNCOVERED], key=S.key("source"), required=True)
    pool = questions
    if source == UNCOVERED:
        cov = loaders.coverage_view(stories)
        pool = cov[1] if cov else questions
        if not pool:
            st.success("Every question in the bank has a story that answers it.")
            pool = questions
    slot = "question"

if S.get(slot) not in pool:
    new_question(pool, slot)

question = S.get(slot)
widgets.html(f'<div class="sk-question">{escape(question)}</div>')
st.button(
    "Another question",
    key=S.key("mnext" if kind == METRICS else "next"),
    icon=":material/shuffle:",
    on_click=new_question,
    args=(pool, slot),
)

left, right = st.columns([2, 3], gap="large")
with right:
    if kind == METRICS:
        mq = metric_qs[question]
        st.markdown(f"**A {mq.type} question** ({md_escape(mq.area)})")
        st.caption(
            "Restate the goal, name one primary metric and what drives it, say what must not "
            "get worse, and give the result that would make you ship or roll back."
        )
    else:
        st.markdown("**Your best story for it**")
        best = loaders.best_story(question, stories)
        if not stories:
            st.info(
                "Save stories in the Story builder and starkit will pick the one that fits.",
                icon=":material/library_books:",
            )
        elif best is None:
            st.info(
                "None of your saved stories answers this one yet: a good one to write next.",
                icon=":material/edit_note:",
            )
        else:
            st.caption(md_escape(story_labels(stories).get(best.id, best.title)))
            widgets.html(f'<div class="sk-text">{escape(best.text)}</div>')


def timer() -> None:
    """The countdown. While it runs it is a fragment redrawn every second, the rest of the
    page staying put; stopped, it is drawn once."""
    started = S.get("started")
    stopped = S.get("stopped")
    elapsed = 0.0 if started is None else (stopped or time.monotonic()) - started
    left_s, phase, advice = countdown(elapsed)
    st.metric("Time left in the window", format_duration(left_s), help="4 minutes in all")
    st.progress(min(1.0, elapsed / 240), text=f"Spoken so far: {format_duration(round(elapsed))}")
    widgets.html(
        '<div class="sk-window"><span class="sk-w-early">0–2 min: too short</span>'
        '<span class="sk-w-in">2–4 min: the window</span>'
        '<span class="sk-w-over">4 min+: too long</span></div>'
    )
    if started is None:
        st.caption("Press Start when you begin to speak.")
    elif phase == "window":
        st.success(advice, icon=":material/check_circle:")
    elif phase == "over":
        st.error(advice, icon=":material/timer_off:")
    else:
        st.info(advice, icon=":material/timer:")


with left:
    running = S.get("started") is not None and S.get("stopped") is None
    st.fragment(timer, run_every=1 if running else None)()
    b1, b2 = st.columns(2)
    b1.button(
        "Start", key=S.key("start"), type="primary", icon=":material/play_arrow:", on_click=start
    )
    b2.button("Stop", key=S.key("stop"), icon=":material/stop:", on_click=stop)


# ----------------------------------------------------------------------------- the answer


def save_attempt(**fields: object) -> None:
    """Keep the attempt in the bank; report a failure in one line."""
    try:
        with loaders.BANK_LOCK:
            loaders.get_bank().add_attempt(question, **fields)  # type: ignore[arg-type]
    except StarkitError as exc:
        S.set("saved_error", value=str(exc))
        return
    S.set("saved", value=question)


def question_fields() -> dict[str, object]:
    if kind == METRICS:
        mq = metric_qs[question]
        return {
            "kind": "answer",
            "question_type": mq.type,
            "competency": mq.competencies[0] if mq.competencies else "",
        }
    competency = loaders.question_competency(question)
    return {"kind": "story", "question_type": "", "competency": competency}


def show_report(report: Report, text: str) -> None:
    """Score, rubric card (metrics), one follow-up, the finding cards and the save button."""
    a, b = st.columns(2)
    a.metric("Score", f"{report.score}/100")
    spoken = report.units[0].details.get("spoken_time", "") if report.units else ""
    b.metric("Spoken", spoken)
    ordered = severity_order(report.findings)
    if kind == METRICS and report.units:
        details = report.units[0].details
        widgets.html(rubric_html(details, relevant_parts(details["question_type"])))
        follow = followup_for(f.rule for f in ordered)
        follow_text = follow.question if follow else None
    else:
        follows = loaders.followups_cached(text)
        follow_text = follows[0] if follows else None
    if follow_text:
        st.markdown("**The panel's next question**")
        widgets.html(f'<div class="sk-followup">{escape(follow_text)}</div>')
    st.button(
        "Save this attempt",
        key=S.key("save"),
        type="primary",
        icon=":material/save:",
        on_click=save_attempt,
        kwargs={
            **question_fields(),
            "text": text,
            "score": report.score,
            "findings": report_findings(report),
        },
    )
    widgets.finding_cards(ordered, report.text)
    if not ordered:
        st.success("No findings: a complete answer.", icon=":material/check:")


st.divider()
st.subheader("Your answer")
S.setdefault("mode", value=TYPE)
mode = st.segmented_control("Answer by", [TYPE, RECORD], key=S.key("mode"), required=True)
answer_key = "answer-metrics" if kind == METRICS else "answer-behavioural"
if mode == TYPE:
    write, judge = st.columns([1, 1], gap="large")
    with write:
        text = st.text_area(
            "Type your answer",
            key=S.key(answer_key),
            height=360,
            placeholder="The goal of this feature is … My primary metric would be …"
            if kind == METRICS
            else "Situation: … Task: … Action: I … Result: …",
        )
    with judge:
        if not text.strip():
            st.info("Type your answer: the rubric and a follow-up appear as you write.")
        else:
            report = None
            with widgets.plain_errors("check the answer"):
                loaders.warm_up()
                if kind == METRICS:
                    report = loaders.lint_answer_cached(text, question)
                else:
                    report = loaders.lint_cached(text, "story")
            if report is not None:
                show_report(report, text)
else:
    st.caption(
        "Recorded in your browser and measured here: starkit reads only the recording's "
        "length. Nothing is uploaded anywhere and nothing is transcribed."
    )
    audio = st.audio_input("Record your answer", key=S.key("audio"))
    if audio is not None:
        seconds = None
        with widgets.plain_errors("measure the recording"):
            seconds = wav_seconds(audio.getvalue())
        if seconds is not None:
            side, advice = length_verdict(seconds)
            if side == "window":
                st.success(advice, icon=":material/check_circle:")
            else:
                st.warning(advice, icon=":material/timer:")
            st.button(
                "Save this attempt",
                key=S.key("save-audio"),
                type="primary",
                icon=":material/save:",
                on_click=save_attempt,
                kwargs={
                    **question_fields(),
                    "audio_seconds": seconds,
                    "findings": recording_findings(seconds),
                },
            )

if S.get("saved_error"):
    st.error(f"The attempt was not saved: {md_escape(S.pop('saved_error'))}")
elif S.get("saved") == question:
    st.success("Attempt saved. It is in your log below.", icon=":material/check:")

# ----------------------------------------------------------------------------- progress

st.divider()
st.subheader("Your progress")
try:
    attempts = loaders.get_bank().attempts()
except StarkitError as exc:
    attempts = []
    st.warning(f"The attempt log could not be read ({md_escape(exc)}).", icon=":material/warning:")
if not attempts:
    st.info("No attempts yet: save one above and your scores will be charted here.")
else:
    frame = progress_frame(attempts)
    if not frame.empty:
        st.altair_chart(progress_chart(frame), width="stretch")
    cell = weakest(attempts)
    if cell is not None:
        where = "metrics" if cell.kind == "answer" else "behavioural"
        st.markdown(
            f"**Your weakest rubric cell:** `{cell.code}` ({where} answers), in {cell.count} of "
            f"your last {min(len(attempts), RECENT_ATTEMPTS)} attempts."
        )
        drills = drill_questions(cell, loaders.question_bank())
        if drills:
            st.caption("Questions that drill it:")
            for k, text in enumerate(drills):
                st.button(
                    text,
                    key=S.key("drill", k),
                    icon=":material/fitness_center:",
                    on_click=drill,
                    args=(text, cell.kind == "answer"),
                )
    st.markdown("**Attempt log**")
    log = log_frame(attempts)
    wide, narrow = widgets.wide_or_narrow("practice-log")
    with wide:
        st.dataframe(
            log,
            hide_index=True,
            width="stretch",
            column_config={
                c: st.column_config.Column(width=w, alignment=LOG_ALIGN.get(c))
                for c, w in LOG_WIDTHS.items()
            },
        )
    with narrow:  # a phone: one attempt a row, the question first, nothing cut
        records = log.to_dict("records")
        widgets.row_list(
            [{k: v for k, v in r.items() if v != NO_VALUE} for r in records], "question"
        )
