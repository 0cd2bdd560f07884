"""The sync seam: pages of messages, each with the cursors to store once they are on the bus."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol, Self

from signalpipe.settings import Settings
from signalpipe.sources.base import Item
from signalpipe.stores.state import Cursor

CursorLookup = Callable[[str], str | None]
"""scope -> the stored cursor value of this sync's source (None before the first sync)."""


@dataclass
class Page:
    """What one API page yielded; `cursors` may be written only after `items` are acknowledged
    on the bus (a crash before that replays the page, which the idempotent stores absorb)."""

    items: list[Item] = field(default_factory=list)
    cursors: list[Cursor] = field(default_factory=list)
    calls: int = 0
    """API requests this page took (for the figures)."""


class Sync(Protocol):
    """One live source read incrementally."""

    source: str
    """`slack` or `gmail`: the cursors' source."""

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """Build it from the settings (a missing token is a ConfigError naming it)."""
        ...

    def pages(self, cursor: CursorLookup) -> Iterator[Page]:
        """Read everything new since the stored cursors, one page at a time."""
        ...
