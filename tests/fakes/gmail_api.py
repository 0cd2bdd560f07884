"""A local server that speaks the parts of the Gmail REST API a sync uses.

``users.getProfile`` (``historyId``), ``users.messages.list`` (``q`` ignored, ``labelIds``,
``maxResults``, ``pageToken``/``nextPageToken``, newest first), ``users.messages.get``
(``format=full``: headers and a base64url text/plain body), ``users.history.list``
(``startHistoryId``, ``messageAdded`` records, ``404`` for an id older than the history kept),
``429`` with ``Retry-After``, and an OAuth token endpoint (``/token``) that hands out a fresh
access token for a refresh token, so token-file refresh runs for real.

    with FakeGmail() as gmail:
        gmail.send("Series A closed", "We closed our $12M Series A", sender="ceo@acme.io")
        gmail.expire_history()  # the stored historyId now answers 404
"""

from __future__ import annotations

import base64
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse


@dataclass
class _Mail:
    id: str
    history_id: int
    labels: list[str]
    doc: dict[str, Any]


class FakeGmail:
    """One mailbox in memory behind the Gmail REST API; thread-safe."""

    def __init__(self, *, latency_s: float = 0.0, token: str = "ya29.test") -> None:
        self.latency_s = latency_s
        self.tokens = {token}
        self.mails: list[_Mail] = []
        self._by_id: dict[str, _Mail] = {}
        self.history_id = 1000
        self.oldest_history = 0
        self.calls: dict[str, int] = {}
        self.throttled = 0
        self.refreshed = 0
        self._limit_next = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def __enter__(self) -> FakeGmail:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- the mailbox ---------------------------------------------------------------------------
    def send(self, subject: str, body: str, *, sender: str = "ceo@acme.io",
             labels: tuple[str, ...] = ("INBOX",)) -> str:
        with self._lock:
            self.history_id += 1
            n = len(self.mails) + 1
            mid = f"{n:016x}"
            headers = [{"name": "From", "value": sender}, {"name": "To", "value": "vc@fund.io"},
                       {"name": "Subject", "value": subject},
                       {"name": "Message-ID", "value": f"<m{n}@acme.io>"},
                       {"name": "Date", "value": time.strftime(
                           "%a, %d %b %Y %H:%M:%S +0000", time.gmtime(1_700_000_000 + n))}]
            data = base64.urlsafe_b64encode(body.encode()).decode().rstrip("=")
            doc = {"id": mid, "threadId": mid, "labelIds": list(labels),
                   "historyId": str(self.history_id),
                   "internalDate": str((1_700_000_000 + n) * 1000),
                   "payload": {"mimeType": "text/plain", "headers": headers,
                               "body": {"size": len(body), "data": data}}}
            self.mails.append(_Mail(mid, self.history_id, list(labels), doc))
            self._by_id[mid] = self.mails[-1]
            return f"m{n}@acme.io"

    def expire_history(self) -> None:
        """Every history id up to now is gone (Gmail keeps about a week)."""
        with self._lock:
            self.oldest_history = self.history_id + 1

    def rate_limit(self, calls: int) -> None:
        with self._lock:
            self._limit_next = calls

    # -- the API -------------------------------------------------------------------------------
    def answer(self, path: str, args: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            name = path.rsplit("/users/me/", 1)[-1]
            kind = "messages.get" if name.startswith("messages/") else name
            self.calls[kind] = self.calls.get(kind, 0) + 1
            if self._limit_next > 0:
                self._limit_next -= 1
                self.throttled += 1
                return 429, {"error": {"code": 429, "message": "rateLimitExceeded"}}
            if name == "profile":
                return 200, {"emailAddress": "ceo@acme.io", "historyId": str(self.history_id)}
            if name == "messages":
                return 200, self._list(args)
            if name == "history":
                return self._history(args)
            if kind == "messages.get":
                mail = self._by_id.get(name.split("/", 1)[1])
                return (200, mail.doc) if mail else (404, {"error": {"code": 404}})
            return 404, {"error": {"code": 404, "message": f"no {path}"}}

    def _list(self, args: dict[str, list[str]]) -> dict[str, Any]:
        labels = set(args.get("labelIds", []))
        mails = [m for m in reversed(self.mails) if labels <= set(m.labels)]
        size = int(args.get("maxResults", ["100"])[0])
        start = int(args.get("pageToken", ["0"])[0])
        chunk = mails[start:start + size]
        out: dict[str, Any] = {"messages": [{"id": m.id, "threadId": m.id} for m in chunk],
                               "resultSizeEstimate": len(mails)}
        if start + size < len(mails):
            out["nextPageToken"] = str(start + size)
        return out

    def _history(self, args: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
        start = int(args["startHistoryId"][0])
        if start < self.oldest_history:
            return 404, {"error": {"code": 404, "message": "Requested entity was not found."}}
        label = args.get("labelId", [None])[0]
        added = [m for m in self.mails if m.history_id > start
                 and (label is None or label in m.labels)]
        size = int(args.get("maxResults", ["100"])[0])
        offset = int(args.get("pageToken", ["0"])[0])
        chunk = added[offset:offset + size]
        out: dict[str, Any] = {"historyId": str(self.history_id), "history": [
            {"id": str(m.history_id), "messagesAdded": [
                {"message": {"id": m.id, "threadId": m.id, "labelIds": m.labels}}]}
            for m in chunk]}
        if offset + size < len(added):
            out["nextPageToken"] = str(offset + size)
        return 200, out

    def _refresh(self, form: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            if form.get("grant_type", [""])[0] != "refresh_token":
                return 400, {"error": "unsupported_grant_type"}
            self.refreshed += 1
            token = f"ya29.refreshed-{self.refreshed}"
            self.tokens.add(token)
            return 200, {"access_token": token, "expires_in": 3600, "token_type": "Bearer"}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as Google's front ends do
            disable_nagle_algorithm = True  # headers and body are two writes

            def _send(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                if status == 429:
                    self.send_header("Retry-After", "0")
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if fake.latency_s:
                    time.sleep(fake.latency_s)
                auth = self.headers.get("Authorization", "")
                if auth.removeprefix("Bearer ") not in fake.tokens:
                    self._send(401, {"error": {"code": 401, "message": "invalid credentials"}})
                    return
                url = urlparse(self.path)
                self._send(*fake.answer(url.path, parse_qs(url.query)))

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                self._send(*fake._refresh(parse_qs(raw)))

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
