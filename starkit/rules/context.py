"""What a rule sees: one unit of text, annotated once (tokens, lexicon matches, numbers).

Rules are pure functions of a `UnitContext`; none re-tokenizes or re-matches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from starkit.models import Story
from starkit.quantities import Quantity, find_numbers
from starkit.rules.placeholders import placeholder_patterns
from starkit.terms import Lexicon, load_lexicon
from starkit.textio import count_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

CLAUSE_BREAKS = {".", ";", "!", "?", ":", "\n", "•", "|"}


@dataclass(frozen=True)
class Match:
    """A lexicon match: category, entry id, token span."""

    category: str
    entry: str
    start: int
    end: int


@dataclass
class UnitContext:
    """One unit (bullet, story or email) with its annotations. Offsets are unit-relative."""

    kind: str  # bullet | story | email
    text: str  # the unit's original text
    doc: Doc  # the doc of the normalised text (same length, same offsets)
    story: Story | None = None
    lexicon: Lexicon | None = None  # the config's lexicon (None: the default one)
    _by_cat: dict[str, list[Match]] = field(default_factory=dict, repr=False)
    annotations: dict[str, Any] = field(default_factory=dict, repr=False)
    """What the annotation stage (`starkit.annotate`) computed for this unit, by key."""

    def __post_init__(self) -> None:
        raw = [Match(*m) for m in (self.doc._.starkit_matches or [])]
        by_cat: dict[str, list[Match]] = {}
        for m in raw:
            by_cat.setdefault(m.category, []).append(m)
        # Within a category keep the longest of overlapping matches.
        for cat, ms in by_cat.items():
            ms.sort(key=lambda m: (m.start, -(m.end - m.start)))
            kept: list[Match] = []
            for m in ms:
                if kept and m.start < kept[-1].end:
                    continue
                kept.append(m)
            by_cat[cat] = kept
        # A change word inside a metric's name ("drop-off", "growth rate") is not a change.
        metric_cats = ("product", "causal", "vanity", "efficiency", "guardrail")
        doc = self.doc
        by_cat["change"] = [
            c
            for c in by_cat.get("change", [])
            if not (doc[c.start].lower_ == "up" and c.end < len(doc) and doc[c.end].lower_ == "to")
            and not (
                doc[c.start].lower_ in ("more", "less", "fewer")
                and c.end < len(doc)
                and doc[c.end].lower_ == "than"
            )  # "more than three pushes" is a hedge
            and not _glued(doc, c.start, c.end)
            and not any(
                m.start <= c.start and c.end <= m.end and (m.end - m.start) > (c.end - c.start)
                for cat in metric_cats
                for m in by_cat.get(cat, [])
            )
        ]
        self._by_cat = by_cat

    # --- lexicon matches ---------------------------------------------------------------
    def word_list(self, name: str) -> frozenset[str]:
        """A function-word list of the (config-edited) lexicon, lower-cased."""
        return (self.lexicon or load_lexicon()).words(name)

    def matches(self, category: str) -> list[Match]:
        """Longest non-overlapping matches of one lexicon category, in text order."""
        return self._by_cat.get(category, [])

    def has(self, category: str) -> bool:
        """True when any term of the category occurs in the unit."""
        return bool(self._by_cat.get(category))

    def covered_by(self, category: str, start: int, end: int) -> bool:
        """True when a match of `category` overlaps the token span."""
        return any(m.start < end and start < m.end for m in self.matches(category))

    def at(self, category: str, i: int) -> Match | None:
        """The match of `category` covering token i, if any."""
        return next((m for m in self.matches(category) if m.start <= i < m.end), None)

    @cached_property
    def doc_text(self) -> str:
        """The doc's (normalised) text, built once."""
        return self.doc.text

    # --- numbers -----------------------------------------------------------------------
    @cached_property
    def numbers(self) -> list[Quantity]:
        """Every number, measuring or not."""
        return find_numbers(self.doc)

    @cached_property
    def quantities(self) -> list[Quantity]:
        """The measuring quantities."""
        return [q for q in self.numbers if q.measure]

    @cached_property
    def slot_tokens(self) -> set[int]:
        """Tokens inside template slots ('$X', 'N users', '[timeframe]'): they stand where a
        figure goes, so a change word may reach across them."""
        out: set[int] = set()
        text = self.doc_text
        for _, rx in placeholder_patterns():
            for m in rx.finditer(text):
                span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    out.update(range(span.start, span.end))
        return out

    def sentence_of(self, i: int) -> tuple[int, int]:
        """Token bounds of the sentence holding token i (split at . ! ? and newlines only)."""
        breaks = {".", "!", "?"}
        s = i
        while s > 0 and self.doc[s - 1].text not in breaks and "\n" not in self.doc[s - 1].text:
            s -= 1
        e = i
        while e < len(self.doc) and self.doc[e].text not in breaks and "\n" not in self.doc[e].text:
            e += 1
        return s, e

    def section_at(self, i: int) -> str | None:
        """In a story, the name of the STAR section holding token i (None outside them)."""
        if self.story is None:
            return None
        pos = self.doc[i].idx if 0 <= i < len(self.doc) else -1
        return next((s.name for s in self.story.sections if s.start <= pos < s.end), None)

    def quantities_before(self, i: int) -> bool:
        """True when a measuring quantity ends right before token i ('by 20% to improve')."""
        return any(q.token_end == i - 1 or q.token_end == i for q in self.quantities)

    # --- token helpers -----------------------------------------------------------------
    @cached_property
    def lowers(self) -> list[str]:
        """Lower-cased text of every token, built once."""
        return [t.lower_ for t in self.doc]

    def lower(self, i: int) -> str:
        """Lower-cased text of token i ('' outside the doc)."""
        lowers = self.lowers
        return lowers[i] if 0 <= i < len(lowers) else ""

    def clause_of(self, i: int) -> tuple[int, int]:
        """Token bounds of the clause holding token i (split at . ; ! ? : and newlines)."""
        s = i
        while s > 0 and not self._is_break(s - 1):
            s -= 1
        e = i
        while e < len(self.doc) and not self._is_break(e):
            e += 1
        return s, e

    def _is_break(self, i: int) -> bool:
        t = self.doc[i].text
        if t in CLAUSE_BREAKS or "\n" in t:
            return True
        # a full stop glued to a word ("Inc.") is not a clause break; a lone "." is
        return False

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets of a token span."""
        span = self.doc[start:end]
        return span.start_char, span.end_char

    def whole(self) -> tuple[int, int]:
        """Character offsets of the unit's text without surrounding white space."""
        stripped = self.text.strip()
        start = self.text.find(stripped) if stripped else 0
        return start, start + len(stripped)

    def in_quotes(self, char_start: int) -> bool:
        """True when the offset sits inside a quoted passage on its line."""
        line_start = self.text.rfind("\n", 0, char_start) + 1
        before = self.doc_text[line_start:char_start]
        return before.count('"') % 2 == 1 or _open_single_quote(before)

    def words(self) -> int:
        """Words as a reader counts them (`starkit.textio.count_words`)."""
        return count_words(self.text)


def _glued(doc: Doc, start: int, end: int) -> bool:
    """True when the span is part of a hyphenated compound ('cutting-edge', 'high-growth')."""
    after = end < len(doc) - 1 and doc[end].text == "-" and not doc[end - 1].whitespace_
    before = start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
    return after or before


def _open_single_quote(before: str) -> bool:
    opens = sum(
        1 for k, ch in enumerate(before) if ch == "'" and (k == 0 or not before[k - 1].isalnum())
    )
    closes = sum(
        1
        for k, ch in enumerate(before)
        if ch == "'"
        and k > 0
        and before[k - 1].isalnum()
        and (k + 1 >= len(before) or not before[k + 1].isalnum())
    )
    return opens > closes
