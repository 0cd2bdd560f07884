"""The rules extractor on markets entered in business-news, wire and founders' words
(markets2.py): operations started or extended somewhere, a unit set up there, a first site
opened there.

Every text is hand-written, in several registers (a wire release, a financial news sentence, a
founder's update email, Slack chatter), and was written before the dev split was read for this
family; each family sits beside its look-alikes: plans and wishes, another company's move, a
verb used as an adjective, a ticket or meeting opened somewhere, a shop's doors opened for the
day, a first visit."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity, SignificantEvent
from tests.unit.rules_read import MakeMessage, read

MARKET = EventType.MARKET_EXPANSION
OURS = ("Acme", "Acme Oyj")


def _read(make_message: MakeMessage, text: str) -> list[SignificantEvent]:
    return read(make_message, text, aliases=OURS)


ENTERED: list[tuple[str, str]] = [
    # wire and financial news
    ("Acme has started operations in Russia through a new subsidiary.", "Expanded to Russia"),
    ("Acme has launched its services in Norway.", "Expanded to Norway"),
    ("Acme begins sales in Sweden", "Expanded to Sweden"),
    ("Acme has extended its operations to the Baltic countries.",
     "Expanded to the Baltic countries"),
    ("Acme Oyj has expanded its business to Estonia.", "Expanded to Estonia"),
    ("Acme has set up a subsidiary in Poland to serve Central European customers.",
     "Expanded to Poland"),
    ("Acme has established a sales office in Dubai.", "Expanded to Dubai"),
    ("Acme set foot in the US with its first customer, Globex.", "Expanded to the US"),
    ("Acme launched its delivery service in Mexico on Monday.", "Expanded to Mexico"),
    # founder mail and chat
    ("In Q2 we began sales in the Nordics through a local reseller.", "Expanded to the Nordics"),
    ("we officially started operations in Portugal this week, first invoices went out",
     "Expanded to Portugal"),
    # goods sold or a product live there, a landing, doors opened
    ("Acme starts exporting to China", "Expanded to China"),
    ("Acme Pay goes live in Australia", "Expanded to Australia"),
    ("We opened our doors in Lisbon this week 🎉", "Expanded to Lisbon"),
    ("Acme lands in the UK with its first London customers", "Expanded to the UK"),
    # a third set: products rolled out or launched across a region, a debut
    ("Acme rolled out its app across Southeast Asia this week.",
     "Expanded to Southeast Asia"),
    ("Acme launched its card in Southeast Asia.", "Expanded to Southeast Asia"),
]

FIRST_SITE: list[tuple[str, str]] = [
    ("Acme's first store in Riga opened its doors on Friday.", "Opened first store in Riga"),
    ("First Acme station opens in Ciudad Juárez", "Opened in Ciudad Juárez"),
    ("Our first US warehouse in Texas is now open", "Opened first warehouse in Texas"),
]

SILENT = [
    # plans and wishes
    "Acme is looking at opening a representative office in Shanghai next year.",
    "We are looking to start operations in Brazil in 2027.",
    "Acme will open its first store in Oslo next year.",
    "We discussed expanding into the Nordics at the offsite.",
    "Acme did not start operations in Russia after all.",
    # someone else's move
    "Globex has started operations in Russia.",
    "Globex has set up a subsidiary in Poland.",
    # described, not done; opened for the day; visited; a ticket
    "Our expanded operations in Taiwan employ 1,200 people.",
    "The store opened its doors at 9am as usual.",
    "I visited our first store in Riga this morning.",
    "We opened a support ticket with the Germany team.",
    "Our first office was a garage in Austin.",
    "Sales in Germany were flat this quarter.",
    "Our CEO lands in London tomorrow.",
    "Globex arrives in Spain",
    "v2.3 goes live in production tomorrow",
    "Acme launched its new app in Berlin at Web Summit.",
    "We rolled out the new app across the company.",
    "Acme rolled out dark mode across all platforms.",
    # a debut is most often a product shown at a fair, not a market entered
    "Acme debuted in Australia with three models at the Melbourne EV Expo.",
]


@pytest.mark.parametrize(("text", "title"), ENTERED + FIRST_SITE)
def test_a_market_entered_is_read(make_message: MakeMessage, text: str, title: str) -> None:
    events = _read(make_message, text)
    found = [e for e in events if e.event_type is MARKET and e.polarity is Polarity.POSITIVE]
    assert [e.title for e in found] == [title], [(e.event_type, e.title) for e in events]


@pytest.mark.parametrize("text", SILENT)
def test_look_alikes_stay_silent(make_message: MakeMessage, text: str) -> None:
    events = _read(make_message, text)
    assert events == [], [(e.event_type, e.title) for e in events]
