"""Heavy PDF pages read with PDFium, in C: characters and drawn bullet markers in the shapes
`starkit.resume.pdf` reads from pdfplumber.

pdfplumber parses a page's drawing instructions in Python, about a second a megabyte: a
designer's resume whose page holds thousands of vector shapes (icons, rules, shadows) has 1 to
4 MB of them and took 1.5 to 14 s. PDFium (`pypdfium2`, which pdfplumber itself depends on)
reads the same page in under 0.1 s. Pages within `MAX_PDF_CONTENT_BYTES` keep pdfplumber, whose
reading the tests pin; a heavier page, up to `MAX_PDF_HEAVY_CONTENT_BYTES`, is read here.

Each character is a dict with pdfplumber's keys (`text`, `x0`, `x1`, `top`, `bottom`, `size`,
`fontname`, `upright`), in the text page's order, which follows the content stream. Characters
PDFium adds itself (spaces and line breaks it infers) are left out: the line builder infers its
own from the geometry. A glyph with no Unicode reads as '(cid:0)', as pdfminer writes such a
glyph, so the line builder treats it the same way (a bullet glyph, or a letter left out).
"""

from __future__ import annotations

import ctypes
import io
import math
from typing import Any

from starkit.limits import MAX_PDF_HEAVY_PAGE_CHARS

_UNREADABLE = "(cid:0)"
_FONT_NAME_BYTES = 256


class HeavyPageError(Exception):
    """A heavy page over a limit: the reason, said as the rest of 'page N skipped: ...'."""


class HeavyPages:
    """A PDF opened with PDFium, for the pages pdfplumber would take too long on; opened on
    the first heavy page, closed with `close`."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._doc: Any = None

    def _page(self, index: int) -> Any:
        if self._doc is None:
            import pypdfium2 as pdfium

            self._doc = pdfium.PdfDocument(io.BytesIO(self._data))
        return self._doc[index]

    def read(self, index: int) -> tuple[list[dict[str, Any]], list[tuple[float, ...]]]:
        """(characters, marker shapes as (x0, top, x1, bottom)) of the 0-based page `index`,
        in pdfplumber's coordinates (points from the page's top left)."""
        page = self._page(index)
        try:
            height = float(page.get_height())
            return _chars(page, height), _shapes(page, height)
        finally:
            page.close()

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None


def _chars(page: Any, height: float) -> list[dict[str, Any]]:
    import pypdfium2.raw as raw

    text = page.get_textpage()
    try:
        handle = text.raw
        count = raw.FPDFText_CountChars(handle)
        if count > MAX_PDF_HEAVY_PAGE_CHARS:
            raise HeavyPageError(
                f"it holds {count:,} characters, over the {MAX_PDF_HEAVY_PAGE_CHARS:,} limit "
                "of a page (a dense resume page holds about 5,000)"
            )
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
            raw.FPDFText_GetLooseCharBox(handle, i, box)
            raw.FPDFText_GetMatrix(handle, i, matrix)
            # pdfminer's size and box: the font size scaled by the text's vertical scale, the
            # box from the font's descent up by that size
            size = raw.FPDFText_GetFontSize(handle, i) * math.hypot(matrix.c, matrix.d)
            bottom = height - box.bottom
            got = raw.FPDFText_GetFontInfo(handle, i, name, _FONT_NAME_BYTES, ctypes.byref(flags))
            angle = raw.FPDFText_GetCharAngle(handle, i)
            out.append(
                {
                    "text": _UNREADABLE if unreadable else chr(code),
                    "x0": box.left,
                    "x1": box.right,
                    "top": bottom - size,
                    "bottom": bottom,
                    "size": size,
                    "fontname": name.value.decode("utf-8", "replace") if got else "",
                    "upright": angle < 0 or min(angle, 2 * math.pi - angle) < 0.05,
                }
            )
        return out
    finally:
        text.close()


def _shapes(page: Any, height: float) -> list[tuple[float, ...]]:
    """Drawn shapes that can be list markers (`starkit.resume.pdf.is_marker`)."""
    import pypdfium2.raw as raw

    from starkit.resume.pdf import is_marker

    out: list[tuple[float, ...]] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        raw.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke))
        if is_marker(right - left, top - bottom, bool(fill.value), bool(stroke.value)):
            out.append((left, height - top, right, height - bottom))
    return out
