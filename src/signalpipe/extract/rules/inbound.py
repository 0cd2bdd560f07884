"""Inbound: investors' interest in us told the way founders tell it in chat and update mail,
where ``deals.investor_interest`` and ``backers.interest`` look for a fund's set phrases.

Unsolicited interest from a named fund is ``investor_interest`` (shared LABELLING.md); an offer
made to the company is funding news and stays with the funding readers. Each family is written
alike in Slack chatter, a founder's update email and an investor's own email
(tests/unit/test_rules_airtime.py holds the variants and the look-alikes):

- **A fund got in touch**: "a16z emailed", "Greylock DMed me on LinkedIn", "a partner at
  Benchmark got in touch", "we've been approached by three funds, including Point Nine", "a
  couple of VCs slid into our DMs after the launch", "Insight Partners is sniffing around".
  Look-alikes: our outreach ("I emailed a partner at Sequoia"), our own investors, a fund's
  portfolio company, a fund passing.
- **A fund wants in**: "Accel wants to put in $5M", "Index is keen to lead our Series A",
  "Benchmark wants to pre-empt the round", "a Sequoia scout wants in on the round", "Index
  soft-circled $2M". Look-alikes: a fund that led someone else's round, a customer wanting to
  "lead" a project, hopes ("we want Index to lead").
- **A fund's partner writes to us**: "I'm a partner at Northzone ... would love to find time to
  chat about your plans for the next round". Look-alikes: the same words from a customer or a
  recruiter, a partner at a law firm.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.lexicon import INVESTOR
from signalpipe.extract.rules.names import key
from signalpipe.models import EventType

T = EventType

_FUND_WORD = r"(?:[A-Z][\w&'.-]*|a16z|\d+[A-Z]\w*)"
_FUND = _FUND_WORD + r"(?: " + _FUND_WORD + r"){0,3}"
_COUNT = (r"(?:\d+|two|three|four|five|six|seven|eight|several|a few|a couple of|a bunch of"
          r"|multiple|some|more|other)")
_CROWD = r"(?:vcs?|funds?|investors?|firms?|angels?|gps?|partners)"
# "a partner at Benchmark", "Jesse from Heavybit", "Sequoia", "three funds"
_WHO = (r"(?:(?i:a |an |the )?(?i:partner|gp|general partner|principal|associate|investor|vc"
        r"|scout|md|managing director)s? (?i:at|from|with) (?P<at>" + _FUND + r")"
        r"|(?P<count>(?i:" + _COUNT + r")) (?:(?i:more|new|other|top|tier[- ]?1|tier[- ]one"
        r"|big|growth|seed|series [ab])[- ]?){0,3}(?i:" + _CROWD + r")"
        r"|(?P<fund>" + _FUND + r")(?:(?:'s|\u2019s)? (?i:scouts?|partners?|gp|team))?)")
# a fund got in touch
CONTACTED = re.compile(
    r"\b" + _WHO + r" (?:(?i:just|finally|also|has|have|already|all) )?(?P<verb>(?i:emailed"
    r"|e-mailed|called|dm'?ed|dm'd|messaged|texted|got in touch|reached out|wrote to (?:us|me)"
    r"|cold[- ]emailed (?:us|me)|pinged (?:us|me)|slid into (?:our|my) dms|contacted (?:us|me)"
    r"|approached (?:us|me)|(?:is|are) sniffing around|(?:is|are) circling"
    r"|(?:is|are) kicking the tires|(?:(?:has|have) )?been (?:calling|emailing|pinging|chasing us)"
    r"|keeps? (?:calling|emailing|pinging)))\b"
    r"|\b(?:(?i:been|were|was|got) (?i:approached|contacted|pinged|cold[- ]emailed) (?i:by)"
    r"|(?i:got|had|received|get|getting) (?:(?i:an?|another|two|three|\d+) )?(?:(?i:cold|nice"
    r"|short|unsolicited) )?(?i:emails?|e-mails?|calls?|dms?|messages?|notes?|linkedin messages?"
    r"|inbound|intro requests?|texts?) (?i:from)) "
    + _WHO.replace("?P<at>", "?P<at2>").replace("?P<count>", "?P<count2>").replace(
        "?P<fund>", "?P<fund2>"))
# a fund wants in: the verb's object says it is an investor's wish
WANTS_IN = re.compile(
    r"\b" + _WHO.replace("?P<at>", "?P<at3>").replace("?P<count>", "?P<count3>").replace(
        "?P<fund>", "?P<fund3>")
    + r" (?:(?i:is|are|has|have|also|already|now|really|very) ){0,3}(?i:keen|eager|wants?|wanted"
    r"|would like|would love|'d like|'d love|asked|asking|is asking|offered|looking|interested"
    r"|excited|happy|ready)(?: (?i:to|in))? (?P<what>(?P<meet>(?i:meet|chat|talk|grab coffee"
    r"|come by|stop by|swing by|visit|get to know|see (?:the|our) (?:deck|data room|numbers"
    r"|metrics)))\b|(?i:put in"
    r"|invest(?:ing)? in (?:us|the round|our (?:round|seed|series)|[A-Z]\w*)|invest\b"
    r"|pre-?empt|preempt|co-?lead|lead (?:our|the"
    r"|this|a) (?:round|seed|raise|series [a-d]|[abc]\b|next)|lead(?:ing)? it\b|participate in"
    r" (?:the|our) round|come in on|back us|in on the round))"
    r"|\b" + _WHO.replace("?P<at>", "?P<at4>").replace("?P<count>", "?P<count4>").replace(
        "?P<fund>", "?P<fund4>")
    + r" (?:(?i:is|are|has|have|also|just) ){0,3}(?P<what2>(?i:wants? in|soft[- ]?circled"
    r"|soft[- ]?circles))\b")
# our own backers, hopes, a fund passing, someone else's company (lower-cased); our outreach
# is coverage.veto's ("we reached out to 40 funds")
NOT_INBOUND = re.compile(r"\b(?:our (?:existing |current )?investors|existing investors"
                         r"|current investors|hope\w*|wish|should|would be|if|passed|declined"
                         r"|portfolio compan\w+|pass on|not interested|no longer)\b|\?")
_NOT_FUND = frozenset({"we", "i", "they", "he", "she", "it", "our", "the", "a", "an", "this",
                       "that", "someone", "everyone", "customer", "customers", "client",
                       "clients", "users", "team", "ceo", "cto", "globex"})
_SELF_INTRO = re.compile(r"\bI(?:'m| am) (?:a |an |the )?(?:(?:general |managing |venture )?"
                         r"partner|principal|associate|investor|gp|vc|analyst) (?:at|with)"
                         r" (?P<fund>" + _FUND + r")")
_ASK = re.compile(r"\b(?:would|'d) (?:love|like) to (?:\w+ ){0,3}?(?:chat|talk|meet|connect"
                  r"|learn more|hear more|catch up|get to know|grab (?:a )?coffee)\b"
                  r"|\bfind (?:some )?time to (?:chat|talk|meet|connect)\b", re.IGNORECASE)


# what a contact asked about is a round: "Tiger reached out asking to preempt our Series B"
_ROUND_ASK = re.compile(r"(?i)\b(?:pre-?empt\w*|invest(?:ing)? in (?:us|the round)|lead(?:ing)?"
                        r" (?:our|the) (?:round|seed|series [a-d]|raise)|term sheet)\b")
_CROWD_AT = re.compile(r"(?i)\b" + _CROWD + r"\b")


def _fund_of(m: re.Match[str], n: str) -> tuple[str | None, str | None]:
    """(fund named, count of funds) from one alternative's groups."""
    return m[f"at{n}"] or m[f"fund{n}"], m[f"count{n}"]


_FUND_WORDS = re.compile(r"\b(?:capital|ventures?|partners|vc|fund)\b")


def _is_fund(name: str, crowd: bool) -> bool:
    low = name.lower()
    return crowd or bool(INVESTOR.search(low)) or _FUND_WORDS.search(low) is not None


# the words every reading above needs, one scan before its patterns run (lower-cased)
_NEEDS = re.compile(r"e-?mail|call|dm|messag|text|touch|reach|wrote|approach|contact|ping|sniff"
                    r"|circl|kick|keen|eager|want|like|love|interest|invest|empt|lead|inbound"
                    r"|intro|note|ask|meet|slid|soft|chas|come by|stop by|swing by|visit")


def inbound(clause: str, low: str, ctx: Context) -> Found | None:
    """A fund that got in touch with us or wants into our round, unasked."""
    if not _NEEDS.search(low) or NOT_INBOUND.search(low):
        return None
    m = CONTACTED.search(clause)
    wish = False
    if m is None:
        m = WANTS_IN.search(clause)
        wish = m is not None
    if m is None:
        return _wrote_to_us(clause, ctx)
    groups = ("", "2") if not wish else ("3", "4")
    fund, count = next((_fund_of(m, n) for n in groups if any(_fund_of(m, n))), (None, None))
    if fund is not None:
        fund = fund.strip()
        if fund.lower() in _NOT_FUND or (ctx.company and ctx.company.search(fund)):
            return None
        # a fund by its name, or anyone whose wish is an investor's ("Globex wants to invest")
        wished = wish and not m.groupdict().get("meet")  # "wants to invest": anyone's
        wished = wished or _ROUND_ASK.search(clause, m.end()) is not None
        if not (wished or _is_fund(fund, crowd=False) or m[0].lower().startswith(
                ("a partner", "partner", "a gp", "an investor", "a vc", "the partner", "a scout"))):
            return None
    elif count is None:
        return None
    if fund:
        who = fund
    else:  # "three tier-1 funds", "a couple of VCs": the count and the crowd as written
        at = m[0].lower().find((count or "").lower())
        crowd = _CROWD_AT.search(m[0], max(at, 0))
        who = m[0][max(at, 0):crowd.end() if crowd else len(m[0])]
        who = who[:1].lower() + who[1:]  # "A couple of VCs slid into our DMs"
    title = f"Inbound interest from {who}"
    return Found(T.INVESTOR_INTEREST, {"investor": key(who)}, title, m.start(),
                 relational=True, stakeholders=(who,) if fund else (),
                 allow=frozenset({"plan"}))


def _wrote_to_us(clause: str, ctx: Context) -> Found | None:
    """An investor's own email: "I'm a partner at Northzone ... would love to chat"."""
    if not _ASK.search(clause):
        return None
    m = _SELF_INTRO.search(clause) or _SELF_INTRO.search(ctx.before)
    if m is None:
        return None
    fund = m["fund"].strip()
    if not _is_fund(fund, crowd=False) and not INVESTOR.search(ctx.sender.lower()):
        return None  # "I'm a partner at Baker McKenzie": a law firm
    return Found(T.INVESTOR_INTEREST, {"investor": key(fund)}, f"Inbound interest from {fund}",
                 0, relational=True, stakeholders=(fund,), allow=frozenset({"plan"}))


# a fund's portfolio company or another fund's news is no interest in us (lower-cased)
_NOT_THE_FUND = re.compile(r"\b(?:portfolio compan(?:y|ies)|portco|one of (?:their|its)"
                           r" (?:companies|startups))\b")


def veto(found: Found, clause: str) -> str | None:
    """Why an investor-interest reading is not a fund's interest in us, or None."""
    if found.event_type is not T.INVESTOR_INTEREST:
        return None
    m = _NOT_THE_FUND.search(clause.lower())
    return f"a fund's portfolio company, not the fund ({m.group()})" if m else None
