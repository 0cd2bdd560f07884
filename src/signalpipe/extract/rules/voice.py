"""A title in a headline's voice: third person, its subject and verb kept, its figures stated.

Founders write in the first person and detectors title an event with the clause that states it,
so a founder's post gave titles an investor stumbles on: "I paused TinyPilot sales to address a
design problem", "Sale: I Sold TinyPilot, My First Successful Business", "Revenue, a 21% drop
from January", "Incident: Was down for 3 hours yesterday", "Cloud Platform fees by 90% on my
side projects", "Surge in sales definitely made the extra effort feel justified". Each step
here fixes one shape, whatever the detector: the writer's pronoun dropped (an object put first
where the verb is a regular past: "TinyPilot sales paused for a design problem"), a clause or
aside in the first person cut ("..., my first business", "as I redirected ..."), a possessive
made plain ("my first sale" -> "first sale"), hedges and feelings dropped, a metric's change
said from its figures ("Revenue fell 21% to $33k", "p95 latency cut from 450ms to 120ms"), and a
subject or verb the clause lost read back from the evidence ("API down for 3 hours", "Google
Cloud Platform fees cut by 90%"). ``titles.polished`` calls ``voiced`` on the title shown, after
merging, so which events are found never depends on it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from signalpipe.extract.rules.numbers import short_money

# The writer as the subject, with the auxiliaries and adverbs a headline leaves out.
_LEAD_PRONOUN = re.compile(
    r"^(?:I|We)(?:'m|'ve|\u2019m|\u2019ve|'re|\u2019re| am| are| have| had)?"
    r"(?: (?:now|just|finally|officially|recently|also|then|have|had|been))* (?=[a-zA-Z])")
# "We now have no communication with Andy": what the writer is left without.
_HAVE_NO = re.compile(r"^(?:have|had|has) (?=no\b)", re.IGNORECASE)
# A regular past verb and its object, up to a preposition: "paused TinyPilot sales | to ...".
# (An irregular one stays verb-first, the house style: "Sold TinyPilot".)
_VERB_OBJECT = re.compile(
    r"^(?P<verb>[a-z]+ed) (?P<obj>(?:(?!(?:to|for|from"
    r"|in|on|at|with|by|into|after|because|and|but|so|as|of)\b)[\w$\u20ac\u00a3.%'\u2019-]+ ?)"
    r"{1,6})(?P<rest>.*)$")
# Verbs that are no action done to an object ("I wanted ...", "we needed ...").
_NOT_DONE = frozenset(["wanted", "needed", "tried", "decided", "started", "used", "noticed",
                       "learned", "realized", "realised", "hoped", "expected", "planned",
                       "managed", "loved", "liked", "asked", "helped", "moved", "focused",
                       "continued", "talked", "worked", "spent", "received", "reached"])
# "to address a design problem": a purpose a headline says with "for".
_PURPOSE = re.compile(r"^ to (?:address|fix|resolve|tackle|deal with|handle|solve) ")
# A later clause or aside in the writer's voice: "..., my first business", "as I redirected".
_FIRST_PERSON_TAIL = re.compile(
    r"(?:,| and(?: then)?| as| because| since| after| when| so| but| while| on| for| in)"
    r" (?:I|I'm|I've|we|we're|we've|my|our|My|Our|We|us)\b.*$")
# "a vulnerability that has been discovered (in our ...)": a relative clause that adds nothing.
_EMPTY_RELATIVE = re.compile(r" (?:that|which) (?:has|have|had) been \w+$| (?:that|which)"
                             r" (?:was|were) \w+$")
# "a clause ... and then discovered it was a mistake": the first clause is the news.
_AND_THEN = re.compile(r" and then .*$")
# "parts I need suddenly disappeared", "parts we couldn't replace within ...": a clause told by
# the writer inside a noun phrase; a preposition after it (or the end) means it ran to the end.
_CONTACT = re.compile(r"(?<=[a-z]) (?:that )?(?:I|we) (?:(?:\w+n't|\w+n\u2019t|could|can|would"
                      r"|will|still|really) )?[a-z]+(?P<end>$| (?:within|in|on|at|for|from|to"
                      r"|by|with|during|before|after)\b.*$)?")
# "Initiatives that we launched": what was launched, the writer left out.
_WE_DID = re.compile(r"^([\w ,'-]{3,60}?) (?:that|which) (?:I|we) (?=[a-z]+ed$)")
# "forced us into frequent redesigns": what was forced, not on whom.
_ON_US = re.compile(r"\b(forced|pushed|drove|drive|forces|pushes) (?:us|me) into ")
# The writer's possessive: dropped after the title's verb, "the" elsewhere.
_POSSESSIVE = re.compile(r"\b(?:my|our|My|Our)\s")
_LEAD_POSSESSIVE = re.compile(r"^(?:my|our|My|Our)\s")
# "all 14 of our EU customers": "all 14 EU customers", not "all 14 of the EU customers"
_SHARE_OF_OURS = re.compile(r"\b(all(?: \d[\d,]*)?|each|both|most|some|many|half|\d[\d,]*)"
                            r" of (?:my|our) ")
# "Highest revenue month, the costs highlight the tininess of my revenue": an aside about it.
_COMMA_FIRST_PERSON = re.compile(r",[^,]*\b(?:I|I'm|my|our|we|us|My|Our|We)\b.*$")
# Hedges and feelings an investor does not read news in.
_HEDGE = re.compile(r" (?:definitely|really|actually|honestly|certainly|totally|truly|super"
                    r"|pretty much|kind of|kinda|suddenly|finally)(?= )")
# "yesterday", "this morning": true in the message, not in an update read a month later.
_WHEN = re.compile(r" (?:yesterday|today|tonight|this morning|this afternoon|last night"
                   r"|earlier today)\b")
_FEELING = re.compile(r" (?:made|makes|make) (?:\w+ ){0,4}feel\b.*$| (?:feels?|felt) \w+.*$")
# "Revenue, a 21% drop from January": a metric, a comma, then its change.
_METRIC_COMMA = re.compile(
    r"^(?P<metric>[A-Z][\w ]{0,30}?), (?:an? |up |down )?(?P<pct>\d[\d.]*%) (?P<dir>drop|decline"
    r"|fall|decrease|dip|loss|increase|rise|jump|gain|growth|climb)\b")
_METRIC_LEAD = re.compile(r"^(?P<metric>(?:[A-Z][\w-]* |[a-z][\w-]* ){0,2}(?i:throughput|latency"
                          r"|speed|performance|capacity|bandwidth|revenue|sales|mrr|arr|users"
                          r"|signups|traffic|p\d\d)), ")
_TIMES = {2.0: "doubled", 3.0: "tripled", 4.0: "quadrupled"}
_FIGURE_COMMA = re.compile(
    r"^(?P<fig>[$\u20ac\u00a3][\d.,]+[kKmMbB]?), (?:an? |up |down )?(?P<pct>\d[\d.]*%) (?P<dir>drop"
    r"|decline|fall|decrease|dip|loss|increase|rise|jump|gain|growth|climb)\b")
_MONEY_METRICS = frozenset(["revenue", "sales", "mrr", "arr", "profit", "income", "bookings"])
_DOWN = frozenset(["drop", "decline", "fall", "decrease", "dip", "loss"])
# "P95 is 120ms now, it was 450ms before ...", "p95 is now 120ms, down from 450ms".
_NOW_WAS = re.compile(
    r"^(?P<metric>[\w ]{1,24}?) (?:is|are) (?:now )?(?P<now>\d[\d.,]*\s?(?:ms|s|%|x|k|m|gb|mb)?)"
    r"(?: now)?,? (?:(?:it|they|that|this) (?:was|were|used to be)|down from|up from|from)"
    r" (?P<was>\d[\d.,]*\s?(?:ms|s|%|x|k|m|gb|mb)?)(?![\w.])", re.IGNORECASE)
_UNIT_SCALE = {"ms": 1.0, "s": 1000.0, "k": 1e3, "m": 1e6, "gb": 1e3, "mb": 1.0}
# "Was down for 3 hours": a clause that starts at its verb, its subject left behind.
_LINKING = re.compile(r"^(?:Was|Were|Is|Are|Has been|Have been|Had been|Went) ")
# "Unavailable for 45 minutes": a state whose subject and linking verb were both cut.
_STATE = re.compile(r"^(?:Unavailable|Down|Offline|Degraded|Unreachable|Inaccessible) ")
_TRAILING_LINK = frozenset(["was", "were", "is", "are", "been", "has", "have", "had"])
_HEADLINE_VERB = re.compile(r"^(?:To [a-zA-Z][a-z]+|[A-Z][a-z]+(?:es|s)) (?!of\b|and\b|&|for\b)"
                            r"(?=[\w$\u00a3\u20ac])")
# A sentence's own start: its subject is the few words from here to the verb.
# a point or comma between digits ("6.25m", "1,200") ends no sentence
_SENTENCE_START = re.compile(r".*(?:(?:[!?:;\n\u2014]|[.,](?!\d)|(?<!\d)[.,])\s*|^)", re.DOTALL)
_DETERMINER = frozenset(["the", "our", "my", "their", "its", "a", "an"])
# The capitalised name that opens a headline, before its first verb ("BHP Billiton posts ...").
_COMPOUND_SUBJECT = re.compile(r"(?P<who>(?:[A-Z][\w&.'-]* ){1,4})[a-z]+s ")
# Words that start a sentence without naming who acts in it.
_NOT_SUBJECT = frozenset(["i", "we", "it", "they", "he", "she", "this", "that", "you", "there",
                          "which", "who", "as", "and", "but", "so", "still", "also", "now",
                          "then", "just", "today", "yesterday", "bank", "company", "group"])
# "Cloud Platform fees by 90%": the change's verb was left before the title's first word.
_BY_FIGURE = re.compile(r"^(?P<noun>(?:[\w()'-]+ ){1,6}?)by (?P<fig>(?:more than |over |about "
                        r"|nearly |almost )?[\d$\u20ac\u00a3][\w.,%$]*)(?P<tail>.*)$")
_CHANGE_VERB = re.compile(
    r"\b(?P<verb>cut|cuts|reduced|reduce|lowered|slashed|trimmed|increased|improved|boosted"
    r"|raised|sped up|decreased|shrank|shrunk|grew|halved|doubled)"
    r" (?:(?:my|our|the|its|their) )?(?P<pre>(?:[A-Z][\w-]* ){0,3})$", re.IGNORECASE)
_PARTICIPLE = {"cuts": "cut", "reduce": "reduced", "shrank": "shrunk", "grew": "grown"}
# A label whose verb the title now says itself: "Sale: Sold TinyPilot".
# "Launch flopped: I announced a new product": the launch named by what was launched.
_FLOPPED = "Launch flopped: "
_LAUNCH_VERB = re.compile(r" (?:announced|launched|released|introduced)\b.*$")
_SAID_BY_VERB = re.compile(r"^(?:Sold|Acquired|Launched|Released|Hired|Signed|Shelved) ")


def _figure_usd(metrics: Mapping[str, object]) -> str:
    """The event's amount in dollars as a title shows it ("$33k"), or ""."""
    for name, value in metrics.items():
        if (name.startswith("figure") or name.endswith("_usd")) and isinstance(
                value, int | float) and not isinstance(value, bool) and value > 0:
            return short_money(float(value))
    return ""


def _amount(text: str) -> float:
    m = re.match(r"([\d.,]+)\s?([a-z%]*)", text.lower())
    if not m:
        return 0.0
    return float(m[1].replace(",", "") or 0) * _UNIT_SCALE.get(m[2], 1.0)


def _metric_change(rest: str, metrics: Mapping[str, object]) -> str | None:
    """A metric's change said from its figures: "Revenue fell 21% to $33k"."""
    m = _FIGURE_COMMA.match(rest)
    named = metrics.get("missed")
    if m and isinstance(named, str) and named.lower() in _MONEY_METRICS:
        verb = "fell" if m["dir"] in _DOWN else "rose"  # "$48k, a 12% decline from February"
        return f"{named[:1].upper()}{named[1:]} {verb} {m['pct']} to {m['fig']}"
    m = _METRIC_COMMA.match(rest)
    if m:
        verb = "fell" if m["dir"] in _DOWN else "rose"
        figure = _figure_usd(metrics)
        return f"{m['metric']} {verb} {m['pct']}" + (f" to {figure}" if figure else "")
    lead = _METRIC_LEAD.match(rest)
    times = next((v for k, v in metrics.items() if k.endswith("_x") and isinstance(
        v, int | float) and not isinstance(v, bool)), None)
    if lead and times:
        said = _TIMES.get(float(times), f"up {float(times):g}x")
        return f"{lead['metric']} {said}"  # "Throughput, cutting ...": "Throughput doubled"
    m = _NOW_WAS.match(rest)
    if m:
        now, was = m["now"].replace(" ", ""), m["was"].replace(" ", "")
        metric = m["metric"]
        if re.fullmatch(r"[Pp]\d\d", metric) and re.search(r"\d(?:ms|s)$", now):
            metric = f"{metric.lower()} latency"  # "p95" alone names no quantity
        verb = "cut" if _amount(now) < _amount(was) else "up"
        return f"{metric[:1].upper()}{metric[1:]} {verb} from {was} to {now}"
    return None


def _sentence_start(text: str) -> int:
    """Where the sentence (or clause after a comma) that ``text`` ends in starts."""
    start = _SENTENCE_START.match(text)
    return start.end() if start else 0


def _subject(rest: str, evidence: str) -> str | None:
    """The few words before ``rest`` in its sentence of the evidence, where they name who or
    what did it ("API" of "API was down ...", "Smith & Nephew" of "... recalls ...")."""
    words = rest.split()
    head = " ".join(words[:3])
    at = evidence.lower().find(head.lower()) if len(head) >= 6 else -1
    if at <= 0:
        return None
    before = evidence[:at]
    found = before[_sentence_start(before):].split()
    if not found and before.rstrip().endswith(","):
        # "BHP Billiton posts big loss, slashes dividend": one subject, two verbs
        prior = before.rstrip()[:-1]
        lead = _COMPOUND_SUBJECT.match(prior[_sentence_start(prior):])
        found = lead["who"].split() if lead else []
    while found and found[0].lower() in _DETERMINER:
        found = found[1:]
    while found and found[-1].lower() in _TRAILING_LINK:
        found = found[:-1]  # "The API was | unavailable": the linking verb is no subject
    if not 1 <= len(found) <= 4 or any(w.lower().strip("'\u2019") in _NOT_SUBJECT for w in found):
        return None
    if not (found[0][:1].isupper() or found[0].isupper() or len(found) <= 2):
        return None
    return " ".join(found)


def _with_subject(rest: str, evidence: str) -> str | None:
    """``rest`` with the subject its clause lost, its linking verb dropped ("API down for ...")."""
    linking = _LINKING.match(rest)
    if not linking and not _HEADLINE_VERB.match(rest) and not _STATE.match(rest):
        return None
    who = _subject(rest, evidence)
    if who is None:
        return None
    if linking:
        rest = rest[linking.end():]
    words = [w for w in rest.split()[1:] if w[:1].isalpha()]
    if not words or not all(w[0].isupper() for w in words):
        rest = rest[:1].lower() + rest[1:]  # a headline in title case keeps its verb's capital
    return f"{who[:1].upper()}{who[1:]} {rest}"


def _verb_back(rest: str, evidence: str) -> str | None:
    """A change by a figure whose verb was left out: "Google Cloud Platform fees cut by 90%"."""
    m = _BY_FIGURE.match(rest)
    if not m:
        return None
    noun = m["noun"].strip()
    at = evidence.lower().find(noun.lower())
    verb = _CHANGE_VERB.search(evidence[max(0, at - 60):at]) if at > 0 else None
    if verb is None:
        return None
    done = verb["verb"].lower()
    done = _PARTICIPLE.get(done, done)
    tail = "" if _FIRST_PERSON_TAIL.search(m["tail"]) or "(" in m["tail"] else m["tail"]
    noun = _POSSESSIVE.sub("the ", noun)
    title = f"{verb['pre']}{noun} {done} by {m['fig']}{tail}"
    return title[:1].upper() + title[1:]


def _passive(rest: str) -> str | None:
    """"paused TinyPilot sales to address a design problem" -> "TinyPilot sales paused for a
    design problem": the object first, where the verb is a past done to it."""
    m = _VERB_OBJECT.match(rest)
    if not m or m["verb"] in _NOT_DONE:
        return None
    obj = _POSSESSIVE.sub("", m["obj"]).strip()
    if not obj or obj.lower() in {"it", "them", "this", "that", "him", "her", "up", "out"}:
        return None
    tail = f" {m['rest'].strip()}" if m["rest"].strip() else ""
    purpose = _PURPOSE.match(tail)
    if purpose:
        tail = " for " + tail[purpose.end():]
    return f"{obj[:1].upper()}{obj[1:]} {m['verb']}{tail}"


def _first_person(rest: str) -> tuple[str, bool]:
    """``rest`` in the third person, and whether it now has its own subject (a passive)."""
    written = rest
    lead = _LEAD_PRONOUN.match(rest)
    if lead:
        rest = rest[lead.end():]
        rest = _HAVE_NO.sub("", rest)
    rest = _AND_THEN.sub("", _WE_DID.sub(r"\1 ", rest))
    for shape in (_COMMA_FIRST_PERSON, _FIRST_PERSON_TAIL, _EMPTY_RELATIVE):
        tail = shape.search(rest)
        if tail and len(rest[:tail.start()].split()) >= 2:
            rest = rest[:tail.start()]
    contact = _CONTACT.search(rest)
    if contact and len(rest[:contact.start()].split()) >= 2:
        rest = rest[:contact.start()] + ("" if contact["end"] is not None
                                         else rest[contact.end():])
    rest = _ON_US.sub(r"\1 ", rest)
    passive = _passive(rest) if lead and rest[:1].islower() else None
    if passive:
        return passive, True
    first, _, after = rest.partition(" ")
    after = _LEAD_POSSESSIVE.sub("", after)  # "Sold my first meal plan": "Sold first meal plan"
    rest = _SHARE_OF_OURS.sub(r"\1 ", f"{first} {after}" if after else first)
    rest = _POSSESSIVE.sub("the ", rest)
    if rest == written:
        return rest, False  # as written: "Acquisition: a company", "Case study: note.com"
    return rest[:1].upper() + rest[1:], False


def voiced(head: str, rest: str, evidence: str = "",
           metrics: Mapping[str, object] | None = None) -> tuple[str, str]:
    """``head`` (a family label such as "Sale: ", or "") and ``rest`` (its clause) in a
    headline's voice (see module doc); the label goes where the clause says the event itself."""
    changed = _metric_change(rest, metrics or {})
    if changed:
        return head, changed
    rest = _HEDGE.sub("", rest)
    rest = _WHEN.sub("", _FEELING.sub("", rest)) if len(rest.split()) > 3 else rest
    back = _verb_back(rest, evidence)
    if back:
        rest = back
    said, own_subject = _first_person(rest)
    if head == _FLOPPED and own_subject:
        obj = _LAUNCH_VERB.sub("", said)
        return ("", f"Launch of {obj[:1].lower()}{obj[1:]} flopped") if obj != said \
            else (head, said)
    if head and not own_subject:
        subject = _with_subject(said, evidence)
        if subject:
            return "", subject
    if head and (own_subject or _SAID_BY_VERB.match(said)):
        return "", said  # "Online support removed from yuzu", "Sold TinyPilot": no label needed
    return head, said
