"""Story rules: what the contract says beyond the examples (boundaries, messages, scope)."""

from __future__ import annotations

import pytest

import starkit

BASE = (
    "Situation: Our checkout lost 70% of mobile users at the payment step.\n"
    "Task: I owned getting completion back above 40% before the holidays.\n"
    "Action: I ran 5 user interviews, I rewrote the flow as one page and I set up an A/B test "
    "with refund rate as the guardrail.\n"
    "Result: Completion rose from 30% to 41% in 6 weeks with refunds flat.\n"
)


def _pad(text: str, words: int) -> str:
    """The story with filler added to the Situation until it has exactly `words` spoken
    words (its four labels are not said aloud)."""
    have = len(text.split()) - 4
    filler = " ".join(["context"] * (words - have))
    return text.replace("step.\n", f"step. {filler}\n", 1)


def test_answer_length_boundaries_and_estimate():
    assert "answer-length" not in starkit.lint(_pad(BASE, 300), "story").rules()
    assert "answer-length" not in starkit.lint(_pad(BASE, 600), "story").rules()
    short = starkit.lint(_pad(BASE, 299), "story")
    msg = next(f.message for f in short.findings if f.rule == "answer-length")
    assert msg.startswith("299 words is about 2 min 00 s spoken")  # 119.6 s, rounded
    long = starkit.lint(_pad(BASE, 601), "story")
    assert "answer-length" in long.rules()
    assert long.units[0].details["spoken_time"] == "4 min 00 s"


def test_missing_sections_are_named_in_order():
    text = "Task: I owned the fix.\nAction: I shipped a one-page checkout in 3 weeks."
    f = next(f for f in starkit.lint(text, "story").findings if f.rule == "star-missing-section")
    assert f.message == "Missing STAR section(s): Situation, Result."
    assert "Situation: <" in f.suggestion and "Result: <metric>" in f.suggestion


def test_we_not_i_counts_only_the_action():
    text = BASE.replace(
        "Action: I ran 5 user interviews, I rewrote the flow as one page and I set up",
        "Action: We ran 5 user interviews, we rewrote the flow as one page and I set up",
    )
    f = next(f for f in starkit.lint(text, "story").findings if f.rule == "we-not-i")
    assert f.message.startswith("The Action says 'we' 2 times and 'I' once")
    assert text[f.start : f.end].startswith("We ran 5 user interviews")
    # "we" in the Situation does not count
    situ = BASE.replace("Our checkout lost", "We saw our checkout lose")
    assert "we-not-i" not in starkit.lint(situ, "story").rules()


def test_result_without_a_figure():
    text = BASE.replace(
        "Completion rose from 30% to 41% in 6 weeks with refunds flat.", "Customers loved it."
    )
    report = starkit.lint(text, "story")
    f = next(f for f in report.findings if f.rule == "result-unquantified")
    assert text[f.start : f.end] == "Customers loved it."
    assert "no-quantification" not in report.rules()  # the story has figures elsewhere


def test_story_with_no_figure_fires_both_quantification_rules():
    text = (
        "Situation: Our checkout was slow. Task: I had to fix it. "
        "Action: I rewrote the page. Result: Customers were happier."
    )
    assert {"no-quantification", "result-unquantified"} <= starkit.lint(text, "story").rules()


def test_section_shares_in_details():
    report = starkit.lint(BASE, "story")
    shares = {s["name"]: s["share"] for s in report.units[0].details["sections"]}
    assert set(shares) == {"situation", "task", "action", "result"}
    assert shares["action"] == max(shares.values())
    assert abs(sum(shares.values()) - 1.0) < 0.1


def test_weak_verb_in_task_is_silent_but_fires_in_result():
    task = BASE.replace("Task: I owned", "Task: I was responsible for")
    assert "weak-verb" not in starkit.lint(task, "story").rules()
    result = BASE.replace("Result: Completion rose", "Result: I helped completion rise")
    assert "weak-verb" in starkit.lint(result, "story").rules()


def test_story_suggestions_rewrite_one_sentence():
    text = BASE.replace("Completion rose from 30% to 41% in 6 weeks", "Completion rose greatly")
    report = starkit.lint(text, "story")
    vague = next(f for f in report.findings if f.rule == "vague-language")
    assert "Situation" not in vague.suggestion and "Action" not in vague.suggestion
    assert vague.suggestion.startswith("Result: Completion rose")
    # the structured rewrite is that sentence, with the span of the text it replaces
    assert vague.rewrite.startswith("Result: Completion rose")
    assert report.text[vague.rewrite_start : vague.rewrite_end].startswith("Result: Completion")
    accepted = vague.apply_rewrite(report.text)
    assert accepted.startswith("Situation: Our checkout lost 70%")
    assert "greatly" not in accepted and "<X>%" in accepted


PROSE_NO_TASK = (
    "In 2022 our support queue had doubled and customers waited days for answers. We built a "
    "triage bot and rewrote 40 help articles. We also trained the team on the new macros. The "
    "backlog fell from 1,200 to 500 tickets in ten weeks."
)


def test_missing_section_in_prose_uses_the_calibrated_presence(monkeypatch):
    """Unlabelled prose: a Situation or Task the decoder left out is named missing only when no
    sentence reads as it with the rule's calibrated probability (`present_at_task`, set so
    that only an overwhelming absence fires: the blind labellers infer a Task from context)."""
    from starkit.story import segment

    assert "star-missing-section" not in starkit.lint(PROSE_NO_TASK, "story").rules()
    real = segment.section_presence

    def no_task(text: str) -> dict[str, float] | None:
        found = real(text)
        return None if found is None else {**found, "task": 0.05}

    monkeypatch.setattr(segment, "section_presence", no_task)
    f = next(
        f for f in starkit.lint(PROSE_NO_TASK, "story").findings if f.rule == "star-missing-section"
    )
    assert f.message.endswith("Task.")


def test_a_labelled_situation_acted_on_gives_the_task():
    """A labelled story with a Situation and an Action has the Task of meeting that Situation
    (RULES.md "labelled or inferred"; the blind labellers of sealed5 infer it so); one with
    neither a Situation nor a Task label lacks both."""
    labelled = "Situation: Our queue doubled.\nAction: I built a triage bot.\nResult: It fell 40%."
    assert "star-missing-section" not in starkit.lint(labelled, "story").rules()
    bare = "Action: I built a triage bot.\nResult: The queue fell 40%."
    f = next(f for f in starkit.lint(bare, "story").findings if f.rule == "star-missing-section")
    assert f.message == "Missing STAR section(s): Situation, Task."


LESSON_END = (
    "Last semester I was captain of the debate team. A few members kept skipping practice. "
    "So I met each of them and I set up a shared schedule. I learned a lot about leadership."
)


def test_unlabelled_prose_with_no_stated_outcome_lacks_its_result():
    """A closing lesson is no Result: star-missing-section names the Result, and
    result-unquantified stays silent (it judges a Result that is there)."""
    report = starkit.lint(LESSON_END, "story")
    msg = next(f.message for f in report.findings if f.rule == "star-missing-section")
    assert msg == "Missing STAR section(s): Result."
    assert "result-unquantified" not in report.rules()
    told = LESSON_END.replace("I learned a lot about leadership.", "In the end everyone came.")
    report = starkit.lint(told, "story")
    assert "star-missing-section" not in report.rules()
    assert "result-unquantified" in report.rules()
    counted = told.replace("everyone came.", "all 12 members came.")
    assert "result-unquantified" not in starkit.lint(counted, "story").rules()


def test_we_not_i_counts_every_action_sentence_in_prose():
    """The Action of an unlabelled answer is every sentence that tells an action, so a
    team's 'we' told after the candidate's one 'I' sentence is counted."""
    text = (
        "In my software class one teammate was not doing her part. I noticed it first. "
        "So we all sat down and we talked to her. We then split our work again and we met "
        "twice a week."
    )
    report = starkit.lint(text, "story")
    msg = next(f.message for f in report.findings if f.rule == "we-not-i")
    assert msg.startswith("The Action says 'we' ")


def test_weak_verb_in_a_story_judges_the_candidates_own_part():
    """Help the candidate received, a role stated with 'be' and a duty after 'to' are not the
    candidate's weak achievement in unlabelled prose; in a labelled Action they are."""
    received = (
        "Last summer I built a booking page for our lab. People kept booking the same robot "
        "twice. I wrote the page with a grad student helping me. In the end the clashes stopped."
    )
    role = (
        "Last year our partner cancelled our club trip. I was the person in charge of "
        "organizing the trip, so I called every member. In the end the trip went ahead."
    )
    duty = (
        "Our sorority held a fashion show. All of them had to participate in some way, so I "
        "set up a sign-up sheet. In the end every member took part."
    )
    for text in (received, role, duty):
        assert "weak-verb" not in starkit.lint(text, "story").rules(), text
    labelled = "Situation: Our trip partner cancelled.\nAction: I was in charge of finding one."
    assert "weak-verb" in starkit.lint(labelled, "story").rules()
    own = "Last year our trip partner cancelled. I helped the team find a new one in a week."
    assert "weak-verb" in starkit.lint(own, "story").rules()


def test_an_elided_word_opens_no_quote_in_a_story():
    """Spoken transcripts write "'cause" and "'em": the apostrophe opens no quoted passage, so
    a hedge after it is still the speaker's; a phrase quoted and closed stays exempt."""
    said = "We had problems 'cause it was new. So we had a lot of meetings and I fixed it."
    assert "vague-language" in starkit.lint(said, "story").rules()
    quoted = "Our motto was 'a lot of small wins' and I ran 3 retros. In the end it worked."
    assert "vague-language" not in starkit.lint(quoted, "story").rules()


def test_quote_closes_after_equals_its_definition():
    from starkit.nlp import get_nlp
    from starkit.rules.context import UnitContext

    text = "He said 'a lot' and 'cause it's x\nnew \"q line 'tis rock'n'roll x' y"
    ctx = UnitContext("story", text, get_nlp()(text))
    for pos in range(len(text) + 1):
        end = text.find("\n", pos)
        after = text[pos : len(text) if end < 0 else end]
        closes = any(
            ch == "'"
            and k > 0
            and after[k - 1].isalnum()
            and (k + 1 >= len(after) or not after[k + 1].isalnum())
            for k, ch in enumerate(after)
        )
        # a quote at the offset itself may close against the text before it
        if after[:1] == "'" and pos > 0 and text[pos - 1].isalnum():
            closes = closes or pos + 1 >= len(text) or not text[pos + 1].isalnum()
        want = '"' in after or closes
        assert ctx.quote_closes_after(pos) == want, pos


def test_we_not_i_does_not_count_the_country():
    text = (
        "Situation: Most teams came from US universities.\nTask: Win the design contest.\n"
        "Action: I chose the design with the US team and the US coach.\n"
        "Result: We placed 2nd of 40."
    )
    assert "we-not-i" not in starkit.lint(text, "story").rules()
    plural = text.replace("the US team and the US coach", "us and our coach")
    assert "we-not-i" in starkit.lint(plural, "story").rules()


# A story bank entry may hold two STAR cycles in one unit; each name is kept once in the merged
# sections, so the rules read the sentence labels to find every Result and every Action.
TWO_CYCLES = (
    "Situation:\nOur checkout lost most mobile users at the payment step before the holidays.\n"
    "Task:\nI owned the fix and had to get the flow rebuilt before the holiday freeze.\n"
    "Action:\nI ran user interviews, I rewrote the flow as one page and I ran an A/B test.\n"
    "Result:\nCustomers loved the new page and the sales team used it in every pitch.\n"
    "Situation:\nSupport was swamped by {what}.\n"
    "Task:\nI had to cut the queue.\n"
    "Action:\nI met 12 agents.\n"
    "Result:\n{result}\n"
)


def test_result_unquantified_reads_every_labelled_result_of_a_multi_cycle_story():
    plain = TWO_CYCLES.format(what="refund requests", result="The queue became manageable.")
    assert "result-unquantified" in starkit.lint(plain, "story").rules()  # "12" is an Action
    figure = TWO_CYCLES.format(what="refund requests", result="The queue fell by 40 tickets.")
    assert "result-unquantified" not in starkit.lint(figure, "story").rules()


def test_a_guardrail_in_a_later_cycles_result_is_named():
    held = TWO_CYCLES.format(
        what="refund requests",
        result="Conversion rose from 2% to 3% in a quarter and we prevented customer churn.",
    )
    assert "missing-guardrail" not in starkit.lint(held, "story").rules()
    bare = TWO_CYCLES.format(
        what="refund requests", result="Conversion rose from 2% to 3% in a quarter."
    )
    assert "missing-guardrail" in starkit.lint(bare, "story").rules()


def test_a_later_cycles_situation_is_no_result():
    # "by 30%" in the second Situation is background, not a Result figure with no baseline
    text = TWO_CYCLES.format(
        what="requests that grew by 30%", result="The queue fell from 900 to 300 tickets."
    )
    assert "missing-baseline" not in starkit.lint(text, "story").rules()


def test_a_background_change_in_the_opening_is_no_result():
    lesson = (
        "Our sign-ups had dropped 15% after the redesign. As the PM for onboarding, I owned the "
        "fix. I ran five user interviews and rewrote the first screen. Looking back, I would "
        "have tested the redesign with users before launch."
    )
    report = starkit.lint(lesson, "story")
    f = next(f for f in report.findings if f.rule == "star-missing-section")
    assert f.message == "Missing STAR section(s): Result."
    assert "result-unquantified" not in report.rules()  # no Result: only the missing section
    told = lesson.replace(
        "Looking back, I would have tested the redesign with users before launch.",
        "Sign-ups recovered to their old level within a month.",
    )
    assert "star-missing-section" not in starkit.lint(told, "story").rules()


def test_a_work_post_and_a_stated_disagreement_give_the_task_and_situation():
    from starkit.story.segment import section_presence

    post = "Our releases kept slipping. I was the release manager. I added a go/no-go review."
    clash = "Two teams disagreed on build or buy. I set up a spike for each option."
    assert section_presence(post)["task"] == 1.0
    assert section_presence(clash)["situation"] == 1.0
    assert section_presence("I was working with the manager on it. I added a review.")["task"] < 1.0


PARTLY = (
    "Situation: Our release process was slow and error-prone.\n"
    "I was asked to make releases safe to run every day.\n"
    "I automated the build, the tests and the rollout checks.\n"
)


def test_a_story_labelled_only_on_its_first_line_reads_the_rest_as_prose():
    done = starkit.lint(PARTLY + "This led to much faster and calmer releases.", "story").rules()
    assert "star-missing-section" not in done
    assert "result-unquantified" in done  # the unlabelled closing line is the Result
    measured = PARTLY + "This cut release time from 2 days to 3 hours."
    assert not {"star-missing-section", "result-unquantified"} & set(
        starkit.lint(measured, "story").rules()
    )
    lesson = PARTLY + "Looking back, I would have asked the team earlier."
    f = next(f for f in starkit.lint(lesson, "story").findings if f.rule == "star-missing-section")
    assert f.message == "Missing STAR section(s): Result."


def test_a_story_whose_labels_hold_every_line_stays_labelled():
    text = "Task: I owned releases.\nAction: I automated the build.\nResult: It worked out."
    f = next(f for f in starkit.lint(text, "story").findings if f.rule == "star-missing-section")
    assert f.message == "Missing STAR section(s): Situation."


def test_a_guardrail_watched_in_the_action_is_named():
    """A guardrail-type metric governed by a watch verb in the Action ('we tracked ... error
    rates') is a counter-metric; the same metric cut there is a lever, and in a bullet a watch
    verb names no guardrail."""
    base = (
        "Situation: Checkout lost half of new buyers.\nTask: I owned the fix.\nAction: I rebuilt "
        "the checkout flow and {}.\nResult: Conversion improved from 4% to 5% in one quarter."
    )
    watched = base.format("we tracked conversion rates, time-to-complete, and error rates")
    assert "missing-guardrail" not in starkit.lint(watched, "story").rules()
    cut = base.format("cut error rates in the form")
    assert "missing-guardrail" in starkit.lint(cut, "story").rules()
    far = base.format(
        "we tracked the weekly numbers in a shared sheet for all of the teams, then later fixed "
        "error rates"
    )
    assert "missing-guardrail" in starkit.lint(far, "story").rules()


def test_a_from_to_span_after_a_relative_figure_is_its_baseline_in_a_story():
    """'20% growth in client base, from about 50 to 60 clients' restates the change with its
    start value; a 'from ... to' of another change ('we cut lead time from ...') does not."""
    head = "Situation: A competitor was about to launch.\nTask: I owned our launch.\nAction: I "
    head += "wrote the specs.\nResult: "
    restated = head + "Roughly 20% growth in client base, from about 50 to 60 clients."
    assert "missing-baseline" not in starkit.lint(restated, "story").rules()
    other = head + "Sign-ups grew by 20%, and we cut lead time from 2 weeks to 5 days."
    assert "missing-baseline" in starkit.lint(other, "story").rules()


def test_a_relative_figure_found_in_the_action_is_no_claimed_change():
    """In the Action, 'conversion was down 25%' (no first-person word in its clause) is a
    finding; 'I cut the build time by 40%' is the candidate's change and needs a baseline."""
    found = (
        "Situation: Revenue was below forecast.\nTask: I had to find out why.\nAction: I split "
        "revenue into its parts. Traffic was fine, but conversion was down 25%. I paged "
        "engineering.\nResult: Checkout was fixed by 10:30 and revenue recovered by evening."
    )
    assert "missing-baseline" not in starkit.lint(found, "story").rules()
    mine = found.replace("Traffic was fine, but conversion was down 25%.", "I cut latency by 25%.")
    assert "missing-baseline" in starkit.lint(mine, "story").rules()


@pytest.mark.parametrize(
    ("closing", "fires"),
    [
        ("Customer satisfaction scores improved by 15%, based on our quarterly surveys.", True),
        ("Engagement scores rose by 12%, per the quarterly pulse survey.", True),
        ("Customer satisfaction scores improved by 15% quarterly.", False),
        ("Revenue grew by 15%, reported in our quarterly results.", False),
    ],
)
def test_a_cadence_before_a_record_is_no_time_frame_in_a_story(closing, fires):
    """'based on our quarterly surveys' tells how often the survey is taken, not the period of
    the change: the relative figure still has no baseline. 'quarterly' on its own, or before a
    figure's own results, stays the change's time frame."""
    story = (
        "Situation: Our CRM was outdated.\nTask: I owned its replacement.\nAction: I chose a "
        f"new CRM and trained the sales team.\nResult: {closing}"
    )
    assert ("missing-baseline" in starkit.lint(story, "story").rules()) is fires


_DASHBOARD = (
    "Situation: Few analysts used our dashboards.\nTask: I owned the rebuild.\nAction: I ran "
    "interviews and rebuilt the charts.\nResult: {}"
)


@pytest.mark.parametrize(
    ("result", "fires"),
    [
        # a satisfaction score compared with its start, beside the lift: its quality held
        (
            "Increased user adoption from 20% to 75% within 3 months. User satisfaction "
            "increased from 2.5/5.0 to 4.1/5.0.",
            False,
        ),
        # a bare level shows no harm avoided
        ("Increased user adoption from 20% to 75% within 3 months. CSAT rose to 80%.", True),
        # money saved beside the lift is its cost
        (
            "This improved overall conversion from 3% to 3.4% in a quarter and saved $2M in "
            "budget we would have shifted.",
            False,
        ),
        (
            "This improved overall conversion from 3% to 3.4% in a quarter and added $2M in "
            "revenue.",
            True,
        ),
        # a level set against a benchmark is no change
        (
            "Feature adoption: 95% of the built features are used (vs. industry average of 50%).",
            False,
        ),
        ("Feature adoption rose from 50% to 95% of the built features in a quarter.", True),
    ],
)
def test_counter_figures_and_levels_in_a_story_result(result, fires):
    rules = starkit.lint(_DASHBOARD.format(result), "story").rules()
    assert ("missing-guardrail" in rules) is fires


def test_a_metric_in_quoted_words_is_no_outcome_in_a_story():
    """A chart caption or someone's words in quotes ("'Larger bubbles = higher sales.'") is no
    moved metric of the candidate's; the same words outside quotes are."""
    quoted = (
        "Situation: Analysts did not trust our charts.\nTask: I owned the redesign.\nAction: I "
        "added a caption to each chart: 'Larger bubbles = higher sales.'\nResult: Analysts "
        "called the charts clearer in a follow-up review."
    )
    assert "missing-guardrail" not in starkit.lint(quoted, "story").rules()
    told = quoted.replace(
        "I added a caption to each chart: 'Larger bubbles = higher sales.'",
        "I redesigned the charts, which drove higher sales.",
    )
    assert "missing-guardrail" in starkit.lint(told, "story").rules()


@pytest.mark.parametrize(
    ("result", "fires"),
    [
        ("Within 6 months, we hit 58% retention.", True),
        ("Within 6 months, we hit 58% retention—exceeding target by 3 points.", True),
        ("We hit 58% retention.", False),  # a level, no period it took
        ("Retention sits at 58%, and within 6 months we hired two analysts.", False),
    ],
)
def test_a_level_reached_over_a_fronted_period_is_a_change_in_a_story(result, fires):
    """'Within 6 months, we hit 58% retention' is the end of a change the work made (the
    period it took opens the sentence); an em dash after the metric joins no compound."""
    story = (
        "Situation: Our CEO asked us to improve retention.\nTask: I owned the retention plan.\n"
        "Action: I ran a cohort analysis and proposed three onboarding experiments.\n"
        f"Result: {result}"
    )
    assert ("missing-guardrail" in starkit.lint(story, "story").rules()) is fires


def test_a_relative_figure_the_candidate_showed_is_a_finding():
    """'I showed that the model had 30% higher error rates' reports what the candidate found
    (only the words after 'showed that' count); 'I showed the team how to cut latency by
    30%' is their change."""
    head = "Situation: A PM wanted to launch surge pricing in a new city.\nTask: I had to push "
    head += "back.\nAction: {}\nResult: We launched with a soft cap and the PM thanked me."
    found = "I showed that the model had 30% higher error rates in cities like this one."
    assert "missing-baseline" not in starkit.lint(head.format(found), "story").rules()
    mine = "I showed the team how we cut latency by 30% in the old city."
    assert "missing-baseline" in starkit.lint(head.format(mine), "story").rules()


def test_instead_of_gives_the_other_value():
    """'a surge cap of 1.5x instead of 3x' names the value it replaces."""
    story = (
        "Situation: A PM wanted to launch surge pricing.\nTask: I had to push back.\nAction: "
        "I proposed a launch with a surge cap {}.\nResult: We launched on schedule."
    )
    assert (
        "missing-baseline"
        not in starkit.lint(story.format("of 1.5x instead of 3x"), "story").rules()
    )
    assert "missing-baseline" in starkit.lint(story.format("cut by 1.5x"), "story").rules()


def test_quoted_words_are_not_counted_by_we_not_i():
    """'the answer to 'should we roll back'' is speech, not who did the work: a subjectless
    Action with only that 'we' does not fire; the same 'we' told outside quotes does."""
    story = (
        "Situation: Our clinic app had no documentation.\nTask: I led the migration.\nAction: "
        "Built the dependency map by hand. Defined rollback criteria upfront: {}.\nResult: Page "
        "load time dropped from 5 to 1.8 seconds."
    )
    quoted = story.format("the answer to 'should we roll back' cannot be a judgment call")
    assert "we-not-i" not in starkit.lint(quoted, "story").rules()
    told = story.format("then we rolled back twice")
    assert "we-not-i" in starkit.lint(told, "story").rules()


def test_a_level_held_after_a_relative_figure_is_no_time_frame():
    """'improved user trust scores by 25%, and maintained response latency under 2s': the 2s
    is the level latency was held at, not the period of the 25%; 'within 2 months' is."""
    story = (
        "Situation: Our assistant gave wrong answers.\nTask: I owned the fix.\nAction: I added "
        "retrieval checks.\nResult: Improved user trust scores by 25%, {}."
    )
    held = story.format("and maintained response latency under 2s")
    assert "missing-baseline" in starkit.lint(held, "story").rules()
    framed = story.format("within 2 months of the launch")
    assert "missing-baseline" not in starkit.lint(framed, "story").rules()


def test_questions_asked_are_not_counted_by_we_not_i():
    """A list of interview questions the candidate asked ("How'd you hear of us?") is speech;
    a transcriber's '[xx?]' inside narration is not a question."""
    story = (
        "Situation: Our RBAC design was stuck.\nTask: I had to learn who our users were.\n"
        "Action:\nI set up 20 discovery interviews.\nHow'd you hear of us?\nWhat 3 features "
        "could we get rid of?\nWhat 3 features can't we get rid of?\nResult:\nWe shipped a "
        "JSON editor that 80% of interviewed users preferred."
    )
    assert "we-not-i" not in starkit.lint(story, "story").rules()
    told = story.replace("How'd you hear of us?", "We met them [xx?] and we asked about us.")
    assert "we-not-i" in starkit.lint(told, "story").rules()


def test_written_prose_judges_its_closing_result_not_an_outcome_word_in_the_action():
    """QA 19 item 1: 'launched it to all hosts' in the Action states an outcome, but the close
    of written prose is the Result and holds the figures: result-unquantified stays silent; a
    spoken answer (with fillers) still judges only the sentences that state an outcome."""
    story = (
        "The biggest failure I own is a pricing change at Triply in 2020. I ran the analysis "
        "myself, got sign-off from finance, and launched it to all hosts at once without a "
        "staged rollout. Within a month 9% of our top hosts had left and revenue per host was "
        "down 6%."
    )
    report = starkit.lint(story, "story")
    assert "result-unquantified" not in report.rules()
    assert "star-missing-section" not in report.rules()
    spoken = story.replace("I ran the analysis", "Um I ran the analysis")
    assert "result-unquantified" in starkit.lint(spoken, "story").rules()


_FAILED_DEPLOY = (
    "Early on I rolled out a caching change to our billing service. I had tested it on my "
    "laptop, but not with production traffic. {outcome} I learned to test with real load, and "
    "I now ask for a canary before every release."
)


@pytest.mark.parametrize(
    "outcome",
    [
        "The outage lasted 20 minutes and hit the payments team.",  # what the failure cost
        "The difference was immediate: reviews got shorter.",
        "Reviews became more focused and handoffs became easier.",  # a change of state
        "My manager agreed that the design was sound and let me own the next one.",
        "After a couple of weeks, we had a stable cache in every region.",  # time, then a state
        "It went live that Friday with no rollback.",
    ],
)
def test_written_prose_states_its_outcome_in_more_ways(outcome: str) -> None:
    """Written prose whose outcome is a failure's cost, a change of state, others' assent or
    a release gone live has a Result: star-missing-section does not name it missing."""
    story = _FAILED_DEPLOY.format(outcome=outcome)
    assert "star-missing-section" not in starkit.lint(story, "story").rules()
    lesson_only = _FAILED_DEPLOY.format(outcome="")
    assert "star-missing-section" in starkit.lint(lesson_only, "story").rules()


@pytest.mark.parametrize(
    "outcome",
    [
        # a failure named as what it came to (sealed8 ss8-031)
        "It turned what should have been an easy win into an unexpected setback.",
        "The release proved a costly failure for the billing team.",
        "I corrected the config and reshared the runbook.",  # a fix made (ss8-026)
        "After that we didn't have to worry about stale invoices.",  # a burden gone (ss8-030)
    ],
)
def test_written_prose_states_a_setback_a_correction_or_a_burden_gone(outcome: str) -> None:
    """A setback, a fix told as 'corrected' and a chore the work took away are outcomes: the
    story has its Result, and result-unquantified judges it."""
    story = _FAILED_DEPLOY.format(outcome=outcome)
    rules = starkit.lint(story, "story").rules()
    assert "star-missing-section" not in rules
    assert "result-unquantified" in rules


@pytest.mark.parametrize(
    "not_outcome",
    [
        "My biggest setback was a missing test plan.",  # a setback named, not what it came to
        "I wish we don't have to worry about stale invoices.",  # a wish in the present
    ],
)
def test_a_named_setback_or_a_present_wish_is_no_outcome(not_outcome: str) -> None:
    story = _FAILED_DEPLOY.format(outcome=not_outcome)
    assert "star-missing-section" in starkit.lint(story, "story").rules()


@pytest.mark.parametrize(
    ("result", "fires"),
    [
        ("Result: Expanded our user base and lowered hosting cost.", False),
        ("Result: The checkout success rate for new subscribers improved a lot.", False),
        ("Result: Sign-ups grew from 200 to 900 a week.", True),  # a raw count of reach
    ],
)
def test_a_vanity_word_with_no_figure_is_no_vanity_outcome_in_a_story(
    result: str, fires: bool
) -> None:
    """In a story, a vanity word with no figure in its sentence reports no raw count or growth
    (an unmeasured Result is result-unquantified's to name); a counted one still fires."""
    story = (
        "Situation: Our invoicing app was new.\nTask: I owned its growth.\n"
        f"Action: I rewrote the onboarding emails.\n{result}"
    )
    assert ("vanity-metric" in starkit.lint(story, "story").rules()) is fires


@pytest.mark.parametrize(
    ("action", "fires"),
    [
        # 'and' joins a predicate to the candidate's own: "helped" carries that claim
        ("I fully committed to the plan and helped the migration.", True),
        ("I worked with their lead on a plan and helped them test it in staging.", True),
        # the work's effect, told with the work as the subject, stays incidental
        ("I built a linter that caught style errors and helped the team ship.", False),
        ("We agreed on the plan and helped the migration.", False),
    ],
)
def test_a_weak_verb_joined_to_the_candidates_own_predicate(action: str, fires: bool) -> None:
    """sealed4 ss4-035, sealed5 ss5-050, sealed7 ss7-037: the blind labellers fire 'helped'
    joined by 'and' to the candidate's first-person predicate (RULES.md: 'helped 3 teams
    ship' still fires)."""
    story = (
        "Situation: We had to move 300 servers to a new cloud.\nTask: I owned the plan.\n"
        f"Action: {action}\nResult: We moved all 300 servers in 6 weeks."
    )
    assert ("weak-verb" in starkit.lint(story, "story").rules()) is fires


def test_written_prose_counts_what_the_action_does_before_its_outcome_as_the_action():
    """sealed7 ss7-025: a sentence the decoder puts in the Result, after the Action and before
    any outcome, explains how the approach works ("This way, we are not clogging up the
    servers"): it states no outcome, so its pronouns count as the Action's (the blind labeller
    counts them so; sealed4 ss4-005 and sealed6 ss6-047 lose a false alarm with it)."""
    story = (
        "In a class project our dataset was very large, more than 100 million rows. It would "
        "not fit in our laptops' memory. I proposed sampling 10,000 rows to write the cleaning "
        "code first. Then I ran the code on the whole dataset on my lab's servers. This way, "
        "{} By using my approach, we met the weekly milestones three days early."
    )
    told_we = (
        "we are not clogging up the servers, and we are not waiting for our code every time "
        "we test something."
    )
    told_it = "it is not clogging up the servers, and they ran faster."
    assert "we-not-i" in starkit.lint(story.format(told_we), "story").rules()
    assert "we-not-i" not in starkit.lint(story.format(told_it), "story").rules()


_RUN_ON = (
    "it was in my first internship, i was a junior analyst on the reporting team, and i was "
    "building the weekly sales dashboard, my biggest mistake was skipping the review with the "
    "sales leads, as a result {outcome}"
)


@pytest.mark.parametrize(
    ("outcome", "fires"),
    [
        ("the dashboard was hard for the sales leads to read", True),
        ("the dashboard took the sales leads 3 weeks to adopt", False),
    ],
)
def test_a_spoken_run_on_told_in_one_sentence_has_its_outcome_judged(
    outcome: str, fires: bool
) -> None:
    """A spoken answer told in one long run-on sentence states its outcome there: the Result
    star-missing-section finds is the one result-unquantified judges (sealed8 ss8-016)."""
    report = starkit.lint(_RUN_ON.format(outcome=outcome), "story")
    assert ("result-unquantified" in report.rules()) is fires
    assert "Result" not in " ".join(
        f.message for f in report.findings if f.rule == "star-missing-section"
    )


_ANNOUNCED = (
    "it was in one of my old jobs, i was the team leader and one engineer kept missing "
    "standups, so {how} to talk with her first and remind her of the work, then she {end}"
)


@pytest.mark.parametrize(
    ("how", "end", "missing"),
    [
        ("my approach was", "worked well", ""),  # sealed8 ss8-015
        ("my action was", "worked well", ""),
        ("my approach was", "worked well with the designers", "Result"),  # how she works
        ("my goal was", "worked well", "Action"),  # an aim, not the Action
    ],
)
def test_an_announced_action_and_worked_well_in_spoken_prose(
    how: str, end: str, missing: str
) -> None:
    """'my approach was to ...' announces the Action; 'then she worked well' states an
    outcome (not 'worked well with', how someone works with others)."""
    report = starkit.lint(_ANNOUNCED.format(how=how, end=end), "story")
    messages = [f.message for f in report.findings if f.rule == "star-missing-section"]
    if missing:
        assert messages == [f"Missing STAR section(s): {missing}."]
    else:
        assert messages == []
        assert "result-unquantified" in report.rules()


_CORRECTED = (
    "{opening} for our new pricing page, and my first model showed a strong effect. I presented "
    "it to the director and we planned a wider test. A week later I realized I had mixed trial "
    "and paid users in one group. I corrected the split, updated the deck, and reshared the "
    "analysis."
)


@pytest.mark.parametrize(
    ("opening", "missing"),
    [
        ("I was analyzing churn", False),  # the work in hand is the Task (sealed8 ss8-026)
        ("I was building a churn model", False),
        ("I was proud of my churn model", True),  # a feeling, no work in hand
    ],
)
def test_a_story_opening_on_the_work_in_hand_has_its_task(opening: str, missing: bool) -> None:
    report = starkit.lint(_CORRECTED.format(opening=opening), "story")
    messages = [f.message for f in report.findings if f.rule == "star-missing-section"]
    assert messages == (["Missing STAR section(s): Task."] if missing else [])


_RESULT_PARAGRAPH = (
    "As the marketing lead I was launching a new product line, and sales and marketing "
    "disagreed on the audience.\n\n"
    "To settle it, I first met each team separately. Then I wrote one brief for the launch.\n\n"
    "{opener} We agreed on one audience and one message. We also set up a monthly review "
    "across our teams and we shared our notes."
)


@pytest.mark.parametrize(
    ("opener", "fires"),
    [
        ("The outcome of the launch was successful, and we hit our targets.", False),  # ss8-003
        ("We then ran a workshop with both teams.", True),  # no outcome opens it: still acting
    ],
)
def test_a_paragraph_opening_on_its_outcome_is_no_action_for_we_not_i(
    opener: str, fires: bool
) -> None:
    """In prose written in paragraphs, a closing paragraph that opens on a stated outcome is
    the Result: its 'we' sentences tell the outcome, they are not counted as the Action."""
    report = starkit.lint(_RESULT_PARAGRAPH.format(opener=opener), "story")
    assert ("we-not-i" in report.rules()) is fires


_TRADE = (
    "We were weeks from launching a feed ranking change. My experiment readout showed a 4% DAU "
    "lift overall. I ran a second analysis, and {stance}, so I would not sign off until we "
    "scoped the rollout to exclude new users. We scoped the rollout. Six weeks later, new-user "
    "retention in the excluded cohort was 2.1 points higher than the launched segment."
)


@pytest.mark.parametrize(
    ("stance", "fires"),
    [
        ("I held that we were trading long-term retention for short-term DAU", False),  # ss8-025
        ("I held that the launch was rushed", True),
    ],
)
def test_a_trade_off_named_in_the_action_names_the_counter_metric(stance: str, fires: bool) -> None:
    """A trade-off between two metrics named in the Action ('trading long-term retention for
    short-term DAU') names the counter-metric: missing-guardrail stays silent."""
    report = starkit.lint(_TRADE.format(stance=stance), "story")
    assert ("missing-guardrail" in report.rules()) is fires


_FAILED_ARRIVAL = (
    "At my last company I walked in when the product was already failing, but it was my job "
    "to turn it around. {middle} It was a good product that could have won if I had proven "
    "value faster."
)


@pytest.mark.parametrize(
    ("middle", "missing"),
    [
        # arriving and failing are no actions (sealed8 ss8-034)
        (
            "I failed on two fronts: winning over the data lead I was working with, and a "
            "rival team that wanted to own the product.",
            True,
        ),
        ("I walked the team through a new plan and I rebuilt the roadmap.", False),
    ],
)
def test_walking_in_and_failing_are_no_action(middle: str, missing: bool) -> None:
    """'I walked in when it was failing' is an arrival and 'I failed' an outcome: neither
    shows the Action ('I walked the team through' still does)."""
    report = starkit.lint(_FAILED_ARRIVAL.format(middle=middle), "story")
    messages = [f.message for f in report.findings if f.rule == "star-missing-section"]
    assert ("Missing STAR section(s): Action." in messages) is missing
