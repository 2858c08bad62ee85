# ruff: noqa: E501
"""Write stories.jsonl for the fifth sealed set (final3) from tagged sources.

    python tests/data/final3/build_stories.py

Each sentence is wrapped as `{s}…{/}` (s/t/a/r = situation/task/action/result); section labels
sit outside the tags, so offsets are computed, not counted by hand. The script refuses a story
whose `answer-length` label disagrees with the whitespace word count, whose `we-not-i` label
disagrees with a pronoun count over the Action sentences, whose missing sections disagree with
the sentence labels, or whose sentences are out of S-T-A-R order. Labels were written from
shared/RULES.md before any linter run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
TAG = re.compile(r"\{([star])\}(.*?)\{/\}", re.S)
NAMES = {"s": "situation", "t": "task", "a": "action", "r": "result"}
ORDER = ["situation", "task", "action", "result"]
WE = re.compile(r"\b(we|our|us|ours)\b|\bwe'\w+", re.I)
ME = re.compile(r"\b(i|my|me|mine)\b|\bi'\w+", re.I)


def parse(src: str) -> tuple[str, list[dict[str, int | str]]]:
    """Strip the tags and return the text with each sentence's offsets and label."""
    out, sents, pos = [], [], 0
    length = 0
    for m in TAG.finditer(src):
        before = src[pos : m.start()]
        out.append(before)
        length += len(before)
        body = m.group(2)
        sents.append({"start": length, "end": length + len(body), "label": NAMES[m.group(1)]})
        out.append(body)
        length += len(body)
        pos = m.end()
    out.append(src[pos:])
    return "".join(out), sents


# Each entry: id, labelled, source, missing sections, result-unquantified, the other codes that
# must fire (core rules and we-not-i / answer-length are checked against counts below), note.
STORIES: list[tuple[str, bool, str, list[str], bool, list[str], str]] = []

STORIES.append(
    (
        "ks01",
        True,
        """Situation: {s}In early 2024 I was the PM for notifications on a photo-sharing app with about 40M monthly users.{/} {s}Our push opt-out rate had crept up from 9% to 14% over eighteen months, and app-store reviews had started to mention "spammy" alerts.{/} {s}Marketing still wanted more re-engagement pushes, because each campaign showed a short bump in opens.{/}

Task: {t}My VP asked me to cut notification fatigue without losing the weekly return visits that pushes were driving.{/} {t}I owned the plan, the experiment design and the call on what shipped.{/}

Action: {a}I started by pulling six months of send logs and joining them to opt-out events.{/} {a}I also read 200 of the one-star reviews that mentioned notifications, to see which push types people named.{/} {a}I found that 70% of opt-outs followed a day on which a user had received three or more pushes.{/} {a}I wrote a proposal for a per-user daily budget of two pushes, with a ranking model choosing which ones to send.{/} {a}Marketing pushed back hard, so I sat down with their lead and agreed that campaign pushes would compete in the same ranking rather than bypass it.{/} {a}I designed a four-week A/B test on 10% of users, with weekly returning users as the primary metric and opt-outs, uninstalls and support contacts as guardrails.{/} {a}I also asked the data science team to pre-register the smallest effect we cared about, so nobody could argue about the readout afterwards.{/} {a}Midway through, I spotted that the ranking model was starving a small creator-update push type, and I had the engineers add a floor for it.{/}

Result: {r}After four weeks, push opt-outs in the treatment group were 31% lower than in control, while weekly returning users sat 0.2 points above control, inside the noise.{/} {r}Uninstalls and support contacts did not move.{/} {r}We rolled the budget out to everyone in the next release, and over the following quarter the opt-out rate came back down from 14% to 10%.{/} {r}The lesson I took away was to agree the guardrails with the sceptical team before the test, not after it.{/}""",
        [],
        False,
        [],
        "big-tech PM; opt-outs (unsubscribes) and held return users are guardrails; '31% lower than in control' has a control and a period in its sentence",
    )
)

STORIES.append(
    (
        "ks02",
        False,
        """{s}Last year I was a technical programme manager at a UK challenger bank, on the team that runs card payments.{/} {s}Our card processor announced that it would retire the API version we depended on, with a hard cut-off nine months away.{/} {s}Roughly 1.1 million active cards, the in-app freeze feature and all of our fraud rules sat on top of that API.{/} {s}The programme had no dedicated engineers, so the work had to fit around the card team's normal roadmap.{/} {t}The job given to me was to get us onto the new version before the deadline with no outage that customers would notice.{/} {a}We began by mapping every call our services made to the old API, and the engineers found 46 distinct endpoints, four of which had no equivalent in the new version.{/} {a}We split the work into three waves, starting with the read-only endpoints because they were the easiest to roll back.{/} {a}The fraud team rebuilt their rules against the new event format while we ran both versions side by side in shadow mode for five weeks.{/} {a}Each Friday we compared the two streams and logged any mismatch in a shared sheet.{/} {a}When the processor slipped one of their own fixes by a month, we moved the freeze-card feature into the last wave and kept our own dates for the rest.{/} {a}We also ran two game days with the processor's engineers, deliberately failing over to the new version at 2 am to see what broke.{/} {a}I kept the programme board, the risk log and the weekly note to the exec team.{/} {a}I also agreed a rollback rule with the head of payments in advance: any wave that raised authorisation failures for more than an hour would be reversed.{/} {r}We finished the cut-over three weeks ahead of the deadline.{/} {r}Card authorisation success stayed at 99.4% through every wave, and customer complaints about card payments in the cut-over month were 12, against a monthly average of 15.{/} {r}The shadow-mode comparison caught 19 mismatches before any customer saw them, and two of those would have blocked contactless payments.{/} {r}Looking back, I would start the shadow run even earlier, because it was the single thing that gave the risk committee confidence.{/}""",
        [],
        False,
        [],
        "fintech TPM, UK; Action told in 'we'; a migration, no product metric moved",
    )
)

STORIES.append(
    (
        "ks03",
        True,
        """S: {s}I coordinate a school-meals programme for a charity in Uganda's Lira district.{/} {s}In 2023 the maize price rose sharply and our suppliers began to deliver late.{/}
T: {t}I had to keep meals going in all 38 schools without going over the term budget.{/}
A: {a}I phoned each of the 38 head teachers to find out how many days of stock they held.{/} {a}I then negotiated a fixed-price contract with two farmer cooperatives near Lira instead of one trader in Kampala.{/} {a}I also changed deliveries from monthly to fortnightly, so that a single late lorry could not empty a store.{/}
R: {r}No school missed a meal day that term.{/} {r}Food costs came in 4% under budget, and the cooperatives earned about UGX 60 million they would otherwise not have had.{/}""",
        [],
        False,
        [],
        "NGO programme lead; short; '4% under budget' is a comparison, not a change",
    )
)

STORIES.append(
    (
        "ks04",
        False,
        """{s}I was the product manager for a battery-powered video doorbell at a consumer hardware company in Austin.{/} {s}Six weeks before our production build, beta testers in Minnesota started reporting that the doorbell shut down overnight when temperatures dropped below -15°C.{/} {s}The retail launch with two big-box chains was already booked for October, and the marketing spend was committed.{/} {s}The doorbell was the company's first battery-powered product, and the hardware team had only tested it in a warm climate chamber.{/} {t}I had to decide, within two weeks, whether we could fix the cold-weather problem in time or whether we should move the launch.{/} {a}I first asked the electrical team to reproduce the fault in the environmental chamber, which they did on the second day.{/} {a}The cell supplier's datasheet rated the battery down to -20°C, but only at half the current our radio drew when it woke up.{/} {a}I set out three options with the team: a firmware change that woke the radio less often in the cold, a different cell, or a shipping delay.{/} {a}For each option I wrote down the cost, the schedule risk and what a customer in Minneapolis would actually experience.{/} {a}I asked finance to price the cell swap, which added $1.80 to the unit cost and would push the production build by five weeks.{/} {a}The firmware option was the cheapest, but it meant motion alerts could be up to four seconds late below -10°C.{/} {a}I called a dozen of our beta testers in cold states and asked them whether a late alert or no alert at all was worse.{/} {a}All but one said they would accept the delay if the doorbell stayed on.{/} {a}I then wrote a one-page recommendation for the general manager, with the firmware change as the plan and the cell swap as a fallback for the next production run.{/} {a}I also drafted the help-centre article explaining cold-weather behaviour, so that support would not be caught off guard.{/} {a}In the review, I presented the three options, the customer calls and the cost table, and asked for a decision that day.{/}""",
        ["result"],
        False,
        [],
        "hardware PM; the story stops at the decision meeting: no outcome, no lesson",
    )
)

STORIES.append(
    (
        "ks05",
        True,
        """**Situation**
{s}I was a producer at a 30-person indie studio in Leamington Spa, finishing a co-op survival game for PC and consoles.{/} {s}Two months before release, the build was crashing in roughly one in five Xbox sessions, and certification was booked for the following month.{/} {s}The lead programmer was on paternity leave and the publisher was nervous.{/} {s}It was the studio's biggest release so far, and the publisher had already paid for a launch trailer slot.{/}

**Task**
{t}I was asked to get us through Xbox certification first time without moving the release date.{/}

**Action**
{a}I started by pulling the crash reports from the last 500 sessions into one spreadsheet and grouping them by callstack.{/} {a}Three callstacks accounted for most of the crashes, and two of them came from the same streaming system.{/} {a}I moved two engineers off new content and onto those crashes, and I agreed with the creative director to cut one late biome to make room.{/} {a}That was a hard conversation, so I brought the crash data and a short video of the game crashing in front of a playtester.{/} {a}I set up a daily 15-minute triage at 9:30 with QA, the engineers and the publisher's producer on a call.{/} {a}I also booked a pre-certification pass with an external test house to catch the requirements we kept forgetting, such as the behaviour when a controller disconnects.{/} {a}When the external pass found eight failures, I turned each into a ticket with an owner and a date, and I posted the list in the studio channel every morning.{/} {a}I kept the creative director and the publisher updated in one short note every Friday, so neither heard news second-hand.{/}

**Result**
{r}We passed Xbox certification at the first attempt and launched on the planned date.{/} {r}The publisher's producer said it was the calmest launch they had seen from us.{/} {r}The team did not have to crunch in the final weeks, and the biome we cut went out later as a free update that players liked.{/} {r}What I learned was that the crash data, not my opinion, is what persuaded the creative director.{/}""",
        [],
        True,
        [],
        "games producer, UK; Result holds no figure ('first attempt' is a sequence)",
    )
)

STORIES.append(
    (
        "ks06",
        False,
        """{s}In 2022 I managed patient flow at a 450-bed public hospital in Brisbane.{/} {s}Ambulances were waiting outside the emergency department for an average of 48 minutes before they could hand over patients, and on bad days the queue reached eleven vehicles.{/} {s}Most of the delay came from the wards: patients who were medically ready to go home were still in beds at 3 pm, so the ED had nowhere to send admitted patients.{/} {s}The state health department published handover times for every hospital each month.{/} {t}The executive director asked me to bring ambulance handover under 30 minutes by winter without opening more beds.{/} {a}I spent the first fortnight on the wards with the nurse unit managers, timing each step of a discharge from the doctor's decision to the patient leaving.{/} {a}The longest wait was for discharge medications, which took a median of three hours to come from pharmacy.{/} {a}I agreed with the pharmacy director that medication orders could be written the afternoon before for planned discharges.{/} {a}I also set up a discharge lounge near the main entrance, staffed by one nurse, so that patients waiting for a lift home no longer held a ward bed.{/} {a}I also asked the transport office to book patient transport the day before rather than on the morning of discharge.{/} {a}Each morning at 8:15 I ran a ten-minute huddle by phone with every ward to agree which patients would go before 11 am.{/} {a}I tracked the results on a whiteboard in the bed management office and sent the wards a one-page summary every Friday.{/} {a}When two wards fell behind, I went to their huddles in person rather than sending emails.{/} {r}By June, 41% of discharges happened before 11 am, up from 14% in January.{/} {r}Median ambulance handover time fell from 48 to 22 minutes, and the hospital met its handover target for the first winter in four years.{/} {r}Readmissions within 28 days did not rise, which mattered to the clinicians who had worried we were pushing people out too early.{/} {r}I learned that a daily habit on the wards did more than any new system would have.{/}""",
        [],
        False,
        [],
        "hospital ops manager, AU; clinical and flow measures, not product metrics",
    )
)

STORIES.append(
    (
        "ks07",
        True,
        """## Situation
{s}I was the lead sales engineer for a data-integration vendor, working a deal with a regional grocery chain of 220 stores.{/} {s}Their IT team had already run a proof of concept with a competitor, and it had stalled because nightly loads from store systems kept failing.{/} {s}The buyer gave us three weeks to show something better before the budget went to the next quarter.{/}

## Task
{t}My job was to design and run a proof of concept that loaded their store sales data reliably, and to win the technical sign-off from their head of data.{/}

## Action
{a}I flew out to their head office and spent two days with their data engineers, reading the failed job logs from the earlier trial.{/} {a}The failures came from store systems that went offline at night for till reconciliation, so loads started before the data was ready.{/} {a}I rebuilt the pipeline so that each store's load waited for its own completion file instead of running on a fixed schedule.{/} {a}I helped their two junior engineers set up alerting in their own Slack workspace, so they could see failures without asking us.{/} {a}Each evening I wrote a short status note for the buyer and the head of data, listing the stores that had failed and why.{/} {a}In the second week I ran a workshop for their analysts on the new sales tables, because they would be the daily users.{/} {a}When the head of data asked about running costs, I built a model of compute spend at their volumes and shared it openly, including the scenario where our product came out more expensive.{/}

## Result
{r}Over the final ten nights of the trial, every one of the 220 stores loaded successfully.{/} {r}The head of data signed the technical approval and the chain bought a three-year licence.{/} {r}Their analysts told us the morning sales report now arrived 60% sooner, so they could act on stock gaps before the stores opened.{/} {r}I have since reused the completion-file design in four other retail trials.{/}""",
        [],
        False,
        ["weak-verb", "missing-baseline"],
        "sales engineer; 'I helped … set up' in Action; '60% sooner' has no start and no period in its sentence; a deal won is not a moved metric",
    )
)

STORIES.append(
    (
        "ks08",
        False,
        """{s}I was the data scientist on the checkout team at an online furniture retailer in Berlin.{/} {s}About 62% of shoppers who reached the delivery step abandoned their basket, and exit surveys blamed unclear delivery dates.{/} {s}The product manager believed a delivery-date estimate on the product page would help, but nobody knew how accurate our estimates could be.{/} {s}The company shipped bulky items through four carriers, and each had its own scan format.{/} {t}I was responsible for building the delivery-date model and for proving whether showing it changed buying behaviour.{/} {a}I collected two years of orders, joined them with warehouse stock levels and carrier scan data, and measured how late past orders had actually arrived.{/} {a}I trained a quantile model that predicted a delivery window rather than a single day, because a range that was right 90% of the time seemed more honest than an exact date.{/} {a}Before any test, I checked the model on the most recent three months of orders, which it had never seen, and the true delivery date fell inside the window 91% of the time.{/} {a}I then wrote the experiment plan with the PM: half of visitors would see the window on product pages and at checkout, and half would see nothing new.{/} {a}I set the sample size so that we could detect a half-point change in checkout conversion, which meant running for four weeks.{/} {a}During the test I checked daily that the split was balanced and that the window was rendering for every carrier.{/} {a}When one carrier's scan data stopped arriving in the second week, I paused that carrier's windows rather than show stale estimates.{/} {a}I also wrote a short explainer for customer service so they could answer questions about how the window was calculated.{/} {r}After four weeks, checkout conversion in the test group was 3.6%, against 3.1% in control.{/} {r}We rolled the delivery window out to all shoppers the following month.{/} {r}The PM and I presented the result at the company all-hands, and the model now also feeds the delivery promises in order-confirmation emails.{/}""",
        [],
        False,
        ["missing-guardrail"],
        "data scientist, Berlin; conversion moved by an experiment, no counter-metric (returns, cancellations) named; 'responsible for' is in the Task",
    )
)

STORIES.append(
    (
        "ks09",
        True,
        """Situation - {s}During my final year at university I joined the student union's app project as the only product person.{/} {s}Students kept missing society events because the information was spread over Instagram, email and posters.{/}
Task - {t}My goal was to get a working events calendar into the union app before freshers' week.{/}
Action - {a}I interviewed students in the library and the canteen to learn how they found out about events.{/} {a}I sketched the screens on paper and tested them with friends from my course.{/} {a}I wrote the user stories for the developers and ran a short stand-up with them every morning.{/} {a}When the society leaders complained that adding events was slow, I built them a simple shared form.{/}
Result - {r}The calendar went live just before freshers' week.{/} {r}Society leaders said it saved them time, and the union decided to keep it for the next year.{/} {r}I learned how much faster decisions are when you show people a sketch instead of a document.{/}""",
        [],
        True,
        ["no-quantification"],
        "new grad, UK; no figure or number word anywhere; short",
    )
)

STORIES.append(
    (
        "ks10",
        False,
        """{s}Before moving into product, I taught maths for six years at a secondary school in Leeds.{/} {s}In my last year there, the school adopted a homework platform that most of my Year 9 students simply ignored.{/} {s}The platform had been chosen by the trust that ran the school, and teachers had been given an hour of training on it.{/} {s}Only 35% of homework was being submitted online by the October half-term, and parents were calling the office because they could not see what had been set.{/} {a}I spent a lunchtime watching five students try to log in on their phones, and every one of them got stuck on the same screen asking for a school code they had never been given.{/} {a}I wrote down the steps, took screenshots, and emailed the platform's support team with the problem and a suggested fix.{/} {a}I asked my students which part of the platform confused them most, and wrote their answers on the board.{/} {a}While waiting, I printed a one-page login guide with the code on it and handed it out in every lesson.{/} {a}I also set the first homework of each week as a two-question quiz that took under five minutes, so students could get used to the platform before longer tasks.{/} {a}For parents, I recorded a three-minute video showing how to see what had been set, and the head of year shared it in the weekly newsletter.{/} {a}Other maths teachers asked for the guide, so I ran a twenty-minute session for the department after school.{/} {a}I kept a simple tracker of submissions by class and shared it with the head of department every fortnight.{/} {r}By the end of the spring term, online submission across my classes had risen from 35% to 82%, and the department average reached 74%.{/} {r}The platform company fixed the login screen in their next release and asked me to test two more features before they shipped.{/} {r}That conversation with their product team is what first made me want to work in product, and it is the story I tell when people ask why I switched.{/}""",
        ["task"],
        False,
        [],
        "career changer (teacher); nobody asks and no goal is stated: the teacher just acts, so Task is missing; homework submission is a school outcome",
    )
)

STORIES.append(
    (
        "ks11",
        True,
        """Context: {s}I was a product manager at a fitness start-up in Bengaluru with a home-workout app in Hindi and English.{/} {s}Growth had stalled at around 20,000 installs a month, and the founders were preparing for a seed extension.{/} {s}Almost all of our marketing budget went on Instagram ads that were getting more expensive each month.{/} {s}The team was eleven people, and most of them were engineers.{/}

Goal: {t}The CEO asked me to find a cheaper way to grow the app before the fundraise, within a budget of ₹8 lakh.{/} {t}I owned the plan and the budget.{/}

Approach: {a}I read through 300 app-store reviews and found that many users had heard about us from a friend or a WhatsApp group.{/} {a}I designed a referral feature where a user could share a seven-day challenge link on WhatsApp, and both people unlocked a premium workout pack when the friend joined.{/} {a}I wrote the spec in a week and built the first version with our two engineers and the designer in three sprints.{/} {a}I set up tracking for link shares, link opens and installs from referrals in our analytics tool.{/} {a}I ran a pilot with 2,000 users in Pune first, which showed that the challenge link worked better when it was sent in Hindi.{/} {a}Before the full rollout, I changed the default message language to follow the user's phone setting.{/} {a}I also partnered with twelve fitness creators in Tier 2 cities to share their own challenge links.{/} {a}I wrote the WhatsApp message copy myself in both languages and tested four versions with users from our beta group.{/} {a}Every week I shared a one-page update with the founders on shares, opens and installs.{/}

Outcome: {r}Within three months, monthly installs grew from 20,000 to 95,000, and more than half of new installs came through referral links.{/} {r}The founders used the install chart in the pitch deck, and the extension closed in the following quarter.{/} {r}The Pune pilot became the template for every later launch in a new city.{/}""",
        [],
        False,
        ["vanity-metric", "missing-guardrail"],
        "consumer PM, India; installs are the outcome, with no activation, retention or revenue and no guardrail",
    )
)

STORIES.append(
    (
        "ks13",
        True,
        """SITUATION
{s}I am an outpatient services manager at an NHS trust in the Midlands.{/} {s}In 2023 our dermatology clinic had a waiting list of 4,100 patients, and the longest waits were over 60 weeks.{/} {s}Consultant vacancies meant that two of the five clinic rooms stood empty on most afternoons.{/} {s}Around one in eight appointments was lost because the patient did not attend.{/}

TASK
{t}The divisional director asked me to lead a project to bring the longest waits under 52 weeks by the end of the financial year.{/}

ACTION
{a}We began by validating the waiting list, phoning the patients who had waited longest to check they still needed the appointment.{/} {a}Our admin team found that several hundred patients had already been seen elsewhere or no longer wanted treatment.{/} {a}We then introduced text-message reminders seven days and two days before each appointment, with a link to cancel or rebook.{/} {a}Our consultants agreed to run extra Saturday clinics, and we used our nurse specialists for the simpler follow-ups.{/} {a}We also set up a photo-triage pathway, so that GPs could send images and some patients could be discharged without a visit.{/} {a}Every Friday we went through the list together and moved patients into any slots that had opened.{/} {a}I chaired the weekly project meeting and reported progress to the division.{/}

RESULT
{r}By March, the number of patients waiting over 52 weeks had fallen by [X]% and did-not-attend rates were down.{/} {r}TODO: add the final waiting-list figure from the April report.{/} {r}The photo-triage pathway has since been adopted by the plastics service.{/}""",
        [],
        True,
        ["unfilled-placeholder"],
        "NHS outpatient manager; Action in 'we'; the Result holds only a slot and a TODO",
    )
)

STORIES.append(
    (
        "ks14",
        False,
        """{s}At a smart-home company in Shenzhen I was the PM for a Wi-Fi plug that sold mainly through Amazon in the US.{/} {s}Our return rate had reached 9%, nearly twice the category average, and most return comments said the plug would not connect.{/} {t}I had to bring returns down before the holiday season, which was eleven weeks away.{/} {a}I read 400 return comments and tagged each one by cause.{/} {a}Most of them came from customers whose routers only broadcast on the 5 GHz band, which the plug could not join.{/} {a}I rewrote the setup screen in the app to detect this and explain the fix in plain words, and I had the listing and the box updated to say that a 2.4 GHz network is required.{/} {a}I also asked the support team to send me every new connection complaint each morning for a month.{/} {r}Over the holiday quarter, the return rate fell from 9% to 4.5%.{/} {r}The listing's star rating moved from 3.8 to 4.3, and setup contacts to support fell from about 300 a week to 140.{/}""",
        [],
        False,
        [],
        "hardware PM, Shenzhen; short; returns, ratings and support contacts are quality and cost",
    )
)

STORIES.append(
    (
        "ks15",
        True,
        """S – Situation
{s}I led a maternal-health programme for an NGO in two districts of Rajasthan, funded by a UK foundation.{/} {s}Only 46% of births in our villages took place in a health facility, and the foundation's three-year grant was due for renewal.{/} {s}Community health workers were visiting homes, but their paper registers were weeks out of date by the time they reached the district office.{/} {s}Many of the villages were more than an hour by road from the nearest facility with a doctor.{/}

T – Task
{t}I needed to raise facility births and to show the foundation credible data before the renewal meeting, which was nine months away.{/}

A – Action
{a}I spent my first month in the villages with the health workers, and it became clear that the registers were not the real problem: women did not know which facility had a doctor on a given night.{/} {a}I agreed with the district health office to publish a weekly duty roster for the eleven facilities, sent by SMS to every health worker.{/} {a}I introduced a simple phone-based register that let health workers record each pregnancy and each visit, replacing the paper forms.{/} {a}I trained 180 health workers on it in batches of 20, in Hindi, with a helpline that I answered myself for the first six weeks.{/} {a}I arranged with two local taxi operators to offer a fixed fare to the nearest facility at night, paid from the programme budget.{/} {a}I also met the nurses at each facility to explain why more women might soon arrive at night.{/} {a}Every month I took the register data to the district health officer and went through the villages where facility births were lowest.{/}

R – Result
{r}Within a year, facility births in the two districts rose from 46% to 71%.{/} {r}The foundation renewed the grant for a further three years, and the district health office significantly expanded the SMS roster to cover all its facilities.{/} {r}I learned that the quickest improvement came from fixing information, not from building new clinics.{/}""",
        [],
        False,
        ["vague-language"],
        "NGO programme lead, India; 'significantly' in the Result; facility births are a health outcome; a grant renewed names no metric",
    )
)

STORIES.append(
    (
        "ks16",
        False,
        """{s}In 2022 I was a product manager at a digital lending company in Mumbai that gave small working-capital loans to kirana shop owners.{/} {s}Applications were growing, but 38% of applicants dropped out at the bank-statement upload step, which needed a PDF that most shop owners did not have on their phones.{/} {s}The credit team would not approve loans without six months of statements, so the step could not simply be removed.{/} {t}My target for the quarter was to reduce drop-off at that step without raising defaults, and I owned the decision on what we built.{/} {a}I visited twenty shops in Dharavi and Andheri with a field sales agent and watched owners try to complete the step.{/} {a}I also asked two field agents to record short videos of owners using the new flow, which I played at our sprint review.{/} {a}Most of them banked with one of a few large banks and used UPI daily, but had never downloaded a statement.{/} {a}I proposed using the account aggregator framework, so that an applicant could share statements directly from their bank, with consent, in a few taps.{/} {a}I wrote the spec, agreed the consent screens with our compliance head, and negotiated integration terms with an aggregator partner.{/} {a}Because the credit team worried about data quality, I ran a two-week shadow test in which every aggregator statement was also checked against a manual upload.{/} {a}The two matched in 97% of cases, and I walked the credit head through each mismatch.{/} {a}I then launched the new flow to 20% of applicants, with 60-day defaults and fraud flags tracked as guardrails alongside completion.{/} {r}Over eight weeks, drop-off at the statement step fell from 38% to 17% in the test group, and we moved every applicant to the new flow.{/} {r}Sixty-day defaults for the new cohort stayed at 2.1%, the same as the old flow, and fraud flags did not increase.{/} {r}Disbursed loans for the quarter grew from ₹42 crore to ₹58 crore, which the CFO put down mainly to the new flow.{/} {r}The compliance head later asked me to write up the consent design as the template for other products.{/}""",
        [],
        False,
        [],
        "lending PM, India; conversion and disbursals moved, defaults and fraud flags held as guardrails",
    )
)

STORIES.append(
    (
        "ks12",
        True,
        """1. Situation
{s}In 2021 I joined an Australian online fashion retailer as the programme manager for its returns operation, after eight years running stores for a department-store chain.{/} {s}The business shipped about 30,000 parcels a week from a single warehouse in western Sydney, and close to a third of them came back.{/} {s}Returned items sat in cages on the warehouse floor for an average of eleven days before they were checked, cleaned and put back on sale.{/} {s}By then, many of them were out of season, so the merchandising team marked them down or sent them to an outlet.{/} {s}Customers were also waiting for their refunds until the parcel had been processed, and the contact centre spent a large part of every Monday answering "where is my refund" calls.{/} {s}The warehouse manager, the head of customer service and the finance director each blamed a different part of the chain, and nobody owned the whole process.{/}

2. Task
{t}The COO asked me to own returns end to end for twelve months.{/} {t}My brief was to get returned stock back on sale within three days of arriving at the warehouse and to refund customers faster, without adding headcount or opening a second site.{/}

3. Action
{a}I spent my first two weeks on the returns floor, working shifts alongside the team so that I understood each step before I changed anything.{/} {a}I timed every step for a sample of 600 parcels, from the courier scan at the dock to the item being live on the website again.{/} {a}Only about forty minutes of the eleven days was actual work; the rest was waiting between steps, mostly for an inspection bench to become free.{/} {a}I found that the cages were processed in the order they arrived, so a high-value dress from this season waited behind a pile of last year's socks.{/} {a}I worked out a simple priority score with the merchandising team, based on the item's full price and how many weeks were left in its season, and printed it on the returns label when the customer booked the return.{/} {a}I then had the warehouse team sort incoming parcels into three lanes by that score, so the most valuable items went straight to inspection.{/} {a}For the refund delay, I proposed that customers with a good return history be refunded as soon as the courier scanned the parcel, instead of waiting for inspection.{/} {a}The finance director was worried about fraud, so I agreed a limit with him: instant refunds only for customers with at least three previous orders and a return rate under half, and a monthly review of any losses.{/} {a}I ran that rule as a trial in New South Wales for six weeks before extending it to the other states.{/} {a}I also set up a fifteen-minute stand-up at the start of each shift with the returns team leaders, with three numbers on a whiteboard: parcels received, parcels processed and the age of the oldest cage.{/} {a}When the oldest cage went over four days, the team leader could pull two pickers from outbound to returns for the rest of the shift, without asking me.{/} {a}Every month I presented the same three numbers, plus the refund time and fraud losses, to the COO and the three department heads together, so that nobody could argue from a different spreadsheet.{/}

4. Result
{r}By the end of the year, the average time from dock to back on sale had fallen from eleven days to two and a half, with no extra staff.{/} {r}The share of returned items sold at full price went from 41% to 68%, which finance valued at about A$3.4 million a year in margin that had previously been lost to markdowns.{/} {r}Median refund time for eligible customers dropped from nine days to one, and "where is my refund" calls fell from roughly 2,400 a week to 500.{/} {r}Fraud losses from instant refunds stayed below A$6,000 a month, well inside the limit we had agreed.{/} {r}The biggest lesson for me was that the problem was never the speed of any one team, but the queue between them, and that a single set of numbers that everyone looks at together can settle arguments that months of meetings had not.{/}""",
        [],
        False,
        [],
        "programme manager, AU retail (career changer from stores); long (over 600 words); cost and efficiency outcomes",
    )
)


def check_and_record(
    sid: str, labelled: bool, src: str, missing: list[str], runq: bool, codes: list[str], note: str
) -> dict[str, object]:
    """One stories.jsonl record; refuse counting labels that disagree with the counts."""
    text, sents = parse(src)
    assert "{" not in text.replace("{first_name}", ""), sid
    labels = [s["label"] for s in sents]
    assert labels == sorted(labels, key=ORDER.index), (sid, "order")
    assert sorted(set(ORDER) - set(labels)) == sorted(missing), (sid, "missing")
    if "result" in missing:
        assert not runq, sid
    words = len(text.split())
    too_short_or_long = words < 300 or words > 600
    assert min(abs(words - 300), abs(words - 600)) > 25, (sid, words)
    action = " ".join(text[s["start"] : s["end"]] for s in sents if s["label"] == "action")
    we, me = len(WE.findall(action)), len(ME.findall(action))
    fires = set(codes)
    if missing:
        fires.add("star-missing-section")
    if runq:
        fires.add("result-unquantified")
    if we > me:
        fires.add("we-not-i")
    if too_short_or_long:
        fires.add("answer-length")
    return {
        "id": sid,
        "labelled": labelled,
        "text": text,
        "sentences": sents,
        "rules": {
            "star-missing-section": missing,
            "we-not-i": we > me,
            "result-unquantified": runq,
            "answer-length": too_short_or_long,
        },
        "fires": sorted(fires),
        "note": f"{note} ({words} words; Action we/our/us {we}, I/my/me {me})",
    }


def main() -> None:
    """Write stories.jsonl in id order."""
    records = [check_and_record(*s) for s in sorted(STORIES)]
    with (HERE / "stories.jsonl").open("w", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for rec in records:
        print(rec["id"], rec["labelled"], rec["fires"], rec["note"][-60:])


if __name__ == "__main__":
    main()
