"""Acquisitions (type `other`, subtype acquisition): a company bought, by name or by kind, or the
company itself acquired; never customers, users or equipment "acquired"."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType
from tests.unit.rules_read import MakeMessage, read


@pytest.mark.parametrize(("text", "title"), [
    ("We agreed to acquire Globex for $20M", "Acquisition: Globex"),
    ("Acme acquires data startup Globex", "Acquisition: Globex"),
    ("We agreed to acquire a small AI startup", "Acquisition: a small AI startup"),
    ("We have acquired a competitor in Berlin", "Acquisition: a competitor"),
    ("We've been acquired by Stripe", "Acquisition: Stripe"),
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
