"""What `starkit lint` says about a file, said once and naming the file: a decoding warning
once, one line-limit warning, the path once in an error, every error naming its file, the
skipped files named, and counts that read as English."""

from __future__ import annotations

from starkit import engine
from starkit.cli import main
from starkit.limits import MAX_TEXT_LINES

RESUME = (
    "# Sam Lee\n\n## Experience\n\n### PM, Acme (2021-2024)\n\n"
    "- Led the café checkout redesign across 4 markets\n"
)


def test_a_cp1252_file_is_warned_about_once(tmp_path, capsys):
    path = tmp_path / "cv.md"
    path.write_bytes(RESUME.encode("cp1252"))
    main(["lint", str(path)])
    err = capsys.readouterr().err
    assert err.count("decoded as cp1252") == 1


def test_a_long_file_gets_one_line_limit_warning(tmp_path, capsys):
    path = tmp_path / "big.md"
    bullets = "".join(f"- Led launch {i} across 4 markets\n" for i in range(MAX_TEXT_LINES + 10))
    path.write_text(RESUME + bullets, encoding="utf-8")
    main(["lint", str(path)])
    err = capsys.readouterr().err
    assert err.count("longer than any resume") == 1, err


def test_errors_name_their_file_once(tmp_path, capsys):
    big = tmp_path / "huge.md"
    big.write_bytes(b"a" * 10_500_000)
    long = tmp_path / "long.txt"
    long.write_text("word " * 250_000, encoding="utf-8")
    main(["lint", str(big), str(long)])
    out = capsys.readouterr().out
    [big_line] = [ln for ln in out.splitlines() if ln.startswith(str(big))]
    assert big_line.count(str(big)) == 1 and ": error: the file (10.5 MB)" in big_line
    assert f"{long}: error: the text has" in out
    main(["lint", str(long)])
    assert f"starkit: error: {long}: the text has" in capsys.readouterr().err


def test_skipped_files_are_named(tmp_path, capsys):
    (tmp_path / "cv.md").write_text(RESUME, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    main(["lint", str(tmp_path)])
    assert "1 skipped, of no format starkit reads or empty: photo.png" in capsys.readouterr().out


STORY = (
    "Situation: Our onboarding lost half of new teams in week one and support was swamped. "
    "Task: I owned activation for the quarter. Action: I cut the setup steps from nine to "
    "four, and we tested it on a tenth of sign-ups. We wrote the guide and we ran the study. "
    "Result: Week-one activation rose from 31% to 44%."
)


def test_counts_read_as_english_and_labels_are_not_spoken():
    report = engine.lint(STORY, "story")
    [we] = [f for f in report.findings if f.rule == "we-not-i"]
    assert "'I' once" in we.message and "1 times" not in we.message
    [length] = [f for f in report.findings if f.rule == "answer-length"]
    spoken = len(STORY.split()) - 4  # the four labels are not said aloud
    assert length.message.startswith(f"{spoken} words")
