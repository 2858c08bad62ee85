"""A process that saves to a story bank, for the concurrency and crash tests.

    python bank_worker.py URL LABEL MODE COUNT [GO_FILE] [STORY_ID]

MODE `add` saves COUNT new stories, `edit` saves COUNT revisions of STORY_ID, `forever` adds
large stories until killed. It waits for GO_FILE to exist (so every worker starts saving at
the same moment) and prints each saved id after its transaction has committed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def story_text(label: str, i: int, size: int = 20) -> str:
    """The text worker `label` saves as its i-th story (the tests recompute it)."""
    return f"Result: {label} cut p95 latency by {i}% with refunds flat. " * size


def main(argv: list[str]) -> int:
    url, label, mode, count = argv[0], argv[1], argv[2], int(argv[3])
    go = Path(argv[4]) if len(argv) > 4 and argv[4] != "-" else None
    from starkit.bank import StoryBank

    bank = StoryBank(url)
    while go is not None and not go.exists():
        time.sleep(0.005)
    i = 0
    while mode == "forever" or i < count:
        if mode == "edit":
            bank.update(argv[5], f"{label} edit {i}")
            print(i, flush=True)
        else:
            size = 2000 if mode == "forever" else 20
            story_id = bank.add(f"{label}-{i}", story_text(label, i, size), [label])
            print(story_id, flush=True)
        i += 1
    bank.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
