"""Typed records for a resume read from a file: sections, roles and bullets, each with where it
came from, so a finding can be shown at the user's own page and line."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SectionKind = Literal[
    "contact",
    "summary",
    "experience",
    "projects",
    "education",
    "skills",
    "volunteering",
    "leadership",
    "other",
]
"""Canonical section names. `contact` is what comes before the first heading (name, email...)."""

Format = Literal[
    "pdf",
    "docx",
    "latex",
    "markdown",
    "jsonresume",
    "data",
    "csv",
    "rst",
    "org",
    "html",
    "text",
]
"""`data`: YAML, JSON or TOML resume data other than JSON Resume (a general walk); `csv`:
LinkedIn's data export (Positions.csv, Projects.csv); any other table is refused."""


class Source(BaseModel):
    """Where a piece of text sits in the original file.

    `line` is the 1-based line in the file for text formats (plain text, Markdown, LaTeX, HTML,
    JSON/YAML), the paragraph number for DOCX, and the line within the page's extracted text
    for PDF (`page` is then set, 1-based). `col` is 1-based.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    page: int | None = Field(default=None, ge=1)
    line: int = Field(ge=1)
    col: int = Field(default=1, ge=1)

    def label(self) -> str:
        """`p2:14:3` for a PDF position, `14:3` otherwise (the CLI's position format)."""
        base = f"{self.line}:{self.col}"
        return f"p{self.page}:{base}" if self.page is not None else base


class Segment(BaseModel):
    """Where one physical line of a re-joined text starts: `offset` into the joined text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    offset: int = Field(ge=0)
    source: Source
    cols: tuple[int, ...] | None = Field(
        default=None, description="source column of each character, when not consecutive"
    )


def segment_position(segments: list[Segment], fallback: Source, offset: int) -> Source:
    """The file position of character `offset` of a text made of `segments` (the start
    when there are none: formats whose markup was stripped)."""
    if not segments:
        return fallback
    seg = None
    for s in segments:
        if s.offset <= offset:
            seg = s
        else:
            break
    if seg is None:
        return fallback
    k = offset - seg.offset
    if seg.cols:  # a reader's map from the cleaned text back to the line
        col = seg.cols[k] if k < len(seg.cols) else seg.cols[-1] + 1 + k - len(seg.cols)
        return seg.source.model_copy(update={"col": col})
    return seg.source.model_copy(update={"col": seg.source.col + (offset - seg.offset)})


class Role(BaseModel):
    """One position (or project, degree, volunteer post) that bullets belong to."""

    model_config = ConfigDict(extra="forbid")

    index: int = Field(ge=0)
    section: SectionKind
    organisation: str | None = None
    title: str | None = None
    dates: str | None = None
    location: str | None = None
    header: str = Field(description="the header text as it appears, lines joined by ' | '")
    source: Source

    def name(self) -> str:
        """A short display name: 'Title, Organisation' with whatever is present."""
        parts = [p for p in (self.title, self.organisation) if p]
        return ", ".join(parts) if parts else self.header


class ResumeBullet(BaseModel):
    """One bullet (a list item), in document order, re-joined when it wrapped over lines."""

    model_config = ConfigDict(extra="forbid")

    index: int = Field(ge=0)
    order: int = Field(default=0, ge=0, description="place among all bullets and lines")
    text: str
    section: SectionKind
    heading: str | None = Field(default=None, description="the section heading as written")
    role: Role | None = None
    source: Source
    segments: list[Segment] = Field(default_factory=list, repr=False)
    part: int = Field(default=0, ge=0, description="index into Resume.sections")

    def position(self, offset: int) -> Source:
        """The file position of character `offset` of `text` (exact across wrapped lines for
        text formats and PDF; the item's start for formats that strip markup)."""
        return segment_position(self.segments, self.source, offset)

    @property
    def achievement(self) -> bool:
        """True when the bullet sits in a section whose lines should carry numbers."""
        from starkit.resume.lexicon import achievement_sections

        return self.section in achievement_sections()


LineKind = Literal["text", "role", "heading"]


class ResumeLine(BaseModel):
    """Any other text of the resume (contact, summary, skills, role headers...), linted only
    for the rules that apply everywhere."""

    model_config = ConfigDict(extra="forbid")

    index: int = Field(ge=0)
    order: int = Field(default=0, ge=0, description="place among all bullets and lines")
    kind: LineKind
    text: str
    section: SectionKind
    heading: str | None = None
    role: Role | None = None
    source: Source
    segments: list[Segment] = Field(default_factory=list, repr=False)
    part: int = Field(default=0, ge=0, description="index into Resume.sections")

    def position(self, offset: int) -> Source:
        """The file position of character `offset` of `text`."""
        return segment_position(self.segments, self.source, offset)


class ResumeSection(BaseModel):
    """A section as found: its canonical name and the heading as written (None for contact)."""

    model_config = ConfigDict(extra="forbid")

    name: SectionKind
    heading: str | None
    source: Source


class Resume(BaseModel):
    """A resume read from a file: the sections, roles, bullets and other lines it holds."""

    model_config = ConfigDict(extra="forbid")

    name: str
    format: Format
    pages: int | None = None
    sections: list[ResumeSection]
    roles: list[Role]
    bullets: list[ResumeBullet]
    lines: list[ResumeLine]
    warnings: list[str] = Field(default_factory=list)

    @property
    def achievement_bullets(self) -> list[ResumeBullet]:
        """Bullets in experience, projects, volunteering and leadership (linted in full)."""
        return [b for b in self.bullets if b.achievement]

    def bullets_of(self, role: Role) -> list[ResumeBullet]:
        """The bullets that belong to `role`."""
        return [b for b in self.bullets if b.role is not None and b.role.index == role.index]
