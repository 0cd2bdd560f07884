"""The rules extractor on news that is someone else's, or no one's (bystanders.py).

Every text is hand-written, before the corpus was read for these families, in the registers a
false event reaches an investor through: team chat, a founder's update email, a press release
or a news story, a release note, a community channel. Each family sits beside look-alikes that
are our news and must stay events."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from signalpipe.extract.rules import bystanders
from signalpipe.extract.rules.found import Found
from signalpipe.extract.rules.subject import aliases_pattern
from signalpipe.models import EventType
from tests.unit.rules_read import MakeMessage, read

T = EventType
_ACME = aliases_pattern(["Acme"])
_JAN_2026 = datetime(2026, 1, 5, tzinfo=UTC)

# someone else's news: a customer's, a friend's, an investor's, a competitor's
THEIRS = [
    "Globex approached Initech about leading their Series A",  # chat (a known false funding)
    "Sam's startup just got into YC!",  # chat
    "congrats to @sam's startup on their seed!",  # community chat
    "My old company Hooli just got acquired by Google",  # chat
    "Our customer Globex just raised their Series B!",  # chat
    "Huge congrats to the Hooli team on closing their $20M Series B \U0001f389",  # chat
    "Hooli, one of our customers, raised a $40M Series C led by Accel.",  # update mail
    "Big news for our friends at Initech: they raised a $12M Series A!",  # update mail
    "Portfolio news from our lead investor: Initech acquired Hooli.",  # update mail
    "Acme customer Globex today announced it has raised $30 million in Series B funding.",  # press
    "Stripe launched Stripe Tax today",  # chat
    "Initech (competitor) just announced a $15M Series A",  # chat
    "Congrats to Maria on her new role as VP Engineering at Stripe!",  # community
    "Our partner Hooli just hit 1 million users",  # update mail
]

# a link's preview, a reading list, something learned elsewhere
READING = [
    "<https://techcrunch.com/2026/01/05/initech-raises|Initech raises $30M to automate "
    "invoices>",  # a Slack unfurl
    "interesting article: Globex raises $50M to build robots https://techcrunch.com/x",
    "TIL Hooli shipped a new vector database",
    "Reading list this week: Stripe launches Stripe Climate; Hooli raises Series D",
    "Via TechCrunch: Initech raises $30M Series B",
    "From the newsletter: Hooli acquires Initech for $2B",
]

# advice to the reader, not news
GUIDES = [
    "How we made our first dollar online (a guide)",  # a blog post's title
    "How to raise a seed round in 2026",
    "The ultimate guide to getting SOC 2 certified",
    "A founder's guide to closing your first enterprise deal",
    "Tutorial: how to launch a Shopify app in a weekend",
    "7 mistakes to avoid when you hire your first VP Sales",
]

# jokes that take the claim back
JOKES = [
    "we're basically a unicorn now lol",
    "just closed a $10M round... of drinks for the team \U0001f37b",
    "we hit 1M users (if you count bots haha)",
    "ok we're officially profitable (for about an hour) lol",
    "Raised $1B in my dreams last night \U0001f602",
]

# templates, placeholders and drafts
TEMPLATES = [
    "[Company] raised $X in a Series A led by [Investor]",
    "Acme raises $[amount] Series A led by [fund]",
    "Raise $Xm in an A round",
    "Acme raised $__M led by ___",
    "{company_name} just launched {product_name}",
]

# a role advertised is no hire
JOB_POSTS = [
    "We are hiring! Our new Head of Marketing role is now open: https://acme.io/jobs",
    "We're hiring a VP Sales!",
    "Open role: founding engineer. DM me if interested",
    "Acme is hiring a CTO",
]

# old news with its date, plans, questions
OLD_AND_UNDONE = [
    "As announced in March 2024, Acme closed its Series A",
    "Our 2022 seed round was led by Initech Ventures",
    "As we announced last year, we raised a $5M seed",
    "What if we raised a Series A in Q3?",
    "If Globex signs, we'd be at $1M ARR",
    "Goal: close the seed by March",
]

# a place that is no place; a raise heard of or under way
NOT_A_PLACE_OR_NOT_DONE = [
    "Expanded to G9",
    "We expanded to Enterprise this quarter",
    "These integrations would unlock a whole new market for us.",
    "Grok's image generator, Black Forest Labs, is raising $100M at a $1B valuation, say "
    "sources",
    "Initech is in talks to raise a $40M Series B",
]


# A second set, written after the families above and held out until they were: measured before
# any rule was widened for it (main 36 of 45 silent, the first families 38, now 45).
SECOND_SET = [
    # chat about others
    "lol Initech just raised a $50M series B, our competitors are printing money",
    "fyi Hooli just announced they raised $200M",
    "did you see? Globex hired a new CRO from Salesforce",
    "heads up: Pied Piper just opened an office in Berlin",
    "Our biggest competitor just closed a $30M round",
    "One of our customers, Vandelay, got acquired by Oracle this morning",
    "Sarah (our angel) sold her company to Shopify today!",
    "my cofounder's previous startup just hit $10M ARR",
    "Kudos to Initech on the launch of Initech Pay",
    "Hooli's new CEO starts on Monday, hoping they keep the contract",
    "Globex's Series C was led by Tiger Global",
    "Initech's revenue crossed $100M this year according to their S-1",
    # update mail and press
    "Customer spotlight: Globex closed their Series A this month.",
    "Market update: our competitor Initech raised a $25M Series B.",
    "Industry news: Stripe acquired Bridge for $1.1B.",
    # links, guides, jokes, templates, job posts, old news, no places
    "[Initech raises $30M Series B to build AI agents](https://techcrunch.com/2026/01/05/x)",
    "Great read from a16z: How Figma hit $100M ARR",
    "Guide: how to get your first 100 customers",
    "Step-by-step: how we'd raise a seed round in 2026",
    "We've officially raised... our coffee budget lol",
    "Template: We're thrilled to announce that {{company}} has raised {{amount}}",
    "Now hiring: Senior Product Designer (remote)",
    "Know anyone great? Our VP Engineering req is live: https://acme.io/careers",
    "As announced in our 2023 update, we launched Acme Pay",
    "Recap: our 2021 seed round was led by Initech",
    "We're now available to SMBs",
]

# A third set, on the weakest type (launches) and on others' news in chat, held out until the
# second was done (main 22 of 28 silent, branch before it 22, now 27: "Vercel's new build cache
# is live, our deploys are 2x faster now" still gives our deploys' speed-up, which is ours).
THIRD_SET = [
    "Figma just launched Dev Mode, could be useful for our designers",
    "new Chrome version is out, breaks our extension",
    "GitHub Copilot Workspace is now GA",
    "heads up: Stripe Checkout v3 is live, we need to migrate",
    "Slack launched huddles for everyone on the free plan",
    "AWS launched a new region in Spain",
    "the A/B test for the new pricing page is live",
    "staging deploy of v2 is live, please test",
    "Sad to see Mike go; he's joining Initech as their CTO.",
    "The Hooli team raised a $5M seed; we're excited for them.",
    "Our biggest customer, Globex, just closed their Series D.",
]


# A fourth set, on launches of what is no product of ours, in update mail and chat (main 10 of
# 15 silent, now 15)
FOURTH_SET = [
    "Introducing [Jane Doe](https://twitter.com/janedoe) and [Sam Lee](https://x.com/samlee), "
    "our new trainers.",
    "Please welcome [Maria Garcia](https://www.linkedin.com/in/mariagarcia) to the community!",
    "Announcing our React workshop in Berlin on March 3",
    "We're launching a new Rust training in London this spring",
    "Launching our community Slack",
    "Our community Discord is live!",
    "This was still a thing in RedHat by the time we released 3.0.0.",
    "Back when we launched v1, nobody used the API.",
    "Before we shipped the new editor, support tickets were through the roof.",
]


# A fifth set, on word senses in chat (teaming up, newsletters), held out until the fourth was
# done (main 2 of 6 silent, now 6)
FIFTH_SET = [
    "Sam and I partnered up on the PR review",
    "Priya and I teamed up on the onboarding revamp",
    "we paired up on the billing bug all afternoon",
    "we're featured in the Globex employee newsletter as a vendor they use",
    "Acme got a shout-out in Initech's internal newsletter",
]


@pytest.mark.parametrize("text", THEIRS + READING + GUIDES + JOKES + TEMPLATES + JOB_POSTS
                         + OLD_AND_UNDONE + NOT_A_PLACE_OR_NOT_DONE + SECOND_SET + THIRD_SET
                         + FOURTH_SET + FIFTH_SET)
def test_no_event_of_ours(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text, timestamp=_JAN_2026)
    assert events == [], [(e.event_type, e.title) for e in events]


# look-alikes: our news, in the same shapes
OURS = [
    ("Globex signed a 2-year contract with us worth $120k/yr", T.ENTERPRISE_DEAL),
    ("We raised our $5M Series A led by Initech Ventures", T.FUNDING),
    ("Initech Ventures led our $5M seed round", T.FUNDING),
    ("Sequoia reached out about leading our Series A", T.INVESTOR_INTEREST),
    ("Congrats team, we closed our Series A!", T.FUNDING),
    ("We launched Acme Insights today", T.PRODUCT_LAUNCH),
    ("Acme launches Acme Forum, a community platform for brands.", T.PRODUCT_LAUNCH),
    ("Jane Doe joins Acme as CTO", T.HIRING),
    ("We hired a VP Sales: Jane Doe starts Monday", T.HIRING),
    ("Our Series A is on TechCrunch today: Acme raises $10M", T.FUNDING),
    ("<https://acme.io/blog/series-a|Acme raises $10M to automate invoices>", T.FUNDING),
    ("As announced today, Acme closed its $8M Series A", T.FUNDING),
    ("What we learned on our journey to $10,000 MRR", T.REVENUE_MILESTONE),
    ("We just crossed 10,000 users!", T.USER_GROWTH),
    ("We're live in Germany as of today", T.MARKET_EXPANSION),
    ("We're now live in the US, our first market outside Europe", T.MARKET_EXPANSION),
    ("Acme is now available in French, Spanish and German.", T.MARKET_EXPANSION),
    ("Hooli chose Acme over Salesforce: a 3-year $400k contract", T.ENTERPRISE_DEAL),
    # the second and third sets' look-alikes
    ("Globex just signed with us, 3-year deal for $240k", T.ENTERPRISE_DEAL),
    ("Our customer Globex expanded to 200 seats", T.CUSTOMER_SUCCESS),
    ("Jane accepted our offer for the Head of Growth role!", T.HIRING),
    ("Big news: we closed our $12M Series A led by Initech Ventures", T.FUNDING),
    ("We launched Dev Mode for Acme today", T.PRODUCT_LAUNCH),
    ("Acme v2 is live for all customers", T.PRODUCT_LAUNCH),
    ("Dana joined us as CRO from Stripe", T.HIRING),
    ("Initech's former CTO, Jane Doe, joined Acme as VP Engineering", T.HIRING),
    ("The Acme iOS app is live in the App Store!", T.PRODUCT_LAUNCH),
    ("Our Slack app is live in the Slack Marketplace", T.PARTNERSHIP),
    ("A team led by former Stripe executives today launched Relay, a payments API for "
     "marketplaces", T.PRODUCT_LAUNCH),
    ("Self-serve registration page is now live for all customers.", T.PRODUCT_LAUNCH),
    # the fourth set's look-alikes: a product linked, a repository, a course in a language
    ("Introducing [Acme Studio](https://acme.io/studio), our visual editor", T.PRODUCT_LAUNCH),
    ("We released [Acme v0.8](https://github.com/acme/acme/releases/tag/v0.8) on April 22nd.",
     T.PRODUCT_LAUNCH),
    ("Announcing Acme 3.0: faster, smaller, and open source", T.PRODUCT_LAUNCH),
    # the fifth set's look-alikes
    ("Acme teamed up with Globex on a joint payments offering", T.PARTNERSHIP),
    ("We teamed up with Globex to launch a co-branded card", T.PARTNERSHIP),
    ("Acme and Siemens team up on industrial AI", T.PARTNERSHIP),
    ("We were featured in TechCrunch today", T.MEDIA_COVERAGE),
    ("Acme was featured in the Globex newsletter to their 50k customers", T.MEDIA_COVERAGE),
]


@pytest.mark.parametrize(("text", "kind"), OURS)
def test_our_news_in_the_same_shapes_stays(make_message: MakeMessage, text: str,
                                           kind: EventType) -> None:
    events = read(make_message, text, timestamp=_JAN_2026)
    assert kind in {e.event_type for e in events}, [(e.event_type, e.title) for e in events]


def _found(kind: EventType, trigger: int = 0, **metrics: str) -> Found:
    return Found(kind, dict(metrics), "title", trigger)


@pytest.mark.parametrize(("kind", "clause", "reason"), [
    (T.FUNDING, "Sam's startup just got into YC!", "someone else's venture"),
    (T.FUNDING, "Initech just closed their B", "their round"),
    (T.INVESTOR_INTEREST, "Globex approached Initech about leading the round",
     "an approach to someone else"),
    (T.FUNDING, "How to raise a seed round", "a guide"),
    (T.FUNDING, "Acme raised $__M led by ___", "a template's placeholder"),
    (T.HIRING, "We're hiring a VP Sales!", "a job advertised"),
    (T.FUNDING, "Our 2022 seed round was led by Initech", "old news, dated"),
    (T.FUNDING, "Initech is raising $40M, say sources", "a raise heard of"),
])
def test_the_veto_names_its_family(kind: EventType, clause: str, reason: str) -> None:
    why = bystanders.veto(_found(kind, trigger=len(clause) // 2), clause, clause, _ACME,
                          _JAN_2026)
    assert why is not None and why.startswith(reason), why


@pytest.mark.parametrize(("region", "clause", "reason"), [
    ("g9", "Expanded to G9", "a code"),
    ("us", "unlock a whole new market for us", "'us' is the pronoun"),
    ("enterprise", "We expanded to Enterprise", "a customer segment"),
    ("dcode capital", "now expands into Dcode Capital", "a firm"),
])
def test_a_place_that_is_no_place(region: str, clause: str, reason: str) -> None:
    why = bystanders.veto(_found(T.MARKET_EXPANSION, region=region), clause, clause, _ACME)
    assert why is not None and why.startswith(reason), why


@pytest.mark.parametrize(("region", "clause"), [
    ("us", "We're now live in the US"),
    ("us", "Launched in the U.S. for us and our partners"),
    ("german", "Acme enters German market"),
    ("brazil", "Acme expands to Brazil"),
])
def test_a_place_stays_a_place(region: str, clause: str) -> None:
    assert bystanders.veto(_found(T.MARKET_EXPANSION, region=region), clause, clause,
                           _ACME) is None


@pytest.mark.parametrize(("sentence", "when", "old"), [
    ("As announced in March 2024, Acme closed its Series A", datetime(2026, 1, 5), True),
    ("As announced in December 2025, we closed the round", datetime(2026, 1, 5), False),
    ("As announced in December 2025, we closed the round", datetime(2026, 6, 5), True),
    ("Our 2025 seed round closed with 40 angels", datetime(2026, 2, 1), False),
    ("Our 2025 seed round closed with 40 angels", datetime(2026, 9, 1), True),
    ("Our 2022 seed round was led by Initech", datetime(2026, 1, 5), True),
])
def test_old_news_is_judged_by_the_message_date(sentence: str, when: datetime,
                                                old: bool) -> None:
    why = bystanders.veto(_found(T.FUNDING), sentence, sentence, _ACME, when.date())
    assert (why is not None) is old, why


def test_a_laugh_alone_takes_nothing_back(make_message: MakeMessage) -> None:
    events = read(make_message, "we closed the Series A lol, still in shock",
                  timestamp=_JAN_2026)
    assert [e.event_type for e in events] == [T.FUNDING]


def test_negative_readings_meet_only_the_placeholder_and_place_checks() -> None:
    lost = Found(T.HIRING, {}, "Ravi is leaving", 5, negative=True)
    assert bystanders.veto(lost, "Sam's startup lost Ravi", "Sam's startup lost Ravi",
                           _ACME) is None
    assert bystanders.veto(lost, "[Name] resigned", "[Name] resigned", _ACME) is not None


def test_patterns_are_compiled_once() -> None:
    # the re module's cache is full: every pattern of the module is compiled at import
    compiled = [v for v in vars(bystanders).values() if hasattr(v, "pattern")]
    assert len(compiled) >= 15
