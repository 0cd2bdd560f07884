"""The outreach email: a founder writing to one investor to raise. Traction first (the KPI
table's strongest lines, the biggest deals), the round, then one concrete ask: a call at the
proposed times. Built from the same content as the update."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from signalpipe.compose.rounds import recency
from signalpipe.formatting import money
from signalpipe.inert import one_line
from signalpipe.kpis import LOWER_IS_BETTER, QUALIFIED_REVENUE, KpiLine, show
from signalpipe.models import EventType, Polarity, SignificantEvent

if TYPE_CHECKING:
    from signalpipe.compose.doc import Item, UpdateContext, UpdateDoc, _Cites

_MONEY_KPIS = ("arr", "mrr", "revenue", *QUALIFIED_REVENUE)
# Funding news that is not a round: "Most recent round: First verbal investment offer" told an
# investor a round had closed.
_NOT_CLOSED = re.compile(r"\b(?:offers?|term sheets?|talks|verbal|in discussions?|exploring)\b",
                         re.IGNORECASE)


def outreach(doc: UpdateDoc, ctx: UpdateContext, lines: Sequence[KpiLine],
             ordered: Sequence[tuple[SignificantEvent, date | None]], cites: _Cites) -> UpdateDoc:
    from signalpipe.compose.doc import (
        Section,
        _item,
        _kpi_event,
        _progression,
        _title,
        folded,
        one_money,
        recipient,
    )

    s = ctx.settings
    name, _, firm = recipient(ctx.to or (s.to[0] if s.to else ""))
    first = name.split()[0] if name else ""
    good = folded([(e, d) for e, d in ordered if e.polarity is Polarity.POSITIVE])
    strong = _strong(lines)
    traction = [_progression(ln, cites) for ln in strong]
    # a deal that only states a KPI the table above already gives would say it twice
    deals = sorted((p for p in good if p[0].event_type in (EventType.ENTERPRISE_DEAL,
                                                           EventType.PARTNERSHIP,
                                                           EventType.CUSTOMER_SUCCESS)
                    and not _kpi_event(p[0], [ln.metric for ln in lines])),
                   key=lambda p: -float(p[0].metrics.get("value_usd", 0) or 0)
                   if not isinstance(p[0].metrics.get("value_usd"), str) else 0)
    traction += [_item(e, d, cites) for e, d in deals[:3]]
    round_item = _round(s.round, good, cites)
    times = [*ctx.call_times, *s.call_times]
    ask = (f"Would you have 30 minutes for a call on {_either(times)}?" if times else
           "Would you have 30 minutes for a call in the next two weeks?")
    sender = s.sender_name or "[Your name]"
    role = f", {s.sender_title}" if s.sender_title else ""
    me = f"I'm {sender.split()[0] if s.sender_name else sender}{role} at {doc.company}."
    fit = f"{firm}'s" if firm else "your"
    opening = (f"{me} We are raising {one_money(s.round)}, and I would value {fit} view; here "
               "is where we are." if s.round else
               f"{me} I think we would be a fit for {firm or 'you'}; here is where we are.")
    sections = [Section("Traction", traction)]
    if round_item is not None:
        sections.append(Section("The round", [round_item]))
    others = [_item(e, d, cites) for e, d in good
              if e.event_type in (EventType.PRODUCT_LAUNCH, EventType.COMPLIANCE,
                                  EventType.MARKET_EXPANSION)][:3]
    if others:
        sections.append(Section("Also", others))
    subject = _subject(doc.company, strong, s.round, _closed_round(good),
                       _title(good[0][0]) if good else "")
    doc.kind = "outreach"
    doc.subject = one_line(subject)
    doc.greeting = f"Hi {first}," if first else "Hello,"
    doc.opening = opening
    doc.kpis = []
    doc.sections = [sec for sec in sections if sec.items]
    doc.closing = [ask, "Thank you for reading."]
    doc.citations = list(cites.by_id.values())
    return doc


def _round(stated: str | None, good: Sequence[tuple[SignificantEvent, date | None]],
           cites: _Cites) -> Item | None:
    from signalpipe.compose.doc import Item, one_money

    if stated:
        return Item(f"We are raising {one_money(stated)}.")
    latest = _closed_round(good)
    if latest is None:
        return None
    event, day = latest
    return Item(f"Most recent round: {_round_words(event) or one_line(event.title)}",
                cites.of(event.source_message_ids), day, event)


def _closed_round(good: Sequence[tuple[SignificantEvent, date | None]]
                  ) -> tuple[SignificantEvent, date | None] | None:
    funding = [(e, d) for e, d in good if e.event_type is EventType.FUNDING
               and not _NOT_CLOSED.search(f"{e.title} {e.metrics.get('stage', '')}")]
    return max(funding, key=recency) if funding else None


def _round_words(event: SignificantEvent) -> str:
    """"$30M Series B" from the round's figures; "" when it states neither."""
    amount = event.metrics.get("amount_usd")
    rnd = str(event.metrics.get("round") or "")
    rnd = rnd.title() if rnd.lower().startswith("series") else rnd.replace("safe", "SAFE")
    return " ".join(x for x in (
        money(float(amount)) if isinstance(amount, int | float) else "",
        rnd[:1].upper() + rnd[1:]) if x)


def _strong(lines: Sequence[KpiLine]) -> list[KpiLine]:
    """The KPI lines an investor is pitched with: money first, then up to three others; a KPI
    that went the wrong way or a latency is no traction ("Traction: Net revenue retention
    124% → 111%" led a fundraising email)."""
    fit = [ln for ln in lines if ln.direction >= 0 and ln.unit != "ms"
           and ln.metric not in LOWER_IS_BETTER]
    return [ln for ln in fit if ln.metric in _MONEY_KPIS] + \
        [ln for ln in fit if ln.metric not in _MONEY_KPIS][:3]


def _figure(line: KpiLine) -> str:
    """A KPI as a subject says it: "11,000 users", "$3M ARR", "124% net revenue retention",
    "NPS 32"."""
    value = show(line.unit, line.now.value)
    if line.unit == "score":
        return f"{line.label} {value}"
    label = line.label if line.label.isupper() else line.label.lower()
    return f"{value} {label}"


def _subject(company: str, strong: Sequence[KpiLine], raising: str | None,
             closed: tuple[SignificantEvent, date | None] | None, news: str) -> str:
    """"ScaleFlow: 11,000 users, $30M Series B": the strongest figure and the round, as an
    investor would open it; the best news when there is no figure; never a bare label."""
    from signalpipe.compose.doc import one_money

    parts = [_figure(strong[0])] if strong else []
    if raising:
        parts.append(f"raising {one_money(raising)}")
    elif closed is not None and _round_words(closed[0]):
        parts.append(_round_words(closed[0]))
    if not parts and news:
        parts.append(news)
    return f"{company}: {', '.join(parts)}" if parts else f"{company}: introduction"


def _either(times: Sequence[str]) -> str:
    times = [one_line(t) for t in times]
    return times[0] if len(times) == 1 else ", ".join(times[:-1]) + f" or {times[-1]}"
