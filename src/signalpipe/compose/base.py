"""The composer seam."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from signalpipe.models import InvestorEmail, SignificantEvent


class Composer(Protocol):
    name: str

    def compose(self, events: Sequence[SignificantEvent], *, company_id: str) -> InvestorEmail: ...
