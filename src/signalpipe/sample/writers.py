"""Write generated traffic (seed-CSV rows) as a Slack workspace export or an mbox.

Rows are dicts with the seed columns ``id, is_chat, chat_sender, email_sender, timestamp,
content`` and an optional ``channel``; email content starts ``Subject: ...`` and a blank line.
`write_slack_export` writes the chat rows and skips the others; `write_mbox` the reverse.

Each row's id survives the trip so ground truth still matches after parsing:
- Slack: the id goes in ``client_msg_id``, which `SlackExportSource` uses as Message.id.
- mbox: the Message-ID is ``<id@signalpipe.local>``, which the email readers turn back into ``id``
  (`email_text.SIGNALPIPE_DOMAIN`).

Precision: Slack ``ts`` keeps microseconds; an email Date header keeps whole seconds.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import Any, Protocol

from signalpipe.sources.email_text import message_id_header
from signalpipe.sources.slack_markup import escape
from signalpipe.sources.timestamps import parse_timestamp

DEFAULT_CHANNEL = "general"
TEAM_ID = "T0SIGNALPIPE"
_TRUE = {"true", "1", "yes", "t", "y"}
_UNSAFE_ID = re.compile(r"[\s<>]")
_QUOTE_FROM = re.compile(rb"^(>*From )", re.MULTILINE)
_SPILL_AT = 20_000
"""Messages held in memory before the export writer spills day buckets to temporary files."""


class SupportsAsDict(Protocol):
    """A generated row object (``generate.GeneratedRow``) that renders itself as a seed dict."""

    def as_dict(self) -> Mapping[str, Any]: ...


def as_row(row: Mapping[str, Any] | SupportsAsDict) -> Mapping[str, Any]:
    """A seed-format dict from either a dict or a row object with ``as_dict()``."""
    return row if isinstance(row, Mapping) else row.as_dict()


def is_chat(row: Mapping[str, Any]) -> bool:
    """The row's ``is_chat`` as a bool (the CSV gives strings such as "True" or "1")."""
    value = row.get("is_chat")
    return value if isinstance(value, bool) else str(value).strip().lower() in _TRUE


def row_time(row: Mapping[str, Any]) -> datetime:
    """The row's timestamp as an aware UTC datetime (naive values are taken as UTC)."""
    value = row["timestamp"]
    parsed = value if isinstance(value, datetime) else parse_timestamp(str(value))
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)


def slack_id(prefix: str, name: str) -> str:
    """A stable Slack-looking id (``U0A1B2C3D4E``) for a user or channel name."""
    return prefix + hashlib.sha1(name.encode()).hexdigest()[:10].upper()


# --- Slack export -------------------------------------------------------------------------------

class _DayBuckets:
    """Messages grouped by (channel, day), spilled to JSON Lines files past `_SPILL_AT` held.

    Rows can arrive in any order, yet a zip member must be written whole, so a day's messages are
    gathered first; spilling keeps memory flat for any number of rows.
    """

    def __init__(self, spill_dir: Path) -> None:
        self._dir = spill_dir
        self._held: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        self._files: dict[tuple[str, str], Path] = {}
        self._count = 0

    def add(self, key: tuple[str, str], message: dict[str, Any]) -> None:
        self._held[key].append(message)
        self._count += 1
        if self._count >= _SPILL_AT:
            self._spill()

    def _spill(self) -> None:
        for key, messages in self._held.items():
            path = self._files.setdefault(key, self._dir / f"{len(self._files)}.jsonl")
            with path.open("a", encoding="utf-8") as fh:
                fh.writelines(json.dumps(m, ensure_ascii=False) + "\n" for m in messages)
        self._held.clear()
        self._count = 0

    def sorted_keys(self) -> list[tuple[str, str]]:
        return sorted(set(self._held) | set(self._files))

    def take(self, key: tuple[str, str]) -> list[dict[str, Any]]:
        messages = list(self._held.pop(key, []))
        if key in self._files:
            with self._files[key].open(encoding="utf-8") as fh:
                messages += [json.loads(line) for line in fh]
        return sorted(messages, key=lambda m: (int(m["ts"].split(".")[0]), m["ts"]))


def write_slack_export(rows: Iterable[Mapping[str, Any]], out: Path) -> int:
    """Write the chat rows as a Slack workspace export zip; returns how many were written.

    The zip holds ``users.json``, ``channels.json`` and ``<channel>/<YYYY-MM-DD>.json`` day files
    (UTC days) exactly as Slack's export does; a row's ``channel`` (default ``general``) picks
    its folder.
    """
    users: dict[str, str] = {}
    members: dict[str, set[str]] = defaultdict(set)
    written = 0
    spill_dir = Path(tempfile.mkdtemp(prefix="signalpipe-export-"))
    try:
        buckets = _DayBuckets(spill_dir)
        for row in rows:
            if not is_chat(row):
                continue
            name = str(row.get("chat_sender") or "").strip() or "unknown"
            channel = str(row.get("channel") or DEFAULT_CHANNEL).lstrip("#")
            uid = users.setdefault(name, slack_id("U", name))
            members[channel].add(uid)
            when = row_time(row)
            buckets.add((channel, when.strftime("%Y-%m-%d")), _slack_message(row, uid, name, when))
            written += 1
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for key in buckets.sorted_keys():
                zf.writestr(f"{key[0]}/{key[1]}.json", _dumps(buckets.take(key)))
            zf.writestr("users.json", _dumps([_user(uid, name) for name, uid in users.items()]))
            zf.writestr("channels.json", _dumps([_channel(name, sorted(uids))
                                                 for name, uids in sorted(members.items())]))
    finally:
        shutil.rmtree(spill_dir, ignore_errors=True)
    return written


def _slack_message(row: Mapping[str, Any], uid: str, name: str, when: datetime) -> dict[str, Any]:
    return {
        "client_msg_id": _safe_id(row),
        "type": "message",
        "text": escape(str(row.get("content") or "")),
        "user": uid,
        "ts": f"{int(when.replace(microsecond=0).timestamp())}.{when.microsecond:06d}",
        "team": TEAM_ID,
        "user_team": TEAM_ID,
        "user_profile": {"real_name": name, "display_name": name, "name": _handle(name)},
    }


def _user(uid: str, name: str) -> dict[str, Any]:
    return {"id": uid, "team_id": TEAM_ID, "name": _handle(name), "deleted": False,
            "real_name": name, "is_bot": False,
            "profile": {"real_name": name, "display_name": name}}


def _channel(name: str, uids: list[str]) -> dict[str, Any]:
    return {"id": slack_id("C", name), "name": name, "created": 0, "creator": uids[0],
            "is_archived": False, "is_general": name == DEFAULT_CHANNEL, "members": uids,
            "topic": {"value": "", "creator": "", "last_set": 0},
            "purpose": {"value": "", "creator": "", "last_set": 0}}


def _handle(name: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", ".", name.lower()).strip(".") or "user"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=4)


def _safe_id(row: Mapping[str, Any]) -> str:
    value = str(row.get("id") or "").strip()
    if not value or _UNSAFE_ID.search(value):
        raise ValueError(f"row id {value!r} is empty or holds whitespace or angle brackets")
    return value


# --- mbox ----------------------------------------------------------------------------------------

def write_mbox(rows: Iterable[Mapping[str, Any]], out: Path) -> int:
    """Write the email rows as an mboxrd file, one message at a time; returns how many.

    Each message is ``text/plain; charset=utf-8`` with From, Subject (the ``Subject:`` line of
    the content, if any), Date and ``Message-ID: <id@signalpipe.local>``.
    """
    written = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        for row in rows:
            if is_chat(row):
                continue
            fh.write(_mbox_entry(row))
            written += 1
    return written


def _mbox_entry(row: Mapping[str, Any]) -> bytes:
    sender = str(row.get("email_sender") or "").strip() or "unknown"
    when = row_time(row)
    subject, body = split_subject(str(row.get("content") or ""))
    msg = EmailMessage(policy=policy.default)
    msg["From"] = sender
    if subject is not None:
        msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = message_id_header(_safe_id(row))
    msg.set_content(body)
    address = parseaddr(sender)[1] or "MAILER-DAEMON"
    if not address.strip() or " " in address:
        address = "MAILER-DAEMON"
    from_line = f"From {address} {when.strftime('%a %b %d %H:%M:%S %Y')}\n".encode()
    data = _QUOTE_FROM.sub(rb">\1", msg.as_bytes())
    return from_line + data + (b"" if data.endswith(b"\n") else b"\n") + b"\n"


def split_subject(content: str) -> tuple[str | None, str]:
    """``"Subject: S\\n\\nbody"`` -> ``("S", "body")``; content without that line has no subject."""
    head, _, rest = content.partition("\n")
    if head.lower().startswith("subject:"):
        return head[len("subject:"):].strip(), rest.lstrip("\r\n")
    return None, content


# --- the generator's hooks (``signalpipe generate --format ...``) --------------------------------

def write_generated_slack_export(rows: Iterable[SupportsAsDict | Mapping[str, Any]],
                                 path: Path) -> None:
    """``--format slack-export``: the chat rows as an export zip."""
    write_slack_export((as_row(r) for r in rows), path)


def write_generated_mbox(rows: Iterable[SupportsAsDict | Mapping[str, Any]], path: Path) -> None:
    """``--format mbox``: the email rows as an mboxrd file."""
    write_mbox((as_row(r) for r in rows), path)
