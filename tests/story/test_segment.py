"""STAR segmentation: label forms, unlabelled prose, section spans, robustness, dev-set accuracy."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from starkit import lint, parse_story
from starkit.errors import LexiconError
from starkit.lexicons import lexicon_root
from starkit.models import SECTION_NAMES, Story
from starkit.story.segment import (
    cue_scores,
    find_labels,
    label_sentences,
    load_segment_lexicon,
    sentences,
)

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "tests" / "data" / "stories" / "stories.jsonl"


def texts(story: Story) -> dict[str, str]:
    return {s.name: story.text[s.start : s.end] for s in story.sections}


def assert_well_formed(story: Story) -> None:
    """The section contract: in order, non-overlapping, inside the text, trimmed, unique names."""
    names = [s.name for s in story.sections]
    assert len(names) == len(set(names))
    prev_end = 0
    for s in story.sections:
        assert 0 <= s.start < s.end <= len(story.text)
        assert s.start >= prev_end
        body = story.text[s.start : s.end]
        assert body == body.strip()
        assert 0.0 <= s.confidence <= 1.0
        prev_end = s.end


# ----------------------------------------------------------------------------- labels

LABEL_FORMS = {
    "colon": (
        "Situation: Our app was slow.\nTask: I had to fix it.\n"
        "Action: I profiled it.\nResult: Load time fell 40%."
    ),
    "letters": (
        "S: Our app was slow.\nT: I had to fix it.\nA: I profiled it.\nR: Load time fell 40%."
    ),
    "bold-own-line": (
        "**Situation**\nOur app was slow.\n\n**Task**\nI had to fix it.\n\n"
        "**Action**\nI profiled it.\n\n**Result**\nLoad time fell 40%."
    ),
    "bold-colon-inline": (
        "**Situation:** Our app was slow.\n**Task:** I had to fix it.\n"
        "**Action:** I profiled it.\n**Result:** Load time fell 40%."
    ),
    "headings": (
        "## Situation\nOur app was slow.\n## Task\nI had to fix it.\n"
        "## Action\nI profiled it.\n## Result\nLoad time fell 40%."
    ),
    "dash": (
        "Situation - Our app was slow.\nTask - I had to fix it.\n"
        "Action - I profiled it.\nResult - Load time fell 40%."
    ),
    "alone-on-line": (
        "Situation\nOur app was slow.\nTask\nI had to fix it.\n"
        "Action\nI profiled it.\nResult\nLoad time fell 40%."
    ),
    "inline-one-paragraph": (
        "Situation: Our app was slow. Task: I had to fix it. "
        "Action: I profiled it. Result: Load time fell 40%."
    ),
    "synonyms": (
        "Context: Our app was slow.\nGoal: I had to fix it.\n"
        "Approach: I profiled it.\nImpact: Load time fell 40%."
    ),
    "emoji-letter-word": (
        "✅ S – Situation:\nOur app was slow.\n✅ T – Task:\nI had to fix it.\n"
        "✅ A – Action:\nI profiled it.\n✅ R – Result:\nLoad time fell 40%."
    ),
    "letter-then-word-lines": (
        "S\n\nSituation\n\nOur app was slow.\n\nT\n\nTask\n\nI had to fix it.\n\n"
        "A\n\nAction\n\nI profiled it.\n\nR\n\nResult\n\nLoad time fell 40%."
    ),
}


@pytest.mark.parametrize("form", sorted(LABEL_FORMS))
def test_every_label_form_gives_the_four_sections_without_the_labels(form):
    story = parse_story(LABEL_FORMS[form])
    assert texts(story) == {
        "situation": "Our app was slow.",
        "task": "I had to fix it.",
        "action": "I profiled it.",
        "result": "Load time fell 40%.",
    }
    assert all(s.confidence == 1.0 for s in story.sections)
    assert_well_formed(story)


def test_labels_win_over_cues():
    # Each body reads like another section; the labels decide.
    text = (
        "Result: At my last company the build took an hour.\n"
        "Situation: As a result, builds fell to 9 minutes."
    )
    story = parse_story(text)
    assert [s.name for s in story.sections] == ["result", "situation"]
    assert story.section_text("result") == "At my last company the build took an hour."


def test_a_joint_label_splits_its_sentences_between_its_two_sections():
    text = (
        "Situation / Task: At my last company the build took 40 minutes. "
        "I was asked to get it under 10 within a quarter.\n"
        "Action & Result: I profiled the build and cached the dependencies. "
        "As a result, build time fell from 40 to 9 minutes."
    )
    story = parse_story(text)
    assert texts(story) == {
        "situation": "At my last company the build took 40 minutes.",
        "task": "I was asked to get it under 10 within a quarter.",
        "action": "I profiled the build and cached the dependencies.",
        "result": "As a result, build time fell from 40 to 9 minutes.",
    }
    assert [lab.names for lab in find_labels(text)] == [("situation", "task"), ("action", "result")]


@pytest.mark.parametrize(
    "text",
    [
        "Result-driven product manager with a record of launches.",
        "Action items were never tracked after the meeting.",
        "A - B testing was new to the team.",
        "The task force met every week.",
    ],
)
def test_words_that_only_look_like_labels_are_prose(text):
    assert find_labels(text) == []


def test_unlabelled_preamble_before_a_label_is_read_by_its_cues():
    text = (
        "At my last company the checkout page was slow and conversion was falling.\n"
        "Task: I had to fix it in a quarter.\n"
        "Action: I profiled the page.\nResult: Conversion rose 8%."
    )
    story = parse_story(text)
    assert [s.name for s in story.sections] == ["situation", "task", "action", "result"]
    assert story.sections[0].confidence < 1.0  # inferred, not labelled


def test_a_label_repeated_out_of_order_keeps_each_name_once():
    text = (
        "Situation: Releases were slow.\n"
        "Action: I wrote a release checklist. I ran the first three releases with it.\n"
        "Result: Releases took half the time.\n"
        "Action: I also trained two release captains."
    )
    story = parse_story(text)
    assert_well_formed(story)
    assert [s.name for s in story.sections] == ["situation", "action", "result"]
    # The longer action run keeps the name; the stray one joins the section before it.
    assert story.section_text("action").startswith("I wrote a release checklist.")
    assert story.section_text("result").endswith("I also trained two release captains.")


# ----------------------------------------------------------------------------- prose

UNLABELLED = (
    "Two years ago I was the product manager for search at a travel site. "
    "Searches that returned no hotels had climbed to 12% of all searches. "
    "My goal was to halve that before the summer peak. "
    "I pulled a month of failed queries and grouped them by cause. "
    "Then I worked with two engineers to add spelling correction and nearby-city results. "
    "As a result, empty searches fell to 5% and bookings from search rose 3%."
)


def test_unlabelled_prose_is_assigned_by_cues_in_star_order():
    story = parse_story(UNLABELLED)
    assert_well_formed(story)
    got = texts(story)
    assert got["situation"].startswith("Two years ago")
    assert got["situation"].endswith("12% of all searches.")
    assert got["task"] == "My goal was to halve that before the summer peak."
    assert got["action"].startswith("I pulled a month")
    assert got["result"].startswith("As a result")


def test_a_story_without_a_result_has_no_result_section():
    text = (
        "At my previous company our designers built the same form five different ways. "
        "I was asked to get every team onto one component library. "
        "I collected every version into one page. "
        "Then I formed a working group with one designer from each team."
    )
    story = parse_story(text)
    assert story.section("result") is None
    assert story.section_text("result") == ""
    assert {s.name for s in story.sections} == {"situation", "task", "action"}


def test_label_sentences_explains_each_choice():
    labelled = label_sentences(UNLABELLED)
    assert len(labelled) == 6
    first = labelled[0]
    assert first.name == "situation" and not first.labelled
    assert "situation-time-place" in first.cues
    assert labelled[-1].name == "result" and "result-explicit" in labelled[-1].cues
    assert label_sentences("Task: I had to fix it.")[0].cues == ("label",)


# ----------------------------------------------------------------------------- sentences


def spans(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def test_sentences_keep_abbreviations_and_decimals_whole():
    text = "We cut p95 from 1.2s to 0.8s, e.g. on the U.S. checkout. Then I left."
    assert spans(text) == [
        "We cut p95 from 1.2s to 0.8s, e.g. on the U.S. checkout.",
        "Then I left.",
    ]


def test_sentences_join_hard_wrapped_lines_and_split_list_items():
    text = (
        "I worked with the booking team and\nthe messaging team.\n- I ran both\n- I compared them"
    )
    assert spans(text) == [
        "I worked with the booking team and\nthe messaging team.",
        "I ran both",
        "I compared them",
    ]


def test_sentences_leave_out_labels():
    assert spans("Situation: It was slow. Task: Fix it.") == ["It was slow.", "Fix it."]


@pytest.mark.parametrize("text", ["", "   \n\t", "Situation:", "**Task**\n\n", "---", "S:"])
def test_empty_or_label_only_text_has_no_sections(text):
    assert parse_story(text).sections == []
    assert sentences(text) == []


def test_non_str_input_does_not_raise():
    assert parse_story(None).sections == []  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=40),
            st.sampled_from(
                [
                    "Situation:",
                    "S:",
                    "**Task**",
                    "## Action\n",
                    "Result -",
                    "\n\n",
                    ". ",
                    "I built it.",
                    "As a result, churn fell 20%.",
                    "We were slow.",
                    "e.g.",
                    "✅ R – Result:",
                    "- ",
                    "1. ",
                    "…",
                    "I was asked to",
                    "T)",
                    "(A)",
                ]
            ),
        ),
        max_size=30,
    )
)
def test_parse_story_never_raises_and_spans_stay_inside_the_text(parts):
    text = "".join(parts)
    story = parse_story(text)
    assert story.text == text
    assert_well_formed(story)
    for a, b in sentences(text):
        assert 0 <= a < b <= len(text)


# ----------------------------------------------------------------------------- dev set


def load_devset() -> list[dict]:
    return [json.loads(line) for line in DEVSET.read_text("utf-8").splitlines() if line]


def test_devset_is_large_enough_and_well_formed():
    records = load_devset()
    assert len(records) >= 30
    assert any(r["labelled"] for r in records) and any(not r["labelled"] for r in records)
    for r in records:
        prev = 0
        for s in r["sentences"]:
            assert s["label"] in SECTION_NAMES
            assert prev <= s["start"] < s["end"] <= len(r["text"])
            assert r["text"][s["start"] : s["end"]].strip()
            prev = s["end"]
        rules = r["rules"]
        assert set(rules) == {
            "star-missing-section",
            "we-not-i",
            "result-unquantified",
            "answer-length",
        }
        assert r["fires"] == [code for code, label in rules.items() if label]
    # Every story rule has stories where it must fire and stories where it must not.
    for code in ("star-missing-section", "we-not-i", "result-unquantified", "answer-length"):
        fires = sum(code in r["fires"] for r in records)
        assert 3 <= fires <= len(records) - 3, code


def test_devset_jsonl_matches_its_source():
    sys.path.insert(0, str(DEVSET.parent))
    try:
        import build_devset
    finally:
        sys.path.pop(0)
    built = build_devset.parse(build_devset.SOURCE.read_text("utf-8"))
    assert built == load_devset(), "run tests/data/stories/build_devset.py"


def test_devset_section_accuracy_per_sentence():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import eval_segmentation
    finally:
        sys.path.pop(0)
    res = eval_segmentation.evaluate(load_devset())
    acc = {k: right / total for k, (right, total) in res["groups"].items()}
    # The contract asks 85% of sentences in the human's section; labelled stories must do
    # better since labels win.
    assert acc["overall"] >= 0.90, acc
    assert acc["unlabelled"] >= 0.85, acc
    assert acc["check"] >= 0.85, acc
    assert acc["labelled"] >= 0.97, acc


# ----------------------------------------------------------------------------- lexicon


@pytest.fixture
def lex_copy(tmp_path: Path) -> Path:
    shutil.copytree(lexicon_root() / "story", tmp_path / "story")
    return tmp_path


def test_lexicon_loads_from_a_copy(lex_copy):
    lex = load_segment_lexicon(lex_copy)
    assert {c.id for c in lex.cues} >= {"task-assignment", "result-explicit"}


def add_cue(root: Path, body: str) -> None:
    path = root / "story" / "segment.toml"
    path.write_text(path.read_text("utf-8") + "\n[[cue]]\n" + body, "utf-8")


def test_a_misspelt_cue_key_names_the_file_and_entry(lex_copy):
    add_cue(lex_copy, 'id = "extra"\nsection = "task"\nweight = 1.0\ntrems = ["goal"]\n')
    with pytest.raises(LexiconError) as exc:
        load_segment_lexicon(lex_copy)
    assert exc.value.file == "story/segment.toml"
    assert exc.value.entry == "extra"
    assert "trems" in str(exc.value)


def test_a_broken_cue_regex_is_a_lexicon_error(lex_copy):
    add_cue(lex_copy, 'id = "extra"\nsection = "task"\nweight = 1.0\npatterns = [\'(unclosed\']\n')
    with pytest.raises(LexiconError) as exc:
        load_segment_lexicon(lex_copy)
    assert exc.value.entry == "extra"
    assert "regex" in str(exc.value)


def test_an_unknown_section_is_a_lexicon_error(lex_copy):
    add_cue(lex_copy, 'id = "extra"\nsection = "outcome"\nweight = 1.0\nterms = ["x"]\n')
    with pytest.raises(LexiconError) as exc:
        load_segment_lexicon(lex_copy)
    assert exc.value.entry == "extra"


# ----------------------------------------------------------------------------- evidence
# Real spoken answers (corpus/star_stories) end on a lesson as often as on an outcome, give
# their Task as a role or a challenge, and tell their Action in sentences the decoder may
# place elsewhere: what each piece of evidence finds.

LESSON_END = (
    "Last semester I was captain of the debate team. A few members kept skipping practice. "
    "So I met each of them and I set up a shared schedule. I learned a lot about leadership."
)
OUTCOME_END = LESSON_END.replace(
    "I learned a lot about leadership.", "It worked out in the end and everyone came back."
)


def test_outcome_sentences_need_a_stated_outcome():
    from starkit.story.segment import outcome_sentences

    assert outcome_sentences(LESSON_END) == []
    found = outcome_sentences(OUTCOME_END)
    assert [OUTCOME_END[s:e] for s, e, _ in found] == [
        "It worked out in the end and everyone came back."
    ]
    assert outcome_sentences("Situation: x.\nResult: it worked out.") is None  # labels decide
    assert outcome_sentences("") is None


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("We ended up with a design that got the best score.", True),
        ("We ended up doing pretty well as a group.", True),
        ("He ended up doing a lot better towards the end.", True),
        ("We won the semi-finals in our very last race.", True),
        ("We built fourteen greenhouses on two trips.", True),
        ("We raised over $4000 for the charity.", True),
        ("And we got 5th my junior year.", True),
        ("So what we ended up doing was changing our project.", False),
        ("It is a problem that no one has actually solved.", False),
        ("I think that's quite a practical hands-on time.", False),
        ("I learned a lot from it and it was a great experience.", False),
        # a deal struck, a change for the better named by a comparison, a fix affirmed
        ("So we made a deal with her to write fewer adverts.", True),
        ("We struck a deal with the vendor on the renewal.", True),
        ("So we did that and we became a lot better.", True),
        ("After the retro the handoffs got much smoother.", True),
        ("It would be much better with more people.", False),
        ("And I guess that did kind of solve the problem.", True),
        ("We hoped it would solve the problem.", False),
        # promoted or recognised: the passive is the outcome, the active an action
        ("I was promoted to shift lead two months later.", True),
        ("I promoted open communication on the team.", False),
        ("My manager recognized me at the all-hands.", True),
        ("We recognized how much the schedule mattered.", False),
        # a test or a selection passed, a fix made, others' reaction to the work
        ("I passed the certification exam on my first try.", True),
        ("I fixed the bug before the demo.", True),
        ("My lead was very pleased with the new page.", True),
        ("She loved it and asked for a second site.", True),
        ("The client appreciated the weekly updates.", True),
        ("He agreed with me and we kept the old schema.", True),
        ("My team performed exceptionally well in the drill.", True),
        ("I also did well in that team.", True),
        # the work as the subject of what followed, others' progress after coaching
        ("Our collective efforts ensured that the release went out.", True),
        ("This not only led to safer deploys but also calmer on-call.", True),
        ("This created an environment where people asked questions.", True),
        ("My interns learned to review each other's code.", True),
        # a decision others took on the work, and a loss, are outcomes; the writer's own
        # decision is the Action
        ("Then my manager decided to keep the feature in the release.", True),
        ("I decided to keep the feature in the release.", False),
        ("So we didn't get the project, but we got another one.", True),
        ("In the end we lost the deal to a cheaper vendor.", True),
        # a stated task or a purpose is an aim, not an outcome
        ("The task was to successfully complete the training program.", False),
        ("I met the team weekly to ensure tasks were completed successfully.", False),
        # "on time" is an outcome; "on time series data" is what the work was about
        ("We shipped the release on time.", True),
        ("I have limited experience working on time series data.", False),
        ("I worked on time-series forecasting for the stores.", False),
    ],
)
def test_what_states_an_outcome(sentence, stated):
    from starkit.story.segment import states_outcome

    assert states_outcome(sentence) is stated


@pytest.mark.parametrize(
    ("text", "implied"),
    [
        ("Last year I was the president of our robotics club. I set up weekly syncs.", True),
        ("In my design class we had a conflict over the layout. I set up a vote.", True),
        (
            "In my design class we were eight people. My role in that particular situation was "
            "to get everyone to look at the cost. I set up a vote.",
            True,
        ),  # a role named with words between
        ("Last spring in my lab class I faced a technical problem. I set up a vote.", True),
        ("At my last job our app crashed often. I set up alerts for each release.", False),
        # challenges met in the plural, with no determiner
        ("At my last job we encountered unforeseen technical challenges. I set up alerts.", True),
        ("At my last job we tracked open issues. I set up alerts for each release.", False),
        # a fronted purpose clause naming a problem to fix states the Task taken on
        ("The leads report looked wrong. To resolve it, I rebuilt the query.", True),
        ("The leads report looked wrong. I rebuilt the query to resolve it.", False),
    ],
)
def test_a_role_a_challenge_or_a_problem_faced_implies_the_task(text, implied):
    from starkit.story.segment import section_presence

    assert (section_presence(text)["task"] == 1.0) is implied


def test_action_sentences_reach_past_the_decoded_action():
    from starkit.story.segment import action_sentences

    text = (
        "Last year I was on the robotics team. Our sub-teams did not talk. "
        "I called a meeting with the leads. We then shared one task board."
    )
    found = [text[s:e] for s, e in action_sentences(text)]
    assert "We then shared one task board." in found
    assert "Last year I was on the robotics team." not in found
    assert action_sentences("Action: We did it.") is None


def test_a_broken_outcome_regex_is_a_lexicon_error(lex_copy):
    path = lex_copy / "story" / "segment.toml"
    text = path.read_text("utf-8").replace(
        'patterns = [\n    # "we were able',
        "patterns = [\n    '(unclosed',\n    # \"we were able",
        1,
    )
    assert "(unclosed" in text
    path.write_text(text, "utf-8")
    with pytest.raises(LexiconError) as exc:
        load_segment_lexicon(lex_copy)
    assert "regex" in str(exc.value)


def test_an_implied_section_must_be_a_section(lex_copy):
    add_cue(
        lex_copy,
        'id = "extra"\nsection = "task"\nweight = 1.0\nimplies = ["ending"]\nterms = ["x"]\n',
    )
    with pytest.raises(LexiconError) as exc:
        load_segment_lexicon(lex_copy)
    assert exc.value.entry == "extra"


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("I have to make sure that the paper goes out on time.", False),
        ("We practised every day so that we won the final.", False),
        ("We had to work hard, but in the end we won.", True),
        # a second participle of the aim's passive is still the aim; a new subject is not
        (
            "I worked with design to ensure that the product was developed to meet market "
            "needs and launched successfully.",
            False,
        ),
        ("I had to make sure the report was reviewed and we shipped it on time.", True),
        # a commitment or a plan is still ahead
        ("We committed to delivering the top feature on schedule.", False),
        ("I once had a project that was supposed to be completed in six months.", False),
        ("We committed to the plan and delivered the feature on schedule.", True),
    ],
)
def test_an_aim_is_no_outcome(sentence, stated):
    from starkit.story.segment import states_outcome

    assert states_outcome(sentence) is stated


def test_an_action_verb_shows_the_action_in_a_run_on_answer():
    # one long spoken sentence: the decoder gives it one section, but "I called" is an Action
    from starkit.story.segment import section_presence

    run_on = (
        "So last year in the robotics club we had a conflict about the design and nobody "
        "would give way and I called a meeting with both leads and in the end we went with "
        "a mix of the two designs and finished on time"
    )
    assert section_presence(run_on)["action"] == 1.0
    assert section_presence("Our app crashed often. It was a hard year.")["action"] < 1.0


def test_a_sentence_opening_on_its_outcome_is_no_action():
    from starkit.story.segment import action_sentences

    text = (
        "Our checkout conversion had stalled. My goal was to lift it. I rebuilt the payment "
        "page with two engineers. In the end we launched the new page and conversion grew."
    )
    found = [text[s:e] for s, e in action_sentences(text)]
    assert "I rebuilt the payment page with two engineers." in found
    assert not any(f.startswith("In the end") for f in found)
    # an outcome told after the candidate's own steps keeps the sentence in the Action
    mixed = (
        "Our checkout conversion had stalled. My goal was to lift it. So I set up the tests, "
        "I rebuilt the page and in the end we launched it."
    )
    assert any("I rebuilt the page" in mixed[s:e] for s, e in action_sentences(mixed))


@pytest.mark.parametrize(
    "text",
    [
        # inline parenthesised letters, one even mid-sentence
        "(S) We had churn. (T) I owned it. (A) I called users and we talked with my manager "
        "(R) he agreed and churn fell.",
        "[S] We had churn. [T] I owned it. [A] I called users. [R] Churn fell.",
        "(Situation) We had churn. (Task) I owned it. (Action) I called users. "
        "(Result) Churn fell.",
        "**S** We had churn.\n**T** I owned it.\n**A** I called users.\n**R** Churn fell.",
        "Situation – We had churn. Task – I owned it. Action – I called users. "
        "Result – Churn fell.",
        "Situation: We had churn. | Task: I owned it. | Action: I called users. | "
        "Result: Churn fell.",
        "Context: We had churn.\nGoal: I owned it.\nApproach: I called users.\n"
        "Outcome: Churn fell.",
        "The background: We had churn.\nMy assignment: I owned it.\n"
        "How I handled it: I called users.\nResolution: Churn fell.",
        "Situation: We had churn.\nTask: I owned it.\nImplementation: I called users.\n"
        "End result: Churn fell.",
    ],
)
def test_written_label_forms_name_every_section(text):
    assert [s.name for s in parse_story(text).sections] == ["situation", "task", "action", "result"]
    assert len(find_labels(text)) == 4


@pytest.mark.parametrize(
    "text",
    [
        "We compared options (A) and (B) then chose (A) for speed.",  # one letter is a list item
        "We had churn (S). I owned it (T). I called users (A). Churn fell (R).",  # trailing marks
        "# A new plan\nWe had churn. I ran the test.",  # a heading, not a letter label
        "We shipped it. A - B testing was new to the team.",
    ],
)
def test_bracketed_or_lettered_words_that_are_not_labels(text):
    assert find_labels(text) == []


def test_a_label_on_its_first_line_only_labels_that_line_when_others_are_unlabelled():
    from starkit.story.segment import label_names, outcome_sentences

    text = (
        "Situation: Our release process was slow.\n"
        "I was asked to make releases safe to run daily.\n"
        "I automated the build and the rollout checks.\n"
        "This led to calmer releases."
    )
    assert [s.name for s in parse_story(text).sections] == [
        "situation",
        "task",
        "action",
        "result",
    ]
    assert label_names(text) == {"situation"}
    assert [text[s:e] for s, e, _ in outcome_sentences(text)] == ["This led to calmer releases."]
    # a heading alone on its line keeps its whole region
    headed = "Situation\nOur release process was slow.\nI was asked to fix it."
    assert [s.name for s in parse_story(headed).sections] == ["situation"]


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("This allowed us to manage backups with full visibility.", True),
        ("This tool significantly streamlined the documentation process.", True),
        ("This ensured the platform met strict security standards.", True),
        ("The system successfully detected access to malicious websites.", True),
        ("This helped the support team close tickets faster.", True),
        ("This gave me a deep understanding of concurrency, which I now apply.", True),
        ("I learned a lot about concurrency from it.", False),
        ("Engineers could now find answers without asking the team.", True),
        ("The tool listened to calls and transcribed them.", False),
        ("This involved creating a pipeline for the data.", False),
        ("I had to successfully migrate every service.", False),  # a duty, not an outcome
        ("And they helped me resolve the situation.", True),  # others helped settle it
        ("We hit challenges that significantly delayed the project timeline.", True),  # failed
        ("The delay of the project worried everyone.", False),
        ("I asked the TA to help me resolve the situation.", False),  # an aim
    ],
)
def test_a_closing_consequence_states_an_outcome(sentence, outcome):
    from starkit.story.segment import states_outcome

    assert states_outcome(sentence) is outcome


def test_a_section_no_label_names_is_inferred_inside_another_label():
    from starkit.story.segment import implied_sections

    told = "(S) I was new on the team. I had to ship the localisation. (A) I paired. (R) Done."
    assert "task" in implied_sections(told)
    untold = "(S) I was new on the team. (A) I paired with a colleague. (R) Done."
    assert "task" not in implied_sections(untold)


def test_a_lessons_label_closes_the_story_outside_every_section():
    text = (
        "Situation: Our release slipped twice.\nTask: I owned the next one.\n"
        "Action: I cut the scope with the team.\nResult: We shipped on the planned day.\n"
        "Learnings: I now plan a week of slack, and we ship 2 days early."
    )
    story = parse_story(text)
    sec = story.section("result")
    assert text[sec.start : sec.end] == "We shipped on the planned day."
    assert [lab.names for lab in find_labels(text)][-1] == ()
    no_result = "Situation: Releases slipped.\nAction: I cut scope.\nLessons learned: plan slack."
    assert "result" not in {s.name for s in parse_story(no_result).sections}


@pytest.mark.parametrize(
    ("text", "section"),
    [
        # an opening that places the candidate in an organisation sets the scene
        ("As a member of the crew, I was tasked with the gear. I packed it.", "situation"),
        ("Serving as a medic, I had to triage the line. I sorted the patients.", "situation"),
        # a deadline the candidate had, or a task the team was given, is the Task
        ("Last term I had deadlines for both exams and the fair. I planned each day.", "task"),
        ("In the contest we were given six problems. I solved the graph one.", "task"),
        ("I took the initiative to sort the supply room. I labelled every shelf.", "task"),
        ("In my design class, our group had to build a drone. We split the work.", "task"),
        # "I was able to <verb>" tells what the candidate did
        ("The radio went down at sea. I was able to trace the fault to one panel.", "action"),
    ],
)
def test_written_openings_imply_their_section(text, section):
    from starkit.story.segment import section_presence

    assert section_presence(text)[section] == 1.0


def test_an_organisation_named_mid_sentence_sets_no_scene():
    from starkit.story.segment import cue_scores

    _, fired = cue_scores("I deleted the files as part of the normal execution path.")
    assert "situation-membership" not in fired


@pytest.mark.parametrize(
    "text",
    [
        "Challenge: Our build was slow.\nAction: I cached the dependencies.\nResult: 12 min.",
        "**Problem:** The build was slow.\nAction: I cached the dependencies.\nResult: 12 min.",
        "Context: The build was slow.\nChallenge: I had a week.\nAction: I cached.\nResult: Done.",
    ],
)
def test_a_challenge_or_problem_label_shows_the_task(text):
    from starkit.story.segment import implied_sections

    assert "task" in implied_sections(text)


def test_a_situation_label_shows_no_task():
    from starkit.story.segment import implied_sections

    text = "Situation: The build was slow.\nAction: I cached the dependencies.\nResult: 12 min."
    assert "task" not in implied_sections(text)


def test_a_label_implying_an_unknown_label_word_is_a_lexicon_error(lex_copy):
    path = lex_copy / "story" / "segment.toml"
    text = path.read_text("utf-8").replace('implies = { "challenge"', 'implies = { "chalenge"', 1)
    assert '"chalenge"' in text
    path.write_text(text, "utf-8")
    with pytest.raises(LexiconError) as exc:
        load_segment_lexicon(lex_copy)
    assert "chalenge" in str(exc.value)


@pytest.mark.parametrize(
    "text",
    [
        "Situation: The build was slow, Task: I owned it, Action: I cached the dependencies, "
        "Result: builds took 12 minutes.",
        "S: The build was slow; T: I owned it; A: I cached the dependencies; R: it took 12 min.",
    ],
)
def test_labels_listed_after_commas_or_semicolons_name_every_section(text):
    assert [lab.name for lab in find_labels(text)] == ["situation", "task", "action", "result"]


def test_a_word_after_a_comma_in_unlabelled_prose_is_no_label():
    assert find_labels("We had one aim, goal: ship it. I cached the dependencies.") == []
    assert [lab.name for lab in find_labels("Task: ship it, goal - speed.")] == ["task"]


SELF_SET_GOAL = (
    "When I joined the plant, I noticed that our waste practices were outdated and costly.\n\n"
    "I saw an opportunity to make a change that would benefit both the company and the town.\n\n"
    "I proposed and led a cross-functional team to run a recycling program. This involved a "
    "waste audit and partnerships with local recycling facilities.\n\n"
    "The impact was clear. Within the first year, we reduced our landfill waste by 60%."
)


def test_an_opportunity_the_writer_saw_is_the_task():
    story = parse_story(SELF_SET_GOAL)
    assert "opportunity to make a change" in texts(story)["task"]
    codes = {f.rule for f in lint(SELF_SET_GOAL, "story").findings}
    assert "star-missing-section" not in codes
    # without the aim the Task is still inferred: a problem the writer noticed, then took on
    no_aim = SELF_SET_GOAL.replace(
        "I saw an opportunity to make a change that would benefit both the company and the "
        "town.\n\n",
        "",
    )
    assert "task" not in texts(parse_story(no_aim))
    assert "star-missing-section" not in {f.rule for f in lint(no_aim, "story").findings}


def test_an_opening_that_places_the_story_in_a_project_or_scenario_is_the_situation():
    """'In a high-stakes scenario, I was tasked with ...' sets the scene and states the Task in
    one sentence: no section is missing; the same words later in a sentence set no scene."""
    story = (
        "In a high-stakes scenario, I was tasked with delivering a critical data analysis report "
        "within a tight deadline. To meet this challenge, I prioritized tasks and delegated "
        "responsibilities to team members. By staying organized, I delivered the report on time."
    )
    assert "star-missing-section" not in {f.rule for f in lint(story, "story").findings}
    _, fired = cue_scores("In a high-stakes scenario, I was tasked with delivering a report.")
    assert "situation-time-place" in fired
    _, fired = cue_scores("I had to deliver a report in a high-stakes scenario.")
    assert "situation-time-place" not in fired


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("I noticed the refund report showed twice the usual count. I rebuilt the query.", True),
        ("I had a situation when a stakeholder challenged my analysis. I rebuilt the query.", True),
        ("We realized that our onboarding emails were going to spam. I moved the domain.", True),
        ("I rebuilt the query. I ran it twice.", False),
    ],
)
def test_an_opening_on_what_the_candidate_noticed_shows_the_situation(text, shown):
    from starkit.story.segment import section_presence

    assert (section_presence(text)["situation"] == 1.0) is shown


def test_a_complication_before_the_action_is_no_result():
    """A short sentence read as the Task, before any Action, tells a complication of the
    set-up ('This created tension within our team'): a story that stops after its Action
    still lacks its Result, though that sentence holds an outcome word."""
    story = (
        "Last spring our two design leads disagreed on the new navigation. This created "
        "tension within the team. To address this, I set up a session where each lead walked "
        "through their user research."
    )
    found = [f for f in lint(story, "story").findings if f.rule == "star-missing-section"]
    assert [f.message for f in found] == ["Missing STAR section(s): Result."]
    ended = story + " In the end the leads agreed on one navigation and we shipped it."
    assert "star-missing-section" not in {f.rule for f in lint(ended, "story").findings}


@pytest.mark.parametrize(
    ("opening", "task_missing"),
    [
        ("Last spring I joined the growth team at a travel startup.", True),
        ("Last spring I noticed our onboarding emails were going to spam.", False),
        (
            "Last spring I joined the growth team at a travel startup, and our onboarding "
            "emails kept failing.",
            False,
        ),
    ],
)
def test_a_problem_the_writer_states_and_then_takes_on_infers_the_task(opening, task_missing):
    """An opening told about the writer infers the Task when it states a problem the
    candidate then takes on in the first person; a plain arrival states none."""
    story = (
        f"{opening} I interviewed ten users and rewrote the onboarding emails. In the end "
        "sign-ups grew and my manager thanked me."
    )
    found = [f.message for f in lint(story, "story").findings if f.rule == "star-missing-section"]
    assert (found == ["Missing STAR section(s): Task."]) is task_missing
    assert found in ([], ["Missing STAR section(s): Task."])


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Situation: We were late.\nThe Failure\nWe missed the date.\nYour Role\nI owned it.", 2),
        ("Context: Manual work.\nThe Mistake:\nI built it too fast.\nOutcome: No revenue.", 1),
        ("Situation: Pricing moved.\nFailure: Underestimated the work.\nResult: Buggy.", 1),
        # labels, codas, list lead-ins and numbered steps are no unnamed headings
        ("Situation: Slow.\nTask: Fix it.\nAction: I cached it.\nLearnings: Measure first.", 0),
        ("Action:\nI presented these findings:\n1. Cost\nWeek 1: interviews", 0),
        # a plain sentence on its own line is no heading
        ("Situation: Slow.\nLicense assignment was highly manual\nResult: Faster.", 0),
    ],
)
def test_unnamed_headings_are_found(text, n):
    from starkit.story.segment import unnamed_headings

    assert unnamed_headings(text) == n


def test_a_story_opens_with_its_situation_when_the_task_spans_two_sentences():
    """QA 19 item 1: the split showed 'SITUATION (not found)' while star-missing-section found
    the Situation. With no Situation decoded and the first two sentences read as the Task,
    the first sets the scene; the split and the rule agree."""
    text = (
        "The biggest failure I own is a pricing change at Triply in 2020. I was the PM for host "
        "tools and I pushed to move hosts from a flat fee to a 3% commission because our model "
        "said revenue per host would rise 20%. I ran the analysis myself, got sign-off from "
        "finance, and launched it to all hosts at once without a staged rollout. Within a month "
        "9% of our top hosts had left for a competitor and revenue per host was down 6%. I "
        "owned the rollback with our head of product and wrote the post-mortem."
    )
    story = parse_story(text)
    assert [s.name for s in story.sections] == ["situation", "task", "action", "result"]
    assert texts(story)["situation"].startswith("The biggest failure I own")
    assert "star-missing-section" not in {f.rule for f in lint(text, "story").findings}
