"""The review log (`review.ReviewLedger`) in the PostgreSQL event store: the append-only
`review_decisions` table (schema version 4), beside the event rows that extraction owns."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from signalpipe.review import (
    ReviewAction,
    ReviewDecision,
    ReviewLedger,
    metrics_from_json,
    metrics_json,
)

# Text columns cannot hold NUL: the query columns get a copy with NUL replaced, and
# `doc_text` keeps the reviewer's words exactly (JSON escapes NUL), which is what reads return.
REVIEWS_MIGRATION = """
CREATE TABLE review_decisions (
  seq bigserial PRIMARY KEY,
  company_id text NOT NULL,
  fingerprint text NOT NULL,
  action text NOT NULL,
  at double precision NOT NULL,
  metrics jsonb,
  into_fingerprint text,
  doc_text text NOT NULL
);
CREATE INDEX review_decisions_company ON review_decisions (company_id, at, seq);
"""


class PostgresReviewMixin(ReviewLedger):
    """The host class owns `_transaction` (`postgres.py`)."""

    _transaction: Callable[..., Any]

    def record_review(self, decision: ReviewDecision) -> None:
        from signalpipe.stores.postgres import _jsonb, _text

        d = decision
        self._transaction(lambda cur: cur.execute(
            "INSERT INTO review_decisions (company_id, fingerprint, action, at, metrics, "
            "into_fingerprint, doc_text) VALUES (%s, %s, %s, %s, %s, %s, %s)",
            (_text(d.company_id), _text(d.fingerprint), d.action.value, d.at,
             None if d.metrics is None else _jsonb(dict(d.metrics)),
             None if d.into is None else _text(d.into), _doc(d))))

    def review_log(self, company_id: str) -> list[ReviewDecision]:
        from signalpipe.stores.postgres import _text

        rows = self._transaction(lambda cur: cur.execute(
            "SELECT doc_text FROM review_decisions WHERE company_id = %s ORDER BY at, seq",
            (_text(company_id),)).fetchall())
        return [_from_doc(r[0]) for r in rows]


def _doc(d: ReviewDecision) -> str:
    return json.dumps({"company_id": d.company_id, "fingerprint": d.fingerprint,
                       "action": d.action.value, "at": d.at, "reviewer": d.reviewer,
                       "reason": d.reason, "title": d.title, "metrics": metrics_json(d.metrics),
                       "into": d.into})


def _from_doc(text: str) -> ReviewDecision:
    v = json.loads(text)
    return ReviewDecision(company_id=v["company_id"], fingerprint=v["fingerprint"],
                          action=ReviewAction(v["action"]), at=float(v["at"]),
                          reviewer=v["reviewer"], reason=v["reason"], title=v["title"],
                          metrics=metrics_from_json(v["metrics"]), into=v["into"])
