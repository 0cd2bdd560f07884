"""The Kafka bus on confluent-kafka: idempotent producer, explicit-commit consumer groups.

Delivery is at-least-once end to end: the producer is idempotent (no duplicates from its own
retries), and a consumer commits only the positions of records it has already handed out *after*
the worker has stored them (STYLE rule 6), so a crash or a rebalance redelivers, never drops.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, Self

try:
    from confluent_kafka import (
        OFFSET_INVALID,
        Consumer,
        KafkaError,
        KafkaException,
        Message,
        Producer,
        TopicPartition,
    )
    from confluent_kafka.admin import AdminClient
    from confluent_kafka.cimpl import NewTopic
except ImportError as e:  # pragma: no cover - depends on the installed extras
    raise ImportError('install "signalpipe[services]" to use KafkaBus') from e

from signalpipe.bus import base
from signalpipe.bus.base import Record
from signalpipe.errors import BusError
from signalpipe.settings import Settings

logger = logging.getLogger(__name__)

# Key, headers and the record-batch framing ride on top of the value; the worker checks the
# value alone against max_message_bytes, so the topic and producer allow this much more.
_FRAMING_BYTES = 64 * 1024
_ADMIN_TIMEOUT_S = 30.0
_SERVE_EVERY = 1000  # records produced between two servings of delivery reports
# How long a lag query waits out leadership moving (a restarted broker, a fresh topic on a
# loaded machine) before it is an error.
_OFFSET_PATIENCE_S = 30.0
_WATERMARK_TIMEOUT_S = 10.0  # per partition; a dead leader is replaced within seconds
# Local errors while a leader moves (librdkafka does not call them retriable).
_WATERMARK_RETRIABLE = frozenset({KafkaError._TIMED_OUT, KafkaError._TRANSPORT,
                                  KafkaError._ALL_BROKERS_DOWN, KafkaError.LEADER_NOT_AVAILABLE,
                                  KafkaError.NOT_LEADER_FOR_PARTITION})
_CLOSE_COMMIT_WAIT_S = 10.0  # a commit in flight when the consumer closes
_COMMIT_DEFER_S = 120.0  # a broker restart, not an outage: past this the worker gives up
_COORDINATOR_GONE = frozenset({KafkaError._WAIT_COORD, KafkaError.NOT_COORDINATOR,
                               KafkaError.COORDINATOR_LOAD_IN_PROGRESS,
                               KafkaError.COORDINATOR_NOT_AVAILABLE})
# Ownership lost between poll and commit: the new owner re-reads from the last commit.
_LOST_OWNERSHIP = {KafkaError.REBALANCE_IN_PROGRESS, KafkaError.ILLEGAL_GENERATION,
                   KafkaError.UNKNOWN_MEMBER_ID, KafkaError._STATE}


class KafkaBus(base.Bus):
    """Topics on a Kafka cluster; one idempotent producer shared by every caller (thread-safe)."""

    in_process = False

    def __init__(self, bootstrap_servers: str, *, partitions: int = 4,
                 replication_factor: int = 1, min_insync_replicas: int = 1,
                 max_message_bytes: int = 1_000_000,
                 linger_ms: int = 10, compression: str = "lz4", acks: str = "all",
                 enable_idempotence: bool = True,
                 extra: Mapping[str, str] | None = None) -> None:
        self.bootstrap_servers = bootstrap_servers
        self.partitions = partitions
        self.replication_factor = replication_factor
        self.min_insync_replicas = min_insync_replicas
        self.max_message_bytes = max_message_bytes
        self._extra = dict(extra or {})
        self._record_limit = max_message_bytes + _FRAMING_BYTES
        self._admin = AdminClient(self._config())
        self._producer = Producer(self._config({
            "enable.idempotence": enable_idempotence,
            "acks": acks,
            "linger.ms": linger_ms,
            "compression.type": compression,
            "message.max.bytes": self._record_limit,
        }))
        self._errors: list[str] = []
        self._errors_lock = threading.Lock()
        self._unserved = 0  # records produced since delivery reports were last served
        self._watermarks: Consumer | None = None
        self._watermarks_lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        k = settings.kafka
        return cls(k.bootstrap_servers, partitions=k.partitions,
                   replication_factor=k.replication_factor,
                   min_insync_replicas=k.min_insync_replicas, acks=k.acks,
                   enable_idempotence=k.enable_idempotence,
                   max_message_bytes=k.max_message_bytes, extra=k.extra)

    def _config(self, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
        # settings.kafka.extra wins, so security or tuning options need no code change.
        return {"bootstrap.servers": self.bootstrap_servers, **(overrides or {}), **self._extra}

    # -- topics -----------------------------------------------------------------------------
    def ensure_topics(self, topics: Sequence[str]) -> None:
        """Create missing topics with `partitions` partitions and wait until they have leaders."""
        existing = set(self._metadata_topics())
        missing = [t for t in dict.fromkeys(topics) if t not in existing]
        if missing:
            self._check_enough_brokers()
            config = {"max.message.bytes": str(self._record_limit),
                      "min.insync.replicas": str(self.min_insync_replicas)}
            new = [NewTopic(t, num_partitions=self.partitions,
                            replication_factor=self.replication_factor, config=config)
                   for t in missing]
            futures = self._admin.create_topics(new, operation_timeout=_ADMIN_TIMEOUT_S)
            for topic, future in futures.items():
                self._admin_result(future, f"create topic {topic}",
                                   ignore=KafkaError.TOPIC_ALREADY_EXISTS)
        self._wait_for_leaders(list(topics))

    def delete_topics(self, topics: Sequence[str]) -> None:
        """Delete the topics and their records; topics that do not exist are skipped."""
        if not topics:
            return
        futures = self._admin.delete_topics(list(topics), operation_timeout=_ADMIN_TIMEOUT_S)
        for topic, future in futures.items():
            self._admin_result(future, f"delete topic {topic}",
                               ignore=KafkaError.UNKNOWN_TOPIC_OR_PART)

    def delete_groups(self, group_ids: Sequence[str]) -> None:
        """Delete consumer groups and their committed offsets (tests and `flush`)."""
        if not group_ids:
            return
        futures = self._admin.delete_consumer_groups(list(group_ids),
                                                     request_timeout=_ADMIN_TIMEOUT_S)
        for group, future in futures.items():
            self._admin_result(future, f"delete group {group}",
                               ignore=KafkaError.GROUP_ID_NOT_FOUND)

    def _check_enough_brokers(self) -> None:
        """A replication factor above the live broker count is a configuration error, said so.

        Kafka itself answers INVALID_REPLICATION_FACTOR, which does not say how many brokers it
        saw; existing topics are not checked, so a worker may start while one broker is down.
        """
        try:
            live = len(self._admin.list_topics(timeout=_ADMIN_TIMEOUT_S).brokers)
        except KafkaException as exc:
            raise BusError(f"kafka at {self.bootstrap_servers} unreachable: {exc}") from None
        if self.replication_factor > live:
            raise BusError(f"kafka.replication_factor is {self.replication_factor} but only "
                           f"{live} broker(s) are live at {self.bootstrap_servers}: start more "
                           "brokers or lower the replication factor")

    def _metadata_topics(self) -> dict[str, Any]:
        try:
            return dict(self._admin.list_topics(timeout=_ADMIN_TIMEOUT_S).topics)
        except KafkaException as exc:
            raise BusError(f"kafka at {self.bootstrap_servers} unreachable: {exc}") from None

    def _wait_for_leaders(self, topics: list[str]) -> None:
        # A freshly created topic is in the controller's metadata before every partition has
        # a leader; producing or assigning earlier fails with transient errors.
        deadline = time.monotonic() + _ADMIN_TIMEOUT_S
        while True:
            meta = self._metadata_topics()
            ready = [t for t in topics if t in meta and meta[t].error is None and meta[t].partitions
                     and all(p.leader >= 0 for p in meta[t].partitions.values())]
            if set(ready) == set(topics):
                return
            if time.monotonic() > deadline:
                raise BusError(f"topics without leaders after {_ADMIN_TIMEOUT_S:.0f}s: "
                               f"{sorted(set(topics) - set(ready))}")
            time.sleep(0.1)

    @staticmethod
    def _admin_result(future: Any, what: str, *, ignore: int) -> None:
        try:
            future.result()
        except KafkaException as exc:
            error = exc.args[0] if exc.args else None
            if isinstance(error, KafkaError) and error.code() == ignore:
                return
            raise BusError(f"cannot {what}: {exc}") from None

    # -- producing --------------------------------------------------------------------------
    def produce(self, topic: str, key: str | None, value: bytes,
                headers: Mapping[str, str] | None = None, *, decoded: object = None) -> None:
        """Queue one record; errors from the broker surface on the next `flush`.

        `decoded` is ignored: a consumer elsewhere has only the bytes.
        """
        header_list: list[tuple[str, str | bytes | None]] | None = (
            list(headers.items()) if headers else None)
        while True:
            try:
                self._producer.produce(topic, value=value, key=key, headers=header_list,
                                       on_delivery=self._delivered)
                break
            except BufferError:
                # The local queue is full: serve delivery reports until there is room.
                self._producer.poll(0.05)
            except KafkaException as exc:
                raise BusError(f"cannot produce to {topic}: {exc}") from None
        self._unserved += 1
        if self._unserved >= _SERVE_EVERY:
            # Delivery reports are served now and then, not per record: poll() gives up the
            # GIL, and per record that hands it to any other busy thread a thousand times over.
            self._unserved = 0
            self._producer.poll(0)

    def _delivered(self, error: KafkaError | None, message: Message) -> None:
        if error is not None:
            with self._errors_lock:
                self._errors.append(f"{message.topic()}: {error.str()}")

    def flush(self, timeout_s: float = 30.0) -> None:
        """Wait until every queued record is acknowledged by all in-sync replicas.

        Raises:
            BusError: a record was rejected, or some were still unacknowledged at `timeout_s`.
        """
        left = self._producer.flush(timeout_s)
        with self._errors_lock:
            errors, self._errors = self._errors, []
        if errors:
            raise BusError(f"{len(errors)} record(s) not delivered, first: {errors[0]}")
        if left:
            raise BusError(f"{left} record(s) still unacknowledged after {timeout_s:.0f}s")

    # -- consuming --------------------------------------------------------------------------
    def consumer(self, topics: Sequence[str], *, group_id: str,
                 from_beginning: bool = True) -> KafkaConsumer:
        """Join `group_id` on `topics`; a group with no commits starts at the earliest record
        when `from_beginning`, else at the end."""
        config = self._config({
            "group.id": group_id,
            "enable.auto.commit": False,
            # Offsets are committed from our own positions, never from librdkafka's store.
            "enable.auto.offset.store": False,
            "auto.offset.reset": "earliest" if from_beginning else "latest",
            "fetch.max.bytes": max(52_428_800, self._record_limit),
            "max.partition.fetch.bytes": max(1_048_576, self._record_limit),
        })
        return KafkaConsumer(self, config, list(topics), from_beginning=from_beginning)

    def topic_partitions(self, topics: Sequence[str]) -> list[TopicPartition]:
        """Every partition of the existing topics among `topics`."""
        meta = self._metadata_topics()
        return [TopicPartition(t, p) for t in topics if t in meta
                for p in sorted(meta[t].partitions)]

    def watermarks(self, partitions: list[TopicPartition]) -> dict[tuple[str, int],
                                                                  tuple[int, int]]:
        """The first and the next-to-be-written offset of each partition (one request each).

        Asked through a consumer of its own that never joins a group: a member's connection is
        busy with its long-polling fetch (each query would wait up to fetch.wait.max.ms), and the
        admin client's ListOffsets aborts the whole process in librdkafka when its requests time
        out while a broker is down (librdkafka issue 4605: `eonce->refcnt > 0` assertion; seen
        here as "Fatal Python error: Aborted" in the three-node fault suite).
        """
        if not partitions:
            return {}
        delay_s = 0.1
        deadline = time.monotonic() + _OFFSET_PATIENCE_S
        while True:
            try:
                with self._watermarks_lock:
                    reader = self._watermark_reader()
                    found = {(tp.topic, tp.partition): reader.get_watermark_offsets(
                        tp, timeout=_WATERMARK_TIMEOUT_S, cached=False) for tp in partitions}
                return {key: (int(low), int(high)) for key, (low, high) in found.items()}
            except KafkaException as exc:
                # Fresh topics and a restarted broker answer NOT_LEADER_FOR_PARTITION for a
                # moment while leadership settles: retriable, not a reason to stop a run.
                error = exc.args[0] if exc.args else None
                retriable = isinstance(error, KafkaError) and (
                    error.retriable() or error.code() in _WATERMARK_RETRIABLE)
                if not retriable or time.monotonic() + delay_s > deadline:
                    raise BusError(f"kafka offsets query failed: {exc}") from None
                time.sleep(delay_s)
                delay_s = min(delay_s * 2, 2.0)

    def _watermark_reader(self) -> Consumer:
        if self._watermarks is None:
            # A group id is required by the client, never used: this consumer neither
            # subscribes nor commits.
            self._watermarks = Consumer(self._config({
                "group.id": f"signalpipe-watermarks-{uuid.uuid4().hex[:12]}",
                "enable.auto.commit": False}))
        return self._watermarks

    def close(self) -> None:
        """Deliver what is queued, then release the clients."""
        try:
            self.flush()
        finally:
            self._producer.close()
            with self._watermarks_lock:
                if self._watermarks is not None:
                    self._watermarks.close()
                    self._watermarks = None


class KafkaConsumer(base.Consumer):
    """One member of a Kafka consumer group; offsets move only on `commit`."""

    def __init__(self, bus: KafkaBus, config: dict[str, Any], topics: list[str], *,
                 from_beginning: bool) -> None:
        self._bus = bus
        self._consumer = consumer = Consumer({**config, "on_commit": self._committed})
        self._topics = topics
        self._from_beginning = from_beginning
        self._positions: dict[tuple[str, int], int] = {}  # next offset after records handed out
        self._deferred_since: float | None = None  # first commit put off by a broker restart
        self._in_flight = 0  # asynchronous commits not answered yet
        self._failure: BusError | None = None  # a commit the broker refused for good
        consumer.subscribe(topics, on_assign=self._on_assign, on_revoke=self._on_revoke,
                           on_lost=self._on_revoke)

    def _on_assign(self, consumer: Consumer, partitions: list[TopicPartition]) -> None:
        logger.debug("assigned %s", [(p.topic, p.partition) for p in partitions])

    def _on_revoke(self, consumer: Consumer, partitions: list[TopicPartition]) -> None:
        # Nothing to commit here: records handed out but not committed may not be stored yet,
        # and committing them would skip them. The next owner re-reads from the last commit
        # and the stores' idempotent writes absorb the repeat.
        for p in partitions:
            self._positions.pop((p.topic, p.partition), None)
        logger.debug("revoked %s", [(p.topic, p.partition) for p in partitions])

    def poll(self, *, max_records: int = 500, timeout_s: float = 1.0) -> list[Record]:
        """Return up to `max_records` records, waiting at most `timeout_s` for the first."""
        try:
            # Drain what librdkafka already prefetched, then wait only if there was nothing.
            raw = self._consumer.consume(max_records, timeout=0)
            if not raw and timeout_s > 0:
                first = self._consumer.poll(timeout_s)
                if first is not None:
                    raw = [first, *self._consumer.consume(max_records - 1, timeout=0)] \
                        if max_records > 1 else [first]
        except KafkaException as exc:
            raise BusError(f"kafka consume failed: {exc}") from None
        return [r for m in raw if (r := self._record(m)) is not None]

    def _record(self, message: Message) -> Record | None:
        error = message.error()
        if error is not None:
            if error.fatal():
                raise BusError(f"kafka consumer failed: {error.str()}")
            if error.code() != KafkaError._PARTITION_EOF:
                logger.warning("kafka consumer: %s", error.str())
            return None
        topic, partition, offset = message.topic(), message.partition(), message.offset()
        assert topic is not None and partition is not None and offset is not None
        self._positions[(topic, partition)] = offset + 1
        key = message.key()
        raw = message.headers() or []
        pairs = raw.items() if isinstance(raw, dict) else raw
        headers = {k: v.decode("utf-8", "replace") if isinstance(v, bytes) else (v or "")
                   for k, v in pairs}
        value = message.value()
        return Record(topic, partition, offset,
                      key.decode("utf-8", "replace") if isinstance(key, bytes) else key,
                      value if isinstance(value, bytes) else b"", headers)

    def commit(self) -> None:
        """Commit the positions of every record `poll` has returned so far, asynchronously.

        A synchronous commit can block with no timeout while the group coordinator is away (a
        broker restart; confluent-kafka-python issue #1801), which stops the worker for good.
        An asynchronous one returns at once; its answer is served by the next poll. A commit
        that fails only means those records are read again after a restart, and the stores
        absorb the repeat, so at-least-once holds either way.

        Raises:
            BusError: the broker refused a commit for a reason other than a rebalance or a
                missing coordinator, or the coordinator has been away for `_COMMIT_DEFER_S`.
        """
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure
        if not self._positions:
            return
        offsets = [TopicPartition(t, p, off) for (t, p), off in self._positions.items()]
        try:
            self._consumer.commit(offsets=offsets, asynchronous=True)
        except KafkaException as exc:
            error = exc.args[0] if exc.args else None
            self._failed(error if isinstance(error, KafkaError) else None, offsets, str(exc))
            if self._failure is not None:
                failure, self._failure = self._failure, None
                raise failure from None
            return
        self._in_flight += 1
        self._positions.clear()

    def _committed(self, error: KafkaError | None, partitions: list[TopicPartition]) -> None:
        """The answer to an asynchronous commit (served on the polling thread)."""
        self._in_flight = max(self._in_flight - 1, 0)
        failed = [tp for tp in partitions if tp.error is not None]
        if error is None and failed:
            error = failed[0].error
        if error is None:
            self._deferred_since = None
            return
        self._failed(error, failed or partitions, error.str())

    def _failed(self, error: KafkaError | None, offsets: list[TopicPartition], what: str) -> None:
        if error is not None and error.code() in _LOST_OWNERSHIP:
            # The partitions moved to another member, which re-reads them from the last
            # commit: at-least-once still holds, so this is not an error for the caller.
            logger.warning("commit skipped, partitions were reassigned: %s", what)
            return
        coordinator_gone = error is not None and (
            error.retriable() or error.code() in _COORDINATOR_GONE)
        now = time.monotonic()
        if not coordinator_gone or now - (self._deferred_since or now) > _COMMIT_DEFER_S:
            self._failure = BusError(f"kafka commit failed: {what}")
            return
        # A restarting broker has no group coordinator for a few seconds: the next commit
        # carries these offsets again (unless newer ones for the partition came since).
        self._deferred_since = self._deferred_since or now
        for tp in offsets:
            self._positions.setdefault((tp.topic, tp.partition), tp.offset)
        logger.warning("commit deferred to the next poll: %s", what)

    def lag(self) -> int:
        """Records in the subscribed topics not yet handed out to this group (best effort).

        Partitions this member holds count from its own position; the others (not yet assigned,
        or held by another member) count from the group's committed offset.
        """
        partitions = self._bus.topic_partitions(self._topics)
        marks = self._bus.watermarks(partitions)
        low = {key: first for key, (first, _) in marks.items()}
        high = {key: end for key, (_, end) in marks.items()}
        try:
            committed = {(tp.topic, tp.partition): tp.offset
                         for tp in self._consumer.committed(partitions, timeout=10)}
            assigned = list(self._consumer.assignment())
            positions = {(tp.topic, tp.partition): tp.offset
                         for tp in (self._consumer.position(assigned) if assigned else [])}
        except KafkaException as exc:
            raise BusError(f"kafka lag query failed: {exc}") from None
        total = 0
        for key, end in high.items():
            position = self._positions.get(key, positions.get(key, OFFSET_INVALID))
            if position < 0:
                position = committed.get(key, OFFSET_INVALID)
            if position < 0:
                position = low[key] if self._from_beginning else end
            total += max(end - max(position, low[key]), 0)
        return total

    def close(self) -> None:
        """Wait (briefly) for commits in flight, then leave the group; uncommitted records go
        to the next owner."""
        deadline = time.monotonic() + _CLOSE_COMMIT_WAIT_S
        while self._in_flight and time.monotonic() < deadline:
            # Serving callbacks can hand out a record: it is dropped, never committed, so the
            # next owner reads it again.
            self._consumer.poll(0.1)
        self._positions.clear()
        self._consumer.close()
