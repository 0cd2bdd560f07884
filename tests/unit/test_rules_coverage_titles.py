"""Coverage titles name where or by whom: a site is not a publication ("on YouTube"), a reviewer
is not one either ("by Jeff Geerling"); a publication keeps "in". Hand-written messages."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType
from tests.unit.rules_read import MakeMessage, read

COVERAGE = [
    ("I got a surprise review from Jeff Geerling, a blogger and YouTube creator.",
     "Coverage by Jeff Geerling"),
    ("Our launch post was #1 on Hacker News all day.", "Coverage on Hacker News"),
    ("We were featured in TechCrunch today.", "Coverage in TechCrunch"),
    ("Scott has posted a writeup on his blog about Acme's new path support.",
     "Coverage by Scott"),
]


@pytest.mark.parametrize(("text", "title"), COVERAGE)
def test_coverage_says_where_or_by_whom(make_message: MakeMessage, text: str,
                                        title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [(EventType.MEDIA_COVERAGE, title)]
