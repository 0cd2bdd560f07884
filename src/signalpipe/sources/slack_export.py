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
from signalpipe.models import DeadLetter, Message, message_key
from signalpipe.models import Source as Channel
from signalpipe.sources.base import Item, ProgressFn, Source
from signalpipe.sources.budget import (
    DEFAULT_BUDGET,
    ReaderBudget,
    is_plain_file,
    load_json,
    open_regular,
    read_capped,
)
from signalpipe.sources.slack_markup import to_plain

logger = logging.getLogger(__name__)

RAW_LIMIT_CHARS = 65_536
"""Dead letters keep at most this much of the offending input, so one huge row stays cheap."""

# Subtypes a person produces; everything else (joins, topic changes, bots...) is system traffic.
HUMAN_SUBTYPES = frozenset({"", "thread_broadcast", "me_message", "file_share"})
# A day file: <conversation folder>/[any sub-folders/]YYYY-M-D.json, any case ("2025-1-6.JSON").
_DAY_NAME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})\.json$", re.IGNORECASE)
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
    if not text:  # a message posted through the API may carry its words only in blocks
        text = to_plain(rich_text(obj), users=ctx.users, channels=ctx.channels).strip()
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
        id=message_key(ctx.company_id, "slack", msg_id), company_id=ctx.company_id,
        source=Channel.SLACK, sender=_sender(obj, ctx.users),
        channel=channel_name or ctx.channels.get(channel_id, channel_id),
        thread_id=f"{channel_id}:{thread_ts}" if thread_ts else None, timestamp=timestamp,
        text=text, payload={**obj, "channel": channel_id}, origin=origin,
    )


_TEXT_KEYS = ("text", "fallback", "pretext", "title")


def rich_text(obj: dict[str, Any]) -> str:
    """The words of a message's ``blocks`` (rich_text, section, header, context) or, failing
    that, its ``attachments`` (text, fallback, pretext, title), in Slack's mrkdwn."""
    lines: list[str] = []
    for block in _dicts(obj.get("blocks")):
        line = _block_text(block)
        if line.strip():
            lines.append(line.strip())
    if not lines:
        for attachment in _dicts(obj.get("attachments")):
            for key in _TEXT_KEYS:
                value = attachment.get(key)
                if isinstance(value, str) and value.strip():
                    lines.append(value.strip())
                    break
    return "\n".join(lines)


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _block_text(node: dict[str, Any]) -> str:
    """Text of one block element tree (depth is bounded by the reader's JSON depth budget)."""
    kind = node.get("type")
    if kind == "text" and isinstance(node.get("text"), str):
        return str(node["text"])
    if kind == "link":
        label, url = node.get("text"), node.get("url")
        return f"<{url}|{label}>" if label and url else str(url or label or "")
    if kind == "user":
        return f"<@{node.get('user_id', '')}>"
    if kind == "channel":
        return f"<#{node.get('channel_id', '')}>"
    if kind == "emoji":
        return f":{node.get('name', '')}:"
    if kind in ("mrkdwn", "plain_text"):
        return str(node.get("text") or "")
    parts: list[str] = []
    text = node.get("text")
    if isinstance(text, dict):
        parts.append(_block_text(text))
    for key in ("elements", "fields"):
        sep = "\n" if kind in ("rich_text", "rich_text_list", "context") or key == "fields" \
            else ""
        found = [_block_text(child) for child in _dicts(node.get(key))]
        if found:
            parts.append(sep.join(f for f in found if f))
    return "\n".join(p for p in parts if p)


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
    names = [str(f.get("name") or f.get("title") or "file") for f in _dicts(obj.get("files"))]
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


class OverBudget(Exception):
    """A member the reader budget forbids reading; the text is the dead-letter reason."""


class _Archive(Protocol):
    def names(self) -> list[str]: ...
    def size(self, name: str) -> int: ...
    def read(self, name: str) -> bytes: ...
    def refused(self) -> list[tuple[str, str]]: ...
    def close(self) -> None: ...


class _ZipArchive:
    """Zip members read under the budget: each member capped, its ratio checked before it is
    inflated, and the whole archive's inflated total capped (a zip bomb is dead-lettered)."""

    def __init__(self, path: Path, budget: ReaderBudget) -> None:
        self._file = open_regular(path)
        try:
            self._zip = zipfile.ZipFile(self._file)
        except (zipfile.BadZipFile, OSError) as exc:
            self._file.close()
            raise SourceError(f"{path}: not a readable zip ({exc})") from None
        self._infos = {i.filename: i for i in self._zip.infolist() if not i.is_dir()}
        self._budget = budget
        self._inflated = 0

    def names(self) -> list[str]:
        return list(self._infos)

    def size(self, name: str) -> int:
        return self._infos[name].compress_size

    def read(self, name: str) -> bytes:
        info, b = self._infos[name], self._budget
        if info.file_size > b.max_member_bytes:
            raise OverBudget(f"member inflates to {info.file_size} bytes, over max_member_bytes "
                             f"({b.max_member_bytes})")
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > b.zip_ratio_floor_bytes and ratio > b.max_zip_ratio:
            raise OverBudget(f"member inflates {ratio:.0f}x, over max_zip_ratio "
                             f"({b.max_zip_ratio:g}): a zip bomb?")
        room = min(b.max_member_bytes, b.max_zip_total_bytes - self._inflated)
        with self._zip.open(info) as member:  # the header's size may lie: cap what is read
            data = read_capped(member, max(0, room))
        if data is None:
            if room < b.max_member_bytes:
                raise OverBudget(f"the export inflates past max_zip_total_bytes "
                                 f"({b.max_zip_total_bytes})")
            raise OverBudget(f"member inflates past max_member_bytes ({b.max_member_bytes})")
        self._inflated += len(data)
        return data

    def refused(self) -> list[tuple[str, str]]:
        return []

    def close(self) -> None:
        self._zip.close()
        self._file.close()


class _FolderArchive:
    """An unpacked export: regular files only, never followed through a symlink."""

    def __init__(self, root: Path, budget: ReaderBudget = DEFAULT_BUDGET) -> None:
        self._root = root
        self._budget = budget
        self._names: list[str] = []
        self._refused: list[tuple[str, str]] = []
        for folder, dirs, files in os.walk(root, followlinks=False):
            base = Path(folder)
            for d in sorted(dirs):
                if (base / d).is_symlink():
                    self._refused.append(((base / d).relative_to(root).as_posix(),
                                          "symbolic link to a folder: not followed"))
            for f in sorted(files):
                if not f.lower().endswith(".json"):
                    continue
                path = base / f
                rel = path.relative_to(root).as_posix()
                if path.is_symlink():
                    self._refused.append((rel, "symbolic link: not followed"))
                elif is_plain_file(path):
                    self._names.append(rel)
                else:
                    self._refused.append((rel, "not a regular file: not read"))

    def names(self) -> list[str]:
        return list(self._names)

    def refused(self) -> list[tuple[str, str]]:
        return list(self._refused)

    def size(self, name: str) -> int:
        try:
            return (self._root / name).lstat().st_size
        except OSError:
            return 0

    def read(self, name: str) -> bytes:
        try:
            with open_regular(self._root / name, follow_symlinks=False) as fh:
                data = read_capped(fh, self._budget.max_member_bytes)
        except SourceError as exc:
            raise OverBudget(str(exc)) from None
        if data is None:
            raise OverBudget(f"file larger than max_member_bytes ({self._budget.max_member_bytes})")
        return data

    def close(self) -> None:
        pass


def _open_archive(path: Path, budget: ReaderBudget) -> _Archive:
    if path.is_dir():
        return _FolderArchive(path, budget)
    return _ZipArchive(path, budget)


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
                 max_text_bytes: int = 1_000_000, budget: ReaderBudget = DEFAULT_BUDGET) -> None:
        self.path = Path(path)
        self.company_id = company_id
        self.keep_non_human = keep_non_human
        self.max_text_bytes = max_text_bytes
        self.budget = budget
        self.skipped: Counter[str] = Counter()

    def total_bytes(self) -> int:
        """Zip: the file size. Folder: the size of every JSON file under it."""
        if self.path.is_dir():
            archive = _FolderArchive(self.path, self.budget)
            return sum(archive.size(n) for n in archive.names())
        return os.path.getsize(self.path)

    def read(self, progress: ProgressFn | None = None) -> Iterator[Item]:
        """Yield the export's messages, conversation by conversation, day by day."""
        report = progress or (lambda _n: None)
        total, done = self.total_bytes(), 0
        archive = _open_archive(self.path, self.budget)
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
            for name, reason in archive.refused():
                yield dead_letter(self._origin(name), reason, name)
            days, others = self._day_files(names, prefix)
            for name in others:
                yield dead_letter(self._origin(name), "a .json file in a conversation folder "
                                  "whose name is not a day (YYYY-MM-DD.json): not read", name)
                done += archive.size(name)
            for name, folder in days:
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
        except OverBudget as exc:
            return None, dead_letter(self._origin(name), str(exc), name)
        except _ZIP_ERRORS as exc:
            return None, dead_letter(self._origin(name), f"unreadable member: {exc}", name)
        try:
            return load_json(data, self.budget.max_json_depth), None
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
                bad = self._index(base, data, ctx, folders)
                if bad and problem is None:
                    problem = dead_letter(self._origin(name), bad[0], dump_json(data))
            elif problem is None:
                problem = dead_letter(self._origin(name), "not a JSON array", dump_json(data))
            yield problem, archive.size(name)

    @staticmethod
    def _index(base: str, entries: list[Any], ctx: SlackContext,
               folders: dict[str, tuple[str, str]]) -> list[str]:
        """Index the entries that have the documented shape; the reasons for those that do not
        (one dead letter per file names the first)."""
        bad: list[str] = []
        good = []
        for index, e in enumerate(entries):
            if isinstance(e, dict) and isinstance(e.get("id"), str | int) and e.get("id"):
                good.append(e)
            else:
                bad.append(f"{base} entry {index}: not an object with an id")
        if base == "users.json":
            ctx.users.update({str(u["id"]): user_name(u) for u in good})
            return bad
        for conv in good:
            conv_id = str(conv["id"])
            members = conv.get("members")
            if members is not None and not (isinstance(members, list) and all(
                    isinstance(m, str) for m in members)):
                bad.append(f"{base} entry {conv_id}: members must be a list of user ids, "
                           f"got {type(members).__name__}")
                members = []
            name_field = conv.get("name")
            if name_field is not None and not isinstance(name_field, str):
                bad.append(f"{base} entry {conv_id}: name must be text, "
                           f"got {type(name_field).__name__}")
                name_field = None
            if base == "dms.json":
                names = [ctx.users.get(m, m) for m in members or []]
                folders[conv_id] = (conv_id, "dm:" + ",".join(sorted(names)))
            else:
                name = name_field or conv_id
                folders[name] = (conv_id, name)
                ctx.channels[conv_id] = name
        return bad

    @staticmethod
    def _day_files(names: list[str], prefix: str) -> tuple[list[tuple[str, str]], list[str]]:
        """Day files ``(name, conversation folder)`` in folder then date order, and the other
        .json files found inside conversation folders (top-level extras such as
        integration_logs.json are not conversations)."""
        found = []
        others = []
        for name in names:
            if not name.startswith(prefix):
                continue
            parts = name[len(prefix):].split("/")
            if len(parts) < 2 or "__MACOSX" in parts:
                continue
            if m := _DAY_NAME.match(parts[-1]):
                day = tuple(int(g) for g in m.groups())
                found.append((parts[0], day, name))
            else:
                others.append(name)
        return [(name, folder) for folder, _day, name in sorted(found)], sorted(others)

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
