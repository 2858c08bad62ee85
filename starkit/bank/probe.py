"""Look at an SQLite file before starkit writes to it, without changing a byte of it.

A corrupt file (random bytes, a truncated database) or an SQLite database that belongs to
something else must be refused with a one-line `BankError` and left exactly as it was, so the
checks here read the header directly and then open the file read-only.
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path

from starkit.bank.schema import BANK_TABLES, META_TABLE
from starkit.errors import BankError

SQLITE_MAGIC = b"SQLite format 3\x00"


class FileState(Enum):
    """What is at a bank path."""

    MISSING = "missing"  # no file: a new bank may be created here
    EMPTY = "empty"  # a zero-byte file or an SQLite database with no tables
    BANK = "bank"  # a starkit bank (its version is checked when it is opened)


def probe(path: Path) -> tuple[FileState, int | None]:
    """Classify the file at `path` and read a bank's schema version (None when not a bank);
    raise BankError for anything starkit must not touch."""
    if not path.exists():
        if not path.parent.is_dir():
            raise BankError(f"{path}: the folder {path.parent} does not exist")
        return FileState.MISSING, None
    if path.is_dir():
        raise BankError(f"{path}: is a directory, not a story bank file")
    if not path.is_file():  # a device, FIFO or socket (or a link to one): opening it could hang
        raise BankError(f"{path}: not a regular file (a device, FIFO or socket); not a story bank")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise BankError(f"{path}: cannot read ({exc.strerror})") from None
    if size == 0:
        return FileState.EMPTY, None
    if header != SQLITE_MAGIC:
        raise BankError(f"{path}: not a story bank (not an SQLite database); file left unchanged")
    tables, version = _read_only_check(path)
    if META_TABLE in tables:
        return FileState.BANK, version
    foreign = sorted(tables - BANK_TABLES)
    if foreign:
        shown = ", ".join(foreign[:3]) + (" ..." if len(foreign) > 3 else "")
        raise BankError(
            f"{path}: an SQLite database of another program (tables {shown}), not a story "
            "bank; file left unchanged"
        )
    if tables:
        raise BankError(f"{path}: a damaged story bank (no schema version); file left unchanged")
    return FileState.EMPTY, None


def _read_only_check(path: Path) -> tuple[set[str], int | None]:
    """Run SQLite's quick integrity check read-only; return the table names and the version.

    With no WAL or rollback journal beside the file, nothing else has it open, so it is read
    as immutable: no lock, -wal or -shm file is created. A damaged verdict is confirmed once
    more (a writer may have checkpointed mid-read); with a journal present the file is read
    through SQLite's normal read-only locking, which sees committed WAL content.
    """
    for attempt in (1, 2):
        live = any(Path(f"{path}{s}").exists() for s in ("-wal", "-journal"))
        mode = "mode=ro" if live else "mode=ro&immutable=1"
        try:
            return _check(path, path.resolve().as_uri() + "?" + mode)
        except BankError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def _check(path: Path, uri: str) -> tuple[set[str], int | None]:
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=30)
    except sqlite3.Error as exc:
        raise BankError(f"{path}: cannot open ({_one_line(exc)}); file left unchanged") from None
    try:
        conn.execute("PRAGMA busy_timeout = 30000")
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            raise BankError(
                f"{path}: the database is damaged ({_one_line(rows[0][0])}); file left "
                "unchanged; restore it from a backup or an export"
            )
        names = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        tables = {n[0] for n in names}
        version = None
        if META_TABLE in tables:
            row = conn.execute(
                f"SELECT value FROM {META_TABLE} WHERE key = 'schema_version'"
            ).fetchone()
            version = _as_version(row[0] if row else None)
    except sqlite3.DatabaseError as exc:
        raise BankError(
            f"{path}: the database is damaged ({_one_line(exc)}); file left unchanged"
        ) from None
    finally:
        conn.close()
    return tables, version


def _as_version(raw: object) -> int:
    """The recorded schema version, or -1 when it is missing or not a whole number."""
    try:
        return int(str(raw))
    except ValueError:
        return -1
