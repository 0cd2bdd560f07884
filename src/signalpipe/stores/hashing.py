"""Content hashes that tell a replayed message from a different message reusing an id."""

from __future__ import annotations

import hashlib

from signalpipe.models import Message


def content_hash(message: Message, iso_timestamp: str | None = None) -> str:
    """`iso_timestamp`: the message's timestamp in ISO form, when the caller has it already.

    str(source) is the StrEnum's value without the enum property lookup (this runs per
    message)."""
    stamp = iso_timestamp or message.timestamp.isoformat()
    basis = "\x1f".join((str(message.source), message.sender, stamp, message.text))
    return hashlib.blake2b(basis.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
