"""An in-process bus with Kafka's semantics: partitions, consumer groups, explicit commits.

Records below every group's committed offset are dropped, so a producer that stays a few chunks
ahead of its consumer keeps memory flat however long the input is.
"""

from __future__ import annotations

import threading
import zlib
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Self

from signalpipe.bus.base import Bus, Consumer, Record
from signalpipe.settings import Settings

_NO_HEADERS: Mapping[str, str] = MappingProxyType({})


class _Partition:
    __slots__ = ("base", "records")

    def __init__(self) -> None:
        self.base = 0  # offset of records[0]
        self.records: deque[Record] = deque()

    @property
    def end(self) -> int:
        return self.base + len(self.records)


class MemoryBus(Bus):
    """Topics held in memory for one process; thread-safe."""

    in_process = True

    def __init__(self, *, partitions: int = 1) -> None:
        self.partitions = partitions
        self._topics: dict[str, list[_Partition]] = {}
        self._committed: dict[tuple[str, str, int], int] = {}  # (group, topic, partition) -> next
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._waiting = 0  # consumers blocked in poll: without any, produce skips the notify

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        return cls()

    def ensure_topics(self, topics: Sequence[str]) -> None:
        with self._lock:
            for topic in topics:
                self._topics.setdefault(topic, [_Partition() for _ in range(self.partitions)])

    def produce(self, topic: str, key: str | None, value: bytes,
                headers: Mapping[str, str] | None = None, *, decoded: object = None) -> None:
        """Append one record; `decoded` rides along so the consumer need not parse `value`."""
        with self._lock:  # the condition's own lock, taken without its Python-level wrapper
            self._append(topic, key, value, dict(headers) if headers else _NO_HEADERS, decoded)
            if self._waiting:
                self._arrived.notify_all()

    def produce_many(self, records: Iterable[tuple[str, str | None, bytes, object]]) -> None:
        """Append the records under one lock (taking it and calling `produce` per record was
        about a tenth of the ingest loop)."""
        with self._lock:
            for topic, key, value, decoded in records:
                self._append(topic, key, value, _NO_HEADERS, decoded)
            if self._waiting:
                self._arrived.notify_all()

    def _append(self, topic: str, key: str | None, value: bytes, headers: Mapping[str, str],
                decoded: object) -> None:
        """One record onto its key's partition; the caller holds the lock."""
        parts = self._topics.get(topic)
        if parts is None:
            parts = self._topics[topic] = [_Partition() for _ in range(self.partitions)]
        index = zlib.crc32(key.encode()) % len(parts) if key is not None and len(parts) > 1 else 0
        part = parts[index]
        part.records.append(Record(topic, index, part.end, key, value, headers, decoded))

    def flush(self, timeout_s: float = 30.0) -> None:
        """Nothing to do: a produced record is visible at once."""

    def consumer(self, topics: Sequence[str], *, group_id: str,
                 from_beginning: bool = True) -> MemoryConsumer:
        self.ensure_topics(topics)
        return MemoryConsumer(self, list(topics), group_id)

    def delete_topics(self, topics: Sequence[str]) -> None:
        with self._lock:
            for topic in topics:
                self._topics.pop(topic, None)
            self._committed = {k: v for k, v in self._committed.items() if k[1] not in topics}

    def topic_records(self, topic: str) -> list[Record]:
        """Every record still held for `topic` (for tests and the dead-letter report)."""
        with self._lock:
            return [r for p in self._topics.get(topic, []) for r in p.records]

    def close(self) -> None:
        """Nothing to release."""

    # -- used by MemoryConsumer -------------------------------------------------------------
    def _fetch(self, group: str, topics: list[str], positions: dict[tuple[str, int], int],
               max_records: int, timeout_s: float) -> list[Record]:
        with self._arrived:
            out = self._collect(group, topics, positions, max_records)
            if not out and timeout_s > 0:
                self._waiting += 1
                try:
                    self._arrived.wait(timeout_s)
                finally:
                    self._waiting -= 1
                out = self._collect(group, topics, positions, max_records)
            return out

    def _collect(self, group: str, topics: list[str], positions: dict[tuple[str, int], int],
                 max_records: int) -> list[Record]:
        out: list[Record] = []
        for topic in topics:
            for index, part in enumerate(self._topics.get(topic, [])):
                pos = positions.get((topic, index))
                if pos is None:
                    pos = self._committed.get((group, topic, index), part.base)
                start = max(pos - part.base, 0)
                take = min(len(part.records) - start, max_records - len(out))
                if take > 0:
                    out.extend(part.records[start + i] for i in range(take))
                    pos = part.base + start + take
                positions[(topic, index)] = pos
                if len(out) >= max_records:
                    return out
        return out

    def _commit(self, group: str, positions: dict[tuple[str, int], int]) -> None:
        with self._lock:
            for (topic, index), pos in positions.items():
                self._committed[(group, topic, index)] = pos
                self._trim(topic, index)

    def _trim(self, topic: str, index: int) -> None:
        groups = [v for (g, t, i), v in self._committed.items() if t == topic and i == index]
        part = self._topics[topic][index]
        floor = min(groups) if groups else part.base
        while part.records and part.base < floor:
            part.records.popleft()
            part.base += 1

    def _lag(self, group: str, topics: list[str], positions: dict[tuple[str, int], int]) -> int:
        with self._lock:
            total = 0
            for topic in topics:
                for index, part in enumerate(self._topics.get(topic, [])):
                    pos = positions.get((topic, index),
                                        self._committed.get((group, topic, index), part.base))
                    total += part.end - pos
            return total


class MemoryConsumer(Consumer):
    """One member of a group; several members of one group would each see every record, so the
    in-process stack runs exactly one consumer per group."""

    def __init__(self, bus: MemoryBus, topics: list[str], group_id: str) -> None:
        self._bus = bus
        self._topics = topics
        self._group = group_id
        self._positions: dict[tuple[str, int], int] = {}

    def poll(self, *, max_records: int = 500, timeout_s: float = 1.0) -> list[Record]:
        return self._bus._fetch(self._group, self._topics, self._positions, max_records,
                                timeout_s)

    def commit(self) -> None:
        self._bus._commit(self._group, dict(self._positions))

    def lag(self) -> int:
        return self._bus._lag(self._group, self._topics, self._positions)

    def close(self) -> None:
        self._positions.clear()
