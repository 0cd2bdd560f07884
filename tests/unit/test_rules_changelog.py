"""The rules extractor on changelogs and release chatter (changelog.py): release posts that
state a launch without a launch verb, beside changelog feature notes, fix builds and talk about
a release that are no launch of ours. Each family is written in several styles (a Slack post in
#announcements, a GitHub release body, an email to customers, a press headline, a tweet), each
beside look-alikes that share its words."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType
from tests.unit.rules_read import MakeMessage, read

T = EventType

LAUNCHES = [
    # a heading: product and release version above its notes, no verb
    ("Acme Agent v2.0.0 https://github.com/acme/agent/releases/tag/v2.0.0 new: streaming "
     "uploads, support for ARM boards", "Launched Acme Agent v2.0.0"),
    ("Acme CLI 3.4.0 - added support for workspaces, new login flow",
     "Launched Acme CLI v3.4.0"),
    ("Acme Firmware v1.9.0 Companion Firmware nRF boards: new ExtraFS support",
     "Launched Acme Firmware v1.9.0"),
    # a version said to be out or ready, its link after the colon
    ("📣 Acme Desktop v5.0 is now out: https://acme.dev/download", "Launched Acme Desktop v5.0"),
    ("Acme SDK 2.0 is now ready to download.", "Launched Acme SDK v2.0"),
    ("OK, Acme firmware v9.0 now ready: https://acme.dev/e/361676",
     "Launched Acme firmware v9.0"),
    # a pre-release of a major version published
    ("We just released a public beta version of the upcoming 3.0 release.",
     "Launched version 3.0 beta"),
    # open-sourced, in a headline's words or a founder's
    ("Acme open-sources its query planner", "Open-sourced query planner"),
    ("We're open-sourcing our Rust SDK today.", "Open-sourced Rust SDK"),
    # "now supports" said of the product by its name, with a major version or an integration
    ("Acme 2.0 now supports twelve databases.", "Launched Acme 2.0"),
    # an SDK that is a product of its own, a product described as a new way
    ("Acme Storage SDK is now generally available.", "Launched Acme Storage SDK"),
    ("Today we're shipping Acme Flows, a new way to build pipelines.", "Launched Acme Flows"),
    # the teaching in a relative clause does not undo the launch before it
    ("Introducing Acme Learn, which introduces developers to Rust.", "Launched Acme Learn"),
    ("Today we released Acme Search, our new code search engine.", "Launched Acme Search"),
    # launch wordings with no launch verb: out of beta, open to all, shipping, greeted, marked
    ("Acme Vault has graduated from beta and is ready for production.", "Launched Acme Vault"),
    ("Acme Vault exits beta today.", "Launched Acme Vault"),
    ("Acme Relay 3.0 ships today.", "Launched Acme Relay 3.0"),
    ("We're live! Acme Cloud is now open to everyone.", "Launched Acme Cloud"),
    ("Sign-ups for Acme Cloud are now open to everyone.", "Launched Acme Cloud"),
    ("Say hello to Acme Relay, our new API gateway.", "Launched Acme Relay"),
    ("Today marks the launch of Acme Relay.", "Launched Acme Relay"),
    # a wire's date between "announced" and the launch
    ("Acme announced today the launch of its AI-powered virtual assistant, Ava, which helps "
     "teams.", "Launched Ava"),
    ("Acme announced today the general availability of Acme Vault.", "Launched Acme Vault"),
    ("BOISE -- Acme announced this week the launch of its new mobile app.",
     "Launched mobile app"),
    ("We just shipped a new AI SDK", "Launched AI SDK"),
    ("Today we're excited: you can now run Acme Server on your own machines.",
     "Launched Acme Server"),
    # a new platform supported is a launch however it is said, titled by the platform
    ("We are EXCITED to announce that our installer now supports Linux!",
     "Launched installer for Linux"),
    ("Acme Sync now supports Android.", "Launched Acme Sync for Android"),
    ("The Acme desktop app now supports Apple Silicon.",
     "Launched Acme desktop app for Apple Silicon"),
    ("We launched Acme Pay to 3,000 merchants in Europe.", "Launched Acme Pay"),
    ("Acme 2.0 is out with support for 12 databases.", "Launched Acme 2.0"),
    ("Acme unveils the Acme X1 SUV built in our new plant.", "Launched Acme X1 SUV"),
    ("Acme on Android now supports G-series Mali GPUs",
     "Launched Acme on Android for G-series Mali GPUs"),
    # available with an adverb between, in a blog and in an email to customers
    ("This project is now publicly available as [TinaDocs,](https://acme.dev/docs) a starter.",
     "Launched TinaDocs"),
    ("Hi all, Acme Maps is now widely available to every driver.", "Launched Acme Maps"),
    # news told as news the reader may have seen ("as you may have heard"), no rumour
    ("As you may have heard, we launched version 2.0 of Acme Sign on GitHub recently.",
     "Launched Acme Sign 2.0"),
    ("As some of you might have seen, Acme Cloud is now generally available.",
     "Launched Acme Cloud"),
]


@pytest.mark.parametrize(("text", "title"), LAUNCHES)
def test_release_posts_without_a_launch_verb_are_launches(make_message: MakeMessage,
                                                          text: str, title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [(T.PRODUCT_LAUNCH, title)], text


def test_a_version_made_official_takes_its_name_from_the_headline(
        make_message: MakeMessage) -> None:
    text = ("After polishing Acme V2 for more than two months, we are happy to make it "
            "official now.")
    events = read(make_message, text, subject="Stories Behind Acme V2")
    assert [e.title for e in events] == ["Launched Acme v2"]


@pytest.mark.parametrize(("subject", "text"), [
    ("Re: Acme 2 roadmap", "It's official: we're hiring a Head of Sales!"),
    ("Acme 3 planning", "We are happy to make it official now."),
    ("Team offsite 2", "It's official, the offsite is in Lisbon."),
])
def test_made_official_is_no_release_under_a_plan_or_before_other_news(
        make_message: MakeMessage, subject: str, text: str) -> None:
    events = read(make_message, text, subject=subject)
    assert [e for e in events if e.event_type is T.PRODUCT_LAUNCH] == [], (subject, text)


def test_an_alpha_of_a_major_version_is_named_by_its_headline(make_message: MakeMessage) -> None:
    text = "We've just published an alpha version for the upcoming 6.0 major release."
    events = read(make_message, text, subject="Acme version 6.0 alpha")
    assert [e.title for e in events] == ["Launched Acme 6.0 alpha"]


def test_our_product_now_supporting_what_its_post_is_about_is_a_launch(
        make_message: MakeMessage) -> None:
    events = read(make_message, "Acme now supports object notifications!",
                  subject="How we built object notifications in Acme")
    assert [e.event_type for e in events] == [T.PRODUCT_LAUNCH]
    # the same line in a changelog that is about something else is a feature note
    assert read(make_message, "Acme now supports object notifications!",
                subject="Changelog: week 12") == []


NOT_LAUNCHES = [
    # a part of a product that "now supports" something, or support for another's release
    "In-product search now supports prefix matching and unicode tokenization.",
    "[Preview deployments](/deploy/preview) now support password-protection.",
    "Status pages now support multiple languages out of the box.",
    "Dashboards now support dark mode.",
    "The Zapier connector now supports multi-step zaps.",
    "Acme now supports recent releases of the S3 SDK",
    "Acme now supports the latest versions of Node.js.",
    "Our CLI now supports the new releases of Terraform.",
    "Acme Insights now supports CSV export.",
    # a feature opened to a plan or shown beside others
    "Acme auth on Starter: managed authentication is now available on the Starter plan.",
    "Audit logs are now available on the Enterprise plan.",
    "SSO is now available to all customers on the Business tier.",
    "Custom domains are now available for Pro workspaces.",
    "SQL Review is now available via both GitHub Action and GitHub App.",
    # knobs and pictures added
    "Introduced RateLimit and Parallelism controls to manage the rate of processing.",
    "Introduced retry and timeout options for webhooks.",
    "Brand icons in icon picker: Brand icons are now available alongside the icon library.",
    "Country flags are now available in the picker.",
    "WIN: Launched app themes",
    "Enhancing Document Signing: Introducing 5 New Advanced Fields",
    # a fix build
    "Newly fixed Acme V4 Expansion Kit firmware now available:",
    "Fixed firmware for the T-Beam is now available.",
    "Bug-fix build 2.3.1 is out.",
    # release talk in chat: hearsay, a release to come, a release referred to, a delivery
    "Released on the 26th or 27th, I believe.",
    "I think v3 was released in March, not sure.",
    "Spinal Tap 2 is out in September",
    "Their new album is out in October.",
    "The new iPhone will be available from September.",
    "I have 2x T1000-E units that seem bricked by upgrading to the released Bootloader.",
    "After upgrading to the released firmware my node keeps rebooting.",
    "The newly released Raspberry Pi 5 works great with it.",
    "1.16 is the first release",
    "2.4 is the first release with ARM builds.",
    "OMG guys my first Lora device has arrived!",
    "Our dev kits have finally arrived!",
    "my order has arrived, time to flash it",
    # point releases, app-store updates and plans with the release words
    "v8.1 now ready: https://acme.dev/e/361676",
    "Acme firmware ver 8.2 now ready:",
    "Acme CLI 2.3.1 https://github.com/acme/cli/releases/tag/v2.3.1 fixed crash on start",
    "Acme App v1.30.0 added map tab, new button to remove contacts",
    "We will release v3.0 next week.",
    "Acme 3.0 will be available next month.",
    "Should we open-source our SDK?",
    "Google open-sources its TPU compiler",
    # an endpoint told in an appositive; a client library for one language or framework
    "Today we're shipping fork — a single API call that branches a stream at any point.",
    "New in the API: snapshots, a new endpoint for point-in-time copies, is live.",
    "The Acme PHP SDK is now available.",
    "We are introducing a new SDK for Next.js.",
    "We launched the Python client library today.",
    # teaching, research released, the company's materials open-sourced
    "Just in time for Work Day, the book introduces kids to basic concepts of software.",
    "The course introduces developers to Rust in five lessons.",
    "Acme, the leader in code search, today released new data identifying big code.",
    "We released our annual State of Code report.",
    "Today, we are open sourcing our design system, crafted by our designer.",
    "We open-sourced our company handbook.",
    # the same words for communities, sign-ups, someone else's product, a book or an office
    "Our Discord is now open to everyone.",
    "The Acme beta program is now open to all.",
    "Applications are now open to all.",
    "Figma's Dev Mode exits beta today.",
    "Their app exits beta today.",
    "Jane left the beta team.",
    "This release marks the end of the beta.",
    "Today marks the launch of our new podcast.",
    "Celebrating the launch of our Berlin office!",
    "To celebrate the release of Sticks N Stones, written by Ted Enik, we read it aloud.",
    "What ships today is a fix.",
    "Acme announced today the release of its annual report.",
    "Globex announced today the launch of its new app.",
    # "you can now" in a changelog, an app-store update, a mode, another's product supporting ours
    "New in Acme: you can now export dashboards to PDF.",
    "Using a new CLI plugin, you can now mine a greater range of logs.",
    "Our app update is live on the App Store.",
    "The latest update is now available in Google Play.",
    "Dark mode is now available in the mobile app.",
    "Chrome 120 now supports the Acme extension.",
    # someone else shipped it; another vendor's tool made available on our machines
    "Vercel just shipped a new AI SDK",
    "Heads up: Globex shipped a new version of their API this morning.",
    "Node 22 is now available on our CI runners.",
    "Postgres 17 is now available on all of our build machines.",
    # a version heading that names a topic: a plan, a guide, a thread, known issues
    "Acme 2.0 planning doc - new ideas welcome",
    "Acme 2.0 beta feedback thread: new bugs here",
    "Acme 2.0 migration guide: new config keys explained",
    "Acme 2.0 known issues: new installs fail on Windows",
    "Acme 2.0 - roadmap and new ideas",
    "Our CLI now supports Windows 11 builds.",
    # shown, not released: concepts, teasers, a vision, a production line
    "Acme unveils four NEV concepts at Beijing motor show",
    "Today at Auto China, Acme unveiled four new energy vehicle (NEV) concept cars.",
    "Acme today unveiled the first official teaser images of its new EV: INSTER.",
    "Acme unveils corporate vision, announces mid-to-long-term business strategies",
    "Acme unveils demonstration production line for all-solid-state batteries in Japan",
    "Acme now supports new devices",
    # a release to a counted few
    "We launched in beta with 5 customers.",
    "We rolled out the new editor to a handful of design partners.",
    "We shipped Acme Flows to our first 20 users.",
    # a pre-release kept to a few or of no product; out of beta only later
    "We published a beta version of the 2.0 docs.",
    "We released an alpha build for the upcoming 3.0 to 10 design partners.",
    "We shipped a private beta build of the upcoming 2.0 to select customers.",
    "Acme Vault exits beta next month.",
    "Acme Vault will exit beta in March.",
    "Say hello to Jane, our new office manager.",
    # papers made public; a release that may have happened
    "Acme's SOC 3 report is now publicly available via the Customer Assurance Package.",
    "Our docs are now publicly available.",
    "They may have launched a new app.",
    "Acme may have launched Acme 2.0, I heard.",
]


@pytest.mark.parametrize("text", NOT_LAUNCHES)
def test_changelog_notes_and_release_talk_are_no_launches(make_message: MakeMessage,
                                                          text: str) -> None:
    events = [e for e in read(make_message, text) if e.event_type is T.PRODUCT_LAUNCH]
    assert events == [], (text, [e.title for e in events])


@pytest.mark.parametrize("source_style", [
    # the same release told in an email to customers, a press release and a tweet
    "Hi all, Acme Sync v3.0 is now out: https://acme.dev/sync. Thanks for your patience!",
    "SAN FRANCISCO -- Acme open-sources its sync engine to speed up offline-first apps.",
    "🚀 Acme CLI 4.0.0 https://github.com/acme/cli/releases/tag/v4.0.0 new: plugins, faster "
    "installs",
])
def test_one_family_reads_in_every_register(make_message: MakeMessage, source_style: str) -> None:
    events = read(make_message, source_style)
    assert [e.event_type for e in events] == [T.PRODUCT_LAUNCH], source_style


@pytest.mark.parametrize(("text", "title"), [
    # a product whose name opens on a research word is still a product
    ("Acme today released Data Studio, a new analytics product.", "Launched Data Studio"),
    ("We released Data Studio today", "Launched Data Studio"),
    # the version belongs to the name after the verb, not to the company before it
    ("Acme released Research Hub 2.0", "Launched Research Hub 2.0"),
    ("Acme Unveils Relay 4.0", "Launched Relay 4.0"),
    ("Acme 2.0 is out", "Launched Acme 2.0"),
])
def test_products_named_like_findings_and_versions_after_the_verb(
        make_message: MakeMessage, text: str, title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [(T.PRODUCT_LAUNCH, title)]


@pytest.mark.parametrize("text", [
    "Acme today released new data identifying the emergence of big code",
    "We published our annual State of Code Report today",
    "We just released our 2025 report on developer productivity",
])
def test_findings_released_are_still_no_launch(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == []
