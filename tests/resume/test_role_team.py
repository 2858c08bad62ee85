"""A role header 'Title, Team — Company (dates)' keeps the company as the organisation and the
team with the title, in every format that prints it so."""

from __future__ import annotations

import pytest

from starkit.resume import read_text_resume
from starkit.resume.roles import parse_role


@pytest.mark.parametrize(
    "header",
    [
        "Senior Product Manager, Checkout — Shopwise (2021–present)",
        "Shopwise — Senior Product Manager, Checkout (2021–present)",
        "Senior Product Manager, Checkout | Shopwise | 2021 - present",
    ],
)
def test_the_team_stays_with_the_title(header):
    hint = parse_role([header])
    assert hint.organisation == "Shopwise"
    assert hint.title == "Senior Product Manager, Checkout"


def test_a_title_and_company_alone_are_unchanged():
    hint = parse_role(["Product Manager, Acme — Seattle, WA"])
    assert (hint.title, hint.organisation, hint.location) == (
        "Product Manager",
        "Acme",
        "Seattle, WA",
    )


def test_markdown_role_heading_keeps_the_company():
    text = (
        "# Sam Lee\n\n## Experience\n\n"
        "### Senior Product Manager, Checkout — Shopwise (2021–present)\n\n"
        "- Cut checkout drop-off from 38% to 29% in two quarters\n"
    )
    [role] = read_text_resume(text, name="cv.md").roles
    assert role.organisation == "Shopwise"
