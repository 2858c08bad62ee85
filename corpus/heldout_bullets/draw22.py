#!/usr/bin/env python3
"""set22 / pool22: PM / growth / TPM bullets quoted in resume guides and advice pages.

Source lines: example resume bullets (strong and weak, before and after) that resume guides,
resume-advice blogs, career sites and PM book notes print, gathered by hand from the stored
`pages` excerpts and one GitHub-hosted blog post; see the set22 section of README.md.
ALL_JSONL is the gathered file of eligible lines, one JSON object a line:
    {"text", "source": {"url", "note"}, "resume", "kind", "roles"}
where `resume` is `pg22-<n>`, numbering the page (URL) the line was printed on.  The file is
already filtered: resume-bullet lines only (no advice prose, no templates with slots, no job-ad
lines), whitespace-normalised words as printed, under 5 words dropped, lines with an e-mail /
URL / phone dropped, texts equal (lowercase, punctuation stripped, whitespace collapsed) to a
`corpus/**/*.jsonl` text dropped, repeats across pages kept once (the first), at most 12 lines a
page.  No starkit import; no line is chosen or dropped for what a rule would do.

Usage:  draw22.py ALL_JSONL [--out OUT_DIR]     (OUT_DIR defaults to this file's folder)

The draw (seed 22, random.Random):
 1. pages sorted by number and shuffled; the first half (floor) is A (feeds set22), the rest B
    (feeds pool22) -- the split is made before any line is drawn;
 2. set22: A's lines shuffled and split by the digit test (any 0-9) into D and N; lines are
    taken in the pattern D, D, D, N (when one list runs out, from the other) up to 240 (180
    with a digit, 60 without); when fewer are eligible, every line of A is taken;
 3. pool22: every line of B;
 4. both files shuffled, ids hb22-001... and p22-0001...
"""

import argparse
import json
import os
import random
import re
from typing import Any

SEED = 22
N_SET, N_DIGIT, N_PLAIN = 240, 180, 60
DIGIT = re.compile(r"\d")
Row = dict[str, Any]


def load(path: str) -> list[Row]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def page_no(resume: str) -> int:
    return int(resume.rsplit("-", 1)[1])


def draw(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    rng = random.Random(SEED)
    pages = sorted({r["resume"] for r in rows}, key=page_no)
    rng.shuffle(pages)
    half_a = set(pages[: len(pages) // 2])
    a_rows = [r for r in rows if r["resume"] in half_a]
    b_rows = [r for r in rows if r["resume"] not in half_a]

    rng.shuffle(a_rows)
    queues = {
        "d": [r for r in a_rows if DIGIT.search(r["text"])],
        "n": [r for r in a_rows if not DIGIT.search(r["text"])],
    }
    quota = {"d": N_DIGIT, "n": N_PLAIN}
    pattern = ["d", "d", "d", "n"]
    set_rows: list[Row] = []
    step = 0
    while len(set_rows) < N_SET and (queues["d"] or queues["n"]):
        want = pattern[step % 4]
        step += 1
        other = "n" if want == "d" else "d"
        kind = want if queues[want] and quota[want] > 0 else other
        if not queues[kind]:
            kind = want
        set_rows.append(queues[kind].pop(0))
        quota[kind] -= 1

    pool_rows = list(b_rows)
    rng.shuffle(set_rows)
    rng.shuffle(pool_rows)
    return set_rows, pool_rows


def write(rows: list[Row], path: str, prefix: str, width: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            out = {
                "id": f"{prefix}{i:0{width}d}",
                "text": r["text"],
                "source": {"url": r["source"]["url"], "note": r["source"]["note"]},
                "resume": r["resume"],
            }
            f.write(json.dumps(out, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("all_jsonl")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = ap.parse_args()
    set_rows, pool_rows = draw(load(args.all_jsonl))
    write(set_rows, os.path.join(args.out, "set22.jsonl"), "hb22-", 3)
    write(pool_rows, os.path.join(args.out, "pool22.jsonl"), "p22-", 4)
    n_digit = sum(bool(DIGIT.search(r["text"])) for r in set_rows)
    pages_a = len({r["resume"] for r in set_rows})
    pages_b = len({r["resume"] for r in pool_rows})
    print(
        f"set22: {len(set_rows)} ({n_digit} with a digit) from {pages_a} pages, "
        f"pool22: {len(pool_rows)} from {pages_b} pages"
    )


if __name__ == "__main__":
    main()
