#!/usr/bin/env python3
"""draw49.py - draw set49 resume lines (seeded, no reading of lines to choose them).

Sources (real resumes, not used before on the project: 0 of their lines are in seen_texts.txt,
no repo in used_repos.txt, neither is a source draw31.py/draw32.py name):
  A. NerdHerd91/Indeed-Resume_Data_Analytics @797cf8cc  resumes-json.json
     91 public Indeed.com resumes (Indeed resume API export, 2011-2013, given by Indeed to a
     student analytics project); role = headline, else the first work-experience title;
     lines = the work-experience descriptions.
  B. Alexlemelita/Text-Analysis @b2d6ad72  Resume.csv
     a copy of the Kaggle "UpdatedResumeDataSet.csv" (962 rows, 166 distinct Indian CVs,
     25 categories); category filter Business Analyst / Operations Manager / PMO / Sales;
     exact-duplicate rows and near-duplicates (>=30% shared word 6-grams) dropped, first kept;
     lines = the part after "Company Details".

Steps: role/category filter -> split experience part into lines -> keep 6-60 words with a work
verb -> drop PII lines -> drop seen_texts / duplicates -> Random(49): at most 2 lines per
resume -> cap 200.
It redraws set49 byte for byte given the seen-texts list as it stood at the draw (every
earlier set's normalised lines, without set49's own, which were added after it).
"""

import collections
import csv
import html
import io
import json
import os
import random
import re
from typing import Any

# draw32's readers, verb and personal-data filters, unchanged (draw49 keeps its own role
# filter and splitter, and its sources)
from draw32 import eligible, grams, norm, show

OUT = "/work/mine49"
MIRROR = "/work/.mirror"
SEEN = "/work/briefs/seen_texts.txt"
N_TOTAL = 200
PER_RESUME = 2

SRC_A = ("NerdHerd91/Indeed-Resume_Data_Analytics", "797cf8cca1a576ae8f9ecacff1aeea23f586893b")
SRC_B = ("Alexlemelita/Text-Analysis", "b2d6ad72c9022a3846823bcaf7e6948fc7a8277c")
B_CATS = {"Business Analyst", "Operations Manager", "PMO", "Sales"}


# ---------------- role filter ----------------
ROLE = re.compile(
    r"\b(product\s+(manag|owner|market|analy|lead|strateg|special)\w*|marketing|analyst|analytics|"
    r"program(me)?\s+manag\w*|project\s+manag\w*|growth|operations?|business\s+development|pmo|"
    r"sales|account\s+(manag|exec)\w*|country\s+manag\w*|seo|sem)\b",
    re.I,
)
# IT/QA "analyst" titles are not business/data analysts: excluded when the title has no
# other kept role word
IT_ANALYST = re.compile(
    r"\b(test|testing|quality|qa|security|software|support|service desk|l1|l2|dba|technology|"
    r"technical|system|systems)\b[^,/]*\banalyst\b"
    r"|\banalyst\b[^,/]*\b(sql dba|engineer|quality|qa)\b",
    re.I,
)


def role_ok(role: str) -> bool:
    if not role or not ROLE.search(role):
        return False
    if IT_ANALYST.search(role):
        rest = IT_ANALYST.sub(" ", role)
        return bool(ROLE.search(rest))
    return True


# ---------------- line splitting ----------------
BULLET = (
    r"[\u2022\u25cf\u25aa\u25a0\u2756\u27a2\u2713\u2714"
    r"\u25ba\u25b6\u2023\u2043\u00b7\uf0b7\uf0d8\uf0a7*]"
)


def split_lines(text: str) -> list[str]:
    """bullets / sentences of a text block; wrapped lines are joined."""
    text = html.unescape(text).replace("\r", "")
    out = []
    for para in re.split(r"\n\s*\n", text):
        # bullet marks and dash-bullets at line start begin new items
        para = re.sub(r"(^|\n)\s*(" + BULLET + r"|-|\)|\d{1,2}[.)])\s+", r"\n@@ ", para)
        para = re.sub(BULLET, "\n@@ ", para)
        items = para.split("\n@@ ")
        for it in items:
            it = re.sub(r"\s*\n\s*", " ", it).strip()
            for s in re.split(r"(?<=[.;!?])\s+(?=[A-Z(])", it):
                s = s.strip(" -\u2013\u2014:;,\t")
                if s:
                    out.append(s)
    return out


JUNK = re.compile(r"\b(lorem|ipsum|suspendisse)\b|^test account$", re.I)


def source_a() -> list[dict[str, Any]]:
    repo, commit = SRC_A
    path = "resumes-json.json"
    data = json.loads(show(repo, commit, path).decode("utf-8"))
    res = []
    for i, r in enumerate(data["resumes"]):
        we = r.get("workExperiences") or []
        role = (r.get("headline") or "").strip()
        if not role and we:
            role = (we[0].get("title") or "").strip()
        if JUNK.search(role) or JUNK.search(r.get("summary") or ""):
            role = ""  # test / placeholder accounts
        lines = []
        for w in we:
            lines += split_lines(w.get("description") or "")
        res.append(
            dict(
                repo=repo,
                commit=commit,
                path=path,
                row=f"resumes[{i}]:{r.get('resumeKey', '')}",
                role=role,
                lines=lines,
                g=grams(" ".join((w.get("description") or "") for w in we)),
            )
        )
    return res


def demojibake(t: str) -> str:
    """the CSV holds UTF-8 text that was decoded as cp1252/latin-1 once; undo per run"""

    def fix(m: re.Match) -> str:
        s = m.group(0)
        for enc in ("cp1252", "latin-1"):
            try:
                return s.encode(enc).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
        return s

    return re.sub(r"[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u2122]{1,3}", fix, t)


def source_b() -> list[dict[str, Any]]:
    repo, commit = SRC_B
    path = "Resume.csv"
    csv.field_size_limit(10**9)
    rows = list(csv.DictReader(io.StringIO(show(repo, commit, path).decode("utf-8"))))
    res = []
    seen_txt = set()
    for i, r in enumerate(rows):
        t = r["Resume"]
        exact_dup = t in seen_txt
        seen_txt.add(t)
        t = demojibake(t)
        m = re.search(r"Company Details", t)
        exp = t[m.end() :] if m else t
        exp = re.sub(r"(?im)^\s*company\s*-\s*.*$", "", exp)
        exp = re.sub(r"(?im)^\s*description\s*-\s*", "", exp)
        res.append(
            dict(
                repo=repo,
                commit=commit,
                path=path,
                row=str(i),
                role=r["Category"],
                cat=r["Category"],
                lines=split_lines(exp),
                exact_dup=exact_dup,
                g=grams(t),
            )
        )
    return res


def main() -> None:
    seen = set()
    with open(SEEN, encoding="utf-8") as f:
        for line in f:
            seen.add(norm(line))
    stats: dict[str, Any] = collections.OrderedDict()

    A = source_a()
    B = source_b()
    stats["A_resumes"] = len(A)
    # the Indeed export holds some people more than once (several resume versions):
    # near-duplicates (>=30% shared word 6-grams with an earlier resume) dropped, first kept
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
    stats["B_rows"] = len(B)
    stats["B_exact_duplicate_rows"] = sum(r["exact_dup"] for r in B)
    B = [r for r in B if not r["exact_dup"]]
    stats["B_distinct_cvs"] = len(B)
    B = [r for r in B if r["cat"] in B_CATS]
    stats["B_category_kept"] = len(B)
    kept_g = [r["g"] for r in A if r["g"]]
    nb, ndup = [], 0
    for r in B:
        g = r["g"]
        if g and any(len(g & k) / len(g) >= 0.3 for k in kept_g):
            ndup += 1
            continue
        kept_g.append(g)
        nb.append(r)
    stats["B_near_duplicates_dropped"] = ndup
    B = nb

    rng = random.Random(49)
    used: set[str] = set()
    pool = []
    for tag, resumes in (("A", A), ("B", B)):
        kept = [r for r in resumes if role_ok(r["role"])]
        stats[f"{tag}_role_kept"] = len(kept)
        before = len(kept)
        kept = [r for r in kept if not any(norm(x) in seen for x in r["lines"])]
        stats[f"{tag}_resumes_dropped_already_seen"] = before - len(kept)
        nl = ne = ns = 0
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
                    continue
                loc.add(k)
                cand.append(s)
            r["cand"] = cand
        stats[f"{tag}_lines_split"] = nl
        stats[f"{tag}_lines_6to60_verb_nopii"] = ne
        stats[f"{tag}_lines_dropped_seen"] = ns
        stats[f"{tag}_resumes_with_candidates"] = sum(1 for r in kept if r["cand"])
        n0 = len(pool)
        for r in kept:
            picks = rng.sample(r["cand"], min(PER_RESUME, len(r["cand"])))
            for s in picks:
                k = norm(s)
                if k in used:
                    continue
                used.add(k)
                pool.append((r, s))
        stats[f"{tag}_pool_after_2_per_resume"] = len(pool) - n0
    if len(pool) > N_TOTAL:
        pool = rng.sample(pool, N_TOTAL)
    chosen = pool
    stats["final_lines"] = len(chosen)
    stats["final_resumes"] = len({(r["repo"], r["row"]) for r, _ in chosen})

    with open(os.path.join(OUT, "set49.jsonl"), "w", encoding="utf-8") as f:
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
                        "id": f"hb49-{i:03d}",
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
    with open(os.path.join(OUT, "draw49_stats.json"), "w") as f:
        json.dump(stats, f, indent=1, ensure_ascii=False)
    print(json.dumps({k: v for k, v in stats.items() if k != "roles"}, indent=1))


if __name__ == "__main__":
    main()
