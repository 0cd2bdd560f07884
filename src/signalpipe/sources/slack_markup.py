"""Slack mrkdwn -> plain text.

Slack sends message text with three characters escaped (``&amp; &lt; &gt;``) and every mention,
channel reference, special command and link wrapped in ``<...>``. Because literal ``<`` and ``>``
are always escaped, every raw angle-bracket pair is markup, so one regex pass finds them all.

Emoji shortcodes (``:rocket:``) are kept verbatim: they carry meaning an extractor can read, and
any rule that rewrites or drops them also mangles ordinary text such as ``10:30:45``.
Bold/italic/strike markers (``*x*``, ``_x_``, ``~x~``) are left as typed; they read fine as text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_TOKEN = re.compile(r"<([^<>]*)>")
_SPECIAL = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


def escape(text: str) -> str:
    """Escape plain text the way Slack stores it (the inverse of the entity step of `to_plain`)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Undo Slack's three entities; ``&amp;`` last so ``&amp;lt;`` stays a literal ``&lt;``."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def to_plain(text: str, *, users: Mapping[str, str] | None = None,
             channels: Mapping[str, str] | None = None) -> str:
    """Render Slack mrkdwn as plain text.

    Args:
        text: the message ``text`` field exactly as Slack stores it.
        users: user id -> display name, for ``<@U123>`` mentions without a label.
        channels: channel id -> name, for ``<#C123>`` references without a label.

    Returns:
        ``<@U1>`` -> ``@name``, ``<#C1|general>`` -> ``#general``, ``<!here>`` -> ``@here``,
        ``<https://x|label>`` -> ``label (https://x)``, ``<mailto:a@b|a@b>`` -> ``a@b``,
        entities unescaped.
    """
    users = users or {}
    channels = channels or {}

    def render(match: re.Match[str]) -> str:
        return _render_token(match.group(1), users, channels)

    return unescape(_TOKEN.sub(render, text))


def _render_token(body: str, users: Mapping[str, str], channels: Mapping[str, str]) -> str:
    target, _, label = body.partition("|")
    if target.startswith("@"):
        return "@" + (label or users.get(target[1:], target[1:]))
    if target.startswith("#"):
        return "#" + (label or channels.get(target[1:], target[1:]))
    if target.startswith("!"):
        return _render_command(target[1:], label)
    return _render_link(target, label)


def _render_command(command: str, label: str) -> str:
    # <!subteam^S1|@team> and <!date^...|fallback> carry their own readable fallback label.
    if label:
        return label
    name = command.split("^", 1)[0]
    return _SPECIAL.get(name, "@" + name)


def _render_link(url: str, label: str) -> str:
    if url.startswith("mailto:"):
        return label or url.removeprefix("mailto:")
    if not label or label in (url, url.split("://", 1)[-1]):
        return url
    return f"{label} ({url})"
