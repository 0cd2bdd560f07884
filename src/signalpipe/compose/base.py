"""The composer seam."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, Self

from signalpipe.models import InvestorEmail, SignificantEvent
from signalpipe.settings import Settings

if TYPE_CHECKING:
    from signalpipe.compose.doc import UpdateContext


class Composer(Protocol):
    """Writes the investor email from stored events."""

    name: str

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """Build it from the settings (how `backends.py` makes every implementation)."""
        ...

    def compose(self, events: Sequence[SignificantEvent], *, company_id: str,
                context: UpdateContext | None = None) -> InvestorEmail:
        """The email for `events`; `context` brings the period, the KPI ledger, the cited
        messages and the founder's settings (none: every event, no citations)."""
        ...

    def close(self) -> None:
        """Release what the composer holds (an LLM client's connections); nothing by default."""
        return None
