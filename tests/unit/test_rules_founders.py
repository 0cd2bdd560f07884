"""The rules extractor on founders writing about their own company, Slack and monthly-update
style: milestones marked as such, first sales, churn counted, acquisition approaches, products
shut down. Every sentence here is hand-written, each beside a look-alike that is no event."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType
NEG = Polarity.NEGATIVE
POS = Polarity.POSITIVE


FOUND = [
    # a figure the founder marks as a milestone or a record is news at any size
    ("Milestone achieved: $500 MRR!", T.REVENUE_MILESTONE, POS),
    ("Thanks to a huge sales day, I hit the big milestone of $1k MRR!", T.REVENUE_MILESTONE, POS),
    ("revenue: $8,412 (+23%) - best month ever", T.REVENUE_MILESTONE, POS),
    ("Revenues reached a record high of $640 in affiliate income.", T.REVENUE_MILESTONE, POS),
    ("We had our biggest month ever, with $3,936 in revenue.", T.REVENUE_MILESTONE, POS),
    ("MRR is now 4.2k", T.REVENUE_MILESTONE, POS),
    # the first money in
    ("I sold my first pre-order for the hardware kit.", T.REVENUE_MILESTONE, POS),
    ("First paying customer today!!", T.REVENUE_MILESTONE, POS),
    ("We got our first 10 paying customers for the premium plan.", T.REVENUE_MILESTONE, POS),
    # lowlights in founder words
    ("3 cancellations this month, all citing price.", T.CUSTOMER_SUCCESS, NEG),
    ("Two customers churned last week.", T.CUSTOMER_SUCCESS, NEG),
    ("We're shutting down the mobile app at the end of the month.", T.PRODUCT_LAUNCH, NEG),
    ("The Product Hunt launch flopped: only 12 upvotes.", T.PRODUCT_LAUNCH, NEG),
    ("I launched the course in March and it flopped.", T.PRODUCT_LAUNCH, NEG),
    # someone wanting to buy the company is inbound interest
    ("A company reached out about potentially acquiring Acme.", T.INVESTOR_INTEREST, POS),
    ("We got an offer to acquire us from a larger competitor.", T.INVESTOR_INTEREST, POS),
]


@pytest.mark.parametrize(("text", "kind", "polarity"), FOUND)
def test_founder_language_is_read(make_message: MakeMessage, text: str, kind: EventType,
                                  polarity: Polarity) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, polarity)], text


NOT_EVENTS = [
    # goals, forecasts, hopes and "getting close"
    "We should hit $20k MRR by March.",
    "Getting close to $10k MRR!",
    "Hoping to reach 1,000 users by the end of Q2.",
    "Our milestone for next month is $500 MRR.",
    "Goal: make our first sale before the end of the month.",
    # a first that is no sale
    "First day at the new office, everyone is settling in.",
    "The first sale of the season starts on Friday for our customers.",
    # routine small figures with no milestone word
    "Made $312 in sales this week.",
    # churn words that count nothing
    "Follow up with anyone who cancelled to learn why.",
    "We should make cancellations easier to find in settings.",
    # shutting down something that is no product, acquisitions not of us
    "Remember to shut down the staging servers tonight.",
    "Stripe wants to acquire a bank, according to the FT.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_founder_look_alikes_are_not_events(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == [], text


LOWLIGHTS = [
    ("Lowest revenue in months.", T.REVENUE_MILESTONE),
    ("I didn't hit my goal of 3 new paying users; only one signed up.", T.USER_GROWTH),
    ("We missed our target of 60 units; sold 29.", T.REVENUE_MILESTONE),
    ("We lost a big client this month.", T.ENTERPRISE_DEAL),
    ("Churn spiked to 9% this month.", T.CUSTOMER_SUCCESS),
]


@pytest.mark.parametrize(("text", "kind"), LOWLIGHTS)
def test_founder_lowlights_keep_their_type(make_message: MakeMessage, text: str,
                                           kind: EventType) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, NEG)], text


@pytest.mark.parametrize("text", [
    "The lowest MRR growth that still gets us to profitability is 25%.",
    "Our goal is to reach 500 paying users by June.",
    "If we don't hit our target we'll cut ad spend.",
])
def test_goals_and_thresholds_are_no_lowlights(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == [], text


MORE_FOUND = [
    ("Email list grew from 35 to over 350 in two days.", T.USER_GROWTH),
    ("500 newsletter subscribers in the first week!", T.USER_GROWTH),
    ("Customer count: 615 (up from 390)", T.USER_GROWTH),
    ("Our post was #1 on Indie Hackers today.", T.MEDIA_COVERAGE),
    ("Our launch post was the top story on Hacker News all afternoon.", T.MEDIA_COVERAGE),
    ("We had intro calls with 5 VCs this week.", T.INVESTOR_INTEREST),
]


@pytest.mark.parametrize(("text", "kind"), MORE_FOUND)
def test_founder_counts_press_and_investors(make_message: MakeMessage, text: str,
                                            kind: EventType) -> None:
    assert [e.event_type for e in read(make_message, text)] == [kind], text


@pytest.mark.parametrize("text", [
    "Add the new signups to the email list before Friday.",
    "What's the customer count on the enterprise plan?",
    "Goal for the first week: 500 newsletter subscribers.",
    "Stripe's post was #1 on Hacker News yesterday.",
    "We should set up calls with 5 VCs next month.",
])
def test_founder_count_look_alikes(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == [], text


@pytest.mark.parametrize("text", [
    "Launching your own product is difficult.",
    "Still, we got a sale within 10 days of launching the EU site.",
    "Our 3PL vendor shipped three orders.",
    "We've shipped a lot of new features since January.",
    "Released a small update to the dashboard with better filters.",
    "Shipped a fix for the login bug.",
])
def test_routine_and_topical_launch_words_are_no_launch(make_message: MakeMessage,
                                                        text: str) -> None:
    assert read(make_message, text) == [], text


@pytest.mark.parametrize("text", [
    "Acme 3.0 is out today with a redesigned editor.",
    "Our Android app is now available on Google Play.",
    "Acme is now generally available.",
])
def test_real_launches_still_count(make_message: MakeMessage, text: str) -> None:
    assert [e.event_type for e in read(make_message, text)] == [T.PRODUCT_LAUNCH], text


@pytest.mark.parametrize("text", [
    "eCommerce companies typically sell for 2.5-3.5x earnings.",
    "Traffic to our landing page is down, and only 5 users came from the website.",
    "I let the side project die and did not renew the domain.",
])
def test_multiples_metric_dips_and_domains_are_no_events(make_message: MakeMessage,
                                                          text: str) -> None:
    assert read(make_message, text) == [], text


def test_revenue_lost_is_a_lowlight(make_message: MakeMessage) -> None:
    events = read(make_message, "The supply cut means we're losing $450k in revenue this year.")
    assert [(e.event_type, e.polarity) for e in events] == [(T.REVENUE_MILESTONE, NEG)]


MORE_KINDS = [
    ("We're live on Product Hunt!", T.PRODUCT_LAUNCH),
    ("We launched on Product Hunt today and finished #3 of the day.", T.PRODUCT_LAUNCH),
    ("I reduced our cloud platform fees by 90% by moving off managed services.",
     T.TECHNICAL_ACHIEVEMENT),
    ("We're now shipping to the UK and EU.", T.MARKET_EXPANSION),
]


@pytest.mark.parametrize(("text", "kind"), MORE_KINDS)
def test_founder_launches_costs_and_markets(make_message: MakeMessage, text: str,
                                            kind: EventType) -> None:
    assert [e.event_type for e in read(make_message, text)] == [kind], text


@pytest.mark.parametrize("text", [
    "Our biggest competitor is live on Product Hunt today.",
    "We should launch on Product Hunt next Tuesday.",
    "Our cloud platform fees are due on the 1st.",
    "Shipping to the UK takes about five days.",
])
def test_founder_launch_and_market_look_alikes(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == [], text


def test_an_accepted_offer_keeps_the_hire_named(make_message: MakeMessage) -> None:
    events = read(make_message, "Aisha Larsen has accepted our offer and joins us as CTO.")
    assert [(e.event_type, "Aisha Larsen" in e.title) for e in events] == [(T.HIRING, True)]


@pytest.mark.parametrize("text", [
    "Acme had its highest-revenue month ever.",
    "- I sold my first meal plan on the Acme site.",
])
def test_records_and_first_sales_in_update_bullets(make_message: MakeMessage, text: str) -> None:
    assert [e.event_type for e in read(make_message, text)] == [T.REVENUE_MILESTONE], text


def test_a_plan_to_make_the_first_sale_is_no_sale(make_message: MakeMessage) -> None:
    assert read(make_message, "We plan to get our first paying customer in May.") == []


PRESS = [
    "It got a so-so reception on reddit, but it reached #2 on Hacker News.",
    "A busy December: we reached the top of both Reddit and Hacker News.",
    "The chapter did well on Hacker News and Lobsters.",
    "I got a surprise review from Jeff Geerling, a beloved YouTube creator.",
]


@pytest.mark.parametrize("text", PRESS)
def test_founder_press_on_community_sites(make_message: MakeMessage, text: str) -> None:
    assert [e.event_type for e in read(make_message, text)] == [T.MEDIA_COVERAGE], text


@pytest.mark.parametrize("text", [
    "Stripe's post was #2 on Hacker News yesterday.",
    "Please review from line 40 onwards.",
    "Our goal is to reach the top of Hacker News with the launch post.",
])
def test_community_site_look_alikes(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == [], text


USERS_FOUND = [
    "Our visits reached a record high of 11k pageviews.",
    "We got more than 180,000 visitors this quarter, a 2,200% increase on the last.",
    "In two weeks it got 12k unique active users.",
    "We added more new paying subscribers than in any other month in our history.",
]


@pytest.mark.parametrize("text", USERS_FOUND)
def test_founder_audience_milestones(make_message: MakeMessage, text: str) -> None:
    assert [e.event_type for e in read(make_message, text)] == [T.USER_GROWTH], text


@pytest.mark.parametrize("text", [
    "We got 3 users asking about SSO this week.",
    "I'd love more paying subscribers than last month.",
    "We need 5,000 pageviews a day to cover the hosting.",
])
def test_audience_look_alikes(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == [], text


def test_a_smaller_script_is_a_technical_result(make_message: MakeMessage) -> None:
    events = read(make_message, "Reduced the size of our tracking script by more than 50%.")
    assert [e.event_type for e in events] == [T.TECHNICAL_ACHIEVEMENT]


def test_two_revenue_drops_stay_two_events(make_message: MakeMessage) -> None:
    events = read(make_message, "Revenue dropped 10% to $84k in May.",
                  "Revenue dropped 25% to $31k in August.")
    assert len({e.fingerprint for e in events if e.polarity is NEG}) == 2


@pytest.mark.parametrize(("text", "title"), [
    ('techradar ran our story this morning, "the startup that wants to fix revenue ops"',
     "Coverage in TechRadar"),
    ("we were featured in venturebeat today", "Coverage in VentureBeat"),
    ("geekwire wrote about us this morning", "Coverage in GeekWire"),
])
def test_outlets_written_in_lower_case_are_titled_as_their_owners_write_them(
        make_message: MakeMessage, text: str, title: str) -> None:
    (event,) = read(make_message, text)
    assert event.title == title
