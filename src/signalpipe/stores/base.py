"""The store seams: every raw message (with its extraction status) and every significant event."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, Self

from signalpipe.event_members import EventMember, Grouping
from signalpipe.history import UpdateRecord
from signalpipe.kpis import KpiObservation
from signalpipe.models import BatchUsage, DeadLetter, Message, SignificantEvent
from signalpipe.review import ReviewLedger
from signalpipe.settings import Settings
from signalpipe.stores.state import AlertLedger, CursorStore, EventRetraction, VersionStore


@dataclass
class PutResult:
    """What storing a chunk of messages found."""

    to_batch: list[Message] = field(default_factory=list)
    """New messages, and ones stored earlier but never extracted (a replay after a crash)."""
    already_done: int = 0
    """Stored and extracted before: a replay that needs no work."""
    conflicts: list[Message] = field(default_factory=list)
    """Same id as a stored message but different content; the stored one wins."""

    def sort(self, message: Message, digest: str,
             known: dict[str, tuple[str, bool]]) -> bool:
        """File `message` against what is stored under its id (`known`: id -> (content hash,
        extracted)); True when it is new and the caller must write it. `known` learns it, so
        a second copy in the same call counts as a replay, not as new."""
        seen = known.get(message.id)
        if seen is None:
            known[message.id] = (digest, False)
            self.to_batch.append(message)
            return True
        if seen[0] != digest:
            self.conflicts.append(message)
        elif seen[1]:
            self.already_done += 1
        else:
            self.to_batch.append(message)
        return False


class MessageStore(CursorStore, VersionStore, Protocol):
    """Keeps every raw message once, by id, and whether it has been through extraction; and,
    beside them, the live syncs' cursors (`stores/state.py`)."""

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """Build it from the settings (how `backends.py` makes every implementation)."""
        ...

    def put_many(self, messages: Sequence[Message],
                 docs: Sequence[bytes] | None = None) -> PutResult:
        """Store messages idempotently by id and say which still need extraction.

        `docs`, when given, holds each message's JSON as it came off the bus, stored as it is
        instead of serializing the message a second time.
        """
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


class EventStore(EventRetraction, AlertLedger, ReviewLedger, Protocol):
    """Keeps each real-world event once (unique fingerprint), merging later sightings into it;
    an edited or deleted message is retracted from its events (`stores/state.py`); beside the
    events, the append-only log of what reviewers decided about them (`review.py`)."""

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """Build it from the settings (how `backends.py` makes every implementation)."""
        ...

    def upsert_many(self, events: Sequence[SignificantEvent], *,
                    moved: Mapping[str, str] | None = None,
                    members: Mapping[str, Sequence[EventMember]] | None = None
                    ) -> tuple[int, int]:
        """Insert new events and merge known fingerprints in one transaction.

        `moved` (old fingerprint -> new) first folds each stored old row into the new one (a
        rename when there is none), keeping the earlier creation time and both rows' members:
        dedup joined two groups (`extract/dedup.py`). A move whose old row is gone does
        nothing, so a retried write is idempotent. `members` (fingerprint of an event written
        -> mentions it was grouped from) are added to that row's members, one per shape, so a
        later worker rebuilds the same groups (`event_members.py`). Returns (inserted,
        merged), moves and members not counted.
        """
        ...

    def event_members(self, company_id: str) -> dict[str, list[EventMember]]:
        """Each of the company's rows that keeps members -> its members (rows written before
        members were kept, or by an extractor without dedup, are left out)."""
        ...

    def upsert_grouped(self, company_id: str, since: int,
                       group: Callable[[dict[str, list[EventMember]]], Grouping]
                       ) -> tuple[int, int, int]:
        """One dedup write that no other grouped write of the company interleaves with.

        In one transaction, exclusive per company across processes: the company's rows whose
        members were written after the stamp `since` (fingerprint -> all its members: what
        other workers stored meanwhile) go to `group`, which says what to write (events,
        moves, members, as for `upsert_many`). So a worker groups every mention against every
        stored one, whichever worker stored it: the groups are those of one worker that saw
        everything. `group` may be called again when the transaction is retried. Returns
        (inserted, merged, the stamp to pass as `since` next: this write's own rows included).
        """
        ...

    def list_events(self, company_id: str | None = None) -> list[SignificantEvent]: ...

    def iter_events(self, company_id: str, page: int = 1000) -> Iterator[SignificantEvent]:
        """The company's events a page at a time (by fingerprint), without their evidence
        spans (one per mention: thousands on a much-repeated event, and no reader of this
        needs them): what reads every event holds one page, not all of them."""
        ...

    def record_usage(self, usages: Sequence[BatchUsage]) -> None:
        """Keep what extraction calls cost; a retried batch replaces its earlier record."""
        ...

    def usage(self) -> list[BatchUsage]: ...

    def iter_usage(self, page: int = 1000) -> Iterator[BatchUsage]:
        """Every recorded extraction call, a page at a time (by batch id)."""
        ...

    def park_batch(self, batch_id: str, message_ids: Sequence[str], reason: str) -> None:
        """Keep a batch that failed extraction so the next run retries it."""
        ...

    def parked(self) -> list[tuple[str, list[str], str]]: ...

    def unpark(self, batch_id: str) -> None: ...

    def put_kpis(self, rows: Sequence[KpiObservation]) -> None:
        """Add KPI observations; the same figure on the same day again merges its sources."""
        ...

    def kpi_observations(self, company_id: str) -> list[KpiObservation]:
        """Every observation of the company, oldest day first."""
        ...

    def record_update(self, record: UpdateRecord) -> None:
        """Remember an update that was written (or sent)."""
        ...

    def updates(self, company_id: str) -> list[UpdateRecord]:
        """Updates written for the company, oldest first."""
        ...

    def clear(self) -> None: ...

    def close(self) -> None: ...
