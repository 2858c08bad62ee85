"""Resume: upload a file or paste bullets; each bullet with its findings marked in place, the
data-backed rewrite beside it to accept into your own copy, scores per role, exports."""

import hashlib
import json

import streamlit as st

from starkit.errors import StarkitError
from starkit.textio import MAX_FILE_BYTES
from starkit.ui import charts, loaders, widgets
from starkit.ui.highlight import escape, md_escape
from starkit.ui.state import PageState
from starkit.ui.views import (
    findings_by_rule,
    findings_frame,
    mean_score,
    report_markdown,
    resume_frame,
    role_summary,
    severity_order,
    split_suggestion,
)

S = PageState("resume", st.session_state)
TYPES = ["pdf", "docx", "tex", "md", "markdown", "json", "txt", "html", "htm"]
PASTED_ROLE = "Pasted bullets"
EXAMPLE = (
    "Helped with the launch of the new onboarding flow\n"
    "Grew newsletter subscribers by 40%\n"
    "Ran an A/B test on the pricing page that increased conversion from 2.1% to 2.6%\n"
    "Cut release cycle time from 3 weeks to 4 days by automating regression tests\n"
    "Responsible for various stakeholder updates"
)


def accept(i: int, rewrite: str) -> None:
    """Put a suggested rewrite into the editable copy of bullet `i`."""
    S.set("edit", i, value=rewrite)


def reset(i: int, original: str) -> None:
    S.set("edit", i, value=original)


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
        type=TYPES,
        key=S.key("upload"),
        help="PDF, Word (DOCX), LaTeX, Markdown, JSON Resume, HTML or plain text; up to "
        f"{MAX_FILE_BYTES // 1_000_000} MB.",
    )
with paste:
    pasted = st.text_area(
        "…or paste bullets, one a line",
        key=S.key("paste"),
        height=150,
        placeholder="Led the migration of checkout to the new payments API…",
    )

resume = None
source = b""
with widgets.plain_errors("read the resume"):
    if upload is not None:
        data = upload.getvalue()
        if len(data) > MAX_FILE_BYTES:
            raise StarkitError(
                f"{upload.name} is {len(data) / 1e6:.1f} MB, over the "
                f"{MAX_FILE_BYTES // 1_000_000} MB limit"
            )
        source = data
        resume = loaders.read_resume_cached(data, upload.name)
    elif pasted.strip():
        source = pasted.encode()
        resume = loaders.read_pasted_cached(pasted)

if resume is None:
    if upload is None and not pasted.strip():
        st.info(
            "Upload your resume or paste a few bullets to see what a panel would question. "
            "Findings appear beside each bullet, with a rewrite you can accept.",
            icon=":material/description:",
        )
        st.button("Try an example", key=S.key("example"), on_click=use_example)
    st.stop()

# Which lines to lint: the achievement bullets; pasted lines with no headings are all bullets.
bullets = [(b.text, b.role.name() if b.role else "", b.section) for b in resume.achievement_bullets]
warnings = list(resume.warnings)
if upload is None and not any(s.heading for s in resume.sections):
    bullets = [(line.strip(" \t-•*·"), PASTED_ROLE, "experience") for line in pasted.splitlines()]
    bullets = [b for b in bullets if b[0]]
    warnings = []
bullets = [(text, role or "Other", section) for text, role, section in bullets]
for warning in warnings:
    st.caption(md_escape(warning))
if not bullets:
    st.warning(
        "No bullets found to check. Make sure each achievement is its own line (a list item) "
        "under a heading such as Experience.",
        icon=":material/warning:",
    )
    st.stop()

doc = hashlib.sha1(source).hexdigest()
if S.get("doc") != doc:
    for k in [k for k in st.session_state if str(k).startswith(S.key("edit", ""))]:
        del st.session_state[k]
    S.set("doc", value=doc)

texts = tuple(text for text, _, _ in bullets)
try:
    loaders.warm_up()
    reports = loaders.lint_many_cached(texts, "bullet")
except StarkitError as exc:
    st.error(f"Could not check the resume: {md_escape(exc)}", icon=":material/error:")
    st.stop()
frame = resume_frame([r for _, r, _ in bullets], [s for _, _, s in bullets], reports)
findings = findings_frame(reports)

m1, m2, m3, m4 = st.columns(4)
m1.metric("Score", f"{mean_score(reports)}/100")
m2.metric("Bullets", len(reports))
m3.metric("With a number", f"{round(100 * frame['quantified'].mean())}%")
m4.metric("Findings", len(findings))

tab_bullets, tab_roles, tab_export = st.tabs(["Bullets", "By role", "Download"])

with tab_bullets:
    widgets.legend()
    show_all = st.toggle("Show bullets with no findings", key=S.key("show_all"))
    for i, ((text, role, _), report) in enumerate(zip(bullets, reports, strict=True)):
        edit_key = S.key("edit", i)
        S.setdefault("edit", i, value=text)
        if not report.findings and not show_all:
            continue
        with st.container(border=True, key=S.key("bullet", i)):
            st.caption(f"{md_escape(role)} · bullet {i + 1} · score {report.score}/100")
            left, right = st.columns(2, gap="medium")
            ordered = severity_order(report.findings)
            with left:
                widgets.highlighted(text, report.findings)
                if ordered:
                    widgets.html(
                        "".join(
                            f'<div class="sk-card sk-{f.severity.value}">'
                            f'<span class="sk-rule">{escape(f.rule)}</span>'
                            f'<div class="sk-msg">{escape(f.message)}</div></div>'
                            for f in ordered
                        )
                    )
            with right:
                seen: set[str] = set()
                for j, f in enumerate(ordered):
                    rewrite, note = split_suggestion(f.suggestion, text)
                    if rewrite is None:
                        widgets.html(
                            f'<div class="sk-fix"><b>Tip:</b> {escape(f.suggestion)}</div>'
                        )
                        continue
                    if rewrite in seen:
                        continue
                    seen.add(rewrite)
                    widgets.html(
                        f'<div class="sk-card sk-info"><div class="sk-msg">{escape(rewrite)}</div>'
                        f'<div class="sk-quote">{escape(note)}</div></div>'
                    )
                    st.button(
                        "Accept",
                        key=S.key("accept", i, j),
                        icon=":material/done:",
                        on_click=accept,
                        args=(i, rewrite),
                        help="Copy this rewrite into your version below; then fill the <…> slots.",
                    )
                st.text_area("Your version", key=edit_key, height=90)
                mine = S.get("edit", i, default=text)
                if mine.strip() and mine != text:
                    after = loaders.lint_cached(mine, "bullet")
                    st.caption(
                        f"Your version: score {after.score}/100, "
                        f"{len(after.findings)} finding{'s' if len(after.findings) != 1 else ''} "
                        "(fill the <…> slots with your real figures)."
                    )
                    st.button("Undo", key=S.key("reset", i), on_click=reset, args=(i, text))
    if not show_all and not len(findings):
        st.success("No findings: every bullet is measured and specific.", icon=":material/check:")

with tab_roles:
    summary = role_summary(frame)
    st.markdown("**Share of bullets with a measuring figure, per role**")
    st.dataframe(
        summary,
        hide_index=True,
        width="stretch",
        column_config={
            "quantified share": st.column_config.ProgressColumn(
                "quantified share", format="percent", min_value=0.0, max_value=1.0
            )
        },
    )
    counts = findings_by_rule(reports)
    if len(counts):
        st.markdown("**Findings by rule**")
        st.altair_chart(charts.findings_bar(counts), width="stretch")

with tab_export:
    improved = "\n".join(S.get("edit", i, default=text) for i, (text, _, _) in enumerate(bullets))
    table = findings.merge(
        frame[["bullet", "role"]].rename(columns={"bullet": "item"}), on="item", how="left"
    )
    as_json = json.dumps(
        [
            {"bullet": i + 1, "role": role, "section": section, "report": r.model_dump(mode="json")}
            for i, ((_, role, section), r) in enumerate(zip(bullets, reports, strict=True))
        ],
        indent=2,
    )
    name = upload.name.rsplit(".", 1)[0] if upload is not None else "resume"
    c1, c2, c3, c4 = st.columns(4)
    c1.download_button(
        "Improved bullets (TXT)",
        improved + "\n",
        file_name=f"{name}-improved.txt",
        mime="text/plain",
        key=S.key("dl_txt"),
        icon=":material/download:",
    )
    c2.download_button(
        "Report (CSV)",
        table.to_csv(index=False),
        file_name=f"{name}-starkit.csv",
        mime="text/csv",
        key=S.key("dl_csv"),
        icon=":material/download:",
    )
    c3.download_button(
        "Report (JSON)",
        as_json,
        file_name=f"{name}-starkit.json",
        mime="application/json",
        key=S.key("dl_json"),
        icon=":material/download:",
    )
    c4.download_button(
        "Report (Markdown)",
        report_markdown(frame, findings, name),
        file_name=f"{name}-starkit.md",
        mime="text/markdown",
        key=S.key("dl_md"),
        icon=":material/download:",
    )
