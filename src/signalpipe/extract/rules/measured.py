"""Technical results as engineers and founders tell them, in the words ``growth.technical`` has
no figure or no metric for.

Each reading is a phrasing family, written alike in a founder's update, a team's Slack, a
release note and a community announcement (tests/unit/test_rules_recognition.py holds the
hand-written variants and the look-alikes):

- **Less of a resource** (technical_achievement): "most games use 50% less RAM", "reduced the
  size of our tracking script by more than 50%", "cuts RAM usage by about 500MB", "memory use is
  down 40% since v2.3 rolled out". Look-alikes: a library's spec sheet ("uses 10x less memory
  than X" in a feature list is caught by ``tech.not_a_result``), staging and local numbers, a
  member's own code (``recognition.veto``), targets.
- **A figure told in words** (technical_achievement): "p99 halved after the cache rewrite", "we
  cut our cloud bill by a third", "build times cut in half". Look-alikes: "cut the price in
  half" (a price, not a system), plans ("we should halve it").
- **A move done without harm** (technical_achievement): "migrated 40 TB to the new cluster with
  zero downtime", "moved all customers to the new database over the weekend with zero
  downtime". Look-alikes: a move planned or on staging, a small move with no scale told.
- **A benchmark or leaderboard won** (technical_achievement): "our model took first place on the
  MLPerf inference benchmark", "Acme now ranks #1 on the Open LLM leaderboard", "set a new record
  on the TPC-H benchmark", "the best-performing forge in the index". Look-alikes: the race to the
  top still to run, someone else's model, a Product Hunt leaderboard (that is press).
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.lexicon import NOT_PRODUCTION
from signalpipe.extract.rules.names import key
from signalpipe.extract.rules.subject import FIRST_PERSON
from signalpipe.extract.rules.tech import NOT_MEASURED, NOT_SYSTEM
from signalpipe.models import EventType

T = EventType

_RESOURCE = (r"(?:ram|memory|cpu|disk|storage|bandwidth|egress|power|energy|battery drain"
             r"|footprint|binary|bundle|image|download|payload|(?:cloud|aws|gcp|azure|infra"
             r"|infrastructure|hosting|compute|server|database|inference|gpu|storage)"
             r" (?:bill|costs?|spend|fees)|bill|p50|p75|p90|p95|p99|latency|build times?"
             r"|ci times?|deploy times?|test times?|cold starts?|load times?|query times?)")
_USE = r"(?: (?:use|usage|consumption|footprint|size|requirements?))?"
# "use 50% less RAM", "needs ~40% less memory" (lower-cased)
LESS_OF = re.compile(r"\b(?:use|uses|using|used|need|needs|needed|take|takes|took|consume"
                     r"|consumes|consumed|require|requires|required|with)\s+(?:on average\s+)?"
                     r"(?:about |around |roughly |nearly |almost |up to |over |more than |~)?"
                     r"(?P<fig>\d[\d.,]*\s?(?:%|x|mb|gb|kb))\s+(?:less|fewer|lower)\s+"
                     r"(?P<what>" + _RESOURCE + r")")
# "reduced the size of our tracking script by more than 50%", "cuts RAM usage by about 500MB",
# "memory use is down 40%" (lower-cased)
CUT_BY = re.compile(r"\b(?P<verb>reduc\w*|cut|cuts|trimmed|trims|shrank|shrunk|shrinks|lowered"
                    r"|lowers|dropped|drops|slashed|slashes|shaved)\s+(?:the\s+|our\s+|its\s+)?"
                    r"(?P<what>size of (?:the |our |its )?[\w -]{2,30}?|[\w-]+ size|"
                    + _RESOURCE + _USE + r")\s+(?:by\s+)?(?:about |around |roughly |nearly "
                    r"|almost |up to |over |more than |approx\.? |approximately |~)?"
                    r"(?P<fig>\d[\d.,]*\s?(?:%|x|mb|gb|kb)"
                    r"|half|a half|a third|two[- ]thirds|a quarter|three[- ]quarters"
                    r"|an order of magnitude)"
                    r"|\b(?P<what2>" + _RESOURCE + _USE + r")\s+(?:is|are|was|were|went|has"
                    r" been|have been)?\s*(?:down|lower)\s+(?:by\s+)?(?:about |around |nearly "
                    r"|almost |over |more than |~)?(?P<fig2>\d[\d.,]*\s?(?:%|x|mb|gb))")
# "p99 halved", "cut our cloud bill by a third", "build times cut in half" (lower-cased)
SPOKEN = re.compile(r"\b(?P<what>" + _RESOURCE + _USE + r")(?:\s+(?:on|of|for|in) (?:the |our )?"
                    r"[\w -]{1,30}?)?\s+(?:(?:is|are|was|were|has been"
                    r"|have been|got|just)\s+)?(?P<fig>halved|cut in half|dropped by half"
                    r"|fell by half|down by half|down by a third|cut by a third|down by"
                    r" two[- ]thirds|cut by two[- ]thirds|down by an order of magnitude)\b"
                    r"|\b(?:halved|cut|slashed|reduced|lowered)\s+(?:the\s+|our\s+|its\s+)?"
                    r"(?P<what2>" + _RESOURCE + _USE + r")\s+(?P<fig2>in half|by half|by a third"
                    r"|by two[- ]thirds|by a quarter|by three[- ]quarters"
                    r"|by an order of magnitude)?")


def less_of(clause: str, low: str, ctx: Context) -> Found | None:
    """Less memory, size, cost or time told as a figure or in words, in production."""
    m = LESS_OF.search(low) or CUT_BY.search(low) or SPOKEN.search(low)
    if m is None:
        return None
    groups = m.groupdict()
    what = groups.get("what") or groups.get("what2") or ""
    fig = groups.get("fig") or groups.get("fig2")
    if m.re is SPOKEN and fig is None and not low.startswith("halved", m.start()):
        return None  # "cut our cloud bill": no figure, no result
    if m.re is LESS_OF and _THAN.match(low, m.end()):
        return None  # "uses 10x less memory than Electron": a claim against a rival, not a change
    if _not_ours(low, ctx):
        return None
    canon = re.sub(r"[^a-z0-9]+", "_", what.removeprefix("size of ")).strip("_")
    return Found(T.TECHNICAL_ACHIEVEMENT, {f"{canon}_less": key(fig or "half")},
                 _title(clause, m.start()), m.start())


_THAN = re.compile(r"[\w ]{0,20}?\bthan\b")


_OPENER = re.compile(r"(?:but|and|so|also|plus|oh|ok|okay|well|anyway)\b,?\s*", re.IGNORECASE)


def _title(clause: str, at: int) -> str:
    """The clause as a headline: from after a lead-in ending in a colon before the result ("But
    the overall results are clear: SourceHut is the best performing forge"), no opening "but"."""
    colon = clause.rfind(": ", 0, at)
    start = colon + 2 if colon >= 0 else 0
    opener = _OPENER.match(clause, start)
    return said(clause, opener.end() if opener else start)


def _not_ours(low: str, ctx: Context) -> bool:
    """Staging, an expectation, a price cut, someone else's system."""
    whole = ctx.sentence.lower() if len(ctx.sentence) > len(low) else low
    return NOT_PRODUCTION.search(whole) is not None or NOT_MEASURED.search(whole) is not None \
        or NOT_SYSTEM.search(whole) is not None or _PRICE.search(whole) is not None


_PRICE = re.compile(r"\b(?:price|prices|pricing|plans?|subscription|tier)\b")

# --- a move done without harm ------------------------------------------------------------------
MOVED = re.compile(r"\b(?:migrated|moved|cut over|switched|upgraded|re-?platformed|rebuilt"
                   r"|replaced|rolled out|shipped|transferred|rewrote|rewritten|processed|handled"
                   r"|served|survived|absorbed|weathered)\b"
                   r"(?:[^.;!?]|\.(?=\d)){0,100}?"
                   r"\b(?:with|without|and|,)\s+(?:zero|no|any|a single (?:second|minute) of)\s+"
                   r"(?:(?:customer[- ]facing|user[- ]facing|seconds? of|minutes? of)\s+)?"
                   r"(?:downtime|data loss|customer impact|interruption|outage|incidents?)\b"
                   r"|\b(?:migrated|moved|cut over|switched|transferred|processed|handled|served"
                   r"|survived|absorbed|weathered)\b"
                   r"(?:[^.;!?]|\.(?=\d)){0,100}?"
                   r"\bwithout (?:a|any) (?:hiccup|blip|glitch|hitch)s?\b")
# the move has a scale: a size, all of something, production (lower-cased)
SCALE = re.compile(r"\b\d[\d.,]*\s?(?:tb|pb|gb|terabytes?|petabytes?|million|billion|m\b|b\b|k\b)"
                   r"|\b(?:all|every|entire|whole)\s+(?:of\s+)?(?:our\s+|the\s+)?(?:customers?"
                   r"|users?|data|traffic|production|prod|workloads?|databases?|infrastructure"
                   r"|infra|fleet|clusters?|services?|workspaces?|accounts?|tenants?|repos"
                   r"|repositories|sites?|servers?|regions?|rows|records)\b"
                   r"|\b(?:production|prod|peak|black friday|cyber monday|launch[- ]day|spike"
                   r"|hug of death|\d+x (?:our |the )?(?:normal|usual))\b")


def moved_cleanly(clause: str, low: str, ctx: Context) -> Found | None:
    """A migration or cut-over of scale done with zero downtime or data loss."""
    m = MOVED.search(low)
    if m is None or not SCALE.search(low, 0, m.end()) or _not_ours(low, ctx) \
            or _NOT_DONE.search(low, 0, m.start()):
        return None
    what = re.search(r"downtime|data loss|customer impact|interruption|outage|incident|hiccup"
                     r"|blip|glitch|hitch", m.group())
    # "with zero downtime" is the result, not a negation of it; a move not done is checked here
    return Found(T.TECHNICAL_ACHIEVEMENT, {"zero": what.group() if what else "downtime"},
                 _title(clause, m.start()), m.start(), allow=frozenset({"negation"}))


_NOT_DONE = re.compile(r"\b(?:not|never|didn't|did not|haven't|have not|hasn't|failed to"
                       r"|couldn't|could not|won't)\b")


# --- a benchmark or leaderboard won ------------------------------------------------------------
_BOARD = r"(?:benchmarks?|leaderboards?|rankings?|evals?|index|test suite|challenge)"
BENCH = re.compile(r"\b(?:took|won|claimed|earned|grabbed|secured|takes|wins|captured)\s+"
                   r"(?:the\s+)?(?:first place|first|top spot|top place|#1|1st(?: place)?|gold"
                   r"|top score|highest score|top marks|number one|no\.? ?1)\s+(?:on|in|at|of)\s+"
                   r"(?:the\s+)?[\w./ -]{0,40}?" + _BOARD + r"\b"
                   r"|\b(?:ranks?|ranked|ranking|is|are|now|came|comes|placed|finished)\s+"
                   r"(?:#1|number one|first|no\.? ?1|top|1st)\s+(?:on|in|at)\s+(?:the\s+)?"
                   r"[\w./ -]{0,40}?" + _BOARD + r"\b"
                   r"|\bset\s+(?:a\s+)?(?:new\s+)?(?:world\s+|industry\s+)?record\s+(?:on|in|for)"
                   r"\s+(?:the\s+)?[\w./ -]{0,40}?" + _BOARD + r"\b"
                   r"|\b(?:is|was|as|came out as|emerged as)\s+(?:the\s+)?(?:best|fastest)"
                   r"[- ]performing\b|\btop scores?\s+(?:among|on|in)\b")


def benchmark_won(clause: str, low: str, ctx: Context) -> Found | None:
    """Our product or model first on a public benchmark or leaderboard."""
    m = BENCH.search(low)
    if m is None or "product hunt" in low or "race to" in low:
        return None
    head = clause[:m.start()]
    if not (FIRST_PERSON.search(head) or (ctx.company and ctx.company.search(clause))):
        return None  # "Llama took first place": someone else's model
    if re.search(r"(?:'s|\u2019s)\s+(?:\w+\s+)?$", head) and not (
            ctx.company and ctx.company.search(head)) and "our" not in head.lower():
        return None  # "Stripe's model ranks first"
    board = re.sub(r"^\W+|\W+$", "", m.group())[-60:]
    return Found(T.TECHNICAL_ACHIEVEMENT, {"benchmark": key(board)}, _title(clause, m.start()),
                 m.start())


# --- a gain told as performance, times or a figure up ------------------------------------------
_PERF = r"(?:performance|perf|speed|throughput|fps|frame ?rates?|battery life|hit rate|efficiency)"
_NUMBER_WORD = r"(?:twice|two|three|four|five|six|seven|eight|nine|ten|a hundred|\d+(?:\.\d+)?)"
# "up to 87% performance increase", "a 30% speed boost", "battery life is up 40%",
# "page loads are twice as fast", "imports are now ten times faster" (lower-cased)
GAIN = re.compile(r"\b(?:up to |about |around |nearly |almost |over |~)?(?P<fig>\d[\d.]*\s?%)\s+"
                  r"(?:(?:more|higher|better)\s+)?" + _PERF + r"\s+(?:increase|improvement"
                  r"|boost|gain|uplift|bump|jump)s?\b"
                  r"|\b" + _PERF + r"\s+(?:is|are|went|has gone)?\s*up\s+(?:by\s+)?(?:about "
                  r"|nearly |almost |over |~)?(?P<fig2>\d[\d.]*\s?%)"
                  r"|\b(?P<fig3>" + _NUMBER_WORD + r")\s+(?:times\s+)?(?:as fast|as quick"
                  r"|faster|quicker|smaller|cheaper|lighter)\b")
# "load in under a second now, down from 6 seconds" (lower-cased)
DOWN_FROM = re.compile(r"\b(?:loads?|runs?|builds?|finish(?:es)?|completes?|syncs?|starts?"
                       r"|boots?|takes?|renders?|deploys?|compiles?|responds?|returns?)\b"
                       r"[^.;!?]{0,50}?\bdown from\s+(?:about |around |~)?\d[\d.,]*\s?(?:ms|s"
                       r"|secs?|seconds?|minutes?|mins?|hours?|hrs?)\b")


_COMPARED = re.compile(r"\s*(?:as\s+)?(?:than|as)\b")
_OWN_PAST = re.compile(r"\s*(?:as\s+)?(?:than|as)\s+(?:before|previously|it was|they were|ever"
                       r"|last (?:week|month|year|release|version)|(?:the|our) (?:old|previous"
                       r"|last|prior)|v?\d)")


def gain(clause: str, low: str, ctx: Context) -> Found | None:
    """A system's performance, speed or time improved, told as a gain, a multiple or a drop."""
    m = GAIN.search(low) or DOWN_FROM.search(low)
    if m is None or _not_ours(low, ctx):
        return None
    compared = _COMPARED.match(low, m.end()) and not _OWN_PAST.match(low, m.end())
    if m.re is GAIN and m["fig3"] and (m["fig3"] in {"two", "one"} or compared):
        return None  # "50 times faster than the public internet": a comparison, no change
    groups = m.groupdict()
    fig = groups.get("fig") or groups.get("fig2") or groups.get("fig3") or "down"
    return Found(T.TECHNICAL_ACHIEVEMENT, {"gain": key(fig)}, _title(clause, m.start()), m.start())


# --- uptime kept as a record -------------------------------------------------------------------
# "100% uptime for the third month in a row", "Uptime for March: 100%, zero incidents",
# "99.91% uptime, our best year on record for stability" (lower-cased)
UPTIME = re.compile(r"\b(?P<fig>(?:99(?:\.\d+)?|100(?:\.0+)?)\s?%)\s+(?:uptime|availability)\b"
                    r"|\b(?:uptime|availability)\b[^.;!?%]{0,25}?(?P<fig2>(?:99(?:\.\d+)?|100"
                    r"(?:\.0+)?)\s?%)")
# a year of uptime summed up is no event (tech.py); a record, a streak or no incidents is
RECORD = re.compile(r"\b(?:best|record|highest|first time|in a row|straight|ever|all-time"
                    r"|zero incidents|no incidents|without (?:a single|any) incident)\b")
_PROMISED = re.compile(r"\b(?:sla|slas|promis\w*|guarantee\w*|target\w*|aim\w*|goal|commit\w*"
                       r"|contract\w*|up to)\b")


def uptime_record(clause: str, low: str, ctx: Context) -> Found | None:
    """Uptime or availability kept at a record, for a streak or with no incident."""
    m = UPTIME.search(low)
    whole = ctx.sentence.lower() if len(ctx.sentence) > len(low) else low
    record = RECORD.search(whole)
    if m is None or record is None or _PROMISED.search(whole):
        return None
    fig = (m["fig"] or m["fig2"] or "").replace(" ", "")
    title = _title(clause, m.start())
    if not re.search(r"(?i)uptime|availability", title):
        # "Uptime for March: 100%, zero incidents" cut at its colon: say what the figure is
        title = f"{fig} uptime" + (f", {record.group()}" if "incident" in record.group() else "")
    return Found(T.TECHNICAL_ACHIEVEMENT, {"uptime_pct": key(fig)}, title, m.start())


# --- an outage our customers felt, in chat's words -----------------------------------------------
_DURATION = (r"(?:for|of|by)\s+(?:about |around |roughly |nearly |almost |over |more than "
             r"|up to |~)?"
             r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|several|a few|half an?)\s*"
             r"(?:-\s*)?(?:min(?:ute)?s?|h|hrs?|hours?|days?)\b")
# "login was broken for all EU users for 90 minutes", "errors spiked for two hours",
# "we lost about 2 hours of customer events" (lower-cased)
BROKEN = re.compile(r"\b(?:was|were|went|got|been)\s+(?:\w+\s+)?(?:broken|down|failing|erroring"
                    r"|unavailable|degraded|unreachable|delayed|stuck|timing out|offline)\b"
                    r"[^.;!?]{0,60}?" + _DURATION
                    + r"|\b(?:errors?|error rates?|5\d\d'?s|timeouts|latency)\s+(?:spiked|jumped"
                    r"|shot up)\b[^.;!?]{0,40}?" + _DURATION
                    + r"|\b(?:returned|returning|threw|throwing)\s+(?:5\d\d'?s|errors)\b"
                    r"[^.;!?]{0,40}?" + _DURATION)
LOST = re.compile(r"\blost\s+(?:about |around |roughly |nearly |~)?(?:\d+|an?|one|two|three"
                  r"|several|a few)\s+(?:min(?:ute)?s?|hours?|days?)\s+of\s+(?:customer\s+"
                  r"|user\s+)?(?:data|events|messages|logs|orders|emails|uploads)\b")
# who felt it: customers, users, orders, a share of requests (lower-cased)
FELT_BY = re.compile(r"\b(?:customers?|users?|clients?|merchants?|tenants?|orders?|requests"
                     r"|everyone|accounts?|workspaces?|people|sign-?ins?|logins?|checkouts?)\b"
                     r"|\b\d+\s?% of\b")
_UNFELT = re.compile(r"\bno (?:customer|user)s?[- ]?(?:impact|facing|were|was)|\bno impact\b"
                     r"|\bnot (?:affected|impacted)\b|\bnobody noticed\b|\binternal(?:ly)?\b"
                     r"|\bci\b|\bstaging\b|\blocal\b|\bdev (?:env|environment|box)\b|\bmy (?:local"
                     r"|machine|laptop)\b"
                     # a minor bug fixed, felt by one user: routine work, not an outage
                     r"|\bfixed (?:a |an |the )?(?:minor |small |tiny )?(?:bug|issue|glitch)"
                     r"|\b(?:one|a single|1) (?:user|customer)\b")
# a late shipment, launch or meeting is no outage
_LATE = re.compile(r"\b(?:shipping|shipments?|deliver(?:y|ies)|launch|release|deploy(?:ment)?"
                   r"|project|feature|meeting|flight|train|payroll|invoice)s?\b")


def broken_for(clause: str, low: str, ctx: Context) -> Found | None:
    """An outage or errors for a stated time, felt by customers or their requests (read after
    ``growth.technical``, whose titles of the outages it knows are kept)."""
    return _felt(BROKEN.search(low), clause, low, ctx)


def data_lost(clause: str, low: str, ctx: Context) -> Found | None:
    """Hours of customer data lost (read before the deals' "lost", which takes it for a deal)."""
    return _felt(LOST.search(low), clause, low, ctx)


def _felt(m: re.Match[str] | None, clause: str, low: str, ctx: Context) -> Found | None:
    whole = ctx.sentence.lower() if len(ctx.sentence) > len(low) else low
    if m is None or not FELT_BY.search(whole) or _UNFELT.search(whole) \
            or NOT_PRODUCTION.search(whole) or ("delayed" in m.group() and _LATE.search(whole)):
        return None
    head = clause[:m.start()]
    if re.search(r"(?:'s|\u2019s)\s+(?:\w+\s+)?$", head) and not (
            ctx.company and ctx.company.search(head)) and "our" not in head.lower():
        return None  # "Stripe's API was down for an hour": theirs
    return Found(T.TECHNICAL_ACHIEVEMENT, {"incident": "outage"}, _title(clause, 0),
                 m.start(), negative=True)
