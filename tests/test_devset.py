"""The hand-labelled dev set is well-formed, big enough and consistent with RULES.md.

These tests check the labels against each other and against the contract; they never run
the linter (see tests/test_evaluate.py for the scoring, and `python tools/evaluate.py`).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tools import evaluate as ev

CONTRACT = Path(__file__).resolve().parent / "contract.toml"
NUMBER_DIGIT = re.compile(r"\d")


@pytest.fixture(scope="module")
def bullets() -> list[ev.LabelledText]:
    return ev.load_labelled(ev.DEFAULT_DATA_DIR / "bullets.jsonl", ev.BULLET_RULES)


@pytest.fixture(scope="module")
def emails() -> list[ev.LabelledText]:
    return ev.load_labelled(ev.DEFAULT_DATA_DIR / "emails.jsonl", ev.EMAIL_RULES)


@pytest.fixture(scope="module")
def quantities() -> list[ev.QuantityCase]:
    return ev.load_quantities(ev.DEFAULT_DATA_DIR / "quantities.jsonl")


def _applicability() -> dict[str, set[str]]:
    """Rule codes per kind, read from the contract's mirror (tests/contract.toml)."""
    with CONTRACT.open("rb") as fh:
        rules = tomllib.load(fh)["rules"]
    kinds: dict[str, set[str]] = {"bullet": set(), "story": set(), "email": set()}
    for code, row in rules.items():
        for kind in row["kinds"]:
            if kind in kinds:
                kinds[kind].add(code)
    return kinds


def test_rule_sets_match_the_contract():
    kinds = _applicability()
    assert set(ev.BULLET_RULES) == kinds["bullet"]
    assert set(ev.EMAIL_RULES) == kinds["email"]


def test_sizes(bullets, emails, quantities):
    assert len(bullets) >= 170
    assert len(emails) >= 25
    assert len(quantities) >= 100


def test_every_bullet_rule_has_positive_and_negative_examples(bullets, emails):
    for items, rules in ((bullets, ev.BULLET_RULES), (emails, ev.EMAIL_RULES)):
        for rule in rules:
            positives = sum(rule in b.rules for b in items)
            assert 3 <= positives <= len(items) - 3, rule


def test_bullet_mix_resembles_real_resumes(bullets):
    """Roughly 40% unquantified, many clean bullets, and digits that do not measure."""
    unquantified = sum("no-quantification" in b.rules for b in bullets) / len(bullets)
    assert 0.30 <= unquantified <= 0.50
    assert sum(not b.rules for b in bullets) >= len(bullets) // 4
    digits_but_unquantified = [
        b for b in bullets if "no-quantification" in b.rules and NUMBER_DIGIT.search(b.text)
    ]
    assert len(digits_but_unquantified) >= 15


def test_missing_baseline_implies_a_quantity(bullets):
    """A relative figure ("by 20%", "3x", "halved") is itself a measuring quantity."""
    both = [b.id for b in bullets if {"missing-baseline", "no-quantification"} <= b.rules]
    assert both == []


def test_email_length_label_agrees_with_word_count(emails):
    """Over 200 words fires; every email keeps 15 words clear of the line so tokenisers agree."""
    for e in emails:
        words = len(e.text.split())
        assert 60 <= words <= 300, e.id
        assert abs(words - 200) >= 15, e.id
        assert ("email-length" in e.rules) == (words > 200), e.id
    assert sum("email-length" in e.rules for e in emails) >= 5


def test_quantity_cases_cover_negatives_and_number_words(quantities):
    negatives = [q for q in quantities if not q.spans and NUMBER_DIGIT.search(q.text)]
    assert len(negatives) >= 40
    number_words = [
        q for q in quantities if any(not NUMBER_DIGIT.search(s) for s in q.span_texts())
    ]
    assert len(number_words) >= 20


def test_quantity_texts_are_unique(quantities, bullets, emails):
    for items in (quantities, bullets, emails):
        texts = [i.text for i in items]
        assert len(texts) == len(set(texts))


HOLDOUT = ev.DEFAULT_DATA_DIR / "holdout"


def test_holdout_is_well_formed_and_disjoint(bullets, emails, quantities):
    """The sealed holdout loads, follows the same email-length rule and shares no text."""
    h_bullets = ev.load_labelled(HOLDOUT / "bullets.jsonl", ev.BULLET_RULES)
    h_emails = ev.load_labelled(HOLDOUT / "emails.jsonl", ev.EMAIL_RULES)
    h_quantities = ev.load_quantities(HOLDOUT / "quantities.jsonl")
    assert len(h_bullets) >= 50 and len(h_emails) >= 10 and len(h_quantities) >= 20
    for e in h_emails:
        words = len(e.text.split())
        assert 60 <= words <= 300 and abs(words - 200) >= 15, e.id
        assert ("email-length" in e.rules) == (words > 200), e.id
    for main, held in ((bullets, h_bullets), (emails, h_emails), (quantities, h_quantities)):
        assert not {i.text for i in main} & {i.text for i in held}
        assert not {i.id for i in main} & {i.id for i in held}
