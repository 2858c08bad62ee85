# ruff: noqa: E501  (story sources are kept one paragraph a line so offsets stay readable)
"""Build `stories.jsonl` of the sealed final set from the tagged sources below.

Each sentence of a story body is written as `{S}...{/}` (S, T, A or R for the section a human
gives it); everything outside the tags (labels such as "Situation:", line breaks) is not part of
any sentence. Running this file rewrites `stories.jsonl` next to it and checks the two labels that
are pure counting (answer-length and we-not-i) against the text, so a typo in a hand label fails
loudly instead of silently.

    .venv/bin/python tests/data/final/build_stories.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent / "stories.jsonl"
SECTION = {"S": "situation", "T": "task", "A": "action", "R": "result"}
TAG = re.compile(r"\{([STAR])\}(.*?)\{/\}", re.S)
WE = {"we", "our", "us", "ours"}
I_ = {"i", "my", "me", "mine"}

# (id, labelled, tagged text, missing sections, we-not-i, result-unquantified, answer-length,
#  fires, note)
STORIES: list[tuple[str, bool, str, list[str], bool, bool, bool, list[str], str]] = []


def story(
    ident: str,
    labelled: bool,
    text: str,
    *,
    missing: list[str] | None = None,
    we: bool = False,
    unq: bool = False,
    length: bool = False,
    fires: list[str] | None = None,
    note: str = "",
) -> None:
    """Register one story with its hand labels."""
    STORIES.append(
        (ident, labelled, text.strip("\n"), missing or [], we, unq, length, fires or [], note)
    )


def build(tagged: str) -> tuple[str, list[dict[str, int | str]]]:
    """Strip the tags; return the plain text and one labelled span per sentence."""
    out: list[str] = []
    spans: list[dict[str, int | str]] = []
    pos = 0
    length = 0
    for m in TAG.finditer(tagged):
        outside = tagged[pos : m.start()]
        if "{" in outside or "}" in outside:
            raise ValueError(f"stray tag near {outside!r}")
        out.append(outside)
        length += len(outside)
        body = m.group(2)
        if body != body.strip() or not body:
            raise ValueError(f"sentence has edge whitespace: {body!r}")
        spans.append({"start": length, "end": length + len(body), "label": SECTION[m.group(1)]})
        out.append(body)
        length += len(body)
        pos = m.end()
    tail = tagged[pos:]
    if "{" in tail or "}" in tail:
        raise ValueError(f"stray tag near {tail!r}")
    out.append(tail)
    return "".join(out), spans


def pronoun_counts(sentences: list[str]) -> tuple[int, int]:
    """(first-person plural, first-person singular) tokens, contractions folded ("I'm" -> I)."""
    we = i = 0
    for s in sentences:
        for tok in re.findall(r"[A-Za-z]+(?:['’][a-z]+)?", s):
            base = re.split(r"['’]", tok)[0]
            if base.lower() in WE and base != "US":
                we += 1
            elif base.lower() in I_ and (base != "i"):
                i += 1
    return we, i


# ---------------------------------------------------------------------------------------------
# Labelled stories

story(
    "fs01",
    True,
    """
Situation: {S}In 2022 I was the technical programme manager for card payments at a UK challenger bank.{/} {S}Our card processor had announced it would end support for the platform we ran on, and about 1.9 million debit cards would have to move to a new processor before the contract expired in March.{/} {S}Two earlier attempts to plan the migration had stalled because nobody owned the cross-team plan.{/}

Task: {T}I was asked to own the end-to-end migration plan and to get every card moved without customers noticing.{/} {T}The bar the CTO set was no more than one hour of total card downtime across the whole programme.{/}

Action: {A}I started by mapping every system that touched a card authorisation, which turned out to be 23 services owned by seven teams.{/} {A}I ran a two-day planning workshop with the leads of those teams, and we agreed to migrate in cohorts rather than in one big-bang weekend.{/} {A}I built the cohort plan myself: staff cards first, then 1% of customers, then 10%, then the rest over six weeks.{/} {A}For each step I wrote go/no-go criteria with the fraud and support leads, covering authorisation approval rate, fraud losses and contact volume.{/} {A}When the 10% cohort showed a dip in approvals for one merchant category, I paused the rollout, got the processor's engineers on a call the same afternoon, and held the next cohort until the fix had run clean for 48 hours.{/} {A}I also sent a short status note to the exec team every Friday so that nobody was surprised by a delay.{/}

Result: {R}All 1.9 million cards had moved by 14 February, five weeks ahead of the contract deadline.{/} {R}Total card downtime across the programme was 11 minutes against the one-hour limit, and approval rates stayed within 0.2 percentage points of the old processor throughout.{/} {R}Card-related support contacts during the migration ran 4% below the same weeks of the previous year.{/} {R}The cohort playbook is now the standard template for platform migrations at the bank.{/}
""",
    note="fintech TPM, UK; 'Situation:' labels; a clean story. The 4% is year on year, so it has "
    "a time frame; approval rate held and support contacts are guardrails",
)

story(
    "fs02",
    True,
    """
S: {S}I manage patient flow at a 420-bed metropolitan hospital in Brisbane.{/} {S}Last winter our emergency department was ramping ambulances for up to three hours on the worst nights, because patients who were medically fit to go home were still sitting in ward beds waiting for transport or medicines.{/}
T: {T}The executive director gave me six weeks to get morning discharges moving before the flu season peaked.{/}
A: {A}I pulled three months of discharge timestamps and found that 60% of discharges happened after 2 pm.{/} {A}I set up a discharge lounge with two nurses, moved pharmacy's discharge scripts to a 9 am round, and agreed a 10:30 pickup with the transport provider.{/} {A}I also ran a daily 8:15 huddle with the nurse unit managers to name every patient who could leave before 11.{/}
R: {R}Within eight weeks, discharges before noon went from 18% to 41%.{/} {R}Ambulance ramping time fell from an average of 74 minutes to 31 minutes over the same period.{/} {R}The lounge is now funded permanently.{/}
""",
    length=True,
    fires=["answer-length"],
    note="hospital operations, Australia; one-letter labels; short but otherwise clean",
)

story(
    "fs03",
    True,
    """
**Situation**
{S}I was a producer at a 60-person studio in Guildford, and in 2021 we launched a co-op survival game on PC that went badly.{/} {S}Within the first week the game was crashing in roughly one session in forty, the Steam reviews had dropped to Mostly Negative, and the community Discord was full of refund threads.{/} {S}The team was exhausted after the launch crunch, and the publisher was already asking about the first paid DLC.{/} {S}On top of that, our community manager had just gone on parental leave, so nobody was answering the Discord at weekends.{/}

**Task**
{T}The studio head asked me to run the recovery: get a stabilisation patch out within a month, and rebuild enough trust that players would come back for the first content update.{/}

**Action**
{A}We split the team into a crash strike team and a content team so that the update would not stall.{/} {A}We triaged every crash signature from the telemetry each morning and ranked them by how many sessions they ended.{/} {A}Our QA lead set up a nightly build on a public beta branch, and we invited the most vocal Discord members into it.{/} {A}We posted a plain-language changelog every Friday, including the bugs we had not fixed yet and why.{/} {A}When the publisher pushed us to add a paid cosmetic pack to the patch, we pushed back and agreed to hold it until the reviews recovered.{/} {A}We also cancelled weekend work for the whole recovery, because tired people were writing the crashes in the first place.{/} {A}I kept the schedule and ran the daily stand-ups.{/}

**Result**
{R}The stabilisation patch shipped on day 26.{/} {R}The crash rate went from 2.5% of sessions to 0.4% in the following fortnight, and the recent Steam reviews moved back to Mostly Positive.{/} {R}We shipped the first content update on its original date, and the paid pack followed a month later.{/} {R}Looking back, I would have opened the beta branch even earlier, because the beta players found a third of the top crashes before our own QA team did.{/}
""",
    we=True,
    fires=["we-not-i"],
    note="games producer, UK; markdown bold labels on their own lines; the Action is told in 'we'",
)

story(
    "fs04",
    True,
    """
## Situation
{S}I lead a maternal health programme for an NGO in Bihar that works through about 2,600 ASHA workers across four districts.{/} {S}In 2023 our donor asked us to move from paper registers to a mobile app for recording antenatal visits, and the first pilot had gone poorly: in the pilot block, fewer than half of the ASHAs were still using the app after a month.{/} {S}Most ASHAs carry basic Android phones shared with their families, and many of them had never used a form-based app before.{/} {S}The donor's review was due at the end of the year, and the district health officers were openly sceptical.{/}

## Task
{T}My job was to work out why the pilot had failed and to design a rollout that the ASHAs would actually keep using, within a budget of ₹38 lakh for the year.{/}

## Action
{A}I spent the first three weeks in the pilot block, sitting with ASHAs during home visits rather than asking them questions in the block office.{/} {A}I saw that the app needed a data connection at the moment of saving a record, and in most villages there was none during the day.{/} {A}I also learned that the women were afraid of being blamed for wrong entries, because the supervisors were using the app to count their visits.{/} {A}I worked with our tech partner to make the app save offline and sync at night, and I cut the form from 34 fields to 12.{/} {A}I then sat down with the district supervisors and agreed that for the first three months the data would be used only for coaching, not for incentives.{/} {A}Finally, I trained 40 peer champions, one for every 65 ASHAs, so that someone who knew the app was always one village away.{/} {A}I also agreed with the block coordinators that the paper register would stay in use alongside the app until each ASHA was comfortable dropping it.{/} {A}I wrote a two-page rollout plan for the donor that set out the order of the blocks, the training days and the support calls for each of them.{/}
""",
    missing=["result"],
    fires=["star-missing-section"],
    note="NGO programme lead, India; markdown headings; the story stops after the Action. "
    "Per the story dev-set convention a story with no Result is not also result-unquantified",
)

story(
    "fs05",
    True,
    """
Situation - {S}I was responsible for the firmware and companion app of a smart smoke alarm at a consumer hardware startup in Austin.{/} {S}About eight months after launch we started getting reports of false alarms in kitchens and bathrooms, and the return rate at one big-box retailer had climbed to 9%.{/} {S}The retailer told us it would delist the product if returns did not come down before the holiday reset.{/}

Task - {T}I had to find the root cause, ship a fix to devices already in people's homes, and give the retailer a credible plan, all in about ten weeks.{/}

Action - {A}I pulled the alarm event logs from the 31,000 devices that had opted into diagnostics and grouped the false alarms by time of day and room type.{/} {A}The pattern was clear: most of them happened within a few minutes of a shower or of cooking, so steam and aerosols were tripping the photoelectric sensor.{/} {A}I worked with our sensor vendor in Shenzhen to test a dual-criteria algorithm that also checks the rate of temperature rise, and I set up a test room with a kettle, a toaster and a shower head so the team could reproduce the problem on demand.{/} {A}Because a smoke alarm that misses a real fire is far worse than one that goes off too often, I insisted that the new firmware pass the full UL 217 test suite before it went anywhere near a customer.{/} {A}I staged the over-the-air update to 5% of devices for a week, watching for any drop in detection on our calibrated smoke tests, and then released it to everyone.{/} {A}In parallel I wrote the retailer a one-page plan with dates and met their buyer every two weeks.{/}

Result - {R}The update reached the whole fleet before the holiday reset.{/} {R}False alarm reports dropped dramatically, the retailer kept us on the shelf, and customer reviews started to mention quiet kitchen mornings.{/} {R}I learned to treat safety as the guardrail on every fix, not as a box to tick at the end.{/}
""",
    unq=True,
    fires=["result-unquantified", "vague-language"],
    note="hardware PM, US; 'Word -' labels; figures in the Situation and Action but none in the "
    "Result; 'responsible for' sits in the Situation, where weak-verb does not apply",
)

story(
    "fs06",
    True,
    """
Context: {S}At a meal-kit company in Berlin, I was the data scientist on the growth team.{/} {S}Most people who started checkout on mobile never finished it, and marketing assumed the problem was the price.{/}
Goal: {T}My manager asked me to find out where and why people were dropping out, and to propose one change we could test quickly.{/}
Approach: {A}I joined the checkout events to the delivery-area data and built a funnel broken down by step, device and postcode.{/} {A}The biggest drop was not at the price step at all but at the delivery slot picker, where 38% of mobile users left.{/} {A}I read through several hundred session recordings and saw that people outside the big cities were shown no free slots for the next nine days and assumed we did not deliver to them.{/} {A}I wrote up the analysis with the designer, proposed showing the first available slot up front, and designed the A/B test with a sample size large enough to detect a 2-point change.{/} {A}I also built the dashboard the team used to monitor the test each day, with the slot picker's exit rate split by region.{/} {A}When the regional split showed the change doing nothing in Hamburg, I traced it to a caching bug that was still hiding the new slots there and had it fixed before the readout.{/}
Outcome: {R}The new slot picker lifted mobile checkout conversion by 12%.{/} {R}The change was rolled out to all users, and the growth team adopted funnel-by-postcode as a standard view.{/}
""",
    length=True,
    fires=["missing-guardrail", "missing-baseline", "answer-length"],
    note="data scientist, Germany; synonym labels (Context/Goal/Approach/Outcome); conversion "
    "moved with no guardrail, a relative lift with no start value or period",
)

story(
    "fs07",
    True,
    """
Situation — {S}Before moving into product, I taught science at a comprehensive school in Leeds for six years.{/} {S}In my fourth year the school bought a homework platform, and by the spring term only about a third of homework in my year group was being handed in on time.{/} {S}Our year group had about 240 students, and homework came up in nearly every conversation at parents' evening.{/} {S}Parents complained that they could not see what had been set, and several colleagues had quietly gone back to paper.{/}

Action — {A}I started by asking my two Year 10 classes to show me, on their phones, how they used the platform.{/} {A}Most of them never opened the app; they relied on the email notifications, which landed in a school inbox they did not check.{/} {A}I set up a short survey for the whole year group and got 212 responses in a week.{/} {A}With the head of year's backing, I moved homework notifications to the parent app that families already used for attendance, and I wrote a one-page guide for staff on setting tasks with a clear due date and a single link.{/} {A}I also asked the platform's support team to switch off the default email digest for students, which had been burying the actual tasks in a weekly summary.{/} {A}I ran two twenty-minute sessions for the science department and then for the humanities team, and I kept a simple spreadsheet of submission rates by class that I shared every Monday.{/}

Result — {R}By the summer term, the share of homework handed in on time in my year group had gone from 34% to 81%, and parent emails about homework had almost stopped.{/} {R}Teachers in my department stopped keeping paper copies.{/} {R}The school rolled the same set-up out to every year group the following September.{/} {R}It was the first time I had changed how a whole system worked rather than just my own classroom, and it is a big part of why I moved into product management.{/}
""",
    missing=["task"],
    fires=["star-missing-section"],
    note="teacher turned PM, UK; em-dash labels; no Task section and no goal sentence anywhere. "
    "Homework handed in is a school outcome (holdout call 1), so no missing-guardrail",
)

story(
    "fs08",
    True,
    """
SITUATION
{S}In 2021 I joined the Photos team at a large consumer tech company as the PM for sharing.{/} {S}Shared albums had been around for years, but leadership saw them as a growth lever and wanted more people using them.{/} {S}The feature had a reputation internally as a graveyard: it worked, but very few people found it, and the last two redesigns had been shelved after long debates about where the entry point should live.{/} {S}The sharing team had changed hands three times in four years, so there was little memory of why the earlier decisions had been made.{/} {S}When I arrived, the album creation flow was buried three taps deep behind an overflow menu, and the invite flow still asked people to type email addresses by hand.{/}

TASK
{T}My director gave me a clear ask for the second half of the year: ship a new sharing entry point and make shared albums something people actually discover, without turning Photos into a social network nobody asked for.{/} {T}I owned the product spec, the experiment plan and the launch, working with an engineering team of nine and one designer.{/}

ACTION
{A}I started with the data rather than the debates.{/} {A}I worked with our analyst to pull a cohort of users who had created at least one shared album and compared them with similar users who had not.{/} {A}The clearest difference was that album creators almost always started from a moment, like a trip or a birthday, not from the album menu.{/} {A}That changed the brief: instead of moving the menu item, I proposed suggesting an album when the camera roll showed a burst of photos from one place and day.{/} {A}I wrote the spec in two pages and reviewed it with the privacy team in the first week, because suggestions based on location are exactly the kind of thing that can go wrong in public.{/} {A}We agreed three rules with them: suggestions would run on device, they would never name the people in the photos, and a user could turn them off from the suggestion card itself.{/} {A}I then ran a design sprint with the designer and two engineers, and we tested five prototypes with twenty participants in usability sessions in San Francisco and Chicago.{/} {A}Two of the prototypes confused people about who would see the album, so I dropped them even though one was the team's favourite.{/} {A}For the launch I set up a staged experiment: 1% of users for two weeks, then 10%, with a holdback group kept for the rest of the half.{/} {A}I wrote the launch checklist with our support lead so that the help articles and the agent scripts were ready on day one.{/} {A}When the first week's data showed that suggestions were firing too often for people who take many screenshots, I had the team exclude screenshots and screen recordings before we expanded.{/} {A}I presented weekly updates to my director and the Photos leadership group, including the things that were not working, such as the low share rate on Android tablets.{/} {A}I then met the Android tablet team to agree a fix for their share sheet, which they shipped in the following release.{/}

RESULT
{R}We launched the suggestions to everyone in November.{/} {R}Album suggestions were accepted 2.4 million times in the first month, and the number of people using shared albums each month grew from 48 million to 61 million by the end of the year.{/} {R}The feature was later highlighted in the company's holiday marketing, and the approach of starting from a moment rather than a menu became the template for two other suggestion surfaces on the team.{/} {R}If I did it again, I would agree with leadership up front what success meant beyond usage, because a count of users tells you little about whether people value the feature.{/}
""",
    length=True,
    fires=["vanity-metric", "missing-guardrail", "answer-length"],
    note="big-tech PM, US; upper-case labels alone on their lines; over 600 words; the Result "
    "reports monthly users of the feature (MAU growth) and acceptances, no causal metric, no "
    "guardrail",
)

story(
    "fs17",
    True,
    """
**S:** {S}At [Company], our UPI payments feature had low adoption among tier-2 city users.{/}
**T:** {T}I was asked to increase adoption of UPI payments in these cities.{/}
**A:** {A}I did user research in Indore and Nagpur and found that users did not trust linking their bank account inside our app.{/} {A}I worked with design to add a trust screen explaining the RBI regulations, and we ran an A/B test on it.{/} {A}I also partnered with marketing for a cashback campaign.{/}
**R:** {R}UPI adoption increased by XX% and the feature was launched to all users.{/} {R}TODO: add retention number.{/}
""",
    unq=True,
    length=True,
    fires=[
        "no-quantification",
        "missing-guardrail",
        "unfilled-placeholder",
        "result-unquantified",
        "answer-length",
    ],
    note="PM, India; a half-filled prep template with bold one-letter labels; placeholders are "
    "not figures (dev-set decision 4) so nothing is quantified; adoption moved with no guardrail",
)

# ---------------------------------------------------------------------------------------------
# Plain-prose stories

story(
    "fs09",
    False,
    """
{S}Two years ago I was the product manager for delivery estimates at a food delivery company operating in about 40 cities in India.{/} {S}The ETA we showed at checkout was wrong by more than ten minutes on roughly one order in four, and late orders were the single biggest driver of customer complaints.{/} {S}Restaurants were unhappy too, because riders kept arriving to find food that was not ready.{/} {T}My goal for the half was to make the promised time something customers could trust, without simply padding every estimate, which would have made restaurants look slower and cost us orders.{/}

{A}I began by splitting the estimate into its parts: the time the restaurant takes to prepare the food, the time to assign a rider, and the travel time.{/} {A}Looking at six months of order data with our data science lead, I found that most of the error came from preparation time, which we were treating as a fixed number per restaurant.{/} {A}I made the case to leadership for a model that predicted preparation time per order from the dish mix, the time of day and how busy the kitchen was, and I got two engineers moved onto it for a quarter.{/} {A}I also asked the restaurant operations team to add a "food ready" button to the partner app, because we had no ground truth to train on.{/} {A}Before anything shipped, I agreed the guardrails with the business: order conversion at checkout and rider idle time were not allowed to get worse.{/} {A}I rolled the new estimates out city by city, starting with Pune because it had the most reliable "food ready" data, and I reviewed the results every Monday with the city leads.{/}

{R}By the end of the half, the share of orders whose ETA was off by more than ten minutes had fallen from 26% to 11%.{/} {R}Complaints about late delivery dropped by 38% over the same period, while checkout conversion and rider idle time stayed flat.{/} {R}The preparation-time model is now used by the rider-assignment team as well.{/}
""",
    note="marketplace PM, India; prose in three paragraphs; a clean story with named guardrails "
    "and a period for the relative drop",
)

story(
    "fs10",
    False,
    """
{S}In my final year at university I was part of a four-person team in a product management course, working with a local food bank.{/} {S}Volunteers were booking shifts through a shared spreadsheet, and on many Saturdays the warehouse ended up with either twice the people it needed or half.{/} {T}Our brief was to design and test a better way for volunteers to sign up.{/} {A}We interviewed eleven volunteers and the two staff coordinators.{/} {A}We built a simple booking page on Glide with a cap on each shift and an automatic reminder the day before.{/} {A}We ran it alongside the spreadsheet for a month and then switched over.{/} {A}I did the interviews with the coordinators and wrote up our findings.{/} {R}Over the next six weeks, no-shows went from about 30% of booked volunteers to 9%, and the coordinators said they were spending about two hours less each week on phone calls.{/}
""",
    we=True,
    length=True,
    fires=["we-not-i", "answer-length"],
    note="new grad, US; one paragraph; team project told in 'we'",
)

story(
    "fs11",
    False,
    """
{S}I was the sales engineer on a deal with a regional insurance group that was evaluating our document-processing platform against a much larger competitor.{/} {S}The proof of concept had gone well on the technical side, but the head of claims was not convinced, because her team had been burned by an automation project that looked good in a demo and then fell over on real claims.{/} {S}It was the largest deal in our region that year, and my account executive was nervous about losing it at the last step.{/} {T}I needed to show her, on her own documents, that our extraction would hold up, and I needed to do it before the procurement committee met at the end of the month.{/}

{A}Instead of running another scripted demo, I asked if I could sit with the claims handlers while they worked.{/} {A}I watched how they actually worked through a claim and collected the messy documents they complained about most: handwritten repair estimates, faxed invoices and photos of receipts taken at an angle.{/} {A}Back at the office I built a test set from those documents with our solutions team and ran our models against it, and I was honest in the write-up about the cases where we still failed.{/} {A}For those cases I designed a review queue so that low-confidence fields went to a handler instead of straight into the claims system.{/} {A}I helped their IT admins set up single sign-on and the audit log, because the security review was the thing most likely to stall the deal late.{/} {A}I also rewrote our standard security questionnaire answers in plain language, because the last vendor had lost the committee with jargon.{/} {A}Then I went back to the head of claims and walked her through the results on her own documents, failures included.{/}

{R}She told me afterwards that the honesty about the failures was what won her over.{/} {R}The committee chose us over the competitor, the security review went through without delays, and the claims team became one of our strongest references in the insurance sector.{/}
""",
    unq=True,
    fires=["no-quantification", "result-unquantified", "weak-verb"],
    note="sales engineer; no figure anywhere; 'I helped' carries an Action sentence. Winning the "
    "deal names no metric, so no missing-guardrail",
)

story(
    "fs12",
    False,
    """
{S}When I moved from the Army into my first civilian job, I joined a mining services company in Perth as a project coordinator on a fleet maintenance programme.{/} {S}The company ran about 120 haul trucks across three sites in the Pilbara, and unplanned breakdowns were running at around 14 a month.{/} {S}Each breakdown took a truck off the roster for two to four days, mostly while parts were flown up from Perth.{/} {S}Idle trucks cost the company penalties under its haulage contracts, and the site managers were hearing about it from head office every week.{/} {S}The maintenance planners and the site supervisors did not trust each other's numbers, and the weekly meeting between them had become an argument about whose spreadsheet was right.{/}

{A}I started by sitting in the workshop at each site for a few days and writing down how a part actually got ordered, which was nothing like the documented process.{/} {A}I built a single parts register in SharePoint that both groups could see, and I put the lead times for the thirty most common failure parts on one page.{/} {A}Using what I had learned about pre-positioning stores in the Army, I proposed keeping a small stock of those parts at each site rather than in Perth, and I costed it against the lost truck days.{/} {A}The finance manager pushed back on the inventory cost, so I ran a trial at one site for a quarter before asking for the money for all three.{/} {A}I walked the finance manager through the trial figures in person rather than sending a report, because she wanted to see the workings.{/} {A}I also changed the weekly meeting so that it started from the shared register rather than from anyone's spreadsheet.{/}

{R}Over the trial quarter, average downtime per breakdown at the trial site fell from 3.1 days to 1.2 days.{/} {R}The company funded site stores at the other two sites, and across the fleet lost truck days fell from roughly 1,900 in the previous year to 1,250, against an inventory cost of A$400k.{/} {R}The planners and supervisors now run the meeting themselves.{/}
""",
    missing=["task"],
    fires=["star-missing-section"],
    note="ex-Army career changer, Australia; no goal, ask or responsibility is stated anywhere",
)

story(
    "fs13",
    False,
    """
{S}I'm the operations manager for outpatients at a district general hospital in the Midlands.{/} {S}After the pandemic our follow-up waiting list for ophthalmology had grown to just over 9,000 patients, and some people with glaucoma were waiting months past the date their consultant wanted to see them.{/} {S}A serious incident review had just found that one patient lost sight while waiting, which put the service under a lot of scrutiny.{/} {S}Patients and their families were phoning the booking office every day to ask when they would be seen.{/} {T}The divisional director asked me to bring the overdue list down to a safe level within a year, and to make sure the highest-risk patients were seen first.{/}

{A}We started by clinically validating the whole list, with two optometrists reviewing every overdue record against a risk score the consultants agreed.{/} {A}We found that around 1,400 patients no longer needed hospital follow-up at all and could be discharged to community optometry with a letter.{/} {A}We set up a virtual glaucoma clinic where technicians take the pressure readings and scans and a consultant reviews the results later, so that one consultant could cover many more patients in a session.{/} {A}We ran extra Saturday clinics for the highest-risk group, funded from the elective recovery money.{/} {A}Our booking team switched to partial booking, so that patients were booked six weeks ahead rather than given a date a year away that was likely to move.{/} {A}We also wrote to every patient on the list to explain what was happening and who to call if their sight changed.{/} {A}My part was to pull the plan together, get the consultants and the booking team to agree it, and report progress to the board each month.{/}

{R}Within eleven months the number of patients past their due date fell from 4,200 to 650, and nobody in the highest-risk group was waiting past their date.{/} {R}The virtual clinic is now permanent and sees around 180 patients a week.{/} {R}The board has asked us to use the same model for dermatology.{/}
""",
    we=True,
    fires=["we-not-i", "vague-language"],
    note="NHS outpatients manager, UK; the Action is told in 'we'; 'a lot of scrutiny' in the "
    "Situation fires vague-language (story: anywhere)",
)

story(
    "fs14",
    False,
    """
{S}In 2020 I joined a payments company in Amsterdam as a technical program manager in the merchant onboarding group.{/} {S}The company was growing fast in southern Europe, and sales had signed more merchants than the onboarding process could handle.{/} {S}Every new merchant had to pass know-your-customer and anti-money-laundering checks before they could take a single payment, and those checks were done by a compliance team of about 30 analysts working through a queue in a ticketing tool.{/} {S}When I joined, the median merchant waited 11 working days between signing and going live, and some waited more than a month.{/} {S}Several large merchants had walked away before going live, and the sales team had started promising dates that compliance had never agreed to.{/} {S}Sales leadership blamed compliance for being slow, compliance blamed sales for sending incomplete applications, and the engineering team in between had a backlog of half-finished automation projects that nobody had prioritized.{/} {S}The engineers were frustrated too, because they kept being pulled onto urgent fixes for individual merchants.{/} {T}My manager asked me to run a program to get merchants live faster without weakening the checks, because the Dutch central bank had recently fined a competitor for exactly that.{/} {T}I owned the plan, the dependencies between the four teams involved and the reporting to the executive committee.{/}

{A}The first thing I did was measure where the time went, because everybody had a theory and nobody had data.{/} {A}I took a sample of 300 recent applications and traced each one through the ticketing tool, the email threads and the engineering logs.{/} {A}I also sat with the compliance analysts for two days to see the queue from their side, which is where I learned that half of the back-and-forth happened over email outside the tool.{/} {A}It turned out that the checks themselves took less than a day of analyst time on average; the rest was waiting, mostly for documents the merchant had not sent or had sent in the wrong format.{/} {A}That changed the conversation with both sales and compliance, because neither side was really the bottleneck.{/} {A}I proposed three workstreams and got the executive committee to agree to them in one meeting: a document checklist built into the sales contract flow, automatic checks against company registries for the simple cases, and a priority lane for merchants with low risk scores.{/} {A}For each workstream I set up a small team with a named owner from the business and one from engineering, and I ran a joint planning session every two weeks where the owners showed what they had shipped rather than slides.{/} {A}I kept a single risk register that compliance reviewed every week, because I wanted the head of compliance to be able to stop any change she was not comfortable with.{/} {A}She used that right once, on the automatic registry checks for partnerships, which we then kept manual.{/} {A}When engineering capacity ran short in the second quarter, I negotiated with the payments platform team to borrow two engineers for six weeks in exchange for taking over one of their migration tasks myself.{/} {A}I also changed how we reported progress: instead of a status color, the executive committee saw the median and the 90th percentile time to go live every Friday, split by country.{/}

{R}Over the following year the median time from signing to going live fell to three working days, and the 90th percentile fell from 34 days to nine.{/} {R}Applications sent back for missing documents went from about 40% of all applications to 15%, and the compliance team handled the growth in volume without adding headcount.{/} {R}The false-negative rate in the quarterly compliance audit stayed at zero throughout, which mattered more to me than any of the speed figures.{/} {R}The work also ended the argument between sales and compliance, which was probably the most valuable outcome, because the two teams now plan their quarter together.{/}
""",
    length=True,
    fires=["answer-length"],
    note="fintech TPM, Netherlands, US spelling; over 600 words but otherwise clean "
    "(efficiency results, audit held at zero)",
)

story(
    "fs15",
    False,
    """
{T}My brief from the VP of hardware was to take $6 off the bill of materials of our outdoor Wi-Fi camera before the next production run, without any change customers would notice.{/} {A}I went through the BOM line by line with the mechanical and electrical leads and ranked every part by cost and by how hard it would be to change.{/} {A}I also asked our support lead which features customers mentioned most in reviews of the current model, so that nothing they cared about would be cut.{/} {A}The two biggest items we could touch were the image sensor and the housing.{/} {A}I asked two sensor vendors for quotes on a newer part with the same resolution, and I had our imaging engineer run both through our night-vision test suite, because low-light quality was the thing reviewers always tested.{/} {A}One of them was cheaper but noticeably worse in the dark, so I dropped it, even though it would have hit the target on its own.{/} {A}For the housing, I worked with the contract manufacturer in Dongguan to move from a three-part shell to a two-part one, which removed a gasket and an assembly step.{/} {A}I insisted that the new housing repeat the full IP66 water test and a drop test from two metres before we signed off.{/} {A}When the first pilot batch failed the water test on a handful of units, I flew out to the factory with our mechanical lead, and we traced it to a mould that needed a tighter tolerance on one clip.{/} {A}I kept a one-page tracker of savings, risks and test results that I reviewed with the VP every week, and I told the sales team early that the launch date for the refreshed model would not move.{/}

{R}The changes took $6.40 off the BOM, and over the next production run of 400,000 units that came to about $2.5 million.{/} {R}Return rates and review scores for the camera stayed where they were, and the low-light scores in our own tests were unchanged.{/} {R}The two-part housing has since been reused on the indoor camera.{/}
""",
    missing=["situation"],
    fires=["star-missing-section"],
    note="hardware PM; opens with the brief and gives no background, so no Situation; cost "
    "savings need no guardrail",
)

story(
    "fs16",
    False,
    """
{S}At a subscription language-learning app, I was one of three data scientists supporting the product teams.{/} {S}The company had noticed that many learners stopped practising in their second month, and the lifecycle marketing team wanted to know whether a change to the reminder notifications could keep more of them going.{/} {T}I was tasked with designing the analysis and the experiment, and with making sure the result would be something the team could trust.{/}

{A}I was involved in the early discussions with the lifecycle team, where we agreed which learners to target and what a "lapsing" learner looked like in the data.{/} {A}I built a model of the chance that a learner would stop practising in the next seven days, using streaks, lesson completion and time of day.{/} {A}I helped the engineers set up the experiment so that learners were assigned at random within each risk band, and I wrote the analysis plan before the test started.{/} {A}The test compared the standard daily reminder with a reminder timed to each learner's usual practice hour, and with a lighter version for high-risk learners that offered a five-minute lesson instead of the full one.{/} {A}When the first results came in, I checked them against the holdout and found a logging bug that had counted some notification taps twice, so I had the team fix it and rerun the analysis.{/}

{R}The timed reminders for high-risk learners increased weekly lessons per learner by 9%.{/} {R}The lifecycle team rolled the new reminders out to all learners, and my risk model is still used to decide who gets the lighter lesson.{/}
""",
    length=True,
    fires=["missing-guardrail", "weak-verb", "missing-baseline", "answer-length"],
    note="data scientist, UK spelling; 'I was tasked with' is in the Task (does not count) but "
    "'I was involved in' and 'I helped' carry Action sentences; engagement moved by a relative "
    "figure with no start, period or guardrail",
)


# ---------------------------------------------------------------------------------------------
# Clean stories added before the first run (so that about a third of the set fires nothing)

story(
    "fs18",
    True,
    """
S – Situation
{S}In 2022 I was the lead producer on a free-to-play racing game at a mobile studio in Helsinki, with a live team of 35.{/} {S}Most of our revenue came from randomised crate purchases, and two of our biggest markets were drafting rules that would require published odds or ban paid crates for minors outright.{/} {S}Player surveys also told us that crates were the single most disliked thing about the game.{/}
T – Task
{T}I was asked to replace crates with a direct-purchase shop before the rules took effect, without losing the revenue that paid for the live team.{/}
A – Action
{A}I began by modelling three shop designs against two years of purchase data with our analyst, to see which players would lose out under each one.{/} {A}The model showed that a pure shop would cost us most with mid-spending players, who bought crates for one car at a time, so I proposed a rotating daily shop plus a season pass.{/} {A}I agreed the guardrails with the studio head before anything shipped: day-30 retention, refund requests and the share of negative reviews could not get worse.{/} {A}I ran the change as a staged experiment in three soft-launch countries for six weeks, and I wrote a weekly readout that showed the guardrails next to revenue.{/} {A}When the first readout showed the season pass selling well but the daily shop barely moving, I had the design team cut the shop's price points and add a preview of tomorrow's cars.{/} {A}I also drafted the community announcement myself and scheduled an open Q&A with the designers on launch day, because players distrust any change to monetisation.{/}
R – Result
{R}After the global rollout, monthly revenue per paying player went from €11.80 to €13.10 over the following quarter, and day-30 retention held at 14%.{/} {R}Refund requests fell by a third in the same quarter, and the share of negative reviews mentioning monetisation dropped from 41% to 12%.{/} {R}We met both markets' new rules two months before they took effect.{/}
""",
    note="games producer, Finland; 'S – Situation' labels with en dashes; revenue moved with "
    "retention held and refunds as guardrails; the relative drop has a period",
)

story(
    "fs19",
    True,
    """
1. Situation
{S}I was a senior PM at a UK online grocer, owning everything that happens to an order between checkout and the van.{/} {S}On a typical Saturday about 6% of ordered items were out of stock at picking time, and pickers chose substitutes by hand with almost no guidance.{/} {S}Customers rejected roughly a quarter of those substitutes at the door, and substitutions were the top reason for complaints and refunds.{/} {S}Store managers disliked them too, because every rejected substitute came back to their warehouse as waste.{/}
2. Task
{T}My objective for the year was to cut rejected substitutions and the refunds that came with them, while keeping picking speed in the warehouses where it was.{/}
3. Action
{A}I started by spending two early shifts in a Hatfield warehouse, picking orders myself with the handheld scanner.{/} {A}It was obvious that pickers had seconds to decide and no idea what the customer cared about, so a vegan customer could receive a beef stock cube in place of a vegetable one.{/} {A}With our data science team I built a substitution ranking that learned from five years of accepted and rejected substitutes and took dietary flags and brand loyalty into account.{/} {A}I added a screen at checkout where customers could pick their own substitute or choose "no substitute" for each item, which engineering had pushed back on for years because of the extra step.{/} {A}To answer that concern I ran the checkout change as an A/B test with checkout completion as the guardrail, and it stayed flat.{/} {A}I then piloted the ranking on the pickers' handhelds in two warehouses, timing picks so that I could show the operations director it did not slow anyone down.{/}
4. Result
{R}Over the following twelve months, the share of substitutes rejected at the door fell from 24% to 9%.{/} {R}Substitution refunds dropped by £3.1 million a year, and average pick time per item stayed at 11 seconds.{/} {R}The pattern of letting customers choose in advance has since been copied for delivery-slot changes.{/}
""",
    note="grocery PM, UK; numbered labels alone on their lines; quality and refund results with "
    "checkout completion and pick time held",
)

story(
    "fs20",
    False,
    """
{S}After the 2022 floods in the Northern Rivers, I was the program coordinator for a community legal centre in Lismore.{/} {S}Thousands of people were dealing with insurance claims, and many of them were being offered settlements far below the cost of rebuilding because they did not know what their policies covered.{/} {S}Our centre had four lawyers, and the waiting list for an appointment was already six weeks long.{/} {S}Most of the people calling us had never needed a lawyer before and did not know where to start.{/} {T}My job was to get more people the advice they needed before their claims closed, without burning out a team that had lost their own homes in the same flood.{/}

{A}I mapped the questions people were bringing to us and found that most of them fell into a handful of patterns that did not need a lawyer's time to answer.{/} {A}I designed a triage clinic where trained volunteers, mostly retired insurance and building professionals, walked people through their policy and a checklist, and I wrote the checklists with our principal solicitor.{/} {A}Only cases with a dispute went on to a lawyer, and I booked those into protected time so that the lawyers were not taking calls all day.{/} {A}I arranged a part-time coordinator and a mobile van, paid for by the state recovery fund, that visited the evacuation centres and the smaller villages.{/} {A}I also set up a simple case log so that we could see which insurers were refusing which claims and raise patterns with the financial ombudsman rather than fight each case alone.{/}

{R}In the first nine months the clinic saw 1,460 households, against about 300 the centre could have advised in the old model.{/} {R}The wait for a first appointment fell from six weeks to four days.{/} {R}Of the disputes we took on, 212 ended with a revised settlement, and the increases added up to A$9.4 million for local families.{/} {R}The ombudsman later used our case log in its review of flood claims handling.{/}
""",
    note="community legal centre coordinator, Australia; prose in three paragraphs; clean",
)

story(
    "fs21",
    False,
    """
{S}I joined a B2B invoicing startup in Bengaluru as an associate product manager straight out of college.{/} {S}Our customers were small distributors who sent a few hundred invoices a month, and the sales team kept hearing that collecting payment was harder than sending the invoice.{/} {S}Late payment mattered to them more than anything else we sold, because most of them ran on thin margins and borrowed to buy stock.{/} {S}Only 22% of invoices sent through the product were paid by their due date.{/} {T}My manager gave me the payment-reminders area as my first ownership, with a target of getting on-time payment above 35% in two quarters, without raising the number of customers who turned reminders off.{/} {A}I started by calling 30 distributors and their accountants, and I learnt that most reminders went to the wrong person: the purchase manager who placed the order rather than the accounts payable desk.{/} {A}I also sat with our support team for a week to hear how distributors talked about chasing payments.{/} {A}I wrote a short PRD for adding an accounts contact per buyer, and I pulled it from the buyer's GST details where possible so distributors did not have to type it.{/} {A}I also proposed sending reminders on WhatsApp with a UPI payment link, since that is where most of our customers' buyers actually read messages.{/} {A}I kept the first version deliberately small, with a single reminder template, so that it could ship within one sprint.{/} {A}Before launch I set the guardrail with my manager: if more than 5% of distributors switched reminders off in a week, we would pause.{/} {A}I ran the launch in two cohorts of 400 distributors each and checked the opt-out numbers every morning.{/} {R}In two quarters, the share of invoices paid on time went from 22% to 41%.{/} {R}Reminder opt-outs stayed under 2% throughout, and the feature became part of the paid plan's sales pitch.{/} {R}It also taught me to go and find the person who has the problem before designing anything.{/}
""",
    note="new-grad APM, India; one paragraph; a moved metric with opt-outs (unsubscribes) held",
)


def main() -> None:
    """Write stories.jsonl and print a one-line summary per story."""
    lines = []
    for ident, labelled, tagged, missing, we, unq, length, fires, note in sorted(STORIES):
        text, spans = build(tagged)
        words = len(text.split())
        if length != (words < 300 or words > 600):
            raise SystemExit(f"{ident}: answer-length label disagrees with {words} words")
        action = [text[s["start"] : s["end"]] for s in spans if s["label"] == "action"]
        n_we, n_i = pronoun_counts(action)
        if action and we != (n_we > n_i):
            raise SystemExit(f"{ident}: we-not-i label disagrees with we={n_we} I={n_i}")
        present = {s["label"] for s in spans}
        if sorted(missing) != sorted({"situation", "task", "action", "result"} - present):
            raise SystemExit(f"{ident}: missing sections disagree with the sentence labels")
        for code, flag in (
            ("star-missing-section", bool(missing)),
            ("we-not-i", we),
            ("result-unquantified", unq),
            ("answer-length", length),
        ):
            if (code in fires) != flag:
                raise SystemExit(f"{ident}: 'fires' and the rule label disagree on {code}")
        record = {
            "id": ident,
            "labelled": labelled,
            "text": text,
            "sentences": spans,
            "rules": {
                "star-missing-section": missing,
                "we-not-i": we,
                "result-unquantified": unq,
                "answer-length": length,
            },
            "fires": fires,
            "note": note,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
        print(f"{ident} words={words} sentences={len(spans)} we={n_we} I={n_i} fires={fires}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
