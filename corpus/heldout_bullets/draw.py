"""Draw the sealed sets set4 / set5 from pool4.jsonl (issue 10 data).

Usage: python corpus/heldout_bullets/draw.py

Plain regex only (no starkit import). Resumes are shuffled (seed RESUME_SEED) and dealt to
set4 / set5 so that the two sets share no resume; within each set bullets are drawn at random
(seed per set), at most PER_RESUME a resume, aiming at SIZE bullets of which KW_SHARE name a
reach/usage count or a launch/experiment (KEYWORD) and the rest hold a figure or a change verb
(OTHER) without a keyword.
"""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent
RESUME_SEED, SET_SEEDS = 20261203, {"set4": 4004, "set5": 5005}
SIZE, KW_SHARE, PER_RESUME = 240, 0.6, 4

REACH = (
    r"users?|user base|MAUs?|DAUs?|WAUs?|(monthly|daily|weekly) active|downloads?|downloaded|"
    r"installs?|installations|page ?views|pageviews|views|viewed|visitors?|visits|sessions|"
    r"followers?|following|subscribers?|sign[- ]?ups?|registrations?|registered|impressions|"
    r"clicks|click-through|CTR|members?|membership|audience|traffic|stars|readers(hip)?|"
    r"players|listeners|viewers(hip)?|attendees|participants|participation|customers?|"
    r"adoption|adopted|enrollments?|enrolled|reach"
)
LAUNCH = (
    r"launch(ed|es|ing)?|ship(ped|s|ping)?|roll(ed|ing)? ?out|rollouts?|A/B|AB test(s|ing)?|"
    r"split test(s|ing)?|experiments?|experimentation|pilot(ed|s|ing)?|"
    r"migrat(ed|e|es|ing|ion|ions)|releas(ed|e|es|ing)|go-live|went live"
)
KEYWORD = re.compile(rf"\b({REACH}|{LAUNCH})\b", re.I)
OTHER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|"
    r"fifty|hundreds?|thousands?|millions?|billions?|dozens?|double[ds]?|tripled?|"
    r"quadrupled?|halved?)\b|\b(increas|decreas|reduc|improv|boost|grew|grow|cut|lower|rais|"
    r"doubl|tripl|halv|sav|accelerat|drove|driv|lift|expand|scal|optimi[sz]|sped|speed|"
    r"shorten|eliminat|minimi[sz]|maximi[sz]|gain)",
    re.I,
)


def kind(text: str) -> str | None:
    if KEYWORD.search(text):
        return "keyword"
    if OTHER.search(text):
        return "other"
    return None


def group_by_resume(
    pool: list[dict], keep: Callable[[str], object], seed: int
) -> tuple[dict[str, list[dict]], list[str]]:
    """The pool's bullets that `keep` accepts, grouped by resume, and the resumes in an order
    shuffled by `seed` (the order they are dealt to the sets in)."""
    by_resume: dict[str, list[dict]] = defaultdict(list)
    for row in pool:
        if keep(row["text"]):
            by_resume[row["resume"]].append(row)
    resumes = sorted(by_resume)
    random.Random(seed).shuffle(resumes)
    return by_resume, resumes


def main() -> None:
    pool = [json.loads(line) for line in (HERE / "pool4.jsonl").open()]
    by_resume, resumes = group_by_resume(pool, kind, RESUME_SEED)
    # deal resumes so both sets get about the same keyword and total capacity
    deal: dict[str, list[str]] = {"set4": [], "set5": []}
    cap = {s: [0, 0] for s in deal}  # [keyword slots, total slots]
    for r in resumes:
        k = min(PER_RESUME, sum(kind(b["text"]) == "keyword" for b in by_resume[r]))
        t = min(PER_RESUME, len(by_resume[r]))
        s = min(deal, key=lambda name: (cap[name][1], cap[name][0], name))
        deal[s].append(r)
        cap[s][0] += k
        cap[s][1] += t
    want_kw = round(SIZE * KW_SHARE)
    for name, seed in SET_SEEDS.items():
        rng = random.Random(seed)
        rows = [b for r in sorted(deal[name]) for b in by_resume[r]]
        rng.shuffle(rows)
        taken: dict[str, int] = defaultdict(int)
        chosen: list[dict] = []
        for want, label in ((want_kw, "keyword"), (SIZE - want_kw, "other")):
            n = 0
            for b in rows:
                if n >= want or kind(b["text"]) != label or taken[b["resume"]] >= PER_RESUME:
                    continue
                chosen.append(b)
                taken[b["resume"]] += 1
                n += 1
        rng.shuffle(chosen)
        with (HERE / f"{name}.jsonl").open("w") as fh:
            for b in chosen:
                fh.write(json.dumps(b, ensure_ascii=False) + "\n")
        kw = sum(kind(b["text"]) == "keyword" for b in chosen)
        share = kw / len(chosen)
        print(f"{name}: {len(chosen)} bullets, {len(taken)} resumes, keyword {kw} ({share:.0%})")


if __name__ == "__main__":
    main()
