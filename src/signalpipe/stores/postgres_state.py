"""PostgreSQL side of the live-source state (see `state.py`): retraction of edited or deleted
messages from the events they supported, and the alert ledger (its own table, created
idempotently beside the versioned schema)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from signalpipe.event_members import without_messages
from signalpipe.models import SignificantEvent
from signalpipe.stores.state import (
    AlertDelivery,
    AlertLedger,
    EventRetraction,
    without_sources,
)

_ALERTS_DDL = """
CREATE TABLE IF NOT EXISTS alert_deliveries (
  key text PRIMARY KEY, rule text NOT NULL, channel text NOT NULL, body text NOT NULL,
  status text NOT NULL, attempts integer NOT NULL, last_error text NOT NULL,
  next_at double precision NOT NULL, recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
)"""
_DDL_LOCK = 0x5167_A1E7  # an advisory lock id of this module's own
_COLUMNS = "key, rule, channel, body, status, attempts, last_error, next_at"


class PostgresRetractionMixin(EventRetraction, AlertLedger):
    """The host class owns `_transaction`, and the row helpers of `postgres.py`."""

    _transaction: Callable[..., Any]

    def _create_alert_tables(self) -> None:
        def work(cur: Any) -> None:
            # Two processes creating the table at once would collide in the catalog.
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_DDL_LOCK,))
            cur.execute(_ALERTS_DDL)

        self._transaction(work)

    def record_alerts(self, deliveries: Sequence[AlertDelivery]) -> list[AlertDelivery]:
        def work(cur: Any) -> list[AlertDelivery]:
            new = []
            for d in deliveries:
                cur.execute(f"INSERT INTO alert_deliveries ({_COLUMNS}) VALUES "
                            "(%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (key) DO NOTHING",
                            (d.key, d.rule, d.channel, d.body, d.status, d.attempts,
                             d.last_error, d.next_at))
                if cur.rowcount:
                    new.append(d)
            return new

        result: list[AlertDelivery] = self._transaction(work)
        return result

    def due_alerts(self, now: float) -> list[AlertDelivery]:
        return self._select("WHERE status = 'pending' AND next_at <= %s", (now,))

    def update_alert(self, delivery: AlertDelivery) -> None:
        d = delivery
        self._transaction(lambda cur: cur.execute(
            "UPDATE alert_deliveries SET status = %s, attempts = %s, last_error = %s, "
            "next_at = %s WHERE key = %s", (d.status, d.attempts, d.last_error, d.next_at,
                                           d.key)))

    def alerts(self) -> list[AlertDelivery]:
        return self._select("", ())

    def _select(self, where: str, args: tuple[Any, ...]) -> list[AlertDelivery]:
        def work(cur: Any) -> list[tuple[Any, ...]]:
            cur.execute(f"SELECT {_COLUMNS} FROM alert_deliveries {where} "
                        "ORDER BY recorded_at, key", args)
            return list(cur.fetchall())

        return [AlertDelivery(*r) for r in self._transaction(work)]

    def retract_messages(self, message_ids: Sequence[str]) -> tuple[int, int]:
        ids = sorted(set(message_ids))
        if not ids:
            return 0, 0
        result: tuple[int, int] = self._transaction(lambda cur: _retract(cur, ids))
        return result


def _retract(cur: Any, ids: list[str]) -> tuple[int, int]:
    from signalpipe.stores.postgres import _EVENT_DOC, _UPDATE_EVENT, _UPDATE_MEMBERS, _update_row

    # `?|`: does the jsonb array hold any of these strings (served by a scan of the company's
    # events at this scale; a GIN index would serve it at a larger one).
    cur.execute(f"SELECT fingerprint, {_EVENT_DOC}, members_text FROM significant_events "
                "WHERE source_message_ids ?| %s FOR UPDATE", (ids,))
    gone = set(ids)
    revised = deleted = 0
    for fingerprint, doc, members in cur.fetchall():
        event = SignificantEvent.model_validate_json(doc)
        kept = without_sources(event, gone)
        if kept is None:
            deleted += 1
            cur.execute("DELETE FROM significant_events WHERE fingerprint = %s", (fingerprint,))
        elif kept != event:
            revised += 1
            cur.execute(_UPDATE_EVENT, _update_row(kept))
            # its members lose the retracted mentions too (event_members.py)
            cur.execute(_UPDATE_MEMBERS, (without_messages(members, gone), fingerprint))
    return revised, deleted
