"""AppTest: the Practice page answers a metrics question (rubric live, one follow-up), saves
the attempt in the bank, and shows it in the log and the progress chart after a restart."""

from __future__ import annotations

from apptest_helpers import html_bodies, no_exception, rules_shown, shown_text

from starkit.answer import load_metric_questions
from starkit.bank import StoryBank

WEAK = "I would track DAU, time spent and the number of stories posted."


def _metrics_page(open_page):
    at = open_page("app_pages/practice.py")
    at.segmented_control(key="practice.kind").set_value("Metrics").run()
    no_exception(at)
    return at


def test_metrics_question_is_drawn_from_the_metrics_bank(open_page):
    at = _metrics_page(open_page)
    question = at.session_state["practice.mquestion"]
    assert question in {q.text for q in load_metric_questions()}
    at.segmented_control(key="practice.mtype").set_value("diagnosis").run()
    drawn = at.session_state["practice.mquestion"]
    assert next(q for q in load_metric_questions() if q.text == drawn).type == "diagnosis"


def test_typed_answer_shows_rubric_and_one_followup_and_is_saved(open_page, bank_path):
    at = _metrics_page(open_page)
    stories_q = "How would you measure the success of Instagram Stories?"
    at.session_state["practice.mquestion"] = stories_q
    at.run()
    at.text_area(key="practice.answer-metrics").input(WEAK).run()
    no_exception(at)
    assert any('class="sk-rubric"' in body for body in html_bodies(at))
    text = shown_text(at)
    assert "success question" in text and "Primary metric" in text
    followups = [b for b in html_bodies(at) if 'class="sk-followup"' in b]
    assert len(followups) == 1
    assert {"answer-no-goal", "answer-no-guardrail"} <= rules_shown(at)
    at.button(key="practice.save").click().run()
    no_exception(at)
    with StoryBank(str(bank_path)) as bank:
        (attempt,) = bank.attempts()
    assert attempt.kind == "answer" and attempt.question_type == "success"
    assert attempt.text == WEAK and "answer-no-guardrail" in attempt.codes()


def test_attempts_survive_a_restart_with_chart_and_weakest_cell(open_page, bank_path):
    with StoryBank(str(bank_path)) as bank:
        for score in (40, 55):
            bank.add_attempt(
                "DAU dropped 15% overnight. What do you do?",
                "answer",
                text="I'd look at what shipped.",
                score=score,
                question_type="diagnosis",
                findings=[
                    {"rule": "answer-no-segmentation", "severity": "warning", "message": "m"}
                ],
            )
    at = open_page("app_pages/practice.py")  # a new app run: what it shows comes from the bank
    no_exception(at)
    assert at.get("vega_lite_chart"), "the progress chart is drawn"
    log = next(d.value for d in at.dataframe if "findings" in d.value.columns)
    assert list(log["score"]) == ["55", "40"]
    assert any("answer-no-segmentation" in m.value for m in at.markdown)
    drill = at.button(key="practice.drill.0")
    drill.click().run()
    no_exception(at)
    assert at.session_state["practice.kind"] == "Metrics"
    q = next(q for q in load_metric_questions() if q.text == at.session_state["practice.mquestion"])
    assert q.type == "diagnosis"


def test_behavioural_typed_answer_is_saved_with_its_competency(open_page, bank_path):
    at = open_page("app_pages/practice.py")
    story = (
        "Situation: Checkout was slow. Task: I owned the fix. Action: I cached the tax call. "
        "Result: p95 fell from 4.2 s to 1.9 s."
    )
    at.text_area(key="practice.answer-behavioural").input(story).run()
    no_exception(at)
    assert not any('class="sk-rubric"' in body for body in html_bodies(at))
    at.button(key="practice.save").click().run()
    no_exception(at)
    with StoryBank(str(bank_path)) as bank:
        (attempt,) = bank.attempts()
    assert attempt.kind == "story" and attempt.question == at.session_state["practice.question"]
    assert attempt.competency and attempt.question_type == "" and attempt.score is not None


def test_typed_answer_survives_a_visit_to_another_page(open_page):
    at = _metrics_page(open_page)
    at.text_area(key="practice.answer-metrics").input(WEAK).run()
    at.switch_page("app_pages/story_bank.py").run()
    at.switch_page("app_pages/practice.py").run()
    no_exception(at)
    assert at.session_state["practice.kind"] == "Metrics"
    assert at.text_area(key="practice.answer-metrics").value == WEAK


def test_one_saved_attempt_draws_a_readable_chart_and_a_log_that_fits(open_page, bank_path):
    import json

    from starkit.ui.rubric import LOG_WIDTHS

    competency = "experimentation and measurement"
    with StoryBank(str(bank_path)) as bank:
        bank.add_attempt(
            "Tell me about a project where you defined success before starting. Did the "
            "definition hold up when the results came in?",
            "story",
            text="Situation: …",
            score=95,
            competency=competency,
        )
    at = open_page("app_pages/practice.py")
    no_exception(at)
    (chart,) = at.get("vega_lite_chart")
    encoding = json.loads(chart.proto.spec)["encoding"]
    # One attempt on a time axis shows a millisecond tick (".785"): the axis counts attempts.
    assert encoding["x"]["field"] == "attempt" and encoding["x"]["type"] == "ordinal"
    legend = encoding["color"]["legend"]
    assert legend["labelLimit"] == 0 and legend["orient"] == "bottom"  # never cut
    (log,) = [d for d in at.dataframe if "findings" in d.value.columns]
    widths = {
        name: cfg.get("width")
        for name, cfg in json.loads(log.proto.columns).items()
        if not name.startswith("_")  # the hidden index
    }
    assert set(widths) == set(log.value.columns) == set(LOG_WIDTHS)
    assert all(isinstance(w, int) for w in widths.values())
    assert sum(widths.values()) <= 820  # the main column beside the sidebar, 1,280 px window


TRADEOFF_ANSWER = (
    "Saved searches exist to help renters find a home faster without checking the app every "
    "day. I would judge it by the share of weekly searchers who book a viewing within 14 days. "
    "I would not want direct messages to hosts to drop, because that would be cannibalisation "
    "of browsing, so messages per renter is the guardrail. I would run it as an experiment on "
    "10% of renters. The trade-off is that we give up some browsing sessions for faster "
    "bookings, and I would accept that if viewings booked grow 5%."
)


def test_rubric_quotes_the_trade_off_sentence_not_the_guardrail_again(open_page):
    import re

    at = _metrics_page(open_page)
    at.session_state["practice.mquestion"] = (
        "We just launched saved searches in a home-rental app. How do you know it is working?"
    )
    at.run()
    at.text_area(key="practice.answer-metrics").input(TRADEOFF_ANSWER).run()
    no_exception(at)
    card = next(b for b in html_bodies(at) if 'class="sk-rubric"' in b)
    rows = dict(re.findall(r"<td>(Guardrails|Trade-offs)</td><td>(.*?)</td>", card))
    assert "I would not want direct messages" in rows["Guardrails"]
    assert "The trade-off is that" in rows["Trade-offs"]


def test_practice_logs_no_streamlit_warnings(open_page, bank_path, monkeypatch):
    # Streamlit logs (not shows) two warnings the page used to cause: a kept widget with a
    # `default` whose value the app re-assigns through session state, and the deprecated
    # `use_container_width`. AppTest has no runtime, so the first check is switched on here.
    from streamlit import deprecation_util
    from streamlit.elements.lib import policies

    logged: list[str] = []
    monkeypatch.setattr(policies.runtime, "exists", lambda: True)
    monkeypatch.setattr(policies, "_shown_default_value_warning", False)
    for logger in (policies._LOGGER, deprecation_util._LOGGER):
        monkeypatch.setattr(logger, "warning", lambda msg, *a, **k: logged.append(msg % a))
    with StoryBank(str(bank_path)) as bank:
        bank.add_attempt("Q?", "answer", text="t", score=40, question_type="diagnosis")
    at = _metrics_page(open_page)
    at.switch_page("app_pages/story_bank.py").run()
    at.switch_page("app_pages/practice.py").run()
    no_exception(at)
    assert at.session_state["practice.kind"] == "Metrics"
    assert logged == []


def test_weakest_cell_of_a_behavioural_attempt_is_its_error_drilled_behaviourally(
    open_page, bank_path
):
    from starkit.story import load_questions

    asked = load_questions()[0]
    with StoryBank(str(bank_path)) as bank:
        bank.add_attempt(
            asked.text,
            "story",
            text="Task: I was asked to cut the time to first payment.",
            score=65,
            competency=asked.competencies[0],
            findings=[
                {"rule": "star-missing-section", "severity": "error", "message": "m"},
                {"rule": "answer-length", "severity": "info", "message": "m"},
            ],
        )
    at = open_page("app_pages/practice.py")
    no_exception(at)
    weakest = next(m.value for m in at.markdown if "weakest rubric cell" in m.value)
    assert "star-missing-section" in weakest and "answer-length" not in weakest
    log = next(d.value for d in at.dataframe if "findings" in d.value.columns)
    assert log["length"].tolist() == ["—"]
    metric_texts = {q.text for q in load_metric_questions()}
    drills = [b for b in at.button if (b.key or "").startswith("practice.drill.")]
    assert drills and not any(b.label in metric_texts for b in drills)
    drills[0].click().run()
    no_exception(at)
    assert at.session_state["practice.kind"] == "Behavioural"
    assert at.session_state["practice.question"] == asked.text
