"""Checks that an event is proven by the messages it cites. Pure functions, usable by any extractor.

An event is grounded when it cites only ids of messages it was shown, its evidence quote occurs in
one of them, and every figure it states (metric values, and numbers in its title) is written in
them. "$12M", "12 million", "$12,000,000" and 12000000 are the same figure; "40%" is 40 (or 0.4).
Messages flagged as injection attempts prove nothing: an event must be grounded in the others.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from signalpipe.models import Message, MetricValue, SignificantEvent

logger = logging.getLogger(__name__)

_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "million": 1e6,
           "b": 1e9, "bn": 1e9, "billion": 1e9, "trillion": 1e12}
_AMOUNT = re.compile(
    r"(?<![\w.])(?P<cur>[$€£¥])?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mm|mn|bn|k|m|b)\b)?"
    r"(?:\s?(?P<pct>%|percent\b|pct\b))?",
    re.IGNORECASE,
)
_REL_TOL = 1e-9


@dataclass(frozen=True, slots=True)
class Amount:
    """One figure written in text: its value with scale applied, the digits as written."""

    value: float
    raw: float
    percent: bool = False
    currency: bool = False
    scaled: bool = False

    @property
    def is_trivial(self) -> bool:
        """A bare small count or a year: too common in prose to demand proof for (see check)."""
        if self.percent or self.currency or self.scaled:
            return False
        return (self.value.is_integer() and self.value <= 12) or 1990 <= self.value <= 2100


def parse_amounts(text: str) -> list[Amount]:
    """Every figure in `text`: "$1.2M" -> 1200000, "40%" -> 40 (percent), "12,000" -> 12000."""
    return [_amount(m) for m in _AMOUNT.finditer(text)]


def parse_figure(text: str) -> Amount | None:
    """The figure when `text` is exactly one ("$12M", "40%", "12,000"), else None."""
    match = _AMOUNT.fullmatch(text.strip())
    return _amount(match) if match else None


def _amount(m: re.Match[str]) -> Amount:
    raw = float(m["num"].replace(",", ""))
    scale = _SCALES[m["scale"].lower()] if m["scale"] else 1.0
    return Amount(value=raw * scale, raw=raw, percent=bool(m["pct"]), currency=bool(m["cur"]),
                  scaled=bool(m["scale"]))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _REL_TOL * max(abs(a), abs(b), 1.0)


def _significant_digits(x: float) -> int:
    return len(Decimal(repr(abs(x))).normalize().as_tuple().digits)


def _rounds_to(actual: float, stated: float) -> bool:
    # "12.3k users" may summarize "12,345 users": accept a stated figure that is the written one
    # rounded to the stated precision, but demand 2+ significant digits so 500M != 480M.
    sig = _significant_digits(stated)
    if sig < 2 or actual == 0:
        return False
    return _close(float(f"{actual:.{sig}g}"), stated)


def number_in(value: float, amounts: Iterable[Amount]) -> bool:
    """True when the number `value` is one of `amounts` (scaled, as written, or as a fraction)."""
    for a in amounts:
        candidates = [a.value, a.raw] + ([a.value / 100] if a.percent else [])
        if any(_close(c, value) or _rounds_to(c, value) for c in candidates):
            return True
    return False


def metric_grounded(value: MetricValue, amounts: Sequence[Amount]) -> bool:
    """A numeric value, or every figure inside a string value, is written in the source text."""
    if isinstance(value, bool):
        return True
    if isinstance(value, int | float):
        return number_in(float(value), amounts)
    return all(number_in(a.value, amounts) for a in parse_amounts(value))


def normalize(text: str) -> str:
    """Case, width, quotes, punctuation and spacing removed: what a quote match should ignore."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def quote_in(quote: str, text: str) -> bool:
    """The quote occurs in the text, allowing "..." elisions between its fragments."""
    haystack = normalize(text)
    position = 0
    fragments = [normalize(f) for f in re.split(r"\.\.\.|…", quote)]
    fragments = [f for f in fragments if f]
    if not fragments:
        return False
    for fragment in fragments:
        found = haystack.find(fragment, position)
        if found < 0:
            return False
        position = found + len(fragment)
    return True


def message_text(message: Message) -> str:
    """What a message says, subject included (emails often put the figure in the subject)."""
    return f"{message.subject}\n{message.text}" if message.subject else message.text


def check_event(event: SignificantEvent, messages: Mapping[str, Message], *,
                suspicious_ids: Collection[str] = ()) -> tuple[str, str] | None:
    """Why `event` is not grounded in `messages` as ``(reason, detail)``, or None when it is.

    Args:
        event: the candidate event.
        messages: the messages the extractor was shown, by id.
        suspicious_ids: ids of messages flagged as prompt-injection attempts; they prove nothing.
    """
    unknown = [i for i in event.source_message_ids if i not in messages]
    if unknown:
        return "unknown_source_ids", ",".join(unknown)[:200]
    trusted = [messages[i] for i in event.source_message_ids if i not in suspicious_ids]
    if not trusted:
        return "injection_only_sources", ",".join(event.source_message_ids)[:200]
    if not event.evidence.strip():
        return "missing_evidence", ""
    if not any(quote_in(event.evidence, message_text(m)) for m in trusted):
        return "evidence_not_in_sources", event.evidence[:200]
    amounts = [a for m in trusted for a in parse_amounts(message_text(m))]
    for name, value in event.metrics.items():
        if not metric_grounded(value, amounts):
            return "ungrounded_metric", f"{name}={value}"
    for figure in parse_amounts(event.title):
        if not figure.is_trivial and not number_in(figure.value, amounts):
            return "ungrounded_title_figure", event.title[:200]
    return None


def ground_events(events: Iterable[SignificantEvent], messages: Mapping[str, Message], *,
                  suspicious_ids: Collection[str] = (), keep_ungrounded: bool = False,
                  ) -> tuple[list[SignificantEvent], list[tuple[str, str]]]:
    """Split events into accepted and rejected ``(title, reason)``.

    With `keep_ungrounded`, failing events are kept with ``flagged`` set to the reason instead,
    except those citing unknown ids: an event with no real source cannot be shown to anyone.
    """
    accepted: list[SignificantEvent] = []
    rejected: list[tuple[str, str]] = []
    for event in events:
        failure = check_event(event, messages, suspicious_ids=suspicious_ids)
        if failure is None:
            accepted.append(event)
            continue
        reason, detail = failure
        logger.info("ungrounded event %r: %s %s", event.title, reason, detail)
        if keep_ungrounded and reason != "unknown_source_ids":
            accepted.append(event.model_copy(update={"flagged": f"{reason}: {detail}"}))
        else:
            rejected.append((event.title, reason))
    return accepted, rejected
