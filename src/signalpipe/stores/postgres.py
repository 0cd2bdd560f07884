"""A PostgreSQL event store (psycopg 3): each real-world event once, shared by every worker.

The schema is created and migrated on start (``schema_version`` records what ran), under an
advisory lock so two workers starting together do not both migrate. Merging is done in Python
with `SignificantEvent.merged_with`, exactly as SQLiteEventStore does, inside one transaction
that first takes an advisory lock per fingerprint: two workers that see the same event at the
same time queue on the lock instead of racing to insert it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from typing import Any, Self, TypeVar

try:
    import psycopg
    from psycopg import sql
    from psycopg.types.json import Jsonb
except ImportError as e:  # pragma: no cover - depends on the installed extras
    raise ImportError('install "signalpipe[services]" to use PostgresEventStore') from e

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
from signalpipe.models import BatchUsage, SignificantEvent
from signalpipe.settings import Settings
from signalpipe.stores.base import EventStore
from signalpipe.stores.postgres_review import REVIEWS_MIGRATION, PostgresReviewMixin
from signalpipe.stores.postgres_state import PostgresRetractionMixin

logger = logging.getLogger(__name__)

T = TypeVar("T")
_EVENT_DOC = "coalesce(doc_text, doc::text)"  # rows written before schema version 2 lack text
Cursor = psycopg.Cursor[tuple[Any, ...]]

_MIGRATION_LOCK = 0x5167_6E61_6C70  # any constant shared by every signalpipe process

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
    CREATE TABLE significant_events (
      fingerprint text PRIMARY KEY,
      company_id text NOT NULL,
      event_type text NOT NULL,
      severity text NOT NULL,
      title text NOT NULL,
      confidence double precision NOT NULL,
      metrics jsonb NOT NULL,
      stakeholders jsonb NOT NULL,
      source_message_ids jsonb NOT NULL,
      doc jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX significant_events_company ON significant_events (company_id);
    CREATE INDEX significant_events_type ON significant_events (event_type);
    CREATE INDEX significant_events_created ON significant_events (created_at);
    CREATE INDEX significant_events_severity ON significant_events (severity);
    CREATE TABLE batch_usage (
      batch_id text PRIMARY KEY,
      provider text NOT NULL,
      model text NOT NULL,
      input_tokens bigint NOT NULL,
      output_tokens bigint NOT NULL,
      cost_usd double precision NOT NULL,
      doc jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE parked_batches (
      batch_id text PRIMARY KEY,
      message_ids jsonb NOT NULL,
      reason text NOT NULL,
      parked_at timestamptz NOT NULL DEFAULT now()
    );
    """),
    # jsonb and text refuse NUL characters, which real messages do contain; the exact JSON
    # (where NUL is the escape \u0000) is kept as text and is what reads return, while the
    # jsonb and plain columns get a copy with NUL replaced, for queries and indexes only.
    (2, """
    ALTER TABLE significant_events ADD COLUMN doc_text text;
    ALTER TABLE batch_usage ADD COLUMN doc_text text;
    ALTER TABLE parked_batches ADD COLUMN message_ids_text text;
    """),
    # The KPI ledger and the record of written updates; stores from before are backfilled from
    # their events in `_migrate` (the day of each is its timeline).
    (3, """
    CREATE TABLE kpi_observations (
      company_id text NOT NULL,
      metric text NOT NULL,
      observed_on date NOT NULL,
      value double precision NOT NULL,
      unit text NOT NULL,
      extractor text NOT NULL,
      source_message_ids jsonb NOT NULL,
      source_message_ids_text text NOT NULL,
      PRIMARY KEY (company_id, metric, observed_on, value)
    );
    CREATE TABLE updates (
      id bigserial PRIMARY KEY,
      company_id text NOT NULL,
      created_at timestamptz NOT NULL,
      doc_text text NOT NULL
    );
    CREATE INDEX updates_company ON updates (company_id, created_at);
    """),
    # The review log (issue 14): append-only, in a table of its own (`postgres_review.py`).
    (4, REVIEWS_MIGRATION),
    # Each row's members as dedup compares them (`event_members.py`), JSON as text (a label
    # may hold NUL); NULL on rows from before, which dedup knows by the row alone.
    (5, "ALTER TABLE significant_events ADD COLUMN IF NOT EXISTS members_text text;"),
    # The stamp of each row's last members write, from one sequence: a worker asks for the
    # rows written after the stamp it last saw (`upsert_grouped`). NULL on rows from before.
    (6, """
    ALTER TABLE significant_events ADD COLUMN IF NOT EXISTS members_seq bigint;
    CREATE SEQUENCE IF NOT EXISTS significant_events_members_seq;
    CREATE INDEX IF NOT EXISTS significant_events_members_seq_idx
      ON significant_events (company_id, members_seq);
    """),
]
_KPI_VERSION = 3

_INSERT_EVENT = """
INSERT INTO significant_events (fingerprint, company_id, event_type, severity, title, confidence,
  metrics, stakeholders, source_message_ids, doc, doc_text, members_text, members_seq)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"""
_UPDATE_EVENT = """
UPDATE significant_events SET severity = %s, title = %s, confidence = %s, metrics = %s,
  stakeholders = %s, source_message_ids = %s, doc = %s, doc_text = %s, updated_at = now()
WHERE fingerprint = %s"""
_UPDATE_MEMBERS = "UPDATE significant_events SET members_text = %s WHERE fingerprint = %s"
_GROW_MEMBERS = ("UPDATE significant_events SET members_text = %s, members_seq = %s "
                 "WHERE fingerprint = %s")


class PostgresEventStore(PostgresRetractionMixin, PostgresReviewMixin, EventStore):
    """Each event once by fingerprint; a later sighting merges its source ids into the stored one.

    One connection shared under a lock (the worker's extraction threads write rarely and
    briefly). A transaction that fails on the connection (a restart, a dropped link, a deadlock
    victim) is retried on a new connection with backoff for `retry_for_s`; every write here is
    an idempotent upsert, so a retry whose first commit did land changes nothing.
    """

    def __init__(self, dsn: str, *, schema: str | None = None,
                 connect_timeout_s: int = 10, retry_for_s: float = 120.0) -> None:
        self._dsn = dsn
        self.schema = schema
        self._connect_timeout_s = connect_timeout_s
        self.retry_for_s = retry_for_s
        self._lock = threading.Lock()
        self._conn = self._connect()
        self._transaction(self._migrate)
        self._create_alert_tables()

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        return cls(settings.postgres.dsn.get_secret_value(),
                   retry_for_s=settings.postgres.retry_for_s)

    # -- connection -------------------------------------------------------------------------
    def _connect(self) -> psycopg.Connection[tuple[Any, ...]]:
        try:
            conn = psycopg.connect(self._dsn, autocommit=True,
                                   connect_timeout=self._connect_timeout_s,
                                   application_name="signalpipe")
        except psycopg.Error as exc:
            raise _Unreachable(f"cannot connect to PostgreSQL: {exc}") from None
        if self.schema is not None:
            conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(self.schema)))
        return conn

    def _transaction(self, work: Callable[[Cursor], T]) -> T:
        """Run `work` in one transaction, retrying on a new connection while the server is
        unreachable, for at most `retry_for_s`."""
        deadline = time.monotonic() + self.retry_for_s
        delay = 0.1
        with self._lock:
            while True:
                try:
                    if self._conn.closed or self._conn.broken:
                        self._conn = self._connect()
                    with self._conn.transaction(), self._conn.cursor() as cur:
                        return work(cur)
                except (psycopg.OperationalError, _Unreachable) as exc:
                    if time.monotonic() + delay > deadline:
                        raise StoreError(f"PostgreSQL failed for {self.retry_for_s:.0f}s: "
                                         f"{exc}") from None
                    logger.warning("PostgreSQL transaction failed, retrying in %.1fs: %s",
                                   delay, exc)
                    time.sleep(delay)
                    delay = min(delay * 2, 5.0)
                except psycopg.Error as exc:
                    raise StoreError(f"PostgreSQL failed: {exc}") from None

    def _migrate(self, cur: Cursor) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        if self.schema is not None:
            cur.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(
                sql.Identifier(self.schema)))
        cur.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, "
                    "applied_at timestamptz NOT NULL DEFAULT now())")
        cur.execute("SELECT coalesce(max(version), 0) FROM schema_version")
        row = cur.fetchone()
        current = int(row[0]) if row else 0
        for version, ddl in MIGRATIONS:
            if version > current:
                logger.info("PostgreSQL event store: applying schema version %d", version)
                cur.execute(ddl.encode())  # bytes: a multi-statement script, no parameters
                cur.execute("INSERT INTO schema_version (version) VALUES (%s)", (version,))
                if version == _KPI_VERSION:
                    cur.execute(f"SELECT {_EVENT_DOC} FROM significant_events")
                    events = [SignificantEvent.model_validate_json(r[0]) for r in cur.fetchall()]
                    self._put_kpis(cur, observations(events))

    # -- EventStore -------------------------------------------------------------------------
    def upsert_many(self, events: Sequence[SignificantEvent], *,
                    moved: Mapping[str, str] | None = None,
                    members: Mapping[str, Sequence[EventMember]] | None = None
                    ) -> tuple[int, int]:
        """Insert new events and merge known fingerprints in one transaction.

        Returns (inserted, merged), counted as SQLiteEventStore counts them.
        """
        moves = dict(moved or {})
        if not events and not moves:
            return 0, 0
        return self._transaction(
            lambda cur: self._upsert(cur, events, moves, members or {})[:2])

    def upsert_grouped(self, company_id: str, since: int,
                       group: Callable[[dict[str, list[EventMember]]], Grouping]
                       ) -> tuple[int, int, int]:
        def work(cur: Cursor) -> tuple[int, int, int]:
            # The company's lock before the read: no other grouped write of the company runs
            # between what this one reads and what it writes.
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_company_lock(company_id),))
            rows = cur.execute(
                "SELECT fingerprint, members_text FROM significant_events WHERE company_id = %s "
                "AND members_seq > %s AND members_text IS NOT NULL",
                (_text(company_id), since)).fetchall()
            grouping = group({fp: load_members(text) for fp, text in rows})
            return self._upsert(cur, grouping.events, dict(grouping.moved), grouping.members)
        return self._transaction(work)

    def _upsert(self, cur: Cursor, events: Sequence[SignificantEvent], moves: dict[str, str],
                joining: Mapping[str, Sequence[EventMember]]) -> tuple[int, int, int]:
        fingerprints = sorted({e.fingerprint for e in events})
        locked = {*fingerprints, *moves.keys(), *moves.values()}
        # Each company's lock, then the events': sorted, so two transactions on overlapping
        # events cannot deadlock. The company's lock makes stamps commit in the order they
        # were drawn, so a reader that saw a stamp has seen every one below it.
        cur.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k ORDER BY k",
                    (sorted({_company_lock(e.company_id) for e in events}),))
        cur.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k ORDER BY k",
                    (sorted({_lock_key(f) for f in locked}),))
        drawn = cur.execute("SELECT nextval('significant_events_members_seq')").fetchone()
        stamp = int(drawn[0]) if drawn else 0
        for old, into in moves.items():
            _move(cur, old, into, stamp)
        cur.execute(f"SELECT fingerprint, {_EVENT_DOC}, members_text FROM significant_events "
                    "WHERE fingerprint = ANY(%s)", (fingerprints,))
        current: dict[str, SignificantEvent] = {}
        kept: dict[str, str | None] = {}
        for fp, doc, text in cur.fetchall():
            current[fp], kept[fp] = SignificantEvent.model_validate_json(doc), text
        stored_members = dict(kept)
        new: dict[str, SignificantEvent] = {}
        changed: dict[str, SignificantEvent] = {}
        inserted = merged = 0
        for event in events:
            fp = event.fingerprint
            if joining.get(fp):
                kept[fp] = dump_members(merge_members(load_members(kept.get(fp)), joining[fp]))
            stored = current.get(fp)
            if stored is None:
                inserted += 1
                current[fp] = new[fp] = event
                continue
            combined = stored.merged_with(event)
            if combined != stored:
                merged += 1
                current[fp] = combined
                (new if fp in new else changed)[fp] = combined
        if new:
            cur.executemany(_INSERT_EVENT, [_insert_row(e, kept.get(e.fingerprint), stamp)
                                            for e in new.values()])
        if changed:
            cur.executemany(_UPDATE_EVENT, [_update_row(e) for e in changed.values()])
        grown = [(text, stamp, fp) for fp, text in kept.items()
                 if fp not in new and text != stored_members.get(fp)]
        if grown:
            cur.executemany(_GROW_MEMBERS, grown)
        return inserted, merged, stamp

    def event_members(self, company_id: str) -> dict[str, list[EventMember]]:
        """Each of the company's rows that keeps members -> its members."""
        rows = self._transaction(lambda cur: cur.execute(
            "SELECT fingerprint, members_text FROM significant_events "
            "WHERE company_id = %s AND members_text IS NOT NULL",
            (_text(company_id),)).fetchall())
        return {fp: load_members(text) for fp, text in rows}

    def list_events(self, company_id: str | None = None) -> list[SignificantEvent]:
        """Stored events, oldest first (then by fingerprint), optionally for one company."""
        query = f"SELECT {_EVENT_DOC} FROM significant_events"
        args: tuple[str, ...] = ()
        if company_id is not None:
            query += " WHERE company_id = %s"
            args = (company_id,)
        rows = self._transaction(lambda cur: cur.execute(
            query + " ORDER BY created_at, fingerprint", args).fetchall())
        return [SignificantEvent.model_validate_json(r[0]) for r in rows]

    def iter_events(self, company_id: str, page: int = 1000) -> Iterator[SignificantEvent]:
        """The company's events a page at a time, by fingerprint (keyset pages, each its own
        short transaction: nothing is held open while the caller works)."""
        after = ""
        # Without the evidence spans (one per mention, thousands on a much-repeated event):
        # no reader of this needs them, and parsing them was most of the cost.
        query = ("SELECT fingerprint, (doc - 'evidence_spans')::text FROM significant_events "
                 "WHERE company_id = %s AND fingerprint > %s ORDER BY fingerprint LIMIT %s")
        while True:
            args = (_text(company_id), after, page)
            rows = self._transaction(partial(_fetch, query, args))
            for _, doc in rows:
                yield SignificantEvent.model_validate_json(doc)
            if len(rows) < page:
                return
            after = rows[-1][0]

    def record_usage(self, usages: Sequence[BatchUsage]) -> None:
        """Keep what extraction calls cost; a retried batch replaces its earlier record."""
        if not usages:
            return
        self._transaction(lambda cur: cur.executemany(
            "INSERT INTO batch_usage (batch_id, provider, model, input_tokens, output_tokens, "
            "cost_usd, doc, doc_text) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (batch_id) DO UPDATE "
            "SET provider = excluded.provider, model = excluded.model, "
            "input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, "
            "cost_usd = excluded.cost_usd, doc = excluded.doc, doc_text = excluded.doc_text, "
            "recorded_at = now()",
            [(u.batch_id, _text(u.provider), _text(u.model), u.input_tokens, u.output_tokens,
              u.cost_usd, _jsonb(u.model_dump(mode="json")), u.model_dump_json())
             for u in usages]))

    def usage(self) -> list[BatchUsage]:
        """Every recorded extraction call."""
        rows = self._transaction(lambda cur: cur.execute(
            "SELECT coalesce(doc_text, doc::text) FROM batch_usage "
            "ORDER BY recorded_at, batch_id").fetchall())
        return [BatchUsage.model_validate_json(r[0]) for r in rows]

    def iter_usage(self, page: int = 1000) -> Iterator[BatchUsage]:
        """Every recorded extraction call, a page at a time (keyset pages by batch id)."""
        after = ""
        query = ("SELECT batch_id, coalesce(doc_text, doc::text) FROM batch_usage "
                 "WHERE batch_id > %s ORDER BY batch_id LIMIT %s")
        while True:
            rows = self._transaction(partial(_fetch, query, (after, page)))
            for _, doc in rows:
                yield BatchUsage.model_validate_json(doc)
            if len(rows) < page:
                return
            after = rows[-1][0]

    def park_batch(self, batch_id: str, message_ids: Sequence[str], reason: str) -> None:
        """Keep a batch that failed extraction; parking it again updates the reason."""
        self._transaction(lambda cur: cur.execute(
            "INSERT INTO parked_batches (batch_id, message_ids, message_ids_text, reason) "
            "VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (batch_id) DO UPDATE SET reason = excluded.reason, parked_at = now()",
            (batch_id, _jsonb(list(message_ids)), json.dumps(list(message_ids)), _text(reason))))

    def parked(self) -> list[tuple[str, list[str], str]]:
        """Parked batches, oldest first: (batch id, message ids, reason)."""
        rows = self._transaction(lambda cur: cur.execute(
            "SELECT batch_id, coalesce(message_ids_text, message_ids::text), reason "
            "FROM parked_batches ORDER BY parked_at, batch_id").fetchall())
        return [(b, list(json.loads(ids)), r) for b, ids, r in rows]

    def unpark(self, batch_id: str) -> None:
        """Forget a parked batch (its messages are retried from the message store)."""
        self._transaction(lambda cur: cur.execute(
            "DELETE FROM parked_batches WHERE batch_id = %s", (batch_id,)))

    def put_kpis(self, rows: Sequence[KpiObservation]) -> None:
        """Add KPI observations; the same figure on the same day again merges its sources."""
        if rows:
            self._transaction(lambda cur: self._put_kpis(cur, rows))

    @staticmethod
    def _put_kpis(cur: Cursor, rows: Sequence[KpiObservation]) -> None:
        for row in rows:
            cur.execute("SELECT source_message_ids_text FROM kpi_observations WHERE "
                        "company_id = %s AND metric = %s AND observed_on = %s AND value = %s "
                        "FOR UPDATE", (_text(row.company_id), row.metric, row.observed_on,
                                       row.value))
            old = cur.fetchone()
            if old is not None:
                row = merge(row.model_copy(update={"source_message_ids": json.loads(old[0])}),
                            row)
            cur.execute(
                "INSERT INTO kpi_observations (company_id, metric, observed_on, value, unit, "
                "extractor, source_message_ids, source_message_ids_text) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (company_id, metric, "
                "observed_on, value) DO UPDATE SET source_message_ids = "
                "excluded.source_message_ids, source_message_ids_text = "
                "excluded.source_message_ids_text",
                (_text(row.company_id), row.metric, row.observed_on, row.value, row.unit,
                 _text(row.extractor), _jsonb(row.source_message_ids),
                 json.dumps(row.source_message_ids)))

    def kpi_observations(self, company_id: str) -> list[KpiObservation]:
        """Every observation of the company, oldest day first."""
        rows = self._transaction(lambda cur: cur.execute(
            "SELECT company_id, metric, observed_on, value, unit, extractor, "
            "source_message_ids_text FROM kpi_observations WHERE company_id = %s "
            "ORDER BY observed_on, metric, value", (_text(company_id),)).fetchall())
        return [KpiObservation(company_id=c, metric=m, observed_on=d, value=v, unit=u,
                               extractor=x, source_message_ids=json.loads(ids))
                for c, m, d, v, u, x, ids in rows]

    def record_update(self, record: UpdateRecord) -> None:
        """Remember an update that was written (or sent)."""
        self._transaction(lambda cur: cur.execute(
            "INSERT INTO updates (company_id, created_at, doc_text) VALUES (%s, %s, %s)",
            (_text(record.company_id), record.created_at, record.model_dump_json())))

    def updates(self, company_id: str) -> list[UpdateRecord]:
        """Updates written for the company, oldest first."""
        rows = self._transaction(lambda cur: cur.execute(
            "SELECT doc_text FROM updates WHERE company_id = %s ORDER BY created_at, id",
            (_text(company_id),)).fetchall())
        return [UpdateRecord.model_validate_json(r[0]) for r in rows]

    def clear(self) -> None:
        """Delete every event, usage record, parked batch, KPI row, update record, alert
        delivery and review decision (the schema stays)."""
        self._transaction(lambda cur: cur.execute(
            "TRUNCATE significant_events, batch_usage, parked_batches, kpi_observations, "
            "updates, alert_deliveries, review_decisions"))

    def drop_schema(self) -> None:
        """Drop this store's own schema and everything in it (tests and benchmarks)."""
        if self.schema is None:
            raise StoreError("drop_schema needs a store opened with its own schema")
        self._transaction(lambda cur: cur.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE")
                                                  .format(sql.Identifier(self.schema or ""))))

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()


class _Unreachable(StoreError):
    """No connection could be opened: retried inside a transaction, final when opening."""


def _fetch(query: str, args: tuple[Any, ...], cur: Cursor) -> list[tuple[Any, ...]]:
    return cur.execute(query, args).fetchall()


def _move(cur: Cursor, old: str, new: str, stamp: int) -> None:
    """Fold the row `old` into `new`, keeping the earlier creation time and both members."""
    row = cur.execute(f"SELECT {_EVENT_DOC}, created_at, members_text FROM significant_events "
                      "WHERE fingerprint = %s", (old,)).fetchone()
    if row is None or old == new:
        return
    moving = SignificantEvent.model_validate_json(row[0]).model_copy(update={"fingerprint": new})
    target = cur.execute(f"SELECT {_EVENT_DOC}, members_text FROM significant_events "
                         "WHERE fingerprint = %s", (new,)).fetchone()
    if target is None:
        cur.execute("UPDATE significant_events SET fingerprint = %s, members_seq = %s "
                    "WHERE fingerprint = %s", (new, stamp, old))
        cur.execute(_UPDATE_EVENT, _update_row(moving))
        return
    combined = SignificantEvent.model_validate_json(target[0]).merged_with(moving)
    cur.execute("DELETE FROM significant_events WHERE fingerprint = %s", (old,))
    cur.execute(_UPDATE_EVENT, _update_row(combined))
    cur.execute("UPDATE significant_events SET created_at = LEAST(created_at, %s), "
                "members_text = %s, members_seq = %s WHERE fingerprint = %s",
                (row[1], fold_members(target[1], row[2]), stamp, new))


def _lock_key(fingerprint: str) -> int:
    return int.from_bytes(hashlib.blake2b(fingerprint.encode(), digest_size=8).digest(), "big",
                          signed=True)


def _company_lock(company_id: str) -> int:
    return _lock_key(f"company:{company_id}")


def _insert_row(e: SignificantEvent, members: str | None, stamp: int) -> tuple[Any, ...]:
    return (e.fingerprint, _text(e.company_id), e.event_type.value, *_update_row(e)[:-1],
            members, stamp)


def _update_row(e: SignificantEvent) -> tuple[Any, ...]:
    return (e.severity.value, _text(e.title), e.confidence, _jsonb(e.metrics),
            _jsonb(e.stakeholders), _jsonb(e.source_message_ids),
            _jsonb(e.model_dump(mode="json")), e.model_dump_json(), e.fingerprint)


def _text(value: str) -> str:
    return value.replace("\x00", "\ufffd")


def _jsonb(value: Any) -> Jsonb:
    """A jsonb parameter with NUL (which jsonb cannot hold) replaced in every string."""
    return Jsonb(_without_nul(value))


def _without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return {_text(k): _without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_nul(v) for v in value]
    return value
