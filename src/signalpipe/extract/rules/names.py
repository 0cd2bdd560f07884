"""Proper names near a trigger: who signed, which fund, which product, which outlet."""

from __future__ import annotations

import re

from signalpipe.extract.rules.common_words import COMMON_WORDS

_WORD = r"(?:[A-Z][\w&'’.+-]*[\w+]|[A-Z]|[a-z]+[A-Z][\w]*)"
_JOIN = r"(?:\s(?:of|&|and|for|de|la|du|von|van)\s|\s|-)"
NAME = re.compile(rf"{_WORD}(?:{_JOIN}{_WORD}){{0,4}}")
_LEADING = re.compile(r"^(?:The|A|An|Our|Their|Its|This|That|Today|Yesterday|Big|Huge|Great|New"
                      r"|Also|And|But|So|Just|Finally|Officially|Update|Congrats|Kudos|Please"
                      r"|Welcome|Meet|Hi|Hey|Team|We|Re|Fwd|FYI|PSA|Subject|Heads up|Wow)\b"
                      r"[\s,:!-]*")
_TRAILING = re.compile(r"(?:'s|’s|[.,:;!?])+$")
_NOT_A_NAME = frozenset(
    [
        "i", "we", "you", "they", "he", "she", "it", "us", "our", "the", "a", "an", "this", "that",
        "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "q1", "q2", "q3", "q4", "ceo",
        "cto", "cfo", "coo", "vp", "arr", "mrr", "usd", "eur", "gbp", "nps", "soc", "api", "sdk",
        "ga", "ok", "yes", "no",
        "ve", "re", "ll",  # what "We've", "We're", "We'll" leave once "We" is taken off
        # "I'm excited to announce the release of Makie 0.20" was titled "Launched I'm 0.20"
        "i'm", "i’m", "i've", "i’ve", "i'll", "i’ll", "i'd", "i’d", "it's", "it’s", "let's",
        "let’s", "they're", "they’re", "you're", "you’re", "here's", "here’s", "there's",
        "there’s", "that's", "that’s",
    ])


def clean(name: str) -> str:
    name = _LEADING.sub("", name.strip())
    name = _TRAILING.sub("", name)
    return name.strip(" -–—'\"“”’‘")


def names_in(text: str) -> list[tuple[str, int, int]]:
    """Capitalised name phrases in ``text`` as (name, start, end), common words left out."""
    out = []
    for m in NAME.finditer(text):
        name = clean(m.group())
        if not name or name.lower() in _NOT_A_NAME or len(name) < 2:
            continue
        first = name.split()[0].lower()
        if first in COMMON_WORDS:
            rest = name.split(None, 1)[1:]
            if not rest:
                continue
            name = rest[0]
        if m.start() == 0 and " " not in name and name.lower() in _SENTENCE_OPENERS:
            continue
        out.append((name, m.start(), m.end()))
    return out


_SENTENCE_OPENERS = frozenset(
    [
        "closed", "signed", "shipped", "launched", "raised", "hired", "welcome", "welcoming",
        "meet", "landed",
        "announcing", "introducing", "thrilled", "excited", "happy", "proud", "pleased", "glad",
        "delighted", "stoked", "psyched", "live", "finally", "officially", "breaking", "update",
        "news", "congrats", "congratulations", "kudos", "great", "huge", "big", "another", "first",
        "quick", "reminder", "heads", "please", "thanks", "thank", "after", "before", "during",
        "following", "starting", "as", "per", "got", "had", "have", "has", "is", "are", "was",
        "were", "its", "it's", "his", "her", "their"
    ])


def name_after(text: str, pos: int, *, within: int = 60) -> str | None:
    """The first name starting within ``within`` characters after ``pos``."""
    for name, start, _ in names_in(text[pos:pos + within + 40]):
        if start <= within:
            return name
    return None


def name_before(text: str, pos: int, *, within: int = 60) -> str | None:
    """The last name ending within ``within`` characters before ``pos``."""
    window = text[max(0, pos - within):pos]
    found = names_in(window)
    return found[-1][0] if found else None


_NOT_KEY = re.compile(r"[^\w&+.\s-]")


def key(name: str) -> str:
    """A name's identity: lower case, single spaces, no punctuation at the edges."""
    return " ".join(_NOT_KEY.sub(" ", name.lower()).split()).strip(".-")
