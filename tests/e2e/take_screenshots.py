"""Take the README's screenshots of every page with the browser-test harness.

    .venv/bin/python tests/e2e/take_screenshots.py [OUT_DIR]   # default: docs/screenshots

Starts the app on 127.0.0.1 with a throwaway story bank seeded with three example stories,
fills each page the way a user would, and saves one PNG per page.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from e2e_harness import (
    CHROMIUM_ARGS,
    ROOT,
    StreamlitServer,
    chromium_path,
    screenshot,
    wait_for_app,
)

BULLETS = (
    "Helped with the launch of the new onboarding flow\n"
    "Grew newsletter subscribers by 40%\n"
    "Ran an A/B test on the pricing page that increased conversion from 2.1% to 2.6%\n"
    "Cut release cycle time from 3 weeks to 4 days by automating regression tests\n"
    "Responsible for various stakeholder updates"
)
STORY = {
    "situation": "Our mobile checkout took 9 seconds to load on 3G and carts were abandoned.",
    "task": "I owned the checkout performance goal for the quarter.",
    "action": (
        "We audited the page and we cut the bundle. I set a performance budget in CI and "
        "moved image resizing to the CDN."
    ),
    "result": "Checkout got significantly faster and sign-ups went up.",
}
EMAIL = (
    "Hi [Name],\n\nThank you for the conversation today about the payments roadmap. I enjoyed "
    "hearing how the team thinks about checkout reliability.\n\nBest,\nAlex"
)
SEED = [
    (
        "Checkout latency",
        "Situation: Checkout p95 was 4.2 s and mobile conversion lagged desktop.\n"
        "Task: I had to cut latency without a rewrite.\n"
        "Action: I profiled the flow, cached the tax service and removed two blocking calls.\n"
        "Result: p95 fell from 4.2 s to 1.9 s in six weeks and mobile conversion rose 0.8 pp "
        "while the error rate held at 0.1%.",
        ["execution", "technical depth"],
    ),
    (
        "Pricing experiment",
        "Situation: Annual plans were 12% of sign-ups.\nTask: I led the pricing test.\n"
        "Action: I designed a two-arm test with finance and set refund rate as the guardrail.\n"
        "Result: Annual share rose from 12% to 19% over 8 weeks with refunds flat.",
        ["data-driven decisions", "influence"],
    ),
    (
        "Platform migration",
        "Situation: Three teams ran their own deploy scripts.\nTask: I had to move them to one "
        "pipeline.\nAction: I wrote the plan, ran weekly reviews and unblocked the riskiest team "
        "first.\nResult: Deploy time fell from 45 to 12 minutes and incidents dropped by half.",
        ["program management", "conflict"],
    ),
]


METRICS_ANSWER = (
    "Stories let people share everyday moments with close friends. My north star would be the "
    "share of weekly active users who post a story. I'd also track replies and time spent."
)


# Two logged interviews (the stories told by their index in SEED); the Globex one, the latest,
# is shown with its debrief and the thank-you email drafted from it.
INTERVIEWS = [
    (
        "Initech",
        {
            "role": "Group PM",
            "round": "Recruiter screen",
            "date": "2026-02-20",
            "stage": "screen",
            "told": [],
        },
    ),
    (
        "Globex",
        {
            "role": "Senior TPM, Payments",
            "round": "Onsite: execution",
            "date": "2026-03-02",
            "stage": "onsite",
            "interviewers": ["Priya Raman"],
            "questions": [
                "Tell me about a time you disagreed with a stakeholder.",
                "How would you measure the success of a checkout redesign?",
            ],
            "topic": "their checkout rebuild",
            "told": [0, 1],
        },
    ),
]


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    from starkit.bank import StoryBank

    exe = chromium_path()
    if not exe:
        raise SystemExit("chromium is not on PATH (apt-get install chromium)")
    tmp = Path(tempfile.mkdtemp(prefix="starkit-shots-"))
    db = tmp / "stories.db"
    with StoryBank(str(db)) as bank:
        ids = [bank.add(title, text, tags) for title, text, tags in SEED]
        for company, fields in INTERVIEWS:
            told = [ids[i] for i in fields.pop("told")]
            bank.add_interview(company, story_ids=told, **fields)
    server = StreamlitServer(db, tmp / "streamlit.log").start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
            pg = browser.new_page(viewport={"width": 1400, "height": 1500})
            pg.set_default_timeout(30_000)

            pg.goto(server.url)
            wait_for_app(pg)
            pg.locator(".st-key-resume-paste textarea").fill(BULLETS)
            pg.locator(".st-key-resume-paste textarea").press("Control+Enter")
            pg.get_by_text("With a number").wait_for()
            pg.locator(".st-key-resume-accept-0-0 button").first.click()
            pg.get_by_text("Your version:").first.wait_for()
            screenshot(pg, "resume", out)

            pg.goto(f"{server.url}/story_builder")
            wait_for_app(pg)
            for name, body in STORY.items():
                box = pg.locator(f".st-key-story-{name} textarea")
                box.fill(body)
                box.press("Control+Enter")
            pg.get_by_text("Spoken").first.wait_for()
            pg.locator(".st-key-story-title input").fill("Mobile checkout speed")
            pg.locator(".st-key-story-title input").press("Enter")
            pg.wait_for_timeout(800)
            screenshot(pg, "story_builder", out)

            pg.goto(f"{server.url}/email")
            wait_for_app(pg)
            pg.locator(".st-key-email-text textarea").fill(EMAIL)
            pg.locator(".st-key-email-text textarea").press("Control+Enter")
            pg.get_by_text("A result to reinforce").wait_for()
            pg.wait_for_timeout(800)
            screenshot(pg, "email", out)

            pg.goto(f"{server.url}/story_bank")
            wait_for_app(pg)
            pg.get_by_text("stories shown").wait_for()
            pg.wait_for_timeout(1500)
            screenshot(pg, "story_bank", out)
            pg.get_by_role("tab", name="Coverage").click()
            pg.wait_for_timeout(1500)
            screenshot(pg, "story_bank_coverage", out)

            pg.goto(f"{server.url}/practice")
            wait_for_app(pg)
            pg.get_by_text("Time left in the window").wait_for()
            pg.locator(".st-key-practice-start button").first.click()
            pg.wait_for_timeout(2500)
            screenshot(pg, "practice", out)

            pg.locator(".st-key-practice-kind").get_by_text("Metrics").click()
            box = pg.locator(".st-key-practice-answer-metrics textarea")
            box.wait_for()
            box.fill(METRICS_ANSWER)
            pg.locator(".sk-rubric").wait_for()
            pg.locator(".st-key-practice-save button").click()
            pg.get_by_text("Attempt saved.").wait_for()
            pg.wait_for_timeout(1500)
            screenshot(pg, "practice_metrics", out)

            pg.set_viewport_size({"width": 1400, "height": 2300})
            pg.goto(f"{server.url}/interviews")
            wait_for_app(pg)
            pg.get_by_role("button", name="Draft email").click()
            pg.locator('[data-testid="stCode"]').first.wait_for()
            pg.wait_for_timeout(1500)
            screenshot(pg, "interviews", out)
            browser.close()
    finally:
        server.stop()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
