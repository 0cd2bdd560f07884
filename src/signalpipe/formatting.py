"""How figures and events are shown to a reader: one module for the email and the report."""

from __future__ import annotations

from collections.abc import Sequence

from signalpipe.kpis import CANONICAL, LABELS, show
from signalpipe.models import SEVERITY_RANK, MetricValue, SignificantEvent

# A reader knows "ARR" and "Contract value", not a store key such as "acv_usd".
_LABELS = {"amount": "Amount", "value": "Value", "acv": "Contract value (ACV)",
           "arr_lost": "ARR lost", "missed_target": "Missed target", "figure": "Figure",
           "change": "Change", "nrr": "Net revenue retention"}
_ACRONYMS = {"arr", "mrr", "acv", "nrr", "dau", "wau", "mau", "nps", "gmv", "p50", "p90", "p95",
             "p99", "api", "ai"}
_UNITS = ("_usd", "_pct", "_ms", "_count")


def metric_label(name: str) -> str:
    """The words a reader sees for a metric key: "arr_usd" -> "ARR", "gross_margin_pct" ->
    "Gross margin"."""
    if name in _LABELS:
        return _LABELS[name]
    stem = next((name[: -len(u)] for u in _UNITS if name.endswith(u) and len(name) > len(u)),
                name)
    if stem in _LABELS:
        return _LABELS[stem]
    words = [w.upper() if w in _ACRONYMS else w for w in stem.split("_") if w]
    text = " ".join(words) or name
    return text[0].upper() + text[1:]


def format_metric(name: str, value: MetricValue) -> str:
    """Render a metric the way an investor reads it: ARR: $12.5M, Growth: 40%, Users: 12,000."""
    if name in CANONICAL and not isinstance(value, str):
        # a KPI reads the same here as in the update's table: "Net revenue retention: 124%"
        kpi, unit = CANONICAL[name]
        return f"{LABELS.get(kpi, metric_label(name))}: {show(unit, value)}"
    label = metric_label(name)
    if isinstance(value, str):
        return f"{label}: {value}"
    if name.endswith(("_usd", "amount", "arr", "mrr", "revenue")):
        return f"{label}: {money(value)}"
    if name.endswith(("_pct", "percent", "percentage")):
        return f"{label}: {value:g}%"
    if name.endswith("_ms"):
        shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
        return f"{label}: {shown} ms"
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
