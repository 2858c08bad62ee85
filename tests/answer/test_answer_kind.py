"""Kind `answer`: question types, the outline with its spans, suggestions without invented
figures, the metrics question bank, follow-ups, the weakest cell, recordings and the CLI."""

from __future__ import annotations

import io
import json
import re
import wave

import pytest

import starkit
from starkit.answer import PART_NAMES, followup_for, load_metric_questions, questions_for_code
from starkit.answer.practice import length_verdict, recording_findings, wav_seconds
from starkit.answer.questions import load_followups, relevant_parts, weakest_cell
from starkit.cli import main
from starkit.errors import InputError
from starkit.rules import load_rules

STORIES_Q = "How would you measure the success of Instagram Stories?"
DROP_Q = "DAU dropped 15% overnight. What do you do?"
MIGRATION_Q = "What KPIs would you track for a large-scale platform migration?"
SHIP_Q = "Activation is up 8% but churn is up 1%. Do you ship?"

STRONG = (
    "Stories exist to let people share casual moments with close friends, so success means "
    "more people sharing more often.\n"
    "My north star would be the share of weekly active users who post at least one story.\n"
    "It is driven by activation, meaning a first story posted within a day of signup.\n"
    "As a guardrail I'd watch feed time spent, so Stories do not cannibalise the feed.\n"
    "I'd run a 1% holdout experiment. If feed time spent falls more than 3% against the "
    "holdout, I roll back.\n"
    "The trade-off: I'd accept some feed cannibalisation if 28-day retention rises."
)


def _details(text: str, question: str | None = None) -> dict:
    return starkit.lint(text, "answer", question).units[0].details


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (STORIES_Q, "success"),
        (DROP_Q, "diagnosis"),
        (MIGRATION_Q, "program"),
        (SHIP_Q, "tradeoff"),
        ("Design a video streaming service. How would you measure its performance?", "program"),
    ],
)
def test_type_comes_from_the_question(question, expected):
    d = _details("I would look at the numbers.", question)
    assert (d["question_type"], d["question_type_source"]) == (expected, "question")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # do-or-not and choose-one decisions are trade-offs ("ship or not")
        (
            "A gym is offered a co-marketing deal. What would you ask to decide whether or not "
            "to sign it?",
            "tradeoff",
        ),
        (
            "A studio can make one film this year. How would you choose between three scripts?",
            "tradeoff",
        ),
        (
            "How would you determine which market a scooter company should invest in next?",
            "tradeoff",
        ),
        ("How would you determine the best time to send the weekly digest email?", "tradeoff"),
        # defining or computing one metric, improving one system: define or measure
        ("How would you calculate lifetime value for a meal-kit subscription?", "success"),
        (
            "Asked to improve the efficiency of airport security lines, where do you start?",
            "success",
        ),
        ("A label can sign one new artist. Which one would you fund?", "tradeoff"),
        ("How would you decide which city to launch bike sharing in first?", "tradeoff"),
        # asking which measures to use is no ship-or-not decision, whatever its modal
        ("What metrics should you use to judge the success of a recipe app?", "success"),
        ("Which metrics should we look at for a podcast app's home screen?", "success"),
        # the shape of a decision: a clause opened by "should", an alternative question, a
        # rise set against a fall (lexicons/answer/shapes.toml)
        ("Should a bank add a dark mode to its app?", "tradeoff"),
        ("After a two-week test, should the new checkout be rolled out?", "tradeoff"),
        ("Podcast episodes of 20 minutes or 40 minutes?", "tradeoff"),
        ("Watch time is up 6% but shares are down 3%.", "tradeoff"),
        ("Your test wins with a low p-value, yet you decide not to launch. Explain.", "tradeoff"),
        ("DAU fell 5% overnight. What should you check first?", "diagnosis"),
        ("Sign-ups dropped 10% last week: is it real or noise?", "diagnosis"),
        ("What metrics would you use for a wiki, page edits or readers?", "success"),
        # setting a goal, designing one metric, choosing between two measures: define or measure
        ("How would you design a metric to rank playlists for one listener?", "success"),
        ("What goal would you set for a food delivery app?", "success"),
        (
            "Of two metrics, which one would you choose to measure checkout speed: the median "
            "time or the share done within a minute?",
            "success",
        ),
    ],
)
def test_decision_and_definition_questions_get_their_type(question, expected):
    d = _details("I would look at the numbers.", question)
    assert (d["question_type"], d["question_type_source"]) == (expected, "question")


def test_type_comes_from_the_answer_when_no_question():
    d = _details("Since DAU dropped overnight, I'd first check the logging, then cut by region.")
    assert (d["question_type"], d["question_type_source"]) == ("diagnosis", "answer")


def test_every_bank_question_gets_its_own_type():
    wrong = [
        (q.id, q.type, t)
        for q in load_metric_questions()
        if (t := _details("An answer.", q.text)["question_type"]) != q.type
    ]
    assert len(wrong) <= len(load_metric_questions()) // 10, wrong


def test_outline_spans_point_at_the_parts():
    d = _details(STRONG, STORIES_Q)
    parts = {p["part"]: p for p in d["outline"]}
    assert [p["part"] for p in d["outline"]] == list(PART_NAMES)
    expect = {
        "goal": "Stories exist to let people",
        "primary": "My north star",
        "inputs": "It is driven by activation",
        "guardrails": "As a guardrail",
        "thresholds": "If feed time spent falls more than 3%",
        "tradeoffs": "The trade-off",
        "instrumentation": "1% holdout experiment",
    }
    for name, words in expect.items():
        assert parts[name]["found"], name
        spans = parts[name]["spans"]
        assert any(words in s["text"] for s in spans), (name, spans)
        for s in spans:
            assert STRONG[s["start"] : s["end"]] == s["text"]
    assert not parts["segments"]["found"] and not parts["data_checks"]["found"]
    assert d["primary_metric"] and "weekly active users" in d["primary_metric"]
    assert "business" in d["families"]


def test_a_strong_success_answer_fires_no_answer_rule_but_length():
    report = starkit.lint(STRONG, "answer", STORIES_Q)
    assert {r for r in report.rules() if r.startswith("answer-")} == {"answer-length"}


def test_rules_apply_only_to_their_types():
    weak = "I'd look at what changed."
    by_type = {q: starkit.lint(weak, "answer", q).rules() for q in (STORIES_Q, DROP_Q, SHIP_Q)}
    specs = load_rules()
    for question, fired in by_type.items():
        qtype = _details(weak, question)["question_type"]
        for code in fired:
            assert not specs[code].types or qtype in specs[code].types, (code, qtype)
    assert "answer-no-segmentation" in by_type[DROP_Q]
    assert "answer-no-segmentation" not in by_type[STORIES_Q]
    assert "answer-no-goal" not in by_type[SHIP_Q]


def test_question_only_with_kind_answer():
    with pytest.raises(InputError):
        starkit.lint("Led 3 teams.", "bullet", "a question?")


# a standalone figure; digits inside metric names ("week-4 retention", "p95") are names
_FIGURE = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)?(?![\w-])")


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("I would track DAU, time spent and stories posted.", STORIES_Q),
        ("I'd check what shipped and talk to the team.", DROP_Q),
        ("I would track uptime, p99 latency and error rate.", MIGRATION_Q),
        ("Activation matters most, so yes.", SHIP_Q),
    ],
)
def test_suggestions_invent_no_figure(text, question):
    report = starkit.lint(text, "answer", question)
    assert report.findings
    for f in report.findings:
        assert f.suggestion.strip()
        if f.rule == "answer-length":
            continue  # the word counts it gives are computed from the answer
        own = set(_FIGURE.findall(text))
        assert set(_FIGURE.findall(f.suggestion)) <= own, (f.rule, f.suggestion)
        if "<" in f.rewrite:  # slots: a rewrite pasted back unchanged is caught
            assert "unfilled-placeholder" in starkit.lint(f.rewrite, "answer", question).rules()


def test_guardrail_suggestion_uses_the_taxonomy_for_the_topic():
    report = starkit.lint("My north star is conversion rate at checkout.", "answer", STORIES_Q)
    (f,) = [f for f in report.findings if f.rule == "answer-no-guardrail"]
    assert "refund rate" in f.suggestion  # the taxonomy's usual guardrail for conversion


def test_vague_language_and_placeholders_apply_to_answers():
    report = starkit.lint("Engagement would go up significantly, by X%.", "answer", STORIES_Q)
    assert {"vague-language", "unfilled-placeholder"} <= report.rules()


def test_length_uses_the_story_figures():
    short = starkit.lint("Retention.", "answer", STORIES_Q)
    assert "answer-length" in short.rules()
    words = " ".join(["metric"] * 450)
    assert "answer-length" not in starkit.lint(words, "answer", STORIES_Q).rules()


# ----------------------------------------------------------------------------- questions


def test_at_least_forty_questions_of_every_type():
    qs = load_metric_questions()
    assert len(qs) >= 40
    assert {q.type for q in qs} == {"success", "diagnosis", "program", "tradeoff"}
    assert {q.area for q in qs} >= {"product", "tpm", "system-design"}
    assert len({q.id for q in qs}) == len(qs)


def test_followup_is_chosen_from_what_is_missing():
    report = starkit.lint("I would track DAU, time spent and stories posted.", "answer", STORIES_Q)
    f = followup_for(report.rules())
    assert f is not None and f.code in report.rules()
    assert followup_for([]) is None
    assert {f.code for f in load_followups()} <= set(load_rules())


def test_questions_for_code_drill_its_types():
    qs = questions_for_code("answer-no-segmentation")
    assert qs and all(q.type == "diagnosis" for q in qs)
    assert questions_for_code("weak-verb") == []


def test_weakest_cell_counts_each_attempt_once():
    cell = weakest_cell([["a-x", "a-x", "b"], ["b"], ["b", "c"]])
    assert cell == ("b", 3)
    assert weakest_cell([]) is None


def test_weakest_cell_puts_the_most_severe_code_first():
    severities = {"answer-length": "info", "star-missing-section": "error", "w": "warning"}
    # Same attempt, same count: the error, not the info finding listed first by follow-ups.
    assert weakest_cell([["answer-length", "star-missing-section"]], severities) == (
        "star-missing-section",
        1,
    )
    # Severity before frequency: advice firing every time does not hide a missing section.
    cell = weakest_cell([["answer-length"], ["answer-length", "w"], ["answer-length"]], severities)
    assert cell == ("w", 1)


def _attempt(question, kind, findings, competency="", n=0):
    from datetime import UTC, datetime

    from starkit.bank.records import Attempt

    return Attempt(
        id=f"a{n}",
        question=question,
        kind=kind,
        competency=competency,
        text="typed",
        score=60,
        findings=[{"rule": r, "severity": s, "message": "m"} for r, s in findings],
        created_at=datetime(2026, 1, 1, 12, n, tzinfo=UTC),
    )


def test_a_behavioural_gap_is_drilled_with_behavioural_questions():
    from starkit.answer.practice import drill_questions, weakest
    from starkit.story import load_questions

    bank = load_questions()
    asked = bank[0]
    attempt = _attempt(
        asked.text,
        "story",
        [("star-missing-section", "error"), ("answer-length", "info")],
        competency=asked.competencies[0],
    )
    cell = weakest([attempt])
    assert cell is not None
    assert (cell.code, cell.count, cell.kind) == ("star-missing-section", 1, "story")
    drills = drill_questions(cell, bank)
    metric_texts = {q.text for q in load_metric_questions()}
    assert drills[0] == asked.text and len(drills) == 3
    assert not metric_texts & set(drills)
    by_text = {q.text: q for q in bank}
    assert all(asked.competencies[0] in by_text[t].competencies for t in drills)


def test_a_gap_in_metrics_answers_is_drilled_with_metrics_questions():
    from starkit.answer.practice import drill_questions, weakest

    attempts = [
        _attempt(STORIES_Q, "story", [("answer-length", "info")], n=1),
        _attempt(STORIES_Q, "answer", [("answer-length", "info")], n=2),
    ]
    cell = weakest(attempts)
    assert cell is not None and (cell.code, cell.count, cell.kind) == ("answer-length", 2, "answer")
    drills = drill_questions(cell, [])
    assert drills and set(drills) <= {q.text for q in load_metric_questions()}


def test_relevant_parts_follow_the_rule_types():
    assert relevant_parts("diagnosis") == {"segments", "data_checks"}
    assert "segments" not in relevant_parts("success")


# ----------------------------------------------------------------------------- recordings


def _wav(seconds: float, rate: int = 8000) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\0\0" * int(seconds * rate))
    return buf.getvalue()


def test_recording_length_from_the_wav_header():
    assert wav_seconds(_wav(90)) == pytest.approx(90)
    assert length_verdict(90)[0] == "short" and length_verdict(150)[0] == "window"
    assert length_verdict(241)[0] == "long"
    assert [f.rule for f in recording_findings(90)] == ["answer-length"]
    assert recording_findings(180) == []


@pytest.mark.parametrize("data", [b"", b"not a wav at all", b"RIFF\0\0\0\0WAVE"])
def test_unreadable_recording_is_one_line_error(data):
    with pytest.raises(InputError) as info:
        wav_seconds(data)
    assert "\n" not in str(info.value)


# ----------------------------------------------------------------------------- CLI


def test_cli_lints_an_answer_with_its_question(tmp_path, capsys):
    f = tmp_path / "answer.txt"
    f.write_text("I'd check what shipped and talk to the team.", encoding="utf-8")
    code = main(["lint", "--kind", "answer", "--question", DROP_Q, "--format", "json", str(f)])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    assert out["units"][0]["details"]["question_type"] == "diagnosis"
    assert "answer-no-segmentation" in {x["rule"] for x in out["findings"]}
    code = main(["lint", "--kind", "answer", "--question", DROP_Q, str(f)])
    assert "question type diagnosis (from the question)" in capsys.readouterr().out


def test_cli_question_needs_kind_answer(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("text", encoding="utf-8")
    assert main(["lint", "--question", "Q?", str(f)]) == 2
    assert "--question needs --kind answer" in capsys.readouterr().err


def test_rubric_card_escapes_the_answer():
    from starkit.ui.rubric import rubric_html

    text = 'The goal is <img src=x onerror="alert(1)"> to help people share.'
    details = starkit.lint(text, "answer", STORIES_Q).units[0].details
    html = rubric_html(details)
    assert "<img" not in html and "&lt;img" in html
    assert 'class="sk-rubric"' in html


def test_rubric_card_quotes_each_sentence_under_one_part_when_it_can():
    from starkit.ui.rubric import rubric_html

    shared = {"start": 0, "end": 20, "text": "Hold churn: a price."}
    own = {"start": 21, "end": 40, "text": "The cost is fewer X."}
    details = {
        "outline": [
            {"part": "guardrails", "label": "Guardrails", "found": True, "spans": [shared]},
            {"part": "tradeoffs", "label": "Trade-offs", "found": True, "spans": [shared, own]},
            {"part": "goal", "label": "Goal", "found": True, "spans": [shared]},
        ]
    }
    html = rubric_html(details)
    assert html.count("Hold churn") == 2  # Guardrails, and Goal, whose only sentence it is
    assert "The cost is fewer X." in html  # Trade-offs quotes its own sentence


def test_spoken_window_is_the_rule_figures():
    from starkit.answer.practice import WINDOW_SECONDS
    from starkit.rules import rule_param

    wpm = int(rule_param("answer-length", "words_per_minute"))
    lo, hi = (int(rule_param("answer-length", k)) for k in ("min_words", "max_words"))
    assert WINDOW_SECONDS == (lo * 60 // wpm, hi * 60 // wpm) == (120, 240)


def test_a_question_whose_type_cannot_be_read_keeps_rules_of_one_or_two_types_silent():
    question = "In a puzzle game, will players stay longer if the first gate moves to level 40?"
    text = "Retention is higher when the gate is at level 30, so the later gate does not help."
    report = starkit.lint(text, "answer", question)
    d = report.units[0].details
    assert (d["question_type_source"], d["question_type_clear"]) == ("answer", False)
    fired = {f.rule for f in report.findings}
    # goal and primary metric hold for success and program only: they cannot judge here
    assert not fired & {"answer-no-goal", "answer-no-primary-metric"}
    # guardrail, threshold and trade-off hold for success, program and trade-off alike
    assert {"answer-no-guardrail", "answer-no-threshold"} <= fired
    # with the question's type read, or with no question at all, every rule of the type judges
    assert _details(text)["question_type_clear"] is True
    assert "answer-no-goal" in {f.rule for f in starkit.lint(text, "answer").findings}


def test_without_a_question_a_data_check_answer_is_a_diagnosis():
    text = (
        "* Is the slowdown real? Compare with the same month last year.\n"
        "* Then check spam accounts."
    )
    d = _details(text)
    assert (d["question_type"], d["question_type_source"]) == ("diagnosis", "answer")
    assert _details("* DAU, CTR and retention rate")["question_type"] == "success"


@pytest.mark.parametrize(
    ("seconds", "shown"), [(45.2, "45 s"), (125.4, "2 min 05 s"), (250, "4 min 10 s")]
)
def test_practice_and_story_builder_show_a_speaking_time_alike(seconds, shown):
    # one formatter: the Practice verdict and attempt log, the story builder and the rules
    from datetime import UTC, datetime

    from starkit.answer.practice import log_frame
    from starkit.bank.records import Attempt
    from starkit.rules.checks import spoken_time
    from starkit.ui.views import format_duration

    assert format_duration(seconds) == shown
    assert length_verdict(seconds)[1].startswith(f"{shown}: ")
    attempt = Attempt(
        id="a1",
        question=STORIES_Q,
        kind="answer",
        audio_seconds=seconds,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert log_frame([attempt])["length"].tolist() == [shown]
    typed = attempt.model_copy(update={"audio_seconds": None, "text": "typed", "score": 50})
    assert log_frame([typed])["length"].tolist() == ["—"]  # a dash, never "None"
    assert log_frame([attempt])["score"].tolist() == ["—"]  # a recording has no score
    words = round(seconds * 150 / 60)  # at the rules' 150 words a minute
    assert spoken_time(words) == format_duration(words * 60 / 150)
