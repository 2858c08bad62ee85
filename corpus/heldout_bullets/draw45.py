#!/usr/bin/env python3
"""draw45.py - seeded draw of resume work-statement lines for set45 (adapted from draw31.py).

Source: heyyjudes/llm-hiring-ecosystem, Table1_Experimental_Modified_Resumes/Original_CV.csv
(a 520-row subset of the Djinni Recruitment Dataset, English candidate profiles:
real, anonymised CVs). Lines are drawn without reading them: every step is a
mechanical filter, and the choice is made by random.Random(45).
CVs that gave any line to seen_texts.txt (set31/set32 and earlier sets) are skipped whole.

Usage: python3 draw45.py [OUT_JSONL]  (reads the CSV from the local git mirror at COMMIT)
"""

import collections
import csv
import html
import io
import json
import random
import re
import subprocess
import sys
import unicodedata

REPO = "heyyjudes/llm-hiring-ecosystem"
PATH = "Table1_Experimental_Modified_Resumes/Original_CV.csv"
COMMIT = "2e9af6cb7917acc409e4aedfcb5cf88b074e5f6c"
SEED = 45
PER_RESUME = 2
TOTAL = 200

# role/category filter (applied to the dataset's own category, "Primary Keyword", and title,
# "Position")
ROLE_RE = re.compile(
    r"product|marketing|analyst|program|project|growth|operations|business develop", re.I
)

# verbs of work (base stems); a line qualifies if any word is one of these in base, -s, -ed or
# -ing form
WORK_VERBS = [
    "manage", "lead", "develop", "coordinate", "organize", "organise", "plan", "implement",
    "create", "build", "design", "launch", "run", "oversee", "supervise", "direct", "drive",
    "deliver", "execute", "conduct", "perform", "prepare", "analyze", "analyse", "monitor",
    "track", "report", "present", "negotiate", "communicate", "collaborate", "cooperate",
    "work", "support", "assist", "handle", "maintain", "improve", "optimize", "optimise",
    "increase", "reduce", "grow", "establish", "set", "define", "prioritize", "prioritise",
    "control", "ensure", "train", "mentor", "hire", "recruit", "onboard", "write",
    "document", "research", "test", "review", "evaluate", "assess", "estimate", "budget",
    "schedule", "facilitate", "align", "introduce", "automate", "integrate", "migrate",
    "deploy", "release", "ship", "sell", "promote", "market", "generate", "acquire",
    "achieve", "complete", "participate", "contribute", "collect", "gather", "identify",
    "resolve", "solve", "fix", "prevent", "mitigate", "communicate", "arrange", "approve",
    "audit", "calculate", "compile", "consult", "customize", "delegate", "demonstrate",
    "distribute", "draft", "edit", "enhance", "expand", "forecast", "form", "guide",
    "initiate", "inspect", "install", "interview", "investigate", "keep", "launch",
    "liaise", "measure", "moderate", "motivate", "operate", "outsource", "own", "process",
    "produce", "program", "provide", "purchase", "recommend", "reorganize", "restructure",
    "revise", "save", "scale", "select", "serve", "setup", "shape", "streamline",
    "structure", "teach", "transform", "translate", "update", "upgrade", "use", "utilize",
    "validate", "verify", "respond", "engage", "invite", "attract", "launch", "conduct",
    "answer", "search", "find", "open", "close", "form", "host", "attend", "handle",
    "order", "deal", "control"
]  # fmt: skip
FORMS = set()
for v in WORK_VERBS:
    FORMS.add(v)
    FORMS.add(v + "s")
    FORMS.add(v + "es")
    if v.endswith("e"):
        FORMS.add(v + "d")
        FORMS.add(v[:-1] + "ing")
    else:
        FORMS.add(v + "ed")
        FORMS.add(v + "ing")
    if v.endswith("y"):
        FORMS.add(v[:-1] + "ied")
        FORMS.add(v[:-1] + "ies")
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", v):
        FORMS.add(v + v[-1] + "ed")
        FORMS.add(v + v[-1] + "ing")
FORMS |= {
    "led",
    "built",
    "ran",
    "made",
    "did",
    "done",
    "sold",
    "set",
    "wrote",
    "written",
    "grew",
    "took",
    "brought",
    "found",
    "held",
    "kept",
    "taught",
    "drove",
    "oversaw",
    "chose",
    "gave",
    "met",
    "spent",
    "won",
    "began",
    "thought",
    "sought",
    "dealt",
}

EMAIL = re.compile(r"\S+@\S+\.\S+")
URL = re.compile(r"(https?://|www\.|\b[\w-]+\.(com|org|net|io|ua|co|me|info|dev|app)\b)", re.I)
PHONE = re.compile(r"(\+?\d[\d\s().-]{7,}\d)")
STREET = re.compile(
    r"\b\d{1,5}\s+(\w+\s){0,3}(street|st\.|avenue|ave\.?|road|rd\.|boulevard|blvd|lane|ln\.|drive|dr\.|str\.|vul\.)",
    re.I,
)

BULLET = re.compile(
    r"^[\s\-\u2013\u2014\u2022\u25cf\u25aa\u25a0\u2023\u2043\u2219*·•>✓✔➢➤►▪◦o]+(?=\S)"
)
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u0410-\u042f\"'(])")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    s = re.sub(r"[^\w\s]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def split_lines(text: str) -> list[str]:
    out = []
    for raw in text.replace("\r", "\n").split("\n"):
        raw = BULLET.sub("", raw.strip()).strip()
        if not raw:
            continue
        for sent in SENT_SPLIT.split(raw):
            sent = sent.strip()
            if sent:
                out.append(sent)
    return out


def is_work(line: str) -> bool:
    words = re.findall(r"[A-Za-z]+", line.lower())
    return any(w in FORMS for w in words)


def has_pii(line: str) -> bool:
    return bool(EMAIL.search(line) or URL.search(line) or PHONE.search(line) or STREET.search(line))


MIRROR = "/work/.mirror/heyyjudes+llm-hiring-ecosystem/repo"
SEEN = "/work/briefs/seen_texts.txt"
OUT = "/work/mine45/set45.jsonl"

# draw32.py's splitter (set32 topped up from this CSV with it): used only to recognise CVs
# that already gave a line, never to produce lines here
BULLET32 = (
    r"[\u2022\u25cf\u25aa\u25a0\u2756\u27a2\u2713\u2714"
    r"\u25ba\u25b6\u2023\u2043\u00b7\uf0b7\uf0d8\uf0a7*]"
)


def split_lines32(text: str) -> list[str]:
    text = html.unescape(text).replace("\r", "")
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = re.sub(r"(^|\n)\s*(" + BULLET32 + r"|-|\d{1,2}[.)])\s+", r"\n@@ ", para)
        para = re.sub(BULLET32, "\n@@ ", para)
        for it in para.split("\n@@ "):
            it = re.sub(r"\s*\n\s*", " ", it).strip()
            for s in re.split(r"(?<=[.;!?])\s+(?=[A-Z(])", it):
                s = s.strip(" -\u2013\u2014:;,\t")
                if s:
                    out.append(s)
    return out


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
    main(sys.argv[1] if len(sys.argv) > 1 else OUT)
