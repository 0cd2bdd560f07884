"""Build Slack-API-shaped and Gmail-API-shaped payloads, as the messages travel on the bus.

The original system published these shapes to its topics; keeping them lets a live Slack or Gmail
connector feed the same path later.
"""

from __future__ import annotations

import base64
import re
from datetime import datetime
from typing import Any


def slack_payload(msg_id: str, sender: str, text: str, ts: datetime, *, channel: str | None,
                  team: str, thread_ts: str | None = None) -> dict[str, Any]:
    """A Slack Web API `message` object (conversations.history shape)."""
    payload: dict[str, Any] = {
        "type": "message",
        "client_msg_id": msg_id,
        "user": sender,
        "text": text,
        "ts": f"{ts.timestamp():.6f}",
        "team": team,
    }
    if channel:
        payload["channel"] = channel
    if thread_ts:
        payload["thread_ts"] = thread_ts
    return payload


# A subject is a line, not an email: past this, a one-line cell holds subject and body together.
_SUBJECT_MAX = 100
_SENTENCE_END = re.compile(r"[.!?](?=\s+\S)")


def split_subject(content: str) -> tuple[str, str]:
    """The seed's email cells start with "Subject: ..." then a blank line; else line one is it.

    The original project's sample writes the whole email on one line ("Subject: CONTRACT
    SIGNED! Hi Alex, Just got the DocuSign back..."): there the subject ends at the first
    sentence end within a subject's length, and the rest is the body."""
    head, sep, rest = content.partition("\n")
    if head.lower().startswith("subject:"):
        subject = head[8:].strip()
        if len(subject) > _SUBJECT_MAX and (end := _SENTENCE_END.search(subject, 0, _SUBJECT_MAX)):
            body = subject[end.end():].lstrip()
            subject = subject[:end.end()].rstrip(".").strip()
            return subject, body + ("\n" + rest if rest else "")
        return subject, rest.lstrip("\r\n")
    return head.strip()[:200], rest if sep else ""


def split_subject_before_2026_12(content: str) -> tuple[str, str]:
    """How the CSV reader split a cell until December 2026 (a one-line cell was all subject):
    stores written then rebuild their left-out payloads with it."""
    head, sep, rest = content.partition("\n")
    if head.lower().startswith("subject:"):
        return head[8:].strip(), rest.lstrip("\r\n")
    return head.strip()[:200], rest if sep else ""


def gmail_payload(msg_id: str, sender: str, subject: str, body: str, ts: datetime,
                  *, to: str) -> dict[str, Any]:
    """A Gmail API `users.messages.get` (format=full) object with a base64url text/plain body."""
    data = base64.urlsafe_b64encode(body.encode("utf-8")).decode("ascii")
    return {
        "id": msg_id,
        "threadId": msg_id,
        "labelIds": ["INBOX"],
        "snippet": body[:200],
        "internalDate": str(int(ts.timestamp() * 1000)),
        "payload": {
            "mimeType": "text/plain",
            "headers": [
                {"name": "From", "value": sender},
                {"name": "To", "value": to},
                {"name": "Subject", "value": subject},
                {"name": "Date", "value": _rfc2822(ts)},
            ],
            "body": {"size": len(body.encode("utf-8")), "data": data},
        },
    }


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _rfc2822(ts: datetime) -> str:
    """`ts.strftime("%a, %d %b %Y %H:%M:%S +0000")` as the C locale writes it, in English
    whatever the process locale, and without strftime's cost (twice per email on ingest:
    building the payload, then rebuilding it to pack it). The year is not padded, as glibc's
    %Y does not pad it."""
    return (f"{_DAYS[ts.weekday()]}, {ts.day:02d} {_MONTHS[ts.month - 1]} {ts.year} "
            f"{ts.hour:02d}:{ts.minute:02d}:{ts.second:02d} +0000")
