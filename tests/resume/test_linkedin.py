"""LinkedIn's data export (Positions.csv, Projects.csv) reads as a resume: a role a row, the
description's lines or sentences its bullets; any other table is refused, never linted as prose."""

from __future__ import annotations

import io
import zipfile

import pytest

from starkit.errors import ResumeReadError
from starkit.lintrun import lint_file
from starkit.resume import read_resume

POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On\n"
    'Acme Payments,Senior Product Manager,"- Led the checkout redesign, lifting conversion '
    "from 2.1% to 2.9%\n"
    '- Ran onboarding experiments with the growth team",London,Mar 2021,\n'
    "Globex,Product Analyst,Built the weekly retention dashboard. Cut report time from two "
    "days to one hour.,Leeds,Jan 2018,Feb 2021\n"
)

PROJECTS = (
    "Title,Description,Url,Start Date,End Date\n"
    'Pricing study,"- Modelled three price points  - Shared the findings with sales",,'
    "Jun 2019,Aug 2019\n"
)


def test_positions_are_roles_and_their_description_lines_are_bullets() -> None:
    resume = read_resume(POSITIONS.encode(), name="Positions.csv")
    assert resume.format == "csv"
    assert [(r.organisation, r.title) for r in resume.roles] == [
        ("Acme Payments", "Senior Product Manager"),
        ("Globex", "Product Analyst"),
    ]
    assert resume.roles[0].dates == "Mar 2021 – present"
    assert resume.roles[1].dates == "Jan 2018 – Feb 2021"
    assert [b.text for b in resume.bullets] == [
        "Led the checkout redesign, lifting conversion from 2.1% to 2.9%",
        "Ran onboarding experiments with the growth team",
        "Built the weekly retention dashboard. Cut report time from two days to one hour.",
    ]  # a short paragraph is one achievement, as in every reader (`prose_sentences`)
    assert all(b.section == "experience" for b in resume.bullets)
    assert [b.source.line for b in resume.bullets] == [2, 3, 4]


def test_projects_with_an_older_header_and_a_flattened_list() -> None:
    resume = read_resume(PROJECTS.encode(), name="Projects.csv")
    assert resume.roles[0].title == "Pricing study"
    assert resume.roles[0].dates == "Jun 2019 – Aug 2019"
    assert [b.text for b in resume.bullets] == [
        "Modelled three price points",
        "Shared the findings with sales",
    ]
    assert all(b.section == "projects" for b in resume.bullets)


def test_another_table_is_refused_with_its_columns_named() -> None:
    table = "Symbol,Quantity,Price\nAAPL,10,150\nMSFT,5,300\n"
    with pytest.raises(ResumeReadError, match=r"a table of comma-separated values \(symbol"):
        read_resume(table.encode(), name="positions.csv")


def test_a_plain_resume_with_commas_is_not_a_table() -> None:
    text = (
        "Alex Example\n"
        "Skills: Python, SQL, Excel\n"
        "Languages: English, French, German\n"
        "- Grew activation from 20% to 31% by redesigning onboarding\n"
    )
    assert read_resume(text.encode(), name="resume.txt").format == "text"


def test_the_cli_lints_a_positions_file_as_a_resume(tmp_path) -> None:
    path = tmp_path / "Positions.csv"
    path.write_text(POSITIONS, encoding="utf-8")
    result = lint_file(str(path), kind=None, config=None, isolate_text=False)
    assert result.error is None
    assert result.kind == "resume"
    assert result.native is not None
    codes = {f.finding.rule for f in result.native.findings}
    assert "missing-guardrail" in codes  # the conversion lift names no guardrail


def test_a_row_with_more_fields_than_the_header_is_read_not_crashed() -> None:
    text = 'Company Name,Title,Description\r\nAcme,PM,"Led the launch",stray,fields\r\n'
    resume = read_resume(text.encode(), name="Positions.csv")
    assert [b.text for b in resume.bullets] == ["Led the launch"]
    assert resume.roles[0].organisation == "Acme"


def _zip(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, text in members.items():
            zf.writestr(member, text)
    return buf.getvalue()


CONNECTIONS = "First Name,Last Name,Email Address,Company\nPat,Lee,pat@example.com,Initech\n"


def test_the_whole_export_zip_reads_its_positions_and_projects_only() -> None:
    data = _zip(
        {
            "Connections.csv": CONNECTIONS,
            "Positions.csv": "\ufeff" + POSITIONS,
            "Projects.csv": PROJECTS,
            "Profile.csv": "First Name,Last Name,Headline\nPat,Lee,Product Manager\n",
        }
    )
    resume = read_resume(data, name="Basic_LinkedInDataExport.zip")
    assert resume.format == "csv"
    assert [s.heading for s in resume.sections if s.heading] == ["Positions.csv", "Projects.csv"]
    assert [b.section for b in resume.bullets] == ["experience"] * 3 + ["projects"] * 2
    assert resume.bullets[-1].text == "Shared the findings with sales"
    assert resume.bullets[-1].source.line == 2  # a line of Projects.csv, the section it names
    assert not any("Pat" in b.text or "Initech" in b.text for b in resume.bullets)
    assert not resume.warnings


def test_a_zip_with_no_linkedin_table_is_refused() -> None:
    data = _zip({"prices.csv": "Symbol,Quantity,Price\nAAPL,10,150\n"})
    with pytest.raises(ResumeReadError, match="a ZIP archive, not a resume file"):
        read_resume(data, name="export.zip")


def test_a_table_outside_the_archive_is_never_read_and_the_export_says_it_is_empty() -> None:
    data = _zip({"../Positions.csv": POSITIONS})
    resume = read_resume(data, name="export.zip")
    assert resume.bullets == []
    assert any("positions and projects are empty" in w for w in resume.warnings)


def test_the_cli_lints_the_export_zip_as_a_resume(tmp_path) -> None:
    path = tmp_path / "Basic_LinkedInDataExport.zip"
    path.write_bytes(_zip({"Connections.csv": CONNECTIONS, "Positions.csv": POSITIONS}))
    result = lint_file(str(path), kind=None, config=None, isolate_text=False)
    assert result.error is None
    assert result.kind == "resume"
    assert "missing-guardrail" in {f.finding.rule for f in result.native.findings}


def test_an_export_table_not_in_utf8_is_read_and_says_so() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("Positions.csv", POSITIONS.replace("Acme", "Acmé").encode("cp1252"))
    resume = read_resume(buf.getvalue(), name="export.zip")
    assert resume.roles[0].organisation == "Acmé Payments"
    assert any("Positions.csv" in w for w in resume.warnings)  # the decoding is said
