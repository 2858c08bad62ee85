"""Template-slot shapes (`lexicons/placeholders.toml`), compiled once and validated on load.

Used by `unfilled-placeholder` and by the unit context, which treats a slot as standing where a
figure goes.
"""

from __future__ import annotations

import re
from functools import cache

from starkit.errors import LexiconError
from starkit.lexicons import StrictModel, read_toml, validate_model


class _PlaceholderPattern(StrictModel):
    id: str
    regex: str
    # a regular expression for what looks like this slot but is not one ("[sic]", a name in
    # brackets): a match of `regex` that `unless` also matches at its start is dropped
    unless: str = ""
    flags: str = ""
    note: str = ""


class _PlaceholderFile(StrictModel):
    description: str
    pattern: tuple[_PlaceholderPattern, ...]


@cache
def placeholder_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(id, compiled regex) for every slot shape; a bad regex names its entry."""
    rel = "placeholders.toml"
    data = validate_model(rel, None, read_toml(rel), _PlaceholderFile)
    out = []
    for p in data.pattern:
        regex = f"(?!{p.unless}){p.regex}" if p.unless else p.regex
        try:
            out.append((p.id, re.compile(regex, re.IGNORECASE if "i" in p.flags else 0)))
        except re.error as exc:
            raise LexiconError(rel, p.id, f"invalid regular expression: {exc}") from None
    return tuple(out)
