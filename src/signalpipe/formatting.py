"""How figures and events are shown to a reader: one module for the email and the report."""

from __future__ import annotations

from collections.abc import Sequence

from signalpipe.models import SEVERITY_RANK, MetricValue, SignificantEvent


def format_metric(name: str, value: MetricValue) -> str:
    """Render a metric the way an investor reads it: $12.5M, 40%, 12,000."""
    label = name.replace("_", " ")
    if isinstance(value, str):
        return f"{label}: {value}"
    if name.endswith(("_usd", "amount", "arr", "mrr", "revenue")):
        return f"{label}: {money(value)}"
    if name.endswith(("_pct", "percent", "percentage")):
        return f"{label}: {value:g}%"
    return f"{label}: {value:,.0f}" if float(value).is_integer() else f"{label}: {value:,.2f}"


def money(value: float) -> str:
    for bound, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= bound:
            return f"${value / bound:.4g}{suffix}"
    return f"${value:,.0f}"


def rank(events: Sequence[SignificantEvent]) -> list[SignificantEvent]:
    """Highest severity first, then most corroborated, then most confident."""
    return sorted(events, key=lambda e: (SEVERITY_RANK[e.severity], -len(e.source_message_ids),
                                         -e.confidence, e.title))
