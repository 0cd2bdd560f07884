"""Review decisions applied to the KPI ledger (issue 14).

The ledger rows are written by extraction from the events' figures, each with the messages that
state it; they carry no event fingerprint. A decision reaches them through those messages: a
figure an event *withdrew* (the event was rejected, hidden, or its metric edited) loses the
messages only that event stated it in, and a row left with none disappears; an edited figure
joins the ledger on the day the original one was observed. A figure another visible event
still states (same KPI, same value, same message) stays.

A reviewer settles a same-day conflict with a `PICK_KPI` decision on `kpi_fingerprint(metric,
day)`: that day keeps only the picked figure (while some row still states it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from signalpipe.kpis import CANONICAL, LABELS, KpiObservation, event_date
from signalpipe.models import MetricValue, SignificantEvent
from signalpipe.review import ReviewState, ReviewStatus

KPI_PREFIX = "kpi:"

Claim = tuple[str, float, str]
"""(canonical KPI, value, message id): one message stating one figure."""


def kpi_fingerprint(metric: str, day: date) -> str:
    """The fingerprint a KPI pick is recorded under: "kpi:arr:2026-03-01"."""
    return f"{KPI_PREFIX}{metric}:{day.isoformat()}"


def _figures(metrics: Mapping[str, MetricValue]) -> Iterable[tuple[str, str, float]]:
    """(canonical KPI, unit, value) of each figure that is a KPI (as `kpis.observations`)."""
    for name, value in metrics.items():
        if name in CANONICAL and not isinstance(value, bool) and isinstance(value, int | float):
            metric, unit = CANONICAL[name]
            yield metric, unit, float(value)


def _claims(events: Iterable[SignificantEvent]) -> set[Claim]:
    return {(metric, value, mid) for e in events for metric, _, value in _figures(e.metrics)
            for mid in e.source_message_ids}


def reviewed_rows(rows: Sequence[KpiObservation], raw: Sequence[SignificantEvent],
                  visible: Sequence[SignificantEvent],
                  states: Mapping[str, ReviewState]) -> list[KpiObservation]:
    """The ledger as the reviewed events state it: `raw` is what extraction stored, `visible`
    what a reader sees of it (`apply_reviews`, and confidential events left out or redacted).
    """
    kept = _claims(visible)
    withdrawn = _claims(raw) - kept
    out: list[KpiObservation] = []
    for row in rows:
        ids = [i for i in row.source_message_ids if (row.metric, row.value, i) not in withdrawn]
        if ids:
            out.append(row if len(ids) == len(row.source_message_ids)
                       else row.model_copy(update={"source_message_ids": ids}))
    return _with_edits(out, rows, visible, states)


def _with_edits(out: list[KpiObservation], original: Sequence[KpiObservation],
                visible: Sequence[SignificantEvent],
                states: Mapping[str, ReviewState]) -> list[KpiObservation]:
    """Add the figures reviewers wrote into events, dated as the extracted ones were."""
    present = {(r.metric, r.value, i) for r in out for i in r.source_message_ids}
    day_of = {i: r.observed_on for r in original for i in r.source_message_ids}
    keys = {r.key: n for n, r in enumerate(out)}
    for event in visible:
        s = states.get(event.fingerprint)
        if s is None or s.metrics is None:
            continue
        day = next((day_of[i] for i in event.source_message_ids if i in day_of),
                   None) or event_date(event)
        if day is None:
            continue  # undatable: the extracted figure had no ledger row either
        for metric, unit, value in _figures(event.metrics):
            if any((metric, value, i) in present for i in event.source_message_ids):
                continue
            row = KpiObservation(company_id=event.company_id, metric=metric, value=value,
                                 unit=unit, observed_on=day,
                                 source_message_ids=list(event.source_message_ids),
                                 extractor="review")
            if row.key in keys:
                n = keys[row.key]
                ids = list(dict.fromkeys([*out[n].source_message_ids, *row.source_message_ids]))
                out[n] = out[n].model_copy(update={"source_message_ids": ids})
            else:
                keys[row.key] = len(out)
                out.append(row)
    return out


def picks(states: Mapping[str, ReviewState]) -> dict[tuple[str, date], float]:
    """The standing KPI picks: (metric, day) -> the figure a reviewer chose."""
    out: dict[tuple[str, date], float] = {}
    for fp, s in states.items():
        if not fp.startswith(KPI_PREFIX) or s.status is not ReviewStatus.APPROVED:
            continue
        metric, _, day = fp[len(KPI_PREFIX):].rpartition(":")
        value = (s.metrics or {}).get("value")
        try:
            when = date.fromisoformat(day)
        except ValueError:
            continue
        if metric and isinstance(value, int | float) and not isinstance(value, bool):
            out[(metric, when)] = float(value)
    return out


def apply_picks(rows: Sequence[KpiObservation],
                chosen: Mapping[tuple[str, date], float]) -> list[KpiObservation]:
    """On a day with a pick, only the picked figure remains; a pick whose figure no row states
    any more (its event was rejected since) changes nothing, so the conflict shows again."""
    stated = {(r.metric, r.observed_on, r.value) for r in rows}
    return [r for r in rows
            if (pick := chosen.get((r.metric, r.observed_on))) is None
            or r.value == pick or (r.metric, r.observed_on, pick) not in stated]


@dataclass(frozen=True)
class KpiConflict:
    """Two or more figures for one KPI on one day, each with the messages that state it."""

    metric: str
    unit: str
    day: date
    options: list[KpiObservation] = field(default_factory=list)
    """Every figure stated that day, most-stated first."""
    picked: float | None = None
    """The figure a reviewer chose, if any (and still stated)."""

    @property
    def fingerprint(self) -> str:
        """What a `PICK_KPI` decision for this conflict is recorded under."""
        return kpi_fingerprint(self.metric, self.day)

    @property
    def label(self) -> str:
        return LABELS.get(self.metric, self.metric.replace("_", " "))


def conflicts(rows: Sequence[KpiObservation],
              chosen: Mapping[tuple[str, date], float]) -> list[KpiConflict]:
    """Every (KPI, day) stated with more than one figure, newest day first; `rows` before
    `apply_picks`, so a settled conflict is still listed, with its pick."""
    by_day: dict[tuple[str, date], list[KpiObservation]] = {}
    for row in rows:
        by_day.setdefault((row.metric, row.observed_on), []).append(row)
    out = []
    for (metric, day), options in by_day.items():
        if len({o.value for o in options}) < 2:
            continue
        options.sort(key=lambda o: (-len(o.source_message_ids), o.value))
        pick = chosen.get((metric, day))
        out.append(KpiConflict(metric=metric, unit=options[0].unit, day=day, options=options,
                               picked=pick if any(o.value == pick for o in options) else None))
    return sorted(out, key=lambda c: (-c.day.toordinal(), c.metric))
