# ruff: noqa: E501
"""Write bullets.jsonl and emails.jsonl for the fifth sealed set (final3) from the sources below.

    python tests/data/final3/build_bullets.py

Labels were written from shared/RULES.md and the earlier READMEs' conventions only, before any
linter run. Email labels for `email-length` are checked against the whitespace word count.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
NQ, VM, MG, WV, VL, UP, MB = (
    "no-quantification",
    "vanity-metric",
    "missing-guardrail",
    "weak-verb",
    "vague-language",
    "unfilled-placeholder",
    "missing-baseline",
)

BULLETS: list[tuple[str, list[str], str]] = [
    # big-tech PM
    (
        "Led the redesign of Search autocomplete for 25M weekly users; cut p95 suggestion latency from 180ms to 95ms.",
        [],
        "scale + latency win with baseline",
    ),
    (
        "Launched saved searches in Marketplace, lifting 28-day retention from 34% to 39% while keeping p95 load time under 1.2s.",
        [],
        "retention moved, latency guardrail",
    ),
    (
        "Launched saved searches in Marketplace, lifting 28-day retention from 34% to 39%.",
        [MG],
        "retention moved, not held; no guardrail",
    ),
    (
        "Shipped a new ranking model that raised click-through by 6%.",
        [MG, MB],
        "CTR moved, relative, no start or period",
    ),
    (
        "Shipped a new ranking model that raised click-through by 6% in Q2 with no change in spam-report rate.",
        [],
        "period + complaints-type guardrail",
    ),
    ("Owned the notifications roadmap across Android, iOS and web.", [NQ], "no figure"),
    (
        "Drove a 3x increase in app installs through a Play Store listing revamp.",
        [VM, MG, MB],
        "installs outcome, relative",
    ),
    (
        "Grew app installs from 40k to 210k a month after the Play Store listing revamp, with install-to-activation holding at 31%.",
        [],
        "activation causal and held",
    ),
    ("Worked on the Maps offline-download feature with 4 engineers.", [WV], "team size is a count"),
    (
        "Ran 14 A/B tests on the upgrade paywall in H1; 5 shipped, adding $2.3M ARR with refund rate flat.",
        [],
        "refund guardrail",
    ),
    ("Helped ship dark mode.", [WV, NQ], ""),
    ("Responsible for the Android release train (weekly, 9 squads).", [WV], "9 squads is a count"),
    # fintech TPM
    (
        "Programme-managed the migration of 1.8M card accounts to the new ledger with zero customer-facing downtime.",
        [],
        "UK spelling",
    ),
    (
        "Coordinated PSD2 strong customer authentication rollout across 6 EU markets, keeping card-not-present decline rate under 2.5%.",
        [],
        "rollout, nothing moved reported",
    ),
    (
        "Cut chargeback-dispute handling time from 11 days to 4 days by automating evidence collection.",
        [],
        "efficiency",
    ),
    ("Reduced payment failure rate by 40%.", [MB], "reliability, relative only"),
    ("Reduced payment failure rate by 40% in two quarters.", [], "period"),
    ("Improved reconciliation processes significantly across the treasury team.", [NQ, VL], ""),
    (
        "Delivered the UPI AutoPay integration; active mandates grew from 60k to 2.1 lakh in five months.",
        [MG],
        "mandates = adoption (final call 3)",
    ),
    (
        "Delivered the UPI AutoPay integration; active mandates grew from 60k to 2.1 lakh in five months, with mandate failure rate held below 1%.",
        [],
        "guardrail",
    ),
    ("Led SOC 2 Type II readiness for the payments platform.", [NQ], "standard name"),
    (
        "Owned the £40M/yr FX vendor relationship and renegotiated fees down 18 bps.",
        [],
        "absolute bps",
    ),
    (
        "Launched instant payouts for merchants, lifting payout volume 22% QoQ.",
        [MG],
        "volume = business metric; QoQ period",
    ),
    ("Tasked with building the fraud-ops dashboard in Looker.", [WV, NQ], ""),
    # NGO programme lead
    (
        "Led a girls' education programme across 120 schools in Sindh, raising Grade 5 literacy pass rates from 38% to 61% over two years.",
        [],
        "education outcome, not product",
    ),
    (
        "Managed a €2.4m EU-funded WASH programme serving 85,000 people in northern Mozambique.",
        [],
        "scale",
    ),
    ("Grew the organisation's Instagram followers to 48k during the monsoon appeal.", [VM, MG], ""),
    (
        "Grew the monsoon appeal's Instagram following to 48k and online donations to £310k, up from £120k the year before.",
        [MG],
        "donations = revenue, causal; no guardrail",
    ),
    ("Responsible for donor reporting to FCDO and USAID.", [WV, NQ], ""),
    ("Trained 240 community health volunteers in three districts of Bihar.", [], ""),
    (
        "Strengthened monitoring & evaluation systems across various partner organisations.",
        [NQ, VL],
        "",
    ),
    (
        "Halved the time to disburse cash transfers, from 21 to 10 days, by switching to mobile money.",
        [],
        "halved with start",
    ),
    # hardware PM
    (
        "Took the Gen 2 smart lock from EVT to mass production in 14 months at a 92% first-pass yield.",
        [],
        "",
    ),
    ("Cut bill of materials cost by 11%.", [MB], "cost, relative"),
    ("Cut BOM cost from $38.40 to $34.10 per unit by consolidating two PCBs into one.", [], ""),
    ("Drove the Wi-Fi 6 chipset transition for the mesh router line.", [NQ], "Wi-Fi 6 is a name"),
    (
        "Reduced RMA rate from 4.1% to 1.7% for the doorbell camera within a year of launch.",
        [],
        "quality",
    ),
    (
        "Launched the thermostat's energy-report feature, increasing weekly app opens by 35%.",
        [MG, MB],
        "engagement moved; app opens not on vanity list",
    ),
    (
        "Worked closely with the Shenzhen CM on a dramatically faster DVT schedule.",
        [NQ, VL],
        "worked closely with is not weak",
    ),
    ("Managed 3 ODM partners and a $6M annual tooling budget.", [], ""),
    # games producer
    (
        "Shipped 'Ember Hollow' on Steam and Switch, selling 420k copies in the first 3 months with a 91% positive review score.",
        [],
        "review score = quality guardrail",
    ),
    (
        "Grew Steam wishlists from 12k to 190k ahead of launch.",
        [VM, MG],
        "wishlists vanity (final call 3)",
    ),
    (
        "Produced the live-ops calendar for a mobile puzzle game with 1.2M DAU.",
        [],
        "DAU describes scale",
    ),
    ("Boosted DAU by 25% with the season-pass event.", [VM, MG, MB], ""),
    (
        "Introduced the season pass in v3.4, lifting D30 retention 21% → 26% and ARPDAU from $0.11 to $0.13 with no rise in refund requests.",
        [],
        "",
    ),
    ("Coordinated localisation into 11 languages for the console release.", [], ""),
    ("Ran numerous playtests to tune the tutorial.", [NQ, VL], ""),
    ("Managed an outsourced art team of ~30 across Kraków and Manila.", [], ""),
    # hospital ops
    ("Cut emergency department time-to-triage from 42 to 17 minutes across 3 sites.", [], ""),
    ("Reduced discharge delays by 30%.", [MB], ""),
    (
        "Reduced discharge delays by 30% over the winter quarter, freeing ~9 beds a day.",
        [],
        "period",
    ),
    ("Led the roll-out of electronic prescribing on 14 wards.", [], "rollout, nothing moved"),
    ("Was involved in the hospital's CQC inspection preparation.", [WV, NQ], ""),
    (
        "Improved theatre utilisation from 71% to 86% without increasing on-the-day cancellations.",
        [],
        "efficiency",
    ),
    ("Rebuilt the nursing rota process, cutting agency spend by £420k a year.", [], "absolute"),
    ("Improved patient flow through the outpatient department.", [NQ], ""),
    # sales engineer
    ("Ran 60+ technical discovery calls and POCs a quarter for mid-market SaaS prospects.", [], ""),
    ("Built a reusable demo environment that cut POC setup from 5 days to 1.", [], ""),
    (
        "Raised demo-to-close rate from 18% to 27% by rebuilding the standard demo around the buyer's own data.",
        [MG],
        "conversion moved",
    ),
    (
        "Raised demo-to-close rate from 18% to 27% by rebuilding the standard demo, while average deal discount stayed at 12%.",
        [],
        "discount held = cost guardrail",
    ),
    ("Assisted account executives with RFP responses.", [WV, NQ], ""),
    ("Wrote 40 integration guides that deflected a lot of onboarding tickets.", [VL], ""),
    # data scientist
    (
        "Built a churn-propensity model (AUC 0.83) used by the retention team to target 200k at-risk accounts a month.",
        [],
        "",
    ),
    (
        "Built an uplift model for promo targeting that cut discount spend by $1.1M a year at the same conversion.",
        [],
        "cost",
    ),
    (
        "Improved forecast accuracy by 12 points (MAPE 21% → 9%) for 1,400 SKUs.",
        [],
        "absolute points + start",
    ),
    ("Developed various dashboards for the marketing team.", [NQ, VL], ""),
    (
        "Designed sequential testing for the experimentation platform, cutting median test duration by 40%.",
        [MB],
        "efficiency, relative",
    ),
    (
        "Designed sequential testing for the experimentation platform, cutting median test duration from 21 to 12 days.",
        [],
        "",
    ),
    ("Built a recommendations model that increased basket size 8%.", [MG, MB], "AOV moved"),
    # new grad
    ("Won 1st place out of 85 teams at HackMIT with a medication-reminder app.", [], "rank"),
    (
        "Built a campus food-waste tracker with two friends; 1,900 students signed up in the first term.",
        [VM, MG],
        "sign-ups outcome",
    ),
    ("Tutored 12 first-year students in CS 61A, all of whom passed.", [], ""),
    (
        "Interned on the Payments team at Stripe, shipping a refund-reason picker to 100% of dashboard users.",
        [],
        "rollout target",
    ),
    ("Participated in the university's product management club.", [WV, NQ], ""),
    (
        "Led a 5-person capstone team building a bus-arrival predictor for Pune, with median error under 90 seconds.",
        [],
        "",
    ),
    ("Organised a 300-attendee hackathon with 14 sponsors.", [], ""),
    # career changers
    (
        "Former secondary teacher: raised GCSE maths pass rate from 54% to 72% in two years across 5 classes.",
        [],
        "education outcome",
    ),
    (
        "Army logistics officer: accountable for 40 vehicles and a £2m stores account, with zero losses at audit.",
        [],
        "",
    ),
    ("Moved from nursing into product; contributed to the design of the e-obs app.", [WV, NQ], ""),
    (
        "Ex-consultant: built the pricing waterfall for a FTSE 100 retailer, recovering 140 bps of margin.",
        [],
        "margin = cost-type; absolute",
    ),
    ("Brought a lot of clinical knowledge to the product team.", [NQ, VL], ""),
    (
        "Ran a 60-cover restaurant floor with 12 staff, cutting comps by half.",
        [MB],
        "by half, no start or period",
    ),
    # placeholders
    (
        "Increased activation rate by X% after redesigning onboarding.",
        [UP, NQ, MG],
        "slot is not a figure",
    ),
    ("[Job title] at [Company] — owned the partner API roadmap for 30 integrations.", [UP], ""),
    ("Led migration of N services to Kubernetes 1.29.", [UP, NQ], "version is not a quantity"),
    ("Saved $XXk in cloud spend by rightsizing instances.", [UP, NQ], ""),
    (
        "Grew trial-to-paid conversion from 12% to 19% in H2 2024 while keeping refund rate under [X]%.",
        [UP],
        "guardrail named, slot in it",
    ),
    ("TODO: add launch figures — shipped self-serve billing for SMB customers.", [UP, NQ], ""),
    # startup PM, terse
    ("Own pricing & packaging for the SMB tier (~$22M ARR).", [], "describes scale"),
    (
        "Moved SMB plan to usage-based pricing → ARR +17% YoY, logo churn flat.",
        [],
        "churn guardrail",
    ),
    ("Moved SMB plan to usage-based pricing → ARR +17% YoY.", [MG], ""),
    (
        "Cut onboarding drop-off from 46% to 29% by removing 3 of 7 signup steps.",
        [MG],
        "drop-off = conversion (dev 9)",
    ),
    ("Cut time-to-first-invoice from 3 days to 40 minutes for new merchants.", [], ""),
    ("Increased newsletter subscribers by 150%.", [VM, MG, MB], ""),
    (
        "Increased newsletter subscribers from 8k to 20k in 6 months; paid conversion from the newsletter rose from 1.1% to 1.9% and unsubscribes stayed under 0.3%.",
        [],
        "causal + guardrail",
    ),
    ("Rolled out SSO (SAML 2.0) for enterprise customers.", [NQ], ""),
    (
        "Rolled out SSO to 340 enterprise customers in one quarter, cutting password-reset tickets by 60%.",
        [],
        "period; tickets efficiency",
    ),
    ("Led the 0→1 launch of a B2B invoicing app.", [NQ], ""),
    ("Drove a huge uplift in checkout conversion.", [NQ, VL, MG], ""),
    (
        "Lifted checkout conversion 2.4pp (from 61.0% to 63.4%) while holding fraud loss rate at 0.08%.",
        [],
        "",
    ),
    ("Spearheaded a website relaunch that doubled page views.", [VM, MG, MB], ""),
    (
        "Spearheaded the website relaunch; page views doubled in 8 weeks and trial-to-paid conversion rose from 3% to 4.1%.",
        [MG],
        "causal present; no guardrail",
    ),
    ("In charge of the quarterly business review pack for the COO.", [WV, NQ], ""),
    ("Prepared the quarterly business review pack for the COO, covering 9 business units.", [], ""),
    ("Negotiated a 3-year, €4.5M cloud commitment at 28% off list.", [], "comparison, not change"),
    ("Reduced AWS spend 3×.", [MB], ""),
    (
        "Reduced AWS spend from $310k to $105k a month by moving batch jobs to spot instances.",
        [],
        "",
    ),
    ("Massively simplified the release process for our mobile apps.", [NQ, VL], ""),
    (
        "Moved the mobile release cycle from fortnightly to weekly.",
        [NQ],
        "frequencies without a number (dev 1)",
    ),
    (
        "Cut the mobile release cycle from every 14 days to every 7, with crash-free sessions held above 99.6%.",
        [],
        "",
    ),
    (
        "Led the content team's move to a headless CMS; organic traffic up 55% YoY.",
        [VM, MG],
        "traffic outcome; YoY period",
    ),
    (
        "Led the move to a headless CMS; organic traffic up 55% YoY, with sign-up conversion unchanged at 2.2%.",
        [],
        "conversion causal and held",
    ),
    (
        "Led the move to a headless CMS, cutting page build time from 14 minutes to 90 seconds.",
        [],
        "",
    ),
    ("Mentored 6 APMs, 4 of whom were promoted within 18 months.", [], ""),
    ("Mentor to junior PMs on the platform org.", [NQ], ""),
    (
        "Partnered with legal to ship GDPR-compliant data deletion for 12 products in 10 weeks.",
        [],
        "",
    ),
    ("Defined the north-star metric and OKRs for the Ads Insights team.", [NQ], ""),
    (
        "Grew Ads Insights adoption from 9% to 23% of advertisers in two quarters, with no rise in support tickets per advertiser.",
        [],
        "adoption + guardrail",
    ),
    (
        "Grew Ads Insights adoption from 9% to 23% of advertisers in two quarters.",
        [MG],
        "adoption = users",
    ),
    ("Helped 3 regional teams adopt the new OKR template.", [WV], ""),
    # AU / IN
    (
        "Optimised pick paths in the Brisbane DC, lifting picks per hour from 92 to 118.",
        [],
        "throughput",
    ),
    ("Managed a ₹45 crore vendor portfolio for the Bengaluru supply-chain team.", [], ""),
    (
        "Onboarded 1.2 lakh kirana stores onto the credit line in 9 months, with 30-day default rate held under 2%.",
        [],
        "",
    ),
    ("Onboarded 1.2 lakh kirana stores onto the credit line in 9 months.", [MG], "users moved"),
    (
        "Scaled the GST filing product to 3.5 lakh SMBs, growing revenue 2.2× in FY24.",
        [MG],
        "FY24 period",
    ),
    (
        "Ran 20+ customer interviews a month across Melbourne and Sydney to shape the roadmap.",
        [],
        "",
    ),
    ("Delivered the A$3.1m payroll replacement across 4 states on time and under budget.", [], ""),
    ("Worked on improving the loyalty app.", [WV, NQ], ""),
    ("Grew loyalty app downloads to 650k in Victoria.", [VM, MG], ""),
    (
        "Grew loyalty app downloads to 650k in Victoria; 38% of new members redeemed an offer within 30 days.",
        [MG],
        "redemption = activation, causal",
    ),
    # non-native
    (
        "Done the migration of 200 Jenkins jobs to GitHub Actions, build time reduced of 35% in 2 months.",
        [],
        "period",
    ),
    ("Responsible of the stakeholders management for the SAP S/4HANA project.", [WV, NQ], ""),
    ("Increased the conversion of the landing page of 1,5 points.", [MG], "absolute points"),
    ("Managed budget of 1,2 Mio € for the marketing automation tool.", [], ""),
    # vague / efficiency pairs
    ("Reduced on-call pages dramatically by rewriting 120 alert rules.", [VL], ""),
    ("Reduced on-call pages from ~70 to ~12 a week by rewriting 120 alert rules.", [], ""),
    ("Delivered considerable savings on logistics contracts.", [NQ, VL], ""),
    (
        "Cut freight cost per parcel from £3.20 to £2.65 by re-tendering 3 carrier contracts.",
        [],
        "",
    ),
    (
        "Drove engagement with a redesigned home feed.",
        [NQ, MG],
        "moved engagement without figure (dev 9)",
    ),
    (
        "Redesigned the home feed, raising sessions per user from 3.1 to 3.8 a day with p95 feed latency flat at 320ms.",
        [],
        "",
    ),
    ("Redesigned the home feed to improve engagement.", [NQ], "aim, not result"),
    (
        "Product owner for the patient-portal app (NHS login, 4.6★ on the App Store).",
        [],
        "rating is a score",
    ),
    (
        "Raised the app store rating from 3.2 to 4.6 in 5 months by fixing the top 20 crash reports.",
        [],
        "quality outcome",
    ),
    ("Boosted impressions 4x with a new programmatic partner.", [VM, MG, MB], ""),
    (
        "Added a programmatic partner; impressions rose 4x in Q3 and ad revenue from $1.8M to $2.6M a quarter, with viewability held above 70%.",
        [],
        "",
    ),
    ("Led the hiring of 11 engineers and 2 designers for the new Lisbon hub.", [], ""),
    ("Ran a pricing experiment on annual plans.", [NQ], "no moved metric"),
    (
        "Ran a pricing experiment on annual plans that raised annual-plan uptake from 14% to 22%.",
        [MG],
        "plan uptake",
    ),
    (
        "Ran a pricing experiment on annual plans that raised annual-plan uptake from 14% to 22% with no increase in refunds.",
        [],
        "",
    ),
    ("Introduced weekly ops reviews across the supply chain.", [NQ], "weekly is no figure"),
    (
        "Introduced weekly ops reviews that brought on-time-in-full from 88% to 96% over 6 months.",
        [],
        "",
    ),
    ("Owned Sev-1 incident comms for the payments platform.", [NQ], "Sev-1 label"),
    ("Cut Sev-1 incidents from 14 to 3 per quarter.", [], ""),
    ("Led [X] cross-functional squads to deliver the Q4 roadmap.", [UP, NQ], ""),
    ("Grew MAU 40% to 2.3M in 2023 with the creator tools launch.", [VM, MG], "in 2023 period"),
    (
        "Grew MAU 40% to 2.3M in 2023 with the creator tools launch, while 90-day creator retention rose from 22% to 27%.",
        [MG],
        "retention causal, moved not held",
    ),
    ("Ran the creator tools platform serving 2.3M monthly users across 3 regions.", [], "scale"),
    ("Greatly improved sprint predictability for a 25-person team.", [VL], ""),
    (
        "Reduced clinic no-shows from 19% to 11% by sending SMS reminders 48 hours before appointments.",
        [],
        "",
    ),
    ("Contributed to a 12% increase in renewals.", [WV, MG, MB], "renewals = revenue"),
]

EM, EL = "email-no-metric", "email-length"
EMAILS: list[tuple[str, list[str], str]] = [
    (
        "Hi Priya,\n\nThank you for the conversation this morning about the Ads Insights role. I enjoyed hearing how your team thinks about advertiser trust. It connected with the reporting work I led at Shopwise, where we cut time-to-first-report for new advertisers from 9 days to 2.\n\nHappy to send anything else that would help.\n\nBest,\nDaniel",
        [],
        "owned result with baseline",
    ),
    (
        "Dear Mr Okafor,\n\nThank you for taking the time to meet me yesterday. I really enjoyed learning about the payments roadmap and I am very excited about the opportunity.\n\nKind regards,\nSiobhan",
        [EM],
        "no result",
    ),
    (
        "Hi Tom,\n\nThanks heaps for the chat this arvo. Your point about rostering across the three Brisbane campuses stuck with me; at Metro North I rebuilt our nurse rota and we cut agency shifts by 38% over one winter.\n\nCheers,\nJess",
        [],
        "AU usage",
    ),
    (
        "Hello [Interviewer Name],\n\nThank you for meeting me on Tuesday. I enjoyed our discussion of the checkout redesign, and I'd love to bring the experimentation practice I built at Cartly, where 22 tests a quarter ran with a shared guardrail dashboard.\n\nBest,\nAmir",
        [UP],
        "slot greeting",
    ),
    (
        "Dear Ananya ji,\n\nKindly accept my thanks for the interview of today. It was a pleasure to discuss the kirana credit programme. I am looking forward to hear from you regarding the next steps.\n\nWarm regards,\nRohit",
        [EM],
        "no result; IN usage",
    ),
    (
        "Hi Marcus,\n\nThanks for the time today. I learned a lot of things about how the hardware team plans DVT builds, and the factory tour video was great.\n\nAs I mentioned, on the Gen 2 lock I brought first-pass yield from 78% to 92% before mass production.\n\nBest,\nLena",
        [VL],
        "a lot of",
    ),
    (
        "Hi Sarah,\n\nThank you for a really enjoyable conversation. I loved hearing about the live-ops team and the upcoming season. Please let me know if you need anything from me.\n\nThanks,\n{first_name}",
        [EM, UP],
        "",
    ),
    (
        "Dear Dr Hughes,\n\nThank you for interviewing me for the Operations Manager post. Our discussion about theatre scheduling was very useful. In my current role I raised theatre utilisation from 71% to 86% without increasing on-the-day cancellations, and I would be glad to bring that approach to your trust.\n\nYours sincerely,\nAnita Desai",
        [],
        "",
    ),
    (
        "Hey Chris — thanks again for the demo walkthrough and the 45 minutes you gave me. Huge fan of what you're building. Talk soon!\nMaya",
        [EM, VL],
        "interview length is not a result; 'Huge' is on the list",
    ),
    (
        "Hi Elena,\n\nThank you for the conversation about the Data Science Lead role. I appreciated how candid you were about the forecasting backlog. When I rebuilt demand forecasting at FreshCo, MAPE fell from 21% to 9% across 1,400 SKUs, and I would enjoy doing similar work with your team.\n\nBest regards,\nKofi",
        [],
        "",
    ),
    (
        "Hi Jordan,\n\nThanks for meeting with me. I was excited to hear about your team's 3x growth last year, and I think my background would be a great fit.\n\nBest,\nNoah",
        [EM],
        "company's figure, not owned",
    ),
    (
        "Dear Hiring Team,\n\nThank you for the interview for the Programme Lead role. I was moved by the stories from your Kisumu clinics. In Bihar I led a team that trained 240 community health volunteers across three districts, and I would love to bring that field experience to your programme.\n\nWith thanks,\nFatima",
        [],
        "Dear Hiring Team is a real greeting",
    ),
    (
        "Hi Ben,\n\nThank you for today. I enjoyed the whiteboard exercise on the SSO rollout. TODO: mention the ticket numbers from Okta project.\n\nBest,\nGrace",
        [EM, UP],
        "TODO",
    ),
    (
        "Hello Ms Fischer,\n\nThank you very much for the interview. The discussion on your marketing automation was very interesting for me. In my last company I managed budget of 1,2 Mio € for a similar tool and we reduced the campaign setup time from 5 days to 1 day.\n\nI am looking forward to hear from you.\n\nBest regards,\nMarco Bianchi",
        [],
        "non-native",
    ),
    (
        "Hi Leah,\n\nThank you so much for taking the time to speak with me on Thursday about the Senior Product Manager position on the Growth team. I wanted to follow up on a couple of the threads from our conversation, because I didn't do them justice in the moment.\n\nFirst, on your question about how I decide what not to build: at Cartly, I kept a kill list alongside the roadmap, and every quarter each squad had to retire one item before adding a new one. It sounds bureaucratic, but it kept our surface area honest, and after a while engineers started proposing their own removals, which was the part I was proudest of.\n\nSecond, on experimentation culture. You mentioned that tests often ship without anyone checking support load or refunds. When I joined Cartly we had the same issue. I set up a shared guardrail dashboard that every test readout had to link to, and over the following year we ran 60 tests, shipped 19, and rolled back two that quietly raised refund requests.\n\nFinally, I really appreciated your openness about the reorg. It helped me understand what the first six months would look like, and I'm even more excited about the role now.\n\nThanks again, and I look forward to hearing about next steps.\n\nWarm regards,\nAmara",
        [EL],
        "long",
    ),
    (
        "Dear Rajesh,\n\nThank you for meeting me for the TPM role on the UPI platform. It was exciting to hear how fast the mandate volumes are growing. I hope my experience is a good match.\n\nRegards,\nKavya",
        [EM],
        "",
    ),
    (
        "Hi Oliver,\n\nMany thanks for today's interview. I enjoyed discussing the Switch port and your studio's approach to certification. On Ember Hollow I produced the console release across 11 languages and we passed certification first time on both platforms.\n\nAll the best,\nHannah",
        [],
        "11 languages owned",
    ),
    (
        "Hi Sam,\n\nThanks for chatting with me about the sales engineering role! I've attached the demo environment I mentioned. It's helped our AEs tons of times.\n\nCheers,\nDev",
        [EM, VL],
        "tons of",
    ),
    (
        "Hi Wei,\n\nThank you again for the time on Monday, and for introducing me to Carla and Jonas. I've been thinking about the problem you described with release trains slipping, and I wanted to share a little more about how we tackled a similar issue.\n\nAt my current company the Android release train ran every 14 days, but roughly one in three trains slipped because a single squad's feature wasn't ready. We introduced feature flags for every change larger than a day's work, moved the cut to a fixed Tuesday, and made the release captain a rotating role across the nine squads. Within two quarters we moved to a weekly train, slips dropped to one in twelve, and crash-free sessions stayed above 99.6% the whole time.\n\nI also wanted to say that I enjoyed the candour of the panel, particularly the discussion about on-call load. I'd welcome the chance to keep the conversation going, and I'm happy to walk through the release dashboard if that would be useful to the team. I can also share the short playbook we wrote for release captains, which covers the go/no-go checklist, how we handle late fixes, and how we communicate a slipped feature to support and marketing before customers notice anything. It is only a few pages, but new captains told us it was the thing they reached for first.\n\nKind regards,\nIfeoma",
        [EL],
        "long, owned results",
    ),
    (
        "Dear Ms Tan,\n\nThank you for the opportunity to interview for the Patient Flow Manager role at your hospital. I greatly appreciate the time you and Dr Lim spent with me.\n\nAs we discussed, at my current hospital I led the discharge lounge project that reduced discharge delays by 30% over the winter quarter.\n\nSincerely,\nMeera",
        [VL],
        "greatly; owned result",
    ),
    (
        "Hi Zoe,\n\nThank you for taking me through the studio yesterday. It was brilliant to meet the team and see the prototype of the new co-op mode. I'm keen to bring my production experience to the project and would be happy to answer any further questions you might have.\n\nBest wishes,\nYour Name",
        [EM, UP],
        "Your Name sign-off",
    ),
    (
        "Hello Dr. Alvarez,\n\nThank you for a thoughtful conversation about the clinical informatics role, and for your patience with my questions about the e-obs rollout. I wanted to add some context on my background, since I'm coming from the ward rather than from a product team, and I know that can raise questions.\n\nI spent eight years as a charge nurse on a 28-bed acute medical unit before moving into a hybrid role supporting our digital team. In that role, I was the clinical lead for our electronic observations pilot. I ran the training for the nursing staff, wrote the escalation workflows with the sepsis team, and sat with the developers through every sprint review. Once the pilot was live, the share of observation sets recorded on time rose from 64% to 91% within four months, and the number of missed escalations on the unit fell from eleven in the quarter before to two in the quarter after.\n\nWhat excites me about your team is the chance to do this across a whole trust rather than one ward. I would love to learn more about how you prioritise across specialties, and how the informatics team works with ward managers when a new system changes the way their staff spend a shift. I am happy to share the pilot's training materials if useful.\n\nWith many thanks,\nClaire",
        [EL],
        "long; owned results",
    ),
]


def main() -> None:
    """Write both files; refuse an email whose length label disagrees with its word count."""
    with (HERE / "bullets.jsonl").open("w", encoding="utf-8") as out:
        for i, (text, rules, note) in enumerate(BULLETS, 1):
            rec = {"id": f"k{i:03d}", "text": text, "rules": rules, "note": note}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with (HERE / "emails.jsonl").open("w", encoding="utf-8") as out:
        for i, (text, rules, note) in enumerate(EMAILS, 1):
            words = len(text.split())
            assert (words > 200) == (EL in rules), (i, words)
            assert abs(words - 200) > 15, (i, words)
            rec = {
                "id": f"ke{i:02d}",
                "text": text,
                "rules": rules,
                "note": f"{note} ({words} words)".strip(),
            }
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
