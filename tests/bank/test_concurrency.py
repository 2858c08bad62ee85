"""Several processes saving to one bank at once lose nothing; a writer killed mid-save loses at
most that save, and the bank still opens. (8 x 200 is measured by bench/bank_concurrency.py.)"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from starkit.bank import StoryBank
from starkit.bank.probe import probe

from .bank_worker import story_text
from .conftest import worker_env

WORKER = str(Path(__file__).with_name("bank_worker.py"))


def _start(url: str, label: str, mode: str, count: int, go: Path, *extra: str):
    return subprocess.Popen(
        [sys.executable, WORKER, url, label, mode, str(count), str(go), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=worker_env(),
    )


def _run_all(procs: list[subprocess.Popen], go: Path) -> list[list[str]]:
    time.sleep(0.3)  # let the workers import and open the bank, then start them together
    go.touch()
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err[-2000:]
        outs.append(out.split())
    return outs


def test_processes_adding_at_once_all_land(bank_url, tmp_path):
    StoryBank(bank_url).close()  # create the bank first, as a user's first `add` would
    go, per, workers = tmp_path / "go", 25, 3
    procs = [_start(bank_url, f"w{w}", "add", per, go) for w in range(workers)]
    printed = _run_all(procs, go)
    with StoryBank(bank_url) as bank:
        stories = bank.list()
        assert len(stories) == workers * per
        assert {s.id for s in stories} == {i for ids in printed for i in ids}
        expected = {f"w{w}-{i}": story_text(f"w{w}", i) for w in range(workers) for i in range(per)}
        assert {s.title: s.text for s in stories} == expected
        assert all(s.revision == 1 and s.tags == (s.title.split("-")[0],) for s in stories)


def test_processes_editing_one_story_at_once_get_distinct_revisions(bank_url, tmp_path):
    with StoryBank(bank_url) as bank:
        story_id = bank.add("Shared", "first draft")
    go, per, workers = tmp_path / "go", 10, 3
    procs = [_start(bank_url, f"w{w}", "edit", per, go, story_id) for w in range(workers)]
    _run_all(procs, go)
    with StoryBank(bank_url) as bank:
        history = bank.history(story_id)
        assert [r.number for r in history] == list(range(1, workers * per + 2))
        assert sorted(r.text for r in history[1:]) == sorted(
            f"w{w} edit {i}" for w in range(workers) for i in range(per)
        )
        assert bank.get(story_id).revision == workers * per + 1


def test_a_writer_killed_mid_save_loses_no_earlier_save(tmp_path):
    path = tmp_path / "stories.db"
    with StoryBank(path) as bank:
        before = bank.add("Written before", "an earlier save that must survive")
    go = tmp_path / "go"
    go.touch()
    proc = _start(str(path), "k", "forever", 0, go)
    assert proc.stdout is not None
    seen = [proc.stdout.readline().strip() for _ in range(15)]
    proc.send_signal(signal.SIGKILL)  # no cleanup, no rollback handler: a crash
    rest, _ = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    committed = seen + rest.split()
    # the file is still a healthy bank (SQLite's own integrity check, read-only)
    state, version = probe(path)
    assert state.value == "bank" and version is not None
    with StoryBank(path) as bank:
        stored = {s.id: s for s in bank.list()}
        assert before in stored
        for i, story_id in enumerate(committed):
            assert stored[story_id].text == story_text("k", i, 2000)
        # at most the save in flight is missing: nothing beyond it was half-written
        assert len(committed) + 1 <= len(stored) <= len(committed) + 2
        assert all(len(bank.history(s)) == 1 for s in stored)
