"""Launch readings press language makes of things that are not our new product (pressnoise.py),
by phrasing family: each family in several wordings, in a release's body and as its headline,
beside the look-alikes that must stay launches. Every message is hand-written; the company is
"Acme"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from signalpipe.extract.rules.found import Found
from signalpipe.extract.rules.pressnoise import veto
from signalpipe.models import EventType, Source
from tests.unit.rules_read import MakeMessage, read

T = EventType

NOT_LAUNCHES = [
    # the venue read as the product: an appearance at a show
    "Acme unveils full battery line-up at DIFA 2024.",
    "Acme introduces next-generation storage solutions at RE+ 2024.",
    "Acme reinforces its global strategy by unveiling its electrified products at "
    "Automechanika Frankfurt.",
    # a range shown, not one product released
    "Acme introduces Next-Generation ESS Battery Solutions.",
    "Acme showcases next-generation charging solutions at InterBattery 2026.",
    "Acme introduced its new sensor line-up at Embedded World.",
    # someone else's product
    "Acme launches with Globex's new payments app.",
    "Acme launches its payments inside Globex's app.",
    "Acme payments launch in Globex's new super app this week.",
    # a launch of what is no product
    "Acme launches the Acme Foundation to support coding schools.",
    "Acme launches voluntary recall of its X200 heaters.",
    "Acme has launched a voluntary recall of some X200 heaters sold in 2025.",
    "Acme launches Acme Scholars, a scholarship for women in engineering.",
    "Acme launches Acme Fellows, a fellowship for open-source maintainers.",
    "Acme launched a search for a new chief executive.",
    # a company launched, not a product
    "Jane Smith, Acme's former chief scientist, launches new AI company.",
    "Acme launches a new subsidiary for its European business.",
    "Acme says it has made a multi-million dollar investment in launching the Forged Kettle Co.",
    "Acme launches Acme Robotics Inc. to build warehouse robots.",
    # marketing and hiring pushes, pilots: launched, but no product
    "Acme debuts new TV commercial during the Super Bowl.",
    "Acme unveils new company mascot.",
    "Acme launches new careers site.",
    "Acme launches Series B hiring push.",
    "Acme launches a pilot with the City of Boston.",
    # a customer's product built on ours
    "Globex launches new banking app built on Acme.",
    "Hooli Bank introduces a savings app powered by Acme.",
    # a person presented in a role
    "Acme introduces Jane Smith as chief financial officer.",
    "Acme presents Tom Baker as incoming president of its Europe unit.",
    # a retail shelf for what exists
    "Acme Widget is now available on Amazon.",
    "Acme's products are now available at Walmart stores nationwide.",
    "Acme smart plugs are now available at select retailers.",
    "Acme Kettle is also available at Walmart and Target.",
]

# A message and the launch title it must still give.
LAUNCHES = [
    ("Acme launches Acme Pay, a new payments app for small businesses.", "Launched Acme Pay"),
    ("Acme unveils the X9, its first electric SUV.", "Launched X9"),
    ("Acme unveils new X200 heater at CES 2026.", "Launched X200"),
    ("Acme unveils the X300 heater at CES 2026.", "Launched X300"),
    ("Acme introduces Acme Edge, a new gateway for factories, at Hannover Messe.",
     "Launched Acme Edge"),
    ("Acme's new X200 makes its global debut at the Paris Motor Show.", "Launched X200"),
    ("Acme launches Acme Fund Manager, a portfolio tool for advisors.",
     "Launched Acme Fund Manager"),
    ("Acme launches Acme Foundation Models, its first family of AI models.",
     "Launched Acme Foundation Models"),
    ("Acme launches Acme Recall, an app that reminds patients to refill prescriptions.",
     "Launched Acme Recall"),
    ("Acme introduces Acme Studio, now available on the App Store.", "Launched Acme Studio"),
    ("Acme introduces Acme Lens, now available on Amazon.", "Launched Acme Lens"),
    ("Acme launches the new X200, now available at select retailers.", "Launched X200"),
    ("Acme announces general availability of Acme Cloud.", "Launched Acme Cloud"),
    ("Acme launches Acme Pilot, an app for flight schools.", "Launched Acme Pilot"),
]


def _launches(make_message: MakeMessage, text: str, *, subject: str | None = None,
              source: Source = Source.SLACK) -> list[str]:
    events = read(make_message, text, source=source, subject=subject)
    return [e.title for e in events if e.event_type is T.PRODUCT_LAUNCH]


@pytest.mark.parametrize("text", NOT_LAUNCHES)
def test_press_language_about_no_product_of_ours_is_no_launch(make_message: MakeMessage,
                                                               text: str) -> None:
    assert _launches(make_message, text) == []


@pytest.mark.parametrize("text", NOT_LAUNCHES)
def test_the_same_words_as_a_release_headline_are_no_launch(make_message: MakeMessage,
                                                            text: str) -> None:
    headline = text.rstrip(".")
    body = "The company shared the news with partners and press this morning."
    assert _launches(make_message, body, subject=headline, source=Source.GMAIL) == []


@pytest.mark.parametrize(("text", "title"), LAUNCHES)
def test_a_new_product_of_ours_stays_a_launch(make_message: MakeMessage, text: str,
                                              title: str) -> None:
    assert _launches(make_message, text) == [title]


def test_a_brand_debuting_at_a_show_is_left_to_the_other_readings(
        make_message: MakeMessage) -> None:
    # dev gold reads "Leapmotor debuts at the Paris Motor Show" as its entry to Europe
    assert _launches(make_message, "Acme debuts at the Paris Motor Show.") != []


def test_our_own_launch_built_on_a_partner_stays_ours(make_message: MakeMessage) -> None:
    text = "Acme launches Acme Pay, a payments app built on Stripe."
    assert _launches(make_message, text) == ["Launched Acme Pay"]


# A message dated March 2025 (make_message's default) telling launches of other years.
OLD_LAUNCHES = [
    "Acme launched its first smart plug in 2021.",
    "Acme released Acme Pay back in 2019, and it now serves 2 million merchants.",
    "Acme introduced the X100 in 2024.",
]
RECENT_LAUNCHES = [
    "Acme launched Acme Pay in December 2024.",  # a quarter's news in a March update
    "Acme launched Acme Pay in 2025.",
    "Acme launches Acme Pay 2024 edition.",
]


@pytest.mark.parametrize("text", OLD_LAUNCHES)
def test_a_launch_of_an_earlier_year_restated_is_no_launch(make_message: MakeMessage,
                                                           text: str) -> None:
    assert _launches(make_message, text) == []


@pytest.mark.parametrize("text", RECENT_LAUNCHES)
def test_a_launch_of_this_period_stays_a_launch(make_message: MakeMessage, text: str) -> None:
    assert _launches(make_message, text) == ["Launched Acme Pay"]


def test_an_earlier_year_is_read_against_the_message_date() -> None:
    found = Found(T.PRODUCT_LAUNCH, {"product": "x100"}, "Launched X100", 5)
    clause = "Acme introduced the X100 in 2025"
    assert veto(found, clause, None, datetime(2025, 6, 1, tzinfo=UTC)) is None
    assert veto(found, clause, None, datetime(2026, 6, 1, tzinfo=UTC)) \
        == "a launch of an earlier year, restated"


def test_the_veto_reads_only_launches() -> None:
    found = Found(T.ENTERPRISE_DEAL, {"product": "ces"}, "Signed CES", 0)
    assert veto(found, "Acme signs a deal at CES 2026", None) is None
    lowlight = Found(T.PRODUCT_LAUNCH, {"product": "difa"}, "Sunset DIFA", 0, negative=True)
    assert veto(lowlight, "Acme unveils full battery line-up at DIFA 2024", None) is None


def test_the_veto_says_why(make_message: MakeMessage) -> None:
    found = Found(T.PRODUCT_LAUNCH, {"product": "difa"}, "Launched DIFA", 0)
    assert veto(found, "Acme unveils full battery line-up at DIFA 2024", None) \
        == "an appearance at difa, not a product"
