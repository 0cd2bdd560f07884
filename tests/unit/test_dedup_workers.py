"""Two workers at once over one event store group mentions as one worker that saw everything.

Each worker's runner keeps its own dedup index; before each write the store hands it what the
other stored meanwhile (`EventStore.upsert_grouped`), so which worker extracts a mention first,
and how the batches were split between them, does not change the stored groups. Without it
the named hire went to one worker and "Hired a Head of Data" to the other, and the two were
stored apart (the two-worker fault test).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from signalpipe.backends import Backends
from signalpipe.batching.memory import MemoryBatcher
from signalpipe.bus.memory import MemoryBus
from signalpipe.models import Batch, EventType, Message, SignificantEvent, Source
from signalpipe.runner import ExtractionRunner
from signalpipe.settings import Settings
from signalpipe.stats import RunStats
from signalpipe.stores.sqlite import SQLiteEventStore, SQLiteMessageStore
from tests.unit.test_dedup_restart import Replaying
from tests.unit.test_dedup_sameness import ev, told

T = EventType
MONDAY = date(2026, 3, 2)

# message id -> (day offset, the event the extractor reads in it)
TOLD: dict[str, tuple[int, SignificantEvent]] = {
    "j1": (0, ev("Coverage by Jeff", "j1", publication="jeff")),
    "j2": (2, ev("Coverage by Jeff Geerling", "j2", publication="jeff geerling")),
    "s1": (1, ev("Sold TinyPilot", "s1", T.OTHER, org="tinypilot")),
    "s2": (6, ev("Sold TinyPilot", "s2", T.OTHER, org="tinypilot", buyer="acme")),
    "h1": (1, ev("Hired Arjun Okafor as Head of Data", "h1", T.HIRING, hire="arjun okafor")),
    "h2": (2, ev("Hired a Head of Data", "h2", T.HIRING, role="head of data")),
    "h3": (23, ev("Hired Mira Larsen as Head of Data", "h3", T.HIRING, hire="mira larsen")),
    "h4": (24, ev("Hired a Head of Data", "h4", T.HIRING, role="head of data")),
    "r1": (3, ev("Raised $5M seed round", "r1", T.FUNDING, amount_usd=5e6)),
    "r2": (4, ev("Raised $8M seed round", "r2", T.FUNDING, amount_usd=8e6)),
}
EXPECTED = {frozenset({"j1", "j2"}), frozenset({"s1", "s2"}), frozenset({"h1", "h2"}),
            frozenset({"h3", "h4"}), frozenset({"r1"}), frozenset({"r2"})}


class Rules(Replaying):
    """The rules extractor's stand-in: fingerprints canonical (dedup by sameness alone)."""

    canonical_fingerprints = True


def _batches(rng: random.Random) -> list[tuple[Batch, list[SignificantEvent]]]:
    """The messages shuffled and cut into batches; what the extractor finds in each (one
    fingerprint told twice in a batch is one event citing both)."""
    ids = list(TOLD)
    rng.shuffle(ids)
    out: list[tuple[Batch, list[SignificantEvent]]] = []
    while ids:
        cut = rng.randint(1, 3)
        take, ids = ids[:cut], ids[cut:]
        found: dict[str, SignificantEvent] = {}
        for mid in take:
            event = TOLD[mid][1]
            prior = found.get(event.fingerprint)
            found[event.fingerprint] = event if prior is None else told(
                prior, *prior.source_message_ids, mid)
        messages = tuple(
            Message(id=mid, company_id="c", source=Source.SLACK, sender="ada", text=mid,
                    timestamp=datetime.combine(MONDAY + timedelta(days=TOLD[mid][0]),
                                               time(12), tzinfo=UTC)) for mid in take)
        batch = Batch(id=f"b{len(out)}", company_id="c", source=Source.SLACK,
                      messages=messages)
        out.append((batch, list(found.values())))
    return out


def _runner(out: Path, extractor: Replaying) -> ExtractionRunner:
    """A worker: its own handles on the shared SQLite file, its own dedup index."""
    settings = Settings(output_dir=out, company_id="c")
    backends = Backends(bus=MemoryBus(), messages=SQLiteMessageStore(settings.sqlite_path),
                        events=SQLiteEventStore(settings.sqlite_path), batcher=MemoryBatcher())
    return ExtractionRunner(settings, backends, extractor, RunStats())


def _run(out: Path, batches: Sequence[tuple[Batch, list[SignificantEvent]]], workers: int,
         rng: random.Random, kind: type[Replaying]) -> set[frozenset[str]]:
    extractor = kind({batch.id: events for batch, events in batches})
    runners = [_runner(out, extractor) for _ in range(workers)]
    for batch, _ in batches:
        runner = rng.choice(runners)
        runner.dispatch([batch])
        runner.wait_extractions()
    for runner in runners:
        runner.close()
    store = runners[0].b.events
    groups = {frozenset(e.source_message_ids) for e in store.list_events("c")}
    for runner in runners:
        runner.b.events.close()
        runner.b.messages.close()
    return groups


@pytest.mark.parametrize("kind", [Rules, Replaying], ids=["rules", "llm"])
def test_two_workers_store_the_groups_one_worker_stores(tmp_path: Path,
                                                        kind: type[Replaying]) -> None:
    for seed in range(8):
        rng = random.Random(seed)
        batches = _batches(rng)
        assert _run(tmp_path / f"one{seed}", batches, 1, rng, kind) == EXPECTED, seed
        assert _run(tmp_path / f"two{seed}", batches, 2, rng, kind) == EXPECTED, seed
