"""Events that one reader takes as one: two tellings of the same thing that reach the store as
two events (two channels, two messages of one post), joined for the update and the report.

The store keeps both (each is reviewed on its own); only what a reader sees is folded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from signalpipe.models import EventType, Polarity, SignificantEvent

Dated = tuple[SignificantEvent, date | None]

_ON_PLATFORM = re.compile(r"Launched on (?P<where>.+)")
_KEY_METRICS = ("publication", "partner", "customer", "investor", "who")
_NAMED_VERSIONS = frozenset({EventType.PRODUCT_LAUNCH, EventType.TECHNICAL_ACHIEVEMENT})
"""Types whose names grow by edition ("TinyPilot" then "TinyPilot Pro"): two things, not one."""


def _joined(base: SignificantEvent, other: SignificantEvent, **update: object
            ) -> SignificantEvent:
    ids = list(dict.fromkeys([*base.source_message_ids, *other.source_message_ids]))
    return base.model_copy(update={"source_message_ids": ids, **update})


def fold_platform_launches(events: Sequence[Dated]) -> list[Dated]:
    """A launch told only by where it went live ("Launched on Product Hunt", from "we're live
    on Product Hunt") joins the named launch of the same day ("Launched ScaleFlow 2.0 on
    Product Hunt"), citing both: two sources of one launch in different channels reach the
    store as two events, and an investor would read two launches."""
    named = {d: e for e, d in events if d is not None and e.event_type is EventType.PRODUCT_LAUNCH
             and e.metrics.get("product")}
    folded: dict[int, SignificantEvent] = {}
    out = []
    for e, d in events:
        where = _ON_PLATFORM.fullmatch(e.title)
        target = named.get(d) if d is not None else None
        if where is None or target is None or e.metrics.get("product") \
                or e.event_type is not EventType.PRODUCT_LAUNCH:
            out.append((e, d))
            continue
        base = folded.get(id(target), target)
        title = base.title if where["where"] in base.title else f"{base.title} on {where['where']}"
        folded[id(target)] = _joined(base, e, title=title)
    return [(folded.get(id(e), e), d) for e, d in out]


_UNNAMED = re.compile(r"Launched an? (?:new |first )?\S.*", re.IGNORECASE)


def fold_unnamed_launches(events: Sequence[Dated]) -> list[Dated]:
    """A launch told without its name ("Launched a new TinyPilot product") joins the named
    launch that one of its messages tells ("Launched Voyager"): one post naming the product
    in one paragraph and not in another read as two launches."""
    named = [e for e, _ in events if e.event_type is EventType.PRODUCT_LAUNCH
             and not _UNNAMED.fullmatch(e.title)]
    folded: dict[int, SignificantEvent] = {}
    out = []
    for e, d in events:
        ids = set(e.source_message_ids)
        target = next((n for n in named if ids & set(n.source_message_ids)), None) \
            if e.event_type is EventType.PRODUCT_LAUNCH and _UNNAMED.fullmatch(e.title) else None
        if target is None:
            out.append((e, d))
            continue
        folded[id(target)] = _joined(folded.get(id(target), target), e)
    return [(folded.get(id(e), e), d) for e, d in out]


def fold_unnamed_deals(events: Sequence[Dated]) -> list[Dated]:
    """A deal told without its customer ("Signed an enterprise deal ($480K)") joins the named
    deal of the same value ("Signed Granite Labs ($480K)"): one contract told by sales and by
    finance read as two."""
    named = {e.metrics.get("value_usd"): e for e, _ in events
             if e.event_type is EventType.ENTERPRISE_DEAL and e.metrics.get("customer")
             and e.metrics.get("value_usd")}
    folded: dict[int, SignificantEvent] = {}
    out = []
    for e, d in events:
        target = named.get(e.metrics.get("value_usd")) \
            if e.event_type is EventType.ENTERPRISE_DEAL and not e.metrics.get("customer") \
            and e.polarity is not Polarity.NEGATIVE else None
        if target is None or target.polarity is not e.polarity:
            out.append((e, d))
            continue
        folded[id(target)] = _joined(folded.get(id(target), target), e)
    return [(folded.get(id(e), e), d) for e, d in out]


def key_name(event: SignificantEvent) -> str | None:
    """The name an event is about: the outlet of a review, the partner of a deal."""
    for key in _KEY_METRICS:
        value = event.metrics.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return event.stakeholders[0] if event.stakeholders else None


def _words(name: str) -> list[str]:
    return [re.sub("['\\u2019]s$", "", w) for w in name.casefold().split()]


def same_name(a: str, b: str) -> bool:
    """One name a word-prefix of the other: "Jeff" / "Jeff Geerling", "Acme" / "Acme Corp",
    "Jeff's" / "Jeff"; "Jeffrey" is not "Jeff"."""
    wa, wb = _words(a), _words(b)
    short, long = sorted((wa, wb), key=len)
    return bool(short) and long[:len(short)] == short


@dataclass
class _Kept:
    event: SignificantEvent
    day: date | None
    name: str | None


def _one(kept: _Kept, event: SignificantEvent, name: str | None) -> bool:
    """The same title ("Sold TinyPilot" from two messages), or names one a prefix of the other
    (never for editions of a product)."""
    if kept.event.title.casefold() == event.title.casefold():
        return True
    return name is not None and kept.name is not None \
        and event.event_type not in _NAMED_VERSIONS and same_name(kept.name, name)


def fold_name_prefixes(events: Sequence[Dated], *, same_day: bool) -> list[Dated]:
    """Two events of one type whose names are one a prefix of the other ("Coverage by Jeff",
    "Coverage by Jeff Geerling": two readings of one review), or with one title, become one,
    under the longer name, citing both. `same_day` asks the two to share a day (the report
    spans every period; an update's events already share one)."""
    kept: list[_Kept] = []
    for e, d in events:
        name = key_name(e)
        match = next((k for k in kept if k.event.event_type is e.event_type
                      and (not same_day or k.day == d) and _one(k, e, name)), None)
        if match is None:
            kept.append(_Kept(e, d, name))
            continue
        longer = name is not None and len(name) > len(match.name or "")
        base, other = (e, match.event) if longer else (match.event, e)
        match.event = _joined(base, other)
        match.name = name if longer else match.name
        match.day = min((x for x in (d, match.day) if x is not None), default=None)
    return [(k.event, k.day) for k in kept]
