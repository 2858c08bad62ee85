"""The slot shapes' first-character gates (`starkit.rules.placeholders.first_chars`): a shape
is searched for only in a text holding a character its matches can begin with, so the set must
hold the first character of every match the shape can make."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from starkit.rules.placeholders import (
    first_chars,
    needles,
    placeholder_patterns,
    slot_needles,
    slot_scanners,
)


@pytest.mark.parametrize(("pid", "rx", "first"), slot_scanners(), ids=lambda v: str(v)[:24])
def test_every_match_begins_with_a_first_char(
    pid: str, rx: re.Pattern[str], first: frozenset[str] | None
) -> None:
    if first is None:
        return  # no gate: the shape is searched for in every text

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(rx))
    def check(text: str) -> None:
        for m in rx.finditer(text):
            assert text[m.start()] in first, (pid, text, m.group())

    check()


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\[x\]", "["),
        (r"(?<![A-Za-z])X{2,}|x{3,}", "Xx"),
        (r"\bTBD\b|_{3,}", "T_"),
        (r"(?i:tbd)", None),  # a letter under IGNORECASE: its other cases too
        (r"[^<]", None),
        (r"\w+", None),
        (r"a?", None),  # can match nothing
    ],
)
def test_first_chars(pattern: str, expected: str | None) -> None:
    got = first_chars(re.compile(pattern))
    assert got == (None if expected is None else frozenset(expected))


def test_first_chars_of_an_optional_lead() -> None:
    """`\\s*` may match nothing, so a match begins with a space or with what follows it."""
    got = first_chars(re.compile(r"(?:^|(?<=\n))\s*Dear"))
    assert got is not None and {"D", " ", "\n", "\u00a0"} <= got and "e" not in got


@pytest.mark.parametrize(("pid", "rx"), placeholder_patterns(), ids=lambda v: str(v)[:24])
def test_every_match_holds_a_needle(pid: str, rx: re.Pattern[str]) -> None:
    """The `needles` gate: a shape is searched for only in a text its needles regex (the
    `slot_needles` gate, where it has one) finds something in."""
    found = needles(rx)
    if found is None:
        return
    gate = dict(zip([p for p, _ in placeholder_patterns()], slot_needles(), strict=True))[pid]

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(rx))
    def check(text: str) -> None:
        for m in rx.finditer(text):
            assert any(n in m.group() for n in found), (pid, text, m.group())
            assert gate is None or gate.search(m.group()), (pid, text, m.group())

    check()


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bTBD\b|_{3,}", {"TBD", "_"}),  # a repeat holds its part
        (r"(?<!x)Dear\s+(?:Name|X)", {"Dear"}),
        (r"[$€]\d+", {"$", "€"}),
        (r"(?i:tbd)", None),  # a letter under IGNORECASE: its other cases too
        (r"(?i:to be) x", {" x"}),
        (r"a?b*", None),  # can match nothing
        (r"(?=Name)\w+", None),  # a look-ahead takes no character
        (r"(?:Name|\w)", None),  # a branch that needs no fixed text
    ],
)
def test_needles(pattern: str, expected: set[str] | None) -> None:
    got = needles(re.compile(pattern))
    assert got == (None if expected is None else frozenset(expected))
