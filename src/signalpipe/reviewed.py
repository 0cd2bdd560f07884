"""The one way every reader gets events and KPI figures: through the review log (issue 14).

Extraction owns the stored rows; this folds the reviewers' decisions over them on every read
(`review.apply_reviews`), so a replay or a re-run never brings back a rejected event nor
undoes an edit. Each reader names its `View`, which says what happens to a confidential event:

- `REVIEW` (`signalpipe events`, `signalpipe review list`, the review app): shown, and marked
  by the caller (`is_confidential`). These are the founder's own screens.
- `REPORT` (pipeline_results.md, report.html, `signalpipe kpis`): kept, but its title becomes
  "[confidential]" and its figures, quote and details are dropped, so the report's counts still
  add up while nothing of what it says is disclosed (a report is often forwarded).
- `OUTBOUND` (alerts) and `UPDATE` (the investor update, outreach): left out, figures and all.
  A "[confidential]" line in an investor update invites the very question the founder wanted
  to avoid, and a figure in the KPI table or chart would disclose the event anyway. The update
  command says how many it left out. `UPDATE` alone also honours `update.require_review`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum

from signalpipe.kpis import KpiObservation
from signalpipe.models import SignificantEvent
from signalpipe.review import (
    ReviewLedger,
    ReviewState,
    ReviewStatus,
    apply_reviews,
    fold,
    is_confidential,
)
from signalpipe.review_kpis import KpiConflict, apply_picks, conflicts, picks, reviewed_rows
from signalpipe.settings import Settings
from signalpipe.stores.base import EventStore

CONFIDENTIAL = "[confidential]"


class View(StrEnum):
    REVIEW = "review"
    REPORT = "report"
    OUTBOUND = "outbound"
    UPDATE = "update"


def review_states(store: ReviewLedger, company_id: str) -> dict[str, ReviewState]:
    """Where the review log leaves each reviewed event (and each KPI pick)."""
    return fold(store.review_log(company_id))


def _approved_only(view: View, settings: Settings) -> bool:
    return view is View.UPDATE and settings.update.require_review


def redacted(event: SignificantEvent) -> SignificantEvent:
    """A confidential event as the report shows it: that there is one, nothing of what."""
    return event.model_copy(update={
        "title": CONFIDENTIAL, "description": "", "impact": "", "metrics": {},
        "stakeholders": [], "evidence": "", "evidence_spans": []})


def _shown(events: Iterable[SignificantEvent], states: Mapping[str, ReviewState],
           view: View) -> Iterator[SignificantEvent]:
    for event in events:
        if view is View.REVIEW or not is_confidential(event, states):
            yield event
        elif view is View.REPORT:
            yield redacted(event)


def reviewed_events(store: EventStore, company_id: str, settings: Settings,
                    view: View = View.REVIEW, *,
                    states: Mapping[str, ReviewState] | None = None) -> list[SignificantEvent]:
    """Every stored event of the company as `view` shows it (stored order)."""
    states = review_states(store, company_id) if states is None else states
    events = store.list_events(company_id)
    if not states and not _approved_only(view, settings):
        return events
    seen = apply_reviews(events, states, approved_only=_approved_only(view, settings))
    return list(_shown(seen, states, view))


def iter_reviewed(store: EventStore, company_id: str, settings: Settings,
                  view: View = View.REVIEW, *, page: int = 200,
                  states: Mapping[str, ReviewState] | None = None
                  ) -> Iterator[SignificantEvent]:
    """As `reviewed_events`, a page at a time (`EventStore.iter_events`: without evidence
    spans). Events in a merge are held back until the end, where the whole merge is known;
    every other event goes through as it comes, so memory stays flat."""
    states = review_states(store, company_id) if states is None else states
    stream = store.iter_events(company_id, page=page)
    approved_only = _approved_only(view, settings)
    if not states and not approved_only:
        yield from stream
        return
    merging = {fp for fp, s in states.items() if s.status is ReviewStatus.MERGED}
    merging |= {s.merged_into for s in states.values() if s.merged_into}
    held: list[SignificantEvent] = []
    for event in stream:
        if event.fingerprint in merging:
            held.append(event)
        elif event.fingerprint not in states:
            # Never reviewed: as extracted (not confidential either), or pending under
            # require_review. Most events, so the common case costs a set lookup.
            if not approved_only:
                yield event
        else:
            yield from _shown(apply_reviews([event], states, approved_only=approved_only),
                              states, view)
    yield from _shown(apply_reviews(held, states, approved_only=approved_only), states, view)


def confidential_count(store: EventStore, company_id: str,
                       states: Mapping[str, ReviewState] | None = None) -> int:
    """How many stored events (not rejected) are confidential: what the update left out."""
    states = review_states(store, company_id) if states is None else states
    marked = {fp for fp, s in states.items() if s.confidential}
    if not marked:
        return 0
    events = [e for e in store.iter_events(company_id) if e.fingerprint in marked]
    return sum(1 for e in apply_reviews(events, states) if is_confidential(e, states))


def reviewed_kpis(store: EventStore, company_id: str, settings: Settings,
                  view: View = View.REPORT, *,
                  states: Mapping[str, ReviewState] | None = None) -> list[KpiObservation]:
    """The company's KPI ledger as `view` shows it: figures of rejected (and, for the update
    and alerts, confidential) events gone, edited figures in place of extracted ones, and each
    reviewer's pick settling its day's conflict (`review_kpis`)."""
    states = review_states(store, company_id) if states is None else states
    return apply_picks(_event_rows(store, company_id, settings, view, states), picks(states))


def kpi_conflicts(store: EventStore, company_id: str, settings: Settings,
                  view: View = View.REVIEW, *,
                  states: Mapping[str, ReviewState] | None = None) -> list[KpiConflict]:
    """Every KPI stated with different figures on the same day, each figure with the messages
    that state it, and the reviewer's pick if there is one (newest day first). The review app
    records a pick as `ReviewDecision(action=PICK_KPI, fingerprint=conflict.fingerprint,
    metrics={"value": figure})`."""
    states = review_states(store, company_id) if states is None else states
    return conflicts(_event_rows(store, company_id, settings, view, states), picks(states))


def _event_rows(store: EventStore, company_id: str, settings: Settings, view: View,
                states: Mapping[str, ReviewState]) -> list[KpiObservation]:
    rows = store.kpi_observations(company_id)
    events_reviewed = any(not fp.startswith("kpi:") for fp in states)
    if not events_reviewed and not _approved_only(view, settings):
        return rows
    raw = list(store.iter_events(company_id))
    seen = apply_reviews(raw, states, approved_only=_approved_only(view, settings))
    return reviewed_rows(rows, raw, list(_shown(seen, states, view)), states)


def for_update(events: Iterable[SignificantEvent], states: Mapping[str, ReviewState],
               settings: Settings) -> list[SignificantEvent]:
    """Of events as `View.REPORT` shows them, those `View.UPDATE` shows (one read of the
    events serves the report and the email it embeds)."""
    approved_only = settings.update.require_review
    return [e for e in events if not is_confidential(e, states) and (
        not approved_only or _status(e, states) is ReviewStatus.APPROVED)]


def _status(event: SignificantEvent, states: Mapping[str, ReviewState]) -> ReviewStatus:
    s = states.get(event.fingerprint)
    return ReviewStatus.PENDING if s is None else s.status
