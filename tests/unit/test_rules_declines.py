"""The rules extractor on setbacks told with a comparison or in a founder's, a status page's or a
wire's words (declines.py): results below their earlier figure in quarterly-report sentences and
updates, losses that grew, churn that rose, customers and users lost, launches and audits that
slipped, outages with customers affected, lawsuits against the company, key people leaving, deals
lost to a rival, redundancies. Every sentence is hand-written, each family in several registers
beside look-alikes that are no lowlight: a cost, a loss or a latency that fell, a result that
rose, someone else's figures, forecasts, habits and a status page's vocabulary."""

from __future__ import annotations

from functools import partial

import pytest

from signalpipe.models import EventType, Polarity, Source
from tests.unit import rules_read
from tests.unit.rules_read import MakeMessage

T = EventType
NEG = Polarity.NEGATIVE
news = partial(rules_read.read, source=Source.GMAIL)
chat = partial(rules_read.read, source=Source.SLACK)

# results below their earlier figure: report sentences, press releases, updates, chat
RESULTS_DOWN = [
    "Operating profit totalled EUR 9.0 mn, down from EUR 9.7 mn in the first half of 2008.",
    "Profit before taxes was EUR 5.4 mn, down from EUR 8.3 mn.",
    "EPS for the quarter came in at EUR 0.36, down from EUR 0.50 a year earlier.",
    "Net profit for the period was EUR 0.2 mn, compared to EUR 1.5 mn in the previous year.",
    "Operating profit excluding non-recurring items was EUR 1.1 mn, down from EUR 2.2 mn.",
    "Net sales in the period were EUR 20.5 mn, down 8% on the previous year.",
    "Comparable operating profit decreased by 15% to EUR 4.1 mn.",
    "Revenue for the quarter was $2.1 million, down 18% year over year.",
    "Q3 revenue came in at $1.4M, down from $1.7M in Q2.",
    "Gross margin was 61% versus 68% a year ago.",
    # losses that grew, and results that were a loss
    "Operating loss increased to EUR 17 mn from a loss of EUR 10.8 mn in 2005.",
    "Net loss widened to $12m from $8m a year earlier.",
    "Operating loss totalled EUR 4.0 mn, compared to a profit of EUR 8.6 mn in the second "
    "quarter of 2008.",
    "Earnings per share (EPS) amounted to a loss of EUR 0.05.",
    "The result before taxes was a loss of EUR 3.2 mn.",
    "Operating loss amounted to EUR 0.8 mn.",
    "Operating result showed a loss of EUR 0.3 mn.",
    # the outlook lowered by the company itself
    "Acme cuts full-year revenue guidance.",
    "Acme lowered its net sales estimate for 2008.",
    "Acme has revised its full-year operating profit forecast downwards.",
    "Acme expects its net sales for 2009 to decrease from 2008.",
    "The company expects its operating profit to be lower than in 2008.",
    # results falling in words the revenue reader does not take, or hurt by a named cause
    "Net loss was $4.1 million, compared to $2.5 million in the prior year.",
    "Net loss was $4.1 million, compared to net income of $2.5 million in the prior year.",
    "Revenue for the third quarter was $45.2 million, a 3% decrease from the prior year.",
    "Sales have been declining for three quarters.",
    "Acme's market share decreased to 20% from 23%.",
    "Fewer multi-buys hurt Acme's market share",
    "A strong pound dented Acme's first-half profit.",
    "The AWS price change ate into our margins this quarter.",
    "The Group's operating loss amounted to EUR 0.2 mn.",
    "Profit per share was EUR 0.05 compared to EUR 0.12 in 2007.",
    "The decrease in net sales was mainly due to lower volumes.",
    "Acme's result for the period was weaker than expected.",
    "Acme sees full-year operating profit below last year's level.",
]


@pytest.mark.parametrize("text", RESULTS_DOWN)
def test_results_below_their_earlier_figure_are_lowlights(make_message: MakeMessage,
                                                          text: str) -> None:
    events = news(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.REVENUE_MILESTONE, NEG)], text


SETBACKS = [
    # churn that rose: founder chat, an update, a board email
    ("Churn ticked up to 4.1% in February.", T.CUSTOMER_SUCCESS),
    ("churn crept up to 5% last month", T.CUSTOMER_SUCCESS),
    ("We saw an uptick in churn among SMB accounts in Q3.", T.CUSTOMER_SUCCESS),
    ("Logo churn is up to 3.2% from 1.9%.", T.CUSTOMER_SUCCESS),
    # customers and users lost, counted
    ("we lost 3 customers this month", T.CUSTOMER_SUCCESS),
    ("We lost two customers in March, both to budget cuts.", T.CUSTOMER_SUCCESS),
    ("In Q2 we churned three enterprise accounts.", T.CUSTOMER_SUCCESS),
    ("We lost 20% of our MAU in December.", T.USER_GROWTH),
    ("The newsletter lost 400 subscribers after the price change.", T.USER_GROWTH),
    # launches, audits and shipments that slipped
    ("We're pushing the v2 launch to March.", T.PRODUCT_LAUNCH),
    ("Heads up: GA is slipping to next month.", T.PRODUCT_LAUNCH),
    ("The launch of Acme Cloud has been postponed to 2026.", T.PRODUCT_LAUNCH),
    ("The v3 release got pushed to late October.", T.PRODUCT_LAUNCH),
    ("Our SOC 2 Type II audit was moved to January.", T.COMPLIANCE),
    ("The ISO 27001 certification got delayed again.", T.COMPLIANCE),
    ("Shipments have been delayed by two weeks due to a component shortage.", T.OTHER),
    # outages with customers affected: status page, postmortem, chat
    ("Between 14:02 and 15:40 UTC, customers were unable to log in to the dashboard.",
     T.TECHNICAL_ACHIEVEMENT),
    ("Users in eu-west were experiencing elevated error rates on API requests.",
     T.TECHNICAL_ACHIEVEMENT),
    ("Yesterday's outage took the API down for 3 hours and affected most EU customers.",
     T.TECHNICAL_ACHIEVEMENT),
    ("A bad deploy took checkout down for 25 minutes.", T.TECHNICAL_ACHIEVEMENT),
    ("Resolved: customers were unable to send emails for about 2 hours.",
     T.TECHNICAL_ACHIEVEMENT),
    # lawsuits against the company
    ("Acme sued by former employees over unpaid wages.", T.COMPLIANCE),
    ("Globex files lawsuit against Acme alleging patent infringement.", T.COMPLIANCE),
    ("We got served with a lawsuit from Initech over the trademark.", T.COMPLIANCE),
    ("We've been sued by a patent troll over our sync feature.", T.COMPLIANCE),
    # key people leaving
    ("Our head of engineering handed in his notice.", T.HIRING),
    ("Acme CFO Jane Doe announced her resignation on Monday.", T.HIRING),
    ("Acme co-founder departs amid strategy dispute.", T.HIRING),
    # deals lost to a rival
    ("Initech went with Salesforce instead of us.", T.ENTERPRISE_DEAL),
    ("Umbrella chose Globex over us after the bake-off.", T.ENTERPRISE_DEAL),
    ("We lost the Hooli deal to a competitor.", T.ENTERPRISE_DEAL),
    ("Acme's passenger numbers fell 5.2% in March.", T.USER_GROWTH),
    # pay frozen or cut
    ("Acme freezes pay to cut costs.", T.HIRING),
    ("We're freezing salaries for the rest of the year.", T.HIRING),
    ("Acme cut staff salaries by 10% as bookings slumped.", T.HIRING),
    # security incidents in a disclosure's, a postmortem's and a founder's words
    ("On 15th December 2024, Acme identified unauthorized activity involving compromised AWS "
     "access keys.", T.COMPLIANCE),
    ("We discovered a security incident last night: an attacker accessed our staging database.",
     T.COMPLIANCE),
    ("Some customer passwords were exposed in a logging bug; we've reset them.", T.COMPLIANCE),
    ("Acme disclosed a data breach affecting 20,000 users.", T.COMPLIANCE),
    # launches that flopped
    ("I launched Xtopics in March. It was a total flop.", T.PRODUCT_LAUNCH),
    ("Our Product Hunt launch fell flat: 12 upvotes.", T.PRODUCT_LAUNCH),
    ("The course flopped: only 4 sales in the first week.", T.PRODUCT_LAUNCH),
    # failed audits, plans missed, units closed, accounts lost: an update's digest lines
    ("ISO 27018: failed. 8 exceptions.", T.COMPLIANCE),
    ("SOC 2 Type II: qualified opinion, 3 exceptions", T.COMPLIANCE),
    ("We failed our first SOC 2 audit, 4 exceptions.", T.COMPLIANCE),
    ("We came in 15% below plan for the quarter.", T.REVENUE_MILESTONE),
    ("Gross margin contracted to 61% from 68%.", T.REVENUE_MILESTONE),
    ("We're shutting down the hardware business.", T.OTHER),
    ("Acme will wind down its consumer unit by year end.", T.OTHER),
    ("Lost Citadel Capital ($880k) to Taskara", T.ENTERPRISE_DEAL),
    # founder chat: fall verbs, broken checkout, a team cut, a launch cancelled
    ("Revenue dipped 8% MoM.", T.REVENUE_MILESTONE),
    ("MRR went backwards this month, -$1.2k.", T.REVENUE_MILESTONE),
    ("we had a P1 incident, checkout was broken for 2 hours", T.TECHNICAL_ACHIEVEMENT),
    ("We're cutting the team from 24 to 17.", T.HIRING),
    ("We had to cancel the launch after the security review.", T.PRODUCT_LAUNCH),
    # redundancies in a wire's words
    ("The negotiations resulted in 25 redundancies at the Turku plant.", T.HIRING),
    ("Acme will make 40 employees redundant.", T.HIRING),
    ("Acme said the negotiations will lead to the reduction of 45 jobs.", T.HIRING),
    ("The number of personnel will be reduced by 40.", T.HIRING),
    ("In the negotiations 35 people were given notice.", T.HIRING),
]


@pytest.mark.parametrize(("text", "kind"), SETBACKS)
def test_setbacks_are_lowlights_of_their_type(make_message: MakeMessage, text: str,
                                              kind: EventType) -> None:
    lows = [e.event_type for e in chat(make_message, text) if e.polarity is NEG]
    assert lows == [kind], text


NOT_LOWLIGHTS = [
    # a cost, a loss or a latency that fell is good news
    "Net loss narrowed to EUR 1.0 mn from EUR 4.1 mn.",
    "Net loss was EUR 1.0 mn, compared to a loss of EUR 4.1 mn a year earlier.",
    "Operating expenses decreased by 12% to EUR 15.1 mn.",
    "Sales costs were EUR 2 mn, down from EUR 3 mn.",
    "Our AWS spend was $12k, down from $18k last month.",
    "p95 is 120ms now, down from 450ms.",
    "churn crept down to 2% 🎉",
    # results that rose, said beside something that fell
    "Operating profit was EUR 5.2 mn compared to EUR 4.1 mn a year earlier.",
    "Net sales rose 10% to EUR 30 mn, while prices were down 5%.",
    "Revenue growth was 20% versus 35% a year ago.",
    # someone else's figures, the share price
    "Globex's net sales were EUR 10 mn, down from EUR 12 mn.",
    "The share price closed at EUR 3.1, down from EUR 3.4.",
    "Globex saw an uptick in churn last quarter.",
    "Globex was sued by its investors.",
    "Globex's CFO announced her resignation.",
    "Globex will make 40 employees redundant.",
    # hopes, risks and negations
    "Reducing churn is our top priority for Q3.",
    "We haven't lost a single customer since launch.",
    "We might lose a few customers when we raise prices.",
    "The launch is on track for March.",
    # words that only look like setbacks
    "We lost 3 days to the office move.",
    "We pushed the v2.3 release to production this morning.",
    "We moved the launch up to Monday because the demo went so well.",
    "We pushed the release notes to the docs site.",
    "I keep postponing the newsletter, oops.",
    "Globex delayed the launch of its new phone.",
    "Users are unable to log in to Globex since their update, anyone else?",
    "Our new feature lets you track partial outage and major outage states.",
    "Stripe was down for 20 minutes, customers were unable to pay everywhere.",
    "The lawsuit against Acme was dismissed last week.",
    "We filed a lawsuit against Globex for copying our product.",
    "The train departs from platform 2.",
    "We went with Stripe instead of Adyen for payments.",
    "We chose Linear over Jira.",
    "Redundancies across the sector are rising, the union said.",
    # outlooks and losses that are no setback of ours
    "Analysts lowered their price target for Acme.",
    "Acme expects its net sales to increase in 2009.",
    "Globex cut its full-year outlook.",
    "Globex expects its operating profit to be lower.",
    "Acme expects its costs to decrease in 2009.",
    "Operating loss amounted to EUR 0.8 mn, compared with a loss of EUR 2.2 mn.",
    "Our net loss this month was $3k, as planned.",
    "Net loss was $2.1 million, compared to $3.5 million in the prior year.",
    "Net loss per share was $0.10 compared to $0.25 a year ago.",
    "Operating expenses were $12 million, a 5% decrease from the prior year.",
    "Revenue for the third quarter was $45.2 million, a 3% increase from the prior year.",
    "Acme's new pricing hurt Globex's market share.",
    "Weak demand hurt the whole sector's sales.",
    # pay, security and flops that only look like setbacks
    "Globex froze pay for 2016.",
    "Okta disclosed a breach affecting its support system.",
    "If your API keys were compromised, rotate them immediately.",
    "Our product helps teams detect unauthorized access in minutes.",
    "Never commit secrets: leaked keys are the top cause of breaches.",
    "All of your design tokens exposed as native CSS variables.",
    "The demo went great, it was a total blast.",
    "That movie was a total flop lol",
    "It wasn't a failure, we learned a lot.",
    "Globex's new phone flopped in Europe.",
    "I was nervous about buying inventory in the event that my product flopped.",
    # closures, audits and plans that are routine or good news
    "The office is closed on Monday for the holiday.",
    "Closing the Q3 books this week.",
    "We closed our Series A last week.",
    "Our pen test came back with no critical findings.",
    "The audit found 0 exceptions.",
    "We came in 10% above plan for the quarter.",
    "Lost Citadel's contact info, can someone resend?",
    "Industry margins have narrowed this year.",
    "Globex failed its SOC 2 audit.",
    "If we fail the SOC 2 audit, the Hooli deal is off.",
    "Gross margin expanded to 72% from 68%.",
    "We're shutting down the old staging cluster tonight.",
    "Worst case we take a $7.75M bridge at a lower valuation.",
    "Staging was down for 14 hours, no customer impact.",
    # report look-alikes: costs that fell, results better than expected, natural attrition
    "The decrease in operating costs was EUR 2 mn.",
    "Acme's result for the period was better than expected.",
    "Acme sees full-year operating profit above last year's level.",
    "The number of personnel increased by 40.",
    "The number of employees decreased by 3 to 120 through natural attrition.",
    "Revenue dipped 8% MoM for Globex, their CEO told me.",
    "We had to cancel the launch party, the venue flooded.",
    "Globex cancelled the launch of its new phone.",
    "Result: Had five customer meetings (50% below target)",
    "The site was broken for 2 hours for me, anyone else?",
    # a past problem retold as background, a fixed bug, maintenance announced in advance
    "Back in 2019 our revenue was $1M, down from $2M the year before, and we almost died.",
    "In the early days, MRR went backwards for three months straight.",
    "We used to see churn creep up every December.",
    "Last year we lost 3 customers to Globex, which is why we built SSO.",
    "We fixed a minor bug where the export was down for 5 minutes for one user.",
    "Scheduled maintenance: the dashboard will be unavailable for 30 minutes on Sunday.",
    "The API will be down for maintenance between 02:00 and 03:00 UTC.",
]


@pytest.mark.parametrize("text", NOT_LOWLIGHTS)
def test_look_alikes_are_no_lowlights(make_message: MakeMessage, text: str) -> None:
    assert [e for e in chat(make_message, text) if e.polarity is NEG] == [], text


def test_a_deal_lost_told_twice_is_one_event(make_message: MakeMessage) -> None:
    events = chat(make_message, "We lost Crescent Manufacturing. They went with Signalry.",
                  "Lost Crescent Manufacturing ($880k) to Signalry")
    assert [(e.event_type, e.polarity, e.title) for e in events] == [
        (T.ENTERPRISE_DEAL, NEG, "Lost Crescent Manufacturing")]


def test_a_report_comparison_is_one_result_not_two(make_message: MakeMessage) -> None:
    events = news(make_message, "Net profit for the period was EUR 0.2 mn, compared to EUR 1.5 mn "
                                "in the previous year.")
    assert len(events) == 1 and events[0].polarity is NEG
