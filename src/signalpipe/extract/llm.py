"""Batch -> prompt -> validated reply -> grounded events, for any chat client in ``llm/``.

The providers differ only in their client (``signalpipe.llm.gemini``, ``...openai_compat``); the
flow is shared so that every provider is triaged, retried, validated, grounded and costed the
same way.
"""

from __future__ import annotations

import re
import time
from typing import Self

from signalpipe.extract.base import Extraction, Extractor
from signalpipe.extract.grounding import ground_events
from signalpipe.extract.injection import flag_injections
from signalpipe.extract.prompts import (
    LLMEvent,
    LLMExtractionReply,
    repair_prompt,
    system_prompt,
    user_prompt,
)
from signalpipe.extract.triage import Triage
from signalpipe.figures import parse_figure
from signalpipe.llm.base import ChatClient, cost_usd
from signalpipe.llm.retry import LLMCaller, Reply, RetryPolicy
from signalpipe.models import Batch, BatchUsage, EvidenceSpan, MetricValue, SignificantEvent
from signalpipe.settings import LLMSettings, Settings


class LLMExtractor(Extractor):
    """Batch -> prompt -> validated reply -> grounded events, for any `ChatClient`.

    Subclasses name the provider; its client comes from the registry in ``backends.py``. The
    flow is shared so that every provider is triaged, retried, validated, grounded and costed
    the same way.
    """

    name = "llm"

    def __init__(self, client: ChatClient, *, llm: LLMSettings, triage: Triage | None = None,
                 retry: RetryPolicy | None = None) -> None:
        self.client = client
        self.llm = llm
        self.triage = triage
        self.caller = LLMCaller(client, max_concurrency=llm.max_concurrency,
                                policy=retry or RetryPolicy(max_retries=llm.max_retries),
                                repair=repair_prompt)

    @classmethod
    def client_from_settings(cls, settings: Settings) -> ChatClient:
        """The provider's client; raises ConfigError (missing key) before any batch is read."""
        from signalpipe.backends import make_client

        return make_client(settings, cls.name)

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
    """Our event from the LLM's: ids deduplicated, metric names snake_case, "$12M" -> 12000000.

    Spans are taken as given (an end before its start is read as an empty span at the start);
    grounding checks and fixes them against the messages.
    """
    metrics = {_snake(m.name): _metric_value(m.value) for m in event.metrics}
    return SignificantEvent(
        company_id=company_id, event_type=event.event_type, severity=event.severity,
        title=event.title.strip(), description=event.description, impact=event.impact,
        metrics={k: v for k, v in metrics.items() if k}, timeline=event.timeline,
        stakeholders=list(dict.fromkeys(s.strip() for s in event.stakeholders if s.strip())),
        source_message_ids=list(dict.fromkeys(i.strip() for i in event.source_message_ids)),
        evidence=event.evidence.strip(), polarity=event.polarity,
        evidence_spans=[EvidenceSpan(message_id=s.message_id.strip(), start=s.start,
                                     end=max(s.end, s.start)) for s in event.evidence_spans],
        confidence=event.confidence, extractor=extractor)


def _snake(name: str) -> str:
    return "_".join(re.findall(r"[a-z0-9]+", name.lower()))


def _metric_value(value: MetricValue) -> MetricValue:
    # Numbers let dedup and the email compare figures; a lone figure written as text becomes one.
    if isinstance(value, str) and (figure := parse_figure(value)) is not None:
        value = figure.value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class GeminiExtractor(LLMExtractor):
    """Extracts events with a Gemini model (default: a current Flash model)."""

    name = "gemini"


class OpenAIExtractor(LLMExtractor):
    """Extracts events with any OpenAI-compatible chat model."""

    name = "openai"
