"""How long drafting the thank-you email and the debrief take per logged interview (warm
pipeline), and how the drafts of the repository's own stories lint.

    python bench/interviews_draft.py [--logs 300]

Part 1 times `compose_thank_you` and `debrief` on generated logs of 1-3 stories. Part 2 drafts
an email for each story of tests/data/*/stories.jsonl told alone in a complete log and counts
the drafts that are clean (no error or warning, result verbatim), that leave the result slot
(no figure in the story's Result), and that keep a warning.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

from starkit.engine import lint
from starkit.interviews import compose_thank_you, debrief

ROOT = Path(__file__).resolve().parents[1]
STORY_SETS = ("tests/data/stories/stories.jsonl", "tests/data/final/stories.jsonl",
              "tests/data/final3/stories.jsonl")  # fmt: skip
RESULTS = (
    "Churn fell from 4% to 3% within a quarter.",
    "I raised on-time delivery from 70% to 92% across 6 teams.",
    "p95 latency dropped from 800 ms to 300 ms and the error rate held at 0.1%.",
    "Activation rose 18% while support tickets stayed flat.",
    "I cut the release cycle from 6 weeks to 2 weeks.",
)
QUESTIONS = (
    "Tell me about a time you disagreed with a stakeholder.",
    "Walk me through a complex program you ran.",
    "How would you measure success for a new feature?",
)


def _log(rng: random.Random) -> tuple[dict, list[dict]]:
    stories = [
        {"id": f"s{k}", "title": f"Story {k}", "text": "Situation: It was slow.\nTask: I owned "
         f"it.\nAction: I ran the plan.\nResult: {rng.choice(RESULTS)}"}
        for k in range(rng.randint(1, 3))
    ]  # fmt: skip
    log = {"company": "Acme", "role": "Senior TPM", "interviewers": ["Priya Raman"],
           "questions": rng.sample(QUESTIONS, rng.randint(0, 3)),
           "story_ids": [s["id"] for s in stories]}  # fmt: skip
    return log, stories


def _pct(values: list[float], p: float) -> float:
    return sorted(values)[max(0, int(p * len(values)) - 1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--logs", type=int, default=300)
    n = ap.parse_args().logs
    lint("warm up", "email")
    rng = random.Random(0)
    draft_ms, debrief_ms = [], []
    for _ in range(n):
        log, stories = _log(rng)
        t = time.perf_counter()
        compose_thank_you(log, stories)
        draft_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        debrief(log, stories)
        debrief_ms.append((time.perf_counter() - t) * 1000)
    for name, ms in (("draft", draft_ms), ("debrief", debrief_ms)):
        print(f"{name:8s} {n} logs: median {statistics.median(ms):5.1f} ms, "
              f"p95 {_pct(ms, 0.95):5.1f} ms, max {max(ms):6.1f} ms")  # fmt: skip

    clean = slot = warned = 0
    for rel in STORY_SETS:
        path = ROOT / rel
        if not path.is_file():
            continue
        for k, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            text = json.loads(line).get("text")
            if not text:
                continue
            story = {"id": f"s{k}", "title": "Platform migration", "text": text}
            log = {"company": "Acme", "role": "Senior TPM", "interviewers": ["Priya Raman"],
                   "questions": [QUESTIONS[1]], "story_ids": [story["id"]]}  # fmt: skip
            made = compose_thank_you(log, [story])
            if made.result is None:
                slot += 1
            elif made.findings:
                warned += 1
            else:
                clean += 1
    print(f"repository stories: {clean} clean with a verbatim result, {slot} result slots, "
          f"{warned} with a warning")  # fmt: skip


if __name__ == "__main__":
    main()
