"""The KPI ledger: every metric figure an extractor found, as a dated observation of one
canonical KPI, and what a period says about it (latest, previous, change, conflicts).

The extractors name figures in their own words (`arr_usd`, `daily_active_users`); `CANONICAL`
is the one place that maps those names to the KPIs an investor reads. A figure that is not a
KPI (a round's amount, a deal's value) is an event's detail, not a ledger row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from signalpipe.models import SignificantEvent

CANONICAL: dict[str, tuple[str, str]] = {
    # extractor metric name -> (canonical KPI, unit)
    "arr_usd": ("arr", "USD"), "arr": ("arr", "USD"),
    "mrr_usd": ("mrr", "USD"), "mrr": ("mrr", "USD"),
    "revenue_usd": ("revenue", "USD"), "revenue": ("revenue", "USD"),
    "monthly_revenue_usd": ("monthly_revenue", "USD"),
    "quarterly_revenue_usd": ("quarterly_revenue", "USD"),
    "annual_revenue_usd": ("annual_revenue", "USD"),
    "users": ("users", "count"), "active_users": ("users", "count"),
    "daily_active_users": ("daily_active_users", "count"), "dau": ("daily_active_users", "count"),
    "weekly_active_users": ("weekly_active_users", "count"),
    "wau": ("weekly_active_users", "count"),
    "monthly_active_users": ("monthly_active_users", "count"),
    "mau": ("monthly_active_users", "count"),
    "paying_customers": ("paying_customers", "count"),
    "customers": ("customers", "count"),
    "nrr": ("nrr", "%"), "nrr_pct": ("nrr", "%"), "net_revenue_retention": ("nrr", "%"),
    "nps": ("nps", "score"),
    "uptime": ("uptime", "%"), "uptime_pct": ("uptime", "%"),
    "p95_latency_ms": ("p95_latency_ms", "ms"), "p99_latency_ms": ("p99_latency_ms", "ms"),
    "p50_latency_ms": ("p50_latency_ms", "ms"), "latency_ms": ("latency_ms", "ms"),
    "churn_pct": ("churn", "%"), "gross_margin_pct": ("gross_margin", "%"),
    "signups": ("signups", "count"),
}

LABELS = {"arr": "ARR", "mrr": "MRR", "revenue": "Revenue", "users": "Users",
          "monthly_revenue": "Monthly revenue", "quarterly_revenue": "Quarterly revenue",
          "annual_revenue": "Annual revenue",
          "daily_active_users": "Daily active users", "weekly_active_users": "Weekly active users",
          "monthly_active_users": "Monthly active users", "paying_customers": "Paying customers",
          "customers": "Customers", "nrr": "Net revenue retention", "nps": "NPS",
          "uptime": "Uptime", "p95_latency_ms": "p95 latency", "p99_latency_ms": "p99 latency",
          "p50_latency_ms": "p50 latency", "latency_ms": "Latency", "churn": "Churn",
          "gross_margin": "Gross margin", "signups": "Sign-ups"}

LOWER_IS_BETTER = frozenset({"churn"})
"""KPIs that improve as they fall (and every latency, whose unit is ms)."""

ORDER = list(dict.fromkeys(kpi for kpi, _ in CANONICAL.values()))
"""How the KPI table lists metrics: money first, then usage, then quality."""


class KpiObservation(BaseModel):
    """One figure for one KPI on one day, with the messages that state it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    company_id: str
    metric: str
    value: float
    unit: str
    observed_on: date
    source_message_ids: list[str] = Field(min_length=1)
    extractor: str = "unknown"

    @property
    def key(self) -> tuple[str, str, str, float]:
        """Identity in the ledger: the same figure on the same day is one observation."""
        return (self.company_id, self.metric, self.observed_on.isoformat(), self.value)


def event_date(event: SignificantEvent, dates: Mapping[str, date] | None = None) -> date | None:
    """When an event happened: its earliest source message's day, else its timeline when that
    is an ISO date (the rules extractor writes the message's day there)."""
    if dates:
        days = [dates[i] for i in event.source_message_ids if i in dates]
        if days:
            return min(days)
    if event.timeline:
        try:
            return date.fromisoformat(event.timeline[:10])
        except ValueError:
            return None
    return None


def observations(events: Iterable[SignificantEvent],
                 dates: Mapping[str, date] | None = None) -> list[KpiObservation]:
    """The ledger rows `events` state; figures without a day (no date known) are left out."""
    found: dict[tuple[str, str, str, float], KpiObservation] = {}
    for event in events:
        day = event_date(event, dates)
        if day is None:
            continue
        for metric, unit, value in _figures(event):
            obs = KpiObservation(company_id=event.company_id, metric=metric, value=float(value),
                                 unit=unit, observed_on=day,
                                 source_message_ids=list(event.source_message_ids),
                                 extractor=event.extractor)
            seen = found.get(obs.key)
            found[obs.key] = obs if seen is None else merge(seen, obs)
    return list(found.values())


def _figures(event: SignificantEvent) -> list[tuple[str, str, float]]:
    """The event's KPI figures, one KPI per figure: "11,000 users signed up" read as both
    `users` and `signups` had put one statement in two rows of the KPI table. Of two KPIs
    given the same figure, the one the title names wins, else the first in `ORDER`."""
    chosen: dict[tuple[str, float], list[str]] = {}
    for name, value in event.metrics.items():
        if name in CANONICAL and not isinstance(value, bool) and isinstance(value, int | float):
            metric, unit = CANONICAL[name]
            named = chosen.setdefault((unit, float(value)), [])
            if metric not in named:
                named.append(metric)
    title = _squeezed(event.title)
    out = []
    for (unit, value), metrics in chosen.items():
        # the longest label the title says: "monthly active users" names that KPI, not Users
        said = [m for m in metrics if _squeezed(_label(m)) in title]
        metric = min(said, key=_longest_first) if said else min(metrics, key=ORDER.index)
        out.append((metric, unit, value))
    return out


def _label(metric: str) -> str:
    return LABELS.get(metric, metric)


def _longest_first(metric: str) -> tuple[int, int]:
    return -len(_label(metric)), ORDER.index(metric)


def _squeezed(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def merge(a: KpiObservation, b: KpiObservation) -> KpiObservation:
    ids = list(dict.fromkeys([*a.source_message_ids, *b.source_message_ids]))
    return a.model_copy(update={"source_message_ids": ids})


@dataclass
class KpiLine:
    """What a period says about one KPI."""

    metric: str
    unit: str
    now: KpiObservation
    previous: KpiObservation | None = None
    history: list[KpiObservation] = field(default_factory=list)
    """Every observation up to the period's end, oldest first (the chart's steps)."""
    conflicts: list[KpiObservation] = field(default_factory=list)
    """Other values stated for the same day as `now`, each with its source."""

    @property
    def label(self) -> str:
        return LABELS.get(self.metric, self.metric.replace("_", " "))

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.now.value - self.previous.value

    @property
    def first(self) -> KpiObservation:
        """Where the period starts from: the value before it, else its oldest."""
        return self.previous or self.history[0]

    @property
    def direction(self) -> int:
        """+1 when the KPI moved the good way from `first` to `now`, -1 the bad way, 0 flat."""
        delta = self.now.value - self.first.value
        if delta == 0:
            return 0
        lower_is_better = self.unit == "ms" or self.metric in LOWER_IS_BETTER
        return -1 if (delta > 0) == lower_is_better else 1

    @property
    def change_pct(self) -> float | None:
        if self.previous is None or self.previous.value == 0:
            return None
        return (self.now.value - self.previous.value) / abs(self.previous.value) * 100


def ledger(rows: Sequence[KpiObservation], *, since: date | None = None,
           until: date | None = None) -> list[KpiLine]:
    """Per KPI observed in the period [since, until]: the latest value, the value at the end of
    the previous period (the last one before `since`; without `since`, the one before the
    latest day), the change and the same-day conflicts. Ordered as `ORDER`."""
    by_metric: dict[str, list[KpiObservation]] = {}
    for row in one_revenue([r for r in rows if until is None or r.observed_on <= until]):
        by_metric.setdefault(row.metric, []).append(row)
    lines = []
    for metric, obs in by_metric.items():
        obs.sort(key=lambda o: (o.observed_on, o.value))
        inside = [o for o in obs if since is None or o.observed_on >= since]
        if not inside:
            continue
        day = inside[-1].observed_on
        same_day = [o for o in inside if o.observed_on == day]
        # Of two figures for the same day, the one more messages state is the day's value.
        now = max(same_day, key=lambda o: (len(o.source_message_ids), o.value))
        before = [o for o in obs if o.observed_on < (since or day)]
        lines.append(KpiLine(metric=metric, unit=now.unit, now=now,
                             previous=before[-1] if before else None, history=obs,
                             conflicts=[o for o in same_day if o is not now]))
    rank = {m: i for i, m in enumerate(ORDER)}
    return sorted(lines, key=lambda line: (rank.get(line.metric, len(rank)), line.metric))


QUALIFIED_REVENUE = ("monthly_revenue", "quarterly_revenue", "annual_revenue")
SAME_KIND_RATIO = 5.0
"""Two revenue figures within this factor are read as one kind of figure: a month's revenue
grows a few times over a year, while a year's revenue is twelve months'."""


def one_revenue(rows: Sequence[KpiObservation]) -> list[KpiObservation]:
    """Rows where a bare "revenue" figure is named as the qualified revenue the company also
    states and it matches in size: a monthly update's "revenue reached $57k" beside "monthly
    revenue reached $42k" is one figure to an investor, so the table shows one "Monthly
    revenue" row and one progression, never "Revenue $57K" beside "Monthly revenue $42K".
    Each bare figure joins the kind whose nearest-in-time figure is closest in size, within
    `SAME_KIND_RATIO`; without one it stays "Revenue"."""
    qualified = {m: [r for r in rows if r.metric == m] for m in QUALIFIED_REVENUE}
    qualified = {m: obs for m, obs in qualified.items() if obs}
    if not qualified:
        return list(rows)
    return [_named_revenue(r, qualified) if r.metric == "revenue" else r for r in rows]


def _named_revenue(row: KpiObservation, qualified: Mapping[str, Sequence[KpiObservation]]
                   ) -> KpiObservation:
    best: tuple[float, str] | None = None
    for metric, obs in qualified.items():
        near = min(obs, key=lambda o: abs((o.observed_on - row.observed_on).days))
        if near.value <= 0 or row.value <= 0:
            continue
        ratio = max(near.value, row.value) / min(near.value, row.value)
        if ratio < SAME_KIND_RATIO and (best is None or ratio < best[0]):
            best = (ratio, metric)
    return row if best is None else row.model_copy(update={"metric": best[1]})


SAME_QUANTITY = (frozenset({"arr", "mrr"}),)
"""KPIs that state one quantity in different units (ARR is twelve times MRR)."""


def latest_of_each(lines: Sequence[KpiLine]) -> list[KpiLine]:
    """`lines` without a KPI that an equivalent one stated later supersedes: with ARR last said
    in July and MRR in September, a table showing both would set a stale ARR beside the current
    MRR (a founder's "$10k ARR" in July and "$4k MRR" in September read as a contradiction).
    Stated on the same day, both stay."""
    stale = set()
    for group in SAME_QUANTITY:
        found = [line for line in lines if line.metric in group]
        if len(found) > 1:
            last = max(line.now.observed_on for line in found)
            stale |= {line.metric for line in found if line.now.observed_on < last}
    return [line for line in lines if line.metric not in stale]


def parse_day(text: str) -> date:
    return datetime.fromisoformat(text).date() if "T" in text else date.fromisoformat(text)


def show(unit: str, value: float) -> str:
    """A KPI value as the update writes it: $3.0M, 12,500, 99.9%, 180 ms."""
    from signalpipe.formatting import money

    if unit == "USD":
        return money(value)
    if unit in ("GBP", "EUR"):
        return money(value, "\u00a3" if unit == "GBP" else "\u20ac")
    if unit == "%":
        return f"{value:g}%"
    if unit == "ms":
        return f"{value:g} ms"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def show_change(line: KpiLine) -> str:
    """"+$1.5M (+100%)", "-120 (-4%)", or "new" when there is nothing to compare with."""
    if line.change is None:
        return "new"
    sign = "+" if line.change >= 0 else "-"
    text = f"{sign}{show(line.unit, abs(line.change))}"
    if line.unit == "%":
        text = f"{sign}{abs(line.change):g} pts"
    pct = line.change_pct
    return text if pct is None or line.unit == "%" else f"{text} ({pct:+.0f}%)"
