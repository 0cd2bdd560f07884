"""The Cassandra keyspace's migration to namespaced message keys (see `stores/rekey.py`).

Runs once per keyspace (a `store_meta` row says so), after the packing migration: each
message stored under a bare id is written under its key (document, pending marker, product
table row, superseded versions) and its bare-id rows are deleted. Idempotent: a worker killed
half way, or two workers starting together, find the moved rows keyed and leave them.

Events live in PostgreSQL, which this store cannot reach: events stored before the migration
keep citing bare ids (shown the same to a reader; their footnotes lose date and place).
"""

from __future__ import annotations

import logging
from typing import Any

from signalpipe.models import Message, namespace_of
from signalpipe.stores import packing
from signalpipe.stores.rekey import rekeyed

logger = logging.getLogger(__name__)
MARK = "id_namespaces"


def migrate(store: Any, buckets: int, doc_kind: int, pending_kind: int) -> int:
    """Rekey every bare-id message of the store's keyspace; returns how many moved."""
    from signalpipe.stores.cassandra import _pack

    if store._retry("read store version", lambda: list(store._session.execute(
            store._q["meta_get"], (MARK,)))):
        return 0
    ks = store.keyspace
    moved = 0
    for bucket in range(buckets):
        rows = store._retry("read messages", lambda b=bucket: store._rows(
            f"SELECT kind, id, packed, doc FROM {ks}.messages_by_bucket WHERE bucket = %s",
            (b,)))
        pending = {r[1] for r in rows if r[0] == pending_kind}
        writes, deletes = [], []
        for _kind, old, packed, doc in (r for r in rows if r[0] == doc_kind):
            found = rekeyed(old, packed or doc)
            if found is None:
                continue
            _company, key, _packed = found
            message = packing.unpack(packed or doc, key)
            writes.append(store._row(message))
            doc_row, marker = store._by_id_rows(message, _packed)
            writes.extend([doc_row, marker] if old in pending else [doc_row])
            deletes.extend(_old_rows(store, message, old, bucket, doc_kind, pending_kind))
            moved += 1
        store._concurrent("write rekeyed messages", _pack(writes))
        store._concurrent("delete bare-id rows", deletes)
    _versions(store)
    if moved:
        logger.info("cassandra %s: %d messages rekeyed by company and source", ks, moved)
    store._retry("write store version", lambda: store._session.execute(
        store._q["meta_put"], (MARK, "1")))
    return moved


def _old_rows(store: Any, message: Message, old: str, bucket: int, doc_kind: int,
              pending_kind: int) -> list[tuple[Any, tuple[Any, ...]]]:
    from signalpipe.stores.cassandra import _utc

    ks = store.keyspace
    ts = _utc(message.timestamp)
    table = "chat_messages" if message.source.value == "slack" else "email_messages"
    by_id = f"DELETE FROM {ks}.messages_by_bucket WHERE bucket = %s AND kind = %s AND id = %s"
    return [
        (by_id, (bucket, doc_kind, old)),
        (by_id, (bucket, pending_kind, old)),
        (f"DELETE FROM {ks}.{table} WHERE company_id = %s AND day = %s AND ts = %s AND id = %s",
         (message.company_id, ts.date(), ts, old)),
    ]


def _versions(store: Any) -> None:
    """Superseded versions are partitioned by id: copy each bare-id partition to its key."""
    ks = store.keyspace
    rows = store._retry("read versions", lambda: store._rows(
        f"SELECT id, content_hash, superseded_at, doc FROM {ks}.message_versions", None))
    work: list[tuple[str, tuple[Any, ...]]] = []
    for old, digest, at, doc in rows:
        if namespace_of(old) is not None:
            continue
        found = rekeyed(old, doc)
        if found is None:
            continue
        key = found[1]
        keyed = Message.model_validate_json(doc).model_copy(update={"id": key})
        work.append((f"INSERT INTO {ks}.message_versions (id, content_hash, superseded_at, doc)"
                     " VALUES (%s, %s, %s, %s)", (key, digest, at, keyed.model_dump_json())))
        work.append((f"DELETE FROM {ks}.message_versions WHERE id = %s", (old,)))
    store._concurrent("rekey versions", work)
