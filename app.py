"""The starkit web app: page routing and the shared sidebar. Pages live in `app_pages/`.

Run with `make app` (or `streamlit run app.py`). The app makes no network calls.
"""

from pathlib import Path

import streamlit as st

from starkit.errors import StarkitError
from starkit.ui import live, widgets
from starkit.ui.highlight import md_escape
from starkit.ui.loaders import get_bank
from starkit.ui.state import keep_widget_values

ICON = Path(__file__).resolve().parent / "starkit" / "ui" / "assets" / "icon.png"

# A local icon: a Material or emoji page icon makes the browser fetch it from a font CDN.
st.set_page_config(
    page_title="starkit: interview writing linter",
    page_icon=str(ICON),
    layout="wide",
    initial_sidebar_state="auto",  # open on a desktop, closed on a phone (it would cover the page)
)

PAGES = {
    "Write": [
        st.Page("app_pages/resume.py", title="Resume", icon=":material/description:", default=True),
        st.Page("app_pages/story_builder.py", title="Story builder", icon=":material/edit_note:"),
        st.Page("app_pages/email.py", title="Thank-you email", icon=":material/mail:"),
    ],
    "Prepare": [
        st.Page("app_pages/story_bank.py", title="Story bank", icon=":material/library_books:"),
        st.Page("app_pages/practice.py", title="Practice", icon=":material/timer:"),
        st.Page("app_pages/interviews.py", title="Interviews", icon=":material/event:"),
    ],
}

page = st.navigation(PAGES)
widgets.stylesheet()
keep_widget_values(st.session_state)

st.logo(str(ICON), size="large")
with st.sidebar:
    st.markdown("### starkit")
    st.caption(
        "Lints resume bullets, STAR stories, thank-you emails and metrics answers for PM and "
        "TPM interviews: "
        "claims with no numbers, vanity metrics, launches with no guardrail."
    )
    st.caption("Your text stays on this computer: starkit makes no network calls.")
    try:
        st.caption(f"Story bank: {md_escape(get_bank().location.display)}")
    except StarkitError as exc:
        st.caption(f"Story bank unavailable: {md_escape(exc)}")
    st.html(live.live_typing_script(), unsafe_allow_javascript=True)

page.run()
