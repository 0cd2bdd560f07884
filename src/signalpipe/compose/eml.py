"""investor_update.eml (RFC 5322, multipart/alternative: text, then HTML) with the standard
library's `email` package, and delivery over SMTP with STARTTLS."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Sequence
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from signalpipe.errors import SignalpipeError
from signalpipe.settings import SmtpSettings, UpdateSettings


def build_message(*, subject: str, text: str, html: str, settings: UpdateSettings,
                  to: Sequence[str], company: str, now: datetime | None = None) -> EmailMessage:
    msg = EmailMessage()
    sender = settings.sender_email or f"founder@{company.lower().replace(' ', '')}.invalid"
    msg["From"] = formataddr((settings.sender_name or company, sender))
    if to:
        msg["To"] = ", ".join(to)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now or datetime.now(UTC))
    msg["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
    msg.set_content(text, cte="8bit" if text.isascii() else "quoted-printable")
    msg.add_alternative(html, subtype="html")
    return msg


class SendError(SignalpipeError):
    """The SMTP server refused or could not be reached."""


def send(msg: EmailMessage, smtp: SmtpSettings) -> list[str]:
    """Deliver `msg` to its To addresses; returns them. STARTTLS unless turned off (a local
    relay); the password comes from the environment through the settings."""
    recipients = [a.strip() for a in str(msg.get("To", "")).split(",") if a.strip()]
    if not recipients:
        raise SendError("no recipient: pass --to or set update.to")
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout_s) as client:
            client.ehlo()
            if smtp.starttls:
                client.starttls(context=ssl.create_default_context())
                client.ehlo()
            if smtp.username and smtp.password is not None:
                client.login(smtp.username, smtp.password.get_secret_value())
            client.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise SendError(f"SMTP {smtp.host}:{smtp.port}: {exc}") from None
    return recipients
