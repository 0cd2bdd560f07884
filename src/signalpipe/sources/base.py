"""The source seam: a stream of messages and dead letters with byte progress."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from signalpipe.models import DeadLetter, Message

Item = Message | DeadLetter
ProgressFn = Callable[[int], None]
"""Called with bytes consumed since the last call, for a byte-based progress bar."""


class Source(Protocol):
    name: str

    def total_bytes(self) -> int: ...

    def read(self, progress: ProgressFn | None = None) -> Iterator[Item]:
        """Yield messages in input order; a row that cannot be used is yielded as a DeadLetter."""
        ...
