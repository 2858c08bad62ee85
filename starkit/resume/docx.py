"""DOCX resumes (python-docx plus the document XML): paragraphs in body order, including those
inside tables, content controls and text boxes; list numbering (direct or from the style)
marks bullets; heading styles mark headings.

A paragraph is one block: Word wraps lines on screen only, and lines broken by hand
(Shift+Enter) in a non-list paragraph are kept apart.  A bullet broken by Enter (the rest
of the sentence made a paragraph or list item of its own: it starts in lower case, or the
item above ends mid-phrase) is joined back to the item above.  A table row whose
cells each hold one short paragraph ('Acme Corp' | 'Jan 2020 – Present') becomes one line with
the cells tab-separated; other tables are read cell by cell, left to right, which keeps a
two-column layout table (sidebar | main) in reading order.

Positions: `line` is the paragraph's number in that reading order (1-based).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import Any

from starkit.errors import ResumeReadError
from starkit.limits import MAX_LINES
from starkit.resume.detect import check_archive
from starkit.resume.model import Resume
from starkit.resume.structure import RawLine, build_resume

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT = W + "p", W + "tbl", W + "tr", W + "tc", W + "sdt"
_TXBX = W + "txbxContent"
_HEADING_STYLE = re.compile(r"(?i)^heading\s*(\d)$")


class _Doc:
    """What reading a paragraph needs: numbering formats and style facts."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.num_formats = self._numbering(document)
        self.styles: dict[str, Any] = {}
        for style in document.styles:
            try:
                self.styles[style.style_id] = style
            except Exception:  # pragma: no cover - a damaged style entry
                continue

    @staticmethod
    def _numbering(document: Any) -> dict[tuple[str, str], str]:
        """(numId, ilvl) -> numFmt ('bullet', 'decimal', 'none'...)."""
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return {}
        abstract: dict[str, dict[str, str]] = {}
        for an in root.findall(W + "abstractNum"):
            levels = {}
            for lvl in an.findall(W + "lvl"):
                fmt = lvl.find(W + "numFmt")
                levels[lvl.get(W + "ilvl", "0")] = fmt.get(W + "val") if fmt is not None else ""
            abstract[an.get(W + "abstractNumId", "")] = levels
        out: dict[tuple[str, str], str] = {}
        for num in root.findall(W + "num"):
            ref = num.find(W + "abstractNumId")
            if ref is None:
                continue
            for ilvl, fmt in abstract.get(ref.get(W + "val", ""), {}).items():
                out[(num.get(W + "numId", ""), ilvl)] = fmt
        return out

    def style_chain(self, style_id: str | None) -> list[Any]:
        chain = []
        style = self.styles.get(style_id or "")
        while style is not None and len(chain) < 10:
            chain.append(style)
            style = style.base_style
        return chain

    def is_list(self, p: Any) -> bool:
        ppr = p.find(W + "pPr")
        num = ppr.find(W + "numPr") if ppr is not None else None
        if num is None:
            for style in self.style_chain(_style_id(p)):
                sppr = style.element.find(W + "pPr")
                num = sppr.find(W + "numPr") if sppr is not None else None
                if num is not None:
                    break
            else:
                name = (self.styles.get(_style_id(p) or "") or None) and self.styles[
                    _style_id(p) or ""
                ].name
                return bool(name and re.match(r"(?i)list (bullet|number)", name))
        num_id = num.find(W + "numId")
        ilvl = num.find(W + "ilvl")
        nid = num_id.get(W + "val", "0") if num_id is not None else "0"
        if nid == "0":
            return False
        lvl = ilvl.get(W + "val", "0") if ilvl is not None else "0"
        return self.num_formats.get((nid, lvl), "bullet") != "none"

    def heading_level(self, p: Any) -> int | None:
        ppr = p.find(W + "pPr")
        if ppr is not None:
            outline = ppr.find(W + "outlineLvl")
            if outline is not None and outline.get(W + "val", "9").isdigit():
                lvl = int(outline.get(W + "val", "9"))
                if lvl < 9:
                    return lvl + 1
        for style in self.style_chain(_style_id(p)):
            name = style.name or ""
            if name.lower() in ("title",):
                return 0
            m = _HEADING_STYLE.match(name)
            if m:
                return int(m.group(1))
        return None

    def style_bold(self, p: Any) -> bool:
        for style in self.style_chain(_style_id(p)):
            bold = getattr(getattr(style, "font", None), "bold", None)
            if bold is not None:
                return bool(bold)
        return False


def _style_id(p: Any) -> str | None:
    ppr = p.find(W + "pPr")
    style = ppr.find(W + "pStyle") if ppr is not None else None
    return style.get(W + "val") if style is not None else None


def _on(el: Any) -> bool:
    return el is not None and el.get(W + "val", "true") not in ("0", "false", "off")


def _runs_text(p: Any) -> tuple[str, bool | None]:
    """(text, all text bold) of a paragraph, not descending into text boxes or fallbacks."""
    parts: list[str] = []
    bold_chars = plain_chars = 0

    def walk(el: Any, bold: bool | None) -> None:
        nonlocal bold_chars, plain_chars
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in (_TXBX, _P, MC + "Fallback"):
                continue
            if tag == W + "r":
                rpr = child.find(W + "rPr")
                run_bold = _on(rpr.find(W + "b")) if rpr is not None else None
                if rpr is not None and rpr.find(W + "b") is None:
                    run_bold = None
                walk(child, run_bold if run_bold is not None else bold)
            elif tag == W + "t":
                # the text after an entity reference (left unresolved) is its tail: keep it
                text = (child.text or "") + "".join(sub.tail or "" for sub in child)
                parts.append(text)
                if bold:
                    bold_chars += len(text.strip())
                else:
                    plain_chars += len(text.strip())
            elif tag == W + "tab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag in (W + "delText", W + "instrText", W + "fldData", W + "rPr", W + "pPr"):
                continue
            else:
                walk(child, bold)

    walk(p, None)
    text = "".join(parts)
    return text, (bold_chars > 0 and plain_chars == 0) if text.strip() else None


def _textboxes(p: Any) -> list[Any]:
    out = []
    for box in p.iter(_TXBX):
        anc = box.getparent()
        fallback = False
        while anc is not None and anc is not p:
            if anc.tag == MC + "Fallback":
                fallback = True
                break
            anc = anc.getparent()
        if not fallback:
            out.append(box)
    return out


class _Full(Exception):
    """Raised inside the walk when `MAX_LINES` lines have been read."""


_HAND_WRAP_CHARS = 60  # a line wrapped by hand runs most of the page's width


class _Reader:
    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.lines: list[RawLine] = []
        self.n = 0

    def paragraph(self, p: Any) -> None:
        if len(self.lines) >= MAX_LINES:
            raise _Full
        self.n += 1
        text, bold = _runs_text(p)
        if not text.strip():
            self.lines.append(RawLine("", self.n))
        else:
            is_list = self.doc.is_list(p)
            heading = self.doc.heading_level(p)
            if bold is None or (not bold and self.doc.style_bold(p)):
                bold = self.doc.style_bold(p)
            if heading is None and self._split_by_enter(text):
                # a bullet broken by Enter: Word made the rest a paragraph (often a list
                # item) of its own, starting mid-sentence; it continues the bullet
                self.lines.append(RawLine(" ".join(text.split("\n")), self.n, cont=True))
            elif is_list:
                self.lines.append(
                    RawLine(
                        " ".join(text.split("\n")),
                        self.n,
                        bullet=True,
                        brk=True,
                        bold=bold,
                    )
                )
            else:
                for part in text.split("\n"):
                    self.lines.append(RawLine(part, self.n, heading=heading, brk=True, bold=bold))
        for box in _textboxes(p):
            self.container(box)

    def _split_by_enter(self, text: str) -> bool:
        """True when this paragraph carries on the list item above it: that item ends
        mid-phrase ('... services to') or this one starts in lower case. A paragraph in a
        heading style never does: 'software developer/bUSINESS aNALYST' in a style that sets
        it in capitals is the next role's title (a real DOCX glued it to a bullet's end)."""
        from starkit.resume.roles import has_date_range
        from starkit.resume.structure import _ends_joiner, _ends_sentence, strip_glyph

        prev = next((ln for ln in reversed(self.lines) if ln.text.strip()), None)
        if prev is None or not self.lines[-1].text.strip():
            return False
        t = text.lstrip()
        if not (prev.bullet or prev.cont or strip_glyph(prev.text)[1]):
            # the paragraph above is no list item (typed '•' counts as one); but a long plain
            # paragraph cut mid-sentence, then one in lower case, is a line the writer wrapped
            # by hand (a real DOCX whose bullets are drawn shapes: 'Owned strategy ...,
            # balancing acquisition' / 'scalability in high-growth environments.')
            first = t.split()[0].rstrip(",.;:)") if t.split() else ""
            return (
                prev.heading is None
                and len(prev.text) >= _HAND_WRAP_CHARS
                and not _ends_sentence(prev.text)
                and not has_date_range(prev.text)  # a role line ('Project Lead, ... 2025')
                and first.isalpha()  # a word, not a link ('name.github.io/...')
                and first.islower()
            )
        if _ends_sentence(prev.text):
            return False
        return t[:1].islower() or (_ends_joiner(prev.text) and t[:1].isalnum())

    def table(self, tbl: Any) -> None:
        for tr in tbl.findall(_TR):
            if len(self.lines) >= MAX_LINES:
                raise _Full
            cells = [tc for tc in tr if tc.tag == _TC]
            if self._simple_row(cells):
                texts = [
                    _runs_text(p)[0].strip() for tc in cells for p in tc.iter(_P) if p is not None
                ]
                texts = [t for t in texts if t]
                if not texts:
                    continue
                self.n += 1
                bolds = [_runs_text(p)[1] for tc in cells for p in tc.iter(_P)]
                bold = next((b for b in bolds if b is not None), None)
                self.lines.append(RawLine("\t".join(texts), self.n, brk=True, bold=bold))
            else:
                for tc in cells:
                    self.container(tc)

    def _simple_row(self, cells: list[Any]) -> bool:
        if len(cells) < 2:
            return False
        for tc in cells:
            paras = [p for p in tc if p.tag == _P and _runs_text(p)[0].strip()]
            nested = next(tc.iter(_TBL), None) is not None  # an element's truth is its length
            if len(paras) > 1 or nested or any(self.doc.is_list(p) for p in paras):
                return False
            if paras and len(_runs_text(paras[0])[0].split()) > 12:
                return False
        return True

    def container(self, el: Any) -> None:
        for child in el:
            tag = child.tag
            if tag == _P:
                self.paragraph(child)
            elif tag == _TBL:
                self.table(child)
            elif tag == _SDT:
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.container(content)
            elif tag in (W + "customXml", W + "smartTag", MC + "AlternateContent", MC + "Choice"):
                self.container(child)


_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*>")
_TARGET = re.compile(rb'\bTarget="([^"]*)"')


def _repaired(data: bytes) -> bytes:
    """The archive with its relationships' targets as Word reads them, for python-docx:
    '\\' read as '/' (some tools write 'media\\image1.jpg'), and a target that names no part
    of the archive ('#_top', a link to a bookmark written with no TargetMode, in a real
    resume) marked external, as Word treats it; python-docx raised KeyError on both. The
    archive's size was checked before this is called."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        names = set(src.namelist())
        for info in src.infolist():
            body = src.read(info)
            if info.filename.endswith(".rels"):
                # the folder the targets are relative to: 'word/' for 'word/_rels/x.rels'
                base = posixpath.dirname(posixpath.dirname(info.filename))
                body = _RELATIONSHIP.sub(
                    lambda m, b=base: _relationship(m.group(0), b, names), body
                )
            dst.writestr(info, body)
    return out.getvalue()


def _relationship(tag: bytes, base: str, names: set[str]) -> bytes:
    """One relationship element, its target repaired (see `_repaired`)."""
    tag = _TARGET.sub(lambda m: m.group(0).replace(b"\\", b"/"), tag)
    target = _TARGET.search(tag)
    if target is None or b"TargetMode=" in tag:
        return tag
    path = target.group(1).decode("utf-8", "replace")
    part = posixpath.normpath(posixpath.join("/" + base, path)).lstrip("/")  # '/x' is absolute
    if part in names:
        return tag
    end = -2 if tag.endswith(b"/>") else -1
    return tag[:end].rstrip() + b' TargetMode="External"' + tag[end:]


def docx_lines(data: bytes, name: str) -> tuple[list[RawLine], list[str]]:
    """(paragraphs, warnings) of a DOCX in reading order, first-page header first; at most
    `MAX_LINES` lines are read (the archive itself is checked first: `check_archive`)."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_archive(zf, name)
    except zipfile.BadZipFile:
        raise ResumeReadError(
            f"{name}: a corrupt or truncated DOCX (BadZipFile); open it in Word and save it again"
        ) from None
    try:
        try:
            document = Document(io.BytesIO(data))
        except KeyError:
            # a part named with Windows separators ('media\\image1.jpg'), or a link to a
            # bookmark with no TargetMode ('#_top'), which Word opens
            document = Document(io.BytesIO(_repaired(data)))
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, ValueError) as exc:
        raise ResumeReadError(
            f"{name}: a corrupt or truncated DOCX ({type(exc).__name__}); "
            "open it in Word and save it again"
        ) from None
    except Exception as exc:  # lxml syntax errors and the like: a damaged file
        if "encrypt" in str(exc).lower():
            raise ResumeReadError(f"{name}: this DOCX is password-protected") from None
        raise ResumeReadError(
            f"{name}: a corrupt DOCX ({type(exc).__name__}); open it in Word and save it again"
        ) from None
    reader = _Reader(_Doc(document))
    try:
        header = document.sections[0].header if document.sections else None
        if header is not None and not header.is_linked_to_previous:
            reader.container(header._element)
    except Exception:  # a missing or odd header part: the body is what matters
        pass
    warnings: list[str] = []
    try:
        reader.container(document.element.body)
    except _Full:
        warnings.append(
            f"{name}: the document is longer than any resume; only its first {MAX_LINES:,} "
            "paragraphs were read"
        )
    return reader.lines[:MAX_LINES], warnings


def _pictures(data: bytes) -> bool:
    """True when the document's body draws a picture (DrawingML or VML)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        try:
            body = zf.read("word/document.xml")  # the archive's size was checked on opening
        except KeyError:
            return False
    return b"<pic:pic" in body or b"<v:imagedata" in body or b"<w:pict" in body


def read_docx(data: bytes, name: str) -> Resume:
    """Read a DOCX resume (see the module docstring)."""
    lines, warnings = docx_lines(data, name)
    if not any(ln.text.strip() for ln in lines):
        if _pictures(data):
            raise ResumeReadError(
                f"{name}: the document holds pictures but no text (a resume pasted in as an "
                "image); starkit does not do OCR, so save the resume's text as DOCX, PDF or text"
            )
        raise ResumeReadError(f"{name}: the document has no text")
    return build_resume(lines, name, "docx", warnings=warnings)
