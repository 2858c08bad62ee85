"""Export and import: JSON is a lossless round trip (also across SQLite and PostgreSQL),
imports are all-or-nothing, Markdown is a safe cheat sheet, CSV is spreadsheet-safe."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from starkit.bank import BankExport, ImportResult, StoryBank
from starkit.bank.export import parse_export
from starkit.errors import BankError


def _fill(bank: StoryBank) -> dict[str, str]:
    """A bank with edits, a restore, a soft delete and unicode: every kind of state."""
    ids = {
        "checkout": bank.add("Checkout latency", "p95 1.9 s -> 700 ms", ["execution", "data"]),
        "hiring": bank.add("Hiring loop", "Cut time-to-offer 41 -> 23 days", "leadership"),
        "conflict": bank.add("Roadmap conflict", "Réglé un désaccord — NPS +9 🚀", ()),
    }
    bank.update(ids["checkout"], "p95 1.9 s -> 650 ms; refunds flat", tags=["execution"])
    bank.update(ids["checkout"], title="Checkout p95")
    bank.restore(ids["checkout"], 1)
    bank.update(ids["hiring"], "Cut time-to-offer 41 -> 23 days; offer-accept 62% -> 71%")
    bank.delete(ids["conflict"])
    return ids


def _state(bank: StoryBank) -> list[tuple]:
    """Everything the bank keeps, in a comparable form."""
    snap = bank.snapshot()
    return [(s.model_dump(exclude={"revisions"}), s.revisions) for s in snap.stories]


def test_export_then_import_into_an_empty_bank_gives_equal_stories_and_revisions(bank, tmp_path):
    _fill(bank)
    with StoryBank(tmp_path / "copy.db") as other:
        result = other.import_json(bank.export_json())
        assert result == ImportResult(added=3, updated=0, unchanged=0)
        assert _state(other) == _state(bank)
        # and the copy exports the same stories again (a fixed point)
        assert (
            json.loads(other.export_json())["stories"] == json.loads(bank.export_json())["stories"]
        )


@pytest.mark.postgres
def test_round_trip_between_sqlite_and_postgres(tmp_path, pg_url):
    with StoryBank(tmp_path / "laptop.db") as laptop, StoryBank(pg_url) as team:
        _fill(laptop)
        team.import_json(laptop.export_json())
        assert _state(team) == _state(laptop)
        with StoryBank(tmp_path / "back.db") as back:
            back.import_json(team.export_json())
            assert _state(back) == _state(laptop)


def test_export_json_is_the_published_shape(bank):
    ids = _fill(bank)
    data = json.loads(bank.export_json())
    assert data["format"] == "starkit-bank" and data["version"] == 3 and data["attempts"] == []
    assert data["interviews"] == []
    by_id = {s["id"]: s for s in data["stories"]}
    assert set(by_id) == set(ids.values())
    checkout = by_id[ids["checkout"]]
    assert [r["number"] for r in checkout["revisions"]] == [1, 2, 3, 4]
    assert checkout["revisions"][3]["note"] == "restored from revision 1"
    assert by_id[ids["conflict"]]["deleted_at"] is not None
    BankExport.model_validate(data)


def test_reimporting_is_idempotent(bank, tmp_path):
    _fill(bank)
    dump = bank.export_json()
    with StoryBank(tmp_path / "copy.db") as other:
        other.import_json(dump)
        assert other.import_json(dump) == ImportResult(added=0, updated=0, unchanged=3)
        assert _state(other) == _state(bank)


def test_import_brings_newer_revisions_into_an_older_copy(bank, tmp_path):
    ids = _fill(bank)
    with StoryBank(tmp_path / "copy.db") as other:
        other.import_json(bank.export_json())
        bank.update(ids["hiring"], "Now with the guardrail: candidate NPS held at 8.1")
        result = other.import_json(bank.export_json())
        assert result == ImportResult(added=0, updated=1, unchanged=2)
        assert _state(other) == _state(bank)
        # an older export does not roll the newer copy back
        assert other.import_json(other.export_json()).unchanged == 3


def test_diverged_histories_are_a_conflict_and_nothing_is_imported(bank, tmp_path):
    ids = _fill(bank)
    with StoryBank(tmp_path / "copy.db") as other:
        other.import_json(bank.export_json())
        other.update(ids["hiring"], "edited on the laptop")
        bank.update(ids["hiring"], "edited on the server")
        extra = bank.add("Brand new", "a story only the server has")
        before = _state(other)
        with pytest.raises(BankError, match="revision 3 differs"):
            other.import_json(bank.export_json())
        assert _state(other) == before  # all or nothing: the new story was not added either
        with pytest.raises(BankError):
            other.get(extra)


def _export_dict(bank: StoryBank) -> dict:
    bank.add("T", "text", ["a"])
    return json.loads(bank.export_json())


@pytest.mark.parametrize(
    ("mutate", "match"),
    [
        (lambda d: d.update(format="something-else"), "not a starkit bank export"),
        (lambda d: d.update(version=99), "malformed at 'version'"),
        (lambda d: d["stories"][0].update(colour="red"), "unknown field"),
        (lambda d: d["stories"][0].pop("title"), "malformed at 'stories.0.title'"),
        (lambda d: d["stories"][0]["revisions"][0].update(number=2), "numbered 1, 2, 3"),
        (lambda d: d["stories"][0].update(text="not the last revision"), "differ from its last"),
        (lambda d: d["stories"].append(dict(d["stories"][0])), "twice"),
        (
            lambda d: [
                x.update(tags=["Upper"]) for x in (d["stories"][0], *d["stories"][0]["revisions"])
            ],
            "unnormalised",
        ),
        (lambda d: d["stories"][0].update(created_at="yesterday"), "created_at"),
    ],
)
def test_malformed_imports_are_refused_with_one_line(bank, tmp_path, mutate, match):
    data = _export_dict(bank)
    mutate(data)
    with StoryBank(tmp_path / "copy.db") as other:
        with pytest.raises(BankError, match=match) as info:
            other.import_json(json.dumps(data))
        assert "\n" not in str(info.value)
        assert other.snapshot().stories == []


@pytest.mark.parametrize(
    "raw", ["", "not json", "[1, 2]", b"\xff\xfe\x00garbage", '{"format": "starkit-bank"}']
)
def test_non_exports_are_refused(raw):
    with pytest.raises(BankError):
        parse_export(raw)


def test_markdown_cheat_sheet_indexes_competencies_and_escapes(tmp_path):
    with StoryBank(tmp_path / "s.db") as bank:
        bank.add("Launch <script>alert(1)</script>", "Text with <b>html</b> & P&L", ["data"])
        bank.add("Hiring_loop #2", "Cut time-to-offer 41 -> 23 days", ["leadership", "data"])
        gone = bank.add("Deleted one", "hidden")
        bank.delete(gone)
        md = bank.export_markdown()
    assert md.startswith("# Story bank\n")
    assert "2 stories." in md and "Deleted one" not in md
    assert "- **data** (2):" in md and "- **leadership** (1): Hiring\\_loop \\#2" in md
    assert "<script>" not in md and "<b>" not in md
    assert "Text with &lt;b>html&lt;/b> & P&L" in md
    assert "## Launch \\<script\\>alert\\(1\\)\\</script\\>" in md


def test_csv_has_one_row_per_story_and_neutralises_formulas(tmp_path):
    with StoryBank(tmp_path / "s.db") as bank:
        a = bank.add('=HYPERLINK("http://evil")', "+1 more lead, then -5% churn", ["@ops"])
        b = bank.add("Plain", "Line one\nline two, with a comma", ())
        rows = list(csv.DictReader(io.StringIO(bank.export_csv())))
    assert [r["id"] for r in rows] == [b, a]
    by_id = {r["id"]: r for r in rows}
    assert by_id[a]["title"] == '\'=HYPERLINK("http://evil")'
    assert by_id[a]["text"].startswith("'+1 more lead")
    assert by_id[a]["tags"] == "'@ops"
    assert by_id[b]["text"] == "Line one\nline two, with a comma"
    assert by_id[b]["words"] == "7"


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=300,
).filter(lambda s: s.strip())


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(_text, min_size=1, max_size=3))
def test_any_storable_text_round_trips_exactly(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("prop")
    with StoryBank(folder / "a.db") as a, StoryBank(folder / "b.db") as b:
        story_id = a.add("Story", texts[0])
        for t in texts[1:]:
            a.update(story_id, t)
        b.import_json(a.export_json())
        assert [r.text for r in b.history(story_id)] == [
            t for i, t in enumerate(texts) if i == 0 or t != texts[i - 1]
        ]
        assert _state(b) == _state(a)
