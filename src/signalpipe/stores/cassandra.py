"""A Cassandra message store (scylla-driver): every raw message once, by id, across workers.

Tables, created on start in the settings' keyspace:

* ``chat_messages`` / ``email_messages``: the messages as the product reads them, partitioned by
  ``(company_id, day)``. The seed partitioned by company alone, so one company's partition grew
  without bound (Cassandra wants partitions well under ~100 MB); a UTC day keeps each partition
  to one day of one company while "one company, one period" is still a handful of partitions.
* ``messages_by_id``: id -> company, source, day, content hash and the whole document. It
  answers "seen before? same content?" for idempotent writes (read by key, in the same round
  as the pending markers that say "extracted yet?").
* ``pending_messages``: a marker per message not yet extracted, under ``shard`` (a hash of the
  id), deleted by `mark_extracted`. It is the extracted flag: stored with a marker means
  "to extract", stored without one means "extracted". `pending()` reads the few shards instead
  of scanning every message, and `mark_extracted` is one blind delete per message, batched per
  shard, where a flag column would need a read (to skip unknown ids) and an update per message,
  which made marking cost more than storing. The shards hold only the backlog of every company;
  `pending()` keeps its company's markers. Deletes leave tombstones, so gc_grace_seconds is
  short: a tombstone purged early can at worst bring a marker back, and an extra extraction of
  a message merges into the same events.
* ``dead_letters``: input that could not be used, kept whole.

Writes are concurrent (a bounded window of async requests) and idempotent, so a failed chunk is
retried whole with backoff for `retry_for_s`, then StoreError; nothing is acknowledged before
its write succeeds. Two workers writing the *same* id with *different* content at the same
instant race (last write wins in ``messages_by_id``); a lightweight transaction would close that
at several times the write cost, and ids are keyed so one conversation goes to one worker.
"""

from __future__ import annotations

import json
import logging
import re
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from functools import partial
from typing import Any, Self, TypeVar

try:
    from cassandra import ConsistencyLevel, DriverException, OperationTimedOut
    from cassandra import RequestExecutionException as _RequestFailed
    from cassandra.auth import PlainTextAuthProvider
    from cassandra.cluster import EXEC_PROFILE_DEFAULT, Cluster, ExecutionProfile, NoHostAvailable
    from cassandra.concurrent import execute_concurrent
    from cassandra.connection import ConnectionException
    from cassandra.policies import DCAwareRoundRobinPolicy, TokenAwarePolicy
    from cassandra.query import (
        UNSET_VALUE,
        BatchStatement,
        BatchType,
        PreparedStatement,
        tuple_factory,
    )
except ImportError as e:  # pragma: no cover - depends on the installed extras
    raise ImportError('install "signalpipe[services]" to use CassandraMessageStore') from e

from signalpipe.errors import StoreError
from signalpipe.models import DeadLetter, Message, Source
from signalpipe.settings import Settings
from signalpipe.stores.base import PutResult
from signalpipe.stores.hashing import content_hash

logger = logging.getLogger(__name__)

T = TypeVar("T")
_Stmt = tuple[Any, tuple[Any, ...] | None]  # (prepared or batch statement, values)
_Keyed = tuple[tuple[Any, ...], int, _Stmt]  # (partition, estimated bytes, statement)

_PENDING_SHARDS = 64  # reads per pending() call vs. rows (and tombstones) per partition
_CONCURRENCY = 256  # requests in flight per call: enough to hide latency, not to overload a node
# Keys per `id IN ?` read. One request per key costs the Python driver far more CPU than the
# server spends; a modest IN list lets the coordinator fan out instead, without making one
# request so large that a slow replica holds up many keys.
_READ_KEYS = 64
# Rows of one partition go out as one unlogged batch (one mutation, one replica set: cheaper
# than a request per row, unlike the multi-partition batch anti-pattern), kept under
# Cassandra's default batch_size_warn_threshold of 5 KiB.
_BATCH_BYTES = 4096
_TRANSIENT = (NoHostAvailable, OperationTimedOut, _RequestFailed, ConnectionException)
_KEYSPACE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,47}$")

_TABLES = {
    "chat_messages": """CREATE TABLE IF NOT EXISTS {ks}.chat_messages (
        company_id text, day date, ts timestamp, id text, sender text, channel text,
        thread_id text, text text, payload text,
        PRIMARY KEY ((company_id, day), ts, id))""",
    "email_messages": """CREATE TABLE IF NOT EXISTS {ks}.email_messages (
        company_id text, day date, ts timestamp, id text, sender text, subject text,
        thread_id text, text text, payload text,
        PRIMARY KEY ((company_id, day), ts, id))""",
    "messages_by_id": """CREATE TABLE IF NOT EXISTS {ks}.messages_by_id (
        id text PRIMARY KEY, company_id text, source text, day date, content_hash text,
        doc text)""",
    "pending_messages": """CREATE TABLE IF NOT EXISTS {ks}.pending_messages (
        shard int, id text, company_id text, PRIMARY KEY ((shard), id))
        WITH gc_grace_seconds = 3600""",
    "dead_letters": """CREATE TABLE IF NOT EXISTS {ks}.dead_letters (
        origin text, stage text, reason text, message_id text, raw text, at timestamp,
        PRIMARY KEY ((origin), stage, reason))""",
}

_CQL = {
    "lookup": "SELECT id, content_hash FROM {ks}.messages_by_id WHERE id IN ?",
    "doc": "SELECT id, doc FROM {ks}.messages_by_id WHERE id IN ?",
    "by_id": "INSERT INTO {ks}.messages_by_id (id, company_id, source, day, content_hash, doc)"
             " VALUES (?, ?, ?, ?, ?, ?)",
    "slack": "INSERT INTO {ks}.chat_messages (company_id, day, ts, id, sender, channel,"
             " thread_id, text, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "gmail": "INSERT INTO {ks}.email_messages (company_id, day, ts, id, sender, subject,"
             " thread_id, text, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "pend": "INSERT INTO {ks}.pending_messages (shard, id, company_id) VALUES (?, ?, ?)",
    "unpend": "DELETE FROM {ks}.pending_messages WHERE shard = ? AND id = ?",
    "marked": "SELECT id FROM {ks}.pending_messages WHERE shard = ? AND id IN ?",
    "pending": "SELECT id, company_id FROM {ks}.pending_messages WHERE shard = ?",
    "dead": "INSERT INTO {ks}.dead_letters (origin, stage, reason, message_id, raw, at)"
            " VALUES (?, ?, ?, ?, ?, ?) IF NOT EXISTS",
    "dead_all": "SELECT origin, reason, stage, raw, message_id, at FROM {ks}.dead_letters",
}


class CassandraMessageStore:
    """Every raw message once, by id, with its extraction status; plus the dead letters."""

    def __init__(self, hosts: Sequence[str], *, port: int = 9042, keyspace: str = "signalpipe",
                 replication_factor: int = 1, username: str | None = None,
                 password: str | None = None, retry_for_s: float = 30.0,
                 request_timeout_s: float = 20.0, compression: bool = False) -> None:
        if not _KEYSPACE_NAME.match(keyspace):
            raise StoreError(f"invalid Cassandra keyspace name {keyspace!r}")
        self.keyspace = keyspace
        self.retry_for_s = retry_for_s
        profile = ExecutionProfile(
            load_balancing_policy=TokenAwarePolicy(DCAwareRoundRobinPolicy()),
            consistency_level=ConsistencyLevel.LOCAL_QUORUM,
            request_timeout=request_timeout_s, row_factory=tuple_factory)
        auth = PlainTextAuthProvider(username, password) if username else None

        def connect() -> Any:
            # A Cluster whose first connect failed is shut down for good: make a new one.
            # Compression is off by default: the Python driver compresses in the same process
            # that is the bottleneck, so it costs throughput unless the network is slow.
            self._cluster = Cluster(list(hosts), port=port, auth_provider=auth,
                                    execution_profiles={EXEC_PROFILE_DEFAULT: profile},
                                    connection_class=_connection_class(),
                                    compression=compression)
            try:
                return self._cluster.connect()
            except BaseException:
                self._cluster.shutdown()
                raise

        self._session = self._retry("connect", connect)
        try:
            self._create_schema(replication_factor)
            self._q: dict[str, PreparedStatement] = self._retry("prepare", lambda: {
                k: self._session.prepare(v.format(ks=self.keyspace)) for k, v in _CQL.items()})
        except BaseException:
            self._cluster.shutdown()
            raise

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        c = settings.cassandra
        return cls(c.hosts, port=c.port, keyspace=c.keyspace,
                   replication_factor=c.replication_factor, username=c.username,
                   password=c.password.get_secret_value() if c.password else None)

    def _create_schema(self, replication_factor: int) -> None:
        # Identifiers cannot be bound parameters; the keyspace name is validated above.
        self._retry("create keyspace", lambda: self._session.execute(
            f"CREATE KEYSPACE IF NOT EXISTS {self.keyspace} WITH replication = "
            f"{{'class': 'SimpleStrategy', 'replication_factor': {int(replication_factor)}}}"))
        for name, ddl in _TABLES.items():
            self._retry(f"create table {name}",
                        partial(self._session.execute, ddl.format(ks=self.keyspace)))

    # -- helpers ----------------------------------------------------------------------------
    def _retry(self, what: str, call: Callable[[], T]) -> T:
        """Run `call`, retrying transient failures with backoff for at most `retry_for_s`."""
        deadline = time.monotonic() + self.retry_for_s
        delay = 0.1
        while True:
            try:
                return call()
            except _TRANSIENT as exc:
                if time.monotonic() + delay > deadline:
                    raise StoreError(f"cassandra {what} failed for {self.retry_for_s:.0f}s: "
                                     f"{exc}") from None
                logger.warning("cassandra %s failed, retrying in %.1fs: %s", what, delay, exc)
                time.sleep(delay)
                delay = min(delay * 2, 5.0)
            except DriverException as exc:
                raise StoreError(f"cassandra {what} failed: {exc}") from None

    def _concurrent(self, what: str, work: Sequence[_Stmt]) -> list[list[tuple[Any, ...]]]:
        """Execute statements with a bounded window of requests in flight; rows per statement."""
        if not work:
            return []

        def run() -> list[list[tuple[Any, ...]]]:
            results = execute_concurrent(self._session, work, concurrency=_CONCURRENCY,
                                         raise_on_first_error=True)
            return [list(r.result_or_exc) for r in results]

        return self._retry(what, run)

    def _by_id(self, query: str, message_ids: Sequence[str]) -> list[tuple[Any, ...]]:
        """Rows of messages_by_id for the known ids among `message_ids`."""
        return [row for rows in self._concurrent("read", self._by_id_reads(query, message_ids))
                for row in rows]

    def _by_id_reads(self, query: str, message_ids: Sequence[str]) -> list[_Stmt]:
        ids = list(dict.fromkeys(message_ids))
        return [(self._q[query], (ids[i:i + _READ_KEYS],)) for i in range(0, len(ids), _READ_KEYS)]

    def _marker_reads(self, message_ids: Sequence[str]) -> list[_Stmt]:
        by_shard: dict[int, list[str]] = {}
        for i in dict.fromkeys(message_ids):
            by_shard.setdefault(_shard(i), []).append(i)
        return [(self._q["marked"], (shard, ids[k:k + _READ_KEYS]))
                for shard, ids in by_shard.items() for k in range(0, len(ids), _READ_KEYS)]

    # -- MessageStore -----------------------------------------------------------------------
    def put_many(self, messages: Sequence[Message]) -> PutResult:
        """Store messages idempotently by id and say which still need extraction."""
        result = PutResult()
        if not messages:
            return result
        ids = [m.id for m in messages]
        lookups = self._by_id_reads("lookup", ids)
        found = self._concurrent("read", [*lookups, *self._marker_reads(ids)])
        marked = {row[0] for rows in found[len(lookups):] for row in rows}
        known = {r[0]: (r[1], r[0] not in marked) for rows in found[:len(lookups)] for r in rows}
        rows_first: list[_Keyed] = []
        ids_last: list[_Stmt] = []
        for message in messages:
            digest = content_hash(message)
            seen = known.get(message.id)
            if seen is None:
                known[message.id] = (digest, False)
                first, last = self._inserts(message, digest)
                rows_first.extend(first)
                ids_last.append(last)
                result.to_batch.append(message)
            elif seen[0] != digest:
                result.conflicts.append(message)
            elif seen[1]:
                result.already_done += 1
            else:
                result.to_batch.append(message)
        # messages_by_id last: a message counts as stored only once its row and pending marker
        # exist, so a crash between the two rounds is repaired by the replay (a stored message
        # without a marker would read as extracted).
        self._concurrent("write", _batched(rows_first))
        self._concurrent("write", ids_last)
        return result

    def _inserts(self, m: Message, digest: str) -> tuple[list[_Keyed], _Stmt]:
        ts = m.timestamp if m.timestamp.tzinfo else m.timestamp.replace(tzinfo=UTC)
        day: date = ts.astimezone(UTC).date()
        detail = m.channel if m.source is Source.SLACK else m.subject
        payload = _json(m.payload)
        size = len(m.text.encode("utf-8", "surrogatepass")) + len(payload) + 3 * len(m.id) + 128
        first: list[_Keyed] = [
            ((m.source.value, m.company_id, day), size,
             (self._q[m.source.value], (m.company_id, day, ts, m.id, m.sender, _opt(detail),
                                        _opt(m.thread_id), m.text, payload))),
            (("pend", _shard(m.id)), len(m.id) + len(m.company_id) + 64,
             (self._q["pend"], (_shard(m.id), m.id, m.company_id))),
        ]
        return first, (self._q["by_id"], (m.id, m.company_id, m.source.value, day, digest,
                                          m.model_dump_json()))

    def mark_extracted(self, message_ids: Sequence[str]) -> None:
        """Record that these messages went through extraction: delete their pending markers.

        Blind deletes: an unknown id leaves nothing behind but a tombstone, as an UPDATE of no
        row changes nothing in SQLite.
        """
        self._concurrent("mark extracted", _batched([
            (("pend", _shard(i)), len(i) + 64, (self._q["unpend"], (_shard(i), i)))
            for i in dict.fromkeys(message_ids)]))

    def pending(self, company_id: str) -> Iterator[Message]:
        """Messages stored but not extracted, ordered by timestamp then id."""
        shards = self._concurrent("read pending", [(self._q["pending"], (s,))
                                                   for s in range(_PENDING_SHARDS)])
        ids = [row[0] for rows in shards for row in rows if row[1] == company_id]
        found = [Message.model_validate_json(doc) for _id, doc in self._by_id("doc", ids)]
        found.sort(key=lambda m: (m.timestamp.isoformat(), m.id))
        yield from found

    def get_many(self, message_ids: Sequence[str]) -> list[Message]:
        """The stored messages among `message_ids`, in the order asked."""
        docs = {r[0]: r[1] for r in self._by_id("doc", message_ids)}
        return [Message.model_validate_json(docs[i]) for i in dict.fromkeys(message_ids)
                if i in docs]

    def count(self) -> int:
        """Messages stored. A full scan: meant for reports and tests, not hot paths."""
        rows = self._retry("count", lambda: self._session.execute(
            f"SELECT count(*) FROM {self.keyspace}.messages_by_id", timeout=300).one())
        return int(rows[0])

    def put_dead_letters(self, letters: Sequence[DeadLetter]) -> None:
        """Keep each dead letter whole; the first one stored for (origin, stage, reason) wins."""
        now = datetime.now(UTC)
        self._concurrent("write dead letters", [
            (self._q["dead"], (d.origin, d.stage, d.reason, _opt(d.message_id), d.raw, now))
            for d in letters])

    def dead_letters(self) -> list[DeadLetter]:
        """Every dead letter, oldest first."""
        rows = self._retry("read dead letters",
                           lambda: list(self._session.execute(self._q["dead_all"])))
        rows.sort(key=lambda r: (r[5], r[0]))
        return [DeadLetter(origin=o, reason=r, stage=s, raw=raw, message_id=m)
                for o, r, s, raw, m, _at in rows]

    def clear(self) -> None:
        """Delete every message, marker and dead letter (TRUNCATE: all replicas must be up)."""
        for table in _TABLES:
            self._retry(f"truncate {table}",
                        partial(self._session.execute, f"TRUNCATE {self.keyspace}.{table}",
                                timeout=120))

    def drop(self) -> None:
        """Delete the whole keyspace (tests and benchmarks that made their own)."""
        self._retry("drop keyspace", partial(self._session.execute,
                                             f"DROP KEYSPACE IF EXISTS {self.keyspace}",
                                             timeout=120))

    def close(self) -> None:
        """Close every connection to the cluster."""
        self._cluster.shutdown()


def _batched(writes: list[_Keyed]) -> list[_Stmt]:
    """Group writes by partition into unlogged batches of at most `_BATCH_BYTES`."""
    groups: dict[tuple[Any, ...], list[list[tuple[int, _Stmt]]]] = {}
    for key, size, stmt in writes:
        chunks = groups.setdefault(key, [[]])
        if chunks[-1] and sum(n for n, _ in chunks[-1]) + size > _BATCH_BYTES:
            chunks.append([])
        chunks[-1].append((size, stmt))
    out: list[_Stmt] = []
    for chunks in groups.values():
        for chunk in chunks:
            if len(chunk) == 1:
                out.append(chunk[0][1])
                continue
            batch = BatchStatement(batch_type=BatchType.UNLOGGED)
            for _size, (statement, values) in chunk:
                batch.add(statement, values)
            out.append((batch, None))
    return out


def _opt(value: str | None) -> Any:
    # Binding None writes a tombstone cell (reads then scan past it); unset writes nothing.
    return UNSET_VALUE if value is None else value


def _shard(message_id: str) -> int:
    return zlib.crc32(message_id.encode("utf-8", "surrogatepass")) % _PENDING_SHARDS


def _json(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, default=str)


def _connection_class() -> Any:
    # libev is the fastest reactor and, unlike asyncore, is not deprecated on Python 3.11.
    try:
        from cassandra.io.libevreactor import LibevConnection
    except ImportError:
        return None
    return LibevConnection
