"""The EventRetraction contract: an edited or deleted message leaves the events it supported."""

from __future__ import annotations

from typing import Any

import pytest

from signalpipe.models import EventType, EvidenceSpan, Severity, SignificantEvent
from signalpipe.stores.base import EventStore

pytestmark = pytest.mark.parametrize(
    "event_store_case", ["sqlite", pytest.param("postgres", marks=pytest.mark.integration)],
    indirect=True)


def _event(**fields: Any) -> SignificantEvent:
    base: dict[str, Any] = {
        "company_id": "scaleflow", "event_type": EventType.ENTERPRISE_DEAL,
        "severity": Severity.HIGH, "title": "Acme signed", "metrics": {"value_usd": 600_000},
        "source_message_ids": ["C1:1.0"], "confidence": 0.7, "extractor": "rules"}
    base.update(fields)
    return SignificantEvent.model_validate(base)


def test_an_event_only_one_message_supported_is_deleted(event_store: EventStore) -> None:
    keep = _event(title="Series A", event_type=EventType.FUNDING, metrics={"amount_usd": 5},
                  source_message_ids=["C1:2.0"])
    event_store.upsert_many([_event(), keep])
    assert event_store.retract_messages(["C1:1.0"]) == (0, 1)
    assert event_store.list_events() == [keep]
    assert event_store.retract_messages(["C1:1.0"]) == (0, 0)  # idempotent


def test_an_event_other_messages_support_only_loses_the_retracted_one(
        event_store: EventStore) -> None:
    spans = [EvidenceSpan(message_id="C1:1.0", start=0, end=4),
             EvidenceSpan(message_id="m_%x", start=1, end=3)]
    event_store.upsert_many([_event(source_message_ids=["C1:1.0", "m_%x"],
                                    evidence_spans=spans)])
    assert event_store.retract_messages(["C1:1.0", "unknown"]) == (1, 0)
    [left] = event_store.list_events()
    assert left.source_message_ids == ["m_%x"] and left.evidence_spans == spans[1:]


def test_ids_that_only_look_alike_are_left_alone(event_store: EventStore) -> None:
    # LIKE wildcards in an id must not match other ids.
    event_store.upsert_many([_event(source_message_ids=["mAx"])])
    assert event_store.retract_messages(["m_x", "m%"]) == (0, 0)
    assert len(event_store.list_events()) == 1
