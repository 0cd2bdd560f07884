"""Email bodies to text: MIME part choice, charsets, headers, HTML, quoted replies, signatures,
and the id and thread helpers every email reader shares.

Both email readers use this module: `mailbox` walks RFC 822 messages (mbox, .eml, Maildir,
Gmail ``raw``) and `gmail_json` walks Gmail API part trees. Each adapts its tree to `BodyPart`, so
which part becomes the text is decided in one place: inside ``multipart/alternative`` the
``text/plain`` version wins, HTML is rendered only when it is the sole version, and anything that
is neither is an attachment, counted but never read.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message as MimeMessage
from html.parser import HTMLParser
from typing import Protocol

from signalpipe.errors import SourceError
from signalpipe.models import DeadLetter

_TEXT_TYPES = ("text/plain", "text/html")

SIGNALPIPE_DOMAIN = "signalpipe.local"
"""Message-IDs ``<X@signalpipe.local>`` wrap a signalpipe id: parsing one gives back ``X``.

signalpipe's own mbox writer stores each generated message's id this way, so ground-truth ids match
after a round trip; every other Message-ID is used whole, without its angle brackets.
"""
MAX_ID_CHARS = 512
RAW_LIMIT_CHARS = 65_536
"""Dead letters keep at most this much of the offending input, so one huge email stays cheap."""


def dead_letter(origin: str, reason: str, raw: str, message_id: str | None = None) -> DeadLetter:
    """A source-stage dead letter with `raw` cut to `RAW_LIMIT_CHARS`."""
    return DeadLetter(origin=origin, reason=reason, stage="source", raw=raw[:RAW_LIMIT_CHARS],
                      message_id=message_id)


class BrokenPart(SourceError):
    """A body part the message depends on cannot be decoded; the message is dead-lettered."""


class BodyPart(Protocol):
    """The view of one MIME node that body selection needs."""

    @property
    def mime_type(self) -> str: ...

    def children(self) -> list[BodyPart]: ...

    def is_attachment(self) -> bool: ...

    def decoded(self) -> str:
        """The part's text in its charset; raises BrokenPart when it cannot be decoded."""
        ...


@dataclass(frozen=True)
class MimeBody:
    """The readable text of a message, whether it came from HTML, and how many attachments."""

    text: str
    from_html: bool
    attachments: int


@dataclass
class _Tally:
    attachments: int = 0
    from_html: bool = False


def body_of(root: BodyPart) -> MimeBody:
    """Choose and decode the text of a message tree (plain over HTML, attachments counted)."""
    tally = _Tally()
    texts = _collect(root, tally)
    text = "\n\n".join(t.strip("\n") for t in texts if t.strip())
    return MimeBody(text=text, from_html=tally.from_html, attachments=tally.attachments)


def _collect(part: BodyPart, tally: _Tally) -> list[str]:
    mime = part.mime_type
    if mime.startswith("multipart/"):
        kids = part.children()
        if not kids:
            raise BrokenPart(f"{mime} part has no readable sub-parts (missing boundary?)")
        if mime == "multipart/alternative":
            return _alternative(kids, tally)
        return [text for kid in kids for text in _collect(kid, tally)]
    if part.is_attachment() or mime not in _TEXT_TYPES:
        tally.attachments += 1
        return []
    if mime == "text/html":
        tally.from_html = True
        return [html_to_text(part.decoded())]
    return [part.decoded()]


def _alternative(kids: list[BodyPart], tally: _Tally) -> list[str]:
    # Plain first, then the rest in order; a broken version falls back to the next one and only
    # when every version fails is the first failure reported.
    ranked = sorted(kids, key=lambda k: k.mime_type != "text/plain")
    first_error: BrokenPart | None = None
    for kid in ranked:
        trial = _Tally()
        try:
            texts = _collect(kid, trial)
        except BrokenPart as exc:
            first_error = first_error or exc
            continue
        if any(t.strip() for t in texts):
            tally.attachments += trial.attachments
            tally.from_html = tally.from_html or trial.from_html
            return texts
    if first_error is not None:
        raise first_error
    return []


_WIDE = re.compile(r"^(utf|ucs)-?(16|32|2|4)", re.IGNORECASE)


def _implausible(data: bytes, charset: str) -> bool:
    """A UTF-16/32 label on bytes that cannot be UTF-16/32 text: valid UTF-8 with no BOM and no
    NUL byte (every space or line break in UTF-16 holds one), and either long enough that real
    UTF-16 text would have had one or holding an ASCII space or line break itself."""
    if not _WIDE.match(charset) or data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data:
        return False
    if len(data) < 64 and not any(c in data for c in (b" ", b"\n")):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Bytes -> text: the declared charset, else UTF-8, else Windows-1252 (never raises).

    Mail often lies (``us-ascii`` with 8-bit bytes, unknown names such as ``unknown-8bit``), so a
    failed strict decode falls through to the next guess instead of inserting replacement marks.
    A UTF-16/32 label on bytes that are plainly ASCII/UTF-8 (which would "decode" into CJK
    mojibake without an error) is not believed either.
    """
    if charset and _implausible(data, charset):
        charset = None
    for codec in (charset, "utf-8"):
        if not codec:
            continue
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", "replace")


class MimePart:
    """`BodyPart` over a node of a stdlib-parsed message (any policy)."""

    def __init__(self, msg: MimeMessage) -> None:
        self._msg = msg

    @property
    def mime_type(self) -> str:
        return self._msg.get_content_type()

    def children(self) -> list[BodyPart]:
        if not self._msg.is_multipart():
            return []
        parts = self._msg.get_payload()
        return [MimePart(p) for p in parts if isinstance(p, MimeMessage)] if isinstance(
            parts, list) else []

    def is_attachment(self) -> bool:
        disposition = self._msg.get_content_disposition()
        return disposition == "attachment" or (
            self._msg.get_filename() is not None and self.mime_type not in _TEXT_TYPES)

    def decoded(self) -> str:
        cte = str(self._msg.get("content-transfer-encoding", "")).strip().lower()
        data = _strict_base64(self._msg) if cte == "base64" else self._msg.get_payload(decode=True)
        if not isinstance(data, bytes):
            raise BrokenPart(f"{self.mime_type} part has no decodable payload")
        return decode_bytes(data, self._msg.get_content_charset())


def _strict_base64(msg: MimeMessage) -> bytes:
    # The stdlib silently drops characters outside the base64 alphabet and decodes the rest into
    # garbage; here line breaks and spaces are forgiven but anything else marks the part broken.
    payload = msg.get_payload(decode=False)
    if not isinstance(payload, str):
        raise BrokenPart("base64 part has no text payload")
    compact = re.sub(r"\s+", "", payload)
    try:
        return base64.b64decode(compact + "=" * (-len(compact) % 4), validate=True)
    except ValueError:  # binascii.Error, or non-ASCII bytes in the body
        raise BrokenPart("base64 body is corrupt") from None


def header_text(msg: MimeMessage, name: str) -> str | None:
    """A header's text: unfolded, encoded-words decoded, raw 8-bit bytes read as UTF-8/cp1252.

    Works on the raw value, so it needs no header objects from the parser's policy (building
    those is most of the cost of `policy.default`, see `mailbox`).
    """
    wanted = name.lower()
    raw = next((v for k, v in msg.raw_items() if k.lower() == wanted), None)
    return None if raw is None else decode_header_value(raw)


def decode_header_value(raw: str) -> str:
    """Decode encoded-words in a raw header value; raw 8-bit bytes (surrogates) read as text."""
    # The parser hands 8-bit header bytes over as surrogates: decode them as a mailer most likely
    # wrote them (UTF-8, else cp1252), then decode the encoded-words that remain.
    text = decode_bytes(raw.encode("utf-8", "surrogateescape"), None)
    text = re.sub(r"\r?\n[ \t]+", " ", text)
    if "=?" not in text:  # no encoded-words: the common case, and decode_header is not cheap
        return text.strip()
    try:
        return str(make_header(decode_header(text))).strip()
    except (HeaderParseError, LookupError, UnicodeError, ValueError):
        return text.strip()


# --- HTML ---------------------------------------------------------------------------------

_SKIP_TAGS = frozenset({"script", "style", "head", "title", "noscript", "template"})
_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                        "meta", "param", "source", "track", "wbr"})
# Styles that make an element's text invisible to a reader: what is not seen is not said.
_HIDDEN_STYLE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)"
    r"|font-size\s*:\s*0(?:\.0*)?(?:px|pt|em|rem|%)?\s*(?:!important\s*)?(?:;|$)"
    r"|opacity\s*:\s*0(?:\.0*)?\s*(?:!important\s*)?(?:;|$)"
    r"|(?:max-)?(?:height|width)\s*:\s*0(?:px)?\s*(?:!important\s*)?(?:;|$)"
    r"|color\s*:\s*transparent)",
    re.IGNORECASE)


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    found = dict(attrs)
    if "hidden" in found or (found.get("aria-hidden") or "").lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search((found.get("style") or "").replace("\n", " ")))
_BLOCK_TAGS = frozenset({"p", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
                         "pre", "section", "article", "header", "footer"})
# Line-level tags end the current line but never add a blank one (list items stay together).
_LINE_TAGS = frozenset({"div", "br", "tr", "li"})


class _TextExtractor(HTMLParser):
    """Collects visible text; blockquotes become ``> `` lines so reply stripping sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, bool, str]] = []
        self._line: list[str] = []
        self._skip = 0
        self._quote = 0
        self._pre = 0
        self._link: tuple[str, int] | None = None
        self._hiding: list[str] = []  # open elements inside (and including) a hidden one

    def newline(self) -> None:
        self.lines.append((self._quote, bool(self._pre), "".join(self._line)))
        self._line = []

    def end_line(self) -> None:
        if "".join(self._line).strip():
            self.newline()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID_TAGS and (self._hiding or _hidden(attrs)):
            self._hiding.append(tag)
            return
        if self._hiding:
            return
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "blockquote":
            self.end_line()
            self._quote += 1
        elif tag == "li":
            self.end_line()
            self._line.append("- ")
        elif tag in _LINE_TAGS:
            self.end_line()
        elif tag in _BLOCK_TAGS:
            self.newline()
            self._pre += tag == "pre"
        elif tag == "a":
            self._link = (dict(attrs).get("href") or "", len("".join(self._line)))

    def handle_endtag(self, tag: str) -> None:
        if self._hiding:
            if tag in self._hiding:  # close it and whatever was left open inside it
                del self._hiding[len(self._hiding) - 1 - self._hiding[::-1].index(tag):]
            return
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "blockquote":
            self.end_line()
            self._quote = max(0, self._quote - 1)
        elif tag in _LINE_TAGS:
            self.end_line()
        elif tag in _BLOCK_TAGS:
            self.newline()
            self._pre = max(0, self._pre - (tag == "pre"))
        elif tag == "a" and self._link is not None:
            href, start = self._link
            label = "".join(self._line)[start:].strip()
            if href.startswith(("http://", "https://")) and href not in label:
                self._line.append(f" ({href})")
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._skip or self._hiding:
            return
        if self._pre:
            first, *rest = data.split("\n")
            self._line.append(first)
            for line in rest:
                self.newline()
                self._line.append(line)
        else:
            self._line.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Readable text from an HTML body: no scripts or styles, one block per line, links kept."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    parser.newline()
    out: list[str] = []
    for depth, preformatted, line in parser.lines:
        line = line.rstrip() if preformatted else line.strip()
        if not line and (not out or not out[-1]):
            continue
        out.append(("> " * depth + line) if line else "")
    return "\n".join(out).strip()


# --- replies and signatures -----------------------------------------------------------------

_ORIGINAL = re.compile(r"^-{2,}\s*Original Message\s*-{2,}$", re.IGNORECASE)
_OUTLOOK_RULE = re.compile(r"^_{10,}$")
_SENT_FROM = re.compile(r"^(Sent from my |Get Outlook for )", re.IGNORECASE)


def strip_reply(text: str) -> str:
    """The new part of an email: quoted history and the signature removed.

    Cuts at the first reply attribution (``On <date>, <who> wrote:``, possibly wrapped onto a
    second line), Outlook's ``-----Original Message-----`` or ``From:``/``Sent:`` header block, or
    the ``-- `` signature separator; drops ``>`` lines anywhere (inline replies keep the answers)
    and trailing "Sent from my phone" lines.
    """
    lines = text.splitlines()
    kept: list[str] = []
    for i, line in enumerate(lines):
        if _ends_new_text(lines, i):
            break
        if not line.lstrip().startswith(">"):
            kept.append(line.rstrip())
    while kept and (not kept[-1].strip() or _SENT_FROM.match(kept[-1].strip())):
        kept.pop()
    result = "\n".join(kept).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", result)


def _ends_new_text(lines: list[str], i: int) -> bool:
    line = lines[i].rstrip("\r")
    stripped = line.strip()
    if line in ("-- ", "--") or _ORIGINAL.match(stripped):
        return True
    if stripped.startswith("On ") and (
            stripped.endswith("wrote:")
            or (i + 1 < len(lines) and lines[i + 1].strip().endswith("wrote:"))):
        return True
    if _OUTLOOK_RULE.match(stripped):
        return _outlook_header(lines, i + 1)
    return stripped.startswith("From:") and _outlook_header(lines, i) and (
        i == 0 or not lines[i - 1].strip())


def _outlook_header(lines: list[str], i: int) -> bool:
    window = [ln.strip() for ln in lines[i:i + 5]]
    return bool(window) and window[0].startswith("From:") and any(
        ln.startswith(("Sent:", "Date:")) for ln in window[1:])


# --- ids and threads --------------------------------------------------------------------------

_ANGLE_ID = re.compile(r"<([^<>\s]+)>")


def message_id_header(message_id: str) -> str:
    """The Message-ID header value that carries signalpipe id `message_id` through an mbox."""
    return f"<{message_id}@{SIGNALPIPE_DOMAIN}>"


def message_ids(header: str | None) -> list[str]:
    """The ids in a Message-ID, In-Reply-To or References header, normalized, in order.

    ``<a@b>`` -> ``a@b``; ``<X@signalpipe.local>`` -> ``X``. Ids longer than `MAX_ID_CHARS` are
    dropped (they cannot be a Message.id, and no sane mailer makes them).
    """
    if not header:
        return []
    found = _ANGLE_ID.findall(header) or header.split()
    ids = []
    for raw in found:
        value = raw.strip().strip("<>")
        value = value.removesuffix("@" + SIGNALPIPE_DOMAIN)
        if value and len(value) <= MAX_ID_CHARS:
            ids.append(value)
    return ids


def thread_root(own_id: str, in_reply_to: str | None, references: str | None) -> str:
    """The id of the message that started the thread: first References id, else In-Reply-To."""
    for ids in (message_ids(references), message_ids(in_reply_to)):
        if ids:
            return ids[0]
    return own_id


def content_id(*parts: str) -> str:
    """A stable id for a message without a Message-ID: a hash of what identifies it."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha256:{digest[:40]}"
