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

from signalpipe.extract.rules.lexicon import rx

# Not yet, or not measured: an expectation, an estimate, a claim of what a product can do.
NOT_MEASURED = rx(
    r"\b(?:anticipat\w+|expect(?:s|ed|ing)? to|projected|forecast\w*|estimat\w+ (?:to|that)"
    r"|should (?:see|cut|reduce|improve)|aims? to|designed to|promis\w+|could (?:cut|reduce"
    r"|save|improve))\b"
    r"|\b(?:delivers?|offers?|provides?|enables?|brings?|boasts?) (?:up to )?(?:[\d.]+ ?x|[\d.]+%)"
    r"|\btoo slow\b|\bnot fast enough\b")
# What a customer pays, or how fast support answers: a business number, not a system's.
NOT_SYSTEM = rx(r"\b(?:reduced|cut|lowered|slashed) (?:the |our )?(?:price|prices|pricing)\b"
                r"|\b(?:new|old) pricing\b|\bresponse times? (?:\w+ ){0,4}?[\d.]+ ?(?:hours?|hrs"
                r"|days?)\b|\b(?:support|ticket|first) response\b")
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
