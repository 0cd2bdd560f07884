"""Escaping at every output boundary, so text that came from a message stays text.

Message-derived strings reach four kinds of output, each with its own dangerous characters:

- a terminal (`terminal`): C0/C1 controls start escape sequences (ESC ``[2J`` clears the screen,
  OSC ``]0;`` retitles the window, OSC 8 plants a link), CR rewrites the line;
- rich markup (`rich_literal`): ``[bold]``, ``[link=...]`` are markup unless escaped;
- one header or title line (`one_line`): CR, LF, VT, FF, NEL, U+2028/2029 start a new line;
- Markdown that may be rendered as HTML (`markdown_cell`): raw tags, ``javascript:`` links.

And secrets (`redact`): a provider error body that echoes the API key must not be stored or
logged with it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from rich.markup import escape as _rich_escape

# C0 controls but TAB and LF, DEL, C1 controls (NEL included), line/paragraph separators, and the
# bidi overrides that reorder what a terminal shows.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ESCAPE_SEQ = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.)",
                         re.DOTALL)
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+")


def _visible(ch: str) -> str:
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def terminal(text: str, *, keep_newlines: bool = True) -> str:
    """`text` safe to print: escape sequences shown as ``\\x1b[...`` text, controls as ``\\xNN``."""
    shown = _ESCAPE_SEQ.sub(lambda m: "".join(_visible(c) if not c.isprintable() else c
                                              for c in m.group(0)), text)
    if not keep_newlines:
        shown = shown.replace("\n", "\\n")
    return _CONTROLS.sub(lambda m: _visible(m.group(0)), shown)


def rich_literal(text: str) -> str:
    """`text` printed by rich exactly as written: markup escaped, terminal controls shown."""
    return _rich_escape(terminal(text))


def one_line(text: str) -> str:
    """One header/title line: every line break becomes a space, other controls are dropped."""
    flat = _LINE_BREAKS.sub(" ", text)
    return _CONTROLS.sub("", flat).strip()


# Only what can start a tag, link, image, code span, emphasis or table cell. Parentheses, "!"
# and "#" inside a line stay as written (with "[" escaped no link or image can form), so the
# file also reads well unrendered; a block marker at the start is escaped.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_BLOCK_START = re.compile(r"^([#+-]|\d+(?=[.)]))(?=[.)]?(?:\s|$))")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def markdown_text(text: str) -> str:
    """Inline Markdown that renders as the literal text: no tags, no links, no emphasis.

    HTML specials become entities (a renderer shows ``<img ...>`` as text, never as a tag) and
    Markdown specials are backslash-escaped (``[x](javascript:...)`` is not a link).
    """
    flat = one_line(text)
    flat = "".join(_HTML_SPECIAL.get(ch, ch) for ch in flat)
    flat = _MD_SPECIAL.sub(r"\\\1", flat)
    return _MD_BLOCK_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit()
                               else "\\" + m.group(1), flat)


_KEY_SHAPES = re.compile(
    r"AIza[0-9A-Za-z_\-]{30,}"          # Google API keys
    r"|sk-[A-Za-z0-9_\-]{16,}"          # OpenAI-style keys
    r"|(?i:bearer)\s+[A-Za-z0-9._\-]{16,}")


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """`text` with each known secret, and anything shaped like an API key, replaced."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "[redacted]")
    return _KEY_SHAPES.sub("[redacted]", text)


class RedactingFilter(logging.Filter):
    """A handler filter that redacts secrets (and key-shaped text) from every log record."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message, self._secrets)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_info[1] is not None:
            text = redact(str(record.exc_info[1]), self._secrets)
            if text != str(record.exc_info[1]):
                record.exc_info, record.exc_text = None, None
                record.msg = f"{record.msg} ({text})"
        return True
