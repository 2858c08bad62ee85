"""Integrity of the real-text corpora under corpus/ (schema, splits by source, privacy)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", re.I)
PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_resume_bullets_schema_and_ids() -> None:
    folder = CORPUS / "resume_bullets"
    seen: set[str] = set()
    for name in ("bullets.jsonl", "dev.jsonl", "sealed.jsonl"):
        for r in rows(folder / name):
            assert set(r) == {"id", "text", "source", "resume"}, r
            assert re.fullmatch(r"rb\d{5}", r["id"])
            assert set(r["source"]) == {"repo", "path", "commit"}
            assert re.fullmatch(r"[0-9a-f]{40}", r["source"]["commit"])
            assert r["id"] not in seen, f"{r['id']} is in two files"
            seen.add(r["id"])
    assert len(seen) >= 2000


def test_resume_splits_are_by_resume_and_sealed_stays_out_of_the_pool() -> None:
    folder = CORPUS / "resume_bullets"
    dev = rows(folder / "dev.jsonl")
    sealed = rows(folder / "sealed.jsonl")
    pool = rows(folder / "bullets.jsonl")
    assert len(dev) >= 300 and len(sealed) >= 300
    dev_res, sealed_res = {r["resume"] for r in dev}, {r["resume"] for r in sealed}
    assert not dev_res & sealed_res
    assert not sealed_res & {r["resume"] for r in pool}
    sealed_texts = {r["text"] for r in sealed}
    assert not sealed_texts & {r["text"] for r in pool + dev}


@pytest.mark.parametrize(("folder", "prefix"), [("star_stories", "st"), ("metric_answers", "ma")])
def test_story_and_answer_splits_partition_the_whole(folder: str, prefix: str) -> None:
    base = CORPUS / folder
    whole = rows(base / ("stories.jsonl" if folder == "star_stories" else "answers.jsonl"))
    dev, sealed = rows(base / "dev.jsonl"), rows(base / "sealed.jsonl")
    assert {r["id"] for r in dev} | {r["id"] for r in sealed} == {r["id"] for r in whole}
    assert not {r["id"] for r in dev} & {r["id"] for r in sealed}
    for r in whole:
        assert r["id"].startswith(prefix) and r["text"].strip() and r["question"].strip()
        assert {"repo", "path", "commit"} <= set(r["source"])


def test_no_contact_details_in_any_text() -> None:
    for path in CORPUS.rglob("*.jsonl"):
        for r in rows(path):
            text = " ".join(str(r.get(k, "")) for k in ("text", "question", "note"))
            assert not EMAIL.search(text), (path.name, r["id"])
            assert not PHONE.search(text), (path.name, r["id"])


LABELLED = [
    ("resume_bullets", "sealed"),
    ("metric_bullets", "dev"),
    ("metric_bullets", "sealed"),
    ("star_stories", "sealed"),
    ("metric_answers", "sealed"),
    ("heldout_bullets", "set2"),
    ("heldout_bullets", "set3"),
]


@pytest.mark.parametrize(("folder", "split"), LABELLED)
def test_labels_cover_their_set_with_known_codes(folder: str, split: str) -> None:
    """Each labels file (blind labellers, by RULES.md) has one line per text of its set, in
    order, naming only rule codes starkit knows."""
    from starkit.rules import rule_codes

    texts = rows(CORPUS / folder / f"{split}.jsonl")
    labels = rows(CORPUS / folder / f"{split}.labels.jsonl")
    assert [r["id"] for r in labels] == [r["id"] for r in texts]
    codes = rule_codes()
    for r in labels:
        assert set(r["rules"]) <= codes, (r["id"], set(r["rules"]) - codes)
