"""Story bank: every saved story with its competencies and revisions, the coverage of the
question bank as a heatmap, the questions no story answers yet, and export."""

import pandas as pd
import streamlit as st

from starkit.errors import StarkitError
from starkit.resume.detect import UPLOAD_TYPES
from starkit.ui import charts, loaders, widgets
from starkit.ui.highlight import escape, md_escape
from starkit.ui.state import PageState
from starkit.ui.views import TagIndex, story_labels

S = PageState("bank", st.session_state)

st.title("Story bank")
st.caption(
    "The stories you saved from the Story builder, shared by every browser tab on this "
    "computer. Filter them by competency, look back at earlier revisions, and see which "
    "interview questions none of them answers yet."
)

try:
    bank = loaders.get_bank()
    stories = bank.list()
except StarkitError as exc:
    st.error(f"Could not open the story bank: {md_escape(exc)}", icon=":material/error:")
    st.stop()

if not stories:
    st.info(
        "No stories yet. Write one in the Story builder and press **Save story**; it will "
        "show up here.",
        icon=":material/library_books:",
    )
    st.page_link(
        "app_pages/story_builder.py", label="Open the Story builder", icon=":material/edit_note:"
    )
    st.stop()

names = loaders.competency_names()
labels = story_labels(stories)  # two stories with one title told apart by date (or id)
tags = TagIndex((t for s in stories for t in s.tags), names)  # 'Leadership' = 'leadership'
chosen = st.multiselect(
    "Show stories with any of these competencies",
    tags.options(),
    format_func=tags.label,
    key=S.key("filter"),
    placeholder="All competencies",
)
shown = [s for s in stories if not chosen or set(chosen) & set(tags.keys(s.tags))]
listed = [
    {
        "title": labels[s.id],
        "competencies": ", ".join(tags.label(k) for k in tags.keys(s.tags)),
        "words": len(s.text.split()),
        "revisions": s.revision,
        "updated": s.updated_at.strftime("%Y-%m-%d %H:%M"),
    }
    for s in shown
]
wide, narrow = widgets.wide_or_narrow("bank-table")
with wide:
    st.dataframe(
        pd.DataFrame(listed, columns=["title", "competencies", "words", "revisions", "updated"]),
        hide_index=True,
        width="stretch",
    )
with narrow:
    widgets.row_list(listed, "title")
st.caption(f"{len(shown)} of {len(stories)} stories shown.")

tab_story, tab_coverage, tab_figures, tab_export = st.tabs(
    ["Story and revisions", "Coverage", "Figures vs resume", "Export"]
)

with tab_story:
    if not shown:
        st.info("No story has these competencies; clear the filter to see them all.")
    else:
        by_id = {s.id: s for s in shown}
        sid = st.selectbox(
            "Story",
            list(by_id),
            format_func=lambda i: labels[i],
            key=S.key("selected"),
        )
        story = by_id[sid]
        widgets.html(
            f'<div class="sk-title">{escape(labels[story.id])}</div>'
            f'<div class="sk-text">{escape(story.text)}</div>'
        )
        if story.tags:
            shown_tags = ", ".join(tags.label(k) for k in tags.keys(story.tags))
            st.caption("Competencies: " + md_escape(shown_tags))
        told_in = bank.interviews(story_id=story.id)
        if told_in:
            st.markdown(f"**Told in** ({len(told_in)})")
            widgets.plain_list(f"{i.label} ({i.stage})" for i in told_in)
        else:
            st.caption("Not yet logged as told in an interview (log one on the Interviews page).")
        if st.button("Edit in the Story builder", key=S.key("edit"), icon=":material/edit:"):
            loaders.load_story_into_builder(
                st.session_state, story.id, story.title, story.text, story.tags
            )
            st.switch_page("app_pages/story_builder.py")
        history = bank.history(story.id)
        st.markdown(f"**Revisions** ({len(history)})")
        revisions = [
            {
                "revision": r.number,
                "saved": r.created_at.strftime("%Y-%m-%d %H:%M:%S"),
                "note": r.note,
                "title": r.title,
                "words": len(r.text.split()),
            }
            for r in reversed(history)
        ]
        wide, narrow = widgets.wide_or_narrow("bank-revisions")
        with wide:
            st.dataframe(pd.DataFrame(revisions), hide_index=True, width="stretch")
        with narrow:
            widgets.row_list(
                [{**r, "revision": f"Revision {r['revision']}"} for r in revisions], "revision"
            )
        if len(history) > 1:
            numbers = [r.number for r in reversed(history)]
            pick = st.selectbox(
                "Look at revision",
                numbers,
                key=S.key("revision", story.id),
                format_func=lambda n: f"Revision {n}",
            )
            old = next(r for r in history if r.number == pick)
            widgets.html(f'<div class="sk-text">{escape(old.text)}</div>')
            if pick != story.revision and st.button(
                f"Restore revision {pick}",
                key=S.key("restore", story.id),
                icon=":material/history:",
            ):
                try:
                    with loaders.BANK_LOCK:
                        bank.restore(story.id, pick)
                    st.rerun()
                except StarkitError as exc:
                    st.error(f"Could not restore: {md_escape(exc)}", icon=":material/error:")

with tab_coverage:
    cov = loaders.coverage_view(stories)
    if cov is None:
        st.info("The question bank is not available in this build.")
    else:
        matrix, uncovered = cov
        wide, narrow = widgets.wide_or_narrow("bank-coverage")
        with wide:
            st.markdown("**Which story answers which question** (darker: a better fit)")
            st.altair_chart(charts.coverage_heatmap(matrix), width="stretch")
        with narrow:  # a phone: a heatmap of 60 questions has no room; the answers as a list
            answered = charts.best_fits(matrix, exclude=uncovered)
            st.markdown(f"**Questions a story answers** ({len(answered)})")
            widgets.row_list(answered, "question")
        if uncovered:
            st.markdown(f"**Questions no story answers yet** ({len(uncovered)})")
            widgets.plain_list(uncovered)
        else:
            st.success("Every question in the bank has a story that answers it.")

with tab_figures:
    st.caption(
        "Do your stories give the same figures as your resume? Add the resume: starkit finds "
        "the same metric of the same work with different figures (rounding and other periods "
        "are fine)."
    )
    up_col, paste_col = st.columns(2, gap="large")
    with up_col:
        resume_file = st.file_uploader(
            "Upload your resume",
            type=list(UPLOAD_TYPES),
            key=S.key("resume_upload"),
        )
    with paste_col:
        resume_paste = st.text_area(
            "…or paste its bullets, one a line", key=S.key("resume_paste"), height=120
        )
    if resume_file is None and not resume_paste.strip():
        st.info("Add your resume to check its figures against your saved stories.")
    else:
        from starkit.crosscheck import resume_against_stories

        if resume_file is not None:
            source, rname, is_paste = resume_file.getvalue(), resume_file.name, False
        else:
            source, rname, is_paste = resume_paste.encode("utf-8"), "pasted resume", True
        try:
            report = loaders.resume_report(source, rname, is_paste)
            rows = resume_against_stories(
                rname,
                [item.text for item in report.items],
                [(labels[s.id], s.text) for s in stories],
            )
        except StarkitError as exc:
            st.error(f"Could not read the resume: {md_escape(exc)}", icon=":material/error:")
            rows = None
        if rows == []:
            st.success(
                f"The figures agree: no saved story contradicts {md_escape(rname)}.",
                icon=":material/check_circle:",
            )
        elif rows:
            st.warning(
                f"{len(rows)} figure{'s' if len(rows) != 1 else ''} disagree between the "
                "resume and your stories: use one figure in both places.",
                icon=":material/compare_arrows:",
            )
            wide, narrow = widgets.wide_or_narrow("bank-figures")
            with wide:
                st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
            with narrow:
                widgets.row_list(rows, "metric")

with tab_export:
    st.caption("Every story with every revision; the JSON file can be imported back.")
    widgets.downloads(
        [
            (
                "Download JSON",
                bank.export_json(),
                "starkit-stories.json",
                "application/json",
                S.key("export_json"),
            ),
            (
                "Download Markdown",
                bank.export_markdown(),
                "starkit-stories.md",
                "text/markdown",
                S.key("export_md"),
            ),
            (
                "Download CSV",
                bank.export_csv(),
                "starkit-stories.csv",
                "text/csv",
                S.key("export_csv"),
            ),
        ]
    )
