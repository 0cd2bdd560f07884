"""The KPIs page: one chart per metric (the update's own SVG drawing code), and each same-day
conflict with both figures' sources."""

from __future__ import annotations

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from signalpipe.charts import step_chart
from signalpipe.kpis import ledger
from signalpipe.serve.draft import kpi_rows, reviewed_events
from signalpipe.serve.pages import desk, period_of, render


async def kpis_page(request: Request) -> Response:
    d = desk(request)
    period, period_q = period_of(request)
    events = reviewed_events(d, d.states(), approved_only=False)
    lines = ledger(kpi_rows(events), since=period.since, until=period.until)
    cited = {i for line in lines for o in [line.now, *line.conflicts]
             for i in o.source_message_ids[:2]}
    messages = {m.id: m for m in d.messages.get_many(sorted(cited))} if cited else {}
    by_source = {i: e for e in events for i in e.source_message_ids[:3]}
    charts = {line.metric: Markup(step_chart(line, width=520, height=140)) for line in lines}
    return render(request, "kpis.html", lines=lines, charts=charts, messages=messages,
                  by_source=by_source, period=period, period_q=period_q)


ROUTES = [Route("/kpis", kpis_page)]
