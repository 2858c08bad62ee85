"""`tools/evaluate.py --first-runs`: the recorded first runs are read back from their tables,
never re-run, and every file in `corpus/results/` holds at least one readable table."""

from __future__ import annotations

from pathlib import Path

from tools.evaluate import RESULTS_DIR, Scores, format_first_runs, main, read_recorded

TABLE = """# setX (3 bullets), FIRST RUN at abc1234
setX.jsonl (3 texts; support counts texts)
rule                   support    TP    FP    FN precision  recall     F1
vanity-metric                4     3     1     1     0.750   0.750  0.750
missing-guardrail            0     0     2     0     0.000   1.000  0.000
(micro)                      4     3     3     1     0.500   0.750  0.600
"""


def test_a_table_is_read_back(tmp_path: Path) -> None:
    path = tmp_path / "first-run-setX.txt"
    path.write_text(TABLE, encoding="utf-8")
    (table,) = read_recorded(path)
    assert (table.set_name, table.size) == ("setX.jsonl", 3)
    assert table.rows["vanity-metric"] == Scores(3, 1, 1)
    assert table.rows["(micro)"] == table.micro() == Scores(3, 3, 1)


def test_a_table_without_its_pooled_row_sums_its_rules(tmp_path: Path) -> None:
    path = tmp_path / "first-run-setX.txt"
    path.write_text("".join(x for x in TABLE.splitlines(True) if "(micro)" not in x), "utf-8")
    (table,) = read_recorded(path)
    assert "(micro)" not in table.rows
    assert table.micro() == Scores(3, 3, 1)


def test_one_line_a_set_with_the_pooled_figure(tmp_path: Path) -> None:
    (tmp_path / "first-run-setX.txt").write_text(TABLE, encoding="utf-8")
    (tmp_path / "blind-after-setX.txt").write_text(TABLE, encoding="utf-8")
    out = format_first_runs(tmp_path)
    lines = out.splitlines()
    first = lines.index("FIRST RUNS")
    blind = lines.index("BLIND RE-SCORES (errors unread)")
    assert first < blind
    row = next(line for line in lines[first:blind] if "setX.jsonl" in line)
    assert "0.500/0.750" in row  # micro
    assert "0.75/0.75 (4)" in row  # vanity-metric
    assert "0.00/1.00 (0)" in row  # false alarms where nothing should fire


def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    assert "no recorded runs" in format_first_runs(tmp_path)


def test_every_kept_result_file_holds_a_table() -> None:
    files = sorted(RESULTS_DIR.glob("first-run-*.txt")) + sorted(RESULTS_DIR.glob("blind-*.txt"))
    assert files
    for path in files:
        tables = read_recorded(path)
        assert tables, path.name
        assert all(t.rows for t in tables), path.name


def test_the_flag_prints_and_runs_nothing(capsys) -> None:
    assert main(["--first-runs"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("FIRST RUNS")
