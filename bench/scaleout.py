"""Scale-out: end-to-end msg/s with 1, 2, 4... `signalpipe worker` processes, on the
single-node stack and on the local cluster, in one run (`bench/services.py --nodes 3`).

Per (stack, worker count): the whole file is produced to fresh topics first, then the workers
start together and consume, store, batch and extract it; the figure is messages over the time
from their start until the store holds every message and none is pending. Each run has its own
topics, group, keyspace, schema and key prefix, removed afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from signalpipe.settings import Settings, TopicSettings, load_settings

_REPO = Path(__file__).resolve().parents[1]


def _settings(tag: str, nodes: int) -> tuple[Settings, str]:
    from signalpipe.services import cluster

    base = load_settings()
    kafka: dict[str, Any] = {"group_id": f"scale-{tag}"}
    cassandra: dict[str, Any] = {"keyspace": f"sp_scale_{tag}"}
    if nodes > 1:
        c = cluster.ClusterConfig(nodes=nodes)
        kafka.update(bootstrap_servers=c.bootstrap_servers(), replication_factor=c.replicas,
                     min_insync_replicas=c.min_isr)
        cassandra.update(hosts=c.cassandra_hosts(), port=c.cassandra_port,
                         replication_factor=min(3, nodes))
    schema = f"sp_scale_{tag}"
    dsn = base.postgres.dsn.get_secret_value()
    joiner = "&" if "?" in dsn else "?"
    return load_settings(
        stack="services", company_id="scaleflow", max_batch_age_s=2.0,
        topics=TopicSettings(slack=f"scale-{tag}-slack", gmail=f"scale-{tag}-gmail",
                             dead_letter=f"scale-{tag}-dead"),
        kafka=base.kafka.model_copy(update=kafka),
        redis=base.redis.model_copy(update={"key_prefix": f"sp-scale-{tag}"}),
        cassandra=base.cassandra.model_copy(update=cassandra),
        postgres={"dsn": f"{dsn}{joiner}options=-csearch_path%3D{schema}"}), schema


def _env(s: Settings) -> dict[str, str]:
    t = s.bus.topics
    return {
        **os.environ, "PYTHONPATH": str(_REPO / "src"),
        "SIGNALPIPE_STACK": "services", "SIGNALPIPE_COMPANY_ID": s.company_id,
        "SIGNALPIPE_MAX_BATCH_AGE_S": str(s.max_batch_age_s),
        "SIGNALPIPE_TOPICS__SLACK": t.slack, "SIGNALPIPE_TOPICS__GMAIL": t.gmail,
        "SIGNALPIPE_TOPICS__DEAD_LETTER": t.dead_letter,
        "SIGNALPIPE_KAFKA__GROUP_ID": s.bus.group_id or "",
        "SIGNALPIPE_KAFKA__BOOTSTRAP_SERVERS": s.kafka.bootstrap_servers,
        "SIGNALPIPE_KAFKA__REPLICATION_FACTOR": str(s.kafka.replication_factor),
        "SIGNALPIPE_KAFKA__MIN_INSYNC_REPLICAS": str(s.kafka.min_insync_replicas),
        "SIGNALPIPE_CASSANDRA__HOSTS": json.dumps(s.cassandra.hosts),
        "SIGNALPIPE_CASSANDRA__PORT": str(s.cassandra.port),
        "SIGNALPIPE_CASSANDRA__KEYSPACE": s.cassandra.keyspace,
        "SIGNALPIPE_CASSANDRA__REPLICATION_FACTOR": str(s.cassandra.replication_factor),
        "SIGNALPIPE_REDIS__KEY_PREFIX": s.redis.key_prefix,
        "SIGNALPIPE_POSTGRES__DSN": s.postgres.dsn.get_secret_value(),
    }


def one_run(csv_path: Path, *, nodes: int, workers: int, work: Path) -> dict[str, Any]:
    import psycopg
    from psycopg import sql

    from signalpipe import pipeline
    from signalpipe.backends import open_backends
    from signalpipe.sources.csv import CSVSource

    tag = uuid.uuid4().hex[:8]
    settings, schema = _settings(tag, nodes)
    admin = load_settings().postgres.dsn.get_secret_value()
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    backends = open_backends(settings)
    procs: list[subprocess.Popen[bytes]] = []
    try:
        produced = pipeline.produce(settings, backends, CSVSource(
            csv_path, company_id=settings.company_id)).produced
        exe = str(Path(sys.executable).with_name("signalpipe"))
        started = time.perf_counter()
        for i in range(workers):
            log = (work / f"{tag}-w{i}.log").open("wb")
            procs.append(subprocess.Popen(
                [exe, "worker", "--stack", "services", "--output-dir", str(work / f"{tag}-{i}")],
                env=_env(settings), stdout=log, stderr=subprocess.STDOUT))
        seconds = _wait_done(backends, settings, produced, procs, started)
        stored = backends.messages.count()
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(120)
        _cleanup(backends, settings, admin, schema)
    return {"what": "scale-out", "stack": f"{nodes} node(s)", "workers": workers,
            "messages": produced, "stored": stored, "seconds": round(seconds, 1),
            "messages_per_s": round(produced / seconds)}


def _wait_done(backends: Any, settings: Settings, n: int, procs: list[Any],
               started: float) -> float:
    """Seconds until every message is stored and none is pending (checked every second)."""
    while True:
        if any(p.poll() not in (None, 0) for p in procs):
            raise RuntimeError(f"a worker died: exit codes {[p.poll() for p in procs]}")
        if backends.messages.count() >= n and not any(
                True for _ in backends.messages.pending(settings.company_id)):
            return time.perf_counter() - started
        time.sleep(1.0)


def _cleanup(backends: Any, settings: Settings, admin: str, schema: str) -> None:
    import psycopg
    from psycopg import sql

    t = settings.bus.topics
    try:
        backends.bus.delete_topics([t.slack, t.gmail, t.dead_letter])
        backends.messages.drop()
        client = backends.batcher.client
        keys = list(client.scan_iter(match=f"{settings.redis.key_prefix}:*"))
        if keys:
            client.delete(*keys)
    finally:
        backends.close()
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
