"""The rules extractor on language it was not written from: press releases that restate their news,
mailing-list mail, financial news, and the weak families (deals, press, investors, technical
results, lowlights) in many styles. Every sentence here is hand-written."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.layout import no_events_here, readable
from signalpipe.extract.rules.subject import name_variants
from signalpipe.models import EventType, Polarity, Source
from tests.unit.rules_read import MakeMessage, read

T = EventType
NEG = Polarity.NEGATIVE


FOUND = [
    # enterprise deals, any shape
    ("Acme has been selected by the Ministry of Defence to modernise its logistics platform.",
     T.ENTERPRISE_DEAL),
    ("We were awarded a $2.4M contract by the City of Denver.", T.ENTERPRISE_DEAL),
    ("got the PO from Initech today!! \U0001f389", T.ENTERPRISE_DEAL),
    ("Vodafone has chosen Acme as its observability provider in a multi-year deal.",
     T.ENTERPRISE_DEAL),
    ("Acme received an order worth EUR 4.5 mn from Stora Enso.", T.ENTERPRISE_DEAL),
    # press in any wording
    ("Our CEO was interviewed by Bloomberg about the future of payments.", T.MEDIA_COVERAGE),
    ("Acme wins Best Fintech Startup at the 2026 Finovate Awards", T.MEDIA_COVERAGE),
    ("TechCrunch covered our launch today: https://techcrunch.com/2026/acme", T.MEDIA_COVERAGE),
    ("Acme has been recognized as a Leader in the Gartner Magic Quadrant for Observability.",
     T.MEDIA_COVERAGE),
    # investors acting towards us
    ("Two tier-1 funds have asked to see our metrics after the launch.", T.INVESTOR_INTEREST),
    # technical results in any wording
    ("We cut API latency by 60% in production this week.", T.TECHNICAL_ACHIEVEMENT),
    ("Throughput is up 3x: we now process 1.2M events per second in prod.",
     T.TECHNICAL_ACHIEVEMENT),
    ("99.99% uptime for the full quarter, first time ever.", T.TECHNICAL_ACHIEVEMENT),
    ("Search is now 3x faster for all customers after the index rewrite.",
     T.TECHNICAL_ACHIEVEMENT),
    ("The new pipeline handles 2 million events per second in production, up from 400k.",
     T.TECHNICAL_ACHIEVEMENT),
    ("Deploys now take 4 minutes instead of 25.", T.TECHNICAL_ACHIEVEMENT),
    ("Memory usage is down 60% since the Rust rewrite shipped.", T.TECHNICAL_ACHIEVEMENT),
    ("Acme's model now tops the MTEB leaderboard with a score of 71.2.",
     T.TECHNICAL_ACHIEVEMENT),
    # results as financial news states them
    ("Acme's operating profit rose to EUR 13.1 mn from EUR 8.7 mn.", T.REVENUE_MILESTONE),
    ("Acme sales rise as shoppers return", T.REVENUE_MILESTONE),
    ("Acme to buy Beta Corp for $3.2 billion", T.OTHER),
    # a vendor's blog telling a customer's story, an angel joining, a co-founder going full time
    ("Prisma uses Acme for collaborative team signing.", T.CUSTOMER_SUCCESS),
    ("The Singaporean government has deployed Acme to search every parliament record.",
     T.CUSTOMER_SUCCESS),
    ("Elixir creator José Valim joins Acme as an angel investor.", T.FUNDING),
    ("Our co-founder Andreas went full-time as CTO this month.", T.HIRING),
    ("Acme finished as the #2 product of the day on Product Hunt.", T.MEDIA_COVERAGE),
    ("Acme opens its first Michigan store in Bay City.", T.MARKET_EXPANSION),
    # release-note shapes
    ("You can now deploy Acme clusters in three new GCP regions: us-east5 and me-central1.",
     T.MARKET_EXPANSION),
    ("Acme Cloud is now available in the AWS ap-southeast-2 (Sydney) region.",
     T.MARKET_EXPANSION),
    ("Acme is now listed on Binance.", T.PARTNERSHIP),
    ("We now have more than 7,000 paying subscribers.", T.USER_GROWTH),
    ("October broke our signup records again: 4,100 new signups.", T.USER_GROWTH),
]


@pytest.mark.parametrize(("text", "kind"), FOUND, ids=[f"{k.value}-{i}" for i, (_, k)
                                                       in enumerate(FOUND)])
def test_weak_families_in_many_styles(make_message: MakeMessage, text: str,
                                      kind: EventType) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, Polarity.POSITIVE)]


LOWLIGHTS = [
    ("We had a 4-hour outage on Tuesday; customers couldn't log in.", T.TECHNICAL_ACHIEVEMENT),
    ("Initech told us they won't renew in June.", T.CUSTOMER_SUCCESS),
    ("We've paused all hiring until Q3.", T.HIRING),
    ("Our SOC 2 audit was delayed to next year because of missing evidence.", T.COMPLIANCE),
    ("The v3 launch slipped to September.", T.PRODUCT_LAUNCH),
    ("Acme was fined $2M by the FCA for reporting failures.", T.COMPLIANCE),
    ("Acme recalls 40,000 hip-replacement components.", T.COMPLIANCE),
    ("The company will cut 30 jobs at its Helsinki plant.", T.HIRING),
    ("Acme's chief executive to step down after ten years", T.HIRING),
    ("The company posted an operating loss of EUR 2.1 mn.", T.REVENUE_MILESTONE),
    ("Net sales decreased by 5% to EUR 30.2 mn.", T.REVENUE_MILESTONE),
    ("Last week we discovered a security issue in our internal API that let users run other "
     "users' code.", T.COMPLIANCE),
    ("Today we were alerted to a critical security vulnerability in Acme.", T.COMPLIANCE),
    ("Checkout was down for 45 minutes this morning; about 2,000 customers could not pay.",
     T.TECHNICAL_ACHIEVEMENT),
    ("Acme cuts more jobs as demand slows", T.HIRING),
    ("Acme's 'bad bank' chief to step down", T.HIRING),
    ("Today I decided to reduce the size of the Acme team by 28%, saying goodbye to 21 "
     "colleagues.", T.HIRING),
    ("Reaching New Depths: Acme's $5bn Loss", T.REVENUE_MILESTONE),
    ("City spirits sink after Acme comes up short with sales slide", T.REVENUE_MILESTONE),
]


@pytest.mark.parametrize(("text", "kind"), LOWLIGHTS, ids=[f"{k.value}-{i}" for i, (_, k)
                                                           in enumerate(LOWLIGHTS)])
def test_lowlights_in_many_styles(make_message: MakeMessage, text: str,
                                  kind: EventType) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, NEG)]


NOT_EVENTS = {
    "third_party_contract": "Lockheed Martin won a $2B contract from the Pentagon.",
    "third_party_partnership": "GRICD has partnered with Haultrac on cold-chain delivery.",
    "customer_hire": "Our customer Initech just hired a new CTO, Mark Li.",
    "description": "The company that won the contract had prior links to the minister.",
    "running_total": "The company has raised $175 million in total.",
    "bid_not_launch": "Globex launches a takeover bid for Hooli.",
    "dismissed_case": "Lawsuit against Acme dismissed by the court.",
    "analyst_forecast": "Analysts expect sales to rise 5% next year.",
    "sales_team": "Our sales team grew to 12 people.",
    "industry_trend": "Cannabis companies are experiencing record revenue growth.",
    "churning_out": "The bakery is churning out 3,000 loaves a day.",
    "interview_scheduled": "Interview with Bloomberg scheduled for Thursday.",
    "our_customers_raise": "Acme customer Globex raised a $50M Series C led by Accel.",
    "backed_by_us": "Acme-backed Initech raised $12M in seed funding.",
    "patched_dependency": "This release fixes a security vulnerability in the bundled OpenSSL.",
    "we_use_a_tool": "We use Postgres for everything.",
    "description_of_a_user": "The firm that runs Acme was founded in 2015 by two engineers.",
    "release_candidate": "UHD 4.7.0.0 Release Candidate 1 is available for testing.",
    "patch_release": "Acme CLI 3.14.1 is now available.",
    "routine_minor": "Acme Server 4.3.0 released.",
    "cron_is_no_cro": "We shipped cron-style scheduled jobs and a new coordination model.",
    "seed_the_db": "With SQLite we can seed the DB and log in within a minute.",
    "introduced_us": "Tim also introduced us to our other partners at Sunflower Capital.",
    "old_launch": "Doom shipped in 1993 on floppy disks.",
    "discount": "With Acme for Startups we offer eligible companies a 50% discount for 2 years.",
    "listed_on_github": "Our full list of dependencies is listed on GitHub.",
    "boilerplate_users": "More than 100,000 organizations use Acme to deploy to multiple clouds.",
    "profile_count": "Acme serves over 100 local organizations across Los Angeles.",
    "we_should_reach_out": "We should reach out to Sequoia about the seed round.",
    "a_funds_own_news": "Sequoia announced a new $2B fund for early-stage startups.",
    "third_party_benchmark": "The benchmark shows Postgres is 2x faster than MySQL here.",
    "sla_figure": "Our SLA is 99.9% uptime.",
    "bare_rise": "Hi team,\n\nRevenue grew.",
    "board_meeting": "Our board meeting is on Thursday.",
    "lead_times": "Lead times are down to two weeks.",
    "own_money": "The initiative is driven by more than $7 billion in private investment from "
                 "Acme.",
    "their_outage": "Stripe's API was down for an hour and customers could not pay.",
}


@pytest.mark.parametrize("text", NOT_EVENTS.values(), ids=NOT_EVENTS.keys())
def test_look_alikes_stay_quiet(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == []


PRESS_RELEASE = """Acme raises $25M Series B led by Insight Partners

BERLIN, May 4, 2026 -- Acme, the observability platform, today announced it has raised $25 million
in Series B funding led by Insight Partners, with participation from Point Nine.

"This funding lets us double down on Europe," said Maya Lin, CEO of Acme. "Closing our Series B
with Insight is a milestone for the whole team."

The round brings Acme's total funding to $40 million.

About Acme
Acme raised a $10M Series A in 2024 and is trusted by 4,000 engineering teams. Acme partners with
Snowflake and AWS.

Media contact
press@acme.io
"""


def test_a_press_release_states_its_news_once(make_message: MakeMessage) -> None:
    events = read(make_message, PRESS_RELEASE)
    assert [e.event_type for e in events] == [T.FUNDING]
    assert events[0].metrics["amount_usd"] == 25_000_000


def test_boilerplate_is_blanked_with_offsets_kept() -> None:
    kept = readable(PRESS_RELEASE)
    assert len(kept) == len(PRESS_RELEASE)
    assert "About Acme" not in kept and "trusted by 4,000" not in kept
    assert kept.count("\n") == PRESS_RELEASE.count("\n")
    assert "today announced it has raised" in kept


def test_a_digest_keeps_one_event_per_list_item(make_message: MakeMessage) -> None:
    text = ("February highlights:\n\n"
            "* \U0001f680 **Shipped custom domains:** run the dashboard on your own domain.\n"
            "* \U0001f680 **Shipped email reports:** weekly stats straight to your inbox.\n")
    events = read(make_message, text)
    assert [e.event_type for e in events] == [T.PRODUCT_LAUNCH, T.PRODUCT_LAUNCH]


REPLY = """Thanks, that's great to hear. Let's catch up next week.

On Mon, May 4, 2026 at 9:12 AM Maya Lin <maya@acme.io> wrote:
> We closed our $12M Series A led by Accel.
> Also hired Omar Haddad as CTO.
"""

SIGNED = """Hi all, the meeting moved to 3pm.

--
Maya Lin | CEO, Acme | We just raised our $12M Series A!
"""

LIST_MAIL = """Has anyone seen errors with the new driver on Windows?

_______________________________________________
R-sig-db mailing list -- Acme closed its Series A, see the news page
To unsubscribe, send mail to r-sig-db-request@example.org
"""

JOB_AD = """Subject: Position available: Head of Data (Berlin)

Acme, a fast-growing startup that raised a $20M Series B, is seeking a Head of Data.
Responsibilities: build the data team. Requirements: 5+ years in analytics.
To apply, send your CV to jobs@acme.io.
"""

DIGEST = """r-help Digest, Vol 212, Issue 3

Today's Topics:
   1. We closed our Series A! (Maya Lin)
   2. Plotting question (Sam)
"""


@pytest.mark.parametrize("text", [REPLY, SIGNED, LIST_MAIL, JOB_AD, DIGEST],
                         ids=["quoted_reply", "signature", "list_footer", "job_ad", "digest"])
def test_mail_noise_states_no_event(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == []


def test_a_job_ad_is_named_as_the_reason() -> None:
    assert (no_events_here("", JOB_AD) or "").startswith("job ad")
    assert no_events_here("", DIGEST) == "mailing-list digest"
    blog = "Today we announce the Acme for Open Source program (ps: we are hiring!)."
    assert no_events_here("", blog) is None


def test_name_variants_follow_how_companies_write_their_names() -> None:
    assert name_variants("Acme Robotics, Inc.") == ["Acme Robotics, Inc.", "Acme Robotics", "Acme"]
    assert name_variants("OLake (Datazip)") == ["OLake (Datazip)", "OLake", "Datazip"]
    assert "Data" not in name_variants("Data AI")  # a common word names no one


def test_short_names_make_third_person_news_ours(make_message: MakeMessage) -> None:
    text = "Acme raises $20M Series B led by Index Ventures"
    [event] = read(make_message, text, aliases=("Acme Robotics, Inc.",))
    assert event.event_type is T.FUNDING


# Results and corporate news as financial wires write them (the period named is no old news).
FINANCIAL = [
    ("Finnish Acme reports its operating profit increased to EUR 20.5 mn in 2005 from EUR 9.3 mn "
     "in 2004.", T.REVENUE_MILESTONE, Polarity.POSITIVE),
    ("Operating profit totalled EUR 9.8 mn, compared to a loss of EUR 2.3 mn a year earlier.",
     T.REVENUE_MILESTONE, Polarity.POSITIVE),
    ("Acme swung to a pre-tax loss of EUR 3.3 mn from a profit of EUR 1.9 mn.",
     T.REVENUE_MILESTONE, NEG),
    ("Acme has won an order worth EUR 30 mn from a Russian utility.", T.ENTERPRISE_DEAL,
     Polarity.POSITIVE),
    ("Acme will reduce its personnel by 150 people.", T.HIRING, NEG),
    ("Acme started negotiations to cut up to 300 jobs in Finland.", T.HIRING, NEG),
    ("Acme has acquired Swedish Beta AB for EUR 12 mn.", T.OTHER, Polarity.POSITIVE),
    ("Acme sells its agri unit stake for $2.5 billion to a Canadian pension fund", T.OTHER,
     Polarity.POSITIVE),
    ("Acme increases quarterly dividend by 5 percent", T.OTHER, Polarity.POSITIVE),
    ("Acme slashes its dividend as demand falls", T.OTHER, NEG),
]


@pytest.mark.parametrize(("text", "kind", "polarity"), FINANCIAL,
                         ids=[f"{k.value}-{i}" for i, (_, k, _) in enumerate(FINANCIAL)])
def test_financial_wire_sentences(make_message: MakeMessage, text: str, kind: EventType,
                                  polarity: Polarity) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, polarity)]


@pytest.mark.parametrize("text", [
    "Shares of Acme rose 3.2% in Helsinki trading.",
    "Acme is a Finnish provider of automation technology.",
    "We sold 40 licences this week.",
    "Back in 2012 our revenue grew 40% and we thought we had made it.",
], ids=["share_price", "description", "sold_licences", "old_results"])
def test_financial_look_alikes(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == []


ANNOUNCEMENT = "I'm pleased to announce that tidyrisk 2.0 is now on CRAN, a major release."


def test_a_list_members_announcement_is_not_the_companys(make_message: MakeMessage) -> None:
    tagged = read(make_message, ANNOUNCEMENT, source=Source.GMAIL,
                  subject="[R-sig-insurance] ANN: tidyrisk 2.0",
                  sender="Kim Lee <kim@uni.example.org>")
    footer = read(make_message, f"{ANNOUNCEMENT}\n\n___\nR-sig-insurance mailing list",
                  source=Source.GMAIL, subject="ANN: tidyrisk 2.0",
                  sender="Kim Lee <kim@uni.example.org>")
    assert tagged == [] and footer == []


def test_the_company_may_announce_on_its_own_list(make_message: MakeMessage) -> None:
    text = "Acme Server 2.0 is out today, a major release with a new query engine."
    own = read(make_message, text, source=Source.GMAIL, subject="[acme-users] Acme Server 2.0",
               sender="Maya Lin <maya@acme.io>")
    voiced = read(make_message, f"We at Acme are proud of this one. {text}", source=Source.GMAIL,
                  subject="[acme-users] Acme Server 2.0",
                  sender="Maya via acme-users <list@groups.example.com>")
    assert [e.event_type for e in own] == [T.PRODUCT_LAUNCH]
    assert [e.event_type for e in voiced] == [T.PRODUCT_LAUNCH]


# Press-release headlines for the families the product missed most.
PRESS_HEADLINES = [
    ("Acme Named to Fast Company's World's Most Innovative Companies List", T.MEDIA_COVERAGE),
    ("Acme Earns Spot on the 2024 Inc. 5000 List of Fastest-Growing Private Companies",
     T.MEDIA_COVERAGE),
    ("Acme Ranked No. 12 on Deloitte's Technology Fast 500", T.MEDIA_COVERAGE),
    ("Acme Receives 2024 Best Places to Work Award", T.MEDIA_COVERAGE),
    ("Acme honored as a 2025 Top Workplace by The Boston Globe", T.MEDIA_COVERAGE),
    ("Acme has been included in the 2024 Gartner Hype Cycle for Data Management.",
     T.MEDIA_COVERAGE),
    ("Ex-City watchdog Turner joins Acme board", T.HIRING),
    ("Acme adds ex-SEC head Schapiro to board", T.HIRING),
    ("Peter Long To Be Chairman Of Acme", T.HIRING),
    ("Acme Appoints Ranjan Ray Chaudhuri as Global Commercial Lead", T.HIRING),
    ("Acme Awarded $12 Million Contract by NASA", T.ENTERPRISE_DEAL),
    ("Acme Selected by U.S. Army to Provide Cloud Security Platform", T.ENTERPRISE_DEAL),
    ("Acme Achieves 99.999% Uptime Across All Regions", T.TECHNICAL_ACHIEVEMENT),
    ("Acme cuts model inference costs by 80% with new compiler", T.TECHNICAL_ACHIEVEMENT),
    ("Got a cold email from a partner at Index asking for our deck.", T.INVESTOR_INTEREST),
    ("A partner from Accel emailed asking if we'd be open to a conversation about our next "
     "round.", T.INVESTOR_INTEREST),
    ("Had a great first call with Balderton; they want to do a deep dive on our metrics.",
     T.INVESTOR_INTEREST),
    ("Several funds have approached us about investing since the launch.", T.INVESTOR_INTEREST),
    ("I'm a partner at Greylock and have been following Acme's progress.", T.INVESTOR_INTEREST),
    ("Acme customer Globex reduced onboarding time by 60% in six months.", T.CUSTOMER_SUCCESS),
    ("Globex cut support costs by 35% after rolling out Acme.", T.CUSTOMER_SUCCESS),
]


@pytest.mark.parametrize(("text", "kind"), PRESS_HEADLINES,
                         ids=[f"{k.value}-{i}" for i, (_, k) in enumerate(PRESS_HEADLINES)])
def test_press_release_headlines(make_message: MakeMessage, text: str, kind: EventType) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, Polarity.POSITIVE)]


@pytest.mark.parametrize("text", [
    "Step-by-step guide to deploying Acme with Vercel and Supabase",
    "Your expansion revenue from existing customers grew by $8k this week.",
    "Please find the list of fastest-growing features below.",
], ids=["how_to_guide", "weekly_figure", "plain_list"])
def test_press_look_alikes(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == []


def test_a_blog_posts_title_names_what_its_lead_launches(make_message: MakeMessage) -> None:
    lead = ("Today, we're excited to bring you instant developer environments for every "
            "Bitbucket repo.")
    [event] = read(make_message, lead, source=Source.GMAIL, subject="Acme for Bitbucket")
    assert event.event_type is T.PRODUCT_LAUNCH and "Bitbucket" in event.title
    assert read(make_message, "This month we shipped autosave and comments.",
                source=Source.GMAIL, subject="Acme Newsletter 11") == []


@pytest.mark.parametrize(("text", "launch"), [
    ("Introducing the v0.6 release of Acme Sync, rebuilt from scratch.", True),
    ("We are excited to announce the Alpha release of our Authorization offering.", True),
    ("As of today Acme is open source under the AGPL license.", True),
    ("Hey, the fix has been released in v0.7.6.", False),
    ("Across May and June the team merged 70 PRs.", False),
], ids=["zero_minor_introduced", "public_alpha", "open_sourced", "patch_fix", "month_may"])
def test_release_shapes(make_message: MakeMessage, text: str, launch: bool) -> None:
    kinds = [e.event_type for e in read(make_message, text)]
    assert kinds == ([T.PRODUCT_LAUNCH] if launch else [])


QUOTED_RELEASE = """Acme raises $25M Series B led by Insight Partners

BERLIN -- Acme today announced it has raised $25 million in Series B funding led by Insight
Partners.

"We're thrilled to partner with the Acme team as they scale across Europe," said Jane Doe,
Managing Director at Insight Partners.
"""


def test_quotes_in_a_release_do_not_add_events(make_message: MakeMessage) -> None:
    assert [e.event_type for e in read(make_message, QUOTED_RELEASE)] == [T.FUNDING]
    alone = '"We closed our $3M seed round today," said Maya Lin, CEO of Acme.'
    assert [e.event_type for e in read(make_message, alone)] == [T.FUNDING]


WIRE_RELEASE = """Acme Launches Gigabit Broadband in Jones County

Service Now Available to Nearly 1,600 Homes and Small Businesses

CHARLOTTE, N.C. — Acme today announced the launch of gigabit internet in Jones County, North
Carolina.

Acme's rural construction initiative is driven by more than $7 billion in private investment.

Acme is used by more than 100,000 organizations. More information, including FAQs, is
available at acme.example.com. Globex raised a $40M Series B last week.
"""


def test_a_wire_release_is_read_to_the_end_of_its_lead() -> None:
    kept = readable(WIRE_RELEASE)
    assert len(kept) == len(WIRE_RELEASE)
    assert "today announced the launch" in kept and "private investment" in kept
    assert "Globex raised" not in kept and "100,000 organizations" not in kept


def test_a_wire_release_states_its_one_event(make_message: MakeMessage) -> None:
    events = read(make_message, WIRE_RELEASE)
    assert [(e.event_type, e.title) for e in events] == [
        (T.PRODUCT_LAUNCH, "Launched Gigabit Broadband")]


@pytest.mark.parametrize("text", [
    "Acme in October announced a $1 million investment to help support Reclaiming Chicago.",
    "As part of the $55 billion investment, Acme is building two new plants.",
    "Winners are chosen by an independent selection committee of scientists.",
    "These offers are available in Australia, Canada, the UK and the U.S.",
    "Some 7,000 people applied to live in San Francisco's new housing.",
    "MPC helped us continue to offer and expand services to the community.",
    "Acme renewed its long-standing LSU Tigers sponsorship through 2028.",
    "The testimonials are the sole opinions of those featured.",
    "This approach is designed to improve resilience and minimize downtime for customers.",
    "Over 60 percent of Acme Watch users increased their exercise minutes.",
], ids=["outbound_investment", "capex", "chosen_by_committee", "availability_list", "live_in",
        "expand_services", "sponsorship", "testimonial_disclaimer", "minimize_downtime",
        "share_of_users"])
def test_press_release_body_look_alikes(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == []
