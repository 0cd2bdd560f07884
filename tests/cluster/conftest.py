"""Fixtures of the cluster fault suite (`pytest -m cluster`): the three-node Kafka and Cassandra
cluster (started here, on 127.0.0.2-4, apart from the single-node stack), the traffic file and
its clean embedded run, and isolated stacks whose topics and keyspace have three replicas.

PostgreSQL and Redis are the single-node stack's (shared, never restarted here). A server that
cannot be started fails the tests (STYLE rule 9); every node a test broke is started again
before the next test.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from signalpipe.services import cluster
from signalpipe.services.base import default_root
from tests.faults.harness import (
    RESULTS,
    SEED,
    FaultConfig,
    FaultStack,
    Monitor,
    Reference,
    build_reference,
    ensure_services_up,
    table,
)

NODES = 3
N = int(os.environ.get("SIGNALPIPE_FAULT_CLUSTER_N", "50000"))
# The cluster's folder; tests only (the library takes it as an argument).
ROOT = Path(os.environ.get("SIGNALPIPE_FAULT_CLUSTER_ROOT", str(default_root())))
CONFIG = dataclasses.replace(FaultConfig.from_env(), n=N)
CLUSTER = cluster.ClusterConfig(nodes=NODES)


def bring_back() -> None:
    """Start every node that is down; a no-op when all answer."""
    cluster.up(root=ROOT, config=CLUSTER, timeout_s=300)


@pytest.fixture(scope="session")
def cluster_up() -> None:
    ensure_services_up()  # PostgreSQL and Redis (and the single-node stack, untouched)
    bring_back()


@pytest.fixture(scope="session")
def cluster_results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return CONFIG.results or tmp_path_factory.getbasetemp() / "cluster-results.jsonl"


@pytest.fixture(scope="session")
def cluster_reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    from signalpipe.sample.generate import generate

    path = tmp_path_factory.mktemp("cluster-traffic") / f"traffic-{N}.csv"
    generate(N, SEED, path, path.with_suffix(".truth.jsonl"))
    ref = build_reference(path, tmp_path_factory.mktemp("cluster-reference"))
    assert len(ref.ids) == N and ref.events
    return ref


def cluster_settings() -> Any:
    from signalpipe.settings import load_settings

    base = load_settings()
    return load_settings(
        kafka=base.kafka.model_copy(update={
            "bootstrap_servers": CLUSTER.bootstrap_servers(), "replication_factor": NODES,
            "min_insync_replicas": CLUSTER.min_isr}),
        cassandra=base.cassandra.model_copy(update={
            "hosts": CLUSTER.cassandra_hosts(), "port": CLUSTER.cassandra_port,
            "replication_factor": NODES}))


@pytest.fixture
def cstack(cluster_up: None, tmp_path: Path) -> Iterator[FaultStack]:
    stack = FaultStack.create(tmp_path / "stack", CONFIG, base=cluster_settings())
    try:
        yield stack
    finally:
        stack.stop_processes()
        bring_back()
        stack.cleanup()


@pytest.fixture
def cmonitor(cstack: FaultStack) -> Iterator[Monitor]:
    watcher = Monitor(cstack)
    try:
        yield watcher
    finally:
        watcher.close()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    rows = [asdict(r) for r in RESULTS if r.fault.startswith("cluster:")]
    if rows:
        terminalreporter.write_sep("=", "cluster faults")
        terminalreporter.write_line(table(rows))
