"""Practice: a random interview question (or one no story covers yet), the best story for
it, and a visible countdown with the 2-to-4-minute window."""

import random
import time

import streamlit as st

from starkit.errors import StarkitError
from starkit.ui import loaders, widgets
from starkit.ui.highlight import escape, md_escape
from starkit.ui.state import PageState
from starkit.ui.views import countdown, format_duration

S = PageState("practice", st.session_state)
ANY, UNCOVERED = "Any question", "One no story answers yet"


def new_question(pool: list[str]) -> None:
    """Draw a question different from the current one and reset the timer."""
    current = S.get("question")
    choices = [q for q in pool if q != current] or pool
    S.set("question", value=random.choice(choices))
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
    "Answer out loud. A spoken STAR answer should land between 2 and 4 minutes; the countdown "
    "shows where you are."
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

source = st.segmented_control(
    "Ask me", [ANY, UNCOVERED], key=S.key("source"), required=True, default=ANY
)
pool = questions
if source == UNCOVERED:
    cov = loaders.coverage_view(stories)
    pool = cov[1] if cov else questions
    if not pool:
        st.success("Every question in the bank has a story that answers it.")
        pool = questions

if S.get("question") not in pool:
    new_question(pool)

question = S.get("question")
widgets.html(f'<div class="sk-question">{escape(question)}</div>')
st.button(
    "Another question",
    key=S.key("next"),
    icon=":material/shuffle:",
    on_click=new_question,
    args=(pool,),
)

left, right = st.columns([2, 3], gap="large")
with right:
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
        st.caption(md_escape(best.title))
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
