"""Replication settings: coherent combinations only, and the keyspace map they produce."""

from __future__ import annotations

import pytest


def test_recommended_cluster_settings_are_accepted() -> None:
    from signalpipe.settings import Settings

    s = Settings(kafka={"replication_factor": 3, "min_insync_replicas": 2},
                 cassandra={"replication_factor": 3})
    assert (s.kafka.acks, s.kafka.enable_idempotence) == ("all", True)
    assert s.cassandra.replication_strategy == "NetworkTopologyStrategy"
    assert (s.cassandra.read_consistency, s.cassandra.write_consistency) == (
        "LOCAL_QUORUM", "LOCAL_QUORUM")


@pytest.mark.parametrize("section,values,match", [
    ("kafka", {"replication_factor": 2, "min_insync_replicas": 3}, "no write could ever"),
    ("kafka", {"acks": "1"}, "needs acks='all'"),
    ("cassandra", {"replication_factor": 3, "read_consistency": "ONE"}, "miss acknowledged"),
    ("cassandra", {"replication_factor": 3, "write_consistency": "LOCAL_ONE"}, "miss"),
    ("cassandra", {"read_consistency": "TWO"}, "read_consistency"),
])
def test_incoherent_replication_settings_are_refused(
        section: str, values: dict[str, object], match: str) -> None:
    from pydantic import ValidationError

    from signalpipe.settings import Settings

    with pytest.raises(ValidationError, match=match):
        Settings(**{section: values})  # type: ignore[arg-type]


def test_one_side_at_all_overlaps_any_other() -> None:
    from signalpipe.settings import Settings

    s = Settings(cassandra={"replication_factor": 3, "read_consistency": "ALL",
                            "write_consistency": "ONE"})
    assert s.cassandra.read_consistency == "ALL"


def test_keyspace_replication_map() -> None:
    from signalpipe.stores.cassandra import _replication

    assert _replication("NetworkTopologyStrategy", 3, "dc1") == (
        "{'class': 'NetworkTopologyStrategy', 'dc1': 3}")
    assert _replication("SimpleStrategy", 1, "x") == (
        "{'class': 'SimpleStrategy', 'replication_factor': 1}")
    from signalpipe.errors import SignalpipeError

    with pytest.raises(SignalpipeError, match="datacenter"):
        _replication("NetworkTopologyStrategy", 3, "dc'1")
