"""What a resume reading found, and whether it looks wrong: the evidence behind the
`resume-no-achievements` rule ("never a silent pass"), the "what was read" summary the CLI and
the app print, and `mark_as_experience` (a user's own say that a section holds achievements).

A reading looks wrong when the document holds text but no achievement bullet, or when most of
its claim-like lines (an action verb and at least `min_claim_words` words: "Led the migration
of ...") landed outside the achievement sections (skills, education, other...), e.g. a
'Languages:' line near the top that filed every later bullet under skills.  A reading is not
scored either when its words run together (a PDF text layer with no spaces), or when most
achievement bullets are a template's sample or placeholder text ('Achievement 1;', 'Job
description 1', lorem ipsum): a template left as it came is not a resume.  Thresholds are in
`lexicons/resume/policy.toml` (`[diagnosis]`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from starkit.language import not_english
from starkit.resume.lexicon import achievement_sections, diagnosis_policy
from starkit.resume.model import Resume, ResumeBullet, ResumeLine, ResumeSection
from starkit.resume.text import run_together


@dataclass
class SectionCount:
    """One section as read: its index in `Resume.sections`, name, heading and counts."""

    index: int
    name: str
    heading: str | None
    bullets: int = 0
    lines: int = 0
    claims: int = 0  # claim-like bullets or lines in it
    roles: int = 0  # role header lines (a title, an employer, dates) in it

    def label(self) -> str:
        """'experience ("Work History")', or the name alone when the heading is the name."""
        if self.heading and self.heading.lower() != self.name:
            return f'{self.name} ("{self.heading}")'
        return self.name


@dataclass
class Diagnosis:
    """The reading of one resume: per-section counts and the problem, if any."""

    name: str
    format: str
    sections: list[SectionCount] = field(default_factory=list)
    achievement_bullets: int = 0
    claims_outside: int = 0
    claims: int = 0
    problem: str | None = None
    run_together: list[str] = field(default_factory=list)  # words with no space between them
    template: list[str] = field(default_factory=list)  # achievement bullets holding a slot
    foreign: str | None = None  # why the text read is not English (`starkit.language`)

    def summary(self) -> str:
        """One line: 'contact 3 lines; skills ("Languages") 2 lines, 14 bullets; ...'."""
        parts = []
        for s in self.sections:
            if not (s.bullets or s.lines):
                continue
            counts = []
            if s.lines:
                counts.append(f"{s.lines} line{'s' if s.lines != 1 else ''}")
            if s.bullets:
                counts.append(f"{s.bullets} bullet{'s' if s.bullets != 1 else ''}")
            parts.append(f"{s.label()} {', '.join(counts)}")
        return "; ".join(parts) or "nothing"

    def table(self) -> list[str]:
        """The reading, one line a section, for the CLI."""
        shown = [s for s in self.sections if s.bullets or s.lines]
        out = [f"starkit read {self.name} as {self.format}: {len(shown)} section(s) with text"]
        for s in shown:
            out.append(
                f"  [{s.index}] {s.label()}: {s.lines} line(s), {s.bullets} bullet(s)"
                + (f", {s.claims} claim-like" if s.claims else "")
            )
        out.append(f"  achievement bullets: {self.achievement_bullets}")
        return out

    def headline(self) -> str:
        """The problem in a few words, for the page's message and the score it withholds."""
        if self.foreign:
            return "not English"
        if self.template:
            return "mostly template text"
        if self.run_together:
            return "words run together"
        return "check what was read"

    def advice(self) -> str:
        """What the user can do about it."""
        if self.foreign:
            return (
                "starkit's rules read English only: lint an English version of the resume. "
                "If the file is in English, it was read with the wrong encoding or its text "
                "layer is damaged: save it again as UTF-8 (text) or export the PDF again."
            )
        if self.template:
            return (
                "Replace each sample or placeholder line with an achievement of your own, "
                "one a line, with its figure (what changed, by how much): starkit scores the "
                "resume once most of its bullets are yours."
            )
        if self.run_together:
            return (
                "The file's text has few or no spaces between words, so starkit cannot tell "
                "one word from the next: lint the resume's source (DOCX, LaTeX, Markdown) or "
                "a PDF exported again from it (e.g. 'Save as PDF' in the word processor)."
            )
        unmarked = sum(s.lines for s in self.sections if s.name == "experience" and not s.bullets)
        if unmarked and not self.achievement_bullets:
            # read under experience already: the heading is not what is missing
            return (
                f"starkit read {unmarked} line{'s' if unmarked != 1 else ''} as experience but "
                "none as a bullet: start each achievement with '-' or '•', one a line, or "
                "export it as PDF, DOCX or Markdown; in the app you can mark a section as "
                "experience and lint again."
            )
        return (
            "If the file does hold achievements, put them under a heading such as "
            "'Experience' or 'Projects', one bullet a line, or export it as PDF, DOCX or "
            "Markdown; in the app you can mark a section as experience and lint again."
        )


def claim_like(text: str) -> bool:
    """An achievement-shaped line: opens with an action verb and runs to a few words."""
    from starkit.resume.structure import starts_with_verb

    return starts_with_verb(text) and len(text.split()) >= diagnosis_policy().min_claim_words


def holds_slot(text: str, shapes: frozenset[str] | None = None) -> bool:
    """True when `text` holds a template slot: a shape of `lexicons/placeholders.toml`, the
    one registry `unfilled-placeholder` reads ('Achievement 1;', '[Company]', 'XX%', lorem
    ipsum); only the shapes whose ids are in `shapes` when it is given."""
    from starkit.rules.placeholders import slot_scanners

    chars = set(text)
    return any(
        (shapes is None or pid in shapes)
        and (first is None or not first.isdisjoint(chars))
        and rx.search(text)
        for pid, rx, first in slot_scanners()
    )


def template_line(text: str) -> bool:
    """True when the line is a template's own text: it holds a slot of a shape policy.toml
    lists in `template_line_slots` (a sample line such as 'Job description 1', or lorem
    ipsum, TBD, TODO), not only a slot inside the writer's words ('[Company]', 'XX%')."""
    from starkit.resume.lexicon import policy

    return holds_slot(text, policy().template_line_slots)


def _units(resume: Resume) -> list[ResumeBullet | ResumeLine]:
    return [*resume.bullets, *(ln for ln in resume.lines if ln.kind == "text")]


def diagnose(resume: Resume) -> Diagnosis:
    """Count what was read per section and say what looks wrong (None when nothing does)."""
    pol = diagnosis_policy()
    ach = achievement_sections()
    d = Diagnosis(name=resume.name, format=resume.format)
    d.sections = [
        SectionCount(index=i, name=s.name, heading=s.heading) for i, s in enumerate(resume.sections)
    ]
    if not d.sections:
        d.sections = [SectionCount(index=0, name="contact", heading=None)]
    for u in _units(resume):
        sc = d.sections[min(u.part, len(d.sections) - 1)]
        if isinstance(u, ResumeBullet):
            sc.bullets += 1
        else:
            sc.lines += 1
        if claim_like(u.text):
            sc.claims += 1
            d.claims += 1
            if u.section not in ach:
                d.claims_outside += 1
    for ln in resume.lines:
        if ln.kind == "role":
            d.sections[min(ln.part, len(d.sections) - 1)].roles += 1
    d.achievement_bullets = len(resume.achievement_bullets)
    words = sum(len(u.text.split()) for u in _units(resume))
    texts = [u.text for u in _units(resume)] + [r.header for r in resume.roles]
    long, share = run_together(texts, pol.run_together_letters)
    foreign = not_english("\n".join(texts))
    if foreign is not None:
        d.foreign = foreign
        d.problem = f"the text read is not judged: {foreign}"
    elif share > pol.max_run_together_share:
        d.run_together = long
        d.problem = (
            f"words run together in the text read ('{long[0][:40]}'): it has few or no "
            "spaces between words, so it was not judged"
        )
    elif d.achievement_bullets == 0:
        # an experience or projects section read with nothing under it is a reading failure
        # too, however few words were read (a data file whose entries starkit did not find)
        empty_ach = any(s.name in ach for s in resume.sections)
        if words >= pol.min_words or empty_ach:
            d.problem = "no achievement bullet was found"
    elif _mostly_template(d, resume):
        n, total = len(d.template), d.achievement_bullets
        shown = ", ".join(f"'{_short(t)}'" for t in list(dict.fromkeys(d.template))[:3])
        d.problem = (
            f"most achievement bullets ({n} of {total}) are a template's sample or placeholder "
            f"text ({shown}), so the resume was not scored"
        )
    elif d.claims_outside >= pol.min_claims_outside and d.claims_outside > pol.max_outside_share * (
        d.claims_outside + d.achievement_bullets
    ):
        d.problem = (
            f"most claim-like lines ({d.claims_outside} of "
            f"{d.claims_outside + d.achievement_bullets}) were read outside experience, "
            "projects, volunteering and leadership"
        )
    return d


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _mostly_template(d: Diagnosis, resume: Resume) -> bool:
    """Fill `d.template` with the achievement bullets that hold a template slot; True when
    they are enough and over the share of `[diagnosis]` to leave the resume unscored."""
    pol = diagnosis_policy()
    d.template = [b.text for b in resume.achievement_bullets if holds_slot(b.text)]
    n = len(d.template)
    return n >= pol.min_template_bullets and n > pol.max_template_share * d.achievement_bullets


def mark_as_experience(resume: Resume, sections: set[int]) -> Resume:
    """A copy of `resume` whose sections at `sections` (indexes into `Resume.sections`) are
    read as experience: their bullets, and their other text lines, become achievement
    bullets (role headers and headings stay as they are)."""
    if not sections:
        return resume
    new_sections = [
        ResumeSection(name="experience", heading=s.heading, source=s.source) if i in sections else s
        for i, s in enumerate(resume.sections)
    ]
    units: list[ResumeBullet | ResumeLine] = sorted(
        [*resume.bullets, *resume.lines], key=lambda u: u.order
    )
    bullets: list[ResumeBullet] = []
    lines: list[ResumeLine] = []
    roles = {}
    for role in resume.roles:
        marked = _part_of(resume, role.index) in sections
        roles[role.index] = role.model_copy(update={"section": "experience"}) if marked else role
    for u in units:
        marked = u.part in sections
        role = roles.get(u.role.index) if u.role is not None else None
        order = len(bullets) + len(lines)
        if isinstance(u, ResumeBullet) or (marked and u.kind == "text" and not _detail(u.text)):
            bullets.append(
                ResumeBullet(
                    index=len(bullets),
                    order=order,
                    text=u.text,
                    section="experience" if marked else u.section,
                    heading=u.heading,
                    role=role,
                    source=u.source,
                    segments=u.segments,
                    part=u.part,
                )
            )
        else:
            lines.append(
                u.model_copy(
                    update={
                        "index": len(lines),
                        "order": order,
                        "role": role,
                        "section": "experience" if marked else u.section,
                    }
                )
            )
    return resume.model_copy(
        update={
            "sections": new_sections,
            "roles": list(roles.values()),
            "bullets": bullets,
            "lines": lines,
        }
    )


_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.\w|https?://|\bwww\.|\+?\d[\d ().-]{7,}\d")


def _detail(text: str) -> bool:
    """A line of contact details or a field ('Email Id : ...', '+91 ...', 'Date of Birth :',
    'Start Date :'): marking its section as experience does not make it an achievement (a
    browser check: a whole history read as contact, marked, asked for a figure on the
    writer's e-mail address)."""
    from starkit.resume.structure import skills_label

    return bool(_CONTACT.search(text)) or skills_label(text.strip())


def _part_of(resume: Resume, role_index: int) -> int:
    """The section index a role sits in: that of its first header line."""
    for ln in resume.lines:
        if ln.kind == "role" and ln.role is not None and ln.role.index == role_index:
            return ln.part
    return -1


__all__ = [
    "Diagnosis",
    "SectionCount",
    "claim_like",
    "diagnose",
    "holds_slot",
    "mark_as_experience",
    "template_line",
]
