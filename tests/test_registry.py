"""Structure: the rule codes are exactly those of the contract, each with data and a check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from starkit.rules import load_rules
from starkit.rules.checks import CHECKS

RULES_MD = Path(__file__).resolve().parents[2] / "shared" / "RULES.md"


def contract_codes() -> set[str]:
    if not RULES_MD.is_file():
        pytest.fail(
            f"the rule contract is missing: expected {RULES_MD} (../shared beside the repo)"
        )
    text = RULES_MD.read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([a-z-]+)`", text, flags=re.MULTILINE))


def test_codes_equal_the_contract():
    assert set(load_rules()) == contract_codes()


def test_every_check_is_used_and_every_rule_has_a_check():
    assert set(CHECKS) == set(load_rules())


def test_severities_match_the_contract():
    text = RULES_MD.read_text(encoding="utf-8")
    for code, spec in load_rules().items():
        m = re.search(rf"^\| `{re.escape(code)}` \| (error|warning|info) \|", text, re.MULTILINE)
        assert m, code
        assert spec.severity.value == m.group(1), code


def test_kinds_match_the_contract_table():
    expected = {
        "no-quantification": {"bullet", "story"},
        "vanity-metric": {"bullet", "story"},
        "missing-guardrail": {"bullet", "story"},
        "missing-baseline": {"bullet", "story"},
        "weak-verb": {"bullet", "story"},
        "vague-language": {"bullet", "story", "email"},
        "unfilled-placeholder": {"bullet", "story", "email"},
        "star-missing-section": {"story"},
        "result-unquantified": {"story"},
        "we-not-i": {"story"},
        "answer-length": {"story"},
        "email-no-metric": {"email"},
        "email-length": {"email"},
        "inconsistent-figure": set(),  # across documents: starkit.cross_check
    }
    assert {c: set(s.kinds) for c, s in load_rules().items()} == expected


def test_message_fields_are_filled_by_the_firing_examples():
    import starkit

    for code, spec in load_rules().items():
        for ex in spec.examples.fires:
            report = starkit.lint(ex.text, ex.kind or spec.kinds[0])
            messages = [f.message for f in report.findings if f.rule == code]
            assert messages and all("{" not in m for m in messages), (code, messages)
