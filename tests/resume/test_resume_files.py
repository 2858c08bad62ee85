"""Reading faults found on real template files (corpus/resume_files): each fixture is the
shape of a published file, cut down to the lines that matter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from starkit.resume import read_resume
from starkit.resume.detect import sniff_text
from starkit.resume.diagnose import diagnose

# mikepqr/resume.md: a Markdown resume whose headings wrap their halves in <span>, with
# template instructions in multi-line HTML comments.
SPAN_MARKDOWN = """<!-- The (first) h1 will be used as the <title> of the HTML page -->
# Pat Example

<!-- The unordered list immediately after the h1 will be formatted on a single
line. It is intended to be used for contact details -->
- <pat@example.com>
- San Francisco, CA

## Experience

<!-- You have to wrap the "left" and "right" half of these headings in spans by
hand -->
### <span>CEO, Example Co</span> <span>Dec 2013 -- Dec 2014</span>

 - Built a compression engine used by 40 teams
 - Won the 2014 regional startup prize

### <span>Teacher, CoderDojo</span> <span>July 2013 -- Dec 2013</span>

 - Taught 30 students weekly

## Projects

### <span>Miss Direction</span> <span>Aug 2016</span>

 - Built by a team of 4 in 2 days

## Education

### <span>Example University, BA</span> <span>2011 -- 2014</span>
"""


def test_markdown_with_span_headings_is_markdown_not_html():
    assert sniff_text(SPAN_MARKDOWN) == "markdown"


def test_markdown_multiline_comments_are_not_read_as_content():
    resume = read_resume(SPAN_MARKDOWN.encode(), name="resume.md")
    assert [b.text for b in resume.achievement_bullets] == [
        "Built a compression engine used by 40 teams",
        "Won the 2014 regional startup prize",
        "Taught 30 students weekly",
        "Built by a team of 4 in 2 days",
    ]
    read = " ".join(x.text for x in [*resume.lines, *resume.bullets])
    assert "wrap the" not in read and "formatted on a single" not in read
    assert "<!--" not in read and "-->" not in read


def test_html_with_many_block_tags_is_still_html():
    html = "# not a heading\n# nor this\n" + "<div><p>Led a team</p></div>\n" * 5
    assert sniff_text(html) == "html"


# sharu725/online-cv `_data/data.yml`: each section a mapping with a title and its entries
# under a key of its own (info, assignments, schools...).
WRAPPED_YAML = """experiences:
  title: Experiences
  info:
  - role: Lead Developer
    time: 2015 - Present
    company: Startup Hubs, San Francisco
    details: |
      Built the payments service used by 12 merchants.
  - role: UI Developer
    time: 2012 - 2014
    company: Amazon, London
    details: |
      Shipped the checkout redesign in 6 weeks.
education:
  title: Education
  info:
  - degree: MSc in Computer Science
    university: University of London
    time: 2011 - 2012
"""


def test_section_wrapper_mapping_reads_its_entries():
    resume = read_resume(WRAPPED_YAML.encode(), name="data.yml")
    bullets = [(b.text, b.section) for b in resume.achievement_bullets]
    assert bullets == [
        ("Built the payments service used by 12 merchants.", "experience"),
        ("Shipped the checkout redesign in 6 weeks.", "experience"),
    ]
    assert [r.organisation for r in resume.roles if r.section == "experience"] == [
        "Startup Hubs, San Francisco",
        "Amazon, London",
    ]


def test_an_experience_section_read_empty_is_never_a_clean_pass():
    # entries under a key starkit does not know, with too few words read to reach min_words:
    # the experience section was found and nothing under it, so the file was not read
    text = "experience:\n  title: Work\n  jobs_text: 7\n"
    resume = read_resume(text.encode(), name="data.yml")
    assert resume.achievement_bullets == []
    assert diagnose(resume).problem == "no achievement bullet was found"


def _docx(paragraphs: list[tuple[str, str]]) -> bytes:
    import io

    import docx

    d = docx.Document()
    for style, text in paragraphs:
        if style == "h":
            d.add_heading(text, level=2)
        else:
            d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# NaveenSaini76/Resume_Parser_Pinnacle_Labs sample_resume.docx: projects typed as '1. Name'
# paragraphs, each above an unmarked description and a 'Tech:' line.
def test_numbered_project_titles_are_headers_not_achievements():
    data = _docx(
        [
            ("p", "Alex Example"),
            ("h", "Experience"),
            ("p", "Software Engineer — Example Inc., Austin, TX"),
            ("p", "June 2022 – Present"),
            ("p", "• Reduced API latency by 40% through Redis caching."),
            ("h", "Projects"),
            ("p", "1. AI Resume Parser (Personal Project)"),
            ("p", "Built a Flask web app that extracts data from 3 resume formats."),
            ("p", "Tech: Python, Flask, spaCy"),
            ("p", "2. E-Commerce Recommendation Engine"),
            ("p", "Designed a recommender that raised click-through rate by 28%."),
        ]
    )
    resume = read_resume(data, name="sample_resume.docx")
    assert [(b.text, b.section) for b in resume.achievement_bullets] == [
        ("Reduced API latency by 40% through Redis caching.", "experience"),
        ("Built a Flask web app that extracts data from 3 resume formats.", "projects"),
        ("Designed a recommender that raised click-through rate by 28%.", "projects"),
    ]


def test_numbered_achievements_stay_achievements():
    text = (
        "Pat Example\n\nEXPERIENCE\nEngineer, Example Co, 2020 - 2022\n"
        "1. Led the move to Kubernetes for 40 services\n2. Cut build time by 30%\n"
    )
    resume = read_resume(text.encode(), name="resume.txt")
    assert [b.text for b in resume.achievement_bullets] == [
        "Led the move to Kubernetes for 40 services",
        "Cut build time by 30%",
    ]


# elipapa/markdown-cv index.md: an academic CV whose positions sit under 'Occupation'.
def test_occupation_heading_is_experience():
    text = "# Pat Example\n\n## Occupation\n\n`2016`\n__Royal Mint__, London\n\n- Minted 2M coins\n"
    resume = read_resume(text.encode(), name="index.md")
    assert [(b.text, b.section) for b in resume.achievement_bullets] == [
        ("Minted 2M coins", "experience")
    ]


# moderncv's two-column list, printed to PDF: each item's marker is a glyph its font gives no
# text for, so pdfminer writes '(cid:123)'; items 1 and 4 sit side by side on one baseline.
Run = tuple[float, float, str] | tuple[float, float, str, float]


def _chars(runs: list[Run]) -> list[dict[str, object]]:
    """pdfminer-like characters: (x, top, text[, size]) runs, 5 pt a letter, 10 pt type
    unless given; a '(cid:N)' run is one glyph."""
    out: list[dict[str, object]] = []
    for run in runs:
        x, top, text = run[:3]
        size = run[3] if len(run) == 4 else 10.0
        glyphs = re.findall(r"\(cid:\d+\)|.", text)
        for g in glyphs:
            if g != " ":
                out.append(
                    {
                        "text": g,
                        "x0": x,
                        "x1": x + 5,
                        "top": top,
                        "bottom": top + size,
                        "size": size,
                        "fontname": "LMRoman10-Regular",
                        "upright": True,
                    }
                )
            x += 5
    return out


def _pdf_resume(runs: list[Run]):
    from starkit.resume import pdf
    from starkit.resume.structure import build_resume

    unread: list[str] = []
    lines = [ln for ln in pdf._page_lines(_chars(runs), unread) if pdf._readable(ln, unread)]
    warnings = [pdf._unread_note("cv.pdf", len(unread))] if unread else []
    raw = pdf._raw_lines(lines, 1, [], 612.0)
    return build_resume(raw, "cv.pdf", "pdf", pages=1, warnings=warnings)


CID_TWO_COLUMN = [
    (72, 100, "EXPERIENCE"),
    (72, 120, "Engineer, Contoso, 2019-2022"),
    (72, 134, "(cid:123)"),
    (84, 134, "Cut build time by 40% for 30 teams"),
    (320, 134, "(cid:123)"),
    (332, 134, "Led the move to Kubernetes"),
    (72, 148, "(cid:123)"),
    (84, 148, "Hired 4 engineers in 2021"),
    (320, 148, "(cid:123)"),
    (332, 148, "Wrote the on-call guide"),
    (72, 170, "Caf(cid:233)"),
    (92, 170, " menu app with 2k users"),
    (72, 184, "(cid:18)"),
]


def test_pdf_unmapped_glyph_separates_side_by_side_items_and_is_never_text():
    resume = _pdf_resume(CID_TWO_COLUMN)
    assert [b.text for b in resume.achievement_bullets][:4] == [
        "Cut build time by 40% for 30 teams",
        "Led the move to Kubernetes",
        "Hired 4 engineers in 2021",
        "Wrote the on-call guide",
    ]
    read = [x.text for x in [*resume.lines, *resume.bullets]]
    assert not any("cid" in t for t in read), read
    # the glyph inside 'Caf(cid:233)' and the lone '(cid:18)' are left out, and the user told
    assert len(resume.warnings) == 1
    assert "2 characters could not be read" in resume.warnings[0]
    assert "(cid:N)" in resume.warnings[0]


# moderncv (classic style) printed to PDF: headings in a larger regular face (14.3 pt), a
# sub-heading ('Vocational', 'Miscellaneous') at 12 pt, each role's 'dates Title, Employer'
# line at 10.9 pt from the left margin and its description at 10 pt, set in under the title.
MODERNCV = [
    (146, 60, "Pat Example", 20.0),
    (146, 100, "Education", 14.3),
    (92, 120, "2010–2014 BSc, Fabrikam University, Lyon.", 10.9),
    (146, 150, "Experience", 14.3),
    (146, 170, "Vocational", 12.0),
    (92, 188, "2019–2022 Engineer, Contoso, Berlin.", 10.9),
    (146, 202, "Ran the payments platform for 3 regions."),
    (146, 214, "Detailed achievements:"),
    (146, 226, "(cid:123)"),
    (157, 226, "Cut build time by 40%;"),
    (146, 238, "(cid:123)"),
    (157, 238, "Hired 4 engineers."),
    (92, 256, "2016–2019 Analyst, Litware, Paris.", 10.9),
    (146, 270, "Built the weekly sales report"),
    (146, 282, "Automated 2k invoice checks a month"),
    (146, 300, "Miscellaneous", 12.0),
    (92, 318, "2014–2016 Tutor, Woodgrove, Lyon.", 10.9),
    (146, 332, "Taught 40 students a week"),
    (146, 360, "Languages", 14.3),
    (92, 380, "English Native speaker"),
    (146, 410, "Interests", 14.3),
    (92, 430, "Cycling and chess"),
]


def test_moderncv_pdf_descriptions_are_bullets_and_a_sub_heading_stays_in_its_section():
    resume = _pdf_resume(MODERNCV)
    assert [s.name for s in resume.sections] == [
        "contact",
        "education",
        "experience",
        "skills",
        "other",
    ]
    assert [b.text for b in resume.achievement_bullets] == [
        "Ran the payments platform for 3 regions.",
        "Cut build time by 40%;",
        "Hired 4 engineers.",
        "Built the weekly sales report",
        "Automated 2k invoice checks a month",
        "Taught 40 students a week",
    ]
    labels = [ln.text for ln in resume.lines if ln.kind == "text"]
    assert "Detailed achievements:" in labels


def _drawn_pdf(lines: list[tuple[float, str]]) -> bytes:
    """A one-page PDF with each (x, text) drawn on its own baseline, 13 pt apart."""
    import io

    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER)
    for k, (x, text) in enumerate(lines):
        c.setFont("Helvetica", 10)
        c.drawString(x, 720 - 13 * k, text)
    c.showPage()
    c.save()
    return buf.getvalue()


# A PDF whose text layer has no spaces (the words placed by position only, as some
# typesetters write them): read as 'Jobdescription1', it must not be scored.
RUN_TOGETHER = [
    (72, "PatExample"),
    (72, "EXPERIENCE"),
    (72, "Engineer,Contoso,2019-2022"),
    (72, "-  Cutbuildtimeby40%forthirtyproductteams"),
    (72, "-  Ledthemovetokubernetesforthepaymentsplatform"),
    (72, "-  Hiredandonboardedfourengineersinoneyear"),
    (72, "EDUCATION"),
    (72, "BSc,FabrikamUniversity,2014"),
]


def test_pdf_text_with_no_spaces_is_said_and_not_scored():
    from starkit.resume.report import lint_resume

    resume = read_resume(_drawn_pdf(RUN_TOGETHER), name="cv.pdf")
    notes = [w for w in resume.warnings if "no spaces between words" in w]
    assert len(notes) == 1 and "Cutbuildtimeby40" in notes[0]
    report = lint_resume(resume)
    assert report.score is None
    [finding] = [f for f in report.document_findings if f.rule == "resume-no-achievements"]
    assert "words run together" in finding.message


def test_spaced_pdf_text_with_long_words_and_addresses_is_judged():
    spaced = [
        (72, "Pat Example  pat.example@internationalbusinessmachines.com"),
        (72, "EXPERIENCE"),
        (72, "Engineer, Contoso, 2019-2022"),
        (72, "-  Led internationalization of the checkout for 12 markets"),
        (72, "-  Cut build time by 40% for thirty product teams"),
    ]
    resume = read_resume(_drawn_pdf(spaced), name="cv.pdf")
    assert not any("no spaces" in w for w in resume.warnings)
    from starkit.resume.report import lint_resume

    assert lint_resume(resume).score is not None


def test_small_labels_under_a_heading_sized_line_are_not_descriptions():
    # AltaCV's sidebar: a 17 pt 'A DAY OF MY LIFE' over a pie chart's 9 pt labels, read in
    # the projects section; the labels are not the description of a role
    altacv = [
        (35, 60, "Pat Example", 20.0),
        (35, 100, "PROJECTS", 17.2),
        (35, 124, "Payments revamp", 12.0),
        (35, 140, "•"),
        (46, 140, "Cut checkout time by 30% for 2M users"),
        (35, 170, "A DAY OF MY LIFE", 17.2),
        (107, 200, "Sleep,", 9.0),
        (73, 210, "beautiful sleep", 9.0),
        (68, 240, "Hopeful novelist by night", 9.0),
    ]
    resume = _pdf_resume(altacv)
    assert [b.text for b in resume.achievement_bullets] == ["Cut checkout time by 30% for 2M users"]


# A template left as it came (moderncv 'Achievement 1;', AltaCV 'Job description 1', online-cv
# lorem ipsum): its sample lines are not the writer's achievements, so it is not scored.
TEMPLATE = (
    Path(__file__).parents[1] / "data" / "resumes" / "template_left_as_it_came.txt"
).read_text(encoding="utf-8")

# A resume of the writer's own with two slots left in it: scored as before.
TWO_SLOTS = """Alex Kim

EXPERIENCE
Acme, Product Manager, 2020 - 2023
- Led the [Company] checkout migration
- Grew revenue by XX% in a year
- Cut onboarding time from 14 days to 3 days
- Launched self-serve refunds for 2,000 merchants
"""


def _lint(text: str, name: str = "cv.txt"):
    from starkit.resume.report import lint_resume

    return lint_resume(read_resume(text.encode(), name=name))


def test_a_resume_of_mostly_template_text_is_not_scored_and_says_why():
    report = _lint(TEMPLATE)
    assert report.score is None
    assert report.score_note() == "mostly template text"
    [f] = report.document_findings
    assert f.rule == "resume-no-achievements"
    assert f.message.startswith(
        "most achievement bullets (4 of 5) are a template's sample or placeholder text "
        "('Achievement 1;', 'Achievement 2;', 'Job description 1'), so the resume was not scored"
    )
    assert "achievement of your own" in f.suggestion
    assert "n/a (mostly template text)" in report.to_markdown()
    from starkit.resume.cli import render_text

    assert (
        render_text(report, "cv.txt")
        .rstrip()
        .endswith("score n/a: mostly template text (see above)")
    )
    # a sample line's '1' measures nothing, and 'Achievement 1;' claims no work: it is read
    # (5 achievement bullets) but asked for no number, so one of the two work claims has one
    samples = [i for i in report.items if i.text in ("Achievement 1;", "Job description 1")]
    assert [(i.quantities, i.claims_work) for i in samples] == [([], False), ([], False)]
    assert report.achievement_bullets == 5
    assert report.quantified_share == 0.5


def test_a_resume_with_a_few_slots_in_its_own_lines_is_still_scored():
    report = _lint(TWO_SLOTS)
    assert report.document_findings == []
    assert report.score is not None
    assert diagnose(report.resume).template == [
        "Led the [Company] checkout migration",
        "Grew revenue by XX% in a year",
    ]


def test_a_sample_or_lorem_ipsum_line_gets_only_its_placeholder_finding():
    report = _lint(TEMPLATE)
    by_text = {i.text: i for i in report.items}
    lorem = by_text[
        "Describe your role here lorem ipsum dolor sit amet, consectetuer adipiscing elit"
    ]
    assert {f.rule for f in lorem.findings} == {"unfilled-placeholder"}
    assert not any(f.rewrite for f in lorem.findings)  # no rewrite built from sample words
    assert {f.rule for f in by_text["Job description 1"].findings} == {"unfilled-placeholder"}
    # a slot inside the writer's own line leaves its other findings and rewrites in place
    own = {i.text: i for i in _lint(TWO_SLOTS).items}["Led the [Company] checkout migration"]
    assert {"no-quantification", "unfilled-placeholder"} <= {f.rule for f in own.findings}
    assert any(f.rewrite for f in own.findings)


@pytest.mark.parametrize(
    "name", ["moderncv-template.tex", "moderncv-classic-green.pdf", "altacv-sample.tex",
             "altacv-sample.pdf", "online-cv-data.yml"],
)  # fmt: skip
def test_the_corpus_templates_are_not_scored(name):
    from pathlib import Path

    from starkit.resume.report import lint_resume

    path = Path(__file__).parents[2] / "corpus" / "resume_files" / "files" / name
    report = lint_resume(read_resume(path))
    assert report.score is None and report.score_note() == "mostly template text"


def test_template_line_slots_name_shapes_that_exist(tmp_path):
    from pydantic import ValidationError

    from starkit.resume.lexicon import Policy, policy

    data = policy().model_dump()
    data["template_line_slots"] = ["sample-line", "no-such-shape"]
    with pytest.raises(ValidationError, match="no-such-shape"):
        Policy.model_validate(data)


def test_pdf_unmapped_first_letter_at_a_line_start_is_counted_and_no_bullet():
    # '(cid:74)ohn': the glyph touches the letters after it, so it is the word's first letter
    # (a bullet glyph stands apart from its text, as '(cid:123)' at 72 and text at 84 do)
    resume = _pdf_resume(
        [
            (72, 100, "(cid:74)ohn Example"),
            (72, 120, "EXPERIENCE"),
            (72, 140, "Engineer, Contoso, 2019-2022"),
            (72, 154, "(cid:123)"),
            (84, 154, "Cut build time by 40% for 30 teams"),
            (72, 168, "(cid:123)"),
            (84, 168, "Led the move to Kubernetes"),
        ]
    )
    assert [b.text for b in resume.achievement_bullets] == [
        "Cut build time by 40% for 30 teams",
        "Led the move to Kubernetes",
    ]
    assert "ohn Example" in [ln.text for ln in resume.lines]  # a line, not a bullet
    assert not any(b.text.startswith("ohn") for b in resume.bullets)
    # the first letter is told in the read-back's note; the bullet glyphs are not
    [note] = resume.warnings
    assert "1 character could not be read" in note
