#!/usr/bin/env python3
"""draw32.py - draw set32 resume lines (seeded, no reading of lines to choose them).

Primary sources (real resumes, not used before on the project):
  A. DataTurks-Engg/Entity-Recognition-In-Resumes-SpaCy  traindata.json + testdata.json
     (the DataTurks "Entity Recognition in Resumes" set: 220 Indeed.com resumes, India)
  B. dotin-inc/resume-dataset-NER-annotations  545_cvs_train_v2.zip + set_aside_test_v2_50cvs.zip
     (re-annotation of DataTurks + Kaggle "resumedataset.csv" (maitrip) CVs, names/e-mails faked);
     CVs that duplicate a DataTurks resume are dropped.
Top-up source (the brief's fallback, used only to fill the set up to 200 lines):
  C. heyyjudes/llm-hiring-ecosystem @2e9af6cb Table1_Experimental_Modified_Resumes/Original_CV.csv
     (Djinni candidate profiles), Project Manager rows.

Steps: role filter on the resume's title/role -> split experience part into lines ->
keep 6-60 words with a work verb -> drop PII lines -> drop seen_texts / duplicates ->
Random(32): at most 2 lines per resume -> cap 200 (top-up from C only if A+B < 200).
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
import zipfile
from typing import Any

OUT = "/work/mine32"
MIRROR = "/work/.mirror"
SEEN = "/work/briefs/seen_texts.txt"
N_TOTAL = 200
PER_RESUME = 2

SRC_A = (
    "DataTurks-Engg/Entity-Recognition-In-Resumes-SpaCy",
    "3a8b01ed8e60048485d4ae6a3bf577b9393f1d84",
)
SRC_B = ("dotin-inc/resume-dataset-NER-annotations", "052429f98489d0b9fc747d58e06db06cdeff2852")
SRC_C = ("heyyjudes/llm-hiring-ecosystem", "2e9af6cb7917acc409e4aedfcb5cf88b074e5f6c")


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
    r"program(me)?\s+manag\w*|project\s+manag\w*|growth|operations?|business\s+development|pmo)\b",
    re.I,
)
# IT/QA "analyst" titles are not business/data analysts: excluded when the title has no
# other kept role word
IT_ANALYST = re.compile(
    r"\b(test|testing|quality|qa|security|software|support|service desk|l1|l2|dba|technology|"
    r"technical|system|systems)\b[^,/]*\banalyst\b|\banalyst\b[^,/]*\b(sql dba|engineer)\b",
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
        para = re.sub(r"(^|\n)\s*(" + BULLET + r"|-|\d{1,2}[.)])\s+", r"\n@@ ", para)
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


# ---------------- sources ----------------
def source_a() -> list[dict[str, Any]]:
    repo, commit = SRC_A
    res = []
    for path in ["traindata.json", "testdata.json"]:
        raw = show(repo, commit, path).decode("utf-8")
        for i, line in enumerate(x for x in raw.splitlines() if x.strip()):
            r = json.loads(line)
            content = r["content"]
            des = sorted(
                (p["start"], p["text"])
                for a in (r.get("annotation") or [])
                if a.get("label") and a["label"][0] == "Designation"
                for p in a["points"]
            )
            role = html.unescape(des[0][1]).strip() if des else ""
            exp = experience_part(
                content,
                r"\n\s*WORK EXPERIENCE\s*\n",
                r"\n\s*(EDUCATION|SKILLS|ADDITIONAL INFORMATION)\s*\n",
            )
            res.append(
                dict(
                    repo=repo,
                    commit=commit,
                    path=path,
                    row=f"{path}:{i}",
                    role=role,
                    lines=split_lines(exp),
                    grams=grams(content),
                )
            )
    return res


def grams(t: str) -> set[tuple[str, ...]]:
    w = re.findall(r"[a-z]+", html.unescape(t).lower())
    return set(tuple(w[i : i + 6]) for i in range(len(w) - 5))


def source_b(a_grams: list[set[tuple[str, ...]]]) -> list[dict[str, Any]]:
    repo, commit = SRC_B
    res = []
    for zname in ["545_cvs_train_v2.zip", "set_aside_test_v2_50cvs.zip"]:
        z = zipfile.ZipFile(io.BytesIO(show(repo, commit, zname)))
        names = sorted(
            (n for n in z.namelist() if n.endswith(".xml")),
            key=lambda n: (os.path.dirname(n), int(re.sub(r"\D", "", os.path.basename(n)) or 0)),
        )
        for n in names:
            t = z.read(n).decode("utf-8", "ignore")
            m = re.search(r'<label type="Designation">(.*?)</label>', t, re.S)
            role = html.unescape(re.sub(r"\s+", " ", m.group(1))).strip() if m else ""
            plain = html.unescape(re.sub(r"<[^>]+>", "", t))
            # the Kaggle-sourced CVs carry literal byte escapes
            # (e.g. \\xe2\\x80\\xa2 for a bullet): decode them
            plain = re.sub(
                r"(?:\\x[0-9a-fA-F]{2})+",
                lambda m: bytes.fromhex(m.group(0).replace("\\x", "")).decode("utf-8", "replace"),
                plain,
            )
            plain = plain.replace("\\t", " ")
            exp = experience_part(
                plain,
                r"(?i)(professional|work)\s+experience|\bexperience\b",
                r"\n\s*EDUCATION\s*\n|\bEducation\b",
            )
            lines = split_lines(exp)
            # duplicate of a DataTurks resume?
            # (>=30% of its word 6-grams inside one source-A resume)
            g = grams(plain)
            dup = bool(g) and max(len(g & a) / len(g) for a in a_grams) >= 0.3
            res.append(
                dict(
                    repo=repo,
                    commit=commit,
                    path=f"{zname}!{n}",
                    row=f"{zname}!{n}",
                    role=role,
                    lines=lines,
                    dup_of_a=dup,
                    g=g,
                )
            )
    return res


def source_c() -> list[dict[str, Any]]:
    repo, commit = SRC_C
    path = "Table1_Experimental_Modified_Resumes/Original_CV.csv"
    csv.field_size_limit(10**9)
    rows = list(csv.DictReader(io.StringIO(show(repo, commit, path).decode("utf-8"))))
    res = []
    for i, r in enumerate(rows):
        if r.get("Primary Keyword") != "Project Manager":
            continue
        role = r.get("Position", "")
        res.append(
            dict(
                repo=repo,
                commit=commit,
                path=path,
                row=str(i),
                role=role,
                lines=split_lines(r.get("CV", "")),
            )
        )
    return res


def main() -> None:
    seen = set()
    with open(SEEN, encoding="utf-8") as f:
        for line in f:
            seen.add(norm(line))
    stats = collections.OrderedDict()

    A = source_a()
    B = source_b([r["grams"] for r in A])
    # duplicates inside B (same CV twice): keep the first
    kept_g = []
    for r in B:
        g = r.pop("g")
        r["dup_in_b"] = bool(g) and any(len(g & k) / len(g) >= 0.3 for k in kept_g)
        if not r["dup_in_b"] and not r["dup_of_a"]:
            kept_g.append(g)
    stats["A_resumes"] = len(A)
    stats["B_resumes"] = len(B)
    stats["B_dup_of_A"] = sum(r["dup_of_a"] for r in B)
    stats["B_dup_within_B"] = sum(r["dup_in_b"] and not r["dup_of_a"] for r in B)
    B = [r for r in B if not r["dup_of_a"] and not r["dup_in_b"]]

    def run(
        resumes: list[dict[str, Any]],
        tag: str,
        used_norm: set[str],
        rng: random.Random,
        drop_seen_resumes: bool,
    ) -> list[tuple[dict[str, Any], str]]:
        kept = [r for r in resumes if role_ok(r["role"])]
        stats[f"{tag}_role_kept"] = len(kept)
        if drop_seen_resumes:
            # primary sources: a resume that already gave a line in seen_texts is treated as
            # used and skipped whole
            before = len(kept)
            kept = [r for r in kept if not any(norm(x) in seen for x in r["lines"])]
            stats[f"{tag}_resumes_dropped_already_seen"] = before - len(kept)
        nl = ne = ns = 0
        pool = []
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
                if k in used_norm or k in loc:
                    continue
                loc.add(k)
                cand.append(s)
            r["cand"] = cand
        stats[f"{tag}_lines_split"] = nl
        stats[f"{tag}_lines_6to60_verb_nopii"] = ne
        stats[f"{tag}_lines_dropped_seen"] = ns
        stats[f"{tag}_resumes_with_candidates"] = sum(1 for r in kept if r["cand"])
        for r in kept:
            picks = rng.sample(r["cand"], min(PER_RESUME, len(r["cand"])))
            for s in picks:
                k = norm(s)
                if k in used_norm:
                    continue
                used_norm.add(k)
                pool.append((r, s))
        stats[f"{tag}_pool_after_2_per_resume"] = len(pool)
        return pool

    rng = random.Random(32)
    used = set()
    pool = run(A + B, "AB", used, rng, True)
    if len(pool) > N_TOTAL:
        pool = rng.sample(pool, N_TOTAL)
    chosen = list(pool)
    if len(chosen) < N_TOTAL:
        C = source_c()
        stats["C_resumes_PM_rows"] = len(C)
        poolc = run(C, "C", used, rng, False)
        need = N_TOTAL - len(chosen)
        if len(poolc) > need:
            poolc = rng.sample(poolc, need)
        chosen += poolc
    stats["final_lines"] = len(chosen)
    stats["final_resumes"] = len({(r["repo"], r["path"], r["row"]) for r, _ in chosen})

    with open(os.path.join(OUT, "set32.jsonl"), "w", encoding="utf-8") as f:
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
                        "id": f"hb32-{i:03d}",
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
        roles[(r["repo"], r["role"])] += 1
    stats["roles"] = {f"{k[0]} | {k[1]}": v for k, v in roles.most_common()}
    with open(os.path.join(OUT, "draw32_stats.json"), "w") as f:
        json.dump(stats, f, indent=1, ensure_ascii=False)
    print(json.dumps(stats, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
