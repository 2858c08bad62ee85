"""inconsistent-figure across documents: the labelled resume + story pairs (precision and
recall floors), the API shape, and `starkit lint --cross-check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import starkit
from starkit.cli import main

DATA = Path(__file__).parent / "data" / "crosscheck"


def score(name: str) -> tuple[int, int, int]:
    pairs = json.loads((DATA / name).read_text(encoding="utf-8"))["pairs"]
    tp = fp = fn = 0
    for p in pairs:
        docs = [
            ("resume.txt", p["resume"], "resume"),
            ("story.txt", p["story"], p.get("kind", "story")),
        ]
        got = [(f.first.claim, f.second.claim) for f in starkit.cross_check(docs)]
        used: set[int] = set()
        for exp in p["disagree"]:
            hits = [k for k, g in enumerate(got) if exp["resume"] in g[0] and exp["story"] in g[1]]
            if hits:
                tp += 1
                used.update(hits)
            else:
                fn += 1
        fp += len(set(range(len(got))) - used)
    return tp, fp, fn


@pytest.mark.parametrize("name", ["pairs.json", "holdout.json", "probes.json"])
def test_precision_and_recall_on_labelled_pairs(name):
    tp, fp, fn = score(name)
    assert tp + fn >= 7
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"{name}: tp={tp} fp={fp} fn={fn} precision={precision:.2f} recall={recall:.2f}")
    assert precision >= 0.90 and recall >= 0.85


def test_finding_names_both_places():
    resume = "Led a team of 4 engineers\nCut p95 checkout latency from 800 ms to 300 ms in Q2\n"
    story = (
        "Situation: checkout was slow.\nResult: p95 checkout latency fell from 900 ms to 300 ms."
    )
    [f] = starkit.cross_check([("cv.md", resume, "resume"), ("story.md", story, "story")])
    assert f.rule == "inconsistent-figure" and f.severity == "warning"
    assert (f.first.name, f.first.line, f.first.text) == ("cv.md", 2, "800 ms to 300 ms")
    assert resume[f.first.start : f.first.end] == "800 ms to 300 ms"
    assert (f.second.name, f.second.line) == ("story.md", 2)
    assert story[f.second.start : f.second.end] == "900 ms to 300 ms"
    assert "story.md:2:" in f.message and "cv.md:2:" in f.message and "cv.md:2" in f.suggestion


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Grew weekly retention 40% with the checklist",
            "The checklist grew weekly retention about 40%.",
        ),
        ("Grew marketplace revenue to $1.2M", "Marketplace revenue reached $1,200,000."),
        ("Grew checkout conversion 12% in Q2", "Checkout conversion grew 18% in Q3."),
        ("Saved $450k a year in cloud costs", "We saved $40k a month in cloud costs."),
        (
            "Raised checkout conversion 24% with one-click pay",
            "Result: one-click pay took checkout conversion from 2.1% to 2.6%.",
        ),
        (
            "Cut p95 checkout latency from 900 ms to 300 ms",
            "Situation: checkout p95 latency had crept up from 500 ms to 900 ms over the year. "
            "Result: we cut p95 checkout latency from 900 ms to 300 ms.",
        ),
    ],
    ids=["about", "format", "quarters", "per-period", "change-vs-level", "earlier-figures"],
)
def test_rounding_and_other_periods_stay_silent(a, b):
    assert starkit.cross_check([("r", a, "resume"), ("s", b, "story")]) == []


def test_one_finding_names_the_closest_sentence():
    story = (
        "Situation: checkout p95 latency had crept up from 500 ms to 900 ms over the year. "
        "Result: we cut p95 checkout latency from 900 ms to 300 ms."
    )
    found = starkit.cross_check(
        [("r", "Cut p95 checkout latency from 800 ms to 300 ms", "resume"), ("s", story, "story")]
    )
    assert [f.second.claim for f in found] == [
        "Result: we cut p95 checkout latency from 900 ms to 300 ms."
    ]


def test_the_contract_example_fires():
    """RULES.md: "cut p95 latency from 800 ms to 300 ms" against "from 900 ms to 300 ms"."""
    found = starkit.cross_check(
        [
            ("resume.md", "Cut p95 latency from 800 ms to 300 ms", "resume"),
            ("story.md", "Result: we cut p95 latency from 900 ms to 300 ms.", "story"),
        ]
    )
    assert [(f.first.text, f.second.text) for f in found] == [
        ("800 ms to 300 ms", "900 ms to 300 ms")
    ]


def test_same_document_is_not_compared_with_itself():
    text = "Cut latency from 800 ms to 300 ms\nCut latency from 900 ms to 300 ms\n"
    assert starkit.cross_check([("r", text, "resume")]) == []


def test_unknown_kind_is_an_input_error():
    with pytest.raises(starkit.InputError):
        starkit.cross_check([("r", "Grew revenue 5%", "poem")])


_STORY = (
    "Situation: trials were not converting. Task: fix onboarding. Action: I redesigned "
    "onboarding with the growth team over six weeks and tested it against the old flow. "
    "Result: trial-to-paid conversion rose from 2.1% to 3.1%.\n"
)


def test_cli_cross_check_reports_both_files(capsys, tmp_path):
    (tmp_path / "resume.md").write_text(
        "# Sam\n\n## Experience\n\n### PM, Acme (2021-2024)\n\n"
        "- Raised trial-to-paid conversion from 2.1% to 2.6% by redesigning onboarding\n",
        encoding="utf-8",
    )
    (tmp_path / "story.txt").write_text(_STORY, encoding="utf-8")
    code = main(["lint", "--cross-check", "--format", "json", str(tmp_path)])
    data = json.loads(capsys.readouterr().out)
    hits = {
        Path(f["path"]).name: [x for x in f["findings"] if x["rule"] == "inconsistent-figure"]
        for f in data["files"]
    }
    assert len(hits["resume.md"]) == 1 and len(hits["story.txt"]) == 1
    assert hits["resume.md"][0]["line"] == 7 and "story.txt" in hits["resume.md"][0]["message"]
    lines = (tmp_path / "resume.md").read_text(encoding="utf-8").splitlines()
    r = hits["resume.md"][0]
    assert lines[r["line"] - 1][r["column"] - 1 : r["end_column"] - 1] == "2.1% to 2.6%"
    assert code == 1


def test_cli_cross_check_names_the_resume_line_of_the_file(capsys, tmp_path):
    (tmp_path / "resume.md").write_text(
        "# Sam\n\nPM · sam@example.com\n\n## Summary\n\nProduct manager.\n\n## Experience\n\n"
        "### PM, Acme (2021-2024)\n\n- Shipped the new search page to 12 markets\n"
        "- Raised trial-to-paid conversion from 2.1% to 2.6% by redesigning onboarding\n",
        encoding="utf-8",
    )
    (tmp_path / "story.txt").write_text(_STORY, encoding="utf-8")
    main(["lint", "--cross-check", "--format", "json", str(tmp_path)])
    data = json.loads(capsys.readouterr().out)
    [r] = [
        x
        for f in data["files"]
        for x in f["findings"]
        if x["rule"] == "inconsistent-figure" and f["path"].endswith("resume.md")
    ]
    [s] = [
        x
        for f in data["files"]
        for x in f["findings"]
        if x["rule"] == "inconsistent-figure" and f["path"].endswith("story.txt")
    ]
    assert r["line"] == 14
    assert "resume.md:14:" in s["message"] and "resume.md:14 says 'Raised" in s["suggestion"]
    assert "resume.md:14 says 'Raised" in r["suggestion"]
    assert "same failure" not in s["message"] and "should match" in s["message"]
