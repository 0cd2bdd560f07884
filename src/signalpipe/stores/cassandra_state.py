"""Cassandra side of the sync state (see `state.py`): the `sync_cursors` and
`message_versions` tables.

Cursors: one partition per (company, source): a sync reads and writes a handful of cursors,
and listing a source's cursors is one single-partition read. Versions: one partition per
message id (a message is edited a few times at most).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import Any, TypeVar

from signalpipe.models import Message
from signalpipe.stores import packing
from signalpipe.stores.hashing import content_hash
from signalpipe.stores.state import Cursor, CursorStore, VersionStore

T = TypeVar("T")

CURSOR_TABLES = {
    "sync_cursors": """CREATE TABLE IF NOT EXISTS {ks}.sync_cursors (
        company_id text, source text, scope text, value text, updated_at timestamp,
        PRIMARY KEY ((company_id, source), scope))""",
    "message_versions": """CREATE TABLE IF NOT EXISTS {ks}.message_versions (
        id text, content_hash text, superseded_at timestamp, doc text,
        PRIMARY KEY ((id), content_hash))""",
}

_SOURCES = ("slack", "gmail")


class CassandraCursorsMixin(CursorStore, VersionStore):
    """Cursors and versions in the message store's keyspace; the host class owns the session,
    retries, and the message rows (`_by_bucket`, `_row`, `_by_id_rows`, `_concurrent`)."""

    keyspace: str
    _session: Any
    _retry: Callable[..., Any]
    _by_bucket: Callable[..., list[tuple[Any, ...]]]
    _row: Callable[..., Any]
    _by_id_rows: Callable[..., tuple[Any, Any]]
    _concurrent: Callable[..., Any]
    mark_extracted: Callable[..., None]

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


    # -- versions ----------------------------------------------------------------------------
    def put_versions(self, messages: Sequence[Message], *, pending: bool = True) -> None:
        from signalpipe.stores.cassandra import _pack  # the host module imports this one

        if not messages:
            return
        # the "doc" read gives (id, packed, legacy JSON doc): the packed copy, or an old row's
        before = {r[0]: packing.unpack(r[1] or r[2], r[0])
                  for r in self._by_bucket("doc", [m.id for m in messages])}
        now = datetime.now(UTC)
        archive = f"INSERT INTO {self.keyspace}.message_versions (id, content_hash, " \
                  "superseded_at, doc) VALUES (%s, %s, %s, %s) IF NOT EXISTS"
        rows, by_id = [], []
        for m in messages:
            digest = content_hash(m)
            old = before.get(m.id)
            if old is not None and (old_hash := content_hash(old)) != digest:
                # Archived before the new version lands: a crash in between replays both.
                self._retry("archive version", partial(self._session.execute, archive,
                                                       (m.id, old_hash, now,
                                                        old.model_dump_json())))
            rows.append(self._row(m))
            doc_row, marker = self._by_id_rows(m, packing.pack(m))
            by_id.extend([doc_row, marker] if pending else [doc_row])
        self._concurrent("write", _pack(rows))
        self._concurrent("write", _pack(by_id))
        if not pending:
            self.mark_extracted([m.id for m in messages])

    def versions(self, message_id: str) -> list[Message]:
        rows = self._cql("SELECT superseded_at, doc FROM {ks}.message_versions WHERE id = %s",
                         (message_id,))
        return [Message.model_validate_json(doc) for _at, doc in sorted(rows)]


def _seconds(ts: datetime | None) -> float:
    if ts is None:
        return 0.0
    return (ts if ts.tzinfo else ts.replace(tzinfo=UTC)).timestamp()
