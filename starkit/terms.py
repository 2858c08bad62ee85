"""The term lexicons (`lexicons/terms/*.toml`), with the user's `extend`/`remove` edits applied.

Each file is one category (vanity, causal, guardrail, ...). Terms are matched case-insensitively
on spaCy tokens by one PhraseMatcher (see `starkit.nlp`), labelled `category:entry-id`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Literal

from starkit.errors import ConfigError
from starkit.lexicons import (
    StrictModel,
    TermEntry,
    load_term_file,
    read_toml,
    validate_entries,
    validate_model,
)

if TYPE_CHECKING:
    from starkit.config import Config

# Category name -> file under lexicons/. Categories the user may edit through config.
TERM_FILES: dict[str, str] = {
    "vanity": "terms/vanity.toml",
    "causal": "terms/causal.toml",
    "guardrail": "terms/guardrail.toml",
    "hold": "terms/hold_phrases.toml",
    "product": "terms/product_metrics.toml",
    "efficiency": "terms/efficiency_metrics.toml",
    "trigger": "terms/triggers.toml",
    "change": "terms/change_verbs.toml",
    "scale": "terms/scale_context.toml",
    "weak": "terms/weak_verbs.toml",
    "vague": "terms/vague.toml",
    "action": "terms/action_verbs.toml",
    "timeframe": "terms/time_frames.toml",
    # metrics answers (kind `answer`): part cues, question-type cues, metric names by family
    "answer": "answer/cues.toml",
    "qtype": "answer/types.toml",
    "family": "answer/families.toml",
}
# Function-word lists the rules read (not matched as phrases): one entry per list. A config's
# `[tool.starkit.lexicons.<list-id>]` edits them like any category.
WORD_LISTS_FILE = "terms/word_lists.toml"
# Metric-noun categories get a plural variant of each term ("download" -> "downloads").
_PLURALISE = {"vanity", "causal", "guardrail", "product", "efficiency", "family"}
# Aliases a user may write in config (`[tool.starkit.lexicons.<name>]`).
ALIASES = {
    "vanity_metrics": "vanity",
    "causal_metrics": "causal",
    "guardrails": "guardrail",
    "guardrail_metrics": "guardrail",
    "product_metrics": "product",
    "efficiency_metrics": "efficiency",
    "triggers": "trigger",
    "weak_verbs": "weak",
    "vague_words": "vague",
    "action_verbs": "action",
    "hold_phrases": "hold",
    "change_verbs": "change",
    "time_frames": "timeframe",
}


class NumberWordEntry(TermEntry):
    """A spelled-out number: its value and what it measures."""

    value: float
    kind: Literal["count", "multiplier", "fraction", "magnitude", "rank"]


class UnitEntry(TermEntry):
    """A unit or counted word that may follow a number."""

    kind: Literal["percent", "magnitude", "money", "duration", "multiplier", "size", "rate", "rank"]


class _TypedFile(StrictModel):
    description: str
    entry: tuple[dict, ...]


def _typed(relpath: str, model: type[TermEntry]) -> list:
    data = read_toml(relpath)
    tf = validate_model(relpath, None, data, _TypedFile)
    return validate_entries(relpath, tf.entry, model)


@cache
def number_words() -> tuple[NumberWordEntry, ...]:
    """Spelled-out numbers (`lexicons/quantities/number_words.toml`)."""
    return tuple(_typed("quantities/number_words.toml", NumberWordEntry))


@cache
def units() -> tuple[UnitEntry, ...]:
    """Units and counted words (`lexicons/quantities/units.toml`)."""
    return tuple(_typed("quantities/units.toml", UnitEntry))


@cache
def non_measures() -> tuple[TermEntry, ...]:
    """Name prefixes and fixed phrases whose numbers measure nothing."""
    return tuple(load_term_file("quantities/non_measures.toml"))


def inflect(verb: str) -> list[str]:
    """Base verb -> base, -s, -ed and -ing forms (regular English spelling rules)."""
    if " " in verb:
        return [verb]
    forms = [verb]
    if verb.endswith("e"):
        forms += [verb + "s", verb + "d", verb[:-1] + "ing"]
    elif verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        forms += [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    elif verb.endswith(("s", "x", "z", "ch", "sh")):
        forms += [verb + "es", verb + "ed", verb + "ing"]
    else:
        doubled = (
            len(verb) >= 3
            and verb[-1] in "bdgmnprt"
            and verb[-2] in "aeiou"
            and verb[-3] not in "aeiou"
            and verb not in {"open", "offer", "target", "budget", "audit", "benchmark", "pilot"}
            and not verb.endswith(("en", "er", "on"))
        )
        forms += [verb + "s", verb + "ed", verb + "ing"]
        if doubled:  # "planned", "debugged", but "edited", "visited": stress decides, so both
            forms += [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return forms


def _plural(term: str) -> str | None:
    last = term.rsplit(" ", 1)[-1]
    if not last.isalpha() or last.endswith("s") or len(last) < 3:
        return None
    if last.endswith("y") and last[-2] not in "aeiou":
        return term[:-1] + "ies"
    if last.endswith(("x", "ch", "sh")):
        return term + "es"
    return term + "s"


@dataclass(frozen=True)
class Lexicon:
    """All term categories, edited by config: category -> (entry id, terms) pairs."""

    categories: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    word_lists: dict[str, frozenset[str]] = field(default_factory=dict)

    _terms: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def terms(self, category: str) -> frozenset[str]:
        """Every (lower-cased) term of a category, or of a word list (computed once)."""
        if category in self.word_lists:
            return self.word_lists[category]
        found = self._terms.get(category)
        if found is None:
            found = frozenset(t.lower() for _, terms in self.categories[category] for t in terms)
            self._terms[category] = found
        return found

    def words(self, name: str) -> frozenset[str]:
        """One function-word list (`lexicons/terms/word_lists.toml`), lower-cased."""
        return self.word_lists[name]


def _canonical(name: str, source: str) -> str:
    cat = ALIASES.get(name, name)
    if cat in TERM_FILES:
        return cat
    dashed = cat.replace("_", "-")
    if dashed in _word_lists():
        return dashed
    known = ", ".join(sorted([*TERM_FILES, *_word_lists()]))
    raise ConfigError(f"{source}: unknown lexicon '{name}' (known: {known})")


@cache
def _word_lists() -> dict[str, frozenset[str]]:
    return {e.id: frozenset(t.lower() for t in e.terms) for e in load_term_file(WORD_LISTS_FILE)}


def validate_lexicon_edits(config: Config, source: str) -> None:
    """Fail on unknown lexicons and on removing a term the lexicon does not hold."""
    base = _base_lexicon()
    for name, edit in config.lexicons.items():
        cat = _canonical(name, source)
        present = base.terms(cat) | {t.lower() for t in edit.extend}
        for term in edit.remove:
            if term.lower() not in present:
                raise ConfigError(
                    f"{source}: cannot remove '{term}' from lexicon '{name}': it is not there"
                )


ONTOLOGY_FILE = "metrics/ontology.toml"
MetricRole = Literal["vanity", "causal", "product", "efficiency", "guardrail"]


class MetricHead(StrictModel):
    """A metric head of the ontology: the roles it plays and the phrases that name it."""

    id: str
    roles: tuple[MetricRole, ...]
    terms: tuple[str, ...]
    needs_change: bool = False
    count: int = 0


class TimesVerb(StrictModel):
    """'viewed 5M times': verbs whose 'N times' counts a head; `nouns`: the same count glued
    to a figure as a compound ('1.8M-view content', 'a 50K-download app')."""

    id: str
    verbs: tuple[str, ...]
    nouns: tuple[str, ...] = ()


class CountedBy(StrictModel):
    """'adopted by 5,000+ users', '1,900 students signed up': uptake verbs (before 'by', or
    after the counted noun) and the people nouns they count."""

    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    after_verbs: tuple[str, ...] = ()
    # "the platform reached 8,000 students": a verb of reach right before the count
    reach_verbs: tuple[str, ...] = ()
    # "adopted by 40% of active customers": a share of the people a launch reached
    share_verbs: tuple[str, ...] = ()
    share_nouns: tuple[str, ...] = ()


class ActiveCount(StrictModel):
    """'2.4x increase in weekly active survey takers': a period, 'active' and the people it
    counts (at most `max_words` words, the last a plural) name the head `head`, as 'weekly
    active users' does, whatever the people are called."""

    periods: tuple[str, ...]
    head: str
    max_words: int = 2


class RelativeForms(StrictModel):
    """Words between 'by' (or a change noun) and a relative figure, and the change nouns."""

    hedges: tuple[str, ...]
    change_nouns: tuple[str, ...]


class Ontology(StrictModel):
    """`lexicons/metrics/ontology.toml`."""

    description: str
    source: str
    head: tuple[MetricHead, ...]
    times_verb: tuple[TimesVerb, ...]
    counted_by: CountedBy
    active_count: ActiveCount
    relative: RelativeForms


@cache
def ontology() -> Ontology:
    """The metric ontology, validated."""
    data = read_toml(ONTOLOGY_FILE)
    onto = validate_model(ONTOLOGY_FILE, None, data, Ontology)
    validate_entries(ONTOLOGY_FILE, data.get("head", ()), MetricHead)  # unique ids
    return onto


@cache
def _base_lexicon() -> Lexicon:
    cats: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    for cat, rel in TERM_FILES.items():
        entries = []
        for e in load_term_file(rel):
            terms: list[str] = []
            for t in e.terms:
                if cat == "action":
                    terms.extend(inflect(t))
                else:
                    terms.append(t)
                    if cat in _PLURALISE and (p := _plural(t)):
                        terms.append(p)
            entries.append((e.id, tuple(dict.fromkeys(terms))))
        cats[cat] = tuple(entries)
    for head in ontology().head:
        terms = [t.lower() for t in head.terms]
        terms += [p for t in terms if (p := _plural(t))]
        for role in head.roles:
            cats[role] = (*cats[role], (head.id, tuple(dict.fromkeys(terms))))
    return Lexicon(cats, dict(_word_lists()))


def load_lexicon(config: Config | None = None) -> Lexicon:
    """The term lexicon with the config's `extend` and `remove` edits applied."""
    base = _base_lexicon()
    if config is None or not config.lexicons:
        return base
    cats = dict(base.categories)
    lists = dict(base.word_lists)
    for name, edit in config.lexicons.items():
        cat = _canonical(name, config.source or "<config>")
        removed = {t.lower() for t in edit.remove}
        if cat in lists:
            lists[cat] = (lists[cat] | {t.lower() for t in edit.extend}) - removed
            continue
        entries = [
            (eid, tuple(t for t in terms if t.lower() not in removed)) for eid, terms in cats[cat]
        ]
        extra = tuple(t for t in edit.extend if t.lower() not in removed)
        if extra:
            entries.append(("user", extra))
        cats[cat] = tuple(entries)
    return Lexicon(cats, lists)
