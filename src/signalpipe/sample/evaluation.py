"""Score extracted events against ground truth: precision, recall and F1 per event type.

An extracted event matches a truth event when the types are equal and their message ids overlap.
Each truth event is matched at most once; an extracted event that only overlaps truth events
already matched is a duplicate (the store failed to merge two mentions) and counts as a false
positive. Matching is greedy in the order events are given, choosing the free truth event with
the largest overlap. Overall figures are micro-averaged: counts are summed over types first.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signalpipe.errors import SourceError
from signalpipe.models import SignificantEvent, source_id_of

EventLike = SignificantEvent | Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class TypeScore:
    """Counts for one event type (or all of them) and the ratios they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0  # already inside fp; reported apart because it means a missed merge

    @property
    def precision(self) -> float:
        """Share of extracted events that are real; 1.0 when nothing was extracted or expected."""
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Share of truth events found; 1.0 when there was nothing to find and nothing found."""
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: TypeScore) -> TypeScore:
        return TypeScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
                         self.duplicates + other.duplicates)


@dataclass(frozen=True, slots=True)
class Scores:
    """Per-type scores and their micro-averaged total."""

    per_type: dict[str, TypeScore] = field(default_factory=dict)

    @property
    def overall(self) -> TypeScore:
        total = TypeScore()
        for part in self.per_type.values():
            total = total + part
        return total


def _fields(event: EventLike) -> tuple[str, frozenset[str]]:
    if isinstance(event, SignificantEvent):
        # truth names messages by the generated CSV's ids; the store keys them by namespace
        return event.event_type.value, frozenset(source_id_of(i) for i in event.source_message_ids)
    ids = event.get("source_message_ids", event.get("message_ids", ()))
    kind = event["event_type"]
    return str(getattr(kind, "value", kind)), frozenset(source_id_of(str(i)) for i in ids)


def _alt_types(event: EventLike) -> tuple[str, ...]:
    if isinstance(event, SignificantEvent):
        return ()
    return tuple(str(a) for a in event.get("alt_types", ()) or ())


class _Matcher:
    """Truth events indexed by (type, message id), each matchable once."""

    def __init__(self, truth: Iterable[EventLike]) -> None:
        items = list(truth)
        self.truth = [_fields(t) for t in items]
        self.taken = [False] * len(self.truth)
        self.index: dict[tuple[str, str], list[int]] = {}
        for n, (kind, ids) in enumerate(self.truth):
            # LABELLING.md: an event of the gold type or of one of its alt types matches
            for k in (kind, *_alt_types(items[n])):
                for i in ids:
                    self.index.setdefault((k, i), []).append(n)

    def match(self, kind: str, ids: frozenset[str]) -> str:
        """"tp", "duplicate" (overlaps only matched truth) or "fp" (overlaps nothing)."""
        candidates = {n for i in ids for n in self.index.get((kind, i), ())}
        free = [n for n in sorted(candidates) if not self.taken[n]]
        if not free:
            return "duplicate" if candidates else "fp"
        best = max(free, key=lambda n: len(self.truth[n][1] & ids))
        self.taken[best] = True
        return "tp"

    def missed(self) -> list[str]:
        return [kind for (kind, _), taken in zip(self.truth, self.taken, strict=True)
                if not taken]


def score(events: Iterable[EventLike], truth: Iterable[EventLike]) -> Scores:
    """Precision, recall and F1 of ``events`` against ``truth`` per type and overall.

    Both take SignificantEvent objects or dicts with ``event_type`` and ``source_message_ids``
    (or ``message_ids``, as truth lines have).
    """
    matcher = _Matcher(truth)
    counts: dict[str, dict[str, int]] = {}

    def bump(kind: str, key: str) -> None:
        counts.setdefault(kind, {"tp": 0, "fp": 0, "fn": 0, "duplicates": 0})[key] += 1

    for kind, _ in matcher.truth:
        counts.setdefault(kind, {"tp": 0, "fp": 0, "fn": 0, "duplicates": 0})
    for event in events:
        kind, ids = _fields(event)
        outcome = matcher.match(kind, ids)
        if outcome == "duplicate":
            bump(kind, "duplicates")
        bump(kind, "tp" if outcome == "tp" else "fp")
    for kind in matcher.missed():
        bump(kind, "fn")
    return Scores({kind: TypeScore(**c) for kind, c in sorted(counts.items())})


def load_truth(path: Path) -> list[dict[str, Any]]:
    """Read a ground-truth JSONL file: one event per line, blank lines ignored."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from None
    truth = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict) or "event_type" not in item:
            raise SourceError(f"{path}:{number}: expected an object with event_type")
        truth.append(item)
    return truth


def format_table(scores: Scores) -> str:
    """A markdown table: one row per type, then the micro-averaged overall row."""
    lines = ["| event type | truth | found | TP | FP (dup) | FN | precision | recall | F1 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    rows = [*scores.per_type.items(), ("**overall**", scores.overall)]
    for kind, s in rows:
        lines.append(f"| {kind} | {s.tp + s.fn} | {s.tp + s.fp} | {s.tp} | {s.fp} "
                     f"({s.duplicates}) | {s.fn} | {s.precision:.3f} | {s.recall:.3f} "
                     f"| {s.f1:.3f} |")
    return "\n".join(lines)
