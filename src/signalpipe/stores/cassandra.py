"""A Cassandra message store (scylla-driver): every raw message once, by id, across workers.

Tables, created on start in the settings' keyspace:

* ``chat_messages`` / ``email_messages``: the messages as the product reads them, partitioned by
  ``(company_id, day)``. The seed partitioned by company alone, so one company's partition grew
  without bound (Cassandra wants partitions well under ~100 MB); a UTC day keeps each partition
  to one day of one company while "one company, one period" is still a handful of partitions.
* ``messages_by_bucket``: per id, under ``bucket`` (a hash of the id), two kinds of row:
  ``kind = 0`` holds company, source, day, content hash and the whole document (it answers
  "seen before? same content?" for idempotent writes); ``kind = 1`` is the pending marker, there
  while the message is not yet extracted. Keying by bucket rather than by id is what makes the
  store cheap: a chunk of messages is one read (``id IN``) and one single-partition unlogged
  batch per bucket, where a partition per id cost a request per message and the driver's
  per-request CPU was the bottleneck. The document and its marker go in the same batch, so a
  message is stored with its marker atomically. `mark_extracted` deletes markers (blind
  deletes, batched); `pending()` reads the marker slice of each bucket instead of scanning every
  message, and keeps its company's. Deletes leave tombstones, so gc_grace_seconds is short: a
  tombstone purged early can at worst bring a marker back, and an extra extraction of a message
  merges into the same events. The price of few partitions is their size: each holds
  1/``_BUCKETS`` of every message ever stored (about 100 MB each at ten million messages of
  ~600 bytes), which suits this project's scale; more buckets mean smaller batches.
* ``dead_letters``: input that could not be used, kept whole.

Writes are concurrent (a bounded window of async requests) and idempotent, so a failed chunk is
retried whole with backoff for `retry_for_s`, then StoreError; nothing is acknowledged before
its write succeeds. Two workers writing the *same* id with *different* content at the same
instant race (last write wins in ``messages_by_bucket``); a lightweight transaction would close
that at several times the write cost, and ids are keyed so one conversation goes to one worker.
"""

from __future__ import annotations

import json
import logging
import re
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from functools import lru_cache, partial
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
from signalpipe.stores import cassandra_rekey, packing
from signalpipe.stores.base import MessageStore, PutResult
from signalpipe.stores.cassandra_state import CURSOR_TABLES, CassandraCursorsMixin
from signalpipe.stores.hashing import content_hash

logger = logging.getLogger(__name__)

T = TypeVar("T")
_Stmt = tuple[Any, tuple[Any, ...] | None]  # (prepared or batch statement, values)
_Keyed = tuple[tuple[Any, ...], int, _Stmt]  # (partition, estimated bytes, statement)

_BUCKETS = 64  # rows per batch and per read vs. partition size (see the module docstring)
_DOC, _PENDING = 0, 1  # the two kinds of row in messages_by_bucket
_CONCURRENCY = 256  # requests in flight per call: enough to hide latency, not to overload a node
# Keys per `id IN ?` read. One request per key costs the Python driver far more CPU than the
# server spends; a modest IN list lets the coordinator fan out instead, without making one
# request so large that a slow replica holds up many keys.
_READ_KEYS = 64
# Rows of one partition go out as one unlogged batch: one mutation, one replica set, cheaper
# than a request per row. Cassandra does not size-check single-partition batches (only
# multi-partition ones, against batch_size_warn_threshold), so this only bounds one mutation.
_PARTITION_BATCH_BYTES = 64 * 1024
# Small writes to different partitions (marker deletes) share a batch within Cassandra's
# defaults for warning about multi-partition unlogged batches: 5 KiB and 10 partitions.
_MULTI_BATCH_BYTES = 4096
_MULTI_BATCH_PARTITIONS = 10
# Protocol v5 wraps every frame in checksummed segments that the driver computes in pure Python
# (cassandra/segment.py), in the process that is the bottleneck; v4 has all this store uses.
_PROTOCOL_VERSION = 4
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
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
    # `packed` is the one copy of a message (`stores.packing`); `doc`, `content_hash`,
    # `source` and `day` are what stores written before it hold (see `_migrate_packed`), and
    # `company_id` names a pending marker's company.
    "messages_by_bucket": """CREATE TABLE IF NOT EXISTS {ks}.messages_by_bucket (
        bucket int, kind tinyint, id text, company_id text, source text, day date,
        content_hash text, doc text, packed blob, PRIMARY KEY ((bucket), kind, id))
        WITH gc_grace_seconds = 3600""",
    "store_meta": """CREATE TABLE IF NOT EXISTS {ks}.store_meta (
        key text PRIMARY KEY, value text)""",
    "dead_letters": """CREATE TABLE IF NOT EXISTS {ks}.dead_letters (
        origin text, stage text, reason text, message_id text, raw text, at timestamp,
        PRIMARY KEY ((origin), stage, reason))""",
}

_T = "{ks}.messages_by_bucket"
_CQL = {
    "lookup": f"SELECT kind, id, packed, doc FROM {_T} WHERE bucket = ?"
              f" AND kind IN ({_DOC}, {_PENDING}) AND id IN ?",
    "doc": f"SELECT id, packed, doc FROM {_T} WHERE bucket = ? AND kind = {_DOC} AND id IN ?",
    "put": f"INSERT INTO {_T} (bucket, kind, id, packed) VALUES (?, {_DOC}, ?, ?)",
    "legacy": f"SELECT id, doc FROM {_T} WHERE bucket = ? AND kind = {_DOC}",
    "repack": f"UPDATE {_T} SET packed = ?, doc = null, content_hash = null, company_id = null,"
              f" source = null, day = null WHERE bucket = ? AND kind = {_DOC} AND id = ?",
    "meta_get": "SELECT value FROM {ks}.store_meta WHERE key = ?",
    "meta_put": "INSERT INTO {ks}.store_meta (key, value) VALUES (?, ?)",
    "pend": f"INSERT INTO {_T} (bucket, kind, id, company_id) VALUES (?, {_PENDING}, ?, ?)",
    "unpend": f"DELETE FROM {_T} WHERE bucket = ? AND kind = {_PENDING} AND id = ?",
    "pending": f"SELECT id, company_id FROM {_T} WHERE bucket = ? AND kind = {_PENDING}",
    "count": f"SELECT count(*) FROM {_T} WHERE bucket = ? AND kind = {_DOC}",
    "slack": "INSERT INTO {ks}.chat_messages (company_id, day, ts, id, sender, channel,"
             " thread_id, text, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "gmail": "INSERT INTO {ks}.email_messages (company_id, day, ts, id, sender, subject,"
             " thread_id, text, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "dead": "INSERT INTO {ks}.dead_letters (origin, stage, reason, message_id, raw, at)"
            " VALUES (?, ?, ?, ?, ?, ?) IF NOT EXISTS",
    "dead_all": "SELECT origin, reason, stage, raw, message_id, at FROM {ks}.dead_letters",
}


class CassandraMessageStore(CassandraCursorsMixin, MessageStore):
    """Every raw message once, by id, with its extraction status; plus the dead letters and
    the live syncs' cursors (`cassandra_state.py`)."""

    def __init__(self, hosts: Sequence[str], *, port: int = 9042, keyspace: str = "signalpipe",
                 replication_factor: int = 1, username: str | None = None,
                 password: str | None = None, retry_for_s: float = 30.0,
                 request_timeout_s: float = 20.0, compression: bool = False,
                 replication_strategy: str = "NetworkTopologyStrategy",
                 datacenter: str = "datacenter1", read_consistency: str = "LOCAL_QUORUM",
                 write_consistency: str = "LOCAL_QUORUM") -> None:
        if not _KEYSPACE_NAME.match(keyspace):
            raise StoreError(f"invalid Cassandra keyspace name {keyspace!r}")
        self.keyspace = keyspace
        self.retry_for_s = retry_for_s
        self.replication = _replication(replication_strategy, replication_factor, datacenter)
        self._read_cl = _consistency(read_consistency)
        self._write_cl = _consistency(write_consistency)
        profile = ExecutionProfile(
            load_balancing_policy=TokenAwarePolicy(DCAwareRoundRobinPolicy(datacenter)),
            consistency_level=self._write_cl,
            request_timeout=request_timeout_s, row_factory=tuple_factory)
        auth = PlainTextAuthProvider(username, password) if username else None

        def connect() -> Any:
            # A Cluster whose first connect failed is shut down for good: make a new one.
            # Compression is off by default: the Python driver compresses in the same process
            # that is the bottleneck, so it costs throughput unless the network is slow.
            self._cluster = Cluster(list(hosts), port=port, auth_provider=auth,
                                    execution_profiles={EXEC_PROFILE_DEFAULT: profile},
                                    connection_class=_connection_class(),
                                    compression=compression,
                                    protocol_version=_PROTOCOL_VERSION)
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
            for statement in self._q.values():
                reads = statement.query_string.lstrip().upper().startswith("SELECT")
                statement.consistency_level = self._read_cl if reads else self._write_cl
            self._migrate_packed()
            cassandra_rekey.migrate(self, _BUCKETS, _DOC, _PENDING)
        except BaseException:
            self._cluster.shutdown()
            raise

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        c = settings.cassandra
        return cls(c.hosts, port=c.port, keyspace=c.keyspace,
                   replication_factor=c.replication_factor, username=c.username,
                   password=c.password.get_secret_value() if c.password else None,
                   retry_for_s=c.retry_for_s, replication_strategy=c.replication_strategy,
                   datacenter=c.datacenter, read_consistency=c.read_consistency,
                   write_consistency=c.write_consistency)

    def _create_schema(self, replication_factor: int) -> None:
        if self.keyspace not in self._cluster.metadata.keyspaces:
            self._check_enough_nodes(replication_factor)
        # Identifiers cannot be bound parameters; the keyspace name is validated above.
        self._retry("create keyspace", lambda: self._session.execute(
            f"CREATE KEYSPACE IF NOT EXISTS {self.keyspace} WITH replication = "
            f"{self.replication}"))
        for name, ddl in _TABLES.items():
            self._retry(f"create table {name}",
                        partial(self._session.execute, ddl.format(ks=self.keyspace)))
        self._create_cursor_tables()
        # A table created before `stores.packing` has no `packed` column yet.
        columns = {row[0] for row in self._rows(
            "SELECT column_name FROM system_schema.columns WHERE keyspace_name = %s AND "
            "table_name = 'messages_by_bucket'", (self.keyspace,))}
        if "packed" not in columns:
            self._retry("add column packed", partial(
                self._session.execute,
                f"ALTER TABLE {self.keyspace}.messages_by_bucket ADD packed blob", timeout=60))

    def _migrate_packed(self) -> None:
        """Rewrite documents stored as JSON text (before `stores.packing`) packed, and drop the
        product tables' copies of text and payload; once per keyspace (a marker row says so).

        Idempotent, so two workers starting together on an old keyspace both may run it. A
        new keyspace has nothing to rewrite and only gets the marker.
        """
        done = self._retry("read store version", lambda: list(self._session.execute(
            self._q["meta_get"], ("packing",))))
        if done:
            return
        repacked = 0
        for bucket in range(_BUCKETS):
            rows = self._retry("read legacy documents", partial(
                self._rows, self._q["legacy"], (bucket,)))
            work: list[_Stmt] = [
                (self._q["repack"], (packing.pack_json(json.loads(doc)), bucket, i))
                for i, doc in rows if doc is not None]
            self._concurrent("repack documents", work)
            repacked += len(work)
        for table in ("chat_messages", "email_messages"):
            keys = self._retry(f"scan {table}", partial(
                self._rows, f"SELECT company_id, day, ts, id, text FROM {self.keyspace}.{table}",
                None))
            slim = self._retry(f"prepare {table}", partial(
                self._session.prepare, f"UPDATE {self.keyspace}.{table} SET text = null, "
                "payload = null WHERE company_id = ? AND day = ? AND ts = ? AND id = ?"))
            self._concurrent(f"slim {table}", [(slim, tuple(key[:4])) for key in keys
                                               if key[4] is not None])
        if repacked:
            logger.info("cassandra %s: %d documents repacked", self.keyspace, repacked)
        self._retry("write store version", lambda: self._session.execute(
            self._q["meta_put"], ("packing", "1")))

    def _rows(self, query: Any, values: tuple[Any, ...] | None) -> list[tuple[Any, ...]]:
        return list(self._session.execute(query, values, timeout=300))

    def _check_enough_nodes(self, replication_factor: int) -> None:
        """A new keyspace with more replicas than live nodes is a configuration error, said so.

        Cassandra would accept it and then fail every quorum write; an existing keyspace is not
        checked, so a worker may start while one node is down.
        """
        live = [h for h in self._cluster.metadata.all_hosts() if h.is_up is not False]
        if replication_factor > len(live):
            raise StoreError(f"cassandra.replication_factor is {replication_factor} but only "
                             f"{len(live)} Cassandra node(s) are live: start more nodes or "
                             "lower the replication factor")

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

    def _by_bucket(self, query: str, message_ids: Sequence[str]) -> list[tuple[Any, ...]]:
        """Rows of `query` for the known ids among `message_ids`."""
        return [row for rows in self._concurrent("read", self._reads(query, message_ids))
                for row in rows]

    def _reads(self, query: str, message_ids: Sequence[str]) -> list[_Stmt]:
        """One `id IN ?` read per bucket (and per `_READ_KEYS` ids)."""
        by_bucket: dict[int, list[str]] = {}
        for i in dict.fromkeys(message_ids):
            by_bucket.setdefault(_bucket(i), []).append(i)
        return [(self._q[query], (bucket, ids[k:k + _READ_KEYS]))
                for bucket, ids in by_bucket.items() for k in range(0, len(ids), _READ_KEYS)]

    # -- MessageStore -----------------------------------------------------------------------
    def put_many(self, messages: Sequence[Message],
                 docs: Sequence[bytes] | None = None) -> PutResult:
        """Store messages idempotently by id and say which still need extraction."""
        result = PutResult()
        if not messages:
            return result
        known: dict[str, tuple[str, bool]] = {}  # id -> (content hash, extracted)
        marked: set[str] = set()
        for kind, message_id, packed, doc in self._by_bucket("lookup", [m.id for m in messages]):
            if kind == _DOC:
                known[message_id] = (content_hash(packing.unpack(packed or doc)), True)
            else:
                marked.add(message_id)
        for message_id in marked.intersection(known):
            known[message_id] = (known[message_id][0], False)
        rows: list[_Keyed] = []
        by_id: list[_Keyed] = []
        for i, message in enumerate(messages):
            digest = content_hash(message)
            if result.sort(message, digest, known):
                rows.append(self._row(message))
                packed = packing.pack(message, docs[i] if docs else None)
                by_id.extend(self._by_id_rows(message, packed))
        # The id rows last: a message counts as stored once its document and marker exist (one
        # atomic single-partition batch), so a crash between the two rounds leaves a product
        # row at most, which the replay writes again.
        self._concurrent("write", _pack(rows))
        self._concurrent("write", _pack(by_id))
        return result

    def _row(self, m: Message) -> _Keyed:
        """The product table's row: chat_messages or email_messages.

        The index of one company's messages by day, not a second copy of them: text and
        payload are left unset (no cells), and a reader takes the message by id from the one
        packed copy (`get_many`).
        """
        ts = _utc(m.timestamp)
        day = _day(ts)
        detail = m.channel if m.source is Source.SLACK else m.subject
        size = 3 * len(m.id) + len(m.sender) + 128
        return ((m.source.value, m.company_id, day), size,
                (self._q[m.source.value], (m.company_id, day, ts, m.id, m.sender, _opt(detail),
                                           _opt(m.thread_id), UNSET_VALUE, UNSET_VALUE)))

    def _by_id_rows(self, m: Message, packed: bytes) -> tuple[_Keyed, _Keyed]:
        """The document row and the pending marker, both in the id's bucket."""
        bucket = _bucket(m.id)
        return ((("bucket", bucket), len(packed) + len(m.id) + 64,
                 (self._q["put"], (bucket, m.id, packed))),
                (("bucket", bucket), len(m.id) + len(m.company_id) + 64,
                 (self._q["pend"], (bucket, m.id, m.company_id))))

    def mark_extracted(self, message_ids: Sequence[str]) -> None:
        """Record that these messages went through extraction: delete their pending markers.

        Blind deletes: an unknown id leaves nothing behind but a tombstone, as an UPDATE of no
        row changes nothing in SQLite.
        """
        self._concurrent("mark extracted", _pack([
            (("bucket", _bucket(i)), len(i) + 64, (self._q["unpend"], (_bucket(i), i)))
            for i in dict.fromkeys(message_ids)]))

    def pending(self, company_id: str) -> Iterator[Message]:
        """Messages stored but not extracted, ordered by timestamp then id."""
        markers = self._concurrent("read pending", [(self._q["pending"], (b,))
                                                    for b in range(_BUCKETS)])
        ids = [row[0] for rows in markers for row in rows if row[1] == company_id]
        found = [packing.unpack(packed or doc, key)
                 for key, packed, doc in self._by_bucket("doc", ids)]
        found.sort(key=lambda m: (m.timestamp.isoformat(), m.id))
        yield from found

    def get_many(self, message_ids: Sequence[str]) -> list[Message]:
        """The stored messages among `message_ids`, in the order asked."""
        docs = {r[0]: r[1] or r[2] for r in self._by_bucket("doc", message_ids)}
        return [packing.unpack(docs[i], i) for i in dict.fromkeys(message_ids) if i in docs]

    def count(self) -> int:
        """Messages stored. Reads every bucket: meant for reports and tests, not hot paths."""
        counts = self._concurrent("count", [(self._q["count"], (b,)) for b in range(_BUCKETS)])
        return sum(int(rows[0][0]) for rows in counts)

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
        for table in [*_TABLES, *CURSOR_TABLES]:
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


def _pack(writes: list[_Keyed]) -> list[_Stmt]:
    """Group writes into few requests: one unlogged batch per partition (up to
    `_PARTITION_BATCH_BYTES`), and small partitions' writes together in batches that stay under
    Cassandra's warning thresholds for multi-partition batches."""
    groups: dict[tuple[Any, ...], list[tuple[int, list[_Stmt]]]] = {}  # [(bytes, writes)]
    for key, size, stmt in writes:
        chunks = groups.setdefault(key, [])
        if not chunks or chunks[-1][0] + size > _PARTITION_BATCH_BYTES:
            chunks.append((0, []))
        chunks[-1] = (chunks[-1][0] + size, chunks[-1][1])
        chunks[-1][1].append(stmt)
    out: list[_Stmt] = []
    shared: list[_Stmt] = []  # statements of the small partitions in the batch being filled
    shared_bytes = shared_partitions = 0
    for chunks in groups.values():
        for size, chunk in chunks:
            if size > _MULTI_BATCH_BYTES:
                out.append(_batch(chunk))
                continue
            if (shared_bytes + size > _MULTI_BATCH_BYTES
                    or shared_partitions == _MULTI_BATCH_PARTITIONS):
                out.append(_batch(shared))
                shared, shared_bytes, shared_partitions = [], 0, 0
            shared.extend(chunk)
            shared_bytes += size
            shared_partitions += 1
    if shared:
        out.append(_batch(shared))
    return out


def _batch(statements: list[_Stmt]) -> _Stmt:
    if len(statements) == 1:
        return statements[0]
    batch = BatchStatement(batch_type=BatchType.UNLOGGED)
    first, values = statements[0]
    batch.add(first, values)  # the public path: it also sets the batch's routing key
    for statement, values in statements[1:]:
        # BatchStatement.add binds through a BoundStatement and checks, per value, for column
        # encryption this store never configures: twice the cost of serializing the values,
        # on the hottest path of the process that is the bottleneck.
        batch._add_statement_and_params(True, statement.query_id, _serialize(statement, values))
    return batch, None


def _serialize(statement: PreparedStatement, values: tuple[Any, ...] | None) -> list[Any]:
    """What `PreparedStatement.bind` produces for a full row of values (protocol v4+)."""
    types, version = _column_types(statement)
    assert values is not None and len(values) == len(types)
    return [v if v is None or v is UNSET_VALUE else t.serialize(v, version)
            for v, t in zip(values, types, strict=True)]


@lru_cache(maxsize=64)
def _column_types(statement: PreparedStatement) -> tuple[tuple[Any, ...], int]:
    return tuple(c.type for c in statement.column_metadata), statement.protocol_version


def _utc(ts: datetime) -> datetime:
    return (ts if ts.tzinfo else ts.replace(tzinfo=UTC)).astimezone(UTC)


def _day(ts: datetime) -> int:
    """The UTC day as the driver serializes a `date` column from an int: days since the epoch
    offset by 2**31 (a quarter of the cost of serializing a `datetime.date`)."""
    return ts.date().toordinal() - _EPOCH_ORDINAL + 2**31


def _opt(value: str | None) -> Any:
    # Binding None writes a tombstone cell (reads then scan past it); unset writes nothing.
    return UNSET_VALUE if value is None else value


def _bucket(message_id: str) -> int:
    return zlib.crc32(message_id.encode("utf-8", "surrogatepass")) % _BUCKETS


def _connection_class() -> Any:
    # libev is the fastest reactor and, unlike asyncore, is not deprecated on Python 3.11.
    try:
        from cassandra.io.libevreactor import LibevConnection
    except ImportError:
        return None
    return LibevConnection


def _replication(strategy: str, factor: int, datacenter: str) -> str:
    """The keyspace's replication map in CQL."""
    if strategy == "SimpleStrategy":
        return f"{{'class': 'SimpleStrategy', 'replication_factor': {int(factor)}}}"
    if strategy != "NetworkTopologyStrategy":
        raise StoreError(f"unknown Cassandra replication strategy {strategy!r}")
    if not _KEYSPACE_NAME.match(datacenter.replace("-", "_")):
        raise StoreError(f"invalid Cassandra datacenter name {datacenter!r}")
    return f"{{'class': 'NetworkTopologyStrategy', '{datacenter}': {int(factor)}}}"


def _consistency(name: str) -> int:
    try:
        return int(getattr(ConsistencyLevel, name))
    except AttributeError:
        raise StoreError(f"unknown Cassandra consistency level {name!r}") from None
