"""Start-up time of `starkit lint FILE` against a bare `python -c "import spacy"`, side by side.

Each command runs N times as a fresh process, alternating so load on a shared machine hits
both alike; the medians of wall time and of CPU time and their ratios are printed (the target
is <= 1.3x). The on-disk cache (`starkit.diskcache`: parsed lexicons, term tokens, ...) is warmed
by one run first (that is the state after the first `starkit lint` on a machine); `--no-cache`
measures with it off. That first run also writes starkit's `.pyc` files, as `pip install`
does (`PYTHONDONTWRITEBYTECODE` is dropped for the runs: without them every starkit module is
compiled from source each time, ~0.09 s). The load average before and after is printed (the
machine is shared), and, for reference only, `import spacy` with the garbage-collector
thresholds `starkit` sets for itself (`starkit.cli.GC_THRESHOLD`) and `import spacy` ending
with `os._exit` as `starkit lint` ends (no teardown): like-for-like baselines for the two
things the command line does for itself.

    .venv/bin/python bench/startup.py [-n 15] [--no-cache]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BULLETS = "Helped with the roadmap\nCut p95 latency from 800ms to 300ms in Q2\n"


CPU: dict[str, list[float]] = {}


def timed(cmd: list[str], env: dict[str, str], label: str = "") -> float:
    """Wall time of one run; its CPU time (user + system) is kept under `label`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if label:
        CPU.setdefault(label, []).append(cpu)
    return wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=15)
    ap.add_argument("--no-cache", action="store_true")
    args = ap.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        from starkit.cli import GC_THRESHOLD
    except ImportError:  # measuring a copy of an older commit (PYTHONPATH=that copy)
        GC_THRESHOLD = (700, 10, 10)  # Python's default

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        env["STARKIT_CACHE_DIR"] = "off" if args.no_cache else str(Path(tmp) / "cache")
        sample = Path(tmp) / "bullets.txt"
        sample.write_text(BULLETS, encoding="utf-8")
        starkit = [sys.executable, "-m", "starkit.cli", "lint", str(sample)]
        spacy_only = [sys.executable, "-c", "import spacy"]
        timed(starkit, env)  # warm the OS file cache and the term cache
        timed(spacy_only, env)
        spacy_gc = [
            sys.executable,
            "-c",
            f"import gc; gc.set_threshold(*{GC_THRESHOLD!r}); import spacy",
        ]
        spacy_exit = [sys.executable, "-c", "import os, spacy; os._exit(0)"]
        base, lint, gc_base, exit_base = [], [], [], []
        for _ in range(args.n):
            base.append(timed(spacy_only, env, "spacy"))
            lint.append(timed(starkit, env, "lint"))
            gc_base.append(timed(spacy_gc, env, "spacy_gc"))
            exit_base.append(timed(spacy_exit, env, "spacy_exit"))
    b, s = statistics.median(base), statistics.median(lint)
    print(f"runs each                 {args.n}")
    print(f"python -c 'import spacy'  median {b:.3f} s  (min {min(base):.3f})")
    print(f"starkit lint FILE         median {s:.3f} s  (min {min(lint):.3f})")
    print(f"ratio                     {s / b:.2f}x  (target <= 1.30x)")
    cb, cs = statistics.median(CPU["spacy"]), statistics.median(CPU["lint"])
    print(
        f"CPU time (user+sys)       import spacy {cb:.3f} s, starkit lint {cs:.3f} s, "
        f"ratio {cs / cb:.2f}x (steadier than wall time on a shared machine)"
    )
    g, cg = statistics.median(gc_base), statistics.median(CPU["spacy_gc"])
    print(
        f"for reference             import spacy with starkit's GC thresholds: {g:.3f} s wall, "
        f"{cg:.3f} s CPU (lint / that: {s / g:.2f}x wall, {cs / cg:.2f}x CPU)"
    )
    e, ce = statistics.median(exit_base), statistics.median(CPU["spacy_exit"])
    print(
        f"for reference             import spacy, then os._exit as starkit lint ends: {e:.3f} s "
        f"wall, {ce:.3f} s CPU (lint / that: {s / e:.2f}x wall, {cs / ce:.2f}x CPU)"
    )
    print(f"disk cache                {'off' if args.no_cache else 'on'}")
    after = os.getloadavg()
    print(f"load average (1 min)      {load_before[0]:.2f} before, {after[0]:.2f} after")


if __name__ == "__main__":
    main()
