"""Story builder: write a STAR story in four fields or one box; findings, the spoken-time
estimate and likely follow-up questions update as you type; save it to the story bank."""

import streamlit as st

from starkit.errors import StarkitError
from starkit.models import SECTION_NAMES
from starkit.ui import loaders, widgets
from starkit.ui.highlight import md_escape, section_cards_html
from starkit.ui.state import PageState
from starkit.ui.views import (
    WORDS_PER_MINUTE,
    compose_story,
    fields_from_story,
    format_duration,
    severity_order,
    story_seconds,
    window_verdict,
)
from starkit.units import over_unit_limit

WHOLE_TEXT = 0.8  # findings spanning more of the text than this are listed, not painted
S = PageState("story", st.session_state)
FOUR, ONE = "Four fields", "One box"
HINTS = {
    "situation": "Where, when, and what was at stake. One or two sentences.",
    "task": "What you (not the team) had to achieve, and the constraint.",
    "action": "What you did, in the first person: the decisions, the trade-offs.",
    "result": "What changed, with numbers: the metric, from what to what, and what held.",
}


def correct_sections(fields: dict[str, str]) -> None:
    """Copy the segmenter's sections into the four fields so the user can fix them."""
    for name in SECTION_NAMES:
        S.set(name, value=fields.get(name, ""))
    S.set("mode", value=FOUR)


def new_story() -> None:
    """Forget the story being edited (the bank keeps what was saved)."""
    for name in (*SECTION_NAMES, "whole", "title", "tags", "id", "saved"):
        S.pop(name)
    S.set("mode", value=FOUR)


def add_tags(tags: list[str]) -> None:
    """Add suggested competencies to the story's tags."""
    current = list(S.get("tags", default=[]) or [])
    S.set("tags", value=current + [t for t in tags if t not in current])


def save(text: str) -> None:
    """Save the story as new, or as a new revision of the story loaded from the bank."""
    title = S.get("title", default="")
    tags = S.get("tags", default=[])
    bank = loaders.get_bank()
    try:
        with loaders.BANK_LOCK:
            story_id = S.get("id")
            if story_id:
                rev = bank.update(story_id, text, title=title, tags=tags)
                S.set("saved", value=f"Saved “{title.strip()}” as revision {rev.number}.")
            else:
                S.set("id", value=bank.add(title, text, tags))
                S.set("saved", value=f"Saved “{title.strip()}” to the story bank.")
        S.pop("save_error")
    except StarkitError as exc:
        S.set("save_error", value=str(exc))
        S.pop("saved")


S.setdefault("mode", value=FOUR)

st.title("Story builder")
st.caption(
    "Write one STAR story (Situation, Task, Action, Result). Findings, the spoken time and the "
    "follow-up questions a panel is likely to ask update as you type."
)


@st.fragment
def workspace() -> None:
    """Editor, findings and the save form. A fragment: a change to the story re-runs only
    this part (not the sidebar or the navigation), which keeps each answer quick."""
    editor, feedback = st.columns([3, 2], gap="large")

    with editor:
        mode = st.segmented_control(
            "Write it as", [FOUR, ONE], key=S.key("mode"), required=True, width="content"
        )
        if mode == ONE:
            whole = st.text_area(
                "Your whole story",
                key=S.key("whole"),
                height=320,
                placeholder="Paste or type the story as you would tell it; starkit finds the four "
                "sections and shows them back for you to correct.",
            )
            text = whole
            # Over the size limit the check is refused (its error shows beside the editor):
            # draw no split of a text starkit will not check.
            if whole.strip() and over_unit_limit(whole, "story") is None:
                story = loaders.parse_cached(whole)
                fields = fields_from_story(story)
                st.markdown("**How starkit split it**")
                widgets.html(section_cards_html(fields))
                st.button(
                    "Correct the sections",
                    key=S.key("correct"),
                    icon=":material/edit:",
                    on_click=correct_sections,
                    args=(fields,),
                    help="Copies the four sections into separate fields you can edit.",
                )
        else:
            for name in SECTION_NAMES:
                st.text_area(
                    name.capitalize(),
                    key=S.key(name),
                    height=110 if name != "action" else 170,
                    placeholder=HINTS[name],
                )
            text = compose_story({name: S.get(name, default="") for name in SECTION_NAMES})

    with feedback:
        if not text.strip():
            st.info(
                "Start with the Situation on the left, or switch to **One box** and paste a whole "
                "story. Findings appear here as you type.",
                icon=":material/edit_note:",
            )
        else:
            report = None
            with widgets.plain_errors("check the story"):
                loaders.warm_up()
                report = loaders.lint_cached(text, "story")
            if report is not None:
                seconds = story_seconds(report)
                # Sized to their figures and wrapping as a row: three equal columns cut
                # "65/100" and "1 min 13 s" to "65/…" in this narrow column.
                with st.container(horizontal=True, gap="medium"):
                    st.metric("Score", f"{report.score}/100", width="content")
                    st.metric("Spoken", format_duration(seconds), width="content")
                    st.metric("Findings", len(report.findings), width="content")
                st.caption(f"At {WORDS_PER_MINUTE} words a minute: {window_verdict(seconds)}.")
                ordered = severity_order(report.findings)
                widgets.annotated(report.text, ordered, max_share=WHOLE_TEXT)
                if not ordered:
                    st.success(
                        "No findings: this story is ready to practise.", icon=":material/check:"
                    )
                questions = loaders.followups_cached(text)
                if questions:
                    st.markdown("**Follow-ups a panel is likely to ask**")
                    widgets.plain_list(questions)

    st.divider()
    st.subheader("Save to the story bank")
    left, right = st.columns([2, 3])
    with left:
        st.text_input("Title", key=S.key("title"), placeholder="e.g. Checkout latency launch")
    with right:
        names = loaders.competency_names()
        suggested = loaders.suggested_competencies(text)
        current = list(S.get("tags", default=[]) or [])
        st.multiselect(
            "Competencies",
            list(dict.fromkeys([*current, *suggested, *names])),
            key=S.key("tags"),
            format_func=lambda c: names.get(c, c),
            accept_new_options=True,
            placeholder="Pick or type the competencies this story shows",
        )
        missing = [c for c in suggested if c not in current]
        if missing:
            st.button(
                "Add suggested: " + ", ".join(names.get(c, c) for c in missing[:4]),
                key=S.key("add_suggested"),
                icon=":material/add:",
                on_click=add_tags,
                args=(missing,),
            )
    b1, b2, _ = st.columns([1, 1, 3])
    b1.button(
        "Save revision" if S.get("id") else "Save story",
        key=S.key("save"),
        type="primary",
        icon=":material/save:",
        disabled=not text.strip(),
        on_click=save,
        args=(text,),
    )
    b2.button("Start a new story", key=S.key("new"), on_click=new_story)
    if S.get("saved"):
        st.success(md_escape(S.get("saved")), icon=":material/check_circle:")
    if S.get("save_error"):
        st.error(f"Not saved: {md_escape(S.get('save_error'))}", icon=":material/error:")


workspace()
