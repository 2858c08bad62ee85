#!/usr/bin/env python3
"""draw45.py - seeded draw of resume work-statement lines for set45 (adapted from draw31.py).

Source: heyyjudes/llm-hiring-ecosystem, Table1_Experimental_Modified_Resumes/Original_CV.csv
(a 520-row subset of the Djinni Recruitment Dataset, English candidate profiles:
real, anonymised CVs). Lines are drawn without reading them: every step is a
mechanical filter, and the choice is made by random.Random(45).
CVs that gave any line to seen_texts.txt (set31/set32 and earlier sets) are skipped whole.

Usage: python3 draw45.py [OUT_JSONL [SEEN_TEXTS]]  (reads the CSV from the local git mirror at
COMMIT). It redraws set45 byte for byte given the seen-texts list as it stood at the draw: the
project's list of every earlier set's normalised lines, without set45's own (added after it).
"""

import collections
import csv
import io
import json
import random
import re
import subprocess
import sys

REPO = "heyyjudes/llm-hiring-ecosystem"
PATH = "Table1_Experimental_Modified_Resumes/Original_CV.csv"
COMMIT = "2e9af6cb7917acc409e4aedfcb5cf88b074e5f6c"
SEED = 45
PER_RESUME = 2
TOTAL = 200

# draw31's filters, unchanged: the role filter, the splitter, the work-verb and personal-data
# tests, and the normal form of a line (set45 is draw31's draw at another seed)
from draw31 import ROLE_RE, has_pii, is_work, norm, split_lines  # noqa: E402

MIRROR = "/work/.mirror/heyyjudes+llm-hiring-ecosystem/repo"
SEEN = "/work/briefs/seen_texts.txt"
OUT = "/work/mine45/set45.jsonl"

# draw32.py's splitter (set32 topped up from this CSV with it): used only to recognise CVs
# that already gave a line, never to produce lines here
from draw32 import split_lines as split_lines32  # noqa: E402


def read_source() -> list[dict[str, str]]:
    raw = subprocess.run(
        ["git", "--git-dir", MIRROR, "show", f"{COMMIT}:{PATH}"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    csv.field_size_limit(10**9)
    return list(csv.DictReader(io.StringIO(raw)))


def main(out_path: str) -> None:
    with open(SEEN, encoding="utf-8") as f:
        seen = {norm(x) for x in f if x.strip()}
    seen.discard("")
    # seen lines of >= 6 words, indexed by their first 6 words, for a substring test on the
    # whole normalised CV (catches lines cut differently by other splitters)
    by6 = collections.defaultdict(list)
    for k in seen:
        w = k.split()
        if len(w) >= 6:
            by6[tuple(w[:6])].append(k)
    rows = read_source()
    c = collections.Counter()
    c["rows"] = len(rows)
    kept = []
    for r in rows:
        role = r["Primary Keyword"]
        title = r["Position"]
        if ROLE_RE.search(role) or (
            ROLE_RE.search(title) and not re.search(r"design", title, re.I)
        ):
            kept.append(r)
    c["resumes_role_kept"] = len(kept)
    # skip whole every CV that gave any line to seen_texts.txt
    fresh = []
    for r in kept:
        cv = r["CV"]
        hit31 = any(norm(x) in seen for x in split_lines(cv))
        hit32 = any(norm(x) in seen for x in split_lines32(cv))
        ncv = " " + norm(cv) + " "
        w = ncv.split()
        hitsub = False
        for i in range(len(w) - 5):
            for k in by6.get(tuple(w[i : i + 6]), ()):
                if " " + k + " " in ncv:
                    hitsub = True
                    break
            if hitsub:
                break
        c["used_cv_by_line31"] += hit31
        c["used_cv_by_line32"] += hit32
        c["used_cv_by_substring"] += hitsub
        if hit31 or hit32 or hitsub:
            c["resumes_skipped_used"] += 1
            continue
        fresh.append(r)
    c["resumes_fresh"] = len(fresh)
    used_norm = set()
    per = []
    for r in fresh:
        lines = split_lines(r["CV"])  # the CV field is the experience part of a Djinni profile
        c["lines_split"] += len(lines)
        cand = []
        for line in lines:
            n = len(line.split())
            if not 6 <= n <= 60:
                continue
            c["lines_6_60"] += 1
            if not is_work(line):
                continue
            c["lines_work_verb"] += 1
            if has_pii(line):
                c["dropped_pii"] += 1
                continue
            k = norm(line)
            if k in seen:
                c["dropped_seen"] += 1
                continue
            if k in used_norm:
                c["dropped_dup"] += 1
                continue
            used_norm.add(k)
            cand.append(line)
        c["lines_candidate"] += len(cand)
        if cand:
            per.append((r, cand))
    c["resumes_with_candidates"] = len(per)
    rng = random.Random(SEED)
    pool = []
    for r, cand in per:
        for line in rng.sample(cand, min(PER_RESUME, len(cand))):
            pool.append((r, line))
    c["pool_after_per_resume_cap"] = len(pool)
    rng.shuffle(pool)
    pick = pool[:TOTAL]
    with open(out_path, "w", encoding="utf-8") as f:
        for i, (r, line) in enumerate(pick, 1):
            row = r[""]
            f.write(
                json.dumps(
                    {
                        "id": f"hb45-{i:03d}",
                        "text": line,
                        "source": {
                            "repo": REPO,
                            "path": PATH,
                            "commit": COMMIT,
                            "row": row,
                            "role": r["Primary Keyword"],
                        },
                        "resume": f"{REPO}#{row}",
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    c["written"] = len(pick)
    c["resumes_written"] = len(set(r[""] for r, _ in pick))
    roles = collections.Counter(r["Primary Keyword"] for r, _ in pick)
    print(json.dumps({"counts": c, "roles": roles}, indent=1))


if __name__ == "__main__":
    if len(sys.argv) > 2:
        SEEN = sys.argv[2]
    main(sys.argv[1] if len(sys.argv) > 1 else OUT)
