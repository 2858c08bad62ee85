"""Plain text and Markdown resumes: wrapped bullets re-joined, glyphs stripped, sections and
roles found, positions kept."""

from __future__ import annotations

import pytest

from starkit.resume import read_resume
from tests.resume.fixtures.build import to_markdown, to_text
from tests.resume.fixtures.content import RESUME
from tests.resume.helpers import assert_matches_fixture

TEXT_VARIANTS = {
    "bullets-hanging-indent": {"glyph": "•", "hang": 2},
    "dashes-flush-wrap": {"glyph": "-", "hang": 0},
    "asterisks-narrow": {"glyph": "*", "hang": 2, "width": 60},
    "no-glyphs-wrapped": {"glyph": "", "hang": 0},
    "no-glyphs-wide": {"glyph": "", "hang": 0, "width": 100},
    "one-line-bullets": {"glyph": "•", "width": 0},
    "one-line-no-glyphs": {"glyph": "", "width": 0},
}


@pytest.mark.parametrize("variant", TEXT_VARIANTS, ids=list(TEXT_VARIANTS))
def test_plain_text_variants_extract_every_bullet_whole(variant):
    text = to_text(**TEXT_VARIANTS[variant])
    resume = read_resume(text.encode(), name="cv.txt")
    assert resume.format == "text"
    assert_matches_fixture(resume)


def test_markdown_cv():
    resume = read_resume(to_markdown().encode(), name="cv.md")
    assert resume.format == "markdown"
    assert_matches_fixture(resume)
    # `**MBA**, University of Washington (2018)` is an education line, never an achievement
    assert all(b.section != "education" or "GPA" in b.text for b in resume.bullets)


def test_source_positions_follow_wrapped_lines():
    text = to_text(glyph="•", hang=2, width=80)
    resume = read_resume(text.encode(), name="cv.txt")
    lines = text.splitlines()
    first = resume.achievement_bullets[0]
    assert lines[first.source.line - 1][first.source.col - 1 :].startswith("Led the redesign")
    # a word on the bullet's second physical line maps to that line and column
    offset = first.text.index("activation")
    pos = first.position(offset)
    assert pos.line == first.source.line + 1
    assert lines[pos.line - 1][pos.col - 1 :].startswith("activation")


def test_tabs_and_right_aligned_dates_split_a_header():
    text = (
        "EXPERIENCE\n"
        "Contoso Ltd\tBoston, MA\n"
        "Product Manager\tJan 2019 - Dec 2020\n"
        "- Shipped self-serve billing to 3,000 accounts\n"
        "\n"
        "EDUCATION\n"
        "Boston University\t2018\n"
    )
    resume = read_resume(text.encode())
    role = resume.roles[0]
    assert (role.organisation, role.title, role.dates, role.location) == (
        "Contoso Ltd",
        "Product Manager",
        "Jan 2019 - Dec 2020",
        "Boston, MA",
    )
    assert [b.text for b in resume.bullets] == ["Shipped self-serve billing to 3,000 accounts"]


def test_a_skill_named_like_a_heading_does_not_open_a_section():
    text = (
        "EXPERIENCE\n"
        "Acme | Product Manager | 2020 - 2022\n"
        "- Grew weekly active teams from 120 to 410\n"
        "\n"
        "SKILLS\n"
        "Roadmapping\n"
        "Leadership\n"
        "Stakeholder management\n"
        "\n"
        "EDUCATION\n"
        "BA Economics, Tufts University, 2015\n"
    )
    resume = read_resume(text.encode())
    assert [s.name for s in resume.sections] == ["experience", "skills", "education"]
    assert not any(s.name == "leadership" for s in resume.sections)
    skills = [ln.text for ln in resume.lines if ln.section == "skills" and ln.kind == "text"]
    assert skills == ["Roadmapping", "Leadership", "Stakeholder management"]


def test_a_job_title_or_a_university_set_as_a_heading_opens_no_section():
    """A title in capitals ('PROJECT ENGINEER') and a university's name ('UNIVERSITY OF
    MARYLAND') are what a role header holds; 'UNIVERSITY PROJECTS' is a projects section."""
    text = (
        "EXPERIENCE\n"
        "PROJECT ENGINEER\n"
        "Acme Energy | 2019 - 2021\n"
        "- Cut commissioning time from 9 to 6 weeks across 14 sites\n"
        "UNIVERSITY OF MARYLAND\n"
        "Research Assistant | 2017 - 2019\n"
        "- Built a survey panel of 1,200 households\n"
        "\n"
        "UNIVERSITY PROJECTS\n"
        "- Modelled grid demand for 3 counties in Python\n"
    )
    resume = read_resume(text.encode())
    assert [s.name for s in resume.sections] == ["experience", "projects"]
    got = [(b.section, b.text[:24]) for b in resume.achievement_bullets]
    assert got == [
        ("experience", "Cut commissioning time f"),
        ("experience", "Built a survey panel of "),
        ("projects", "Modelled grid demand for"),
    ]


def test_glyphs_and_numbering_are_stripped():
    text = (
        "PROJECTS\n"
        "(cid:127) Built a churn model used by 4 account teams\n"
        "\x7f Cut onboarding from 9 days to 2\n"
        "1. Ran 12 customer interviews a month\n"
        "2) Wrote the launch plan for 3 markets\n"
        "➢ Grew newsletter conversion from 1.1% to 2.3%\n"
    )
    resume = read_resume(text.encode())
    assert [b.text for b in resume.bullets] == [
        "Built a churn model used by 4 account teams",
        "Cut onboarding from 9 days to 2",
        "Ran 12 customer interviews a month",
        "Wrote the launch plan for 3 markets",
        "Grew newsletter conversion from 1.1% to 2.3%",
    ]
    assert {b.section for b in resume.bullets} == {"projects"}


def test_skills_label_inside_a_role_is_not_an_achievement():
    text = (
        "WORK EXPERIENCE\n"
        "Globex — Technical Program Manager — 2019 – Present\n"
        "• Coordinated 5 teams to ship the payments API two weeks early\n"
        "Tech stack: Python, Kafka, AWS\n"
    )
    resume = read_resume(text.encode())
    assert [b.text for b in resume.achievement_bullets] == [
        "Coordinated 5 teams to ship the payments API two weeks early"
    ]
    assert any(ln.text == "Tech stack: Python, Kafka, AWS" for ln in resume.lines)


def test_no_headings_reads_marked_bullets_as_experience_with_a_warning():
    text = "Jane Roe\n- Led a 4-person squad\n- Cut costs by 12% in 2 quarters\n"
    resume = read_resume(text.encode(), name="notes.txt")
    assert [b.text for b in resume.achievement_bullets] == [
        "Led a 4-person squad",
        "Cut costs by 12% in 2 quarters",
    ]
    assert any("no section headings" in w for w in resume.warnings)
    assert [ln.text for ln in resume.lines] == ["Jane Roe"]


def test_letter_spaced_and_decorated_headings():
    text = (
        "E X P E R I E N C E\n"
        "Initech, Analyst, 2016-2018\n"
        "- Automated 40 weekly reports, saving 6 hours a week\n"
        "— Education —\n"
        "MIT, 2016\n"
    )
    resume = read_resume(text.encode())
    assert [s.name for s in resume.sections if s.heading] == ["experience", "education"]
    assert resume.achievement_bullets[0].role.organisation == "Initech"


def test_letter_spaced_headings_of_two_words_with_single_spaces():
    """'K E Y A C H I E V E M E N T S' and 'W O R K E X P E R I E N C E' (a real DOCX and a
    real PDF) keep no wider gap between their words: re-joined, they match a known heading
    with its space taken out (the DOCX read 0 achievement bullets, now 54)."""
    text = (
        "Jordan Avery\n"
        "S K I L L S\n"
        "Excel, SQL\n"
        "K E Y A C H I E V E M E N T S\n"
        "- Scaled a store from $0 to $1M in 7 months\n"
        "W O R K E X P E R I E N C E\n"
        "Initech, Analyst, 2016-2018\n"
        "- Automated 40 weekly reports, saving 6 hours a week\n"
    )
    resume = read_resume(text.encode())
    assert [s.name for s in resume.sections if s.heading] == [
        "skills",
        "experience",
        "experience",
    ]
    assert len(resume.achievement_bullets) == 2


def test_fixture_roles_have_locations():
    resume = read_resume(to_text().encode())
    assert [r.location for r in resume.roles[:2]] == [
        RESUME.roles[0].location,
        RESUME.roles[1].location,
    ]


def test_roles_above_the_first_heading_are_experience():
    text = (
        "Sam Ortiz\n"
        "sam@example.com | 555-0100\n"
        "\n"
        "Contoso, Product Manager, 2021 - Present\n"
        "- Grew paid conversion from 2.1% to 3.4%\n"
        "- Cut onboarding time by 30% in two quarters\n"
        "\n"
        "Fabrikam\n"
        "Associate PM, 2019 - 2021\n"
        "- Launched 3 integrations\n"
        "\n"
        "EDUCATION\n"
        "BA, Yale, 2019\n"
    )
    resume = read_resume(text.encode())
    assert [(b.section, b.role.organisation) for b in resume.achievement_bullets] == [
        ("experience", "Contoso"),
        ("experience", "Contoso"),
        ("experience", "Fabrikam"),
    ]
    contact = [ln.text for ln in resume.lines if ln.section == "contact"]
    assert contact == ["Sam Ortiz", "sam@example.com | 555-0100"]


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Relevant Projects", "projects"),
        ("PROJECTS & HACKATHONS", "projects"),
        ("Selected Publications", "other"),
        ("Leadership & Activities", "leadership"),
        ("Volunteer Experience", "volunteering"),
        ("Work History:", "experience"),
        ("Core Competencies", "skills"),
        ("CERTIFICATIONS AND AWARDS", "skills"),
    ],
)
def test_heading_variants(heading, section):
    text = f"Jane Roe\n{heading}\n- Organised 3 hackathons for 200 students\n"
    resume = read_resume(text.encode())
    assert [s.name for s in resume.sections if s.heading] == [section]


@pytest.mark.parametrize("sep", ["\t", " ", "  "])
def test_markdown_list_item_after_a_tab_keeps_its_columns(sep):
    # the list marker's tab is one character of the file, not the four it expands to
    line = f"-{sep}Launched a referral feature that grew MAU to 2M"
    text = f"## Experience\n\n### PM, Acme (2020-2023)\n\n{line}\n"
    bullet = read_resume(text.encode(), name="cv.md").bullets[0]
    assert bullet.source.col == line.index("L") + 1
    assert bullet.position(bullet.text.index("MAU")).col == line.index("MAU") + 1


PROSE_CV = (
    "EXPERIENCE\n"
    "Project Manager, Acme Media, 2020 - 2023\n"
    "I ran the weekly planning for a team of designers and developers on the mobile app. "
    "I rebuilt the release checklist with the QA lead. "
    "Cut the release cycle from 3 weeks to 9 days by moving to trunk-based releases. "
    "I also coordinated the vendor contracts with the legal and finance teams.\n"
)


def test_a_paragraph_of_prose_is_read_one_achievement_a_sentence():
    """A CV written as sentences (no glyph, over the long-bullet limit, three or more
    sentences): each sentence is an achievement of its own, at its own place in the file, so
    the ones with no figure are judged, not hidden behind the one that has a figure."""
    resume = read_resume(PROSE_CV.encode(), name="cv.txt")
    texts = [b.text for b in resume.achievement_bullets]
    assert len(texts) == 4
    assert texts[2].startswith("Cut the release cycle") and texts[2].endswith("releases.")
    line = PROSE_CV.splitlines()[2]
    for b in resume.achievement_bullets:
        assert b.source.line == 3
        assert line[b.source.col - 1 :].startswith(b.text)
        offset = b.text.index("the")
        assert line[b.position(offset).col - 1 :].startswith(b.text[offset:])


def test_a_marked_bullet_of_sentences_stays_one_achievement():
    """A list item keeps its sentences together: its figure may sit in the second sentence
    ('Established a standard base. Over 90% of resources were managed by it.')."""
    text = PROSE_CV.replace("I ran the weekly", "- I ran the weekly")
    resume = read_resume(text.encode(), name="cv.txt")
    assert len(resume.achievement_bullets) == 1


def test_a_keyword_in_parentheses_does_not_make_a_project_title_a_heading():
    """'CHAT APPLICATION (MERN STACK)' names a project and what it is built with: 'stack' in
    parentheses is no skills heading."""
    text = (
        "PROJECTS\n"
        "CHAT APPLICATION (MERN STACK)\n"
        "- Built a one-to-one chat app used by 40 classmates\n"
        "\n"
        "SKILLS (TECHNICAL)\n"
        "Python, SQL\n"
    )
    resume = read_resume(text.encode())
    assert [(b.section, b.text[:20]) for b in resume.achievement_bullets] == [
        ("projects", "Built a one-to-one c")
    ]
    assert [s.name for s in resume.sections] == ["projects", "skills"]


def test_a_declaration_is_not_an_achievement():
    """Many resumes end with a signed declaration ('I hereby declare that the information
    ... is true'): a section of its own, never linted as an achievement."""
    text = (
        "EXPERIENCE\n"
        "Acme | SEO Analyst | 2019 - 2021\n"
        "- Grew organic sessions from 12K to 30K a month in a year\n"
        "\n"
        "DECLARATION\n"
        "I hereby declare that the information provided above is true to the best of my "
        "knowledge.\n"
    )
    resume = read_resume(text.encode())
    assert [b.text[:12] for b in resume.achievement_bullets] == ["Grew organic"]
    assert [s.name for s in resume.sections] == ["experience", "other"]
