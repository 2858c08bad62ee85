"""End to end: a metrics question answered on the Practice page shows its rubric while typing,
the attempt is saved, and after a server restart it is in the log and the progress chart
draws."""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e_harness import StreamlitServer, screenshot, wait_for_app

from starkit.bank import StoryBank

pytestmark = pytest.mark.e2e

ANSWER = (
    "I would track DAU, the number of stories posted and time spent in the app. "
    "If those go up, the feature is working."
)


def test_metrics_answer_rubric_saved_and_charted_after_restart(page, tmp_path: Path):
    db, log = tmp_path / "practice.db", tmp_path / "practice.log"
    first = StreamlitServer(db, log).start()
    try:
        page.goto(f"{first.url}/practice")
        wait_for_app(page)
        page.locator(".st-key-practice-kind").get_by_text("Metrics").click()
        box = page.locator(".st-key-practice-answer-metrics textarea")
        box.wait_for()
        box.click()
        box.fill(ANSWER)  # no blur, no Ctrl+Enter: the rubric follows the typing
        page.locator(".sk-rubric").wait_for()
        page.locator(".sk-followup").wait_for()
        assert page.locator(".sk-rubric .sk-no").count() >= 1  # missing parts are shown
        page.locator(".st-key-practice-save button").click()
        page.get_by_text("Attempt saved.").wait_for()
        screenshot(page, "e2e-practice-answer")
    finally:
        first.stop()

    with StoryBank(str(db)) as bank:
        (attempt,) = bank.attempts()
    assert attempt.kind == "answer" and attempt.text == ANSWER

    second = StreamlitServer(db, log).start()
    try:
        page.goto(f"{second.url}/practice")
        wait_for_app(page)
        page.get_by_text("Attempt log").wait_for()
        page.get_by_text("Your weakest rubric cell").wait_for()
        page.locator('[data-testid="stDataFrame"]').first.wait_for()
        chart = page.locator('[data-testid="stVegaLiteChart"]').first
        chart.wait_for()
        chart.locator("canvas, svg").first.wait_for()
        screenshot(page, "e2e-practice-progress")
    finally:
        second.stop()
