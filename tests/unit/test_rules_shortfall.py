"""The rules extractor on a business that did not work (shortfall.py): a revenue lowlight told
as failure, not as a figure.

Every text is hand-written, in the registers founders tell it in (a letter to users, an update
email, Slack chatter, a news sentence), and was written before the dev split was read for this
family; beside them their look-alikes: conditions, worries, another company's failure, truisms
about startups, questions, customers' losses, expectations beaten, the reason given for a
closure told beside it."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity, SignificantEvent
from tests.unit.rules_read import MakeMessage, read

OURS = ("Acme",)


def _read(make_message: MakeMessage, text: str) -> list[SignificantEvent]:
    return read(make_message, text, aliases=OURS)


FAILED: list[tuple[str, str]] = [
    ("Unfortunately, Acme's business has not succeeded.", "Business did not succeed"),
    ("After five years, we have been unable to build a sustainable business.",
     "Could not build a sustainable business"),
    ("We failed to find product-market fit and are returning the remaining money to investors.",
     "Failed to find product-market fit"),
    ("Our sales never took off: almost nobody bought Acme for Work.", "Sales never took off"),
    ("The hosted service does not pay for itself.", "Does not pay for itself"),
    ("honestly we're losing money on every order right now", "Losing money"),
    ("Demand for our enterprise tier was weaker than we expected.",
     "Demand weaker than expected"),
    ("Sales of the Pro plan came in below expectations in Q3.", ""),
]

SILENT = [
    "If the business doesn't work out, we'll go back to consulting.",
    "I'm worried our sales might never take off.",
    "Globex's business never took off.",
    "Many startups fail to find product-market fit.",
    "Is Acme losing money?",
    "Our customers were losing money on returns before they switched.",
    "Demand was stronger than we expected.",
    "We found product-market fit in our second year.",
    "we're losing money every minute checkout is down",
    "We tried a referral program but it never took off.",
]


@pytest.mark.parametrize(("text", "title"), FAILED)
def test_a_business_that_did_not_work_is_a_revenue_lowlight(
        make_message: MakeMessage, text: str, title: str) -> None:
    events = _read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [
        (EventType.REVENUE_MILESTONE, Polarity.NEGATIVE)], [(e.event_type, e.title) for e in events]
    assert not title or events[0].title == title


@pytest.mark.parametrize("text", SILENT)
def test_look_alikes_stay_silent(make_message: MakeMessage, text: str) -> None:
    events = _read(make_message, text)
    assert events == [], [(e.event_type, e.title) for e in events]


def test_the_reason_for_a_closure_is_the_closure(make_message: MakeMessage) -> None:
    events = _read(make_message, "Today I have sad news: the company behind Acme is shutting "
                   "down. In spite of all our efforts we were unable to build a sustainable "
                   "business.")
    assert [(e.event_type, e.polarity) for e in events] == [
        (EventType.OTHER, Polarity.NEGATIVE)], [(e.event_type, e.title) for e in events]
