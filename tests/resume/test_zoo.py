"""The template zoo (tests/resume/zoo.py): every achievement bullet whole, in its section and
in order, the roles' parts right, and no resume-no-achievements false alarm; plus the cases
where starkit must not pass a file silently."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from starkit.errors import ResumeReadError
from starkit.resume import read_resume, read_text_resume
from starkit.resume.diagnose import diagnose, mark_as_experience
from starkit.resume.report import lint_resume
from tests.resume.zoo import CASES, Case


def _load(case: Case) -> bytes:
    if case.needs and shutil.which(case.needs) is None:
        if os.environ.get("STARKIT_REQUIRE_SYSTEM_TESTS") == "1":
            pytest.fail(f"{case.needs} is required (STARKIT_REQUIRE_SYSTEM_TESTS=1)")
        pytest.skip(f"{case.needs} is not installed")
    return case.load()


@pytest.fixture(scope="module", params=CASES, ids=[c.name for c in CASES])
def zoo_case(request):
    case = request.param
    return case, read_resume(_load(case), name=case.name)


def test_every_achievement_bullet_is_whole_and_in_its_section(zoo_case):
    case, resume = zoo_case
    got = [(b.section, b.text) for b in resume.achievement_bullets]
    assert got == case.bullets


def test_roles_are_read(zoo_case):
    case, resume = zoo_case
    if not case.roles:
        return
    roles = [(r.organisation, r.title, r.dates) for r in resume.roles if r.section != "education"]
    assert roles[: len(case.roles)] == case.roles


def test_sections_are_found(zoo_case):
    case, resume = zoo_case
    names = {s.name for s in resume.sections}
    assert set(case.sections) <= names


def test_no_false_alarm_on_the_zoo(zoo_case):
    _, resume = zoo_case
    report = lint_resume(resume)
    assert not report.document_findings, report.document_findings


# --- never a silent pass --------------------------------------------------------------------

LANGUAGES_FIRST = """Alex Kim

LANGUAGES
English, Spanish
- Led the checkout redesign across 4 markets
- Cut support tickets by 30% in two quarters
- Launched self-serve refunds for 2,000 merchants
"""


def _cli(tmp_path, name: str, data: bytes) -> subprocess.CompletedProcess:
    path = tmp_path / name
    path.write_bytes(data)
    return subprocess.run(
        [sys.executable, "-m", "starkit.cli", "lint", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_exits_1_and_prints_what_it_read_when_no_achievement_is_found(tmp_path):
    run = _cli(tmp_path, "cv.txt", LANGUAGES_FIRST.encode())
    assert run.returncode == 1, run.stderr
    assert "error resume-no-achievements no achievement bullet was found" in run.stdout
    assert 'skills ("LANGUAGES"): 1 line(s), 3 bullet(s)' in run.stdout
    assert "score 100/100" not in run.stdout


def test_reading_that_looks_wrong_fires_even_with_a_few_achievements():
    text = (
        "Alex Kim\n\nEXPERIENCE\nAcme, Product Manager, 2019 - 2023\n"
        "- Led the checkout redesign across 4 markets\n\nSKILLS\n"
        "- Cut support tickets by 30% in two quarters with a new triage flow\n"
        "- Launched self-serve refunds for 2,000 merchants across Europe\n"
        "- Grew weekly active buyers from 10k to 14k in one year\n"
    )
    report = lint_resume(read_text_resume(text, name="cv.txt"))
    [finding] = report.document_findings
    assert finding.rule == "resume-no-achievements"
    assert "most claim-like lines (3 of 4)" in finding.message


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("one-byte.pdf", b"x"),
        ("text.docx", b"EXPERIENCE\n- Led the checkout redesign across 4 markets\n"),
        ("html.pdf", b"<html><body><h1>CV</h1></body></html>"),
    ],
)
def test_content_that_does_not_match_its_extension_is_refused(tmp_path, name, data):
    with pytest.raises(ResumeReadError, match=rf"^{name}: named \.\w+ but the content"):
        read_resume(data, name=name)
    run = _cli(tmp_path, name, data)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


def test_marking_a_section_as_experience_relints_its_lines():
    resume = read_text_resume(LANGUAGES_FIRST, name="cv.txt")
    d = diagnose(resume)
    skills = next(s.index for s in d.sections if s.name == "skills")
    fixed = mark_as_experience(resume, {skills})
    assert [b.text for b in fixed.achievement_bullets] == [
        "English, Spanish",
        "Led the checkout redesign across 4 markets",
        "Cut support tickets by 30% in two quarters",
        "Launched self-serve refunds for 2,000 merchants",
    ]
    assert fixed.sections[skills].name == "experience"
    assert not lint_resume(fixed).document_findings
    assert resume.sections[skills].name == "skills"  # the original is untouched


def test_typst_soft_hyphens_are_printed_hyphens_and_line_end_splits_are_joined():
    from starkit.resume import pdf
    from starkit.resume.structure import build_resume
    from tests.resume.fixtures.zoo_gen import typst_chars

    lines = pdf._raw_lines(pdf._page_lines(typst_chars()), 1, [], 612.0)
    resume = build_resume(lines, "typst.pdf", "pdf")
    assert [b.text for b in resume.achievement_bullets] == [
        "Hired 6 mid-level engineers and cut time-to-hire from 60 days to 35 with a "
        "structured interview loop",
        "Ran 12 A/B tests on the sign-up flow, lifting activation from 31% to 38%",
    ]


def test_structured_data_never_lints_key_value_lines_as_achievements():
    for case in CASES:
        if case.name.endswith((".yml", ".yaml", ".json", ".toml")):
            resume = read_resume(case.load(), name=case.name)
            for b in resume.bullets:
                assert not any(
                    f"{k}:" in b.text for k in ("company", "position", "institution", "title")
                ), b.text


def test_docx_typed_glyph_bullet_broken_by_enter_is_rejoined():
    import io

    from docx import Document

    doc = Document()
    doc.add_paragraph("Experience", style="Heading 1")
    doc.add_paragraph("Acme | Product Manager | 2019 - 2023")
    doc.add_paragraph("• Led the migration of 40 services to")
    doc.add_paragraph("the new billing platform, saving $1.4M")
    doc.add_paragraph("• Cut churn from 5% to 3% in two quarters")
    doc.add_paragraph("Owned pricing for the EMEA region")  # a new claim, not a wrap
    buf = io.BytesIO()
    doc.save(buf)
    resume = read_resume(buf.getvalue())
    assert [b.text for b in resume.achievement_bullets] == [
        "Led the migration of 40 services to the new billing platform, saving $1.4M",
        "Cut churn from 5% to 3% in two quarters",
        "Owned pricing for the EMEA region",
    ]


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("Grew revenue and in-", "creased retention by 4 points", "Grew revenue and increased"),
        ("Re-", "duced churn from 5% to 3%", "Reduced churn"),
        ("Co-", "founded the payments guild of 30 engineers", "Co-founded the"),
        ("Built an in-", "house pricing engine for 40 teams", "Built an in-house pricing"),
    ],
)
def test_line_end_hyphen_after_a_prefix_joins_known_verbs_only(first, second, joined):
    from starkit.resume.builder import join_lines
    from starkit.resume.model import Source

    text, _ = join_lines([(first, Source(line=1)), (second, Source(line=2))], dehyphenate=True)
    assert text.startswith(joined)


def test_marking_a_contact_block_as_experience_leaves_its_details_out():
    """A resume with no experience heading reads its history as contact; marked as
    experience, its e-mail, phone and personal fields are no achievements (a browser check
    saw the writer's e-mail address asked for a figure)."""
    text = "\n".join(
        [
            "Jordan Avery",
            "Email Id : jordan.avery@example.com",
            "Contact Number : +1 (555) 010-2030",
            "Marital status : Single",
            "Grew partner revenue 20% in 2023 by opening 3 new markets",
            "Rebuilt the onboarding flow for 400 resellers",
            "",
            "AWARDS",
            "Employee of the Month, 2022",
        ]
    )
    resume = read_text_resume(text, name="cv.txt")
    contact = next(i for i, s in enumerate(resume.sections) if s.name == "contact")
    fixed = mark_as_experience(resume, {contact})
    assert [b.text for b in fixed.achievement_bullets][-2:] == [
        "Grew partner revenue 20% in 2023 by opening 3 new markets",
        "Rebuilt the onboarding flow for 400 resellers",
    ]
    assert not any("@" in b.text or "Marital" in b.text for b in fixed.achievement_bullets)
