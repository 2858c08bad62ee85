"""Accuracy guards: the rules keep their precision and recall on the dev sets, and every
labelled set (dev, holdouts, sealed finals) stays loadable.

The sealed sets are for measurement (`python tools/evaluate.py --data DIR`), not for floors:
their first-run figures are recorded in their READMEs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.evaluate import BULLET_RULES, EMAIL_RULES, STORY_RULES, evaluate, load_labelled

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
    for rule in ("star-missing-section", "we-not-i", "answer-length", "result-unquantified"):
        assert scores[rule].precision >= 0.75 and scores[rule].recall >= 0.75, rule


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
