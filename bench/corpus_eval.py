"""Load the real-text corpus (corpus/<split>/<source>/) and score an extractor on it.

Scoring follows shared LABELLING.md: an extracted event matches a gold event when its type is the
gold type or one of its alt types and it cites at least one of the gold message ids; positives
are scored against events whose polarity is not negative, lowlights against negative ones; a
second event matching an already matched gold event is a duplicate (a false positive). Events
citing a trap message are counted apart.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from signalpipe.extract.base import Extractor
from signalpipe.extract.dedup import EventIndex, is_close
from signalpipe.extract.sameness import same_story
from signalpipe.models import Batch, Message, SignificantEvent, Source, source_id_of

ROOT = Path(__file__).resolve().parents[1] / "corpus"


@dataclass
class CorpusSource:
    split: str
    name: str
    messages: list[Message]
    companies: dict[str, str]  # company id -> name as written
    gold: list[dict[str, Any]]
    traps: list[dict[str, Any]]


def slug(name: str) -> str:
    # letters of any script: "助太刀" and "カケハシ" are two companies, not both "company"
    return re.sub(r"[\W_]+", "-", name.lower()).strip("-") or "company"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n")
            if line.strip()]


def load(split: str, root: Path = ROOT) -> list[CorpusSource]:
    """Every source of one split, messages in file order."""
    out: list[CorpusSource] = []
    if not (root / split).is_dir():
        return out
    for folder in sorted((root / split).iterdir()):
        if not (folder / "messages.jsonl").exists():
            continue
        messages, companies = [], {}
        for row in _jsonl(folder / "messages.jsonl"):
            company = str(row.get("company") or folder.name)
            cid = slug(company)
            companies[cid] = company
            text = str(row.get("text") or "").strip() or "(empty)"
            messages.append(Message(
                id=str(row["id"]), company_id=cid,
                source=Source.SLACK if row.get("source") == "slack" else Source.GMAIL,
                sender=str(row.get("sender") or ""), channel=row.get("channel"),
                thread_id=row.get("thread_id"), subject=row.get("subject"),
                timestamp=datetime.fromisoformat(str(row["timestamp"]).replace("Z", "+00:00")),
                text=text))
        out.append(CorpusSource(split, folder.name, messages, companies,
                                _jsonl(folder / "gold.jsonl"), _jsonl(folder / "traps.jsonl")))
    return out


def aliases(sources: Iterable[CorpusSource]) -> dict[str, list[str]]:
    """The names each company goes by, as a user would set `company_aliases`: a corpus company
    written "OLake (Datazip)" is "OLake" and "Datazip", each on its own (a bracket that starts
    in lower case describes, it does not name: "Tropiano (indie projects)" is "Tropiano")."""
    out: dict[str, list[str]] = {}
    for source in sources:
        for cid, name in source.companies.items():
            m = re.fullmatch(r"\s*(?P<name>[^()]+?)\s*\((?P<other>[^()]+)\)\s*", name)
            names = [name] if m is None else [m["name"]] + (
                [m["other"]] if m["other"][:1].isupper() else [])
            out[cid] = names
    return out


def batches(source: CorpusSource, size: int) -> Iterator[Batch]:
    """Consecutive messages of one company, ``size`` at a time (as the batcher groups them)."""
    by_company: dict[str, list[Message]] = defaultdict(list)
    for m in source.messages:
        by_company[m.company_id].append(m)
    n = 0
    for cid, msgs in by_company.items():
        for start in range(0, len(msgs), size):
            chunk = tuple(msgs[start:start + size])
            n += 1
            yield Batch(id=f"{source.name}-{n}", company_id=cid, source=chunk[0].source,
                        messages=chunk)


def extract(extractor: Extractor, source: CorpusSource, size: int = 50
            ) -> list[SignificantEvent]:
    """Events after dedup and merging by fingerprint across batches, as the worker and the
    event store do (`ExtractionRunner`: `same_story` alone for canonical fingerprints)."""
    index = EventIndex(close=same_story if extractor.canonical_fingerprints else is_close)
    store: dict[str, SignificantEvent] = {}

    def put(event: SignificantEvent) -> None:
        known = store.get(event.fingerprint)
        store[event.fingerprint] = event if known is None else known.merged_with(event)

    for batch in batches(source, size):
        days = {m.id: m.timestamp.date() for m in batch.messages}
        resolution = index.resolve(extractor.extract(batch).events, days)
        for old, new in resolution.moved.items():
            row = store.pop(old, None)
            if row is not None:
                put(row.model_copy(update={"fingerprint": new}))
        for event in resolution.events:
            put(event)
    return list(store.values())


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    dup: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.dup += other.dup

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0 if not self.fn else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0 if not self.fp else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Result:
    positive: Tally = field(default_factory=Tally)
    lowlight: Tally = field(default_factory=Tally)
    per_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    trap_hits: int = 0
    false_events: list[SignificantEvent] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    messages: int = 0


def _types(gold: dict[str, Any]) -> set[str]:
    return {gold["event_type"], *gold.get("alt_types", [])}


def score(events: Iterable[SignificantEvent], gold: list[dict[str, Any]],
          traps: list[dict[str, Any]], messages: int = 0) -> Result:
    result = Result(messages=messages)
    trap_ids = {i for t in traps for i in t["message_ids"]}
    for lowlight, tally in ((False, result.positive), (True, result.lowlight)):
        pool = [g for g in gold if bool(g.get("lowlight")) is lowlight]
        taken = [False] * len(pool)
        for event in events:
            if (event.polarity.value == "negative") is not lowlight:
                continue
            ids = {source_id_of(i) for i in event.source_message_ids}  # gold: source ids
            hits = [n for n, g in enumerate(pool)
                    if event.event_type.value in _types(g) and ids & set(g["message_ids"])]
            # an exact type match first: "Raised $31M Series A" is the funding gold event of
            # its message, not the spin-out it also names (alt type funding) listed before it
            free = sorted((n for n in hits if not taken[n]),
                          key=lambda n: pool[n]["event_type"] != event.event_type.value)
            kind = event.event_type.value
            if free:
                taken[free[0]] = True
                tally.tp += 1
                result.per_type[pool[free[0]]["event_type"]].tp += 1
            else:
                tally.fp += 1
                result.per_type[kind].fp += 1
                if hits:
                    tally.dup += 1
                    result.per_type[kind].dup += 1
                else:
                    result.false_events.append(event)
            if ids & trap_ids:
                result.trap_hits += 1
        for n, g in enumerate(pool):
            if not taken[n]:
                tally.fn += 1
                result.per_type[g["event_type"]].fn += 1
                result.missed.append(g)
    return result


def combine(results: Iterable[Result]) -> Result:
    total = Result()
    for r in results:
        total.positive.add(r.positive)
        total.lowlight.add(r.lowlight)
        for kind, t in r.per_type.items():
            total.per_type[kind].add(t)
        total.trap_hits += r.trap_hits
        total.messages += r.messages
        total.false_events += r.false_events
        total.missed += r.missed
    return total


def type_counts(gold: list[dict[str, Any]]) -> Counter[str]:
    return Counter(g["event_type"] for g in gold)
