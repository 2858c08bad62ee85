"""A plain-text list of bullets, one a line, reads as bullets everywhere: the CLI, an upload
to the app and a paste agree; an ordinary bullet line never opens a section; and a file whose
reading looks wrong gets no score in any output."""

from __future__ import annotations

import json

from starkit import engine
from starkit.cli import main
from starkit.formatters import line_col
from starkit.resume import read_text_resume
from starkit.resume.cli import structured_resume
from starkit.resume.report import lint_resume
from starkit.worker import read_pasted_resume, read_uploaded_resume

BULLETS = (
    "Led the checkout redesign across 4 markets\n"
    "Helped with the launch of the new onboarding flow\n"
    "\n"
    "research and development for web applications\n"
    "Grew newsletter subscribers by 40%\n"
    "Responsible for various stakeholder updates\n"
    "Cut release cycle time from 3 weeks to 4 days by automating regression tests\n"
)


def test_a_bullet_that_opens_with_a_heading_word_is_not_a_heading():
    resume = read_text_resume(BULLETS, name="bullets.txt")
    assert not any(s.heading for s in resume.sections)
    assert structured_resume("bullets.txt", BULLETS.encode()) is None


def test_short_and_headings_still_open_their_section():
    text = "Alex Kim\n\nResearch and Teaching Experience\n- Led 3 seminars for 40 students\n"
    resume = read_text_resume(text, name="cv.txt")
    assert [s.heading for s in resume.sections if s.heading] == ["Research and Teaching Experience"]


def _engine_findings(text: str) -> list[tuple[int, str]]:
    report = engine.lint(text, "resume")
    return sorted((line_col(report.text, f.start)[0], f.rule) for f in report.findings)


def test_an_uploaded_list_is_linted_as_the_cli_lints_it():
    report = lint_resume(read_uploaded_resume(BULLETS.encode(), "bullets.txt"))
    assert report.document_findings == []
    assert report.achievement_bullets == 6
    got = sorted((lf.source.line, lf.finding.rule) for lf in report.findings)
    assert got == _engine_findings(BULLETS)
    assert report.score == engine.lint(BULLETS, "resume").score


def test_an_upload_and_a_paste_of_the_same_list_agree():
    upload = lint_resume(read_uploaded_resume(BULLETS.encode(), "b.txt"))
    paste = lint_resume(read_pasted_resume(BULLETS, "b.txt"))
    assert [lf.finding.rule for lf in upload.findings] == [lf.finding.rule for lf in paste.findings]
    assert upload.score == paste.score


UNREAD = "Alex Kim\n\nLANGUAGES\nEnglish, Spanish\n- Led the checkout redesign across 4 markets\n"


def test_no_score_in_json_when_the_reading_looks_wrong(tmp_path, capsys):
    path = tmp_path / "cv.txt"
    path.write_text(UNREAD + "- Cut support tickets by 30% in two quarters\n", encoding="utf-8")
    assert main(["lint", "--format", "json", str(path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["document_findings"][0]["rule"] == "resume-no-achievements"
    assert data["score"] is None
    assert main(["lint", str(path)]) == 1
    assert "score n/a" in capsys.readouterr().out
    assert main(["lint", "--format", "json", str(path), str(path.with_name("x.txt"))]) == 2
    [file] = [f for f in json.loads(capsys.readouterr().out)["files"] if f["kind"]]
    assert file["score"] is None


def test_advice_does_not_ask_for_an_experience_heading_already_read():
    from starkit.resume.diagnose import Diagnosis, SectionCount

    d = Diagnosis("cv.pdf", "pdf", [SectionCount(0, "experience", None, lines=39)])
    assert "heading" not in d.advice() and "39 lines as experience" in d.advice()
    d = Diagnosis("cv.pdf", "pdf", [SectionCount(0, "contact", None, lines=39)])
    assert "heading such as 'Experience'" in d.advice()


def test_a_paste_longer_than_any_resume_says_how_much_was_read_as_the_cli_does(
    tmp_path, capsys, monkeypatch
):
    from starkit import limits

    monkeypatch.setattr(limits, "MAX_LINES", 4)
    text = "".join(f"Cut release time by {n}0% for team {n}\n" for n in range(1, 7))
    said = "the document is longer than any resume; only its first 4 lines were read"
    paste = read_pasted_resume(text, "pasted text")
    assert len(paste.bullets) == 4
    assert paste.warnings == [f"pasted text: {said}"]
    upload = read_uploaded_resume(text.encode(), "cv.txt")
    assert len(upload.bullets) == 4
    assert upload.warnings == [f"cv.txt: {said}"]
    path = tmp_path / "cv.txt"
    path.write_text(text, encoding="utf-8")
    main(["lint", str(path)])
    out = capsys.readouterr()
    assert f"starkit: warning: {path}: {said}" in out.err
    assert "team 4" in out.out and "team 5" not in out.out  # the same four lines linted
    assert engine.lint(text, "resume").units[3].text.endswith("team 4")  # the API reads all


def test_a_paste_within_the_limit_has_no_warning():
    assert read_pasted_resume(BULLETS, "pasted text").warnings == []


def test_a_line_with_no_word_is_no_bullet_in_a_paste_a_document_or_the_cli(tmp_path, capsys):
    hashes = "#" * 5_000
    text = f"Helped with the roadmap\n{hashes}\n==== 2019 ====\nGrew signups by 40% in Q3\n"
    plain = "Helped with the roadmap\nGrew signups by 40% in Q3\n"
    said = "skipped 2 lines with no word in them (only symbols, figures or punctuation)"
    paste = read_pasted_resume(text, "pasted text")
    assert [b.text for b in paste.bullets] == plain.splitlines()
    assert len(paste.warnings) == 1 and paste.warnings[0].startswith(f"pasted text: {said}")
    report = lint_resume(paste)
    assert report.achievement_bullets == 2
    assert report.score == lint_resume(read_pasted_resume(plain, "p")).score  # not lifted
    md = f"# Sam\n\n## Experience\n\n- Helped with the roadmap\n- {hashes}\n"
    doc = read_text_resume(md, name="cv.md")
    assert [b.text for b in doc.bullets] == ["Helped with the roadmap"]
    assert any("skipped 1 line with no word in it" in w for w in doc.warnings)
    path = tmp_path / "cv.txt"
    path.write_text(text, encoding="utf-8")
    main(["lint", str(path)])
    out = capsys.readouterr()
    assert f"starkit: warning: {path}: {said}" in out.err
    assert out.out.rstrip().endswith(f"score {engine.lint(plain, 'resume').score}/100")


MARKUP_PASTE = [
    "Led the <b>checkout</b> redesign across 4 markets",
    'Grew signups by 40% <img src="chart.png" alt="growth"> in Q3',
    "Shipped **saved searches** to 30% of [accounts](https://example.com)",
    "Cut costs by 3% with a <div> wrapper & a > b",
]


def test_a_paste_keeps_every_character_typed_tags_and_markdown_are_text():
    paste = read_pasted_resume("\n".join(MARKUP_PASTE), "pasted text")
    assert paste.format == "text"
    assert [b.text for b in paste.bullets] == MARKUP_PASTE
    # with a heading too: the paste is still read as the user typed it
    headed = read_pasted_resume("# Experience\n- " + "\n- ".join(MARKUP_PASTE), "pasted text")
    assert [b.text for b in headed.bullets] == MARKUP_PASTE
    # a list marker goes, a bold word's stars stay
    assert [b.text for b in read_pasted_resume("**Led** it\n- Grew it\n•Cut it", "p").bullets] == [
        "**Led** it",
        "Grew it",
        "Cut it",
    ]


def test_an_uploaded_markup_file_is_still_read_as_markup():
    md = "# Sam\n\n## Experience\n\n- Shipped **saved searches** to 30% of accounts\n"
    assert [b.text for b in read_uploaded_resume(md.encode(), "cv.md").bullets] == [
        "Shipped saved searches to 30% of accounts"
    ]
    page = "<html><body><h2>Experience</h2><ul><li>Led the <b>checkout</b> redesign</li></ul>"
    assert [b.text for b in read_uploaded_resume(page.encode(), "cv.html").bullets] == [
        "Led the checkout redesign"
    ]


def test_the_score_is_the_achievement_bullets_not_the_clean_lines_beside_them():
    """Education and skills lines are not asked for numbers, so they have no finding: counted
    in the mean they lifted a resume's score above every achievement bullet's (a browser check
    showed 94 over bullets averaging 87). A slot left in the contact block still counts."""
    text = "\n".join(
        [
            "Jordan Avery",
            "",
            "## Experience",
            "- Redesigned the onboarding flow for the mobile app",
            "- Rebuilt the reporting pipeline for the finance team",
            "",
            "## Education",
            *[f"- Course {n}: statistics, economics and accounting" for n in range(8)],
        ]
    )
    report = lint_resume(read_text_resume(text, name="cv.md"))
    achievement = [i.score for i in report.items if i.achievement]
    assert len(achievement) == 2 and max(achievement) < 100
    assert report.score == round(sum(achievement) / 2)
    slot = lint_resume(read_text_resume(text.replace("Jordan Avery", "[Your Name]"), name="cv.md"))
    assert slot.score < report.score
