"""Shared checks: what a reader extracted against the fixture's source of truth."""

from __future__ import annotations

from starkit.resume import Resume
from tests.resume.fixtures.content import RESUME, FixtureResume


def achievement(resume: Resume) -> list[tuple[str, str, str | None]]:
    """(text, section, organisation) of the achievement bullets a reader found."""
    return [
        (b.text, b.section, b.role.organisation if b.role else None)
        for b in resume.achievement_bullets
    ]


def assert_matches_fixture(resume: Resume, fixture: FixtureResume = RESUME) -> None:
    """Every achievement bullet whole, in order, in its section and under its role; the
    roles' titles and dates right; skills and education never read as achievements."""
    assert achievement(resume) == fixture.achievement_bullets()
    roles = [r for r in resume.roles if r.section != "education"]
    assert [(r.section, r.organisation, r.title, r.dates) for r in roles] == [
        (r.section, r.organisation, r.title, r.dates) for r in fixture.roles
    ]
    sections = [s.name for s in resume.sections]
    for name in ("experience", "projects", "volunteering", "education", "skills"):
        assert name in sections
    skills_text = " ".join(
        item.text for item in [*resume.lines, *resume.bullets] if item.section == "skills"
    )
    for label, values in fixture.skills:
        assert values in skills_text
        assert label in skills_text
