"""Hostile texts: shapes that once made linting quadratic, bounded by the tokenizer guard, the
precomputed sentence/clause bounds and the documented limits. No timing asserts (the figures
are in `make bench`); each case asserts the bounded result itself."""

from __future__ import annotations

import pytest

import starkit
from starkit.bench import SHAPES, text_shape
from starkit.limits import LONG_PIECE, MAX_UNIT_CHARS
from starkit.nlp import get_nlp
from starkit.rules.context import UnitContext


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("kind", ["bullet", "story", "resume", "email"])
def test_every_shape_lints_with_offsets_into_the_text(shape: str, kind: str) -> None:
    text = text_shape(shape, 10_000)
    report = starkit.lint(text, kind)
    assert report.text == text
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)


@pytest.mark.parametrize("ch", list("$%[(*#<"))
def test_a_punctuation_run_is_one_token_a_character_and_keeps_the_text(ch: str) -> None:
    text = f"Cut cost by 20% {ch * 5000} then grew $1.2M ARR"
    doc = get_nlp()(text)
    assert doc.text == text
    assert sum(1 for t in doc if t.text == ch) == 5000
    # the words around the run are tokenized as spaCy does, figures kept whole
    assert "$1.2M" in [t.text for t in doc] and "20%" in [t.text for t in doc]


def test_ordinary_text_is_tokenized_exactly_as_before() -> None:
    from spacy.tokens import Doc

    nlp = get_nlp()
    text = "Led 3 teams (12 engineers) to cut p95 latency from 800ms to 350ms; saved $1.2M/yr."
    assert max(len(w) for w in text.split()) <= LONG_PIECE
    doc = nlp(text)
    base = nlp.tokenizer.base(text)
    assert [t.text for t in doc] == [t.text for t in base]
    assert isinstance(doc, Doc)


def test_space_after_a_long_run_stays_the_tokens_trailing_space() -> None:
    text = "(" * (LONG_PIECE + 10) + " Led  it"
    doc = get_nlp()(text)
    assert doc.text == text
    assert [t.text for t in doc][-4:] == ["(", "Led", " ", "it"]
    assert doc[-4].whitespace_ == " "


def _walk(ctx: UnitContext, i: int, is_break) -> tuple[int, int]:  # the definition, O(n)
    s = i
    while s > 0 and not is_break(s - 1):
        s -= 1
    e = i
    while e < len(ctx.doc) and not is_break(e):
        e += 1
    return s, e


def test_precomputed_sentence_and_clause_bounds_equal_the_walk() -> None:
    text = (
        "Situation: we had churn.\nI led 3 teams; we cut it by 20%! Then? Inc. grew: 5x.\n"
        "Grew it approx. 40% (of all users.) Then vs. Q2.\n"
    )
    ctx = UnitContext("story", text, get_nlp()(text))

    def sentence_break(k: int) -> bool:
        return ctx._stops[k] or "\n" in ctx.doc[k].text

    for i in range(len(ctx.doc) + 1):
        assert ctx.sentence_of(i) == _walk(ctx, i, sentence_break)
        assert ctx.clause_of(i) == _walk(ctx, i, lambda k: ctx.clause_breaks[k])


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Grew traffic approx. 40% through SEO", ["Grew traffic approx. 40% through SEO"]),
        ("Ranked No. 1 of 40 reps. Led the team", ["Ranked No. 1 of 40 reps.", "Led the team"]),
        ("Used SQL, Python, incl. Led the team", ["Used SQL, Python, incl.", "Led the team"]),
        ("Grew users (40% of all.) Then cut churn", ["Grew users (40% of all.)", "Then cut churn"]),
        ("Cut it from 10 min. 3x faster", ["Cut it from 10 min.", "3x faster"]),
        ('Grew it 5% (see "the plan.") Then', ['Grew it 5% (see "the plan.")', "Then"]),
        ('Grew it 5%. "Best team" award', ["Grew it 5%.", '"Best team" award']),
    ],
)
def test_sentences_read_past_an_abbreviation_and_end_after_a_bracket(
    text: str, sentences: list[str]
) -> None:
    ctx = UnitContext("bullet", text, get_nlp()(text))
    found, i = [], 0
    while i < len(ctx.doc):
        s, e = ctx.sentence_of(i)
        end = e + 1 if e < len(ctx.doc) else e  # the break token closes its sentence
        found.append(ctx.doc[s:end].text.strip())
        i = end
    assert [f for f in found if f] == sentences


def test_a_hard_wrapped_sentence_is_one_sentence_and_notes_stay_apart() -> None:
    wrapped = (
        "As a reminder, the goal of the experiment is to make gross conversion significantly\n"
        "decrease, while not significantly decreasing net conversion.\n"
        "reactions up 20%\ncomments down 10%\n"
        "We shipped the redesigned checkout to every market in the second quarter\n"
        "Then we measured it"
    )
    ctx = UnitContext("answer", wrapped, get_nlp()(wrapped))
    said = {ctx.doc[slice(*ctx.sentence_of(i))].text.strip() for i in range(len(ctx.doc))}
    assert (
        "As a reminder, the goal of the experiment is to make gross conversion significantly\n"
        "decrease, while not significantly decreasing net conversion" in said
    )  # a width cut the line, not the writer
    assert {"reactions up 20%", "comments down 10%"} <= said  # short notes: each its own
    assert "Then we measured it" in said  # a capital after the break starts a sentence


def test_a_unit_over_the_limit_is_refused_in_one_line() -> None:
    with pytest.raises(starkit.InputError, match="over the limit of 100,000") as exc:
        starkit.lint("Led it. " * (MAX_UNIT_CHARS // 8 + 1), "story")
    assert "\n" not in str(exc.value)


def test_a_lone_surrogate_is_a_one_line_error() -> None:
    with pytest.raises(starkit.InputError, match="lone surrogate"):
        starkit.lint("Led the \ud800 launch", "bullet")


def test_a_long_storys_findings_carry_their_sentence_not_the_story() -> None:
    sentence = "Situation: we grew the app a lot. I helped significantly with various launches.\n"
    text = sentence * 250  # ~20 KB, hundreds of sentence-level findings
    report = starkit.lint(text, "story")
    rewrites = [f for f in report.findings if f.rewrite]
    assert len(rewrites) > 100
    for f in rewrites:
        assert len(f.rewrite) < 400  # a sentence, not the 20 KB story
        assert f.rewrite_start <= f.start <= f.end <= max(f.rewrite_end, f.end)
        accepted = f.apply_rewrite(text)
        assert accepted.startswith(text[: f.rewrite_start])
        assert accepted.endswith(text[f.rewrite_end :])


def test_a_bullets_rewrite_span_is_the_whole_bullet() -> None:
    report = starkit.lint("- Helped with the launch of the onboarding flow.", "bullet")
    f = next(f for f in report.findings if f.rewrite)
    assert (
        report.text[f.rewrite_start : f.rewrite_end]
        == "Helped with the launch of the onboarding flow."
    )
    assert f.apply_rewrite(report.text) == "- " + f.rewrite


def test_every_limit_is_documented_in_docs_limits_md() -> None:
    from pathlib import Path

    import starkit.limits as limits

    doc = (Path(__file__).resolve().parents[2] / "docs" / "limits.md").read_text(encoding="utf-8")
    names = [n for n in dir(limits) if n.isupper()]
    assert len(names) >= 15
    for name in names:
        assert f"`{name}`" in doc, f"{name} is not in docs/limits.md"


def test_settings_on_the_pipelines_tokenizer_reach_spacys_tokenizer() -> None:
    from starkit.nlp import BoundedTokenizer, make_blank

    nlp = make_blank()
    assert isinstance(nlp.tokenizer, BoundedTokenizer)
    marker = nlp.tokenizer.base.token_match
    nlp.tokenizer.token_match = None
    assert nlp.tokenizer.base.token_match is None and marker is not None


def test_thousands_of_findings_in_one_sentence_do_not_each_repeat_it() -> None:
    text = text_shape("adverbs", 30_000)  # one 30,000-character sentence, ~2,000 findings
    for kind in ("bullet", "story"):
        report = starkit.lint(text, kind)
        assert len(report.findings) > 1_000
        assert sum(len(f.suggestion) + len(f.rewrite) for f in report.findings) < 200 * len(
            report.findings
        )
        assert all(not f.rewrite for f in report.findings if f.rule == "vague-language")


def test_in_quotes_equals_its_definition() -> None:
    from starkit.rules.context import _open_single_quote

    text = "He said \"grew 'a lot' fast\" and 'tis 'x' greatly\nnew 'line' \"q\" rock'n'roll x'"
    ctx = UnitContext("story", text, get_nlp()(text))
    for pos in range(len(text) + 1):
        line_start = text.rfind("\n", 0, pos) + 1
        before = text[line_start:pos]
        want = before.count('"') % 2 == 1 or _open_single_quote(before)
        assert ctx.in_quotes(pos) == want, pos


def test_at_and_covered_by_equal_their_definitions() -> None:
    text = "Grew weekly active users and revenue from $1M to $2M, cutting churn and latency by 20%"
    ctx = UnitContext("bullet", text, get_nlp()(text))
    for cat in ("change", "vanity", "causal", "guardrail", "efficiency", "product", "scale"):
        ms = ctx.matches(cat)
        for i in range(-1, len(ctx.doc) + 2):
            assert ctx.at(cat, i) == next((m for m in ms if m.start <= i < m.end), None)
            for j in range(i, len(ctx.doc) + 2):
                want = any(m.start < j and i < m.end for m in ms)
                assert ctx.covered_by(cat, i, j) == want, (cat, i, j)
