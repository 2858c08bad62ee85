"""Fast start: the term matcher gives exactly what spaCy's PhraseMatcher gives (same matches,
same order), with the on-disk term cache cold, warm, corrupt or off. Timing is in
bench/startup.py, not here."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

from starkit import diskcache
from starkit import lexicons as lexicons_mod
from starkit import nlp as nlp_mod

TEXTS = [
    "Cut p95 latency from 800ms to 350ms in Q2 while holding error rate at 0.1%",
    "Grew app downloads 40% and MAU 2x YoY; helped the team launch 3 features",
    "Raised trial-to-paid conversion from 2.1% to 2.6% in six months, churn flat",
    "Responsible for the roadmap; worked on onboarding, activation and retention",
    "Situation: our DAU had dropped 15%. Action: I led 4 engineers. Result: NPS up 12 pts.",
    "Saved $1.2M a year (about 1,200,000 dollars) with 24/7 on-call and 1:1s weekly",
    "Shipped the self-serve billing page to 10k+ customers in 6 weeks, page views up",
]


def phrase_matcher_matches(nlp, groups, text):
    pm = PhraseMatcher(nlp.vocab, attr="LOWER")
    labels = {}
    for cat, eid, terms in groups:
        key = f"{cat}:{eid}"
        labels[nlp.vocab.strings.add(key)] = (cat, eid)
        pm.add(key, [nlp.make_doc(t) for t in terms])
    doc = nlp.make_doc(text)
    return [(*labels[m], s, e) for m, s, e in pm(doc)]


@pytest.mark.parametrize("state", ["cold", "warm", "corrupt", "off"])
def test_term_matcher_equals_phrase_matcher(tmp_path: Path, monkeypatch, state):
    cache = tmp_path / "cache"
    monkeypatch.setenv("STARKIT_CACHE_DIR", "off" if state == "off" else str(cache))
    from starkit.terms import load_lexicon

    blank = nlp_mod.make_blank()
    if state in ("warm", "corrupt"):
        nlp_mod.TermMatcher(blank, load_lexicon(None))  # writes the cache
        files = list(cache.glob("terms-*.bin"))
        assert len(files) == 1
        if state == "corrupt":
            files[0].write_bytes(files[0].read_bytes()[:-100] + b"x" * 100)
    matcher = nlp_mod.TermMatcher(blank, load_lexicon(None))
    assert (state == "off") == (not cache.exists())
    total = 0
    for text in TEXTS:
        expected = phrase_matcher_matches(blank, matcher.groups, text)
        assert matcher.matches(blank.make_doc(text)) == expected, text
        total += len(expected)
    assert total > 40


def test_the_cache_key_follows_the_terms(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("STARKIT_CACHE_DIR", str(tmp_path))
    blank = nlp_mod.make_blank()
    a = nlp_mod.term_tokens(blank, [("vanity", "x", ("page views",))])
    b = nlp_mod.term_tokens(blank, [("vanity", "x", ("profile visits",))])
    assert a["lower"] == {"page views": ["page", "views"]}
    assert b["lower"] == {"profile visits": ["profile", "visits"]}
    assert len(list(tmp_path.glob("terms-*.bin"))) == 2


def test_lint_command_does_not_import_the_bank():
    import subprocess
    import sys

    code = (
        "import sys; from starkit.cli import main; main(['lint','--kind','bullet','-']); "
        "print('sqlalchemy' in sys.modules, file=sys.stderr)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        input="Cut costs 20% in Q2\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.stderr.strip().splitlines()[-1] == "False"


def _tokens(nlp, text):
    return [(t.text, t.whitespace_, t.norm_, t.idx) for t in nlp(text)]


def test_special_cases_added_lazily_give_the_same_tokens(monkeypatch):
    """`LazyRulesTokenizer` against every special case added up front, on each special case
    alone and in context, on the test texts, with one tokenizer for all texts and a fresh one
    per text (bench/lazy_rules.py does this for every text under corpus/ and tests/)."""
    from spacy.lang.en import English

    monkeypatch.setattr(nlp_mod.LazyRulesTokenizer, "LAZY_TEXTS", 10**9)  # lazy throughout
    eager = nlp_mod.make_blank(reference=True)
    shared = nlp_mod.make_blank()
    keys = sorted(English.Defaults.tokenizer_exceptions)
    texts = [*TEXTS, "I don't know, it's 5 a.m. :) and we'll go", "a.m .", "dont  cant\n\nIm"]
    texts += [t for k in keys for t in (k, f"({k}).", f"x{k}y", f"{k[:1]} {k[1:]}")]
    texts += [" ".join(keys), "".join(keys)]
    for text in texts:
        want = _tokens(eager, text)
        assert _tokens(shared, text) == want, text
    for text in texts[:40] + texts[-2:]:
        assert _tokens(nlp_mod.make_blank(), text) == _tokens(eager, text), text


def test_the_lazy_tokenizer_adds_only_the_rules_a_text_can_use():
    nlp = nlp_mod.make_blank()
    base = nlp.tokenizer.base
    assert len(base.rules) == 1347  # every rule is visible
    assert [t.text for t in nlp("Cut costs 20% in Q2")] == ["Cut", "costs", "20%", "in", "Q2"]
    before = sum(len(b) for b in base._pending.values())
    assert before > 1300  # hardly any rule was needed
    assert [t.text for t in nlp("We don't ship")] == ["We", "do", "n't", "ship"]
    assert sum(len(b) for b in base._pending.values()) < before
    # pickling and serialising keep every rule
    import pickle

    copy = pickle.loads(pickle.dumps(base))
    assert len(copy.rules) == 1347
    assert [t.text for t in copy("can't")] == ["ca", "n't"]


def test_after_many_texts_the_lazy_tokenizer_adds_every_rule_with_the_same_tokens():
    eager = nlp_mod.make_blank(reference=True)
    nlp = nlp_mod.make_blank()
    base = nlp.tokenizer.base
    texts = [f"Cut costs {k}% in Q2, didn't we?" for k in range(base.LAZY_TEXTS)]
    for text in texts:
        assert _tokens(nlp, text) == _tokens(eager, text)
    assert base._pending  # still lazy: only what those texts could use was added
    for text in ["I'm sure it's 5 a.m. :)", "We don't ship"]:
        assert _tokens(nlp, text) == _tokens(eager, text)
    assert not base._pending  # a long run adds the rest once and stops searching


def test_the_command_line_restores_the_collector_thresholds(tmp_path: Path, capsys):
    import gc

    from starkit import cli

    sample = tmp_path / "b.txt"
    sample.write_text("Cut costs 20% in Q2 with churn flat\n", encoding="utf-8")
    before = gc.get_threshold()
    seen = []
    real = cli._main
    try:
        cli._main = lambda argv: seen.append(gc.get_threshold()) or real(argv)
        cli.main(["lint", "--kind", "bullet", str(sample)])
    finally:
        cli._main = real
    assert seen == [cli.GC_THRESHOLD] and gc.get_threshold() == before


# -- the parsed-TOML entries of the same cache (starkit.lexicons.read_toml) --------------------


def _every_lexicon_file() -> list[str]:
    root = lexicons_mod.lexicon_root()
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.toml"))


def _parses(monkeypatch) -> list[str]:
    """Record which files are parsed from TOML (not read from the cache)."""
    seen: list[str] = []
    real = lexicons_mod._parse_toml
    monkeypatch.setattr(
        lexicons_mod, "_parse_toml", lambda rel, raw: seen.append(str(rel)) or real(rel, raw)
    )
    return seen


def test_lexicon_files_come_from_the_cache_when_unchanged(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("STARKIT_CACHE_DIR", str(tmp_path))
    files = _every_lexicon_file()
    assert len(files) > 50
    parsed = _parses(monkeypatch)
    cold = {rel: lexicons_mod.read_toml(rel) for rel in files}
    assert parsed == files  # a miss parses
    contents = {(lexicons_mod.lexicon_root() / rel).read_bytes() for rel in files}
    assert len(list(tmp_path.glob("toml-*.bin"))) == len(contents)
    parsed.clear()
    warm = {rel: lexicons_mod.read_toml(rel) for rel in files}
    assert parsed == [] and warm == cold  # a hit parses nothing and gives the same data
    warm[files[0]]["mutated"] = True  # each read is a fresh copy
    assert "mutated" not in lexicons_mod.read_toml(files[0])


def test_a_changed_lexicon_file_is_parsed_again_and_validated(tmp_path: Path, monkeypatch):
    import shutil

    from starkit.errors import LexiconError

    lexicon_copy = tmp_path / "lexicons"
    shutil.copytree(lexicons_mod.lexicon_root(), lexicon_copy)
    monkeypatch.setenv("STARKIT_CACHE_DIR", str(tmp_path / "cache"))
    rel = "terms/vanity.toml"
    first = lexicons_mod.load_term_file(rel, lexicon_copy)
    path = lexicon_copy / rel
    path.write_text(
        path.read_text(encoding="utf-8") + '\n[[entry]]\nid = "zz-new"\nterms = ["zz widgets"]\n',
        encoding="utf-8",
    )
    parsed = _parses(monkeypatch)
    second = lexicons_mod.load_term_file(rel, lexicon_copy)
    assert parsed == [rel] and [e.id for e in second] == [*(e.id for e in first), "zz-new"]
    # a broken edit still fails validation, cache or no cache
    path.write_text(
        path.read_text(encoding="utf-8") + '\n[[entry]]\nid = "zz-bad"\nterm = ["x"]\n',
        encoding="utf-8",
    )
    for _ in range(2):
        with pytest.raises(LexiconError, match="zz-bad"):
            lexicons_mod.load_term_file(rel, lexicon_copy)


@pytest.mark.parametrize("damage", ["truncated", "flipped", "garbage", "wrong-shape", "empty"])
def test_a_corrupt_cache_entry_is_rebuilt_with_the_same_data(tmp_path: Path, monkeypatch, damage):
    monkeypatch.setenv("STARKIT_CACHE_DIR", str(tmp_path))
    rel = "rules/weak-verb.toml"
    want = lexicons_mod.read_toml(rel)
    (entry,) = tmp_path.glob("toml-*.bin")
    raw = entry.read_bytes()
    if damage == "truncated":
        entry.write_bytes(raw[: len(raw) // 2])
    elif damage == "flipped":  # one byte of the payload changed: the checksum catches it
        entry.write_bytes(raw[:-5] + bytes([raw[-5] ^ 1]) + raw[-4:])
    elif damage == "garbage":
        entry.write_bytes(b"\x00\xff" * 50)
    elif damage == "wrong-shape":  # a well-formed entry holding a list, not a table
        import hashlib
        import marshal

        payload = marshal.dumps(["not", "a", "table"])
        digest = hashlib.sha256(payload).hexdigest().encode()
        entry.write_bytes(b"starkit-cache\n" + digest + b"\n" + payload)
    else:
        entry.write_bytes(b"")
    parsed = _parses(monkeypatch)
    assert lexicons_mod.read_toml(rel) == want
    assert parsed == [rel]
    parsed.clear()
    assert lexicons_mod.read_toml(rel) == want and parsed == []  # rewritten whole


def test_cache_off_or_unwritable_still_reads_every_file(tmp_path: Path, monkeypatch):
    files = _every_lexicon_file()
    monkeypatch.setenv("STARKIT_CACHE_DIR", "off")
    parsed = _parses(monkeypatch)
    off = {rel: lexicons_mod.read_toml(rel) for rel in files}
    assert parsed == files and diskcache.cache_dir() is None
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("STARKIT_CACHE_DIR", str(blocker / "cache"))
    parsed.clear()
    assert {rel: lexicons_mod.read_toml(rel) for rel in files} == off
    assert parsed == files


def test_lint_gives_the_same_report_with_the_cache_cold_warm_and_off(tmp_path: Path):
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, sys, starkit; texts = json.load(sys.stdin); "
        "print(json.dumps([starkit.lint(t, 'bullet').model_dump(mode='json') for t in texts]))"
    )
    out = []
    for folder in ("cache", "cache", "off"):
        where = "off" if folder == "off" else str(tmp_path / folder)
        env = {**os.environ, "STARKIT_CACHE_DIR": where}
        proc = subprocess.run(
            [sys.executable, "-c", code],
            input=json.dumps(TEXTS),
            capture_output=True,
            text=True,
            env=env,
            timeout=180,
            check=True,
        )
        out.append(json.loads(proc.stdout))
    assert out[0] == out[1] == out[2]
    assert sum(len(r["findings"]) for r in out[0]) > 5
    assert list((tmp_path / "cache").glob("toml-*.bin")) and list(
        (tmp_path / "cache").glob("terms-*.bin")
    )


# -- the special-case index of the same cache (starkit.nlp.LazyRulesTokenizer) ---------------


def _anchor_calls(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = nlp_mod._anchor
    monkeypatch.setattr(nlp_mod, "_anchor", lambda sq: seen.append(sq) or real(sq))
    return seen


@pytest.mark.parametrize("state", ["warm", "changed", "bad-anchors", "corrupt", "off"])
def test_the_special_case_index_is_cached_and_checked(tmp_path: Path, monkeypatch, state):
    import hashlib
    import marshal

    from spacy.lang.en import English

    monkeypatch.setenv("STARKIT_CACHE_DIR", "off" if state == "off" else str(tmp_path))
    calls = _anchor_calls(monkeypatch)
    eager = nlp_mod.make_blank(reference=True)
    nlp_mod.make_blank()  # cold: builds the index (and stores it unless off)
    assert len(calls) > 1300
    calls.clear()
    entries = list(tmp_path.glob("anchors-*.bin"))
    assert len(entries) == (0 if state == "off" else 1)
    rules = English.Defaults.tokenizer_exceptions
    if state == "bad-anchors":  # well-formed, checksum right, but anchors not in their keys
        payload = marshal.dumps(["zz"] * len(rules))
        digest = hashlib.sha256(payload).hexdigest().encode()
        entries[0].write_bytes(b"starkit-cache\n" + digest + b"\n" + payload)
    elif state == "corrupt":
        entries[0].write_bytes(entries[0].read_bytes()[:-3])
    if state == "changed":  # other keys: another entry
        from spacy.symbols import ORTH

        extra = {**rules, "starkit-zz": [{ORTH: "starkit-zz"}]}
        nlp_mod.LazyRulesTokenizer(eager.vocab, extra)
        assert len(list(tmp_path.glob("anchors-*.bin"))) == 2 and len(calls) > 1300
        return
    nlp = nlp_mod.make_blank()
    assert (calls == []) == (state == "warm")
    for text in ("We don't ship at 5 a.m. :)", "I'll say it's done", "Cut costs 20%"):
        assert _tokens(nlp, text) == _tokens(eager, text)


# -- the compiled affix expressions of the same cache (starkit.nlp.affix_regex) ----------------


def test_patterns_from_the_cache_equal_res(tmp_path: Path, monkeypatch):
    """Patterns compare equal only when their compiled programs are the same."""
    import re

    from spacy.lang.en import English
    from spacy.util import compile_infix_regex, compile_prefix_regex

    assert re.compile("a+b") != re.compile("a+c")
    monkeypatch.setenv("STARKIT_CACHE_DIR", str(tmp_path))
    prefixes = English.Defaults.prefixes
    expression = "|".join("^" + p for p in prefixes if p.strip())
    for _ in range(2):  # built and stored, then read back
        assert nlp_mod.affix_regex(expression) == compile_prefix_regex(prefixes)
        infix = "|".join(p for p in English.Defaults.infixes if p.strip())
        assert nlp_mod.affix_regex(infix) == compile_infix_regex(English.Defaults.infixes)
    assert len(list(tmp_path.glob("regex-*.bin"))) == 2


@pytest.mark.parametrize("state", ["warm", "changed", "corrupt", "bad-program", "off"])
def test_a_cached_pattern_is_rebuilt_when_wrong(tmp_path: Path, monkeypatch, state):
    import hashlib
    import marshal
    import re

    monkeypatch.setenv("STARKIT_CACHE_DIR", "off" if state == "off" else str(tmp_path))
    expression = r"(?<=[0-9])(?:km|kg|ms)$|\(|(?P<word>[A-Za-z]{2,})'s"
    assert nlp_mod.affix_regex(expression) == re.compile(expression)
    entries = list(tmp_path.glob("regex-*.bin"))
    assert len(entries) == (0 if state == "off" else 1)
    if state == "changed":
        expression += "|x"
    elif state == "corrupt":
        entries[0].write_bytes(entries[0].read_bytes()[:-7])
    elif state == "bad-program":  # checksum right, program wrong: _sre refuses it
        payload = marshal.dumps([32, [1, 2, 3], 1, {}, [None, None]])
        digest = hashlib.sha256(payload).hexdigest().encode()
        entries[0].write_bytes(b"starkit-cache\n" + digest + b"\n" + payload)
    again = nlp_mod.affix_regex(expression)
    assert again == re.compile(expression)
    assert again.search("5km").group() == "km" and again.groupindex == {"word": 1}


def test_the_lint_command_ends_at_once_with_all_its_output(tmp_path: Path):
    """`python -m starkit.cli lint` (and the console script) exits with `os._exit` after
    flushing: the whole report arrives, with the exit code `main` returns."""
    import json
    import subprocess
    import sys

    from starkit.cli import main

    folder = tmp_path / "many"
    folder.mkdir()
    for i, text in enumerate(TEXTS * 20):
        (folder / f"b{i:03}.txt").write_text(text + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "starkit.cli", "lint", "--format", "json", str(folder)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    report = json.loads(proc.stdout)  # complete JSON: nothing was lost at exit
    assert len(report["files"]) == len(TEXTS) * 20
    assert proc.returncode == main(["lint", "--format", "json", str(folder)]) == 1
    missing = subprocess.run(
        [sys.executable, "-m", "starkit.cli", "lint", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert missing.returncode == 2 and "no such file" in missing.stderr
