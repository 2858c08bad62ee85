"""Figures for the LaTeX template zoo: the share of expected achievement bullets read whole
(exact text) and in an achievement section, per case and overall, and how long each case
takes to read.  Prints figures; asserts nothing.

    .venv/bin/python -m tests.resume.bench_latex_zoo
"""

from __future__ import annotations

import time
import tomllib
from collections import Counter
from pathlib import Path

from starkit.errors import StarkitError
from starkit.resume import read_resume

ZOO = Path(__file__).parent / "fixtures" / "latex_zoo"


def whole_share(case: dict) -> tuple[int, int, float]:
    """(expected bullets read whole in an achievement section, expected, seconds)."""
    t = time.perf_counter()
    try:
        resume = read_resume(ZOO / case["path"])
        got = Counter(b.text for b in resume.achievement_bullets)
    except StarkitError:
        got = Counter()
    seconds = time.perf_counter() - t
    want = Counter(case["bullets"])
    hit = sum(min(n, got[text]) for text, n in want.items())
    return hit, sum(want.values()), seconds


def main() -> None:
    cases = tomllib.loads((ZOO / "expected.toml").read_text(encoding="utf-8"))["case"]
    total_hit = total = 0
    print(f"{'case':28} {'whole':>7} {'of':>4} {'ms':>7}")
    for case in cases:
        hit, n, seconds = whole_share(case)
        total_hit += hit
        total += n
        print(f"{case['name']:28} {hit:7d} {n:4d} {seconds * 1000:7.1f}")
    print(f"{'all':28} {total_hit:7d} {total:4d}   {total_hit / total:.1%} whole")


if __name__ == "__main__":
    main()
