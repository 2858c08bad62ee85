"""Accuracy guards: the rules keep their precision and recall on the dev sets, and every
labelled set (dev, holdouts, sealed finals) stays loadable.

The sealed sets are for measurement (`python tools/evaluate.py --data DIR`), not for floors:
their first-run figures are recorded in their READMEs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import starkit
from tools.evaluate import (
    BULLET_RULES,
    EMAIL_RULES,
    STORY_DATA_DIR,
    STORY_RULES,
    evaluate,
    load_labelled,
)

DATA = Path(__file__).parent / "data"
SETS = sorted(p.parent for p in DATA.rglob("bullets.jsonl"))


@pytest.mark.parametrize("set_name", ["bullets", "emails"])
def test_dev_set_floor(set_name):
    scores = evaluate(set_name)
    for rule, s in scores.items():
        if s.support == 0:
            continue
        assert s.precision >= 0.9, f"{rule}: precision {s.precision:.3f}"
        assert s.recall >= 0.9, f"{rule}: recall {s.recall:.3f}"


def test_story_set_floor_for_story_rules():
    scores = evaluate("stories")
    for rule in ("we-not-i", "answer-length", "result-unquantified"):
        assert scores[rule].precision >= 0.75 and scores[rule].recall >= 0.75, rule
    # This set marks a Situation or Task with no sentence of its own as missing; RULES.md lets
    # one be inferred ("labelled or inferred"), as the blind labellers of the real story sets
    # do, so only the precision floor holds for star-missing-section here, and its recall on
    # the stories that lack a Result (which nothing can infer).
    assert scores["star-missing-section"].precision >= 0.75
    lines = (STORY_DATA_DIR / "stories.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    no_result = [r for r in records if "result" in r["rules"]["star-missing-section"]]
    assert no_result
    for r in no_result:
        found = {f.rule for f in starkit.lint(r["text"], "story").findings}
        assert "star-missing-section" in found, r["id"]


def test_quantity_floor():
    scores = evaluate("quantities")
    assert scores["has-quantity"].precision >= 0.95
    assert scores["has-quantity"].recall >= 0.95


@pytest.mark.parametrize("folder", SETS, ids=[str(p.relative_to(DATA)) for p in SETS])
def test_every_labelled_set_loads(folder):
    assert load_labelled(folder / "bullets.jsonl", BULLET_RULES)
    if (folder / "emails.jsonl").exists():
        assert load_labelled(folder / "emails.jsonl", EMAIL_RULES)
    if (folder / "stories.jsonl").exists():
        assert load_labelled(folder / "stories.jsonl", STORY_RULES)
