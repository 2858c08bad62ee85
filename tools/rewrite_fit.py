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

`draw` excludes every text already in `corpus/rewrite_fit/` or a sealed set, and the sealed pools
(`bench/findings_snapshot.py` SEALED), so each sample is fresh and nothing sealed is read. `slots`
runs the code on the path (a worktree at another commit through PYTHONPATH names that commit's
slots). `blind` merges the slots of one or more versions into one list of (line, role, metric)
items in seeded order, with the same metric for the same line and role rated once; `score` reads
the rater's `{"item", "rating"}` lines and prints each version's share of fits and misfits.
`common-topics` lists the taxonomy's topic words common enough in real resume lines to be weak.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from starkit.errors import StarkitError  # noqa: E402
from tools.evaluate import _read_jsonl  # noqa: E402  (the project's JSONL reader)

SOURCES = {
    "bullet": (
        "corpus/heldout_bullets/pool[0-9].jsonl",
        "corpus/heldout_bullets/pool[0-9][0-9].jsonl",
        "corpus/resume_bullets/bullets.jsonl",
    ),
    "story": ("corpus/star_stories/stories*.jsonl", "corpus/star_stories/dev*.jsonl"),
}
LENGTHS = {"bullet": (25, 300), "story": (200, 4000)}
FIT_DIR = ROOT / "corpus" / "rewrite_fit"
# the slot each rewriter names, read back from its rewrite
SLOTS = {
    "measure": ("no-quantification", re.compile(r"\b(?:raising|cutting) <([^>]+)>")),
    "causal": ("vanity-metric", re.compile(r"\blifting <([^>]+)>")),
    "guardrail": ("missing-guardrail", re.compile(r"\bwhile holding <([^>]+)>")),
    "result": ("result-unquantified", re.compile(r"\bmoving <([^>]+)>")),
}
SHARES = {
    "bullet": {"measure": 0.6, "guardrail": 0.25, "causal": 0.15},
    "story": {"result": 1.0},
}
RATINGS = ("fit", "loose", "misfit")


def _read(path: Path) -> list[dict]:
    """The objects of a JSONL file; a broken line (a rater's typo) names its file and line."""
    return [row for _, row in _read_jsonl(path)]


def _write(path: Path, rows: Iterable[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def slots_of(texts: list[str], kind: str = "bullet") -> list[dict[str, str]]:
    """Role -> named metric, for each text linted as `kind` by the code on the path."""
    from starkit.engine import lint_many

    out = []
    for report in lint_many(texts, kind):
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
    samples = [p for p in FIT_DIR.glob("fit*.jsonl") if p.name.count(".") == 1]
    paths = [*samples, *ROOT.glob("corpus/**/sealed*.jsonl")]
    return {row["text"].strip() for p in paths if "labels" not in p.name for row in _read(p)}


def _sealed() -> tuple[str, ...]:
    """The name prefixes of sealed files nobody may read (`bench/findings_snapshot.py`)."""
    spec = importlib.util.spec_from_file_location("snapshot", ROOT / "bench/findings_snapshot.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return tuple(module.SEALED)


def _pool_texts(kind: str = "bullet", sources: tuple[str, ...] = ()) -> dict[str, dict]:
    """Every unlabelled real text of the pools of `kind` (or of the files the globs `sources`
    name) (stripped text -> its row), sealed pools left out (fitA-fitC were drawn before they
    were, and hold 57 lines of pool17)."""
    texts: dict[str, dict] = {}
    sealed = _sealed()
    for pattern in sources or SOURCES[kind]:
        for path in sorted(ROOT.glob(pattern)):
            if path.name.startswith(sealed):
                continue
            if "labels" in path.name:
                continue
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


def draw(
    seed: int,
    n: int,
    out: Path,
    kind: str = "bullet",
    match: str | None = None,
    role: str | None = None,
    sources: tuple[str, ...] = (),
) -> None:
    """`n` real texts of `kind` not drawn before, each with one slot role, roles in `SHARES`
    (or all of `role`); with `match`, only texts a case-blind search of that expression finds
    (a plain regex, not starkit: a sample of one kind of work, such as events and teaching);
    with `sources`, from the files those globs name (labelled sets, whose lines no rewrite
    was tuned on) instead of the pools."""
    seen = _seen()
    low, high = LENGTHS[kind]
    wanted = re.compile(match, re.IGNORECASE) if match else None
    texts = {
        t: r
        for t, r in _pool_texts(kind, sources).items()
        if low <= len(t) <= high and t not in seen and (wanted is None or wanted.search(t))
    }
    order = sorted(texts)
    random.Random(seed).shuffle(order)
    shares = {role: 1.0} if role else SHARES[kind]
    want = {r: round(n * share) for r, share in shares.items()}
    picked: list[dict] = []
    for start in range(0, len(order), 500):
        chunk = order[start : start + 500]
        for text, found in zip(chunk, slots_of(chunk, kind), strict=True):
            roles = [r for r in found if want.get(r, 0) > 0]
            if not roles:
                continue
            most = min(roles, key=lambda r: -want[r])  # the role still most wanted
            want[most] -= 1
            row = texts[text]
            picked.append(
                {"id": row["id"], "kind": kind, "text": text, "role": most, "source": row["source"]}
            )
        if not any(want.values()):
            break
    _write(out, picked)
    print(f"{len(picked)} lines to {out} ({Counter(p['role'] for p in picked)})")


def slots(sample: Path, out: Path) -> None:
    rows = _read(sample)
    kinds = {r.get("kind", "bullet") for r in rows}
    if len(kinds) != 1:
        sys.exit(f"{sample}: one kind of text a sample, found {sorted(kinds)}")
    found = slots_of([r["text"] for r in rows], kinds.pop())
    _write(
        out,
        (
            {"id": r["id"], "role": r["role"], "metric": f.get(r["role"], "")}
            for r, f in zip(rows, found, strict=True)
        ),
    )


def blind(
    sample: Path, versions: list[Path], seed: int, out: Path, key: Path, changed: bool = False
) -> None:
    """`changed`: only the lines whose metric differs between the versions."""
    rows = {r["id"]: r for r in _read(sample)}
    items: dict[tuple[str, str], dict] = {}
    names: dict[str, dict[str, str]] = {}
    slots = {v: _read(v) for v in versions}
    named = [{s["id"]: s["metric"] for s in named_slots} for named_slots in slots.values()]
    for v, named_slots in slots.items():
        names[v.stem] = {}
        for s in named_slots:
            if not s["metric"]:
                continue  # this version names no slot of that role for the line
            if changed and len({n.get(s["id"]) for n in named}) == 1:
                continue
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
    """Each version's ratings, all roles and each role (count fit / loose / misfit), and for
    two versions how the lines they name different metrics for were rated."""
    rated = {r["item"]: r["rating"] for r in _read(ratings)}
    role = {r["item"]: r["role"] for r in _read(items)}
    bad = [r for r in rated.values() if r not in RATINGS]
    if bad or rated.keys() != role.keys():
        sys.exit(f"ratings incomplete or unknown: {len(rated)} rated, unknown {set(bad)}")
    versions = json.loads(key.read_text())
    print(f"{'version':<28}{'role':<10}{'lines':>6}{'fit':>10}{'loose':>10}{'misfit':>10}")
    for v, by_line in versions.items():
        for part in ("all", *sorted({role[i] for i in by_line.values()})):
            c = Counter(rated[i] for i in by_line.values() if part in ("all", role[i]))
            n = sum(c.values())
            cells = "".join(f"{c[r]:>4} {c[r] / n:.2f}" for r in RATINGS)
            print(f"{v:<28}{part:<10}{n:>6}{cells}")
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
    d.add_argument("--kind", choices=sorted(SOURCES), default="bullet")
    d.add_argument("--match", default=None, help="only texts this regex finds (case-blind)")
    d.add_argument("--role", choices=sorted(SLOTS), default=None, help="only slots of this role")
    d.add_argument(
        "--from",
        dest="sources",
        action="append",
        default=[],
        help="draw from the files this glob (relative to the project) names, not the pools",
    )
    s = sub.add_parser("slots")
    s.add_argument("sample", type=Path)
    s.add_argument("--out", type=Path, required=True)
    b = sub.add_parser("blind")
    b.add_argument("sample", type=Path)
    b.add_argument("versions", type=Path, nargs="+")
    b.add_argument("--seed", type=int, default=0)
    b.add_argument("--out", type=Path, required=True)
    b.add_argument("--key", type=Path, required=True)
    b.add_argument("--changed", action="store_true", help="only lines the versions disagree on")
    c = sub.add_parser("score")
    c.add_argument("items", type=Path)
    c.add_argument("ratings", type=Path)
    c.add_argument("--key", type=Path, required=True)
    t = sub.add_parser("common-topics")
    t.add_argument("--min-share", type=float, default=0.01)
    a = p.parse_args(argv)
    try:
        if a.cmd == "common-topics":
            common_topics(a.min_share)
        elif a.cmd == "draw":
            draw(a.seed, a.n, a.out, a.kind, a.match, a.role, tuple(a.sources))
        elif a.cmd == "slots":
            slots(a.sample, a.out)
        elif a.cmd == "blind":
            blind(a.sample, a.versions, a.seed, a.out, a.key, a.changed)
        else:
            score(a.items, a.ratings, a.key)
    except StarkitError as exc:  # a missing or broken file: its name and line, no traceback
        sys.exit(f"rewrite_fit: {exc}")


if __name__ == "__main__":
    main()
