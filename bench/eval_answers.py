"""Precision and recall of the answer rules on a labelled set of metrics answers.

    python bench/eval_answers.py PATH.jsonl [--errors]

Each line is one answer: {"text": ..., "question": ... (optional), "rules": [codes that must
fire]} (`labels` is accepted for `rules`). Every rule that applies to answers is a yes/no
question per answer: listed -> must fire, not listed -> must not. Prints per code the true and
false positives, false negatives, precision, recall and support, and the question types found.
Read dev sets only; never point it at a sealed file while tuning.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import starkit
from starkit.rules import load_rules


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--errors", action="store_true", help="print each miss and false alarm")
    args = ap.parse_args(argv)
    codes = sorted(c for c, s in load_rules().items() if "answer" in s.kinds)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    types: Counter[str] = Counter()
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line]
    for row in rows:
        gold = set(row.get("rules", row.get("labels", [])))
        report = starkit.lint(row["text"], "answer", row.get("question") or None)
        types[report.units[0].details.get("question_type", "?")] += 1
        got = report.rules()
        for c in codes:
            if c in gold and c in got:
                tp[c] += 1
            elif c in got:
                fp[c] += 1
                if args.errors:
                    print(f"FALSE ALARM {c}: {row.get('id', '')} {row['text'][:80]!r}")
            elif c in gold:
                fn[c] += 1
                if args.errors:
                    print(f"MISS {c}: {row.get('id', '')} {row['text'][:80]!r}")
    print(f"{len(rows)} answers; question types found: {dict(types)}")
    print(f"{'code':28} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'support':>8}")
    for c in codes:
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else float("nan")
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else float("nan")
        print(f"{c:28} {tp[c]:4} {fp[c]:4} {fn[c]:4} {p:6.2f} {r:6.2f} {tp[c] + fn[c]:8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
