"""Per-sentence accuracy of STAR segmentation on the hand-labelled development set.

    .venv/bin/python bench/eval_segmentation.py [--data PATH] [--errors] [--split tune|check]

A human sentence counts as correct when the `parse_story` section holding most of its
characters has the human label (a sentence outside every section counts as "none"). Prints
overall accuracy, labelled vs unlabelled stories, tune vs check split, a confusion table, the
worst stories, and the time to segment a story of about 300 words.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from starkit.models import SECTION_NAMES, Story  # noqa: E402
from starkit.story import parse_story  # noqa: E402

DEFAULT_DATA = ROOT / "tests" / "data" / "stories" / "stories.jsonl"


def predicted_label(story: Story, start: int, end: int) -> str:
    """The section holding most of `[start, end)`, or "none"."""
    best, best_overlap = "none", 0
    for sec in story.sections:
        overlap = min(end, sec.end) - max(start, sec.start)
        if overlap > best_overlap:
            best, best_overlap = sec.name, overlap
    return best


def evaluate(records: list[dict]) -> dict:
    """Score every record; returns the counts the report prints."""
    groups: dict[str, list[int]] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    per_story: list[tuple[float, str, int, int]] = []
    errors: list[str] = []
    for rec in records:
        story = parse_story(rec["text"])
        right = 0
        for s in rec["sentences"]:
            pred = predicted_label(story, s["start"], s["end"])
            ok = pred == s["label"]
            right += ok
            confusion[(s["label"], pred)] += 1
            keys = ["overall", "labelled" if rec["labelled"] else "unlabelled", rec["split"]]
            for key in keys:
                tally = groups.setdefault(key, [0, 0])
                tally[0] += ok
                tally[1] += 1
            if not ok:
                snippet = rec["text"][s["start"] : s["end"]].replace("\n", " ")
                errors.append(f"{rec['id']}: {s['label']} -> {pred}: {snippet[:110]}")
        n = len(rec["sentences"])
        per_story.append((right / n if n else 1.0, rec["id"], right, n))
    return {"groups": groups, "confusion": confusion, "per_story": per_story, "errors": errors}


def time_300_words(records: list[dict], repeats: int = 200) -> float:
    """Median milliseconds to segment the dev story closest to 300 words."""
    rec = min(records, key=lambda r: abs(len(r["text"].split()) - 300))
    parse_story(rec["text"])  # warm the lexicon cache
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        parse_story(rec["text"])
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), len(rec["text"].split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", action="store_true", help="list every misplaced sentence")
    ap.add_argument("--split", choices=["tune", "check"], default=None)
    args = ap.parse_args(argv)
    records = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line]
    if args.split:
        records = [r for r in records if r.get("split") == args.split]
    res = evaluate(records)
    print(f"{len(records)} stories, {res['groups']['overall'][1]} sentences ({args.data.name})")
    for key in ("overall", "labelled", "unlabelled", "tune", "check"):
        if key in res["groups"]:
            right, total = res["groups"][key]
            print(f"  {key:<11} {right / total:6.1%}  ({right}/{total})")
    cols = [*SECTION_NAMES, "none"]
    print("\nconfusion (rows: human label, columns: predicted)")
    print(" " * 11 + "".join(f"{c:>10}" for c in cols) + "    recall")
    for row in SECTION_NAMES:
        counts = [res["confusion"][(row, c)] for c in cols]
        total = sum(counts)
        recall = res["confusion"][(row, row)] / total if total else 0.0
        print(f"{row:<11}" + "".join(f"{n:>10}" for n in counts) + f"    {recall:6.1%}")
    worst = sorted(res["per_story"])[:5]
    print("\nworst stories: " + ", ".join(f"{i} {a:.0%} ({r}/{n})" for a, i, r, n in worst))
    ms, words = time_300_words(records)
    print(f"\nparse_story on a {words}-word story: {ms:.2f} ms (median of 200)")
    if args.errors:
        print("\nmisplaced sentences:")
        for e in res["errors"]:
            print("  " + e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
