"""Deterministic draw of set56: GitHub resume lines of pool4, pool6, pool7 and pool21 that no
set has taken and that name a metric or a change, drawn unread with `draw55.draw` (resumes
shuffled with random.Random(56), at most 2 lines a resume, the first 200). Writes set56.jsonl.
"""

from __future__ import annotations

from draw55 import HERE, draw, write

POOLS = tuple(HERE / f"pool{n}.jsonl" for n in (4, 6, 7, 21))
OUT = HERE / "set56.jsonl"


if __name__ == "__main__":
    write(draw(POOLS, 56, OUT), OUT, "hb56")
