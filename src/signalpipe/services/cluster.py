"""A local Kafka and Cassandra cluster: N nodes of each, one loopback address per node.

Node i (1-based) listens on 127.0.0.(1 + i) by default, so the nodes can share port numbers and
never collide with the single-node stack on 127.0.0.1. Everything lives under `<root>/cluster`:
one folder per node (conf, data, logs, run) and one shared lib/ with the jars.

Kafka nodes are broker and controller at once (KRaft combined mode) with every node a voter;
Cassandra nodes are all seeds with one evenly spaced token each and `auto_bootstrap: false`, so
a new cluster's nodes start together instead of joining one by one.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import kafka as kafka_module
from . import probes, system
from .base import Layout, Service, ServiceError, ServicesConfig, ServiceStatus, default_root
from .cassandra import _JVM17_SERVER, CassandraService
from .kafka import KafkaService
from .manager import UpResult

logger = logging.getLogger(__name__)

CLUSTER_KINDS: tuple[str, ...] = ("kafka", "cassandra")
_TOKEN_SPAN = 2**64


@dataclass(frozen=True, kw_only=True)
class ClusterConfig:
    """Addresses, ports and heaps of a local cluster; sized for a 2-core, 24 GB machine."""

    nodes: int = 3
    first_host: str = "127.0.0.2"
    kafka_port: int = 19092
    kafka_controller_port: int = 19093
    kafka_heap_mb: int = 384
    cassandra_port: int = 19042
    cassandra_storage_port: int = 17000
    # JMX listens on 127.0.0.1 whatever the node's address, so each node gets its own port.
    cassandra_jmx_port: int = 17199
    cassandra_heap_mb: int = 768

    def __post_init__(self) -> None:
        if not 1 <= self.nodes <= 9:
            raise ServiceError(f"a local cluster has 1 to 9 nodes, not {self.nodes}")
        first = ipaddress.IPv4Address(self.first_host)
        if not first.is_loopback or not (first + self.nodes - 1).is_loopback:
            raise ServiceError(f"cluster addresses from {self.first_host} must be loopback")

    def host(self, node: int) -> str:
        return str(ipaddress.IPv4Address(self.first_host) + node - 1)

    def node_config(self, node: int) -> ServicesConfig:
        return ServicesConfig(
            host=self.host(node),
            kafka_port=self.kafka_port,
            kafka_controller_port=self.kafka_controller_port,
            kafka_heap_mb=self.kafka_heap_mb,
            cassandra_port=self.cassandra_port,
            cassandra_storage_port=self.cassandra_storage_port,
            cassandra_jmx_port=self.cassandra_jmx_port + node - 1,
            cassandra_heap_mb=self.cassandra_heap_mb,
        )

    @property
    def replicas(self) -> int:
        """Replicas of Kafka's internal topics: one per node, at most 3."""
        return min(3, self.nodes)

    @property
    def min_isr(self) -> int:
        """In-sync replicas a write needs: a majority, so one node may be down."""
        return self.replicas // 2 + 1

    def bootstrap_servers(self) -> str:
        return ",".join(f"{self.host(i)}:{self.kafka_port}" for i in self.node_ids())

    def cassandra_hosts(self) -> list[str]:
        return [self.host(i) for i in self.node_ids()]

    def node_ids(self) -> range:
        return range(1, self.nodes + 1)


@dataclass(frozen=True)
class NodeLayout(Layout):
    """One node's folders under `<cluster>/nodeN`, with the jars shared by all nodes."""

    shared: Path

    def lib(self, name: str) -> Path:
        return self.shared / "lib" / name


class KafkaNode(KafkaService):
    """One broker-and-controller of a KRaft quorum that has every node as a voter."""

    def __init__(self, layout: Layout, cluster: ClusterConfig, node: int, id_file: Path) -> None:
        super().__init__(layout, cluster.node_config(node))
        self.cluster = cluster
        self.node = node
        self._id_file = id_file

    def _node_values(self) -> dict[str, str]:
        c = self.cluster
        voters = ",".join(f"{i}@{c.host(i)}:{c.kafka_controller_port}" for i in c.node_ids())
        return {"node_id": str(self.node), "voters": voters, "replicas": str(c.replicas),
                "min_isr": str(c.min_isr)}

    def _cluster_id(self) -> str:
        return self._id_file.read_text().strip()

    def answers(self) -> bool:
        # Answering alone is not enough: a broker that cannot see a quorum serves no writes.
        count = probes.kafka_broker_count(self.config.host, self.port) or 0
        return count >= self.cluster.min_isr


class CassandraNode(CassandraService):
    """One seed of a ring whose nodes own one evenly spaced token each."""

    def __init__(self, layout: Layout, cluster: ClusterConfig, node: int) -> None:
        super().__init__(layout, cluster.node_config(node))
        self.cluster = cluster
        self.node = node

    def _node_values(self) -> dict[str, str]:
        c = self.cluster
        token = -(2**63) + (self.node - 1) * (_TOKEN_SPAN // c.nodes)
        seeds = ",".join(f"{h}:{c.cassandra_storage_port}" for h in c.cassandra_hosts())
        return {"cluster_name": "signalpipe-cluster", "seeds": seeds,
                "initial_token": str(token), "hints": "true"}

    def _fast_start(self) -> tuple[str, ...]:
        # Every node is a seed of a brand-new ring: there is no settled gossip to wait for.
        return ("-Dcassandra.skip_wait_for_gossip_to_settle=0", "-Dcassandra.ring_delay_ms=2000")


def cluster_root(root: Path | None = None) -> Path:
    return ((root or default_root()) / "cluster").resolve()


def nodes(
    kinds: tuple[str, ...] = CLUSTER_KINDS,
    *,
    root: Path | None = None,
    config: ClusterConfig | None = None,
) -> dict[str, Service]:
    """The node services, keyed "kafka-1", "cassandra-2"..., for finer control (kill, start)."""
    config = config or ClusterConfig()
    base = cluster_root(root)
    unknown = [k for k in kinds if k not in CLUSTER_KINDS]
    if unknown:
        raise ServiceError(f"a cluster runs {' and '.join(CLUSTER_KINDS)}, not {unknown}")
    out: dict[str, Service] = {}
    for kind in kinds:
        for i in config.node_ids():
            layout = NodeLayout(base / f"node{i}", base)
            if kind == "kafka":
                out[f"kafka-{i}"] = KafkaNode(layout, config, i, base / "kafka-cluster-id")
            else:
                out[f"cassandra-{i}"] = CassandraNode(layout, config, i)
    return out


def up(
    kinds: tuple[str, ...] = CLUSTER_KINDS,
    *,
    root: Path | None = None,
    config: ClusterConfig | None = None,
    timeout_s: float | None = None,
) -> dict[str, UpResult]:
    """Start every node that does not answer yet, in parallel, and wait until all answer."""
    services = nodes(kinds, root=root, config=config)
    base = cluster_root(root)
    base.mkdir(parents=True, exist_ok=True)
    id_file = base / "kafka-cluster-id"
    if not id_file.exists():
        # Written before any node formats its storage: all of them must share one id.
        id_file.write_text(kafka_module._random_cluster_id() + "\n")
    started = time.monotonic()
    # Jars first, one kind at a time (Maven shares ~/.m2), then every node at once.
    for kind in dict.fromkeys(s.name for s in services.values()):
        next(s for s in services.values() if s.name == kind).fetch()
    with ThreadPoolExecutor(max_workers=len(services), thread_name_prefix="node") as pool:
        futures = {key: pool.submit(_bring_up, svc, timeout_s, started)
                   for key, svc in services.items()}
    failures = [f"{k}: {f.exception()}" for k, f in futures.items() if f.exception() is not None]
    if failures:
        raise ServiceError("\n\n".join(failures))
    return {key: future.result() for key, future in futures.items()}


def down(
    kinds: tuple[str, ...] = CLUSTER_KINDS,
    *,
    root: Path | None = None,
    config: ClusterConfig | None = None,
) -> dict[str, bool]:
    """Stop every node gracefully, in parallel; True for each that was running."""
    services = nodes(kinds, root=root, config=config)
    with ThreadPoolExecutor(max_workers=len(services)) as pool:
        futures = {key: pool.submit(svc.stop) for key, svc in services.items()}
    return {key: future.result() for key, future in futures.items()}


def status(
    kinds: tuple[str, ...] = CLUSTER_KINDS,
    *,
    root: Path | None = None,
    config: ClusterConfig | None = None,
) -> dict[str, ServiceStatus]:
    return {key: svc.status() for key, svc in nodes(kinds, root=root, config=config).items()}


def nodetool(
    node: int,
    *args: str,
    root: Path | None = None,
    config: ClusterConfig | None = None,
    timeout_s: float = 600.0,
) -> str:
    """Run `nodetool ARGS` against Cassandra node `node` (over its local JMX port); its output.

    Used for `repair`, `status` and `compact`; a failure raises ServiceError with the output.
    """
    config = config or ClusterConfig()
    lib = cluster_root(root) / "lib" / "cassandra"
    opens = [flag for flag in _JVM17_SERVER if flag.startswith("--add-")]
    cmd = [system.java(), "-Xmx256m", *opens, "-cp", f"{lib}/*",
           "org.apache.cassandra.tools.NodeTool", "-h", "127.0.0.1",
           "-p", str(config.node_config(node).cassandra_jmx_port), *args]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ServiceError(f"nodetool {' '.join(args)} on node {node}: no answer in "
                           f"{timeout_s:.0f}s") from exc
    if done.returncode != 0:
        raise ServiceError(f"nodetool {' '.join(args)} on node {node} failed:\n"
                           f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return done.stdout


def with_nodes(config: ClusterConfig | None, count: int) -> ClusterConfig:
    return dataclasses.replace(config or ClusterConfig(), nodes=count)


def _bring_up(svc: Service, timeout_s: float | None, since: float) -> UpResult:
    endpoint, launched = svc.start(timeout_s=timeout_s)
    return UpResult(endpoint=endpoint, launched=launched, seconds=time.monotonic() - since)
