"""The shared phrase matcher: whole words, prefixes, apostrophes, multi-word terms, spans."""

from __future__ import annotations

import pytest

from starkit.story._terms import TermIndex


@pytest.fixture
def index() -> TermIndex:
    return TermIndex(
        {
            "stats": ["significan*", "sample size", "p-value"],
            "test": ["a/b test", "test"],
            "short": ["de*"],
            "apos": ["didn't work", "i'd"],
        }
    )


def found(index: TermIndex, text: str) -> list[tuple[str, str]]:
    return sorted((m.key, text[m.start : m.end]) for m in index.find(text))


def test_whole_words_only(index):
    assert found(index, "Testing the tester") == []
    assert found(index, "one test") == [("test", "test")]


def test_prefix_terms_match_any_ending(index):
    assert found(index, "It was Significant, a significance test") == [
        ("stats", "Significant"),
        ("stats", "significance"),
        ("test", "test"),
    ]
    # A stem shorter than three letters still matches, once.
    assert found(index, "we de-risked it, then deployed") == [
        ("short", "de"),
        ("short", "deployed"),
    ]


def test_multiword_and_punctuation_terms(index):
    assert found(index, "We ran an A/B test with a big Sample  Size and a p-value") == [
        ("stats", "Sample  Size"),
        ("stats", "p-value"),
        ("test", "A/B test"),
        ("test", "test"),
    ]


def test_curly_apostrophes_match_straight_ones(index):
    assert found(index, "It didn’t work, so I’d stop") == [
        ("apos", "I’d"),
        ("apos", "didn’t work"),
    ]


def test_at_start_flags_the_opening_word(index):
    hits = index.find("— Test first, then test again")
    assert [m.at_start for m in hits] == [True, False]
    assert index.keys_in("nothing here") == set()
