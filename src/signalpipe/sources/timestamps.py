"""Timestamp parsing shared by every source: ISO-8601 or epoch seconds, always timezone-aware."""

from __future__ import annotations

from datetime import UTC, datetime


def parse_timestamp(raw: str) -> datetime:
    """Parse ISO-8601 (a naive value is taken as UTC) or Unix epoch seconds.

    Raises ValueError with the offending value when neither fits.
    """
    value = raw.strip()
    if not value:
        raise ValueError("empty timestamp")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            epoch = float(value)
        except ValueError:
            raise ValueError(f"unparsable timestamp {value[:40]!r}") from None
        if not 0 <= epoch < 32_503_680_000:  # before year 3000; larger is a unit mistake
            raise ValueError(f"epoch timestamp out of range {value[:40]!r}") from None
        return datetime.fromtimestamp(epoch, tz=UTC)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        parsed.astimezone(UTC)  # an instant no UTC datetime can hold breaks every store
    except OverflowError:
        raise ValueError(f"timestamp out of range {value[:40]!r}") from None
    return parsed
