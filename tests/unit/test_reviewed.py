"""Review decisions as every reader sees them (`reviewed.py`, `review_kpis.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from signalpipe.kpis import ledger, observations
from signalpipe.models import EventType, MetricValue, Severity, SignificantEvent
from signalpipe.review import ReviewAction, ReviewDecision, fold
from signalpipe.review_kpis import kpi_fingerprint
from signalpipe.reviewed import (
    CONFIDENTIAL,
    View,
    confidential_count,
    for_update,
    iter_reviewed,
    kpi_conflicts,
    reviewed_events,
    reviewed_kpis,
)
from signalpipe.settings import Settings, load_settings
from signalpipe.stores.sqlite import SQLiteEventStore

DAY = "2026-03-02"


def ev(title: str, ids: list[str], day: str = DAY, kind: EventType = EventType.REVENUE_MILESTONE,
       **metrics: MetricValue) -> SignificantEvent:
    return SignificantEvent(company_id="acme", event_type=kind, severity=Severity.HIGH,
                            title=title, timeline=day, metrics=metrics, source_message_ids=ids,
                            confidence=0.9)


ARR_1 = ev("ARR reached $1.5M", ["m1"], arr_usd=1_500_000)
ARR_2 = ev("ARR reached $2.7M", ["m2"], arr_usd=2_700_000)
USERS = ev("12,000 users", ["m3"], kind=EventType.USER_GROWTH, users=12_000)
HIRE = ev("Hired a CFO", ["m4"], kind=EventType.HIRING)
HIRE_AGAIN = ev("New CFO starts Monday", ["m5"], kind=EventType.HIRING)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteEventStore]:
    s = SQLiteEventStore(tmp_path / "events.sqlite3")
    events = [ARR_1, ARR_2, USERS, HIRE, HIRE_AGAIN]
    s.upsert_many(events)
    s.put_kpis(observations(events))
    yield s
    s.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(output_dir=tmp_path, company_id="acme")


_clock = iter(range(1, 10_000))


def decide(store: SQLiteEventStore, event: SignificantEvent | str, action: ReviewAction,
           **fields: object) -> None:
    fp = event if isinstance(event, str) else event.fingerprint
    store.record_review(ReviewDecision(company_id="acme", fingerprint=fp, action=action,
                                       at=float(next(_clock)), **fields))  # type: ignore[arg-type]


def titles(events: list[SignificantEvent]) -> list[str]:
    return sorted(e.title for e in events)


def test_no_decisions_reads_the_rows_as_stored(store: SQLiteEventStore,
                                               settings: Settings) -> None:
    assert reviewed_events(store, "acme", settings, View.UPDATE) == store.list_events("acme")
    assert reviewed_kpis(store, "acme", settings) == store.kpi_observations("acme")


def test_each_view_treats_a_confidential_event_as_it_says(store: SQLiteEventStore,
                                                          settings: Settings) -> None:
    decide(store, USERS, ReviewAction.CONFIDENTIAL)
    decide(store, ARR_2, ReviewAction.REJECT, reason="a forecast")
    review = reviewed_events(store, "acme", settings, View.REVIEW)
    assert titles(review) == titles([ARR_1, USERS, HIRE, HIRE_AGAIN])
    report = reviewed_events(store, "acme", settings, View.REPORT)
    hidden = next(e for e in report if e.fingerprint == USERS.fingerprint)
    assert hidden.title == CONFIDENTIAL and hidden.metrics == {} and hidden.evidence == ""
    for view in (View.OUTBOUND, View.UPDATE):
        assert titles(reviewed_events(store, "acme", settings, view)) == titles(
            [ARR_1, HIRE, HIRE_AGAIN])
    assert confidential_count(store, "acme") == 1
    decide(store, USERS, ReviewAction.PUBLIC)
    assert confidential_count(store, "acme") == 0
    assert USERS.title in titles(reviewed_events(store, "acme", settings, View.UPDATE))


def test_require_review_keeps_approved_events_in_the_update_only(
        store: SQLiteEventStore, settings: Settings) -> None:
    strict = settings.model_copy(update={"update": settings.update.model_copy(
        update={"require_review": True})})
    assert reviewed_events(store, "acme", strict, View.UPDATE) == []
    decide(store, HIRE, ReviewAction.APPROVE)
    decide(store, ARR_1, ReviewAction.APPROVE)
    decide(store, ARR_1, ReviewAction.REOPEN)
    assert titles(reviewed_events(store, "acme", strict, View.UPDATE)) == [HIRE.title]
    # The report and alerts do not wait for approval.
    assert len(reviewed_events(store, "acme", strict, View.REPORT)) == 5
    assert len(reviewed_events(store, "acme", strict, View.OUTBOUND)) == 5
    states = fold(store.review_log("acme"))
    assert titles(for_update(store.list_events("acme"), states, strict)) == [HIRE.title]
    # KPI figures follow: no approved event states one.
    assert reviewed_kpis(store, "acme", strict, View.UPDATE) == []


@pytest.mark.parametrize("view", list(View))
def test_the_stream_agrees_with_the_list(store: SQLiteEventStore, settings: Settings,
                                         view: View) -> None:
    """A page of one event, so a merge's two halves arrive pages apart."""
    decide(store, HIRE_AGAIN, ReviewAction.MERGE, into=HIRE.fingerprint)
    decide(store, ARR_2, ReviewAction.REJECT, reason="no")
    decide(store, USERS, ReviewAction.CONFIDENTIAL)
    decide(store, ARR_1, ReviewAction.EDIT, title="ARR reached $1.6M",
           metrics={"arr_usd": 1_600_000})
    listed = reviewed_events(store, "acme", settings, view)
    streamed = list(iter_reviewed(store, "acme", settings, view, page=1))
    assert sorted((e.fingerprint, e.title, tuple(e.source_message_ids)) for e in streamed) == \
        sorted((e.fingerprint, e.title, tuple(e.source_message_ids)) for e in listed)
    merged = next(e for e in listed if e.fingerprint == HIRE.fingerprint)
    assert merged.source_message_ids == ["m4", "m5"]


def test_a_rejected_events_figure_leaves_the_kpis(store: SQLiteEventStore,
                                                  settings: Settings) -> None:
    assert ledger(reviewed_kpis(store, "acme", settings))[0].conflicts
    decide(store, ARR_2, ReviewAction.REJECT, reason="a forecast")
    arr = ledger(reviewed_kpis(store, "acme", settings))[0]
    assert (arr.metric, arr.now.value, arr.conflicts) == ("arr", 1_500_000, [])


def test_a_figure_another_event_states_stays(tmp_path: Path, settings: Settings) -> None:
    """Two events read the same figure from the same message: rejecting one keeps the row."""
    store = SQLiteEventStore(tmp_path / "two.sqlite3")
    a = ev("ARR reached $1.5M", ["m1"], arr_usd=1_500_000)
    b = ev("Revenue run-rate at $1.5M", ["m1", "m9"], kind=EventType.OTHER,
           arr_usd=1_500_000)
    store.upsert_many([a, b])
    store.put_kpis(observations([a, b]))
    decide(store, a, ReviewAction.REJECT, reason="dup")
    rows = reviewed_kpis(store, "acme", settings)
    assert [(r.value, r.source_message_ids) for r in rows] == [(1_500_000, ["m1", "m9"])]
    decide(store, b, ReviewAction.REJECT, reason="dup")
    assert reviewed_kpis(store, "acme", settings) == []
    store.close()


def test_an_edited_figure_replaces_the_extracted_one(store: SQLiteEventStore,
                                                     settings: Settings) -> None:
    decide(store, USERS, ReviewAction.EDIT, metrics={"users": 12_500})
    users = [r for r in reviewed_kpis(store, "acme", settings) if r.metric == "users"]
    assert [(r.value, r.observed_on, r.source_message_ids, r.extractor) for r in users] == [
        (12_500, date(2026, 3, 2), ["m3"], "review")]
    # A title-only edit leaves the figures alone.
    decide(store, ARR_1, ReviewAction.EDIT, title="ARR passed $1.5M")
    assert {r.value for r in reviewed_kpis(store, "acme", settings) if r.metric == "arr"} == {
        1_500_000, 2_700_000}


def test_a_confidential_events_figure_is_withheld_outside_review(
        store: SQLiteEventStore, settings: Settings) -> None:
    decide(store, USERS, ReviewAction.CONFIDENTIAL)
    assert "users" in {r.metric for r in reviewed_kpis(store, "acme", settings, View.REVIEW)}
    for view in (View.REPORT, View.UPDATE):
        assert "users" not in {r.metric for r in reviewed_kpis(store, "acme", settings, view)}


def test_kpi_conflicts_list_both_sources_and_a_pick_settles_them(
        store: SQLiteEventStore, settings: Settings) -> None:
    (conflict,) = kpi_conflicts(store, "acme", settings)
    assert (conflict.metric, conflict.day, conflict.picked) == ("arr", date(2026, 3, 2), None)
    assert {(o.value, tuple(o.source_message_ids)) for o in conflict.options} == {
        (1_500_000, ("m1",)), (2_700_000, ("m2",))}
    assert conflict.fingerprint == kpi_fingerprint("arr", date(2026, 3, 2)) == \
        "kpi:arr:2026-03-02"
    decide(store, conflict.fingerprint, ReviewAction.PICK_KPI, metrics={"value": 1_500_000})
    arr = ledger(reviewed_kpis(store, "acme", settings))[0]
    assert (arr.now.value, arr.conflicts) == (1_500_000, [])
    # Still listed, with the pick, so it can be changed.
    assert kpi_conflicts(store, "acme", settings)[0].picked == 1_500_000
    # A pick is not an event: the event readers ignore it.
    assert len(reviewed_events(store, "acme", settings, View.UPDATE)) == 5
    # Undone: the conflict is open again.
    decide(store, conflict.fingerprint, ReviewAction.REOPEN)
    assert ledger(reviewed_kpis(store, "acme", settings))[0].conflicts


def test_a_pick_whose_figure_was_rejected_changes_nothing(store: SQLiteEventStore,
                                                          settings: Settings) -> None:
    decide(store, kpi_fingerprint("arr", date(2026, 3, 2)), ReviewAction.PICK_KPI,
           metrics={"value": 2_700_000})
    decide(store, ARR_2, ReviewAction.REJECT, reason="a forecast after all")
    arr = ledger(reviewed_kpis(store, "acme", settings))[0]
    assert arr.now.value == 1_500_000
