"""Lexicons are validated on load; a malformed entry names its file and entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from starkit.errors import LexiconError
from starkit.lexicons import lexicon_root, load_term_file
from starkit.terms import TERM_FILES


@pytest.fixture
def lexicon_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "lexicons"
    shutil.copytree(lexicon_root(), dst)
    return dst


def test_every_term_file_loads():
    for rel in TERM_FILES.values():
        assert load_term_file(rel)


def test_unknown_field_names_file_and_entry(lexicon_copy: Path):
    path = lexicon_copy / "terms" / "vanity.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'id = "page-views"\nterms', 'id = "page-views"\nterm', 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as exc:
        load_term_file("terms/vanity.toml", root=lexicon_copy)
    msg = str(exc.value)
    assert "terms/vanity.toml" in msg and "'page-views'" in msg and "unknown field 'term'" in msg


def test_empty_term_and_duplicate_id(lexicon_copy: Path):
    path = lexicon_copy / "terms" / "vague.toml"
    path.write_text(
        path.read_text(encoding="utf-8") + '\n[[entry]]\nid = "various"\nterms = [""]\n',
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match="entry 'various'"):
        load_term_file("terms/vague.toml", root=lexicon_copy)


def test_broken_toml(lexicon_copy: Path):
    (lexicon_copy / "terms" / "causal.toml").write_text("[[entry]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="invalid TOML"):
        load_term_file("terms/causal.toml", root=lexicon_copy)


def test_bad_rule_file_is_named(lexicon_copy: Path, monkeypatch):
    from starkit import rules

    path = lexicon_copy / "rules" / "weak-verb.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('severity = "info"', 'severity = "loud"')
    )
    monkeypatch.setenv("STARKIT_LEXICONS", str(lexicon_copy))
    rules.load_rules.cache_clear()
    rules.load_specs.cache_clear()
    try:
        with pytest.raises(
            LexiconError, match=r"rules/weak-verb.toml: entry 'weak-verb'.*severity"
        ):
            rules.load_rules()
    finally:
        monkeypatch.delenv("STARKIT_LEXICONS")
        rules.load_rules.cache_clear()
        rules.load_specs.cache_clear()


def test_installed_wheel_ships_the_lexicons(tmp_path: Path):
    """A non-editable build must carry lexicons/ inside the package."""
    import subprocess
    import sys
    import zipfile

    repo = Path(__file__).resolve().parents[1]
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(repo),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    wheel = next(tmp_path.glob("starkit-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "starkit/_lexicons/rules/no-quantification.toml" in names
    assert "starkit/_lexicons/terms/vanity.toml" in names


@pytest.mark.parametrize(
    ("verb", "form"),
    [("debug", "debugged"), ("submit", "submitted"), ("plan", "planned"), ("edit", "edited")],
)
def test_inflect_gives_the_past_whether_or_not_the_consonant_doubles(verb, form):
    from starkit.terms import inflect

    assert form in inflect(verb)
    assert "openned" not in inflect("open")  # 'open' never doubles


def test_a_weak_topic_must_be_a_topic_of_the_taxonomy(lexicon_copy: Path, monkeypatch):
    """`weak_topics` halves the weight of words the metrics list; a word no metric lists would
    halve nothing, a typo the loader names instead of ignoring."""
    from starkit import rewrite

    path = lexicon_copy / "metrics" / "taxonomy.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('weak_topics = ["api",', 'weak_topics = ["apx",')
    )
    monkeypatch.setenv("STARKIT_LEXICONS", str(lexicon_copy))
    caches = (rewrite._taxonomy_file, rewrite.taxonomy, rewrite.weak_topics)
    for c in caches:
        c.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"metrics/taxonomy.toml.*apx.*one-word topic"):
            rewrite.weak_topics()
    finally:
        monkeypatch.delenv("STARKIT_LEXICONS")
        for c in caches:
            c.cache_clear()
