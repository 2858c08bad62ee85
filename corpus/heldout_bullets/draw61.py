"""Draw set61: lines of the Word CVs of arefinnomi/curriculum_vitae_data that set57 and set59
did not take.

Semi-blind, as set50 was: the CVs are mostly set57's and set59's, but none of these lines had been
read. draw57's reader, role rule and filters (imported); every line any corpus file holds (the
seen-lines list, set57 and set59 included) dropped; at most 2 lines a CV, random.Random(61), 200
lines. Writes set61.jsonl beside it.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import draw57 as d57

HERE = Path(__file__).resolve().parent
OUT = HERE / "set61.jsonl"
N_LINES = 200
PER_RESUME = 2


def main() -> None:
    seen = {d57.norm(t) for t in d57.SEEN.read_text(encoding="utf-8").splitlines() if t.strip()}
    files = sorted(d57.RAW.glob("*.docx"), key=lambda p: int(p.stem))
    pool: dict[str, list[str]] = {}
    roles: dict[str, str] = {}
    used: set[str] = set()
    for path in files:
        text = d57.docx_text(path)
        role = d57.role_of(text)
        if role is None:
            continue
        names = d57.name_tokens(text)
        keep = []
        for line in d57.split_lines(text):
            if not 6 <= len(line.split()) <= 60:
                continue
            if d57.personal(line, names) or not d57.english(line):
                continue
            key = d57.norm(line)
            if key in seen or key in used:
                continue
            used.add(key)
            if d57.KEEP_RE.search(line):
                keep.append(line)
        if keep:
            pool[path.stem] = keep
            roles[path.stem] = role
    rng = random.Random(61)
    order = sorted(pool, key=int)
    rng.shuffle(order)
    rows: list[dict[str, object]] = []
    for stem in order:
        if len(rows) >= N_LINES:
            break
        picks = rng.sample(pool[stem], min(PER_RESUME, len(pool[stem])))
        for text in picks[: N_LINES - len(rows)]:
            path = f"word/{stem}.docx"
            rows.append(
                {
                    "id": f"hb61-{len(rows) + 1:03d}",
                    "text": text,
                    "source": {
                        "repo": d57.REPO,
                        "path": path,
                        "commit": d57.COMMIT,
                        "row": f"{stem}.docx",
                        "role": roles[stem],
                    },
                    "resume": f"{d57.REPO}#{path}#{stem}",
                }
            )
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(
        f"{len(rows)} lines of {len({r['resume'] for r in rows})} CVs "
        f"({sum(map(len, pool.values()))} candidate lines of {len(pool)} CVs)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
