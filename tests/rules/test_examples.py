"""Every rule proves, with the examples in its own file, that it fires and stays silent."""

from __future__ import annotations

import pytest

import starkit
from starkit.rules import load_rules

SPECS = load_rules()


def _kind(spec, example) -> str:
    return example.kind or spec.kinds[0]


FIRES = [
    pytest.param(code, ex, id=f"{code}:{ex.text[:40]}")
    for code, spec in SPECS.items()
    for ex in spec.examples.fires
]
SILENT = [
    pytest.param(code, ex, id=f"{code}:{ex.text[:40]}")
    for code, spec in SPECS.items()
    for ex in spec.examples.silent
]


@pytest.mark.parametrize(("code", "example"), FIRES)
def test_rule_fires_on_its_examples(code, example):
    spec = SPECS[code]
    report = starkit.lint(example.text, _kind(spec, example))
    hits = [f for f in report.findings if f.rule == code]
    assert hits, f"{code} did not fire on {example.text!r}"
    spans = [example.text[f.start : f.end] for f in hits]
    expected = example.text.strip() if example.span == "whole" else example.span
    assert expected in spans, f"{code} pointed at {spans}, expected {expected!r}"
    for f in hits:
        assert f.severity == spec.severity
        assert f.suggestion.strip(), "every finding carries a suggestion"


@pytest.mark.parametrize(("code", "example"), SILENT)
def test_rule_stays_silent_on_its_examples(code, example):
    spec = SPECS[code]
    report = starkit.lint(example.text, _kind(spec, example))
    assert code not in report.rules(), [
        (f.rule, example.text[f.start : f.end]) for f in report.findings
    ]


def test_every_rule_has_examples_both_ways():
    for code, spec in SPECS.items():
        if not spec.kinds:
            continue  # a cross-document rule: its examples are pairs (tests/data/crosscheck)
        assert spec.examples.fires or code == "email-length", f"{code} has no firing example"
        assert spec.examples.silent or code in {"answer-length"}, f"{code} has no silent example"
