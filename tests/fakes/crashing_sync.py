"""A sync that dies after a number of pages, for kill-mid-sync tests of any source."""

from __future__ import annotations

from collections.abc import Iterator

from signalpipe.settings import Settings
from signalpipe.sync.base import CursorLookup, Page, Sync


class Crash(Exception):
    """Stands for the process dying: nothing after it runs."""


class CrashAfter(Sync):
    """Dies after `pages` pages were yielded: the cursor of the last one is never written."""

    def __init__(self, inner: Sync, pages: int) -> None:
        self.inner, self.left = inner, pages
        self.source = inner.source

    @classmethod
    def from_settings(cls, settings: Settings) -> CrashAfter:  # pragma: no cover - unused
        raise NotImplementedError

    def pages(self, cursor: CursorLookup) -> Iterator[Page]:
        for page in self.inner.pages(cursor):
            if self.left == 0:
                raise Crash
            self.left -= 1
            yield page
