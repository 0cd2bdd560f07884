"""The CursorStore and VersionStore contracts: sync cursors and message versions kept in the
message store's database."""

from __future__ import annotations

from typing import Any

import pytest

from signalpipe.stores.base import MessageStore
from signalpipe.stores.state import Cursor, CursorStore
from tests.contract.conftest import StoreCase, unique

pytestmark = pytest.mark.parametrize(
    "message_store_case", ["sqlite", pytest.param("cassandra", marks=pytest.mark.integration)],
    indirect=True)


def _store(case: StoreCase) -> CursorStore:
    store: CursorStore = case.store
    return store


def test_no_cursor_before_the_first_sync(message_store_case: StoreCase) -> None:
    store = _store(message_store_case)
    assert store.get_cursor(unique("co"), "slack", "C1") is None
    assert store.cursors(unique("co")) == []


def test_a_cursor_is_an_upsert_per_scope(message_store_case: StoreCase) -> None:
    store, company = _store(message_store_case), unique("co")
    store.put_cursors([Cursor(company, "slack", "C1", "100.1"),
                       Cursor(company, "slack", "C2", "200.2")])
    store.put_cursors([Cursor(company, "slack", "C1", "150.5")])
    got = store.get_cursor(company, "slack", "C1")
    assert got is not None and got.value == "150.5" and got.updated_at > 0
    assert [(c.scope, c.value) for c in store.cursors(company, "slack")] == [
        ("C1", "150.5"), ("C2", "200.2")]


def test_cursors_are_kept_apart_by_company_and_source(message_store_case: StoreCase) -> None:
    store, a, b = _store(message_store_case), unique("co"), unique("co")
    store.put_cursors([Cursor(a, "slack", "C1", "1"), Cursor(a, "gmail", "history", "99"),
                       Cursor(b, "slack", "C1", "2")])
    assert [(c.source, c.scope, c.value) for c in store.cursors(a)] == [
        ("gmail", "history", "99"), ("slack", "C1", "1")]
    assert [c.value for c in store.cursors(b)] == ["2"]
    store.delete_cursors(a, "slack")
    assert [c.source for c in store.cursors(a)] == ["gmail"]
    assert store.get_cursor(b, "slack", "C1") is not None


def test_a_cursor_survives_a_restart(message_store_case: StoreCase) -> None:
    company = unique("co")
    _store(message_store_case).put_cursors([Cursor(company, "gmail", "history", "12345")])
    other: CursorStore = message_store_case.reopen()
    got = other.get_cursor(company, "gmail", "history")
    assert got is not None and got.value == "12345"


def test_clear_forgets_cursors(message_store_case: StoreCase) -> None:
    store, company = _store(message_store_case), unique("co")
    store.put_cursors([Cursor(company, "slack", "C1", "1")])
    message_store_case.store.clear()
    assert store.get_cursor(company, "slack", "C1") is None


# -- versions: an edit or deletion replaces the stored message, the old one is archived --------
def test_a_new_version_replaces_the_message_and_archives_the_old(
        message_store_case: StoreCase, make_message: Any) -> None:
    store: MessageStore = message_store_case.store
    first = make_message(text="we signed Acme for $600k")
    store.put_many([first])
    store.mark_extracted([first.id])
    edited = first.model_copy(update={"text": "we signed Acme for $900k",
                                      "payload": {"edited": {"ts": "5.0"}}})
    store.put_versions([edited])
    store.put_versions([edited])  # a replay changes nothing
    assert store.get_many([first.id]) == [edited]
    assert store.versions(first.id) == [first]
    assert [m.id for m in store.pending(first.company_id)] == [first.id]
    assert store.put_many([edited]).to_batch == [edited]  # pending: re-extracted on replay


def test_a_tombstone_is_stored_without_extraction(message_store_case: StoreCase,
                                                  make_message: Any) -> None:
    store: MessageStore = message_store_case.store
    first = make_message(text="Bob joins as VP Sales")
    store.put_many([first])
    gone = first.model_copy(update={"text": "(message deleted)",
                                    "payload": {"subtype": "message_deleted"}})
    store.put_versions([gone], pending=False)
    assert store.get_many([first.id]) == [gone]
    assert list(store.pending(first.company_id)) == []
    assert store.versions(first.id) == [first]
