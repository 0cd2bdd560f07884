"""The ReviewLedger contract: decisions appended, never rewritten, read back oldest first, per
company, exactly as recorded; and a decision outlives every rewrite of its event's row."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Severity, SignificantEvent
from signalpipe.review import ReviewAction, ReviewDecision, apply_reviews, fold
from signalpipe.stores.base import EventStore
from tests.contract.conftest import StoreCase

pytestmark = pytest.mark.parametrize(
    "event_store_case", ["sqlite", pytest.param("postgres", marks=pytest.mark.integration)],
    indirect=True)


def _d(fingerprint: str, action: ReviewAction, at: float, **fields: object) -> ReviewDecision:
    return ReviewDecision(company_id=str(fields.pop("company_id", "acme")),
                          fingerprint=fingerprint, action=action, at=at,
                          **fields)  # type: ignore[arg-type]


def _event(title: str, arr: int) -> SignificantEvent:
    return SignificantEvent(
        company_id="acme", event_type=EventType.REVENUE_MILESTONE, severity=Severity.HIGH,
        title=title, timeline="2026-03-01", metrics={"arr_usd": arr},
        source_message_ids=[f"m-{arr}"], confidence=0.9)


def test_decisions_come_back_oldest_first_and_whole(event_store: EventStore) -> None:
    edit = _d("fp1", ReviewAction.EDIT, 20.0, reviewer="ana", reason="typo",
              title="ARR passed $2M", metrics={"arr_usd": 2_000_000, "growth": 0.25,
                                               "note": "net of refunds"})
    event_store.record_review(edit)
    event_store.record_review(_d("fp1", ReviewAction.APPROVE, 10.0))
    event_store.record_review(_d("fp2", ReviewAction.MERGE, 30.0, into="fp1"))
    log = event_store.review_log("acme")
    assert [(d.fingerprint, d.action, d.at) for d in log] == [
        ("fp1", ReviewAction.APPROVE, 10.0), ("fp1", ReviewAction.EDIT, 20.0),
        ("fp2", ReviewAction.MERGE, 30.0)]
    assert log[1] == edit
    assert type(log[1].metrics["arr_usd"]) is int  # type: ignore[index]
    assert type(log[1].metrics["growth"]) is float  # type: ignore[index]
    assert log[2].into == "fp1" and log[2].metrics is None and log[2].title is None


def test_the_log_is_append_only(event_store: EventStore) -> None:
    """The same decision twice is two entries (a person did it twice): nothing dedups or
    overwrites, so the history the review app shows is complete."""
    d = _d("fp1", ReviewAction.REJECT, 5.0, reason="not an event")
    event_store.record_review(d)
    event_store.record_review(d)
    event_store.record_review(_d("fp1", ReviewAction.REOPEN, 6.0))
    assert [x.action for x in event_store.review_log("acme")] == [
        ReviewAction.REJECT, ReviewAction.REJECT, ReviewAction.REOPEN]


def test_equal_times_keep_the_order_they_were_recorded(event_store: EventStore) -> None:
    for action in (ReviewAction.REJECT, ReviewAction.REOPEN, ReviewAction.APPROVE):
        event_store.record_review(_d("fp1", action, 7.0))
    assert [x.action for x in event_store.review_log("acme")] == [
        ReviewAction.REJECT, ReviewAction.REOPEN, ReviewAction.APPROVE]
    assert fold(event_store.review_log("acme"))["fp1"].status.value == "approved"


def test_empty_metrics_differ_from_unchanged(event_store: EventStore) -> None:
    event_store.record_review(_d("fp1", ReviewAction.EDIT, 1.0, metrics={}))
    event_store.record_review(_d("fp1", ReviewAction.EDIT, 2.0, title="Only the title"))
    log = event_store.review_log("acme")
    assert log[0].metrics == {} and log[1].metrics is None


def test_text_is_kept_exactly(event_store: EventStore) -> None:
    """Whatever a reviewer types comes back as typed: quotes, markup, non-ASCII, NUL."""
    odd = "<script>alert('x')</script> \u2018€\u2019 \x00 \"; DROP TABLE review_decisions; --"
    event_store.record_review(_d("fp1", ReviewAction.REJECT, 1.0, reason=odd, reviewer=odd))
    event_store.record_review(_d("fp1", ReviewAction.EDIT, 2.0, title=odd,
                                 metrics={"note": odd}))
    log = event_store.review_log("acme")
    assert log[0].reason == odd and log[0].reviewer == odd
    assert log[1].title == odd and log[1].metrics == {"note": odd}


def test_each_company_sees_its_own_log(event_store: EventStore) -> None:
    event_store.record_review(_d("fp1", ReviewAction.APPROVE, 1.0))
    event_store.record_review(_d("fp9", ReviewAction.REJECT, 2.0, company_id="globex"))
    assert [d.fingerprint for d in event_store.review_log("acme")] == ["fp1"]
    assert [d.fingerprint for d in event_store.review_log("globex")] == ["fp9"]
    assert event_store.review_log("initech") == []


def test_another_handle_sees_the_decisions(event_store_case: StoreCase) -> None:
    event_store_case.store.record_review(_d("fp1", ReviewAction.CONFIDENTIAL, 1.0))
    other: EventStore = event_store_case.reopen()
    assert [d.action for d in other.review_log("acme")] == [ReviewAction.CONFIDENTIAL]


def test_clear_forgets_decisions(event_store: EventStore) -> None:
    event_store.record_review(_d("fp1", ReviewAction.APPROVE, 1.0))
    event_store.clear()
    assert event_store.review_log("acme") == []


def test_decisions_outlive_rewrites_of_the_event(event_store: EventStore) -> None:
    """Extraction owns the event rows: a replay merges into them, a retraction deletes them and
    a re-run inserts them again. None of it touches the log, so a rejection and an edit still
    apply to whatever extraction wrote last."""
    kept, dropped = _event("ARR passed $1M", 1_000_000), _event("ARR passed $3M", 3_000_000)
    event_store.upsert_many([kept, dropped])
    event_store.record_review(_d(dropped.fingerprint, ReviewAction.REJECT, 1.0,
                                 reason="a forecast, not a fact"))
    event_store.record_review(_d(kept.fingerprint, ReviewAction.EDIT, 2.0,
                                 title="ARR passed $1.1M", metrics={"arr_usd": 1_100_000}))
    event_store.retract_messages(["m-3000000"])
    event_store.upsert_many([kept, dropped, dropped.model_copy(
        update={"source_message_ids": ["m-other"]})])
    seen = apply_reviews(event_store.list_events("acme"), fold(event_store.review_log("acme")))
    assert [(e.title, e.metrics) for e in seen] == [("ARR passed $1.1M",
                                                     {"arr_usd": 1_100_000})]


def test_a_store_from_before_the_review_log_gains_it(event_store_case: StoreCase) -> None:
    """A store written by an older signalpipe (no review table) gets one when opened."""
    store = event_store_case.store
    store.upsert_many([_event("ARR passed $1M", 1_000_000)])
    if event_store_case.name == "sqlite":
        store._db.execute("DROP TABLE review_decisions")
    else:
        # Versions after 4 (events' members) did not exist then either.
        store._transaction(lambda cur: cur.execute(
            "DROP TABLE review_decisions; DELETE FROM schema_version WHERE version >= 4"))
    reopened: EventStore = event_store_case.reopen()
    reopened.record_review(_d("fp1", ReviewAction.APPROVE, 1.0))
    assert [d.fingerprint for d in reopened.review_log("acme")] == ["fp1"]
    assert len(reopened.list_events("acme")) == 1
