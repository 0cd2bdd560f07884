"""Merge events that describe the same real-world event but got different fingerprints.

Extractors aim for equal fingerprints across mentions; this catches the rest (an LLM naming a
metric differently, a title worded differently) by comparing against what is already known.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from signalpipe.models import MetricValue, SignificantEvent

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(["a", "an", "and", "the", "of", "to", "for", "in", "on", "with", "our", "we",
                   "at", "by", "from", "is", "are", "new"])


def _numbers(metrics: dict[str, MetricValue]) -> frozenset[float]:
    out = set()
    for value in metrics.values():
        if isinstance(value, int | float) and not isinstance(value, bool) and value != 0:
            out.add(float(value))
    return frozenset(out)


def _words(title: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(title.lower()) if w not in _STOP)


def is_close(a: SignificantEvent, b: SignificantEvent) -> bool:
    """Same company and type, a shared non-trivial figure, and titles that do not disagree."""
    if a.company_id != b.company_id or a.event_type != b.event_type:
        return False
    shared = _numbers(a.metrics) & _numbers(b.metrics)
    if not shared:
        return _words(a.title) == _words(b.title) and bool(_words(a.title))
    if _numbers(a.metrics) == _numbers(b.metrics):
        return True
    wa, wb = _words(a.title), _words(b.title)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.3


class EventIndex:
    """Known events indexed by (type, figure) and (type, title words) for constant-time lookups."""

    def __init__(self, known: Iterable[SignificantEvent] = ()) -> None:
        self._candidates: dict[tuple[str, str, object], list[SignificantEvent]] = {}
        self._fingerprints: set[str] = set()
        self._lock = threading.Lock()
        for event in known:
            self._remember(event)

    @staticmethod
    def _keys(event: SignificantEvent) -> list[tuple[str, str, object]]:
        base = (event.company_id, event.event_type.value)
        keys: list[tuple[str, str, object]] = [(*base, n) for n in _numbers(event.metrics)]
        keys.append((*base, _words(event.title)))
        return keys

    def _remember(self, event: SignificantEvent) -> None:
        if event.fingerprint in self._fingerprints:
            return
        self._fingerprints.add(event.fingerprint)
        for key in self._keys(event):
            self._candidates.setdefault(key, []).append(event)

    def resolve(self, events: Iterable[SignificantEvent]) -> list[SignificantEvent]:
        """Re-point fingerprints at close known events; merge twins within the list."""
        out: dict[str, SignificantEvent] = {}
        with self._lock:
            for event in events:
                target = event
                if event.fingerprint not in self._fingerprints:
                    twin = self._find_twin(event)
                    if twin is not None:
                        target = event.model_copy(update={"fingerprint": twin.fingerprint})
                self._remember(target)
                prior = out.get(target.fingerprint)
                out[target.fingerprint] = target if prior is None else prior.merged_with(target)
        return list(out.values())

    def _find_twin(self, event: SignificantEvent) -> SignificantEvent | None:
        for key in self._keys(event):
            for known in self._candidates.get(key, ()):
                if is_close(known, event):
                    return known
        return None
