"""Whether starkit can judge a text: it reads English only.

Its rules, lexicons and suggestions are English, so a text in another language or script
would otherwise pass clean ("0 findings, score 100/100"): no English cue matches in it. That
is the worst answer a linter can give, so such a text is not judged and the reason is said
(`not_english`). The cues and thresholds are data in `lexicons/language.toml`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from pydantic import Field

from starkit.errors import LexiconError
from starkit.lexicons import StrictModel, read_toml, validate_model


class _Language(StrictModel):
    name: str
    words: tuple[str, ...] = Field(min_length=1)


class _Latin(StrictModel):
    min_letters: int = Field(ge=1)
    min_markers: int = Field(ge=1)
    over_english: float = Field(gt=0)
    english: tuple[str, ...] = Field(min_length=1)
    languages: tuple[_Language, ...] = Field(min_length=1)


class LanguageCues(StrictModel):
    """`lexicons/language.toml`: the cues `not_english` reads."""

    description: str
    min_latin_share: float = Field(gt=0, le=1)
    min_script_letters: int = Field(ge=1)
    latin: _Latin


@cache
def language_cues() -> LanguageCues:
    """The cues of `lexicons/language.toml`, validated once; an English marker that is also
    another language's marker is refused (it would count for both)."""
    cues = validate_model("language.toml", None, read_toml("language.toml"), LanguageCues)
    english = set(cues.latin.english)
    for lang in cues.latin.languages:
        shared = english.intersection(lang.words)
        if shared:
            raise LexiconError(
                "language.toml", lang.name, f"words also listed as English: {sorted(shared)}"
            )
    return cues


_ASCII_TO_SPACE = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalpha()})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _script(ch: str) -> str:
    """The script of a letter as Unicode names it ('LATIN', 'CYRILLIC', 'CJK', ...). Styled
    Latin letters ('FULLWIDTH LATIN ...', the 'MATHEMATICAL BOLD' letters of pasted 'bold'
    text) are Latin."""
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "UNKNOWN"
    if "LATIN" in name or name.startswith("MATHEMATICAL"):
        return "LATIN"
    return name.split(" ", 1)[0]


@cache
def _foreign_words() -> frozenset[str]:
    """Every other language's marker (lower case): a text with too few of them is English
    without counting anything else (most texts: one scan for words)."""
    return frozenset(w for lang in language_cues().latin.languages for w in lang.words)


def not_english(text: str) -> str | None:
    """Why starkit cannot judge `text`, or None when it can: most of its letters are in
    another script, or its function words are another language's."""
    cues = language_cues()
    if text.isascii():  # most texts: one translate and one split, in C
        words = text.lower().translate(_ASCII_TO_SPACE).split()
    else:
        scripts: Counter[str] = Counter(_script(ch) for ch in text if ch.isalpha())
        letters = sum(scripts.values())
        if letters >= cues.min_script_letters and scripts["LATIN"] < cues.min_latin_share * letters:
            script = max((s for s in scripts if s != "LATIN"), key=scripts.__getitem__)
            name = {"CJK": "Chinese or Japanese"}.get(script, script.title())
            return (
                f"most of its letters are {name}, not English: starkit judges English text "
                "only (if the file is English, it was read with the wrong encoding: save it "
                "as UTF-8)"
            )
        words = [w.lower() for w in _WORD.findall(text)]
    if sum(map(len, words)) < cues.latin.min_letters:
        return None  # too few letters to tell a language by ('Led 3 teams')
    return _latin_language(words, cues.latin)


def _latin_language(found: list[str], latin: _Latin) -> str | None:
    """Why the words (lower case) are not English: another language's function words, at
    least `min_markers` and `over_english` times the English ones; else None."""
    foreign = _foreign_words()
    if sum(w in foreign for w in found) < latin.min_markers:
        return None
    words = Counter(found)
    english = sum(words[w] for w in latin.english)
    best, count = None, 0
    for lang in latin.languages:
        n = sum(words[w] for w in lang.words)
        if n > count:
            best, count = lang.name, n
    if (
        best is not None
        and count >= latin.min_markers
        and count >= latin.over_english * max(1, english)
    ):
        return f"it reads as {best}, not English: starkit judges English text only"
    return None


__all__ = ["LanguageCues", "language_cues", "not_english"]
