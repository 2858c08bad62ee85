"""Hostile documents, generated small in the test (`tests/hostile/files.py`): each gives its
one-line error, or a bounded reading with a warning. Full-size cases are in the benchmark
(`python -m tests.hostile.bench_hostile`)."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from starkit.errors import ResumeReadError
from starkit.resume import detect_format, read_resume
from tests.hostile import files as F


def _refused(data: bytes, name: str, match: str) -> str:
    with pytest.raises(ResumeReadError, match=match) as exc:
        read_resume(data, name=name)
    assert "\n" not in str(exc.value)
    assert "docs/" not in str(exc.value)  # the app's users cannot open the docs: say the limit
    return str(exc.value)


def test_an_archive_that_inflates_past_the_limit_is_refused_from_its_directory(monkeypatch):
    monkeypatch.setattr("starkit.resume.detect.MAX_ARCHIVE_INFLATED", 2_000_000)
    monkeypatch.setattr("starkit.resume.detect.MAX_ARCHIVE_XML_BYTES", 10_000_000)
    _refused(F.docx_inflating(3), "bomb.docx", r"inflates to 3 MB, over the 2 MB limit")


def test_one_xml_part_over_its_limit_is_refused():
    _refused(F.docx_inflating(11), "big.docx", r"MB of XML, over the 10 MB limit")


def test_a_compression_bomb_entry_is_refused_by_its_ratio():
    msg = _refused(F.docx_empty_paragraphs(300_000), "p.docx", "a compression bomb")
    assert "word/document.xml" in msg


def test_too_many_entries_are_refused(monkeypatch):
    monkeypatch.setattr("starkit.resume.detect.MAX_ARCHIVE_ENTRIES", 50)
    _refused(F.docx_many_entries(60), "many.docx", r"entries, over the limit of 50")


def test_a_directory_that_lies_about_sizes_cannot_inflate_past_it():
    data = bytearray(F.docx_paragraphs(20))
    # the central directory claims 100 bytes for the document: zipfile stops inflating at the
    # declared size (the checks above read that size), and the file is refused in one line
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        if data[pos + 46 : pos + 46 + 17] == b"word/document.xml":
            data[pos + 24 : pos + 28] = (100).to_bytes(4, "little")
        pos = data.find(b"PK\x01\x02", pos + 4)
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        assert zf.getinfo("word/document.xml").file_size == 100
    with pytest.raises(ResumeReadError) as exc:
        read_resume(bytes(data), name="liar.docx")
    assert "\n" not in str(exc.value)


def test_a_dtd_with_entities_is_refused_not_expanded():
    _refused(F.docx_entities(), "lol.docx", "declares a DTD")


def test_an_unresolved_entity_keeps_the_rest_of_its_paragraph():
    from lxml import etree

    from starkit.resume.docx import W, _runs_text

    p = etree.fromstring(
        f'<!DOCTYPE p [<!ENTITY co "Acme">]><w:p xmlns:w="{W[1:-1]}"><w:r><w:t>Led &co; '
        "launch for 3 teams</w:t></w:r></w:p>",
        etree.XMLParser(resolve_entities=False),
    )
    text, _ = _runs_text(p)
    assert text.startswith("Led ") and text.endswith(" launch for 3 teams")


def test_a_document_longer_than_any_resume_is_read_to_the_limit_with_a_warning(monkeypatch):
    monkeypatch.setattr("starkit.resume.docx.MAX_LINES", 300)
    resume = read_resume(F.docx_paragraphs(1_000), name="long.docx")
    assert any(w.endswith("only its first 300 paragraphs were read") for w in resume.warnings)
    assert 200 < len(resume.achievement_bullets) <= 300


def test_a_pdf_longer_than_any_resume_is_read_to_the_page_limit(monkeypatch):
    monkeypatch.setattr("starkit.resume.pdf.MAX_PDF_PAGES", 3)
    resume = read_resume(F.pdf_pages(40), name="long.pdf")
    assert any("has 40 pages; only the first 3 were read" in w for w in resume.warnings)
    # every line repeats on every page: the running-header filter must not drop them all
    assert any("checkout redesign" in b.text for b in resume.achievement_bullets)


def test_a_page_with_too_many_drawing_instructions_is_skipped_with_its_reason():
    _refused(F.pdf_repeated_line(160_000), "stream.pdf", "drawing instructions come to over 8 MB")


def test_a_form_drawn_again_and_again_counts_at_each_use():
    """7 KB whose page draws a 1,000-stroke form 1,000 times: pdfminer interprets the form at
    each use (87 s when only the page's own stream was counted); refused at once. A form
    that draws itself is refused, not followed."""
    _refused(F.pdf_form_drawn(1_000, 1_000), "forms.pdf", "drawing instructions come to over")
    _refused(F.pdf_form_drawn(10, 1, itself=True), "loop.pdf", "drawing instructions come to over")


def test_a_heavy_form_drawn_once_is_read_with_pdfium():
    """A designer's 40,000 strokes kept in one form drawn once (1.2 MB to interpret, 3.9 s in
    pdfplumber): read with PDFium, its text as on a light page."""
    resume = read_resume(F.pdf_form_drawn(40_000, 1), name="designer.pdf")
    light = read_resume(F.pdf_pages(1), name="designer.pdf")
    got = [(b.section, b.text) for b in resume.achievement_bullets]
    assert got == [(b.section, b.text) for b in light.achievement_bullets] and len(got) == 2
    import pdfplumber

    from starkit.limits import MAX_PDF_CONTENT_BYTES
    from starkit.resume.pdf import _page_too_big

    with pdfplumber.open(io.BytesIO(F.pdf_form_drawn(40_000, 1))) as pdf:
        reason, size = _page_too_big(pdf.pages[0])
    assert reason is None and size > MAX_PDF_CONTENT_BYTES


def test_a_heavy_page_with_too_many_characters_is_skipped_with_its_reason(monkeypatch):
    monkeypatch.setattr("starkit.resume.pdf_heavy.MAX_PDF_HEAVY_PAGE_CHARS", 50)
    _refused(F.pdf_heavy_page(40_000), "dense.pdf", r"holds 1\d\d characters, over the 50 limit")


def test_text_drawn_over_itself_on_a_heavy_page_is_read_once():
    """12,000 copies of a line, each at its own place but overlapping (0.65 MB): PDFium
    keeps one of each overlapping run, so the page reads quickly and whole."""
    resume = read_resume(F.pdf_dense_text(12_000), name="dense.pdf")
    assert resume.lines and len(resume.lines) < 200


def test_a_page_heavy_with_vector_shapes_is_read_with_its_bullets():
    """Over `MAX_PDF_CONTENT_BYTES` of drawing instructions (a designer's icons), read with
    PDFium: its text reads as on a light page."""
    from starkit.limits import MAX_PDF_CONTENT_BYTES

    data = F.pdf_heavy_page(40_000)
    resume = read_resume(data, name="designer.pdf")
    light = read_resume(F.pdf_pages(1), name="designer.pdf")
    got = [(b.section, b.text) for b in resume.achievement_bullets]
    assert got == [(b.section, b.text) for b in light.achievement_bullets]
    assert len(got) == 2
    import pdfplumber

    from starkit.resume.pdf import _page_too_big

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        reason, size = _page_too_big(pdf.pages[0])
    assert reason is None and size > MAX_PDF_CONTENT_BYTES


def test_a_huge_page_is_skipped_with_its_reason():
    _refused(F.pdf_huge_page(14_400), "huge.pdf", "14,400 x 14,400 points")


def test_right_margins_equal_the_pairwise_definition():
    from starkit.resume.pdf import _Line, _line_size, _right_margins

    rng = random.Random(3)
    lines = []
    for _ in range(200):
        x0 = rng.uniform(0, 500)
        ln = _Line(xs=[x0], x1=x0 + rng.uniform(1, 300))
        ln.chars = [{"text": "a", "size": rng.choice([9, 10, 12])}]
        lines.append(ln)

    def brute(i: int) -> float:
        me = lines[i]
        x0, size, edge = me.xs[0], _line_size(me), me.x1
        for o in lines:
            if o.xs[0] >= x0 - 3 * size and o.xs[0] < me.x1 and o.x1 > x0:
                edge = max(edge, o.x1)
        return edge

    assert _right_margins(lines) == [brute(i) for i in range(len(lines))]


def test_deep_json_is_refused_in_one_line_by_detection_and_reading():
    data = F.deep_json(100_000)
    assert detect_format(data, "deep.json") == "jsonresume"  # no recursion while sniffing
    _refused(data, "deep.json", "nested 100,000 levels deep")


def test_yaml_alias_bomb_is_refused():
    _refused(F.yaml_aliases(), "lol.yaml", "more than 20 aliases")


def test_deep_yaml_is_refused_with_its_limit():
    data = ("basics:\n  name: A\nwork: " + "[" * 150 + "]" * 150 + "\n").encode()
    _refused(data, "deep.yaml", "nested over 100 levels deep, which a resume never is")


def test_a_text_resume_longer_than_any_is_read_to_the_line_limit(monkeypatch):
    monkeypatch.setattr("starkit.limits.MAX_TEXT_LINES", 50)
    text = "Experience\n" + "- Led 3 teams to cut churn by 20%\n" * 200
    resume = read_resume(text.encode(), name="long.txt")
    assert any(w.endswith("only its first 50 lines were read") for w in resume.warnings)
    assert 40 <= len(resume.achievement_bullets) <= 50


def test_a_line_longer_than_any_is_cut_with_a_warning(monkeypatch):
    monkeypatch.setattr("starkit.limits.MAX_LINE_CHARS", 300)
    text = "Experience\n- " + "Led 3 teams to cut churn by 20% " * 100 + "\n"
    resume = read_resume(text.encode(), name="wide.txt")
    assert any(
        w.endswith("longer than 300 characters; only its start was read") for w in resume.warnings
    )
    assert all(len(b.text) <= 300 for b in resume.achievement_bullets)


def test_text_of_no_height_does_not_break_the_layout_reading():
    """Hidden 0-point text makes lines of no height; the layout order never splits a group
    into an empty part, and a resume read whole in stream order is never lost to it."""
    from starkit.resume.pdf import _layout_order, _Line

    lines = []
    for top, bottom in ((400.0, 400.0), (400.0, 410.0)):  # the first has no height
        ln = _Line()
        ln.add(
            {"text": "a", "x0": 50.0, "x1": 90.0, "top": top, "bottom": bottom, "size": 0},
            False,
            False,
        )
        lines.append(ln)
    assert sorted(map(id, _layout_order(lines))) == sorted(map(id, lines))
    resume = read_resume(F.pdf_zero_height_text(), name="hidden.pdf")
    assert any("checkout redesign" in b.text for b in resume.achievement_bullets)


def test_a_heavy_page_with_too_many_objects_is_skipped_before_its_text_is_built(monkeypatch):
    monkeypatch.setattr("starkit.resume.pdf_heavy.MAX_PDF_HEAVY_PAGE_OBJECTS", 100)
    _refused(F.pdf_heavy_page(40_000), "icons.pdf", r"draws 4\d,\d\d\d objects, over the 100 limit")
