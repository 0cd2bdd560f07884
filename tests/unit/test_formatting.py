"""How a metric reads to a founder or investor: labels, units, money."""

from __future__ import annotations

import pytest

from signalpipe.formatting import format_metric, metric_label


@pytest.mark.parametrize(("name", "label"), [
    ("arr_usd", "ARR"), ("mrr", "MRR"), ("acv_usd", "Contract value (ACV)"),
    ("gross_margin_pct", "Gross margin"), ("p95_latency_ms", "p95 latency"),  # as the KPI table
    ("nrr_pct", "Net revenue retention"), ("amount_usd", "Amount"), ("users", "Users"),
    ("first_sale", "First sale"),
])
def test_store_keys_become_words(name: str, label: str) -> None:
    assert metric_label(name) == label


@pytest.mark.parametrize(("name", "value", "shown"), [
    ("arr_usd", 3_200_000, "ARR: $3.2M"), ("acv_usd", 95_000, "Contract value (ACV): $95K"),
    ("uptime_pct", 99.99, "Uptime: 99.99%"), ("latency_ms", 120, "Latency: 120 ms"),
    ("latency_ms", 42.5, "Latency: 42.5 ms"), ("customers", 1400, "Customers: 1,400"),
    ("acquisition_interest", "inbound", "Acquisition interest: inbound"),
    ("nrr", 124, "Net revenue retention: 124%"), ("dau", 5200, "Daily active users: 5,200"),
])
def test_metric_reads_with_its_unit(name: str, value: float | str, shown: str) -> None:
    assert format_metric(name, value) == shown
