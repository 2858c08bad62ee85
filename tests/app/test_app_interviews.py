"""AppTest: the Interviews page (log one with the form, the list by company with its stage, the
debrief, the drafted email kept with the interview) and the Story bank's 'Told in' panel."""

from __future__ import annotations

import re

import pytest
from apptest_helpers import html_bodies, no_exception, shown_text

from starkit.bank import StoryBank

PAGE = "app_pages/interviews.py"
STORY = (
    "Situation: Checkout p95 was 4.2 s and mobile conversion lagged desktop.\n"
    "Task: I had to cut latency without a rewrite.\n"
    "Action: I profiled the flow, cached the tax service and removed two blocking calls.\n"
    "Result: p95 fell from 4.2 s to 1.9 s in six weeks while the error rate held at 0.1%."
)
COMPANY = "Acme <b>Corp</b>"


@pytest.fixture
def story_id(bank_path) -> str:
    with StoryBank(str(bank_path)) as bank:
        return bank.add("Checkout latency", STORY, ["technical-depth"])


def _log_one(at, story_id: str):
    at.text_input(key="interviews.company").input(COMPANY)
    at.text_input(key="interviews.role").input("Senior TPM")
    at.text_input(key="interviews.interviewers").input("Priya Raman, Sam Lee")
    at.multiselect(key="interviews.told").select(story_id)
    at.text_area(key="interviews.other").input("Tell me about a time you disagreed with a peer.")
    at.selectbox(key="interviews.stage").select("onsite")
    return at.button(key="FormSubmitter:interviews.log-Log interview").click().run()


def _no_raw_company(at) -> None:
    """The company's markup is shown as text everywhere, never rendered."""
    assert all("<b>Corp" not in body for body in html_bodies(at))
    assert all("<b>Corp" not in m.value for m in at.markdown)


def test_empty_log_says_how_to_start(open_page) -> None:
    at = open_page(PAGE)
    no_exception(at)
    assert any("No interviews logged yet" in i.value for i in at.info)
    assert at.text_input(key="interviews.company") is not None


def test_an_interview_is_logged_listed_debriefed_and_drafted(open_page, bank_path, story_id):
    at = _log_one(open_page(PAGE), story_id)
    no_exception(at)
    with StoryBank(str(bank_path)) as bank:
        (iv,) = bank.interviews()
    assert (iv.company, iv.stage, iv.interviewers, iv.story_ids) == (
        COMPANY,
        "onsite",
        ("Priya Raman", "Sam Lee"),
        (story_id,),
    )
    listed = next(d.value for d in at.dataframe if "company" in d.value.columns)
    assert listed[["company", "stage"]].values.tolist() == [[COMPANY, "onsite"]]
    _no_raw_company(at)

    # debrief: the story told is quantified; the conflict question went without a story
    checks = next(d.value for d in at.dataframe if "result quantified" in d.value.columns)
    assert checks.values.tolist()[0][:2] == ["Checkout latency", True]
    # the questions asked, listed with their competencies and fitting story (none here)
    assert re.search(r"”: [^;]*Conflict resolution[^;]*; fitting story: none", shown_text(at))
    assert "Prepare a story that shows conflict resolution" in shown_text(at)
    at.text_area(key=f"interviews.review.{iv.id}.success").input("Yes, p95 and error rate.")
    at.button(key=f"interviews.save_review.{iv.id}").click().run()
    with StoryBank(str(bank_path)) as bank:
        assert bank.get_interview(iv.id).self_review == {"success": "Yes, p95 and error rate."}

    # draft: kept with the interview, copyable and downloadable as .eml; greets by first name,
    # names the work by its result (not the story's title) and is not ready to send unsigned
    at.button(key=f"interviews.draft.{iv.id}").click().run()
    no_exception(at)
    with StoryBank(str(bank_path)) as bank:
        saved = bank.get_interview(iv.id).email
    assert saved is not None
    for fact in (COMPANY, "Hi Priya and Sam,", "from 4.2 s to 1.9 s", "Senior TPM"):
        assert fact in saved
    assert "Checkout latency" not in saved and "Raman" not in saved
    assert saved.rstrip().endswith("Best regards,\n<Your name>")
    assert [c.value.strip() for c in at.code] == [saved.strip()]  # the one-click copy box
    assert not any("ready to send" in s.value for s in at.success)
    assert at.metric[0].value != "100/100"
    assert [d.proto.label for d in at.get("download_button")] == ["Download .eml"]
    _no_raw_company(at)
    # signed, it lints clean
    box = at.text_area(key=f"interviews.email.{iv.id}")
    box.input(saved.replace("<Your name>", "Alex Kim")).run()
    no_exception(at)
    assert any("No findings" in s.value for s in at.success)


def test_a_changed_stage_is_saved(open_page, bank_path, story_id) -> None:
    at = _log_one(open_page(PAGE), story_id)
    with StoryBank(str(bank_path)) as bank:
        (iv,) = bank.interviews()
    at.selectbox(key=f"interviews.stage.{iv.id}").select("offer").run()
    no_exception(at)
    with StoryBank(str(bank_path)) as bank:
        assert bank.get_interview(iv.id).stage == "offer"


def test_a_form_without_a_company_is_refused_in_one_line(open_page, bank_path) -> None:
    at = open_page(PAGE)
    at.button(key="FormSubmitter:interviews.log-Log interview").click().run()
    no_exception(at)
    assert any("needs the company" in e.value for e in at.error)
    with StoryBank(str(bank_path)) as bank:
        assert bank.interviews() == []


def test_story_bank_shows_where_each_story_was_told(open_page, bank_path, story_id) -> None:
    with StoryBank(str(bank_path)) as bank:
        bank.add_interview(COMPANY, role="Senior TPM", story_ids=[story_id], stage="screen")
    at = open_page("app_pages/story_bank.py")
    no_exception(at)
    assert "**Told in** (1)" in [m.value for m in at.markdown]
    assert f"{COMPANY} · Senior TPM (screen)" in shown_text(at)
    _no_raw_company(at)


def test_an_interview_is_deleted_only_from_its_confirm_button(open_page, bank_path, story_id):
    at = _log_one(open_page(PAGE), story_id)
    with StoryBank(str(bank_path)) as bank:
        (iv,) = bank.interviews()
    at.button(key=f"interviews.delete.{iv.id}").click().run()
    no_exception(at)
    with StoryBank(str(bank_path)) as bank:
        assert bank.interviews() == [] and bank.get(story_id).title == "Checkout latency"
    assert any("No interviews logged yet" in i.value for i in at.info)


def test_an_unsaved_email_edit_survives_a_visit_to_another_page(open_page, bank_path, story_id):
    at = _log_one(open_page(PAGE), story_id)
    with StoryBank(str(bank_path)) as bank:
        (iv,) = bank.interviews()
    at.button(key=f"interviews.draft.{iv.id}").click().run()
    box = at.text_area(key=f"interviews.email.{iv.id}")
    edited = box.value.replace("<Your name>", "Alex")
    box.input(edited).run()
    at.switch_page("app_pages/story_bank.py").run()
    at.switch_page(PAGE).run()
    no_exception(at)
    assert at.text_area(key=f"interviews.email.{iv.id}").value == edited
    assert [c.value.strip() for c in at.code] == [edited.strip()]
