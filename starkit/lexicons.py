"""Find, read and validate the data files in `lexicons/`.

All rule word lists, patterns and question data live as TOML under one root. The root is
resolved in exactly one place: `STARKIT_LEXICONS` if set, else the copy packaged inside the
wheel (`starkit/_lexicons`), else the source checkout's top-level `lexicons/`. Every file is
validated with pydantic (`extra="forbid"`), and a malformed entry raises `LexiconError` naming
the file and the entry.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from starkit.errors import LexiconError

M = TypeVar("M", bound=BaseModel)


def lexicon_root() -> Path:
    """The directory holding the lexicon files (see the module docstring for the order)."""
    env = os.environ.get("STARKIT_LEXICONS")
    if env:
        return Path(env)
    return _default_root()


@cache
def _default_root() -> Path:
    here = Path(__file__).resolve().parent
    packaged = here / "_lexicons"
    if packaged.is_dir():
        return packaged
    return here.parent / "lexicons"


def read_toml(relpath: str | Path, root: Path | None = None) -> dict[str, Any]:
    """Parse one lexicon TOML file, raising `LexiconError` on a missing or broken file.

    The parsed data comes from starkit's on-disk cache (`starkit.diskcache`) when the file's
    bytes are unchanged: parsing the TOML files is a tenth of a cold `starkit lint`. The data is
    validated by the caller each time, whichever way it came."""
    base = root or lexicon_root()
    path = base / relpath
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LexiconError(str(relpath), None, f"file not found under {base}") from None
    except IsADirectoryError:
        raise LexiconError(str(relpath), None, f"is a directory under {base}") from None
    from starkit.diskcache import cached, key_of

    return cached("toml", key_of(raw), lambda: _parse_toml(relpath, raw), _is_table)


def _parse_toml(relpath: str | Path, raw: bytes) -> dict[str, Any]:
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise LexiconError(str(relpath), None, f"invalid TOML: not UTF-8 ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(str(relpath), None, f"invalid TOML: {exc}") from None


def _is_table(value: object) -> bool:
    return isinstance(value, dict)


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        msg = "unknown field" if err["type"] == "extra_forbidden" else err["msg"]
        parts.append(f"{msg} '{loc}'" if loc else msg)
    return "; ".join(parts)


def validate_model(file: str, entry: str | None, data: Any, model: type[M]) -> M:
    """Validate `data` as `model`, naming `file` and `entry` in the error."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise LexiconError(file, entry, _describe(exc)) from None


def validate_entries(
    file: str, entries: Iterable[Any], model: type[M], id_field: str = "id"
) -> list[M]:
    """Validate a list of table entries; ids must be unique within the file."""
    out: list[M] = []
    seen: set[str] = set()
    for i, raw in enumerate(entries):
        ident = str(raw.get(id_field, f"#{i + 1}")) if isinstance(raw, dict) else f"#{i + 1}"
        if not isinstance(raw, dict):
            raise LexiconError(file, ident, "entry must be a table")
        item = validate_model(file, ident, raw, model)
        if ident in seen:
            raise LexiconError(file, ident, "duplicate id")
        seen.add(ident)
        out.append(item)
    return out


class StrictModel(BaseModel):
    """Base for lexicon records: unknown keys are errors, so typos fail loudly."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class TermEntry(StrictModel):
    """A lexicon entry: one concept and the phrases that name it."""

    id: str
    terms: tuple[str, ...]
    topics: tuple[str, ...] = ()
    note: str = ""

    @field_validator("terms")
    @classmethod
    def _non_empty(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if not v or any(not t.strip() for t in v):
            raise ValueError("terms must be a non-empty list of non-empty strings")
        return tuple(t.strip() for t in v)


class TermFile(StrictModel):
    """A `lexicons/terms/*.toml` file: a description and its entries."""

    description: str
    entry: tuple[dict[str, Any], ...]


def load_term_file(relpath: str, root: Path | None = None) -> list[TermEntry]:
    """Load and validate one term file."""
    data = read_toml(relpath, root)
    tf = validate_model(relpath, None, data, TermFile)
    return validate_entries(relpath, tf.entry, TermEntry)


@cache
def cached_term_file(relpath: str) -> tuple[TermEntry, ...]:
    """Process-wide cache of `load_term_file` on the default root."""
    return tuple(load_term_file(relpath))
