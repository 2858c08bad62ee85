#!/usr/bin/env python3
"""set23: lines of livecareer resumes nobody on the project has read (session 25, issue 10).

Same dataset, same reading of the PDFs and same line rules as `draw17.py` (imported from it);
no starkit import, lines never chosen or dropped for what a rule would do.

The resumes: half A of draw17's seeded split (the half set17 was drawn from) minus the 196
resumes set17 used: resumes whose lines no one on the project has read. Half B is pool17's
(set18 to set20) and stays out.

The draw (random.Random(23)): lines that state an outcome with a figure (a percentage, money,
"Nx", K/M/B, "N+", "from N to M") or a change verb on a business word, shuffled, at most 2 a
resume, the first 240 kept. The shape favours the judgements issue 10 measures
(vanity-metric, missing-guardrail, missing-baseline): score no-quantification on it with care.

Usage:  draw23.py DATA_DIR --out OUT_DIR   (DATA_DIR = the snapshot's `data/`; ~2 minutes)

set24 is the next draw of the same kind from the 13 folders draw17 did not keep (`--other`:
ACCOUNTANT, ADVOCATE, AGRICULTURE, APPAREL, AUTOMOBILE, AVIATION, BPO, CHEF, CONSTRUCTION,
ENGINEERING, FITNESS, HEALTHCARE, TEACHER; no line of them had been read), since half A without
set23's resumes holds only 82 eligible lines:
`draw23.py DATA_DIR --out OUT_DIR --name set24 --seed 24 --other` (~6 minutes).

set25 is the next draw from those folders, leaving out set24's resumes (read after its first
run): `draw23.py DATA_DIR --out OUT_DIR --name set25 --seed 25 --other --exclude set24.jsonl`;
set26 leaves out set24's and set25's: `... --name set26 --seed 26 --other --exclude set24.jsonl
set25.jsonl`. set27 takes what is left of both sources (half A and the other folders), leaving
out every resume set23 to set26 drew from: `... --name set27 --seed 27 --all-folders --exclude
set23.jsonl set24.jsonl set25.jsonl set26.jsonl`.
"""

import argparse
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import draw17

SEED = 23
N_SET = 240
CAP = 2
OUTCOME_FIGURE = re.compile(
    r"\d\s*%|\bpercent\b|[$€£₹]\s*\d|\bRs\.?\s*\d|\b\d+(?:\.\d+)?\s*[xX]\b|\b\d+(?:\.\d+)?\s*[KMB]\b"
    r"|\b\d[\d,]*\+|\bfrom\s+\S*\d\S*\s+to\s+\S*\d|→"
)
CHANGE_ON_BUSINESS = re.compile(
    r"\b(increas|grew|grow|boost|rais|doubl|tripl|generat|expand|improv|drove|driv|lift)\w*\b"
    r".{0,60}\b(sales|revenue|profit|clients?|customers?|accounts?|traffic|users?|members|"
    r"membership|attendance|enrollment|followers|engagement|conversion|retention|market share|"
    r"leads?|business|volume|subscribers?|bookings|visits|visitors|views|downloads)\b",
    re.I,
)


def eligible(text: str) -> bool:
    return bool(OUTCOME_FIGURE.search(text) or CHANGE_ON_BUSINESS.search(text))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir")
    ap.add_argument("--out", required=True)
    ap.add_argument("--name", default="set23")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--other", action="store_true", help="the folders draw17 did not keep")
    ap.add_argument("--all-folders", action="store_true", help="half A and the other folders")
    ap.add_argument("--exclude", nargs="*", default=[], help="earlier sets whose resumes stay out")
    ap.add_argument(
        "--corpus", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    )
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    folders = sorted(os.listdir(a.data_dir))

    def docs_of(cats: list[str]) -> list[tuple[str, str]]:
        found = []
        for cat in cats:
            for fn in sorted(os.listdir(os.path.join(a.data_dir, cat))):
                if fn.endswith(".pdf"):
                    found.append((fn[:-4], cat))
        return sorted(found, key=lambda d: int(d[0]))

    fresh: list[tuple[str, str]] = []
    if not a.other:
        order = docs_of(draw17.KEEP)
        random.Random(draw17.SEED).shuffle(order)  # draw17's split, before any line is read
        half_a = order[: len(order) // 2]
        with open(os.path.join(here, "set17.jsonl"), encoding="utf-8") as fh:
            used = {json.loads(x)["resume"][3:] for x in fh if x.strip()}
        fresh = sorted((r for r in half_a if r[0] not in used), key=lambda d: int(d[0]))
    if a.other or a.all_folders:
        other = docs_of([c for c in folders if c not in draw17.KEEP])
        fresh = sorted([*fresh, *other], key=lambda d: int(d[0]))
    for name in a.exclude:
        with open(os.path.join(here, name), encoding="utf-8") as fh:
            drawn = {json.loads(x)["resume"][3:] for x in fh if x.strip()}
        fresh = [r for r in fresh if r[0] not in drawn]
    # the corpus as it stood before this draw: its own output and later draws stay out
    later = tuple(f"set{n}.jsonl" for n in range(int(a.name.removeprefix("set")), 100))
    seen = draw17.corpus_texts(a.corpus, skip=later)
    for name in ("set17.jsonl", "pool17.jsonl"):  # corpus_texts leaves draw17's own out
        with open(os.path.join(here, name), encoding="utf-8") as fh:
            seen |= {draw17.norm(json.loads(x)["text"]) for x in fh if x.strip()}
    cand = []
    for rid, cat in fresh:
        rows = draw17.rows_of(os.path.join(a.data_dir, cat, rid + ".pdf"))
        for t in draw17.pieces(rows):
            k = draw17.norm(t)
            if k in seen:
                continue
            seen.add(k)
            if eligible(t):
                cand.append((rid, cat, t))
    rng = random.Random(a.seed)
    rng.shuffle(cand)
    per: dict[str, int] = {}
    chosen = []
    for rid, cat, t in cand:
        if len(chosen) == N_SET:
            break
        if per.get(rid, 0) >= CAP:
            continue
        per[rid] = per.get(rid, 0) + 1
        chosen.append((rid, cat, t))
    prefix = "hb" + a.name.removeprefix("set") + "-"
    with open(os.path.join(a.out, a.name + ".jsonl"), "w", encoding="utf-8") as fh:
        for i, (rid, cat, t) in enumerate(chosen, 1):
            fh.write(json.dumps(draw17.rec(i, prefix, 3, rid, cat, t), ensure_ascii=False) + "\n")
    print(
        f"{len(fresh)} fresh resumes; {len(cand)} eligible lines; "
        f"{len(chosen)} drawn from {len(per)} resumes"
    )


if __name__ == "__main__":
    main()
