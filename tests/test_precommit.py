"""pre-commit runs the starkit hook of `.pre-commit-hooks.yaml` in a fresh git repository and
fails the commit on a warning. Offline: the hook is declared as a `repo: local` hook with the
same id, entry and file patterns, run with `language: system` from this environment (a
`language: python` hook would pip-install starkit and its dependencies from the network)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    if shutil.which("git") is None:
        pytest.fail("git is needed for the pre-commit test")
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert hook["id"] == "starkit" and hook["language"] == "python"
    local = {**hook, "language": "system"}
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    work = tmp_path / "cv"
    work.mkdir()
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    bindir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
        "PRE_COMMIT_HOME": str(tmp_path / "pc-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    git(work, env, "init", "-q")
    git(work, env, "add", ".pre-commit-config.yaml")
    git(work, env, "commit", "-q", "-m", "config")
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return work, env


def git(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_commit_fails_on_a_warning_and_passes_when_clean(repo):
    work, env = repo
    bullets = work / "resume.md"
    bullets.write_text("- Grew app downloads 40% in Q3\n", encoding="utf-8")
    (work / "README.md").write_text("Helped with things\n", encoding="utf-8")  # excluded
    git(work, env, "add", "resume.md", "README.md")
    failed = git(work, env, "commit", "-m", "resume")
    assert failed.returncode != 0
    out = failed.stdout + failed.stderr
    assert "vanity-metric" in out and "README" not in out

    bullets.write_text(
        "- Cut p95 latency from 800 ms to 300 ms in Q2, holding error rate at 0.1%\n"
        "- Grew app downloads 40% in Q3"
        " <!-- starkit: disable=vanity-metric,missing-guardrail -->\n",
        encoding="utf-8",
    )
    git(work, env, "add", "resume.md")
    passed = git(work, env, "commit", "-m", "resume")
    assert passed.returncode == 0, passed.stdout + passed.stderr
