"""The rules extractor in a company's own developer community (Stripe's, Shopify's, Figma's,
Notion's, HubSpot's Slack or Discord): the company's announcements are its events, members'
posts about their own work are not. Every message is hand-written, each family with the
company's own news beside it as a control."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType

# (company, text): a member's listing, badge or prize in the company's own programme
PROGRAMME = [
    ("Shopify", "Our Quick Reorder app is now live on the Shopify App Store!"),
    ("Shopify", "Pro-Slider Module is now available in the Shopify Theme Store."),
    ("HubSpot", "Pro-Slider Module is now available in HubSpot Marketplace."),
    ("Figma", "Our icon pack just got published to the Figma Community gallery"),
    ("Notion", "Excited to share that our CRM template is now listed in the Notion Template "
               "Gallery!"),
    ("Stripe", "We just became a certified Stripe Partner."),
    ("HubSpot", "I am a certified HubSpot Developer and a Platinum HubSpot Partner."),
    ("Shopify", "We're proud to be an official Shopify Plus Partner."),
    ("Figma", "We are pleased to inform we have won the Figma Plugin Challenge 2023."),
    ("Stripe", "Our team won the Stripe Sessions hackathon last weekend!"),
]

# (company, text): a member's own build, told in the first person singular on the platform
MINE = [
    ("HubSpot", "I've released a new app that integrates HubSpot contacts with Akaunting "
                "customers."),
    ("HubSpot", "My HubSpot CMS Theme - Drive - launched yesterday - have a peek!"),
    ("Stripe", "I just launched a plugin for Stripe that syncs invoices to Xero."),
    ("Notion", "I've published a new integration for Notion that turns emails into pages."),
]

# (channel, text): a member's channel holds members' news, in any wording
MEMBER_CHANNEL = [
    ("showcase", "Introducing Revert - a single API to build customer facing CRM "
                 "integrations."),
    ("showcase", "Today, we released our highly anticipated \"STORM\" Theme."),
    ("show-and-tell", "We just launched Pagefold 2.0, a PDF editor built on the Figma API!"),
    ("jobs", "We closed our $2M seed round last month and are hiring two engineers."),
    ("self-promotion", "Our startup Listly just crossed 10,000 users!"),
]

# (company, text): a staff post's event words that state no event
STAFF_LOOKALIKES = [
    ("HubSpot", "Hi all, a reminder this change to FTP is getting rolled out today"),
    ("Stripe", "Friendly reminder: the new Payment Links dashboard is rolling out today."),
    ("Shopify", "Important note: a bug was identified impacting order webhooks after this "
                "recent release of the Checkout Extensions public beta."),
    ("HubSpot", "Because mistakes happen, we are releasing the ability for customers to merge "
                "deals together."),
    ("Notion", "We always reserve the right to change price at future renewal."),
    ("Figma", "Get your friends to vote for your entry for a chance to win the community "
              "choice award."),
    ("HubSpot", "Absolutely, Slack is great for our community of developers and partners to "
                "share best practises"),
]

# (company, channel, text): the company's own news, in its announcement channel or by name
OURS = [
    ("Stripe", "announcements", "Stripe Billing Scripts is now generally available.",
     T.PRODUCT_LAUNCH),
    ("Shopify", "releases-and-updates", "We've just launched Shopify Functions, now "
                                         "generally available.", T.PRODUCT_LAUNCH),
    ("Notion", "announcements", "We're excited to announce Notion Calendar, now available to "
                                "everyone.", T.PRODUCT_LAUNCH),
    ("Figma", "showcase", "Figma's Dev Mode is down for everyone right now.", T.PRODUCT_LAUNCH),
]


def _kinds(make_message: MakeMessage, text: str, company: str, *, channel: str
           ) -> list[tuple[EventType, Polarity]]:
    events = read(make_message, text, company=company.lower(), aliases=(company,),
                  channel=channel)
    return [(e.event_type, e.polarity) for e in events]


@pytest.mark.parametrize(("company", "text"), PROGRAMME + MINE + STAFF_LOOKALIKES)
def test_members_and_look_alikes_are_no_event(make_message: MakeMessage, company: str,
                                             text: str) -> None:
    assert _kinds(make_message, text, company, channel="general") == [], text


@pytest.mark.parametrize(("channel", "text"), MEMBER_CHANNEL)
def test_a_members_channel_holds_members_news(make_message: MakeMessage, channel: str,
                                              text: str) -> None:
    assert _kinds(make_message, text, "Stripe", channel=channel) == [], text
    # the same words in an announcement channel are read as usual: the channel decides
    assert _kinds(make_message, text, "Stripe", channel="announcements") != [], text


@pytest.mark.parametrize(("company", "channel", "text", "kind"), OURS)
def test_the_companys_own_news_stays(make_message: MakeMessage, company: str, channel: str,
                                     text: str, kind: EventType) -> None:
    kinds = _kinds(make_message, text, company, channel=channel)
    assert kinds and all(k is kind or p is Polarity.NEGATIVE for k, p in kinds), (text, kinds)


# (company, text): the company's own releases and betas told to its developers, and incidents
RELEASES = [
    ("Stripe", ":wave: We just released two new fields for Checkout Sessions: a locale field "
               "and a tax ID field.", EventType.PRODUCT_LAUNCH, Polarity.POSITIVE),
    ("Shopify", "Yesterday we released a set of new API client libraries for Python and Go.",
     EventType.PRODUCT_LAUNCH, Polarity.POSITIVE),
    ("Notion", "Today we're launching an update to our developer documentation site.",
     EventType.PRODUCT_LAUNCH, Polarity.POSITIVE),
    ("Figma", "Today we are pumped to release Dev Mode, the next version of our handoff "
              "tools.", EventType.PRODUCT_LAUNCH, Polarity.POSITIVE),
    ("Shopify", "[Now Live] you can use metafield definitions in theme blocks!",
     EventType.PRODUCT_LAUNCH, Polarity.POSITIVE),
    ("Stripe", "The Terminal JS SDK is out of beta and available to all accounts!",
     EventType.PRODUCT_LAUNCH, Polarity.POSITIVE),
    ("Notion", "The new webhooks endpoint has been released.",
     EventType.PRODUCT_LAUNCH, Polarity.POSITIVE),
    ("Figma", "Hey everyone, we are aware that parts of Figma, including comments and version "
              "history, are not loading for some users.",
     EventType.TECHNICAL_ACHIEVEMENT, Polarity.NEGATIVE),
    ("Stripe", "We're investigating an issue that caused some webhooks to fail to deliver.",
     EventType.TECHNICAL_ACHIEVEMENT, Polarity.NEGATIVE),
]

# (company, text): release words that state no release of the company's
RELEASE_LOOKALIKES = [
    ("Shopify", "The version we're releasing tomorrow is called v1."),
    ("Stripe", "We launched the initial version of Connect, which was more than just a "
               "payouts API."),  # backstory: no "just", "today" before the verb
    ("Notion", "Today, we're releasing our initial take of what the new API will look like."),
    ("Figma", "We just released version 2.4.1 with a fix for the export bug."),
    ("Stripe", "This new feature is available to all users:"),
    ("Shopify", "Version 0.8 of the CLI has now been released."),
    ("HubSpot", "I've just released a new app, built on HubSpot, that syncs deals to Xero."),
    ("Notion", "We just released our 2024 State of Docs report."),  # content, not a product
    ("Figma", "Today we're launching a new video series on prototyping."),
]


@pytest.mark.parametrize(("company", "text", "kind", "polarity"), RELEASES)
def test_the_companys_releases_and_incidents(make_message: MakeMessage, company: str,
                                             text: str, kind: EventType,
                                             polarity: Polarity) -> None:
    assert _kinds(make_message, text, company, channel="announcements") == [(kind, polarity)], \
        text


@pytest.mark.parametrize(("company", "text"), RELEASE_LOOKALIKES)
def test_release_words_that_are_no_release(make_message: MakeMessage, company: str,
                                           text: str) -> None:
    assert _kinds(make_message, text, company, channel="announcements") == [], text
