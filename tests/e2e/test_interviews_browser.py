"""End to end: an interview logged on the Interviews page and its thank-you email drafted are
both still there after a server restart (the log and the draft live in the story bank)."""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e_harness import StreamlitServer, choose_option, screenshot, wait_for_app

from starkit.bank import StoryBank

pytestmark = pytest.mark.e2e

STORY = (
    "Situation: Checkout p95 was 4.2 s and mobile conversion lagged desktop.\n"
    "Task: I had to cut latency without a rewrite.\n"
    "Action: I profiled the flow, cached the tax service and removed two blocking calls.\n"
    "Result: p95 fell from 4.2 s to 1.9 s in six weeks while the error rate held at 0.1%."
)
FIGURE = "from 4.2 s to 1.9 s"


def test_logged_interview_and_drafted_email_survive_a_restart(page, tmp_path: Path):
    db, log = tmp_path / "interviews.db", tmp_path / "interviews.log"
    with StoryBank(str(db)) as bank:
        bank.add("Checkout latency", STORY, ["technical-depth"])

    first = StreamlitServer(db, log).start()
    try:
        page.goto(f"{first.url}/interviews")
        wait_for_app(page)
        page.locator(".st-key-interviews-company input").fill("Globex")
        page.locator(".st-key-interviews-role input").fill("Senior TPM")
        page.locator(".st-key-interviews-interviewers input").fill("Priya Raman")
        page.locator(".st-key-interviews-topic input").fill("their checkout rebuild")
        choose_option(page, "interviews-told", "Checkout latency")
        page.keyboard.press("Escape")
        page.get_by_role("button", name="Log interview").click()
        page.get_by_text("Logged: Globex").wait_for()
        page.locator('[data-testid="stDataFrame"]').first.wait_for()
        page.get_by_role("button", name="Draft email").click()
        code = page.locator('[data-testid="stCode"]').first
        code.wait_for()
        page.get_by_text("unfilled-placeholder").first.wait_for()  # the unsigned <Your name>
        text = code.inner_text()
        assert text.startswith("Hi Priya,") and FIGURE in text and "<Your name>" in text
        assert "Checkout latency" not in text
        assert page.get_by_text("No findings: ready to send.").count() == 0
        screenshot(page, "e2e-interviews-draft")
    finally:
        first.stop()

    with StoryBank(str(db)) as bank:
        (iv,) = bank.interviews()
        assert iv.company == "Globex" and iv.email is not None and FIGURE in iv.email

    second = StreamlitServer(db, log).start()
    try:
        page.goto(f"{second.url}/interviews")
        wait_for_app(page)
        page.locator('[data-testid="stDataFrame"]').first.wait_for()
        code = page.locator('[data-testid="stCode"]').first
        code.wait_for()
        text = code.inner_text()
        assert "Globex" in text and "Hi Priya," in text and FIGURE in text
        screenshot(page, "e2e-interviews-after-restart")
    finally:
        second.stop()
