"""Slack messages as JSON, one object per line: Events API callbacks or Web API message objects.

Each line may be
- an Events API envelope ``{"type": "event_callback", "event": {"type": "message", ...}}``,
- a bare message object as the Web API returns it (``conversations.history`` items), or
- a whole ``conversations.history`` response ``{"ok": true, "messages": [...]}``.

Edits arrive as ``subtype: "message_changed"`` with the new version under ``message``; they are
emitted as a Message with the original message's id and the edited text, so a store that keeps the
latest version per id ends up with the latest text. Deletions (``message_deleted``) are skipped.
A line that is not JSON, or JSON that is not a Slack message, becomes a dead letter.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from signalpipe.sources.base import Item, ProgressFn, Source
from signalpipe.sources.budget import DEFAULT_BUDGET, ReaderBudget, load_json, open_regular
from signalpipe.sources.slack_export import (
    RAW_LIMIT_CHARS,
    SlackContext,
    convert_message,
    dead_letter,
    dump_json,
)

_UNCHANNELED = "unknown"
_PIECE = 1024 * 1024


class SlackJSONSource(Source):
    """Messages from a file of Slack Events API / Web API JSON objects, one per line.

    Args:
        path: the ``.jsonl`` / ``.json`` file.
        company_id: stamped on every message.
        users: user id -> name, to resolve ``user`` and ``<@U123>`` (events carry only ids).
        channels: channel id -> name for ``Message.channel`` and ``<#C123>``.
        keep_non_human: keep joins, bot posts and other system subtypes instead of skipping them.
        max_text_bytes: a message whose plain text is longer is dead-lettered.
    """

    name = "slack-json"

    def __init__(self, path: Path, *, company_id: str, users: Mapping[str, str] | None = None,
                 channels: Mapping[str, str] | None = None, keep_non_human: bool = False,
                 max_text_bytes: int = 1_000_000, budget: ReaderBudget = DEFAULT_BUDGET) -> None:
        self.path = Path(path)
        self.budget = budget
        self.company_id = company_id
        self.users = dict(users or {})
        self.channels = dict(channels or {})
        self.keep_non_human = keep_non_human
        self.max_text_bytes = max_text_bytes
        self.skipped: Counter[str] = Counter()

    def total_bytes(self) -> int:
        """The file size."""
        return os.path.getsize(self.path)

    def read(self, progress: ProgressFn | None = None) -> Iterator[Item]:
        """Yield one item per message found, line by line, in file order."""
        self.skipped.clear()
        ctx = SlackContext(self.company_id, users=self.users, channels=self.channels,
                           keep_non_human=self.keep_non_human,
                           max_text_bytes=self.max_text_bytes, skipped=self.skipped)
        limit = self.budget.max_message_bytes
        with open_regular(self.path) as fh:
            number = 0
            while line := fh.readline(limit + 1):
                number += 1
                if progress is not None:
                    progress(len(line))
                origin = f"{self.path}:{number}"
                if len(line) > limit and not line.endswith(b"\n"):
                    head = line[:RAW_LIMIT_CHARS].decode("utf-8", "replace")
                    while rest := fh.readline(_PIECE):
                        if progress is not None:
                            progress(len(rest))
                        if rest.endswith(b"\n"):
                            break
                    yield dead_letter(origin, f"line longer than max_message_bytes ({limit})",
                                      head)
                elif line.strip():
                    yield from self._line(ctx, line, origin)

    def _line(self, ctx: SlackContext, line: bytes, origin: str) -> Iterator[Item]:
        try:
            obj = load_json(line, self.budget.max_json_depth)
        except ValueError as exc:
            yield dead_letter(origin, f"not JSON: {exc}", line.decode("utf-8", "replace"))
            return
        messages = _messages(obj)
        for index, message in enumerate(messages):
            # A history page holds many messages on one line: each gets its own origin, so two
            # dead letters from one line never share a dead-letter key.
            where = origin if len(messages) == 1 else f"{origin}#{index}"
            item = self._convert(ctx, message, where)
            if item is not None:
                yield item

    def _convert(self, ctx: SlackContext, obj: Any, origin: str) -> Item | None:
        if isinstance(obj, dict) and obj.get("subtype") == "message_changed":
            if not isinstance(obj.get("message"), dict):
                return dead_letter(origin, "message_changed without a message", dump_json(obj))
            obj = {"channel": obj.get("channel"), **obj["message"]}
        elif isinstance(obj, dict) and obj.get("subtype") == "message_deleted":
            ctx.skipped["message_deleted"] += 1
            return None
        channel = str(obj.get("channel") or _UNCHANNELED) if isinstance(obj, dict) else ""
        return convert_message(ctx, obj, channel_id=channel, channel_name=None, origin=origin)


def _messages(obj: Any) -> list[Any]:
    """The message objects inside one line: the event, the history page, or the line itself."""
    if isinstance(obj, dict) and isinstance(obj.get("event"), dict):
        return [obj["event"]]
    if isinstance(obj, dict) and isinstance(obj.get("messages"), list):
        return list(obj["messages"])
    return [obj]

