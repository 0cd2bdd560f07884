"""What each written update contained, so the next one covers only what is new or changed."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from signalpipe.models import SignificantEvent


class UpdateRecord(BaseModel):
    """One update written (and, when sent, to whom)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    company_id: str
    kind: str = "update"
    since: date | None = None
    until: date | None = None
    created_at: datetime
    events: dict[str, str] = Field(default_factory=dict)
    """fingerprint -> state digest of every event the update reported."""
    kpis: dict[str, float] = Field(default_factory=dict)
    """KPI -> the value the update reported as "now"."""
    recipients: list[str] = Field(default_factory=list)


def state(event: SignificantEvent) -> str:
    """What makes a reported event worth reporting again when it changes (a deal that went from
    LOI to signed): its wording, figures and severity, not its growing list of sources."""
    basis = f"{event.title}|{sorted(event.metrics.items())}|{event.severity.value}"
    return hashlib.sha256(basis.encode()).hexdigest()[:16]


def reported(history: Sequence[UpdateRecord]) -> dict[str, set[str]]:
    """fingerprint -> every state in which an earlier update reported the event."""
    seen: dict[str, set[str]] = {}
    for record in history:
        for fp, digest in record.events.items():
            seen.setdefault(fp, set()).add(digest)
    return seen


def unreported(events: Sequence[SignificantEvent],
               history: Sequence[UpdateRecord]) -> list[SignificantEvent]:
    """Events no earlier update reported in their current state."""
    seen = reported(history)
    return [e for e in events if state(e) not in seen.get(e.fingerprint, set())]
