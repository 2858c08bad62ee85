"""AppTest: the Story bank, Thank-you email and Practice pages over a seeded story bank."""

from __future__ import annotations

import pytest
from apptest_helpers import html_bodies, no_exception, rules_shown, shown_text

from starkit.bank import StoryBank

STORIES = [
    (
        "Checkout latency",
        "Situation: Checkout p95 was 4.2 s and mobile conversion lagged desktop.\n"
        "Task: I had to cut latency without a rewrite.\n"
        "Action: I profiled the flow, cached the tax service and removed two blocking calls.\n"
        "Result: p95 fell from 4.2 s to 1.9 s in six weeks while the error rate held at 0.1%.",
        ["technical-depth", "delivery-under-constraint"],
    ),
    (
        "Pricing experiment",
        "Situation: Annual plans were 12% of sign-ups.\nTask: I led the pricing test.\n"
        "Action: I designed a two-arm test with finance and set refund rate as the guardrail.\n"
        "Result: Annual share rose from 12% to 19% over 8 weeks with refunds flat.",
        ["experimentation", "data-driven-decision"],
    ),
]


@pytest.fixture
def seeded(bank_path):
    ids = []
    with StoryBank(str(bank_path)) as bank:
        for title, text, tags in STORIES:
            ids.append(bank.add(title, text, tags))
    return ids


def table(at):
    return next(d.value for d in at.dataframe if "title" in d.value.columns)


# ----------------------------------------------------------------------------- story bank


def test_empty_bank_says_how_to_fill_it(open_page):
    at = open_page("app_pages/story_bank.py")
    no_exception(at)
    assert any("No stories yet" in i.value for i in at.info)


def test_bank_lists_filters_and_exports(open_page, seeded):
    at = open_page("app_pages/story_bank.py")
    no_exception(at)
    assert sorted(table(at)["title"]) == ["Checkout latency", "Pricing experiment"]
    at.multiselect(key="bank.filter").select("experimentation").run()
    assert list(table(at)["title"]) == ["Pricing experiment"]
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == ["Download JSON", "Download Markdown", "Download CSV"]


def test_tags_in_other_capitals_or_spellings_are_one_competency(open_page, bank_path):
    import sqlite3

    from starkit.bank.schema import STORIES_TABLE

    with StoryBank(str(bank_path)) as bank:
        a = bank.add("Checkout latency", STORIES[0][1], ["leadership", "technical depth"])
        b = bank.add("Pricing experiment", STORIES[1][1], ["technical-depth", "sql"])
    with sqlite3.connect(bank_path) as conn:  # a tag stored as the user once typed it
        conn.execute(f"UPDATE {STORIES_TABLE} SET tags = ? WHERE id = ?", ('["Leadership"]', b))
    at = open_page("app_pages/story_bank.py")
    no_exception(at)
    box = at.multiselect(key="bank.filter")
    assert [box.format_func(o) for o in box.options] == ["Leadership", "Technical depth"]
    at.multiselect(key="bank.filter").select("leadership").run()
    assert sorted(table(at)["title"]) == ["Checkout latency", "Pricing experiment"]
    assert set(table(at)["competencies"]) == {"Leadership, Technical depth", "Leadership"}
    with StoryBank(str(bank_path)) as bank:  # what the user stored is left as it was
        assert bank.get(b).tags == ("Leadership",) and bank.get(a).tags[0] == "leadership"


def test_bank_shows_revisions_and_restores_one(open_page, seeded, bank_path):
    with StoryBank(str(bank_path)) as bank:
        bank.update(seeded[0], STORIES[0][1].replace("1.9 s", "2.0 s"))
    at = open_page("app_pages/story_bank.py")
    at.selectbox(key="bank.selected").set_value(seeded[0]).run()
    revisions = next(d.value for d in at.dataframe if "revision" in d.value.columns)
    assert list(revisions["revision"]) == [2, 1]
    at.selectbox(key=f"bank.revision.{seeded[0]}").set_value(1).run()
    at.button(key=f"bank.restore.{seeded[0]}").click().run()
    no_exception(at)
    with StoryBank(str(bank_path)) as bank:
        story = bank.get(seeded[0])
        assert story.revision == 3
        assert "1.9 s" in story.text


def uncovered_questions(bank_path):
    from starkit.story import coverage

    with StoryBank(str(bank_path)) as bank:
        return [q.text for q in coverage(bank.list()).uncovered]


def test_bank_coverage_lists_questions_no_story_answers(open_page, seeded, bank_path):
    at = open_page("app_pages/story_bank.py")
    no_exception(at)
    uncovered = uncovered_questions(bank_path)
    assert uncovered
    shown = shown_text(at)
    assert all(q in shown for q in uncovered)
    assert at.get("vega_lite_chart")  # the heatmap


def test_edit_in_builder_loads_the_story_as_a_revision(open_page, seeded, bank_path):
    at = open_page("app_pages/story_bank.py")
    at.selectbox(key="bank.selected").set_value(seeded[1]).run()
    at.button(key="bank.edit").click().run()
    no_exception(at)
    assert at.title[0].value == "Story builder"
    assert at.text_input(key="story.title").value == "Pricing experiment"
    assert "two-arm test" in at.text_area(key="story.action").value
    assert at.button(key="story.save").label == "Save revision"


# ----------------------------------------------------------------------------- email


EMAIL = (
    "Hi [Name],\n\nThank you for talking with me about checkout latency and the mobile "
    "roadmap today.\n\nBest,\nAlex"
)


def test_email_marks_placeholders_and_suggests_a_result_from_my_stories(open_page, seeded):
    at = open_page("app_pages/email.py")
    at.text_area(key="email.text").input(EMAIL).run()
    no_exception(at)
    assert {"unfilled-placeholder", "email-no-metric"} <= rules_shown(at)
    assert any('<mark class="sk-error"' in b and ">[Name]</mark>" in b for b in html_bodies(at))
    line = at.code[0].value
    assert "from 4.2 s to 1.9 s" in line  # the matching story's own figures, not invented ones
    assert "Checkout latency" not in line  # the work is named by its result, not the title
    assert any("From your story: Checkout latency" in c.value for c in at.caption)


def test_email_without_stories_explains_where_the_suggestion_comes_from(open_page):
    at = open_page("app_pages/email.py")
    at.text_area(key="email.text").input(EMAIL).run()
    no_exception(at)
    assert any("Save your stories in the Story builder" in i.value for i in at.info)


def test_email_in_another_language_is_not_judged_and_says_why(open_page):
    """starkit reads English only: a Spanish note gets an error with the reason, never the
    clean 'No findings: ready to send' and a 100/100 score."""
    at = open_page("app_pages/email.py")
    at.text_area(key="email.text").input(
        "Hola,\n\nMuchas gracias por la entrevista de hoy. Me encantó conocer al equipo y "
        "hablar sobre los retos del producto para el próximo año.\n\nSaludos"
    ).run()
    no_exception(at)
    assert any("not judged" in e.value and "Spanish" in e.value for e in at.error)
    assert not any("ready to send" in s.value for s in at.success)
    assert not [m for m in at.metric if m.label == "Score"]
    assert not any("A result to reinforce" in h.value for h in at.subheader)


# ----------------------------------------------------------------------------- practice


def test_practice_asks_a_question_and_picks_the_best_story(open_page, seeded):
    at = open_page("app_pages/practice.py")
    no_exception(at)
    from starkit.story import load_questions

    question = at.session_state["practice.question"]
    assert question in {q.text for q in load_questions()}
    assert question in shown_text(at)
    assert {m.label for m in at.metric} == {"Time left in the window"}
    assert at.metric[0].value == "4 min 00 s"
    at.button(key="practice.next").click().run()
    assert at.session_state["practice.question"] != question


def test_practice_uncovered_mode_only_asks_uncovered_questions(open_page, seeded, bank_path):
    uncovered = set(uncovered_questions(bank_path))
    at = open_page("app_pages/practice.py")
    at.segmented_control(key="practice.source").set_value("One no story answers yet").run()
    for _ in range(3):
        assert at.session_state["practice.question"] in uncovered
        assert any("None of your saved stories answers" in i.value for i in at.info)
        at.button(key="practice.next").click().run()


def test_practice_timer_starts_and_stops(open_page, seeded):
    at = open_page("app_pages/practice.py")
    at.button(key="practice.start").click().run()
    assert at.session_state["practice.started"] is not None
    at.button(key="practice.stop").click().run()
    assert at.session_state["practice.stopped"] >= at.session_state["practice.started"]


def test_hostile_titles_and_stories_in_the_bank_stay_inert(open_page, bank_path):
    title = "<img src=x onerror=alert(1)> ![p](http://example.invalid/p.png)"
    text = "Situation: <script>alert(2)</script> Result: cut cost 10% in 2 weeks."
    with StoryBank(str(bank_path)) as bank:
        bank.add(title, text, ["leadership"])
    for page in ("app_pages/story_bank.py", "app_pages/practice.py"):
        at = open_page(page)
        no_exception(at)
        for body in html_bodies(at):
            assert "<img" not in body and "<script" not in body
        for el in [*at.caption, *at.markdown, *at.info, *at.success]:
            assert "![p](" not in el.value  # no Markdown image can be formed
    at = open_page("app_pages/story_bank.py")
    assert text in shown_text(at)
    at = open_page("app_pages/email.py")
    at.text_area(key="email.text").input("Thanks for the chat about cost.").run()
    no_exception(at)
    assert all("![p](" not in c.value for c in at.caption)


def test_bank_figures_panel_checks_stories_against_the_resume(open_page, seeded):
    at = open_page("app_pages/story_bank.py")
    no_exception(at)
    assert any("Add your resume" in i.value for i in at.info)
    at.text_area(key="bank.resume_paste").input(
        "Cut checkout p95 from 4.2 s to 2.5 s in six weeks\n"
        "Raised the annual plan share from 12% to 19% with a two-arm pricing test\n"
    ).run()
    no_exception(at)
    frame = next(d.value for d in at.dataframe if "resume says" in d.value.columns)
    assert list(frame["story"]) == ["Checkout latency"]
    assert list(frame["resume says"]) == ["4.2 s to 2.5 s"]
    assert any("1 figure disagree" in w.value for w in at.warning)
