"""Coverage of us as founders, community managers and release notes tell it: what
``company.media`` and ``coverage.py`` miss because it names no press verb they know.

Each reading is a phrasing family, written alike in Slack chatter, a founder's update email, a
press round-up and a community announcement (tests/unit/test_rules_recognition.py holds the
hand-written variants of each register and the look-alikes):

- **Someone wrote about us** (media_coverage): "Our friend Jay Vidyarthi wrote about Readup",
  "Wired published a long feature on Acme", "someone wrote a blog post about us", "Kelsey
  Hightower tweeted about Tilt", "nice write-up of Tilt in InfoQ". Look-alikes: our own posts
  ("we published a blog post about our pricing"), posts asked for or planned, posts about
  someone else, "wrote about" a topic that is not us.
- **One of us on a show, or the show out** (media_coverage): "Jeff and I did a podcast!", "the
  episode of Syntax with our CEO is out now", "my interview with IEEE Spectrum went live today",
  "Tilt got a 20 minute segment on Bloomberg TV". Look-alikes: our own podcast's new episode, an
  interview scheduled or asked for, a job interview, a candidate's interview loop.
- **A post of ours at the top of a site** (media_coverage): "reached the top of both Reddit and
  Hacker News", "**Front page of Hacker News!**", "our launch post hit #1 on HN". Look-alikes:
  the race to the top still to run, someone else's post, a hope to get there.

The veto (``veto``) turns away coverage and technical readings that are no one's result yet: a
goal or target label ("Goal for Q2: cut p99 in half") and a member's benchmark of their own
code ("my version is 170x faster", "I benchmarked my parser").
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, cased
from signalpipe.extract.rules.lexicon import OUTLET
from signalpipe.extract.rules.names import key, name_after, names_in
from signalpipe.extract.rules.subject import FIRST_PERSON
from signalpipe.models import EventType

T = EventType

_US = r"(?:us\b|me\b|our (?:\w+ ){0,2}?(?:company|startup|team|product|app|tool|platform|work" \
      r"|launch|founders?|ceo|cto|coo|cpo|cofounders?|co-founders?|story|journey|project" \
      r"|expansion|round|raise|funding|news|announcement|release)\b" \
      r"|the (?:round|raise|funding|launch|seed round|series [a-e]|acquisition|news" \
      r"|announcement)\b)"
_US_AT = re.compile(_US, re.IGNORECASE)
_CONTENT = (r"(?:blog ?post|post|article|piece|feature|story|profile|write-?up|review|thread"
            r"|tweet|video|newsletter|column|op-ed|deep[- ]dive|explainer|guide|tutorial|talk"
            r"|keynote|presentation|doc|paper|whitepaper|report|book|course|screencast)")

# --- someone wrote about us --------------------------------------------------------------------
# "wrote about Readup", "tweeted about us", "published a long feature on Acme" (lower-cased)
WROTE = re.compile(r"\b(?:wrote|has written|had written|blogged|tweeted|posted|raved|published"
                   r"|ran|did|put out|made|shared|dropped|gave|presented|writes|publishes|posts"
                   r"|shares|releases|gives|presents)"
                   r"(?: (?:a|an|the|this|his|her|their|one|two|three|several|some|another)"
                   r"(?: [\w-]+){0,3}? " + _CONTENT + r"s?)? (?:about|on|of|featuring|covering"
                   r"|profiling|dedicated to) (?:(?:running|using|deploying|tuning|building with"
                   r"|migrating to|how to (?:use|run|deploy))\s)?(?P<us>\S)")
# "a write-up of Tilt in InfoQ", "the profile of our CEO in Forbes": the piece, then the outlet
PIECE_IN = re.compile(r"\b(?:write-?up|profile|feature|piece|story|article|review|segment)s?"
                      r" (?:of|on|about) (?P<us>\S)[^.;!?]{0,40}? (?:in|on|from|by) (?:the )?"
                      r"(?P<outlet>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3})")
# "a great piece in The Verge about our launch": the outlet, then what it is about
PIECE_BY = re.compile(r"\b(?:write-?up|profile|feature|piece|story|article|review|segment"
                      r"|interview) (?:in|on|from|by) (?:the )?(?P<outlet>[A-Z][\w&.'-]*"
                      r"(?: [A-Z][\w&.'-]*){0,3}) (?:about|on|of|featuring|covering) (?P<us>\S)")
# "the Guardian covered our expansion", "Acme is on the cover of Wired UK"
COVERED = re.compile(r"\b(?:covered|reported on|profiled|spotlighted|wrote up|picked up)"
                     r" (?P<us>\S)"
                     r"|\b(?:on|made) the cover of (?:this (?:week|month)'s |the )?"
                     r"(?P<outlet>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3})")
# reviews and stories that are work, not press: "code review of our app in GitHub", "a user
# story on our app in Jira" (lower-cased)
WORK_ITEM = re.compile(r"\b(?:code|peer|performance|design|security|pr|internal|quarterly"
                       r"|annual|app store|price|pricing|board|legal|contract|user) (?:reviews?"
                       r"|stor(?:y|ies))\b")
# the piece is ours, asked for, planned or hoped for (lower-cased)
NOT_THEIRS = re.compile(r"\b(?:we|i|our team|we've|i've|we have|i have|we just|i just"
                        r"|we also|i also)\s+(?:\w+\s+)?$")
NOT_YET = re.compile(r"\b(?:could|would|should|will|might|may|plan(?:s|ning|ned)? to|going to"
                     r"|want(?:s|ed)? to|hope|hoping|asked (?:if|whether|us|them|him|her)"
                     r"|ask(?:ing)? (?:him|her|them)|pitch\w*|draft\w*|if|please|someday"
                     r"|trying to|try to|submitted|upcoming|next (?:week|month))\b|\?")

BACKSTORY = re.compile(r"\b(?:when|ever since|since the time|the time|back when)\s+"
                       r"(?:\w+\s+){0,3}$")


def _ours_at(clause: str, at: int, ctx: Context) -> bool:
    """Whether the words at ``at`` name us: "us", "our CEO", the company's name."""
    if _US_AT.match(clause, at):
        return True
    if clause.lower().startswith("the ", at):
        at += 4  # "wrote about the Acme team"
    return ctx.company is not None and ctx.company.match(clause, at) is not None


def _who(clause: str, at: int) -> str | None:
    """Who wrote it: the last name before the verb ("Our friend Jay Vidyarthi wrote"), or a
    handle right before it ("@dana wrote about Tilt")."""
    handle = _HANDLE.search(clause, max(0, at - 40), at)
    if handle:
        return handle.group(1)
    found = [n for n in names_in(clause[max(0, at - 60):at]) if n[0].lower() not in _NOT_WHO]
    return found[-1][0] if found else None


_HANDLE = re.compile(r"@([\w.-]{2,30})\s+(?:\w+\s+)?$")


_NOT_WHO = frozenset({"someone", "somebody", "a friend", "friend", "our friend", "nice", "also"})


def written_about(clause: str, low: str, ctx: Context) -> Found | None:
    """Someone else's post, piece or tweet about us, published."""
    m = WROTE.search(low) or PIECE_IN.search(clause) or PIECE_BY.search(clause) \
        or COVERED.search(clause)
    if m is None:
        return None
    if m["us"] is None:  # on the cover: whose cover is told before it
        if not (FIRST_PERSON.search(clause, 0, m.start())
                or (ctx.company and ctx.company.search(clause, 0, m.start()))):
            return None
    elif not _ours_at(clause, m.start("us"), ctx):
        return None
    if NOT_THEIRS.search(low, 0, m.start()) or NOT_YET.search(low) or WORK_ITEM.search(low):
        return None  # "we published a blog post about our pricing": our own content
    if BACKSTORY.search(low, 0, m.start()):
        return None  # "the boost I got when someone popular tweeted about us": told as the past
    outlet = m.groupdict().get("outlet")
    who = outlet or _who(clause, m.start())
    if who is None and not _READERS.search(low, 0, m.start()):
        return None  # "wrote about us" with no writer: our own words quoted back
    if who is not None and ctx.company is not None and ctx.company.fullmatch(who):
        return None
    if who is None:
        return Found(T.MEDIA_COVERAGE, {"coverage": "post about us"}, "Written about by a reader",
                     m.start(), relational=True, subtype="content")
    return Found(T.MEDIA_COVERAGE, {"publication": key(who)}, _title(who), m.start(),
                 relational=True, stakeholders=(who,), subtype="content")


# writers with no name: "someone wrote about us", "a ton of blog posts dedicated to Acme"
_READERS = re.compile(r"\b(?:someone|somebody|a friend|a user|a reader|a customer|people"
                      r"|a ton of|lots of|a lot of|several|many|a few|a bunch of)\b")


def _title(who: str) -> str:
    name = cased(who)
    if OUTLET.search(name.lower()) or not re.fullmatch(r"[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){1,2}",
                                                       name):
        return f"Coverage in {name}"
    return f"Coverage by {name}"  # a person: "Coverage by Jay Vidyarthi"


# --- one of us on a show, or the show out ------------------------------------------------------
_SHOW = r"(?:podcast|episode|interview|livestream|live stream|segment|fireside chat|panel)"
# "Jeff and I did a podcast", "we recorded an episode with Syntax" (lower-cased)
DID_SHOW = re.compile(r"\b(?:did|recorded|taped|got|landed|had)\s+(?:a|an|another|our first"
                      r"|my first|the)\s+(?:[\w-]+\s+){0,2}?" + _SHOW + r"\b")
# "the episode of Syntax with our CEO is out now", "my interview with IEEE Spectrum went live"
SHOW_OUT = re.compile(r"\b(?:the|my|our|this|his|her)\s+(?:[\w-]+\s+){0,2}?" + _SHOW +
                      r"\b[^.;!?]{0,60}?\b(?:is|are|went|just|now)?\s*(?:out\b|live\b|up\b"
                      r"|dropped|aired|premiered|published|released|came out)")
_WITH_US = re.compile(r"\b(?:with|featuring|on|about)\s+(?:me\b|us\b|our\b|my\s+co-?founder"
                      r"|\w+ and (?:me|i)\b)", re.IGNORECASE)
_FIRST = re.compile(r"\b(?:i|we|me|us|our|my)\b")
# our own show's new episode, a job interview, an interview still to come (lower-cased)
NOT_SHOW = re.compile(r"\bour (?:own |new |weekly |monthly )?(?:podcast|show|livestream|webinar"
                      r"|youtube)|\b(?:job|candidate|phone|technical|onsite|on-site|final"
                      r"|first-round|second-round|screening) interviews?\b|\binterview(?:s|ing)?"
                      r" (?:loop|process|round|candidates?|for the|for a|with (?:a )?candidates?)"
                      r"|\binterviewed (?:\d+|a|two|three|four|five|several) (?:candidates|people)"
                      r"|\bhiring\b|\brole\b|\bposition\b|\bwebinar\b")


def on_show(clause: str, low: str, ctx: Context) -> Found | None:
    """One of us on a podcast, a show or an interview that went out."""
    m = DID_SHOW.search(low)
    if m is not None and not _FIRST.search(low, 0, m.start()) \
            and not (ctx.company and ctx.company.search(clause, 0, m.start())):
        m = None  # "Stripe did a podcast": theirs
    if m is None:
        m = SHOW_OUT.search(low)
        if m is not None and not (_WITH_US.search(clause, m.start(), m.end())
                                  or low.startswith("my ", m.start())
                                  or (ctx.company and ctx.company.search(clause, m.start(),
                                                                         m.end()))):
            m = None
    if m is None or NOT_SHOW.search(low) or NOT_YET.search(low):
        return None
    who = _outlet_near(clause, m.start(), m.end())
    kind = re.search(_SHOW, low[m.start():m.end()])
    what = kind.group() if kind else "interview"
    if who is None:
        return Found(T.MEDIA_COVERAGE, {"coverage": what}, f"{what.capitalize()} appearance",
                     m.start(), relational=True, subtype="appearance")
    return Found(T.MEDIA_COVERAGE, {"publication": key(who)},
                 f"{what.capitalize()} appearance on {cased(who)}", m.start(), relational=True,
                 stakeholders=(who,), subtype="appearance")


_SHOW_NAME = re.compile(r"\b(?:on|with|of|for|by|in|to)\s+(?:the\s+)?((?:[A-Z][\w&.'-]*\s?){1,4})")


def _outlet_near(clause: str, start: int, end: int) -> str | None:
    """The show's name: "on Founders Unfiltered", "with IEEE Spectrum", "Thanks to Product Hunt"."""
    for m in _SHOW_NAME.finditer(clause, start, min(len(clause), end + 50)):
        name = m.group(1).strip()
        if name and name.split()[0].lower() not in {"our", "my", "i", "we", "ceo", "cto"}:
            return name
    return name_after(clause, end, within=40) if "thank" in clause.lower() else None


# --- a post of ours at the top of a site -------------------------------------------------------
_SITE = r"(?:hacker news|hn\b|reddit|r/\w+|/r/\w+|product hunt|lobste\.?rs|techmeme|indie hackers)"
TOP_OF = re.compile(r"\b(?:reached|hit|made|got to|got onto|landed on|went to|stayed on|sat on"
                    r"|climbed to|topped|made it to|made it onto|was on|were on)\s+(?:the\s+)?"
                    r"(?:(?:front|home)\s?page|top|#1|number one|no\.? ?1|first place)"
                    r"(?:\s+(?:spot|post))?\s+(?:of|on|at)\s+(?:both\s+)?(?:the\s+)?(?:[\w/]+\s+)?"
                    r"\(?(?P<site>" + _SITE + r")"
                    r"|(?:^\W{0,8}|[\[(*\u2013-]\s?)(?:front\s?page|#1|top post|number one)"
                    r" (?:of|on) (?:the )?"
                    r"(?P<label>" + _SITE + r")")
# someone else's post; hopes (lower-cased)
_THEIR_POST = re.compile(r"\b(?:his|her|their|[a-z]+'s|[a-z]+\u2019s)\s+(?:\w+\s+){0,2}?"
                         r"(?:post|article|blog|project|repo|launch|story)\b")


def top_of_site(clause: str, low: str, ctx: Context) -> Found | None:
    """Our post or launch on the front page or at the top of Hacker News, Reddit, Product Hunt."""
    m = TOP_OF.search(low)
    if m is None or NOT_YET.search(low) or "race to" in low:
        return None
    head = low[:m.start()]
    theirs = _THEIR_POST.search(head)
    if theirs and not (ctx.company and ctx.company.search(clause, 0, m.start())) \
            and "our " not in theirs.group():
        return None  # "Stripe's post hit the front page": theirs
    site = (m["site"] or m["label"] or "").strip("/ ")
    name = "Hacker News" if site in {"hn", "hacker news"} \
        else f"Reddit ({site})" if site.startswith("r/") else cased(site)
    where = "Reached the front page of" if re.search(r"(?:front|home) ?page", m.group()) \
        else "Reached #1 on"
    return Found(T.MEDIA_COVERAGE, {"publication": key(name)}, f"{where} {name}", m.start(),
                 relational=True, stakeholders=(name,), subtype="ranking")


# --- press lists and our name in an outlet ----------------------------------------------------
# "Media mentions this month: Forbes, Business Insider, Sifted", "In the press: ..."
PRESS_LABEL = re.compile(r"^\W{0,6}(?i:press|in the (?:news|press)|media(?: mentions| coverage)?"
                         r"|(?:press )?coverage|press mentions|mentions)(?i: this (?:week|month"
                         r"|quarter))?\s*[:\u2013-]\s*(?P<outlets>[A-Z][^.;!?]{2,120})")
# "We were in TechCrunch on Tuesday!", "Acme made it into Axios Pro Rata"
IN_OUTLET = re.compile(r"(?:\b(?:were|was|are|is|got|made it|landed)|['\u2019]re)"
                       r" (?:in|into|onto) (?:the )?"
                       r"(?P<outlet>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3})")
_LIST_SEP = re.compile(r"\s*(?:,|\band\b|&|/|\|)\s*")


def press_named(clause: str, low: str, ctx: Context) -> Found | None:
    """A press list under its label, or our name in a named outlet."""
    m = PRESS_LABEL.match(clause)
    if m is not None:
        names = [n.strip() for n in _LIST_SEP.split(m["outlets"]) if n.strip()]
        outlets = [n for n in names if n[:1].isupper() and len(n.split()) <= 4]
        known = [n for n in outlets if _KNOWN_OUTLET.search(n.lower())]
        if len(outlets) == len(names) and (known or len(outlets) >= 2) and not NOT_YET.search(low):
            who = (known or outlets)[0]
            return Found(T.MEDIA_COVERAGE, {"publication": key(who)}, f"Coverage in {who}",
                         m.start("outlets"), relational=True, stakeholders=tuple(outlets))
        return None
    m = IN_OUTLET.search(clause)
    if m is None or NOT_YET.search(low) or not _KNOWN_OUTLET.search(m["outlet"].lower()) \
            or _PLACE.search(m["outlet"]) or _PLACE_AFTER.match(clause, m.end()):
        return None  # "in New York Times Square": a place named like an outlet
    head = clause[:m.start()]
    if not (FIRST_PERSON.search(head) or (ctx.company and ctx.company.search(head))):
        return None
    who = m["outlet"]
    return Found(T.MEDIA_COVERAGE, {"publication": key(who)}, f"Coverage in {who}", m.start(),
                 relational=True, stakeholders=(who,))


_PLACE = re.compile(r"\b(?:Square|Street|St|Station|Airport|Office|Building|Hotel|Park|Center"
                    r"|Centre|Hall|Tower|Plaza|Avenue|Ave)\b")
_PLACE_AFTER = re.compile(r"\s+(?i:office|offices|building|hq|headquarters|booth|party|event"
                          r"|meetup|conference|lobby|kitchen|slack|discord)\b")
# the named outlets of lexicon.OUTLET, without its generic words ("post", "news", "daily")
_KNOWN_OUTLET = re.compile(OUTLET.pattern.replace(
    r"|podcast|newsletter|magazine|journal|times|post|daily|weekly|news)\b", r")\b")
    + r"|\b(?:axios|sifted|morning brew|stratechery|the information|tldr|console|infoq"
    r"|the new stack|hacker news|product hunt)\b")


# --- vetoes ------------------------------------------------------------------------------------
# "Goal for Q2: ...", "Target: ...", "OKR: ...": what is aimed for, not done
GOAL_LABEL = re.compile(r"^\W{0,6}(?:(?:q[1-4]|h[12]|\d{4}|next (?:quarter|month|year)|our"
                        r"|the|main|big|stretch)\s+)?(?:goals?|targets?|okrs?|objectives?|aims?"
                        r"|plans?|todo|to-do|next steps?|wishlist|roadmap)\b[^:\n]{0,30}:",
                        re.IGNORECASE)
# "the race to the top of the leaderboard begins": still to run
RACE = re.compile(r"(?i)\brace (?:to|for) the top\b|\b(?:begins|starts)\W*$")
# a member's measure of their own code: "my version is 170x faster", "I benchmarked my parser"
OWN_CODE = re.compile(r"\bmy (?:own )?(?:version|package|library|lib|implementation"
                      r"|fork|port|branch|pr|patch|crate|gem|plugin|module|script|parser"
                      r"|solver|code|toy|hobby project)\b"
                      r"|\bmy (?:\w+ )?(?:gpu|cpu|rig|setup|hardware|computer|pc|phone)\b"
                      r"|\bi (?:benchmarked|measured|timed"
                      r"|profiled)\b|\bon my (?:laptop|machine|box|desktop|pc|mac)\b"
                      r"|\bdataset i use\b", re.IGNORECASE)

# "uses 10x less memory than Electron", "3x faster than Redis": a product's claim against a
# named rival, not a change we measured (our own past is no rival: "than v1", "than before")
THAN_RIVAL = re.compile(r"\b(?i:less|fewer|faster|cheaper|smaller|lighter|quicker)\b[^.;]{0,30}?"
                        r"\b(?i:than)\s+(?!(?i:before|previously|last|the|our|we|it|v\d|version"
                        r"|in|a|an|yesterday|earlier|ever)\b)[A-Z][\w.+-]*"
                        r"|\b(?i:boost|increase|gain|improvement|uplift)\s+(?i:over)\s+"
                        r"(?:the\s+)?(?!(?i:previous|last|old|current|original|prior)\b)"
                        r"[A-Z][\w.+-]*")

# "the new plan is 50% cheaper for startups": what customers pay
PRICE_CUT = re.compile(r"(?i)\b(?:plans?|pricing|prices?|subscriptions?|tiers?|seats?)\b"
                       r"[^.;]{0,40}?\bcheaper\b|\bcheaper\b[^.;]{0,30}?\b(?:plans?|pricing"
                       r"|subscriptions?|tiers?)\b")


def veto(found: Found, clause: str, sentence: str) -> str | None:
    """Why a coverage or technical reading is no result of ours, or None."""
    if found.event_type not in (T.MEDIA_COVERAGE, T.TECHNICAL_ACHIEVEMENT) or found.negative:
        return None
    if GOAL_LABEL.match(sentence):
        return "a goal or target, not a result"
    if RACE.search(sentence):
        return "a race still to run"
    if found.event_type is T.MEDIA_COVERAGE:
        work = WORK_ITEM.search(sentence.lower())
        if work:
            return f"a work item, not press ({work.group()})"
        top = TOP_OF.search(sentence.lower())
        theirs = _THEIR_POST.search(sentence.lower(), 0, top.start()) if top else None
        if theirs and "our " not in theirs.group():
            return f"someone else's post ({theirs.group()})"
    if found.event_type is T.TECHNICAL_ACHIEVEMENT:
        own = OWN_CODE.search(sentence)
        if own:
            return f"a member's measure of their own code ({own.group()})"
        rival = THAN_RIVAL.search(sentence)
        if rival:
            return f"a claim against another product ({rival.group()})"
        if PRICE_CUT.search(sentence):
            return "a price for customers, not a system's result"
    return None
