"""Any OpenAI-compatible chat server (OpenAI, Ollama, vLLM, LM Studio...) via the openai SDK.

Replies are constrained with a strict ``json_schema`` response format. Servers that reject it get
``{"type": "json_object"}`` instead (our validation still applies); the verdict is remembered per
client so the rejected request is not repeated for every batch.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Self

from pydantic import BaseModel

from signalpipe.llm.base import (
    ChatClient,
    ChatRequest,
    Completion,
    ProviderError,
    api_key,
    require_key,
)
from signalpipe.llm.retry import http_failure, transport_error
from signalpipe.settings import Settings

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "gpt-4.1-mini"
_STRICT_KEYS = {"type", "properties", "required", "items", "enum", "anyOf", "$ref", "$defs",
                "description", "additionalProperties", "minimum", "maximum", "minItems",
                "maxItems", "const"}


def strict_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema in the subset OpenAI's strict mode accepts.

    Strict mode wants every property required and no extra ones, and rejects keywords such as
    ``default`` and ``minLength``; pydantic still enforces those when we validate the reply.
    """
    return _strict(model.model_json_schema())  # type: ignore[no-any-return]


def _strict(node: Any) -> Any:
    if isinstance(node, list):
        return [_strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _strict(v) for k, v in node.items()
           if k in _STRICT_KEYS and k not in ("properties", "$defs")}
    for key in ("properties", "$defs"):
        if key in node:
            out[key] = {name: _strict(sub) for name, sub in node[key].items()}
    if "properties" in node:
        out["required"] = list(node["properties"])
        out["additionalProperties"] = False
    return out


class OpenAIClient(ChatClient):
    """One chat-completions call per request; the SDK's retries are off (max_retries=0)."""

    provider = "openai"

    def __init__(self, *, api_key: str | None, model: str = DEFAULT_MODEL,
                 temperature: float = 0.0, timeout_s: float = 60.0,
                 base_url: str | None = None) -> None:
        try:
            import openai  # type: ignore[import-not-found, unused-ignore]
        except ImportError as e:
            raise ImportError('install "signalpipe[llm]" to use OpenAIClient') from e
        self.model = model
        self.temperature = temperature
        self._openai: Any = openai
        # Keyless local servers (Ollama) ignore the key, but the SDK insists on having one.
        self._client: Any = openai.OpenAI(api_key=api_key or "no-key", base_url=base_url,
                                     timeout=timeout_s, max_retries=0)
        self._json_schema = True
        self._schema_confirmed = False
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """Key, model, temperature, timeout and base URL from ``settings.llm``.

        A key is optional only with a base_url: local servers often need none, OpenAI always does.
        """
        llm = settings.llm
        key = api_key(settings) if llm.base_url is not None else require_key(settings)
        return cls(api_key=key, model=llm.model or DEFAULT_MODEL, temperature=llm.temperature,
                   timeout_s=llm.timeout_s, base_url=llm.base_url)

    def complete(self, request: ChatRequest) -> Completion:
        """Send one request; map SDK failures to ProviderError."""
        messages = [{"role": "system", "content": request.system}]
        messages += [{"role": t.role, "content": t.text} for t in request.turns]
        use_schema = self._json_schema
        try:
            response = self._client.chat.completions.create(
                model=self.model, messages=messages, temperature=self.temperature,
                response_format=self._format(request.schema, use_schema))
        except self._openai.BadRequestError as exc:
            raise self._bad_request(exc, use_schema) from exc
        except self._openai.APIStatusError as exc:
            raise _status_failure(exc) from exc
        except self._openai.APIError as exc:
            mapped = transport_error(exc)
            if mapped is None:
                raise
            raise mapped from exc
        if not use_schema:
            self._schema_confirmed = True
        choice = response.choices[0]
        usage = response.usage
        text = choice.message.content or ""
        if not text:
            raise ProviderError("empty_reply", f"no text in the reply ({choice.finish_reason})",
                                retryable=True, backoff=False)
        return Completion(text, input_tokens=(usage.prompt_tokens or 0) if usage else 0,
                          output_tokens=(usage.completion_tokens or 0) if usage else 0)

    def _format(self, schema: type[BaseModel], use_schema: bool) -> dict[str, Any]:
        if not use_schema:
            return {"type": "json_object"}
        return {"type": "json_schema", "json_schema": {
            "name": schema.__name__, "strict": True, "schema": strict_json_schema(schema)}}

    def _bad_request(self, exc: Exception, used_schema: bool) -> ProviderError:
        with self._lock:
            if used_schema:
                # Most likely the server does not know json_schema: retry at once in JSON mode.
                self._json_schema = False
                logger.warning("%s rejected response_format json_schema; using json_object",
                               self.model)
                return ProviderError("schema_unsupported", str(exc), retryable=True,
                                     backoff=False)
            if not self._schema_confirmed:
                # JSON mode fails too, so the 400 was about the request, not the schema.
                self._json_schema = True
        return ProviderError("client_error", str(exc), retryable=False)

    def close(self) -> None:
        self._client.close()


def _status_failure(exc: Any) -> ProviderError:
    return http_failure(int(exc.status_code), str(exc.message), exc.response.headers)
