"""The CLI: formats, exit codes, positions, and one-line errors (never a traceback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from starkit.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def resume(tmp_path: Path) -> Path:
    p = tmp_path / "bullets.txt"
    p.write_text(
        "Cut p95 latency from 800ms to 350ms in Q2\n\n  - Helped 3 teams ship the billing page\n",
        encoding="utf-8",
    )
    return p


def test_text_output_has_compiler_style_positions(capsys, resume):
    code, out, _ = run(capsys, "lint", "--kind", "resume", str(resume))
    first = out.splitlines()[0]
    assert first == (
        f"{resume}:3:5: info weak-verb 'Helped' hides what you did: open with the verb for your "
        "own part."
    )
    assert out.splitlines()[1].startswith("    <Your part> 3 teams to ship the billing page")
    assert code == 0  # only an info finding: below the default --fail-on warning


def test_fail_on_threshold(capsys, resume):
    assert run(capsys, "lint", "--kind", "resume", "--fail-on", "info", str(resume))[0] == 1
    assert run(capsys, "lint", "--kind", "resume", "--fail-on", "error", str(resume))[0] == 0


def test_warning_fails_by_default(capsys, tmp_path):
    p = tmp_path / "b.txt"
    p.write_text("Improved project execution\n", encoding="utf-8")
    code, out, _ = run(capsys, "lint", "--kind", "bullet", str(p))
    assert code == 1 and "warning no-quantification" in out


def test_json_output_is_the_report(capsys, resume):
    _code, out, _ = run(capsys, "lint", "--kind", "resume", "--format", "json", str(resume))
    data = json.loads(out)
    assert data["kind"] == "resume" and data["schema_version"] == 1
    f = data["findings"][0]
    assert data["text"][f["start"] : f["end"]] == "Helped"


def test_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Worked on the roadmap\n")))
    code, out, _ = run(capsys, "lint", "--kind", "bullet", "-")
    assert "<stdin>:1:1: info weak-verb" in out
    assert code == 1  # no-quantification is a warning


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: (d / "bin.dat").write_bytes(b"\x00\x01\x02" * 100) and d / "bin.dat", "binary"),
        (lambda d: (d / "empty.txt").write_text("  \n") and d / "empty.txt", "empty"),
        (lambda d: d, "is a directory"),
    ],
    ids=["missing", "binary", "empty", "directory"],
)
def test_bad_input_is_one_line_and_exit_2(capsys, tmp_path, setup, message):
    path = setup(tmp_path)
    code, out, err = run(capsys, "lint", "--kind", "bullet", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_unknown_kind_is_a_usage_error(capsys, resume):
    with pytest.raises(SystemExit) as exc:
        main(["lint", "--kind", "poem", str(resume)])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_malformed_config_is_exit_2(capsys, tmp_path, resume):
    cfg = tmp_path / "starkit.toml"
    cfg.write_text("disable = [\n", encoding="utf-8")
    code, _, err = run(capsys, "lint", "--config", str(cfg), "--kind", "bullet", str(resume))
    assert code == 2 and "invalid TOML" in err and err.count("\n") == 1


def test_non_utf8_is_decoded_with_a_stated_fallback(capsys, tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Cut caf\xe9 costs by \xa34k in Q2\n".encode("latin-1"))
    _code, out, err = run(capsys, "lint", "--kind", "bullet", "--format", "json", str(p))
    assert "decoded as cp1252" in err
    assert json.loads(out)["text"].startswith("Cut café costs by £4k")


def test_large_text_is_refused_naming_the_limit(capsys, tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("Led a team of 5 engineers to ship it.\n" * 140_000, encoding="utf-8")  # ~5 MB
    code, _, err = run(capsys, "lint", "--kind", "resume", str(p))
    assert code == 2 and "over the limit of 1,000,000" in err


def test_console_script_runs_as_a_process(tmp_path):
    p = tmp_path / "b.txt"
    p.write_text("Grew app downloads 40% in Q3\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "starkit.cli", "lint", "--kind", "bullet", str(p)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "warning vanity-metric 'app downloads'" in proc.stdout


def test_csv_and_markdown_for_plain_text(capsys, tmp_path):
    import csv
    import io

    p = tmp_path / "b.txt"
    p.write_text("=Helped with the <b>roadmap</b> | notes\n", encoding="utf-8")
    _, out, _ = run(capsys, "lint", "--kind", "bullet", "--format", "csv", str(p))
    rows = list(csv.DictReader(io.StringIO(out)))
    weak = next(r for r in rows if r["rule"] == "weak-verb")
    assert weak["line"] == "1" and weak["span"] == "Helped with"
    assert all(not r["suggestion"].startswith("=") for r in rows)
    _, md, _ = run(capsys, "lint", "--kind", "bullet", "--format", "markdown", str(p))
    assert "| 1 | 2 | info | weak-verb | Helped with |" in md
    assert "<b>" not in md and "\\|" in md


@pytest.mark.parametrize("name", ["empty.pdf", "empty.txt", "empty.md", "blank.docx"])
@pytest.mark.parametrize("kind", [None, "bullet", "resume"])
def test_an_empty_file_is_named_and_said_to_be_empty(capsys, tmp_path, monkeypatch, name, kind):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(b"" if name.startswith("empty") else b" \n\n")
    argv = ["lint", *(["--kind", kind] if kind else []), name]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.strip().endswith(f"{name}: the file is empty"), err
    assert "paste" not in err
    (tmp_path / "ok.txt").write_text("Cut churn from 9% to 6% in Q3\n", encoding="utf-8")
    code, out, _ = run(capsys, *argv[:1], "--format", "json", *argv[1:], "ok.txt")
    assert code == 2
    errors = {f["path"]: f["error"] for f in json.loads(out)["files"]}
    assert errors == {name: f"{name}: the file is empty", "ok.txt": None}, out


def test_a_list_linted_as_one_bullet_is_said(capsys, tmp_path):
    """`--kind bullet` reads a whole file as one bullet: a list of bullets read so is judged
    once per rule, so the CLI says so instead of passing it quietly; one line is no list."""
    p = tmp_path / "list.md"
    p.write_text("- Increased billing by 40% in Q3\n- Grew deposits by 25% in 2015\n", "utf-8")
    code, out, err = run(capsys, "lint", "--kind", "bullet", str(p))
    assert code == 1  # a warning fired, as for any file
    assert f"starkit: warning: {p}: 2 list lines read as one bullet (--kind bullet)" in err
    assert out.count("missing-guardrail") == 1  # the list judged as one bullet, as said
    _, out, err = run(capsys, "lint", "--kind", "resume", str(p))
    assert "list lines" not in err and out.count("missing-guardrail") == 2
    p.write_text("- Increased billing by 40% in Q3\n", "utf-8")
    _, _, err = run(capsys, "lint", "--kind", "bullet", str(p))
    assert "list lines" not in err


@pytest.mark.parametrize("text", ["#####\n", "- ====\n", "2019 · 40%\n"])
def test_a_bullet_with_no_word_is_not_judged_and_the_cli_says_so(capsys, tmp_path, text):
    from starkit import engine

    report = engine.lint(text, "bullet")
    assert report.units == [] and report.findings == []  # no rule ran on it
    p = tmp_path / "b.txt"
    p.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "lint", "--kind", "bullet", str(p))
    said = "no words to judge (only symbols, figures or punctuation): not linted as a bullet"
    assert code == 0
    assert f"starkit: warning: {p}: {said}" in err
    assert out == "0 findings; no words to judge, no score\n"  # no perfect score for '#####'
    _, md, _ = run(capsys, "lint", "--kind", "bullet", "--format", "markdown", str(p))
    assert "0 findings, no words to judge, no score" in md
    # a bullet with a word is judged as before
    p.write_text("Helped with the roadmap\n", encoding="utf-8")
    _, out, err = run(capsys, "lint", "--kind", "bullet", str(p))
    assert "weak-verb" in out and "score " in out and "no words" not in err
