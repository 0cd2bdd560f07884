"""The project's own services code brings up real Kafka, Cassandra, PostgreSQL and Redis.

Stdlib-only checks: each server must answer its own wire protocol. In CI a server that cannot
be started fails the test (it is never skipped).
"""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

from signalpipe import services
from signalpipe.services import probes

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture(scope="module")
def endpoints() -> dict[str, services.Endpoint]:
    # Idempotent: warm servers (from an earlier run or `make services`) are reused as they are.
    return services.up()


def test_every_server_runs_and_answers(endpoints: dict[str, services.Endpoint]) -> None:
    statuses = services.status()
    assert set(endpoints) == set(services.SERVICE_NAMES)
    for name, status in statuses.items():
        assert status.running, name
        assert status.answering, name
        assert status.endpoint.host == "127.0.0.1", name


def test_kafka_lists_one_broker(endpoints: dict[str, services.Endpoint]) -> None:
    kafka = endpoints["kafka"]
    assert probes.kafka_broker_count(kafka.host, kafka.port) == 1


def test_cassandra_completes_a_cql_handshake(endpoints: dict[str, services.Endpoint]) -> None:
    cassandra = endpoints["cassandra"]
    assert probes.cql_ready(cassandra.host, cassandra.port)
    assert cassandra.version.startswith("5.0.")


def test_postgres_accepts_the_signalpipe_role(endpoints: dict[str, services.Endpoint]) -> None:
    postgres = endpoints["postgres"]
    pg_isready = next(Path("/usr/lib/postgresql").glob("*/bin/pg_isready"), None)
    assert pg_isready is not None
    cmd = [str(pg_isready), "-h", postgres.host, "-p", str(postgres.port), "-U", "signalpipe"]
    assert subprocess.run([*cmd, "-d", "signalpipe"], check=False).returncode == 0
    assert postgres.url.startswith("postgresql://signalpipe:")


def test_redis_pongs(endpoints: dict[str, services.Endpoint]) -> None:
    redis = endpoints["redis"]
    with socket.create_connection((redis.host, redis.port), timeout=3) as sock:
        sock.sendall(b"*1\r\n$4\r\nPING\r\n")
        assert sock.recv(16) == b"+PONG\r\n"


def test_up_again_is_a_no_op(endpoints: dict[str, services.Endpoint]) -> None:
    """Nothing is launched and every server keeps its process. How long it takes is a figure
    (README, bench), not an assertion: a loaded machine must not fail this test."""
    results = services.ensure_up()
    assert not any(result.launched for result in results.values())
    assert {name: r.endpoint.pid for name, r in results.items()} == {
        name: e.pid for name, e in endpoints.items()
    }


def test_redis_comes_back_after_a_kill(endpoints: dict[str, services.Endpoint]) -> None:
    assert services.kill("redis")
    assert not probes.redis_ping(endpoints["redis"].host, endpoints["redis"].port)
    endpoint = services.start("redis")
    assert endpoint.pid != endpoints["redis"].pid
    assert probes.redis_ping(endpoint.host, endpoint.port)
