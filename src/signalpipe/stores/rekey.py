"""Stored messages from before id namespaces, given their keys (`models.message_key`).

A store written before namespaces keyed each message by the id its source wrote. The same input
read again now yields namespaced keys, so without this every message would be stored and
extracted a second time. Which namespace an old message belongs to is told from its document:
a payload the CSV reader would build from the message's own fields is a CSV row's; otherwise a
Slack message's is Slack's and an email's is the email namespace.
"""

from __future__ import annotations

from signalpipe.models import NAMESPACES, Message, Source, message_key
from signalpipe.stores import packing


def is_key(row_id: str, company_id: str) -> bool:
    """`row_id` is already a key of the company."""
    return any(row_id.startswith(message_key(company_id, n, "")) for n in NAMESPACES)


def namespace_of_stored(message: Message) -> str:
    """The namespace a message stored before namespaces belongs to."""
    obj = message.model_dump(mode="json")
    if obj["payload"] and obj["payload"] == packing.rebuilt_payload(obj):
        return "csv"
    return "slack" if message.source is Source.SLACK else "email"


def rekeyed(row_id: str, stored: bytes | str) -> tuple[str, str, bytes] | None:
    """(company, new key, packed document) for a document stored under the bare id `row_id`;
    None when `row_id` is a key already (moved earlier in this pass, or by a migration cut
    short and run again). The row's id decides, not the document's: a document holds the
    source's own id either way (`packing.pack`)."""
    message = packing.unpack(stored, row_id)
    if is_key(row_id, message.company_id):
        return None
    key = message_key(message.company_id, namespace_of_stored(message), message.id)
    return message.company_id, key, packing.pack(message)
