"""The rules extractor on what is ours but no news of ours, or news of ours titled with our name
for its own (owners.py): our product's own name read as a partner, money our platform paid to
others read as our revenue, our users winning our in-product award, a how-to for customers'
own compliance, and a launch titled with the company's name for an unnamed product.

Every text is hand-written from how people write, in the registers a false event reaches an
investor through (team chat, a founder's update email, a press release, a release note, a
community channel), before the corpus was read for these families. Each family sits beside
look-alikes that are our news and must stay events."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, SignificantEvent
from tests.unit.rules_read import MakeMessage, read

T = EventType


def _of(events: list[SignificantEvent], kind: EventType) -> list[SignificantEvent]:
    return [e for e in events if e.event_type is kind]


# our own product's name (or a part of it, an acronym) read as the partner
OWN_NAME_PARTNERS = [
    "Acme Asset Marketplace is now accepting theme submissions.",  # release note
    "The Acme App Marketplace is now open for submissions from developers.",  # community
    "Heads up: developers can now add app settings to the Acme UI for Marketplace-listed apps",
    "Our Acme Partner Directory is now live and accepting applications from agencies!",  # chat
    "New in the changelog: Marketplace partners can now list their apps in the Acme CRM.",
]

PARTNERS = [
    ("We have partnered with Salesforce to bring Acme data into their CRM.", "Salesforce"),
    ("Acme is partnering with Stripe to offer instant payouts.", "Stripe"),
    ("We signed a partnership with IBM to resell Acme to their enterprise customers.", "IBM"),
    ("Acme and Shopify announce a strategic partnership.", "Shopify"),  # press release
    ("Our Acme-HubSpot partnership went live today.", "HubSpot"),  # chat
]


@pytest.mark.parametrize("text", OWN_NAME_PARTNERS)
def test_our_own_product_is_no_partner(make_message: MakeMessage, text: str) -> None:
    assert _of(read(make_message, text), T.PARTNERSHIP) == []


@pytest.mark.parametrize(("text", "partner"), PARTNERS)
def test_a_named_partner_stays(make_message: MakeMessage, text: str, partner: str) -> None:
    events = _of(read(make_message, text), T.PARTNERSHIP)
    assert [e.title for e in events] == [f"Partnership with {partner}"]


def test_our_marketplace_opening_is_a_launch(make_message: MakeMessage) -> None:
    events = read(make_message, "Now Live: The Acme Asset Marketplace is now accepting theme "
                  "submissions.")
    assert [(e.event_type, e.title) for e in events] == [
        (T.PRODUCT_LAUNCH, "Opened the Acme Asset Marketplace to submissions")]


# money the platform passed on to others, not revenue
PAID_TO_OTHERS = [
    "Our marketplace sellers earned $120k in sales in March.",  # update mail
    "Creators on Acme earned over $50k this month!",  # chat
    "Our writers made $8,000 from reader subscriptions in May.",  # community
    "Acme hosts earned $2.4M in bookings last quarter.",  # press
    "This month we paid out $50k to creators on the platform.",  # update mail
    "We donated $10k to the Internet Archive this quarter.",  # update mail
    "Acme has paid out over $1M to freelancers since launch!",  # press
]

REVENUE = [
    "Acme revenue grew 20% to $12k.",
    "We crossed $50k MRR this month!",
    "We just hit $1M ARR",
]


@pytest.mark.parametrize("text", PAID_TO_OTHERS)
def test_money_earned_by_others_is_not_our_revenue(make_message: MakeMessage,
                                                   text: str) -> None:
    assert _of(read(make_message, text), T.REVENUE_MILESTONE) == []


@pytest.mark.parametrize("text", REVENUE)
def test_our_revenue_stays(make_message: MakeMessage, text: str) -> None:
    assert len(_of(read(make_message, text), T.REVENUE_MILESTONE)) == 1


def test_money_earned_for_others_says_for_whom(make_message: MakeMessage) -> None:
    events = _of(read(make_message, "So far we have earned over two thousand dollars for "
                      "writers."), T.REVENUE_MILESTONE)
    assert [e.title for e in events] == ["Earned over $2,000 for writers"]


# our users or members winning an award we give
MEMBERS_WIN = [
    "Almost all of them appeared on Acme and several won the Article of the Day (AOTD) trophy.",
    "Congrats to @sam who won our Community Champion award this month!",  # community chat
    "Three of our members won the Maker of the Month award.",  # update mail
    "Jane won the Acme Template of the Week award for her onboarding flow.",  # newsletter
    "Two readers won the Reader of the Year award.",
]

WE_WIN = [
    "Acme won the Best Developer Tool award at SaaStr.",
    "We won a Webby Award for best productivity app!",
    "Acme won the 2025 G2 Best Software Award.",
    "Our team won the Best Startup award at Web Summit.",
]


@pytest.mark.parametrize("text", MEMBERS_WIN)
def test_our_members_winning_our_award_is_no_award(make_message: MakeMessage,
                                                   text: str) -> None:
    assert _of(read(make_message, text), T.MEDIA_COVERAGE) == []


@pytest.mark.parametrize("text", WE_WIN)
def test_an_award_we_won_stays(make_message: MakeMessage, text: str) -> None:
    assert len(_of(read(make_message, text), T.MEDIA_COVERAGE)) == 1


# how customers can comply, not our certification
CUSTOMERS_COMPLY = [
    "So customers hosting their website with Acme can ensure their Google Analytics tracking "
    "is compliant with GDPR and EU cookie laws.",  # release note
    "With the new retention settings, you can make sure your workspace is GDPR compliant.",
    "Customers can now keep their data HIPAA compliant with field-level encryption.",  # press
    "This helps our users stay compliant with GDPR when they export contacts.",  # chat
]

WE_COMPLY = [
    "We are now SOC 2 Type II compliant!",
    "Acme achieved ISO 27001 certification this month.",
    "We passed our HIPAA audit with zero findings.",
    "Acme is now fully GDPR compliant.",
    "We are now SOC 2 Type II compliant, so customers can stay compliant with their auditors.",
    "Acme is now HIPAA compliant: customers can keep patient data in Acme and stay compliant.",
]


@pytest.mark.parametrize("text", CUSTOMERS_COMPLY)
def test_customers_complying_is_not_our_compliance(make_message: MakeMessage,
                                                   text: str) -> None:
    assert _of(read(make_message, text), T.COMPLIANCE) == []


@pytest.mark.parametrize("text", WE_COMPLY)
def test_our_compliance_stays(make_message: MakeMessage, text: str) -> None:
    assert len(_of(read(make_message, text), T.COMPLIANCE)) == 1


# a launch of an unnamed product titled with the company's name
UNNAMED_LAUNCHES = [
    ("I've launched a new Acme product.", "Launched a new Acme product"),  # founder update
    ("We just launched a new Acme product!", "Launched a new Acme product"),  # chat
    ("I released a new high-end model of Acme.", "Launched a new high-end model of Acme"),
]

NAMED_LAUNCHES = [
    ("We launched Acme Voyager today.", "Launched Acme Voyager"),
    ("I launched Acme Pro this week.", "Launched Acme Pro"),
    ("Acme Pro has launched!", "Launched Acme Pro"),
]


@pytest.mark.parametrize(("text", "title"), UNNAMED_LAUNCHES + NAMED_LAUNCHES)
def test_a_launch_names_what_was_launched(make_message: MakeMessage, text: str,
                                          title: str) -> None:
    events = _of(read(make_message, text), T.PRODUCT_LAUNCH)
    assert [e.title for e in events] == [title]


# a course launched, titled by a fragment of its name
COURSES = [
    (":mega: new certification course for integrating with Acme I: foundations :mega: "
     "Integrating With Acme I: Foundations Has Launched!",  # community chat
     "Launched the Integrating With Acme I: Foundations certification course"),
    ("Our new certification course, Payments 101, has launched!",  # release note
     "Launched the Payments 101 certification course"),
    ("We launched a new course: Selling With Acme.",  # update mail
     "Launched the Selling With Acme course"),
]

NOT_COURSES = [
    ("We launched Acme Foundations, our new starter plan for small teams.",
     "Launched Acme Foundations"),
    ("The Acme Developer Certification is now live.", "Launched Acme Developer Certification"),
]


@pytest.mark.parametrize(("text", "title"), COURSES + NOT_COURSES)
def test_a_course_launched_is_titled_as_one(make_message: MakeMessage, text: str,
                                            title: str) -> None:
    events = _of(read(make_message, text), T.PRODUCT_LAUNCH)
    assert [e.title for e in events] == [title]
