"""The messages around an event's source: what came just before and after it in the same
thread (or channel, for Slack messages outside a thread).

The message store has no read by channel (its keys are message ids; a scan of a million
messages per page view is out of the question), so the neighbours are taken from the messages
that the events of the same days cite: the store's own `get_many`, one call, bounded. A quiet
message that no event cites is not shown; the page says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from signalpipe.models import Message
from signalpipe.serve.desk import Desk
from signalpipe.serve.inbox import Row

WINDOW = timedelta(days=3)
MAX_CANDIDATES = 400
"""Messages read to find neighbours: enough for a busy channel's few days, bounded."""


def conversation(message: Message) -> tuple[str, str]:
    """What "the same conversation" means for a message: its thread, else its channel."""
    if message.thread_id:
        return ("thread", message.thread_id)
    if message.channel:
        return ("channel", message.channel)
    return ("sender", message.sender)


def _pool(rows: Sequence[Row], days: Sequence[date | None], limit: int) -> list[str]:
    """Source ids of the events dated near any of `days`, nearest day first, at most `limit`."""
    known = [d for d in days if d is not None]

    def distance(r: Row) -> int:
        if r.day is None or not known:
            return WINDOW.days
        return min(abs((r.day - d).days) for d in known)

    near = sorted((r for r in rows if distance(r) <= WINDOW.days), key=distance)
    return list(dict.fromkeys(i for r in near for i in r.event.source_message_ids))[:limit]


def _split(source: Message, others: Sequence[Message],
           each_side: int) -> tuple[list[Message], list[Message]]:
    where = conversation(source)
    same = sorted((m for m in others if m.id != source.id and conversation(m) == where
                   and abs(m.timestamp - source.timestamp) <= WINDOW),
                  key=lambda m: (m.timestamp, m.id))
    before = [m for m in same if m.timestamp <= source.timestamp][-each_side:]
    after = [m for m in same if m.timestamp > source.timestamp][:each_side]
    return before, after


def neighbours(desk: Desk, row: Row, rows: Sequence[Row], *,
               each_side: int = 3) -> tuple[Message | None, list[Message], list[Message]]:
    """(the event's first source message, up to `each_side` messages before it, after it)."""
    first = desk.messages.get_many(row.event.source_message_ids[:1])
    if not first:
        return None, [], []
    others = desk.messages.get_many(_pool(rows, [row.day], MAX_CANDIDATES))
    return first[0], *_split(first[0], others, each_side)


def around_each(desk: Desk, shown: Sequence[Row], rows: Sequence[Row], *,
                each_side: int = 1) -> dict[str, tuple[list[Message], list[Message]]]:
    """For each shown event, the messages just before and after its first source, read in
    two calls for the whole page."""
    firsts = {r.event.fingerprint: r.event.source_message_ids[0] for r in shown}
    pool = _pool(rows, [r.day for r in shown], 2 * MAX_CANDIDATES)
    found = {m.id: m for m in desk.messages.get_many(
        list(dict.fromkeys([*firsts.values(), *pool])))}
    others = list(found.values())
    return {fp: _split(found[mid], others, each_side)
            for fp, mid in firsts.items() if mid in found}
