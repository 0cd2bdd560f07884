"""Deals in wordings deals.enterprise_deal does not read: a founder's unnamed new client ("I found
one new client to freelance", "we landed a new customer"), a customer named before the verb that
chose us ("Wayne Enterprises chose us over Salesforce"), a headline's "Acme and Initech sign a
multi-year contract" (read where "contract" or "deal" cues the clause), and the company engaged by
a client, told from the client's side ("TalkTalk hires BAE Systems to investigate", "Tesco names
Deloitte as new auditor"): the company is the one hired, so the engagement is its deal."""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.lexicon import rx
from signalpipe.models import EventType

T = EventType

# first person, past tense, one client: a count of customers is user_growth's
NEW_CLIENT = rx(r"\b(?:i|we|i've|we've|i have|we have|just|finally)\s(?:just |finally |also )?"
                r"(?:found|landed|signed|won|got|closed|picked up|brought on|onboarded)"
                r" \**(?:a|one|another|our|my) (?:first )?(?:new )?(?:paying |enterprise |big "
                r"|freelance |consulting )?(?:client|customer|logo)\b(?! (?:call|meeting|story"
                r"|support|success|feedback|interview|complaint|email|question|request"
                r"|ticket|bug|review|demo)\b)")
_NAME = r"[A-Z][\w&.'-]*(?: (?:[A-Z][\w&.'-]*|of|&))*"
CHOSE_US = re.compile(rf"(?P<who>{_NAME}) (?:has |have |just |finally |officially )?(?:chose|picked"
                      r"|selected|went with|signed with|signed on with|standardi[sz]ed on"
                      r"|switched to) us\b(?! (?:as (?:a |one of )?(?:the )?(?:finalist|shortlist)"
                      r"|for (?:a |the )?(?:pilot|poc|shortlist|trial|bake-?off)))")
# "Acme and Initech sign a multi-year contract to deploy Acme across 40 hospitals"
SIGN_WITH = re.compile(rf"(?:\band|&) (?P<who>{_NAME}) (?:sign|ink|seal)s? (?:a |an )?"
                       r"(?:[\w$\u20ac\u00a3.-]+ ){0,4}?(?:agreement|contract|deal)\b")
_NOT_SALE = rx(r"\b(?:partner\w*|collaborat\w*|alliance|distribution|joint|mou|memorandum"
               r"|letter of intent|loi|merger|acqui\w+|settlement|truce|peace|ceasefire)\b")


def chose_us(clause: str, low: str, ctx: Context) -> Found | None:
    m = CHOSE_US.search(clause)
    who = m["who"] if m else None
    if m is None:
        s = SIGN_WITH.search(clause)
        if s is None or ctx.company is None or _NOT_SALE.search(low) \
                or not ctx.company.search(clause[:s.start()]):
            return None
        m, who = s, s["who"]
    if who is None or who.split()[0].lower() in {"we", "i", "they", "it", "he", "she", "who"}:
        return None
    return Found(T.ENTERPRISE_DEAL, {"customer": who.lower()}, f"Signed {who}", m.start(),
                 relational=True, stakeholders=(who,))


# the client hires the company for a named role or job
_ENGAGED = (r"(?:hires?|hired|names?|named|appoints?|appointed|picks?|picked|selects?|selected"
            r"|taps?|tapped|chooses|chose|retains?|retained|engages?|engaged|brings? in"
            r"|brought in|calls? in|called in)")
_ROLE = rx(r"^\s*(?:as (?:its |their |the )?(?:new |sole |lead |joint |preferred )?(?:auditor"
           r"|advis[eo]r|adviser|broker|supplier|provider|vendor|consultant|partner|bookrunner"
           r"|lead manager|contractor|architect|integrator|agency|lender|bank|underwriter"
           r"|technology partner)|to (?:investigate|advise|review|audit|run|manage|build|design"
           r"|deliver|supply|provide|operate|handle|lead|help|overhaul|modernise|modernize"
           r"|upgrade|implement|develop|power|support))\b")
_NOT_JOB = rx(r"\b(?:ceo|cfo|coo|cto|chief|chair(?:man|woman)?|director|president|head of|boss"
              r"|executive|manager|vp)\b")


def new_client(clause: str, low: str, ctx: Context) -> Found | None:
    m = NEW_CLIENT.search(low)
    if m is None:
        return None
    word = re.search(r"client|customer|logo", m.group())
    noun = word.group() if word else "client"
    return Found(T.ENTERPRISE_DEAL, {"deal": f"new {noun}"}, f"Signed a new {noun}", m.start(),
                 relational=True)


def hired_by_client(clause: str, low: str, ctx: Context) -> Found | None:
    if ctx.company is None:
        return None
    for us in ctx.company.finditer(clause):
        before = clause[:us.start()]
        verb = re.search(rf"\b{_ENGAGED}\s+(?:the\s+)?$", before, re.IGNORECASE)
        if verb is None or not re.search(r"[A-Z][\w&.'-]+\s+$", before[:verb.start()]):
            continue  # the client must be named before the verb: "TalkTalk hires ..."
        after = clause[us.end():]
        role = _ROLE.search(after.lower())
        if role is None or _NOT_JOB.search(role.group()):
            continue
        client = re.findall(r"[A-Z][\w&.'-]*(?:\s[A-Z][\w&.'-]*)*", before[:verb.start()])[-1]
        return Found(T.ENTERPRISE_DEAL, {"customer": client.lower()},
                     f"Engaged by {client}{' ' + role.group().strip() if role else ''}",
                     verb.start(), relational=True, stakeholders=(client,))
    return None
