"""Launches told in release-post wording (shipped.py), by phrasing family: each family in several
styles (Slack chatter, founder updates, emails, press releases, headlines, changelogs, community
announcements, newsletters), beside the look-alikes that must give no launch. Every message is
hand-written; the company is "Relay" unless a case says otherwise."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.shipped import whole_version
from signalpipe.models import EventType, Polarity, Source
from tests.unit.rules_read import MakeMessage, read

T = EventType

# A message and the launch title it must give.
LAUNCHES = [
    # a version welcomed
    ("Please give a warm welcome to Relay v0.9. Here are the features we're most excited about.",
     "Launched Relay v0.9"),
    ("Please give a warm welcome to [Relay v0.9](https://github.com/relay/relay/releases). Here "
     "is what's new.", "Launched Relay v0.9"),
    ("Say hello to Relay CLI v3.0 :tada:", "Launched Relay CLI v3.0"),
    ("Hi all, please welcome Relay Desktop 2.0 to the family!", "Launched Relay Desktop 2.0"),
    # the company ships something, headline form
    ("Relay ships full Windows support", "Relay shipped full Windows support"),
    ("Relay now ships offline mode for every plan", "Relay shipped offline mode for every plan"),
    # a product opened to its first outside users
    ("Relay Cloud opens to early design partners", "Relay Cloud opened to early design partners"),
    ("Relay Cloud opens its private beta to the first 50 teams",
     "Relay Cloud opened to the first 50 teams"),
    ("We're announcing Relay Cloud early to work with a handful of design partners.",
     "Relay Cloud opened to early users"),
    ("This month we started onboarding Relay Insights with our first pilot customers.",
     "Relay Insights opened to early users"),
    # a first-person release at a major or minor version, told after the fact
    ("We released Relay v0.8 on April 22nd. This was a big release for us!",
     "Launched Relay v0.8"),
    ("We've released Relay 2.3.0, with faster sync and a new CLI.", "Launched Relay 2.3.0"),
    ("Quick update from the team: we shipped Relay Mobile 1.0 last Thursday",
     "Launched Relay Mobile 1.0"),
    # glad words the other detectors do not know
    ("So we're positively chuffed to announce full Windows support!",
     "Launched Windows support"),
    ("We're delighted to introduce Relay Desktop v1.0", "Launched Relay Desktop v1.0"),
    ("Stoked to launch Relay Pulse app today, go try it!", "Launched Relay Pulse app"),
    # a new product told by what it is to us, named by its post's title
    ("Our next experiment is live. Pulse is a tiny CLI that tails your syncs.",
     "Launched next experiment"),
    # a paid plan launched is no plan for the future
    ("## Launching a paid plan for relay.dev\n\nAfter two years free, Relay has a paid plan.",
     "Launched a paid plan"),
]


@pytest.mark.parametrize(("text", "title"), LAUNCHES)
def test_a_release_post_states_a_launch(make_message: MakeMessage, text: str,
                                        title: str) -> None:
    events = read(make_message, text, company="relay", aliases=("Relay",))
    launches = [(e.title, e.polarity) for e in events if e.event_type is T.PRODUCT_LAUNCH]
    assert launches == [(title, Polarity.POSITIVE)]


def test_a_post_titled_by_its_product_names_the_launch(make_message: MakeMessage) -> None:
    events = read(make_message, "Our next experiment is live. It tails your syncs.",
                  company="relay", aliases=("Relay",), source=Source.GMAIL,
                  subject="pulse: a tiny CLI for your syncs")
    assert [e.title for e in events] == ["Launched pulse"]


# Look-alikes of each family: no launch.
NOT_LAUNCHES = [
    # a person or a community welcomed
    "Please give a warm welcome to Sarah, our new designer!",
    "Welcome to the Relay community! Please read the channel rules first.",
    "Say hello to Marco, he'll be helping with support this summer",
    # shipping as delivery
    "Relay ships in 2-3 business days",
    "Relay ships with Docker support out of the box",
    "Relay ships 40 orders a day now",
    # opened to someone who is no user, later, or someone else's product
    "Relay opens to investors next month",
    "Relay Cloud opens to early design partners next week",
    "Stripe opens its beta to developers",
    "We will open Relay Cloud to everyone in March",
    "Globex is onboarding its first pilot customers",
    # a patch, a candidate, a plan, old news, someone else's release
    "We released Relay 2.3.1 with bug fixes.",
    "We've released Relay 2.4.0-rc1 for testing.",
    "We will release Relay 3.0 next week.",
    "Relay 3.0 is coming soon",
    "Back in 2019 we released Relay 1.0.",
    "Since we released Relay 1.0 we've grown a lot.",
    "Vercel released Next.js 15 today.",
    # glad words about no product
    "Thrilled to announce Jane Doe as our new Head of Sales",
    "Excited to share that we crossed 1,000 users",
    # "our next ..." that is no product, or not out yet
    "Our next newsletter is out on Friday",
    "Our next experiment is almost ready",
    # a campaign, an episode, a webinar, a fundraiser launched
    "We launched our Black Friday campaign today",
    "Today we launched the Relay Summer Sale campaign!",
    "We're launching a webinar series on data pipelines",
    "We just launched episode 12 of our podcast",
    "We launched a fundraiser for the local shelter",
    # introducing people
    "Email tips for introducing people and scheduling meetings",
    "How to introduce yourself to investors at a conference",
    # a product described as launched a while ago
    "Anything, an AI app launched a month ago, is attempting to solve this problem.",
    "Tonic, a budgeting tool released two years ago, now has 3 million users.",
]


@pytest.mark.parametrize("text", NOT_LAUNCHES)
def test_a_look_alike_states_no_launch(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text, company="relay", aliases=("Relay",))
    assert [e.title for e in events if e.event_type is T.PRODUCT_LAUNCH] == []


def test_a_post_introducing_an_idea_is_no_launch(make_message: MakeMessage) -> None:
    text = ("Rich-CRDTs are conflict-free data types with database guarantees.\n\nIn this post, "
            "we introduce Rich-CRDTs, walk through the techniques they use and show examples.")
    events = read(make_message, text, company="relay", aliases=("Relay",), source=Source.GMAIL,
                  subject="Introducing Rich-CRDTs")
    assert [e.title for e in events if e.event_type is T.PRODUCT_LAUNCH] == []


# A title as cut, the evidence it came from, and the title shown.
TITLES = [
    ("Released Relay v0", "Today we released Relay v0.8.", "Released Relay v0.8"),
    ("Launched Relay v9.0", "Relay v9.0-beta is now available", "Launched Relay v9.0-beta"),
    ("Released Relay 2", "Today we launched Relay 2.3.0-rc1 for everyone",
     "Released Relay 2.3.0-rc1"),
    ("Launched iOS", "We launched our iOS app last week", "Launched iOS app"),
    ("Launched v2.3.0", "relay v2.3.0 is out, grab it from npm", "Launched relay v2.3.0"),
    ("Released v4.0", "Today we shipped version v4.0", "Released v4.0"),
    # whole already, or nothing to add
    ("Launched Relay 2.0", "Relay 2.0 is here.", "Launched Relay 2.0"),
    ("Launched Relay", "We launched Relay today", "Launched Relay"),
]


@pytest.mark.parametrize(("title", "evidence", "shown"), TITLES)
def test_a_title_keeps_its_version_whole(title: str, evidence: str, shown: str) -> None:
    assert whole_version(title, evidence) == shown


@pytest.mark.parametrize(("text", "title"), [
    ("Today we released Relay v0.8.", "Released Relay v0.8"),
    ("Relay v9.0-beta is now available", "Launched Relay v9.0-beta"),
    ("Our Android app is now available on Google Play", "Launched Android app"),
])
def test_a_launch_read_keeps_its_version_whole(make_message: MakeMessage, text: str,
                                               title: str) -> None:
    events = read(make_message, text, company="relay", aliases=("Relay",))
    assert [e.title for e in events if e.event_type is T.PRODUCT_LAUNCH] == [title]


# A product shown or sold for the first time, in press-release words; the company is "Relay".
FIRST_SHOWN = [
    ("World premiere of the all-new Relay Urban Cruiser", "Launched Relay Urban Cruiser"),
    ("Relay B10 makes global debut at the Paris Motor Show", "Launched Relay B10"),
    ("Relay Hub made its world debut at CES today", "Launched Relay Hub"),
    ("People carrier is ready to go: Relay opens order books for new Combo Electric",
     "Launched Combo Electric"),
    ("The sportiest Relay to date: start of pre-sales for the Relay GTX Performance",
     "Launched Relay GTX Performance"),
    ("Pre-orders are now open for Relay Hub, shipping in March", "Launched Relay Hub"),
    ("Order books now open: new Frontera Electric available from \u20ac28,990",
     "Launched Frontera Electric"),
]


@pytest.mark.parametrize(("text", "title"), FIRST_SHOWN)
def test_a_product_shown_first_is_a_launch(make_message: MakeMessage, text: str,
                                           title: str) -> None:
    events = read(make_message, text, company="relay", aliases=("Relay Motor Company",),
                  source=Source.GMAIL)
    assert [e.title for e in events if e.event_type is T.PRODUCT_LAUNCH] == [title]


@pytest.mark.parametrize("text", [
    "The world premiere of the film Relay takes place in Cannes",
    "Jane Doe made her debut as a keynote speaker",
    "Pre-orders for Relay Hub will open next week",
    "The Relay Epiq, due to be unveiled in 2025, will cost around 25,000 euros.",
    "The new Relay Hub is set to launch this autumn",
])
def test_a_premiere_that_is_no_product_launch(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text, company="relay", aliases=("Relay Motor Company",),
                  source=Source.GMAIL)
    assert [e.title for e in events if e.event_type is T.PRODUCT_LAUNCH] == []


# A post headed "Introducing X" and its opening: X is not out yet, or it is.
HEADED = [
    ("Announcing Relay Sign", "Relay Sign, the open source signing tool.\n\nTL;DR: I'm building "
     "an open source signing tool. The first release will be in 2023. Sign up at relay.dev.",
     []),
    ("Launch Week - Day 5", "> TLDR; Relay profiles let people sign anytime. Usernames can be "
     "claimed today. Profiles launch as soon as they are shiny.\n\n## Introducing Relay Profile "
     "Links\n\nDay 5 - The Finale", []),
    ("Announcing Bug Mania", "TLDR; Relay 1.0 is in the staging environment. Go check it out "
     "and report every bug you find.\n\n## Announcing Bug Mania", []),
    ("Introducing Relay Cloud", "Relay Cloud is available today for every team. Windows support "
     "will be available later this year.", ["Launched Relay Cloud"]),
]


@pytest.mark.parametrize(("subject", "text", "titles"), HEADED)
def test_a_post_introducing_what_is_not_out_is_no_launch(
        make_message: MakeMessage, subject: str, text: str, titles: list[str]) -> None:
    events = read(make_message, text, company="relay", aliases=("Relay",), source=Source.GMAIL,
                  subject=subject)
    assert [e.title for e in events if e.event_type is T.PRODUCT_LAUNCH] == titles


# A digest item whose bold label states the launch: the vetoes read the label, not the reasons
# after it ("instead of", "if you commit" are the description's).
@pytest.mark.parametrize(("text", "launched"), [
    ("Here are the highlights from last month:\n\n* \U0001f680 **Shipped tweet referrals:** Using "
     "the Twitter API to show the actual tweets instead of useless t.co links", True),
    ("* \U0001f4c5 **Released annual plans:** Relay is now 33% cheaper if you commit to the "
     "whole year", True),
    ("* **Next up:** we will ship tweet referrals in March, if the API allows it", False),
    ("* **Shipped?** Not yet: tweet referrals slip to March", False),
])
def test_a_digest_label_is_read_on_its_own(make_message: MakeMessage, text: str,
                                           launched: bool) -> None:
    events = read(make_message, text, company="relay", aliases=("Relay",), source=Source.GMAIL,
                  subject="Building Relay: February recap")
    launches = [e for e in events if e.event_type is T.PRODUCT_LAUNCH
                and e.polarity is Polarity.POSITIVE]
    assert bool(launches) is launched


# A product released (one releases a product, never a person), up and running, out of beta at
# whatever version; the company is "HubSpot".
@pytest.mark.parametrize(("text", "title"), [
    ("*Today we are pumped to release CMS Hub, the next version of our content management system "
     "that now includes themes and many other powerful new features.*", "Launched CMS Hub"),
    ("The new HubSpot Status Page is up and running!", "Launched HubSpot Status Page"),
    ("Hi folks! HubSpot Academy is finally up and running, go get certified",
     "Launched HubSpot Academy"),
    ("Hello devs! The CMS CLI, local development tooling, is out of beta as of version 1.0.9!",
     "CMS CLI out of beta"),
    ("Guess what? We've just launched our `new Developer Documentation site` into public beta!",
     "Released Developer Documentation site into public beta"),
])
def test_a_developer_channel_release(make_message: MakeMessage, text: str, title: str) -> None:
    events = read(make_message, text, company="hubspot", aliases=("HubSpot",))
    assert [e.title for e in events if e.event_type is T.PRODUCT_LAUNCH] == [title]


@pytest.mark.parametrize("text", [
    "The API is back up and running after this morning's outage",
    "Our servers are up and running again",
    "MeshCore-TEAM is up and running on iOS.",
    "Excited to announce Jane Doe as our new CTO",
    "HubSpot is now generally available in Japan",
])
def test_running_again_is_no_launch(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text, company="hubspot", aliases=("HubSpot",))
    assert [e.title for e in events if e.event_type is T.PRODUCT_LAUNCH] == []


# A look back at a launch, and one feature of a product, beside launches that stay.
@pytest.mark.parametrize(("text", "launched"), [
    ("5 lessons from launching our iOS app", False),
    ("What we learned shipping Relay 2.0", False),
    ("Why we released Relay under the MIT licence", False),
    ("Just a couple of weeks ago, we released the [Disable Resources Feature]"
     "(https://docs.relay.dev/disable). Here is how teams use it.", False),
    ("We shipped the bulk export feature on Tuesday", False),
    ("Today we launched Relay Flags, a feature-flag service for small teams", True),
    ("Launch week, day 3: we shipped the Relay AI feature to all users", True),
    ("We launched our iOS app last week", True),
    ("Relay released a statement on the outage", False),
    ("Relay released its Q3 results on Thursday", False),
    ("Relay put out a short teaser of the new app", False),
    ("Relay released Relay Studio, a visual editor for syncs", True),
])
def test_a_look_back_or_one_feature_is_no_launch(make_message: MakeMessage, text: str,
                                                 launched: bool) -> None:
    events = read(make_message, text, company="relay", aliases=("Relay",))
    assert bool([e for e in events if e.event_type is T.PRODUCT_LAUNCH]) is launched


# Launch wordings of chat and headlines: a description after the product, a release label, an
# app in a store, a product opened to the public, landed, the switch flipped.
@pytest.mark.parametrize(("text", "title"), [
    ("Relay launches Relay Cloud, a hosted version of its sync engine", "Launched Relay Cloud"),
    ("New release: Relay 4.0 brings offline sync", "Launched Relay 4.0"),
    ("Our mobile app just hit the App Store \U0001f389", "Launched mobile app on the App Store"),
    ("We've opened Relay Cloud to the public", "Launched Relay Cloud"),
    ("Relay 3.0 has landed!", "Launched Relay 3.0"),
    ("We flipped the switch on Relay Cloud for all customers today", "Launched Relay Cloud"),
])
def test_a_chat_or_headline_launch(make_message: MakeMessage, text: str, title: str) -> None:
    events = read(make_message, text, company="relay", aliases=("Relay",))
    assert [e.title for e in events if e.event_type is T.PRODUCT_LAUNCH] == [title]


@pytest.mark.parametrize("text", [
    "New release: Relay 4.0.2 fixes a crash on start",  # a patch
    "Our mobile app will hit the App Store next month",
    "We opened the office to the public for our open day",
    "The package has landed at the warehouse",
    "Globex has landed a $2M deal",
    "We flipped the switch on the new office lights",
])
def test_a_chat_or_headline_look_alike(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text, company="relay", aliases=("Relay",))
    assert [e.title for e in events if e.event_type is T.PRODUCT_LAUNCH] == []

