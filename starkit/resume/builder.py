"""Collect sections, roles, bullets and lines, in document order, into a `Resume`."""

from __future__ import annotations

import re

from starkit.resume.lexicon import policy, role_words, verb_forms
from starkit.resume.model import (
    Format,
    Resume,
    ResumeBullet,
    ResumeLine,
    ResumeSection,
    Role,
    Segment,
    Source,
    segment_position,
)
from starkit.resume.roles import RoleHint, parse_role
from starkit.resume.text import Cols, clean, clean_mapped
from starkit.units import has_word, wordless_skipped


class Builder:
    """Collects sections, roles, bullets and lines in document order into a `Resume`.

    Readers with an explicit structure (JSON Resume) drive it directly; the others go through
    `build_resume`.
    """

    def __init__(self, name: str, fmt: Format) -> None:
        self.name = name
        self.fmt: Format = fmt
        self.sections: list[ResumeSection] = []
        self.roles: list[Role] = []
        self.bullets: list[ResumeBullet] = []
        self.lines: list[ResumeLine] = []
        self._section = "contact"
        self._heading: str | None = None
        self._role: Role | None = None
        self.wordless = 0  # bullets skipped for holding no word

    def section(self, kind: str, heading: str | None, source: Source) -> None:
        """Open a section; bullets that follow belong to it and to no role yet."""
        self._section, self._heading, self._role = kind, heading, None
        self.sections.append(ResumeSection(name=kind, heading=heading, source=source))  # type: ignore[arg-type]
        if heading:
            self.lines.append(
                ResumeLine(
                    index=len(self.lines),
                    order=len(self.bullets) + len(self.lines),
                    kind="heading",
                    text=heading,
                    section=kind,  # type: ignore[arg-type]
                    heading=heading,
                    source=source,
                    segments=[Segment(offset=0, source=source)],
                    part=self._part(),
                )
            )

    def _part(self) -> int:
        return max(0, len(self.sections) - 1)

    def role(self, header: list[tuple[str, Source]], hint: RoleHint | None = None) -> Role:
        """Open a role from its header lines (parsed unless `hint` states the parts)."""
        texts = [re.sub(r"\s*\t\s*", " | ", t.strip()) for t, _ in header]
        h = hint or parse_role([t for t, _ in header])
        if hint is not None and hint.title is None and hint.organisation:
            parsed = parse_role([hint.organisation])  # '\textbf{Starkit} $|$ \emph{Maintainer}'
            h = RoleHint(
                parsed.organisation, parsed.title, hint.dates or parsed.dates, hint.location
            )
        role = Role(
            index=len(self.roles),
            section=self._section,  # type: ignore[arg-type]
            organisation=h.organisation,
            title=h.title,
            dates=h.dates,
            location=h.location,
            header=" | ".join(texts),
            source=header[0][1],
        )
        self.roles.append(role)
        self._role = role
        for text, (_, src) in zip(texts, header, strict=True):
            self._line("role", [(text, src)])
        return role

    def bullet(
        self,
        parts: list[tuple[str, Source]],
        cols: list[Cols | None] | None = None,
        *,
        prose: bool = False,
    ) -> None:
        """Add a bullet made of one or more physical lines (joined with a space); `cols` as
        in `join_lines`. `prose`: no glyph or markup marked it as a list item, so a paragraph
        of sentences is read one achievement a sentence (`prose_sentences`)."""
        text, segments = self._joined(parts, cols)
        if not text:
            return
        if not has_word(text):  # '#####': no achievement to lint or score
            self.wordless += 1
            return
        source = _first(parts)
        for lo, hi in prose_sentences(text) if prose else [(0, len(text))]:
            part_segments = _slice_segments(segments, lo, hi, len(text))
            self.bullets.append(
                ResumeBullet(
                    index=len(self.bullets),
                    order=len(self.bullets) + len(self.lines),
                    text=text[lo:hi],
                    section=self._section,  # type: ignore[arg-type]
                    heading=self._heading,
                    role=self._role,
                    source=segment_position(segments, source, lo) if lo else source,
                    segments=part_segments,
                    part=self._part(),
                )
            )

    def text(self, parts: list[tuple[str, Source]], cols: list[Cols | None] | None = None) -> None:
        """Add a line of other text (contact, summary, skills...)."""
        self._line("text", parts, cols)

    def _joined(
        self, parts: list[tuple[str, Source]], cols: list[Cols | None] | None = None
    ) -> tuple[str, list[Segment]]:
        """The joined text and, where columns map one to one (plain text, Markdown, PDF,
        DOCX), its segments; formats whose markup is stripped point at the item's start."""
        text, segments = join_lines(parts, dehyphenate=self.fmt == "pdf", cols=cols)
        return text, [] if self.fmt in ("latex", "html", "jsonresume", "data", "csv") else segments

    def _line(
        self, kind: str, parts: list[tuple[str, Source]], cols: list[Cols | None] | None = None
    ) -> None:
        text, segments = self._joined(parts, cols)
        if not text:
            return
        self.lines.append(
            ResumeLine(
                index=len(self.lines),
                order=len(self.bullets) + len(self.lines),
                kind=kind,  # type: ignore[arg-type]
                text=text,
                section=self._section,  # type: ignore[arg-type]
                heading=self._heading,
                role=self._role,
                source=_first(parts),
                segments=segments,
                part=self._part(),
            )
        )

    def build(self, pages: int | None = None, warnings: list[str] | None = None) -> Resume:
        """The finished resume; a warning says how many bullets with no word were skipped."""
        warnings = list(warnings or [])
        if self.wordless:
            warnings.append(wordless_skipped(self.name, self.wordless))
        return Resume(
            name=self.name,
            format=self.fmt,
            pages=pages,
            sections=self.sections,
            roles=self.roles,
            bullets=self.bullets,
            lines=self.lines,
            warnings=warnings,
        )


def prose_sentences(text: str) -> list[tuple[int, int]]:
    """The achievement units of an unmarked bullet's text: the whole text, or, for a paragraph
    of prose (a CV written as sentences: over `policy.max_bullet_words` words and at least
    `policy.min_prose_sentences` sentences), each sentence, as RULES.md's 'one resume line or
    achievement sentence'. Sentences come from the story splitter (`story.segment.sentences`);
    a bullet of two sentences ('Built X. Grew Y 20%.') and any list item stay one unit."""
    pol = policy()
    if len(text.split()) <= pol.max_bullet_words:
        return [(0, len(text))]
    from starkit.story.segment import sentences

    spans = sentences(text)
    if len(spans) < pol.min_prose_sentences:
        return [(0, len(text))]
    return spans


def _slice_segments(segments: list[Segment], lo: int, hi: int, size: int) -> list[Segment]:
    """The segments of text[lo:hi], their offsets made relative to `lo` (a segment that starts
    before `lo` starts at 0, its source column moved on)."""
    if lo == 0 and hi == size:
        return segments
    out: list[Segment] = []
    for k, seg in enumerate(segments):
        end = segments[k + 1].offset if k + 1 < len(segments) else size
        if end <= lo or seg.offset >= hi:
            continue
        if seg.offset >= lo:
            out.append(seg.model_copy(update={"offset": seg.offset - lo}))
            continue
        shift = lo - seg.offset
        out.append(
            Segment(
                offset=0,
                source=segment_position([seg], seg.source, seg.offset + shift),
                cols=seg.cols[shift:] if seg.cols else None,
            )
        )
    return out


def _first(parts: list[tuple[str, Source]]) -> Source:
    """The source of the first non-empty part."""
    return next((src for raw, src in parts if clean(raw)), parts[0][1])


def _typeset_split(text: str, nxt: str) -> bool:
    """True when 'text' ends in a hyphen a typesetter added to split a word ('im-' +
    'plemented'), False for a compound that wrapped at its own hyphen ('cross-' +
    'functional', 'end-to-' + 'end')."""
    m = re.search(r"([A-Za-z/]+(?:-[A-Za-z/]+)*)-$", text)
    tail = re.match(r"[a-z]+", nxt)
    if not m or not tail:
        return False
    words = role_words()
    head = m.group(1)
    if "-" not in head and (head + tail.group(0)).lower() in verb_forms():
        return True  # 'in-' / 'creased', 're-' / 'duced': a known verb split at a syllable
    return not (
        "-" in head
        or head.lower() in words.compound_heads
        or head in words.compound_heads
        or tail.group(0) in words.compound_tails
        or len(head) <= 1
    )


def join_lines(
    parts: list[tuple[str, Source]],
    *,
    dehyphenate: bool = False,
    cols: list[Cols | None] | None = None,
) -> tuple[str, list[Segment]]:
    """Join physical lines into one text: a space between, none after a word-final hyphen
    (which is dropped too, with `dehyphenate`, when a typesetter put it there). `cols`, one per
    part, maps each part's characters to their source columns (kept in the segments)."""
    text = ""
    segments: list[Segment] = []
    for k, (raw, src) in enumerate(parts):
        part_cols = cols[k] if cols else None
        t, t_cols = clean_mapped(raw, part_cols) if part_cols else (clean(raw), None)
        if not t:
            continue
        if text:
            glue = "" if re.search(r"[A-Za-z]-$", text) and t[:1].islower() else " "
            if not glue and dehyphenate and _typeset_split(text, t):
                text = text[:-1]
            text += glue
        if t_cols and t_cols == list(range(src.col, src.col + len(t))):
            t_cols = None  # consecutive: the start column says it all
        segments.append(
            Segment(offset=len(text), source=src, cols=tuple(t_cols) if t_cols else None)
        )
        text += t
    return text, segments
