"""The rules extractor on results as engineering posts, release notes, founders and wires state
them: technical results in any unit or wording, audiences counted in the units products have,
and markets entered by sector or by a place opening. Every sentence here is hand-written, in
several registers (Slack, founder update, changelog, press release, headline), beside
look-alikes that are a plan, a spec, a rival's or a survey's figures, a how-to or a bug fix."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType
POS = Polarity.POSITIVE

TECHNICAL = [
    # a rate reached, in any unit of work and any period
    "Acme now ingests 1.4 million rows per second on a single node.",
    "Our API now handles 50,000 requests per second at peak.",
    "Today we are releasing a new server, written in Rust, that scales to nearly a million "
    "operations per second on a 4 vCPU machine.",
    "Sustained 1.2M messages/sec in production during Black Friday with zero downtime.",
    "Acme scaled to 1B requests a day last month.",
    # a total served
    "Acme crossed 10 billion API calls served this year.",
    # a multiple over a baseline, in x, times or fold
    "The new storage engine delivers 102x faster writes and 73x faster reads.",
    "Acme 2.0 is 4 times faster than 1.x on the TPC-H benchmark.",
    "The new index makes search queries 8 times faster.",
    "Inference is 2.5x cheaper with the new quantized model.",
    # a named rival beaten
    "We beat ClickHouse by 2x on the ClickBench benchmark.",
    "Acme outperforms Elasticsearch by 3x on indexing throughput.",
    # a gain in per cent, and any measured quantity moved
    "We managed to squeeze another 50-60% out of the ingestion path with this change.",
    "v9.3 changes: power saving added (battery life from ~12 hr to ~20 hr)",
    "Boot time went from 40 s to 9 s on the new firmware.",
    "Query performance improved by an order of magnitude after the rewrite.",
    "Reports that used to take minutes now take seconds.",
    "Moving off Heroku saves us $40k a year in hosting.",
    "Acme now scans 1 billion rows in under a second.",
    "We reduced the bundle size from 300kb to 90kb.",
    "Five nines of availability for the whole of Q2.",
    "Scaling Acme to 1 million concurrent connections",
    # results in device and release-note wording
    "We've rewritten the memory manager: most games now use 50% less RAM!",
    "- Reduces RAM usage by about 500MB on Android.",
    "Acme raises the bar with the world's most efficient car, achieving a landmark 5.0 miles/kWh.",
    "The Acme A6 is the most aerodynamic car of all time, with a Cd value of 0.21.",
    "The Acme ID.7 covers 794 km on one battery charge.",
    "The stream peaked at 253,112 concurrent viewers during the final.",
    "prod handled 1.3b events yesterday, new record",
    "\U0001f4ca 3,300,000,000 events yesterday \U0001f92f all-time high",
    "Record throughput: 6.8 billion events in a day",
    "This release improves query performance by up to 40%.",
    "Reduces memory usage by 30% for large workspaces.",
    "A 40% drop in memory usage after switching allocators.",
    "Indexing a 1 GB repo now takes 8 seconds, down from 2 minutes.",
    "The new engine is the fastest open-source time-series database on ClickBench.",
    "We now store over 2 PB of customer data.",
    "Our ingest layer now processes 10 GB/s per node.",
    # reliability kept
    "365 days without a single minute of downtime \U0001f389",
]

NOT_TECHNICAL = [
    "Our goal is to handle 1 million events per second by Q4.",
    "We plan to make queries 10x faster in the next release.",
    "The API is rate limited to 10,000 requests per second per key.",
    "Acme can handle up to 1M events per second on a single node.",
    "ClickHouse ingests 4 million rows per second, according to their blog.",
    "Bun is 3x faster than Node, according to its authors.",
    "Over 60% of developers say performance is 2x more important than features, according to "
    "the survey.",
    "For example, if your query takes 500ms, caching can make it 10x faster.",
    "Fixed a bug that made sync 3x slower on large repos.",
    "We ran each benchmark 5 times on a c5.4xlarge with 16 vCPUs and 1 million rows per second "
    "of load.",
    "In our load test we sent 50k requests per second against staging.",
    "The free plan includes 10,000 API calls per month.",
    "Our competitors claim 5x faster queries.",
    "The new branch is 4x faster in my local tests.",
    "Make Acme 300% faster: I've been testing an internal version with some core changes.",
    "The radio has 400 MHz of bandwidth and a tunable range from 1 MHz to 7.2 GHz.",
    "Each worker processes 20 jobs per minute.",
    "With an increase in traffic of an order of magnitude, things that worked for years broke.",
    "Stripe's API was 2x faster after their migration.",
    "Reports that took hours at Globex now take minutes, Globex says.",
    "Acme saves customers $40k a year on average.",
    # an exact reading, posted again and again with other figures, is a gauge
    "We just hit 15703 concurrent WebSockets!",
    "Acme supports 100k concurrent connections per node.",
    "Acme is the world's most loved CRM.",
    "Our most popular feature of all time is dark mode, with 40% of users on it.",
    "The van has the ability to travel up to 400 miles on a single charge.",
    "A full backup takes 2 hours, compared to 30 minutes for an incremental one.",
    "Our bill went from $2k to $5k this month.",
    "Inference costs $0.10 per 1,000 tokens.",
    "Acme streams video with delivery speeds up to 50 times faster than the public internet.",
]


@pytest.mark.parametrize("text", TECHNICAL)
def test_technical_results_are_read(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.TECHNICAL_ACHIEVEMENT, POS)]


@pytest.mark.parametrize("text", NOT_TECHNICAL)
def test_technical_look_alikes_are_no_results(make_message: MakeMessage, text: str) -> None:
    assert [e.event_type for e in read(make_message, text)
            if e.event_type is T.TECHNICAL_ACHIEVEMENT] == []


def test_zero_downtime_is_no_incident(make_message: MakeMessage) -> None:
    events = read(make_message, "We migrated the database with zero downtime.",
                  "Total downtime budget of 8 seconds per day, per our SLO.")
    assert [e for e in events if e.polarity is Polarity.NEGATIVE] == []


def test_a_rate_is_titled_by_its_figure(make_message: MakeMessage) -> None:
    [event] = read(make_message, "Acme now ingests 1.4 million rows per second.")
    assert event.title == "1.4M rows per second"
    assert event.metrics == {"rows_per_second": 1_400_000}


def test_a_cue_of_ours_does_not_cut_another_reading(make_message: MakeMessage) -> None:
    # "this time" holds no cue of ours: the clause keeps its partner after the comma
    events = read(make_message, "AstraZeneca bags another cancer drug deal, this time with Acme")
    assert [e.event_type for e in events] == [T.PARTNERSHIP]


AUDIENCE = [
    # counted in the units products have, reached now
    "Acme passes 10,000 paid developers",
    "The beta has 2,500 testers signed up.",
    "The network grew to 12,000 nodes this month.",
    "We have onboarded 150 new companies since launch.",
    "Our npm package now gets 1M weekly downloads.",
    "Over 1,000 teams now use Acme.",
    "In October, we did 2.3 million verifications!",
    # a launch window's count, a count moved, a growth rate, a trending list
    "48 hours after launch: 418 users and 315 monitors created.",
    "API verifications jumped from 150k in September to 2.3 million in October.",
    "Weekly active workspaces are up 40% month over month.",
    "Acme is #1 on GitHub trending today",
    # news framed by the sender ("I wanted to share") is no plan
    "Team, I wanted to share that our user base passed 59 thousand this week.",
]

NOT_AUDIENCE = [
    "Our goal is 10,000 users by the end of the year.",
    "Over 60% of developers say they use AI tools daily, according to the survey.",
    "Globex now has 5 million users.",
    "For example, if you have 1,000 users, the free plan costs nothing.",
    "We need 500 more testers for the beta.",
    "You can invite up to 50 team members on the Pro plan.",
    "Acme is used by over 10,000 teams worldwide.",
    "The cluster has 12 nodes and 3 replicas in staging.",
    "We just jumped to 800 concurrent users.",
    "We're now 120 people across three offices.",
    "500 attendees joined our webinar on Tuesday.",
    "458 users hit the login bug this morning, investigating.",
    "We want to hit 10k users by March.",
]


@pytest.mark.parametrize("text", AUDIENCE)
def test_audiences_in_any_unit_are_read(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.USER_GROWTH, POS)]


@pytest.mark.parametrize("text", NOT_AUDIENCE)
def test_audience_look_alikes_are_no_growth(make_message: MakeMessage, text: str) -> None:
    assert [e.event_type for e in read(make_message, text)
            if e.event_type is T.USER_GROWTH] == []


def test_a_count_moved_is_titled_by_the_figure_now(make_message: MakeMessage) -> None:
    [event] = read(make_message, "Docker image pulls grew from 2M to 11M in a few months.")
    assert event.title == "11M pulls (from 2M)"


MARKETS = [
    # a sector entered, in wire and founder wording
    "Acme enters the healthcare market with its first hospital deployment.",
    "We signed our first customer in the insurance industry this week!",
    # a place opened, the facility named
    "Acme opened its third location in Austin on Saturday.",
    "Opens 3rd Location in Johnson City, TN.",
    "First Acme store opens in Lyon",
    # brought to a country, countries counted
    "Acme brings its payments platform to India",
    "Acme is now available to customers in Australia and New Zealand.",
    "We now ship to 40 countries, up from 12 last year.",
    # live in a place, in chat and emoji wording
    "first customers in finland are live as of today so we're officially in finland",
    "\U0001f4cd Dublin office open \U0001f942",
    "We're now live in Mexico!",
    "Acme drives forward in Europe with launch in Spain and Portugal",
]

NOT_MARKETS = [
    "The healthcare market is expected to grow 12% a year, says the report.",
    "We hope to enter the healthcare market next year.",
    "Our competitor Globex entered the fintech market last month.",
    "We'd like to bring Acme to Japan eventually.",
    "We'd love to expand into Asia eventually.",
    "The team brought donuts to Berlin for the offsite.",
    "We plan to open our second office in Austin in Q3.",
    "Globex opened its third store in Lyon.",
    "First Globex Store opens in Lyon",
    "Our customers sell in 40 countries.",
    "Acme is available in 40 countries.",
    "We are not entering the insurance market.",
    "Shipping to 40 countries costs extra.",
    "Could we expand into retail?",
    "Research office is open again after the holidays.",
    "We're officially in talks with Globex.",
    "The Globex London office is now open.",
    "We're planning a launch in Spain next year.",
]


@pytest.mark.parametrize("text", MARKETS)
def test_markets_entered_are_read(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.MARKET_EXPANSION, POS)]


@pytest.mark.parametrize("text", NOT_MARKETS)
def test_market_look_alikes_open_nothing(make_message: MakeMessage, text: str) -> None:
    assert [e.event_type for e in read(make_message, text)
            if e.event_type is T.MARKET_EXPANSION] == []


def test_a_sector_entered_is_titled_by_it(make_message: MakeMessage) -> None:
    [event] = read(make_message, "Acme expands into the logistics sector with Globex Freight.")
    assert event.title == "Entered the logistics market"
    assert event.metrics == {"sector": "logistics"}


# Titles of growth.technical's results start at the metric again ("Faster for big workspaces",
# not "3x faster ..."): started at the change, the LLM path's dedup merged "Processed 7.6B
# events" with "Record throughput: 7.6bn events" in one order of batches and not in another,
# so a fault changed the stored events (tests/faults). Fix the dedup first, then the titles.
@pytest.mark.parametrize(("text", "title"), [
    ("Acme crossed 10 billion API calls served this year.", "10B API calls"),
])
def test_a_result_is_titled_from_its_change(make_message: MakeMessage, text: str,
                                             title: str) -> None:
    # a contraction ("Here's") is no one else's system; the title shows the change, not "Faster"
    [event] = read(make_message, text)
    assert event.title == title


def test_a_city_opened_and_its_country_are_one_expansion(make_message: MakeMessage) -> None:
    events = read(make_message, "\U0001f4cd Helsinki office open \U0001f942",
                  "first customers in finland are live as of today so we're officially in "
                  "finland")
    assert [e.event_type for e in events] == [T.MARKET_EXPANSION]
    assert len(events[0].source_message_ids) == 2


def test_one_scale_figure_under_two_names_is_one_result(make_message: MakeMessage) -> None:
    events = read(make_message, "Record throughput: 3 billion events in a day",
                  "We now process 3B events per day in production.")
    assert [e.event_type for e in events] == [T.TECHNICAL_ACHIEVEMENT]
    assert len(events[0].source_message_ids) == 2


def test_one_speedup_under_two_names_is_one_result(make_message: MakeMessage) -> None:
    events = read(make_message, "The new HTTP runtime is 5x faster.",
                  "A 5x speedup for most workloads, measured in production.")
    assert [e.event_type for e in events] == [T.TECHNICAL_ACHIEVEMENT]
    assert len(events[0].source_message_ids) == 2
