"""The interview log (schema v4): kept in the bank beside the stories, edited in place, listed
by company, exported and imported with the bank, and added to a v3 bank with its data kept.
The `bank` fixture runs each test on SQLite and, with `-m postgres`, on PostgreSQL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from starkit.bank import SCHEMA_VERSION, Interview, StoryBank, migrations
from starkit.bank.export import parse_export
from starkit.bank.schema import interviews
from starkit.errors import BankError, InputError

STORY = (
    "Situation: Checkout was slow.\nTask: I owned the fix.\nResult: p95 fell from 4.2 s to 1.9 s."
)
T0 = "2025-01-05T10:00:00.000000+00:00"
SID = "11111111-aaaa-4aaa-8aaa-111111111111"


def test_an_interview_is_logged_read_back_and_edited(bank: StoryBank) -> None:
    sid = bank.add("Checkout latency", STORY, ["technical-depth"])
    made = bank.add_interview(
        "  Acme   Corp ",
        role="Senior TPM",
        date="2026-03-02",
        round="Onsite: execution",
        interviewers="Priya Raman, Sam Lee, Priya Raman",
        questions=["Tell me about a conflict.", "", "How do you measure success?"],
        story_ids=[sid],
        topic="their billing migration",
        notes="Asked twice about rollback plans.\nFollow up on pricing.",
        stage="onsite",
    )
    assert made.company == "Acme Corp"  # one line, trimmed
    assert made.interviewers == ("Priya Raman", "Sam Lee")  # split, de-duplicated
    assert made.questions == ("Tell me about a conflict.", "How do you measure success?")
    assert made.date == date(2026, 3, 2) and made.email is None
    assert made.notes.count("\n") == 1  # notes are kept as written
    assert bank.get_interview(made.id) == made
    later = bank.update_interview(
        made.id, stage="offer", self_review={"success": "Yes: p95 and error rate"}, email="Hi"
    )
    assert (later.stage, later.email, later.self_review) == (
        "offer",
        "Hi",
        {"success": "Yes: p95 and error rate"},
    )
    assert later.updated_at > made.updated_at and later.created_at == made.created_at
    assert bank.get_interview(made.id) == later
    assert bank.update_interview(made.id, stage="offer") == later  # no change, no new time
    bank.delete_interview(made.id)
    assert bank.interviews() == []
    assert bank.get(sid).title == "Checkout latency"  # the story told stays


def test_interviews_are_listed_by_company_then_date_and_by_story_told(bank: StoryBank) -> None:
    a = bank.add("A", STORY)
    b = bank.add("B", STORY)
    bank.add_interview("Zeta", date="2026-01-01", story_ids=[a])
    bank.add_interview("acme", date="2026-02-01", story_ids=[a, b])
    bank.add_interview("Acme", date="2026-01-15")
    bank.add_interview("Acme")
    listed = [(i.company, i.date.isoformat() if i.date else None) for i in bank.interviews()]
    assert listed == [
        ("Acme", "2026-01-15"),
        ("acme", "2026-02-01"),
        ("Acme", None),
        ("Zeta", "2026-01-01"),
    ]
    assert sorted(i.company for i in bank.interviews(story_id=a)) == ["Zeta", "acme"]
    assert [i.company for i in bank.interviews(story_id=b)] == ["acme"]


@pytest.mark.parametrize(
    ("company", "fields", "needle"),
    [
        ("", {}, "needs the company"),
        ("Acme", {"stage": "hired"}, "stage"),
        ("Acme", {"date": "next tuesday"}, "date"),
        ("Acme", {"colour": "red"}, "unknown field"),
        ("Acme", {"interviewers": 42}, "must be a list"),
        ("Acme", {"notes": "nul \x00 here"}, "NUL"),
        ("A" * 300, {}, "company"),
    ],
)
def test_a_malformed_interview_is_refused_in_one_line(
    bank: StoryBank, company: str, fields: dict, needle: str
) -> None:
    with pytest.raises(InputError) as info:
        bank.add_interview(company, **fields)
    assert needle in str(info.value) and "\n" not in str(info.value)
    assert bank.interviews() == []


def test_unknown_interview_and_frozen_fields(bank: StoryBank) -> None:
    with pytest.raises(BankError, match="no interview"):
        bank.get_interview("nope")
    made = bank.add_interview("Acme")
    with pytest.raises(InputError, match="cannot be changed"):
        bank.update_interview(made.id, id="other")


def test_interviews_are_exported_and_imported_with_the_bank(bank: StoryBank, tmp_path) -> None:
    sid = bank.add("Checkout latency", STORY)
    made = bank.add_interview("Acme", interviewers=["Priya"], story_ids=[sid], email="Hi Priya")
    exported = bank.export_json()
    data = json.loads(exported)
    assert data["version"] == 3 and [i["id"] for i in data["interviews"]] == [made.id]
    with StoryBank(str(tmp_path / "other.db")) as other:
        first = other.import_json(exported)
        assert (first.added, first.interviews_added) == (1, 1)
        assert other.interviews() == bank.interviews()
        again = other.import_json(exported)  # idempotent
        assert (again.interviews_added, again.interviews_updated) == (0, 0)
        # a later edit travels; an older copy does not roll it back
        bank.update_interview(made.id, stage="offer")
        newer = bank.export_json()
        assert other.import_json(newer).interviews_updated == 1
        assert other.get_interview(made.id).stage == "offer"
        assert other.import_json(exported).interviews_updated == 0
        assert other.get_interview(made.id).stage == "offer"


def test_a_version_2_export_without_interviews_still_imports(bank: StoryBank, tmp_path) -> None:
    bank.add("Checkout latency", STORY)
    data = json.loads(bank.export_json())
    data["version"] = 2
    del data["interviews"]
    with StoryBank(str(tmp_path / "other.db")) as other:
        assert other.import_json(json.dumps(data)).added == 1
        assert other.interviews() == []


def test_an_export_with_a_repeated_or_bad_interview_is_refused(bank: StoryBank) -> None:
    bank.add_interview("Acme")
    data = json.loads(bank.export_json())
    twice = {**data, "interviews": data["interviews"] * 2}
    with pytest.raises(BankError, match="twice"):
        parse_export(json.dumps(twice))
    bad = {**data, "interviews": [{**data["interviews"][0], "stage": "hired"}]}
    with pytest.raises(BankError, match=r"interviews\.0\.stage"):
        parse_export(json.dumps(bad))
    for field, value, needle in (
        ("notes", "a NUL \x00 here", "NUL"),
        ("company", "  Acme  ", "untrimmed"),
        ("interviewers", ["Sam", "Sam"], "repeated"),
        ("id", "bad\x00id", "NUL"),
    ):
        bad = {**data, "interviews": [{**data["interviews"][0], field: value}]}
        with pytest.raises(BankError, match=needle) as info:
            parse_export(json.dumps(bad))
        assert "\n" not in str(info.value) and "\x00" not in str(info.value)


def _make_v3_bank(path: Path) -> None:
    """A bank as starkit wrote it at schema v3: one story with a revision and one attempt."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrations.create_v1(conn)
        migrations.MIGRATIONS[1](conn)
        migrations.MIGRATIONS[2](conn)
        conn.execute(text("UPDATE starkit_meta SET value = '3' WHERE key = 'schema_version'"))
        conn.execute(
            text(
                "INSERT INTO starkit_stories (id, title, tags, text, created_at, updated_at, "
                "revision) VALUES (:id, 'Checkout latency', '[\"execution\"]', :t, :c, :c, 1)"
            ),
            {"id": SID, "t": STORY, "c": T0},
        )
        conn.execute(
            text(
                "INSERT INTO starkit_revisions (story_id, number, text, created_at, title, tags, "
                "note) VALUES (:id, 1, :t, :c, 'Checkout latency', '[\"execution\"]', 'created')"
            ),
            {"id": SID, "t": STORY, "c": T0},
        )
        conn.execute(
            text(
                "INSERT INTO starkit_attempts (id, question, kind, text, score, findings, "
                "created_at) VALUES ('att-1', 'Q?', 'answer', 'an answer', 60, '[]', :c)"
            ),
            {"c": T0},
        )
    engine.dispose()


def test_a_v3_bank_upgrades_to_v4_with_its_data_kept(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    _make_v3_bank(path)
    with StoryBank(str(path)) as bank:
        story = bank.get(SID)
        assert (story.title, story.text, story.tags, story.revision) == (
            "Checkout latency",
            STORY,
            ("execution",),
            1,
        )
        assert [(a.id, a.text, a.score) for a in bank.attempts()] == [("att-1", "an answer", 60)]
        assert bank.interviews() == []
        made = bank.add_interview("Acme", story_ids=[SID])
        assert bank.interviews(story_id=SID) == [made]
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert "starkit_interviews" in inspect(conn).get_table_names()
        version = conn.execute(
            text("SELECT value FROM starkit_meta WHERE key = 'schema_version'")
        ).scalar_one()
    engine.dispose()
    assert version == str(SCHEMA_VERSION) == "4"


def test_migrated_and_fresh_interview_tables_match(tmp_path: Path) -> None:
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    _make_v3_bank(old)
    StoryBank(str(old)).close()
    StoryBank(str(new)).close()

    def columns(p: Path) -> list[tuple[str, str, bool]]:
        engine = create_engine(f"sqlite:///{p}")
        cols = inspect(engine).get_columns("starkit_interviews")
        engine.dispose()
        return [(c["name"], str(c["type"]), c["nullable"]) for c in cols]

    assert columns(old) == columns(new)
    assert [c[0] for c in columns(new)] == [c.name for c in interviews.c]


def test_a_failed_v4_step_leaves_the_v3_bank_as_it_was(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "v3.db"
    _make_v3_bank(path)

    def crash(conn) -> None:
        conn.exec_driver_sql("CREATE TABLE starkit_interviews (id TEXT)")
        raise RuntimeError("power cut")

    monkeypatch.setitem(migrations.MIGRATIONS, 3, crash)
    with pytest.raises(RuntimeError):
        StoryBank(str(path))
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert "starkit_interviews" not in inspect(conn).get_table_names()
        assert conn.execute(text("SELECT value FROM starkit_meta")).scalar_one() == "3"
    engine.dispose()


def test_the_record_label_names_company_role_round_and_date() -> None:
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    iv = Interview(
        id="x", company="Acme", role="PM", round="Screen", date=date(2026, 1, 2),
        created_at=now, updated_at=now,
    )  # fmt: skip
    assert iv.label == "Acme · PM · Screen · 2026-01-02"


def test_the_bank_cli_imports_interviews_and_says_so(tmp_path: Path, capsys) -> None:
    from starkit.cli import main

    src, dst, dump = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "bank.json"
    with StoryBank(str(src)) as bank:
        bank.add_interview("Acme", stage="screen")
        dump.write_text(bank.export_json(), encoding="utf-8")
    assert main(["bank", "--db", str(dst), "import", str(dump)]) == 0
    out = capsys.readouterr().out.strip()
    assert out == "imported: 0 added, 0 updated, 0 already there; interviews: 1 added, 0 updated"
    with StoryBank(str(dst)) as bank:
        assert [(i.company, i.stage) for i in bank.interviews()] == [("Acme", "screen")]
