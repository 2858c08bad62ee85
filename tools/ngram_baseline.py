"""A learnt baseline for one bullet rule: does a model fitted to the labels generalise to a set
it has not seen better than the rules did at their first run?

Logistic regression over hashed word 1-3-grams (figures folded to shape), fitted by plain
stochastic gradient descent with numpy on every labelled bullet set except one and scored on
that one, for each fresh held-out set in turn (leave one set out). It reads only the labels
and texts of the labelled bullet sets under `corpus/`, never a rule, so the score is what the
labels alone teach.

    python tools/ngram_baseline.py [--code missing-guardrail] [--sets set33 set34 ...]

Session 29 ran it for `missing-guardrail` on set33-set47 (without the CV sets): precision /
recall 0.72 / 0.65 at threshold 0.3, 0.75 / 0.62 at 0.4, 0.74 / 0.59 at 0.5, against the rules'
pooled first runs of 0.84 / 0.68 on the same sets (corpus/results/). The learnt model is not
shipped.
"""

from __future__ import annotations

import argparse
import re
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.evaluate import load_any  # noqa: E402

DIM = 1 << 18  # hashed feature space
FRESH = [f"set{n}" for n in (33, 34, 35, 36, 37, 38, 39, 40, 41, 43, 44, 46, 47)]
THRESHOLDS = (0.3, 0.4, 0.5)
FOLDERS = ("heldout_bullets", "metric_bullets", "resume_bullets")  # every labelled bullet set
_WORD = re.compile(r"[a-z]+|\d+%|\d+x|\$\d|\d+|[%$→+]")


def features(text: str) -> list[int]:
    """Hashed word 1-, 2- and 3-grams of the text, a bare number folded to NUM."""
    words = ["NUM" if w.isdigit() else w for w in _WORD.findall(text.lower())]
    grams = {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}
    return [zlib.crc32(g.encode()) % DIM for g in grams]


def fit(x: list[list[int]], y: np.ndarray, rows: list[int], epochs: int = 6) -> tuple:
    """Weights and bias of a logistic model fitted on `rows` (seeded, so repeatable)."""
    w, b, rate = np.zeros(DIM), 0.0, 0.5
    rng = np.random.default_rng(0)
    for _ in range(epochs):
        for i in rng.permutation(rows):
            f = x[i]
            p = 1.0 / (1.0 + np.exp(-(b + w[f].sum())))
            w[f] -= rate * (p - y[i])
            b -= rate * (p - y[i])
        rate *= 0.7
    return w, b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", default="missing-guardrail")
    parser.add_argument("--sets", nargs="*", default=FRESH)
    args = parser.parse_args(argv)
    texts, gold, owner = [], [], []
    for path in sorted(p for f in FOLDERS for p in (ROOT / "corpus" / f).glob("*.jsonl")):
        labels = path.with_name(path.stem + ".labels.jsonl")
        if ".labels" in path.name or not labels.exists():
            continue
        for item in load_any(path, "bullet", labels):
            texts.append(features(item.text))
            gold.append(1.0 if args.code in item.rules else 0.0)
            owner.append(path.stem)
    y = np.array(gold)
    counts = {t: [0, 0, 0] for t in THRESHOLDS}
    for held in args.sets:
        train = [i for i, s in enumerate(owner) if s != held]
        test = [i for i, s in enumerate(owner) if s == held]
        w, b = fit(texts, y, train)
        for i in test:
            p = 1.0 / (1.0 + np.exp(-(b + w[texts[i]].sum())))
            for t, c in counts.items():
                c[0] += p >= t and y[i] == 1
                c[1] += p >= t and y[i] == 0
                c[2] += p < t and y[i] == 1
    for t, (tp, fp, fn) in counts.items():
        print(
            f"{args.code} threshold {t}: precision {tp / max(1, tp + fp):.3f} "
            f"recall {tp / max(1, tp + fn):.3f} (positives {tp + fn})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
