"""Where the story bank lives: an explicit path or SQLAlchemy URL, else `STARKIT_DB`, else a
file in the user's data directory.

A plain path means an SQLite file (the embedded default). A URL (anything with `://`) is handed
to SQLAlchemy, so a coaching team can point every member at one PostgreSQL database; a bare
`postgresql://` URL is given the installed psycopg 3 driver.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from starkit.errors import BankError

ENV_VAR = "STARKIT_DB"
DEFAULT_FILENAME = "stories.db"


def default_path() -> Path:
    """`<user data dir>/starkit/stories.db`, e.g. `~/.local/share/starkit/stories.db` on Linux."""
    import platformdirs

    return Path(platformdirs.user_data_dir("starkit", appauthor=False)) / DEFAULT_FILENAME


@dataclass(frozen=True)
class Location:
    """A resolved bank location: the URL to connect to, the SQLite file (if any) and a
    display string that never shows a password."""

    url: URL
    sqlite_path: Path | None
    display: str
    is_default: bool = False

    @property
    def is_sqlite(self) -> bool:
        """True for the embedded SQLite backend (file or in-memory)."""
        return self.url.get_backend_name() == "sqlite"


def resolve(path_or_url: str | os.PathLike[str] | None = None) -> Location:
    """Turn the argument (or `STARKIT_DB`, or the default) into a `Location`."""
    is_default = False
    if path_or_url is None or (isinstance(path_or_url, str) and not path_or_url.strip()):
        env = os.environ.get(ENV_VAR, "").strip()
        if env:
            path_or_url = env
        else:
            path_or_url, is_default = default_path(), True
    raw = os.fspath(path_or_url)
    if "://" not in raw:
        path = Path(raw).expanduser()
        return Location(
            URL.create("sqlite", database=str(path)), path, str(path), is_default=is_default
        )
    try:
        url = make_url(raw)
    except ArgumentError:
        raise BankError(f"'{_mask(raw)}' is not a database URL or a file path") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    display = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite":
        db = url.database
        if db and db != ":memory:" and not db.startswith("file:"):
            path = Path(db).expanduser()
            return Location(url.set(database=str(path)), path, str(path))
        return Location(url, None, display)
    return Location(url, None, display)


def _mask(raw: str) -> str:
    """The URL with any password replaced, for error messages."""
    if "@" in raw and "://" in raw:
        scheme, rest = raw.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}" if ":" in creds else raw
    return raw
