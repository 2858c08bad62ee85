"""Throughput of `starkit batch` with 1 and 2 processes on generated resumes (Markdown, 12
bullets each, drawn from the bullets of tests/data/devset), and of `starkit.dask` on a local
cluster of 1 and 2 worker processes. Prints files/s, resumes/s/core and the speed-ups.

    .venv/bin/python bench/batch.py [--resumes 400] [--no-dask]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_resumes(folder: Path, n: int) -> list[str]:
    lines = (ROOT / "tests" / "data" / "devset" / "bullets.jsonl").read_text("utf-8").splitlines()
    bullets = [json.loads(x)["text"] for x in lines]
    rng = random.Random(7)
    texts = []
    for i in range(n):
        picked = rng.sample(bullets, 12)
        body = f"# Candidate {i}\n\n## Experience\n\n### Product Manager, Acme (2020-2024)\n\n"
        body += "".join(f"- {b}\n" for b in picked)
        (folder / f"resume-{i:05d}.md").write_text(body, encoding="utf-8")
        texts.append("\n".join(picked))
    return texts


def batch_run(folder: Path, out: Path, jobs: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "starkit.cli",
            "batch",
            str(folder),
            "--out",
            str(out),
            "--jobs",
            str(jobs),
            "--quiet",
        ],
        check=False,
    )
    return time.perf_counter() - start


def dask_run(texts: list[str], workers: int) -> float:
    import dask.dataframe as dd
    import pandas as pd
    from dask.distributed import Client, LocalCluster

    import starkit.dask as sd

    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(sd.warm_up)  # build the pipeline on every worker first
        ddf = dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=workers * 8)
        start = time.perf_counter()
        rows = sd.lint_dataframe(ddf, kind="resume").compute()
        elapsed = time.perf_counter() - start
    assert len(rows) > len(texts)
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--resumes", type=int, default=400)
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each, alternating; medians")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores; {args.resumes} resumes of 12 bullets")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "resumes"
        folder.mkdir()
        texts = make_resumes(folder, args.resumes)
        times: dict[int, list[float]] = {1: [], 2: []}
        for r in range(args.repeat):
            for jobs in (1, 2):
                out = Path(tmp) / f"out-{jobs}-{r}.parquet"
                times[jobs].append(batch_run(folder, out, jobs))
        med = {j: statistics.median(t) for j, t in times.items()}
        for jobs in (1, 2):
            rate = args.resumes / med[jobs]
            print(
                f"starkit batch --jobs {jobs}: median {med[jobs]:.1f} s of {args.repeat} "
                f"({', '.join(f'{t:.1f}' for t in times[jobs])}), {rate:.1f} resumes/s, "
                f"{rate / jobs:.1f} resumes/s/core (start-up included)"
            )
        print(f"speed-up --jobs 2 / --jobs 1: {med[1] / med[2]:.2f}x")
        if not args.no_dask:
            dtimes: dict[int, list[float]] = {1: [], 2: []}
            for _ in range(args.repeat):
                for workers in (1, 2):
                    dtimes[workers].append(dask_run(texts, workers))
            dmed = {w: statistics.median(t) for w, t in dtimes.items()}
            for workers in (1, 2):
                rate = args.resumes / dmed[workers]
                print(
                    f"starkit.dask, {workers} worker(s): median {dmed[workers]:.1f} s "
                    f"({', '.join(f'{t:.1f}' for t in dtimes[workers])}), {rate:.1f} "
                    f"resumes/s, {rate / workers:.1f} resumes/s/core"
                )
            print(f"speed-up 2 workers / 1: {dmed[1] / dmed[2]:.2f}x")


if __name__ == "__main__":
    main()
