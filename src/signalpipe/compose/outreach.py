"""The outreach email: a founder writing to one investor to raise. Traction first (the KPI
table's strongest lines, the biggest deals), the round, then one concrete ask: a call at the
proposed times. Built from the same content as the update."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from signalpipe.formatting import money
from signalpipe.inert import one_line
from signalpipe.kpis import KpiLine
from signalpipe.models import EventType, Polarity, SignificantEvent

if TYPE_CHECKING:
    from signalpipe.compose.doc import Item, UpdateContext, UpdateDoc, _Cites

_MONEY_KPIS = ("arr", "mrr", "revenue")
# Funding news that is not a round: "Most recent round: First verbal investment offer" told an
# investor a round had closed.
_NOT_CLOSED = re.compile(r"\b(?:offers?|term sheets?|talks|verbal|in discussions?|exploring)\b",
                         re.IGNORECASE)


def outreach(doc: UpdateDoc, ctx: UpdateContext, lines: Sequence[KpiLine],
             ordered: Sequence[tuple[SignificantEvent, date | None]], cites: _Cites) -> UpdateDoc:
    from signalpipe.compose.doc import (
        Section,
        _item,
        _progression,
        _title,
        one_money,
        recipient,
    )

    s = ctx.settings
    name, _, firm = recipient(ctx.to or (s.to[0] if s.to else ""))
    first = name.split()[0] if name else ""
    good = [(e, d) for e, d in ordered if e.polarity is Polarity.POSITIVE]
    traction = [_progression(ln, cites) for ln in lines if ln.metric in _MONEY_KPIS]
    traction += [_progression(ln, cites) for ln in lines if ln.metric not in _MONEY_KPIS][:3]
    deals = sorted((p for p in good if p[0].event_type in (EventType.ENTERPRISE_DEAL,
                                                           EventType.PARTNERSHIP,
                                                           EventType.CUSTOMER_SUCCESS)),
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
    headline = traction[0].text if traction else (_title(good[0][0]) if good else "")
    subject = f"{doc.company}: {headline}" if headline else f"{doc.company}: introduction"
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
    funding = [(e, d) for e, d in good if e.event_type is EventType.FUNDING
               and not _NOT_CLOSED.search(f"{e.title} {e.metrics.get('stage', '')}")]
    if not funding:
        return None
    event, day = max(funding, key=lambda p: p[1] or date.min)
    amount = event.metrics.get("amount_usd")
    rnd = event.metrics.get("round")
    what = " ".join(str(x) for x in (
        money(float(amount)) if isinstance(amount, int | float) else "",
        str(rnd).title() if rnd else "") if x)
    return Item(f"Most recent round: {what or one_line(event.title)}",
                cites.of(event.source_message_ids), day)


def _either(times: Sequence[str]) -> str:
    times = [one_line(t) for t in times]
    return times[0] if len(times) == 1 else ", ".join(times[:-1]) + f" or {times[-1]}"
