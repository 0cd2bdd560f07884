"""Services-stack rate next to the raw ceilings of each server, measured in one run.

    python bench/services.py                     # 100k messages end to end, 100k per ceiling
    python bench/services.py --rows 20000 --ceiling-rows 50000

Prints one JSON line per measurement, then a table. The end-to-end figure is `signalpipe run
--stack services` in one process: file -> Kafka -> Cassandra + Redis -> rules extraction ->
PostgreSQL, every message stored and extracted. The ceilings use each client library alone,
with records shaped like the pipeline's (the same JSON documents), so the gap between the two
is what signalpipe itself costs. Every name (topics, group, keyspace, schema, key prefix) is
unique to the run and removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from signalpipe.sample.generate import generate
from signalpipe.settings import Settings, TopicSettings, load_settings

Result = dict[str, Any]


def _line(result: Result) -> Result:
    print(json.dumps(result), flush=True)
    return result


@contextmanager
def _timed() -> Iterator[Callable[[], float]]:
    start = time.perf_counter()
    end: list[float] = []
    yield lambda: (end[0] if end else time.perf_counter()) - start
    end.append(time.perf_counter())


def ensure_csv(rows: int, seed: int) -> Path:
    path = Path("data/bench") / f"bench-{rows}-{seed}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        return path
    generate(rows, seed, path, path.with_suffix(".truth.jsonl"))
    return path


def sample_docs(path: Path, n: int, company: str) -> list[bytes]:
    """The first `n` messages of the file as the JSON the bus carries, repeated to `n`."""
    from signalpipe.models import Message
    from signalpipe.sources.csv import CSVSource

    docs = [m.model_dump_json().encode() for m in CSVSource(path, company_id=company).read(None)
            if isinstance(m, Message)][:n]
    return (docs * (n // len(docs) + 1))[:n]


def isolated_settings(tag: str) -> tuple[Settings, str]:
    base = load_settings()
    schema = f"sp_bench_{tag}"
    dsn = base.postgres.dsn.get_secret_value()
    joiner = "&" if "?" in dsn else "?"
    # The company stays the data's own ("scaleflow"): the rules read it as the company's name,
    # and under another id its own funding news reads as a third party's. Runs are kept apart
    # by every other name instead.
    return load_settings(
        stack="services", company_id="scaleflow",
        topics=TopicSettings(slack=f"bench-{tag}-slack", gmail=f"bench-{tag}-gmail",
                             dead_letter=f"bench-{tag}-dead"),
        kafka=base.kafka.model_copy(update={"group_id": f"bench-{tag}"}),
        redis=base.redis.model_copy(update={"key_prefix": f"sp-bench-{tag}"}),
        cassandra=base.cassandra.model_copy(update={"keyspace": f"sp_bench_{tag}"}),
        postgres={"dsn": f"{dsn}{joiner}options=-csearch_path%3D{schema}"}), schema


# -- measurements ---------------------------------------------------------------------------
def services_up_warm() -> Result:
    with _timed() as elapsed:
        subprocess.run([sys.executable, "-m", "signalpipe.services", "up"], check=True,
                       capture_output=True)
    return _line({"what": "services up (warm)", "seconds": round(elapsed(), 2)})


def end_to_end(settings: Settings, csv_path: Path) -> Result:
    from signalpipe import pipeline
    from signalpipe.backends import open_backends
    from signalpipe.sources.csv import CSVSource

    backends = open_backends(settings)
    try:
        with _timed() as elapsed:
            stats = pipeline.run(settings, backends,
                                 CSVSource(csv_path, company_id=settings.company_id))
        stored = backends.messages.count()
        events = len(backends.events.list_events(settings.company_id))
    finally:
        backends.close()
    return _line({"what": "services stack end to end", "messages": stats.consumed,
                  "stored": stored, "batches": stats.batches, "events": events,
                  "seconds": round(elapsed(), 2),
                  "messages_per_s": round(stats.consumed / elapsed())})


def kafka_alone(settings: Settings, docs: list[bytes]) -> list[Result]:
    from confluent_kafka import Consumer, Producer
    from confluent_kafka.admin import AdminClient, NewTopic

    servers = settings.kafka.bootstrap_servers
    topic = f"{settings.bus.topics.slack}-raw"
    admin = AdminClient({"bootstrap.servers": servers})
    admin.create_topics([NewTopic(topic, num_partitions=settings.kafka.partitions,
                                  replication_factor=1)])[topic].result()
    time.sleep(1)  # leaders elected
    producer = Producer({"bootstrap.servers": servers, "enable.idempotence": True,
                         "acks": "all", "linger.ms": 10, "compression.type": "lz4"})
    with _timed() as produced:
        for i, doc in enumerate(docs):
            while True:
                try:
                    producer.produce(topic, doc, key=f"k{i}")
                    break
                except BufferError:
                    producer.poll(0.05)
        producer.flush(60)
    consumer = Consumer({"bootstrap.servers": servers, "group.id": f"{topic}-g",
                         "auto.offset.reset": "earliest", "enable.auto.commit": False})
    consumer.subscribe([topic])
    got = 0
    with _timed() as consumed:
        while got < len(docs):
            got += sum(1 for m in consumer.consume(1000, timeout=1.0) if m.error() is None)
        consumer.commit(asynchronous=False)
    consumer.close()
    for future in admin.delete_topics([topic]).values():
        future.result()
    for future in admin.delete_consumer_groups([f"{topic}-g"]).values():
        future.result()
    n = len(docs)
    return [_line({"what": "kafka produce alone (idempotent, acks=all, lz4)", "records": n,
                   "seconds": round(produced(), 2), "per_s": round(n / produced())}),
            _line({"what": "kafka consume alone (incl. group join)", "records": got,
                   "seconds": round(consumed(), 2), "per_s": round(got / consumed())})]


def cassandra_alone(settings: Settings, docs: list[bytes]) -> Result:
    from cassandra.cluster import Cluster
    from cassandra.concurrent import execute_concurrent_with_args

    c = settings.cassandra
    keyspace = f"{c.keyspace}_raw"
    cluster = Cluster(c.hosts, port=c.port)
    session = cluster.connect()
    try:
        session.execute(f"CREATE KEYSPACE {keyspace} WITH replication = "
                        "{'class': 'SimpleStrategy', 'replication_factor': 1}")
        session.execute(f"CREATE TABLE {keyspace}.raw (id text PRIMARY KEY, doc text)")
        insert = session.prepare(f"INSERT INTO {keyspace}.raw (id, doc) VALUES (?, ?)")
        rows = [(f"id-{i}", d.decode()) for i, d in enumerate(docs)]
        with _timed() as elapsed:
            for start in range(0, len(rows), 5000):
                execute_concurrent_with_args(session, insert, rows[start:start + 5000],
                                             concurrency=256)
        session.execute(f"DROP KEYSPACE {keyspace}", timeout=120)
    finally:
        cluster.shutdown()
    return _line({"what": "cassandra inserts alone (prepared, 256 in flight)",
                  "rows": len(rows), "seconds": round(elapsed(), 2),
                  "per_s": round(len(rows) / elapsed())})


def redis_alone(settings: Settings, docs: list[bytes], tag: str) -> Result:
    import redis

    client = redis.Redis.from_url(settings.redis.url.get_secret_value())
    key = f"sptest:bench:{tag}"
    with _timed() as elapsed:
        for start in range(0, len(docs), 1000):
            pipe = client.pipeline(transaction=False)
            for i, doc in enumerate(docs[start:start + 1000], start):
                pipe.hset(f"{key}:docs", f"id-{i}", doc)
                pipe.rpush(f"{key}:buf", f"id-{i}")
            pipe.execute()
    client.delete(f"{key}:docs", f"{key}:buf")
    client.close()
    return _line({"what": "redis HSET+RPUSH alone (pipelined by 1000)", "messages": len(docs),
                  "seconds": round(elapsed(), 2), "per_s": round(len(docs) / elapsed())})


def postgres_alone(settings: Settings, docs: list[bytes], schema: str) -> Result:
    import psycopg
    from psycopg import sql
    from psycopg.types.json import Jsonb

    base = load_settings().postgres.dsn.get_secret_value()
    with psycopg.connect(base) as conn:
        ident = sql.Identifier(schema + "_raw")
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(ident))
        conn.execute(sql.SQL("CREATE TABLE {}.raw (id text PRIMARY KEY, doc jsonb)").format(ident))
        conn.commit()
        insert = sql.SQL("INSERT INTO {}.raw (id, doc) VALUES (%s, %s)").format(ident)
        rows = [(f"id-{i}", Jsonb(json.loads(d))) for i, d in enumerate(docs)]
        with _timed() as elapsed:
            for start in range(0, len(rows), 1000):
                with conn.transaction(), conn.cursor() as cur:
                    cur.executemany(insert, rows[start:start + 1000])
        conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(ident))
        conn.commit()
    return _line({"what": "postgres batch inserts alone (executemany, 1000 per transaction)",
                  "rows": len(rows), "seconds": round(elapsed(), 2),
                  "per_s": round(len(rows) / elapsed())})


# -- run ------------------------------------------------------------------------------------
def cleanup(settings: Settings, schema: str, tag: str) -> None:
    """Remove every name the run made, the ceilings' included. Each server is cleaned with a
    client of its own, a few times over (a server restarted by someone else's tests answers
    again in seconds), so one that is down does not leave the others' names behind."""
    steps: list[tuple[str, Callable[[], None]]] = [
        ("kafka", lambda: _drop_kafka(settings)), ("cassandra", lambda: _drop_cassandra(settings)),
        ("redis", lambda: _drop_redis(settings, tag)), ("postgres", lambda: _drop_pg(schema))]
    for what, step in steps:
        for attempt in range(4):
            try:
                step()
                break
            except Exception as exc:  # report and go on: the other names still go
                print(f"cleanup of {what} failed (attempt {attempt + 1}): {exc}", file=sys.stderr)
                time.sleep(5)


def _drop_kafka(settings: Settings) -> None:
    from signalpipe.bus.kafka import KafkaBus

    bus, t = KafkaBus.from_settings(settings), settings.bus.topics
    try:
        bus.delete_topics([t.slack, t.gmail, t.dead_letter, f"{t.slack}-raw"])
        bus.delete_groups([settings.bus.group_id, f"{t.slack}-raw-g"])
    finally:
        bus.close()


def _drop_cassandra(settings: Settings) -> None:
    from cassandra.cluster import Cluster

    c = settings.cassandra
    cluster = Cluster(c.hosts, port=c.port)
    try:
        session = cluster.connect()
        for keyspace in (c.keyspace, f"{c.keyspace}_raw"):
            session.execute(f"DROP KEYSPACE IF EXISTS {keyspace}", timeout=120)
    finally:
        cluster.shutdown()


def _drop_redis(settings: Settings, tag: str) -> None:
    import redis

    client = redis.Redis.from_url(settings.redis.url.get_secret_value())
    try:
        keys = [*client.scan_iter(match=f"{settings.redis.key_prefix}:*"),
                f"sptest:bench:{tag}:docs", f"sptest:bench:{tag}:buf"]
        client.delete(*keys)
    finally:
        client.close()


def _drop_pg(schema: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(load_settings().postgres.dsn.get_secret_value(), autocommit=True) as c:
        for name in (schema, f"{schema}_raw"):
            c.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000, help="messages end to end")
    parser.add_argument("--ceiling-rows", type=int, default=100_000, help="records per ceiling")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--nodes", type=int, default=1,
                        help="with --workers: also run on the local N-node cluster")
    parser.add_argument("--workers", default=None, metavar="1,2,4",
                        help="scale-out table: msg/s per worker-process count (bench/scaleout.py)")
    parser.add_argument("--cluster-root", type=Path, default=None,
                        help="services folder holding the cluster (default: the services')")
    args = parser.parse_args()
    if args.workers:
        scale_out(args)
        return

    from signalpipe import services

    loads = [_line({"what": "machine at start", "load": _load()})]
    with _timed() as elapsed:
        services.up()
    _line({"what": "services up (this call)", "seconds": round(elapsed(), 2)})
    results = [services_up_warm()]

    tag = uuid.uuid4().hex[:8]
    settings, schema = isolated_settings(tag)
    import psycopg
    from psycopg import sql

    with psycopg.connect(load_settings().postgres.dsn.get_secret_value(), autocommit=True) as c:
        c.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    csv_path = ensure_csv(args.rows, args.seed)
    docs = sample_docs(csv_path, args.ceiling_rows, settings.company_id)
    try:
        results.append(end_to_end(settings, csv_path))
        results += kafka_alone(settings, docs)
        results.append(cassandra_alone(settings, docs))
        results.append(redis_alone(settings, docs, tag))
        results.append(postgres_alone(settings, docs, schema))
    finally:
        cleanup(settings, schema, tag)
    loads.append(_line({"what": "machine at end", "load": _load()}))
    print()
    for r in results:
        rate = r.get("messages_per_s", r.get("per_s"))
        shown = f"{rate:>10,}/s" if rate is not None else " " * 12
        print(f"{r['what']:<66} {shown} {r['seconds']:>8.2f} s")
    for r in loads:
        print(f"{r['what']}: {r['load']}")


def scale_out(args: argparse.Namespace) -> None:
    """The scale-out table: the single-node stack, then the cluster, per worker count."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from scaleout import one_run  # bench/ is not a package

    from signalpipe import services
    from signalpipe.services import cluster

    counts = [int(w) for w in args.workers.split(",")]
    services.up()
    stacks = [1]
    if args.nodes > 1:
        cluster.up(root=args.cluster_root, config=cluster.ClusterConfig(nodes=args.nodes))
        stacks.append(args.nodes)
    csv_path = ensure_csv(args.rows, args.seed)
    loads = [_line({"what": "machine at start", "load": _load()})]
    rows = []
    with tempfile.TemporaryDirectory(prefix="scaleout-") as tmp:
        for nodes in stacks:
            for workers in counts:
                rows.append(_line(one_run(csv_path, nodes=nodes, workers=workers,
                                          work=Path(tmp))))
    loads.append(_line({"what": "machine at end", "load": _load()}))
    print("\n| stack | workers | messages | seconds | msg/s |\n|---|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['stack']} | {r['workers']} | {r['messages']:,} | {r['seconds']} | "
              f"{r['messages_per_s']:,} |")
    for r in loads:
        print(f"{r['what']}: {r['load']}")


if __name__ == "__main__":
    main()
