"""A local server that speaks the parts of the Slack Web API a sync uses.

`slack_sdk.WebClient(base_url=server.url)` talks to it unpatched: ``conversations.list``,
``conversations.history`` (``oldest``/``latest``, newest first, ``limit``, opaque ``cursor``,
``has_more``, ``response_metadata.next_cursor``), ``conversations.replies`` (parent first, then
the replies oldest first), ``users.info``, and ``429`` with ``Retry-After``.

    with FakeSlack(latency_s=0.0) as slack:
        slack.channel("C1", "general")
        slack.post("C1", "we closed the Series A", user="U1")
        ...

Tests change the workspace while a sync runs: `post`, `reply`, `edit`, `delete`; `rate_limit`
makes the next N calls answer 429.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse


@dataclass
class _Channel:
    id: str
    name: str
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)  # ts -> message


def _cursor(offset: int) -> str:
    return base64.b64encode(f"offset:{offset}".encode()).decode()


def _offset(cursor: str | None) -> int:
    if not cursor:
        return 0
    return int(base64.b64decode(cursor).decode().split(":")[1])


class FakeSlack:
    """A Slack workspace in memory behind a Web API; thread-safe."""

    def __init__(self, *, latency_s: float = 0.0, token: str = "xoxb-test") -> None:
        self.latency_s = latency_s
        self.token = token
        self.channels: dict[str, _Channel] = {}
        self.users: dict[str, str] = {}
        self.calls: dict[str, int] = {}
        self.throttled = 0
        self._limit_next = 0
        self._retry_after_s = 0
        self._clock = time.time() - 86400  # ts values: strictly increasing, recent
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/"

    def __enter__(self) -> FakeSlack:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- the workspace ------------------------------------------------------------------------
    def channel(self, channel_id: str, name: str) -> None:
        self.channels[channel_id] = _Channel(channel_id, name)

    def user(self, user_id: str, real_name: str) -> None:
        self.users[user_id] = real_name

    def _ts(self) -> str:
        self._clock += 1.0
        return f"{self._clock:.6f}"

    def post(self, channel: str, text: str, *, user: str = "U1") -> str:
        with self._lock:
            ts = self._ts()
            self.channels[channel].messages[ts] = {"type": "message", "user": user,
                                                   "text": text, "ts": ts}
            return ts

    def reply(self, channel: str, parent_ts: str, text: str, *, user: str = "U1") -> str:
        with self._lock:
            ts = self._ts()
            messages = self.channels[channel].messages
            parent = messages[parent_ts]
            parent["thread_ts"] = parent_ts
            parent["reply_count"] = parent.get("reply_count", 0) + 1
            parent["latest_reply"] = ts
            messages[ts] = {"type": "message", "user": user, "text": text, "ts": ts,
                            "thread_ts": parent_ts, "parent_user_id": parent["user"]}
            return ts

    def edit(self, channel: str, ts: str, text: str) -> None:
        with self._lock:
            message = self.channels[channel].messages[ts]
            message["text"] = text
            message["edited"] = {"user": message["user"], "ts": self._ts()}

    def delete(self, channel: str, ts: str) -> None:
        with self._lock:
            del self.channels[channel].messages[ts]

    def rate_limit(self, calls: int, *, retry_after_s: int = 0) -> None:
        """The next `calls` calls answer 429 with this Retry-After."""
        with self._lock:
            self._limit_next, self._retry_after_s = calls, retry_after_s

    # -- the API -------------------------------------------------------------------------------
    def answer(self, method: str, args: dict[str, str]) -> tuple[int, dict[str, Any],
                                                                 dict[str, str]]:
        with self._lock:
            self.calls[method] = self.calls.get(method, 0) + 1
            if self._limit_next > 0:
                self._limit_next -= 1
                self.throttled += 1
                return 429, {"ok": False, "error": "ratelimited"}, {
                    "Retry-After": str(self._retry_after_s)}
            handlers: dict[str, Callable[[dict[str, str]], dict[str, Any]]] = {
                "conversations.list": self._list, "conversations.history": self._history,
                "conversations.replies": self._replies, "users.info": self._user}
            handler = handlers.get(method)
            if handler is None:
                return 200, {"ok": False, "error": "unknown_method"}, {}
            return 200, handler(args), {}

    def _page(self, items: list[Any], args: dict[str, str], key: str) -> dict[str, Any]:
        limit = int(args.get("limit") or 100)
        start = _offset(args.get("cursor"))
        chunk = items[start:start + limit]
        more = start + limit < len(items)
        return {"ok": True, key: chunk, "has_more": more,
                "response_metadata": {"next_cursor": _cursor(start + limit) if more else ""}}

    def _list(self, args: dict[str, str]) -> dict[str, Any]:
        found = [{"id": c.id, "name": c.name, "is_channel": True, "is_member": True}
                 for c in self.channels.values()]
        return self._page(found, args, "channels")

    def _history(self, args: dict[str, str]) -> dict[str, Any]:
        channel = self.channels.get(args.get("channel", ""))
        if channel is None:
            return {"ok": False, "error": "channel_not_found"}
        oldest = float(args.get("oldest") or 0)
        latest = float(args.get("latest") or "inf")
        top = [dict(m) for ts, m in channel.messages.items()
               if oldest < float(ts) < latest and m.get("thread_ts", ts) == ts]
        top.sort(key=lambda m: float(m["ts"]), reverse=True)
        return self._page(top, args, "messages")

    def _replies(self, args: dict[str, str]) -> dict[str, Any]:
        channel = self.channels.get(args.get("channel", ""))
        parent_ts = args.get("ts", "")
        if channel is None or parent_ts not in channel.messages:
            return {"ok": False, "error": "thread_not_found"}
        oldest = float(args.get("oldest") or 0)
        thread = [dict(m) for ts, m in channel.messages.items()
                  if m.get("thread_ts") == parent_ts and (ts == parent_ts or float(ts) > oldest)]
        thread.sort(key=lambda m: float(m["ts"]))
        return self._page(thread, args, "messages")

    def _user(self, args: dict[str, str]) -> dict[str, Any]:
        uid = args.get("user", "")
        if uid not in self.users:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": {"id": uid, "name": uid.lower(),
                                     "real_name": self.users[uid],
                                     "profile": {"real_name": self.users[uid]}}}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            disable_nagle_algorithm = True  # headers and body are two writes

            def _serve(self, args: dict[str, str]) -> None:
                if fake.latency_s:
                    time.sleep(fake.latency_s)
                headers: dict[str, str] = {}
                if self.headers.get("Authorization") != f"Bearer {fake.token}":
                    status, body = 200, {"ok": False, "error": "invalid_auth"}
                else:
                    method = urlparse(self.path).path.rsplit("/", 1)[-1]
                    status, body, headers = fake.answer(method, args)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                query = parse_qs(urlparse(self.path).query)
                self._serve({k: v[0] for k, v in query.items()})

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    self._serve({k: str(v) for k, v in json.loads(raw or "{}").items()})
                else:
                    self._serve({k: v[0] for k, v in parse_qs(raw).items()})

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
