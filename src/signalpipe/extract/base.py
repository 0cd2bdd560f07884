"""The extractor seam."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from signalpipe.models import Batch, BatchUsage, SignificantEvent


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one batch produced: accepted events, rejected ones with why, and what it cost."""

    events: list[SignificantEvent]
    usage: BatchUsage
    rejected: list[tuple[str, str]] = field(default_factory=list)


class Extractor(Protocol):
    """Turns one batch into events. Must be safe to call from several threads at once.

    An extractor may set a class attribute ``inline = True`` when a batch costs less than a
    thread hop; the worker then calls it on the poll loop instead of its extraction pool. It may
    set ``canonical_fingerprints = True`` when every mention of one event gets one fingerprint;
    the worker then skips close matching (extract/dedup.py), which depends on batch order.
    """

    name: str

    def extract(self, batch: Batch) -> Extraction:
        """Raise ExtractionError when the batch could not be processed (it is parked, not lost)."""
        ...
