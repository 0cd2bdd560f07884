"""The local cluster's node configuration: addresses, quorum voters, seeds, tokens, folders.

No server is started: each node's files are rendered the way `prepare` renders them.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from signalpipe.services import cluster, command
from signalpipe.services.base import ServiceError


def _props(text: str) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line and line[0] != "#")
    return {k: v for k, v in pairs}


def test_nodes_get_their_own_loopback_address_and_folders(tmp_path: Path) -> None:
    nodes = cluster.nodes(root=tmp_path)
    assert list(nodes) == [f"{k}-{i}" for k in ("kafka", "cassandra") for i in (1, 2, 3)]
    hosts = {key: svc.config.host for key, svc in nodes.items()}
    assert hosts["kafka-1"] == hosts["cassandra-1"] == "127.0.0.2"
    assert hosts["kafka-3"] == "127.0.0.4"
    roots = {svc.layout.root for svc in nodes.values()}
    assert roots == {(tmp_path / "cluster" / f"node{i}").resolve() for i in (1, 2, 3)}
    # The jars are shared: one copy for all nodes.
    libs = {svc.layout.lib(svc.name) for svc in nodes.values()}
    assert libs == {(tmp_path / "cluster" / "lib" / k).resolve() for k in ("kafka", "cassandra")}


def test_cluster_never_binds_the_single_node_stack_addresses() -> None:
    config = cluster.ClusterConfig()
    for i in config.node_ids():
        assert config.node_config(i).host != "127.0.0.1"
    jmx = {config.node_config(i).cassandra_jmx_port for i in config.node_ids()}
    assert len(jmx) == 3 and 7199 not in jmx


def test_kafka_nodes_share_one_quorum_and_replicate_internal_topics(tmp_path: Path) -> None:
    nodes = cluster.nodes(("kafka",), root=tmp_path)
    rendered = []
    for svc in nodes.values():
        svc._write_config()  # type: ignore[attr-defined]
        rendered.append(_props((svc.layout.conf("kafka") / "server.properties").read_text()))
    voters = "1@127.0.0.2:19093,2@127.0.0.3:19093,3@127.0.0.4:19093"
    assert [p["node.id"] for p in rendered] == ["1", "2", "3"]
    for p in rendered:
        assert p["controller.quorum.voters"] == voters
        assert p["offsets.topic.replication.factor"] == "3"
        assert p["default.replication.factor"] == "3"
        assert p["min.insync.replicas"] == "2"
    assert rendered[1]["listeners"] == "PLAINTEXT://127.0.0.3:19092,CONTROLLER://127.0.0.3:19093"


def test_cassandra_nodes_are_seeds_with_evenly_spaced_tokens(tmp_path: Path) -> None:
    nodes = cluster.nodes(("cassandra",), root=tmp_path)
    tokens = []
    for svc in nodes.values():
        values = svc._node_values()  # type: ignore[attr-defined]
        assert values["seeds"] == "127.0.0.2:17000,127.0.0.3:17000,127.0.0.4:17000"
        assert values["cluster_name"] != "signalpipe"  # never gossips with the single node
        assert values["hints"] == "true"
        tokens.append(int(values["initial_token"]))
    assert tokens == sorted(tokens) and tokens[0] == -(2**63)
    gaps = {b - a for a, b in itertools.pairwise(tokens)}
    assert len(gaps) == 1


def test_single_node_template_is_unchanged_in_meaning(tmp_path: Path) -> None:
    from signalpipe.services.base import Layout, ServicesConfig
    from signalpipe.services.kafka import KafkaService

    svc = KafkaService(Layout(tmp_path), ServicesConfig())
    svc._write_config()
    p = _props((tmp_path / "conf" / "kafka" / "server.properties").read_text())
    assert p["node.id"] == "1"
    assert p["controller.quorum.voters"] == "1@127.0.0.1:9093"
    assert p["offsets.topic.replication.factor"] == "1"
    assert p["min.insync.replicas"] == "1"


@pytest.mark.parametrize("nodes,replicas,min_isr", [(1, 1, 1), (2, 2, 2), (3, 3, 2), (5, 3, 2)])
def test_internal_replicas_and_min_isr(nodes: int, replicas: int, min_isr: int) -> None:
    config = cluster.ClusterConfig(nodes=nodes)
    assert (config.replicas, config.min_isr) == (replicas, min_isr)


def test_bad_cluster_shapes_are_refused() -> None:
    with pytest.raises(ServiceError, match="1 to 9"):
        cluster.ClusterConfig(nodes=0)
    with pytest.raises(ServiceError, match="loopback"):
        cluster.ClusterConfig(first_host="10.0.0.1")


def test_cli_refuses_cluster_actions_it_does_not_have(capsys: pytest.CaptureFixture[str]) -> None:
    assert command.main(["kill", "kafka", "--nodes", "3", "-q"]) == 1
    assert "--nodes works with up, down and status" in capsys.readouterr().err
    assert command.main(["up", "postgres", "--nodes", "3", "-q"]) == 1
    assert "kafka and cassandra only" in capsys.readouterr().err

