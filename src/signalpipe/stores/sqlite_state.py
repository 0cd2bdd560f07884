"""SQLite side of the sync state (see `state.py`): the `sync_cursors` table."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Sequence

from signalpipe.stores.state import Cursor, CursorStore

CURSORS_DDL = """
CREATE TABLE IF NOT EXISTS sync_cursors (
  company_id TEXT NOT NULL, source TEXT NOT NULL, scope TEXT NOT NULL, value TEXT NOT NULL,
  updated_at REAL NOT NULL, PRIMARY KEY (company_id, source, scope)
) WITHOUT ROWID;
"""


class SQLiteCursorsMixin(CursorStore):
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
