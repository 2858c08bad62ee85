"""PDF resumes made with reportlab in three layouts: bullets come out whole (glyphs lost or
mangled included), in their sections, under their roles, with page and line positions."""

from __future__ import annotations

import pytest

from starkit.errors import ResumeReadError
from starkit.resume import read_resume
from tests.resume.fixtures import pdfs
from tests.resume.helpers import assert_matches_fixture

LAYOUTS = [
    "latex-like",
    "word-like",
    "word-like-no-glyphs",
    "word-like-no-glyphs-no-spacing-flush",
    "two-column-sidebar-first",
    "two-column-main-first",
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_pdf_layouts_extract_every_bullet_whole(pdf_fixtures, layout):
    resume = read_resume(pdf_fixtures[layout], name=f"{layout}.pdf")
    assert resume.format == "pdf"
    assert resume.pages is not None and resume.pages >= 1
    assert_matches_fixture(resume)
    assert all("cid:" not in b.text and "•" not in b.text for b in resume.bullets)


def test_two_column_sidebar_stays_out_of_experience(pdf_fixtures):
    resume = read_resume(pdf_fixtures["two-column-main-first"])
    experience_text = " ".join(
        ln.text for ln in resume.lines if ln.section in ("experience", "volunteering")
    )
    assert "jordan.avery@example.com" not in experience_text
    assert "Jira" not in experience_text
    contact = [ln.text for ln in resume.lines if ln.section == "contact"]
    assert "Jordan Avery" in contact


def test_pdf_positions_name_page_and_line(pdf_fixtures):
    resume = read_resume(pdf_fixtures["word-like"])
    by_page = {b.source.page for b in resume.bullets}
    assert by_page <= {1, 2} and 1 in by_page
    first = resume.achievement_bullets[0]
    assert first.source.label().startswith("p1:")
    # the second physical line of a wrapped bullet is the next line of the page
    wrapped = next(b for b in resume.achievement_bullets if len(b.segments) > 1)
    assert wrapped.segments[1].source.line == wrapped.segments[0].source.line + 1
    later = wrapped.position(wrapped.segments[1].offset + 3)
    assert later.line == wrapped.source.line + 1


def test_scanned_pdf_says_no_text_layer_and_no_ocr():
    with pytest.raises(ResumeReadError) as err:
        read_resume(pdfs.scanned(), name="scan.pdf")
    msg = str(err.value)
    assert msg.startswith("scan.pdf: ")
    assert "no text layer" in msg and "OCR" in msg
    assert "\n" not in msg


def test_pdf_with_shapes_but_no_text_is_refused():
    with pytest.raises(ResumeReadError, match=r"^outlines\.pdf: no text could be read.*OCR"):
        read_resume(pdfs.shapes_only(), name="outlines.pdf")


def test_encrypted_pdf_is_refused_in_one_line():
    with pytest.raises(ResumeReadError, match=r"^locked\.pdf: this PDF is encrypted"):
        read_resume(pdfs.encrypted(), name="locked.pdf")


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.9])
def test_truncated_pdf_is_refused(pdf_fixtures, fraction):
    data = pdf_fixtures["latex-like"]
    with pytest.raises(ResumeReadError, match=r"^cut\.pdf: .*(corrupt|truncated)"):
        read_resume(data[: int(len(data) * fraction)], name="cut.pdf")


def _chromium() -> str | None:
    import os
    import shutil

    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None and os.environ.get("STARKIT_REQUIRE_SYSTEM_TESTS") == "1":
        pytest.fail("chromium is required (STARKIT_REQUIRE_SYSTEM_TESTS=1) but not installed")
    return path


@pytest.mark.parametrize("two_column", [False, True], ids=["one-column", "css-grid-sidebar"])
def test_browser_printed_pdf(tmp_path, two_column):
    """HTML `<ul>` bullets printed by Chromium: the glyphs are drawn shapes, not text."""
    import subprocess

    from tests.resume.fixtures.build import to_html

    chromium = _chromium()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    html = tmp_path / "cv.html"
    html.write_text(to_html(two_column=two_column), encoding="utf-8")
    pdf = tmp_path / "cv.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    resume = read_resume(pdf)
    from tests.resume.fixtures.content import RESUME

    got = [(b.text, b.section) for b in resume.achievement_bullets]
    assert got == [(t, s) for t, s, _ in RESUME.achievement_bullets()]
    if not two_column:
        assert_matches_fixture(resume)


def test_running_footers_are_dropped():
    data = pdfs.word_like(running_footer=True)
    resume = read_resume(data)
    assert resume.pages == 2
    everything = [*(b.text for b in resume.bullets), *(ln.text for ln in resume.lines)]
    assert not any("Page" in t for t in everything)
    assert_matches_fixture(resume)


def _canvas_pdf(lines: list[list[tuple[float, str, str]]]) -> bytes:
    """A page drawn line by line from the top, 13 pt apart; each line is (x, font, text)
    runs on one baseline."""
    import io

    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER)
    y = 720.0
    for runs in lines:
        for x, font, text in runs:
            c.setFont(font, 10)
            c.drawString(x, y, text)
        y -= 13
    c.showPage()
    c.save()
    return buf.getvalue()


def test_typesetter_hyphens_are_dropped_and_compound_hyphens_kept():
    bold, regular = "Helvetica-Bold", "Helvetica"
    data = _canvas_pdf(
        [
            [(72, bold, "EXPERIENCE")],
            [(72, bold, "Contoso"), (300, bold, "Product Manager"), (480, bold, "2019 - 2022")],
            [(72, regular, "\u2022"), (84, regular, "Im-")],
            [(84, regular, "plemented self-serve refunds for 2,000 cross-")],
            [(84, regular, "functional support agents")],
            [(72, regular, "\u2022"), (84, regular, "Cut ticket backlog by 40% in one quarter")],
        ]
    )
    resume = read_resume(data)
    assert [b.text for b in resume.bullets] == [
        "Implemented self-serve refunds for 2,000 cross-functional support agents",
        "Cut ticket backlog by 40% in one quarter",
    ]
    role = resume.roles[0]
    assert (role.organisation, role.title, role.dates) == (
        "Contoso",
        "Product Manager",
        "2019 - 2022",
    )


def test_designer_cv_whose_stream_order_misreads_is_read_by_its_columns():
    """A designer's two-column CV writes the main column's heading after its entries: in
    stream order its bullets land under the sidebar's headings. starkit reads the page again
    by its layout, keeps that reading (it finds the bullets under 'WORK HISTORY', a point
    smaller than the sidebar's headings), and says so."""
    from starkit.resume.diagnose import diagnose
    from starkit.resume.pdf import pdf_lines
    from starkit.resume.structure import build_resume
    from tests.resume.fixtures.content import RESUME

    data = pdfs.designer_two_column()
    lines, pages, warnings = pdf_lines(data, "cv.pdf")
    streamed = build_resume(lines, "cv.pdf", "pdf", pages=pages, warnings=warnings)
    assert diagnose(streamed).problem is not None  # the case the layout reading is for

    resume = read_resume(data, name="cv.pdf")
    _, roles = next(pdfs._sections(RESUME))
    got = [(b.section, b.text) for b in resume.achievement_bullets]
    assert got == [("experience", t) for t in pdfs.designer_bullets(roles)]
    assert diagnose(resume).problem is None
    assert any("did not follow its layout" in w for w in resume.warnings)
    sidebar = {ln.text for ln in resume.lines if ln.section != "experience"}
    assert {"English", "Spanish"} <= sidebar


@pytest.mark.parametrize("layout", ["two-column-sidebar-first", "two-column-main-first"])
def test_a_pdf_read_right_in_stream_order_is_not_read_again(pdf_fixtures, layout):
    resume = read_resume(pdf_fixtures[layout], name="cv.pdf")
    assert not any("did not follow its layout" in w for w in resume.warnings)


def test_layout_order_reads_each_column_top_down_and_the_left_first():
    from starkit.resume.pdf import pdf_lines

    lines, _, _ = pdf_lines(pdfs.designer_two_column(), "cv.pdf", layout=True)
    texts = [ln.text.strip() for ln in lines]
    assert texts.index("PERSONAL INFO") < texts.index("SKILLS") < texts.index("LANGUAGES")
    assert texts.index("LANGUAGES") < texts.index("WORK HISTORY")
    heading = texts.index("WORK HISTORY")
    first_role = next(i for i, t in enumerate(texts) if t.startswith("Senior Product Manager"))
    assert heading < first_role


def test_layout_order_past_its_budget_keeps_every_line():
    """A staircase of lines, each gap wider than the last, makes every cut peel one line (a
    hostile page's worst case): past the page's budget the rest reads row by row, and no line
    is lost or repeated."""
    from starkit.resume.pdf import _layout_order, _Line

    lines = []
    for i in range(1_500):
        top = 10 + i * 12 + i * i * 1e-4
        ln = _Line()
        ch = {"text": "a", "x0": 10.0, "x1": 300.0, "top": top, "bottom": top + 10, "size": 10}
        ln.add(ch, False, False)
        lines.append(ln)
    shuffled = lines[::2] + lines[1::2]
    ordered = _layout_order(shuffled)
    assert [id(ln) for ln in ordered] == [id(ln) for ln in lines]


def test_a_main_column_goes_on_over_the_page_past_the_sidebar():
    """Page 1 ends in its sidebar (CERTIFICATIONS); page 2's main column, with no heading of
    its own, goes on with EXPERIENCE, not under the sidebar's last heading."""
    from tests.resume.fixtures.content import RESUME

    resume = read_resume(pdfs.sidebar_pages(), name="cv.pdf")
    _, roles = next(pdfs._sections(RESUME))
    got = [(b.section, b.text) for b in resume.achievement_bullets]
    assert got == [("experience", t) for t in pdfs.designer_bullets(roles)]
    certs = [ln.text for ln in resume.lines if ln.section == "skills"]
    assert any("Google Analytics" in t for t in certs)


def test_a_heading_with_an_icon_and_a_note_in_parentheses_opens_its_section():
    """A designer's icon drawn before 'WORK EXPERIENCE (5+ YEARS)' marks no list item, and the
    note in parentheses is no part of the heading's name: the roles' bullets are experience."""
    from tests.resume.fixtures.content import RESUME

    resume = read_resume(pdfs.icon_headings(), name="cv.pdf")
    _, roles = next(pdfs._sections(RESUME))
    got = [(b.section, b.text) for b in resume.achievement_bullets]
    assert got == [("experience", t) for t in pdfs.designer_bullets(roles)]
    assert [s.name for s in resume.sections if s.name != "contact"] == ["experience", "skills"]


def test_a_control_character_drawn_as_a_glyph_reads_as_a_space():
    """Some fonts map the space to U+0001: read as text it runs every word together
    ('Open\\x01for\\x01relocation'); it is a space."""
    from starkit.resume.pdf import _page_lines

    chars, x = [], 50.0
    for t in "Open\x01for\x01relocation":
        chars.append({"text": t, "x0": x, "x1": x + 5, "top": 100.0, "bottom": 110.0, "size": 10})
        x += 5
    assert [ln.string for ln in _page_lines(chars)] == ["Open for relocation"]


def test_a_row_of_column_headings_is_read_with_its_columns():
    """Name and contact across the page, then 'CERTIFICATIONS' and 'EXPERIENCE' on one row over
    their columns: the layout reading cuts below the contact line, where the columns' gutter
    starts, so each heading is read with its own column."""
    from tests.resume.fixtures.content import RESUME

    resume = read_resume(pdfs.heading_row(), name="cv.pdf")
    _, roles = next(pdfs._sections(RESUME))
    got = [(b.section, b.text) for b in resume.achievement_bullets]
    assert got == [("experience", t) for t in pdfs.designer_bullets(roles)]
    skills = " ".join(ln.text for ln in resume.lines if ln.section == "skills")
    assert "Hubspot Academy" in skills


def test_wrapped_bullets_beside_a_tight_date_column_read_whole():
    """The wrap pitch is a column's own: a date column set tighter than the bullets beside it
    does not split each wrapped bullet into two."""
    resume = read_resume(pdfs.date_column_wraps(), name="cv.pdf")
    want = [f"{a} {b}".replace("high- value", "high-value") for a, b in pdfs.DATE_COLUMN_BULLETS]
    assert [b.text for b in resume.achievement_bullets] == want


def test_a_narrow_date_column_stays_with_its_roles_in_the_layout_order():
    """Read by its layout, a narrow column of role dates beside the roles is read band by
    band: each role's dates come with it, not all the dates before the first role."""
    from starkit.resume.pdf import pdf_lines

    lines, _, _ = pdf_lines(pdfs.dated_roles(), "cv.pdf", layout=True)
    texts = [ln.text.strip() for ln in lines]
    first, second = (
        texts.index(t) for t in ("Product Manager, Northwind", "Associate PM, Contoso")
    )
    assert texts.index("Present") < first < texts.index("Jan") < second


def test_a_pdf_whose_trailer_lost_its_root_is_read_from_a_repaired_copy():
    """An editing tool can leave a PDF whose cross-reference trailer names no /Root (a real
    resume that viewers open was read as 'no pages'): pdfminer cannot open it, pypdf rebuilds
    it; starkit reads the repaired copy and says so, where it refused the file before."""
    from tests.hostile.files import _lines, pdf

    whole = pdf(1, _lines(["Work Experience", "- Grew revenue 20% in 2023 by pricing tests"]))
    broken = whole.replace(b"/Root 1 0 R ", b"")
    assert broken != whole
    resume = read_resume(broken, name="cv.pdf")
    assert any("repaired copy" in w for w in resume.warnings)
    assert [b.text for b in resume.achievement_bullets] == [
        "Grew revenue 20% in 2023 by pricing tests"
    ]
    assert not any("repaired" in w for w in read_resume(whole, name="cv.pdf").warnings)


def test_bullet_glyphs_drawn_after_their_items_mark_those_items():
    """A resume builder's PDF draws each item's text, then its '•' level with the item's first
    line and left of it: read in stream order, each '•' stood on a line of its own after its
    item, and the items were taken for role titles (a real resume). The glyph marks the line
    it is level with."""
    from tests.hostile.files import pdf

    def item(y: int, first: str, second: str) -> str:
        return (
            f"1 0 0 1 62 {y} Tm ({first}) Tj 1 0 0 1 62 {y - 12} Tm ({second}) Tj "
            f"1 0 0 1 50 {y} Tm (\\267) Tj "
        )

    content = (
        "BT /F1 10 Tf 1 0 0 1 50 760 Tm (Jordan Avery) Tj 1 0 0 1 50 730 Tm (EXPERIENCE) Tj "
        "1 0 0 1 50 715 Tm (Product Manager, Acme, 2020 - 2023) Tj "
        + item(700, "Grew weekly active users 20% in two quarters by", "rebuilding onboarding")
        + item(670, "Cut checkout errors from 3% to 1% by adding", "address validation")
        + item(640, "Ran 12 pricing tests with finance and sales", "across 4 markets")
        + "1 0 0 1 50 600 Tm (EDUCATION) Tj 1 0 0 1 50 585 Tm (B.S. Economics, 2015) Tj ET"
    )
    resume = read_resume(pdf(1, content.encode()), name="cv.pdf")
    assert [b.text for b in resume.achievement_bullets] == [
        "Grew weekly active users 20% in two quarters by rebuilding onboarding",
        "Cut checkout errors from 3% to 1% by adding address validation",
        "Ran 12 pricing tests with finance and sales across 4 markets",
    ]
    assert {(b.role.title, b.role.organisation) for b in resume.achievement_bullets} == {
        ("Product Manager", "Acme")
    }


def test_a_heading_with_an_icon_in_a_small_caps_font_opens_its_section():
    """A real PDF resume draws an icon before each heading and sets it in small capitals its
    font maps to mixed case ('(cid:135) EDuCATIOn', 'EXPERIEnCE'): read as list items, every
    heading was lost and 0 achievement bullets were read. Bold and larger than the body, they
    are headings; a bold list item of the body's size with a section's name stays an item."""
    from starkit.resume.structure import RawLine, build_resume

    def line(n: int, text: str, size: float = 9.0, bold: bool = False) -> RawLine:
        return RawLine(text, n, page=1, size=size, bold=bold)

    rows = [
        ("Jordan Avery", 17.0, True),
        ("(cid:135) EDuCATIOn", 12.0, True),
        ("State University, B.Sc. Economics (2019 - 2023)", 9.0, False),
        ("(cid:235) EXPERIEnCE", 12.0, True),
        ("Product Analyst | Acme (Jan 2024 - Present)", 9.0, False),
        ("• Cut report turnaround from 5 days to 2 for 40 stores", 9.0, False),
        ("• Raised trial-to-paid conversion from 3% to 4.1% in two quarters", 9.0, False),
        ("(cid:270) SKILLS", 12.0, True),
        ("(cid:127) Leadership", 9.0, True),
        ("SQL, Python, Tableau", 9.0, False),
    ]
    lines = [line(n, t, size, bold) for n, (t, size, bold) in enumerate(rows, 1)]
    resume = build_resume(lines, "cv.pdf", "pdf")
    assert [s.name for s in resume.sections] == ["contact", "education", "experience", "skills"]
    assert [b.text[:8] for b in resume.achievement_bullets] == ["Cut repo", "Raised t"]
    # shown as printed, in small capitals (the browser pass saw 'EDuCATIOn', 'SummARY')
    assert [s.heading for s in resume.sections[1:]] == ["EDUCATION", "EXPERIENCE", "SKILLS"]


def test_a_column_of_claims_with_no_heading_goes_on_with_the_jobs():
    """A real PDF resume set each job's title and dates in one column and its bullets, drawn
    with no glyph, in the next: the new column opened a contact section, and the resume read
    0 achievement bullets. A headless column of claims after a section of achievements goes
    on with it; a sidebar of contact lines stays contact."""
    from starkit.resume.structure import RawLine, build_resume

    def resume(column: list[str]) -> object:
        rows = ["Jordan Avery", "WORK EXPERIENCE", "Brand Manager", "Acme", "Feb 2023 - present"]
        lines = [RawLine(t, n, page=1) for n, t in enumerate(rows, 1)]
        for n, t in enumerate(column, len(rows) + 1):
            lines.append(RawLine(t, n, page=1, region=n == len(rows) + 1))
        return build_resume(lines, "cv.pdf", "pdf")

    claims = resume(
        [
            "Owned visual style guides and copy guidelines for 3 product lines, ensur-",
            "ing adherence to brand standards.",
            "Developed a monthly plan for social content and email campaigns.",
            "Wrote all social copy, keeping the brand tone across 4 channels.",
            "Managed mass email marketing for the monthly promotions.",
        ]
    )
    assert len(claims.achievement_bullets) == 4
    sidebar = resume(["jordan@example.com", "+1 555 010 0199", "Austin, TX", "linkedin.com/in/x"])
    assert sidebar.achievement_bullets == []
    assert [s.name for s in sidebar.sections] == ["contact", "experience", "contact"]


def test_text_too_small_to_see_is_left_out_and_said():
    """A real PDF resume hid a list of keywords for resume scanners in 1 pt white type, and it
    was read as a role's name; another set a stray '.' at 1 pt, read as an employer. Text under
    2 pt is left out (a note says so when it is more than a speck), and 1 pt spaces between
    visible words still part them."""
    import io

    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER)
    rows = [
        ("Helvetica-Bold", 14, "Jordan Avery"),
        ("Helvetica-Bold", 11, "EXPERIENCE"),
        ("Helvetica-Bold", 10, "Data Analyst, Northwind Bank (2021 - 2024)"),
    ]
    y = 720.0
    for font, size, text in rows:
        c.setFont(font, size)
        c.drawString(72, y, text)
        y -= 16
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Helvetica", 1)
    c.drawString(72, y, "ats_scanner_keywords SQL Server, SSIS, Python, Banking, Finance, Tableau")
    y -= 16
    c.setFillColorRGB(0, 0, 0)
    x = 72.0
    for word in ["•", "Built", "12", "dashboards", "that", "cut", "reporting", "time", "by", "40%"]:
        c.setFont("Helvetica", 10)
        c.drawString(x, y, word)
        x += c.stringWidth(word, "Helvetica", 10)
        c.setFont("Helvetica", 1)
        c.drawString(x, y, " ")  # a generator's 1 pt space
        x += 3
    c.showPage()
    c.save()
    resume = read_resume(buf.getvalue(), name="cv.pdf")
    assert [b.text for b in resume.achievement_bullets] == [
        "Built 12 dashboards that cut reporting time by 40%"
    ]
    assert not any("ats_scanner" in (r.title or "") + (r.organisation or "") for r in resume.roles)
    assert any("too small to see" in w for w in resume.warnings)
