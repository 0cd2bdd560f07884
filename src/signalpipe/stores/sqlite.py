"""SQLite message and event stores: one file under the output folder, no server.

WAL mode lets the report read while the pipeline writes; every write path is idempotent so a
re-run over the same input leaves the file as one run does.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Self

from signalpipe.errors import StoreError
from signalpipe.event_members import (
    EventMember,
    Grouping,
    dump_members,
    fold_members,
    load_members,
    merge_members,
)
from signalpipe.history import UpdateRecord
from signalpipe.kpis import KpiObservation, merge, observations
from signalpipe.models import BatchUsage, DeadLetter, Message, SignificantEvent
from signalpipe.settings import Settings
from signalpipe.stores import packing, sqlite_rekey
from signalpipe.stores.base import EventStore, MessageStore, PutResult
from signalpipe.stores.hashing import content_hash
from signalpipe.stores.sqlite_review import SQLiteReviewMixin
from signalpipe.stores.sqlite_state import SQLiteCursorsMixin, SQLiteRetractionMixin

_CHUNK = 500  # below SQLite's host-parameter limit, large enough to amortise round trips

# A message is pending (stored, not yet extracted) while its id is in `pending`. A flag in the
# messages row would rewrite the row, document and all, when it is marked: every page of
# documents went to the WAL twice, and a 1M-message run wrote 4.7 bytes per byte stored.
#
# One copy of each message: its packed document (`stores.packing`), keyed by id in a WITHOUT
# ROWID table, so the id is not stored a second time in an index. Company, source, timestamp
# and content hash are in the document; columns for them were a second copy (the hash is
# recomputed for the rare id seen before).
_MESSAGES_DDL = """
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY, doc BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pending (
  id TEXT PRIMARY KEY, company_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dead_letters (
  origin TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL, message_id TEXT,
  raw TEXT NOT NULL, at REAL NOT NULL, PRIMARY KEY (origin, stage, reason)
);
"""

_EVENTS_DDL = """
CREATE TABLE IF NOT EXISTS significant_events (
  fingerprint TEXT PRIMARY KEY, company_id TEXT NOT NULL, event_type TEXT NOT NULL,
  severity TEXT NOT NULL, created_at REAL NOT NULL, updated_at REAL NOT NULL, doc TEXT NOT NULL,
  members TEXT  -- the group's mentions as dedup compares them (event_members.py); NULL before
);
CREATE INDEX IF NOT EXISTS events_company_type ON significant_events(company_id, event_type);
-- iter_events pages by (company, fingerprint): without this every page re-sorts the company.
CREATE INDEX IF NOT EXISTS events_company_fp ON significant_events(company_id, fingerprint);
CREATE TABLE IF NOT EXISTS batch_usage (batch_id TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS parked_batches (
  batch_id TEXT PRIMARY KEY, message_ids TEXT NOT NULL, reason TEXT NOT NULL, at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS kpi_observations (
  company_id TEXT NOT NULL, metric TEXT NOT NULL, observed_on TEXT NOT NULL,
  value REAL NOT NULL, unit TEXT NOT NULL, extractor TEXT NOT NULL,
  source_message_ids TEXT NOT NULL, PRIMARY KEY (company_id, metric, observed_on, value)
);
CREATE TABLE IF NOT EXISTS updates (
  company_id TEXT NOT NULL, created_at TEXT NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_company ON updates(company_id, created_at);
-- The stamp of the last write of members (`members_seq`): a worker asks for the rows written
-- after the one it last saw (`upsert_grouped`). One row; a counter, not MAX(members_seq),
-- because a row deleted by a retraction would hand its stamp out again.
CREATE TABLE IF NOT EXISTS members_clock (n INTEGER NOT NULL);
INSERT INTO members_clock SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM members_clock);
"""
_KPI_SCHEMA = 1  # PRAGMA user_version once the ledger was backfilled from stored events


class _SQLiteBase:
    def __init__(self, path: Path, ddl: str) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            # Checkpoint every ~40 MB of WAL rather than every 4 MB: a page written by several
            # commits in between is copied into the database once (1M messages: 1.92 GB
            # written at the default, 1.81 GB at this).
            self._db.execute("PRAGMA wal_autocheckpoint=10000")
            self._db.execute("PRAGMA busy_timeout=10000")
            self._db.executescript(ddl)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open SQLite store {path}: {exc}") from None
        self._lock = threading.Lock()
        self.path = path

    def close(self) -> None:
        with self._lock:
            self._db.close()


class SQLiteMessageStore(_SQLiteBase, SQLiteCursorsMixin, MessageStore):
    """Every raw message once, by id, with its extraction status; plus the dead letters and
    the live syncs' cursors (`sqlite_state.py`)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, _MESSAGES_DDL)
        self._migrate()
        self._create_cursor_tables()
        with self._lock:
            sqlite_rekey.migrate(self._db)

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        return cls(settings.sqlite_path)

    def _migrate(self) -> None:
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(messages)")}
        if "extracted" in columns:
            self._migrate_flag()
        if "content_hash" in columns:
            self._migrate_to_packed()

    def _migrate_to_packed(self) -> None:
        """Files written before `stores.packing` kept JSON text plus columns the document
        repeats: rewrite each document packed into the one-copy table, then VACUUM so the
        file shrinks (one pass over the file; a 1M-message store takes about a minute)."""
        def repack(doc: str) -> bytes:
            return packing.pack_json(json.loads(doc))

        with self._lock:
            self._db.create_function("signalpipe_pack", 1, repack, deterministic=True)
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("CREATE TABLE messages_packed (id TEXT PRIMARY KEY, "
                                 "doc BLOB NOT NULL) WITHOUT ROWID")
                self._db.execute("INSERT INTO messages_packed (id, doc) "
                                 "SELECT id, signalpipe_pack(doc) FROM messages ORDER BY id")
                self._db.execute("DROP TABLE messages")
                self._db.execute("ALTER TABLE messages_packed RENAME TO messages")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("VACUUM")

    def _migrate_flag(self) -> None:
        """Files written before the pending table kept an `extracted` flag per message."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("INSERT OR IGNORE INTO pending (id, company_id) "
                                 "SELECT id, company_id FROM messages WHERE extracted = 0")
                self._db.execute("DROP INDEX IF EXISTS messages_pending")
                self._db.execute("ALTER TABLE messages DROP COLUMN extracted")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def put_many(self, messages: Sequence[Message],
                 docs: Sequence[bytes] | None = None) -> PutResult:
        result = PutResult()
        with self._lock:
            # IMMEDIATE: a deferred transaction that reads then writes fails at once (no busy
            # wait) when the event store, on another connection, committed in between.
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for start in range(0, len(messages), _CHUNK):
                    self._put_chunk(messages[start:start + _CHUNK],
                                    docs[start:start + _CHUNK] if docs else None, result)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return result

    def _put_chunk(self, chunk: Sequence[Message], docs: Sequence[bytes] | None,
                   result: PutResult) -> None:
        ids = list(dict.fromkeys(m.id for m in chunk))
        marks = ",".join("?" * len(ids))
        known = {row[0]: (content_hash(packing.unpack(row[1])), bool(row[2]))
                 for row in self._db.execute(
                     f"SELECT m.id, m.doc, p.id IS NULL FROM messages m "
                     f"LEFT JOIN pending p ON p.id = m.id WHERE m.id IN ({marks})", ids)}
        # A content hash only tells a replay from a conflict, so it is taken only for an id
        # something else claims: a stored row or another copy in this chunk. On a first run
        # that is none of them, and every message is new: nothing to sort.
        claimed = known.keys() | _repeated(chunk, len(ids))
        if claimed:
            new = [i for i, m in enumerate(chunk)
                   if result.sort(m, content_hash(m) if m.id in claimed else "", known)]
        else:
            new = list(range(len(chunk)))
            result.to_batch.extend(chunk)
        rows = [(chunk[i].id, packing.pack(chunk[i], docs[i] if docs else None)) for i in new]
        pend = [(chunk[i].id, chunk[i].company_id) for i in new]
        self._db.executemany("INSERT INTO messages (id, doc) VALUES (?, ?) "
                             "ON CONFLICT(id) DO NOTHING", rows)
        self._db.executemany("INSERT INTO pending (id, company_id) VALUES (?, ?) "
                             "ON CONFLICT(id) DO NOTHING", pend)

    def mark_extracted(self, message_ids: Sequence[str]) -> None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for start in range(0, len(message_ids), _CHUNK):
                    ids = list(message_ids[start:start + _CHUNK])
                    self._db.execute(f"DELETE FROM pending WHERE id IN "
                                     f"({','.join('?' * len(ids))})", ids)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def pending(self, company_id: str) -> Iterator[Message]:
        with self._lock:
            rows = self._db.execute(
                "SELECT m.id, m.doc FROM pending p JOIN messages m ON m.id = p.id "
                "WHERE p.company_id = ?",
                (company_id,)).fetchall()
        for key, doc in rows:
            yield packing.unpack(doc, key)

    def get_many(self, message_ids: Sequence[str]) -> list[Message]:
        out: list[Message] = []
        with self._lock:
            for start in range(0, len(message_ids), _CHUNK):
                ids = list(message_ids[start:start + _CHUNK])
                marks = ",".join("?" * len(ids))
                out.extend(packing.unpack(doc, key) for key, doc in self._db.execute(
                    f"SELECT id, doc FROM messages WHERE id IN ({marks})", ids))
        return out

    def count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM messages").fetchone()[0])

    def put_dead_letters(self, letters: Sequence[DeadLetter]) -> None:
        now = time.time()
        with self._lock:
            self._db.executemany(
                "INSERT INTO dead_letters (origin, stage, reason, message_id, raw, at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(d.origin, d.stage, d.reason, d.message_id, d.raw, now) for d in letters])

    def dead_letters(self) -> list[DeadLetter]:
        with self._lock:
            rows = self._db.execute(
                "SELECT origin, reason, stage, raw, message_id FROM dead_letters "
                "ORDER BY at, origin").fetchall()
        return [DeadLetter(origin=o, reason=r, stage=s, raw=raw, message_id=m)
                for o, r, s, raw, m in rows]

    def clear(self) -> None:
        with self._lock:
            self._db.execute("DELETE FROM messages")
            self._db.execute("DELETE FROM pending")
            self._db.execute("DELETE FROM dead_letters")
            self._clear_cursors()


def _repeated(chunk: Sequence[Message], distinct: int) -> set[str]:
    """Ids that occur more than once in `chunk` (`distinct`: how many different ids it holds)."""
    if distinct == len(chunk):
        return set()
    return {key for key, n in Counter(m.id for m in chunk).items() if n > 1}


class SQLiteEventStore(_SQLiteBase, SQLiteRetractionMixin, SQLiteReviewMixin, EventStore):
    """Each event once by fingerprint; a later sighting merges its source ids into it."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, _EVENTS_DDL)
        self._create_alert_tables()
        self._create_review_tables()
        self._migrate()

    def _migrate(self) -> None:
        """Stores written before the KPI ledger existed: fill it from their stored events (the
        day of each is its timeline, which the rules extractor sets to the message's day)."""
        self._add_members_column()
        if self._db.execute("PRAGMA user_version").fetchone()[0] >= _KPI_SCHEMA:
            return
        events = self.list_events()
        self.put_kpis(observations(events))
        with self._lock:
            self._db.execute(f"PRAGMA user_version = {_KPI_SCHEMA}")

    def _add_members_column(self) -> None:
        """Files written before events kept their members (or their members' stamps) gain the
        columns, empty (dedup then knows those groups by their rows, as it did). Checked again
        inside the write lock: two processes may open one old file together."""
        def columns() -> set[str]:
            return {row[1] for row in self._db.execute("PRAGMA table_info(significant_events)")}

        if {"members", "members_seq"} <= columns():
            return
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for column, kind in (("members", "TEXT"), ("members_seq", "INTEGER")):
                    if column not in columns():
                        self._db.execute(
                            f"ALTER TABLE significant_events ADD COLUMN {column} {kind}")
                self._db.execute("CREATE INDEX IF NOT EXISTS events_members_seq "
                                 "ON significant_events(company_id, members_seq)")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        return cls(settings.sqlite_path)

    def upsert_many(self, events: Sequence[SignificantEvent], *,
                    moved: Mapping[str, str] | None = None,
                    members: Mapping[str, Sequence[EventMember]] | None = None
                    ) -> tuple[int, int]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                inserted, merged, _ = self._write(events, moved or {}, members or {})
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return inserted, merged

    def upsert_grouped(self, company_id: str, since: int,
                       group: Callable[[dict[str, list[EventMember]]], Grouping]
                       ) -> tuple[int, int, int]:
        # BEGIN IMMEDIATE takes the file's write lock: every writer, in any process, waits.
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                rows = self._db.execute(
                    "SELECT fingerprint, members FROM significant_events WHERE company_id = ? "
                    "AND members_seq > ? AND members IS NOT NULL", (company_id, since))
                grouping = group({fp: load_members(text) for fp, text in rows.fetchall()})
                written = self._write(grouping.events, grouping.moved, grouping.members)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return written

    def _write(self, events: Sequence[SignificantEvent], moved: Mapping[str, str],
               joining: Mapping[str, Sequence[EventMember]]) -> tuple[int, int, int]:
        """Moves, then events and their members (inside the caller's transaction): (inserted,
        merged, the stamp every row whose members this wrote now carries)."""
        inserted = merged = 0
        now = time.time()
        stamp = self._db.execute("UPDATE members_clock SET n = n + 1 RETURNING n").fetchone()[0]
        for old, new in moved.items():
            self._move(old, new, now, stamp)
        for event in events:
            added = self._upsert_one(event, joining.get(event.fingerprint, ()), now, stamp)
            inserted += added == "inserted"
            merged += added == "merged"
        return inserted, merged, int(stamp)

    def _upsert_one(self, event: SignificantEvent, joining: Sequence[EventMember],
                    now: float, stamp: int) -> str:
        """Insert or merge one event (inside the caller's transaction): what it did."""
        row = self._db.execute("SELECT doc, members FROM significant_events "
                               "WHERE fingerprint = ?", (event.fingerprint,)).fetchone()
        if row is None:
            self._db.execute(
                "INSERT INTO significant_events (fingerprint, company_id, event_type, severity, "
                "created_at, updated_at, doc, members, members_seq) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (event.fingerprint, event.company_id, event.event_type.value,
                 event.severity.value, now, now, event.model_dump_json(),
                 dump_members(merge_members(joining)) if joining else None, stamp))
            return "inserted"
        stored = SignificantEvent.model_validate_json(row[0])
        combined = stored.merged_with(event)
        kept = dump_members(merge_members(load_members(row[1]), joining)) if joining else row[1]
        if combined == stored and kept == row[1]:
            return "unchanged"
        self._db.execute(
            "UPDATE significant_events SET doc = ?, severity = ?, members = ?, updated_at = ?, "
            "members_seq = CASE WHEN members IS ? THEN members_seq ELSE ? END "
            "WHERE fingerprint = ?",
            (combined.model_dump_json(), combined.severity.value, kept, now, kept, stamp,
             event.fingerprint))
        return "unchanged" if combined == stored else "merged"

    def _move(self, old: str, new: str, now: float, stamp: int) -> None:
        """Fold the row `old` into `new` (inside the caller's transaction), members and all."""
        row = self._db.execute("SELECT doc, created_at, members FROM significant_events "
                               "WHERE fingerprint = ?", (old,)).fetchone()
        if row is None or old == new:
            return
        moving = SignificantEvent.model_validate_json(row[0]).model_copy(
            update={"fingerprint": new})
        target = self._db.execute("SELECT doc, created_at, members FROM significant_events "
                                  "WHERE fingerprint = ?", (new,)).fetchone()
        if target is None:
            self._db.execute("UPDATE significant_events SET fingerprint = ?, doc = ?, "
                             "updated_at = ?, members_seq = ? WHERE fingerprint = ?",
                             (new, moving.model_dump_json(), now, stamp, old))
            return
        combined = SignificantEvent.model_validate_json(target[0]).merged_with(moving)
        self._db.execute("DELETE FROM significant_events WHERE fingerprint = ?", (old,))
        self._db.execute("UPDATE significant_events SET doc = ?, severity = ?, created_at = ?, "
                         "updated_at = ?, members = ?, members_seq = ? WHERE fingerprint = ?",
                         (combined.model_dump_json(), combined.severity.value,
                          min(row[1], target[1]), now, fold_members(target[2], row[2]), stamp,
                          new))

    def event_members(self, company_id: str) -> dict[str, list[EventMember]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT fingerprint, members FROM significant_events "
                "WHERE company_id = ? AND members IS NOT NULL", (company_id,)).fetchall()
        return {fp: load_members(text) for fp, text in rows}

    def list_events(self, company_id: str | None = None) -> list[SignificantEvent]:
        query = "SELECT doc FROM significant_events"
        args: tuple[str, ...] = ()
        if company_id is not None:
            query += " WHERE company_id = ?"
            args = (company_id,)
        with self._lock:
            docs = [r[0] for r in self._db.execute(query + " ORDER BY created_at, fingerprint",
                                                   args)]
        return [SignificantEvent.model_validate_json(d) for d in docs]

    def iter_events(self, company_id: str, page: int = 1000) -> Iterator[SignificantEvent]:
        after = ""
        while True:
            with self._lock:
                rows = self._db.execute(
                    "SELECT fingerprint, json_remove(doc, '$.evidence_spans') FROM "
                    "significant_events WHERE company_id = ? AND fingerprint > ? "
                    "ORDER BY fingerprint LIMIT ?",
                    (company_id, after, page)).fetchall()
            for _, doc in rows:
                yield SignificantEvent.model_validate_json(doc)
            if len(rows) < page:
                return
            after = rows[-1][0]

    def record_usage(self, usages: Sequence[BatchUsage]) -> None:
        with self._lock:
            self._db.executemany("INSERT INTO batch_usage VALUES (?, ?) ON CONFLICT(batch_id) "
                                 "DO UPDATE SET doc = excluded.doc",
                                 [(u.batch_id, u.model_dump_json()) for u in usages])

    def usage(self) -> list[BatchUsage]:
        with self._lock:
            docs = [r[0] for r in self._db.execute("SELECT doc FROM batch_usage")]
        return [BatchUsage.model_validate_json(d) for d in docs]

    def iter_usage(self, page: int = 1000) -> Iterator[BatchUsage]:
        after = ""
        while True:
            with self._lock:
                rows = self._db.execute(
                    "SELECT batch_id, doc FROM batch_usage WHERE batch_id > ? ORDER BY batch_id "
                    "LIMIT ?", (after, page)).fetchall()
            for _, doc in rows:
                yield BatchUsage.model_validate_json(doc)
            if len(rows) < page:
                return
            after = rows[-1][0]

    def park_batch(self, batch_id: str, message_ids: Sequence[str], reason: str) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO parked_batches VALUES (?, ?, ?, ?) ON CONFLICT(batch_id) "
                "DO UPDATE SET reason = excluded.reason, at = excluded.at",
                (batch_id, json.dumps(list(message_ids)), reason, time.time()))

    def parked(self) -> list[tuple[str, list[str], str]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT batch_id, message_ids, reason FROM parked_batches ORDER BY at").fetchall()
        return [(b, json.loads(ids), r) for b, ids, r in rows]

    def unpark(self, batch_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM parked_batches WHERE batch_id = ?", (batch_id,))

    def put_kpis(self, rows: Sequence[KpiObservation]) -> None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for row in rows:
                    old = self._db.execute(
                        "SELECT source_message_ids FROM kpi_observations WHERE company_id = ? "
                        "AND metric = ? AND observed_on = ? AND value = ?", row.key).fetchone()
                    if old is not None:
                        row = merge(row.model_copy(update={
                            "source_message_ids": json.loads(old[0])}), row)
                    self._db.execute(
                        "INSERT OR REPLACE INTO kpi_observations VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (row.company_id, row.metric, row.observed_on.isoformat(), row.value,
                         row.unit, row.extractor, json.dumps(row.source_message_ids)))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def kpi_observations(self, company_id: str) -> list[KpiObservation]:
        with self._lock:
            rows = self._db.execute(
                "SELECT company_id, metric, observed_on, value, unit, extractor, "
                "source_message_ids FROM kpi_observations WHERE company_id = ? "
                "ORDER BY observed_on, metric, value", (company_id,)).fetchall()
        return [KpiObservation(company_id=c, metric=m, observed_on=d, value=v, unit=u,
                               extractor=x, source_message_ids=json.loads(ids))
                for c, m, d, v, u, x, ids in rows]

    def record_update(self, record: UpdateRecord) -> None:
        with self._lock:
            self._db.execute("INSERT INTO updates VALUES (?, ?, ?)",
                             (record.company_id, record.created_at.isoformat(),
                              record.model_dump_json()))

    def updates(self, company_id: str) -> list[UpdateRecord]:
        with self._lock:
            docs = [r[0] for r in self._db.execute(
                "SELECT doc FROM updates WHERE company_id = ? ORDER BY created_at, rowid",
                (company_id,))]
        return [UpdateRecord.model_validate_json(d) for d in docs]

    def clear(self) -> None:
        with self._lock:
            for table in ("significant_events", "batch_usage", "parked_batches",
                          "alert_deliveries", "kpi_observations", "updates"):
                self._db.execute(f"DELETE FROM {table}")
            self._clear_reviews()
