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

# (text, title): our product shown at a named event, a tally of others' talks and podcasts
TALKS = [
    ("Tilt was demoed on the main stage at KubeCon EU", "Shown at KubeCon EU"),
    ("Acme was showcased in the AWS keynote at re:Invent yesterday.", "Shown at re:Invent"),
    ("We were featured during the Google I/O developer keynote.", "Shown at Google I/O"),
    ("* 1 RailsConf lightning talk by @jwo", "Talk at RailsConf"),
    ("- 2 EngineYard podcast interviews", "Podcast interview on EngineYard"),
]
NOT_TALKS = [
    # a talk we give is our own content (test_rules_recognition holds the same)
    "I gave a talk on Tilt at KubeCon last week, the recording is up",
    "Our CTO spoke at re:Invent yesterday about how we scaled Acme",
    "I'm giving a talk at KubeCon next week",
    "submitted a talk to KubeCon, fingers crossed",
    "great talk by Kelsey at KubeCon yesterday",
    "I watched a talk about Postgres at FOSDEM",
    "we should submit a CFP to PyCon",
    "Tilt will be demoed at KubeCon next week",
    "We presented at the all-hands on Friday",
    "Stripe was showcased at re:Invent this year",
    "At the event, I spoke with Chris Guthrie, an advisor at Quiet Light.",
    "- 3 talks this week",
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
    "Being appointed as a GDE means that you're an expert in a Google technology.",
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
    ("Our feature in Fortune is out", "Coverage in Fortune"),
    ("Our CEO's op-ed ran in the Financial Times today", "Coverage in Financial Times"),
    ("Podcast with our CEO on Acquired just went live", "Coverage in Acquired"),
    ("got press in Business Insider today!", "Coverage in Business Insider"),
    # a press section of an update
    ("Press this month\n* Sifted: our founder on building in Europe (https://sifted.eu/x)\n"
     "* The Information: Acme's pricing bet", "Coverage in Sifted"),
    ("📰 Press: Business Insider piece on our pricing (https://businessinsider.com/x)",
     "Coverage in Business Insider"),
    ("In the news: TechCrunch, Axios and Sifted covered our Series A", "Coverage in TechCrunch"),
    ("As seen in: TechCrunch, Forbes, Wired", "Coverage in TechCrunch"),
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
    "## Press\nWe are drafting a press release for the launch.",
    "In the news: Stripe raised $600M and OpenAI launched GPT-6",
    "Press: need someone to handle inbound journalist requests",
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


# (text, title): a fund got in touch, a fund wants in, a fund's partner writes to us (inbound.py)
INBOUND = [
    # team chat
    ("Got an email from a partner at Benchmark asking to grab coffee",
     "Inbound interest from Benchmark"),
    ("a16z emailed. They want to meet the founders.", "Inbound interest from a16z"),
    ("Partner from Lightspeed DMed me on LinkedIn asking for the deck",
     "Inbound interest from Lightspeed"),
    ("A couple of VCs slid into our DMs after the launch",
     "Inbound interest from a couple of VCs"),
    ("Insight Partners is sniffing around", "Inbound interest from Insight Partners"),
    ("Sequoia scout wants in on the round", "Inbound interest from Sequoia"),
    ("a partner at a16z wants to meet", "Inbound interest from a16z"),
    ("A GP at Greylock asked to meet after seeing our launch", "Inbound interest from Greylock"),
    ("Index soft-circled $2M for the round", "Inbound interest from Index"),
    ("Accel wants to put in $5M", "Inbound interest from Accel"),
    ("Index is keen to lead our Series A", "Inbound interest from Index"),
    ("Benchmark wants to pre-empt the round", "Inbound interest from Benchmark"),
    ("Got a cold email from Accel today, they want to chat about the round",
     "Inbound interest from Accel"),
    ("Tiger reached out asking to preempt our Series B", "Inbound interest from Tiger"),
    ("A partner from Accel wants to come by the office next week", "Inbound interest from Accel"),
    ("Sequoia has been calling every week about the Series A", "Inbound interest from Sequoia"),
    # founder update email
    ("Investor interest: we've been approached by three funds, including Point Nine, about a "
     "Series A.", "Inbound interest from three funds"),
    ("We are getting inbound interest from funds including General Catalyst.",
     "Inbound interest from General Catalyst"),
    # an investor's own email
    ("Hi Alex, I'm a partner at Northzone. We've been following Acme for a while and would love "
     "to find time to chat about your plans for the next round.",
     "Inbound interest from Northzone"),
]
NOT_INBOUND = [
    "I emailed a partner at Sequoia asking for a meeting",
    "we reached out to Sequoia",
    "Sent the deck to Accel, fingers crossed",
    "Accel passed on the round",
    "Our investors want monthly updates",
    "our existing investors will take their pro-rata",
    "Sequoia invested in our competitor",
    "Index led Globex's Series B",
    "VCs are pulling back from seed deals this quarter",
    "Benchmark's portfolio company reached out about a partnership",
    "Globex's investors wanted a call with their CEO",
    "Should we ask Index for a call?",
    "If a fund reaches out, send them to me",
    "The customer wants to meet on Thursday to go over the renewal",
    "Hi, I'm a partner at Baker McKenzie and would love to chat about your contracts.",
    "I pitched Coatue yesterday, they want to see more traction first",
    "Accel hosted a founder dinner last night",
    "Globex reached out asking about our pricing",
]


@pytest.mark.parametrize(("text", "title"), INBOUND)
def test_inbound_interest_in_every_register_is_read(make_message: MakeMessage, text: str,
                                                    title: str) -> None:
    events = read(make_message, text, aliases=ALIASES)
    assert [e.event_type for e in events] == [T.INVESTOR_INTEREST], events
    assert events[0].title == title


@pytest.mark.parametrize("text", NOT_INBOUND)
def test_inbound_look_alikes_are_no_event(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text, aliases=ALIASES) == []
