"""`tools/rewrite_fit.py`: two versions' metrics are mixed blind (one item for a metric both name
for a line) and each version is scored from the same ratings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.rewrite_fit import blind, score


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path, Path]:
    sample = _jsonl(
        tmp_path / "fitX.jsonl",
        [
            {"id": "a", "text": "Grew revenue 30%", "role": "guardrail"},
            {"id": "b", "text": "Built a CI pipeline", "role": "measure"},
        ],
    )
    old = _jsonl(
        tmp_path / "old.jsonl",
        [
            {"id": "a", "role": "guardrail", "metric": "refund rate"},
            {"id": "b", "role": "measure", "metric": "deployment frequency"},
        ],
    )
    new = _jsonl(
        tmp_path / "new.jsonl",
        [
            {"id": "a", "role": "guardrail", "metric": "churn rate"},
            {"id": "b", "role": "measure", "metric": "deployment frequency"},
        ],
    )
    return sample, old, new


def test_a_metric_both_versions_name_is_rated_once(tmp_path: Path, versions) -> None:
    sample, old, new = versions
    items, key = tmp_path / "items.jsonl", tmp_path / "key.json"
    blind(sample, [old, new], 0, items, key)
    rows = [json.loads(line) for line in items.read_text().splitlines()]
    assert sorted(r["metric"] for r in rows) == [
        "churn rate",
        "deployment frequency",
        "refund rate",
    ]
    assert all("version" not in r and "id" not in r for r in rows)  # nothing tells old from new
    names = json.loads(key.read_text())
    assert names["old"]["b"] == names["new"]["b"]
    assert names["old"]["a"] != names["new"]["a"]

    changed = tmp_path / "changed.jsonl"
    blind(sample, [old, new], 0, changed, tmp_path / "key2.json", changed=True)
    assert len(changed.read_text().splitlines()) == 2  # line b names one metric in both


def test_each_version_is_scored_from_the_same_ratings(tmp_path: Path, versions, capsys) -> None:
    sample, old, new = versions
    items, key = tmp_path / "items.jsonl", tmp_path / "key.json"
    blind(sample, [old, new], 0, items, key)
    rating = {"refund rate": "misfit", "churn rate": "fit", "deployment frequency": "loose"}
    rows = [json.loads(line) for line in items.read_text().splitlines()]
    ratings = _jsonl(
        tmp_path / "ratings.jsonl",
        [{"item": r["item"], "rating": rating[r["metric"]]} for r in rows],
    )
    score(items, ratings, key)
    out = capsys.readouterr().out
    assert "old                         all            2   0 0.00   1 0.50   1 0.50" in out
    assert "new                         all            2   1 0.50   1 0.50   0 0.00" in out
    assert "1 lines named another metric in new than in old: 1 rated better, 0 worse" in out


def test_incomplete_ratings_are_refused(tmp_path: Path, versions) -> None:
    sample, old, new = versions
    items, key = tmp_path / "items.jsonl", tmp_path / "key.json"
    blind(sample, [old, new], 0, items, key)
    first = json.loads(items.read_text().splitlines()[0])["item"]
    ratings = _jsonl(tmp_path / "ratings.jsonl", [{"item": first, "rating": "fit"}])
    with pytest.raises(SystemExit):
        score(items, ratings, key)


def test_a_broken_ratings_line_names_its_file_and_line(tmp_path: Path, versions) -> None:
    from tools.rewrite_fit import main

    sample, old, new = versions
    items, key = tmp_path / "items.jsonl", tmp_path / "key.json"
    blind(sample, [old, new], 0, items, key)
    ratings = tmp_path / "ratings.jsonl"
    ratings.write_text('{"item": "r001", "rating": "fit"}\n{"item": "r002", rating}\n')
    with pytest.raises(SystemExit, match=r"ratings\.jsonl:2: invalid JSON"):
        main(["score", str(items), str(ratings), "--key", str(key)])


def test_draw_from_named_files_skips_labels_and_sealed_sets(tmp_path: Path, monkeypatch) -> None:
    """`draw --from`: only the files the globs name, never a labels file or a sealed set."""
    import tools.rewrite_fit as rewrite_fit

    monkeypatch.setattr(rewrite_fit, "ROOT", tmp_path)
    monkeypatch.setattr(rewrite_fit, "_sealed", lambda: ("set9",))
    _jsonl(tmp_path / "set1.jsonl", [{"id": "a", "text": "Grew revenue 30% in a year"}])
    _jsonl(tmp_path / "set1.labels.jsonl", [{"id": "a", "text": "a label's note"}])
    _jsonl(tmp_path / "set9.jsonl", [{"id": "b", "text": "Sealed: grew sign-ups 2x"}])
    _jsonl(tmp_path / "pool1.jsonl", [{"id": "c", "text": "Grew traffic 3x"}])
    texts = rewrite_fit._pool_texts("bullet", ("set*.jsonl",))
    assert list(texts) == ["Grew revenue 30% in a year"]
