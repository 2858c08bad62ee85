"""lint / lint_many: units -> one spaCy pass -> rules -> filters -> suggestions -> Report.

The text is annotated once (tokens, lexicon matches, numbers) and judged by every rule that
applies to the unit's kind. Exemptions (config disables, story-section scopes) are applied in
one filter stage; suggestions are built last, from the writer's own words.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator

from starkit.config import DEFAULT, Config
from starkit.errors import InputError
from starkit.language import not_english
from starkit.models import Finding, Kind, Report, Severity, UnitReport
from starkit.nlp import get_nlp
from starkit.rewrite import suggest
from starkit.rules import RuleSpec, load_rules
from starkit.rules.checks import spoken_seconds, spoken_time, spoken_words, states_work
from starkit.rules.context import UnitContext
from starkit.rules.registry import CHECKS, Check, Hit
from starkit.scoring import text_score, unit_score
from starkit.terms import load_lexicon
from starkit.textio import check_text, count_words, normalise_for_matching
from starkit.units import Unit, check_unit_sizes, parse_kind, split_units


def _applies(spec: RuleSpec, config: Config, ctx: UnitContext) -> bool:
    if spec.code in config.disable or ctx.kind not in spec.kinds:
        return False
    # an answer rule applies to the question types it names (RULES.md, "Metric-answer rules")
    return not (ctx.answer is not None and spec.types and not ctx.answer.judges(spec.types))


def _in_sections(spec: RuleSpec, ctx: UnitContext, hit: Hit) -> bool:
    """Story scope: a rule limited to some sections fires only inside them, unless its check
    marks the hit `any_section` (the sentence shows its own section, whatever the decoder
    gave it: weak-verb's 'I helped organize' in unlabelled prose)."""
    if ctx.kind != "story" or not spec.sections or ctx.story is None:
        return True
    if hit.fields.get("any_section"):
        return True
    return ctx.section_at_char(hit.start) in spec.sections


def _unit_rules(kind: str, config: Config) -> list[tuple[str, RuleSpec, Check]]:
    """The rules that may judge a unit of `kind` under `config`, with their checks, in
    registry order (worked out once a batch, not once a unit)."""
    return [
        (code, spec, CHECKS[code])
        for code, spec in load_rules().items()
        if code not in config.disable and kind in spec.kinds
    ]


def _judge(
    ctxs: list[UnitContext],
    config: Config,
    rules_by_kind: dict[str, list[tuple[str, RuleSpec, Check]]],
) -> list[list[tuple[RuleSpec, Hit, Severity]]]:
    """The hits of every unit of a chunk, each unit's in the order of its kind's rules.
    Judged rule by rule over the chunk, not unit by unit: one rule's code and tables stay in
    the processor's caches through the chunk (about 8% of the judging time on the bench
    corpus). A check is a pure function of its unit, so the hits are the same."""
    for ctx in ctxs:
        if ctx.kind not in rules_by_kind:
            rules_by_kind[ctx.kind] = _unit_rules(ctx.kind, config)
    tables = {
        kind: {code: (spec, check) for code, spec, check in rules}
        for kind, rules in rules_by_kind.items()
    }
    found: list[list[tuple[RuleSpec, Hit, Severity]]] = [[] for _ in ctxs]
    for code in load_rules():  # registry order, the order of every kind's rules
        for ctx, hits in zip(ctxs, found, strict=True):
            rule = tables[ctx.kind].get(code)
            if rule is None:
                continue
            spec, check = rule
            # the table holds only rules the config enables for the kind: what is left to ask
            # is an answer rule's question types
            if ctx.answer is not None and not _applies(spec, config, ctx):
                continue
            for hit in check(ctx):
                if _in_sections(spec, ctx, hit):
                    hits.append((spec, hit, config.severity.get(code, spec.severity)))
    return found


def _unit_report(
    text: str, unit: Unit, ctx: UnitContext, hits: list[tuple[RuleSpec, Hit, Severity]]
) -> tuple[UnitReport, list[Finding]]:
    findings = []
    for spec, hit, sev in hits:
        suggestion, rewrite, (rs, re_) = suggest(spec.code, hit, ctx)
        findings.append(
            Finding(
                rule=spec.code,
                severity=sev,
                message=spec.format(hit.fields),
                start=unit.start + hit.start,
                end=unit.start + hit.end,
                suggestion=suggestion,
                rewrite=rewrite,
                rewrite_start=unit.start + rs if rewrite else 0,
                rewrite_end=unit.start + re_ if rewrite else 0,
                unit=unit.index,
            )
        )
    details: dict[str, object] = {}
    if ctx.kind == "bullet":  # a title, an employer described or an aim claims no work
        details["claims_work"] = states_work(ctx)
    if ctx.kind == "story":
        words = spoken_words(ctx)
        details["spoken_time"] = spoken_time(words)
        details["spoken_seconds"] = spoken_seconds(words)
        if ctx.story is not None:
            details["sections"] = _section_shares(ctx)
    if ctx.kind == "answer" and ctx.answer is not None:
        words = ctx.words()
        details["spoken_time"] = spoken_time(words)
        details["spoken_seconds"] = spoken_seconds(words)
        details.update(ctx.answer.details())
    report = UnitReport(
        index=unit.index,
        kind=unit.kind,  # type: ignore[arg-type]
        start=unit.start,
        end=unit.end,
        text=text[unit.start : unit.end],
        score=unit_score(f.severity for f in findings),
        words=ctx.words(),
        quantities=[q.text for q in ctx.quantities],
        details=details,
    )
    return report, findings


def _section_shares(ctx: UnitContext) -> list[dict[str, object]]:
    total = max(1, ctx.words())
    out = []
    for s in ctx.story.sections if ctx.story else []:
        n = count_words(ctx.text[s.start : s.end])
        out.append(
            {
                "name": s.name,
                "start": s.start,
                "end": s.end,
                "words": n,
                "share": round(n / total, 3),
                "confidence": s.confidence,
            }
        )
    return out


def lint_many(
    texts: Iterable[str],
    kind: str | Kind = "bullet",
    *,
    config: Config | None = None,
    question: str | None = None,
) -> list[Report]:
    """Lint many texts in one batch through `nlp.pipe`; equal to calling `lint` on each.
    `question` (kind `answer` only) is the question the texts answer.

    The cyclic garbage collector is paused for the batch (and resumed after it, as it was):
    a batch makes millions of small objects that reference counting frees, and the
    collector's passes over them cost about 6% of the time (measured on 10,000 bench
    bullets); the peak memory of linting 1,000,000 characters is the same (400 MB) either way.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _lint_many(texts, kind, config=config, question=question)
    finally:
        if paused:
            gc.enable()


def _lint_many(
    texts: Iterable[str],
    kind: str | Kind,
    *,
    config: Config | None,
    question: str | None,
) -> list[Report]:
    config = config or DEFAULT
    k = parse_kind(kind)
    texts = [check_text(t) for t in texts]
    if question is not None and k is not Kind.ANSWER:
        raise InputError("a question can be given only with kind 'answer'")
    nlp = get_nlp(config)
    lexicon = load_lexicon(config)
    question_doc = None
    if k is Kind.ANSWER and question is not None and question.strip():
        question_doc = nlp(normalise_for_matching(check_text(question)))
    # a text in another language or script is not judged, and says so (never a clean pass)
    not_judged = [not_english(t) for t in texts]
    units_per_text = [
        [] if why else split_units(t, k) for t, why in zip(texts, not_judged, strict=True)
    ]
    for units in units_per_text:
        check_unit_sizes(units)
    flat = [(ti, u) for ti, units in enumerate(units_per_text) for u in units]
    normalised = [normalise_for_matching(texts[ti][u.start : u.end]) for ti, u in flat]
    per_text: list[list[tuple[UnitReport, list[Finding]]]] = [[] for _ in texts]
    story_mod = None
    rules_by_kind: dict[str, list[tuple[str, RuleSpec, Check]]] = {}
    for lo, hi in _chunks(normalised):
        ctxs = []
        for (ti, unit), norm, doc in zip(
            flat[lo:hi], normalised[lo:hi], list(nlp.pipe(normalised[lo:hi])), strict=True
        ):
            text = texts[ti]
            story = None
            if unit.kind == "story":
                if story_mod is None:
                    from starkit import story as story_mod
                story = story_mod.parse_story(text[unit.start : unit.end])
            ctx = UnitContext(
                unit.kind, text[unit.start : unit.end], doc, story, lexicon, normalised=norm
            )
            if unit.kind == "answer":
                from starkit.answer.outline import analyse

                ctx.answer = analyse(ctx, question_doc)
            ctxs.append(ctx)
        found = _judge(ctxs, config, rules_by_kind)
        for (ti, unit), ctx, hits in zip(flat[lo:hi], ctxs, found, strict=True):
            per_text[ti].append(_unit_report(texts[ti], unit, ctx, hits))
            ctx.release()
    reports = []
    for text, pairs, why in zip(texts, per_text, not_judged, strict=True):
        findings = sorted(
            (f for _, fs in pairs for f in fs), key=lambda f: (f.start, -f.severity.rank, f.rule)
        )
        units = [u for u, _ in pairs]
        reports.append(
            Report(
                kind=k,
                text=text,
                findings=findings,
                score=text_score([u.score for u in units]),
                units=units,
                not_judged=why,
            )
        )
    return reports


CHUNK = 256
CHUNK_CHARS = 50_000
"""A batch is tokenized, matched and judged a chunk of units at a time (at most `CHUNK` units
and, past the first, `CHUNK_CHARS` characters): the pipeline's tables stay in the
processor's caches through a chunk (one unit at a time, the rules' work between two units
pushed them out and the pipeline took twice its time: 0.5 against 0.27 s on 10,000 bench
bullets), and a chunk's docs and contexts are few and small enough to hold at once."""


def _chunks(texts: list[str]) -> Iterator[tuple[int, int]]:
    """(start, end) index ranges of `texts`, one a chunk."""
    k = 0
    while k < len(texts):
        end, chars = k + 1, len(texts[k])
        while end < len(texts) and end - k < CHUNK and chars < CHUNK_CHARS:
            chars += len(texts[end])
            end += 1
        yield k, end
        k = end


def lint(
    text: str,
    kind: str | Kind = "bullet",
    question: str | None = None,
    *,
    config: Config | None = None,
) -> Report:
    """Lint one text of the given kind ("bullet", "resume", "story", "email" or "answer").
    For an answer, `question` is the question it answers: it decides the question type."""
    return lint_many([text], kind, config=config, question=question)[0]
