"""Text normalisation shared by the readers: odd spaces made plain, U+2010/U+2011 hyphens made
'-', invisible characters (soft hyphens included) dropped, runs of whitespace collapsed."""

from __future__ import annotations

import re

SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
HYPHENS = re.compile(r"[\u2010\u2011]")  # hyphen, non-breaking hyphen: a plain '-'


def clean(text: str) -> str:
    """One line of text with odd spaces made plain, invisible characters dropped and runs of
    whitespace collapsed (tabs included)."""
    text = INVISIBLE.sub("", SPACES.sub(" ", HYPHENS.sub("-", text)))
    return " ".join(text.split())
