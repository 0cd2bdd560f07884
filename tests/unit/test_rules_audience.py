"""The rules extractor on audience milestones in the wordings founders use for them: people counted
by what they did, ordinals, records with no figure, year-in-review lines, counts that moved "from
X to Y". Every sentence is hand-written, each family beside look-alikes that are no event."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity, Source
from tests.unit.rules_read import MakeMessage, read

T = EventType
NEG = Polarity.NEGATIVE
POS = Polarity.POSITIVE


FOUND = [
    # people counted by what they did
    ("10k people signed up in the first week", POS),
    ("Over 100K people have used it in the last month!", POS),
    ("2,500 developers joined the beta in March.", POS),
    # an ordinal customer
    ("We welcomed our 500th customer this month.", POS),
    ("Just onboarded our 100th paying customer", POS),
    # a record with no figure
    ("We broke our traffic and signup records once again.", POS),
    ("Record signups this week after the HN post.", POS),
    ("Added our largest number of new customers ever in a single quarter.", POS),
    # a year-in-review line and a count introduced by "the number of"
    ("Registered Companies: 503 \u2192 4,585", POS),
    ("Active users: 1,200 -> 3,400", POS),
    ("The number of users exceeded 400 in 48 hours.", POS),
    ("We just crossed 250 users!", POS),
    # a count that moved
    ("The list went from 35 people (the ones who pre-ordered) to over 350 people in two days!",
     POS),
    ("We've seen usage go from 60K monthly active to 170K monthly active users!", POS),
    ("(From 2M pulls to 11M pulls within just a few months)", POS),
    # the company's own paying count, round, and its active users
    ("MRR: $6,226 (+16%) and more than 1000 paying subscribers", POS),
    ("Something we built is being used by 20k weekly active people.", POS),
    # traffic as a record
    ("Pageviews hit an all-time high of 48k in March.", POS),
    # a round count cheered
    ("\U0001f680 10k users!!", POS),
    ("\U0001f389 50,000 downloads \U0001f389", POS),
    # our product counted by what was done to it; an ordinal subscriber
    ("We've been downloaded over a million times", POS),
    ("Our extension has been installed more than 50,000 times.", POS),
    ("We welcomed our 1,000th subscriber on Tuesday.", POS),
    # an audience metric opening the sentence is no company's name
    ("Active users dropped from 5k to 3.2k.", NEG),
    ("MAUs: 120k (+20% MoM)", POS),
    # users lost
    ("we lost about 15% of our active users after the price change", NEG),
]

NOT_FOUND = [
    # an event's audience, a team, a price, a delay
    "500 people signed up for the webinar on Thursday.",
    "300 people attended the meetup.",
    "Our team grew from 40 to 120 people this year.",
    "Prices went from 100 to 200 for new users.",
    "Build time went from 100 to 400 seconds for users on CI.",
    # an ordinal that is small, a largest customer that is no record
    "Our 3rd customer is a bank.",
    "Our largest customers asked for SSO.",
    # a count that fell or a line that is no audience
    "Paying customers: 120 -> 95",
    "Files stored: 10,297 -> 145,145",
    # traffic reported, not a milestone
    "1347 unique visitors: Up from 1178 visitors in May.",
    "I gained more than 100 followers in a couple of days.",
    # a customer's app, a few installs
    "Zedge's app has been downloaded 300M times.",
    "I installed it 20 times before it worked.",
    # a count cheered that is a reading, not a milestone; a thing lost that is no audience
    "\U0001f389 1,237 signups today \U0001f389",
    "I lost my users guide.",
    # a count that is not round, plans, capacity and other companies
    "MRR: $5,326 (+30%) and more than 800 paying subscribers",
    "We aim to reach 1,000 users by Q3.",
    "The app supports 10k users.",
    "Competitor X now has 50k users.",
]


@pytest.mark.parametrize(("text", "polarity"), FOUND)
def test_audience_milestones(make_message: MakeMessage, text: str, polarity: Polarity) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.USER_GROWTH, polarity)], text


@pytest.mark.parametrize("text", NOT_FOUND)
def test_audience_look_alikes(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert not [e for e in events if e.event_type is T.USER_GROWTH], events


def test_audience_titles_name_the_count(make_message: MakeMessage) -> None:
    titles = [e.title for text in ("10k people signed up in the first week",
                                    "We welcomed our 500th customer this month.",
                                    "(From 2M pulls to 11M pulls within just a few months)")
              for e in read(make_message, text)]
    assert titles == ["10,000 users", "500 customers", "11M pulls (from 2M)"]


def test_an_investor_asking_for_time_is_interest(make_message: MakeMessage) -> None:
    events = read(make_message, "Impressed by the launch. I\u2019d like to grab 15 minutes "
                  "tomorrow to discuss your vision.", source=Source.GMAIL,
                  sender="Investor - Keith Rabois (Partner)")
    assert [(e.event_type, e.title) for e in events] == [
        (T.INVESTOR_INTEREST, "Inbound interest from Keith Rabois")]
    events = read(make_message, "We'd love to set up a call next week about your seed.",
                  source=Source.GMAIL, sender="Jane Doe, Acme Ventures")
    assert [e.event_type for e in events] == [T.INVESTOR_INTEREST]


def test_investors_counted_asking_is_interest(make_message: MakeMessage) -> None:
    events = read(make_message, "Two VCs asked for intros after the launch.")
    assert [e.event_type for e in events] == [T.INVESTOR_INTEREST]
    assert not read(make_message, "Two VCs wrote about the market this week.")


def test_a_customer_asking_for_time_is_no_interest(make_message: MakeMessage) -> None:
    events = read(make_message, "I'd like to grab 15 minutes tomorrow to discuss the "
                  "renewal.", source=Source.GMAIL, sender="Dana Lee, Globex Procurement")
    assert not [e for e in events if e.event_type is T.INVESTOR_INTEREST]


ROUNDS = [
    ("Acme raises $4M seed round led by Basis Set", True),
    ("We closed a $2.5M SAFE from Hustle Fund and angels.", True),
    # a headline's verbs with no round word, a bridge closed
    ("Acme secures \u20ac4m to expand into Germany", True),
    ("Our $500k bridge from existing investors closed yesterday.", True),
    # a raise under way, a contract secured, a bank's loan
    ("We are raising a $5M seed.", False),
    ("Acme secures $4M contract with the Army.", False),
    ("The bridge loan from the bank closed.", False),
    # money raised for others, a company's own spending, a product named Seed
    ("Acme raises $22,600 at its conference to give to open-source maintainers", False),
    ("The over $275 million raised by these organizations will go to relief efforts.", False),
    ("Spectrum\u2019s rural build-out is driven by more than $7 billion in private investment "
     "from Spectrum and will add 100,000 miles of fiber.", False),
]


@pytest.mark.parametrize(("text", "is_round"), ROUNDS)
def test_rounds_and_money_that_is_no_round(make_message: MakeMessage, text: str,
                                           is_round: bool) -> None:
    events = read(make_message, text)
    assert bool([e for e in events if e.event_type is T.FUNDING]) is is_round, events


def test_a_product_named_seed_is_no_round(make_message: MakeMessage) -> None:
    events = read(make_message, "Cloud Seed is built into the Acme web UI and backed by "
                  "Google Cloud investment.", source=Source.GMAIL, sender="press",
                  subject="Acme Launches Cloud Seed in Collaboration with Google Cloud")
    assert not [e for e in events if e.event_type is T.FUNDING]


DEALS = [
    # a founder's unnamed new client, in the past tense
    ("I found **one new client** to freelance.", True),
    ("We landed a new customer this week!", True),
    # the company hired by a named client, told from the client's side
    ("TalkTalk hires Acme to investigate cyber attack", True),
    ("Tesco names Acme as new auditor after accounting scandal", True),
    # a customer named before the verb that chose us; a headline's "X and Y sign"
    ("Wayne Enterprises chose us over Salesforce.", True),
    ("Acme & Globex sign $2M supply deal", True),
    # a partnership agreement, other companies signing, a finalist
    ("Acme and Initech sign a partnership agreement.", False),
    ("Beta and Initech sign a $5M contract.", False),
    ("The Board of Directors selected us as a finalist.", False),
    # a call, a tool, a job title, the company as the one hiring
    ("We had a new customer call today.", False),
    ("We got a new customer support tool.", False),
    ("Tesco names Acme CEO John Smith as chairman", False),
    ("Acme hires Deloitte to audit its books", False),
    ("We hope to land a new client next month.", False),
]


@pytest.mark.parametrize(("text", "is_deal"), DEALS)
def test_new_clients_and_engagements(make_message: MakeMessage, text: str, is_deal: bool) -> None:
    events = read(make_message, text)
    assert bool([e for e in events if e.event_type is T.ENTERPRISE_DEAL]) is is_deal, events
