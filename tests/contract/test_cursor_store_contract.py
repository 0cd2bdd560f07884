"""The CursorStore contract: sync cursors kept in the message store's database, per scope."""

from __future__ import annotations

import pytest

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
