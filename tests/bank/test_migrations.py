"""Schema versions: a bank written by the first schema (v1, built here with its own SQL) is
migrated forward on open, in one transaction, with nothing lost; newer banks are refused."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import create_engine, inspect, text

from starkit.bank import SCHEMA_VERSION, StoryBank, migrations
from starkit.errors import BankError

# The first schema exactly as starkit 0.1's first bank wrote it: revisions kept only the text.
V1_SCHEMA = [
    "CREATE TABLE starkit_meta (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE starkit_stories (
        id VARCHAR(36) PRIMARY KEY,
        title TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL,
        created_at VARCHAR(40) NOT NULL,
        updated_at VARCHAR(40) NOT NULL
    )""",
    """CREATE TABLE starkit_revisions (
        story_id VARCHAR(36) NOT NULL REFERENCES starkit_stories(id),
        number INTEGER NOT NULL,
        text TEXT NOT NULL,
        created_at VARCHAR(40) NOT NULL,
        PRIMARY KEY (story_id, number)
    )""",
    "INSERT INTO starkit_meta (key, value) VALUES ('schema_version', '1')",
]

A, B = "11111111-aaaa-4aaa-8aaa-111111111111", "22222222-bbbb-4bbb-8bbb-222222222222"
T0, T1, T2 = (
    "2024-05-01T09:00:00.000000+00:00",
    "2024-05-02T10:30:00.250000+00:00",
    "2024-06-01T08:00:00.000000+00:00",
)


def _at(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def _url(bank_url: str) -> str:
    return bank_url if "://" in bank_url else f"sqlite:///{bank_url}"


def make_v1_bank(bank_url: str, *, version: str = "1") -> None:
    """A v1 bank: story A with two revisions, story B whose revision row is missing."""
    engine = create_engine(_url(bank_url))
    with engine.begin() as conn:
        for ddl in V1_SCHEMA:
            conn.exec_driver_sql(ddl)
        conn.execute(
            text("UPDATE starkit_meta SET value = :v WHERE key = 'schema_version'"),
            {"v": version},
        )
        conn.execute(
            text(
                "INSERT INTO starkit_stories (id, title, tags, text, created_at, updated_at) "
                "VALUES (:id, :title, :tags, :text, :c, :u)"
            ),
            [
                {"id": A, "title": "Checkout", "tags": json.dumps(["execution"]),
                 "text": "second draft", "c": T0, "u": T1},
                {"id": B, "title": "Hiring", "tags": "[]", "text": "only draft",
                 "c": T2, "u": T2},
            ],
        )  # fmt: skip
        conn.execute(
            text(
                "INSERT INTO starkit_revisions (story_id, number, text, created_at) "
                "VALUES (:s, :n, :t, :c)"
            ),
            [
                {"s": A, "n": 1, "t": "first draft", "c": T0},
                {"s": A, "n": 2, "t": "second draft", "c": T1},
            ],
        )
    engine.dispose()


def _version(bank_url: str) -> str:
    engine = create_engine(_url(bank_url))
    with engine.connect() as conn:
        v = conn.execute(
            text("SELECT value FROM starkit_meta WHERE key = 'schema_version'")
        ).scalar_one()
    engine.dispose()
    return v


def _columns(bank_url: str) -> dict[str, set[str]]:
    engine = create_engine(_url(bank_url))
    insp = inspect(engine)
    cols = {
        t: {c["name"] for c in insp.get_columns(t)}
        for t in ("starkit_meta", "starkit_stories", "starkit_revisions")
    }
    engine.dispose()
    return cols


def test_first_schema_in_the_code_is_frozen():
    """Changing the v1 statements would make new banks differ from v1 banks in the wild."""
    norm = lambda s: " ".join(s.split())  # noqa: E731
    assert [norm(s) for s in migrations.V1_DDL] == [norm(s) for s in V1_SCHEMA]


def test_v1_bank_is_migrated_forward_with_nothing_lost(bank_url):
    make_v1_bank(bank_url)
    with StoryBank(bank_url) as bank:
        assert _version(bank_url) == str(SCHEMA_VERSION)
        a = bank.get(A)
        assert (a.title, a.text, a.tags, a.revision) == (
            "Checkout",
            "second draft",
            ("execution",),
            2,
        )
        assert (a.created_at, a.updated_at) == (_at(T0), _at(T1))
        assert [(r.number, r.text, r.title, r.tags, r.note) for r in bank.history(A)] == [
            (1, "first draft", "Checkout", ("execution",), "created"),
            (2, "second draft", "Checkout", ("execution",), "edited"),
        ]
        assert [r.created_at for r in bank.history(A)] == [_at(T0), _at(T1)]
        # v1 did not force a revision row; the migration makes the current text revision 1
        b = bank.get(B)
        assert b.revision == 1
        assert [(r.number, r.text, r.note) for r in bank.history(B)] == [
            (1, "only draft", "created")
        ]
        # the migrated bank works like a new one
        assert bank.update(A, "third draft").number == 3
        assert bank.restore(A, 1).text == "first draft"
        bank.delete(B)
        assert [s.id for s in bank.list()] == [A]


def test_migrated_and_fresh_banks_have_the_same_tables(tmp_path):
    old, new = str(tmp_path / "old.db"), str(tmp_path / "new.db")
    make_v1_bank(old)
    StoryBank(old).close()
    StoryBank(new).close()
    assert _columns(old) == _columns(new)
    assert "deleted_at" in _columns(new)["starkit_stories"]


def test_reopening_a_migrated_bank_changes_nothing(tmp_path):
    path = str(tmp_path / "old.db")
    make_v1_bank(path)
    with StoryBank(path) as bank:
        first = bank.export_json()
    with StoryBank(path) as bank:
        again = bank.export_json()
    strip = lambda s: json.loads(s)["stories"]  # noqa: E731
    assert strip(first) == strip(again)


def test_a_failed_migration_leaves_the_v1_bank_as_it_was(bank_url, monkeypatch):
    make_v1_bank(bank_url)
    real = migrations.MIGRATIONS[1]

    def half_then_crash(conn):
        real(conn)
        raise RuntimeError("power cut mid-migration")

    monkeypatch.setitem(migrations.MIGRATIONS, 1, half_then_crash)
    with pytest.raises(RuntimeError):
        StoryBank(bank_url)
    assert _version(bank_url) == "1"
    assert "note" not in _columns(bank_url)["starkit_revisions"]
    monkeypatch.setitem(migrations.MIGRATIONS, 1, real)
    with StoryBank(bank_url) as bank:
        assert [r.text for r in bank.history(A)] == ["first draft", "second draft"]


def test_a_newer_bank_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "future.db"
    make_v1_bank(str(path), version="99")
    before = path.read_bytes()
    with pytest.raises(BankError, match="schema version 99, newer than this starkit"):
        StoryBank(path)
    assert path.read_bytes() == before


def test_a_garbled_version_record_is_refused(tmp_path):
    path = tmp_path / "odd.db"
    make_v1_bank(str(path), version="one")
    before = path.read_bytes()
    with pytest.raises(BankError, match="missing or unreadable"):
        StoryBank(path)
    assert path.read_bytes() == before
