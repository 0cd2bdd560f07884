"""Lead fixes from reading outputs: a contraction ("I'm", "It's") is no name; a grant or an advisor
is no deal; launch titles keep the noun after a borrowed name; a fallen uptime, a platform's
release note or a digest of others' rounds is not ours."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.names import name_before, names_in
from signalpipe.models import EventType
from tests.unit.rules_read import MakeMessage, read


@pytest.mark.parametrize(("text", "title"), [
    ("I'm excited to announce the release of Makie 0.20", "Launched Makie 0.20"),
    ("I\u2019m thrilled to say Relay 2.0 is out", "Launched Relay 2.0"),
])
def test_the_product_not_the_pronoun_names_a_launch(make_message: MakeMessage, text: str,
                                                     title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [(EventType.PRODUCT_LAUNCH, title)]


@pytest.mark.parametrize("text", ["I'm", "It\u2019s", "Let's", "They're", "Here's", "That's"])
def test_contractions_are_not_names(text: str) -> None:
    assert names_in(f"{text} here") == []
    assert name_before(f"{text} excited about", len(text) + 8) is None


def test_selected_by_a_funder_to_receive_funding_is_no_deal(make_message: MakeMessage) -> None:
    grant = ("I'm pleased to share that Acme has been selected by NLNet to receive\n"
             "funding as part of the NGI Zero fund for the purpose of completing API 2.0.")
    assert [e for e in read(make_message, grant) if e.event_type == EventType.ENTERPRISE_DEAL] == []
    deal = read(make_message, "Acme was selected by the Navy for a $2M contract")
    assert [e.event_type for e in deal] == [EventType.ENTERPRISE_DEAL]


@pytest.mark.parametrize("text", ["Jane signed on for another year as our advisor",
                                  "Jane Doe signed on as an advisor",
                                  "Sam signed on as our fractional CFO consultant"])
def test_a_person_signed_on_in_a_role_is_no_deal(make_message: MakeMessage, text: str) -> None:
    assert [e for e in read(make_message, text) if e.event_type == EventType.ENTERPRISE_DEAL] == []


@pytest.mark.parametrize(("text", "title"), [
    ("We launched Slack notifications today", "Launched Slack notifications"),
    ("Two-factor authentication is now live for all accounts",
     "Launched Two-factor authentication"),
    ("We launched a Discord bot for our community", "Launched Discord bot"),
    ("We shipped a Figma plugin", "Launched Figma plugin"),
    ("We launched Acme 2.0 today", "Launched Acme 2.0"),
])
def test_a_launch_title_keeps_the_kind_after_a_borrowed_name(make_message: MakeMessage,
                                                              text: str, title: str) -> None:
    assert [e.title for e in read(make_message, text)] == [title]


def test_a_first_revenue_metric_is_the_amount(make_message: MakeMessage) -> None:
    (event,) = read(make_message, "closed first revenue @ $98/mo")
    assert event.metrics == {"first_sale": "$98/mo"}


def test_uptime_that_fell_is_no_technical_result(make_message: MakeMessage) -> None:
    assert read(make_message, "Uptime was 99.2% in March, down from 99.9%") == []
    rose = read(make_message, "Uptime went from 99.5% to 99.99% after the migration")
    assert [e.event_type for e in rose] == [EventType.TECHNICAL_ACHIEVEMENT]


def test_someone_elses_first_sale_is_not_ours(make_message: MakeMessage) -> None:
    assert read(make_message, "Help our EU distributor achieve his first sale") == []
    assert read(make_message, "Our new AE closed her first sale") == []
    assert [e.title for e in read(make_message, "We made our first sale today")] == [
        "Made first sale"]


def test_a_plan_after_and_does_not_undo_the_event_before_it(make_message: MakeMessage) -> None:
    events = read(make_message, "We failed the PCI audit and will be re-audited in March")
    assert [(e.event_type, e.polarity.value) for e in events] == [
        (EventType.COMPLIANCE, "negative")]
    assert read(make_message, "We hope to sign Globex and will keep you posted") == []


@pytest.mark.parametrize("text", ["This week in funding: 40 startups raised $1.2B",
                                  "Hundreds of AI companies raised money this quarter"])
def test_a_digest_of_other_companies_rounds_is_not_ours(make_message: MakeMessage,
                                                        text: str) -> None:
    assert read(make_message, text) == []


def test_a_platforms_release_note_is_not_our_result(make_message: MakeMessage) -> None:
    assert read(make_message, "Postgres 17 brings up to 2x faster vacuum") == []
    assert read(make_message, "Kafka 4.0 cuts rebalance time by 80%") == []
    ours = read(make_message, "Our Postgres 17 upgrade made queries 2x faster")
    assert [e.event_type for e in ours] == [EventType.TECHNICAL_ACHIEVEMENT]
