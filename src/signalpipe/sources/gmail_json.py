"""Gmail API ``users.messages.get`` objects: one per line, or one JSON array of them.

Both ``format=full`` objects (a ``payload`` part tree with base64url bodies and a headers list)
and ``format=raw`` objects (the whole RFC 822 message base64url-encoded under ``raw``) are read.
The original object is kept as the Message payload, plus ``full_text`` and ``attachment_count``.
Ids follow `mailbox.build_email_message` (Message-ID header), falling back to ``gmail:<id>``.

A JSON array is read incrementally, element by element, so a multi-gigabyte export never sits in
memory. After a syntax error inside an array there is no safe place to resume, so the rest of the
file becomes one dead letter; JSON Lines resume at the next line.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from signalpipe.errors import SourceError
from signalpipe.sources.base import Item, ProgressFn, Source
from signalpipe.sources.budget import (
    DEFAULT_BUDGET,
    ReaderBudget,
    json_too_deep,
    load_json,
    open_regular,
)
from signalpipe.sources.email_text import (
    RAW_LIMIT_CHARS,
    BodyPart,
    BrokenPart,
    body_of,
    dead_letter,
    decode_bytes,
    decode_header_value,
)
from signalpipe.sources.mailbox import (
    EmailFields,
    build_email_message,
    parse_email_bytes,
)

_CHUNK = 1024 * 1024
_WHITESPACE = " \t\r\n"
_CHARSET = re.compile(r"charset\s*=\s*\"?([^\";\s]+)", re.IGNORECASE)


def b64url_decode(data: str) -> bytes:
    """Gmail's base64url (padding optional); raises BrokenPart on anything else."""
    try:
        return base64.b64decode(data + "=" * (-len(data) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise BrokenPart("body is not valid base64url") from None


class GmailPart:
    """`BodyPart` over one node of a Gmail API ``payload`` tree."""

    def __init__(self, part: dict[str, Any]) -> None:
        self._part = part
        body = part.get("body")
        self._body: dict[str, Any] = body if isinstance(body, dict) else {}

    @property
    def mime_type(self) -> str:
        return str(self._part.get("mimeType") or "text/plain").lower()

    def children(self) -> list[BodyPart]:
        parts = self._part.get("parts")
        return [GmailPart(p) for p in parts if isinstance(p, dict)] if isinstance(
            parts, list) else []

    def is_attachment(self) -> bool:
        return bool(self._part.get("filename")) or "attachmentId" in self._body

    def decoded(self) -> str:
        data = self._body.get("data")
        if not data:
            return ""
        if not isinstance(data, str):
            raise BrokenPart("body data is not a string")
        return decode_bytes(b64url_decode(data), self._charset())

    def _charset(self) -> str | None:
        headers = self._part.get("headers")
        for header in headers if isinstance(headers, list) else []:
            if isinstance(header, dict) and str(header.get("name", "")).lower() == "content-type":
                match = _CHARSET.search(str(header.get("value", "")))
                return match.group(1) if match else None
        return None


@dataclass(frozen=True)
class _Bad:
    reason: str
    raw: str


class GmailJSONSource(Source):
    """Messages from Gmail API JSON: JSON Lines or a JSON array of message objects.

    Args:
        path: the ``.json`` / ``.jsonl`` file.
        company_id: stamped on every message.
        max_text_bytes: a message whose text is longer is dead-lettered.
        max_object_bytes: a larger JSON object is dead-lettered instead of being buffered.
    """

    name = "gmail-json"

    def __init__(self, path: Path, *, company_id: str, max_text_bytes: int = 1_000_000,
                 max_object_bytes: int | None = None,
                 budget: ReaderBudget = DEFAULT_BUDGET) -> None:
        self.path = Path(path)
        self.company_id = company_id
        self.max_text_bytes = max_text_bytes
        self.max_object_bytes = max_object_bytes or budget.max_message_bytes
        self.budget = budget

    def total_bytes(self) -> int:
        """The file size."""
        return os.path.getsize(self.path)

    def read(self, progress: ProgressFn | None = None) -> Iterator[Item]:
        """Yield one item per object; origins are ``file:line`` (JSONL) or ``file:#n`` (array)."""
        report = progress or (lambda _n: None)
        with open_regular(self.path) as fh:
            head = fh.read(_CHUNK)
            skip = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
            fh.seek(skip)
            if head[skip:].lstrip().startswith(b"["):
                reader = JSONArrayReader(fh, report, max_object_bytes=self.max_object_bytes,
                                         max_depth=self.budget.max_json_depth)
                objects = ((f"#{n}", obj) for n, obj in reader)
            else:
                objects = ((str(n), obj) for n, obj in self._lines(fh, report))
            for where, obj in objects:
                yield self._item(obj, f"{self.path}:{where}")

    def _lines(self, fh: BinaryIO, report: ProgressFn) -> Iterator[tuple[int, Any]]:
        limit = self.max_object_bytes
        number = 0
        while line := fh.readline(limit + 1):
            number += 1
            report(len(line))
            if len(line) > limit:
                skipped = _skip_line(fh)
                report(skipped)
                yield number, _Bad(f"line longer than {limit} bytes", "")
            elif line.strip():
                try:
                    yield number, load_json(line, self.budget.max_json_depth)
                except ValueError as exc:
                    yield number, _Bad(f"not JSON: {exc}", line.decode("utf-8", "replace"))

    def convert(self, obj: Any, origin: str) -> Item:
        """One ``users.messages.get`` object (full or raw) -> a Message or a DeadLetter (what
        the live Gmail sync uses for each message it fetches)."""
        return self._item(obj, origin)

    def _item(self, obj: Any, origin: str) -> Item:
        if isinstance(obj, _Bad):
            return dead_letter(origin, obj.reason, obj.raw)
        if isinstance(obj, dict) and isinstance(obj.get("raw"), str):
            return self._raw_item(obj, origin)
        if not isinstance(obj, dict) or not isinstance(obj.get("payload"), dict):
            return dead_letter(origin, "not a Gmail API message", _dump(obj))
        try:
            fields = EmailFields(headers=_headers(obj["payload"]),
                                 body=body_of(GmailPart(obj["payload"])),
                                 fallback_time=_internal_date(obj), fallback_id=_gmail_id(obj))
            return build_email_message(fields, company_id=self.company_id, origin=origin,
                                       max_text_bytes=self.max_text_bytes, payload=obj)
        except SourceError as exc:
            return dead_letter(origin, str(exc), _dump(obj))

    def _raw_item(self, obj: dict[str, Any], origin: str) -> Item:
        try:
            data = b64url_decode(obj["raw"])
        except BrokenPart:
            return dead_letter(origin, "raw is not valid base64url", _dump(obj))
        meta = {k: v for k, v in obj.items() if k != "raw"}
        return parse_email_bytes(data, company_id=self.company_id, origin=origin,
                                 max_text_bytes=self.max_text_bytes,
                                 fallback_time=_internal_date(obj), fallback_id=_gmail_id(obj),
                                 payload=meta)


def _skip_line(fh: BinaryIO) -> int:
    skipped = 0
    while chunk := fh.readline(_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _headers(payload: dict[str, Any]) -> list[tuple[str, str]]:
    found = payload.get("headers")
    return [(str(h["name"]), decode_header_value(str(h["value"])))
            for h in (found if isinstance(found, list) else [])
            if isinstance(h, dict) and "name" in h and "value" in h]


def _internal_date(obj: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(obj["internalDate"]) / 1000, UTC)
    except (KeyError, TypeError, ValueError, OverflowError, OSError):
        return None


def _gmail_id(obj: dict[str, Any]) -> str | None:
    return f"gmail:{obj['id']}" if obj.get("id") else None


def _dump(obj: Any) -> str:
    try:
        return json.dumps(obj, ensure_ascii=False)[:RAW_LIMIT_CHARS]
    except (TypeError, ValueError):
        return repr(obj)[:RAW_LIMIT_CHARS]


class JSONArrayReader:
    """Yields ``(1-based index, element)`` from a top-level JSON array without loading it whole.

    A malformed element ends the stream with one `_Bad` item holding the unread remainder's start.
    """

    def __init__(self, fh: BinaryIO, progress: ProgressFn, *, max_object_bytes: int,
                 max_depth: int = DEFAULT_BUDGET.max_json_depth) -> None:
        self._fh = fh
        self._depth = max_depth
        self._progress = progress
        self._max = max_object_bytes
        self._text = codecs.getincrementaldecoder("utf-8")("replace")
        self._json = json.JSONDecoder()
        self._buf = ""
        self._pos = 0
        self._eof = False

    def _fill(self, size: int) -> None:
        data = self._fh.read(size)
        self._progress(len(data))
        self._buf = self._buf[self._pos:] + self._text.decode(data, final=not data)
        self._pos = 0
        self._eof = not data

    def _peek(self, skip: str) -> str | None:
        """The next character not in `skip`, reading more as needed; None at the end."""
        while True:
            while self._pos < len(self._buf) and self._buf[self._pos] in skip:
                self._pos += 1
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if self._eof:
                return None
            self._fill(_CHUNK)

    def __iter__(self) -> Iterator[tuple[int, Any]]:
        if self._peek(_WHITESPACE) != "[":
            yield 1, _Bad("not a JSON array", self._buf[:RAW_LIMIT_CHARS])
            return
        self._pos += 1
        index = 0
        while (ch := self._peek(_WHITESPACE + ",")) not in (None, "]"):
            index += 1
            element = self._element()
            yield index, element
            if isinstance(element, _Bad):
                return
        if ch is None:
            yield index + 1, _Bad("JSON array is not closed (truncated file?)", "")

    def _element(self) -> Any:
        want = _CHUNK
        while True:
            try:
                obj, end = self._json.raw_decode(self._buf, self._pos)
                # An element that touches the end of the buffer may continue past it (a number).
                if end < len(self._buf) or self._eof:
                    if json_too_deep(self._buf[self._pos:end], self._depth):
                        obj = _Bad(f"JSON nested deeper than max_json_depth ({self._depth})",
                                   self._buf[self._pos:end][:RAW_LIMIT_CHARS])
                    self._pos = end
                    return obj
            except RecursionError:
                # Nesting past what the parser can hold: no safe place to resume in the array.
                return _Bad(f"JSON nested deeper than max_json_depth ({self._depth})",
                            self._buf[self._pos:][:RAW_LIMIT_CHARS])
            except json.JSONDecodeError as exc:
                if self._eof or len(self._buf) - self._pos > self._max:
                    return _Bad(f"not JSON: {exc.msg}", self._buf[self._pos:][:RAW_LIMIT_CHARS])
            self._fill(want)
            want = min(want * 2, self._max)
