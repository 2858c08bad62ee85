"""The bank's API on SQLite and PostgreSQL: saving, revisions, restore, delete, validation."""

from __future__ import annotations

import pytest

from starkit.bank import Revision, StoredStory, StoryBank
from starkit.errors import BankError, InputError, StarkitError

STORY = (
    "Situation: checkout p95 latency was 1.9 s and cart abandonment rose 4 points.\n"
    "Task: I owned the fix for Q3.\n"
    "Action: I profiled the payment call and moved fraud checks off the critical path.\n"
    "Result: p95 fell to 700 ms and abandonment recovered 3 points; refunds stayed flat."
)


def test_add_then_get_returns_what_was_saved(bank):
    story_id = bank.add("  Checkout   latency ", STORY, ["Leadership", "data", "leadership"])
    story = bank.get(story_id)
    assert isinstance(story, StoredStory)
    assert story.id == story_id
    assert story.title == "Checkout latency"
    assert story.text == STORY  # verbatim: lint offsets must stay valid
    assert story.tags == ("leadership", "data")
    assert story.revision == 1
    assert story.deleted_at is None
    assert story.created_at == story.updated_at
    assert story.created_at.tzinfo is not None


def test_ids_are_distinct_uuids(bank):
    ids = {bank.add(f"Story {i}", f"text {i}") for i in range(5)}
    assert len(ids) == 5
    assert all(len(i) == 36 and i.count("-") == 4 for i in ids)


def test_tags_given_as_a_comma_string(bank):
    story_id = bank.add("T", "text", "conflict, influence ,, Conflict")
    assert bank.get(story_id).tags == ("conflict", "influence")


def test_update_appends_a_revision_and_keeps_the_old_text(bank):
    story_id = bank.add("Checkout", "first draft")
    rev = bank.update(story_id, "second draft", title="Checkout latency", tags=["execution"])
    assert isinstance(rev, Revision)
    assert rev.number == 2 and rev.note == "edited"
    story = bank.get(story_id)
    assert (story.text, story.title, story.tags, story.revision) == (
        "second draft",
        "Checkout latency",
        ("execution",),
        2,
    )
    assert story.updated_at >= story.created_at
    history = bank.history(story_id)
    assert [(r.number, r.text, r.title, r.tags) for r in history] == [
        (1, "first draft", "Checkout", ()),
        (2, "second draft", "Checkout latency", ("execution",)),
    ]


def test_update_of_title_alone_keeps_text(bank):
    story_id = bank.add("Old", "the text")
    bank.update(story_id, title="New")
    story = bank.get(story_id)
    assert (story.title, story.text, story.revision) == ("New", "the text", 2)


def test_saving_the_same_content_adds_no_revision(bank):
    story_id = bank.add("T", "same", ["a"])
    rev = bank.update(story_id, "same", tags="a")
    assert rev.number == 1
    assert len(bank.history(story_id)) == 1


def test_update_with_nothing_to_change_is_refused(bank):
    story_id = bank.add("T", "x")
    with pytest.raises(BankError, match="nothing to change"):
        bank.update(story_id)


def test_restore_adds_a_copy_of_the_old_revision(bank):
    story_id = bank.add("V1 title", "one", ["a"])
    bank.update(story_id, "two", title="V2 title", tags=["b"])
    bank.update(story_id, "three")
    rev = bank.restore(story_id, 1)
    assert rev.number == 4
    assert (rev.text, rev.title, rev.tags) == ("one", "V1 title", ("a",))
    assert rev.note == "restored from revision 1"
    story = bank.get(story_id)
    assert (story.text, story.title, story.tags, story.revision) == ("one", "V1 title", ("a",), 4)
    # history is never destroyed: every earlier text is still there, in order
    assert [r.text for r in bank.history(story_id)] == ["one", "two", "three", "one"]


def test_restore_of_a_missing_revision_names_the_range(bank):
    story_id = bank.add("T", "one")
    bank.update(story_id, "two")
    with pytest.raises(BankError, match="revisions 1 to 2, not 7"):
        bank.restore(story_id, 7)
    assert bank.get(story_id).revision == 2


def test_soft_delete_hides_but_keeps_and_restore_undeletes(bank):
    keep = bank.add("Keep", "k")
    gone = bank.add("Gone", "g1")
    bank.update(gone, "g2")
    bank.delete(gone)
    assert [s.id for s in bank.list()] == [keep]
    assert len(bank) == 1
    assert {s.id for s in bank.list(include_deleted=True)} == {keep, gone}
    deleted = bank.get(gone)
    assert deleted.deleted and deleted.text == "g2"
    assert [r.text for r in bank.history(gone)] == ["g1", "g2"]
    with pytest.raises(BankError, match="deleted"):
        bank.update(gone, "g3")
    bank.restore(gone, 1)
    back = bank.get(gone)
    assert not back.deleted and back.text == "g1" and back.revision == 3
    assert len(bank) == 2


def test_purge_removes_story_and_history(bank):
    story_id = bank.add("Secret", "remove me")
    bank.update(story_id, "really")
    other = bank.add("Other", "stays")
    bank.delete(story_id, purge=True)
    with pytest.raises(BankError, match="no story"):
        bank.get(story_id)
    with pytest.raises(BankError, match="no story"):
        bank.history(story_id)
    assert [s.id for s in bank.list(include_deleted=True)] == [other]
    assert story_id not in bank.export_json()


def test_list_orders_by_last_update_and_filters_by_tag(bank):
    a = bank.add("A", "a", ["leadership"])
    b = bank.add("B", "b", ["conflict"])
    c = bank.add("C", "c", ["leadership", "conflict"])
    bank.update(a, "a2")
    assert [s.id for s in bank.list()] == [a, c, b]
    assert {s.id for s in bank.list(tag="Leadership")} == {a, c}
    assert [s.id for s in bank.list(tag="execution")] == []


def test_unknown_id_is_a_bank_error(bank):
    for call in (
        lambda: bank.get("nope"),
        lambda: bank.update("nope", "x"),
        lambda: bank.restore("nope", 1),
        lambda: bank.delete("nope"),
        lambda: bank.history("nope"),
    ):
        with pytest.raises(BankError, match="no story with id 'nope'"):
            call()


def test_resolve_accepts_a_unique_prefix(bank):
    ids = [bank.add(f"S{i}", "t") for i in range(3)]
    for story_id in ids:
        assert bank.resolve(story_id) == story_id
        assert bank.resolve(story_id[:8].upper()) == story_id
    with pytest.raises(BankError, match="at least 4"):
        bank.resolve(ids[0][:3])
    with pytest.raises(BankError, match="no story"):
        bank.resolve("%%%%")  # LIKE wildcards are literal


@pytest.mark.parametrize(
    ("title", "text", "tags", "error", "match"),
    [
        ("T", "   \n ", (), InputError, "empty"),
        ("T", 42, (), InputError, "must be a str"),
        ("", "text", (), BankError, "needs a title"),
        ("x" * 201, "text", (), BankError, "over the 200 limit"),
        ("T", "has a \x00 NUL", (), InputError, "NUL"),
        ("T", "bad \udc80 surrogate", (), InputError, "Unicode"),
        ("T", "text", ["a" * 61], BankError, "60-character"),
        ("T", "text", 5, BankError, "list of strings"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(bank, title, text, tags, error, match):
    with pytest.raises(error, match=match) as info:
        bank.add(title, text, tags)
    assert isinstance(info.value, StarkitError)
    assert "\n" not in str(info.value)
    assert bank.snapshot().stories == []


def test_a_failed_update_leaves_the_story_as_it_was(bank):
    story_id = bank.add("T", "kept")
    with pytest.raises(InputError):
        bank.update(story_id, "   ")
    assert bank.get(story_id).text == "kept"
    assert len(bank.history(story_id)) == 1


def test_unicode_and_long_text_round_trip_exactly(bank):
    text = (
        "Lideré 12 personas — réduit le churn de 8 % → 5 %; 顧客満足度 +15 pts 🚀\r\n\ttabs" * 500
    )
    story_id = bank.add("Ünïcødé 🚀", text, ["Éducation"])
    story = bank.get(story_id)
    assert story.text == text
    assert story.title == "Ünïcødé 🚀"
    assert story.tags == ("éducation",)


def test_a_closed_bank_refuses_work(bank_url):
    b = StoryBank(bank_url)
    b.close()
    with pytest.raises(BankError, match="closed"):
        b.list()


def test_data_persists_across_reopen(bank_url):
    with StoryBank(bank_url) as b:
        story_id = b.add("Persist", "one")
        b.update(story_id, "two")
    with StoryBank(bank_url, create=False) as b:
        assert b.get(story_id).text == "two"
        assert [r.text for r in b.history(story_id)] == ["one", "two"]
