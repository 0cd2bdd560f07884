"""SQLite side of the sync state (see `state.py`): the `sync_cursors` and `message_versions`
tables of the message store, and retraction in the event store."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Sequence

from signalpipe.event_members import without_messages
from signalpipe.models import Message, SignificantEvent
from signalpipe.stores import packing
from signalpipe.stores.hashing import content_hash
from signalpipe.stores.state import (
    AlertDelivery,
    AlertLedger,
    Cursor,
    CursorStore,
    EventRetraction,
    VersionStore,
    without_sources,
)

CURSORS_DDL = """
CREATE TABLE IF NOT EXISTS sync_cursors (
  company_id TEXT NOT NULL, source TEXT NOT NULL, scope TEXT NOT NULL, value TEXT NOT NULL,
  updated_at REAL NOT NULL, PRIMARY KEY (company_id, source, scope)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS message_versions (
  id TEXT NOT NULL, content_hash TEXT NOT NULL, superseded_at REAL NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (id, content_hash)
);
"""


class SQLiteCursorsMixin(CursorStore, VersionStore):
    """Cursors in the message store's SQLite file; the host class owns `_db` and `_lock`."""

    _db: sqlite3.Connection
    _lock: threading.Lock

    def _create_cursor_tables(self) -> None:
        self._db.executescript(CURSORS_DDL)

    def get_cursor(self, company_id: str, source: str, scope: str) -> Cursor | None:
        with self._lock:
            row = self._db.execute(
                "SELECT value, updated_at FROM sync_cursors WHERE company_id = ? AND source = ? "
                "AND scope = ?", (company_id, source, scope)).fetchone()
        return None if row is None else Cursor(company_id, source, scope, row[0], row[1])

    def put_cursors(self, cursors: Sequence[Cursor]) -> None:
        now = time.time()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    "INSERT INTO sync_cursors VALUES (?, ?, ?, ?, ?) ON CONFLICT "
                    "(company_id, source, scope) DO UPDATE SET value = excluded.value, "
                    "updated_at = excluded.updated_at",
                    [(c.company_id, c.source, c.scope, c.value, now) for c in cursors])
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def cursors(self, company_id: str, source: str | None = None) -> list[Cursor]:
        query = "SELECT source, scope, value, updated_at FROM sync_cursors WHERE company_id = ?"
        args: tuple[str, ...] = (company_id,)
        if source is not None:
            query += " AND source = ?"
            args = (company_id, source)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY source, scope", args).fetchall()
        return [Cursor(company_id, s, sc, v, u) for s, sc, v, u in rows]

    def delete_cursors(self, company_id: str, source: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM sync_cursors WHERE company_id = ? AND source = ?",
                             (company_id, source))

    def _clear_cursors(self) -> None:
        self._db.execute("DELETE FROM sync_cursors")
        self._db.execute("DELETE FROM message_versions")

    # -- versions ----------------------------------------------------------------------------
    def put_versions(self, messages: Sequence[Message], *, pending: bool = True) -> None:
        now = time.time()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for m in messages:
                    self._replace(m, now, pending)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _replace(self, m: Message, now: float, pending: bool) -> None:
        digest = content_hash(m, m.timestamp.isoformat())
        # The replaced row goes to the archive first; replaying the same version finds its
        # own hash current and changes nothing.
        row = self._db.execute("SELECT doc FROM messages WHERE id = ?", (m.id,)).fetchone()
        if row is not None:
            old = packing.unpack(row[0], m.id)
            old_digest = content_hash(old)
            if old_digest != digest:
                self._db.execute("INSERT INTO message_versions VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT DO NOTHING",
                                 (m.id, old_digest, now, old.model_dump_json()))
        self._db.execute("INSERT INTO messages (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE "
                         "SET doc = excluded.doc", (m.id, packing.pack(m)))
        if pending:
            self._db.execute("INSERT INTO pending (id, company_id) VALUES (?, ?) "
                             "ON CONFLICT(id) DO NOTHING", (m.id, m.company_id))
        else:
            self._db.execute("DELETE FROM pending WHERE id = ?", (m.id,))

    def versions(self, message_id: str) -> list[Message]:
        with self._lock:
            docs = [r[0] for r in self._db.execute(
                "SELECT doc FROM message_versions WHERE id = ? ORDER BY superseded_at, rowid",
                (message_id,))]
        return [Message.model_validate_json(d) for d in docs]


ALERTS_DDL = """
CREATE TABLE IF NOT EXISTS alert_deliveries (
  key TEXT PRIMARY KEY, rule TEXT NOT NULL, channel TEXT NOT NULL, body TEXT NOT NULL,
  status TEXT NOT NULL, attempts INTEGER NOT NULL, last_error TEXT NOT NULL,
  next_at REAL NOT NULL, recorded_at REAL NOT NULL
);
"""
_ALERT_COLUMNS = "key, rule, channel, body, status, attempts, last_error, next_at"


class SQLiteRetractionMixin(EventRetraction, AlertLedger):
    """Retraction and the alert ledger in the SQLite event store; the host class owns `_db`
    and `_lock`."""

    _db: sqlite3.Connection
    _lock: threading.Lock

    def _create_alert_tables(self) -> None:
        self._db.executescript(ALERTS_DDL)

    def record_alerts(self, deliveries: Sequence[AlertDelivery]) -> list[AlertDelivery]:
        new: list[AlertDelivery] = []
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for d in deliveries:
                    cur = self._db.execute(
                        f"INSERT INTO alert_deliveries ({_ALERT_COLUMNS}, recorded_at) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING",
                        (d.key, d.rule, d.channel, d.body, d.status, d.attempts, d.last_error,
                         d.next_at, time.time()))
                    if cur.rowcount:
                        new.append(d)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return new

    def due_alerts(self, now: float) -> list[AlertDelivery]:
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_ALERT_COLUMNS} FROM alert_deliveries WHERE status = 'pending' "
                "AND next_at <= ? ORDER BY recorded_at, key", (now,)).fetchall()
        return [AlertDelivery(*r) for r in rows]

    def update_alert(self, delivery: AlertDelivery) -> None:
        d = delivery
        with self._lock:
            self._db.execute("UPDATE alert_deliveries SET status = ?, attempts = ?, "
                             "last_error = ?, next_at = ? WHERE key = ?",
                             (d.status, d.attempts, d.last_error, d.next_at, d.key))

    def alerts(self) -> list[AlertDelivery]:
        with self._lock:
            rows = self._db.execute(f"SELECT {_ALERT_COLUMNS} FROM alert_deliveries "
                                    "ORDER BY recorded_at, key").fetchall()
        return [AlertDelivery(*r) for r in rows]

    def retract_messages(self, message_ids: Sequence[str]) -> tuple[int, int]:
        gone = set(message_ids)
        if not gone:
            return 0, 0
        revised = deleted = 0
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                # Events name their sources only inside the document: a LIKE on each id narrows
                # the rows parsed to the few that may hold it.
                hits: dict[str, tuple[str, str | None]] = {}
                for message_id in gone:
                    hits.update((fp, (doc, members)) for fp, doc, members in self._db.execute(
                        "SELECT fingerprint, doc, members FROM significant_events WHERE doc "
                        "LIKE ? ESCAPE '\\'", (_like(message_id),)).fetchall())
                for fingerprint, (doc, members) in hits.items():
                    event = SignificantEvent.model_validate_json(doc)
                    kept = without_sources(event, gone)
                    if kept is None:
                        deleted += 1
                        self._db.execute("DELETE FROM significant_events WHERE fingerprint = ?",
                                         (fingerprint,))
                    elif kept != event:
                        revised += 1
                        # its members lose the retracted mentions too (event_members.py)
                        self._db.execute("UPDATE significant_events SET doc = ?, members = ?, "
                                         "updated_at = ? WHERE fingerprint = ?",
                                         (kept.model_dump_json(),
                                          without_messages(members, gone), time.time(),
                                          fingerprint))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return revised, deleted


def _like(message_id: str) -> str:
    """A LIKE pattern for the id as it appears inside a JSON document."""
    quoted = json.dumps(message_id, ensure_ascii=False)[1:-1]
    escaped = quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
