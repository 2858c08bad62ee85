"""`starkit batch DIR --out results.parquet --jobs N`: lint every resume, story and email under
a folder into one Parquet table, on N processes, with a progress bar; restartable.

Rows (`ROW_COLUMNS`): one `file` row per file (its kind, format, score, or its error), one
`unit` row per bullet, line, story or email, and one `finding` row per finding, each with the
file's path and the position in the file.

Restart: the workers write results as they come into `OUT.parts/` (one Parquet file per
chunk of up to 32 files); a run skips every file already there or in OUT, and at the end
merges everything into OUT and removes the parts. Kill it at any time and run the same
command again to go on.

Needs the `scale` extra (pyarrow, tqdm): `pip install 'starkit[scale]'`.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from starkit.errors import InputError, StarkitError

ROW_COLUMNS: dict[str, str] = {
    "path": "string",
    "row": "string",  # file | unit | finding
    "kind": "string",
    "format": "string",
    "unit": "Int64",
    "rule": "string",
    "severity": "string",
    "message": "string",
    "suggestion": "string",
    "line": "Int64",
    "column": "Int64",
    "end_line": "Int64",
    "end_column": "Int64",
    "page": "Int64",
    "text": "string",
    "score": "Int64",
    "words": "Int64",
    "error": "string",
}
"""The columns of the table and their pandas dtypes (missing values are null)."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add `starkit batch` to the CLI."""
    p = sub.add_parser(
        "batch",
        help="lint a folder of resumes, stories and emails into a Parquet table (restartable)",
        description="Lint every file under DIR (recursively) on --jobs processes into one "
        "Parquet table: a row per file, per unit and per finding. Interrupted? Run the same "
        "command again: files already done are skipped.",
    )
    p.add_argument("dir", metavar="DIR", help="the folder to lint")
    p.add_argument("--out", required=True, help="the Parquet file to write")
    p.add_argument("--jobs", type=int, default=1, help="processes to use (default 1)")
    p.add_argument("--kind", choices=["bullet", "resume", "story", "email"], default=None)
    p.add_argument("--config", default=None, help="a starkit.toml or pyproject.toml to use")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        raise InputError("--jobs must be 1 or more")
    if not Path(args.dir).is_dir():
        raise InputError(f"{args.dir}: not a folder")
    stats = run_batch(
        args.dir,
        args.out,
        jobs=args.jobs,
        kind=args.kind,
        config_path=args.config,
        progress=not args.quiet,
    )
    print(
        f"{stats['done']} files linted ({stats['skipped_done']} already done, "
        f"{stats['errors']} could not be read, {stats['skipped']} skipped) in "
        f"{stats['seconds']:.1f} s: {stats['files_per_second']:.1f} files/s; wrote {args.out}",
        file=sys.stderr,
    )
    return 2 if stats["errors"] else 0


# -- worker side ------------------------------------------------------------------------------

_state: dict[str, Any] = {}


def _init(kind: str | None, config_path: str | None) -> None:
    from starkit.config import load_config
    from starkit.nlp import get_nlp

    if _state.get("args") == (kind, config_path):
        return  # already built in this process (or inherited through fork)
    _state["args"] = (kind, config_path)
    config = load_config(config_path, start=Path.cwd())
    _state.update(kind=kind, config=config)
    get_nlp(config)  # build the pipeline once per process


def _row(path: str, row: str, **values: Any) -> dict[str, Any]:
    out = dict.fromkeys(ROW_COLUMNS)
    out.update(path=path, row=row, **values)
    return out


def unit_rows(path: str, report: Any) -> list[dict[str, Any]]:
    """One `unit` row per unit of an engine `Report`, at its line and column in the text."""
    from starkit.formatters import line_col

    rows = []
    for u in report.units:
        line, col = line_col(report.text, u.start)
        rows.append(
            _row(
                path,
                "unit",
                kind=u.kind,
                unit=u.index,
                line=line,
                column=col,
                text=u.text,
                score=u.score,
                words=u.words,
            )
        )
    return rows


def rows_for_file(path: str, kind: str | None = None, config: Any = None) -> list[dict[str, Any]]:
    """The table rows of one file (never raises for a bad file: it gets an `error` row)."""
    from starkit.lintrun import lint_file

    # text formats are read in this process (a worker per file would cost 6x the reading);
    # PDF, DOCX and zip files still go to the bounded worker
    result = lint_file(path, kind=kind, config=config, isolate_text=False)
    if result.error:
        return [_row(path, "file", error=result.error)]
    native = result.native
    rows = [
        _row(
            path,
            "file",
            kind=result.kind,
            format=result.fmt,
            score=getattr(native, "score", None),
        )
    ]
    if hasattr(native, "items"):  # a resume document
        for item in native.items:
            rows.append(
                _row(
                    path,
                    "unit",
                    kind=item.kind,
                    unit=item.index,
                    line=item.source.line,
                    column=item.source.col,
                    page=item.source.page,
                    text=item.text,
                    score=item.score,
                    words=item.words,
                )
            )
        units_of = {id(lf): lf.item for lf in native.findings}
    else:
        rows += unit_rows(path, native)
        units_of = {id(f): f.unit for f in native.findings}
    for item in result.findings:
        p = item.place
        rows.append(
            _row(
                path,
                "finding",
                kind=result.kind,
                unit=units_of.get(id(item.native)),
                rule=item.rule,
                severity=item.severity,
                message=item.message,
                suggestion=item.suggestion,
                line=p.line,
                column=p.col,
                end_line=p.end_line,
                end_column=p.end_col,
                page=p.page,
            )
        )
    return rows


def _work(task: tuple[list[str], str]) -> tuple[int, int]:
    """Lint a chunk of files and write their rows as one part file: (files, errors). The
    workers write their own parts, so the parent only counts (it would compete for a core)."""
    paths, parts = task
    rows: list[dict[str, Any]] = []
    for path in paths:
        try:
            rows += rows_for_file(path, _state.get("kind"), _state.get("config"))
        except StarkitError as exc:  # pragma: no cover - lint_file turns these into rows
            rows.append(_row(path, "file", error=str(exc)))
    _flush(rows, Path(parts))
    return len(paths), sum(1 for r in rows if r["row"] == "file" and r["error"])


# -- parent side ------------------------------------------------------------------------------


def _frame(rows: list[dict[str, Any]]) -> Any:
    import pandas as pd

    df = pd.DataFrame(rows, columns=list(ROW_COLUMNS))
    return df.astype(ROW_COLUMNS)


def _parts_dir(out: Path) -> Path:
    return out.with_name(out.name + ".parts")


def done_paths(out: str | Path) -> set[str]:
    """Files already in OUT or in its parts folder (what a restart skips)."""
    import pyarrow.parquet as pq

    out = Path(out)
    tables = [out] if out.is_file() else []
    parts = _parts_dir(out)
    if parts.is_dir():
        tables += sorted(parts.glob("*.parquet"))
    done: set[str] = set()
    for t in tables:
        try:
            done |= set(pq.read_table(t, columns=["path"]).column("path").to_pylist())
        except Exception:  # a part cut short by a kill: redo its files
            t.unlink(missing_ok=True)
    return done


def _flush(rows: list[dict[str, Any]], parts: Path) -> None:
    if not rows:
        return
    parts.mkdir(parents=True, exist_ok=True)
    name = parts / f"part-{time.time_ns()}-{os.getpid()}.parquet"
    tmp = name.with_suffix(".tmp")
    _frame(rows).to_parquet(tmp, index=False)
    os.replace(tmp, name)


def _merge(out: Path) -> None:
    import pandas as pd

    parts = _parts_dir(out)
    frames = [pd.read_parquet(out)] if out.is_file() else []
    part_files = sorted(parts.glob("*.parquet")) if parts.is_dir() else []
    frames += [pd.read_parquet(p) for p in part_files]
    merged = pd.concat(frames, ignore_index=True) if frames else _frame([])
    tmp = out.with_name(out.name + ".tmp")
    merged.astype(ROW_COLUMNS).to_parquet(tmp, index=False)
    os.replace(tmp, out)
    for p in part_files:
        p.unlink()
    if parts.is_dir():
        parts.rmdir()


def _results(
    todo: list[str], parts: Path, jobs: int, kind: str | None, config_path: str | None
) -> Iterator[tuple[int, int]]:
    size = max(1, min(32, len(todo) // (jobs * 4)))
    tasks = [(todo[i : i + size], str(parts)) for i in range(0, len(todo), size)]
    if jobs == 1:
        _init(kind, config_path)
        for t in tasks:
            yield _work(t)
        return
    import multiprocessing as mp

    fork = sys.platform.startswith("linux")
    ctx = mp.get_context("fork" if fork else "spawn")
    if fork:
        _init(kind, config_path)  # build once here: the workers inherit the pipeline
        import pandas  # noqa: F401  (and the Parquet writer: imported once, not per worker)
        import pyarrow.parquet  # noqa: F401
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # an executor's workers are not daemons, so each may read a resume in its own bounded
    # worker process (`starkit.worker`), as the CLI does
    with ProcessPoolExecutor(
        jobs, mp_context=ctx, initializer=_init, initargs=(kind, config_path)
    ) as pool:
        for done in as_completed([pool.submit(_work, t) for t in tasks]):
            yield done.result()


def run_batch(
    folder: str | Path,
    out: str | Path,
    *,
    jobs: int = 1,
    kind: str | None = None,
    config_path: str | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """Lint every file under `folder` into the Parquet file `out`; returns counts and speed."""
    from starkit.lintrun import expand_paths

    out = Path(out)
    files, skipped = expand_paths([str(folder)])
    done = done_paths(out)
    todo = [f for f in files if f not in done]
    parts = _parts_dir(out)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="file", file=sys.stderr, desc="starkit batch")
    start = time.perf_counter()
    errors = 0
    try:
        for n, bad in _results(todo, parts, jobs, kind, config_path):
            errors += bad
            if bar is not None:
                bar.update(n)
    finally:
        if bar is not None:
            bar.close()
    seconds = time.perf_counter() - start
    _merge(out)
    return {
        "done": len(todo),
        "skipped_done": len(files) - len(todo),
        "skipped": len(skipped),
        "errors": errors,
        "seconds": seconds,
        "files_per_second": len(todo) / seconds if seconds > 0 else 0.0,
    }
