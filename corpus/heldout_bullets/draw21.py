#!/usr/bin/env python3
"""set21 / pool21: PM / growth / marketing / TPM / analyst bullets of resume tools' sample resumes.

Source lines: the sample / fixture / demo resumes that resume builders, ATS checkers, resume
parsers, job-hunt assistants and similar tools keep in their code or data files (plus three real
people's resumes kept in such tools' files); see the set21 section of README.md for the sources.
ALL_JSONL is the gathered file of eligible lines, one JSON object a line:
    {"text", "source": {"repo", "path", "commit"}, "resume", "role", "kind"}
already filtered (experience / project / achievement lines only, under 5 words dropped, lines with
an e-mail / URL / phone / street address dropped, texts equal to a `corpus/**/*.jsonl` text
dropped, repeats across sources kept once).  No starkit import; no line is chosen or dropped for
what a rule would do.

Usage:  draw21.py ALL_JSONL [--out OUT_DIR]     (OUT_DIR defaults to this file's folder)

The draw (seed 21, random.Random):
 1. resumes (personas) sorted by id and shuffled; the first half is A (feeds set21), the rest
    B (feeds pool21);
 2. set21: A's lines shuffled and split by the digit test (any 0-9) into D and N; lines are
    taken in the pattern D, D, D, N (when one list runs out, from the other) while a resume has
    fewer than 6 and a repository fewer than 12 taken lines, up to 240 (180 with a digit, 60
    without); when fewer are eligible, every line the caps allow is taken;
 3. pool21: B's lines shuffled and taken while their repository has fewer than 12 lines over
    set21 + pool21;
 4. both files shuffled, ids hb21-001... and p21-0001...
"""

import argparse
import json
import os
import random
import re
from collections import Counter
from typing import Any

SEED = 21
N_SET, N_DIGIT, N_PLAIN = 240, 180, 60
RESUME_CAP, REPO_CAP = 6, 12
DIGIT = re.compile(r"\d")
Row = dict[str, Any]


def load(path: str) -> list[Row]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def draw(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    rng = random.Random(SEED)
    resumes = sorted({r["resume"] for r in rows})
    rng.shuffle(resumes)
    half_a = set(resumes[: len(resumes) // 2])
    a_rows = [r for r in rows if r["resume"] in half_a]
    b_rows = [r for r in rows if r["resume"] not in half_a]

    per_resume: Counter[str] = Counter()
    per_repo: Counter[str] = Counter()

    def fits(r: Row, resume_cap: int | None) -> bool:
        if per_repo[r["source"]["repo"]] >= REPO_CAP:
            return False
        return resume_cap is None or per_resume[r["resume"]] < resume_cap

    def take(r: Row, out: list[Row]) -> None:
        out.append(r)
        per_resume[r["resume"]] += 1
        per_repo[r["source"]["repo"]] += 1

    rng.shuffle(a_rows)
    digit = [r for r in a_rows if DIGIT.search(r["text"])]
    plain = [r for r in a_rows if not DIGIT.search(r["text"])]
    quota = {"d": N_DIGIT, "n": N_PLAIN}
    queues = {"d": digit, "n": plain}
    set_rows: list[Row] = []
    pattern = ["d", "d", "d", "n"]
    step = 0
    while len(set_rows) < N_SET and (queues["d"] or queues["n"]):
        want = pattern[step % 4]
        step += 1
        other = "n" if want == "d" else "d"
        kind = want if queues[want] and quota[want] > 0 else other
        if not queues[kind]:
            kind = want
        if not queues[kind]:
            continue
        r = queues[kind].pop(0)
        if fits(r, RESUME_CAP):
            take(r, set_rows)
            quota[kind] -= 1

    rng.shuffle(b_rows)
    pool_rows: list[Row] = []
    for r in b_rows:
        if fits(r, None):
            take(r, pool_rows)

    rng.shuffle(set_rows)
    rng.shuffle(pool_rows)
    return set_rows, pool_rows


def write(rows: list[Row], path: str, prefix: str, width: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            out = {
                "id": f"{prefix}{i:0{width}d}",
                "text": r["text"],
                "source": {k: r["source"][k] for k in ("repo", "path", "commit")},
                "resume": r["resume"],
            }
            f.write(json.dumps(out, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("all_jsonl")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = ap.parse_args()
    set_rows, pool_rows = draw(load(args.all_jsonl))
    write(set_rows, os.path.join(args.out, "set21.jsonl"), "hb21-", 3)
    write(pool_rows, os.path.join(args.out, "pool21.jsonl"), "p21-", 4)
    n_digit = sum(bool(DIGIT.search(r["text"])) for r in set_rows)
    print(f"set21: {len(set_rows)} ({n_digit} with a digit), pool21: {len(pool_rows)}")


if __name__ == "__main__":
    main()
