"""Follow-up questions: each rule fires on its trigger, stays silent on its `unless` terms."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from starkit.errors import LexiconError
from starkit.lexicons import lexicon_root
from starkit.story import followups
from starkit.story.followups import load_followup_rules, pronoun_counts

BASE = (
    "Situation: Our mobile checkout was slow and conversion was falling.\n"
    "Task: I was asked to raise conversion within a quarter.\n"
)

# One story per rule where it must fire, and its twin where an `unless` term silences it.
FIRES = {
    "experiment-noise": BASE + "Action: I ran an A/B test of a shorter form.\n"
    "Result: Conversion rose from 2.1% to 2.6%.",
    "launch-rollback": BASE + "Action: I shipped a shorter form to every user.\n"
    "Result: Conversion rose from 2.1% to 2.6%.",
    "tradeoff-segment": BASE + "Action: I made a trade-off and removed guest checkout.\n"
    "Result: Conversion rose from 2.1% to 2.6%.",
    "vanity-downstream": BASE + "Action: I redesigned the landing page.\n"
    "Result: Page views grew 40% in a month.",
    "incident-prevention": "Situation: Our payments API had an outage on Black Friday.\n"
    "Task: I had to restore it.\nAction: I led the call and reverted the config.\n"
    "Result: Service was back in 40 minutes.",
    "failure-differently": "Situation: One of my failures was a sharing feature.\n"
    "Task: I had to get teams sharing boards.\nAction: I built sharing links.\n"
    "Result: Nobody used it; 2% of teams tried it once.",
    "deadline-cost": "Situation: A regulation set a hard date for data exports.\n"
    "Task: I owned the export feature.\nAction: I planned the work in two-week milestones.\n"
    "Result: We met the date with 4 days to spare.",
    "conflict-relationship": "Situation: The backend and mobile leads disagreed about the API.\n"
    "Task: I had to get a decision.\nAction: I met both and drafted an ownership split.\n"
    "Result: Work restarted within 2 days.",
    "customer-ask-vs-need": "Situation: Our biggest customers asked for real-time comments.\n"
    "Task: I owned collaboration.\nAction: I wrote the spec from those requests.\n"
    "Result: Comments reached 30% of teams in 3 months.",
    "metric-gaming": "Situation: Every team reported a different success metric.\n"
    "Task: I had to pick one north star.\nAction: I analysed which habits predicted retention.\n"
    "Result: Leadership adopted it, and the share of new users finishing 3 lessons rose 12%.",
    "ambiguity-assumptions": "Situation: The brief was one sentence: figure out hospitals.\n"
    "Task: I had 8 weeks to recommend a move.\nAction: I interviewed 14 buyers.\n"
    "Result: I recommended waiting, which saved a 2-person sales hire.",
    "dependency-slip": "Situation: Our launch depended on another team's billing API.\n"
    "Task: I ran the program.\nAction: I held a weekly review with both teams.\n"
    "Result: We went from 3 to 12 customers on the new plan.",
    "we-heavy": BASE + "Action: We rebuilt the form. We tested it with our users. I reviewed it.\n"
    "Result: Conversion rose from 2.1% to 2.6%.",
    "result-unquantified": BASE + "Action: I rebuilt the form.\n"
    "Result: Customers were much happier with checkout.",
    "no-result": BASE + "Action: I rebuilt the form and cut two steps.",
}

SILENT = {
    "experiment-noise": BASE + "Action: I ran an A/B test with 40,000 users per arm.\n"
    "Result: Conversion rose from 2.1% to 2.6%, statistically significant at 95%.",
    "launch-rollback": BASE + "Action: I shipped it behind a kill switch with a rollback "
    "threshold of a 0.5-point drop in payment success.\nResult: Conversion rose from 2.1% to 2.6%.",
    "tradeoff-segment": BASE + "Action: I made a trade-off and removed guest checkout, knowing "
    "the segment of one-time buyers would pay for it.\nResult: Conversion rose from 2.1% to 2.6%.",
    "vanity-downstream": BASE + "Action: I redesigned the landing page.\n"
    "Result: Page views grew 40% and 30-day retention rose 3 points.",
    "incident-prevention": "Situation: Our payments API had an outage on Black Friday.\n"
    "Task: I had to restore it.\nAction: I led the call and reverted the config.\n"
    "Result: Service was back in 40 minutes, and we added a config check to prevent a repeat.",
    "failure-differently": "Situation: One of my failures was a sharing feature.\n"
    "Task: I had to get teams sharing boards.\nAction: I built sharing links.\n"
    "Result: Nobody used it; 2% of teams tried it. I learned to test the habit first.",
    "deadline-cost": "Situation: A regulation set a hard date for data exports.\n"
    "Task: I owned the export feature.\nAction: I cut the admin dashboard to make room.\n"
    "Result: We met the date with 4 days to spare.",
    "conflict-relationship": "Situation: The backend and mobile leads disagreed about the API.\n"
    "Task: I had to get a decision.\nAction: I met both and drafted an ownership split.\n"
    "Result: Work restarted within 2 days, and the two leads built a good relationship.",
    "customer-ask-vs-need": "Situation: Our biggest customers asked for real-time comments.\n"
    "Task: I owned collaboration.\nAction: I interviewed 12 users before writing the spec.\n"
    "Result: Comments reached 30% of teams in 3 months.",
    "metric-gaming": "Situation: Every team reported a different success metric.\n"
    "Task: I had to pick one north star.\nAction: I set refund rate as its guardrail.\n"
    "Result: Leadership adopted it, and the share of new users finishing 3 lessons rose 12%.",
    "ambiguity-assumptions": "Situation: The brief was one sentence: figure out hospitals.\n"
    "Task: I had 8 weeks to recommend a move.\nAction: I listed my assumptions and tested them.\n"
    "Result: I recommended waiting, which saved a 2-person sales hire.",
    "dependency-slip": "Situation: Our launch depended on another team's billing API.\n"
    "Task: I ran the program.\nAction: I agreed a fallback with them in case their date slipped.\n"
    "Result: We went from 3 to 12 customers on the new plan.",
    "we-heavy": BASE + "Action: I rebuilt the form. I tested it with 8 users. We reviewed it.\n"
    "Result: Conversion rose from 2.1% to 2.6%.",
    "result-unquantified": BASE + "Action: I rebuilt the form.\n"
    "Result: Conversion rose from 2.1% to 2.6% in 6 weeks.",
    "no-result": BASE + "Action: I rebuilt the form.\nResult: Conversion rose 12%.",
}


def ids(text: str) -> list[str]:
    return [f.id for f in followups(text, limit=20)]


def test_every_rule_in_the_lexicon_has_a_firing_and_a_silent_example():
    rule_ids = {r.id for r in load_followup_rules() if not r.fallback}
    assert rule_ids == set(FIRES) == set(SILENT)


@pytest.mark.parametrize("rule", sorted(FIRES))
def test_rule_fires_on_its_trigger(rule):
    assert rule in ids(FIRES[rule])


@pytest.mark.parametrize("rule", sorted(SILENT))
def test_rule_stays_silent_when_the_story_already_answers_it(rule):
    assert rule not in ids(SILENT[rule])


def test_the_issue_examples_draw_their_questions():
    text = (
        "Situation: Sign-ups were flat. Task: I had to grow paid plans.\n"
        "Action: I ran an experiment on the pricing page and then launched the winner. "
        "It was a trade-off: we removed the monthly plan.\n"
        "Result: Paid conversion rose from 3% to 4%."
    )
    got = {f.id: f.text for f in followups(text)}
    assert set(got) == {"experiment-noise", "launch-rollback", "tradeoff-segment"}
    assert "noise" in got["experiment-noise"]
    assert "roll back" in got["launch-rollback"]
    assert "segment" in got["tradeoff-segment"]


def test_two_or_three_are_returned_most_likely_first():
    rules = {r.id: r.priority for r in load_followup_rules()}
    for text in [*FIRES.values(), *SILENT.values()]:
        got = followups(text)
        assert 2 <= len(got) <= 3
        prios = [rules[f.id] for f in got]
        assert prios == sorted(prios, reverse=True)


def test_fallbacks_fill_in_when_nothing_fires():
    text = (
        "Situation: Reports were late.\nTask: I owned them.\nAction: I automated them.\n"
        "Result: They now arrive 2 days earlier."
    )
    got = followups(text)
    assert [f.trigger for f in got] == ["fallback", "fallback"]
    # A fallback's own unless terms still apply.
    hindsight = text + " In hindsight I should have asked finance first."
    got = [f.id for f in followups(hindsight)]
    assert "fallback-differently" not in got
    assert len(got) == 2


def test_trigger_span_points_at_the_term():
    text = FIRES["experiment-noise"]
    fu = next(f for f in followups(text) if f.id == "experiment-noise")
    assert text[fu.start : fu.end] == fu.trigger == "A/B test"


def test_section_scoped_trigger_ignores_other_sections():
    # "traffic" in the Situation is context, not the reported outcome.
    text = (
        "Situation: Traffic to the docs site was high but trials were flat.\n"
        "Task: I had to raise trials.\nAction: I added a trial button to every page.\n"
        "Result: Trials from docs rose from 40 to 95 a week."
    )
    assert "vanity-downstream" not in ids(text)


def test_empty_story_has_no_followups_and_limit_is_respected():
    assert followups("") == []
    assert len(followups(FIRES["experiment-noise"], limit=1)) == 1


def test_pronoun_counts():
    assert pronoun_counts("We shipped it and I told our VP; they thanked us and me.") == (3, 2)


@pytest.fixture
def lex_copy(tmp_path: Path) -> Path:
    shutil.copytree(lexicon_root() / "story", tmp_path / "story")
    return tmp_path


def test_a_rule_with_two_triggers_is_a_lexicon_error(lex_copy):
    path = lex_copy / "story" / "followups.toml"
    text = path.read_text("utf-8").replace(
        'check = "no_result"\n', 'check = "no_result"\nwhen = ["x"]\n'
    )
    path.write_text(text, "utf-8")
    with pytest.raises(LexiconError) as exc:
        load_followup_rules(lex_copy)
    assert (exc.value.file, exc.value.entry) == ("story/followups.toml", "no-result")


def test_an_unknown_check_is_a_lexicon_error(lex_copy):
    path = lex_copy / "story" / "followups.toml"
    path.write_text(
        path.read_text("utf-8").replace('check = "we_heavy"', 'check = "we_hevy"'), "utf-8"
    )
    with pytest.raises(LexiconError) as exc:
        load_followup_rules(lex_copy)
    assert exc.value.entry == "we-heavy"
