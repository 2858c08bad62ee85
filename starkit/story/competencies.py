"""Suggest the competencies a story shows, from cue terms in `lexicons/story/competencies.toml`.

Plain, explainable scoring: a competency's strength in a text is `1 - exp(-n / 2)`, where `n`
is the number of *different* cue terms of that competency found in the text (one term: 0.39,
two: 0.63, three: 0.78, four: 0.86). Repeating one word does not raise it. A competency is
suggested when its strength reaches `SUGGEST_AT` (two different terms). The user can edit the
suggestion; tags they set count as full strength in `coverage`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from starkit.story._terms import TermIndex
from starkit.story.questions import Competency, load_competencies

SUGGEST_AT = 0.6
"""The strength at which a competency is suggested: two different cue terms (0.63)."""


@dataclass(frozen=True)
class CompetencyEvidence:
    """A competency's strength in a text and the cue terms that gave it."""

    id: str
    name: str
    strength: float
    terms: tuple[str, ...]


@cache
def _index() -> tuple[TermIndex, dict[str, Competency]]:
    comps = load_competencies()
    return TermIndex({c.id: c.terms for c in comps}), {c.id: c for c in comps}


def strength(n_terms: int) -> float:
    """Strength from the number of different cue terms found."""
    return 1.0 - math.exp(-n_terms / 2.0) if n_terms > 0 else 0.0


def competency_evidence(text: str) -> list[CompetencyEvidence]:
    """Every competency with at least one cue term in `text`, strongest first."""
    if not isinstance(text, str) or not text.strip():
        return []
    index, comps = _index()
    found: dict[str, set[str]] = {}
    for m in index.find(text):
        found.setdefault(m.key, set()).add(m.term.lower())
    out = [
        CompetencyEvidence(cid, comps[cid].name, round(strength(len(t)), 3), tuple(sorted(t)))
        for cid, t in found.items()
    ]
    order = {c: i for i, c in enumerate(comps)}
    return sorted(out, key=lambda e: (-e.strength, order[e.id]))


def competency_scores(text: str) -> dict[str, float]:
    """Strength (0-1) of every competency in the lexicon for `text` (0.0 when absent)."""
    _, comps = _index()
    scores = dict.fromkeys(comps, 0.0)
    for e in competency_evidence(text):
        scores[e.id] = e.strength
    return scores


def suggest_competencies(text: str, limit: int = 4) -> list[str]:
    """Competency ids the story seems to show, strongest first (at most `limit`)."""
    return [e.id for e in competency_evidence(text) if e.strength >= SUGGEST_AT][:limit]


def _norm(tag: str) -> str:
    return re.sub(r"[\s_\-]+", " ", tag.strip().lower())


def resolve_tags(tags: Iterable[str]) -> list[str]:
    """Competency ids named by free-text tags (an id or a name, any case; others ignored)."""
    _, comps = _index()
    lookup: dict[str, str] = {}
    for c in comps.values():
        lookup[_norm(c.id)] = c.id
        lookup[_norm(c.name)] = c.id
    out: list[str] = []
    for tag in tags:
        cid = lookup.get(_norm(str(tag)))
        if cid and cid not in out:
            out.append(cid)
    return out
