"""Slack's official workspace export, as the downloaded zip or an unpacked folder.

Layout (https://slack.com/help/articles/220556107): ``users.json``, ``channels.json`` (public),
``groups.json`` (private), ``mpims.json`` (group DMs), ``dms.json`` and one folder per
conversation holding one ``YYYY-MM-DD.json`` file per day, each a JSON array of message objects.
Public and private channels and group DMs are foldered by name, DMs by their id.

Memory stays flat however large the export: the metadata files and one day file are held at a
time, never the whole export. A member that cannot be read (bad CRC, truncated deflate stream, not
JSON, not an array) becomes one dead letter and the export goes on.

Message ids: ``client_msg_id`` when Slack recorded one (every message a person typed in a client
has one; signalpipe's writer stores the original id there), else ``"<channel id>:<ts>"``, the pair
that identifies a message in Slack's own API. ``thread_id`` is ``"<channel id>:<thread_ts>"``.
"""

from __future__ import annotations

import json
import logging
import os
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from signalpipe.errors import SourceError
from signalpipe.models import DeadLetter, Message
from signalpipe.models import Source as Channel
from signalpipe.sources.base import Item, ProgressFn, Source
from signalpipe.sources.slack_markup import to_plain

logger = logging.getLogger(__name__)

RAW_LIMIT_CHARS = 65_536
"""Dead letters keep at most this much of the offending input, so one huge row stays cheap."""

# Subtypes a person produces; everything else (joins, topic changes, bots...) is system traffic.
HUMAN_SUBTYPES = frozenset({"", "thread_broadcast", "me_message", "file_share"})
_DAY_FILE = re.compile(r"^([^/]+)/(\d{4}-\d{2}-\d{2})\.json$")
_CONVERSATION_FILES = ("channels.json", "groups.json", "mpims.json", "dms.json")
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError)


def dead_letter(origin: str, reason: str, raw: str, message_id: str | None = None) -> DeadLetter:
    """A source-stage dead letter with `raw` cut to `RAW_LIMIT_CHARS`."""
    return DeadLetter(origin=origin, reason=reason, stage="source", raw=raw[:RAW_LIMIT_CHARS],
                      message_id=message_id)


@dataclass
class SlackContext:
    """What turning one Slack message object into a `Message` needs to know."""

    company_id: str
    users: dict[str, str] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)
    keep_non_human: bool = False
    max_text_bytes: int = 1_000_000
    skipped: Counter[str] = field(default_factory=Counter)


def slack_ts_to_datetime(ts: str) -> datetime:
    """``"1700000000.000100"`` -> aware UTC datetime, exact to the microsecond (no float)."""
    seconds, _, fraction = ts.partition(".")
    micros = int((fraction + "000000")[:6]) if fraction else 0
    return datetime.fromtimestamp(int(seconds), UTC) + timedelta(microseconds=micros)


def convert_message(ctx: SlackContext, obj: Any, *, channel_id: str, channel_name: str | None,
                    origin: str) -> Message | DeadLetter | None:
    """One Slack message object -> a Message, a DeadLetter, or None when deliberately skipped."""
    if not isinstance(obj, dict) or obj.get("type", "message") != "message" or not isinstance(
            obj.get("ts"), str):
        return dead_letter(origin, "not a Slack message", dump_json(obj))
    if not ctx.keep_non_human and (reason := _non_human(obj)):
        ctx.skipped[reason] += 1
        return None
    channel_id = str(obj.get("channel") or channel_id)
    msg_id = str(obj.get("client_msg_id") or f"{channel_id}:{obj['ts']}")
    text = to_plain(str(obj.get("text") or ""), users=ctx.users, channels=ctx.channels).strip()
    if not text and ctx.keep_non_human:
        text = _files_text(obj)
    if not text:
        return dead_letter(origin, "empty text", dump_json(obj), msg_id)
    if len(text.encode()) > ctx.max_text_bytes:
        return dead_letter(origin, f"text larger than {ctx.max_text_bytes} bytes", dump_json(obj),
                           msg_id)
    try:
        timestamp = slack_ts_to_datetime(obj["ts"])
    except (ValueError, OverflowError, OSError):
        return dead_letter(origin, f"bad ts {obj['ts']!r}", dump_json(obj), msg_id)
    thread_ts = obj.get("thread_ts")
    return Message(
        id=msg_id, company_id=ctx.company_id, source=Channel.SLACK, sender=_sender(obj, ctx.users),
        channel=channel_name or ctx.channels.get(channel_id, channel_id),
        thread_id=f"{channel_id}:{thread_ts}" if thread_ts else None, timestamp=timestamp,
        text=text, payload={**obj, "channel": channel_id}, origin=origin,
    )


def _non_human(obj: dict[str, Any]) -> str | None:
    subtype = str(obj.get("subtype") or "")
    if subtype not in HUMAN_SUBTYPES:
        return subtype
    if obj.get("bot_id") and not obj.get("user"):
        return "bot_message"
    if subtype == "file_share" and not obj.get("text"):
        return "file_share without text"
    return None


def _files_text(obj: dict[str, Any]) -> str:
    names = [str(f.get("name") or f.get("title") or "file") for f in obj.get("files") or []
             if isinstance(f, dict)]
    return f"shared file: {', '.join(names)}" if names else ""


def _sender(obj: dict[str, Any], users: dict[str, str]) -> str:
    user = obj.get("user")
    if isinstance(user, str) and user in users:
        return users[user]
    profile = obj.get("user_profile") or obj.get("bot_profile") or {}
    if isinstance(profile, dict):
        for key in ("real_name", "display_name", "name"):
            if profile.get(key):
                return str(profile[key])
    return str(obj.get("username") or user or "unknown")


def user_name(user: dict[str, Any]) -> str:
    """The name to show for a users.json entry: real name, else display name, else handle."""
    found = user.get("profile")
    profile: dict[str, Any] = found if isinstance(found, dict) else {}
    for value in (user.get("real_name"), profile.get("real_name"), profile.get("display_name"),
                  user.get("name")):
        if value:
            return str(value)
    return str(user.get("id", "unknown"))


def dump_json(obj: Any) -> str:
    """`obj` as JSON text for a dead letter (repr when it will not serialize)."""
    try:
        return json.dumps(obj, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(obj)


class _Archive(Protocol):
    def names(self) -> list[str]: ...
    def size(self, name: str) -> int: ...
    def read(self, name: str) -> bytes: ...
    def close(self) -> None: ...


class _ZipArchive:
    def __init__(self, path: Path) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise SourceError(f"{path}: not a readable zip ({exc})") from None
        self._infos = {i.filename: i for i in self._zip.infolist() if not i.is_dir()}

    def names(self) -> list[str]:
        return list(self._infos)

    def size(self, name: str) -> int:
        return self._infos[name].compress_size

    def read(self, name: str) -> bytes:
        return self._zip.read(self._infos[name])

    def close(self) -> None:
        self._zip.close()


class _FolderArchive:
    def __init__(self, root: Path) -> None:
        self._root = root

    def names(self) -> list[str]:
        return [p.relative_to(self._root).as_posix() for p in self._root.rglob("*.json")
                if p.is_file()]

    def size(self, name: str) -> int:
        return (self._root / name).stat().st_size

    def read(self, name: str) -> bytes:
        return (self._root / name).read_bytes()

    def close(self) -> None:
        pass


def _open_archive(path: Path) -> _Archive:
    if path.is_dir():
        return _FolderArchive(path)
    return _ZipArchive(path)


def export_prefix(names: list[str]) -> str:
    """The folder inside the archive that holds users.json/channels.json ("" at the top).

    Re-zipped exports often wrap everything in one top folder; the shallowest match wins.
    """
    hits = [n for n in names if n.rsplit("/", 1)[-1] in ("users.json", *_CONVERSATION_FILES)]
    if not hits:
        return ""
    best = min(hits, key=lambda n: n.count("/"))
    return best[: best.rfind("/") + 1]


class SlackExportSource(Source):
    """Messages from a Slack workspace export (zip file or unpacked folder).

    Args:
        path: the export ``.zip`` or its unpacked folder.
        company_id: stamped on every message.
        keep_non_human: keep joins, topic changes, bot posts and text-less file shares (rendered
            as text) instead of skipping them; skipped ones are counted in `skipped` by subtype.
        max_text_bytes: a message whose plain text is longer is dead-lettered.
    """

    name = "slack-export"

    def __init__(self, path: Path, *, company_id: str, keep_non_human: bool = False,
                 max_text_bytes: int = 1_000_000) -> None:
        self.path = Path(path)
        self.company_id = company_id
        self.keep_non_human = keep_non_human
        self.max_text_bytes = max_text_bytes
        self.skipped: Counter[str] = Counter()

    def total_bytes(self) -> int:
        """Zip: the file size. Folder: the size of every JSON file under it."""
        if self.path.is_dir():
            archive = _FolderArchive(self.path)
            return sum(archive.size(n) for n in archive.names())
        return os.path.getsize(self.path)

    def read(self, progress: ProgressFn | None = None) -> Iterator[Item]:
        """Yield the export's messages, conversation by conversation, day by day."""
        report = progress or (lambda _n: None)
        total, done = self.total_bytes(), 0
        archive = _open_archive(self.path)
        try:
            ctx = SlackContext(self.company_id, keep_non_human=self.keep_non_human,
                               max_text_bytes=self.max_text_bytes, skipped=self.skipped)
            self.skipped.clear()
            names = archive.names()
            prefix = export_prefix(names)
            folders: dict[str, tuple[str, str]] = {}
            for item, size in self._load_metadata(archive, prefix, ctx, folders):
                done += size
                report(size)
                if item is not None:
                    yield item
            for name, folder in self._day_files(names, prefix):
                channel_id, channel_name = folders.get(folder, (folder, folder))
                yield from self._read_day(archive, name, ctx, channel_id, channel_name)
                size = archive.size(name)
                done += size
                report(size)
        finally:
            archive.close()
        if total > done:
            report(total - done)  # zip headers and files we do not read: finish the bar at 100%

    def _origin(self, member: str, index: int | None = None) -> str:
        where = f"{self.path}:{member}"
        return where if index is None else f"{where}:{index}"

    def _load_json(self, archive: _Archive, name: str) -> tuple[Any, DeadLetter | None]:
        try:
            data = archive.read(name)
        except _ZIP_ERRORS as exc:
            return None, dead_letter(self._origin(name), f"unreadable member: {exc}", "")
        try:
            return json.loads(data), None
        except ValueError as exc:
            text = data[:RAW_LIMIT_CHARS].decode("utf-8", "replace")
            return None, dead_letter(self._origin(name), f"not JSON: {exc}", text)

    def _load_metadata(self, archive: _Archive, prefix: str, ctx: SlackContext,
                       folders: dict[str, tuple[str, str]],
                       ) -> Iterator[tuple[DeadLetter | None, int]]:
        present = set(archive.names())
        for base in ("users.json", *_CONVERSATION_FILES):
            name = prefix + base
            if name not in present:
                continue
            data, problem = self._load_json(archive, name)
            if isinstance(data, list):
                self._index(base, data, ctx, folders)
            elif problem is None:
                problem = dead_letter(self._origin(name), "not a JSON array", dump_json(data))
            yield problem, archive.size(name)

    @staticmethod
    def _index(base: str, entries: list[Any], ctx: SlackContext,
               folders: dict[str, tuple[str, str]]) -> None:
        good = [e for e in entries if isinstance(e, dict) and e.get("id")]
        if base == "users.json":
            ctx.users.update({str(u["id"]): user_name(u) for u in good})
            return
        for conv in good:
            conv_id = str(conv["id"])
            if base == "dms.json":
                members = [ctx.users.get(str(m), str(m)) for m in conv.get("members") or []]
                folders[conv_id] = (conv_id, "dm:" + ",".join(sorted(members)))
            else:
                name = str(conv.get("name") or conv_id)
                folders[name] = (conv_id, name)
                ctx.channels[conv_id] = name

    @staticmethod
    def _day_files(names: list[str], prefix: str) -> list[tuple[str, str]]:
        found = []
        for name in names:
            if name.startswith(prefix) and (m := _DAY_FILE.match(name[len(prefix):])):
                found.append((m.group(1), m.group(2), name))
        return [(name, folder) for folder, _day, name in sorted(found)]

    def _read_day(self, archive: _Archive, name: str, ctx: SlackContext, channel_id: str,
                  channel_name: str) -> Iterator[Item]:
        data, problem = self._load_json(archive, name)
        if problem is not None:
            yield problem
            return
        if not isinstance(data, list):
            yield dead_letter(self._origin(name), "day file is not a JSON array", dump_json(data))
            return
        for index, obj in enumerate(data):
            item = convert_message(ctx, obj, channel_id=channel_id, channel_name=channel_name,
                                   origin=self._origin(name, index))
            if item is not None:
                yield item
