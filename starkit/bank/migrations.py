"""The versioned schema: the first schema (v1) and each step forward, run on open.

A bank records its version in `starkit_meta` (`schema_version`). Opening a bank runs, in one
transaction, every step from its version to `SCHEMA_VERSION`; a crash mid-way leaves the old
version intact. A new bank is created the same way, from v1, so fresh and migrated banks match.
A bank written by a newer starkit is refused (never downgraded).

Steps use only plain SQL that SQLite and PostgreSQL both accept (`ALTER TABLE ... ADD COLUMN`,
correlated `UPDATE`), so the same migrations serve both.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, text

from starkit.bank.schema import (
    ATTEMPTS_TABLE,
    INTERVIEWS_TABLE,
    META_TABLE,
    REVISIONS_TABLE,
    SCHEMA_VERSION,
    STORIES_TABLE,
)
from starkit.errors import BankError

V1_DDL: tuple[str, ...] = (
    f"CREATE TABLE {META_TABLE} (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)",
    f"""CREATE TABLE {STORIES_TABLE} (
        id VARCHAR(36) PRIMARY KEY,
        title TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL,
        created_at VARCHAR(40) NOT NULL,
        updated_at VARCHAR(40) NOT NULL
    )""",
    f"""CREATE TABLE {REVISIONS_TABLE} (
        story_id VARCHAR(36) NOT NULL REFERENCES {STORIES_TABLE}(id),
        number INTEGER NOT NULL,
        text TEXT NOT NULL,
        created_at VARCHAR(40) NOT NULL,
        PRIMARY KEY (story_id, number)
    )""",
    f"INSERT INTO {META_TABLE} (key, value) VALUES ('schema_version', '1')",
)
"""The first schema: stories with their current text, and revisions that kept only the text."""


def _v1_to_v2(conn: Connection) -> None:
    """Revisions keep the title and tags they were saved with, and a note saying why; stories
    carry their latest revision number and a soft-delete time.

    Old revisions never recorded a title or tags, so they take the story's current ones (the
    best record there is).
    """
    for ddl in (
        f"ALTER TABLE {REVISIONS_TABLE} ADD COLUMN title TEXT",
        f"ALTER TABLE {REVISIONS_TABLE} ADD COLUMN tags TEXT",
        f"ALTER TABLE {REVISIONS_TABLE} ADD COLUMN note TEXT NOT NULL DEFAULT ''",
        f"ALTER TABLE {STORIES_TABLE} ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
        f"ALTER TABLE {STORIES_TABLE} ADD COLUMN deleted_at VARCHAR(40)",
    ):
        conn.exec_driver_sql(ddl)
    s, r = STORIES_TABLE, REVISIONS_TABLE
    conn.exec_driver_sql(
        f"UPDATE {r} SET "
        f"title = (SELECT {s}.title FROM {s} WHERE {s}.id = {r}.story_id), "
        f"tags = (SELECT {s}.tags FROM {s} WHERE {s}.id = {r}.story_id), "
        f"note = CASE WHEN number = 1 THEN 'created' ELSE 'edited' END"
    )
    conn.exec_driver_sql(
        f"UPDATE {s} SET revision = "
        f"(SELECT COALESCE(MAX(number), 0) FROM {r} WHERE {r}.story_id = {s}.id)"
    )
    # A v1 story with no revision row (v1 did not enforce one) gets its current text as rev 1.
    conn.exec_driver_sql(
        f"INSERT INTO {r} (story_id, number, text, created_at, title, tags, note) "
        f"SELECT id, 1, text, created_at, title, tags, 'created' FROM {s} WHERE revision = 0"
    )
    conn.exec_driver_sql(f"UPDATE {s} SET revision = 1 WHERE revision = 0")
    conn.exec_driver_sql(f"CREATE INDEX ix_{s}_updated ON {s} (updated_at)")


def _v2_to_v3(conn: Connection) -> None:
    """Practice attempts: each typed or recorded answer to a question, with its score and
    findings, kept in the same database as the stories (and exported with them).

    `kind` is `answer` (a metrics question) or `story` (a behavioural one); `question_type` is
    the metrics question's type or '' ; `text` is the typed answer, `audio_seconds` the length
    of a recording (no audio is stored); `findings` is a JSON list of {rule, severity}.
    """
    a = ATTEMPTS_TABLE
    conn.exec_driver_sql(
        f"""CREATE TABLE {a} (
        id VARCHAR(36) PRIMARY KEY,
        question TEXT NOT NULL,
        kind VARCHAR(16) NOT NULL,
        question_type VARCHAR(32) NOT NULL DEFAULT '',
        competency VARCHAR(64) NOT NULL DEFAULT '',
        text TEXT,
        audio_seconds FLOAT,
        score INTEGER,
        findings TEXT NOT NULL DEFAULT '[]',
        created_at VARCHAR(40) NOT NULL
    )"""
    )
    conn.exec_driver_sql(f"CREATE INDEX ix_{a}_created ON {a} (created_at)")


def _v3_to_v4(conn: Connection) -> None:
    """The interview log: one row per interview (company, role, date, round, who interviewed,
    the questions asked, the ids of the stories told, a topic and notes, the stage), with the
    candidate's debrief (`self_review`, a JSON object of answers; `followups`, a JSON list) and
    the thank-you email drafted for it (`email`, NULL until drafted).

    `interviewers`, `questions` and `story_ids` are JSON lists. Story ids are not a foreign key:
    a purged story leaves its id in the log, shown as a story no longer in the bank.
    """
    i = INTERVIEWS_TABLE
    conn.exec_driver_sql(
        f"""CREATE TABLE {i} (
        id VARCHAR(36) PRIMARY KEY,
        company TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        date VARCHAR(10),
        round TEXT NOT NULL DEFAULT '',
        interviewers TEXT NOT NULL DEFAULT '[]',
        questions TEXT NOT NULL DEFAULT '[]',
        story_ids TEXT NOT NULL DEFAULT '[]',
        topic TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        stage VARCHAR(16) NOT NULL DEFAULT 'applied',
        self_review TEXT NOT NULL DEFAULT '{{}}',
        followups TEXT NOT NULL DEFAULT '[]',
        email TEXT,
        created_at VARCHAR(40) NOT NULL,
        updated_at VARCHAR(40) NOT NULL
    )"""
    )
    conn.exec_driver_sql(f"CREATE INDEX ix_{i}_company ON {i} (company)")


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}
"""`MIGRATIONS[n]` upgrades a version-n bank to version n + 1."""


def read_version(conn: Connection) -> int:
    """The schema version recorded in the bank (BankError if the record is unreadable)."""
    raw = conn.execute(
        text(f"SELECT value FROM {META_TABLE} WHERE key = 'schema_version'")
    ).scalar_one_or_none()
    try:
        return int(raw) if raw is not None else -1
    except ValueError:
        return -1


def create_v1(conn: Connection) -> None:
    """Create the first schema in an empty database (inside the caller's transaction)."""
    for ddl in V1_DDL:
        conn.exec_driver_sql(ddl)


def check_version(found: int, *, where: str) -> None:
    """Refuse a bank this code must not write: no readable version, or a newer one."""
    if found < 1:
        raise BankError(f"{where}: the bank's schema version record is missing or unreadable")
    if found > SCHEMA_VERSION:
        raise BankError(
            f"{where}: the bank has schema version {found}, newer than this starkit "
            f"understands ({SCHEMA_VERSION}); upgrade starkit to open it"
        )


def upgrade(conn: Connection, *, where: str) -> tuple[int, int]:
    """Migrate the bank to SCHEMA_VERSION inside the caller's write transaction.

    Returns (version found, version now). Refuses a bank newer than this code, or one whose
    version record is missing or garbled, without changing anything.
    """
    found = read_version(conn)
    check_version(found, where=where)
    version = found
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](conn)
        version += 1
    if version != found:
        conn.execute(
            text(f"UPDATE {META_TABLE} SET value = :v WHERE key = 'schema_version'"),
            {"v": str(version)},
        )
    return found, version
