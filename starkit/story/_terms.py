"""Phrase matching shared by segmentation, follow-ups and competencies.

Lexicon terms are plain phrases matched case-insensitively on whole words: "a/b test" matches
"A/B test" but "test" does not match "testing". A trailing `*` matches any ending
("significan*" finds "significant" and "significance"); ' and ’ are the same character.

Matching is a dictionary lookup of word n-grams, not one regex per term: every list of every
lexicon is checked in one pass over the text's tokens, which keeps a 300-word story well under
a millisecond however many terms the lexicons hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+|[^\w\s]")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Lower-cased tokens (runs of word characters, or one punctuation mark) with offsets."""
    lowered = text.lower().replace("’", "'").replace("‘", "'")
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(lowered)]


@dataclass(frozen=True)
class TermMatch:
    """One term found: the key of its list, the term, its span, and whether it opens the text."""

    key: str
    term: str
    start: int
    end: int
    at_start: bool


class TermIndex:
    """Find the terms of many named lists in one pass over a text."""

    def __init__(self, groups: Mapping[str, Iterable[str]]) -> None:
        self._exact: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        # Prefix terms ("significan*"), bucketed so each token checks only a few of them:
        # by their first word when they have several, else by the first 3 letters of the stem.
        self._prefix: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = {}
        self._maxlen = 1
        self._short_stems = False
        for key, terms in groups.items():
            for term in terms:
                term = term.strip()
                if not term:
                    continue
                star = term.endswith("*")
                toks = tuple(t for t, _, _ in tokenize(term[:-1] if star else term))
                if not toks:
                    continue
                self._maxlen = max(self._maxlen, len(toks))
                if star:
                    head, stem = toks[:-1], toks[-1]
                    bucket = head[0] if head else "*" + stem[:3]
                    self._short_stems = self._short_stems or (not head and len(stem) < 3)
                    self._prefix.setdefault(bucket, []).append((head, stem, key, term))
                else:
                    self._exact.setdefault(toks, []).append((key, term))

    def find(self, text: str) -> list[TermMatch]:
        """Every term occurrence in `text` (overlaps included), in text order."""
        toks = tokenize(text)
        words = [t for t, _, _ in toks]
        first_word = next((i for i, w in enumerate(words) if w[0].isalnum() or w == "_"), -1)
        out: list[TermMatch] = []
        n = len(words)
        for i in range(n):
            for length in range(1, min(self._maxlen, n - i) + 1):
                hits = self._exact.get(tuple(words[i : i + length]))
                if hits:
                    for key, term in hits:
                        out.append(
                            TermMatch(
                                key, term, toks[i][1], toks[i + length - 1][2], i == first_word
                            )
                        )
            w = words[i]
            buckets = {w, "*" + w[:3]}
            if self._short_stems:
                buckets |= {"*" + w[:2], "*" + w[:1]}
            cands = [c for b in buckets for c in self._prefix.get(b, ())]
            for head, stem, key, term in cands:
                j = i + len(head)
                if j < n and tuple(words[i:j]) == head and words[j].startswith(stem):
                    out.append(TermMatch(key, term, toks[i][1], toks[j][2], i == first_word))
        return out

    def keys_in(self, text: str) -> set[str]:
        """The keys of the lists with at least one term in `text`."""
        return {m.key for m in self.find(text)}


def check_pattern(pattern: str) -> str:
    """Validate a lexicon regex (raises ValueError with the reason, for pydantic)."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"invalid regex {pattern!r}: {exc}") from None
    return pattern
