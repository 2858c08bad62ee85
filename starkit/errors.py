"""Exception types. Every error a user can cause is a `StarkitError` with a one-line message,
so the CLI can print it and exit 2 and the app can show it in plain words."""

from __future__ import annotations


class StarkitError(Exception):
    """Base class: the message is one line and meant for the user."""


class InputError(StarkitError, ValueError):
    """The text or file given cannot be linted (empty, too large, binary, unknown kind...)."""


class LexiconError(StarkitError):
    """A lexicon or rule file is malformed; names the file and the entry."""

    def __init__(self, file: str, entry: str | None, reason: str) -> None:
        self.file = file
        self.entry = entry
        self.reason = reason
        where = f"{file}: entry '{entry}'" if entry else file
        super().__init__(f"{where}: {reason}")


class ConfigError(StarkitError):
    """A user configuration (`[tool.starkit]` or `starkit.toml`) is malformed."""


class ModelNotInstalledError(StarkitError):
    """A feature needs the spaCy English model and it is not installed."""


class ResumeReadError(InputError):
    """A resume file cannot be read (corrupt, encrypted, scanned, unsupported, too large)."""


class BankError(StarkitError):
    """The story bank cannot be opened or written (corrupt file, bad URL, missing story)."""
