"""AppTest: stories with the same title are told apart in every picker (Story bank, Practice,
Interviews) and in the coverage heatmap, by one helper (`starkit.ui.views.story_labels`)."""

from __future__ import annotations

import pytest
from apptest_helpers import no_exception, shown_text

from starkit.bank import StoryBank

TITLE = "Checkout latency"
TEXTS = [
    "Situation: Checkout p95 was 4.2 s and mobile conversion lagged desktop.\n"
    "Task: I had to cut latency without a rewrite.\n"
    "Action: I profiled the flow, cached the tax service and removed two blocking calls.\n"
    "Result: p95 fell from 4.2 s to 1.9 s in six weeks while the error rate held at 0.1%.",
    "Situation: Checkout timed out for 3% of mobile users during the holiday peak.\n"
    "Task: I owned the fix with two engineers.\n"
    "Action: I split the payment call from the tax call and added a retry budget.\n"
    "Result: Timeouts fell from 3% to 0.4% and conversion rose 2 points in four weeks.",
]


@pytest.fixture
def twins(bank_path) -> list[str]:
    with StoryBank(str(bank_path)) as bank:
        tags = ["technical-depth", "delivery-under-constraint"]
        return [bank.add(TITLE, text, tags) for text in TEXTS]


def _told_apart(options: list[str]) -> None:
    assert len(options) == 2 and len(set(options)) == 2
    assert all(o.startswith(f"{TITLE} · ") for o in options)


def test_story_bank_picker_and_heatmap_tell_same_titles_apart(open_page, twins, bank_path):
    at = open_page("app_pages/story_bank.py")
    no_exception(at)
    _told_apart(at.selectbox(key="bank.selected").options)

    from starkit.ui import loaders

    with StoryBank(str(bank_path)) as bank:
        matrix, _ = loaders.coverage_view(bank.list())
    _told_apart(list(matrix.columns))
    assert sorted(matrix.columns) == sorted(at.selectbox(key="bank.selected").options)


def test_interviews_story_picker_tells_same_titles_apart(open_page, twins):
    at = open_page("app_pages/interviews.py")
    no_exception(at)
    _told_apart(at.multiselect(key="interviews.told").options)


def test_practice_names_its_best_story_as_the_pickers_do(open_page, twins, bank_path):
    from starkit.story.coverage import coverage
    from starkit.ui.views import story_labels

    with StoryBank(str(bank_path)) as bank:
        stories = bank.list()
    result = coverage(stories)
    question = next(q.text for q in result.questions if result.best_for(q.text) is not None)
    best = result.best_for(question)
    at = open_page("app_pages/practice.py")
    at.session_state["practice.question"] = question
    at.run()
    no_exception(at)
    label = story_labels(stories)[best.id]
    assert label.startswith(f"{TITLE} · ")
    assert label in [c.value.replace("\\", "") for c in at.caption]


def test_email_names_the_story_its_result_comes_from_as_the_pickers_do(open_page, twins, bank_path):
    from starkit.ui.views import story_labels

    with StoryBank(str(bank_path)) as bank:
        labels = story_labels(bank.list())
    at = open_page("app_pages/email.py")
    at.text_area(key="email.text").input(
        "Hi Priya,\n\nThank you for the chat about checkout latency on mobile.\n\nBest,\nAlex"
    ).run()
    no_exception(at)
    line = at.code[0].value
    (source,) = [c.value.replace("\\", "") for c in at.caption if "From your story" in c.value]
    story = next(sid for sid, text in zip(twins, TEXTS, strict=True) if text_figure(text) in line)
    assert source == f"From your story: {labels[story]}"


def text_figure(text: str) -> str:
    """The figures of a story's Result ('from 4.2 s to 1.9 s'), which the email line quotes."""
    return text.split("Result: ", 1)[1].split(" in ", 1)[0].split(" and ", 1)[0]


def test_interview_log_and_debrief_name_stories_as_the_pickers_do(open_page, twins, bank_path):
    from starkit.story.coverage import coverage
    from starkit.ui.views import story_labels

    with StoryBank(str(bank_path)) as bank:
        stories = bank.list()
        result = coverage(stories)
        question = next(q.text for q in result.questions if result.best_for(q.text) is not None)
        bank.add_interview("Globex", story_ids=twins, questions=[question])
    labels = story_labels(stories)
    at = open_page("app_pages/interviews.py")
    no_exception(at)
    told = next(t.value for t in at.text if t.value.startswith("Stories told: "))
    assert told == "Stories told: " + "; ".join(labels[s] for s in twins)
    frames = [d.value for d in at.dataframe]
    checked = next(f for f in frames if "result quantified" in f.columns)
    assert sorted(checked["story"]) == sorted(labels[s] for s in twins)
    fitting = [ln for ln in shown_text(at).splitlines() if "fitting story:" in ln]
    assert len(fitting) == 1
    assert fitting[0].endswith(
        (f"fitting story: {labels[twins[0]]}", f"fitting story: {labels[twins[1]]}")
    )
