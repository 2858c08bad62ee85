"""The annotation stage every metric rule reads: metric mentions, computed once per unit.

A *metric mention* is a lexicon metric term (vanity, causal, product, efficiency, guardrail; see
`lexicons/terms/` and the ontology `lexicons/metrics/ontology.toml`) with what the unit says
about it: whether it is the thing measured or only a noun modifier, the change word that moves
it and its direction, the figure beside it, and the role of its clause: a change the writer
reports, a purpose ("to increase engagement"), a description of scale ("serving 1M users"), or
a framing clause ("while traffic grew 20%"). Beside the mentions, the *relative figures*
("by 20%", "3x", "a 20% increase", "245% ARR growth") with whether their start value or time
frame is given. The rules are short functions over these objects (`starkit.rules.checks`).

Sentence and clause bounds come from `UnitContext.sentence_of` / `clause_of` (one splitter).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache
from typing import Literal

from starkit.quantities import Quantity
from starkit.rules.context import Match, UnitContext, _bounds, cached_property
from starkit.terms import load_lexicon, ontology
from starkit.textio import has_zero_width

ClauseRole = Literal["change", "purpose", "scale", "frame", "mention"]
METRIC_CATEGORIES = ("guardrail", "product", "causal", "efficiency", "vanity")


@dataclass(frozen=True)
class MetricMention:
    """One metric named in a unit, with what the unit says about it."""

    category: str  # the lexicon category: vanity | causal | product | efficiency | guardrail
    entry: str  # the entry id within the category ("downloads", "users", ...)
    start: int  # token span of the metric words
    end: int
    head: bool  # the thing measured ('grew downloads'), not a modifier ('downloads page')
    modified: bool  # a modifier makes it something else ('stakeholder engagement', '10% of')
    change: Match | None  # the change word that moves it ('grew', 'up')
    quantity: Quantity | None  # the figure beside it
    framed: bool  # in a 'while ...' / 'as ...' clause that frames the result
    purpose: bool  # in a purpose clause with no figure ('to increase engagement')
    scale: bool  # the figure describes size ('serving 1M+ daily users')

    @property
    def role(self) -> ClauseRole:
        """What the mention's clause does with it."""
        if self.framed:
            return "frame"
        if self.purpose:
            return "purpose"
        if self.scale:
            return "scale"
        return "change" if self.change is not None else "mention"

    @property
    def direction(self) -> str | None:
        """'up' or 'down' when a change word moves it."""
        return self.change.entry if self.change is not None else None

    @property
    def match(self) -> Match:
        return Match(self.category, self.entry, self.start, self.end)


def mentions(ctx: UnitContext, category: str) -> list[MetricMention]:
    """The metric mentions of one category, in text order (computed once per unit). Vanity
    mentions include the uptake forms of the ontology ('viewed 5M times', 'adopted by 5,000+
    users'), whose figure counts the head."""
    cache = ctx.annotations
    key = f"mentions:{category}"
    if key not in cache:
        found = [_mention(ctx, m) for m in ctx.matches(category)]
        active = [_mention(ctx, m) for m in _active_counts(ctx, category)]
        if active:  # "weekly active survey takers"; a term's own match wins
            found = sorted([*found, *_not_overlapping(active, found)], key=lambda v: v.start)
        if category == "vanity":
            uptake = _uptake(ctx)  # the uptake form wins over a bare match of its noun
            found = _not_overlapping(found, uptake)
            found = sorted([*found, *uptake], key=lambda v: v.start)
        if category == "product":
            share = _uptake_share(ctx)  # "adopted by 40% of customers": adoption moved
            found = _not_overlapping(found, share)
            found = sorted([*found, *share], key=lambda v: v.start)
        cache[key] = found
    return cache[key]


def _active_counts(ctx: UnitContext, category: str) -> list[Match]:
    """'weekly active survey takers': a period (`active_count.periods`), 'active' and up to
    `max_words` plain words ending on a plural noun of people, named as the ontology's
    `active_count.head` when that head plays the role `category`."""
    form = ontology().active_count
    if category not in _head_roles(form.head) or "active" not in ctx.lower_set:
        return []
    out = []
    for k in range(len(ctx.doc) - 2):
        if ctx.lower(k) not in form.periods or ctx.lower(k + 1) != "active":
            continue
        for j in range(k + 2, min(len(ctx.doc), k + 2 + form.max_words)):
            if not ctx.doc[j].is_alpha:
                break
            if _people_noun(ctx.lower(j)):
                out.append(Match(category, form.head, k, j + 1))
                break
    return out


_AGENT_ENDINGS = ("ers", "ors", "ists", "ants", "ents")  # takers, creators, participants


def _people_noun(word: str) -> bool:
    """A plural noun of people: an agent noun ('survey takers', 'creators', 'participants') or
    one of the ontology's counted people ('users', 'players'); 'sessions' counts no one."""
    counted = ontology().counted_by
    return word.endswith(_AGENT_ENDINGS) or word in counted.nouns or word in counted.share_nouns


@cache
def _head_roles(head: str) -> frozenset[str]:
    return frozenset(r for h in ontology().head if h.id == head for r in h.roles)


def _not_overlapping(found: list[MetricMention], spans: list[MetricMention]) -> list[MetricMention]:
    """The mentions of `found` that overlap none of `spans`. O(log n) a mention: the spans
    sorted by start, with the furthest end reached so far (a text of many uptake forms
    compared every mention with every form)."""
    ordered = sorted(spans, key=lambda u: u.start)
    starts, reach = [u.start for u in ordered], []
    for u in ordered:
        reach.append(max(reach[-1], u.end) if reach else u.end)
    out = []
    for v in found:
        k = bisect_left(starts, v.end)  # the spans starting before v ends
        if not (k > 0 and reach[k - 1] > v.start):
            out.append(v)
    return out


def needs_change(entry: str, words: str = "") -> bool:
    """True for heads that are outcomes only when a change word moves them ('grew sessions
    45%'), never as a bare count ('ran 15 training sessions'). `words` (the matched words,
    lower case) reaches the same heads when another category's entry matched them."""
    ids, terms = _needs_change()
    return entry in ids or words in terms


@cache
def _needs_change() -> tuple[frozenset[str], frozenset[str]]:
    heads = [h for h in ontology().head if h.needs_change]
    return frozenset(h.id for h in heads), frozenset(t.lower() for h in heads for t in h.terms)


@cache
def forms() -> tuple[
    dict[str, str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]
]:
    """The ontology's forms as lookups: times-verbs (verb -> head), uptake verbs, counted
    nouns, relative-figure hedges and change nouns."""
    onto = ontology()
    return (
        {v: t.id for t in onto.times_verb for v in t.verbs},
        frozenset(onto.counted_by.verbs),
        frozenset(onto.counted_by.nouns),
        frozenset(onto.relative.hedges),
        frozenset(onto.relative.change_nouns),
    )


@cache
def _compound_nouns() -> dict[str, str]:
    """The ontology's compound nouns of uptake ('1.8M-view'): noun -> head."""
    return {n: t.id for t in ontology().times_verb for n in t.nouns}


def _figure_compound(ctx: UnitContext, q: Quantity) -> tuple[int, int, str] | None:
    """'behind 1.8M-view personal content', 'a 50K-download app': a figure glued by a hyphen
    to a noun of uptake (`times_verb` nouns) counts that head, as 'viewed 1.8M times' does.
    The span of the noun, with its head."""
    noun = q.token_end - 1
    if noun - 1 <= q.token_start or ctx.lower(noun - 1) != "-":
        return None
    head = _compound_nouns().get(ctx.lower(noun))
    return (noun, noun + 1, head) if head is not None else None


def uptake_figures(ctx: UnitContext) -> set[int]:
    """Token starts of figures that count an uptake ('viewed 5M times'): counts, not ratios."""
    return {u.quantity.token_start for u in _uptake(ctx) if u.quantity is not None}


def _uptake(ctx: UnitContext) -> list[MetricMention]:
    """'viewed 5M times', 'adopted by 5,000+ users', '1,900 students signed up', 'reached
    8,000 students': a vanity count named by its verb."""
    cache = ctx.annotations
    if "uptake" in cache:
        return cache["uptake"]
    times, uptake_verbs, nouns, hedges, _ = forms()
    after_verbs = frozenset(ontology().counted_by.after_verbs)
    reach_verbs = frozenset(ontology().counted_by.reach_verbs)
    out: list[MetricMention] = []
    for q in ctx.quantities:
        span: tuple[int, int, str] | None = _figure_compound(ctx, q)
        if span is not None:
            pass  # "1.8M-view personal content"
        elif q.text.lower().endswith("times") or ctx.lower(q.token_end) == "times":
            for k in range(q.token_start - 1, max(-1, q.token_start - 3), -1):
                word = ctx.lower(k)
                two = f"{word} {ctx.lower(k + 1)}"
                if word in times or two in times:
                    span = (k, k + 1, times.get(word) or times[two])
                    break
        else:
            k = q.token_start - 1
            while k >= 0 and ctx.lower(k) in hedges:
                k -= 1
            noun = next(
                (j for j in range(q.token_end, min(len(ctx.doc), q.token_end + 3))
                 if ctx.lower(j) in nouns),
                None,
            )  # fmt: skip
            if ctx.lower(k) == "by" and noun is not None and q.kind != "percent":
                verb = ctx.lower(k - 1)  # "adopted by 45% of users" is a share (adoption)
                two = f"{ctx.lower(k - 2)} {verb}"
                if (verb in uptake_verbs or two in uptake_verbs) and not _colleagues(ctx, noun):
                    span = (noun, noun + 1, "users")
            elif noun is not None:
                one, two = ctx.lower(noun + 1), f"{ctx.lower(noun + 1)} {ctx.lower(noun + 2)}"
                if one in after_verbs or two in after_verbs:
                    span = (noun, noun + 1, "sign-ups")  # "1,900 students signed up"
                elif ctx.lower(k) in reach_verbs and q.kind == "count":
                    span = (noun, noun + 1, "reach")  # "the platform reached 8,000 students"
        if span is None:
            continue
        m = Match("vanity", span[2], span[0], span[1])
        out.append(
            MetricMention(
                "vanity",
                span[2],
                span[0],
                span[1],
                head=True,
                modified=False,
                change=None,
                quantity=q,
                framed=_subordinate(ctx, m),
                purpose=False,
                scale=False,
            )
        )
    cache["uptake"] = out
    return out


def _colleagues(ctx: UnitContext, noun: int) -> bool:
    """'templates adopted by 50+ members', 'a linter adopted by 12 teams': the people who took
    it up are the writer's own organisation, an internal practice, not a product's users."""
    return ctx.listed(noun, "internal-scope-nouns")


_SHARE_NOUN_AHEAD = 3  # "of active paying customers" is 3


def _uptake_share(ctx: UnitContext) -> list[MetricMention]:
    """'adopted by 40% of active customers': a verb of uptake, 'by', a percentage, 'of' and a
    people noun. The share is the launch's adoption, a product metric the verb moved (up)."""
    counted = ontology().counted_by
    verbs, nouns = counted.share_verbs, counted.share_nouns  # a few words each
    out: list[MetricMention] = []
    for q in ctx.quantities:
        if q.kind != "percent" or ctx.lower(q.token_end) != "of":
            continue
        k = before_hedges(ctx, q.token_start)
        if ctx.lower(k) != "by" or ctx.lower(k - 1) not in verbs:
            continue
        lo = q.token_end + 1
        noun = next(
            (
                j
                for j in range(lo, min(len(ctx.doc), lo + _SHARE_NOUN_AHEAD))
                if ctx.lower(j) in nouns
            ),
            None,
        )
        if noun is None:
            continue
        m = Match("product", "adoption", k - 1, noun + 1)  # the whole uptake is the metric
        out.append(
            MetricMention(
                "product",
                "adoption",
                k - 1,
                noun + 1,
                head=True,
                modified=False,
                change=Match("change", "up", k - 1, k),
                quantity=q,
                framed=_subordinate(ctx, m),
                purpose=False,
                scale=False,
            )
        )
    return out


def _mention(ctx: UnitContext, m: Match) -> MetricMention:
    return _LazyMention(ctx, m)


class _LazyMention(MetricMention):
    """A metric mention of a lexicon match whose judgements (head, modified, change, quantity,
    framed, purpose, scale) are each worked out when first read: rules test a few of them in
    order and stop at the first that settles it ('a guardrail not in the second-win list',
    'a modifier'), so most mentions never need the rest (about a third of the mention work on
    the bench corpus). Equal to the `MetricMention` with the same values. It refers to its
    unit context, which caches it: `UnitContext.release` cuts that cycle (the batch linter
    pauses the cyclic collector)."""

    def __init__(self, ctx: UnitContext, m: Match) -> None:
        self.__dict__.update(
            category=m.category, entry=m.entry, start=m.start, end=m.end, _m=m, _ctx=ctx
        )

    def _parts(self) -> tuple[UnitContext, Match]:
        return self.__dict__["_ctx"], self.__dict__["_m"]

    @cached_property
    def quantity(self) -> Quantity | None:  # type: ignore[override]
        return adjacent_quantity(*self._parts())

    @cached_property
    def change(self) -> Match | None:  # type: ignore[override]
        ctx, m = self._parts()
        return (
            _governing_change(ctx, m)
            or _from_to_change(ctx, m)
            or _from_to_after(ctx, m)
            or _elliptical_change(ctx, m)
            or _level_then_change(ctx, m, self.quantity)
            or _label_change(ctx, m)
        )

    @cached_property
    def head(self) -> bool:  # type: ignore[override]
        return _metric_is_head(*self._parts())

    @cached_property
    def modified(self) -> bool:  # type: ignore[override]
        return _modifier_before(*self._parts())

    @cached_property
    def framed(self) -> bool:  # type: ignore[override]
        ctx, m = self._parts()
        return _subordinate(ctx, m) or _circumstance(ctx, m)

    @cached_property
    def purpose(self) -> bool:  # type: ignore[override]
        ctx, m = self._parts()
        q, change = self.quantity, self.change
        return (
            _in_purpose(ctx, m)
            or _analysed(ctx, m)
            or _target_figure(ctx, q)
            or _goal_clause(ctx, m, q)
            or (change is not None and _predicted(ctx, change))
            or (change is not None and _owned_area(ctx, m, change))
        )

    @cached_property
    def scale(self) -> bool:  # type: ignore[override]
        ctx, m = self._parts()
        return scale_described(ctx, m, self.quantity)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MetricMention):
            return NotImplemented
        return _values(self) == _values(other)

    def __hash__(self) -> int:
        return hash(_values(self))

    def __repr__(self) -> str:
        return MetricMention.__repr__(self)


def _values(v: MetricMention) -> tuple[object, ...]:
    return tuple(getattr(v, f.name) for f in fields(MetricMention))


def _owned_area(ctx: UnitContext, m: Match, change: Match) -> bool:
    """'Owned subscriber growth and retention work', 'Led traffic growth for the blog': a
    metric and a change noun after it, as the object of a verb of ownership (`ownership-verbs`)
    with no figure in the clause, name the writer's area, not a growth they report."""
    if change.start < m.end or ctx.lower(m.start - 1) not in ctx.word_list("ownership-verbs"):
        return False
    cs, ce = ctx.clause_of(m.start)
    return not any(cs <= q.token_start < ce for q in ctx.quantities)


def _target_figure(ctx: UnitContext, q: Quantity | None) -> bool:
    """'Set a goal of 5,000 sign-ups', 'a target of 1M users': the figure is what the work
    aimed at (`forecast-before`), not what it reached ('Exceeded the goal of 5,000 sign-ups'
    reports it reached)."""
    if q is None:
        return False
    k = before_hedges(ctx, q.token_start)
    if ctx.lower(k) != "of" or ctx.lower(k - 1) not in ctx.word_list("forecast-before"):
        return False
    j = k - 2
    while ctx.lower(j) in ctx.word_list("determiners"):
        j -= 1
    return ctx.lower(j) not in ctx.word_list("target-met-verbs")  # "Exceeded the goal of"


_GOAL_BACK = 8  # "Hired to scale the newsletter from 10K to 100K subscribers" is 7


def _goal_clause(ctx: UnitContext, m: Match, q: Quantity | None) -> bool:
    """A clause that sets a goal, a forecast or a hypothesis, figure or not: 'Goal: 100K
    downloads in year one' (a goal word and a colon open it), 'projecting 2M MAU by 2026' (a
    verb of forecast, `forecast-verbs`, takes the figure), 'to test whether badges grow
    followers', 'Pitched a plan to reach 1M users', 'Hired to scale the newsletter to 100K
    subscribers' (`goal-markers` before 'to' and any verb)."""
    cs, _ = ctx.clause_of(m.start)
    if (
        cs >= 2
        and ctx.lower(cs - 1) == ":"
        and ctx.lower(cs - 2) in ctx.word_list("forecast-before")
    ):
        return True
    if q is not None and ctx.lower(before_hedges(ctx, q.token_start)) in ctx.word_list(
        "forecast-verbs"
    ):
        return True
    for k in range(m.start - 1, max(cs, m.start - _GOAL_BACK) - 1, -1):
        low = ctx.lower(k)
        if low in (",", ";"):
            return False
        if low == "whether":
            return True
        if low == "to" and f"{ctx.lower(k - 1)} to" in ctx.word_list("goal-markers"):
            return ctx.doc[k + 1].is_alpha if k + 1 < len(ctx.doc) else False
    return False


def _predicted(ctx: UnitContext, c: Match) -> bool:
    """'would drive 20% more sign-ups', 'is expected to grow 30%', 'will increase': a change
    after a modal or a word of forecast is a prediction, not a change the writer reports."""
    k = c.start - 1
    if ctx.lower(c.start) in ctx.word_list("change-particles"):
        while k > c.start - _PARTICLE_BACK and (not ctx.doc[k].is_alpha or _in_figure(ctx, k)):
            k -= 1  # "would drive 20% more sign-ups": the verb before the figure decides
        verb = ctx.at("change", k)
        return verb is not None and verb.end == k + 1 and _predicted(ctx, verb)
    if ctx.lower(k) == "to":
        k -= 1
    if ctx.lower(k).endswith("ly"):
        k -= 1  # "would likely drive"
    low = ctx.lower(k)
    return low in ctx.word_list("modal-verbs") or low in ctx.word_list("forecast-before")


def forecast_figure(ctx: UnitContext, q: Quantity) -> bool:
    """'in anticipation of a 2-3x increase', 'a target of 20% growth', 'would drive 20% more',
    'expected to grow 30%': a relative figure that is forecast or aimed at, not reported."""
    k = before_hedges(ctx, q.token_start)
    if ctx.lower(k) in ("a", "an", "the"):
        k -= 1
    if ctx.lower(k) == "of":
        k -= 1
    if ctx.lower(k) in ctx.word_list("forecast-before"):
        return True
    change = ctx.at("change", k)
    return change is not None and change.end == k + 1 and _predicted(ctx, change)


_PARTICLE_BACK = 4  # "drive ~20% more" is 3 back from 'more' to 'drive'


def _in_figure(ctx: UnitContext, k: int) -> bool:
    return any(q.token_start <= k < q.token_end for q in ctx.quantities)


_CIRCUMSTANCE_BACK = 5  # "through a 300% week-over-week traffic" is 5 words


def _circumstance(ctx: UnitContext, m: Match) -> bool:
    """'kept uptime through a traffic surge of 300%', 'during a 10x traffic spike': a metric
    naming a surge or spike after 'during', 'through' or 'under' is the circumstance the work
    withstood, not its result ('During Q3 sign-ups grew 40%' has a verb, not a noun)."""
    if _in_period_of(ctx, m):
        return True  # "during a period of rapid scaling (5x revenue and 5x headcount)"
    lead = m.start  # "a traffic surge", or "a 5x surge in visitors" (round 19)
    if ctx.lower(m.start - 1) in ("in", "of") and ctx.lower(m.start - 2) in ctx.word_list(
        "surge-nouns"
    ):
        lead = m.start - 2
    elif ctx.lower(m.end) not in ctx.word_list("surge-nouns"):
        return False  # "through payment and conversion improvements" is the means
    cs, _ = ctx.clause_of(m.start)
    words, k = 0, lead - 1
    while k >= cs and words < _CIRCUMSTANCE_BACK:
        low = ctx.lower(k)
        if low in ctx.word_list("circumstance-preps"):
            return True
        if low in (",", ";") or ctx.at("change", k):
            return False
        words += low != "-"
        k -= 1
    return False


_PERIOD_BACK = 8  # "during a period of rapid scaling (5x" is 7 tokens before 'revenue'


def _in_period_of(ctx: UnitContext, m: Match) -> bool:
    """'during a period of rapid scaling (5x revenue and 5x headcount)', 'amid a time of 3x
    growth in users': a metric after a circumstance preposition and a period noun
    (`circumstance-periods`) and 'of' names the times the work was done in, not its result. The walk
    back stops at a comma or semicolon and after `_PERIOD_BACK` tokens."""
    cs, _ = ctx.clause_of(m.start)
    for k in range(m.start - 1, max(cs, m.start - _PERIOD_BACK) - 1, -1):
        low = ctx.lower(k)
        if low in (",", ";"):
            return False
        if low == "of" and ctx.lower(k - 1) in ctx.word_list("circumstance-periods"):
            lo = max(cs, k - 4)
            return any(ctx.lower(j) in ctx.word_list("circumstance-preps") for j in range(lo, k))
    return False


def _in_purpose(ctx: UnitContext, m: Match) -> bool:
    """True when the metric sits in a purpose clause ('... to increase engagement and drive
    conversions', 'in order to grow sign-ups', 'aimed at growing sign-ups') that holds no
    figure: an aim, not a result."""
    cues = _purpose_cues(ctx.word_list("purpose-markers"))
    if cues is not None and ctx.lower_set.isdisjoint(cues):
        return False  # no 'to', no 'that'/'which', no marker's last word in the unit
    cs, _ = ctx.clause_of(m.start)
    for k in range(m.start - 1, cs - 1, -1):
        low = ctx.lower(k)
        if low == "for" and _aim_for(ctx, k, m):
            return True  # "ready to launch ... for incremental conversion lift": what it is for
        item = k + 2 if ctx.lower(k + 1) in ("and", "or") else k + 1  # ", and drive ..."
        listed = (
            low == ","
            and (
                ctx.at("change", item) is not None
                or ctx.lower(item) in ctx.word_list("aim-verbs")
                or ctx.at("action", item) is not None
            )
            and not ctx.lower(item).endswith(("ed", "ing", "s"))
        )  # "strategies to maximize CTR, increase reach, add followers", "to gather feedback,
        # cultivate a community, and drive user engagement": one list of aims, each a verb
        if (low in (",", ";") and not listed) or (ctx.at("trigger", k) and not ctx.at("change", k)):
            return False
        if (
            low == "to"
            and f"{ctx.lower(k - 1)} to" in ctx.word_list("outcome-connectors")
            and ctx.lower(k - 2) not in ("to", *ctx.word_list("aim-modals"))
            and not (
                ctx.lower(k - 1) in ("lead", "leads")  # also a noun: "function leads"
                and ctx.at("change", k + 1) is not None
                and not ctx.lower(k + 1).endswith(("ed", "ing"))
            )
        ):
            return False  # "leading to increased sales conversions": a result, not an aim
        marker = f"{ctx.lower(k - 1)} {low}" in ctx.word_list("purpose-markers")
        # "opportunities that will facilitate growth in enrollment": a modal after 'that' or
        # 'which' tells what is to come, as 'to' does
        aim = low == "to" or (
            low in ctx.word_list("aim-modals") and ctx.lower(k - 1) in ("that", "which")
        )
        comparative = (
            aim
            and ctx.doc[k + 1].is_alpha
            and (
                ctx.lower(k + 2) in ctx.word_list("change-particles")
                or ctx.lower(k + 2).endswith("ed")  # "to ensure increased sales"
                or ctx.lower(k + 2) in forms()[4]  # "to foster increase in enrollment"
            )
            and ctx.at("change", k + 2) is not None
        )  # "to yield higher conversion rates", "to drive more sign-ups"
        coordinated = low == "to" and any(
            ctx.lower(j) == "and" and ctx.at("change", j + 1) is not None
            for j in range(k + 2, m.start)
        )  # "a landing page to capture leads and drive sign-ups"
        if _present_comparative(ctx, k):
            return not _figure_starts_between(ctx, k, m.end + _PURPOSE_FIGURE_REACH)
        if marker and m.start <= k + 3 and ctx.at("change", k + 1) is None:
            # "with a strong focus on lead generation and campaign growth", "Responsible for
            # revenue growth": the metric is the marker's object, an aim or a duty (set90)
            return not _figure_starts_between(ctx, k, m.end + _PURPOSE_FIGURE_REACH)
        # "competitors offered free tiers for attracting new users": what a thing is for
        for_ing = low == "for" and ctx.lower(k + 1).endswith("ing")
        if (aim or marker or for_ing) and (
            ctx.at("change", k + 1) is not None
            or (aim and ctx.lower(k + 1) in ctx.word_list("aim-verbs"))
            or comparative
            or coordinated
        ):
            if low == "to" and ctx.quantities_before(k + 1):
                return False  # "by 20% to 3.1%": a value, not an aim
            if f"{ctx.lower(k - 1)} {low}" in ctx.word_list("goal-markers"):
                return True  # "Owned the OKR to grow sign-ups 20%": a target, figure or not
            return not _figure_starts_between(ctx, k, m.end + _PURPOSE_FIGURE_REACH)
    return False


_PURPOSE_FIGURE_REACH = 6  # tokens past the metric where a figure makes an aim a result


def _figure_starts_between(ctx: UnitContext, lo: int, hi: int) -> bool:
    """True when a quantity starts after token lo and before token hi."""
    return any(lo < q.token_start < hi for q in ctx.quantities_around(lo, hi))


@cache
def _purpose_cues(markers: frozenset[str]) -> frozenset[str] | None:
    """The words one of which `_in_purpose` needs: 'to', 'that' or 'which' (a present
    comparative), or the last word of a marker ('aimed at'). None (no shortcut) if a marker is
    not two plain words, whose last word alone could not be told."""
    last = []
    for marker in markers:
        words = marker.split(" ")
        if len(words) != 2 or not all(words) or any(w != w.strip() for w in words):
            return None
        last.append(words[1])
    return frozenset({"to", "that", "which", *last})


def _present_comparative(ctx: UnitContext, k: int) -> bool:
    """'features that attract more visitors': 'that'/'which', a verb in the present tense
    and a comparative say what a thing does, with no result ('that drew more visitors',
    past tense, reports one)."""
    if ctx.lower(k) not in ("that", "which") or k + 2 >= len(ctx.doc):
        return False
    verb = ctx.doc[k + 1]
    if not verb.is_alpha or verb.lower_.endswith("ed") or ctx.at("change", k + 1):
        return False
    action = ctx.at("action", k + 1)
    if action is not None and action.entry == "irregular-past":
        return False  # "that brought more visitors"
    return ctx.lower(k + 2) in ctx.word_list("change-particles") and bool(ctx.at("change", k + 2))


_ANALYSIS_LOOKBACK = 10  # "to analyze weekly department sales, revenue growth" is 6


def _analysed(ctx: UnitContext, m: Match) -> bool:
    """True when the metric is the object of a verb of analysis or reporting in a clause with
    no figure ('queries to analyze weekly sales, revenue growth', 'dashboards tracking
    conversion'): it is what the work looked at, not what it moved."""
    if ctx.lower_set.isdisjoint(ctx.word_list("analysis-verbs")):
        return False  # no verb of analysis in the unit
    cs, ce = ctx.clause_of(m.start)
    analysis = ctx.word_list("analysis-verbs")
    for k in range(m.start - 1, max(cs, m.start - _ANALYSIS_LOOKBACK) - 1, -1):
        if ctx.at("change", k) and (
            _analysed_change(ctx, k, analysis)
            or (k == m.start - 1 and ctx.lower(_before_determiner(ctx, k - 1)) in analysis)
        ):
            # "analyzing lift in conversion rates", "measures incremental retention lift"
            k = _before_determiner(ctx, k - 1)
        elif ctx.at("change", k) or ctx.lower(k) in (";", ":"):
            return False
        if ctx.lower(k) in analysis:
            # a verb of finding takes its figure with its object: 'Identified 137% YoY
            # revenue growth and Black Friday demand spikes, recommending ...' found a trend
            # (set99 hb99-018, both labellers); a figure after the metric is another claim's
            found = ctx.lower(k) in ctx.word_list("story-finding-verbs")
            return not any(
                k < q.token_start < ce and not (found and q.token_start < m.start)
                for q in ctx.quantities
            )
    return False


def _analysed_change(ctx: UnitContext, k: int, analysis: frozenset[str]) -> bool:
    """'analyzing lift in conversion rates', 'measuring the growth of sales', 'to analyze
    monthly growth and cohort retention': a change noun (followed by 'in' or 'of', or listed
    before the metric) that a verb of analysis takes as its object is the change the work
    looked at, not one it reports."""
    if ctx.lower(k + 1) in ("and", ","):
        if ctx.lower(k) not in forms()[4]:
            return False
        j = k - 1
        while j >= 0 and ctx.doc[j].is_alpha and ctx.lower(j) not in analysis:
            if ctx.at("change", j) or k - j > 3:
                return False
            j -= 1  # 'monthly', 'weekly revenue': modifiers of the listed change noun
        return j >= 0 and ctx.lower(j) in analysis
    if (
        ctx.lower(k).endswith("ing")
        and ctx.doc[k - 1].is_alpha
        and ctx.lower(_before_determiner(ctx, k - 2)) in analysis
    ):
        return True  # "to identify behaviors driving D1 retention": what drives it, looked at
    if ctx.lower(k + 1) not in ("in", "of"):
        return False
    return ctx.lower(_before_determiner(ctx, k - 1)) in analysis


def _before_determiner(ctx: UnitContext, k: int) -> int:
    """Token k, or the one before it when k is an article ('measuring the growth')."""
    return k - 1 if ctx.lower(k) in ("a", "an", "the") else k


# ---------------------------------------------------------------------------------------
# predicates the mentions are built from
# ---------------------------------------------------------------------------------------
# Words that may follow a metric noun when it is the thing measured, not a noun modifier.


_POSSESSIVES = ("'", "’")  # after a plural noun: "students' expertise"


def _metric_is_head(ctx: UnitContext, m: Match) -> bool:
    """True when the metric words are the thing measured ('grew downloads 40%'), not a noun
    modifier ('built a downloads page', 'sales team', 'user research')."""
    if m.end - m.start == 1 and ctx.lower(m.start) in ctx.word_list("audience-gerunds"):
        return _audience_gerund(ctx, m)
    if m.end - m.start == 1 and ctx.lower(m.start) in ctx.word_list("count-sense-nouns"):
        return _count_sense(ctx, m)
    if _software_role(ctx, m):
        return False  # "REST APIs and clients", "Kafka producers and consumers"
    nxt = ctx.doc[m.end] if m.end < len(ctx.doc) else None
    if (
        nxt is not None
        and nxt.text == "-"
        and not ctx.doc[m.end - 1].whitespace_
        and ctx.text[nxt.idx : nxt.idx + 1] == "-"  # an em dash read as '-' joins no compound
    ):
        after = ctx.doc[m.end + 1] if m.end + 1 < len(ctx.doc) else None
        if (
            after is not None
            and after.is_alpha
            and not nxt.whitespace_
            and after.lower_ not in ctx.word_list("rate-nouns")  # "conversion-rate uplift"
        ):
            return False  # "audience-first positioning", "revenue-generating features"
    if nxt is not None and nxt.text in _POSSESSIVES and ctx.doc[m.end - 1].text[-1:] in "sS":
        after = ctx.doc[m.end + 1] if m.end + 1 < len(ctx.doc) else None
        if after is not None and after.is_alpha:
            return False  # "boosting students' expertise", "users' ability to find": theirs
    if nxt is None or not nxt.is_alpha:
        return True
    low = nxt.lower_
    if low == "and" and _shared_head(ctx, m.end + 1):
        return False  # "Generated sales and inventory reports": the reports' topic
    if ctx.listed(m.end, "metric-followers") or low.endswith("ly"):
        return True  # "a 25% increase in user engagement post-launch"
    if low in ctx.word_list("perfect-auxiliaries"):
        k = m.end + 1
        after = ctx.lower(k)
        if after in ctx.word_list("perfect-adverbs") or after.endswith("ly"):
            k += 1  # "have been increasing", "have also increased", "has steadily grown"
        if ctx.at("change", k):
            return True  # "Site sessions have increased since the launch", "revenue has grown 20%"
    if low in ctx.word_list("approximately") and any(
        m.end < q.token_start <= m.end + 2 for q in ctx.quantities_around(m.end, m.end + 2)
    ):
        return True  # "grew traffic approx. 40%": a hedge before the metric's own figure
    if target_attained(ctx, m):
        return True  # "120% of user acquisition targets": the targets are the metric's
    if any(q.token_start == m.end for q in ctx.quantities_around(m.end, m.end)):
        return True
    return bool(ctx.at("change", m.end) or ctx.at("hold", m.end))


def _shared_head(ctx: UnitContext, k: int) -> bool:
    """'sales and inventory reports': one plain word at token k, then a noun both words modify
    (`shared-head-nouns`, things made or run, never metrics)."""
    return (
        k + 1 < len(ctx.doc)
        and ctx.doc[k].is_alpha
        and ctx.lower(k + 1) in ctx.word_list("shared-head-nouns")
        and not any(ctx.covered_by(c, k, k + 1) for c in METRIC_CATEGORIES)
    )


def _audience_gerund(ctx: UnitContext, m: Match) -> bool:
    """'grew following by 20,000', 'increasing our following to 500 more': an audience gerund
    (`audience-gerunds`) is a social account's audience only as the object of a change word,
    with at most a determiner or an adjective of audience (`audience-gerund-determiners`)
    between them; 'following the launch', 'the following features' name no metric."""
    k = m.start - 1
    skip = ctx.word_list("audience-gerund-determiners")
    while k >= 0 and m.start - k <= 3 and ctx.lower(k) in skip:
        k -= 1
    return k >= 0 and ctx.at("change", k) is not None


_COUNT_SENSE_MODIFIERS = 2  # "a rise in new loan applications" is 2 between 'in' and it


def _count_sense(ctx: UnitContext, m: Match) -> bool:
    """'driving 31% increase in applications', 'a rise in loan applications': a noun whose
    common sense is a thing built (`count-sense-nouns`: 'improve applications which processed
    data') counts what users did only after a change noun and 'in'/'of', with a few plain
    modifiers between."""
    k = m.start - 1
    while k >= 0 and m.start - 1 - k < _COUNT_SENSE_MODIFIERS and ctx.doc[k].is_alpha:
        if ctx.lower(k) in ("in", "of"):
            break
        k -= 1
    return ctx.lower(k) in ("in", "of") and ctx.at("change", k - 1) is not None


_ROLE_JOINERS = ("and", ",", "/", "&", "or")


def _software_role(ctx: UnitContext, m: Match) -> bool:
    """'generating REST APIs and clients', 'Kafka producers and consumers', 'leaders and
    followers': a people word with a software sense (`software-roles`) joined to a system
    noun or its paired role (`software-role-partners`) names a program, not people counted."""
    if ctx.lower(m.end - 1) not in ctx.word_list("software-roles"):
        return False
    partners = ctx.word_list("software-role-partners") | ctx.word_list("system-nouns")
    before = ctx.lower(m.start - 1) in _ROLE_JOINERS and ctx.lower(m.start - 2) in partners
    after = ctx.lower(m.end) in _ROLE_JOINERS and ctx.lower(m.end + 1) in partners
    return before or after


def _modifier_before(ctx: UnitContext, m: Match) -> bool:
    """A word before the metric that makes it something else ('stakeholder engagement',
    'memory usage'), or a share of it ('100% of traffic' describes a rollout's scope)."""
    prev = ctx.lower(m.start - 1)
    if _funnel_step(ctx, m.start):
        return False  # "MQL-to-SQL conversion": a step of the funnel, not an SQL query's
    if ctx.listed(m.start - 1, "not-product-modifiers"):
        return True  # "stakeholder engagement", "cross-functional engagement"
    glued = m.start >= 2 and prev == "-" and not ctx.doc[m.start - 2].whitespace_
    if glued and ctx.lower(m.start - 2) in ctx.word_list("not-product-modifiers"):
        return True  # "employee-retention rate": staff kept, not customers
    if prev in ("and", "&") and ctx.lower(m.start - 3) in ctx.word_list("staff-modifiers"):
        return True  # "employee morale and retention": the modifier opens the pair
    if (
        prev in ctx.word_list("learner-modifiers")
        and ctx.lower_set & ctx.word_list("classroom-words")
        and m.entry not in ctx.word_list("uptake-entries")
    ):
        return True  # "enhancing student engagement and comprehension" in a course taught
        # ("student registration growing 150%" is the course's uptake, still counted)
    if _team_headcount(ctx, m):
        return True
    for k in range(m.start - 1, max(-1, m.start - 4), -1):
        if ctx.lower(k) == "of":
            if target_attained(ctx, m):
                return False  # "120% of user acquisition targets": the metric's target met
            # "100% of traffic" is a share; "thousands of downloads" is a count of them and
            # "$2MM of incremental revenue" an amount of it
            return any(
                q.token_end == k and q.kind not in ("count", "money") for q in ctx.quantities
            )
        if not ctx.doc[k].is_alpha:
            break
    return False


def target_attained(ctx: UnitContext, m: Match) -> bool:
    """'achieving 120% of user acquisition targets', 'Achieved 280% of lead generation target':
    a percentage, 'of', the metric and a target noun (`target-nouns`) right after it report
    the metric's target met or beaten, the result of the push; the figure is no share of the
    metric."""
    if ctx.lower(m.end) not in ctx.word_list("target-nouns"):
        return False
    k = m.start - 1
    while k > m.start - 4 and ctx.lower(k) != "of":
        if not ctx.doc[k].is_alpha:
            return False
        k -= 1
    return ctx.lower(k) == "of" and any(
        q.token_end == k and q.kind == "percent" for q in ctx.quantities
    )


def _funnel_step(ctx: UnitContext, i: int) -> bool:
    """'MQL-to-SQL conversion', 'trial-to-paid conversion': a hyphenated 'X-to-Y' right before
    the metric at token i names the step of a funnel it measures, so its last word ('SQL')
    modifies nothing."""
    return (
        ctx.lower(i - 2) == "-" and ctx.lower(i - 3) == "to" and ctx.lower(i - 4) == "-"
    ) and not ctx.doc[i - 2].whitespace_


_TEAM_LOOKBACK = 12  # "a global maintenance and enhancement team, scaling it from 0 to 30" is 11
_TEAM_AHEAD = 4  # "members to the growth team" is 3


def _team_headcount(ctx: UnitContext, m: Match) -> bool:
    """'scaled the team from 0 to 30 members', 'a team of 12 developers': people counted in
    a team the sentence names are its headcount, not users or an audience."""
    if ctx.lower_set.isdisjoint(ctx.word_list("team-nouns")):
        return False  # no team is named in the unit
    if ctx.doc[m.start : m.end].text.lower() not in ctx.word_list("team-member-nouns"):
        return False
    ss, _ = ctx.sentence_of(m.start)
    teams, others = ctx.word_list("team-nouns"), ctx.word_list("audience-nouns")
    for k in range(m.start - 1, max(ss, m.start - _TEAM_LOOKBACK) - 1, -1):
        low = ctx.lower(k)
        if low in others:
            return False  # "led a team that grew the community to 5,000 members"
        if low in teams:
            return True
    _, se = ctx.sentence_of(m.start)
    for k in range(m.end, min(se, m.end + _TEAM_AHEAD)):
        if ctx.lower(k) in teams:
            return ctx.lower(m.end) in (
                "to",
                "on",
                "in",
                "into",
            )  # "added 3 developers to the team"
    return False


def in_parentheses(ctx: UnitContext, i: int) -> bool:
    """True when token i sits inside an open '(' of its clause. O(1): the depth before every
    token is counted in one walk per unit (a long clause of figures stays linear)."""
    depths = ctx.annotations.get("paren-depths")
    if depths is None:
        depths = ctx.annotations["paren-depths"] = _paren_depths(ctx)
    if 0 <= i < len(depths):
        return depths[i] > 0
    depth = 0
    cs, _ = ctx.clause_of(i)
    for k in range(cs, i):
        if ctx.doc[k].text == "(":
            depth += 1
        elif ctx.doc[k].text == ")":
            depth = max(0, depth - 1)
    return depth > 0


def _paren_depths(ctx: UnitContext) -> list[int]:
    """For every token, the '(' depth `in_parentheses` counts from its clause's start."""
    texts = ctx.token_texts  # the doc's own texts where zero-width characters were stripped
    if has_zero_width(ctx.doc_text):
        texts = [t.text for t in ctx.doc]
    depths, depth = [], 0
    for k, text in enumerate(texts):
        if ctx.clause_of(k)[0] == k:
            depth = 0
        depths.append(depth)
        if text == "(":
            depth += 1
        elif text == ")":
            depth = max(0, depth - 1)
    return depths


def _subordinate(ctx: UnitContext, m: Match) -> bool:
    """True when the metric sits in a 'while ...' / 'as ...' clause that frames the result
    rather than being it ('our cloud bill grew 70% while traffic grew only 20%')."""
    if ctx.lower_set.isdisjoint(ctx.word_list("subordinators")):
        return False  # no 'while' or 'as' in the unit
    cs, _ = ctx.clause_of(m.start)
    words, k = 0, m.start - 1
    while k >= cs and words < _SUBORDINATE_BACK:
        low = ctx.lower(k)
        if low in ctx.word_list("subordinators") and k > cs and not _role_as(ctx, k):
            return True
        if low == "," or ctx.at("change", k):
            return False
        words += low != "-"  # "despite double-digit week-over-week traffic growth"
        k -= 1
    return False


_SUBORDINATE_BACK = 6  # "despite double digit week over week traffic" is 6 words


def _role_as(ctx: UnitContext, k: int) -> bool:
    """'Published as open-source resource', 'Released as a Chrome extension': 'as' right after
    a launch verb (`launch-verbs`) names the form the thing was put out in, a role, not a clause
    that frames the result ('grew 20% as traffic rose')."""
    return ctx.lower(k) == "as" and ctx.lower(k - 1) in ctx.word_list("launch-verbs")


def _governing_change(ctx: UnitContext, m: Match, back: int = 8) -> Match | None:
    """The nearest change word before the metric in the same clause, else one right after it
    ('sign-ups grew 3x', 'conversion up 12%')."""
    cs, ce = ctx.clause_of(m.start)
    best = None
    # only a change word in the clause before the metric can be `best`: the last one that
    # passes, so walk them from the metric back and stop at it (a long clause stays linear)
    for c in reversed(ctx.matches_starting("change", cs, m.start)):
        if (
            ctx.lower(c.start - 1) == "to"
            and not ctx.quantities_before(c.start)
            and f"{ctx.lower(c.start - 2)} to" not in ctx.word_list("outcome-connectors")
        ):
            if not _figure_follows(ctx, m, ce) and not _figure_between(ctx, c, m):
                continue  # "redesigned the flow to improve activation": an aim, not a result
        if (
            _attributive(ctx, c)
            and (
                _modifies_metric(ctx, c, m)
                or (ctx.at("scale", c.start - 1) and _plain_modifiers(ctx, c.end, m.start))
            )
            and not _sized_after(ctx, m)
        ):
            continue  # "in generated views", "the improved flow": an adjective, not a change
        if c.end <= m.start and _verb_particle(ctx, c, m):
            continue  # "setting up social-media accounts": a phrasal verb, not a change
        if c.end < m.start and ctx.lower(c.end) == "by" and not _figure_between(ctx, c, m):
            continue  # "concerns raised by customers": the passive's agent, not what moved
        if cs <= c.start < m.start and (m.start - c.end <= back or _figure_conjunct(ctx, c, m)):
            best = c  # a figured second object may stand further off ('driving 35% of ... and')
            break
    if best is not None and not _blocked(ctx, best, m):
        return best
    group_end = _of_group_end(ctx, m, ce)  # "retention of content creators rose"
    reach = max(min(ce, m.end + 3), group_end + 1)  # no change word after this one can count
    for c in ctx.matches_starting("change", m.end, reach):
        if m.end <= c.start < min(ce, m.end + 3) or m.end < c.start == group_end:
            if ctx.lower(c.start - 1) == "to" and not _figure_follows(ctx, c, ce):
                continue  # "an app for Spotify users to generate statistics": what they do
            if _next_clause_object(ctx, m, c):
                continue  # "outreach to 300 alumni, raising $40k": the writer's next clause
            after = ctx.doc[c.end] if c.end < len(ctx.doc) else None
            if (
                ctx.lower(c.start) in ctx.word_list("output-participles")
                or (
                    ctx.lower(c.start) in ctx.word_list("yielded-verbs")
                    and ctx.lower(c.start - 1) in ("which", "that")
                )
            ) and any(before_hedges(ctx, q.token_start) == c.start for q in ctx.quantities):
                continue  # "300 accounts generating $3 million", "60 accounts, which generated
                # $1.2 million in revenue per year": the metric yields the figure
            transitive = (
                after is not None
                and after.is_alpha
                and after.lower_ not in ctx.word_list("intransitive-next")
                and not after.lower_.endswith("ly")
                and not _degree_phrase(ctx, c.end)
                and not (
                    after.lower_ in ctx.word_list("means-next")
                    and ctx.lower(c.start) in forms()[4]  # a change noun: "increase through"
                )
            )
            if not transitive:
                return c
    return None


_LABEL_TOKENS = 10  # "Long-Term (6 Month) Traffic Change =": its "=" is token 9


def _opening_label_end(ctx: UnitContext, i: int) -> int | None:
    """The colon or '=' that closes a short label opening the sentence of token i ('Organic
    Traffic:', '6-Month Trend:', 'Long-Term (6 Month) Traffic Change ='): the first one within
    `_LABEL_TOKENS` tokens of the sentence's start, else None."""
    ss, se = ctx.sentence_of(i)
    return next(
        (k for k in range(ss, min(se, ss + _LABEL_TOKENS + 1)) if ctx.lower(k) in (":", "=")),
        None,
    )


def _label_change(ctx: UnitContext, m: Match) -> Match | None:
    """'Organic Traffic: Grew from 13,048 → 24,599 per month', 'Revenue: grew from $1M to $2M':
    a metric that closes a short label opening its sentence is moved by the change word that
    opens the text after the label's colon and takes no object of its own ('Email campaign
    performance: 35% average open rate' gives a level, no change; in 'Strategic Accounts:
    Increased Zulily sales' the sales moved)."""
    if ctx.lower(m.end) != ":" or _opening_label_end(ctx, m.start) != m.end:
        return None
    c = ctx.at("change", m.end + 1)
    if c is None or c.end >= len(ctx.doc):
        return c
    nxt = ctx.doc[c.end]
    if nxt.is_alpha and nxt.lower_ not in ("from", "by", "to"):
        return None  # "Lead Generation: Increased qualified leads by 140%": its own object
    return c


def _degree_phrase(ctx: UnitContext, k: int) -> bool:
    """Tokens from k say how much, not what ('Sessions increased a bit to 6,383', 'Sign-ups
    rose a lot this year'): the change word before them takes no object (`degree-phrases`)."""
    phrases = ctx.word_list("degree-phrases")
    return any(" ".join(ctx.lower(j) for j in range(k, k + n)) in phrases for n in (2, 3))


def _sized_after(ctx: UnitContext, m: Match) -> bool:
    """'a track record of increased sales of approximately 10%': a relative figure after 'of'
    or 'by' right after the metric sizes the change the participle before it names."""
    if ctx.lower(m.end) not in ("of", "by"):
        return False
    return any(
        q.kind in ("percent", "multiplier") and before_hedges(ctx, q.token_start) == m.end
        for q in ctx.quantities_around(m.end, m.end + 4)
    )


_OF_GROUP_MAX = 4  # "of content creators" is 3; "of our enterprise customers" is 4


def _of_group_end(ctx: UnitContext, m: Match, ce: int) -> int:
    """'Monthly retention of content creators rose from 27% to 50%', 'daily clicks on the site
    rising to 2600': the token after a phrase of plain words opened by a preposition
    (`metric-group-preps`) that names whose or where the metric is, right after the metric (at
    most `_OF_GROUP_MAX` words), when a change word follows it; else the metric's end."""
    if ctx.lower(m.end) not in ctx.word_list("metric-group-preps"):
        return m.end
    for k in range(m.end + 1, min(ce, m.end + 2 + _OF_GROUP_MAX)):
        if ctx.at("change", k):
            return k if k > m.end + 1 else m.end
        if not ctx.doc[k].is_alpha or any(ctx.covered_by(c, k, k + 1) for c in METRIC_CATEGORIES):
            return m.end
    return m.end


def _next_clause_object(ctx: UnitContext, m: Match, c: Match) -> bool:
    """'outreach to 300 alumni, raising $40k': a participle after a comma that takes its own
    object (an amount of money or a count, or a determiner) opens the writer's next clause; it
    does not move the metric before the comma ('5.8% conversion, a 28% increase' and 'users,
    growing 20% a month' still do)."""
    if not any(ctx.lower(k) in (",", ";") for k in range(m.end, c.start)):
        return False
    if not ctx.lower(c.start).endswith("ing"):
        return False
    if ctx.lower(c.end) in ("a", "an", "the", "our", "its", "their"):
        return True
    return any(q.token_start == c.end and q.kind in ("money", "count") for q in ctx.quantities)


def _modifies_metric(ctx: UnitContext, c: Match, m: Match) -> bool:
    """The change word stands right before the metric, or, a present participle, before one
    plain word that modifies it ('growing user traffic')."""
    if c.end == m.start:
        return True
    gap_word = c.end + 1 == m.start and ctx.doc[c.end].is_alpha
    return gap_word and ctx.lower(c.start).endswith("ing")  # "improved user engagement" moved it


def _verb_particle(ctx: UnitContext, c: Match, m: Match) -> bool:
    """'setting up social-media accounts', 'signed up clients': a lone 'up' or 'down'
    (`verb-particles`) before the metric with no figure between is the particle of a phrasal
    verb; as a change word it follows its metric ('conversion up 12%') or leads a figure
    ('up 20% in revenue')."""
    if c.end - c.start != 1 or ctx.lower(c.start) not in ctx.word_list("verb-particles"):
        return False
    return not any(c.end <= q.token_start < m.start for q in ctx.quantities)


def _attributive(ctx: UnitContext, c: Match) -> bool:
    """A one-word participle change word after a preposition or article ('in generated
    views') describes the noun after it; it reports no change. So does a present participle
    after an article or a possessive ('serve our growing customer base', 'a rising user
    count'), or right after a verb of scale, an adverb between them ('while supporting
    (rapidly) growing user traffic', 'handling increasing visitor load'): the noun's trend is
    background, not a change the writer made. Right after an outcome connector ('resulted in
    increased sales') the participle reports the change the work led to."""
    if c.end - c.start != 1:
        return False
    word, prev = ctx.lower(c.start), ctx.lower(c.start - 1)
    if f"{ctx.lower(c.start - 2)} {prev}" in ctx.word_list("outcome-connectors"):
        return False  # "resulted in increased sales", "led to improved retention": reported
    if word.endswith("ing"):
        k = c.start - 1 - (prev.endswith("ly") and prev != "only")
        # "while supporting (rapidly) growing user traffic": the load a system takes
        possessive = prev in ("'s", "'")  # "Mastercard's growing transaction volumes"
        return prev in ctx.word_list("determiners") or possessive or ctx.at("scale", k) is not None
    return word.endswith("ed") and prev in ctx.word_list("attributive-before")


_MODIFIERS_MAX = 2  # "supporting growing web user traffic" has 2 words between


def _plain_modifiers(ctx: UnitContext, lo: int, hi: int) -> bool:
    """True when tokens lo..hi are at most two plain words that are not change words, so an
    adjective before them describes the noun after them ('growing user traffic')."""
    if hi - lo > _MODIFIERS_MAX:
        return False
    return all(ctx.doc[k].is_alpha and ctx.at("change", k) is None for k in range(lo, hi))


_CONJUNCT_MODIFIERS = 2  # "and $800K in attributed revenue" is 1 between 'in' and the metric


def _by_figure_conjunct(ctx: UnitContext, change: Match, m: Match) -> bool:
    """'increasing product discovery by 45% and revenue by $3M annually': one change verb with
    two objects, each sized by 'by' and a figure; the metric opens the second, right after
    'and' (at most `_CONJUNCT_MODIFIERS` plain words between), so the verb moves it too.
    Bounded: the tokens between the verb and the metric are read once."""
    k = m.start - 1
    while m.start - k <= _CONJUNCT_MODIFIERS and ctx.lower(k) != "and":
        if k <= change.end or not ctx.doc[k].is_alpha:
            return False
        k -= 1
    if ctx.lower(k) != "and" or ctx.lower(m.end) != "by":
        return False
    bounds = {q.token_start: q for q in ctx.quantities}
    j = m.end + 1
    while ctx.lower(j) in ctx.word_list("scale-hedges"):
        j += 1
    if j not in bounds:
        return False  # the second object's own figure
    first = next((q for q in ctx.quantities if q.token_end == k), None)
    if first is None or first.token_start <= change.end:
        return False
    if (
        before_hedges(ctx, first.token_start) < change.end
        or ctx.lower(before_hedges(ctx, first.token_start)) != "by"
    ):
        return False  # the first object's figure, after 'by', ends right before 'and'
    cs, _ = ctx.clause_of(m.start)
    return cs <= change.start


def _figure_conjunct(ctx: UnitContext, change: Match, m: Match) -> bool:
    """'driving 35% of social referral traffic and $800K in attributed revenue': a change word
    whose object opens with a figure, and a second object joined by 'and' that is a figure
    of the metric ('$800K in revenue'), one verb with two figured objects: the change moves
    the second metric too, whatever words the first object holds. Constant work per call:
    the figures are looked up by their first and last token."""
    if "figure-bounds" not in ctx.annotations:  # once per unit
        ctx.annotations["figure-bounds"] = (
            {q.token_start: q for q in ctx.quantities},
            {q.token_end: q for q in ctx.quantities},
        )
    starts, ends = ctx.annotations["figure-bounds"]
    k = m.start - 1
    while m.start - k <= _CONJUNCT_MODIFIERS and ctx.lower(k) not in ("in", "of"):
        if k < 0 or not ctx.doc[k].is_alpha:
            return False
        k -= 1
    second = ends.get(k) if ctx.lower(k) in ("in", "of") else None
    if second is None or ctx.lower(second.token_start - 1) != "and":
        return False
    first = next(
        (
            starts[j]
            for j in range(change.end, min(second.token_start - 1, change.end + 4))
            if j in starts and before_hedges(ctx, j) == change.end - 1
        ),
        None,
    )  # "driving 35%", "driving nearly 35%"
    if first is None or first.token_end >= second.token_start:
        return False
    cs, _ = ctx.clause_of(m.start)
    return cs <= change.start


def _blocked(ctx: UnitContext, change: Match, m: Match) -> bool:
    """True when a preposition or conjunction between the change word and the metric shows
    the change aims elsewhere ('improved onboarding for enterprise customers')."""
    if change.end >= m.start:
        return False  # nothing stands between them ('grew downloads')
    if _figure_conjunct(ctx, change, m) or _by_figure_conjunct(ctx, change, m):
        return False  # "driving 35% of referral traffic and $800K in attributed revenue"
    if "figure-tokens" not in ctx.annotations:  # once per unit, not once per mention
        ctx.annotations["figure-tokens"] = frozenset(
            {k for q in ctx.quantities for k in range(q.token_start, q.token_end)} | ctx.slot_tokens
        )
    in_qty: frozenset[int] = ctx.annotations["figure-tokens"]
    periods = _rate_periods(ctx, change.end, m.start)
    gloss = _gloss_before(ctx, change.end, m.start)
    if periods or gloss:
        in_qty = in_qty | periods | gloss
    for k in range(change.end, m.start):
        low = ctx.lower(k)
        if ctx.at("change", k) or k in in_qty:
            continue
        tok = ctx.doc[k]
        glued = (k > 0 and ctx.doc[k - 1].text == "-" and not ctx.doc[k - 2].whitespace_) or (
            k + 1 < len(ctx.doc) and ctx.doc[k + 1].text == "-" and not tok.whitespace_
        )
        if glued:
            continue  # "like-for-like sales", "end-to-end checkout"
        if low == "to" and ctx.lower(k - 1) in forms()[4]:
            continue  # "a 30% boost to existing monthly revenue": the change noun's object
        if low == "of" and ctx.lower(k - 1) in ctx.word_list("count-wrappers"):
            continue  # "Increased the number of active users by 40%": a count of the metric
        if low == "to":
            j = k + 1
            while ctx.lower(j) in ctx.word_list("scale-hedges"):
                j += 1
            if j in in_qty:
                continue  # "grew it to 25k followers", "scaled to roughly 2M users"
        if low == "by":
            j = k + 1
            while ctx.lower(j) in ctx.word_list("scale-hedges"):
                j += 1
            if j in in_qty and all(i in in_qty for i in range(j, m.start)):
                continue  # "Grew our Twitter by 200k+ followers": the figure counts the metric
        if low in ("and", ",") and _metric_list(ctx, change.start, k, in_qty):
            continue  # "drove 22% YoY growth and retention": one verb, two metrics
        if low in ("and", ",") and _noun_list(ctx, change.end, m.start, m.end):
            continue  # "improved discovery and checkout conversion": one verb, a list of objects
        if k == change.end and _shared_object_verb(ctx, k):
            continue  # "Drove or influenced $10M+ ARR": two verbs, one object
        if low in ctx.word_list("blocking"):
            return True
        if (
            low in ctx.word_list("change-noun-preps")
            and k != change.end
            and not ctx.at("change", k - 1)
        ):
            if not any(q.token_start <= k - 1 < q.token_end for q in ctx.quantities):
                if k - 1 not in periods:  # "$500K a year in revenue"
                    return True
    return False


_GLOSS_MAX = 6  # "(Offline to Online)" is 5 tokens


def _gloss_before(ctx: UnitContext, lo: int, hi: int) -> set[int]:
    """'driving O2O (Offline to Online) conversion': a short parenthesis that closes right
    before the metric (token hi) and opens after the change word (lo) spells out the modifier
    before it; its words do not aim the change elsewhere. The token indices of the parenthesis,
    or none. Reads at most `_GLOSS_MAX` tokens back."""
    if hi - 1 < lo or ctx.lower(hi - 1) != ")":
        return set()
    for j in range(hi - 2, max(lo, hi - 1 - _GLOSS_MAX) - 1, -1):
        if ctx.lower(j) == "(":
            return set(range(j, hi)) if j > lo else set()
        if ctx.lower(j) == ")":
            return set()
    return set()


def _rate_periods(ctx: UnitContext, lo: int, hi: int) -> set[int]:
    """Tokens of a rate's period ('per year', 'a month') right after a money figure between
    tokens lo and hi: part of the figure ('an additional $12M per year in revenue')."""
    out: set[int] = set()
    for q in ctx.quantities_around(lo, hi):
        if q.kind != "money" or not lo <= q.token_end < hi:
            continue
        t = ctx.at("timeframe", q.token_end)
        if t is not None and t.start == q.token_end and t.entry == "period":
            out.update(range(t.start, t.end))
    return out


_NOUN_LIST_MAX = 6  # "improving organic visibility, search impressions" is 4


def _shared_object_verb(ctx: UnitContext, k: int) -> bool:
    """'Drove or influenced $10M+ ARR', 'grew and retained the customer base': 'or'/'and' at k,
    right after the change word, then a second verb in the past (a lexicon verb or an -ed
    word): the two verbs share the object after them."""
    if ctx.lower(k) not in ("or", "and", "&", "/"):
        return False
    verb = ctx.lower(k + 1)
    return (
        verb.endswith("ed")
        and ctx.doc[k + 1].is_alpha
        and any(ctx.at(c, k + 1) for c in ("action", "change", "weak"))
    )


def _noun_list(ctx: UnitContext, lo: int, hi: int, metric_end: int | None = None) -> bool:
    """True when tokens lo..hi are a short list of plain words joined by 'and' or commas ('user
    experience and', 'discovery and checkout', 'onboarding and'): no verb-like word (a lexicon
    verb or an -ed/-ing form that is not one of `ing-nouns`) and no preposition, so the change
    word before them governs the metric after them. A word that names a metric with the
    metric's last word ('open' in 'doubling open and click-through rates': 'open rates') is a
    list item even when it could be a verb."""
    if hi - lo > _NOUN_LIST_MAX:
        return False
    blocking = (ctx.word_list("blocking") | ctx.word_list("noun-list-stops")) - {"and", ","}
    for k in range(lo, hi):
        low = ctx.lower(k)
        if low in ("and", ","):
            continue
        if metric_end is not None and _elided_metric(ctx, low, metric_end):
            continue
        if not ctx.doc[k].is_alpha or low in blocking:
            return False
        if low in ctx.word_list("ing-nouns"):
            continue  # "improved onboarding and adoption": a noun, not a verb of work
        if low.endswith(("ed", "ing")):
            return False
        if any(ctx.at(c, k) for c in ("action", "trigger", "change", "weak")):
            return False
    return True


def _elided_metric(ctx: UnitContext, word: str, metric_end: int) -> bool:
    """'open' before 'and click-through rates': the word and the metric's last word ('open
    rates') are a metric term of the lexicon, its head said once for both."""
    lexicon = ctx.lexicon or load_lexicon()
    phrase = f"{word} {ctx.lower(metric_end - 1)}"
    return any(phrase in lexicon.terms(c) for c in METRIC_CATEGORIES)


def _figure_follows(ctx: UnitContext, m: Match, ce: int) -> bool:
    """'to increase user conversion by 22%': a figure right after the metric makes the purpose
    form a reported result."""
    return any(
        m.end <= q.token_start < min(ce, m.end + 4)
        and not (q.kind == "count" and ctx.lower(before_hedges(ctx, q.token_start)) in _SCOPE_LEADS)
        for q in ctx.quantities
    )


_SCOPE_LEADS = ("for", "across", "among", "in", "at")  # "to boost sales for 200+ films": whom
# the aim serves, not the metric's figure


def _figure_between(ctx: UnitContext, c: Match, m: Match) -> bool:
    """'worked with sales to generate 500 qualified leads a month': a measuring figure between
    the change word and the metric makes the purpose form a reported result."""
    return any(
        c.end <= q.token_start and q.token_end <= m.start and q.measure for q in ctx.quantities
    )


def _metric_list(ctx: UnitContext, lo: int, hi: int, in_qty: frozenset[int]) -> bool:
    """True when tokens lo..hi are all figures, metrics, change or time-frame words (a list of
    metrics one change word governs), and there is at least one metric among them."""
    cats = (*METRIC_CATEGORIES, "change", "timeframe")
    seen_metric = False
    for k in range(lo, hi):
        if k in in_qty or ctx.lower(k) in ("and", ","):
            continue
        if not any(ctx.covered_by(c, k, k + 1) for c in cats):
            return False
        seen_metric = seen_metric or any(
            ctx.covered_by(c, k, k + 1) for c in (*METRIC_CATEGORIES, "change")
        )
    return seen_metric


def _from_to_change(ctx: UnitContext, m: Match) -> Match | None:
    """'from 70K to 300K followers', 'from concept to 8,000+ monthly active users': a
    from-to pair ending at the metric is itself a change (upward)."""
    k = m.start - 1
    q = next(
        (q for q in ctx.quantities_around(k, m.start) if k <= q.token_end <= m.start + 1), None
    )
    if q is None:
        return None
    j = q.token_start - 1
    while ctx.lower(j) in ctx.word_list("scale-hedges") and ctx.lower(j) != "to":
        j -= 1
    if " to " in q.text.lower() or "→" in q.text:
        j = q.token_start  # "from a quiet 70K to 300K followers": the range is one figure
    elif ctx.lower(j) not in _TO_WORDS:
        return None
    cs, _ = ctx.clause_of(m.start)
    for f in range(j - 1, max(cs, j - 6) - 1, -1):
        if ctx.lower(f) == "from":
            if ctx.lower(f - 1) in ctx.word_list("range-words"):
                return None  # "events ranging from 30 to 700+ attendees": a range of sizes
            start = next((p for p in ctx.quantities if p.token_start == f + 1), None)
            if start is not None and start.kind == "duration":
                return None  # "from 30 minutes to 2 clicks" measures time
            before = {ctx.lower(b) for b in range(max(cs, f - 3), f)}
            if before & ctx.word_list("not-product-modifiers"):
                return None  # "growing the team from 2 to 7 members"
            return Match("change", "up", f, f + 1)
    return _leading_values(ctx, j)


_ARROWS = ("→", "->")
_TO_WORDS = ("to", *_ARROWS)  # between a start value and an end value


def _quantity_at(ctx: UnitContext, k: int) -> Quantity | None:
    """The quantity whose first token is k, or None (O(log n): `quantities_around`)."""
    return next((q for q in ctx.quantities_around(k, k) if q.token_start == k), None)


def _leading_values(ctx: UnitContext, j: int) -> Match | None:
    """A results line that opens on the metric's start and end values ('6% → 25% activation',
    '11.3% to 13.8% trial conversion rate'): the pair is the change (`_values_change`). Only
    at the sentence's start, and 'to' only between two percentages ('10 to 15 attendees a
    session' is a range of sizes)."""
    start = next((p for p in ctx.quantities if p.token_end == j), None)
    if start is None or start.token_start != ctx.sentence_of(start.token_start)[0]:
        return None
    if ctx.lower(j) == "to" and start.kind != "percent":
        return None
    return _values_change(ctx, start.token_start, start.token_start)


def _from_to_after(ctx: UnitContext, m: Match) -> Match | None:
    """'conversion from 5.3% to 12.2%', 'LTV from ₹6.5K to ₹7.5K': the metric followed by its
    start and end values is itself a change, upward or downward as the values go. Durations
    measure time, not the metric ('users from 2 hours to 5 minutes'). A metric after 'to' or
    'for' is whom something was for ('the number of abstracts available to users from 40m to
    80m'): the values count that thing, not the people."""
    f = m.end
    start = _quantity_at(ctx, f)
    if start is not None and ctx.lower(start.token_end) in _ARROWS:
        # "(install conversion 12.9% → 15.5%)": the values right after the metric, joined by
        # an arrow ('to' there may be a range: 'attendees 10 to 15 a session'; set90)
        return _values_change(ctx, f, f)
    if ctx.lower(f) == ":" and ctx.lower(f + 1) != "from":
        # "Onboarding completion rate: 72% → 94%": the values alone, right after the colon;
        # anything else after it ('35% average open rate') is a level
        return _values_change(ctx, f + 1, f + 1) or _level_and_change(ctx, f + 1)
    if ctx.lower(f) == ":":
        f += 1  # "Activation rate: from 30% to 45%"
    elif ctx.lower(f) in ctx.word_list("neutral-movers") and ctx.lower(f + 1) == "from":
        f += 1  # "ARR went from $20M to $54M": the values say which way it went
    if ctx.lower(f) != "from" or ctx.lower(m.start - 1) in ("to", "for"):
        return None
    return _values_change(ctx, f + 1, f)


def _level_and_change(ctx: UnitContext, k: int) -> Match | None:
    """'Total revenue: £363,788.40 (+52%)': a level at token k and, in brackets right after
    it, a signed percentage: the change the level came with, up or down as its sign says."""
    level = _quantity_at(ctx, k)
    if level is None or ctx.lower(level.token_end) != "(":
        return None
    moved = _quantity_at(ctx, level.token_end + 1)
    if moved is None or moved.kind != "percent" or not moved.sign:
        return None
    if ctx.lower(moved.token_end) != ")":
        return None
    down = moved.sign == "-"
    return Match("change", "down" if down else "up", moved.token_start, moved.token_end)


def _values_change(ctx: UnitContext, k: int, at: int) -> Match | None:
    """A start value at token k, then 'to' or an arrow and an end value of the same kind (or
    one figure holding both, '70K to 300K'): a change (at token `at`), up or down as the
    values go. A duration measures time, not the metric."""
    start = _quantity_at(ctx, k)
    if start is None or start.kind == "duration":
        return None
    if " to " in start.text.lower() or "→" in start.text:
        return Match("change", "up", at, at + 1)  # "from 70K to 300K" read as one figure
    if ctx.lower(start.token_end) not in _TO_WORDS:
        return None
    end = _quantity_at(ctx, start.token_end + 1)
    if end is None or end.kind != start.kind:
        return None
    down = start.value is not None and end.value is not None and end.value < start.value
    return Match("change", "down" if down else "up", at, at + 1)


def values_fall(ctx: UnitContext, m: MetricMention) -> bool:
    """'Improved bounce rate from 65% to 48%': the metric's own start and end values go down,
    whatever the change word says (improving a rate that should fall cuts it)."""
    change = _from_to_after(ctx, m.match)
    return change is not None and change.entry == "down"


_LIST_ITEM_BACK = 4  # ", Day-0 engagement by 25%": the item's own modifiers before the metric


def _elliptical_change(ctx: UnitContext, m: Match) -> Match | None:
    """'Improved rating from 2.3 to 4.0, Day-0 engagement by 25%, and start rate by 30%': a
    metric opening a list item and followed by its own figure ('by 25%', 'from 2% to 3%') is
    moved by the change word that opened the list, in the same sentence, when an earlier item
    holds a figure too (a list of moved metrics, not a new clause)."""
    if not _own_figure_after(ctx, m):
        return None
    ss, _ = ctx.sentence_of(m.start)
    k = m.start - 1
    while k > ss and m.start - k <= _LIST_ITEM_BACK and ctx.lower(k) not in (",", "and", ";"):
        if ctx.at("change", k) or ctx.lower(k) in ctx.word_list("blocking"):
            return None
        k -= 1
    if ctx.lower(k) not in (",", "and"):
        return None
    change = next((c for c in reversed(ctx.matches("change")) if ss <= c.start < k), None)
    if change is None or _attributive(ctx, change):
        return None
    if not any(change.end <= q.token_start < k for q in ctx.quantities):
        return None  # no earlier item with a figure: not a list of moved metrics
    return change


_APPENDED_REACH = 6  # ", roughly a 2x increase": the relative figure a few words past the comma


def _level_then_change(ctx: UnitContext, m: Match, level: Quantity | None) -> Match | None:
    """'Revenue was $35,000, a 2x increase on 2023', 'It accounted for $35,000 of revenue,
    roughly a 2x increase', '10k subscribers, up 40% on last year': the metric's own level,
    then after a comma a relative change figure with its change word ('a 2x increase', 'up
    40%') or its sign ('+52%'), only articles, hedges and change words before it: the level
    came with that change, up or down as the word or sign says. `level` is the metric's own
    figure (the mention's `quantity`, worked out once)."""
    if level is None or level.relative:
        return None
    comma = max(level.token_end, m.end)
    if ctx.lower(comma) != ",":
        return None
    _, se = ctx.sentence_of(m.start)
    hi = min(se, comma + 1 + _APPENDED_REACH)
    rel = next(
        (r.quantity for r in relative_figures(ctx) if comma < r.quantity.token_start < hi), None
    )
    if rel is None:
        return None
    hedges = forms()[3]
    if not all(
        ctx.lower(k) in ("a", "an") or ctx.lower(k) in hedges or ctx.at("change", k)
        for k in range(comma + 1, rel.token_start)
    ):
        return None  # "40M weekly users, raising suggestion acceptance from 18%": another
        # metric's change, not the level's own
    # the change word before the figure ('up 40%') or right after it ('a 2x increase'), never
    # past a word of its own ('140% NRR growth' moves NRR)
    change = next(iter(ctx.matches_starting("change", comma + 1, min(se, rel.token_end + 1))), None)
    if change is not None:
        return change
    if rel.sign:
        return Match("change", "down" if rel.sign == "-" else "up", rel.token_start, rel.token_end)
    return None


def _own_figure_after(ctx: UnitContext, m: Match) -> bool:
    """The metric is followed by 'by' and a relative figure ('engagement by 25%')."""
    if ctx.lower(m.end) != "by":
        return False
    _, _, _, hedges, _ = forms()
    k = m.end + 1
    while ctx.lower(k) in hedges and k < m.end + 4:
        k += 1
    return any(q.token_start == k and q.kind in ("percent", "multiplier") for q in ctx.quantities)


def adjacent_quantity(
    ctx: UnitContext, m: Match, before: int = 2, after: int = 3
) -> Quantity | None:
    own_by = ctx.lower(m.end) == "by"  # "... by 45% and revenue by $3M": sized after it
    lo = _words_back(ctx, m.start, before)
    for q in ctx.quantities_around(lo, m.end + after):
        if lo <= q.token_end <= m.start:
            if own_by and any(ctx.lower(k) in (",", "and") for k in range(q.token_end, m.start)):
                continue  # the figure of the item before the list's 'and'
            return q
        if m.end <= q.token_start <= m.end + after and not _counts_next_item(ctx, m, q):
            return q
        if q.token_start < m.start < q.token_end:
            return q  # "8,000+ monthly active users": the rate's unit overlaps the metric
    return None


def _words_back(ctx: UnitContext, i: int, n: int) -> int:
    """The token n words before token i, a hyphenated compound counted as one word ('+50%
    free-to-paid conversion rate': the figure is two words before the metric). Bounded: at
    most 3n tokens are read."""
    k, words = i, 0
    while k > 0 and words < n and i - k < 3 * n:
        k -= 1
        glued = (
            ctx.lower(k) == "-" and not ctx.doc[k].whitespace_ and not ctx.doc[k - 1].whitespace_
        )
        if not glued and not (k + 1 < i and ctx.lower(k + 1) == "-" and not ctx.doc[k].whitespace_):
            words += 1
    return k


def _aim_for(ctx: UnitContext, k: int, m: Match) -> bool:
    """'for incremental conversion lift', 'for higher retention gains': 'for' (token k), only
    words, the metric and a change noun right after it, with no figure in the clause: the gain
    the work is for, an aim. So is 'for improved marketing performance' (set98), a change word
    as participle or comparative right after 'for'. 'for a 45% lift in conversion' and
    'responsible for conversion growth of 20%' give their figure."""
    gain_after = ctx.lower(m.end) in forms()[4] or ctx.lower(m.end) in ctx.word_list("change-after")
    # "for improved marketing performance", "for higher conversion": a change word in its
    # participle or comparative right after 'for' names the state the work is for
    raised = ctx.at("change", k + 1) is not None and (
        ctx.lower(k + 1).endswith("ed") or ctx.lower(k + 1) in ctx.word_list("change-particles")
    )
    if not (gain_after or raised):
        return False
    if not all(ctx.doc[j].is_alpha for j in range(k + 1, m.start)):
        return False
    _, ce = ctx.clause_of(m.start)
    return not any(k < q.token_start < ce for q in ctx.quantities_around(k, ce))


def _change_sized(ctx: UnitContext, q: Quantity | None) -> bool:
    """'a 45% lift': a relative figure right before a change noun sizes a change, not a
    population."""
    return (
        q is not None
        and q.kind in ("percent", "multiplier")
        and ctx.lower(q.token_end) in ctx.word_list("change-after")
    )


def _counts_next_item(ctx: UnitContext, m: Match, q: Quantity) -> bool:
    """'Implemented likes, comments and 3 other social features': a count after a list comma
    or 'and' that a plain noun follows counts that item, not the metric before it."""
    if q.kind != "count" or not any(
        ctx.lower(k) in (",", "and", "&") for k in range(m.end, q.token_start)
    ):
        return False
    nxt = ctx.doc[q.token_end] if q.token_end < len(ctx.doc) else None
    return (
        nxt is not None
        and nxt.is_alpha
        and not any(ctx.covered_by(c, q.token_end, q.token_end + 1) for c in METRIC_CATEGORIES)
    )


def scale_described(ctx: UnitContext, m: Match, q: Quantity | None) -> bool:
    """'serving 1M+ daily users', 'a platform with 50k followers': the figure describes size."""
    anchor = min(m.start, q.token_start) if q is not None else m.start
    cs, _ = ctx.clause_of(anchor)
    lead = anchor - 1
    while ctx.lower(lead) in ctx.word_list("scale-hedges"):
        lead -= 1  # "for over 2M users"
    if ctx.lower(lead) in ("for", "across", "among") and not _change_sized(ctx, q):
        return True  # "improved usability for millions of daily users"; but "for a 45% lift
        # in lead-to-conversion" gives the change
    if ctx.lower(lead) == "with" and _launched_with(ctx, lead, cs):
        return False  # "launched an app with 8K+ installs": the launch's uptake, an outcome
    if ctx.lower(lead) == "of" and ctx.lower(lead - 1) in ctx.word_list("scope-containers"):
        return True  # "managed a portfolio of 60 customers": the size of what was worked on
    if ctx.lower(lead) in ("on", "with"):
        if test_sample(ctx, lead, cs):
            return True  # "A/B tests on 200k visitors", "piloted with 50 users": the sample
        if ctx.lower(lead - 1) in ctx.word_list("third-party-people"):
            return True  # "worked with influencers with 1M+ followers": their audience
    if q is not None and anchor == m.start and _object_of_plain_action(ctx, m, q, cs):
        return True  # "Maintained a mailing list of 2,000 alumni": the list's size
    if (
        ctx.lower(lead) == "with"
        and ctx.lower(lead + 1) in ("a", "an")
        and ctx.lower(m.end) == "of"
    ):
        return True  # "an event with a footfall of almost 300", "with a user base of 5,000"
    if anchor == m.start and _scope_after_modifiers(ctx, lead, cs):
        return True  # "shipping times for priority orders", "for local and international clients"
    if _in_range(ctx, anchor, cs):
        return True  # "events ranging from 30 to 700+ attendees", "between 50 and 200 users"
    if _third_party_relative(ctx, anchor, cs):
        return True  # "articles for X Magazine, which ... has 64k+ followers": X's size
    for k in range(anchor - 1, max(cs, anchor - 4) - 1, -1):
        glued = ctx.lower(k - 1) == "-" or ctx.lower(k + 1) == "-"
        if ctx.at("scale", k) and not ctx.at("change", k) and not glued:
            return True
        if ctx.at("change", k):
            return False
    if ctx.lower(anchor - 1) == "with":
        if q is not None and anchor == q.token_start and _change_noun_after(ctx, q):
            return False  # "optimized funnels with 25% lift in conversion rates": a change
        for k in range(anchor - 2, max(cs, anchor - 6) - 1, -1):
            if ctx.lower(k) in ("a", "an", "for", "across"):
                return True  # "a mobile RPG with 2.1M MAU", "for sites with millions of visitors"
            if k < anchor - 2 and _plain_action(ctx, k):
                return True  # "Managed social media accounts with 12k followers": their size
            if k < anchor - 2 and any(
                q.token_end == k + 1 and q.kind == "count" for q in ctx.quantities
            ):
                return True  # "14 mailing lists with 60,000 subscribers": counted things' size
            if ctx.at("change", k) or not (ctx.doc[k].is_alpha or ctx.lower(k) == "-"):
                break  # "a high-traffic website with 1M monthly page views": '-' glues words
    return False


_LAUNCH_OBJECT = 5  # "launched an Android productivity app with" is 4 between


def test_sample(ctx: UnitContext, prep: int, cs: int) -> bool:
    """'A/B tests on 200k visitors', 'Tested the prototype with 12 users': a count after 'on'
    or 'with' that follows a test word and its object (a few plain words) is the sample the
    test ran on, not users won."""
    for k in range(prep - 1, max(cs, prep - 1 - _LAUNCH_OBJECT) - 1, -1):
        trial = ctx.at("trigger", k)
        if trial is not None and trial.entry == "experiment":
            return True
        if ctx.listed(k, "sample-verbs"):
            return True  # "Validated the concept with 300 beta users"
        if not ctx.doc[k].is_alpha or ctx.lower(k) in ctx.word_list("blocking"):
            return False
    return False


def _launched_with(ctx: UnitContext, with_at: int, cs: int) -> bool:
    """'launched an Android productivity app with 8K+ installs', 'Wrote viral article series
    with 2M+ views': 'with' and a count right after the object of a launch or publishing verb
    (`launch-verbs`, `publish-verbs`) report what the launch won, an outcome; a preposition or
    a figure between ('launched a redesign of a platform with 2M users') makes the count
    another thing's size, except a count of the things launched right after the verb
    ('Launched 5 successful products with 1M+ users')."""
    verbs = ctx.word_list("launch-verbs") | ctx.word_list("publish-verbs")
    lo = max(cs, with_at - 1 - _LAUNCH_OBJECT)
    k = with_at - 1
    while k >= lo:
        low = ctx.lower(k)
        if ctx.listed(k, "launch-verbs", "publish-verbs"):
            return k < with_at - 1  # "co-authored" is one verb
        if any(
            q.token_start <= k < q.token_end and ctx.lower(q.token_start - 1) in verbs
            for q in ctx.quantities
        ):
            pass  # "Launched 5 successful products": the count of what was launched
        elif ctx.glued_hyphen(k):
            lo = max(cs, lo - 2)  # "an open-source app": one word, not three
        elif _role_as(ctx, k):
            pass  # "Published as open-source resource with 500+ downloads": its form
        elif not ctx.doc[k].is_alpha or low in ctx.word_list("blocking") or low == "of":
            return False  # "launched a redesign of a platform with 2M users": its size
        k -= 1
    return False


def launched_uptake(ctx: UnitContext, q: Quantity) -> bool:
    """The count q follows 'with' after the object of a launch or publishing verb ('Launched an
    app with 1M+ users'): the launch's uptake, an outcome, even for a head that otherwise
    needs a change word to report one."""
    lead = before_hedges(ctx, q.token_start)
    if ctx.lower(lead) != "with":
        return False
    cs, _ = ctx.clause_of(q.token_start)
    return _launched_with(ctx, lead, cs)


_OBJECT_WORDS = 3  # "Maintained the alumni mailing list" is 2 between the verb and the metric


def _object_of_plain_action(ctx: UnitContext, m: Match, q: Quantity, cs: int) -> bool:
    """'Maintained a mailing list of 2,000 alumni', 'Managed a user base of 10,000': a metric
    noun that is the object of a plain action verb, then 'of' and its count, gives the size
    of what the work looked after ('Grew the list to 2,000' moves it)."""
    return _of_count_object(ctx, m, q, cs, lambda k: _plain_action(ctx, k))


def built_of_count(ctx: UnitContext, m: Match, q: Quantity | None) -> bool:
    """'Built a client base of 100+ businesses', 'Cultivated a following of 10k': a metric noun
    that is the object of a creation verb (`creation-verbs`), then 'of' and its count, was grown
    to that count by the work."""
    if q is None:
        return False
    cs, _ = ctx.clause_of(m.start)
    creation = ctx.word_list("creation-verbs")
    return _of_count_object(ctx, m, q, cs, lambda k: ctx.lower(k) in creation)


def _of_count_object(
    ctx: UnitContext, m: Match, q: Quantity, cs: int, verb: Callable[[int], bool]
) -> bool:
    """The metric noun, then 'of' and its count, is the object of a verb that `verb` accepts,
    at most `_OBJECT_WORDS` plain words before it."""
    if ctx.lower(m.end) != "of" or before_hedges(ctx, q.token_start) != m.end:
        return False
    for k in range(m.start - 1, max(cs, m.start - 1 - _OBJECT_WORDS) - 1, -1):
        if verb(k):
            return True
        if not ctx.doc[k].is_alpha or ctx.at("change", k):
            return False
    return False


def _plain_action(ctx: UnitContext, k: int) -> bool:
    """An action verb at token k that is neither a change, a launch nor a creation word
    ('Managed', 'Ran'): its object, then 'with' and a count, is described, not grown ('Built
    a user base of 5,000' grew one)."""
    action = ctx.at("action", k)
    low = ctx.lower(k)
    return (
        action is not None
        and action.entry != "state-phrase"
        and ctx.at("change", k) is None
        and low not in ctx.word_list("launch-verbs")
        and low not in ctx.word_list("creation-verbs")
    )


_SCOPE_MODIFIERS = 3  # "for local and international clients" is 3


def _scope_after_modifiers(ctx: UnitContext, lead: int, cs: int) -> bool:
    """'for priority orders', 'across all enterprise customers': 'for', 'across' or 'among'
    then up to three plain words before the metric name its scope (whom the work was for),
    not a metric it moved. Words that are change, action or launch words, or figures, stop."""
    if ctx.lower_set.isdisjoint(("for", "across", "among")):
        return False
    k = lead
    for _ in range(_SCOPE_MODIFIERS):
        if k < cs or not ctx.doc[k].is_alpha:
            return False
        if any(ctx.at(c, k) for c in ("change", "action", "trigger")):
            return False
        if any(ctx.covered_by(c, k, k + 1) for c in METRIC_CATEGORIES):
            return False  # "for conversion and retention": a list of metrics
        k -= 1
        if ctx.lower(k) in ("for", "across", "among"):
            return True
    return False


_RELATIVE_BACK = 10  # "which produced 17 issues that year and has" is 9
_ANTECEDENT_BACK = 12  # "for global fashion and entertainment magazine, New Face Magazine" is 10


def _third_party_relative(ctx: UnitContext, anchor: int, cs: int) -> bool:
    """'wrote for X Magazine, which has 64k+ followers', 'interned at Acme, which serves 2M
    users': a figure in a relative clause (', which/who ...' with no change word) about a named
    party the writer worked for, at or with gives that party's size, not the writer's result
    ('built an app for students, which now has 10k downloads' still reports the app's). With
    no comma the antecedent must be an organisation noun (`third-party-orgs`: 'interned at a
    startup whose app has 1M downloads'), never a thing the writer made ('an app which has')."""
    if ctx.lower_set.isdisjoint(("which", "who", "whose")):
        return False  # no relative clause in the unit
    rel = None
    orgs = ctx.word_list("third-party-orgs")
    for k in range(anchor - 1, max(cs, anchor - _RELATIVE_BACK) - 1, -1):
        if ctx.at("change", k):
            return False  # "for students, which grew to 10k downloads": the writer's result
        if ctx.lower(k) in ("which", "who", "whose") and ctx.lower(k - 1) == ",":
            rel = k - 1
            break
        if ctx.lower(k) in ("which", "who", "whose") and ctx.lower(k - 1) in orgs:
            rel = k  # "for a fashion magazine which has 64k+ followers", "a startup whose app"
            break
    if rel is None:
        return False
    named = False  # the antecedent is a name ('New Face Magazine', 'Acme'), not 'students'
    for k in range(rel - 1, max(cs, rel - _ANTECEDENT_BACK) - 1, -1):
        if ctx.lower(k) in ("for", "at", "with"):
            return named
        named = named or ctx.doc[k].text[:1].isupper() or ctx.lower(k) in orgs
        if ctx.at("change", k) or any(q.token_start == k for q in ctx.quantities):
            return False
    return False


_RANGE_BACK = 6  # "ranging from about 30 to 700+" is 5


def _in_range(ctx: UnitContext, anchor: int, cs: int) -> bool:
    """True when the figures before token `anchor` give a range of sizes: 'ranging from 30
    to 700+', 'varying between 50 and 200', 'between 10 and 40': a size, not a change."""
    if ctx.lower_set.isdisjoint(("between", "from")):
        return False
    ranges = ctx.word_list("range-words")
    for k in range(anchor - 1, max(cs, anchor - _RANGE_BACK) - 1, -1):
        low = ctx.lower(k)
        if low == "between":
            return True
        if low == "from":
            return ctx.lower(k - 1) in ranges
        if ctx.at("change", k) or low in (",", ";"):
            return False
    return False


# --------------------------------------------------------------------------------------
# relative figures: a change given as "by 20%", "3x", "a 20% increase", and its baseline
@dataclass(frozen=True)
class RelativeFigure:
    """A relative change figure and whether the unit gives its start value or time frame."""

    quantity: Quantity
    baseline: bool


def relative_figures(ctx: UnitContext) -> list[RelativeFigure]:
    """Every relative change figure of the unit, with its baseline judged (computed once)."""
    cache = ctx.annotations
    if "relative" not in cache:
        cache["relative"] = [
            RelativeFigure(q, _has_baseline(ctx, q)) for q in _relative_quantities(ctx)
        ]
    return cache["relative"]


def _pairing_range(ctx: UnitContext, i: int) -> tuple[int, int]:
    """Where a time frame or start value for the claim at token i must sit: the claim's own
    sentence, in a bullet as in a story ('150% YoY user growth. Reduced churn by 35%.': the
    YoY does not reach the churn figure)."""
    return ctx.sentence_of(i)


def before_hedges(ctx: UnitContext, i: int) -> int:
    """The index of the word before token i, skipping hedges ('by up to 96%' -> 'by')."""
    hedges = forms()[3]
    tails = _hedge_tails(hedges)
    k = i - 1
    while k >= 0:
        if ctx.lower(k) not in tails:
            return k  # no hedge ends in this word (the common case: no words joined)
        for n in (3, 2, 1):
            if k - n + 1 >= 0 and (
                " ".join(ctx.lower(j) for j in range(k - n + 1, k + 1)) in hedges
                or ctx.doc[k - n + 1 : k + 1].text.lower() in hedges  # "approx.": two tokens
            ):
                k -= n
                break
        else:
            return k
    return k


@cache
def _hedge_tails(hedges: frozenset[str]) -> frozenset[str]:
    """Every way a hedge can end: the hedge, and each part of it after one of its spaces. The
    words `before_hedges` joins end in the word before the figure, so a word that is none of
    these ends no hedge."""
    return frozenset(
        {
            *hedges,
            *(h[k + 1 :] for h in hedges for k, ch in enumerate(h) if ch == " "),
            *(h[-1] for h in hedges if h.endswith(".")),  # "approx.", split from its stop
        }
    )


_PARTICIPLE_REACH = 7  # "23% improved accuracy over threshold-based" is 3 to 'over'


def _change_noun_after(ctx: UnitContext, q: Quantity) -> bool:
    """'a 20% increase', '245% ARR growth', 'a 20% cost reduction': a change noun after the
    figure, with only metric words between. A time frame right after the figure is skipped
    ('300% year-over-year revenue growth', '40% YoY growth')."""
    _, ce = ctx.clause_of(q.token_start)
    plain = ctx.word_list("growth-of")
    if ctx.lower(q.token_end) in ctx.word_list("change-participles"):
        # "7.5% increased conversions"; "23% improved accuracy over threshold-based
        # approaches" is a margin over a reference, no change
        after = range(q.token_end + 1, min(ce, q.token_end + _PARTICIPLE_REACH))
        return not any(ctx.lower(k) in ctx.word_list("compared-to") for k in after)
    start = q.token_end
    frame = ctx.at("timeframe", start)
    if frame is not None and frame.start == start and frame.entry == "period-over-period":
        start = frame.end  # "300% year-over-year revenue growth": the frame, then the change
    other = 0  # plain nouns naming what changed ("22% inventory turnover improvement"); a
    # figure there ends the phrase ("rolled out to 100% two days later")
    for k in range(start, min(ce, start + 4)):
        if ctx.lower(k) in ctx.word_list("change-after"):
            # "maintained a 1% account net growth": after a hold word, named by plain nouns,
            # a level kept
            lead = before_hedges(ctx, q.token_start)
            return not (
                other
                and (
                    ctx.at("hold", lead) is not None
                    or ctx.lower(lead) in ctx.word_list("story-held-verbs")
                )
            )
        if any(ctx.covered_by(c, k, k + 1) for c in (*METRIC_CATEGORIES, "efficiency")):
            continue
        if ctx.lower(k) in plain or ctx.lower(k) in ctx.word_list("projection-words"):
            continue  # "27% user growth", "60% operating cost reduction", "15% projected
            # improvement"
        if ctx.lower(k) == "-" and k > start and not ctx.doc[k - 1].whitespace_:
            continue  # "15% conversion-rate uplift": the hyphen of a compound
        if (
            other < _NAMING_WORDS
            and ctx.doc[k].is_alpha
            and not any(f.token_start <= k < f.token_end for f in ctx.quantities_around(k, k))
            and ctx.lower(k) not in ctx.word_list("function-words")
        ):
            other += 1
            continue
        return False
    return False


_NAMING_WORDS = 2  # "22% inventory turnover improvement": two plain nouns name what changed


def _projected(ctx: UnitContext, q: Quantity) -> bool:
    """'with projected 15% conversion lift', 'projecting 35% revenue growth': a word of
    projection (`projection-words`) right before a figure that a change noun follows gives
    the change the writer's analysis modelled, still a relative figure with no baseline;
    'expected to grow 30%' and 'a target of 20% growth' stay aims."""
    k = before_hedges(ctx, q.token_start)
    if ctx.lower(k) in ("a", "an", "the"):
        k -= 1
    return ctx.lower(k) in ctx.word_list("projection-words") and _change_noun_after(ctx, q)


def _potential_found(ctx: UnitContext, q: Quantity) -> bool:
    """'identified 25% improvement opportunity in customer retention', 'a 25% pricing
    optimization opportunity': a potential noun (`potential-nouns`) right after the change
    noun that follows the figure names a potential found, not a change made."""
    _, ce = ctx.clause_of(q.token_start)
    for k in range(q.token_end, min(ce, q.token_end + 4)):
        if ctx.lower(k) in ctx.word_list("change-after"):
            return ctx.lower(k + 1) in ctx.word_list("potential-nouns")
    return False


def _counting_multiplier(ctx: UnitContext, q: Quantity) -> bool:
    """A spelled multiplier that counts or names, not a change: 'twice'/'thrice' with no
    change word before and no 'as' after ('promoted twice'), an adjective 'double' before a
    plain noun ('double degree'), or one title-cased inside a sentence ('Double Wear')."""
    word = q.text.lower()
    if word in ("twice", "thrice"):
        return ctx.lower(q.token_end) != "as" and not ctx.at("change", q.token_start - 1)
    if word not in ctx.word_list("adjective-multipliers"):
        return False
    if ctx.doc[q.token_start].is_title and q.token_start > 0:
        return True
    nxt = ctx.doc[q.token_end] if q.token_end < len(ctx.doc) else None
    if nxt is None or not nxt.is_alpha or nxt.lower_ in ("the", "our", "its", "their", "in"):
        return False
    return not any(ctx.covered_by(c, q.token_end, q.token_end + 1) for c in METRIC_CATEGORIES)


def _times_changed(ctx: UnitContext, q: Quantity) -> bool:
    """'increased by four times', 'grew 3 times', '4 times faster', 'a 3 times increase': 'N
    times' is a change only after 'by' or a change word, or before a comparative or a change
    noun; otherwise it counts occasions ('won the hackathon 3 times')."""
    lead = before_hedges(ctx, q.token_start)
    if ctx.lower(lead) == "by":
        return True
    if ctx.at("change", lead) is not None and ctx.lower(lead) not in ("up", "down"):
        return True  # "grew 3 times"; "traveled down three times" counts trips
    nxt = ctx.lower(q.token_end)
    if nxt in ctx.word_list("change-after") or nxt in ("as", "more", "less", "fewer", "over"):
        return True
    return nxt.isalpha() and nxt.endswith("er") and len(nxt) > 4  # "faster", "higher"


_RETURN_MODIFIERS = 2  # "3.8x blended ROAS" is 1 between; "4x average campaign ROI" is 2


def _return_multiple(ctx: UnitContext, q: Quantity) -> bool:
    """'4x ROI', '3x ROAS', '3.8x blended ROAS', '3.8x average ROAS': a multiplier before a
    return noun (`return-multiples`), with at most two plain modifiers between, is the return
    multiple's level, not a relative change. A change word or comparative between ('3x higher
    ROAS', '2x increase in ROI') makes it a change."""
    returns = ctx.word_list("return-multiples")
    for k in range(q.token_end, min(len(ctx.doc), q.token_end + 1 + _RETURN_MODIFIERS)):
        word = ctx.lower(k)
        if word in returns:
            return True
        if not (ctx.doc[k].is_alpha or ctx.doc[k].like_num) or ctx.at("change", k) is not None:
            return False  # "4.67x Sale 2 ROAS": a label's number is a plain modifier
        if word in ctx.word_list("change-after") or (word.endswith("er") and len(word) > 4):
            return False  # "3x increase in ROI", "3x higher ROAS"
    return False


def _against_reference(ctx: UnitContext, q: Quantity) -> bool:
    """'double the target', 'twice the industry average': a multiplier (not a verb: 'Doubled
    the average deal size' is a change) before a determiner and a reference noun
    (`multiple-references`) that ends its phrase, after at most one modifier, is measured
    against that reference, its baseline."""
    if q.text.lower().endswith("ed") or ctx.lower(q.token_end) not in ctx.word_list(
        "reference-determiners"
    ):
        return False
    refs, mods = ctx.word_list("multiple-references"), ctx.word_list("reference-modifiers")
    k = q.token_end + 1
    if ctx.lower(k) in mods and ctx.lower(k + 1) in refs:
        k += 1
    if ctx.lower(k) not in refs:
        return False
    after = k + 1
    return (
        after >= len(ctx.doc)
        or not ctx.doc[after].is_alpha
        or ctx.lower(after) in (ctx.word_list("reference-followers"))
    )


def _relative_quantities(ctx: UnitContext) -> list[Quantity]:
    uptake = uptake_figures(ctx)
    change_nouns = forms()[4]
    out = []
    for q in ctx.quantities:
        prev = ctx.lower(q.token_start - 1)
        nxt = ctx.lower(q.token_end)
        if q.kind in ("multiplier", "percent") and forecast_figure(ctx, q):
            if not _projected(ctx, q):
                continue  # "in anticipation of a 2-3x increase", "would drive 20% more"
        if q.kind in ("multiplier", "percent") and _potential_found(ctx, q):
            continue  # "identified 25% improvement opportunity": a potential, no change
        if q.kind in ("multiplier", "percent") and _withstood_load(ctx, q):
            continue  # "sustaining 98.1% on-time delivery through 2.5x demand spikes"
        if q.kind == "multiplier":
            change_noun = nxt in ctx.word_list("change-after")
            if nxt in ("a", "per", "each", "every", "of", "-", "/") or (
                prev in ("at", "to", "the") and not change_noun
            ):
                continue  # "twice a week", "twice-daily" are rates, "a third of" a share
            if _return_multiple(ctx, q):
                continue  # "4x ROI", "3.8x blended ROAS": a return multiple is a level
            if _against_reference(ctx, q):
                continue  # "double the target": a comparison with its reference, no change
            if ctx.listed(q.token_end, "spec-multiples", "count-multiples"):
                continue  # "38x optical zoom" is a spec, "3x consecutive ratings" a count
            if not any(ch.isdigit() for ch in q.text) and q.text.lower() in ctx.word_list(
                "share-words"
            ):
                k = q.token_start - 1
                while ctx.lower(k) in ("one", "-"):
                    k -= 1  # "by one-half", "by one half"
                if ctx.lower(k) not in ("by", "in"):
                    continue  # "half would see nothing new" is a share; "cut by half" a change
            if q.token_start in uptake:
                continue  # "viewed 5M times" is a count
            if q.text.lower().endswith("times") and not _times_changed(ctx, q):
                continue  # "won the hackathon 3 times" counts occasions
            if _counting_multiplier(ctx, q):
                continue  # "promoted twice", "a double degree", "the Double Wear range"
            if _occasions_aside(ctx, q):
                continue  # "Spoke at Microsoft Build (2x)": how many times, no change
            if q.token_start > 0 and ctx.doc[q.token_start - 1].like_num:
                continue  # "six double o five" names a course, not a change
            if " " in q.text.strip() and q.text.strip()[-1:] in "xX" and not change_noun:
                continue  # "6.8M X impressions": X names the platform; "10 x increase" not
            level = ctx.lower(before_hedges(ctx, q.token_start)) in ctx.word_list("level-before")
            if level and not change_noun:
                continue  # "at a consistent 4X ROAS" is a level
            out.append(q)
        elif q.kind == "percent":
            if q.unit.lower() in ctx.word_list("absolute-points") or nxt in ctx.word_list(
                "absolute-points"
            ):
                continue  # "up 6 pts" is an absolute change
            lead = before_hedges(ctx, q.token_start)
            by = prev == "by" or ctx.lower(lead) == "by"
            if by and _compared(ctx, lead if ctx.lower(lead) == "by" else q.token_start - 1):
                continue  # "beating competition by 60%": a margin over a reference, no change
            if by and any(ctx.lower(k) in forms()[2] for k in (q.token_end, q.token_end + 1)):
                continue  # "used by more than 80% BITS students": a share of people, no change
            # "an increase of 400% in", "growth of 35%"
            of_change = prev == "of" and ctx.lower(before_hedges(ctx, lead)) in change_nouns
            of_change = of_change or (prev == "of" and ctx.lower(q.token_start - 2) in change_nouns)
            # "Relative conversion lift: ~43%": a change noun as the label, then its figure
            of_change = of_change or (prev == ":" and ctx.lower(q.token_start - 2) in change_nouns)
            level = (
                prev in ctx.word_list("level-before")
                or ctx.lower(lead) in ("to", "at")  # "to as high as 32%", "at nearly 40%"
                # past an article: "maintaining a 100% on-time submission rate"
                or (
                    ctx.lower(lead) in ctx.word_list("level-before-article")
                    and any(ctx.lower(k) in ("a", "an") for k in range(lead + 1, q.token_start))
                )
            ) and not _change_noun_after(ctx, q)
            if level and prev == "over" and _changed_over(ctx, q):
                level = False  # "Decreased agent call times over 50%": 'over' hedges a change
            cut = ctx.at("change", lead)
            if nxt == "of" and cut is not None and cut.entry == "down":
                out.append(q)  # "reducing 86% of the workload": the share cut is a change
                continue
            if (nxt == "of" or level) and not (by or of_change):
                continue
            if nxt == "of":
                continue  # "by 20% of" is a share
            held = ctx.at("product", q.token_end)
            if (
                not (by or of_change)
                and held is not None
                and held.entry in ctx.word_list("share-entries")
                and not _change_noun_after(ctx, q)
            ):
                continue  # "Captured 90% market share": a share held, a level, not a change
            signed = bool(q.sign)
            cs, _ = ctx.clause_of(q.token_start)
            nearest = next(
                (
                    k
                    for k in range(q.token_start - 1, max(cs, q.token_start - 8) - 1, -1)
                    if ctx.at("change", k)
                ),
                None,
            )
            change_before = (
                nearest is not None
                and ctx.lower(nearest) not in ctx.word_list("level-verbs")
                and not (
                    ctx.lower(nearest) in ctx.word_list("level-verbs-adjacent")
                    and before_hedges(ctx, q.token_start) == nearest
                )
            )  # "achieving 99.8% data accuracy", "satisfaction surpassing 80 %": a level
            if change_before and _conditioned(ctx, nearest, cs):
                continue  # "rollback if error rate exceeded 1%": a trigger, not a change
            if change_before and not (signed or by or of_change) and _aside_level(ctx, q):
                continue  # "Improved stability through unit testing (~70% coverage)": a level
            if signed or by or of_change or change_before or _change_noun_after(ctx, q):
                out.append(q)
    return out


def _aside_level(ctx: UnitContext, q: Quantity) -> bool:
    """'(~70% coverage)', '(25% open rate)': a percentage right after an opening bracket, with
    the noun it measures and no change noun, an aside giving a level, not the size of the
    change before it ('(saved the client over 40% on ...)' tells a change of its own)."""
    if ctx.lower(q.token_start - 1) != "(" or _change_noun_after(ctx, q):
        return False
    nxt = q.token_end
    return nxt < len(ctx.doc) and ctx.doc[nxt].is_alpha and ctx.lower(nxt) not in ("of", "in")


_SURGE_REACH = 3  # "through 2.5x demand spikes": the surge noun is 2 after the figure


def _withstood_load(ctx: UnitContext, q: Quantity) -> bool:
    """'sustaining 98.1% on-time delivery through 2.5x demand spikes', 'during a 40% traffic
    surge': a figure after a circumstance preposition (`circumstance-preps`, an article
    skipped) that sizes a sudden load (`surge-nouns` within 3 words) is what the work
    withstood, not a change it reports."""
    lead = before_hedges(ctx, q.token_start)
    if ctx.lower(lead) in ("a", "an", "the"):
        lead -= 1
    if ctx.lower(lead) not in ctx.word_list("circumstance-preps"):
        return False
    surges = ctx.word_list("surge-nouns")
    _, ce = ctx.clause_of(q.token_start)
    return any(
        ctx.lower(k) in surges for k in range(q.token_end, min(ce, q.token_end + _SURGE_REACH))
    )


def _occasions_aside(ctx: UnitContext, q: Quantity) -> bool:
    """'Spoke at Microsoft Build (2x)', "Dean's List (3x)": a multiplier alone in parentheses
    with no change word before it in its clause counts the occasions of what it follows."""
    if ctx.lower(q.token_start - 1) != "(" or ctx.lower(q.token_end) != ")":
        return False
    cs, _ = ctx.clause_of(q.token_start)
    return not any(cs <= c.start < q.token_start for c in ctx.matches("change"))


def _conditioned(ctx: UnitContext, k: int, cs: int) -> bool:
    """'rollback if the error rate exceeded 1%', 'alert whenever latency rises 5%': the change
    word k sits in a condition (`condition-openers` a few words before it, in its clause; or
    'when' before a verb of crossing a level, `threshold-verbs`), so its figure is a trigger
    threshold, not a change the writer reports."""
    opens = ctx.word_list("condition-openers")
    crossing = ctx.lower(k) in ctx.word_list("threshold-verbs")
    for j in range(k - 1, max(cs, k - 5) - 1, -1):
        if ctx.lower(j) in opens:
            return True
        if crossing and ctx.lower(j) in ctx.word_list("threshold-openers"):
            return True  # "paged on-call when error rates exceeded 5%"
        if not ctx.doc[j].is_alpha:
            return False  # "If anything, we grew revenue 30%": the comma closes the condition
    return False


_OVER_BACK = 6  # "Decreased agent call times over" is 4 back from 'over'


def _changed_over(ctx: UnitContext, q: Quantity) -> bool:
    """'Decreased agent call times over 50%', 'cut costs over 40%': 'over' right after the
    object of a change verb hedges the change's size ('more than'); after 'to', 'at' or a level
    verb it gives a level ('kept uptime at over 99%', 'grew accuracy to over 90%')."""
    over = q.token_start - 1
    if not ctx.doc[over - 1].is_alpha or ctx.lower(over - 1) in ctx.word_list("level-before"):
        return False
    cs, _ = ctx.clause_of(over)
    for k in range(over - 1, max(cs, over - _OVER_BACK) - 1, -1):
        change = ctx.at("change", k)
        if change is not None:
            return change.end <= over - 1 and ctx.lower(k) not in ctx.word_list("level-verbs")
        if not ctx.doc[k].is_alpha:
            return False
    return False


_COMPARED_BACK = 6  # "outperformed the strongest public baseline by" is 4 between


def _compared(ctx: UnitContext, by: int) -> bool:
    """'beating competition by 60%', 'outperformed the baseline model by 8%', 'exceeding
    annual quota by 25%': a verb of comparison (`comparison-verbs`) before 'by' gives the
    figure as a margin over a named reference, which is its base; it is no change over time."""
    cs, _ = ctx.clause_of(by)
    for k in range(by - 1, max(cs, by - 1 - _COMPARED_BACK) - 1, -1):
        if ctx.lower(k) in ctx.word_list("comparison-verbs"):
            return True
        if ctx.at("change", k) or not (ctx.doc[k].is_alpha or ctx.lower(k) in ("'s", "’s")):
            return False
    return False


def _segment(ctx: UnitContext, i: int) -> tuple[int, int]:
    """The clause of token i, cut further at 'and', 'while' and commas, so that each metric's
    from-to values stay with it ('installs up 65% and retention from 11% to 16%')."""
    bounds = ctx.annotations.get("segment-bounds")
    if bounds is None:  # once per unit: the walks to the breaks made a long clause quadratic
        cuts = ctx.word_list("segment-breaks")
        bounds = ctx.annotations["segment-bounds"] = _bounds(
            [brk or w in cuts for brk, w in zip(ctx.clause_breaks, ctx.lowers, strict=True)]
        )
    return bounds[0][i], bounds[1][i]


def _period_phrase(ctx: UnitContext, lo: int, hi: int) -> bool:
    """'in event week', 'during launch month', 'over the holiday season': a named period.
    Computed once a span (every figure of a long sentence asks for the same one)."""
    memo = ctx.annotations.setdefault("period-phrase", {})
    if (lo, hi) not in memo:
        memo[lo, hi] = _find_period_phrase(ctx, lo, hi)
    return memo[lo, hi]


_GROWTH_RATE_GAP = 4  # "annual recurring revenue growth": the change noun is 3 after 'annual'


def _growth_rate(ctx: UnitContext, k: int, hi: int, change_nouns: frozenset[str]) -> bool:
    """'annual revenue growth: 20-30%', 'monthly user growth of 15%': plain words after the
    period adjective at token k, then a change noun that takes its figure (after ':' or
    'of'): the figure is a growth rate per that period."""
    for j in range(k + 1, min(hi, k + _GROWTH_RATE_GAP)):
        if ctx.lower(j) in change_nouns:
            return ctx.lower(j + 1) in (":", "of") and any(
                q.token_start == j + 2 for q in ctx.quantities
            )
        if not ctx.doc[j].is_alpha:
            return False
    return False


def _find_period_phrase(ctx: UnitContext, lo: int, hi: int) -> bool:
    change_nouns = forms()[4]
    for t in ctx.tokens[lo:hi]:
        if t.lower_ in ctx.word_list("period-adjectives") and _growth_rate(
            ctx, t.i, hi, change_nouns
        ):
            return True  # "annual revenue growth: 20-30%": a growth rate per year
        if t.lower_ in ctx.word_list("period-nouns"):
            for k in range(t.i - 1, max(-1, t.i - 4), -1):
                if ctx.lower(k) in ctx.word_list("period-preps"):
                    return True
                if not ctx.doc[k].is_alpha:
                    break
    return False


def _restated_span(ctx: UnitContext, q: Quantity, seg_e: int) -> bool:
    """A 'from X to Y' span after the relative figure's segment, with no change word of its
    own, restates that change's values ('roughly 20% growth in client base, from about 50 to 60
    clients', '10x increase in daily processed ad messages, from 1 million to 10 million'): only
    punctuation stands between them. 'and cut lead time from 2 weeks to 5 days' and 'and the
    referral rate from 5% to 12%' name their own metric. Bullets too since session 34 (set63
    hb63-049)."""
    if q.token_start < seg_e:
        return False
    lead = before_hedges(ctx, q.token_start)
    if ctx.lower(lead) != "from":
        return False
    if any(ctx.doc[k].is_alpha for k in range(seg_e, lead)):
        return False  # "Increased downloads 3x and the referral rate from 5% to 12%": its own
    return not ctx.covered_by("change", seg_e, q.token_start)


def _held_level_after(ctx: UnitContext, rel: Quantity, q: Quantity) -> bool:
    """Story only (story engineer): a figure after the relative one, past a verb of holding
    ('improved user trust scores by 25%, and maintained response latency under 2s'), is the
    level another metric was held at, not the change's period or start."""
    if ctx.story is None or q.token_start <= rel.token_end:
        return False
    if "held-prefix" not in ctx.annotations:  # once per unit: many figure pairs stay linear
        held = ctx.word_list("story-held-verbs")
        prefix = [0]
        for k in range(len(ctx.doc)):
            prefix.append(prefix[-1] + (ctx.lower(k) in held))
        ctx.annotations["held-prefix"] = prefix
    prefix = ctx.annotations["held-prefix"]
    return prefix[q.token_start] - prefix[rel.token_end] > 0


def _cadence_after(ctx: UnitContext, t: Match, rel: Quantity) -> bool:
    """'a consistent 10%+ increase in organic traffic monthly': a cadence word after the
    relative figure, in its clause, with no word after it, is the change's period, as it is
    before a period's results ('Revenue grew by 15%, reported in our quarterly results'); before
    another noun it names a metric's window or a record ('monthly revenue', 'quarterly close'),
    and before the figure it is the cadence of other work ('Translate data into narratives
    monthly; ... a 30% improvement')."""
    if t.start < rel.token_end:
        return False
    if t.end < len(ctx.doc) and ctx.lower(t.end) in ctx.word_list("period-result-nouns"):
        return True
    if ctx.clause_of(t.start) != ctx.clause_of(rel.token_start):
        return False
    return t.end >= len(ctx.doc) or not ctx.doc[t.end].is_alpha


def _cadence_of_record(ctx: UnitContext, t: Match) -> bool:
    """Story only (story engineer): a one-word time frame used as an adjective before a
    recurring record or meeting ('Customer satisfaction scores improved by 15%, based on our
    quarterly surveys', 'in our annual review') tells how often it is taken, not the period of
    the change."""
    if ctx.story is None or t.end - t.start != 1:
        return False
    return ctx.listed(t.end, "cadence-record-nouns")


def _change_between(ctx: UnitContext, a: Quantity, b: Quantity) -> bool:
    """A change word between two figures: the second belongs to another change."""
    lo, hi = sorted((a.token_end, b.token_start))
    return ctx.covered_by("change", lo, hi)  # O(log n): the bullet may hold many figures


def _arrow_pair(ctx: UnitContext, q: Quantity) -> bool:
    """'22 → 11 min': q stands beside an arrow with a figure on the arrow's other side ('→
    −40% TTFV' after a clause is the writer's 'which led to', not a value pair)."""
    if ctx.lower(q.token_start - 1) in _ARROWS:
        return q.token_start - 1 in _number_edges(ctx)[1]
    if ctx.lower(q.token_end) in _ARROWS:
        return q.token_end + 1 in _number_edges(ctx)[0]
    return False


def numbers_at(ctx: UnitContext, i: int) -> list[Quantity]:
    """The numbers (measuring or not) whose first token is i; O(1) after the first call."""
    return _number_edges(ctx)[0].get(i, [])


def _number_edges(ctx: UnitContext) -> tuple[dict[int, list[Quantity]], set[int]]:
    """The numbers by first token, and the set of their token ends (once per unit: a rule
    that asks what stands beside each of many figures stays linear)."""
    edges = ctx.annotations.get("number-edges")
    if edges is None:
        by_start: dict[int, list[Quantity]] = {}
        for q in ctx.numbers:
            by_start.setdefault(q.token_start, []).append(q)
        edges = ctx.annotations["number-edges"] = (by_start, {q.token_end for q in ctx.numbers})
    return edges


def _frame_of_other(ctx: UnitContext, t: Match, rel: Quantity, seg: tuple[int, int]) -> bool:
    """'costs by $50K annually', '300% YoY growth, +80% fraud reduction': a time frame right
    after another figure outside the relative figure's segment is that figure's rate or
    period, not a time frame of the relative change."""
    return any(
        q.token_start != rel.token_start
        and q.token_end <= t.start <= q.token_end + 1
        and not seg[0] <= q.token_start < seg[1]
        for q in ctx.quantities_around(t.start - 1, t.start)
    )


_TRIAL_REACH = 6  # "a 60-day proactive health-check program": 'program' is 5 after '60-day'


def _span_of_trial(ctx: UnitContext, q: Quantity) -> bool:
    """'through a 60-day proactive health-check program', 'in a 6-week pilot': a duration
    used as an adjective of a bounded piece of work (`trial-nouns`), after a period
    preposition (`period-preps`, 'through') and an article, gives the period the change took."""
    if ctx.lower(q.token_start - 1) not in ("a", "an", "the"):
        return False
    if ctx.lower(q.token_start - 2) not in ctx.word_list("period-preps") | {"through"}:
        return False
    _, ce = ctx.clause_of(q.token_start)
    trials = ctx.word_list("trial-nouns")
    return any(
        ctx.lower(k) in trials for k in range(q.token_end, min(ce, q.token_end + _TRIAL_REACH))
    )


def _pair_in_parentheses(ctx: UnitContext, rel: Quantity) -> bool:
    """'a 62% reduction in monthly SEV incidents (13 to 5)': a parenthesised from-to pair in
    the relative figure's clause gives its start and end values."""
    _, ce = ctx.clause_of(rel.token_start)
    starts = ctx.annotations.get("paren-pairs")
    if starts is None:  # once per unit, sorted: every figure of a long clause asks
        starts = ctx.annotations["paren-pairs"] = sorted(
            q.token_start
            for q in ctx.quantities
            if " to " in q.text.lower() and in_parentheses(ctx, q.token_start)
        )
    k = bisect_right(starts, rel.token_start)  # a start after it is in the clause past cs
    return k < len(starts) and starts[k] < ce


def _appositive_after_pair(ctx: UnitContext, rel: Quantity) -> bool:
    """'Increased the account list from 10 to 63 clients, 530% increase, through cold-calling':
    a relative figure set after a comma and named a change ('530% increase') restates the
    from-to pair just before it in its sentence, which gives its start and end values."""
    if ctx.lower(rel.token_start - 1) != "," or ctx.at("change", rel.token_end) is None:
        return False
    ss, _ = ctx.sentence_of(rel.token_start)
    before = [q for q in ctx.quantities if ss <= q.token_start < rel.token_start - 1]
    froms = [q for q in before if ctx.lower(before_hedges(ctx, q.token_start)) == "from"]
    return any(
        ctx.lower(before_hedges(ctx, q.token_start)) == "to" and q.token_start > f.token_end
        for f in froms
        for q in before
    )


def _absolute_in_parentheses(ctx: UnitContext, rel: Quantity) -> bool:
    """'cut infrastructure cost by 5% (~7K€/month)', 'grew revenue 12% ($1.4M)', 'efficiency
    +20% (45 min saved per worker per week)': the absolute amount in parentheses right after
    the relative figure gives the change's size, so it is not given only as a relative figure."""
    k = rel.token_end
    if ctx.lower(k) != "(":
        return False
    kinds = ("money", "count", "duration")
    return any(
        q.token_start == k + 1 and q.kind in kinds for q in ctx.quantities_around(k + 1, k + 1)
    )


def _values_after_colon(ctx: UnitContext, rel: Quantity) -> bool:
    """'Grew platform capability 5x: 2K → 10K documents': a colon right after the relative
    figure opens its gloss, and a start-to-end pair at the gloss's head gives its values."""
    k = rel.token_end
    if ctx.lower(k) != ":":
        return False
    return any(
        q.measure and (_value_pair(ctx, q) or _arrow_pair(ctx, q))
        for q in _number_edges(ctx)[0].get(k + 1, ())
    )


def _label_period(ctx: UnitContext, rel: Quantity) -> bool:
    """'6-Month Trend: we still gained 36% long-term SEO growth', 'Long-Term (6 Month) Traffic
    Change = 36% Growth': a duration in a short label that opens the sentence, before a colon
    or '=' that precedes the figure, names the period the figures after it are measured over.
    '5x Faster Queries: Average response time improved from 20s to 4s': a figure in such a
    label is glossed after its colon, where a start-to-end pair gives its values."""
    k = _opening_label_end(ctx, rel.token_start)
    if k is None:
        return False
    ss, se = ctx.sentence_of(rel.token_start)
    if rel.token_start < k:
        return any(
            q.measure and start_end_pair(ctx, q)
            for q in ctx.quantities_around(k + 1, se)
            if k < q.token_start < se
        )
    return any(
        q.kind == "duration" and ss <= q.token_start and q.token_end <= k
        for q in ctx.quantities_around(ss, k)
    )


def _fronted_frame(ctx: UnitContext, lo: int) -> bool:
    """In a story, a time frame fronted before a comma at the head of one of the two sentences
    before, in the same paragraph ('Within the first year, we reduced waste by 60%. ...
    Additionally, we saw a 10% increase in satisfaction'), frames the paragraph's figures."""
    preps = ctx.word_list("duration-before") | ctx.word_list("period-preps")
    j = lo
    for _ in range(2):
        k = j - 1
        if k >= 0 and ctx.doc[k].text in (".", "!", "?"):
            k -= 1  # the stop closing the sentence before
        if k < 0 or "\n" in ctx.doc[k].text:
            return False  # a line break ends the paragraph (and a labelled section)
        j, end = ctx.sentence_of(k)
        if ctx.lower(j) not in preps:
            continue
        comma = next((c for c in range(j + 1, min(end, j + 7)) if ctx.lower(c) == ","), None)
        if comma is None:
            continue
        if ctx.covered_by("timeframe", j, comma) or _period_phrase(ctx, j, comma):
            return True  # "Within the first year,", "Over two quarters,"
        if "duration-starts" not in ctx.annotations:  # once per unit: many figures stay linear
            ctx.annotations["duration-starts"] = {
                q.token_start for q in ctx.quantities if q.kind == "duration"
            }
        if any(t in ctx.annotations["duration-starts"] for t in range(j + 1, comma)):
            return True  # "In 6 months,"
    return False


_OWN_METRIC_GAP = 3  # "build time by 40%" is 1; "build time for the app by" is 4


def _pair_computes(ctx: UnitContext, rel: Quantity) -> bool:
    """'boosting output 40 percent and raising average pick rate from 2,000 to 2,800+ units': a
    relative figure that is the change of a start-to-end pair in its sentence (2,000 to 2,800
    is +40%, within half a point or 2% of the figure; a multiplier within 5%) is that change
    told as a share, and its start is given. A difference in points is not matched: any two
    percentages differ by some figure ('by 10% and cut churn from 40% to 30%'). Session 37
    (set83 hb83-004, both labellers). The pairs' changes are found once a unit and looked up
    by bisection, so a sentence of many figures stays linear."""
    if rel.value is None or rel.kind not in ("percent", "multiplier"):
        return False
    shares, ratios = _pair_changes(ctx).get(ctx.sentence_of(rel.token_start)[0], ([], []))
    if rel.kind == "multiplier":
        return _near(ratios, rel.value, 0.05 * rel.value)
    tol = max(0.5, 0.02 * rel.value)
    # a multiple written as a percent ('+2500% increase, scaling from 60k to 1.5M users', 25x;
    # set97 hb97-118, both labellers) tells the same pair
    return _near(shares, rel.value, tol) or _near(ratios, rel.value / 100, tol / 100)


def _near(values: list[float], value: float, tol: float) -> bool:
    """True when the sorted `values` hold one within `tol` of `value`."""
    k = bisect_left(values, value - tol)
    return k < len(values) and values[k] <= value + tol


def _pair_changes(ctx: UnitContext) -> dict[int, tuple[list[float], list[float]]]:
    """Sentence start -> (the sorted changes of its start-to-end pairs in percent; their
    sorted ratios)."""
    if "pair-changes" not in ctx.annotations:
        out: dict[int, tuple[list[float], list[float]]] = {}
        for q in ctx.quantities:
            end = _pair_end(ctx, q) if q.value else None
            if end is None or end.value is None or not q.value:
                continue
            shares, ratios = out.setdefault(ctx.sentence_of(q.token_start)[0], ([], []))
            shares.append(abs(end.value / q.value - 1) * 100)
            ratios.append(end.value / q.value)
        for shares, ratios in out.values():
            shares.sort()
            ratios.sort()
        ctx.annotations["pair-changes"] = out
    return ctx.annotations["pair-changes"]


def _pair_end(ctx: UnitContext, q: Quantity) -> Quantity | None:
    """The end value of a start-to-end pair q opens with 'to' ('2,000 to 2,800+'), or None."""
    if ctx.lower(q.token_end) not in _TO_WORDS:
        return None
    k = q.token_end + 1
    return next(
        (p for p in ctx.quantities_around(k, k) if p.token_start == k and p.kind == q.kind), None
    )


def _restated(ctx: UnitContext, rel: Quantity, sentence: tuple[int, int]) -> bool:
    """'Reduced CI build time from 1 hour 40 minutes to 58 minutes ... . This ensured ...,
    while reducing CI build time by 40%': a relative figure whose metric another sentence of
    the unit gives with its start and end values restates that change; its start is given."""
    by_end, paired = _restatable(ctx)
    own = None  # the last in category order, then text order, as a walk over them all finds
    for end in range(rel.token_start - _OWN_METRIC_GAP, rel.token_start + 1):
        for order, m, words in by_end.get(end, ()):
            if sentence[0] <= m.start and (own is None or order > own[0]):
                own = (order, m, words)
    if own is None:
        return False
    starts = paired.get(own[2])  # mentions of the same words whose sentence has a value pair
    return starts is not None and (starts[0] < sentence[0] or starts[-1] >= sentence[1])


def _restatable(
    ctx: UnitContext,
) -> tuple[dict[int, list[tuple[int, MetricMention, str]]], dict[str, list[int]]]:
    """Once per unit, for `_restated`: every metric mention by its end token (with its order
    over the categories and its lower-cased words), and, by words, the sorted starts of the
    mentions whose sentence holds a start-to-end value pair. A long text of many figures and
    mentions stays linear."""
    found = ctx.annotations.get("restatable")
    if found is not None:
        return found
    pair_sentences = set()
    for q in ctx.quantities:
        ss, se = ctx.sentence_of(q.token_start)
        if ss <= q.token_start < se and _value_pair(ctx, q):
            pair_sentences.add((ss, se))
    by_end: dict[int, list[tuple[int, MetricMention, str]]] = {}
    paired: dict[str, list[int]] = {}
    order = 0
    for cat in METRIC_CATEGORIES:
        for m in mentions(ctx, cat):
            words = ctx.doc[m.start : m.end].text.lower()
            by_end.setdefault(m.end, []).append((order, m, words))
            order += 1
            if ctx.sentence_of(m.start) in pair_sentences:
                paired.setdefault(words, []).append(m.start)
    for starts in paired.values():
        starts.sort()
    found = ctx.annotations["restatable"] = (by_end, paired)
    return found


def _value_pair(ctx: UnitContext, q: Quantity) -> bool:
    """q is a start value followed by 'to' and an end value of its kind ('40 minutes to 58
    minutes'), or one figure that holds both ('from 70K to 300K')."""
    if " to " in q.text.lower() or "→" in q.text:
        return True
    return _pair_end(ctx, q) is not None


def start_end_pair(ctx: UnitContext, q: Quantity) -> bool:
    """q opens a start-to-end pair of values ('from 2.6K to 2.7K', '1.1 → 7')."""
    return _value_pair(ctx, q) or _arrow_pair(ctx, q)


def _has_baseline(ctx: UnitContext, rel: Quantity) -> bool:
    lo, hi = _pairing_range(ctx, rel.token_start)
    seg_s, seg_e = _segment(ctx, rel.token_start)
    if any(
        not _frame_of_other(ctx, m, rel, (seg_s, seg_e))
        and not _cadence_of_record(ctx, m)
        and not (m.entry == "cadence-adverbs" and not _cadence_after(ctx, m, rel))
        for m in ctx.matches_starting("timeframe", lo, hi)
    ) or _period_phrase(ctx, lo, hi):
        return True
    if ctx.story is not None and _fronted_frame(ctx, lo):
        return True
    if _pair_in_parentheses(ctx, rel) or _absolute_in_parentheses(ctx, rel):
        return True
    if _appositive_after_pair(ctx, rel):
        return True
    if _values_after_colon(ctx, rel) or _label_period(ctx, rel):
        return True
    if _restated(ctx, rel, (lo, hi)) or _pair_computes(ctx, rel):
        return True
    for q in _baseline_candidates(ctx, lo, hi, rel):
        if q.token_start == rel.token_start and (
            ctx.lower(q.token_start - 1) == "to"
            or before_hedges(ctx, q.token_start) < q.token_start - 2
        ):
            continue  # "by up to 96%", "by more than 60%": the figure is not its own end value
        prev = _before_duration(ctx, q)
        if q.token_start == rel.token_start and prev in ctx.word_list("approximately"):
            prev = ctx.lower(before_hedges(ctx, q.token_start))  # "to roughly 80%"
        local = seg_s <= q.token_start < seg_e
        if q.measure and prev == "of" and _end_value_of(ctx, q):
            return True  # "by 67% reaching territory sales of $5.7 million"
        if q.measure and not local and _held_level_after(ctx, rel, q):
            continue  # "..., and maintained response latency under 2s": another's level
        period = q.kind == "duration" and (
            prev in ctx.word_list("duration-before") or not _change_between(ctx, rel, q)
        )
        if q.measure and not local and _restated_span(ctx, q, seg_e):
            return True
        if q.measure and not local and not period:
            continue  # "and cut lead time from 2 weeks to 5 days": another metric's values
        if q.measure and q.kind == "duration" and prev == "within":
            return True  # "by 22% within three months of the launch"
        if (
            q.measure
            and q.kind == "duration"
            and prev in ctx.word_list("duration-before")
            and ctx.lower(q.token_start - 1) in ctx.word_list("duration-ordinals")
        ):
            return True  # "in the first 3 months of launch": a stretch picked, not a scope
        if q.measure and ctx.lower(q.token_end) == "of":
            continue  # "to 100% of traffic" is a scope, not an end value
        cs, ce = ctx.clause_of(rel.token_start)
        if q.measure and cs <= q.token_start < ce and _arrow_pair(ctx, q):
            return True  # "(640ms → 370ms)", "Halved build times, 22 → 11 min"
        if q.measure and prev in ctx.word_list("baseline-before"):
            if prev != "of" or ctx.lower(q.token_start - 2) in ("baseline", "base", "instead"):
                return True

        if q.measure and q.kind == "duration" and prev in ctx.word_list("duration-before"):
            return True
        if q.measure and q.kind == "duration" and _span_of_trial(ctx, q):
            return True  # "by 31% through a 60-day proactive health-check program"
        if not q.measure and q.kind in ("year", "date"):
            return True
    return False


def _end_value_of(ctx: UnitContext, q: Quantity) -> bool:
    """'by 67% reaching territory sales of $5.7 million': a metric's value after 'of', the
    metric reached (`end-value-verbs` before it), is the change's end value."""
    for cat in ("product", "causal"):
        m = ctx.at(cat, q.token_start - 2)
        if m is not None and m.end == q.token_start - 1:
            verbs = ctx.word_list("end-value-verbs")
            for k in range(m.start - 1, max(-1, m.start - 4), -1):  # "reaching territory sales"
                if ctx.lower(k) in verbs:
                    return True
                if not ctx.doc[k].is_alpha:
                    return False
    return False


def _before_duration(ctx: UnitContext, q: Quantity) -> str:
    """The word before a number, lower case; for a duration, the preposition before the words
    of emphasis or the stretch picked ('in only five months', 'within the first 6 months',
    'over the past 2 years', 'over a period of two years' -> 'in', 'within', 'over')."""
    k = q.token_start - 1
    if q.kind == "duration":
        if ctx.lower(k) in ctx.word_list("duration-hedges"):
            k -= 1
        if (
            ctx.lower(k) == "of"
            and ctx.lower(k - 1) in ctx.word_list("duration-stretches")
            and ctx.lower(k - 2) in ("a", "the")
        ):
            k -= 3  # "over a period of two years", "over the course of 6 months"
        if ctx.lower(k) in ctx.word_list("duration-ordinals") and ctx.lower(k - 1) in (
            "the",
            "its",
            "their",
            "our",
            "my",
        ):
            k -= 2
    return ctx.lower(k)


def _baseline_candidates(ctx: UnitContext, lo: int, hi: int, rel: Quantity) -> list[Quantity]:
    """The numbers of tokens lo..hi-1 that the walk in `_has_baseline` must look at: the
    figures at the relative figure's own token, and every other number that one of the walk's
    `return True` branches can accept judged by the number alone (a year or date; a measure
    after a start word, 'within' or a duration word, beside an arrow, a trial's span, or after
    'from' in a story). Any other number only ever `continue`s, so skipping it changes nothing;
    the list is made once a unit and cut by bisection, so a sentence of thousands of figures
    ('3x 3x 3x ...') is linear, not quadratic."""
    found = ctx.annotations.get("baseline-candidates")
    if found is None:
        baseline = ctx.word_list("baseline-before")
        duration = ctx.word_list("duration-before")
        cands = []
        for q in ctx.numbers:
            prev = _before_duration(ctx, q)
            if not q.measure:
                keep = q.kind in ("year", "date")
            else:
                keep = (
                    (prev in baseline)
                    or _arrow_pair(ctx, q)
                    or (
                        q.kind == "duration"
                        and (prev == "within" or prev in duration or _span_of_trial(ctx, q))
                    )
                    or (
                        ctx.story is not None
                        and ctx.lower(before_hedges(ctx, q.token_start)) == "from"
                    )
                )
            if keep:
                cands.append(q)
        cands.sort(key=lambda q: q.token_start)
        starts = [q.token_start for q in cands]
        found = ctx.annotations["baseline-candidates"] = (starts, cands, {id(q) for q in cands})
    starts, cands, ids = found
    window = cands[bisect_left(starts, lo) : bisect_left(starts, hi)]
    own = [
        q
        for q in _number_edges(ctx)[0].get(rel.token_start, ())
        if lo <= q.token_start < hi and id(q) not in ids
    ]
    return window + own
