"""Shared pieces of the fault tests: an isolated services stack, worker and producer processes,
a monitor that watches the run from outside, and the check that the end state equals a clean run.

A fault test drives N generated messages through real Kafka, Cassandra, PostgreSQL and Redis with
`signalpipe worker` processes, breaks something mid-run, and then requires the final state to be
exactly what a clean embedded run over the same file leaves: every id stored once and extracted,
the same events (fingerprint and sorted source ids) each once, no Redis leftovers, the same
report event count. Each test measures how long the backlog took to drain after the fault ended.

Fingerprints include the company id, and every test runs under a company of its own, so events
are compared through `event_key`: the fingerprint recomputed for a neutral company from the
event's own type, metrics and title (checked to reproduce the stored fingerprint), plus the
sorted source ids.

Run as a script, this module is the paced producer the Kafka test needs::

    python tests/faults/harness.py produce traffic.csv --rate 1000
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from signalpipe.models import (
    Message,
    SignificantEvent,
    canonical_fingerprint,
    message_key,
    source_id_of,
)
from signalpipe.settings import Settings, TopicSettings, load_settings

REPO = Path(__file__).resolve().parents[2]
SEED = 7
NEUTRAL_COMPANY = "faults"
REPORT_EVENTS = re.compile(r"^(\d+) events\.$", re.MULTILINE)
SERVICES = ("kafka", "cassandra", "postgres", "redis")


# -- configuration --------------------------------------------------------------------------------
@dataclass(frozen=True)
class FaultConfig:
    """Knobs for the whole fault suite, from SIGNALPIPE_FAULT_* variables (tests only).

    lease_s and session_ms shorten two timeouts that otherwise dominate recovery after a
    SIGKILL: a dead worker's Redis leases (redis.lock_ttl_s, default 300 s) and its Kafka
    group membership (session.timeout.ms, librdkafka default 45 s). batch_age_s
    (max_batch_age_s, default 30 s) is how long the last, partial batch waits, and with it how
    often an idle worker re-reads the pending messages. All three are what a deployment that
    wants fast fail-over would set; the drain times measured here are bounded below by them.

    stall_s: how long a backlog may sit in the message store with Redis idle (nothing
    buffered, no live lease) before the test concludes the running workers will not pick it
    up by themselves and stops them (each drains on SIGTERM). It must exceed an idle worker's
    recovery interval, max(batch_age_s, 10 s).
    """

    n: int = 20_000
    llm_n: int = 100_000
    """At most this many messages for the LLM test (each batch is an HTTP round trip)."""
    lease_s: float = 15.0
    session_ms: int = 10_000
    batch_age_s: float = 5.0
    idle_exit_s: float = 120.0
    stall_s: float = 25.0
    results: Path | None = None

    @classmethod
    def from_env(cls) -> FaultConfig:
        env = os.environ
        n = int(env.get("SIGNALPIPE_FAULT_N", cls.n))
        if not 1_000 <= n <= 1_000_000:
            raise ValueError(f"SIGNALPIPE_FAULT_N must be 1,000..1,000,000, not {n}")
        results = env.get("SIGNALPIPE_FAULT_RESULTS")
        return cls(n=n, llm_n=int(env.get("SIGNALPIPE_FAULT_LLM_N", min(n, cls.llm_n))),
                   lease_s=float(env.get("SIGNALPIPE_FAULT_LEASE_S", cls.lease_s)),
                   session_ms=int(env.get("SIGNALPIPE_FAULT_SESSION_MS", cls.session_ms)),
                   batch_age_s=float(env.get("SIGNALPIPE_FAULT_BATCH_AGE_S", cls.batch_age_s)),
                   stall_s=float(env.get("SIGNALPIPE_FAULT_STALL_S", cls.stall_s)),
                   results=Path(results) if results else None)

    @property
    def test_timeout_s(self) -> int:
        """Per-test limit: generous fixed costs (service restarts) plus ~10 ms a message."""
        return int(900 + self.n * 0.01)


MakeStack = Callable[..., "FaultStack"]
"""What the make_stack fixture returns: build an isolated stack, extra SIGNALPIPE_* as keywords."""


# -- the clean reference ------------------------------------------------------------------------
@dataclass(frozen=True)
class Reference:
    """What a clean embedded run over the traffic file leaves behind (company-neutral)."""

    csv: Path
    ids: tuple[str, ...]
    hashes: dict[str, str]
    events: dict[tuple[str, tuple[str, ...]], str]
    """event_key -> title"""
    mentions: Counter[tuple[str, str]]
    report_events: int
    seconds: float


def event_key(event: SignificantEvent) -> tuple[str, tuple[str, ...]]:
    """A company-neutral identity for comparing events across runs.

    The fingerprint is recomputed for NEUTRAL_COMPANY from the event's own type, metrics and
    title; when that does not reproduce the stored fingerprint (dedup re-pointed the event at a
    near twin) the key falls back to the event type, so such events still compare by sources.
    """
    own = canonical_fingerprint(event.company_id, event.event_type.value, event.metrics,
                                event.title)
    if own == event.fingerprint:
        fp = canonical_fingerprint(NEUTRAL_COMPANY, event.event_type.value, event.metrics,
                                   event.title)
    else:
        fp = f"twin:{event.event_type.value}"
    # by the ids the CSV wrote: the stored keys name the company, which differs between runs
    return fp, tuple(sorted(source_id_of(i) for i in event.source_message_ids))


def mentions(events: Sequence[SignificantEvent]) -> Counter[tuple[str, str]]:
    return Counter((e.event_type.value, source_id_of(m)) for e in events
                   for m in e.source_message_ids)


def report_event_count(markdown: str) -> int:
    match = REPORT_EVENTS.search(markdown)
    assert match, "the report has no 'N events.' line"
    return int(match.group(1))


def read_messages(csv_path: Path, company: str) -> list[Message]:
    from signalpipe.sources.csv import CSVSource

    return [m for m in CSVSource(csv_path, company_id=company).read(None)
            if isinstance(m, Message)]


def build_reference(csv_path: Path, out: Path, *, llm: dict[str, Any] | None = None) -> Reference:
    """Run the embedded stack once over `csv_path` (rules, or the LLM settings given)."""
    from signalpipe import pipeline
    from signalpipe.backends import open_backends
    from signalpipe.commands.reporting import write_report
    from signalpipe.sources.csv import CSVSource
    from signalpipe.stores.hashing import content_hash

    out.mkdir(parents=True, exist_ok=True)
    company = f"ref_{uuid.uuid4().hex[:8]}"
    overrides: dict[str, Any] = {"output_dir": out, "company_id": company}
    if llm:
        overrides["llm"] = llm
    settings = load_settings(**overrides)
    backends = open_backends(settings)
    try:
        started = time.perf_counter()
        pipeline.run(settings, backends, CSVSource(csv_path, company_id=company))
        seconds = time.perf_counter() - started
        events = backends.events.list_events(company)
        assert backends.events.parked() == [], "the clean reference run parked batches"
        assert list(backends.messages.pending(company)) == []
        report = write_report(settings, backends, None).read_text("utf-8")
    finally:
        backends.close()
    messages = read_messages(csv_path, NEUTRAL_COMPANY)
    keys = {event_key(e): e.title for e in events}
    assert len(keys) == len(events), "two reference events share a key"
    return Reference(csv=csv_path, ids=tuple(m.source_id for m in messages),
                     hashes={m.source_id: content_hash(m) for m in messages},
                     events=keys, mentions=mentions(events),
                     report_events=report_event_count(report), seconds=seconds)


# -- an isolated stack ----------------------------------------------------------------------------
def _dsn_with_search_path(dsn: str, schema: str) -> str:
    parts = urlsplit(dsn)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "options"]
    query.append(("options", f"-csearch_path={schema}"))
    return urlunsplit(parts._replace(query=urlencode(query)))


def service_pids() -> dict[str, int | None]:
    from signalpipe import services

    return {name: st.endpoint.pid for name, st in services.status(SERVICES).items()}


def redis_flushes(settings: Settings) -> int:
    """FLUSHALL and FLUSHDB calls since Redis started (from INFO commandstats)."""
    import redis

    with redis.Redis.from_url(settings.redis.url.get_secret_value()) as client:
        stats = client.info("commandstats")
    return sum(int(stats.get(f"cmdstat_{c}", {}).get("calls", 0)) for c in ("flushall", "flushdb"))


def rebuffered(procs: Sequence[Proc]) -> list[tuple[float, int]]:
    """(epoch seconds, messages) of every 're-buffered N pending messages' line the workers
    logged: each is a recovery that found messages missing from Redis."""
    from datetime import datetime

    found = []
    for proc in procs:
        for m in re.finditer(r"^(\S+ \S+) INFO signalpipe\.worker: re-buffered (\d+) pending",
                             proc.output(), re.MULTILINE):
            at = datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S,%f").timestamp()
            found.append((at, int(m.group(2))))
    return sorted(found)


def ensure_services_up() -> None:
    """Start whatever a fault left stopped; idempotent when every server answers."""
    from signalpipe import services

    services.up()


@dataclass
class FaultStack:
    """Services settings and SIGNALPIPE_* variables that share nothing with any other run."""

    settings: Settings
    env: dict[str, str]
    schema: str
    admin_dsn: str
    workdir: Path
    processes: list[Proc] = field(default_factory=list)
    service_pids: dict[str, int | None] = field(default_factory=dict)
    redis_flushes: int = 0
    own_flushes: int = 0

    @classmethod
    def create(cls, workdir: Path, config: FaultConfig, *,
               extra_env: dict[str, str] | None = None,
               base: Settings | None = None) -> FaultStack:
        """`base` gives the Kafka and Cassandra to use (the cluster suite's); default: the
        settings' own (the single-node stack)."""
        import psycopg
        from psycopg import sql

        tag = uuid.uuid4().hex[:10]
        base = base or load_settings()
        schema = f"sp_fault_{tag}"
        admin_dsn = base.postgres.dsn.get_secret_value()
        dsn = _dsn_with_search_path(admin_dsn, schema)
        topics = TopicSettings(slack=f"fault-{tag}-slack", gmail=f"fault-{tag}-gmail",
                               dead_letter=f"fault-{tag}-dead")
        kafka_extra = {"session.timeout.ms": str(config.session_ms),
                       "heartbeat.interval.ms": str(max(1000, config.session_ms // 5))}
        settings = load_settings(
            stack="services", company_id=f"fault_{tag}", topics=topics, output_dir=workdir,
            max_batch_age_s=config.batch_age_s,
            kafka=base.kafka.model_copy(update={"group_id": f"fault-{tag}", "partitions": 4,
                                                "extra": kafka_extra}),
            cassandra=base.cassandra.model_copy(update={"keyspace": f"sp_fault_{tag}"}),
            redis=base.redis.model_copy(update={"lock_ttl_s": config.lease_s}),
            postgres={"dsn": dsn})
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        env = {
            "SIGNALPIPE_STACK": "services",
            "SIGNALPIPE_COMPANY_ID": settings.company_id,
            "SIGNALPIPE_TOPICS__SLACK": topics.slack,
            "SIGNALPIPE_TOPICS__GMAIL": topics.gmail,
            "SIGNALPIPE_TOPICS__DEAD_LETTER": topics.dead_letter,
            "SIGNALPIPE_KAFKA__GROUP_ID": settings.bus.group_id,
            "SIGNALPIPE_KAFKA__BOOTSTRAP_SERVERS": settings.kafka.bootstrap_servers,
            "SIGNALPIPE_KAFKA__EXTRA": json.dumps(kafka_extra),
            "SIGNALPIPE_KAFKA__REPLICATION_FACTOR": str(settings.kafka.replication_factor),
            "SIGNALPIPE_KAFKA__MIN_INSYNC_REPLICAS": str(settings.kafka.min_insync_replicas),
            "SIGNALPIPE_CASSANDRA__KEYSPACE": settings.cassandra.keyspace,
            "SIGNALPIPE_CASSANDRA__HOSTS": json.dumps(settings.cassandra.hosts),
            "SIGNALPIPE_CASSANDRA__PORT": str(settings.cassandra.port),
            "SIGNALPIPE_CASSANDRA__REPLICATION_FACTOR": str(settings.cassandra.replication_factor),
            "SIGNALPIPE_POSTGRES__DSN": dsn,
            "SIGNALPIPE_REDIS__URL": settings.redis.url.get_secret_value(),
            "SIGNALPIPE_REDIS__LOCK_TTL_S": str(config.lease_s),
            "SIGNALPIPE_MAX_BATCH_AGE_S": str(config.batch_age_s),
            **(extra_env or {}),
        }
        stack = cls(settings=settings, env=env, schema=schema, admin_dsn=admin_dsn,
                    workdir=workdir, service_pids=service_pids(),
                    redis_flushes=redis_flushes(settings))
        stack.prepare()
        return stack

    def restarted_elsewhere(self, *, ours: Sequence[str] = ()) -> list[str]:
        """Servers whose process changed during the test though the test did not restart
        them, and Redis flushes the test did not make: another run on this machine did (the
        servers are shared), so the figures of this test may include that disruption."""
        now = service_pids()
        out = [f"{n} restarted" for n in SERVICES
               if n not in ours and now.get(n) != self.service_pids.get(n)]
        flushes = redis_flushes(self.settings) - self.redis_flushes - self.own_flushes
        if flushes > 0 and now.get("redis") == self.service_pids.get("redis"):
            out.append(f"redis flushed {flushes}x")
        return out

    def prepare(self) -> None:
        """Create topics, keyspace, tables and the event schema once, before any process starts
        (two workers starting together must not race on schema changes)."""
        from signalpipe.backends import open_backends

        backends = open_backends(self.settings)
        try:
            t = self.settings.bus.topics
            backends.bus.ensure_topics([t.slack, t.gmail, t.dead_letter])
        finally:
            backends.close()

    @property
    def company(self) -> str:
        return self.settings.company_id

    # -- processes --------------------------------------------------------------------------
    def worker(self, name: str, *, idle_exit_s: float, llm: str | None = None) -> Proc:
        exe = Path(sys.executable).with_name("signalpipe")
        args = [str(exe), "worker", "--stack", "services", "--idle-exit", str(idle_exit_s),
                "--output-dir", str(self.workdir / name), "--verbose"]
        if llm:
            args += ["--llm", llm]
        return self._spawn(name, args)

    def producer(self, csv_path: Path, *, rate: float | None = None,
                 name: str = "producer") -> Proc:
        args = [sys.executable, str(Path(__file__)), "produce", str(csv_path)]
        if rate:
            args += ["--rate", str(rate)]
        return self._spawn(name, args)

    def _spawn(self, name: str, args: list[str]) -> Proc:
        env = {**os.environ, **self.env,
               "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)])}
        proc = Proc.start(name, args, env=env, cwd=self.workdir)
        self.processes.append(proc)
        return proc

    def stop_processes(self) -> None:
        for proc in self.processes:
            proc.kill()

    # -- cleanup ----------------------------------------------------------------------------
    def cleanup(self) -> None:
        """Kill leftover processes, bring every server back, then drop every name we made."""
        import psycopg
        from psycopg import sql

        from signalpipe.batching.redis import RedisBatcher
        from signalpipe.bus.kafka import KafkaBus
        from signalpipe.errors import BusError
        from signalpipe.stores.cassandra import CassandraMessageStore

        self.stop_processes()
        ensure_services_up()
        bus = KafkaBus.from_settings(self.settings)
        try:
            t = self.settings.bus.topics
            bus.delete_topics([t.slack, t.gmail, t.dead_letter])
            with contextlib.suppress(BusError):  # a killed member lingers for a session
                bus.delete_groups([self.settings.bus.group_id])
        finally:
            bus.close()
        store = CassandraMessageStore.from_settings(self.settings)
        try:
            store.drop()
        finally:
            store.close()
        batcher = RedisBatcher.from_settings(self.settings)
        try:
            keys = list(batcher.client.scan_iter(match=f"signalpipe:{{{self.company}}}:*"))
            if keys:
                batcher.client.delete(*keys)
            batcher.client.srem("signalpipe:companies", self.company)
        finally:
            batcher.close()
        with psycopg.connect(self.admin_dsn, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                sql.Identifier(self.schema)))


@dataclass
class Proc:
    """A `signalpipe` child process whose output goes to a log file."""

    name: str
    popen: subprocess.Popen[bytes]
    log: Path
    started: float
    signalled: bool = False

    @classmethod
    def start(cls, name: str, args: list[str], *, env: dict[str, str], cwd: Path) -> Proc:
        cwd.mkdir(parents=True, exist_ok=True)
        log = cwd / f"{name}.log"
        with log.open("ab") as handle:
            popen = subprocess.Popen(args, env=env, cwd=cwd, stdout=handle,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        return cls(name=name, popen=popen, log=log, started=time.monotonic())

    @property
    def pid(self) -> int:
        return self.popen.pid

    @property
    def alive(self) -> bool:
        return self.popen.poll() is None

    @property
    def returncode(self) -> int | None:
        return self.popen.poll()

    def kill9(self) -> None:
        """SIGKILL, as a crash or an OOM kill would; reaps the process."""
        if self.alive:
            self.popen.send_signal(signal.SIGKILL)
        self.popen.wait()

    def terminate(self) -> None:
        """SIGTERM, once: the worker finishes its step, drains what is buffered and exits. (A
        second SIGTERM after its handler is gone, while it closes, would kill it.)"""
        if self.alive and not self.signalled:
            self.signalled = True
            self.popen.send_signal(signal.SIGTERM)

    def wait(self, timeout_s: float) -> int:
        try:
            return self.popen.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"{self.name} still running after {timeout_s:.0f}s:\n"
                                 f"{self.tail()}") from None

    def kill(self) -> None:
        if self.alive:
            self.popen.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout=10)

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace") if self.log.exists() else ""

    def tail(self, chars: int = 3000) -> str:
        return f"--- {self.name} (rc {self.returncode}) ---\n{self.output()[-chars:]}"

    def consumed(self) -> int | None:
        """'messages consumed' from a worker's summary table, if it printed one."""
        match = re.search(r"messages consumed\D+?([\d,]+)", self.output())
        return int(match.group(1).replace(",", "")) if match else None


# -- watching a run from outside -----------------------------------------------------------------
@dataclass(frozen=True)
class Snapshot:
    """One look at the run; None where the server that knows did not answer."""

    at: float
    committed: int | None
    end: int | None
    pending: int | None
    live_leases: int | None
    buffered: int | None
    parked: int | None = None
    """Messages in parked batches: pending, and retried only when a worker starts."""

    def consumed_all(self, expected: int) -> bool:
        return (self.committed is not None and self.end is not None
                and self.end >= expected and self.committed >= self.end)

    def complete(self, expected: int) -> bool:
        """Everything consumed and extracted, and no live lease left in Redis: a worker killed
        after marking its batch extracted but before acknowledging it leaves a lease that only
        its expiry clears (a running worker then reaps it), so the end state waits for that."""
        return self.consumed_all(expected) and self.pending == 0 and self.live_leases == 0

    def redis_idle(self) -> bool:
        return self.live_leases == 0 and self.buffered == 0

    def only_parked_left(self) -> bool:
        return (self.pending or 0) > 0 and self.pending == self.parked


class Monitor:
    """Reads progress from the servers themselves: committed offsets, pending markers, leases.

    Every query has a short timeout and reads as None while its server is down, so the monitor
    keeps watching through the fault.
    """

    def __init__(self, stack: FaultStack) -> None:
        import redis
        from cassandra.cluster import EXEC_PROFILE_DEFAULT, Cluster, ExecutionProfile
        from cassandra.policies import ConstantReconnectionPolicy, DCAwareRoundRobinPolicy
        from confluent_kafka import Consumer
        from confluent_kafka.admin import AdminClient

        # The driver logs every failed reconnection with a traceback while a server is down on
        # purpose; that would bury the test's own report.
        logging.getLogger("cassandra").setLevel(logging.ERROR)
        s = stack.settings
        self.settings = s
        self._admin = AdminClient({"bootstrap.servers": s.kafka.bootstrap_servers})
        # Offsets are read by a consumer in the group's name that never subscribes (so never
        # joins) and never commits: the admin client's offset requests abort the process in
        # librdkafka when they time out while a broker is down (librdkafka issue 4605), which
        # is what crashed this suite with "Fatal Python error: Aborted".
        self._offsets = Consumer({"bootstrap.servers": s.kafka.bootstrap_servers,
                                  "group.id": s.bus.group_id, "enable.auto.commit": False})
        # A constant, short reconnection delay: the driver's default backs off exponentially
        # (up to minutes), which would make the monitor, not the pipeline, late after a restart.
        profile = ExecutionProfile(load_balancing_policy=DCAwareRoundRobinPolicy(),
                                   request_timeout=10)
        self._cluster = Cluster(s.cassandra.hosts, port=s.cassandra.port,
                                reconnection_policy=ConstantReconnectionPolicy(0.5, None),
                                execution_profiles={EXEC_PROFILE_DEFAULT: profile},
                                connection_class=_cassandra_connection_class())
        self._session = self._cluster.connect()
        self._ks = s.cassandra.keyspace
        self._store: Any = None
        self.errors: dict[str, str] = {}
        """The last failure of each query (a server down reads as None)."""
        self._redis = redis.Redis.from_url(s.redis.url.get_secret_value(), socket_timeout=2,
                                           socket_connect_timeout=2)
        self._topics = [s.bus.topics.slack, s.bus.topics.gmail]
        self._prefix = f"signalpipe:{{{s.company_id}}}"
        self._pending_counts = self._pending_query()
        self._pg = self._pg_connect()

    def _pg_connect(self) -> Any:
        import psycopg

        return psycopg.connect(self.settings.postgres.dsn.get_secret_value(), autocommit=True,
                               connect_timeout=3)

    def close(self) -> None:
        self._offsets.close()
        self._cluster.shutdown()
        self._redis.close()
        self._pg.close()
        if self._store is not None:
            self._store.close()

    def _partitions(self) -> list[Any]:
        from confluent_kafka import TopicPartition

        meta = self._offsets.list_topics(timeout=5).topics
        return [TopicPartition(t, p) for t in self._topics if t in meta
                for p in meta[t].partitions]

    def committed(self) -> int | None:
        try:
            found = self._offsets.committed(self._partitions(), timeout=6)
            return sum(int(max(tp.offset, 0)) for tp in found if tp.topic in self._topics)
        except Exception as exc:
            self.errors["committed"] = repr(exc)[:300]
            return None

    def end_offsets(self) -> int | None:
        try:
            return sum(int(self._offsets.get_watermark_offsets(tp, timeout=6, cached=False)[1])
                       for tp in self._partitions())
        except Exception as exc:
            self.errors["end"] = repr(exc)[:300]
            return None

    def _pending_query(self) -> tuple[Any, int] | None:
        """A cheap per-partition count of pending markers, or None before the store made its table
        (then `pending` falls back to the store's own `pending()`, which reads documents too).

        Counting partition by partition, as the store reads them, matters: one whole-table
        count would scan every marker tombstone in a single query.
        """
        from signalpipe.stores import cassandra as store

        tables = {r[0] for r in self._session.execute(
            "SELECT table_name FROM system_schema.tables WHERE keyspace_name = %s", (self._ks,))}
        if "messages_by_bucket" in tables:  # (bucket, kind, id); kind 1 is the marker
            return (self._session.prepare(f"SELECT count(*) FROM {self._ks}.messages_by_bucket "
                                          "WHERE bucket = ? AND kind = 1"), store._BUCKETS)
        return None

    def pending(self) -> int | None:
        """Messages stored and not yet extracted (the test's keyspace holds only its own)."""
        from cassandra.concurrent import execute_concurrent_with_args

        try:
            if self._pending_counts is None:
                return self._store_pending()
            query, partitions = self._pending_counts
            results = execute_concurrent_with_args(
                self._session, query, [(p,) for p in range(partitions)],
                concurrency=16, raise_on_first_error=True)
            return sum(int(r.result_or_exc.one()[0]) for r in results)
        except Exception as exc:
            self.errors["pending"] = repr(exc)[:300]
            return None

    def _store_pending(self) -> int:
        from signalpipe.stores.cassandra import CassandraMessageStore

        if self._store is None:
            self._store = CassandraMessageStore.from_settings(self.settings)
        return sum(1 for _ in self._store.pending(self.settings.company_id))

    def redis_state(self) -> tuple[int | None, int | None]:
        """(live leases, buffered messages) of this company."""
        try:
            now_ms = int(time.time() * 1000)
            with self._redis.pipeline(transaction=False) as pipe:
                pipe.zcount(f"{self._prefix}:leases", now_ms + 1, "+inf")
                pipe.llen(f"{self._prefix}:buf:slack")
                pipe.llen(f"{self._prefix}:buf:gmail")
                live, slack, gmail = pipe.execute()
            return int(live), int(slack) + int(gmail)
        except Exception:
            return None, None

    def redis_keys(self) -> list[str]:
        return sorted(k.decode() for k in self._redis.scan_iter(match=f"{self._prefix}:*"))

    def snapshot(self) -> Snapshot:
        live, buffered = self.redis_state()
        pending = self.pending()
        return Snapshot(at=time.monotonic(), committed=self.committed(), end=self.end_offsets(),
                        pending=pending, live_leases=live, buffered=buffered,
                        parked=self.parked_messages() if pending else 0)

    def parked_messages(self) -> int | None:
        try:
            row = self._pg.execute("SELECT coalesce(sum(jsonb_array_length(message_ids)), 0) "
                                   "FROM parked_batches").fetchone()
            return int(row[0]) if row else 0
        except Exception:
            with contextlib.suppress(Exception):
                self._pg.close()
            with contextlib.suppress(Exception):
                self._pg = self._pg_connect()
            return None

    def wait_for(self, what: str, condition: Callable[[], bool], *, timeout_s: float,
                 procs: Sequence[Proc] = (), every_s: float = 0.2) -> float:
        """Poll until `condition()`; fail with the processes' logs if it never holds."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if condition():
                return time.monotonic()
            time.sleep(every_s)
        logs = "\n".join(p.tail() for p in procs)
        raise AssertionError(f"timed out after {timeout_s:.0f}s waiting for {what}\n{logs}")

    def wait_committed(self, at_least: int, *, timeout_s: float,
                       procs: Sequence[Proc] = ()) -> float:
        """Until the group has committed `at_least` records: each one stored and buffered."""
        return self.wait_for(f"{at_least} committed records",
                             lambda: (self.committed() or 0) >= at_least,
                             timeout_s=timeout_s, procs=procs)

    def wait_members(self, members: int, *, timeout_s: float, procs: Sequence[Proc]) -> None:
        """Until the group is stable with `members` members that all hold partitions."""
        from confluent_kafka import ConsumerGroupState

        group = self.settings.bus.group_id

        def stable() -> bool:
            for p in procs:
                if not p.alive:
                    raise AssertionError(f"{p.name} exited before joining:\n{p.tail()}")
            try:
                found = self._admin.describe_consumer_groups([group])[group].result(timeout=10)
            except Exception:
                return False
            return (found.state == ConsumerGroupState.STABLE and len(found.members) >= members
                    and all(m.assignment.topic_partitions for m in found.members))

        self.wait_for(f"{members} members in {group}", stable, timeout_s=timeout_s,
                      procs=procs, every_s=0.5)

    def reset_offsets(self, to: int = 0) -> None:
        """Move the (empty) group back to offset `to` on every partition."""
        from confluent_kafka import ConsumerGroupTopicPartitions, TopicPartition

        parts = [TopicPartition(tp.topic, tp.partition, to) for tp in self._partitions()]
        request = [ConsumerGroupTopicPartitions(self.settings.bus.group_id, parts)]
        for future in self._admin.alter_consumer_group_offsets(request).values():
            future.result(timeout=30)


def _cassandra_connection_class() -> Any:
    try:
        from cassandra.io.libevreactor import LibevConnection
    except ImportError:
        return None
    return LibevConnection


@dataclass
class Finish:
    """How a run ended: when the last message was extracted, and what it took."""

    done_at: float | None
    needed_drain: bool = False
    only_parked: bool = False
    stalled_at: float | None = None
    restarts: int = 0
    last: Snapshot | None = None


def await_done(monitor: Monitor, stack: FaultStack, workers: list[Proc], *, expected: int,
               timeout_s: float, stall_s: float, idle_exit_s: float,
               restart_dead: bool = False, drain_on_stall: bool = True,
               parked_patience_s: float = 2.0) -> Finish:
    """Watch until every record is committed and no message is pending.

    A backlog that sits in the message store while the Redis side is idle (no buffered
    message, no live lease) for `stall_s` is one the running workers will not pick up by
    themselves: they are then sent SIGTERM, which makes each drain (re-buffer pending
    messages from the store and extract them) and exit, as an orchestrator rolling the
    workers would. With `restart_dead`, a worker that died is replaced (an orchestrator's
    restart policy); the number of replacements is returned. A backlog of parked batches only
    is given `parked_patience_s`: short for workers that will never retry them, longer for a
    worker started to retry them (it does as it starts, which takes seconds on a busy machine).
    """
    finish = Finish(done_at=None)
    deadline = time.monotonic() + timeout_s
    timeline = stack.workdir / "timeline.jsonl"  # for reading a failure afterwards
    while time.monotonic() < deadline:
        snap = monitor.snapshot()
        finish.last = snap
        with timeline.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps({"wall": round(time.time(), 2), **asdict(snap)}) + "\n")
        if snap.complete(expected):
            finish.done_at = snap.at
            return finish
        if restart_dead:
            for i, w in enumerate(workers):
                if not w.alive and w.returncode != 0 and not finish.needed_drain:
                    finish.restarts += 1
                    workers[i] = stack.worker(f"{w.name}-r{finish.restarts}",
                                              idle_exit_s=idle_exit_s)
        if not any(w.alive for w in workers):
            # Nothing is running: what the store holds now is the end state.
            snap = monitor.snapshot()
            finish.last = snap
            if snap.complete(expected):
                finish.done_at = snap.at
            return finish
        stalled = (drain_on_stall and snap.consumed_all(expected) and (snap.pending or 0) > 0
                   and snap.redis_idle())
        # Parked batches wait for the next worker start by design: no need to wait for them.
        patience = parked_patience_s if snap.only_parked_left() else stall_s
        if not stalled:
            finish.stalled_at = None
        elif finish.stalled_at is None:
            finish.stalled_at = snap.at
        elif snap.at - finish.stalled_at >= patience and not finish.needed_drain:
            finish.needed_drain = not snap.only_parked_left()
            finish.only_parked = snap.only_parked_left()
            for w in workers:
                w.terminate()
        time.sleep(0.25)
    return finish


def casualties(procs: Sequence[Proc]) -> list[str]:
    """Processes that died on their own (not SIGKILLed or SIGTERMed by the test)."""
    return [f"{p.name} (rc {p.returncode})" for p in procs
            if p.returncode is not None and p.returncode not in (0, -9, -15)]


def stop_workers(workers: Sequence[Proc], *, timeout_s: float = 120) -> list[int]:
    """SIGTERM every live worker and wait: each drains and exits."""
    for w in workers:
        w.terminate()
    return [w.wait(timeout_s) for w in workers]


# -- the end state -------------------------------------------------------------------------------
@dataclass
class Outcome:
    """The final state compared with the clean reference; every count must be zero."""

    lost: int = 0
    """Ids of the file that are not in the message store, plus messages marked extracted
    that are in no event although the clean run found events in them (lost in effect)."""
    unextracted: int = 0
    """Stored ids still marked pending (never went through extraction)."""
    duplicates: int = 0
    """Extra rows for one id, ids in both message tables, and doubled event mentions."""
    unexpected: int = 0
    """Ids in the store that are not in the file, or stored with other content."""
    events_differing: int = 0
    """Events (key + sorted sources) in one run and not the other."""
    refingerprinted: int = 0
    """Of the differing events, those with the same sources under another fingerprint."""
    events: int = 0
    report_events: int = 0
    parked: int = 0
    redis_leftovers: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    pending_ids: set[str] = field(default_factory=set)

    def problems(self, reference: Reference) -> list[str]:
        # An event stored with the clean run's very sources under another key is the same
        # event worded by another mention (see _verify_postgres). Each such pair counts once
        # here and once there.
        differing = self.events_differing - 2 * self.refingerprinted
        out = [f"{name}: {value}" for name, value in (
            ("lost", self.lost), ("unextracted", self.unextracted),
            ("duplicates", self.duplicates), ("unexpected", self.unexpected),
            ("events differing from the clean run", differing),
            ("parked batches", self.parked)) if value]
        if self.report_events != reference.report_events:
            out.append(f"report events {self.report_events} != clean {reference.report_events}")
        if self.redis_leftovers:
            out.append(f"redis leftovers: {self.redis_leftovers[:10]}")
        return out + self.details


def verify(stack: FaultStack, reference: Reference) -> Outcome:
    """Compare the stack's Cassandra, PostgreSQL and Redis with the clean reference."""
    outcome = Outcome()
    _verify_cassandra(stack, reference, outcome)
    _verify_postgres(stack, reference, outcome)
    _verify_redis(stack, outcome)
    return outcome


def _verify_cassandra(stack: FaultStack, reference: Reference, outcome: Outcome) -> None:
    """Through the store's own API (its internal tables may change), plus the two product
    tables, whose rows are what readers of the messages see."""
    from signalpipe.stores.cassandra import CassandraMessageStore
    from signalpipe.stores.hashing import content_hash

    store = CassandraMessageStore.from_settings(stack.settings)
    try:
        session, ks = store._session, stack.settings.cassandra.keyspace
        rows: Counter[str] = Counter()
        per_table: list[set[str]] = []
        for table in ("chat_messages", "email_messages"):
            ids = [source_id_of(r[0])
                   for r in session.execute(f"SELECT id FROM {ks}.{table}", timeout=300)]
            rows.update(ids)
            per_table.append(set(ids))
        keys = [message_key(stack.company, "csv", i) for i in reference.ids]
        stored = {m.source_id: content_hash(m) for m in store.get_many(keys)}
        count = store.count()
        pending = [m.source_id for m in store.pending(stack.company)]
        dead = store.dead_letters()
    finally:
        store.close()
    expected = set(reference.ids)
    outcome.lost = len(expected - (set(stored) & set(rows)))
    outcome.duplicates += sum(n - 1 for n in rows.values() if n > 1)
    outcome.duplicates += len(per_table[0] & per_table[1])
    wrong = [i for i, h in stored.items() if reference.hashes[i] != h]
    outcome.unexpected = len(set(rows) - expected) + max(0, count - len(stored)) + len(wrong)
    outcome.unextracted = len(pending)
    outcome.pending_ids = set(pending)
    if pending:
        outcome.details.append(f"pending (first 5): {sorted(pending)[:5]}")
    if wrong:
        outcome.details.append(f"stored with other content (first 5): {sorted(wrong)[:5]}")
    if dead:
        outcome.details.append(f"{len(dead)} dead letters; the clean run has none")


def _verify_postgres(stack: FaultStack, reference: Reference, outcome: Outcome) -> None:
    from signalpipe.backends import Backends, open_backends
    from signalpipe.commands.reporting import write_report

    backends: Backends = open_backends(stack.settings)
    try:
        events = backends.events.list_events(stack.company)
        outcome.parked = len(backends.events.parked())
        report = write_report(stack.settings, backends, None).read_text("utf-8")
    finally:
        backends.close()
    outcome.events = len(events)
    outcome.report_events = report_event_count(report)
    fingerprints = Counter(e.fingerprint for e in events)
    outcome.duplicates += sum(n - 1 for n in fingerprints.values() if n > 1)
    got = Counter(mentions(events))
    outcome.duplicates += sum(max(0, n - reference.mentions.get(k, 0)) for k, n in got.items())
    # A message that is stored, not pending, and yet in no event although the clean run found
    # events in it was marked extracted without its events: lost in effect.
    orphans = ({m for _kind, m in reference.mentions} - {m for _kind, m in got}
               - outcome.pending_ids)
    if orphans:
        outcome.lost += len(orphans)
        outcome.details.append(f"{len(orphans)} messages read as extracted but are in no "
                               f"event, e.g. {sorted(orphans)[:4]}")
    # Dedup's groups and their fingerprints do not depend on order (extract/dedup.py), but a
    # merged event's wording, on equal confidence, is the first stored mention's: a fault that
    # reorders extraction can store the same sources with a title whose own fingerprint is not
    # the group's (event_key then reads "twin"). Such pairs are counted in `refingerprinted`.
    keys = {event_key(e): e.title for e in events}
    here = sorted(keys.keys() - reference.events.keys())
    there = sorted(reference.events.keys() - keys.keys())
    outcome.events_differing = len(here) + len(there)
    if here or there:
        def show(found: dict[tuple[str, tuple[str, ...]], str],
                 keys_: list[tuple[str, tuple[str, ...]]]) -> list[str]:
            return [f"{found[k]!r} {k[0][:8]} {list(k[1][:4])}" for k in keys_[:4]]

        same_sources = {k[1] for k in here} & {k[1] for k in there}
        outcome.refingerprinted = len(same_sources)
        if len(here) + len(there) > 2 * len(same_sources):
            outcome.details.append(f"events only in this run: {len(here)} {show(keys, here)}; "
                                   f"only in the clean run: {len(there)} "
                                   f"{show(reference.events, there)}; {len(same_sources)} of "
                                   "them have the same sources under another fingerprint")


def _verify_redis(stack: FaultStack, outcome: Outcome) -> None:
    import redis

    client = redis.Redis.from_url(stack.settings.redis.url.get_secret_value())
    try:
        prefix = f"signalpipe:{{{stack.company}}}"
        outcome.redis_leftovers = sorted(k.decode() for k in client.scan_iter(match=f"{prefix}:*"))
        if client.sismember("signalpipe:companies", stack.company):
            outcome.redis_leftovers.append(f"signalpipe:companies has {stack.company}")
    finally:
        client.close()


# -- whole-state snapshots and PostgreSQL helpers ----------------------------------------------
def state_snapshot(stack: FaultStack) -> dict[str, tuple[int, str]]:
    """Row count and a digest of every row of every table the pipeline writes.

    Every table of the test's keyspace is read, whatever the store's layout; for each, a
    second entry (``...#writetime``) digests the write time of every regular column, so a
    replay that rewrote rows with identical values shows up too.
    """
    import hashlib

    import psycopg

    from signalpipe.stores.cassandra import CassandraMessageStore

    def digest(rows: list[Any]) -> tuple[int, str]:
        text = "\n".join(sorted(repr(tuple(r)) for r in rows))
        return len(rows), hashlib.sha256(text.encode()).hexdigest()[:16]

    out: dict[str, tuple[int, str]] = {}
    ks = stack.settings.cassandra.keyspace
    store = CassandraMessageStore.from_settings(stack.settings)
    try:
        session = store._session
        columns: dict[str, list[tuple[str, str, str]]] = {}
        for table, column, kind, ctype in session.execute(
                "SELECT table_name, column_name, kind, type FROM system_schema.columns "
                "WHERE keyspace_name = %s", (ks,)):
            columns.setdefault(table, []).append((column, kind, ctype))
        for table, cols in sorted(columns.items()):
            out[f"cassandra.{table}"] = digest(list(session.execute(
                f"SELECT * FROM {ks}.{table}", timeout=300)))
            keys = [c for c, kind, _t in cols if kind != "regular"]
            timed = [c for c, kind, t in cols if kind == "regular"
                     and not t.startswith(("list", "set", "map", "frozen"))]
            if timed:
                select = ", ".join([*keys, *(f"writetime({c})" for c in timed)])
                out[f"cassandra.{table}#writetime"] = digest(list(session.execute(
                    f"SELECT {select} FROM {ks}.{table}", timeout=300)))
    finally:
        store.close()
    with psycopg.connect(stack.settings.postgres.dsn.get_secret_value()) as conn:
        for table in ("significant_events", "batch_usage", "parked_batches"):
            rows = conn.execute(f"SELECT * FROM {table}").fetchall()
            out[f"postgres.{table}"] = digest(rows)
    return out


def parked_count(stack: FaultStack) -> int:
    import psycopg

    with psycopg.connect(stack.settings.postgres.dsn.get_secret_value(), connect_timeout=5) as c:
        row = c.execute("SELECT count(*) FROM parked_batches").fetchone()
        return int(row[0]) if row else 0


def terminate_pg_backends(stack: FaultStack, procs: Sequence[Proc], *,
                          wait_busy_s: float = 3.0) -> tuple[int, int]:
    """Terminate the PostgreSQL backends serving `procs` (and only them: the server is shared).

    Waits up to `wait_busy_s` for one of them to be inside a statement or transaction, so the
    drop lands mid-batch when it can. Returns (terminated, of which busy).
    """
    import psutil
    import psycopg

    port = urlsplit(stack.admin_dsn).port or 5432
    clients: set[int] = set()
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            for conn in psutil.Process(proc.pid).net_connections(kind="tcp"):
                if conn.raddr and conn.raddr.port == port:
                    clients.add(conn.laddr.port)
    if not clients:
        return 0, 0
    query = ("SELECT pid, state FROM pg_stat_activity WHERE datname = current_database() "
             "AND pid <> pg_backend_pid() AND client_port = ANY(%s)")
    with psycopg.connect(stack.admin_dsn, autocommit=True) as conn:
        deadline = time.monotonic() + wait_busy_s
        while True:
            rows = conn.execute(query, (sorted(clients),)).fetchall()
            busy = [pid for pid, state in rows if state in ("active", "idle in transaction")]
            if busy or time.monotonic() > deadline:
                break
            time.sleep(0.005)
        victims = [pid for pid, _state in rows]
        for pid in victims:
            conn.execute("SELECT pg_terminate_backend(%s)", (pid,))
    return len(victims), len(busy)


# -- results -------------------------------------------------------------------------------------
@dataclass
class Result:
    """One row of the fault table."""

    fault: str
    n: int
    lost: int
    duplicates: int
    events_differing: int
    drain_s: float | None
    unextracted: int = 0
    survived: str = ""
    notes: str = ""
    test_s: float = 0.0
    ok: bool = False

    def line(self) -> str:
        drain = "-" if self.drain_s is None else f"{self.drain_s:.1f}"
        return (f"{self.fault}: N={self.n} lost={self.lost} duplicates={self.duplicates} "
                f"unextracted={self.unextracted} events differing={self.events_differing} "
                f"drain={drain}s {self.survived} {self.notes}".strip())


RESULTS: list[Result] = []
"""Rows recorded in this process, for the terminal summary."""

_COLUMNS = ("fault", "N", "messages lost", "duplicates", "unextracted",
            "events differing from the clean run", "drain time (s)")


def table(rows: Sequence[dict[str, Any]], *, test_time: bool = False) -> str:
    """The markdown table bench/faults.py (with each test's time) and the pytest summary print."""
    columns = [*_COLUMNS, *(["test (s)"] if test_time else []), "notes"]
    lines = ["| " + " | ".join(columns) + " |",
             "|---|" + "---:|" * (len(columns) - 2) + "---|"]
    for r in rows:
        drain = "-" if r.get("drain_s") is None else f"{r['drain_s']:.1f}"
        notes = "; ".join(x for x in (r.get("survived", ""), r.get("notes", "")) if x)
        flag = "" if r.get("ok") else " **FAILED**"
        timing = f"{r.get('test_s', 0):.0f} | " if test_time else ""
        lines.append(f"| {r['fault']}{flag} | {r['n']:,} | {r['lost']} | {r['duplicates']} | "
                     f"{r.get('unextracted', 0)} | {r['events_differing']} | {drain} | "
                     f"{timing}{notes.replace('|', '/')} |")
    return "\n".join(lines)


def record(path: Path, result: Result) -> None:
    RESULTS.append(result)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(asdict(result)) + "\n")
    print(f"\n[fault] {result.line()}", flush=True)


# -- fake LLM answers ----------------------------------------------------------------------------
def rules_reply(request: Any) -> str:
    """A good model: the rules extractor's events for the messages in the request, as JSON.

    Each message is read on its own, so the answer for a message never depends on which
    others share its batch: batches are composed differently after a fault (parked batches
    are retried together), and the grounding check judges an event by the messages it cites
    (a title's "11,763,396" is grounded by a neighbour's "No. 11,763,396", not by "US11763396"
    alone), so a batch-dependent model would make the clean run irreproducible.
    """
    from datetime import datetime

    from signalpipe.batching.keys import make_batch
    from signalpipe.extract.rules import RulesExtractor
    from signalpipe.models import Source

    records = request.messages()
    if not records:  # a repair turn or an empty batch
        return json.dumps({"events": []})
    messages = [Message(id=r["id"], company_id=NEUTRAL_COMPANY, source=Source(r["source"]),
                        sender=r.get("sender") or "?", channel=r.get("channel"),
                        subject=r.get("subject"), timestamp=datetime.fromisoformat(r["time"]),
                        text=r["text"]) for r in records]
    rules = RulesExtractor()
    found = [e for m in messages for e in rules.extract(make_batch([m])).events]
    events = [{
        "event_type": e.event_type.value, "severity": e.severity.value, "title": e.title,
        "description": e.description, "impact": e.impact,
        "metrics": [{"name": k, "value": v} for k, v in e.metrics.items()],
        "timeline": e.timeline, "stakeholders": e.stakeholders,
        "source_message_ids": e.source_message_ids, "evidence": e.evidence,
        "confidence": e.confidence} for e in found]
    return json.dumps({"events": events})


# -- the paced producer (a child process) ---------------------------------------------------------
class PacedSource:
    """A CSV source that yields at most `rate` items a second, so a run lasts long enough
    for a fault to land in the middle of producing."""

    def __init__(self, inner: Any, rate: float | None) -> None:
        self.inner = inner
        self.name = inner.name
        self.rate = rate

    def total_bytes(self) -> int:
        return int(self.inner.total_bytes())

    def read(self, progress: Any = None) -> Iterator[Any]:
        started = time.monotonic()
        for n, item in enumerate(self.inner.read(progress), 1):
            if self.rate:
                ahead = n / self.rate - (time.monotonic() - started)
                if ahead > 0:
                    time.sleep(ahead)
            yield item


def _produce_main(argv: list[str]) -> int:
    import argparse

    from signalpipe import pipeline
    from signalpipe.backends import open_backends
    from signalpipe.sources.csv import CSVSource

    parser = argparse.ArgumentParser(prog="harness.py produce")
    parser.add_argument("csv", type=Path)
    parser.add_argument("--rate", type=float, default=None)
    args = parser.parse_args(argv)
    settings = load_settings()  # every choice comes from SIGNALPIPE_* variables
    backends = open_backends(settings)
    try:
        stats = pipeline.produce(settings, backends, PacedSource(
            CSVSource(args.csv, company_id=settings.company_id), args.rate))
    finally:
        backends.close()
    print(json.dumps({"produced": stats.produced, "rows_read": stats.rows_read,
                      "elapsed_s": round(stats.elapsed_s, 2)}), flush=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] != "produce":
        sys.exit("usage: harness.py produce CSV [--rate N]")
    sys.exit(_produce_main(sys.argv[2:]))
