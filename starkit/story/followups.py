"""The two or three follow-up questions a panel would most likely ask after a story.

Each follow-up in `lexicons/story/followups.toml` is tied to its trigger: `when` terms that must
appear and `unless` terms whose presence suppresses it (both looked for in the rule's `section`
when it names one, else in the whole story), or a named structural `check` (`no_result`,
`result_unquantified`, `we_heavy`). The ones that fire are ranked by `priority` and the top
three returned; if fewer than two fire, `fallback` entries fill in so the user always has two
questions to practise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import model_validator

from starkit.lexicons import StrictModel, read_toml, validate_entries, validate_model
from starkit.models import Section, SectionName, Story
from starkit.story._terms import TermIndex, tokenize
from starkit.story.segment import parse_story

LEXICON = "story/followups.toml"
MAX_FOLLOWUPS = 3
MIN_FOLLOWUPS = 2

CheckName = Literal["no_result", "result_unquantified", "we_heavy"]


class FollowUpRule(StrictModel):
    """One follow-up question with what triggers it and what suppresses it."""

    id: str
    question: str
    why: str
    priority: int
    when: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    section: SectionName | None = None
    check: CheckName | None = None
    fallback: bool = False

    @model_validator(mode="after")
    def _has_trigger(self) -> FollowUpRule:
        kinds = bool(self.when) + (self.check is not None) + self.fallback
        if kinds != 1:
            raise ValueError("give exactly one trigger: `when` terms, a `check`, or `fallback`")
        return self


class _FollowUpFile(StrictModel):
    description: str
    followup: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class FollowUp:
    """A follow-up question for a story, with why it was chosen and what triggered it.

    `start`/`end` point at the trigger in the story text (the term, or the section a check
    looked at); both are None for fallbacks and for checks on a missing section.
    """

    id: str
    text: str
    why: str
    trigger: str
    start: int | None = None
    end: int | None = None


def load_followup_rules(root: Path | None = None) -> tuple[FollowUpRule, ...]:
    """Read and validate `story/followups.toml` (LexiconError names a bad entry)."""
    data = read_toml(LEXICON, root)
    ff = validate_model(LEXICON, None, data, _FollowUpFile)
    return tuple(validate_entries(LEXICON, ff.followup, FollowUpRule))


@dataclass(frozen=True)
class _Compiled:
    rules: tuple[FollowUpRule, ...]
    when: TermIndex
    unless: TermIndex


def _compile(rules: tuple[FollowUpRule, ...]) -> _Compiled:
    return _Compiled(
        rules,
        TermIndex({r.id: r.when for r in rules}),
        TermIndex({r.id: r.unless for r in rules}),
    )


@cache
def _default() -> _Compiled:
    return _compile(load_followup_rules())


# ----------------------------------------------------------------------------- checks

_PLURAL = frozenset({"we", "our", "us", "ours"})
_SINGULAR = frozenset({"i", "my", "me", "mine"})


def pronoun_counts(text: str) -> tuple[int, int]:
    """(first-person plural, first-person singular) word counts in `text`."""
    words = [t for t, _, _ in tokenize(text)]
    return sum(w in _PLURAL for w in words), sum(w in _SINGULAR for w in words)


def _has_quantity(text: str) -> bool:
    from starkit.quantities import has_quantity

    return has_quantity(text)


def _check_no_result(story: Story) -> tuple[int, int] | None:
    if story.sections and story.section("result") is None:
        return (0, 0)
    return None


def _check_result_unquantified(story: Story) -> tuple[int, int] | None:
    sec = story.section("result")
    if sec and not _has_quantity(story.text[sec.start : sec.end]):
        return (sec.start, sec.end)
    return None


def _check_we_heavy(story: Story) -> tuple[int, int] | None:
    sec = story.section("action")
    if sec:
        plural, single = pronoun_counts(story.text[sec.start : sec.end])
        if plural > single:
            return (sec.start, sec.end)
    return None


CHECKS: dict[str, Callable[[Story], tuple[int, int] | None]] = {
    "no_result": _check_no_result,
    "result_unquantified": _check_result_unquantified,
    "we_heavy": _check_we_heavy,
}


# ----------------------------------------------------------------------------- choice


def _inside(start: int, end: int, sec: Section | None) -> bool:
    return sec is None or (sec.start <= start and end <= sec.end)


def followups(
    story: str | Story, limit: int = MAX_FOLLOWUPS, *, rules: tuple[FollowUpRule, ...] | None = None
) -> list[FollowUp]:
    """The follow-ups a panel would most likely ask, most likely first (2 to `limit`)."""
    if not isinstance(story, Story):
        story = parse_story(story if isinstance(story, str) else "")
    text = story.text
    if not text.strip():
        return []
    comp = _default() if rules is None else _compile(rules)
    when_hits = comp.when.find(text)
    unless_hits = comp.unless.find(text)
    suppressed: set[str] = set()
    for rule in comp.rules:
        sec = story.section(rule.section) if rule.section else None
        if any(m.key == rule.id and _inside(m.start, m.end, sec) for m in unless_hits):
            suppressed.add(rule.id)

    fired: list[tuple[int, FollowUp]] = []
    for rule in comp.rules:
        if rule.fallback or rule.id in suppressed:
            continue
        if rule.check:
            span = CHECKS[rule.check](story)
            if span is None:
                continue
            start, end = span if span != (0, 0) else (None, None)
            fu = FollowUp(rule.id, rule.question, rule.why, rule.check, start, end)
            fired.append((rule.priority, fu))
            continue
        sec = story.section(rule.section) if rule.section else None
        if rule.section and sec is None:
            continue
        hit = next(
            (m for m in when_hits if m.key == rule.id and _inside(m.start, m.end, sec)), None
        )
        if hit:
            fu = FollowUp(
                rule.id, rule.question, rule.why, text[hit.start : hit.end], hit.start, hit.end
            )
            fired.append((rule.priority, fu))

    fired.sort(key=lambda pf: -pf[0])
    chosen = [fu for _, fu in fired[: max(limit, 0)]]
    if len(chosen) < min(MIN_FOLLOWUPS, limit):
        fallbacks = sorted(
            (r for r in comp.rules if r.fallback and r.id not in suppressed),
            key=lambda r: -r.priority,
        )
        for rule in fallbacks:
            if len(chosen) >= min(MIN_FOLLOWUPS, limit):
                break
            chosen.append(FollowUp(rule.id, rule.question, rule.why, "fallback"))
    return chosen
