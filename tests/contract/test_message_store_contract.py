"""The MessageStore contract: idempotent by id, conflicts found, pending until extracted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from signalpipe.models import NAMESPACES, DeadLetter, Message, Source, message_key
from signalpipe.stores.base import MessageStore

pytestmark = pytest.mark.parametrize(
    "message_store_case", ["sqlite", pytest.param("cassandra", marks=pytest.mark.integration)],
    indirect=True)

MakeMessage = Any  # tests/conftest.py:make_message


def _ids(messages: list[Message]) -> list[str]:
    return [m.id for m in messages]


def _pending(store: MessageStore, company: str) -> list[Message]:
    """pending() promises no order; compare by id."""
    return sorted(store.pending(company), key=lambda m: m.id)


def _by_id(messages: list[Message]) -> list[Message]:
    return sorted(messages, key=lambda m: m.id)


def test_new_messages_are_stored_and_all_need_batching(message_store: MessageStore,
                                                       make_message: MakeMessage) -> None:
    messages = [make_message() for _ in range(30)]
    result = message_store.put_many(messages)
    assert _ids(result.to_batch) == _ids(messages)
    assert (result.already_done, result.conflicts) == (0, [])
    assert message_store.count() == 30


def test_messages_round_trip_whole(message_store: MessageStore,
                                   make_message: MakeMessage) -> None:
    chat = make_message(channel="general", thread_id="t-1", payload={"ts": "1.2", "n": [1, 2]},
                        origin="data.csv:2")
    email = make_message(source=Source.GMAIL, sender="ceo@acme.io", subject="Q3 update",
                         text="Revenue hit $2M ARR \u2014 caf\u00e9 \U0001f680 \x00 nul",
                         timestamp=datetime(2024, 12, 31, 23, 59, 59, 123000, tzinfo=UTC))
    message_store.put_many([chat, email])
    stored = {m.id: m for m in message_store.get_many([email.id, chat.id, "missing"])}
    assert stored == {chat.id: chat, email.id: email}


def test_docs_from_the_bus_are_stored_as_given(message_store: MessageStore,
                                               make_message: MakeMessage) -> None:
    # The worker passes the bytes it read off the bus, so the message is not serialized a
    # second time. The store keeps those bytes: a doc whose payload says where it came from
    # reads back with it, which it could not if the store had serialized the message itself.
    messages = [make_message(payload={"ts": "1.5"}) for _ in range(3)]
    docs = [m.model_copy(update={"payload": {"ts": "1.5", "via": "bus"}}).model_dump_json(
        indent=1).encode() for m in messages]
    result = message_store.put_many(messages, docs)
    assert _ids(result.to_batch) == _ids(messages)
    for got in (message_store.get_many(_ids(messages)),
                list(message_store.pending(messages[0].company_id))):
        assert sorted(m.id for m in got) == sorted(_ids(messages))
        assert all(m.payload == {"ts": "1.5", "via": "bus"} for m in got)


def test_replaying_the_same_messages_is_idempotent(message_store: MessageStore,
                                                   make_message: MakeMessage) -> None:
    messages = [make_message() for _ in range(10)]
    message_store.put_many(messages)
    again = message_store.put_many(messages)
    # stored but not extracted yet: a replay after a crash must batch them again
    assert _ids(again.to_batch) == _ids(messages)
    assert (again.already_done, again.conflicts) == (0, [])
    message_store.mark_extracted(_ids(messages[:6]))
    third = message_store.put_many(messages)
    assert _ids(third.to_batch) == _ids(messages[6:])
    assert third.already_done == 6
    assert message_store.count() == 10


def test_same_id_different_content_is_a_conflict_and_the_stored_one_wins(
        message_store: MessageStore, make_message: MakeMessage) -> None:
    original = make_message(id="dup-1", text="the original")
    message_store.put_many([original])
    impostor = make_message(id="dup-1", text="something else")
    result = message_store.put_many([impostor, make_message(id="fresh")])
    assert result.conflicts == [impostor]
    assert _ids(result.to_batch) == ["fresh"]
    assert message_store.get_many(["dup-1"]) == [original]
    assert message_store.count() == 2


def test_duplicates_inside_one_call_are_stored_once(message_store: MessageStore,
                                                    make_message: MakeMessage) -> None:
    first = make_message(id="twice", text="same words")
    copy = first.model_copy()
    clash = first.model_copy(update={"text": "other words"})
    result = message_store.put_many([first, copy, clash])
    assert set(_ids(result.to_batch)) == {"twice"}
    assert result.conflicts == [clash]
    assert message_store.count() == 1
    assert message_store.get_many(["twice"]) == [first]


def test_pending_lists_unextracted_messages_of_one_company(
        message_store: MessageStore, make_message: MakeMessage) -> None:
    base = datetime(2025, 5, 1, tzinfo=UTC)
    ours = [make_message(company_id="acme", timestamp=base + timedelta(hours=h))
            for h in (5, 1, 3, 2, 4)]
    theirs = [make_message(company_id="globex") for _ in range(3)]
    message_store.put_many([*ours, *theirs])
    expected = sorted(ours, key=lambda m: m.timestamp)
    assert _pending(message_store, "acme") == _by_id(expected)
    message_store.mark_extracted([expected[0].id, expected[3].id])
    assert _pending(message_store, "acme") == _by_id([expected[1], expected[2], expected[4]])
    assert {m.id for m in message_store.pending("globex")} == set(_ids(theirs))
    assert list(message_store.pending("nobody")) == []


def test_pending_spans_days_and_both_sources(message_store: MessageStore,
                                             make_message: MakeMessage) -> None:
    base = datetime(2025, 1, 1, 12, tzinfo=UTC)
    messages = [make_message(source=Source.GMAIL if i % 2 else Source.SLACK,
                             timestamp=base + timedelta(days=i * 3)) for i in range(40)]
    message_store.put_many(messages)
    assert _pending(message_store, "scaleflow") == _by_id(messages)
    message_store.mark_extracted(_ids(messages))
    assert list(message_store.pending("scaleflow")) == []
    assert message_store.put_many(messages).already_done == 40


def test_mark_extracted_ignores_unknown_ids(message_store: MessageStore,
                                           make_message: MakeMessage) -> None:
    known = make_message()
    message_store.put_many([known])
    message_store.mark_extracted(["never-stored", known.id, known.id])
    assert message_store.count() == 1
    assert message_store.get_many(["never-stored"]) == []
    assert list(message_store.pending("scaleflow")) == []


def test_dead_letters_round_trip_whole_even_when_large(message_store: MessageStore) -> None:
    big = DeadLetter(origin="data.csv:7", reason="cell over the size limit", stage="read",
                     raw="\u00e9" * (5 * 1024 * 1024 // 2))  # 5 MB of UTF-8
    small = DeadLetter(origin="slack-messages[0]@12", reason="not a valid message",
                       stage="decode", raw="{oops", message_id="m-9")
    message_store.put_dead_letters([big, small])
    message_store.put_dead_letters([small])  # the same letter again is kept once
    letters = message_store.dead_letters()
    assert sorted(letters, key=lambda d: d.origin) == [big, small]


def test_dead_letter_seen_twice_keeps_the_first(message_store: MessageStore) -> None:
    first = DeadLetter(origin="o", reason="r", stage="s", raw="first")
    message_store.put_dead_letters([first])
    message_store.put_dead_letters([first.model_copy(update={"raw": "second"})])
    assert message_store.dead_letters() == [first]


def test_clear_removes_messages_and_dead_letters(message_store: MessageStore,
                                                 make_message: MakeMessage) -> None:
    messages = [make_message() for _ in range(5)]
    message_store.put_many(messages)
    message_store.put_dead_letters([DeadLetter(origin="o", reason="r", stage="s", raw="x")])
    message_store.clear()
    assert message_store.count() == 0
    assert message_store.dead_letters() == []
    assert list(message_store.pending("scaleflow")) == []
    assert _ids(message_store.put_many(messages).to_batch) == _ids(messages)


def test_another_handle_sees_the_same_data(message_store_case: Any,
                                           make_message: MakeMessage) -> None:
    messages = [make_message() for _ in range(8)]
    message_store_case.store.put_many(messages)
    message_store_case.store.mark_extracted(_ids(messages[:3]))
    other = message_store_case.reopen()
    assert other.count() == 8
    replay = other.put_many(messages)
    assert (replay.already_done, _ids(replay.to_batch)) == (3, _ids(messages[3:]))
    assert _pending(other, "scaleflow") == _by_id(messages[3:])


def test_copies_far_apart_in_one_large_call_are_still_told_apart(
        message_store: MessageStore, make_message: MakeMessage) -> None:
    # Far enough apart to fall in different chunks of one call, whatever the store's chunk.
    first = make_message(id="far", text="same words")
    fillers = [make_message() for _ in range(1200)]
    copy = first.model_copy()
    clash = first.model_copy(update={"text": "other words"})
    result = message_store.put_many([first, *fillers, copy, *fillers[:3], clash])
    assert result.conflicts == [clash]
    assert set(_ids(result.to_batch)) == {"far", *_ids(fillers)}
    assert message_store.count() == 1201
    assert message_store.get_many(["far"]) == [first]


def test_a_large_chunk_is_stored_in_one_call(message_store: MessageStore,
                                             make_message: MakeMessage) -> None:
    messages = [make_message() for _ in range(2500)]
    assert len(message_store.put_many(messages).to_batch) == 2500
    assert message_store.count() == 2500
    assert len(message_store.get_many(_ids(messages))) == 2500


# -- id namespaces (issue 12) --------------------------------------------------------------------
def test_one_source_id_in_each_namespace_and_company_is_a_message_of_its_own(
        message_store: MessageStore, make_message: MakeMessage) -> None:
    """An email whose Message-ID is a CSV row's id, or another company's row with the same id,
    is another message: all stored, no conflict, each pending for its own company."""
    keyed = [make_message(id=message_key(company, namespace, "shared-1"), company_id=company,
                          source=Source.GMAIL if namespace == "email" else Source.SLACK,
                          text=f"{namespace} of {company}")
             for company in ("acme", "globex", "acme/csv")
             for namespace in NAMESPACES]
    result = message_store.put_many(keyed)
    assert _ids(result.to_batch) == _ids(keyed) and result.conflicts == []
    stored = {m.id: m for m in message_store.get_many(_ids(keyed))}
    assert stored == {m.id: m for m in keyed}
    assert {m.source_id for m in stored.values()} == {"shared-1"}
    for company in ("acme", "globex", "acme/csv"):
        assert _pending(message_store, company) == _by_id(
            [m for m in keyed if m.company_id == company])
    message_store.mark_extracted([message_key("acme", "csv", "shared-1")])
    assert len(_pending(message_store, "acme")) == 2
    assert len(_pending(message_store, "globex")) == 3


def test_a_key_and_a_bare_id_do_not_meet(message_store: MessageStore,
                                         make_message: MakeMessage) -> None:
    bare = make_message(id="shared-2", text="stored under its bare id")
    keyed = make_message(id=message_key("scaleflow", "csv", "shared-2"), text="keyed")
    message_store.put_many([bare])
    result = message_store.put_many([keyed])
    assert _ids(result.to_batch) == [keyed.id] and result.conflicts == []
    assert [m.text for m in message_store.get_many([keyed.id])] == ["keyed"]


def test_dead_letters_of_the_same_line_in_two_folders_are_both_kept(
        message_store: MessageStore) -> None:
    letters = [DeadLetter(origin=f"/data/{month}/export.csv:3", stage="source",
                          reason="unparsable timestamp", raw="x") for month in ("jan", "feb")]
    message_store.put_dead_letters(letters)
    message_store.put_dead_letters(letters)  # a replay keeps one of each
    assert sorted(d.origin for d in message_store.dead_letters()) == [
        "/data/feb/export.csv:3", "/data/jan/export.csv:3"]
