"""Pick the source for an input path: by the ``--format`` name, else by what the path holds.

Detection rules, first match wins:

1. A folder with ``cur/`` or ``new/`` is a Maildir; one with ``users.json``, ``channels.json``,
   ``groups.json``, ``dms.json`` or ``mpims.json`` is an unpacked Slack export.
2. A file is judged by its suffix: ``.csv``; ``.zip`` (must hold a Slack export's metadata);
   ``.mbox``/``.mbx``; ``.eml``; ``.json``/``.jsonl``/``.ndjson`` (then by content, rule 4).
3. Any other file by its first bytes: a zip signature, an mbox ``From `` line, JSON (rule 4),
   an RFC 822 header block (eml), or the seed CSV header.
4. JSON is Gmail when its first object has Gmail API keys (``threadId``, ``labelIds``,
   ``internalDate``, ``raw``, ``payload``), Slack when it has Slack keys (``ts``, ``event``,
   ``client_msg_id``, ``messages``).

``backends.open_source`` opens the reader this picks; the readers are registered there, like
every other seam's implementations, and imported only when chosen.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from signalpipe.errors import SourceError
from signalpipe.sources.budget import (
    DEFAULT_BUDGET,
    ReaderBudget,
    load_json,
    open_regular,
)

if TYPE_CHECKING:
    from signalpipe.settings import Settings

FORMATS = ("csv", "slack-export", "slack-json", "mbox", "eml", "maildir", "gmail-json")


_SNIFF_BYTES = 64 * 1024
_SLACK_META = ("users.json", "channels.json", "groups.json", "dms.json", "mpims.json")
_SUFFIXES = {".csv": "csv", ".mbox": "mbox", ".mbx": "mbox", ".eml": "eml"}
_JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
_GMAIL_KEYS = frozenset({"threadId", "labelIds", "internalDate", "raw", "payload"})
_SLACK_KEYS = frozenset({"ts", "event", "client_msg_id", "messages"})
_GMAIL_KEY_TEXT = re.compile(rb'"(threadId|labelIds|internalDate|raw)"\s*:')
_SLACK_KEY_TEXT = re.compile(rb'"(ts|event|client_msg_id)"\s*:')
_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")
_MAIL_HEADERS = re.compile(
    rb"^(from|to|subject|date|message-id|received|return-path|mime-version|delivered-to):",
    re.IGNORECASE | re.MULTILINE)


def budget_for(settings: Settings) -> ReaderBudget:
    """The reader budget the settings ask for (``readers:`` and ``max_cell_bytes``)."""
    r = settings.readers
    return ReaderBudget(max_json_depth=r.max_json_depth, max_cell_bytes=settings.max_cell_bytes,
                        max_message_bytes=r.max_message_bytes,
                        max_member_bytes=r.max_member_bytes, max_zip_ratio=r.max_zip_ratio,
                        max_zip_total_bytes=r.max_zip_total_bytes)


def detect_format(path: Path) -> str:
    """The `FORMATS` name for `path`; raises SourceError when no rule fits."""
    if path.is_dir():
        return _folder_format(path)
    suffix = path.suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    try:
        with open_regular(path) as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from None
    if suffix == ".zip" or head.startswith(b"PK\x03\x04"):
        return _zip_format(path)
    if suffix in _JSON_SUFFIXES:
        return _json_format(path, head)
    return _sniff(path, head)


def _folder_format(path: Path) -> str:
    if (path / "cur").is_dir() or (path / "new").is_dir():
        return "maildir"
    if any((path / name).is_file() for name in _SLACK_META):
        return "slack-export"
    raise SourceError(f"{path}: a folder that is neither a Maildir (cur/, new/) nor an unpacked "
                      "Slack export (users.json, channels.json); pass --format")


def _zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise SourceError(f"{path}: not a readable zip ({exc})") from None
    if any(n.rsplit("/", 1)[-1] in _SLACK_META for n in names):
        return "slack-export"
    raise SourceError(f"{path}: a zip without users.json/channels.json is not a Slack export")


def _sniff(path: Path, head: bytes) -> str:
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if body.startswith(b"From "):
        return "mbox"
    if body[:1] in (b"{", b"["):
        return _json_format(path, head)
    if _HEADER_LINE.match(body) and _MAIL_HEADERS.search(body.split(b"\n\n", 1)[0]):
        return "eml"
    if body.split(b"\n", 1)[0].strip().lower().startswith(b"id,is_chat,"):
        return "csv"
    raise SourceError(f"{path}: cannot tell the input format; pass --format "
                      f"({', '.join(FORMATS)})")


def _json_format(path: Path, head: bytes) -> str:
    keys = _first_object_keys(head)
    if keys & _GMAIL_KEYS or (not keys and _GMAIL_KEY_TEXT.search(head)):
        return "gmail-json"
    if keys & _SLACK_KEYS or keys >= {"type", "text"} or (
            not keys and _SLACK_KEY_TEXT.search(head)):
        return "slack-json"
    raise SourceError(f"{path}: JSON that is neither Slack messages nor Gmail API messages")


def _first_object_keys(head: bytes) -> set[str]:
    """Keys of the first JSON line when it parses whole (else empty: fall back to key search)."""
    first = head.removeprefix(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0]
    try:
        obj: Any = load_json(first, DEFAULT_BUDGET.max_json_depth)
    except ValueError:
        return set()
    if isinstance(obj, list) and obj:
        obj = obj[0]
    return set(obj) if isinstance(obj, dict) else set()
