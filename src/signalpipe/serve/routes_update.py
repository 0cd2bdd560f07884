"""The draft update: preview (HTML in a sandboxed frame, plain text), downloads of the .md,
.html and .eml, and sending over SMTP behind a confirmation page."""

from __future__ import annotations

import logging
import time
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from signalpipe.compose.eml import SendError, send
from signalpipe.serve.draft import Draft, build_draft, record_sent
from signalpipe.serve.pages import desk, period_of, render
from signalpipe.serve.security import checked_form, field

logger = logging.getLogger(__name__)

DOWNLOADS = {
    "md": ("investor_update.md", "text/markdown; charset=utf-8"),
    "html": ("investor_update.html", "text/html; charset=utf-8"),
    "eml": ("investor_update.eml", "message/rfc822"),
}
"""What can be downloaded: a fixed name per format (nothing in the request names a file)."""


def require_review(request: Request) -> bool:
    return desk(request).settings.update.require_review


REUSE_S = 10.0
"""How long a draft is reused for the same period while the review log is unchanged: the
update page, its preview frame and a download right after build one draft, not three (at
10,000 events a draft takes a second or two)."""


def _draft(request: Request, *, fresh: bool = False) -> tuple[Draft, str]:
    period, period_q = period_of(request)
    d = desk(request)
    key = (period, len(d.reviews.review_log(d.company)))
    cache: dict[object, tuple[float, Draft]] = request.app.state.drafts
    hit = cache.get(key)
    if hit is not None and not fresh and time.monotonic() - hit[0] < REUSE_S:
        return hit[1], period_q
    draft = build_draft(d, period)
    cache.clear()  # one draft kept: the latest
    cache[key] = (time.monotonic(), draft)
    return draft, period_q


async def update_page(request: Request) -> Response:
    draft, period_q = _draft(request)
    query = urlencode({"period": period_q}) if period_q else ""
    return render(request, "update.html", draft=draft, period_q=period_q, query=query,
                  require_review=require_review(request),
                  recipients=list(desk(request).settings.update.to))


async def preview(request: Request) -> Response:
    """The HTML update alone, for the preview frame (its own inline style; no script)."""
    draft, _ = _draft(request)
    return Response(draft.html, media_type="text/html; charset=utf-8")


async def download(request: Request) -> Response:
    fmt = request.path_params["fmt"]
    if fmt not in DOWNLOADS:
        raise HTTPException(404, "Downloads are md, html and eml.")
    name, media = DOWNLOADS[fmt]
    draft, _ = _draft(request)
    body = {"md": draft.markdown, "html": draft.html,
            "eml": draft.message.as_string()}[fmt]
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


async def confirm_send(request: Request) -> Response:
    draft, period_q = _draft(request)
    return render(request, "send.html", draft=draft, period_q=period_q,
                  recipients=list(desk(request).settings.update.to),
                  smtp=desk(request).settings.update.smtp, sent=None, error=None)


async def do_send(request: Request) -> Response:
    form = await checked_form(request)
    if field(form, "confirm") != "yes":
        raise HTTPException(400, "Tick the confirmation box to send the update.")
    draft, period_q = _draft(request, fresh=True)  # what goes out is read now
    settings = desk(request).settings
    sent: list[str] | None = None
    error: str | None = None
    try:
        sent = send(draft.message, settings.update.smtp)
        record_sent(desk(request), draft, sent)
    except SendError as exc:
        error = str(exc)
        logger.warning("update not sent: %s", exc)
    return render(request, "send.html", status_code=200 if sent else 502, draft=draft,
                  period_q=period_q, recipients=list(settings.update.to),
                  smtp=settings.update.smtp, sent=sent, error=error)


ROUTES = [
    Route("/update", update_page),
    Route("/update/preview.html", preview),
    Route("/update/download/{fmt}", download),
    Route("/update/send", confirm_send, methods=["GET"]),
    Route("/update/send", do_send, methods=["POST"]),
]
