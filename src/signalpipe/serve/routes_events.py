"""The events inbox and one event's page, and the review actions (each a POST with a CSRF
token that appends one decision to the review log, then redirects to a fixed page)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from signalpipe.models import EventType, MetricValue, Polarity
from signalpipe.periods import Period
from signalpipe.review import ReviewAction, ReviewStatus
from signalpipe.review_target import metric_value
from signalpipe.serve.inbox import (
    PAGE_SIZE,
    Filters,
    Row,
    apply_filters,
    find_row,
    load_rows,
    quotes,
    twins,
)
from signalpipe.serve.neighbours import around_each, neighbours
from signalpipe.serve.pages import desk, period_of, render
from signalpipe.serve.security import checked_form, field

METRIC_NAME = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
FILTER_KEYS = ("type", "polarity", "status", "source", "period", "since", "until", "page")
CHOICES = {"type": [t.value for t in EventType], "polarity": [p.value for p in Polarity],
           "status": [s.value for s in ReviewStatus], "source": ["slack", "gmail"]}


def _filters(request: Request) -> Filters:
    q = request.query_params
    values = {k: q.get(k, "") for k in CHOICES}
    for key, value in values.items():
        if value and value not in CHOICES[key]:
            raise HTTPException(400, f"unknown {key} {value!r}")
    return Filters(values["type"], values["polarity"], values["status"], values["source"])


def _page_number(request: Request) -> int:
    try:
        return max(int(request.query_params.get("page", "1")), 1)
    except ValueError:
        raise HTTPException(400, "page must be a number") from None


async def inbox(request: Request) -> Response:
    d = desk(request)
    period, period_q = period_of(request)
    filters = _filters(request)
    listing = apply_filters(d, load_rows(d, period), filters)
    page = _page_number(request)
    rows = listing.rows[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
    pages = max((listing.total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    q = request.query_params
    base = filters.query(period=period_q, since=q.get("since", ""), until=q.get("until", ""))
    return render(request, "inbox.html", rows=rows, quotes=quotes(d, rows), listing=listing,
                  around=around_each(d, rows, listing.rows), twins=twins(rows, listing.rows),
                  filters=filters, choices=CHOICES, period=period, period_q=period_q,
                  page=page, pages=pages, keep={**base, "page": str(page)},
                  prev_q=urlencode({**base, "page": page - 1}),
                  next_q=urlencode({**base, "page": page + 1}))


def _row_or_404(request: Request, rows: list[Row] | None = None) -> Row:
    fingerprint = request.path_params["fingerprint"]
    if rows is None:
        found = find_row(desk(request), fingerprint)
    else:
        found = next((r for r in rows if r.event.fingerprint == fingerprint), None)
    if found is None:
        raise HTTPException(404, "No event with that id (it may have been retracted).")
    return found


async def event_page(request: Request) -> Response:
    d = desk(request)
    rows = load_rows(d, Period())
    row = _row_or_404(request, rows)
    source, before, after = neighbours(d, row, rows)
    same_type = [r for r in rows if r.event.event_type is row.event.event_type
                 and r.event.fingerprint != row.event.fingerprint
                 and r.state.status is not ReviewStatus.MERGED][:100]
    return render(request, "event.html", row=row, quotes=quotes(d, [row], per_event=5).get(
        row.event.fingerprint, []), source=source, before=before, after=after,
        merge_targets=same_type, history=list(reversed(row.state.history)))


def _back(request: Request, form: FormData, fingerprint: str) -> RedirectResponse:
    """Where an action returns: the inbox with its filters (query only, the path is fixed),
    or the event's page."""
    if field(form, "back_to") == "inbox":
        query = {k: v for k in FILTER_KEYS if (v := field(form, k, limit=40))}
        target = "/events" + (f"?{urlencode(query)}" if query else "")
        return RedirectResponse(target + f"#ev-{fingerprint}", status_code=303)
    return RedirectResponse(f"/events/{fingerprint}", status_code=303)


async def approve(request: Request) -> Response:
    form = await checked_form(request)
    row = _row_or_404(request)
    desk(request).decide(row.event.fingerprint, ReviewAction.APPROVE,
                         reason=field(form, "reason"))
    return _back(request, form, row.event.fingerprint)


async def reject(request: Request) -> Response:
    form = await checked_form(request)
    row = _row_or_404(request)
    reason = field(form, "reason")
    if not reason:
        raise HTTPException(400, "Say why this event is rejected (the reason is kept in the "
                                 "review log).")
    desk(request).decide(row.event.fingerprint, ReviewAction.REJECT, reason=reason)
    return _back(request, form, row.event.fingerprint)


async def reopen(request: Request) -> Response:
    form = await checked_form(request)
    row = _row_or_404(request)
    desk(request).decide(row.event.fingerprint, ReviewAction.REOPEN)
    return _back(request, form, row.event.fingerprint)


def edited_metrics(form: FormData, row: Row) -> dict[str, MetricValue]:
    """The whole new metrics: each shown metric's field (emptied: removed), plus a new one."""
    out: dict[str, MetricValue] = {}
    for name in row.metrics:
        value = field(form, f"metric.{name}", limit=200)
        if value:
            out[name] = metric_value(value)
    new_name = field(form, "new_metric", limit=60).lower()
    new_value = field(form, "new_value", limit=200)
    if new_name or new_value:
        if not METRIC_NAME.match(new_name) or not new_value:
            raise HTTPException(400, "A new metric needs a name (lower case letters, digits "
                                     "and _, like arr_usd) and a value.")
        out[new_name] = metric_value(new_value)
    return out


async def edit(request: Request) -> Response:
    form = await checked_form(request)
    row = _row_or_404(request)
    title = field(form, "title", limit=300)
    metrics = edited_metrics(form, row)
    if not title:
        raise HTTPException(400, "The title cannot be empty.")
    new_title = title if title != row.title else None
    new_metrics = metrics if metrics != dict(row.metrics) else None
    if new_title is not None or new_metrics is not None:
        desk(request).decide(row.event.fingerprint, ReviewAction.EDIT,
                             reason=field(form, "reason"), title=new_title,
                             metrics=new_metrics)
    return _back(request, form, row.event.fingerprint)


async def merge(request: Request) -> Response:
    form = await checked_form(request)
    row = _row_or_404(request)
    into = field(form, "into", limit=100)
    target = find_row(desk(request), into) if into else None
    if target is None or target.event.fingerprint == row.event.fingerprint:
        raise HTTPException(400, "Choose another event to merge this one into.")
    desk(request).decide(row.event.fingerprint, ReviewAction.MERGE, into=into,
                         reason=field(form, "reason"))
    return RedirectResponse(f"/events/{into}", status_code=303)


async def confidential(request: Request) -> Response:
    form = await checked_form(request)
    row = _row_or_404(request)
    hide = field(form, "confidential") != "off"
    desk(request).decide(row.event.fingerprint,
                         ReviewAction.CONFIDENTIAL if hide else ReviewAction.PUBLIC)
    return _back(request, form, row.event.fingerprint)


ROUTES = [
    Route("/", lambda request: RedirectResponse("/events", status_code=303)),
    Route("/events", inbox),
    Route("/events/{fingerprint}", event_page),
    Route("/events/{fingerprint}/approve", approve, methods=["POST"]),
    Route("/events/{fingerprint}/reject", reject, methods=["POST"]),
    Route("/events/{fingerprint}/reopen", reopen, methods=["POST"]),
    Route("/events/{fingerprint}/edit", edit, methods=["POST"]),
    Route("/events/{fingerprint}/merge", merge, methods=["POST"]),
    Route("/events/{fingerprint}/confidential", confidential, methods=["POST"]),
]
