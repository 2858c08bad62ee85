#!/usr/bin/env python3
"""draw50.py - draw set50 resume lines (seeded, no reading of lines to choose them).

Adapted from draw49.py (beside it, whose readers and filters it imports); source A only:
  NerdHerd91/Indeed-Resume_Data_Analytics @797cf8cc  resumes-json.json
  91 public Indeed.com resumes; role = headline, else the first work-experience title;
  lines = the work-experience descriptions.

Same mechanical filters and role filter as draw49 used for the Indeed resumes:
near-duplicate resumes (>=30% shared word 6-grams with an earlier one) dropped, first kept ->
role filter -> split descriptions into lines -> keep 6-60 words with a work verb -> drop PII
lines -> drop lines in seen_texts.txt (now holds set49's lines) / duplicates ->
Random(50): at most 4 lines per resume -> cap 200.
Differences from draw49: Random(50); every resume allowed (draw49's "drop resumes with any
line already seen" step is removed, so resumes set49 drew from stay in); 4 lines per resume;
Alexlemelita/Text-Analysis (source B) not used.
It redraws set50 byte for byte given the seen-texts list as it stood at the draw (with
set49's lines, without set50's own, which were added after it).
"""

import collections
import json
import os
import random
from typing import Any

OUT = "/work/mine50"
MIRROR = "/work/.mirror"
SEEN = "/work/briefs/seen_texts.txt"
N_TOTAL = 200
PER_RESUME = 4

SRC_A = ("NerdHerd91/Indeed-Resume_Data_Analytics", "797cf8cca1a576ae8f9ecacff1aeea23f586893b")


# draw49's readers and filters, unchanged: set50 is draw49's draw of the Indeed resumes at
# another seed and a larger per-resume cap
from draw49 import (  # noqa: E402
    eligible,
    norm,
    role_ok,
    source_a,
)


def main() -> None:
    seen = set()
    with open(SEEN, encoding="utf-8") as f:
        for line in f:
            seen.add(norm(line))
    stats: dict[str, Any] = collections.OrderedDict()

    A = source_a()
    stats["A_resumes"] = len(A)
    na, kg, nd = [], [], 0
    for r in A:
        g = r["g"]
        if g and any(len(g & k) / len(g) >= 0.3 for k in kg):
            nd += 1
            continue
        if g:
            kg.append(g)
        na.append(r)
    stats["A_near_duplicates_dropped"] = nd
    A = na
    stats["A_after_near_dup"] = len(A)

    rng = random.Random(50)
    used: set[str] = set()
    pool = []
    kept = [r for r in A if role_ok(r["role"])]
    stats["A_role_kept"] = len(kept)
    # every resume allowed; count those holding a line already in seen_texts (set49's resumes)
    stats["A_role_kept_with_seen_line"] = sum(
        1 for r in kept if any(norm(x) in seen for x in r["lines"])
    )
    nl = ne = ns = nd2 = 0
    for r in kept:
        nl += len(r["lines"])
        el = eligible(r["lines"])
        ne += len(el)
        cand, loc = [], set()
        for s in el:
            k = norm(s)
            if k in seen:
                ns += 1
                continue
            if k in used or k in loc:
                nd2 += 1
                continue
            loc.add(k)
            cand.append(s)
        r["cand"] = cand
    stats["A_lines_split"] = nl
    stats["A_lines_6to60_verb_nopii"] = ne
    stats["A_lines_dropped_seen"] = ns
    stats["A_lines_dropped_dup_in_resume"] = nd2
    stats["A_candidate_lines"] = sum(len(r["cand"]) for r in kept)
    stats["A_resumes_with_candidates"] = sum(1 for r in kept if r["cand"])
    ncross = 0
    for r in kept:
        picks = rng.sample(r["cand"], min(PER_RESUME, len(r["cand"])))
        for s in picks:
            k = norm(s)
            if k in used:
                ncross += 1
                continue
            used.add(k)
            pool.append((r, s))
    stats["A_picks_dropped_dup_across_resumes"] = ncross
    stats["A_pool_after_4_per_resume"] = len(pool)
    stats["A_pool_resumes"] = len({r["row"] for r, _ in pool})
    if len(pool) > N_TOTAL:
        pool = rng.sample(pool, N_TOTAL)
    chosen = pool
    stats["final_lines"] = len(chosen)
    stats["final_resumes"] = len({(r["repo"], r["row"]) for r, _ in chosen})
    stats["final_resumes_overlapping_set49"] = len(
        {r["row"] for r, _ in chosen if any(norm(x) in seen for x in r["lines"])}
    )

    with open(os.path.join(OUT, "set50.jsonl"), "w", encoding="utf-8") as f:
        for i, (r, s) in enumerate(chosen, 1):
            src = {
                "repo": r["repo"],
                "path": r["path"],
                "commit": r["commit"],
                "row": r["row"],
                "role": r["role"],
            }
            f.write(
                json.dumps(
                    {
                        "id": f"hb50-{i:03d}",
                        "text": s,
                        "source": src,
                        "resume": f"{r['repo']}#{r['row']}",
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    roles = collections.Counter()
    for r, _ in chosen:
        roles[f"{r['repo']} | {r['role']}"] += 1
    stats["roles"] = dict(roles.most_common())
    with open(os.path.join(OUT, "draw50_stats.json"), "w") as f:
        json.dump(stats, f, indent=1, ensure_ascii=False)
    print(json.dumps({k: v for k, v in stats.items() if k != "roles"}, indent=1))


if __name__ == "__main__":
    main()
