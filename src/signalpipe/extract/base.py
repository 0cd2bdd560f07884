"""The extractor seam."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, Self

from signalpipe.models import Batch, BatchUsage, SignificantEvent
from signalpipe.settings import Settings


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one batch produced: accepted events, rejected ones with why, and what it cost."""

    events: list[SignificantEvent]
    usage: BatchUsage
    rejected: list[tuple[str, str]] = field(default_factory=list)


class Extractor(Protocol):
    """Turns one batch into events. Must be safe to call from several threads at once."""

    name: str
    inline: bool = False
    """True when a batch costs less than a thread hop: the worker then calls the extractor on
    the poll loop instead of its extraction pool."""
    canonical_fingerprints: bool = False
    """True when every mention of one event gets one fingerprint: the worker then skips close
    matching (extract/dedup.py)."""

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """Build it from the settings (how `backends.py` makes every implementation)."""
        ...

    def close(self) -> None:
        """Release what the extractor holds (an LLM client's connections); nothing by default."""
        return None

    def extract(self, batch: Batch) -> Extraction:
        """Raise ExtractionError when the batch could not be processed (it is parked, not lost)."""
        ...
