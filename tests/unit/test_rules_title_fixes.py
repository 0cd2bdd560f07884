"""Titles and figures as an investor reads them, found by reading the demo's report: a role typed
in lower case, "an SRE", a name kept as written, a decimal amount, an outage and an audit."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.modality import reported_not_happened
from signalpipe.models import EventType
from tests.unit.rules_read import MakeMessage, read


@pytest.mark.parametrize(("text", "title"), [
    ("arjun okafor is joining as head of data, coming over from shopify", "Hired a Head of Data"),
    ("we hired a vp of sales", "Hired a VP of Sales"),
    ("we just hired our first sre", "Hired an SRE"),
    ("we hired a UX designer", "Hired a UX designer"),
])
def test_hire_titles_are_cased_and_articled(make_message: MakeMessage, text: str,
                                            title: str) -> None:
    assert [(e.event_type, e.title) for e in read(make_message, text)] == [
        (EventType.HIRING, title)]


def test_a_name_written_in_lower_case_takes_the_titles_capitals(make_message: MakeMessage
                                                                ) -> None:
    events = read(make_message, "we're live in finland as of today, first customers onboarded")
    assert [e.metrics.get("region") for e in events] == ["Finland"]


def test_a_decimal_amount_is_not_cut_at_its_point(make_message: MakeMessage) -> None:
    events = read(make_message, "redpoint led a usd 6.25m down round.")
    assert [e.event_type for e in events] == [EventType.FUNDING]
    assert "25m" not in events[0].title.lower().replace("6.25m", "")


def test_outage_and_failed_audit_titles(make_message: MakeMessage) -> None:
    down = read(make_message, "We were down for 5 hours this morning.")
    assert [e.title for e in down] == ["Incident: Down for 5 hours"]
    audit = read(make_message, "For the board: the SOC 1 Type II audit failed with 5 exceptions"
                               " from Schellman.")
    assert [e.title for e in audit] == [
        "SOC 1 Type II audit failed with 5 exceptions from Schellman"]


def test_description_counts_its_messages_in_words(make_message: MakeMessage) -> None:
    events = read(make_message, "We closed our $12M Series A led by Northwind Ventures.")
    assert events[0].description.endswith("Stated in 1 message.")


def test_another_company_naming_its_officer_is_not_our_hire(make_message: MakeMessage) -> None:
    assert read(make_message, "Hooli named Jane Doe their new CTO") == []
    ours = read(make_message, "We named Jane Doe our new CTO")
    assert [e.title for e in ours] == ["Hired Jane Doe as CTO"]


@pytest.mark.parametrize(("text", "title"), [
    ("we partnered with a European distributor", "Partnership with a European distributor"),
    ("we partnered with an Italian design studio this week",
     "Partnership with an Italian design studio"),
    ("We partnered with Stripe", "Partnership with Stripe"),
])
def test_a_partner_named_by_its_kind(make_message: MakeMessage, text: str, title: str) -> None:
    assert [e.title for e in read(make_message, text)] == [title]


@pytest.mark.parametrize("text", ["[Company] raised $X from [Investor]",
                                  "$X ARR by [date], led by {{name}}"])
def test_a_placeholder_at_a_sentences_start_is_no_event(make_message: MakeMessage,
                                                         text: str) -> None:
    # the shared check itself (the LLM's grounding calls it too), not only the rules' output:
    # bystanders.py vetoes these for the rules whatever modality says
    assert reported_not_happened(text) is not None
    assert read(make_message, text) == []
    assert reported_not_happened("Acme raised $12M from Northwind") is None


def test_a_partner_programme_joined_is_no_hire(make_message: MakeMessage) -> None:
    events = read(make_message, "Acme joined the Google Cloud Partner Advantage program")
    assert EventType.HIRING not in [e.event_type for e in events]
    hire = read(make_message, "We hired Sam as Partner, Design")
    assert [e.event_type for e in hire] == [EventType.HIRING]
