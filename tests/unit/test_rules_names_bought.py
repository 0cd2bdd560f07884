"""Who was bought and who was met: acquisitions (type `other`, subtype acquisition) of a company
named or told by kind, or of the company itself, never customers or equipment "acquired"; and an
introduction ("Meet Globex") that is no part of the name."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType
from tests.unit.rules_read import MakeMessage, read


@pytest.mark.parametrize(("text", "title"), [
    ("We agreed to acquire Globex for $20M", "Acquisition: Globex"),
    ("Acme acquires data startup Globex", "Acquisition: Globex"),
    ("We agreed to acquire a small AI startup", "Acquisition: a small AI startup"),
    ("We have acquired a competitor in Berlin", "Acquisition: a competitor"),
    ("We've been acquired by Stripe", "Acquired by Stripe"),  # Stripe bought us
    ("We've been acquired!", "Acquired"),
    ("Big news: we got acquired", "Acquired"),
])
def test_a_company_bought(make_message: MakeMessage, text: str, title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [(EventType.OTHER, title)]


@pytest.mark.parametrize("text", [
    "We acquired 50 new customers last month",
    "We acquired new office furniture",
    "We agreed to acquire new equipment",
    "Our customer acquisition cost fell",
    "If we got acquired, what happens to our stock options?",
])
def test_nothing_bought_that_is_a_company(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == []


@pytest.mark.parametrize(("text", "kind", "title"), [
    ("Meet Globex, our new customer.", EventType.ENTERPRISE_DEAL, "Signed Globex"),
    ("Meet Sarah Chen, our new Head of Sales", EventType.HIRING,
     "Hired Sarah Chen as Head of Sales"),
    ("Meetly signed a 2-year deal with us", EventType.ENTERPRISE_DEAL, "Signed Meetly"),
])
def test_an_introduction_is_not_part_of_the_name(make_message: MakeMessage, text: str,
                                                 kind: EventType, title: str) -> None:
    assert [(e.event_type, e.title) for e in read(make_message, text)] == [(kind, title)]
