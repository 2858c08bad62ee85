"""Draw set61: lines of the Word CVs of arefinnomi/curriculum_vitae_data that set57 and set59
did not take.

Semi-blind, as set50 was: the CVs are mostly set57's and set59's, but none of these lines had been
read. draw57's reader, role rule and filters (imported); every line any corpus file holds (the
seen-lines list, set57 and set59 included) dropped; at most 2 lines a CV, random.Random(61), 200
lines. Writes set61.jsonl beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import draw57 as d57

HERE = Path(__file__).resolve().parent
OUT = HERE / "set61.jsonl"


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
        keep = d57.cv_lines(text, seen, used)
        if keep:
            pool[path.stem] = keep
            roles[path.stem] = role
    rows = d57.draw_rows(pool, roles, 61, "hb61")
    d57.write_rows(rows, OUT)
    print(
        f"{len(rows)} lines of {len({r['resume'] for r in rows})} CVs "
        f"({sum(map(len, pool.values()))} candidate lines of {len(pool)} CVs)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
