"""Event titles in a headline's voice (voice.py): third person, subject and verb kept, figures
stated. Every message is hand-written in one of the styles the product reads (Slack chatter, a
founder's monthly update, a newsletter, a press release or news headline, a status page); each
shape sits beside look-alikes whose titles must stay as they are."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.titles import polished
from signalpipe.extract.rules.voice import voiced
from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType

# A message, the type it states, and the title it must give.
READ = [
    # the writer's pronoun dropped, the object first where the verb is a regular past
    ("I paused Acme sales to address a battery problem.", T.OTHER,
     "Acme sales paused for a battery problem"),                        # founder update
    ("We halted Acme shipments to fix a firmware bug.", T.OTHER,
     "Acme shipments halted for a firmware bug"),                       # Slack
    ("We ran out of a few chips we couldn't source within our usual lead time.", T.OTHER,
     "Ran out of a few chips"),                                         # founder update
    ("The ongoing chip shortage forced us into two board redesigns.", T.OTHER,
     "The ongoing chip shortage forced two board redesigns"),
    # a post's subject line, and a first-person aside after the name
    ("I Sold Acme, My First Real Business", T.OTHER, "Sold Acme"),      # blog post title
    ("We sold Acme, our first company, to Globex.", T.OTHER, "Sold Acme"),
    ("Highest revenue month ever, the margins show how small my business still is",
     T.REVENUE_MILESTONE, "Highest revenue month ever"),
    ("Revenue dropped 8% this month as we moved the team onto the enterprise launch.",
     T.REVENUE_MILESTONE, "Revenue dropped 8% this month"),
    ("Got our first paying customer today!", T.REVENUE_MILESTONE, "Got first paying customer"),
    # a metric's change said from its figures
    ("Acme closed the quarter with $120k in revenue, a 15% drop from Q2.", T.REVENUE_MILESTONE,
     "Revenue fell 15% to $120k"),                                      # founder update
    ("Revenue for March: $48k, a 12% decline from February.", T.REVENUE_MILESTONE,
     "Revenue fell 12% to $48k"),                                       # newsletter
    ("p99 is 80ms now, it was 300ms before the index change", T.TECHNICAL_ACHIEVEMENT,
     "P99 latency cut from 300ms to 80ms"),                             # Slack
    ("Checkout p95 is now 200ms, down from 900ms after the cache rewrite",
     T.TECHNICAL_ACHIEVEMENT, "P95 latency cut from 900ms to 200ms"),
    ("We doubled throughput, cutting the time to rebuild an index in half.",
     T.TECHNICAL_ACHIEVEMENT, "Throughput doubled"),                    # engineering blog
    # a subject or verb the clause lost, read back from the message
    ("The API was unavailable for 45 minutes this morning, all customers affected.",
     T.TECHNICAL_ACHIEVEMENT, "API unavailable for 45 minutes, all customers affected"),
    ("Heads up: checkout was down for 2 hours yesterday, every merchant affected",
     T.TECHNICAL_ACHIEVEMENT, "Checkout down for 2 hours, every merchant affected"),
    ("Moving to ARM cut our AWS bill by 40% this quarter.", T.TECHNICAL_ACHIEVEMENT,
     "AWS bill cut by 40% this quarter"),
    ("We reduced the size of our mobile app by more than 60%.", T.TECHNICAL_ACHIEVEMENT,
     "Size of the mobile app reduced by more than 60%"),
    ("Initech posts big loss, slashes dividend", T.OTHER, "Initech slashes dividend"),  # news
    # hedges dropped
    ("Revenue actually dropped this month.", T.REVENUE_MILESTONE, "Revenue dropped this month"),
    # look-alikes that stay: a third party's verb, "US" the country, a plain result
    ("Acme expanded to the US this quarter", T.MARKET_EXPANSION, "Expanded to US"),
    ("MRR grew 20% to $1.2M in March", T.REVENUE_MILESTONE, "MRR reached $1.2M"),
]


@pytest.mark.parametrize(("text", "kind", "title"), READ)
def test_a_message_gives_a_headline_in_the_third_person(
        make_message: MakeMessage, text: str, kind: EventType, title: str) -> None:
    events = read(make_message, text, aliases=("Acme", "Initech"))
    assert [(e.event_type, e.title) for e in events] == [(kind, title)], text


def test_a_founder_stepping_down_is_no_person_named_im(make_message: MakeMessage) -> None:
    events = read(make_message, "I'm stepping down as CEO of Acme to focus on product.")
    assert [(e.title, e.stakeholders, e.polarity) for e in events] == [
        ("Departure: CEO", [], Polarity.NEGATIVE)]


# A title as a detector gave it, its type, whether a lowlight, its evidence, and the title shown.
POLISHED = [
    ("Sale: I Sold TinyPilot, My First Successful Business", T.OTHER, False,
     "I Sold TinyPilot, My First Successful Business", "Sold TinyPilot"),
    ("Pulled: We have removed online support from Acme", T.PRODUCT_LAUNCH, True,
     "We have removed online support from Acme", "Online support removed from Acme"),
    ("Launch flopped: I announced a new product and then discovered it was a mistake",
     T.PRODUCT_LAUNCH, True, "", "Launch of a new product flopped"),
    ("Team split: We now have no communication with Andy", T.OTHER, True, "",
     "Team split: No communication with Andy"),
    ("Surge in sales definitely made the extra effort feel justified", T.REVENUE_MILESTONE,
     False, "", "Surge in sales"),
    ("Initiatives that we launched", T.PRODUCT_LAUNCH, False, "", "Initiatives launched"),
    ("Sold my first meal plan on Is It Keto", T.REVENUE_MILESTONE, False, "",
     "Sold first meal plan on Is It Keto"),
    ("More new paying subscribers than in any other month in our seven-year history",
     T.USER_GROWTH, False, "", "More new paying subscribers than in any other month"),
    ("Incident: Was down for 3 hours yesterday, every customer affected",
     T.TECHNICAL_ACHIEVEMENT, True, "API was down for 3 hours yesterday, every customer affected",
     "API down for 3 hours, every customer affected"),
    ("Regulatory action: Recalls hip-replacement components", T.COMPLIANCE, True,
     "Smith & Nephew recalls hip-replacement components",
     "Smith & Nephew recalls hip-replacement components"),
    ("Dividend: Increases Quarterly Dividend", T.OTHER, False,
     "AbbVie Increases Quarterly Dividend", "AbbVie Increases Quarterly Dividend"),
    ("Cloud Platform fees by 90% on my side projects", T.TECHNICAL_ACHIEVEMENT, False,
     "Switching to Hetzner cut my Google Cloud Platform fees by 90% on my side projects",
     "Google Cloud Platform fees cut by 90%"),
    # look-alikes that stay: no subject in the evidence's sentence, a pronoun's sentence, a
    # name in lower case, a subject already there, words that only look like a pronoun
    ("Regulatory action: Faces fresh forex probe", T.COMPLIANCE, True,
     "Barclays share price subdued as bank faces fresh forex probe",
     "Regulatory action: Faces fresh forex probe"),
    ("Security incident: Alerted to a critical security vulnerability", T.COMPLIANCE, True,
     "Today we were alerted to a critical security vulnerability",
     "Security incident: Alerted to a critical security vulnerability"),
    ("Acquisition: a company", T.OTHER, False, "", "Acquisition: a company"),
    ("Case study: note.com", T.CUSTOMER_SUCCESS, False, "", "Case study: note.com"),
    ("Departure: risk head leaves for a rival", T.HIRING, True, "",
     "Departure: risk head leaves for a rival"),
    ("Expanded to US", T.MARKET_EXPANSION, False, "", "Expanded to US"),
    ("Profit falls, beats forecasts", T.REVENUE_MILESTONE, True, "",
     "Profit falls, beats forecasts"),
    ("Latency dropped from 1.2s to 85ms", T.TECHNICAL_ACHIEVEMENT, False, "",
     "Latency dropped from 1.2s to 85ms"),
]


@pytest.mark.parametrize(("title", "kind", "negative", "evidence", "shown"), POLISHED)
def test_a_title_is_said_in_a_headlines_voice(title: str, kind: EventType, negative: bool,
                                              evidence: str, shown: str) -> None:
    assert polished(title, kind, negative, evidence=evidence) == shown


def test_a_metric_and_a_comma_becomes_its_change_from_the_event_figures() -> None:
    title = polished("Revenue, a 21% drop from January", T.REVENUE_MILESTONE, True,
                     evidence="TinyPilot finished the month with $33k in revenue, a 21% drop "
                              "from January", metrics={"missed": "revenue", "figure_usd": 33000})
    assert title == "Revenue fell 21% to $33k"
    # without an amount among the figures, the change alone
    assert voiced("", "Sales, a 5% increase over May", metrics={}) == ("", "Sales rose 5%")


def test_p95_alone_names_its_quantity() -> None:
    assert voiced("", "P95 is 120ms now, it was 450ms before the cache rewrite") == (
        "", "P95 latency cut from 450ms to 120ms")
    assert voiced("", "Error rate is 0.2% now, it was 1.5% last month") == (
        "", "Error rate cut from 1.5% to 0.2%")
