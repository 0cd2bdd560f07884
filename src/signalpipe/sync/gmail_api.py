"""Gmail REST API -> Message, incrementally (`signalpipe sync gmail`).

The first sync notes the mailbox's ``historyId`` (``users.getProfile``), then lists
(``users.messages.list`` with the settings' query and labels) and fetches each message; later
syncs ask ``users.history.list`` for messages added since the stored ``historyId``. History
older than about a week is gone: a ``404`` falls back to a re-list bounded by ``max_relist``
(newest first), whose messages already stored are replays the message store absorbs (ids come
from Message-ID), so nothing is duplicated.

The cursor (scope ``history``) is a JSON document: ``history_id`` once a sync completed, and
``list`` / ``next`` while one is part-way (the page token to resume from), so a killed sync
resumes at the page it had not acknowledged.

HTTP goes through google-auth's `AuthorizedSession` (it refreshes a token file's access token
on a 401) with urllib3 retries that honour ``Retry-After`` on 429 and 5xx.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Self

from signalpipe.errors import ConfigError, SourceError
from signalpipe.settings import Settings
from signalpipe.sources.base import Item
from signalpipe.sources.gmail_json import GmailJSONSource
from signalpipe.stores.state import Cursor
from signalpipe.sync.base import CursorLookup, Page, Sync

try:
    import requests
    from google.auth.transport.requests import AuthorizedSession
    from google.oauth2.credentials import Credentials
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry
except ImportError as e:  # pragma: no cover - depends on the installed extras
    raise ImportError('install "signalpipe[live]" to use GmailSync') from e

logger = logging.getLogger(__name__)

GMAIL_URL = "https://gmail.googleapis.com/"
_SCOPE = "history"


class HistoryExpired(Exception):
    """The stored historyId is older than the history Gmail keeps (a 404)."""


class GmailSync(Sync):
    """Reads one mailbox (``users/me``) since the stored historyId."""

    source = "gmail"

    def __init__(self, session: requests.Session, *, company_id: str, base_url: str = GMAIL_URL,
                 query: str = "", labels: list[str] | None = None, page_size: int = 100,
                 max_relist: int = 2000, timeout_s: float = 30.0,
                 fetch_concurrency: int = 8) -> None:
        self.session = session
        self.base = base_url.rstrip("/") + "/gmail/v1/users/me/"
        self.company_id = company_id
        self.query = query
        self.labels = list(labels or [])
        self.page_size = page_size
        self.max_relist = max_relist
        self.timeout_s = timeout_s
        self.fetch_concurrency = fetch_concurrency
        self.convert = GmailJSONSource(Path("gmail-api"), company_id=company_id).convert

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        g = settings.gmail
        return cls(authorized_session(settings), company_id=settings.company_id,
                   base_url=g.api_url or GMAIL_URL, query=g.query, labels=g.labels,
                   page_size=g.page_size, max_relist=g.max_relist,
                   fetch_concurrency=g.fetch_concurrency)

    # -- HTTP ----------------------------------------------------------------------------------
    def _get(self, path: str, **params: Any) -> dict[str, Any]:
        try:
            response = self.session.get(self.base + path, params=params, timeout=self.timeout_s)
        except requests.RequestException as exc:
            raise SourceError(f"gmail {path} failed: {exc}") from None
        if response.status_code == 404 and path == "history":
            raise HistoryExpired
        if response.status_code != 200:
            raise SourceError(f"gmail {path} failed: HTTP {response.status_code}: "
                              f"{response.text[:200]}")
        data: dict[str, Any] = response.json()
        return data

    def _fetch(self, ids: list[str]) -> list[Item]:
        """users.messages.get for each id, `fetch_concurrency` at a time (one request per
        message is where a sync spends its time), in the order listed."""
        def one(message_id: str) -> Item:
            return self.convert(self._get(f"messages/{message_id}", format="full"),
                                f"gmail:{message_id}")

        if self.fetch_concurrency <= 1 or len(ids) <= 1:
            return [one(i) for i in ids]
        with ThreadPoolExecutor(max_workers=self.fetch_concurrency) as pool:
            return list(pool.map(one, ids))

    # -- the sync ------------------------------------------------------------------------------
    def _cursor(self, state: dict[str, Any]) -> list[Cursor]:
        return [Cursor(self.company_id, self.source, _SCOPE, json.dumps(state, sort_keys=True))]

    def pages(self, cursor: CursorLookup) -> Iterator[Page]:
        stored = cursor(_SCOPE)
        state: dict[str, Any] = json.loads(stored) if stored else {}
        if "list" in state:  # a (re-)list was part-way
            yield from self._list(state, limit=state["list"].get("limit"))
            return
        if not state.get("history_id"):
            yield from self._list({"list": {"start": self._history_now()}}, limit=None)
            return
        try:
            yield from self._history(state)
        except HistoryExpired:
            logger.warning("gmail historyId %s expired: re-listing at most %d messages",
                           state["history_id"], self.max_relist)
            yield from self._list({"list": {"start": self._history_now(),
                                            "limit": self.max_relist}},
                                  limit=self.max_relist)

    def _history_now(self) -> str:
        return str(self._get("profile")["historyId"])

    def _list(self, state: dict[str, Any], *, limit: int | None) -> Iterator[Page]:
        run = state["list"]
        listed = int(run.get("listed", 0))
        while True:
            size = self.page_size if limit is None else min(self.page_size, limit - listed)
            params: dict[str, Any] = {"maxResults": size, "pageToken": run.get("next")}
            if self.query:
                params["q"] = self.query
            if self.labels:
                params["labelIds"] = self.labels
            data = self._get("messages", **params)
            ids = [str(m["id"]) for m in data.get("messages") or []]
            page = Page(items=self._fetch(ids), calls=1 + len(ids))
            listed += len(ids)
            following = data.get("nextPageToken")
            if following and (limit is None or listed < limit):
                run.update(next=following, listed=listed)
                page.cursors = self._cursor(state)
                yield page
                continue
            # Done: from now on, history since the id noted before listing began.
            page.cursors = self._cursor({"history_id": run["start"]})
            yield page
            return

    def _history(self, state: dict[str, Any]) -> Iterator[Page]:
        start = state["history_id"]
        token = state.get("next")
        while True:
            params: dict[str, Any] = {"startHistoryId": start, "historyTypes": "messageAdded",
                                      "maxResults": self.page_size, "pageToken": token}
            if self.labels:
                params["labelId"] = self.labels[0]
            data = self._get("history", **params)
            ids = list(dict.fromkeys(
                str(added["message"]["id"]) for record in data.get("history") or []
                for added in record.get("messagesAdded") or []))
            page = Page(items=self._fetch(ids), calls=1 + len(ids))
            token = data.get("nextPageToken")
            if token:
                page.cursors = self._cursor({"history_id": start, "next": token})
                yield page
                continue
            page.cursors = self._cursor({"history_id": str(data.get("historyId") or start)})
            yield page
            return


def authorized_session(settings: Settings) -> requests.Session:
    """A session carrying the OAuth token (GMAIL_ACCESS_TOKEN, else gmail.token_file), with
    retries on 429 and 5xx that honour Retry-After."""
    token = settings.gmail_token()
    if token is not None:
        credentials = Credentials(  # type: ignore[no-untyped-call]
            token=token.get_secret_value())
    elif settings.gmail.token_file is not None:
        try:
            credentials = Credentials.from_authorized_user_file(  # type: ignore[no-untyped-call]
                str(settings.gmail.token_file))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"gmail.token_file {settings.gmail.token_file}: {exc}") from None
        if settings.gmail.token_uri:
            credentials = credentials.with_token_uri(settings.gmail.token_uri)
    else:
        raise ConfigError("no Gmail token: set GMAIL_ACCESS_TOKEN (environment or .env) or "
                          "gmail.token_file (an authorized-user JSON with a refresh token)")
    session = AuthorizedSession(credentials)  # type: ignore[no-untyped-call]
    retry = Retry(total=settings.gmail.max_retries, status_forcelist=(429, 500, 502, 503, 504),
                  allowed_methods=("GET",), backoff_factor=0.2, respect_retry_after_header=True,
                  raise_on_status=False)
    pool = max(10, settings.gmail.fetch_concurrency)  # a connection per concurrent fetch
    for scheme in ("http://", "https://"):
        session.mount(scheme, HTTPAdapter(max_retries=retry, pool_maxsize=pool))
    return session
