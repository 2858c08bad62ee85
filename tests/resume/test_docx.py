"""DOCX resumes made with python-docx: list paragraphs, tables (role rows, an education table,
a two-column layout table), typed glyphs and tabs."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import pytest

from starkit.errors import ResumeReadError
from starkit.resume import read_resume
from tests.resume.fixtures.docs import two_column_resume, word_resume
from tests.resume.helpers import assert_matches_fixture


@pytest.mark.parametrize("build", [word_resume, two_column_resume], ids=["word", "two-column"])
def test_docx_extracts_every_bullet_whole(build):
    resume = read_resume(build(), name="cv.docx")
    assert resume.format == "docx"
    assert_matches_fixture(resume)


def test_docx_table_rows_become_role_headers_and_education_lines():
    resume = read_resume(word_resume())
    first = resume.roles[0]
    assert (first.organisation, first.title, first.dates, first.location) == (
        "Northwind Analytics",
        "Senior Product Manager",
        "Mar 2021 – Present",
        "Seattle, WA",
    )
    education = [r for r in resume.roles if r.section == "education"]
    assert [(r.organisation, r.title, r.dates) for r in education] == [
        ("University of Washington", "MBA", "2018"),
        ("Oregon State University", "B.S. Computer Science", "2014"),
    ]


def test_docx_page_header_is_read_as_contact():
    resume = read_resume(word_resume())
    assert resume.lines[0].text == "Jordan Avery - Resume"
    assert resume.lines[0].section == "contact"


def test_docx_positions_are_paragraph_numbers():
    resume = read_resume(word_resume())
    lines = [b.source.line for b in resume.bullets]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)
    assert all(b.source.page is None for b in resume.bullets)


def _rezip(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            if item.filename in replace:
                if replace[item.filename] is not None:
                    dst.writestr(item.filename, replace[item.filename])
                continue
            dst.writestr(item, src.read(item.filename))
    return out.getvalue()


def test_truncated_docx_is_refused():
    data = word_resume()
    with pytest.raises(ResumeReadError, match=r"^cv\.docx: .*corrupt or truncated"):
        read_resume(data[: len(data) // 2], name="cv.docx")


def test_docx_with_broken_xml_is_refused():
    data = _rezip(word_resume(), {"word/document.xml": b"<w:document><w:body><w:p>"})
    with pytest.raises(ResumeReadError, match=r"^cv\.docx: .*corrupt"):
        read_resume(data, name="cv.docx")


def test_other_zip_files_are_not_resumes():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "hello")
    with pytest.raises(ResumeReadError, match="ZIP archive, not a resume"):
        read_resume(buf.getvalue(), name="x.docx")


def test_text_box_is_read_once_in_place():
    """Word stores a text box twice (a DrawingML choice and a VML fallback): read it once."""
    from docx import Document
    from lxml import etree

    doc = Document()
    anchor = doc.add_paragraph("Jordan Avery")
    doc.add_heading("Experience", level=1)
    doc.add_paragraph("Contoso | Product Manager | 2020 - 2023")
    doc.add_paragraph("Cut onboarding from 9 days to 2", style="List Bullet")
    box_body = (
        "<w:p><w:r><w:t>SKILLS</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>SQL, Figma, Amplitude</w:t></w:r></w:p>"
    )
    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
        f"<w:txbxContent>{box_body}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:textbox>"
        f"<w:txbxContent>{box_body}</w:txbxContent></v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    anchor._p.append(etree.fromstring(xml))
    buf = io.BytesIO()
    doc.save(buf)
    resume = read_resume(buf.getvalue())
    texts = [ln.text for ln in resume.lines]
    assert texts.count("SQL, Figma, Amplitude") == 1
    assert texts[0] == "Jordan Avery"
    skills = [ln.text for ln in resume.lines if ln.section == "skills" and ln.kind == "text"]
    assert skills == ["SQL, Figma, Amplitude"]
    assert [b.text for b in resume.achievement_bullets] == ["Cut onboarding from 9 days to 2"]


def _png() -> bytes:
    """A 1 x 1 white PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("picture", [True, False], ids=["picture", "empty"])
def test_a_docx_with_no_text_says_whether_it_holds_a_picture(picture):
    """A resume pasted into Word as an image (two of 250 real DOCX files): the error says it is
    a picture, which starkit does not read, not merely 'no text'."""
    from docx import Document

    document = Document()
    if picture:
        document.add_picture(io.BytesIO(_png()))
    buf = io.BytesIO()
    document.save(buf)
    with pytest.raises(ResumeReadError) as exc:
        read_resume(buf.getvalue(), name="cv.docx")
    message = str(exc.value)
    assert message.startswith("cv.docx: ") and "\n" not in message
    assert ("pictures but no text" in message and "OCR" in message) == picture
    assert ("has no text" in message) == (not picture)


def test_bold_capital_headings_with_a_note_in_parentheses_open_their_sections():
    """Real DOCX resumes: 'EXTRACURRICULAR AND VOLUNTEER HISTORY (STARTING COLLEGE)' (a long
    heading with a note), 'JOBS', and headings in capitals with a note in lower case
    ('PROFESSIONAL EXPERIENCE (11 Years)'), beside bold 'Technologies:' labels inside each
    project: the note is no part of the heading's name or style, so the labels do not
    outvote the headings and open skills sections that swallow the projects."""
    paragraphs = [
        ("b", "Jordan Avery"),
        ("b", "CAREER OBJECTIVE"),
        ("", "Seeking a role where I can grow."),
        ("b", "PROFESSIONAL EXPERIENCE (11 Years)"),
        ("", "Acme Corp, Analyst, 2019 - 2021"),
        ("li", "Cut report turnaround from 5 days to 2 for 40 stores"),
        ("b", "PROJECTS OVERVIEW (tools developed)"),
    ]
    for n in range(4):
        paragraphs += [
            ("", f"Inventory tool {n}"),
            ("b", "Technologies:"),
            ("", "Java, Spring, MySQL"),
            ("li", f"Built a stock report used by {n + 3} buyers each week"),
        ]
    paragraphs += [
        ("b", "EXTRACURRICULAR AND VOLUNTEER HISTORY (STARTING COLLEGE)"),
        ("li", "Tutored 12 students in algebra for a semester"),
        ("b", "JOBS"),
        ("li", "Served 200 customers a day as a cashier at a grocery"),
    ]
    resume = read_resume(_docx(paragraphs), name="cv.docx")
    assert [s.name for s in resume.sections] == [
        "contact",
        "summary",
        "experience",
        "projects",
        "leadership",
        "experience",
    ]
    assert [b.section for b in resume.achievement_bullets] == [
        "experience",
        *["projects"] * 4,
        "leadership",
        "experience",
    ]


def _docx(paragraphs: list[tuple[str, str]]) -> bytes:
    """A DOCX of (style, text) paragraphs: 'b' bold, 'h1' a bold Heading 1, 'h2' Heading 2,
    'li' a list item, 'bli' a bold one, '' plain."""
    from docx import Document

    document = Document()
    for style, text in paragraphs:
        if style in ("h1", "h2"):
            heading = document.add_heading(text, level=int(style[1]))
            if style == "h1":
                heading.runs[0].bold = True
            continue
        p = document.add_paragraph(style="List Bullet" if style in ("li", "bli") else None)
        p.add_run(text).bold = style in ("b", "bli")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_a_bold_heading_among_bold_capital_ones_opens_its_section():
    """A cover letter and resume in one file whose headings are bold capitals but for one
    bold 'Work Experience' (a real DOCX read as 0 achievement bullets); a bold skill in a
    list of bold strengths ('Leadership') and a bold role title ('Research & Documentation
    Analyst') open nothing."""
    data = _docx(
        [
            ("b", "Jordan Avery"),
            ("b", "OBJECTIVE"),
            ("", "An entry-level analyst role."),
            ("b", "STRENGTHS"),
            ("b", "Creativity"),
            ("b", "Leadership"),
            ("", "Excel"),
            ("b", "EDUCATION"),
            ("", "B.S. Economics, 2015"),
            ("b", "CERTIFICATIONS"),
            ("", "Google Analytics, 2016"),
            ("b", "Work Experience"),
            ("", "Web Content Manager, Acme Coins (Feb 2014 - May 2015)"),
            ("li", "Hired and managed a staff of four writers and two artists"),
            ("", "Acme Research, Jun 2015 - Jan 2016"),
            ("b", "Research & Documentation Analyst"),
            ("li", "Wrote 40 product guides that cut support tickets by 15% in a year"),
            ("b", "REFERENCES"),
            ("", "On request"),
        ]
    )
    resume = read_resume(data, name="cv.docx")
    assert [s.name for s in resume.sections] == [
        "contact",
        "summary",
        "skills",
        "education",
        "skills",
        "experience",
        "other",
    ]
    assert [b.text[:10] for b in resume.achievement_bullets] == ["Hired and ", "Wrote 40 p"]


def test_a_bold_heading_among_heading_styled_ones_opens_its_section_beside_bold_entries():
    """A real DOCX set 'Objective', 'Highlights of Qualifications' and 'Education' in a bold
    heading style and 'Work Experience' in plain bold, between bold education entries and a
    bold note: it read as 0 achievement bullets (all under 'Education'). A bold entry of a list
    or a bold sentence beside the heading is no list of bold strengths."""
    data = _docx(
        [
            ("", "Jordan Avery"),
            ("h1", "Objective"),
            ("", "To bring 20 years of software work to an analyst role."),
            ("h1", "Highlights of Qualifications"),
            ("li", "Certified Business Analyst"),
            ("h1", "Education"),
            ("bli", "Post-graduate Certificate in Accounting. July 2022. York University."),
            ("bli", "Bachelor of Arts. February 2014. University of Western Ontario."),
            ("b", "Work Experience"),
            ("b", "Note: currently attending a full-time program, expected to finish in 2025."),
            ("h2", "Senior software engineer"),
            ("h2", "Telus Health"),
            ("h2", "April 2021 – January 2024"),
            ("li", "Automated 40 manual daily tasks with a suite of PowerShell scripts"),
            ("li", "Led a team of 3 to move 25 web service endpoints to HTTPS"),
            ("h2", "software developer/business analyst"),  # a style in capitals shows it so
            ("h2", "Datavail"),
            ("h2", "August 2018 – January 2021"),
            ("li", "Made a client's website 100% compliant with accessibility law"),
        ]
    )
    resume = read_resume(data, name="cv.docx")
    # the roles in 'Heading 2' under it are its sub-headings, not sections of their own
    assert [s.name for s in resume.sections][-1] == "experience"
    # the bold 'Note: ...' is a field of the role, no achievement (`[line_labels]`)
    assert [(b.text[:12], b.role.organisation) for b in resume.achievement_bullets] == [
        ("Automated 40", "Telus Health"),
        ("Led a team o", "Telus Health"),
        ("Made a clien", "Datavail"),
    ]
    # the role heading that starts in lower case is no continuation of the bullet above it
    assert resume.achievement_bullets[1].text.endswith("HTTPS")
    assert resume.achievement_bullets[2].role.title == "software developer/business analyst"


def test_a_capital_heading_among_bold_ones_opens_its_section_over_a_bold_role_title():
    """A real DOCX set 'Objective', 'Education' and 'Skills' in bold and 'WORK EXPERIENCE' in
    bold capitals, each role's title bold under it: its 35 duties were read under 'Objective'
    (0 achievement bullets). A bold role title after a heading is no list of bold strengths."""
    data = _docx(
        [
            ("b", "Jordan Avery"),
            ("b", "Objective"),
            ("", "A coordinator role in a fast-paced distribution centre."),
            ("b", "WORK EXPERIENCE"),
            ("b", "Cardinal Health / Coordinator"),
            ("b", "Nov 2020 – Present"),
            ("li", "Tracked 40 associates' orders daily in the warehouse system"),
            ("li", "Cut missed hospital drop-offs by 15% in two quarters"),
            ("li", "Trained 6 new selectors on the handheld scanners"),
            ("li", "Kept the dock's error rate under 1% for a year"),
            ("b", "Education"),
            ("", "B.S. Business, 2019"),
            ("", "Coursework in operations and supply chain"),
            ("b", "Skills"),
            ("", "Excel, SAP"),
            ("", "Forklift certified"),
        ]
    )
    resume = read_resume(data, name="cv.docx")
    assert [s.name for s in resume.sections] == [
        "contact",
        "summary",
        "experience",
        "education",
        "skills",
    ]
    assert len(resume.achievement_bullets) == 4


def test_a_heading_named_before_a_dash_and_roles_set_as_headings_are_experience():
    """'EXPERIENCES – RESPONSIBILITIES' is the experience heading (its first part is a
    heading's name); a role set in a heading style ('HCL InSys– Senior Engineer') with a
    list of duties under it is experience, not an unknown section, and that role."""
    data = _docx(
        [
            ("b", "Jordan Avery"),
            ("b", "EDUCATION"),
            ("", "Systems Engineering Degree"),
            ("b", "EXPERIENCES – RESPONSIBILITIES"),
            ("b", "Technological team | City Hall | 6 months"),
            ("li", "Generated about 500 electronic invoices, cutting billing time 70%"),
            ("h2", "HCL InSys– Senior Engineer"),
            ("li", "Database health checks"),
            ("li", "Capacity planning for database and backup storage"),
            ("h2", "Raffles Medical Group– Senior Systems Analyst [Database]"),
            ("b", "Department: CISD"),
            ("b", "Start Date : 17 May 2019 – Current"),
            ("", "Reason for wanting to leave: moving to a new city with my family"),
            ("li", "Security patching of production clusters"),
            ("li", "Restoration exercises from production to staging"),
            ("h2", "Lucid | Tech Leader          09.2023 ~ 12.2023     Daegu, KR"),
            ("li", "Programmed the player and object interactions of a puzzle game"),
            ("li", "Planned the team schedule for 6 people over 12 weeks"),
        ]
    )
    resume = read_resume(data, name="cv.docx")
    assert [s.name for s in resume.sections] == [
        "contact",
        "education",
        "experience",
        "experience",
        "experience",
        "experience",  # the title between separators, its dates apart ('Lucid | Tech Leader')
    ]
    assert len(resume.achievement_bullets) == 7
    # the heading names the role of the bullets under it; the labels below it open none
    # (the browser check showed roles named 'CISD, Department:')
    assert [(b.role.organisation, b.role.title) for b in resume.achievement_bullets[1:]] == [
        ("HCL InSys", "Senior Engineer"),
        ("HCL InSys", "Senior Engineer"),
        ("Raffles Medical Group", "Senior Systems Analyst [Database]"),
        ("Raffles Medical Group", "Senior Systems Analyst [Database]"),
        ("Lucid", "Tech Leader"),
        ("Lucid", "Tech Leader"),
    ]


def _picture_docx(edit_rels: Callable[[bytes], bytes]) -> bytes:
    """A one-bullet DOCX with a picture, its document relationships rewritten by `edit_rels`
    as some tools write them."""
    from docx import Document

    document = Document()
    document.add_paragraph().add_run("EXPERIENCE").bold = True
    document.add_paragraph("Cut report turnaround from 5 days to 2 for 40 stores", "List Bullet")
    document.add_picture(io.BytesIO(_png()))
    buf = io.BytesIO()
    document.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                body = edit_rels(body)
            dst.writestr(info, body)
    return out.getvalue()


def test_a_docx_whose_parts_are_named_with_backslashes_is_read():
    """Some tools write a relationship's target as 'media\\image1.png' (a real resume DOCX);
    Word opens it, python-docx finds no such part: starkit reads it, not 'corrupt'."""

    def backslashes(body: bytes) -> bytes:
        assert b'Target="media/' in body
        return body.replace(b'Target="media/', b'Target="media\\')

    resume = read_resume(_picture_docx(backslashes), name="cv.docx")
    assert [b.text[:8] for b in resume.achievement_bullets] == ["Cut repo"]


def test_a_docx_linking_to_a_bookmark_with_no_target_mode_is_read():
    """A link to a bookmark written as an internal relationship (Target="#_top" with no
    TargetMode, a real resume DOCX refused as 'corrupt (KeyError)'): Word opens it, and
    starkit reads it; a relationship to a part the archive holds stays internal."""
    from docx import Document

    from starkit.resume.docx import _repaired

    link = (
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/hyperlink" Target="#_top"/>'
    )
    data = _picture_docx(lambda body: body.replace(b"</Relationships>", link + b"</Relationships>"))
    with pytest.raises(KeyError):
        Document(io.BytesIO(data))  # what python-docx does with it alone
    resume = read_resume(data, name="cv.docx")
    assert [b.text[:8] for b in resume.achievement_bullets] == ["Cut repo"]
    with zipfile.ZipFile(io.BytesIO(_repaired(data))) as zf:
        rels = zf.read("word/_rels/document.xml.rels")
    assert b'Target="#_top" TargetMode="External"/>' in rels
    picture = re.search(rb'<Relationship [^>]*Target="media/[^"]*"[^>]*>', rels)
    assert picture is not None and b"TargetMode" not in picture.group(0)


def test_duties_under_a_skills_heading_are_experience_when_they_are_claims():
    """'Roles & Responsibilities:' set after a project's tools, under a skills heading (a real
    DOCX read 1 achievement bullet of 22): its duties are experience. Over a list of tools
    (a designer's sidebar) the label opens nothing."""
    data = _docx(
        [
            ("b", "Jordan Avery"),
            ("b", "Professional Experience:"),
            ("", "Working as a DevOps Engineer at Infosys."),
            ("b", "Technical Expertise:"),
            ("", "Version control\tGit, GitHub"),
            ("b", "Roles & Responsibilities:"),
            ("li", "Created infrastructure with Terraform and a Jenkins pipeline"),
            ("li", "Installed software with Ansible playbooks on 40 servers"),
            ("li", "Automated the deployment of 12 services with Jenkins jobs"),
            ("b", "Tools"),
            ("b", "Key Responsibilities"),
            ("li", "SEMRush"),
            ("li", "Google Analytics"),
        ]
    )
    resume = read_resume(data, name="cv.docx")
    assert [s.name for s in resume.sections][-4:] == ["skills", "experience", "skills", "skills"]
    assert [b.text[:10] for b in resume.achievement_bullets] == [
        "Working as",
        "Created in",
        "Installed ",
        "Automated ",
    ]


def test_lines_wrapped_by_hand_in_plain_paragraphs_are_one_bullet():
    """A real DOCX draws its bullets as shapes and breaks each long line by hand, so every
    printed line is a plain paragraph: a long one cut mid-sentence, then one starting with a
    lower-case word, is one bullet (its fragments were linted as bullets). A link in lower
    case after a role line, and a field set off by a tab ('Environment\\t: ...'), are not."""
    data = _docx(
        [
            ("b", "Jordan Avery"),
            ("b", "WORK EXPERIENCE"),
            ("b", "Growth Strategist, Ecom Capital, 2024 - Present"),
            ("", "Owned strategy and performance outcomes for 25-35 ecommerce accounts, balancing"),
            ("", "acquisition, retention, and scalability in high-growth environments."),
            ("", "Managed $5K-$30K a month of ad budgets, optimising for CAC and steady scaling."),
            ("", "Environment\t: \tShopify, Klaviyo, Meta Ads"),
            ("b", "Project Lead, Seattle Source Ranker, Seattle, WA      Sept 2025 - Present"),
            ("", "name.github.io/Seattle-Source-Ranker/"),
            ("", "Architected a pipeline over 400K+ repositories, cutting collection time by 87%"),
            ("b", "EDUCATION"),
            ("", "B.S. Economics, 2015"),
        ]
    )
    resume = read_resume(data, name="cv.docx")
    assert [b.text for b in resume.achievement_bullets] == [
        "Owned strategy and performance outcomes for 25-35 ecommerce accounts, balancing "
        "acquisition, retention, and scalability in high-growth environments.",
        "Managed $5K-$30K a month of ad budgets, optimising for CAC and steady scaling.",
        "Architected a pipeline over 400K+ repositories, cutting collection time by 87%",
    ]


def test_a_role_title_opening_with_a_gerund_is_a_role_not_a_bullet():
    """'Marketing Intern', 'Research Assistant': a short line ending in a title word is a role
    title though its first word reads as a verb (a real DOCX read the next role's 'Marketing
    Intern' as the last bullet of the role before)."""
    data = _docx(
        [
            ("b", "Jordan Avery"),
            ("b", "WORK EXPERIENCE"),
            ("b", "Sales Representative"),
            ("", "Roger Davis • Oct 2014 - May 2015"),
            ("", "Met and exceeded sales targets in 10 of 12 months across the store."),
            ("", "Trained 5 new starters in product knowledge and the point of sale system."),
            ("b", "Marketing Intern"),
            ("", "AroundYou Marketing • Mar 2014 - Oct 2014"),
            ("", "Wrote 20 blog posts that brought 3,000 visits in a quarter to the site."),
            ("b", "EDUCATION"),
            ("", "B.Com, 2016"),
        ]
    )
    resume = read_resume(data, name="cv.docx")
    assert [b.text[:10] for b in resume.achievement_bullets] == [
        "Met and ex",
        "Trained 5 ",
        "Wrote 20 b",
    ]
    assert resume.achievement_bullets[2].role.title == "Marketing Intern"


def test_a_heading_whose_head_noun_is_experience_holds_experience():
    """'SOFTWARE DEVELOPMENT EXPERIENCE' in a real DOCX resume: its first keyword named skills,
    and its jobs were read as a skills list (0 achievement bullets). The last word of a name
    with no 'and' is its head noun; a first keyword that already names a section of
    achievements ('Volunteer Work Experience') keeps it, and a list ('Skills and Experience')
    is named by its first item."""
    from starkit.resume.lexicon import keyword_section

    assert keyword_section("SOFTWARE DEVELOPMENT EXPERIENCE") == "experience"
    assert keyword_section("Academic Experience") == "experience"
    assert keyword_section("Volunteer Work Experience") == "volunteering"
    assert keyword_section("Skills and Experience") == "skills"
    assert keyword_section("Certifications & Awards") == "skills"
    data = _docx(
        [
            ("b", "Jordan Avery"),
            ("b", "TECHNICAL SKILLS"),
            ("", "Python, SQL, Docker"),
            ("b", "SOFTWARE DEVELOPMENT EXPERIENCE"),
            ("b", "Route Planner | Capstone"),
            ("li", "Implemented a nearest-neighbor heuristic that cut total route time by 18%"),
            ("li", "Wrote SQL procedures to automate 12 weekly data exports"),
            ("b", "EDUCATION"),
            ("", "B.S. Computer Science, 2024"),
        ]
    )
    resume = read_resume(data, name="cv.docx")
    assert [b.text[:11] for b in resume.achievement_bullets] == ["Implemented", "Wrote SQL p"]


def test_jobs_under_a_summary_heading_with_no_experience_heading_are_read():
    """A real DOCX resume: 'Summary', a paragraph and a list of strengths, then 'Capital One
    (Wilmington, Delaware) June, 2014 - Present' and its bullets, with no experience heading:
    0 achievement bullets were read. From the first dated line over marked claims on, the
    summary is experience; the strengths above it stay the summary's."""
    data = _docx(
        [
            ("b", "Jordan Avery"),
            ("b", "Summary"),
            ("", "Eight years of analytics for consumer banking."),
            ("", "Experienced with:"),
            ("li", "Exploratory analysis and data mining"),
            ("li", "Agile marketing practices"),
            ("", "Northwind Bank (Wilmington, Delaware)\tJune, 2014 - Present"),
            ("li", "Led target segmentation for a national campaign reaching 2M customers"),
            ("li", "Built key data sets that cut report turnaround from 5 days to 2"),
            ("b", "Computer Skills"),
            ("", "Python, SQL, Tableau"),
        ]
    )
    resume = read_resume(data, name="cv.docx")
    assert [b.text[:9] for b in resume.achievement_bullets] == ["Led targe", "Built key"]
    assert [s.name for s in resume.sections] == ["contact", "summary", "experience", "skills"]


def test_a_label_of_a_roles_duties_names_no_role():
    """'Responsibilities:', 'Contributions:' or 'Responsibility' over a role's bullets (18 of
    the real files; the browser pass saw roles named so): the bullets stay with the role
    above, and the label is a line of it."""
    data = _docx(
        [
            ("b", "Jordan Avery"),
            ("b", "EXPERIENCE"),
            ("b", "Northwind Bank | Product Analyst | 2021 - 2023"),
            ("", "A regional bank's digital team of 40."),
            ("b", "Responsibilities:"),
            ("li", "Built 12 dashboards that cut reporting time by 40%"),
            ("li", "Ran 6 pricing experiments across 3 regions"),
            ("b", "Contoso | Data Analyst | 2019 - 2021"),
            ("", "Analytics for a chain of 30 stores."),
            ("b", "Contributions:"),
            ("li", "Automated 20 weekly exports with SQL procedures"),
        ]
    )
    resume = read_resume(data, name="cv.docx")
    assert [r.title for r in resume.roles] == ["Product Analyst", "Data Analyst"]
    roles = {b.text[:5]: b.role.title for b in resume.achievement_bullets if b.role}
    assert (roles["Built"], roles["Ran 6"], roles["Autom"]) == (
        "Product Analyst",
        "Product Analyst",
        "Data Analyst",
    )
