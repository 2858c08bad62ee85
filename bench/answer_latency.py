"""How long `lint(text, "answer", question)` takes on answers of 50, 300 and 600 words, after
the pipeline is warm (the Practice page re-lints on every pause in typing).

    python bench/answer_latency.py
"""

from __future__ import annotations

import statistics
import time

import starkit
from starkit.answer.docs import load_examples

RUNS = 20


def main() -> None:
    ex = next(e for e in load_examples() if e.type == "success")
    base = ex.strong.split()
    starkit.lint("warm up", "bullet")
    for words in (50, 300, 600):
        text = " ".join((base * (words // len(base) + 1))[:words])
        times = []
        for i in range(RUNS):
            t = time.perf_counter()
            starkit.lint(f"{text} {i}", "answer", ex.question)
            times.append((time.perf_counter() - t) * 1000)
        median = statistics.median(times)
        print(f"{words:4d} words: median {median:6.1f} ms, max {max(times):6.1f} ms")


if __name__ == "__main__":
    main()
