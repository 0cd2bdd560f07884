"""Backers: money and investors' attention told without a round's usual words, and the raises
that failed.

``deals.funding`` reads a round by its name, its amount or its lead ("raised a $4M seed led by
Accel"). Founders, programme pages and press tell the same news in other words, each family
seen in chat, founder update emails, newsletters and press releases alike:

- **accelerator**: accepted into a programme that invests ("We've been accepted into Y
  Combinator!", "Tilt got into YC W25", "we got into the Fall 2024 batch", "Acme joins
  Techstars Boston", "1. We're in YC"): funding (shared LABELLING.md: an offer made to the
  company; dev gold files it as funding). Not the application ("our YC application is due
  tomorrow"), an interview, a plan ("hopefully we get into Techstars"), advice ("the best way to
  get into YC"), Demo Day, or a customer's or a community member's acceptance.
- **grant**: non-dilutive money for our work ("NSF is funding our work on X", "we were awarded
  an SBIR Phase I", "the EU grant came through", "selected by NLnet to receive funding"). Not
  option or equity grants, access granted, a grant applied for or hoped for, or another
  organisation's grant.
- **closed**: a round done with no amount or series named ("we're officially funded", "we
  closed our round", "Series A done.", "the round is oversubscribed"), a strategic investment
  into us ("Acme receives strategic investment from Salesforce Ventures", "Shopify made a
  strategic investment in Acme"), an offer made to us ("our first verbal investment offer,
  contingent upon finding others"), a backer joining or their money arriving ("please welcome
  Jane Doe, our newest investor", "Coinbase Ventures joins our cap table", "the wire from Accel
  landed", "signed our SAFE with Hustle Fund"). Not money we invest, a raise under way or
  planned, runway ("funded through 2027"), being self-funded, community donations, an
  "investor update" or "investor dashboard".
- **public**: money raised on a public market ("floats on LSE", "prices its IPO", "completed a
  directed share issue", "amid capital raise"), the company named or speaking. Not a listing
  planned or considered, a buyback, another issuer's offering.
- **interest**: inbound attention from a named fund, or from funds counted ("Very strong
  interest from Jesse and Dana @ Heavybit", "two funds in diligence", "Heavybit is doing
  diligence on us", "they asked for the data room", "a Tier-1 fund wants a call", "second
  partner meeting with Index next week", "we've had 5 VCs reach out", "Craft Ventures
  approached Acme about leading the Series A"). Not our outreach ("I reached out to Sequoia",
  "sent our deck to Index"), a customer's security diligence, a data room we are still
  building, interest from customers, interest rates, our own backers asking (``veto``), an
  adviser's partner.
- **takeover**: someone wanting to buy the company ("Zurich Insurance considering offer for
  RSA", "McCormick makes takeover approach for Premier Foods", "Premier Foods rejects
  McCormick's approach"): investor interest (dev gold files it so). Never a bid the company
  makes, a sale offered to it ("we received an offer from Globex for a pilot"), or another
  company's approach.
- **failed** (lowlights): the raise that did not work ("the raise didn't work", "we failed to
  raise", "fundraising failed"), an accelerator's rejection ("rejected by YC without an
  interview", "we didn't get into YC", "failed to get into Y Combinator"), a bridge on worse
  terms ("took the $3m bridge, valuation is lower than last time"), a listing or raise called
  off ("Acme postpones IPO", "we shelved the raise"). Not "we didn't raise" (bootstrapped by
  choice), an announcement delayed, or a fear ("if the round falls through").
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.deals import backed_title, funding_title
from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.lexicon import INVESTOR, rx
from signalpipe.extract.rules.names import clean, key, name_after
from signalpipe.extract.rules.numbers import money
from signalpipe.extract.rules.subject import FIRST_PERSON, third_party
from signalpipe.models import EventType

T = EventType

# Programmes that invest in the companies they take in, and how founders write them.
_PROGRAMMES = (
    ("y combinator", "Y Combinator"), ("ycombinator", "Y Combinator"), ("yc", "Y Combinator"),
    ("techstars", "Techstars"), ("500 startups", "500 Startups"), ("500 global", "500 Global"),
    ("antler", "Antler"), ("entrepreneur first", "Entrepreneur First"),
    ("plug and play", "Plug and Play"), ("seedcamp", "Seedcamp"), ("alchemist", "Alchemist"),
    ("sequoia arc", "Sequoia Arc"), ("a16z speedrun", "a16z speedrun"),
    ("south park commons", "South Park Commons"), ("hf0", "HF0"),
    ("mozilla builders", "Mozilla Builders"), ("masschallenge", "MassChallenge"),
    ("creative destruction lab", "Creative Destruction Lab"), ("angelpad", "AngelPad"),
    ("founder institute", "Founder Institute"), ("skydeck", "SkyDeck"),
    ("capital factory", "Capital Factory"), ("startx", "StartX"))
# A programme left unnamed ("selected for the Intel Ignite accelerator") may invest nothing:
# recognition or credits, which dev gold files as press, so only these names count.
_PROGRAMME_ANY = "|".join(re.escape(k) for k, _ in _PROGRAMMES)
_PROGRAMME = r"(?P<prog>" + _PROGRAMME_ANY + r")\b"
_PROGRAMME_RE = rx(r"\b(?:" + _PROGRAMME_ANY + r")\b")
_PROGRAMME_NAME = dict(_PROGRAMMES)
_SEASON = r"(?P<season>winter|summer|spring|fall|autumn) (?P<year>(?:20)?\d\d)"
_CODE = r"(?P<code>[wsfx]\d\d)"
# "accepted into", "got into", "we're in", "joins"; a bare "get into" is a plan or advice
_IN = (r"(?:(?:been|was|were|is|are|got|get|just|officially|finally) )?(?:accepted (?:in ?to|to"
       r"|for|in)|admitted (?:in ?to|to)|selected (?:for|in ?to|to join|to be part of))"
       r"|got (?:in ?to|in to|accepted (?:in ?to|to))|made it (?:in ?to|in to)"
       r"|(?:announces|announced|announcing|celebrates) (?:its |our )?acceptance (?:in ?to|to)"
       r"|(?:we're|we\u2019re|we are|we've joined|we joined|i'm|has joined|have joined|is joining"
       r"|are joining|joins|joined) (?:now |officially )?(?:in |part of |a part of )?")
ACCEPTED = rx(r"\b(?P<verb>" + _IN + r")\s*(?:the |this year's |this |its |the next )?"
              r"(?:(?:" + _SEASON + r"|" + _CODE + r") (?:batch|cohort) (?:of |at )?)?"
              + _PROGRAMME + r"(?:(?:'s|\u2019s)? (?:" + _CODE.replace("code", "code2") + r"|"
              + _SEASON.replace("season", "season2").replace("year", "year2") + r"|20\d\d))?")
# "we got into the Fall 2024 batch": the programme left unnamed
BATCH_ONLY = rx(r"\b(?:accepted (?:in ?to|to)|got (?:in ?to|in to)|made it (?:in ?to|in to)"
                r"|(?:we're|we are) (?:now |officially )?(?:in|part of)) (?:the |this )?"
                + _SEASON + r" (?:batch|cohort)\b")
_NOT_ACCEPTED = rx(r"\b(?:appl(?:y|ied|ying|ication)s?|interview\w*|demo day|waitlist"
                   r"|alumni|alum\b|how to|tips|advice|best way|portfolio compan)")


def accelerator(clause: str, low: str, ctx: Context) -> Found | None:
    """Accepted into a programme that invests: funding, titled with the programme and batch."""
    m = ACCEPTED.search(low)
    if m is None:
        return _batch_only(low)
    if _NOT_ACCEPTED.search(low) or RESTATED.search(low) or _bare_in(m, low):
        return None
    prog = m["prog"]
    name = _PROGRAMME_NAME[prog]
    batch = _batch(m["code"], m["season"], m["year"]) or _batch(
        m["code2"], m["season2"], m["year2"])
    title = f"Accepted into {name}" + (f" ({batch})" if batch else "")
    return Found(T.FUNDING, {"accelerator": name, **({"batch": batch} if batch else {})}, title,
                 m.start())


_NOT_A_BATCH = rx(r"(?:'s|\u2019s)? (?:office hours|slack|forum|community|network|events?"
                 r"|mixer|meetup|summit|conference|startup school|library)\b")


def _bare_in(m: re.Match[str], low: str) -> bool:
    """ "we're in YC" is news; "we're in YC's office hours" or "joined YC's Slack" is not."""
    rest = low[m.end():m.end() + 30]
    return _NOT_A_BATCH.match(rest) is not None


def _batch_only(low: str) -> Found | None:
    m = BATCH_ONLY.search(low)
    if m is None or _NOT_ACCEPTED.search(low):
        return None
    name = f"the {m['season'].title()} {_year(m['year'])} batch"
    return Found(T.FUNDING, {"accelerator": name}, f"Accepted into {name}", m.start())


def _year(year: str) -> str:
    return year if len(year) == 4 else f"20{year}"


def _batch(code: str | None, season: str | None, year: str | None) -> str:
    if code:
        return code.upper()
    if season and year:
        letter = {"winter": "W", "summer": "S", "spring": "X"}.get(season, "F")
        return f"{letter}{year[-2:]}"
    return ""


# Who gives grants, and the grants' own names.
_FUNDER = (r"(?:nsf|nih|darpa|doe|nasa|arpa-[eh]|afwerx|the eu|european commission"
           r"|european innovation council|european research council|horizon"
           r" (?:2020|europe)|erc|eic|innovate uk|nlnet|ngi zero|sovereign tech fund|prototype"
           r" fund|open technology fund|chan zuckerberg initiative|czi|sloan foundation"
           r"|mozilla|numfocus|schmidt futures|gates foundation|the [\w ]{2,30} foundation"
           r"|national science foundation|department of energy|the government)")
GRANT_WON = rx(
    r"\b(?:(?:were|was|have been|has been|got|just|been|we|officially) )?(?:awarded|received"
    r"|receives|won|wins|secured|secures|landed|lands|got|granted|approved for)"
    r" (?:(?:a|an|the|our|its|two|three|another|new) )?(?:[$\u20ac\u00a3][\d.,]+\s?(?:k|m"
    r"|million)?\s)?(?:[\w-]+ ){0,4}?(?P<what>grant|sbir|sttr|phase (?:i|ii|1|2)\b"
    r"|research (?:award|contract)|innovation award)")
GRANT_CAME = rx(r"\b(?:the|our) (?:[\w-]+ ){0,3}?(?:grant|sbir|sttr|funding)"
                r" (?:application )?(?:came through|(?:was|got|has been|is) (?:officially )?"
                r"(?:approved|awarded|accepted|confirmed)|landed|is in\b|arrived|cleared)")
FUNDER_FUNDS = rx(r"\b(?P<funder>" + _FUNDER + r") (?:is|are|will be)? ?(?:now )?(?:funding"
                  r"|funds|funded|backing|supports|is supporting|to fund|investing in"
                  r"|invests in|invested in)\b(?P<rest>.{0,80})")
# "the project is now funded by the Sovereign Tech Fund": passive, the funder named
FUNDED_BY = rx(r"\b(?:is|are|now|been|officially|we're|we are) (?:now |officially )?(?:being )?"
               r"(?:funded|backed|supported) by (?:the )?(?P<funder>" + _FUNDER + r")")
SELECTED_FUNDING = rx(r"\bselected (?:by (?P<by>[\w .&-]{2,40}?) )?(?:to receive|for)"
                      r" (?:[\w-]+ ){0,4}?(?:funding|grant|a grant)\b")
# "Sourcehut was selected for an NLnet grant in January of this year": the grant restated
RESTATED = rx(r"\b(?:earlier this year|(?:of|from) (?:this|last) year|a while (?:ago|back)"
              r"|some time ago|as (?:you|some of you) (?:may )?know|as (?:previously|already)"
              r" (?:announced|mentioned)|thanks to (?:the|our) (?:\w+ )?grant)\b")
_NOT_GRANT = rx(r"\b(?:(?:option|options|equity|stock|rsu|share|founder)s? grants?|access"
                r"|permissions?|applying"
                r"|apply|applied|application (?:is|was)? ?(?:due|submitted|sent|in\b)|deadline"
                r"|proposal|grant thornton|grant writer|grantees?|we (?:award|gave|give)"
                r"|to (?:fund|support) (?:other|open[- ]source maintainers))\b")


def grant(clause: str, low: str, ctx: Context) -> Found | None:
    """Grant money for our own work: funding, titled by its funder or programme."""
    if "grant" not in low and "fund" not in low and "sbir" not in low and "sttr" not in low \
            and "phase" not in low:
        return None
    if _NOT_GRANT.search(low) or RESTATED.search(low):
        return None
    funder = FUNDER_FUNDS.search(low)
    by = FUNDED_BY.search(low)
    if by is not None and not _theirs(clause, by.start(), ctx):
        name = _shown(clause, by.start("funder"), by["funder"])
        return Found(T.FUNDING, {"grant": key(name)}, f"Funded by {name}", by.start(),
                     relational=True)
    if funder is not None and _ours(funder["rest"], clause, ctx):
        name = _shown(clause, funder.start("funder"), funder["funder"])
        return Found(T.FUNDING, {"grant": key(name)}, f"{name} grant for our work",
                     funder.start(), relational=True)
    m = GRANT_WON.search(low) or GRANT_CAME.search(low) or SELECTED_FUNDING.search(low)
    if m is None or _theirs(clause, m.start(), ctx):
        return None
    title, name = _grant_title(clause, low)
    metrics: dict[str, str | int | float] = {"grant": key(name)}
    figs = [f for f in money(clause) if f.value >= 1_000]
    if figs:
        metrics["amount_usd"] = round(figs[0].value)
    return Found(T.FUNDING, metrics, title, m.start(), relational=True)


_GRANT_NAME = rx(r"\b(?P<n>(?:" + _FUNDER + r")(?:[ -](?:sbir|sttr|ngi zero|phase (?:i|ii|1|2)"
                 r"\b|grant|[\w&]+){0,3}?)|sbir phase (?:i|ii|1|2)\b|sttr phase (?:i|ii|1|2)\b)")
_SBIR = rx(r"\b(?:sbir|sttr)(?: phase (?:i|ii|1|2)\b)?")
_FUNDER_RE = rx(r"\b(?P<f>" + _FUNDER + r")\b")
_THE = re.compile(r"^(?:the|The) ")
_BY = re.compile(r"\bselected by \[?(?P<n>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*)")


def _grant_title(clause: str, low: str) -> tuple[str, str]:
    by = _BY.search(clause)
    if by is not None:
        return f"Grant from {by['n']}", by["n"]
    sbir = _SBIR.search(low)
    funder = _FUNDER_RE.search(low) if "grant" in low or sbir else None
    who = _shown(clause, funder.start("f"), funder["f"]) if funder else ""
    if sbir is not None:
        what = _shown(clause, sbir.start(), sbir.group()).upper().replace("PHASE", "Phase")
        return f"Awarded {who + ' ' if who else ''}{what}".strip(), f"{who} {what}".strip()
    return (f"{who} grant awarded", who) if who else ("Grant awarded", "grant")


def _shown(clause: str, start: int, low_name: str) -> str:
    """A name as the clause writes it, an acronym in capitals ("nsf" -> "NSF")."""
    name = clause[start:start + len(low_name)]
    if name.islower() and len(name) <= 5 and " " not in name:
        return name.upper()
    return _THE.sub("", name)


def _ours(rest: str, clause: str, ctx: Context) -> bool:
    """ "is funding our work on X", "funds @odow's work on JuMP" (JuMP being us)."""
    if FIRST_PERSON.search(rest):
        return True
    return ctx.company is not None and ctx.company.search(clause) is not None


# A round done, told with no name or amount.
CLOSED = rx(
    r"\b(?:(?:we're|we are|we've|we have|we|i'm|i am|acme|is|are|just|now|got) )"
    r"(?:now |officially |finally |just |been |fully |all )*funded\b(?! (?:through|until|till"
    r"|for|by (?:our )?(?:customers|revenue)|out of))"
    r"|\b(?:closed|wrapped(?: up)?|finished|completed|done with|closing out) (?:our|the)"
    r" (?:(?:first|friends and family|angel|strategic|latest|current|new) )?(?:fund ?raise"
    r"|fundraising(?: round)?|round|raise)\b"
    r"|\b(?:the|our) (?:fund ?raise|fundraising|round|raise)(?: round)? (?:is|was|has been)"
    r" (?:now |officially |finally )?(?:done|closed|complete|completed|wrapped|oversubscribed"
    r"|over-subscribed|full)\b"
    r"|\bwe(?:'re| are) (?:now |officially )?oversubscribed\b"
    r"|\b(?P<rnd>pre-?seed|seed|series [a-h])(?: round)?(?: is| has been)? (?:officially |finally"
    r" |now )?(?:done|wrapped|closed|complete|in the bank)\b(?! right| wrong| well"
    r"| differently| by| with| the)")
_NOT_CLOSED = rx(r"\b(?:self[- ]funded|bootstrap\w*|crowdfund\w*|kickstarter|funded by (?:the )?"
                 r"(?:community|donations|sponsors|users|our users|patrons|readers|members"
                 r"|open collective|github sponsors|patreon|revenue|customers)|funded (?:project"
                 r"|work|research|position|role|bounty|feature)|round of (?:interviews|golf"
                 r"|drinks|applause|testing|feedback|reviews|edits|hiring)|(?:first|next|final"
                 r"|second|third|last) round (?:of )?(?:interviews|hiring)|round[- ]robin"
                 r"|round ?trip|(?:customer|user|beta|design|pilot|support) (?:round|raise)"
                 r"|raise (?:for|to) (?:the )?(?:team|engineer|employee)|pay raise|salary)\b")
STRATEGIC = rx(r"\b(?:strategic|minority|equity|growth|corporate venture) (?:equity )?investment"
               r" (?:from|by) (?P<from>[\w .&-]{2,40})"
               r"|\b(?P<who>[\w&.-]+(?: [\w&.-]+){0,3}) (?:makes|made|has made|announced)"
               r" (?:a |an )?(?:strategic|minority|equity) (?:equity )?investment in"
               r" (?P<into>[\w .&-]{2,40})")
OFFER = rx(r"\b(?:(?:first|a|an|our) )?verbal (?:(?:investment|funding) )?(?:offer|commitment"
           r"|commit|yes)s?\b(?: (?:to invest|of investment|of funding|for \$|from))?"
           r"|\bsoft[- ]commit(?:ment)?s? (?:from|for|of)\b"
           r"|\bcommitted to (?:invest|lead|put in|writing a check)"
           r"|\b(?:first|an?) (?:investment|term) offer\b")
_INVEST_WORDS = rx(r"\b(?:invest\w*|funding|fund|angel|round|seed|raise|raising|fundrais\w*|check"
                   r"|cheque|vc|lead)\b")


_MY = rx(r"\bmy\b")
# A backer joining, or their money arriving: "please welcome Jane, our newest investor",
# "Coinbase Ventures joins our cap table", "the wire from Accel landed", "signed our SAFE with
# Hustle Fund", "raised funding from Y Combinator".
NEW_BACKER = rx(
    r"\b(?:our|as (?:an?|our)) (?:newest|new|latest|first) (?:angel )?(?:investor|backer)s?\b"
    r"(?! (?:updates?|letters?|deck|memo|meetings?|calls?|relations|dashboard|portal|reports?"
    r"|emails?|newsletter|day|pitch|demo|intros?|list|pipeline|conversations?|persona|feature))"
    r"|\bjoin(?:s|ed|ing)? (?:our|the) cap table|\bnow on our cap table"
    r"|\b(?:is|are) now (?:an? )?(?:angel )?investors? in [\w&.-]+"
    r"|\b(?:first |the )?(?:check|cheque|wire|money|funds) from (?:the round|our (?:seed |angel )?"
    r"(?:round|investors?)|(?:an? |our )?(?:angel|investor|lead)s?\b|(?P<from>[a-z][\w&.-]*"
    r"(?: [a-z][\w&.-]*){0,2})) (?:just )?(?:hit|landed|arrived|cleared|came in|is in)"
    r"|\b(?:got|received) (?:our )?first (?:check|cheque) from (?:an? )?(?:angel|investor|fund)"
    r"|\bsigned (?:a |our |the )?(?:[$\u20ac\u00a3][\d.,]+\w* )?safes?\b(?! harbou?r| space| mode)"
    r" (?:with|from) "
    r"|\braised (?:new |fresh |additional |some )?(?:funding|capital|money|investment) from\b"
    r"|\b(?:is |are )?now backed by (?P<by>\[?[a-z][\w&.'-]*(?: [a-z][\w&.'-]*){0,3})"
    r"|\bjoin(?:s|ed|ing)? (?:us |the company |the team |[\w.&-]+ (?:[\w.&-]+ )?)?as an?"
    r" (?:angel )?investor\b(?! relations| updates?| day| success| experience)")
_CLOSED_WORDS = re.compile(r"funded|subscribed|verbal|commit|offer|investment|closed|closing"
                           r"|done|in the bank"
                           r"|wrapped|finished|completed|done with|(?:is|was|been) (?:now |"
                           r"officially |finally )?(?:done|closed|complete|full)")


def closed(clause: str, low: str, ctx: Context) -> Found | None:
    """A round done, an offer made, a strategic investment into us, with no series or amount."""
    if not _CLOSED_WORDS.search(low):
        return None  # most clauses cued by "round" or "raise" say none of these words
    offer = OFFER.search(low) if "verbal" in low or "commit" in low or "offer" in low else None
    if offer is not None and _INVEST_WORDS.search(low):
        return Found(T.FUNDING, {"stage": "verbal offer"}, "First verbal investment offer"
                     if "first" in offer.group() else "Verbal investment offer", offer.start(),
                     relational=True, allow=frozenset({"plan", "hypothetical"}))
    strategic = STRATEGIC.search(low) if "investment" in low else None
    if strategic is not None:
        return _strategic(clause, strategic, ctx)
    m = CLOSED.search(low)
    if m is None or _NOT_CLOSED.search(low):
        return None
    if _theirs(clause, m.start(), ctx) or _MY.search(low, 0, m.start()):
        return None  # "Globex got funded", "my package got funded": not the company's round
    if "oversubscribed" in m.group() or "over-subscribed" in m.group():
        return Found(T.FUNDING, {"stage": "oversubscribed"}, "Round oversubscribed", m.start())
    if m["rnd"]:  # "Series A done. $15.5MM. Battery Ventures led."
        metrics: dict[str, str | int | float] = {"round": m["rnd"].replace("pre seed", "pre-seed")}
        return Found(T.FUNDING, metrics, funding_title(metrics), m.start())
    return Found(T.FUNDING, {}, "Closed a funding round", m.start())


def newcomer(clause: str, low: str, ctx: Context) -> Found | None:
    """A backer joining or their money arriving, each backer its own event (read before
    deals.funding, whose bare "Closed a funding round" made two angels one event)."""
    m = NEW_BACKER.search(low) if _NEWCOMER_WORDS.search(low) else None
    return _new_backer(clause, low, m, ctx) if m is not None else None


_NEWCOMER_WORDS = re.compile(r"investor|backer|cap table|check|cheque|wire|money|funds from"
                             r"|safe|raised|backed by")


def _new_backer(clause: str, low: str, m: re.Match[str], ctx: Context) -> Found | None:
    said = m.group()
    if said.startswith("raised") and _theirs(clause, m.start(), ctx):
        return None  # "Globex raised funding from Accel"
    if "to our" in low or "to the" in said:
        return None  # "the wire to our supplier landed": money going out
    into = _INVESTOR_IN.search(said)
    if into is not None and not (into["into"] == "us" or (
            ctx.company and ctx.company.search(clause[m.start() + into.start("into"):]))):
        return None  # "Naval is now an investor in Globex"
    if m["from"] is not None and not clause[m.start("from")].isupper() \
            and not INVESTOR.search(m["from"]):
        return None  # "the money from the bake sale came in": only a fund or a person named
    if said.startswith(("raised", "signed")):
        return Found(T.FUNDING, {}, "Closed a funding round", m.start(), relational=True)
    if any(w in said for w in ("check", "cheque", "wire", "money", "funds")):
        who = clean(clause[m.start("from"):m.end("from")]) if m["from"] else ""
        return Found(T.FUNDING, {"stage": "money received"},
                     f"Funding received from {who}" if who else "Funding received", m.start(),
                     relational=True)
    who = clean(clause[m.start("by"):m.end("by")].lstrip("[")) if m["by"] else \
        _backer_named(clause, m.start())
    if m["by"] and not who[:1].isupper() and not INVESTOR.search(who.lower()):
        return None  # "now backed by data": no backer named
    # each backer is its own event: two angels announced in one batch are two
    return Found(T.FUNDING, {"investor": key(who)} if who else {"stage": "new investor"},
                 f"New investor: {who}" if who else "New investor joined", m.start(),
                 relational=True, stakeholders=(who,) if who else ())


_INVESTOR_IN = rx(r"investors? in (?P<into>[\w&.-]+)")


def _backer_named(clause: str, at: int) -> str:
    """ "Please welcome Jane Doe, our newest investor", "Coinbase Ventures join our cap table"."""
    m = _LAST_NAME.search(clause[:at].rstrip(" ,"))
    if m is None:
        return ""
    name = m.group(1)
    return "" if name.split()[0] in {"Please", "Thrilled", "Welcome", "We", "Our"} and \
        len(name.split()) == 1 else _WELCOME_WORD.sub("", name)


_WELCOME_WORD = re.compile(r"^(?:Please |Welcome |Thrilled |We |Our )+")


def _strategic(clause: str, m: re.Match[str], ctx: Context) -> Found | None:
    if m["into"] is not None:
        into = clause[m.start("into"):m.end("into")]
        if not (FIRST_PERSON.search(into) or (ctx.company and ctx.company.search(into))):
            return None  # "Acme made a strategic investment in Globex": our money going out
        who = clean(clause[m.start("who"):m.end("who")])
    else:
        who = clean(name_after(clause, m.start("from") - 1, within=10) or "")
    title = f"Strategic investment from {who}" if who else "Strategic investment"
    return Found(T.FUNDING, {"stage": "strategic", **({"investor": key(who)} if who else {})},
                 title, m.start(), relational=True, stakeholders=(who,) if who else ())


# Inbound attention from investors, in the words founders use in updates and chat.
_COUNT = r"(?:\d+|two|three|four|five|six|several|a few|a couple of|multiple)"
INTEREST_FROM = re.compile(r"(?i:\b(?:strong|serious|real|lots of|a lot of|growing|significant"
                           r"|inbound|early|great|good|huge|massive) interest from)\s+"
                           r"(?P<who>[A-Z][^,;.()\n]{1,60})")
DILIGENCE = rx(r"\b(?:(?P<n>" + _COUNT + r") (?:more )?(?:funds|vcs|investors|firms) (?:are |is )?"
               r"(?:now |already )?(?:in|doing|started|running|kicked off|through) (?:due )?"
               r"diligence"
               r"|(?:in|into) (?:due )?diligence with (?P<n2>" + _COUNT + r") (?:funds|vcs"
               r"|investors|firms)"
               r"|(?:is|are) (?:now )?(?:doing|running|in|starting|kicking off) (?:due )?"
               r"diligence(?: on us)?"
               r"|(?:started|began|kicked off|entered) (?:due )?diligence(?: on us)?)\b")
NAMED_DILIGENCE = re.compile(r"(?P<who>(?:[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)*)(?:(?:, | and | & )"
                             r"[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)*)*) (?:are |is )?(?:now )?"
                             r"(?:both )?in (?:due )?diligence\b")
DATA_ROOM = rx(r"\b(?:asked (?:us )?for|asking (?:us )?for|requested|request(?:ing|s)?"
               r"|wants?|want to see|wanted|got|gave them|granted|sent them|shared)"
               r" (?:access to )?(?:the |our |a )?data ?room(?: access)?\b")
CALL_WANTED = rx(r"\b(?:tier[- ]?(?:1|one)|top[- ]tier|top|big|large|growth|series [a-d])"
                 r" (?:fund|vc|firm|investor)s? (?:wants?|asked for|requested|reached out"
                 r"|pinged|emailed) (?:a |an |to )?(?:call|meeting|intro|chat|us|me|talk)?")
PARTNER_MEETING = re.compile(r"(?i:\b(?:(?:second|2nd|third|3rd|final|full) )?(?:partner"
                             r"|partnership|ic|investment committee) meeting (?:with|at))"
                             r" (?P<who>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3})")
_FUNDRAISING = rx(r"\b(?:fundrais\w*|raise|raising|round|seed|series [a-d]|investors?|vcs?"
                  r"|funds?|angels?|term ?sheet|diligence|capital|ventures|data ?room)\b")
_OUR_OUTREACH = rx(r"^\W*(?:we|i)\b(?! got\b| have had\b| had\b|'ve had\b|\u2019ve had\b)"
                   r"|\b(?:we|i) (?:reached out"
                   r"|pitched|emailed|sent|asked|pinged|contacted)|security (?:review"
                   r"|questionnaire)|procurement|vendor|customer|acquisition target|no interest"
                   r"|interest rates?")


# "We've had 5 VCs reach out since the launch", "VCs are knocking on our door"
COUNTED = rx(r"\b(?:(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few"
             r"|a couple of|a handful of|multiple|a bunch of|lots of|many) (?:more |new )?"
             r"(?P<who>vcs|investors|funds|angels|firms)|vcs|investors|funds) (?:have |had |are"
             r" |were )?"
             r"(?:already |now |all )?(?:reach(?:ed|ing)? out|ask(?:ed|ing)? (?:for|about|to)"
             r"|email(?:ed|ing)?|ping(?:ed|ing)?|request(?:ed|ing)?|contact(?:ed|ing)?"
             r"|knocking|lining up|circling|calling)\b")
# "a16z invited us to pitch to the full partnership": the fund's next step, its invitation
INVITED = rx(r"\b(?:invited|asked) us (?:back )?to (?:pitch|present|meet)(?: to| with)?"
             r" (?:the |their )?(?:full |monday |whole )?(?:partnership|partners|partner meeting"
             r"|ic\b|investment committee)")
_DILIGENCE_SENT = rx(r"\b(?:sent|shared|emailed)(?: (?:over|us))? (?:their |a |the )?(?:due )?"
                     r"diligence (?:questions|list|request|questionnaire|checklist)")


_INTEREST_WORDS = re.compile(r"interest from|diligence|data ?room|tier|top|big|large|growth"
                             r"|meeting|vcs|investors|funds|angels|firms|invited|asked us")


def interest(clause: str, low: str, ctx: Context) -> Found | None:
    """A named fund's or counted funds' inbound interest: diligence, data room, meetings."""
    if not _INTEREST_WORDS.search(low):
        return None  # one scan: most clauses cued by "meeting" or "investors" say none of these
    if _OUR_OUTREACH.search(low) and "data room" not in low and "diligence" not in low:
        return None
    return _interest_from(clause, ctx) or _diligence(clause, low, ctx) \
        or _data_room(clause, low, ctx) or _call_wanted(low) or _partner_meeting(clause) \
        or _counted(low) or _invited(clause, low)


def _counted(low: str) -> Found | None:
    m = COUNTED.search(low)
    if m is None or _WE_FIRST.match(low[m.start():]) or "our investors" in low:
        return None  # "our investors asked for an update": existing backers, no new interest
    count = m["n"] or ""
    noun = {"vcs": "VCs"}.get(m["who"] or "", m["who"] or "investors")
    who = f"{count} {noun}" if count else "Investors"
    return _found("investors", f"{who[:1].upper()}{who[1:]} reached out", m.start())


def _invited(clause: str, low: str) -> Found | None:
    m = INVITED.search(low) or _DILIGENCE_SENT.search(low)
    if m is None:
        return None
    known = INVESTOR.search(low, 0, m.start())
    fund = _fund_before(clause, m.start()) or (_named_fund(clause, known) if known else None)
    if fund is None:
        return None
    if m.re is _DILIGENCE_SENT:
        return _found(fund, f"{fund} in diligence", m.start())
    return _found(fund, f"{fund} invited us to pitch the partnership", m.start())


# "Unfortunately, ", "Fundraising update: ": an opener, not a subject
_OPENER = re.compile(r"^\W*(?:[A-Z][a-z]+ly,?|[A-Z][\w ]{0,24}:)\s+")
_PASSIVE_NAME = re.compile(r"\b((?!(?:We|I|It|This|That|Today|Sadly|Unfortunately)\b)[A-Z][\w&.'-]*"
                           r"(?: [A-Z][\w&.'-]*)*) (?:was|were|has been|had been|got|just got)"
                           r"(?: (?:just|also|finally))? $")


def _theirs(clause: str, at: int, ctx: Context) -> bool:
    """Someone else is the subject before ``at`` ("Globex received an NSF grant"); readings
    marked relational skip the reader's own subject check, so they make it here."""
    head = _OPENER.sub("", clause[:at])
    if third_party(head, head, ctx.company) is not None:
        return True
    passive = _PASSIVE_NAME.search(head)  # "Globex was rejected by YC": Globex's news
    return passive is not None and not (ctx.company and ctx.company.search(passive.group(1)))


def _found(who: str, title: str, at: int) -> Found:
    return Found(T.INVESTOR_INTEREST, {"investor": key(who)}, title, at, relational=True,
                 allow=frozenset({"plan", "question", "hypothetical"}),
                 stakeholders=(who,) if who[:1].isupper() else ())


_AT_FUND = re.compile(r"\s@\s?([A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)*)")  # "Jesse @ Heavybit"
# "Costanoa Ventures ahead of the Series B": the name, not what follows it
_LEAD_NAME = re.compile(r"[A-Z][\w&.'-]*(?:(?: & | )[A-Z0-9][\w&.'-]*)*")
_NAME_END = re.compile(r"\s(?:-|\u2013|\u2014|about|for|in|on|after|to)\s")
_LAST_NAME = re.compile(r"([A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3})\s*$")
_WE_FIRST = rx(r"\W*(?:we|i)\b")
_TIER_1 = rx(r"tier[- ]?(?:1|one)")


def _interest_from(clause: str, ctx: Context) -> Found | None:
    m = INTEREST_FROM.search(clause)
    if m is None:
        return None
    said_of = f"{ctx.before}\n{ctx.sentence}".lower()
    # the clause may be cut at "and" ("from Jesse | and Dana @ Heavybit"): read the sentence
    whole = INTEREST_FROM.search(ctx.sentence)
    named = whole["who"] if whole is not None and whole["who"].startswith(m["who"]) \
        else m["who"]
    at = _AT_FUND.search(named)
    lead = _LEAD_NAME.match(named)
    who = at.group(1) if at else clean(lead.group() if lead else _NAME_END.split(named)[0])
    if not (INVESTOR.search(who.lower()) or _FUNDRAISING.search(said_of)):
        return None  # "strong interest from Globex's ops team": a buyer, not a backer
    strength = clause[m.start():m.end()].split(" interest")[0].strip().split()[-1].lower()
    title = f"{'Strong' if strength in {'strong', 'serious', 'huge', 'massive'} else 'Inbound'}" \
            f" interest from {who}"
    return _found(who, title, m.start())


def _diligence(clause: str, low: str, ctx: Context) -> Found | None:
    named = NAMED_DILIGENCE.search(clause)
    if named is not None and not FIRST_PERSON.search(named["who"]):
        who = named["who"]
        return _found(who, f"{who} in diligence", named.start())
    m = DILIGENCE.search(low)
    if m is None:
        return None
    count = m["n"] or m["n2"]
    if count:
        return _found("funds", f"{count.capitalize()} funds in diligence", m.start())
    fund = _fund_before(clause, m.start())
    if fund is None:
        return None  # "the auditors are in diligence", "we started diligence on a vendor"
    return _found(fund, f"{fund} in diligence", m.start())


def _fund_before(clause: str, pos: int) -> str | None:
    """The investor that is the subject before ``pos``: a known fund or "X Ventures"."""
    head = clause[:pos].strip()
    m = _LAST_NAME.search(head)
    if m is None or FIRST_PERSON.search(m.group(1)):
        return None
    return m.group(1)


def _data_room(clause: str, low: str, ctx: Context) -> Found | None:
    m = DATA_ROOM.search(low)
    if m is None or (_WE_FIRST.match(low) and "they" not in low[:m.start()]):
        return None  # "we set up the data room", "I shared our data room with the lawyers"
    if m.group().startswith(("got", "gave", "granted", "sent", "shared")):
        return None  # our side handing it over; the ask is the interest
    fund = INVESTOR.search(low) or INVESTOR.search(f"{ctx.before}".lower())
    who = _named_fund(clause, fund) if fund and fund.string == low else None
    who = who or _fund_before(clause, m.start())
    if who is None and not _FUNDRAISING.search(f"{ctx.before} {ctx.sentence}".lower()) \
            and not low.lstrip().startswith("they"):
        return None
    who = who if who and who.lower() not in {"they", "then"} else None
    title = f"{who} asked for the data room" if who else "An investor asked for the data room"
    return _found(who or "investor", title, m.start())


def _named_fund(clause: str, fund: re.Match[str]) -> str | None:
    name = clause[fund.start():fund.end()]
    if name.lower() in {"fund", "funds", "investor", "investors", "vc", "vcs", "capital",
                        "ventures", "venture", "angel", "angels"}:
        return None
    return name if not name.islower() or any(c.isdigit() for c in name) else name.title()


def _call_wanted(low: str) -> Found | None:
    m = CALL_WANTED.search(low)
    if m is None:
        return None
    tier = _TIER_1.match(m.group())
    what = "A Tier-1 fund" if tier else "A fund"
    return _found("fund", f"{what} asked for a call", m.start())


def _partner_meeting(clause: str) -> Found | None:
    m = PARTNER_MEETING.search(clause)
    if m is None:
        return None
    who = m["who"]
    stage = clause[m.start():m.end()].split(" with")[0].split(" at")[0].strip()
    return _found(who, f"{stage[:1].upper()}{stage[1:]} with {who}", m.start())


# The raise that did not work, and the programme that said no.
FAILED = rx(
    r"\b(?:the|our|my) (?:fund ?raise|fundraising|raise|round|seed round|bridge)"
    r" (?:didn't|did not|never) (?:work|happen|close|come together)"
    r"|\b(?:fund ?raising|the fund ?raise|the raise|our raise) (?:failed|went nowhere|stalled"
    r"|collapsed|fell apart)"
    r"|\b(?:we|i) (?:failed|weren't able|were not able|wasn't able|couldn't|could not"
    r"|didn't manage|did not manage|were unable) to (?:raise|close (?:the|our|a) round"
    r"|get funded|find (?:a lead|investors))"
    r"|\b(?:tried|attempted) to (?:fund ?raise|raise)[^.;]{0,40}?(?:didn't|did not) work")
REJECTED = rx(r"\b(?:rejected|turned down|passed over|declined) by (?:" + _PROGRAMME_ANY + r")"
              r"|\b(?:" + _PROGRAMME_ANY + r") (?:rejected|turned down|passed on|declined) us\b"
              r"|\b(?:didn't|did not|failed to|couldn't|could not|weren't able to|were unable to)"
              r" (?:even )?(?:get|make it) (?:in ?to|in to|accepted (?:in ?to|to|by)) (?:the )?(?:"
              + _PROGRAMME_ANY + r")"
              r"|\b(?:not|weren't|wasn't) (?:accepted|admitted|selected) (?:in ?to|to|for|by) "
              r"(?:the )?(?:" + _PROGRAMME_ANY + r")")
# "Acme postpones IPO amid market turmoil", "we shelved the raise": money that did not come in
CALLED_OFF = rx(r"\b(?:postpones?|postponed|pulls?|pulled|shelves|shelved|scraps?|scrapped"
                r"|cancels?|cancell?ed|delays?|delayed|withdraws?|withdrew|calls? off|called off"
                r"|abandons?|abandoned) (?:its |the |our |a |their )?(?:planned |proposed |"
                r"long-awaited |\$?[\d.,]+\s?\w* )?(?:london |new york |nasdaq |nyse |stock"
                r" market |us |uk |hong kong )?(?:ipo|initial public offering|listing"
                r"|flotation|share (?:issue|offering|sale)|rights issue|fund ?raise|fundraising"
                r"|funding round|raise|placing)\b(?! (?:announcement|news|post|email|deck|update"
                r"|party|video|page|date|of (?:the|a|an|our|new|that|this) ))")
WORSE_BRIDGE = rx(r"\bbridge(?: round| note| financing)?\W{0,3}(?:[^.;!?]{0,50}?[ ,])?(?:at|on)"
                  r" (?:a )?(?:lower|worse|tougher|harsher|punitive|much worse) (?:valuation|terms"
                  r"|price)\b"
                  r"|\b(?:took|take|raised|closed|signed) (?:the |a |an )?[^.;!?]{0,30}?\bbridge\b"
                  r"[^.;!?]{0,50}?\b(?:valuation|price|terms) (?:is |was |are |were )?(?:lower"
                  r"|worse|below)")
_SETBACK_WORDS = re.compile(r"rais|round|bridge|fund|reject|turned|get|accept|not|n't|ipo"
                            r"|listing|flotation|offering|issue|placing")
# every setback family says how it went wrong in one of these words
_BAD_WORDS = re.compile(r"n't|not\b|fail|reject|turned down|declin|unable|postpon|pull|shelv"
                        r"|scrap|cancel|delay|withdr|call|abandon|lower|worse|tough|harsh"
                        r"|punitive|below|passed|stalled|collapsed|fell apart|went nowhere")
_FEAR = rx(r"\b(?:if|unless|in case|what if|worried|afraid|fear|risk|might|could|would)\b")


def setback(clause: str, low: str, ctx: Context) -> Found | None:
    """A raise that failed, a programme's rejection, a bridge on worse terms: lowlights."""
    if not _SETBACK_WORDS.search(low) or not _BAD_WORDS.search(low):
        return None
    if _FEAR.search(low):
        return None  # "if the round falls through": a fear, not a loss
    m = REJECTED.search(low)
    if m is not None and not _theirs(clause, m.start(), ctx):
        prog = _PROGRAMME_RE.search(m.group())
        name = _PROGRAMME_NAME[prog.group()] if prog else "an accelerator"
        return Found(T.FUNDING, {"setback": f"rejected by {key(name)}"},
                     f"Rejected by {name}", m.start(), negative=True, relational=True,
                     allow=frozenset({"negation"}))
    m = FAILED.search(low) or WORSE_BRIDGE.search(low) or CALLED_OFF.search(low)
    if m is None or _theirs(clause, m.start(), ctx):
        return None
    setback, title = ("bridge on worse terms", "Bridge round on worse terms") \
        if m.re is WORSE_BRIDGE else ("called off", _called_off_title(m.group())) \
        if m.re is CALLED_OFF else ("raise failed", "Fundraise did not work")
    return Found(T.FUNDING, {"setback": setback}, title, m.start(), negative=True,
                 allow=frozenset({"negation"}))


def _called_off_title(said: str) -> str:
    listing = any(w in said for w in ("ipo", "public offering", "listing", "flotation"))
    return "IPO postponed" if listing else "Fundraise called off"


# Someone wanting to buy the company, told by the press or by the company: investor interest
# (dev gold: "Zurich Insurance considering offer for RSA", "Canadian investor renews pursuit of
# Severn Trent"). The company must be the target, never the bidder.
_BID_WORDS = (r"(?: (?:a|an|its|the|fresh|new|revised|possible|potential|higher|improved"
              r"|sweetened|second|third|formal|informal|cash|all-cash|all-share|cash-and-share"
              r"|takeover|buyout|merger|bid|hostile|friendly|\d+p|[$\u20ac\u00a3][\d.,]+\s?(?:bn"
              r"|billion|m|mn|million)))*")
BID_FOR = rx(r"\b(?:makes?|made|making|considering|considers|weighs|weighing|mulls|mulling|eyes"
             r"|eyeing|prepares|preparing|confirms|confirmed|renews|renewed|launches|launched"
             r"|tables|tabled|submits|submitted|lodges|lodged|sweetens|sweetened|ponders"
             r"|plots|readies|resumes|revives)" + _BID_WORDS +
             r" (?:offer|bid|approach|proposal|pursuit|move|swoop|tilt)s? (?:for|of|on|to buy)"
             r" (?P<target>.{0,60})"
             r"|\bin (?:advanced |early |exclusive |preliminary )?talks to (?:buy|acquire"
             r"|take over|merge with) (?P<target2>.{0,60})"
             r"|\b(?:regarding|about|over|concerning) (?:a |the )?(?:possible|potential) (?:cash |"
             r"all-share )?(?:offer|bid) for (?P<target3>.{0,60})")
BID_RECEIVED = rx(r"\b(?:receives?|received|rejects?|rejected|rebuffs?|rebuffed|attracts?"
                  r"|attracted|turns? down|turned down|spurns?|spurned|confirms? (?:it has )?"
                  r"(?:received|receipt of)|(?:has|had|have) received)"
                  r"(?: (?:several|multiple|a number of|two|three|(?P<poss>[\w&.-]+(?: [\w&.-]+)?"
                  r"(?:'s|\u2019s))))?"
                  + _BID_WORDS + r" (?:(?:takeover|buyout|bid|acquisition) )?(?:interest"
                  r"|approach(?:es)?|offers?|bids?|proposals?|overtures?|inquiries)\b")
_THE_TARGET = rx(r"^(?:the |its |a )?(?:uk |us |british |german |french |[\w-]+ )?"
                 r"(?:company|group|firm|business|utility|lender|insurer|retailer|bank|miner"
                 r"|operator|startup|us\b)")
_BIDDER = re.compile(r"([A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3}(?: (?:private equity|investment)?"
                     r" ?(?:investors?|firm|fund|group|consortium|suitors?|bidders?|buyers?"
                     r"|suppliers|rival|peer))?)(?:'s|\u2019s)? (?:[Hh]as |[Ii]s )?(?:\w+ ){0,2}$")
_BUYING = rx(r"\b(?:takeover|buyout|acquisition|acquire|acquiring|bids?|merger|suitors?"
             r"|to buy|private equity|per share|\d+p a share|(?:revised|sweetened|improved"
             r"|higher|possible|potential) (?:offer|proposal|bid))\b")
_REJECTS = rx(r"\b(?:reject|rebuff|turn(?:s|ed)? down|spurn)")


def takeover(clause: str, low: str, ctx: Context) -> Found | None:
    """A bidder's offer, approach or pursuit for the company, or one the company received."""
    m = BID_FOR.search(low)
    if m is not None:
        at = next(m.start(g) for g in ("target", "target2", "target3") if m[g] is not None)
        target = clause[at:at + 60]
        if not _is_us(target, clause[:m.start()], ctx):
            return None  # "Shire in talks to buy Baxalta" read in Shire's stream: our bid
        bidder = _bidder(clause[:m.start()], ctx)
        return _takeover_found(bidder, low, m.start())
    m = BID_RECEIVED.search(low)
    if m is None or not _BUYING.search(low):
        return None  # "we received an offer from Globex for a pilot": a sale, not a buyer
    head = clause[:m.start()]
    if head.strip() and not (FIRST_PERSON.search(head) or (ctx.company and ctx.company.search(
            head)) or re.search(r"\bit\b|\bsays\b", head.lower())):
        return None  # "Initech received a takeover approach": Initech's news
    poss = clause[m.start("poss"):m.end("poss") - 2].strip() if m["poss"] else ""
    return _takeover_found(poss or _from_whom(clause, m.end()), low, m.start())


_FROM = re.compile(r"\s+from\s+([A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3}(?: (?:private equity"
                   r"|investment)? ?(?:investors?|firms?|funds?|groups?|consortium|suitors?"
                   r"|bidders?|buyers?|suppliers|rivals?|peers))?)")


def _from_whom(clause: str, end: int) -> str:
    m = _FROM.match(clause, end)
    return m.group(1) if m else ""


def _is_us(target: str, head: str, ctx: Context) -> bool:
    if target.startswith(("the Company", "us")) or (
            ctx.company is not None and ctx.company.match(target.lstrip()) is not None):
        return True  # "a possible offer for the Company": the issuer, in a takeover statement
    words = target.lower().lstrip()
    named_before = ctx.company is not None and ctx.company.search(head) is not None
    if ctx.company is not None:
        inside = ctx.company.search(target[:40])
        if inside is not None and not re.search(r"[.;,]", target[:inside.start()]):
            return True  # "for UK rival RSA Insurance"
    return named_before and _THE_TARGET.match(words) is not None


def _bidder(head: str, ctx: Context) -> str:
    m = _BIDDER.search(head)
    if m is None or (ctx.company and ctx.company.search(m.group(1))):
        return ""
    return m.group(1)


def _takeover_found(bidder: str, low: str, at: int) -> Found:
    title = f"Takeover interest from {bidder}" if bidder else "Takeover interest received"
    if _REJECTS.search(low):
        title += ", rejected"
    return Found(T.INVESTOR_INTEREST, {"acquisition_interest": key(bidder or "inbound")}, title,
                 at, relational=True, allow=frozenset({"plan", "negation", "hypothetical"}),
                 stakeholders=(bidder,) if bidder else ())


# Whose asking is no new interest: the backers the company already has, an adviser's partner.
_OWN_BACKERS = rx(r"\b(?:our|existing|current) (?:existing |current |seed |lead |angel )?"
                  r"(?:investors?|backers?|board|lead|vcs?|angels?|shareholders)\b")
_ADVISER = rx(r"\b(?:partner|associate|principal) (?:at|from) (?:deloitte|pwc|kpmg|ey\b|ernst"
              r"|accenture|mckinsey|bain\b|bcg\b|[\w&.-]+ (?:llp|law|legal))|\b(?:audit|tax"
              r"|legal|accounting|lawsuit|invoice|contract review)\b")


# "This week in funding: 40 startups raised $1.2B": a digest of others' rounds, not ours
_MANY_RAISED = re.compile(r"\b(?:\d[\d,]*|dozens of|hundreds of|several|many|other|these)\s+"
                          r"(?:\w+\s+)?(?:startups|companies|founders|firms|businesses)\b",
                          re.IGNORECASE)


def veto(found: Found, clause: str) -> str | None:
    """Why any detector's investor interest reading is no new interest, or a funding reading
    is a digest of other companies' rounds, or None."""
    if found.event_type is T.FUNDING and _MANY_RAISED.search(clause[:found.trigger]):
        return "other companies' rounds counted in a digest, not ours"
    if found.event_type is not T.INVESTOR_INTEREST or "acquisition_interest" in found.metrics:
        return None
    low = clause.lower()
    near = low[max(0, found.trigger - 25):found.trigger + 25]  # the asker, not who introduced
    if _OWN_BACKERS.search(near):
        return "the company's own backers asking, not new interest"
    if _ADVISER.search(low) and not INVESTOR.search(low.replace("partner at", "")):
        return "an adviser's or a vendor's partner, not an investor"
    return None


# Money raised on a public market, in a financial news or a release's words (dev gold: "Auto
# Trader floats on LSE", "Centrica capital raise", "Metro Bank raises £400m ahead of London
# listing"): funding. Planned, considered or postponed listings are not; a buyback is money out.
_INSTRUMENT = (r"(?P<what>initial public offering|ipo|rights issue|share issue|share offering"
               r"|(?:share )?placing|private placement|capital raise|capital increase|listing"
               r"|(?:stock )?market debut|public offering|secondary offering|equity raise)")
PUBLIC = rx(r"\b(?:floats|floated) on (?:the )?(?P<venue>lse|london stock exchange|nasdaq|nyse"
            r"|aim|[\w ]{0,20}(?:stock exchange|stock market))"
            r"|\b(?:priced|prices|completed|completes|closed|closes|carried out|carries out"
            r"|launched|launches) (?:its |our |the |a |an )?(?:[$\u20ac\u00a3][\d.,]+\s?\w* |eur"
            r" [\d.,]+ \w+ )?(?:(?:directed|new|oversubscribed|upsized|accelerated) )?"
            + _INSTRUMENT +
            r"|\b(?:makes|made) (?:its |a )?(?:stock market|market|trading|public|nasdaq|nyse"
            r"|lse) debut"
            r"|\bshares (?:begin|began|started|start) trading"
            r"|\bamid (?:a |its )?(?:capital raise|rights issue|share placing)")
_CURRENCY = re.compile(r"[$\u20ac\u00a3\u00a5]|\b(?:EUR|USD|GBP|SEK|NOK|DKK|CHF|JPY|eur|usd|gbp)\b")
_LISTING_WORDS = ("ipo", "initial public offering", "public offering", "listing", "market debut",
                  "stock market debut")
_NOT_PUBLIC = rx(r"\b(?:postpone\w*|delay\w*|pull(?:s|ed)? (?:its|the) ipo|shelv\w*|scrap\w*"
                 r"|buyback|buy-back|repurchase)\b")


def public(clause: str, low: str, ctx: Context) -> Found | None:
    """Money in from a public market: a flotation, an IPO priced, a share issue or placing."""
    m = PUBLIC.search(low)
    if m is None or _NOT_PUBLIC.search(low):
        return None
    if not FIRST_PERSON.search(clause[:m.start()]) and not (
            ctx.company is not None and ctx.company.search(ctx.sentence)):
        return None  # "... it has completed its IPO" after another issuer's name: theirs
    what = m["what"] or ""
    stage = "ipo" if m["venue"] or what in _LISTING_WORDS or "debut" in m.group() \
        or "trading" in m.group() else "placing" if "plac" in what \
        else "rights issue" if what == "rights issue" else "share issue" if "share" in what \
        else "capital raise"
    metrics: dict[str, str | int | float] = {"stage": stage}
    figs = [f for f in money(clause) if f.value >= 100_000 and _CURRENCY.search(
        clause[max(0, f.start - 4):f.end]) and "per share" not in clause[f.end:f.end + 12].lower()]
    if figs:
        metrics["amount_usd"] = round(figs[0].value)
    # a title shows "$" for any currency (short_money): only dollars are titled with their sum
    dollars = bool(figs) and "$" in clause[max(0, figs[0].start - 4):figs[0].end]
    shown = {k: v for k, v in metrics.items() if k != "amount_usd" or dollars}
    return Found(T.FUNDING, metrics, backed_title(shown), m.start())


# "Craft Ventures approached Acme unprompted about leading the Series A", "tomas petrov at
# thrive capital emailed out of the blue asking to talk about our series b": a fund asking to
# invest, before deals.funding takes "leading the Series A" for a round led.
APPROACHED = rx(r"\b(?:approached|reached out to|contacted|emailed|pinged|called|messaged)"
                r"(?: (?P<whom>us|me|[\w.&-]+(?: [\w.&-]+)?))?(?: [\w-]+){0,4}? (?:about|asking"
                r" (?:to (?:talk|chat|meet) )?about|to discuss|regarding|re:?)"
                r" (?:(?:leading|investing in|co-leading|participating in|joining|pre-empting"
                r"|preempting) )?(?:our |the |a |their )?(?:next )?(?:round|raise|fundraise"
                r"|investment|seed|pre-seed|series [a-h]|bridge)\b")


def approached(clause: str, low: str, ctx: Context) -> Found | None:
    """A named fund approaching the company about its round: inbound investor interest."""
    m = APPROACHED.search(low)
    if m is None:
        return None
    whom = m["whom"] or ""
    ours = whom in {"us", "me"} or " our " in m.group() or bool(
        whom and ctx.company and ctx.company.search(clause[m.start("whom"):m.end("whom")]))
    if not ours:
        return None  # "Globex approached Initech about leading their Series A"
    if FIRST_PERSON.search(low[:m.start()]) is not None:
        return None  # "I reached out to Sequoia about leading our seed": our outreach
    at = _AT_FUND.search(clause, 0, m.start()) or _AT_WORD.search(clause[:m.start()])
    known = INVESTOR.search(low, 0, m.start())
    fund = at.group(1) if at else (_named_fund(clause, known) if known else None) \
        or _fund_before(clause, m.start())
    if fund is None:
        return None
    return _found(fund, f"Inbound interest from {cased_name(fund)}", m.start())


# "tomas petrov at thrive capital emailed": the fund a person writes from
_AT_WORD = re.compile(r"\bat ([A-Za-z][\w&.'-]*(?: [A-Za-z][\w&.'-]*){0,2})\s*$")


def cased_name(name: str) -> str:
    return name if not name.islower() else " ".join(w.capitalize() for w in name.split())
