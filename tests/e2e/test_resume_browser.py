"""End to end: on the Resume page, two rewrites accepted on one bullet both stay in the user's
version, and one more line pasted keeps every edited version."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from e2e_harness import StreamlitServer, screenshot, wait_for_app

pytestmark = pytest.mark.e2e

BULLETS = [
    "Helped with the launch of the new onboarding flow",
    "Grew newsletter subscribers by 40%",
]
MINE = "Led the onboarding launch for 2 teams"


def commit(box: object, text: str) -> None:
    """Type into a text area and commit it the way a user does (Ctrl+Enter)."""
    box.click()
    box.fill(text)
    box.press("Control+Enter")


def test_accepted_and_edited_versions_survive_a_second_accept_and_a_new_line(page, tmp_path: Path):
    server = StreamlitServer(tmp_path / "resume.db", tmp_path / "resume.log").start()
    try:
        page.goto(server.url)
        wait_for_app(page)
        paste = page.locator(".st-key-resume-paste textarea")
        commit(paste, "\n".join(BULLETS))
        mine0 = page.locator(".st-key-resume-edit-0 textarea")
        mine1 = page.locator(".st-key-resume-edit-1 textarea")
        mine1.wait_for()
        commit(mine0, MINE)
        page.locator(".st-key-resume-reset-0").wait_for()

        page.locator('[class*="st-key-resume-accept-1-"] button:visible').nth(0).click()
        page.wait_for_function(
            "() => document.querySelector('.st-key-resume-edit-1 textarea').value.length > 40"
        )
        first = mine1.input_value()
        screenshot(page, "e2e-resume-one-accept")
        page.locator('[class*="st-key-resume-accept-1-"] button:visible').nth(1).click()
        page.wait_for_function(
            f"() => document.querySelector('.st-key-resume-edit-1 textarea').value.length"
            f" > {len(first)}"
        )
        both = mine1.input_value()
        assert first[len(BULLETS[1]) :] in both
        screenshot(page, "e2e-resume-two-accepts")

        commit(paste, "\n".join(["Responsible for various stakeholder updates", *BULLETS]))
        page.locator(".st-key-resume-edit-2 textarea").wait_for()
        page.wait_for_timeout(1_000)
        versions = [
            page.locator(f".st-key-resume-edit-{i} textarea").input_value() for i in range(3)
        ]
        assert MINE in versions and both in versions
        screenshot(page, "e2e-resume-new-line")
    finally:
        server.stop()


POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On\n"
    'Acme Payments,Senior Product Manager,"- Led the checkout redesign, lifting conversion '
    'from 2.1% to 2.9%\n- Ran onboarding experiments with the growth team",London,Mar 2021,\n'
)


def test_linkedin_export_zip_uploads_as_a_resume_with_its_roles(page, tmp_path: Path):
    export = tmp_path / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(export, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Connections.csv", "First Name,Last Name,Company\nPat,Lee,Initech\n")
        zf.writestr("Positions.csv", POSITIONS)
    server = StreamlitServer(tmp_path / "resume.db", tmp_path / "resume.log").start()
    try:
        page.goto(server.url)
        wait_for_app(page)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(export))
        page.get_by_text("Achievement bullets").first.wait_for()
        page.wait_for_timeout(1_000)
        screenshot(page, "e2e-resume-linkedin-zip")
        # each finding is placed under its role and the line of Positions.csv
        assert page.get_by_text("Senior Product Manager, Acme Payments · line 2").count() > 0
        assert page.get_by_text("Initech").count() == 0  # the connections table is not read
    finally:
        server.stop()
