"""Deals in two wordings deals.enterprise_deal does not read: a founder's unnamed new client ("I
found one new client to freelance", "we landed a new customer") and the company engaged by a
client, told from the client's side ("TalkTalk hires BAE Systems to investigate", "Tesco names
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
                r"|support|success|feedback|interview))")
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
