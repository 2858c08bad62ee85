"""Thank-you email: placeholders and missing metrics highlighted as you type, and one
quantified result from your own saved stories to reinforce."""

import streamlit as st

from starkit.errors import StarkitError
from starkit.ui import loaders, widgets
from starkit.ui.highlight import md_escape
from starkit.ui.state import PageState
from starkit.ui.views import count_words, severity_order, story_labels

WHOLE_TEXT = 0.8  # findings spanning more of the text than this are listed, not painted
S = PageState("email", st.session_state)

st.title("Thank-you email")
st.caption(
    "Paste the note you plan to send after an interview. starkit flags template slots left "
    "unfilled, a note with no result you own, and a note too long to read in a minute."
)
st.page_link(
    "app_pages/interviews.py",
    label="Or draft one from an interview you logged",
    icon=":material/event:",
)


@st.fragment
def workspace() -> None:
    """The email box and its findings. A fragment: typing re-runs only this part."""
    editor, feedback = st.columns([3, 2], gap="large")
    with editor:
        text = st.text_area(
            "Your email",
            key=S.key("text"),
            height=360,
            placeholder="Hi Priya,\n\nThank you for the conversation today about …",
        )

    with feedback:
        if not text.strip():
            st.info(
                "Paste your thank-you note on the left. Findings appear here as you type.",
                icon=":material/mail:",
            )
        else:
            report = None
            with widgets.plain_errors("check the email"):
                loaders.warm_up()
                report = loaders.lint_cached(text, "email")
            if report is not None:
                a, b = st.columns(2)
                a.metric("Score", f"{report.score}/100")
                b.metric("Words", count_words(text))
                ordered = severity_order(report.findings)
                widgets.annotated(report.text, ordered, max_share=WHOLE_TEXT)
                if not ordered:
                    st.success("No findings: ready to send.", icon=":material/check:")

    if text.strip() and report is not None:  # a note not judged (not English) gets none
        st.divider()
        st.subheader("A result to reinforce")
        try:
            stories = loaders.get_bank().list()
        except StarkitError as exc:
            stories = []
            st.warning(
                f"The story bank could not be read ({md_escape(exc)}).", icon=":material/warning:"
            )
        saved = tuple((s.title, s.text) for s in stories)
        if not saved:
            st.info(
                "Save your stories in the Story builder and starkit will suggest one quantified "
                "result from them to mention here.",
                icon=":material/library_books:",
            )
        else:
            pick = loaders.reinforcement(text, saved)
            if pick is None:
                st.info(
                    "None of your saved stories has a Result with a number yet. Add one in the "
                    "Story builder (for example the metric, from what to what).",
                    icon=":material/insights:",
                )
            else:
                # named as the pickers name it: one title twice is told apart
                labels = story_labels(stories)
                source = next(
                    (
                        labels[s.id]
                        for s in stories
                        if s.title == pick.title and pick.sentence in s.text
                    ),
                    pick.title,
                )
                st.caption("From your story: " + md_escape(source))
                st.code(pick.line, language=None, wrap_lines=True)
                st.caption("Copy it into the note, or make it yours; one result is enough.")


workspace()
