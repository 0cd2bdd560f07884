"""An in-memory batcher for the embedded stack: per (company, source) buffers, count + age."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from typing import Self

from signalpipe.batching.base import Batcher
from signalpipe.batching.keys import make_batch
from signalpipe.models import Batch, Message
from signalpipe.settings import Settings


class _Buffer:
    __slots__ = ("first_at", "messages")

    def __init__(self) -> None:
        self.messages: dict[str, Message] = {}
        self.first_at = 0.0


class MemoryBatcher(Batcher):
    """Buffers messages until `trigger_count` are waiting or the oldest is `max_age_s` old."""

    def __init__(self, *, trigger_count: int = 200, batch_size: int = 100,
                 max_age_s: float = 30.0) -> None:
        self.trigger_count = trigger_count
        self.batch_size = batch_size
        self.max_age_s = max_age_s
        self._buffers: dict[tuple[str, str], _Buffer] = {}
        self._in_flight: dict[str, Batch] = {}
        self._in_flight_ids: set[str] = set()
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        b = settings.batching
        return cls(trigger_count=b.trigger_count, batch_size=b.batch_size, max_age_s=b.max_age_s)

    def add(self, messages: Sequence[Message], docs: Sequence[bytes] | None = None) -> int:
        added = 0
        now = time.monotonic()
        with self._lock:
            for message in messages:
                if message.id in self._in_flight_ids:
                    continue
                key = (message.company_id, str(message.source))
                buf = self._buffers.get(key)
                if buf is None:  # not setdefault: that built a spare _Buffer per message
                    buf = self._buffers[key] = _Buffer()
                if message.id in buf.messages:
                    continue
                if not buf.messages:
                    buf.first_at = now
                buf.messages[message.id] = message
                added += 1
        return added

    def take_ready(self, *, now_s: float | None = None, force: bool = False) -> list[Batch]:
        now = time.monotonic() if now_s is None else now_s
        batches: list[Batch] = []
        with self._lock:
            for buf in self._buffers.values():
                if not buf.messages:
                    continue
                aged = now - buf.first_at >= self.max_age_s
                if force or aged or len(buf.messages) >= self.trigger_count:
                    batches.extend(self._drain(buf))
        return batches

    def _drain(self, buf: _Buffer) -> list[Batch]:
        items = list(buf.messages.values())
        buf.messages.clear()
        out = []
        for start in range(0, len(items), self.batch_size):
            batch = make_batch(items[start:start + self.batch_size])
            self._in_flight[batch.id] = batch
            self._in_flight_ids.update(batch.message_ids)
            out.append(batch)
        return out

    def ack(self, *batches: Batch) -> None:
        with self._lock:
            for batch in batches:
                if self._in_flight.pop(batch.id, None) is not None:
                    self._in_flight_ids.difference_update(batch.message_ids)

    def release(self, batch: Batch) -> None:
        """Forget the lease; the messages stay pending in the message store for the next run."""
        self.ack(batch)

    def pending_count(self) -> int:
        with self._lock:
            return sum(len(b.messages) for b in self._buffers.values())

    def clear(self) -> None:
        with self._lock:
            self._buffers.clear()
            self._in_flight.clear()
            self._in_flight_ids.clear()

    def close(self) -> None:
        """Nothing to release."""
