"""Render linted text as HTML with each finding's span marked, escaping every user string.

User text is hostile until escaped: a story may contain `<script>` or `<img onerror=...>`.
Every character of user text (and every finding message, which may quote it) goes through
`html.escape` before it is wrapped in markup, so the result can be handed to `st.html` and
shows as inert text. Overlapping findings are split into segments so that marks never nest
and each segment carries the most severe of the findings that cover it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from starkit.models import Finding, Severity

SEVERITY_COLOURS: dict[str, tuple[str, str]] = {
    "error": ("#FDE2E1", "#C0392B"),
    "warning": ("#FFF1C2", "#B7791F"),
    "info": ("#E1EEFB", "#2F5D8A"),
}
"""Background and underline colour for each severity."""

SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Info"}

NARROW_PX = 640
"""Up to this viewport width a page is laid out for a phone (Streamlit's own breakpoint)."""

STYLE = (
    "<style>"
    ".sk-text{white-space:pre-wrap;line-height:1.7;font-size:1rem;"
    "overflow-wrap:anywhere;margin:0 0 .25rem 0}"
    ".sk-text mark{padding:.05em 0;color:inherit}"
    + "".join(
        f".sk-text mark.sk-{sev}{{background:{bg};border-bottom:2px solid {line}}}"
        for sev, (bg, line) in SEVERITY_COLOURS.items()
    )
    + ".sk-legend{font-size:.8rem;color:#52606D}"
    ".sk-legend mark{padding:0 .3em;border-radius:3px;margin-right:.6em;color:inherit}"
    + "".join(
        f".sk-legend mark.sk-{sev}{{background:{bg};border-bottom:2px solid {line}}}"
        for sev, (bg, line) in SEVERITY_COLOURS.items()
    )
    + ".sk-card{border:1px solid #E4E7EB;border-left-width:4px;border-radius:6px;"
    "padding:.5rem .75rem;margin:.35rem 0;background:#FFFFFF;overflow-wrap:anywhere}"
    + "".join(
        f".sk-card.sk-{sev}{{border-left-color:{line}}}"
        f".sk-badge.sk-{sev}{{background:{bg};color:{line}}}"
        for sev, (bg, line) in SEVERITY_COLOURS.items()
    )
    + ".sk-badge{font-size:.72rem;font-weight:600;text-transform:uppercase;"
    "letter-spacing:.03em;padding:.05rem .4rem;border-radius:4px;margin-right:.4rem}"
    ".sk-rule{font-family:ui-monospace,monospace;font-size:.8rem;color:#52606D}"
    ".sk-msg{margin:.25rem 0}"
    ".sk-quote{color:#52606D;font-size:.9rem}"
    ".sk-fix{margin-top:.25rem;font-size:.92rem}"
    ".sk-fix b{color:#2F5D8A}"
    ".sk-list{margin:.2rem 0 .2rem 1.1rem;padding:0}"
    ".sk-list li{margin:.15rem 0}"
    ".sk-title{font-size:1.15rem;font-weight:600;margin:.25rem 0 .4rem 0}"
    ".sk-question{font-size:1.35rem;font-weight:600;line-height:1.4;margin:.5rem 0 .75rem 0}"
    ".sk-window{display:flex;font-size:.75rem;margin:.2rem 0 .6rem 0}"
    ".sk-window span{flex:1;padding:.15rem .4rem;text-align:center}"
    ".sk-w-early{background:#E1EEFB;color:#2F5D8A;flex:2!important}"
    ".sk-w-in{background:#DFF3E4;color:#1E7B3A;flex:2!important}"
    ".sk-w-over{background:#FDE2E1;color:#C0392B;flex:1!important}"
    ".sk-rows{margin:.2rem 0}"
    ".sk-row{border-top:1px solid #E4E7EB;padding:.45rem 0;overflow-wrap:anywhere}"
    ".sk-row-head{font-weight:600}"
    ".sk-row-meta{font-size:.85rem;color:#52606D}"
    # A phone (Streamlit stacks columns under 640 px) gets the list form of a wide table or
    # chart; a wider screen gets the table or chart (`widgets.wide_or_narrow`).
    f"@media (max-width:{NARROW_PX}px){{[class*=st-key-sk-wide-]{{display:none!important}}}}"
    f"@media (min-width:{NARROW_PX + 1}px){{[class*=st-key-sk-narrow-]{{display:none!important}}}}"
    "</style>"
)


def escape(text: object) -> str:
    """Escape any value for HTML text or a quoted attribute (quotes included)."""
    return html.escape(str(text), quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: object) -> str:
    """Backslash-escape Markdown syntax so a string shows literally in `st.error` and friends
    (no links, images or HTML can be formed from it)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same set of findings (none for plain text)."""

    start: int
    end: int
    findings: tuple[Finding, ...]

    @property
    def severity(self) -> str | None:
        """The colour of the segment: the innermost (narrowest) covering finding's severity,
        the more severe on a tie; None for plain text.

        Innermost wins so that a finding about one phrase stays visible inside a finding about
        the whole bullet.
        """
        if not self.findings:
            return None
        top = min(self.findings, key=lambda f: (f.end - f.start, -Severity(f.severity).rank))
        return Severity(top.severity).value


def segments(text: str, findings: Iterable[Finding]) -> list[Segment]:
    """Split `text` at every finding boundary. Spans are clipped to the text; zero-width spans
    (a finding about something absent, like a missing section) mark nothing."""
    n = len(text)
    spans = []
    for f in findings:
        start, end = max(0, min(f.start, n)), max(0, min(f.end, n))
        if end > start:
            spans.append((start, end, f))
    cuts = sorted({0, n, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        if b <= a:
            continue
        covering = tuple(f for s, e, f in spans if s <= a and b <= e)
        if out and out[-1].findings == covering:
            out[-1] = Segment(out[-1].start, b, covering)
        else:
            out.append(Segment(a, b, covering))
    return out


def _tooltip(findings: Sequence[Finding]) -> str:
    ordered = sorted(findings, key=lambda f: -Severity(f.severity).rank)
    return "\n".join(f"{f.rule}: {f.message}" for f in ordered)


def highlight_html(
    text: str, findings: Iterable[Finding], *, offset: int = 0, max_share: float = 1.0
) -> str:
    """The text as one escaped `<div>`, each finding's span in a severity-coloured `<mark>`.

    `offset` is subtracted from finding offsets, for showing one unit of a longer report.
    Findings whose span covers more than `max_share` of the text are not marked: in a story or
    an email, a finding about the whole text would paint everything and hide the precise ones
    (it still shows as a card).
    """
    shifted = [
        f.model_copy(update={"start": max(0, f.start - offset), "end": max(0, f.end - offset)})
        for f in findings
    ]
    size = len(text.strip()) or 1
    shifted = [f for f in shifted if (f.end - f.start) / size <= max_share]
    parts = []
    for seg in segments(text, shifted):
        chunk = escape(text[seg.start : seg.end])
        sev = seg.severity
        if sev is None:
            parts.append(chunk)
        else:
            rules = " ".join(sorted({f.rule for f in seg.findings}))
            parts.append(
                f'<mark class="sk-{sev}" data-rules="{escape(rules)}" '
                f'title="{escape(_tooltip(seg.findings))}">{chunk}</mark>'
            )
    return f'<div class="sk-text">{"".join(parts)}</div>'


def finding_card_html(finding: Finding, text: str = "", *, offset: int = 0) -> str:
    """One finding as a card: severity, rule code, message, the flagged words and the fix.

    `text` is the linted text (or one unit of it, starting at `offset`) to quote the span from.
    """
    sev = Severity(finding.severity).value
    quote = ""
    if text:
        start = max(0, finding.start - offset)
        span = text[start : max(start, finding.end - offset)].strip()
        if span and len(span) < len(text.strip()):
            short = span if len(span) <= 120 else span[:117] + "…"
            quote = f'<div class="sk-quote">“{escape(short)}”</div>'
    fix = (
        f'<div class="sk-fix"><b>Try:</b> {escape(finding.suggestion)}</div>'
        if finding.suggestion
        else ""
    )
    return (
        f'<div class="sk-card sk-{sev}" data-rule="{escape(finding.rule)}">'
        f'<span class="sk-badge sk-{sev}">{escape(SEVERITY_LABELS[sev])}</span>'
        f'<span class="sk-rule">{escape(finding.rule)}</span>'
        f'<div class="sk-msg">{escape(finding.message)}</div>{quote}{fix}</div>'
    )


def section_cards_html(sections: Mapping[str, str]) -> str:
    """Each section of a story as a card headed by its name ('(not found)' when empty); a long
    unbroken run wraps inside its card (the stylesheet's `.sk-card`)."""
    return "".join(
        f'<div class="sk-card sk-info"><span class="sk-rule">{escape(name.upper())}</span>'
        f'<div class="sk-msg">{escape(body or "(not found)")}</div></div>'
        for name, body in sections.items()
    )


def list_html(items: Iterable[object]) -> str:
    """An escaped bullet list (for questions and other strings that may quote user text)."""
    lis = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f'<ul class="sk-list">{lis}</ul>'


def rows_html(rows: Iterable[Mapping[str, object]], head: str, *, skip: Iterable[str] = ()) -> str:
    """Table rows as an escaped list for a narrow screen: each row's `head` field in bold, its
    other non-empty fields (but `skip`) on one line below as 'name: value' pairs."""
    left_out = {head, *skip}
    items = []
    for row in rows:
        meta = " · ".join(
            f"{escape(k)}: {escape(v)}" for k, v in row.items() if k not in left_out and str(v)
        )
        items.append(
            f'<div class="sk-row"><div class="sk-row-head">{escape(row.get(head, ""))}</div>'
            f'<div class="sk-row-meta">{meta}</div></div>'
        )
    return f'<div class="sk-rows">{"".join(items)}</div>'


def legend_html() -> str:
    """A one-line key to the severity colours."""
    items = "".join(
        f'<mark class="sk-{sev}">{label}</mark>' for sev, label in SEVERITY_LABELS.items()
    )
    return f'<div class="sk-legend">{items}</div>'
