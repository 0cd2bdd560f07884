"""The run view: funnel, dead letters (reason and origin), extraction cost."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from signalpipe.serve.pages import desk, render
from signalpipe.serve.runview import run_view


async def run_page(request: Request) -> Response:
    return render(request, "run.html", view=run_view(desk(request)))


ROUTES = [Route("/run", run_page)]
