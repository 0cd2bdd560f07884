"""A restarted worker, or a second one, stores the same events as one worker that saw it all.

The LLM path's workers share one event store; a worker that starts after another (a restart,
the retry of parked batches, a second worker) rebuilds its dedup index from what is stored.
A group joins a new mention through any member that is close to it, not only through the
merged row the group is stored as, so the index must be rebuilt from every member's shape.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from signalpipe.backends import Backends
from signalpipe.batching.memory import MemoryBatcher
from signalpipe.bus.memory import MemoryBus
from signalpipe.extract.base import Extraction, Extractor
from signalpipe.extract.dedup import EventIndex
from signalpipe.models import (
    Batch,
    BatchUsage,
    EventType,
    Message,
    Polarity,
    Severity,
    SignificantEvent,
    Source,
)
from signalpipe.runner import ExtractionRunner
from signalpipe.settings import Settings
from signalpipe.stats import RunStats
from signalpipe.stores.sqlite import SQLiteEventStore, SQLiteMessageStore
from tests.unit.test_dedup_order import _batched, _many


def ev(title: str, mid: str, t: EventType = EventType.FUNDING, *, confidence: float = 0.5,
       polarity: Polarity = Polarity.POSITIVE, **metrics: float | str) -> SignificantEvent:
    return SignificantEvent(company_id="c", event_type=t, severity=Severity.HIGH, title=title,
                            metrics=dict(metrics), source_message_ids=[mid], polarity=polarity,
                            confidence=confidence)


# A ~ B by their $12M; C ~ B only by B's title (C has no figure). The group {A, B} is stored
# as one row titled as A (the more confident), whose title C shares nothing with: a worker
# that knows the group only by that row starts a new event for C.
A = ev("Raised $12M Series A", "a", confidence=0.9, amount_usd=12e6)
B = ev("Series A closed", "b", amount_usd=12e6)
C = ev("Series A closed", "c")
# D ~ E by their figures; F ~ E by its label (the customer named, no figure); the row of
# {D, E} is told by D's customer-less wording but keeps E's label, so it holds F's too.
D = ev("Signed a $280k annual contract", "d", EventType.ENTERPRISE_DEAL, confidence=0.9,
       acv_usd=280_000)
E = ev("Initech signs for $280k", "e", EventType.ENTERPRISE_DEAL, acv_usd=280_000,
       customer="Initech")
F = ev("Initech contract signed", "f", EventType.ENTERPRISE_DEAL, customer="Initech")
# P ~ Q by their figures, R ~ Q by their titles (and the $20M); the row of {P, Q} is titled
# as P and holds a figure R lacks, so R is close to neither the row's title nor its figures.
P = ev("Raised $20M Series B", "p", confidence=0.9, amount_usd=20e6, valuation_usd=90e6)
Q = ev("Series B led by Northwind", "q", amount_usd=20e6, valuation_usd=90e6)
R = ev("Series B led by Northwind closes", "r", amount_usd=20e6, investors=4)
BATCHES = [[A], [B, D], [E, P], [Q], [C, F, R]]


class Replaying(Extractor):
    """An LLM stand-in: each batch id -> the events it finds; fingerprints not canonical."""

    name = "replay"

    def __init__(self, found: dict[str, list[SignificantEvent]]) -> None:
        self.found = found

    @classmethod
    def from_settings(cls, settings: Settings) -> Replaying:
        raise NotImplementedError("built by the test")

    def extract(self, batch: Batch) -> Extraction:
        return Extraction(list(self.found[batch.id]),
                          BatchUsage(batch_id=batch.id, provider="replay", model="replay",
                                     messages=len(batch.messages),
                                     sent_messages=len(batch.messages)))


def _batch(i: int, events: Sequence[SignificantEvent]) -> Batch:
    at = datetime(2026, 3, 1, tzinfo=UTC)
    return Batch(id=f"b{i}", company_id="c", source=Source.SLACK, messages=tuple(
        Message(id=e.source_message_ids[0], company_id="c", source=Source.SLACK,
                sender="ada", text=e.title, timestamp=at) for e in events))


class Workers:
    """Workers started one after another over one SQLite event store."""

    def __init__(self, out: Path) -> None:
        self.settings = Settings(output_dir=out, company_id="c")
        self.events = SQLiteEventStore(self.settings.sqlite_path)
        self.messages = SQLiteMessageStore(self.settings.sqlite_path)
        self.batches = [_batch(i, events) for i, events in enumerate(BATCHES)]
        self.extractor = Replaying({b.id: list(e) for b, e in zip(self.batches, BATCHES,
                                                                    strict=True)})

    def run(self, batches: Sequence[Batch]) -> None:
        """A worker's life: start (its index read from the store), extract, stop."""
        backends = Backends(bus=MemoryBus(), messages=self.messages, events=self.events,
                            batcher=MemoryBatcher())
        runner = ExtractionRunner(self.settings, backends, self.extractor, RunStats())
        for batch in batches:
            runner.dispatch([batch])
            runner.wait_extractions()  # one at a time: the order is the test's
        runner.close()

    def stored(self) -> dict[str, tuple[frozenset[str], str]]:
        return {e.fingerprint: (frozenset(e.source_message_ids), e.title)
                for e in self.events.list_events("c")}


@pytest.mark.parametrize("restart_after", range(1, len(BATCHES)))
def test_a_restarted_worker_stores_the_events_one_worker_stores(
        tmp_path: Path, restart_after: int) -> None:
    one = Workers(tmp_path / "one")
    one.run(one.batches)
    expected = one.stored()
    assert {ids for ids, _ in expected.values()} == {
        frozenset("abc"), frozenset("def"), frozenset("pqr")}
    two = Workers(tmp_path / "two")
    two.run(two.batches[:restart_after])
    two.run(two.batches[restart_after:])
    assert two.stored() == expected


def test_a_worker_started_per_batch_stores_the_events_one_worker_stores(tmp_path: Path) -> None:
    one = Workers(tmp_path / "one")
    one.run(one.batches)
    many = Workers(tmp_path / "many")
    for batch in many.batches:
        many.run([batch])
    assert many.stored() == one.stored()
    # and running everything again (a replay) changes nothing
    many.run(many.batches)
    assert many.stored() == one.stored()


def _write(store: SQLiteEventStore, index: EventIndex, batch: Sequence[SignificantEvent]) -> None:
    resolution = index.resolve(batch)
    store.upsert_many(resolution.events, moved=resolution.moved, members=resolution.members)


def _restarted(store: SQLiteEventStore) -> EventIndex:
    return EventIndex(store.list_events("c"), store.event_members("c"))


def _groups(store: SQLiteEventStore) -> set[tuple[str, frozenset[str]]]:
    return {(e.fingerprint, frozenset(e.source_message_ids)) for e in store.list_events("c")}


def test_shuffled_mentions_with_workers_restarted_anywhere_give_one_workers_groups(
        tmp_path: Path) -> None:
    events = _many(random.Random(0))
    one = SQLiteEventStore(tmp_path / "one.sqlite3")
    index = EventIndex()
    for event in events:
        _write(one, index, [event])
    expected = _groups(one)
    one.close()
    for seed in range(12):
        rng = random.Random(seed)
        order = list(events)
        rng.shuffle(order)
        store = SQLiteEventStore(tmp_path / f"s{seed}.sqlite3")
        index = _restarted(store)
        for batch in _batched(order, rng):
            if rng.random() < 0.4:  # this worker stops; the next one starts from the store
                index = _restarted(store)
            _write(store, index, batch)
        assert _groups(store) == expected, f"seed {seed}"
        store.close()


def test_a_row_stored_before_members_is_known_by_itself_then_kept(tmp_path: Path) -> None:
    store = SQLiteEventStore(tmp_path / "old.sqlite3")
    # the group {A, B} as a release before members stored it: one row, no members
    store.upsert_many([A.merged_with(B.model_copy(update={"fingerprint": A.fingerprint}))])
    row = store.list_events("c")[0]
    resolution = _restarted(store).resolve([C])
    assert resolution.events[0].fingerprint != row.fingerprint  # C is close to no row
    # the first write to the old group keeps the row's own shape as its member
    resolution = _restarted(store).resolve([B2 := ev("Series A: $12M", "b2", amount_usd=12e6)])
    assert [e.fingerprint for e in resolution.events] == [min(row.fingerprint, B2.fingerprint)]
    root = resolution.events[0].fingerprint
    assert {m.fingerprint for m in resolution.members[root]} == {row.fingerprint, B2.fingerprint}
    store.upsert_many(resolution.events, moved=resolution.moved, members=resolution.members)
    again = _restarted(store).resolve([ev("Raised $12M Series A", "a2", amount_usd=12e6)])
    assert [e.fingerprint for e in again.events] == [root] and again.moved == {}
    store.close()
