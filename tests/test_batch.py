"""`starkit batch`: a Parquet table with a row per file, unit and finding; restartable; the same
rows on 1 and 2 processes. Throughput is measured in bench/batch.py, not here."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from starkit.batch import ROW_COLUMNS, done_paths, run_batch
from starkit.cli import main

BULLETS = [
    json.loads(line)["text"]
    for line in (Path(__file__).parent / "data" / "devset" / "bullets.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()[:60]
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "resumes"
    (root / "sub").mkdir(parents=True)
    for i in range(6):
        lines = BULLETS[i * 8 : i * 8 + 8]
        body = "# Candidate\n\n## Experience\n\n### PM, Acme (2020-2024)\n\n"
        body += "".join(f"- {b}\n" for b in lines)
        (root / ("sub" if i % 2 else ".") / f"r{i}.md").write_text(body, encoding="utf-8")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (root / "notes.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return root


def test_rows_per_file_unit_and_finding(folder, tmp_path):
    out = tmp_path / "results.parquet"
    stats = run_batch(folder, out, jobs=1, progress=False)
    assert stats["done"] == 7 and stats["errors"] == 1 and stats["skipped"] == 1
    df = pd.read_parquet(out)
    assert list(df.columns) == list(ROW_COLUMNS)
    files = df[df.row == "file"]
    assert len(files) == 7 and files.error.notna().sum() == 1
    units = df[(df.row == "unit") & (df.kind == "bullet")]
    assert len(units) == 48  # 8 bullets in each of 6 resumes
    findings = df[df.row == "finding"]
    assert len(findings) > 10 and findings.rule.notna().all()
    # each finding points at a real line of its file
    for _, f in findings.iterrows():
        lines = Path(f.path).read_text(encoding="utf-8").splitlines()
        assert 1 <= f.line <= len(lines) and 1 <= f.column <= len(lines[f.line - 1]) + 1


def test_restart_skips_files_already_done(folder, tmp_path):
    out = tmp_path / "results.parquet"
    run_batch(folder, out, jobs=1, progress=False)
    first = pd.read_parquet(out)
    (folder / "r_new.md").write_text(
        "# C\n\n## Experience\n\n### PM, X (2020-2024)\n\n- Helped with the roadmap\n", "utf-8"
    )
    stats = run_batch(folder, out, jobs=1, progress=False)
    assert stats["done"] == 1 and stats["skipped_done"] == 7
    again = pd.read_parquet(out)
    assert len(again) > len(first) and set(again.path) - set(first.path) == {
        str(folder / "r_new.md")
    }
    assert len(again[again.row == "file"]) == 8  # nothing linted twice


def test_interrupted_run_keeps_its_parts(folder, tmp_path, monkeypatch):
    import starkit.batch as batch

    out = tmp_path / "results.parquet"
    calls = {"n": 0}
    real = batch.rows_for_file

    def flaky(path, kind=None, config=None):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real(path, kind, config)

    monkeypatch.setattr(batch, "rows_for_file", flaky)  # 7 files: chunks of one on one job
    with pytest.raises(KeyboardInterrupt):
        run_batch(folder, out, jobs=1, progress=False)
    assert len(done_paths(out)) == 3 and not out.exists()
    monkeypatch.setattr(batch, "rows_for_file", real)
    stats = run_batch(folder, out, jobs=1, progress=False)
    assert stats["done"] == 4
    assert len(pd.read_parquet(out).query("row == 'file'")) == 7


def test_two_processes_give_the_same_rows(folder, tmp_path):
    one, two = tmp_path / "one.parquet", tmp_path / "two.parquet"
    run_batch(folder, one, jobs=1, progress=False)
    run_batch(folder, two, jobs=2, progress=False)
    key = ["path", "row", "unit", "rule", "line", "column"]
    a = pd.read_parquet(one).sort_values(key).reset_index(drop=True)
    b = pd.read_parquet(two).sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)


def test_cli(folder, tmp_path, capsys):
    out = tmp_path / "cli.parquet"
    code = main(["batch", str(folder), "--out", str(out), "--jobs", "2", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2  # the broken PDF
    assert "7 files linted" in err and "files/s" in err
    assert out.is_file()
    code = main(["batch", str(folder / "nope"), "--out", str(out)])
    assert code == 2 and "not a folder" in capsys.readouterr().err
