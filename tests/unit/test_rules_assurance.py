"""The rules extractor on trust news (assurance.py): audits and certifications passed or kept,
and the incidents that are their lowlights. Every text is hand-written, in the registers the
news comes in (Slack chatter, a status page, a founder's update, a press release, a headline,
a changelog, a mailing list), each family beside look-alikes that are no event of the company's.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from signalpipe.extract.rules import RulesExtractor
from signalpipe.models import Batch, EventType, Polarity, SignificantEvent, Source
from tests.unit.rules_read import MakeMessage, read

T = EventType

# --- compliance outcomes: (text, words the title must hold) ----------------------------------

PEN_TESTS = [
    "Pen test passed \U0001f389 no highs",
    "Our annual pentest by NCC Group came back with zero critical or high findings.",
    "Security update: the third-party penetration test completed with no critical findings",
    "Passed our first external pen test \U0001f4aa",
    "We passed the penetration test required by Globex's security team.",
]
KEPT = [
    "Acme was recertified for ISO 9001 this month.",
    "We're happy to share that we've renewed our ISO 27001 certification for another three years.",
    "Our ISO 27001 surveillance audit was passed with no nonconformities.",
    "The platform was granted re-authorization after the 2024 FedRAMP annual assessment.",
]
RATED = [
    "Acme Model Z achieves a five-star Euro NCAP safety rating",
    "Acme Y earns 2025 IIHS Top Safety Pick+",
    "Acme's new SUV received a 5-star overall safety rating from NHTSA",
    "Acme C10 crowned by Euro NCAP with prestigious 5-star rating",
]
GRANTED = [
    "Acme's battery production receives government certification in Japan",
    "Acme Heath operations receive VPP Star worksite status",
    "Acme Nashville terminal recognized for workplace safety record",
    "The new Acme van was granted EU type approval this week",
]
AGREEMENTS = [
    "GDPR DPA signed with all EU customers",
    "DPAs are now signed with all 14 of our EU customers",
    "We signed BAAs with every hospital customer this quarter",
]
MORE_STANDARDS = [
    "We're now CJIS compliant, which opens up US police departments",
    "Acme is open for 21 CFR Part 11 business",
    "Acme achieved FIPS 140-3 validation for its crypto module",
]
# What the shared detectors already read keeps reading the same way.
ALREADY_READ = [
    "the auditors gave us a clean SOC 2 Type I opinion",
    "we're now HIPAA compliant",
    "ISO 27001 certified as of today",
    "Acme achieves ISO 27001 certification",
]


@pytest.mark.parametrize("text", PEN_TESTS + KEPT + RATED + GRANTED + AGREEMENTS
                         + MORE_STANDARDS + ALREADY_READ)
def test_an_audit_passed_or_a_certificate_kept_is_compliance(make_message: MakeMessage,
                                                             text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.COMPLIANCE, Polarity.POSITIVE)], \
        (text, [e.title for e in events])


@pytest.mark.parametrize(("text", "title"), [
    ("Pen test passed \U0001f389 no highs", "Penetration test passed"),
    ("Acme is open for 21 CFR Part 11 business", "21 CFR Part 11 compliance achieved"),
    ("DPAs are now signed with all 14 of our EU customers",
     "DPAs are now signed with all 14 EU customers"),
])
def test_compliance_titles_name_what_was_passed(make_message: MakeMessage, text: str,
                                                title: str) -> None:
    assert [e.title for e in read(make_message, text)] == [title]


NOT_COMPLIANCE = [
    # plans, readiness and steps towards an audit
    "we're starting SOC 2 this quarter",
    "We kicked off our SOC 2 readiness assessment with Vanta",
    "our goal is to be ISO 27001 certified by Q4",
    "We're preparing for the ISO 27001 audit in June",
    "We're working towards ISO 27001 recertification next spring",
    "Vanta says we are 80% ready for SOC 2",
    "Acme is applying for government certification next year",
    # a test not done yet, shopped for, or taught
    "Our pen test vendor sent a quote for next quarter",
    "Looking for a pen test provider, any recommendations?",
    "How to prepare for your first penetration test: a checklist",
    "Is the pen test scheduled yet?",
    "Our pen test is next week",
    # someone else's outcome, a policy, a topic
    "Globex passed their pen test, good for them",
    "Globex is going through their own SOC 2 audit this month",
    "Globex receives government certification for its plant",
    "Our SOC 2 policy requires that all laptops use full disk encryption",
    "What is GDPR and why does it matter for your startup? In this issue we explain DPAs.",
    "Read our guide to SOC 2 Type II vs Type I",
    "Euro NCAP's five-star safety rating sets the benchmark for vehicle safety in Europe",
    "Safety awards are a great way to motivate staff",
    # agreements asked for or offered, not signed
    "Can you send over the DPA for Globex to sign?",
    "Our DPA template is on the website; customers can sign it any time",
]


@pytest.mark.parametrize("text", NOT_COMPLIANCE)
def test_plans_policies_and_others_audits_are_no_compliance_event(make_message: MakeMessage,
                                                                   text: str) -> None:
    events = read(make_message, text)
    assert not [e for e in events if e.event_type is T.COMPLIANCE], \
        (text, [e.title for e in events])


# --- incidents customers felt: technical lowlights ----------------------------------------------

STATUS_PAGE = [
    "Investigating - We are currently investigating an issue causing login failures for some "
    "users.",
    "Some customers are experiencing delays in receiving emails. We are investigating.",
    "A subset of users were unable to log in between 09:10 and 09:45 UTC.",
    "All API requests are currently failing in the EU region.",
    "*Some edits are failing with marketing email, website, landing pages, and blog pages.*",
    "We're aware of an issue affecting payments for some customers and are working on a fix.",
    "Our team is investigating reports of checkout failures for customers in Canada.",
    "we are investigating elevated error rates on the dashboard",
    "We have posted an incident on our status page and will update it every 30 minutes.",
    "Hey all, we have an official status page up on our end for this.",
]
OUTAGES = [
    "Major outage: all dashboards were unreachable from 14:02 to 15:40 UTC",
    "Partial outage: webhooks delayed for all customers in us-east for about 2 hours",
    "We had a 40-minute downtime on Monday; every customer on the Pro plan was affected.",
    "we had a 3-hour outage yesterday, all EU customers affected",
    "February was rough: a 6-hour outage on the 12th hit every customer in the US region",
    "Checkout was down for 20 minutes on our end, customers couldn't pay",
]
BROKEN = [
    "We lost data for about 40 customers when a migration went wrong",
    "We permanently lost data for 12 customers during the storage migration.",
    "Rough week: the 2.3 update broke sync for most iOS users and we rolled back.",
    "Version 4.1 introduced a serious regression in PDF export for enterprise customers",
    "Sorry all, the deploy this morning broke login for all SSO customers for ~25 min",
]


@pytest.mark.parametrize("text", STATUS_PAGE + OUTAGES + BROKEN)
def test_an_incident_customers_felt_is_a_technical_lowlight(make_message: MakeMessage,
                                                            text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [
        (T.TECHNICAL_ACHIEVEMENT, Polarity.NEGATIVE)], (text, [e.title for e in events])


@pytest.mark.parametrize(("text", "title"), [
    ("We're aware of an issue affecting payments for some customers and are working on a fix.",
     "Incident: Issue affecting payments for some customers"),
    ("we are investigating elevated error rates on the dashboard",
     "Incident: Elevated error rates on the dashboard"),
    ("Rough week: the 2.3 update broke sync for most iOS users and we rolled back.",
     "Release regression: The 2.3 update broke sync for most iOS users"),
])
def test_incident_titles_state_what_customers_felt(make_message: MakeMessage, text: str,
                                                   title: str) -> None:
    assert [e.title for e in read(make_message, text)] == [title]


NOT_INCIDENTS = [
    # a vendor's or a cloud's outage that did not reach us
    "AWS us-east-1 had an outage yesterday but we weren't affected",
    "Cloudflare was down for an hour this morning, our site stayed up",
    "Heroku had a major outage for 3 hours yesterday; our site stayed up on Fly",
    "Stripe's API was returning errors for 20 minutes",
    "Slack is down again lol",
    # no customer uses it
    "staging was down all morning, fixed now",
    "the staging cluster had an outage, no customer impact",
    "the demo env was down for an hour, no one noticed",
    "We lost some data in the staging database, no big deal",
    "The app crashed on my laptop for all users of the beta, ugh",
    "The local build broke for all of us after the upgrade, fixing now",
    # announced ahead
    "Scheduled maintenance: the dashboard will be unavailable Sunday 02:00-04:00 UTC",
    "Scheduled maintenance: a 30-minute downtime window for all customers on Sunday",
    # incidents as a topic, budgets and promises
    "Our uptime SLA promises less than 43 minutes of downtime per month for all customers",
    "Downtime for these features is costly, says the founder of a testing startup.",
    "The article looks at how to prevent outages in distributed systems for all users",
    "What happens to customers during a major outage? A guide",
    "Data loss prevention is a key feature of our product for all customers",
    "If we had an outage of that size we would lose half our customers",
    # the words without trouble
    "Some users are asking for dark mode",
    "Some tests are failing on CI, looking into it",
    "Some of our customers are experiencing growth this quarter",
    "All customers are seeing the new dashboard now",
    "We are investigating a new pricing model for enterprise customers",
    "I'm looking into the issue Jane raised about the export button",
    "The release introduced a new API for customers",
    "Resolved - This incident has been resolved.",
]


@pytest.mark.parametrize("text", NOT_INCIDENTS)
def test_outages_that_missed_us_and_incident_talk_are_no_lowlight(make_message: MakeMessage,
                                                                   text: str) -> None:
    events = read(make_message, text)
    assert not [e for e in events if e.polarity is Polarity.NEGATIVE], \
        (text, [e.title for e in events])


# --- security incidents and delayed audits: compliance lowlights --------------------------------

@pytest.mark.parametrize("text", [
    "we discovered unauthorized access to a subset of customer records",
    "We suffered a data breach affecting 1,200 user accounts",
    "the SOC 2 audit slipped to Q3",
    "Our SOC 2 Type II audit has been pushed to next quarter because of the migration",
    "We failed the ISO 27001 stage 2 audit: 3 major nonconformities",
])
def test_a_breach_or_a_delayed_audit_is_a_compliance_lowlight(make_message: MakeMessage,
                                                             text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [
        (T.COMPLIANCE, Polarity.NEGATIVE)], (text, [e.title for e in events])


# --- one incident, one event; two incidents, two -----------------------------------------------

def test_two_outages_on_two_days_of_one_batch_are_two_events(make_message: MakeMessage) -> None:
    day = datetime(2026, 2, 2, 9, tzinfo=UTC)
    texts = ["Some customers are unable to log in. We are investigating.",
             "Some customers are unable to upload files. We are investigating."]
    events = [e for e in read_days(make_message, texts, [day, day + timedelta(days=9)])
              if e.polarity is Polarity.NEGATIVE]
    assert len(events) == 2


def test_one_outage_told_twice_in_a_day_is_one_event(make_message: MakeMessage) -> None:
    day = datetime(2026, 2, 2, 9, tzinfo=UTC)
    texts = ["Some customers are unable to log in. We are investigating.",
             "We are aware of an issue where users are unable to log in."]
    events = [e for e in read_days(make_message, texts, [day, day + timedelta(hours=1)])
              if e.polarity is Polarity.NEGATIVE]
    assert len(events) == 1 and len(events[0].source_message_ids) == 2


def read_days(make_message: MakeMessage, texts: list[str], days: list[datetime]
              ) -> list[SignificantEvent]:
    """One batch of ``texts``, each sent at its own time."""
    messages = tuple(make_message(text=t, company_id="acme", timestamp=d)
                     for t, d in zip(texts, days, strict=True))
    batch = Batch(id="b1", company_id="acme", source=Source.SLACK, messages=messages)
    return RulesExtractor(aliases={"acme": ["Acme"]}).extract(batch).events


# --- a court or a regulator decides for the company ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Acme wins right to appeal some Gulf spill damages claims",
    "Australia clears Acme's $100 billion Globex buyout plan",
    "We won the appeal against the patent troll, case closed",
])
def test_a_ruling_for_the_company_is_compliance(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [
        (T.COMPLIANCE, Polarity.POSITIVE)], (text, [e.title for e in events])


@pytest.mark.parametrize("text", [
    "Globex wins dismissal of lawsuit over data practices",
    "Australia clears Globex's buyout of Initech",
    "Acme will appeal the ruling",
    "Acme plans to appeal the court ruling",
    # a case dismissed is a loss for one side as much as a win (test_rules_language holds it)
    "Lawsuit against Acme dismissed by the court.",
])
def test_others_rulings_and_appeals_to_come_are_no_event(make_message: MakeMessage,
                                                         text: str) -> None:
    events = read(make_message, text)
    assert not [e for e in events if e.event_type is T.COMPLIANCE and
                e.polarity is Polarity.POSITIVE], (text, [e.title for e in events])
