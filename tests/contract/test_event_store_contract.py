"""The EventStore contract: one row per fingerprint, merges keep every source, usage, parking."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from typing import Any

import pytest

from signalpipe.history import UpdateRecord
from signalpipe.kpis import KpiObservation
from signalpipe.models import BatchUsage, EventType, Severity, SignificantEvent
from signalpipe.stores.base import EventStore

pytestmark = pytest.mark.parametrize(
    "event_store_case", ["sqlite", pytest.param("postgres", marks=pytest.mark.integration)],
    indirect=True)


def _event(**fields: Any) -> SignificantEvent:
    base: dict[str, Any] = {
        "company_id": "scaleflow", "event_type": EventType.FUNDING, "severity": Severity.MEDIUM,
        "title": "Series A closed", "description": "Led by Acme Ventures", "impact": "runway",
        "metrics": {"amount_usd": 12_000_000, "round": "A"}, "timeline": "2025-03",
        "stakeholders": ["Acme Ventures"], "source_message_ids": ["m-1"], "evidence": "closed",
        "confidence": 0.7, "extractor": "rules"}
    base.update(fields)
    return SignificantEvent.model_validate(base)


def test_new_events_are_inserted_and_read_back_whole(event_store: EventStore) -> None:
    events = [_event(), _event(event_type=EventType.HIRING, title="Hired a VP Sales",
                               metrics={}, severity=Severity.LOW, confidence=0.55,
                               source_message_ids=["m-2", "m-3"], flagged="check")]
    assert event_store.upsert_many(events) == (2, 0)
    stored = event_store.list_events()
    assert sorted(stored, key=lambda e: e.fingerprint) == sorted(events,
                                                                 key=lambda e: e.fingerprint)


def test_upserting_the_same_events_again_changes_nothing(event_store: EventStore) -> None:
    events = [_event(), _event(title="Partnership with Globex", event_type=EventType.PARTNERSHIP,
                               metrics={})]
    event_store.upsert_many(events)
    before = event_store.list_events()
    assert event_store.upsert_many(events) == (0, 0)
    assert event_store.list_events() == before


def test_a_later_sighting_merges_into_the_stored_event(event_store: EventStore) -> None:
    first = _event(source_message_ids=["m-1"], stakeholders=["Acme Ventures"], confidence=0.6)
    later = _event(source_message_ids=["m-7", "m-1"], stakeholders=["Board"],
                   severity=Severity.HIGH, confidence=0.9, title="Series A of $12M closed",
                   metrics={"amount_usd": 12_000_000, "round": "A", "valuation_usd": 60e6})
    later = later.model_copy(update={"fingerprint": first.fingerprint})
    event_store.upsert_many([first])
    assert event_store.upsert_many([later]) == (0, 1)
    (stored,) = event_store.list_events()
    assert stored == first.merged_with(later)
    assert stored.source_message_ids == ["m-1", "m-7"]
    assert stored.severity is Severity.HIGH
    assert stored.stakeholders == ["Acme Ventures", "Board"]
    # merging what is already merged is idempotent
    assert event_store.upsert_many([later, first]) == (0, 0)
    assert event_store.list_events() == [stored]


def test_one_fingerprint_twice_in_one_call(event_store: EventStore) -> None:
    a = _event(source_message_ids=["m-1"])
    b = a.model_copy(update={"source_message_ids": ["m-2"]})
    assert event_store.upsert_many([a, b]) == (1, 1)
    (stored,) = event_store.list_events()
    assert stored.source_message_ids == ["m-1", "m-2"]


def test_list_events_filters_by_company_and_keeps_insert_order(event_store: EventStore) -> None:
    older = _event(company_id="acme", title="first", metrics={})
    newer = _event(company_id="acme", title="second", metrics={})
    other = _event(company_id="globex", title="theirs", metrics={})
    event_store.upsert_many([older])
    event_store.upsert_many([other, newer])
    assert event_store.list_events("acme") == [older, newer]
    assert event_store.list_events("globex") == [other]
    assert event_store.list_events("nobody") == []
    assert len(event_store.list_events()) == 3


def test_usage_is_recorded_once_per_batch(event_store: EventStore) -> None:
    usage = BatchUsage(batch_id="b-1", provider="rules", model="none", messages=100,
                       sent_messages=40, input_tokens=1200, output_tokens=300, latency_ms=12.5,
                       cost_usd=0.0012, events_proposed=3, events_rejected=1)
    event_store.record_usage([usage])
    retried = usage.model_copy(update={"retries": 1, "output_tokens": 310})
    event_store.record_usage([retried])
    event_store.record_usage([usage.model_copy(update={"batch_id": "b-2"})])
    by_id = {u.batch_id: u for u in event_store.usage()}
    assert by_id == {"b-1": retried, "b-2": usage.model_copy(update={"batch_id": "b-2"})}


def test_park_and_unpark_batches(event_store: EventStore) -> None:
    event_store.park_batch("b-1", ["m-1", "m-2"], "provider timed out")
    event_store.park_batch("b-2", ["m-3"], "quota")
    event_store.park_batch("b-1", ["m-1", "m-2"], "provider timed out again")
    assert sorted(event_store.parked()) == [("b-1", ["m-1", "m-2"], "provider timed out again"),
                                            ("b-2", ["m-3"], "quota")]
    event_store.unpark("b-1")
    event_store.unpark("never-parked")
    assert event_store.parked() == [("b-2", ["m-3"], "quota")]


def test_clear_removes_events_usage_and_parked(event_store: EventStore) -> None:
    event_store.upsert_many([_event()])
    event_store.record_usage([BatchUsage(batch_id="b", provider="p", model="m", messages=1,
                                         sent_messages=1)])
    event_store.park_batch("b", ["m"], "r")
    event_store.clear()
    assert (event_store.list_events(), event_store.usage(), event_store.parked()) == ([], [], [])
    assert event_store.upsert_many([_event()]) == (1, 0)


def test_another_handle_sees_the_same_events(event_store_case: Any) -> None:
    event_store_case.store.upsert_many([_event()])
    other = event_store_case.reopen()
    assert other.list_events() == [_event()]
    assert other.upsert_many([_event(source_message_ids=["m-9"])]) == (0, 1)
    assert event_store_case.store.list_events()[0].source_message_ids == ["m-1", "m-9"]


def test_concurrent_writers_lose_no_source_ids(event_store_case: Any) -> None:
    """Two workers seeing the same events at once must merge, not overwrite or fail."""
    stores = [event_store_case.store, event_store_case.reopen()]
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(25):
                stores[n].upsert_many([_event(source_message_ids=[f"w{n}-m{i}"]),
                                       _event(title=f"other {i % 3}", metrics={},
                                              source_message_ids=[f"w{n}-x{i}"])])
        except BaseException as exc:  # surfaced below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    events = {e.title: e for e in event_store_case.store.list_events()}
    assert set(events) == {"Series A closed", "other 0", "other 1", "other 2"}
    assert set(events["Series A closed"].source_message_ids) == {
        f"w{n}-m{i}" for n in range(2) for i in range(25)}
    assert sum(len(events[f"other {k}"].source_message_ids) for k in range(3)) == 50


def test_nul_and_other_odd_characters_round_trip(event_store: EventStore) -> None:
    """Real messages carry NUL bytes; jsonb and text columns refuse them, the store must not."""
    odd = _event(title="Big news\x00 \u2014 caf\u00e9 \U0001f680", evidence="Big news\x00!",
                 stakeholders=["A\x00B"], metrics={"k\x00": "v\x00"},
                 source_message_ids=["m\x00-1"])
    assert event_store.upsert_many([odd]) == (1, 0)
    assert event_store.list_events() == [odd]
    assert event_store.upsert_many([odd.model_copy(update={"source_message_ids": ["m-2"]})]) == (
        0, 1)
    assert event_store.list_events()[0].source_message_ids == ["m\x00-1", "m-2"]
    event_store.park_batch("b", ["m\x00-1"], "reason")
    assert event_store.parked() == [("b", ["m\x00-1"], "reason")]
    usage = BatchUsage(batch_id="b", provider="p\x00", model="m", messages=1, sent_messages=1)
    event_store.record_usage([usage])
    assert event_store.usage() == [usage]


# -- the KPI ledger and the updates record -------------------------------------------------

def _obs(metric: str, value: float, day: str, *ids: str) -> KpiObservation:
    return KpiObservation(company_id="scaleflow", metric=metric, value=value, unit="USD",
                          observed_on=date.fromisoformat(day), source_message_ids=list(ids),
                          extractor="rules")


def test_kpi_observations_are_kept_once_per_figure_and_day(event_store: EventStore) -> None:
    event_store.put_kpis([_obs("arr", 1.5e6, "2026-01-05", "m-1"),
                          _obs("arr", 3e6, "2026-02-01", "m-2")])
    event_store.put_kpis([_obs("arr", 1.5e6, "2026-01-05", "m-9")])  # seen again
    rows = event_store.kpi_observations("scaleflow")
    assert [(r.metric, r.value, r.observed_on.isoformat()) for r in rows] == [
        ("arr", 1.5e6, "2026-01-05"), ("arr", 3e6, "2026-02-01")]
    assert rows[0].source_message_ids == ["m-1", "m-9"]
    assert event_store.kpi_observations("other") == []


def test_two_values_on_one_day_are_both_kept(event_store: EventStore) -> None:
    event_store.put_kpis([_obs("arr", 1.5e6, "2026-01-05", "m-1"),
                          _obs("arr", 1.8e6, "2026-01-05", "m-2")])
    assert len(event_store.kpi_observations("scaleflow")) == 2


def test_updates_are_recorded_in_order(event_store: EventStore) -> None:
    first = UpdateRecord(company_id="scaleflow", since=date(2026, 1, 1),
                         until=date(2026, 1, 31), created_at=datetime(2026, 2, 1, tzinfo=UTC),
                         events={"fp1": "s1"}, kpis={"arr": 1.5e6})
    second = first.model_copy(update={"created_at": datetime(2026, 3, 1, tzinfo=UTC),
                                      "recipients": ["ada@example.com"]})
    event_store.record_update(second)
    event_store.record_update(first)
    assert event_store.updates("scaleflow") == [first, second]
    event_store.clear()
    assert event_store.updates("scaleflow") == []
    assert event_store.kpi_observations("scaleflow") == []


def test_a_store_from_before_the_ledger_is_backfilled_from_its_events(
        event_store_case: Any) -> None:
    store = event_store_case.store
    store.upsert_many([_event(event_type=EventType.REVENUE_MILESTONE, title="ARR reached $3M",
                              metrics={"arr_usd": 3_000_000}, timeline="2026-01-09")])
    _forget_the_ledger(event_store_case.name, store)
    reopened = event_store_case.reopen()
    assert [(r.metric, r.value, r.observed_on.isoformat()) for r in
            reopened.kpi_observations("scaleflow")] == [("arr", 3e6, "2026-01-09")]


def _forget_the_ledger(name: str, store: Any) -> None:
    """Make the store look as an older release left it: no ledger, an older schema version."""
    if name == "sqlite":
        with store._lock:
            store._db.execute("DROP TABLE kpi_observations")
            store._db.execute("PRAGMA user_version = 0")
        return
    # Versions after 3 (the review log) did not exist then either.
    store._transaction(lambda cur: cur.execute(
        "DROP TABLE kpi_observations; DROP TABLE updates; DROP TABLE review_decisions; "
        "DELETE FROM schema_version WHERE version >= 3"))


def test_iter_events_pages_through_every_event_of_the_company(event_store: EventStore) -> None:
    events = [_event(title=f"Partnership {i}", event_type=EventType.PARTNERSHIP,
                     metrics={"n": i}, evidence_spans=[{"message_id": "m-1", "start": 0,
                                                        "end": 4}]) for i in range(7)]
    event_store.upsert_many([*events, _event(company_id="other")])
    seen = list(event_store.iter_events("scaleflow", page=3))
    assert sorted(e.fingerprint for e in seen) == sorted(e.fingerprint for e in events)
    assert all(e.evidence_spans == [] and e.title.startswith("Partnership") for e in seen)


def test_iter_usage_pages_through_every_record(event_store: EventStore) -> None:
    usages = [BatchUsage(batch_id=f"b-{i}", provider="rules", model="rules", messages=3,
                         sent_messages=3) for i in range(5)]
    event_store.record_usage(usages)
    assert sorted(u.batch_id for u in event_store.iter_usage(page=2)) == [
        f"b-{i}" for i in range(5)]


def test_a_moved_row_folds_into_the_row_it_now_belongs_to(event_store: EventStore) -> None:
    # dedup joined two stored groups (extract/dedup.py): the old row merges into the new one
    old = _event(title="Series A closed", source_message_ids=["m-1"], fingerprint="fp-b")
    kept = _event(title="Series A of $12M", source_message_ids=["m-2"], fingerprint="fp-a",
                  confidence=0.9)
    other = _event(title="Hired a CFO", metrics={}, event_type=EventType.HIRING)
    for event in (old, other, kept):  # created in this order
        event_store.upsert_many([event])
    later = _event(source_message_ids=["m-3"], fingerprint="fp-a")
    assert event_store.upsert_many([later], moved={"fp-b": "fp-a"}) == (0, 1)
    stored = event_store.list_events()
    assert [e.fingerprint for e in stored] == ["fp-a", other.fingerprint]  # fp-b's place
    assert stored[0] == kept.merged_with(old.model_copy(update={"fingerprint": "fp-a"})
                                         ).merged_with(later)
    assert sorted(stored[0].source_message_ids) == ["m-1", "m-2", "m-3"]
    # the same write again (a retry): nothing left to move, nothing new
    assert event_store.upsert_many([later], moved={"fp-b": "fp-a"}) == (0, 0)
    assert event_store.list_events() == stored


def test_a_row_moved_to_a_new_fingerprint_is_renamed(event_store: EventStore) -> None:
    old = _event(source_message_ids=["m-1"], fingerprint="fp-b")
    event_store.upsert_many([old])
    assert event_store.upsert_many([], moved={"fp-b": "fp-a", "fp-gone": "fp-a"}) == (0, 0)
    assert event_store.list_events() == [old.model_copy(update={"fingerprint": "fp-a"})]
    assert [e.fingerprint for e in event_store.iter_events("scaleflow")] == ["fp-a"]
