"""The Python API: typed reports, offsets, batching, errors."""

from __future__ import annotations

import pytest

import starkit
from starkit import Finding, InputError, Report, Severity

RESUME = """EXPERIENCE
Acme Corp — Senior Product Manager, 2019–2023
• Improved project execution across the platform team
• Cut p95 checkout latency from 800ms to 350ms
- Helped 3 teams ship the billing page
"""


def test_report_round_trips_through_json():
    report = starkit.lint(RESUME, "resume")
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report
    assert again.findings and isinstance(again.findings[0], Finding)


def test_resume_offsets_point_into_the_whole_text():
    report = starkit.lint(RESUME, "resume")
    by_rule = {f.rule: RESUME[f.start : f.end] for f in report.findings}
    assert by_rule["no-quantification"] == "Improved project execution across the platform team"
    assert by_rule["weak-verb"] == "Helped"
    # the heading and the role line state no work, the latency bullet is measured
    assert [u.text for u in report.units if u.score == 100] == [
        "EXPERIENCE",
        "Acme Corp — Senior Product Manager, 2019–2023",
        "Cut p95 checkout latency from 800ms to 350ms",
    ]


def test_lint_many_equals_lint_one_by_one():
    texts = [
        "Grew app downloads 40% in Q3",
        "Increased conversion from 2% to 3.2% with a one-page checkout",
        "Led three teams through the payments migration",
        "Worked on various projects",
    ]
    assert starkit.lint_many(texts, "bullet") == [starkit.lint(t, "bullet") for t in texts]


@pytest.mark.parametrize("kind", ["bullet", "resume", "story"])
def test_lint_many_across_chunks_equals_lint_one_by_one(monkeypatch, kind):
    """The batch is piped and judged a chunk of units at a time, rule by rule within a chunk
    (`engine.CHUNK`): with chunks of 7 units, a resume's bullets fall in several chunks and a
    chunk holds units of several texts; every report is still the one `lint` gives."""
    from starkit import engine
    from starkit.bench import corpus

    bullets = corpus(60, seed=5)
    texts = {
        "bullet": bullets,
        "resume": ["\n".join(bullets[k : k + 5]) for k in range(0, 60, 5)],
        "story": [" ".join(bullets[k : k + 4]) for k in range(0, 60, 4)],
    }[kind]
    one_by_one = [starkit.lint(t, kind) for t in texts]
    monkeypatch.setattr(engine, "CHUNK", 7)
    assert starkit.lint_many(texts, kind) == one_by_one


def test_clean_bullet_scores_100_and_score_formula():
    clean = starkit.lint("Cut p95 checkout latency from 800ms to 350ms in Q2", "bullet")
    assert clean.findings == [] and clean.score == 100
    one_warning = starkit.lint("Improved project execution for the platform team", "bullet")
    assert [f.severity for f in one_warning.findings] == [Severity.WARNING]
    assert one_warning.score == 85


def test_text_score_is_the_mean_of_unit_scores():
    report = starkit.lint("Improved project execution\nCut latency from 800ms to 350ms\n", "resume")
    assert [u.score for u in report.units] == [85, 100]
    assert report.score == round((85 + 100) / 2)


@pytest.mark.parametrize("bad", ["", "   \n\t ", None, 42])
def test_empty_or_non_text_input_is_an_input_error(bad):
    with pytest.raises(InputError):
        starkit.lint(bad, "bullet")


def test_unknown_kind_is_an_input_error():
    with pytest.raises(InputError, match="unknown kind 'poem'"):
        starkit.lint("Led a team", "poem")


def test_huge_text_is_refused_with_the_limit_named():
    with pytest.raises(InputError, match="1,000,000"):
        starkit.lint("Led a team of 5. " * 70_000, "resume")


def test_odd_unicode_keeps_offsets_valid():
    text = "Cut \u201ccheckout\u201d latency\u00a0by 40%\u200b \U0001f680 — significantly"
    report = starkit.lint(text, "bullet")
    spans = {f.rule: text[f.start : f.end] for f in report.findings}
    assert spans["missing-baseline"] == "40%"
    assert spans["vague-language"] == "significantly"


def test_email_kind_applies_only_email_rules():
    email = "Hi Sam,\nThank you for today. I enjoyed it and hope to hear back.\nBest,\nAlex"
    rules = starkit.lint(email, "email").rules()
    assert rules == {"email-no-metric"}
    assert not rules & {"no-quantification", "weak-verb", "missing-baseline"}


def test_the_collector_is_paused_for_a_batch_and_left_as_it_was() -> None:
    import gc

    import starkit.engine

    seen = []
    real = starkit.engine._lint_many

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    starkit.engine._lint_many = spy
    try:
        starkit.engine.lint_many(["Grew revenue 20%."])
        assert seen == [False] and gc.isenabled()
        with pytest.raises(starkit.engine.InputError):
            starkit.engine.lint_many(["Grew revenue 20%."], "bullet", question="Why?")
        assert gc.isenabled()  # resumed after an error too
        gc.disable()
        starkit.engine.lint_many(["Grew revenue 20%."])
        assert not gc.isenabled()  # a caller's own pause is kept
    finally:
        gc.enable()
        starkit.engine._lint_many = real
