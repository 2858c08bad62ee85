"""HTML resumes: `<ul>` bullets, headings, tables and side-by-side spans; scripts and styles
ignored; entities resolved."""

from __future__ import annotations

import pytest

from starkit.errors import ResumeReadError
from starkit.resume import read_resume
from tests.resume.fixtures.build import to_html
from tests.resume.helpers import assert_matches_fixture


@pytest.mark.parametrize("two_column", [False, True], ids=["one-column", "grid-sidebar"])
def test_html_resume_extracts_every_bullet_whole(two_column):
    resume = read_resume(to_html(two_column=two_column).encode(), name="cv.html")
    assert resume.format == "html"
    assert_matches_fixture(resume)
    assert not any("tracking" in ln.text for ln in resume.lines)


def test_saved_web_page_with_tables_entities_and_nested_markup():
    page = """<!doctype html><html><head><title>CV</title>
<style>li { color: red }</style></head><body>
<nav><a href="/">Home</a></nav>
<h1>Priya Raman</h1>
<h2>Professional Experience</h2>
<table><tr><td><b>Litware&nbsp;Inc.</b></td><td>Senior PM</td><td>2020&ndash;2024</td></tr></table>
<ul>
  <li><p>Cut   refund
      rate from 4.1% to 2.6% &amp; kept NPS at 52</p></li>
  <li>Launched <em>Litware Pay</em> in 3 markets<ul><li>Signed 40 merchants in Q1</li></ul></li>
</ul>
<h2>Skills &amp; Tools</h2>
<p>SQL &middot; Tableau &middot; Jira</p>
<script>document.write("<li>not a bullet</li>")</script>
</body></html>"""
    resume = read_resume(page.encode(), name="saved.html")
    assert [b.text for b in resume.achievement_bullets] == [
        "Cut refund rate from 4.1% to 2.6% & kept NPS at 52",
        "Launched Litware Pay in 3 markets",
        "Signed 40 merchants in Q1",
    ]
    role = resume.roles[0]
    assert (role.organisation, role.title, role.dates) == ("Litware Inc.", "Senior PM", "2020–2024")
    assert [s.name for s in resume.sections if s.heading] == ["experience", "skills"]
    first = resume.achievement_bullets[0]
    assert page.splitlines()[first.source.line - 1].strip().startswith("<li><p>Cut")


def test_html_with_no_text_is_refused():
    with pytest.raises(ResumeReadError, match="no visible text"):
        read_resume(b"<html><head><script>x()</script></head><body></body></html>", name="e.html")
