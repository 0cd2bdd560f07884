"""Titles whose name a detector read out of a longer one (found by reading the update as an
investor): a programme joined is named whole, a founder's course is no outlet, and a version
stays with its own product, another maker's release never becoming our launch."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType
from tests.unit.rules_read import MakeMessage, read

T = EventType

READ = [
    ("Acme joined the Google Cloud Partner Advantage program", T.PARTNERSHIP,
     "Joined the Google Cloud Partner Advantage program"),  # was "Partnership with Advantage"
    ("Acme 2.0: Insights Has Launched!", T.PRODUCT_LAUNCH,
     "Launched Insights in Acme 2.0"),  # was "Launched Insights Has 2.0"
    ("I launched my first ever paid course, Hit the Front Page.", T.MEDIA_COVERAGE,
     "Launched first ever paid course, Hit the Front Page"),  # was "Coverage in Front Page"
]


@pytest.mark.parametrize(("text", "kind", "title"), READ)
def test_a_name_read_out_of_a_longer_one_is_named_whole(make_message: MakeMessage, text: str,
                                                        kind: EventType, title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [(kind, title)]


def test_other_makers_releases_are_no_launch_of_ours(make_message: MakeMessage) -> None:
    # was "Launched Bun 15.0": one maker's version on another's product, and neither ours
    assert read(make_message, "Next.js 15.0 just dropped, Bun 1.2 is out the door") == []


STAY = [
    ("As you may have heard, we launched version 2.0 of Acme Sign on GitHub recently.",
     "Launched Acme Sign 2.0"),
    ("Acme CLI 3.4.0 - added support for workspaces, new login flow", "Launched Acme CLI v3.4.0"),
    ("We shipped Relay 2.1 today, and Bun 1.2 support with it", "Launched Relay 2.1"),
]


@pytest.mark.parametrize(("text", "title"), STAY)
def test_a_version_of_the_products_own_stays(make_message: MakeMessage, text: str,
                                             title: str) -> None:
    assert [e.title for e in read(make_message, text)] == [title]


def test_a_name_read_into_the_next_clause_ends_before_its_joining_word(
        make_message: MakeMessage) -> None:
    text = ("Starting in September, we partnered with a European distributor and refocused our "
            "website.")
    assert [e.title for e in read(make_message, text)] == [
        "Partnership with a European distributor"]  # was "... distributor and"


def test_a_headlines_is_here_is_no_part_of_the_launch(make_message: MakeMessage) -> None:
    text = (":rotating_light: Early Access to App Cards Powered by UI Extensions is Here  :tada:"
            "  We're thrilled to announce this game-changing update to the HubSpot platform!")
    assert [e.title for e in read(make_message, text, company="hubspot", aliases=("HubSpot",))
            ] == ["Launched Early Access to App Cards Powered by UI Extensions"]
