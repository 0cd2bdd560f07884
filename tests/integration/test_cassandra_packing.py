"""A Cassandra keyspace written before `stores.packing` is migrated when a store opens it:
documents repacked, the product tables' text and payload copies dropped, nothing lost."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from signalpipe.models import Message, Source, message_key
from signalpipe.settings import load_settings
from signalpipe.sources.payloads import slack_payload
from signalpipe.stores.cassandra import CassandraMessageStore, _bucket
from signalpipe.stores.hashing import content_hash

pytestmark = [pytest.mark.integration]

_OLD = [
    """CREATE TABLE {ks}.messages_by_bucket (
        bucket int, kind tinyint, id text, company_id text, source text, day date,
        content_hash text, doc text, PRIMARY KEY ((bucket), kind, id))""",
    """CREATE TABLE {ks}.chat_messages (
        company_id text, day date, ts timestamp, id text, sender text, channel text,
        thread_id text, text text, payload text, PRIMARY KEY ((company_id, day), ts, id))""",
]


def _messages(n: int) -> list[Message]:
    base = datetime(2025, 3, 1, 9, tzinfo=UTC)
    out = []
    for i in range(n):
        ts = base + timedelta(minutes=i)
        text = f"Closed the round number {i}"
        out.append(Message(id=f"old-{i}", company_id="acme", source=Source.SLACK,
                           sender="Ann", timestamp=ts, text=text,
                           payload=slack_payload(f"old-{i}", "Ann", text, ts, channel=None,
                                                 team="acme")))
    return out


def test_an_old_keyspace_is_repacked_on_open() -> None:
    settings = load_settings(stack="services")
    c = settings.cassandra
    keyspace = f"sp_pack_{uuid.uuid4().hex[:10]}"
    messages = _messages(40)
    store = CassandraMessageStore(c.hosts, port=c.port, keyspace=f"{keyspace}_probe")
    session = store._session
    try:
        session.execute(f"CREATE KEYSPACE {keyspace} WITH replication = "
                        "{'class': 'SimpleStrategy', 'replication_factor': 1}")
        for ddl in _OLD:
            session.execute(ddl.format(ks=keyspace))
        for m in messages:
            session.execute(
                f"INSERT INTO {keyspace}.messages_by_bucket (bucket, kind, id, company_id, "
                "source, day, content_hash, doc) VALUES (%s, 0, %s, %s, 'slack', %s, %s, %s)",
                (_bucket(m.id), m.id, m.company_id, m.timestamp.date(), content_hash(m),
                 m.model_dump_json()))
            session.execute(
                f"INSERT INTO {keyspace}.chat_messages (company_id, day, ts, id, sender, text, "
                "payload) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (m.company_id, m.timestamp.date(), m.timestamp, m.id, m.sender, m.text,
                 json.dumps(m.payload)))
        session.execute(f"INSERT INTO {keyspace}.messages_by_bucket (bucket, kind, id, "
                        "company_id) VALUES (%s, 1, %s, 'acme')",
                        (_bucket(messages[0].id), messages[0].id))
    finally:
        store.drop()
        store.close()
    migrated = CassandraMessageStore(c.hosts, port=c.port, keyspace=keyspace)
    # stored before id namespaces too: rekeyed as the CSV rows they were (stores/rekey.py)
    messages = [m.model_copy(update={"id": message_key("acme", "csv", m.id)}) for m in messages]
    try:
        assert migrated.get_many([m.id for m in messages]) == messages
        assert [m.id for m in migrated.pending("acme")] == [messages[0].id]
        again = migrated.put_many(messages)
        assert again.conflicts == [] and again.already_done == len(messages) - 1
        s = migrated._session
        legacy = [r for r in s.execute(f"SELECT doc, packed FROM {keyspace}.messages_by_bucket")
                  if r[0] is not None]
        assert legacy == []
        texts = [r[0] for r in s.execute(f"SELECT text FROM {keyspace}.chat_messages")]
        assert len(texts) == len(messages) and set(texts) == {None}
    finally:
        migrated.drop()
        migrated.close()
