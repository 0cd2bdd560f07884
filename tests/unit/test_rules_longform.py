"""The rules extractor on long-form posts (press releases, company blogs, founders' monthly
updates, news stories): the news a post states still reads, while its commentary, background,
plans, market figures and other people's money do not. Every sentence is hand-written."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

import pytest

from signalpipe.models import EventType, Source
from tests.unit import rules_read
from tests.unit.rules_read import MakeMessage

T = EventType
SENT = datetime(2025, 3, 1, tzinfo=UTC)
# the posts here are the company's own, by email
read = partial(rules_read.read, source=Source.GMAIL, sender="Acme", timestamp=SENT)


KEPT = [
    ("Acme renewed its partnership with Boeing for three more years.", T.PARTNERSHIP),
    ("Acme signed a multi-year agreement with Globex.", T.ENTERPRISE_DEAL),
    ("Acme raised a $20M Series A led by Accel.", T.FUNDING),
    ("We crossed 10,000 users this month.", T.USER_GROWTH),
    ("We launched in Germany this month.", T.MARKET_EXPANSION),
    ("Acme crossed $1M ARR in February.", T.REVENUE_MILESTONE),
    ("In February 2025 we crossed $1M ARR.", T.REVENUE_MILESTONE),
    ("## What we shipped\n\n- Launched the mobile app\n- Opened our Berlin office",
     T.PRODUCT_LAUNCH),
    ("Highlights this month:\n\n- Raised our seed round\n- Launched Acme Cloud", T.FUNDING),
    # a comment whose verb comes before the news still tells it
    ("This news comes as Acme crossed $1M ARR.", T.REVENUE_MILESTONE),
    ("## Looking back at March\n\nWe hit $10k MRR and signed Globex.", T.REVENUE_MILESTONE),
    ("## March recap\n\nWe hit $10k MRR.", T.REVENUE_MILESTONE),
    # the news told before a comment on it
    ("The partnership with Globex is signed and will see Acme sold in 40 stores.",
     T.PARTNERSHIP),
    ("This partnership follows our $20M Series A led by Accel in February.", T.FUNDING),
    ("We rolled out dependency lockfiles in Acme this week.", T.PRODUCT_LAUNCH),
    ("After the new cache shipped, p99 latency dropped 40% in production.",
     T.TECHNICAL_ACHIEVEMENT),
    ("We acquired Initech, a payroll startup, this month.", T.OTHER),
    ("We now have more than 20,000 patients on the platform, up from 5,000 in January.",
     T.USER_GROWTH),
    ("Acme crossed 10,000 paying teams this month.", T.USER_GROWTH),
    ("We doubled our sales from September to $20k a month.", T.REVENUE_MILESTONE),
    ("We hit $20k MRR, and our customers doubled their sales.", T.REVENUE_MILESTONE),
    ("We partnered with Globex to resell Acme across Europe.", T.PARTNERSHIP),
    ("Acme partnered with Globex to bring payments to 2,000 clinics.", T.PARTNERSHIP),
    ("Acme raises $4M seed round to give developers faster builds.", T.FUNDING),
    ("Acme Fitness is now available on iPhone.", T.PRODUCT_LAUNCH),
    ("Globex, one of our largest customers, renewed for three more years.", T.CUSTOMER_SUCCESS),
    ("We launched a new machine learning product, Acme Vision, today.", T.PRODUCT_LAUNCH),
]


@pytest.mark.parametrize(("text", "event_type"), KEPT)
def test_the_news_a_post_states_still_reads(make_message: MakeMessage, text: str,
                                            event_type: EventType) -> None:
    assert event_type in {e.event_type for e in read(make_message, text)}


DROPPED = [
    # commentary whose subject is the news itself
    "This renewed partnership underscores Acme's commitment to aviation.",
    "The agreement, signed in Berlin, will allow Acme to sell across Europe.",
    "The partnership, announced to coincide with Tree Week, will see Acme plant 1m trees.",
    # money raised by others, given away, or invested by the company
    "Part of the $275 million collectively raised by these organizations went to relief.",
    "The initiative is driven by more than $7 billion in private investment from Acme.",
    # background about the past
    "Most recently, in October 2023, Acme announced the launch of Pathways.",
    "Since the launch of Acme Cloud, we crossed 10,000 users.",
    "Previously, in March 2022, Acme launched Acme Mobile.",
    "In June 2023 we signed our first enterprise contract with Globex.",
    "Some highlights from 2024:\n\n- Raised our seed round\n- Launched Acme Cloud",
    "Last year was big. What we did last year:\n\n- Raised our seed round\n- Launched Acme Cloud",
    # figures of a market or a survey
    "Retail sales grew 8% to $40 billion in July.",
    "The global e-signature market grew 30% to $5 billion.",
    "Industry-wide, subscriptions grew to 2 million users.",
    "More analytics tools now offer an EU region.",
    "All the main data missed forecasts: retail sales fell 8.5% in July from a year earlier.",
    # a summary of past months, a benchmark's chart, a purchase planned
    "Over the past few months, we rolled out dependency lockfiles in Acme.",
    "The chart below is from our cloud benchmarks, testing memory usage and latency as sync "
    "scaled to 1 million clients.",
    "Next year, I will purchase the Blue and see if my reach increases more.",
    # a figure that describes the company, not a milestone reached
    "Leveraging the power of the growing Acme community of more than 3,000 active contributors,"
    " millions of open source users and over 100,000 organizations, Acme helps teams ship.",
    "Acme, which now counts more than 40,000 paying customers, today announced its new CLI.",
    "Used by more than 8,000 engineering teams, Acme today published its developer survey.",
    # someone else's figures, a price multiple, a profit down by choice, growth since a listing
    "Sales are flat, but our European distributor doubled their sales from September.",
    "The cash portion of Globex's offer was 0.9x Acme's earnings.",
    "The buyer valued the business at 3x its annual revenue.",
    "My cash profit is down because I'm investing heavily in inventory for 2022.",
    "Profits are lower than last month because my dev costs were atypically high at $11k.",
    "Since listing on Quiet Light, Acme's annual earnings had increased by $10k.",
    # a vendor engaged, a cause supported, money raised to give away
    "To achieve SOC 2 compliance, we partnered with Vanta for automated security monitoring.",
    "The refinery partnered with the Wildlife Habitat Council to support efforts to restore green"
    " spaces.",
    "Acme raises $22,600 at DevX Conf to give to open-source maintainers.",
    # where a product is available, described
    "Acme Fitness is available for iPhone users to subscribe to and enjoy in 49 markets as of"
    " January 21.",
    # a customer's or partner's own news, told in an appositive
    "We're excited to share that Globex, one of our customers, closed a $30M Series B this week.",
    "Globex, Acme's largest customer, raised a $30M Series B.",
    # a tutorial's steps
    "This post walks through deploying Acme to Fly.io: we launched 3 machines in Frankfurt.",
    # a section of plans or of background, a year reviewed
    "## 2024 in review\n\nWe raised our seed round and launched Acme Cloud.",
    "### Next month's plan\n\n- Sign Globex\n- Launch v2",
    "## Looking ahead\n\nWe are opening our office in Berlin and hiring a VP of Sales.",
    "## Background\n\nIn 2018 we launched the first version of Acme and raised a seed round.",
]


@pytest.mark.parametrize("text", DROPPED)
def test_commentary_background_plans_and_markets_are_no_events(make_message: MakeMessage,
                                                                text: str) -> None:
    assert read(make_message, text) == []


def test_a_comment_beside_the_news_gives_no_second_event(make_message: MakeMessage) -> None:
    text = ("Acme today announced that Globex signed a three-year contract worth $2M. "
            "This contract reflects Acme's record growth to 50,000 users.")
    events = read(make_message, text)
    assert [e.event_type for e in events] == [T.ENTERPRISE_DEAL]


def test_our_own_sales_falling_is_still_a_lowlight(make_message: MakeMessage) -> None:
    events = read(make_message, "Our sales fell 8% in July.")
    assert [(e.event_type, e.polarity.value) for e in events] == [
        (T.REVENUE_MILESTONE, "negative")]


_FILLER = (" The company said the money will fund research, new hires in sales and support, and a"
           " wider rollout across hospitals in the region over the coming year." * 6)
OTHERS = [
    "/PRNewswire/ -- Globex, a leader in dental AI for insurers, announced today that it has"
    " secured a United States patent for its imaging technology.",
    "The addition of SumRidge Partners to the firm's Fixed Income Capital Markets division adds"
    " a market-making operation, the company announced.",
    "globex raises $50 million Series B to scale behavioral care, the company announced.",
]


@pytest.mark.parametrize("lead", OTHERS)
def test_a_long_story_that_never_names_us_is_someone_elses(make_message: MakeMessage,
                                                           lead: str) -> None:
    assert read(make_message, lead + _FILLER) == []


def test_the_same_story_naming_us_is_ours(make_message: MakeMessage) -> None:
    story = "Acme raises $50 million Series B to scale behavioral care, the company announced."
    assert [e.event_type for e in read(make_message, story + _FILLER)] == [T.FUNDING]


def test_a_long_changelog_speaks_for_its_maker_unnamed(make_message: MakeMessage) -> None:
    notes = ("## 4.0.0\n\nThe new high-performance engine is now generally available." +
             " Builds are faster and the configuration is simpler than before, with fewer"
             " files to keep in sync and a smaller install for every project." * 8)
    assert T.PRODUCT_LAUNCH in {e.event_type for e in read(make_message, notes)}


def test_a_person_introduced_is_no_launch(make_message: MakeMessage) -> None:
    body = ("When I started here, I was introduced to Logan as a member of the open source team."
            " He has since taken over our editor and his work ships every week.")
    assert read(make_message, body, subject="Introducing Logan Anderson!") == []


@pytest.mark.parametrize("subject", ["Introducing Acme Studio", "Introducing Tina Grande"])
def test_a_product_introduced_by_two_words_is_a_launch(make_message: MakeMessage,
                                                       subject: str) -> None:
    name = subject.removeprefix("Introducing ")
    body = f"{name} is our new editor for content teams. It is available today for everyone."
    events = read(make_message, body, subject=subject)
    assert T.PRODUCT_LAUNCH in {e.event_type for e in events}


CHAT = [
    ("we're live in Germany as of today", T.MARKET_EXPANSION),
    ("hit $10k MRR today \U0001f680", T.REVENUE_MILESTONE),
    ("Term sheet signed: $5M seed led by Accel.", T.FUNDING),
    ("Hi all, quick update: Priya Raman accepted our offer and joins as VP Engineering on Monday.",
     T.HIRING),
]


@pytest.mark.parametrize(("text", "event_type"), CHAT)
def test_chat_and_short_mail_are_untouched(make_message: MakeMessage, text: str,
                                           event_type: EventType) -> None:
    events = rules_read.read(make_message, text, source=Source.SLACK, timestamp=SENT)
    assert [e.event_type for e in events] == [event_type]
