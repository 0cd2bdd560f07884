"""RulesExtractor: the offline default behind the extractor seam."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Self

from signalpipe.extract.base import Extraction, Extractor
from signalpipe.extract.rules.deals import funding_title
from signalpipe.extract.rules.found import Found
from signalpipe.extract.rules.naming import one_name, product_key, readable
from signalpipe.extract.rules.owners import retitled
from signalpipe.extract.rules.reader import Hit, read_message
from signalpipe.extract.rules.results import market_key, result_key
from signalpipe.extract.rules.shipped import whole_version
from signalpipe.extract.rules.subject import aliases_pattern, name_variants
from signalpipe.extract.rules.text import lower
from signalpipe.extract.rules.titles import polished
from signalpipe.formatting import counted
from signalpipe.models import (
    Batch,
    BatchUsage,
    EventType,
    EvidenceSpan,
    MetricValue,
    Polarity,
    Severity,
    SignificantEvent,
    canonical_fingerprint,
)
from signalpipe.settings import Settings

MODEL = "rules-v2"
SEVERITY = {
    EventType.FUNDING: Severity.HIGH, EventType.ENTERPRISE_DEAL: Severity.HIGH,
    EventType.REVENUE_MILESTONE: Severity.HIGH, EventType.TECHNICAL_ACHIEVEMENT: Severity.LOW,
    EventType.MEDIA_COVERAGE: Severity.LOW,
}
_MAX_TITLE = 300


@dataclass
class _Merged:
    """Mentions of one event within a batch."""

    hit: Hit
    ids: list[str] = field(default_factory=list)
    spans: list[EvidenceSpan] = field(default_factory=list)
    stakeholders: dict[str, None] = field(default_factory=dict)

    def add(self, hit: Hit) -> None:
        if len(hit.found.metrics) > len(self.hit.found.metrics):
            # "Term sheet is coming", then "$15M at an $80M valuation": the fuller telling leads
            self.hit = _merged([self.hit, hit], None)
        if hit.message.id not in self.ids:
            self.ids.append(hit.message.id)
        span = EvidenceSpan(message_id=hit.message.id, start=hit.span.start, end=hit.span.end,
                            field="subject" if hit.field == "subject" else "text")
        if span not in self.spans:
            self.spans.append(span)
        self.stakeholders.update(dict.fromkeys(s for s in hit.found.stakeholders if s))


class RulesExtractor(Extractor):
    """Offline extractor for all 14 event types; deterministic, stateless, thread-safe."""

    name = "rules"
    inline = True  # microseconds a batch: a thread hop would cost more than the work
    canonical_fingerprints = True  # metrics hold only an event's identity, in canonical form

    def __init__(self, *, aliases: dict[str, Sequence[str]] | None = None) -> None:
        """``aliases`` maps a company id to the other names it goes by ("Acme", "Acme Corp")."""
        self._aliases = {k: tuple(v) for k, v in (aliases or {}).items()}
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """The company's own names come from settings; no key, model or network is needed."""
        return cls(aliases={settings.company_id: list(settings.company_aliases)})

    def _company(self, company_id: str) -> re.Pattern[str] | None:
        if company_id not in self._patterns:
            names = [v for n in (company_id, *self._aliases.get(company_id, ()))
                     for v in name_variants(n)]
            self._patterns[company_id] = aliases_pattern(names)
        return self._patterns[company_id]

    def extract(self, batch: Batch) -> Extraction:
        """Read every message of ``batch``; mentions of one event within it become one event."""
        started = time.perf_counter()
        company = self._company(batch.company_id)
        merged: dict[str, _Merged] = {}
        rejected: list[tuple[str, str]] = []
        for message in batch.messages:
            hits, dropped = read_message(message, company)
            rejected.extend(dropped)
            for hit in one_per_kind(hits):
                entry = merged.setdefault(fingerprint(batch.company_id, hit), _Merged(hit))
                entry.add(hit)
        events = [_event(batch.company_id, fp, entry)
                  for fp, entry in fold_restated(merged).items()]
        usage = BatchUsage(
            batch_id=batch.id, provider="rules", model=MODEL, messages=len(batch.messages),
            sent_messages=len(batch.messages), latency_ms=(time.perf_counter() - started) * 1e3,
            events_proposed=len(events) + len(rejected), events_rejected=len(rejected))
        return Extraction(events=events, usage=usage, rejected=rejected)


def fold_restated(merged: dict[str, _Merged]) -> dict[str, _Merged]:
    """A funding mention whose every figure a richer one in the batch repeats is that round told
    with fewer details ("Term sheet is coming" beside "a $15M term sheet at $80M", "the round
    is done, wire landed" beside "we closed our $12M Series A"): its messages join the richer
    one instead of making a second event."""
    if len(merged) < 2:
        return merged
    out = dict(merged)
    for fp, entry in merged.items():
        found = entry.hit.found
        if found.event_type is not EventType.FUNDING:
            continue  # a round is one per batch in chat; two milestones may share a figure
        richer = next((other for ofp, other in out.items() if ofp != fp
                       and other.hit.found.event_type is found.event_type
                       and other.hit.found.negative is found.negative
                       and len(other.hit.found.metrics) > len(found.metrics)
                       and found.metrics.items() <= other.hit.found.metrics.items()), None)
        if richer is not None:
            richer.ids.extend(i for i in entry.ids if i not in richer.ids)
            richer.spans.extend(s for s in entry.spans if s not in richer.spans)
            richer.stakeholders.update(entry.stakeholders)
            del out[fp]
    return out


def one_per_kind(hits: list[Hit]) -> list[Hit]:
    """A message that states one event in two sentences ("Term sheet is in. $15M at $80M") gives
    one event: hits of one type and polarity merge, the richest reading leading."""
    if len(hits) < 2:
        return hits
    groups: dict[tuple[EventType, bool, str], list[Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.found.event_type, hit.found.negative, _life_event(hit.found)),
                          []).append(hit)
    out = []
    for group in groups.values():
        headline = next((h for h in group if h.field == "subject"), None)
        items = [h for h in group if _on_item(h)] if headline is None else []
        if len(items) >= 2 and _distinct(items):
            # a digest ("- Shipped X", "- Shipped Y") states one event per list item
            out.extend(items)
            group = [h for h in group if h not in items]
        if group:
            out.append(_merged(group, headline))
    return out


# A year in review tells a rename, an office and an acquisition in one post: `other` events of
# these kinds are never one another (companylife.py); deals of every kind stay one group.
_LIFE_EVENTS = frozenset({"rename", "office", "incorporation", "pivot", "foundation", "spin-out",
                          "shutdown"})


def _life_event(found: Found) -> str:
    return found.subtype if found.event_type is EventType.OTHER \
        and found.subtype in _LIFE_EVENTS else ""


def _merged(group: list[Hit], headline: Hit | None) -> Hit:
    """One reading for a message's restatements of one event (headline, lead, quotes)."""
    if len(group) == 1:
        return group[0]
    # a post's headline names the one event its body goes on about
    lead = headline or max(group, key=lambda h: len(h.found.metrics))
    metrics: dict[str, MetricValue] = {}
    # the lead's own figures first: its title names them ("Signed Falcon Insurance ($1.31M)"
    # had carried the $13.8M of an ARR read as a deal earlier in the message)
    for hit in (lead, *group):
        for name, value in hit.found.metrics.items():
            metrics.setdefault(name, value)
    title = lead.found.title
    if lead.found.event_type is EventType.FUNDING and not lead.found.negative:
        title = funding_title(metrics, next(iter(lead.found.stakeholders), ""))
    return replace(lead, found=replace(lead.found, metrics=metrics, title=title))


_ITEM = re.compile(r"[ \t]*(?:[-*\u2022+]|\d{1,2}[.)]|#{1,6})[ \t]")


def _on_item(hit: Hit) -> bool:
    """The reading sits on a list item or a heading of its message."""
    if hit.field == "subject":
        return False
    text = hit.message.text
    start = text.rfind("\n", 0, hit.span.start) + 1
    return _ITEM.match(text, start, hit.span.start + 1) is not None


def _distinct(group: list[Hit]) -> bool:
    """Two readings name different parties or products: two events, not one."""
    names = {str(v) for h in group for k, v in h.found.metrics.items()
             if k in {"customer", "partner", "product", "hire", "publication", "investor",
                      "region", "certification", "target", "name"}}
    return len(one_name(names)) > 1


def fingerprint(company: str, hit: Hit) -> str:
    """One mention's own identity (type, polarity, metrics or title), so mentions merge alike in
    any batching."""
    found = hit.found
    ident = identity(found)
    if isinstance(ident.get("product"), str):
        # "Launched Self-hosted Plausible" and "Launched Plausible Analytics Self-Hosted" are one
        ident = {**ident, "product": product_key(company, str(ident["product"]))}
    if "incident" in ident or found.subtype == "ranking":
        # "incident" names a kind, not which one: a month's two outages are two events (and
        # two months' posts on the Hacker News front page are two)
        ident = {**ident, "on": hit.message.timestamp.date().isoformat()}
    return canonical_fingerprint(company, found.event_type.value, ident, found.title,
                                 "negative" if found.negative else "positive")


# The figure that names a real-world event when mentions tell it with more or fewer details:
# "Term sheet is coming" and "a $15M term sheet at $80M" are one round; "Signed Globex" and
# "Globex signed at $480k" are one deal.
IDENTITY: dict[EventType, tuple[str, ...]] = {
    EventType.FUNDING: ("stage", "setback", "accelerator", "grant"),
    EventType.ENTERPRISE_DEAL: ("customer", "value_usd", "lost"),
    EventType.CUSTOMER_SUCCESS: ("customer",),
}


# One figure under the names a founder gives it: a month's revenue (ARR, profit and earnings are
# other claims); the people using the product ("15,000 signups", "15k users"; daily actives,
# visitors and downloads are other counts).
_ONE_FIGURE: dict[EventType, tuple[frozenset[str], str]] = {
    EventType.REVENUE_MILESTONE: (
        frozenset(["mrr_usd", "revenue_usd", "monthly_revenue_usd", "sales_usd"]), "revenue_usd"),
    EventType.USER_GROWTH: (
        frozenset(["users", "signups", "registered_users", "monthly_active_users",
                   "active_users"]), "users"),
}


def identity(found: Found) -> dict[str, MetricValue]:
    if found.event_type is EventType.FUNDING:
        if found.metrics.get("stage") == "term sheet":
            # "Term sheet is coming" and "the term sheet: $15M at $80M" are one offer; its
            # amount is a detail that a later mention adds
            return {k: v for k, v in found.metrics.items() if k in ("stage", "round")}
        # a round is its name and its size; a valuation, a lead or a stage is a detail of it
        core = {k: v for k, v in found.metrics.items()
                if k in ("round", "amount_usd", "amount_gbp", "amount_eur")}
        if core:
            return core
    for name in IDENTITY.get(found.event_type, ()):
        if name in found.metrics:
            return {name: found.metrics[name]}
    family, canonical = _ONE_FIGURE.get(found.event_type, (frozenset(), ""))
    if len(found.metrics) == 1 and found.metrics.keys() <= family:
        # "Hit $2k MRR" and "my $2k revenue milestone" are one milestone told in two words
        return {canonical: next(iter(found.metrics.values()))}
    if found.event_type is EventType.CUSTOMER_SUCCESS:
        # "NRR hit 124%" said again with another figure is the same claim, not a new event
        return {name: "*" for name in found.metrics}
    if found.event_type is EventType.MARKET_EXPANSION and isinstance(
            found.metrics.get("region"), str) and len(found.metrics) == 1:
        return {"region": market_key(str(found.metrics["region"]))}  # Helsinki is Finland
    told = result_key(found.metrics) if found.event_type is EventType.TECHNICAL_ACHIEVEMENT \
        else None
    if told is not None:
        return told  # "3B events per day", "3 billion events in a day"; "5x faster", "5x speedup"
    return dict(found.metrics)


def _as_written(value: MetricValue, hit: Hit) -> MetricValue:
    """A name the rules keep in lower case for identity ("global logistics corp"), shown as the
    message wrote it ("Global Logistics Corp"); fingerprints ignore case, so identity holds."""
    if not isinstance(value, str) or value != value.lower() or not value.strip():
        return value
    for text in (hit.message.subject or "", hit.message.text, hit.found.title):
        at = lower(text).find(value)  # offsets kept, so the slice is the words as written
        # a chat message written all in lower case ("bessemer reached out") leaves the
        # capitals to the title ("Inbound interest from Bessemer")
        if at >= 0 and (written := text[at:at + len(value)]) != value:
            return written
    return value


_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")


def _fit(title: str) -> str:
    """A title as an investor reads it: one line, Markdown links as their words ("[Zestful](
    https://...)" -> "Zestful"), no bracket left open by a cut."""
    title = " ".join(_MD_LINK.sub(r"\1", title).split())
    title = readable(title)  # no bracket left open, no loose stop or markdown at its ends
    return title if len(title) <= _MAX_TITLE else title[:_MAX_TITLE - 1].rstrip() + "\u2026"


def _event(company: str, fp: str, entry: _Merged) -> SignificantEvent:
    found = entry.hit.found
    mentions = len(entry.ids)
    # cut to its core after merging: fingerprints never see it, so what is found stays the same
    title = readable(polished(_fit(found.title), found.event_type, found.negative,
                              entry.hit.span.text, found.metrics))
    if found.event_type is EventType.PRODUCT_LAUNCH:
        title = whole_version(title, entry.hit.span.text)  # "Released Tilt v0" for "v0.8"
    title = retitled(title, found.event_type, entry.hit.span.text)
    metrics = {k: _as_written(v, entry.hit) for k, v in found.metrics.items()}
    return SignificantEvent(
        company_id=company, event_type=found.event_type,
        severity=SEVERITY.get(found.event_type, Severity.MEDIUM), title=title,
        description=f"{title}. Stated in {counted(mentions, 'message')}.",
        metrics=metrics, timeline=entry.hit.message.timestamp.date().isoformat(),
        stakeholders=list(entry.stakeholders), source_message_ids=list(entry.ids),
        evidence=entry.hit.span.text[:500], evidence_spans=list(entry.spans),
        polarity=Polarity.NEGATIVE if found.negative else Polarity.POSITIVE,
        confidence=min(0.95, 0.7 + 0.05 * (mentions - 1)), extractor="rules", fingerprint=fp)
