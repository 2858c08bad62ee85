# ruff: noqa: E501  (story sources are kept one paragraph a line; the offsets are computed)
"""Build stories.jsonl for the fourth sealed set from the tagged sources below (and check it).

    .venv/bin/python tests/data/final2/build_stories.py          # write stories.jsonl
    .venv/bin/python tests/data/final2/build_stories.py --check  # fail if it differs

Each sentence of a story body is wrapped in one tag: {S}…{/} situation, {T}…{/} task,
{A}…{/} action, {R}…{/} result. Labels such as "Situation:" stay outside the tags, so the
character offsets are computed rather than counted by hand. The builder refuses a story whose
counting labels disagree with the text: `answer-length` against the whitespace word count,
`we-not-i` against a count of we/our/us/ours and I/my/me/mine (contractions folded) in the
Action sentences, and the missing sections against the sentence labels. The other labels are
judgement (README.md) and are not computed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "stories.jsonl"
TAGS = {"S": "situation", "T": "task", "A": "action", "R": "result"}
SECTIONS = ("situation", "task", "action", "result")
TAG_RE = re.compile(r"\{([STAR])\}(.*?)\{/\}", re.S)
PLURAL = {"we", "our", "us", "ours"}
SINGULAR = {"i", "my", "me", "mine"}

# id, labelled, missing sections, we-not-i, result-unquantified, answer-length, core codes, note
STORIES: list[dict] = [
    {
        "id": "gs01",
        "labelled": True,
        "missing": [],
        "we": False,
        "ru": False,
        "al": False,
        "core": [],
        "note": "big-tech PM (US), 'Situation:' inline labels; opt-outs are unsubscribes "
        "(a guardrail) and orders were held, so nothing fires",
        "src": """Situation: {S}In early 2023 I was the product manager for notifications on a US food-delivery app with about 9 million monthly customers.{/} {S}Push opt-outs had been climbing for a year, and by January 6.1% of new customers were disabling pushes in their first week, up from 3.4% a year earlier.{/} {S}Marketing wanted more sends, engineering wanted fewer, and nobody owned the trade-off.{/}

Task: {T}My VP asked me to set a notification policy that protected the channel without cutting order volume, and to have it live before the summer peak.{/}

Action: {A}I started by pulling every push we had sent in the previous 90 days, 212 distinct templates, and tagging each by owner, trigger and the orders it drove within 24 hours.{/} {A}Fourteen templates produced 80% of attributed orders; 120 of them produced almost none and were mostly promotional blasts.{/} {A}I wrote a one-page policy with a frequency cap of three promotional pushes a week per customer and a quality bar for any new template.{/} {A}Before arguing about it, I ran a four-week holdout with 10% of customers on the capped policy, and I agreed the guardrails with finance and marketing up front: orders per customer could not fall by more than 1%, and the opt-out rate had to drop.{/} {A}I reviewed the dashboard with the marketing lead every Monday so there were no surprises at the readout.{/} {A}When the first week showed a small dip in orders among lapsed customers, I worked with the lifecycle team on a single win-back message for that segment instead of loosening the cap for everyone.{/}

Result: {R}At the end of the test, first-week opt-outs in the capped group were 3.9% against 6.0% in control, and orders per customer were flat within 0.3%.{/} {R}We rolled the policy out to all customers in May, retired 97 templates, and by the end of the summer peak the opt-out rate had held below 4%.{/} {R}The frequency cap is still the rule two years later, and new templates now go through the review I wrote.{/}""",
    },
    {
        "id": "gs02",
        "labelled": False,
        "missing": [],
        "we": False,
        "ru": False,
        "al": False,
        "core": [],
        "note": "hospital operations manager (NHS), prose; 'The data showed…' is a finding, "
        "so Action",
        "src": """{S}Last winter I was the operations manager for the emergency department at a 700-bed district general hospital in the Midlands.{/} {S}Ambulances were queuing outside for hours because we had no cubicle free to take the handover, and in December the average handover took 74 minutes against a national standard of 15.{/} {S}Crews were losing whole shifts in our car park, and the regional ambulance service had escalated it to the chief executive.{/} {T}I was given six weeks to bring the average below 30 minutes without moving the risk onto the wards.{/} {A}I spent the first week on the floor with a stopwatch and a clipboard, logging every handover and where each patient went next.{/} {A}The data showed that the queue was not really an ED problem: 40% of our cubicles were occupied by patients who had already been referred to a medical team and were waiting for a bed.{/} {A}I set up a twice-daily bed meeting at 8 am and 2 pm with the site manager and each ward's nurse in charge, so that discharges were planned before lunchtime rather than after the evening ward round.{/} {A}I also opened a six-chair ambulance receiving area staffed by one nurse and one healthcare assistant, which let crews hand over and leave while the patient waited on a chair rather than a stretcher.{/} {A}The matrons were worried about safety, so I agreed a rule with them: any patient with a NEWS2 score of 5 or more went straight to a cubicle, and I audited every case in the area each morning.{/} {A}I published the handover times on a board in the staff room every day, by hour, so the teams could see what was working.{/} {R}By the end of the six weeks the average handover was down from 74 to 27 minutes, and the number of handovers over an hour fell from 412 in December to 58 in February.{/} {R}There were no serious incidents linked to the receiving area in the audit, and the ambulance service stood down its escalation.{/} {R}The receiving area became permanent the following spring, and two neighbouring trusts visited to copy it.{/}""",
    },
    {
        "id": "gs03",
        "labelled": True,
        "missing": [],
        "we": True,
        "ru": False,
        "al": False,
        "core": [],
        "note": "fintech TPM (Netherlands), 'S:' letter labels; the Action is told entirely "
        "in 'we'",
        "src": """S: {S}At a Dutch neobank I was the technical programme manager for the move from our old card processor to a new one.{/} {S}The contract with the old processor ended on 31 March, and about 850,000 debit cards had to be re-pointed without customers noticing.{/} {S}The old processor's fees had also gone up twice in two years, which was part of the case for leaving.{/} {S}The bank had around 90 engineers, and the card team was only six of them.{/}
T: {T}I had to deliver the migration by the contract date with no more than 0.1% of card transactions declined because of the switch.{/}
A: {A}We split the migration into waves by card BIN and started with 2,000 employee cards.{/} {A}We ran both processors in parallel for a month and compared every authorisation decision between them.{/} {A}Our fraud team rewrote 60 rules for the new platform, and our mobile squad shipped an in-app banner so that customers would know why their card had been reissued, if it came to that.{/} {A}When the comparison showed that the new processor was declining contactless payments in Belgian supermarkets, we worked with the vendor to fix the terminal configuration before the next wave.{/} {A}We also wrote a rollback plan for each wave and rehearsed it once in the test environment.{/} {A}Our support team prepared scripts for the calls we expected, and we staffed an extra shift on each wave weekend.{/} {A}Every Friday we held a go/no-go with risk, operations and the vendor, and we moved to the next wave only when decline rates were within our threshold.{/}
R: {R}All 850,000 cards moved across in seven waves, finishing nine days before the contract ended.{/} {R}Declines caused by the switch peaked at 0.06% in the largest wave, and card-related complaints in March were lower than in February.{/} {R}Ending the old contract saved the bank €1.3 million a year.{/} {R}The vendor later asked to use our parallel-run comparison as the template for its other client migrations.{/} {R}Support calls about cards on migration weekends were no higher than on a normal weekend.{/}""",
    },
    {
        "id": "gs04",
        "labelled": False,
        "missing": [],
        "we": False,
        "ru": False,
        "al": True,
        "core": [],
        "note": "NGO programme lead (Bihar), short prose",
        "src": """{S}In 2021 I ran a girls' education programme for an NGO in three blocks of Sitamarhi district in Bihar.{/} {S}After the school closures, attendance among girls in Classes 6 to 8 had fallen from about 90% before the pandemic to 47%.{/} {T}My job was to get them back into classrooms before the annual exams.{/} {A}I mapped every girl who had stopped attending with our 26 community volunteers, village by village.{/} {A}I met the mothers' groups myself, because the volunteers told me that mothers, not fathers, decided whether a girl went back.{/} {A}I arranged bicycles for 340 girls who lived more than 3 km from school through a state scheme that most families had not heard of.{/} {R}By February, attendance was back up to 79%, and 1,150 of the 1,400 girls we had mapped were enrolled again.{/} {R}The district education office has since adopted the mapping approach in two more blocks.{/}""",
    },
    {
        "id": "gs05",
        "labelled": True,
        "missing": [],
        "we": False,
        "ru": True,
        "al": False,
        "core": [],
        "note": "hardware PM (baby monitor), '**Situation**' on its own line; the Result has "
        "no figure",
        "src": """**Situation**
{S}I was the hardware product manager for a Wi-Fi baby monitor that had been on sale for about a year.{/} {S}Our support team was seeing a steady stream of returns where parents said the camera dropped its connection at night, and the app-store reviews had turned against us.{/} {S}Engineering could not reproduce the problem in the lab, so the issue had sat in the backlog for four months.{/}

**Task**
{T}I owned getting to the root cause and deciding whether we needed a hardware revision, which would have cost us a production slot and about $400,000 in tooling.{/}

**Action**
{A}I asked support for the serial numbers of every unit returned for connectivity and had 60 of them shipped back to our office.{/} {A}I then visited eight of the families who had complained, with their permission, and set up a logging build on their monitors for a week.{/} {A}To rule out a hardware fault, I had the lab run the 60 returned units for 72 hours on a router that switched channels every hour, and 58 of them dropped within the first night.{/} {A}The logs showed that the drops happened when the nursery's router switched channels overnight, which our firmware handled badly on the 5 GHz band.{/} {A}Engineering had only tested with routers on fixed channels, which is why the lab never saw it.{/} {A}I wrote up the finding with the firmware lead, and we agreed that a firmware fix was possible, so I made the call not to re-spin the board.{/} {A}I ran a two-week beta of the fix with 500 customers who had opted in, and I personally read every support contact from that group.{/} {A}I also rewrote the setup guide to recommend a fixed channel for people with older routers.{/}

**Result**
{R}The fix shipped to the whole fleet, and the overnight disconnection complaints in support went quiet.{/} {R}We kept the production slot and avoided the board revision.{/} {R}The bigger lesson for me was that our test lab did not look like a real home, and I pushed for a home test programme that the team still runs before each release.{/}""",
    },
    {
        "id": "gs06",
        "labelled": False,
        "missing": [],
        "we": False,
        "ru": False,
        "al": True,
        "core": [],
        "note": "games producer (UK), long prose; copies sold sit beside a review score "
        "(quality), so no missing-guardrail",
        "src": """{S}In 2022 I was a senior producer at a 120-person studio in Leamington Spa, working on a co-op survival game for PC and consoles.{/} {S}We were eleven months from launch when our publisher moved the release date forward by seven weeks to avoid a clash with a much bigger title.{/} {S}At that point we had 1,900 open bugs, three of the eight biomes were still grey-boxed, and the console certification builds were scheduled for the same month as our last content milestone.{/} {S}The team had already been through one crunch on the previous project, and two of our senior engineers had told me privately that they would leave if it happened again.{/} {T}My job was to get the game through certification on the new date without asking the team to work weekends, and to be honest with the publisher about what that meant for scope.{/} {A}I started by rebuilding the schedule from the bottom up instead of compressing the old one.{/} {A}I sat down with each of the eleven feature leads and asked them for two estimates per task: the realistic one and the one they would give if they were being pushed.{/} {A}The gap between those two numbers across the whole project came to about nine weeks, which told me that the old plan had been built on the pushed estimates.{/} {A}I then laid out three options for the publisher: ship on the new date with five biomes, ship with all eight and slip back to the original date, or ship with five and release the other three as a free update within three months.{/} {A}For each option I showed the cost, the risk to certification and what I expected it to do to reviews.{/} {A}The publisher chose the third option, on the condition that the missing biomes were not described as cut in any marketing.{/} {A}I reorganised the team into a launch strike team and an update team, with the update team protected from bug-fix work so that the three-month promise was credible.{/} {A}For the bugs, I introduced a triage meeting three times a week with QA, design and engineering, where every bug got a severity and an owner within 48 hours, and anything below an agreed severity went to a known-issues list rather than the fix queue.{/} {A}I also booked a pre-certification check with both console platforms four weeks before the real submission, which cost us a few days but gave us a list of the compliance failures while there was still time to fix them.{/} {A}Every Thursday I published a one-page status to the whole studio and the publisher with the bug count, the certification checklist and any risk that had changed, so that nobody had to guess whether we were on track.{/} {A}When the bug count stopped falling in the sixth week, I cut two of the planned launch features, the photo mode and a cosmetic shop, after checking with the publisher that neither was in the trailer.{/} {A}I also asked the studio director to cancel two external events that would have pulled the leads away in the last month.{/} {R}We passed certification first time on all three platforms and launched on the new date.{/} {R}The team worked no weekends in the final eleven weeks, and both of the senior engineers who had warned me were still at the studio a year later.{/} {R}The game sold 410,000 copies in its first month against a forecast of 350,000, and the three remaining biomes shipped as a free update ten weeks after launch, two weeks inside the promise.{/} {R}Our Steam review score went from 74% positive at launch to 86% after the update.{/} {R}Looking back, the most useful thing I did was make the trade-off visible early, because once the publisher could see the three options side by side, the decision took one meeting instead of a month of arguing.{/} {R}I now use the two-estimate exercise at the start of every project.{/}""",
    },
    {
        "id": "gs07",
        "labelled": True,
        "missing": ["task"],
        "we": False,
        "ru": False,
        "al": False,
        "core": [],
        "note": "sales engineer (UK), '## Situation' headings, no Task section and no sentence "
        "that states a goal or an ask",
        "src": """## Situation
{S}I was a sales engineer at a data-integration company, covering retail accounts in the UK and Ireland.{/} {S}One of our largest prospects, a grocery chain with 900 stores, was in the final week of a proof of concept against two competitors.{/} {S}On the Monday of that week their head of data told us that our connector for their point-of-sale system was dropping about 3% of transactions, and that this would rule us out.{/} {S}The deal was the largest in my territory that year, and the account executive had been working on it for eight months.{/}

## Action
{A}I drove to their data centre in Reading that afternoon rather than debugging over video calls.{/} {A}By comparing raw POS exports with what had landed in their warehouse, I found that the missing rows were all refunds processed after midnight, which the connector was filing under the wrong business date and then discarding as duplicates.{/} {A}I wrote a workaround in the transformation layer that same evening and reran the full two weeks of POC data to show every transaction accounted for.{/} {A}I then filed the root cause with our engineering team with a reproducible test case, and I called the customer's head of data each evening that week with the status of the permanent fix.{/} {A}I also asked our product manager to join the final call so that the customer could hear the commitment from the person who owned the roadmap.{/} {A}Instead of hiding the bug, I put it on the first slide of our final presentation, with the fix, the test case and the date it would be in the product.{/}

## Result
{R}The reconciliation showed 100% of transactions matched across 14 days and 38 million rows.{/} {R}The customer chose us, and their head of data told the account executive that the way we handled the defect was the reason.{/} {R}The contract ran for three years, and the permanent fix shipped to all customers nine days later.{/} {R}Our engineering team added late-refund cases to the connector test suite, and I now bring a reconciliation script to every retail POC.{/}""",
    },
    {
        "id": "gs08",
        "labelled": False,
        "missing": [],
        "we": False,
        "ru": False,
        "al": False,
        "core": ["vanity-metric", "missing-guardrail"],
        "note": "data scientist (Berlin), prose; the experiment's only outcome is sign-ups, with "
        "no causal metric and no guardrail; 'over the six-week test' is the period",
        "src": """{S}I joined a Berlin language-learning start-up as its second data scientist in 2021.{/} {S}The marketing team had a landing page for each of the 12 languages we taught, and the founders believed the pages were losing visitors because the sign-up form asked for too much.{/} {S}Nobody had tested that belief, and the pages were owned by three different teams, each with its own version of the form.{/} {S}The sign-up form had nine fields, and three of them were optional but not marked as such.{/} {T}The growth lead asked me to find out whether a shorter form would bring in more learners and to set up the experiment so that it could be trusted.{/} {A}I began by reading the analytics to see where visitors dropped, and I found that most of them left on the second field, which asked for a phone number.{/} {A}I wrote an experiment plan that defined the primary metric, the sample size we needed to detect a 5% change, and a fixed test length of six weeks so that nobody would stop it early on a lucky day.{/} {A}Before launch I wrote down what we would do for each outcome, including a flat result, so that the decision would not be argued after the fact.{/} {A}I built the assignment logic with one of the front-end engineers so that a visitor saw the same variant on every language page.{/} {A}I also checked that the two groups looked the same on device, country and traffic source during the first week, and they did.{/} {A}Halfway through, the head of marketing wanted to call the test, because the early numbers looked good, but I showed him how often early results reverse in tests of this size and he agreed to wait.{/} {R}Over the six-week test, the form without the phone field drove 22% more sign-ups than control, around 48,000 extra accounts.{/} {R}The team rolled the shorter form out to every language page the following Monday.{/} {R}It was the first experiment at the company with a written plan, and the plan template I wrote became the standard for the growth team.{/}""",
    },
    {
        "id": "gs09",
        "labelled": True,
        "missing": [],
        "we": False,
        "ru": False,
        "al": True,
        "core": ["weak-verb"],
        "note": "new grad (Melbourne), 'Situation -' dash labels, short; 'helped' in the Action",
        "src": """Situation - {S}In my final year at the University of Melbourne I joined a student team building a timetable app for the engineering faculty.{/}
Task - {T}Our goal was to launch before the start of semester so that first-years could plan their week on their phones.{/}
Action - {A}I designed the onboarding screens and helped the two developers set up analytics.{/} {A}I ran five hallway tests with first-year students and changed the course search after every one of them struggled with it.{/} {A}I also wrote the launch post for the faculty newsletter.{/}
Result - {R}The app went live on the first day of semester, and the faculty front desk fielded 300 fewer timetable questions in week one than the year before.{/} {R}The faculty now funds it as an official tool.{/}""",
    },
    {
        "id": "gs10",
        "labelled": False,
        "missing": ["result"],
        "we": False,
        "ru": False,
        "al": False,
        "core": [],
        "note": "career changer (teacher, Leeds), prose that stops at the Action: no outcome, "
        "no lesson; result-unquantified is false because there is no Result",
        "src": """{S}Before I moved into product, I taught science for seven years at a secondary school in Leeds.{/} {S}In my last year there, the school bought a homework platform, and within a term fewer than a third of my Year 9 students were handing work in through it.{/} {S}The other science teachers were seeing the same thing, and the head was close to cancelling the licence.{/} {S}The school had paid for a three-year licence, and the bursar wanted an answer before the second payment was due.{/} {T}As the department's digital lead, I was asked to work out why students were not using it and to recommend whether we should keep paying for it.{/} {A}I surveyed 210 students across four year groups, and I ran short focus groups in tutor time with the ones who had stopped using the platform.{/} {A}The pattern was clear: the platform needed a laptop for uploads, and about 40% of our students only had a phone at home.{/} {A}I contacted the vendor and found that a mobile upload feature existed but had been switched off in our school's settings.{/} {A}I turned it on for my own classes first and wrote a one-page guide with screenshots for students and parents.{/} {A}I also changed how I set homework, moving to shorter weekly tasks that could be done on a phone in twenty minutes.{/} {A}I kept a simple tracker of hand-in rates for each of my classes, by week, so that I could see whether the changes made a difference before I asked anyone else to adopt them.{/} {A}I asked two colleagues in the maths department to try the same setting with one class each, and I met them every Friday to compare notes on what students were saying.{/} {A}After a month, I wrote up what I had found for the senior leadership team, with a plan for switching the setting on across the school and a short training session for each department.{/} {A}I presented the plan at the leadership meeting in March and took their questions about cost and safeguarding.{/}""",
    },
    {
        "id": "gs11",
        "labelled": True,
        "missing": [],
        "we": False,
        "ru": False,
        "al": False,
        "core": [],
        "note": "patient flow manager (Brisbane), upper-case labels on their own lines; "
        "'I was tasked with' sits in the Task, so weak-verb stays silent",
        "src": """SITUATION
{S}I was the patient flow manager at a 450-bed public hospital in Brisbane in 2022.{/} {S}Elective surgery was being cancelled on the day at a rate of about 9 cases a week because beds were not free when patients arrived, and the waiting list for category 2 procedures had grown to 1,300 people.{/} {S}Each cancellation cost the hospital a theatre slot and, worse, sent a patient home after they had fasted and arranged leave from work.{/}
TASK
{T}I was tasked with halving on-the-day cancellations within six months without reducing the number of emergency admissions we could take.{/}
ACTION
{A}I spent two weeks mapping what happened to every surgical bed between 6 am and noon, with the nurse unit managers from the four surgical wards.{/} {A}The mapping showed that patients due to go home were usually medically fit by 9 am but were waiting until mid-afternoon for medication from pharmacy and for transport.{/} {A}I negotiated with pharmacy to prepare discharge medications the evening before for any patient the team expected to discharge, and I set up a transit lounge with eight recliners so that discharged patients could wait there for family.{/} {A}I introduced a 7.30 am huddle on each surgical ward to confirm the day's discharges and match them against that day's theatre list.{/} {A}When a ward could not free a bed by 10 am, the huddle escalated to me directly, and I arranged an outlier bed or moved the patient's surgery to later in the day rather than cancelling it.{/} {A}I tracked cancellations in a shared spreadsheet that every surgeon could see, with the cause of each one.{/}
RESULT
{R}Within six months on-the-day cancellations fell from 9 a week to 3, and the category 2 waiting list came down to 870.{/} {R}Emergency admissions to the surgical wards stayed at the same level over the period, so we did not buy the improvement at the expense of the ED.{/} {R}The transit lounge now handles around 25 patients a day, and the 7.30 huddle has been copied by the medical wards.{/}""",
    },
    {
        "id": "gs12",
        "labelled": False,
        "missing": [],
        "we": False,
        "ru": False,
        "al": False,
        "core": ["missing-baseline"],
        "note": "fintech PM (Bengaluru), prose; 'fell by 80%' and 'by more than half' with no "
        "start value and no period anywhere in the story",
        "src": """{S}I was a product manager at a lending start-up in Bengaluru that gave small working-capital loans to kirana store owners.{/} {S}Our approvals were slow enough that shop owners often borrowed from local moneylenders while they waited for us.{/} {S}About 60% of our loans went to repeat borrowers, who had already repaid at least one loan with us.{/} {T}My goal was to make approval for repeat borrowers fast enough to compete with the moneylender.{/} {A}I sat with the credit team and found that 70% of the approval time was spent waiting for bank statements to be uploaded and read by an analyst.{/} {A}I proposed using the account aggregator framework, which lets a borrower share bank data digitally with consent, and I wrote the integration spec myself with two backend engineers.{/} {A}The credit head was worried about fraud, so I agreed with her that the first 500 loans would go through both the old and the new checks, and I compared the decisions myself.{/} {A}The comparison found eleven cases where the two disagreed, and in nine of them the new data was the more accurate one.{/} {A}I wrote the rollout plan with a fallback to manual review for any borrower whose bank did not yet support the framework, which covered about one in eight applications.{/} {A}I ran a weekly review with the credit head of every loan where the two checks disagreed.{/} {A}I also redesigned the consent screens in Hindi and Kannada after my first field test showed that shop owners did not trust an English screen asking for their bank details.{/} {A}I visited 30 kirana stores in Jayanagar and Whitefield with our field officers to watch owners go through the new flow on their own phones.{/} {R}Approval time for repeat borrowers fell by 80%, and analyst hours spent per loan dropped by more than half.{/} {R}Default rates on the new flow were no higher than on the old one.{/} {R}The account aggregator flow is now the default for all repeat loans, and the consent screens I designed were reused by the insurance team.{/}""",
    },
    {
        "id": "gs13",
        "labelled": True,
        "missing": [],
        "we": False,
        "ru": True,
        "al": False,
        "core": ["no-quantification", "vague-language"],
        "note": "big-tech platform PM, synonym labels (Context/Goal/Approach/Outcome); not one "
        "figure anywhere; 'a lot of' in the Situation",
        "src": """Context: {S}I was a product manager on the internal developer platform at a large search company.{/} {S}Teams were spending a lot of time setting up new services by hand, and every team did it differently.{/} {S}Security reviews kept finding the same mistakes in new services, and the platform team was blamed for the delays.{/} {S}Each team also had its own way of running on-call, so nobody could cover for anyone else.{/}
Goal: {T}My manager asked me to define a paved road for new services that teams would choose to use rather than be forced onto.{/}
Approach: {A}I interviewed engineers from teams that had recently launched services and asked them to walk me through their setup, step by step.{/} {A}I found that most of the pain was in the same places: permissions, logging and the deployment pipeline.{/} {A}I wrote a short proposal for a service template that handled permissions, logging and deployment with sensible defaults, and I took it to the security and SRE leads before anyone wrote code.{/} {A}Their feedback changed the design: security wanted secrets handled by the platform, not by each team, so I moved that into the template as well.{/} {A}I recruited pilot teams who were about to start new services and sat with them while they used the first version.{/} {A}Whenever they hit a problem, I logged it and worked with the platform engineers to fix it before the next team started.{/} {A}I kept a public list of every problem the pilots found and what we had done about it, so that other teams could see the template getting better.{/} {A}I also wrote the documentation myself, because I wanted it to read like a guide for a new starter rather than a reference manual.{/} {A}Once the pilots were done, I presented what we had learned at the engineering all-hands and opened the template to every team.{/}
Outcome: {R}The template became the default way to start a new service at the company.{/} {R}Security reviews for services built on it became routine, and teams that had been sceptical started asking for their older services to be moved onto it.{/} {R}I learned that adoption comes from removing pain, not from mandates.{/}""",
    },
    {
        "id": "gs14",
        "labelled": False,
        "missing": [],
        "we": True,
        "ru": False,
        "al": False,
        "core": [],
        "note": "hardware PM (Austin, thermostat), prose; Action entirely in 'we'; 'I was "
        "responsible for' is the Task, so weak-verb stays silent",
        "src": """{S}In 2020 I was the product manager for a smart thermostat at a mid-sized home-automation company in Austin.{/} {S}Our contract manufacturer in Shenzhen told us in March that a chip we depended on would be on allocation for at least nine months, which would stop our production line in June.{/} {S}The thermostat was 35% of the company's revenue, so a stopped line would have been a serious problem.{/} {S}Our two biggest retailers had already placed their orders for the autumn, and missing them would have cost us shelf space for a year.{/} {T}I was responsible for keeping the product on the shelves through the shortage.{/} {A}We pulled together a cross-functional team from hardware, firmware, supply chain and finance within a week.{/} {A}Our first move was to buy every unit of the chip we could find from brokers, at well above list price, to cover the gap while we redesigned the board.{/} {A}In parallel, our hardware engineers qualified two alternative chips, and our firmware team ported the code to both.{/} {A}We ran the redesigned board through the same certification tests as the original and submitted it to the FCC in May.{/} {A}To buy more time, we also shifted our remaining stock to the retailers with the highest sell-through and paused the slowest online channel.{/} {A}We also told our largest retailers about the risk early, and we agreed with them which models would be prioritised if supply ran short.{/} {A}We met every morning at 8 to go through supply, test results and cash.{/} {R}The line never stopped: the broker stock covered us until the redesigned board went into production in early August.{/} {R}The broker purchases added $1.1 million in cost, against about $14 million of revenue that a stoppage would have put at risk.{/} {R}Returns on the redesigned unit ran at the same rate as on the original over its first six months.{/} {R}Neither of the two biggest retailers missed a delivery during the shortage.{/} {R}The dual-chip design is still in the product, and the company now qualifies a second source for every critical part before launch.{/}""",
    },
    {
        "id": "gs15",
        "labelled": True,
        "missing": [],
        "we": False,
        "ru": True,
        "al": False,
        "core": ["unfilled-placeholder"],
        "note": "travel-site PM, numbered labels ('1. Situation'); a draft with [Company], [X] "
        "and TODO left; the Result's only figure is a slot",
        "src": """1. Situation
{S}At [Company] I was the product manager for hotel search on the mobile web site, which handled about 6 million searches a day.{/} {S}Our results page took over 5 seconds to appear on a mid-range Android phone, and the engineering team had a long list of performance ideas but no agreed priority.{/} {S}Every team that added a feature also added a script, and nobody owned the total.{/} {S}Mobile web was where most first-time visitors arrived from search ads, so a slow page cost us new customers before they had seen a single hotel.{/}
2. Task
{T}I had to pick the changes that would matter most to users and get them shipped before the summer booking season.{/}
3. Action
{A}I set up real-user monitoring so that we could see load times by device and country, not just in the lab.{/} {A}I worked out from that data that the biggest delay came from a third-party map script that loaded before the results list.{/} {A}To make the case for the work, I compared load times for our page against the three competitors our users also searched, using the same phone and network.{/} {A}I wrote a proposal to lazy-load the map and to render the first ten results on the server, and I took it to the engineering leads with the monitoring data.{/} {A}I also agreed a budget with the engineering leads: no new script could add more than 100 milliseconds to the page without my sign-off.{/} {A}I ran the changes behind a flag for one market first, and I checked the monitoring every morning for a week before turning it on everywhere.{/} {A}I wrote a weekly note for the engineering and marketing leads with the load times by country and the work planned for the next week.{/}
4. Result
{R}Results now appear [X]% faster on mid-range phones.{/} {R}TODO: add the booking figure from the Q3 review.{/} {R}The performance budget is still used by the team, and the map script is no longer on the critical path.{/}""",
    },
    {
        "id": "gs16",
        "labelled": False,
        "missing": [],
        "we": False,
        "ru": False,
        "al": False,
        "core": [],
        "note": "NGO programme lead (northern Uganda), prose; 'I was responsible for' is in the "
        "Situation; 'more than doubled' has its period in the same sentence",
        "src": """{S}From 2019 to 2022 I led a maternal health programme for an international NGO in northern Uganda, covering 48 health centres in three districts.{/} {S}I was responsible for a team of 22 staff and a budget of about $1.8 million a year, funded by two bilateral donors.{/} {S}In 2020 our midline survey showed that only 41% of women in the catchment area gave birth in a health facility, far below the district target of 70%, and that the women who stayed at home were mostly those who lived more than 10 km from a centre.{/} {T}The donors asked me to present a plan to close that gap in the remaining two years of the grant, and I owned both the plan and its delivery.{/} {A}I spent the first month visiting villages with our community health workers and talking to women who had given birth at home.{/} {A}Transport was the main reason they gave: a motorbike taxi to the nearest centre cost more than a week's income, and they could not book one at night.{/} {A}I designed a voucher scheme with the district health office in which a pregnant woman received a transport voucher at her fourth antenatal visit, which any registered boda-boda rider could redeem at the health centre.{/} {A}I recruited and trained 160 riders, agreed a fixed fare for each parish, and set up mobile money payments so riders were paid within a day.{/} {A}To keep the cost down, I negotiated with the district to convert two unused staff houses at the larger centres into maternity waiting homes for the women who lived furthest away.{/} {A}I also built a simple monitoring system: every redeemed voucher was logged by the midwife, and I reviewed the numbers with each health centre in charge every month.{/} {A}When one district's redemption rate fell, I found that riders there were being paid late, and I moved the payments to a different mobile money agent within a week.{/} {R}By the endline survey in 2022, facility births in the catchment had risen from 41% to 66%, and among women living more than 10 km away they had more than doubled.{/} {R}The voucher scheme cost about $9 per birth, and the district health office took over its funding when the grant ended.{/} {R}What I took from it was that the most useful research I did was the least formal: sitting with women in their own villages and asking why.{/}""",
    },
    {
        "id": "gs17",
        "labelled": True,
        "missing": ["situation"],
        "we": False,
        "ru": False,
        "al": False,
        "core": [],
        "note": "games producer (Helsinki), bold letter labels ('**T:**'); opens with the brief "
        "and gives no background, so Situation is missing; revenue held is the guardrail",
        "src": """**T:** {T}My brief as the new producer was to put the live-ops calendar for our match-3 title on a footing the team could sustain, and to stop the weekly events from slipping.{/} {T}The studio lead wanted a plan from me within a month.{/}

**A:** {A}I listed every event, sale and offer the game had run in the previous six months and timed how long each took from idea to launch.{/} {A}Most of the time went into hand-offs between art, design and the server team, so I built a shared event template with fixed slots and a checklist that each discipline signed off in order.{/} {A}I moved planning from a weekly scramble to a six-week rolling calendar and ran a 30-minute planning session every Tuesday with the discipline leads.{/} {A}I set a rule that any event not fully configured two weeks before launch would drop to the next slot, and I enforced it even when the first casualty was an event the CEO liked.{/} {A}I paired each event with an owner from design who stayed with it from the first sketch to the post-event review.{/} {A}I also wrote a short post-event review that compared each event's revenue and player feedback against the previous event of the same type, and I shared it in the studio channel every Friday.{/} {A}When the art team said the template left them no room for one-off events, I added a quarterly slot for a bespoke event with its own longer lead time.{/}

**R:** {R}Within three months, events were launching on the planned date 95% of the time, up from about half.{/} {R}The art team's overtime dropped from an average of 9 hours a week to under 2.{/} {R}Player complaints about broken or late events in the community channels also fell, from around 40 a month to fewer than 10.{/} {R}Event revenue per daily player stayed steady through the change, so the calmer process cost us nothing.{/} {R}The template and the two-week rule were later adopted by the studio's other two live games, and I ran the training for both teams.{/}""",
    },
    {
        "id": "gs18",
        "labelled": False,
        "missing": [],
        "we": False,
        "ru": False,
        "al": False,
        "core": [],
        "note": "career changer (ex-Army officer, TPM in Sydney), prose; conversion moved by a "
        "launch beside failed deliveries and redelivery cost (guardrail-type), so nothing fires",
        "src": """{S}After eight years as a logistics officer in the Australian Army, I joined an online furniture retailer in Sydney as a technical program manager.{/} {S}Our customers could not choose a delivery day at checkout; the carrier called them a day or two before, and about one in five deliveries failed because nobody was home.{/} {S}Each failed delivery cost us around A$85 in redelivery and storage, and the customer service team spent much of its week rescheduling.{/} {T}I was given the program to let customers book a two-hour delivery window at checkout, which meant connecting our storefront, the warehouse system and three regional carriers.{/} {A}I started by writing down every hand-off between the systems and the carriers, the way I would have planned a convoy, and I found that two of the carriers could not accept a booked window through their APIs at all.{/} {A}I negotiated with both of them to accept a nightly file instead, which was less elegant but could be built in weeks rather than months.{/} {A}I ran the program in two-week increments with a single integrated plan across four engineering teams, and I held a weekly risk review where each team lead had to name their biggest risk before anything else.{/} {A}When the warehouse team fell behind because of a peak-season code freeze, I re-sequenced the work so that the checkout changes shipped first for the one carrier that was ready, in one state, and the others followed.{/} {A}I set up a pilot in Queensland for the first month and tracked failed deliveries and checkout conversion side by side.{/} {R}Failed first-time deliveries in Queensland fell from 19% to 6% during the pilot, and we rolled the delivery windows out nationally by the end of the quarter.{/} {R}Checkout conversion on furniture orders rose from 2.8% to 3.1% after the national launch.{/} {R}Redelivery costs fell by A$1.2 million in the first full year.{/} {R}The habit I brought from the army that mattered most was naming an owner for every risk, so that nothing waited for the next meeting.{/}""",
    },
    {
        "id": "gs19",
        "labelled": True,
        "missing": [],
        "we": False,
        "ru": False,
        "al": True,
        "core": ["missing-guardrail", "missing-baseline", "weak-verb"],
        "note": "savings-app PM (UK), em-dash labels with synonyms ('Outcome —'), short; a launch "
        "'tripled' savers with no start, period or guardrail; 'contributed to' in the Result",
        "src": """Situation — {S}I was a product manager at a UK savings app in 2023, working on the part of the app where customers set money aside.{/} {S}Most customers opened a savings pot in their first week and never moved money into it again.{/} {S}Our research team had heard in interviews that people liked the idea of saving small amounts without thinking about it.{/}
Task — {T}I owned the bet on automatic round-ups: rounding every card payment up to the nearest pound and moving the difference into a pot.{/}
Action — {A}I wrote the spec with the payments engineers and worked through the edge cases with our compliance team, such as refunds, foreign-currency payments and what should happen when the current account was nearly empty.{/} {A}I chose to launch round-ups as opt-in with a weekly summary notification, after a design review where I argued against turning it on by default.{/} {A}I ran a beta with 4,000 customers for six weeks and interviewed 15 of them about what confused them.{/} {A}The interviews showed that people did not understand where the money went, so I had the design team add a running total to the home screen.{/} {A}I then planned the launch with marketing, keeping it to an in-app announcement rather than an email campaign.{/}
Outcome — {R}After launch, the number of customers moving money into a pot each month tripled.{/} {R}Round-ups also contributed to the app's first month of positive net deposits.{/} {R}The running-total pattern is now used across three other features.{/}""",
    },
    {
        "id": "gs20",
        "labelled": False,
        "missing": [],
        "we": True,
        "ru": True,
        "al": True,
        "core": [],
        "note": "hospital outpatient manager (Pune), short prose in 'we'; the Result has no figure",
        "src": """{S}I manage the outpatient department of a 300-bed private hospital in Pune.{/} {S}Patients were waiting up to three hours to see a consultant, and our online reviews kept mentioning it.{/} {T}The medical director asked me to fix the waiting times before the new wing opened.{/} {A}We studied a full week of appointment data and found that most consultants started their clinics late because of ward rounds.{/} {A}We moved the first slot of each clinic to 10 am and added a token display so patients could see their place in the queue.{/} {A}Our front-desk team also began calling patients thirty minutes before their turn.{/} {R}Waiting times came down, patients stopped complaining about the queue in our reviews, and the consultants liked the new start time.{/} {R}The token system is now used in the new wing too.{/}""",
    },
    {
        "id": "gs21",
        "labelled": True,
        "missing": [],
        "we": False,
        "ru": False,
        "al": False,
        "core": [],
        "note": "data scientist (Gurugram fashion marketplace), 'S – Situation' letter-and-word "
        "labels; returns are refunds (cost) and conversion was held",
        "src": """S – Situation
{S}I was a senior data scientist at an online fashion marketplace in Gurugram, on the returns team.{/} {S}Returns were running at 28% of orders in 2022, and each return cost us about ₹160 in reverse logistics.{/} {S}The largest single reason customers gave was that the item did not fit.{/} {S}The company had tried a size chart redesign the year before, and returns had not moved.{/}
T – Task
{T}My goal for the year was to cut size-related returns on the top 50 apparel brands without hurting conversion, because any fix that made shoppers hesitate at checkout would cost more than it saved.{/}
A – Action
{A}I joined three years of order, return and review data to build a size recommendation model that learned how each brand's sizes ran against what a customer had kept before.{/} {A}I found that for about a third of brands the size charts on the site were simply wrong, so before any modelling I sent the brand team a list of the worst charts, and 31 brands corrected them within a month.{/} {A}I then ran an A/B test of the recommendation widget on the product page with 10% of traffic for four weeks, with conversion and return rate as the two metrics I had agreed with the category heads.{/} {A}I wrote the analysis plan before the test started, with the sample size, the test length and the rule that we would not stop early, and I shared it with the category heads.{/} {A}When the first readout showed that the widget was recommending sizes that were out of stock, I added an availability check and restarted the test rather than report a weak result.{/}
R – Result
{R}In the restarted test, size-related returns for customers who saw the widget fell from 14.2% to 11.1% of orders, and checkout conversion was unchanged within the confidence interval.{/} {R}After the rollout to all 50 brands, finance estimated annual savings of ₹7.4 crore in reverse logistics.{/} {R}The corrected size charts alone accounted for about a quarter of that.{/}""",
    },
    {
        "id": "gs22",
        "labelled": False,
        "missing": [],
        "we": False,
        "ru": False,
        "al": False,
        "core": [],
        "note": "new grad PM intern (Toronto fintech), prose; the change was tested with "
        "unsubscribes and spam reports as guardrails",
        "src": """{S}Last summer I was a product management intern at a Toronto fintech, on the team that built the small-business invoicing app.{/} {S}The app had about 40,000 small-business customers in Canada, most of them sole traders who did their own bookkeeping in the evening.{/} {S}Customers could send invoices from the app, but only 23% of invoices were paid by their due date, and late payment was the top complaint in our support queue.{/} {T}My intern project was to find out why invoices were paid late and to ship one change before my twelve weeks ended.{/} {A}I read through 300 support conversations and tagged each by the reason the customer gave, and I interviewed eight business owners over video.{/} {A}The pattern was that their clients often never opened the invoice email, because it came from a generic no-reply address and looked like spam.{/} {A}Before building anything, I mocked up the new email in the team's design tool and showed it to five of the business owners I had interviewed, who all said they would recognise it in their clients' inboxes.{/} {A}I wrote a one-page proposal for sending invoices from the business owner's own name, with a payment link in the first line, and I presented it to my manager and the email engineer in my third week.{/} {A}The engineer estimated two weeks of work, so I scoped it down to the sender name and the link, and left the redesign of the template for later.{/} {A}I set up the experiment with the team's analyst, randomising by business so that no client got two versions.{/} {A}I wrote the test plan with the analyst, including the guardrails we would watch, and we agreed that the test would run for four weeks whatever the early numbers showed.{/} {R}Over the four-week test, on-time payment for the new emails was 31% against 23% for the old ones, and unsubscribe and spam reports did not change.{/} {R}The team launched the change to all customers before I left.{/} {R}I presented the result at the company's end-of-summer demo day, and the full-time offer I received afterwards cited the project.{/}""",
    },
    {
        "id": "gs23",
        "labelled": True,
        "missing": [],
        "we": False,
        "ru": False,
        "al": False,
        "core": [],
        "note": "hardware PM (Amsterdam e-bikes), synonym labels (Background/Objective/Approach/"
        "Impact)",
        "src": """Background: {S}I was the product manager for batteries at an e-bike company in Amsterdam, with about 60,000 bikes on the road.{/} {S}In the spring of 2023 our service centres reported four battery packs that had swollen after winter storage, and one had scorched a customer's hallway floor.{/} {S}Nobody had been hurt, but a recall of every pack would have cost around €9 million and taken a year.{/} {S}Our batteries were made by an outside supplier to our design, and the packs had passed every certification test.{/}
Objective: {T}I had to find out within two weeks whether we faced a fleet-wide defect, and recommend to the board whether to recall.{/}
Approach: {A}I pulled the telemetry for every bike that reported battery data and compared the packs that had failed with the rest of the fleet.{/} {A}All four failed packs came from one production lot of cells and had been stored fully charged in unheated sheds for more than three months.{/} {A}I asked the cell supplier for the lot records and found that 2,300 packs in the fleet shared that lot.{/} {A}I proposed a targeted action instead of a full recall: a firmware update that capped storage charge at 60% after 14 days idle, and a free inspection for the 2,300 owners.{/} {A}I wrote the customer letter with our legal team and set up a booking page so owners could pick a service slot in the first week.{/} {A}Before the board meeting, I walked the chief executive and the head of service through the data and the options, including the full recall, with the cost and risk of each.{/}
Impact: {R}Within ten weeks, 2,050 of the 2,300 affected owners had brought their bikes in, and the service centres replaced 112 packs that showed early swelling.{/} {R}The board approved the targeted action in one meeting, and the regulator accepted our report without asking for a wider recall.{/} {R}No further swollen packs were reported in the following twelve months.{/} {R}The targeted action cost €640,000 against the €9 million a full recall would have cost, and the storage-charge cap is now standard on every new bike.{/}""",
    },
]


def strip_tags(src: str) -> tuple[str, list[dict]]:
    """The story text without tags, and one {start, end, label} per tagged sentence."""
    out: list[str] = []
    sentences: list[dict] = []
    pos = 0
    length = 0
    for m in TAG_RE.finditer(src):
        before = src[pos : m.start()]
        if "{" in before or "}" in before:
            raise ValueError(f"stray brace between tags: {before!r}")
        out.append(before)
        length += len(before)
        body = m.group(2)
        if body != body.strip() or not body:
            raise ValueError(f"sentence with edge whitespace: {body!r}")
        sentences.append({"start": length, "end": length + len(body), "label": TAGS[m.group(1)]})
        out.append(body)
        length += len(body)
        pos = m.end()
    tail = src[pos:]
    if "{S}" in tail or "{/}" in tail:
        raise ValueError("unclosed tag")
    out.append(tail)
    return "".join(out), sentences


def pronoun_counts(text: str) -> tuple[int, int]:
    """(plural, singular) first-person counts, contractions folded ("I'd" -> "I")."""
    words = re.findall(r"[A-Za-z]+(?:['’][A-Za-z]+)?", text)
    plural = singular = 0
    for w in words:
        base = re.split(r"['’]", w)[0].lower()
        if base in PLURAL:
            plural += 1
        elif base in SINGULAR:
            singular += 1
    return plural, singular


def build_record(story: dict) -> dict:
    """One stories.jsonl object; raises when a counting label disagrees with the text."""
    text, sentences = strip_tags(story["src"])
    sid = story["id"]
    for s in sentences:
        if not text[s["start"] : s["end"]]:
            raise ValueError(f"{sid}: empty sentence")
    words = len(text.split())
    long_or_short = words < 300 or words > 600
    if long_or_short != story["al"]:
        raise ValueError(f"{sid}: {words} words but answer-length={story['al']}")
    if 275 <= words <= 325 or 575 <= words <= 625:
        raise ValueError(f"{sid}: {words} words is within 25 of a line")
    action = " ".join(text[s["start"] : s["end"]] for s in sentences if s["label"] == "action")
    plural, singular = pronoun_counts(action)
    if (plural > singular) != story["we"]:
        raise ValueError(f"{sid}: action has {plural} we vs {singular} I, we-not-i={story['we']}")
    present = {s["label"] for s in sentences}
    missing = [name for name in SECTIONS if name not in present]
    if missing != story["missing"]:
        raise ValueError(f"{sid}: sections missing {missing}, labelled {story['missing']}")
    if story["ru"] and "result" in missing:
        raise ValueError(f"{sid}: no Result, so result-unquantified must be false")
    order = [SECTIONS.index(s["label"]) for s in sentences]
    if order != sorted(order):
        raise ValueError(f"{sid}: sentences are not in S-T-A-R order")
    fires = list(story["core"])
    if missing:
        fires.append("star-missing-section")
    for code, key in (("result-unquantified", "ru"), ("we-not-i", "we"), ("answer-length", "al")):
        if story[key]:
            fires.append(code)
    return {
        "id": sid,
        "labelled": story["labelled"],
        "text": text,
        "sentences": sentences,
        "rules": {
            "star-missing-section": missing,
            "we-not-i": story["we"],
            "result-unquantified": story["ru"],
            "answer-length": story["al"],
        },
        "fires": fires,
        "note": story["note"] + f" ({words} words; action we {plural} / I {singular})",
    }


def render() -> str:
    """The whole stories.jsonl file."""
    lines = [json.dumps(build_record(s), ensure_ascii=False) for s in STORIES]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Write stories.jsonl, or with --check fail when it differs from the sources."""
    content = render()
    if "--check" in argv:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != content:
            print(f"{OUT} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        print(f"{OUT.name} matches the sources ({len(STORIES)} stories)")
        return 0
    OUT.write_text(content, encoding="utf-8")
    print(f"wrote {len(STORIES)} stories to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
