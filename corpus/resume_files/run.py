"""Run the starkit CLI on every file in corpus/resume_files and tabulate what it read.

python corpus/resume_files/run.py [OUT.jsonl]  (from the project root; prints a Markdown table)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def run_one(path: Path) -> dict[str, object]:
    cmd = [sys.executable, "-m", "starkit.cli", "lint", "--kind", "resume", "--format", "json"]
    cmd.append(str(path))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    elapsed = time.perf_counter() - t0
    row: dict[str, object] = {"exit": proc.returncode, "seconds": round(elapsed, 2)}
    row["stderr"] = proc.stderr.strip()[:300]
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        row.update(read=None, sections=[], score=None, no_ach=False, unreadable=True, fmt=None)
        return row
    doc = data.get("document_findings") or []
    resume = data.get("resume") or {}
    row.update(
        read=data.get("achievement_bullets"),
        sections=[s.get("name") for s in resume.get("sections", [])],
        fmt=resume.get("format"),
        score=data.get("score"),
        no_ach=any(f.get("rule") == "resume-no-achievements" for f in doc),
        unreadable=bool(proc.stderr.strip()) and proc.returncode == 2,
        doc_messages=[f.get("message") for f in doc],
    )
    return row


def main() -> None:
    expected = [json.loads(line) for line in (HERE / "expected.jsonl").read_text().splitlines()]
    rows = []
    for exp in expected:
        row = run_one(HERE / exp["file"])
        row["file"] = exp["file"].removeprefix("files/")
        row["hand"] = exp["bullets"]
        rows.append(row)
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text("".join(json.dumps(r) + "\n" for r in rows))
    print(
        "| file | hand | read | within 20% | format read as | sections read | score "
        "| no-achievements | exit | s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    within = zero = clean_wrong = crash = 0
    for r in rows:
        hand, read = r["hand"], r["read"]
        ok = read is not None and abs(read - hand) <= 0.2 * hand if hand else read == 0
        within += ok
        zero += read == 0 and hand > 0
        clean_wrong += (not ok) and not r["no_ach"] and r["exit"] == 0
        crash += r["read"] is None
        secs = ", ".join(dict.fromkeys(s for s in r["sections"] if s))
        print(
            f"| {r['file']} | {hand} | {read} | {'yes' if ok else 'NO'} | {r['fmt']} | {secs} | "
            f"{r['score']} | {'yes' if r['no_ach'] else ''} | {r['exit']} | {r['seconds']} |"
        )
    n = len(rows)
    print()
    print(f"- within +-20% of the hand count: {within}/{n}")
    print(f"- read as 0 bullets (hand > 0): {zero}")
    print(f"- wrong but passed clean (exit 0, no resume-no-achievements): {clean_wrong}")
    print(f"- crashes / no report: {crash}")


if __name__ == "__main__":
    main()
