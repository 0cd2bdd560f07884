"""Launch forms (launchforms.py), by family: each family in several registers (team chat, a
founder's update mail, a release note or changelog heading, a press-style line, a community
channel), beside its look-alikes. Every text is hand-written, and the families were written
before the dev corpus was read for this round; the company is "Acme" and its products carry
names the extractor cannot know (Beacon, Ledger, Quill)."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules import launchforms
from signalpipe.extract.rules.found import Found
from signalpipe.models import EventType, Polarity, Source
from tests.unit.rules_read import MakeMessage, read

T = EventType


def launches(make_message: MakeMessage, text: str, *, company: str = "acme",
             aliases: tuple[str, ...] = ("Acme",), source: Source = Source.SLACK,
             subject: str | None = None) -> list[str]:
    events = read(make_message, text, company=company, aliases=aliases, source=source,
                  subject=subject)
    return [e.title for e in events
            if e.event_type is T.PRODUCT_LAUNCH and e.polarity is Polarity.POSITIVE]


# A message and the launch title it must give (families new in launchforms.py).
FORMS = [
    # a numbered version arrived: chat, changelog heading, update mail
    ("Beacon 2 is here: faster checks, a new status page and SMS alerts.", "Launched Beacon 2"),
    ("Hey all, Ledger 4.0 just dropped 🚀", "Launched Ledger 4.0"),
    ("## Acme CLI 2.0 is here\nA rewrite of the whole thing.", "Launched Acme CLI 2.0"),
    # a product introduced by what it is to us: chat, heading, update mail
    ("Meet Beacon, our new uptime monitoring tool.", "Launched Beacon"),
    ("Meet Acme Copilot: an AI assistant that writes your replies.", "Launched Acme Copilot"),
    ("Say hello to Acme Go — our brand new mobile app for field teams.", "Launched Acme Go"),
    # out of beta: release note, chat, update mail
    ("Beacon has graduated from beta and is available on all plans.", "Launched Beacon"),
    ("We've taken Acme Sync out of beta.", "Acme Sync out of beta"),
    ("Beacon exits beta today and is now available to every team.", "Launched Beacon"),
    # opened to everyone, the waitlist gone: chat, announcement, update mail
    ("Beacon is now open to everyone, no invite needed.", "Launched Beacon"),
    ("The waitlist is gone: anyone can sign up for Beacon today.", "Beacon opened to everyone"),
    ("We removed the waitlist for Acme Sync; anyone can sign up now.",
     "Acme Sync opened to everyone"),
    ("No more waitlist! Beacon is open to all.", "Beacon opened to everyone"),
    ("Beacon is now open to the public after a year of private beta.", "Launched Beacon"),
    # in an app store: chat, press line
    ("Acme for Android is now live in the Play Store.",
     "Launched Acme for Android on the Play Store"),
    ("Acme lands in the App Store today", "Launched Acme on the App Store"),
    ("Beacon just landed in the App Store 🎉", "Launched Beacon on the App Store"),
    # made open source
    ("We've just made Beacon open source on GitHub.", "Open-sourced Beacon"),
    # a changelog heading that names a new product
    ("## New product: Acme Forms\nBuild forms and collect answers in minutes.",
     "Launched Acme Forms"),
    ("### New app: Beacon Mobile\nTrack uptime from your phone.", "Launched Beacon Mobile"),
    ("**New:** Acme Forms, a form builder for your workspace", "Launched Acme Forms"),
    # rebuilt from scratch and out
    ("We've rebuilt Beacon from scratch: Beacon 2 is faster and live today.",
     "Relaunched Beacon, rebuilt from scratch"),
    ("Acme Studio has been rebuilt from the ground up and ships today as Studio 2.",
     "Relaunched Acme Studio, rebuilt from the ground up"),
    # a release the team celebrates in chat
    ("Congrats to us all on Beacon 2.0 release day!", "Released Beacon 2.0"),
    ("Huge congrats to everyone on 3.0, great to get it out the door last week!",
     "Released version 3.0"),
    ("Congrats team on shipping Ledger 2.0 🎉", "Released Ledger 2.0"),
    ("We got Ledger 3.0 out the door on Friday!", "Released Ledger 3.0"),
]


@pytest.mark.parametrize(("text", "title"), FORMS)
def test_a_launch_form_gives_one_launch(make_message: MakeMessage, text: str,
                                        title: str) -> None:
    assert launches(make_message, text) == [title]


# Forms the other readers already knew: still one launch each beside the new readers.
KEPT = [
    "Acme Flow 2.0 is here 🎉",
    "Flow 2.0 has arrived! Grab it from the downloads page.",
    "Introducing Ledger, our new expense tracking app for small teams.",
    "Hey everyone! Introducing Beacon \u2013 our new uptime monitor, live for all workspaces "
    "today.",
    "Say hello to Ledger, our new expense app 👋",
    "Acme Sync is now generally available.",
    "After six months in beta, Acme Edge is GA today.",
    "Acme Sync is officially out of beta!",
    "Acme Forms is now open to the public.",
    "Our iPhone app went live on the App Store this week.",
    "We open-sourced Beacon today (MIT licence).",
    "🚀 New: Acme Reports is now live for all teams",
    "We rewrote the Acme desktop app from scratch and the new version is out now.",
    "We just went live with Acme Checkout for all merchants",
    # beside the vetoes: our name, first person, a day gone by
    "FYI: Acme Sync is now generally available",
    "Heads up team, we just shipped Beacon 2.0 to everyone",
    "We launched Beacon on Monday and 300 teams signed up.",
    "Relay v9.0-beta is out, with offline sync for every plan.",
]


@pytest.mark.parametrize("text", KEPT)
def test_known_launch_forms_stay_launches(make_message: MakeMessage, text: str) -> None:
    assert len(launches(make_message, text)) == 1


# Look-alikes of each family above: no launch.
LOOK_ALIKES = [
    # a numbered part, not a product
    "Day 2 is here, see you at the booth!",
    "Issue 42 is here: five links on pricing pages.",
    "Season 3 just dropped on our podcast feed.",
    # a person or a team met
    "Meet Sarah, our new designer.",
    "Say hello to Marco, our new support lead 👋",
    "Meet the team behind Beacon at booth 12.",
    "Meet Ashby, our new hiring tool.",
    # beta: not yet, or no beta at all
    "Beacon is still in beta.",
    "We hope to take Beacon out of beta next quarter.",
    "Acme graduated from Y Combinator's W24 batch.",
    # open to everyone: a place, an event, a waitlist still there
    "Our office is now open to everyone on Fridays.",
    "The hackathon is open to all employees.",
    "Hacktoberfest is open to everyone, whether you are new to open source or not.",
    "The waitlist for Beacon is now 4,000 people long.",
    "Join the waitlist for Beacon today!",
    "Registration for the meetup is now open to everyone.",
    "Stripe removed the waitlist for Stripe Capital.",
    # app stores: an update, a review, a rejection
    "Our app update is live on the App Store.",
    "We submitted Beacon to the App Store for review.",
    "Beacon was rejected from the App Store again.",
    # open source: planned, or someone else's
    "We made the decision to open source Quill next year.",
    "Stripe made their SDK open source last week.",
    # headings that name no product
    "## New contributors\nThanks to @jo and @kim for their first PRs.",
    "**New:** bulk delete in the inbox",
    "New hire: Sarah Lee, our new designer.",
    # rebuilt, but not out
    "We're rebuilding Beacon from scratch, expect v2 in the spring.",
    "We rebuilt the billing page from scratch.",
    # someone else's release celebrated, or no release
    "Congrats to the Globex team on their 2.0 launch!",
    "Congrats to Sarah on her promotion",
    "congrats everyone on a great offsite",
    "Let's get 3.0 out the door by Friday",
    "Congrats everyone on 2.3.1, the crash is gone",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_a_look_alike_gives_no_launch(make_message: MakeMessage, text: str) -> None:
    assert launches(make_message, text) == []


# What the veto drops, whichever reader made the reading (launchforms.veto).
VETOED = [
    # a numbered pre-release, a build for testers
    "Acme 3.0 alpha 2 is available for early testers",
    "v2.0.0-beta.3 is out, please test and report issues",
    "Beacon 2.0 beta 4 is out now.",
    # our own tooling
    "New Grafana dashboards for on-call are live",
    "Launched our new hiring pipeline in Ashby",
    "We rolled out the new Beacon runbook dashboards for the support team",
    # someone else's release passed on in chat
    "Just saw that Notion 3.0 is out",
    "TIL Cloudflare has a new queue product, it's GA now",
    "Supabase 2.0 is here, nice",
    "Heads up: Node 24 is now generally available.",
    "Postgres 18 is now generally available.",
    # a launch set for a day to come
    "We're launching Beacon on Product Hunt next Tuesday",
    "Quill goes live in two weeks, fingers crossed.",
    "Shipping Ledger 2.0 to all customers tomorrow!",
]


@pytest.mark.parametrize("text", VETOED)
def test_no_launch_of_ours_is_vetoed(make_message: MakeMessage, text: str) -> None:
    assert launches(make_message, text) == []


# Launch words for what is no product of ours (launchforms.veto, second set): a community space,
# a launch told as backstory, our own news announced, a channel of ours, an offer, a delay that
# may come. Written before the dev corpus's false launches were read for them.
NO_PRODUCT = [
    "We just launched our community Slack, come say hi!",
    "We launched a Beacon subreddit this week.",
    "Launching our Discord server for Beacon users",
    "This is a necessity for the Status Page project that we launched.",
    "Customers love the Beacon app that we launched in March.",
    "It was still a thing in Beacon by the time we released 3.0.",
    "We're proud to announce our inclusion on the Inc. 5000 list.",
    "Pleased to announce the relocation of our HQ to Denver.",
    "We're excited to announce a new feature on the Acme Blog: AI-powered search.",
    "Introducing our Black Friday deal: 3 months free",
    "Introducing Acme Training Days in London this June",
    "Announcing the Beacon Workshop at the Berlin office on 3 May",
    "Globex went live with their new checkout, built on Beacon.",
    "Big day for Initech: they launched their new app on our platform",
    "We launched a 50% discount for students",
]


@pytest.mark.parametrize("text", NO_PRODUCT)
def test_launch_words_for_no_product_give_no_launch(make_message: MakeMessage,
                                                    text: str) -> None:
    assert launches(make_message, text) == []


# Their look-alikes stay launches: a product for a chat tool, a launch told today, a list's
# heading, a glad announcement of a product, a launch with a discount.
STILL_LAUNCHES = [
    "We launched Slack notifications for Beacon alerts.",
    "Launched our Discord bot for uptime alerts.",
    "This is the Beacon app that we launched today!",
    "The big news is that we launched Beacon Pages, which provides static hosting.",
    "Proud to announce Beacon 2.0, our biggest release yet",
    "Excited to announce the launch of Ledger for iOS",
    "We launched Beacon today with a 20% launch discount for early users.",
    "We are excited to introduce our new RxJS Master Class!",
    "We launched our new customer portal today.",
    "We launched Beacon for our customers in Canada.",
]


def test_a_class_held_in_a_city_is_no_launch(make_message: MakeMessage) -> None:
    titles = launches(make_message, "We are running our first class in Freiburg on 3 May.",
                      source=Source.GMAIL, subject="Announcing Angular Master Class in Freiburg")
    assert titles == []


@pytest.mark.parametrize("text", STILL_LAUNCHES)
def test_their_look_alikes_stay_launches(make_message: MakeMessage, text: str) -> None:
    assert len(launches(make_message, text)) == 1


MAY_DELAY = [
    ("Both issues have the potential to delay our launch.", 0),
    ("This bug could delay our release.", 0),
    ("The launch was delayed to March.", 1),
    ("We've pushed back the Beacon 2.0 release by two weeks.", 1),
]


@pytest.mark.parametrize(("text", "lowlights"), MAY_DELAY)
def test_a_delay_that_may_come_is_no_lowlight(make_message: MakeMessage, text: str,
                                              lowlights: int) -> None:
    events = read(make_message, text)
    assert len([e for e in events if e.event_type is T.PRODUCT_LAUNCH
                and e.polarity is Polarity.NEGATIVE]) == lowlights


def test_the_veto_names_its_reason() -> None:
    found = Found(T.PRODUCT_LAUNCH, {"product": "acme 3.0"}, "Launched Acme 3.0", 0)
    clause = "Acme 3.0 alpha 2 is available for early testers"
    assert launchforms.veto(found, clause, clause, None) == \
        "a pre-release build (alpha 2), not a launch"
    lowlight = Found(T.PRODUCT_LAUNCH, {"delayed": "launch"}, "Launch delayed", 0, negative=True)
    assert launchforms.veto(lowlight, clause, clause, None) is None


def test_the_company_s_own_tool_is_no_tooling(make_message: MakeMessage) -> None:
    # at Linear, a view live "in Linear" is the product; at Acme it is the team's tooling
    text = "Triage Intelligence is now live in Linear for every workspace."
    assert launches(make_message, text, company="linear", aliases=("Linear",)) != []
    assert launches(make_message, text) == []


def test_a_headline_form_reads_in_mail(make_message: MakeMessage) -> None:
    titles = launches(make_message, "It is faster, and it is free for teams of three.",
                      source=Source.GMAIL, subject="Meet Beacon, our new uptime monitor app")
    assert titles == ["Launched Beacon"]
