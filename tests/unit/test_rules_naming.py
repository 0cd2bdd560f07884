"""What may be a product, partner, customer or outlet name, and when two readings are one event:
hand-written headings, chat, founder updates and press wording, each beside a look-alike that
stays an event (or stays two)."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.naming import not_a_name, one_name, product_key, readable
from signalpipe.models import EventType, SignificantEvent
from tests.unit import rules_read
from tests.unit.rules_read import MakeMessage

T = EventType



def read(make_message: MakeMessage, *texts: str) -> list[SignificantEvent]:
    """The events in `texts`, read from Slack in one batch as messages m0, m1, ..."""
    return rules_read.read(make_message, *texts, ids=[f"m{n}" for n in range(len(texts))])


@pytest.mark.parametrize("name", [
    "Initiatives", "Key", "Year", "Program", "Partner Program", "Leadership Summit", "I've",
    "i ve", "we re", "Product", "Got Done", "Marketing Jane Roe and Director of Channel",
    "Head of Sales", "March",
])
def test_ordinary_words_roles_and_fragments_are_no_names(name: str) -> None:
    assert not_a_name(name), name


@pytest.mark.parametrize("name", [
    "Stripe", "TinyPilot Voyager", "Google Cloud", "The Verge", "Teams", "Acme Analytics",
    "Globex", "TinaCMS Media Manager", "search.vespa.ai", "my task journaling app",
])
def test_real_names_pass(name: str) -> None:
    assert not_a_name(name) is None, name


@pytest.mark.parametrize("text", [
    "We are proud to be named Google Cloud Technology Partner of the Year.",
    "This week we hosted our Partner Leadership Summit in Chicago.",
    "Head of Marketing Jane Roe and Director of Channel Sales John Doe joined the summit.",
    "It was the best first month of anything I've ever launched.",
    "We were even trending on GitHub.",
    "The FBI recently launched their new Crime Data Explorer.",
])
def test_no_event_is_named_for_a_common_word_a_role_or_someone_else(
        make_message: MakeMessage, text: str) -> None:
    assert [(e.event_type, e.title) for e in read(make_message, text)] == [], text


@pytest.mark.parametrize(("text", "kind", "title"), [
    # the look-alikes: real names in the same phrasing stay events
    ("We partnered with Stripe to offer instant payouts.", T.PARTNERSHIP,
     "Partnership with Stripe"),
    ("We were featured in TechCrunch.", T.MEDIA_COVERAGE, "Coverage in TechCrunch"),
    # a heading of ordinary words over a list of launches: its own words are the title
    ("Key features that we shipped\n- Map view\n- Forms", T.PRODUCT_LAUNCH,
     "Key features shipped"),
    # a launch named by where it went live, not by a platform as the product
    ("We're live on Product Hunt today!", T.PRODUCT_LAUNCH, "Launched on Product Hunt"),
    ("Launch day is here: the Acme mobile app is live on the App Store.", T.PRODUCT_LAUNCH,
     "The Acme mobile app is live on the App Store"),
    # someone launching their own thing on us is a customer's story
    ("The FBI recently launched their new Crime Data Explorer on Acme.", T.CUSTOMER_SUCCESS,
     "Customer story: FBI"),
    # a title reads without a dangling bracket or a stop
    ("I sold an Enterprise plan for [Zestful](https://zestfuldata.com).", T.ENTERPRISE_DEAL,
     "Sold an Enterprise plan for Zestful"),
])
def test_events_are_named_as_an_investor_reads_them(
        make_message: MakeMessage, text: str, kind: EventType, title: str) -> None:
    assert [(e.event_type, e.title) for e in read(make_message, text)] == [(kind, title)], text


def test_a_product_and_its_model_in_one_list_are_one_launch(make_message: MakeMessage) -> None:
    events = read(make_message, "- Released a new high-end model of Pilot.\n"
                                "- Released Pilot Voyager, our pre-assembled kit.")
    assert [e.event_type for e in events] == [T.PRODUCT_LAUNCH]


def test_two_products_in_one_list_stay_two_launches(make_message: MakeMessage) -> None:
    events = read(make_message, "- Shipped Acme Reports\n- Shipped Acme Alerts")
    assert sorted(e.title for e in events) == ["Launched Acme Alerts", "Launched Acme Reports"]


def test_one_product_told_two_ways_is_one_launch_in_any_batching(
        make_message: MakeMessage) -> None:
    first, second = "Acme Self-Hosted is now out of beta!", "Self-hosted Acme beta launched."
    together = read(make_message, first, second)
    apart = [*read(make_message, first), *read(make_message, second)]
    assert len(together) == 1
    assert {e.fingerprint for e in apart} == {together[0].fingerprint}


def test_two_products_told_apart_keep_two_fingerprints() -> None:
    assert product_key("acme", "Acme Reports") != product_key("acme", "Acme Alerts")
    assert product_key("acme", "Acme") == "acme"  # only the company's name: kept whole


def test_a_name_told_in_part_joins_the_fuller_one() -> None:
    assert one_name({"TinyPilot", "TinyPilot Voyager"}) == {"TinyPilot Voyager"}
    assert one_name({"Stripe", "Globex"}) == {"Stripe", "Globex"}


@pytest.mark.parametrize(("title", "clean"), [
    ("Launched ProductHunt.", "Launched ProductHunt"),
    ("Sold an Enterprise plan for [Zestful", "Sold an Enterprise plan for Zestful"),
    ("**Relicensed Plausible as AGPL**", "Relicensed Plausible as AGPL"),
    ("Raised $5M (seed)", "Raised $5M (seed)"),
    ("Builds are faster\u2026", "Builds are faster\u2026"),
])
def test_titles_lose_loose_punctuation(title: str, clean: str) -> None:
    assert readable(title) == clean


def test_a_revenue_figure_told_as_mrr_and_as_revenue_is_one_milestone(
        make_message: MakeMessage) -> None:
    together = read(make_message, "Hit $2k MRR today.", "Revenue reached $2k this month!")
    assert [e.event_type for e in together] == [T.REVENUE_MILESTONE]
    apart = [*read(make_message, "Hit $2k MRR today."),
             *read(make_message, "Revenue reached $2k this month!")]
    assert {e.fingerprint for e in apart} == {together[0].fingerprint}


def test_revenue_and_arr_of_one_figure_stay_two_claims(make_message: MakeMessage) -> None:
    events = read(make_message, "Hit $2k MRR today.", "We just crossed $2k ARR!")
    assert len({e.fingerprint for e in events}) == 2


@pytest.mark.parametrize("text", [
    "We introduced RMB 86.046 billion of new projects.",
    "108Labs launched its incubation model this week.",
])
def test_a_sum_or_a_piece_of_a_word_names_no_launch(make_message: MakeMessage, text: str) -> None:
    assert not [e for e in read(make_message, text) if e.event_type is T.PRODUCT_LAUNCH], text


@pytest.mark.parametrize("name", ["Czech-based", "RMB 86.046", "USD 5"])
def test_sums_and_descriptions_are_no_names(name: str) -> None:
    assert not_a_name(name), name


@pytest.mark.parametrize(("text", "title"), [
    ("Quick highlights:\n- Welcomed Zoltan Kim, our new VP of Finance\n- Reached 37k users",
     "Hired Zoltan Kim as VP of Finance"),
    ("Subject: New VP of Finance\n\nI'm delighted to share that Zoltan Kim has accepted our "
     "offer to become our VP of Finance.", "Hired Zoltan Kim as VP of Finance"),
    ("Leila Okafor (ex-Stripe) joins us as CFO on Monday.", "Hired Leila Okafor as CFO"),
    # the look-alikes keep their names
    ("Hired Jane Doe as VP of Sales.", "Hired Jane Doe as VP of Sales"),
    ("Big welcome to Ethan Ivanova, who joins as our COO from Shopify.",
     "Hired Ethan Ivanova as COO"),
])
def test_a_hire_is_the_person_not_a_greeting_a_header_or_an_old_employer(
        make_message: MakeMessage, text: str, title: str) -> None:
    hires = [e.title for e in read(make_message, text) if e.event_type is T.HIRING]
    assert hires == [title], text


def test_one_hire_in_a_digest_and_in_chat_is_one_event(make_message: MakeMessage) -> None:
    digest = "Quick highlights:\n- Welcomed Zoltan Kim, our new VP of Finance\n- Office closed"
    chat = "Zoltan Kim joined as VP of Finance today!"
    apart = [*read(make_message, digest), *read(make_message, chat)]
    assert len({e.fingerprint for e in apart if e.event_type is T.HIRING}) == 1


def test_a_patent_is_named_by_its_number_however_written(make_message: MakeMessage) -> None:
    events = read(make_message, "Quick highlights:\n- Patent granted: US11036433\n- Office closed",
                  "USPTO granted patent US11036433 for the streaming dedup algorithm.",
                  "- ARR is $3M\n- Patent 11,036,433 was granted")
    assert [(e.event_type, e.title) for e in events] == [
        (T.TECHNICAL_ACHIEVEMENT, "Patent: US11036433")]


@pytest.mark.parametrize("text", [
    "Bad news: Cyberdyne Analytics chose Conduit Labs. Closed-lost at $300k ACV.",
    "We just signed a partnership with Year.",
])
def test_a_figure_or_a_common_word_is_no_party(make_message: MakeMessage, text: str) -> None:
    assert not [e for e in read(make_message, text) if e.title.endswith(("ACV", "Year"))], text


def test_one_user_count_told_as_signups_and_users_is_one_milestone(
        make_message: MakeMessage) -> None:
    apart = [*read(make_message, "Hit 15,000 signups this morning!"),
             *read(make_message, "We now have 15,000 users on the platform.")]
    assert [e.event_type for e in apart] == [T.USER_GROWTH, T.USER_GROWTH]
    assert len({e.fingerprint for e in apart}) == 1


def test_users_and_visitors_of_one_figure_stay_two(make_message: MakeMessage) -> None:
    apart = [*read(make_message, "We now have 15,000 users on the platform."),
             *read(make_message, "The blog got 15,000 visitors this month!")]
    assert len({e.fingerprint for e in apart if e.event_type is T.USER_GROWTH}) == 2


def test_a_section_label_is_not_the_product(make_message: MakeMessage) -> None:
    # (app themes, the original line, are a knob added: changelog.py's feature note)
    events = read(make_message, "**WIN**: Launched app dashboards")
    assert [(e.event_type, e.title) for e in events] == [
        (T.PRODUCT_LAUNCH, "Launched app dashboards")]
