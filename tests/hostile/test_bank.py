"""Hostile bank imports and exports: validated as `add()` validates, one-line errors (exit 2),
and a local story is never deleted, undeleted or re-dated by an import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from starkit.bank import StoryBank
from starkit.cli import main
from starkit.errors import BankError


def _export(bank: StoryBank) -> dict:
    return json.loads(bank.export_json())


@pytest.fixture
def bank(tmp_path: Path):
    with StoryBank(tmp_path / "stories.db") as b:
        yield b


def _one_line(capsys, argv: list[str]) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("starkit: error: "), err
    return err


@pytest.mark.parametrize(
    ("mutate", "match"),
    [
        (lambda s: s.update(revisions=[]), "no revisions"),
        (lambda s: [r.update(text="Led \x00 it") for r in s["revisions"]], "NUL"),
        (lambda s: [r.update(text="Led \ud800 it") for r in s["revisions"]], "surrogate"),
        (lambda s: [r.update(text="x" * 1_000_001) for r in s["revisions"]], "over the limit"),
        (lambda s: [r.update(title="T\x00") for r in s["revisions"]], "NUL"),
    ],
)
def test_imports_are_validated_as_add_validates(bank, tmp_path, capsys, mutate, match) -> None:
    bank.add("Checkout", "Cut p95 from 1.9 s to 700 ms", ["execution"])
    data = _export(bank)
    story = data["stories"][0]
    mutate(story)
    story.update(
        {k: story["revisions"][-1][k] for k in ("title", "text", "tags")}
        if story["revisions"]
        else {}
    )
    path = tmp_path / "import.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with StoryBank(tmp_path / "other.db") as other:
        with pytest.raises(BankError, match=match):
            other.import_json(path.read_text(encoding="utf-8"))
        assert len(other) == 0  # all or nothing
    err = _one_line(capsys, ["bank", "--db", str(tmp_path / "cli.db"), "import", str(path)])
    assert match.split()[0] in err


def test_deeply_nested_json_is_refused_in_one_line(tmp_path, capsys) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"format": "starkit-bank", "stories": ' + "[" * 100_000 + "]" * 100_000 + "}")
    err = _one_line(capsys, ["bank", "--db", str(tmp_path / "b.db"), "import", str(path)])
    assert "nested 100,001 levels deep" in err


def test_equal_history_with_other_deletion_and_times_is_left_alone(bank) -> None:
    sid = bank.add("Checkout", "Cut p95 from 1.9 s to 700 ms", ["execution"])
    before = bank.get(sid)
    data = _export(bank)
    story = data["stories"][0]
    story["deleted_at"] = "2001-01-01T00:00:00+00:00"
    story["created_at"] = "1970-01-01T00:00:00+00:00"
    story["updated_at"] = "2999-01-01T00:00:00+00:00"
    result = bank.import_json(json.dumps(data))
    assert (result.added, result.updated, result.unchanged) == (0, 0, 1)
    assert bank.get(sid) == before and not bank.get(sid).deleted


def test_an_extending_import_adds_revisions_but_never_deletes_the_local_story(bank, tmp_path):
    sid = bank.add("Checkout", "Cut p95 from 1.9 s to 700 ms", ["execution"])
    created = bank.get(sid).created_at
    with StoryBank(tmp_path / "laptop.db") as laptop:
        laptop.import_json(bank.export_json())
        laptop.update(sid, "Cut p95 from 1.9 s to 650 ms; refunds flat")
        laptop.delete(sid)
        dump = laptop.export_json()
    result = bank.import_json(dump)
    assert result.updated == 1
    story = bank.get(sid)
    assert story.revision == 2 and "650 ms" in story.text
    assert not story.deleted and story.created_at == created


def test_export_into_a_read_only_folder_is_one_line(tmp_path, capsys, monkeypatch) -> None:
    db = tmp_path / "stories.db"
    with StoryBank(db) as b:
        b.add("Checkout", "Cut p95 from 1.9 s to 700 ms", ["execution"])

    def read_only(*args, **kwargs):  # what a read-only folder answers (even to root)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", read_only)
    err = _one_line(capsys, ["bank", "--db", str(db), "export", "-o", str(tmp_path / "x.json")])
    assert "cannot write (Permission denied)" in err
    assert not (tmp_path / "x.json").exists()
