"""The rules extractor on launches, technical results, press and new markets, in release notes,
blogs, press releases and chat: what is a launch of ours and which release-note lines are not,
each hand-written beside a look-alike that is no event."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType
NEG = Polarity.NEGATIVE
POS = Polarity.POSITIVE


FOUND = [
    # a new product, a major version, GA, open-sourced today
    ("We launched Acme Analytics, our new reporting app, today!", T.PRODUCT_LAUNCH, POS),
    ("Acme 2.0 is out! Our biggest release yet.", T.PRODUCT_LAUNCH, POS),
    ("Flow Copilot is now GA for all customers.", T.PRODUCT_LAUNCH, POS),
    ("Introducing Acme Cloud: our hosted platform is now generally available.",
     T.PRODUCT_LAUNCH, POS),
    ("As of today Acme Engine is open source under the Apache 2.0 license.",
     T.PRODUCT_LAUNCH, POS),
    ("Launch day is here: the Acme mobile app is live on the App Store.", T.PRODUCT_LAUNCH, POS),
    # a launch named in lower case, before "went live" or after "we shipped"
    ("Big day: the public API went live this morning.", T.PRODUCT_LAUNCH, POS),
    ("We shipped the new billing dashboard to everyone today.", T.PRODUCT_LAUNCH, POS),
    ("We open-sourced our query engine today.", T.PRODUCT_LAUNCH, POS),
    ("We just open-sourced our SDK.", T.PRODUCT_LAUNCH, POS),
    ("We released Acme 4.0 today with a brand-new editor.", T.PRODUCT_LAUNCH, POS),
    ("Launched the self-serve plan today, anyone can sign up now.", T.PRODUCT_LAUNCH, POS),
    ("We launched the app on May 3.", T.PRODUCT_LAUNCH, POS),
    # a launch's lowlight in founder words
    ("I'm shelving What Got Done, as customers seem uninterested in the idea.",
     T.PRODUCT_LAUNCH, NEG),
    ("I announced a new product and then discovered it was a mistake.", T.PRODUCT_LAUNCH, NEG),
    ("We're shelving our mobile app to focus on web.", T.PRODUCT_LAUNCH, NEG),
    ("We launched the app and it went great.", T.PRODUCT_LAUNCH, POS),
    # chat in lower case, with emoji
    ("just shipped v2 of the dashboard 🎉", T.PRODUCT_LAUNCH, POS),
    ("our ios app is finally live in the app store", T.PRODUCT_LAUNCH, POS),
    ("🚀 launched: the new onboarding flow", T.PRODUCT_LAUNCH, POS),
    ("we got written up in techcrunch!!", T.MEDIA_COVERAGE, POS),
    ("podcast episode with our ceo dropped today", T.MEDIA_COVERAGE, POS),
    # "we're in" (as in "we're in TechCrunch") must not hide the "introducing" after it
    ("Today we're introducing Acme Pages, a new way to publish status pages.",
     T.PRODUCT_LAUNCH, POS),
    ("We are introducing Acme Pages today.", T.PRODUCT_LAUNCH, POS),
    # launch words in release-post style
    ("Today we're shipping one-click importers for three platforms.", T.PRODUCT_LAUNCH, POS),
    ("We just pushed the first version of **Private Locations** at Acme.", T.PRODUCT_LAUNCH,
     POS),
    ("We have published our Raycast integration.", T.PRODUCT_LAUNCH, POS),
    ("Now available: Acme Insights for all teams.", T.PRODUCT_LAUNCH, POS),
    ("Acme Research is proud to announce the USRP N320 and USRP N321 radios.",
     T.PRODUCT_LAUNCH, POS),
    ("We are proud to announce the launch of Acme Pay.", T.PRODUCT_LAUNCH, POS),
    ("With version 1.0.0-beta.1 the Acme sync engine is now in BETA!", T.PRODUCT_LAUNCH, POS),
    ("Acme Circuits is a new primitive that turns any database query live.", T.PRODUCT_LAUNCH,
     POS),
    ("We are launching templates for Acme Sign!", T.PRODUCT_LAUNCH, POS),
    # a founder's own products: the first version, a beta, a book or a course
    ("I published my first version of an app for finding live comedy.", T.PRODUCT_LAUNCH,
     POS),
    ("Result: Released a beta version of Acme Pro.", T.PRODUCT_LAUNCH, POS),
    ("My Italian book sold well and I launched another book at the end of the month.",
     T.PRODUCT_LAUNCH, POS),
    # a technical result, measured in production
    ("p99 latency in production dropped from 420ms to 95ms after the cache rollout.",
     T.TECHNICAL_ACHIEVEMENT, POS),
    ("We cut our AWS bill by 40% this quarter.", T.TECHNICAL_ACHIEVEMENT, POS),
    ("We reduced infra spend from $40k to $25k a month.", T.TECHNICAL_ACHIEVEMENT, POS),
    ("We now process 2 billion events a day.", T.TECHNICAL_ACHIEVEMENT, POS),
    ("We hit 99.999% uptime for the whole quarter.", T.TECHNICAL_ACHIEVEMENT, POS),
    ("Index size shrank by 40% after switching to zstd.", T.TECHNICAL_ACHIEVEMENT, POS),
    ("We migrated to Kubernetes and cut deploy times from 20 minutes to 3.",
     T.TECHNICAL_ACHIEVEMENT, POS),
    ("Memory usage dropped by half after the Rust rewrite.", T.TECHNICAL_ACHIEVEMENT, POS),
    ("Our model now beats GPT-4 on the HumanEval benchmark.", T.TECHNICAL_ACHIEVEMENT, POS),
    ("We have been able to double the throughput of data redistribution in production.",
     T.TECHNICAL_ACHIEVEMENT, POS),
    # press that ran, a podcast that aired
    ("We were featured in TechCrunch this morning!", T.MEDIA_COVERAGE, POS),
    ("Our post reached #1 on Hacker News yesterday.", T.MEDIA_COVERAGE, POS),
    ("We were featured on a couple of podcasts and newsletters.", T.MEDIA_COVERAGE, POS),
    ("TechCrunch covered our Series A this morning!", T.MEDIA_COVERAGE, POS),
    ("Our story was picked up by Reuters.", T.MEDIA_COVERAGE, POS),
    ("Jane Doe was interviewed on Bloomberg TV about Acme.", T.MEDIA_COVERAGE, POS),
    ("I'm pleased that the analyst firm GigaOm today is recognizing Acme as a leader.",
     T.MEDIA_COVERAGE, POS),
    ("In 2022 we were awarded \"Best Project Management Tool\" by Cybernews.",
     T.MEDIA_COVERAGE, POS),
    ("Acme was voted \"Best CRM for Startups\" by G2 users.", T.MEDIA_COVERAGE, POS),
    # a new market: a place, a language or a currency
    ("Acme is now available in French, Spanish and German.", T.MARKET_EXPANSION, POS),
    ("The app now supports Japanese.", T.MARKET_EXPANSION, POS),
    ("We now accept payments in euros, opening up the EU market.", T.MARKET_EXPANSION, POS),
    ("New region: eu-west-2 (London) is now available.", T.MARKET_EXPANSION, POS),
    ("We've entered the Indian market.", T.MARKET_EXPANSION, POS),
    ("Launching in Australia and New Zealand today!", T.MARKET_EXPANSION, POS),
    ("We now ship to Canada.", T.MARKET_EXPANSION, POS),
    ("We hired our first employee in Singapore.", T.MARKET_EXPANSION, POS),
    ("We gained a foothold in Japan this quarter with our first two customers.",
     T.MARKET_EXPANSION, POS),
    ("We opened our first office in Berlin this week.", T.MARKET_EXPANSION, POS),
    ("Acme is now live in Brazil.", T.MARKET_EXPANSION, POS),
    ("We are now happy to announce Acme Cloud availability in Google Cloud Platform (GCP) zones!",
     T.MARKET_EXPANSION, POS),
]


@pytest.mark.parametrize(("text", "kind", "polarity"), FOUND)
def test_launches_results_press_and_markets_are_read(
        make_message: MakeMessage, text: str, kind: EventType, polarity: Polarity) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, polarity)], text


NOT_EVENTS = [
    # someone else's release
    "Every major AI platform has now shipped managed agents.",
    "Over the last few weeks, all of these major AI labs and platforms have shipped agents.",
    "Our EU distributor, who launched at the trade fair, sold 40 units.",
    # the launch as backstory, or as a point to count from
    "A lot has changed since we [first released the CLI](/blog/introducing-cli).",
    "It took us 324 days to reach $400 MRR after we launched the paid plan in May 2019.",
    "To complement the 4.9 release, new binary installers are available for Ubuntu.",
    # launching a process, a write-up introducing an idea
    "Also launching a clean and new Next.js server takes 2.5 seconds on my MacBook.",
    "Launching a new container per request is too slow for us.",
    "This post introduces the Durable Session pattern and shows how to implement it.",
    "Introducing the GoaT stack",
    # release-note lines: a pull request, work in bulk, a feature on a surface
    "19326 - async MCP discovery: Introduces discover_mcp_tools_async for better discovery.",
    "Fix retry storm on reconnect (#4512) - introduces a backoff for the new client.",
    "We're kicking off the year with a fresh release that introduces a whole slew of "
    "improvements to configuring the app.",
    "Impacts are available on the API and importers preserve them on migration.",
    "Tiered Pricing: We're introducing tiered pricing starting at just $25.",
    "We just pushed the first version of the docs site.",
    "Amazon launched a new book club.",
    "Stripe Radar is a new product from Stripe.",
    "[Turso](https://turso.tech/) is a new database provider.",
    "We are happy to announce the winners of our hackathon.",
    "We published a blog post about our journey.",
    "I shelved the blog post draft.",
    "We abandoned Heroku for Fly.io last month.",
    "Today we're shipping 40 orders to the Berlin warehouse.",
    "We're shipping a fix for the login bug today.",
    "We're shipping the new app next week.",
    "We shipped the fix to everyone today.",
    "shipped the fix for the login bug",
    "shipped the order to Berlin",
    "rolled out the new onboarding process for hires",
    "our new office wifi is finally live",
    "the new pricing page is finally live",
    "the new team dashboard in notion is live",
    "We have launched a search for our next CEO.",
    "just shipped a few small fixes",
    "We shipped the new search to staging.",
    "Our new website is live.",
    "The survey is now available.",
    "We plan to launch the app next month.",
    # reports, events, schedules and content "unveiled" or "live"
    "IBM Unveils the Technologies Defining the Global Business Landscape in 2026.",
    "The conference schedule is live.",
    "Poll day is here, and this one's for anyone running Iceberg upserts.",
    "The Spotlight series launches new workouts with full playlists.",
    "Fitness+ is introducing a new series of multiweek programs.",
    "Fitness+, now available in 48 countries, is introducing a new series of programs.",
    "Fitness+ is available anytime, anywhere, on iPhone, iPad, and Apple TV.",
    "Now available: our 2025 State of DevOps report.",
    # words that only look like launch words
    "TLS 1.0 and 1.1 are outdated versions of the encryption protocol.",
    "Smith and Winfred Benson Relays in Albany, GA.",
    "Complexity: I find GA overwhelming and difficult to learn.",
    "Acme is open-source, multi-cloud and works with GitLab.",
    "Our toolbox is open source just like the rest of Acme.",
    "But we will need to teach GPT which functions are available.",
    "Savings is available to cardholders, subject to eligibility requirements.",
    # technical look-alikes: estimates, prices, support, spec sheets, vendors, other systems
    "The FEC anticipates saving 85% in hosting costs by moving to the cloud.",
    "Our average response time is 4.5 hours, significantly improved from 11.5 hours.",
    "We also reduced the price significantly: 10M requests now cost $40 instead of $90.",
    "The new switch systems deliver 5x improved power efficiency and uptime.",
    "Your application error rate (5xx) has dropped from 0.45% to 0.08% over the last 30 days.",
    "Cloudflare KV proved to be too slow for us: the p99 was 560ms.",
    "We need to hit 99.9% uptime next quarter.",
    "Our competitor beats us on the TPC-H benchmark.",
    "Our support team now handles 2k requests a month.",
    "We can now handle 10k requests per second in theory.",
    "Our image size grew by half after adding CUDA.",
    "The competitor's deploy times dropped by half.",
    "Our hosting costs are $3k a month.",
    "It's hard to deploy with zero downtime without needing to double your memory usage.",
    "Column types widened: int to bigint, float to double, decimal precision up.",
    # incidents as a topic or a year summed up
    "The underlying assumption of a postmortem is that if something went wrong, the systems "
    "failed customers, not the people.",
    "Acme was down for a total of 5.5 hours during 2021, which gives us an uptime of 99.93%.",
    "For four months we chased every user-reported incident affecting customers.",
    # press look-alikes: the writer, an invitation, what could be, a title, an old award
    "As I mentioned in the last post, February was the first month I paused freelancing.",
    "This week I got invited on the Product Journey podcast to talk about the app.",
    "A val should go viral like how a repo can be on the front page of HN.",
    "I made a video course called \"Hit the Front Page of Hacker News\" last year.",
    "This announcement follows Acme's June award win for Partner of the Year.",
    "I'd love to be featured on podcasts someday.",
    "We position Acme as a leader in observability.",
    "Stripe was featured in Forbes.",
    "The podcast aired a story about our competitor.",
    "Our podcast's 50th episode is out now.",
    "The rewards are for our community members, so our co-founders won\u2019t take the prize.",
    "Stripe was awarded \"Best Payments API\" by DevWeek.",
    "We voted on the new logo.",
    "The package was picked up by UPS.",
    # a business partner welcomed is no hire
    "We're proud to deepen our relationship by welcoming them as the newest partner in our "
    "industry.",
    # market look-alikes
    "I tested several new marketing channels and realized I'm failing to measure them.",
    "Halfway through the month, I retired the Hobbyist Kit from the website.",
    "Beauty network ZibaHub launches Inclusive Beauty.",
    "Our docs are now available in French.",
    "Our support agent speaks German.",
    "Prices are shown in euros.",
    "This opened up the enterprise market for us.",
    "The grant aims to expand access to homeownership in the United States.",
    "I'm flying to Berlin for a conference next week.",
    "Our new region picker is live.",
    "We're launching in the UK next quarter.",
    "Our CEO spoke at a conference in Paris.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_look_alikes_are_no_events(make_message: MakeMessage, text: str) -> None:
    kinds = {T.PRODUCT_LAUNCH, T.TECHNICAL_ACHIEVEMENT, T.MEDIA_COVERAGE, T.MARKET_EXPANSION,
             T.HIRING}
    events = [e for e in read(make_message, text) if e.event_type in kinds]
    assert events == [], (text, [e.title for e in events])


HEADLINES = [
    ("Announcing IN query operator", True),
    ("Introducing: The Status Page Theme Explorer", True),
    ("Announcing Acme Cloud Enclave: bring your own cloud", True),
    ("Announcing Acme Studio 2.0", True),
    ("Announcing our Q3 results", False),
    ("Announcing the 2025 Community Award winners", False),
    ("Announcing Acme Commit 2021: Innovate Together", False),
    ("Announcing NEWSDR 2021 on Friday August 20", False),
    ("Announcing NEWSDR at UMass-Boston on June 13/14", False),
    ("Announcing NEWSDR on \u200bFriday June 3", False),
]


@pytest.mark.parametrize(("subject", "launch"), HEADLINES)
def test_a_post_titled_announcing_names_its_launch(make_message: MakeMessage, subject: str,
                                                   launch: bool) -> None:
    events = read(make_message, "Read on for the details.", subject=subject)
    assert [e.event_type for e in events] == ([T.PRODUCT_LAUNCH] if launch else []), subject


def test_a_year_in_review_restates_launches(make_message: MakeMessage) -> None:
    text = "Self-Hosting: We released a self-hosted version of Acme."
    assert read(make_message, text, subject="Acme 2025 Year in Review") == []
    events = read(make_message, text, subject="Self-hosting is here")
    assert [e.event_type for e in events] == [T.PRODUCT_LAUNCH]


def test_a_launch_named_by_the_company_alone_keeps_its_number(make_message: MakeMessage) -> None:
    # "Launched Acme" would merge every launch of a batch into one event
    events = read(make_message, "Acme 8 is here, with a new ranking engine.")
    assert [e.title for e in events] == ["Launched Acme 8"]


def test_a_cost_cut_reports_the_cost_now(make_message: MakeMessage) -> None:
    events = read(make_message, "We reduced infra spend from $40k to $25k a month.")
    assert [e.metrics for e in events] == [{"infra_spend": 25000}]


def test_open_sourcing_is_an_event_beside_the_launch(make_message: MakeMessage) -> None:
    texts = ["Announcing Acme Engine, our new query engine.", "Acme Engine is now open source."]
    events = read(make_message, *texts)
    assert sorted(e.title for e in events) == ["Launched Acme Engine", "Open-sourced Acme Engine"]


def test_a_digest_line_names_what_it_shipped(make_message: MakeMessage) -> None:
    events = read(make_message, "rolled out sso to all enterprise customers")
    assert [e.title for e in events] == ["Launched sso"]


def test_an_analyst_ranking_names_the_firm(make_message: MakeMessage) -> None:
    events = read(make_message, "Read the report.",
                  subject="Acme Named a Leader in the 2025 Gartner Magic Quadrant")
    assert [e.title for e in events] == ["Coverage in Gartner"]


@pytest.mark.parametrize("text", ["We're shipping the new mobile app today.",
                                  "We launched the new mobile app in Germany."])
def test_a_launch_title_names_the_thing(make_message: MakeMessage, text: str) -> None:
    assert [e.title for e in read(make_message, text)] == ["Launched mobile app"]


@pytest.mark.parametrize(("subject", "incident"), [
    ("Post-mortem: Blob Storage Outage", True),
    ("Incident report: API degradation on May 3", True),
    ("How we write post-mortems", False),
])
def test_a_post_mortem_title_reports_an_incident(make_message: MakeMessage, subject: str,
                                                 incident: bool) -> None:
    events = read(make_message, "Here is what happened and what we changed.", subject=subject)
    kinds = [(e.event_type, e.polarity) for e in events]
    assert kinds == ([(T.TECHNICAL_ACHIEVEMENT, NEG)] if incident else []), subject
