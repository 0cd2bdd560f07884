"""The store seams: every raw message (with its extraction status) and every significant event."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from signalpipe.models import BatchUsage, DeadLetter, Message, SignificantEvent


class MessageStore(Protocol):
    """Keeps every raw message once, by id, and whether it has been through extraction."""

    def put_many(self, messages: Sequence[Message]) -> int:
        """Store messages idempotently by id; return how many ids were new."""
        ...

    def mark_extracted(self, message_ids: Sequence[str]) -> None:
        """Record that these messages went through extraction (their events are stored)."""
        ...

    def pending(self, company_id: str) -> Iterator[Message]:
        """Messages stored but not yet extracted: what a lost batch buffer is rebuilt from."""
        ...

    def get_many(self, message_ids: Sequence[str]) -> list[Message]: ...

    def count(self) -> int: ...

    def put_dead_letters(self, letters: Sequence[DeadLetter]) -> None: ...

    def dead_letters(self) -> list[DeadLetter]: ...

    def clear(self) -> None: ...

    def close(self) -> None: ...


class EventStore(Protocol):
    """Keeps each real-world event once (unique fingerprint), merging later sightings into it."""

    def upsert_many(self, events: Sequence[SignificantEvent]) -> tuple[int, int]:
        """Insert new events and merge known fingerprints in one transaction.

        Returns (inserted, merged).
        """
        ...

    def list_events(self, company_id: str | None = None) -> list[SignificantEvent]: ...

    def record_usage(self, usage: BatchUsage) -> None: ...

    def usage(self) -> list[BatchUsage]: ...

    def park_batch(self, batch_id: str, message_ids: Sequence[str], reason: str) -> None:
        """Keep a batch that failed extraction so the next run retries it."""
        ...

    def parked(self) -> list[tuple[str, list[str], str]]: ...

    def unpark(self, batch_id: str) -> None: ...

    def clear(self) -> None: ...

    def close(self) -> None: ...
