"""Whose news it is, in the words chat and updates use: our own service down, and others'
launches, deals and awards told beside ours.

Families, each written from how people write before the dev split was read for it (the variants
live in tests/unit/test_rules_theirs.py), with the look-alikes that stay events:

- **Our own service down, said in chat** (``site_down``): "www.acme.io is down", "our site is
  down again", "the API is returning 500s for everyone, investigating", "app.acme.io has been
  down since 9am". Addresses are blanked before reading (reader.masked) and a domain's dots end
  sentences, so ``own_address`` writes our own domain back, its dots as one-dot leaders, before
  the sentences are cut. Look-alikes that stay silent: a question ("is the site down for anyone
  else?"), another's domain ("github.com is down"), scheduled maintenance, the build, staging.
- **A third party's launch that helps us** (``veto``): "Vercel's new build cache is live, our
  deploys are 2x faster", "Postgres 17 landed and our queries got 30% faster", "python 3.13 is
  out and our test suite runs 20% faster". The release is theirs and the speed-up came to us
  without our doing: neither is our launch nor our technical result. Look-alikes that stay
  events: "we moved to the new build cache and cut deploy time by half", "We upgraded the
  cluster to Postgres 17 and p95 dropped from 120ms to 80ms", "we launched in Indonesia on AWS
  Jakarta".
- **Others' deals and awards** (``veto``): "The acquisition of Initech by Globex closed on
  Friday", "Initech took home the Best Fintech award", "congrats to Initech on their Series B!".
  Look-alikes: "Acme won Best DevTool at DevWeek", "we closed the acquisition of Initech",
  "Initech acquired us".
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found
from signalpipe.models import EventType

T = EventType

# --- our own address kept readable -------------------------------------------------------------

# A host written bare in prose: "www.acme.io", "app.acme.io/login". A link's address stays blanked
# ("[Collections app](https://apps.acme.io/...)", "<https://acme.io|the docs>"): it names a page.
_HOST = re.compile(r"(?<![@\w.(<|/:-])(?P<host>(?:[a-z0-9-]{1,40}\.){1,4}"
                   r"(?:io|com|ai|co|app|dev|net|org|so|sh|xyz|cloud|tech|tools|run|us|eu))"
                   r"(?P<path>/\S*)?(?![\w@])", re.IGNORECASE)
_CHEAP_HOST = re.compile(r"\w\.(?:io|com|ai|co|app|dev|net|org|so|sh|xyz|cloud|tech|tools|run"
                         r"|us|eu)\b", re.IGNORECASE)
LEADER = "\u2024"  # one-dot leader: reads as a dot, ends no sentence


def own_address(original: str, shown: str, company: re.Pattern[str] | None) -> str:
    """``shown`` (the masked text) with our own hosts written back from ``original``, their dots
    as one-dot leaders, their paths blanked; offsets kept. Others' hosts stay as they were."""
    if company is None or "." not in original or _CHEAP_HOST.search(original) is None:
        return shown
    out = shown
    for m in _HOST.finditer(original):
        host = m.group("host")
        if company.search(host.replace(".", " ")) is None:
            continue
        path = " " * (m.end() - m.end("host"))
        out = out[:m.start()] + host.replace(".", LEADER) + path + out[m.end():]
    return out


# --- our service down --------------------------------------------------------------------------

_SYSTEM = (r"(?:site|website|web ?site|app|web app|api|dashboard|platform|service|checkout|login"
           r"|sign-?ups?|servers?|prod|production|payments?|backend|homepage|landing page)")
_SUBJECT = (rf"(?P<addr>(?:[a-z0-9-]+{LEADER})+[a-z]{{2,}})|(?P<our>our (?:main |public |"
            rf"web |mobile )?{_SYSTEM})|(?P<the>(?:the )?{_SYSTEM})")
_DOWN = re.compile(
    rf"(?i)(?<![\w{LEADER}-])(?:{_SUBJECT})(?:'s|\u2019s| is| are| has been| have been|'s been"
    r"|\u2019s been| went| was| were| keeps| keep| started| just went)?"
    r" (?:all |completely |totally |fully |still |now |back |randomly |intermittently )?"
    r"(?P<state>down|offline|unreachable|not loading|not responding|going down"
    r"|(?:returning|throwing|serving|spitting out|erroring with|failing with|giving(?: us)?)"
    r" (?:a lot of |lots of |nothing but |only |random |intermittent )?(?:5\d\d|5xx)s?"
    r"(?: errors)?|(?:returning|throwing) (?:errors|timeouts|gateway errors))\b"
    r"(?P<rest>[^.?!\n]{0,80})")
# What says the outage is live and felt when the system is "the API", not ours by name.
_LIVE = re.compile(r"(?i)\bsince\b|\bagain\b|\bfor (?:everyone|everybody|all|every|most|many"
                   r"|\d+%)|\bcustomers?\b|\busers?\b|\bright now\b|\bon it\b|\binvestigating\b"
                   r"|\blooking into\b|\brolling back\b|\ball hands\b|\bincident\b"
                   r"|\U0001f525|\U0001f6a8|:fire:|:rotating_light:")
# Where "down" is no outage of ours: a test setup, a plan, a question, a figure, the build.
_NOT_OURS = re.compile(r"(?i)\?|\b(?:staging|dev|local|localhost|test|testing|ci|build|builds"
                       r"|sandbox|demo|preview|maintenance|planned|scheduled|will be|would be"
                       r"|might be|could be|if|when|whether|for me|my (?:internet|wifi|laptop"
                       r"|machine|phone)|isn'?t|not|no longer|never)\b|\bdown (?:to|by|from)\b"
                       r"|\d+(?:\.\d+)?\s?%")
_SINCE = re.compile(r"(?i)\bsince ((?:\d{1,2}(?::\d\d)?\s?(?:am|pm)?|monday|tuesday|wednesday"
                    r"|thursday|friday|saturday|sunday)\b)")


def site_down(clause: str, low: str, ctx: Context) -> Found | None:
    """Our site, app or API down as the team says it: by our own address, as "our site", or as
    "the API" with the people hit or the team on it."""
    m = _DOWN.search(clause)
    if m is None or _NOT_OURS.search(ctx.sentence or clause):
        return None
    addr, our = m.group("addr"), m.group("our")
    if addr and (ctx.company is None or ctx.company.search(addr.replace(LEADER, " ")) is None):
        return None
    if not addr and not our and not _LIVE.search(m.group("rest")) \
            and not _LIVE.search(ctx.sentence or clause):
        return None
    what = addr.replace(LEADER, ".") if addr else (our or m.group("the")).split(" ")[-1]
    what = what if addr else _PROPER.get(what.lower(), what.capitalize())
    state = m.group("state").lower()
    since = _SINCE.search(m.group("rest"))
    title = f"Outage: {what} {state}" + (f" since {since.group(1)}" if since else "")
    return Found(T.TECHNICAL_ACHIEVEMENT, {"incident": "outage"}, title, m.start(), negative=True)


_PROPER = {"api": "API", "app": "App", "site": "Site", "website": "Website"}
