"""The resume report: lint every bullet and line of a `Resume`, then sum it up per role and
for the document.

What is linted how comes from `lexicons/resume/policy.toml`: bullets in achievement sections
(experience, projects, volunteering, leadership) get every bullet rule; every other bullet or
line (contact, summary, skills, education, role headers, other) keeps only the rules that
apply everywhere (`unfilled-placeholder`, `vague-language`), so no skills or education line is
asked for a number.  Linting goes through `starkit.engine.lint_many` in one batch.

Exports: `to_dataframe()` (pandas; one row a bullet, plus a row for any other line that has a
finding, told apart by `kind`), `to_csv()` (the same rows), `to_json()` (everything) and
`to_markdown()` (a readable summary).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from starkit.models import Finding
from starkit.resume.diagnose import template_line
from starkit.resume.lexicon import policy, verb_forms
from starkit.resume.model import Resume, ResumeBullet, ResumeLine, Role, SectionKind, Source
from starkit.scoring import text_score, unit_score

if TYPE_CHECKING:
    import pandas as pd

    from starkit.config import Config

ItemKind = Literal["bullet", "line"]


class LocatedFinding(BaseModel):
    """A finding on one bullet or line, with its position in the original file."""

    model_config = ConfigDict(extra="forbid")

    item: int = Field(ge=0, description="index into ResumeReport.items")
    source: Source
    finding: Finding
    end: Source | None = Field(
        default=None,
        description="the file position just after the finding's last character (markup the "
        "reader stripped inside the span counted)",
    )


class ItemResult(BaseModel):
    """One linted bullet or line: its findings (offsets into `text`) and what it measures."""

    model_config = ConfigDict(extra="forbid")

    index: int = Field(ge=0)
    kind: ItemKind
    text: str
    section: SectionKind
    achievement: bool
    role: int | None = Field(default=None, description="index into Resume.roles")
    source: Source
    findings: list[Finding]
    quantities: list[str]
    words: int
    score: int = Field(ge=0, le=100)
    not_judged: str | None = Field(
        default=None,
        description="why the line was not judged (not English): it has no finding, and its "
        "score and figures count in no total",
    )
    claims_work: bool = Field(
        default=True,
        description="False when the line claims no work (a job title, an employer described, "
        "an aim): no rule asks it for a number, and it counts in no share of bullets",
    )

    @property
    def quantified(self) -> bool:
        """True when the text carries a measuring quantity."""
        return bool(self.quantities)


class RoleSummary(BaseModel):
    """Per role: how many achievement bullets, and the share that carry a measuring quantity."""

    model_config = ConfigDict(extra="forbid")

    role: Role
    bullets: int
    quantified: int
    quantified_share: float | None
    over_limit: bool = Field(description="more bullets than policy.max_role_bullets")


class ResumeReport(BaseModel):
    """Findings per bullet, stats per role and for the whole resume."""

    model_config = ConfigDict(extra="forbid")

    resume: Resume
    items: list[ItemResult]
    findings: list[LocatedFinding]
    roles: list[RoleSummary]
    achievement_bullets: int
    quantified_share: float | None = Field(
        description="share of the achievement bullets that claim work which carry a measuring "
        "quantity"
    )
    no_claim: list[int] = Field(
        default_factory=list,
        description="items (indexes) that are achievement bullets claiming no work (a title, an "
        "employer described): counted as read, asked for no number, in no share",
    )
    repeated_lead_verbs: dict[str, int] = Field(
        description="opening verbs used more than policy.max_lead_verb_uses times"
    )
    long_bullets: list[int] = Field(
        description="items (indexes) that are achievement bullets over policy.max_bullet_words"
    )
    crowded_roles: list[int] = Field(description="roles (indexes) over policy.max_role_bullets")
    counts_by_rule: dict[str, int]
    score: int | None = Field(
        ge=0,
        le=100,
        description="0-100; None when a document finding says the reading looks wrong: no "
        "score is given for a file starkit could not read",
    )
    document_findings: list[Finding] = Field(
        default_factory=list,
        description="findings on the whole document (resume-no-achievements: the reading "
        "found no achievement bullet, or looks wrong)",
    )

    def all_findings(self) -> list[Finding]:
        """Document findings first, then every finding on a bullet or line."""
        return [*self.document_findings, *(lf.finding for lf in self.findings)]

    def score_note(self) -> str | None:
        """Why no score is given, in a few words ('mostly template text', 'words run
        together', 'check what was read'); None when there is a score."""
        if self.score is not None:
            return None
        from starkit.resume.diagnose import diagnose

        return diagnose(self.resume).headline()

    def no_claim_note(self) -> str | None:
        """What the count of achievement bullets holds that the share leaves out: '2 claim no
        work, e.g. 'Account Executive': asked for no number, in no share'; None when every one
        claims work."""
        if not self.no_claim:
            return None
        first = self.items[self.no_claim[0]].text
        n = len(self.no_claim)
        return (
            f"{n} claim{'s' if n == 1 else ''} no work, e.g. '{_short(first, 40)}': "
            "asked for no number, in no share"
        )

    # -- exports ---------------------------------------------------------------------------

    def rows(self) -> list[dict[str, object]]:
        """One dict a bullet, plus one for any other line with a finding (document order)."""
        roles = {r.index: r for r in self.resume.roles}
        limit = policy().max_bullet_words
        out = []
        for item in self.items:
            if item.kind != "bullet" and not item.findings:
                continue
            role = roles.get(item.role) if item.role is not None else None
            sev = Counter(f.severity.value for f in item.findings)
            out.append(
                {
                    "index": item.index,
                    "kind": item.kind,
                    "page": item.source.page,
                    "line": item.source.line,
                    "col": item.source.col,
                    "section": item.section,
                    "achievement": item.achievement,
                    "organisation": role.organisation if role else None,
                    "title": role.title if role else None,
                    "dates": role.dates if role else None,
                    "text": item.text,
                    "words": item.words,
                    "long": item.achievement and item.words > limit,
                    "quantified": item.quantified,
                    "quantities": "; ".join(item.quantities),
                    "score": item.score,
                    "errors": sev.get("error", 0),
                    "warnings": sev.get("warning", 0),
                    "infos": sev.get("info", 0),
                    "rules": "; ".join(f.rule for f in item.findings),
                    "messages": " | ".join(f.message for f in item.findings),
                    "suggestions": " | ".join(f.suggestion for f in item.findings),
                }
            )
        return out

    def to_dataframe(self) -> pd.DataFrame:
        """A pandas DataFrame of `rows()` (one row a bullet)."""
        import pandas as pd

        columns = [
            "index", "kind", "page", "line", "col", "section", "achievement", "organisation",
            "title", "dates", "text", "words", "long", "quantified", "quantities", "score",
            "errors", "warnings", "infos", "rules", "messages", "suggestions",
        ]  # fmt: skip
        return pd.DataFrame(self.rows(), columns=columns)

    def to_csv(self) -> str:
        """`to_dataframe()` as CSV text."""
        buf = io.StringIO()
        self.to_dataframe().to_csv(buf, index=False)
        return buf.getvalue()

    def to_json(self, indent: int | None = 2) -> str:
        """The whole report (resume structure, items, findings, stats) as JSON."""
        return self.model_dump_json(indent=indent)

    def to_markdown(self) -> str:
        """A readable report: the summary, the roles, the flags, then each flagged item."""
        r = self.resume
        share = _pct(self.quantified_share)
        out = [
            f"# Resume report: {_md(r.name)}",
            "",
            f"- Format: {r.format}" + (f", {r.pages} page(s)" if r.pages else ""),
            f"- Achievement bullets: {self.achievement_bullets}; carrying a number: {share}"
            + (f"; {_md(note)}" if (note := self.no_claim_note()) else ""),
            "- Score: "
            + (f"n/a ({self.score_note()})" if self.score is None else f"{self.score}/100"),
            f"- Findings: {len(self.findings) + len(self.document_findings)}"
            + (
                " (" + ", ".join(f"{k} {v}" for k, v in sorted(self.counts_by_rule.items())) + ")"
                if self.counts_by_rule
                else ""
            ),
            "",
        ]
        for f in self.document_findings:
            out += [f"> **{f.severity.value}** `{f.rule}`: {_md(f.message)}", ""]
            out += [f"> {_md(f.suggestion)}", ""]
        if self.roles:
            out += ["## Roles", "", "| Role | Section | Dates | Bullets | With a number |"]
            out.append("|---|---|---|---:|---:|")
            for s in self.roles:
                out.append(
                    f"| {_md(s.role.name())} | {s.role.section} | {_md(s.role.dates or '')} "
                    f"| {s.bullets} | {_pct(s.quantified_share)} |"
                )
            out.append("")
        flags = []
        limits = policy()
        for verb, n in sorted(self.repeated_lead_verbs.items(), key=lambda kv: (-kv[1], kv[0])):
            flags.append(f"- Lead verb **{_md(verb)}** opens {n} bullets")
        for i in self.long_bullets:
            item = self.items[i]
            flags.append(
                f"- {item.words}-word bullet (over {limits.max_bullet_words}) at "
                f"{item.source.label()}: {_md(_short(item.text))}"
            )
        for ri in self.crowded_roles:
            s = next(x for x in self.roles if x.role.index == ri)
            flags.append(
                f"- {_md(s.role.name())} has {s.bullets} bullets (over {limits.max_role_bullets})"
            )
        if flags:
            out += ["## Flags", "", *flags, ""]
        flagged = [i for i in self.items if i.findings]
        if flagged:
            out += ["## Findings", ""]
            for item in flagged:
                out.append(f"### {item.source.label()} ({item.section}) {_md(_short(item.text))}")
                out.append("")
                for f in item.findings:
                    out.append(f"- **{f.severity.value}** `{f.rule}`: {_md(f.message)}")
                    if f.suggestion:
                        out.append(f"  - Try: {_md(f.suggestion)}")
                out.append("")
        return "\n".join(out).rstrip() + "\n"


def _md(text: str) -> str:
    """Text safe inside Markdown (tables, emphasis, HTML): escaped, one line."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]#|~])", r"\\\1", text)


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{round(share * 100)}%"


def lead_verb(text: str) -> str | None:
    """The opening verb of a bullet, lowercased ('Led' -> 'led'); None when it opens with
    something else."""
    m = re.match(r"[^\w]*([A-Za-z][A-Za-z-]*)", text)
    if not m:
        return None
    word = m.group(1).lower()
    return word if word in verb_forms() or word.endswith("ed") else None


def _units(resume: Resume) -> list[tuple[ItemKind, ResumeBullet | ResumeLine]]:
    """Every linted unit in document order: bullets and non-heading lines."""
    units: list[tuple[int, ItemKind, ResumeBullet | ResumeLine]] = [
        (b.order, "bullet", b) for b in resume.bullets
    ]
    units += [(ln.order, "line", ln) for ln in resume.lines if ln.kind != "heading"]
    return [(kind, u) for _, kind, u in sorted(units, key=lambda t: t[0])]


def _end_position(unit: ResumeBullet | ResumeLine, start: int, end: int) -> Source | None:
    """The file position just after character `end - 1` of a unit's text: its last
    character's column plus one, so markup stripped inside the span ('**ship**') counts.
    None when the reader keeps no character map (only where each item starts)."""
    if not unit.segments:
        return None
    if end <= start:
        return unit.position(start)
    last = unit.position(end - 1)
    return last.model_copy(update={"col": last.col + 1})


def lint_resume(resume: Resume, *, config: Config | None = None) -> ResumeReport:
    """Lint a resume with the section policy and build its report."""
    from starkit.engine import lint_many

    pol = policy()
    units = _units(resume)
    reports = lint_many([u.text for _, u in units], "bullet", config=config) if units else []
    items: list[ItemResult] = []
    located: list[LocatedFinding] = []
    for (kind, unit), rep in zip(units, reports, strict=True):
        achievement = kind == "bullet" and unit.section in pol.achievement_sections
        findings = [f for f in rep.findings if achievement or f.rule in pol.everywhere_rules]
        template = template_line(unit.text)
        if template:  # a sample line or lorem ipsum: no rewrite of its words, no measure in it
            findings = [f for f in findings if f.rule == "unfilled-placeholder"]
        uni = rep.units[0] if rep.units else None
        item = ItemResult(
            index=len(items),
            kind=kind,
            text=unit.text,
            section=unit.section,
            achievement=achievement,
            role=unit.role.index if unit.role else None,
            source=unit.source,
            findings=findings,
            quantities=list(uni.quantities) if uni and not template else [],
            words=uni.words if uni else len(unit.text.split()),
            score=unit_score(f.severity for f in findings),
            not_judged=rep.not_judged,
            claims_work=uni.details.get("claims_work", True) if uni else True,
        )
        items.append(item)
        for f in findings:
            located.append(
                LocatedFinding(
                    item=item.index,
                    source=unit.position(f.start),
                    finding=f,
                    end=_end_position(unit, f.start, f.end),
                )
            )
    foreign = [u.text for (_, u), rep in zip(units, reports, strict=True) if rep.not_judged]
    note = _foreign_note(foreign) if foreign else None
    if note is not None and note not in resume.warnings:  # linted again: said once
        # a line in another language inside an English resume: said, never a silent 100
        resume = resume.model_copy(update={"warnings": [*resume.warnings, note]})
    report = _summarise(resume, items, located)
    document = document_findings(resume, config=config)
    if document:
        counts = Counter(report.counts_by_rule)
        counts.update(f.rule for f in document)
        report = report.model_copy(
            update={
                "document_findings": document,
                "counts_by_rule": dict(sorted(counts.items())),
                "score": None,
            }
        )
    return report


def _foreign_note(texts: list[str]) -> str:
    """The read-back note for lines starkit did not judge because they are not English."""
    first = texts[0] if len(texts[0]) <= 40 else texts[0][:39].rstrip() + "…"
    n = len(texts)
    return (
        f"{n} line{'s' if n != 1 else ''} not judged (not English: starkit judges English "
        f"text only), e.g. '{first}'"
    )


def document_findings(resume: Resume, *, config: Config | None = None) -> list[Finding]:
    """The document-level rules (`starkit.rules.document`) judged on the resume as read."""
    from starkit.config import DEFAULT
    from starkit.rules import load_rules
    from starkit.rules.document import DOCUMENT_CHECKS

    config = config or DEFAULT
    out = []
    for code, spec in load_rules().items():
        if code not in DOCUMENT_CHECKS or code in config.disable or "resume" not in spec.kinds:
            continue
        for hit in DOCUMENT_CHECKS[code](resume):
            out.append(
                Finding(
                    rule=code,
                    severity=config.severity.get(code, spec.severity),
                    message=spec.format(hit.fields),
                    start=0,
                    end=0,
                    suggestion=hit.suggestion or spec.instead,
                )
            )
    return out


def _summarise(
    resume: Resume, items: list[ItemResult], located: list[LocatedFinding]
) -> ResumeReport:
    pol = policy()
    read = [i for i in items if i.achievement]
    judged_read = [i for i in read if i.not_judged is None]  # a line not in English: nowhere
    bullets = [i for i in judged_read if i.claims_work]  # a title or an employer described:
    # read, but asked for no number, so it lowers no share and crowds no role
    per_role: dict[int, list[ItemResult]] = {}
    for i in bullets:
        if i.role is not None:
            per_role.setdefault(i.role, []).append(i)
    roles = []
    for role in resume.roles:
        mine = per_role.get(role.index, [])
        if role.section not in pol.achievement_sections and not mine:
            continue
        q = sum(1 for i in mine if i.quantified)
        roles.append(
            RoleSummary(
                role=role,
                bullets=len(mine),
                quantified=q,
                quantified_share=q / len(mine) if mine else None,
                over_limit=len(mine) > pol.max_role_bullets,
            )
        )
    verbs = Counter(v for i in bullets if (v := lead_verb(i.text)))
    judged = [i for i in items if i.not_judged is None]
    # the achievement bullets, and any other line with a finding (a slot left in the contact
    # block): clean education or skills lines are not judged for numbers and would lift the
    # score above every achievement bullet's (a browser check: 94 over bullets averaging 87)
    scored = [i.score for i in judged if (i.achievement and i.claims_work) or i.findings]
    scored = scored or [i.score for i in judged if i.kind == "bullet"] or [i.score for i in judged]
    return ResumeReport(
        resume=resume,
        items=items,
        findings=located,
        roles=roles,
        achievement_bullets=len(read),
        no_claim=[i.index for i in judged_read if not i.claims_work],
        quantified_share=(sum(1 for i in bullets if i.quantified) / len(bullets))
        if bullets
        else None,
        repeated_lead_verbs={v: n for v, n in verbs.items() if n > pol.max_lead_verb_uses},
        long_bullets=[i.index for i in bullets if i.words > pol.max_bullet_words],
        crowded_roles=[s.role.index for s in roles if s.over_limit],
        counts_by_rule=dict(sorted(Counter(lf.finding.rule for lf in located).items())),
        score=text_score(scored),
    )


__all__ = [
    "ItemResult",
    "LocatedFinding",
    "ResumeReport",
    "RoleSummary",
    "document_findings",
    "lead_verb",
    "lint_resume",
]
