"""The checks behind the `answer-*` codes (RULES.md, "Metric-answer rules").

Registered in the one rule registry (`starkit.rules.checks.CHECKS`); each reads the answer's
outline (`ctx.answer`, built once by `starkit.answer.outline.analyse`). Which question types a
rule applies to is data: `types` in `lexicons/rules/<code>.toml`, filtered by the engine.
"""

from __future__ import annotations

from starkit.rules.context import UnitContext
from starkit.rules.registry import Hit, check

_MIN_LISTED = 3  # "three or more metrics are listed"


def _whole(ctx: UnitContext, **fields: object) -> list[Hit]:
    s, e = ctx.whole()
    return [Hit(s, e, dict(fields))]


@check("answer-no-goal")
def answer_no_goal(ctx: UnitContext) -> list[Hit]:
    """No sentence says what the product or program is for before metrics are named."""
    a = ctx.answer
    if a is None:
        return []
    if a.goal_sentences and (
        a.first_metric_sentence is None or min(a.goal_sentences) <= a.first_metric_sentence
    ):
        return []
    return _whole(ctx)


@check("answer-no-primary-metric")
def answer_no_primary_metric(ctx: UnitContext) -> list[Hit]:
    """No single metric is named as the one that decides success."""
    a = ctx.answer
    if a is None or a.has("primary"):
        return []
    return _whole(ctx, metrics=len(a.distinct_metrics()))


@check("answer-vanity-primary")
def answer_vanity_primary(ctx: UnitContext) -> list[Hit]:
    """The primary metric is a vanity count."""
    a = ctx.answer
    if a is None or a.primary is None or not a.primary.vanity:
        return []
    p = a.primary
    return [Hit(p.start, p.end, {"metric": p.text})]


@check("answer-no-input-metrics")
def answer_no_input_metrics(ctx: UnitContext) -> list[Hit]:
    """A primary metric is named but nothing that drives it."""
    a = ctx.answer
    if a is None or not a.has("primary") or a.has("inputs"):
        return []
    name = a.primary.text if a.primary is not None else "the primary metric"
    return _whole(ctx, metric=name)


@check("answer-no-guardrail")
def answer_no_guardrail(ctx: UnitContext) -> list[Hit]:
    """Nothing is named as what must not get worse."""
    a = ctx.answer
    if a is None or a.has("guardrails"):
        return []
    return _whole(ctx)


@check("answer-no-threshold")
def answer_no_threshold(ctx: UnitContext) -> list[Hit]:
    """No decision rule with a figure."""
    a = ctx.answer
    if a is None or a.has("thresholds"):
        return []
    return _whole(ctx)


@check("answer-no-tradeoff")
def answer_no_tradeoff(ctx: UnitContext) -> list[Hit]:
    """No trade-off is acknowledged."""
    a = ctx.answer
    if a is None or a.has("tradeoffs"):
        return []
    return _whole(ctx)


@check("answer-metric-list")
def answer_metric_list(ctx: UnitContext) -> list[Hit]:
    """Three or more metrics listed, at most one tied to the goal, the primary or a decision."""
    a = ctx.answer
    if a is None:
        return []
    named = a.distinct_metrics()
    listed = [m.text for m in named] + [text for text, _ in a.unnamed_measures]
    tied = sum(m.metric in a.tied_metrics for m in named) + sum(t for _, t in a.unnamed_measures)
    if len(listed) < _MIN_LISTED or tied > 1:
        return []
    return _whole(ctx, count=len(listed), metrics=", ".join(listed[:4]))


@check("answer-one-family")
def answer_one_family(ctx: UnitContext) -> list[Hit]:
    """Every metric comes from one family (engineering, program execution, business)."""
    a = ctx.answer
    if a is None or len(a.distinct_metrics()) < 2 or len(a.families) != 1:
        return []
    family = a.families[0]
    missing = [f for f in ("engineering", "program", "business") if f != family]
    return _whole(ctx, family=family, missing=" or ".join(missing))


@check("answer-no-segmentation")
def answer_no_segmentation(ctx: UnitContext) -> list[Hit]:
    """The drop is not cut by any dimension."""
    a = ctx.answer
    if a is None or a.has("segments"):
        return []
    return _whole(ctx)


@check("answer-no-data-check")
def answer_no_data_check(ctx: UnitContext) -> list[Hit]:
    """The answer never asks whether the drop is real."""
    a = ctx.answer
    if a is None or a.has("data_checks"):
        return []
    return _whole(ctx)


@check("answer-no-instrumentation")
def answer_no_instrumentation(ctx: UnitContext) -> list[Hit]:
    """A launch or new feature with no way of measuring it named."""
    a = ctx.answer
    if a is None or not a.launch or a.has("instrumentation"):
        return []
    return _whole(ctx)


# the suggestion builders of these codes register with the one rewrite registry on import
from starkit.answer import suggest as _suggest  # noqa: E402, F401
