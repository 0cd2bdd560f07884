"""output/report.html: the run as one self-contained page (funnel, KPI charts, timeline, events
with their evidence). Every message-derived text is escaped: a `<script>` or `<img onerror>` in
a message shows as text. No script and no external asset."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from html import escape

from signalpipe.charts import CSS, step_chart, timeline
from signalpipe.folds import fold_name_prefixes, fold_platform_launches, fold_unnamed_launches
from signalpipe.formatting import event_kind, format_metric, rank
from signalpipe.kpis import KpiObservation, event_date, ledger, show
from signalpipe.models import DeadLetter, SignificantEvent
from signalpipe.quotes import readable
from signalpipe.stats import RunStats, reason_kind

MAX_ROWS = 500
"""Events shown in the table: the page stays readable (and bounded) for any run."""

_PAGE_CSS = CSS + """
body{max-width:1100px}td,th{text-align:left;vertical-align:top;font-size:13px}
.funnel td:last-child{text-align:right}blockquote{margin:0;color:#57606a;font-size:12px}
.neg{color:#cf222e}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _funnel(stats: RunStats | None, letters: Sequence[DeadLetter], events: int) -> str:
    rows: list[tuple[str, object]] = []
    if stats is not None:
        proposed = stats.events_inserted + stats.events_merged + sum(
            stats.events_rejected.values())
        rows = [("Rows read", stats.rows_read), ("New messages stored", stats.stored_new),
                *([("Already stored and extracted", stats.replayed)] if stats.replayed else []),
                ("Dead-lettered", sum(stats.dead_letters.values())),
                ("Batches", stats.batches), ("Candidate events", proposed),
                ("Rejected candidates", sum(stats.events_rejected.values())),
                ("New events", stats.events_inserted), ("Merged sightings", stats.events_merged)]
    rows.append(("Events stored", events))
    out = ['<table class="funnel" id="funnel"><tbody>']
    out += [f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in rows]
    out.append("</tbody></table>")
    if stats is not None and stats.events_rejected:
        out.append("<h3>Rejection reasons</h3><ul>" + "".join(
            f"<li>{_e(r)}: {n}</li>" for r, n in stats.events_rejected.most_common(20))
            + "</ul>")
    if letters:
        kinds = Counter(reason_kind(d.reason) for d in letters)
        out.append('<h3>Dead letters</h3><ul id="dead-letters">' + "".join(
            f"<li>{_e(k)}: {n}</li>" for k, n in kinds.most_common(20)) + "</ul>")
    return "".join(out)


def _events_table(events: Sequence[SignificantEvent], days: dict[str, date | None],
                  total: int) -> str:
    shown = rank(events)[:MAX_ROWS]
    rows = []
    for e in shown:
        day = days.get(e.fingerprint)
        metrics = "; ".join(format_metric(k, v) for k, v in e.metrics.items())
        negative = e.polarity.value == "negative"
        cls = ' class="neg"' if negative else ""
        # said in words as in pipeline_results.md, not by colour alone (print, colour blindness)
        kind = event_kind(e)
        rows.append(f"<tr{cls}><td>{_e(day.isoformat() if day else '')}</td>"
                    f"<td>{_e(e.severity.value)}</td><td>{_e(kind)}</td>"
                    f"<td>{_e(e.title)}<blockquote>{_e(readable(e.evidence)[:300])}</blockquote></td>"
                    f"<td>{_e(metrics)}</td><td>{len(e.source_message_ids)}</td></tr>")
    more = (f"<p class=\"muted\">{total - len(shown)} more events are in the store "
            "(signalpipe events).</p>" if total > len(shown) else "")
    return ('<table id="events"><thead><tr><th>Date</th><th>Severity</th><th>Type</th>'
            "<th>Event and evidence</th><th>Metrics</th><th>Sources</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>" + more)


def _folded(events: Sequence[SignificantEvent]) -> list[SignificantEvent]:
    """One launch, one review told twice on one day reads as one row, as in the update: the
    store (and the review app) keep both, so the funnel still counts both."""
    dated = [(e, event_date(e)) for e in events]
    return [e for e, _ in fold_name_prefixes(fold_unnamed_launches(fold_platform_launches(dated)),
                                             same_day=True)]


def render_page(*, company_id: str, stats: RunStats | None, events: Sequence[SignificantEvent],
                letters: Sequence[DeadLetter], kpi_rows: Sequence[KpiObservation],
                total: int | None = None) -> str:
    """The page; `events` may be a bounded selection, `total` then counts every event."""
    total = len(events) if total is None else total
    events = _folded(events)
    days = {e.fingerprint: event_date(e) for e in events}
    dated = [(e, d) for e in events if (d := days[e.fingerprint]) is not None]
    lines = ledger(kpi_rows)
    marks = sorted({d for _, d in dated})
    charts = "".join(step_chart(line, marks) for line in lines
                     if len(line.history) > 1)
    kpis = "".join(f"<li>{_e(line.label)}: {_e(show(line.unit, line.now.value))}</li>"
                   for line in lines)
    if not lines:
        no_chart = '<p class="muted">No KPI figures found.</p>'
    else:  # figures read once each: listed below, but a trend needs two readings
        no_chart = '<p class="muted">One reading of each figure so far: no trend to chart.</p>'

    body = [f"<h1>signalpipe results: {_e(company_id)}</h1>",
            "<h2>Run</h2>", _funnel(stats, letters, total),
            '<h2>KPIs</h2><div class="charts" id="kpis">'
            + (charts or no_chart) + "</div>",
            f"<ul>{kpis}</ul>" if kpis else "",
            '<h2>Timeline</h2><div id="timeline">'
            + (timeline(dated[:500]) or '<p class="muted">No events.</p>') + "</div>",
            "<h2>Events</h2>", _events_table(events, days, total)]
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>signalpipe results: {_e(company_id)}</title><style>{_PAGE_CSS}</style>"
            "</head><body>" + "\n".join(body) + "</body></html>\n")
