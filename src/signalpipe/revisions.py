"""Which of two messages under one id is the later version (an edit or a deletion seen by a
live sync), so the worker replaces a stored message instead of dead-lettering a conflict.

Only a source's own revision marks count: Slack's ``edited.ts``, and the tombstone a sync
writes for a deleted message (``subtype: message_deleted``). Two different messages with no
such mark under one id are still a conflict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from signalpipe.models import Message

DELETED = "message_deleted"


def revision(message: Message) -> float:
    """The message's revision time; 0 for an unrevised message, infinity for a tombstone."""
    payload = message.payload
    if payload.get("subtype") == DELETED:
        return float("inf")
    edited = payload.get("edited")
    if isinstance(edited, dict):
        try:
            return float(edited.get("ts") or 0)
        except (TypeError, ValueError):
            return 0.0
    return 0.0


def is_deletion(message: Message) -> bool:
    return message.payload.get("subtype") == DELETED


@dataclass
class Revisions:
    """Conflicting messages sorted against what is stored under their ids."""

    newer: list[Message] = field(default_factory=list)
    """Later versions: they replace the stored message."""
    stale: list[Message] = field(default_factory=list)
    """Earlier versions (a replay from before an edit): nothing to do."""
    conflicts: list[Message] = field(default_factory=list)
    """Different content and no revision to tell them apart: dead letters."""


def sort_revisions(incoming: Sequence[Message], stored: Sequence[Message]) -> Revisions:
    """File each incoming message against the stored one with its id."""
    current = {m.id: m for m in stored}
    out = Revisions()
    latest: dict[str, Message] = {}
    for message in incoming:
        old = current.get(message.id)
        if old is None:
            out.conflicts.append(message)
            continue
        new_rev, old_rev = revision(message), revision(old)
        if new_rev > old_rev:
            seen = latest.get(message.id)
            if seen is None or revision(seen) < new_rev:
                latest[message.id] = message
                if seen is not None:
                    out.stale.append(seen)  # overtaken by a later edit in the same call
            else:
                out.stale.append(message)
        elif new_rev < old_rev or (new_rev == old_rev and new_rev > 0):
            out.stale.append(message)
        else:
            out.conflicts.append(message)
    out.newer = list(latest.values())
    return out
