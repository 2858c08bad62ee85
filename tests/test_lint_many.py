"""`starkit lint PATH...`: files, folders and globs, kinds from content or config, one exit code
for the run, the summary line, --version and the help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from starkit import __version__
from starkit.cli import main
from starkit.lintrun import expand_paths, kind_from_text

RESUME_MD = """# Sam Example

## Experience

### Product Manager, Acme (2021-2024)

- Grew app downloads 40% in Q3
- Cut p95 latency from 800 ms to 300 ms in Q2, holding error rate under 0.1%
"""
STORY = """Situation: Our checkout had high p95 latency and conversion was falling every week.
Task: I was asked to fix the checkout flow before the holiday season started.
Action: I led 3 engineers to rebuild the payment step and moved the slow calls to a queue.
Result: We cut p95 latency from 900 ms to 300 ms and raised conversion from 2.1% to 2.6%.
"""
EMAIL = "Hi Sam,\n\nThank you for the chat today about the roadmap.\n\nBest,\nJo\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "resume.md").write_text(RESUME_MD, encoding="utf-8")
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "checkout.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "thanks.txt").write_text(EMAIL, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    for hidden in (".git", "node_modules", ".venv"):
        (tmp_path / hidden).mkdir()
        (tmp_path / hidden / "notes.md").write_text("Helped with things\n", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02" * 50)  # binary under a text suffix
    return tmp_path


def test_folder_is_walked_skipping_hidden_and_unsupported(folder):
    files, skipped = expand_paths([str(folder)])
    names = sorted(Path(f).relative_to(folder).as_posix() for f in files)
    assert names == ["blob.txt", "resume.md", "stories/checkout.md", "thanks.txt"]
    assert [Path(s).name for s in skipped] == ["photo.png"]


def test_run_over_a_folder_has_one_summary_and_the_worst_exit(capsys, folder):
    code, out, err = run(capsys, "lint", str(folder))
    last = out.splitlines()[-1]
    assert last.startswith("3 files linted; ")
    assert "2 skipped" in last  # the PNG and the binary .txt found in the folder
    assert code == 1 and "Traceback" not in err
    assert "vanity-metric" in out and "resume.md:7:" in out


def test_kinds_come_from_content(folder):
    assert kind_from_text(STORY) == "story"
    assert kind_from_text(EMAIL) == "email"
    assert kind_from_text("Grew revenue 20%\nCut costs by $4k\n") == "resume"


def test_json_run_lists_every_file_with_its_kind(capsys, folder):
    _, out, _ = run(capsys, "lint", "--format", "json", str(folder))
    data = json.loads(out)
    kinds = {Path(f["path"]).name: f["kind"] for f in data["files"]}
    assert kinds == {"resume.md": "resume", "checkout.md": "story", "thanks.txt": "email"}
    assert data["summary"]["files"] == 3 and data["summary"]["skipped"] == 2


def test_kinds_from_config_override_content(capsys, folder, monkeypatch):
    (folder / "pyproject.toml").write_text(
        '[tool.starkit]\nkinds = { "stories/*.md" = "resume" }\n', encoding="utf-8"
    )
    monkeypatch.chdir(folder)
    _, out, _ = run(capsys, "lint", "--format", "json", "stories")
    assert json.loads(out)["files"][0]["kind"] == "resume"


def test_bad_kind_in_config_is_exit_2(capsys, folder):
    cfg = folder / "starkit.toml"
    cfg.write_text('kinds = { "*.md" = "poem" }\n', encoding="utf-8")
    code, out, err = run(capsys, "lint", "--config", str(cfg), str(folder))
    assert code == 2 and out == "" and err.count("\n") == 1 and "kinds" in err


def test_glob_and_explicit_files(capsys, folder):
    code, out, _ = run(capsys, "lint", str(folder / "*.md"), str(folder / "thanks.txt"))
    assert out.splitlines()[-1].startswith("2 files linted")
    assert code == 1


def test_glob_matching_nothing_is_exit_2(capsys, folder):
    code, _, err = run(capsys, "lint", str(folder / "*.nothing"))
    assert code == 2 and "no file matches" in err


def test_a_file_that_errors_makes_the_run_exit_2_but_others_still_print(capsys, folder):
    code, out, _ = run(capsys, "lint", str(folder / "resume.md"), str(folder / "missing.md"))
    assert code == 2
    assert "missing.md: error: " in out and "vanity-metric" in out


def test_clean_run_exits_0(capsys, tmp_path):
    p = tmp_path / "ok.txt"
    p.write_text("Cut p95 latency from 800 ms to 300 ms in Q2, holding error rate at 0.1%\n")
    q = tmp_path / "ok2.txt"
    q.write_text("Raised trial-to-paid conversion from 2.1% to 2.6% in Q3, churn flat at 1.2%\n")
    code, out, _ = run(capsys, "lint", "--fail-on", "warning", str(p), str(q))
    assert code == 0, out


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"starkit {__version__}"


def test_help_is_for_users_with_examples(capsys):
    with pytest.raises(SystemExit):
        main(["lint", "--help"])
    out = capsys.readouterr().out
    for needle in ("examples:", "--format", "sarif", "github", "starkit: disable=", "exit codes"):
        assert needle in out
