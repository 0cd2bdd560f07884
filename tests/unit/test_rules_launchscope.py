"""The rules extractor on launch words used for less than a product of ours (launchscope.py).

Every text is hand-written, in the registers launches are told in (team Slack, a founder's
update email, a press release headline, a release note, a community chat), one family at a
time, beside the launches in the same registers that must still be read. Each look-alike below
was read as a product launch before launchscope.py."""

from __future__ import annotations

import re

import pytest

from signalpipe.extract.rules.found import Found
from signalpipe.extract.rules.launchscope import veto
from signalpipe.extract.rules.subject import aliases_pattern
from signalpipe.models import EventType, Polarity, Source
from tests.unit.rules_read import MakeMessage, read

LAUNCH = EventType.PRODUCT_LAUNCH

# an initiative, a process, a programme, money, a promotion, an event, a page or a document
NO_PRODUCT = [
    "We launched an initiative to figure out SEO.",
    "Also this week we kicked off an effort to clean up our onboarding emails.",
    "Acme launches $5M fund to support developers building on open data",
    "Acme Launches New Initiative To Support Women In Tech",
    "We launched a new onboarding email sequence.",
    "Launched a customer referral programme last week, 40 sign-ups so far.",
    "Early-bird discount is now live for AcmeConf!",
    "We are pleased to announce a brand new [Privacy Policy and Terms of Use]"
    "(https://acme.io/privacy).",
    "Acme launches accelerator program for climate startups",
    "We launched our Series A announcement today on TechCrunch.",
    "Acme unveils new leadership structure",
]

# a feature nobody names (a named feature is left to the launch readers: the corpus labels
# "two new fields for custom modules" and "Multi-Factor Authentication is Here" as launches)
UNNAMED_FEATURE = [
    "Today we're launching a new cool feature.",
    "We shipped two new features this week.",
    "Acme launches new features to help retailers manage inventory",
    "we released some new features last week",
]

# a part of a larger thing, told as released
PART = [
    "We shipped the first version of New Reader Orientation, a crucial portion of the larger "
    "New Reader Experience.",
    "Today we released the importer, the first piece of the larger migration toolkit.",
    "Phase one of the migration is live.",
    "Part 1 of the new editor is out.",
    "Season 3 of the leaderboard just launched",
]

# a build for a few testers, internal tooling
SMALL_BETA = [
    "Shipped a TestFlight build to our alpha testers.",
    "We shipped an MVP of the reporting tool to our first pilot customer.",
    "We released a beta of the Slack integration to our 5 design partners.",
    "Rolled out the new CI pipeline to all repos.",
]

# a platform everyone builds on, its release passed on in chat
PLATFORM = [
    "FYI Postgres 17 was released yesterday",
]

# a member's or another team's release, in a community's chat
COMMUNITY = [
    "[ANN] Foo.jl v1.0 is out",
    "Happy to announce v1.0 of my library, TinyCSV!",
    "I released version 2.0 of my package Plots.jl today",
    "DataFrames.jl 1.6 is out with a new join API",
    "Hi, I'm excited to announce the release of JET.jl, a type-level code analyzer.",
    "We (the SciML team) just released DifferentialEquations 8.0",
    "Our startup just launched Zaply, a calendar app built on Acme!",
    "Shameless plug: I just launched Zapform, a form builder for Acme users",
    "PSA: version 1.2 of the community plugin is out",
    "Check out my new project Zapform, just released!",
]

# a person introduced, read as the product
PERSON = [
    "Last month I introduced Jane Doe, who will be working with us on the API.",
    "We're excited to introduce Maria Chen, who is leading our EU expansion.",
]

# a feature opened to an audience, whose name the readers took for the product; a version of
# a feature
FEATURE_SCOPE = [
    "Just rolled out bulk editing for all Pro users",
    "We launched v2 of the onboarding flow which lifted activation 12%.",
]

# the same registers, stating a launch of ours
STILL_LAUNCHES = [
    "Today we're launching Acme Pay, a new way for small shops to take payments.",
    "Acme 2.0 is out!",
    "Acme Cloud is now generally available.",
    "We launched our iOS app today 🎉",
    "Acme Studio enters public beta.",
    "We open-sourced Relay, our sync engine.",
    "Acme announces general availability of Acme Vault.",
    "Acme launches Acme Health, a new product line for clinics.",
    "Acme unveils the X200, its first electric scooter.",
    "Big news: the Acme API is now publicly available.",
    "📣 Relay CLI v2.3.0 is out",
    "We launched Acme Insights, our new analytics product, today.",
    "Our Android app is now live on Google Play.",
    "Acme today announced the launch of Acme Connect, a platform for field teams.",
    "We shipped the first version of Acme Notes today.",
    "Acme Fund Manager, a portfolio tool for family offices, launches today.",
    "We just released two new fields for custom modules: a Link field and a URL field.",
    "Acme.js 3.0 is out!",
    "Acme Cloud public beta opens today for everyone.",
    "We're launching Acme for Teams, our new product for companies.",
    "Readup is now available on Firefox!",
    "We shipped our new Deno runtime!",
    "Introducing Acme Pay, which lets shops take payments in seconds.",
    "Acme Cloud opens its private beta to the first 50 teams",
]


def _launches(make_message: MakeMessage, text: str) -> list[str]:
    return [e.title for e in read(make_message, text)
            if e.event_type is LAUNCH and e.polarity is not Polarity.NEGATIVE]


@pytest.mark.parametrize("text", NO_PRODUCT + UNNAMED_FEATURE + PART + SMALL_BETA + PLATFORM
                         + COMMUNITY + PERSON + FEATURE_SCOPE)
def test_launch_words_for_less_than_a_product_of_ours_are_no_launch(make_message: MakeMessage,
                                                                    text: str) -> None:
    assert _launches(make_message, text) == []


@pytest.mark.parametrize("text", STILL_LAUNCHES)
def test_a_launch_of_ours_in_the_same_register_is_still_read(make_message: MakeMessage,
                                                            text: str) -> None:
    assert len(_launches(make_message, text)) == 1


_ACME = aliases_pattern(["Acme"])


def _found(product: str = "") -> Found:
    return Found(LAUNCH, {"product": product} if product else {}, "Launched", 0)


@pytest.mark.parametrize(("clause", "product", "reason"), [
    ("We launched an initiative to figure out SEO.", "seo", "no product launched (initiative)"),
    ("Today we're launching a new cool feature.", "", "a feature nobody names"),
    ("Phase one of the migration is live.", "phase", "a phase or part"),
    ("Shipped a TestFlight build to our alpha testers.", "testflight", "a small beta"),
    ("[ANN] Foo.jl v1.0 is out", "foo.jl v1.0", "a member's own release"),
    ("DataFrames.jl 1.6 is out", "dataframes.jl 1.6", "a community package released"),
    ("We (the SciML team) just released DifferentialEquations 8.0", "sciml 8.0",
     "another team's release (SciML)"),
    ("Just rolled out bulk editing for all Pro users", "pro", "a feature opened to Pro users"),
    ("We launched v2 of the onboarding flow", "v2", "a new version of a feature"),
    ("Rolled out the new CI pipeline to all repos.", "ci", "no product launched (ci pipeline)"),
    ("We released the importer, the first piece of the larger migration toolkit.", "importer",
     "a part of a larger product"),
    ("FYI Postgres 17 was released yesterday", "postgres", "a release of postgres"),
])
def test_the_veto_names_its_family(clause: str, product: str, reason: str) -> None:
    why = veto(_found(product), clause, clause, _ACME)
    assert why is not None and why.startswith(reason), why


@pytest.mark.parametrize(("clause", "product"), [
    ("Acme.js 3.0 is out!", "acme.js 3.0"),
    ("We (the Acme team) just released Relay 8.0", "relay 8.0"),
    ("Acme Studio enters public beta for everyone.", "acme studio"),
    ("I've launched a new TinyPilot product and debuted a new logo.", "tinypilot"),
    ("Acme launches Acme Forum, a community platform for brands.", "acme forum"),
    ("Readup is now available on Firefox!", "firefox"),
    ("Announcing Readup on Android", "android"),
    ("We launched our iOS app today", "ios"),
    ("Acme Now Supports React 19 - Faster Editing", "react"),
    ("just shipped v2 of the dashboard", "v2"),
    ("Today, we are shipping a new system for webhooks, as part of our larger beta plans.",
     "system"),
])
def test_the_veto_leaves_our_launches(clause: str, product: str) -> None:
    assert veto(_found(product), clause, clause, _ACME) is None


def test_the_veto_reads_launches_only() -> None:
    hire = Found(EventType.HIRING, {}, "Hired", 0)
    assert veto(hire, "We launched an initiative to hire", "", _ACME) is None
    setback = Found(LAUNCH, {"setback": "delayed"}, "Delayed", 0, negative=True)
    assert veto(setback, "Phase one of the migration is live.", "", _ACME) is None
    assert veto(_found("x"), "We launched an initiative.", "", None) is not None


def test_patterns_are_compiled_once() -> None:
    # the re module's cache is full: every pattern of the module is compiled at import
    from signalpipe.extract.rules import launchscope
    compiled = [v for v in vars(launchscope).values() if isinstance(v, re.Pattern)]
    assert len(compiled) >= 10


@pytest.mark.parametrize(("subject", "launch"), [
    ("Launched: our new referral programme", False),
    ("[ANN] Foo.jl v1.0 released", False),
    ("Acme 2.0 is out", True),
])
def test_a_subject_line_is_judged_as_its_body_would_be(make_message: MakeMessage, subject: str,
                                                       launch: bool) -> None:
    body = "Hi all, a short note this week. Thanks for reading."
    events = read(make_message, body, source=Source.GMAIL, subject=subject)
    assert [e.event_type for e in events if e.polarity is not Polarity.NEGATIVE] == (
        [LAUNCH] if launch else []), events


@pytest.mark.parametrize("text", ["The Billing Service is live in production",
                                  "Postgres 16 went live in production",
                                  "the new queue workers are now live in prod"])
def test_a_deploy_to_production_is_no_launch(make_message: MakeMessage, text: str) -> None:
    assert [e for e in read(make_message, text)
            if e.event_type == EventType.PRODUCT_LAUNCH] == []


def test_live_in_production_for_customers_is_a_launch(make_message: MakeMessage) -> None:
    events = read(make_message, "Acme Pay is live in production for all customers")
    assert [(e.event_type, e.title) for e in events] == [
        (EventType.PRODUCT_LAUNCH, "Launched Acme Pay")]
