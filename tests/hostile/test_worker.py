"""The bounded parsing worker: results come back, and a parse over its time or memory budget
is stopped with a one-line error, in the CLI (fork) and from a threaded server (forkserver)."""

from __future__ import annotations

import threading
import time

import pytest

from starkit.errors import InputError, ResumeReadError
from starkit.worker import read_pasted_resume, run_bounded


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def _spin() -> None:
    while True:
        pass


def _hog() -> int:
    blocks = []
    while True:
        blocks.append(bytearray(50_000_000))


def _refuse() -> None:
    raise InputError("bad.pdf: a reason in one line")


def _exit() -> None:
    import os

    os._exit(3)


def _bug() -> None:
    raise KeyError("a bug")


def test_the_result_comes_back() -> None:
    assert run_bounded(_sleep, 0, label="x") == "done"


def test_a_parse_over_its_wall_clock_time_is_stopped() -> None:
    t0 = time.perf_counter()
    with pytest.raises(ResumeReadError) as exc:
        run_bounded(_sleep, 30, label="slow.docx", seconds=0.5)
    assert str(exc.value) == (
        "slow.docx: reading the file took over 0.5 s and was stopped; it is not a resume "
        "starkit can read"
    )
    assert time.perf_counter() - t0 < 10


def test_a_parse_spinning_the_cpu_is_stopped() -> None:
    with pytest.raises(ResumeReadError, match="took over 1 s"):
        run_bounded(_spin, label="spin.pdf", seconds=1)


def test_a_parse_over_its_memory_budget_is_stopped() -> None:
    with pytest.raises(ResumeReadError, match="more than 200 MB of memory"):
        run_bounded(_hog, label="hog.docx", memory=200_000_000, seconds=20)


def test_a_worker_that_dies_names_its_limits_not_a_doc() -> None:
    with pytest.raises(ResumeReadError) as exc:
        run_bounded(_exit, label="dead.pdf", memory=300_000_000, seconds=4)
    assert str(exc.value) == (
        "dead.pdf: reading the file was stopped (over the 4 s or 300 MB limit, exit 3); "
        "it is not a resume starkit can read"
    )


def test_the_readers_own_error_comes_back_in_one_line() -> None:
    with pytest.raises(ResumeReadError, match=r"^bad.pdf: a reason in one line$"):
        run_bounded(_refuse, label="bad.pdf")


def test_a_bug_in_the_reader_is_not_passed_off_as_the_files_fault() -> None:
    with pytest.raises(RuntimeError, match="KeyError"):
        run_bounded(_bug, label="x")


def test_from_a_threaded_server_the_worker_comes_from_a_forkserver() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()  # a second thread: fork would be unsafe, so the forkserver is used
    try:
        resume = run_bounded(
            read_pasted_resume, "Led 3 teams to cut churn by 20%\nShipped it", "paste", label="p"
        )
    finally:
        stop.set()
    assert len(resume.achievement_bullets) == 2
