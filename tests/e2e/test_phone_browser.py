"""End to end at a phone's width (390 px) and a laptop's (1,280 px): the Story bank's table and
coverage heatmap and the Practice attempt log are lists on a phone, with nothing cut at the
screen's edge, and tables and the heatmap on a laptop, the attempt log whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_harness import StreamlitServer, screenshot
from take_screenshots import SEED

from starkit.bank import StoryBank
from starkit.ui.rubric import LOG_WIDTHS

pytestmark = pytest.mark.e2e

PHONE, LAPTOP = 390, 1280
QUESTION = "How would you measure the success of a checkout redesign?"
# Visible elements of the page's main area that reach past the right edge of the screen.
CUT = """() => [...document.querySelectorAll('[data-testid=stMain] *')]
  .filter(e => e.offsetParent !== null && e.getBoundingClientRect().width > 0
               && e.getBoundingClientRect().right > window.innerWidth + 1)
  .map(e => e.getAttribute('data-testid') || e.className || e.tagName)"""


@pytest.fixture(scope="module")
def server(chromium_executable: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    tmp: Path = tmp_path_factory.mktemp("phone")
    db = tmp / "phone.db"
    with StoryBank(str(db)) as bank:
        for title, text, tags in SEED:
            bank.add(title, text, tags)
        bank.add_attempt(
            QUESTION,
            "answer",
            text="I would track conversion and time to checkout.",
            score=55,
            question_type="success",
            findings=[{"rule": "missing-guardrail", "severity": "warning", "message": "m"}],
        )
    srv = StreamlitServer(db, tmp / "phone.log").start()
    try:
        yield srv
    finally:
        srv.stop()


def _open(browser, server, path: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 2400})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.goto(f"{server.url}/{path}")
    pg.locator("h1").first.wait_for()
    return context, pg


def test_story_bank_on_a_phone_is_lists_with_nothing_cut(browser, server):
    context, pg = _open(browser, server, "story_bank", PHONE)
    try:
        rows = pg.locator(".st-key-sk-narrow-bank-table .sk-row")
        rows.first.wait_for()
        assert rows.count() == len(SEED)
        assert pg.locator(".st-key-sk-wide-bank-table").is_hidden()
        assert not pg.locator('[data-testid="stSidebar"] [data-testid="stSidebarNav"]').is_visible()
        pg.get_by_role("tab", name="Coverage").click()
        pg.get_by_text("Questions a story answers").wait_for()
        assert pg.locator(".st-key-sk-wide-bank-coverage").is_hidden()
        assert pg.locator(".st-key-sk-narrow-bank-coverage .sk-row").count() >= 1
        assert pg.evaluate(CUT) == []
        screenshot(pg, "e2e-phone-story-bank")
    finally:
        context.close()


def test_story_bank_on_a_laptop_keeps_the_table_and_the_heatmap(browser, server):
    context, pg = _open(browser, server, "story_bank", LAPTOP)
    try:
        pg.locator(".st-key-sk-wide-bank-table [data-testid=stDataFrame]").wait_for()
        assert pg.locator(".st-key-sk-narrow-bank-table").is_hidden()
        pg.get_by_role("tab", name="Coverage").click()
        chart = pg.locator(".st-key-sk-wide-bank-coverage [data-testid=stVegaLiteChart]")
        chart.locator("canvas, svg").first.wait_for()
        assert pg.locator(".st-key-sk-narrow-bank-coverage").is_hidden()
    finally:
        context.close()


def test_practice_log_is_a_list_on_a_phone_and_a_whole_table_on_a_laptop(browser, server):
    context, pg = _open(browser, server, "practice", PHONE)
    try:
        row = pg.locator(".st-key-sk-narrow-practice-log .sk-row")
        row.first.wait_for()
        assert QUESTION in row.first.inner_text()
        assert pg.locator(".st-key-sk-wide-practice-log").is_hidden()
        assert pg.evaluate(CUT) == []
        row.first.scroll_into_view_if_needed()
        screenshot(pg, "e2e-phone-practice")
    finally:
        context.close()
    context, pg = _open(browser, server, "practice", LAPTOP)
    try:
        table = pg.locator(".st-key-sk-wide-practice-log [data-testid=stDataFrame]")
        table.wait_for()
        assert pg.locator(".st-key-sk-narrow-practice-log").is_hidden()
        # every column of the log fits beside the sidebar: none is cut off at the right
        assert table.bounding_box()["width"] >= sum(LOG_WIDTHS.values())
    finally:
        context.close()


RESUME_MD = """# Sam Rivera
sam@example.com

## Experience

### Senior Product Manager, Northwind — 2021–2024
- Grew weekly active users significantly through a referral program
- Cut onboarding time from 14 days to 3 days for enterprise accounts

## Skills
SQL, Python, Figma
"""


def test_resume_reading_and_roles_are_lists_on_a_phone_with_nothing_cut(browser, server, tmp_path):
    cv = tmp_path / "resume.md"
    cv.write_text(RESUME_MD)
    context, pg = _open(browser, server, "", PHONE)
    try:
        pg.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(cv))
        pg.get_by_text("Achievement bullets").first.wait_for()
        pg.get_by_text("What starkit read").click()  # there, collapsed, for a clean resume
        pg.locator(".st-key-sk-narrow-resume-reading .sk-row").first.wait_for()
        assert pg.locator(".st-key-sk-wide-resume-reading").is_hidden()
        pg.get_by_role("tab", name="By role").click()
        row = pg.locator(".st-key-sk-narrow-resume-roles .sk-row")
        row.first.wait_for()
        assert "Northwind" in row.first.inner_text()
        assert pg.locator(".st-key-sk-wide-resume-roles").is_hidden()
        pg.wait_for_timeout(1_000)
        assert pg.evaluate(CUT) == []
        screenshot(pg, "e2e-phone-resume-roles")
    finally:
        context.close()
    context, pg = _open(browser, server, "", LAPTOP)
    try:
        pg.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(cv))
        pg.get_by_role("tab", name="By role").click()
        pg.locator(".st-key-sk-wide-resume-roles [data-testid=stDataFrame]").wait_for()
        assert pg.locator(".st-key-sk-narrow-resume-roles").is_hidden()
    finally:
        context.close()
