"""Real servers for integration tests, started once per session by the project's services code.

A server that cannot be started or reached makes the test that needs it fail, never skip
(STYLE rule 9). Each test isolates itself with names of its own (topics, consumer group,
keyspace, PostgreSQL schema, company id, and so Redis keys) and removes them afterwards.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

from signalpipe.settings import Settings, TopicSettings, load_settings


@pytest.fixture(scope="session")
def services_up() -> dict[str, Any]:
    """Start Kafka, Cassandra, PostgreSQL and Redis unless they already answer (idempotent)."""
    from signalpipe import services

    return dict(services.up())


@dataclass(frozen=True)
class Isolated:
    """Settings for a services run that shares nothing with any other run, and the same
    choices as SIGNALPIPE_* environment variables for worker processes."""

    settings: Settings
    env: dict[str, str]
    schema: str
    tag: str


def _dsn_with_search_path(dsn: str, schema: str) -> str:
    parts = urlsplit(dsn)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "options"]
    query.append(("options", f"-csearch_path={schema}"))
    return urlunsplit(parts._replace(query=urlencode(query)))


@pytest.fixture
def isolated(services_up: dict[str, Any]) -> Iterator[Isolated]:
    """Services settings with unique names; drops the keyspace, schema, topics and keys after."""
    import psycopg
    from psycopg import sql

    tag = uuid.uuid4().hex[:10]
    base = load_settings()
    schema = f"sp_it_{tag}"
    dsn = _dsn_with_search_path(base.postgres.dsn.get_secret_value(), schema)
    topics = TopicSettings(slack=f"it-{tag}-slack", gmail=f"it-{tag}-gmail",
                           dead_letter=f"it-{tag}-dead")
    settings = load_settings(
        stack="services", company_id=f"it_{tag}",
        topics=topics,
        kafka=base.kafka.model_copy(update={"group_id": f"it-{tag}", "partitions": 4}),
        cassandra=base.cassandra.model_copy(update={"keyspace": f"sp_it_{tag}"}),
        postgres={"dsn": dsn})
    with psycopg.connect(base.postgres.dsn.get_secret_value(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    env = {
        "SIGNALPIPE_STACK": "services",
        "SIGNALPIPE_COMPANY_ID": settings.company_id,
        "SIGNALPIPE_TOPICS__SLACK": topics.slack,
        "SIGNALPIPE_TOPICS__GMAIL": topics.gmail,
        "SIGNALPIPE_TOPICS__DEAD_LETTER": topics.dead_letter,
        "SIGNALPIPE_KAFKA__GROUP_ID": settings.bus.group_id,
        "SIGNALPIPE_KAFKA__BOOTSTRAP_SERVERS": settings.kafka.bootstrap_servers,
        "SIGNALPIPE_CASSANDRA__KEYSPACE": settings.cassandra.keyspace,
        "SIGNALPIPE_POSTGRES__DSN": dsn,
        "SIGNALPIPE_REDIS__URL": settings.redis.url.get_secret_value(),
    }
    yield Isolated(settings=settings, env=env, schema=schema, tag=tag)
    _cleanup(settings, schema, base.postgres.dsn.get_secret_value())


def _cleanup(settings: Settings, schema: str, admin_dsn: str) -> None:
    import psycopg
    from psycopg import sql

    from signalpipe.bus.kafka import KafkaBus
    from signalpipe.errors import BusError
    from signalpipe.stores.cassandra import CassandraMessageStore

    bus = KafkaBus.from_settings(settings)
    try:
        t = settings.bus.topics
        bus.delete_topics([t.slack, t.gmail, t.dead_letter])
        with contextlib.suppress(BusError):  # a killed worker is a member until its session ends
            bus.delete_groups([settings.bus.group_id])
    finally:
        bus.close()
    store = CassandraMessageStore.from_settings(settings)
    try:
        store.drop()
    finally:
        store.close()
    forget_company(settings)
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


def forget_company(settings: Settings) -> None:
    """Delete a company's Redis keys and its entry in the registry of companies."""
    from signalpipe.batching.redis import RedisBatcher

    batcher = RedisBatcher.from_settings(settings)
    try:
        company = settings.company_id
        keys = list(batcher.client.scan_iter(match=f"signalpipe:{{{company}}}:*"))
        if keys:
            batcher.client.delete(*keys)
        batcher.client.srem("signalpipe:companies", company)
    finally:
        batcher.close()
