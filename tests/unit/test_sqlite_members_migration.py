"""A SQLite event store file written before events kept their members opens and gains them.

The contract suite (tests/contract/test_event_members_contract.py) drops the column from a
store made by this release; this starts from the table exactly as the release before made it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from signalpipe.event_members import EventMember
from signalpipe.models import EventType, Polarity, Severity, SignificantEvent
from signalpipe.stores.sqlite import SQLiteEventStore

EVENT = SignificantEvent(company_id="scaleflow", event_type=EventType.FUNDING,
                         severity=Severity.HIGH, title="Raised $12M Series A",
                         metrics={"amount_usd": 12e6}, source_message_ids=["m-1"],
                         fingerprint="fp-a")
A = EventMember(fingerprint="fp-a", event_type=EventType.FUNDING, polarity=Polarity.POSITIVE,
                words=("12m", "raised", "series"), figures=(12e6,), labels=(),
                message_ids=("m-2",))


def test_a_file_written_by_the_release_before_opens_and_gains_members(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE significant_events (
          fingerprint TEXT PRIMARY KEY, company_id TEXT NOT NULL, event_type TEXT NOT NULL,
          severity TEXT NOT NULL, created_at REAL NOT NULL, updated_at REAL NOT NULL,
          doc TEXT NOT NULL);
        PRAGMA user_version = 1;""")
    db.execute("INSERT INTO significant_events VALUES (?, ?, ?, ?, 1.0, 1.0, ?)",
               ("fp-a", "scaleflow", "funding", "high", EVENT.model_dump_json()))
    db.commit()
    db.close()
    store = SQLiteEventStore(path)
    try:
        assert store.list_events() == [EVENT]
        assert store.event_members("scaleflow") == {}
        store.upsert_many([EVENT.model_copy(update={"source_message_ids": ["m-2"]})],
                          members={"fp-a": [A]})
        assert store.event_members("scaleflow") == {"fp-a": [A]}
        assert store.list_events()[0].source_message_ids == ["m-1", "m-2"]
    finally:
        store.close()
    reopened = SQLiteEventStore(path)  # opening again migrates nothing twice
    try:
        assert reopened.event_members("scaleflow") == {"fp-a": [A]}
    finally:
        reopened.close()
    columns = {r[1] for r in sqlite3.connect(path).execute(
        "PRAGMA table_info(significant_events)")}
    assert "members" in columns
