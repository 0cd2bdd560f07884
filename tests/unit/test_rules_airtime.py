"""The rules extractor on coverage and investors' interest as teams tell them (airtime.py,
inbound.py).

Every text is hand-written, before any corpus message was read, in the registers the product
meets: team Slack and community chat, founders' update emails, release notes and press
releases. Each family stands beside its look-alikes: a talk still to give or someone else's, a
title applied for, a piece still being written, an appearance booked, a list applied for or
another company on it; our own outreach to funds, investors in general, another company's
investors."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType
ALIASES = ("Acme", "Tilt")

# (text, title): a talk given at a named event
TALKS = [
    ("I gave a talk on Tilt at KubeCon last week, the recording is up", "Talk at KubeCon"),
    ("Our CTO spoke at re:Invent yesterday about how we scaled Acme", "Talk at re:Invent"),
    ("Jane presented Acme at Data Council, packed room", "Talk at Data Council"),
    ("My talk from PyCon about Acme is now on YouTube: https://youtube.com/x", "Talk at PyCon"),
    ("We did a lightning talk at RailsConf about Acme", "Talk at RailsConf"),
    ("Tilt was demoed on the main stage at KubeCon EU", "Demo at KubeCon EU"),
    ("We presented at two sessions during the AWS Summit.", "Talk at AWS Summit"),
    ("Acme CEO Jane Doe delivered the opening keynote at Gartner Symposium on Tuesday.",
     "Keynote at Gartner Symposium"),
    ("* 1 RailsConf lightning talk by @jwo", "Talk at RailsConf"),
]
NOT_TALKS = [
    "I'm giving a talk at KubeCon next week",
    "submitted a talk to KubeCon, fingers crossed",
    "great talk by Kelsey at KubeCon yesterday",
    "I watched a talk about Postgres at FOSDEM",
    "we should submit a CFP to PyCon",
    "Our talk at KubeCon was accepted!",
    "I presented at the all-hands on Friday",
    "At the event, I spoke with Chris Guthrie, an advisor at Quiet Light.",
    "I presented at the Usenix Enigma conference today.",  # a member's own talk, not about us
]

# (text, title): one of us given a title by a programme
TITLES = [
    ("Our CTO was named an AWS Hero this week!", "AWS Hero"),
    ("Kai is now a Microsoft MVP 🎉", "Kai named Microsoft MVP"),
    ("Big news for the team: Priya Shah became a Google Developer Expert for Angular.",
     "Priya Shah named Google Developer Expert"),
    ("Both of our trainers were named Google Developer Experts this month.",
     "Google Developer Expert"),
]
NOT_TITLES = [
    "Kai is applying to be a Microsoft MVP",
    "How to become a Google Developer Expert",
    "We shipped the MVP to our first design partner",
    "Priya hopes to become an AWS Hero next year",
]

# (text, title): a piece about us, one of us on a show, a list or grade we are on
PRESS = [
    ("TechCrunch wrote us up this morning 🎉", "Coverage in TechCrunch"),
    ("Nice piece in The Information about our pricing change", "Coverage in"),
    ("We got some press this month: a piece in Fast Company on our hiring approach.",
     "Coverage in Fast Company"),
    ("Our story ran in the Guardian on Sunday", "Coverage in"),
    ("We landed a feature in Forbes!", "Coverage in Forbes"),
    ("Got a nice write-up in the Morning Brew today", "Coverage in Morning Brew"),
    ("The Forbes article just went live: https://forbes.com/x", "Coverage in Forbes"),
    ("I went on The Changelog to talk about Tilt", "On The Changelog"),
    ("Maria appeared on BBC Radio 4 this morning to talk about Acme", "On BBC Radio 4"),
    ("Sam was on 20VC last week talking about how we built Acme", "On 20VC"),
    ("Was on CNBC this morning talking about the round", "On CNBC"),
    ("Jane was interviewed on CNBC about the raise", "On CNBC"),
    ("named to the Forbes Cloud 100", "Named to Forbes Cloud 100"),
    ("we're on Fast Company's Most Innovative Companies list this year",
     "Named to Fast Company's Most Innovative Companies list"),
    ("Acme made the G2 Leader grid for Winter 2026", "Named to G2 Leader grid"),
    ("G2 named us a High Performer this quarter", "Named High Performer by G2"),
    ("Acme is on LinkedIn's Top Startups list for 2026", "Named to LinkedIn's Top Startups list"),
    ("We are proud to announce our inclusion on the Clutch Global Leaders List.",
     "Named to Clutch Global Leaders List"),
]
NOT_PRESS = [
    "TechCrunch is writing a piece on us, embargo until Tuesday",
    "TechCrunch wants to interview us next week",
    "we're pitching TechCrunch for the launch",
    "our blog post about pricing is live",
    "Our press release about the partnership went out on PR Newswire",
    "The Verge wrote about Notion's new AI features",
    "Linear was on the front page of HN today",
    "The Information has a good piece on Snowflake's pricing",
    "I'll be on the Changelog podcast next month",
    "I listened to the Changelog podcast on the way in",
    "our competitor was on Bloomberg TV",
    "Globex was named to the Forbes Cloud 100",
    "submitted our application for Fast Company's Most Innovative list",
    "we were shortlisted for the Cloud 100",
    "Update the price list before Friday",
    "We got a feature in Linear for the sync bug",
    "Had a call with a journalist from the FT, she may write something in March",
]


def _coverage(make_message: MakeMessage, text: str) -> list[str]:
    events = read(make_message, text, aliases=ALIASES)
    assert [e.event_type for e in events] == [T.MEDIA_COVERAGE], events
    assert events[0].polarity is Polarity.POSITIVE
    return [e.title for e in events]


@pytest.mark.parametrize(("text", "title"), TALKS + TITLES + PRESS)
def test_coverage_told_by_a_team_is_read(make_message: MakeMessage, text: str,
                                         title: str) -> None:
    titles = _coverage(make_message, text)
    assert title in titles[0], titles


@pytest.mark.parametrize("text", NOT_TALKS + NOT_TITLES + NOT_PRESS)
def test_coverage_look_alikes_are_no_event(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text, aliases=ALIASES) == []
