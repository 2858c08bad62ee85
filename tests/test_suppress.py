"""Inline suppressions: each format's comment syntax, the line / next-line / range / file forms,
counts in JSON, unknown codes reported, unused ones with --report-unused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from starkit.cli import main
from starkit.suppress import apply, parse

RESUME = """# Sam Example

## Experience

### Product Manager, Acme (2021-2024)

- Helped the team launch the new billing page in 6 weeks
- Grew app downloads 40% in Q3
- Worked on the pricing page with 2 designers
"""


def lint_json(capsys, path: Path, *extra: str) -> tuple[int, dict]:
    code = main(["lint", "--format", "json", *extra, str(path)])
    return code, json.loads(capsys.readouterr().out)


def findings_of(data: dict) -> list[tuple[str, int]]:
    return sorted((f["finding"]["rule"], f["source"]["line"]) for f in data["findings"])


@pytest.mark.parametrize(
    ("edit", "gone"),
    [
        # at the end of the line: that line only
        (lambda t: t.replace("Q3\n", "Q3 <!-- starkit: disable=vanity-metric -->\n"), 8),
        # next-line form
        (
            lambda t: t.replace(
                "- Grew", "<!-- starkit: disable-next-line=vanity-metric -->\n- Grew"
            ),
            9,
        ),
        # whole-file form, at the top
        (lambda t: "<!-- starkit: disable-file=vanity-metric -->\n" + t, 9),
    ],
    ids=["same-line", "next-line", "file"],
)
def test_markdown_resume_loses_exactly_that_finding(capsys, tmp_path, edit, gone):
    plain = tmp_path / "plain.md"
    plain.write_text(RESUME, encoding="utf-8")
    _, before = lint_json(capsys, plain)
    silenced = tmp_path / "silenced.md"
    silenced.write_text(edit(RESUME), encoding="utf-8")
    _, after = lint_json(capsys, silenced)
    rules_before = [r for r, _ in findings_of(before)]
    rules_after = [r for r, _ in findings_of(after)]
    assert rules_before.count("vanity-metric") == 1
    expected = list(rules_before)
    expected.remove("vanity-metric")
    assert rules_after == expected
    assert [s["rule"] for s in after["suppressed"]] == ["vanity-metric"]
    assert after["suppressed"][0]["line"] == gone


def test_standalone_disable_covers_until_enable(capsys, tmp_path):
    p = tmp_path / "bullets.txt"
    p.write_text(
        "Helped with the roadmap for 3 teams\n"
        "# starkit: disable=weak-verb\n"
        "Helped with pricing for 4 teams\n"
        "# starkit: enable=weak-verb\n"
        "Helped with onboarding for 5 teams\n",
        encoding="utf-8",
    )
    code = main(["lint", "--kind", "resume", "--format", "json", str(p)])
    data = json.loads(capsys.readouterr().out)
    weak = [f["start"] for f in data["findings"] if f["rule"] == "weak-verb"]
    lines = sorted(data["text"].count("\n", 0, s) + 1 for s in weak)
    assert lines == [1, 5]
    assert [s["line"] for s in data["suppressed"]] == [3]
    assert code in (0, 1)


def test_latex_and_yaml_comment_syntax():
    tex = r"\item Helped the team % starkit: disable=weak-verb"
    yaml_text = "  - Helped the team  # starkit: disable=weak-verb,vague-language"
    assert parse(tex)[0].codes == ("weak-verb",)
    assert parse(yaml_text)[0].codes == ("weak-verb", "vague-language")
    out = apply(yaml_text, [("weak-verb", 1), ("no-quantification", 1)], frozenset({"weak-verb"}))
    assert out.kept == [1] and out.suppressed == [0]


def test_unknown_code_is_reported_and_unused_with_flag(capsys, tmp_path):
    p = tmp_path / "b.md"
    p.write_text(RESUME.replace("Q3\n", "Q3 <!-- starkit: disable=vanity-metrik -->\n"), "utf-8")
    code, data = lint_json(capsys, p)
    problems = data["suppression_problems"]
    assert [(x["rule"], x["line"]) for x in problems] == [("unknown-suppression", 8)]
    assert "vanity-metrik" in problems[0]["message"] and code == 1
    q = tmp_path / "c.md"
    q.write_text(RESUME.replace("Q3\n", "Q3 <!-- starkit: disable=we-not-i -->\n"), "utf-8")
    _, quiet = lint_json(capsys, q)
    assert quiet["suppression_problems"] == []
    _, loud = lint_json(capsys, q, "--report-unused")
    assert [x["rule"] for x in loud["suppression_problems"]] == ["unused-suppression"]


def test_text_output_counts_suppressed(capsys, tmp_path):
    p = tmp_path / "r.md"
    p.write_text(RESUME.replace("Q3\n", "Q3 <!-- starkit: disable=vanity-metric -->\n"), "utf-8")
    main(["lint", str(p)])
    out = capsys.readouterr().out
    assert "vanity-metric" not in out and out.rstrip().endswith("; 1 suppressed")
