"""The rules extractor on corporate news as press releases, news wires, blogs and founders write
it: people joining by name, approvals and sanctions, acquisitions and divestitures announced,
alliances formed, orders placed, customers' stories. Every sentence here is hand-written, beside
look-alikes that are someone else's news, a plan, or no event at all."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType
NEG = Polarity.NEGATIVE
POS = Polarity.POSITIVE


FOUND = [
    # people joining, in blog, wire and founder wording
    ("Priya Raman joins Acme as VP of Engineering.", T.HIRING, POS),
    ("Big news: Tom Okafor has joined Acme as our first designer", T.HIRING, POS),
    ("Maria Lopez and Sam Chen join the Acme team as founding engineers.", T.HIRING, POS),
    ("Andreas is now full-time on Acme!", T.HIRING, POS),
    ("I've decided to start working on Acme full-time.", T.HIRING, POS),
    ("This month I hired Acme's first support engineer.", T.HIRING, POS),
    ("Please welcome our newest team members!", T.HIRING, POS),
    ("We offered Dana a full-time role and she accepted!", T.HIRING, POS),
    ("Acme adds former Stripe CFO Lee Park to board", T.HIRING, POS),
    # approvals by a regulator, and the regulator acting against us
    ("FDA approves Acme's glucose monitor for home use", T.COMPLIANCE, POS),
    ("Acme receives CE mark approval for its imaging device", T.COMPLIANCE, POS),
    ("UK regulators license Acme's e-cigarette as a medicine", T.COMPLIANCE, POS),
    ("Acme granted orphan drug designation for AC-101", T.COMPLIANCE, POS),
    ("Acme recertified for ISO 9001", T.COMPLIANCE, POS),
    ("Acme settles with investors over misleading statements", T.COMPLIANCE, NEG),
    ("CFTC fines Acme $560,000 for inaccurate swaps reports", T.COMPLIANCE, NEG),
    ("Acme must pay $80 million in patent case, judge rules", T.COMPLIANCE, NEG),
    # acquisitions made or received, stakes, units sold, corporate changes
    ("Acme to acquire Initech for $120 million", T.OTHER, POS),
    ("Acme announces agreement to acquire Globex", T.OTHER, POS),
    ("We've completed the acquisition of Hooli's analytics unit.", T.OTHER, POS),
    ("Acme buys stake in Initech", T.OTHER, POS),
    ("Acme sells its logistics unit to Globex for $40m", T.OTHER, POS),
    ("Acme offloads two renewables units", T.OTHER, POS),
    ("Acme is joining Databricks to bring our engine to the lakehouse.", T.OTHER, POS),
    ("Acme joins the FTSE 100", T.OTHER, POS),
    ("Acme moves its headquarters from Los Angeles to Austin", T.OTHER, POS),
    ("We relicensed Acme from MIT to AGPL.", T.OTHER, POS),
    # alliances in news wording
    ("Acme joins forces with Initech on payments", T.PARTNERSHIP, POS),
    ("Acme and Globex sign memorandum of understanding", T.PARTNERSHIP, POS),
    ("Acme and Initech form joint venture to build batteries", T.PARTNERSHIP, POS),
    ("Acme expands its collaboration with NVIDIA", T.PARTNERSHIP, POS),
    ("Siemens and Acme Expand Partnership to Build Factory Software", T.PARTNERSHIP, POS),
    ("Three retailers agreed to form affiliate partnerships with Acme.", T.PARTNERSHIP, POS),
    ("Acme strikes distribution deal with Globex", T.PARTNERSHIP, POS),
    # orders and contracts
    ("Globex Airlines orders 40 A321neos from Acme in its largest order ever", T.ENTERPRISE_DEAL,
     POS),
    ("Acme wins $100m contract extension from BP", T.ENTERPRISE_DEAL, POS),
    ("I sold an enterprise plan to a startup this week.", T.ENTERPRISE_DEAL, POS),
    # customers' stories
    ("How Initech Cut Deploy Times in Half with Acme", T.CUSTOMER_SUCCESS, POS),
    ("Acme is now in production at Google, Supabase and Trigger.dev.", T.CUSTOMER_SUCCESS, POS),
    ("Acme is being used in production by companies including Google and Supabase.",
     T.CUSTOMER_SUCCESS, POS),
    ("Yahoo Mail turns to Acme for search at scale", T.CUSTOMER_SUCCESS, POS),
    # the company sold by its founder, a partner chosen, an agentless release line, a plan bought
    ("A month ago, I sold the company for $600k.", T.OTHER, POS),
    ("Acme selects Initech to power its new member portal", T.PARTNERSHIP, POS),
    ("Acme Selected by U.S. Navy to Provide Secure Messaging", T.ENTERPRISE_DEAL, POS),
    ("Expanded collaboration with Red Hat to deliver a complete AI stack.", T.PARTNERSHIP, POS),
    ("They tested the standard plan, then purchased an enterprise plan two days later.",
     T.ENTERPRISE_DEAL, POS),
    ("Initech, Acme strike drug discovery deal", T.PARTNERSHIP, POS),
    ("Acme's AC-7 Gets Orphan Drug Label", T.COMPLIANCE, POS),
    # setbacks told as news: people lured away, jobs slashed, ratings and spending cut
    ("Globex poaches immunology expert from Acme", T.HIRING, NEG),
    ("Acme plans to slash 600 jobs", T.HIRING, NEG),
    ("Acme cut to junk at Moody's", T.OTHER, NEG),
    ("Acme cuts capex for the third time this year", T.OTHER, NEG),
    ("We ran out of a few parts we couldn't replace in time.", T.OTHER, NEG),
    ("I paused Acme sales to fix a design problem.", T.OTHER, NEG),
    ("One of the critical parts I need suddenly disappeared from vendors.", T.OTHER, NEG),
    # leaders named or promoted, approvals and letters in wire words, units and deals
    ("Acme taps former Google exec Lisa Wong as president", T.HIRING, POS),
    ("Priya has been promoted to VP of Engineering.", T.HIRING, POS),
    ("Acme obtains e-money licence from the FCA", T.COMPLIANCE, POS),
    ("Acme earns CE mark for its smart inhaler", T.COMPLIANCE, POS),
    ("Acme receives FDA warning letter", T.COMPLIANCE, NEG),
    ("The SOC 2 audit got pushed to Q3 because the auditor flagged gaps.", T.COMPLIANCE, NEG),
    ("Acme agrees to buy Initech's payments unit", T.OTHER, POS),
    ("Big news: we've been acquired by Stripe!", T.OTHER, POS),
    ("Globex chose Acme over Salesforce for their 2,000-person rollout.", T.ENTERPRISE_DEAL,
     POS),
    ("Acme secures multi-year agreement with Vodafone", T.ENTERPRISE_DEAL, POS),
    # chat in lower case
    ("fyi: tom is now full time with us starting next week", T.HIRING, POS),
    ("we just made our first hire!! a founding engineer", T.HIRING, POS),
    ("acme acquired initech - deal closed friday", T.OTHER, POS),
    ("partnership with hubspot is official 🤝", T.PARTNERSHIP, POS),
    # an investor update's section lines
    ("Team: hired a Head of Customer Success and two AEs.", T.HIRING, POS),
    ("- New hires: Jane Park (VP Engineering), Bob Li (Account Executive)", T.HIRING, POS),
    ("Compliance: SOC 2 Type I done, Type II window started.", T.COMPLIANCE, POS),
    ("Acquisition of Initech closed on May 3.", T.OTHER, POS),
    ("Partnerships: signed with Deloitte as an implementation partner.", T.PARTNERSHIP, POS),
    ("Partners: now listed in the Salesforce AppExchange.", T.PARTNERSHIP, POS),
    # clean results, delays, purchase orders and upgrades
    ("Completed our annual pen test with no critical findings.", T.COMPLIANCE, POS),
    ("Our FedRAMP authorization got delayed to Q4.", T.COMPLIANCE, NEG),
    ("PO received from Globex for $85,000.", T.ENTERPRISE_DEAL, POS),
    ("Globex upgraded to Enterprise.", T.CUSTOMER_SUCCESS, POS),
    ("The not-so-good news is that customer churn has significantly increased.",
     T.CUSTOMER_SUCCESS, NEG),
    ("the first churn of Acme Teams customers happened", T.CUSTOMER_SUCCESS, NEG),
]


@pytest.mark.parametrize(("text", "kind", "polarity"), FOUND)
def test_corporate_news_is_read(make_message: MakeMessage, text: str, kind: EventType,
                                polarity: Polarity) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, polarity)], text


NOT_EVENTS = [
    # joining something that is not us, or not yet
    "Sarah joined the call late.",
    "John Smith joins Globex as CTO.",
    "Maria Lopez joined the waitlist.",
    "We hope Priya joins Acme next month.",
    "Planning to hire our first support engineer next quarter.",
    "Please welcome our new customers!",
    "Tesco turnaround gathers pace under new CEO",
    "Globex set to name former banker Jane Roe as new CEO",
    "Joining the Acme Partner Program takes five minutes.",
    # someone else's approval, or none yet
    "FDA approves Pfizer's new vaccine.",
    "Acme is seeking FDA approval for the device.",
    "Acme applied for a banking licence.",
    "Our driver's license renewal came through.",
    "Acme's lawsuit against Globex was dismissed.",
    # deals in talks, others' deals, purchases that are no acquisition
    "Acme in talks to acquire Initech.",
    "Acme could buy Initech for $2bn, sources say.",
    "Globex to acquire Initech for $120 million.",
    "We bought new laptops for the team.",
    "Acme sold 300 units this week.",
    "We changed the license plate on the company car.",
    "Acme considering a move of its headquarters to Austin.",
    # alliances that are no alliance of ours
    "We joined the Slack community.",
    "Microsoft joins forces with OpenAI.",
    "We'd love to join forces with Initech.",
    "We signed the lease for the new office.",
    # orders and stories that are no deal or customer
    "I ordered 20 pizzas for the offsite.",
    "How to deploy with Acme",
    "How we cut costs with Acme",
    "Acme powers thousands of stores.",
    "Google turns to Microsoft for chips.",
    "We purchased an enterprise plan of Notion for the team.",
    "We sold the old van last week.",
    "Acme poaches a designer from Globex.",
    "Globex cuts output at its zinc mines.",
    "Initech and Globex strike a supply deal.",
    "We never ran out of parts this year.",
    "October was the only month I didn't have to list products as backordered.",
    # chatter that borrows the words: community members, internal approvals, bills, tools
    # bought, accelerators joined, vendors chosen, orders we place
    "Support is now full-time on weekends.",
    "Please welcome our new members to the community!",
    "The customer accepted our offer of a 10% discount.",
    "We received approval from the board to hire two engineers.",
    "Got approval from finance for the new laptops.",
    "We opened an investigation into the outage.",
    "We bought Figma seats for the design team.",
    "I bought a MacBook for the new hire.",
    "We purchased Notion AI licenses yesterday.",
    "We need to buy Datadog licenses before Friday.",
    "We sold Acme Pro licenses to 3 customers.",
    "We're joining Y Combinator's summer batch!",
    "We're joining Techstars Boston this fall.",
    "We switched to Deel as the new payroll provider.",
    "We selected Postgres to power our analytics.",
    "We ordered 500 M3s for the team.",
    "I placed our largest order ever with our supplier.",
    "Acme joins Slack Connect with Globex.",
    "We're proud to deepen our relationship by welcoming them as the newest partner.",
    "The same tools are exposed over MCP, so you can drive Acme from your editor.",
    "Globex hired a new CTO last week.",
    "Acme set to sell its restaurant businesses, Sky News says",
    "Years ago, one of our projects was acquired by Bosch.",
    "Jane is our Head of Sales.",
    "The FDA approved 50 new drugs last year.",
    "we should hire a head of sales soon",
    "tom went full send on the deck lol",
    "maria is joining the offsite next week",
    "acme bought new monitors for the office",
    "should we partner with hubspot?",
    "Hiring: still looking for a VP Sales, 3 candidates in final rounds.",
    "Customers: Globex's renewal is in 60 days, risk is medium.",
    "Globex's SOC 2 audit is done.",
    "SOC 2 audit prep done.",
    # the verbs of corporate news on everyday work
    "Added a partner filter to the dashboard.",
    "Onboarded 3 new partners this week.",
    "Jane Doe joined the channel.",
    "Kim Lee has joined the meeting",
    "We named the new service Atlas as a nod to the old one.",
    "Promoted the staging build to production.",
    "Release 2.3 was promoted to stable.",
    "New hires: please complete onboarding by Friday.",
    "Welcome to the new members of the Acme community Discord!",
    "FDA approves generic versions of Humira.",
    "Globex teams up with Initech.",
    "We expanded our relationship with our landlord to a second floor.",
    "Send the purchase order received yesterday to finance.",
    "The pen test found no issues? Not sure yet.",
    "We upgraded to the Enterprise plan of Notion.",
    "We need to reduce churn, it has increased a lot",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_corporate_look_alikes_are_not_events(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == [], text


def test_a_hire_names_the_person_and_role(make_message: MakeMessage) -> None:
    [event] = read(make_message, "Maria Lopez and Sam Chen join the Acme team as founding "
                                 "engineers.")
    assert event.metrics == {"hire": "Maria Lopez and Sam Chen"}
    assert event.title == "Maria Lopez and Sam Chen join as founding engineers"


def test_an_acquisition_names_its_target(make_message: MakeMessage) -> None:
    [event] = read(make_message, "Acme to acquire Initech for $120 million")
    assert event.event_type is T.OTHER
    assert event.metrics.get("target") == "Initech"


def test_a_partnership_names_the_partner_beside_us(make_message: MakeMessage) -> None:
    [event] = read(make_message, "Siemens and Acme Expand Partnership to Build Factory Software")
    assert event.metrics == {"partner": "Siemens"}
    assert event.title == "Partnership with Siemens"


def test_a_case_study_title_names_the_customer(make_message: MakeMessage) -> None:
    events = read(make_message, "Read the full story below.",
                  subject="How Initech Cut Deploy Times in Half with Acme")
    assert [(e.event_type, e.metrics.get("customer")) for e in events] == [
        (T.CUSTOMER_SUCCESS, "Initech")]
