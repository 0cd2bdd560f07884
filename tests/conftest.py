"""Fixtures every test folder may use."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

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


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, list[Any]]]:
    """A local SMTP server: its port and the messages it received."""
    from tests.fakes.local import smtp_server as local_smtp

    with local_smtp() as server:
        yield server


@pytest.fixture
def browser() -> Iterator[Any]:
    """A headless Chromium WebDriver that records the browser console."""
    from tests.fakes.local import chromium

    with chromium() as driver:
        yield driver
