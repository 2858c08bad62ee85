"""docs/rules.md is generated from the rule data and kept in step with it."""

from __future__ import annotations

from starkit.docs import DOC_PATH, render_rules_doc
from starkit.rules import load_rules


def test_rules_doc_is_up_to_date():
    assert DOC_PATH.read_text(encoding="utf-8") == render_rules_doc(), "run: python -m starkit.docs"


def test_rules_doc_has_a_section_per_rule_with_what_why_example_instead():
    text = render_rules_doc()
    for code, spec in load_rules().items():
        section = text.split(f"\n## {code}\n", 1)[1].split("\n## ", 1)[0]
        assert spec.summary in section and spec.why in section and spec.instead in section
