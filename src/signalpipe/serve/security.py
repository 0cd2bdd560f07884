"""Who may use the review app, and proof that a POST came from its own pages.

- Token: off loopback `SIGNALPIPE_SERVE_TOKEN` is required (the command refuses to start
  without it). A client sends it as `Authorization: Bearer ...`, or types it once into the login
  form, which sets a session cookie holding an HMAC of the token (never the token itself). Both
  are compared in constant time.
- CSRF: every page gets a random token in a cookie (SameSite=Strict, HttpOnly) and in each
  form; a POST whose form field does not match the cookie is refused (double submit). A page
  on another site can neither read the cookie nor send it.
- Headers: a Content-Security-Policy without scripts, so even text that slipped past escaping
  could not run; no framing by other sites; no sniffing; no referrer.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp

CSRF_COOKIE = "sp_csrf"
CSRF_FIELD = "csrf"
SESSION_COOKIE = "sp_session"
OPEN_PATHS = frozenset({"/login", "/static/style.css"})
"""What a visitor without the token may load: the login form and its style."""

HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; frame-src 'self'; form-action 'self'; "
                               "frame-ancestors 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
}


def session_value(token: str) -> str:
    """The session cookie for `token`: a keyed digest, so the cookie never carries the token."""
    return hmac.new(token.encode(), b"signalpipe-serve-session", hashlib.sha256).hexdigest()


def token_matches(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode(), token.encode())


def authenticated(request: Request, token: str) -> bool:
    """True for a request carrying the bearer token or a session cookie made from it."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and token_matches(value.strip(), token):
        return True
    cookie = request.cookies.get(SESSION_COOKIE, "")
    return hmac.compare_digest(cookie.encode(), session_value(token).encode())


class Guard(BaseHTTPMiddleware):
    """Asks for the token (when one is set), hands out the CSRF cookie, adds the headers."""

    def __init__(self, app: ASGIApp, *, token: str | None) -> None:
        super().__init__(app)
        self.token = token

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        known = request.cookies.get(CSRF_COOKIE, "")
        request.state.csrf = known if len(known) == 43 else secrets.token_urlsafe(32)
        if self.token and request.url.path not in OPEN_PATHS and not authenticated(
                request, self.token):
            if request.method == "GET":
                response: Response = RedirectResponse("/login", status_code=303)
            else:
                response = PlainTextResponse("The review app needs its token.",
                                             status_code=401,
                                             headers={"WWW-Authenticate": "Bearer"})
        else:
            response = await call_next(request)
        if request.state.csrf != known:
            response.set_cookie(CSRF_COOKIE, request.state.csrf, httponly=True,
                                samesite="strict", path="/")
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response


async def checked_form(request: Request) -> FormData:
    """The POSTed form, once its CSRF field matches the cookie (403 otherwise)."""
    form = await request.form()
    sent = form.get(CSRF_FIELD)
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not isinstance(sent, str) or not cookie or not hmac.compare_digest(
            sent.encode(), cookie.encode()):
        raise HTTPException(403, "This form has expired or did not come from the review app. "
                                 "Reload the page and try again.")
    return form


def field(form: FormData, name: str, *, limit: int = 2000) -> str:
    """A text field of the form, stripped and bounded ("" when absent or a file)."""
    value = form.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""
