"""Collect real written answers to product-metrics questions, with their questions and sources.

Usage: python corpus/metric_answers/build.py MIRROR_DIR

Each source is a person's own interview-prep notes in a public repository (see README.md).
A question is a Markdown heading (or a "# question" section) about metrics, success,
a metric change, an experiment or a launch decision; the answer is the writer's text under
it. Answers marked as generated ("GPT Answer" blocks) are dropped. Plain regex only.
"""

from __future__ import annotations

import difflib
import json
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
SEED = 20261202
# (repo, files, every question in these files is a product-metrics question)
FAMILY = "120-Data-Science-Interview-Questions (kojino) and its forks"
SOURCES = [
    ("kojino/120-Data-Science-Interview-Questions", r"^product-metrics\.md$", True),
    ("JifuZhao/120-DS-Interview-Questions", r"^product-metrics\.md$", True),
    ("Shirley91/120-Data-Science-Interview-Questions", r"^product-metrics\.md$", True),
    ("shichao-ma/120-Data-Science-Interview-Questions", r"^product-metrics\.md$", True),
    ("weiyizhong95/120-Data-Science-Interview-Questions", r"^product-metrics\.md$", True),
    ("glitznerf/120-Data-Science-Interview-Questions", r"^product-metrics\.md$", True),
    ("GouravSrivastava-PO/Portfolio", r"product-metrics\.md$", True),
    ("aditnole/Interviews", r"^technical(\.md|/.*\.md)$", False),
    ("moggirain/Data_structure_practice", r"^case-study/.*\.md$", False),
    ("ottrp0p/DS-Practice", r"^video-notes/.*\.md$", False),
]
METRIC_Q = re.compile(
    r"metric|measure|success|track|kpi|drop|decreas|declin|increas|down by|up by|"
    r"experiment|a/b|test if|good idea|launch|impact|retention|churn|engagement|"
    r"conversion|revenue|dau|mau|ctr|health|trade-?off|decide|evaluate",
    re.I,
)
SQLISH = re.compile(
    r"\bselect\b.*\bfrom\b|```sql|\bgroup by\b|\bpartition by\b|hashmap|dictionary|\bdef ",
    re.I | re.S,
)
NEAR_DUPLICATE = 0.9  # a fork's answer this similar to one already kept adds nothing new
MIN_WORDS = 12


def git(mirror: Path, repo: str, *args: str) -> str:
    g = mirror / repo.replace("/", "+", 1) / "repo"
    return subprocess.run(
        ["git", "-C", str(g), *args], capture_output=True, text=True, errors="replace"
    ).stdout


def clean(t: str) -> str:
    t = re.sub(r"(?s)<details>\s*<summary>[^<]*GPT[^<]*</summary>.*?</details>", "", t)
    t = re.sub(r"<[^>]+>", " ", t)
    t = re.sub(r"\{%.*?%\}", " ", t)  # GitBook tags
    t = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", t)
    t = re.sub(r"(\*\*|__)(.+?)\1", r"\2", t)
    t = t.replace("\\(", "(").replace("\\)", ")").replace("\\_", "_").replace("`", "")
    t = re.sub(r"(?m)^\s*(---+|\*\*\*+)\s*$", "", t)
    lines = [ln.rstrip() for ln in t.splitlines()]
    return "\n".join(ln for ln in lines if ln.strip()).strip()


def heading_text(h: str) -> str:
    h = re.sub(r"^#+\s*", "", h)
    h = re.sub(r"^[^\w(\"']+", "", h)  # emoji / bullets
    h = re.sub(r"^(Q\d+\.|\d+\.)\s*", "", h)
    return clean(h)


def from_markdown(src: str) -> list[tuple[str, str]]:
    src = re.sub(r"(?s)^---.*?---", "", src)
    parts = re.split(r"(?m)^(#{1,6} .*)$", src)
    out: list[tuple[str, str]] = []
    question, body = None, []
    pending_plain_q = False
    for part in parts:
        if re.match(r"^#{1,6} ", part):
            h = heading_text(part)
            if re.fullmatch(r"(question|product sense)", h.strip(), re.I):
                if question:
                    out.append((question, "\n".join(body)))
                question, body, pending_plain_q = None, [], True
                continue
            if "?" in h and (len(h.split()) >= 4):
                if question:
                    out.append((question, "\n".join(body)))
                question, body = h, []
                continue
            if re.search(r"sql", h, re.I) and question:
                out.append((question, "\n".join(body)))
                question, body = None, []
                continue
            body.append(h)
            continue
        if pending_plain_q:
            lines = [ln for ln in part.strip().splitlines() if ln.strip()]
            if lines:
                question, body = clean(lines[0]), ["\n".join(lines[1:])]
            pending_plain_q = False
            continue
        if question is not None:
            body.append(part)
    if question:
        out.append((question, "\n".join(body)))
    return out


def main() -> None:
    mirror = Path(sys.argv[1])
    rows = []
    kept_by_q: dict[str, list[str]] = {}
    for repo, pattern, all_metric in SOURCES:
        commit = git(mirror, repo, "rev-parse", "HEAD").strip()
        files = [
            f
            for f in git(mirror, repo, "ls-tree", "-r", "--name-only", "HEAD").splitlines()
            if re.search(pattern, f)
        ]
        for f in sorted(files):
            for q, a in from_markdown(git(mirror, repo, "show", f"HEAD:{f}")):
                a = clean(a)
                if not (all_metric or METRIC_Q.search(q)):
                    continue
                if SQLISH.search(a) or len(a.split()) < MIN_WORDS:
                    continue
                qkey = re.sub(r"[^a-z0-9]+", "", q.lower())[:60]
                anorm = " ".join(a.lower().split())
                if any(
                    difflib.SequenceMatcher(None, anorm, old).ratio() >= NEAR_DUPLICATE
                    for old in kept_by_q.get(qkey, [])
                ):
                    continue
                kept_by_q.setdefault(qkey, []).append(anorm)
                rows.append(
                    {
                        "question": q,
                        "text": a,
                        "source": {"repo": repo, "path": f, "commit": commit},
                        # answers to one question across the forks stay in one split
                        "_group": f"120ds:{qkey}" if all_metric else f"{repo}:{f}",
                    }
                )
    for n, r in enumerate(rows, 1):
        r["id"] = f"ma{n:04d}"
    # split by group (a source file, or one question across the forks), seed fixed
    groups = sorted({r["_group"] for r in rows})
    rng = random.Random(SEED)
    rng.shuffle(groups)
    dev_groups, n_dev = set(), 0
    for g in groups:
        if n_dev < len(rows) / 2:
            dev_groups.add(g)
            n_dev += sum(r["_group"] == g for r in rows)
    order = ("id", "question", "text", "source")
    split = {"answers": rows, "dev": [], "sealed": []}
    for r in rows:
        split["dev" if r["_group"] in dev_groups else "sealed"].append(r)
    for name, part in split.items():
        with (HERE / f"{name}.jsonl").open("w") as fh:
            for r in part:
                fh.write(json.dumps({k: r[k] for k in order}, ensure_ascii=False) + "\n")
        print(name, len(part), file=sys.stderr)


if __name__ == "__main__":
    main()
