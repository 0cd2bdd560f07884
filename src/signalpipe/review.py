"""Review decisions (issue 14): a person approves, rejects, edits, merges or hides an event.

Decisions are data, kept in the event store as an append-only log keyed by the event's
fingerprint (`ReviewLedger`), never written into the event rows themselves. Extraction owns the
event rows and may rewrite them at any time (a replay, a re-run, a retraction); the reader owns
the log. Every reader of events (`events`, `kpis`, `email`, alerts, the review app) folds the
log over what extraction produced with `apply_reviews`, so a replay can never resurrect a
rejected event or overwrite an edit: the decision still stands beside the new row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Protocol

from signalpipe.models import MetricValue, SignificantEvent


class ReviewAction(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    EDIT = "edit"
    MERGE = "merge"
    """This event is the same as `into`; its sources join that event, it disappears."""
    CONFIDENTIAL = "confidential"
    PUBLIC = "public"
    """Undo `confidential`."""
    REOPEN = "reopen"
    """Back to pending (undo approve or reject)."""
    PICK_KPI = "pick_kpi"
    """Of a KPI's conflicting figures for one day, this one is right. The fingerprint is
    `kpi_fingerprint(metric, day)` ("kpi:arr:2026-03-01"), `metrics` is {"value": figure};
    `reopen` on the same fingerprint undoes it (`review_kpis.py`)."""


class ReviewStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    MERGED = "merged"


@dataclass(frozen=True, slots=True)
class ReviewDecision:
    """One thing a reviewer did to one event, at one time."""

    company_id: str
    fingerprint: str
    action: ReviewAction
    at: float
    """Unix seconds."""
    reviewer: str = ""
    reason: str = ""
    """Why (a rejection's reason; optional elsewhere)."""
    title: str | None = None
    """EDIT: the new title (None: unchanged)."""
    metrics: Mapping[str, MetricValue] | None = None
    """EDIT: the new metrics, whole (None: unchanged)."""
    into: str | None = None
    """MERGE: the fingerprint this event was merged into."""


@dataclass(frozen=True, slots=True)
class ReviewState:
    """Where the log of one event leaves it."""

    fingerprint: str
    status: ReviewStatus = ReviewStatus.PENDING
    reason: str = ""
    title: str | None = None
    metrics: Mapping[str, MetricValue] | None = None
    edited_at: float | None = None
    confidential: bool = False
    merged_into: str | None = None
    decided_at: float | None = None
    history: tuple[ReviewDecision, ...] = field(default=())


class ReviewLedger(Protocol):
    """The review log in the event store (SQLite and PostgreSQL implement it)."""

    def record_review(self, decision: ReviewDecision) -> None:
        """Append one decision (never updates or deletes an earlier one)."""
        ...

    def review_log(self, company_id: str) -> list[ReviewDecision]:
        """Every decision about the company's events, oldest first."""
        ...


def metrics_json(metrics: Mapping[str, MetricValue] | None) -> str | None:
    """The metrics of a decision as the stores keep them (JSON; None stays None, so "metrics
    unchanged" and "metrics cleared" stay apart)."""
    return None if metrics is None else json.dumps(dict(metrics), ensure_ascii=False,
                                                   sort_keys=True)


def metrics_from_json(text: str | None) -> dict[str, MetricValue] | None:
    if text is None:
        return None
    loaded: dict[str, Any] = json.loads(text)
    return {str(k): _metric_value(v) for k, v in loaded.items()}


def _metric_value(value: object) -> MetricValue:
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        return value
    return str(value)


def fold(decisions: Iterable[ReviewDecision]) -> dict[str, ReviewState]:
    """The state of every reviewed event, from its decisions in the order they were made."""
    states: dict[str, ReviewState] = {}
    for d in sorted(decisions, key=lambda d: d.at):
        s = states.get(d.fingerprint, ReviewState(d.fingerprint))
        history = (*s.history, d)
        if d.action is ReviewAction.APPROVE:
            s = replace(s, status=ReviewStatus.APPROVED, reason=d.reason, decided_at=d.at)
        elif d.action is ReviewAction.REJECT:
            s = replace(s, status=ReviewStatus.REJECTED, reason=d.reason, decided_at=d.at)
        elif d.action is ReviewAction.REOPEN:
            s = replace(s, status=ReviewStatus.PENDING, reason="", decided_at=d.at,
                         merged_into=None)
        elif d.action is ReviewAction.MERGE:
            s = replace(s, status=ReviewStatus.MERGED, merged_into=d.into, decided_at=d.at)
        elif d.action is ReviewAction.CONFIDENTIAL:
            s = replace(s, confidential=True)
        elif d.action is ReviewAction.PUBLIC:
            s = replace(s, confidential=False)
        elif d.action is ReviewAction.PICK_KPI:
            s = replace(s, status=ReviewStatus.APPROVED, metrics=dict(d.metrics or {}),
                         decided_at=d.at)
        elif d.action is ReviewAction.EDIT:
            s = replace(s, title=d.title if d.title is not None else s.title,
                         metrics=dict(d.metrics) if d.metrics is not None else s.metrics,
                         edited_at=d.at)
        states[d.fingerprint] = replace(s, history=history)
    return states


def apply_reviews(events: Sequence[SignificantEvent], states: Mapping[str, ReviewState], *,
                  approved_only: bool = False) -> list[SignificantEvent]:
    """What readers see: rejected events gone, merged ones folded into their target (sources
    and evidence joined), edits in place of the extracted title and metrics. With
    `approved_only` (`update.require_review`), only approved events remain.

    Confidential events stay in the list; `is_confidential` tells each output to redact them.
    """
    by_fp = {e.fingerprint: e for e in events}
    extra: dict[str, list[SignificantEvent]] = {}
    for e in events:
        s = states.get(e.fingerprint)
        if s and s.status is ReviewStatus.MERGED and s.merged_into:
            target = _final_target(s.merged_into, states)
            if target in by_fp and target != e.fingerprint:
                extra.setdefault(target, []).append(e)
    out: list[SignificantEvent] = []
    for e in events:
        s = states.get(e.fingerprint)
        if s and _hidden(s, states, by_fp):
            continue
        if approved_only and (s is None or s.status is not ReviewStatus.APPROVED):
            continue
        for other in extra.get(e.fingerprint, ()):
            e = e.merged_with(other)
        if s and (s.title is not None or s.metrics is not None):
            e = e.model_copy(update={"title": s.title if s.title is not None else e.title,
                                     "metrics": dict(s.metrics) if s.metrics is not None
                                     else e.metrics})
        out.append(e)
    return out


def _hidden(state: ReviewState, states: Mapping[str, ReviewState],
            by_fp: Mapping[str, SignificantEvent]) -> bool:
    """Rejected, or merged into an event that is still there (merged into one that is gone,
    it stays visible rather than vanish with nothing to show for it)."""
    if state.status is ReviewStatus.REJECTED:
        return True
    return (state.status is ReviewStatus.MERGED
            and _final_target(state.merged_into or "", states) in by_fp)


def _final_target(fingerprint: str, states: Mapping[str, ReviewState]) -> str:
    """Follow a chain of merges (a merged into b, b into c) to its end; a cycle stops."""
    seen = {fingerprint}
    s = states.get(fingerprint)
    while s and s.status is ReviewStatus.MERGED and s.merged_into and s.merged_into not in seen:
        fingerprint = s.merged_into
        seen.add(fingerprint)
        s = states.get(fingerprint)
    return fingerprint


def is_confidential(event: SignificantEvent, states: Mapping[str, ReviewState]) -> bool:
    s = states.get(event.fingerprint)
    return bool(s and s.confidential)
