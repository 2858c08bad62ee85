"""starkit on a Dask cluster: lint a `dask.dataframe` of texts partition by partition, each
partition in one `starkit.lint_many` batch, into a Dask DataFrame of result rows.

    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster
    import starkit.dask as sd

    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1") as cluster, \\
            Client(cluster) as client:
        client.run(sd.warm_up)                       # build the pipeline on every worker
        texts = dd.from_pandas(pd.DataFrame({"text": resumes}), npartitions=16)
        rows = sd.lint_dataframe(texts, kind="resume").compute()

Rows have the columns of `starkit.batch.ROW_COLUMNS` (`path` holds the row's index label in
the input), one `file` row per text, one `unit` row per unit and one `finding` row per
finding. `kind` may name a column that holds each text's kind. See docs/scale.md.

Needs the `scale` extra: `pip install 'starkit[scale]'`.
"""

from __future__ import annotations

from typing import Any

from starkit.batch import ROW_COLUMNS, _frame, _row, unit_rows


def warm_up() -> bool:
    """Build the lint pipeline in this process (run it on every worker with `client.run`)."""
    from starkit.nlp import get_nlp

    get_nlp()
    return True


def _rows(label: str, report: Any) -> list[dict[str, Any]]:
    from starkit.formatters import line_col

    if report.not_judged:  # not English: an error row, never a clean score
        return [
            _row(label, "file", kind=report.kind.value, error=f"not judged: {report.not_judged}")
        ]
    rows = [_row(label, "file", kind=report.kind.value, format="text", score=report.score)]
    rows += unit_rows(label, report)
    for f in report.findings:
        line, col = line_col(report.text, f.start)
        end_line, end_col = line_col(report.text, f.end)
        rows.append(
            _row(
                label,
                "finding",
                kind=report.kind.value,
                unit=f.unit,
                rule=f.rule,
                severity=f.severity.value,
                message=f.message,
                suggestion=f.suggestion,
                line=line,
                column=col,
                end_line=end_line,
                end_column=end_col,
            )
        )
    return rows


def lint_partition(
    part: Any, text_column: str = "text", kind: str = "resume", kind_column: str | None = None
) -> Any:
    """The result rows of one pandas partition: its texts are linted with `lint_many`, one
    batch per kind. A text that cannot be linted (empty, too long) gets an `error` row."""
    from starkit.engine import lint_many
    from starkit.errors import StarkitError

    rows: list[dict[str, Any]] = []
    kinds = part[kind_column] if kind_column else None
    groups: dict[str, list[tuple[str, str]]] = {}
    for label, text in part[text_column].items():
        k = str(kinds[label]) if kinds is not None else kind
        groups.setdefault(k, []).append((str(label), text))
    for k, items in groups.items():
        try:
            reports = lint_many([t for _, t in items], k)
        except StarkitError:  # one bad text: lint one by one to find it
            reports = []
            for label, text in items:
                try:
                    reports += lint_many([text], k)
                except StarkitError as exc:
                    reports.append(None)
                    rows.append(_row(label, "file", kind=k, error=str(exc)))
        for (label, _), report in zip(items, reports, strict=True):
            if report is not None:
                rows += _rows(label, report)
    return _frame(rows)


def meta() -> Any:
    """The empty frame that tells Dask the columns and dtypes of the result."""
    return _frame([])


def lint_dataframe(
    ddf: Any, text_column: str = "text", kind: str = "resume", kind_column: str | None = None
) -> Any:
    """A lazy Dask DataFrame of result rows for the texts of `ddf` (see the module docs)."""
    return ddf.map_partitions(
        lint_partition,
        text_column=text_column,
        kind=kind,
        kind_column=kind_column,
        meta=meta(),
    )


__all__ = ["ROW_COLUMNS", "lint_dataframe", "lint_partition", "meta", "warm_up"]
