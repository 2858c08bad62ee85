"""Heavy PDF pages read with PDFium, in C: characters and drawn bullet markers in the shapes
`starkit.resume.pdf` reads from pdfplumber.

pdfplumber parses a page's drawing instructions in Python, about a second a megabyte: a
designer's resume whose page holds thousands of vector shapes (icons, rules, shadows) has 1 to
4 MB of them and took 1.5 to 14 s. PDFium (`pypdfium2`, which pdfplumber itself depends on)
reads the same page in under 0.1 s. Pages within `MAX_PDF_CONTENT_BYTES` keep pdfplumber, whose
reading the tests pin; a heavier page, up to `MAX_PDF_HEAVY_CONTENT_BYTES`, is read here.

Each character is a dict with pdfplumber's keys (`text`, `x0`, `x1`, `top`, `bottom`, `size`,
`fontname`, `upright`), in the text page's order, which follows the content stream. Of the
characters PDFium adds itself, the spaces it infers are kept (its character boxes are tight,
where pdfminer's are wide, so the geometry alone would join words) and line breaks left out.
A glyph with no Unicode reads as '(cid:0)', as pdfminer writes such a
glyph, so the line builder treats it the same way (a bullet glyph, or a letter left out).
"""

from __future__ import annotations

import ctypes
import io
import math
from typing import Any

from starkit.limits import (
    MAX_PDF_CONTENT_BYTES,
    MAX_PDF_HEAVY_PAGE_CHARS,
    MAX_PDF_HEAVY_PAGE_OBJECTS,
    mb,
)

_UNREADABLE = "(cid:0)"
_FONT_NAME_BYTES = 256


class HeavyPageError(Exception):
    """A heavy page over a limit: the reason, said as the rest of 'page N skipped: ...'."""


class HeavyPages:
    """A PDF opened with PDFium, for the pages pdfplumber would take too long on; opened on
    the first heavy page (once: a file PDFium cannot open fails every heavy page at once),
    closed with `close`."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._doc: Any = None
        self._failed: Exception | None = None

    def _page(self, index: int) -> Any:
        if self._failed is not None:
            raise self._failed
        if self._doc is None:
            import pypdfium2 as pdfium

            try:
                self._doc = pdfium.PdfDocument(io.BytesIO(self._data))
            except Exception as exc:
                self._failed = exc
                raise
        return self._doc[index]

    def read(self, index: int) -> tuple[list[dict[str, Any]], list[tuple[float, ...]], int]:
        """(characters, marker shapes as (x0, top, x1, bottom), images) of the 0-based page
        `index`, in pdfplumber's coordinates (points from the top left of the page's media
        box). Raises `HeavyPageError` for a page over a limit: its objects are counted before
        PDFium builds its text, so a crafted page costs one cheap count."""
        import pypdfium2.raw as raw

        page = self._page(index)
        try:
            if page.get_rotation():
                raise HeavyPageError(
                    "it is a rotated page with over "
                    f"{mb(MAX_PDF_CONTENT_BYTES)} of drawing instructions"
                )
            objects = raw.FPDFPage_CountObjects(page.raw)
            if objects > MAX_PDF_HEAVY_PAGE_OBJECTS:
                raise HeavyPageError(
                    f"it draws {objects:,} objects, over the {MAX_PDF_HEAVY_PAGE_OBJECTS:,} "
                    "limit of a page"
                )
            left, _, _, top = (float(v) for v in page.get_mediabox())
            origin = (left, top)
            shapes, images = _shapes(page, origin)
            return _chars(page, origin), shapes, images
        finally:
            page.close()

    def close(self) -> None:
        if self._doc is not None:
            doc, self._doc = self._doc, None
            doc.close()


def _chars(page: Any, origin: tuple[float, float]) -> list[dict[str, Any]]:
    import pypdfium2.raw as raw

    text = page.get_textpage()
    try:
        handle = text.raw
        count = raw.FPDFText_CountChars(handle)
        if count > MAX_PDF_HEAVY_PAGE_CHARS:
            raise HeavyPageError(
                f"it holds {count:,} characters, over the {MAX_PDF_HEAVY_PAGE_CHARS:,} limit "
                "of a page"
            )
        left, top = origin
        out: list[dict[str, Any]] = []
        name = ctypes.create_string_buffer(_FONT_NAME_BYTES)
        flags = ctypes.c_int()
        box = raw.FS_RECTF()
        matrix = raw.FS_MATRIX()
        low = False  # the previous index was a surrogate pair's first half
        for i in range(count):
            if low:
                low = False
                continue
            code = raw.FPDFText_GetUnicode(handle, i)
            if code in (0x0D, 0x0A):
                continue
            if raw.FPDFText_IsGenerated(handle, i) and code != 0x20:
                continue  # a space PDFium infers is kept: its boxes are tight, pdfminer's wide
            if code == 0x02:  # PDFium's mark for a hyphen ending a line
                code = 0x2D
            if 0xD800 <= code < 0xDC00 and i + 1 < count:  # a character past U+FFFF
                second = raw.FPDFText_GetUnicode(handle, i + 1)
                if 0xDC00 <= second < 0xE000:
                    code = 0x10000 + ((code - 0xD800) << 10) + (second - 0xDC00)
                    low = True
            unreadable = (
                code in (0, 0xFFFE, 0xFFFF)
                or 0xD800 <= code < 0xE000
                or raw.FPDFText_HasUnicodeMapError(handle, i)
            )
            if not raw.FPDFText_GetLooseCharBox(handle, i, box):
                continue  # no box: it cannot be placed on a line
            scale = 1.0
            if raw.FPDFText_GetMatrix(handle, i, matrix):
                scale = math.hypot(matrix.c, matrix.d)
            # pdfminer's size and box: the font size scaled by the text's vertical scale, the
            # box from the font's descent up by that size
            size = raw.FPDFText_GetFontSize(handle, i) * scale
            bottom = top - box.bottom
            got = raw.FPDFText_GetFontInfo(handle, i, name, _FONT_NAME_BYTES, ctypes.byref(flags))
            angle = raw.FPDFText_GetCharAngle(handle, i)
            out.append(
                {
                    "text": _UNREADABLE if unreadable else chr(code),
                    "x0": box.left - left,
                    "x1": box.right - left,
                    "top": bottom - size,
                    "bottom": bottom,
                    "size": size,
                    "fontname": (
                        name.value.decode("utf-8", "replace") if 0 < got <= _FONT_NAME_BYTES else ""
                    ),
                    "upright": angle < 0 or min(angle, 2 * math.pi - angle) < 0.05,
                }
            )
        return out
    finally:
        text.close()


def _shapes(page: Any, origin: tuple[float, float]) -> tuple[list[tuple[float, ...]], int]:
    """(drawn shapes that can be list markers (`starkit.resume.pdf.is_marker`), images) among
    the page's own objects; objects inside a form are left out (their bounds are in the
    form's space)."""
    import pypdfium2.raw as raw

    from starkit.resume.pdf import is_marker

    left0, top0 = origin
    out: list[tuple[float, ...]] = []
    images = 0
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj in page.get_objects(max_depth=0):
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
            continue
        if obj.type != raw.FPDF_PAGEOBJ_PATH:
            continue
        left, bottom, right, top = obj.get_bounds()
        raw.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke))
        if is_marker(right - left, top - bottom, bool(fill.value), bool(stroke.value)):
            out.append((left - left0, top0 - top, right - left0, top0 - bottom))
    return out, images
