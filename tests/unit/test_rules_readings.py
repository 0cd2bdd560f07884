"""Readings a founder would correct by hand: greeting words in names, plans given up, tools
dropped, bills, licence numbers. Each beside the event it must still find."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType
from tests.unit.test_rules import MakeMessage, events_for

T = EventType


@pytest.mark.parametrize(("text", "title"), [
    ("Meet our new CTO, Dana Wu! She joins from Stripe.", "Hired Dana Wu as CTO"),
    ("Welcome Sarah, our new VP of Sales!", "Hired Sarah as VP of Sales"),
    ("Introducing Sarah, our new Head of Sales!", "Hired Sarah as Head of Sales"),
    ("Say hi to Priya Nair, our new Head of Design!", "Hired Priya Nair as Head of Design"),
])
def test_a_greeting_is_not_part_of_the_name(make_message: MakeMessage, text: str,
                                            title: str) -> None:
    assert [e.title for e in events_for(make_message, text)] == [title]


@pytest.mark.parametrize("text", [
    "We abandoned the idea of raising a seed round",
    "we gave up on the plan to raise a bridge",
    "We shelved Jira in favour of Linear",
    "We must pay $500 in fees to AWS this month",
])
def test_no_event(make_message: MakeMessage, text: str) -> None:
    assert events_for(make_message, text) == []


@pytest.mark.parametrize(("text", "kind"), [
    ("We closed our seed round!", T.FUNDING),
    ("We shelved the mobile app to focus on the API.", T.PRODUCT_LAUNCH),
    ("Scaleflow ordered to pay $2m in damages", T.COMPLIANCE),
])
def test_the_event_beside_its_look_alike_is_found(make_message: MakeMessage, text: str,
                                                 kind: EventType) -> None:
    assert [e.event_type for e in events_for(make_message, text)] == [kind]


def test_a_licence_number_is_not_the_products_version(make_message: MakeMessage) -> None:
    [event] = events_for(make_message, "We open-sourced Acme Engine under Apache 2.0")
    assert event.title == "Open-sourced Acme Engine"
    [event] = events_for(make_message, "Acme Engine 2.0 is out today, with OAuth 2.0 support!")
    assert event.title == "Launched Acme Engine 2.0"


def test_a_markdown_link_in_a_title_reads_as_its_words(make_message: MakeMessage) -> None:
    [event] = events_for(make_message, "We sold an Enterprise plan for "
                         "[Zestful](https://zestfuldata.com) today, $2,000/year!")
    assert "Zestful" in event.title and "[" not in event.title and "](" not in event.title


def test_a_multiple_below_one_is_no_growth(make_message: MakeMessage) -> None:
    assert events_for(make_message, "Our revenue is 0.9x last year's.") == []
    [event] = events_for(make_message, "Our revenue grew 3x year over year!")
    assert event.event_type is T.REVENUE_MILESTONE
