"""Long-form posts (press releases, company blogs, founders' monthly updates, news stories): the
sentences that sound like news but restate, look back, plan, teach or describe someone else.

A release or a blog post states its news once, near the top, and then goes on: commentary that
restates it ("This renewed partnership underscores our commitment"), background about the past
("Most recently, in October 2025, we announced ..."; "Some highlights from 2024:" above a list),
a section of goals or plans ("## Goals for next month"), a tutorial's steps ("this post walks
through ...: we launched 3 machines"), figures that describe a market, a survey or the company
itself ("retail sales expanded 8.5%", "trusted by over 10,000 teams"), and other parties' news
("Globex, one of our customers, closed a Series B"; a long wire story that never names us).
Money that others raised or that the company gives away is no round of ours, a price multiple
is no growth, and a vendor engaged or a cause supported is no partnership. Each family is a
phrasing, checked only where a detector has already found a reading.
"""

from __future__ import annotations

import re
from datetime import datetime

from signalpipe.extract.rules import wire
from signalpipe.extract.rules.coverage import already_done
from signalpipe.extract.rules.found import Found
from signalpipe.extract.rules.reach import entered_market
from signalpipe.extract.rules.text import Span
from signalpipe.models import EventType

# "This renewed partnership underscores ...", "The agreement will see ...": a sentence that
# comments on news already told, its subject the news itself.
_COMMENTARY = re.compile(
    r"^\W*(?:this|the|these|today'?s|(?:the|this) (?:latest|new|renewed|expanded|multi-year|"
    r"strategic))\s(?:[\w-]+\s){0,2}?(?:partnerships?|agreements?|deals?|collaborations?"
    r"|alliances?|relationships?|investments?|announcements?|acquisitions?|expansions?"
    r"|milestones?|renewals?|integrations?|initiatives?|programs?|programmes?|news|move|launch"
    r"|appointments?|additions?|recognitions?|awards?|contracts?)\b"
    r"(?: (?:with|between|of|for|from|by) (?:the )?(?-i:[A-Z][\w&.'-]*(?: (?:and |& )?[A-Z]"
    r"[\w&.'-]*){0,4}))?(?:,[^.;]{1,120}?,)? ?(?:also |further "
    r"|clearly )?\b(?:underscores?|reflects?|demonstrates?|highlights?|marks?|represents?"
    r"|reinforces?|builds? (?:on|upon)|signals?|is (?:a )?testament|comes? (?:as|after|amid)"
    r"|follows?|continues?|extends?|strengthens?|deepens?|aligns?|is (?:expected|designed|"
    r"intended) to|aims? to|will (?:see|allow|enable|help|bring|give|provide|support|further"
    r"|expand|accelerate))\b", re.IGNORECASE)

# Figures of a market, an economy or a survey: "retail sales expanded 8.5%", "62% of
# respondents", "more analytics tools now advertise 'EU hosting'".
_MARKET = re.compile(
    r"\b(?:retail sales|industrial output|consumer (?:spending|prices|confidence)|gdp"
    r"|inflation|unemployment|the (?:global |overall |wider |whole |broader )?(?:\w+ )?"
    r"(?:market|industry|sector|economy)(?! (?:share|leader))|respondents|surveyed|(?:a|the|our)"
    r" (?:recent |new |annual )?(?:survey|poll|study)|(?:most|many|more|half|a third|a quarter"
    r"|\d+ ?%|\d+ percent) of (?:all )?(?:respondents|companies|developers|teams|businesses"
    r"|organi[sz]ations|enterprises|ceos|consumers|americans|adults|shoppers|firms)"
    r"|according to (?:a |the )?(?:new |recent )?(?:report|survey|study|research|analysts?|data)"
    r"|analysts (?:expect|say|estimate)|industry-wide|nationwide|more (?:and more )?(?:\w+ )?"
    r"(?:tools|companies|vendors|startups|apps|products|platforms|teams) (?:now )?(?:\w+ )?)",
    re.IGNORECASE)
_OURS = re.compile(r"\b(?:we|our|us|i|my)\b", re.IGNORECASE)
_MARKET_TYPES = frozenset({EventType.REVENUE_MILESTONE, EventType.USER_GROWTH,
                           EventType.MARKET_EXPANSION})

# A figure that describes what a company is rather than what happened: "Leveraging the power of
# a community of more than 3,000 contributors", "Acme, trusted by over 10,000 teams,", "Somatus,
# which serves more than 20,000 patients". A milestone is told with a verb of reaching.
_DESCRIBED = re.compile(
    r"^\W*(?:leveraging|backed by|trusted by|used by|relied (?:up)?on by|loved by|serving|home to"
    r"|powered by)\b|\b(?:trusted|used|relied (?:up)?on|loved|chosen) (?:daily |every day )?by"
    r" (?:more than|over|nearly|some|\d)|, (?:which|that|who) (?:now |already |currently )?"
    r"(?:serves?|powers?|supports?|is used by|is trusted by|counts?|employs?)\b", re.IGNORECASE)
_FIGURE = re.compile(r"[$\u20ac\u00a3]?\d")
_SCALE_TYPES = frozenset({EventType.USER_GROWTH, EventType.REVENUE_MILESTONE})

# Money that is not our round: raised by others, given away, or invested by the company.
_NOT_OUR_ROUND = re.compile(
    r"\b(?:(?:collectively |jointly )?raised by (?!us\b|our\b|the company\b)|philanthropic"
    r"|donat(?:e|ed|ion|ions)|charitable|contributions? to|to give (?:to|away)|for charity"
    r"|in (?:private |capital |new )?"
    r"investments? (?:from|by) (?!investors?\b|vcs?\b|a\b)|(?:we|it|the company) (?:is |are )?"
    r"invest(?:s|ed|ing)? (?:more than |over |nearly |about )?\$)", re.IGNORECASE)

# Phrasings that make one type's reading something else: work rolled out over past months is a
# summary, not a launch; a benchmark's chart is a test, not a result shipped to production; "I
# will purchase" is a plan, however an acquisition's headline wording tolerates "to acquire".
_KIND_VETOES: dict[EventType, tuple[re.Pattern[str], str]] = {
    EventType.PRODUCT_LAUNCH: (re.compile(
        r"\b(?:over|in|during) the (?:past|last) (?:few |several |couple of |\w+ )?(?:months"
        r"|years|quarters)\b|\bavailable\b[^.;]{0,80}?\bin (?:over |more than |nearly )?\d+ "
        r"(?:countries|markets|regions|cities|languages)\b|\bavailable in (?:english|french"
        r"|german|spanish|italian|portuguese|japanese|chinese|korean)\b", re.IGNORECASE),
        "a summary of past months or where it is available"),
    EventType.TECHNICAL_ACHIEVEMENT: (re.compile(
        r"\b(?:the (?:chart|graph|table|figure|plot)s? (?:below|above)|benchmarks?,? (?:test"
        r"|testing|run|ran|measur)|in (?:our|these|the) (?:\w+ )?benchmarks?|benchmark (?:setup"
        r"|suite|harness))\b", re.IGNORECASE), "a benchmark, not a result in production"),
    # "we partnered with Vanta for automated security monitoring": a vendor engaged; "partnered
    # with the Wildlife Habitat Council to restore green spaces": giving, not a business tie
    EventType.PARTNERSHIP: (re.compile(
        r"\b(?:partnered|teamed up|worked) with [^.;]{1,60}? (?:for|to (?:handle|run|automate"
        r"|manage|get|help us (?:with|get|achieve|pass)))\b (?:[\w-]+ ){0,3}?(?:monitoring"
        r"|compliance|audits?|payroll|accounting|bookkeeping|hosting|pen(?:etration)? tests?"
        r"|recruiting|legal|soc ?2|iso ?27001)\b|\bto (?:support|help|restore|plant|feed|house"
        r"|clean) (?:[\w-]+ ){0,4}?(?:efforts|communit\w+|nonprofits?|charit\w+|families"
        r"|neighbou?rhoods?|green spaces|trees|habitats?|wildlife|students|veterans|relief)\b",
        re.IGNORECASE), "a vendor engaged or a cause supported"),
    EventType.OTHER: (re.compile(
        r"\b(?:i|we)(?:'ll| will| plan to| want to| hope to| intend to| am going to| are going"
        r" to)\b", re.IGNORECASE), "a purchase planned"),
}

# Headings above a section of plans or of background: what it says is not this period's news.
_HEADING = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+(.+)|\*\*([^*\n]{2,80})\*\*:?[ \t]*)$")
_PLAN_HEADING = re.compile(
    r"\b(?:goals? for (?:next|the (?:next|coming)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
    r"|nov|dec)\w*(?! (?:recap|review|results?)))|next (?:month|quarter|year|steps)"
    r"|what'?s next|up next|coming up|looking ahead|looking forward|roadmap"
    r"|(?<!paid )(?<!pro )(?<!free )(?<!premium )(?<!team )(?<!pricing )plans? for"
    r"|(?:future|upcoming) (?:plans|work|goals)|wish ?list|to-?do)\b", re.IGNORECASE)
_PAST_HEADING = re.compile(
    r"\b(?:background|history|our story|how (?:we|it) (?:got|started)|refresher"
    r"|recap of (?:last|the past) (?:year|years)|(?:year|years|(?:19|20)\d\d) in review)\b",
    re.IGNORECASE)

# A sentence that opens on the past: "When we launched in 2019, ...", "Most recently, in
# October 2025, ...", "Since the release of GitLab 9.0 in March 2017, ...".
_LOOKING_BACK = re.compile(
    r"^\W*(?:when (?:we|i|the company) (?:first )?(?:launched|started|founded|began|raised"
    r"|released|opened)|back when|in the early days|since (?:the |our |its )?(?:launch|release"
    r"|founding|inception|debut|listing)\b|since (?:we |i )?(?:listed|launched|launching"
    r"|opened|started)\b|(?:most recently|previously|earlier),? in\b"
    r"|in previous years|over the (?:past|last) (?:\w+ )?(?:decade|years))", re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE = re.compile(r"\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? "
                   r"(?:\d{1,2},? )?)?((?:19|20)\d\d)\b", re.IGNORECASE)
_STALE_MONTHS = 4  # a date this far before the message is background, not the period's news
# A list's intro line that dates the items below it: "Some highlights from 2024:", "Last year:"
_LIST_INTRO = re.compile(r"\b(?:highlights?|recap|review|look(?:ing)? back|last year|in (?:19|20)"
                         r"\d\d|from (?:19|20)\d\d)\b[^\n]*:[ \t]*$", re.IGNORECASE)
_ITEM = re.compile(r"[ \t]*(?:[-*\u2022+]|\d{1,2}[.)])[ \t]")


def veto(found: Found, clause: str, text: str, sentence: Span, sent: datetime | None
         ) -> str | None:
    """Why a reading in a long-form post is no event of this period, or None."""
    head = clause[:found.trigger]
    # a sector entered names its market: "Acme enters the healthcare market" is the news
    if found.event_type in _MARKET_TYPES and "sector" not in found.metrics and (
            _MARKET.search(head) or (_MARKET.search(clause) and not _OURS.search(clause))) \
            and not entered_market(found, clause):
        return "figures of a market or a survey"  # "retail sales missed forecasts" is no loss
    if found.event_type in _SCALE_TYPES:
        reason = _not_our_figure(found, clause, sentence.text)
        if reason:
            return reason
    if found.negative:
        return None  # lowlights are read by their own rules; the families below are claims
    return _claim_veto(found, clause, text, sentence, sent)


def _claim_veto(found: Found, clause: str, text: str, sentence: Span, sent: datetime | None
                ) -> str | None:
    """Why a positive reading restates, looks back, teaches, describes or is someone else's."""
    head = clause[:found.trigger]
    at = max(sentence.text.find(clause), 0) + found.trigger  # the trigger, in the sentence
    said = _COMMENTARY.search(sentence.text)
    if said is not None and at < said.end():
        # "This renewed partnership underscores ...": the news is the subject of a comment;
        # "This milestone marks our 1,000th customer" still tells it, after the comment's verb
        return "commentary restating the news"
    figure = _FIGURE.search(clause)
    if found.event_type in _SCALE_TYPES and _DESCRIBED.search(
            clause[:max(found.trigger, figure.start() if figure else 0)]):
        return "a description of the company's scale"
    if found.event_type is EventType.FUNDING and _NOT_OUR_ROUND.search(sentence.text):
        return "money not raised by us"
    if _LOOKING_BACK.search(sentence.text) or (_stale(head, sent)
                                               and _stale(wire.undated(head), sent)
                                               and not wire.measured_since(found, head)):
        return "background about the past"
    if not found.relational and _THEIR_NEWS.search(sentence.text, 0, at):
        return "a customer's or partner's own news"
    if found.event_type in _HOWTO_TYPES and _HOWTO.search(sentence.text):
        return "a tutorial's step, not news"
    if found.event_type is EventType.PRODUCT_LAUNCH and _introduced_person(sentence.text, text):
        return "a person introduced, not a product"
    kind = _KIND_VETOES.get(found.event_type)
    if kind is not None and kind[0].search(sentence.text):
        return kind[1]
    if already_done(clause):
        return None  # "## What's next? I've already rejected a $500k offer": done, not planned
    return _section(text, sentence.start, sent)


# "our distributor doubled their sales": someone else's figures, by the possessive.
_THEIRS = re.compile(r"\b(?:their|his|her) (?:own )?(?:\w+ )?(?:sales|revenues?|earnings|profits?"
                     r"|mrr|arr|users|customers|subscribers)\b", re.IGNORECASE)
# "The offer was 0.9x TinyPilot's earnings", "sold at 10x ARR": a multiple prices the company.
_MULTIPLE = re.compile(r"\b\d+(?:\.\d+)?x (?:(?:the |its |their |(?!(?:last |this |next )?(?:year"
                       r"|month|quarter|week))[\w-]+(?:'s|\u2019s) )?(?:annual |trailing |yearly "
                       r"|forward )?(?:earnings|revenues?|arr|ebitda|profits?|sales|sde)\b)",
                       re.IGNORECASE)
_PRICED = re.compile(r"\b(?:offers?|valuation|valued|price[ds]?|sold|sale|acquir\w+|buyers?"
                     r"|bought|multiples?|worth)\b", re.IGNORECASE)
# A profit down by choice or by a one-off: "profit is down because I'm investing heavily in
# inventory", "profits are lower because my dev costs were atypically high".
_CHOSEN_DIP = re.compile(
    r"\b(?:because (?:i'?m|we'?re|i am|we are|of) (?:\w+ )?(?:investing|spending|stocking"
    r"|building|hiring)|(?:atypically|unusually|temporarily) high|one-(?:off|time) (?:costs?"
    r"|expenses?|charges?|purchases?))", re.IGNORECASE)
_PROFIT = re.compile(r"\b(?:profits?|cash|margins?|earnings|net income)\b", re.IGNORECASE)


def _not_our_figure(found: Found, clause: str, sentence: str) -> str | None:
    """A revenue or user figure that is someone else's, a price multiple, or a dip chosen."""
    if _THEIRS.search(clause):
        return "someone else's figures"
    if _MULTIPLE.search(sentence) and _PRICED.search(sentence):
        return "a price multiple, not growth"
    if found.negative and _PROFIT.search(sentence) and _CHOSEN_DIP.search(sentence):
        return "a dip by choice or a one-off"
    return None


# A story told in the third person, by a reporter or a wire.
_REPORTED = re.compile(r"\b(?:announced|said|says|according to|told|reported|reports)\b"
                       r"|/PRNewswire/|NEWSWIRE|BUSINESS WIRE|ACCESSWIRE|\(Reuters\)")
# The writer speaks as the company; "US" (a country) and "the company" (a reporter's) do not.
_SPEAKS = re.compile(r"\b(?:[Ww]e|[Ww]e're|[Ww]e've|[Oo]ur|[Oo]urs|us|I|I'm|I've|[Mm]y)\b")
_LONG = 800  # characters: a story, a release or a post, not a line of chat or a short email


def never_named(subject: str, text: str, company: re.Pattern[str] | None) -> str | None:
    """A long story that never names the company nor speaks as it (we, our, I) is about someone
    else: "aptihealth Raises $50 Million Series B" in the feed of another company."""
    if company is None or len(text) < _LONG:
        return None
    if company.search(subject) or company.search(text) or _SPEAKS.search(text):
        return None
    if not _REPORTED.search(text):
        return None  # a changelog or a product page speaks for its maker without naming it
    return "a story about another company (ours is never named)"


# "Globex, one of our customers, closed a $30M Series B": the customer acts, for itself.
_THEIR_NEWS = re.compile(r"\b[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3},? (?:one of |a |an )?(?:our"
                         r"|[A-Z][\w&-]*(?:'s|\u2019s)) (?:\w+ )?(?:customers?|clients?|partners?"
                         r"|investors?|users?"
                         r"|friends|portfolio compan\w+|resellers?|distributors?|suppliers?"
                         r"|vendors?),")
# A tutorial or a walkthrough tells steps, not news: "This post walks through deploying to
# Fly.io: we launched 3 machines", "Step 3: launch the app", "we launched 2 instances".
_HOWTO = re.compile(
    r"\b(?:in this (?:post|guide|tutorial|walkthrough|article|example)|this (?:post|guide"
    r"|tutorial|walkthrough|article|example) (?:walks|shows|explains|covers|describes|will)"
    r"|step \d+:|let'?s (?:launch|deploy|create|build|start|spin)|how to\b|tutorial:"
    r"|launch(?:ed|es|ing)? (?:\d+|a|an|two|three|four|five|several|new) (?:new |more |extra )?"
    r"(?:machines?(?! learning)|instances?|servers?|containers?|vms?|pods?|nodes?|clusters?"
    r"|workers?|processes|browsers?|tasks?|ec2))\b", re.IGNORECASE)
_HOWTO_TYPES = frozenset({EventType.PRODUCT_LAUNCH, EventType.TECHNICAL_ACHIEVEMENT,
                          EventType.USER_GROWTH})

# "Introducing Logan Anderson!", "Meet Priya Raman": a first and last name introduced.
_NAME_INTRO = re.compile(r"^\W*(?:introducing|meet|welcome|say hello to)\s+([A-Z][a-z]{1,15})"
                         r" [A-Z][a-z]{1,20}\W*$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)


def _introduced_person(line: str, text: str) -> bool:
    """The post introduces a person, whom its body goes on to call he or she."""
    m = _NAME_INTRO.match(line)
    if m is None or not m.group(1)[0].isupper():
        return False
    first = m.group(1)
    body = text[:2000]
    at = body.find(first, m.end() if body.startswith(line) else 0)
    return at >= 0 and _PRONOUN.search(body, at, at + 600) is not None


def commentary(sentence: str) -> bool:
    """The sentence comments on news its message tells elsewhere ("This renewed partnership
    underscores ..."): the reader drops it only beside another reading, as alone it may be the
    one telling there is."""
    return _COMMENTARY.search(sentence) is not None


def _stale(head: str, sent: datetime | None) -> bool:
    """The words before the trigger date it months before the message was sent."""
    if sent is None or ("19" not in head and "20" not in head):
        return False
    for m in _DATE.finditer(head):
        year = int(m.group(2))
        if m.group(1) is None:
            continue  # "in 2022, we were awarded ...": a year alone may be a yearly post's news
        month = _MONTHS.index(m.group(1)[:3].lower()) + 1
        if (sent.year - year) * 12 + sent.month - month >= _STALE_MONTHS:
            return True
    return False


def _past_year(line: str, sent: datetime | None) -> bool:
    """The line names last year or a year before the message's."""
    if "last year" in line.lower():
        return True
    return sent is not None and any(int(m.group(2)) < sent.year for m in _DATE.finditer(line))


def _section(text: str, start: int, sent: datetime | None) -> str | None:
    """The heading or list intro above ``start`` makes what follows a plan or background."""
    if "#" not in text and "**" not in text and ":" not in text:
        return None
    heading = _last_heading(text, start)
    if heading is not None:
        title = heading.group(1) or heading.group(2) or ""
        if _PLAN_HEADING.search(title):
            return f"a section of plans ({title.strip()[:40]})"
        if _PAST_HEADING.search(title):
            return f"a section of background ({title.strip()[:40]})"
    line_start = text.rfind("\n", 0, start) + 1
    if not _ITEM.match(text, line_start):
        return None
    intro = _list_intro(text, line_start)
    if intro and _LIST_INTRO.search(intro) and _past_year(intro, sent):
        return f"a list of past highlights ({intro.strip()[:40]})"
    return None


def _last_heading(text: str, start: int) -> re.Match[str] | None:
    """The nearest heading above ``start`` (searched back in steps: posts run long)."""
    at = start
    while at > 0:
        lo = max(0, at - 2000)
        found = list(_HEADING.finditer(text, lo, start))
        if found:
            return found[-1]
        at = lo
    return None


def _list_intro(text: str, line_start: int) -> str:
    """The last line above a list that is not one of its items."""
    end = line_start - 1
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end]
        if line.strip() and not _ITEM.match(line):
            return line
        end = begin - 1
    return ""
