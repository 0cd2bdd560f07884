"""The messages around an event's source: what came just before and after it in the same
thread (or channel, for Slack messages outside a thread).

The message store has no read by channel (its keys are message ids; a scan of a million
messages per page view is out of the question), so the neighbours are taken from the messages
that the events of the same days cite: the store's own `get_many`, one call, bounded. A quiet
message that no event cites is not shown; the page says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

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


def neighbours(desk: Desk, row: Row, rows: Sequence[Row], *,
               each_side: int = 3) -> tuple[Message | None, list[Message], list[Message]]:
    """(the event's first source message, up to `each_side` messages before it, after it)."""
    first = desk.messages.get_many(row.event.source_message_ids[:1])
    if not first:
        return None, [], []
    source = first[0]
    near = [r for r in rows if r.day is None or row.day is None
            or abs(r.day - row.day) <= WINDOW]
    ids = list(dict.fromkeys(i for r in near for i in r.event.source_message_ids))
    ids = [i for i in ids if i != source.id][:MAX_CANDIDATES]
    where = conversation(source)
    same = sorted((m for m in desk.messages.get_many(ids) if conversation(m) == where),
                  key=lambda m: (m.timestamp, m.id))
    before = [m for m in same if m.timestamp <= source.timestamp][-each_side:]
    after = [m for m in same if m.timestamp > source.timestamp][:each_side]
    return source, before, after
