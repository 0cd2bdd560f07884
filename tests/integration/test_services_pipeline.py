"""End to end on real servers: a file produced to Kafka, two worker processes in one group.

Every message must land in Cassandra exactly once and be extracted, every batch lease must be
acked in Redis, and PostgreSQL must hold the same events as the embedded stack makes from the
same file, each once.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from signalpipe import pipeline
from signalpipe.backends import open_backends
from signalpipe.errors import SourceError
from signalpipe.models import DeadLetter, Message, SignificantEvent
from signalpipe.sample.generate import generate
from signalpipe.settings import Settings, load_settings
from signalpipe.sources.csv import CSVSource

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.timeout(600)]

ROWS = 2000
SEED = 23
IDLE_EXIT_S = 10


@pytest.fixture(scope="module")
def traffic_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("traffic") / "traffic.csv"
    generate(ROWS, SEED, path, path.with_suffix(".truth.jsonl"))
    return path


def _read(settings: Settings, path: Path) -> tuple[list[Message], list[DeadLetter]]:
    messages: list[Message] = []
    dead: list[DeadLetter] = []
    for item in CSVSource(path, company_id=settings.company_id).read(None):
        (dead if isinstance(item, DeadLetter) else messages).append(item)  # type: ignore[arg-type]
    return messages, dead


def _embedded_events(settings: Settings, path: Path, out: Path) -> list[SignificantEvent]:
    embedded = load_settings(stack="embedded", company_id=settings.company_id, output_dir=out)
    backends = open_backends(embedded)
    try:
        pipeline.run(embedded, backends, CSVSource(path, company_id=settings.company_id))
        return backends.events.list_events(settings.company_id)
    finally:
        backends.close()


def _wait_for_members(settings: Settings, members: int, workers: list[Any]) -> None:
    """Produce only once both workers are in the group, so both really share the work."""
    from confluent_kafka import ConsumerGroupState
    from confluent_kafka.admin import AdminClient

    admin = AdminClient({"bootstrap.servers": settings.kafka.bootstrap_servers})
    group = settings.bus.group_id
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        for w in workers:
            if w.poll() is not None:
                raise AssertionError(f"a worker exited before joining:\n{w.communicate()[0]}")
        try:
            found = admin.describe_consumer_groups([group])[group].result(timeout=10)
        except Exception:  # the group does not exist until the first member joins
            found = None
        # Stable with partitions for everyone: a rebalance still under way could let the first
        # member drain every partition before the second gets any.
        if (found is not None and found.state == ConsumerGroupState.STABLE
                and len(found.members) >= members
                and all(m.assignment.topic_partitions for m in found.members)):
            return
        time.sleep(0.5)
    raise AssertionError(f"{members} workers did not join group {group} in 90 s")


def _consumed(output: str) -> int | None:
    match = re.search(r"messages consumed\D+?([\d,]+)", output)
    return int(match.group(1).replace(",", "")) if match else None


def test_two_workers_store_each_message_once_and_match_the_embedded_run(
        isolated: Any, traffic_csv: Path, tmp_path: Path) -> None:
    settings: Settings = isolated.settings
    messages, dead = _read(settings, traffic_csv)
    assert len(messages) > ROWS * 0.9

    # Open the services backends once first: topics, keyspace, tables and the PostgreSQL
    # schema exist before two workers start (no concurrent schema changes).
    backends = open_backends(settings)
    backends.bus.ensure_topics([settings.bus.topics.slack, settings.bus.topics.gmail,
                                settings.bus.topics.dead_letter])
    exe = Path(sys.executable).with_name("signalpipe")
    env = {**os.environ, **isolated.env}
    workers = [subprocess.Popen(
        [str(exe), "worker", "--stack", "services", "--idle-exit", str(IDLE_EXIT_S),
         "--output-dir", str(tmp_path / f"worker-{n}")],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for n in range(2)]
    outputs: list[str] = []
    try:
        _wait_for_members(settings, 2, workers)
        stats = pipeline.produce(settings, backends, CSVSource(traffic_csv,
                                                               company_id=settings.company_id))
        assert stats.produced == len(messages)
        for worker in workers:
            out, _ = worker.communicate(timeout=300)
            outputs.append(out)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
        backends.close()
    report = "\n\n".join(f"--- worker {n} ---\n{o[-3000:]}" for n, o in enumerate(outputs))
    assert [w.returncode for w in workers] == [0, 0], report
    consumed = [_consumed(o) for o in outputs]
    if None not in consumed:
        assert all(c and c > 0 for c in consumed), report  # both did real work
        assert sum(c or 0 for c in consumed) >= len(messages), report

    _check_cassandra(settings, messages, dead)
    _check_redis(settings)
    _check_postgres(settings, traffic_csv, tmp_path / "embedded", messages)


def _check_cassandra(settings: Settings, messages: list[Message],
                     dead: list[DeadLetter]) -> None:
    from signalpipe.stores.cassandra import CassandraMessageStore

    store = CassandraMessageStore.from_settings(settings)
    try:
        assert store.count() == len(messages)
        ks = settings.cassandra.keyspace
        rows: Counter[str] = Counter()
        for table in ("chat_messages", "email_messages"):
            rows.update(r[0] for r in store._session.execute(f"SELECT id FROM {ks}.{table}"))
        assert max(rows.values()) == 1
        assert set(rows) == {m.id for m in messages}
        assert store.get_many([m.id for m in messages]) == messages
        assert list(store.pending(settings.company_id)) == []  # every message extracted
        replay = store.put_many(messages)
        assert (replay.already_done, replay.to_batch, replay.conflicts) == (len(messages), [], [])
        assert {(d.origin, d.reason) for d in store.dead_letters()} == {
            (d.origin, d.reason) for d in dead}
    finally:
        store.close()


def _check_redis(settings: Settings) -> None:
    from signalpipe.batching.redis import RedisBatcher

    batcher = RedisBatcher.from_settings(settings)
    try:
        company = settings.company_id
        client = batcher.client
        assert client.llen(f"signalpipe:{{{company}}}:buf:slack") == 0
        assert client.llen(f"signalpipe:{{{company}}}:buf:gmail") == 0
        assert client.zcard(f"signalpipe:{{{company}}}:leases") == 0  # every lease acked
    finally:
        batcher.close()


def _check_postgres(settings: Settings, path: Path, out: Path,
                    messages: list[Message]) -> None:
    from signalpipe.stores.postgres import PostgresEventStore

    store = PostgresEventStore.from_settings(settings)
    try:
        stored = store.list_events(settings.company_id)
        assert store.parked() == []
        assert store.usage(), "every extracted batch records its usage"
    finally:
        store.close()
    expected = _embedded_events(settings, path, out)
    assert expected, "the file should hold some events"

    _assert_same_events(stored, expected)
    known = {m.id for m in messages}
    assert all(set(e.source_message_ids) <= known for e in stored)


def _assert_same_events(stored: list[SignificantEvent],
                        expected: list[SignificantEvent]) -> None:
    """The same mentions of the same events, each stored once.

    Fingerprints, and so rows, match the embedded run exactly unless near-duplicate resolution
    (extract/dedup.py: EventIndex, kept per worker process) split one event in two: a worker
    cannot re-point a mention at an event that only the other worker has seen. Then the split
    parts must still hold every mention once and never mix two embedded events.
    """
    assert len({e.fingerprint for e in stored}) == len(stored)

    def mentions(events: list[SignificantEvent]) -> Counter[tuple[str, str]]:
        return Counter((e.event_type.value, m) for e in events for m in e.source_message_ids)

    assert mentions(stored) == mentions(expected)
    owners: dict[tuple[str, str], set[str]] = {}  # a message may mention two events of a type
    for e in expected:
        for m in e.source_message_ids:
            owners.setdefault((e.event_type.value, m), set()).add(e.fingerprint)
    for event in stored:
        common = set.intersection(*(owners[(event.event_type.value, m)]
                                    for m in event.source_message_ids))
        assert common, f"{event.title!r} mixes mentions of different embedded events"

    def shape(events: list[SignificantEvent]) -> dict[str, tuple[str, str, tuple[str, ...]]]:
        return {e.fingerprint: (e.event_type.value, e.severity.value,
                                tuple(sorted(e.source_message_ids))) for e in events}

    same = shape(stored).items() & shape(expected).items()
    assert len(same) >= len(expected) - (len(stored) - len(expected)) * 2, (
        f"only {len(same)} of {len(expected)} events identical to the embedded run")
    if len(stored) == len(expected):
        assert shape(stored) == shape(expected)


def test_run_on_the_services_stack_matches_the_embedded_run(
        isolated: Any, traffic_csv: Path, tmp_path: Path) -> None:
    """`signalpipe run --stack services`: the producer runs on a thread of its own while the
    worker consumes, and the stores end as the embedded run's."""
    settings = isolated.settings
    messages, dead = _read(settings, traffic_csv)
    backends = open_backends(settings)
    try:
        stats = pipeline.run(settings, backends,
                             CSVSource(traffic_csv, company_id=settings.company_id))
        assert (stats.rows_read, stats.produced) == (len(messages) + len(dead), len(messages))
        assert backends.messages.count() == len(messages)
        assert list(backends.messages.pending(settings.company_id)) == []
        events = backends.events.list_events(settings.company_id)
    finally:
        backends.close()
    expected = _embedded_events(settings, traffic_csv, tmp_path / "embedded")
    assert expected, "the traffic plants events; both runs must find them"
    assert {(e.fingerprint, frozenset(e.source_message_ids)) for e in events} == \
        {(e.fingerprint, frozenset(e.source_message_ids)) for e in expected}


def test_a_source_that_fails_on_the_producing_thread_fails_the_run(
        isolated: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("identifier,text\n1,hello\n", encoding="utf-8")
    backends = open_backends(isolated.settings)
    try:
        with pytest.raises(SourceError, match="header must be"):
            pipeline.run(isolated.settings, backends,
                         CSVSource(bad, company_id=isolated.settings.company_id))
    finally:
        backends.close()
