"""The rules extractor on coverage and technical results as people tell them (recognition.py,
measured.py).

Every text is hand-written, before any corpus message was read, in the registers the product
meets: team Slack and community chat, founders' update emails, release notes and press
releases. Each family stands beside its look-alikes: content of our own, interviews still to
come or for a job, someone else's post, targets, staging numbers, a member's own code, a claim
against a rival product and a price cut."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules import RulesExtractor
from signalpipe.extract.rules.found import Found
from signalpipe.extract.rules.recognition import veto
from signalpipe.models import Batch, EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType
ALIASES = ("Acme", "Tilt")

# someone wrote about us; one of us on a show, or the show out; our post at the top of a site
COVERAGE = [
    # founder update / team chat
    "Our friend Jay Vidyarthi wrote about Acme this week.",
    "Wired published a long feature on Acme yesterday.",
    "Stratechery wrote about Acme in Monday's update.",
    "Someone wrote a blog post about us and it hit the front page of HN.",
    "Kelsey Hightower tweeted about Tilt and the traffic was wild.",
    "shoutout: @dana wrote about Tilt on her blog, really nice piece",
    "Nice write-up of Tilt in InfoQ this week.",
    "The Verge ran a story on Acme's new headset this morning.",
    "Great piece in The Verge about our launch this morning.",
    "We made the news: the Guardian covered our expansion to Leeds.",
    "Acme is on the cover of this month's Wired UK.",
    "Press: Forbes, Axios and Sifted all wrote about the round.",
    "Swiss Post has published a very interesting doc about running Acme in high security "
    "setups.",
    "DevOps Toolkit's Victor Farcic publishes a video about Tilt.",
    "Kelsey gave a talk featuring Tilt at KubeCon last week.",
    "There were a ton of blog posts dedicated to Acme this month.",
    "Gartner published a report on Acme's approach to observability.",
    # press lists and our name in an outlet
    "Media mentions this month: Forbes, Business Insider, Sifted.",
    "Coverage: VentureBeat wrote up the launch.",
    "We were in TechCrunch on Tuesday!",
    "We're in the Financial Times today",
    "Acme made it into Axios Pro Rata this morning.",
    "New reviews of Acme this month from RaidOwl and Network Chuck.",
    "Great review of Acme in Ars Technica today.",
    # shows and interviews
    "Jeff and I did a podcast! Thanks to Product Hunt for hosting us.",
    "The episode of Syntax with our CEO is out now.",
    "My interview with IEEE Spectrum went live today.",
    "Tilt got a 20 minute segment on Bloomberg TV this morning.",
    # a post at the top of a site
    "Our Show HN post hit the front page of Hacker News and stayed there all afternoon.",
    "Our launch post reached #1 on Hacker News, 40k visits in a day.",
    "It reached the #1 spot on Hacker News and stayed there for most of the day.",
    "The beginning of December was busy, as Acme reached the top of both Reddit "
    "(/r/programming) and Hacker News.",
    "Tilt reached the top of r/kubernetes this weekend.",
]

NOT_COVERAGE = [
    "I have an interview with Stripe on Thursday, wish me luck.",
    "Our CEO is scheduled to appear on the Changelog podcast next month.",
    "TechCrunch wants to interview our CEO next week.",
    "We published a blog post about our new pricing.",
    "I wrote about our pricing change on the blog.",
    "We wrote a post about our migration to Postgres.",
    "I submitted a talk to KubeCon about Tilt.",
    "We're planning a guest post on the Stripe blog.",
    "We have three candidate interviews lined up for the SRE role.",
    "Interview loop for the head of sales finishes Friday.",
    "I have a podcast interview lined up with Syntax next Tuesday.",
    "Listen to our own podcast, episode 12 is out.",
    "Our weekly podcast episode 40 is out now with special guest Jane.",
    "Can someone write about Tilt for the newsletter?",
    "He blogged about Kubernetes networking last week.",
    "I'd love to get on the Changelog podcast someday.",
    "Stripe's post hit the front page of Hacker News today.",
    "The race to the top of the leaderboard begins tomorrow.",
    "Sales started to slow after the boost I got when someone popular tweeted about us.",
    "Stripe was featured in Forbes this week.",
    "Check out the article I wrote about Postgres tuning.",
    "We should get someone to write about us in the Verge.",
    "Did anyone read the Verge piece about Apple's new headset?",
    "The Guardian covered the election results last night.",
    "TechCrunch wrote about the Stripe round.",
    "I gave a talk about Acme at KubeCon.",
    "Press kit: logos and screenshots are in the drive.",
    "Press release draft is ready for review.",
    "In the news: Stripe raised at a $50B valuation.",
    "Our CEO was in New York Times Square on Friday.",
    "I was in the Wired office yesterday.",
    "Code review of our app in GitHub is done.",
    "Security review of our product by Trail of Bits is complete.",
    "Can you review my PR on Acme?",
    "Our G2 reviews are up this quarter.",
    "We were in Berlin for the conference.",
    "We published a whitepaper on our security model.",
    "Kelsey gave a talk about Kubernetes networking at KubeCon.",
    "Now the race to the top of the leaderboard begins.",
    "I was interviewed by the police as a witness, long day.",
    "Reminder: our podcast episode with the Stripe team goes live Thursday.",
]

# less of a resource, figures in words, clean migrations of scale, benchmarks won
TECHNICAL = [
    # team chat / community
    "p99 halved after the cache rewrite.",
    "big news folks: latency on the public API halved after last week's rollout",
    "heads up team, we migrated all 2.3 billion rows to the new cluster without a hiccup",
    "Migrated 40 TB to the new cluster with zero downtime.",
    "Moved all customers to the new database over the weekend with zero downtime.",
    # founder update
    "We cut our cloud bill by a third this quarter.",
    "Engineering: we shaved our AWS bill by 45% by moving batch jobs to spot instances.",
    "We cut our GPU costs in half by switching to quantised models.",
    "Memory use is down 40% since v2.3 rolled out.",
    # release notes
    "Performance: the indexer now uses 35% less memory on large repositories.",
    "This release cuts memory usage by about 40% for most workloads.",
    "v4.2: reduced the size of the Docker image by 60%.",
    "Reduced the size of our tracking script by more than 50%.",
    "Binary size is down 30% thanks to the new linker settings.",
    "We moved every workspace to the new storage engine with zero downtime.",
    # a gain told as performance, a multiple in words, a figure up, a time down from
    "Up to 87% performance increase for all Acme users in this month's progress report.",
    "The new renderer gives a 30% performance boost on older GPUs.",
    "Battery life is up 40% with the new firmware.",
    "Page loads are twice as fast since we moved to the edge.",
    "Imports are now ten times faster than before.",
    "Dashboards load in under a second now, down from 6 seconds.",
    # load carried without harm; uptime kept as a record
    "The platform processed 3 million transactions on Black Friday without a hiccup.",
    "Survived the Hacker News hug of death with no downtime: 120k visitors in 6 hours.",
    "Uptime for March: 100%, zero incidents.",
    "100% uptime for the third month in a row.",
    "Reliability: 99.98% availability last quarter, our best quarter yet.",
    # benchmarks and records
    "Our model took first place on the MLPerf inference benchmark.",
    "Our solver ranks first on the SAT competition benchmark this year!",
    "Acme now ranks #1 on the Hugging Face Open LLM leaderboard.",
    "Acme set a new world record on the TPC-DS benchmark at the 10TB scale factor.",
]

NOT_TECHNICAL = [
    "Goal for Q2: cut p99 latency in half.",
    "If we halve p99 we can sign Globex.",
    "We hope to cut memory use by half in Q3.",
    "Our goal is to migrate everything with zero downtime.",
    "Planning to migrate the staging database next week with zero downtime.",
    "We didn't migrate all 40 TB with zero downtime, it took 3 hours of downtime.",
    "Try it: it should use about 50% less RAM on older phones.",
    "Memory use went up 40% after the upgrade.",
    "We cut the price of the Pro plan in half.",
    "The new plan is 50% cheaper for startups.",
    "Uses 10x less memory than Electron, check out my new app!",
    "My fork uses 30% less memory than upstream.",
    "I benchmarked my JSON parser and it's 3x faster than serde now.",
    "On the dataset I use, my version is 170x faster on a single thread.",
    "My package CSV.jl is now 2x faster at reading large files, new release out.",
    "On staging the new index makes queries 5x faster.",
    "Llama 3 took first place on the MMLU benchmark.",
    "Does anyone know why performance dropped 30% after updating?",
    "I get 2x the performance with my overclocked GPU.",
    "Performance could improve by up to 50% if we merge this.",
    "Benchmark from a user: the game runs 20% faster on Linux than Windows.",
    "The M4 chip brings a 30% performance boost over the M3.",
    "Our streaming delivers video up to 50 times faster than the public internet.",
    "Our SLA promises 99.9% uptime.",
    "Zero downtime deployments are now supported in the CLI.",
    "We're aiming for zero downtime during the migration next week.",
    "Stripe had zero downtime during Black Friday.",
    "The library handles 1M events per second without a hiccup on my laptop.",
]


# an outage customers felt, told in chat's words: a lowlight of the technical type
OUTAGES = [
    "Checkout errors spiked for two hours after the deploy; about 800 orders failed.",
    "Rough night: the sync service was broken for about 4 hours and customers saw stale data.",
    "We lost about 2 hours of customer events during the Kafka outage on Monday.",
    "Login was broken for all EU users for 90 minutes yesterday.",
    "Our API returned 500s for 45 minutes this morning, roughly 30% of requests failed.",
    "Emails were delayed by up to 6 hours for all customers on Tuesday.",
]

NOT_OUTAGES = [
    "Staging was broken for 2 hours, no customer impact.",
    "CI was red for most of the day.",
    "Login was broken on my local setup after the upgrade.",
    "Shipping of orders was delayed for a week because of the strike.",
    "Stripe's API was down for an hour yesterday.",
    "If the API is down for more than 5 minutes, page the on-call.",
    "The old dashboard was broken for years and nobody noticed.",
    "Our users lost hours of work to spreadsheets before Acme.",
    "We fixed a minor bug where search was down for 10 minutes for a few customers.",
]


@pytest.mark.parametrize("text", OUTAGES)
def test_an_outage_customers_felt_is_a_technical_lowlight(make_message: MakeMessage,
                                                          text: str) -> None:
    events = read(make_message, text, aliases=ALIASES)
    assert [(e.event_type, e.polarity) for e in events] == [
        (T.TECHNICAL_ACHIEVEMENT, Polarity.NEGATIVE)], events


@pytest.mark.parametrize("text", NOT_OUTAGES)
def test_outage_look_alikes_are_no_event(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text, aliases=ALIASES) == []


@pytest.mark.parametrize("text", COVERAGE)
def test_coverage_in_every_register_is_read(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text, aliases=ALIASES)
    assert [e.event_type for e in events] == [T.MEDIA_COVERAGE], events
    assert events[0].polarity is Polarity.POSITIVE


@pytest.mark.parametrize("text", NOT_COVERAGE)
def test_coverage_look_alikes_are_no_event(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text, aliases=ALIASES) == []


@pytest.mark.parametrize("text", TECHNICAL)
def test_a_technical_result_in_every_register_is_read(make_message: MakeMessage,
                                                      text: str) -> None:
    events = read(make_message, text, aliases=ALIASES)
    assert [e.event_type for e in events] == [T.TECHNICAL_ACHIEVEMENT], events
    assert events[0].polarity is Polarity.POSITIVE


@pytest.mark.parametrize("text", NOT_TECHNICAL)
def test_technical_look_alikes_are_no_event(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text, aliases=ALIASES) == []


def test_titles_name_the_outlet_and_the_site(make_message: MakeMessage) -> None:
    titles = [e.title for e in read(
        make_message, "Wired published a long feature on Acme yesterday.",
        "Our launch post reached #1 on Hacker News, 40k visits in a day.",
        "Jeff and I did a podcast with Product Hunt, link below.", aliases=ALIASES)]
    assert sorted(titles) == sorted(["Coverage in Wired", "Reached #1 on Hacker News",
                                     "Podcast appearance on Product Hunt"]), titles


def test_two_front_pages_on_two_days_are_two_events(make_message: MakeMessage) -> None:
    a = make_message(text="Our launch post hit the front page of Hacker News.")
    b = make_message(text="Our open-source post hit the front page of Hacker News too.")
    b = b.model_copy(update={"timestamp": b.timestamp.replace(year=b.timestamp.year + 1)})
    batch = Batch(id="b", company_id=a.company_id, source=a.source, messages=(a, b))
    events = RulesExtractor(aliases={a.company_id: list(ALIASES)}).extract(batch).events
    assert len(events) == 2, events


def test_the_veto_leaves_other_types_and_lowlights_alone() -> None:
    goal = "Goal for Q2: cut p99 latency in half."
    launch = Found(T.PRODUCT_LAUNCH, {}, "Launched", 0)
    outage = Found(T.TECHNICAL_ACHIEVEMENT, {"incident": "outage"}, "Outage", 0, negative=True)
    result = Found(T.TECHNICAL_ACHIEVEMENT, {"p99": "half"}, "p99 halved", 0)
    assert veto(launch, goal, goal) is None
    assert veto(outage, goal, goal) is None
    assert veto(result, goal, goal) == "a goal or target, not a result"
