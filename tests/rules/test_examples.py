"""Every rule proves, with the examples in its own file, that it fires and stays silent."""

from __future__ import annotations

import pytest

import starkit
from starkit.models import Finding
from starkit.rules import is_document_rule, load_rules

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


def _document_findings(text: str) -> list[Finding]:
    """A document rule's example is a whole resume file: read it, lint it as a document."""
    from starkit.resume import read_text_resume
    from starkit.resume.report import lint_resume

    return lint_resume(read_text_resume(text, name="example.txt")).all_findings()


@pytest.mark.parametrize(("code", "example"), FIRES)
def test_rule_fires_on_its_examples(code, example):
    spec = SPECS[code]
    if is_document_rule(code):
        hits = [f for f in _document_findings(example.text) if f.rule == code]
        assert hits, f"{code} did not fire on {example.text!r}"
        assert all(f.severity == spec.severity and f.suggestion.strip() for f in hits)
        assert all("{" not in f.message for f in hits)
        return
    report = starkit.lint(example.text, _kind(spec, example), question=example.question)
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
    if is_document_rule(code):
        assert code not in {f.rule for f in _document_findings(example.text)}
        return
    report = starkit.lint(example.text, _kind(spec, example), question=example.question)
    assert code not in report.rules(), [
        (f.rule, example.text[f.start : f.end]) for f in report.findings
    ]


def test_every_rule_has_examples_both_ways():
    for code, spec in SPECS.items():
        if not spec.kinds:
            continue  # a cross-document rule: its examples are pairs (tests/data/crosscheck)
        assert spec.examples.fires or code == "email-length", f"{code} has no firing example"
        assert spec.examples.silent or code in {"answer-length"}, f"{code} has no silent example"
