"""Reading faults found on real template files (corpus/resume_files): each fixture is the
shape of a published file, cut down to the lines that matter."""

from __future__ import annotations

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
