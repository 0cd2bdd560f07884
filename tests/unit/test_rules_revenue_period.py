"""A revenue figure keeps the period it covers: a month's sales and a year's are not one KPI."""

from __future__ import annotations

import pytest

from signalpipe.kpis import CANONICAL
from tests.unit.test_rules import MakeMessage, events_for


@pytest.mark.parametrize(("text", "metric"), [
    ("We had a new record month in sales, reaching $92k in revenue for October.",
     "monthly_revenue_usd"),
    ("In 2022, we generated $812k in revenue, a 76% increase from 2021.",
     "annual_revenue_usd"),
    ("Q3 revenue reached $1.4M, our best quarter so far.", "quarterly_revenue_usd"),
    ("In 2022, we generated $812k in revenue, a 76% increase from 2021.", "annual_revenue_usd"),
    ("Revenue hit $250k, a new record for us!", "revenue_usd"),
])
def test_revenue_keeps_its_period(make_message: MakeMessage, text: str, metric: str) -> None:
    [event] = events_for(make_message, text)
    assert metric in event.metrics, event.metrics
    assert metric in CANONICAL  # the KPI ledger keeps each period apart
