"""Milestones founders say in words rather than in a figure's shape, and customers going live.

``growth.users``, ``growth.revenue`` and ``milestones`` read a figure next to its unit ("12k
MAU", "$1.2M ARR"). Founders writing prose, update emails and chat often say the same milestone
without that shape. Each family below is seen across Slack chatter, founder update emails,
blog posts and press copy:

- **a count in words**: "We hit one hundred daily active readers!", "just crossed a thousand
  paying users", "a dozen paying teams are now on the Pro plan", "the repo passed ten thousand
  stars", "we now serve two thousand businesses", "paying customers are in double digits";
- **money in words**: "we reached six figures in ARR", "we're a seven-figure ARR business",
  "our first million in revenue", "we have earned over two thousand dollars";
- **firsts**: "closed first revenue @ $98/mo", "First revenue!", "first payment received",
  "our first $1k month", "first customer data in", "our first customer is live in production";
- **records in prose**: "our best day and best week ever", "May was our biggest month ever",
  "an all-time high for comments", "our highest traffic day in company history", "sales this
  week were the best we've ever had" (a record with no money word is an audience record);
- **a customer going live** (``customer_live``): "Granot.io launched live in production, using
  daily for its AI SDR", "Globex went live on our platform", "Initech is now in production
  with Acme", "Umbrella's team has been using it every day";
- **a customer staying or growing** (``customer_kept``): "Globex re-upped for two more years!",
  "Soylent moved their entire support org onto Acme", "Globex doubled their seat count", and
  retention said as nobody leaving: "Zero churn this month".

Look-alikes stay silent: counts of what is no audience or money ("one hundred bugs", "a dozen
meetings", "double-digit latency", "ten thousand steps"), a magnitude that is a deal or a pay
("a six-figure contract", "a six-figure salary"), ordinals that are no milestone ("first
version", "first draft", "first call with"), firsts still awaited ("waiting for our first
paying customer", "how to get your first dollar"), records of what is no business figure ("best
day ever at the offsite", "record heat", "highest latency ever"), going live that is our own
deploy ("the deploy is live in production"), a part of a product ("the Salesforce connector is
live on Acme") or our own use ("we use it daily"); a count that describes rather than reports
("Acme is used by over a million developers", "we have over a hundred customers, so this bug
matters"); a person staying on ("Jane stayed on for another year"), another vendor ("moved their
billing onto Stripe"), "no churn" wished for or with no period. Plans,
hypotheticals, other companies' numbers and old news are the reader's vetoes (modality.py,
subject.py), which every reading here passes through.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.names import names_in
from signalpipe.extract.rules.subject import FIRST_PERSON
from signalpipe.models import EventType

T = EventType

_UNITS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
          "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
          "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# a magnitude in words: "one hundred", "a thousand", "ten thousand", "half a million", "a dozen"
_NUM = (r"(?:half a (?:million|billion)|a dozen|(?:(?:" + "|".join(_UNITS) + r")[ -])?"
        r"(?:hundred|thousand|million|billion)(?: thousand| million)?)")
# who or what an audience counts, with the words that qualify it
_NOUN = (r"(?:(?:daily|weekly|monthly) (?:active )?|active |paying |paid |happy |registered "
         r"|unique |github |)(?:users|readers|customers|clients|subscribers|subs|members|teams"
         r"|companies|businesses|organi[sz]ations|orgs|accounts|developers|devs|stars"
         r"|downloads|installs|sign-?ups|merchants|creators|students|learners|players"
         r"|listeners|viewers|visitors|followers|actives|daus|maus|waus|brands|stores|schools"
         r"|clinics|restaurants|writers|people|pageviews|page views|websites|sites|apps)")
# a count held is news only when said as new ("now serves", "officially have"): "Acme is used by
# a million developers" describes, as a press release's "About" line does
_CROSS = (r"(?P<v>hit|hits|reached|reaches|crossed|crosses|passed|passes|topped|tops|surpassed"
          r"|broke|broken|cracked|cleared|got to|made it to|now at|'re (?:now )?at|are (?:now )?at"
          r"|now have|now has|officially have|officially has|finally have|now serves?"
          r"|now serving|now used by|now trusted by|welcomed)")
_OVER = r"(?:the |over |more than |past |north of |nearly |almost |our |a full )*"
# "we hit one hundred daily active readers", "subscribers hit five thousand"
COUNT = rx(rf"\b{_CROSS} {_OVER}(?P<n>{_NUM}) (?P<w>{_NOUN})\b"
           rf"|\b(?P<w2>{_NOUN}) (?:have |has |just |finally |officially )*(?P<v2>hit|reached"
           rf"|crossed|passed|topped|surpassed|broke) {_OVER}(?P<n2>{_NUM})\b(?! (?:bugs|issues))"
           # "Over a thousand teams now use Tilt", "Today, more than two thousand companies use us"
           rf"|^\W*(?:today,? |now,? )?{_OVER}(?P<n3>{_NUM}) (?P<w3>{_NOUN}) (?:(?:now |are now )?"
           r"(?P<u>use|using|trust|rely on)(?= (?P<obj>[\w.-]+))|are now|now|have now|have joined"
           r"|joined|signed up)\b"
           # "five hundred paying customers as of this morning!"
           rf"|^\W*(?:we(?:'re| are) at |now at )?(?P<n4>{_NUM}) (?P<w4>{_NOUN})"
           r"(?: (?:as of|and counting|today|this (?:morning|week)|now)\b[^.]{0,30})?\W*$")
# "we're now in double digits on paying customers", "paying customers hit triple digits"
DIGITS = rx(r"\b(?:into|in|hit|reached|crossed|to|at|broke) (?P<d>double|triple|four|five|six)"
            r"[- ]digits\b")
# "six figures in ARR", "a seven-figure ARR business", "into six figures of revenue"
FIGURES = rx(r"\b(?:hit|reached|crossed|passed|into|topped|broke|surpassed|are now|'re now"
             r"|is now|now a|officially a|we're a|we are a|became a|at) (?:an? )?(?:solid |full )?"
             r"(?P<n>five|six|seven|eight|nine)[- ]figures?(?: (?:in|of))?"
             r" (?P<w>arr|mrr|revenue|sales|run[- ]rate|annual revenue|recurring revenue"
             r"|annual recurring revenue|bookings|income|business|company|startup)\b"
             # "ARR crossed seven figures"
             r"|\b(?P<w2>arr|mrr|revenue|sales|run[- ]rate|bookings) (?:has |have |just |finally )*"
             r"(?:hit|reached|crossed|passed|topped|broke into|went into|is in|are in|into)"
             r" (?P<n2>five|six|seven|eight|nine)[- ]figures?\b")
# "we have earned over two thousand dollars", "made a million dollars in sales"
MONEY = rx(rf"\b(?:earned|made|generated|brought in|booked|collected|sold|grossed|did)"
           rf" (?:over |more than |nearly |almost |about |just over |north of )?(?P<n>{_NUM})"
           r" (?:dollars|euros|pounds|bucks)\b")
# "we crossed a million dollars in ARR", "ARR is now over a million dollars"
MONEY_CROSSED = rx(rf"\b(?:crossed|passed|hit|reached|surpassed|topped|broke|cleared) {_OVER}"
                   rf"(?P<n>{_NUM}) (?:dollars |euros |pounds )?(?:in|of) (?P<w>arr|mrr|revenue"
                   r"|sales|bookings|gmv)\b"
                   rf"|\b(?P<w2>arr|mrr|revenue|sales|run[- ]rate) (?:is|are|was|just) (?:now )?"
                   rf"{_OVER}(?P<n2>{_NUM}) (?:dollars|euros|pounds)\b")
_FIRST_MILLION = rx(r"\b(?:our|my|its|the) first (?:(?:one|a) )?million(?: dollars)?"
                    r" (?:in|of) (?P<w>revenue|sales|arr|bookings|gmv|income)\b")
_NOT_AUDIENCE = rx(r"\b(?:bugs?|issues|tickets|meetings|emails|steps|tabs|errors|lines of code"
                   r"|commits|employees|staff|hires|degrees|ms|latency|calls|slides|todos"
                   r"|applications|applicants|resumes|cvs|rejections)\b")
_NOT_REVENUE = rx(r"\b(?:deal|contract|salary|salaries|offer|seed|round|raise|check|cheque"
                  r"|exit|budget|loss|losses|fine|bill|investment|burn|spend|payroll|debt"
                  r"|settlement|donation|grant|prize)\b")


def _value(words: str) -> int:
    """ "one hundred" -> 100, "ten thousand" -> 10000, "half a million" -> 500000."""
    if words == "a dozen":
        return 12
    if words.startswith("half a "):
        return _SCALES[words[7:]] // 2
    value = 1
    for word in words.split(" "):
        if word in _SCALES:
            value *= _SCALES[word]
        elif word in _UNITS:
            value = _UNITS[word]
        elif "-" in word:  # "one-hundred"
            unit, _, scale = word.partition("-")
            value = _UNITS.get(unit, 1) * _SCALES.get(scale, 1)
    return value


def _has(low: str, words: tuple[str, ...]) -> bool:
    """A cheap look before the patterns run: most clauses hold none of a reading's words."""
    return any(w in low for w in words)


# a milestone told as the backstory of something else: "Ever since we crossed ten thousand
# stars, issues pile up"
SINCE = rx(r"\b(?:ever )?since (?:(?:we|i|it|they)(?:'ve| have)? )?(?:first |finally |just )?$")


def milestone(clause: str, low: str, ctx: Context) -> Found | None:
    """A user or revenue milestone said in words, a first, or a record in prose."""
    found = in_words(clause, low, ctx) or firsts(clause, low, ctx) \
        or record_prose(clause, low, ctx)
    if found is not None and SINCE.search(low, 0, found.trigger):
        return None
    return found


def in_words(clause: str, low: str, ctx: Context) -> Found | None:
    """A count or an amount in words crossed: "We hit one hundred daily active readers!"."""
    if _has(low, ("hundred", "thousand", "million", "billion", "dozen")):
        found = _count(low, ctx.company) or _money_words(low)
        if found is not None:
            return None if _theirs(clause[:found.trigger], ctx) else found
    if "figure" in low:
        return _figures(low)
    if "digits" in low:
        return _digits(low, ctx)
    return None


_ABOVE = rx(r"\b(?:over|more than|past|north of)\b")


def _shown(value: int) -> str:
    """1,000 as "1,000", 7,000,000 as "7 million": as an investor reads a round number."""
    if value >= 1_000_000 and value % 100_000 == 0:
        return f"{value / 1_000_000:g} million"
    return f"{value:,}"


_VERB_TITLE = {"hit": "Reached", "hits": "Reached", "reached": "Reached", "reaches": "Reached",
               "got to": "Reached", "made it to": "Reached", "welcomed": "Welcomed"}


# someone else's count cheered: "Congrats to @jane whose package crossed a thousand stars"
_OTHERS = rx(r"\b(?:whose|congrats|congratulations|kudos|shout-?out|props)\b|@\w")


# an event's audience, not the company's: "two hundred people joined the webinar"
_GATHERING = rx(r"\b(?:joined|attended|at|for|to|in|on) (?:the |our |a |this |my |last )?"
                r"(?:\w+ )?(?:webinar|event|meetup|talk|workshop|conference|demo|call|session"
                r"|livestream|stream|giveaway|raffle|contest|survey|hackathon|party|ama|space"
                r"|panel)s?\b|\battend")


# "Jane's newsletter passed ten thousand subscribers": a named other's count
_POSSESSOR = re.compile(r"\b([A-Z][\w.&-]*)(?:'s|\u2019s)\s")


def _theirs(head: str, ctx: Context) -> bool:
    """A possessive name before the count that is not ours."""
    m = _POSSESSOR.search(head)
    return m is not None and m.group(1) not in {"It", "That", "What", "Here", "There", "Let"} \
        and (ctx.company is None or not ctx.company.search(m.group(1)))


def _us(word: str, company: re.Pattern[str] | None) -> bool:
    """The object is us: "it", "us", "our ...", or one of the company's names."""
    return word in {"it", "us", "our"} or (company is not None
                                            and company.search(word) is not None)


def _count(low: str, company: re.Pattern[str] | None) -> Found | None:
    m = COUNT.search(low)
    if m is None or _OTHERS.search(low, 0, m.start()) or _GATHERING.search(low, m.start()):
        return None  # someone else's count; an event's audience ("joined the webinar")
    n = m["n"] or m["n2"] or m["n3"] or m["n4"]
    noun = (m["w"] or m["w2"] or m["w3"] or m["w4"]).strip()
    if _NOT_AUDIENCE.search(noun) or (m["u"] and not _us(m["obj"], company)):
        return None  # "two thousand companies use Slack": someone else's users
    value = _value(n)
    if value < 10:
        return None  # "hit a hundred" needs its hundred: "a" alone is no count
    verb = (m["v"] or m["v2"] or "").strip()
    shown = _shown(value)
    over = " over" if _ABOVE.search(m.group()) else ""
    if verb in {"now used by", "now trusted by"}:
        title = f"Used by{over} {shown} {noun}"
    elif m["u"]:
        title = f"{'Over ' if over else ''}{shown} {noun} use the product"
    elif verb in _VERB_TITLE or not verb:
        title = f"{_VERB_TITLE.get(verb, 'Reached')}{over} {shown} {noun}"
    elif verb.startswith(("now", "officially", "finally", "we have", "'re", "are", "serv")):
        title = f"{'Serving' if 'serv' in verb else 'Now at'}{over} {shown} {noun}"
    else:
        title = f"Passed {shown} {noun}"
    return Found(T.USER_GROWTH, {noun.replace(" ", "_"): value}, title, m.start())


def _money_words(low: str) -> Found | None:
    m = MONEY.search(low) or _FIRST_MILLION.search(low) or MONEY_CROSSED.search(low)
    if m is None:
        return None
    if m.re is MONEY_CROSSED:
        what = m["w"] or m["w2"]
        label = what.upper() if what in {"arr", "mrr", "gmv"} else what.capitalize()
        value = _value(m["n"] or m["n2"])
        return Found(T.REVENUE_MILESTONE, {"revenue": value},
                     f"{label} passed ${_shown(value)}", m.start())
    if m.re is _FIRST_MILLION:
        what = m["w"].upper() if m["w"] in {"arr", "gmv"} else m["w"]
        return Found(T.REVENUE_MILESTONE, {"revenue": 1_000_000},
                     f"First $1 million in {what}", m.start())
    value = _value(m["n"])
    if value < 100:
        return None
    return Found(T.REVENUE_MILESTONE, {"revenue": value}, f"Earned over ${_shown(value)}",
                 m.start())


def _figures(low: str) -> Found | None:
    m = FIGURES.search(low)
    if m is None or _NOT_REVENUE.search(low):
        return None
    what, n = m["w"] or m["w2"], m["n"] or m["n2"]
    metric = what.upper() if what in {"arr", "mrr"} else "Revenue"
    digits = {"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}[n]
    return Found(T.REVENUE_MILESTONE, {"revenue_figures": digits},
                 f"{metric} reached {n} figures", m.start())


_DIGIT_RATE = rx(r"\bdigits? (?:growth|percent|%)")
_DIGITS_OF = rx(rf"\b(?P<w>{_NOUN}|arr|mrr|revenue|sales)\b")


def _digits(low: str, ctx: Context) -> Found | None:
    """ "paying customers are in double digits": the noun may stand anywhere in the sentence."""
    m = DIGITS.search(low)
    if m is None:
        return None
    sentence = ctx.sentence.lower() or low
    if _NOT_AUDIENCE.search(sentence) or _DIGIT_RATE.search(low):
        return None  # "double-digit latency", "double digits growth" (a rate, not a count)
    what = _DIGITS_OF.search(low) or _DIGITS_OF.search(sentence)
    if what is None:
        return None
    noun = what["w"]
    money = noun in {"arr", "mrr", "revenue", "sales"}
    label = noun.upper() if noun in {"arr", "mrr"} else noun[:1].upper() + noun[1:]
    return Found(T.REVENUE_MILESTONE if money else T.USER_GROWTH,
                 {f"{noun.replace(' ', '_')}_digits": m["d"]},
                 f"{label} reached {m['d']} digits", m.start())


# a first that is money in: done ("closed", "made", "got"), or told as arrived
FIRST_MONEY = rx(
    r"\b(?:closed|made|earned|got|received|booked|collected|landed|generated|brought in|saw"
    r"|had|banked|celebrated|hit) (?:our |my |its |the |their )?(?:very )?first (?:ever )?"
    r"(?:real )?(?P<w>revenue|dollars?|euros?|pounds?|payments?|paid invoice|invoice paid"
    r"|mrr|arr|subscription revenue|recurring revenue|(?:\$|€|£)\d[\d,.]*\s?k?"
    r" (?:month|day|week|mrr month|revenue month|mrr))\b"
    r"|^\W*(?:our |my )?(?:very )?first (?P<x>revenue|dollar|payment|paid invoice)"
    r"(?:\W*$|\s*[!:\u2014])"
    r"|\bfirst (?P<y>revenue|dollar|payment|paid invoice)(?: \w+)? (?:is |was |has been |got )?"
    r"(?:in|received|came in|arrived|landed|closed|booked|collected)\b(?! (?:to|for|by) )"
    r"|^\W*(?:our |my )?(?:very )?first (?P<z>(?:\$|€|£)\d[\d,.]*\s?k?) (?:month|day|week"
    r"|mrr month|revenue month)\b\W*$"
    # a heading's label: "Month 5 Recap \u2013 First Revenue", "October update: first revenue!"
    r"|(?:[:\u2013\u2014]| -) (?:our |my )?(?:very )?first (?P<h>revenue|dollar|sale|payment)\W*$"
    # the first customer won, not yet said to pay: "That very evening I got my first subscriber"
    r"|\b(?:got|landed|signed|won|welcomed|closed) (?:my|our) (?:very )?first (?:ever )?"
    r"(?P<c>customer|subscriber|client)\b(?! (?:in|from|call|meeting|interview|feedback|email"
    r"|complaint|bug|ticket|question|request|demo|conversation|support|review|story)\b)")
# a first still to come, or taught: "waiting for our first dollar", "how to make your first"
_NOT_YET = rx(r"\b(?:before|until|till|waiting|wait for|how (?:to|we|i)|tips|guide|chasing|still no"
              r"|yet to|goal|target|hope|hoping|want|wants|need|needs|aim|aiming|plan|planning"
              r"|next|towards?|road to|path to|your|will|would|could|should|to get|to make"
              r"|to earn|to close)\b")
# "Big milestone! First customer data in.", "our first customer is live in production"
FIRST_LIVE = rx(r"\bfirst (?:paying |enterprise |design[- ]partner |pilot )?(?:customer|client"
                r"|design partner)(?:'s|s'|s)? (?:data |integration |deployment |workspace"
                r" |instance )?(?:is |are |went |has gone |have gone |got |now )?(?:now |officially"
                r" )?(?P<s>live(?! (?:in|on) [a-z]+ (?:soon|next))|in production|up and running"
                r"|onboarded|deployed|in(?=\W*$))")
# a first remembered in a story or an interview: "The moment came when I received my first
# payment", "I still remember our first dollar"
_RECALLED = rx(r"\b(?:the moment|moment came|remember|recall|back when|a-?ha|looking back"
               r"|years ago|flashback|story of)\b")
_UP_TO_PERIOD = re.compile(r".*?\b(?:month|day|week)\b|.*?\bmrr\b", re.IGNORECASE)
_MONEY_AFTER = re.compile(r"[$€£]\s?\d[\d,.]*\s?[km]?(?:\s?/\s?(?:mo|month|yr|year))?")


# money first made, told as a first time: "Got paid for the first time!", "a customer paid us
# for the first time this week"
FIRST_TIME = rx(r"\b(?:got paid|made (?:some )?money|earned (?:some )?money|made a sale|made sales"
                r"|(?:customers?|clients?|users?|someone|somebody) paid(?: us| for (?:it|acme"
                r"|the product|a plan|a subscription))?) for the (?:very )?first time\b")


def firsts(clause: str, low: str, ctx: Context) -> Found | None:
    """A first dollar or a first customer live: "closed first revenue @ $98/mo"."""
    if "first" not in low or _RECALLED.search(ctx.sentence.lower() or low):
        return None
    live = FIRST_LIVE.search(low)
    if live is not None and not _NOT_YET.search(low, 0, live.start()):
        state = {"in": "data in", "live": "live"}.get(live["s"], live["s"])
        who = "client" if "client" in live.group() else "customer"
        loaded = {"data in": "data loaded"}.get(state, state)  # "First customer: data loaded"
        return Found(T.CUSTOMER_SUCCESS, {"first_customer": loaded}, f"First {who} {state}",
                     live.start())
    m = FIRST_MONEY.search(low)
    if m is None:
        once = FIRST_TIME.search(low)
        if once is None or _NOT_YET.search(low, 0, once.start()):
            return None
        return Found(T.REVENUE_MILESTONE, {"first_sale": "first revenue"}, "First revenue",
                     once.start())
    if _NOT_YET.search(low, 0, m.start()):
        return None
    if m["c"] is not None:
        return Found(T.REVENUE_MILESTONE, {"first_sale": f"first {m['c']}"},
                     f"First {m['c']}", m.start(), allow=frozenset({"plan"}))
    what = (m["w"] or m["x"] or m["y"] or m["z"] or m["h"]).strip()
    amount = _MONEY_AFTER.search(clause, m.end())
    if what.startswith(("$", "€", "£")):
        # "First $10k MRR month", as written from the amount to its period
        shown = _UP_TO_PERIOD.match(clause, m.start("w") if m["w"] else m.start("z"))
        title = f"First {shown.group() if shown else what}"
    elif amount is not None:
        title = f"First revenue: {amount.group().replace(' ', '')}"
    else:
        title = "First revenue" if what.startswith(("revenue", "dollar", "euro", "pound",
                                                    "payment", "paid", "invoice")) \
            else f"First {what.upper() if what in {'mrr', 'arr'} else what}"
    # the report shows "First sale: $98/mo", not "First sale: first revenue: $98/mo"
    shown_value = amount.group().replace(" ", "") if amount is not None and not what.startswith(
        ("$", "€", "£")) else title.lower()
    return Found(T.REVENUE_MILESTONE, {"first_sale": shown_value}, title, m.start(),
                 allow=frozenset({"plan"}))


_PERIOD = r"(?:day|week|weekend|month|quarter|year|hour)s?"
_TOP = r"(?:best|biggest|highest|busiest|strongest|largest|record)"
# "our best day and best week ever", "May was Readup's biggest month ever"
RECORD_DAY = rx(
    rf"(?:\b(?P<o>our|its|my|[\w.-]+(?:'s|\u2019s)) |^\W*(?P<b>(?:new )?)(?:an? )?)"
    rf"(?:single |all[- ]time )?{_TOP}"
    rf"(?P<n> [a-z-]+)? {_PERIOD}(?: and (?:our |its |my |the )?{_TOP}(?: [a-z-]+)? {_PERIOD})?"
    r"(?: [\w'\u2019]+){0,3}? (?P<e>ever|on record|in (?:our |company |[\w.-]+(?:'s|\u2019s) )?"
    r"history|to date|so far|yet|of all time)\b")
# "an all-time high for comments", "signups hit a record high"
ALL_TIME = rx(r"\b(?:all[- ]time high|record high|new high|new record|record)s? (?:for|in|of|on)"
              r" (?:\w+ ){0,2}?(?P<n>comments|reads|signups|sign-ups|users|traffic|visitors"
              r"|readers|actives|downloads|installs|subscribers|members|pageviews|page views"
              r"|usage|engagement|revenue|sales|mrr|arr|orders|bookings)\b"
              r"|\b(?P<m>comments|reads|signups|sign-ups|traffic|visitors|readers|downloads|numbers"
              r"|metrics"
              r"|installs|subscribers|usage|engagement|revenue|sales|mrr|arr|orders|bookings)"
              r" (?:\w+ ){0,2}?(?:hit|reached|set|at|is at|are at|was at|were at) (?:an |a new |a"
              r" )?(?:all[- ]time high|record high|new high|new record|(?:all[- ]time )?record)\b"
              # "sales this week were the best we've ever had"
              # "shattered its all-time monthly EV sales record", "All-time best EV sales"
              r"|\b(?:broke|shattered|set|smashed|beat|topped) (?:its|our|a new|the|their)"
              r" (?:all[- ]time |previous |own )?(?:daily |weekly |monthly |quarterly |annual )?"
              r"(?:[\w-]+ )?(?P<r>sales|revenue|signup|sign-up|download|install|subscriber"
              r"|traffic|usage|order|booking|mrr|arr) records?\b"
              r"|^\W*all[- ]time (?:best|biggest|highest|record) (?:[\w-]+ |(?:day|week|month"
              r"|quarter|year) (?:for|in|of) )?(?P<a>sales|revenue|signups|sign-ups|downloads"
              r"|installs|subscribers|traffic|usage|orders|bookings)\b"
              r"|\b(?P<k>sales|revenue|signups|sign-ups|traffic|downloads|installs|orders)"
              r" (?:this|last) (?:week|month|quarter|year) (?:was|were) (?:our |the )?(?:best"
              r"|highest|biggest|strongest) (?:we'?ve ever|we have ever|ever|on record)")
_BUSINESS = rx(r"^(?:revenue|sales|signup|sign-up|signups|traffic|growth|usage|download|install"
               r"|subscription|subscriber|reading|comment|launch|trading|grossing|earning|mrr"
               r"|arr|order|booking|customer|user|visitor|app|new-user|new)$")
_MONEY_NOUN = rx(r"[$€£]|\b(?:revenue|sales|mrr|arr|income|profit|earnings|bookings|grossing"
                 r"|earning|trading|orders?|paid|paying)\b")
_METRIC_WORD = rx(r"\b(?:metrics?|numbers|revenue|sales|signups|sign-ups|users|traffic|mrr|arr"
                  r"|downloads|installs|subscribers|readers|customers|growth|usage)\b")
_NOT_RECORD = rx(r"\b(?:offsite|party|retreat|hackathon|vacation|holiday|talk|dinner|lunch"
                 r"|bugs?|outages?|incidents?|churn|latency|costs?|spend|bills?|heat|weather|life"
                 r"|hiring|support|tickets|refunds|errors|worst|losses|burn|rain|snow|flight"
                 r"|travel|sleep|run|workout|pr|prs|commits|downtime|tickets)\b")


# "the biggest day in Acme's history", "we've never had a better month", "a record-breaking
# month for signups"
RECORD_MORE = rx(
    rf"\bthe {_TOP}(?P<hn> [a-z-]+)? {_PERIOD} in (?P<ho>our|company|[\w.-]+(?:'s|\u2019s))"
    r" history\b"
    r"|\b(?:never|not ever) (?:had|seen|done|hit) (?:a |an )?(?:better|bigger|busier|stronger)"
    rf" (?:(?P<nn>[a-z-]+) )?{_PERIOD}\b"
    r"|\b(?:record[- ]breaking|record) (?:day|week|month|quarter|year) (?:for|in|of) (?:new "
    r"|paying |paid )?(?P<rn>signups|sign-ups|users|customers|subscribers|downloads|installs"
    r"|traffic|visitors|revenue|sales|orders|bookings|readers|members)\b")


def record_prose(clause: str, low: str, ctx: Context) -> Found | None:
    """A record told in prose: "we just had our best day and best week ever"."""
    if not _has(low, ("ever", "record", "all-time", "all time", "history", "to date", "so far",
                      " high", " yet", "never")):
        return None
    sentence = ctx.sentence.lower() or low
    read = _record(low, sentence, ctx)
    if read is None or _NOT_RECORD.search(low):
        return None
    m, noun = read
    money = bool(_MONEY_NOUN.search(noun)) or (not noun and bool(_MONEY_NOUN.search(sentence)))
    title = _record_title(clause, m)
    return Found(T.REVENUE_MILESTONE if money else T.USER_GROWTH,
                 {"record": title.lower()}, title, m.start(),
                 allow=frozenset({"negation"}) if m.re is RECORD_MORE and m["ho"] is None
                 and m["rn"] is None else frozenset())


def _record(low: str, sentence: str, ctx: Context) -> tuple[re.Match[str], str] | None:
    """The record's wording and the noun it counts ("" when it names none)."""
    m = RECORD_DAY.search(low)
    if m is not None:
        noun = (m["n"] or "").strip()
        if noun and not _BUSINESS.match(noun):
            return None  # "our best hiring month ever", "our biggest outage week"
        if m["o"] is None and not noun and not _METRIC_WORD.search(sentence):
            return None  # "Best day ever!": whose, and of what, a chat line does not say
        return m, noun
    m = ALL_TIME.search(low)
    if m is not None:
        return m, m["n"] or m["m"] or m["k"] or m["r"] or m["a"]
    m = RECORD_MORE.search(low)
    if m is None:
        return None
    owner = m["ho"]
    if owner is not None and owner not in {"our", "company"} \
            and (ctx.company is None or not ctx.company.search(owner)):
        return None  # "the biggest day in Stripe's history"
    noun = (m["hn"] or m["nn"] or m["rn"] or "").strip()
    return (m, noun) if not noun or _BUSINESS.match(noun) or m["rn"] else None


_OWNER = re.compile(r"^(?:our|its|my|an?|[\w.-]+(?:'s|\u2019s)) ", re.IGNORECASE)
_WE_EVER = re.compile(r"\b(?:we'?ve|we have) ever\b", re.IGNORECASE)


def _record_title(clause: str, m: re.Match[str]) -> str:
    text = clause[m.start():m.end()]
    text = _OWNER.sub("", text)
    text = _WE_EVER.sub("ever", text)
    return text[:1].upper() + text[1:]


# how a customer is said to run on us: "launched live in production", "using it daily"
LIVE = rx(r"\b(?:launched|went|gone|goes|is|are|now|got|been|officially) (?:now |officially"
          r" |fully |finally )?live (?:in production|on (?:our platform|our app|us\b|the platform"
          r"|(?P<on>[a-z][\w.-]+))|with (?:us\b|(?P<wi>[a-z][\w.-]+))|(?=, (?:using|used)))"
          r"|\b(?:is|are|went|now|been) (?:now |officially |fully )?(?:running )?in production"
          r" (?:with|on) (?:us\b|our \w+|(?P<with>[a-z][\w.-]+))"
          r"|\b(?:is|are|now|been|started|start|has been|have been|'s been|'re) (?:now )?(?:using"
          r"|uses?)"
          r" (?:it |us |our \w+ |the (?:product|platform|app|tool) |(?P<use>[a-z][\w.-]+) )?"
          r"(?:daily|every day|every single day|day[- ]to[- ]day|day in,? day out)\b"
          r"|\brolled (?:us|it|(?P<out>[a-z][\w.-]+)) out to (?:all|every"
          r"|their (?:whole|entire))\b")
# who went live: a customer named by a noun when no name is given
_CUSTOMER_WORD = rx(r"\b(?:(?:our )?first |a |one |another |our (?:biggest |largest |newest )?)"
                    r"(?:paying |enterprise |pilot )?(?:customer|client|design partner)\b")


def customer_live(clause: str, low: str, ctx: Context) -> Found | None:
    """A customer live in production or in daily use: "Granot.io launched live in production,
    using daily for AI SDR", "Globex went live on our platform"."""
    if not _has(low, ("live", "production", "daily", "every day", "day-to-day", "day to day",
                      "rolled")):
        return None
    m = LIVE.search(low)
    if m is None:
        return None
    target = m["on"] or m["with"] or m["use"] or m["out"] or m["wi"]
    if target is not None and (ctx.company is None or not ctx.company.search(target)):
        return None  # "live on Shopify", "in production with Postgres": not on us
    head = clause[:m.start()]
    name = _who(head, ctx)
    how = m.group()
    if name is None or (not _CUSTOMER_WORD.search(head.lower())
                        and not _named_enough(how, head, ctx.sentence.lower() or low)):
        return None
    state = "is using the product daily" if _USE.search(how) \
        else "rolled the product out company-wide" if "rolled" in how \
        else "went live in production" if "production" in how else "went live on the product"
    named = not _CUSTOMER_WORD.search(head.lower())
    # a customer named by a noun ("our first customer") is no name for naming.py to check
    metrics: dict[str, str | int | float] = {"customer": name} if named \
        else {"customer_live": name.lower()}
    return Found(T.CUSTOMER_SUCCESS, metrics, f"{name} {state}", m.start(), relational=True,
                 stakeholders=(name,) if named else (), allow=frozenset({"habit"}))


# a team of the customer's: "Umbrella's support team", "the Globex team"
_TEAM = re.compile(r"(?:'s|\u2019s) (?:\w+ )?(?:team|staff|engineers|agents|reps|nurses|doctors"
                   r"|teachers|drivers)\b|^\W*the \w+ team\b", re.IGNORECASE)
# a customer spoken of near a bare "went live in production" (not our own service or database)
_CUSTOMER_CUE = rx(r"\b(?:customers?|clients?|using|uses|used|pilot|design partners?|their)\b")


_USE = re.compile(r"\b(?:using|uses?)\b")


def _named_enough(how: str, head: str, sentence: str) -> bool:
    """A name is a customer's when the wording says so: live on us or with us, rolled us out,
    a team of theirs using us daily, or a customer cue beside "went live in production" (never
    a bare "X is live in production": that is as often our own service)."""
    on_us = " on " in how or " with " in how or "rolled" in how
    if _USE.search(how):
        return on_us or _TEAM.search(head) is not None
    if on_us:
        return True
    went = how.startswith(("launched", "went", "gone", "goes", "officially"))
    return went and _CUSTOMER_CUE.search(sentence) is not None


# a part of a product going live is a release or an integration, not a customer
_A_PART = rx(r"\b(?:integration|connector|plugin|plug-in|app|extension|feature|api|sdk|module"
             r"|template|widget|bot|service|server|cluster|database|site|page|version|release"
             r"|build|update)s?\b")


# "our first customer" names the customer, not us
_OUR_CUSTOMER = re.compile(r"^\W*our (?=(?:first |biggest |largest |newest )?(?:paying "
                           r"|enterprise )?(?:customer|client))", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:a|one|another|our) ")


def _who(head: str, ctx: Context) -> str | None:
    """The customer the clause opens on ("Granot.io", "Umbrella's team", "our first
    customer"), never us."""
    if len(head) > 60 or _A_PART.search(head.lower()) \
            or FIRST_PERSON.search(_OUR_CUSTOMER.sub("", head)):
        return None
    word = _CUSTOMER_WORD.search(head.lower())
    if word is not None:
        said_ = word.group().strip()
        said_ = _ARTICLE.sub("", said_)
        return said_[:1].upper() + said_[1:]
    found = names_in(head)
    if not found:
        return None
    name = found[0][0].removesuffix("'s").removesuffix("\u2019s")
    if ctx.company is not None and ctx.company.search(name):
        return None  # our own launch goes to the launch readers
    return name


# a customer staying on, told without "renewed": "Globex re-upped for two more years!",
# "Initech signed on for a second year", "Globex came back for another year"
KEPT = rx(r"\b(?:(?:re-?upped|renewed|signed (?:on|up) again|signed on|extended|recommitted)"
          r" (?:with (?:us\b|(?P<kw>[a-z][\w.-]+)) )?"
          # a person also "stays on" or "comes back" for a year: with us only, said of a customer
          r"|(?:came back|stayed on|is staying|are staying|stays) with (?:us\b"
          r"|(?P<kx>[a-z][\w.-]+)) )for (?:another|a second|a third|a fourth|two more"
          r"|three more|\d+ more) (?:years?|terms?)\b(?! (?:as|of|at)\b)")
# a customer putting more of itself on us: "Soylent moved their entire support org onto Acme",
# "Umbrella is expanding their rollout to the whole EU team", "Globex doubled their seat count"
GREW = rx(r"\b(?:moved|migrated|switched|put|standardi[sz]ed|consolidated|(?:is|are) (?:now )?"
          r"running|now runs?) (?:all (?:of )?|the whole of )?(?:their|its) (?:entire |whole )?"
          r"(?:[a-z]+ ){0,2}?(?:org|organi[sz]ation|company|business|billing|support|operations"
          r"|ops|stack|workflows?|fleet|department) (?:on|onto|to|over to)"
          r" (?:us\b|(?P<gw>[a-z][\w.-]+))"
          r"|\b(?:expanded|expanding|extended|extending|grew|growing) (?:their|its) (?:rollout"
          r"|deployment|usage|contract|licen[cs]e|subscription|footprint|seats) (?:to|across"
          r"|into)\b"
          r"|\b(?:doubled|tripled|quadrupled) (?:their|its) (?:seat count|seats|licen[cs]es|usage"
          r"|spend|contract)\b")
# retention said as nobody leaving: "Zero churn this month", "Not a single customer churned in Q3"
NOBODY_LEFT = rx(r"\b(?:zero|no|not a single|not one) (?:customer |client |account |logo "
                 r"|subscriber |paying customer )?(?:churn(?:ed)?|cancell?ations?|cancell?ed"
                 r"|downgrades?)\b(?! (?:data|numbers|metrics|info|dashboard|tracking|report"
                 r"|model|yet|so far))")
_PERIOD_SAID = rx(r"\b(?:this|last|in|during|for|all) (?:week|month|quarter|year|q[1-4]"
                  r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b|\bsince launch\b")


def customer_kept(clause: str, low: str, ctx: Context) -> Found | None:
    """A customer staying or growing on us, in founders' words: "Globex re-upped for two more
    years!", "Soylent moved their entire support org onto Acme", "Zero churn this month"."""
    if not _has(low, ("year", "term", "their", "its ", "churn", "cancel", "downgrad")):
        return None
    nobody = NOBODY_LEFT.search(low)
    if nobody is not None:
        if not _PERIOD_SAID.search(low, nobody.end()) or _NOT_YET.search(low, 0, nobody.start()):
            return None  # "no churn" with no period, or wanted, is a wish or a rule
        title = clause[nobody.start():].rstrip(" .!")
        title = title[:1].upper() + title[1:]
        return Found(T.CUSTOMER_SUCCESS, {"retention": "no churn"}, title[:80], nobody.start(),
                     allow=frozenset({"negation"}))
    m = KEPT.search(low) or GREW.search(low)
    if m is None:
        return None
    found = m.groupdict()
    target = found.get("kw") or found.get("kx") or found.get("gw")
    if target is not None and (ctx.company is None or not ctx.company.search(target)):
        return None  # "moved their billing onto Stripe": not onto us
    name = _who(clause[:m.start()], ctx)
    if name is None or _CUSTOMER_WORD.search(clause[:m.start()].lower()):
        return None  # a name is needed: "a customer expanded" says too little to report
    state = "renewed" if m.re is KEPT else "expanded its use of the product"
    return Found(T.CUSTOMER_SUCCESS, {"customer": name, "kept": state}, f"{name} {state}",
                 m.start(), relational=True, stakeholders=(name,))
