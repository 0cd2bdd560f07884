"""What every LLM provider shares: the client seam, our retry policy, reply validation, cost.

Provider modules (gemini.py, openai_compat.py) only translate a `ChatRequest` into one SDK call and
SDK failures into `ProviderError`. Everything that decides *whether to try again* lives here, so
the policy is ours, the same for every provider, and counted: the SDKs' own retries are off.
"""

from __future__ import annotations

import importlib
import json
import logging
import random
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, Literal, Protocol, Self, TypeVar

from pydantic import BaseModel, ValidationError

from signalpipe.errors import ConfigError, ExtractionError
from signalpipe.extract.base import Extraction
from signalpipe.extract.grounding import ground_events, parse_figure
from signalpipe.extract.injection import flag_injections
from signalpipe.extract.prompts import (
    LLMEvent,
    LLMExtractionReply,
    repair_prompt,
    system_prompt,
    user_prompt,
)
from signalpipe.extract.triage import Triage
from signalpipe.models import Batch, BatchUsage, MetricValue, SignificantEvent
from signalpipe.settings import LLMSettings, Settings

logger = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)

CLIENTS = {
    "gemini": "signalpipe.extract.gemini:GeminiClient",
    "openai": "signalpipe.extract.openai_compat:OpenAIClient",
}
_REPAIR_ECHO_CHARS = 2000
"""How much of an invalid reply to echo back: enough to show the mistake, not a second bill."""


@dataclass(frozen=True, slots=True)
class Turn:
    """One message of a conversation after the system prompt."""

    role: Literal["user", "assistant"]
    text: str


@dataclass(frozen=True, slots=True)
class ChatRequest:
    """One call: instructions, the conversation so far, and the pydantic model of the reply."""

    system: str
    turns: tuple[Turn, ...]
    schema: type[BaseModel]


@dataclass(frozen=True, slots=True)
class Completion:
    """The raw text a model returned and the tokens it was billed for."""

    text: str
    input_tokens: int = 0
    output_tokens: int = 0


class ProviderError(Exception):
    """A failed call, classified so the retry policy can decide what to do.

    Args:
        kind: short failure name, the key in retry counters: rate_limit, server_error, timeout,
            connection, schema_unsupported, client_error...
        retryable: whether trying again can help.
        retry_after_s: the server's own hint, honoured as a lower bound on the wait.
        backoff: False when a retry may follow at once (a changed request, not an overload).
    """

    def __init__(self, kind: str, message: str, *, retryable: bool,
                 retry_after_s: float | None = None, backoff: bool = True) -> None:
        super().__init__(message)
        self.kind = kind
        self.retryable = retryable
        self.retry_after_s = retry_after_s
        self.backoff = backoff


class ChatClient(Protocol):
    """One provider's SDK behind one method. Must be safe to call from several threads."""

    provider: str
    model: str

    def complete(self, request: ChatRequest) -> Completion:
        """Send the request once (no retries); raise ProviderError on failure."""
        ...

    def close(self) -> None: ...


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

    def __init__(self, client: ChatClient, *, policy: RetryPolicy, max_concurrency: int) -> None:
        self.client = client
        self.policy = policy
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
                          Turn("user", repair_prompt(str(exc)))]
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


def make_client(settings: Settings) -> ChatClient:
    """The chat client for ``settings.llm.provider``, its SDK imported only now."""
    target = CLIENTS.get(settings.llm.provider)
    if target is None:
        raise ConfigError(f"llm.provider {settings.llm.provider!r} has no LLM; choose one of "
                          f"{', '.join(CLIENTS)}")
    module_name, _, attr = target.partition(":")
    client: ChatClient = getattr(importlib.import_module(module_name), attr).from_settings(settings)
    return client


def api_key(settings: Settings) -> str | None:
    """The API key as plain text for the SDK, or None when none is configured."""
    key = settings.api_key()
    return key.get_secret_value() or None if key is not None else None


def require_key(settings: Settings) -> str:
    """The API key, or a one-line ConfigError naming where to set it."""
    key = api_key(settings)
    if key is not None:
        return key
    names = {"gemini": "GOOGLE_API_KEY or GEMINI_API_KEY", "openai": "OPENAI_API_KEY"}
    raise ConfigError(f"llm.provider {settings.llm.provider} needs an API key: set "
                      f"{names.get(settings.llm.provider, 'llm.api_key')} or llm.api_key")


def cost_usd(llm: LLMSettings, input_tokens: int, output_tokens: int) -> float:
    """What the tokens cost at the configured per-million prices."""
    return (input_tokens * llm.price_per_million_input
            + output_tokens * llm.price_per_million_output) / 1e6


class LLMExtractor:
    """Batch -> prompt -> validated reply -> grounded events, for any `ChatClient`.

    Subclasses pick the client (`client_from_settings`) and the name; the flow is shared so that
    every provider is triaged, retried, validated, grounded and costed the same way.
    """

    name = "llm"

    def __init__(self, client: ChatClient, *, llm: LLMSettings, triage: Triage | None = None,
                 retry: RetryPolicy | None = None) -> None:
        self.client = client
        self.llm = llm
        self.triage = triage
        self.caller = LLMCaller(client, max_concurrency=llm.max_concurrency,
                                policy=retry or RetryPolicy(max_retries=llm.max_retries))

    @classmethod
    def client_from_settings(cls, settings: Settings) -> ChatClient:
        """The provider's client; raises ConfigError (missing key) before any batch is read."""
        raise NotImplementedError

    @classmethod
    def from_settings(cls, settings: Settings, *, retry: RetryPolicy | None = None) -> Self:
        """Build the extractor from settings.

        Args:
            settings: provider, key, model and limits come from ``settings.llm``.
            retry: replaces the whole retry policy (``llm.max_retries`` included); tests and
                benchmarks pass tiny delays here.
        """
        client = cls.client_from_settings(settings)
        triage = Triage.from_settings(settings) if settings.llm.triage else None
        return cls(client, llm=settings.llm, triage=triage, retry=retry)

    @property
    def retry_counts(self) -> dict[str, int]:
        """Retries taken so far by this extractor, by failure kind."""
        return self.caller.retry_counts

    def close(self) -> None:
        """Release the SDK's HTTP connections."""
        self.client.close()

    def extract(self, batch: Batch) -> Extraction:
        """Grounded events from `batch`; raises ExtractionError when the LLM keeps failing."""
        started = time.perf_counter()
        sent = self.triage.select(batch) if self.triage is not None else list(batch.messages)
        if not sent:  # nothing worth a call: an empty extraction costs nothing
            return Extraction(events=[], usage=self._usage(batch, 0, started))
        reply = self.caller.call(system_prompt(batch.company_id), user_prompt(sent),
                                 LLMExtractionReply)
        proposed = [to_event(e, company_id=batch.company_id, extractor=self.name)
                    for e in reply.value.events]
        events, rejected = ground_events(
            proposed, {m.id: m for m in sent}, suspicious_ids=flag_injections(sent),
            keep_ungrounded=self.llm.keep_ungrounded)
        usage = self._usage(batch, len(sent), started, reply=reply, proposed=len(proposed),
                            rejected=len(rejected))
        return Extraction(events=events, usage=usage, rejected=rejected)

    def _usage(self, batch: Batch, sent: int, started: float, *,
               reply: Reply[LLMExtractionReply] | None = None, proposed: int = 0,
               rejected: int = 0) -> BatchUsage:
        tokens_in = reply.input_tokens if reply else 0
        tokens_out = reply.output_tokens if reply else 0
        return BatchUsage(
            batch_id=batch.id, provider=self.client.provider, model=self.client.model,
            messages=len(batch.messages), sent_messages=sent, input_tokens=tokens_in,
            output_tokens=tokens_out, latency_ms=(time.perf_counter() - started) * 1000,
            retries=reply.retries if reply else 0,
            cost_usd=cost_usd(self.llm, tokens_in, tokens_out),
            events_proposed=proposed, events_rejected=rejected)


def to_event(event: LLMEvent, *, company_id: str, extractor: str) -> SignificantEvent:
    """Our event from the LLM's: ids deduplicated, metric names snake_case, "$12M" -> 12000000."""
    metrics = {_snake(m.name): _metric_value(m.value) for m in event.metrics}
    return SignificantEvent(
        company_id=company_id, event_type=event.event_type, severity=event.severity,
        title=event.title.strip(), description=event.description, impact=event.impact,
        metrics={k: v for k, v in metrics.items() if k}, timeline=event.timeline,
        stakeholders=list(dict.fromkeys(s.strip() for s in event.stakeholders if s.strip())),
        source_message_ids=list(dict.fromkeys(i.strip() for i in event.source_message_ids)),
        evidence=event.evidence.strip(), confidence=event.confidence, extractor=extractor)


def _snake(name: str) -> str:
    return "_".join(re.findall(r"[a-z0-9]+", name.lower()))


def _metric_value(value: MetricValue) -> MetricValue:
    # Numbers let dedup and the email compare figures; a lone figure written as text becomes one.
    if isinstance(value, str) and (figure := parse_figure(value)) is not None:
        value = figure.value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
