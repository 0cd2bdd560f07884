"""selection.py: the report and the email hold a bounded set of events, with counts of all."""

from __future__ import annotations

from signalpipe.models import EventType, Polarity, Severity, SignificantEvent
from signalpipe.selection import select


def ev(i: int, t: EventType, sev: Severity = Severity.MEDIUM, sources: int = 1,
       polarity: Polarity = Polarity.POSITIVE) -> SignificantEvent:
    return SignificantEvent(company_id="c", event_type=t, severity=sev, title=f"Event {i:04d}",
                            metrics={"n": i}, polarity=polarity,
                            source_message_ids=[f"m{i}-{k}" for k in range(sources)],
                            evidence_spans=[{"message_id": f"m{i}-0", "start": 0, "end": 3}])


def test_keeps_the_most_significant_of_each_group_and_counts_all() -> None:
    events = [ev(i, EventType.PARTNERSHIP) for i in range(500)]
    events += [ev(1000, EventType.PARTNERSHIP, Severity.HIGH),
               ev(1001, EventType.PARTNERSHIP, sources=9),
               ev(2000, EventType.ENTERPRISE_DEAL, polarity=Polarity.NEGATIVE)]
    chosen = select(iter(events), per_group=20)
    assert chosen.total == 503 and chosen.by_type == {"partnership": 502, "enterprise_deal": 1}
    assert len(chosen.events) == 21
    titles = [e.title for e in chosen.events]
    assert titles[:2] == ["Event 1000", "Event 1001"]  # severity, then corroboration
    assert "Event 2000" in titles  # a lowlight is never crowded out by good news
    assert all(e.evidence_spans == [] for e in chosen.events)


def test_keep_filters_before_counting() -> None:
    events = [ev(i, EventType.HIRING) for i in range(10)]
    chosen = select(events, keep=lambda e: e.metrics["n"] % 2 == 0)
    assert chosen.total == 5 and len(chosen.events) == 5
