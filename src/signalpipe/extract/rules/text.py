"""Cutting a message into sentences and clauses, keeping offsets into the original text.

Every piece is a ``Span`` of the message text, so evidence can be quoted by character offsets and
checked later. Bullets, list markers and emoji at the edges are trimmed off a span, never out of
the middle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at a blank line, at a line break that is not a soft wrap, at . ! ? (or a run of
# them) followed by space unless the dot ends an abbreviation or an initial, or at a bullet.
_BREAK = re.compile(r"\n\s*\n\s*|\n|(?<=[.!?])\s+|\s[\u2022\u25cf\u25aa]\s"
                    r"|(?<=[\U0001f300-\U0001faff\u2600-\u27bf])\s+(?=[A-Z])")
# The same cuts for text with no emoji and no bullet: the two alternatives that need one cannot
# match, and leaving them out makes the scan of a long post about twice as fast.
_BREAK_PLAIN = re.compile(r"\n\s*\n\s*|\n|(?<=[.!?])\s+")
_EMOJI_OR_BULLET = re.compile(r"[\U0001f300-\U0001faff\u2600-\u27bf\u2022\u25cf\u25aa]")
_EMOJI_CAP = re.compile(r"[\U0001f300-\U0001faff\u2600-\u27bf]\s+[A-Z]")
_ABBREVIATIONS = frozenset([
    "inc", "vs", "co", "no", "mr", "ms", "mrs", "dr", "st", "e.g", "i.e", "ltd", "corp", "jr", "sr",
    "u.s", "approx", "est", "fig", "etc", "dept"
])
_EDGE = " \t\r-*\u2022\u25cf\u25aa>#\u2013\u2014"
_CLAUSE = re.compile(r";\s|\s(?:but|however|although|though|whereas|while)\s|\s\u2014\s"
                     r"|\.\.\.\s|\u2026\s")
_MAY_CUT = re.compile(r"\s(?:[Bb]ut|[Hh]owever|[Aa]lthough|[Tt]hough|[Ww]hereas|[Ww]hile)\s"
                      r"|\s\u2014\s"
                      r"|\.\.\.\s|\u2026\s|[A-Z]{3,}")
# _MAY_CUT cannot match without one of these (or three capitals): most sentences hold none, and
# plain substring tests are far cheaper than the pattern's try at every position.
_MAY_CUT_WORDS = ("but", "But", "however", "However", "though", "Though", "whereas", "Whereas",
                  "while", "While", "\u2014", "...", "\u2026")
_MAY_CUT_SCAN = re.compile("|".join(map(re.escape, _MAY_CUT_WORDS)))
_CAPITALS = re.compile(r"[A-Z]{3}")
_LIST_MARK = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)])\s+")


def lower(text: str) -> str:
    """``text`` lower-cased with every offset kept (a few letters, such as "İ", lower-case to
    two characters; those stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the message text: ``text == message_text[start:end]``."""

    start: int
    end: int
    text: str


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start] in _EDGE):
        start += 1
    m = _LIST_MARK.match(text, start, end)
    if m:
        start = m.end()
    while end > start and text[end - 1] in " \t\r":
        end -= 1
    if end - start < 3:
        return None
    return Span(start, end, text[start:end])


def sentences(text: str, *, limit: int = 400, until: int | None = None) -> list[Span]:
    """The sentences of ``text`` in order, at most ``limit`` (a huge message is read in part).

    With ``until``, the cutting stops at the first sentence that starts after that offset: a
    reader that needs the sentences around its cues need not cut the rest of a long post.
    """
    # every emoji and bullet is outside ASCII: an ASCII text (str.isascii is a flag lookup)
    # needs no search for them
    if "\n" not in text and ". " not in text and "! " not in text and "? " not in text \
            and "\u2022" not in text and (text.isascii() or not _EMOJI_CAP.search(text)):
        one = _trimmed(text, 0, len(text))  # most chat messages: one sentence
        return [one] if one is not None else []
    out: list[Span] = []
    at = 0
    cuts = _BREAK if not text.isascii() and _EMOJI_OR_BULLET.search(text) else _BREAK_PLAIN
    for m in cuts.finditer(text):
        if not _is_break(text, m.start(), m.end()):
            continue
        piece = _trimmed(text, at, m.start())
        if piece is not None:
            out.append(piece)
            if len(out) >= limit or (until is not None and piece.start > until):
                return out
        at = m.end()
    piece = _trimmed(text, at, len(text))
    if piece is not None:
        out.append(piece)
    return out


def _is_break(text: str, start: int, end: int) -> bool:
    first = text[start]
    if first == "\n" and "\n" not in text[start + 1:end]:
        # a soft wrap: the line runs on into a lower-case word, a link or a figure
        before = text[start - 1] if start else "."
        after = text[end] if end < len(text) else "A"
        return not ((after.islower() or after in "[($") or after.isdigit()) \
            or not (before.isalnum() or before in ",;-\u2014")
    if text[start - 1:start] == ".":
        word = text[max(0, start - 6):start - 1].rsplit(" ", 1)[-1].lower()
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            return False
    return True


def _may_cut(text: str) -> bool:
    """``_MAY_CUT.search(text)``, answered without the pattern when no word it needs is there."""
    if _MAY_CUT_SCAN.search(text):
        return _MAY_CUT.search(text) is not None
    return _CAPITALS.search(text) is not None


def clauses(sentence: Span) -> list[Span]:
    """The clauses of a sentence, cut at ";", dashes, "but", "however", "while" and the like."""
    text = sentence.text
    if ";" not in text and not _may_cut(text):
        return [sentence]
    cuts = [(m.start(), m.end()) for m in _CLAUSE.finditer(lower(text))]
    if not cuts:
        return [sentence]
    out = []
    at = 0
    for start, end in [*cuts, (len(text), len(text))]:
        if start > at:
            piece = text[at:start]
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            if len(body) >= 3:
                s = sentence.start + at + lead
                out.append(Span(s, s + len(body), body))
        at = end
    return out or [sentence]
