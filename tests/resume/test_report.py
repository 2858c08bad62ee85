"""The resume report: what is linted how, per-role and document figures, and the exports."""

from __future__ import annotations

import io
import json
from collections import Counter

import pandas as pd
import pytest

from starkit.resume import read_resume
from starkit.resume.lexicon import policy
from starkit.resume.report import ResumeReport, lint_resume
from tests.resume.fixtures.build import to_text

QUANT_RULES = {
    "no-quantification",
    "missing-baseline",
    "vanity-metric",
    "missing-guardrail",
    "weak-verb",
}


@pytest.fixture(scope="module")
def report() -> ResumeReport:
    return lint_resume(read_resume(to_text().encode(), name="cv.txt"))


def _resume(text: str) -> ResumeReport:
    return lint_resume(read_resume(text.encode(), name="cv.txt"))


def test_only_achievement_sections_are_asked_for_numbers():
    rep = _resume(
        "[Your Name]\n"
        "SUMMARY\n"
        "Product leader who helped various teams ship\n"
        "EXPERIENCE\n"
        "Acme | Product Manager | 2020 - 2023\n"
        "- Worked on the mobile app\n"
        "EDUCATION\n"
        "BA History, Tufts University, 2014\n"
        "- Responsible for the debate club\n"
        "SKILLS\n"
        "Roadmaps, discovery, SQL\n"
    )
    by_section: dict[str, set[str]] = {}
    for item in rep.items:
        by_section.setdefault(item.section, set()).update(f.rule for f in item.findings)
    for section in ("contact", "summary", "education", "skills"):
        assert not by_section.get(section, set()) & QUANT_RULES, section
    assert "no-quantification" in by_section["experience"]
    assert "unfilled-placeholder" in by_section["contact"]  # applies everywhere
    assert "vague-language" in by_section["summary"]
    assert set(policy().everywhere_rules) == {"unfilled-placeholder", "vague-language"}


def test_role_figures_follow_the_bullets(report):
    assert report.achievement_bullets == len(report.resume.achievement_bullets) == 11
    for summary in report.roles:
        mine = [i for i in report.items if i.achievement and i.role == summary.role.index]
        assert summary.bullets == len(mine)
        assert summary.quantified == sum(i.quantified for i in mine)
    first = report.roles[0]
    unmeasured = [
        i.text
        for i in report.items
        if i.role == first.role.index and i.achievement
        if not i.quantified
    ]
    assert unmeasured == ["Worked on various internal tools"]
    assert first.quantified_share == pytest.approx(4 / 5)
    total = sum(s.quantified for s in report.roles)
    assert report.quantified_share == pytest.approx(total / 11)
    assert report.counts_by_rule == dict(Counter(lf.finding.rule for lf in report.findings))


NO_CLAIM = (
    "EXPERIENCE\n"
    "Sales Manager, Northwind, 2015 - 2019\n"
    "- Northwind is a leading provider of retail software to national chains.\n"
    "- Grew territory revenue from $2M to $2.6M in 2017 while holding churn under 3%.\n"
    "- Managed a team of 6 sales representatives.\n"
    "- Responsible for customer relationships.\n"
    "- Used Salesforce reports to plan weekly calls.\n"
)


def test_a_line_that_claims_no_work_is_read_but_in_no_share():
    rep = _resume(NO_CLAIM)
    by_text = {i.text: i for i in rep.items}
    described = by_text["Northwind is a leading provider of retail software to national chains."]
    assert not described.claims_work and not described.findings
    assert by_text["Used Salesforce reports to plan weekly calls."].claims_work
    assert rep.achievement_bullets == 5  # read as bullets: the count says what was read
    assert rep.no_claim == [described.index]
    assert rep.quantified_share == pytest.approx(2 / 4)  # not 2 of 5
    [role] = rep.roles
    assert (role.bullets, role.quantified) == (4, 2)
    note = rep.no_claim_note()
    assert note is not None and note.startswith("1 claims no work, e.g. 'Northwind is a")
    from starkit.resume.cli import render_text

    assert "50% with a number; 1 claims no work" in render_text(rep, "cv.txt")
    assert "carrying a number: 50%; 1 claims no work" in rep.to_markdown()
    # every line claiming work: no note
    every = _resume(NO_CLAIM.replace(described.text, "Opened 12 new accounts"))
    assert every.no_claim == [] and every.no_claim_note() is None


def test_lead_verbs_long_bullets_and_crowded_roles():
    long_31 = "Led " + " ".join(["work"] * 29) + " 5"
    long_30 = "Led " + " ".join(["work"] * 28) + " 5"
    bullets = [long_31, long_30, "Led 3 launches", "Built 2 tools", "Built 4 dashboards"]
    bullets += [f"Shipped feature {n} to 100 users" for n in range(4)]
    text = "EXPERIENCE\nAcme | Product Manager | 2020 - 2023\n" + "".join(
        f"- {b}\n" for b in bullets
    )
    text += "Globex | Analyst | 2018 - 2020\n- Cut report time from 3 days to 1\n"
    rep = _resume(text)
    assert rep.repeated_lead_verbs == {"led": 3, "shipped": 4}
    assert [rep.items[i].text for i in rep.long_bullets] == [long_31]
    assert rep.crowded_roles == [rep.resume.roles[0].index]
    assert [s.over_limit for s in rep.roles] == [True, False]


def test_dataframe_has_one_row_a_bullet(report):
    df = report.to_dataframe()
    bullets = df[df["kind"] == "bullet"]
    assert len(bullets) == len(report.resume.bullets)
    assert list(bullets["text"]) == [b.text for b in report.resume.bullets]
    assert set(df[df["kind"] == "line"].index).isdisjoint(bullets.index)
    row = bullets[bullets["text"] == "Worked on various internal tools"].iloc[0]
    assert row["organisation"] == "Northwind Analytics"
    assert not row["quantified"]
    assert "no-quantification" in row["rules"]


def test_csv_json_and_markdown_exports(report):
    df = pd.read_csv(io.StringIO(report.to_csv()))
    assert len(df) == len(report.to_dataframe())
    again = ResumeReport.model_validate_json(report.to_json())
    assert again == report
    assert json.loads(report.to_json())["achievement_bullets"] == 11
    md = report.to_markdown()
    assert "| Senior Product Manager, Northwind Analytics | experience |" in md
    assert "`no-quantification`" in md


def test_markdown_escapes_user_text():
    rep = _resume("EXPERIENCE\nAcme | PM | 2020 - 2021\n- Built <script>x</script> | [link](y)\n")
    md = rep.to_markdown()
    assert "<script>" not in md
    assert "[link](y)" not in md


def test_positions_of_findings_point_into_the_file(report):
    lines = to_text().splitlines()
    for lf in report.findings:
        item = report.items[lf.item]
        span = item.text[lf.finding.start : lf.finding.end]
        src = lines[lf.source.line - 1][lf.source.col - 1 :]
        assert src.startswith(span.split()[0])


def test_a_metric_with_a_relative_figure_reports_an_outcome():
    """'Unique clicks: +147% above bank average' (a real resume line under its campaign): no
    verb states work, but a product metric with a signed figure reports an outcome, so it
    counts in the quantified share; the browser pass saw it shown as a line that 'claims no
    work' beside its missing-baseline finding."""
    from starkit import lint

    report = lint("Unique clicks: +147% above bank average", "bullet")
    assert report.units[0].details["claims_work"] is True
    # a signed figure with no product metric is no outcome by this test
    assert lint("Stack: +3 services", "bullet").units[0].details["claims_work"] is False
