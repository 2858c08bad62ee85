"""`--format sarif` (valid SARIF 2.1.0 against the official schema, every result at a real line
and column of its file) and `--format github` (escaped workflow commands)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from starkit.cli import main
from starkit.formatters import render_github
from starkit.lintrun import FileResult, Item, Place, Run

SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"

LATEX = r"""\documentclass{article}
\begin{document}
\section{Experience}
\begin{itemize}
  \item Responsible for the product roadmap of the payments team
  \item Grew MAU 20\% in 2023 % starkit: disable=missing-guardrail
\end{itemize}
\end{document}
"""
MARKDOWN = """# Sam Example

## Experience

### Product Manager, Acme (2021-2024)

- Helped the team launch the new billing page
- Grew app downloads 40% in Q3
"""
JSON_RESUME = {
    "basics": {"name": "Sam Example"},
    "work": [
        {
            "name": "Acme",
            "position": "PM",
            "highlights": ["Improved project execution", "Grew DAU 30% in 2022"],
        }
    ],
}


@pytest.fixture
def mixed(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "cv.tex").write_text(LATEX, encoding="utf-8")
    (tmp_path / "resume.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "resume.json").write_text(json.dumps(JSON_RESUME, indent=2), encoding="utf-8")
    (tmp_path / "bullets.txt").write_text(
        "Helped with the roadmap\n\n  - Worked on café onboarding for 3 teams\n", encoding="utf-8"
    )
    (tmp_path / "story.md").write_text(
        "Situation: churn was rising.\nTask: fix onboarding.\n"
        "Action: I worked on a new checklist.\nResult: activation improved a lot.\n",
        encoding="utf-8",
    )
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sarif_of(capsys, *argv: str) -> tuple[int, dict]:
    code = main(["lint", "--format", "sarif", *argv])
    return code, json.loads(capsys.readouterr().out)


def test_sarif_is_valid_against_the_official_schema(capsys, mixed):
    _, log = sarif_of(capsys, ".")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1


def test_every_result_points_at_a_real_line_and_column(capsys, mixed):
    _, log = sarif_of(capsys, ".")
    results = log["runs"][0]["results"]
    assert len({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results})
    assert len(results) >= 6
    for r in results:
        loc = r["locations"][0]["physicalLocation"]
        lines = (mixed / loc["artifactLocation"]["uri"]).read_text(encoding="utf-8").splitlines()
        reg = loc["region"]
        assert 1 <= reg["startLine"] <= reg["endLine"] <= len(lines), r
        assert 1 <= reg["startColumn"] <= len(lines[reg["startLine"] - 1]) + 1, r
        assert 1 <= reg["endColumn"] <= len(lines[reg["endLine"] - 1]) + 1, r


def test_results_point_at_the_span_they_name(capsys, mixed):
    _, log = sarif_of(capsys, "cv.tex", "resume.md")
    lines = {
        name: (mixed / name).read_text(encoding="utf-8").splitlines()
        for name in ("cv.tex", "resume.md")
    }
    spans = set()
    for r in log["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]
        reg = loc["region"]
        line = lines[loc["artifactLocation"]["uri"]][reg["startLine"] - 1]
        spans.add((r["ruleId"], line[reg["startColumn"] - 1 : reg["endColumn"] - 1]))
    assert ("weak-verb", "Responsible for") in spans
    assert ("weak-verb", "Helped") in spans
    assert ("vanity-metric", "app downloads") in spans


def test_a_span_over_stripped_markdown_ends_where_its_text_ends(capsys, tmp_path):
    # the reader strips '**' and link targets: the end column counts them, not just the
    # span's length in the cleaned text
    lines = [
        "## Experience",
        "",
        "- Helped **ship** the new [billing](https://example.com/b) page",
        "- Grew **app downloads** 40% in Q3",
    ]
    (tmp_path / "r.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, log = sarif_of(capsys, str(tmp_path / "r.md"))
    spans = set()
    for r in log["runs"][0]["results"]:
        reg = r["locations"][0]["physicalLocation"]["region"]
        line = lines[reg["startLine"] - 1]
        spans.add((r["ruleId"], line[reg["startColumn"] - 1 : reg["endColumn"] - 1]))
    assert ("no-quantification", lines[2][2:]) in spans
    assert ("vanity-metric", "app downloads") in spans
    assert ("weak-verb", "Helped") in spans


@pytest.mark.parametrize("brk", ["\f", "\v", "\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize("name", ["resume.md", "resume.txt"])
def test_a_page_break_or_line_separator_does_not_move_the_lines(capsys, tmp_path, brk, name):
    # Word's and pdftotext's plain text put a form feed at each page break: an editor (and
    # PATH:LINE:COL) counts lines at newlines only, so the findings after it stay on their line
    text = (
        "EXPERIENCE\n\nProduct Manager, Acme 2020-2023\n"
        f"- Led the checkout redesign{brk} that cut drop-off from 30% to 22% in 8 weeks\n"
        f"{brk}- Launched a referral feature that grew MAU to 2M\n"
        "- Helped with the roadmap\n"
    )
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _, log = sarif_of(capsys, str(path))
    lines = text.split("\n")
    spans = set()
    for r in log["runs"][0]["results"]:
        reg = r["locations"][0]["physicalLocation"]["region"]
        line = lines[reg["startLine"] - 1]
        spans.add(
            (r["ruleId"], reg["startLine"], line[reg["startColumn"] - 1 : reg["endColumn"] - 1])
        )
    assert ("vanity-metric", 5, "MAU") in spans
    assert ("weak-verb", 6, "Helped with") in spans


def test_rules_have_docs_and_default_levels(capsys, mixed):
    _, log = sarif_of(capsys, "bullets.txt")
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["weak-verb"]["defaultConfiguration"]["level"] == "note"
    assert rules["no-quantification"]["defaultConfiguration"]["level"] == "warning"
    assert all(r["fullDescription"]["text"] for r in rules.values())
    for res in log["runs"][0]["results"]:
        assert rules[res["ruleId"]] == log["runs"][0]["tool"]["driver"]["rules"][res["ruleIndex"]]


def test_suppressed_findings_carry_in_source_suppressions(capsys, mixed):
    _, log = sarif_of(capsys, "cv.tex")
    suppressed = [r for r in log["runs"][0]["results"] if r.get("suppressions")]
    assert [(r["ruleId"], r["suppressions"]) for r in suppressed] == [
        ("missing-guardrail", [{"kind": "inSource"}])
    ]


def test_unreadable_file_is_a_notification_and_exit_2(capsys, mixed):
    (mixed / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage")
    code, log = sarif_of(capsys, "broken.pdf", "bullets.txt")
    assert code == 2
    inv = log["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert "broken.pdf" in inv["toolExecutionNotifications"][0]["message"]["text"]


def test_github_annotations(capsys, mixed):
    code = main(["lint", "--format", "github", "bullets.txt"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert any(
        line.startswith("::notice file=bullets.txt,line=1,col=1,endLine=1,endColumn=12,")
        and "title=starkit weak-verb::" in line
        for line in out
    )
    assert any(
        line.startswith("::notice file=bullets.txt,line=3,col=5,endLine=3,endColumn=14,")
        for line in out
    )


def test_github_escapes_data_and_properties():
    place = Place(2, 3, 2, 9)
    item = Item("weak-verb", "warning", "50% off:\nnext, line\r", "", place)
    run = Run([FileResult("a,b:c%.md", findings=[item])], [])
    line = render_github(run).rstrip("\n")
    assert "\n" not in line
    assert line.startswith("::warning file=a%2Cb%3Ac%25.md,line=2,col=3,endLine=2,endColumn=9,")
    assert line.endswith("::50%25 off:%0Anext, line%0D")


def test_sarif_with_pdf_and_docx_is_valid_and_pages_are_properties(capsys, mixed):
    from tests.resume.fixtures import docs, pdfs

    (mixed / "cv.pdf").write_bytes(pdfs.word_like())
    (mixed / "cv.docx").write_bytes(docs.word_resume())
    _, log = sarif_of(capsys, ".")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    run = log["runs"][0]
    pdf_index = next(i for i, a in enumerate(run["artifacts"]) if a["location"]["uri"] == "cv.pdf")
    pdf_results = [
        r
        for r in run["results"]
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == pdf_index
    ]
    assert pdf_results, "the PDF resume has findings"
    for r in pdf_results:
        assert "region" not in r["locations"][0]["physicalLocation"]
        assert r["properties"]["page"] >= 1
    docx_index = next(
        i for i, a in enumerate(run["artifacts"]) if a["location"]["uri"] == "cv.docx"
    )
    docx_results = [
        r
        for r in run["results"]
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == docx_index
    ]
    assert docx_results and all("paragraph" in r["properties"] for r in docx_results)


def test_artifact_uris_outside_the_working_directory_are_absolute_paths(
    capsys, mixed, tmp_path, monkeypatch
):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    _, log = sarif_of(capsys, str(mixed / "bullets.txt"))
    [artifact] = log["runs"][0]["artifacts"]
    assert artifact["location"]["uri"] == (mixed / "bullets.txt").resolve().as_posix()


@pytest.mark.parametrize(
    "bullet",
    [
        "- **Growth:** Launched a [referral feature](https://example.com) that grew MAU to 2M",
        "- Launched a referral  feature that grew MAU to 2M",
        "-\tLaunched a referral feature that grew MAU to 2M",
        "- Launched a refe\u200drral fea\u200bture that grew MAU to 2M",
    ],
)
@pytest.mark.parametrize("name", ["resume.md", "resume.txt"])
def test_regions_are_exact_through_markup_spaces_tabs_and_invisibles(
    capsys, tmp_path, bullet, name
):
    # the column is mapped back through the stripped markup and the cleaned text, not added
    # to the line's start column
    text = f"EXPERIENCE\n\nProduct Manager, Acme 2020-2023\n{bullet}\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _, log = sarif_of(capsys, str(path))
    spans = set()
    for r in log["runs"][0]["results"]:
        reg = r["locations"][0]["physicalLocation"]["region"]
        line = text.split("\n")[reg["startLine"] - 1]
        spans.add(
            (r["ruleId"], reg["startLine"], line[reg["startColumn"] - 1 : reg["endColumn"] - 1])
        )
    assert ("vanity-metric", 4, "MAU") in spans, spans
