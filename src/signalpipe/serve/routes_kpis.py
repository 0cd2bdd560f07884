"""The KPIs page: one chart per metric (the update's own SVG drawing code) from the ledger as
reviewed, and each same-day conflict with every figure's sources and a way to pick the right
one (a `PICK_KPI` decision; "undo" reopens it)."""

from __future__ import annotations

from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from signalpipe.charts import step_chart
from signalpipe.kpis import ledger
from signalpipe.review import ReviewAction
from signalpipe.review_kpis import KpiConflict
from signalpipe.reviewed import View, kpi_conflicts, review_states, reviewed_kpis
from signalpipe.serve.desk import Desk
from signalpipe.serve.pages import desk, period_of, render
from signalpipe.serve.security import checked_form, field

MAX_CONFLICTS = 20
"""Conflicts listed at once, newest day first (a pick removes one; the next comes up)."""


def _conflicts(d: Desk) -> list[KpiConflict]:
    return kpi_conflicts(d.events, d.company, d.settings, View.REVIEW)


async def kpis_page(request: Request) -> Response:
    d = desk(request)
    period, period_q = period_of(request)
    states = review_states(d.events, d.company)
    rows = reviewed_kpis(d.events, d.company, d.settings, View.REVIEW, states=states)
    lines = ledger(rows, since=period.since, until=period.until)
    found = [c for c in kpi_conflicts(d.events, d.company, d.settings, View.REVIEW,
                                      states=states) if period.holds(c.day)]
    more = max(len(found) - MAX_CONFLICTS, 0)
    found = found[:MAX_CONFLICTS]
    cited = sorted({i for c in found for o in c.options for i in o.source_message_ids[:2]})
    messages = {m.id: m for m in d.messages.get_many(cited)} if cited else {}
    charts = {line.metric: Markup(step_chart(line, width=520, height=140)) for line in lines
              if len(line.history) > 1}
    return render(request, "kpis.html", lines=lines, charts=charts, conflicts=found, more=more,
                  messages=messages, period=period, period_q=period_q)


def _conflict_or_400(request: Request, fingerprint: str) -> KpiConflict:
    for c in _conflicts(desk(request)):
        if c.fingerprint == fingerprint:
            return c
    raise HTTPException(400, "That conflict is no longer there (a review settled it).")


async def pick(request: Request) -> Response:
    form = await checked_form(request)
    conflict = _conflict_or_400(request, field(form, "conflict", limit=200))
    value = next((o.value for o in conflict.options if str(o.value) == field(form, "value")),
                 None)
    if value is None:
        raise HTTPException(400, "Pick one of the figures the messages state.")
    desk(request).decide(conflict.fingerprint, ReviewAction.PICK_KPI, metrics={"value": value})
    return RedirectResponse(f"/kpis#conflict-{conflict.metric}-{conflict.day}", status_code=303)


async def unpick(request: Request) -> Response:
    form = await checked_form(request)
    conflict = _conflict_or_400(request, field(form, "conflict", limit=200))
    desk(request).decide(conflict.fingerprint, ReviewAction.REOPEN)
    return RedirectResponse(f"/kpis#conflict-{conflict.metric}-{conflict.day}", status_code=303)


ROUTES = [Route("/kpis", kpis_page),
          Route("/kpis/pick", pick, methods=["POST"]),
          Route("/kpis/unpick", unpick, methods=["POST"])]
