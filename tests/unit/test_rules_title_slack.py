"""Titles read from a company's Slack and a founder's updates as an investor reads them (found by
reading HubSpot's, TinyPilot's and Readup's outputs): no emoji shortcode or unresolved user id, a
figure's noun said once, a common word after a launch verb in the case the message wrote it."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.titles import polished
from signalpipe.models import EventType
from tests.unit.rules_read import MakeMessage, read


@pytest.mark.parametrize(("text", "title"), [
    (":rotating_light: Early Access to App Cards Powered by UI Extensions is Here  :tada:  We're"
     " thrilled to announce this game-changing update to the future of customization on the Acme"
     " platform!", "Launched Early Access to App Cards Powered by UI Extensions"),
    ("Some even more exciting news, yesterday we released a set of new API client libraries to"
     " make it easier to integrate with Acme's APIs.", "Released new API client libraries"),
    ("Today we're launching an update to our CMS Developer Documentation.",
     "Released an update to the CMS Developer Documentation"),
    ("CMS Hub for WordPress developers is a new video series, we partnered with @U3T21PDBK of"
     " Ascend Inbound Marketing to produce.", "Partnership with Ascend Inbound Marketing"),
    ("This is my highest revenue month ever, at $9.8k across all of my projects.",
     "Highest revenue month ever: $9.8k"),
    ("Public Beta: Generic Webhook Subscriptions Starting on August 6th, 2024, you can now use 24"
     " additional CRM object types with webhook subscriptions.",
     "Launched Generic Webhook Subscriptions"),
])
def test_titles_lose_slack_furniture_and_repeats(make_message: MakeMessage, text: str,
                                                 title: str) -> None:
    assert [e.title for e in read(make_message, text)] == [title]


@pytest.mark.parametrize(("title", "kept"), [
    ("Launched Stats", "Today we're launching Stats!"),          # a product named by a word
    ("Released New Relic integration", "We released the New Relic integration"),
    ("Revenue reached $12k", "Revenue grew 20% to $12k."),
    ("Launched Acme Now", "We launched Acme Now"),              # one word left: the name's own
    ("Acquisition of Globex by Initech", "Initech acquired Globex"),
    ("Signed Acme: 10:30 call went well", "Signed Acme at the 10:30 call"),  # a time, not an emoji
])
def test_look_alikes_keep_their_titles(title: str, kept: str) -> None:
    assert polished(title, EventType.PRODUCT_LAUNCH, evidence=kept) == title
