"""Sync state kept beside the messages: cursors per source and scope (issue 15).

A live sync (`signalpipe sync slack|gmail`) remembers how far it read each channel or label as
a cursor in the message store's own database, so the state lives and dies with the data it
describes (a flushed store re-syncs from the start; a restored one resumes where it was). The
sync writes a cursor only after the messages it covers are acknowledged on the bus, so a kill at
any point replays at most one page, which the idempotent message store absorbs.

Edits and deletions seen by a later sync are new *versions* of a stored message: the store
keeps the superseded documents (`VersionStore`), and the event store takes the message out of
the events it supported (`EventRetraction`) before the new version is extracted again.

This module holds only the seams (and the retraction rule both event stores share);
`sqlite_state.py`, `cassandra_state.py` and `postgres_state.py` implement them as mixins of the
stores, in tables of their own (kept apart from the message and event tables so the two evolve
independently).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from signalpipe.models import Message, SignificantEvent


@dataclass(frozen=True, slots=True)
class Cursor:
    """How far one sync read one scope (a Slack channel, a Gmail label or history)."""

    company_id: str
    source: str
    """`slack` or `gmail`."""
    scope: str
    """A channel id, `history` (Gmail's historyId), or another name the sync chooses."""
    value: str
    """Opaque to the store: a Slack `ts`, a Gmail historyId, a page token."""
    updated_at: float = 0.0
    """Unix seconds of the last write (filled in by the store)."""


class CursorStore(Protocol):
    """Reads and writes sync cursors; every write is an upsert by (company, source, scope)."""

    def get_cursor(self, company_id: str, source: str, scope: str) -> Cursor | None:
        """The stored cursor, or None before the first sync of that scope."""
        ...

    def put_cursors(self, cursors: Sequence[Cursor]) -> None:
        """Upsert cursors (the caller writes them only after the bus acknowledged the data)."""
        ...

    def cursors(self, company_id: str, source: str | None = None) -> list[Cursor]:
        """Every cursor of a company (of one source when given), ordered by source, scope."""
        ...

    def delete_cursors(self, company_id: str, source: str) -> None:
        """Forget a source's cursors (the next sync reads it from the start)."""
        ...


class VersionStore(Protocol):
    """Replaces stored messages by newer versions, keeping the superseded documents."""

    def put_versions(self, messages: Sequence[Message], *, pending: bool = True) -> None:
        """Make each message the current version of its id (idempotent), archiving the one it
        replaces; `pending`: it still needs extraction (False for a deletion's tombstone)."""
        ...

    def versions(self, message_id: str) -> list[Message]:
        """The superseded versions of a message, oldest first."""
        ...


class EventRetraction(Protocol):
    """Takes messages out of the events they supported (their edit or deletion)."""

    def retract_messages(self, message_ids: Sequence[str]) -> tuple[int, int]:
        """Remove the ids from every event's sources and evidence; an event left with no
        source is deleted. Returns (revised, deleted). Idempotent."""
        ...


@dataclass(frozen=True, slots=True)
class AlertDelivery:
    """One alert to one channel, recorded once by `key` (rule, what it fired for, channel)."""

    key: str
    rule: str
    channel: str
    body: str
    """The alert as JSON: what every delivery attempt sends."""
    status: str = "pending"
    """pending, delivered or dead."""
    attempts: int = 0
    last_error: str = ""
    next_at: float = 0.0
    """Unix seconds before which the next attempt must not be made (backoff)."""


class AlertLedger(Protocol):
    """The alerts that fired and what became of each delivery (in the event store)."""

    def record_alerts(self, deliveries: Sequence[AlertDelivery]) -> list[AlertDelivery]:
        """Insert deliveries not yet known by key; returns the ones that were new."""
        ...

    def due_alerts(self, now: float) -> list[AlertDelivery]:
        """Pending deliveries whose backoff has passed."""
        ...

    def update_alert(self, delivery: AlertDelivery) -> None:
        """Store a delivery's new status, attempts, error and next attempt time."""
        ...

    def alerts(self) -> list[AlertDelivery]:
        """Every delivery, in the order recorded."""
        ...


def without_sources(event: SignificantEvent, gone: set[str]) -> SignificantEvent | None:
    """`event` with the messages in `gone` taken out, None when nothing supports it any more."""
    ids = [i for i in event.source_message_ids if i not in gone]
    if not ids:
        return None
    spans = [s for s in event.evidence_spans if s.message_id not in gone]
    return event.model_copy(update={"source_message_ids": ids, "evidence_spans": spans})
