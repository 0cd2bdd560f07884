"""The rules extractor on periodic updates' routine numbers and minor releases (routine.py).

Every text is hand-written in the registers founders and companies use every month (Slack,
founder updates, newsletters, financial reports, a side project's status), each family beside
the milestone or launch in the same register that must still be read. Each look-alike is one
that the readers took for an event before routine.py."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.routine import minor_release, routine_count
from signalpipe.models import EventType, Polarity, Source
from tests.unit.rules_read import MakeMessage, read

T = EventType
REV, USERS, LAUNCH = T.REVENUE_MILESTONE, T.USER_GROWTH, T.PRODUCT_LAUNCH

# a period's new members with a running total, a report's period total, a money delta
ROUTINE = [
    "This month, 212 users have joined Acme, bringing our total to 4,381.",
    "In Q2, 940 new users registered accounts, of which 118 have paid for their account.",
    "Q3 numbers: 3,410 new users registered, of which 290 upgraded to paid.",
    "Another 350 signups this month brought us to 6,212 users.",
    "We're joined by 97 new members this week, bringing our community to 2,419 members.",
    "We're joined by another 212 users this month, bringing our total to 7,311.",
    "Acme welcomed 58 new customers in March, bringing our total to 1,347 customers.",
    "We signed up 75 new customers last month, bringing our total to 2,114.",
    "The total gross revenue during this period was $48,210.00, which after fees comes to "
    "$46,100.",
    "Total sales for the month were $12,340, which after fees comes to $11,900.",
    "This is a $1,250 increase in monthly revenue compared to Q1.",
    "That is an $800 increase in monthly revenue compared to last month.",
    "That's a $3k increase in MRR over last month.",
]

# minor items made available, a lesson called a case study, an organisation moving on
NOT_NEWS = [
    "The OpenBSD image is now available as \"openbsd/latest\".",
    "The Fedora 40 image is now available for builds.",
    "A new GraphQL API for todo.acme.io is now available.",
    "In addition to the billing changes, builds.acme.io saw the initial release of its "
    "GraphQL API this month!",
    "First, a much requested feature is now available: dark mode!",
    "Small performance improvements have also shipped throughout the dashboard.",
    "The APIs are available again after this morning's incident.",
    "Affected users were emailed before the update rolled out.",
    "This month we released our annual financial report.",
    "That outage turned out to be a good case study in the importance of good alerting.",
    "Bell Labs has moved on, but the community keeps Plan 9 alive.",
]

# the same registers, stating a milestone, a record, a first or a named launch
NEWS = [
    ("Acme passed 10,000 users this month, bringing our total to 10,212.", USERS),
    ("We passed 1,000 paying customers this month, bringing our total to 1,012.", USERS),
    ("Record month: 1,204 new signups, bringing us to 18,577 users.", USERS),
    ("For the first time, 1,000 new users joined in a single month.", USERS),
    ("Today we crossed 50,000 users, 2,300 of them new this month.", USERS),
    ("We hit 5,000 paying customers this week!", USERS),
    ("Acme hit $100k MRR this month, a $9k increase over last month.", REV),
    ("Record quarter: total revenue for the quarter was $310,000.", REV),
    ("We launched Acme Pay, our payments product, this month.", LAUNCH),
    ("Acme Cloud is now available to everyone.", LAUNCH),
    ("Acme 2.0 is now available to all customers.", LAUNCH),
    ("Our public API is now available for all customers.", LAUNCH),
    ("We released Acme Reports, our new analytics product, today.", LAUNCH),
    ("The new Acme dashboard has rolled out to all customers.", LAUNCH),
]


@pytest.mark.parametrize("text", ROUTINE)
def test_a_routine_number_is_no_milestone(make_message: MakeMessage, text: str) -> None:
    events = [e for e in read(make_message, text) if e.polarity is not Polarity.NEGATIVE]
    assert events == [], events


@pytest.mark.parametrize("text", NOT_NEWS)
def test_a_minor_item_or_a_lesson_is_no_event(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == []


@pytest.mark.parametrize(("text", "kind"), NEWS)
def test_a_milestone_in_the_same_register_is_still_read(make_message: MakeMessage, text: str,
                                                        kind: EventType) -> None:
    events = read(make_message, text)
    assert [e.event_type for e in events] == [kind], events
    assert events[0].polarity is Polarity.POSITIVE


@pytest.mark.parametrize("sentence", [
    "we got 40 new signups today",
    "Side project update: 23 new users this week, bringing our total to 311.",
    "Newsletter: 1,132 new subscribers joined this month, bringing us to 9,870 readers.",
    "Our user base numbers 8,733 members, up 412 from last month.",
    "Of our now 9,036 users, 630 are new this month.",
    "Total revenue for the quarter was $91,400, down 12% from last quarter.",
])
def test_the_routine_count_veto_names_its_family(sentence: str) -> None:
    # sentences the readers leave alone today: the veto that any reader consults still knows them
    assert routine_count(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "This month we reached the big 10,000 user mark, and 938 of you joined since August.",
    "Best month ever: 412 new signups in March, bringing us to 5,210 users.",
    "Paying users are above 10% for the first time, 204 of 1,650 new users this quarter.",
    "Today, Acme is home to 25,000 users, 5,000 projects and 42,000 repositories.",
    "The post led many visitors to our website, bringing the monthly unique visitors to 14k.",
])
def test_a_milestone_passes_the_routine_count_veto(sentence: str) -> None:
    assert routine_count(sentence) is None


def test_a_period_total_with_its_growth_stated_is_news() -> None:
    total = "The total gross revenue during this period was $22,856.00."
    assert routine_count(total, "Compared to Q4 2018, we've shown ~185% growth.") is None
    assert routine_count(total, "This is a 30% decrease from last quarter.") is not None
    assert routine_count(total) is not None


def test_a_named_product_made_available_is_no_minor_release() -> None:
    assert minor_release("Acme Cloud is now available to everyone.") is None
    assert minor_release("Ubuntu 24.04 is now available on our build runners.") is not None
    assert minor_release("Several bug fixes have rolled out to all customers.") is not None
    assert minor_release("The pricing change has rolled out to all customers.") is not None
    assert minor_release("Acme published its quarterly transparency report today.") is not None
    assert minor_release("We released our 2025 product roadmap this week.") is not None


@pytest.mark.parametrize(("subject", "kind"), [
    ("Acme in March: 412 new signups this month, bringing our total to 6,120", None),
    ("The FreeBSD 14 image is now available", None),
    ("Acme passes 10,000 users", USERS),
    ("Acme Cloud is now available to everyone", LAUNCH),
])
def test_a_subject_line_is_judged_as_its_body_would_be(make_message: MakeMessage, subject: str,
                                                       kind: EventType | None) -> None:
    body = "Hi all, a short note this month. Thanks for reading."
    events = read(make_message, body, source=Source.GMAIL, subject=subject)
    assert [e.event_type for e in events] == ([kind] if kind else []), events


@pytest.mark.parametrize(("text", "metric", "value"), [
    ("This month we reached the big 10,000 user mark, and 938 of you joined since August.",
     "users", 10000),
    ("Acme crossed the 1,000-customer mark this week!", "customers", 1000),
    ("We just passed the 50k subscribers mark.", "subscribers", 50000),
    ("Newsletter news: we hit the 2,500 paying subscribers mark on Friday", "paying_subscribers",
     2500),
])
def test_a_mark_crossed_is_a_milestone(make_message: MakeMessage, text: str, metric: str,
                                       value: int) -> None:
    events = [e for e in read(make_message, text) if e.event_type is USERS]
    assert len(events) == 1, events
    assert events[0].metrics.get(metric) == value, events[0].metrics


@pytest.mark.parametrize("text", [
    "Stripe passed the 1 million user mark last year.",  # someone else's
    "We hope to reach the 10,000 user mark by June.",  # a hope
    "We hit the 50 user mark for our private beta.",  # too small to be a milestone
    "Our marketing site crossed the 10,000 visits mark of the campaign page.",  # no users
])
def test_a_mark_look_alike_is_no_milestone(make_message: MakeMessage, text: str) -> None:
    assert [e for e in read(make_message, text) if e.event_type is USERS] == []
