"""The mentions a stored event was grouped from, as dedup compares them.

Dedup (`extract/dedup.py`) decides closeness mention by mention, and a stored row is the
merge of its group: its title is one member's, its figures every member's. A worker that
starts later and knew each group only by its row would miss a new mention close to one member
but not to the row ("Series A closed" joins a member titled so, not the row titled "Raised
$12M Series A"), and store it apart where one worker would have joined it. So each row keeps
its members' shapes beside it (both event stores, `upsert_many(members=)`), and a worker
rebuilds its index from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Protocol

from pydantic import BaseModel, ConfigDict, TypeAdapter

from signalpipe.models import EventType, Polarity, SignificantEvent


class EventMember(BaseModel):
    """One mention's shape: what closeness reads of it, and the messages that told it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fingerprint: str
    """The mention's own fingerprint (its group's row may be stored under another)."""
    event_type: EventType
    polarity: Polarity
    words: tuple[str, ...]
    """The title's words, lower-cased, stop words left out, sorted."""
    figures: tuple[float, ...]
    """Its non-zero numeric metrics, sorted."""
    labels: tuple[tuple[str, str], ...]
    """Its text metrics (customer, round, investor...), normalised, sorted."""
    title: tuple[str, ...] = ()
    """The title's words in order (members stored before it was kept have none)."""
    day: date | None = None
    """The day its first message was sent (none when unknown or stored before it was kept)."""
    until: date | None = None
    """The day its last message was sent (none: `day`). A mention told by messages of several
    days is as close to another as the nearest of them, however batches split them."""
    message_ids: tuple[str, ...] = ()

    def key(self) -> tuple[object, ...]:
        """The shape without its messages: two mentions with one shape are one member."""
        return (self.fingerprint, self.event_type, self.polarity, self.words, self.figures,
                self.labels, self.title, self.day, self.until)


class Grouping(Protocol):
    """One grouped write (`EventStore.upsert_grouped`): what dedup decided (`Resolution`)."""

    @property
    def events(self) -> Sequence[SignificantEvent]: ...
    @property
    def moved(self) -> Mapping[str, str]: ...
    @property
    def members(self) -> Mapping[str, Sequence[EventMember]]: ...


_MEMBERS = TypeAdapter(list[EventMember])


def merge_members(*groups: Iterable[EventMember]) -> list[EventMember]:
    """One list of members: one entry per shape, its message ids joined, in a stable order
    (so writing the same members again stores the same bytes)."""
    out: dict[tuple[object, ...], EventMember] = {}
    for group in groups:
        for member in group:
            key = member.key()
            prior = out.get(key)
            if prior is not None:
                ids = tuple(sorted({*prior.message_ids, *member.message_ids}))
                member = prior if ids == prior.message_ids else \
                    prior.model_copy(update={"message_ids": ids})
            elif list(member.message_ids) != sorted(set(member.message_ids)):
                member = member.model_copy(
                    update={"message_ids": tuple(sorted(set(member.message_ids)))})
            out[key] = member
    return [out[key] for key in sorted(out, key=repr)]


def dump_members(members: Iterable[EventMember]) -> str:
    """The JSON the stores keep."""
    return _MEMBERS.dump_json(list(members)).decode()


def load_members(text: str | None) -> list[EventMember]:
    """Members from the stores' JSON; none for a row written before members were kept."""
    return _MEMBERS.validate_json(text) if text else []


def fold_members(into: str | None, moving: str | None) -> str | None:
    """The stored members of two rows that fold into one (None while neither kept any)."""
    if into is None or moving is None:
        return into or moving
    return dump_members(merge_members(load_members(into), load_members(moving)))


def without_messages(text: str | None, gone: set[str]) -> str | None:
    """Stored members with the retracted messages in `gone` taken out: a member told only by
    them goes (the mention no longer stands); None when no member is left."""
    if text is None:
        return None
    kept: list[EventMember] = []
    for member in load_members(text):
        ids = tuple(i for i in member.message_ids if i not in gone)
        if ids != member.message_ids:
            if not ids:
                continue
            member = member.model_copy(update={"message_ids": ids})
        kept.append(member)
    return dump_members(kept) if kept else None
