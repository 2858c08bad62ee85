"""Draw set59: more lines of arefinnomi/curriculum_vitae_data, from CVs set57 did not draw.

draw57's reader, role rule and filters (imported); CVs whose word 6-grams overlap a set57 CV's
by 30% or more (the dataset holds copies) are left out; at most 2 lines a CV,
random.Random(59), 200 lines. Reads the miner's raw Word files and the seen-lines list (which
holds set57's lines); writes set59.jsonl beside it.
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import draw57 as d57

HERE = Path(__file__).resolve().parent
OUT = HERE / "set59.jsonl"
SET57 = HERE / "set57.jsonl"
OVERLAP = 0.3


def grams(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def main() -> None:
    seen = {d57.norm(t) for t in d57.SEEN.read_text(encoding="utf-8").splitlines() if t.strip()}
    taken = {json.loads(x)["source"]["row"][:-5] for x in SET57.read_text().splitlines()}
    files = sorted(d57.RAW.glob("*.docx"), key=lambda p: int(p.stem))
    texts = {p.stem: d57.docx_text(p) for p in files}
    roles = {s: d57.role_of(t) for s, t in texts.items()}
    taken_grams = set().union(*(grams(texts[s]) for s in taken))
    counts: collections.Counter[str] = collections.Counter()
    pool: dict[str, list[str]] = {}
    used: set[str] = set()
    for stem, text in texts.items():
        if roles[stem] is None or stem in taken:
            continue
        counts["cvs_in_role_not_taken"] += 1
        g = grams(text)
        if g and len(g & taken_grams) / len(g) >= OVERLAP:
            counts["copies_of_set57_cvs"] += 1
            continue
        keep = d57.cv_lines(text, seen, used)
        if keep:
            pool[stem] = keep
    counts["cvs_with_lines"] = len(pool)
    counts["candidate_lines"] = sum(map(len, pool.values()))
    rows = d57.draw_rows(pool, {s: r for s, r in roles.items() if r is not None}, 59, "hb59")
    d57.write_rows(rows, OUT)
    counts["drawn_lines"] = len(rows)
    counts["drawn_cvs"] = len({r["resume"] for r in rows})
    for key, val in sorted(counts.items()):
        print(f"{key}\t{val}", file=sys.stderr)


if __name__ == "__main__":
    main()
