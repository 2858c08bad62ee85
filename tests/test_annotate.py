"""The annotation stage: metric mentions and relative figures, computed once per unit."""

from __future__ import annotations

import pytest

from starkit.annotate import mentions, relative_figures
from starkit.nlp import get_nlp
from starkit.rules.context import UnitContext
from starkit.textio import normalise_for_matching


def ctx(text: str) -> UnitContext:
    return UnitContext("bullet", text, get_nlp()(text))


def mention(text: str, category: str, words: str):
    c = ctx(text)
    for m in mentions(c, category):
        if c.doc[m.start : m.end].text == words:
            return m
    raise AssertionError(f"no {category} mention {words!r} in {text!r}")


@pytest.mark.parametrize(
    ("text", "category", "words", "role"),
    [
        ("Grew app downloads 40% in Q3", "vanity", "app downloads", "change"),
        ("Redesigned onboarding to increase engagement and drive conversions", "product",
         "conversions", "purpose"),
        ("Ran a platform serving 1M+ daily users", "vanity", "daily users", "scale"),
        ("Our cloud bill grew 70% while traffic grew only 20%", "vanity", "traffic", "frame"),
        ("Built a downloads page for the Android app", "vanity", "downloads", "mention"),
        # a range of sizes is no change; a count after 'for' and plain modifiers is a scope
        ("Mentored at events ranging from 30 to 700+ attendees", "vanity", "attendees", "scale"),
        ("Ran hackathons with between 50 and 300 participants each", "vanity", "participants",
         "scale"),
        ("Grew the club from 30 to 700 attendees in a year", "vanity", "attendees", "change"),
        ("Improved shipping times for priority orders by 140%", "product", "orders", "scale"),
        ("Consolidated 14 mailing lists with 60,000 subscribers into one", "vanity",
         "subscribers", "scale"),
        # 'despite' / 'amid' frame the result; a comparative after 'to <verb>' is an aim
        ("Improved performance despite double-digit week-over-week traffic growth", "vanity",
         "traffic", "frame"),
        ("Work with Revenue Management to yield higher conversion rates", "product",
         "conversion rates", "purpose"),
        ("Kept checkout up during a 10x traffic spike", "vanity", "traffic", "frame"),
        # 'and more,' closes a list: it moves nothing after it
        ("Provides pipes, aliases, and more, allowing developers to compose commands", "vanity",
         "developers", "mention"),
        # a trend word right after a verb of scale describes the noun; a goal set for the
        # writer is an aim even with a figure; an organisation's audience is its size
        ("Hardened servers while supporting growing user traffic", "vanity", "traffic",
         "mention"),
        ("Supporting the sales team, grew organic traffic 80% in 2023", "vanity",
         "organic traffic", "change"),
        ("Owned the OKR to grow sign-ups 20% in 2023", "vanity", "sign-ups", "purpose"),
        ("Tasked with increasing web traffic by 30%", "vanity", "web traffic", "purpose"),
        ("Ran SEO with a strong focus on lead generation and campaign growth", "product",
         "lead generation", "purpose"),
        ("Repositioned the feed (conversion 2.1% → 3.4%)", "product", "conversion", "change"),
        ("Redesigned onboarding to grow sign-ups 20% in 2023", "vanity", "sign-ups", "change"),
        ("Interned at a startup whose app has 1M downloads", "vanity", "downloads", "scale"),
        ("Built an app for students which has 10k downloads", "vanity", "downloads",
         "mention"),
        ("Goal: 100K downloads in year one", "vanity", "downloads", "purpose"),
        ("Built a growth model projecting 2M MAU by 2026", "vanity", "MAU", "purpose"),
        ("Pitched a plan to reach 1M users in 18 months", "vanity", "users", "purpose"),
        ("Ran a test of whether badges grow followers", "vanity", "followers", "purpose"),
    ],
)  # fmt: skip
def test_mention_roles(text, category, words, role):
    assert mention(text, category, words).role == role


def test_change_direction_figure_and_modifier():
    up = mention("Grew sign-ups from 2k to 5k in 2021", "vanity", "sign-ups")
    assert up.direction == "up" and up.head and not up.modified
    down = mention("Cut bot traffic by 60% with a rate limiter", "vanity", "traffic")
    assert down.direction == "down"
    share = mention("Rolled the change out to 100% of traffic", "vanity", "traffic")
    assert share.modified  # a share of traffic is a rollout's scope
    count = mention("Generated tens of thousands of downloads in 2021", "vanity", "downloads")
    assert not count.modified and count.quantity is not None


def test_a_list_item_with_its_own_figure_is_moved_by_the_list_verb():
    text = "Improved store rating from 2.3 to 4.0, Day-0 engagement by 25%, and starts by 30%"
    item = mention(text, "product", "engagement")
    assert item.role == "change" and item.direction == "up"
    # no earlier item with a figure: a new clause, not a list of moved metrics
    alone = mention("Improved the onboarding flow, and engagement by 25%", "product", "engagement")
    assert alone.change is None


def test_a_share_adopting_a_launch_is_adoption_moved_not_a_vanity_count():
    text = "Shipped dark mode, adopted by 45% of users in the first week"
    c = ctx(text)
    share = [m for m in mentions(c, "product") if m.entry == "adoption"]
    assert len(share) == 1 and share[0].role == "change" and share[0].direction == "up"
    assert c.doc[share[0].start : share[0].end].text == "adopted by 45% of users"
    assert all(v.modified for v in mentions(c, "vanity"))  # "45% of users" is a share
    # a rollout's scope is no uptake
    scope = ctx("Rolled out the new checkout to 100% of users")
    assert not [m for m in mentions(scope, "product") if m.entry == "adoption"]


def test_a_change_noun_reaches_its_metric_through_to():
    boost = mention("30% boost to existing $5K monthly revenue", "product", "revenue")
    assert boost.role == "change"


def test_uptake_forms_are_vanity_mentions_with_their_count():
    c = ctx("Launched a tutorial series viewed 5M times in 2020")
    (m,) = [m for m in mentions(c, "vanity")]
    assert c.doc[m.start].text == "viewed" and m.quantity.text.startswith("5M")
    c = ctx("Built an internal tool adopted by 5,000+ users within a year")
    assert [c.doc[m.start].text for m in mentions(c, "vanity")] == ["users"]


@pytest.mark.parametrize(
    ("text", "figure", "baseline"),
    [
        ("Improved page load speed by up to 96%", "96%", False),
        ("Delivered an increase of 400% in qualified pipeline", "400%", False),
        ("Drove 245% ARR growth through pricing changes", "245%", False),
        ("Cut churn by 20% in two quarters", "20%", True),
        ("Grew revenue 40% YoY", "40%", True),
    ],
)
def test_relative_figures_and_baselines(text, figure, baseline):
    found = {r.quantity.text: r.baseline for r in relative_figures(ctx(text))}
    assert found == {figure: baseline}


def test_no_relative_figure_in_levels_shares_and_counts():
    for text in (
        "Reached 40% market share in the region",
        "Half of visitors would see the new page",
        "Launched a tutorial series viewed 5M times",
    ):
        assert relative_figures(ctx(text)) == [], text


def test_computed_once_per_unit():
    c = ctx("Grew app downloads 40% in Q3")
    assert mentions(c, "vanity") is mentions(c, "vanity")
    assert relative_figures(c) is relative_figures(c)


@pytest.mark.parametrize(
    ("text", "category", "words", "modified"),
    [
        # a hyphenated funnel step names what the conversion measures; it modifies nothing
        ("Raised MQL-to-SQL conversion by 18%", "product", "conversion", False),
        ("Wrote SQL conversion scripts", "product", "conversion", True),
        # a money amount 'of' a metric is its figure; a percent 'of' it is a share
        ("Drove $2MM of incremental revenue", "product", "revenue", False),
        ("Moved 40% of traffic to the new stack", "vanity", "traffic", True),
    ],
)
def test_funnel_steps_and_amounts_do_not_modify_the_metric(text, category, words, modified):
    assert mention(text, category, words).modified is modified


@pytest.mark.parametrize(
    ("text", "category", "words", "moved_by"),
    [
        # a lone 'up' before the noun with no figure is a phrasal verb's particle
        ("Answered questions on setting up social-media accounts", "product", "accounts", None),
        ("Up 20% in revenue after the pricing launch", "product", "revenue", "Up"),
        # a present participle after a word of scale is the load the system takes
        ("Tuned the cache while supporting growing user traffic", "product", "traffic", None),
        ("Tuned the cache while growing user traffic", "product", "traffic", "growing"),
    ],
)  # fmt: skip
def test_particles_and_scale_participles_move_nothing(text, category, words, moved_by):
    m = mention(text, category, words)
    c = ctx(text)
    got = c.doc[m.change.start : m.change.end].text if m.change is not None else None
    assert got == moved_by


@pytest.mark.parametrize(
    ("text", "words", "head"),
    [
        ("Built tooling for generating REST APIs and clients in Go", "clients", False),
        ("Implemented log replication between Raft leaders and followers", "followers", False),
        ("Won 40 new clients and grew revenue", "new clients", True),
    ],
)
def test_software_roles_are_no_metric(text, words, head):
    c = ctx(text)
    found = [
        m
        for cat in ("product", "vanity")
        for m in mentions(c, cat)
        if c.doc[m.start : m.end].text == words
    ]
    assert found and all(m.head is head for m in found)


def test_a_hyphenated_compound_is_one_word_for_word_lists():
    c = ctx("Grew engagement post-launch at a non-profit with a check-in")
    words = [c.word(i) for i in range(len(c.doc))]
    assert words[2:5] == ["post-launch", "-", "post-launch"]
    assert {"non-profit", "check-in"} <= set(words)
    raw = "Grew engagement\u2014drove revenue"  # matching reads the em dash as '-'
    norm = normalise_for_matching(raw)
    dashed = UnitContext("bullet", raw, get_nlp()(norm), normalised=norm)
    assert [dashed.word(i) for i in range(4)] == ["grew", "engagement", "-", "drove"]
    assert c.listed(2, "metric-followers") and not c.listed(1, "metric-followers")
    assert mention("Grew engagement post-launch by 20%", "product", "engagement").head


def test_every_hyphenated_word_list_entry_is_read_as_a_compound():
    """The tokenizer splits 'check-in' in three, so a hyphenated entry of a word list that a
    check reads token by token (`ctx.lower(k) in ...`) never matches: each list holding one
    must be read through `UnitContext.listed` (or hold it only as a phrase or an entry id)."""
    import re
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    entries = tomllib.loads((root / "lexicons/terms/word_lists.toml").read_text())["entry"]
    source = "\n".join(p.read_text() for p in (root / "starkit").rglob("*.py"))
    calls = re.findall(r"(?:listed|_listed_after)\(([^)]*)\)", source)
    read_as_compound = {name for args in calls for name in re.findall(r'"([a-z-]+)"', args)}
    # lists of entry ids, and one read as a substring of the metric's text
    not_tokens = {
        "share-entries",
        "uptake-entries",
        "figured-move-entries",
        "relative-only-entries",
        "gained-count-entries",
        "campaign-rate-entries",
        "heading-entries",
        "causal-if-moved",
        "not-product-vanity",
        "lead-only-weak",
        "task-weak",
        "outcome-weak",
        "lower-is-better",
    }
    dead = {
        e["id"]: t
        for e in entries
        for t in e["terms"]
        if "-" in t.strip("-") and " " not in t and e["id"] not in read_as_compound | not_tokens
    }
    assert dead == {}
