"""The KPI ledger: canonical names, periods, changes, conflicts, and the migration of old stores."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from signalpipe.errors import ConfigError
from signalpipe.kpis import KpiObservation, ledger, observations
from signalpipe.models import EventType, Severity, SignificantEvent
from signalpipe.periods import resolve
from signalpipe.stores.sqlite import SQLiteEventStore


def ev(title: str, day: str, ids: list[str], **metrics: float | str) -> SignificantEvent:
    return SignificantEvent(company_id="acme", event_type=EventType.REVENUE_MILESTONE,
                            severity=Severity.HIGH, title=title, metrics=dict(metrics),
                            source_message_ids=ids, timeline=day, extractor="rules")


def obs(metric: str, value: float, day: str, mid: str = "m") -> KpiObservation:
    return KpiObservation(company_id="acme", metric=metric, value=value, unit="USD",
                          observed_on=date.fromisoformat(day), source_message_ids=[mid])


def test_event_metrics_map_to_canonical_kpis_and_skip_deal_figures() -> None:
    rows = observations([ev("ARR $3M", "2026-01-09", ["m1"], arr_usd=3e6),
                         ev("DAU 12k", "2026-01-10", ["m2"], daily_active_users=12000),
                         ev("Deal", "2026-01-11", ["m3"], value_usd=5e5, customer="globex")])
    assert sorted((r.metric, r.value) for r in rows) == [("arr", 3e6),
                                                        ("daily_active_users", 12000.0)]


def test_the_message_day_wins_over_the_timeline() -> None:
    (row,) = observations([ev("ARR $3M", "2026-01-09", ["m1", "m2"], arr_usd=3e6)],
                          {"m2": date(2026, 1, 3)})
    assert row.observed_on == date(2026, 1, 3)


def test_ledger_latest_previous_change_and_conflicts() -> None:
    rows = [obs("arr", 1.5e6, "2025-12-20", "a"), obs("arr", 2.4e6, "2026-01-10", "b"),
            obs("arr", 3e6, "2026-01-28", "c"), obs("arr", 2.9e6, "2026-01-28", "d"),
            obs("arr", 9e6, "2026-03-01", "e")]
    period = resolve("2026-01")
    (line,) = ledger(rows, since=period.since, until=period.until)
    assert line.now.value in (3e6, 2.9e6) and line.previous is not None
    assert line.previous.value == 1.5e6
    assert len(line.conflicts) == 1
    assert line.change == line.now.value - 1.5e6
    assert line.change_pct is not None and line.change_pct > 90


def test_periods() -> None:
    assert resolve("2026-01").label == "January 2026"
    last = resolve("last-month", today=date(2026, 3, 15))
    assert (last.since, last.until) == (date(2026, 2, 1), date(2026, 2, 28))
    assert resolve(since="2026-01-05", until="2026-01-20").label == "5 to 20 Jan 2026"
    assert resolve(since="2025-12-05", until="2026-01-20").label == "5 Dec 2025 to 20 Jan 2026"
    q = resolve("2026-Q1")
    assert (q.since, q.until, q.label) == (date(2026, 1, 1), date(2026, 3, 31), "Q1 2026")
    assert resolve("2025q4").label == "Q4 2025" and resolve("2025").label == "2025"
    assert resolve("2025").until == date(2025, 12, 31)
    lq = resolve("last-quarter", today=date(2026, 2, 10))
    assert (lq.since, lq.until) == (date(2025, 10, 1), date(2025, 12, 31))
    assert resolve("last-quarter", today=date(2026, 12, 7)).label == "Q3 2026"
    for bad in (("2026-13", None, None), ("2026-Q5", None, None), (None, "yesterday", None),
                (None, "2026-02-01", "2026-01-01")):
        with pytest.raises(ConfigError):
            resolve(*bad)


def test_a_store_written_before_the_ledger_is_backfilled_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    store = SQLiteEventStore(path)
    store.upsert_many([ev("ARR $3M", "2026-01-09", ["m1"], arr_usd=3e6)])
    store.close()
    with sqlite3.connect(path) as db:  # as an old release left it: no ledger, version 0
        db.execute("DROP TABLE kpi_observations")
        db.execute("PRAGMA user_version = 0")
    store = SQLiteEventStore(path)
    assert [(r.metric, r.value) for r in store.kpi_observations("acme")] == [("arr", 3e6)]
    store.close()
