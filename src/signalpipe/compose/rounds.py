"""Which of several rounds is the latest: by stage, then by day, then by size. The update's
subject line and the outreach email's "most recent round" must name the same one, whatever
order the messages told them in."""

from __future__ import annotations

import re
from datetime import date

from signalpipe.models import SignificantEvent

# Rounds come in this order whatever the messages' dates say: a Series B is more recent than
# a Series A even when the B's message is undated or was batched first.
_STAGES = re.compile(r"\b(?:(?P<pre>pre[- ]?seed)|(?P<seed>seed)|series\s+(?P<series>[a-z])\b)",
                     re.IGNORECASE)


def stage(event: SignificantEvent) -> int:
    """0 for a round of no known stage, then pre-seed, seed, Series A, B, ... in order."""
    m = _STAGES.search(f"{event.metrics.get('round', '')} {event.title}")
    if m is None:
        return 0
    if m.group("series"):
        return 3 + ord(m.group("series").lower()) - ord("a")
    return 1 if m.group("pre") else 2


def recency(pair: tuple[SignificantEvent, date | None]) -> tuple[int, date, float]:
    """The latest round first by stage, then by day (an undated one is the oldest), then by
    size."""
    event, day = pair
    amount = event.metrics.get("amount_usd")
    size = float(amount) if isinstance(amount, int | float) else 0.0
    return stage(event), day or date.min, size
