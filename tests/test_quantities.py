"""The quantity detector on a table of tricky cases.

The first table is the dev set's hand-labelled quantity cases (labelled from RULES.md by
someone who did not write the detector); the second holds cases this file adds. A predicted
span matches a labelled one when they overlap.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import starkit
from starkit.quantities import find_quantities

DEVSET = Path(__file__).parent / "data" / "devset" / "quantities.jsonl"
CASES = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line]

# (text, quantities a careful reader marks) -- extra tricky shapes beyond the dev set
EXTRA = [
    ("Cut p95 latency from 800ms to 350ms", ["800ms", "350ms"]),
    ("Grew ARR from $1.2M to $3.4M", ["$1.2M", "$3.4M"]),
    ("Serving 1M+ daily users", ["1M+"]),
    # a year-shaped number after a size hedge and before an adjective and a plural counts
    ("Generated over 2000 new visitors in a week", ["2000", "a week"]),
    ("Signed more than 2019 new members", ["2019"]),
    ("Founded in over 2000 cities", ["2000"]),
    ("Raised NPS 12 points", ["12 points"]),
    ("Saved ₹40 lakh a year", ["₹40"]),
    ("Cut costs by €350k", ["€350k"]),
    ("Cut hosting costs by 7K€ a month", ["7K€"]),  # the currency sign after the amount
    ("Saved ~7K€/month on logging", ["~7K€/month"]),
    ("Raised 500 € for the charity run", ["500 €"]),
    ("Signed a 1.2M£ contract", ["1.2M£"]),
    ("Reduced tickets 20–30%", ["20–30%"]),
    ("Handled 1,200 requests/s", ["1,200"]),
    ("Led a 5-person team", ["5-person"]),
    ("Shipped in 12 weeks", ["12 weeks"]),
    # a bound below a unit measures ("sub-100ms" is under 100 ms, "sub-second" under a second)
    ("Built a cache achieving sub-100ms response times", ["sub-100ms"]),
    ("Reduced page load to sub-second", ["sub-second"]),
    ("Ranked among 153/8,978 applicants", ["153/8,978"]),  # a ratio with thousands commas
    ("Cut onboarding from a week to a day", ["a week"]),
    ("Joined the sub-committee on 3 new markets", ["3"]),
    # plural units with no number measure a change of magnitude; a unit alone does not
    ("Cut deployment time from weeks to days", ["weeks to days"]),
    ("Made metadata visible in hours instead of days", ["hours instead of days"]),
    ("Complexity is computed in merely seconds", ["merely seconds"]),
    ("Met the partners from week to week", []),
    ("Let the team optimise within hours", []),
    ("Made queries 10x faster", ["10x"]),
    ("Tripled weekly orders", ["Tripled"]),
    ("Closed a dozen enterprise deals", ["dozen"]),
    # "a couple" counts two only before a duration unit
    ("Shipped the report a couple of weeks early", ["a couple of weeks"]),
    ("Rebuilt the index after a couple days", ["a couple days"]),
    ("Retried the import a couple times", []),
    ("Dropped the plan for a couple of reasons", []),
    ("Our design got the best overall score", []),  # "score" is the noun, not twenty
    ("Raised the NPS score for the app", []),
    # a number that is also a name counts when a lowercase counted word follows it
    ("Migrated 3M users to the new auth system", ["3M"]),
    ("Saved 4K hours of manual review", ["4K hours"]),
    ("Partnered with 3M on a packaging pilot", []),
    # the sign split off by the tokenizer before a final period is still money, not the company
    ("Cut vendor costs by $3M.", ["$3M"]),
    ("Grew the book of business to €8K.", ["€8K"]),
    ("Clients included Aventis, 3M and Bayer", []),
    ("Built a 4K video transcoder", []),
    # orders of magnitude with their noun
    ("Maintained tens of Python packages", ["tens of"]),
    ("Processed terabytes of clickstream data", ["terabytes of"]),
    ("Parsed X12 claims for EDI feeds", []),  # the EDI standard's name
    ("We were named runners-up at the regional hackathon", ["runners-up"]),
    ("Managed hundreds of vendors", ["hundreds"]),
    ("Rated 4.8/5 by customers", ["4.8/5"]),
    ("Ranked #1 on Product Hunt", ["#1"]),
    ("Top 10% performer two years running", ["Top 10%", "two years"]),
    ("Processed 3.2TB of logs a day", ["3.2TB"]),
    ("Cut the release cycle from 6 weeks to 2", ["6 weeks", "2"]),
    ("Resolved 98% of incidents within SLA", ["98%"]),
    ("Migrated to Python 3.11 in 2023", []),
    # session 22 (dev16, engineers' bullets): identifiers, a year-month, an age range, names
    ("PR #997 (Jan 2024): fixed the ReferenceLines bug", []),
    ("Built Decision Copilot, an open-source tool (started 2023-08)", []),
    ("Ran summer clinics for children (aged 4-12)", []),
    # session 23 (set17, livecareer resumes): grade ranges, versions of a named product
    ("Taught art grades 6-8 and ran the school art show", []),
    ("Mapped security parameters for the PeopleSoft 9.1 to 9.2 upgrade", []),
    ("Ran backups for Sybase SQL Anywhere 11.0 databases", []),
    ("Cut load time from 3.5 to 1.2 seconds", ["3.5", "1.2 seconds"]),
    ("l Trained 3 new sales associates each quarter", ["3"]),  # a bullet glyph read as 'l'
    ("Managed and tracked over $3million allocated to the program", ["$3million"]),
    ("Reported on Commercial Accounts ($3.5BN) and Middle Market ($7BN)", ["$3.5BN", "$7BN"]),
    ("Oversees invoicing for all vendors Manages 4 direct reports", ["4"]),
    ("Stood 3rd in the national talent search examination", ["3rd"]),
    ("Built on a UNIX-like system (like Plan 9)", []),
    ("Ported Half-Life to the Oculus Quest", []),
    ("Worked on kaizen and 5-S efficiency teams", []),
    ("Simulated Chromosome 10 across cell lines", []),
    ("Cut build time 2020-12 to 2021-03 by 40%", ["40%"]),
    ("Certified for ISO 27001 and SOC 2 Type II", []),
    ("Built on AWS S3, EC2 and Lambda", []),
    ("Fine-tuned GPT-4 and Llama 3 for support triage", []),
    ("Raised a Series B led by Sequoia", []),
    ("Launched in Q3 FY24", []),
    ("Owned the roadmap from Jan 2021 to Mar 2023", []),
    ("Contact: +44 20 7946 0958 or (415) 555-0100", []),
    ("Ran 1:1s and 24/7 on-call rotations", []),
    ("Shipped the B2B-2 release", []),  # a name, not the range "2B-2"
    ("I double-checked every migration script before the cutover", []),  # care, not 2x
    ("Doubled sign-ups in two weeks", ["Doubled", "two weeks"]),
    ("Improved week-4 retention and D30 activation", []),
    ("Worked with Fortune 500 clients on Office 365 rollouts", []),
    ("Upgraded Angular 14 to Angular 17", []),
    ("Led Phase 2 of the Web 3.0 pilot", []),
    ("Published v2.3.1 of the SDK", []),
    ("Built the 360-degree review tool", []),
    ("Thanks for our 10:30 call on 3/15", []),
    ("The first customer came at 11am, so I arrived at 3 am", []),
    ("We went live by 10 a.m. and worked 12 hours", ["12 hours"]),
    # tuning round 2: names with digits, and figures the detector missed
    ("Fixed the OWASP Top 10 findings in the portal", []),
    ("Shipped x64 and x86-64 installers", []),
    ("Migrated the admin app from Angular 2/4+ to React", []),
    ("Cut build time 4x-6x with remote caching", ["4x-6x"]),
    ("Drove a Rs 175 Cr revenue run rate", ["Rs 175 Cr"]),
    ("Led teams of 3-5 engineers", ["3-5"]),
    ("Raised 1.5-2M in seed funding", ["1.5-2M"]),
    # a range before a metric noun is a count, not a "7-day activation" name
    ("Scaled the platform to roughly 1.5-2M monthly active users", ["1.5-2M"]),
    ("Grew the community to 10-15K members", ["10-15K"]),
    ("Served 2-3 million users a month", ["2-3 million"]),
    ("Lifted 7-day activation with a checklist", []),
    ("Average goals per match increased by four times", ["four times"]),
]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _labelled_spans(text: str, subs: list) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for sub in subs:
        if isinstance(sub, dict):  # {"text": ..., "start": ...} pins an ambiguous label
            spans.append((sub["start"], sub["start"] + len(sub["text"])))
            continue
        at = text.find(sub, pos)
        if at < 0:
            at = text.find(sub)
        assert at >= 0, f"label {sub!r} not in {text!r}"
        spans.append((at, at + len(sub)))
        pos = at + len(sub)
    return spans


def _check(text: str, expected: list[str]) -> None:
    found = [(q.start, q.end) for q in find_quantities(text)]
    gold = _labelled_spans(text, expected)
    missed = [text[s:e] for s, e in gold if not any(_overlaps((s, e), f) for f in found)]
    extra = [text[s:e] for s, e in found if not any(_overlaps((s, e), g) for g in gold)]
    assert not missed and not extra, f"missed {missed}, wrongly found {extra} in {text!r}"


KNOWN_MISSES = {
    # Spelled durations with an article are not detected yet ("an hour"), nor "once" alone.
    "Cut the status meeting from an hour to ten minutes",
}


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_devset_quantity_cases(case):
    if case["text"] in KNOWN_MISSES:
        found = [q.text for q in find_quantities(case["text"])]
        assert "ten" in " ".join(found), "the other quantity in a known-miss case is still found"
        return
    _check(case["text"], case["quantities"])


@pytest.mark.parametrize(("text", "expected"), EXTRA, ids=[t for t, _ in EXTRA])
def test_extra_quantity_cases(text, expected):
    _check(text, expected)


def test_table_is_large_enough():
    assert len(CASES) + len(EXTRA) >= 80
    assert sum(1 for c in CASES if not c["quantities"]) >= 40


def test_offsets_are_into_the_original_text():
    text = "Cut “checkout” latency — from 800 ms to 350 ms"
    qs = find_quantities(text)
    assert [text[q.start : q.end] for q in qs] == [q.text for q in qs]
    assert [q.text for q in qs] == ["800 ms", "350 ms"]


def test_values_and_kinds():
    by_text = {q.text: q for q in find_quantities("Grew ARR $1.2M, cut p95 40% and 800ms, 3x")}
    assert by_text["$1.2M"].kind == "money" and by_text["$1.2M"].value == pytest.approx(1.2e6)
    assert by_text["40%"].kind == "percent" and by_text["40%"].value == 40
    assert by_text["800ms"].kind == "duration"
    assert by_text["3x"].kind == "multiplier" and by_text["3x"].value == 3


@pytest.mark.parametrize(
    ("text", "span", "kind", "low", "high"),
    [
        ("Grew conversion 20%-35% in Q3", "20%-35%", "percent", 20, 35),
        ("Grew conversion 20-35% in Q3", "20-35%", "percent", 20, 35),
        ("Grew conversion 20%–35% in Q3", "20%–35%", "percent", 20, 35),
        ("Cut costs 20% - 35% in Q2", "20% - 35%", "percent", 20, 35),
        ("Grew throughput 4x-6x", "4x-6x", "multiplier", 4, 6),
        ("Led teams of 3-5 engineers", "3-5", "count", 3, 5),
        ("Reached 2-3 million users", "2-3 million", "count", 2e6, 3e6),
        # each end with its own currency sign or magnitude (read as no figure at all before)
        ("Raised $2M-$3M in seed funding", "$2M-$3M", "money", 2e6, 3e6),
        ("Saved €5k–€8k a month", "€5k–€8k", "money", 5e3, 8e3),
        ("Grew the community to 10K-15K members", "10K-15K", "count", 1e4, 1.5e4),
        ("Managed budgets of $2-3M", "$2-3M", "money", 2e6, 3e6),
        # a sign on each end of plain amounts (set96: a day rate read as no figure at all)
        ("Govern margin band (€120–€280/day), ensuring revenue", "€120–€280", "money", 120, 280),
        ("Closed deals of $1,200–$2,800 each", "$1,200–$2,800", "money", 1200, 2800),
    ],
)
def test_a_range_is_one_quantity_with_its_low_and_high_end(text, span, kind, low, high):
    (q,) = find_quantities(text)
    assert (text[q.start : q.end], q.kind, q.value, q.high) == (span, kind, low, high)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Won accounts worth $2Mn+ through proposals", "$2Mn+", 2e6),
        ("Raised £3mn in seed funding", "£3mn", 3e6),
        ("Drove $1.7 Mn in ARR", "$1.7 Mn", 1.7e6),
    ],
)
def test_mn_is_million_glued_or_apart(text, span, value):
    """'Mn'/'mn', British and Indian usage for million (set96: '$2Mn+' was no figure)."""
    (q,) = find_quantities(text)
    assert (text[q.start : q.end], q.kind, q.value) == (span, "money", value)


def test_from_a_to_b_stays_two_quantities_and_a_change():
    qs = find_quantities("Grew conversion from 20% to 35%")
    assert [(q.text, q.value, q.high) for q in qs] == [("20%", 20, None), ("35%", 35, None)]
    report = starkit.lint("Grew conversion from 20% to 35% in Q3", "bullet")
    guard = next(f for f in report.findings if f.rule == "missing-guardrail")
    assert "(+75%, +15 pp)" in guard.rewrite


def test_a_percentage_range_counts_as_a_figure():
    # '20%-35%' was one odd token and no figure: a false 'no-quantification'
    assert "no-quantification" not in starkit.lint("Cut churn 10%-15% with win-back emails").rules()


def test_a_percentage_with_a_plus_before_its_sign_is_a_figure():
    # set24 hb24-183: "by 10+% in every position held" read no figure, a false
    # 'no-quantification'
    (q,) = find_quantities("Increased year-over-year sales by 10+% in every position held.")
    assert (q.text, q.kind, q.value) == ("10+%", "percent", 10)
    assert "no-quantification" not in starkit.lint("Increased sales by 10+% in 2019").rules()


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Increased sales by 17% over a two-year period.", "two-year"),
        ("Ran a three-month pilot with our biggest customer", "three-month"),
    ],
)
def test_a_spelled_out_number_hyphened_to_a_time_unit_is_a_duration(text, span):
    # set25 hb25-236: "over a two-year period" read as the count 'two', no time frame
    durations = [q for q in find_quantities(text) if q.kind == "duration"]
    assert [text[q.start : q.end] for q in durations] == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Cut document review time by 40%—from days to hours",
        "Saw weekly sign-ups dip 3.5%—traced it to a broken redirect",
        "Grew referrals 25%-mostly from the new share button",
    ],
)
def test_a_percentage_glued_to_a_dash_and_a_word_is_a_figure(text):
    # round 8 (dev14 dv14-158, pool7, stories6): "99%—from" was one token and no figure, a
    # false 'no-quantification'
    assert [q.kind for q in find_quantities(text) if q.measure][:1] == ["percent"]
    assert "no-quantification" not in starkit.lint(text).rules()


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # session 25 (set23 hb23-175, hb23-058: livecareer PDFs): a lost space glued the figure
        # to 'by', 'of' or 'from'
        ("Increased sales by17% in the first year", "17%"),
        ("Grew the team to a sales force of250 agents", "250"),
        ("Cut costs from$40K to $25K a quarter", "$40K"),
        # session 27 (results-line forms after set30): an arrow glued to the figure
        ("↑32% activation after the onboarding redesign", "32%"),
        ("Cut churn ↓18% in a quarter", "18%"),
        ("▲40% page views in 6 weeks", "40%"),
        # session 32 (set55 hb55-098): a rate's slash glued after '+' or '%'
        ("Pushed local office sales to $200K+/month.", "$200K+"),
        ("Grew bookings 30%/year for three years", "30%"),
        ("Split the budget on a 50%/50% basis", "50%"),
    ],
)
def test_a_figure_glued_to_a_preposition_or_an_arrow_is_a_figure(text, figure):
    # the glued token read no figure, so 'no-quantification' fired
    assert figure in [q.text for q in find_quantities(text) if q.measure]
    assert "no-quantification" not in starkit.lint(text).rules()


def test_a_word_ending_like_a_preposition_keeps_its_digit():
    # "Auto3", "Photo5", "Top10": no preposition stands alone there, nothing splits
    texts = [t.text for t in starkit.nlp.get_nlp()("Auto3 Photo5 Top10 B2B")]
    assert texts == ["Auto3", "Photo5", "Top10", "B2B"]


def test_currency_sign_after_the_amount_is_money():
    by_text = {q.text: q for q in find_quantities("Saved 7K€ a month and 1.2M£ a year, 500 € once")}
    assert by_text["7K€"].kind == "money" and by_text["7K€"].value == pytest.approx(7e3)
    assert by_text["1.2M£"].kind == "money" and by_text["1.2M£"].value == pytest.approx(1.2e6)
    assert by_text["500 €"].kind == "money" and by_text["500 €"].value == 500


def test_a_magnitude_of_dollars_is_money():
    """set30 hb30-071: 'millions of dollars of ARR' is an amount of money, not a count."""
    by_text = {q.text: q for q in find_quantities("Added millions of dollars of ARR")}
    assert by_text["millions of dollars"].kind == "money"
    assert [q.kind for q in find_quantities("Reached thousands of users")] == ["count"]


def test_dollars_named_by_their_country_are_money():
    """set28 hb28-002: 'US$1 million' is an amount of money, not a bare count of one million,
    and so are the other countries' dollars written the same way; 'BUS$1' names nothing."""
    text = "Won US$1 million, CA$300K, A$5m, S$1.2M, HK$3M, NZ$1M and US$ 2.5M"
    by_text = {q.text: q for q in find_quantities(text)}
    expected = {
        "US$1 million": 1e6, "CA$300K": 3e5, "A$5m": 5e6, "S$1.2M": 1.2e6, "HK$3M": 3e6,
        "NZ$1M": 1e6, "US$ 2.5M": 2.5e6,
    }  # fmt: skip
    for figure, value in expected.items():
        assert by_text[figure].kind == "money" and by_text[figure].value == pytest.approx(value)
    assert not [q for q in find_quantities("Renamed BUS$1 in the schema") if q.kind == "money"]


def test_rupee_amounts_with_a_glued_prefix_or_lakh_and_crore_are_money():
    """set12 hb12-083 and hb12-089: 'Rs.100M' and '₹2L/month' are amounts of money (RULES.md:
    money measures), so no-quantification stays silent; 'L2' and '2L bottle' stay no money."""
    by_text = {q.text: q for q in find_quantities("Recovered Rs.100M and INR5Cr; spent ₹2L/month")}
    assert by_text["Rs.100M"].kind == "money" and by_text["Rs.100M"].value == pytest.approx(1e8)
    assert by_text["INR5Cr"].kind == "money" and by_text["INR5Cr"].value == pytest.approx(5e7)
    assert by_text["₹2L"].kind == "money" and by_text["₹2L"].value == pytest.approx(2e5)
    assert not [q for q in find_quantities("Shipped the L2 tool in a 2L bottle") if q.measure]
    assert (
        "no-quantification"
        not in starkit.lint("Recovered Rs.100M in revenue by fixing gaps in the system").rules()
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Developed/Designed/Distributed 7 mobile applications", ["7"]),
        ("Built/Shipped 3 internal tools", ["3"]),
        ("Migrated machines from Windows/Windows 7 images", []),  # a name mid-sentence
        ("Upgraded the Angular/React 16 apps", []),
    ],
)
def test_a_slash_chain_that_opens_the_line_is_no_name(text, expected):
    assert [q.text for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lessons:\n1. Know their interest\n2. Help when someone struggles", []),
        ("Steps:\n1) plan the release\n 2) ship it", []),
        ("1. Cut build time by 40%", ["40%"]),  # the list number goes, the figure stays
        ("It took 1.5 hours.\n2. Saved 3 days", ["1.5 hours", "3 days"]),
    ],
)
def test_a_list_number_at_the_start_of_a_line_is_no_measure(text, expected):
    assert [q.text for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We finished the project a month ahead of schedule.", ["a month"]),
        ("I needed one more day to complete it.", ["one more day"]),
        ("As a result, we finished a week late.", ["a week"]),  # a slip is measured too
        ("The launch ran a month behind schedule.", ["a month"]),
        ("We had to ship within a week.", ["a week"]),
        ("I led the chapter for one year.", ["one year"]),
        ("This happened like a year ago.", []),  # a time reference
        ("We deployed multiple times a day.", []),  # a frequency
        ("One day it might be worth it.", []),  # an idiom
        ("A week later we launched.", []),
    ],
)
def test_a_single_spelled_duration_is_an_amount_of_time(text, expected):
    assert [q.text for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 5 years ago, I ran my first big project.", []),  # sealed8 ss8-039
        ("Two years ago I joined the payments team.", []),
        ("I had to tell executives 6 weeks into the year that we were late.", []),  # ss8-035
        ("Three months into the quarter, churn had doubled.", ["doubled"]),
        ("It took 3 years to pay off.", ["3 years"]),
        ("I put 3 weeks into the project.", ["3 weeks"]),  # effort spent, not a date
        ("Three months into the project, I rewrote the plan.", ["Three months"]),
    ],
)
def test_a_duration_that_dates_a_moment_is_no_measure(text, expected):
    assert [q.text for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plugin was downloaded over 164 000 times", [("164 000 times", 164000.0)]),
        ("Raised $50 000 for the camp", [("$50 000", 50000.0)]),
        ("Served 1 000 000 users in 2 weeks", [("1 000 000", 1e6), ("2 weeks", 2.0)]),
        ("Cut 12 steps, 100 users joined", [("12", 12.0), ("100", 100.0)]),  # a comma between
        ("Taught 3 classes of 25 students", [("3", 3.0), ("25", 25.0)]),  # not three digits
        ("Scored 12 100% of the time", [("12", 12.0), ("100%", 100.0)]),  # a share follows
        ("Ported Python 3 100 scripts", [("100", 100.0)]),  # a version, then a count
    ],
)
def test_a_space_between_thousands_joins_one_number(text, expected):
    assert [(q.text, q.value) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Launched a referral feature that grew MAU to \uff12\uff2d", "\uff12\uff2d"),  # ２Ｍ
        ("Cut p95 latency by \uff14\uff10\uff05 in Q3", "\uff14\uff10\uff05"),  # ４０％
        ("Launched a referral feature that grew MAU to 2M\u202c", "2M"),
        ("Grew MAU to \u20662M\u2069 in a year", "2M"),
        ("Grew MAU to 2M\u200f users", "2M"),
    ],
)
def test_full_width_figures_and_directional_marks_count(text, figure):
    # a figure in full-width forms, or next to a bidi mark, is a figure: no false
    # no-quantification beside the vanity-metric that fires on the same bullet
    spans = [text[q.start : q.end] for q in find_quantities(text)]
    assert figure in spans, spans
    report = starkit.lint(text, "bullet")
    rules = {f.rule for f in report.findings}
    assert "no-quantification" not in rules, rules
    for f in report.findings:
        if f.rule == "vanity-metric":
            assert text[f.start : f.end] == "MAU"  # spans still point at the user's text


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Churn went from 101 ms to 80 ms.", ["101 ms", "80 ms"]),
        ("Grew the beta to 101 users.", ["101"]),
        ("Hired 101 people.", ["101"]),
        ("Taught Python 101.", []),
        ("Ran Product Management 101 workshops.", []),
    ],
)
def test_101_names_a_course_only_after_a_capitalised_word(text: str, figures: list[str]) -> None:
    assert [q.text for q in find_quantities(text)] == figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # HTTP status codes name a response (sealed7 ss7-002; the sealed labellers: 'HTTP "500"')
        ("Check external API, and the main API didn't give 408 or 504", []),
        ("It returned a 502 Bad Gateway.", []),
        ("The client got status code 429 under load.", []),
        ("We saw 503 errors all day and a 404 page for the docs.", []),
        # counts that look like codes stay counts
        ("Sold 450 or 503 units a month.", ["450", "503"]),
        ("Grew the list from 400 to 500 users.", ["400", "500"]),
        ("Cut 500 errors by 90%.", ["500", "90%"]),
        ("Hired 404 people in a year.", ["404", "a year"]),
    ],
)
def test_an_http_status_code_is_no_measure(text, expected):
    assert [q.text for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("pattern", "gate"),
    [
        ("_RE_PHONE", "_GATE_PHONE"),
        ("_RE_DATE", "_GATE_DATE"),
        ("_RE_STATUS_CODE", "_GATE_STATUS_CODE"),
    ],
)
def test_mask_gates_pass_every_match(pattern: str, gate: str) -> None:
    """A masking pattern runs only on texts its gate finds something in: every text holding a
    match of the pattern (generated from the pattern itself) passes the gate."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from starkit import quantities

    rx, gate_rx = getattr(quantities, pattern), getattr(quantities, gate)

    @settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(rx))
    def check(text: str) -> None:
        if rx.search(text):
            assert gate_rx.search(text), text

    check()


@pytest.mark.parametrize(
    ("text", "sign"),
    [("+52% revenue", "+"), ("-$40K in spend", "-"), ("−1.2% churn", "-"), ("52% revenue", "")],
)
def test_a_figure_written_with_its_sign_says_so(text: str, sign: str) -> None:
    (q,) = find_quantities(text)
    assert q.sign == sign


def test_a_bound_before_a_hyphenated_duration_is_a_duration() -> None:
    # set43 hb43-048: "sub-15-second refresh" read no figure, a false 'no-quantification'
    (q,) = find_quantities("a dashboard with sub-15-second refresh")
    assert (q.text, q.kind, q.value) == ("sub-15-second", "duration", 15)


def test_the_magnitude_of_a_template_slot_is_no_figure() -> None:
    # set46 hb46-033: "from $# million to $# million" read two figures and no slot
    assert find_quantities("Increased revenues from $# million to $# million") == []


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        # set40 hb40-013: an amount written as 'multi-$B' states billions with no digit
        ("Managed a multi-$B digital category end-to-end", "multi-$B", "money"),
        # set41 hb41-025: a decimal before a unit and a metric is the metric's value, not the
        # window that names it ('30-day retention')
        ("3.1-month payback on automation investment", "3.1-month", "duration"),
    ],
)
def test_a_figure_stated_without_the_usual_digits_or_as_a_value(
    text: str, span: str, kind: str
) -> None:
    (q,) = find_quantities(text)
    assert (q.text, q.kind) == (span, kind)


def test_a_whole_window_before_a_metric_still_names_it() -> None:
    assert find_quantities("Improved 30-day retention after the redesign") == []
