"""A local HTTP server that speaks the Gemini and OpenAI chat APIs with scripted replies.

Tests point the real SDKs at it (STYLE rule 7: no paid or remote API in tests), so the code under
test runs unpatched: request building, SDK error mapping, our retries and validation.

    with FakeLLMServer() as server:
        server.script(error(429), answer({"events": []}))
        ...  # client with base_url=server.gemini_url or server.openai_url

Each request takes the next scripted reply; when the script is empty, `server.responder` decides
(by default: no events). Every request is recorded with its JSON body.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

Api = Literal["gemini", "openai"]


@dataclass(frozen=True)
class Request:
    """One request the server received."""

    api: Api
    path: str
    body: dict[str, Any]

    @property
    def turns(self) -> list[tuple[str, str]]:
        """(role, text) of each conversation turn, system prompt first when there is one."""
        if self.api == "openai":
            return [(m["role"], m["content"]) for m in self.body.get("messages", [])]
        turns = []
        system = self.body.get("systemInstruction") or self.body.get("system_instruction")
        if system:
            turns.append(("system", "".join(p.get("text", "") for p in system["parts"])))
        for content in self.body.get("contents", []):
            role = "assistant" if content.get("role") == "model" else "user"
            turns.append((role, "".join(p.get("text", "") for p in content["parts"])))
        return turns

    @property
    def prompt_chars(self) -> int:
        return sum(len(text) for _, text in self.turns)

    def messages(self) -> list[dict[str, Any]]:
        """The JSON-lines records inside the <messages> block of the first user turn."""
        user = next(text for role, text in self.turns if role == "user")
        block = re.search(r"<messages>\n(.*?)\n</messages>", user, re.DOTALL)
        if block is None:
            return []
        return [json.loads(line) for line in block.group(1).splitlines() if line.strip()]


@dataclass(frozen=True)
class Reply:
    """What to answer: the model's text (wrapped in the API's envelope), or an HTTP error."""

    text: str = '{"events": []}'
    status: int = 200
    delay_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


Script = Reply | Callable[[Request], Reply]


def answer(payload: Any) -> Reply:
    """A successful reply whose text is `payload` as JSON (or as-is when a string)."""
    return Reply(text=payload if isinstance(payload, str) else json.dumps(payload))


def error(status: int, *, retry_after_s: float | None = None) -> Reply:
    """An HTTP error such as 429 or 500."""
    headers = {} if retry_after_s is None else {"Retry-After": str(retry_after_s)}
    return Reply(status=status, headers=headers)


def hang(delay_s: float) -> Reply:
    """A reply that arrives only after `delay_s`, to trip the client's timeout."""
    return Reply(delay_s=delay_s)


def tokens(chars: int) -> int:
    """The usual rough count: four characters per token."""
    return max(1, chars // 4)


_STATUS_NAMES = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 429: "RESOURCE_EXHAUSTED",
                 500: "INTERNAL", 503: "UNAVAILABLE"}


class FakeLLMServer:
    """Serves ``POST /v1beta/models/{model}:generateContent`` and ``POST /v1/chat/completions``."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.responder: Callable[[Request], Reply] = lambda _request: Reply()
        self.max_in_flight = 0
        self._queue: deque[Script] = deque()
        self._lock = threading.Lock()
        self._in_flight = 0
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        # A short poll interval keeps shutdown (once per test) from costing half a second.
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.01,),
                                        daemon=True)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def gemini_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def openai_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> FakeLLMServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def script(self, *replies: Script) -> None:
        """Queue replies for the next requests, in order."""
        with self._lock:
            self._queue.extend(replies)

    def _next(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
            item = self._queue.popleft() if self._queue else self.responder
        return item if isinstance(item, Reply) else item(request)

    def _done(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                api: Api | None = ("gemini" if ":generateContent" in self.path else
                                   "openai" if self.path.endswith("/chat/completions") else None)
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                if api is None:
                    self._send(404, {"error": {"message": f"no route {self.path}"}}, {})
                    return
                request = Request(api, self.path, body)
                try:
                    reply = server._next(request)
                    time.sleep(reply.delay_s)
                    self._send(reply.status, _envelope(request, reply), reply.headers)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test): nothing to answer
                finally:
                    server._done()

            def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


def _envelope(request: Request, reply: Reply) -> dict[str, Any]:
    if reply.status >= 400:
        status = _STATUS_NAMES.get(reply.status, "UNKNOWN")
        return {"error": {"code": reply.status, "message": f"fake {reply.status}",
                          "status": status, "type": status.lower()}}
    used_in, used_out = tokens(request.prompt_chars), tokens(len(reply.text))
    if request.api == "gemini":
        return {
            "candidates": [{"content": {"role": "model", "parts": [{"text": reply.text}]},
                            "finishReason": "STOP", "index": 0}],
            "usageMetadata": {"promptTokenCount": used_in, "candidatesTokenCount": used_out,
                              "totalTokenCount": used_in + used_out},
            "modelVersion": request.path.split("/models/")[-1].split(":")[0],
        }
    return {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
        "model": request.body.get("model", "fake"),
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": reply.text}}],
        "usage": {"prompt_tokens": used_in, "completion_tokens": used_out,
                  "total_tokens": used_in + used_out},
    }
