"""The run view: the funnel from messages to events, what was dead-lettered and why, and what
extraction cost, from what the stores keep (the same counts the run report prints)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from signalpipe.models import DeadLetter
from signalpipe.serve.desk import Desk

MAX_LETTERS = 200
"""Dead letters listed one by one; the kinds above the list count all of them."""


@dataclass
class RunView:
    funnel: list[tuple[str, int]]
    letters: list[DeadLetter]
    letter_total: int
    letter_kinds: list[tuple[str, int]]
    calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    providers: Counter[str] = field(default_factory=Counter)
    parked: int = 0

    @property
    def offline(self) -> bool:
        """Every call was the offline rules extractor's: no model read a message."""
        return self.calls > 0 and not (self.input_tokens or self.output_tokens or self.cost_usd)


def run_view(desk: Desk) -> RunView:
    from signalpipe.stats import reason_kind

    letters = desk.messages.dead_letters()
    view = RunView(funnel=[], letters=letters[:MAX_LETTERS], letter_total=len(letters),
                   letter_kinds=Counter(reason_kind(d.reason) for d in letters).most_common(20))
    proposed = rejected = 0
    for u in desk.events.iter_usage():
        view.calls += 1
        view.input_tokens += u.input_tokens
        view.output_tokens += u.output_tokens
        view.cost_usd += u.cost_usd
        view.providers[f"{u.provider} {u.model}".strip()] += 1
        proposed += u.events_proposed
        rejected += u.events_rejected
    events = sum(1 for _ in desk.events.iter_events(desk.company, page=1000))
    # candidates less rejections less stored: the sightings joined to an event already found
    # (without the row, "52 candidates, 38 rejected, 11 stored" reads as 3 lost)
    merged = proposed - rejected - events
    view.funnel = [("Messages stored", desk.messages.count()),
                   ("Dead-lettered", len(letters)),
                   ("Candidate events", proposed),
                   ("Rejected candidates", rejected),
                   *([("Merged into an event already found", merged)] if merged > 0 else []),
                   ("Events stored", events)]
    view.parked = len(desk.events.parked())
    return view
