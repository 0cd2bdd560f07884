"""The seed's CSV format, streamed: `id,is_chat,chat_sender,email_sender,timestamp,content`.

Rows are read line by line from the binary file so memory stays flat and progress is exact in bytes.
A row that cannot become a Message is yielded as a DeadLetter holding its raw text and line number.
Origins are ``<path as given>:<line>``, like every other reader's: two files with one name in two
folders (``jan/export.csv``, ``feb/export.csv``) never share a dead-letter key.
"""

from __future__ import annotations

import csv
import re
from collections import deque
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError

from signalpipe.errors import SourceError
from signalpipe.inert import terminal
from signalpipe.models import DeadLetter, Message, Source, message_keyer
from signalpipe.sources import base
from signalpipe.sources.base import Item, ProgressFn
from signalpipe.sources.budget import DEFAULT_BUDGET, ReaderBudget, open_regular
from signalpipe.sources.payloads import gmail_payload, slack_payload, split_subject
from signalpipe.sources.timestamps import parse_timestamp

COLUMNS = ("id", "is_chat", "chat_sender", "email_sender", "timestamp", "content")
_TRUE = {"true", "1", "yes", "t", "y"}
_FALSE = {"false", "0", "no", "f", "n"}
# The csv module's own limit must sit above ours, so an oversized cell is read whole and
# dead-lettered with a clear reason instead of derailing the parser mid-field.
_CSV_FIELD_LIMIT = 256 * 1024 * 1024
# A row may exceed max_cell_bytes by this much (the other five columns) before it is cut short
# unread: past that it cannot become a message, and holding it whole is what blew memory.
_ROW_SLACK_BYTES = 64 * 1024
RAW_LIMIT_CHARS = 65_536
_SNIFF_BYTES = 8192
_validate_message = Message.__pydantic_validator__.validate_python


def _new_message(fields: dict[str, Any]) -> Message:
    """`Message(**fields)`: the model's own validator, called without BaseModel.__init__'s
    Python wrapper around it (the same checks and errors, about 1.5 us less a row)."""
    message: Message = _validate_message(fields)
    return message


class _Overlong:
    """A physical line longer than a row may be: only its start is kept, its quotes counted."""

    def __init__(self, head: str, quotes: int) -> None:
        self.head = head
        self.quotes = quotes


class _RowTooBig(Exception):
    def __init__(self, head: str, quotes: int, lines: int) -> None:
        super().__init__(head)
        self.head = head
        self.quotes = quotes
        self.lines = lines


class RowError(ValueError):
    """A row that cannot become a Message; the text is the dead-letter reason."""


class CSVSource(base.Source):
    """Streams Messages (and DeadLetters) from a seed-format CSV file."""

    name = "csv"

    def __init__(self, path: Path, *, company_id: str, max_cell_bytes: int = 1_000_000,
                 budget: ReaderBudget = DEFAULT_BUDGET) -> None:
        self.path = path
        self.company_id = company_id
        self.max_cell_bytes = max_cell_bytes
        self.max_row_bytes = max_cell_bytes + _ROW_SLACK_BYTES
        self._key = message_keyer(company_id, "csv")
        self._at = f"{path}:"  # origins are <path as given>:<line>

    def total_bytes(self) -> int:
        return self.path.stat().st_size

    def read(self, progress: ProgressFn | None = None) -> Iterator[Item]:
        handle = open_regular(self.path)
        csv.field_size_limit(_CSV_FIELD_LIMIT)
        with handle:
            _require_text(self.path, handle.read(_SNIFF_BYTES))
            handle.seek(0)
            yield from self._rows(_lines(handle, progress, self.max_row_bytes))

    def _rows(self, lines: Iterator[str | _Overlong]) -> Iterator[Item]:  # noqa: C901
        raw_lines: list[str] = []
        again: deque[str] = deque()  # lines a broken row swallowed, to be read again
        held = 0

        def next_line() -> str | _Overlong | None:
            return again.popleft() if again else next(lines, None)

        def feed() -> Iterator[str]:
            nonlocal held
            most = self.max_row_bytes
            while True:
                text = again.popleft() if again else next(lines, None)  # next_line(), inlined
                if text is None:
                    return
                if isinstance(text, _Overlong) or held + len(text) > most:
                    before = "".join(raw_lines)
                    quotes = before.count('"') + (
                        text.quotes if isinstance(text, _Overlong) else text.count('"'))
                    head = before + (text.head if isinstance(text, _Overlong) else text)
                    raise _RowTooBig(head[:RAW_LIMIT_CHARS], quotes, len(raw_lines) + 1)
                held += len(text)
                raw_lines.append(text)
                yield text

        def skip_quoted(quotes: int) -> int:
            """Skip the rest of a quoted cell the cut-short row was inside; lines skipped."""
            skipped = 0
            while quotes % 2:
                text = next_line()
                if text is None:
                    break
                skipped += 1
                quotes += text.quotes if isinstance(text, _Overlong) else text.count('"')
            return skipped

        reader = csv.reader(feed(), strict=True)
        header_seen = False
        line = 1
        while True:
            try:
                row = next(reader)
                problem = None
            except StopIteration:
                return
            except csv.Error as exc:
                row, problem = [], f"malformed CSV: {exc}"
            except _RowTooBig as big:
                if not header_seen:
                    raise SourceError(f"{self.path}: the header line is longer than a row may "
                                      f"be ({self.max_row_bytes} bytes)") from None
                yield self._too_big(line, big.head)
                line += big.lines + skip_quoted(big.quotes)
                raw_lines.clear()
                held = 0
                reader = csv.reader(feed(), strict=True)
                continue
            if not header_seen:
                header_seen = True
                if row:
                    row[0] = row[0].removeprefix("\ufeff")
                if problem is not None or [c.strip().lower() for c in row] != list(COLUMNS):
                    got = ",".join(row) if problem is None else "".join(raw_lines)
                    raise SourceError(
                        f"{self.path}: header must be {','.join(COLUMNS)}, "
                        f"got {terminal(_clean(got[:200]), keep_newlines=False)}")
                line += len(raw_lines)
                raw_lines.clear()
                held = 0
                continue
            item: Item
            if problem is None:
                item = self._convert(row, line, raw_lines)
                consumed = len(raw_lines)
            elif len(raw_lines) > 1:
                # A stray quote can swallow the rows after it: lose only the first line.
                item = self._dead(line, problem, raw_lines[:1])
                again.extendleft(reversed(raw_lines[1:]))
                consumed = 1
                reader = csv.reader(feed(), strict=True)
            else:
                item = self._dead(line, problem, raw_lines)
                consumed = len(raw_lines)
            yield item
            line += consumed
            raw_lines.clear()
            held = 0

    def _convert(self, row: list[str], line: int, raw_lines: list[str]) -> Item:
        try:
            return self.to_message(row, origin=f"{self._at}{line}")
        except RowError as exc:
            return self._dead(line, str(exc), raw_lines, row[0] if row else None)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            return self._dead(line, f"not a valid message: {where}: {first['msg']}", raw_lines,
                              row[0] if row else None)

    def _too_big(self, line: int, head: str) -> DeadLetter:
        first = head.split(",", 1)[0].strip()
        return DeadLetter(origin=f"{self.path}:{line}", stage="source", raw=_clean(head),
                          reason=f"row larger than max_cell_bytes ({self.max_cell_bytes}) "
                                 f"allows; only its first {RAW_LIMIT_CHARS} characters are kept",
                          message_id=_clean(first)[:512] if first and "\n" not in first else None)

    def _dead(self, line: int, reason: str, raw_lines: list[str],
              message_id: str | None = None) -> DeadLetter:
        raw = _clean("".join(raw_lines))
        return DeadLetter(origin=f"{self.path}:{line}", reason=reason, stage="source",
                          raw=raw, message_id=_clean(message_id) if message_id else None)

    def to_message(self, row: list[str], *, origin: str) -> Message:
        """Turn one CSV row into a Message with its Slack- or Gmail-shaped payload."""
        if len(row) != len(COLUMNS):
            raise RowError(f"expected {len(COLUMNS)} columns, got {len(row)}")
        msg_id, is_chat, chat_sender, email_sender, ts_raw, content = row
        if not "".join(row).isascii():  # most rows: no column to look into
            for name, value in zip(COLUMNS, row, strict=True):
                if _has_surrogate(value):
                    raise RowError(f"column {name} is not valid UTF-8")
        msg_id = msg_id.strip()
        if not msg_id:
            raise RowError("empty id")
        # UTF-8 takes at most 4 bytes a character: most cells need no encoding to be measured.
        if len(content) * 4 > self.max_cell_bytes and \
                len(content.encode("utf-8")) > self.max_cell_bytes:
            raise RowError(f"content is larger than max_cell_bytes ({self.max_cell_bytes})")
        if not content.strip():
            raise RowError("empty content")
        chat = _parse_bool(is_chat)
        try:
            ts = parse_timestamp(ts_raw)
        except ValueError as exc:
            raise RowError(str(exc)) from None
        if chat:
            return self._slack(msg_id, chat_sender.strip() or "unknown", ts, content, origin)
        return self._gmail(msg_id, email_sender.strip() or "unknown", ts, content, origin)

    def _slack(self, msg_id: str, sender: str, ts: datetime, content: str,
               origin: str) -> Message:
        payload = slack_payload(msg_id, sender, content, ts, channel=None, team=self.company_id)
        return _new_message({
            "id": self._key(msg_id), "company_id": self.company_id,
            "source": Source.SLACK, "sender": sender, "timestamp": ts, "text": content,
            "payload": payload, "origin": origin})

    def _gmail(self, msg_id: str, sender: str, ts: datetime, content: str,
               origin: str) -> Message:
        subject, body = split_subject(content)
        payload = gmail_payload(msg_id, sender, subject, body, ts,
                                to=f"investors@{self.company_id}.example")
        return _new_message({
            "id": self._key(msg_id), "company_id": self.company_id,
            "source": Source.GMAIL, "sender": sender, "subject": subject, "timestamp": ts,
            "text": content, "payload": payload, "thread_id": msg_id, "origin": origin})


def _clean(text: str) -> str:
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _lines(handle: BinaryIO, progress: ProgressFn | None,
           max_line: int) -> Iterator[str | _Overlong]:
    """Decode line by line, keeping undecodable bytes as surrogates so the row can be rejected.

    A line longer than `max_line` is never held: its start is kept, the rest skipped in pieces.
    """
    while chunk := handle.readline(max_line + 1):
        if progress is not None:
            progress(len(chunk))
        if len(chunk) <= max_line or chunk.endswith(b"\n"):
            yield chunk.decode("utf-8", "surrogateescape")
            continue
        head = chunk[:RAW_LIMIT_CHARS].decode("utf-8", "surrogateescape")
        quotes = chunk.count(b'"')
        while (rest := handle.readline(_SKIP_PIECE)):
            if progress is not None:
                progress(len(rest))
            quotes += rest.count(b'"')
            if rest.endswith(b"\n"):
                break
        yield _Overlong(head, quotes)


_SKIP_PIECE = 1024 * 1024


def _require_text(path: Path, head: bytes) -> None:
    """Refuse a file whose start is not text (a binary renamed .csv, random bytes)."""
    if not head:
        return
    sample = head.removeprefix(b"\xef\xbb\xbf")
    text = sample.decode("utf-8", "replace")
    # Invalid UTF-8 and NUL bytes mark binary data; other controls are valid (if odd) text.
    bad = text.count("\ufffd") + text.count("\x00")
    if bad > max(16, len(text) // 10):
        raise SourceError(f"{path}: not a text CSV file (its first {len(head)} bytes look like "
                          "binary data)")


# An undecodable byte, kept by the "surrogateescape" decoding as U+DC80..U+DCFF. Searched with a
# compiled class rather than a Python loop over every character of every non-ASCII cell (tens of
# milliseconds for one 1 MB cell).
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _has_surrogate(value: str) -> bool:
    return _ESCAPED_BYTE.search(value) is not None


def _parse_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise RowError(f"is_chat must be true or false, got {raw[:20]!r}")
