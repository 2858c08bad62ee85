"""Phrase matching shared by segmentation, follow-ups and competencies.

Lexicon terms are plain phrases matched case-insensitively on whole words: "a/b test" matches
"A/B test" but "test" does not match "testing". A trailing `*` matches any ending
("significan*" finds "significant" and "significance"); ' and ’ are the same character.

Whole-word terms are matched by spaCy's PhraseMatcher (as every other lexicon is), on a Doc
built from this module's tokens; prefix terms by a bucketed lookup per token. Every list of
every lexicon is checked in one pass over the text's tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

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
    """Find the terms of many named lists in one pass over a text.

    Whole-word terms go through spaCy's PhraseMatcher (the matcher every lexicon of the linter
    uses), run on a Doc built from this module's tokens so that "sample  size" and "A/B" split
    the same way in the term and the text. Prefix terms ("significan*") are looked up per
    token, bucketed so each token checks only a few of them.
    """

    def __init__(self, groups: Mapping[str, Iterable[str]]) -> None:
        vocab = _vocab()
        self._matcher = PhraseMatcher(vocab, attr="ORTH")  # tokens are lower-cased already
        self._labels: dict[int, list[tuple[str, str]]] = {}
        # Prefix terms ("significan*"), bucketed so each token checks only a few of them:
        # by their first word when they have several, else by the first 3 letters of the stem.
        self._prefix: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = {}
        self._short_stems = False
        patterns: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for key, terms in groups.items():
            for term in terms:
                term = term.strip()
                if not term:
                    continue
                star = term.endswith("*")
                toks = tuple(t for t, _, _ in tokenize(term[:-1] if star else term))
                if not toks:
                    continue
                if star:
                    head, stem = toks[:-1], toks[-1]
                    bucket = head[0] if head else "*" + stem[:3]
                    self._short_stems = self._short_stems or (not head and len(stem) < 3)
                    self._prefix.setdefault(bucket, []).append((head, stem, key, term))
                else:
                    patterns.setdefault(toks, []).append((key, term))
        for toks, owners in patterns.items():
            label = "\x1f".join(toks)
            mid = vocab.strings.add(label)
            self._labels[mid] = owners
            self._matcher.add(label, [Doc(vocab, words=list(toks))])

    def find(self, text: str) -> list[TermMatch]:
        """Every term occurrence in `text` (overlaps included), in text order."""
        toks = tokenize(text)
        words = [t for t, _, _ in toks]
        first_word = next((i for i, w in enumerate(words) if w[0].isalnum() or w == "_"), -1)
        out: list[TermMatch] = []
        n = len(words)
        if not n:
            return out
        doc = Doc(_vocab(), words=words)
        for mid, i, j in self._matcher(doc):
            for key, term in self._labels[mid]:
                out.append(TermMatch(key, term, toks[i][1], toks[j - 1][2], i == first_word))
        if self._prefix:
            for i in range(n):
                w = words[i]
                buckets = {w, "*" + w[:3]}
                if self._short_stems:
                    buckets |= {"*" + w[:2], "*" + w[:1]}
                cands = [c for b in buckets for c in self._prefix.get(b, ())]
                for head, stem, key, term in cands:
                    j = i + len(head)
                    if j < n and tuple(words[i:j]) == head and words[j].startswith(stem):
                        out.append(TermMatch(key, term, toks[i][1], toks[j][2], i == first_word))
        out.sort(key=lambda m: (m.start, m.end))
        return out

    def keys_in(self, text: str) -> set[str]:
        """The keys of the lists with at least one term in `text`."""
        return {m.key for m in self.find(text)}


@cache
def _vocab() -> Vocab:
    return Vocab()


def check_pattern(pattern: str) -> str:
    """Validate a lexicon regex (raises ValueError with the reason, for pydantic)."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"invalid regex {pattern!r}: {exc}") from None
    return pattern
