"""Checks that an event is proven by the messages it cites. Pure functions, usable by any extractor.

An event is grounded when it cites only ids of messages it was shown, its evidence quote occurs in
one of them and is not text that was quoted, translated, templated or role-played (the shared
veto ``reported_not_happened``), its evidence spans point at that quote, and every figure it
states (metric values, and numbers in its title) is written in them. "$12M", "12 million",
"$12,000,000" and 12000000 are the same figure; "40%" is 40 (or 0.4). Messages flagged as
injection attempts prove nothing: an event must be grounded in the others.

Evidence spans are character offsets into a cited message's text (or subject). A model counts
characters badly, so a span that is off by a little is moved onto the quote where it really
stands; a span that points elsewhere, outside the message or at another message is rejected.
Grounding returns events with their spans fixed, and adds a span where an extractor gave none.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping

from signalpipe.extract.rules.modality import reported_not_happened
from signalpipe.figures import metric_grounded, number_in, parse_amounts
from signalpipe.models import EvidenceSpan, Message, SignificantEvent

logger = logging.getLogger(__name__)

SPAN_TOLERANCE = 40
"""How far (in characters) a model's span may start from where its quote really stands."""


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


def _quote_pattern(quote: str) -> re.Pattern[str] | None:
    # Words in order, anything that is not a word between them (case, quotes, spacing and
    # punctuation may differ), and any text where the quote elides with "...".
    fragments = [re.findall(r"\w+", f) for f in re.split(r"\.\.\.|…", quote)]
    parts = [r"\W+".join(map(re.escape, words)) for words in fragments if words]
    if not parts:
        return None
    return re.compile(r"[\s\S]*?".join(parts), re.IGNORECASE)


def locate(quote: str, text: str, near: int = 0) -> tuple[int, int] | None:
    """Where `quote` stands in `text` as ``(start, end)``: the occurrence nearest `near`."""
    pattern = _quote_pattern(quote)
    if pattern is None:
        return None
    found = [(m.start(), m.end()) for m in pattern.finditer(text)]
    return min(found, key=lambda se: abs(se[0] - near)) if found else None


def _field(message: Message, field: str) -> str:
    return (message.subject or "") if field == "subject" else message.text


def _span_matches(quote: str, text: str) -> bool:
    return (bool(text.strip()) and normalize(text) == normalize(quote)) or (
        quote_in(quote, text) and len(normalize(text)) <= len(normalize(quote)) + 8)


def fixed_spans(event: SignificantEvent, trusted: Mapping[str, Message]
                ) -> list[EvidenceSpan] | tuple[str, str]:
    """The event's spans, each checked and moved onto its quote when off by a little, or
    ``(reason, detail)`` when one cannot be. With no spans, the quote is located in a cited
    message (text first, then subject); grounding has already checked that it is there."""
    spans: list[EvidenceSpan] = []
    for span in event.evidence_spans:
        message = trusted.get(span.message_id)
        if message is None:
            return "evidence_span_outside_sources", span.message_id[:200]
        text = _field(message, span.field)
        if span.end <= len(text) and _span_matches(event.evidence, text[span.start:span.end]):
            spans.append(span)
            continue
        where = locate(event.evidence, text, near=span.start)
        if where is None or abs(where[0] - span.start) > SPAN_TOLERANCE:
            return "evidence_span_mismatch", f"{span.message_id}[{span.start}:{span.end}]"
        spans.append(span.model_copy(update={"start": where[0], "end": where[1]}))
    if spans:
        return list(dict.fromkeys(spans))
    for mid in event.source_message_ids:
        message = trusted.get(mid)
        for field in ("text", "subject"):
            if message is not None and (where := locate(event.evidence,
                                                        _field(message, field))) is not None:
                return [EvidenceSpan(message_id=mid, start=where[0], end=where[1],
                                     field=field)]
    return []


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
    if (veto := reported_not_happened(event.evidence)) is not None:
        return "reported_not_happened", veto[:200]
    spans = fixed_spans(event, {m.id: m for m in trusted})
    if isinstance(spans, tuple):
        return spans
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
            trusted = {i: messages[i] for i in event.source_message_ids
                       if i in messages and i not in suspicious_ids}
            spans = fixed_spans(event, trusted)
            if isinstance(spans, list) and spans != event.evidence_spans:
                event = event.model_copy(update={"evidence_spans": spans})
            accepted.append(event)
            continue
        reason, detail = failure
        logger.info("ungrounded event %r: %s %s", event.title, reason, detail)
        if keep_ungrounded and reason != "unknown_source_ids":
            accepted.append(event.model_copy(update={"flagged": f"{reason}: {detail}"}))
        else:
            rejected.append((event.title, reason))
    return accepted, rejected
