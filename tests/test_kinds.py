"""The kind of a file found from its content (`lexicons/kinds.toml`): an email pasted with its
headers is an email, a metrics answer is an answer (not a story), a story with STAR headings is
a story (not a resume with odd sections), a list of bullets stays a resume."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from starkit.cli import main
from starkit.lexicons import read_toml
from starkit.lintrun import KindCues, cue_kind, kind_from_text

EMAIL = (
    "Subject: Thank you - Senior PM interview\n\n"
    "Hi Dana,\n\n"
    "Thank you for talking with me on Tuesday about the checkout team. I enjoyed hearing how "
    "the team sets guardrails for its experiments.\n\nBest,\nSam\n"
)
ANSWER = (
    "Success for shared playlists means more people listening together. I would judge it by "
    "the share of weekly listeners who add a song to a shared playlist; that is my north star. "
    "Skips per session is the guardrail. I would launch to 5% of users as a holdout. If skips "
    "per session rise more than 2% in the test group, I would not ship it.\n"
)
STORY_HEADINGS = (
    "## Situation\nOur onboarding lost half of new teams in week one.\n\n"
    "## Task\nI owned activation for the quarter.\n\n"
    "## Action\nI cut the setup steps from nine to four and tested it on 10% of sign-ups.\n\n"
    "## Result\nWeek-one activation rose from 31% to 44%.\n"
)
STORY_ALONE = STORY_HEADINGS.replace("## ", "")
LISTED_ANSWER = (
    "- North star: weekly active creators posting at least one story\n"
    "- Input metrics: story starts per daily user, share of stories with a reply\n"
    "- **Guardrails:** feed time spent, app crash rate\n"
    "- Roll back if week-1 retention drops more than 2 points\n"
)
STORY_LINES = (
    "At my last company our onboarding lost half of the new teams in their first week.\n"
    "I was tasked with fixing activation before the renewal season.\n"
    "I cut the setup steps from nine to four and tested them on a tenth of sign-ups.\n"
    "Week-one activation rose from 31% to 44%.\n"
)
LABELLED_RESULTS = "Metrics: grew MAU 40%\nKPI: revenue up 20%\nLed 12 A/B tests\n"
BULLETS = (
    "Defined the north star metric for the growth team and the guardrails of every test\n"
    "Ran 40 A/B tests a quarter on the pricing page, lifting conversion from 2.1% to 2.6%\n"
    "Built the KPI dashboard the leadership team reviews each week\n"
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (EMAIL, "email"),
        (EMAIL.replace("Hi Dana,\n\n", ""), "email"),  # the headers alone say it
        (ANSWER, "answer"),
        (STORY_HEADINGS, "story"),
        (STORY_ALONE, "story"),
        (BULLETS, "resume"),
        (LISTED_ANSWER, "answer"),  # labelled metrics in a list, in no conditional mood
        (LABELLED_RESULTS, "resume"),  # a resume's "Metrics:" line labels a result
        (STORY_LINES, "story"),  # short, a sentence a line, told in the first person
        (BULLETS + "Grew our partner channel from 3 to 11 resellers\n", "resume"),
    ],
    ids=[
        "email-subject",
        "email-no-greeting",
        "answer",
        "story-headings",
        "story-alone",
        "list",
        "listed-answer",
        "labelled-results",
        "story-lines",
        "bullets-with-our",
    ],
)
def test_kind_from_text(text, kind):
    assert kind_from_text(text) == kind


def test_a_story_told_in_the_past_is_no_answer_for_naming_metrics():
    story = (
        "Last year our activation stalled. I defined a north star metric and a guardrail on "
        "support tickets, ran a holdout on 10% of sign-ups, and we shipped it in May. Week-one "
        "activation rose from 31% to 44% while tickets stayed flat. I would do it again.\n"
    )
    assert cue_kind(story) is None


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("email.txt", EMAIL, "email"),
        ("answer.txt", ANSWER, "answer"),
        ("s.md", STORY_HEADINGS, "story"),
    ],
)
def test_the_cli_lints_each_as_its_kind(tmp_path, capsys, name, text, kind):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    main(["lint", "--format", "json", str(path), str(path)])  # a run: each file's kind shown
    [file] = json.loads(capsys.readouterr().out)["files"]
    assert file["kind"] == kind
    rules = {f["rule"] for f in file["findings"]}
    assert not rules & {"no-quantification", "star-missing-section"}
    if kind != "story":  # a story that tests with no guardrail is told so
        assert "missing-guardrail" not in rules


def test_the_cue_lexicon_refuses_unknown_keys():
    data = read_toml("kinds.toml")
    KindCues.model_validate(data)
    with pytest.raises(ValidationError):
        KindCues.model_validate({**data, "email": {**data["email"], "greeting": ["hi"]}})
