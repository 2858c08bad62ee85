"""The email suggestion reuses a quantified result from the user's stories, never a made-up one."""

from __future__ import annotations

import re

from starkit.ui.reinforce import email_line, pick_result


def sentences_of(text):
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


def has_number(sentence):
    return bool(re.search(r"\d", sentence))


STORIES = [
    ("Checkout latency", "Checkout was slow. p95 latency fell 40% in two months. Team was happy."),
    ("Onboarding revamp", "Activation rose from 21% to 34% after the new onboarding flow."),
    ("Hiring", "I hired well. Everyone liked the team."),
]


def test_picks_the_result_sharing_the_emails_topic():
    email = "Thank you for discussing onboarding and activation with me today."
    pick = pick_result(email, STORIES, sentences_of, has_number)
    assert pick is not None
    assert pick.title == "Onboarding revamp"
    assert pick.sentence == STORIES[1][1]
    assert "Onboarding revamp" not in pick.line  # the title is the user's label, not the work
    assert "Activation rose from 21% to 34%" in pick.line


def test_without_topic_overlap_the_shortest_quantified_sentence_wins():
    pick = pick_result("Thanks for your time.", STORIES, sentences_of, has_number)
    assert pick is not None
    assert pick.sentence == "p95 latency fell 40% in two months."


def test_no_quantified_result_gives_none():
    assert pick_result("Thanks", [STORIES[2]], sentences_of, has_number) is None
    assert pick_result("Thanks", [], sentences_of, has_number) is None


def test_line_names_the_work_by_its_result_not_the_story_title():
    assert (
        email_line("I cut costs 10%.") == "Our conversation reminded me of a result of mine: "
        "I cut costs 10%."
    )
    assert email_line("NPS rose 12 points").endswith("a result of mine: NPS rose 12 points.")
    pick = pick_result("Thanks", [("Merchant onboarding phone", "Payouts fell 40%.")],
                       lambda t: [t], lambda s: True)  # fmt: skip
    assert pick is not None and pick.title == "Merchant onboarding phone"
    assert "Merchant onboarding" not in pick.line and "Payouts fell 40%." in pick.line
