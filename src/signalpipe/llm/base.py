"""The chat-client seam: one request in, raw text and token counts out, failures classified."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol, Self

from pydantic import BaseModel

from signalpipe.errors import ConfigError
from signalpipe.settings import LLMSettings, Settings


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

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """Build the client from ``settings.llm``; ConfigError when its key is missing."""
        ...

    def complete(self, request: ChatRequest) -> Completion:
        """Send the request once (no retries); raise ProviderError on failure."""
        ...

    def close(self) -> None:
        """Release the SDK's HTTP connections."""
        ...


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
