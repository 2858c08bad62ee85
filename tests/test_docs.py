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


def test_every_screenshot_in_the_docs_is_made_by_the_screenshot_script():
    """A screenshot the docs show is one `tests/e2e/take_screenshots.py` makes, so running it
    brings every picture up to date (none is left showing an older page)."""
    import re
    from pathlib import Path

    root = DOC_PATH.parent.parent
    shown = {
        m
        for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]
        for m in re.findall(r"screenshots/([\w-]+)\.png", doc.read_text(encoding="utf-8"))
    }
    script = Path(root / "tests" / "e2e" / "take_screenshots.py").read_text(encoding="utf-8")
    made = set(re.findall(r'screenshot\(pg, "([\w-]+)", out\)', script))
    assert shown and shown <= made, sorted(shown - made)
    assert made <= {p.stem for p in (root / "docs" / "screenshots").glob("*.png")}
