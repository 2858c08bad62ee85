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
