"""Phrase matching shared by segmentation, follow-ups and competencies.

Lexicon terms are plain phrases, matched case-insensitively on whole words; a trailing `*`
matches any ending ("significan*" finds "significant" and "significance"); an apostrophe
matches both ' and ’. One alternation per list keeps matching to a single regex pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_APOS = "['’]"


def _term_regex(term: str) -> str:
    star = term.endswith("*")
    core = term[:-1].strip() if star else term.strip()
    words = [re.escape(w).replace("'", _APOS).replace("’", _APOS) for w in core.split()]
    body = r"\s+".join(words)
    left = r"(?<!\w)" if core[:1].isalnum() else ""
    right = r"\w*" if star else (r"(?!\w)" if core[-1:].isalnum() else "")
    return left + body + right


def terms_pattern(terms: Iterable[str], *, at_start: bool = False) -> re.Pattern[str] | None:
    """One case-insensitive regex for a list of terms (longest first), or None if empty.

    With `at_start`, a term only matches at the start of the text, after any punctuation.
    """
    uniq = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
    if not uniq:
        return None
    alt = "|".join(_term_regex(t) for t in uniq)
    if at_start:
        return re.compile(rf"^[\W_]*(?:{alt})", re.IGNORECASE)
    return re.compile(alt, re.IGNORECASE)


def check_pattern(pattern: str) -> str:
    """Validate a lexicon regex (raises ValueError with the reason, for pydantic)."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"invalid regex {pattern!r}: {exc}") from None
    return pattern
