"""The events inbox: every event of a period with where the review log leaves it, filters, and
the evidence quoted inside its source message (the extractor's offsets, highlighted)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from signalpipe.folds import fold_name_prefixes, fold_platform_launches
from signalpipe.kpis import event_date
from signalpipe.models import EvidenceSpan, Message, SignificantEvent
from signalpipe.periods import Period
from signalpipe.review import ReviewState, ReviewStatus
from signalpipe.serve.desk import Desk

PAGE_SIZE = 50
CONTEXT_CHARS = 240
"""Message text shown either side of the quoted evidence."""


@dataclass
class Row:
    event: SignificantEvent
    """As extraction stored it."""
    state: ReviewState
    day: date | None

    @property
    def title(self) -> str:
        return self.state.title if self.state.title is not None else self.event.title

    @property
    def metrics(self) -> Mapping[str, object]:
        return self.state.metrics if self.state.metrics is not None else self.event.metrics

    @property
    def edited(self) -> bool:
        return self.state.edited_at is not None


@dataclass(frozen=True)
class Filters:
    event_type: str = ""
    polarity: str = ""
    status: str = ""
    source: str = ""

    def query(self, **more: object) -> dict[str, str]:
        """The filters as query parameters (empty ones left out), with `more` on top."""
        out = {"type": self.event_type, "polarity": self.polarity, "status": self.status,
               "source": self.source, **{k: str(v) for k, v in more.items()}}
        return {k: v for k, v in out.items() if v}


@dataclass
class Quote:
    """Evidence inside its message: text before, the quoted span, text after."""

    message: Message
    before: str
    quote: str
    after: str
    field: str = "text"


@dataclass
class Listing:
    rows: list[Row]
    total: int
    counts: Counter[str] = field(default_factory=Counter)


def load_rows(desk: Desk, period: Period) -> list[Row]:
    """Every event of the company dated in `period`, each with its review state: pending
    first, then newest first."""
    states = desk.states()
    rows = []
    for event in desk.events.list_events(desk.company):
        day = event_date(event)
        if period.holds(day):
            state = states.get(event.fingerprint, ReviewState(event.fingerprint))
            rows.append(Row(event, state, day))
    order = {ReviewStatus.PENDING: 0, ReviewStatus.APPROVED: 1, ReviewStatus.REJECTED: 2,
             ReviewStatus.MERGED: 3}
    rows.sort(key=lambda r: (order[r.state.status], -(r.day or date.min).toordinal(),
                             r.event.fingerprint))
    return rows


def find_row(desk: Desk, fingerprint: str) -> Row | None:
    for row in load_rows(desk, Period()):
        if row.event.fingerprint == fingerprint:
            return row
    return None


def sources_of(desk: Desk, rows: Sequence[Row]) -> dict[str, str]:
    """Fingerprint -> "slack" or "gmail", from each event's first source message."""
    firsts = {r.event.source_message_ids[0]: r.event.fingerprint for r in rows}
    found = {m.id: m.source.value for m in desk.messages.get_many(list(firsts))}
    return {fp: found.get(mid, "") for mid, fp in firsts.items()}


def apply_filters(desk: Desk, rows: list[Row], f: Filters) -> Listing:
    counts: Counter[str] = Counter(r.state.status.value for r in rows)
    kept = [r for r in rows
            if (not f.event_type or r.event.event_type.value == f.event_type)
            and (not f.polarity or r.event.polarity.value == f.polarity)
            and (not f.status or r.state.status.value == f.status)]
    if f.source:
        source = sources_of(desk, kept)
        kept = [r for r in kept if source.get(r.event.fingerprint) == f.source]
    return Listing(rows=kept, total=len(kept), counts=counts)


def quotes(desk: Desk, rows: Iterable[Row], *, per_event: int = 2) -> dict[str, list[Quote]]:
    """The evidence of each event highlighted in its message, read in one call."""
    wanted: dict[str, list[EvidenceSpan]] = {}
    for row in rows:
        spans = row.event.evidence_spans[:per_event]
        wanted[row.event.fingerprint] = list(spans)
    ids = sorted({s.message_id for spans in wanted.values() for s in spans})
    messages = {m.id: m for m in desk.messages.get_many(ids)} if ids else {}
    out: dict[str, list[Quote]] = {}
    for fp, spans in wanted.items():
        out[fp] = [q for s in spans if (q := quote(messages.get(s.message_id), s)) is not None]
    return out


def quote(message: Message | None, span: EvidenceSpan) -> Quote | None:
    """The span cut out of its message with some context; None when the offsets no longer fit
    the message (it was edited since)."""
    if message is None:
        return None
    text = message.text if span.field == "text" else (message.subject or "")
    if span.end > len(text) or span.start >= span.end:
        return None
    start = max(span.start - CONTEXT_CHARS, 0)
    end = min(span.end + CONTEXT_CHARS, len(text))
    before = ("…" if start else "") + text[start:span.start]
    after = text[span.end:end] + ("…" if end < len(text) else "")
    return Quote(message, before, text[span.start:span.end], after, span.field)


def _one_thing(a: Row, b: Row) -> bool:
    pair = [(a.event, a.day), (b.event, b.day)]
    return len(fold_platform_launches(pair)) == 1 or len(
        fold_name_prefixes(pair, same_day=True)) == 1


def twins(shown: Sequence[Row], rows: Sequence[Row]) -> dict[str, Row]:
    """For each shown row, another row of the same day that the update and the report fold
    into it ("Launched on Product Hunt" beside "Launched ScaleFlow 2.0"): each is reviewed on
    its own, and the hint says why the update will list one."""
    by_day: dict[date, list[Row]] = {}
    for r in rows:
        if r.day is not None:
            by_day.setdefault(r.day, []).append(r)
    out = {}
    for row in shown:
        same_day = by_day.get(row.day, []) if row.day is not None else []
        twin = next((o for o in same_day if o.event.fingerprint != row.event.fingerprint
                     and _one_thing(row, o)), None)
        if twin is not None:
            out[row.event.fingerprint] = twin
    return out
