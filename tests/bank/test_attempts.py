"""Practice attempts (schema v3): saved, listed, exported with the bank, imported, kept across
reopening, and added to an older bank by the v2 -> v3 migration."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, inspect, text

from starkit.bank import SCHEMA_VERSION, StoryBank
from starkit.bank.export import parse_export
from starkit.bank.records import EXPORT_VERSION
from starkit.errors import BankError, InputError

FINDINGS = [
    {"rule": "answer-no-guardrail", "severity": "warning", "message": "no guardrail"},
    {"rule": "answer-length", "severity": "info", "message": "short"},
]


def _save_two(bank: StoryBank) -> None:
    bank.add_attempt(
        "How would you measure the success of Stories?",
        "answer",
        text="Stories exist to let people share casual moments...",
        score=62,
        findings=FINDINGS,
        question_type="success",
    )
    bank.add_attempt(
        "Tell me about a time you failed.",
        "story",
        audio_seconds=95.4,
        findings=[{"rule": "answer-length", "severity": "info", "message": "short"}],
        competency="failure",
    )


def test_attempts_saved_listed_and_survive_reopen(bank_url: str) -> None:
    with StoryBank(bank_url) as bank:
        _save_two(bank)
        listed = bank.attempts()
        assert [a.kind for a in listed] == ["answer", "story"]
        assert listed[0].codes() == ["answer-no-guardrail", "answer-length"]
    with StoryBank(bank_url, create=False) as bank:
        again = bank.attempts()
        assert again == listed
        assert again[1].audio_seconds == pytest.approx(95.4)
        assert again[1].text is None and again[1].score is None
        assert again[0].question_type == "success" and again[1].competency == "failure"
        assert [a.kind for a in bank.attempts(kind="story")] == ["story"]
        assert [a.kind for a in bank.attempts(limit=1)] == ["story"]


def test_attempts_exported_and_imported(bank_url: str, tmp_path) -> None:
    with StoryBank(bank_url) as bank:
        bank.add("Checkout", "Situation: x. Task: y. Action: I did z. Result: 10% more.")
        _save_two(bank)
        exported = bank.export_json()
    data = json.loads(exported)
    assert data["version"] == EXPORT_VERSION and len(data["attempts"]) == 2
    with StoryBank(str(tmp_path / "other.db")) as other:
        result = other.import_json(exported)
        assert result.added == 1 and result.attempts_added == 2
        assert other.attempts() == parse_export(exported).attempts
        again = other.import_json(exported)  # idempotent
        assert again.attempts_added == 0 and len(other.attempts()) == 2


def test_version_1_export_still_imports(tmp_path) -> None:
    old = {"format": "starkit-bank", "version": 1, "exported_at": "2024-01-01T00:00:00+00:00",
           "stories": []}  # fmt: skip
    with StoryBank(str(tmp_path / "b.db")) as bank:
        assert bank.import_json(json.dumps(old)).attempts_added == 0


def test_conflicting_attempt_import_refused(tmp_path) -> None:
    with StoryBank(str(tmp_path / "a.db")) as bank:
        _save_two(bank)
        data = json.loads(bank.export_json())
    data["attempts"][0]["score"] = 99
    with StoryBank(str(tmp_path / "a.db")) as bank, pytest.raises(BankError, match="differs"):
        bank.import_json(json.dumps(data))
    data["attempts"].append(dict(data["attempts"][0]))
    with pytest.raises(BankError, match="twice"):
        parse_export(json.dumps(data))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": "typed", "audio_seconds": 3.0},
        {},
        {"text": "bad\x00text"},
        {"audio_seconds": -1.0},
    ],
)
def test_bad_attempts_refused_in_one_line(tmp_path, kwargs) -> None:
    with StoryBank(str(tmp_path / "a.db")) as bank, pytest.raises(InputError) as info:
        bank.add_attempt("Q?", "answer", **kwargs)
    assert "\n" not in str(info.value)


def test_v2_bank_gains_attempts_table(tmp_path) -> None:
    """A bank at v2 (stories only) opens, is migrated to v3 and keeps its stories."""
    path = tmp_path / "v2.db"
    with StoryBank(str(path)) as bank:
        sid = bank.add("Kept", "Situation: a. Task: b. Action: I c. Result: 5% up.")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # roll the file back to v2 as starkit 0.2 wrote it
        conn.exec_driver_sql("DROP TABLE starkit_attempts")
        conn.exec_driver_sql("DROP TABLE starkit_interviews")  # v4
        conn.execute(text("UPDATE starkit_meta SET value = '2' WHERE key = 'schema_version'"))
    engine.dispose()
    with StoryBank(str(path)) as bank:
        assert bank.get(sid).title == "Kept"
        assert bank.attempts() == []
        bank.add_attempt("Q?", "answer", text="an answer", score=50)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert "starkit_attempts" in inspect(conn).get_table_names()
        version = conn.execute(
            text("SELECT value FROM starkit_meta WHERE key = 'schema_version'")
        ).scalar_one()
    engine.dispose()
    assert version == str(SCHEMA_VERSION)
