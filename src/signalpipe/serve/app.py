"""The review app (`signalpipe serve`): Starlette routes over the stores, server-rendered.

`create_app` takes an open `Desk` (the stores and the review log), so tests hand it stores of
their own; the command opens the ones the settings name.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from signalpipe.serve import routes_events, routes_kpis, routes_run, routes_update
from signalpipe.serve.desk import Desk
from signalpipe.serve.pages import render
from signalpipe.serve.security import Guard

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


async def _error(request: Request, exc: Exception) -> Response:
    code = exc.status_code if isinstance(exc, HTTPException) else 500
    detail = exc.detail if isinstance(exc, HTTPException) else "Something went wrong."
    return render(request, "error.html", status_code=code, code=code, detail=detail)


def create_app(desk: Desk, *, token: str | None = None,
               allowed_hosts: Sequence[str] = LOOPBACK_HOSTS, close_desk: bool = False
               ) -> Starlette:
    """The app over `desk`.

    Args:
        desk: the stores and the review log it reads and writes.
        token: when set, every page but the login form needs it (bearer or session cookie).
        allowed_hosts: Host headers answered (loopback by default: a page on another site
            that points a DNS name at 127.0.0.1 gets nothing).
        close_desk: close the stores when the server stops.
    """
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if close_desk:
                desk.close()

    from signalpipe.serve import routes_login

    static = StaticFiles(packages=[("signalpipe.serve", "static")])
    app = Starlette(
        routes=[*routes_events.ROUTES, *routes_kpis.ROUTES, *routes_update.ROUTES,
                *routes_run.ROUTES, *routes_login.ROUTES, Mount("/static", static)],
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)),
                    Middleware(Guard, token=token)],
        exception_handlers={HTTPException: _error, 500: _error},
        lifespan=lifespan)
    app.state.desk = desk
    app.state.token = token
    app.state.drafts = {}
    return app
