"""Fast start: the term matcher gives exactly what spaCy's PhraseMatcher gives (same matches,
same order), with the on-disk term cache cold, warm, corrupt or off. Timing is in
bench/startup.py, not here."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

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
        files = list(cache.glob("terms-*.json"))
        assert len(files) == 1
        if state == "corrupt":
            files[0].write_text("{not json", encoding="utf-8")
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
    assert len(list(tmp_path.glob("terms-*.json"))) == 2


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


def test_special_cases_added_lazily_give_the_same_tokens():
    """`LazyRulesTokenizer` against every special case added up front, on each special case
    alone and in context, on the test texts, with one tokenizer for all texts and a fresh one
    per text (bench/lazy_rules.py does this for every text under corpus/ and tests/)."""
    from spacy.lang.en import English

    eager = nlp_mod.make_blank(lazy_rules=False)
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
