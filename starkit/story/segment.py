"""Split a STAR story into its Situation, Task, Action and Result sections.

How it decides (docs/stories.md has the long form):

1. **Labels win.** A label ("Situation:", "S:", "**Task**", "## Action", "Result -", a label
   alone on its line) starts a region; every sentence in it belongs to that section. The
   label text itself is not inside any section span.
2. **Unlabelled sentences are scored** by cue phrases from `lexicons/story/segment.toml`
   (time-setting and states for Situation, the ask for Task, first-person verbs for Action,
   figures and "as a result" for Result) plus a position prior (Situation early, Result
   late), then decoded together (Viterbi) with transition costs that favour S -> T -> A -> R.
   Labelled sentences are fixed points of that decoding, so an unlabelled preamble before
   "Task:" reads as Situation.
3. **Sections from runs.** Consecutive sentences with one name form a run. Each name appears
   at most once: when a name has several runs (labels S, A, R, A), its longest run keeps the
   name and each other run joins the section just before it (or just after, at the start).
   Spans are contiguous, non-overlapping, in text order and whitespace-trimmed.

No model, no network: regexes and word lists only, so a 300-word story takes well under 10 ms.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator

from starkit.errors import LexiconError
from starkit.lexicons import StrictModel, read_toml, validate_entries, validate_model
from starkit.models import SECTION_NAMES, Section, SectionName, Story
from starkit.story._terms import TermIndex, TermMatch, check_pattern

LEXICON = "story/segment.toml"
_OUTCOME = "\x00outcome"  # the key of the outcome terms in the term index (no cue id can be it)

# --------------------------------------------------------------------------- lexicon


class Labels(StrictModel):
    """Words that name each section when written as a label."""

    situation: tuple[str, ...]
    task: tuple[str, ...]
    action: tuple[str, ...]
    result: tuple[str, ...]
    coda: tuple[str, ...] = ()
    """A closing lesson or reflection ("Learnings:", "What I learned:"): it belongs to no
    section, so a lesson is no Result (as in unlabelled prose)."""
    implies: dict[str, tuple[SectionName, ...]] = Field(default_factory=dict)
    """Label words that show another section too: a "Challenge:" or "Problem:" label states the
    challenge, and a stated challenge is the Task of meeting it (a CAR or PAR write-up)."""


Knots = tuple[float, float, float, float, float]


class Prior(StrictModel):
    """Position prior per section at positions 0, 1/4, 1/2, 3/4 and 1 of the story."""

    situation: Knots
    task: Knots
    action: Knots
    result: Knots


class Transitions(StrictModel):
    """Costs of the section changing between consecutive sentences."""

    forward: float
    skip: float
    backward: float


class Cue(StrictModel):
    """Phrases or regexes that add `weight` to one section's score for a sentence."""

    id: str
    section: SectionName
    weight: float
    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    at_start: bool = False
    implies: tuple[SectionName, ...] = ()
    """Sections a match shows to be there in unlabelled prose, whatever the decoder makes of
    the sentence: a stated role or challenge is the Task even in a sentence that reads as
    the Situation."""
    note: str = ""

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(check_pattern(p) for p in v)


class Outcome(StrictModel):
    """Words that state an outcome: in unlabelled prose a Result is found only where an Action
    or Result sentence holds one of them (not from its place at the end alone)."""

    note: str = ""
    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    aims: tuple[str, ...] = ()
    """Regexes that mark a purpose or duty clause: an outcome word after one in its clause is
    an aim ("make sure it goes out on time"), not an outcome."""
    unreal: tuple[str, ...] = ()
    """Regexes that mark a sentence as telling no event: a question, a condition ("If the
    address is missing, we won't be able to place the patient"): an outcome word in it states
    no outcome."""

    @field_validator("patterns", "aims", "unreal")
    @classmethod
    def _compiles(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(check_pattern(p) for p in v)


class SegmentFile(StrictModel):
    """The whole `story/segment.toml`."""

    description: str
    temperature: float
    labels: Labels
    prior: Prior
    transitions: Transitions
    outcome: Outcome
    cue: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class _CompiledCue:
    id: str
    section: int
    weight: float
    at_start: bool
    regexes: tuple[re.Pattern[str], ...]
    implies: tuple[SectionName, ...] = ()


@dataclass(frozen=True)
class SegmentLexicon:
    """The validated segmentation lexicon, compiled: one term index for every cue's terms."""

    temperature: float
    prior: tuple[Knots, ...]
    transitions: Transitions
    cues: tuple[_CompiledCue, ...]
    terms: TermIndex
    line_label: re.Pattern[str]
    inline_label: re.Pattern[str]
    alias_to_section: dict[str, SectionName]
    coda: frozenset[str]
    follow_label: re.Pattern[str]
    bracket_label: re.Pattern[str]
    outcome: tuple[re.Pattern[str], ...] = ()
    aims: tuple[re.Pattern[str], ...] = ()
    unreal: tuple[re.Pattern[str], ...] = ()
    label_implies: tuple[tuple[str, tuple[SectionName, ...]], ...] = ()


def _alias_key(alias: str) -> str:
    return " ".join(alias.lower().split())


def load_segment_lexicon(root: Path | None = None) -> SegmentLexicon:
    """Read and validate `story/segment.toml` (LexiconError names a bad entry)."""
    data = read_toml(LEXICON, root)
    sf = validate_model(LEXICON, None, data, SegmentFile)
    if sf.temperature <= 0:
        raise LexiconError(LEXICON, None, "temperature must be positive")
    cues = validate_entries(LEXICON, sf.cue, Cue)
    compiled: list[_CompiledCue] = []
    for c in cues:
        if not (c.terms or c.patterns):
            raise LexiconError(LEXICON, c.id, "a cue needs terms or patterns")
        regexes = tuple(re.compile(p) for p in c.patterns)
        section = SECTION_NAMES.index(c.section)
        compiled.append(_CompiledCue(c.id, section, c.weight, c.at_start, regexes, c.implies))

    alias_to_section: dict[str, SectionName] = {}
    for name in SECTION_NAMES:
        for alias in getattr(sf.labels, name):
            alias_to_section[_alias_key(alias)] = name
    coda = frozenset(_alias_key(a) for a in sf.labels.coda)
    clash = coda & set(alias_to_section)
    unknown = sorted(set(map(_alias_key, sf.labels.implies)) - set(alias_to_section))
    if unknown:
        raise LexiconError(LEXICON, None, f"labels.implies names no label word: {unknown}")
    if clash:
        raise LexiconError(LEXICON, None, f"coda labels also name a section: {sorted(clash)}")
    words = sorted({*alias_to_section, *coda}, key=len, reverse=True)
    alt = "|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in words)
    deco = r"(?:\*\*|__|\*|_)"
    # One label word, or two joined ("Situation / Task", "Action & Result", "S/T").
    joint = r"[ \t]*(?:/|&|\+|(?i:and))[ \t]*"
    word = rf"(?i:{alt})(?:{joint}(?i:{alt}))?|[STAR](?:[ \t]*/[ \t]*[STAR])?"
    # A label at the start of a line: optional quote, bullet, emoji or number, heading, emphasis,
    # the word or one capital S/T/A/R, an optional "(...)", then a colon, ")" or a spaced dash.
    line_label = re.compile(
        rf"^[ \t]*(?:>[ \t]*)?(?:[^\w\s*_#]{{1,3}}[ \t]*|\d{{1,2}}[.)][ \t]+)?"
        rf"(?P<hash>\#{{1,6}}[ \t]*)?"
        rf"(?P<open>{deco})?[ \t]*(?P<word>{word})(?![\w'’])"
        rf"[ \t]*(?:\([^)\n]{{0,40}}\)[ \t]*)?"
        rf"(?P<sep1>:|\)|[-–—](?=\s|$))?[ \t]*(?P<close>{deco})?[ \t]*"
        rf"(?P<sep2>:|[-–—](?=\s|$))?[ \t]*",
        re.MULTILINE,
    )
    # A label after a sentence end, inside a paragraph: "...rate. Result: conversion grew"; or
    # after a comma or semicolon, with a colon, in a story already labelled ("Situation: our
    # build was slow, Task: I owned it, Action: ...").
    inline_label = re.compile(
        rf"(?<=[.!?\"”)|•,;])[ \t]+(?P<open>{deco})?(?P<word>{word})"
        rf"[ \t]*(?P<close>{deco})?[ \t]*(?P<sep>:|[-–—](?=\s))(?:{deco})?[ \t]*"
    )
    # A bracketed label anywhere, even mid-sentence: "(S) ... (T) ... solution (R) he said",
    # "[Situation] ...". Read only when two or more sections are named so ("(A)" alone may be
    # a list item).
    bracket = re.compile(
        rf"(?<![\w(\[])(?P<open>[(\[])[ \t]*(?P<word>(?i:{alt})|[STAR])[ \t]*[)\]]"
        rf"(?![ \t]*[.,;!?])[ \t]*:?[ \t]*"
    )
    # The word that may follow a letter label: "S – Situation", "T: Task -".
    follow = re.compile(rf"[ \t]*(?P<word>(?i:{alt}))(?![\w'’])[ \t]*(?:[:\-–—][ \t]*)?")
    return SegmentLexicon(
        temperature=sf.temperature,
        prior=tuple(getattr(sf.prior, n) for n in SECTION_NAMES),
        transitions=sf.transitions,
        cues=tuple(compiled),
        terms=TermIndex({c.id: c.terms for c in cues} | {_OUTCOME: sf.outcome.terms}),
        line_label=line_label,
        inline_label=inline_label,
        alias_to_section=alias_to_section,
        coda=coda,
        label_implies=tuple((_alias_key(k), v) for k, v in sf.labels.implies.items()),
        follow_label=follow,
        bracket_label=bracket,
        outcome=tuple(re.compile(p) for p in sf.outcome.patterns),
        aims=tuple(re.compile(p) for p in sf.outcome.aims),
        unreal=tuple(re.compile(p) for p in sf.outcome.unreal),
    )


@cache
def _lexicon() -> SegmentLexicon:
    return load_segment_lexicon()


# --------------------------------------------------------------------------- labels

_LETTERS: dict[str, SectionName] = {
    "S": "situation",
    "T": "task",
    "A": "action",
    "R": "result",
}


@dataclass(frozen=True)
class Label:
    """A section label found in the text: `start:end` is the label, content follows `end`.

    `names` holds one section, or two for a joint label ("Situation / Task"), whose sentences
    are then split between the two by their cues, or none for a coda ("Learnings:"), whose
    sentences belong to no section.
    """

    start: int
    end: int
    names: tuple[SectionName, ...]

    @property
    def name(self) -> SectionName:
        """The (first) section the label names."""
        return self.names[0]


def _label_names(word: str, lex: SegmentLexicon) -> tuple[SectionName, ...]:
    """The sections a label word names: "Result", "S", "Situation / Task", "A/R"."""
    whole = lex.alias_to_section.get(_alias_key(word))
    if whole:
        return (whole,)
    if len(word) == 1:
        return (_LETTERS[word],)
    parts = re.split(r"\s*(?:/|&|\+|\band\b)\s*", word.strip(), flags=re.IGNORECASE)
    names: list[SectionName] = []
    for part in parts:
        name = _LETTERS.get(part) if len(part) == 1 else lex.alias_to_section.get(_alias_key(part))
        if name and name not in names:
            names.append(name)
    return tuple(sorted(names, key=SECTION_NAMES.index))


def _line_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def find_labels(text: str, lex: SegmentLexicon | None = None) -> list[Label]:
    """Every section label in `text`, in order (see the module docstring for the forms)."""
    lex = lex or _lexicon()
    found: dict[int, Label] = {}
    for m in lex.line_label.finditer(text):
        word = m.group("word")
        if not word:
            continue
        sep = m.group("sep1") or m.group("sep2")
        decorated = bool(m.group("hash") or (m.group("open") and m.group("close")))
        alone = not text[m.end() : _line_end(text, m.end())].strip()
        end = m.end()
        if len(word) == 1:
            # One capital letter is a label with a separator ("S:", "T)", "A -", "(R)") or
            # alone on its line; "S – Situation" takes the word too.
            if not (sep or alone or (m.group("open") and m.group("close"))):
                continue  # "**S** We had churn" is a label; "# A new plan" is a heading
            if sep and sep in "-–—" and re.match(r"[A-HJ-Z]\b", text[end : end + 2]):
                continue  # "A - B testing" is prose, not a label
            names = (_LETTERS[word],)
            f = lex.follow_label.match(text, end)
            if f and lex.alias_to_section[_alias_key(f.group("word"))] == names[0]:
                end = f.end()
        else:
            if not (sep or decorated or alone):
                continue
            if sep == ")" and not decorated:
                continue  # "Results)" is not a label form
            names = _label_names(word, lex)
            if not names and _alias_key(word) in lex.coda:
                start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                found[start] = Label(start, end, ())
                continue
        if not names:
            continue
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        found[start] = Label(start, end, names)
    brackets = [(m, _label_names(m.group("word"), lex)) for m in lex.bracket_label.finditer(text)]
    if len({names for _, names in brackets if names}) >= 2:
        for m, names in brackets:
            if names and not any(lab.start <= m.start() < lab.end for lab in found.values()):
                found.setdefault(m.start(), Label(m.start(), m.end(), names))
    for m in lex.inline_label.finditer(text):
        if m.group("sep") != ":" and len(m.group("word")) == 1:
            continue  # "... done. A - B testing ..." is prose; a dash labels a word only
        if text[m.start() - 1] in ",;" and (m.group("sep") != ":" or not found):
            continue  # "the ask, goal - clarity" is prose; a list of labels carries colons
        names = _label_names(m.group("word"), lex)
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        coda = _alias_key(m.group("word")) in lex.coda
        if (names or coda) and not any(lab.start <= start < lab.end for lab in found.values()):
            found.setdefault(start, Label(start, m.end(), names))
    return [found[k] for k in sorted(found)]


# --------------------------------------------------------------------------- sentences

_ABBREVIATIONS = frozenset(
    {
        *("e.g", "i.e", "eg", "ie", "vs", "v", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd"),
        *("co", "corp", "llc", "jr", "sr", "st", "approx", "est", "dept", "avg", "min", "max"),
        *("incl", "fig", "al", "cf", "ca", "resp", "no", "nos", "vol", "ed"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    }
)
_END = re.compile(r"(?:[.!?]+|…)[\"'”’)\]*_]*(?=\s)")
_BULLET = re.compile(r"(?:>[ \t]*)?(?:[-*•+▪◦‣][ \t]+|\d{1,2}[.)][ \t]+|\#{1,6}[ \t]+)")
_LIST_START = re.compile(r"^[ \t]*(?:>[ \t]*)?(?:[-*•+▪◦‣][ \t]+|\d{1,2}[.)][ \t]+|\#{1,6}[ \t])")
_WORD_BEFORE = re.compile(r"([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)\.?$")


def _is_abbreviation(chunk: str) -> bool:
    """True when the text ending in '.' ends with a known abbreviation ("e.g.", "U.S.")."""
    # only the tail can hold the word: searching a whole long chunk each time is quadratic
    tail = (chunk[:-1] if chunk.endswith(".") else chunk)[-64:]
    m = _WORD_BEFORE.search(tail)
    if not m:
        return False
    word = m.group(1).lower()
    if word in _ABBREVIATIONS:
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))  # u.s, a.m, p.m


def _blocks(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Cut `text[lo:hi]` at line breaks that end a sentence or item (not at hard wraps)."""
    blocks: list[tuple[int, int]] = []
    start = lo
    pos = lo
    while True:
        nl = text.find("\n", pos, hi)
        if nl < 0:
            blocks.append((start, hi))
            return blocks
        line = text[pos:nl].rstrip()
        nxt_end = text.find("\n", nl + 1, hi)
        nxt = text[nl + 1 : hi if nxt_end < 0 else nxt_end]
        nxt_stripped = nxt.lstrip()
        joined = (
            line.strip()
            and nxt_stripped
            and not _LIST_START.match(nxt)
            and not re.search(r"[.!?:;…\"”)]$", line)
            and nxt_stripped[:1].islower()
        )
        if not joined:
            blocks.append((start, nl))
            start = nl + 1
        pos = nl + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Strip whitespace and a leading list marker; None when nothing word-like is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    m = _BULLET.match(text, start, end)
    while m and m.end() > start:
        start = m.end()
        while start < end and text[start].isspace():
            start += 1
        m = _BULLET.match(text, start, end)
    if start >= end or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end


def _split_block(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = lo
    block = text[lo:hi]
    for m in _END.finditer(block):
        end = lo + m.end()
        chunk = text[start:end]
        mark = m.group(0)
        single_dot = mark.startswith(".") and len(mark.rstrip("\"'”’)]*_")) == 1
        if single_dot and _is_abbreviation(chunk.rstrip("\"'”’)]*_")):
            continue
        nxt = text[end:hi].lstrip()[:1]
        ellipsis = mark.startswith(("…", ".."))
        if ellipsis and not (nxt.isupper() or nxt.isdigit()):
            continue
        span = _trim(text, start, end)
        if span:
            out.append(span)
        start = end
    span = _trim(text, start, hi)
    if span:
        out.append(span)
    return out


def _sentences_in(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for b_lo, b_hi in _blocks(text, lo, hi):
        out.extend(_split_block(text, b_lo, b_hi))
    return out


Names = tuple[SectionName, ...]


def _regions(text: str, labels: list[Label]) -> list[tuple[int, int, Names | None]]:
    """Text regions between labels: (start, end, the label's names or None if unlabelled)."""
    regions: list[tuple[int, int, Names | None]] = []
    first = labels[0].start if labels else len(text)
    regions.append((0, first, None))
    # A story whose labels do not name all four sections may be labelled only in part
    # ("Situation: ..." on its first line, then one unlabelled paragraph per section): there a
    # label written on the line of its text labels that line (or paragraph) only, and the lines
    # after it are read as prose. A label alone on its line (a heading) keeps its region.
    partial = len({n for lab in labels for n in lab.names}) < len(SECTION_NAMES)
    for i, lab in enumerate(labels):
        nxt = labels[i + 1].start if i + 1 < len(labels) else len(text)
        hi = max(lab.end, nxt)
        cut = _first_block_end(text, lab.end, hi) if partial and lab.names else hi
        regions.append((lab.end, cut, lab.names))
        if cut < hi:
            regions.append((cut, hi, None))
    return regions


def _first_block_end(text: str, lo: int, hi: int) -> int:
    """Where the line (or hard-wrapped paragraph) that a label opens ends, when more text
    follows before `hi`; else `hi`. A label alone on its line keeps the whole region."""
    if not text[lo : _line_end(text, lo)].strip():
        return hi
    blocks = _blocks(text, lo, hi)
    end = blocks[0][1]
    return end if any(ch.isalnum() for ch in text[end:hi]) else hi


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentence spans of a story, in order, as `(start, end)` offsets into `text`.

    Section labels and list markers are outside the spans; line breaks end a sentence unless
    they look like a hard wrap (the next line starts in lower case).
    """
    if not isinstance(text, str) or not text.strip():
        return []
    labels = find_labels(text)
    out: list[tuple[int, int]] = []
    for lo, hi, _ in _regions(text, labels):
        out.extend(_sentences_in(text, lo, hi))
    return out


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class SentenceLabel:
    """One sentence with its section, confidence and why (label or cue ids)."""

    start: int
    end: int
    name: SectionName
    confidence: float
    labelled: bool
    cues: tuple[str, ...]
    probs: tuple[float, ...] = ()  # P(section) per section (S, T, A, R) before decoding
    outcome: bool = False  # an unlabelled sentence that states an outcome (`[outcome]`)


def _prior(knots: Knots, pos: float) -> float:
    x = min(max(pos, 0.0), 1.0) * 4
    i = min(int(x), 3)
    return knots[i] + (knots[i + 1] - knots[i]) * (x - i)


def states_outcome(sentence: str, lex: SegmentLexicon | None = None) -> bool:
    """True when the sentence states an outcome (`[outcome]` in the lexicon): something
    happened, got resolved, was won, improved or was delivered."""
    lex = lex or _lexicon()
    sentence = _capital_i(sentence)
    return _states_outcome(sentence, lex, lex.terms.find(sentence))


def _states_outcome(sentence: str, lex: SegmentLexicon, hits: list[TermMatch]) -> bool:
    starts = [m.start for m in hits if m.key == _OUTCOME]
    starts += [m.start() for rx in lex.outcome for m in rx.finditer(sentence)]
    if starts and any(rx.search(sentence) for rx in lex.unreal):
        return False  # a question or a condition tells no event
    return any(not _aimed(sentence, k, lex) for k in starts)


def _aimed(sentence: str, k: int, lex: SegmentLexicon) -> bool:
    """True when the words at `k` sit in a purpose or duty clause ("make sure it goes out on
    time", "so that we would win"): an aim, not an outcome. The clause runs back to the last
    comma, semicolon, 'and' or 'but' (at most `_AIM_WINDOW` characters)."""
    before = sentence[max(0, k - _AIM_WINDOW) : k].lower()
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(" and "), before.rfind(" but "))
    if (
        cut >= 0
        and before.startswith(" and ", cut)
        and _PARTICIPLE_AFTER_AND.match(before[cut + 5 :] + sentence[k : k + 40].lower())
        and _PASSIVE.search(before[: cut + 1])
    ):
        # a second participle of the same passive continues its clause: "to ensure that the
        # product was developed to meet market needs and launched successfully" is one aim
        head = before[:cut]
        cut = max(head.rfind(","), head.rfind(";"), head.rfind(" and "), head.rfind(" but "))
    clause = before[cut + 1 :]
    return any(rx.search(clause) for rx in lex.aims)


_AIM_WINDOW = 80
# An 'and' that only adds a participle (then at most one word) before the outcome word
_PARTICIPLE_AFTER_AND = re.compile(r"\s*\w+(?:ed|en)\b")
# A passive in that clause: "was developed", "were fully tested", "be shipped"
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b"
)


def aim_in(sentence: str) -> bool:
    """True when the sentence holds a purpose or duty (`aims` in the lexicon: "had to",
    "in order to", "make sure")."""
    low = sentence.lower()
    return any(rx.search(low) for rx in _lexicon().aims)


# The pronoun 'i' typed in lower case, as spoken answers are often transcribed ("i was the
# team leader", "i've finished"): read as 'I' by the cues. Not a list numeral ("(i)", "i.").
_LOWER_I = re.compile(r"(?<![\w'’(-])i(?=['’](?:m|ve|d|ll)\b|\s+[a-z])")


def _capital_i(sentence: str) -> str:
    """The sentence with the lower-case pronoun 'i' written 'I' (same length, same offsets)."""
    return _LOWER_I.sub("I", sentence) if "i" in sentence else sentence


def cue_scores(sentence: str, lex: SegmentLexicon | None = None) -> tuple[list[float], list[str]]:
    """Cue score per section (S, T, A, R order) for one sentence, and the cue ids that fired."""
    lex = lex or _lexicon()
    sentence = _capital_i(sentence)
    return _cue_scores(sentence, lex, lex.terms.find(sentence))


def _cue_scores(
    sentence: str, lex: SegmentLexicon, hits: list[TermMatch]
) -> tuple[list[float], list[str]]:
    scores = [0.0, 0.0, 0.0, 0.0]
    fired: list[str] = []
    anywhere = {m.key for m in hits}
    opening = {m.key for m in hits if m.at_start}
    for cue in lex.cues:
        found = cue.id in (opening if cue.at_start else anywhere)
        if found or any(rx.search(sentence) for rx in cue.regexes):
            scores[cue.section] += cue.weight
            fired.append(cue.id)
    return scores, fired


def _softmax(xs: list[float], temperature: float) -> list[float]:
    top = max(xs)
    exps = [math.exp((x - top) / temperature) for x in xs]
    total = sum(exps)
    return [e / total for e in exps]


def _viterbi(emit: list[list[float]], lex: SegmentLexicon) -> list[int]:
    tr = lex.transitions
    k = len(SECTION_NAMES)

    def cost(a: int, b: int) -> float:
        if b == a:
            return 0.0
        if b > a:
            return -(tr.forward + tr.skip * (b - a - 1))
        return -tr.backward

    score = list(emit[0])
    back: list[list[int]] = []
    for row in emit[1:]:
        new = [0.0] * k
        ptr = [0] * k
        for b in range(k):
            best_a = max(range(k), key=lambda a, b=b: score[a] + cost(a, b))
            new[b] = score[best_a] + cost(best_a, b) + row[b]
            ptr[b] = best_a
        back.append(ptr)
        score = new
    state = max(range(k), key=lambda s: score[s])
    path = [state]
    for ptr in reversed(back):
        state = ptr[state]
        path.append(state)
    path.reverse()
    return path


_FIXED = 1e6


def label_sentences(text: str) -> list[SentenceLabel]:
    """Every sentence of `text` with its section: labels win, cues and position decide the rest."""
    if not isinstance(text, str) or not text.strip():
        return []
    return list(_label_sentences(text))


@lru_cache(maxsize=8)
def _label_sentences(text: str) -> tuple[SentenceLabel, ...]:
    """`label_sentences`, kept for the last few texts: the segmenter, the section evidence and
    the outcome check of one story read the same labels."""
    return tuple(_label(text))


def _label(text: str) -> list[SentenceLabel]:
    lex = _lexicon()
    labels = find_labels(text, lex)
    spans: list[tuple[int, int, Names | None]] = []
    for lo, hi, names in _regions(text, labels):
        if names == ():  # a coda ("Learnings:") belongs to no section
            continue
        spans.extend((s, e, names) for s, e in _sentences_in(text, lo, hi))
    if not spans:
        return []
    named = {x for lab in labels for x in lab.names}
    n = len(spans)
    emit: list[list[float]] = []
    probs: list[list[float]] = []
    fired_all: list[list[str]] = []
    outcomes: list[bool] = []
    for i, (s, e, names) in enumerate(spans):
        pos = i / (n - 1) if n > 1 else 0.5
        if names is not None and len(names) == 1:
            idx = SECTION_NAMES.index(names[0])
            emit.append([0.0 if j == idx else -_FIXED for j in range(4)])
            probs.append([1.0 if j == idx else 0.0 for j in range(4)])
            # a section no label names may still be told inside another's label ("(S) I had
            # to ship the localisation"): its implying cues are kept (`implied_sections`)
            implied = (
                [
                    c.id
                    for c in _implying_cues(text[s:e], lex)
                    if any(x not in named for x in c.implies)
                ]
                if len(named) < len(SECTION_NAMES)
                else []
            )
            fired_all.append(["label", *implied])
            outcomes.append(False)
            continue
        sentence = _capital_i(text[s:e])
        hits = lex.terms.find(sentence)
        cues, fired = _cue_scores(sentence, lex, hits)
        outcomes.append(_states_outcome(sentence, lex, hits))
        row = [cues[j] + _prior(lex.prior[j], pos) for j in range(4)]
        if names:  # a joint label: only its sections are possible
            row = [x if SECTION_NAMES[j] in names else -_FIXED for j, x in enumerate(row)]
            fired = ["label", *fired]
        emit.append(row)
        probs.append(_softmax(row, lex.temperature))
        fired_all.append(fired)
    path = _viterbi(emit, lex)
    task = SECTION_NAMES.index("task")
    if (
        len(path) > 2
        and 0 not in path
        and path[0] == path[1] == task
        and spans[0][2] is None
        and spans[1][2] is None
    ):
        # A story opens with its Situation: with none decoded and the Task told over the first
        # two sentences, the first sets the scene ("The biggest failure I own is a pricing
        # change at Triply in 2020. I was the PM for host tools and I pushed to ...").
        path[0] = 0
    return [
        SentenceLabel(
            start=s,
            end=e,
            name=SECTION_NAMES[path[i]],
            confidence=round(probs[i][path[i]], 3),
            labelled=names is not None,
            cues=tuple(fired_all[i]),
            probs=tuple(round(p, 4) for p in probs[i]),
            outcome=outcomes[i],
        )
        for i, (s, e, names) in enumerate(spans)
    ]


# --------------------------------------------------------------------------- sections


def _runs(labelled: list[SentenceLabel]) -> list[list[SentenceLabel]]:
    runs: list[list[SentenceLabel]] = []
    for sl in labelled:
        if runs and runs[-1][0].name == sl.name:
            runs[-1].append(sl)
        else:
            runs.append([sl])
    return runs


def _run_name(run: list[SentenceLabel]) -> str:
    return run[0].name


def sections_from_labels(labelled: list[SentenceLabel]) -> list[Section]:
    """Merge sentence labels into sections, each name at most once (see module docstring)."""
    runs: list[tuple[str, list[SentenceLabel]]] = [(_run_name(r), r) for r in _runs(labelled)]
    while True:
        names = [name for name, _ in runs]
        repeated = next((n for n in SECTION_NAMES if names.count(n) > 1), None)
        if repeated is None:
            break
        idxs = [i for i, n in enumerate(names) if n == repeated]

        def size(i: int) -> int:
            return sum(s.end - s.start for s in runs[i][1])

        keep = max(idxs, key=lambda i: (size(i), -i))
        drop = next(i for i in idxs if i != keep)
        host = drop - 1 if drop > 0 else drop + 1
        lo, hi = sorted((drop, host))
        merged = (runs[host][0], runs[lo][1] + runs[hi][1])
        runs[lo : hi + 1] = [merged]
        # Neighbours that now share a name merge into one run.
        i = 0
        while i + 1 < len(runs):
            if runs[i][0] == runs[i + 1][0]:
                runs[i : i + 2] = [(runs[i][0], runs[i][1] + runs[i + 1][1])]
            else:
                i += 1
    sections: list[Section] = []
    for name, run in runs:
        conf = sum(s.confidence for s in run) / len(run)
        sections.append(
            Section(
                name=name,  # type: ignore[arg-type]
                start=run[0].start,
                end=run[-1].end,
                confidence=round(min(max(conf, 0.0), 1.0), 3),
            )
        )
    return sections


def _partly_labelled(labelled: tuple[SentenceLabel, ...]) -> bool:
    """True when the story carries labels but some sentence after its first label belongs
    to none (`_regions`): its unlabelled lines are read as prose."""
    first = next((sl.start for sl in labelled if sl.labelled), None)
    return first is not None and any(not sl.labelled and sl.start > first for sl in labelled)


def _reads_as_prose(labelled: tuple[SentenceLabel, ...]) -> bool:
    """Unlabelled prose, or a story labelled only in part."""
    return bool(labelled) and (
        not any(sl.labelled for sl in labelled) or _partly_labelled(labelled)
    )


def label_names(text: str) -> frozenset[str]:
    """The sections that a label of the story names (empty for unlabelled prose)."""
    labelled = _label_sentences(text) if isinstance(text, str) and text.strip() else ()
    return frozenset(sl.name for sl in labelled if sl.labelled)


def section_presence(text: str) -> dict[str, float] | None:
    """For unlabelled prose, the evidence that each section is there: the highest probability
    any sentence gives it before decoding, or 1.0 when a cue that `implies` it fired (a stated
    role or challenge shows the Task). None when the story carries labels (a missing labelled
    section is then missing for sure); a story labelled only in part (`_partly_labelled`) is
    read so, a label giving its section 1.0."""
    labelled = _label_sentences(text) if isinstance(text, str) and text.strip() else ()
    if not _reads_as_prose(labelled):
        return None
    found = {name: max(sl.probs[j] for sl in labelled) for j, name in enumerate(SECTION_NAMES)}
    implied = {n for c in _lexicon().cues if c.implies for n in c.implies if _fired(c, labelled)}
    return {name: 1.0 if name in implied else p for name, p in found.items()}


# A heading line no label word names: a short title-case line standing alone, with no sentence
# end ("The Failure", "Your Role", "## Key Metrics"), or a few words opening a line on a colon
# ("The Mistake:", "Failure: Underestimated the work", "How I created clarity: I wrote a page").
_HEADING_LINE = re.compile(
    r"(?m)^[ \t]*(?:\#{1,6}[ \t]+|\*\*|__)?(?P<words>[A-Z][\w’'&/-]*(?:[ \t]+[\w’'&/-]+){0,4})"
    r"(?:\*\*|__)?[ \t]*(?P<colon>:[ \t]*$|:[ \t]+(?=\S))?[ \t]*$"
)
_HEADING_COLON = re.compile(
    r"(?m)^[ \t]*(?:\#{1,6}[ \t]+|\*\*|__)?(?P<words>[A-Z][\w’'&/-]*(?:[ \t]+[\w’'&/-]+){0,4})"
    r"(?:\*\*|__)?:(?:[ \t]|$)"
)
# A first-person lead-in or a numbered step heads a list inside a section, not a part.
_LEAD_IN = re.compile(r"(?i)(?:i|we|my|our)\b|.*\d")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "to", "and", "for", "in", "on", "with", "&"})


def _title_case(words: str) -> bool:
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words.split())


def unnamed_headings(text: str) -> int:
    """How many heading lines of a story no label word names: a line of at most five words
    that ends on a colon or opens its text with one ("The Mistake:", "Failure: Underestimated
    the work"), or a title-case line standing alone ("The Failure", "Your Role"). A write-up
    told under its own headings may hold a Task, Action or Result there, so a section no label
    names is not shown missing. A label, a coda ("Learnings:") or a list item is no such
    heading."""
    if not isinstance(text, str) or not text.strip():
        return 0
    lex = _lexicon()
    starts = [lab.start for lab in find_labels(text, lex)]
    found: set[int] = set()
    for rx, titled in ((_HEADING_COLON, False), (_HEADING_LINE, True)):
        for m in rx.finditer(text):
            words = m.group("words")
            if titled and (m.groupdict().get("colon") is None) and not _title_case(words):
                continue
            if _LEAD_IN.match(words):
                continue  # "I presented these findings:", "Week 1:" lead a list, not a part
            line = text[m.start() : _line_end(text, m.start())]
            if _LIST_START.match(line) or any(m.start() <= s <= m.end("words") for s in starts):
                continue
            bare = _alias_key(re.sub(r"(?i)^the\s+", "", words))
            if _alias_key(words) in lex.coda or bare in lex.coda:
                continue
            found.add(m.start())
    return len(found)


def _implying_cues(sentence: str, lex: SegmentLexicon) -> list[_CompiledCue]:
    """The cues with `implies` that fire on a sentence."""
    sentence = _capital_i(sentence)
    _, fired = _cue_scores(sentence, lex, lex.terms.find(sentence))
    return [c for c in lex.cues if c.implies and c.id in fired]


def implied_sections(text: str) -> frozenset[str]:
    """The sections some sentence shows to be there by a cue that `implies` them, read in
    labelled sentences too when the labels do not name every section: a labelled story that
    has no Task label but says "(S) I was at the agency. I had to ship the localisation" has
    its Task, inferred (RULES.md: "labelled or inferred"). A label word may show another
    section too (`labels.implies`: "Challenge:" states the challenge, which is the Task)."""
    labelled = _label_sentences(text) if isinstance(text, str) and text.strip() else ()
    lex = _lexicon()
    by_label = {
        n
        for lab in (find_labels(text, lex) if labelled and lex.label_implies else ())
        for key, names in lex.label_implies
        if _alias_key(re.sub(r"[^a-z’']+", " ", text[lab.start : lab.end].lower())) == key
        for n in names
    }
    return (
        frozenset(n for c in lex.cues if c.implies and _fired(c, labelled) for n in c.implies)
        | by_label
    )


def acts_on_it(text: str, cue_ids: Iterable[str]) -> bool:
    """True when some sentence the decoder reads as the Action fires one of `cue_ids` (the
    candidate acting in the first person: "I corrected the data at its source"). In unlabelled
    prose a Situation that states a problem, followed by the candidate taking it on, has its
    Task inferred (RULES.md: "labelled or inferred")."""
    labelled = _label_sentences(text) if isinstance(text, str) and text.strip() else ()
    ids = frozenset(cue_ids)
    return any(sl.name == "action" and ids.intersection(sl.cues) for sl in labelled)


def _fired(cue: _CompiledCue, labelled: tuple[SentenceLabel, ...]) -> bool:
    return any(cue.id in sl.cues for sl in labelled)


def outcome_sentences(text: str) -> list[tuple[int, int, SectionName]] | None:
    """For unlabelled prose, the sentences that state an outcome (`[outcome]` in the
    lexicon), as `(start, end, section)`: the story has a Result only when there is one. A
    closing lesson, feeling, purpose or habit is no Result, though the decoder may place it
    there by position. None when the story carries labels (its Result label decides); in a
    story labelled only in part, the unlabelled sentences that state one."""
    labelled = _label_sentences(text) if isinstance(text, str) and text.strip() else ()
    if not _reads_as_prose(labelled):
        return None
    return [(sl.start, sl.end, sl.name) for sl in labelled if sl.outcome and not sl.labelled]


def labelled_spans(text: str) -> list[tuple[int, int, SectionName]] | None:
    """For a story that carries labels, every sentence with the section its label names (an
    unlabelled preamble takes the decoder's), as `(start, end, section)` in text order; None
    for unlabelled prose. A story bank entry may tell two or three STAR cycles in one unit
    ("Situation: ... Result: ... Situation: ..."). Its merged sections keep each name once,
    so one section swallows the other cycles' Situation, Task and Action; the rules that judge
    a section of a labelled story read these sentence labels instead."""
    labelled = _label_sentences(text) if isinstance(text, str) and text.strip() else ()
    if not labelled or not any(sl.labelled for sl in labelled):
        return None
    return [(sl.start, sl.end, sl.name) for sl in labelled]


def labelled_sentences(text: str, name: SectionName) -> list[tuple[int, int]] | None:
    """For a story that carries labels, the sentences of section `name` (`labelled_spans`):
    the Result of a story of several STAR cycles is every Result sentence, and only those.
    None for unlabelled prose, and for a story labelled only in part when no label names
    `name` (its unlabelled lines are then read as prose)."""
    spans = labelled_spans(text)
    if spans is None:
        return None
    if name not in label_names(text) and _partly_labelled(_label_sentences(text)):
        return None
    return [(s, e) for s, e, n in spans if n == name]


def action_sentences(text: str) -> list[tuple[int, int]] | None:
    """For unlabelled prose, the sentences that tell the Action: those the decoder placed in
        it, and any other that reads as an action by its own cues (a first-person subject with an
        action verb, a sequencing word), since a spoken answer's Action runs into what the decoder
        calls its Task or Result; but not a sentence placed in the Result that opens by announcing
    the outcome ("In the end we launched the page": the `result-opener` cue), nor one placed in
    the Situation ("During a class project, I had a conflict with a teammate" sets the scene).
    None when the story carries labels (its Action label decides), unless it is labelled only
    in part and no label names the Action."""
    labelled = _label_sentences(text) if isinstance(text, str) and text.strip() else ()
    if not _reads_as_prose(labelled) or any(sl.labelled and sl.name == "action" for sl in labelled):
        return None
    action = SECTION_NAMES.index("action")
    cues = {c.id for c in _lexicon().cues if c.section == action}
    return [
        (sl.start, sl.end)
        for k, sl in enumerate(labelled)
        if not sl.labelled
        and (sl.name == "action" or (sl.name != "situation" and any(c in cues for c in sl.cues)))
        and not (sl.name == "result" and _RESULT_OPENER in sl.cues)
        and not _in_result_paragraph(text, labelled, k)
    ]


def _in_result_paragraph(text: str, labelled: tuple[SentenceLabel, ...], k: int) -> bool:
    """True for a sentence the decoder placed in the Result inside a paragraph (a block after a
    blank line) that opens on a stated outcome also placed in the Result ("The outcome of the
    project was successful, and we achieved our launch targets. We resolved the conflict by
    ..."): in prose written in paragraphs that paragraph is the Result, and what it goes on to
    tell is the outcome, not the Action `we-not-i` counts."""
    sl = labelled[k]
    if sl.name != "result" or "\n\n" not in text.strip():
        return False
    para = text.rfind("\n\n", 0, sl.start)
    opener = next((o for o in labelled if o.start > para), None)
    return (
        opener is not None
        and opener.start < sl.start
        and opener.name == "result"
        and opener.outcome
        and "\n\n" not in text[opener.start : sl.start]
    )


_RESULT_OPENER = "result-opener"  # the cue of a sentence that opens on its outcome


def before_outcome_sentences(text: str) -> list[tuple[int, int]]:
    """For unlabelled prose, the sentences the decoder placed in the Result after the last
    Action sentence and before the first outcome stated after the Action ("This way, we are
    not clogging up the servers" explains how the approach works): they state no outcome, so
    they still tell the Action. Empty for a story that carries labels."""
    labelled = _label_sentences(text) if isinstance(text, str) and text.strip() else ()
    if not _reads_as_prose(labelled) or any(sl.labelled for sl in labelled):
        return []
    acted = [k for k, sl in enumerate(labelled) if sl.name == "action"]
    if not acted:
        return []
    first_outcome = next(
        (k for k, sl in enumerate(labelled) if sl.outcome and k > acted[0]), len(labelled)
    )
    return [
        (sl.start, sl.end)
        for k, sl in enumerate(labelled)
        if sl.name == "result" and acted[-1] < k < first_outcome and _RESULT_OPENER not in sl.cues
    ]


def parse_story(text: str) -> Story:
    """Segment a STAR story; never raises on a str (an empty one gives no sections)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return Story(text=text, sections=sections_from_labels(label_sentences(text)))
