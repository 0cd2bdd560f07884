"""Message ids namespaced by company and source (issue 12), on the services stack: Kafka,
Cassandra, Redis and PostgreSQL, started by the project's services code.

The same three scenarios as `tests/unit/test_id_namespaces.py` (an email cannot take a CSV
row's id; a second company in the same stores gets its own messages and events; the same bad
line of two files named alike is two dead letters), and a Cassandra keyspace written before
namespaces: opened by this code it is rekeyed, and the same messages again are replays.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from signalpipe.backends import open_backends
from signalpipe.models import Message, Source, message_key
from signalpipe.settings import Settings, load_settings
from signalpipe.sources.payloads import slack_payload
from signalpipe.stores.cassandra import CassandraMessageStore
from tests.fakes.namespaces import genuine_csv, run, squatting_eml, two_months_one_bad_line
from tests.integration.conftest import forget_company

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]


def test_an_email_cannot_take_a_csv_rows_id(isolated: Any, tmp_path: Path) -> None:
    settings: Settings = isolated.settings
    company = settings.company_id
    squat = squatting_eml(tmp_path / "squat.eml")
    backends = open_backends(settings)
    try:
        assert run(settings, backends, squat).stored_new == 1
        assert run(settings, backends, genuine_csv(tmp_path / "genuine.csv")).stored_new == 1
        assert backends.messages.dead_letters() == []
        keys = [message_key(company, "csv", "shared-1"), message_key(company, "email", "shared-1")]
        assert {m.id for m in backends.messages.get_many(keys)} == set(keys)
        (event,) = [e for e in backends.events.list_events(company) if "$12M" in e.title]
        assert event.source_message_ids == [keys[0]]
    finally:
        backends.close()


def test_a_second_company_in_the_same_stores_gets_its_own_events(
        isolated: Any, tmp_path: Path) -> None:
    data = genuine_csv(tmp_path / "same.csv")
    first: Settings = isolated.settings
    second = first.model_copy(update={"company_id": f"{first.company_id}_b"})
    try:
        for who in (first, second):
            backends = open_backends(who)
            try:
                stats = run(who, backends, data)
                assert (stats.stored_new, stats.events_inserted) == (1, 1), who.company_id
            finally:
                backends.close()
        backends = open_backends(first)
        try:
            for company in (first.company_id, second.company_id):
                (event,) = backends.events.list_events(company)
                assert event.source_message_ids == [message_key(company, "csv", "shared-1")]
            assert backends.messages.count() == 2
        finally:
            backends.close()
    finally:
        forget_company(second)


def test_the_same_bad_line_in_two_folders_is_two_dead_letters(
        isolated: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings: Settings = isolated.settings
    two_months_one_bad_line(tmp_path)
    backends = open_backends(settings)
    try:
        reported = 0
        for month in ("jan", "feb"):
            monkeypatch.chdir(tmp_path / month)
            reported += sum(run(settings, backends, Path("export.csv")).dead_letters.values())
        origins = sorted(d.origin for d in backends.messages.dead_letters())
        assert reported == 2
        assert origins == [f"{tmp_path / 'feb' / 'export.csv'}:3",
                           f"{tmp_path / 'jan' / 'export.csv'}:3"]
    finally:
        backends.close()


# -- a keyspace written before namespaces ---------------------------------------------------------
def _bare_messages() -> list[Message]:
    """What this project stored before namespaces: a CSV chat row, a Slack export message and
    an email, each under the id its source wrote."""
    ts = datetime(2025, 3, 1, 9, tzinfo=UTC)
    text = "We closed our $12M Series A."
    return [
        Message(id="row-1", company_id="acme", source=Source.SLACK, sender="Ann", timestamp=ts,
                text=text, payload=slack_payload("row-1", "Ann", text, ts, channel=None,
                                                 team="acme")),
        Message(id="C1:1740819600.000100", company_id="acme", source=Source.SLACK,
                sender="Ann", channel="general", timestamp=ts + timedelta(minutes=1),
                text="hello", payload={"ts": "1740819600.000100", "channel": "C1"}),
        Message(id="hire-1@acme.example", company_id="acme", source=Source.GMAIL,
                sender="Carol", subject="Team", timestamp=ts + timedelta(minutes=2),
                text="We hired Dana Lee.", payload={"id": "hire-1@acme.example"}),
    ]


def test_a_keyspace_from_before_namespaces_is_rekeyed_on_open(services_up: Any) -> None:
    c = load_settings(stack="services").cassandra
    keyspace = f"sp_ns_{uuid.uuid4().hex[:10]}"
    bare = _bare_messages()
    store = CassandraMessageStore(c.hosts, port=c.port, keyspace=keyspace)
    try:
        # The current store writes a bare-id message exactly as the store before namespaces
        # did (the document holds the source's id either way); then it forgets the migration.
        store.put_many(bare)
        store.mark_extracted([bare[0].id, bare[1].id])
        store.put_versions([bare[1].model_copy(update={"text": "hello, edited"})])
        store._session.execute(f"DELETE FROM {keyspace}.store_meta WHERE key = 'id_namespaces'")
    finally:
        store.close()
    migrated = CassandraMessageStore(c.hosts, port=c.port, keyspace=keyspace)
    try:
        keys = [message_key("acme", "csv", "row-1"),
                message_key("acme", "slack", "C1:1740819600.000100"),
                message_key("acme", "email", "hire-1@acme.example")]
        assert migrated.count() == 3
        assert migrated.get_many([m.id for m in bare]) == []
        got = migrated.get_many(keys)
        assert [m.id for m in got] == keys
        assert [m.source_id for m in got] == [m.id for m in bare]
        assert got[0].payload == bare[0].payload
        assert sorted(m.id for m in migrated.pending("acme")) == sorted([keys[1], keys[2]])
        assert [v.text for v in migrated.versions(keys[1])] == ["hello"]
        keyed = [m.model_copy(update={"id": k}) for m, k in zip(bare, keys, strict=True)]
        replay = migrated.put_many(keyed[:1])
        assert (replay.already_done, replay.to_batch, replay.conflicts) == (1, [], [])
        rows = list(migrated._session.execute(
            f"SELECT id FROM {keyspace}.chat_messages"))
        assert sorted(r[0] for r in rows) == sorted(keys[:2])
    finally:
        migrated.drop()
        migrated.close()
