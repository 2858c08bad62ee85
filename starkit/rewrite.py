"""Data-backed rewrites: every finding's suggestion, built from the writer's own words.

A rewrite keeps the writer's verb, object and figures, marks where a number belongs with
`<...>` slots (angle brackets, so a rewrite pasted back unchanged is caught by
`unfilled-placeholder`), computes the change when the text gives two values ("from 3.5 to 2.8
weeks" -> -20%), proposes the taxonomy metric that fits the topic, and says which question fills
the slots. It never invents a figure: every number in a suggestion is the writer's or computed
from theirs.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from functools import cache, lru_cache
from typing import Literal, NamedTuple

from pydantic import Field

from starkit.errors import LexiconError
from starkit.lexicons import StrictModel, read_toml, validate_entries, validate_model
from starkit.limits import MAX_REWRITE_CHARS
from starkit.rules import load_specs, rule_param
from starkit.rules.context import SENTENCE_CLOSERS, STOPS, UnitContext
from starkit.rules.registry import REGISTRY, Hit, Rewrite, rewriter
from starkit.terms import inflect, load_lexicon


class Metric(StrictModel):
    """A taxonomy metric: its family, better direction, cue topics and filling question."""

    id: str
    name: str
    family: Literal["engineering", "program", "business"]
    direction: Literal["up", "down"]
    unit: str
    topics: tuple[str, ...]
    question: str
    guardrail: str


class _TaxonomyFile(StrictModel):
    description: str
    weak_topics_note: str
    weak_topics: tuple[str, ...]
    long_text_note: str
    long_text_words: int = Field(gt=0)
    long_text_score: int = Field(ge=2)
    unmatched: dict
    metric: tuple[dict, ...]


class PartVerbs(StrictModel):
    """Verbs naming a writer's possible part in work on a topic (examples for a slot)."""

    id: str
    topics: tuple[str, ...]
    verbs: tuple[str, ...]


class WeakRewrite(StrictModel):
    """What a weak phrase (a `terms/weak_verbs.toml` entry) can safely become: a concrete verb
    that claims no more than it, and whether the action verb after it is the writer's own."""

    id: str
    verb: str | None = None
    own_verb: bool = False
    object_then_verb: bool = False


class GuardrailChoice(StrictModel):
    """The guardrail to propose when a given metric moved."""

    id: str
    moved: tuple[str, ...]
    guardrail: str


class DomainGuardrail(StrictModel):
    """The guardrail that fits a domain the text names (a school club, a game, a sales
    pipeline), whatever metric moved: a defect rate means nothing to a youth programme."""

    id: str
    topics: tuple[str, ...]
    guardrail: str


class VanityFollowUp(StrictModel):
    """For a vanity metric (a `terms/vanity.toml` entry, or 'users'): the causal metric its
    rewrite asks for, and the question that fills it, in that metric's own words."""

    id: str
    causal: str
    question: str


class _RewriteFile(StrictModel):
    description: str
    part_slot: str
    dangling_words: tuple[str, ...] = ()
    weak_rewrites: tuple[dict, ...]
    part_verbs: tuple[dict, ...]
    guardrails: tuple[dict, ...]
    domain_guardrails: tuple[dict, ...] = ()
    vanity_followups: tuple[dict, ...] = ()
    irregular_past: dict[str, str]
    section_templates: dict[Literal["situation", "task", "action", "result"], str]


@cache
def _rewrite_file() -> _RewriteFile:
    rel = "rewrite.toml"
    return validate_model(rel, None, read_toml(rel), _RewriteFile)


@cache
def _taxonomy_file() -> _TaxonomyFile:
    rel = "metrics/taxonomy.toml"
    return validate_model(rel, None, read_toml(rel), _TaxonomyFile)


@cache
def taxonomy() -> tuple[Metric, ...]:
    """The metric taxonomy (`lexicons/metrics/taxonomy.toml`)."""
    return tuple(validate_entries("metrics/taxonomy.toml", _taxonomy_file().metric, Metric))


@cache
def unmatched_metric() -> Metric:
    """The slot a rewrite names when no taxonomy metric's topics occur in the text."""
    return validate_model("metrics/taxonomy.toml", "unmatched", _taxonomy_file().unmatched, Metric)


@cache
def weak_topics() -> frozenset[str]:
    """Topic words too common in resume lines to name a metric alone (`weak_topics` of the
    taxonomy): each counts half a topic, so a metric needs one other topic word beside it."""
    rel = "metrics/taxonomy.toml"
    words = frozenset(_taxonomy_file().weak_topics)
    singles = {t for m in taxonomy() for t in m.topics if t.split() == [t]}
    stray = sorted(words - singles)
    if stray:
        raise LexiconError(rel, stray[0], "a weak topic must be a one-word topic of a metric")
    return words


@cache
def _rewrite_data() -> tuple[tuple[PartVerbs, ...], tuple[GuardrailChoice, ...]]:
    rel = "rewrite.toml"
    f = _rewrite_file()
    return (
        tuple(validate_entries(rel, f.part_verbs, PartVerbs)),
        tuple(validate_entries(rel, f.guardrails, GuardrailChoice)),
    )


@cache
def weak_rewrites() -> dict[str, WeakRewrite]:
    """Weak-verb entry id -> what it can safely become; every id must be a weak-verb entry."""
    rel = "rewrite.toml"
    entries = validate_entries(rel, _rewrite_file().weak_rewrites, WeakRewrite)
    known = {eid for eid, _ in load_lexicon().categories["weak"]}
    for e in entries:
        if e.id not in known:
            raise LexiconError(rel, e.id, "not an entry of terms/weak_verbs.toml")
    return {e.id: e for e in entries}


def part_slot() -> str:
    """The slot a weak-verb rewrite opens with when the writer's own part is unknown."""
    return f"<{_rewrite_file().part_slot}>"


def is_part_slot(slot: str) -> bool:
    """True for starkit's own part slot, in any case ('<Your part>' opening a bullet)."""
    return slot.lower() == part_slot().lower()


def _words(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9/+\-]+", " ", text.lower()) + " "


def _topic_score(text: str, topics: tuple[str, ...], words: str | None = None) -> int:
    w = words if words is not None else _words(text)
    return sum(map(w.__contains__, _padded(topics)))  # how many " topic " occur in w


@cache
def _padded(topics: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f" {t} " for t in topics)


def _topic_count(words: str, tokens: frozenset[str], topics: tuple[str, ...]) -> int:
    """`_topic_score` of `words` (`_words` output, whose word set is `tokens`): a one-word
    topic is in `words` between spaces exactly when it is one of its words (a set
    intersection); a topic of several words is still a substring test."""
    singles, several = _split_topics(topics)
    if singles is None:
        return _topic_score("", topics, words)
    return len(singles & tokens) + sum(map(words.__contains__, several))


@cache
def _split_topics(topics: tuple[str, ...]) -> tuple[frozenset[str] | None, tuple[str, ...]]:
    singles = [t for t in topics if t.split() == [t]]
    if len(set(singles)) != len(singles):
        return None, ()  # a repeated topic counts twice: no set for it
    return frozenset(singles), tuple(f" {t} " for t in topics if t.split() != [t])


@cache
def _taxonomy_topics() -> list[tuple[frozenset[str], tuple[str, ...]]] | None:
    """`_split_topics` of every taxonomy metric, in order (None if one has no set)."""
    parts = [_split_topics(m.topics) for m in taxonomy()]
    if any(singles is None for singles, _ in parts):
        return None
    return [(singles, several) for singles, several in parts if singles is not None]


@cache
def _topic_index() -> tuple[dict[str, tuple[int, ...]], tuple[tuple[str, int], ...]] | None:
    """`_taxonomy_topics` turned round: one-word topic -> the metrics (by index) it belongs
    to, and every topic of several words (padded) with its metric."""
    parts = _taxonomy_topics()
    if parts is None:
        return None
    index: dict[str, list[int]] = {}
    several: list[tuple[str, int]] = []
    for i, (singles, more) in enumerate(parts):
        for t in singles:
            index.setdefault(t, []).append(i)
        several += [(t, i) for t in more]
    return {t: tuple(ix) for t, ix in index.items()}, tuple(several)


def metric_for(text: str, direction: str | None = None, *, long_text: bool = True) -> Metric:
    """The taxonomy metric whose topics best fit the text (ties: the first listed; among
    them, the first whose direction is `direction`; no topic at all: `unmatched_metric`). A metric's
    score is how many of its topics occur in the text, a weak topic (`weak_topics`) counting
    half, so one weak word alone names no metric ("developer experience" is no NPS),
    and a long text (a story, an email) needs more (`long_text_score`, in halves) unless
    `long_text` is False (an answer to a metrics question names metrics on purpose, so every
    topic word in it is evidence); it is counted from the text's words through `_topic_index`
    rather than metric by metric."""
    words = _words(text)
    split = words.split()
    tokens = frozenset(split)
    tax = _taxonomy_file()
    least = tax.long_text_score if long_text and len(split) > tax.long_text_words else 2
    metrics = taxonomy()
    weak = weak_topics()
    found = _topic_index()
    if found is None:
        counts = [
            2 * _topic_count(words, tokens, m.topics) - len(tokens & weak.intersection(m.topics))
            for m in metrics
        ]
    else:
        index, several = found
        counts = [0] * len(metrics)
        for t in tokens:
            for i in index.get(t, ()):
                counts[i] += 1 if t in weak else 2
        for t, i in several:
            if t in words:
                counts[i] += 2
    top = max(counts)
    if top < least:
        return unmatched_metric()
    best = [m for m, c in zip(metrics, counts, strict=True) if c == top]
    if direction is None:
        return best[0]
    return next((m for m in best if m.direction == direction), best[0])


def part_verbs_for(text: str) -> tuple[str, ...]:
    """Two or three verbs for a writer's possible part in the work the text names."""
    verbs, _ = _rewrite_data()
    words = _words(text)  # once, not once a verb
    best = max(verbs, key=lambda v: _topic_score(text, v.topics, words))
    if _topic_score(text, best.topics, words) == 0:
        best = next(v for v in verbs if v.id == "default")
    return best.verbs


@cache
def _domain_guardrails() -> tuple[DomainGuardrail, ...]:
    return tuple(
        validate_entries("rewrite.toml", _rewrite_file().domain_guardrails, DomainGuardrail)
    )


@cache
def vanity_followups() -> dict[str, VanityFollowUp]:
    """Vanity entry id -> its follow-up; every id must be a vanity entry (or 'users')."""
    rel = "rewrite.toml"
    entries = validate_entries(rel, _rewrite_file().vanity_followups, VanityFollowUp)
    known = {eid for eid, _ in load_lexicon().categories["vanity"]} | {"users"}
    for e in entries:
        if e.id not in known:
            raise LexiconError(rel, e.id, "not an entry of terms/vanity.toml")
    return {e.id: e for e in entries}


def guardrail_for(moved_entry: str, text: str, metric: str = "") -> str:
    """The guardrail to propose for a moved metric: the one of the domain the text names
    (students, players, loans), else the one for the metric that moved (found by a word of its
    phrase `metric` first, then by its lexicon entry), else the topic's."""
    words = _words(text)
    scored = [(_topic_score(text, d.topics, words), d) for d in _domain_guardrails()]
    score, best = max(scored, key=lambda sd: sd[0], default=(0, None))
    if score and best is not None:
        return best.guardrail
    _, choices = _rewrite_data()
    said = _words(metric)
    for c in choices:
        if _topic_score(metric, c.moved, said):
            return c.guardrail
    for c in choices:
        if moved_entry in c.moved:
            return c.guardrail
    return metric_for(text).guardrail


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".") if abs(x) < 100 else f"{x:,.0f}"


class Change(NamedTuple):
    """A change computed from the writer's 'from A to B' and where its figures end."""

    text: str  # '-20%', or '+60%, +1.2 pp' for two percentages
    end: int  # character offset just after B's noun ('to 1,400 users'), in the unit's text
    percent: float  # the relative change, signed


def from_to_change(ctx: UnitContext) -> Change | None:
    """'-20%' when the text gives 'from A to B' (or 'A → B'); with percentages also the
    percentage-point change. None when there is no such pair, or when its two durations are
    in different units ('from 2 weeks to 5 days' is no +150%)."""
    qs = [q for q in ctx.quantities if q.value is not None]
    for a, b in itertools.pairwise(qs):
        prev = ctx.lower(a.token_start - 1)
        join = ctx.doc[a.token_end : b.token_start].text.strip().lower()
        if join in ("to", "→", "->", "⇒") and (prev == "from" or join != "to"):
            if not a.value or (a.kind != b.kind and not (a.kind == "count" or b.kind == "count")):
                continue
            if a.kind == b.kind == "duration" and a.unit != b.unit:
                continue
            change = (b.value - a.value) / a.value * 100
            out = f"{'+' if change >= 0 else '-'}{_fmt(abs(change))}%"
            if a.kind == "percent" and b.kind == "percent":
                pp = b.value - a.value
                out += f", {'+' if pp >= 0 else '-'}{_fmt(abs(pp))} pp"
            return Change(out, _noun_end(ctx, b.token_end, b.end), change)
    return None


def _noun_end(ctx: UnitContext, k: int, end: int, most: int = 3) -> int:
    """The end of the words naming what a figure counts ('1,400 GitHub stars'): up to `most`
    content words after token k, up to the first function word or mark."""
    doc = ctx.doc
    for tok in doc[k : min(len(doc), k + most)]:
        if not tok.is_alpha or tok.is_stop or not doc[tok.i - 1].whitespace_:
            break
        if tok.lower_ in ctx.word_list("change-note-stops"):
            break
        end = tok.idx + len(tok.text)
    return end


def _with_change(base: str, change: Change) -> str:
    """`base` with the computed change put right after the figures it describes, or `base`
    unchanged when the writer states a change there already ('3.2% (60% relative)', '80M
    MAU (4x growth)') or anywhere ('a 200% increase (3 → 9 min)')."""
    if change.end > len(base):
        return base
    size = abs(change.percent)
    stated = {f"{_fmt(size)}%", f"{size:,.0f}%"}  # as computed, or rounded ('86%' for 86.4%)
    if any(re.search(rf"(?<![\d.,]){re.escape(m)}", base) for m in stated):
        return base
    after = base[change.end :]
    if re.match(r"\s*(?:[A-Za-z]+\s+){0,2}\(", after):
        return base  # the writer's own note on the change follows
    if after.startswith(")"):  # "(3 min → 9 min)": inside the writer's parentheses
        return f"{base[: change.end]}, {change.text}{after}"
    return f"{base[: change.end]} ({change.text}){after}"


@lru_cache(maxsize=64)  # a rewrite asks for its unit's base two or three times
def _base(text: str) -> str:
    """The text a rewrite adds to: without its closing mark, and without a conjunction, 'by',
    'of' or an article left dangling at its end ('Performed system backups and', a line cut
    after 'increasing active merchant base by'), which nothing follows."""
    return _dangling().sub("", text.strip().rstrip(".;,:!")).rstrip(".;,:!")


@cache
def _dangling() -> re.Pattern[str]:
    """A run of `dangling_words` (lexicons/rewrite.toml) at the end of a text."""
    words = "|".join(re.escape(w) for w in _rewrite_file().dangling_words) or "(?!)"
    return re.compile(rf"(?:\s+(?:{words}))+$", re.IGNORECASE)


_SENTENCE_ENDS = STOPS | SENTENCE_CLOSERS  # the token a sentence of the splitter ends on


def _sentence_bounds(ctx: UnitContext, pos: int) -> tuple[int, int]:
    """[start, end) characters of the sentence holding offset `pos`, from the context's one
    splitter (`UnitContext.sentence_of`), with its closing mark and without white space.
    The token at `pos` is found by a binary search over token ends made once per unit, so
    many findings in one long story stay linear."""
    toks = ctx.tokens  # Token objects made once a unit, not at each `doc[i]`
    if not len(toks):
        return 0, len(ctx.text)
    ends = ctx.memo.get("token_ends")
    if ends is None:
        ends = ctx.memo["token_ends"] = [t.idx + len(t.text) for t in toks]
    i = min(bisect_right(ends, pos), len(toks) - 1)
    ts, te = ctx.sentence_of(i)
    while ts < te and toks[ts].is_space:
        ts += 1
    if te < len(toks) and toks[te].text in _SENTENCE_ENDS:
        te += 1
    if ts >= te:
        return pos, pos
    start, end = toks[ts].idx, toks[te - 1].idx + len(toks[te - 1].text)
    return start, end


def _in_sentence(code: str, hit: Hit, ctx: UnitContext) -> tuple[str, str, tuple[int, int]]:
    """Run a sentence-level builder on the sentence of a story or email holding the hit."""
    from starkit.nlp import get_nlp
    from starkit.textio import normalise_for_matching

    pos = hit.start
    if code == "no-quantification" and ctx.story is not None:
        result = ctx.story.section("result") or (ctx.story.sections or [None])[-1]
        pos = result.start if result is not None else 0
    s, e = _sentence_bounds(ctx, pos)
    if e - s > MAX_REWRITE_CHARS:
        return _too_long("sentence", e - s), "", (0, 0)
    sentence = ctx.text[s:e]
    sub = UnitContext(
        "bullet", sentence, get_nlp()(normalise_for_matching(sentence)), lexicon=ctx.lexicon
    )
    local = Hit(max(0, hit.start - s), max(0, min(e, hit.end) - s), hit.fields)
    if code == "no-quantification":
        local = Hit(0, len(sentence), hit.fields)
    text, new_sentence = _builder(code)(local, sub)
    if not new_sentence:
        return text, "", (0, 0)
    if sentence.rstrip().endswith(".") and not new_sentence.endswith("."):
        new_sentence += "."
    return text, new_sentence, (s, e)


Span = tuple[int, int]


def _too_long(what: str, n: int) -> str:
    """The advice when the text a rewrite would repeat is longer than any real one."""
    return (
        f"Split this {what} ({n:,} characters) into short ones and give the change a figure; "
        f"no rewrite is suggested for text over {MAX_REWRITE_CHARS:,} characters."
    )


def suggest(code: str, hit: Hit, ctx: UnitContext) -> tuple[str, str, Span]:
    """(suggestion, rewrite, span) for one finding. The suggestion is the text a user reads;
    the rewrite replaces `ctx.text[span[0]:span[1]]` (unit-relative offsets): the whole unit
    for a bullet, the one sentence (rule spec `rewrite_scope = "sentence"`) of a story or email
    that holds the finding, or the finding's own span (`"span"`), so a long story's findings
    never each carry the whole story. '' and (0, 0) when the suggestion is advice only."""
    impl = REGISTRY.get(code)
    fn = impl.rewrite if impl is not None else None
    if fn is None:
        return "", "", (0, 0)
    spec = load_specs().get(code)
    scope = spec.rewrite_scope if spec is not None else "unit"
    if ctx.kind in ("story", "email", "answer") and scope == "sentence":
        return _in_sentence(code, hit, ctx)
    if len(ctx.text) > MAX_REWRITE_CHARS and (
        scope != "span" or hit.end - hit.start > MAX_REWRITE_CHARS
    ):
        return _too_long(ctx.kind, len(ctx.text)), "", (0, 0)
    text, rewrite = fn(hit, ctx)
    if not rewrite:
        return text, "", (0, 0)
    if scope == "span":
        return text, rewrite, (hit.start, hit.end)
    if ctx.text.rstrip().endswith(".") and not rewrite.endswith("."):
        rewrite += "."
    return text, rewrite, (0, len(ctx.text))


def _builder(code: str) -> Rewrite:
    impl = REGISTRY[code]
    if impl.rewrite is None:
        raise KeyError(code)
    return impl.rewrite


@rewriter("no-quantification")
def _no_quantification(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    base = _base(ctx.text[hit.start : hit.end])
    direction = None
    if ctx.matches("change"):
        direction = ctx.matches("change")[0].entry
    m = metric_for(base, direction)
    gerund = "cutting" if m.direction == "down" else "raising"
    rewrite = f"{base}, {gerund} <{m.name}> from <X> to <Y> (<change>%) over <period>"
    unit = ctx.text[: hit.start] + rewrite + ctx.text[hit.end :].rstrip().rstrip(".")
    return f"{rewrite}. To fill it: {m.question}", unit


@rewriter("vanity-metric")
def _vanity(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    base = _base(ctx.text)
    follow = vanity_followups().get(hit.fields.get("entry", ""))
    causal = follow.causal if follow is not None else "activation rate"
    rewrite = _add_to_sentence(
        ctx,
        hit.start,
        base,
        f", lifting <{causal}> from <X>% to <Y>% with <week-4 retention> at <Z>%",
    )
    question = (
        follow.question
        if follow is not None
        else "of the new users, how many activated, and how many were still active in week 4?"
    )
    advice = f"To fill it: {question}"
    return f"{rewrite}. {advice}", rewrite


def _sentence_cut(ctx: UnitContext, pos: int, bounds: tuple[int, int] | None = None) -> int | None:
    """Where an addition to the sentence holding offset `pos` (its `bounds`, when known) goes
    (before its closing mark), when a later sentence follows it in the unit: 'The package
    sped up processing by 40%, from <X> to <Y> over <period>. Managed deployment.' None for
    the last sentence."""
    s, e = bounds or _sentence_bounds(ctx, pos)
    cut = s + len(_base(ctx.text[s:e]))
    return cut if ctx.text[e:].strip() else None


def _add_to_sentence(ctx: UnitContext, pos: int, base: str, addition: str) -> str:
    """`base` (the unit's text, `_base`d, perhaps with a computed change put in before
    `pos`'s sentence ends) with `addition` closing the sentence that holds `pos`."""
    s, e = _sentence_bounds(ctx, pos)
    cut = _sentence_cut(ctx, pos, (s, e))
    if cut is None:
        return f"{base}{addition}"
    closed = ctx.text[s:e].rstrip("".join(SENTENCE_CLOSERS))
    if len(closed) < e - s and closed[-1:] in STOPS:
        addition += "."  # '(... users.) Then ...': its stop sat inside the bracket
    cut += len(base) - len(_base(ctx.text))  # a change note put in before the cut
    return f"{base[:cut]}{addition}{base[cut:]}"


@rewriter("missing-guardrail")
def _guardrail(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    base = _base(ctx.text)
    guard = guardrail_for(hit.fields.get("entry", ""), base, str(hit.fields.get("metric", "")))
    change = from_to_change(ctx)
    cut = _sentence_cut(ctx, hit.start)
    if change is not None and (cut is None or change.end <= cut):
        base = _with_change(base, change)
    clause = f", while holding <{guard}> at <X>"
    rewrite = _add_to_sentence(ctx, hit.start, base, clause)
    shown = _add_to_sentence(ctx, hit.start, base, f"{clause} (the guardrail)")  # the label
    # stands by the clause it names, not after a later sentence of the unit
    advice = (
        f"To fill it: what did {guard} do while {hit.fields.get('metric', 'the metric')} moved?"
    )
    return f"{shown}. {advice}", rewrite


_BASE_FORMS = re.compile(r"^[a-z]+$")


def _is_action_base(word: str, action_terms: frozenset[str]) -> bool:
    """An action verb in its base form: a word whose -s, -ed and -ing forms are all action
    terms ('create'); 'creating' and 'training' are action terms but not bases."""
    return word in action_terms and all(f in action_terms for f in inflect(word)[1:4])


@cache
def _irregular_pasts() -> frozenset[str]:
    """Past tenses that are no base form ('led', 'built'; not 'cut', 'set')."""
    return frozenset(p for b, p in _rewrite_file().irregular_past.items() if p != b)


def _action_forms(word: str, action_terms: frozenset[str]) -> tuple[str, str] | None:
    """(base, past tense) of an action verb given as its base ('create') or its -ing form
    ('creating', 'planning'), or None ('creatinged' is no word)."""

    def is_base(w: str) -> bool:
        return _is_action_base(w, action_terms)

    irregular = _rewrite_file().irregular_past
    if word in _irregular_pasts():  # 'built' is a past already, not a base
        return next((b, p) for b, p in irregular.items() if p == word)
    if is_base(word):
        return word, irregular.get(word, inflect(word)[2])
    if not word.endswith("ing") or word not in action_terms:
        return None
    stem = word[:-3]
    for base in (stem, stem + "e", stem[:-1]):  # designing, creating, planning
        forms = inflect(base)
        if len(base) > 1 and is_base(base) and word in forms[3:]:
            past = forms[forms.index(word) - 1]  # -ing after -ed; doubled -ing after -ed
            return base, _rewrite_file().irregular_past.get(base, past)
    return None


def _examples(verbs: tuple[str, ...]) -> str:
    return ", ".join(verbs[:-1]) + f" or {verbs[-1]}" if len(verbs) > 1 else "".join(verbs)


@rewriter("weak-verb")
def _weak(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    entry = hit.fields.get("entry", "")
    how = weak_rewrites().get(entry, WeakRewrite(id=entry))
    rest = ctx.text[hit.end :].strip()
    lead = ctx.text[: hit.start]
    opening = not any(ch.isalpha() for ch in lead)
    first = rest.split(" ", 1)[0].lower() if rest else ""
    action_terms = (ctx.lexicon or load_lexicon()).terms("action")
    forms = _action_forms(first, action_terms) if _BASE_FORMS.match(first) else None
    tail = rest.split(" ", 1)[1] if " " in rest else ""
    if forms is not None and how.own_verb:  # "Worked on building X" -> "Built X": theirs
        own = forms[1]
        rewrite = f"{lead}{own.capitalize() if opening else own} {tail}".strip()
        return f"{_base(rewrite)}. Name your own part and its result.", _base(rewrite)
    if how.verb is not None:  # "Responsible for the roadmap" -> "Owned the roadmap"
        verb = how.verb if opening else how.verb.lower()
        rewrite = f"{lead}{verb} {rest}".strip()
        return f"{_base(rewrite)}. Name your own part and its result.", _base(rewrite)
    slot = part_slot()
    words = rest.split(" ")
    if forms is not None:  # "Tasked with reducing errors" -> "<Your part> to reduce errors"
        words = ["to", forms[0], *tail.split(" ")]
    elif how.object_then_verb:  # "helped 3 teams ship X" -> "<Your part> 3 teams to ship X"
        for k, w in enumerate(words[1:5], start=1):
            before = words[k - 1].lower()
            if before in ctx.word_list("rewrite-determiners") or before.endswith("'s"):
                continue  # "the launch", "our build": a noun, not a verb
            low = w.lower()
            if low in _irregular_pasts():
                break  # "helped ground it and led to X": a past, another clause
            if _is_action_base(low, action_terms) and before != "to":
                words.insert(k, "to")
                break
    opened = slot[0] + slot[1].upper() + slot[2:] if opening else slot
    rewrite = _base(f"{lead}{opened} {' '.join(words)}".strip())
    examples = _examples(part_verbs_for(ctx.text))
    return (
        f"{rewrite}. To fill it: what did you do yourself (e.g. {examples}), and with what result?"
    ), rewrite


# where an intensifier's figure goes (`_vague`): words that end the object of the verb it
# modifies ('improved onboarding | by redesigning the flow'), and comparatives it grades
_OBJECT_ENDS = frozenset(
    {
        *("by", "through", "via", "using", "while", "after", "despite", "thanks", "because"),
        *("which", "that", "and", "with", "across", "for", "within", "during", "over", "in"),
        *(",", ";", ":", ".", "!", "?", "(", "—", "–", "-"),
    }
)
_GRADED = frozenset({"more", "less", "fewer", "better", "worse"})
_SHARE_NOUNS = frozenset({"majority", "share", "portion", "proportion", "fraction", "part"})
_LIST_MARKS = re.compile(r"\b(?:etc|e\.g|eg|such as|including|among others)\b|\.\.\.|…")


def _token_at(ctx: UnitContext, pos: int) -> int:
    """Index of the token starting at character `pos` (or the one holding it)."""
    for t in ctx.tokens:
        if t.idx + len(t.text) > pos:
            return t.i
    return len(ctx.doc) - 1


def _listed_count(ctx: UnitContext, end: int) -> int | None:
    """The number of things a parenthesis right after the noun phrase lists ('various
    divisions (engineering, publications and training divisions)' -> 3): the writer's own
    count, so the rewrite may give it. None when no such list follows within a few words, or
    it gives examples only ('e.g.', 'etc.', 'such as')."""
    for k in range(end, min(len(ctx.doc), end + 6)):
        t = ctx.lower(k)
        if t in (",", ";", ":", ".", "\n"):
            return None
        if t == "(":
            close = next((j for j in range(k + 1, len(ctx.doc)) if ctx.lower(j) == ")"), None)
            if close is None:
                return None
            inside = ctx.text[ctx.doc[k].idx + 1 : ctx.doc[close].idx]
            if _LIST_MARKS.search(inside.lower()):
                return None
            inside = re.sub(r"^\s*i\.?e\.?,?\s*", "", inside, flags=re.IGNORECASE)
            items = [p for p in re.split(r",|\band\b|\bor\b|&|/", inside) if p.strip()]
            return len(items) if len(items) >= 2 else None
    return None


def _plural_after(ctx: UnitContext, end: int) -> bool:
    """True when the noun the vague count quantifies is plural ('a lot of customer
    requests'); 'a lot of great feedback' quantifies a mass noun. Reads at most 3 words."""
    for k in range(end, min(len(ctx.doc), end + 3)):
        w = ctx.lower(k)
        if not w.isalpha():
            return False
        if w.endswith("s") and not w.endswith(("ss", "us", "is")):
            return True
    return False


def _join(before: str, middle: str, after: str) -> str:
    """before + middle + after with one space at each seam ('experience by <X>%', never
    'experience  by')."""
    out = before.rstrip()
    if middle:
        out = f"{out} {middle}" if out else middle
    rest = after.lstrip()
    if rest and rest[0] not in ".,;:!?)":
        out = f"{out} {rest}" if out else rest
    else:
        out += rest
    return out


@rewriter("vague-language")
def _vague(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    word = hit.fields.get("word", "")
    low = word.lower()
    text = ctx.text
    first, last = _token_at(ctx, hit.start), _token_at(ctx, hit.end - 1)
    nxt = last + 1
    if low in ctx.word_list("vague-counts"):
        count = _listed_count(ctx, nxt)
        if count is not None:
            slot = str(count)  # the writer's own list, counted
        elif low in ("various", "numerous", "countless") or _plural_after(ctx, nxt):
            slot = "<N>"
        else:
            slot = "<amount of>"  # 'a lot of great feedback': a mass noun
        new = f"{text[: hit.start]}{slot}{text[hit.end :]}"
    elif low.endswith("ly"):
        new = _vague_adverb(hit, ctx, nxt)
    else:
        new = _vague_adjective(hit, ctx, first, nxt)
    new = _base(new)
    new = new[:1].upper() + new[1:] if hit.start == 0 or not text[: hit.start].strip() else new
    return f"{new}. To fill it: how much, measured how?", new


def _vague_adverb(hit: Hit, ctx: UnitContext, nxt: int) -> str:
    """'Dramatically improved conversion' -> 'Improved conversion by <X>% (from <A> to <B>)';
    'improved onboarding significantly by redesigning it' -> the slot where the adverb
    stood; 'significantly faster' -> '<X>% faster'."""
    text, slot = ctx.text, "by <X>% (from <A> to <B>)"
    before, after = text[: hit.start], text[hit.end :]
    following = ctx.lower(nxt)
    comparative = following.endswith("er") and following in ctx.word_list("change-after")
    if following in _GRADED or comparative:
        return _join(before, "<X>%", after)
    if nxt >= len(ctx.doc) or following in _OBJECT_ENDS or not following.isalpha():
        return _join(before, slot, after)  # after its verb's object: the slot goes there
    # before its verb: the slot goes after the verb's object, before what says how
    k = nxt + 1
    while k < len(ctx.doc) and ctx.lower(k) not in _OBJECT_ENDS and "\n" not in ctx.lower(k):
        k += 1
    cut = ctx.doc[k].idx if k < len(ctx.doc) else len(text)
    head = _join(before, "", text[hit.end : cut])
    return _join(head, slot, text[cut:])


def _vague_adjective(hit: Hit, ctx: UnitContext, first: int, nxt: int) -> str:
    """'the vast majority of deals' -> '<X>% of deals'; 'by a significant amount' -> 'by
    <X>%'; 'a significant number of users' -> '<N> users'; 'a significant increase' -> 'a
    <X>% increase'; 'a massive data migration' (a plain noun) -> 'a <N>-<unit> data
    migration'."""
    text = ctx.text
    noun = ctx.lower(nxt)
    det = first - 1 if ctx.lower(first - 1) in ("a", "an", "the") else first
    start = ctx.doc[det].idx
    if noun in _SHARE_NOUNS or noun in ("number", "amount", "amounts", "volume", "quantity"):
        end = ctx.doc[nxt].idx + len(ctx.doc[nxt].text)
        of = ctx.lower(nxt + 1) == "of"
        if noun in _SHARE_NOUNS:
            slot = "<X>%"
        elif noun == "number" and of:
            of_tok = ctx.doc[nxt + 1]
            slot, end = "<N>", of_tok.idx + len(of_tok.text)  # 'a significant number of users'
        elif of:
            slot = "<N> <unit>"  # 'a significant amount of time' -> '<N> <unit> of time'
        else:
            slot = "<X>%"  # 'by a significant amount'
        return _join(text[:start], slot, text[end:])
    changes = ctx.word_list("change-after") | ctx.word_list("vague-amount-nouns")
    if any(ctx.lower(k) in changes for k in range(nxt, min(len(ctx.doc), nxt + 4))):
        return f"{text[: hit.start]}<X>%{text[hit.end :]}"
    if ctx.at("change", first - 1) is not None:
        return f"{text[: hit.start]}<X>%{text[hit.end :]}"  # 'reduced significant load'
    return f"{text[: hit.start]}<N>-<unit>{text[hit.end :]}"


@rewriter("unfilled-placeholder")
def _placeholder(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    slot = hit.fields.get("slot", "")
    if is_part_slot(slot):  # starkit's own slot, from an accepted weak-verb rewrite
        examples = _examples(part_verbs_for(ctx.text))
        return f"Replace '{slot}' with what you did yourself, e.g. {examples}.", ""
    return f"Replace '{slot}' with the real name or figure, or delete it, before you send this.", ""


@rewriter("missing-baseline")
def _baseline(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    rewrite = _add_to_sentence(ctx, hit.start, _base(ctx.text), ", from <X> to <Y> over <period>")
    advice = (
        "To fill it: what was the value before, and over what period did "
        f"{hit.fields.get('figure', 'it')} happen?"
    )
    return f"{rewrite}. {advice}", rewrite


@rewriter("email-no-metric")
def _email_metric(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    m = metric_for(ctx.text)
    return (
        "Add one sentence that ties a measured result of yours to the role, e.g. "
        f"'At <company> I moved <{m.name}> from <X> to <Y> in <period>, and I'd bring the same "
        "focus to <their problem>.' Pick a result from your story bank."
    ), ""


@rewriter("email-length")
def _email_length(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    limit = int(rule_param("email-length", "max_words"))  # type: ignore[arg-type]
    over = hit.fields.get("over", int(hit.fields.get("words", 0)) - limit)
    return (
        f"Cut about {over} words: keep one thank-you detail from the conversation, "
        "one measured result that fits the role, and the next step."
    ), ""


@rewriter("star-missing-section")
def _missing_section(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    templates = _rewrite_file().section_templates
    parts = [templates[s] for s in hit.fields.get("sections", [])]
    return "Add: " + " / ".join(parts), ""


@rewriter("result-unquantified")
def _result_unquantified(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    result = _base(hit.fields.get("result", ctx.text[hit.start : hit.end]))
    m = metric_for(ctx.text)
    new_result = f"{result}, moving <{m.name}> from <X> to <Y> over <period>."
    return f"{new_result[:-1]}. To fill it: {m.question}", new_result


@rewriter("we-not-i")
def _we_not_i(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    action = ctx.text[hit.start : hit.end]
    first = re.split(r"(?<=[.!?])\s+", action.strip())[0]
    retold = re.sub(r"\bwe\b", "I", first, flags=re.IGNORECASE)
    return (
        f"Tell the Action in the first person, e.g. '{retold}', and keep 'we' for the team's part."
    ), ""


@rewriter("answer-length")
def _answer_length(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    if ctx.kind == "answer":
        from starkit.answer.suggest import length_advice

        return length_advice(hit, ctx), ""
    if hit.fields.get("side") == "short":
        return (
            f"Add about {hit.fields.get('gap', 0)} words: the steps of your Action and a measured "
            "Result (what moved, from what to what, over what period)."
        ), ""
    return (
        f"Cut about {hit.fields.get('gap', 0)} words, mostly from the Situation and Task; "
        "keep the Action and Result."
    ), ""
