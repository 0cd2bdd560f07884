"""The batching seam: add messages, take leased batches when full or old, ack or release them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, Self

from signalpipe.models import Batch, Message
from signalpipe.settings import Settings


class Batcher(Protocol):
    """Per (company, source) buffers; a taken batch is leased to one worker until ack/release."""

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """Build it from the settings (how `backends.py` makes every implementation)."""
        ...

    def add(self, messages: Sequence[Message], docs: Sequence[bytes] | None = None) -> int:
        """Buffer messages, ignoring ids already buffered or in flight; return how many were new.

        `docs`, when given, holds each message's JSON as read off the bus, for a batcher that
        keeps messages serialized.
        """
        ...

    def take_ready(self, *, now_s: float | None = None, force: bool = False) -> list[Batch]:
        """Atomically take every batch whose buffer reached the count threshold or max age.

        `force` takes whatever is buffered (end of input, shutdown).
        """
        ...

    def ack(self, *batches: Batch) -> None:
        """The batches' events are stored: forget them (one round trip for all)."""
        ...

    def release(self, batch: Batch) -> None:
        """Extraction failed: drop the lease so its messages can be retried."""
        ...

    def pending_count(self) -> int: ...

    def clear(self) -> None: ...

    def close(self) -> None: ...
