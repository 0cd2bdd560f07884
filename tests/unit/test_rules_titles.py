"""Event titles as investors read them: the event's core in a headline's few words, whatever the
style of the message (Slack chatter, founder updates, press releases, news headlines). Every
message is hand-written; each title shape sits beside titles that must stay as they are."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.titles import polished
from signalpipe.models import EventType, Polarity, Source
from tests.unit.rules_read import MakeMessage, read

T = EventType

# A message, the type it states, and the title it must give.
READ = [
    # a count of customers renewing, not the clause after the verb
    ("2 of 10 pre-sale customers renewed their accounts, and 1 has bowed out",
     T.CUSTOMER_SUCCESS, "2 of 10 pre-sale customers renewed their accounts"),
    ("All 12 beta accounts renewed for another year!", T.CUSTOMER_SUCCESS,
     "All 12 beta accounts renewed for another year"),
    ("Initech renewed for another 2 years at 120k/yr", T.CUSTOMER_SUCCESS, "Initech renewed"),
    # a departure is the person's, not "Departs at the end of the month"
    ("Our head of sales Jane Doe departs at the end of the month", T.HIRING,
     "Head of sales Jane Doe departs at the end of the month"),
    ("Sad news: our CTO has departed to start her own company", T.HIRING,
     "CTO has departed to start her own company"),
    ("Jane, our VP Engineering, handed in her notice today", T.HIRING,
     "Jane handed in her notice"),
    # an acquisition by its target: a headline, a wire release with its dateline
    ("Acme to acquire Globex in $50M deal, the companies said on Tuesday", T.OTHER,
     "Acquisition of Globex"),
    ("SAN FRANCISCO, Calif.--(BUSINESS WIRE)--Acme Corp today announced it has entered into "
     "a definitive agreement to acquire Globex Inc", T.OTHER, "Acquisition of Globex Inc"),
    # a merger by its two parties
    ("Acme and Globex announce a merger to create the largest logistics platform in Europe",
     T.OTHER, "Merger of Acme and Globex"),
    # a founder update's lowlight cut where its reason starts
    ("Revenue dropped for the month as I redirected resources toward the failing meal plans "
     "and the new shop", T.REVENUE_MILESTONE, "Revenue dropped for the month"),
    # a discourse word before the news
    ("Lastly, a company reached out in August about potentially acquiring Acme",
     T.INVESTOR_INTEREST, "A company reached out in August about potentially acquiring Acme"),
    # a launch by a team from another company names the product, not where the team came from
    ("A team led by former Stripe executives today launched Relay, a payments API for "
     "marketplaces", T.PRODUCT_LAUNCH, "Launched Relay"),
    ("Acme, a startup founded by former Stripe executives, today launched Relay",
     T.PRODUCT_LAUNCH, "Launched Relay"),
    ("Founded by ex-Google engineers, Acme today launched Beacon, an observability tool",
     T.PRODUCT_LAUNCH, "Launched Beacon"),
    ("We launched Relay today! Built by a team of former Stripe and Square engineers",
     T.PRODUCT_LAUNCH, "Launched Relay"),
    # short titles stay as they were
    ("Big news: we closed our $4M seed round led by Initialized, and we're hiring 3 engineers",
     T.FUNDING, "Raised $4M seed led by Initialized"),
    ("Acme Flows v2.3.0 is out", T.PRODUCT_LAUNCH, "Launched Acme Flows v2.3.0"),
    ("We got a clean SOC 2 Type II report today, zero exceptions", T.COMPLIANCE,
     "SOC 2 Type II audit passed"),
]


@pytest.mark.parametrize(("text", "kind", "title"), READ)
def test_a_message_gives_a_headline(make_message: MakeMessage, text: str, kind: EventType,
                                    title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [(kind, title)]


def test_a_wire_release_read_as_email_keeps_its_target(make_message: MakeMessage) -> None:
    text = ("NEW YORK, N.Y.--(BUSINESS WIRE)--Globex Holdings today announced it has agreed to "
            "acquire Initech Systems for $120 million in cash")
    events = read(make_message, text, company="globex", aliases=("Globex",),
                  source=Source.GMAIL, subject="Globex to acquire Initech")
    assert [e.title for e in events if e.event_type is T.OTHER] == ["Acquisition of Initech"]


# A title as a detector gave it, its type, whether it is a lowlight, and the title shown.
POLISHED = [
    # a word that names nothing gives the type's plain name
    ("Churn: renewed", T.CUSTOMER_SUCCESS, False, "Customer renewal"),
    ("Renewal", T.CUSTOMER_SUCCESS, False, "Customer renewal"),
    ("Award: award", T.MEDIA_COVERAGE, False, "Award"),
    ("Departs", T.HIRING, True, "Key departure"),
    ("Partnership with Absolutely", T.PARTNERSHIP, False, "New partnership"),
    ("Globex: renewed", T.CUSTOMER_SUCCESS, False, "Globex renewed"),
    # a reason before the main clause, a quote closed that was never opened
    ("Merger: Because mistakes happen, we are releasing the ability to merge deals", T.OTHER,
     False, "Merger: We are releasing the ability to merge deals"),
    ("Incident: Downtime for these features is costly.\u201d Nova AI\u2019s tech sifts through "
     "code", T.TECHNICAL_ACHIEVEMENT, True, "Incident: Downtime for these features is costly"),
    # a cut-off owner and spaces inside a bracket
    ("'s $5bn Loss", T.REVENUE_MILESTONE, True, "$5bn Loss"),
    ("Approval: Drug Administration ( FDA ) approved the drug", T.COMPLIANCE, False,
     "Approval: Drug Administration (FDA) approved the drug"),
    # a label repeated by its clause, a relative clause after a short noun phrase
    ("Security incident: Security incident which had started on January 7th led to a bad "
     "actor obtaining\u2026", T.COMPLIANCE, True, "Security incident"),
    # a long clause cut where the next one starts, or after a word that can end one
    ("Regulatory action: Tesco is torn apart as watchdog finds supermarket repeatedly withheld "
     "payments from\u2026", T.COMPLIANCE, True, "Regulatory action: Tesco is torn apart"),
    ("Shipped dark mode offline sync bulk export saved views keyboard shortcuts calendar "
     "integration audit logs and the new API for partners", T.PRODUCT_LAUNCH, False,
     "Shipped dark mode offline sync bulk export saved views keyboard shortcuts "
     "calendar\u2026"),
    ("Double the throughput, cutting the time it takes to replace a failing content node in "
     "half", T.TECHNICAL_ACHIEVEMENT, False, "Double the throughput"),
    ("Builds are up to 5x faster, and incremental builds are over 100x faster",
     T.TECHNICAL_ACHIEVEMENT, False, "Builds are up to 5x faster"),
    # a founder's flopped launch named by what was launched (voice.py), and a lower-case name
    # after a label stays as written
    ("Launch flopped: I announced a new product and then discovered it was a mistake",
     T.PRODUCT_LAUNCH, True, "Launch of a new product flopped"),
    ("Case study: note.com", T.CUSTOMER_SUCCESS, False, "Case study: note.com"),
    # headlines of up to fifteen words, and names, stay
    ("Sale: Sells agri unit stake for $2.5 billion to Canadian pension fund", T.OTHER, False,
     "Sale: Sells agri unit stake for $2.5 billion to Canadian pension fund"),
    ("Raised $31M Series A", T.FUNDING, False, "Raised $31M Series A"),
    ("Partnership with Globex", T.PARTNERSHIP, False, "Partnership with Globex"),
    ("Hired Jane Doe as VP Sales", T.HIRING, False, "Hired Jane Doe as VP Sales"),
    ("Coverage in TechCrunch", T.MEDIA_COVERAGE, False, "Coverage in TechCrunch"),
    ("Award: Technology Partner of the Year", T.MEDIA_COVERAGE, False,
     "Award: Technology Partner of the Year"),
    ("Shell\u2019s profit fell 20% as oil prices slid", T.REVENUE_MILESTONE, True,
     "Shell\u2019s profit fell 20% as oil prices slid"),
]


@pytest.mark.parametrize(("title", "kind", "negative", "shown"), POLISHED)
def test_a_title_is_cut_to_its_core(title: str, kind: EventType, negative: bool,
                                    shown: str) -> None:
    assert polished(title, kind, negative) == shown


def test_an_acquisition_cut_before_its_target_finds_it_in_the_evidence() -> None:
    evidence = "Acme Corp has entered into a definitive agreement to acquire Globex Inc."
    assert polished("Acquisition: Acme Corp has entered into a definitive\u2026", T.OTHER,
                    evidence=evidence) == "Acquisition of Globex Inc"


def test_a_lowlight_stays_a_lowlight_with_its_new_title(make_message: MakeMessage) -> None:
    events = read(make_message, "Our head of sales Jane Doe departs at the end of the month")
    assert [e.polarity for e in events] == [Polarity.NEGATIVE]


def test_someone_elses_launch_stays_someone_elses(make_message: MakeMessage) -> None:
    # the alumni reading renames a launch of ours; it never makes a launch of someone else's
    assert read(make_message, "Stripe launched Relay today") == []
