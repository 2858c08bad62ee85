"""The slot shapes' first-character gates (`starkit.rules.placeholders.first_chars`): a shape
is searched for only in a text holding a character its matches can begin with, so the set must
hold the first character of every match the shape can make."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from starkit.rules.placeholders import first_chars, slot_scanners


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
