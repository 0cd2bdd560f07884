"""Periodic updates' routine numbers and minor releases, which only look like milestones and
launches.

A founder's or a company's monthly update states numbers every month. LABELLING.md counts "a
revenue or user metric crossing a milestone or setting a record", and not "operational numbers
that are not milestones". ``veto`` turns away, whichever detector read them:

- a period's new members with a running total and no milestone word: "368 users have joined
  this month, bringing our total to 10,539", "In Q3, 1,650 new users registered, of which 204
  paid", "Another 686 signups this month brought us to 21,041 users", "we got 40 new signups
  today", "our userbase numbers 16,683 members, up 580 from last month" (and a deal reader's
  "Signed 75 new customers" told with its running total);
- a report's total for its period: "The total gross revenue during this period was $16,486";
- a money delta against an earlier period: "a $734 increase in monthly revenue compared to Q2";
- a minor item made available: an OS image or a distribution's version ("FreeBSD 13 is now
  available", "the NetBSD image is now available"), an API of one sub-service ("A new GraphQL
  API for meta.sr.ht is now available"), a requested feature ("a much asked-for feature is now
  available: a dark theme!"), small improvements or fixes shipped, a service "available again",
  a generic change rolled out ("before the update rolled out"), a report released ("we released
  our annual financial report");
- a lesson called a case study ("a good case study in the value of good monitoring");
- an organisation that "has moved on" (no person departing: "Bell Labs has moved on").

``mark_crossed`` reads the milestone these updates state by its mark: "we reached the big
10,000 user mark", "Acme crossed the 1,000-customer mark", "passed the 50k subscribers mark".

What still passes, in the same registers: a round figure crossed ("we reached the big 10,000
user mark", "passed 1,000 paying customers"), a record ("best month ever"), a first ("paying
users above 10% for the first time"), a named product launched.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found
from signalpipe.models import EventType

T = EventType

_COUNTED = frozenset({T.USER_GROWTH, T.REVENUE_MILESTONE})

# What makes a number news rather than routine: a record, a first, a mark crossed.
_MILESTONE = re.compile(r"\b(?:record|all[- ]time|best|biggest|highest|largest|milestone|mark"
                        r"|first|crossed|surpassed|passed|topped|broke|breaking|doubled"
                        r"|tripled|ever)\b")
# A figure crossed as a round number: "hit 10,000 users", "past 1,000 paying customers".
_ROUND_CROSSED = re.compile(r"\b(?:hit|reached|over|past|beyond|exceeded|above)\s+(?:the\s+)?"
                            r"(?:\$|€|£)?[1-9]\d?(?:,000)+\b|\b(?:hit|reached|over|past|beyond"
                            r"|exceeded|above)\s+(?:\$|€|£)?[1-9]\d?\s?[km]\b")
# Who arrives in a period: members, users, sign-ups, customers, subscribers.
_MEMBERS = (r"(?:users?|members?|sign-?ups?|signups|accounts?|customers?"
            r"|subscribers?|faces|people|hackers)")
# Arrivals by their words: new members, or sign-ups (new by what they are).
_NEW = r"(?:new|fresh|more)\s+" + _MEMBERS + r"|sign-?ups?|signups|registrations"
# A count of arrivals tied to its period: "368 users have joined this month", "In Q3, 1,650
# new users registered", "we got 40 new signups today", "630 are new this month".
_PERIOD = (r"(?:this|last|the past|the previous)\s+(?:month|week|quarter|year)|today|yesterday"
           r"|in\s+q[1-4]|since\s+(?:our|the|my)\s+last\s+(?:update|post|report)"
           r"|per\s+(?:day|week|month)|a\s+(?:day|week|month)")
_ARRIVALS = re.compile(r"\b\d[\d,]*\s+(?:" + _NEW + r")\b[^.;]{0,60}?\b(?:" + _PERIOD
                       + r")\b|\b\d[\d,]*\s+" + _MEMBERS + r"\s+(?:have\s+|has\s+)?(?:joined"
                       + r"|registered|signed\s+up)\b|\b(?:" + _PERIOD + r")\b,?[^.;]{0,40}?\b"
                       + r"\d[\d,]*\s+(?:" + _NEW + r")\b|\b\d[\d,]*\s+are\s+new\b")
# A running total beside the period's count: "bringing our total to 10,539", "brought us to
# 21,041 users", "up 580 from last month", "some 442 greater than".
_RUNNING = re.compile(r"\bbring(?:ing|s)?\s+(?:us|our)\b[^.;]{0,40}?\bto\b|\bbrought\s+us"
                      r"\s+to\b|\b(?:has|have)\s+brought\s+us\s+to\b|\bup\s+\d[\d,]*\s+from"
                      r"\s+last\b|\b\d[\d,]*\s+greater\s+than\b|\bof\s+which\s+\d[\d,]*\b"
                      r"|\bjoined\s+by\s+(?:another\s+)?\d[\d,]*\b|\bwelcome\s+\d[\d,]*\s+new\b")
# A report's total for its period: "The total gross revenue during this period was $16,486".
_PERIOD_TOTAL = re.compile(r"\b(?:total|gross|net)\s+(?:gross\s+|net\s+)?(?:revenue|income"
                           r"|sales|receipts)\s+(?:during|for|in|over)\s+(?:this|the)\s+"
                           r"(?:period|quarter|month)\b")
# Growth stated after a period's total keeps it news: "when compared to this, we've shown ~185%
# growth"; a fall beside it does not ("a 30% decrease from last quarter").
_GROWN = re.compile(r"\d+(?:\.\d+)?\s?%\s+(?:growth|increase|higher|up)\b|\b(?:grew|grown|up)\s+"
                    r"(?:by\s+)?~?\d+(?:\.\d+)?\s?%")
_FELL = re.compile(r"\b(?:decrease|decline|drop|fell|fall|down|lower|less)\b")
# A money delta against an earlier period: "a $734 increase in monthly revenue compared to Q2".
_DELTA = re.compile(r"(?:\$|€|£)\s?\d[\d,.]*\s?k?\s+(?:increase|decrease|rise|drop|gain)\s+in"
                    r"\s+(?:\w+\s+){0,2}?(?:revenue|income|sales|mrr|arr)\s+(?:compared\s+"
                    r"(?:to|with)|over|from|versus|vs\.?)\b")

# Minor items a periodic update lists as available: an OS image or a distribution's version,
# an API of one sub-service, a requested feature, small improvements, a service back.
_AVAILABLE = re.compile(r"\b(?:now\s+|is\s+|are\s+)?(?:available|shipped|live|landed|rolled"
                        r"\s+out)\b")
_OS_IMAGE = re.compile(r"\b(?:free|net|open)bsd|\b(?:debian|ubuntu|fedora|alpine|centos|rocky"
                       r"\s+linux|alma\s?linux|arch\s+linux|nixos|guix|9front)\b[^.;]{0,25}?"
                       r"(?:\bimages?\b|\b\d+(?:\.\d+)?\b)|\b(?:build|os|vm|base)\s+images?\b")
# An API of one sub-service: "A new GraphQL API for meta.sr.ht", "builds.sr.ht saw the initial
# release of its GraphQL API" (a service named by its subdomain is part of a product, not one).
_SUB_API = re.compile(r"\bapi\s+(?:for|of)\s+[a-z0-9-]+\.[a-z0-9.-]+\b|\b[a-z0-9-]+\.[a-z0-9-]+"
                      r"\.[a-z]{2,}\b[^.;]{0,50}?\b(?:its|an?|the)\s+\[?(?:\w+\s+)?api\b")
_MINOR = re.compile(r"\b(?:much|long|highly|often|oft|frequently)[- ](?:asked|requested)"
                    r"(?:[- ]for)?\s+feature\b|\bdark\s+(?:theme|mode)\b|\b(?:small|minor"
                    r"|various|several|some|a\s+few|a\s+number\s+of)\s+(?:\w+\s+)?(?:improvements"
                    r"|fixes|tweaks|refinements|enhancements)\b|\bavailable\s+again\b"
                    r"|\b(?:back\s+up|live|working)\s+again\b")

# A generic change rolled out, or a report released: "before the update rolled out", "this
# month we released our annual financial report" (what shipped is no product).
_GENERIC = re.compile(r"\b(?:the|this|that|an?|our)\s+(?:\w+\s+)?(?:update|change|fix|patch"
                      r"|migration|upgrade|maintenance)\s+(?:has\s+|had\s+|was\s+)?(?:rolled"
                      r"\s+out|shipped|landed|went\s+live|released)\b|\b(?:released?|published?)"
                      r"\s+(?:our|the|its|an?)\s+\[?(?:\w+\s+){0,2}(?:report|statement|recap"
                      r"|review|survey|newsletter|roadmap)s?\b")
# A lesson called a case study: "a good case study in the value of good monitoring".
_LESSON = re.compile(r"\bcase\s+study\s+(?:in|on)\s+(?:the\s+)?(?:value|importance|cost|need|how"
                     r"|why|what)\b")
# An organisation that moved on: "Bell Labs has moved on" (a person departing has a name).
_ORG_MOVED = re.compile(r"\b(?:labs?|inc|corp|ltd|llc|gmbh|foundation|group|project|team"
                        r"|industry|world|internet|community)\s+(?:has|have)\s+moved\s+on\b")


def routine_count(sentence: str, after: str = "") -> str | None:
    """Why a user or revenue figure in ``sentence`` is a periodic update's routine number, or
    None: a period's arrivals with a running total, a report's period total, a delta. A record,
    a first or a round figure crossed keeps it news, and so does a period's total whose growth
    the text ``after`` it states."""
    low = sentence.lower()
    if _MILESTONE.search(low) or _ROUND_CROSSED.search(low):
        return None
    if _PERIOD_TOTAL.search(low):
        later = after.lower()
        if _GROWN.search(later) and not _FELL.search(later):
            return None
        return "a report's total for its period, not a milestone"
    if _DELTA.search(low):
        return "a change against an earlier period, not a milestone"
    if _ARRIVALS.search(low) or _RUNNING.search(low):
        return "a period's new members and running total, not a milestone"
    return None


def minor_release(clause: str, sentence: str = "") -> str | None:
    """Why a launch reading of ``clause`` (in ``sentence``) is a minor item made available, or
    None."""
    low = clause.lower()
    if _SUB_API.search(sentence.lower() or low):
        return "an API of one sub-service, not a product launch"
    if _GENERIC.search(low):
        return "a change rolled out or a report released, not a product launch"
    if not _AVAILABLE.search(low) and "improvement" not in low:
        return None
    if _MINOR.search(low):
        return "a minor feature or fix shipped, not a product launch"
    if _OS_IMAGE.search(low):
        return "an operating system image made available, not our product launched"
    return None


def veto(found: Found, clause: str, sentence: str, page: str = "", end: int = 0) -> str | None:
    """Why ``found``, read in ``clause`` of ``sentence`` (which ends at ``end`` of ``page``), is
    routine rather than news, or None."""
    if found.negative:
        if found.event_type is T.HIRING and _ORG_MOVED.search(sentence.lower()):
            return "an organisation moved on, no person departing"
        return None
    if found.event_type in _COUNTED:
        return routine_count(sentence, page[end:end + 400])
    if found.event_type is T.ENTERPRISE_DEAL and _RUNNING.search(sentence.lower()):
        # "We signed up 75 new customers last month, bringing our total to 2,114": a count of
        # customers with its running total is the month's tally, no one deal
        return routine_count(sentence)
    if found.event_type is T.PRODUCT_LAUNCH:
        return minor_release(clause, sentence)
    if found.event_type is T.CUSTOMER_SUCCESS and _LESSON.search(sentence.lower()):
        return "a lesson called a case study, not a customer's story"
    return None


# A count crossed, told by its mark: "reached the big 10,000 user mark".
_MARK = re.compile(r"\b(?:reached|reach|hit|passed|crossed|surpassed|topped|broke|past|beyond"
                   r"|over)\s+(?:the\s+)?(?:(?:big|magic|symbolic|important)\s+)?(?P<n>\d[\d,]*"
                   r"(?:\.\d+)?\s?[km]?)[- ](?P<w>(?:paying\s+|paid\s+|active\s+)?(?:users?"
                   r"|customers?|subscribers?|members?|downloads?|installs?|sign-?ups?|stars?))"
                   r"\s+mark\b")


def mark_crossed(clause: str, low: str, ctx: Context) -> Found | None:
    """A user count crossed, told by its mark: "we reached the big 10,000 user mark"."""
    if " mark" not in low:
        return None
    m = _MARK.search(low)
    if m is None:
        return None
    n = m["n"].replace(" ", "")
    value = float(n.replace(",", "").rstrip("km")) * (1000.0 if n.endswith("k") else
                                                         1e6 if n.endswith("m") else 1.0)
    if value < 100:
        return None  # "the 50 user mark" is a small team's count, not a milestone
    noun = m["w"] if m["w"].endswith("s") else f"{m['w']}s"
    return Found(T.USER_GROWTH, {noun.replace(" ", "_").replace("-", "_"): round(value)},
                 f"Passed {m['n'].strip()} {noun}", m.start())
