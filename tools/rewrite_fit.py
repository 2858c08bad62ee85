"""Does a rewrite's metric slot fit its line? Measured on real lines, rated blind.

A rewrite names a metric for the writer to fill: no-quantification's "raising <metric>",
vanity-metric's "lifting <causal metric>", missing-guardrail's "while holding <guardrail>". This
tool draws real resume lines that get such a slot, names the slots the current code proposes,
hides which code proposed them, and scores a rater's judgement of each (fit, loose, misfit).

  python tools/rewrite_fit.py draw --seed 1 --n 150 --out corpus/rewrite_fit/fitA.jsonl
  python tools/rewrite_fit.py slots corpus/rewrite_fit/fitA.jsonl --out slots-HEAD.jsonl
  python tools/rewrite_fit.py blind fitB.jsonl old.jsonl new.jsonl --out items.jsonl --key key.json
  python tools/rewrite_fit.py score items.jsonl ratings.jsonl --key key.json
  python tools/rewrite_fit.py common-topics --min-share 0.01

`draw` excludes every text already in `corpus/rewrite_fit/`, so each sample is fresh. `slots`
runs the code on the path (a worktree at another commit through PYTHONPATH names that commit's
slots). `blind` merges the slots of one or more versions into one list of (line, role, metric)
items in seeded order, with the same metric for the same line and role rated once; `score` reads
the rater's `{"item", "rating"}` lines and prints each version's share of fits and misfits.
`common-topics` lists the taxonomy's topic words common enough in real resume lines to be weak.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (
    "corpus/heldout_bullets/pool[0-9].jsonl",
    "corpus/heldout_bullets/pool[0-9][0-9].jsonl",
    "corpus/resume_bullets/bullets.jsonl",
)
FIT_DIR = ROOT / "corpus" / "rewrite_fit"
# the slot each rewriter names, read back from its rewrite
SLOTS = {
    "measure": ("no-quantification", re.compile(r"\b(?:raising|cutting) <([^>]+)>")),
    "causal": ("vanity-metric", re.compile(r"\blifting <([^>]+)>")),
    "guardrail": ("missing-guardrail", re.compile(r"\bwhile holding <([^>]+)>")),
}
SHARES = {"measure": 0.6, "guardrail": 0.25, "causal": 0.15}
RATINGS = ("fit", "loose", "misfit")


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _write(path: Path, rows: Iterable[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def slots_of(texts: list[str]) -> list[dict[str, str]]:
    """Role -> named metric, for each text linted as a bullet by the code on the path."""
    from starkit.engine import lint_many

    out = []
    for report in lint_many(texts, "bullet"):
        found: dict[str, str] = {}
        for f in report.findings:
            for role, (code, pattern) in SLOTS.items():
                m = pattern.search(f.suggestion) if f.rule == code else None
                if m and role not in found:
                    found[role] = m.group(1)
        out.append(found)
    return out


def _seen() -> set[str]:
    """Texts drawn before, and every sealed set's (scored once, so never read here)."""
    paths = [*FIT_DIR.glob("fit*.jsonl"), *ROOT.glob("corpus/**/sealed*.jsonl")]
    return {row["text"].strip() for p in paths if "labels" not in p.name for row in _read(p)}


def _pool_texts() -> dict[str, dict]:
    """Every unlabelled real line of the pools (stripped text -> its row)."""
    texts: dict[str, dict] = {}
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            for row in _read(path):
                texts.setdefault(row["text"].strip(), row)
    return texts


def common_topics(min_share: float) -> None:
    """The one-word taxonomy topics found in at least `min_share` of the pools' lines, words of
    a metric's own name left out: the taxonomy's `weak_topics`."""
    from starkit.rewrite import _words, taxonomy

    lines = [frozenset(_words(t).split()) for t in _pool_texts()]
    own = {w for m in taxonomy() for w in m.name.lower().split()}
    topics = sorted({t for m in taxonomy() for t in m.topics if t.split() == [t]} - own)
    share = {t: sum(t in words for words in lines) / len(lines) for t in topics}
    print(f"{len(lines)} lines; topics in at least {min_share:.1%} of them:")
    print(json.dumps(sorted(t for t, s in share.items() if s >= min_share)))


def draw(seed: int, n: int, out: Path) -> None:
    """`n` real lines not drawn before, each with one slot role, roles in `SHARES`."""
    seen = _seen()
    texts = {t: row for t, row in _pool_texts().items() if 25 <= len(t) <= 300 and t not in seen}
    order = sorted(texts)
    random.Random(seed).shuffle(order)
    want = {role: round(n * share) for role, share in SHARES.items()}
    picked: list[dict] = []
    for start in range(0, len(order), 500):
        chunk = order[start : start + 500]
        for text, found in zip(chunk, slots_of(chunk), strict=True):
            roles = [r for r in found if want[r] > 0]
            if not roles:
                continue
            role = min(roles, key=lambda r: -want[r])  # the role still most wanted
            want[role] -= 1
            row = texts[text]
            picked.append({"id": row["id"], "text": text, "role": role, "source": row["source"]})
        if not any(want.values()):
            break
    _write(out, picked)
    print(f"{len(picked)} lines to {out} ({Counter(p['role'] for p in picked)})")


def slots(sample: Path, out: Path) -> None:
    rows = _read(sample)
    found = slots_of([r["text"] for r in rows])
    _write(
        out,
        (
            {"id": r["id"], "role": r["role"], "metric": f.get(r["role"], "")}
            for r, f in zip(rows, found, strict=True)
        ),
    )


def blind(sample: Path, versions: list[Path], seed: int, out: Path, key: Path) -> None:
    rows = {r["id"]: r for r in _read(sample)}
    items: dict[tuple[str, str], dict] = {}
    names: dict[str, dict[str, str]] = {}
    for v in versions:
        names[v.stem] = {}
        for s in _read(v):
            if not s["metric"]:
                continue  # this version names no slot of that role for the line
            k = (s["id"], s["metric"])
            items.setdefault(k, {"id": s["id"], "role": s["role"], "metric": s["metric"]})
            names[v.stem][s["id"]] = s["metric"]
    order = sorted(items)
    random.Random(seed).shuffle(order)
    listed = []
    for i, k in enumerate(order, 1):
        it = items[k]
        listed.append(
            {
                "item": f"r{i:03d}",
                "text": rows[it["id"]]["text"],
                "role": it["role"],
                "metric": it["metric"],
            }
        )
        it["item"] = f"r{i:03d}"
    _write(out, listed)
    key.write_text(
        json.dumps(
            {
                v: {line: items[(line, metric)]["item"] for line, metric in named.items()}
                for v, named in names.items()
            },
            indent=1,
        )
    )
    print(f"{len(listed)} items to {out}; key {key}")


def score(items: Path, ratings: Path, key: Path) -> None:
    rated = {r["item"]: r["rating"] for r in _read(ratings)}
    bad = [r for r in rated.values() if r not in RATINGS]
    if bad or len(rated) != len(_read(items)):
        sys.exit(f"ratings incomplete or unknown: {len(rated)} rated, unknown {set(bad)}")
    versions = json.loads(key.read_text())
    print(f"{'version':<24}{'lines':>6}{'fit':>7}{'loose':>7}{'misfit':>8}")
    for v, by_line in versions.items():
        c = Counter(rated[i] for i in by_line.values())
        n = sum(c.values())
        print(
            f"{v:<24}{n:>6}"
            + "".join(
                f"{c[r] / n:>7.2f}" if r != "misfit" else f"{c[r] / n:>8.2f}" for r in RATINGS
            )
        )
    if len(versions) == 2:
        (a, ka), (b, kb) = versions.items()
        rank = {"fit": 2, "loose": 1, "misfit": 0}
        both = [line for line in ka if line in kb and ka[line] != kb[line]]
        better = sum(rank[rated[kb[x]]] > rank[rated[ka[x]]] for x in both)
        worse = sum(rank[rated[kb[x]]] < rank[rated[ka[x]]] for x in both)
        print(f"{len(both)} lines named another metric in {b} than in {a}:", end=" ")
        print(f"{better} rated better, {worse} worse")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--n", type=int, default=150)
    d.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("slots")
    s.add_argument("sample", type=Path)
    s.add_argument("--out", type=Path, required=True)
    b = sub.add_parser("blind")
    b.add_argument("sample", type=Path)
    b.add_argument("versions", type=Path, nargs="+")
    b.add_argument("--seed", type=int, default=0)
    b.add_argument("--out", type=Path, required=True)
    b.add_argument("--key", type=Path, required=True)
    c = sub.add_parser("score")
    c.add_argument("items", type=Path)
    c.add_argument("ratings", type=Path)
    c.add_argument("--key", type=Path, required=True)
    t = sub.add_parser("common-topics")
    t.add_argument("--min-share", type=float, default=0.01)
    a = p.parse_args(argv)
    if a.cmd == "common-topics":
        common_topics(a.min_share)
    elif a.cmd == "draw":
        draw(a.seed, a.n, a.out)
    elif a.cmd == "slots":
        slots(a.sample, a.out)
    elif a.cmd == "blind":
        blind(a.sample, a.versions, a.seed, a.out, a.key)
    else:
        score(a.items, a.ratings, a.key)


if __name__ == "__main__":
    main()
