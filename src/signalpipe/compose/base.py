"""The composer seam."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, Self

from signalpipe.models import InvestorEmail, SignificantEvent
from signalpipe.settings import Settings


class Composer(Protocol):
    """Writes the investor email from stored events."""

    name: str

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """Build it from the settings (how `backends.py` makes every implementation)."""
        ...

    def compose(self, events: Sequence[SignificantEvent], *, company_id: str) -> InvestorEmail: ...

    def close(self) -> None:
        """Release what the composer holds (an LLM client's connections); nothing by default."""
        return None
