"""Text normalisation shared by the readers: odd spaces made plain, U+2010/U+2011 hyphens made
'-', invisible characters (soft hyphens included) dropped, runs of whitespace collapsed."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# a zero-width joiner between two emoji is part of the emoji ("👩🏽‍💻"): only one beside a letter
# or digit is dropped
INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u2060\ufeff]|(?<=\w)\u200d|\u200d(?=\w)")
HYPHENS = re.compile(r"[\u2010\u2011]")  # hyphen, non-breaking hyphen: a plain '-'


def clean(text: str) -> str:
    """One line of text with odd spaces made plain, invisible characters dropped and runs of
    whitespace collapsed (tabs included)."""
    text = INVISIBLE.sub("", SPACES.sub(" ", HYPHENS.sub("-", text)))
    return " ".join(text.split())


_WORD_SPLIT = re.compile(r"[\s\-\u2013\u2014/|]+")
_ADDRESS = re.compile(r"@|\w\.\w|://")  # an email, a domain or a URL is one long word


def run_together(texts: Iterable[str], min_letters: int) -> tuple[list[str], float]:
    """Words that look run together (at least `min_letters` letters with no space, hyphen or
    slash: 'Jobdescription1Ledateamof5', not an email or URL) and their share of the letters
    in `texts`."""
    total = 0
    long: list[str] = []
    long_letters = 0
    for text in texts:
        for word in _WORD_SPLIT.split(text):
            n = sum(c.isalpha() for c in word)
            total += n
            if n >= min_letters and not _ADDRESS.search(word):
                long.append(word)
                long_letters += n
    return long, (long_letters / total if total else 0.0)


Cols = list[int]
"""The 1-based source column of each character of a text a reader derived from a line."""


def sub_mapped(
    pattern: re.Pattern[str],
    repl: str | Callable[[re.Match[str]], str],
    text: str,
    cols: Cols,
) -> tuple[str, Cols]:
    """`pattern.sub(repl, text)` with `cols` carried along. `repl` is a literal or a function
    (its characters sit at the match's start) or one group reference such as `\\1` (its
    characters keep their own columns)."""
    group = int(repl[1:]) if isinstance(repl, str) and repl[:1] == "\\" else None
    out: list[str] = []
    out_cols: Cols = []
    last = 0
    for m in pattern.finditer(text):
        out.append(text[last : m.start()])
        out_cols.extend(cols[last : m.start()])
        if group is not None:
            out.append(m.group(group))
            out_cols.extend(cols[m.start(group) : m.end(group)])
        else:
            r = repl if isinstance(repl, str) else repl(m)
            out.append(r)
            out_cols.extend([cols[m.start()]] * len(r))
        last = m.end()
    out.append(text[last:])
    out_cols.extend(cols[last:])
    return "".join(out), out_cols


def clean_mapped(text: str, cols: Cols) -> tuple[str, Cols]:
    """`clean(text)` and the source column of each of its characters."""
    text = SPACES.sub(" ", HYPHENS.sub("-", text))  # one character for one
    text, cols = sub_mapped(INVISIBLE, "", text, cols)
    out: list[str] = []
    out_cols: Cols = []
    prev_end = 0
    for m in re.finditer(r"\S+", text):
        if out:
            out.append(" ")
            out_cols.append(cols[prev_end])
        prev_end = m.end()
        out.append(m.group(0))
        out_cols.extend(cols[m.start() : m.end()])
    return "".join(out), out_cols
