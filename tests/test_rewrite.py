"""Data-backed rewrites: the writer's words kept, slots marked, changes computed, nothing
invented."""

from __future__ import annotations

import re

import pytest

import starkit

NUM = re.compile(r"\d+(?:[.,]\d+)*")


def _suggestion(text: str, rule: str, kind: str = "bullet") -> str:
    report = starkit.lint(text, kind)
    return next(f.suggestion for f in report.findings if f.rule == rule)


def test_no_quantification_keeps_the_words_and_proposes_a_topic_metric():
    s = _suggestion("Improved project execution", "no-quantification")
    assert s.startswith("Improved project execution, cutting <cycle time> from <X> to <Y>")
    assert "what was cycle time before and after?" in s


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Migrated the monolith to Kubernetes", "uptime"),
        ("Redesigned the checkout funnel", "conversion rate"),
        ("Ran sprint planning for the mobile squad", "cycle time"),
        ("Sped up the search API with a cache", "p95 latency"),
        # session 32 (fitD): the event, the class and the mentee have metrics of their own
        ("Organised monthly Python meetups for the local chapter", "repeat attendance rate"),
        ("Taught weekly lessons in algebra", "average student score"),
        ("Mentored summer interns on data science projects", "new-hire ramp-up time"),
        # an engineer's event and a researcher's conference are neither
        ("Developed an event-driven architecture on Kafka", "outcome"),
        ("Presented a paper at the IEEE conference", "outcome"),
    ],
)
def test_metric_fits_the_topic(text, metric):
    assert f"<{metric}>" in _suggestion(text, "no-quantification")


def test_change_is_computed_from_two_values():
    s = _suggestion(
        "Increased conversion from 2% to 3.2% with a one-page checkout", "missing-guardrail"
    )
    assert "(+60%, +1.2 pp)" in s
    assert "<refund rate>" in s


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        # the change sits next to the figures it describes, not after a later clause
        (
            "Reduced signup drop-offs from 65% to 15% and grew engagement by 40% through tests",
            "Reduced signup drop-offs from 65% to 15% (-76.9%, -50 pp) and grew engagement by 40% "
            "through tests, while holding",
        ),
        (
            "Grew repository visibility from 34 to 400+ GitHub stars in six months through demos",
            "Grew repository visibility from 34 to 400+ GitHub stars (+1,076%) in six months "
            "through demos, while holding",
        ),
        (
            "Doubled engaged sessions (from 3 min → 9 min) with a new feed",
            "Doubled engaged sessions (from 3 min → 9 min, +200%) with a new feed, while holding",
        ),
        (
            "Grew click-through from 2% to 60% through targeted messaging",
            "Grew click-through from 2% to 60% (+2,900%, +58 pp) through targeted messaging",
        ),
        (
            "Grew sign-ups from 300 to 450 members ahead of the launch",
            "Grew sign-ups from 300 to 450 members (+50%) ahead of the launch",
        ),
        # left out: the writer states the change, or the figures are in different units
        (
            "86% more week-1 retention (22% → 41%) after the new tour",
            "86% more week-1 retention (22% → 41%) after the new tour, while holding",
        ),
        (
            "Increased conversion from 2% to 3.2% (60% relative increase) with a one-page checkout",
            "Increased conversion from 2% to 3.2% (60% relative increase) with a one-page "
            "checkout, while holding",
        ),
        (
            "Grew sign-ups 40%, from 1,000 to 1,400, by launching referrals",
            "Grew sign-ups 40%, from 1,000 to 1,400, by launching referrals, while holding",
        ),
        (
            "Cut onboarding time from 2 weeks to 5 days and grew sign-ups 20%",
            "Cut onboarding time from 2 weeks to 5 days and grew sign-ups 20%, while holding",
        ),
    ],
)
def test_guardrail_rewrite_puts_the_change_beside_its_figures(text, rewritten):
    f = next(f for f in starkit.lint(text, "bullet").findings if f.rule == "missing-guardrail")
    assert f.rewrite.startswith(rewritten)


def test_weak_verb_keeps_a_noun_object():
    s = _suggestion("Helped with the launch of the new onboarding flow", "weak-verb")
    assert s.startswith("<Your part> the launch of the new onboarding flow. To fill it:")


def _weak_finding(text: str):
    return next(f for f in starkit.lint(text, "bullet").findings if f.rule == "weak-verb")


@pytest.mark.parametrize(
    ("text", "rewrite", "examples"),
    [
        # the writer's part is unknown: a slot, never a claim such as 'Led' or 'Mentored'
        ("Assisted in SEO audits", "<Your part> SEO audits", "ran, analysed or wrote up"),
        (
            "Helped with the roadmap for the team",
            "<Your part> the roadmap for the team",
            "drafted, researched or presented",
        ),
        (
            "Helped 3 teams ship the new billing page",
            "<Your part> 3 teams to ship the new billing page",
            "planned, tested or shipped",
        ),
        (
            "Built the exports and I helped with the roadmap",
            "Built the exports and I <your part> the roadmap",
            "drafted, researched or presented",
        ),
    ],
)
def test_weak_verb_with_no_known_part_offers_a_slot_not_a_stronger_claim(text, rewrite, examples):
    f = _weak_finding(text)
    assert f.rewrite.rstrip(".") == rewrite  # the bullet keeps its own closing mark
    assert f.suggestion == (
        f"{rewrite}. To fill it: what did you do yourself (e.g. {examples}), and with what result?"
    )


@pytest.mark.parametrize(
    ("text", "rewrite"),
    [
        ("Helped the teams cut costs", "<Your part> the teams to cut costs"),
        ("Helped ground the talks and led to a deal", "<Your part> ground the talks and led to"),
    ],
)
def test_weak_verb_puts_to_before_a_base_verb_only(text, rewrite):
    assert _weak_finding(text).rewrite.startswith(rewrite)


def test_weak_verb_names_no_action_for_a_compound_noun():
    # 'redesign' is a noun after 'checkout', and 'worked on' takes no object-then-verb
    f = _weak_finding("Worked on the checkout redesign with design and data science")
    assert f.rewrite == "<Your part> the checkout redesign with design and data science"


def test_weak_verb_rewrites_to_a_concrete_verb_only_when_it_claims_no_more():
    f = _weak_finding("Responsible for the product roadmap of the payments team")
    assert f.rewrite == "Owned the product roadmap of the payments team"
    assert f.suggestion == f"{f.rewrite}. Name your own part and its result."
    # a task is not a deed: its verb goes after the slot, not in its place
    f = _weak_finding("Tasked with reducing checkout errors across the payment form")
    assert f.rewrite == "<Your part> to reduce checkout errors across the payment form"


def test_weak_rewrite_data_names_weak_verb_entries():
    from starkit.rewrite import weak_rewrites
    from starkit.terms import load_lexicon

    weak = {eid for eid, _ in load_lexicon().categories["weak"]}
    assert set(weak_rewrites()) == weak  # every weak phrase says what it can become
    assert weak_rewrites()["responsible-for"].verb == "Owned"


def test_accepted_weak_verb_slot_is_caught_and_explained_as_a_verb():
    f = _weak_finding("Assisted in SEO audits")
    slot = next(
        g for g in starkit.lint(f.rewrite, "bullet").findings if g.rule == "unfilled-placeholder"
    )
    assert (slot.start, slot.end) == (0, len("<Your part>"))
    assert slot.suggestion == (
        "Replace '<Your part>' with what you did yourself, e.g. ran, analysed or wrote up."
    )


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # a phrase that states the writer's own work keeps their verb, in the past
        ("Responsible for creating business milestones", "Created business milestones"),
        ("Worked on designing the API", "Designed the API"),
        ("Was in charge of planning the launch", "Planned the launch"),
        ("Worked on building the data platform", "Built the data platform"),
        ("Duties included writing the spec", "Wrote the spec"),
        ("Worked on teaching the new hires", "Taught the new hires"),
        # help shares a result: the writer's verb goes after the slot for their own part
        ("Helped with creating business milestones", "<Your part> to create business milestones"),
        ("Assisted in designing the API", "<Your part> to design the API"),
        ("Participated in planning the launch", "<Your part> to plan the launch"),
        ("Contributed to building the data platform", "<Your part> to build the data platform"),
        ("Helped clarifying the scope", "<Your part> to clarify the scope"),
        ("Helped grow the team from 4 to 35 engineers", "<Your part> to grow the team from 4"),
        ("Part of the team that built the search service", "<Your part> to build the search"),
        ("Helped to establish effective code reviews", "<Your part> to establish effective code"),
    ],
)
def test_weak_verb_before_an_ing_form_puts_its_verb_in_the_past(text, opening):
    # an -ing form is not a base verb: no 'Creatinged', 'Planninged'; no 'Teached', 'Builted'
    s = _suggestion(text, "weak-verb")
    assert s.startswith(opening)
    assert not re.search(r"inged|Teached|[Bb]uilted", s)


def test_weak_verb_adds_no_to_before_an_ing_noun():
    # 'training' is an action term but not a base verb: no 'real-time to training'
    s = _suggestion(
        "Participated in countless simulations and real-time training scenarios", "weak-verb"
    )
    assert "real-time training scenarios" in s
    assert " to training" not in s


def test_vague_word_becomes_a_slot():
    s = _suggestion("Coordinated various teams to deliver the platform", "vague-language")
    assert s.startswith("Coordinated <N> teams to deliver the platform")


@pytest.mark.parametrize(
    "text",
    [
        "Increased conversion from 2% to 3.2% with a one-page checkout",
        "Grew app downloads 40% in Q3 through an influencer campaign",
        "Reduced checkout latency by 40%",
        "Helped 3 teams ship the new billing page",
        "Improved onboarding for 12 enterprise customers significantly",
        "Reduced sprint cycle time from 3.5 weeks to 2.8 weeks",
    ],
)
def test_no_figure_is_invented(text):
    report = starkit.lint(text, "bullet")
    allowed = set(NUM.findall(text)) | {"4"}  # "week-4 retention" is a metric's name
    for f in report.findings:
        computed = set(NUM.findall(f.suggestion)) - allowed
        # any other number must be a computed change of the writer's own values
        for n in computed:
            assert re.search(rf"[+-]{re.escape(n)}(?:%| pp)", f.suggestion), (
                f.rule,
                n,
                f.suggestion,
            )


def test_rewrite_pasted_back_is_caught_as_a_placeholder():
    s = _suggestion("Improved project execution", "no-quantification")
    assert "unfilled-placeholder" in starkit.lint(s, "bullet").rules()


@pytest.mark.parametrize(
    "text",
    [
        "Helped with the launch of the new onboarding flow.",
        "Grew app downloads 40% in Q3",
        "Coordinated various teams to deliver the platform",
        "Increased conversion from 2% to 3.2% with a one-page checkout",
        "Reduced checkout latency by 40%",
    ],
)
def test_structured_rewrite_replaces_the_unit_and_keeps_its_slots_visible(text):
    report = starkit.lint(text, "bullet")
    rewrites = [f for f in report.findings if f.rewrite]
    assert rewrites, "bullet rules give a rewrite to accept"
    for f in rewrites:
        assert f.rewrite != text
        assert f.rewrite.endswith(".") == text.endswith(".")
        if "<" in f.rewrite:
            assert "unfilled-placeholder" in starkit.lint(f.rewrite, "bullet").rules()


def test_advice_only_findings_have_no_rewrite():
    report = starkit.lint("Dear [Name], thank you for today.", "email")
    assert all(not f.rewrite for f in report.findings)


def test_topic_count_equals_the_substring_score() -> None:
    """metric_for's set-based count equals `_topic_score` on texts with one- and many-word
    topics, repeated words and punctuation."""
    from starkit.bench import corpus
    from starkit.rewrite import _topic_count, _topic_score, _words, taxonomy

    texts = [
        *corpus(300),
        "Cut page load time and load time on the data center, on time",
        "Improved test-coverage; story points / on-call (incident response) 3x",
    ]
    for text in texts:
        words = _words(text)
        tokens = frozenset(words.split())
        for m in taxonomy():
            assert _topic_count(words, tokens, m.topics) == _topic_score(text, m.topics)
    assert _topic_count(" a a ", frozenset({"a"}), ("a", "a")) == 2  # a repeated topic


def test_resume_rewrite_keeps_the_joiner_inside_an_emoji(tmp_path, capsys) -> None:
    """'👩🏽‍💻' is one emoji held together by a zero-width joiner: reading a resume file must
    not split it, so a rewrite pasted back keeps it whole (a joiner inside a word is still
    dropped)."""
    import json

    from starkit.cli import main
    from starkit.resume.text import clean

    emoji = "👩🏽\u200d💻"
    path = tmp_path / "cv.md"
    path.write_text(
        "# Alex Doe\n\n## Experience\n\n### PM, Acme (2021-2023)\n\n"
        f"- {emoji} Worked on various initiatives to improve onboarding significantly.\n",
        encoding="utf-8",
    )
    main(["lint", str(path), "--format", "json"])

    def rewrites(x: object) -> list[str]:
        if isinstance(x, dict):
            return [v for k, v in x.items() if k == "rewrite" and v] + rewrites(list(x.values()))
        if isinstance(x, list):
            return [r for v in x for r in rewrites(v)]
        return []

    found = rewrites(json.loads(capsys.readouterr().out))
    assert found
    for r in found:
        assert emoji in r, r
    assert clean("fo\u200dr 3 teams") == "for 3 teams"


@pytest.mark.parametrize(
    ("text", "rewrite"),
    [
        # the slot takes the place of the vague words, with the grammar kept
        ("Won the vast majority of enterprise deals.", "Won <X>% of enterprise deals"),
        ("Cut costs by a significant amount in Q3.", "Cut costs by <X>% in Q3"),
        (
            "Led a massive data migration to Postgres.",
            "Led a <N>-<unit> data migration to Postgres",
        ),
        ("Got a lot of great feedback from users.", "Got <amount of> great feedback from users"),
        ("Answered a lot of customer requests.", "Answered <N> customer requests"),
        # the slot goes after the verb's object, or where the adverb stood: never pasted at
        # the end of the bullet, never with a double space
        (
            "Improved the onboarding experience significantly by redesigning the flow.",
            "Improved the onboarding experience by <X>% (from <A> to <B>) by redesigning the flow",
        ),
        (
            "Dramatically improved checkout conversion by removing two steps",
            "Improved checkout conversion by <X>% (from <A> to <B>) by removing two steps",
        ),
        (
            "Improved the onboarding experience significantly.",
            "Improved the onboarding experience by <X>% (from <A> to <B>)",
        ),
        (
            "Made builds significantly faster for 40 engineers",
            "Made builds <X>% faster for 40 engineers",
        ),
        # the writer's own list gives the count
        (
            "Coordinated across various divisions (engineering, publications and training).",
            "Coordinated across 3 divisions (engineering, publications and training)",
        ),
        (
            "Worked with various teams (e.g. design, data) on 4 launches",
            "Worked with <N> teams (e.g. design, data) on 4 launches",
        ),
    ],
)
def test_vague_rewrite_puts_the_slot_where_the_figure_belongs(text: str, rewrite: str) -> None:
    [f] = [f for f in starkit.lint(text, "bullet").findings if f.rule == "vague-language"]
    assert f.rewrite.rstrip(".") == rewrite  # the bullet keeps its own closing mark


@pytest.mark.parametrize(
    ("text", "rule", "rewrite"),
    [
        (
            "The package sped up data processing by 40%. Managed versioning and deployment.",
            "missing-baseline",
            "The package sped up data processing by 40%, from <X> to <Y> over <period>. "
            "Managed versioning and deployment.",
        ),
        (
            "Grew sign-ups from 2K to 5K with a new landing page. Wrote the onboarding docs.",
            "missing-guardrail",
            "Grew sign-ups from 2K to 5K (+150%) with a new landing page, while holding "
            "<week-4 retention> at <X>. Wrote the onboarding docs.",
        ),
        (
            "Wrote the onboarding docs. Grew sign-ups from 2K to 5K with a new landing page.",
            "missing-guardrail",
            "Wrote the onboarding docs. Grew sign-ups from 2K to 5K (+150%) with a new landing "
            "page, while holding <week-4 retention> at <X>.",
        ),
    ],
)
def test_addition_closes_the_sentence_of_the_finding(text: str, rule: str, rewrite: str) -> None:
    """A bullet of several sentences: the slot closes the sentence that holds the figure,
    not the bullet's last sentence about something else."""
    [f] = [f for f in starkit.lint(text, "bullet").findings if f.rule == rule]
    assert f.rewrite == rewrite


@pytest.mark.parametrize(
    ("text", "guardrail"),
    [
        ("Built the branch from 0 to 170+ students in two years.", "<drop-out rate>"),
        ("Increased youth participation by 30% through weekly workshops.", "<drop-out rate>"),
        ("Increased gameplay engagement by 25% with a new level editor.", "<player churn>"),
        ("Drove feature adoption by 40% in the mobile app.", "<support tickets>"),
        ("Drove a 35% increase in lead generation through SEO pages.", "<lead-to-customer rate>"),
        ("Increased checkout conversion from 2% to 3% with one-click pay.", "<refund rate>"),
        ("Grew monthly mortgage volume from $250,000 to $1,000,000.", "<default rate>"),
        ("Grew revenue of the new SaaS product by 30%.", "<churn rate>"),
        ("Grew the store's Instagram followers from 2K to 9K in a year.", "<unfollow rate>"),
        # no domain: the moved metric's own words choose before its lexicon entry
        ("Increased sales by 20% through a new campaign.", "<refund rate>"),
        ("Grew revenue by 30% in two quarters.", "<churn rate>"),
        ("Captured 55%+ market share with band-related sales.", "<gross margin>"),
        ("Successfully grew business by 24% year over year.", "<gross margin>"),
        ("Grew qualified pipeline by 40% through outbound campaigns.", "<win rate>"),
        ("Onboarding completion rate: 72% → 94%", "<week-4 retention>"),
        ("Grew organic website traffic by 50% with an SEO overhaul.", "<bounce rate>"),
        ("Grew app downloads by 40% after the relaunch.", "<week-4 retention>"),
        ("Conducted A/B experiments, improving lead-to-signup rate by 18%.", "<week-4 retention>"),
        # engagement and retention: unsubscribes only where email is the channel
        ("Improved email open rates by 22% with segmented newsletters.", "<unsubscribe rate>"),
        ("Increased user engagement by 45% through feature optimization.", "<support tickets>"),
        # engineering work is watched for what the code can break
        ("Cut bundle size 30% with TypeScript, lifting user engagement by 25%.", "<error rate>"),
        ("Rebuilt the app in Kotlin, increasing new user retention by 15%.", "<app crash rate>"),
        ("Grew iOS app downloads by 40% through App Store optimization.", "<week-4 retention>"),
    ],
)
def test_guardrail_fits_the_domain(text: str, guardrail: str) -> None:
    [f] = [f for f in starkit.lint(text, "bullet").findings if f.rule == "missing-guardrail"]
    assert f"while holding {guardrail} at <X>" in f.rewrite


@pytest.mark.parametrize(
    ("text", "causal", "asked"),
    [
        ("Grew GitHub stars from 200 to 1,400 in a year.", "<star-to-active-user rate>", "starred"),
        ("Grew organic traffic 3x in 6 months.", "<visit-to-sign-up conversion>", "that traffic"),
        ("Our app was downloaded 50K times after launch.", "<activation rate>", "new downloads"),
    ],
)
def test_vanity_follow_up_asks_in_the_metric_s_own_words(text: str, causal: str, asked: str):
    [f] = [f for f in starkit.lint(text, "bullet").findings if f.rule == "vanity-metric"]
    assert f"lifting {causal}" in f.rewrite
    assert asked in f.suggestion
    assert "downloaded," not in f.suggestion  # never 'of the new downloaded'


def _past_long_text(sentence: str) -> str:
    """`sentence` repeated until the text is longer than the taxonomy's `long_text_words`."""
    from starkit.rewrite import _taxonomy_file

    times = _taxonomy_file().long_text_words // len(sentence.split()) + 1
    return " ".join([sentence] * times)


def _metric_for_by_metric(text: str, direction: str | None) -> object:
    """`metric_for` as it was written before its topic index: each metric scored in turn, a
    weak topic counting half (a metric needs a score of 2: one strong topic, or two weak; a long
    text `long_text_score`)."""
    from starkit.rewrite import (
        _taxonomy_file,
        _topic_score,
        _words,
        taxonomy,
        unmatched_metric,
        weak_topics,
    )

    words = _words(text)
    weak = weak_topics()
    scores = [
        (
            2 * _topic_score(text, tuple(t for t in m.topics if t not in weak), words)
            + _topic_score(text, tuple(t for t in m.topics if t in weak), words),
            m,
        )
        for m in taxonomy()
    ]
    score, best = min(
        scores, key=lambda sm: (-sm[0], direction is not None and sm[1].direction != direction)
    )
    tax = _taxonomy_file()
    long = len(words.split()) > tax.long_text_words
    return best if score >= (tax.long_text_score if long else 2) else unmatched_metric()


@pytest.mark.parametrize("direction", [None, "up", "down"])
def test_metric_for_index_scores_as_each_metric_would(direction: str | None) -> None:
    from starkit.bench import corpus
    from starkit.rewrite import metric_for

    long = _past_long_text("I organised the club's spring tour with my friends.")
    texts = [
        *corpus(300, seed=3),
        "page load time and p95 latency",
        "",
        "churn churn churn",
        f"{long} We had to push hard.",
        f"{long} We cut p95 latency on the checkout.",
    ]
    for text in texts:
        assert metric_for(text, direction) == _metric_for_by_metric(text, direction), text


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # one weak topic word alone names no metric: its sense in the line is not the metric's
        ("Found distinct features of the clusters with orthogonal methods", "outcome"),
        ("Integrated TypeScript and improved developer experience", "outcome"),
        ("Analysed epoxy interface performance under thermal stress", "outcome"),
        # two weak words of one metric, or one strong word, still name it
        ("Built CI/CD pipelines for the platform team", "deployment frequency"),
        ("Cut API latency on the search service", "p95 latency"),
        ("Redesigned the checkout", "conversion rate"),
    ],
)
def test_a_weak_topic_alone_names_no_metric(text: str, metric: str) -> None:
    from starkit.rewrite import metric_for

    assert metric_for(text).name == metric


def test_a_long_text_needs_two_topics_to_name_a_metric() -> None:
    """In a story a word in passing ('push' the team) is no evidence of the metric its Result
    should move; two topics of one metric are."""
    from starkit.rewrite import metric_for

    story = _past_long_text("I organised the club's spring tour with my friends and teachers.")
    assert metric_for(f"{story} I had to push the group to finish.").name == "outcome"
    assert metric_for("We had to push the new notifications.").name == "week-4 retention"
    assert metric_for(f"{story} We cut latency on the slow queries.").name == "p95 latency"


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        # a full stop inside a bracket: the clause goes after the bracket, never inside it
        (
            "Grew unique visitors to 2M per month (40% of MySpace active users.)",
            "Grew unique visitors to 2M per month (40% of MySpace active users.), while holding",
        ),
        (
            "Grew visitors to 2M (40% of all users.) Then led the mobile launch.",
            "Grew visitors to 2M (40% of all users.), while holding <",
        ),
        # a line ending in a colon: the colon gives way to the clause
        (
            "Launched the comparison feature, growing revenue 20% (Shopping Search Engine):",
            "Launched the comparison feature, growing revenue 20% (Shopping Search Engine), "
            "while holding",
        ),
        # an abbreviation's stop ends no sentence: the clause closes the whole sentence
        (
            "Grew organic traffic approx. 40% through SEO campaigns",
            "Grew organic traffic approx. 40% through SEO campaigns, while holding",
        ),
    ],
)
def test_guardrail_clause_closes_the_sentence_outside_brackets_and_colons(text, rewritten):
    f = next(f for f in starkit.lint(text, "bullet").findings if f.rule == "missing-guardrail")
    assert f.rewrite.startswith(rewritten)
    assert f.rewrite.count("while holding") == 1


@pytest.mark.parametrize(
    ("text", "rewrite"),
    [
        # no taxonomy topic in the text: a slot for the writer's own result, no invented metric
        (
            "Communicated regularly with parents on children's progress",
            "Communicated regularly with parents on children's progress, raising <outcome> from",
        ),
        # a conjunction left dangling at the end gives way to the added clause
        (
            "Performed mission-critical system backups and ",
            "Performed mission-critical system backups, raising <outcome> from",
        ),
        # a line cut after 'by' (seen in the pooled bullets): no 'by,' before the clause
        (
            "Rewrote the letters to parents by",
            "Rewrote the letters to parents, raising <outcome> from",
        ),
    ],
)
def test_no_quantification_with_no_topic_offers_an_outcome_slot(text: str, rewrite: str) -> None:
    s = _suggestion(text, "no-quantification")
    assert s.startswith(rewrite)
    assert "what changed because of this work" in s


def test_guardrail_label_stands_by_its_clause_in_a_unit_of_two_sentences() -> None:
    text = "Led the checkout redesign, lifting conversion from 2.1% to 2.9%. Presented it."
    f = next(f for f in starkit.lint(text, kind="bullet").findings if f.rule == "missing-guardrail")
    assert "at <X> (the guardrail). Presented it. To fill it:" in f.suggestion
    assert "(the guardrail)" not in f.rewrite  # the text the user accepts has no label
    assert f.rewrite.endswith("at <X>. Presented it.")
