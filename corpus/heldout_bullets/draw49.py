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
"""

import collections
import csv
import html
import io
import json
import os
import random
import re
import subprocess
import unicodedata
from typing import Any

OUT = "/work/mine49"
MIRROR = "/work/.mirror"
SEEN = "/work/briefs/seen_texts.txt"
N_TOTAL = 200
PER_RESUME = 2

SRC_A = ("NerdHerd91/Indeed-Resume_Data_Analytics", "797cf8cca1a576ae8f9ecacff1aeea23f586893b")
SRC_B = ("Alexlemelita/Text-Analysis", "b2d6ad72c9022a3846823bcaf7e6948fc7a8277c")
B_CATS = {"Business Analyst", "Operations Manager", "PMO", "Sales"}


def gitdir(repo: str) -> str:
    d = os.path.join(MIRROR, repo.replace("/", "+"), "repo")
    return os.path.join(d, ".git") if os.path.isdir(os.path.join(d, ".git")) else d


def show(repo: str, commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", gitdir(repo), "show", f"{commit}:{path}"],
        check=True,
        capture_output=True,
    ).stdout


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    s = re.sub(r"[^\w\s]", "", s)
    return re.sub(r"\s+", " ", s).strip()


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


# ---------------- work-verb test ----------------
VERBS = [
    "achieve", "analyse", "analyze", "assist", "automate", "build", "collaborate", "conduct",
    "consolidate", "coordinate", "create", "define", "deliver", "deploy", "design", "develop",
    "direct", "drive", "enhance", "ensure", "establish", "estimate", "evaluate", "execute",
    "expand", "facilitate", "gather", "generate", "guide", "handle", "help", "identify",
    "implement", "improve", "increase", "initiate", "interact", "launch", "lead", "maintain",
    "manage", "mentor", "migrate", "monitor", "negotiate", "organize", "organise", "oversee",
    "participate", "perform", "plan", "prepare", "present", "prioritize", "process", "produce",
    "promote", "provide", "publish", "recruit", "reduce", "report", "research", "resolve",
    "review", "run", "schedule", "set", "solve", "streamline", "support", "test", "track",
    "train", "transition", "update", "use", "utilize", "work", "write", "write", "communicate",
    "liaise", "engage", "act", "serve", "own", "acquire", "advise", "align", "allocate",
    "approve", "arrange", "assess", "attend", "audit", "boost", "close", "compile",
    "conceptualize", "contribute", "control", "convert", "coordinate", "cut", "decrease",
    "demonstrate", "document", "draft", "educate", "escalate", "forecast", "formulate", "grow",
    "hire", "integrate", "interview", "investigate", "analyse", "measure", "model", "optimize",
    "optimise", "prepare", "procure", "raise", "redesign", "reengineer", "restructure",
    "revamp", "roll", "sell", "share", "simplify", "source", "spearhead", "standardize",
    "strategize", "structure", "supervise", "survey", "target", "teach", "troubleshoot",
    "validate", "verify", "win", "collect", "obtain", "check", "build", "hold", "attend",
    "achieve", "secure", "onboard", "design", "translate",
]  # fmt: skip
IRREG = {
    "led",
    "ran",
    "built",
    "won",
    "wrote",
    "held",
    "drove",
    "grew",
    "sold",
    "set",
    "cut",
    "made",
    "taught",
    "oversaw",
    "brought",
    "began",
    "took",
    "gave",
    "met",
    "kept",
    "spent",
    "sent",
    "dealt",
}


def verb_forms(v: str) -> set[str]:
    f = {v, v + "s", v + "es"}
    if v.endswith("e"):
        f |= {v + "d", v[:-1] + "ing"}
    elif v.endswith("y") and v[-2] not in "aeiou":
        f |= {v[:-1] + "ied", v[:-1] + "ies", v + "ing"}
    else:
        f |= {v + "ed", v + "ing", v + v[-1] + "ed", v + v[-1] + "ing"}
    return f


VERBSET = set(IRREG)
for v in VERBS:
    VERBSET |= verb_forms(v)
VERBSET |= {"responsible"}  # "Responsible for ..." work statements


def has_work_verb(line: str) -> bool:
    toks = re.findall(r"[a-z]+", line.lower())
    return any(t in VERBSET for t in toks)


# ---------------- PII ----------------
PII = [
    re.compile(p, re.I)
    for p in [
        r"\S+@\S+",
        r"https?://",
        r"\bwww\.",
        r"\b[\w-]+\.(com|org|net|in|io|co)(/|\b)",
        r"indeed\.com",
        r"\(?\+?\d{1,3}\)?[\s.-]?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b",
        r"\b\d{10}\b",
        r"\(\d{3}\)\s*\d{3}",
        r"\b\d+\s+\w+(\s\w+)?\s+(street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|nagar|marg)\b\.?",
        r"\blinkedin\b",
    ]
]


def has_pii(line: str) -> bool:
    return any(p.search(line) for p in PII)


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


def eligible(lines: list[str]) -> list[str]:
    keep = []
    for s in lines:
        n = len(s.split())
        if 6 <= n <= 60 and has_work_verb(s) and not has_pii(s):
            keep.append(s)
    return keep


def experience_part(text: str, start_pat: str, end_pat: str) -> str:
    m = re.search(start_pat, text)
    if not m:
        return text
    rest = text[m.end() :]
    e = re.search(end_pat, rest)
    return rest[: e.start()] if e else rest


def grams(t: str) -> set[tuple[str, ...]]:
    w = re.findall(r"[a-z]+", html.unescape(t).lower())
    return set(tuple(w[i : i + 6]) for i in range(len(w) - 5))


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
