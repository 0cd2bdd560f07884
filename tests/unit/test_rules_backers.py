"""The rules extractor on money and investors' attention told without a round's usual words
(backers.py): programmes that invest, grants, rounds closed bare, offers, strategic
investments, named funds' inbound interest, and the raises that failed.

Every text is hand-written, each family in several registers (Slack chatter, a founder's update
email, a press release, a community announcement), and each beside the look-alikes that must
stay silent: applications and plans, our own outreach, money we invest, other companies' news,
advice and newsletters."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType
FUNDING, INTEREST = T.FUNDING, T.INVESTOR_INTEREST

# accepted into a programme that invests, with the programme and its batch in the title
ACCELERATOR = [
    ("We've been accepted into Y Combinator!", "Accepted into Y Combinator"),
    ("omg we're in yc!!!", "Accepted into Y Combinator"),
    ("Acme got into YC W25 \U0001f389", "Accepted into Y Combinator (W25)"),
    ("We got into the Fall 2024 batch of Y Combinator", "Accepted into Y Combinator (F24)"),
    ("Hi all, quick update for March. The big one: we got into YC! We start in June.",
     "Accepted into Y Combinator"),
    ("1. Engineering\n   1. Fixed the onboarding bugs\n2. Company\n   1. We\u2019re in YC\n"
     "   2. Moved to SF", "Accepted into Y Combinator"),
    ("Acme Announces Acceptance into Y Combinator's Winter 2025 Batch",
     "Accepted into Y Combinator (W25)"),
    ("SAN FRANCISCO, March 3, 2025 -- Acme, the data sync company, today announced it has "
     "been selected to join the Techstars Boston 2025 accelerator program.",
     "Accepted into Techstars"),
    ("Big news from the team: Acme has been accepted into Y Combinator S24!",
     "Accepted into Y Combinator (S24)"),
    ("We were selected for the Antler residency and received our first check",
     "Accepted into Antler"),
    ("We got into the Fall 2024 batch!", "Accepted into the Fall 2024 batch"),
]

# grants for our own work, in founders', programmes' and press desks' words
GRANTS = [
    ("NSF is funding our work on low-power sensors", "NSF"),
    ("Great news: we were awarded an SBIR Phase I from the NSF", "SBIR Phase I"),
    ("Acme Awarded $1.5M NSF SBIR Phase II Grant to Advance Battery Diagnostics",
     "SBIR Phase II"),
    ("The EU grant came through!", "EU"),
    ("We're thrilled to share that the EU grant came through.", "EU"),
    ("Our Innovate UK grant was approved this morning", "Innovate UK"),
    ("The NLnet grant came through, so Jane can work on the API full-time.", "NLnet"),
    ("I'm pleased to share that Acme has been selected by NLnet to receive funding as part "
     "of the NGI Zero fund for the purpose of completing API 2.0.", "NLnet"),
    ("We're happy to announce the project is now funded by the Sovereign Tech Fund",
     "Sovereign Tech Fund"),
    ("we got the sbir!!!", "SBIR"),
    ("Acme has been awarded a grant from the European Innovation Council to scale its "
     "platform.", "European Innovation Council"),
]

# a round done, an offer made, money put into us, with no series or amount named
CLOSED = [
    ("we're officially funded!!", "Closed a funding round"),
    ("wire hit, we're officially funded \U0001f389", "Closed a funding round"),
    ("We've wrapped up our fundraise", "Closed a funding round"),
    ("We closed our round! More details soon.", "Closed a funding round"),
    ("The round is oversubscribed", "Round oversubscribed"),
    ("Fundraising: our round is now oversubscribed and we expect to close next week.",
     "Round oversubscribed"),
    ("Mere hours before the lockdown, I finally got our first verbal investment offer, "
     "contingent upon being able to find other investors.", "First verbal investment offer"),
    ("We have a verbal offer to invest $500k from Jane, contingent on others joining",
     "Verbal investment offer"),
    ("Acme today announced it has received a strategic investment from Salesforce Ventures.",
     "Strategic investment from Salesforce Ventures"),
    ("Shopify made a strategic investment in Acme", "Strategic investment from Shopify"),
    ("Series A done. $15.5MM. Battery Ventures led.", "Raised Series A"),
    ("Seed round is officially done \U0001f389", "Raised seed"),
    ("Please welcome Jane Doe, our newest investor!", "New investor: Jane Doe"),
    ("Thrilled to have Coinbase Ventures join our cap table", "New investor: Coinbase Ventures"),
    ("The wire from Accel landed this morning", "Funding received from Accel"),
    ("Got our first check from an angel today!", "Funding received"),
    ("We just signed our SAFE with Hustle Fund", "Closed a funding round"),
    ("Acme has raised funding from Y Combinator, SV Angel and others", "Closed a funding round"),
    ("Elixir creator José Valim joins Acme as an angel investor", "New investor: José Valim"),
    ("We're excited to share that Acme is now backed by [Andrei Miulescu](https://x.io/a).",
     "New investor: Andrei Miulescu"),
]

# inbound interest from a named fund, or from funds counted
INTERESTED = [
    ("1. Fundraising\n   1. Very strong interest from Jesse and Dana @ Heavybit - meeting "
     "booked next week\n   2. Booked two other angel conversations",
     "Strong interest from Heavybit"),
    ("Two funds are now in diligence", "Two funds in diligence"),
    ("Fundraising: two funds are in diligence and one asked for the data room.",
     "Two funds in diligence"),
    ("We're in due diligence with two funds", "Two funds in diligence"),
    ("Heavybit is doing diligence on us", "Heavybit in diligence"),
    ("Preface and Boldstart are in diligence", "Preface and Boldstart in diligence"),
    ("Index asked for the data room", "Index asked for the data room"),
    ("They asked for the data room", "An investor asked for the data room"),
    ("Had a great first meeting with Benchmark, they want to see the data room",
     "Benchmark asked for the data room"),
    ("A Tier-1 fund wants a call", "A Tier-1 fund asked for a call"),
    ("Second partner meeting with Index next week", "Second partner meeting with Index"),
    ("We've had 5 VCs reach out since the launch", "5 VCs reached out"),
    ("A couple of investors reached out this week asking about our Series A",
     "A couple of investors reached out"),
    ("Had three investors ask for our deck this week", "Three investors reached out"),
    ("a16z invited us to pitch to the full partnership on Monday",
     "a16z invited us to pitch the partnership"),
    ("Heavybit sent over their diligence questions", "Heavybit in diligence"),
    ("For the board: Craft Ventures approached Acme unprompted this week about leading the "
     "Series A.", "Inbound interest from Craft Ventures"),
    ("tomas petrov at thrive capital emailed out of the blue asking to talk about our series b",
     "Inbound interest from Thrive Capital"),
    ("Sequoia reached out to us about leading our seed", "Inbound interest from Sequoia"),
]

# the raise that did not work, a programme that said no, worse terms: lowlights
FAILED = [
    ("The raise didn't work. We're going to bridge with existing investors.",
     "Fundraise did not work"),
    ("Fundraising is going slowly. Unfortunately the raise didn't work and we're extending "
     "runway.", "Fundraise did not work"),
    ("Fundraising failed; we have 4 months of runway", "Fundraise did not work"),
    ("At exactly the wrong time, we tried to fundraise on our own. That didn't work, and "
     "we failed to raise before the summer.", "Fundraise did not work"),
    ("Rejected by YC without an interview", "Rejected by Y Combinator"),
    ("Early in the year, we failed to get into Y Combinator.", "Rejected by Y Combinator"),
    ("We didn't get into YC this batch", "Rejected by Y Combinator"),
    ("We were rejected by Techstars again.", "Rejected by Techstars"),
    ("We closed a bridge on worse terms", "Bridge round on worse terms"),
    ("We shelved the raise until Q3, the market is too rough", "Fundraise called off"),
    ("we took the $3m bridge from craft ventures, valuation is lower than last time",
     "Bridge round on worse terms"),
    ("Friday wins:\n- Bridge: $8 million at a lower valuation", "Bridge round on worse terms"),
]

# listings and raises called off, told by the press (company name first)
CALLED_OFF = [
    ("Acme", "Acme postpones IPO amid market turmoil", "IPO postponed"),
    ("Acme", "Acme pulls planned London listing", "IPO postponed"),
    ("Acme", "Acme cancels $200m share offering", "Fundraise called off"),
]

# what only looks like one of the families above
LOOK_ALIKES = [
    # applications, interviews, plans, hopes and advice
    "our YC application is due tomorrow",
    "We're applying to YC for the W26 batch",
    "Just submitted our YC application \U0001f91e",
    "We have our YC interview on Friday",
    "Hopefully we get into Techstars this year",
    "The best way to get into YC is to ship fast",
    "Tips for getting into Y Combinator: 10 things we learned",
    "We're going to raise a seed round in Q2",
    "If the EU grant comes through we can hire two engineers",
    "We're preparing the SBIR Phase I proposal",
    "We are applying for an SBIR Phase I grant",
    "Fingers crossed the round is oversubscribed",
    "We've been selected for the Intel Ignite accelerator program.",
    # talk about a programme, not our place in it
    "YC's W25 batch has 250 companies",
    "Acme helps YC companies ship faster",
    "We're hosting a YC founders dinner on Thursday",
    "YC Demo Day is on Tuesday, who is watching?",
    # our own outreach
    "I reached out to Sequoia and Accel this week",
    "We pitched 12 funds last month",
    "Sent our deck to Index, no reply yet",
    "We asked Heavybit for a meeting",
    "We emailed Accel about our round",
    "I reached out to Sequoia about leading our seed",
    "Our accountant emailed us about the round's paperwork",
    "The series A done right: a guide",
    "We took the bridge to the office, the traffic was worse than last time",
    # a data room or diligence that is not an investor's interest
    "I granted you access to the data room",
    "We set up a data room for the audit",
    "Data room checklist for founders",
    "Our security diligence with Globex's procurement team is going fine",
    "We finished diligence on the new payroll vendor",
    # partner meetings that are no fund's, existing backers, our own plans
    "We have a partner meeting with Globex about the reseller deal",
    "Our partner meeting with the agency went well",
    "We're reaching out to investors next month",
    "Our investors asked for an update on burn",
    "Heavybit's portfolio company Initech reached out about a partnership",
    "A partner at Deloitte reached out about our audit",
    # interest from buyers, and rates
    "There's strong interest from enterprise buyers in the new SSO feature",
    "Strong interest from customers in the API",
    "Interest rates are up again",
    # money we invest or give, money that funds us by other means
    "Acme made a strategic investment in Globex",
    "We're funding an open-source maintainer through GitHub Sponsors",
    "We're funded through 2027 thanks to revenue",
    "We're self-funded and profitable",
    "This project is funded by the community through Open Collective",
    "We didn't raise, we bootstrapped",
    "We closed the round of interviews for the VP Sales role",
    "Jane is an angel, she covered my shift today",
    "The wire transfer to our supplier landed",
    "Naval is now an investor in Globex",
    "The money from the bake sale came in",
    "Globex raised funding from Accel last week",
    "Sending our first investor update tomorrow",
    "Jane joins us as an investor relations lead",
    "Our new investor dashboard ships next week",
    "Option grants for the new hires went out today",
    # other companies' news
    "Our customer Globex just got into YC",
    "Our customer Globex is in the Techstars NYC 2025 cohort",
    "Globex was accepted into YC",
    "Congrats to @jane on getting into YC!",
    "Stripe was accepted into Techstars back in 2010",
    "My library got funded by NumFOCUS!",
    "The NSF is funding a lot of quantum research these days",
    "Globex was rejected by YC, tough news for them",
    # fears and restatements
    "If the raise doesn't work we'll cut burn",
    "We delayed the raise announcement until the launch",
    "If we postpone the IPO we lose the window",
    "We cancelled the placing of the new office furniture order",
    "Globex postpones IPO amid market turmoil",
    "Acme was selected for an NLnet grant in January of this year.",
]


@pytest.mark.parametrize(("text", "title"), ACCELERATOR)
def test_accepted_into_a_programme_that_invests(make_message: MakeMessage, text: str,
                                                title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity, e.title) for e in events] == [
        (FUNDING, Polarity.POSITIVE, title)], text


@pytest.mark.parametrize(("text", "funder"), GRANTS)
def test_grants_for_our_work_are_funding(make_message: MakeMessage, text: str,
                                         funder: str) -> None:
    events = read(make_message, text)
    assert [e.event_type for e in events] == [FUNDING], text
    assert funder in events[0].title, events[0].title


@pytest.mark.parametrize(("text", "title"), CLOSED)
def test_rounds_offers_and_strategic_money_told_bare(make_message: MakeMessage, text: str,
                                                     title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity, e.title) for e in events] == [
        (FUNDING, Polarity.POSITIVE, title)], text


@pytest.mark.parametrize(("text", "title"), INTERESTED)
def test_named_or_counted_funds_interest(make_message: MakeMessage, text: str,
                                         title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [(INTEREST, title)], text


@pytest.mark.parametrize(("text", "title"), FAILED)
def test_failed_raises_and_rejections_are_lowlights(make_message: MakeMessage, text: str,
                                                    title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity, e.title) for e in events] == [
        (FUNDING, Polarity.NEGATIVE, title)], text


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_stay_silent(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert [e for e in events if e.event_type in (FUNDING, INTEREST)] == [], text


def test_a_programme_told_twice_is_one_event(make_message: MakeMessage) -> None:
    events = read(make_message, "We got into YC W25!", "Reminder: we're in YC now, so the "
                  "Thursday dinner moves to Mountain View", ids=["a", "b"])
    assert [(e.title, e.source_message_ids) for e in events] == [
        ("Accepted into Y Combinator (W25)", ["a", "b"])]


# someone wanting to buy the company, told by the press or by the company (its name first)
TAKEOVER = [
    ("RSA", "Zurich Insurance Considering Offer for UK Rival RSA Insurance",
     "Takeover interest from Zurich Insurance"),
    ("Severn Trent", "Severn Trent share price jumps as Canadian investor renews pursuit of "
     "utility", "Takeover interest from Canadian investor"),
    ("Premier Foods", "McCormick makes takeover approach for Premier Foods",
     "Takeover interest from McCormick"),
    ("Premier Foods", "Premier Foods rejects McCormick's takeover approach",
     "Takeover interest from McCormick, rejected"),
    ("Shire", "AbbVie weighs fresh bid for Shire", "Takeover interest from AbbVie"),
    ("Shire", "Shire receives revised proposal from AbbVie", "Takeover interest from AbbVie"),
    ("Tullow", "Tullow Oil says it has received takeover interest", "Takeover interest received"),
]

# the company's own bids, deals offered to it, and others' approaches
NO_TAKEOVER = [
    ("Shire", "Shire makes takeover approach for Baxalta"),
    ("Acme", "Acme considering offer for rival Globex"),
    ("Acme", "We received an offer from Globex for a 12-month pilot"),
    ("Acme", "Jane received an offer letter from us yesterday"),
    ("Acme", "We received a proposal from the design agency"),
    ("Acme", "Globex received a takeover approach from Initech"),
    ("Acme", "Acme makes an offer for Globex's office space"),
]


@pytest.mark.parametrize(("company", "text", "title"), TAKEOVER)
def test_takeover_interest_in_the_company(make_message: MakeMessage, company: str, text: str,
                                          title: str) -> None:
    events = read(make_message, text, aliases=(company,))
    assert [(e.event_type, e.polarity, e.title) for e in events] == [
        (INTEREST, Polarity.POSITIVE, title)], text


@pytest.mark.parametrize(("company", "text"), NO_TAKEOVER)
def test_no_takeover_interest_in_bids_we_make_or_sales(make_message: MakeMessage, company: str,
                                                       text: str) -> None:
    assert [e for e in read(make_message, text, aliases=(company,))
            if e.event_type is INTEREST] == [], text


# money raised on a public market, in financial news and releases (company name first)
PUBLIC = [
    ("Auto Trader", "Auto Trader share price surges as company floats on LSE",
     "Listed on the stock market"),
    ("Centrica", "Centrica shares drop 7% amid capital raise", "Capital raise"),
    ("Aspo", "Aspo completed a directed share issue of EUR 12 million to institutional "
     "investors", "Share issue"),
    ("Glencore", "Glencore completes $2.5bn share placing", "Share placing: $2.5B"),
    ("Acme", "Acme prices its initial public offering at $18 per share",
     "Listed on the stock market"),
    ("Acme", "Acme makes stock market debut on Nasdaq", "Listed on the stock market"),
    ("Acme", "Acme has closed a private placement of 2.1 million shares", "Share placing"),
    ("Acme", "We priced our IPO this morning!", "Listed on the stock market"),
]

# listings planned, considered or postponed (a lowlight, below), buybacks, others' offerings
NOT_PUBLIC = [
    ("Acme", "Acme plans IPO next year"),
    ("Acme", "Acme is considering a London listing"),
    ("Acme", "Acme announces share buyback programme"),
    ("Acme", "Globex completes $2.5bn share placing"),
    ("Acme", "Acme postpones IPO amid market turmoil"),
    ("Acme", "Acme shares fall 5% after Globex's rights issue"),
    ("Acme", "Bow Lake Capital Corp. Announces Closing of IPO\n(the \"Corporation\") is "
     "pleased to announce that it has successfully completed its initial public offering."),
]


@pytest.mark.parametrize(("company", "text", "title"), PUBLIC)
def test_money_raised_on_a_public_market(make_message: MakeMessage, company: str, text: str,
                                         title: str) -> None:
    events = read(make_message, text, aliases=(company,))
    assert [(e.event_type, e.title) for e in events] == [(FUNDING, title)], text


@pytest.mark.parametrize(("company", "text"), NOT_PUBLIC)
def test_no_listing_planned_postponed_or_someone_elses(make_message: MakeMessage, company: str,
                                                        text: str) -> None:
    assert [e for e in read(make_message, text, aliases=(company,))
            if e.event_type is FUNDING and e.polarity is Polarity.POSITIVE] == [], text


@pytest.mark.parametrize(("company", "text", "title"), CALLED_OFF)
def test_listings_and_raises_called_off_are_lowlights(make_message: MakeMessage, company: str,
                                                      text: str, title: str) -> None:
    events = read(make_message, text, aliases=(company,))
    assert [(e.event_type, e.polarity, e.title) for e in events] == [
        (FUNDING, Polarity.NEGATIVE, title)], text


def test_two_angels_in_one_batch_are_two_events(make_message: MakeMessage) -> None:
    events = read(make_message, "Elixir creator José Valim joins Acme as an angel investor",
                  "Acme is now backed by Andrei Miulescu, CTO of Mr Yum", ids=["a", "b"])
    assert sorted((e.title, tuple(e.source_message_ids)) for e in events) == [
        ("New investor: Andrei Miulescu", ("b",)), ("New investor: José Valim", ("a",))]
