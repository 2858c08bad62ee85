"""What a rule sees: one unit of text, annotated once (tokens, lexicon matches, numbers).

Rules are pure functions of a `UnitContext`; none re-tokenizes or re-matches.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc

from starkit.models import Story
from starkit.quantities import Quantity, find_numbers
from starkit.rules.placeholders import placeholder_patterns
from starkit.textio import count_words

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
    _by_cat: dict[str, list[Match]] = field(default_factory=dict, repr=False)

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
        # Kept matches of a category do not overlap and are sorted, so the one match that can
        # hold a change is the last one starting at or before it (a binary search, not a scan).
        starts = {cat: [m.start for m in by_cat.get(cat, [])] for cat in metric_cats}

        def inside_metric(c: Match) -> bool:
            for cat in metric_cats:
                k = bisect_right(starts[cat], c.start) - 1
                if k >= 0:
                    m = by_cat[cat][k]
                    if c.end <= m.end and (m.end - m.start) > (c.end - c.start):
                        return True
            return False

        by_cat["change"] = [
            c
            for c in by_cat.get("change", [])
            if not (doc[c.start].lower_ == "up" and c.end < len(doc) and doc[c.end].lower_ == "to")
            and not inside_metric(c)
        ]
        self._by_cat = by_cat

    # --- lexicon matches ---------------------------------------------------------------
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
        for _, rx in placeholder_patterns():
            for m in rx.finditer(self.doc.text):
                span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    out.update(range(span.start, span.end))
        return out

    def sentence_of(self, i: int) -> tuple[int, int]:
        """Token bounds of the sentence holding token i (split at . ! ? and newlines only).
        O(1): the bounds of every token are computed once per unit."""
        starts, ends = self._sentence_bounds
        return starts[i], ends[i]

    @cached_property
    def _sentence_bounds(self) -> tuple[list[int], list[int]]:
        breaks = {".", "!", "?"}
        return _bounds([t.text in breaks or "\n" in t.text for t in self.doc])

    def quantities_before(self, i: int) -> bool:
        """True when a measuring quantity ends right before token i ('by 20% to improve')."""
        return any(q.token_end == i - 1 or q.token_end == i for q in self.quantities)

    # --- token helpers -----------------------------------------------------------------
    def lower(self, i: int) -> str:
        """Lower-cased text of token i ('' outside the doc)."""
        return self.doc[i].lower_ if 0 <= i < len(self.doc) else ""

    def clause_of(self, i: int) -> tuple[int, int]:
        """Token bounds of the clause holding token i (split at . ; ! ? : and newlines).
        O(1): the bounds of every token are computed once per unit."""
        starts, ends = self._clause_bounds
        return starts[i], ends[i]

    @cached_property
    def _clause_bounds(self) -> tuple[list[int], list[int]]:
        return _bounds([self._is_break(k) for k in range(len(self.doc))])

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
        before = self.doc.text[line_start:char_start]
        return before.count('"') % 2 == 1 or _open_single_quote(before)

    def words(self) -> int:
        """Words as a reader counts them (`starkit.textio.count_words`)."""
        return count_words(self.text)


def _bounds(is_break: list[bool]) -> tuple[list[int], list[int]]:
    """For every token i: (start, end) of the run of non-break tokens around it, as the
    walks `s = i; while s > 0 and not break[s - 1]: s -= 1` (and forward to the next break)
    would give, with the index one past the doc included (a break's own start is itself)."""
    n = len(is_break)
    starts = [0] * (n + 1)
    s = 0
    for k in range(n + 1):
        starts[k] = s if k == 0 or not is_break[k - 1] else k
        s = starts[k]
    ends = [n] * (n + 1)
    e = n
    for k in range(n - 1, -1, -1):
        if is_break[k]:
            e = k
        ends[k] = e
    return starts, ends


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
