"""Draw the sealed set set6 from pool6.jsonl (issue 10 data).

Usage: python corpus/heldout_bullets/draw6.py

Same keyword regex as draw.py (imported from it; no starkit import). Bullets are shuffled
(seed SEED) and taken at most PER_RESUME a resume: first keyword bullets that name a reach /
usage count with a figure (tier 1), then other keyword bullets (tier 2), up to KW_SHARE of SIZE;
then bullets with a figure or change verb but no keyword, so that keyword bullets stay
KW_SHARE of the set (SIZE at most). The result is shuffled
again with the same generator and numbered hb6-001...
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from draw import KEYWORD, REACH, kind  # noqa: E402

SEED, SIZE, KW_SHARE, PER_RESUME = 20261206, 200, 0.8, 4
REACH_RE = re.compile(rf"\b({REACH})\b", re.I)
FIGURE = re.compile(
    r"\d|\b(hundreds?|thousands?|millions?|billions?|dozens?|double[ds]?|tripled?)\b", re.I
)


def tier(text: str) -> int | None:
    if KEYWORD.search(text):
        return 1 if REACH_RE.search(text) and FIGURE.search(text) else 2
    return 3 if kind(text) == "other" else None


def draw_tiered(rows: list[dict], size: int, rng: random.Random) -> list[dict]:
    """Up to `size` of `rows` (shuffled by rng), at most PER_RESUME a resume: tier 1, then tier
    2, up to KW_SHARE of size; then tier 3, keeping keyword bullets KW_SHARE of the set; the
    chosen bullets shuffled again by rng."""
    rows = list(rows)
    rng.shuffle(rows)
    taken: dict[str, int] = defaultdict(int)
    chosen: list[dict] = []
    want_kw = round(size * KW_SHARE)
    for tiers, cap in (((1,), want_kw), ((2,), want_kw), ((3,), None)):
        if cap is None:  # other bullets: keep the keyword share when keyword slots run out
            cap = min(size, len(chosen) + round(len(chosen) * (1 - KW_SHARE) / KW_SHARE))
        for b in rows:
            if len(chosen) >= cap:
                break
            if tier(b["text"]) in tiers and taken[b["resume"]] < PER_RESUME and b not in chosen:
                chosen.append(b)
                taken[b["resume"]] += 1
    rng.shuffle(chosen)
    return chosen


def main() -> None:
    pool = [json.loads(line) for line in (HERE / "pool6.jsonl").open()]
    chosen = draw_tiered([b for b in pool if tier(b["text"])], SIZE, random.Random(SEED))
    with (HERE / "set6.jsonl").open("w") as fh:
        for i, b in enumerate(chosen, 1):
            row = {"id": f"hb6-{i:03d}", "text": b["text"], "source": b["source"]}
            row["resume"] = b["resume"]
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    kw = sum(kind(b["text"]) == "keyword" for b in chosen)
    t1 = sum(tier(b["text"]) == 1 for b in chosen)
    print(
        f"set6: {len(chosen)} bullets, {len({b['resume'] for b in chosen})} resumes, keyword {kw} "
        f"({kw / len(chosen):.0%}; {t1} reach count with a figure)"
    )


if __name__ == "__main__":
    main()
