"""Deduplicate extracted bullets, assign stable ids, draw the labelling splits.

Usage: python corpus/resume_bullets/build.py RAW.jsonl TEMPLATE_RAW.jsonl [--freeze-splits]

RAW.jsonl comes from extract.py over people's resume repositories (repos.txt);
TEMPLATE_RAW.jsonl from extract.py over the template origin repositories
(templates.txt): their sample text is dropped everywhere.
Ids already given in bullets.jsonl / dev*.jsonl / sealed*.jsonl are kept.
With --freeze-splits, dev.jsonl and sealed.jsonl are drawn (only if absent).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
SEED = 20261202
TARGET = 450  # bullets per split
CAP = 10  # bullets per resume per split
FIG_SHARE = 2 / 3

NUMWORD = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|"
    r"hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|"
    r"double|doubled|doubling|triple|tripled|tripling|quadrupl\w*|twice|halved|tenfold"
)
# product/business metrics (the judgements' vocabulary), not generic words like "performance"
METRIC = (
    r"revenue|sales|conversions?|retention|churn|engagement|users|customers|traffic|"
    r"downloads|installs|sign-?ups|adoption|cost|costs|savings|latency|uptime|downtime|throughput|"
    r"roi|arr|mrr|dau|mau|wau|nps|csat|leads|pipeline|profit|margin|bookings|subscribers|"
    r"followers|views|impressions|clicks|ctr|visitors|sessions|error rate|churn rate|"
    r"page views|stars|audience|readers|members|membership|enrollment|donations"
)
FIG = re.compile(rf"\d|\b({NUMWORD})\b", re.I)
MET = re.compile(rf"\b({METRIC})\b", re.I)


def norm(t: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", t.lower())


def figure_or_metric(t: str) -> bool:
    return bool(FIG.search(t) or MET.search(t))


GENERIC_HANDLE_PARTS = {"resume", "code", "data", "labs", "tech", "team", "cloud", "open", "design"}


def mentions_owner(r: dict) -> bool:
    """The bullet names its writer (GitHub handle or a name part of it): keep it out."""
    owner = r["source"]["repo"].split("/")[0]
    parts = [owner, *re.findall(r"[A-Z][a-z]{2,}", owner)]
    return any(
        len(p) >= 4
        and p.lower() not in GENERIC_HANDLE_PARTS
        and re.search(rf"\b{re.escape(p)}\b", r["text"], re.I)
        for p in parts
    )


def resume_id(repo: str) -> str:
    return "r" + hashlib.sha1(repo.lower().encode()).hexdigest()[:8]


def read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text().splitlines() if x.strip()]


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def main() -> None:
    raw, tmpl = read(Path(sys.argv[1])), read(Path(sys.argv[2]))
    freeze = "--freeze-splits" in sys.argv
    template_keys = {norm(r["text"]) for r in tmpl}

    # first copy of each text wins; count the repos each text appears in
    repos_of: dict[str, set[str]] = defaultdict(set)
    for r in raw:
        repos_of[norm(r["text"])].add(r["source"]["repo"].lower())
    seen: set[str] = set()
    rows = []
    for r in raw:
        k = norm(r["text"])
        if k in template_keys or k in seen:
            continue
        seen.add(k)
        rows.append(
            {
                "text": r["text"],
                "source": r["source"],
                "resume": resume_id(r["source"]["repo"]),
                "_shared": len(repos_of[k]) > 1,
            }
        )

    # stable ids: keep any id already issued for the same (repo, path, text)
    issued: dict[tuple, str] = {}
    split_files = sorted(HERE.glob("dev*.jsonl")) + sorted(HERE.glob("sealed*.jsonl"))
    for f in [HERE / "bullets.jsonl", *split_files]:
        for r in read(f):
            issued[(r["source"]["repo"], r["source"]["path"], norm(r["text"]))] = r["id"]
    nxt = max([int(i[2:]) for i in issued.values()] or [0]) + 1
    for r in rows:
        key = (r["source"]["repo"], r["source"]["path"], norm(r["text"]))
        if key not in issued:
            issued[key] = f"rb{nxt:05d}"
            nxt += 1
        r["id"] = issued[key]

    def public(r: dict) -> dict:
        return {"id": r["id"], "text": r["text"], "source": r["source"], "resume": r["resume"]}

    dev_p, sealed_p = HERE / "dev.jsonl", HERE / "sealed.jsonl"
    if freeze and not dev_p.exists() and not sealed_p.exists():
        by_res: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            if not r["_shared"]:  # text seen in several forks: template sample, not a person's own
                by_res[r["resume"]].append(r)
        rng = random.Random(SEED)
        res_ids = sorted(by_res)
        rng.shuffle(res_ids)
        picks: dict[str, list[dict]] = {"dev": [], "sealed": []}
        need_fig = round(TARGET * FIG_SHARE)
        need_oth = TARGET - need_fig
        for rid in res_ids:
            todo = [s for s in ("dev", "sealed") if len(picks[s]) < TARGET]
            if not todo:
                break
            split = min(todo, key=lambda s: len(picks[s]))
            cur = picks[split]
            n_fig = sum(figure_or_metric(x["text"]) for x in cur)
            n_oth = len(cur) - n_fig
            fig = [x for x in by_res[rid] if figure_or_metric(x["text"])]
            oth = [x for x in by_res[rid] if not figure_or_metric(x["text"])]
            rng.shuffle(fig)
            rng.shuffle(oth)
            take_f = min(
                len(fig),
                max(0, need_fig - n_fig),
                round(CAP * FIG_SHARE) + max(0, CAP // 3 - len(oth)),
            )
            take_o = min(len(oth), max(0, need_oth - n_oth), CAP - take_f)
            cur += fig[:take_f] + oth[:take_o]
        for s, p in (("dev", dev_p), ("sealed", sealed_p)):
            out = sorted(picks[s], key=lambda x: x["id"])
            write(p, [public(x) for x in out])
            n_fig = sum(figure_or_metric(x["text"]) for x in out)
            print(
                s,
                len(out),
                "bullets,",
                n_fig,
                "with a figure or metric word,",
                len({x["resume"] for x in out}),
                "resumes",
                file=sys.stderr,
            )

    # the pool: everything not in a split; sealed resumes are kept out entirely
    in_split: set[str] = set()
    sealed_res: set[str] = set()
    for f in split_files or [dev_p, sealed_p]:
        for r in read(f):
            in_split.add(r["id"])
            if f.name.startswith("sealed"):
                sealed_res.add(r["resume"])
    for f in (dev_p, sealed_p):
        for r in read(f):
            in_split.add(r["id"])
            if f.name.startswith("sealed"):
                sealed_res.add(r["resume"])
    split_texts = {norm(r["text"]) for f in (dev_p, sealed_p, *split_files) for r in read(f)}
    pool = [
        r
        for r in rows
        if r["id"] not in in_split
        and r["resume"] not in sealed_res
        and norm(r["text"]) not in split_texts  # no copy of a split text under another source
        and not mentions_owner(r)
    ]
    pool.sort(key=lambda x: x["id"])
    write(HERE / "bullets.jsonl", [public(r) for r in pool])
    print(
        "pool",
        len(pool),
        "bullets from",
        len({r["resume"] for r in pool}),
        "resumes",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
