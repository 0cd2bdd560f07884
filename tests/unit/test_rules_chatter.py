"""The rules extractor on a team's own chatter and on public mail: what looks like an event and is
not (to-do items, goals, jokes, test posts, PR lines, gatherings going live, invitations, prizes,
habits, vendors' notices, bills, drafts, news passed on, code), each family in several
phrasings, beside chat that does state an event; and bad input (any script, emoji, tables, code,
1 MB dumps) that must neither crash, nor slow the extractor past 1 ms per KB, nor invent events.
Every sentence is hand-written."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

import pytest

from signalpipe.extract.rules.chatter import blank_code, dump, plan_heading
from signalpipe.models import EventType, Polarity
from tests.unit import rules_read
from tests.unit.rules_read import MakeMessage

T = EventType
# the messages here are a colleague's
read = partial(rules_read.read, sender="dana")


CHATTER = {
    "to-do": [
        "Follow up with the churned customers to learn why they didn't renew.",
        "Reach out to Sequoia about the term sheet.",
        "3. Follow up with non-renewal people from the pre-sales.",
        "(Stretch) Close the deal with Globex",
        "TODO: sign the Initech MSA and announce the partnership with Stripe",
        "Remind me to ping Accel about the term sheet.",
        "Need to chase Umbrella for the signed contract.",
        "### Receive Relay reviews from two bloggers with a relevant audience",
        "Earn $100 in revenue from sales of meal plans",
    ],
    "plan heading": [
        "Today's goals:\n1. Close the deal with Globex\n2. Hit $5k MRR\n3. Launch the pricing page",
        "## March goals\n- **$10k MRR** (40% growth)\n- 5,000 daily active users\n"
        "- Hire a head of sales",
        "## February Goals\n\nHere's what I want done by the end of February.\n\n"
        "- **$150 MRR** (50% growth)\n- **4,000 Daily Active Users**",
        "Next steps:\n- Sign the partnership with Stripe\n- Release v2.0",
        "Objectives for Q2\n- $1M ARR\n- SOC 2 Type II certified",
        "Action items:\n- Launch v3 to all customers\n- Close the Globex renewal ($200k)",
        "This week's priorities:\n* hire a VP of Marketing\n* hit 2,000 paying users",
    ],
    "goal's figure": [
        "Reminder: the all-hands is at 3pm, we'll talk about Q3 goals ($2M ARR).",
        "Our newsletter goes out to my subscribers (~900 and counting!).",
        "Issue #6 comes out today, a preview goes to my email subscribers (~900 and counting!).",
    ],
    "joke": [
        "lol we closed a $10M series A... in my dreams",
        "sure, and I'm the new CEO of Google",
        "We signed Walmart, yeah right",
        "we totally just raised a $1B seed round. /s",
    ],
    "test post": [
        "Test: Acme raised $5M Series A (ignore, testing the webhook)",
        "testing the slack integration: we hit 10k users",
        "This is a test. We signed Globex for $200k.",
        "test test, ignore: we crossed 50k users",
        "[TEST] New event: Acme signed Globex for $300k",
    ],
    "pull request": [
        "#19326 - async MCP discovery: introduces discover_mcp_tools_async for better speed.",
        "PR 412: adds support for Postgres 16 and introduces a new config loader.",
        "feat(api): launch the new onboarding flow",
        "chore(deps): bump stripe from 5.1 to 6.0, cuts build time from 9m to 3m",
        "Merged #1882: launches the new billing page for everyone",
        "#1882 launches SSO for enterprise customers",
        "a1b2c3d fix: launches the new billing page",
        "Can someone review my PR #4512? It launches the new Kafka source.",
        "Just shipped my first PR to the repo \U0001f389",
    ],
    "own bench": [
        "Has anyone benchmarked it vs Debezium? We saw 3x faster syncs on our side.",
        "In our benchmarks the new engine is 3x faster than the old one.",
    ],
    "gathering": [
        "The GRCon schedule is live: check the talks.",
        "The AMA is live in #general, ask away",
        "Hackathon kicks off today, the submissions portal is live.",
        "We are delighted to announce the launch of the new R Consortium working group.",
        "New GNU Radio binary installers with UHD 4.9 support are available for Ubuntu.",
        "I launched a side project this weekend, a tiny CLI for dotfiles.",
    ],
    "invitation": [
        "I got invited on the Indie Pod podcast to talk about our journey.",
        "Booked a slot on the Changelog podcast.",
        "Two YouTubers agreed to review the kit, videos are in progress.",
    ],
    "prize": [
        "Win a prize: the top three answers get swag!",
        "Since the prizes are for community members, co-founders won't be in the prize count.",
    ],
    "habit": [
        "It's nothing like Notion, which gets a new customer every few minutes.",
    ],
    "vendor notice": [
        "Subject: Monthly Error Rate Report. Your application error rate (5xx) has dropped "
        "from 0.45% to 0.08% over the last 30 days.",
        "Your monthly active users grew 40% this month! Upgrade to see more insights.",
        "Your subscription has been renewed for another year. Amount charged: $12,000.",
    ],
    "turnout": ["Our webinar last week had a record 500 registrations."],
    "draft": [
        'Attached is the draft press release: "Acme raises $20M Series B led by Accel".',
        "Here's the wording for the launch post: Acme 2.0 is now generally available.",
    ],
    "passed on": [
        "FW: Acme closes $50M round -- thought you'd find this interesting.",
        "Interesting read: Globex raises $40M Series B to expand in Europe.",
    ],
    "pre-release": [
        "The new release of DBI is out, please test your packages against it before we submit "
        "to CRAN next week.",
    ],
    "code": ["```\nrevenue = 1_000_000  # we hit $1M ARR\ndeploy_to_prod()\n```"],
    "someone else's": [
        "My cousin's startup got into YC and raised $2M.",
        "A friend's company just closed a $3M seed round.",
        "Would love to test a serverless Hermes; i.e. what Vercel just shipped for OC:",
        "I'm excited to share that I have joined Swiss Re as Head of Analytics.",
    ],
    "quoted from a medium": [
        'Quote of the day: "We raised $10M and all I got was this t-shirt"',
        'Per the article: "Acme has raised $20M from Accel".',
    ],
    "a rival's": [
        "Begin forwarded message:\n\nAcme's competitor Initech raised a $30M Series B.",
        "Our biggest rival just launched a copycat dashboard.",
    ],
    "signature": [
        "Thanks for the quick reply, see you Thursday.\n\nCheers,\nTom\n"
        "Acme - the #1 rated payroll app on G2 | Now SOC 2 Type II certified",
        "Sounds good, I'll send the deck tonight.\n\nRegards,\nSam Lee\nHead of Growth, Acme\n"
        "We just raised our Series A! Read the announcement: acme.com/blog",
        "Happy to help with the intro.\n\nBest regards,\nDana\n"
        "Acme | Winner, SaaS Awards 2025 | Featured in TechCrunch",
    ],
    "not a market": [
        "The new hire orientation doc is live in Notion.",
        "The Q3 board deck is up on the shared drive.",
    ],
    "dated happening": [
        "Announcing NEWSDR 2021 on Friday August 20",
        "Announcing the community call at 5pm on \u200bFriday June 3",
    ],
    "purpose": [
        "The first is to get on the front page of Hacker News.",
        "Journey to $1000 MRR: Month 1 recap",
        "Our road to 10k users starts today.",
    ],
    "anyone's": [
        "The document that matters is the asset purchase agreement, which you sign when the deal "
        "closes.",
        "Once you hit $10k MRR, everything changes.",
    ],
    "a title": [
        'In 2020, I created a video course called "Hit the Front Page of Hacker News."',
    ],
    "internal prize": [
        "Our department was awarded the internal innovation prize for the new pricing model.",
        "Priya won employee of the month!",
    ],
}
CASES = [(family, text) for family, texts in CHATTER.items() for text in texts]


@pytest.mark.parametrize(("family", "text"), CASES,
                         ids=[f"{f}-{n}" for n, (f, _) in enumerate(CASES)])
def test_chatter_states_no_event(make_message: MakeMessage, family: str, text: str) -> None:
    assert read(make_message, text) == [], family


# The same families' look-alikes that do report an event: the vetoes must let them through.
EVENTS = [
    ("Hit $10k MRR today!", T.REVENUE_MILESTONE),
    ("Goal for August: Failed. But we did hit $5k MRR on the 30th!", T.REVENUE_MILESTONE),
    ("## Wins this week\n- Signed Initech ($120k ACV)", T.ENTERPRISE_DEAL),
    ("Update: we just crossed 1,000 paying customers \U0001f389", T.USER_GROWTH),
    ("Check out our feature in TechCrunch: they ran our story this morning.",
     T.MEDIA_COVERAGE),
    ("We were on the Changelog podcast this week, episode is live.", T.MEDIA_COVERAGE),
    ("I was a guest on the TMPDIR Podcast, though they invited me before I pitched.",
     T.MEDIA_COVERAGE),
    ("Welcome Sarah, our new VP of Sales!", T.HIRING),
    ("Finally! We're live on Product Hunt \U0001f680", T.PRODUCT_LAUNCH),
    ("\U0001f4e3 Relay CLI v2.3.0 is out", T.PRODUCT_LAUNCH),
    ("Our newsletter crossed 10,000 subscribers today.", T.USER_GROWTH),
    ("**$4,219 MRR (goal is 12.15%)**\n\nHit the $4,000 MRR mark since my last post!",
     T.REVENUE_MILESTONE),
    ("Plan update: we raised a $2M bridge from existing investors.", T.FUNDING),
    ("our p95 is 120ms now, it was 450ms before the cache rewrite",
     T.TECHNICAL_ACHIEVEMENT),
    ("Lost Umbrella Corp: they went with a competitor after the pilot.", T.ENTERPRISE_DEAL),
    ('We launched Relay Analytics, the dashboard our beta users called "a must", today.',
     T.PRODUCT_LAUNCH),
    ("2025 - we closed our Series A and tripled ARR", T.FUNDING),
    ("I reduced our Google Cloud Platform fees by 90% this month.",
     T.TECHNICAL_ACHIEVEMENT),
    ("Globex, which usually takes months to decide, signed with us in two weeks: $90k/yr.",
     T.ENTERPRISE_DEAL),
    ("Self-serve registration page is now live for all customers.", T.PRODUCT_LAUNCH),
    ("Hi all, quick one.\n\nBest,\nSam\n\nP.S. We also hit $1M ARR this week!",
     T.REVENUE_MILESTONE),
    ("Thanks!\nWe hit $1M ARR this week!", T.REVENUE_MILESTONE),
    ("Must-read: TechCrunch ran our story on the $4M seed this morning.", T.MEDIA_COVERAGE),
]


@pytest.mark.parametrize(("text", "kind"), EVENTS)
def test_events_in_chat_still_come_through(make_message: MakeMessage, text: str,
                                           kind: EventType) -> None:
    assert kind in {e.event_type for e in read(make_message, text)}


def test_a_pre_release_mail_launches_nothing_unless_final(make_message: MakeMessage) -> None:
    subject = "[UHD] Update to USRP E310 filesystem (v3.15.0.0 pre-release)"
    assert read(make_message, "The new architecture now supports MPM.", subject=subject) == []
    beta = "Acme Self-Hosted Beta: looking for beta testers"
    events = read(make_message, "Acme Self-Hosted is now out of beta!", subject=beta)
    assert [e.event_type for e in events] == [T.PRODUCT_LAUNCH]


def test_a_launch_dated_ahead_in_the_lead_is_no_launch(make_message: MakeMessage) -> None:
    lead = "Shipping later this month, Relay v3 is faster and simpler.\n\n- JSX support"
    assert read(make_message, lead, subject="Introducing Relay v3") == []
    done = ("In the last two weeks, we launched Pull Requests and shipped AI suggestions.\n\n"
            "Coming up soon is more polish and custom domains.")
    kinds = {e.event_type for e in read(make_message, done, subject="Relay Newsletter 14")}
    assert T.PRODUCT_LAUNCH in kinds


def test_joining_us_is_still_our_hire(make_message: MakeMessage) -> None:
    events = read(make_message, "I'm excited to share that Maria has joined Acme as Head of Sales.")
    assert [e.event_type for e in events] == [T.HIRING]


def test_a_lost_deal_keeps_its_polarity(make_message: MakeMessage) -> None:
    events = read(make_message, "Lost Umbrella Corp: they went with a competitor after the pilot.")
    assert [e.polarity for e in events] == [Polarity.NEGATIVE]


def test_plan_heading_governs_its_section_only() -> None:
    text = ("##### Recap\nWe hit $2k MRR.\n\n##### Goals\nToday's goals are:\n\n1. Write issue 9"
            "\n2. Close Globex\n\nNot a lot today.")
    assert plan_heading(text, text.index("We hit")) is None
    assert plan_heading(text, text.index("Close Globex")) == "Today's goals are:"
    assert plan_heading(text, text.index("Not a lot")) == "##### Goals"
    label = "Today's goals:\n- Close Globex\nYesterday we signed Initech."
    assert plan_heading(label, label.index("Close")) == "Today's goals:"
    assert plan_heading(label, label.index("Yesterday")) is None
    review = "## Goal grades\n- Hit $5k MRR: done"
    assert plan_heading(review, review.index("Hit")) is None


def test_blank_code_keeps_offsets_and_lines() -> None:
    text = "We shipped it.\n```\nclosed = signed\n```\nDone"
    blanked = blank_code(text)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert "closed" not in blanked and blanked.startswith("We shipped it.")
    assert blanked.endswith("Done")
    assert blank_code("no code here") == "no code here"


def test_dump_needs_a_long_repetitive_message() -> None:
    assert dump("we closed the deal " * 10_000) is not None
    assert dump("we closed the deal") is None
    prose = " ".join(f"word{n} and more text number {n}" for n in range(10_000))
    assert dump(prose) is None


ONE_MB = 1_000_000
# each built when its test runs, not at collection (about 1 MB apiece)
BAD_INPUT: dict[str, Callable[[], str]] = {
    "word salad": lambda: ". ".join(
        " ".join(("we", "closed", "signed", "deal", "$20k", "users", "crossed", "10k",
                  "latency", "40ms")[(n * 7 + k) % 10] for k in range(12))
        for n in range(90_000))[:ONE_MB],
    "one sentence repeated": lambda: ("We closed our $5M seed round. " * 40_000)[:ONE_MB],
    "table of numbers": lambda: ("| Jan | $10k | 1,200 | 12% |\n" * 40_000)[:ONE_MB],
    "code fences": lambda: (
        "```\nusers = 10_000  # crossed 10k users\n```\n" * 25_000)[:ONE_MB],
    "arabic": lambda: "أغلقنا جولة التمويل بقيمة 5 ملايين دولار. " * 20_000,
    "hindi": lambda: "हमने 50 लाख डॉलर जुटाए। " * 30_000,
    "korean": lambda: "우리는 시리즈 A 투자를 유치했습니다. " * 30_000,
    "emoji with joiners": lambda: (
        "\U0001f469\u200d\U0001f469\u200d\U0001f467 \U0001f680\U0001f389 " * 60_000),
    "control characters": lambda: "\x00\x01 we signed \x1b[31m\u200b" * 50_000,
    "newlines only": lambda: "\n" * ONE_MB,
    "html": lambda: "<div class='x'><span>$5M</span></div>" * 25_000,
}


@pytest.mark.parametrize("name", list(BAD_INPUT))
def test_bad_input_is_fast_and_states_nothing(make_message: MakeMessage, name: str) -> None:
    text = BAD_INPUT[name]()
    started = time.process_time()
    events = read(make_message, text)
    ms_per_kb = (time.process_time() - started) * 1000 / (len(text.encode()) / 1024)
    assert events == []
    assert ms_per_kb < 1.0, f"{name}: {ms_per_kb:.3f} ms per KB"


def test_a_round_told_twice_in_a_batch_is_one_event(make_message: MakeMessage) -> None:
    events = rules_read.read(make_message, "We signed the term sheet!",
                             "Term sheet: $15M at an $80M valuation.")
    assert len(events) == 1 and len(events[0].source_message_ids) == 2
    assert events[0].metrics["amount_usd"] == 15_000_000


def test_two_rounds_in_a_batch_stay_two(make_message: MakeMessage) -> None:
    events = rules_read.read(make_message, "We closed our $2M seed round.",
                             "Two years later we closed our $10M Series A.")
    assert sorted(e.metrics["amount_usd"] for e in events) == [2_000_000, 10_000_000]
