"""Merge events that describe the same real-world event but got different fingerprints.

Extractors aim for equal fingerprints across mentions; this catches the rest (an LLM naming a
metric differently, a title worded differently) by comparing against what is already known,
and groups them so that the result does not depend on the order mentions arrive in.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from signalpipe.event_members import EventMember
from signalpipe.extract.sameness import apart_by_day, roles_apart, same_story, title_words
from signalpipe.models import EventType, MetricValue, Polarity, SignificantEvent

# Text metrics that name the event itself (whose deal, which round, which product): two events
# of one type with the same one are one event told twice, once with figures and once without.
_IDENTITY = frozenset(["stage", "round", "customer", "investor", "partner", "product",
                       "publication"])


def _numbers(metrics: dict[str, MetricValue]) -> frozenset[float]:
    out = set()
    for value in metrics.values():
        if isinstance(value, int | float) and not isinstance(value, bool) and value != 0:
            out.add(float(value))
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Shape:
    """What dedup needs of an event: a few hundred bytes instead of the whole event."""

    fingerprint: str
    company_id: str
    event_type: str
    polarity: str
    numbers: frozenset[float]
    words: frozenset[str]
    labels: tuple[tuple[str, str], ...]  # text metrics: customer, round, investor...
    identity: frozenset[tuple[str, str]]  # the labels that name the event (_IDENTITY)
    lead: tuple[str, ...] = ()  # the title's words in order (`sameness.title_words`)
    day: date | None = None  # the day its first message was sent, when known
    until: date | None = None  # the day its last message was sent (`day` when told on one)

    @classmethod
    def of(cls, event: SignificantEvent, days: Mapping[str, date] | None = None) -> Shape:
        """`days`: the day each message was sent; the shape spans its messages' days."""
        labels = tuple(sorted((k, v.strip().lower()) for k, v in event.metrics.items()
                              if isinstance(v, str)))
        lead = title_words(event.title)
        told = [d for i in event.source_message_ids if (d := (days or {}).get(i)) is not None]
        return cls._made(event.fingerprint, event.company_id, event.event_type.value,
                         event.polarity.value, _numbers(event.metrics), frozenset(lead),
                         labels, lead, min(told, default=None), max(told, default=None))

    @classmethod
    def of_member(cls, member: EventMember, company_id: str) -> Shape:
        """The shape a stored member was written from (`member`)."""
        return cls._made(member.fingerprint, company_id, member.event_type.value,
                         member.polarity.value, frozenset(member.figures),
                         frozenset(member.words), member.labels, member.title, member.day,
                         member.until or member.day)

    @classmethod
    def _made(cls, fingerprint: str, company_id: str, event_type: str, polarity: str,
              numbers: frozenset[float], words: frozenset[str],
              labels: tuple[tuple[str, str], ...], lead: tuple[str, ...],
              day: date | None, until: date | None) -> Shape:
        identity = frozenset((k, v) for k, v in labels if k in _IDENTITY and v)
        return cls(fingerprint, company_id, event_type, polarity, numbers, words, labels,
                   identity, lead, day, until)

    def member(self, message_ids: Sequence[str] = ()) -> EventMember:
        """What the event store keeps of this shape beside its group's row."""
        return EventMember(fingerprint=self.fingerprint, event_type=EventType(self.event_type),
                           polarity=Polarity(self.polarity), words=tuple(sorted(self.words)),
                           figures=tuple(sorted(self.numbers)), labels=self.labels,
                           title=self.lead, day=self.day,
                           until=None if self.until == self.day else self.until,
                           message_ids=tuple(message_ids))


def is_close(a: Shape, b: Shape) -> bool:
    """Same company, type and polarity, a shared non-trivial figure, and titles that do not
    disagree (a deal lost and a deal signed with one customer at one figure are two events)."""
    if (a.company_id, a.event_type, a.polarity) != (b.company_id, b.event_type, b.polarity):
        return False
    if roles_apart(a, b):
        return False  # "Hired a Head of Data" in January and in March (`sameness.py`)
    if same_story(a, b):
        return True  # told in words that say so, days apart (`sameness.py`)
    theirs = dict(b.labels)
    if any(k in theirs and theirs[k] != v for k, v in a.labels):
        return False  # "$280k from Initech" and "$280k from Wayne Labs" are two deals
    if not a.numbers & b.numbers:
        if a.words == b.words and bool(a.words) and not (a.numbers and b.numbers):
            return True  # one title told twice; "Raised a seed round" at $2M and $3M is two
        # "Term sheet received" then "Term sheet: $15M at $80M": the figures are new detail
        return (not a.numbers or not b.numbers) and bool(a.identity & b.identity)
    if a.numbers == b.numbers or _held_in(a.numbers, b.numbers):
        return True
    return bool(a.words and b.words) and len(a.words & b.words) / len(a.words | b.words) >= 0.3


def _held_in(a: frozenset[float], b: frozenset[float]) -> bool:
    """Every figure of one is the other's, and one of them is not a small count ("7.6B events
    per day" belongs with "Throughput: 7.6bn events in a day", 7.6B and 4.1M/s, though their
    titles share few words). Written (4c1df19) for a restarted worker that knew a group only
    by its merged row; rows now keep their members (`event_members.py`), and this still serves
    rows stored before they did, and any two mentions told so."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return bool(small) and small <= large and max(abs(n) for n in small) >= 100


@dataclass(frozen=True, slots=True)
class Resolution:
    """What `EventIndex.resolve` decided for one write."""

    events: list[SignificantEvent]
    """The events under their groups' canonical fingerprints, twins merged."""
    moved: dict[str, str]
    """Stored fingerprint -> the one its row now belongs under: two known groups joined, or a
    group gained a member with a smaller fingerprint. The store folds the old row into the new
    one in the same write (`EventStore.upsert_many`)."""
    members: dict[str, list[EventMember]] = field(default_factory=dict)
    """Canonical fingerprint -> the shapes of this write's mentions in that group (and of a
    row stored before members were kept, once): kept beside the row, so that a worker that
    starts later rebuilds this index's groups from them, not from the merged rows."""


class EventIndex:
    """Known events grouped by closeness, order-independently.

    Every mention's own fingerprint is a node; two mentions that are close (`is_close`) join
    one group, transitively (union-find), and a group's canonical fingerprint is its smallest
    member's. So the groups, and the fingerprint each is stored under, depend on which mentions
    were seen, not on the order batches arrived or finished in: "first close known event" made
    a mention close to two known events join whichever was indexed first, and a chain A~B~C
    one, two or three events by arrival order.
    """

    def __init__(self, known: Iterable[SignificantEvent] = (),
                 members: Mapping[str, Sequence[EventMember]] | None = None, *,
                 close: Callable[[Shape, Shape], bool] = is_close) -> None:
        """`known`: the stored rows; `members`: what the store kept of their members
        (`EventStore.event_members`). A row without members (stored before they were kept)
        is known by its own shape, written as its member the next time its group is.
        `close`: when two mentions are one event (`same_story` alone for an extractor whose
        fingerprints are canonical: its figures already say which events are one)."""
        self._close = close
        self._candidates: dict[tuple[str, str, str, object], list[Shape]] = {}
        self._shapes: set[Shape] = set()
        self._parent: dict[str, str] = {}
        self._stored: set[str] = set()  # canonical fingerprints handed out (stored rows)
        self._unsaved: dict[str, Shape] = {}  # rows known by their own shape, not yet kept
        self._moving: set[str] = set()  # stored rows to fold, until a write says it did
        self._lock = threading.Lock()
        for event in known:
            self._load(event, (members or {}).get(event.fingerprint, ()))

    def _load(self, row: SignificantEvent, members: Sequence[EventMember]) -> None:
        # Stored groups are trusted as stored: they join only through a new mention.
        self._stored.add(row.fingerprint)
        self._find(row.fingerprint)
        shapes = [Shape.of_member(m, row.company_id) for m in members]
        if not shapes:
            shapes = [Shape.of(row)]
            self._unsaved[row.fingerprint] = shapes[0]
        for shape in shapes:
            self._add(shape, join=False)
            if self._find(shape.fingerprint) == shape.fingerprint != row.fingerprint:
                self._parent[shape.fingerprint] = row.fingerprint

    @staticmethod
    def _keys(shape: Shape) -> list[tuple[str, str, str, object]]:
        base = (shape.company_id, shape.event_type, shape.polarity)
        keys: list[tuple[str, str, str, object]] = [(*base, n) for n in shape.numbers]
        keys.append((*base, shape.words))
        keys.extend((*base, label) for label in sorted(shape.identity))
        # `same_story` compares titles that differ (one leads the other) and hires told by
        # name or by role, so those meet by their first word, or as a hire.
        if shape.event_type == EventType.HIRING.value:
            keys.append((*base, "hiring"))
        elif shape.lead:
            keys.append((*base, ("lead", shape.lead[0])))
        return keys

    def _find(self, fingerprint: str) -> str:
        root = self._parent.setdefault(fingerprint, fingerprint)
        while root != self._parent[root]:
            root = self._parent[root]
        while fingerprint != root:  # path compression keeps later finds O(1)
            fingerprint, self._parent[fingerprint] = self._parent[fingerprint], root
        return root

    def _union(self, a: str, b: str, demoted: list[str]) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self._parent[high] = low
            demoted.append(high)

    def _add(self, shape: Shape, demoted: list[str] | None = None, *, join: bool = True) -> None:
        """Index a mention's shape and join it to every close one (each pair is compared once:
        an identical shape seen again adds nothing)."""
        if shape in self._shapes:
            return
        self._shapes.add(shape)
        self._find(shape.fingerprint)
        joined: list[str] = [] if demoted is None else demoted
        seen: set[int] = set()
        for key in self._keys(shape):
            bucket = self._candidates.setdefault(key, [])
            for known in bucket if join else ():
                if id(known) not in seen and self._close(known, shape):
                    seen.add(id(known))
                    self._union(known.fingerprint, shape.fingerprint, joined)
            bucket.append(shape)

    def catch_up(self, company_id: str, rows: Mapping[str, Sequence[EventMember]]) -> None:
        """Take in rows other workers stored (`EventStore.upsert_grouped`: each row's members,
        grouped by a worker that had seen every mention stored before): their members join
        this index as their row's group, so the next mention is compared with them too."""
        with self._lock:
            for row, members in sorted(rows.items()):
                self._take_row(company_id, row, members)

    def _take_row(self, company_id: str, row: str, members: Sequence[EventMember]) -> None:
        folded = {m.fingerprint for m in members} - {row}
        demoted: list[str] = []
        for member in members:
            shape = Shape.of_member(member, company_id)
            self._add(shape, join=False)
            self._union(shape.fingerprint, row, demoted)
        # Rows its writer folded into this one are gone; any other stored row this joined
        # (one this index grouped apart, stored before rows were written so) folds here.
        self._stored.difference_update(folded)
        self._moving.difference_update(folded)
        self._moving.update(fp for fp in demoted if fp in self._stored)
        self._stored.add(row)
        if self._find(row) != row:
            self._moving.add(row)

    def resolve(self, events: Iterable[SignificantEvent],
                days: Mapping[str, date] | None = None, *,
                until_written: bool = False) -> Resolution:
        """Point each event at its group's canonical fingerprint and merge twins within the
        list; say which stored fingerprints a joined group moved away from. `days`: the day
        each message was sent, for `same_story` (a hire told by role alone is split by day:
        `sameness.apart_by_day`). `until_written`: the moves and members decided are handed
        out again by every later call until `written` says they are stored (a write that
        may be retried, calling this again with the same events)."""
        events = apart_by_day(list(events), days or {})
        demoted: list[str] = []
        with self._lock:
            shapes = [Shape.of(event, days) for event in events]
            for shape in shapes:
                self._add(shape, demoted)
            self._moving.update(fp for fp in demoted if fp in self._stored)
            moved = {fp: self._find(fp) for fp in self._moving}
            self._stored.difference_update(moved)
            out: dict[str, SignificantEvent] = {}
            for event in events:
                root = self._find(event.fingerprint)
                self._stored.add(root)
                target = event if root == event.fingerprint else \
                    event.model_copy(update={"fingerprint": root})
                prior = out.get(root)
                out[root] = target if prior is None else prior.merged_with(target)
            self._stored.update(moved.values())
            members = self._members(events, shapes, out)
            if not until_written:
                self._written(moved, members)
        return Resolution(list(out.values()), moved, members)

    def written(self, resolution: Resolution) -> None:
        """The store holds what `resolution` (from `resolve(until_written=True)`) says."""
        with self._lock:
            self._written(resolution.moved, resolution.members)

    def _written(self, moved: Mapping[str, str], members: Mapping[str, object]) -> None:
        self._moving.difference_update(moved)
        for fingerprint in [fp for fp in self._unsaved if self._find(fp) in members]:
            del self._unsaved[fingerprint]

    def _members(self, events: list[SignificantEvent], shapes: list[Shape],
                 out: Mapping[str, SignificantEvent]) -> dict[str, list[EventMember]]:
        """Each written group's members from this write, and the shape of any row stored
        without members that is now part of a written group (so it is kept from now on)."""
        members: dict[str, list[EventMember]] = {}
        for event, shape in zip(events, shapes, strict=True):
            members.setdefault(self._find(shape.fingerprint), []).append(
                shape.member(event.source_message_ids))
        for fingerprint, shape in self._unsaved.items():
            if self._find(fingerprint) in out:
                members[self._find(fingerprint)].append(shape.member())
        return members
