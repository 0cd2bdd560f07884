"""The rules extractor on job cuts and sites closed (cutbacks.py, with the hiring and setback
readers around it): lowlights told as whom a cut affects, and plants, offices or stores shut.

Every text is hand-written, in the registers cuts are told in (a wire release, a financial news
sentence or headline, a founder's update, Slack chatter), and was written before the dev split
was read for this family; each family sits beside its look-alikes: cuts that may come or none at
all, cuts to a bill, another company's cuts and closures, a site closed for the day, errands."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity, SignificantEvent
from tests.unit.rules_read import MakeMessage, read

HIRING, OTHER = EventType.HIRING, EventType.OTHER
OURS = ("Acme", "Acme Oyj")


def _read(make_message: MakeMessage, text: str) -> list[SignificantEvent]:
    return read(make_message, text, aliases=OURS)


CUTS: list[tuple[str, EventType, str]] = [
    ("The reductions will affect 30 employees at the Vaasa plant, Acme said.", HIRING,
     "Layoffs affecting 30 employees"),
    ("Acme concluded its change negotiations, which will lead to the termination of 24 jobs.",
     HIRING, "Cut 24 jobs"),
    ("Around 60 jobs will be lost when Acme closes its Oulu plant.", HIRING, "Cut 60 jobs"),
    ("Acme has given notice of dismissal to 20 employees.", HIRING,
     "Layoffs affecting 20 employees"),
    ("We had to make the difficult decision to part ways with 12 teammates.", HIRING,
     "Layoffs affecting 12 teammates"),
    ("Acme is temporarily laying off its entire staff of 200 for up to 90 days.", HIRING,
     "Temporary layoff of all staff"),
    ("Acme will cut 120 jobs in Finland as part of a restructuring.", HIRING, ""),
    ("We laid off 15% of staff this week. It was the hardest decision we've made.", HIRING, ""),
    ("We've put a hiring freeze in place until Q3.", HIRING, ""),
    # sites closed
    ("Acme to close Tampere factory", OTHER, "Closing Tampere factory"),
    ("Acme shuts its Leeds distribution centre", OTHER, "Closed Leeds distribution centre"),
    ("Acme closes its paper mill in Kaskinen", OTHER, "Closed paper mill in Kaskinen"),
    ("Acme will close 12 stores in Finland", OTHER, "Closing 12 stores in Finland"),
    ("Globex shuts Acme head office in integration move", OTHER, "Closed Acme head office"),
]

SILENT = [
    "Globex will make 45 redundancies at its Leeds site.",
    "Globex shuts its Leeds plant",
    "Dynegy said the reductions will affect 300 employees.",
    "We let the old API go at the end of the quarter.",
    "The cuts will affect our AWS bill next month.",
    "No redundancies are planned, Acme said.",
    "The negotiations may lead to the termination of up to 24 jobs.",
    "Acme plans to start change negotiations that may lead to up to 50 job cuts.",
    "We might need to consider layoffs if the round does not close.",
    "the office closes at 5pm today",
    "We closed the Oulu office ticket in Jira.",
    "please close the office windows before you leave",
    "In winding down the site, I reduced the hours of my writers.",
]


@pytest.mark.parametrize(("text", "kind", "title"), CUTS)
def test_a_cut_or_a_closure_is_a_lowlight(make_message: MakeMessage, text: str,
                                          kind: EventType, title: str) -> None:
    events = _read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, Polarity.NEGATIVE)], \
        [(e.event_type, e.polarity, e.title) for e in events]
    assert not title or events[0].title == title


@pytest.mark.parametrize("text", SILENT)
def test_look_alikes_stay_silent(make_message: MakeMessage, text: str) -> None:
    events = _read(make_message, text)
    assert events == [], [(e.event_type, e.title) for e in events]
