"""'2025 was our best year' is old news in 2027 but this period's news in a January 2026 review:
a year said with 'was' is judged by the message's date."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from signalpipe.extract.rules.modality import old_news
from tests.unit.rules_read import MakeMessage, read


@pytest.mark.parametrize(("text", "sent"), [
    ("April 2026 was our best month ever", datetime(2026, 5, 3, tzinfo=UTC)),
    ("2025 was our best year ever", datetime(2026, 1, 8, tzinfo=UTC)),
    ("2025 was our best year ever", datetime(2025, 12, 30, tzinfo=UTC)),
])
def test_this_periods_record_is_news(make_message: MakeMessage, text: str,
                                     sent: datetime) -> None:
    assert [e.title for e in read(make_message, text, timestamp=sent)] != []


@pytest.mark.parametrize(("text", "sent"), [
    ("2024 was our best year ever", datetime(2026, 5, 3, tzinfo=UTC)),
    ("2025 was our best year ever", datetime(2026, 9, 1, tzinfo=UTC)),
    ("Back in 2026 we had our best month ever", datetime(2026, 5, 3, tzinfo=UTC)),
])
def test_an_earlier_years_record_is_old_news(make_message: MakeMessage, text: str,
                                             sent: datetime) -> None:
    assert read(make_message, text, timestamp=sent) == []


def test_without_a_date_a_year_said_with_was_stays_old_news() -> None:
    assert old_news("2025 was our best year ever") == "old news (2025 was)"
    assert old_news("2025 was our best year ever", date(2026, 2, 1)) is None
