"""Numbers and incidents that read like a technical result but are none: what
``growth.technical`` asks before it reports one.

A technical result is ours, shipped and measured (shared LABELLING.md): latency, cost, uptime or
scale improved, a benchmark record, something big open-sourced. Look-alikes: a support team's
response time in hours, a saving "anticipated", prices cut for customers, a product's spec sheet
("switch systems deliver 5x improved efficiency"), someone else's system found "too slow", a
vendor's notice about "your application", a year's uptime summed up, and incidents spoken of in
general ("the assumption of a postmortem", "chasing every user-reported bug").
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.names import key
from signalpipe.extract.rules.numbers import Figure, money
from signalpipe.models import EventType

# Wordings ``growth.TECH_METRIC`` / ``TECH_BETTER`` lack: "reduced the time spent on builds by
# 75%", "double the throughput", "scales to nearly a million operations per second".
MORE_METRIC = rx(r"\b(?P<w>time spent on [\w ]{1,40}?(?= (?:by|from|to)\b)|operations per second"
                 r"|writes per second|reads per second|time it takes to \w+|deploy(?:ment)? times?"
                 r"|(?:index|database|db|image|docker image|binary|payload|storage) size"
                 r"|concurrent (?:users|connections|sessions|requests))")
MORE_BETTER = rx(r"\b(?:double|halve|triple)[sd]?\b|\bscal(?:es|ed) to\b|\b(?:in|by) half\b"
                 r"|\bshr[aiu]nk\b|\bnow (?:process|handle|serve)s?\b"
                 r"|\b(?:hit|reached|maintained|achieved|delivered) (?:a |an )?[\d.]+ ?% (?:uptime"
                 r"|availability)\b")
# A public benchmark beaten: "our model now beats GPT-4 on the HumanEval benchmark".
MORE_LEADERBOARD = rx(r"\b(?:beats?|outperform(?:s|ed)?|surpass(?:es|ed)?) (?!us\b|our\b|me\b)"
                      r"[\w.-]+(?: [\w.-]+)? on (?:the )?[\w. -]{2,30}(?:benchmark|leaderboard)\b")
# Figures said in words: "double the throughput", "cut it in half", "nearly a million".
_SPOKEN_TIMES = re.compile(r"\b(?i:(double|triple|halve)[sd]? (?=the\b|our\b|its\b)"
                           r"|(?:in|by) half\b)")
_SPOKEN_COUNT = re.compile(r"\b(?i:a|one|nearly a|almost a|half a) (?i:(million|billion))\b")


def spoken_multiples(clause: str) -> list[Figure]:
    """"double the throughput" -> 2, "halved" / "in half" -> 0.5."""
    out = []
    for m in _SPOKEN_TIMES.finditer(clause):
        word = (m[1] or "half").lower()
        out.append(Figure({"double": 2.0, "triple": 3.0}.get(word, 0.5), m.start(), m.end()))
    return out


def spoken_counts(clause: str) -> list[Figure]:
    """"nearly a million operations" -> 1,000,000 (a scaled figure); a cost's amounts ("infra
    spend from $40k to $25k") are its figures too."""
    out = [Figure(1e6 if m[1].lower() == "million" else 1e9, m.start(), m.end(), scaled=True)
           for m in _SPOKEN_COUNT.finditer(clause)]
    if _COST.search(clause):
        amounts = money(clause)
        # "from $40k to $25k": the cost now is the one after "to"
        now = [f for f in amounts if re.search(r"\bto\s*$", clause[:f.start])] or amounts
        out += [Figure(f.value, f.start, f.end, scaled=True) for f in now]
    return out


_COST = re.compile(r"(?i)\b(?:bill|costs?|spend|fees)\b")


# Not yet, or not measured: an expectation, an estimate, a claim of what a product can do.
NOT_MEASURED = rx(
    r"\b(?:anticipat\w+|expect(?:s|ed|ing)? to|projected|forecast\w*|estimat\w+ (?:to|that)"
    r"|should (?:see|cut|reduce|improve)|aims? to|designed to|promis\w+|could (?:cut|reduce"
    r"|save|improve))\b"
    r"|\b(?:delivers?|offers?|provides?|enables?|brings?|boasts?) (?:up to )?(?:[\d.]+ ?x|[\d.]+%)"
    r"|\btoo slow\b|\bnot fast enough\b|\bin theory\b|\btheoretically\b|\bon paper\b"
    r"|\b(?:competitors?|rivals?)(?:'s|’s)?\b"
    # someone else's measurement: "according to its authors", "say respondents to the survey"
    r"|\baccording to\b|\bsurvey\w*|\brespondents\b"
    # a lower-is-better figure that rose is no result: "our image size grew by half"
    r"|\b(?:size|latenc(?:y|ies)|times?|costs?|bill|spend|memory|error rates?|p\d{2,3})\b"
    r"[^.]{0,30}?\b(?:grew|rose|increased|jumped|went up|doubled|tripled|spiked)\b")
# What a customer pays, or how fast support answers: a business number, not a system's.
NOT_SYSTEM = rx(r"\b(?:reduced|cut|lowered|slashed) (?:the |our )?(?:price|prices|pricing)\b"
                r"|\b(?:new|old) pricing\b|\bresponse times? (?:\w+ ){0,4}?[\d.]+ ?(?:hours?|hrs"
                r"|days?)\b|\b(?:support|ticket|first) response\b|\bsupport (?:team|staff|agents?"
                r"|tickets?|requests?)\b|\b(?:feature|customer) requests\b")
# A vendor writing to us about our account: "Your application error rate has dropped".
VENDOR_NOTICE = re.compile(r"^\W{0,3}(?i:your) ")
# Incidents as a topic, or a year of uptime summed up, not an outage that happened.
GENERAL_INCIDENT = rx(r"\b(?:of|about|write|writing|run) a post-?mortem\b|\b(?:every|each|any)"
                      r" (?:[\w-]+ ){0,2}(?:incident|outage|bug)s?\b|\buptime of [\d.]+ ?%"
                      r"|\bfor a total of\b")


def not_a_result(clause: str, low: str, sentence: str, *, negative: bool) -> bool:
    """The technical reading of ``clause`` (in ``sentence``) reports no result or incident."""
    whole = sentence.lower()
    if negative:
        return GENERAL_INCIDENT.search(whole) is not None
    return NOT_MEASURED.search(whole) is not None or NOT_SYSTEM.search(whole) is not None \
        or VENDOR_NOTICE.match(clause) is not None


# A post titled as an incident report reports an incident our users felt: "Post-mortem: Blob
# Storage Outage", "Incident report: API degradation on May 3".
POSTMORTEM = rx(r"^\W*(?:post-?mortem|incident (?:report|review)|rca|root cause analysis)\b\W*")


def postmortem(clause: str, low: str, ctx: Context) -> Found | None:
    """The incident a post-mortem's title names (its own identity, so two stay two)."""
    m = POSTMORTEM.match(low) if clause == ctx.subject else None
    if m is None:
        return None
    what = clause[m.end():].strip(" .") or "incident"
    return Found(EventType.TECHNICAL_ACHIEVEMENT, {"incident": key(what)}, f"Incident: {what}",
                 m.end(), negative=True)

