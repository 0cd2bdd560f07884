"""Sending one alert: a signed JSON webhook, a Slack incoming webhook, or an email over SMTP.

Every delivery carries its key (``X-Signalpipe-Delivery`` / a mail header): a crash between a
receiver accepting an alert and the ledger recording it makes the next run send it again, and
the key lets the receiver drop the copy.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import smtplib
import time
import urllib.error
import urllib.request
from email.message import EmailMessage
from typing import Any

from signalpipe.settings import AlertChannel


class DeliveryError(Exception):
    """The endpoint did not take the alert (down, refused, a non-2xx answer)."""


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """``sha256=<hex>`` of HMAC-SHA256 over ``timestamp.body``, as the webhook header holds."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def send(channel: AlertChannel, key: str, alert: dict[str, Any], *, secret: str | None,
         timeout_s: float) -> None:
    """Deliver `alert` on `channel`; raise DeliveryError when it was not taken."""
    try:
        if channel.kind == "webhook":
            _webhook(channel, key, alert, secret, timeout_s)
        elif channel.kind == "slack":
            _post(str(channel.url), json.dumps({"text": headline(alert)}).encode(), {},
                  timeout_s)
        else:
            _email(channel, key, alert, timeout_s)
    except (OSError, smtplib.SMTPException) as exc:  # URLError is an OSError
        raise DeliveryError(f"{channel.kind}: {exc}") from None


def headline(alert: dict[str, Any]) -> str:
    event = alert.get("event") or {}
    return f"[signalpipe] {alert['rule']}: {event.get('title', '')}".strip()


def _webhook(channel: AlertChannel, key: str, alert: dict[str, Any], secret: str | None,
             timeout_s: float) -> None:
    body = json.dumps(alert, sort_keys=True).encode()
    stamp = str(int(time.time()))
    headers = {"X-Signalpipe-Delivery": key, "X-Signalpipe-Timestamp": stamp}
    if secret:
        headers["X-Signalpipe-Signature"] = signature(secret, stamp, body)
    _post(str(channel.url), body, headers, timeout_s)


def _post(url: str, body: bytes, headers: dict[str, str], timeout_s: float) -> None:
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "User-Agent": "signalpipe-alerts", **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        raise DeliveryError(f"HTTP {exc.code}") from None


def _email(channel: AlertChannel, key: str, alert: dict[str, Any], timeout_s: float) -> None:
    mail = EmailMessage()
    mail["Subject"] = headline(alert)
    mail["From"] = channel.sender
    mail["To"] = ", ".join(channel.to)
    mail["X-Signalpipe-Delivery"] = key
    mail.set_content(json.dumps(alert, indent=2, sort_keys=True))
    with smtplib.SMTP(channel.smtp_host, channel.smtp_port, timeout=timeout_s) as smtp:
        smtp.send_message(mail)
