"""Instructions executed to lint the `starkit.bench` bullets, counted by valgrind: a figure that
the load on a shared machine does not move (two runs of the same code differ by under 1%),
where `make bench`'s seconds move by 5-10% from one run to the next (as much as a round of rule
changes costs or a speed change saves).

Two fresh processes run under `valgrind --tool=callgrind`: both import starkit, build the
pipeline and lint the first 200 bench bullets to warm it; the second then lints the first N
(`--bullets`, 1,000 by default), as `make bench` does after its warm-up. The difference between
their instruction counts is what linting N bullets costs. The on-disk cache is warmed by one
plain run first, so neither counted run builds it. Compare two versions of the code by running
this from each (a `git worktree` of the other):

    .venv/bin/python bench/instructions.py [--bullets 1000]

It needs valgrind (Debian's `valgrind` package) and takes about two minutes; without valgrind it
says so and exits 2. The figures of session 31 (1,000 bullets): 1.52 G at c2521c2, 1.96 G at
176db97, 1.69-1.71 G at 88632c1 and after.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_RUN = """
import sys
import starkit
from starkit.bench import corpus
texts = corpus(int(sys.argv[2]))
starkit.lint_many(texts[:200], "bullet")
if sys.argv[1] == "lint":
    starkit.lint_many(texts, "bullet")
"""

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _run(prefix: list[str], mode: str, bullets: int) -> subprocess.CompletedProcess[str]:
    """One fresh process linting with this copy of the code (`mode` 'warm' or 'lint')."""
    cmd = [*prefix, sys.executable, "-c", _RUN, mode, str(bullets)]
    # a fixed hash seed: set and dict orders, and so the count, are the same from run to run
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True)


def count(mode: str, bullets: int, valgrind: str) -> int:
    """Instructions one process executes (`mode` 'warm' or 'lint')."""
    out = _run([valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null"], mode, bullets)
    found = _REFS.search(out.stderr)
    if found is None:
        raise RuntimeError(f"valgrind printed no instruction count:\n{out.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    """Print the instructions linting the bench bullets costs."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bullets", type=int, default=1_000)
    args = ap.parse_args(argv)
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("valgrind is not installed (apt-get install valgrind): nothing counted")
        return 2
    _run([], "warm", 1)  # builds the on-disk cache, so neither counted run does
    warm = count("warm", args.bullets, valgrind)
    lint = count("lint", args.bullets, valgrind)
    per = (lint - warm) / args.bullets
    print(f"code: {ROOT}")
    print(f"lint {args.bullets:,} bench bullets: {(lint - warm) / 1e9:.3f} G instructions")
    print(f"per bullet: {per / 1e6:.2f} M instructions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
