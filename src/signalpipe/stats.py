"""Counters a run keeps for its summary and report."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field


def reason_kind(reason: str) -> str:
    """Group reasons for the summary: 'malformed CSV: x' and 'malformed CSV: y' are one kind."""
    head = reason.split(":", 1)[0]
    return "".join("N" if ch.isdigit() else ch for ch in head)[:80]


@dataclass
class RunStats:
    rows_read: int = 0
    produced: int = 0
    consumed: int = 0
    stored_new: int = 0
    replayed: int = 0
    dead_letters: Counter[str] = field(default_factory=Counter)
    batches: int = 0
    batches_parked: int = 0
    events_inserted: int = 0
    events_merged: int = 0
    events_rejected: Counter[str] = field(default_factory=Counter)
    input_tokens: int = 0
    output_tokens: int = 0
    interrupted_by: int | None = None
    """The signal that stopped the run part-way (SIGINT or SIGTERM), None when it ran to the
    end."""
    started_at: float = field(default_factory=time.perf_counter)
    finished_at: float | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, **deltas: int) -> None:
        with self._lock:
            for name, value in deltas.items():
                setattr(self, name, getattr(self, name) + value)

    def dead(self, reason: str, n: int = 1) -> None:
        with self._lock:
            self.dead_letters[reason_kind(reason)] += n

    def rejected(self, reason: str) -> None:
        with self._lock:
            self.events_rejected[reason_kind(reason)] += 1

    def finish(self) -> None:
        self.finished_at = time.perf_counter()

    @property
    def elapsed_s(self) -> float:
        end = self.finished_at if self.finished_at is not None else time.perf_counter()
        return end - self.started_at

    @property
    def rate(self) -> float:
        """Messages consumed per second of wall time."""
        return self.consumed / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "rows_read": self.rows_read, "produced": self.produced, "consumed": self.consumed,
            "stored_new": self.stored_new, "replayed": self.replayed,
            "dead_lettered": sum(self.dead_letters.values()),
            "dead_letters_by_reason": dict(self.dead_letters), "batches": self.batches,
            "batches_parked": self.batches_parked, "events_inserted": self.events_inserted,
            "events_merged": self.events_merged,
            "events_rejected": dict(self.events_rejected), "input_tokens": self.input_tokens,
            "output_tokens": self.output_tokens, "elapsed_s": round(self.elapsed_s, 3),
            "messages_per_s": round(self.rate, 1),
        }
