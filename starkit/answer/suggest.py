"""Suggestions for the `answer-*` codes, built from the answer's own metrics and the metric
taxonomy (`lexicons/metrics/taxonomy.toml`: the usual guardrail for the topic).

Every figure is a `<slot>`: a suggestion never invents a number. Where a sentence can be added
(a goal, a guardrail, a decision rule...) the rewrite is the answer with that sentence in
place, so a rewrite pasted back unchanged is caught by `unfilled-placeholder`.
"""

from __future__ import annotations

from starkit.answer.outline import AnswerFacts, Mention
from starkit.rewrite import Metric, metric_for, taxonomy
from starkit.rules.context import UnitContext
from starkit.rules.registry import Hit, rewriter


def _facts(ctx: UnitContext) -> AnswerFacts | None:
    return ctx.answer


def _taxonomy_metric(m: Mention | None, text: str) -> Metric:
    """The taxonomy metric named by a mention, else the one whose topics fit the answer."""
    if m is not None:
        low = m.text.lower()
        for t in taxonomy():
            if t.id == low or t.name.lower() == low or t.id in low or low in t.name.lower():
                return t
        return metric_for(m.text + " " + text, long_text=False)
    return metric_for(text, long_text=False)


def _primary_name(facts: AnswerFacts | None, ctx: UnitContext) -> str:
    if facts is not None and facts.qtype == "tradeoff" and facts.question_metrics:
        return facts.question_metrics[0]  # the metric the change lifts
    if facts is not None and facts.primary is not None:
        return facts.primary.text
    if facts is not None:
        causal = [m for m in facts.distinct_metrics() if not m.vanity]
        if causal:
            return causal[0].text
    return metric_for(ctx.text, long_text=False).name


def _guardrail_name(facts: AnswerFacts | None, ctx: UnitContext) -> str:
    if facts is not None and facts.qtype == "tradeoff" and len(facts.question_metrics) > 1:
        return facts.question_metrics[1]  # the metric the change costs
    primary = facts.primary if facts is not None else None
    if primary is None and facts is not None and facts.metrics:
        primary = next((m for m in facts.metrics if not m.vanity), facts.metrics[0])
    return _taxonomy_metric(primary, ctx.text).guardrail


def _append(ctx: UnitContext, sentence: str) -> str:
    body = ctx.text.rstrip()
    if body and body[-1] not in ".!?":
        body += "."
    return f"{body} {sentence}"


def _prepend(ctx: UnitContext, sentence: str) -> str:
    return f"{sentence} {ctx.text.lstrip()}"


@rewriter("answer-no-goal")
def _no_goal(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    primary = _primary_name(_facts(ctx), ctx)
    sentence = f"<Product> exists to help <users> <do what>, so success means more <{primary}>."
    return f"Open with what it is for, before any metric: '{sentence}'", _prepend(ctx, sentence)


@rewriter("answer-no-primary-metric")
def _no_primary(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    facts = _facts(ctx)
    name = _primary_name(facts, ctx)
    sentence = f"I would judge it by <{name}>: it is the one metric that says users got value."
    listed = [m.text for m in facts.distinct_metrics()] if facts is not None else []
    pick = f" Pick one of yours ({', '.join(listed[:4])}) or" if listed else ""
    return f"Name the one metric that decides.{pick} say: '{sentence}'", _append(ctx, sentence)


@rewriter("answer-vanity-primary")
def _vanity_primary(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    term = hit.fields.get("metric", "that count")
    m = _taxonomy_metric(None, ctx.text)
    causal = m.name if m.family == "business" and m.id not in {"adoption"} else "week-4 retention"
    sentence = (
        f"My primary metric is <{causal}> of new users; {term} is an input that feeds it, "
        f"not the goal."
    )
    return (
        f"Make a causal metric primary and keep {term} as an input: '{sentence}'",
        _append(ctx, sentence),
    )


@rewriter("answer-no-input-metrics")
def _no_inputs(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    primary = hit.fields.get("metric") or _primary_name(_facts(ctx), ctx)
    sentence = f"<{primary}> is driven by <input metric> (activation -> <{primary}>)."
    return f"Narrate the causal chain: '{sentence}'", _append(ctx, sentence)


@rewriter("answer-no-guardrail")
def _no_guardrail(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    facts = _facts(ctx)
    guard = _guardrail_name(facts, ctx)
    primary = _primary_name(facts, ctx)
    sentence = f"As a guardrail I'd watch <{guard}>: <{primary}> must not grow at its expense."
    return (
        f"Name what must not get worse; for this topic the usual guardrail is {guard}: '{sentence}'"
    ), _append(ctx, sentence)


@rewriter("answer-no-threshold")
def _no_threshold(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    facts = _facts(ctx)
    guard = _guardrail_name(facts, ctx)
    primary = _primary_name(facts, ctx)
    sentence = (
        f"If <{guard}> moves more than <threshold> against the control over <period>, I roll "
        f"back; if <{primary}> rises at least <threshold>, I ship."
    )
    return f"Give one decision rule with a figure: '{sentence}'", _append(ctx, sentence)


@rewriter("answer-no-tradeoff")
def _no_tradeoff(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    facts = _facts(ctx)
    guard = _guardrail_name(facts, ctx)
    primary = _primary_name(facts, ctx)
    sentence = (
        f"The trade-off is <{guard}>: I'd accept <how much> worse <{guard}> for <how much> more "
        f"<{primary}>, because <reason>."
    )
    return f"Own the trade-off: '{sentence}'", _append(ctx, sentence)


@rewriter("answer-metric-list")
def _metric_list(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    listed = str(hit.fields.get("metrics", "")).split(", ")
    first = listed[0] if listed and listed[0] else "<metric>"
    return (
        f"Tie each metric to what it shows or decides, e.g. '{first} tells me <what>; "
        f"if it <moves how>, I <decide what>.' Drop the ones that decide nothing."
    ), ""


@rewriter("answer-one-family")
def _one_family(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    family = str(hit.fields.get("family", ""))
    wanted = [m for m in taxonomy() if m.family != family and m.family in ("program", "business")]
    wanted += [m for m in taxonomy() if m.family != family and m.family == "engineering"]
    picks = []
    for fam in ("engineering", "program", "business"):
        if fam != family:
            m = next((t for t in wanted if t.family == fam), None)
            if m is not None:
                picks.append(f"<{m.name}> ({fam})")
    sentence = "I'd also track " + " and ".join(picks) + "."
    return f"Cover more than {family} metrics: '{sentence}'", _append(ctx, sentence)


@rewriter("answer-no-segmentation")
def _no_segmentation(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    sentence = (
        "First I'd cut the drop by platform, app version, region and new vs returning users "
        "to see where it sits."
    )
    return f"Isolate the drop before theorising: '{sentence}'", _append(ctx, sentence)


@rewriter("answer-no-data-check")
def _no_data_check(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    sentence = (
        "Before looking for a cause I'd check the drop is real: a logging or definition change "
        "in the last release, seasonality, or an outage."
    )
    return f"Ask whether the drop is real: '{sentence}'", _prepend(ctx, sentence)


@rewriter("answer-no-instrumentation")
def _no_instrumentation(hit: Hit, ctx: UnitContext) -> tuple[str, str]:
    primary = _primary_name(_facts(ctx), ctx)
    sentence = (
        f"I'd log the events behind <{primary}>, launch to <share>% as a holdout experiment and "
        "read a dashboard at each ramp."
    )
    return f"Say how you would measure the launch: '{sentence}'", _append(ctx, sentence)


def length_advice(hit: Hit, ctx: UnitContext) -> str:
    """`answer-length` advice for a metrics answer (the figures are the story rule's)."""
    gap = int(hit.fields.get("gap", 0))
    if hit.fields.get("side") == "short":
        return (
            f"Add about {gap} words: the goal, one primary metric and what "
            "drives it, a guardrail, and the result that would make you roll back."
        )
    return (
        f"Cut about {gap} words: keep the goal, the primary metric, one "
        "guardrail and one decision rule; drop metrics that decide nothing."
    )
