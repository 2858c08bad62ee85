"""Deterministic draw of set55: the lines of pool17 that no set has taken, drawn unread
(`draw` and `write` serve set56 too).

pool17 (livecareer resumes of half B, every line with a digit) fed set18 to set20 in session
23; its other lines stayed sealed (`bench/findings_snapshot.py` SEALED). session 32's rewrite
samples (`corpus/rewrite_fit/fitA-C`) took 57 of them by mistake; those and every text of any
other `corpus/**/*.jsonl` are left out. Of the rest, the lines that name a metric or a change (a
plain keyword regex, not starkit, as set2 and set3 chose theirs) are kept, resumes shuffled with
random.Random(55), at most 2 lines a resume, the first 200 kept. Writes set55.jsonl here.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from set_filter import KEEP_RE as METRIC_OR_CHANGE

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
POOL = HERE / "pool17.jsonl"
OUT = HERE / "set55.jsonl"
SEED = 55
PER_RESUME = 2
MAX_LINES = 200


def _texts_elsewhere(pools: tuple[Path, ...], out: Path) -> set[str]:
    seen: set[str] = set()
    for path in CORPUS.glob("**/*.jsonl"):
        if path in (*pools, out) or "labels" in path.name:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if isinstance(text, str):
                seen.add(text.strip())
    return seen


def draw(pools: tuple[Path, ...], seed: int, out: Path) -> list[dict]:
    """The lines of `pools` no other corpus file holds that name a metric or a change, resumes
    shuffled by `seed`, at most `PER_RESUME` a resume, the first `MAX_LINES`."""
    seen = _texts_elsewhere(pools, out)
    by_resume: dict[str, list[dict]] = {}
    for pool in pools:
        for line in pool.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["text"].strip() not in seen and METRIC_OR_CHANGE.search(row["text"]):
                by_resume.setdefault(row["resume"], []).append(row)
    resumes = sorted(by_resume)
    rng = random.Random(seed)
    rng.shuffle(resumes)
    picked: list[dict] = []
    for resume in resumes:
        lines = by_resume[resume]
        rng.shuffle(lines)
        picked += lines[:PER_RESUME]
        if len(picked) >= MAX_LINES:
            break
    return picked[:MAX_LINES]


def write(picked: list[dict], out: Path, prefix: str) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for n, row in enumerate(picked, 1):
            line = {"id": f"{prefix}-{n:03d}", "text": row["text"], "source": row["source"]}
            line["resume"] = row["resume"]
            line["pool_id"] = row["id"]
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{len(picked)} lines from {len({r['resume'] for r in picked})} resumes to {out}")


def main() -> None:
    write(draw((POOL,), SEED, OUT), OUT, "hb55")


if __name__ == "__main__":
    main()
