"""Gemini through the official google-genai SDK, with JSON output constrained by our schema."""

from __future__ import annotations

import logging
from typing import Any, Self

from signalpipe.llm.base import ChatClient, ChatRequest, Completion, ProviderError, require_key
from signalpipe.llm.retry import http_failure, transport_error
from signalpipe.settings import Settings

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "gemini-2.5-flash"
API_VERSION = "v1beta"


class GeminiClient(ChatClient):
    """One `generate_content` call per request; the SDK's own retries stay off (ours count)."""

    provider = "gemini"

    def __init__(self, *, api_key: str, model: str = DEFAULT_MODEL, temperature: float = 0.0,
                 timeout_s: float = 60.0, base_url: str | None = None) -> None:
        try:
            from google import genai
            from google.genai import errors, types
        except ImportError as e:
            raise ImportError('install "signalpipe[llm]" to use GeminiClient') from e
        self.model = model
        self.temperature = temperature
        self._types: Any = types
        self._api_error: type[Exception] = errors.APIError
        # retry_options=None means one attempt per call: the SDK retrying 429s behind our back
        # would hide them from our counters and stack its waits on top of ours.
        # The API version is pinned so SDK upgrades (whose default moved from v1beta to v1) do
        # not change the endpoint under us.
        options = types.HttpOptions(base_url=base_url, api_version=API_VERSION,
                                    timeout=int(timeout_s * 1000), retry_options=None)
        self._client = genai.Client(api_key=api_key, http_options=options)

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """Key, model, temperature, timeout and base URL from ``settings.llm``."""
        llm = settings.llm
        return cls(api_key=require_key(settings), model=llm.model or DEFAULT_MODEL,
                   temperature=llm.temperature, timeout_s=llm.timeout_s, base_url=llm.base_url)

    def complete(self, request: ChatRequest) -> Completion:
        """Send one request; map SDK and transport failures to ProviderError."""
        types = self._types
        contents = [types.Content(role="model" if t.role == "assistant" else "user",
                                  parts=[types.Part(text=t.text)]) for t in request.turns]
        config = types.GenerateContentConfig(
            system_instruction=request.system, temperature=self.temperature,
            response_mime_type="application/json", response_schema=request.schema,
            automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True))
        try:
            response = self._client.models.generate_content(model=self.model, contents=contents,
                                                            config=config)
        except self._api_error as exc:
            raise _api_failure(exc) from exc
        except Exception as exc:
            mapped = transport_error(exc)
            if mapped is None:
                raise
            raise mapped from exc
        text = response.text
        if not text:
            reason = response.candidates[0].finish_reason if response.candidates else "blocked"
            raise ProviderError("empty_reply", f"no text in the reply ({reason})",
                                retryable=True, backoff=False)
        usage = response.usage_metadata
        if usage is None:
            return Completion(text)
        # Thinking tokens are billed at the output price, so they count as output here.
        output = (usage.candidates_token_count or 0) + (usage.thoughts_token_count or 0)
        return Completion(text, input_tokens=usage.prompt_token_count or 0, output_tokens=output)

    def close(self) -> None:
        self._client.close()


def _api_failure(exc: Any) -> ProviderError:
    code = int(getattr(exc, "code", 0) or 0)
    headers = getattr(getattr(exc, "response", None), "headers", None)
    return http_failure(code, str(getattr(exc, "message", None) or exc), headers)
