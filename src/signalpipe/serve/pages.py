"""Templates (shipped in the package, autoescaped) and the helpers every page uses."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse

from signalpipe.errors import ConfigError
from signalpipe.formatting import format_metric, metric_label
from signalpipe.inert import terminal
from signalpipe.kpis import show, show_change
from signalpipe.periods import Period, resolve
from signalpipe.quotes import readable
from signalpipe.serve.desk import Desk


def _inert(text: object) -> str:
    """Message text as text: terminal escapes and other controls shown as \\x1b, never acted
    on (autoescape then makes the markup characters inert)."""
    return terminal(str(text))


def _metric(item: tuple[str, object]) -> str:
    name, value = item
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        return format_metric(name, value)
    return f"{name}: {value}"


_SPACE_FIRST = re.compile(r"[*_~`#>]*\s")
_SPACE_LAST = re.compile(r"\s[*_~`#>]*$")  # "revenue\n\n**" before "Result**: ..."


def _readable(text: str) -> str:
    """A quote's part without Markdown, keeping the space that joins it to its neighbours."""
    lead = " " if _SPACE_FIRST.match(text) else ""
    tail = " " if _SPACE_LAST.search(text) else ""
    plain = readable(text)
    return f"{lead}{plain}{tail}" if plain else lead or tail


_STATED_IN = re.compile(r"\s*Stated in [\d,]+ messages?\.\s*$")


def _beyond_title(description: str, title: str) -> str:
    """What a description says besides the title: the rules extractor's "<title>. Stated in
    1 message." repeats the title and counts the messages of the first sighting, which read
    "1 message" under a head saying "2 sources" once the event was merged."""
    rest = _STATED_IN.sub("", description).strip()
    return "" if rest.rstrip(".") in ("", title.rstrip(".")) else rest


def _when(unix_s: float | None) -> str:
    if unix_s is None:
        return ""
    return datetime.fromtimestamp(unix_s, UTC).strftime("%Y-%m-%d %H:%M UTC")


ENV = Environment(loader=PackageLoader("signalpipe.serve", "templates"),
                  autoescape=select_autoescape(default=True, default_for_string=True),
                  trim_blocks=True, lstrip_blocks=True)
ENV.filters["inert"] = _inert
ENV.filters["metric"] = _metric
ENV.filters["metric_label"] = metric_label
ENV.filters["when"] = _when
ENV.filters["readable"] = _readable
ENV.filters["beyond_title"] = _beyond_title
ENV.globals.update(show=show, show_change=show_change)


def desk(request: Request) -> Desk:
    found: Desk = request.app.state.desk
    return found


def render(request: Request, name: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    values.setdefault("company", desk(request).settings.update.company_name
                      or desk(request).company)
    token = getattr(request.state, "csrf", "")  # "" on an error before the guard ran
    field = Markup('<input type="hidden" name="csrf" value="{}">').format(token)
    html = ENV.get_template(name).render(request=request, csrf=token, csrf_field=field,
                                         **values)
    return HTMLResponse(html, status_code=status_code)


def period_of(request: Request) -> tuple[Period, str]:
    """The period the query names (`period=2026-01` or `since`/`until`), and the query value
    to carry in links; a bad value is a 400 with the reason."""
    q = request.query_params
    period = q.get("period") or None
    since, until = q.get("since") or None, q.get("until") or None
    try:
        return resolve(period, since, until), period or ""
    except ConfigError as exc:
        raise HTTPException(400, str(exc)) from None
