"""Money in and investors' approaches, around deals.funding and deals.investor_interest: money
raised for someone else (a charity drive, a conference's prize pot), a company's own spending told
as "investment from" itself, and a product named "Seed" are no round; an investor who writes "I'd
like to grab 15 minutes to discuss your vision" is interest even without the usual words."""

from __future__ import annotations

import re

from signalpipe.extract.rules.deals import funding as read_funding
from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.lexicon import rx
from signalpipe.models import EventType

T = EventType

# money raised to be given away, or collected by others
GIVEN_AWAY = rx(r"\b(?:philanthrop\w*|charit(?:y|ies|able)|donat(?:e|ed|es|ing|ions?)"
                r"|relief (?:fund|efforts?)|to give (?:it )?(?:away |back )?to|give back to"
                r"|(?:being |be )?distributed to|for (?:the )?victims|collectively raised"
                r"|proceeds (?:will )?(?:go|went) to|on behalf of|prize (?:pool|pot|money))\b")
# "Spectrum's ... more than $7 billion in private investment from Spectrum": its own spending
_OWN_MONEY = re.compile(r"\binvestment from ([A-Z][\w&.-]+)")
# "GitLab Launches Cloud Seed": a product's name, not a seed round
_NAMED_SEED = re.compile(r"\b(?!(?:Raises|Raised|Closes|Closed|Announces|Announced|Completes"
                         r"|Secures|Lands|Its|Our|Their|A|The|Pre|Oversubscribed)\b)[A-Z][a-z]+"
                         r" Seed\b(?! (?:Round|Funding|Financing|Investment|Stage|Capital"
                         r"|Extension|Money))")
_SEED_ROUND = rx(r"\bseed (?:round|funding|financing|investment|stage|capital|extension|money)\b"
                 r"|\b(?:raised|raises|closed|closes) (?:a |our |its |the )?seed\b")


def funding(clause: str, low: str, ctx: Context) -> Found | None:
    found = read_funding(clause, low, ctx)
    if found is None or found.negative:
        return found
    if GIVEN_AWAY.search(low) or _spends_own(clause):
        return None
    if found.metrics.get("round") == "seed" and _product_seed(clause, ctx.subject):
        return None
    return found


def _spends_own(clause: str) -> bool:
    m = _OWN_MONEY.search(clause)
    if m is None:
        return False
    name = re.escape(m.group(1))
    return re.search(rf"\b{name}(?:'s|\u2019s)? ", clause[:m.start()]) is not None


def _product_seed(clause: str, subject: str) -> bool:
    text = f"{subject}\n{clause}"
    return _NAMED_SEED.search(text) is not None and _SEED_ROUND.search(text.lower()) is None


# An investor asking for time with the founder: "I'd like to grab 15 minutes tomorrow to discuss
# your vision", "would love to find time to hear about your plans".
APPROACH = rx(r"\b(?:i|we)(?:'d|\u2019d| would) (?:like|love) to (?:grab|find|get|set up|schedule"
              r"|book|hop on|jump on) (?:\d+ (?:minutes|mins)|(?:a |some )?(?:quick |brief )?"
              r"(?:call|coffee|chat|meeting|time|slot|few minutes))\b")
_INVESTOR_SENDER = rx(r"\b(?:investor|ventures?|capital|vc|partners|fund|angel)\b")


def approach(clause: str, low: str, ctx: Context) -> Found | None:
    m = APPROACH.search(low)
    if m is None or not _INVESTOR_SENDER.search(ctx.sender.lower()):
        return None
    # "Investor - Keith Rabois (Partner)", "Jane Doe, Acme Ventures": the person's name
    who = [w.strip() for w in re.split(r"\s[-\u2013|<(]\s?|,", ctx.sender) if w.strip()]
    name = who[1] if len(who) > 1 and re.fullmatch(r"(?i)investor|vc|angel", who[0]) \
        else who[0] if who else "an investor"
    return Found(T.INVESTOR_INTEREST, {"investor": name.lower()}, f"Inbound interest from {name}",
                 m.start(), relational=True, allow=frozenset({"plan", "question"}),
                 stakeholders=(name,))
