"""Values that travel between stages. All are frozen: a stage never edits what it was handed."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Source(StrEnum):
    SLACK = "slack"
    GMAIL = "gmail"


class EventType(StrEnum):
    USER_GROWTH = "user_growth"
    REVENUE_MILESTONE = "revenue_milestone"
    FUNDING = "funding"
    PARTNERSHIP = "partnership"
    PRODUCT_LAUNCH = "product_launch"
    HIRING = "hiring"
    ENTERPRISE_DEAL = "enterprise_deal"
    TECHNICAL_ACHIEVEMENT = "technical_achievement"
    MARKET_EXPANSION = "market_expansion"
    COMPLIANCE = "compliance"
    MEDIA_COVERAGE = "media_coverage"
    INVESTOR_INTEREST = "investor_interest"
    CUSTOMER_SUCCESS = "customer_success"
    OTHER = "other"


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


class Polarity(StrEnum):
    """Good news or a lowlight (a lost deal, churn, an outage, a departure, a failed audit)."""

    POSITIVE = "positive"
    NEGATIVE = "negative"

_FROZEN = ConfigDict(frozen=True, extra="forbid")


# Who issued a message id: each is its own namespace, so no source can take another's id (an
# email whose Message-ID is a CSV row's id is a different message). Emails share one namespace
# whatever file or API they came through (the RFC Message-ID is the email's own), as do Slack
# exports, JSON and the API (client_msg_id or channel:ts).
NAMESPACES = ("csv", "slack", "email")
MAX_SOURCE_ID = 512


def message_key(company_id: str, namespace: str, source_id: str) -> str:
    """The stored id of a message: ``company/namespace/id-as-the-source-wrote-it``.

    Readable (a store browsed by hand says whose message it is) and reversible by
    `source_id_of`: the company's own ``%`` and ``/`` are escaped, so the first two slashes
    always end company and namespace. Idempotent: a key for the same company and namespace is
    returned as it is (a sync's saved state may hold keys already)."""
    return message_keyer(company_id, namespace)(source_id)


def message_keyer(company_id: str, namespace: str) -> Callable[[str], str]:
    """`message_key` for one company and namespace, the prefix escaped once (a reader that keys
    every row of a file calls it per row)."""
    company = company_id.replace("%", "%25").replace("/", "%2F")
    prefix = f"{company}/{namespace}/"

    def key(source_id: str) -> str:
        return source_id if source_id.startswith(prefix) else prefix + source_id

    return key


def source_id_of(key: str) -> str:
    """The id as its source wrote it (what a reader is shown); an id stored before namespaces,
    or one a test wrote by hand, is its own source id."""
    parts = key.split("/", 2)
    if len(parts) == 3 and parts[1] in NAMESPACES:
        return parts[2]
    return key


def namespace_of(key: str) -> str | None:
    """The namespace of a key, None for an id stored before namespaces."""
    parts = key.split("/", 2)
    return parts[1] if len(parts) == 3 and parts[1] in NAMESPACES else None


class Message(BaseModel):
    """One Slack message or email, normalized; `payload` keeps the API-shaped original.

    `id` is the stored key (`message_key`): company, namespace and the source's own id; the
    source's id alone is `source_id`, what citations and the CLI show."""

    model_config = _FROZEN

    # a key: up to 200 company characters (escaped, x3), a namespace, a 512-character source id
    id: str = Field(min_length=1, max_length=1200)
    company_id: str
    source: Source
    sender: str
    channel: str | None = None
    thread_id: str | None = None
    subject: str | None = None
    timestamp: datetime
    text: str = Field(min_length=1)
    payload: dict[str, Any] = Field(default_factory=dict)
    origin: str | None = None

    @field_validator("id")
    @classmethod
    def _source_id_length(cls, value: str) -> str:
        if len(value) > MAX_SOURCE_ID and len(source_id_of(value)) > MAX_SOURCE_ID:
            raise ValueError(f"the id should have at most {MAX_SOURCE_ID} characters")
        return value

    @property
    def source_id(self) -> str:
        """The id as its source wrote it (a Message-ID, a Slack client_msg_id, a CSV id)."""
        return source_id_of(self.id)


MetricValue = int | float | str


def canonical_fingerprint(company_id: str, event_type: str, metrics: dict[str, MetricValue],
                          title: str, polarity: str = "positive") -> str:
    """A stable id for "the same real-world event": type plus its figures, else its title words.

    Figures are the most reliable identity of an event (two messages about the same round quote the
    same amount); the title is a fallback because wording varies between mentions.
    """
    if metrics:
        basis = "|".join(f"{k}={_norm_value(v)}" for k, v in sorted(metrics.items()))
    else:
        basis = " ".join(sorted(set(re.findall(r"[a-z0-9]+", title.lower()))))
    # A lost deal with Acme is not the same event as a deal signed with Acme.
    kind = event_type if polarity == "positive" else f"{event_type}|{polarity}"
    raw = f"{company_id}|{kind}|{basis}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def _norm_value(v: MetricValue) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip().lower()


class EvidenceSpan(BaseModel):
    """Where an event's proof stands: ``text[start:end]`` of the message ``message_id`` (or of
    its subject line, for an email whose headline states the event)."""

    model_config = _FROZEN

    message_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    field: Literal["text", "subject"] = "text"

    @model_validator(mode="after")
    def _ordered(self) -> EvidenceSpan:
        if self.end < self.start:
            raise ValueError("evidence span ends before it starts")
        return self


class SignificantEvent(BaseModel):
    """A business event worth an investor's attention, with the messages that prove it."""

    model_config = _FROZEN

    company_id: str
    event_type: EventType
    severity: Severity
    title: str = Field(min_length=1, max_length=300)
    description: str = ""
    impact: str = ""
    metrics: dict[str, MetricValue] = Field(default_factory=dict)
    timeline: str | None = None
    stakeholders: list[str] = Field(default_factory=list)
    source_message_ids: list[str] = Field(min_length=1)
    evidence: str = ""
    evidence_spans: list[EvidenceSpan] = Field(default_factory=list)
    polarity: Polarity = Polarity.POSITIVE
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    extractor: str = "unknown"
    flagged: str | None = None
    fingerprint: str = ""

    @model_validator(mode="after")
    def _fill_fingerprint(self) -> SignificantEvent:
        if not self.fingerprint:
            fp = canonical_fingerprint(self.company_id, self.event_type.value, self.metrics,
                                       self.title, self.polarity.value)
            object.__setattr__(self, "fingerprint", fp)
        return self

    def merged_with(self, other: SignificantEvent) -> SignificantEvent:
        """The same event seen again: keep every source id, the most confident wording, and of
        two as confident the one that says more ("Hired Arjun Okafor as Head of Data" over
        "Hired a Head of Data": it names the hire)."""
        ids = list(dict.fromkeys([*self.source_message_ids, *other.source_message_ids]))
        best = self if (self.confidence, _said(self)) >= (other.confidence, _said(other)) \
            else other
        stakeholders = list(dict.fromkeys([*self.stakeholders, *other.stakeholders]))
        metrics = {**other.metrics, **self.metrics} if best is self else {**self.metrics,
                                                                         **other.metrics}
        severity = min(self.severity, other.severity, key=SEVERITY_RANK.__getitem__)
        spans = list(dict.fromkeys([*self.evidence_spans, *other.evidence_spans]))
        return best.model_copy(update={"source_message_ids": ids, "stakeholders": stakeholders,
                                       "metrics": metrics, "severity": severity,
                                       "evidence_spans": spans, "fingerprint": self.fingerprint})


def _said(event: SignificantEvent) -> int:
    """How much a wording names: its people and companies, and its figures."""
    return len(event.stakeholders) + len(event.metrics)


class Batch(BaseModel):
    """Messages taken together from the batcher for one extraction call."""

    model_config = _FROZEN

    id: str
    company_id: str
    source: Source
    messages: tuple[Message, ...]
    lease_token: str = ""

    @property
    def message_ids(self) -> list[str]:
        return [m.id for m in self.messages]


class DeadLetter(BaseModel):
    """Input that could not be used, kept whole with why and where it came from."""

    model_config = _FROZEN

    origin: str
    reason: str
    stage: str
    raw: str
    message_id: str | None = None


class BatchUsage(BaseModel):
    """What one extraction call cost."""

    model_config = _FROZEN

    batch_id: str
    provider: str
    model: str
    messages: int
    sent_messages: int
    input_tokens: int = 0
    output_tokens: int = 0
    latency_ms: float = 0.0
    retries: int = 0
    cost_usd: float = 0.0
    events_proposed: int = 0
    events_rejected: int = 0


class InvestorEmail(BaseModel):
    """The update a founder sends to investors, written only from stored events."""

    model_config = _FROZEN

    subject: str
    body: str
    highlights: list[str] = Field(default_factory=list)
    metrics_summary: dict[str, str] = Field(default_factory=dict)
    composer: str = "template"
    notes: list[str] = Field(default_factory=list)
