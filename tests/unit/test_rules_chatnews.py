"""The rules extractor on news told in chat (chatnews.py).

Every text is hand-written, as a team posts in Slack, IRC, Discord or Zulip (lower case, @handles,
emoji, no full stop) and, where the family reaches them, in a founder's update email or a
release note; each family sits beside its look-alikes: members welcomed to a community, people
added to a calendar, metrics and calls that "dropped", members congratulated on their own work,
patch builds, others' signatures, offers signed by people, questions, plans, vendors' outages and
members' own projects. The variants were written before the dev split was read for this family.
"""

from __future__ import annotations

import pytest

from signalpipe.extract.rules import chatnews
from signalpipe.extract.rules.found import Context, Found
from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType

# a teammate welcomed: chat, a founder's update, a team-update post
JOINED = [
    ("please welcome @sam who joins us as our first SRE today", "Welcomed Sam as first SRE"),
    ("welcome to the team, @jit! glad to have you", "Welcomed Jit to the team"),
    ("welcome aboard @priya 🎉", "Welcomed Priya to the team"),
    ("let's all welcome @noor to the team 🎉", "Welcomed Noor to the team"),
    ("hey team, please welcome @dana who's joining us as our new head of marketing",
     "Welcomed Dana as Head of Marketing"),
    ("everyone say hi to @marco, who joins the team as a backend engineer today",
     "Welcomed Marco as backend engineer"),
    ("welcome @lena to the team! she's our new designer", "Welcomed Lena to the team"),
    ('Special welcome to _@Esad Cetiner_, first meeting as "real" developer!',
     "Welcomed Esad Cetiner as developer"),
    ("kai has been added to the team as our first data engineer",
     "Kai joined as first data engineer"),
    ("Team update: Ana was added to the team as a customer success manager.",
     "Ana joined as customer success manager"),
    ("we have a new developer -> _@jit_! Welcome to the team.", "Jit joined as developer"),
    ("we've got a new SRE: @kai", "Kai joined as SRE"),
    ("announcing publicly that _@fzipitria_ is a new Co-Lead for our project",
     "Fzipitria joined as Co-Lead"),
    ("@sam is our new head of sales 🎉", "Sam joined as Head of Sales"),
    ("fyi priya is our new head of design", "Priya joined as Head of Design"),
]

# a release told in chat: dropped, out the door, the team congratulated on it
RELEASED = [
    ("v3 just dropped 🚀 go check the changelog", "Released v3"),
    ("@here Acme v3.0 just dropped!", "Released Acme v3.0"),
    ("Acme CLI 2.0 just dropped 🎉", "Released Acme CLI 2.0"),
    ("the Acme iOS app has officially dropped!", "Released Acme iOS app"),
    ("huge congrats everyone on the 2.0 launch!!", "Released version 2.0"),
    ("congrats to us all on 1.6.0 release day!", "Released version 1.6.0"),
    ("kudos to the whole team for shipping 4.0 🎉", "Released version 4.0"),
    ("congratulations and thanks for cutting the 3.1 release", "Released version 3.1"),
    ("finally got 4.2 out the door 🎉", "Released version 4.2"),
    ("Congrats to everyone on 3.0!  Great to get it out the door last week!",
     "Released version 3.0"),
    ("I do want to congratulate us all on the Acme 4.0 release!", "Released Acme 4.0"),
    ("we just dropped v3!", "Released v3"),
    # "us" claims the release, whatever the product is called
    ("I want to congratulate us all on the Relay 4.0 release!", "Released Relay 4.0"),
    ("Big month: Acme 3.0 just dropped and the waitlist doubled.", "Released Acme 3.0"),
]

# a customer's signature told bare
SIGNED = [
    ("globex signed!!! 🎉", "Signed Globex"),
    ("Globex signed!!! 3 year deal", "Signed Globex"),
    ("omg initech just signed 🎉🎉", "Signed Initech"),
    ("Hooli officially signed the order form this morning", "Signed Hooli"),
    ("update: Umbrella signed the contract today.", "Signed Umbrella"),
]

# a teammate leaving, named by a handle or in lower case (welcomes.py reads capitalised names)
DEPARTED = [
    ("sad news: @maria is leaving us at the end of the month 😢", "Maria is leaving"),
    ("kevin's last day was friday", "Kevin is leaving"),
    ("bittersweet one: after 4 years our CTO @ravi is moving on", "Ravi is leaving"),
    ("jake has left the company, his last day was yesterday", "Jake is leaving"),
]

# our product down, told as it happens: no duration yet, the people hit or the team on it
DOWN_NOW = [
    ("our mailing lists are all down since tuesday",
     "Outage: Mailing lists down since Tuesday"),
    ("we're down 🔥 looking into it", "Outage: Systems down"),
    ("the dashboard has been down since yesterday for all customers",
     "Outage: Dashboard down"),
    ("checkout is broken for everyone right now", "Outage: Checkout broken"),
    ("the site's been down since 9am, customers are emailing", "Outage: Site down since 9am"),
    ("none of our mailing lists are currently working", "Outage: Mailing lists not working"),
    ("heads up: none of the webhooks are working since the deploy, customers are noticing",
     "Outage: Webhooks not working"),
    ("Since our mailing lists are down, here's the agenda for tomorrow",
     "Outage: Mailing lists down"),
    ("the dashboard is down, please use the API directly for now", "Outage: Dashboard down"),
    ("login has been broken for all EU users since 9am, fix in progress",
     "Outage: Login broken since 9am"),
]

# a milestone count cheered with no verb
CHEERED = [
    ("1,000 stars on github!! thanks everyone", T.USER_GROWTH, "1,000 GitHub stars"),
    ("500 signups since launch day!!", T.USER_GROWTH, "500 signups"),
    ("50 customers!! 🎉", T.USER_GROWTH, "50 customers"),
    ("we're at 2,000 paying customers!!", T.USER_GROWTH, "2,000 customers"),
    ("$1M ARR!!! we did it", T.REVENUE_MILESTONE, "ARR reached $1M"),
]

LOOK_ALIKES = [
    # members of a community, places that are no team, roles that are no job
    "welcome to the community @jdoe!",
    "welcome @bob, feel free to introduce yourself in #intros",
    "welcome aboard, new moderators!",
    "welcome to the team channel @sam, this is where we post standup notes",
    "sam has been added to the team calendar",
    "@kim was added to the team drive",
    "welcome back @sam, hope the vacation was great",
    "would be great to welcome @sam to the team soon",
    "we hope to welcome @sam to the team next month as our first SRE",
    "I want to welcome @sam to the team once the offer is signed",
    "welcome to the team, our new beta testers!",
    "welcome @priya as our newest contributor 🙌",
    "@sam is a new member here, say hi",
    "we have a new release -> v2.1",
    "@bob is the new owner of that ticket",
    "sam is our new favourite customer",
    # "dropped" that is no release; members' and others' releases; patches; questions, plans
    "v3 dropped support for python 2",
    "the call dropped, can you dial in again?",
    "congrats @bob on your 1.0 release!",
    "I want to congratulate you on your 2.0 release",
    "congrats to Globex on their 2.0 launch",
    "congrats on the 1.7.1 release, that fixed my bug",
    "a congrats to us all on the 1.7.1 release!",
    "when does v3 drop?",
    "hoping to get 4.2 out the door next week",
    "we need to get 4.2 out the door by friday",
    "my plugin v0.2 just dropped, feedback welcome",
    # other products' releases talked about in the team's chat
    "python 3.12 just dropped",
    "Rails 8.0 just dropped 🎉",
    "Tailwind v4 just dropped!",
    "Congrats to everyone on Rails 8.0!",
    "kudos to the Postgres folks for shipping 17.0",
    "Postgres 17.0 is out the door, finally",
    # signatures that are no customer's deal
    "did globex sign?",
    "> globex signed!!! 🎉",
    "back in 2022 globex signed!!",
    "hopefully globex signed!",
    "rumor is globex signed",
    "> v3 just dropped 🚀",
    "remember when v2 dropped? good times",
    "once 4.2 is out the door we can relax",
    "is checkout broken for everyone right now?",
    "checkout was broken for everyone last year, never again",
    "fingers crossed globex signs this week",
    "Globex signed a deal with Microsoft",
    "we signed the lease for the new office!",
    "legal signed off on the msa",
    "sam signed! starts on the 3rd",
    "the NDA is signed",
    "they signed up for a trial",
    "Dana signed her offer today!!",
    # "left" and "last day" in other senses
    "I left a comment on the PR",
    "leaving for lunch, back in 30",
    "left the meeting early, sorry",
    "last day of the sprint tomorrow",
    "@sam is leaving for the offsite at 3",
    # down, broken or not working where no customer is: tests, laptops, plans, retired boxes
    "is the site down for anyone else?",
    "staging has been down since friday",
    "staging is down, use prod for the demo",
    "my internet is down, joining from my phone",
    "site down for maintenance saturday 2am",
    "the old server is down. it's been retired for a year",
    "none of the tests are working on my branch",
    "the build server is down.",
    "Fixed: the dashboard is broken for everyone using Safari 14 (regression in 2.4.0)",
    "Fixes: checkout is broken for everyone on iOS 12",
    "we're down to 3 open bugs for the release",
    # a member's own news with our product as their tool, in the first person
    "just benchmarked Acme against our old setup, 3x faster builds for us",
    "we just crossed 10k users on our app built with Acme, thanks for the great tool!",
    "our team just raised a $2M seed round, we build on Acme 🙌",
    "we're live! our Acme-powered dashboard just launched",
    "after migrating to Acme our p95 went from 800ms to 120ms",
    # counts that are no milestone: work items, rooms, old years, small or asked
    "3 bugs left before the release!",
    "10 people in the meetup room 🎉",
    "12 PRs merged today 🎉",
    "5 stars on the review, thanks!",
    "10k users would be amazing",
    "10k users in 2019! good times",
    "$50 MRR! lol baby steps",
    "40 customers? that seems low",
    "10 users 🎉",
    # someone else's outage, a member's own project
    "github is down for everyone",
    "slack is down again, use email",
    "aws us-east-1 is down, half the internet is broken",
    "my theme just crossed 1k installs on the marketplace",
    "my plugin just hit 500 downloads 🎉",
]


@pytest.mark.parametrize(("text", "title"), JOINED)
def test_a_teammate_welcomed_in_chat_is_a_hire(make_message: MakeMessage, text: str,
                                               title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [(T.HIRING, title)], events


@pytest.mark.parametrize(("text", "title"), RELEASED)
def test_a_release_told_in_chat_is_a_launch(make_message: MakeMessage, text: str,
                                            title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [(T.PRODUCT_LAUNCH, title)], events


@pytest.mark.parametrize(("text", "title"), SIGNED)
def test_a_customer_signed_in_two_words_is_a_deal(make_message: MakeMessage, text: str,
                                                  title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title, e.polarity) for e in events] == \
        [(T.ENTERPRISE_DEAL, title, Polarity.POSITIVE)], events


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_a_chat_look_alike_is_no_event(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == []


def test_our_own_outage_in_chat_is_still_a_lowlight(make_message: MakeMessage) -> None:
    # the vendor veto names vendors; our own API down is ours
    events = read(make_message, "our api is down for everyone, we're on it")
    assert [(e.event_type, e.polarity) for e in events] == \
        [(T.TECHNICAL_ACHIEVEMENT, Polarity.NEGATIVE)], events


def test_a_vendor_that_is_the_company_is_not_vetoed() -> None:
    import re
    company = re.compile(r"(?i)\bslack\b")
    found = Found(T.TECHNICAL_ACHIEVEMENT, {"outage": "api"}, "Outage", 9, negative=True)
    assert chatnews.veto(found, "slack is down for everyone", "", company) is None
    assert chatnews.veto(found, "slack is down for everyone", "", None) is not None


def test_detectors_read_nothing_without_their_words() -> None:
    ctx = Context(None, "shipping the fix to staging now")
    for detector in (chatnews.joined, chatnews.released, chatnews.signed):
        text = "shipping the fix to staging now"
        assert detector(text, text, ctx) is None


@pytest.mark.parametrize(("text", "title"), DEPARTED)
def test_a_teammate_leaving_named_in_chat_is_a_hiring_lowlight(make_message: MakeMessage,
                                                               text: str, title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title, e.polarity) for e in events] == \
        [(T.HIRING, title, Polarity.NEGATIVE)], events


@pytest.mark.parametrize(("text", "title"), DOWN_NOW)
def test_our_product_down_as_it_happens_is_a_technical_lowlight(make_message: MakeMessage,
                                                                text: str, title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title, e.polarity) for e in events] == \
        [(T.TECHNICAL_ACHIEVEMENT, title, Polarity.NEGATIVE)], events


@pytest.mark.parametrize("text", [
    "we just crossed 10k users 🎉 thank you all",
    "📣 Acme 2.4 is out: faster builds and a new CLI",
    "we migrated Acme to Rust and builds are 3x faster",
])
def test_the_company_speaking_of_its_own_product_is_kept(make_message: MakeMessage,
                                                         text: str) -> None:
    # the member veto needs our name as the tool the speaker builds with, not the thing made
    assert len(read(make_message, text)) == 1


def test_a_customer_using_us_stays_a_customer_event(make_message: MakeMessage) -> None:
    events = read(make_message, "Globex signed!!! they're using Acme across 40 teams")
    assert [e.event_type for e in events] == [T.ENTERPRISE_DEAL], events


@pytest.mark.parametrize(("text", "kind", "title"), CHEERED)
def test_a_count_cheered_in_chat_is_a_milestone(make_message: MakeMessage, text: str,
                                                kind: EventType, title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [(kind, title)], events
