"""The outline of a metrics answer: its question type and the parts a panel listens for.

Built once per answer from the unit's annotations (the one PhraseMatcher's `answer`, `qtype`
and `family` categories, plus the causal and vanity metric lists and the measuring
quantities); the `answer-*` checks and the app's rubric card read it. A cue alone never makes
a part: a primary metric needs a metric beside its cue, a weak guardrail cue ("make sure") needs
a metric in its sentence, and a decision rule needs a figure, a comparison and an action.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from spacy.tokens import Doc

from starkit.lexicons import cached_term_file
from starkit.rules.context import UnitContext

QuestionType = Literal["success", "diagnosis", "program", "tradeoff"]
QUESTION_TYPES: tuple[QuestionType, ...] = ("success", "diagnosis", "program", "tradeoff")
# ties go to the more specific type; `success` only when no specific cue is found
_TYPE_ORDER: tuple[QuestionType, ...] = ("tradeoff", "diagnosis", "program", "success")
_TYPES_WHEN_UNCLEAR = 3  # a rule of this many types still judges when the type is a guess
_MEASURE_ASK = "measure-ask"  # types.toml: asks what to measure ("what metrics should we use")
SHAPES_FILE = "answer/shapes.toml"  # the shapes of a decision question (word lists)
PartName = Literal[
    "goal", "primary", "inputs", "guardrails", "thresholds", "tradeoffs", "segments",
    "data_checks", "instrumentation",
]  # fmt: skip
PART_NAMES: tuple[PartName, ...] = (
    "goal", "primary", "inputs", "guardrails", "thresholds", "tradeoffs", "segments",
    "data_checks", "instrumentation",
)  # fmt: skip
PART_LABELS: dict[str, str] = {
    "goal": "Goal",
    "primary": "Primary metric",
    "inputs": "Input metrics",
    "guardrails": "Guardrails",
    "thresholds": "Decision thresholds",
    "tradeoffs": "Trade-offs",
    "segments": "Segments",
    "data_checks": "Data checks",
    "instrumentation": "Instrumentation",
}
FAMILIES = ("engineering", "program", "business")
_HEADING_REACH = 6  # lines under a heading that belong to it
_LIST_MARKERS = {"-", "*", "•", "·", "–"}  # a line opened by one is a list item
# A figure this close to the cue's sentence still belongs to its rule ("..., roll back.").
_RESTATE_SENTENCES = 2


@dataclass(frozen=True)
class Mention:
    """A metric named in the answer: unit-relative character span, text and family."""

    start: int
    end: int
    text: str
    family: str
    vanity: bool
    token_start: int
    token_end: int
    label: str = ""  # the measure as written ("share of weekly active users who post a story")
    key: str = ""  # the metric it names: its lexicon entry ('churn' for "churned", "churn rate")

    @property
    def metric(self) -> str:
        """What makes two mentions the same metric: the entry, else the words as written."""
        return self.key or self.text.lower()


@dataclass(frozen=True)
class Part:
    """One part of the outline: its name and the span (unit-relative characters) holding it."""

    name: str
    start: int
    end: int
    text: str


@dataclass
class AnswerFacts:
    """What the rules and the rubric card need to know about one answer."""

    qtype: QuestionType
    type_source: Literal["question", "answer"]
    parts: dict[str, list[Part]] = field(default_factory=dict)
    metrics: list[Mention] = field(default_factory=list)
    primary: Mention | None = None
    launch: bool = False
    first_metric_sentence: int | None = None
    goal_sentences: list[int] = field(default_factory=list)
    tied_metrics: set[str] = field(default_factory=set)  # `Mention.metric` of each
    # measures no lexicon names, as (text, tied to something)
    unnamed_measures: list[tuple[str, bool]] = field(default_factory=list)
    question_metrics: list[str] = field(default_factory=list)
    # tokens of 'significant(ly)' in an answer that reads or designs a test: the statistical
    # sense, not a hedge (vague-language skips them)
    statistical_tokens: frozenset[int] = frozenset()

    type_clear: bool = True  # False: a question was given but its type could not be read

    def judges(self, types: tuple[str, ...] | list[str]) -> bool:
        """Whether a rule of these question types judges this answer. When the question's
        type could not be read (the answer's guess stands in), a rule of fewer than
        `_TYPES_WHEN_UNCLEAR` types cannot judge and stays silent: a false alarm costs more
        than a miss. Guardrail, threshold and trade-off (success, program and tradeoff) hold
        whichever of those types the question was."""
        if self.qtype not in types:
            return False
        return self.type_clear or len(types) >= _TYPES_WHEN_UNCLEAR

    def has(self, part: str) -> bool:
        """True when the outline holds the part."""
        return bool(self.parts.get(part))

    @property
    def families(self) -> list[str]:
        """The metric families the answer covers, in taxonomy order."""
        found = {m.family for m in self.metrics}
        return [f for f in FAMILIES if f in found]

    def distinct_metrics(self) -> list[Mention]:
        """One mention per metric (first occurrence), in text order: inflections and forms of
        one lexicon entry ("churn", "churned", "churn rate") are one metric."""
        seen: set[str] = set()
        out = []
        for m in self.metrics:
            key = m.metric
            if key not in seen:
                seen.add(key)
                out.append(m)
        return out

    def details(self) -> dict[str, Any]:
        """The outline as `UnitReport.details` carries it (JSON-ready)."""
        return {
            "question_type": self.qtype,
            "question_type_source": self.type_source,
            "question_type_clear": self.type_clear,
            "primary_metric": (self.primary.label or self.primary.text) if self.primary else None,
            "metrics": [m.text for m in self.distinct_metrics()],
            "families": self.families,
            "outline": [
                {
                    "part": name,
                    "label": PART_LABELS[name],
                    "found": bool(self.parts.get(name)),
                    "spans": [
                        {"start": p.start, "end": p.end, "text": p.text}
                        for p in self.parts.get(name, [])
                    ],
                }
                for name in PART_NAMES
            ],
        }


# ------------------------------------------------------------------------- helpers


def _raw(doc: Doc, category: str) -> list[tuple[str, int, int]]:
    """(entry, start, end) of every match of a category, overlaps across entries kept."""
    out = []
    for cat, entry, start, end in doc._.starkit_matches or []:
        if cat == category:
            out.append((entry, start, end))
    return sorted(set(out), key=lambda m: (m[1], m[2]))


def _sentences(ctx: UnitContext) -> list[tuple[int, int]]:
    """Token bounds of each sentence (split at . ! ? and newlines), empty ones dropped."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(ctx.doc)
    while i < n:
        s, e = ctx.sentence_of(i)
        if any(not t.is_space and not t.is_punct for t in ctx.doc[s:e]):
            out.append((s, e))
        i = max(e + 1, i + 1)
    return out


def _type_scores(doc: Doc, limit: int | None = None) -> dict[str, int]:
    """Cues per type. A trade-off cue inside an ask for measures ('which metrics should we
    track') asks what to measure, not whether to ship: it does not count."""
    scores = dict.fromkeys(QUESTION_TYPES, 0)
    raw = _raw(doc, "qtype")
    asks = {k for entry, s, e in raw if entry == _MEASURE_ASK for k in range(s, e)}
    for entry, start, end in raw:
        if entry not in scores or (limit is not None and start >= limit):
            continue
        # inside an ask, or right before one ("which one would you | choose to measure")
        if entry == "tradeoff" and any(k in asks for k in range(start, end + 1)):
            continue
        scores[entry] += 1
    return scores


@cache
def _shape_words() -> dict[str, frozenset[str]]:
    return {e.id: frozenset(t.lower() for t in e.terms) for e in cached_term_file(SHAPES_FILE)}


def _decision_shapes(doc: Doc) -> int:
    """Sentences of a question shaped as a decision (`lexicons/answer/shapes.toml`): a modal
    opening a clause ("Should Facebook add a love button?", "..., should the change be
    launched?"), an alternative question with no wh-word ("Stories for 24 or 48 hours?"), or
    a rise set against a fall ("reactions are up 20% but comments are down 10%"). An ask for
    measures ("should we track") is none. Read on the question only: an answer asks itself
    alternative questions ("is it one region or everywhere?") while diagnosing."""
    words = _shape_words()
    qctx = UnitContext("answer", doc.text, doc)
    raw = _raw(doc, "qtype")
    asks = {k for entry, s, e in raw if entry == _MEASURE_ASK for k in range(s, e)}
    drops = {s for entry, s, _ in raw if entry == "diagnosis"}
    lowers, n, found = qctx.lowers, len(doc), 0
    i = 0
    while i < n:
        s, e = qctx.sentence_of(i)
        i = max(e + 1, i + 1)
        sent = lowers[s:e]
        opener = any(
            sent[k] in words["decision-openers"]
            and s + k not in asks
            and (k == 0 or sent[k - 1] in words["clause-starts"])
            for k in range(len(sent))
        )
        asked = e < n and doc[e].text == "?"
        alternative = (  # "dropped 10%: real or noise?" is still a diagnosis
            asked
            and not any(s <= k < e for k in drops)
            and any(w in words["alternatives"] for w in sent)
            and not any(w in words["wh-words"] for w in sent)
        )
        contrast = any(
            sent[k] in words["contrasts"]
            and any(
                any(w in words[a] for w in sent[:k]) and any(w in words[b] for w in sent[k + 1 :])
                for a, b in (("rises", "falls"), ("falls", "rises"))
            )
            for k in range(len(sent))
        )
        found += opener or alternative or contrast
    return found


def _best_type(scores: dict[str, int]) -> QuestionType | None:
    """The specific types (trade-off, diagnosis, program) win over `success`, whose cues are
    generic ('metrics', 'measure'); among them the most cues, ties in `_TYPE_ORDER`."""
    specific = [t for t in _TYPE_ORDER if t != "success"]
    best = max(specific, key=lambda t: (scores.get(t, 0), -_TYPE_ORDER.index(t)))
    if scores.get(best, 0) > 0:
        return best
    return "success" if scores.get("success", 0) > 0 else None


def question_type(question_doc: Doc | None, ctx: UnitContext) -> tuple[QuestionType, str]:
    """The question's type from the question when given, else from the answer's opening (where
    a candidate restates the question), else from the whole answer; `success` by default."""
    if question_doc is not None:
        scores = _type_scores(question_doc)
        scores["tradeoff"] += _decision_shapes(question_doc)
        found = _best_type(scores)
        if found is not None:
            return found, "question"
    sents = _sentences(ctx)
    if sents:
        opening_end = sents[min(len(sents), _RESTATE_SENTENCES) - 1][1]
        found = _best_type(_type_scores(ctx.doc, opening_end))
        if found is not None:
            return found, "answer"
    found = _best_type(_type_scores(ctx.doc))
    return (found or "success"), "answer"


def _mentions(ctx: UnitContext) -> list[Mention]:
    """Metric mentions: family names, causal and vanity terms; overlaps merged (longest)."""
    doc = ctx.doc
    spans: list[tuple[int, int, str, str]] = []  # start, end, source category, entry
    for cat in ("family", "causal", "vanity"):
        for m in ctx.matches(cat):
            spans.append((m.start, m.end, cat, m.entry))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    merged: list[list[Any]] = []
    for s, e, cat, entry in spans:
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
            merged[-1][2].append((cat, entry, s, e))
            continue
        merged.append([s, e, [(cat, entry, s, e)]])
    modified = {start for entry, start, _ in _raw(doc, "answer") if entry == "modified-noun"}
    out = []
    for s, e, sources in merged:
        if e in modified:
            continue  # 'traffic patterns', 'revenue model': the metric word names something else
        family = next((entry for cat, entry, _, _ in sources if cat == "family"), "business")
        vanity_spans = [(a, b) for cat, _, a, b in sources if cat == "vanity"]
        causal = any(cat == "causal" for cat, _, _, _ in sources)
        # "DAU/MAU ratio" is stickiness, not a raw count
        ratio = ctx.lower(e) in {"ratio", "/"} or "/" in doc[s:e].text
        vanity = bool(vanity_spans) and not causal and not ratio and not _qualified(ctx, s, e)
        span = doc[s:e]
        label = _label(ctx, s, e) if _qualified(ctx, s, e) else ""
        # one causal or vanity term covering the whole mention names its metric
        whole = {
            f"{cat}:{entry}" for cat, entry, a, b in sources if cat != "family" and (a, b) == (s, e)
        }
        key = whole.pop() if len(whole) == 1 else ""
        out.append(
            Mention(span.start_char, span.end_char, span.text, family, vanity, s, e, label, key)
        )
    return out


_SHARE_WORDS = {"percentage", "percent", "share", "fraction", "proportion", "%", "ratio", "rate"}
_QUALIFIERS = {"who", "that", "which", "per", "whose", "with", "doing", "posting", "creating"}


def _qualified(ctx: UnitContext, s: int, e: int) -> bool:
    """A count turned into a causal measure: 'the share of DAU who post', 'installs per
    visitor'. Such a metric is not a raw vanity count."""
    before = {ctx.lower(k) for k in range(max(0, s - 4), s)}
    return bool(before & _SHARE_WORDS) or ctx.lower(e) in _QUALIFIERS


_LABEL_REACH = 8


def _label(ctx: UnitContext, s: int, e: int) -> str:
    """A qualified measure as written: from its share word to the end of its clause."""
    start = s
    for k in range(s - 1, max(-1, s - 4), -1):
        if ctx.lower(k) in _SHARE_WORDS:
            start = k
            break
    if ctx.lower(start - 1) in {"the", "a"}:
        start -= 1
    end = e
    while end < min(len(ctx.doc), e + _LABEL_REACH) and not (
        ctx.doc[end].is_punct or "\n" in ctx.doc[end].text
    ):
        end += 1
    return ctx.doc[start:end].text


def _doc_metrics(doc: Doc) -> list[str]:
    """The metric names of a question, in order ('activation', 'churn'), overlaps merged."""
    spans = sorted(
        {(s, e) for cat, _, s, e in doc._.starkit_matches or [] if cat in ("family", "causal")},
        key=lambda x: (x[0], -(x[1] - x[0])),
    )
    names: list[str] = []
    last_end = -1
    for s, e in spans:
        if s >= last_end:
            name = doc[s:e].text
            if name.lower() not in {n.lower() for n in names}:
                names.append(name)
            last_end = e
    return names


def _sentence_index(sents: list[tuple[int, int]], token: int) -> int:
    for k, (s, e) in enumerate(sents):
        if s <= token < e or (token < s):
            return k
    return len(sents) - 1


_NAMED_REACH = 2  # tokens between a measure head and a named metric it belongs to
_CUT_REACH = 3  # tokens between 'by' / 'vs' / 'which' and a dimension word
_GUARD_AFTER, _GUARD_BEFORE = 8, 5  # tokens between a weak guardrail cue and its metric


def _guarded(cue: tuple[int, int], metrics: list[Mention]) -> bool:
    """A weak guardrail cue ('make sure', 'must not') names a guardrail only with a metric
    right after it ('keep an eye on churn') or right before it ('churn must not rise'), or as
    a heading over a list of metrics."""
    s, e = cue
    return any(
        (0 <= m.token_start - e <= _GUARD_AFTER) or (0 <= s - m.token_end <= _GUARD_BEFORE)
        for m in metrics
    )


def _cut(dimensions: list[tuple[int, int]], links: list[tuple[int, int]]) -> bool:
    """A dimension word used as a cut: 'by platform', 'which app version', 'web vs mobile'."""
    return any(
        0 < d_start - l_start <= _CUT_REACH or 0 <= l_start - d_end < 2
        for d_start, d_end in dimensions
        for l_start, _ in links
    )


def _is_heading(ctx: UnitContext, bounds: tuple[int, int]) -> bool:
    """A line that introduces the lines after it: it ends with ':' or is a few words. A short
    list item ('- crash rate') is an item of the list above it, not a heading."""
    s, e = bounds
    words = [t for t in ctx.doc[s:e] if not t.is_punct and not t.is_space]
    last = next((t for t in reversed(ctx.doc[s:e]) if not t.is_space), None)
    if last is not None and last.text in {":", "-", "—"}:
        return True
    first = next((t for t in ctx.doc[s:e] if not t.is_space), None)
    return len(words) <= 4 and not (first is not None and first.text in _LIST_MARKERS)


def _slot_figure(ctx: UnitContext, q_start: int, q_end: int) -> bool:
    return any(t in ctx.slot_tokens for t in range(q_start, q_end + 1))


# ------------------------------------------------------------------------- analysis


def analyse(ctx: UnitContext, question_doc: Doc | None = None) -> AnswerFacts:
    """The outline of an answer: its type and parts, each with its span."""
    qtype, source = question_type(question_doc, ctx)
    doc = ctx.doc
    sents = _sentences(ctx)
    cues: dict[str, list[tuple[int, int]]] = {}
    for entry, s, e in _raw(doc, "answer"):
        cues.setdefault(entry, []).append((s, e))
    hold = [(m.start, m.end) for m in ctx.matches("hold") if m.entry != "monitored"]
    metrics = _mentions(ctx)
    facts = AnswerFacts(qtype=qtype, type_source=source, metrics=metrics)
    facts.type_clear = question_doc is None or source == "question"
    if question_doc is not None:
        facts.question_metrics = _doc_metrics(question_doc)
        facts.launch = any(
            entry in ("launch", "launch-past") for entry, _, _ in _raw(question_doc, "answer")
        )
    facts.launch = facts.launch or bool(cues.get("launch"))
    if cues.get("statistics"):
        facts.statistical_tokens = frozenset(s for s, _ in cues.get("significance", []))

    def in_sent(name: str, k: int) -> list[tuple[int, int]]:
        s, e = sents[k]
        return [(a, b) for a, b in cues.get(name, []) if s <= a < e]

    def metrics_in(k: int) -> list[Mention]:
        s, e = sents[k]
        return [m for m in metrics if s <= m.token_start < e]

    def heading_metrics(k: int) -> list[Mention]:
        """The metrics of a cue sentence, or for a heading ('Guardrails:', 'The inputs that
        drive it:') those of the next lines, up to the next heading."""
        here = metrics_in(k)
        if here or not _is_heading(ctx, sents[k]):
            return here
        out: list[Mention] = []
        for j in range(k + 1, min(len(sents), k + 1 + _HEADING_REACH)):
            if _is_heading(ctx, sents[j]):
                break
            out += metrics_in(j)
        return out

    figures = [
        q
        for q in ctx.quantities
        if not _slot_figure(ctx, q.token_start, q.token_end)
        and not any(a <= q.token_start < b for a, b in cues.get("hedge-figure", []))
    ]

    def add(name: str, k: int) -> None:
        s, e = ctx.chars(*sents[k])
        parts = facts.parts.setdefault(name, [])
        if not any(p.start == s for p in parts):
            parts.append(Part(name, s, e, ctx.text[s:e]))

    def _side_chosen(k: int) -> bool:
        """A side of the trade-off chosen with its reason in the sentence, or as a heading
        with its reasons on the lines under it ('1 is better.' then why)."""
        if not in_sent("side-chosen", k):
            return False
        return bool(in_sent("reason", k)) or (_is_heading(ctx, sents[k]) and k + 1 < len(sents))

    if metrics:
        firsts = [_sentence_index(sents, m.token_start) for m in metrics]
        # an opening heading naming a framework's parts ('Product, users, value') names no
        # metric yet: the goal may follow it
        if firsts[0] == 0 and sents and _is_heading(ctx, sents[0]):
            firsts = [k for k in firsts if k > 0]
        facts.first_metric_sentence = firsts[0] if firsts else None
    for k in range(len(sents)):
        # goal: what it is for
        if in_sent("goal", k):
            add("goal", k)
            facts.goal_sentences.append(k)
        # primary metric: a cue with a metric in its sentence (or, for a heading, the next one)
        if not facts.has("primary") and in_sent("primary", k):
            cue_start = in_sent("primary", k)[0][0]
            pool = heading_metrics(k) or (metrics_in(k + 1) if k + 1 < len(sents) else [])
            after = [m for m in pool if m.token_start >= cue_start]
            chosen = (after or pool or [None])[0]
            if chosen is not None:
                facts.primary = chosen
                add("primary", k)
            elif any(a >= cue_start for a, _ in in_sent("metric-word", k)):
                add("primary", k)  # a measure the lexicons do not name ("share of people who…")
        # guardrails: a strong cue, or a weak cue / hold phrase beside a metric
        weak = in_sent("guardrail-weak", k) + [h for h in hold if sents[k][0] <= h[0] < sents[k][1]]
        heading_list = not metrics_in(k) and bool(heading_metrics(k))
        if in_sent("guardrail", k) or (
            weak and (heading_list or any(_guarded(cue, metrics_in(k)) for cue in weak))
        ):
            add("guardrails", k)
        # decision rule: a real figure, a comparison and what happens
        s, e = sents[k]
        has_figure = any(s <= q.token_start < e for q in figures)
        if (
            has_figure
            and in_sent("condition", k)
            and (in_sent("decision", k) or in_sent("guardrail", k))
        ):
            add("thresholds", k)
        if in_sent("tradeoff", k) or _side_chosen(k):
            add("tradeoffs", k)
        weak_cuts = in_sent("segment-weak", k)
        links = in_sent("segment-link", k)
        if in_sent("segment", k) or len(weak_cuts) >= 2 or _cut(weak_cuts, links):
            add("segments", k)
        if in_sent("data-check", k):
            add("data_checks", k)
        if in_sent("instrumentation", k):
            add("instrumentation", k)
    # No question and no specific cue: an answer that checks a change is real and names no
    # goal or primary metric is answering a diagnosis question.
    if (
        source == "answer"
        and qtype == "success"
        and facts.has("data_checks")
        and not (facts.has("primary") or facts.has("goal"))
        and _best_type(_type_scores(doc)) in (None, "success")
    ):
        facts.qtype = "diagnosis"
    # inputs: a driver cue beside a metric other than the primary
    for k in range(len(sents)):
        others = [
            m
            for m in heading_metrics(k)
            if facts.primary is None or m.metric != facts.primary.metric
        ]
        if in_sent("input", k) and others:
            add("inputs", k)
    # metrics tied to something: said to show/drive/decide, or the primary, a guardrail, a rule
    tied_parts = {"primary", "guardrails", "thresholds", "inputs"}
    tied_sents = {
        k
        for k, (s, e) in enumerate(sents)
        if in_sent("tie", k)
        or any(
            s <= doc.char_span(p.start, p.end, alignment_mode="expand").start < e
            for name in tied_parts
            for p in facts.parts.get(name, [])
        )
    }
    for k in tied_sents:
        # a heading that holds a part ("Countermetrics:", "Breakdown northstar") ties the
        # metrics listed under it
        facts.tied_metrics.update(m.metric for m in heading_metrics(k))
    if facts.primary is not None:
        facts.tied_metrics.add(facts.primary.metric)
    # measures the lexicons do not name ("resurrection ratio", "on-schedule rate", "congestion
    # per line"): a measure head after a content word, with no named metric beside it; a
    # repeat of one of the last few is the same measure
    sent_at = {s: k for k, (s, _) in enumerate(sents)}
    near_named = {
        k
        for m in metrics
        for k in range(m.token_start - _NAMED_REACH, m.token_end + _NAMED_REACH + 1)
    }
    for a, b in cues.get("measure-head", []):
        before = doc[a - 1] if a > 0 else None
        if before is None or not before.is_alpha or before.is_stop:
            continue  # "* rate for each action", "the rate": no measure is named
        if any(k in near_named for k in range(a, b)):
            continue  # "conversion rate", "retention score": a named metric's own head
        end = b + 1 if ctx.lower(a) == "per" and b < len(doc) and doc[b].is_alpha else b
        sa, sb = ctx.chars(a - 1, end)  # "congestion per line": the unit belongs to it
        tied = sent_at.get(ctx.sentence_of(a)[0]) in tied_sents
        if all(t.lower() != ctx.text[sa:sb].lower() for t, _ in facts.unnamed_measures[-8:]):
            facts.unnamed_measures.append((ctx.text[sa:sb], tied))
    return facts
