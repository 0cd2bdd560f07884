"""The review log (`review.ReviewLedger`) in the SQLite event store: a table of its own,
append-only, beside the event rows that extraction owns (so a replay that rewrites an event row
never touches what a person decided about it)."""

from __future__ import annotations

import sqlite3
import threading

from signalpipe.review import (
    ReviewAction,
    ReviewDecision,
    ReviewLedger,
    metrics_from_json,
    metrics_json,
)

REVIEWS_DDL = """
CREATE TABLE IF NOT EXISTS review_decisions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, company_id TEXT NOT NULL, fingerprint TEXT NOT NULL,
  action TEXT NOT NULL, at REAL NOT NULL, reviewer TEXT NOT NULL, reason TEXT NOT NULL,
  title TEXT, metrics TEXT, into_fingerprint TEXT
);
CREATE INDEX IF NOT EXISTS review_decisions_company ON review_decisions(company_id, at, seq);
"""
_COLUMNS = "company_id, fingerprint, action, at, reviewer, reason, title, metrics, into_fingerprint"


class SQLiteReviewMixin(ReviewLedger):
    """The host class owns `_db` and `_lock`; `_create_review_tables` runs on every open, so a
    store written before the review log existed gains the table."""

    _db: sqlite3.Connection
    _lock: threading.Lock

    def _create_review_tables(self) -> None:
        self._db.executescript(REVIEWS_DDL)

    def record_review(self, decision: ReviewDecision) -> None:
        d = decision
        with self._lock:
            self._db.execute(
                f"INSERT INTO review_decisions ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (d.company_id, d.fingerprint, d.action.value, d.at, d.reviewer, d.reason,
                 d.title, metrics_json(d.metrics), d.into))

    def review_log(self, company_id: str) -> list[ReviewDecision]:
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM review_decisions WHERE company_id = ? "
                "ORDER BY at, seq", (company_id,)).fetchall()
        return [ReviewDecision(company_id=r[0], fingerprint=r[1], action=ReviewAction(r[2]),
                               at=r[3], reviewer=r[4], reason=r[5], title=r[6],
                               metrics=metrics_from_json(r[7]), into=r[8]) for r in rows]

    def _clear_reviews(self) -> None:
        self._db.execute("DELETE FROM review_decisions")
