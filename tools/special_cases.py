"""Does each special case of a rule earn its keep on the labelled sets?

A special case is a one-statement `if <test>: return <value>` in a function of
`starkit/rules/checks.py` that the rule's check reaches (by the module's own call graph). For
each one in turn, the test is replaced by `False` (the case removed), every labelled bullet and
story set is scored pooled (`tools/evaluate.py --pooled`), and the calls that changed against
the unchanged code are counted: right (the change agrees with the labels) or wrong. A case
whose removal makes more calls right than wrong costs more than it saves; one whose removal
changes no call is not exercised by any labelled text (it may still be by a rule's examples or
by answers, which this does not score). A case whose removal crashes the code is a guard.

    python tools/special_cases.py [--roots missing_guardrail vanity_metric] [--jobs 2]
        [--only LINE ...] [--out DIR]

Each removal runs the scorer twice (bullets, stories): about 12 s, so the 250-odd cases that
missing-guardrail and vanity-metric reach take about 25 minutes on two cores. Session 34's run
(at b9d91ff): 229 cases, 84 exercised by no labelled text, 135 earning their keep, 4 even, 6
costing more than they save (one of which, 'quota' making revenue a sales result, was then
dropped), and 18 guards.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from queue import Queue

ROOT = Path(__file__).resolve().parent.parent
CHECKS = ROOT / "starkit" / "rules" / "checks.py"
KINDS = ("bullet", "story")


def special_cases(source: str, roots: list[str]) -> list[tuple[str, int, str]]:
    """(function, line, test) of every one-statement `if ...: return ...` with no else in
    the functions `roots` reach through calls by name inside the module."""
    tree = ast.parse(source)
    funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    calls = {
        name: {
            c.func.id
            for c in ast.walk(f)
            if isinstance(c, ast.Call) and isinstance(c.func, ast.Name) and c.func.id in funcs
        }
        for name, f in funcs.items()
    }
    seen: set[str] = set()
    stack = [r for r in roots if r in funcs]
    while stack:
        name = stack.pop()
        if name not in seen:
            seen.add(name)
            stack.extend(calls[name])
    return [
        (name, n.lineno, ast.unparse(n.test))
        for name in sorted(seen)
        for n in ast.walk(funcs[name])
        if isinstance(n, ast.If)
        and len(n.body) == 1
        and isinstance(n.body[0], ast.Return)
        and not n.orelse
    ]


def without_case(source: str, line: int | None) -> str:
    """The module with the `if` at `line` never taken (None: the module as it is)."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and node.lineno == line:
            node.test = ast.Constant(False)
    return ast.unparse(tree)


def score(source: str, workdir: Path, out: Path) -> str | None:
    """Score the pooled labelled sets with `source` as checks.py; None, or the error."""
    (workdir / "starkit" / "rules" / "checks.py").write_text(source, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(workdir))
    out.mkdir(parents=True, exist_ok=True)
    scorer = str(ROOT / "tools" / "evaluate.py")
    for kind in KINDS:
        run = subprocess.run(
            [sys.executable, scorer, "--pooled", kind, "--save", str(out / f"{kind}.json")],
            env=env,
            capture_output=True,
            text=True,
        )
        if run.returncode:
            return run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "failed"
    return None


def changes(base: Path, other: Path) -> Counter[str]:
    """Calls that changed between two runs, counted as '<kind> right' or '<kind> wrong'."""
    counts: Counter[str] = Counter()
    for kind in KINDS:
        before = json.loads((base / f"{kind}.json").read_text(encoding="utf-8"))
        after = json.loads((other / f"{kind}.json").read_text(encoding="utf-8"))
        for key, call in after.items():
            gold, now = set(call["gold"]), set(call["pred"])
            for code in now ^ set(before[key]["pred"]):
                counts[f"{kind} {'right' if (code in now) == (code in gold) else 'wrong'}"] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--roots", nargs="+", default=["missing_guardrail", "vanity_metric"])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", nargs="*", type=int, default=None, help="these lines only")
    ap.add_argument("--out", type=Path, default=None, help="keep every run's calls here")
    args = ap.parse_args(argv)
    source = CHECKS.read_text(encoding="utf-8")
    cases = [c for c in special_cases(source, args.roots) if not args.only or c[1] in args.only]
    out = args.out or Path(tempfile.mkdtemp(prefix="special-cases-"))
    workdirs: Queue[Path] = Queue()
    for k in range(args.jobs):
        wd = out / f"work{k}"
        shutil.rmtree(wd, ignore_errors=True)
        shutil.copytree(ROOT / "starkit", wd / "starkit", ignore=shutil.ignore_patterns("*.pyc"))
        (wd / "lexicons").symlink_to(ROOT / "lexicons")
        workdirs.put(wd)

    def run(line: int | None) -> str | None:
        wd = workdirs.get()
        try:
            return score(without_case(source, line), wd, out / str(line or 0))
        finally:
            workdirs.put(wd)

    if run(None) is not None:
        print("the unchanged code does not score", file=sys.stderr)
        return 1
    with ThreadPoolExecutor(args.jobs) as pool:
        errors = list(pool.map(run, [line for _, line, _ in cases]))
    tally: Counter[str] = Counter()
    print("line  function                        bullets +right/-wrong  stories  | test")
    for (name, line, test), error in zip(cases, errors, strict=True):
        if error is not None:
            tally["guard (removing it crashes)"] += 1
            continue
        c = changes(out / "0", out / str(line))
        right, wrong = c["bullet right"] + c["story right"], c["bullet wrong"] + c["story wrong"]
        verdict = (
            "exercised by no labelled text"
            if right + wrong == 0
            else "costs more than it saves"
            if right > wrong
            else "even"
            if right == wrong
            else "earns its keep"
        )
        tally[verdict] += 1
        print(
            f"{line:5} {name:31} +{c['bullet right']}/-{c['bullet wrong']:<18} "
            f"+{c['story right']}/-{c['story wrong']:<4} | {test[:60]}  [{verdict}]"
        )
    print(f"\n{len(cases)} special cases: " + ", ".join(f"{n} {v}" for v, n in tally.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
