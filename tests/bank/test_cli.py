"""`starkit bank ...` end to end, in-process: what a user types, what they see, exit codes."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

from starkit.bank import StoryBank
from starkit.cli import main

STORY = "Situation: checkout p95 was 1.9 s.\nResult: p95 fell to 700 ms; refunds stayed flat.\n"


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "stories.db")


def run(capsys, *argv: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        data = stdin.encode() if isinstance(stdin, str) else stdin
        old = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        try:
            code = main(list(argv))
        finally:
            sys.stdin = old
    else:
        code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _add(capsys, db: str, title: str = "Checkout", text: str = STORY, tags: str = "data") -> str:
    code, out, err = run(
        capsys, "bank", "--db", db, "add", "--title", title, "--tags", tags, stdin=text
    )
    assert code == 0, err
    return out.strip()


def test_add_from_stdin_prints_the_id_and_saves_the_text(capsys, db):
    story_id = _add(capsys, db, tags="Execution, data")
    with StoryBank(db) as bank:
        story = bank.get(story_id)
    assert story.text == STORY and story.title == "Checkout"
    assert story.tags == ("execution", "data")


def test_add_from_a_file_with_json_output(capsys, db, tmp_path):
    path = tmp_path / "story.md"
    path.write_text(STORY, encoding="utf-8")
    code, out, _ = run(
        capsys, "bank", "add", str(path), "--title", "From file", "--db", db, "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "From file" and data["text"] == STORY and data["revision"] == 1


def test_db_option_works_before_or_after_the_subcommand(capsys, db):
    story_id = _add(capsys, db)
    for argv in (["bank", "--db", db, "list"], ["bank", "list", "--db", db]):
        code, out, _ = run(capsys, *argv)
        assert code == 0 and out.startswith(story_id[:8])


def test_list_text_and_json_and_tag_filter(capsys, db):
    a = _add(capsys, db, "Alpha", tags="leadership")
    b = _add(capsys, db, "Beta", tags="conflict")
    code, out, _ = run(capsys, "bank", "--db", db, "list")
    assert code == 0
    lines = out.splitlines()
    assert [ln[:8] for ln in lines] == [b[:8], a[:8]]
    assert "Beta" in lines[0] and "[conflict]" in lines[0]
    code, out, _ = run(
        capsys, "bank", "--db", db, "list", "--tag", "leadership", "--format", "json"
    )
    assert [s["id"] for s in json.loads(out)] == [a]


def test_edit_history_show_restore_cycle(capsys, db, tmp_path):
    story_id = _add(capsys, db, text="first draft")
    short = story_id[:6]
    code, out, _ = run(capsys, "bank", "--db", db, "edit", short, "-", stdin="second draft")
    assert code == 0 and "saved revision 2" in out
    code, out, _ = run(capsys, "bank", "--db", db, "edit", short, "--title", "Renamed")
    assert code == 0 and "saved revision 3" in out
    code, out, _ = run(capsys, "bank", "--db", db, "history", short)
    assert [ln.split()[0] for ln in out.splitlines()] == ["r1", "r2", "r3"]
    assert "first draft" in out.splitlines()[0]
    code, out, _ = run(capsys, "bank", "--db", db, "restore", short, "1")
    assert code == 0 and "restored as revision 4" in out
    code, out, _ = run(capsys, "bank", "--db", db, "show", short)
    assert out.rstrip().endswith("first draft") and "title:    Checkout" in out
    code, out, _ = run(
        capsys, "bank", "--db", db, "show", short, "--revision", "2", "--format", "json"
    )
    assert json.loads(out)["text"] == "second draft"


def test_edit_with_nothing_to_change_is_a_usage_error(capsys, db):
    story_id = _add(capsys, db)
    code, _, err = run(capsys, "bank", "--db", db, "edit", story_id)
    assert code == 2 and "nothing to change" in err


def test_delete_hides_and_restore_brings_back(capsys, db):
    story_id = _add(capsys, db)
    code, out, _ = run(capsys, "bank", "--db", db, "delete", story_id[:8])
    assert code == 0 and "history kept" in out
    assert run(capsys, "bank", "--db", db, "list")[1].startswith("no stories")
    code, out, _ = run(capsys, "bank", "--db", db, "list", "--deleted")
    assert "(deleted)" in out
    assert run(capsys, "bank", "--db", db, "restore", story_id[:8], "1")[0] == 0
    assert run(capsys, "bank", "--db", db, "list")[1].startswith(story_id[:8])


def test_purge_removes_for_good(capsys, db):
    story_id = _add(capsys, db)
    assert run(capsys, "bank", "--db", db, "delete", story_id, "--purge")[0] == 0
    code, _, err = run(capsys, "bank", "--db", db, "show", story_id)
    assert code == 2 and "no story" in err


def test_export_import_round_trip_through_files(capsys, db, tmp_path):
    story_id = _add(capsys, db)
    run(capsys, "bank", "--db", db, "edit", story_id, "-", stdin="second")
    dump = tmp_path / "out" / "bank.json"
    dump.parent.mkdir()
    code, _, err = run(capsys, "bank", "--db", db, "export", "-o", str(dump))
    assert code == 0 and "wrote" in err
    assert sorted(p.name for p in dump.parent.iterdir()) == ["bank.json"]  # no temp file left
    other = str(tmp_path / "other.db")
    code, out, _ = run(capsys, "bank", "--db", other, "import", str(dump))
    assert code == 0 and out.strip() == "imported: 1 added, 0 updated, 0 already there"
    code, out, _ = run(capsys, "bank", "--db", other, "import", "-", stdin=dump.read_text())
    assert "1 already there" in out
    with StoryBank(db) as a, StoryBank(other) as b:
        assert a.snapshot().stories == b.snapshot().stories


def test_export_markdown_and_csv_to_stdout(capsys, db):
    _add(capsys, db, "=cmd|' /C calc'!A0", tags="data")
    code, out, _ = run(capsys, "bank", "--db", db, "export", "--format", "markdown")
    assert code == 0 and out.startswith("# Story bank") and "**data** (1)" in out
    code, out, _ = run(capsys, "bank", "--db", db, "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["title"].startswith("'=")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["list"], "no story bank at"),
        (["show", "abcd"], "no story bank at"),
    ],
)
def test_read_commands_never_create_a_bank(capsys, db, argv, message):
    code, out, err = run(capsys, "bank", "--db", db, *argv)
    assert code == 2 and message in err and out == ""
    assert len(err.strip().splitlines()) == 1
    from pathlib import Path

    assert not Path(db).exists()


def test_errors_are_one_line_with_exit_2(capsys, db, tmp_path):
    _add(capsys, db)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "starkit-bank", "version": 1, "stories": "nope"}')
    cases = [
        ["bank", "--db", db, "show", "ffffffff"],
        ["bank", "--db", db, "show", "ab"],
        ["bank", "--db", db, "restore", _add(capsys, db)[:8], "9"],
        ["bank", "--db", db, "import", str(bad)],
        ["bank", "--db", db, "import", str(tmp_path / "missing.json")],
        ["bank", "--db", str(tmp_path / "nofolder" / "x.db"), "add", "--title", "T"],
    ]
    for argv in cases:
        code, _, err = run(capsys, *argv, stdin="text")
        assert code == 2, argv
        assert err.startswith("starkit: error: ") and len(err.strip().splitlines()) == 1, err


def test_corrupt_bank_file_is_reported_and_untouched(capsys, tmp_path):
    path = tmp_path / "stories.db"
    path.write_bytes(b"\x00garbage" * 1000)
    code, _, err = run(capsys, "bank", "--db", str(path), "add", "--title", "T", stdin="text")
    assert code == 2 and "not a story bank" in err
    assert path.read_bytes() == b"\x00garbage" * 1000


def test_empty_story_text_is_refused(capsys, db):
    code, _, err = run(capsys, "bank", "--db", db, "add", "--title", "T", stdin="  \n")
    assert code == 2 and "empty" in err


def test_terminal_escape_sequences_in_stories_are_not_replayed(capsys, db):
    story_id = _add(capsys, db, title="Evil \x1b]0;pwned\x07 title", text="text \x1b[2J cleared")
    code, out, _ = run(capsys, "bank", "--db", db, "show", story_id)
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "Evil ?]0;pwned? title" in out


def test_env_var_names_the_bank(capsys, db, monkeypatch):
    monkeypatch.setenv("STARKIT_DB", db)
    code, out, _ = run(capsys, "bank", "add", "--title", "Env", stdin="text")
    assert code == 0
    with StoryBank(db) as bank:
        assert bank.get(out.strip()).title == "Env"


def test_coverage_reads_the_bank_and_names_the_covering_story(capsys, db):
    from starkit.story.questions import load_questions

    conflict = _add(
        capsys,
        db,
        "Disagreed with the eng lead",
        "I disagreed with our engineering lead about the launch date; we aligned stakeholders "
        "on a staged rollout and shipped two weeks later with error rate under 0.1%.",
        tags="conflict, stakeholder-alignment",
    )
    gone = _add(capsys, db, "Deleted", "A deleted story must not count.", tags="leadership")
    run(capsys, "bank", "--db", db, "delete", gone)
    code, out, _ = run(capsys, "bank", "--db", db, "coverage", "--format", "json")
    assert code == 0
    data = json.loads(out)
    rows = {r["question_id"]: r for r in data["questions"]}
    assert set(rows) == {q.id for q in load_questions()}
    assert rows["beh-disagree-engineering-lead"]["story_id"] == conflict
    assert rows["beh-disagree-engineering-lead"]["covered"] is True
    assert gone not in {r["story_id"] for r in data["questions"]}
    assert len(data["uncovered"]) > 0  # one story cannot cover 67 questions
    code, out, _ = run(capsys, "bank", "--db", db, "coverage")
    assert code == 0 and "Disagreed with the eng lead" in out
