"""Batch identity shared by every batcher: the same messages always make the same batch id."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from signalpipe.models import Batch, Message


def make_batch(messages: Sequence[Message], *, lease_token: str = "") -> Batch:
    first = messages[0]
    digest = hashlib.blake2b(digest_size=12)
    for message in messages:
        digest.update(message.id.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return Batch(id=f"{first.company_id}-{first.source.value}-{digest.hexdigest()}",
                 company_id=first.company_id, source=first.source, messages=tuple(messages),
                 lease_token=lease_token)
