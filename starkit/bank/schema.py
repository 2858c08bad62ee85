"""The current shape of the bank's tables, as SQLAlchemy Core objects used by every query.

Tables are never created from this metadata: a new bank is made by running the first schema
and then every migration (`starkit.bank.migrations`), so a fresh bank and an upgraded old bank
are built by the same statements and cannot drift apart.

Timestamps are stored as ISO-8601 UTC text (`2025-03-01T09:30:00.123456+00:00`), which sorts
correctly as text and reads back identically on SQLite and PostgreSQL; tags are a JSON list.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Integer, MetaData, String, Table, Text

SCHEMA_VERSION = 4
"""The schema this code reads and writes; older banks are migrated forward on open."""

META_TABLE = "starkit_meta"
STORIES_TABLE = "starkit_stories"
REVISIONS_TABLE = "starkit_revisions"
ATTEMPTS_TABLE = "starkit_attempts"
INTERVIEWS_TABLE = "starkit_interviews"
BANK_TABLES = frozenset(
    {META_TABLE, STORIES_TABLE, REVISIONS_TABLE, ATTEMPTS_TABLE, INTERVIEWS_TABLE}
)

metadata = MetaData()

meta = Table(
    META_TABLE,
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

stories = Table(
    STORIES_TABLE,
    metadata,
    Column("id", String(36), primary_key=True),
    Column("title", Text, nullable=False),
    Column("tags", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    # v2
    Column("revision", Integer, nullable=False),
    Column("deleted_at", String(40), nullable=True),
)

revisions = Table(
    REVISIONS_TABLE,
    metadata,
    Column("story_id", String(36), ForeignKey(f"{STORIES_TABLE}.id"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
    # v2
    Column("title", Text, nullable=True),
    Column("tags", Text, nullable=True),
    Column("note", Text, nullable=False),
)

# v3: practice attempts (typed or recorded answers to a question), kept beside the stories.
attempts = Table(
    ATTEMPTS_TABLE,
    metadata,
    Column("id", String(36), primary_key=True),
    Column("question", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("question_type", String(32), nullable=False),
    Column("competency", String(64), nullable=False),
    Column("text", Text, nullable=True),
    Column("audio_seconds", Float, nullable=True),
    Column("score", Integer, nullable=True),
    Column("findings", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
)

# v4: the interview log (who asked what, which stories were told), its debrief and draft email.
interviews = Table(
    INTERVIEWS_TABLE,
    metadata,
    Column("id", String(36), primary_key=True),
    Column("company", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("date", String(10), nullable=True),
    Column("round", Text, nullable=False),
    Column("interviewers", Text, nullable=False),
    Column("questions", Text, nullable=False),
    Column("story_ids", Text, nullable=False),
    Column("topic", Text, nullable=False),
    Column("notes", Text, nullable=False),
    Column("stage", String(16), nullable=False),
    Column("self_review", Text, nullable=False),
    Column("followups", Text, nullable=False),
    Column("email", Text, nullable=True),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
)
