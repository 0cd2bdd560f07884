"""Audience milestones in the wordings growth.users does not read: people counted by what they did
("10k people signed up in the first week"), an ordinal ("our 500th customer"), a record with no
figure ("we broke our signup record again"), a year-in-review line ("Registered companies: 503 ->
4,585"), a count introduced by "the number of" and a small user base reached by name ("we
reached 400 users"). Traffic and followers are no audience unless a record or a threshold
crossed says they are news (`traffic_is_news`)."""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.numbers import counts, short_count
from signalpipe.models import EventType

T = EventType

_WHO = (r"(?:new |paying |paid |active |registered |unique )?(?:people|folks|users|developers"
        r"|devs|customers|teams|companies|businesses|creators|subscribers|members|learners"
        r"|students|players)")
# "10k people signed up in the first week", "Over 100K people used Excalidraw in the last month"
DID = rx(rf"(?P<n>\d[\d,.]*\s?(?:k|m|million)?)\+? {_WHO} (?:have |had )?(?:signed up|joined"
         r"|registered|subscribed|used|tried|installed|downloaded|(?:are|were) (?:now )?using"
         r"|onboarded|created (?:an )?accounts?)\b")
# an event's audience, not the company's: "500 people signed up for the webinar"
NOT_OURS = rx(r"\b(?:for|to|at) (?:the |our |a |this |my )?(?:\w+ )?(?:webinar|event|meetup|talk"
              r"|workshop|conference|demo|call|session|livestream|stream|giveaway|raffle|contest"
              r"|survey|beta test|study)\b|\bapplied\b|\battend")
ORDINAL = rx(r"\b(?:our|the|its|my) (?P<n>\d[\d,]*)(?:st|nd|rd|th) (?:paying |paid )?"
             r"(?P<w>customer|user|subscriber|member|signup|sign-up|install|download|merchant"
             r"|logo|team)\b")
_NOUN = (r"(?:sign-?ups?|users?|customers?|subscribers?|members?|installs?|downloads?"
         r"|registrations?|traffic|visitors?|pageviews?|trials?|trial sign-?ups)")
# a record the founder claims without a figure
RECORD = rx(rf"\b(?:record|all[- ]time high in|highest|largest|biggest|most) (?:number of )?"
            rf"(?:new |base |paying |paid |daily |weekly |monthly )?{_NOUN}"
            rf"(?=[^.]{{0,40}}\b(?:ever|on record|to date|in (?:a|one) (?:single )?(?:day|week"
            r"|month|quarter)))"
            rf"|\brecord (?:number of )?(?:new |paying |paid )?{_NOUN}\b"
            rf"|\b(?:broke|break(?:ing)?|set(?:ting)?|smash(?:ed|ing)?|beat(?:ing)?) (?:our |its "
            rf"|their |a |new |all |the )?(?:(?:previous|own|all-time|all time) )?"
            rf"(?:{_NOUN} (?:and |& )?){{1,3}}records?\b"
            rf"|\b{_NOUN} records? (?:again|once again|this (?:week|month|quarter))")
# "Registered Companies: 503 -> 4,585": one line of a year-in-review list
ARROW = rx(r"(?P<label>[a-z][a-z ]{2,40}?):?\s+(?P<a>\d[\d,.]*\s?[km]?)\s*(?:\u2192|->|=>)\s*"
           r"(?P<b>\d[\d,.]*\s?[km]?)")
_ARROW_NOUN = rx(r"\b(?:users|customers|companies|teams|organi[sz]ations|subscribers|members"
                 r"|signups|sign-ups|accounts|installs|downloads|developers|businesses)\b")
# "the number of users exceeded 400 in 48 hours"; "we reached 400 users"
REACHED = rx(rf"\b(?:(?:number|count) of (?:\w+ )?{_NOUN} (?:has |have )?(?:exceeded|crossed"
             r"|passed|reached|hit|surpassed|topped)|(?:we |just |finally )(?:reached|crossed"
             r"|passed|hit|surpassed|topped)(?: the)?)\s(?:over |more than )?(?P<n>\d[\d,]*)"
             rf"(?:\s(?P<w>(?:\w+ )?{_NOUN}))?\b")
# "The list went from 35 people to over 350 people in two days", "usage went from 60K monthly
# active to 170K monthly active users", "from 2M pulls to 11M pulls": a count that moved, read on
# the whole sentence because an aside in brackets may split the clause
FROM_TO = rx(r"\bfrom (?P<a>\d[\d,.]*\s?(?:k|m|million)?) (?:[^.$%]{0,80}?\s)?to (?:over "
             r"|more than |nearly |about |~)?(?P<b>\d[\d,.]*\s?(?:k|m|million)?)(?![\d%$])"
             r"(?!\s?(?:ms|s|seconds|minutes|hours|days|weeks|months|years|x|percent)\b)")
_MOVED = rx(r"\b(?:list|people|users|actives?|subscribers|signups|sign-ups|members|pulls"
            r"|downloads|installs|customers|followers on github|stars)\b")
_RISE = rx(r"\b(?:went|go|goes|gone|grew|grow|grows|grown|jumped|rose|climbed|increased"
           r"|skyrocketed|soared|doubled|tripled|exploded)\b|^\W*\(?from\b")
_NAMED = rx(r"\s*(?P<w>(?:[a-z/.-]+ ){0,2}?(?:people|users|subscribers|signups|sign-ups|members"
            r"|pulls|downloads|installs|customers|stars))\b")
# a team, a fleet or a price that grew is no audience
_STAFF = rx(r"\b(?:team|employees|headcount|staff|engineers|servers|nodes|countries|offices"
            r"|prices?|pricing|costs?|latency|rank|ranking|position|bugs|issues|tickets"
            r"|errors)\b")
# "more than 1000 paying subscribers", "used by 20k weekly active people": the company's own count
PAYING = rx(r"\b(?:more than|over|north of) (?P<n>\d[\d,.]*\s?k?) (?P<w>paying (?:customers"
            r"|subscribers|users|teams)|(?:daily|weekly|monthly) active (?:people|users))\b"
            r"|\bused by (?:over |more than )?(?P<m>\d[\d,.]*\s?k?) (?P<v>(?:daily |weekly "
            r"|monthly )?active (?:people|users))\b")
# "10k users!!", "50,000 downloads 🎉": a round count cheered, the whole clause
CHEER = rx(r"^[^\w$]*(?:we(?:'re| are) at |now at |at )?(?P<n>\d[\d,.]*\s?(?:k|m)?)\+? "
           r"(?:(?:paying|active|happy|registered|github) )?(?P<w>users|signups|sign-ups|downloads"
           r"|installs|customers|subscribers|members|stars|github stars)[^\w]*$")
_CHEERED = re.compile(r"!|\U0001f389|\U0001f680|\U0001f973|\U0001f38a|\U0001f4af|\U0001f525"
                      r"|\U0001f64c|\u2728|\b(?:woo+h?o+|yay|boom|let'?s go)\b", re.IGNORECASE)
# "we lost about 15% of our active users after the price change"
LOST = rx(r"\b(?:lost|losing|shed|bled) (?:about |around |nearly |almost |over |~)?(?:\d[\d,.]*%? "
          r"(?:of )?)?(?:our |the |its |their )?(?:\w+ )?(?:active |paying |daily |weekly "
          r"|monthly )?(?:users|subscribers|members|actives|followers|audience)\b")
# "we've been downloaded over a million times", "installed more than 50,000 times"
TIMES = rx(r"\b(?P<v>downloaded|installed|cloned|forked) (?:over |more than |nearly |almost "
           r"|about |north of )?(?P<n>\d[\d,.]*\s?(?:k|m|million)?|a million|one million"
           r"|a billion) times\b")
# traffic and followers are news only as a record, a threshold crossed or a multiple
TRAFFIC = frozenset({"visitors", "pageviews", "page views", "followers", "viewers", "listeners"})
TRAFFIC_NEWS = rx(r"\b(?:cross\w*|pass(?:ed|es)|hit|hits|reach\w*|surpass\w*|top(?:ped|s)"
                  r"|went past|broke|milestones?|records?|all[- ]time|highest|most|best"
                  r"|biggest|doubled|tripled|\d+x)\b"
                  # a jump of 100% or more: "a 2,200% increase"
                  r"|\b\d{1,3}(?:,\d{3})+%|\b\d{3,}%")


def traffic_is_news(word: str, low: str) -> bool:
    """False for "1,347 unique visitors, up from 1,178": traffic reported, not a milestone."""
    # a figure cheered ("The blog got 15,000 visitors this month!") is the founder calling it news
    return word.lower() not in TRAFFIC or TRAFFIC_NEWS.search(low) is not None or "!" in low


def audience(clause: str, low: str, ctx: Context) -> Found | None:
    for read in (_lost, _did, _ordinal, _record, _arrow, _reached, _paying, _cheer):
        found = read(clause, low)
        if found is not None:
            return found
    return _moved(clause, ctx.sentence) or _times(clause, low, ctx)


def _count(text: str) -> int | None:
    found = counts(text)
    return round(found[0].value) if found else None


def _did(clause: str, low: str) -> Found | None:
    m = DID.search(low)
    if m is None or NOT_OURS.search(low):
        return None
    n = _count(clause[m.start("n"):m.end("n")])
    if n is None or n < 100:
        return None
    return Found(T.USER_GROWTH, {"users": n}, f"{short_count(n)} users", m.start())


def _ordinal(clause: str, low: str) -> Found | None:
    m = ORDINAL.search(low)
    if m is None:
        return None
    n = _count(m["n"])
    if n is None or n < 10:
        return None
    word = m["w"].replace("-", "")
    return Found(T.USER_GROWTH, {f"{word}s": n}, f"{short_count(n)} {word}s", m.start())


def _record(clause: str, low: str) -> Found | None:
    m = RECORD.search(low)
    if m is None:
        return None
    return Found(T.USER_GROWTH, {"audience_trend": "record"},
                 said(clause, m.start()).rstrip("_*"), m.start())


def _arrow(clause: str, low: str) -> Found | None:
    if "\u2192" not in low and "->" not in low and "=>" not in low:
        return None  # no arrow, no match: the pattern's lazy label tries every letter first
    m = ARROW.search(low)
    if m is None or not _ARROW_NOUN.search(m["label"]):
        return None
    a, b = _count(m["a"]), _count(m["b"])
    if a is None or b is None or b <= a or b < 100:
        return None
    label = m["label"].strip()
    return Found(T.USER_GROWTH, {label.replace(" ", "_"): b},
                 f"{label.capitalize()}: {short_count(a)} to {short_count(b)}", m.start())


def _reached(clause: str, low: str) -> Found | None:
    m = REACHED.search(low)
    if m is None:
        return None
    noun = m["w"] or re.search(_NOUN, low[:m.start("n")])
    n = _count(m["n"])
    if not noun or n is None or n < 100 or clause[m.end("n"):m.end("n") + 1] in {"%", "x"}:
        return None
    word = noun if isinstance(noun, str) else noun.group()
    if not traffic_is_news(word.split()[-1], low):
        return None
    return Found(T.USER_GROWTH, {"users": n}, f"{short_count(n)} {word}", m.start())


def _paying(clause: str, low: str) -> Found | None:
    m = PAYING.search(low)
    if m is None:
        return None
    n = _count(m["n"] or m["m"])
    word = m["w"] or m["v"]
    if n is None or not _round(n):
        return None
    return Found(T.USER_GROWTH, {"users": n}, f"{short_count(n)} {word}", m.start())


def _lost(clause: str, low: str) -> Found | None:
    m = LOST.search(low)
    if m is None:
        return None
    return Found(T.USER_GROWTH, {"decline": "users lost"}, said(clause, m.start()), m.start(),
                 negative=True)


def _cheer(clause: str, low: str) -> Found | None:
    m = CHEER.search(low)
    if m is None or not _CHEERED.search(clause):
        return None
    n = _count(m["n"])
    if n is None or n < 100 or len(str(n).rstrip("0")) > 2:
        return None  # 10,000 and 2,500 are milestones; 1,237 is a reading
    return Found(T.USER_GROWTH, {m["w"].replace(" ", "_").replace("-", ""): n},
                 f"{short_count(n)} {m['w']}", m.start())


def _times(clause: str, low: str, ctx: Context) -> Found | None:
    m = TIMES.search(low)
    if m is None:
        return None
    ours = re.search(r"\b(?:we|we'?ve|our|my)\b", low[:m.start()]) or (
        ctx.company is not None and ctx.company.search(clause[:m.start()]))
    if not ours:
        return None  # "Zedge's app has been downloaded 300M times": a customer's audience
    n = 1_000_000_000 if "billion" in m["n"] else 1_000_000 if m["n"][0] in "ao" \
        else _count(m["n"])
    if n is None or n < 1000:
        return None
    word = {"downloaded": "downloads", "installed": "installs", "cloned": "clones",
            "forked": "forks"}[m["v"]]
    return Found(T.USER_GROWTH, {word: n}, f"{short_count(n)} {word}", m.start())


def _round(n: int) -> bool:
    """A count stated without a verb is a milestone when it is round: 1,000 or 7,000, not 800."""
    return n % 1000 == 0 if n >= 1000 else n in {100, 200, 250, 500}


def _moved(clause: str, sentence: str) -> Found | None:
    if "from" not in clause.lower():
        return None
    low = sentence.lower()
    m = FROM_TO.search(low)
    if m is None or not _RISE.search(low[:m.start("a")]) or _STAFF.search(low):
        return None
    near = low[max(0, m.start() - 40):m.end() + 40]
    if not _MOVED.search(near):
        return None
    a, b = _count(m["a"]), _count(m["b"])
    if a is None or b is None or b <= a or b < 100:
        return None
    noun = _NAMED.match(low, m.end("b")) or _MOVED.search(near)
    word = noun.group(noun.lastindex or 0) if noun else "users"
    return Found(T.USER_GROWTH, {"users": b},
                 f"{short_count(b)} {word} (from {short_count(a)})", 0)
