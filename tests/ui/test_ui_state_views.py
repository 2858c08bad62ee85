"""Page state keeps pages apart; the page helpers compose stories and tabulate findings."""

from __future__ import annotations

import pytest

from starkit.models import Finding, Report, Section, Story, UnitReport
from starkit.ui.state import PageState
from starkit.ui.views import (
    compose_story,
    countdown,
    counts_frame,
    fields_from_story,
    findings_by_rule,
    findings_frame,
    format_duration,
    improved_text,
    role_table,
    role_table_note,
    severity_order,
    split_suggestion,
    spoken_seconds,
    story_seconds,
    suggestion_excerpt,
    version_note,
    window_verdict,
)


def test_page_state_prefixes_keys_and_clears_only_its_page():
    store: dict = {"story.title": "keep", "resume.text": "x"}
    resume = PageState("resume", store)
    resume.set("edit", 3, value="new bullet")
    assert store["resume.edit.3"] == "new bullet"
    assert resume.setdefault("edit", 3, value="other") == "new bullet"
    resume.clear()
    assert store == {"story.title": "keep"}


def test_page_state_rejects_unknown_page():
    with pytest.raises(ValueError, match="unknown page"):
        PageState("nope", {})


def test_compose_story_labels_sections_and_skips_empty_ones():
    text = compose_story({"situation": " Checkout was slow. ", "task": "", "result": "Cut p95 40%"})
    assert text == "Situation: Checkout was slow.\n\nResult: Cut p95 40%"


def test_fields_from_story_strips_labels():
    text = "Situation: Slow checkout.\nTask: Fix it.\nAction: I profiled.\nResult: p95 fell 40%."
    bounds = {}
    for name, label in [
        ("situation", "Situation"),
        ("task", "Task"),
        ("action", "Action"),
        ("result", "Result"),
    ]:
        start = text.index(label)
        end = text.find("\n", start)
        bounds[name] = (start, len(text) if end < 0 else end)
    story = Story(
        text=text,
        sections=[Section(name=n, start=s, end=e, confidence=1.0) for n, (s, e) in bounds.items()],
    )
    assert fields_from_story(story) == {
        "situation": "Slow checkout.",
        "task": "Fix it.",
        "action": "I profiled.",
        "result": "p95 fell 40%.",
    }


@pytest.mark.parametrize(
    ("words", "seconds", "label", "verdict"),
    [
        (100, 40, "40 s", "short"),
        (300, 120, "2 min 00 s", "inside"),
        (450, 180, "3 min 00 s", "inside"),
        (601, 240, "4 min 00 s", "inside"),
        (700, 280, "4 min 40 s", "long"),
    ],
)
def test_spoken_time_at_150_words_a_minute(words, seconds, label, verdict):
    assert spoken_seconds(words) == seconds
    assert format_duration(seconds) == label
    assert window_verdict(seconds).startswith(verdict)


def _report(text, findings, words=None, details=None):
    return Report(
        kind="story",
        text=text,
        findings=findings,
        score=70,
        units=[
            UnitReport(
                index=0,
                kind="story",
                start=0,
                end=len(text),
                text=text,
                score=70,
                words=len(text.split()) if words is None else words,
                details=details or {},
            )
        ],
    )


def _f(rule, severity, start, end):
    return Finding(rule=rule, severity=severity, message=rule, start=start, end=end, suggestion="s")


def test_story_seconds_prefers_the_engines_figure():
    assert story_seconds(_report("a b c", [], words=300)) == 120
    assert story_seconds(_report("a b c", [], details={"spoken_seconds": 95})) == 95


def test_findings_tables_count_and_quote_spans():
    a = _report("Grew downloads a lot", [_f("vanity-metric", "warning", 5, 14)])
    b = _report(
        "Helped with various things",
        [_f("weak-verb", "info", 0, 6), _f("vague-language", "info", 12, 19)],
    )
    c = _report("Helped ship", [_f("weak-verb", "info", 0, 6)])
    counts = findings_by_rule([a, b, c])
    assert dict(zip(counts["rule"], counts["findings"], strict=True)) == {
        "weak-verb": 2,
        "vague-language": 1,
        "vanity-metric": 1,
    }
    assert list(counts["severity"]) == ["info", "info", "warning"]
    frame = findings_frame([a, b])
    assert list(frame["flagged text"]) == ["downloads", "Helped", "various"]
    assert list(frame["item"]) == [1, 2, 2]


def test_severity_order_puts_errors_first_then_text_order():
    fs = [
        _f("a", "info", 0, 1),
        _f("b", "error", 5, 6),
        _f("c", "warning", 2, 3),
        _f("d", "error", 1, 2),
    ]
    assert [f.rule for f in severity_order(fs)] == ["d", "b", "c", "a"]


@pytest.mark.parametrize(
    ("elapsed", "left", "phase", "advice"),
    [
        (0, 240, "early", "opens in 2 min 00 s"),
        (95, 145, "early", "opens in 25 s"),
        (120, 120, "window", "land the result"),
        (239.6, 0, "window", "land the result"),
        (250, 0, "over", "by 10 s"),
    ],
)
def test_countdown_phases(elapsed, left, phase, advice):
    got_left, got_phase, got_advice = countdown(elapsed)
    assert (got_left, got_phase) == (left, phase)
    assert advice in got_advice


def test_suggestion_excerpt_shows_only_what_a_long_rewrite_adds():
    story = (
        "Situation: The checkout page was slow for mobile users on older phones. "
        "Task: I owned the fix. Action: I profiled it. Result: Sign-ups went up."
    )
    rewrite = story.rstrip(".") + ", lifting <activation rate> from <X>% to <Y>%."
    out = suggestion_excerpt(story, rewrite)
    assert out.startswith("…")
    assert out.endswith("lifting <activation rate> from <X>% to <Y>%.")
    assert len(out) < 100
    assert suggestion_excerpt(story, "Add a measured result.") == "Add a measured result."


@pytest.mark.parametrize(
    ("suggestion", "original", "rewrite", "note"),
    [
        (
            "Grew sign-ups 40%, while holding <churn> at <X> (the guardrail). "
            "To fill it: what did churn do?",
            "Grew sign-ups 40%",
            "Grew sign-ups 40%, while holding <churn> at <X> (the guardrail)",
            "To fill it: what did churn do?",
        ),
        (
            "Led the launch of the app (or open with: Drove, Shipped). Name your own part.",
            "Helped with the launch of the app.",
            "Led the launch of the app.",
            "Or open with: Drove, Shipped. Name your own part.",
        ),
        (
            "Replace '[Name]' with the real name or figure, or delete it, before you send this.",
            "Dear [Name],",
            None,
            "Replace '[Name]' with the real name or figure, or delete it, before you send this.",
        ),
    ],
)
def test_split_suggestion_separates_the_rewrite_from_the_advice(
    suggestion, original, rewrite, note
):
    assert split_suggestion(suggestion, original) == (rewrite, note)


def test_rewrite_and_note_uses_the_engines_structured_rewrite():
    import starkit
    from starkit.ui.views import rewrite_and_note

    report = starkit.lint("Helped with the launch of the new onboarding flow.", "bullet")
    weak = next(f for f in report.findings if f.rule == "weak-verb")
    rewrite, note = rewrite_and_note(weak)
    assert rewrite == "<Your part> the launch of the new onboarding flow."
    assert note.startswith("To fill it: what did you do yourself")
    owned = starkit.lint("Responsible for the payments roadmap", "bullet").findings
    weak = next(f for f in owned if f.rule == "weak-verb")
    assert rewrite_and_note(weak) == (
        "Owned the payments roadmap",
        "Name your own part and its result.",
    )
    placeholder = starkit.lint("Dear [Name], thanks", "email").findings
    slot = next(f for f in placeholder if f.rule == "unfilled-placeholder")
    assert rewrite_and_note(slot) == (None, slot.suggestion)


def test_a_rewrite_that_drops_most_of_the_line_is_advice_not_a_rewrite():
    suggestion = "At <company> I moved <metric> from <X> to <Y>. To fill it: which result?"
    assert split_suggestion(suggestion, "Thanks so much for the great chat today")[0] is None


def test_role_table_gives_quantified_share_per_role_in_resume_order():
    from types import SimpleNamespace as NS

    def item(role, quantified, score, kind="bullet", achievement=True, claims_work=True):
        return NS(
            kind=kind,
            achievement=achievement,
            role=role,
            quantified=quantified,
            score=score,
            claims_work=claims_work,
        )

    report = NS(
        resume=NS(
            roles=[NS(index=0, name=lambda: "PM, Acme"), NS(index=1, name=lambda: "APM, Beta")]
        ),
        items=[
            item(0, True, 90),
            item(0, False, 50),
            item(None, False, 40),
            item(1, True, 80),
            item(1, False, 100, kind="line", achievement=False),  # a skills line: not counted
            item(1, False, 100, claims_work=False),  # 'Account Executive': claims no work
        ],
    )
    table = role_table(report, no_role="No role")
    assert list(table["role"]) == ["PM, Acme", "No role", "APM, Beta"]
    assert list(table["bullets"]) == [2, 1, 1]
    assert list(table["quantified share"]) == [0.5, 0.0, 1.0]
    assert list(table["mean score"]) == [70, 40, 80]
    # the rows add up to 4 of the 5 achievement bullets: the note says why
    assert role_table_note(report) == (
        "1 achievement bullet that claims no work (a title, an employer described) counts in no "
        "row, as in the share with a number."
    )
    report.items = report.items[:-1]
    assert role_table_note(report) is None


def test_improved_text_puts_edits_in_place():
    assert improved_text(["a", "b", "c"], {1: "B"}) == "a\nB\nc\n"


def test_counts_frame_orders_rules_by_count():
    frame = counts_frame({"weak-verb": 1, "vanity-metric": 3}, {"vanity-metric": "warning"})
    assert list(frame["rule"]) == ["vanity-metric", "weak-verb"]
    assert list(frame["severity"]) == ["warning", "info"]


def test_version_note_puts_slots_to_fill_first():
    slots = [_f("unfilled-placeholder", "error", i, i + 3) for i in (0, 5)]
    assert version_note(_report("x", slots)) == (
        "Your version: fill the 2 <…> slots with your real figures."
    )
    assert version_note(_report("x", [*slots, _f("weak-verb", "info", 0, 1)])).endswith(
        "; then 1 other finding."
    )
    assert version_note(_report("x", [])) == "Your version: score 70/100, no findings."


def test_merge_rewrite_builds_a_second_rewrite_on_the_first():
    from starkit.ui.views import merge_rewrite

    base = "Grew newsletter subscribers by 40%"
    first = base + ", while holding <churn> at <X>"
    second = base + ", from <X> to <Y> over <period>"
    merged, placed = merge_rewrite(base, first, second)
    assert placed
    assert merged == base + ", from <X> to <Y> over <period>, while holding <churn> at <X>"
    assert merge_rewrite(base, merged, second) == (merged, True)  # accepted twice: once
    assert merge_rewrite(base, base, second) == (second, True)
    # A replaced verb and an appended clause both land.
    weak = "Helped with the onboarding launch"
    got, _ = merge_rewrite(weak, "<Your part> the onboarding launch", weak + ", raising <X>")
    assert got == "<Your part> the onboarding launch, raising <X>"


def test_merge_rewrite_never_overwrites_words_the_user_changed():
    from starkit.ui.views import merge_rewrite

    merged, placed = merge_rewrite("Helped with X", "Assisted X", "<Your part> X")
    assert (merged, placed) == ("Assisted X", False)
    # A word the rewrite drops that the user already dropped is no conflict.
    assert merge_rewrite("Ran various teams", "Ran teams well", "Ran teams") == (
        "Ran teams well",
        True,
    )


def test_carry_edits_follows_unchanged_bullets_to_their_new_index():
    from starkit.ui.views import carry_edits

    old = {0: "a", 1: "b", 2: "c"}
    edits = {0: "A", 1: "b", 2: "C"}
    assert carry_edits(old, edits, {0: "new", 1: "a", 2: "b", 3: "c"}) == {1: "A", 3: "C"}
    assert carry_edits(old, edits, {0: "a changed", 1: "c"}) == {1: "C"}
    assert carry_edits({0: "x", 1: "x"}, {0: "X1", 1: "X2"}, {0: "x", 1: "y", 2: "x"}) == {
        0: "X1",
        2: "X2",
    }


def test_story_labels_tell_apart_stories_with_one_title():
    from datetime import UTC, datetime
    from types import SimpleNamespace

    from starkit.ui.views import story_labels

    def story(sid, title, day):
        return SimpleNamespace(id=sid, title=title, created_at=datetime(2026, 12, day, tzinfo=UTC))

    labels = story_labels(
        [
            story("a1b2c3d4-0000", "Pricing test", 1),
            story("e5f6a7b8-0000", "Checkout latency", 1),
            story("c9d0e1f2-0000", "checkout  latency", 2),
            story("0a1b2c3d-0000", "Checkout latency", 2),
        ]
    )
    assert labels == {
        "a1b2c3d4-0000": "Pricing test",  # a title of its own: the title alone
        "e5f6a7b8-0000": "Checkout latency · 2026-12-01",  # the day tells it apart
        "c9d0e1f2-0000": "checkout latency · 2026-12-02 · c9d0e1",  # same day too: the id
        "0a1b2c3d-0000": "Checkout latency · 2026-12-02 · 0a1b2c",
    }
    same = story_labels([story("abcdef-1", "X", 1), story("abcdef-2", "X", 1)])
    assert len(set(same.values())) == 2  # ids that start alike: told apart all the same
    assert story_labels([SimpleNamespace(id="s1", title="  ")]) == {"s1": "Untitled story"}


def test_shown_note_says_what_the_cards_count():
    from types import SimpleNamespace as NS

    from starkit.ui.views import shown_note

    items = [
        NS(kind="bullet", achievement=True, findings=["f"]),
        NS(kind="bullet", achievement=True, findings=[]),
        NS(kind="line", achievement=False, findings=["f"]),
    ]
    assert shown_note(items, 9, False) == (
        "Showing 2 lines: 1 of the 2 achievement bullets (those with a finding) and 1 other "
        "line (contact, skills, education, role headers) with a placeholder or vague word; "
        "9 lines judged in all."
    )
    assert shown_note(items, 9, True).startswith("Showing 3 lines: all 2 achievement bullets and")
    assert shown_note(items[:1], 1, False) == (
        "Showing 1 line: 1 achievement bullet; 1 line judged in all."
    )


def test_role_rows_give_the_share_as_a_percentage():
    import pandas as pd

    from starkit.ui.views import role_rows

    table = pd.DataFrame(
        [{"role": "PM, Acme", "bullets": 4, "quantified share": 0.67, "mean score": 80}]
    )
    assert role_rows(table) == [
        {"role": "PM, Acme", "bullets": 4, "quantified share": "67%", "mean score": 80}
    ]


def test_tag_index_tells_tags_apart_by_meaning_not_capitals():
    from starkit.ui.views import TagIndex

    names = {"leadership": "Leadership", "technical-depth": "Technical depth"}
    tags = TagIndex(
        ["Leadership", "leadership", "technical  depth", "SQL", "sql", "mentoring"], names
    )
    assert tags.options() == ["leadership", "mentoring", "sql", "technical-depth"]
    assert [tags.label(k) for k in tags.options()] == [
        "Leadership",
        "Mentoring",  # a first capital for a tag typed with none
        "SQL",  # the spelling with the most capitals
        "Technical depth",
    ]
    assert tags.keys(["Technical_Depth", "LEADERSHIP", "leadership"]) == [
        "technical-depth",
        "leadership",
    ]


def test_the_reading_table_shows_a_section_read_as_roles_and_marks_only_what_can_change():
    """A browser check found an education section whose lines were all read as role headers
    left out of 'What starkit read', '(1 lines)' in the marking choices, and experience
    sections offered to be marked as experience."""
    from starkit.resume import read_text_resume
    from starkit.resume.diagnose import Diagnosis, SectionCount, diagnose
    from starkit.ui.views import mark_options, reading_rows

    text = "\n".join(
        [
            "Jordan Avery",
            "",
            "EXPERIENCE",
            "Product Manager, Acme, 2020 - 2023",
            "- Grew weekly active users 20% in two quarters",
            "",
            "SKILLS",
            "SQL",
        ]
    )
    d = diagnose(read_text_resume(text, name="cv.txt"))
    rows = {r["section"]: r for r in reading_rows(d)}
    assert rows["experience"]["role lines"] == 1 and rows["experience"]["bullets"] == 1
    assert mark_options(d) == {0: "contact (1 line)", 2: "SKILLS (1 line)"}
    roles_only = Diagnosis(
        name="cv.pdf",
        format="pdf",
        sections=[SectionCount(index=0, name="education", heading="EDUCATION", roles=4)],
    )
    assert [r["heading"] for r in reading_rows(roles_only)] == ["EDUCATION"]


def test_the_resume_page_filters_its_lines_by_rule():
    """A resume of a hundred cards (the browser pass: 127 bullets, 122 findings) can show only
    the lines with the rules the user picks; the choices are the rules present, most frequent
    first."""
    from types import SimpleNamespace as NS

    from starkit.ui.views import filtered_note, rule_choices, with_rules

    def line(*rules: str) -> NS:
        return NS(findings=[NS(rule=r) for r in rules])

    items = [
        line("no-quantification"),
        line("vanity-metric", "missing-guardrail"),
        line("no-quantification", "weak-verb"),
        line(),
    ]
    assert rule_choices(items) == [
        "no-quantification",
        "missing-guardrail",
        "vanity-metric",
        "weak-verb",
    ]
    assert with_rules(items, ["vanity-metric", "weak-verb"]) == [items[1], items[2]]
    assert with_rules(items, []) == items
    assert filtered_note(2, ["vanity-metric", "weak-verb"], 47) == (
        "Showing 2 lines with vanity-metric or weak-verb; 47 lines judged in all."
    )
