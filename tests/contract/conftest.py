"""Backends for the contract suites: every Protocol runs against each implementation.

Embedded backends need nothing. Services backends talk to the real servers that
`signalpipe.services` starts once per session; a server that cannot be started or reached is an
error, never a skip (STYLE rule 9). The suites mark services parameters `integration`, so
``-m "not integration"`` runs the embedded half alone.

Every services test works in names of its own (topics, groups, keyspace, schema, key prefix),
so suites can run in parallel and repeatedly, and each cleans up after itself.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from signalpipe.batching.memory import MemoryBatcher
from signalpipe.bus.base import Bus, Consumer, Record
from signalpipe.bus.memory import MemoryBus
from signalpipe.settings import Settings, load_settings
from signalpipe.stores.base import EventStore, MessageStore
from signalpipe.stores.sqlite import SQLiteEventStore, SQLiteMessageStore


def unique(prefix: str) -> str:
    """A short name no other test run uses (letters, digits and underscores only)."""
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


class _Services:
    """Starts each server the first time a test needs it (idempotent across sessions)."""

    def __init__(self) -> None:
        self._up: set[str] = set()
        self._lock = threading.Lock()

    def need(self, name: str) -> None:
        with self._lock:
            if name in self._up:
                return
            from signalpipe import services

            services.up([name])  # raises ServiceError with the server's log tail
            self._up.add(name)


@pytest.fixture(scope="session")
def running_services() -> _Services:
    return _Services()


@pytest.fixture(scope="session")
def service_settings() -> Settings:
    """Where the servers are: settings defaults (loopback) unless SIGNALPIPE_* says otherwise."""
    return load_settings()


# -- bus ------------------------------------------------------------------------------------
@dataclass
class BusCase:
    """A bus plus unique topic and group names; `consumer` closes what it opened."""

    name: str
    bus: Bus
    topics: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    consumers: list[Consumer] = field(default_factory=list)

    def topic(self) -> str:
        name = unique("t").replace("_", "-")
        self.topics.append(name)
        self.bus.ensure_topics([name])
        return name

    def group(self) -> str:
        name = unique("g")
        self.groups.append(name)
        return name

    def consumer(self, topics: list[str], group: str) -> Consumer:
        consumer = self.bus.consumer(topics, group_id=group)
        self.consumers.append(consumer)
        return consumer

    def close_consumer(self, consumer: Consumer) -> None:
        consumer.close()
        self.consumers.remove(consumer)


PollUntil = Callable[..., list[Record]]


def poll_until(consumer: Consumer, count: int, *, timeout_s: float = 30.0,
               max_records: int = 500) -> list[Record]:
    """Poll until `count` records arrived or `timeout_s` passed (a Kafka group join is slow)."""
    import time

    got: list[Record] = []
    deadline = time.monotonic() + timeout_s
    while len(got) < count and time.monotonic() < deadline:
        got.extend(consumer.poll(max_records=min(max_records, count - len(got)),
                                 timeout_s=0.5))
    return got


@pytest.fixture
def poll() -> PollUntil:
    """`poll(consumer, count, timeout_s=30, max_records=500)`: records until `count` came."""
    return poll_until


@pytest.fixture
def bus_case(request: pytest.FixtureRequest, running_services: _Services,
             service_settings: Settings) -> Iterator[BusCase]:
    name = request.param
    if name == "memory":
        case = BusCase(name, MemoryBus(partitions=4))
    else:
        running_services.need("kafka")
        from signalpipe.bus.kafka import KafkaBus

        case = BusCase(name, KafkaBus(service_settings.kafka.bootstrap_servers, partitions=4))
    yield case
    for consumer in list(case.consumers):
        consumer.close()
    case.bus.delete_topics(case.topics)
    if hasattr(case.bus, "delete_groups"):
        case.bus.delete_groups(case.groups)
    case.bus.close()


# -- message store --------------------------------------------------------------------------
@dataclass
class StoreCase:
    """A store and a way to open a second handle on the same data (another process)."""

    name: str
    open: Callable[[], Any]
    store: Any = None
    others: list[Any] = field(default_factory=list)

    def reopen(self) -> Any:
        other = self.open()
        self.others.append(other)
        return other


@pytest.fixture
def message_store_case(request: pytest.FixtureRequest, tmp_path: Path,
                       running_services: _Services,
                       service_settings: Settings) -> Iterator[StoreCase]:
    name = request.param
    if name == "sqlite":
        path = tmp_path / "messages.sqlite3"
        case = StoreCase(name, lambda: SQLiteMessageStore(path))
    else:
        running_services.need("cassandra")
        from signalpipe.stores.cassandra import CassandraMessageStore

        c = service_settings.cassandra
        keyspace = unique("sp_contract")
        case = StoreCase(name, lambda: CassandraMessageStore(
            c.hosts, port=c.port, keyspace=keyspace, username=c.username,
            password=c.password.get_secret_value() if c.password else None))
    case.store = case.open()
    yield case
    for other in case.others:
        other.close()
    if name == "cassandra":
        case.store.drop()
    case.store.close()


@pytest.fixture
def message_store(message_store_case: StoreCase) -> MessageStore:
    store: MessageStore = message_store_case.store
    return store


# -- event store ----------------------------------------------------------------------------
@pytest.fixture
def event_store_case(request: pytest.FixtureRequest, tmp_path: Path,
                     running_services: _Services,
                     service_settings: Settings) -> Iterator[StoreCase]:
    name = request.param
    if name == "sqlite":
        path = tmp_path / "events.sqlite3"
        case = StoreCase(name, lambda: SQLiteEventStore(path))
    else:
        running_services.need("postgres")
        from signalpipe.stores.postgres import PostgresEventStore

        dsn = service_settings.postgres.dsn.get_secret_value()
        schema = unique("sp_contract")
        case = StoreCase(name, lambda: PostgresEventStore(dsn, schema=schema))
    case.store = case.open()
    yield case
    for other in case.others:
        other.close()
    if name == "postgres":
        case.store.drop_schema()
    case.store.close()


@pytest.fixture
def event_store(event_store_case: StoreCase) -> EventStore:
    store: EventStore = event_store_case.store
    return store


# -- batcher --------------------------------------------------------------------------------
@dataclass
class BatcherCase:
    """Makes batchers with given triggers; `twin` is another worker's handle on the same
    buffers (the same object in memory, a second client on the same keys in Redis)."""

    name: str
    make_one: Callable[..., Any]
    made: list[Any] = field(default_factory=list)

    def make(self, *, trigger_count: int = 200, batch_size: int = 100, max_age_s: float = 30.0,
             **extra: Any) -> Any:
        batcher = self.make_one(trigger_count=trigger_count, batch_size=batch_size,
                                max_age_s=max_age_s, **extra)
        self.made.append(batcher)
        return batcher

    def twin(self, batcher: Any) -> Any:
        if self.name == "memory":
            return batcher
        return self.make(trigger_count=batcher.trigger_count, batch_size=batcher.batch_size,
                         max_age_s=batcher.max_age_s, lease_s=batcher.lease_s)


@pytest.fixture
def batcher_case(request: pytest.FixtureRequest, running_services: _Services,
                 service_settings: Settings) -> Iterator[BatcherCase]:
    name = request.param
    if name == "memory":
        def make_memory(*, lease_s: float | None = None, **opts: Any) -> MemoryBatcher:
            return MemoryBatcher(**opts)

        case = BatcherCase(name, make_memory)
    else:
        running_services.need("redis")
        from signalpipe.batching.redis import RedisBatcher

        url = service_settings.redis.url.get_secret_value()
        prefix = unique("sptest")

        def make_redis(**opts: Any) -> RedisBatcher:
            return RedisBatcher.from_url(url, prefix=prefix, **opts)

        case = BatcherCase(name, make_redis)
    yield case
    if case.made:
        case.made[0].clear()
    for batcher in case.made:
        batcher.close()
