"""One stored copy per message: packed documents round-trip exactly, rebuild only what they can,
stay within twice the CSV's bytes in SQLite, and old stores are migrated."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from signalpipe.models import Message, Source
from signalpipe.sample.generate import generate
from signalpipe.sources.csv import CSVSource
from signalpipe.stores import packing
from signalpipe.stores.sqlite import SQLiteMessageStore

ROWS = 3000


@pytest.fixture(scope="module")
def traffic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Message]]:
    path = tmp_path_factory.mktemp("packing") / "traffic.csv"
    generate(ROWS, 7, path, path.with_suffix(".truth.jsonl"))
    messages = [m for m in CSVSource(path, company_id="acme").read(None)
                if isinstance(m, Message)]
    return path, messages


def test_generated_messages_round_trip_exactly(traffic: tuple[Path, list[Message]]) -> None:
    _path, messages = traffic
    for m in messages:
        assert packing.unpack(packing.pack(m), m.id) == m
        assert packing.unpack(packing.pack(m, m.model_dump_json().encode()), m.id) == m


def test_the_csv_payload_is_rebuilt_not_stored(traffic: tuple[Path, list[Message]]) -> None:
    _path, messages = traffic
    email = next(m for m in messages if m.source is Source.GMAIL)
    body = email.payload["payload"]["body"]["data"]
    assert body.encode() not in _inflated(packing.pack(email))


def test_any_other_payload_is_kept_whole(traffic: tuple[Path, list[Message]]) -> None:
    _path, messages = traffic
    for m in messages[:50]:
        changed = m.model_copy(update={"payload": {**m.payload, "via": "bus"}})
        assert packing.unpack(packing.pack(changed), changed.id) == changed
    odd = messages[0].model_copy(update={"payload": {"ts": "1.5", "nested": [1, {"a": None}]}})
    assert packing.unpack(packing.pack(odd), odd.id) == odd


def test_documents_stored_as_json_text_still_read(traffic: tuple[Path, list[Message]]) -> None:
    m = traffic[1][0]
    assert packing.unpack(m.model_dump_json()) == m
    assert packing.unpack(m.model_dump_json().encode()) == m


def test_sqlite_holds_at_most_twice_the_csv(traffic: tuple[Path, list[Message]],
                                            tmp_path: Path) -> None:
    path, messages = traffic
    db = tmp_path / "m.db"
    store = SQLiteMessageStore(db)
    store.put_many(messages, [m.model_dump_json().encode() for m in messages])
    store.mark_extracted([m.id for m in messages])
    store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # Keys carry company and namespace (`models.message_key`): that prefix is stored in the
    # key of the messages table and of the pending table while the message waits (the documents
    # hold the source's own id); beyond it the file stays within twice the CSV.
    prefix = sum(len(m.id) - len(m.source_id) for m in messages)
    assert db.stat().st_size <= 2 * path.stat().st_size + 3 * prefix


_OLD_DDL = """
CREATE TABLE messages (
  id TEXT PRIMARY KEY, company_id TEXT NOT NULL, source TEXT NOT NULL, ts TEXT NOT NULL,
  content_hash TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE pending (id TEXT PRIMARY KEY, company_id TEXT NOT NULL) WITHOUT ROWID;
"""


def test_an_old_sqlite_store_is_migrated(traffic: tuple[Path, list[Message]],
                                         tmp_path: Path) -> None:
    from signalpipe.stores.hashing import content_hash

    messages = traffic[1][:500]
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        conn.executescript(_OLD_DDL)
        conn.executemany("INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?)", [
            (m.id, m.company_id, str(m.source), m.timestamp.isoformat(), content_hash(m),
             m.model_dump_json()) for m in messages])
        conn.executemany("INSERT INTO pending VALUES (?, ?)",
                         [(m.id, m.company_id) for m in messages[:7]])
    before = db.stat().st_size
    store = SQLiteMessageStore(db)
    try:
        assert store.get_many([m.id for m in messages]) == messages
        assert sorted(m.id for m in store.pending("acme")) == sorted(m.id for m in messages[:7])
        again = store.put_many(messages)  # replays are still recognised after the migration
        assert again.conflicts == [] and again.already_done == len(messages) - 7
    finally:
        store.close()
    columns = {row[1] for row in sqlite3.connect(db).execute("PRAGMA table_info(messages)")}
    assert columns == {"id", "doc"}
    assert db.stat().st_size < before


def _inflated(blob: bytes) -> bytes:
    import zlib

    inflate = zlib.decompressobj(-15, packing._ZDICT_V1)
    raw = inflate.decompress(blob[1:]) + inflate.flush()
    json.loads(raw)
    return raw


# -- the fast path: a message packed from the object is the document packed off the bus --------
def _both_ways(message: Message) -> tuple[bytes, bytes]:
    return packing.pack(message), packing.pack(message, message.model_dump_json().encode())


def test_a_message_packs_to_the_same_bytes_as_its_json(
        traffic: tuple[Path, list[Message]]) -> None:
    _path, messages = traffic
    assert all(packing.pack_rebuilt(m) is not None for m in messages)  # the path the ingest takes
    for m in messages:
        from_object, from_json = _both_ways(m)
        assert from_object == from_json


def test_every_code_point_is_written_as_json_dumps_writes_it(
        traffic: tuple[Path, list[Message]]) -> None:
    # pydantic-core writes the fast path's JSON: one message holding every character (controls,
    # quotes, backslashes, U+2028, astral planes) must pack to the bytes json.dumps gives.
    every = "".join(chr(c) for c in range(1, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    base = traffic[1][0]
    for source in (Source.SLACK, Source.GMAIL):
        m = next(x for x in traffic[1] if x.source is source)
        csv = CSVSource(Path("x.csv"), company_id=m.company_id, max_cell_bytes=10_000_000)
        rebuilt = csv.to_message(["id\u2028\"\\", "true" if source is Source.SLACK else "false",
                                  f"sender {every[:300]}", f"from {every[:300]}",
                                  base.timestamp.isoformat(), "Subject: hi\n\n" + every],
                                 origin=f"odd \x00\x1f {every[-50:]}")
        assert packing.pack_rebuilt(rebuilt) is not None
        from_object, from_json = _both_ways(rebuilt)
        assert from_object == from_json
        assert packing.unpack(from_object, rebuilt.id) == rebuilt


def test_other_messages_take_the_general_path_to_the_same_bytes(
        traffic: tuple[Path, list[Message]]) -> None:
    m = traffic[1][0]
    others = [m.model_copy(update={"payload": {**m.payload, "via": "bus"}}),
              m.model_copy(update={"payload": {}}),
              m.model_copy(update={"payload": {"ts": 1.5, "nested": [1, {"a": None}]}}),
              m.model_copy(update={"sender": "someone else"})]  # payload no longer rebuilds
    for other in others:
        assert packing.pack_rebuilt(other) is None
        from_object, from_json = _both_ways(other)
        assert from_object == from_json
    lone = m.model_copy(update={"text": "half a pair \udc80"})  # pydantic-core will not write it
    assert packing.pack_rebuilt(lone) is None
    assert packing.pack(lone) == packing.pack_json({**lone.model_dump(mode="json"),
                                                    "id": lone.source_id})


def test_a_channel_message_with_a_rebuilt_payload_takes_the_fast_path(
        traffic: tuple[Path, list[Message]]) -> None:
    m = next(x for x in traffic[1] if x.source is Source.SLACK)
    moved = m.model_copy(update={"channel": "C0GENERAL"})
    payload = packing.rebuilt_payload({**moved.model_dump(mode="json"), "id": moved.source_id})
    assert payload is not None and payload["channel"] == "C0GENERAL"
    in_channel = moved.model_copy(update={"payload": payload})
    assert packing.pack_rebuilt(in_channel) is not None
    from_object, from_json = _both_ways(in_channel)
    assert from_object == from_json
    assert packing.unpack(from_object, in_channel.id) == in_channel


def test_a_one_line_email_stored_before_the_subject_split_reads_back_as_stored(
        traffic: tuple[Path, list[Message]]) -> None:
    """Until December 2026 a one-line email cell was all subject; a store written then left its
    payload out and must rebuild that one, not today's split."""
    from signalpipe.sources.payloads import gmail_payload, split_subject_before_2026_12

    _path, messages = traffic
    email = next(m for m in messages if m.source is Source.GMAIL)
    text = ("Subject: Global Logistics Corp - CONTRACT SIGNED! Hi Alex, Just got the DocuSign "
            "back. $75,000 ARR, 2-year commitment. They loved the RBAC demo.")
    old_subject, old_body = split_subject_before_2026_12(text)
    own = email.payload["id"]
    stored_then = email.model_copy(update={"text": text, "subject": old_subject, "payload": (
        gmail_payload(own, email.sender, old_subject, old_body, email.timestamp,
                      to=f"investors@{email.company_id}.example"))})
    packed = packing.pack(stored_then)
    assert b'"payload"' not in _inflated(packed)  # left out: rebuilt on read
    assert packing.unpack(packed, stored_then.id) == stored_then
