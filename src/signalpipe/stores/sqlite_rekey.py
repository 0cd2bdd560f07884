"""The SQLite file's migration to namespaced message keys (see `stores/rekey.py`).

Runs once, when a message store opens a file without the `id_namespaces` mark: every message,
its pending row and its superseded versions move to the message's key; in the same transaction
the events, KPI observations and parked batches of that file (written by the event store into
the same file) cite the keys instead of the bare ids, so citations, retractions and replays
keep finding their messages. A fresh file is marked at once.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from signalpipe.stores.rekey import rekeyed

MARK = "id_namespaces"
_META_DDL = "CREATE TABLE IF NOT EXISTS store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)"
_PAGE = 2000


def migrate(db: sqlite3.Connection) -> bool:
    """Rekey the file's messages unless marked; True when it moved anything. The caller holds
    the connection's lock."""
    db.execute(_META_DDL)
    if db.execute("SELECT 1 FROM store_meta WHERE name = ?", (MARK,)).fetchone():
        return False
    db.execute("BEGIN IMMEDIATE")
    try:
        moved = _rekey_messages(db)
        if moved:
            _rekey_citations(db)
        db.execute("INSERT INTO store_meta (name, value) VALUES (?, '1')", (MARK,))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return moved > 0


def _rekey_messages(db: sqlite3.Connection) -> int:
    db.execute("CREATE TEMP TABLE IF NOT EXISTS rekey (company_id TEXT NOT NULL, old TEXT "
               "NOT NULL, new TEXT NOT NULL, PRIMARY KEY (company_id, old))")
    db.execute("DELETE FROM temp.rekey")
    after, moved = None, 0
    while True:
        rows = db.execute("SELECT id, doc FROM messages WHERE ?1 IS NULL OR id > ?1 ORDER BY id "
                          "LIMIT ?2", (after, _PAGE)).fetchall()
        if not rows:
            break
        after = rows[-1][0]
        for old, doc in rows:
            found = rekeyed(old, doc)
            if found is not None:
                company, new, packed = found
                db.execute("INSERT OR IGNORE INTO temp.rekey VALUES (?, ?, ?)",
                           (company, old, new))
                db.execute("DELETE FROM messages WHERE id = ?", (old,))
                db.execute("INSERT INTO messages (id, doc) VALUES (?, ?) ON CONFLICT(id) DO "
                           "NOTHING", (new, packed))
                moved += 1
    if moved:
        for table in ("pending", "message_versions"):
            if _exists(db, table):
                db.execute(f"UPDATE {table} SET id = (SELECT r.new FROM temp.rekey r WHERE "
                           f"r.old = {table}.id) WHERE id IN (SELECT old FROM temp.rekey)")
    return moved


def _rekey_citations(db: sqlite3.Connection) -> None:
    """Events, KPI observations and parked batches cite messages by id: give them the keys."""
    if _exists(db, "significant_events"):
        for fingerprint, company, doc in db.execute(
                "SELECT fingerprint, company_id, doc FROM significant_events").fetchall():
            event = json.loads(doc)
            event["source_message_ids"] = _keys(db, company, event["source_message_ids"])
            for span in event.get("evidence_spans") or []:
                span["message_id"] = _keys(db, company, [span["message_id"]])[0]
            db.execute("UPDATE significant_events SET doc = ? WHERE fingerprint = ?",
                       (json.dumps(event, ensure_ascii=False), fingerprint))
    if _exists(db, "kpi_observations"):
        for rowid, company, ids in db.execute(
                "SELECT rowid, company_id, source_message_ids FROM kpi_observations").fetchall():
            db.execute("UPDATE kpi_observations SET source_message_ids = ? WHERE rowid = ?",
                       (json.dumps(_keys(db, company, json.loads(ids))), rowid))
    if _exists(db, "parked_batches"):
        for batch_id, ids in db.execute(
                "SELECT batch_id, message_ids FROM parked_batches").fetchall():
            db.execute("UPDATE parked_batches SET message_ids = ? WHERE batch_id = ?",
                       (json.dumps(_keys(db, None, json.loads(ids))), batch_id))


def _keys(db: sqlite3.Connection, company: str | None, ids: list[Any]) -> list[Any]:
    """Each id's key (of `company`, or of any company when None); an id with none stays."""
    out = []
    for old in ids:
        row = db.execute("SELECT new FROM temp.rekey WHERE old = ? AND (?2 IS NULL OR "
                         "company_id = ?2)", (old, company)).fetchone()
        out.append(row[0] if row else old)
    return out


def _exists(db: sqlite3.Connection, table: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                      (table,)).fetchone() is not None
