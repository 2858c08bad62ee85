"""`StoryBank`: stories with full revision history in SQLite (default) or any SQLAlchemy URL.

Guarantees, and how they are kept:

- **Every save is one transaction.** On SQLite a write starts with `BEGIN IMMEDIATE`, so
  concurrent writers queue on the lock (for up to `BUSY_TIMEOUT_S`) instead of failing half-way;
  WAL mode lets readers carry on meanwhile; `synchronous=FULL` makes a committed save survive a
  crash. On PostgreSQL the story row is locked (`SELECT ... FOR UPDATE`) before a new revision
  number is taken.
- **An edit never destroys text.** Each change appends revision n + 1 (text, title, tags, time,
  note); `restore` appends a copy of an old revision; `delete` is a soft delete (the story is
  hidden, its history kept, `restore` brings it back). Only `delete(id, purge=True)` removes a
  story and its revisions, for a user who wants it gone.
- **Ids are UUID strings**, made without asking the database, so concurrent processes and
  separate banks (a laptop, a coach's server) never collide, and an exported story keeps its id
  when imported anywhere else: the round trip is lossless and re-importing is idempotent.
- **A bad file is never touched**: see `starkit.bank.probe`.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from starkit.bank import migrations
from starkit.bank.location import Location, resolve
from starkit.bank.probe import FileState, probe
from starkit.bank.records import (
    Attempt,
    AttemptFinding,
    AttemptKind,
    BankExport,
    ExportedStory,
    ImportResult,
    Interview,
    Revision,
    StoredStory,
    normalise_tags,
    normalise_title,
    utc_now,
)
from starkit.bank.schema import (
    META_TABLE,
    SCHEMA_VERSION,
    attempts,
    interviews,
    revisions,
    stories,
)
from starkit.errors import BankError, InputError
from starkit.textio import check_text

BUSY_TIMEOUT_S = 30
"""How long a writer waits for another process's save before giving up with a BankError."""

_PG_INIT_LOCK = 0x5354_4B42  # "STKB": serialises bank creation and migration on PostgreSQL
_MIN_PREFIX = 4


def _ts(dt: datetime) -> str:
    """A timestamp as stored: ISO-8601 in UTC to the microsecond (sorts as text)."""
    return dt.astimezone(UTC).isoformat(timespec="microseconds")


def _dt(raw: str | None) -> datetime | None:
    return None if raw is None else datetime.fromisoformat(raw)


def _clean_text(text: object) -> str:
    """Story text is kept verbatim (lint offsets must stay valid) but must be storable."""
    check_text(text)
    assert isinstance(text, str)
    _storable(text, "the story text")
    return text


def _storable(value: str, what: str) -> None:
    """Refuse what a database cannot store identically (NUL, unpaired surrogates)."""
    if "\x00" in value:
        raise InputError(f"{what} contains a NUL character, which cannot be stored")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{what} contains invalid Unicode (an unpaired surrogate)") from None


def _title(title: object) -> str:
    clean = normalise_title(title)  # type: ignore[arg-type]
    _storable(clean, "the title")
    return clean


def _tags(tags: object) -> tuple[str, ...]:
    clean = normalise_tags(tags)
    for tag in clean:
        _storable(tag, "a tag")
    return clean


def _one_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    first = str(orig).strip().splitlines()
    return first[0] if first else type(orig).__name__


class StoryBank:
    """A candidate's stories, each with every revision it ever had.

    `StoryBank()` opens the bank at `STARKIT_DB` or in the user's data directory;
    `StoryBank("stories.db")` a file; `StoryBank("postgresql://coach@db.example/bank")` a shared
    server. Use it as a context manager, or call `close()`, to release connections.
    """

    def __init__(
        self, path_or_url: str | os.PathLike[str] | None = None, *, create: bool = True
    ) -> None:
        self.location: Location = resolve(path_or_url)
        self._engine: Engine | None = None
        state = FileState.BANK
        if self.location.sqlite_path is not None:
            if self.location.is_default and not self.location.sqlite_path.parent.exists():
                self.location.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
            state, version = probe(self.location.sqlite_path)
            if state is not FileState.BANK and not create:
                raise BankError(self._no_bank())
            if version is not None:  # refuse before a connection sets WAL mode on the file
                migrations.check_version(version, where=self.location.display)
        self._engine = self._make_engine()
        try:
            self._prepare(create)
        except BaseException:
            self.close()
            raise

    # ----------------------------------------------------------------- connection plumbing

    def _make_engine(self) -> Engine:
        url = self.location.url
        try:
            if self.location.is_sqlite:
                in_memory = self.location.sqlite_path is None
                engine = create_engine(
                    url,
                    connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
                    **({"poolclass": StaticPool} if in_memory else {}),
                )
                event.listen(engine, "connect", _sqlite_connect)
                event.listen(engine, "begin", _sqlite_begin)
                return engine
            return create_engine(url, pool_pre_ping=True)
        except (SQLAlchemyError, ImportError) as exc:
            raise BankError(f"{self.location.display}: cannot use this database ({exc})") from None

    def _no_bank(self) -> str:
        return (
            f"no story bank at {self.location.display} yet "
            "(`starkit bank add` or `starkit bank import` creates one)"
        )

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn database errors into one-line BankErrors that name the bank."""
        try:
            yield
        except DBAPIError as exc:
            msg = _one_line(exc)
            if "locked" in msg or "busy" in msg:
                msg = f"the bank is busy: another process held it for over {BUSY_TIMEOUT_S} s"
            raise BankError(f"{self.location.display}: {msg}") from None
        except SQLAlchemyError as exc:
            raise BankError(f"{self.location.display}: {_one_line(exc)}") from None

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot, no write lock."""
        engine = self._require_engine()
        with self._guard(), engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction: committed whole on success, rolled back whole otherwise."""
        engine = self._require_engine()
        with self._guard(), engine.connect() as conn:
            conn.execution_options(starkit_write=True)
            with conn.begin():
                yield conn

    def _require_engine(self) -> Engine:
        if self._engine is None:
            raise BankError(f"{self.location.display}: the bank is closed")
        return self._engine

    def _prepare(self, create: bool) -> None:
        """Create the schema in an empty database, or migrate an older bank forward."""
        with self._read() as conn:
            tables = set(inspect(conn).get_table_names())
            version = migrations.read_version(conn) if META_TABLE in tables else None
        if version == SCHEMA_VERSION:
            return
        with self._write() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_INIT_LOCK})")
            tables = set(inspect(conn).get_table_names())
            if META_TABLE not in tables:
                if tables:
                    shown = ", ".join(sorted(tables)[:3])
                    raise BankError(
                        f"{self.location.display}: this database holds other tables ({shown}) "
                        "and no story bank; use an empty database"
                    )
                if not create:
                    raise BankError(self._no_bank())
                migrations.create_v1(conn)
            migrations.upgrade(conn, where=self.location.display)

    def close(self) -> None:
        """Release every connection (the bank can no longer be used)."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> StoryBank:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"StoryBank({self.location.display!r})"

    # ----------------------------------------------------------------- reading

    def _row(self, conn: Connection, story_id: str, *, lock: bool = False) -> Any:
        if not isinstance(story_id, str):
            raise BankError(f"a story id is text, not {type(story_id).__name__}")
        query = select(stories).where(stories.c.id == story_id)
        if lock:
            query = query.with_for_update()
        row = conn.execute(query).mappings().first()
        if row is None:
            raise BankError(f"no story with id '{story_id}' in {self.location.display}")
        return row

    @staticmethod
    def _story(row: Any) -> StoredStory:
        return StoredStory(
            id=row["id"],
            title=row["title"],
            text=row["text"],
            tags=tuple(json.loads(row["tags"])),
            created_at=_dt(row["created_at"]),
            updated_at=_dt(row["updated_at"]),
            revision=row["revision"],
            deleted_at=_dt(row["deleted_at"]),
        )

    @staticmethod
    def _revision(row: Any) -> Revision:
        return Revision(
            number=row["number"],
            title=row["title"],
            text=row["text"],
            tags=tuple(json.loads(row["tags"] or "[]")),
            created_at=_dt(row["created_at"]),
            note=row["note"],
        )

    def get(self, story_id: str) -> StoredStory:
        """The story as it is now (a soft-deleted story is returned with `deleted_at` set)."""
        with self._read() as conn:
            return self._story(self._row(conn, story_id))

    def list(self, *, tag: str | None = None, include_deleted: bool = False) -> list[StoredStory]:
        """Stories, most recently updated first; deleted ones only when asked."""
        query = select(stories).order_by(stories.c.updated_at.desc(), stories.c.id)
        if not include_deleted:
            query = query.where(stories.c.deleted_at.is_(None))
        with self._read() as conn:
            found = [self._story(r) for r in conn.execute(query).mappings()]
        if tag is not None:
            wanted = _tags([tag])
            found = [s for s in found if wanted and wanted[0] in s.tags]
        return found

    def __len__(self) -> int:
        """The number of stories not deleted."""
        with self._read() as conn:
            query = select(func.count()).select_from(stories).where(stories.c.deleted_at.is_(None))
            return int(conn.execute(query).scalar_one())

    def history(self, story_id: str) -> list[Revision]:
        """Every revision of a story, oldest (1) first."""
        with self._read() as conn:
            self._row(conn, story_id)
            rows = conn.execute(
                select(revisions)
                .where(revisions.c.story_id == story_id)
                .order_by(revisions.c.number)
            ).mappings()
            return [self._revision(r) for r in rows]

    def revision(self, story_id: str, number: int) -> Revision:
        """One revision of a story."""
        with self._read() as conn:
            return self._revision(self._revision_row(conn, story_id, number))

    def _revision_row(self, conn: Connection, story_id: str, number: int) -> Any:
        row = self._row(conn, story_id)
        if isinstance(number, bool) or not isinstance(number, int):
            raise BankError(f"a revision number is a whole number, not {number!r}")
        found = (
            conn.execute(
                select(revisions).where(
                    revisions.c.story_id == story_id, revisions.c.number == number
                )
            )
            .mappings()
            .first()
        )
        if found is None:
            raise BankError(
                f"story '{story_id}' has revisions 1 to {row['revision']}, not {number}"
            )
        return found

    def resolve(self, id_or_prefix: str) -> str:
        """The full id of the story whose id starts with `id_or_prefix` (at least 4 characters,
        like a short git hash); BankError when none or several match."""
        prefix = id_or_prefix.strip().lower()
        if len(prefix) < _MIN_PREFIX:
            raise BankError(f"give at least {_MIN_PREFIX} characters of the story id")
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self._read() as conn:
            ids = (
                conn.execute(
                    select(stories.c.id)
                    .where(stories.c.id.like(f"{escaped}%", escape="\\"))
                    .limit(2)
                )
                .scalars()
                .all()
            )
        if not ids:
            raise BankError(f"no story with id '{prefix}' in {self.location.display}")
        if len(ids) > 1 and prefix not in ids:
            raise BankError(f"'{prefix}' matches several stories; give more of the id")
        return prefix if prefix in ids else ids[0]

    # ----------------------------------------------------------------- writing

    def _append(
        self,
        conn: Connection,
        row: Any,
        *,
        title: str,
        text: str,
        tags: tuple[str, ...],
        note: str,
        undelete: bool = False,
    ) -> Revision:
        number = row["revision"] + 1
        now = _ts(utc_now())
        tags_json = json.dumps(list(tags))
        conn.execute(
            revisions.insert().values(
                story_id=row["id"],
                number=number,
                title=title,
                text=text,
                tags=tags_json,
                created_at=now,
                note=note,
            )
        )
        values: dict[str, Any] = {
            "title": title,
            "text": text,
            "tags": tags_json,
            "updated_at": now,
            "revision": number,
        }
        if undelete:
            values["deleted_at"] = None
        conn.execute(stories.update().where(stories.c.id == row["id"]).values(**values))
        return Revision(
            number=number, title=title, text=text, tags=tags, created_at=_dt(now), note=note
        )

    def add(self, title: str, text: str, tags: Iterable[str] | str = ()) -> str:
        """Save a new story (revision 1) and return its id."""
        clean_title, clean_text, clean_tags = _title(title), _clean_text(text), _tags(tags)
        story_id = str(uuid.uuid4())
        now = _ts(utc_now())
        tags_json = json.dumps(list(clean_tags))
        with self._write() as conn:
            conn.execute(
                stories.insert().values(
                    id=story_id,
                    title=clean_title,
                    text=clean_text,
                    tags=tags_json,
                    created_at=now,
                    updated_at=now,
                    revision=1,
                    deleted_at=None,
                )
            )
            conn.execute(
                revisions.insert().values(
                    story_id=story_id,
                    number=1,
                    title=clean_title,
                    text=clean_text,
                    tags=tags_json,
                    created_at=now,
                    note="created",
                )
            )
        return story_id

    def update(
        self,
        story_id: str,
        text: str | None = None,
        *,
        title: str | None = None,
        tags: Iterable[str] | str | None = None,
    ) -> Revision:
        """Save a new revision with the changed text, title and/or tags; the old one stays in
        `history`. Saving what is already there adds nothing and returns the latest revision."""
        if text is None and title is None and tags is None:
            raise BankError("nothing to change: give new text, a title or tags")
        new_text = None if text is None else _clean_text(text)
        new_title = None if title is None else _title(title)
        new_tags = None if tags is None else _tags(tags)
        with self._write() as conn:
            row = self._row(conn, story_id, lock=True)
            if row["deleted_at"] is not None:
                raise BankError(
                    f"story '{story_id}' is deleted; restore it (`restore`) before editing"
                )
            final_title = row["title"] if new_title is None else new_title
            final_text = row["text"] if new_text is None else new_text
            final_tags = tuple(json.loads(row["tags"])) if new_tags is None else new_tags
            current = (row["title"], row["text"], tuple(json.loads(row["tags"])))
            if (final_title, final_text, final_tags) == current:
                return self._revision(self._revision_row(conn, story_id, row["revision"]))
            return self._append(
                conn, row, title=final_title, text=final_text, tags=final_tags, note="edited"
            )

    def restore(self, story_id: str, revision: int) -> Revision:
        """Make an old revision current again by saving a copy of it as a new revision.

        Nothing is overwritten: the revisions after it stay in `history`. Restoring a deleted
        story also undeletes it.
        """
        with self._write() as conn:
            row = self._row(conn, story_id, lock=True)
            old = self._revision(self._revision_row(conn, story_id, revision))
            return self._append(
                conn,
                row,
                title=old.title,
                text=old.text,
                tags=old.tags,
                note=f"restored from revision {old.number}",
                undelete=True,
            )

    def delete(self, story_id: str, *, purge: bool = False) -> None:
        """Hide a story (soft delete: history kept, `restore` undoes it), or with `purge=True`
        remove it and every revision for good."""
        with self._write() as conn:
            self._row(conn, story_id, lock=True)
            if purge:
                conn.execute(revisions.delete().where(revisions.c.story_id == story_id))
                conn.execute(stories.delete().where(stories.c.id == story_id))
                return
            conn.execute(
                stories.update()
                .where(stories.c.id == story_id, stories.c.deleted_at.is_(None))
                .values(deleted_at=_ts(utc_now()))
            )

    # ----------------------------------------------------------------- practice attempts

    @staticmethod
    def _attempt(row: Any) -> Attempt:
        return Attempt(
            id=row["id"],
            question=row["question"],
            kind=row["kind"],
            question_type=row["question_type"],
            competency=row["competency"],
            text=row["text"],
            audio_seconds=row["audio_seconds"],
            score=row["score"],
            findings=tuple(AttemptFinding(**f) for f in json.loads(row["findings"])),
            created_at=_dt(row["created_at"]),
        )

    @staticmethod
    def _attempt_values(attempt: Attempt) -> dict[str, Any]:
        return {
            "id": attempt.id,
            "question": attempt.question,
            "kind": attempt.kind,
            "question_type": attempt.question_type,
            "competency": attempt.competency,
            "text": attempt.text,
            "audio_seconds": attempt.audio_seconds,
            "score": attempt.score,
            "findings": json.dumps([f.model_dump() for f in attempt.findings]),
            "created_at": _ts(attempt.created_at),
        }

    def add_attempt(
        self,
        question: str,
        kind: AttemptKind,
        *,
        text: str | None = None,
        audio_seconds: float | None = None,
        score: int | None = None,
        findings: Iterable[AttemptFinding | dict[str, Any]] = (),
        question_type: str = "",
        competency: str = "",
    ) -> Attempt:
        """Keep one practice attempt (a typed `text` or a recording's `audio_seconds`, never
        the audio) with its score and findings; returns it as stored."""
        if (text is None) == (audio_seconds is None):
            raise InputError("an attempt is either typed text or a recording's length, not both")
        if text is not None:
            _clean_text(text)
        q = " ".join(str(question).split())
        if not q:
            raise InputError("an attempt needs the question it answers")
        _storable(q, "the question")
        try:
            attempt = Attempt(
                id=str(uuid.uuid4()),
                question=q,
                kind=kind,
                question_type=question_type,
                competency=competency,
                text=text,
                audio_seconds=None if audio_seconds is None else round(float(audio_seconds), 2),
                score=score,
                findings=tuple(
                    f if isinstance(f, AttemptFinding) else AttemptFinding(**f) for f in findings
                ),
                created_at=utc_now(),
            )
        except (ValueError, TypeError) as exc:
            raise InputError(f"the attempt is malformed: {_one_line(exc)}") from None
        with self._write() as conn:
            conn.execute(attempts.insert().values(**self._attempt_values(attempt)))
        # read back what the database holds (times round-trip through text)
        return attempt.model_copy(update={"created_at": _dt(_ts(attempt.created_at))})

    def attempts(
        self, *, kind: AttemptKind | None = None, limit: int | None = None
    ) -> list[Attempt]:
        """Practice attempts, oldest first; `limit` keeps the most recent n."""
        query = select(attempts)
        if kind is not None:
            query = query.where(attempts.c.kind == kind)
        query = query.order_by(attempts.c.created_at.desc(), attempts.c.id.desc())
        if limit is not None:
            query = query.limit(max(0, int(limit)))
        with self._read() as conn:
            rows = list(conn.execute(query).mappings())
        return [self._attempt(r) for r in reversed(rows)]

    # ----------------------------------------------------------------- interviews

    @staticmethod
    def _interview(row: Any) -> Interview:
        return Interview(
            id=row["id"],
            company=row["company"],
            role=row["role"],
            date=row["date"],
            round=row["round"],
            interviewers=tuple(json.loads(row["interviewers"])),
            questions=tuple(json.loads(row["questions"])),
            story_ids=tuple(json.loads(row["story_ids"])),
            topic=row["topic"],
            notes=row["notes"],
            stage=row["stage"],
            self_review=json.loads(row["self_review"]),
            followups=tuple(json.loads(row["followups"])),
            email=row["email"],
            created_at=_dt(row["created_at"]),
            updated_at=_dt(row["updated_at"]),
        )

    @staticmethod
    def _interview_values(interview: Interview) -> dict[str, Any]:
        return {
            "id": interview.id,
            "company": interview.company,
            "role": interview.role,
            "date": None if interview.date is None else interview.date.isoformat(),
            "round": interview.round,
            "interviewers": json.dumps(list(interview.interviewers)),
            "questions": json.dumps(list(interview.questions)),
            "story_ids": json.dumps(list(interview.story_ids)),
            "topic": interview.topic,
            "notes": interview.notes,
            "stage": interview.stage,
            "self_review": json.dumps(interview.self_review, sort_keys=True),
            "followups": json.dumps(list(interview.followups)),
            "email": interview.email,
            "created_at": _ts(interview.created_at),
            "updated_at": _ts(interview.updated_at),
        }

    def add_interview(self, company: str, **fields: Any) -> Interview:
        """Log one interview (`company` and any `Interview` field but id and times); returns
        it as stored. Text is trimmed; empty list items are dropped."""
        now = utc_now()
        interview = valid_interview(
            {**fields, "company": company, "id": str(uuid.uuid4()), "created_at": now,
             "updated_at": now}
        )  # fmt: skip
        with self._write() as conn:
            conn.execute(interviews.insert().values(**self._interview_values(interview)))
        return _stored(interview)

    def get_interview(self, interview_id: str) -> Interview:
        """One logged interview (BankError when there is none with this id)."""
        with self._read() as conn:
            return self._interview(self._interview_row(conn, interview_id))

    def _interview_row(self, conn: Connection, interview_id: str) -> Any:
        row = (
            conn.execute(select(interviews).where(interviews.c.id == str(interview_id)))
            .mappings()
            .first()
        )
        if row is None:
            raise BankError(f"no interview with id '{interview_id}' in {self.location.display}")
        return row

    def update_interview(self, interview_id: str, **changes: Any) -> Interview:
        """Change some fields of a logged interview (its stage, debrief, draft email...)."""
        if {"id", "created_at", "updated_at"} & set(changes):
            raise InputError("an interview's id and times cannot be changed")
        with self._write() as conn:
            old = self._interview(self._interview_row(conn, interview_id))
            new = valid_interview({**old.model_dump(), **changes, "updated_at": utc_now()})
            if new.model_dump(exclude={"updated_at"}) == old.model_dump(exclude={"updated_at"}):
                return old
            conn.execute(
                interviews.update()
                .where(interviews.c.id == old.id)
                .values(**self._interview_values(new))
            )
        return _stored(new)

    def delete_interview(self, interview_id: str) -> None:
        """Remove a logged interview for good (the stories told stay in the bank)."""
        with self._write() as conn:
            self._interview_row(conn, interview_id)
            conn.execute(interviews.delete().where(interviews.c.id == str(interview_id)))

    def interviews(self, *, story_id: str | None = None) -> list[Interview]:
        """Logged interviews by company, then date (undated last), then time logged;
        `story_id` keeps those where that story was told."""
        with self._read() as conn:
            rows = list(conn.execute(select(interviews)).mappings())
        found = [self._interview(r) for r in rows]
        if story_id is not None:
            found = [i for i in found if story_id in i.story_ids]
        return sorted(
            found,
            key=lambda i: (i.company.lower(), i.date is None, i.date or "", i.created_at, i.id),
        )

    # ----------------------------------------------------------------- export / import

    def snapshot(self) -> BankExport:
        """Every story (deleted ones too) with every revision, read in one transaction."""
        with self._read() as conn:
            story_rows = list(
                conn.execute(
                    select(stories).order_by(stories.c.created_at, stories.c.id)
                ).mappings()
            )
            by_story: dict[str, list[Revision]] = {}
            for r in conn.execute(
                select(revisions).order_by(revisions.c.story_id, revisions.c.number)
            ).mappings():
                by_story.setdefault(r["story_id"], []).append(self._revision(r))
            attempt_rows = list(
                conn.execute(
                    select(attempts).order_by(attempts.c.created_at, attempts.c.id)
                ).mappings()
            )
            interview_rows = list(
                conn.execute(
                    select(interviews).order_by(interviews.c.created_at, interviews.c.id)
                ).mappings()
            )
        return BankExport(
            attempts=[self._attempt(r) for r in attempt_rows],
            interviews=[self._interview(r) for r in interview_rows],
            exported_at=utc_now(),
            stories=[
                ExportedStory(**self._story(r).model_dump(), revisions=by_story.get(r["id"], []))
                for r in story_rows
            ],
        )

    def export_json(self, *, indent: int | None = 2) -> str:
        """The whole bank as JSON: lossless (ids, revisions, times, deletions), re-importable."""
        from starkit.bank.export import to_json

        return to_json(self.snapshot(), indent=indent)

    def export_markdown(self) -> str:
        """A printable cheat sheet of the current stories, indexed by competency tag."""
        from starkit.bank.export import to_markdown

        return to_markdown(self.list())

    def export_csv(self, *, include_deleted: bool = False) -> str:
        """One row per story for a spreadsheet (current text only; JSON is the lossless one)."""
        from starkit.bank.export import to_csv

        return to_csv(self.list(include_deleted=include_deleted))

    def import_json(self, data: str | bytes | dict[str, Any] | BankExport) -> ImportResult:
        """Load an export into this bank in one transaction (all of it, or nothing).

        A new story is added with its ids, revisions and times unchanged. A story already here
        with the same history is left alone; one whose history the import extends gets the
        newer revisions. Histories that differ are a conflict: BankError, nothing imported.
        """
        from starkit.bank.export import parse_export

        export = data if isinstance(data, BankExport) else parse_export(data)
        added = updated = unchanged = attempts_added = 0
        interviews_added = interviews_updated = 0
        with self._write() as conn:
            for story in export.stories:
                outcome = self._import_one(conn, story)
                added += outcome == "added"
                updated += outcome == "updated"
                unchanged += outcome == "unchanged"
            for attempt in export.attempts:
                attempts_added += self._import_attempt(conn, attempt)
            for interview in export.interviews:
                outcome = self._import_interview(conn, interview)
                interviews_added += outcome == "added"
                interviews_updated += outcome == "updated"
        return ImportResult(
            added=added,
            updated=updated,
            unchanged=unchanged,
            attempts_added=attempts_added,
            interviews_added=interviews_added,
            interviews_updated=interviews_updated,
        )

    def _import_interview(self, conn: Connection, interview: Interview) -> str:
        """Add an imported interview, or take it over this bank's copy when it was changed
        later (the log is edited, unlike revisions); an older or equal copy is left alone."""
        row = (
            conn.execute(select(interviews).where(interviews.c.id == interview.id))
            .mappings()
            .first()
        )
        values = self._interview_values(interview)
        if row is None:
            conn.execute(interviews.insert().values(**values))
            return "added"
        if self._interview(row) == interview or row["updated_at"] >= values["updated_at"]:
            return "unchanged"
        conn.execute(interviews.update().where(interviews.c.id == interview.id).values(**values))
        return "updated"

    def _import_attempt(self, conn: Connection, attempt: Attempt) -> bool:
        """Add an imported attempt unless this bank has it; BankError if the same id differs."""
        row = conn.execute(select(attempts).where(attempts.c.id == attempt.id)).mappings().first()
        if row is None:
            conn.execute(attempts.insert().values(**self._attempt_values(attempt)))
            return True
        if self._attempt(row) != attempt:
            raise BankError(
                f"attempt '{attempt.id}' differs from this bank's attempt with the same id; "
                "nothing was imported"
            )
        return False

    def _import_one(self, conn: Connection, story: ExportedStory) -> str:
        """Add, extend or leave one imported story; BankError on diverging histories."""
        existing = (
            conn.execute(select(stories).where(stories.c.id == story.id).with_for_update())
            .mappings()
            .first()
        )
        have: list[Revision] = []
        if existing is not None:
            rows = conn.execute(
                select(revisions)
                .where(revisions.c.story_id == story.id)
                .order_by(revisions.c.number)
            ).mappings()
            have = [self._revision(r) for r in rows]
        common = min(len(have), len(story.revisions))
        for i in range(common):
            if have[i] != story.revisions[i]:
                raise BankError(
                    f"story '{story.id}' ({story.title}): its revision {i + 1} differs from "
                    "this bank's; nothing was imported"
                )
        if existing is not None and len(story.revisions) <= len(have):
            # this bank already has all of it (or more): left alone, whatever the import says
            # of its deletion or its times (only the user deletes or restores a story)
            return "unchanged"
        values = {
            "title": story.title,
            "text": story.text,
            "tags": json.dumps(list(story.tags)),
            "created_at": _ts(story.created_at),
            "updated_at": _ts(story.updated_at),
            "revision": story.revision,
            "deleted_at": None if story.deleted_at is None else _ts(story.deleted_at),
        }
        if existing is None:
            # the story row goes first: its revisions reference it (foreign key)
            conn.execute(stories.insert().values(id=story.id, **values))
        else:
            # newer revisions: the story moves to the last one; its creation time and whether
            # it is deleted stay this bank's
            values.pop("created_at")
            values.pop("deleted_at")
            values["updated_at"] = max(_ts(story.revisions[-1].created_at), existing["updated_at"])
            conn.execute(stories.update().where(stories.c.id == story.id).values(**values))
        new_revisions = story.revisions[common:]
        if new_revisions:
            conn.execute(
                revisions.insert(),
                [
                    {
                        "story_id": story.id,
                        "number": rev.number,
                        "title": rev.title,
                        "text": rev.text,
                        "tags": json.dumps(list(rev.tags)),
                        "created_at": _ts(rev.created_at),
                        "note": rev.note,
                    }
                    for rev in new_revisions
                ],
            )
        return "added" if existing is None else "updated"


def _clean_line(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"{what} must be text, not {type(value).__name__}")
    clean = " ".join(value.split())
    _storable(clean, what)
    return clean


def _clean_list(value: object, what: str) -> tuple[str, ...]:
    """A list of one-line items (a comma-separated string for names), trimmed, de-duplicated."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split("\n") if what == "a question" else value.split(",")
    if not isinstance(value, list | tuple):
        raise InputError(f"{what}s must be a list of text, not {type(value).__name__}")
    out: list[str] = []
    for item in value:
        clean = _clean_line(item, what)
        if clean and clean not in out:
            out.append(clean)
    return tuple(out)


def valid_interview(fields: dict[str, Any]) -> Interview:
    """An `Interview` from user fields, cleaned; one-line InputError when malformed."""
    from pydantic import ValidationError

    data = dict(fields)
    for key in ("company", "role", "round", "topic"):
        if key in data and data[key] is not None:
            data[key] = _clean_line(data[key], f"the {key}")
    if not data.get("company"):
        raise InputError("an interview needs the company's name")
    for key, what in (
        ("interviewers", "an interviewer"),
        ("questions", "a question"),
        ("story_ids", "a story id"),
        ("followups", "a follow-up"),
    ):
        if key in data:
            data[key] = _clean_list(data[key], what)
    for key in ("id", "notes", "email"):
        if isinstance(data.get(key), str):
            _storable(data[key], f"the {key}")
    if data.get("date") == "":
        data["date"] = None
    if isinstance(data.get("stage"), str):
        data["stage"] = data["stage"].strip().lower()
    review = data.get("self_review")
    if isinstance(review, dict):
        for answer in review.values():
            if isinstance(answer, str):
                _storable(answer, "a self-review answer")
    try:
        return Interview(**data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        msg = "unknown field" if err["type"] == "extra_forbidden" else err["msg"]
        raise InputError(f"the interview's '{loc}' is not valid: {msg}") from None


def _stored(interview: Interview) -> Interview:
    """The interview as the database gives it back (times round-trip through text)."""
    return interview.model_copy(
        update={
            "created_at": _dt(_ts(interview.created_at)),
            "updated_at": _dt(_ts(interview.updated_at)),
        }
    )


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    """Per-connection SQLite settings: we issue BEGIN ourselves; WAL; waits; durability."""
    dbapi_conn.isolation_level = None  # stop the driver's own implicit BEGINs
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = FULL")
        _ensure_wal(cur)
    finally:
        cur.close()


def _ensure_wal(cur: Any) -> None:
    """Switch the file to WAL once (the mode is stored in the file).

    The switch needs the file to itself and SQLite does not wait on the busy handler for it, so
    when several processes open a new bank at once the losers retry here until it is done.
    """
    import sqlite3
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            if cur.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            cur.execute("PRAGMA journal_mode = WAL")  # in-memory banks stay "memory"
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(0.02)


def _sqlite_begin(conn: Connection) -> None:
    """Writes take the write lock up front (BEGIN IMMEDIATE) so they queue, never deadlock."""
    write = conn.get_execution_options().get("starkit_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
