"""Inline SVG charts shared by the investor update page and the run report page: a KPI step
chart with event markers, and an events timeline by type. Plain SVG, escaped text, no script."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from signalpipe.kpis import KpiLine, show
from signalpipe.models import SignificantEvent


def _e(text: str) -> str:
    return escape(text, quote=True)


CSS = """
body{font:15px/1.5 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328;
max-width:720px;margin:24px auto;padding:0 16px}
h1{font-size:20px;margin:0 0 16px}h2{font-size:16px;margin:24px 0 8px;border-bottom:1px solid
#d0d7de;padding-bottom:4px}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #eaeef2;padding:4px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}sup{font-size:11px;color:#57606a}
.up{color:#1a7f37}.down{color:#cf222e}.charts svg{margin:4px 8px 4px 0}
.sources{font-size:12px;color:#57606a}.muted{color:#57606a}
"""


TITLE_CLEAR = 28
"""The lowest baseline a label can have without touching the chart's title (12 px at y 14)."""


def step_chart(line: KpiLine, markers: Sequence[date] = (), width: int = 320,
               height: int = 100) -> str:
    """A KPI's readings as a step line, one per day (on the latest day the figure the line
    reports, when the messages stated several); event days as ticks on the axis.

    The axis starts at zero for figures that cannot go below it, so $1.5M -> $3.2M reads as a
    doubling, not as a rise from nothing; the first reading and both end dates are written
    on the chart, because an SVG in an email has no axis a reader can hover."""
    per_day = {o.observed_on: o.value for o in line.history}
    per_day[line.now.observed_on] = line.now.value
    obs = sorted(per_day.items())
    days = [d.toordinal() for d, _ in obs] + [d.toordinal() for d in markers]
    lo_d, hi_d = min(days), max(days)
    values = [v for _, v in obs]
    lo_v, hi_v = min(0.0, min(values)), max(values)
    pad, axis = 8, height - 24

    def x(day: int) -> float:
        return pad + (day - lo_d) / max(hi_d - lo_d, 1) * (width - 2 * pad)

    def y(value: float) -> float:
        return axis - 4 - (value - lo_v) / ((hi_v - lo_v) or 1) * (axis - 26)

    points: list[str] = []
    for i, (day, value) in enumerate(obs):
        px, py = x(day.toordinal()), y(value)
        if i:
            points.append(f"{px:.1f},{points[-1].split(',')[1]}")
        points.append(f"{px:.1f},{py:.1f}")
    ticks = "".join(f'<line x1="{x(d.toordinal()):.1f}" y1="{axis - 3}" '
                    f'x2="{x(d.toordinal()):.1f}" y2="{axis + 3}" stroke="#bf8700"/>'
                    for d in markers)
    dots = "".join(f'<circle cx="{x(d.toordinal()):.1f}" cy="{y(v):.1f}" r="2.5" '
                   f'fill="#0969da"/>' for d, v in obs)
    label = f"{line.label}: {show(line.unit, line.now.value)}"
    first_day, first = obs[0]
    notes = ""
    if len(obs) > 1:
        # Above its dot, unless that is the chart's top, where the title is: then below it.
        note_y = y(first) - 5 if y(first) - 5 >= TITLE_CLEAR else y(first) + 13
        notes = (f'<text x="{x(first_day.toordinal()) + 4:.1f}" y="{note_y:.1f}" '
                 f'font-size="10" fill="#57606a">{_e(show(line.unit, first))}</text>')
    dates = (f'<text x="{pad}" y="{height - 6}" font-size="10" fill="#57606a">'
             f'{_e(_day(date.fromordinal(lo_d)))}</text>')
    if hi_d != lo_d:
        dates += (f'<text x="{width - pad}" y="{height - 6}" font-size="10" fill="#57606a" '
                  f'text-anchor="end">{_e(_day(date.fromordinal(hi_d)))}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'role="img" aria-label="{_e(label)}" class="kpi-chart">'
            f'<text x="{pad}" y="14" font-size="12" fill="#1f2328">{_e(label)}</text>'
            f'<polyline fill="none" stroke="#0969da" stroke-width="2" '
            f'points="{" ".join(points)}"/>{dots}{notes}{ticks}'
            f'<line x1="{pad}" y1="{axis}" x2="{width - pad}" y2="{axis}" '
            f'stroke="#d0d7de"/>{dates}</svg>')


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def timeline(events: Sequence[tuple[SignificantEvent, date]], width: int = 680) -> str:
    """One row per event type, one dot per event on its day; lowlights in red."""
    if not events:
        return ""
    types = sorted({e.event_type.value for e, _ in events})
    lo = min(d for _, d in events).toordinal()
    hi = max(d for _, d in events).toordinal()
    row, left = 18, 150
    height = row * len(types) + 24
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'role="img" aria-label="events timeline" class="timeline">']
    for i, t in enumerate(types):
        out.append(f'<text x="0" y="{i * row + 14}" font-size="11" fill="#57606a">'
                   f'{_e(t.replace("_", " "))}</text>')
    for event, day in events:
        cx = left + (day.toordinal() - lo) / max(hi - lo, 1) * (width - left - 10)
        cy = types.index(event.event_type.value) * row + 10
        color = "#cf222e" if event.polarity.value == "negative" else "#0969da"
        out.append(f'<circle cx="{cx:.1f}" cy="{cy}" r="4" fill="{color}">'
                   f'<title>{_e(day.isoformat() + " " + event.title)}</title></circle>')
    out.append(f'<text x="{left}" y="{height - 4}" font-size="11" fill="#57606a">'
               f'{date.fromordinal(lo).isoformat()}</text>')
    out.append(f'<text x="{width - 10}" y="{height - 4}" font-size="11" fill="#57606a" '
               f'text-anchor="end">{date.fromordinal(hi).isoformat()}</text></svg>')
    return "".join(out)
