"""starkit's one on-disk cache: data derived from the lexicons, so a cold `starkit lint` does
not redo work whose inputs have not changed (docs/toolchain.md, "Fast start").

Three kinds of entry live in it: `toml-*` (a lexicon file parsed, keyed by the file's bytes;
`starkit.lexicons.read_toml`), `terms-*` (the lexicon terms split by the tokenizer, keyed by the
terms and the tokenizer settings; `starkit.nlp.term_tokens`) and `anchors-*` (the index of
spaCy's tokenizer special cases, keyed by their keys; `starkit.nlp.LazyRulesTokenizer`). Each
entry is one file: a header, the SHA-256 of the payload and the payload (`marshal` data: plain
dicts, lists, strings and numbers). An entry that is missing, truncated, altered (its checksum
does not match) or of the wrong shape is rebuilt from its inputs, so a bad cache can cost time
but never change a result; one that cannot be written is skipped without a word.

The folder is the user cache folder (`platformdirs`), `STARKIT_CACHE_DIR` to move it, and
`STARKIT_CACHE_DIR=off` (or `0`, `none`) turns the cache off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

FORMAT = 1
"""Bump when what an entry holds changes shape."""
_HEADER = b"starkit-cache\n"
MAX_ENTRIES = 400
"""Per kind; the oldest go when a new entry is written (old lexicon versions pile up)."""


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    env = os.environ.get("STARKIT_CACHE_DIR")
    if env:
        return None if env.lower() in ("off", "0", "none") else Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("starkit", appauthor=False))


def key_of(*parts: bytes | str) -> str:
    """A short hex digest of `parts`, with the cache format and the Python version (marshal
    data is read by the same Python that wrote it)."""
    h = hashlib.sha256(f"{FORMAT}|{sys.version_info[:2]}|{marshal.version}".encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:32]


def _read(path: Path) -> Any:
    """The entry's value, or None when it is missing, unreadable or does not check out."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    n = len(_HEADER)
    if raw[:n] != _HEADER or raw[n + 64 : n + 65] != b"\n":
        return None
    digest, payload = raw[n : n + 64], raw[n + 65 :]
    if hashlib.sha256(payload).hexdigest().encode("ascii") != digest:
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def _write(folder: Path, kind: str, path: Path, value: object) -> None:
    try:
        payload = marshal.dumps(value)
    except ValueError:  # a type marshal cannot hold: not cached
        return
    body = _HEADER + hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(body)
        os.replace(tmp, path)
        entries = sorted(folder.glob(f"{kind}-*.bin"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-MAX_ENTRIES]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def cached(kind: str, key: str, build: Callable[[], T], valid: Callable[[Any], bool]) -> T:
    """The value stored under `kind` and `key` when there is one and `valid(value)` holds;
    otherwise `build()`, stored for the next time (with the cache on)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{kind}-{key}.bin"
    value = _read(path)
    if value is not None and valid(value):
        return value
    value = build()
    _write(folder, kind, path, value)
    return value
