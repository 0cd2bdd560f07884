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
          "bill in", "price in", "open", "foothold")


def market_opened(clause: str, low: str) -> Found | None:
    """A market opened by a language or a currency the product now speaks or takes."""
    if not any(w in low for w in _WORDS):
        return None  # most launch and expansion clauses: a substring test, not the patterns
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
