"""Merge events that describe the same real-world event but got different fingerprints.

Extractors aim for equal fingerprints across mentions; this catches the rest (an LLM naming a
metric differently, a title worded differently) by comparing against what is already known.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from signalpipe.models import MetricValue, SignificantEvent

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(["a", "an", "and", "the", "of", "to", "for", "in", "on", "with", "our", "we",
                   "at", "by", "from", "is", "are", "new"])
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


def _words(title: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(title.lower()) if w not in _STOP)


@dataclass(frozen=True, slots=True)
class Shape:
    """What dedup needs of an event: a few hundred bytes instead of the whole event."""

    fingerprint: str
    company_id: str
    event_type: str
    numbers: frozenset[float]
    words: frozenset[str]
    labels: tuple[tuple[str, str], ...]  # text metrics: customer, round, investor...
    identity: frozenset[tuple[str, str]]  # the labels that name the event (_IDENTITY)

    @classmethod
    def of(cls, event: SignificantEvent) -> Shape:
        labels = tuple(sorted((k, v.strip().lower()) for k, v in event.metrics.items()
                              if isinstance(v, str)))
        identity = frozenset((k, v) for k, v in labels if k in _IDENTITY and v)
        return cls(event.fingerprint, event.company_id, event.event_type.value,
                   _numbers(event.metrics), _words(event.title), labels, identity)


def is_close(a: Shape, b: Shape) -> bool:
    """Same company and type, a shared non-trivial figure, and titles that do not disagree."""
    if a.company_id != b.company_id or a.event_type != b.event_type:
        return False
    theirs = dict(b.labels)
    if any(k in theirs and theirs[k] != v for k, v in a.labels):
        return False  # "$280k from Initech" and "$280k from Wayne Labs" are two deals
    if not a.numbers & b.numbers:
        if a.words == b.words and bool(a.words):
            return True
        # "Term sheet received" then "Term sheet: $15M at $80M": the figures are new detail
        return (not a.numbers or not b.numbers) and bool(a.identity & b.identity)
    if a.numbers == b.numbers:
        return True
    return bool(a.words and b.words) and len(a.words & b.words) / len(a.words | b.words) >= 0.3


class EventIndex:
    """Known events indexed by (type, figure) and (type, title words) for constant-time lookups."""

    def __init__(self, known: Iterable[SignificantEvent] = ()) -> None:
        self._candidates: dict[tuple[str, str, object], list[Shape]] = {}
        self._fingerprints: set[str] = set()
        self._lock = threading.Lock()
        for event in known:
            self._remember(Shape.of(event))

    @staticmethod
    def _keys(shape: Shape) -> list[tuple[str, str, object]]:
        base = (shape.company_id, shape.event_type)
        keys: list[tuple[str, str, object]] = [(*base, n) for n in shape.numbers]
        keys.append((*base, shape.words))
        keys.extend((*base, label) for label in sorted(shape.identity))
        return keys

    def _remember(self, shape: Shape) -> None:
        if shape.fingerprint in self._fingerprints:
            return
        self._fingerprints.add(shape.fingerprint)
        for key in self._keys(shape):
            self._candidates.setdefault(key, []).append(shape)

    def resolve(self, events: Iterable[SignificantEvent]) -> list[SignificantEvent]:
        """Re-point fingerprints at close known events; merge twins within the list."""
        out: dict[str, SignificantEvent] = {}
        with self._lock:
            for event in events:
                target = event
                shape = Shape.of(event)
                if event.fingerprint not in self._fingerprints:
                    twin = self._find_twin(shape)
                    if twin is not None:
                        target = event.model_copy(update={"fingerprint": twin.fingerprint})
                        shape = Shape.of(target)
                self._remember(shape)
                prior = out.get(target.fingerprint)
                out[target.fingerprint] = target if prior is None else prior.merged_with(target)
        return list(out.values())

    def _find_twin(self, shape: Shape) -> Shape | None:
        for key in self._keys(shape):
            for known in self._candidates.get(key, ()):
                if is_close(known, shape):
                    return known
        return None
