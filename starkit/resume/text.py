"""Text normalisation shared by the readers: odd spaces made plain, invisible characters
dropped, runs of whitespace collapsed."""

from __future__ import annotations

import re

SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")


def clean(text: str) -> str:
    """One line of text with odd spaces made plain, invisible characters dropped and runs of
    whitespace collapsed (tabs included)."""
    text = INVISIBLE.sub("", SPACES.sub(" ", text))
    return " ".join(text.split())
