"""What the generator writes: rows in the seed CSV's shape, and the planted events' truth.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

CSV_HEADER = ("id", "is_chat", "chat_sender", "email_sender", "timestamp", "content")
MetricValue = int | float | str


class GeneratedRow(NamedTuple):
    """One generated message. ``sender`` is a display name for chat and an address for email."""

    id: str
    is_chat: bool
    sender: str
    timestamp: str
    content: str
    channel: str  # Slack channel name without "#"; "" for email
    label: str = "mundane"  # "event" (mentions a planted event), "distractor" or "mundane"

    def csv_fields(self) -> tuple[str, str, str, str, str, str]:
        """The row in CSV_HEADER order."""
        if self.is_chat:
            return (self.id, "true", self.sender, "", self.timestamp, self.content)
        return (self.id, "false", "", self.sender, self.timestamp, self.content)

    def as_dict(self) -> dict[str, str]:
        """CSV keys plus ``channel``; email content starts with "Subject: ..." and a blank line."""
        out = dict(zip(CSV_HEADER, self.csv_fields(), strict=True))
        out["channel"] = self.channel
        return out


@dataclass(frozen=True, slots=True)
class TruthEvent:
    """A planted event: type, canonical metrics, every message id that mentions it, a title,
    the phrasing family of each mention (``families[i]`` wrote ``message_ids[i]``) and whether it
    is a lowlight (bad news, scored against events of negative polarity)."""

    event_type: str
    metrics: dict[str, MetricValue]
    message_ids: list[str]
    title: str
    families: list[str] = field(default_factory=list)
    lowlight: bool = False
    alt_types: list[str] = field(default_factory=list)  # LABELLING.md: what a careful annotator
    # could also pick (a renewal is a customer outcome and a deal); scoring accepts either

    def to_json(self) -> str:
        """One JSONL line: event_type, alt_types, metrics, message_ids, title, families,
        lowlight."""
        return json.dumps({"event_type": self.event_type, "alt_types": self.alt_types,
                           "metrics": self.metrics, "message_ids": self.message_ids,
                           "title": self.title, "families": self.families,
                           "lowlight": self.lowlight},
                          ensure_ascii=False)



def default_truth_path(out_path: Path) -> Path:
    """data/full_data.csv -> data/full_data.truth.jsonl."""
    return out_path.with_name(out_path.name.split(".", 1)[0] + ".truth.jsonl")

