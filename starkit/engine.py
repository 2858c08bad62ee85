"""lint / lint_many: units -> one spaCy pass -> rules -> suggestions -> scored Report."""

from __future__ import annotations

from collections.abc import Iterable

from starkit.config import Config
from starkit.models import Kind, Report


def lint(text: str, kind: str | Kind = "bullet", *, config: Config | None = None) -> Report:
    """Lint one text of the given kind ("bullet", "resume", "story" or "email")."""
    raise NotImplementedError


def lint_many(
    texts: Iterable[str], kind: str | Kind = "bullet", *, config: Config | None = None
) -> list[Report]:
    """Lint many texts in one batch; equal to calling `lint` on each."""
    raise NotImplementedError
