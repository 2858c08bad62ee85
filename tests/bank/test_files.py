"""Opening SQLite files: a corrupt or foreign file is refused with one line and left
byte-for-byte unchanged; new and empty files become banks; WAL mode is on."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from starkit.bank import StoryBank
from starkit.errors import BankError


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def _refused_untouched(path: Path, match: str) -> None:
    before = _bytes(path)
    siblings = set(path.parent.iterdir())
    with pytest.raises(BankError, match=match) as info:
        StoryBank(path)
    assert "\n" not in str(info.value)
    assert _bytes(path) == before
    # no journal or WAL files were left behind either
    assert set(path.parent.iterdir()) == siblings


def test_random_bytes_are_refused_untouched(tmp_path):
    path = tmp_path / "stories.db"
    path.write_bytes(os.urandom(8192))
    _refused_untouched(path, "not an SQLite database")


def test_text_file_is_refused_untouched(tmp_path):
    path = tmp_path / "stories.db"
    path.write_text("Situation: I typed my story into the wrong file\n")
    _refused_untouched(path, "not a story bank")


def _real_bank(path: Path, stories: int = 200) -> None:
    with StoryBank(path) as bank:
        for i in range(stories):
            bank.add(f"Story {i}", f"Result: cut costs {i}% " * 40, ["leadership"])


def test_truncated_bank_is_refused_untouched(tmp_path):
    path = tmp_path / "stories.db"
    _real_bank(path)
    data = _bytes(path)
    assert len(data) > 40_000
    path.write_bytes(data[: len(data) // 3])
    _refused_untouched(path, "damaged")


def test_bank_with_a_smashed_page_is_refused_untouched(tmp_path):
    path = tmp_path / "stories.db"
    _real_bank(path)
    data = bytearray(_bytes(path))
    page = 4096
    data[3 * page : 5 * page] = os.urandom(2 * page)
    path.write_bytes(bytes(data))
    _refused_untouched(path, "damaged")


def test_sqlite_database_of_another_program_is_refused_untouched(tmp_path):
    path = tmp_path / "places.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.close()
    _refused_untouched(path, "another program .*moz_places")


def test_bank_tables_without_a_version_record_are_refused_untouched(tmp_path):
    path = tmp_path / "stories.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE starkit_stories (id TEXT PRIMARY KEY)")
    conn.close()
    _refused_untouched(path, "no schema version")


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(BankError, match="is a directory"):
        StoryBank(tmp_path)


def test_a_missing_folder_is_refused_not_created(tmp_path):
    path = tmp_path / "typo" / "stories.db"
    with pytest.raises(BankError, match="does not exist"):
        StoryBank(path)
    assert not (tmp_path / "typo").exists()


def test_create_false_refuses_a_missing_bank_without_making_a_file(tmp_path):
    path = tmp_path / "stories.db"
    with pytest.raises(BankError, match="no story bank"):
        StoryBank(path, create=False)
    assert not path.exists()


@pytest.mark.parametrize("make", ["zero-bytes", "empty-sqlite"])
def test_an_empty_file_becomes_a_bank(tmp_path, make):
    path = tmp_path / "stories.db"
    if make == "zero-bytes":
        path.touch()
    else:
        sqlite3.connect(path).close()
    with StoryBank(path) as bank:
        story_id = bank.add("T", "text")
    with StoryBank(path, create=False) as bank:
        assert bank.get(story_id).text == "text"


def test_new_bank_uses_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "stories.db"
    with StoryBank(path) as bank:
        bank.add("T", "text")
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        # the revisions table really references stories (enforced when foreign keys are on)
        fks = conn.execute("PRAGMA foreign_key_list(starkit_revisions)").fetchall()
        assert [(fk[2], fk[3], fk[4]) for fk in fks] == [("starkit_stories", "story_id", "id")]
    finally:
        conn.close()


def test_foreign_keys_are_enforced_on_bank_connections(tmp_path):
    from sqlalchemy import text

    path = tmp_path / "stories.db"
    with StoryBank(path) as bank:
        with pytest.raises(BankError, match="FOREIGN KEY"), bank._write() as conn:
            conn.execute(
                text(
                    "INSERT INTO starkit_revisions (story_id, number, text, created_at, note) "
                    "VALUES ('ghost', 1, 'x', '2025-01-01T00:00:00+00:00', '')"
                )
            )
        assert bank.snapshot().stories == []


@pytest.mark.postgres
def test_postgres_database_of_another_program_is_refused(pg_url):
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total NUMERIC)"))
        conn.execute(text("INSERT INTO invoices VALUES (1, 9.5)"))
    try:
        with pytest.raises(BankError, match=r"other tables \(invoices\)"):
            StoryBank(pg_url)
        with engine.connect() as conn:
            names = set(conn.execute(text("SELECT tablename FROM pg_tables")).scalars())
            assert "invoices" in names and "starkit_meta" not in names
            assert conn.execute(text("SELECT total FROM invoices")).scalar_one() == 9.5
    finally:
        engine.dispose()
