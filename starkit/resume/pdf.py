"""PDF resumes, read with pdfplumber (pdfminer) from the characters in content-stream order;
a heavy page with PDFium (`starkit.resume.pdf_heavy`), and a page whose stream order reads
wrong in its layout's order (`read_pdf`, `_layout_order`).

Why pdfplumber and not pypdf: on the project's fixtures (tests/resume/fixtures/pdfs.py;
figures in docs/resume.md) pypdf is about 5x faster but drops reportlab's list bullets and
gives no geometry, while pdfplumber keeps the bullet glyph (as `(cid:127)` or `•`) and gives
each character's position, font and size.  Its own `extract_text` sorts by position and so
interleaves a two-column page line by line; the characters themselves come in the order the
producer wrote them, which keeps each column together, so lines are built here from
`page.chars` in that order.  Each line carries its left and right edges, its first word's
width, bold and size, which the shared structure step uses to re-join wrapped bullets.

Positions: a PDF `Source` has the 1-based page and the 1-based line within that page's
extracted lines (`p2:14:3`), not a line of the file.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from starkit.errors import ResumeReadError
from starkit.limits import (
    MAX_PDF_CONTENT_BYTES,
    MAX_PDF_HEAVY_CONTENT_BYTES,
    MAX_PDF_LAYOUT_LINES,
    MAX_PDF_PAGE_POINTS,
    MAX_PDF_PAGES,
    mb,
)
from starkit.resume.diagnose import Diagnosis, diagnose
from starkit.resume.lexicon import diagnosis_policy
from starkit.resume.model import Resume
from starkit.resume.structure import RawLine, build_resume, strip_glyph
from starkit.resume.text import run_together

LAYOUT_NOTE = (
    "{name}: the order of this PDF's text did not follow its layout (achievement lines fell "
    "under other sections), so it was read by its columns instead: check what was read"
)
_LIGATURES = re.compile("[\ufb00-\ufb06]")
# A control character drawn as a glyph: some fonts map the space to U+0001 ('Open\x01for\x01
# relocation'), which read as text runs every word together; it is a space.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]+")
# A soft hyphen in a PDF's text is a hyphen that was printed: Typst writes U+00AD for every
# hyphen it sets, and a word split at a line end carries one too.  Both become '-' here; a
# line-end split is then re-joined by `join_lines` (which keeps compounds' hyphens).
_HYPHENS = str.maketrans({"\u00ad": "-", "\u2010": "-", "\u2011": "-"})
# A glyph the PDF's font gives no text for: pdfminer writes it as '(cid:123)'.
_CID = re.compile(r"\(cid:\d+\)")
# A gutter between two columns of a page is a vertical gap of at least this many ems (of the
# page's median text size) running the whole height of the lines beside it (`_layout_order`).
_LAYOUT_GUTTER_EMS = 0.8
# The lines the cuts may visit on a page: this many a line, plus a base. A resume page of 80
# lines visits at most 3,200 (each cut peeling one line); past the budget, groups read top down.
_LAYOUT_WORK_PER_LINE = 20
_LAYOUT_WORK_BASE = 5_000
_PAGE_NUMBER = re.compile(r"(?i)^(?:page\s*)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?$")
_BOLD = re.compile(
    r"(?i)bold|black|heavy|semibold|demi|medi\b|,b$|-b$|^(?:[A-Z]{6}\+)?(?:cm|sf|lm)bx"
)


@dataclass
class _Line:
    chars: list[dict[str, Any]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    xs: list[float] = field(default_factory=list)  # x0 of each text character
    top: float = 0.0
    bottom: float = 0.0
    x1: float = 0.0
    beside: bool = False  # opened by a glyph with no text after a space: an item's marker

    def add(self, ch: dict[str, Any], gap_space: bool, tab: bool) -> None:
        if self.text and tab:
            self.text.append("\t")
            self.xs.append(ch["x0"])
        elif self.text and gap_space and self.text[-1] not in " \t":
            self.text.append(" ")
            self.xs.append(ch["x0"])
        t = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), ch["text"])
        t = t.translate(_HYPHENS)
        for _ in t:
            self.xs.append(ch["x0"])
        self.text.append(t)
        self.chars.append(ch)
        if len(self.chars) == 1:
            self.top, self.bottom = ch["top"], ch["bottom"]
        else:
            self.top, self.bottom = min(self.top, ch["top"]), max(self.bottom, ch["bottom"])
        self.x1 = max(self.x1, ch["x1"])

    def prepend_glyph(self, ch: dict[str, Any]) -> None:
        """Put a bullet glyph drawn after this line in front of it, a space between."""
        self.text[:0] = [ch["text"], " "]
        self.xs[:0] = [ch["x0"], ch["x0"]]
        self.chars.insert(0, ch)
        self.top, self.bottom = min(self.top, ch["top"]), max(self.bottom, ch["bottom"])

    @property
    def string(self) -> str:
        return "".join(self.text)


HIDDEN_TEXT_PT = 2.0
"""Text set smaller than this no reader sees: a real PDF resume hid a list of keywords for
resume scanners in 1 pt white type, and it was read as a role's name."""


HIDDEN_NOTE_LETTERS = 50
"""Fewer hidden letters than this (a scan's specks, a 1 pt 'Powered by TCPDF') are left out
without a note."""


def _blank(ch: dict[str, Any]) -> bool:
    return not str(ch.get("text") or "").strip()


def _size(ch: dict[str, Any]) -> float:
    return float(ch.get("size") or (ch["bottom"] - ch["top"]) or 10.0)


def _page_lines(chars: Sequence[dict[str, Any]], unread: list[str] | None = None) -> list[_Line]:
    """Group characters, in stream order, into lines: a new line starts when a character
    does not sit on the current line's band or jumps back to the left.

    A glyph with no text ('(cid:123)') is never read as text: at a line's start it is kept
    as the line's bullet glyph (`strip_glyph` removes it), unless the letters after it touch
    it ('(cid:74)ohn'): then it is the word's first letter, dropped, and the line is no
    bullet; after a space it starts a new line,
    being the marker of an item set beside the previous one (moderncv's two-column lists,
    'Item 1 (cid:123) Item 4'), so two items are never joined into one; inside a word it is
    dropped.  Dropped glyphs are appended to `unread`, for the read-back's note."""
    lines: list[_Line] = []
    cur: _Line | None = None
    prev: dict[str, Any] | None = None
    for ch in chars:
        if not ch.get("text") or ch.get("upright") is False:
            continue
        if ch["text"].isspace() or _CONTROL.fullmatch(ch["text"]):
            if cur is not None and cur.text and cur.text[-1] not in " \t":
                cur.text.append(" ")
                cur.xs.append(ch["x0"])
            continue
        size = _size(ch)
        if cur is not None and prev is not None:
            mid = (ch["top"] + ch["bottom"]) / 2
            cur_mid = (cur.top + cur.bottom) / 2
            same_band = cur.top - 1 <= mid <= cur.bottom + 1 or ch["top"] <= cur_mid <= ch["bottom"]
            backwards = ch["x0"] < prev["x0"] - 0.5 * size
            if same_band and not backwards:
                gap = ch["x0"] - prev["x1"]
                if _CID.fullmatch(ch["text"]):
                    if gap <= 0.18 * size:  # inside a word: a letter that cannot be read
                        if unread is not None:
                            unread.append(ch["text"])
                        continue
                    # after a space: the marker of the next item beside this one
                    cur = _Line(beside=True)
                    cur.add(ch, False, False)
                    lines.append(cur)
                    prev = ch
                    continue
                first = len(cur.chars) == 1 and not cur.beside and _CID.fullmatch(cur.text[0])
                if first and gap <= 0.18 * size:
                    # the line's first glyph, touching the letters after it: a first letter
                    # that cannot be read ('(cid:74)ohn'), not a bullet glyph
                    if unread is not None:
                        unread.append(cur.text[0])
                    cur = lines[-1] = _Line()
                    cur.add(ch, False, False)
                    prev = ch
                    continue
                cur.add(ch, gap_space=gap > 0.18 * size, tab=gap > 2.5 * size)
                prev = ch
                continue
        cur = _Line()
        cur.add(ch, False, False)
        lines.append(cur)
        prev = ch
    return lines


_LATE_GLYPH_BACK = 6  # an item's lines before its glyph: a bullet wraps to a few lines


def _late_glyphs(lines: list[_Line]) -> list[_Line]:
    """Lines whose only text is a bullet glyph drawn after the item it marks (a resume
    builder's PDF draws each item's text, then its '•' to the left of the item's first line):
    the glyph goes back to the front of that line, level with it and left of its text, where a
    reader sees it. Read in stream order, each '•' was a line of its own after its item, and
    the reader took the items for role titles (a real resume, session 39)."""
    out: list[_Line] = []
    for ln in lines:
        if len(ln.chars) == 1 and _lone_glyph(ln.string):
            ch = ln.chars[0]
            mid = (ch["top"] + ch["bottom"]) / 2
            target = next(
                (
                    t
                    for t in reversed(out[-_LATE_GLYPH_BACK:])
                    if t.chars and t.top - 1 <= mid <= t.bottom + 1 and ch["x1"] <= t.chars[0]["x0"]
                ),
                None,
            )
            if target is not None and not strip_glyph(target.string)[1]:
                target.prepend_glyph(ch)
                continue
        out.append(ln)
    return out


def _lone_glyph(text: str) -> bool:
    """The line's text is one bullet glyph and nothing else."""
    t = text.strip()
    return len(t) == 1 and strip_glyph(f"{t} x") == ("x", True, 2)


def _running_key(line: _Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.string.split())).lower()


def _running_lines(pages: list[list[_Line]]) -> set[str]:
    """Page headers and footers: the same text (digits aside) among the first or last two
    lines of at least two pages, e.g. 'Jordan Avery - page 2 of 3'."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        edge = {_running_key(ln) for ln in [*lines[:2], *lines[-2:]]}
        seen.update(edge)
    return {k for k, n in seen.items() if n >= 2 and len(k) <= 80}


def _bold(line: _Line) -> bool:
    letters = [c for c in line.chars if c["text"].strip()]
    heavy = sum(1 for c in letters if _BOLD.search(str(c.get("fontname", ""))))
    return bool(letters) and heavy * 2 > len(letters)


def _line_size(line: _Line) -> float:
    sizes = sorted(_size(c) for c in line.chars if c["text"].strip())
    return sizes[len(sizes) // 2] if sizes else 10.0


def _right_margins(lines: list[_Line]) -> list[float]:
    """For every line, the right edge of the column it sits in: the furthest right any line
    reaches that overlaps it horizontally and starts no further left than a little before it.

    A line whose right edge is at or left of this line's start cannot raise the edge above this
    line's own right end, so the edge is the largest right end among the lines starting in
    [x0 - 3 size, x1): a range-maximum query over the lines sorted by start (a sparse table),
    O(n log n) for the page instead of a scan of every line for every line."""
    n = len(lines)
    if n == 0:
        return []
    starts = [ln.xs[0] if ln.xs else 0.0 for ln in lines]
    order = sorted(range(n), key=starts.__getitem__)
    sorted_x0 = [starts[k] for k in order]
    table = [[lines[k].x1 for k in order]]
    width = 1
    while 2 * width <= n:
        prev = table[-1]
        table.append([max(prev[j], prev[j + width]) for j in range(n - 2 * width + 1)])
        width *= 2
    out = []
    for i, me in enumerate(lines):
        lo = bisect_left(sorted_x0, starts[i] - 3 * _line_size(me))
        hi = bisect_left(sorted_x0, me.x1)
        edge = me.x1
        if hi > lo:
            level = (hi - lo).bit_length() - 1
            row = table[level]
            edge = max(edge, row[lo], row[hi - (1 << level)])
        out.append(edge)
    return out


def _marker_shapes(page: Any) -> list[tuple[float, ...]]:
    """Small drawn bullet markers as (x0, top, x1, bottom): filled dots or squares, and the
    hollow circles a browser draws for a second-level list item (stroked, not filled)."""
    shapes = []
    for obj in [*page.curves, *page.rects]:
        w, h = obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]
        if is_marker(w, h, bool(obj.get("fill")), bool(obj.get("stroke"))):
            shapes.append((obj["x0"], obj["top"], obj["x1"], obj["bottom"]))
    return shapes


def is_marker(width: float, height: float, fill: bool, stroke: bool) -> bool:
    """A drawn shape that can be a list item's marker: 0.8 to 8 points a side, and filled,
    or stroked and round (as wide as high)."""
    small = 0.8 <= width <= 8 and 0.8 <= height <= 8
    return small and (fill or (stroke and abs(width - height) < 1.0))


def _page_count(pdf: Any) -> int | None:
    """The page count the PDF's page tree declares (None when it cannot be read)."""
    try:
        from pdfminer.pdftypes import resolve1

        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
        return int(count)
    except Exception:
        return None


REPAIRED_NOTE = (
    "{name}: the PDF's cross-reference table is broken (an editing tool left it so); starkit "
    "read a repaired copy. If lines are missing, export the PDF again from the original."
)


def _open(data: bytes, name: str) -> tuple[Any, bytes, bool]:
    """The PDF opened with pdfplumber, the bytes it was opened from, and whether those are a
    repaired copy: a file pdfminer cannot open, or finds no page in, whose cross-reference
    table pypdf can rebuild (a trailer with no /Root, a broken first-page section of a
    linearized file; a real resume read as 'no pages' while viewers show its 2) is read from
    pypdf's rewrite of it. An encrypted file is refused with its reason."""
    import pdfplumber

    def opened(raw: bytes) -> Any:
        pdf = pdfplumber.open(io.BytesIO(raw), pages=list(range(1, MAX_PDF_PAGES + 1)))
        return pdf if pdf.pages else None

    try:
        pdf, kind = opened(data), None
    except Exception as exc:
        inner = getattr(exc, "args", [None])[0] if exc.args else None
        kind = type(inner).__name__ if isinstance(inner, Exception) else type(exc).__name__
        if "Password" in kind or "Encrypt" in kind or "password" in str(exc).lower():
            raise ResumeReadError(
                f"{name}: this PDF is encrypted (password-protected); remove the password, "
                "e.g. print it to a new PDF, and try again"
            ) from None
        pdf = None
    if pdf is not None:
        return pdf, data, False
    fixed = _repaired(data)
    if fixed is not None:
        try:
            pdf = opened(fixed)
        except Exception:
            pdf = None
        if pdf is not None:
            return pdf, fixed, True
    if kind is not None:
        raise ResumeReadError(
            f"{name}: a corrupt or truncated PDF ({kind}); export it again from the original"
        )
    raise ResumeReadError(f"{name}: the PDF has no pages")


def _repaired(data: bytes) -> bytes | None:
    """pypdf's rewrite of a PDF whose cross-reference table it could rebuild, or None. Its
    streams are copied as they are (nothing is decompressed), so the cost is the file's."""
    import logging

    import pypdf

    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL)  # 'incorrect startxref pointer': the user gets the note
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if not reader.pages:
            return None
        writer = pypdf.PdfWriter(clone_from=reader)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except Exception:
        return None
    finally:
        log.setLevel(level)


@dataclass
class _Parsed:
    """A PDF's pages as read once: each page's lines (running headers and footers dropped),
    and what the reading has to say, for `_assemble` to put in either order."""

    name: str
    page_count: int
    pages: list[tuple[int, list[_Line], list[tuple[float, ...]], float]]
    warnings: list[str]
    skipped: list[str]  # pages over a limit (size, drawing instructions)
    unread: list[str]  # glyphs with no text ('(cid:123)'), left out
    empty_pages: list[int]
    images: int
    hidden: int = 0  # letters set too small to see (`HIDDEN_TEXT_PT`), left out


def _parse(data: bytes, name: str) -> _Parsed:
    """Read every page's characters into lines: with pdfplumber, or with PDFium for a page
    whose drawing instructions are over `MAX_PDF_CONTENT_BYTES` (`starkit.resume.pdf_heavy`);
    a page over a size limit is skipped with its reason."""
    from starkit.resume.pdf_heavy import HeavyPageError, HeavyPages

    pdf, data, repaired = _open(data, name)
    heavy = HeavyPages(data)
    got = _Parsed(name, 0, [], [], [], [], [], 0)
    if repaired:
        got.warnings.append(REPAIRED_NOTE.format(name=name))
    per_page: list[tuple[int, list[_Line], list[tuple[float, ...]], float]] = []
    try:
        pages = list(pdf.pages)
        got.page_count = len(pages)
        declared = _page_count(pdf) or len(pages)
        if declared > len(pages):
            got.warnings.append(
                f"{name}: the PDF has {declared:,} pages; only the first {len(pages)} were read "
                f"(the limit is {MAX_PDF_PAGES} pages, longer than any resume)"
            )
        for pno, page in enumerate(pages, 1):
            too_big, size = _page_too_big(page)
            if too_big:
                got.skipped.append(f"{name}: page {pno} skipped: {too_big}")
                continue
            images: int | None = None
            try:
                if size > MAX_PDF_CONTENT_BYTES:
                    chars, shapes, images = heavy.read(pno - 1)
                else:
                    chars, shapes = page.chars, _marker_shapes(page)
            except HeavyPageError as exc:
                got.skipped.append(f"{name}: page {pno} skipped: {exc}")
                continue
            except Exception as exc:  # a damaged page: keep the others
                got.warnings.append(f"{name}: page {pno} could not be read ({type(exc).__name__})")
                continue
            # '1 pt white ats_scanner_keywords ...' is no reader's text; a generator's 1 pt
            # spaces between visible words are kept
            hidden = [ch for ch in chars if _size(ch) < HIDDEN_TEXT_PT and not _blank(ch)]
            if hidden:
                got.hidden += sum(str(ch.get("text")).isalnum() for ch in hidden)
                chars = [ch for ch in chars if _size(ch) >= HIDDEN_TEXT_PT or _blank(ch)]
            lines = [ln for ln in _page_lines(chars, got.unread) if _readable(ln, got.unread)]
            lines = _late_glyphs(lines)
            if not lines:
                got.empty_pages.append(pno)
                got.images += len(page.images) if images is None else images
                continue
            per_page.append((pno, lines, shapes, float(page.width)))
    finally:
        try:
            heavy.close()
        finally:
            pdf.close()
    running = _running_lines([lines for _, lines, _, _ in per_page])
    kept_pages = [
        [ln for ln in lines if _running_key(ln) not in running] for _, lines, _, _ in per_page
    ]
    if running and not any(kept_pages):
        # every line repeats on every page: these are the pages' text, not running headers
        kept_pages = [lines for _, lines, _, _ in per_page]
    got.pages = [
        (pno, kept, shapes, width)
        for (pno, _, shapes, width), kept in zip(per_page, kept_pages, strict=True)
        if kept
    ]
    return got


def _assemble(got: _Parsed, layout: bool) -> tuple[list[RawLine], int, list[str]]:
    """(lines, page count, warnings) of parsed pages, each page's lines in stream order or,
    with `layout`, in its layout's order; raises `ResumeReadError` when no page has text."""
    name = got.name
    out: list[RawLine] = []
    for pno, kept, shapes, width in got.pages:
        ordered = _layout_order(kept) if layout else _fold_side_blocks(kept, width)
        out.extend(_raw_lines(ordered, pno, shapes, width))
    warnings = [*got.warnings, *got.skipped]
    if not out:
        if got.skipped:
            raise ResumeReadError(
                got.skipped[0] + ("; no other page has text" if got.page_count > 1 else "")
            )
        if got.images:
            raise ResumeReadError(
                f"{name}: this PDF has no text layer (it looks scanned); starkit does not do "
                "OCR, so export the resume from its source as a PDF with text, or as DOCX or text"
            )
        raise ResumeReadError(
            f"{name}: no text could be read from this PDF (no text layer: it may be damaged, "
            "or its text was turned into shapes); starkit does not do OCR, so export it again"
        )
    if got.unread:
        warnings.append(_unread_note(name, len(got.unread)))
    if got.hidden >= HIDDEN_NOTE_LETTERS:
        warnings.append(
            f"{name}: {got.hidden:,} letters set under {HIDDEN_TEXT_PT:g} pt, too small to see, "
            "were left out: hidden text (keywords for resume scanners) is no part of what a panel "
            "reads, and a recruiter who finds it may read it as gaming the screen"
        )
    if note := _run_together_note(name, [ln.text for ln in out]):
        warnings.append(note)
    if got.empty_pages:
        listed = ", ".join(map(str, got.empty_pages))
        warnings.append(f"{name}: page(s) {listed} have no text layer (scanned?) and were skipped")
    return out, got.page_count, warnings


def pdf_lines(
    data: bytes, name: str, *, layout: bool = False
) -> tuple[list[RawLine], int, list[str]]:
    """(lines, page count, warnings) of a PDF; raises `ResumeReadError` for PDFs with no
    text layer, encrypted or damaged ones.  Lines come in content-stream order, or with
    `layout` in the order of each page's layout (`_layout_order`)."""
    return _assemble(_parse(data, name), layout)


def _readable(line: _Line, unread: list[str]) -> bool:
    """False for a blank line or one made only of glyphs with no text (a lone '(cid:18)',
    a decoration or a formula's bracket); those glyphs are counted in `unread`."""
    text = line.string
    if not _CID.sub("", text).strip():
        unread.extend(_CID.findall(text))
        return False
    return True


def _unread_note(name: str, count: int) -> str:
    what, were, it = ("characters", "were", "them") if count > 1 else ("character", "was", "it")
    return (
        f"{name}: {count} {what} could not be read (the PDF's font gives no text for {it}; "
        f"other tools show {it} as '(cid:N)') and {were} left out, so a word or symbol may be "
        "missing: if one matters, lint the resume's source file or a PDF exported with "
        "another font"
    )


def _run_together_note(name: str, texts: list[str]) -> str | None:
    """The read-back's note on a text layer with no spaces between words ('Jobdescription1'):
    such text is not judged (`starkit.resume.diagnose`)."""
    pol = diagnosis_policy()
    long, share = run_together(texts, pol.run_together_letters)
    if share <= pol.max_run_together_share:
        return None
    return (
        f"{name}: the PDF's text has few or no spaces between words ('{long[0][:40]}'), so "
        f"words run together ({share:.0%} of its letters): starkit does not judge such text; "
        "lint the resume's source file or a PDF exported again from it"
    )


def _page_too_big(page: Any) -> tuple[str | None, int]:
    """(why the page is not read, or None; the bytes of its drawing instructions, 0 when
    they cannot be told). They are its content streams and the form XObjects it draws, each
    once for every time it is drawn (`_drawing_bytes`)."""
    width, height = float(page.width), float(page.height)
    if max(width, height) > MAX_PDF_PAGE_POINTS:
        return (
            f"it is {width:,.0f} x {height:,.0f} points, over the "
            f"{MAX_PDF_PAGE_POINTS:,}-point limit of a page side"
        ), 0
    try:
        size = _drawing_bytes(page.page_obj)
    except Exception:  # unreadable contents: pdfplumber reports it on the page itself
        return None, 0
    if size > MAX_PDF_HEAVY_CONTENT_BYTES:
        return (
            f"its drawing instructions come to over {mb(MAX_PDF_HEAVY_CONTENT_BYTES)}, the "
            "limit of a page (a dense page holds about 0.1 MB)"
        ), size
    return None, size


# A form XObject drawn by name ('/Fm1 Do'); names with '#' escapes are looked up as written.
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+Do(?![A-Za-z])")
_FORM_DEPTH = 12


def _drawing_bytes(page_obj: Any) -> int:
    """Bytes of drawing instructions pdfminer interprets for a page: its content streams, and
    each form XObject they draw once for every time they draw it (pdfminer interprets a form
    at each use, so a 7 KB page whose 1,000-shape form is drawn 1,000 times cost 87 s). Counted
    up to just over `MAX_PDF_HEAVY_CONTENT_BYTES`; a form that draws itself, or forms nested
    deeper than any designer's, count as over it."""
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psparser import LIT

    over = MAX_PDF_HEAVY_CONTENT_BYTES + 1
    form = LIT("Form")
    done: dict[int, int] = {}

    def drawn(data: bytes, resources: Any, depth: int) -> int:
        total = len(data)
        names = Counter(m.group(1) for m in _DO.finditer(data)) if b"Do" in data else {}
        if not names or total >= over:
            return min(total, over)
        xobjects = resolve1(resolve1(resources).get("XObject")) if resources else None
        if not isinstance(xobjects, dict):
            return total
        for raw_name, uses in names.items():
            stream = resolve1(xobjects.get(raw_name.decode("latin-1")))
            if not isinstance(stream, PDFStream) or stream.get("Subtype") is not form:
                continue  # an image, or no such name: nothing to interpret
            key = id(stream)
            if key not in done:
                done[key] = over  # while it is counted: a form drawing itself is over
                own = resolve1(stream.get("Resources")) or resources
                done[key] = (
                    over if depth >= _FORM_DEPTH else drawn(stream.get_data(), own, depth + 1)
                )
            total += uses * done[key]
            if total >= over:
                return over
        return total

    data = b"".join(resolve1(c).get_data() for c in page_obj.contents)
    return drawn(data, resolve1(page_obj.resources), 0)


def _base(line: _Line) -> float:
    """The line's baseline: the median bottom of its characters (a glyph in another font
    sitting higher or lower does not move it)."""
    bottoms = sorted(c["bottom"] for c in line.chars)
    return bottoms[len(bottoms) // 2]


def _x(line: _Line) -> float:
    return line.xs[0] if line.xs else 0.0


def _fold_side_blocks(lines: list[_Line], page_width: float) -> list[_Line]:
    """Put a role's side column back beside its header.

    Some layouts (RenderCV's Typst themes) write a role's location and dates, set in a
    right-hand column level with the role's title, after the role's bullets: the stream jumps
    back up the page and to the right for two or three short lines, then carries on below the
    bullets.  Read in stream order that would look like a new column (and end the section);
    here such a block (at most 5 lines of at most 8 words, the stream continuing below it) is
    moved to just after the line it sits level with."""
    out = list(lines)
    i = 1
    while i < len(out):
        prev, ln = out[i - 1], out[i]
        size = _line_size(ln)
        jumped = _base(ln) < _base(prev) - 0.8 * size and _x(ln) - _x(prev) > 0.15 * page_width
        if not jumped:
            i += 1
            continue
        j = i + 1
        while (
            j < len(out)
            and j - i < 6
            and abs(_x(out[j]) + out[j].x1 - _x(ln) - ln.x1) < 0.2 * page_width
            and 0 < _base(out[j]) - _base(out[j - 1]) < 3 * size
        ):
            j += 1
        block = out[i:j]
        after = out[j] if j < len(out) else None
        short = len(block) <= 5 and all(len(b.string.split()) <= 8 for b in block)
        below = after is None or (
            _base(after) > _base(block[-1]) and _x(after) < _x(ln) - 0.15 * page_width
        )
        anchor = next(
            (
                a
                for a in range(i - 1, max(-1, i - 40), -1)
                if abs(_base(out[a]) - _base(ln)) < 0.6 * size and _x(out[a]) < _x(ln)
            ),
            None,
        )
        if not (short and below) or anchor is None:
            i += 1
            continue
        rest = out[:i] + out[j:]
        out = rest[: anchor + 1] + block + rest[anchor + 1 :]
        i = j
    return out


def _cut(spans: list[tuple[float, float]], least: float) -> float | None:
    """The middle of the widest gap of at least `least` points between the merged spans, or
    None when the spans leave none."""
    best: tuple[float, float] | None = None
    reach: float | None = None
    for lo, hi in sorted(spans):
        if reach is not None and lo - reach >= least and (best is None or lo - reach > best[0]):
            best = (lo - reach, (lo + reach) / 2)
        reach = hi if reach is None else max(reach, hi)
    return None if best is None else best[1]


def _layout_order(lines: list[_Line]) -> list[_Line]:
    """A page's lines in the order of its layout, by recursive XY cut: a group of lines splits
    first at the widest vertical gutter that runs its whole height (the left side read before
    the right), else at the highest horizontal gap with such a gutter below it
    (`_columns_below`), else at the widest horizontal gap (the upper part first); a group no
    gap splits reads row by row (`_rows`).  For a PDF whose content stream does not follow
    its layout (a designer's two-column CV that writes the right column's heading after its
    entries), read only when the stream order's reading looks wrong (`read_pdf`)."""
    if not lines or len(lines) > MAX_PDF_LAYOUT_LINES:
        return lines
    sizes = sorted(_line_size(ln) for ln in lines)
    gutter = _LAYOUT_GUTTER_EMS * sizes[len(sizes) // 2]
    out: list[_Line] = []
    todo: list[list[_Line]] = [lines]  # a stack: the next group to read is on top
    budget = _LAYOUT_WORK_PER_LINE * len(lines) + _LAYOUT_WORK_BASE
    while todo:
        group = todo.pop()
        if not group:
            continue
        budget -= len(group)
        if len(group) == 1 or budget < 0:
            # one line, or cuts that peel a line at a time (a long column, or a hostile
            # staircase) have spent the page's budget: the rest reads row by row
            out.extend(_rows(group))
            continue
        x = _cut([(_x(ln), ln.x1) for ln in group], gutter)
        if x is not None:
            left = [ln for ln in group if _x(ln) < x]
            if 0 < len(left) < len(group):
                todo.append([ln for ln in group if _x(ln) >= x])
                todo.append(left)
                continue
        y = _columns_below(group, gutter)
        if y is None:
            y = _cut([(ln.top, ln.bottom) for ln in group], 0.0)
        if y is not None:
            upper = [ln for ln in group if ln.top < y]
            if 0 < len(upper) < len(group):  # a line of no height sits on the cut itself
                todo.append([ln for ln in group if ln.top >= y])
                todo.append(upper)
                continue
        out.extend(_rows(group))
    return out


_HEADER_BANDS = 8  # the horizontal gaps from the top tried for columns below them


def _columns_below(group: list[_Line], gutter: float) -> float | None:
    """The highest horizontal gap (of the first `_HEADER_BANDS` from the top) below which the
    lines have a gutter running their whole height, or None: a name and contact line across
    the page, then each column's heading on one row ('CERTIFICATIONS' and 'EXPERIENCE'), then
    the columns. Cut there, each heading is read with its column; cut at the widest gap, the
    row of headings would be read before either column."""
    if len(group) < 2:
        return None
    ordered = sorted(group, key=lambda ln: ln.top)
    reach = ordered[0].bottom
    tried = 0
    for k in range(1, len(ordered)):
        if ordered[k].top >= reach:
            below = ordered[k:]
            if len(below) > 1 and _wide_columns(below, gutter):
                return (reach + ordered[k].top) / 2
            tried += 1
            if tried >= _HEADER_BANDS:
                return None
        reach = max(reach, ordered[k].bottom)
    return None


_COLUMN_PITCH_SAMPLES = 4  # pitches a column needs before its own wrap pitch is trusted


def _text_start(raw: str) -> tuple[int, str, bool, int]:
    """(leading spaces, the text after any bullet glyph, whether a glyph was stripped, the
    index in `raw` where the text itself starts)."""
    lead = len(raw) - len(raw.lstrip())
    body, had, removed = strip_glyph(raw)
    return lead, body, had, removed + (len(body) - len(body.lstrip())) if had else lead


_COLUMN_SHARE = 0.2  # each side of a gutter below a header band spans this share at least


def _wide_columns(lines: list[_Line], gutter: float) -> bool:
    """True when a gutter runs the lines' whole height and each side of it spans at least
    `_COLUMN_SHARE` of their width: two columns, not a narrow column of role dates beside the
    roles (read with them, band by band, each role's dates stay with it)."""
    x = _cut([(_x(ln), ln.x1) for ln in lines], gutter)
    if x is None:
        return False
    lo, hi = min(_x(ln) for ln in lines), max(ln.x1 for ln in lines)
    left = max((ln.x1 for ln in lines if _x(ln) < x), default=lo) - lo
    right = hi - min((_x(ln) for ln in lines if _x(ln) >= x), default=hi)
    return min(left, right) >= _COLUMN_SHARE * (hi - lo)


def _rows(group: list[_Line]) -> list[_Line]:
    """Lines no gap parts, row by row and each row left to right: a row is the lines whose
    baselines lie within half a line's size of its first, so a bullet's glyph (set on the
    x-height, its top below the text's) reads before its text, not after it."""
    out: list[_Line] = []
    row: list[_Line] = []
    first = reach = 0.0  # the row's first baseline, and how far below it the row reaches
    for base, _, ln in sorted((_base(ln), k, ln) for k, ln in enumerate(group)):
        if row and base - first > reach:
            out.extend(sorted(row, key=_x))
            row = []
        if not row:
            first, reach = base, 0.5 * _line_size(ln)
        row.append(ln)
    out.extend(sorted(row, key=_x))
    return out


def _raw_lines(
    lines: list[_Line],
    pno: int,
    shapes: list[tuple[float, ...]],
    page_width: float,
) -> list[RawLine]:
    out: list[RawLine] = []
    sizes = [_line_size(ln) for ln in lines]
    bases = [_base(ln) for ln in lines]
    starts = [_text_start(ln.string) for ln in lines]
    # a line's column: its size and the left edge of its text (after a bullet glyph), to 3
    # points, shared by a bullet's first line and its wrapped lines
    columns = [
        (round(size), round((ln.xs[st[3]] if st[3] < len(ln.xs) else _x(ln)) / 3))
        for ln, size, st in zip(lines, sizes, starts, strict=True)
    ]
    pitches: dict[int, list[float]] = {}
    # the same per column: a page's tightest text (a date column at 10.7 pt) must not make
    # every line of a column set at 13.3 pt look like a new paragraph
    column_pitches: dict[tuple[int, int], list[float]] = {}
    for a in range(len(lines) - 1):
        if bases[a + 1] > bases[a] and abs(sizes[a] - sizes[a + 1]) < 0.6:
            pitch = bases[a + 1] - bases[a]
            pitches.setdefault(round(sizes[a]), []).append(pitch)
            column_pitches.setdefault(columns[a], []).append(pitch)
    wrap_pitch = {k: sorted(v)[len(v) // 10] for k, v in pitches.items() if v}
    column_wrap = {
        k: sorted(v)[len(v) // 10]
        for k, v in column_pitches.items()
        if len(v) >= _COLUMN_PITCH_SAMPLES
    }
    margins = _right_margins(lines)
    # the shapes by their vertical middle: each line looks only at those level with it
    ordered = sorted(shapes, key=lambda s: (s[1] + s[3]) / 2)
    middles = [(s[1] + s[3]) / 2 for s in ordered]
    n = 0
    for i, ln in enumerate(lines):
        text = ln.string.strip()
        if _PAGE_NUMBER.match(text) and (i == 0 or i == len(lines) - 1):
            continue
        n += 1
        size = sizes[i]
        raw = ln.string
        lead, body, had, start = starts[i]
        xs = ln.xs
        x_line = xs[lead] if lead < len(xs) else xs[0]
        x0 = xs[start] if start < len(xs) else x_line
        level = ordered[bisect_left(middles, ln.top - 1) : bisect_right(middles, ln.bottom + 1)]
        marker = not had and any(s[2] <= x_line + 1 and s[0] >= x_line - 3 * size for s in level)
        words = body.split()
        first_end = start + len(words[0]) - 1 if words else start
        first_word = (xs[min(first_end, len(xs) - 1)] - x0 + 0.55 * size) if words and xs else 0.0
        gap = region = False
        if i > 0:
            prev = lines[i - 1]
            pitch = bases[i] - bases[i - 1]
            base = column_wrap.get(columns[i - 1], wrap_pitch.get(round(size)))
            gap = pitch < 0 or pitch > 3 * size
            gap = gap or (base is not None and pitch > base + max(1.5, 0.2 * size))
            # back up the page into another column: a new region of the layout
            region = pitch < -3 * size and abs(x_line - _x(prev)) > 0.15 * page_width
        out.append(
            RawLine(
                text=raw,
                line=n,
                page=pno,
                col=start + 1,
                bullet=marker,
                gap=gap,
                region=region,
                x0=x0,
                x_line=x_line if not marker else x0,
                x1=ln.x1,
                first_word=first_word,
                right_margin=margins[i],
                bold=_bold(ln),
                size=size,
            )
        )
    return out


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs every oddity of a damaged file as a warning on stderr; starkit reports
    a file it cannot read in one line of its own, so those are silenced while reading."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _misplaced(d: Diagnosis) -> bool:
    """True when a reading looks wrong for where its lines fell (no achievement bullet, or
    most claim-like lines outside the achievement sections), not for what the text is (not
    English, run together, a template's sample text)."""
    return d.problem is not None and not (d.foreign or d.run_together or d.template)


def read_pdf(data: bytes, name: str) -> Resume:
    """Read a PDF resume (see the module docstring for how and why).

    A PDF's content stream usually keeps each column together, so it is read in that order.
    A designer's two-column CV may write a column's heading after its entries, so the
    entries land under the sidebar's sections.  When the stream's reading looks wrong, or
    leaves claim-like lines outside the achievement sections (`[diagnosis]
    min_claims_outside` or more) on pages whose stream jumps between columns, the pages are
    read again in their layout's order.  That
    reading is kept, with a note saying so, when it looks right and, if the first looked
    right too, leaves fewer claim-like lines outside and finds no fewer achievement bullets;
    else the first reading stands (and `resume-no-achievements` reports it if it is wrong)."""
    with _quiet_pdfminer():
        parsed = _parse(data, name)
    lines, pages, warnings = _assemble(parsed, layout=False)
    resume = build_resume(lines, name, "pdf", pages=pages, warnings=warnings)
    first = diagnose(resume)
    wrong = _misplaced(first)
    columns = any(ln.region for ln in lines)  # the stream jumped to another column or box
    if not wrong and (first.claims_outside < diagnosis_policy().min_claims_outside or not columns):
        return resume
    try:
        lines, pages, warnings = _assemble(parsed, layout=True)
        warnings.append(LAYOUT_NOTE.format(name=name))
        other = build_resume(lines, name, "pdf", pages=pages, warnings=warnings)
    except Exception:  # a second reading that fails leaves the first, which was whole
        return resume
    second = diagnose(other)
    if _misplaced(second):
        return resume
    better = (
        second.claims_outside < first.claims_outside
        and second.achievement_bullets >= first.achievement_bullets
    )
    return other if wrong or better else resume
