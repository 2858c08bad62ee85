"""Resume: upload a file or paste bullets; each bullet with its findings marked in place, the
data-backed rewrite beside it to accept into your own copy, scores per role, exports."""

import hashlib

import streamlit as st

from starkit.errors import StarkitError
from starkit.resume.detect import SUPPORTED, UPLOAD_TYPES
from starkit.textio import MAX_FILE_BYTES
from starkit.ui import charts, loaders, widgets
from starkit.ui.highlight import escape, highlight_html, md_escape
from starkit.ui.state import PageState
from starkit.ui.views import (
    carry_edits,
    counts_frame,
    filtered_note,
    improved_text,
    mark_options,
    merge_rewrite,
    reading_rows,
    rewrite_and_note,
    role_rows,
    role_table,
    role_table_note,
    rule_choices,
    severity_order,
    shown_note,
    version_note,
    with_rules,
)

S = PageState("resume", st.session_state)
EXAMPLE = (
    "Helped with the launch of the new onboarding flow\n"
    "Grew newsletter subscribers by 40%\n"
    "Ran an A/B test on the pricing page that increased conversion from 2.1% to 2.6%\n"
    "Cut release cycle time from 3 weeks to 4 days by automating regression tests\n"
    "Responsible for various stakeholder updates"
)


def accept(i: int, original: str, rewrite: str) -> None:
    """Put a suggested rewrite into the editable copy of item `i`, on top of what the copy
    already holds (an earlier accepted rewrite or the user's own edit)."""
    merged, placed = merge_rewrite(original, S.get("edit", i, default=original), rewrite)
    S.set("edit", i, value=merged)
    S.set("merge_note", i, value=not placed)


def reset(i: int, original: str) -> None:
    S.set("edit", i, value=original)
    S.pop("merge_note", i)


def use_example() -> None:
    S.set("paste", value=EXAMPLE)


st.title("Resume")
st.markdown(
    "**starkit reads your resume the way a product or program panel does.** It marks claims "
    "with no number, vanity metrics with no causal metric beside them, and launches or "
    "experiments with no guardrail, and it shows a rewrite built from your own words. "
    "Nothing leaves this computer."
)

up, paste = st.columns(2, gap="large")
with up:
    upload = st.file_uploader(
        "Upload your resume",
        type=list(UPLOAD_TYPES),
        key=S.key("upload"),
        help=f"{SUPPORTED}; up to {MAX_FILE_BYTES // 1_000_000} MB.",
    )
with paste:
    pasted = st.text_area(
        "…or paste bullets, one a line",
        key=S.key("paste"),
        height=150,
        placeholder="Led the migration of checkout to the new payments API…",
    )

if upload is None and not pasted.strip():
    st.info(
        "Upload your resume or paste a few bullets to see what a panel would question. "
        "Findings appear beside each bullet, with a rewrite you can accept.",
        icon=":material/description:",
    )
    st.button("Try an example", key=S.key("example"), on_click=use_example)
    st.stop()

if upload is not None:
    source, name, is_paste = upload.getvalue(), upload.name, False
else:
    source, name, is_paste = pasted.encode("utf-8"), "pasted text", True
doc = hashlib.sha1(source).hexdigest()
MARK_KEY = S.key("mark", doc[:12])
marked = tuple(sorted(st.session_state.get(MARK_KEY, [])))
try:
    if len(source) > MAX_FILE_BYTES:
        raise StarkitError(
            f"{name} is {len(source) / 1e6:.1f} MB, over the {MAX_FILE_BYTES // 1_000_000} MB limit"
        )
    loaders.warm_up()
    report = loaders.resume_report(source, name, is_paste, marked)
except StarkitError as exc:
    st.error(f"Could not read the resume: {md_escape(exc)}", icon=":material/error:")
    st.stop()

for warning in report.resume.warnings:
    st.caption(md_escape(warning))


def reading_panel() -> None:
    """What starkit read, per section: a table and a way to mark sections as experience,
    always there (collapsed) so the reading of a clean resume can be checked too, and open
    under the message when the reading looks wrong or is not scored (resume-no-achievements:
    no achievement found, words run together, mostly template text, not English)."""
    from starkit.resume.diagnose import diagnose

    d = diagnose(report.resume)
    unscored = d.template or d.run_together or d.foreign
    lead = "Not scored" if unscored else "starkit could not find your achievements"
    for f in report.document_findings:
        st.error(f"{lead}: {md_escape(f.message)}", icon=":material/report:")
        st.caption(md_escape(f.suggestion))
    rows = reading_rows(d)
    with st.expander("What starkit read", expanded=bool(report.document_findings)):
        wide, narrow = widgets.wide_or_narrow("resume-reading")
        with wide:
            st.dataframe(rows, hide_index=True, width="stretch")
        with narrow:  # a phone: one section a row, nothing to scroll sideways
            widgets.row_list(rows, "section")
        labels = mark_options(d)
        st.multiselect(
            "Mark a section as experience",
            options=list(labels),
            format_func=lambda i: labels.get(i, str(i)),
            key=MARK_KEY,
            help="Its lines are then linted as achievement bullets.",
        )


reading_panel()

# The items shown: every achievement bullet, and any other line that has a finding.
items = [i for i in report.items if (i.kind == "bullet" and i.achievement) or i.findings]
if not items:
    st.warning(
        "No bullets found to check. Make sure each achievement is its own line (a list item) "
        "under a heading such as Experience.",
        icon=":material/warning:",
    )
    st.stop()

if S.get("doc") != doc:
    # A new or changed text: each edited version follows its bullet when the bullet's own
    # text did not change (one more line pasted must not undo the user's work).
    old = S.get("originals", default={})
    kept = carry_edits(old, {i: S.get("edit", i) for i in old}, {i.index: i.text for i in items})
    for k in [k for k in st.session_state if str(k).startswith(S.key("edit", ""))]:
        del st.session_state[k]
    for k in [k for k in st.session_state if str(k).startswith(S.key("merge_note", ""))]:
        del st.session_state[k]
    for i, mine in kept.items():
        S.set("edit", i, value=mine)
    S.set("originals", value={i.index: i.text for i in items})
    S.set("doc", value=doc)

roles = {r.index: r.name() for r in report.resume.roles}
share = report.quantified_share
m1, m2, m3, m4 = st.columns(4)
if report.score is None:  # the reason, in a few words, under 'n/a' (the message above says more)
    m1.metric("Score", "n/a", delta=report.score_note(), delta_color="off", delta_arrow="off")
else:
    m1.metric(
        "Score",
        f"{report.score}/100",
        help="The mean score of the achievement bullets (and of any other line with a finding).",
    )
m2.metric(
    "Achievement bullets",
    report.achievement_bullets,
    help="Bullets under Experience, Projects, Volunteering or Leadership: each is asked for a "
    "number. The other lines (contact, skills, education, role headers) are checked only for "
    "placeholders and vague words.",
)
m3.metric(
    "With a number",
    "–" if share is None else f"{round(100 * share)}%",
    help="The share of achievement bullets that carry a measuring figure. A line that claims "
    "no work (a job title, an employer described) is asked for no number and counts in no share.",
)
m4.metric(
    "Findings",
    len(report.findings) + len(report.document_findings),
    help=f"On all {len(report.items)} lines judged, achievement bullets and other lines.",
)
if (no_claim := report.no_claim_note()) is not None:
    st.caption(md_escape(f"Of the achievement bullets, {no_claim}."))


@st.fragment
def results() -> None:
    """Bullets, roles and downloads. A fragment: accepting or editing a rewrite re-runs only
    this part of the page, not the reading of the file."""
    tab_bullets, tab_roles, tab_export = st.tabs(["Lines", "By role", "Download"])

    with tab_bullets:
        widgets.legend()
        choices = rule_choices(items)
        chosen = st.multiselect(
            "Only lines with",
            choices,
            key=S.key("rule_filter"),
            placeholder="every rule",
            help="Show only the lines with a finding of these rules (most frequent first).",
        )
        if len(chosen) == len(choices):
            chosen = []  # 'Select all' narrows nothing: the toggle stays
        show_all = not chosen and st.toggle("Show bullets with no findings", key=S.key("show_all"))
        shown = with_rules(items, chosen)
        st.caption(
            md_escape(
                filtered_note(len(shown), chosen, len(report.items))
                if chosen
                else shown_note(items, len(report.items), show_all)
            )
        )
        for item in shown:
            i, text = item.index, item.text
            S.setdefault("edit", i, value=text)
            if not item.findings and not show_all:
                continue
            where = roles.get(item.role) if item.role is not None else None
            label = where or item.section.capitalize()
            with st.container(border=True, key=S.key("item", i)):
                src = item.source
                at = f"page {src.page}, line {src.line}" if src.page else f"line {src.line}"
                scored = (
                    "not judged (not English)"
                    if item.not_judged
                    else f"score {item.score}/100"
                    + ("" if item.claims_work else " · claims no work: asked for no number")
                )
                st.caption(f"{md_escape(label)} · {at} · {scored}")
                left, right = st.columns(2, gap="medium")
                ordered = severity_order(item.findings)
                with left:
                    widgets.html(
                        highlight_html(text, ordered)
                        + "".join(
                            f'<div class="sk-card sk-{f.severity.value}">'
                            f'<span class="sk-rule">{escape(f.rule)}</span>'
                            f'<div class="sk-msg">{escape(f.message)}</div></div>'
                            for f in ordered
                        )
                    )
                with right:
                    seen: set[str] = set()
                    for j, f in enumerate(ordered):
                        rewrite, note = rewrite_and_note(f)
                        if rewrite is None:
                            widgets.html(
                                f'<div class="sk-fix"><b>Tip:</b> {escape(f.suggestion)}</div>'
                            )
                            continue
                        if rewrite in seen:
                            continue
                        seen.add(rewrite)
                        widgets.html(
                            f'<div class="sk-card sk-info"><div class="sk-msg">{escape(rewrite)}'
                            f'</div><div class="sk-quote">{escape(note)}</div></div>'
                        )
                        st.button(
                            "Accept",
                            key=S.key("accept", i, j),
                            icon=":material/done:",
                            on_click=accept,
                            args=(i, text, rewrite),
                            help="Copy this rewrite into your version below; then fill the <…> "
                            "slots with your real figures.",
                        )
                    st.text_area("Your version", key=S.key("edit", i), height=90)
                    if S.get("merge_note", i):
                        st.caption(
                            "Part of that rewrite changes words you already changed; it was "
                            "left out: copy it by hand if you want it."
                        )
                    mine = S.get("edit", i, default=text)
                    if mine.strip() and mine != text:
                        try:
                            after = loaders.lint_cached(mine, "bullet")
                        except StarkitError as exc:  # not English: said, never scored
                            st.caption(md_escape(f"Your version: {exc}"))
                        else:
                            st.caption(md_escape(version_note(after)))
                        st.button("Undo", key=S.key("reset", i), on_click=reset, args=(i, text))
        if not report.findings and not report.document_findings:
            st.success(
                "No findings: every bullet is measured and specific.", icon=":material/check:"
            )

    with tab_roles:
        table = role_table(report, no_role="Bullets outside a role")
        st.markdown("**Share of bullets with a measuring figure, per role**")
        wide, narrow = widgets.wide_or_narrow("resume-roles")
        with wide:
            st.dataframe(
                table,
                hide_index=True,
                width="stretch",
                column_config={
                    "quantified share": st.column_config.ProgressColumn(
                        "quantified share", format="percent", min_value=0.0, max_value=1.0
                    )
                },
            )
        with narrow:  # a phone: one role a row, nothing to scroll sideways
            widgets.row_list(role_rows(table), "role")
        if note := role_table_note(report):
            st.caption(note)
        if report.counts_by_rule:
            severities = {f.rule: f.severity.value for f in report.all_findings()}
            st.markdown("**Findings by rule**")
            st.altair_chart(
                charts.findings_bar(counts_frame(report.counts_by_rule, severities)),
                width="stretch",
            )

    with tab_export:
        stem = name.rsplit(".", 1)[0] if upload is not None else "resume"
        edits = {i.index: S.get("edit", i.index, default=i.text) for i in items}
        bullets = [i for i in report.items if i.kind == "bullet"]
        improved = improved_text(
            [b.text for b in bullets],
            dict(enumerate(edits.get(b.index, b.text) for b in bullets)),
        )
        widgets.downloads(
            [
                (
                    "Improved bullets (TXT)",
                    improved,
                    f"{stem}-improved.txt",
                    "text/plain",
                    S.key("dl_txt"),
                ),
                (
                    "Report (CSV)",
                    report.to_csv(),
                    f"{stem}-starkit.csv",
                    "text/csv",
                    S.key("dl_csv"),
                ),
                (
                    "Report (JSON)",
                    report.to_json(),
                    f"{stem}-starkit.json",
                    "application/json",
                    S.key("dl_json"),
                ),
                (
                    "Report (Markdown)",
                    report.to_markdown(),
                    f"{stem}-starkit.md",
                    "text/markdown",
                    S.key("dl_md"),
                ),
            ]
        )


results()
