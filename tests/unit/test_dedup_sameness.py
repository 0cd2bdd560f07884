"""One event told twice in words that say so, days apart (`extract/sameness.py`): what joins,
what never does, both ways round, in any order, and after a restart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from itertools import permutations

import pytest

from signalpipe.extract.dedup import EventIndex, Shape, is_close
from signalpipe.extract.sameness import HIRE_WINDOW_DAYS, WINDOW_DAYS, same_story
from signalpipe.models import EventType, Polarity, Severity, SignificantEvent

T = EventType
DAY = date(2026, 3, 2)


def ev(title: str, mid: str, t: EventType = T.MEDIA_COVERAGE, *,
       polarity: Polarity = Polarity.POSITIVE, **metrics: float | str) -> SignificantEvent:
    return SignificantEvent(company_id="c", event_type=t, severity=Severity.MEDIUM, title=title,
                            metrics=dict(metrics), source_message_ids=[mid], polarity=polarity)


def shape(event: SignificantEvent, days_later: int = 0) -> Shape:
    return Shape.of(event, {event.source_message_ids[0]: DAY + timedelta(days=days_later)})


def joined(a: SignificantEvent, b: SignificantEvent, days_apart: int = 1, *,
           close: Callable[[Shape, Shape], bool] = same_story) -> bool:
    """Whether the two join, checked both ways round and through the index as the runner
    calls it with `close` (`same_story` alone for the rules extractor, else `is_close`)."""
    sa, sb = shape(a), shape(b, days_apart)
    verdicts = {close(sa, sb), close(sb, sa)}
    index = EventIndex(close=close)
    days = {a.source_message_ids[0]: DAY,
            b.source_message_ids[0]: DAY + timedelta(days=days_apart)}
    index.resolve([a], days)
    second = index.resolve([b], days)
    verdicts.add(second.events[0].fingerprint != b.fingerprint or bool(second.moved))
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
    (ev("Raised a seed round", "x1", T.FUNDING, amount_usd=2e6),
     ev("Raised a seed round", "x2", T.FUNDING, amount_usd=3e6)),
    (ev("Launched Acme", "x3", T.PRODUCT_LAUNCH, product="acme"),
     ev("Launched Acme 2", "x4", T.PRODUCT_LAUNCH, product="acme 2")),
    (ev("Launched Acme 2", "x5", T.PRODUCT_LAUNCH, product="acme 2"),
     ev("Launched Acme 2.1", "x6", T.PRODUCT_LAUNCH, product="acme 2.1")),
    (SOLD, ev("Sold TinyPilot", "x7", T.OTHER, polarity=Polarity.NEGATIVE, org="tinypilot")),
    (JEFF, ev("Coverage by Jeff", "x8", T.OTHER, publication="jeff")),
    (ev("Closed a deal", "x9", T.ENTERPRISE_DEAL, customer="initech"),
     ev("Closed a deal", "x10", T.ENTERPRISE_DEAL, customer="wayne labs")),
    (HEAD, ev("Hired a Data Engineer", "x11", T.HIRING, role="data engineer")),
    (ARJUN, ev("Hired a Data Engineer", "x12", T.HIRING, role="data engineer")),
    (ev("Coverage", "x13", publication="jeff"), GEERLING),
], ids=["two-names-one-role", "two-amounts", "unversioned-and-version", "two-versions",
        "positive-and-negative", "two-types", "two-customers", "two-roles",
        "named-other-role", "one-word-lead"])
def test_never_joined(a: SignificantEvent, b: SignificantEvent) -> None:
    assert both(a, b) == {False}


def test_groups_do_not_depend_on_order() -> None:
    """The families above, with a second name and a lookalike out of the window, in every
    order of one-event batches: one stored set of groups."""
    events = [JEFF, GEERLING, ARJUN, HEAD, ev("Hired Mei Lin as CTO", "m7", T.HIRING,
                                               hire="mei lin"),
              ev("Sold TinyPilot", "m8", T.OTHER, org="tinypilot")]
    days = {"m1": DAY, "m2": DAY, "m5": DAY, "m6": DAY, "m7": DAY,
            "m8": DAY + timedelta(days=40)}
    results = set()
    for order in permutations(events):
        index, rows = EventIndex(close=same_story), dict[str, set[str]]()
        for event in order:
            resolution = index.resolve([event], days)
            for old, new in resolution.moved.items():
                rows.setdefault(new, set()).update(rows.pop(old, set()))
            for out in resolution.events:
                rows.setdefault(out.fingerprint, set()).update(out.source_message_ids)
        results.add(frozenset((fp, frozenset(ids)) for fp, ids in rows.items()))
    assert len(results) == 1
    assert {ids for _, ids in results.pop()} == {
        frozenset({"m1", "m2"}), frozenset({"m5", "m6"}), frozenset({"m7"}), frozenset({"m8"})}


def test_a_restarted_index_joins_through_stored_members() -> None:
    """Members keep the title's words in order and their day, so a worker started later joins
    "Hired a Head of Data" to the stored named hire as the first worker would have."""
    first = EventIndex(close=same_story)
    written = first.resolve([ARJUN], {"m5": DAY})
    assert written.members[ARJUN.fingerprint][0].day == DAY
    later = EventIndex(written.events, written.members, close=same_story)
    again = later.resolve([HEAD], {"m6": DAY + timedelta(days=1)})
    assert [e.fingerprint for e in again.events] == [min(ARJUN.fingerprint, HEAD.fingerprint)]

