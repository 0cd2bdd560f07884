"""Results in the words engineering posts, release notes, founders and wires state them, where
``growth.technical``, ``growth.users`` and ``company.expansion`` find no reading.

Technical results (shared LABELLING.md: shipped, measured, ours): a rate reached in any unit
("ingests 1.4 million rows per second", "scales to nearly a million operations per second",
"1B requests a day"), a multiple over a baseline or a rival ("queries run 10 times faster than
in v5", "102x faster writes", "4x the throughput of S3"), a benchmark won against a named rival
("beats ClickHouse by 2x"), a gain in per cent ("squeeze another 50-60% out of it", "a 35%
performance boost"), any measured quantity moved ("battery life from ~12 hr to ~20 hr") and
reliability kept ("365 days without downtime"). Audience counted in the units products have
("10,000 paid developers", "12,000 nodes", "2,500 beta testers", "#1 on GitHub trending",
"418 users 48 hours after launch"). Markets entered by sector ("enters the healthcare market",
"our first customer in financial services") or by a place that opened ("opened its third
location in Austin").

Look-alikes, each checked here: a rate limit, a capacity "up to" or "can" handle, a test's load
("we sent 50k requests per second"), a rival's or a survey's figures, a bug fixed ("fixed a
3x slowdown"), headcount ("we're 12 people now"), and a sector named as a market's size.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from signalpipe.extract.rules.found import Context, Found, cased, said
from signalpipe.extract.rules.lexicon import NOT_PRODUCTION, rx
from signalpipe.extract.rules.markets import named_place
from signalpipe.extract.rules.names import key
from signalpipe.extract.rules.numbers import durations_ms, percents, short_count
from signalpipe.extract.rules.wordscan import any_word
from signalpipe.models import EventType, MetricValue

T = EventType

# ---------------------------------------------------------------------------------------------
# Technical results

_WORD_NUM = {"a": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0,
             "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0, "twenty": 20.0,
             "hundred": 100.0, "half a": 0.5}
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9,
          "bn": 1e9, "billion": 1e9, "t": 1e12, "trillion": 1e12}
# What systems count: rows, events, requests ... (not people: those are audience).
_UNITS = (r"rows|events|messages|msgs|requests|reqs|queries|operations|ops|writes|reads"
          r"|transactions|txns?|records|documents|docs|inserts|updates|api calls|calls|tokens"
          r"|frames|jobs|data ?points|points|metrics|spans|log lines|logs|lines|packets"
          r"|connections|sessions|files|pages|emails|notifications|webhooks|searches|lookups"
          r"|predictions|inferences|invocations|executions|builds|deploys|deployments|tasks"
          r"|workflows|commits|samples|images|videos|checks|verifications|keys|objects|items")
_PER = (r"(?:/\s?s(?:ec)?|/\s?(?:day|min|hr|hour)|ps|per (?:second|sec|minute|min|hour|day|month)"
        r"|in (?:a|one) (?:single )?(?:second|minute|hour|day)"
        r"|(?:a|an|each|every) (?:second|minute|hour|day|month)|daily|monthly|weekly)")
RATE = rx(rf"(?<![\w.])(?P<n>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:nearly |almost "
          rf"|over |more than |roughly |about )?(?:a|one|half a))\s?(?P<s>k|m|mn|b|bn|t"
          rf"|thousand|million|billion|trillion)?\+?\s(?:\w+ ){{0,2}}?(?P<u>{_UNITS})\s?"
          rf"(?P<per>{_PER})(?!\w)")
# A total served or processed so far: "crossed 10 billion API calls served", "processed our
# 100 millionth event".
TOTAL = rx(rf"(?<![\w.])(?:(?P<long>\d{{1,3}}(?:,\d{{3}}){{2,}})|(?P<n>\d{{1,3}}(?:,\d{{3}})+"
           rf"|\d+(?:\.\d+)?|a|one)\s?(?P<s>m|mn|b|bn|t|million|billion|trillion))(?:th)?\+?\s"
           rf"(?:\w+ ){{0,2}}?(?P<u>{_UNITS})\b")
TOTAL_VERB = rx(r"\b(?:crossed|passed|surpassed|topped|hit|reached|went past|milestone|served"
                r"|record|all[- ]time high"
                r"|processed|handled|ingested|indexed|stored|executed|delivered|sent|signed"
                r"|verified|deployed)\b")
# Data held or moved: "we now store over 2 PB of customer data", "processes 10 GB/s per node".
VOLUME = rx(r"(?<![\w.])(?P<n>\d+(?:\.\d+)?)\s?(?P<u>[tpe]b|terabytes?|petabytes?|exabytes?)\b"
            r"|(?<![\w.])(?P<r>\d+(?:\.\d+)?)\s?(?P<ru>[gt]b/s|[gt]bps|gigabytes? per second"
            r"|terabytes? per second)")
VOLUME_VERB = rx(r"\b(?:stor(?:e|es|ed|ing)|hold(?:s|ing)?|manag(?:e|es|ed|ing)|process(?:es|ed"
                 r"|ing)?|ingest(?:s|ed|ing)?|index(?:es|ed)?|serv(?:es|ed)|handl(?:es|ed)"
                 r"|sustain(?:s|ed)?|push(?:es|ed)|moved|migrated|crossed|passed|surpassed)\b")
# A first place on a public benchmark: "the fastest open-source time-series database on
# ClickBench", "#1 on TPC-H".
FIRST_ON = rx(r"(?:\bfastest|\bquickest|\bmost accurate|#1|\bno\. ?1|\bnumber one"
              r"|\btop[- ]ranked)\b[^.;]{0,50}?\b(?:on|in) (?:the )?(?:[\w.-]*bench\b|tpc-?\w+"
              r"|[\w.-]+ (?:benchmarks?|leaderboards?))")
# A task's time now against before: "indexing a 1 GB repo now takes 8 seconds, down from 2
# minutes", "the suite completes in 90 s versus 12 min before".
_DUR = r"[\d.,]+ ?(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?)\b"
TAKES_NOW = rx(rf"\b(?:takes?|runs? in|completes? in|finish(?:es)? in|loads? in)\s(?:only |just "
               rf"|under |about |~)?(?P<a>{_DUR})[^.;]{{0,30}}?\b(?:down from|compared to"
               rf"|versus|vs\.?|instead of|(?:it )?used to take|from) (?:about |~|over )?"
               rf"(?P<b>{_DUR})")
# Load carried at once: "Scaling Acme to 1 million concurrent connections", "peaked at 250k
# concurrent viewers" (a capacity a product "supports" is a spec, not a result).
CONCURRENT = rx(r"\b(?:scal(?:ed|ing|es) (?:\w+ ){0,3}?to|handl(?:ed|es|ing)|serv(?:ed|es|ing)"
                r"|sustain(?:ed|s|ing)|reach(?:ed|es)|hit|peak(?:ed|s)? (?:at|of)|record (?:of )?)"
                r" (?:over |more than |nearly |almost |~)?(?P<n>[\d.,]+ ?(?:k|m|million|thousand)?)"
                r" concurrent (?:connections|users|sessions|requests|streams|players|viewers"
                r"|websockets|clients)\b")
# Seconds are worth more than days: the least rate per unit of time that is news.
_FLOOR = {"s": 1_000.0, "min": 50_000.0, "h": 1_000_000.0, "d": 1_000_000.0, "w": 10_000_000.0,
          "mo": 10_000_000.0}
_PER_NAME = {"s": "second", "min": "minute", "h": "hour", "d": "day", "w": "week", "mo": "month"}
# A rate someone reached, sustained or now serves; not one configured, sent or allowed.
REACHED = rx(r"\b(?:ingest(?:s|ed|ing)?|handl(?:es|ed|ing)|process(?:es|ed|ing)?|serv(?:es|ed"
             r"|ing)|sustain(?:s|ed|ing)?|scal(?:es|ed|ing) to|reach(?:es|ed)?|achiev(?:es|ed"
             r"|ing)|hit|hits|hitting|peak(?:s|ed)? (?:at|of)|delivers?|delivered|pushe[sd]"
             r"|crunch(?:es|ed)|run(?:s|ning)? at|(?:is|are|was|were) doing|now (?:does|do|at)"
             r"|record|speeds? of|throughput of|rate of|crossed|passed|surpassed|topped"
             r"|went past|over)\b")
NOT_REACHED = rx(r"\b(?:rate[- ]limit\w*|limit(?:ed|s)? (?:to|of|at)|quota|throttl\w*|up to"
                 r"|can (?:handle|process|serve|ingest|scale)|could|capable of|designed (?:to|for)"
                 r"|theoretical\w*|max(?:imum)?\b|allow(?:s|ed)?|configur\w*|we (?:sent|send"
                 r"|fired|generated|replayed)|load (?:test\w*|generat\w*|of)|simulat\w*"
                 r"|target(?:s|ed|ing)?\b|budget|pricing|per month free|free tier|plan includes"
                 r"|billed|charge[sd]?|costs?\b|fixed|fix(?:es)?\b|bug|regression)\b")

_COMPARE = (r"faster|quicker|cheaper|smaller|lighter|leaner|more efficient|less (?:memory|cpu|ram"
            r"|storage|disk(?: space)?|bandwidth|power|energy)|lower (?:latency|cost|memory)"
            r"|higher throughput|more throughput|fewer (?:servers|nodes|machines|resources)"
            r"|speed-?ups?|improvement|performance (?:improvement|boost|gain|increase)|boost"
            r"|better (?:performance|throughput|compression)|compression")
MULTIPLE = rx(rf"(?<![\w.])(?P<n>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten"
              rf"|twenty|hundred)\s?(?:x|×|times|-fold|fold)\s(?:(?:\w+ ){{0,3}}?)?"
              rf"(?P<c>{_COMPARE})(?!\w)"
              rf"|(?<![\w.])(?P<n2>\d+(?:\.\d+)?|two|three|four|five|ten)\s?(?:x|×|times)"
              rf" (?:the|our|its) (?:usual |normal |typical |previous |peak )?(?:throughput|speed"
              rf"|performance|write speed|read speed|efficiency|traffic|load|volume)(?!\w)"
              rf"|\b(?P<n3>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)"
              rf"[- ]fold (?:\w+ )?(?:faster|speed-?up|improvement|increase|higher|more)"
              rf"|\b(?:makes?|made|making) (?:\w+ ){{1,4}}?(?P<n4>\d+(?:\.\d+)?|two|three|four"
              rf"|five|ten)\s?(?:x|×|times) (?:faster|quicker|cheaper|smaller)")
_WORSE = rx(r"\b(?:slower|worse|more expensive|bigger|larger)\b")
# "beats ClickHouse by 2x", "outperforms Postgres and MySQL on every query": a named rival.
RIVAL = re.compile(r"\b(?i:beats?|beat|outperform(?:s|ed|ing)?|outpac(?:es|ed|ing)"
                   r"|outscor(?:es|ed)) (?P<r>[A-Z][\w.+#-]*(?: [A-Z0-9][\w.+#-]*){0,2})"
                   r"(?:,? (?:and|or) [A-Z][\w.+#-]*)? (?i:by (?:up to |over |more than )?"
                   r"(?P<f>[\d.]+ ?(?:x|×|%|times)(?!\w))|on (?:every|all|each|most) "
                   r"(?:\w+ )?(?:queries|benchmarks?|tests?|workloads?|metrics?))")
# "squeeze another 50-60% out of it", "a 35% performance boost", "35% faster page loads".
PERCENT_GAIN = rx(
    r"(?:squeez\w*|eke[sd]?(?: out)?|gain(?:ed|s)?|got|get|wring\w*|found) (?:another|an extra"
    r"|a further|an additional|additional|a) (?P<p>[\d.]+(?:-[\d.]+)? ?%) (?:out of|more|of"
    r" (?:extra )?(?:performance|speed|throughput)|(?:performance|speed|throughput))"
    r"|(?<![\w.])(?P<q>[\d.]+ ?%) (?:(?:\w+ )?(?:performance|speed|throughput|efficiency)"
    r" (?:boost|gain|improvement|increase|uplift|win)|(?:faster|quicker|cheaper|smaller|lighter"
    r"|lower latency|less (?:memory|ram|cpu|power|energy|storage|disk|bandwidth|battery)"
    r"|more throughput|higher throughput)\b)")
# A system's figure improved by a share: "improves query performance by up to 40%", "reduces
# memory usage by 30%", "a 40% drop in memory usage", "60% reduction in p95 latency".
_SYSTEM = (r"performance|speed|throughput|efficiency|memory(?: usage| footprint)?|cpu(?: usage)?"
           r"|ram(?: usage)?|latency|latencies|p\d{2,3}|load times?|page loads?|response times?"
           r"|(?:bundle|binary|image|index|payload|script|app) sizes?|footprint|storage(?: costs?)?"
           r"|disk usage|(?:cloud|compute|hosting|infra(?:structure)?|aws|gcp|azure) (?:bill|costs?"
           r"|spend)|build times?|ci times?|query times?|cold starts?|startup times?|error rates?")
BY_SHARE = rx(rf"\b(?P<v>improv|boost|increas|speed(?:s|ed)? up|accelerat|reduc|cut|lower|decreas"
              rf"|shr[iu]nk|trim|slash|halv)\w* (?:\w+ ){{0,3}}?(?P<w>{_SYSTEM}) by (?:up to |over "
              rf"|more than |about |roughly |almost |~)?(?P<p>[\d.]+ ?(?:%|[kmg]b|ms|seconds)"
              rf"(?!\w))"
              rf"|(?<![\w.])(?P<q>[\d.]+ ?%) (?:drop|reduction|decrease|cut|improvement|increase"
              rf"|boost|speed-?up|gain|uplift) in (?:\w+ ){{0,2}}?(?P<w2>{_SYSTEM})\b")
# Said without digits: "improved by an order of magnitude", "used to take minutes now take
# seconds", "five nines of availability".
ORDER = rx(r"\b(?:improv|reduc|cut|speed|shr[iu]nk|dropp|lower|faster|cheaper|smaller)\w* "
           r"(?:\w+ ){0,3}?by (?:an|one|two|three) orders? of magnitude|\b(?:an|one|two|three)?"
           r" ?orders? of magnitude (?:faster|cheaper|less|smaller|improvement|better|fewer)")
_UNIT_RANK = {"days": 5, "hours": 4, "minutes": 3, "seconds": 2, "milliseconds": 1}
WAS_NOW = rx(r"\b(?:used to take|took|would take) (?:several |many |a few |)(?P<a>days|hours"
             r"|minutes|seconds)\b[^.;]{0,30}?\bnow (?:takes?|run|runs|finish(?:es)?|complete"
             r"|completes) (?:in )?(?:a few |several |just |only |under |)(?P<b>hours|minutes"
             r"|seconds|milliseconds)\b")
NINES = rx(r"\b(?:four|five|six) nines\b")
# Infrastructure money saved: "moving off Heroku saves us $40k a year in hosting".
SAVED = rx(r"\bsav(?:e|es|ed|ing) us (?:about |over |around |~)?(?P<m>\$[\d.,]+ ?[km]?)"
           r"(?: (?:a|per) (?:year|month)|/(?:yr|year|mo|month))")
_INFRA = rx(r"\b(?:hosting|cloud|aws|gcp|azure|infra\w*|servers?|compute|heroku|bill|moving off"
            r"|migrat\w+|instances?|cdn|database|storage)\b")
# Work done in a time: "scans 1 billion rows in under a second".
IN_TIME = rx(r"\b(?:scan|quer|process|index|sort|aggregat|ingest|join|search|load)\w* (?:\w+ )"
             r"{0,2}?(?P<n>[\d.,]+ ?(?:k|m|b|bn|million|billion|trillion)?) (?:\w+ )?(?:rows"
             r"|records|events|documents|vectors|files|lines|points) in (?:under |less than "
             r"|just |about |~)?(?:a second|a millisecond|[\d.]+ ?(?:ms|milliseconds?|s|seconds?))")
# A record stated with its figure: "the world's most efficient car, achieving 5.0 miles/kWh",
# "the most aerodynamic Audi of all time (Cd 0.21)", "covers 794 km on one battery charge".
RECORD = rx(r"\b(?:world'?s|industry'?s|most|fastest|longest|lightest|lowest|highest|quietest"
            r"|smallest) (?:\w+ ){0,3}?(?:of all time|ever (?:built|made|recorded|measured)"
            r"|on record)|\b(?:world|industry|new|all-time) records?\b|\blandmark\b")
ON_A_CHARGE = rx(r"\b(?:covers?|covered|travel(?:s|led|ed)?|drove|driv(?:es|en)|achiev\w+|last(?:s"
                 r"|ed)?|runs?|ran) (?:\w+ ){0,2}?(?:[\d.,]+) ?(?:km|kilometres|kilometers|miles|mi"
                 r"|hours|hrs|days) on (?:a single|one|a) (?:battery )?charge\b")
_SPEC = rx(r"\b(?:up to|ability to|can|could|capable of|designed to|expected|estimated|targets?"
           r"|aims?|rated for|as much as)\b")
# a physical or technical unit: a record of attendance or of signups is no technical result
_MEASURE = re.compile(r"(?i)\d[\d.,]*\s?(?:ms|km|mi|miles(?:/kwh)?|kwh|mpge|mph|km/h|wh/kg|kw|mw"
                      r"|gw|tflops|fps|tokens?/s|ops/s|rps|qps|gb/s|[gt]b|x)\b"
                      r"|\bcd (?:value of )?0\.\d+")
# Any measured quantity moved "from X to Y" in the same unit, for things systems and devices
# measure ("battery life from ~12 hr to ~20 hr", "boot time from 40 s to 9 s").
_QUANTITY = (r"battery(?: life)?|boot times?|compile times?|compilation times?|power (?:draw"
             r"|consumption|usage)|energy (?:use|usage|consumption)|disk (?:usage|space|footprint)"
             r"|storage (?:footprint|usage)|ram(?: usage)?|frame ?rates?|fps|bandwidth"
             r"|egress|cache hit (?:rate|ratio)|hit rate|compression ratio|(?:install|download"
             r"|docker image|container image|wasm|js|bundle|binary|app|package|image) size"
             r"|write speeds?|read speeds?"
             r"|ingest(?:ion)? (?:speed|rate)|sync times?|upload times?|time to interactive"
             r"|(?:first|largest) contentful paint|lighthouse score|wall[- ]clock time"
             r"|execution time|processing time|run ?time|check ?times?|test times?|scan times?"
             r"|import times?|export times?|index(?:ing)? (?:speed|time)|query speed")
MOVED = rx(rf"\b(?P<w>{_QUANTITY})\b[^.;]{{0,40}}?\bfrom (?P<a>~?\s?[\d.,]+ ?[a-z%]*) to "
           rf"(?P<b>~?\s?[\d.,]+ ?[a-z%]*)")
RANGE = rx(r"\b(?:range|ranging|ranges|tunable|anywhere|varies|vary|varying|between|scale)\b")
_DIGITS = re.compile(r"[\d.,\s]+")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Reliability kept: "365 days without a single minute of downtime", "zero outages in 2024",
# "our best year on record for stability".
UPTIME = rx(r"\b(?:\d+|a full|a whole|one full|twelve|six|three) (?:days?|weeks?|months?|years?"
            r"|quarters?) (?:in a row )?(?:without|with no|with zero) (?:a single |any )?(?:minute"
            r" of |second of )?(?:downtime|outages?|incidents?|sev ?[0-2]s?)"
            r"|\bzero (?:downtime|outages|incidents|sev ?[0-2]s?) (?:in|during|for|across|all|this"
            r"|since) (?:\w+ ){0,2}(?:19|20)?\w+"
            r"|\b(?:best|most reliable|most stable) (?:year|quarter|month)(?: on record| ever)?"
            r" (?:for|of) (?:stability|reliability|uptime)")
# Someone else's or nobody's result: a rival, a survey, a how-to's example, a vendor's claim.
NOT_OURS = rx(r"(?<=\w )report(?:s|ed)? that|\b(?:according to|survey\w*|respondents|study|studies"
              r"|analysts?|for example|e\.g\.|for instance|imagine|suppose|their|competitors?"
              r"|rivals?|claims?|claimed|marketing|vendor|in theory|on paper)\b")
# Not shipped, or a claim against no one in particular: "been testing an internal version",
# "a heading 'Make Blue 300% faster:'", "up to 50 times faster than the public internet".
NOT_SHIPPED = rx(r"\b(?:been testing|testing an?|internal (?:version|build)|in (?:a |my |our )?"
                 r"(?:tests?|testing)|than (?:the )?(?:public internet|traditional|conventional"
                 r"|legacy systems?|typical|average|standard|other|existing|competing)\b)"
                 r"|^\W*(?:make|making|get|getting) \w")
# "Relay is now 33% cheaper if you commit to the whole year": a price, not a result
PRICE_CUT = rx(r"\bcheaper\b.{0,40}\b(?:plans?|pricing|prices?|subscriptions?|commit\w*|annual"
               r"|yearly|per (?:month|year|seat|user))\b")
BUG_FIX = rx(r"^\W*(?:fix(?:ed|es)?|bug ?fix\w*|resolved|patched|addressed|regression)\b"
             r"|\b(?:fixed|fixes|resolved) (?:a |an |the )?(?:bug|issue|regression|problem)")
# what a benchmark post describes rather than achieves: the set-up and method
METHOD = rx(r"\b(?:we (?:ran|run|used|use|measured|tested) (?:each|every|the|a|our|with)|setup"
            r"|set-up|methodology|each run|repeated \d+ times|warm-?up|averaged over|vcpus? and"
            r"|instance type|we configured)\b")


def performance(clause: str, low: str, ctx: Context) -> Found | None:
    """A technical result in one of the wordings above, or None."""
    found = None
    wanted = _wanted(low)
    for at, (_, family) in enumerate(_FAMILIES):
        if at in wanted:
            found = family(clause, low)
            if found is not None:
                break
    if found is None:
        return None
    # the look-alikes are checked only for a reading: most clauses have none
    sentence = ctx.sentence.lower() or low
    if NOT_OURS.search(sentence) or BUG_FIX.search(low) or METHOD.search(sentence) \
            or NOT_PRODUCTION.search(low) or NOT_SHIPPED.search(low) or PRICE_CUT.search(low) \
            or not _ours(clause, found.trigger, ctx):
        return None
    return found


def _families() -> tuple[tuple[tuple[str, ...], Callable[[str, str], Found | None]], ...]:
    """Each family with the plain substrings it cannot do without: most clauses a cue lets
    through fail all of them in a few hundred nanoseconds, before any pattern runs."""
    return (
        (("per ", "/", "daily", "weekly", "monthly", "a second", "a minute", "an hour", "a day",
          "a month", "each ", "every ", "in a ", "in one "), _rate),
        (("million", "billion", "trillion", "bn ", "m ", "b ", ",000,"), _total),
        (("x ", "\u00d7", "times", "fold"), _multiple),
        (("beat", "outp", "outsc"), lambda clause, low: _rival(clause)),
        (("%", "mb", "gb", "kb", "ms", "seconds"), _percent_gain),
        (("from",), _moved),
        (("downtime", "outage", "incident", "sev", "stabil", "reliab", "uptime"), _uptime),
        (("tb", "pb", "eb", "terabyte", "petabyte", "exabyte", "gb/s", "gbps", "gigabyte"),
         _volume),
        (("fastest", "quickest", "accurate", "#1", "no.", "number one", "top"), _first_on),
        (("down from", "compared", "versus", "vs", "instead", "used to", "from"), _takes_now),
        (("magnitude", "nines", "took", "take"), _unspoken),
        (("sav",), _saved),
        (("second", "ms", "millisecond"), _in_time),
        (("concurrent",), _concurrent),
        (("charge", "world", "industry", "record", "landmark", "all time", "all-time", "ever ",
          "most "), _record),
    )


def _number(raw: str) -> float:
    raw = raw.strip().lower()
    for lead in ("nearly ", "almost ", "over ", "more than ", "roughly ", "about "):
        raw = raw.removeprefix(lead)
    if raw in _WORD_NUM:
        return _WORD_NUM[raw]
    return float(raw.replace(",", ""))


def _per_unit(per: str) -> str:
    per = per.strip()
    if per in ("ps", "/s", "/ s", "/sec", "/ sec") or "sec" in per:
        return "s"
    for word, unit in (("min", "min"), ("hour", "h"), ("hr", "h"), ("day", "d"),
                       ("week", "w"), ("month", "mo")):
        if word in per:
            return unit
    return "s"


def _rate(clause: str, low: str) -> Found | None:
    for m in RATE.finditer(low):
        value = _number(m["n"]) * _SCALE.get(m["s"] or "", 1.0)
        per = _per_unit(m["per"])
        if value < _FLOOR[per]:
            continue
        reached = REACHED.search(low, max(0, m.start() - 60), m.end() + 30)
        if reached is None or NOT_REACHED.search(low) or not (_round(value)
                                                              or _PEAK.search(low)):
            continue
        name = f"{m['u'].replace(' ', '_')}_per_{_PER_NAME[per]}"
        return Found(T.TECHNICAL_ACHIEVEMENT, {name: round(value)},
                     f"{_short(value)} {m['u']} per {_PER_NAME[per]}", m.start())
    return None


def _total(clause: str, low: str) -> Found | None:
    m = TOTAL.search(low)
    if m is None or RATE.search(low) or not TOTAL_VERB.search(low) or NOT_REACHED.search(low):
        return None
    value = _number(m["long"]) if m["long"] else _number(m["n"]) * _SCALE[m["s"]]
    if value < 100_000_000 or not (_round(value) or _PEAK.search(low)):
        return None  # a scale milestone is counted in hundreds of millions, roundly
    name = m["u"].replace(" ", "_")
    return Found(T.TECHNICAL_ACHIEVEMENT, {f"{name}_total": round(value)},
                 f"{_short(value)} {m['u'].replace('api', 'API')}", m.start())


def _volume(clause: str, low: str) -> Found | None:
    m = VOLUME.search(low)
    if m is None or not VOLUME_VERB.search(low) or NOT_REACHED.search(low):
        return None
    if m["n"] is not None:
        unit = m["u"][0]
        value = float(m["n"]) * {"t": 1.0, "p": 1e3, "e": 1e6}[unit]
        if value < 100:
            return None  # a data milestone is a hundred terabytes or more
        return Found(T.TECHNICAL_ACHIEVEMENT, {"data_tb": value}, said(clause, m.start()),
                     m.start())
    return Found(T.TECHNICAL_ACHIEVEMENT, {"throughput": key(m.group())},
                 said(clause, m.start()), m.start())


def _first_on(clause: str, low: str) -> Found | None:
    m = FIRST_ON.search(low)
    if m is None:
        return None
    return Found(T.TECHNICAL_ACHIEVEMENT, {"benchmark": key(m.group())[:60]},
                 said(clause, m.start()), m.start())


def _takes_now(clause: str, low: str) -> Found | None:
    m = TAKES_NOW.search(low)
    if m is None:
        return None
    now, before = durations_ms(m["a"]), durations_ms(m["b"])
    if not now or not before or now[0].value >= before[0].value:
        return None  # slower, or no figures: no result
    return Found(T.TECHNICAL_ACHIEVEMENT, {"duration_ms": round(now[0].value, 1)},
                 said(clause, m.start()), m.start())


def _unspoken(clause: str, low: str) -> Found | None:
    """Results said without a figure of their own: an order of magnitude, minutes to
    seconds, five nines."""
    m = ORDER.search(low) or NINES.search(low)
    if m is not None:
        return Found(T.TECHNICAL_ACHIEVEMENT, {"result": key(m.group())[:60]},
                     said(clause, m.start()), m.start())
    m = WAS_NOW.search(low)
    if m is None or _UNIT_RANK[m["a"]] <= _UNIT_RANK[m["b"]]:
        return None
    # "used to take minutes" is the comparison, not old news
    return Found(T.TECHNICAL_ACHIEVEMENT, {"result": key(m.group())[:60]},
                 said(clause, m.start()), m.start(), allow=frozenset({"old"}))


def _saved(clause: str, low: str) -> Found | None:
    m = SAVED.search(low)
    if m is None or not _INFRA.search(low):
        return None  # "saves customers $40k a year" is the customer's result
    return Found(T.TECHNICAL_ACHIEVEMENT, {"infra_saving": m["m"].replace(" ", "")},
                 said(clause, m.start()), m.start())


def _in_time(clause: str, low: str) -> Found | None:
    m = IN_TIME.search(low)
    if m is None:
        return None
    if _count(m["n"]) < 1_000_000:
        return None  # a million items in a time is where a speed becomes a result
    return Found(T.TECHNICAL_ACHIEVEMENT, {"work_in_time": key(m.group())[:60]},
                 said(clause, m.start()), m.start())


def _short(value: float) -> str:
    """1.4M, 10B: a count as a title shows it (short_count stops at millions)."""
    if value >= 1e9:
        return f"{value / 1e9:.3g}B" if value < 1e12 else f"{value / 1e12:.3g}T"
    return short_count(value)


def _concurrent(clause: str, low: str) -> Found | None:
    m = CONCURRENT.search(low)
    if m is None or _count(m["n"]) < 10_000:
        return None  # ten thousand at once is where load becomes a milestone
    value = _count(m["n"])
    if not _round(value) and not _PEAK.search(m.group()):
        return None

    return Found(T.TECHNICAL_ACHIEVEMENT, {"concurrent": round(value)},
                 said(clause, m.start()), m.start())


# A milestone is a round figure ("250k", "1.4 million", "20,000") or a peak or a record; an
# exact reading ("hit 15703 concurrent WebSockets", repeated with other figures) is a gauge.
_PEAK = rx(r"\b(?:peak|record|all[- ]time|scal)")


def _round(value: float) -> bool:
    return len(str(int(value)).rstrip("0")) <= 3


def _record(clause: str, low: str) -> Found | None:
    if _SPEC.search(low):
        return None  # "the ability to travel up to 400 miles on a single charge": a spec
    m = ON_A_CHARGE.search(low)
    if m is None:
        m = RECORD.search(low)
        if m is None or not _MEASURE.search(clause):
            return None  # "the world's most loved CRM" measures nothing
    return Found(T.TECHNICAL_ACHIEVEMENT, {"record": key(m.group())[:60]},
                 said(clause, m.start()), m.start())


_GAIN_NAME = {"cheaper": "cost", "lower": "cost", "smaller": "size", "lighter": "size",
              "leaner": "size", "compression": "size", "less": "resources", "fewer": "resources"}


def _multiple(clause: str, low: str) -> Found | None:
    m = MULTIPLE.search(low)
    if m is None:
        return None
    raw = m["n"] or m["n2"] or m["n3"] or m["n4"]
    value = _number(raw)
    if value <= 1.0 or _WORSE.search(low, m.start(), m.end() + 20):
        return None
    # one name per kind of gain, so "5x speedup" and "5x faster" in two messages are one result
    what = _GAIN_NAME.get((m["c"] or "faster").split()[0], "speedup")
    return Found(T.TECHNICAL_ACHIEVEMENT, {f"{what}_x": value}, said(clause, m.start()),
                 m.start())


def _rival(clause: str) -> Found | None:
    m = RIVAL.search(clause)
    if m is None:
        return None
    return Found(T.TECHNICAL_ACHIEVEMENT, {"benchmark_vs": key(m["r"])},
                 said(clause, m.start()), m.start())


def _percent_gain(clause: str, low: str) -> Found | None:
    m = PERCENT_GAIN.search(low) or BY_SHARE.search(low)
    if m is None:
        return None
    raw = m["p"] or m["q"]
    if "%" not in raw:  # "cuts RAM usage by about 500MB": an amount, news as it stands
        return Found(T.TECHNICAL_ACHIEVEMENT, {"reduction": raw.replace(" ", "")},
                     said(clause, m.start()), m.start())
    pct = percents(raw)
    value = pct[-1].value if pct else 0.0
    if value < 10:
        return None  # "a 2% speed-up" is tuning, not news
    return Found(T.TECHNICAL_ACHIEVEMENT, {"performance_gain_pct": value},
                 said(clause, m.start()), m.start())


def _moved(clause: str, low: str) -> Found | None:
    m = MOVED.search(low)
    if m is None:
        return None
    before, after = m["a"].strip(" ~"), m["b"].strip(" ~")
    if _DIGITS.sub("", before) != _DIGITS.sub("", after) or before == after \
            or RANGE.search(low, max(0, m.start("a") - 30), m.start("a")):
        return None  # "a tunable range from 1 MHz to 7.2 GHz" is a spec, not a change
    what = _NON_WORD.sub("_", m["w"]).strip("_")
    return Found(T.TECHNICAL_ACHIEVEMENT, {what: after}, said(clause, m.start()), m.start())


def _uptime(clause: str, low: str) -> Found | None:
    m = UPTIME.search(low)
    if m is None:
        return None
    # "without downtime" is the result itself, not a negation of it
    return Found(T.TECHNICAL_ACHIEVEMENT, {"reliability": key(m.group())[:60]},
                 said(clause, m.start()), m.start(), allow=frozenset({"negation"}))


# A name acting as the subject: a capitalised word after the first, or a first word in CamelCase
# or followed by another capitalised word, then a verb ("ClickHouse ingests", "Bun is").
_NAME_ACTS = re.compile(
    r"(?:(?<=\s)[A-Z][a-z][\w.+#-]*|^\W*[A-Z][a-z]+[A-Z]\w*|^\W*[A-Z][a-z]\w*(?= [A-Z]))"
    r"(?: [\w.+#-]+){0,2}? (?:is|are|was|were|now|ingest(?:s|ed)|handle[sd]|process(?:es|ed)"
    r"|serve[sd]|runs?|ran|scale[sd]|reache[sd]|hits?|beats?|outperform(?:s|ed)|deliver(?:s|ed)"
    r"|does|did|gets?|got|claims?|claimed|reports?|reported)\b")
_POSSESSIVE = re.compile(r"[A-Z][\w.&-]*(?:'s|\u2019s)\s")
_FIRST_PERSON = rx(r"\b(?:we|we're|we've|our|us|i|i've|my)\b")


# Attributed to someone: "..., Globex says."
_ATTRIBUTED = re.compile(r", (?P<who>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)?) (?:says|said|claims|claimed"
                         r"|reports|reported)\b")


def _ours(clause: str, at: int, ctx: Context) -> bool:
    """The result's subject is us, our product, or a system named by a noun ("Search is 5x
    faster"); another company acting with no word of ours in the sentence ("ClickHouse ingests
    4M rows per second", "Stripe's API is 2x faster") is not."""
    head = clause[:at]
    company = ctx.company
    said_by = _ATTRIBUTED.search(ctx.sentence or clause)
    if said_by and not (company is not None and company.search(said_by["who"])):
        return False  # a result someone else states
    if company is not None and company.search(head):
        return True  # "Acme 2.0 is 4x faster", "Acme's ingest path now handles ..."
    if not _NAME_ACTS.search(head) and not _POSSESSIVE.search(head):
        return True
    return _FIRST_PERSON.search((ctx.sentence or clause).lower()) is not None


_FAMILIES = _families()
# One scan finds every family's hints: a hint found calls each family one of whose hints it holds
# ("down from" holds "from").
_HINTS = sorted({h for hints, _ in _FAMILIES for h in hints}, key=len, reverse=True)
_HINT = any_word(_HINTS)
_HINT_FAMILIES = {h: frozenset(at for at, (hints, _) in enumerate(_FAMILIES)
                               if any(x in h for x in hints)) for h in _HINTS}


def _wanted(low: str) -> frozenset[int]:
    """The families whose hints ``low`` holds."""
    return frozenset().union(*(_HINT_FAMILIES[h] for h in set(_HINT.findall(low))))


# ---------------------------------------------------------------------------------------------
# Audiences counted in the units products have

_WHO = (r"testers|nodes|validators|workspaces|projects|repos|repositories|sites|websites|apps"
        r"|contributors|developers|devs|monitors|servers|devices|instances|clusters|databases"
        r"|stores|shops|communities|creators|people|players|members|users|teams|companies"
        r"|customers|organi[sz]ations|orgs|subscribers|installs|downloads|pulls|verifications"
        r"|signups|sign-ups|accounts|seats|builders|makers|writers|readers|households|homes")
COUNTED = rx(rf"(?<![\w$€£.,#/-])(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)\s?(?P<s>k|m|million"
             rf"|thousand)?\+?\s(?P<q>(?:(?:daily|weekly|monthly) active |paid |paying |active "
             rf"|beta |new |unique )?(?:\w+ )?)(?P<u>{_WHO})\b")
# The count arrived now, or moved: not a description of the company ("used by 10,000 teams").
ARRIVAL = rx(r"\b(?:cross(?:ed|es|ing)|pass(?:ed|es)|surpass(?:ed|es)|hit|hits|reach(?:ed|es)"
             r"|top(?:ped|s)|went past|grew to|grown to|jumped to|climbed to|doubled|tripled"
             r"|milestone|record|onboarded|welcomed|signed up|joined|now (?:use|run|rely|trust"
             r"|have|has|at|over|more than|gets?|sees?|serves?|powers?|counts?)|are now|is now"
             r"|is at|are at|we're at|and counting|we did|we (?:served|processed|handled)"
             r"|(?:hours?|days?|weeks?) (?:after|since|post|into) (?:the |our )?(?:launch"
             r"|release|going live)|in (?:the|our|its) first (?:\w+ )?(?:hours?|days?|weeks?"
             r"|months?))\b")
# A count moved "from X to Y": "API verifications jumped from 150k in September to 2.3 million".
MOVED_COUNT = rx(rf"\b(?P<u>{_WHO}) (?:\w+ ){{0,2}}?(?:jumped|grew|went|rose|climbed|increased"
                 rf"|soared|doubled|tripled) from (?P<a>[\d.,]+ ?(?:k|m|million|thousand)?)\b"
                 rf"[^.;]{{0,30}}? to (?P<b>[\d.,]+ ?(?:k|m|million|thousand)?)(?![\w%])")
# A count's growth in per cent over a period: "weekly active workspaces are up 40% month over
# month".
UP_SHARE = rx(rf"\b(?:(?:daily|weekly|monthly) active |paying |paid |active )(?P<u>{_WHO}) (?:are "
              rf"|is |were |was )?(?:up|grew|increased|jumped|rose) (?:by )?(?P<p>\d+(?:\.\d+)?)"
              rf" ?% (?:mom|wow|yoy|qoq|month[- ]over[- ]month|week[- ]over[- ]week"
              rf"|year[- ]over[- ]year|this (?:week|month|quarter|year)|since)")
# "our user base passed 59 thousand this week"
BASE = rx(r"\b(?P<u>user|customer|subscriber|member|install|player|developer) base (?:\w+ ){0,2}?"
          r"(?:passed|crossed|hit|reached|surpassed|topped|grew to|is now|now at|went past)"
          r" (?:over |more than )?(?P<n>[\d.,]+ ?(?:k|m|million|thousand)?)(?![\w%])")
# "#1 on GitHub trending", "trending #1 on GitHub this month".
TRENDING = rx(r"(?:#1|number one|no\. ?1|top) (?:\w+ )?(?:on|of|in) (?:the )?github(?:'s|\u2019s)?"
              r" (?:\w+ )?trending|trending #1 on github|#1 trending (?:repo|project) on github")
NOT_AUDIENCE = rx(r"\b(?:hit (?:the |a |an |our )?(?:\w+ )?(?:errors?|issues?|bugs?|problems?"
                  r"|timeouts?|outages?|incidents?)|(?:users|customers|accounts|people|teams"
                  r"|members) (?:were |got )?hit\b|affected"
                  r"|impacted|inflated|bots?|fake|spam\w*|test accounts|up to|limit\w*|max\w*"
                  r"|per (?:plan|account|workspace|seat|user)|included|invite|free for|for the"
                  r" first|team of|employees|staff|headcount|hires?|hiring|we(?:'re| are) (?:now )?"
                  r"\d+ people|people (?:on|in) (?:the|our) team|survey\w*|respondents|percent"
                  r"|% of|discounts?|coupons?|waitlist spots|tickets?|attendees|sold out"
                  r"|webinar|meetup|conference|workshop|livestream|ama|course|class|event"
                  # how many at once is load on a system, not an audience
                  r"|concurrent|simultaneous|at once|online at)\b")
# a count set against another network's or company's: "300+ nodes vs 150 on Globex"
_VERSUS = rx(r"\b(?:vs\.?|versus|compared (?:to|with)) [\d.,]+\+? (?:\w+ )?(?:on|at|for) ")
_AMOUNT = re.compile(r"([\d.,]+)\s?(k|m|bn|b|million|billion|trillion|thousand)?")
_SCALE_WORD = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9,
               "billion": 1e9, "trillion": 1e12}


def _count(raw: str) -> float:
    m = _AMOUNT.match(raw.strip())
    if m is None:
        return 0.0
    return float(m[1].replace(",", "") or 0) * _SCALE_WORD.get(m[2] or "", 1.0)


def audience_units(clause: str, low: str, ctx: Context) -> Found | None:
    """An audience counted in any unit and reached now, or moved "from X to Y"."""
    found = _audience(clause, low)
    # the look-alikes are checked only for a reading: most clauses have none
    if found is None or NOT_AUDIENCE.search(low) or _VERSUS.search(low):
        return None
    place = named_place(low, 0, 40)
    if place is not None and place.start() < 3 and low[place.end():].startswith((" now has",
                                                                                 " has ")):
        return None  # "Sydney now has 300+ Acme nodes": a region's count, not our audience
    return found


def _audience(clause: str, low: str) -> Found | None:
    trend = TRENDING.search(low) if "trending" in low else None
    if trend:
        return Found(T.USER_GROWTH, {"github_trending": "#1"}, said(clause, trend.start()),
                     trend.start())
    moved = MOVED_COUNT.search(low) if "from" in low else None
    if moved and _count(moved["b"]) > _count(moved["a"]) >= 1:
        value = _count(moved["b"])
        return Found(T.USER_GROWTH, {moved["u"].replace("-", ""): round(value)},
                     f"{short_count(value)} {moved['u']} (from {moved['a'].strip()})",
                     moved.start())
    base = BASE.search(low) if " base " in low else None
    if base and _count(base["n"]) >= 100:
        value = _count(base["n"])
        return Found(T.USER_GROWTH, {f"{base['u']}s": round(value)},
                     f"{short_count(value)} {base['u']}s", base.start())
    share = UP_SHARE.search(low) if "%" in low else None
    if share and float(share["p"]) >= 10:
        return Found(T.USER_GROWTH, {f"{share['u']}_growth": f"{share['p']}%"},
                     said(clause, share.start()), share.start())
    return _arrived(clause, low)


def _arrived(clause: str, low: str) -> Found | None:
    arrival = ARRIVAL.search(low)
    if arrival is None:
        return None
    for m in COUNTED.finditer(low):
        value = float(m["n"].replace(",", "")) * _SCALE_WORD.get(m["s"] or "", 1.0)
        unit, qual = m["u"], m["q"].strip()
        if value < 100 or (unit == "people" and "active" not in qual and not _JOINED.match(
                low, m.end())):
            continue  # "we're 12 people" is headcount; "20k weekly active people" is audience
        # people counted are users: one figure, one name, so mentions merge with growth.users
        name = _NON_WORD.sub("_", f"{qual} {unit}".strip()).strip("_").replace("people", "users")
        return Found(T.USER_GROWTH, {name: round(value)},
                     f"{short_count(value)} {clause[m.start('q'):m.end('u')].strip()}",
                     min(arrival.start(), m.start()))
    return None


_JOINED = rx(r" (?:\w+ )?(?:signed up|joined|use|used|tried|downloaded|installed|registered)\b")


# ---------------------------------------------------------------------------------------------
# Markets entered by sector, by a place that opened, by a count of countries

_SECTOR = (r"healthcare|health ?care|health|fintech|financial services|banking|insurance"
           r"|insurtech|retail|e-?commerce|manufacturing|logistics|supply chain|education"
           r"|edtech|higher ed(?:ucation)?|k-12|government|public sector|federal|defen[cs]e"
           r"|automotive|energy|utilities|oil and gas|telecoms?|telecommunications|media"
           r"|gaming|pharma(?:ceutical)?s?|life sciences|biotech|legal|real estate|proptech"
           r"|hospitality|travel|construction|agriculture|agtech|mining|aerospace|nonprofit"
           r"|non-profit|cannabis|food and beverage|restaurant|hr tech|martech|crypto|web3")
SECTOR_ENTERED = rx(
    rf"\b(?:enter(?:s|ed|ing)?|expand(?:s|ed|ing)? into|mov(?:es|ed|ing) into|break(?:s|ing)?"
    rf" into|broke into|launch(?:es|ed|ing)? (?:in|into)|debut(?:s|ed)? in) (?:the )?"
    rf"(?P<v>{_SECTOR}) (?:market|industry|sector|space|vertical)s?\b"
    rf"|\b(?:our|signed|landed|closed|won|welcomed|onboarded|got|announced) (?:\w+ )?(?:first|1st)"
    rf" (?:\w+ )?(?:customer|client|deal|contract|deployment|logo|sale)s? in"
    rf" (?:the )?(?P<v2>{_SECTOR})(?: (?:market|industry|sector|space|vertical))?\b")
_FACILITY = (r"(?:store|location|office|branch|shop|restaurant|cafe|clinic|dispensary|station"
             r"|plant|factory|facility|warehouse|hub|showroom|studio|campus|lab|depot"
             r"|fulfil?lment cent(?:er|re)|distribution cent(?:er|re)|data cent(?:er|re))s?")
_ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd"
            r"|th)|new|newest|flagship|next)")
_PLACE_NAME = r"(?P<p>[A-Z][\w.'\u2019-]*(?:,? [A-Z][\w.'\u2019-]*){0,3})"
# "opened its third location in Austin", "Acme opens 3rd location in Johnson City, TN"
OPENED_AT = re.compile(
    rf"\b(?i:open(?:s|ed|ing)?|unveil(?:s|ed)?|launch(?:es|ed)?) (?i:its |our |their |a |an |the )?"
    rf"(?i:{_ORDINAL}) (?:[\w®.'-]+ ){{0,2}}?(?i:{_FACILITY}) (?i:in|at) (?:the )?{_PLACE_NAME}")
# "First ARCO Station opens in Ciudad Juárez": the facility is the subject of the headline.
FACILITY_OPENS = re.compile(
    rf"^\W*(?i:(?:our |the )?{_ORDINAL}) (?P<n>(?:[\w®.'-]+ ){{0,3}}?)(?i:{_FACILITY}) (?i:opens"
    rf"|opened|is (?:now )?open|now open) (?i:in|at) {_PLACE_NAME}")
# "Acme brings its payments platform to India", "now available to customers in Australia"
BROUGHT = rx(r"\b(?:brings?|brought|bringing|rolls? out|rolled out|expands?|expanded)"
             r" (?:\w+ ){0,4}?to (?:customers in |users in |businesses in )?"
             r"(?P<r>[a-z][\w ]{1,25}?)(?=[.,;!]|$"
             r"| (?:and|on|this|today|with|for)\b)"
             r"|\bnow available to (?:customers|users|businesses|merchants|teams) in (?P<r2>[a-z]"
             r"[\w ]{1,25}?)(?=[.,;!]|$| (?:and|on|this|today|with|for)\b)")
# "We now ship to 40 countries, up from 12", "live in 12 new countries"
COUNTRIES = rx(r"\b(?:now (?:available|live|ship(?:ping)?|sell(?:ing)?|operat\w*) (?:in|to)"
               r"|(?:launched|expanded|went live|are live|is live) (?:in|to)(?: another)?)"
               r" (?P<n>\d+) (?:new )?(?:countries|markets|regions)\b"
               r"|\b(?P<m>\d+) new (?:countries|markets)\b")
# "we're officially in finland", "first customers in japan are live", "Dublin office open"
LIVE_IN = rx(r"\b(?:we're|we are|we've|now) (?:now |officially |finally )+(?:live |open |operating"
             r" |launched )?in (?P<r>[a-z][\w ]{1,25}?)(?=[.,;!?]|$| (?:and|as|on|this|today|with"
             r"|for|so)\b)|\bfirst (?:\w+ )?(?:customers?|clients?|users?|merchants?) in"
             r" (?P<r2>[a-z][\w ]{1,25}?) (?:are|is|went|go|have gone) live\b"
             r"|\b(?:with|its|our|the|a) (?:\w+ )?(?:launch|debut|rollout|market entry) in"
             r" (?P<r3>[a-z][\w ]{1,25}?)(?=[.,;!?]|$| (?:and|as|on|this|today|with|for|so)\b)")
PLACE_OPEN = re.compile(r"(?P<p>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)?) (?i:office|hub|branch|store"
                        r"|data cent(?:er|re)|region) (?i:is )?(?i:now |officially )?(?i:open|live)"
                        r"\b")
NOT_MARKET = rx(r"\b(?:offsite|off-site|conference|summit|meetup|booth|trip|visit\w*|vacation"
                r"|holiday|speak\w*|talk|webinar|event|roadshow|hackathon|report|survey"
                r"|docs?|documentation)\b")


def market(clause: str, low: str, ctx: Context) -> Found | None:
    """A market entered by sector, by a place that opened, or by a count of countries."""
    found = _sector(low) or _opened_at(clause, low, ctx) or _brought(clause, low) \
        or _countries(clause, low, ctx) or _live_in(clause, low)
    # the look-alikes are checked only for a reading: most clauses have none
    return None if found is None or NOT_MARKET.search(low) else found


def _sector(low: str) -> Found | None:
    if "market" not in low and "industr" not in low and "sector" not in low \
            and "space" not in low and "vertical" not in low and " in " not in low:
        return None
    m = SECTOR_ENTERED.search(low)
    if m is None:
        return None
    sector = m["v"] or m["v2"]
    return Found(T.MARKET_EXPANSION, {"sector": key(sector)}, f"Entered the {sector} market",
                 m.start())


def _live_in(clause: str, low: str) -> Found | None:
    m = LIVE_IN.search(low) if " in " in low else None
    if m is not None:
        group = "r" if m["r"] else "r2" if m["r2"] else "r3"
        place = named_place(m[group])
        if place is not None and place.start() == 0 and place.group() != "region":
            where = clause[m.start(group):m.start(group) + place.end()]
            return Found(T.MARKET_EXPANSION, {"region": key(where)},
                         f"Expanded to {cased(where)}", m.start())
    opened = PLACE_OPEN.search(clause)
    if opened is None:
        return None
    place = named_place(opened["p"].lower())
    if place is None or place.start() != 0:
        return None  # "Research office is open" names no place
    return Found(T.MARKET_EXPANSION, {"region": key(opened["p"])}, f"Opened in {opened['p']}",
                 opened.start(), relational=True)


def _opened_at(clause: str, low: str, ctx: Context) -> Found | None:
    if "open" not in low and "unveil" not in low and "launch" not in low:
        return None
    m = OPENED_AT.search(clause)
    if m:
        return Found(T.MARKET_EXPANSION, {"region": key(m["p"])}, f"Opened in {m['p']}",
                     m.start())
    m = FACILITY_OPENS.search(clause)
    if m is None:
        return None
    named = m["n"].strip()
    if named and not (ctx.company is not None and ctx.company.search(named)) \
            and not _FIRST_PERSON.search(clause.lower()):
        return None  # "First Globex Store opens in Lyon" is Globex's store
    # the facility is ours, so a capitalised subject is no third party
    return Found(T.MARKET_EXPANSION, {"region": key(m["p"])}, f"Opened in {m['p']}", m.start(),
                 relational=True)


def _brought(clause: str, low: str) -> Found | None:
    if " to " not in low:
        return None
    m = BROUGHT.search(low)
    if m is None:
        return None
    place = (m["r"] or m["r2"]).strip()
    region = named_place(place)
    if region is None or region.start() != 0 or region.group() == "region":
        return None  # a place must be named: "brings AI to your inbox" opens no market
    start = m.start("r") if m["r"] else m.start("r2")
    where = clause[start:start + len(place)]
    return Found(T.MARKET_EXPANSION, {"region": key(where)}, f"Expanded to {cased(where)}",
                 m.start())


_NAMED_HEAD = re.compile(r"\b[A-Z][\w.&-]+")
_SHIP_TO = re.compile(r"^Now ship to")


def _countries(clause: str, low: str, ctx: Context) -> Found | None:
    if "countries" not in low and "markets" not in low and "regions" not in low:
        return None
    m = COUNTRIES.search(low)
    if m is None:
        return None
    head = clause[:m.start()]
    if _NAMED_HEAD.search(head) and not (_FIRST_PERSON.search(head.lower())
                                         or (ctx.company and ctx.company.search(head))):
        return None  # "Globex is now available in 30 countries": theirs
    # "up from 12 last year" dates the figure compared, not the news
    title = _SHIP_TO.sub("Now shipping to", said(clause, m.start()))
    return Found(T.MARKET_EXPANSION, {"countries": int(m["n"] or m["m"])},
                 title, m.start(), allow=frozenset({"old"}))


# ---------------------------------------------------------------------------------------------
# Identity: one result told in other words in another message of the batch

# A city opened names its country's market: "Helsinki office open" and "we're live in Finland"
# are one expansion. The cities are those lexicon.REGION knows.
_COUNTRY_OF = {
    "london": "uk", "manchester": "uk", "edinburgh": "uk", "paris": "france",
    "berlin": "germany", "munich": "germany", "frankfurt": "germany", "amsterdam": "netherlands",
    "dublin": "ireland", "madrid": "spain", "barcelona": "spain", "lisbon": "portugal",
    "stockholm": "sweden", "copenhagen": "denmark", "oslo": "norway", "helsinki": "finland",
    "zurich": "switzerland", "vienna": "austria", "warsaw": "poland", "prague": "czech republic",
    "tallinn": "estonia", "milan": "italy", "brussels": "belgium", "tel aviv": "israel",
    "bangalore": "india", "bengaluru": "india", "mumbai": "india", "delhi": "india",
    "tokyo": "japan", "osaka": "japan", "seoul": "south korea", "sydney": "australia",
    "melbourne": "australia", "auckland": "new zealand", "toronto": "canada",
    "vancouver": "canada", "montreal": "canada", "sao paulo": "brazil", "são paulo": "brazil",
    "mexico city": "mexico", "bogota": "colombia", "bogotá": "colombia", "lagos": "nigeria",
    "nairobi": "kenya", "cape town": "south africa", "johannesburg": "south africa",
    "riyadh": "saudi arabia", "doha": "qatar", "cairo": "egypt", "dubai": "uae",
    "kuala lumpur": "malaysia", "jakarta": "indonesia", "bangkok": "thailand",
    "manila": "philippines", "ho chi minh": "vietnam", "hanoi": "vietnam",
    "shanghai": "china", "beijing": "china", "shenzhen": "china", "united kingdom": "uk",
    "u.k.": "uk", "england": "uk", "scotland": "uk", "wales": "uk",
}


def market_key(region: str) -> str:
    """The market a region names, for identity: a known city's country ("Helsinki" ->
    "finland"), else the region itself in lower case."""
    low = " ".join(region.lower().split())
    return _COUNTRY_OF.get(low, low)


_SPEEDUP = frozenset({"faster_x", "quicker_x", "speedup_x", "speed_x", "performance_x"})


def result_key(metrics: dict[str, MetricValue]) -> dict[str, MetricValue] | None:
    """A technical result's identity when one figure tells it under several names, or None:
    one large figure ("3B events per day", "Record throughput: 3 billion events in a day"),
    one speed-up ("5x faster", "a 5x speedup")."""
    if len(metrics) != 1:
        return None
    name, value = next(iter(metrics.items()))
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if name in _SPEEDUP:
        return {"speedup_x": float(value)}
    return {"scale": float(value)} if value >= 1_000_000 else None
