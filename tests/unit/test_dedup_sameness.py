"""One event told twice in words that say so, days apart (`extract/sameness.py`): what joins,
what never does, both ways round, in any order, over any split of the batches, and after a
restart."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from itertools import permutations

import pytest

from signalpipe.extract.dedup import EventIndex, Shape, is_close
from signalpipe.extract.sameness import HIRE_WINDOW_DAYS, WINDOW_DAYS, apart_by_day, same_story
from signalpipe.models import EventType, Polarity, Severity, SignificantEvent

T = EventType
DAY = date(2026, 3, 2)
Close = Callable[[Shape, Shape], bool]
Groups = frozenset[frozenset[str]]


def ev(title: str, mid: str, t: EventType = T.MEDIA_COVERAGE, *,
       polarity: Polarity = Polarity.POSITIVE, **metrics: float | str) -> SignificantEvent:
    return SignificantEvent(company_id="c", event_type=t, severity=Severity.MEDIUM, title=title,
                            metrics=dict(metrics), source_message_ids=[mid], polarity=polarity)


def told(event: SignificantEvent, *mids: str) -> SignificantEvent:
    """The event as an extractor merges it when one batch holds all of `mids`."""
    return event.model_copy(update={"source_message_ids": list(mids)})


def shape(event: SignificantEvent, days_later: int = 0) -> Shape:
    return Shape.of(event, {event.source_message_ids[0]: DAY + timedelta(days=days_later)})


def stored(batches: Sequence[Sequence[SignificantEvent]], days: dict[str, date],
           close: Close = same_story) -> Groups:
    """The message ids of each row a store holds after one index resolved `batches` in turn
    (moves folded as `EventStore.upsert_many` folds them)."""
    index, rows = EventIndex(close=close), dict[str, set[str]]()
    for batch in batches:
        resolution = index.resolve(batch, days)
        for old, new in resolution.moved.items():
            rows.setdefault(new, set()).update(rows.pop(old, set()))
        for event in resolution.events:
            rows.setdefault(event.fingerprint, set()).update(event.source_message_ids)
    return frozenset(frozenset(ids) for ids in rows.values())


def joined(a: SignificantEvent, b: SignificantEvent, days_apart: int = 1, *,
           close: Close = same_story) -> bool:
    """Whether the two join: `close` both ways round, and the index over both orders and
    both splits (one batch each, or one batch for both), which must all agree."""
    verdicts = {close(shape(a), shape(b, days_apart)), close(shape(b, days_apart), shape(a))}
    days = {a.source_message_ids[0]: DAY,
            b.source_message_ids[0]: DAY + timedelta(days=days_apart)}
    together = frozenset({*a.source_message_ids, *b.source_message_ids})
    for batches in ([[a], [b]], [[b], [a]], [[a, b]], [[b, a]]):
        verdicts.add(together in stored(batches, days, close))
    assert len(verdicts) == 1, verdicts
    return verdicts.pop()


def both(a: SignificantEvent, b: SignificantEvent, days_apart: int = 1) -> set[bool]:
    """The verdicts of the rules extractor's closeness and the LLM extractors', both ways."""
    return {joined(x, y, d, close=c) for x, y, d in ((a, b, days_apart), (b, a, -days_apart))
            for c in (same_story, is_close)}


JEFF = ev("Coverage by Jeff", "m1", publication="jeff")
GEERLING = ev("Coverage by Jeff Geerling", "m2", publication="jeff geerling")
SOLD = ev("Sold TinyPilot", "m3", T.OTHER, org="tinypilot")
SOLD_AGAIN = ev("Sold TinyPilot", "m4", T.OTHER, org="tinypilot", buyer="acme")
ARJUN = ev("Hired Arjun Okafor as Head of Data", "m5", T.HIRING, hire="arjun okafor")
HEAD = ev("Hired a Head of Data", "m6", T.HIRING, role="head of data")


FAMILIES = pytest.mark.parametrize(
    ("a", "b", "window"),
    [(JEFF, GEERLING, WINDOW_DAYS), (SOLD, SOLD_AGAIN, WINDOW_DAYS),
     (ARJUN, HEAD, HIRE_WINDOW_DAYS)],
    ids=["leading-name", "same-title", "named-and-unnamed-hire"])


@FAMILIES
def test_the_families_an_investor_noticed_join_within_the_window(
        a: SignificantEvent, b: SignificantEvent, window: int) -> None:
    assert both(a, b) == {True}
    assert both(a, b, window) == {True}


@FAMILIES
def test_past_the_window_or_undated_they_stay_apart(a: SignificantEvent, b: SignificantEvent,
                                                    window: int) -> None:
    """For the rules extractor; the LLM extractors' `is_close` still joins one title told
    twice at any distance, as it did before."""
    assert not joined(a, b, window + 1) and not joined(b, a, -window - 1)
    assert not same_story(Shape.of(a), shape(b))


@pytest.mark.parametrize(("a", "b"), [
    (ARJUN, ev("Hired Mei Lin as Head of Data", "x", T.HIRING, hire="mei lin")),
    (ev("Hired Mei Lin as Head of Data", "x0", T.HIRING, hire="mei lin", role="head of data"),
     ev("Hired Arjun Okafor as Head of Data", "x00", T.HIRING, hire="arjun okafor",
        role="head of data")),
    (ev("Raised a seed round", "x1", T.FUNDING, amount_usd=2e6),
     ev("Raised a seed round", "x2", T.FUNDING, amount_usd=3e6)),
    (ev("Raised $5M seed round", "x14", T.FUNDING, amount_usd=5e6, round="seed"),
     ev("Raised $8M seed round", "x15", T.FUNDING, amount_usd=8e6, round="seed")),
    (ev("Launched Acme", "x3", T.PRODUCT_LAUNCH, product="acme"),
     ev("Launched Acme 2", "x4", T.PRODUCT_LAUNCH, product="acme 2")),
    (ev("Launched Acme 2", "x5", T.PRODUCT_LAUNCH, product="acme 2"),
     ev("Launched Acme 2.1", "x6", T.PRODUCT_LAUNCH, product="acme 2.1")),
    (SOLD, ev("Sold TinyPilot", "x7", T.OTHER, polarity=Polarity.NEGATIVE, org="tinypilot")),
    (HEAD, ev("Hired a Head of Data", "x16", T.HIRING, polarity=Polarity.NEGATIVE,
              role="head of data")),
    (JEFF, ev("Coverage by Jeff", "x8", T.OTHER, publication="jeff")),
    (ev("Closed a deal", "x9", T.ENTERPRISE_DEAL, customer="initech"),
     ev("Closed a deal", "x10", T.ENTERPRISE_DEAL, customer="wayne labs")),
    (HEAD, ev("Hired a Data Engineer", "x11", T.HIRING, role="data engineer")),
    (ARJUN, ev("Hired a Data Engineer", "x12", T.HIRING, role="data engineer")),
    (ev("Coverage", "x13", publication="jeff"), GEERLING),
    (ev("Raised Series A", "x17", T.FUNDING, round="Series A"),
     ev("Raised Series B", "x18", T.FUNDING, round="Series B")),
], ids=["two-names-one-role", "two-names-one-role-labelled", "two-amounts",
        "two-rounds-two-amounts", "unversioned-and-version", "two-versions",
        "positive-and-negative", "positive-and-negative-hire", "two-types", "two-customers",
        "two-roles", "named-other-role", "one-word-lead", "series-letters"])
def test_never_joined(a: SignificantEvent, b: SignificantEvent) -> None:
    assert both(a, b) == {False}


def test_titles_whose_labels_share_no_key_are_not_one_story() -> None:
    """Generated data: the Falcon Analytics case study, and the rules extractor's node of
    case studies labelled only by their kind. (The LLM extractors' `is_close` still joins one
    title told twice whatever its labels, as before.)"""
    falcon = ev("Case study published", "x19", T.CUSTOMER_SUCCESS, customer="Falcon Analytics")
    kind = ev("Case study published", "x20", T.CUSTOMER_SUCCESS, story="Case study")
    assert not joined(falcon, kind) and not joined(kind, falcon)


def test_groups_do_not_depend_on_order() -> None:
    """The families above, with a second name and a lookalike out of the window, in every
    order of one-event batches: one stored set of groups."""
    events = [JEFF, GEERLING, ARJUN, HEAD, ev("Hired Mei Lin as CTO", "m7", T.HIRING,
                                               hire="mei lin"),
              ev("Sold TinyPilot", "m8", T.OTHER, org="tinypilot")]
    days = {"m1": DAY, "m2": DAY, "m5": DAY, "m6": DAY, "m7": DAY,
            "m8": DAY + timedelta(days=40)}
    results = {stored([[event] for event in order], days) for order in permutations(events)}
    assert results == {frozenset({frozenset({"m1", "m2"}), frozenset({"m5", "m6"}),
                                  frozenset({"m7"}), frozenset({"m8"})})}


# The two-worker fault test's case (generated data): the rules extractor gives every "Hired a
# Head of Data" one fingerprint, and that role was told on Jan 9 (Arjun's announcement),
# Jan 31 (Mira's, her name not read) and Feb 25 (an opening read as a hire).
JAN = date(2025, 1, 6)  # a Monday
ROLE_DAYS = {"r1": JAN + timedelta(days=3), "r2": JAN + timedelta(days=25),
             "r3": JAN + timedelta(days=50)}
CHAIN_DAYS = {**ROLE_DAYS, "a": JAN + timedelta(days=4), "m": JAN + timedelta(days=24)}
ARJUN_JAN = ev("Hired Arjun Okafor as Head of Data", "a", T.HIRING, hire="arjun okafor")
MIRA_JAN = ev("Hired Mira Larsen as Head of Data", "m", T.HIRING, hire="mira larsen")
ROLE_JAN = ev("Hired a Head of Data", "r1", T.HIRING, role="head of data")


def _batches_of(order: Sequence[str], cuts: set[int]) -> list[list[SignificantEvent]]:
    """What the rules extractor finds in each batch: the role told in several messages of
    one batch is one event citing them all."""
    out: list[list[SignificantEvent]] = [[]]
    for i, mid in enumerate(order):
        if i in cuts:
            out.append([])
        batch = out[-1]
        if mid == "a":
            batch.append(ARJUN_JAN)
        elif mid == "m":
            batch.append(MIRA_JAN)
        elif roles := [e for e in batch if e.fingerprint == ROLE_JAN.fingerprint]:
            batch[batch.index(roles[0])] = told(ROLE_JAN, *roles[0].source_message_ids, mid)
        else:
            batch.append(told(ROLE_JAN, mid))
    return out


def test_two_people_hired_to_one_role_stay_apart_over_any_split() -> None:
    """The role told on three days is three mentions, each joining the named hire of its
    own days only: Arjun and Mira are never one hire, whatever the order and the batches."""
    expected = frozenset({frozenset({"a", "r1"}), frozenset({"m", "r2"}), frozenset({"r3"})})
    rng = random.Random(7)
    for _ in range(200):
        order = list(CHAIN_DAYS)
        rng.shuffle(order)
        cuts = {i for i in range(1, len(order)) if rng.random() < 0.4}
        assert stored(_batches_of(order, cuts), CHAIN_DAYS) == expected, (order, cuts)


def test_a_role_told_on_one_day_stays_one_mention() -> None:
    """Split by day: told twice in one day, one event; the next day, another (the cost of
    never chaining two named hires of one role through it); evidence follows its messages."""
    days = {"w1": DAY, "w2": DAY, "w3": DAY + timedelta(days=1)}
    parts = apart_by_day([told(HEAD, "w1", "w2", "w3")], days)
    assert [p.source_message_ids for p in parts] == [["w1", "w2"], ["w3"]]
    assert len({p.fingerprint for p in parts}) == 2
    assert apart_by_day([ARJUN, SOLD], {"m5": DAY, "m3": DAY}) == [ARJUN, SOLD]


def test_one_role_filled_twice_in_a_week_is_two_hires() -> None:
    """Generated data: "Hired a Head of Product" on Monday, Mira Singh named on Monday to
    Wednesday, Ethan Reyes on Wednesday. Ethan is two days from the unnamed mention: apart."""
    days = {"u": DAY, "ms1": DAY, "ms2": DAY + timedelta(days=1),
            "ms3": DAY + timedelta(days=2), "er": DAY + timedelta(days=2)}
    unnamed = ev("Hired a Head of Product", "u", T.HIRING, role="head of product")
    mira = ev("Hired Mira Singh as Head of Product", "ms1", T.HIRING, hire="mira singh")
    ethan = ev("Hired Ethan Reyes as Head of Product", "er", T.HIRING, hire="ethan reyes")
    expected = frozenset({frozenset({"u", "ms1", "ms2", "ms3"}), frozenset({"er"})})
    mentions = [unnamed, mira, told(mira, "ms2"), told(mira, "ms3"), ethan]
    for order in permutations(mentions):
        assert stored([[e] for e in order], days) == expected
    assert stored([[unnamed, mira], [told(mira, "ms2", "ms3"), ethan]], days) == expected


def test_a_mention_told_over_days_is_as_close_as_its_nearest_day() -> None:
    """One batch that merged two days' messages into one mention joins what either day's
    mention would: the split of the batches does not change the window."""
    days = {"s1": DAY, "s2": DAY + timedelta(days=10), "s3": DAY + timedelta(days=22)}
    first, second = told(SOLD, "s1"), told(SOLD, "s2")
    later = ev("Sold TinyPilot", "s3", T.OTHER, org="tinypilot", buyer="acme")
    merged = stored([[told(SOLD, "s1", "s2")], [later]], days)
    apart = stored([[first], [second], [later]], days)
    assert merged == apart == frozenset({frozenset({"s1", "s2", "s3"})})


def test_a_restarted_index_joins_through_stored_members() -> None:
    """Members keep the title's words in order and their days, so a worker started later
    joins "Hired a Head of Data" to the stored named hire as the first worker would have."""
    first = EventIndex(close=same_story)
    written = first.resolve([ARJUN], {"m5": DAY})
    assert written.members[ARJUN.fingerprint][0].day == DAY
    later = EventIndex(written.events, written.members, close=same_story)
    again = later.resolve([HEAD], {"m6": DAY + timedelta(days=1)})
    [row] = again.events
    assert row.fingerprint == min(ARJUN.fingerprint, *again.members)
    assert sorted(row.source_message_ids) == ["m6"] and len(again.members) == 1


def test_a_retried_write_hands_out_the_same_moves_until_written() -> None:
    """The store may call the runner's grouping again when its transaction is retried: the
    moves and members must come back as first decided, then never again once written."""
    index = EventIndex(close=same_story)
    index.resolve([GEERLING], {"m2": DAY})
    first = index.resolve([JEFF], {"m1": DAY}, until_written=True)
    retry = index.resolve([JEFF], {"m1": DAY}, until_written=True)
    assert (first.moved, first.members) == (retry.moved, retry.members)
    if GEERLING.fingerprint > JEFF.fingerprint:
        assert first.moved == {GEERLING.fingerprint: JEFF.fingerprint}
    index.written(retry)
    assert index.resolve([JEFF], {"m1": DAY}).moved == {}
