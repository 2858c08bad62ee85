"""The story bank: a candidate's 8-15 STAR stories, each with every revision it ever had,
in SQLite by default or any SQLAlchemy database. See docs/bank.md."""

from __future__ import annotations

from starkit.bank.location import ENV_VAR, default_path
from starkit.bank.records import (
    Attempt,
    AttemptFinding,
    BankExport,
    ExportedStory,
    ImportResult,
    Interview,
    Revision,
    StoredStory,
)
from starkit.bank.schema import SCHEMA_VERSION
from starkit.bank.store import StoryBank

__all__ = [
    "ENV_VAR",
    "SCHEMA_VERSION",
    "Attempt",
    "AttemptFinding",
    "BankExport",
    "ExportedStory",
    "ImportResult",
    "Interview",
    "Revision",
    "StoredStory",
    "StoryBank",
    "default_path",
]
