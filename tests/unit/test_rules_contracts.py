"""The rules extractor on deals and partnerships as sales teams, founders and press desks tell
them (contracts.py): each phrasing family in several styles (Slack, founder update, CRM note,
press release, headline, changelog), each beside look-alikes that are no event (a step towards a
deal, a pitch, a plan, someone else's deal). Every text is hand-written."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity, Source
from tests.unit.rules_read import MakeMessage, read

T = EventType

# (text, title): a deal of ours, each family in several voices
DEALS_WON = [
    # paper arriving from a named buyer
    ("PO came through from Globex", "Signed Globex"),
    ("The purchase order from Globex arrived this morning", "Signed Globex"),
    ("Globex's PO landed!", "Signed Globex"),
    ("Purchase order received from Umbrella Corp for 500 licenses", "Signed Umbrella Corp"),
    # the buyer choosing us by name (headline and press voice)
    ("Massive Dynamic picks Acme for company-wide rollout", "Signed Massive Dynamic"),
    ("Massive Dynamic Chooses Acme for Global Payroll", "Signed Massive Dynamic"),
    ("Massive Dynamic taps Acme for AI-driven fraud detection", "Signed Massive Dynamic"),
    ("Massive Dynamic standardizes on Acme across 40 hospitals", "Signed Massive Dynamic"),
    ("Massive Dynamic deploys Acme to 12,000 employees", "Signed Massive Dynamic"),
    # the deal told with its party after the deal words (update, press)
    ("In March we closed our largest deal to date with Stark Industries.",
     "Signed Stark Industries"),
    ("We closed our biggest contract ever with Stark Industries ($300k)",
     "Signed Stark Industries ($300k)"),
    ("Acme lands multi-year deal with Vodafone", "Signed Vodafone"),
    ("Acme awarded five-year contract by NHS Scotland", "Signed NHS Scotland"),
    # a pilot or a trial turned paying (CRM note, chat)
    ("Globex is now a paying customer", "Signed Globex"),
    ("Umbrella Corp converted from pilot to a paid annual contract", "Signed Umbrella Corp"),
    ("Pilot with Globex converted to a $60k annual contract", "Signed Globex ($60k)"),
    # several deals told as one count (community chat, founder update)
    ("We now have 2 clients signed and a couple more coming on board soon",
     "Signed 2 new clients"),
    ("Signed our first three paying customers this week", "Signed three new customers"),
    ("Won two new clients in April", "Signed two new clients"),
    ("we sold 3 enterprise plans in May", "Sold 3 enterprise plans"),
    ("Landed a new client this month, a design agency in Berlin", "Signed a new client"),
    # a bare "signed" whose clause gives the value or whose signer is plainly a company
    ("Cyberdyne Bank signed! $780k per year.", "Signed Cyberdyne Bank"),
    ("Globex signed, $90k ARR for two years", "Signed Globex ($90k)"),
    # a press release's announced agreement, when its words make it a sale
    ("Acme today announced a 3-year enterprise agreement with Umbrella Capital.",
     "Signed Umbrella Capital"),
    ("Acme enters into a five-year agreement with the State of Ohio", "Signed State of Ohio"),
    # a seller's verb with the buyer after the order (wire and trade press)
    ("Acme bags $12M order from Indian Railways", "Signed Indian Railways ($12M)"),
    ("Acme clinches deal with Ministry of Defence", "Signed Ministry of Defence"),
    ("Acme receives $3.1M contract from the U.S. Air Force", "Signed U.S. Air Force ($3.1M)"),
    ("Acme secures multi-million pound deal with Tesco", "Signed Tesco"),
    ("We received a $250k order from Siemens", "Signed Siemens ($250k)"),
    # the buyer as the subject, we its object
    ("Deutsche Bahn awards Acme \u20ac40M contract", "Signed Deutsche Bahn (€40M)"),
    ("Stoked to announce that Globex has chosen Acme", "Signed Globex"),
    ("Big news: Globex is officially an Acme customer", "Signed Globex"),
]

# (text, title): a deal lost, a lowlight of the deal's type
DEALS_LOST = [
    ("the Globex deal fell through", "Lost Globex"),
    ("Initech picked Competitor Co instead of us", "Lost Initech"),
    ("Hooli chose to build it in-house, so we lost that one", "Lost Hooli"),
    ("Bad news: Initech signed with our competitor", "Lost Initech"),
    ("Globex pulled out of the deal at the last minute", "Lost Globex"),
    ("Globex went with a competitor", "Lost Globex"),
    # the winner's signing told beside our loss is no deal of ours
    ("Hi all, I'm sorry to report that we lost Horizon Holdings; they signed with Opsly this "
     "week, a $510k deal gone.", "Lost Horizon Holdings"),
    ("Acme loses a third of its Morrisons milk contract", "Lost Morrisons"),
]

# steps towards a deal, someone else's deal, plans and our own purchases: no deal of ours
NOT_DEALS = [
    "sent the Globex proposal over this morning",
    "redlines back from Globex legal, mostly the liability cap",
    "Initech is ready to move forward once legal signs off",
    "Hooli is taking it to their buying committee next week",
    "demo with Globex went really well, they want a proposal",
    "weighted pipeline is $1.2M this quarter",
    "Waiting for the PO from Globex",
    "PO for the new laptops came through",
    "If Globex signs we'll hit our Q2 number",
    "Globex signed a deal with Microsoft",
    "Globex signs $2B contract with the Pentagon",
    "Initech selects Oracle for its ERP migration",
    "Globex is evaluating us against Salesforce",
    "We need to sign 3 more clients to hit the goal",
    "I'm looking for new clients",
    "how many clients signed up for the newsletter?",
    "Sold out! All conference tickets are gone",
    "If Globex goes with a competitor we miss the quarter",
    "Globex acquired Initech for $400M",
    "Jane signed! Starting on the 3rd",
    "Globex signed up for a trial",
    "Globex signed the NDA",
    "Stripe today announced a 3-year agreement with Visa",
    "Johnson & Johnson today announced a voluntary agreement with the Trump Administration",
    "Globex is now a Stripe customer",
    "Globex awards Acme its supplier of the year prize",
    "Dairy Crest loses a third of Morrisons milk contract",
    "Got the signed contract back from Jane, she starts Monday as our designer",
    "Jane Doe signed! $120k base plus equity",
    "We received our first order from Germany",
    "We received an order from Jane for two t-shirts",
    "Our customer Globex secured a $50M contract with the Navy",
    "We closed the deal with our landlord on the new office",
    "we signed the contract with our new cleaning company",
]

# (text, title): a partnership gone live, a listing or a tier reached, in many voices
PARTNERSHIPS = [
    # integrations live with a named platform (chat, changelog, launch post)
    ("our Snowflake integration is live", "Snowflake integration live"),
    ("the Zapier integration went live today", "Zapier integration live"),
    ("TLDR; Zapier Integration is now available for all plans.", "Zapier integration live"),
    ("We just launched our HubSpot integration", "HubSpot integration live"),
    ("Today I'm incredibly excited to introduce our brand-new **Vercel Integration**.",
     "Vercel integration live"),
    ("we're excited to announce Acme integration for Webex Meetings",
     "Webex Meetings integration live"),
    # storefronts and partner programmes
    ("we're now on the Salesforce AppExchange", "Listed on the Salesforce AppExchange"),
    ("We're live in the Atlassian Marketplace", "Listed on the Atlassian Marketplace"),
    ("Acme Is Now Available In The Epic App Orchard", "Listed on the Epic App Orchard"),
    ("we joined the AWS Partner Network", "Joined the AWS Partner Network"),
    ("We're in the Algolia partner directory now", "Listed on the Algolia partner directory"),
    ("fyi we're in the segment partner directory as of this morning, took forever",
     "Listed on the Segment Partner Directory"),
    ("The IBM partnership is live, joint press release went out this morning.",
     "Partnership with IBM"),
    ("Capgemini partnership: signed.", "Partnership with Capgemini"),
    ("Acme enters partnership with VBA as preferred technology partner", "Partnership with VBA"),
    ("Acme renews Wimbledon technology partnership", "Renewed partnership with Wimbledon"),
    ("Globex and Acme join forces to fight fraud", "Partnership with Globex"),
    ("Acme launches native integration with Salesforce", "Salesforce integration live"),
    ("Acme now available on Microsoft AppSource", "Listed on the Microsoft AppSource"),
    ("Acme Achieves AWS Advanced Tier Partner Status",
     "Achieved AWS Advanced Tier Partner Status"),
    # the company teaming up, in headline words
    ("Acme and Siemens team up on industrial AI", "Partnership with Siemens"),
    ("Acme and Siemens sign MoU on grid software", "Partnership with Siemens"),
    ("Acme collaborates with NVIDIA to accelerate genomics", "Partnership with NVIDIA"),
    ("Linux Foundation partners with Acme to offer 250 free hours",
     "Partnership with Linux Foundation"),
]

# pitches, plans, applications, webinars, others' partnerships, broken integrations, tests
NOT_PARTNERSHIPS = [
    "we'd love to partner with you on this",
    "Hi Acme team, we'd love to explore a partnership",
    "Snowflake integration is planned for Q3",
    "we're building a Snowflake integration",
    "the Snowflake integration will be live next month",
    "webinar with our partner Databricks next Thursday",
    "Globex partnered with Initech to build robots",
    "Would be great to get listed on the AWS Marketplace",
    "We applied to the AWS Partner Network",
    "Submitted our app for AppExchange security review",
    "Stripe announced a partnership with OpenAI",
    "Stripe collaborated with Plaid to launch instant payouts",
    "Acme integration for Webex is on the roadmap",
    "We collaborated with Jane on the new onboarding copy",
    "GitJournal integrates with GitHub and GitLab and lets us handle all of this seamlessly.",
    "Val Town launched a SQLite integration with Turso in private beta on Sept 11.",
    "The IBM partnership is something we should explore",
    "Is the IBM partnership live yet?",
    "Umbrella Capital announced a partnership with Initech",
    "Globex and Initech join forces to fight fraud",
]


@pytest.mark.parametrize(("text", "title"), DEALS_WON)
def test_a_deal_won_is_read_in_each_family(make_message: MakeMessage, text: str,
                                           title: str) -> None:
    events = read(make_message, text)
    deals = [e for e in events if e.event_type is T.ENTERPRISE_DEAL]
    assert len(deals) == 1, events
    assert deals[0].polarity is Polarity.POSITIVE
    assert deals[0].title == title


@pytest.mark.parametrize(("text", "title"), DEALS_LOST)
def test_a_deal_lost_is_a_lowlight(make_message: MakeMessage, text: str, title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity, e.title) for e in events] == [
        (T.ENTERPRISE_DEAL, Polarity.NEGATIVE, title)]


@pytest.mark.parametrize("text", NOT_DEALS)
def test_steps_plans_and_others_deals_are_no_deal(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert not [e for e in events if e.event_type is T.ENTERPRISE_DEAL], events


@pytest.mark.parametrize(("text", "title"), PARTNERSHIPS)
def test_a_partnership_is_read_in_each_family(make_message: MakeMessage, text: str,
                                              title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [(T.PARTNERSHIP, title)]


@pytest.mark.parametrize("text", NOT_PARTNERSHIPS)
def test_pitches_plans_and_others_partnerships_are_none(make_message: MakeMessage,
                                                         text: str) -> None:
    assert read(make_message, text) == []


def test_a_po_in_a_founder_update_email_names_the_buyer(make_message: MakeMessage) -> None:
    text = ("Hi all,\n\nQuick update for October.\n\n## Sales\n\nThe purchase order from "
            "Wayne Enterprises came through on the 14th: 2 years at $95k a year.\n\n"
            "## Hiring\n\nStill looking for a designer.")
    events = read(make_message, text, source=Source.GMAIL, subject="October update")
    deals = [e for e in events if e.event_type is T.ENTERPRISE_DEAL]
    assert [d.title for d in deals] == ["Signed Wayne Enterprises ($95k)"]
    assert deals[0].metrics["customer"] == "Wayne Enterprises"


def test_a_buyer_choosing_someone_else_is_not_our_deal(make_message: MakeMessage) -> None:
    # the object of "picks" must be the company: a press release about two others is no deal
    assert read(make_message, "Massive Dynamic picks Globex for company-wide rollout",
                source=Source.GMAIL) == []


def test_another_company_renewing_its_partnership_is_not_ours(make_message: MakeMessage) -> None:
    # in our stream a customer renewing may be our renewal; it is never our partnership
    events = read(make_message, "Globex renews its Wimbledon technology partnership")
    assert not [e for e in events if e.event_type is T.PARTNERSHIP], events
