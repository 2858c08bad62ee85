"""Interviews: every interview logged, by company with its stage; a form to log one; its
debrief (the candidate's self-review beside what starkit checks from the stories told) and the
thank-you email drafted from it, linted as you edit it, copied in one click or downloaded as
`.eml`. Nothing is sent. The log lives in the story bank's database."""

import pandas as pd
import streamlit as st

from starkit.bank.records import STAGES
from starkit.errors import StarkitError
from starkit.interviews import compose_thank_you, debrief, load_draft_lexicon, to_eml
from starkit.ui import loaders, widgets
from starkit.ui.highlight import md_escape
from starkit.ui.state import PageState
from starkit.ui.views import count_words, severity_order, story_labels

WHOLE_TEXT = 0.8  # email findings spanning more of the text than this are listed, not painted
S = PageState("interviews", st.session_state)

st.title("Interviews")
st.caption(
    "Log each interview: who you met, what they asked and which of your stories you told. "
    "starkit checks the stories against the questions, keeps your debrief, and drafts the "
    "thank-you note from what was said. Nothing is sent; it all stays in your story bank."
)

try:
    bank = loaders.get_bank()
    stories = bank.list()
    logged = bank.interviews()
except StarkitError as exc:
    st.error(f"Could not open the story bank: {md_escape(exc)}", icon=":material/error:")
    st.stop()

story_by_id = {s.id: s for s in bank.list(include_deleted=True)}
story_label = story_labels(story_by_id.values())  # one title twice: told apart by date or id
bank_questions = loaders.practice_questions()


def log_form() -> None:
    """The form that logs one interview."""
    with st.form(S.key("log"), clear_on_submit=True, enter_to_submit=False):
        a, b = st.columns(2)
        company = a.text_input("Company", key=S.key("company"), placeholder="Acme")
        role = b.text_input("Role", key=S.key("role"), placeholder="Senior TPM, Platform")
        c, d, e = st.columns(3)
        day = c.date_input("Date", value=None, key=S.key("date"), format="YYYY-MM-DD")
        rnd = d.text_input("Round", key=S.key("round"), placeholder="Onsite: execution")
        stage = e.selectbox("Stage", STAGES, index=1, key=S.key("stage"))
        interviewers = st.text_input(
            "Interviewers (comma-separated)", key=S.key("interviewers"), placeholder="Priya Raman"
        )
        asked = st.multiselect(
            "Questions asked, from the question bank", bank_questions, key=S.key("asked")
        )
        other = st.text_area("Other questions asked (one a line)", key=S.key("other"), height=90)
        told = st.multiselect(
            "Stories you told",
            [s.id for s in stories],
            format_func=lambda i: story_label[i],
            key=S.key("told"),
            placeholder="Stories from your bank",
        )
        topic = st.text_input(
            "One topic you discussed",
            key=S.key("topic"),
            placeholder="their migration to a new billing platform",
        )
        notes = st.text_area("Notes", key=S.key("notes"), height=90)
        if st.form_submit_button("Log interview", icon=":material/add:"):
            try:
                with loaders.BANK_LOCK:
                    made = bank.add_interview(
                        company,
                        role=role,
                        date=day,
                        round=rnd,
                        stage=stage,
                        interviewers=interviewers,
                        questions=[*asked, *other.splitlines()],
                        story_ids=told,
                        topic=topic,
                        notes=notes,
                    )
                S.set("selected", value=made.id)
                S.set("flash", value=f"Logged: {made.label}")
                st.rerun()
            except StarkitError as exc:
                st.error(f"Could not log the interview: {md_escape(exc)}", icon=":material/error:")


flash = S.pop("flash")
if flash:
    st.success(md_escape(flash), icon=":material/check:")

with st.expander("Log an interview", expanded=not logged, icon=":material/add_circle:"):
    log_form()

if not logged:
    st.info(
        "No interviews logged yet. Log one above after each round; its debrief and thank-you "
        "note appear here.",
        icon=":material/event:",
    )
    st.stop()

st.subheader("By company")
companies = [
    {
        "company": i.company,
        "role": i.role,
        "round": i.round,
        "date": i.date.isoformat() if i.date else "",
        "stage": i.stage,
        "stories told": len(i.story_ids),
    }
    for i in logged
]
wide, narrow = widgets.wide_or_narrow("interviews-companies")
with wide:
    st.dataframe(
        pd.DataFrame(
            companies, columns=["company", "role", "round", "date", "stage", "stories told"]
        ),
        hide_index=True,
        width="stretch",
    )
with narrow:
    widgets.row_list(companies, "company")

by_id = {i.id: i for i in logged}
if S.get("selected") not in by_id:
    S.set("selected", value=logged[0].id)
iid = st.selectbox(
    "Interview", list(by_id), format_func=lambda i: by_id[i].label, key=S.key("selected")
)
interview = by_id[iid]
told = [story_by_id[s] for s in interview.story_ids if s in story_by_id]

# One page, top to bottom, in the order of the work after an interview: what happened, the
# debrief, the note. (Tabs would hide the draft behind a click and can fall back to the first
# tab when the page redraws.)
with st.container(border=True, key=S.key("log-view")):
    st.markdown(f"**{md_escape(interview.label)}**")
    rows = [
        ("Interviewers", ", ".join(interview.interviewers)),
        ("Topic", interview.topic),
        ("Stories told", "; ".join(story_label[s.id] for s in told)),
    ]
    for name, value in rows:
        if value:
            st.text(f"{name}: {value}")
    if interview.questions:
        st.markdown("**Questions asked**")
        widgets.plain_list(interview.questions)
    if interview.notes:
        st.markdown("**Notes**")
        st.text(interview.notes)
    a, b = st.columns([2, 1])
    new_stage = a.selectbox(
        "Stage",
        STAGES,
        index=STAGES.index(interview.stage),
        key=S.key("stage", iid),
        help="applied, screen, onsite, offer; or declined / rejected when it ended",
    )
    if new_stage != interview.stage:
        with loaders.BANK_LOCK:
            bank.update_interview(iid, stage=new_stage)
        st.rerun()
    with b.popover("Delete this interview", icon=":material/delete:"):
        st.caption("The log, its debrief and its email go for good; your stories stay.")
        if st.button("Delete for good", key=S.key("delete", iid), type="primary"):
            with loaders.BANK_LOCK:
                bank.delete_interview(iid)
            S.pop("selected")
            st.rerun()

st.subheader("Debrief")
with st.container(key=S.key("debrief-view")):
    lex = load_draft_lexicon()
    mine, checked = st.columns(2, gap="large")
    with mine:
        st.markdown("**Your self-review**")
        answers = {}
        for q in lex.self_review:
            key = S.key("review", iid, q.id)
            S.setdefault("review", iid, q.id, value=interview.self_review.get(q.id, ""))
            answers[q.id] = st.text_area(q.question, key=key, height=80)
        S.setdefault("followups", iid, value="\n".join(interview.followups))
        own = st.text_area(
            "Your follow-ups to prepare (one a line)", key=S.key("followups", iid), height=80
        )
        if st.button("Save debrief", key=S.key("save_review", iid), icon=":material/save:"):
            try:
                with loaders.BANK_LOCK:
                    bank.update_interview(
                        iid,
                        self_review={k: v for k, v in answers.items() if v.strip()},
                        followups=own.splitlines(),
                    )
                st.success("Debrief saved.", icon=":material/check:")
            except StarkitError as exc:
                st.error(f"Could not save: {md_escape(exc)}", icon=":material/error:")
    with checked:
        st.markdown("**What starkit checks from the stories you told**")
        result = None
        with widgets.plain_errors("check the stories told"):
            loaders.warm_up()
            with loaders.LINT_LOCK:
                result = debrief(interview, told)
        if result is not None:
            if result.stories:
                told = [
                    {
                        "story": story_label.get(c.id, c.title),
                        "result quantified": c.quantified,
                        "metric families": ", ".join(c.families),
                    }
                    for c in result.stories
                ]
                wide, narrow = widgets.wide_or_narrow("interview-told")
                with wide:
                    st.dataframe(pd.DataFrame(told), hide_index=True, width="stretch")
                with narrow:  # a phone: one story a row, no column cut at the edge
                    widgets.row_list(told, "story")
                covered = ", ".join(result.families_covered) or "none"
                st.text(f"Metric families covered: {covered}")
            else:
                st.info("No story from your bank is logged as told in this interview.")
            if result.missing_story_ids:
                st.text(
                    f"{len(result.missing_story_ids)} story told is no longer in the bank "
                    "(purged); it cannot be checked."
                )
            if result.questions:
                # a list, not a table: a question is a sentence, and half the page cut it
                st.markdown("**Questions asked, and the story that fits each**")
                widgets.plain_list(
                    f"“{q.question}”: "
                    + (", ".join(q.competencies) or "no competency read")
                    + "; fitting story: "
                    + (story_label.get(q.story_id or "", "") or q.story_title or "none")
                    for q in result.questions
                )
            if result.uncovered_competencies:
                st.text("Without a fitting story: " + ", ".join(result.uncovered_competencies))
            st.markdown("**Follow-ups to prepare**")
            if result.followups:
                widgets.plain_list(result.followups)
            else:
                st.text("None: every question asked had a fitting, quantified story.")


@st.fragment
def email_box() -> None:
    """The drafted email: edited and linted live, copied or downloaded. A fragment: typing
    re-runs only this part."""
    current = bank.get_interview(iid)
    if current.email is None:
        st.info(
            "Draft a thank-you note from this log: it names your interviewer, the company and "
            "role, a topic you discussed and one measured result from a story you told.",
            icon=":material/mail:",
        )
        # a callback: it runs before the page redraws, so no extra rerun is needed
        st.button(
            "Draft email",
            key=S.key("draft", iid),
            icon=":material/edit:",
            on_click=save_draft,
            args=(iid,),
        )
        return
    S.setdefault("email", iid, value=current.email)
    editor, feedback = st.columns([3, 2], gap="large")
    with editor:
        text = st.text_area("Your email", key=S.key("email", iid), height=300)
        a, b = st.columns(2)
        if a.button("Save changes", key=S.key("save_email", iid), icon=":material/save:"):
            if text.strip():
                with loaders.BANK_LOCK:
                    bank.update_interview(iid, email=text)
                st.success("Email saved.", icon=":material/check:")
        b.button(
            "Draft again from the log",
            key=S.key("redraft", iid),
            icon=":material/refresh:",
            on_click=save_draft,
            args=(iid,),
        )
    with feedback:
        if text.strip():
            report = None
            with widgets.plain_errors("check the email"):
                loaders.warm_up()
                report = loaders.lint_cached(text, "email")
            if report is not None:
                m1, m2 = st.columns(2)
                m1.metric("Score", f"{report.score}/100")
                m2.metric("Words", count_words(text))
                ordered = severity_order(report.findings)
                widgets.annotated(report.text, ordered, max_share=WHOLE_TEXT)
                if not ordered:
                    st.success("No findings: ready to send.", icon=":material/check:")
    if text.strip():
        st.caption("Copy it with the button at the top right of the box, or download it.")
        st.code(text, language=None, wrap_lines=True)
        st.download_button(
            "Download .eml",
            to_eml(text, current),
            file_name=f"thank-you-{iid[:8]}.eml",
            mime="message/rfc822",
            key=S.key("eml", iid),
            icon=":material/download:",
        )


def save_draft(interview_id: str) -> None:
    """Draft the email from the log and keep it with the interview."""
    current = bank.get_interview(interview_id)
    told_now = [story_by_id[s] for s in current.story_ids if s in story_by_id]
    with widgets.plain_errors("draft the email"):
        loaders.warm_up()
        with loaders.LINT_LOCK:
            made = compose_thank_you(current, told_now)
        with loaders.BANK_LOCK:
            bank.update_interview(interview_id, email=made.text)
        S.pop("email", interview_id)  # the box shows the stored draft on the next run


st.subheader("Thank-you email")
email_box()
