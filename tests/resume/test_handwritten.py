"""Hand-written resumes (tests/resume/fixtures/handwritten): campus-style columns with
right-aligned places and dates, a Markdown CV with mixed list markers, and a plain-text
resume with no bullet glyphs at all.  Bullets whole and in place; the report never asks a
skills, education or contact line for a number."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from starkit.resume import read_resume
from starkit.resume.report import lint_resume

HERE = Path(__file__).parent / "fixtures" / "handwritten"
EXPECTED = tomllib.loads((HERE / "expected.toml").read_text(encoding="utf-8"))["files"]
QUANT_RULES = {"no-quantification", "missing-baseline", "vanity-metric", "missing-guardrail"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_handwritten_resume_bullets(name):
    resume = read_resume(HERE / name)
    want = [tuple(b) for b in EXPECTED[name]["bullets"]]
    assert [(b.section, b.text) for b in resume.achievement_bullets] == want
    assert [r.organisation for r in resume.roles] == EXPECTED[name]["organisations"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_handwritten_resume_report_spares_non_achievement_lines(name):
    report = lint_resume(read_resume(HERE / name))
    for item in report.items:
        if item.section in ("skills", "education", "contact", "summary") or not item.achievement:
            assert not {f.rule for f in item.findings} & QUANT_RULES, item.text
