"""starkit: lint STAR stories, resume bullets and thank-you emails for PM and TPM interviews.

The public API is re-exported here; see the README for examples.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starkit.errors import (
    BankError,
    ConfigError,
    InputError,
    LexiconError,
    ModelNotInstalledError,
    ResumeReadError,
    StarkitError,
)
from starkit.models import Finding, Kind, Report, Section, Severity, Story, UnitReport

__version__ = "0.1.0"

if TYPE_CHECKING:
    from starkit.bank import StoryBank
    from starkit.crosscheck import cross_check
    from starkit.engine import lint, lint_many
    from starkit.interviews import draft_thank_you
    from starkit.resume import read_resume
    from starkit.story import parse_story

# Heavier entry points load on first use so `import starkit` stays cheap.
_LAZY = {
    "lint": "starkit.engine",
    "lint_many": "starkit.engine",
    "parse_story": "starkit.story",
    "read_resume": "starkit.resume",
    "StoryBank": "starkit.bank",
    "draft_thank_you": "starkit.interviews",
    "cross_check": "starkit.crosscheck",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'starkit' has no attribute {name!r}")


__all__ = [
    "BankError",
    "ConfigError",
    "Finding",
    "InputError",
    "Kind",
    "LexiconError",
    "ModelNotInstalledError",
    "Report",
    "ResumeReadError",
    "Section",
    "Severity",
    "StarkitError",
    "Story",
    "StoryBank",
    "UnitReport",
    "cross_check",
    "draft_thank_you",
    "lint",
    "lint_many",
    "parse_story",
    "read_resume",
]
