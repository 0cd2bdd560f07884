"""Money in and investors' approaches, around deals.funding and deals.investor_interest: money
raised for someone else (a charity drive, a conference's prize pot), a company's own spending told
as "investment from" itself, and a product named "Seed" are no round; an investor who writes "I'd
like to grab 15 minutes to discuss your vision" is interest even without the usual words."""

from __future__ import annotations

import re

from signalpipe.extract.rules.deals import funding as read_funding
from signalpipe.extract.rules.deals import funding_title
from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.numbers import money
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


# a raise under way is no round yet: "we are raising a $5M seed"
RAISING = rx(r"\b(?:we'?re|we are|i'?m|i am|currently|still|actively|starting to|started|kicked off"
             r"|kicking off) (?:now |actively |officially |still )?(?:raising|fundraising"
             r"|out raising|out fundraising)\b")
_DONE = rx(r"\b(?:closed|signed|wired|in the bank|oversubscribed|raised|completed)\b")
# "Acme secures \u20ac4m to expand into Germany", "lands $2M from Seedcamp": money in, told in a
# headline's verbs, with no round word
SECURED = rx(r"\b(?:secures?|secured) (?:a |an )?(?:fresh |new |additional |another "
             r")?(?P<amt>[$\u20ac\u00a3]\s?\d[\d.,]*\s?(?:k|m|mn|bn|million|billion)\b)"
             r"(?: (?:in |of )?(?:fresh |new )?(?:capital|funding|financing|investment))?"
             r" (?:to|for (?!(?:the |a |its )?(?:contract|project|deal|order))|from|led by)\b")
# "Our $500k bridge from existing investors closed yesterday"
BRIDGE = rx(r"\bbridge (?:from|note|financing|extension)\b[^.;]{0,60}\b(?:closed|signed"
            r"|wired|came in|is in|in the bank|landed|done)\b")


def funding(clause: str, low: str, ctx: Context) -> Found | None:
    found = read_funding(clause, low, ctx) or _secured(clause, low) or _bridge(low)
    if found is None or found.negative:
        return found
    if GIVEN_AWAY.search(low) or _spends_own(clause):
        return None
    if RAISING.search(low) and not _DONE.search(low):
        return None
    if found.metrics.get("round") == "seed" and _product_seed(clause, ctx.subject):
        return None
    return found


def _secured(clause: str, low: str) -> Found | None:
    m = SECURED.search(low)
    if m is None:
        return None
    fig = money(clause[m.start("amt"):m.end("amt")])
    if not fig or fig[0].value < 10_000:
        return None
    amount = round(fig[0].value)
    return Found(T.FUNDING, {"amount_usd": amount}, funding_title({"amount_usd": amount}),
                 m.start())


def _bridge(low: str) -> Found | None:
    m = BRIDGE.search(low)
    if m is None:
        return None
    return Found(T.FUNDING, {"round": "bridge"}, "Raised a bridge round", m.start())


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
# "Two VCs asked for intros after the launch": investors counted, acting towards us
COUNTED = rx(r"\b(?:\d+|two|three|four|five|six|several|a few|a couple of|multiple|some|many)"
             r" (?:more )?(?:vcs|investors|funds|angels|firms) (?:have |had )?(?:already )?"
             r"(?:asked (?:for|about|to)|reached out|pinged|emailed|requested|wanted to|want to"
             r"|approached|contacted)\b")
_INVESTOR_SENDER = rx(r"\b(?:investor|ventures?|capital|vc|partners|fund|angel)\b")


def approach(clause: str, low: str, ctx: Context) -> Found | None:
    counted = COUNTED.search(low)
    if counted is not None:
        return Found(T.INVESTOR_INTEREST, {"investor": "investors"},
                     "Inbound interest from investors", counted.start(), relational=True,
                     allow=frozenset({"plan", "question"}))
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
