"""Benchmark and check: many processes saving to one story bank at once, and writers killed
mid-save.

    python bench/bank_concurrency.py                 # 8 processes x 200 saves, fresh SQLite file
    python bench/bank_concurrency.py --db postgresql://user@host/db   # an empty database
    python bench/bank_concurrency.py --procs 4 --saves 50 --kills 5

Phase 1 starts every process at the same moment; each adds SAVES stories and prints how long
each save took. Afterwards every story must be present with the exact text its writer saved
(and SQLite's integrity check must pass). Phase 2 (SQLite only) starts a writer, kills it with
SIGKILL at a random moment, and checks that every save it reported is intact and the bank still
opens; repeated KILLS times. Prints the figures; exits 1 if any check fails.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def story_text(worker: int, i: int, size: int = 12) -> str:
    """The text worker `worker` saves as its i-th story (recomputed by the checker)."""
    return f"Result: worker {worker} cut p95 latency {i}% with refunds flat. " * size


def worker(url: str, number: int, saves: int, go: str) -> int:
    """Add `saves` stories once `go` exists; print `id milliseconds` after each commit."""
    from starkit.bank import StoryBank

    bank = StoryBank(url)
    while not os.path.exists(go):
        time.sleep(0.001)
    i = 0
    while saves < 0 or i < saves:
        t = time.perf_counter()
        story_id = bank.add(f"w{number}-{i}", story_text(number, i), [f"w{number}"])
        print(story_id, f"{(time.perf_counter() - t) * 1000:.2f}", flush=True)
        i += 1
    bank.close()
    return 0


def _spawn(url: str, number: int, saves: int, go: Path) -> subprocess.Popen[str]:
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])
    )
    return subprocess.Popen(
        [sys.executable, __file__, "--worker", url, str(number), str(saves), str(go)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def concurrent_saves(url: str, procs: int, saves: int, work: Path) -> list[str]:
    """Phase 1; returns the failed checks (empty when all passed)."""
    from starkit.bank import StoryBank

    go = work / "go"
    go.unlink(missing_ok=True)
    workers = [_spawn(url, n, saves, go) for n in range(procs)]
    time.sleep(2.0)  # every worker has imported starkit and opened the bank
    start = time.perf_counter()
    go.touch()
    outputs = [w.communicate(timeout=600) for w in workers]
    wall = time.perf_counter() - start
    failures = [
        f"worker {n} exited {w.returncode}: {err.strip().splitlines()[-1] if err.strip() else ''}"
        for n, (w, (_, err)) in enumerate(zip(workers, outputs, strict=True))
        if w.returncode != 0
    ]
    reported: dict[str, tuple[int, int]] = {}
    latencies: list[float] = []
    for n, (out, _) in enumerate(outputs):
        for i, line in enumerate(out.split("\n")):
            if line.strip():
                story_id, ms = line.split()
                reported[story_id] = (n, i)
                latencies.append(float(ms))
    with StoryBank(url) as bank:
        stored = {s.id: s for s in bank.list()}
        corrupted = sum(
            1
            for story_id, (n, i) in reported.items()
            if story_id not in stored
            or stored[story_id].text != story_text(n, i)
            or stored[story_id].title != f"w{n}-{i}"
        )
    expected = procs * saves
    print(f"processes x saves:   {procs} x {saves} = {expected}")
    print(f"stories present:     {len(stored)} (reported saved: {len(reported)})")
    print(f"corrupted or lost:   {corrupted}")
    print(f"wall time:           {wall:.2f} s ({len(latencies) / wall:.0f} saves/s overall)")
    if latencies:
        print(
            f"save latency (ms):   p50 {statistics.median(latencies):.1f}  "
            f"p95 {_pct(latencies, 0.95):.1f}  p99 {_pct(latencies, 0.99):.1f}  "
            f"max {max(latencies):.1f}"
        )
    if len(stored) != expected or len(reported) != expected:
        failures.append(f"expected {expected} stories, found {len(stored)}")
    if corrupted:
        failures.append(f"{corrupted} stories lost or corrupted")
    return failures


def kill_mid_save(kills: int, work: Path) -> list[str]:
    """Phase 2 (SQLite): SIGKILL a writer at random moments. Every save it reported (committed)
    and every earlier story must be intact, nothing half-written, and the bank must open."""
    from starkit.bank import StoryBank
    from starkit.bank.probe import FileState, probe

    path = work / "kill.db"
    go = work / "go-kill"
    go.touch()
    failures: list[str] = []
    known: dict[str, tuple[int, int]] = {}  # every story seen intact so far
    rng = random.Random(4)
    reported_total = 0
    for k in range(kills):
        number = 100 + k
        proc = _spawn(str(path), number, -1, go)
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(rng.randint(3, 30))]
        time.sleep(rng.random() * 0.02)  # land the kill at a random point of a save
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=60)
        reported = [ln.split()[0] for ln in [*lines, *out.split("\n")] if ln.strip()]
        reported_total += len(reported)
        state, _version = probe(path)  # SQLite's integrity check, read-only
        if state is not FileState.BANK:
            failures.append(f"kill {k}: the bank no longer opens")
            break
        with StoryBank(path) as bank:
            stored = {s.id: s for s in bank.list()}
        for i, story_id in enumerate(reported):
            known[story_id] = (number, i)
        for story_id, (n, i) in known.items():
            if story_id not in stored or stored[story_id].text != story_text(n, i):
                failures.append(f"kill {k}: saved story {story_id} was lost or changed")
        extra = [s for s in stored.values() if s.id not in known]
        if len(extra) > 1:
            failures.append(f"kill {k}: {len(extra)} unreported saves (at most 1 in flight)")
        for s in extra:  # the save in flight committed before its id was printed
            n, i = (int(x) for x in s.title[1:].split("-"))
            if s.text != story_text(n, i):
                failures.append(f"kill {k}: story {s.id} is half-written")
            known[s.id] = (n, i)
    print(
        f"writers killed:      {kills} (SIGKILL at random points); saves reported "
        f"{reported_total}, stories intact {len(known)}, problems {len(failures)}"
    )
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", default=None, help="an empty database URL (default: a new SQLite file)"
    )
    parser.add_argument("--procs", type=int, default=8)
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--kills", type=int, default=20, help="SQLite crash rounds (0: skip)")
    parser.add_argument(
        "--worker", nargs=4, metavar=("URL", "N", "SAVES", "GO"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.worker:
        url, n, saves, go = args.worker
        return worker(url, int(n), int(saves), go)
    import sqlite3

    print(
        f"python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs"
    )
    with tempfile.TemporaryDirectory(prefix="starkit-bench-") as tmp:
        work = Path(tmp)
        url = args.db or str(work / "stories.db")
        print(f"bank: {'a new SQLite file' if args.db is None else args.db.split('@')[-1]}")
        failures = concurrent_saves(url, args.procs, args.saves, work)
        if args.kills and args.db is None:
            failures += kill_mid_save(args.kills, work)
    for f in failures:
        print(f"FAILED: {f}")
    print("all checks passed" if not failures else f"{len(failures)} checks failed")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
