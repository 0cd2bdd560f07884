"""The EventStore contract for members: the mentions a row was grouped from, kept beside it.

A worker that starts later rebuilds dedup's groups from them (`event_members.py`), so they
must come back as written, one per shape, survive a move into another row, stay unchanged by a
retried write, and appear on a store written before they were kept.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from signalpipe.event_members import EventMember
from signalpipe.models import EventType, Polarity, Severity, SignificantEvent
from signalpipe.stores.base import EventStore

pytestmark = pytest.mark.parametrize(
    "event_store_case", ["sqlite", pytest.param("postgres", marks=pytest.mark.integration)],
    indirect=True)


def _event(fingerprint: str, *ids: str, company_id: str = "scaleflow") -> SignificantEvent:
    return SignificantEvent(company_id=company_id, event_type=EventType.FUNDING,
                            severity=Severity.HIGH, title="Raised $12M Series A",
                            metrics={"amount_usd": 12e6}, source_message_ids=list(ids),
                            fingerprint=fingerprint, extractor="gemini")


def _member(fingerprint: str, title: str, *ids: str, figures: tuple[float, ...] = (),
            labels: tuple[tuple[str, str], ...] = ()) -> EventMember:
    return EventMember(fingerprint=fingerprint, event_type=EventType.FUNDING,
                       polarity=Polarity.POSITIVE, words=tuple(sorted(title.lower().split())),
                       figures=figures, labels=labels, message_ids=ids)


A = _member("fp-a", "raised 12m series", "m-1", figures=(12e6,))
B = _member("fp-b", "series closed", "m-2", figures=(12e6,), labels=(("round", "a\x00"),))
C = _member("fp-c", "series closed", "m-3")


def test_members_are_kept_beside_their_row_and_read_back(event_store: EventStore) -> None:
    event_store.upsert_many([_event("fp-a", "m-1", "m-2")], members={"fp-a": [B, A]})
    event_store.upsert_many([_event("fp-x", "m-9")])  # written without dedup: no members
    event_store.upsert_many([_event("fp-o", "m-8", company_id="other")],
                            members={"fp-o": [A]})
    assert event_store.event_members("scaleflow") == {"fp-a": [A, B]}
    # a later mention of the same shape adds its message; a new shape is added beside
    again = A.model_copy(update={"message_ids": ("m-4",)})
    assert event_store.upsert_many([_event("fp-a", "m-4")],
                                   members={"fp-a": [again, C]}) == (0, 1)
    assert event_store.event_members("scaleflow") == {
        "fp-a": [A.model_copy(update={"message_ids": ("m-1", "m-4")}), B, C]}


def test_members_alone_are_written_and_a_retry_changes_nothing(event_store: EventStore) -> None:
    event_store.upsert_many([_event("fp-a", "m-1")], members={"fp-a": [A]})
    # the row itself is unchanged (same message), its group learned a member
    assert event_store.upsert_many([_event("fp-a", "m-1")],
                                   members={"fp-a": [C]}) == (0, 0)
    before = (event_store.list_events(), event_store.event_members("scaleflow"))
    assert before[1] == {"fp-a": [A, C]}
    assert event_store.upsert_many([_event("fp-a", "m-1")],
                                   members={"fp-a": [C, A]}) == (0, 0)
    assert (event_store.list_events(), event_store.event_members("scaleflow")) == before


def test_a_moved_row_brings_its_members(event_store: EventStore) -> None:
    event_store.upsert_many([_event("fp-b", "m-2")], members={"fp-b": [B]})
    event_store.upsert_many([_event("fp-c", "m-3")], members={"fp-c": [C]})
    event_store.upsert_many([_event("fp-d", "m-5")])  # stored before members were kept
    # A joins B's group and is smaller: B's row is renamed fp-a, C's and D's fold into it,
    # then A merges into it
    assert event_store.upsert_many([_event("fp-a", "m-1")],
                                   moved={"fp-b": "fp-a", "fp-c": "fp-a", "fp-d": "fp-a"},
                                   members={"fp-a": [A]}) == (0, 1)
    assert event_store.event_members("scaleflow") == {"fp-a": [A, B, C]}
    assert [sorted(e.source_message_ids) for e in event_store.list_events()] == [
        ["m-1", "m-2", "m-3", "m-5"]]
    # a rename (no row under the new fingerprint) keeps the members too
    event_store.upsert_many([], moved={"fp-a": "fp-0"})
    assert event_store.event_members("scaleflow") == {"fp-0": [A, B, C]}
    # the same write again: nothing left to move, members already kept
    event_store.upsert_many([_event("fp-0", "m-1")], moved={"fp-b": "fp-0"},
                            members={"fp-0": [A]})
    assert event_store.event_members("scaleflow") == {"fp-0": [A, B, C]}


def test_a_store_from_before_members_gains_them_in_place(event_store_case: Any) -> None:
    store = event_store_case.store
    old = _event("fp-a", "m-1")
    store.upsert_many([old])
    _forget_members(event_store_case.name, store)
    reopened = event_store_case.reopen()
    assert reopened.list_events() == [old]
    assert reopened.event_members("scaleflow") == {}
    reopened.upsert_many([_event("fp-a", "m-2")], members={"fp-a": [A, B]})
    assert reopened.event_members("scaleflow") == {"fp-a": [A, B]}
    assert sorted(reopened.list_events()[0].source_message_ids) == ["m-1", "m-2"]


def _forget_members(name: str, store: Any) -> None:
    """Make the store look as the release before members left it: no members column."""
    if name == "sqlite":
        with store._lock:
            store._db.execute("ALTER TABLE significant_events DROP COLUMN members")
            columns = {r[1] for r in store._db.execute("PRAGMA table_info(significant_events)")}
        assert "members" not in columns
        return
    store._transaction(lambda cur: cur.execute(
        "ALTER TABLE significant_events DROP COLUMN members_text; "
        "DELETE FROM schema_version WHERE version >= 5"))


def test_a_retracted_message_leaves_the_members_it_told(event_store: EventStore) -> None:
    both = A.model_copy(update={"message_ids": ("m-1", "m-4")})
    event_store.upsert_many([_event("fp-a", "m-1", "m-2", "m-3", "m-4")],
                            members={"fp-a": [both, B, C]})
    assert event_store.retract_messages(["m-1", "m-2"]) == (1, 0)
    # B was told only by m-2: gone; A keeps the message that still tells it
    assert event_store.event_members("scaleflow") == {
        "fp-a": [A.model_copy(update={"message_ids": ("m-4",)}), C]}
    assert event_store.retract_messages(["m-3", "m-4"]) == (0, 1)
    assert event_store.event_members("scaleflow") == {}


@dataclass(frozen=True)
class _Write:
    """What a grouped write's `group` returns (`event_members.Grouping`)."""

    events: list[SignificantEvent]
    moved: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[EventMember]] = field(default_factory=dict)


def test_a_grouped_write_is_handed_what_other_writers_stored(event_store_case: Any) -> None:
    """Two workers on one store: each grouped write first sees the rows whose members the
    other wrote since the stamp it passes, its own not handed back, then writes."""
    one, two = event_store_case.store, event_store_case.reopen()
    seen: list[dict[str, list[EventMember]]] = []

    def writing(write: _Write) -> Callable[[dict[str, list[EventMember]]], _Write]:
        def group(rows: dict[str, list[EventMember]]) -> _Write:
            seen.append(rows)
            return write
        return group

    *_, since_one = one.upsert_grouped("scaleflow", 0, writing(
        _Write([_event("fp-b", "m-2")], members={"fp-b": [B]})))
    assert seen.pop() == {}
    one.upsert_many([_event("fp-o", "m-8", company_id="other")], members={"fp-o": [A]})
    *_, since_two = two.upsert_grouped("scaleflow", 0, writing(
        _Write([_event("fp-c", "m-3")], members={"fp-c": [C]})))
    assert seen.pop() == {"fp-b": [B]}  # another company's rows are not handed over
    # the first worker joins C to B under fp-b's group (fp-c folds into fp-b) and adds A as
    # the smallest: it is handed C, not its own B
    inserted, merged, since_one = one.upsert_grouped("scaleflow", since_one, writing(_Write(
        [_event("fp-a", "m-1")], moved={"fp-b": "fp-a", "fp-c": "fp-a"},
        members={"fp-a": [A]})))
    assert seen.pop() == {"fp-c": [C]}
    assert (inserted, merged) == (0, 1)
    # the second worker is handed the folded row whole; then nothing until someone writes
    *_, since_two = two.upsert_grouped("scaleflow", since_two, writing(_Write([])))
    assert seen.pop() == {"fp-a": [A, B, C]}
    two.upsert_grouped("scaleflow", since_two, writing(_Write([])))
    assert seen.pop() == {}
    assert [sorted(e.source_message_ids) for e in one.list_events("scaleflow")] == [
        ["m-1", "m-2", "m-3"]]


def test_grouped_writes_of_two_writers_never_interleave(event_store_case: Any) -> None:
    """While one grouped write is between its read and its write, another waits: each
    writer's `group` sees every row the other committed."""
    stores = [event_store_case.store, event_store_case.reopen()]
    errors: list[BaseException] = []
    handed: list[set[str]] = [set(), set()]

    def write(n: int) -> None:
        since = 0
        try:
            for i in range(15):
                fp = f"fp-{n}-{i}"

                def group(rows: dict[str, list[EventMember]], fp: str = fp) -> _Write:
                    handed[n].update(rows)
                    time.sleep(0.002)  # a reader that let another write in would miss it
                    return _Write([_event(fp, f"m-{fp}")],
                                  members={fp: [A.model_copy(update={"fingerprint": fp})]})
                *_, since = stores[n].upsert_grouped("scaleflow", since, group)
        except BaseException as exc:  # surfaced below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    written = [{f"fp-{n}-{i}" for i in range(15)} for n in range(2)]
    # each saw every row of the other written before its own last write, none of its own
    assert not handed[0] & written[0] and not handed[1] & written[1]
    assert len(stores[0].list_events("scaleflow")) == 30
    # whichever wrote last was handed every row of the other
    assert written[1] <= handed[0] or written[0] <= handed[1]
