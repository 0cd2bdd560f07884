"""A figure given on the sender's next chat line: "we crossed" / "10k paying users!!",
"MRR this month:" / "$48k".

Chat splits one statement over two messages when the writer hits enter before the number. The
first line is a milestone's opening left hanging (a verb of crossing or a metric's label ending in
a colon), the second starts with the figure. Read apart, neither says anything (or the second
reads as a bare cheer that names no metric); read together they are one statement, and its
evidence cites both messages.

Paired only when the same sender writes both, in the same channel, within ``MAX_GAP_S``, others
may speak in between. Look-alikes left apart: another person's reply ("what should the MRR target
be?" / "$48k" from a colleague), a question, a long first message (a paragraph that ends on a
colon introduces a list, not a figure), a second line that does not open with a figure ("we
crossed" / "the street and got coffee"), and a figure an hour later.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from signalpipe.extract.rules.reader import Hit, read_message
from signalpipe.extract.rules.text import Span
from signalpipe.models import Message

MAX_GAP_S = 300.0  # "within a few minutes": a later line answers something else
MAX_OPENER = 60  # characters: a milestone's opening, not a paragraph
MAX_FIGURE = 80

# The opening left hanging: "we crossed", "we just passed", "MRR this month:", "ARR is now".
_OPENER = re.compile(
    r"(?:\b(?:crossed|passed|hit|reached|surpassed|topped|broke|cleared|at|is now|are now|now at"
    r"|just came in|came in at|landed at|closed at|ended at|finished at)\s*(?:\.{2,3}|\u2026)?"
    r"|:)\s*$", re.IGNORECASE)
# The next line opens with the figure: "10k paying users!!", "$48k", "€1.2M 🎉", "5,000 customers".
_FIGURE = re.compile(r"^\W{0,3}?(?:[$\u20ac\u00a3]\s?\d|\d)")


def _opener(message: Message) -> bool:
    text = message.text.strip()
    return len(text) <= MAX_OPENER and "\n" not in text and "?" not in text \
        and _OPENER.search(text) is not None


def _figure(message: Message) -> bool:
    text = message.text.strip()
    return len(text) <= MAX_FIGURE and "?" not in text and _FIGURE.match(text) is not None


def pairs(messages: Sequence[Message]) -> dict[int, int]:
    """Index of each hanging opener -> index of its sender's next line, which gives the figure."""
    out: dict[int, int] = {}
    for i, first in enumerate(messages):
        if not _opener(first):
            continue
        for j in range(i + 1, len(messages)):
            nxt = messages[j]
            gap = (nxt.timestamp - first.timestamp).total_seconds()
            if gap > MAX_GAP_S or gap < 0:
                break
            if nxt.sender != first.sender or nxt.channel != first.channel:
                continue
            if _figure(nxt):
                out[i] = j
            break  # the sender's very next line, or nothing
    return out


# A label's colon, or a figure that "came in", reads as the figure said in words: "MRR this month:"
# / "$48k" is "MRR this month is at $48k", as the writer would have said it on one line.
_COLON = re.compile(r"\s*:\s*$")
_CAME_IN = re.compile(r"\bcame in\s*$", re.IGNORECASE)


def joined(first: Message, second: Message) -> tuple[Message, int]:
    """The two lines as one message (the second's id) and where the second's text starts in it."""
    head = _COLON.sub(" is at", first.text.strip())
    if _CAME_IN.search(head):
        head += " at"
    text = f"{head} {second.text}"
    return second.model_copy(update={"text": text}), len(head) + 1


def read_pair(first: Message, second: Message, company: re.Pattern[str] | None
              ) -> tuple[list[Hit], list[Hit]]:
    """The readings the two lines state only together, once cited in each ([] and [] when the
    joined text states nothing that spans both lines)."""
    message, at = joined(first, second)
    hits, _ = read_message(message, company)
    head = Span(0, len(first.text), first.text)
    ones: list[Hit] = []
    twos: list[Hit] = []
    for hit in hits:
        if hit.field != "text" or not hit.span.start < at < hit.span.end:
            continue
        end = hit.span.end - at
        ones.append(Hit(hit.found, first, head))
        twos.append(Hit(hit.found, second, Span(0, end, second.text[:end])))
    return ones, twos
