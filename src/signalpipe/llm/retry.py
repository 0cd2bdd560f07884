"""Our retry policy, reply validation and the one failure mapper, the same for every provider.

Provider modules (gemini.py, openai_compat.py) only translate a `ChatRequest` into one SDK call and
SDK failures into `ProviderError` (through `http_failure` and `transport_error` here). Everything
that decides *whether to try again* lives here, so the policy is ours, the same for every
provider, and counted: the SDKs' own retries are off.
"""

from __future__ import annotations

import json
import logging
import random
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from signalpipe.errors import ExtractionError
from signalpipe.llm.base import ChatClient, ChatRequest, ProviderError, Turn

logger = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)

_REPAIR_ECHO_CHARS = 2000
"""How much of an invalid reply to echo back: enough to show the mistake, not a second bill."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Bounded retries with exponential backoff and full jitter (AWS "full jitter").

    Full jitter spreads concurrent workers that hit the same 429 apart instead of letting them
    retry in lockstep. Tests pass tiny delays.
    """

    max_retries: int = 3
    base_delay_s: float = 0.5
    max_delay_s: float = 30.0

    def delay_s(self, retry: int, retry_after_s: float | None = None) -> float:
        """Seconds to wait before retry number `retry` (0-based)."""
        ceiling = min(self.max_delay_s, self.base_delay_s * 2**retry)
        delay = random.uniform(0.0, ceiling)
        if retry_after_s is not None:
            delay = max(delay, min(retry_after_s, self.max_delay_s))
        return delay


@dataclass(frozen=True, slots=True)
class Reply(Generic[T]):
    """A validated reply and what getting it cost, retries included."""

    value: T
    input_tokens: int
    output_tokens: int
    retries: int


class InvalidReply(Exception):
    """The model answered, but not with what the schema asks for."""

    def __init__(self, kind: Literal["invalid_json", "schema"], error: str) -> None:
        super().__init__(error)
        self.kind = kind


def repair_prompt(error: str) -> str:
    """Sent after a reply that was not valid JSON or did not match the schema."""
    return (
        f"Your previous reply could not be used: {error}\n"
        "Reply again with JSON only, exactly matching the schema, and nothing else."
    )


_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


def parse_reply(text: str, schema: type[T]) -> T:
    """Validate a reply; markdown code fences, which JSON-mode models still add, are tolerated."""
    fenced = _FENCE.match(text)
    body = fenced.group(1) if fenced else text.strip()
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        raise InvalidReply("invalid_json",
                           f"not valid JSON ({exc.msg} at char {exc.pos})") from None
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or '<root>'}: {e['msg']}"
                             for e in exc.errors()[:5])
        raise InvalidReply("schema", f"does not match the schema: {problems}") from None


class LLMCaller:
    """Sends requests through a client with our retry policy, a concurrency cap and counters.

    Attributes:
        retry_counts: retries taken so far, by failure kind (shared by every thread).
    """

    def __init__(self, client: ChatClient, *, policy: RetryPolicy, max_concurrency: int,
                 repair: Callable[[str], str] | None = None) -> None:
        self.client = client
        self.policy = policy
        self.repair = repair or repair_prompt
        self.retry_counts: dict[str, int] = {}
        self._lock = threading.Lock()
        # Bounds in-flight requests, not threads: a thread sleeping in backoff holds no slot.
        self._slots = threading.BoundedSemaphore(max_concurrency)

    def call(self, system: str, prompt: str, schema: type[T]) -> Reply[T]:
        """Get a reply that validates against `schema`, or raise ExtractionError.

        Transient failures (429, 5xx, timeouts) are retried after a backoff; an invalid reply is
        retried at once with the validation error fed back in the conversation.
        """
        turns = [Turn("user", prompt)]
        tokens_in = tokens_out = 0
        for attempt in range(self.policy.max_retries + 1):
            last = attempt == self.policy.max_retries
            try:
                with self._slots:
                    completion = self.client.complete(ChatRequest(system, tuple(turns), schema))
            except ProviderError as exc:
                if not exc.retryable or last:
                    raise self._failure(exc.kind, str(exc), attempt) from exc
                self._count(exc.kind)
                if exc.backoff:
                    time.sleep(self.policy.delay_s(attempt, exc.retry_after_s))
                continue
            tokens_in += completion.input_tokens
            tokens_out += completion.output_tokens
            try:
                value = parse_reply(completion.text, schema)
            except InvalidReply as exc:
                if last:
                    raise self._failure(exc.kind, str(exc), attempt) from exc
                self._count(exc.kind)
                turns += [Turn("assistant", completion.text[:_REPAIR_ECHO_CHARS]),
                          Turn("user", self.repair(str(exc)))]
                continue
            return Reply(value, tokens_in, tokens_out, retries=attempt)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _count(self, kind: str) -> None:
        with self._lock:
            self.retry_counts[kind] = self.retry_counts.get(kind, 0) + 1
        logger.info("%s: retrying after %s", self.client.provider, kind)

    def _failure(self, kind: str, message: str, attempt: int) -> ExtractionError:
        return ExtractionError(f"{self.client.provider} {self.client.model}: {kind} after "
                               f"{attempt + 1} attempt(s): {message}"[:500])


def transport_error(exc: BaseException) -> ProviderError | None:
    """A ProviderError for a network-level failure (timeout, refused, reset), else None.

    Matched by class name along the MRO because the SDKs raise httpx or httpx2 exceptions
    depending on their version, and neither is a dependency of ours to import.
    """
    names = {cls.__name__ for cls in type(exc).__mro__}
    if names & {"TimeoutException", "TimeoutError", "APITimeoutError"}:
        return ProviderError("timeout", f"timed out: {exc}", retryable=True)
    if names & {"TransportError", "NetworkError", "ConnectionError", "APIConnectionError"}:
        return ProviderError("connection", f"connection failed: {exc}", retryable=True)
    return None


def retry_after_s(headers: Mapping[str, str] | None) -> float | None:
    """The Retry-After header in seconds when it is a number (the HTTP-date form is ignored)."""
    value = headers.get("retry-after") if headers is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def http_failure(code: int, message: str,
                 headers: Mapping[str, str] | None = None) -> ProviderError:
    """The one mapping of an HTTP error status to a ProviderError, for every provider.

    429 is a rate limit (its Retry-After honoured), 5xx a server error and 408 a timeout, all
    retried; anything else is the request's fault and is not.
    """
    text = f"HTTP {code}: {message}"
    if code == 429:
        return ProviderError("rate_limit", text, retryable=True,
                             retry_after_s=retry_after_s(headers))
    if code >= 500:
        return ProviderError("server_error", text, retryable=True)
    if code == 408:
        return ProviderError("timeout", text, retryable=True)
    return ProviderError("client_error", text, retryable=False)
