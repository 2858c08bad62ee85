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


def test_a_projects_stack_beside_its_name_is_no_employer():
    """'Hospital Bed Manager — React.js, Node.js, Express.js, MongoDB' (a real PDF resume; the
    browser pass showed the stack as the employer): a list of three or more tools, two shaped
    as tools' names are, is dropped from the header; an employer with its place stays."""
    hint = parse_role(["Hospital Bed Manager — React.js, Node.js, Express.js, MongoDB"])
    assert (hint.title, hint.organisation) == ("Hospital Bed Manager", None)
    hint = parse_role(["Python, TensorFlow, PySyft, Flask", "Federated Recommendation System"])
    assert hint.organisation == "Federated Recommendation System"
    hint = parse_role(["Technical Writer/Editor", "Peraton, McLean, VA"])
    assert hint.organisation is not None and hint.organisation.startswith("Peraton")
    # common tools with no telling shape, from the lexicon's list (the second browser pass)
    hint = parse_role(["Java, Spring Boot, Angular, Docker, AWS", "E-Commerce REST API"])
    assert hint.organisation == "E-Commerce REST API"
    assert parse_role(["Yelp Clone (HTML, CSS, JavaScript)"]).organisation == (
        "Yelp Clone (HTML, CSS, JavaScript)"
    )


def test_dates_with_a_typographic_apostrophe_and_till_are_read_whole():
    """'CVI IR (Sep ’23 – Till)' in a real DOCX resume: the curly apostrophe and 'Till' were
    no date, the dash split the header, and the role was named 'CVI IR (Sep ’23'."""
    hint = parse_role(["CVI IR (Sep ’23 – Till)"])
    assert (hint.organisation, hint.dates) == ("CVI IR", "Sep ’23 – Till")
    hint = parse_role(["Acme | Product Manager | Sep’22 – Present"])
    assert (hint.organisation, hint.title, hint.dates) == (
        "Acme",
        "Product Manager",
        "Sep’22 – Present",
    )
