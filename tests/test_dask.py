"""starkit.dask on a dask.distributed LocalCluster (threads, bound to 127.0.0.1): the rows equal
linting each text with `lint_many` directly."""

from __future__ import annotations

import dask.dataframe as dd
import distributed
import pandas as pd
import pytest

import starkit
import starkit.dask as sd

TEXTS = [
    "Grew app downloads 40% in Q3\nHelped with the roadmap",
    "Cut p95 latency from 800 ms to 300 ms in Q2, holding error rate at 0.1%",
    "Improved project execution\nWorked on onboarding for 3 teams",
    "Raised trial-to-paid conversion from 2.1% to 2.6%",
    "Led the launch of the billing page",
]


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=2,
            processes=False,
            protocol="tcp",
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_rows_match_lint_many(client):
    client.run(sd.warm_up)
    ddf = dd.from_pandas(pd.DataFrame({"text": TEXTS}), npartitions=3)
    rows = sd.lint_dataframe(ddf, kind="resume").compute()
    assert list(rows.columns) == list(sd.ROW_COLUMNS)
    reports = starkit.lint_many(TEXTS, "resume")
    findings = rows[rows.row == "finding"]
    assert len(findings) == sum(len(r.findings) for r in reports)
    assert len(rows[rows.row == "unit"]) == sum(len(r.units) for r in reports)
    for i, report in enumerate(reports):
        got = sorted(findings[findings.path == str(i)].rule)
        assert got == sorted(f.rule for f in report.findings)


def test_kind_column_and_bad_text(client):
    df = pd.DataFrame(
        {
            "text": ["Hi Sam,\n\nThank you for the chat.\n\nBest,\nJo", "   ", "Helped a lot"],
            "kind": ["email", "bullet", "bullet"],
        }
    )
    rows = sd.lint_dataframe(dd.from_pandas(df, npartitions=1), kind_column="kind").compute()
    files = rows[rows.row == "file"].set_index("path")
    assert files.loc["0", "kind"] == "email"
    assert "empty" in files.loc["1", "error"]
    assert pd.isna(files.loc["2", "error"])
