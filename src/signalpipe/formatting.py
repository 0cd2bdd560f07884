"""How figures and events are shown to a reader: one module for the email and the report."""

from __future__ import annotations

import re
from collections.abc import Sequence

from signalpipe.kpis import CANONICAL, LABELS, show
from signalpipe.models import SEVERITY_RANK, MetricValue, SignificantEvent

# A reader knows "ARR" and "Contract value", not a store key such as "acv_usd". KPIs are named
# by the ledger's own LABELS, so a figure reads the same here as in the update's table.
_LABELS = {"amount": "Amount", "value": "Value", "acv": "Contract value (ACV)",
           "arr_lost": "ARR lost", "missed_target": "Missed target", "figure": "Figure",
           "change": "Change"}
_ACRONYMS = {"arr", "mrr", "acv", "nrr", "dau", "wau", "mau", "nps", "gmv", "p50", "p90", "p95",
             "p99", "api", "ai"}
_UNITS = ("_usd", "_gbp", "_eur", "_pct", "_ms", "_count")


def metric_label(name: str) -> str:
    """The words a reader sees for a metric key: "arr_usd" -> "ARR", "gross_margin_pct" ->
    "Gross margin"."""
    if name in CANONICAL and CANONICAL[name][0] in LABELS:
        return LABELS[CANONICAL[name][0]]
    stem = next((name[: -len(u)] for u in _UNITS if name.endswith(u) and len(name) > len(u)),
                name)
    if name in _LABELS or stem in _LABELS:
        return _LABELS.get(name) or _LABELS[stem]
    words = [w.upper() if w in _ACRONYMS else w for w in stem.split("_") if w]
    text = " ".join(words) or name
    return text[0].upper() + text[1:]


def _unit(name: str) -> str:
    """The unit `kpis.show` writes a figure in: the ledger's for a KPI, else the key's suffix."""
    if name in CANONICAL:
        return CANONICAL[name][1]
    if name.endswith(("_gbp", "_eur")):  # amounts written in pounds or euros (rules/currency.py)
        return name[-3:].upper()
    if name.endswith(("_usd", "amount", "arr", "mrr", "revenue")):
        return "USD"
    if name.endswith(("_pct", "percent", "percentage")):
        return "%"
    return "ms" if name.endswith("_ms") else "count"


_KEY_VALUE = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)+")


def format_metric(name: str, value: MetricValue) -> str:
    """Render a metric the way an investor reads it: ARR: $12.5M, Growth: 40%, Users: 12,000.
    A detector's key for a value reads as words ("first_cashflow_positive_year" -> "first
    cashflow positive year"), and a value that only repeats its label is the label ("Goal",
    never "Goal: goal")."""
    label = metric_label(name)
    if isinstance(value, str):
        shown = value.replace("_", " ") if _KEY_VALUE.fullmatch(value) else value
        if shown.strip().lower() == label.lower():
            return label
    else:
        shown = show(_unit(name), value)
    return f"{label}: {shown}"


def event_kind(event: SignificantEvent) -> str:
    """An event's type as a reader names it: "Customer success", "Product launch (lowlight)"
    (never the store's key, "customer_success")."""
    words = event.event_type.value.replace("_", " ")
    kind = words[:1].upper() + words[1:]
    return f"{kind} (lowlight)" if event.polarity.value == "negative" else kind


def counted(n: int, noun: str) -> str:
    """'1 event', '3 events', '3 batches': a founder reads these lines, so no '1 events'."""
    if n == 1:
        return f"{n:,} {noun}"
    return f"{n:,} {noun}es" if noun.endswith(("s", "x", "ch", "sh")) else f"{n:,} {noun}s"


def money(value: float, sign: str = "$") -> str:
    for bound, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= bound:
            return f"{sign}{value / bound:.4g}{suffix}"
    return f"{sign}{value:,.0f}"


def rank(events: Sequence[SignificantEvent]) -> list[SignificantEvent]:
    """Highest severity first, then most corroborated, then most confident."""
    return sorted(events, key=lambda e: (SEVERITY_RANK[e.severity], -len(e.source_message_ids),
                                         -e.confidence, e.title))
