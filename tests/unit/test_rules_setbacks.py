"""The rules extractor on setbacks as people write them (setbacks.py).

Every text is hand-written, in the registers a company's setbacks reach an investor through
(team chat, a founder's update email, a press release, a status post or a postmortem), each
family beside its look-alikes: personal news, someone else's trouble, fears and hypotheticals,
bugs fixed, staging, maintenance, "leaving" in other senses, jokes. Three sets were written
before the rules that read them; the third and fourth were held out until the families of the
first were written, and measured before any rule was widened for them."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules import setbacks
from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.subject import aliases_pattern
from signalpipe.models import EventType, Polarity, SignificantEvent
from tests.unit.rules_read import MakeMessage, read

T = EventType
HIRE, CS, DEAL, REV, USERS = (T.HIRING, T.CUSTOMER_SUCCESS, T.ENTERPRISE_DEAL,
                              T.REVENUE_MILESTONE, T.USER_GROWTH)
FUND, LAUNCH, TECH, COMP, OTHER = (T.FUNDING, T.PRODUCT_LAUNCH, T.TECHNICAL_ACHIEVEMENT,
                                   T.COMPLIANCE, T.OTHER)
MARKET, PARTNER = T.MARKET_EXPANSION, T.PARTNERSHIP


def negatives(events: list[SignificantEvent]) -> list[SignificantEvent]:
    return [e for e in events if e.polarity is Polarity.NEGATIVE]


# key people leaving: chat, update mail, press release
DEPARTURES = [
    ("Ravi resigned this morning, he's going to Stripe", "Ravi is leaving"),
    ("Jon handed in his notice on Friday, his last day is the 30th.", "Jon is leaving"),
    ("Quick note that Tom has handed in his resignation; his last day will be June 14.",
     "Tom is leaving"),
    ("Priya, our Head of Sales, has decided to move on from the company.", "Priya is leaving"),
    ("Lena, our first engineer, is moving on after three great years with us.",
     "Lena is leaving"),
    ("Mark, who led our EU team, has left to join a larger company.", "Mark is leaving"),
    ("3. People: our Head of Customer Success, Maya, resigned in May; we are hiring a "
     "replacement.", "Maya is leaving"),
    ("Hiring: Our VP of Engineering, Sam Ortiz, left in September.", "Sam Ortiz is leaving"),
    ("Some sad news to share: Elena has decided to leave Acme to spend more time with her "
     "family.", "Elena is leaving"),
    ("We lost our Head of Product to Google in April.", "Head of Product left for Google"),
    ("It's with a heavy heart that I share that Jordan, our co-founder and CTO, is stepping "
     "away from Acme.", "Jordan is leaving"),
    ("Our VP Sales and we have agreed to part ways.", "Parted ways with the VP Sales"),
]

# customers leaving us: chat, update mail
CHURN = [
    ("Umbrella told us they will not be renewing when the contract ends in June.",
     "Lost Umbrella"),
    ("Globex gave notice that they are moving off our platform at the end of the quarter.",
     "Lost Globex"),
    ("Our largest customer, Globex, gave us notice of termination.", "Lost Globex"),
    ("In April our largest customer, Brightline, informed us they would not renew their "
     "contract.", "Lost Brightline"),
    ("fyi Globex cancelled, they're going with Salesforce", "Lost Globex"),
    ("Soylent replaced us with an in-house tool last month.", "Lost Soylent"),
    ("Our second-largest account, Hooli, is winding down its contract with us by Q3.",
     "Lost Hooli"),
    ("Hooli just told us they're not going to renew in March.", "Lost Hooli"),
    ("Sadly, Globex has decided not to continue with us after the pilot.", "Lost Globex"),
    ("Vandelay decided to go with an in-house build, so we lost the deal.", "Lost Vandelay"),
]

# the rest, each with the type of the positive event it mirrors
SETBACKS = [
    # results below plan, growth that stalled, a disappointing launch
    ("Revenue: $1.1M ARR, which is roughly 15% behind plan.", REV),
    ("Q3 revenue came in 18% below plan.", REV),
    ("However, growth has slowed significantly compared to Q2.", USERS),
    ("Signups have plateaued at around 300 a week since March.", USERS),
    ("Signups were flat month over month.", USERS),
    ("Our MRR has been flat at $20k for three months.", REV),
    ("Revenue growth slowed to 3% MoM in October.", REV),
    ("The launch was underwhelming, about 40 signups in the first week.", LAUNCH),
    ("Only 3 of our 10 pre-sale customers renewed.", CS),
    # raises that failed, rejections
    ("The Series A process stalled and we are now raising a smaller bridge.", FUND),
    ("We got rejected by Y Combinator again, no interview this time.", FUND),
    ("Our application to Techstars was rejected.", FUND),
    # freezes, cuts by size
    ("Starting today, all new hiring is on hold.", HIRE),
    ("We had to let go of our two sales reps in March.", HIRE),
    ("Heads up, Wen gave her two weeks' notice today.", HIRE),
    # written last and measured before any rule was widened for it (main 16/25, branch 17/25)
    ("Our pilot with Initech ended without a contract.", DEAL),
    ("ARR ended the quarter at $2.3M, short of the $2.6M plan.", REV),
    ("Paid conversions dropped from 4% to 2.5% after the pricing change.", USERS),
    ("The raise is taking much longer than expected and our lead investor backed out.", FUND),
    ("We lost our App Store listing for two weeks after a policy review.", PARTNER),
    ("Payments were failing for roughly 40% of customers for most of Monday.", TECH),
    ("The German launch has been pushed to 2026.", LAUNCH),
    ("We reduced the team from 24 to 15 people.", HIRE),
    # wind-downs and products retired
    ("Acme will cease operations at the end of the month.", OTHER),
    ("Subscriptions are cancelled and the company becomes a non-profit.", OTHER),
    ("We've decided to stop development of Acme Desktop.", LAUNCH),
    ("Acme Mobile is being retired on March 31; existing users will be migrated to the web "
     "app.", LAUNCH),
    # markets and partners
    ("We're pulling out of the Japanese market after two quarters.", MARKET),
    ("We have paused our expansion into Germany.", MARKET),
    ("Our Google Cloud Marketplace listing was removed after the partner program changed.",
     PARTNER),
    ("The Initech partnership ended in March.", PARTNER),
    ("Our biggest partner, Initech, terminated the reseller agreement in May.", PARTNER),
    ("We've put the EU launch on hold indefinitely.", MARKET),
    # outages with customer impact, data lost or exposed, audits delayed
    ("Incident report: between 14:02 and 16:40 UTC, all API requests failed with 503 errors.",
     TECH),
    ("On March 3 our EU cluster was unavailable for four hours, and every EU customer was "
     "affected.", TECH),
    ("Customers in the EU could not sign in for about three hours on Tuesday.", TECH),
    ("We lost about 6 hours of customer uploads in Tuesday's incident.", TECH),
    ("Acme disclosed that an unauthorized third party accessed customer data.", COMP),
    ("We found that a bug had exposed some customers' invoices to other customers.", COMP),
    ("Our SOC 2 Type II report is delayed again, now expected in Q1.", COMP),
]

# look-alikes: none of them is a setback of the company (some are good news, and read so)
LOOK_ALIKES = [
    # leaving in other senses, personal news, other companies' people
    "I'm leaving for the conference tomorrow, back Thursday.",
    "Please leave a comment below if you have questions.",
    "Today is the last day to register for the meetup.",
    "Maya resigned herself to another week of debugging.",
    "Tom is handing in his thesis next week.",
    "Elena left the meeting early.",
    "Ravi is leaving for his honeymoon on Friday, back in two weeks.",
    "2. Our head of design, Kim, is leaving for a design conference in June.",
    "Jordan stepped away from his desk for a minute.",
    "Our CFO is retiring the old expense tool, yay.",
    "Priya has resigned from the Globex board to focus on Acme.",
    "I was laid off from my last job, which is how Acme started.",
    "Stripe's CTO stepped down yesterday.",
    # customers: fears, meetings, someone else's customers, good churn numbers
    "If we lose Globex we lose 30% of revenue.",
    "Hooli might not renew, we need a plan.",
    "What if Brightline doesn't renew? We should have a plan.",
    "The customer cancelled our meeting, rescheduled for Monday.",
    "Globex lost a big customer last month.",
    "Stripe's largest customer informed them they would not renew.",
    "They won't renew their Netflix subscription lol",
    "Only 2 of 40 customers churned this year.",
    "- Churned 4 test accounts we created for the demo.",
    "Globex has decided to continue with us after the pilot!",
    "We had to let go of our old office lease in March.",
    "ARR ended the quarter at $2.9M, ahead of the $2.6M plan.",
    "Bounce rate dropped from 60% to 40% after the redesign.",
    "Our pilot with Initech ended and they signed a 2-year contract.",
    "Payments were failing in the test suite, fixed now.",
    "Staging API outage: 31% of test requests failing since 14:02.",
    "The staging outage lasted 6 hours; no customers were affected.",
    "Wen gave her notes to the design team today.",
    "Soylent moved to a new office in Austin.",
    # plans beaten, personal goals, someone else's growth
    "Q3 revenue came in 18% above plan!",
    "New bookings were $510k, well above our $450k goal.",
    "I fell short of my running goal this month.",
    "Result: Had five customer meetings (50% below target)",
    "Globex's growth has slowed this year.",
    "The market's growth slowed in 2024.",
    "The movie was disappointing, honestly.",
    "Results were not disappointing at all!",
    # rejections that are not investors', closures for a while, other companies' trouble
    "My PR got rejected by the maintainers.",
    "Our app update got rejected by Apple's review team.",
    "We shut down the office for the holidays, back on Jan 2.",
    "Globex is shutting down its New York office.",
    "Stripe is sunsetting the legacy Charges API.",
    "We're retiring the old logo, the new one looks great.",
    "Acme will discontinue the Starter plan on July 1.",
    "We're pulling out the old payment code this sprint.",
    "We have paused the newsletter for the summer.",
    "Okta disclosed a breach affecting some of its customers.",
    # outages that were not: staging, maintenance, blips, fixed bugs, no data touched
    "On March 3 the staging cluster was unavailable for four hours.",
    "Planned maintenance on Saturday at 2am UTC, expect a few minutes of downtime.",
    "There was a 2-minute blip in the API, no customer impact.",
    "We lost about 6 hours to the flaky CI today.",
    "We rotated every API key as a precaution; no customer records were accessed.",
    "We fixed a bug that showed a wrong total on invoices; no data was exposed.",
    "Tests are failing on main, don't merge.",
]


@pytest.mark.parametrize(("text", "title"), DEPARTURES)
def test_a_key_person_leaving_is_a_hiring_lowlight(make_message: MakeMessage, text: str,
                                                   title: str) -> None:
    events = negatives(read(make_message, text))
    assert [(e.event_type, e.title) for e in events] == [(HIRE, title)], events


@pytest.mark.parametrize(("text", "title"), CHURN)
def test_a_customer_leaving_us_is_a_lowlight(make_message: MakeMessage, text: str,
                                             title: str) -> None:
    events = negatives(read(make_message, text))
    assert [e.title for e in events] == [title], events
    assert events[0].event_type in (CS, DEAL)


@pytest.mark.parametrize(("text", "kind"), SETBACKS)
def test_a_setback_keeps_the_type_it_mirrors(make_message: MakeMessage, text: str,
                                             kind: EventType) -> None:
    events = negatives(read(make_message, text))
    assert [e.event_type for e in events] == [kind], events


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_a_look_alike_is_no_setback(make_message: MakeMessage, text: str) -> None:
    assert negatives(read(make_message, text)) == []


def test_a_setback_title_reads_as_news(make_message: MakeMessage) -> None:
    titles = {e.title for e in read(
        make_message, "Only 3 of our 10 pre-sale customers renewed.",
        "Acme Mobile is being retired on March 31; existing users will be migrated.",
        "Starting today, all new hiring is on hold.")}
    assert titles == {"Only 3 out of 10 pre-sale customers renewed",
                      "Acme Mobile is being retired on March 31", "Hiring is on hold"}


def _negative(kind: EventType = HIRE) -> Found:
    return Found(kind, {"setback": "x"}, "x", 0, negative=True)


def test_the_veto_names_each_look_alike() -> None:
    assert setbacks.veto(_negative(REV), "I fell short of my running goal", None)
    assert setbacks.veto(_negative(OTHER), "We shut down the office for the holidays", None)
    assert setbacks.veto(_negative(DEAL), "Globex lost a big customer", None)
    assert setbacks.veto(_negative(), "Our CFO is retiring the old expense tool", None)
    assert setbacks.veto(_negative(CS), "Only 2 of 40 customers churned this year", None)
    # our own name opening the clause is ours; a positive reading is not the veto's to judge
    assert setbacks.veto(_negative(DEAL), "Acme lost a big customer", None) is not None
    acme = aliases_pattern(["Acme"])
    assert setbacks.veto(_negative(DEAL), "Acme lost a big customer", acme) is None
    assert setbacks.veto(Found(REV, {}, "x", 0), "I fell short of my running goal", None) is None


def test_a_reading_needs_its_subject() -> None:
    ctx = Context(None, "Hooli will not be renewing")
    found = setbacks.setback("Hooli will not be renewing", "hooli will not be renewing", ctx)
    assert found is not None and found.relational and found.metrics["setback"] == "churn"
    # no one named: a renewal nobody declined
    assert setbacks.setback("will not be renewing", "will not be renewing",
                            Context(None, "will not be renewing")) is None
