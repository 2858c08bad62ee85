"""Structure: the rule files agree with the contract (mirrored in tests/contract.toml), each rule
has data, a check and a rewrite in the one registry, and reading rule codes loads no spaCy."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from starkit.rules import load_rules, load_specs
from starkit.rules.registry import CHECKS, DOCUMENT_CHECKS, REGISTRY

CONTRACT = Path(__file__).resolve().parent / "contract.toml"
UNIT_KINDS = {"bullet", "story", "email", "answer", "resume"}


def contract() -> dict[str, dict]:
    with CONTRACT.open("rb") as fh:
        return tomllib.load(fh)["rules"]


def test_every_unit_rule_of_the_contract_has_a_file_and_every_file_a_contract_row():
    rules = contract()
    unit_codes = {c for c, r in rules.items() if set(r["kinds"]) & UNIT_KINDS}
    assert unit_codes <= set(load_rules())
    assert set(load_rules()) <= set(rules)


def test_every_check_is_used_and_every_rule_has_a_check_and_a_rewrite():
    assert set(CHECKS) | set(DOCUMENT_CHECKS) == set(load_rules())
    assert not set(CHECKS) & set(DOCUMENT_CHECKS)
    for code, spec in load_rules().items():
        if code in CHECKS and spec.kinds:  # a cross-document rule (no kinds) rewrites nothing
            assert REGISTRY[code].rewrite is not None, code


def test_severities_match_the_contract():
    rules = contract()
    for code, spec in load_rules().items():
        assert spec.severity.value == rules[code]["severity"], code


def test_kinds_match_the_contract_table():
    rules = contract()
    for code, spec in load_rules().items():
        assert set(spec.kinds) == set(rules[code]["kinds"]) & UNIT_KINDS, code


def test_answer_types_match_the_contract_table():
    """Each answer-* rule applies to the question types RULES.md names for it ('all': no
    restriction, an empty `types`)."""
    rules = contract()
    for code, spec in load_rules().items():
        if "types" not in rules[code]:
            continue
        expected = set(rules[code]["types"]) - {"all"}
        assert set(spec.types) == expected, code


def test_message_fields_are_filled_by_the_firing_examples():
    import starkit

    for code, spec in load_rules().items():
        if code in DOCUMENT_CHECKS:
            continue  # document rules: tests/rules/test_examples.py reads them as files
        for ex in spec.examples.fires:
            report = starkit.lint(ex.text, ex.kind or spec.kinds[0], question=ex.question)
            messages = [f.message for f in report.findings if f.rule == code]
            assert messages and all("{" not in m for m in messages), (code, messages)


def test_validating_a_config_loads_no_spacy():
    code = (
        "import sys; from starkit.config import config_from_dict; "
        "config_from_dict({'disable': ['weak-verb'], 'lexicons': {'vanity': {'extend': ['x']}}}); "
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_rule_figures_live_in_one_place():
    length = load_specs()["answer-length"].params
    assert (length["words_per_minute"], length["min_words"], length["max_words"]) == (150, 300, 600)
    assert load_specs()["email-length"].params["max_words"] == 200
