"""Amounts keep the currency they were written in: a London founder's £400m round is not
'Raised $400M' (rules/currency.py, formatting)."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.currency import written_currency
from signalpipe.formatting import format_metric
from signalpipe.models import EventType
from tests.unit.rules_read import MakeMessage, read


@pytest.mark.parametrize(("text", "kind", "title", "metric"), [
    ("We raised £400m in our Series C", EventType.FUNDING, "Raised £400M Series C",
     "amount_gbp"),
    ("Acme raises €12M Series A led by Northzone", EventType.FUNDING,
     "Raised €12M Series A led by Northzone", "amount_eur"),
    ("We just crossed £2M ARR", EventType.REVENUE_MILESTONE, "ARR reached £2M", "arr_gbp"),
    ("MRR hit €50k this month", EventType.REVENUE_MILESTONE, "MRR reached €50k", "mrr_eur"),
    ("Raised $3M seed", EventType.FUNDING, "Raised $3M seed", "amount_usd"),
])
def test_an_amount_is_titled_and_keyed_in_its_currency(make_message: MakeMessage, text: str,
                                                        kind: EventType, title: str,
                                                        metric: str) -> None:
    [event] = read(make_message, text)
    assert (event.event_type, event.title) == (kind, title)
    assert metric in event.metrics


def test_a_term_sheet_keeps_the_currency_of_amount_and_valuation(
        make_message: MakeMessage) -> None:
    [event] = read(make_message, "Term sheet signed: €15M at an €80M valuation")
    assert event.title == "Term sheet: €15M at an €80M valuation"


@pytest.mark.parametrize(("clause", "code"), [
    ("raised £5m", "gbp"), ("raised 5 million euros", "eur"), ("GBP 2.5M seed", "gbp"),
    ("raised $5M (about €4.6M)", None), ("£2M and €3M", None), ("raised 5M", None),
])
def test_the_written_currency_is_one_or_none(clause: str, code: str | None) -> None:
    assert written_currency(clause) == code


def test_the_report_shows_the_sign_of_the_key() -> None:
    assert format_metric("amount_gbp", 400e6) == "Amount: £400M"
    assert format_metric("arr_eur", 2.5e6) == "ARR: €2.5M"
    assert format_metric("amount_usd", 5e6) == "Amount: $5M"
