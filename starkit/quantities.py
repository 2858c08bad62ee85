"""Find the quantities that measure something, and tell them from numbers that do not.

A *measuring* quantity is a count, percentage, amount of money, duration, rate, ratio,
multiplier, size or rank ("40%", "$1.2M", "800ms", "3x", "three teams", "doubled", "#9").
A *non-measure* is a number that names or dates something: years and dates, versions, product
and model names (S3, GPT-4, Python 3), standards (ISO 27001, SOC 2), tiers, phone numbers and
fixed phrases (24/7, 1:1s, Fortune 500).

The detector walks the tokens of the tokenizer in `starkit.nlp` (which keeps "800ms", "$1.2M",
"1M+" whole) with the lexicon matches already made, so it never trusts `like_num`, POS or NER.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from spacy.tokens import Doc, Token

from starkit.nlp import DOLLAR_COUNTRIES, NM_PHRASE, NUMWORD, UNIT
from starkit.terms import non_measures, number_words, units
from starkit.textio import has_zero_width, strip_zero_width

QuantityKind = Literal[
    "count", "percent", "money", "duration", "rate", "ratio", "multiplier", "size", "rank"
]
NonMeasureKind = Literal["year", "date", "version", "name", "phone", "phrase", "index"]


@dataclass(frozen=True)
class Quantity:
    """A number found in the text. `measure` says whether it measures anything."""

    start: int  # character offsets into the doc's text
    end: int
    text: str
    kind: str  # a QuantityKind when measure, else a NonMeasureKind
    measure: bool
    value: float | None = None
    unit: str = ""
    token_start: int = 0
    token_end: int = 0
    relative: bool = field(default=False, compare=False)
    # a range ("20-35%", "20%-35%", "4x-6x") is one quantity: `value` is its low end, `high`
    # its high end (None for a single figure)
    high: float | None = None

    @property
    def sign(self) -> str:
        """'+' or '-' for a figure written with its sign ('+15%', '−$40K'), else ''."""
        first = self.text[:1]
        return "+" if first == "+" else "-" if first in ("-", "−") else ""


_NUM = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|\d{1,3},\d{1,2}"  # European decimal comma: "1,2 Mio", "3,5 %"
)
_RE_MONEY = re.compile(rf"[~≈+\-−]?([$€£¥₹])({_NUM})([kKmMbB]|bn|BN|Bn|mn|Mn|MN|mm|MM)?\+?")
# "7K€", "1.2M€", "~7K€/month": the currency sign after the amount (European usage)
_RE_MONEY_AFTER = re.compile(
    rf"[~≈+\-−]?({_NUM})([kKmMbB]|bn|mn|Mn|mm|MM)?([€£¥₹])(?:/[A-Za-z]+)?\+?"
)
# "Rs.100M", "INR5Cr": the rupee written as a word glued to the amount; "2L", "3.5Cr" after a
# currency ('₹2L/month'): lakh (1e5) and crore (1e7), the Indian magnitudes, as one letter
_RE_MONEY_WORD = re.compile(
    rf"[~≈+\-−]?(Rs\.?|INR)({_NUM})([kKmMbB]|bn|mn|mm|MM|L|Cr)?\+?", re.IGNORECASE
)
_RE_LAKH_CRORE = re.compile(rf"({_NUM})(L|Cr|cr)\+?")
_INDIAN_MAGNITUDE = {"l": 1e5, "cr": 1e7}
_RE_PERCENT = re.compile(rf"[~≈±+\-−]?({_NUM})\+?%\+?")
_RE_NUMUNIT = re.compile(
    rf"[~≈±+\-−]?({_NUM})(thousand|million|billion|Million|Billion|BN|Bn|MN|Mn|mn"  # "$3.5BN"
    r"|k|K|m|M|b|B|bn|mm|MM|ms|s|sec|secs|min|mins|h|hr|hrs|d|wk|wks|mo|mos"
    r"|yr|yrs|x|X|[KMGTP]B|[kmgtp]b|pp|bps|pts)(\+?)"
)
_RE_NUM = re.compile(rf"[~≈±+\-−]?({_NUM})(\+?)")
_RE_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)")
_RE_XPREFIX = re.compile(r"[~≈]?[xX×](\d+(?:\.\d+)?)|[~≈+]?(\d+(?:\.\d+)?)×")
_RATIO_NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"  # "153/8,978" too
_RE_RATIO = re.compile(rf"{_RATIO_NUM}[/:]{_RATIO_NUM}")
_RE_SUB = re.compile(r"[Ss]ub[\-–](\d\S*)")
_RE_MULTI_MONEY = re.compile(r"[Mm]ulti-?([$€£])(K|M|B|MM|BN|Bn|bn)")
_RE_DIGIT = re.compile(r"\d")
_RE_PHONE = re.compile(
    r"(?<![\d.])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,4}\)\s?|\d{3}[\s.\-])\d{3}[\s.\-]\d{4}(?!\d)"
    r"|(?<![\w.])\+\d{1,3}(?:[\s.\-]\(?\d{1,5}\)?){2,5}(?![\w.%])"
)
_RE_DATE = re.compile(
    r"(?<!\d)(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}[/\-]\d{1,2}[/\-]\d{1,2}|\d{1,2}/\d{4}"
    r"|(?:19|20)\d\d-(?:0[1-9]|1[0-2])(?![\-/]\d))(?!\d)"  # ISO year-month: "(started 2023-08)"
)

# What every match of a masking pattern holds, a quick search that most texts fail, so the
# pattern itself runs only on the texts that pass (tests/test_quantities.py checks each gate
# against generated matches of its pattern): a phone number's last two groups ('555-1234') or
# '+' and a digit; a date's two separators, a month and a four-digit year ('06/2020') or a
# four-digit year, a hyphen and a month ('2023-08'); an
# HTTP status code's three digits.
_GATE_PHONE = re.compile(r"\d{3}[\s.\-]\d{4}|\+\d")
_GATE_DATE = re.compile(r"\d[/.\-]\d\d?[/.\-]\d|\d/\d{4}|\d{4}-[01]\d")
_GATE_STATUS_CODE = re.compile(r"[45]\d\d")

# A list number at the start of a line ("1. Inform your team", "2) Ship"): structure, no measure.
_RE_LIST_NUMBER = re.compile(r"(?m)^[ \t]*(?:>[ \t]*)?(\d{1,2})[.)](?=[ \t]+[^\W\d])")
# HTTP status codes name a response, they measure nothing: two codes joined ("didn't give 408
# or 504", "502/503"), a code after "status code" or "error code", a code before its name
# ("502 Bad Gateway"), or a code that is not a round hundred before "errors", "page" or
# "responses" ("503 errors", "a 404 page"). A round 400 or 500 alone stays a count ("500
# errors", "500 pages"): it may be one. (Only the code is masked: the group, else the match.)
_CODE = r"(?:4\d\d|5\d\d)"
_ODD_CODE = r"(?:40[1-9]|41\d|42\d|43\d|45\d|50[1-9]|51\d|52\d)"
_RE_STATUS_CODE = re.compile(
    r"(?i)"
    rf"\b(?:{_CODE}\s*(?:or|and|/|,)\s*{_ODD_CODE}|{_ODD_CODE}\s*(?:or|and|/|,)\s*{_CODE})s?\b"
    r"(?![ \t]+(?!(?:errors?|responses?|status|codes?|and|or|but|on|in|at|from|for|when|if"
    r"|with|to)\b)[a-z])"  # not "sold 450 or 503 units": a counted word after the pair
    rf"|\b(?:status|error|return|response)\s+codes?\s+(?:of\s+)?({_CODE})\b"
    rf"|\b{_CODE}s?(?=\s+(?:bad\s+gateway|not\s+found|gateway\s+time-?out|service\s+unavailable"
    r"|internal\s+server\s+error|too\s+many\s+requests|unauthori[sz]ed|forbidden"
    r"|request\s+time-?out)\b)"
    rf"|\b{_ODD_CODE}s?(?=\s+(?:errors?|pages?|responses?|status)\b)"
)

_MAGNITUDE = {
    "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mm": 1e6, "MM": 1e6,
    "b": 1e9, "B": 1e9, "bn": 1e9, "BN": 1e9, "Bn": 1e9, "Million": 1e6, "Billion": 1e9,
    "mn": 1e6, "Mn": 1e6, "MN": 1e6,  # "$2Mn+", "£3mn": million, as British and Indian usage
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mio": 1e6, "mrd": 1e9,
    "tsd": 1e3,
}  # fmt: skip
_DURATION_SUFFIX = {"ms", "s", "sec", "secs", "min", "mins", "h", "hr", "hrs", "d", "wk", "wks",
                    "mo", "mos", "yr", "yrs"}  # fmt: skip
_SIZE_SUFFIX = {"kb", "mb", "gb", "tb", "pb"}
_MONTHS = {
    "jan", "jan.", "january", "feb", "feb.", "february", "mar", "mar.", "march", "apr", "apr.",
    "april", "may", "jun", "jun.", "june", "jul", "jul.", "july", "aug", "aug.", "august", "sep",
    "sep.", "sept", "sept.", "september", "oct", "oct.", "october", "nov", "nov.", "november",
    "dec", "dec.", "december",
}  # fmt: skip
# Words after a number of 1-12 that make it a time of day ("at 3am", "by 10 a.m."): a date.
_CLOCK = {"am", "pm", "a.m.", "p.m.", "a.m", "p.m"}
_YEAR_PREPS = {
    "in", "since", "by", "during", "from", "until", "till", "through", "to", "of", "early",
    "late", "mid", "mid-", "fy", "q1", "q2", "q3", "q4", "h1", "h2", "summer", "spring", "fall",
    "autumn", "winter", "'", "class", "est", "est.", "founded", "circa", "before", "after",
    "present", "-", "–", "—", "/", "(", "year", "cohort", "graduated", "expected",
}  # fmt: skip
# Title-case words before a bare number that do not make it a name ("Led 5", "Over 40").
_NOT_NAME = {
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "from", "with", "by",
    "over", "under", "about", "around", "across", "nearly", "almost", "approximately", "approx",
    "roughly", "some", "than", "up", "down", "top", "only", "just", "all", "each", "every", "per",
    "within", "into", "after", "before", "more", "less", "fewer", "another", "first", "last",
    "next", "i", "we", "my", "our", "team", "managed", "led", "hired", "saved", "grew", "cut",
}  # fmt: skip
_RANK_BEFORE = {"#", "no.", "top", "ranked", "rank", "number"}
# The scale of a rating written before it: "a 5-star rating" gives the rating's value, where
# "7-day activation" names the metric's window.
_RATING_SCALES = {"star", "stars"}


@cache
def _name_prefixes() -> frozenset[str]:
    return frozenset(t.lower() for e in non_measures() if e.id == "name-prefix" for t in e.terms)


@cache
def _magnitude_names() -> frozenset[str]:
    names = (e.terms for e in non_measures() if e.id == "magnitude-names")
    return frozenset(t.lower() for terms in names for t in terms)


@cache
def _course_numbers() -> frozenset[str]:
    names = (e.terms for e in non_measures() if e.id == "course-numbers")
    return frozenset(t.lower() for terms in names for t in terms)


def _named_magnitude(toks: Sequence[Token], i: int) -> bool:
    """'Partnered with 3M on a pilot', '4K, HDR': a `magnitude-names` token is the name unless a
    lowercase counted word follows it ('3M users', '8K monthly active users', '4K hours'); a
    `course-numbers` token ('Python 101') is also a name right after a capitalised word."""
    low = toks[i].lower_
    if low in _course_numbers():
        prev = i - 1  # a capitalised word that does not open the text or a sentence
        opens = prev == 0 or (prev > 0 and toks[prev - 1].text in (".", "!", "?", ":", ";", "\n"))
        if prev >= 0 and toks[prev].is_alpha and toks[prev].text[:1].isupper() and not opens:
            return True  # "Python 101", "Product Management 101 workshops"
    elif low not in _magnitude_names():
        return False
    if i > 0 and toks[i - 1].lower_ in _CURRENCY_BEFORE:
        return False  # "Saved $3M.": the tokenizer split the sign off; money, not the company
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is None or not (nxt.is_alpha and nxt.is_lower and not nxt.is_stop)


@cache
def _unit_kinds() -> dict[str, str]:
    return {e.id: e.kind for e in units()}


@cache
def _numword_info() -> dict[str, tuple[float, str]]:
    return {e.id: (e.value, e.kind) for e in number_words()}


def _num_value(s: str) -> float | None:
    if re.fullmatch(r"\d+,\d{1,2}", s):
        s = s.replace(",", ".")  # European decimal comma
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


@dataclass
class _Tok:
    """What one token is, as a number shape (None when it is not numeric)."""

    shape: str | None
    value: float | None = None
    unit: str = ""
    plus: bool = False
    high: float | None = None  # the high end of a one-token range ("4x-6x")


@cache
def _shape(text: str) -> _Tok:
    if m := _RE_MULTI_MONEY.fullmatch(text):  # "a multi-$B category": billions, unstated
        return _Tok("money", _MAGNITUDE.get(m.group(2), 1.0), m.group(1))
    if not _RE_DIGIT.search(text):
        return _Tok(None)
    if has_zero_width(text):  # pasted "2\u200b0%", "\u200b$2M": the figure without them
        return _shape(strip_zero_width(text))
    if m := _RE_MONEY.fullmatch(text):
        mag = _MAGNITUDE.get(m.group(3) or "", 1.0)
        v = _num_value(m.group(2))
        return _Tok("money", None if v is None else v * mag, m.group(1))
    if m := _RE_MONEY_WORD.fullmatch(text):
        suffix = m.group(3) or ""
        mag = _INDIAN_MAGNITUDE.get(suffix.lower()) or _MAGNITUDE.get(suffix, 1.0)
        v = _num_value(m.group(2))
        return _Tok("money", None if v is None else v * mag, m.group(1))
    if m := _RE_MONEY_AFTER.fullmatch(text):
        mag = _MAGNITUDE.get(m.group(2) or "", 1.0)
        v = _num_value(m.group(1))
        return _Tok("money", None if v is None else v * mag, m.group(3))
    if m := _RE_PERCENT.fullmatch(text):
        return _Tok("percent", _num_value(m.group(1)), "%")
    if m := _RE_NUMUNIT.fullmatch(text):
        suffix = m.group(2)
        v = _num_value(m.group(1))
        if suffix in ("x", "X"):
            return _Tok("multiplier", v, "x")
        if suffix in _DURATION_SUFFIX:
            return _Tok("duration", v, suffix)
        if suffix.lower() in _SIZE_SUFFIX:
            return _Tok("size", v, suffix)
        if suffix in ("pp", "bps", "pts"):
            return _Tok("percent", v, suffix)
        return _Tok("num", None if v is None else v * _MAGNITUDE.get(suffix, 1.0), suffix, True)
    if m := _RE_NUM.fullmatch(text):
        return _Tok("num", _num_value(m.group(1)), "", bool(m.group(2)))
    if m := _RE_ORDINAL.fullmatch(text):
        return _Tok("ordinal", float(m.group(1)))
    if m := _RE_XPREFIX.fullmatch(text):
        return _Tok("multiplier", _num_value(m.group(1) or m.group(2)), "x")
    if m := _RE_RATIO.fullmatch(text):
        a, b = _num_value(m.group(1)), _num_value(m.group(2))
        return _Tok("ratio", a / b if a is not None and b else None)
    if m := _RE_SUB.fullmatch(text):  # "sub-100ms": a bound is a measure of its own kind
        inner = _shape(m.group(1))
        if inner.shape in _RANGE_KINDS or inner.shape == "num":
            return inner  # "sub-15-second refresh": the number, then its unit
    if re.fullmatch(r"v?\d+(?:\.\d+){2,}|v\d+(?:\.\d+)?", text, re.I):
        return _Tok("version")
    if m := _RE_RANGE.fullmatch(text):  # "4x-6x", "2h-3h": a range of one measuring kind
        lo, hi = _shape(m.group(1)), _shape(m.group(2))
        if hi.shape in _RANGE_KINDS and (lo.shape == hi.shape or lo.shape == "num"):
            # "120-$280" after its '$' ('$120–$280'): the low end takes the high end's unit
            return _Tok(hi.shape, lo.value, hi.unit, high=hi.value)
    return _Tok("alnum")


_RE_RANGE = re.compile(r"([^\s\-–]+)[\-–]([^\s\-–]+)")
_RANGE_KINDS = ("multiplier", "percent", "duration", "size", "money")


_RE_BARE = re.compile(r"\d+(?:\.\d+)?")
# "164 000", "$50 000.00": a space as the thousands separator (one plain or no-break space
# between a lead group of 1-3 digits and groups of exactly 3)
_RE_LEAD_GROUP = re.compile(r"[$€£¥₹]?\d{1,3}")
_RE_SPACED_GROUP = re.compile(r"\d{3}(?:\.\d+)?\+?")
_GROUP_SPACES = (" ", "\u00a0", "\u202f")
_UPGRADE = re.compile(r"\bupgrad|\bversion\b|\brelease\b", re.IGNORECASE)


def _product_like(word: str, index: int, strong: bool = False) -> bool:
    """A word that names a product, course or standard when a bare number follows it:
    Title-case mid-sentence ('Windows 10'), an acronym ('CS 101', 'DSS 4.0'), mixed case
    ('PostgreSQL 15', 'iOS 17') or dotted ('Next.js 14')."""
    if not any(ch.isalpha() for ch in word):
        return False
    if "." in word.strip(".") and any(ch.isalpha() for ch in word.split(".")[-1]):
        return True
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return not strong  # an acronym names a course or standard, unless a count follows
    if any(ch.isupper() for ch in word[1:]) and any(ch.islower() for ch in word):
        return True  # mixed case: PostgreSQL 15, iOS 17, watchOS 10 launches
    if strong:
        return False
    return word.istitle() and index != 0


_SLASH_CHAIN = 4  # "Developed/Designed/Distributed/Maintained" is 3 slashes


def _slash_opening(toks: Sequence[Token], k: int) -> int:
    """0 when token k ends a chain of slash-joined words that opens the text
    ('Developed/Designed/Distributed 7 apps': the last verb still opens the bullet, so its
    title case names nothing); else k. Bounded: at most `_SLASH_CHAIN` slashes are read."""
    j = k
    for _ in range(_SLASH_CHAIN):
        if j < 2 or toks[j - 1].text != "/" or not toks[j - 2].is_alpha:
            break
        j -= 2
    # "l Trained 3 new associates", "§ Led 4 teams": a bullet glyph read as a letter or a
    # sign before the first word leaves that word opening the line
    while j > 0 and len(toks[j - 1].text) == 1 and not toks[j - 1].text.isdigit():
        j -= 1
    return 0 if j == 0 else k


def _is_year(tok_text: str, value: float | None) -> bool:
    return (
        value is not None
        and re.fullmatch(r"(19|20)\d\d", tok_text) is not None
        and 1900 <= value <= 2099
    )


# hedges of size before a year-shaped number make it a count when a counted plural follows
_COUNT_HEDGES = frozenset({"over", "nearly", "almost", "about", "around", "roughly", "than"})

_CURRENCY_AFTER = ("€", "£", "¥", "₹")
_CURRENCY_WORDS = frozenset({"dollars", "euros", "pounds", "rupees"})
_CURRENCY_BEFORE = (
    *("$", "€", "£", "¥", "₹", "usd", "eur", "gbp", "inr", "rs", "rs."),
    *(f"{country.lower()}$" for country in ("US", "C", "A", *DOLLAR_COUNTRIES)),  # "US$1 million"
)


_NUMBER_CATEGORIES = frozenset({NM_PHRASE, UNIT, NUMWORD})
# the patterns that mask non-measures (the group, else the match), each with its gate
_MASKS = (
    (_RE_PHONE, "phone", _GATE_PHONE),
    (_RE_DATE, "date", _GATE_DATE),
    (_RE_LIST_NUMBER, "index", None),
    (_RE_STATUS_CODE, "code", _GATE_STATUS_CODE),
)


def find_numbers(
    doc: Doc,
    text: str | None = None,
    matches: list[tuple[str, str, int, int]] | None = None,
    tokens: list[Token] | None = None,
) -> list[Quantity]:
    """Every number in the doc, measuring or not, in text order. `text` is `doc.text`,
    `matches` its `doc._.starkit_matches` and `tokens` its `list(doc)` when the caller has
    them already."""
    text = doc.text if text is None else text
    # one Token object per token (`doc[i]` makes a new one at each call)
    toks = list(doc) if tokens is None else tokens
    n = len(toks)
    if matches is None:
        matches = doc._.starkit_matches or []
    # every masking pattern and every numeric token holds a digit: a text with none (most
    # lines of prose) yields only spelled-out numbers and durations ("three teams", "a week")
    # a figure needs a digit, or an amount written as 'multi-$B' (billions, none stated)
    has_digit = _RE_DIGIT.search(text) is not None or _RE_MULTI_MONEY.search(text) is not None
    # Token indices masked by fixed non-measure phrases (and by phone numbers / dates by regex).
    masked: dict[int, str] = {}
    units_at: dict[int, tuple[int, str]] = {}  # start -> (end, unit kind), longest
    numwords: list[tuple[int, int, str]] = []
    for cat, eid, s, e in matches:
        if cat not in _NUMBER_CATEGORIES:
            continue  # a term match: most of them
        if cat == NM_PHRASE:
            for i in range(s, e):
                masked[i] = "phrase"
        elif cat == UNIT:
            if s not in units_at or units_at[s][0] < e:
                units_at[s] = (e, _unit_kinds()[eid])
        elif cat == NUMWORD:
            numwords.append((s, e, eid))
    # a title-case word the lexicon reads as an action verb, then a number and a lower-case
    # word ("... vendors Manages 4 direct reports", a line run on from the one before), names
    # no product ("Plan 9)", "Double 11 Shopping Festival" still do)
    verbs = (
        {s for cat, eid, s, _e in matches if cat == "action" and eid != "state-phrase"}
        if has_digit
        else set()
    )
    for regex, why, gate in _MASKS if has_digit else ():
        if gate is not None and gate.search(text) is None:
            continue  # the text holds no match of the pattern
        for m in regex.finditer(text):
            lo, hi = m.span(m.lastindex or 0)
            span = doc.char_span(lo, hi, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    masked.setdefault(i, why)

    out: list[Quantity] = []
    used: set[int] = set()
    prefixes = _name_prefixes()

    def lower(i: int) -> str:
        return toks[i].lower_ if 0 <= i < n else ""

    def emit(
        s: int,
        e: int,
        kind: str,
        measure: bool,
        value: float | None,
        unit: str = "",
        high: float | None = None,
    ) -> None:
        used.update(range(s, e))
        if measure and kind == "duration" and _time_point(lower(e), lower(e + 1), lower(e + 2)):
            kind, measure = "date", False  # "About 5 years ago", "6 weeks into the year"
        lo, last = toks[s].idx, toks[e - 1]  # the span's characters, with no Span made
        hi = last.idx + len(last.text)
        out.append(Quantity(lo, hi, text[lo:hi], kind, measure, value, unit, s, e, high=high))

    i = 0 if has_digit else n  # with no digit no token is a number, nor a masked run's figure
    while i < n:
        tok = toks[i]
        if i in used:
            i += 1
            continue
        if i in masked:
            j = i
            while j < n and masked.get(j) == masked[i]:
                j += 1
            if any(_RE_DIGIT.search(toks[k].text) for k in range(i, j)):
                emit(i, j, masked[i], False, None)
            i = j
            continue
        info = _shape(tok.text)
        rupees = None
        if info.shape == "alnum" and lower(i - 1) in _CURRENCY_BEFORE:
            rupees = _RE_LAKH_CRORE.fullmatch(tok.text)  # "₹2L/month", "Rs 3.5Cr"
        if rupees is not None:
            v = _num_value(rupees.group(1))
            mag = _INDIAN_MAGNITUDE[rupees.group(2).lower()]
            info = _Tok("money", None if v is None else v * mag, lower(i - 1))
        if info.shape is None:
            i += 1
            continue
        if _named_magnitude(toks, i):
            emit(i, i + 1, "phrase", False, None)  # "Partnered with 3M on a packaging pilot"
            i += 1
            continue
        start, end = i, i + 1
        kind: str = info.shape
        value, unit, high = info.value, info.unit, info.high
        if (
            info.shape in ("num", "money")
            and _RE_LEAD_GROUP.fullmatch(tok.text)
            and toks[i].whitespace_ in _GROUP_SPACES  # no spaced group can follow otherwise
            and not (i > 0 and _product_like(toks[i - 1].text, _slash_opening(toks, i - 1)))
        ):
            end = _spaced_groups(toks, i)  # not "Windows 10 365 days", "Python 3 100 lines"
            if end > i + 1:
                digits = "".join(toks[k].text.lstrip("$€£¥₹").rstrip("+") for k in range(i, end))
                value = float(digits)
        measure = True
        prev = lower(i - 1)
        # --- absorb what stands before the number ---
        if prev in _CURRENCY_BEFORE and (
            info.shape == "num"
            or rupees is not None
            or (info.shape == "money" and info.high is not None and tok.text[:1].isdigit())
        ):
            start -= 1
            kind, unit = "money", prev
        elif prev == "#" and info.shape == "num":
            start -= 1
            kind = "rank"
            if lower(i - 2) in prefixes:  # "PR #997", "issue #42": an identifier, no rank
                measure = False
            elif value is not None and value >= 1000 and "," not in tok.text:
                measure = False  # "test cases: #15500": a ticket's number, no rank ("#1,200" is)
        if lower(start - 1) in ("~", "≈", "+", "−") and toks[start - 1].whitespace_ == "":
            start -= 1
        # --- absorb what follows ---
        if end < n and toks[end].text in _CURRENCY_AFTER and kind == "num":
            end += 1
            kind, unit = "money", toks[end - 1].text  # "500 €"
        if end < n and toks[end].text == "%" and kind in ("num", "money"):
            end += 1
            kind, unit = "percent", "%"
        if (
            end < n
            and toks[end].text in ("k", "K", "M", "B", "bn", "m", "mm", "MM")
            and kind in ("num", "money")
            and toks[end - 1].whitespace_ == ""
        ):
            mag = _MAGNITUDE.get(toks[end].text, 1.0)
            value = None if value is None else value * mag
            end += 1
        if end < n and toks[end].lower_ in ("thousand", "million", "billion", "trillion", "mn"):
            value = None if value is None else value * _MAGNITUDE.get(toks[end].lower_, 1e6)
            end += 1
        if end < n and toks[end].text == "+" and toks[end - 1].whitespace_ == "":
            end += 1
        # range: 10-15%, 2-3x, 3 to 5 weeks, 3.5→2.8 weeks
        if (
            end + 1 < n
            and (
                toks[end].lower_ in ("-", "–", "—")
                or (
                    toks[end].lower_ == "to"
                    and kind == "num"
                    and prev != "from"
                    # "PeopleSoft 9.1 to 9.2 upgrade": two versions of a name, no range
                    and not ("." in tok.text and i > 0 and _product_like(toks[i - 1].text, i - 1))
                )
            )
            and _shape(toks[end + 1].text).shape
            in ("num", "percent", "multiplier", "money", "duration")
            and kind in ("num", "percent", "multiplier", "money", "duration")
            and not _is_year(tok.text, info.value)
        ):
            nxt = _shape(toks[end + 1].text)
            end += 2
            high = nxt.value
            if nxt.shape != "num":
                kind, unit = nxt.shape, nxt.unit  # type: ignore[assignment]
            if end < n and toks[end].text == "%":
                end += 1
                kind, unit = "percent", "%"
        # unit words: "3 weeks", "40 percent", "2 million", "5-person", "12-week", "3-fold"
        j = end
        if j < n and toks[j].text == "-" and toks[j - 1].whitespace_ == "" and j + 1 < n:
            j += 1
        if j in units_at and (kind == "num" or (kind == "money" and units_at[j][1] == "magnitude")):
            u_end, u_kind = units_at[j]
            if u_kind == "magnitude":
                word = toks[j].lower_
                if info.unit not in _MAGNITUDE:  # "$2M-$3M": the low end has its own
                    value = None if value is None else value * _MAGNITUDE.get(word, 1.0)
                high = None if high is None else high * _MAGNITUDE.get(word, 1.0)
                end = u_end
            elif u_kind == "rank":
                kind, end = "rank", u_end
            else:
                kind, unit, end = u_kind, doc[j:u_end].text, u_end
        elif kind == "num" and j < n and j != end and toks[j].is_alpha:
            end = j + 1  # "5-person", "12-week" (not a unit word): a count
        # --- decide what the number is ---
        bare = end == i + 1 and _RE_BARE.fullmatch(tok.text) is not None
        if info.shape == "num" and kind == "num":
            nxt = lower(end)
            counted_after = nxt.isalpha() and nxt.endswith("s") and len(nxt) > 2
            if _is_year(tok.text, info.value) and not info.plus:
                counted = nxt.isalpha() and nxt.endswith("s") and nxt not in ("s",)
                if not counted and prev in _COUNT_HEDGES and nxt.isalpha():
                    # "over 2000 new visitors": a hedge and an adjective before a plural count
                    after = lower(end + 1)
                    counted = after.isalpha() and after.endswith("s") and len(after) > 2
                if not counted or prev in _YEAR_PREPS or prev in _MONTHS:
                    kind, measure = "year", False
            elif prev in _MONTHS or nxt in _MONTHS:
                if info.value is not None and info.value <= 31:
                    kind, measure = "date", False
            elif nxt in _CLOCK and info.value is not None and 0 < info.value <= 12:
                kind, measure = "date", False  # a time of day: "arrived at 3am", "by 10 a.m."
            elif (
                prev.rstrip("-") in prefixes
                or (prev.endswith("-") and prev[:-1] in prefixes)
                or (
                    bare
                    and i > 0
                    and not tok.text.startswith("0.")
                    and _product_like(toks[i - 1].text, _slash_opening(toks, i - 1))
                    and prev not in _NOT_NAME
                    and not (i - 1 in verbs and end < n and toks[end].is_lower)
                    and (
                        not counted_after
                        or "." in tok.text  # "SQL Anywhere 11.0 databases": no count is a fraction
                        or _product_like(toks[i - 1].text, i - 1, strong=True)
                    )
                )
            ):
                kind, measure = "name", False
            elif bare and "." in tok.text and _UPGRADE.search(text):
                kind, measure = "version", False
        elif info.shape == "ordinal":
            if end in units_at and units_at[end][1] == "rank":
                end = units_at[end][0]
                kind = "rank"
            elif prev in ("ranked", "rank", "placed", "finished", "came", "placing", "stood"):
                kind = "rank"
            else:
                kind, measure = "index", False
        elif info.shape == "alnum":
            is_date = re.fullmatch(r"(?:[QqHh][1-4]|FY'?\d{2,4}|CY'?\d{2,4})", tok.text)
            kind, measure = ("date" if is_date else "name"), False
        elif info.shape == "version":
            kind, measure = "version", False
        elif info.shape == "ratio":
            m = _RE_RATIO.fullmatch(tok.text)
            slash = m is not None and "/" in tok.text
            if slash and prev in prefixes:
                kind, measure = "name", False  # "Angular 2/4+": two versions of a name
            elif slash and (
                len(m.group(2)) == 4  # 06/2020
                or (
                    re.fullmatch(r"\d+/\d+", tok.text)
                    and int(m.group(1)) <= 12
                    and 12 < int(m.group(2)) <= 31
                )
            ):
                kind, measure = "date", False  # 06/2020, 3/15
            elif re.fullmatch(r"\d{1,2}:\d{2}", tok.text):
                kind, measure = "date", False  # a time of day: "our 10:30 call"
            else:
                kind = "ratio"
        if kind == "num":
            kind = "count"
        if (
            measure
            and end - i >= 2
            and toks[i + 1].text == "-"
            and toks[i + 2].is_alpha  # "7-day", not the range "2-3 million users"
            and toks[i + 2].lower_ not in _RATING_SCALES
            and end < n
            and any(c in ("causal", "product", "vanity") and s == end for c, _, s, _e in matches)
            and "." not in toks[i].text  # "3.1-month payback" is the payback's value
        ):
            kind, measure = "name", False  # "7-day activation", "30-day retention"
        if prev in _RANK_BEFORE and measure and kind in ("count", "percent") and prev != "number":
            if prev == "top":
                start = i - 1
            kind = "rank"
        emit(start, end, kind, measure, value, unit, high)
        i = end

    # spelled-out numbers: "three teams", "doubled", "a dozen", "two weeks", "halved"
    for s, e, eid in sorted(numwords, key=lambda t: (t[0], -(t[1] - t[0]))):
        if any(k in used or k in masked for k in range(s, e)):
            continue
        value, nkind = _numword_info()[eid]
        word = doc[s:e].text.lower()
        prev = lower(s - 1)
        nxt = lower(e)
        if (
            eid == "halved"
            and word == "half"
            and prev
            in (
                "first",
                "second",
                "latter",
                "back",
                "front",
                "other",
                "better",
                "next",
                "this",
                "last",
                "each",
                "per",
                "coming",
                "previous",
                "following",
            )
        ):
            continue
        half_a_unit = (
            nxt in ("a", "an") and (s + 2) in units_at and units_at[s + 2][1] == "duration"
        )
        if (
            eid == "halved"
            and word == "half"
            and nxt in ("of", "the", "a", "an", "my", "our", "its")
            and prev not in ("by", "in", "cut", "nearly", "almost")
            and not half_a_unit
        ):
            continue
        if eid == "couple" and not (e in units_at and units_at[e][1] == "duration"):
            continue  # "a couple of weeks" is a duration; "a couple of reasons" counts nothing
        if eid in ("hundred", "thousand", "million", "billion") and prev.endswith("#"):
            continue  # "from $# million": the magnitude of a template's slot, no figure
        if (
            nkind == "count"
            and eid in ("hundred", "thousand", "million", "billion")
            and nxt not in ("of",)
            and word.endswith("s")
            and nxt == ""
        ):
            continue
        kind = {
            "count": "count",
            "multiplier": "multiplier",
            "fraction": "multiplier",
            "magnitude": "count",
            "rank": "rank",
        }[nkind]
        end = e
        if half_a_unit:
            kind, end = "duration", units_at[s + 2][0]
        unit_at = end
        if lower(end) in ("-", "–") and doc[end - 1].whitespace_ == "" and end + 1 in units_at:
            unit_at = end + 1  # "over a two-year period", "a three-month pilot"
        if unit_at in units_at and units_at[unit_at][1] in (
            "duration",
            "percent",
            "size",
            "rate",
            "multiplier",
        ):  # "four times", "three-fold"
            kind = units_at[unit_at][1]
            end = units_at[unit_at][0]
        if (
            kind == "count"
            and eid in ("hundred", "thousand", "million", "billion")
            and nxt == "of"
            and lower(end + 1) in _CURRENCY_WORDS
        ):
            kind, end = "money", end + 2  # "millions of dollars of ARR": an amount of money
        emit(s, end, kind, True, value)
    _single_durations(doc, units_at, used, lower, emit)
    out.sort(key=lambda q: q.start)
    return out


# "a"/"one" before a duration unit is an amount of time when a word that takes one stands before
# it ("within a week", "for one year", "took a month", "one more day") or a comparison of time
# follows ("a month ahead of schedule", "a week early", and the slip the other way: "finished a
# week late", "a month behind schedule"); not a time reference ("a year ago", "a week later"),
# a frequency ("twice a day") or an idiom ("One day it might").
_SINGLE_BEFORE = frozenset(
    {
        *("for", "within", "in", "over", "under", "than", "after", "only", "just", "about"),
        *("around", "nearly", "almost", "roughly", "took", "take", "takes", "taking", "had"),
        *("needed", "need", "spent", "spend", "spending", "lasted", "saved", "cut", "by"),
        "from",  # "from a week to a day"
    }
)
_SINGLE_AFTER = frozenset(
    {"ahead", "early", "earlier", "sooner", "faster", "quicker", "late", "behind", "overdue"}
)


# A duration that dates a moment measures nothing (RULES.md: dates do not count): "About 5
# years ago, I ran my first big project", "I had to tell executives 6 weeks into the year".
# "a year ago" is already left out (`_single_durations`); "put 3 weeks into the project" is
# effort spent, so only a calendar period after "into" dates.
_CALENDAR_PERIODS = frozenset({"year", "quarter", "month", "week", "semester", "term", "season"})


def _time_point(after: str, second: str, third: str) -> bool:
    """True when the words after a duration make it a point in time."""
    if after == "ago":
        return True
    return (
        after == "into"
        and second in ("the", "this", "that", "a", "our")
        and third in _CALENDAR_PERIODS
    )


def _spaced_groups(toks: Sequence[Token], i: int) -> int:
    """The end of a number written with spaces between its thousands ('164 000', '1 000 000'):
    each next token is a group of exactly three digits after one space, and no '%' or other
    glued sign follows the last ('12 100%' is a grade and a share). Bounded by the groups."""
    end, n = i + 1, len(toks)
    while (
        end < n
        and toks[end - 1].whitespace_ in _GROUP_SPACES
        and _RE_SPACED_GROUP.fullmatch(toks[end].text)
        and not toks[end - 1].text.endswith("+")
    ):
        end += 1
    if end > i + 1 and end < n and not toks[end - 1].whitespace_ and toks[end].text == "%":
        return i + 1
    return end


_BARE_BOUND = ("merely", "mere", "just", "only")


def _bare_durations(doc: Doc, units_at: dict, used: set[int], lower: Any, emit: Any) -> None:
    """Plural duration units with no number that still measure a change of magnitude: 'from
    weeks to days', 'from hours to minutes', 'in hours instead of days', 'in merely seconds'.
    A unit alone ('within hours', 'for days') or a cadence ('from week to week') is none."""
    for j, (e, kind) in sorted(units_at.items()):
        if kind != "duration" or j in used or not lower(j).endswith("s"):
            continue
        pair = None
        if lower(j - 1) == "from" and lower(e) in ("to", "→", "->"):
            pair = e + 1
        elif lower(e) == "instead" and lower(e + 1) == "of":
            pair = e + 2
        if pair is not None and pair in units_at and units_at[pair][1] == "duration":
            if not any(k in used for k in range(j, units_at[pair][0])):
                emit(j, units_at[pair][0], "duration", True, None)
        elif lower(j - 1) in _BARE_BOUND and lower(j - 2) in ("in", "within"):
            emit(j - 1, e, "duration", True, None)  # "in merely seconds"


def _single_durations(doc: Doc, units_at: dict, used: set[int], lower: Any, emit: Any) -> None:
    if all(kind != "duration" for _, kind in units_at.values()):
        return  # "a week", "one more day": a duration unit word is needed
    _bare_durations(doc, units_at, used, lower, emit)
    for i in range(len(doc) - 1):
        word = lower(i)
        if word == "sub" and i not in used:  # "sub-second", "sub-minute": under one unit
            j = i + 2 if lower(i + 1) in ("-", "–") else i + 1
            if j in units_at and units_at[j][1] == "duration":
                emit(i, units_at[j][0], "duration", True, 1.0)
            continue
        if word not in ("a", "an", "one") or i in used:
            continue
        j = i + 1
        more = lower(j) in ("more", "full", "whole", "single", "extra")
        if more:
            j += 1
        elif word == "one" and lower(j) in ("-", "–") and not doc[i].whitespace_:
            j += 1  # "a one-day workshop"
        if (
            j not in units_at
            or units_at[j][1] != "duration"
            or any(k in used for k in range(j, units_at[j][0]))
        ):
            continue
        end = units_at[j][0]
        before, after = lower(i - 1), lower(end)
        if after in ("ago", "later", "off", "before"):
            continue
        if (
            (word == "one" and (more or _one_in_line(before, after)))
            or before in _SINGLE_BEFORE
            or after in _SINGLE_AFTER
        ):
            emit(i, end, "duration", True, 1.0)


def _one_in_line(before: str, after: str) -> bool:
    """'one week agile iterations', 'a one-day workshop': 'one' and a unit inside a line is a
    duration; 'One day it might' (at the start) and 'to one day lead' are idioms."""
    return (
        bool(before)
        and before[:1].isalnum()
        and before not in _ONE_IDIOM_BEFORE
        and (after not in _ONE_IDIOM_AFTER)
    )


_ONE_IDIOM_BEFORE = frozenset({"to", "at", "some", "the", "that", "this", "every", "each", "per"})
_ONE_IDIOM_AFTER = frozenset({"i", "we", "he", "she", "they", "you", "it", "my", "our", "when"})


def find_quantities_in_doc(doc: Doc) -> list[Quantity]:
    """The measuring quantities in an annotated doc."""
    return [q for q in find_numbers(doc) if q.measure]


def find_quantities(text: str) -> list[Quantity]:
    """The measuring quantities in a text, with character offsets into it."""
    from starkit.nlp import get_nlp
    from starkit.textio import normalise_for_matching

    doc = get_nlp()(normalise_for_matching(text))
    return find_quantities_in_doc(doc)


def has_quantity(text: str) -> bool:
    """True when the text holds at least one measuring quantity."""
    return bool(find_quantities(text))
