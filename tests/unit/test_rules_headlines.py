"""The rules extractor on news wording and on lowlights: terse wire headlines that name the
company in the third person ("Acme to slash 600 jobs", "Regulator fines Acme $2m"), results and
audiences in news words, and setbacks in founder words. Every sentence is hand-written, each
family beside look-alikes that are no event: the market's moves, analysts' opinions, another
firm's news in the same headline, reports of what may happen."""

from __future__ import annotations

from functools import partial

import pytest

from signalpipe.models import EventType, Polarity, Source
from tests.unit import rules_read
from tests.unit.rules_read import MakeMessage

T = EventType
# the messages here are news by email
read = partial(rules_read.read, source=Source.GMAIL)
NEG = Polarity.NEGATIVE
POS = Polarity.POSITIVE


LOWLIGHTS = [
    # results that fell, in headline words
    ("Acme shares cool after profit dip", T.REVENUE_MILESTONE),
    ("Acme withdraws full-year guidance", T.REVENUE_MILESTONE),
    ("Acme profit down as sales of older products fade", T.REVENUE_MILESTONE),
    ("Acme says first-half profits will be lower as demand slows", T.REVENUE_MILESTONE),
    ("Acme books further $30m cost for plant delays", T.REVENUE_MILESTONE),
    ("Acme Hit By Currency Strength, Oil Slowdown", T.REVENUE_MILESTONE),
    # jobs, failed hires and key people poached
    ("Acme to slash 600 jobs", T.HIRING),
    ("Acme plans to axe 1,200 roles in Europe", T.HIRING),
    ("Jane Doe won't join Acme as finance chief", T.HIRING),
    ("Globex poaches sales chief from Acme", T.HIRING),
    # regulators and courts acting on the company
    ("CFTC fines Acme $560,000 for inaccurate swaps reports", T.COMPLIANCE),
    ("Italy probes Acme's role in oil block purchase", T.COMPLIANCE),
    ("The FDA rejected Acme's application for the new inhaler.", T.COMPLIANCE),
    ("Acme must pay $806m in mortgage bond case", T.COMPLIANCE),
    ("Acme settles with investors over rate manipulation", T.COMPLIANCE),
    ("Acme recalls 20,000 e-bikes over battery fire risk", T.COMPLIANCE),
    ("SOC 2 audit slipped to Q4", T.COMPLIANCE),
    ("In May, Acme lost the Globex contract", T.ENTERPRISE_DEAL),
    # deals, sponsorships, services and launches lost or stopped
    ("Acme loses a third of its milk supply contract", T.ENTERPRISE_DEAL),
    ("Acme ends 10-year sponsorship of the City Marathon", T.PARTNERSHIP),
    ("Acme suspends trading in its property fund", T.OTHER),
    ("Acme cut to junk by Moody's", T.OTHER),
    ("Acme cuts capex for the third time this year", T.OTHER),
    ("Acme drug fails in late-stage trial", T.TECHNICAL_ACHIEVEMENT),
    ("Acme's French expansion hits the rocks", T.MARKET_EXPANSION),
    # wire wording for the common setbacks
    ("Acme lays off 10% of staff", T.HIRING),
    ("Acme freezes hiring amid slowdown", T.HIRING),
    ("Acme's CFO quits after two months", T.HIRING),
    ("Acme misses revenue target for Q2", T.REVENUE_MILESTONE),
    ("Acme to close 50 stores", T.OTHER),
    # leaving a country is the lowlight of a market entered (reach.py; dev gold labels exits so)
    ("Acme shuts down its UK operations", T.MARKET_EXPANSION),
    ("Acme files for bankruptcy", T.OTHER),
    ("Acme hit by cyberattack", T.COMPLIANCE),
    ("Acme delays launch of new phone to next year", T.PRODUCT_LAUNCH),
    ("Acme loses $40m Navy contract", T.ENTERPRISE_DEAL),
    ("Acme loses key customer to rival", T.ENTERPRISE_DEAL),
    ("Acme's biggest client ends its contract", T.ENTERPRISE_DEAL),
    ("Acme valuation cut in half in new funding round", T.FUNDING),
    ("Acme exits Chinese market", T.MARKET_EXPANSION),
    # press-release and chat wording
    ("Acme Announces Workforce Reduction", T.HIRING),
    ("had to let 3 people go today", T.HIRING),
    ("Acme Withdraws 2024 Guidance", T.REVENUE_MILESTONE),
    ("Acme Announces Voluntary Recall of Infant Formula", T.COMPLIANCE),
    ("We lost two of our top five customers this quarter.", T.ENTERPRISE_DEAL),
    # a positive event undone, which reads like one negated
    ("Series A fell through", T.FUNDING),
    ("Unfortunately, Globex has decided not to renew their contract.", T.CUSTOMER_SUCCESS),
    # founder words
    ("We paused sales for two weeks to fix a hardware defect.", T.OTHER),
    ("The shop is on hiatus until March.", T.OTHER),
    ("I am sitting at $40 MRR, which means I am like $10 short of my goal.",
     T.REVENUE_MILESTONE),
    ("We missed our $100 MRR goal for December.", T.REVENUE_MILESTONE),
    ("This was the first month where we had no revenue growth.", T.REVENUE_MILESTONE),
    ("The rate of growth of our user base has been steadily decreasing every month.",
     T.USER_GROWTH),
    ("I'm shelving the invoicing app, as customers seem uninterested.", T.PRODUCT_LAUNCH),
    ("The global chip shortage has delayed the prototype by at least one month.", T.OTHER),
    ("Acme ordered to pay compensation after poor communication with a family",
     T.COMPLIANCE),
    ("FTC reaches settlement with Acme over data sharing", T.COMPLIANCE),
    ("The not-so-good news is that customer churn has significantly increased.",
     T.CUSTOMER_SUCCESS),
    ("The first churn of Acme Teams happened this month.", T.CUSTOMER_SUCCESS),
    ("In November I failed to release the first episode of the course.", T.PRODUCT_LAUNCH),
    ("LOSS: Didn't hit any set goals", T.REVENUE_MILESTONE),
]


@pytest.mark.parametrize(("text", "kind"), LOWLIGHTS)
def test_lowlights_are_read(make_message: MakeMessage, text: str, kind: EventType) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, NEG)], text


NEWS_RESULTS = [
    ("Acme sales rise 8% in first quarter", T.REVENUE_MILESTONE),
    ("Acme posts strong first-half results", T.REVENUE_MILESTONE),
    ("Acme reports strong 2015 growth", T.REVENUE_MILESTONE),
    ("Acme returns to profit in second quarter", T.REVENUE_MILESTONE),
    ("Acme ups full-year profit forecast", T.REVENUE_MILESTONE),
    ("Acme NAV rises 4% on leasing activity", T.REVENUE_MILESTONE),
    ("Acme share price climbs on 23% rise in full-year revenue", T.REVENUE_MILESTONE),
    ("Acme passenger numbers up 6% in February", T.USER_GROWTH),
    ("Acme users grew to 2 million in March", T.USER_GROWTH),
    ("Acme membership grew 40% to 12,000", T.USER_GROWTH),
    ("Acme hits seven million players", T.USER_GROWTH),
    ("The Acme newsletter grew to 2,000 subscribers.", T.USER_GROWTH),
    ("Acme's subscriber base grew 25% to 1.2 million", T.USER_GROWTH),
    ("Acme swings to first-half profit", T.REVENUE_MILESTONE),
    ("We saw a 690% increase in subscribers this quarter.", T.USER_GROWTH),
    ("Acme sets new user record", T.USER_GROWTH),
    ("Sales hit a record high in March", T.REVENUE_MILESTONE),
    ("Acme subscribers hit a new high", T.USER_GROWTH),
    ("Acme capital ratio beats forecasts", T.REVENUE_MILESTONE),
    ("Acme says first-half profits will be 'slightly ahead' of expectations",
     T.REVENUE_MILESTONE),
]


@pytest.mark.parametrize(("text", "kind"), NEWS_RESULTS)
def test_results_in_news_words_are_read(make_message: MakeMessage, text: str,
                                        kind: EventType) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, POS)], text


NOT_EVENTS = [
    # the market's moves and analysts' opinions
    "Acme shares fall 3% after analyst downgrade",
    "Acme shares jump 5% as FTSE rises",
    "Analysts upgrade Acme to buy",
    # another firm is the subject, though the headline names us
    "Globex to cut 300 jobs after losing Acme contract",
    "Acme's rival Globex cuts 300 jobs",
    "Globex profit falls 20%",
    "Globex fined $5m by the SEC",
    # another firm sells to us: its deal, not ours
    "Globex wins $40m contract from Acme",
    "Globex lands Acme deal",
    "Globex signs Acme as customer",
    # reported, expected, hypothetical or denied
    "FCA set to fine Acme £100m over PPI",
    "Acme could cut up to 500 jobs, sources say",
    "Acme set to name former Globex banker Jane Doe as new CEO",
    "Acme may be forced to cut 500 jobs",
    "If we lose the Globex contract we will have to cut 10 jobs.",
    "We did not lose the Initech contract after all.",
    # forecasts and vague tone are no results
    "Acme forecasts rising earnings next year",
    "Acme reports 'solid' start to the year",
    # look-alike words in everyday writing
    "As traffic grows, the hit rate will increase too.",
    "Users bumped up against the 100 command limit.",
    "The load test jumped to 800 concurrent users.",
    "We expect a 50% increase in subscribers next year.",
    "Your expansion revenue from existing customers grew by $8k this week.",
    "The agent investigates what's going on and creates a report.",
    "One of my writers charged $50/hr, more than I earn in a month.",
    "Economic growth has been slowing in Europe.",
    "Sales are down a bit from last month, but the distributor doubled theirs.",
    "Acme profit dipped slightly in the quarter",
    "Jane Doe has decided not to renew her contract with Globex after three years as CEO.",
    "Churn has not increased this quarter.",
    "I failed to finish reading the book.",
    "I joined my co-founders and did not develop the core concept myself.",
    # team chatter that borrows a setback's words
    "We cut 3 flaky CI jobs from the pipeline.",
    "The test suite halts production deploys when it fails.",
    "Revenue dashboard is down, looking into it.",
    "Ended our sponsorship of the local meetup since we moved cities.",
    "Please settle the invoice over the next week.",
    "Judge orders Globex to pay Acme $3m",
    "The trial account expires tomorrow; the study deadline fails to matter.",
    "Globex paused sales in Europe after the recall.",
    "Acme shares slump as investors fret about margins",
    "The team shelved the idea of a mobile app years ago.",
    "I got banned by r/startups after posting a few times.",
    "Former Acme analyst banned and fined $139,000 by FCA",
    "The dividend is paid to shareholders of record at the close of business on May 2.",
    "Globex's biggest client ends its contract",
    "Globex CFO quits after two months",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_look_alikes_are_not_events(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == [], text


def test_two_setbacks_of_one_company_stay_two_events(make_message: MakeMessage) -> None:
    """A fund suspended and an office shut are two lowlights, though both are 'setbacks'."""
    events = read(make_message, "Acme suspends trading in its property fund",
                  "Acme shuts its Leeds head office", ids=["m0", "m1"])
    assert sorted(e.source_message_ids[0] for e in events) == ["m0", "m1"]
    assert all(e.polarity is NEG and e.event_type is T.OTHER for e in events)


def test_one_headline_in_two_messages_is_one_event(make_message: MakeMessage) -> None:
    text = "CFTC fines Acme $560,000 for inaccurate swaps reports"
    events = read(make_message, text, text, ids=["m0", "m1"])
    assert [sorted(e.source_message_ids) for e in events] == [["m0", "m1"]]


def test_a_namesake_spelled_out_is_someone_else(make_message: MakeMessage) -> None:
    """STG International's stream: "Seattle Theatre Group (STG)" is another STG's news."""
    text = ("STG Announces Jane Doe As New Director Of Education\n"
            "Seattle Theatre Group (STG) announced today that Jane Doe will be its new Director.")
    assert read(make_message, text, company="stg", aliases=["STG International"]) == []
    # the company's own name spelled out before its short form is still the company
    own = ("STG acquires Initech\nSTG International (STG) has completed the acquisition of "
           "Initech, it said today.")
    assert [e.event_type for e in read(make_message, own, company="stg",
                                           aliases=["STG International"])] \
        == [T.OTHER]


def test_a_section_label_run_into_the_headline_is_no_name(make_message: MakeMessage) -> None:
    events = read(make_message, "CompaniesMetro Bank raises £400m ahead of London listing",
                  company="metro", aliases=["Metro Bank"])
    assert [e.event_type for e in events] == [T.FUNDING]


def test_two_setbacks_in_one_headline(make_message: MakeMessage) -> None:
    """"Acme to cut 4,000 jobs as it warns on profits": the cuts and the warning, apart."""
    events = read(make_message, "Acme to cut 4,000 jobs as it warns on profits")
    assert sorted((e.event_type.value, e.polarity.value) for e in events) == [
        ("hiring", "negative"), ("revenue_milestone", "negative")]


def test_two_reported_losses_stay_two_events(make_message: MakeMessage) -> None:
    events = read(make_message, "Acme reports 10th consecutive quarterly outflows",
                  "Acme posts H1 outflows, sees tough year", ids=["m0", "m1"])
    assert sorted(e.source_message_ids[0] for e in events) == ["m0", "m1"]


@pytest.mark.parametrize("text", ["Our margins hit 40% this quarter.",
                                  "Sales hit a record high in March"])
def test_a_figure_that_hit_a_level_is_no_setback(make_message: MakeMessage, text: str) -> None:
    assert [e for e in read(make_message, text) if e.polarity is NEG] == []


@pytest.mark.parametrize("text", ["Acme wins $40m Navy contract",
                                  "Globex signed a 3-year deal with Acme",
                                  "Acme lands Globex as a customer"])
def test_deals_we_sell_stay_ours(make_message: MakeMessage, text: str) -> None:
    assert [(e.event_type, e.polarity) for e in read(make_message, text)] == [
        (T.ENTERPRISE_DEAL, POS)]
