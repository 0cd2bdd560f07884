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
from collections.abc import Collection, Iterable, Mapping

from signalpipe.figures import metric_grounded, number_in, parse_amounts
from signalpipe.models import Message, SignificantEvent

logger = logging.getLogger(__name__)

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
