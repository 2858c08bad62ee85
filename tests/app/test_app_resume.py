"""AppTest: the Resume page, from a pasted or uploaded resume to an accepted rewrite."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from apptest_helpers import html_bodies, no_exception, rules_shown, shown_text

PAGE = "app_pages/resume.py"
BULLETS = [
    "Helped with the launch of the new onboarding flow",
    "Grew newsletter subscribers by 40%",
    "Cut release cycle time from 3 weeks to 4 days by automating regression tests",
]
MARKDOWN_RESUME = """# Sam Rivera
sam@example.com

## Experience

### Senior Product Manager, Northwind — 2021–2024
- Grew weekly active users significantly through a referral program
- Cut onboarding time from 14 days to 3 days for enterprise accounts

### Product Manager, Contoso — 2018–2021
- Responsible for the mobile roadmap
- Launched saved searches, lifting 30-day retention from 18% to 24%

## Skills
SQL, Python, Figma
"""


def paste(at, lines=BULLETS):
    at.text_area(key="resume.paste").input("\n".join(lines))
    return at.run()


def metrics(at):
    return {m.label: m.value for m in at.metric}


def test_first_page_has_an_intro_and_an_empty_state(open_page):
    at = open_page(PAGE)
    no_exception(at)
    assert at.title[0].value == "Resume"
    assert any("panel" in m.value for m in at.markdown)
    assert any("Upload your resume or paste" in i.value for i in at.info)


def test_example_button_fills_the_paste_box_and_lints_it(open_page):
    at = open_page(PAGE)
    at.button(key="resume.example").click().run()
    no_exception(at)
    assert at.text_area(key="resume.paste").value.count("\n") >= 3
    assert int(metrics(at)["Findings"]) > 0


def test_pasted_bullets_are_linted_one_a_line(open_page):
    at = paste(open_page(PAGE))
    no_exception(at)
    m = metrics(at)
    assert m["Achievement bullets"] == "3"
    assert m["With a number"] == "67%"  # two of three carry a measuring figure
    assert {"weak-verb", "no-quantification", "vanity-metric"} <= rules_shown(at)
    # The bullet with no findings is hidden until asked for.
    assert BULLETS[2] not in shown_text(at)
    at.toggle(key="resume.show_all").set_value(True).run()
    assert BULLETS[2] in shown_text(at)


def test_a_line_that_claims_no_work_is_said_and_left_out_of_the_share(open_page):
    lines = [*BULLETS, "Northwind is a leading provider of retail software to national chains."]
    at = paste(open_page(PAGE), lines)
    no_exception(at)
    m = metrics(at)
    assert m["Achievement bullets"] == "4"  # read as a bullet
    assert m["With a number"] == "67%"  # still two of the three that claim work
    said = [c.value.replace("\\", "") for c in at.caption]
    assert any(c.startswith("Of the achievement bullets, 1 claims no work") for c in said), said
    at.toggle(key="resume.show_all").set_value(True).run()
    said = [c.value.replace("\\", "") for c in at.caption]
    assert sum("claims no work: asked for no number" in c for c in said) == 1, said


def masked(body):
    """The shown text with every character outside a <mark> replaced by '·'."""
    out = []
    for inside, chunk in re.findall(r"(<mark[^>]*>)?([^<]+)(?:</mark>)?", body):
        chunk = html.unescape(chunk)
        out.append(chunk if inside else "·" * len(chunk))
    return "".join(out)


def test_finding_spans_are_marked_in_place(open_page):
    at = paste(open_page(PAGE))
    body = next(b for b in html_bodies(at) if "newsletter" in b and "sk-text" in b)
    shown = masked(body.split('<div class="sk-text">', 1)[1])
    assert "newsletter subscribers" in shown  # the vanity metric is marked, word for word
    assert shown.startswith("····")  # "Grew" carries no finding


def test_accepting_a_rewrite_fills_the_editable_copy_and_relints_it(open_page):
    at = paste(open_page(PAGE))
    assert at.text_area(key="resume.edit.0").value == BULLETS[0]
    at.button(key="resume.accept.0.0").click().run()
    no_exception(at)
    edited = at.text_area(key="resume.edit.0").value
    assert edited != BULLETS[0]
    assert "launch of the new onboarding flow" in edited
    assert "<" in edited  # a slot for the user's own figure
    assert any(c.value.replace("\\", "").startswith("Your version: fill the") for c in at.caption)
    # Editing the copy by hand keeps the edit; Undo restores the original.
    at.text_area(key="resume.edit.0").input("Led the onboarding launch for 2 teams").run()
    assert at.text_area(key="resume.edit.0").value == "Led the onboarding launch for 2 teams"
    at.button(key="resume.reset.0").click().run()
    assert at.text_area(key="resume.edit.0").value == BULLETS[0]


def accept_buttons(at, i):
    return [b for b in at.button if str(b.key).startswith(f"resume.accept.{i}.")]


def test_a_second_accepted_rewrite_builds_on_the_first(open_page):
    at = paste(open_page(PAGE))
    buttons = accept_buttons(at, 1)  # "Grew newsletter subscribers by 40%": several rewrites
    assert len(buttons) >= 2
    buttons[0].click().run()
    first = at.text_area(key="resume.edit.1").value
    assert first.startswith(BULLETS[1]) and first != BULLETS[1]
    accept_buttons(at, 1)[1].click().run()
    no_exception(at)
    both = at.text_area(key="resume.edit.1").value
    assert first[len(BULLETS[1]) :] in both  # the first accepted clause is still there
    assert len(both) > len(first)  # and the second was added to it
    accept_buttons(at, 1)[1].click().run()  # accepting it again adds nothing
    assert at.text_area(key="resume.edit.1").value == both


def test_one_more_pasted_line_keeps_every_edited_version(open_page):
    at = paste(open_page(PAGE))
    at.text_area(key="resume.edit.0").input("Led the onboarding launch for 2 teams").run()
    accept_buttons(at, 1)[0].click().run()
    accepted = at.text_area(key="resume.edit.1").value
    assert accepted != BULLETS[1]
    paste(at, ["Responsible for various stakeholder updates", *BULLETS])
    no_exception(at)
    versions = [a.value for a in at.text_area if str(a.key).startswith("resume.edit.")]
    assert "Led the onboarding launch for 2 teams" in versions
    assert accepted in versions
    assert "Responsible for various stakeholder updates" in versions  # the new line, unedited


def test_downloads_offer_bullets_and_the_report_in_three_formats(open_page):
    at = paste(open_page(PAGE))
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == [
        "Improved bullets (TXT)",
        "Report (CSV)",
        "Report (JSON)",
        "Report (Markdown)",
    ]


def test_role_tab_shows_quantified_share_per_role_for_an_upload(open_page):
    at = open_page(PAGE)
    at.file_uploader(key="resume.upload").upload(
        "resume.md", MARKDOWN_RESUME.encode(), "text/markdown"
    )
    at.run()
    no_exception(at)
    assert metrics(at)["Achievement bullets"] == "4"
    frames = [d.value for d in at.dataframe]
    summary = next(f for f in frames if "quantified share" in f.columns)
    shares = dict(zip(summary["role"], summary["quantified share"], strict=True))
    assert len(shares) == 2
    assert sorted(shares.values()) == [0.5, 0.5]
    assert "Skills" not in " ".join(summary["role"])


def test_an_unreadable_upload_gets_one_plain_sentence(open_page):
    at = open_page(PAGE)
    at.file_uploader(key="resume.upload").upload(
        "resume.pdf", b"%PDF-1.7\n\x00\x01garbage\x02\x03", "application/pdf"
    )
    at.run()
    no_exception(at)
    assert len(at.error) == 1
    message = at.error[0].value
    assert message.startswith("Could not read the resume:")
    assert "\n" not in message


def test_hostile_bullets_are_inert(open_page):
    payload = "<script>alert(1)</script> Helped <img src=x onerror=alert(2)> grow sign-ups"
    at = paste(open_page(PAGE), [payload])
    no_exception(at)
    for body in html_bodies(at):
        assert "<script" not in body and "<img" not in body
    assert payload in shown_text(at)


def _docx_resume() -> bytes:
    import io

    import docx

    doc = docx.Document()
    doc.add_heading("Sam Rivera", 0)
    doc.add_heading("Experience", 1)
    doc.add_paragraph("Senior Product Manager, Northwind — 2021–2024")
    doc.add_paragraph("Grew weekly active users significantly", style="List Bullet")
    doc.add_paragraph("Cut onboarding time from 14 days to 3 days", style="List Bullet")
    doc.add_heading("Skills", 1)
    doc.add_paragraph("SQL, Python")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _pdf_resume() -> bytes:
    import io

    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=letter)
    y = 740
    for line in [
        "Sam Rivera",
        "EXPERIENCE",
        "Senior Product Manager, Northwind 2021 - 2024",
        "• Grew weekly active users significantly",
        "• Cut onboarding time from 14 days to 3 days",
        "SKILLS",
        "SQL, Python",
    ]:
        c.drawString(72, y, line)
        y -= 18
    c.save()
    return out.getvalue()


@pytest.mark.parametrize(
    ("filename", "make", "mime"),
    [
        ("resume.docx", _docx_resume, "application/octet-stream"),
        ("resume.pdf", _pdf_resume, "application/pdf"),
    ],
)
def test_a_real_file_upload_is_read_and_linted(open_page, filename, make, mime):
    at = open_page(PAGE)
    at.file_uploader(key="resume.upload").upload(filename, make(), mime)
    at.run()
    no_exception(at)
    assert metrics(at)["Achievement bullets"] == "2"
    assert metrics(at)["With a number"] == "50%"
    assert "vague-language" in rules_shown(at)
    assert "Grew weekly active users significantly" in shown_text(at)
    assert "SQL, Python" not in shown_text(at)  # a skills line is not asked for a number


LANGUAGES_FIRST = """Alex Kim

LANGUAGES
English, Spanish
- Led the checkout redesign across 4 markets
- Cut support tickets by 30% in two quarters
- Launched self-serve refunds for 2,000 merchants
"""


def test_a_resume_read_with_no_achievement_says_so_and_a_section_can_be_marked(open_page):
    at = open_page(PAGE)
    at.file_uploader(key="resume.upload").upload("cv.txt", LANGUAGES_FIRST.encode(), "text/plain")
    at.run()
    no_exception(at)
    assert any("could not find your achievements" in e.value for e in at.error)
    table = next(d.value for d in at.dataframe if "claim-like" in d.value.columns)
    assert list(table["section"]) == ["contact", "skills"]
    [mark] = at.multiselect
    assert [("LANGUAGES" in str(o)) for o in mark.options] == [False, True]
    mark.set_value([1]).run()  # the option values are section indexes: skills is the second
    no_exception(at)
    assert not any("could not find" in e.value for e in at.error)
    assert metrics(at)["Achievement bullets"] == "4"


def test_an_uploaded_list_of_bullets_is_read_as_bullets_like_a_paste(open_page):
    at = open_page(PAGE)
    lines = [*BULLETS, "research and development for web applications"]
    at.file_uploader(key="resume.upload").upload(
        "bullets.txt", "\n".join(lines).encode(), "text/plain"
    )
    at.run()
    no_exception(at)
    assert not any("could not find" in e.value for e in at.error)
    uploaded = metrics(at)
    assert uploaded["Achievement bullets"] == "4" and uploaded["Score"] != "n/a"
    at = open_page(PAGE)
    paste(at, lines)
    no_exception(at)
    assert metrics(at) == uploaded


def test_a_paste_longer_than_any_resume_says_only_its_first_lines_were_read(open_page):
    from starkit.limits import MAX_LINES

    lines = [f"Cut release time from 3 weeks to 4 days for team {n}" for n in range(MAX_LINES + 9)]
    at = paste(open_page(PAGE), lines)
    no_exception(at)
    assert metrics(at)["Achievement bullets"] == str(MAX_LINES)
    said = f"only its first {MAX_LINES:,} lines were read"
    assert any(said in c.value for c in at.caption), [c.value for c in at.caption]


def test_a_line_with_no_word_is_not_a_bullet_and_the_page_says_it_was_skipped(open_page):
    at = paste(open_page(PAGE), [BULLETS[0], "#" * 5_000, BULLETS[1]])
    no_exception(at)
    assert metrics(at)["Achievement bullets"] == "2"
    assert any("skipped 1 line with no word" in c.value for c in at.caption)
    at.toggle(key="resume.show_all").set_value(True).run()
    assert "#####" not in shown_text(at)  # no card for it


MARKUP_PASTE = [
    "Helped with the <b>checkout</b> redesign",
    'Grew signups <img src="chart.png" alt="growth"> in Q3',
    "Responsible for **saved searches** and [alerts](https://example.com)",
]


def test_a_paste_of_markup_is_text_in_the_page_your_version_and_the_txt(open_page, monkeypatch):
    from starkit.ui import widgets

    offered: dict[str, str] = {}
    real = widgets.downloads

    def downloads(files):
        offered.update({name: data for _, data, name, _, _ in files})
        real(files)

    monkeypatch.setattr(widgets, "downloads", downloads)
    at = paste(open_page(PAGE), MARKUP_PASTE)
    no_exception(at)
    assert metrics(at)["Achievement bullets"] == "3"
    shown = shown_text(at)
    for line in MARKUP_PASTE:
        assert line in shown  # the tags and stars shown as the characters typed
    for body in html_bodies(at):
        assert "<b>checkout" not in body and "<img" not in body  # escaped, never markup
    versions = [a.value for a in at.text_area if str(a.key).startswith("resume.edit.")]
    assert versions == MARKUP_PASTE
    assert offered["resume-improved.txt"].splitlines() == MARKUP_PASTE


def test_a_version_with_no_word_is_not_judged_and_says_so(open_page):
    at = paste(open_page(PAGE))
    at.text_area(key="resume.edit.0").input("#####").run()
    no_exception(at)
    notes = [c.value.replace("\\", "") for c in at.caption]
    assert any(n.startswith("Your version: no words to judge") for n in notes)
    assert not any(n.startswith("Your version: score") for n in notes)


# the same file the resume-reading tests use (tests/data/resumes/)
TEMPLATE_RESUME = (
    Path(__file__).parents[1] / "data" / "resumes" / "template_left_as_it_came.txt"
).read_text(encoding="utf-8")


def test_a_template_left_as_it_came_is_not_scored_and_the_page_says_why(open_page):
    at = open_page(PAGE)
    at.file_uploader(key="resume.upload").upload("cv.txt", TEMPLATE_RESUME.encode(), "text/plain")
    at.run()
    no_exception(at)
    score = next(m for m in at.metric if m.label == "Score")
    assert score.value == "n/a" and score.delta == "mostly template text"
    [error] = at.error
    assert error.value.replace("\\", "").startswith("Not scored: most achievement bullets (4 of 5)")
    # the lorem ipsum line is shown with its placeholder finding and no rewrite to accept
    lorem = next(
        i
        for i, a in enumerate(at.text_area)
        if str(a.key).startswith("resume.edit.") and "lorem ipsum" in a.value
    )
    key = at.text_area[lorem].key.rsplit(".", 1)[1]
    assert not [b for b in at.button if str(b.key).startswith(f"resume.accept.{key}.")]


def test_what_starkit_read_is_there_for_a_clean_resume_too(open_page):
    at = open_page(PAGE)
    at.file_uploader(key="resume.upload").upload(
        "resume.md", MARKDOWN_RESUME.encode(), "text/markdown"
    )
    at.run()
    no_exception(at)
    assert not at.error
    assert len([e for e in at.expander if e.label == "What starkit read"]) == 1
    table = next(d.value for d in at.dataframe if "claim-like" in d.value.columns)
    assert "experience" in list(table["section"])


def test_the_cards_say_what_they_count_beside_the_header(open_page):
    at = open_page(PAGE)
    at.file_uploader(key="resume.upload").upload(
        "resume.md", MARKDOWN_RESUME.encode(), "text/markdown"
    )
    at.run()
    assert metrics(at)["Achievement bullets"] == "4"
    notes = [c.value.replace("\\", "") for c in at.caption]
    said = "Showing 3 lines: 3 of the 4 achievement bullets (those with a finding); 9 lines"
    assert any(n.startswith(said) for n in notes), notes
    assert len([b for b in html_bodies(at) if 'class="sk-text"' in b]) == 3  # 3 cards shown


def test_by_role_has_a_list_for_a_phone_beside_the_table(open_page):
    at = open_page(PAGE)
    at.file_uploader(key="resume.upload").upload(
        "resume.md", MARKDOWN_RESUME.encode(), "text/markdown"
    )
    at.run()
    rows = [b for b in html_bodies(at) if "sk-row" in b and "quantified share: 50%" in b]
    assert rows and "Northwind" in rows[0]
