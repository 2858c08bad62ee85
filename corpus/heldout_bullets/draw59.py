"""Draw set59: more lines of arefinnomi/curriculum_vitae_data, from CVs set57 did not draw.

draw57's reader, role rule and filters (imported); CVs whose word 6-grams overlap a set57 CV's
by 30% or more (the dataset holds copies) are left out; at most 2 lines a CV,
random.Random(59), 200 lines. Reads the miner's raw Word files and the seen-lines list (which
holds set57's lines); writes set59.jsonl beside it.
"""

from __future__ import annotations

import collections
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import draw57 as d57

HERE = Path(__file__).resolve().parent
OUT = HERE / "set59.jsonl"
SET57 = HERE / "set57.jsonl"
N_LINES = 200
PER_RESUME = 2
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
        names = d57.name_tokens(text)
        keep = []
        for line in d57.split_lines(text):
            if not 6 <= len(line.split()) <= 60:
                continue
            if d57.personal(line, names) or not d57.english(line):
                continue
            key = d57.norm(line)
            if key in seen or key in used:
                continue
            used.add(key)
            if d57.KEEP_RE.search(line):
                keep.append(line)
        if keep:
            pool[stem] = keep
    counts["cvs_with_lines"] = len(pool)
    counts["candidate_lines"] = sum(map(len, pool.values()))
    rng = random.Random(59)
    order = sorted(pool, key=int)
    rng.shuffle(order)
    rows: list[dict[str, object]] = []
    for stem in order:
        if len(rows) >= N_LINES:
            break
        for text in rng.sample(pool[stem], min(PER_RESUME, len(pool[stem])))[: N_LINES - len(rows)]:
            path = f"word/{stem}.docx"
            rows.append(
                {
                    "id": f"hb59-{len(rows) + 1:03d}",
                    "text": text,
                    "source": {
                        "repo": d57.REPO,
                        "path": path,
                        "commit": d57.COMMIT,
                        "row": f"{stem}.docx",
                        "role": roles[stem],
                    },
                    "resume": f"{d57.REPO}#{path}#{stem}",
                }
            )
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts["drawn_lines"] = len(rows)
    counts["drawn_cvs"] = len({r["resume"] for r in rows})
    for key, val in sorted(counts.items()):
        print(f"{key}\t{val}", file=sys.stderr)


if __name__ == "__main__":
    main()
