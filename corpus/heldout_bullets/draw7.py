"""Draw the sealed sets set7 / set8 from pool7.jsonl (issue 10 data).

Usage: python corpus/heldout_bullets/draw7.py

The keyword regex and resume grouping of draw.py and the tiered draw of draw6.py (imported
from them; no starkit import). Resumes are shuffled
(seed RESUME_SEED) and dealt to set7 / set8 so that the two sets share no resume, each resume
going to the set whose keyword capacity is furthest below its target. Within each set bullets are
shuffled (seed per set) and taken at most PER_RESUME a resume: first keyword bullets that name a
reach / usage count with a figure (tier 1), then other keyword bullets (tier 2), up to KW_SHARE
of SIZE; then bullets with a figure or change verb but no keyword (tier 3), so that keyword
bullets stay KW_SHARE of the set (SIZE at most). The result is shuffled again with the same
generator and numbered hb7-001... / hb8-001...
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from draw import group_by_resume, kind  # noqa: E402
from draw6 import PER_RESUME, draw_tiered, tier  # noqa: E402

RESUME_SEED = 20261207
SETS = {"set7": ("hb7", 7007, 260), "set8": ("hb8", 8008, 200)}  # id prefix, seed, size


def main() -> None:
    pool = [json.loads(line) for line in (HERE / "pool7.jsonl").open()]
    by_resume, resumes = group_by_resume(pool, tier, RESUME_SEED)
    deal: dict[str, list[str]] = {name: [] for name in SETS}
    kw_cap = dict.fromkeys(SETS, 0)
    for r in resumes:
        name = min(SETS, key=lambda s: (kw_cap[s] / SETS[s][2], s))
        deal[name].append(r)
        kw_cap[name] += min(PER_RESUME, sum(tier(b["text"]) in (1, 2) for b in by_resume[r]))
    for name, (prefix, seed, size) in SETS.items():
        rows = [b for r in sorted(deal[name]) for b in by_resume[r]]
        chosen = draw_tiered(rows, size, random.Random(seed))
        with (HERE / f"{name}.jsonl").open("w") as fh:
            for i, b in enumerate(chosen, 1):
                row = {"id": f"{prefix}-{i:03d}", "text": b["text"], "source": b["source"]}
                row["resume"] = b["resume"]
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        kw = sum(kind(b["text"]) == "keyword" for b in chosen)
        t1 = sum(tier(b["text"]) == 1 for b in chosen)
        print(
            f"{name}: {len(chosen)} bullets, {len({b['resume'] for b in chosen})} resumes, "
            f"keyword {kw} ({kw / len(chosen):.0%}; {t1} reach count with a figure)"
        )


if __name__ == "__main__":
    main()
