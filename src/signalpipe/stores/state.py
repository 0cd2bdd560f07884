"""Sync state kept beside the messages: cursors per source and scope (issue 15).

A live sync (`signalpipe sync slack|gmail`) remembers how far it read each channel or label as
a cursor in the message store's own database, so the state lives and dies with the data it
describes (a flushed store re-syncs from the start; a restored one resumes where it was). The
sync writes a cursor only after the messages it covers are acknowledged on the bus, so a kill at
any point replays at most one page, which the idempotent message store absorbs.

This module holds only the seam; `sqlite_state.py` and `cassandra_state.py` implement it as
mixins of the message stores, in tables of their own (kept apart from the message tables so
the two evolve independently).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


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
