"""Content hashes that tell a replayed message from a different message reusing an id."""

from __future__ import annotations

import hashlib

from signalpipe.models import Message


def content_hash(message: Message) -> str:
    basis = "\x1f".join((message.source.value, message.sender, message.timestamp.isoformat(),
                         message.text))
    return hashlib.blake2b(basis.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
