"""What the review app reads and writes, in one place: the two stores and the review log.

The app opens the stores once and keeps them for its lifetime (a founder's local server, one
reader at a time); every page reads afresh, so a pipeline run beside it shows up on reload.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass

from signalpipe.models import MetricValue
from signalpipe.review import ReviewAction, ReviewDecision, ReviewLedger, ReviewState, fold
from signalpipe.settings import Settings
from signalpipe.stores.base import EventStore, MessageStore

REVIEWER = "review app"
"""Who the log says made a decision taken in the app (it has one user: the founder)."""


@dataclass
class Desk:
    settings: Settings
    messages: MessageStore
    events: EventStore
    reviews: ReviewLedger

    @property
    def company(self) -> str:
        return self.settings.company_id

    def states(self) -> dict[str, ReviewState]:
        """Where the review log leaves every reviewed event."""
        return fold(self.reviews.review_log(self.company))

    def decide(self, fingerprint: str, action: ReviewAction, *, reason: str = "",
               title: str | None = None, metrics: Mapping[str, MetricValue] | None = None,
               into: str | None = None) -> None:
        """Append one decision to the log (the event rows are never touched)."""
        self.reviews.record_review(ReviewDecision(
            company_id=self.company, fingerprint=fingerprint, action=action, at=time.time(),
            reviewer=REVIEWER, reason=reason, title=title, metrics=metrics, into=into))

    def close(self) -> None:
        self.messages.close()
        self.events.close()


def open_desk(settings: Settings) -> Desk:
    """Open the message and event stores `settings` name (no bus, no batcher: the app only
    reads what runs stored, and writes review decisions)."""
    from signalpipe.backends import open_event_store, open_message_store

    events = open_event_store(settings)
    try:
        messages = open_message_store(settings)
    except BaseException:
        events.close()
        raise
    return Desk(settings=settings, messages=messages, events=events, reviews=events)
