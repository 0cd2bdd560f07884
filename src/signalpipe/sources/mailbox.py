"""Email files -> Messages: mbox (streamed), a single ``.eml``, and Maildir folders.

Every email becomes a Message the same way (`build_email_message`, shared with `gmail_json`):

- ``id``: the Message-ID without angle brackets (``<X@signalpipe.local>`` gives ``X``, see
  `email_text.SIGNALPIPE_DOMAIN`), else a caller-supplied stable id, else a sha256 of
  From/Date/Subject/body, so re-runs give the same ids.
- ``thread_id``: the thread's root id: the first References id, else In-Reply-To, else its own id.
- ``text``: the body with quoted history and signature stripped; ``payload["full_text"]`` keeps
  the whole body, ``payload["attachment_count"]`` the number of attachments skipped.
- ``payload``: Gmail ``users.messages.get`` shaped, with one text/plain body.
- ``timestamp``: the Date header, else the mbox ``From`` line / Maildir delivery time / file time.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import Message as MimeMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Any, BinaryIO

from signalpipe.errors import SourceError
from signalpipe.models import Message, message_key
from signalpipe.models import Source as Channel
from signalpipe.sources.base import Item, ProgressFn, Source
from signalpipe.sources.budget import DEFAULT_BUDGET, ReaderBudget, open_regular, read_capped
from signalpipe.sources.email_text import (
    MimeBody,
    MimePart,
    body_of,
    content_id,
    dead_letter,
    header_text,
    message_ids,
    strip_reply,
    thread_root,
)

KEPT_HEADERS = ("From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID", "In-Reply-To",
                "References", "X-Gmail-Labels")
"""Headers copied into the payload; trace headers (Received, DKIM...) are bulk without signal."""
DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024
# compat32, not policy.default: the default policy builds a parsed header object for every header
# it touches (Content-Type of every part, each header we read), which made the mbox reader 8x
# slower (860 vs 6,900 msgs/s on 100k generated emails); `email_text.header_text` decodes the
# raw header values instead.
_PARSER = BytesParser(policy=policy.compat32)


class EmailProblem(SourceError):
    """A parsed email that cannot become a Message; the text is the dead-letter reason."""


@dataclass(frozen=True)
class EmailFields:
    """What a reader extracted from one email, before it becomes a Message."""

    headers: list[tuple[str, str]]
    body: MimeBody
    fallback_time: datetime | None = None
    fallback_id: str | None = None

    def header(self, name: str) -> str | None:
        """The first header called `name` (any case), or None."""
        wanted = name.lower()
        return next((v for k, v in self.headers if k.lower() == wanted), None)


def build_email_message(fields: EmailFields, *, company_id: str, origin: str,
                        max_text_bytes: int, payload: dict[str, Any] | None = None) -> Message:
    """Turn extracted email fields into a Message; raises EmailProblem when it cannot.

    Args:
        payload: Gmail API fields the email came with (a ``users.messages.get`` object); they
            override the Gmail-shaped payload built from the headers and body.
    """
    full = fields.body.text.strip()
    if not full:
        raise EmailProblem("empty text")
    text = strip_reply(full) or full
    if len(text.encode()) > max_text_bytes:
        raise EmailProblem(f"text larger than {max_text_bytes} bytes")
    sender = sender_name(fields.header("From") or fields.header("Sender"))
    subject = fields.header("Subject") or None
    timestamp = _parse_date(fields.header("Date")) or fields.fallback_time
    if timestamp is None:
        raise EmailProblem("no usable Date header")
    ids = message_ids(fields.header("Message-ID"))
    msg_id = ids[0] if ids else fields.fallback_id or content_id(
        sender, fields.header("Date") or "", subject or "", full)
    thread = thread_root(msg_id, fields.header("In-Reply-To"), fields.header("References"))
    shaped = {**_gmail_shape(fields, msg_id, thread, timestamp, text), **(payload or {})}
    shaped.update(full_text=full, attachment_count=fields.body.attachments,
                  from_html=fields.body.from_html)
    return Message(id=message_key(company_id, "email", msg_id), company_id=company_id,
                   source=Channel.GMAIL, sender=sender,
                   thread_id=thread, subject=subject, timestamp=timestamp, text=text,
                   payload=shaped, origin=origin)


def sender_name(value: str | None) -> str:
    """``Name <addr>`` or ``addr`` for one parseable address, else the header as written."""
    if not value:
        return "unknown"
    pairs = getaddresses([value])
    if len(pairs) == 1 and "@" in pairs[0][1]:
        name, addr = pairs[0]
        return f"{name} <{addr}>" if name else addr
    return value.strip().strip('"') or "unknown"


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    # RFC 5322 "-0000" and asctime dates carry no zone: UTC is the only defensible reading.
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _gmail_shape(fields: EmailFields, msg_id: str, thread: str, timestamp: datetime,
                 text: str) -> dict[str, Any]:
    data = fields.body.text.encode("utf-8")
    labels = [x.strip() for x in (fields.header("X-Gmail-Labels") or "").split(",") if x.strip()]
    return {
        "id": msg_id, "threadId": thread, "labelIds": labels, "snippet": text[:200],
        "internalDate": str(int(timestamp.timestamp() * 1000)),
        "payload": {
            "mimeType": "text/plain",
            "headers": [{"name": k, "value": v} for k, v in fields.headers],
            "body": {"size": len(data), "data": base64.urlsafe_b64encode(data).decode("ascii")},
        },
    }


def fields_from_mime(msg: MimeMessage, *, fallback_time: datetime | None = None,
                     fallback_id: str | None = None) -> EmailFields:
    """Headers and chosen body text of a parsed RFC 822 message (raises BrokenPart)."""
    headers = [(name, value) for name in KEPT_HEADERS
               if (value := header_text(msg, name)) is not None]
    return EmailFields(headers=headers, body=body_of(MimePart(msg)), fallback_time=fallback_time,
                       fallback_id=fallback_id)


def parse_email_bytes(data: bytes, *, company_id: str, origin: str, max_text_bytes: int,
                      fallback_time: datetime | None = None, fallback_id: str | None = None,
                      payload: dict[str, Any] | None = None) -> Item:
    """One RFC 822 message -> Message, or a DeadLetter saying why not. Never raises."""
    try:
        if problem := _not_an_email(data):
            raise EmailProblem(problem)
        msg = _PARSER.parsebytes(data)
        if not any(header_text(msg, h) for h in _IDENTIFYING):
            raise EmailProblem("not an email: no From, Date, Subject or Message-ID header")
        fields = fields_from_mime(msg, fallback_time=fallback_time, fallback_id=fallback_id)
        return build_email_message(fields, company_id=company_id, origin=origin,
                                   max_text_bytes=max_text_bytes, payload=payload)
    except SourceError as exc:
        reason = str(exc)
    except Exception as exc:  # the stdlib email package raises many exception types on junk
        reason = f"unparsable email: {type(exc).__name__}: {exc}"
    return dead_letter(origin, reason, data.decode("utf-8", "replace"))


_IDENTIFYING = ("From", "Date", "Subject", "Message-ID")
_MAGIC = {b"%PDF": "a PDF", b"PK\x03\x04": "a zip (or Office document)", b"\x89PNG": "a PNG image",
          b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"\x7fELF": "a program",
          b"\xd0\xcf\x11\xe0": "an Office document", b"\x1f\x8b": "gzip data"}


def _not_an_email(data: bytes) -> str | None:
    """Why `data` is binary rather than an RFC 822 message, or None when it may be one."""
    head = data[:4096].lstrip()
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return f"not an email: the file is {what}"
    if b"\x00" in data[:8192]:
        return "not an email: binary data (NUL bytes in the header block)"
    return None


# --- mbox -------------------------------------------------------------------------------------

# A separator is a "From " line after a blank line (or at the start) shaped like the mbox
# envelope line, "From <sender> <asctime date>" (Gmail adds a +0000 before the year), AND followed
# by a header line: an unquoted "From the meeting at 10:30..." body line splits nothing.
_MONTH = rb"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_FROM_LINE = re.compile(
    rb"^From \S+ +(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +)?(?:" + _MONTH
    + rb" +\d{1,2}|\d{1,2} +" + _MONTH + rb")(?: +\d{4})? +\d{1,2}:\d{2}(?::\d{2})?"
    rb"(?: +[A-Za-z]{1,5}| +[+-]\d{4})*(?: +\d{4})?[ \t]*\r?\n?$")
_HEADER_START = re.compile(rb"^[!-9;-~]+:")
_QUOTED_FROM = re.compile(rb"^>(>*From )")
_READ_LIMIT = 1024 * 1024


@dataclass(frozen=True)
class MboxEntry:
    """One message's span in an mbox file."""

    offset: int
    from_line: bytes
    data: bytes | None
    """The message bytes, or None when it was larger than the cap (never held in memory)."""
    size: int
    """Bytes of the file consumed since the previous entry, for progress."""


def split_mbox(fh: BinaryIO, *, max_message_bytes: int) -> Iterator[MboxEntry]:
    """Split an mbox stream into messages in constant memory (one message held at a time).

    Unlike `mailbox.mbox`, which indexes the whole file first, this reads line by line (in pieces
    of at most 1 MiB, so a file without newlines cannot blow memory) and undoes mboxrd
    ``>From `` quoting.
    """
    offset = reported = start = 0
    from_line = b""
    chunks: list[bytes] | None = []
    held = 0
    started, prev_blank, line_start = False, True, True
    lines = _lookahead(iter(lambda: fh.readline(_READ_LIMIT), b""))
    for line, following in lines:
        if line_start and prev_blank and _FROM_LINE.match(line) and (
                following is None or _HEADER_START.match(following)):
            if started:
                yield MboxEntry(start, from_line, _join(chunks), offset - reported)
                reported = offset
            start, from_line, chunks, held, started = offset, line.rstrip(b"\r\n"), [], 0, True
        elif started or line.strip():
            started = True
            held += len(line)
            if chunks is not None and held > max_message_bytes:
                chunks = None  # too large: stop holding it, dead-letter it when it ends
            elif chunks is not None:
                chunks.append(_QUOTED_FROM.sub(rb"\1", line) if line_start else line)
        offset += len(line)
        prev_blank = line_start and not line.strip()
        line_start = line.endswith(b"\n")
    if started:
        yield MboxEntry(start, from_line, _join(chunks), offset - reported)


def _lookahead(lines: Iterator[bytes]) -> Iterator[tuple[bytes, bytes | None]]:
    """Each line with the one after it (None after the last)."""
    current = next(lines, None)
    while current is not None:
        following = next(lines, None)
        yield current, following
        current = following


def _join(chunks: list[bytes] | None) -> bytes | None:
    return None if chunks is None else b"".join(chunks)


def from_line_time(from_line: bytes) -> datetime | None:
    """The delivery time in an mbox ``From sender date`` line, if it has a readable one."""
    parts = from_line[5:].decode("ascii", "replace").split(None, 1)
    return _parse_date(parts[1]) if len(parts) == 2 else None


class _MailSource(Source):
    """What the mbox, .eml and Maildir sources share: where to read and the size limits."""

    def __init__(self, path: Path, *, company_id: str, max_text_bytes: int = 1_000_000,
                 max_message_bytes: int | None = None,
                 budget: ReaderBudget = DEFAULT_BUDGET) -> None:
        self.path = Path(path)
        self.company_id = company_id
        self.max_text_bytes = max_text_bytes
        self.max_message_bytes = max_message_bytes or budget.max_message_bytes

    def total_bytes(self) -> int:
        """The file size."""
        return os.path.getsize(self.path)


class MboxSource(_MailSource):
    """Messages from an mbox file, streamed: memory stays flat for any file size.

    Args:
        path: the mbox file (mboxrd or mboxo; Gmail Takeout's ``.mbox`` works).
        company_id: stamped on every message.
        max_text_bytes: a message whose text is longer is dead-lettered.
        max_message_bytes: a message whose raw size (attachments included) is larger is
            dead-lettered without being held in memory.
    """

    name = "mbox"

    def read(self, progress: ProgressFn | None = None) -> Iterator[Item]:
        """Yield one item per message in file order; origins are ``file:byte offset``."""
        done = 0
        with open_regular(self.path) as fh:
            for entry in split_mbox(fh, max_message_bytes=self.max_message_bytes):
                done += entry.size
                if progress is not None:
                    progress(entry.size)
                yield self._item(entry)
        if progress is not None and self.total_bytes() > done:
            progress(self.total_bytes() - done)  # trailing blank lines

    def _item(self, entry: MboxEntry) -> Item:
        origin = f"{self.path}:{entry.offset}"
        if entry.data is None:
            return dead_letter(origin, f"message larger than {self.max_message_bytes} bytes",
                               entry.from_line.decode("utf-8", "replace"))
        return parse_email_bytes(entry.data, company_id=self.company_id, origin=origin,
                                 max_text_bytes=self.max_text_bytes,
                                 fallback_time=from_line_time(entry.from_line))


# --- single files and Maildir ----------------------------------------------------------------

def _file_item(path: Path, *, company_id: str, max_text_bytes: int, max_message_bytes: int,
               fallback_time: datetime | None, follow_symlinks: bool = True) -> Item:
    origin = str(path)
    try:
        with open_regular(path, follow_symlinks=follow_symlinks) as fh:
            data = read_capped(fh, max_message_bytes)
            mtime = os.fstat(fh.fileno()).st_mtime
        if data is None:
            return dead_letter(origin, f"message larger than {max_message_bytes} bytes",
                               path.name)
        if fallback_time is None:
            fallback_time = datetime.fromtimestamp(mtime, UTC)
    except SourceError as exc:
        return dead_letter(origin, str(exc), path.name)
    except OSError as exc:
        return dead_letter(origin, f"unreadable file: {exc.strerror}", path.name)
    return parse_email_bytes(data, company_id=company_id, origin=origin,
                             max_text_bytes=max_text_bytes, fallback_time=fallback_time)


class EmlSource(_MailSource):
    """The one message in an RFC 822 ``.eml`` file (the file's mtime stands in for a Date).

    Args:
        path: the ``.eml`` file.
        company_id: stamped on the message.
        max_text_bytes: a longer text is dead-lettered.
        max_message_bytes: a larger file is dead-lettered unread.
    """

    name = "eml"

    def read(self, progress: ProgressFn | None = None) -> Iterator[Item]:
        """Yield the file's message (or a dead letter)."""
        yield _file_item(self.path, company_id=self.company_id, max_text_bytes=self.max_text_bytes,
                         max_message_bytes=self.max_message_bytes, fallback_time=None)
        if progress is not None:
            progress(self.total_bytes())


_DELIVERY_TIME = re.compile(r"^(\d{9,11})\.")


class MaildirSource(_MailSource):
    """Messages from a Maildir: ``cur/`` and ``new/`` of the folder and of Maildir++ subfolders.

    Files are read in a stable order (folder, then ``cur`` before ``new``, then name). A message
    without a Date takes the delivery time Maildir names start with.

    Args:
        path: the Maildir (the folder holding ``cur/``, ``new/`` and ``tmp/``).
        company_id: stamped on every message.
        max_text_bytes: a longer text is dead-lettered.
        max_message_bytes: a larger file is dead-lettered unread.
    """

    name = "maildir"

    def files(self) -> Iterator[Path]:
        """Every message file, in reading order (``tmp/`` holds deliveries still in progress).

        Symlinks (to files or folders) and other non-regular entries are listed too: `read`
        dead-letters them unread instead of following them out of the Maildir.
        """
        folders = [self.path, *sorted(p for p in self.path.glob(".*") if not p.is_symlink() and (
            (p / "cur").is_dir() or (p / "new").is_dir()))]
        for folder in folders:
            for sub in ("cur", "new"):
                where = folder / sub
                if where.is_dir() and not where.is_symlink():
                    yield from sorted(p for p in where.iterdir() if not p.name.startswith(".")
                                      and (p.is_symlink() or not p.is_dir()))

    def total_bytes(self) -> int:
        """The size of every message file."""
        return sum(_size(p) for p in self.files())

    def read(self, progress: ProgressFn | None = None) -> Iterator[Item]:
        """Yield one item per message file; origins are the file paths."""
        for path in self.files():
            match = _DELIVERY_TIME.match(path.name)
            delivered = datetime.fromtimestamp(int(match.group(1)), UTC) if match else None
            item = _file_item(path, company_id=self.company_id,
                              max_text_bytes=self.max_text_bytes,
                              max_message_bytes=self.max_message_bytes, fallback_time=delivered,
                              follow_symlinks=False)
            if progress is not None:
                progress(_size(path))
            yield item


def _size(path: Path) -> int:
    try:
        return path.lstat().st_size
    except OSError:  # moved by a mail client while we read: nothing left to count
        return 0
