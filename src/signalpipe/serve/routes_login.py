"""The login form, for a browser on a server bound off loopback (a script sends the token as a
bearer header instead)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from signalpipe.serve.pages import render
from signalpipe.serve.security import (
    SESSION_COOKIE,
    checked_form,
    field,
    session_value,
    token_matches,
)


async def login_form(request: Request) -> Response:
    return render(request, "login.html", failed=False, needed=bool(request.app.state.token))


async def login(request: Request) -> Response:
    form = await checked_form(request)
    token: str | None = request.app.state.token
    if not token:
        return RedirectResponse("/events", status_code=303)
    if not token_matches(field(form, "token", limit=500), token):
        return render(request, "login.html", status_code=401, failed=True, needed=True)
    response = RedirectResponse("/events", status_code=303)
    response.set_cookie(SESSION_COOKIE, session_value(token), httponly=True,
                        samesite="strict", path="/")
    return response


ROUTES = [Route("/login", login_form, methods=["GET"]),
          Route("/login", login, methods=["POST"])]
