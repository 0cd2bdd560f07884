"""Investors and outlets the rules extractor has no list entry for, read from the sentence's shape:
in all-lower-case messages, in "Named to the X list" bullets and after a "Big week:" opener."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from signalpipe.extract.rules import RulesExtractor
from signalpipe.models import Batch, EventType, Message, Source

MakeMessage = Callable[..., Message]


def readings(make_message: MakeMessage, text: str) -> list[tuple[EventType, dict[str, object]]]:
    batch = Batch(id="b1", company_id="scaleflow", source=Source.SLACK,
                  messages=(make_message(text=text),))
    return sorted(((e.event_type, dict(e.metrics)) for e in RulesExtractor().extract(batch).events),
                  key=lambda r: r[0].value)


INVESTOR = EventType.INVESTOR_INTEREST
MEDIA = EventType.MEDIA_COVERAGE


@pytest.mark.parametrize(("text", "kind", "name"), [
    ("fyi all. forerunner ventures sent over a term sheet 👀", INVESTOR, "forerunner ventures"),
    ("got an intro request from amara zimmerman at uncork capital, they've been tracking us "
     "since the launch.", INVESTOR, "uncork capital"),
    ("great first call with goldmont ventures, they want a partner meeting next week.",
     INVESTOR, "goldmont ventures"),
    ("inbound from hawkmont venture partners: they'd like to preempt our series b.", INVESTOR,
     "hawkmont venture partners"),
    ("check out the tech.eu article about us, link in #press.", MEDIA, "tech.eu"),
    ("press hit: boston inno covered our launch this morning.", MEDIA, "boston inno"),
    ("we're in banking times today! https://example.com/ops", MEDIA, "banking times"),
    ("quinn's interview with hanoi business review is live.", MEDIA, "hanoi business review"),
], ids=["sent_over", "partner_at_firm", "call_with", "inbound_from", "the_x_article",
        "opener_covered", "were_in", "interview_with"])
def test_lower_case_messages_name_unknown_firms_and_outlets(
        make_message: MakeMessage, text: str, kind: EventType, name: str) -> None:
    key = "investor" if kind is INVESTOR else "publication"
    assert readings(make_message, text) == [(kind, {key: name})]


@pytest.mark.parametrize("text", [
    "should we email forerunner ventures or wait for a warm intro?",
    "did anyone see the tech.eu piece on ai agents? good read.",
    "heard forerunner ventures might be interested, but nobody has actually contacted us.",
    "that tech.eu article about data breaches isn't about us, relax.",
])
def test_lower_case_distractors_stay_rejected(make_message: MakeMessage, text: str) -> None:
    assert readings(make_message, text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Named to the Tech.eu Cloud 100 list", "tech.eu"),
    ("Named to the Crunchbase News Most Innovative Companies list", "crunchbase news"),
    ("Named to the Chicago Inno 30 Under 30 list", "chicago inno"),
    ("- Named to the Budapest Business Journal Fintech 50 list", "budapest business journal"),
    ("named to the ars technica startups to watch list!", "ars technica"),
])
def test_named_to_a_list_names_the_outlet(make_message: MakeMessage, text: str,
                                          name: str) -> None:
    assert readings(make_message, text) == [(MEDIA, {"publication": name})]


def test_opener_before_an_unknown_firm(make_message: MakeMessage) -> None:
    text = ("Big week: Forerunner Ventures asked for a partner meeting and closed Brightpath "
            "Industries ($110,000 ACV)!")
    assert readings(make_message, text) == [
        (EventType.ENTERPRISE_DEAL, {"customer": "brightpath industries", "acv_usd": 110_000}),
        (INVESTOR, {"investor": "forerunner ventures"})]
    lower = ("friday recap: foxford venture partners asked for a partner meeting and arr now at "
             "64.8m!")
    assert (INVESTOR, {"investor": "foxford venture partners"}) in readings(make_message, lower)


@pytest.mark.parametrize(("text", "kind", "metrics"), [
    ("Diego's interview with Business Insdier is live.", MEDIA,
     {"publication": "business insider"}),
    ("Great first call with Greylcok Partners, they want a partner meeting next week.", INVESTOR,
     {"investor": "greylock"}),
])
def test_a_known_name_with_two_letters_swapped_is_still_that_name(
        make_message: MakeMessage, text: str, kind: EventType, metrics: dict[str, object]) -> None:
    assert readings(make_message, text) == [(kind, metrics)]
