"""The check behind each rule code: a pure function of a `UnitContext` returning hits.

Each check is registered under its RULES.md code with `@check(code)`. A hit carries the span
(unit-relative character offsets) and the named fields its rule's message and rewrite use.
The severity, message, kinds and examples live in `lexicons/rules/<code>.toml`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starkit.quantities import Quantity
from starkit.rules.context import Match, UnitContext
from starkit.rules.placeholders import placeholder_patterns


@dataclass(frozen=True)
class Hit:
    """A rule firing: unit-relative character span plus fields for the message and rewrite."""

    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)


Check = Callable[[UnitContext], list[Hit]]
CHECKS: dict[str, Check] = {}


def check(code: str) -> Callable[[Check], Check]:
    """Register the check for a rule code."""

    def deco(fn: Check) -> Check:
        CHECKS[code] = fn
        return fn

    return deco


# ---------------------------------------------------------------------------------------
# shared predicates
# ---------------------------------------------------------------------------------------
_SKIP_LEAD = {"i", "we", "also", "then", "and", "successfully", "actively", "directly",
              "closely", "personally", "jointly", "initially", "later", "-", "*", "•", "(", "“",
              '"', "'", "have", "had", "has"}  # fmt: skip
# Words that may follow a metric noun when it is the thing measured, not a noun modifier.
_METRIC_FOLLOWERS = {
    "by", "from", "to", "in", "of", "and", "or", "up", "down", "per", "across", "over",
    "within", "for", "on", "with", "at", "while", "after", "since", "during", "last", "this",
    "each", "a", "an", "the", "through", "via", "among", "than", "vs", "vs.", "versus", "as",
    "that", "which", "who", "when", "without", "despite", "but", "yet", "into", "year", "month",
    "week", "quarter", "day", "yoy", "mom", "qoq", "wow", "more", "beyond", "above",
    "below", "under", "rose", "grew", "increased", "doubled", "tripled", "jumped", "climbed",
    "improved", "went", "were", "was", "is", "are", "rate", "rates", "growth", "lift", "uplift",
    "increase", "gain", "gains", "count", "counts", "numbers", "volume", "metrics", "totals",
}  # fmt: skip
_MODIFIED_BY_NOT_PRODUCT = {
    "stakeholder", "stakeholders", "team", "employee", "employees", "staff", "executive",
    "leadership", "partner", "internal", "cross-functional", "memory", "cpu", "disk",
    "resource", "storage", "bandwidth", "compute", "power", "energy", "water", "paper", "cloud",
    "network", "bot", "spam", "fraudulent", "fake", "board", "crew", "committee", "faculty",
    "api", "server", "database", "db", "gpu", "token", "license", "licence", "seat",
}  # fmt: skip


def _metric_is_head(ctx: UnitContext, m: Match) -> bool:
    """True when the metric words are the thing measured ('grew downloads 40%'), not a noun
    modifier ('built a downloads page', 'sales team', 'user research')."""
    nxt = ctx.doc[m.end] if m.end < len(ctx.doc) else None
    if nxt is None or not nxt.is_alpha:
        return True
    low = nxt.lower_
    if low in _METRIC_FOLLOWERS or low.endswith("ly"):
        return True
    if any(q.token_start == m.end for q in ctx.quantities):
        return True
    return bool(ctx.at("change", m.end) or ctx.at("hold", m.end))


def _modifier_before(ctx: UnitContext, m: Match) -> bool:
    """A word before the metric that makes it something else ('stakeholder engagement',
    'memory usage'), or a share of it ('100% of traffic' describes a rollout's scope)."""
    prev = ctx.lower(m.start - 1)
    if prev in _MODIFIED_BY_NOT_PRODUCT:
        return True
    for k in range(m.start - 1, max(-1, m.start - 4), -1):
        if ctx.lower(k) == "of":
            return any(q.token_end == k for q in ctx.quantities)
        if not ctx.doc[k].is_alpha:
            break
    return False


def _in_parentheses(ctx: UnitContext, i: int) -> bool:
    """True when token i sits inside an open '(' of its clause."""
    depth = 0
    cs, _ = ctx.clause_of(i)
    for k in range(cs, i):
        if ctx.doc[k].text == "(":
            depth += 1
        elif ctx.doc[k].text == ")":
            depth = max(0, depth - 1)
    return depth > 0


_SUBORDINATORS = {"while", "whereas", "although", "though", "as", "because", "since", "when"}


def _subordinate(ctx: UnitContext, m: Match) -> bool:
    """True when the metric sits in a 'while ...' / 'as ...' clause that frames the result
    rather than being it ('our cloud bill grew 70% while traffic grew only 20%')."""
    cs, _ = ctx.clause_of(m.start)
    for k in range(m.start - 1, max(cs, m.start - 5) - 1, -1):
        low = ctx.lower(k)
        if low in _SUBORDINATORS and k > cs:
            return True
        if low == "," or ctx.at("change", k):
            return False
    return False


def _governing_change(ctx: UnitContext, m: Match, back: int = 8) -> Match | None:
    """The nearest change word before the metric in the same clause, else one right after it
    ('sign-ups grew 3x', 'conversion up 12%')."""
    cs, ce = ctx.clause_of(m.start)
    best = None
    for c in ctx.matches("change"):
        if ctx.lower(c.start - 1) == "to" and not ctx.quantities_before(c.start):
            continue  # "redesigned the flow to improve activation": an aim, not a result
        if cs <= c.start < m.start and m.start - c.end <= back:
            best = c
    if best is not None and not _blocked(ctx, best, m):
        return best
    for c in ctx.matches("change"):
        if m.end <= c.start < min(ce, m.end + 3):
            after = ctx.doc[c.end] if c.end < len(ctx.doc) else None
            transitive = (
                after is not None
                and after.is_alpha
                and after.lower_ not in _INTRANSITIVE_NEXT
                and not after.lower_.endswith("ly")
            )
            if not transitive:
                return c
    return None


_INTRANSITIVE_NEXT = {
    "by", "from", "to", "in", "over", "after", "within", "during", "across", "since", "for",
    "and", "while", "with", "at", "on", "per", "than", "yoy", "mom", "qoq", "year", "month",
    "week", "quarter", "percent", "times", "fold", "x",
}  # fmt: skip


_BLOCKING = {
    "for", "with", "across", "to", "through", "on", "at", "among", "via", "from", "into",
    "onto", "using", "without", "and", "or", "while", "after", "before", "as", "which", "that",
    "who", "when", "where", "because", "so", "but", "than", ",",
}  # fmt: skip
_CHANGE_NOUN_PREPS = {"in", "of", "by", "across"}


def _blocked(ctx: UnitContext, change: Match, m: Match) -> bool:
    """True when a preposition or conjunction between the change word and the metric shows
    the change aims elsewhere ('improved onboarding for enterprise customers')."""
    in_qty = {k for q in ctx.quantities for k in range(q.token_start, q.token_end)}
    in_qty |= ctx.slot_tokens
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
        if low == "to" and (k + 1 in in_qty):
            continue  # "grew it to 25k followers"
        if low in _BLOCKING:
            return True
        if low in _CHANGE_NOUN_PREPS and k != change.end and not ctx.at("change", k - 1):
            if not any(q.token_start <= k - 1 < q.token_end for q in ctx.quantities):
                return True
    return False


def _adjacent_quantity(
    ctx: UnitContext, m: Match, before: int = 2, after: int = 3
) -> Quantity | None:
    for q in ctx.quantities:
        if m.start - before <= q.token_end <= m.start or m.end <= q.token_start <= m.end + after:
            return q
    return None


def _scale_described(ctx: UnitContext, m: Match, q: Quantity | None) -> bool:
    """'serving 1M+ daily users', 'a platform with 50k followers': the figure describes size."""
    anchor = min(m.start, q.token_start) if q is not None else m.start
    cs, _ = ctx.clause_of(anchor)
    for k in range(anchor - 1, max(cs, anchor - 4) - 1, -1):
        glued = ctx.lower(k - 1) == "-" or ctx.lower(k + 1) == "-"
        if ctx.at("scale", k) and not ctx.at("change", k) and not glued:
            return True
        if ctx.at("change", k):
            return False
    if ctx.lower(anchor - 1) == "with":
        for k in range(anchor - 2, max(cs, anchor - 6) - 1, -1):
            if ctx.lower(k) in ("a", "an"):
                return True  # "a mobile RPG with 2.1M MAU"
            if ctx.at("change", k) or not ctx.doc[k].is_alpha:
                break
    return False


def states_work(ctx: UnitContext) -> bool:
    """True when the unit claims work or impact (an action, weak or change verb, or a verb-like
    first word), not a heading, a skills list or a contact line."""
    if any(ctx.has(c) for c in ("action", "weak", "change", "trigger")):
        return True
    words = [t for t in ctx.doc if t.is_alpha]
    if not words:
        return False
    first = words[0].lower_
    return len(first) > 4 and first.endswith(("ed", "ing")) and len(words) >= 3


# ---------------------------------------------------------------------------------------
# core rules
# ---------------------------------------------------------------------------------------
@check("no-quantification")
def no_quantification(ctx: UnitContext) -> list[Hit]:
    """No count, percentage, money, duration, rate, ratio, size or rank in a unit that claims
    work or impact."""
    if ctx.quantities or not states_work(ctx):
        return []
    s, e = ctx.whole()
    return [Hit(s, e)]


@check("vanity-metric")
def vanity_metric(ctx: UnitContext, require_no_causal: bool = True) -> list[Hit]:
    """A vanity figure is the outcome and no causal metric sits beside it."""
    if require_no_causal and ctx.has("causal"):
        return []
    for m in ctx.matches("vanity"):
        if m.entry == "stars" and "github" not in ctx.doc.text.lower():
            continue  # "rated 4.8 stars" is a rating, not a repository's stars
        if m.entry == "stars" or (m.entry == "reach" and ctx.lower(m.start) == "reach"):
            if m.entry == "reach" and ctx.lower(m.start - 1) not in (
                "organic", "social", "brand", "audience", "total", "campaign", "post", "paid",
                "our", "its", "their", "overall", "expanded", "increased", "grew", "boosted",
                "doubled", "tripled", "extended", "broadened", "widened", "global", "media",
            ):  # fmt: skip
                continue
        if not _metric_is_head(ctx, m) or _modifier_before(ctx, m) or _subordinate(ctx, m):
            continue
        change = _governing_change(ctx, m)
        q = _adjacent_quantity(ctx, m)
        if change is not None and change.entry == "down":
            continue
        if change is None and q is None:
            continue
        if change is None and _scale_described(ctx, m, q):
            continue
        if change is None and q is not None and _in_parentheses(ctx, q.token_start):
            continue  # "the SDK (6.5k GitHub stars, 140 contributors)" describes the SDK
        if change is not None and q is not None and _scale_described(ctx, m, q):
            # "grew a platform serving 1M users": the change is not to the vanity figure
            if not (change.start > (q.token_start if q else m.start)):
                continue
        s, e = ctx.chars(m.start, m.end)
        return [Hit(s, e, {"term": ctx.text[s:e], "entry": m.entry})]
    return []


def _moved_product_metric(ctx: UnitContext) -> Match | None:
    """The first product or business metric the unit says was moved (not merely named)."""
    for m in ctx.matches("product"):
        if _modifier_before(ctx, m) or not _metric_is_head(ctx, m):
            continue
        if ctx.covered_by("efficiency", m.start, m.end) and not ctx.covered_by(
            "causal", m.start, m.end
        ):
            continue
        change = _governing_change(ctx, m)
        q = _adjacent_quantity(ctx, m)
        if change is not None:
            # the change word must aim at this metric, not at an efficiency one between them
            between = [e for e in ctx.matches("efficiency") if change.end <= e.start < m.start]
            if between and change.start < m.start:
                continue
            if q is not None and _scale_described(ctx, m, q) and change.start < q.token_start - 3:
                continue
            return m
        ss, se = ctx.sentence_of(m.start)
        trigger_here = any(ss <= t.start < se for t in ctx.matches("trigger"))
        if q is None and trigger_here:
            # "conversion in the test group was 3.6%, against 3.1% in control"
            q = _adjacent_quantity(ctx, m, before=0, after=6)
        if q is not None and not _scale_described(ctx, m, q):
            signed = q.kind == "percent" and q.text[:1] in "+-−"
            if q.kind == "multiplier" or signed:
                return m  # "conversion ×1.4", "+6.8% orders per session"
            if trigger_here and q.kind == "percent":
                return m
    return None


_METRIC_CATS = ("guardrail", "product", "causal", "efficiency", "vanity")


def _near_metric(ctx: UnitContext, g: Match, window: int = 4) -> bool:
    return any(
        g.start - window <= m.end and m.start <= g.end + window
        for cat in _METRIC_CATS
        for m in ctx.matches(cat)
    )


def _names_guardrail(ctx: UnitContext) -> bool:
    """A guardrail or hold phrase is named (in a story: outside the Situation). A one-word
    hold term ('held', 'steady', 'monitoring') counts only beside a metric: 'held a
    workshop' names no guardrail, 'retention held' does."""
    sit = ctx.story.section("situation") if ctx.story is not None else None
    for cat in ("guardrail", "hold"):
        for g in ctx.matches(cat):
            start = ctx.doc[g.start].idx
            if sit is not None and sit.start <= start < sit.end:
                continue
            if cat == "hold" and g.end - g.start == 1 and not _near_metric(ctx, g):
                continue
            return True
    return False


@check("missing-guardrail")
def missing_guardrail(ctx: UnitContext) -> list[Hit]:
    """A product or business metric moved and no guardrail or counter-metric is named."""
    if _names_guardrail(ctx):
        return []
    m = _moved_product_metric(ctx)
    if m is None:
        # a vanity figure reported as an outcome is itself a moved product metric
        vanity = vanity_metric(ctx, require_no_causal=False)
        if vanity:
            h = vanity[0]
            return [Hit(h.start, h.end, {"metric": h.fields["term"], "entry": "traffic"})]
        return []
    s, e = ctx.chars(m.start, m.end)
    return [Hit(s, e, {"metric": ctx.text[s:e], "entry": m.entry})]


_WEAK_NOUN_AFTER = {"desk", "center", "centre", "page", "pages", "docs", "documentation",
                    "article", "articles", "text", "menu", "line", "button", "section"}  # fmt: skip


def _clause_starts(ctx: UnitContext) -> set[int]:
    """Token indices that open a clause (once per unit: `UnitContext.clause_starts`)."""
    if "clause_starts" not in ctx.memo:
        ctx.memo["clause_starts"] = set(ctx.clause_starts)
    return ctx.memo["clause_starts"]


_LEAD_LOOKBACK = 12  # subject and adverbs before a verb: "I then also quickly helped" is 4


def _lead_position(ctx: UnitContext, i: int) -> bool:
    """True when token i opens its sentence or clause, after an optional subject or adverb
    (at most `_LEAD_LOOKBACK` of them, which bounds the walk on a run of adverbs)."""
    starts = _clause_starts(ctx)
    k = i - 1
    while (
        k >= 0
        and k >= i - _LEAD_LOOKBACK
        and k + 1 not in starts
        and (ctx.lower(k) in _SKIP_LEAD or ctx.lower(k).endswith("ly") or ctx.doc[k].is_space)
    ):
        k -= 1
    return k + 1 in starts


_AUX = {"was", "were", "am", "is", "are", "had", "have", "has", "been", "be", "did", "do"}


def _strong_verb_before(ctx: UnitContext, m: Match) -> bool:
    """True when a verb earlier in the sentence carries the achievement: an action verb from
    the lexicon, or the word after 'I'/'we' ('I picked two teams and helped them')."""
    starts = ctx.clause_starts
    s = starts[bisect_right(starts, m.start) - 1]
    # whether each token carries a verb depends on the token alone: prefix counts made once
    # per unit answer "any such token in [s, m.start)" in O(1) (a scan per match was quadratic)
    if "strong_verb_prefix" not in ctx.memo:
        prefix = [0]
        for k in range(len(ctx.doc)):
            prefix.append(prefix[-1] + _carries_verb(ctx, k))
        ctx.memo["strong_verb_prefix"] = prefix
    prefix = ctx.memo["strong_verb_prefix"]
    return prefix[m.start] - prefix[s] > 0


def _carries_verb(ctx: UnitContext, k: int) -> bool:
    if ctx.at("weak", k):
        return False
    a = ctx.at("action", k)
    if a is not None and a.entry != "state-phrase":
        return True
    return ctx.lower(k - 1) in ("i", "we") and ctx.doc[k].is_alpha and ctx.lower(k) not in _AUX


def _noun_use(ctx: UnitContext, m: Match) -> bool:
    """'offered migration help', 'with the help of': a one-word weak verb used as a noun."""
    if m.end - m.start != 1:
        return False
    prev = ctx.doc[m.start - 1] if m.start > 0 else None
    if prev is None:
        return False
    low = prev.lower_
    if low in (
        "the",
        "a",
        "an",
        "some",
        "any",
        "no",
        "more",
        "extra",
        "of",
        "for",
        "with",
        "our",
        "my",
        "their",
        "your",
        "his",
        "her",
        "its",
    ):
        return True
    nxt = ctx.lower(m.end)
    return (
        prev.is_alpha
        and low not in ("i", "we", "and", "also", "to", "then", "or", "but")
        and (nxt in ("", ".", ",", ";", "from", "to", "with", "for"))
        and not _lead_position(ctx, m.start)
    )


@check("weak-verb")
def weak_verb(ctx: UnitContext) -> list[Hit]:
    """A weak or passive phrase carries the achievement (it opens the bullet or sentence)."""
    hits = []
    for m in ctx.matches("weak"):
        before = ctx.doc[m.start - 1].text if m.start > 0 else ""
        after = ctx.doc[m.end] if m.end < len(ctx.doc) else None
        if before == "-" or (after is not None and after.text == "-"):
            continue  # self-help, help-desk
        if after is not None and (
            after.lower_ in _WEAK_NOUN_AFTER
            or (after.is_title and m.end - m.start == 1 and ctx.doc[m.start].is_title)
        ):
            continue
        if _noun_use(ctx, m):
            continue
        if not _lead_position(ctx, m.start) and _strong_verb_before(ctx, m):
            continue  # "Led the migration, which helped cut costs": incidental
        s, e = ctx.chars(m.start, m.end)
        hits.append(Hit(s, e, {"phrase": ctx.text[s:e], "entry": m.entry}))
    return hits


@check("vague-language")
def vague_language(ctx: UnitContext) -> list[Hit]:
    """An unmeasured intensifier or hedge stands where a figure belongs."""
    hits = []
    for m in ctx.matches("vague"):
        tok = ctx.doc[m.start]
        s, e = ctx.chars(m.start, m.end)
        if ctx.in_quotes(s):
            continue
        if m.entry == "vague-count" and any(q.token_end == m.start for q in ctx.numbers):
            continue  # "40 tons of CO2" is a measure, not a hedge
        nxt = ctx.doc[m.end] if m.end < len(ctx.doc) else None
        at_start = m.start == 0 or _lead_position(ctx, m.start)
        if tok.is_title and not at_start:
            continue  # part of a name: "Massive Attack", "Various Artists"
        if tok.is_title and nxt is not None and nxt.is_title:
            continue
        hits.append(Hit(s, e, {"word": ctx.text[s:e], "entry": m.entry}))
    return hits


@check("unfilled-placeholder")
def unfilled_placeholder(ctx: UnitContext) -> list[Hit]:
    """A template slot is left in the text."""
    hits: list[Hit] = []
    text = ctx.doc.text
    # kept hits never overlap, so sorted by start their ends are sorted too: an overlap test is
    # a binary search (a scan of every hit made this quadratic in the number of slots)
    starts: list[int] = []
    ends: list[int] = []
    for pid, rx in placeholder_patterns():
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            seg = text[s:e]
            s += len(seg) - len(seg.lstrip())
            e -= len(seg) - len(seg.rstrip())
            k = bisect_left(starts, e)
            if e <= s or (k > 0 and ends[k - 1] > s):
                continue
            starts.insert(k, s)
            ends.insert(k, e)
            hits.append(Hit(s, e, {"slot": ctx.text[s:e], "entry": pid}))
    hits.sort(key=lambda h: h.start)
    return hits


_CHANGE_AFTER = {"increase", "decrease", "reduction", "improvement", "lift", "uplift", "growth",
                 "gain", "boost", "drop", "decline", "jump", "rise", "faster", "slower", "fewer",
                 "more", "less", "higher", "lower", "cheaper", "better", "savings", "cut", "off",
                 "up", "down", "increases", "decreases", "reductions", "improvements", "quicker",
                 "shorter", "smaller", "larger", "bigger", "greater", "spike", "surge", "dip",
                 "fall"}  # fmt: skip


def _relative_figures(ctx: UnitContext) -> list[Quantity]:
    out = []
    for q in ctx.quantities:
        prev = ctx.lower(q.token_start - 1)
        nxt = ctx.lower(q.token_end)
        if q.kind == "multiplier":
            if nxt in ("a", "per", "each", "every", "of") or prev in ("at", "to"):
                continue  # "twice a week" is a rate, "a third of" a share
            out.append(q)
        elif q.kind == "percent":
            if q.unit.lower() in _ABSOLUTE_POINTS or nxt in _ABSOLUTE_POINTS:
                continue  # "up 6 pts" is an absolute change
            if nxt == "of" or prev in (
                "to",
                "at",
                "reached",
                "hit",
                "achieved",
                "with",
                "top",
                "of",
                "maintained",
                "sustained",
                "above",
                "below",
                "under",
                "over",
            ):
                continue
            signed = q.text[:1] in "+-−"
            by = prev == "by"
            cs, _ = ctx.clause_of(q.token_start)
            change_before = any(
                ctx.at("change", k) for k in range(max(cs, q.token_start - 8), q.token_start)
            )
            change_after = nxt in _CHANGE_AFTER and not any(
                ctx.covered_by(c, q.token_end, q.token_end + 1)
                for c in ("product", "causal", "vanity", "efficiency", "guardrail")
            )
            if signed or by or change_before or change_after:
                out.append(q)
    return out


_ABSOLUTE_POINTS = {"pp", "pts", "points", "bps", "basis points", "percentage points", "point"}
_SEGMENT_BREAKS = {"and", "while", ",", "but", "whereas", "plus"}


def _segment(ctx: UnitContext, i: int) -> tuple[int, int]:
    """The clause of token i, cut further at 'and', 'while' and commas, so that each metric's
    from-to values stay with it ('installs up 65% and retention from 11% to 16%')."""
    cs, ce = ctx.clause_of(i)
    s = i
    while s > cs and ctx.lower(s - 1) not in _SEGMENT_BREAKS:
        s -= 1
    e = i
    while e < ce and ctx.lower(e) not in _SEGMENT_BREAKS:
        e += 1
    return s, e


_PERIOD_NOUNS = {"week", "month", "quarter", "year", "day", "sprint", "half", "season", "window"}


def _period_phrase(ctx: UnitContext) -> bool:
    """'in event week', 'during launch month', 'over the holiday season': a named period."""
    for t in ctx.doc:
        if t.lower_ in _PERIOD_NOUNS:
            for k in range(t.i - 1, max(-1, t.i - 4), -1):
                if ctx.lower(k) in ("in", "during", "over", "within", "across", "throughout"):
                    return True
                if not ctx.doc[k].is_alpha:
                    break
    return False


def _has_baseline(ctx: UnitContext, rel: Quantity) -> bool:
    if ctx.has("timeframe") or _period_phrase(ctx):
        return True
    seg_s, seg_e = _segment(ctx, rel.token_start)
    for q in ctx.numbers:
        prev = ctx.lower(q.token_start - 1)
        local = seg_s <= q.token_start < seg_e
        if q.measure and not local and q.kind != "duration":
            continue
        if q.measure and ctx.lower(q.token_end) == "of":
            continue  # "to 100% of traffic" is a scope, not an end value
        nxt = ctx.lower(q.token_end)
        cs, ce = ctx.clause_of(rel.token_start)
        if q.measure and cs <= q.token_start < ce and ("→" in (prev, nxt) or "->" in (prev, nxt)):
            return True  # "(640ms → 370ms)", "Halved build times, 22 → 11 min"
        if q.measure and prev in ("from", "to", "vs", "vs.", "versus", "than", "baseline", "of"):
            if prev != "of" or ctx.lower(q.token_start - 2) in ("baseline", "base"):
                return True
        if (
            q.measure
            and q.kind == "duration"
            and prev in ("in", "over", "within", "across", "during", "after", "inside", "under")
        ):
            return True
        if not q.measure and q.kind in ("year", "date"):
            return True
    return False


@check("missing-baseline")
def missing_baseline(ctx: UnitContext) -> list[Hit]:
    """A change given only as a relative figure, with no starting value or time frame."""
    for q in _relative_figures(ctx):
        if not _has_baseline(ctx, q):
            return [Hit(q.start, q.end, {"figure": ctx.text[q.start : q.end]})]
    return []


# ---------------------------------------------------------------------------------------
# email rules
# ---------------------------------------------------------------------------------------
_FIRST_PERSON = {
    "i",
    "my",
    "me",
    "we",
    "our",
    "us",
    "i've",
    "i'm",
    "i'd",
    "myself",
    "ourselves",
    "mine",
}
_OWNABLE = {"percent", "money", "multiplier", "ratio", "rank", "size", "rate", "count"}


@check("email-no-metric")
def email_no_metric(ctx: UnitContext) -> list[Hit]:
    """The email reinforces no quantified result the candidate can own."""
    # what each sentence gives is computed once: many figures in one long sentence stay linear
    seen: dict[tuple[int, int], tuple[str, int, bool, list[int], bool]] = {}
    for q in ctx.quantities:
        ts, te = ctx.sentence_of(q.token_start)
        if (ts, te) not in seen:
            sent = ctx.doc[ts:te]
            sentence = sent.text.lower()
            words = set(re.findall(r"[a-z']+", sentence))
            seen[ts, te] = (
                sentence,
                sent.start_char,
                bool(words & _FIRST_PERSON),
                _clause_bounds(sentence),
                ctx.covered_by("change", ts, te),
            )
        sentence, start_char, first_person, bounds, has_change = seen[ts, te]
        clause = _clause_around(sentence, q.start - start_char, bounds)
        if not first_person or re.search(r"\b(?:your|you|you're|yours)\b", clause):
            continue
        if q.kind in _OWNABLE and not (q.kind == "count" and (q.value or 0) < 2):
            return []
        if q.kind == "duration" and ctx.lower(q.token_start - 1) in ("from", "to"):
            return []  # "took bulk listing from 4 days to 6 hours"
        if q.kind == "duration" and has_change:
            return []
    s, e = ctx.whole()
    return [Hit(s, e)]


def _clause_bounds(sentence: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer(r",|;|\band\b|\bbut\b", sentence)), len(sentence)]


def _clause_around(sentence: str, pos: int, bounds: list[int] | None = None) -> str:
    """The comma/'and'-delimited clause of a sentence that holds position `pos`."""
    bounds = bounds if bounds is not None else _clause_bounds(sentence)
    k = bisect_right(bounds, pos) - 1
    if 0 <= k < len(bounds) - 1 and bounds[k] <= pos < bounds[k + 1]:
        return sentence[bounds[k] : bounds[k + 1]]
    return sentence


EMAIL_MAX_WORDS = 200


@check("email-length")
def email_length(ctx: UnitContext) -> list[Hit]:
    """Over 200 words: a thank-you note should be read in under a minute."""
    n = ctx.words()
    if n <= EMAIL_MAX_WORDS:
        return []
    s, e = ctx.whole()
    return [Hit(s, e, {"words": n, "limit": EMAIL_MAX_WORDS})]


# ---------------------------------------------------------------------------------------
# story rules
# ---------------------------------------------------------------------------------------
SPOKEN_WPM = 150
STORY_MIN_WORDS, STORY_MAX_WORDS = 300, 600
_WE = re.compile(r"\b(?:we|our|ours|us|ourselves|we're|we've|we'd|we'll)\b", re.IGNORECASE)
_I = re.compile(r"\b(?:i|my|me|mine|myself|i'm|i've|i'd|i'll)\b", re.IGNORECASE)


def spoken_time(words: int) -> str:
    """'2 min 40 s': how long `words` take to say at 150 words a minute."""
    seconds = round(words * 60 / SPOKEN_WPM)
    return f"{seconds // 60} min {seconds % 60:02d} s"


def _section_span(ctx: UnitContext, name: str) -> tuple[int, int] | None:
    sec = ctx.story.section(name) if ctx.story else None
    return (sec.start, sec.end) if sec else None


@check("star-missing-section")
def star_missing_section(ctx: UnitContext) -> list[Hit]:
    """Situation, Task, Action or Result cannot be found."""
    if ctx.story is None:
        return []
    present = {s.name for s in ctx.story.sections}
    missing = [n for n in ("situation", "task", "action", "result") if n not in present]
    if not missing:
        return []
    s, e = ctx.whole()
    names = ", ".join(n.capitalize() for n in missing)
    return [Hit(s, e, {"missing": names, "sections": missing})]


@check("result-unquantified")
def result_unquantified(ctx: UnitContext) -> list[Hit]:
    """The Result section holds no measuring quantity."""
    span = _section_span(ctx, "result")
    if span is None:
        return []
    if any(span[0] <= q.start < span[1] for q in ctx.quantities):
        return []
    return [Hit(span[0], span[1], {"result": ctx.text[span[0] : span[1]]})]


@check("we-not-i")
def we_not_i(ctx: UnitContext) -> list[Hit]:
    """In the Action section "we" outnumbers "I"."""
    span = _section_span(ctx, "action")
    if span is None:
        return []
    action = ctx.doc.text[span[0] : span[1]]
    we, i = len(_WE.findall(action)), len(_I.findall(action))
    if we <= i:
        return []
    return [Hit(span[0], span[1], {"we": we, "i": i})]


@check("answer-length")
def answer_length(ctx: UnitContext) -> list[Hit]:
    """Spoken at 150 words a minute the story runs under 2 or over 4 minutes."""
    n = ctx.words()
    if STORY_MIN_WORDS <= n <= STORY_MAX_WORDS:
        return []
    s, e = ctx.whole()
    side = "short" if n < STORY_MIN_WORDS else "long"
    return [Hit(s, e, {"words": n, "time": spoken_time(n), "side": side})]
