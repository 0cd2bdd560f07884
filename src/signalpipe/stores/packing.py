"""One stored copy of a message, small: its JSON without what can be rebuilt, deflated.

At scale the message store's size is the cost (a 1M-row CSV of 113 MB took 735 MB in SQLite).
Two things made it large: the payload, an API-shaped copy of the message's own fields that the
CSV reader builds (`sources.payloads`), stored beside those fields; and per-row JSON, which
compresses poorly alone because a 300-byte document has no history to refer to. So:

* a payload equal to the one the CSV reader would build from the message's fields is left out
  and rebuilt on read (checked by building it at store time: any other payload is kept whole);
* the JSON is deflated with a preset dictionary holding the document's skeleton (keys, the
  usual values), which gives each small document that missing history.

A packed document starts with a version byte that JSON never starts with, so documents stored
as JSON text before this module read back as they are.
"""

from __future__ import annotations

import json
import zlib
from datetime import datetime
from typing import Any

from pydantic_core import PydanticSerializationError, to_json

from signalpipe.errors import StoreError
from signalpipe.models import Message, source_id_of
from signalpipe.sources.payloads import (
    gmail_payload,
    slack_payload,
    split_subject,
    split_subject_before_2026_12,
)

_V1 = 1
_REBUILT = "payload_rebuilt"  # a key no Message has: the payload was left out, rebuild it
# Never change these bytes: every document packed as version 1 needs them to inflate. A new
# dictionary is a new version byte.
_ZDICT_V1 = (
    b'{"id":"msg-000","company_id":"","source":"gmail","sender":"","channel":null,'
    b'"thread_id":"msg-000","subject":"","timestamp":"2025-01-0T0:00:00Z",'
    b'"text":"Subject: ","origin":".csv:","payload_rebuilt":1}'
    b'{"id":"msg-000","company_id":"","source":"slack","sender":"","channel":null,'
    b'"thread_id":null,"subject":null,"timestamp":"2025-01-0T0:00:00Z","text":"'
)
_LEVEL = 6  # level 9 saves under 1% on documents this small, at twice the CPU
# memLevel 9 gives the same bytes on documents this small but costs ~9x the CPU (its larger
# hash tables are set up for every document; timeit on 5,000 generated messages: 91 us against
# 11 us, 121.7 B either way). Inflating does not depend on it.
_MEM_LEVEL = 8


def pack(message: Message, doc: bytes | None = None) -> bytes:
    """The stored form of `message`; `doc`, when given, is its JSON as read off the bus (what
    is stored, so a payload the bus carried is kept as carried).

    The document holds the id as the source wrote it, not the key: every store keeps the key
    beside the document (the row's key), and `unpack` is given it back; a key repeated in each
    document cost 8 bytes a message once deflated."""
    if doc is None:
        packed = pack_rebuilt(message)
        if packed is not None:
            return packed
    obj = json.loads(doc) if doc is not None else message.model_dump(mode="json")
    obj["id"] = source_id_of(obj["id"])
    return pack_json(obj)


def pack_json(obj: dict[str, Any]) -> bytes:
    """`pack` for a message already parsed from its JSON (a dict, changed in place)."""
    payload = obj.get("payload")
    if payload and payload == rebuilt_payload(obj):
        del obj["payload"]
        obj[_REBUILT] = 1
    raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass")
    return _deflate(raw)


def pack_rebuilt(message: Message) -> bytes | None:
    """`pack(message)` for the usual message, whose payload is the one the CSV reader builds:
    the same bytes without a JSON round trip (None for any other message: `pack` does it).

    This is most of the embedded ingest's storing time, so the document is built from the
    message's attributes (in `Message`'s field order, as `model_dump` would give it, less the
    payload) and written by pydantic-core rather than `json.dumps`: on a document of strings,
    nulls and one integer both write the same bytes (every code point escapes alike;
    `tests/unit/test_packing.py` checks them all, and that both paths agree). A payload counts
    as rebuilt when both serialize to the same JSON, which implies `pack_json`'s test on the
    parsed payload. A lone surrogate, which pydantic-core will not encode, takes the general
    path. A field added to `Message` must be added here too: the tests comparing the two paths
    fail until it is."""
    if not message.payload:
        return None
    try:
        obj: dict[str, Any] = {
            "id": source_id_of(message.id), "company_id": message.company_id,
            "source": str(message.source), "sender": message.sender,  # the value, no lookup
            "channel": message.channel, "thread_id": message.thread_id,
            "subject": message.subject,
            # the serializer model_dump(mode="json") uses for this field
            "timestamp": to_json(message.timestamp)[1:-1].decode(),
            "text": message.text, "origin": message.origin}
        rebuilt = rebuilt_payload(obj)
        if rebuilt is None or to_json(message.payload) != to_json(rebuilt):
            return None
        obj[_REBUILT] = 1
        raw = to_json(obj)
    except PydanticSerializationError:
        return None
    return _deflate(raw)


def _deflate(raw: bytes) -> bytes:
    deflate = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15, _MEM_LEVEL, zlib.Z_DEFAULT_STRATEGY,
                               _ZDICT_V1)
    return bytes((_V1,)) + deflate.compress(raw) + deflate.flush()


def unpack(stored: bytes | str, key: str | None = None) -> Message:
    """The message a `pack` result (or a document stored as JSON text before) holds; `key`: the
    key it is stored under, which becomes its id (without it, the id is the source's own)."""
    if isinstance(stored, str) or not stored or stored[0] != _V1:
        # JSON text, as str or bytes, stored before packing
        message = Message.model_validate_json(stored)
        return message if key is None or message.id == key else message.model_copy(
            update={"id": key})
    try:
        inflate = zlib.decompressobj(-15, _ZDICT_V1)
        raw = inflate.decompress(stored[1:]) + inflate.flush()
    except zlib.error as exc:
        raise StoreError(f"a stored message does not inflate: {exc}") from None
    obj = json.loads(raw.decode("utf-8", "surrogatepass"))
    if obj.pop(_REBUILT, None):
        obj["payload"] = rebuilt_payload(obj)
    if key is not None:
        obj["id"] = key
    # Through JSON, not model_validate(dict): the same parsing as every other read path.
    return Message.model_validate_json(json.dumps(obj, ensure_ascii=False).encode(
        "utf-8", "surrogatepass"))


def rebuilt_payload(obj: dict[str, Any]) -> dict[str, Any] | None:
    """The payload the CSV reader builds for a message's fields (as JSON), None when it builds
    none."""
    try:
        ts = datetime.fromisoformat(obj["timestamp"])
        own_id = source_id_of(obj["id"])  # the payload holds the id the CSV row gave
        if obj["source"] == "slack":
            return slack_payload(own_id, obj["sender"], obj["text"], ts,
                                 channel=obj.get("channel"), team=obj["company_id"])
        if obj["source"] == "gmail" and obj.get("thread_id") == own_id:
            subject, body = split_subject(obj["text"])
            if obj.get("subject") not in (None, subject):
                # written before one-line cells were split: rebuild what was stored then
                subject, body = split_subject_before_2026_12(obj["text"])
            return gmail_payload(own_id, obj["sender"], subject, body, ts,
                                 to=f"investors@{obj['company_id']}.example")
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return None
