"""What the report and the email read of the stored events, bounded: the most significant
events of each type and polarity, and counts of all of them.

A 1M-row run stores tens of thousands of events; the update lists a few dozen and the report a
few hundred, so holding every event (their evidence, spans and sources) in memory to show that
much is what made a run's peak memory grow with its size. Streaming them once through
`EventStore.iter_events` and keeping `per_group` of each (type, polarity) keeps the peak flat.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from signalpipe.formatting import rank
from signalpipe.models import SEVERITY_RANK, SignificantEvent

PER_GROUP = 60
"""Events kept per (type, polarity): several times any section's cap, and the 28 groups fill
the report's table."""


@dataclass
class Selection:
    events: list[SignificantEvent] = field(default_factory=list)
    total: int = 0
    by_type: Counter[str] = field(default_factory=Counter)


def _key(e: SignificantEvent) -> tuple[int, int, float, str]:
    return (SEVERITY_RANK[e.severity], -len(e.source_message_ids), -e.confidence, e.title)


def select(events: Iterable[SignificantEvent], *, per_group: int = PER_GROUP,
           keep: Callable[[SignificantEvent], bool] | None = None) -> Selection:
    """The `per_group` most significant events of each (type, polarity) among those `keep`
    accepts, ranked as `formatting.rank` ranks them, and counts of all accepted."""
    groups: dict[tuple[str, str], list[SignificantEvent]] = {}
    out = Selection()
    for event in events:
        if keep is not None and not keep(event):
            continue
        out.total += 1
        out.by_type[event.event_type.value] += 1
        group = groups.setdefault((event.event_type.value, event.polarity.value), [])
        # An event seen in a thousand messages carries a thousand evidence spans; nothing shown
        # reads them, and they were most of what a kept event weighed.
        group.append(event.model_copy(update={"evidence_spans": []})
                     if event.evidence_spans else event)
        if len(group) >= 2 * per_group:  # amortised: sort and cut only now and then
            group.sort(key=_key)
            del group[per_group:]
    for group in groups.values():
        group.sort(key=_key)
        out.events += group[:per_group]
    out.events = rank(out.events)
    return out
