"""Deduplicate extracted metric bullets, give ids, draw the dev / sealed splits.

Usage: python corpus/metric_bullets/build.py RAW.jsonl

RAW.jsonl comes from extract.py. Keeps resume-style bullets (filt.ok) that name a
product/business/growth metric (extract.METRIC) AND state a figure or a change
(CHANGE). Splits by resume (one source repository = one person), fixed seed.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from filt import ok

HERE = Path(__file__).parent
SEED = 20261202
CAP = 40  # bullets per resume in a split
CHANGE = re.compile(
    r"\d|\b(increas|grew|grow|improv|reduc|boost|lift|doubl|tripl|drov|driv|rais|generat|acquir|"
    r"reach|gain|achiev|decreas|cut|lower|expand|scal|accelerat|maximi|optimi|onboard|convert|sav|"
    r"retain|won|secur|clos|sold|deliver)",
    re.I,
)


def norm(t: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", t.lower())


def resume_id(repo: str) -> str:
    return "r" + hashlib.sha1(repo.lower().encode()).hexdigest()[:8]


def main() -> None:
    raw = [json.loads(x) for x in Path(sys.argv[1]).read_text().splitlines() if x.strip()]
    repos_of: dict[str, set[str]] = defaultdict(set)
    for r in raw:
        repos_of[norm(r["text"])].add(r["source"]["repo"].lower())
    seen: set = set()
    rows = []
    for r in raw:
        t = r["text"]
        if not ok(r) or not CHANGE.search(t):
            continue
        k = norm(t)
        # near-duplicate: same first 7 words in the same repo (resume variants)
        k2 = (r["source"]["repo"], " ".join(re.findall(r"[a-z]+", t.lower())[:7]))
        if k in seen or k2 in seen or len(repos_of[k]) > 1:
            continue
        seen.update((k, k2))
        rows.append({"text": t, "source": r["source"], "resume": resume_id(r["source"]["repo"])})
    for i, r in enumerate(rows, 1):
        r["id"] = f"mb{i:04d}"
    by_res: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_res[r["resume"]].append(r)
    rng = random.Random(SEED)
    res_ids = sorted(by_res)
    rng.shuffle(res_ids)
    picks: dict[str, list[dict]] = {"dev": [], "sealed": []}
    for rid in res_ids:
        items = by_res[rid][:]
        rng.shuffle(items)
        split = min(picks, key=lambda s: len(picks[s]))
        picks[split] += items[:CAP]
    pool = [r for r in rows if not any(r in p for p in picks.values())]
    keys = ("id", "text", "source", "resume")
    for name, part in (("dev", picks["dev"]), ("sealed", picks["sealed"]), ("pool", pool)):
        part.sort(key=lambda x: x["id"])
        with (HERE / f"{name}.jsonl").open("w") as fh:
            for r in part:
                fh.write(json.dumps({k: r[k] for k in keys}, ensure_ascii=False) + "\n")
        print(
            name,
            len(part),
            "bullets,",
            len({r["resume"] for r in part}),
            "resumes",
            file=sys.stderr,
        )
    print("all", len(rows), "bullets,", len(by_res), "resumes", file=sys.stderr)


if __name__ == "__main__":
    main()
