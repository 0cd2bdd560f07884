"""The bus seam: produce keyed records to topics, consume them in a group, commit explicitly."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, Self

from signalpipe.settings import Settings


@dataclass(frozen=True, slots=True)
class Record:
    """One record as a consumer sees it; `offset` is per (topic, partition)."""

    topic: str
    partition: int
    offset: int
    key: str | None
    value: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    decoded: object = None
    """What `value` was serialized from, when an in-process bus kept it (else None)."""

    @property
    def origin(self) -> str:
        return f"{self.topic}[{self.partition}]@{self.offset}"


class Consumer(Protocol):
    """A member of a consumer group. Offsets move only on `commit` (at-least-once)."""

    def poll(self, *, max_records: int = 500, timeout_s: float = 1.0) -> list[Record]:
        """Return up to `max_records` records, waiting at most `timeout_s` for the first."""
        ...

    def commit(self) -> None:
        """Commit the offsets of every record returned by `poll` so far."""
        ...

    def lag(self) -> int:
        """Records in the subscribed topics not yet returned to this group (best effort)."""
        ...

    def close(self) -> None: ...


class Bus(Protocol):
    """Keyed topics with partitions, a dead-letter topic and consumer groups."""

    in_process: bool
    """Records wait in this process's memory (so producing must not run ahead of consuming);
    False when a broker holds them."""

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """Build it from the settings (how `backends.py` makes every implementation)."""
        ...

    def ensure_topics(self, topics: Sequence[str]) -> None:
        """Create the topics if missing (idempotent)."""
        ...

    def produce(self, topic: str, key: str | None, value: bytes,
                headers: Mapping[str, str] | None = None, *, decoded: object = None) -> None:
        """Queue one record; it is durable once `flush` returns.

        `decoded` is the (immutable) object `value` was serialized from. An in-process bus may
        hand it to consumers as `Record.decoded`, sparing them the parse; a networked bus
        ignores it.
        """
        ...

    def produce_many(self, records: Iterable[tuple[str, str | None, bytes, object]]) -> None:
        """`produce` each (topic, key, value, decoded), without headers, in order.

        What an ingest hands over a chunk at a time: a bus may simply loop, as here; an
        in-process one takes its lock once for the lot.
        """
        for topic, key, value, decoded in records:
            self.produce(topic, key, value, decoded=decoded)

    def flush(self, timeout_s: float = 30.0) -> None: ...

    def consumer(self, topics: Sequence[str], *, group_id: str,
                 from_beginning: bool = True) -> Consumer: ...

    def delete_topics(self, topics: Sequence[str]) -> None:
        """Remove the topics and everything in them (used by `flush`)."""
        ...

    def close(self) -> None: ...
