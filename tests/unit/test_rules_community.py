"""The rules extractor on what a company posts in its community channels (Discord, Slack or
Telegram #announcements, forum posts, tweets relayed into chat) and the chatter around it.

Every sentence here is hand-written, in several registers (chat, founder update, email,
press release, changelog, headline), each family beside look-alikes that are no event of ours.
"""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType
NEG = Polarity.NEGATIVE
POS = Polarity.POSITIVE

COVERAGE = [
    "Lon.TV published a video about Acme: https://www.youtube.com/watch?v=x",
    "more acme vs. globex youtube video, this one by Lon.TV. It is an intro/how-to acme video.",
    "Fireship just dropped a video on Acme 🔥 https://youtu.be/abc",
    "Jeff Geerling reviewed the Acme board on his channel today.",
    "The Verge interviewed our CMO about the launch.",
    "TechCrunch interviewed our CMO about the launch.",
    "The Changelog podcast had us on to talk about Acme: https://changelog.com/podcast/500",
    "Nice write-up about Acme by Simon Willison: https://simonwillison.net/x",
    "Acme got a mention in this week's Console newsletter.",
    "Subject: Acme in the press\n\nHi all, Wired ran an article about Acme this morning.",
    "Also check out BSoD's new video on the rewrite! https://youtu.be/abc",
    "Check out Linus Tech Tips' video on Acme.",
]
NOT_COVERAGE = [
    "I'll do an interview with TechCrunch next week.",
    "Scott has posted a writeup on his blog about the new multi-byte path support in this "
    "release.",
    "I posted a video of my Acme setup on my channel.",
    "Anyone know a good video about Acme?",
    "We should make a YouTube video about the new release.",
    "Our latest blog post explains how sync works.",
    "Here's a video about Meshtastic I liked: https://youtu.be/zz",
    "Check out our new video tutorial on setting up Acme.",
    "Fireship published a video about Rust last week.",
    "Go watch Fireship's video about Rust.",
    "I'm making a video on the rewrite.",
]


@pytest.mark.parametrize("text", COVERAGE)
def test_coverage_made_by_someone_else_is_media(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.MEDIA_COVERAGE, POS)], text


@pytest.mark.parametrize("text", NOT_COVERAGE)
def test_own_posts_plans_and_other_products_are_no_coverage(make_message: MakeMessage,
                                                            text: str) -> None:
    assert read(make_message, text) == [], text


LISTINGS = [
    "Acme is now available on the AWS Marketplace.",
    "Acme is now listed in the Shopify App Store!",
    "LangChain added an Acme retriever, so you can use Acme from LangChain now.",
    "Acme was added to the Homebrew core tap.",
    "Railway now offers Acme storage buckets to every project.",
    "Acme is now an official Zapier integration.",
    "Big news: Northflank shipped a native Acme integration for one-click deploys.",
]
NOT_LISTINGS = [
    "We'd love to be listed on the AWS Marketplace.",
    "Is Acme available on F-Droid?",
    "I added Acme to my cart.",
    "We're applying to get listed in the Shopify App Store.",
    "LangChain added a Pinecone retriever last week.",
    "Apple pulled Fortnite from the App Store.",
]


@pytest.mark.parametrize("text", LISTINGS)
def test_listing_on_another_platform_is_a_partnership(make_message: MakeMessage,
                                                      text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.PARTNERSHIP, POS)], text


@pytest.mark.parametrize("text", NOT_LISTINGS)
def test_hopes_questions_and_other_products_are_no_listing(make_message: MakeMessage,
                                                           text: str) -> None:
    assert read(make_message, text) == [], text


@pytest.mark.parametrize("text", [
    "I've removed Acme from the .uk store, licences are sold via my own site now.",
    "Acme was delisted from the Google Play Store yesterday.",
    "Apple pulled our app from the App Store over the payments rule.",
])
def test_taken_off_a_store_is_a_listing_lowlight(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.PARTNERSHIP, NEG)], text


def test_removed_after_a_sentence_about_the_store(make_message: MakeMessage) -> None:
    text = ("It was pretty dumb having both Acme Pro and Acme Lite in the .uk store. So, I've "
            "removed Acme Lite. Licenses just issued via my own site now.")
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.PARTNERSHIP, NEG)]


RELEASES = [
    "Acme v2.0 is now out",
    "T-Deck firmware v8.0 is now out: https://example.com/dl New UI engine",
    "OK, T-Deck firmware v9.0 now ready: https://example.com/dl",
    "Acme for Windows is finally here 🎉",
    "Acme Sync 3.0.0 is now live for everyone.",
]
NOT_RELEASES = [
    "T-Deck firmware v9.2 now ready: https://example.com/dl",
    "Newly fixed Heltec V4 Expansion Kit firmware now available:",
    "Spinal Tap 2 is out in September",
    "OMG guys my first Lora device has arrived!",
    "1.16 is the first release",
    "Released on the 26th or 27th, I believe.",
    "The UHD-4.8.0.0 release is now available.",
    "Signal for iPad is finally here",
]


@pytest.mark.parametrize("text", RELEASES)
def test_major_release_told_to_members_is_a_launch(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.PRODUCT_LAUNCH, POS)], text


@pytest.mark.parametrize("text", NOT_RELEASES)
def test_point_releases_members_things_and_hearsay_are_no_launch(make_message: MakeMessage,
                                                                 text: str) -> None:
    assert read(make_message, text) == [], text


def test_a_major_version_per_device_is_a_launch_each(make_message: MakeMessage) -> None:
    for text in ("OK, T-Deck firmware v9.0 now ready: https://example.com/a",
                 "T-Pager firmware v9.0 now ready: https://example.com/b"):
        assert [e.event_type for e in read(make_message, text)] == [T.PRODUCT_LAUNCH], text


COUNTS = [
    "We just passed 10,000 members on Discord!",
    "Over 1,000 testers signed up for the beta in the first week.",
    "There are now more than 5,000 Acme nodes on the map.",
    "Acme is #1 on GitHub trending this month!",
]
NOT_COUNTS = [
    "the other discord is already at over 1000 members!",
    "Sydney now has 300+ Acme nodes vs 150 on Globex.",
    "We need 100 more testers for the beta.",
    "my system has about 1500 nodes now, and 19 observers",
    "We now have a Newcastle MQTT node! we are now over 1250 repeaters on the live map",
]


@pytest.mark.parametrize("text", COUNTS)
def test_community_counts_are_user_growth(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.USER_GROWTH, POS)], text


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_members_own_and_other_networks_counts_are_no_growth(make_message: MakeMessage,
                                                             text: str) -> None:
    assert read(make_message, text) == [], text


@pytest.mark.parametrize(("text", "kind"), [
    ("We recently discovered that Andy applied for the Acme trademark. We now have no "
     "communication with Andy.", T.OTHER),
    ("Our co-founder has left the project after a disagreement about the direction.", T.OTHER),
    ("Welp. Since the algorithm is out now, here's a keygen in bash.", T.COMPLIANCE),
    ("Someone cracked the licence check and posted it on a forum.", T.COMPLIANCE),
    # a feature or release pulled for good is the lowlight of its launch
    ("@everyone We are saddened to report that we have removed online support from Acme, "
     "indefinitely, and effective immediately.", T.PRODUCT_LAUNCH),
    ("We've pulled the v2 installer until further notice while we investigate.",
     T.PRODUCT_LAUNCH),
    # legal action against us, told in passing or head-on
    ("the server is in a state of chaos due to the lawsuit and the mods couldnt keep up",
     T.COMPLIANCE),
    ("Heads up: we received a cease and desist from Nintendo this morning.", T.COMPLIANCE),
])
def test_setbacks_in_community_words_are_lowlights(make_message: MakeMessage, text: str,
                                                   kind: EventType) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, NEG)], text


@pytest.mark.parametrize("text", [
    "How do I get my licence key after buying?",
    "Please don't post keygens here.",
    "We have no contact form on the site yet.",
    "We removed the old button from the settings page.",
    "Nintendo's lawsuit against Palworld is getting wild.",
    "We might be facing a lawsuit if this goes on.",
])
def test_questions_rules_and_others_suits_are_no_setback(make_message: MakeMessage,
                                                          text: str) -> None:
    assert read(make_message, text) == [], text


@pytest.mark.parametrize("text", [
    "Welcome @FewCrypto do check out the #job-board, we got a number of tasks up in there",
    "Welcome to the server, Jane! She's a senior engineer at Stripe.",
])
def test_a_community_welcoming_a_member_is_no_hire(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == [], text


def test_a_real_welcome_to_the_team_is_still_a_hire(make_message: MakeMessage) -> None:
    events = read(make_message, "Please welcome Priya Raman, our new VP of Engineering.")
    assert [e.event_type for e in events] == [T.HIRING]


@pytest.mark.parametrize(("text", "kind", "polarity"), [
    # a token listed on an exchange is the token's listing
    ("@everyone $ACME is now live on Binance! Trading opens at 12:00 UTC.", T.PARTNERSHIP, POS),
    ("📢 Big news: Acme is now listed on Coinbase", T.PARTNERSHIP, POS),
    # coverage pointed out to members
    ("Shoutout to @Fireship for the awesome video on Acme!", T.MEDIA_COVERAGE, POS),
    # a beta or early access opened to all
    ("The Acme beta is now open to everyone: https://acme.io/beta", T.PRODUCT_LAUNCH, POS),
    ("Early access for Acme Mobile starts today!", T.PRODUCT_LAUNCH, POS),
    # our service down for everyone, told to members
    ("@here Servers are down, we're investigating. Sorry for the trouble!",
     T.TECHNICAL_ACHIEVEMENT, NEG),
    # a product retired
    ("We've decided to sunset Acme Classic on June 30.", T.PRODUCT_LAUNCH, NEG),
    ("After 6 great years, development on Acme has ended.", T.PRODUCT_LAUNCH, NEG),
    # a new hire introducing themselves on our team
    ("Hi all! I'm Advaita, the latest addition to the Acme crew, managing marketing.",
     T.HIRING, POS),
])
def test_community_announcements_are_read(make_message: MakeMessage, text: str,
                                          kind: EventType, polarity: Polarity) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, polarity)], text


@pytest.mark.parametrize("text", [
    "Will $ACME get listed on Binance?",
    "I bought $ACME on Binance yesterday.",
    "Servers are down for maintenance from 2-4 UTC.",
    "Are the servers down? Can't log in",
    "servers are down for me, anyone else?",
    "The beta opens next week.",
    "Beta sign-ups are now open: https://acme.io/beta",
    "The Acme Teams beta is live for five design partners.",
    "Thanks to @Bob for the video on Rust",
    "Thanks to everyone for the feedback on the beta!",
    "Google decided to sunset Stadia.",
    "Starting today, we are sunsetting the Early Adopter Plan in favor of our new pricing.",
    "I'm Bob, the newest member of the Acme Discord",
    "I just joined Globex as CTO",
])
def test_community_look_alikes_are_no_events(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == [], text


@pytest.mark.parametrize(("text", "kind"), [
    ("Acme now integrates natively with Notion", T.PARTNERSHIP),
    ("Acme is now available in the Raycast Store 🎉", T.PARTNERSHIP),
    ("You can now install Acme from the VS Code Marketplace", T.PARTNERSHIP),
    ("Acme just got verified on the Shopify App Store", T.PARTNERSHIP),
    ("Acme is trending #1 on GitHub today!", T.USER_GROWTH),
])
def test_more_listing_and_trending_wordings(make_message: MakeMessage, text: str,
                                            kind: EventType) -> None:
    assert [e.event_type for e in read(make_message, text)] == [kind], text


@pytest.mark.parametrize("text", [
    "Big thanks to Sarah for the podcast recommendation",
    "I'm the newest member of the Acme team! I'll be doing support.",
    "Acme is now available on the Starter plan.",
    "I moved my setup onto Acme last week and it's great",
    "I built a Home Assistant integration for Acme, link in my bio",
    "You can get Acme from the VS Code Marketplace.",
    "My node is offline again, anyone else?",
    "v3.0 is out next month according to the roadmap",
    "Someone leaked the Globex source code lol",
    "Lots of nodes on the map in Berlin tonight, 200+",
])
def test_more_chat_look_alikes(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == [], text


def test_members_thanking_for_a_partnership_confirm_it(make_message: MakeMessage) -> None:
    text = ("Just took the Xiaomi MiMo-V2-Pro for a spin, honestly it feels super smooth. Huge "
            "thanks to the team for this partnership! Can't wait to see what's next")
    events = read(make_message, text)
    assert [e.event_type for e in events] == [T.PARTNERSHIP]
    assert "Xiaomi" in events[0].title


@pytest.mark.parametrize("text", [
    "Congrats on the Stripe partnership 🎉",
    "Thank you for this partnership with Polygon, the bridge works great.",
])
def test_congratulations_on_a_named_partnership(make_message: MakeMessage, text: str) -> None:
    assert [e.event_type for e in read(make_message, text)] == [T.PARTNERSHIP], text


@pytest.mark.parametrize("text", [
    "Thanks for the partnership proposal, we'll review it next week.",
    "Thanks for the partnership idea!",
    "I have 2x T1000-E units that seem bricked by upgrading to the released Bootloader.",
])
def test_proposals_and_releases_in_passing_are_no_events(make_message: MakeMessage,
                                                         text: str) -> None:
    assert read(make_message, text) == [], text


@pytest.mark.parametrize(("text", "kind", "polarity"), [
    ("Our bot just hit 1,000 servers!", T.USER_GROWTH, POS),
    ("Acme bot is now in 10,000 Discord servers 🎉", T.USER_GROWTH, POS),
    ("The API was down for 2 hours yesterday, sorry everyone.", T.TECHNICAL_ACHIEVEMENT, NEG),
])
def test_bot_reach_and_outages(make_message: MakeMessage, text: str, kind: EventType,
                               polarity: Polarity) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, polarity)], text


@pytest.mark.parametrize("text", [
    "The servers were down for about 5 minutes during the planned maintenance window.",
    "I run 3 servers at home.",
    "If the servers are down, please check status.acme.io.",
    "Stripe's API was down for everyone this morning, which broke our checkout.",
    "Globex now integrates with Salesforce.",
    "Back in 2021 Acme was added to the Homebrew core tap.",
    "Thanks to Lon.TV for the video on Meshtastic, very informative.",
    "Our CEO will be interviewed on CNBC tomorrow morning.",
])
def test_maintenance_others_news_and_old_news_are_no_events(make_message: MakeMessage,
                                                            text: str) -> None:
    assert read(make_message, text) == [], text


@pytest.mark.parametrize(("text", "kind"), [
    ("Check out this review of Acme by Tom's Hardware: https://tomshardware.com/x",
     T.MEDIA_COVERAGE),
    ("Tom's Hardware reviewed Acme and gave it 4.5 stars", T.MEDIA_COVERAGE),
    ("Linus Tech Tips featured Acme in their latest video", T.MEDIA_COVERAGE),
    ("Our CEO sat down with TechCrunch to talk about the new release.", T.MEDIA_COVERAGE),
    ("Acme is in this week's Console newsletter", T.MEDIA_COVERAGE),
    ("We've joined the Cloudflare Startup Program.", T.PARTNERSHIP),
    ("We've welcomed our 10,000th Discord member today", T.USER_GROWTH),
])
def test_reviews_issues_programmes_and_ordinals(make_message: MakeMessage, text: str,
                                                kind: EventType) -> None:
    assert [e.event_type for e in read(make_message, text)] == [kind], text


@pytest.mark.parametrize("text", [
    "Sarah reviewed our roadmap and left comments.",
    "Jeff reviewed the PR about Acme's sync engine.",
    "Globex is in this week's Console newsletter.",
    "Our intern sat down with the design team to plan the release.",
    "We've been selected for the Intel Ignite accelerator program.",
    "Globex joined the Cloudflare Startup Program.",
])
def test_internal_reviews_others_issues_and_accelerators(make_message: MakeMessage,
                                                         text: str) -> None:
    assert read(make_message, text) == [], text


@pytest.mark.parametrize("text", [
    "We sat down with Sam to learn more about his career and what led him to Acme.",
    "Our CEO sat down with Sam to talk about hiring.",
])
def test_a_sit_down_with_a_person_is_no_coverage(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == [], text


# The company closing is `other` (the corpus labels "thoughtram shuts down" so, companylife.py);
# a product of the company closing stays a product lowlight.
@pytest.mark.parametrize(("text", "kind"), [
    ("After 5 years, we've made the difficult decision to shut down Acme.", T.OTHER),
    ("We are winding down Acme Cloud at the end of the month.", T.PRODUCT_LAUNCH),
    ("Acme is shutting down on March 31.", T.OTHER),
])
def test_the_company_or_its_product_closing_is_a_lowlight(make_message: MakeMessage,
                                                         text: str, kind: T) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, NEG)], text


@pytest.mark.parametrize("text", [
    "Google is shutting down Stadia.",
    "We're shutting down the old forum and moving to Discord.",
    "We're ending support for Windows 7.",
])
def test_others_closures_and_our_housekeeping_are_no_lowlight(make_message: MakeMessage,
                                                              text: str) -> None:
    assert read(make_message, text) == [], text


@pytest.mark.parametrize(("text", "kind", "polarity"), [
    ("Our smart contracts passed an audit by CertiK with no critical findings.",
     T.COMPLIANCE, POS),
    ("Trail of Bits audited Acme's core contracts: no critical findings.", T.COMPLIANCE, POS),
    ("We were exploited last night; about $2M was drained from the pool. Post-mortem to follow.",
     T.COMPLIANCE, NEG),
    ("Our bridge was hacked and user funds were stolen.", T.COMPLIANCE, NEG),
    ("Acme testnet is now open to everyone, start here: https://acme.io/testnet",
     T.PRODUCT_LAUNCH, POS),
])
def test_audits_exploits_and_testnets_in_crypto_words(make_message: MakeMessage, text: str,
                                                      kind: EventType,
                                                      polarity: Polarity) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, polarity)], text


@pytest.mark.parametrize("text", [
    "Audit with CertiK is scheduled for next month.",
    "Globex passed an audit by CertiK.",
    "If we get hacked, the insurance fund covers losses.",
    "Globex was exploited for $10M yesterday.",
    "Beware of scammers pretending to be Acme staff.",
])
def test_audits_ahead_and_others_exploits_are_no_events(make_message: MakeMessage,
                                                        text: str) -> None:
    assert read(make_message, text) == [], text
