"""Fixtures every test folder may use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from signalpipe.models import Message, Source

MakeMessage = Callable[..., Message]


@pytest.fixture
def make_message() -> MakeMessage:
    """Build a valid Message; keywords override any field."""
    counter = iter(range(1_000_000))

    def build(**fields: object) -> Message:
        n = next(counter)
        base: dict[str, object] = {
            "id": f"m-{n:06d}", "company_id": "scaleflow", "source": Source.SLACK,
            "sender": "alice", "timestamp": datetime(2025, 3, 1, tzinfo=UTC) + timedelta(
                minutes=n), "text": f"message number {n}", "payload": {"n": n}}
        base.update(fields)
        return Message.model_validate(base)

    return build
