"""What a rule sees: one unit of text, annotated once (tokens, lexicon matches, numbers).

Rules are pure functions of a `UnitContext`; none re-tokenizes or re-matches.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar, overload

from starkit.models import Story
from starkit.nlp import LOWERS
from starkit.quantities import Quantity, find_numbers
from starkit.rules.placeholders import slot_needles, slot_scanners
from starkit.terms import Lexicon, load_lexicon
from starkit.textio import count_words, has_zero_width, strip_zero_width

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from starkit.answer.outline import AnswerFacts

CLAUSE_BREAKS = {".", ";", "!", "?", ":", "\n", "•", "|"}
STOPS = frozenset({".", "!", "?"})  # the marks that end a sentence (`UnitContext._stops`)

_T = TypeVar("_T")


class cached_property(Generic[_T]):
    """`functools.cached_property` as Python 3.12 has it: computed on first access, then read
    from the instance's `__dict__`. Python 3.11's takes a lock shared by every instance on each
    first access (0.8 against 0.3 microseconds, measured: a unit computes a dozen of these, so
    about 1.5% of linting a bullet); a unit context is never shared between threads."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.attrname = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.attrname = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value


class Match(NamedTuple):
    """A lexicon match: category, entry id, token span. Immutable; a named tuple, made about
    three times faster than a frozen dataclass (a unit makes one for every lexicon match)."""

    category: str
    entry: str
    start: int
    end: int


@dataclass
class UnitContext:
    """One unit (bullet, story or email) with its annotations. Offsets are unit-relative."""

    kind: str  # bullet | story | email | answer
    text: str  # the unit's original text
    doc: Doc  # the doc of the normalised text (same length, same offsets)
    story: Story | None = None
    lexicon: Lexicon | None = None  # the config's lexicon (None: the default one)
    answer: AnswerFacts | None = None  # kind `answer`: question type and outline
    _by_cat: dict[str, list[Match]] = field(default_factory=dict, repr=False)
    memo: dict[str, Any] = field(default_factory=dict, repr=False)
    """Tables a rule computes once per unit (keyed by the rule's own name): a rule that would
    otherwise rescan the unit for every match keeps linear time."""
    annotations: dict[str, Any] = field(default_factory=dict, repr=False)
    """What the annotation stage (`starkit.annotate`) computed for this unit, by key."""
    normalised: str | None = field(default=None, repr=False)
    """The doc's text when the caller has it (the text it gave the pipeline: spaCy's doc text
    is its input), so `doc_text` is not rebuilt from the tokens."""

    def __post_init__(self) -> None:
        # rules call `word_list` and `matches` about seventy times a unit: from here on each is
        # a dict look-up made in C (the methods below say what they return)
        self.__dict__["word_list"] = self._word_lists.__getitem__
        self._raw_matches = self.doc._.starkit_matches or []  # read once: `numbers` reads it too
        groups: dict[str, list[tuple[str, str, int, int]]] = {}
        for m in self._raw_matches:
            groups.setdefault(m[0], []).append(m)
        by_cat = _Categories(groups)
        # A change word inside a metric's name ("drop-off", "growth rate") is not a change.
        metric_cats = ("product", "causal", "vanity", "efficiency", "guardrail")
        doc = self.doc
        # Kept matches of a category do not overlap and are sorted, so the one match that can
        # hold a change is the last one starting at or before it (a binary search, not a scan).
        changes = by_cat["change"]
        starts = {cat: [m.start for m in by_cat[cat]] for cat in metric_cats if changes}
        lowers = self.lowers if changes else []

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
            for c in changes
            if not (lowers[c.start] == "up" and c.end < len(doc) and lowers[c.end] == "to")
            and not (
                lowers[c.start] in ("more", "less", "fewer")
                and c.end < len(doc)
                and lowers[c.end] == "than"
            )  # "more than three pushes" is a hedge
            and not _list_closer(doc, c.start, c.end, self.word_list("list-closers"))
            and not _glued(doc, c.start, c.end, self.text)
            and not inside_metric(c)
        ]
        self._by_cat = by_cat
        self.__dict__["matches"] = by_cat.__getitem__

    def release(self) -> None:
        """Drop what the annotation stage and the rules computed for this unit: a metric
        mention refers back to its context, and a batch pauses the cyclic collector, so the
        batch linter cuts the cycle once the unit is reported."""
        self.annotations.clear()
        self.memo.clear()

    # --- lexicon matches ---------------------------------------------------------------
    def word_list(self, name: str) -> frozenset[str]:
        """A function-word list of the (config-edited) lexicon, lower-cased."""
        return self._word_lists[name]

    @cached_property
    def _word_lists(self) -> dict[str, frozenset[str]]:
        # the lexicon's own table, read directly: rules ask for a list hundreds of times a unit
        return (self.lexicon or load_lexicon()).word_lists

    def matches(self, category: str) -> list[Match]:
        """Longest non-overlapping matches of one lexicon category, in text order."""
        return self._by_cat[category]

    def matches_starting(self, category: str, lo: int, hi: int) -> list[Match]:
        """The matches of `category` (as `matches`) that start at tokens lo..hi-1, in text
        order. O(log n) to find them: a rule that reads the matches near each of many
        mentions stays linear in a long text."""
        starts = self._match_starts.get(category)
        if starts is None:
            starts = self._starts(category)
        return self._by_cat[category][bisect_left(starts, lo) : bisect_left(starts, hi)]

    def has(self, category: str) -> bool:
        """True when any term of the category occurs in the unit."""
        return bool(self._by_cat[category])

    def _starts(self, category: str) -> list[int]:
        starts = self._match_starts.get(category)
        if starts is None:
            starts = self._match_starts[category] = [m.start for m in self.matches(category)]
        return starts

    @cached_property
    def _match_starts(self) -> dict[str, list[int]]:
        return {}

    def covered_by(self, category: str, start: int, end: int) -> bool:
        """True when a match of `category` overlaps the token span. O(log n): the matches of
        a category do not overlap and are sorted, so only the last one starting before `end`
        can reach into the span."""
        starts = self._match_starts.get(category)
        if starts is None:
            starts = self._starts(category)
        k = bisect_left(starts, end) - 1
        return k >= 0 and self._by_cat[category][k].end > start

    def at(self, category: str, i: int) -> Match | None:
        """The match of `category` covering token i, if any (O(log n), as `covered_by`)."""
        starts = self._match_starts.get(category)
        if starts is None:
            starts = self._starts(category)
        k = bisect_right(starts, i) - 1
        if k < 0:
            return None
        m = self._by_cat[category][k]
        return m if m.start <= i < m.end else None

    @cached_property
    def clause_starts(self) -> list[int]:
        """Sorted token indices that open a clause: 0 and each token after . ; ! ? : • or a
        newline (computed once per unit)."""
        starts = [0]
        for i, text in enumerate(self.token_texts):
            if text in (".", ";", "!", "?", ":", "•") or "\n" in text:
                if i + 1 != starts[-1]:
                    starts.append(i + 1)
        return starts

    @cached_property
    def doc_text(self) -> str:
        """The doc's (normalised) text, built once."""
        return self.doc.text if self.normalised is None else self.normalised

    # --- numbers -----------------------------------------------------------------------
    @cached_property
    def numbers(self) -> list[Quantity]:
        """Every number, measuring or not."""
        return find_numbers(self.doc, self.doc_text, self._raw_matches, self.tokens)

    @cached_property
    def quantities(self) -> list[Quantity]:
        """The measuring quantities."""
        return [q for q in self.numbers if q.measure]

    def quantities_around(self, lo: int, hi: int) -> list[Quantity]:
        """The measuring quantities that may reach tokens lo..hi, in text order: every one
        with a token from lo - 1 to hi + 1, and perhaps a few more (a caller tests its own
        condition on each). O(log n) to find them, so a rule that looks beside each of many
        mentions stays linear in a long text."""
        starts, longest, ordered = self._quantity_starts
        if not ordered:
            return self.quantities
        return self.quantities[bisect_left(starts, lo - 1 - longest) : bisect_right(starts, hi + 1)]

    @cached_property
    def _quantity_starts(self) -> tuple[list[int], int, bool]:
        """The quantities' first tokens, their longest token length, and whether the first
        tokens are in order (they are: `find_numbers` sorts by offset)."""
        qs = self.quantities
        starts = [q.token_start for q in qs]
        longest = max((q.token_end - q.token_start for q in qs), default=0)
        return starts, longest, all(a <= b for a, b in pairwise(starts))

    @cached_property
    def slot_tokens(self) -> set[int]:
        """Tokens inside template slots ('$X', 'N users', '[timeframe]'): they stand where a
        figure goes, so a change word may reach across them."""
        out: set[int] = set()
        for _, start, end in self.slot_matches:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
        return out

    @cached_property
    def slot_matches(self) -> list[tuple[str, int, int]]:
        """(shape id, start, end) of every template-slot regex match in the doc text, shape by
        shape in file order: the regexes run once a unit (`unfilled-placeholder` reads them
        too)."""
        text = self.doc_text
        chars = set(text)  # a shape none of whose first characters the text holds is skipped
        return [
            (pid, m.start(), m.end())
            for (pid, rx, first), gate in zip(slot_scanners(), slot_needles(), strict=True)
            if (first is None or not first.isdisjoint(chars))
            and (gate is None or gate.search(text) is not None)  # nor one with no needle
            for m in rx.finditer(text)
        ]

    def sentence_of(self, i: int) -> tuple[int, int]:
        """Token bounds of the sentence holding token i (split at . ! ? and newlines only).
        O(1): the bounds of every token are computed once per unit."""
        starts, ends = self._sentence_bounds
        return starts[i], ends[i]

    @cached_property
    def _sentence_bounds(self) -> tuple[list[int], list[int]]:
        texts = self.token_texts
        is_break = [stop or "\n" in t for stop, t in zip(self._stops, texts, strict=True)]
        if "\n" in self.text:  # one line (most bullets): nothing can be wrapped
            for k in _wrapped_line_ends(texts):
                is_break[k] = False
        return _bounds(is_break)

    @cached_property
    def _stops(self) -> list[bool]:
        """For every token, whether it ends a sentence as a stop (. ! ?), for both splitters
        (`sentence_of`, `clause_of`). An abbreviation's full stop before a lower-case word or a
        figure ends nothing ('approx. 40%', word list `stop-abbreviations`); a stop glued to the
        brackets or quotes that close after it ends the sentence at the last of them ('(40% of
        active users.) Then'), so what a rewrite adds goes outside them."""
        texts = self.token_texts
        stops = [t in STOPS for t in texts]
        abbreviations = self.word_list("stop-abbreviations")
        for k in range(1, len(texts) - 1):
            if texts[k] not in STOPS:
                continue
            nxt = texts[k + 1]
            if (
                texts[k] == "."
                and texts[k - 1].lower() in abbreviations
                and not (nxt[:1].isupper() or nxt.isspace())
            ):
                stops[k] = False
            elif nxt in SENTENCE_CLOSERS and not self.doc[k].whitespace_:
                j = k + 1
                while j + 1 < len(texts) and texts[j + 1] in SENTENCE_CLOSERS:
                    j += 1  # '... plan.") Then': the last closer ends it
                stops[k], stops[j] = False, True
        return stops

    def section_at(self, i: int) -> str | None:
        """In a story, the name of the STAR section holding token i (None outside them)."""
        if self.story is None:
            return None
        return self.section_at_char(self.doc[i].idx if 0 <= i < len(self.doc) else -1)

    def section_at_char(self, pos: int) -> str | None:
        """In a story, the name of the STAR section holding character `pos`. In a labelled
        story the sentence's own label decides (a story of several STAR cycles has several
        Results: `segment.labelled_spans`); else the section that holds it."""
        if self.story is None:
            return None
        starts, spans = self._labelled_spans
        k = bisect_right(starts, pos) - 1
        if k >= 0 and pos < spans[k][1]:
            return spans[k][2]
        return next((s.name for s in self.story.sections if s.start <= pos < s.end), None)

    @cached_property
    def _labelled_spans(self) -> tuple[list[int], list[tuple[int, int, str]]]:
        from starkit.story.segment import labelled_spans

        spans = labelled_spans(self.text) or []
        return [s for s, _, _ in spans], spans

    def quantities_before(self, i: int) -> bool:
        """True when a measuring quantity ends right before token i ('by 20% to improve')."""
        return any(
            q.token_end == i - 1 or q.token_end == i for q in self.quantities_around(i - 1, i)
        )

    # --- token helpers -----------------------------------------------------------------
    @cached_property
    def lowers(self) -> list[str]:
        """Lower-cased text of every token, built once."""
        return self._texts_lowers[1]

    @cached_property
    def lower_set(self) -> frozenset[str]:
        """Every lower-cased token of the unit: a check that needs a word returns at once when
        the unit has none."""
        return frozenset(self.lowers)

    @cached_property
    def token_texts(self) -> list[str]:
        """Text of every token, built once."""
        return self._texts_lowers[0]

    @cached_property
    def tokens(self) -> list[Token]:
        """Every token of the doc, made once: `doc[i]` makes a new spaCy Token object at each
        call, and rules read the tokens near the start of a unit many times over. Not kept in
        `doc.user_data`: a token refers to its doc, and the cycle would outlive a batch (the
        batch linter pauses the cyclic collector)."""
        return list(self.doc)

    @cached_property
    def _texts_lowers(self) -> tuple[list[str], list[str]]:
        # one walk over the tokens; the lower-cased forms the term matcher read already are
        # taken from it
        lowers = self.doc.user_data.get(LOWERS)
        if lowers is None:
            texts, lowers = [], []
            for t in self.tokens:
                texts.append(t.text)
                lowers.append(t.lower_)
        else:
            texts = [t.text for t in self.tokens]
        if has_zero_width(self.doc_text):  # a word with a zero-width character inside
            texts = [strip_zero_width(w) for w in texts]
            lowers = [strip_zero_width(w) for w in lowers]
        # from now on `lower(i)` is a dict look-up made in C: rules call it a hundred times a
        # unit, and the method call cost more than the look-up (about 3% of linting a bullet)
        self.__dict__["lower"] = _Lowers(enumerate(lowers)).__getitem__
        return texts, lowers

    def lower(self, i: int) -> str:
        """Lower-cased text of token i ('' outside the doc)."""
        lowers = self.lowers  # replaces this method on the instance by a faster look-up
        return lowers[i] if 0 <= i < len(lowers) else ""

    def word(self, i: int) -> str:
        """Lower-cased text of the hyphenated compound holding token i ('check-in' at 'check',
        '-' or 'in'; the tokenizer splits it in three), else of token i alone. A word list's
        hyphenated entry matches only through this (`listed`)."""
        joins = self._hyphen_joins
        if not joins or i in joins:
            return self.lower(i)
        lo = hi = i
        while lo - 1 in joins:
            lo -= 2
        while hi + 1 in joins:
            hi += 2
        return self.lower(i) if lo == hi else "".join(self.lowers[lo : hi + 1])

    @cached_property
    def _hyphen_joins(self) -> frozenset[int]:
        """The hyphens glued to a word either side ('check-in'), not dashes between clauses
        (an em dash reads as '-' in matching). Worked out once per unit; most have none."""
        if "-" not in self.lower_set:
            return frozenset()
        doc, lowers, n = self.doc, self.lowers, len(self.lowers)
        joins = set()
        for h in range(1, n - 1):
            if lowers[h] != "-":
                continue
            if doc[h - 1].whitespace_ or doc[h].whitespace_:
                continue
            if not (doc[h - 1].is_alpha and doc[h + 1].is_alpha):
                continue
            if self.text[doc[h].idx : doc[h].idx + 1] in _CLAUSE_DASHES:
                continue
            joins.add(h)
        return frozenset(joins)

    def glued_hyphen(self, h: int) -> bool:
        """Token h is a hyphen glued to a word either side ('open-source'), not a dash."""
        return h in self._hyphen_joins

    def listed(self, i: int, *names: str) -> bool:
        """Token i, or the hyphenated compound holding it (`word`), is in one of the named
        word lists."""
        low = self.lower(i)
        lists = self._word_lists
        for name in names:
            if low in lists[name]:
                return True
        joins = self._hyphen_joins
        if not joins or (i - 1 not in joins and i + 1 not in joins):
            return False  # no glued hyphen beside it (most tokens): no compound to look up
        compound = self.word(i)
        return any(compound in lists[name] for name in names)

    def clause_of(self, i: int) -> tuple[int, int]:
        """Token bounds of the clause holding token i (split at . ; ! ? : and newlines).
        O(1): the bounds of every token are computed once per unit."""
        starts, ends = self._clause_bounds
        return starts[i], ends[i]

    @cached_property
    def _clause_bounds(self) -> tuple[list[int], list[int]]:
        return _bounds(self.clause_breaks)

    @cached_property
    def clause_breaks(self) -> list[bool]:
        """For every token, whether it ends a clause: a stop (`_stops`), ; : • | or a newline."""
        return [
            stop or (t in CLAUSE_BREAKS and t not in STOPS) or "\n" in t
            for stop, t in zip(self._stops, self.token_texts, strict=True)
        ]

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
        """True when the offset sits inside a quoted passage on its line: an odd number of
        double quotes before it on the line, or more opening than closing single quotes.
        O(1) per call from prefix counts made once per unit (a long line with many matches
        used to be rescanned for each)."""
        if not self._has_quotes:
            return False  # no quote on any line (most units): the prefix counts are not made
        text = self.doc_text
        line_start = self._line_starts[bisect_right(self._line_starts, char_start) - 1]
        if char_start <= line_start:
            return False
        dq, opens, closes = self._quote_counts
        if (dq[char_start] - dq[line_start]) % 2 == 1:
            return True
        n_open = opens[char_start] - opens[line_start]
        n_close = closes[char_start] - closes[line_start]
        k = char_start - 1  # the last quote before the offset closes whatever follows it
        if (
            text[k] == "'"
            and k > line_start
            and text[k - 1].isalnum()
            and k + 1 < len(text)
            and text[k + 1].isalnum()
        ):
            n_close += 1
        return n_open > n_close

    def quote_closes_after(self, char_end: int) -> bool:
        """True when a closing quote follows the offset on its line (a double quote, or a
        single quote after a letter and before none): an apostrophe that opens no passage
        ("'cause", "'em" in a transcript) closes nothing. O(log n) from the prefix counts."""
        if not self._has_quotes:
            return False
        k = bisect_right(self._line_starts, char_end)
        line_end = self._line_starts[k] - 1 if k < len(self._line_starts) else len(self.doc_text)
        dq, _, closes = self._quote_counts
        line_end = max(line_end, char_end)
        return dq[line_end] - dq[char_end] > 0 or closes[line_end] - closes[char_end] > 0

    @cached_property
    def _has_quotes(self) -> bool:
        return '"' in self.doc_text or "'" in self.doc_text

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(k + 1 for k, ch in enumerate(self.text) if ch == "\n")]

    @cached_property
    def _quote_counts(self) -> tuple[list[int], list[int], list[int]]:
        """Prefix counts over the doc text: double quotes, opening and closing single quotes
        (as `_open_single_quote` defines them, a line being a fresh start)."""
        text = self.doc_text
        n = len(text)
        dq, opens, closes = [0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
        for k, ch in enumerate(text):
            dq[k + 1], opens[k + 1], closes[k + 1] = dq[k], opens[k], closes[k]
            if ch == '"':
                dq[k + 1] += 1
            elif ch == "'":
                prev_alnum = k > 0 and text[k - 1].isalnum()
                if not prev_alnum:
                    opens[k + 1] += 1
                elif k + 1 >= n or not text[k + 1].isalnum():
                    closes[k + 1] += 1
        return dq, opens, closes

    def words(self) -> int:
        """Words as a reader counts them (`starkit.textio.count_words`)."""
        return count_words(self.text)


class _Categories(dict[str, list[Match]]):
    """Lexicon category -> its matches, the longest of overlapping ones kept, in text order:
    a category is sorted and pruned when a rule first reads it (a bullet's rules read about
    half of the matches the matcher makes: those of answer categories are never read)."""

    def __init__(self, raw: dict[str, list[tuple[str, str, int, int]]]) -> None:
        super().__init__()
        self.raw = raw

    def __missing__(self, category: str) -> list[Match]:
        ms = list(map(_as_match, self.raw.get(category, ())))
        if len(ms) > 1:  # one match overlaps nothing
            ms.sort(key=lambda m: (m.start, -(m.end - m.start)))
            kept: list[Match] = []
            for m in ms:
                if kept and m.start < kept[-1].end:
                    continue
                kept.append(m)
            ms = kept
        self[category] = ms
        return ms


_as_match = Match._make  # a raw (category, entry, start, end) as a Match, no argument parsing


class _Lowers(dict[int, str]):
    """Token index -> lower-cased text, '' for an index outside the doc."""

    def __missing__(self, key: int) -> str:
        return ""


_WRAPPED_LINE_WORDS = 8  # a line cut by a fixed width, not by the writer, runs this long


# brackets and quotes that close on a sentence's full stop ('... users.)'): the sentence ends
# after them, so what a rewrite adds to it goes outside the bracket
SENTENCE_CLOSERS = frozenset({")", "]", '"', "”", "’"})


def _wrapped_line_ends(texts: list[str]) -> list[int]:
    """The single line breaks of hard-wrapped prose: a line of at least `_WRAPPED_LINE_WORDS`
    words that ends with no stop, comma-free colon or list mark, followed by a line that goes
    on in lower case ('the goal is to make gross conversion significantly' / 'decrease, while
    ...'): one sentence cut by a width, not two. A blank line, a list item or a capital after
    the break keeps it (notes such as 'reactions up 20%' / 'comments down 10%' are short)."""
    out: list[int] = []
    words = 0
    for k, t in enumerate(texts):
        if "\n" not in t:
            if t.strip() and any(c.isalnum() for c in t):
                words += 1
            continue
        line_words, words = words, 0
        if t.count("\n") != 1 or line_words < _WRAPPED_LINE_WORDS or k == 0:
            continue
        prev = texts[k - 1]
        nxt = next((x for x in texts[k + 1 :] if x.strip()), "")
        if prev in (".", "!", "?", ":", ";") or not nxt[:1].isalpha() or not nxt[:1].islower():
            continue
        out.append(k)
    return out


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


def _list_closer(doc: Doc, start: int, end: int, closers: frozenset[str]) -> bool:
    """'pipes, aliases, and more,': a comparative after 'and'/'or' with no word after it
    closes a list (etc.); it moves nothing."""
    if doc[start].lower_ not in ("more", "less") or start == 0:
        return False
    after = doc[end] if end < len(doc) else None
    return doc[start - 1].lower_ in closers and (after is None or not after.is_alpha)


def _glued(doc: Doc, start: int, end: int, text: str) -> bool:
    """True when the span is part of a hyphenated compound ('cutting-edge', 'high-growth'). An
    em dash glued between two words ('improvement—drove $100M+'; matching reads it as '-') is
    a break between clauses, not a compound: `text` is the unit's own text, whose offsets the
    doc shares."""

    def hyphen(k: int) -> bool:
        return doc[k].text == "-" and text[doc[k].idx : doc[k].idx + 1] not in _CLAUSE_DASHES

    after = end < len(doc) - 1 and hyphen(end) and not doc[end - 1].whitespace_
    before = start >= 2 and hyphen(start - 1) and not doc[start - 1].whitespace_
    return after or before


_CLAUSE_DASHES = ("\u2014", "\u2015")  # the em dash and the horizontal bar


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
