"""New markets opened by language or money rather than by a place: what ``company.expansion`` and
``company.launch`` ask before reading a clause as a region, a product or nothing.

A new market is a region or country going live (shared LABELLING.md); a product offered in a new
language or currency opens one: "Acme is now available in French, Spanish and German", "we now
accept payments in euros, opening up the EU market". Look-alikes: the docs or a blog post in
another language, a language a customer speaks, a currency a price is quoted in.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Found
from signalpipe.extract.rules.lexicon import REGION, rx
from signalpipe.extract.rules.names import key
from signalpipe.models import EventType

LANGUAGE = (r"(?:french|german|spanish|italian|portuguese|dutch|polish|swedish|norwegian|danish"
            r"|finnish|japanese|korean|chinese|mandarin|arabic|hebrew|turkish|hindi|indonesian"
            r"|vietnamese|thai|czech|greek|romanian|ukrainian|russian)")
CURRENCY = (r"(?:euros?|eur|pounds?|gbp|sterling|yen|jpy|rupees?|inr|reais|brl|pesos?|mxn"
            r"|canadian dollars|cad|australian dollars|aud|swiss francs?|chf|zloty|pln"
            r"|krona|krone|sek|nok|dkk|rand|zar|dirhams?|aed|singapore dollars|sgd)")
OPENED = rx(
    rf"\b(?:now )?(?:available|live|launched) in {LANGUAGE}\b"
    rf"|\b(?:now )?supports? {LANGUAGE}\b|\b(?:added|launched|shipped|rolled out|released)"
    rf" {LANGUAGE}(?: and {LANGUAGE}| {LANGUAGE})? (?:language )?(?:support|version|localization"
    rf"|localisation)\b|\blocali[sz]ed (?:\w+ )?(?:in|into|for) {LANGUAGE}\b"
    rf"|\b(?:now )?(?:accept|support|take|bill in|price in)s? (?:payments |billing |pricing )?in"
    rf" {CURRENCY}\b")
# "opening up the EU and UK markets": a place's market, not a segment ("the enterprise market")
OPENED_UP = rx(r"\bopen(?:s|ed|ing)? up (?:the )?(?:[\w-]+ ){1,3}markets?\b"
               r"|\b(?:gains?|gained|gaining|establish(?:es|ed)?|secur(?:es|ed)) (?:a )?foothold"
               r" in\b[^.]{0,40}")
# The words, not the product: docs, posts, support staff, a person who speaks it.
NOT_OPENED = rx(r"\b(?:docs?|documentation|blog|post|article|guide|newsletter|support team|agents?"
                r"|speaks?|spoke|speaking|subtitles?|captions?|podcast|video|translation of)\b")
_NAMED = re.compile(rf"(?i){LANGUAGE}|{CURRENCY}|\b(?:[A-Z]{{2,}}|[A-Z][a-z]+)(?= (?:and )?"
                    r"(?:[A-Z]{2,} )?markets?\b)")


_WORDS = ("available in", "live in", "launched in", "support", "locali", "accept", "take",
          "bill in", "price in", "open", "foothold", "region", "zone", "data cent", "enter",
          "into the", "launching in", "ship", "first")
# A place opened in words ``company.EXPAND`` lacks: "New region: eu-west-2 (London) is now
# available", "we've entered the Indian market", "launching in Australia today", "we now ship to
# Canada", "our first employee in Singapore".
PLACE = re.compile(
    r"\b(?i:new (?:cloud )?(?:regions?|data ?cent(?:er|re)s?|zones?|pops?))\b[^.]{0,60}?"
    r"\b(?i:is|are) (?i:now )?(?i:available|live|open)\b"
    r"|\b(?i:entered|entering|enters|expanded into|expanding into|expands into) the"
    r" (?P<adj>[A-Z][a-z]+(?: [A-Z][a-z]+)?) markets?\b"
    r"|\b(?i:launching|launched|launches|now ships?|we ship|started shipping|first (?:employee"
    r"|hire|engineer|salesperson|rep)) (?i:in|to) (?=\w)")
_CODE = re.compile(r"\b[a-z]{2}-[a-z]+-\d\b")


def market_opened(clause: str, low: str) -> Found | None:
    """A market opened by a language or a currency the product now speaks or takes."""
    if not any(w in low for w in _WORDS):
        return None  # most launch and expansion clauses: a substring test, not the patterns
    opened = _place(clause, low)
    if opened:
        return opened
    m = OPENED.search(low)
    if m is None:
        m = OPENED_UP.search(low)
        m = m if m and REGION.search(m.group()) else None
    if m is None or NOT_OPENED.search(low):
        return None
    named = _NAMED.search(clause, m.start())
    place = REGION.search(low, m.start(), m.end())
    what = clause[place.start():place.end()] if place and "foothold" in m.group() else \
        named.group() if named else m.group()
    if re.fullmatch(LANGUAGE, what.lower()):
        title = f"Now available in {what.capitalize()}"
    elif re.fullmatch(CURRENCY, what.lower()):
        title = f"Now taking payments in {what}"
    elif "foothold" in m.group():
        title = f"Entered {what}"
    else:
        title = f"Opened the {what} market"
    return Found(EventType.MARKET_EXPANSION, {"region": key(what)}, title, m.start())


def _place(clause: str, low: str) -> Found | None:
    """A region, country or city opened, in the wordings of ``PLACE``."""
    m = PLACE.search(clause)
    if m is None:
        return None
    if m["adj"]:
        where = m["adj"]
    else:
        code = _CODE.search(low, m.start(), m.end())  # "eu-west-2 (London)": the city
        found = REGION.match(low, m.end()) if m.group().endswith(" ") else \
            named_place(low, code.end() if code else m.start(), m.end()) or code
        if found is None:
            return None
        where = clause[found.start():found.end()]
    return Found(EventType.MARKET_EXPANSION, {"region": key(where)}, f"Expanded to {where}",
                 m.start())


def named_place(low: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The first place ``REGION`` finds, but not the bare word "region" ("our new region
    picker is live" names no place)."""
    return next((r for r in REGION.finditer(low, start, len(low) if end is None else end)
                 if r.group() != "region"), None)

