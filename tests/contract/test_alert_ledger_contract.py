"""The AlertLedger contract: each delivery recorded once by key, its fate kept."""

from __future__ import annotations

import pytest

from signalpipe.stores.base import EventStore
from signalpipe.stores.state import AlertDelivery

pytestmark = pytest.mark.parametrize(
    "event_store_case", ["sqlite", pytest.param("postgres", marks=pytest.mark.integration)],
    indirect=True)


def _d(key: str, **fields: object) -> AlertDelivery:
    base: dict[str, object] = {"key": key, "rule": "r", "channel": "vc", "body": "{}"}
    base.update(fields)
    return AlertDelivery(**base)  # type: ignore[arg-type]


def test_a_delivery_is_recorded_once_by_key(event_store: EventStore) -> None:
    assert [d.key for d in event_store.record_alerts([_d("a"), _d("b")])] == ["a", "b"]
    assert [d.key for d in event_store.record_alerts([_d("b"), _d("c")])] == ["c"]
    assert [d.key for d in event_store.alerts()] == ["a", "b", "c"]


def test_due_deliveries_respect_status_and_backoff(event_store: EventStore) -> None:
    event_store.record_alerts([_d("a"), _d("b"), _d("c")])
    event_store.update_alert(_d("a", status="delivered", attempts=1))
    event_store.update_alert(_d("b", attempts=2, last_error="HTTP 503", next_at=500.0))
    assert [d.key for d in event_store.due_alerts(100.0)] == ["c"]
    due = event_store.due_alerts(600.0)
    assert [(d.key, d.attempts, d.last_error) for d in due] == [("b", 2, "HTTP 503"),
                                                                 ("c", 0, "")]


def test_clear_forgets_deliveries(event_store: EventStore) -> None:
    event_store.record_alerts([_d("a")])
    event_store.clear()
    assert event_store.alerts() == []
