"""Cassandra side of the sync state (see `state.py`): the `sync_cursors` table.

One partition per (company, source): a sync reads and writes a handful of cursors, and listing
a source's cursors is one single-partition read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import Any, TypeVar

from signalpipe.stores.state import Cursor, CursorStore

T = TypeVar("T")

CURSOR_TABLES = {
    "sync_cursors": """CREATE TABLE IF NOT EXISTS {ks}.sync_cursors (
        company_id text, source text, scope text, value text, updated_at timestamp,
        PRIMARY KEY ((company_id, source), scope))""",
}

_SOURCES = ("slack", "gmail")


class CassandraCursorsMixin(CursorStore):
    """Cursors in the message store's keyspace; the host class owns the session and retries."""

    keyspace: str
    _session: Any
    _retry: Callable[..., Any]

    def _create_cursor_tables(self) -> None:
        for name, ddl in CURSOR_TABLES.items():
            self._retry(f"create table {name}",
                        partial(self._session.execute, ddl.format(ks=self.keyspace)))

    def _cql(self, statement: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        query = statement.format(ks=self.keyspace)
        return list(self._retry("sync cursors", lambda: list(self._session.execute(query,
                                                                                   args))))

    def get_cursor(self, company_id: str, source: str, scope: str) -> Cursor | None:
        rows = self._cql("SELECT value, updated_at FROM {ks}.sync_cursors WHERE company_id = %s"
                         " AND source = %s AND scope = %s", (company_id, source, scope))
        if not rows:
            return None
        return Cursor(company_id, source, scope, rows[0][0], _seconds(rows[0][1]))

    def put_cursors(self, cursors: Sequence[Cursor]) -> None:
        now = datetime.now(UTC)
        for c in cursors:  # a handful per page: no batching needed
            self._cql("INSERT INTO {ks}.sync_cursors (company_id, source, scope, value, "
                      "updated_at) VALUES (%s, %s, %s, %s, %s)",
                      (c.company_id, c.source, c.scope, c.value, now))

    def cursors(self, company_id: str, source: str | None = None) -> list[Cursor]:
        out: list[Cursor] = []
        for s in (source,) if source is not None else _SOURCES:
            rows = self._cql("SELECT scope, value, updated_at FROM {ks}.sync_cursors WHERE "
                             "company_id = %s AND source = %s", (company_id, s))
            out.extend(Cursor(company_id, s, sc, v, _seconds(u)) for sc, v, u in rows)
        return sorted(out, key=lambda c: (c.source, c.scope))

    def delete_cursors(self, company_id: str, source: str) -> None:
        self._cql("DELETE FROM {ks}.sync_cursors WHERE company_id = %s AND source = %s",
                  (company_id, source))


def _seconds(ts: datetime | None) -> float:
    if ts is None:
        return 0.0
    return (ts if ts.tzinfo else ts.replace(tzinfo=UTC)).timestamp()
