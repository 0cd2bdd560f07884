"""How founders tell their own numbers in monthly updates, Slack and email.

Each reading here is a phrasing family seen across founder posts, standups and chat, not one
message's words:

- a goal beaten ("we reached and exceeded my EUR 500 MRR goal", "smashed my revenue target",
  "beat our 1,000 signups goal"), and its lowlight, a goal missed or reached only in part
  ("didn't hit our 750 EUR October goal", "reached 94% of the revenue goal");
- a record period ("had its biggest month ever, with $3,936 in revenue", "our best quarter on
  record");
- the business's own growth rate with no revenue word ("Stagetimer grew 88% month-over-month in
  October", "we grew 3x year over year");
- revenue told as a monthly run ("we've grown from $0 to over $20k/mo");
- a count of customers written in words ("Stagetimer now has ten active customers");
- first paying customers ("to get my first paying customers");
- traffic grown from one figure to another ("grow our clicks from zero to 3,500 visits per
  month");
- an audience grown to a figure ("grow the newsletter to 2000 subscribers", "bringing the
  monthly unique visitors to 14k");
- units sold ("I sold over 100 copies", "we've shipped 1,200 units");
- a user or customer base multiplied ("tripled its customer base", "our user base doubled");
- a period closed at a revenue figure ("we closed 2025 with $3.2M in ARR": no deal closed);
- a revenue or audience figure that moved down ("MRR went from $14k to $12.5k", "monthly
  actives went from 9k to 6.5k"): a lowlight, never "MRR reached $12.5k";
- profitability reached ("we're now profitable", "broke even for the first time", "first
  month in the black", "cash-flow positive since March").

Their look-alikes stay out: a goal set, hoped for or conditional (the reader's modality vetoes),
a target audience or market, a fundraising goal, a team's or a market's growth, prices and
costs per month, counts someone else has.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.numbers import money
from signalpipe.models import EventType

T = EventType

# What a goal counted: money or recurring revenue, or people.
_MONEY_WORDS = rx(r"[$€£]|\b(?:mrr|arr|revenue|sales|income|profit|earnings|bookings|usd|eur"
                  r"|euros?|dollars?|units|copies|orders)\b|\d\s?(?:€|eur)\b")
_PEOPLE = rx(r"\b(?:users|customers|subscribers|subs|signups|sign-ups|members|visitors|downloads"
             r"|installs|accounts|teams|readers|followers|pageviews|clients|actives)\b")
# A goal that is no metric: who a product is for, a date, a fundraise.
_NOT_METRIC_GOAL = rx(r"\b(?:goal|target)s? (?:audience|market|customers?|users?|group|segment"
                      r"|price|date|account|persona|demographic|role)\b|\b(?:fundrais\w*|raise"
                      r"|raising|round|kickstarter|crowdfund\w*|donation|charity|weight|step"
                      r"|sprint|okrs?|reading)\b")
# a goal still ahead: "on track to beat my goal", "hoping to hit our target", "if we reach"
_UNDONE = rx(r"\b(?:on (?:track|pace|course)|hop\w*|want\w*|aim\w*|plan\w*|need\w*|if|would"
             r"|will|could|should|might|may|expect\w*|try\w*|going|gonna|to|not|never)"
             r"\s+(?:\w+\s+)?$")

GOAL_MET = rx(
    r"\b(?:(?:reached|hit) and )?(?P<v>exceeded|exceeding|beat|beating|beaten|smashed|smashing"
    r"|crushed|crushing|surpassed|blew (?:past|through)|hit|reached|achieved|met|topped|cleared)"
    r" (?:both |all )?(?:of )?(?:my|our|the|its|their|his|her) (?P<g>(?:[^\s;]+ ){0,4}?)"
    r"(?:goal|target)s?\b(?! (?:of (?![$€£\d])|is|was|for next|next))")
GOAL_PART = rx(r"\b(?:reached|hit|got to|made|achieved) (?:only |just )?\**(?P<p>\d{1,2}(?:\.\d+)?)"
               r"\s?%\** of (?:my|our|the|its|their) (?:[^\s.,;]+ ){0,4}?(?:goal|target)\b"
               # "reached fairly close to my revenue goal", "came within $300 of our target"
               r"|\b(?:reached|got|came|ended up|landed) (?:\w+ )?(?:close to|within [^\s]+ of)"
               r" (?:my|our|the|its|their) (?:[^\s.,;]+ ){0,4}?(?:goal|target)\b"
               )
# "my goal was to get 3 more users, but I only got one": read in the whole sentence, as the
# clause is cut at "but"
GOAL_BUT = rx(r"\b(?:goal|target) (?:was|had been) [^.;]{0,80}?\bbut (?:i|we|it) (?:only|just"
              r"|didn'?t|did not|couldn'?t|could not|never)\b")
# a goal reached told after the figure: "a bit more than 200 subs, which was the target"
GOAL_WHICH = rx(r"\b(?:which|that) (?:was|is|were) (?:exactly )?(?:my|our|the|its|their)"
                r" (?:[^\s.,;]+ ){0,3}?(?:goal|target)\b")
GOAL_MISSED = rx(
    r"\b(?:(?:didn'?t|did not|failed to|couldn'?t|could not|won'?t) (?:quite )?(?:hit|reach|make"
    r"|meet|achieve)|missed|fell short of|falls short of|came (?:up )?short of"
    r"|came in (?:under|below|short of)) (?:my|our|the"
    r"|its|their) (?:[^\s.,;]+ ){0,5}?(?:goal|target)s?\b")

RECORD_PERIOD = rx(
    r"\b(?:its|our|my|their|the) (?P<a>best|biggest|highest|strongest|largest|record)"
    r"(?P<r>[- ](?:revenue|sales|grossing|earning|mrr))? (?P<p>month|quarter|week|year|day)"
    r"(?P<e> ever| on record| to date|\b(?= yet))"
    r"|\ball[- ]time[- ]high(?:est)? (?:of )?(?P<m>monthly (?:revenue|sales)|revenue|mrr|sales)")
# "our best month ever for bug reports": a record of something that is no business figure
_NOT_RECORD = rx(r"\b(?:ever|record|yet) (?:for|of|in) (?:bugs?|bug reports|support|tickets"
                 r"|incidents|outages|churn|refunds|weather|rain|hiring|travel)\b")

COMPANY_GREW = rx(
    r"\b(?P<s>we|we'?ve|we have|i|i'?ve|i have|it|business|company|startup|\w+) (?:has |have )?"
    r"(?:grew|grown|growing) (?:by )?(?P<g>\d+(?:\.\d+)?\s?%|\d+(?:\.\d+)?x|\w+fold)"
    r" (?P<p>month[- ]over[- ]month|mom|week[- ]over[- ]week|wow|year[- ]over[- ]year|yoy"
    r"|quarter[- ]over[- ]quarter|qoq|in (?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december|q[1-4]|\d{4})|(?:this|last) (?:month|quarter|year))")
# who grew: a team, a market or a cost is no revenue
_NOT_BUSINESS = rx(r"^(?:team|market|industry|sector|headcount|costs?|spend|burn|bill|expenses"
                   r"|traffic|audience|list|community|economy|category|space|segment|they|he"
                   r"|she|you|competitor|rival)$")

MONTHLY_RUN = rx(
    r"\b(?:grown|grew|gone|went|growing|go|climbed|jumped) from (?P<a>[$€£]\s?\d[\d,.]*\s?k?|zero"
    r"|nothing) (?:\w+ ){0,2}?to (?P<q>over |more than |about |around |nearly |almost )?"
    r"(?P<b>[$€£]\s?\d[\d,.]*\s?[km]?)\s?(?P<u>/mo(?:nth)?\b| ?(?:a|per|each) month\b"
    r"| mrr\b| in (?:monthly )?(?:revenue|mrr)\b| monthly\b)")

# money going out: "our AWS bill went from $2k to $9k a month"
_COST = rx(r"\b(?:bills?|costs?|spend|spending|expenses?|burn|payroll|salar\w*|rent|fees?"
           r"|prices?|pricing|budget|invoices?|cac)\b")

_NUMBER_WORDS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
                 "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                 "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100,
                 "one hundred": 100, "two hundred": 200, "a thousand": 1000}
WORD_COUNT = rx(
    r"\b(?:now (?:has|have|had|counts?|serves?)|(?:has|have|'ve) now|now at|reached|crossed"
    r"|passed|hit|got to|welcomed our)\s(?P<n>" + "|".join(_NUMBER_WORDS) + r")"
    r" (?P<a>(?:active |paying |paid |happy )*)(?P<w>customers|clients|subscribers|users"
    r"|members|teams)\b")

_SINCE = rx(r"\b(?:ever )?since (?:(?:we|i|it|they)(?:'ve| have)? )?(?:first |finally |just )?$")
FIRST_PAYING = rx(
    r"^\W*(?:my|our) (?:very )?first (?:paying|paid) (?:customers?|users?|subscribers?|clients?)"
    r"(?=\s?[:!\u2014-])"
    r"|\b(?:get|got|getting|gotten|landed|landing|signed|welcomed|welcoming|won|have|had|onboarded)"
    r" (?:my|our|its|their|the) (?:very )?first (?:(?:\w+|\d+) )?(?:paying|paid) (?:customers?"
    r"|users?|subscribers?|clients?|members?)\b")
_NOT_FIRST = rx(r"\b(?:before|until|till|since|waiting for|how to|tips|guide|chasing|still no"
                r"|yet to)\b")

TRAFFIC_FROM = rx(
    r"\b(?P<w>clicks|visits|visitors|impressions|pageviews|page views|organic traffic|search"
    r" traffic|traffic|downloads|installs|signups|sign-ups) (?:\w+ ){0,2}?from (?P<a>zero"
    r"|nothing|\d[\d,.]*\s?k?) (?:\w+ ){0,2}?to (?P<b>\d[\d,.]*\s?k?)"
    r"(?: (?:clicks|visits|visitors|impressions|pageviews|page views|downloads|installs"
    r"|signups|sign-ups))? ?(?P<u>(?:a|per|each|/) ?(?:month|week|day|mo)\b)")


_TRAFFIC_SOURCE = rx(r"(?:our |my )?(?:google|bing|seo|search|organic|twitter|x|linkedin|reddit"
                     r"|hacker news|youtube|blog|website|site|app store)?")


# the same with the noun after the figures: "bringing it from 500 to 20 impressions per day"
TRAFFIC_TO = rx(
    r"\bfrom (?P<a>zero|nothing|\d[\d,.]*\s?k?) (?:\w+ )?to (?P<b>\d[\d,.]*\s?k?) (?:\w+ )?"
    r"(?P<w>clicks|visits|visitors|impressions|pageviews|page views|downloads|installs|signups"
    r"|sign-ups) ?(?P<u>(?:a|per|each|/) ?(?:month|week|day|mo)\b)")


def _has(low: str, words: tuple[str, ...]) -> bool:
    """A cheap look before the patterns run: most clauses hold none of a reading's words."""
    return any(w in low for w in words)


def goal_met(clause: str, low: str, ctx: Context) -> Found | None:
    """A goal beaten, or missed: "exceeded my EUR 500 MRR goal", "didn't hit our 750 EUR goal"."""
    if "goal" not in low and "target" not in low:
        return None
    if _NOT_METRIC_GOAL.search(low):
        return None
    missed = _missed(clause, low, ctx)
    if missed is not None:
        return missed
    met = GOAL_MET.search(low)
    if met is None or _UNDONE.search(low, 0, met.start("v")):
        return _goal_which(clause, low, ctx)
    kind = _goal_type(low, ctx)
    if kind is None:
        return None
    goal = clause[met.start("g"):met.end("g")].strip()
    noun = "target" if low[met.end() - 7:met.end()].startswith(("target", "targets")) or \
        low[met.end() - 6:met.end()] == "target" else "goal"
    title = _goal_title(clause, ctx, goal, met.start()).replace(" goal", f" {noun}")
    return Found(kind, {"goal": (goal or "goal").lower()}, title, met.start(),
                 allow=frozenset({"plan"}))


def _missed(clause: str, low: str, ctx: Context) -> Found | None:
    """A goal missed or reached in part: "didn't hit our 750 EUR October goal", "my goal was
    to get 3 more users, but I only got one"."""
    missed = GOAL_MISSED.search(low) or GOAL_PART.search(low)
    but = GOAL_BUT.search(ctx.sentence.lower()) if missed is None else None
    said_ = missed or but
    if said_ is None:
        return None
    kind = _goal_type(low, ctx)
    if kind is None:
        return None
    if missed is not None:
        title, at = _plain(said(clause, missed.start())), missed.start()
        close = _CLOSE_TO.search(title)
        if close:  # "Reached fairly close to my revenue goal": the goal was missed, narrowly
            title = f"Fell just short of the {close[1]}"
    else:
        title, at = _but_title(ctx.sentence[said_.start():said_.end()]), 0
    return Found(kind, _missed_identity(said_.group(), low), title, at, negative=True,
                 allow=frozenset({"plan"}))


def _goal_which(clause: str, low: str, ctx: Context) -> Found | None:
    """ "I have now a bit more than 200 subs, which was the target": the figure before it."""
    m = GOAL_WHICH.search(low)
    kind = _goal_type(low[:m.start()], ctx) if m else None
    if m is None or kind is None or not re.search(r"\d", low[:m.start()]):
        return None
    fig = _COUNTED.search(low, 0, m.start())
    goal = "target" if low[m.end() - 6:m.end()] == "target" else "goal"
    if fig is None:
        return None
    noun = "subscribers" if fig["w"] == "subs" else fig["w"]
    return Found(kind, {"goal": "met", noun: fig["n"]},
                 f"Reached {fig['n']} {(fig['a'] or '').strip()} {noun}, meeting the {goal}"
                 .replace("  ", " "), m.start(), allow=frozenset({"plan"}))


_COUNTED = rx(r"(?P<n>[$€£]?\d[\d,.]*\s?[km]?)\**\s?(?P<a>(?:new |paying |paid |active )*)"
              r"(?P<w>users|customers|subscribers|subs|members|signups|sign-ups|downloads|installs"
              r"|teams|clients|visitors|readers|mrr|arr|in revenue|in sales)\b")


def _missed_identity(said_: str, low: str) -> dict[str, str | int | float]:
    """The goal missed and its figure name the miss: the Slack post and the email that restate
    one missed Q3 target merge; two months' missed goals in one batch stay two events."""
    goal = _GOAL_WORDS.search(said_)
    ident: dict[str, str | int | float] = {
        "missed": "goal", "goal": " ".join(re.findall(r"\w+", goal[1])) if goal else ""}
    figure = re.search(r"\d[\d,.]*", said_) or re.search(r"\d[\d,.]*", low)
    if figure:
        ident["figure"] = figure.group().rstrip(".,")
    return ident


_GOAL_WORDS = re.compile(r"(?:my|our|the|its|their) (.*?)\s?(?:goal|target)s?\b")


_CLOSE_TO = re.compile(r"(?i)\bclose to (?:my|our|the|its|their) (.+)$")


def _but_title(said_: str) -> str:
    """ "Target was 60 units, but we only sold 29" -> "Missed the target: 60 units"."""
    m = re.match(r"(?i)(goal|target) (?:was|had been) (?:to )?(.*?),? but ", said_)
    if m is None:
        return "Missed the goal"
    what = re.sub(r"^(?:get|reach|hit|sell|make|have|sign|land|add|win)\s+", "", m[2])
    return _plain(f"Missed the {m[1].lower()}: {what}")


def _plain(title: str) -> str:
    """A title without the post's markdown: "Reached **94.21%** of the goal" reads as text."""
    title = title.replace("**", "").replace("__", "")
    cut = title.find(" (")
    return title[:cut] if cut > 20 else title


def _goal_type(low: str, ctx: Context) -> EventType | None:
    """Money counted is revenue, people counted are users; a goal of nothing named is vague."""
    if _MONEY_WORDS.search(low):
        return T.REVENUE_MILESTONE
    if _PEOPLE.search(low):
        return T.USER_GROWTH
    sentence = ctx.sentence.lower()
    if _MONEY_WORDS.search(sentence):
        return T.REVENUE_MILESTONE
    return T.USER_GROWTH if _PEOPLE.search(sentence) else None


def _goal_title(clause: str, ctx: Context, goal: str, at: int) -> str:
    """ "MRR reached EUR 684, beating the EUR 500 goal" where the sentence gives the figure
    reached before the goal; else "Beat the EUR 500 MRR goal"."""
    sentence = ctx.sentence or clause
    where = sentence.find(clause)
    reached = [f for f in money(sentence[:max(where, 0) + at])
               if not sentence[f.start:f.end].strip().isdigit()]
    if reached and where >= 0:
        fig = sentence[reached[-1].start:reached[-1].end].strip()
        words = sentence[reached[-1].end:reached[-1].end + 24].lower()
        label = "MRR" if " mrr" in words or " mmr" in words else \
            "ARR" if " arr" in words else "Revenue"
        short = " ".join(w for w in goal.split() if w.lower() not in {"mrr", "arr", "revenue"})
        return f"{label} reached {fig}, beating the {short} goal".replace("  ", " ")
    if goal:
        return f"Beat the {goal} goal".replace("  ", " ")
    before = clause[:at].strip(" ,;:-")
    # "The article led to a burst of orders, far exceeding my goal": what beat it
    return f"{said(before, 0)}, beating the goal" if len(before.split()) >= 3 else "Beat the goal"


def record_period(clause: str, low: str, ctx: Context) -> Found | None:
    """A record period of the business: "had its biggest month ever, with $3,936 in revenue"."""
    if not _has(low, ("ever", "record", "all", "to date", " yet")):
        return None
    m = RECORD_PERIOD.search(low)
    if m is None or _NOT_RECORD.search(low):
        return None
    sentence = ctx.sentence.lower() or low
    amounts = [f for f in money(clause) if re.search(r"[$€£]", clause[f.start:f.end])]
    if m["m"] is None and m["r"] is None and not amounts and not _MONEY_WORDS.search(sentence):
        return None  # "our best week ever for the team": a record of nothing counted
    if m["m"] is not None:
        title = "All-time high in " + m["m"].replace("mrr", "MRR")
        metrics: dict[str, str | int | float] = {"record": m["m"]}
    else:
        what = f"{m['a']}{m['r'] or ''} {m['p']}{m['e'] or ''}".strip()
        title = what[:1].upper() + what[1:]
        metrics = {"record": f"{m['a']} {m['p']}"}
    if amounts:
        fig = clause[amounts[0].start:amounts[0].end].strip()
        title += f": {fig} in revenue" if "revenue" in low or "sales" in low else f": {fig}"
        metrics["revenue"] = round(amounts[0].value)
    return Found(T.REVENUE_MILESTONE, metrics, title, m.start())


def company_grew(clause: str, low: str, ctx: Context) -> Found | None:
    """The business grew at a rate over a period: "Stagetimer grew 88% month-over-month"."""
    if not _has(low, ("grew", "grow")):
        return None
    m = COMPANY_GREW.search(low)
    if m is None or _NOT_BUSINESS.match(m["s"]):
        return None
    subject = m["s"]
    if subject not in {"we", "weve", "we've", "we have", "i", "ive", "i've", "i have", "it",
                       "business", "company", "startup"} and not _ours(clause[m.start():m.end("s")],
                                                                        ctx):
        return None
    growth = m["g"].replace(" ", "")
    period = m["p"].replace("-", " ")
    period = {"mom": "month over month", "wow": "week over week", "yoy": "year over year",
              "qoq": "quarter over quarter"}.get(period, period)
    return Found(T.REVENUE_MILESTONE, {"growth": growth, "period": period},
                 f"Grew {growth} {period}", m.start("s"))


def _ours(name: str, ctx: Context) -> bool:
    return ctx.company is not None and ctx.company.search(name) is not None


def monthly_run(clause: str, low: str, ctx: Context) -> Found | None:
    """Revenue told as a monthly run reached: "grown from $0 to over $20k/mo"."""
    if not _has(low, (" from ",)):
        return None
    m = MONTHLY_RUN.search(low)
    if m is None or _COST.search(low, 0, m.start()):
        return None
    start, end = clause[m.start("a"):m.end("a")], clause[m.start("b"):m.end("b")]
    over = (m["q"] or "").strip()
    reached = f"{over} {end}".strip()
    unit = "MRR" if "mrr" in m["u"] else "a month"
    title = f"Revenue grew from {start} to {reached} {unit}" if unit != "MRR" else \
        f"MRR grew from {start} to {reached}"
    amounts = money(end)
    metrics: dict[str, str | int | float] = {"monthly_revenue": round(amounts[0].value)} \
        if amounts else {"monthly_revenue": end}
    return Found(T.REVENUE_MILESTONE, metrics, title, m.start())


def word_count(clause: str, low: str, ctx: Context) -> Found | None:
    """A count of customers written in words: "Stagetimer now has ten active customers"."""
    if not _has(low, ("now", "reached", "crossed", "passed", "hit ", "got to", "welcomed")):
        return None
    m = WORD_COUNT.search(low)
    if m is None or _SINCE.search(low, 0, m.start()):
        return None  # "Since we first hit a thousand users, support ...": backstory
    value = _NUMBER_WORDS[m["n"]]
    noun = f"{m['a']}{m['w']}".strip()
    metric = "paying_customers" if "pay" in noun or "paid" in noun else m["w"]
    return Found(T.USER_GROWTH, {metric: value}, f"{value:,} {noun}", m.start())


def first_paying(clause: str, low: str, ctx: Context) -> Found | None:
    """The first paying customers: "I was surprised last month to get my first paying
    customers"."""
    m = FIRST_PAYING.search(low)
    if m is None or _NOT_FIRST.search(low[:m.start()]):
        return None
    who = m.group().rsplit(" ", 1)[1]
    title = f"First paying {who}"
    rest = clause[m.end():].lstrip(" :!\u2014-")
    if m.group().lstrip(" *#").startswith(("my", "our")) and re.match(r"\w+ \w+", rest):
        title = f"{title}: {said(rest, 0, limit=60)[:1].lower()}{said(rest, 0, limit=60)[1:]}"
    return Found(T.REVENUE_MILESTONE, {"first_sale": f"first paying {who}"}, title, m.start())


def traffic_from(clause: str, low: str, ctx: Context) -> Found | None:
    """Traffic grown (or fallen) from one figure to another: "our clicks from zero to 3,500
    visits per month", "bringing it from 500 to 20 impressions per day"."""
    if not _has(low, (" from ",)):
        return None
    m = TRAFFIC_FROM.search(low) or TRAFFIC_TO.search(low)
    if m is None or _COST.search(low, 0, m.start()):
        return None
    start, end = clause[m.start("a"):m.end("a")], clause[m.start("b"):m.end("b")].strip()
    period = m["u"].replace("/", "a ").replace("per ", "a ").replace("each ", "a ")
    period = "a month" if period.endswith("mo") else period
    # "Google clicks", "organic visits": where traffic came from names no one acting
    source = _TRAFFIC_SOURCE.fullmatch(low[:m.start()].strip())
    noun = clause[m.start("w"):m.end("w")]
    if source and source.group():
        where = clause[source.start():source.end()].removeprefix("our ").removeprefix("my ")
        noun = f"{where} {noun}"
    fell = _figure(m["b"]) < _figure(m["a"])
    return Found(T.USER_GROWTH, {f"{m['w'].replace(' ', '_')}": end},
                 f"{noun[:1].upper()}{noun[1:]} {'fell' if fell else 'grew'} from {start} to "
                 f"{end} {period}", 0 if source else m.start(), negative=fell)


def _figure(text: str) -> float:
    """ "3,500" -> 3500, "2k" -> 2000, "zero" -> 0."""
    digits = text.strip().replace(",", "")
    if not digits[:1].isdigit():
        return 0.0
    scale = 1000.0 if digits.endswith("k") else 1.0
    return float(digits.rstrip("k ") or 0) * scale


# "until we're profitable", "once we break even": a condition, not a result
_CONDITION = rx(r"\b(?:until|till|before|once|when|unless|if|whether|by the time|how)\b[^.;]*$")
PROFITABLE = rx(
    r"\b(?:(?:we'?re|we are|we'?ve been|we became|we turned|became|turned|is now|are now|has been"
    r"|have been|went|got|are|is|was|were) (?:now |officially |finally |actually |already )?"
    r"(?P<p>(?:cash[- ]?flow[- ]|ebitda[- ]|operationally |ramen[- ])?profitable|(?:cash[- ]?flow"
    r"|ebitda)[- ]positive)(?! (?:customers?|segments?|channels?|products?|plans?|markets?"
    r"|niches?|companies|businesses|startups|ones)\b)"
    r"|\b(?P<e>broke even|(?:our )?first (?:\w+ )?(?:profitable|break-?even|cash[- ]?flow[- ]"
    r"positive) (?:month|quarter|year)|(?:in|into) the black))\b"
    # "in the black list", "into the black box": no ledger
    r"(?![ -](?:list|lists|box|boxes|market|hole|friday|sea|swan|belt|and|mirror|screen)\b)")


def profitable(clause: str, low: str, ctx: Context) -> Found | None:
    """Profitability reached: "we're now profitable", "broke even for the first time"."""
    if "profitab" not in low and "even" not in low and "black" not in low \
            and "positive" not in low:
        return None
    m = PROFITABLE.search(low)
    if m is None or _CONDITION.search(low, 0, m.start()):
        return None
    what = m["p"] or m["e"]
    if m["p"]:
        title = "Turned " + what.replace("ebitda", "EBITDA") if "profitable" in what else \
            "Turned " + what.replace("ebitda", "EBITDA").replace("cashflow", "cash-flow")
    elif what.endswith(("month", "quarter", "year")):
        title = what.removeprefix("our ").capitalize()
    else:
        title = "Broke even" if what == "broke even" else "In the black"
    first = re.search(r"\bfor the first time\b", low)
    if first and "first" not in title.lower():
        title += " for the first time"
    return Found(T.REVENUE_MILESTONE, {"profitability": what.replace(" ", "_")}, title,
                 m.start())


_AUDIENCE = (r"users|customers|subscribers|subs|members|signups|sign-ups|visitors|unique visitors"
             r"|readers|followers|downloads|installs|pageviews|page views|listeners|viewers"
             r"|students|players|teams|accounts|actives")
GROWN_TO = rx(
    r"\b(?:grow|grew|grown|growing|bring|bringing|brought|took|taking|pushed|pushing|built|build"
    r"|building) (?:the|our|my|its) (?P<t>(?:[\w-]+ ){0,3}?)(?:(?P<w>" + _AUDIENCE + r")"
    r" to (?P<q>over |more than |about |around |nearly |almost |~)?(?P<n>\d[\d,.]*\s?[km]?)\b"
    r"|(?P<t2>newsletter|list|email list|mailing list|community|waitlist|wait-list|audience"
    r"|user base|customer base|discord|slack community) to (?P<q2>over |more than |about |around"
    r" |nearly |almost |~)?(?P<n2>\d[\d,.]*\s?[km]?) (?P<w2>" + _AUDIENCE + r"|people)\b)")
UNITS_SOLD = rx(
    r"\b(?:sold|shipped|sell|sells|selling) (?P<q>over |more than |about |around |nearly |almost"
    r" )?(?P<n>\d[\d,.]*\s?k?) (?P<w>copies|units|kits|books|devices|licen[cs]es|pre-?orders"
    r"|tickets|courses|templates)\b")


def grown_to(clause: str, low: str, ctx: Context) -> Found | None:
    """An audience grown to a figure: "grow the newsletter to 2000 subscribers"."""
    if " to " not in low:
        return None
    m = GROWN_TO.search(low)
    if m is None:
        return None
    n, q = (m["n"], m["q"]) if m["n"] else (m["n2"], m["q2"])
    value = _figure(n.replace(" ", ""))
    if value < 100:
        return None
    if m["w"]:
        what = clause[m.start("t"):m.end("w")].strip()
        title = f"{what[:1].upper()}{what[1:]} reached {(q or '').strip()} {n.strip()}"
    else:
        thing = clause[m.start("t2"):m.end("t2")]
        title = f"Grew the {thing} to {(q or '').strip()} {n.strip()} {m['w2']}"
    noun = m["w"] or m["w2"]
    return Found(T.USER_GROWTH, {noun.replace(" ", "_"): round(value)},
                 title.replace("  ", " "), m.start())


_CUMULATIVE = rx(r"\b(?:in total|total|since (?:launch|we launched|release|day one|the launch)"
                 r"|so far|to date|in the end|all[- ]time|altogether|first)\b")


def units_sold(clause: str, low: str, ctx: Context) -> Found | None:
    """Units sold: "I sold over 100 copies on both Gumroad and Amazon"."""
    if not _has(low, ("sold", "sell", "shipped")):
        return None
    m = UNITS_SOLD.search(low)
    # "we sell 3 units per customer": a habit, not a count reached
    if m is None or (m.group().startswith(("sell ", "selling")) and "sold" not in low):
        return None
    value = _figure(m["n"].replace(" ", ""))
    # "sold 300 units this week" is a week's trade; "sold over 100 copies", "1,200 units since
    # launch" are counts crossed
    if value < 50 or not (m["q"] or _CUMULATIVE.search(low)):
        return None
    verb = "Shipped" if m.group().startswith("shipped") else "Sold"
    return Found(T.REVENUE_MILESTONE, {f"{m['w']}_sold": round(value)},
                 f"{verb} {(m['q'] or '')}{m['n'].strip()} {m['w']}", m.start())


_BASE = r"(?:user|customer|subscriber|member|paying customer|install|player|reader) base"
BASE_GREW = rx(
    r"\b(?P<v>doubled|tripled|quadrupled|grew|grown|increased|expanded) (?:its|our|the|their|my)"
    r" (?P<b>" + _BASE + r")\b(?: (?:by )?(?P<g>\d+(?:\.\d+)?\s?%|\d+x))?"
    r"|\b(?P<b2>" + _BASE + r") (?:has |have |more than |nearly |almost |just )*(?P<v2>doubled"
    r"|tripled|quadrupled|(?:grew|grown|increased|is up|was up|jumped|rose) (?:by )?(?P<g2>\d+"
    r"(?:\.\d+)?\s?%|\d+x))")
_PERIOD_NAME = (r"(?:the )?(?:year|quarter|month|week|q[1-4](?: (?:19|20)\d\d)?|fy ?\d{2,4}"
                r"|(?:19|20)\d\d|h[12](?: (?:19|20)\d\d)?|january|february|march|april|may"
                r"|june|july|august|september|october|november|december)")
PERIOD_CLOSE = rx(
    r"\b(?:closed|ended|finished|wrapped up|exited|closing|ending) (?P<p>" + _PERIOD_NAME + r")"
    r" (?:at|with|on) (?P<q>about |over |nearly |almost |roughly |more than |~)?(?P<a>[$€£]\s?"
    r"\d[\d,.]*\s?(?:k|m|mm|bn|million|billion)?)\s?(?:in |of )?(?P<w>arr|mrr|revenue|sales"
    r"|bookings|run[- ]rate)\b")


def base_grew(clause: str, low: str, ctx: Context) -> Found | None:
    """A user or customer base multiplied: "tripled its customer base", "user base doubled"."""
    if " base" not in low:
        return None
    m = BASE_GREW.search(low)
    if m is None:
        return None
    base = m["b"] or m["b2"]
    verb = (m["v"] or m["v2"]).split()[0]
    growth = m["g"] or m["g2"]
    if verb in {"grew", "grown", "increased", "expanded", "is", "was", "jumped", "rose"}:
        if not growth:
            return None  # "grew our customer base" says no figure
        title = f"{base.capitalize()} grew {growth.replace(' ', '')}"
    else:
        title = f"{base.capitalize()} {verb}"
    return Found(T.USER_GROWTH, {f"{base.replace(' ', '_')}_growth": growth or verb}, title,
                 m.start())


_DOWN = rx(r"\b(?:drop|dropped|down|declin\w+|fell|fall|lower|less than|decrease\w*|shr[iau]nk\w*"
           r"|dip|dipped|slump\w*|loss|short of|below)\b")


def period_close(clause: str, low: str, ctx: Context) -> Found | None:
    """A period closed at a revenue figure: "we closed 2025 with $3.2M in ARR"."""
    if not _has(low, ("clos", "end", "finished", "exited", "wrapped")):
        return None
    m = PERIOD_CLOSE.search(low)
    if m is None or _DOWN.search(ctx.sentence.lower() or low):
        return None  # "finished the month with $33k, a 21% drop": no milestone
    amount = clause[m.start("a"):m.end("a")].strip()
    label = {"arr": "ARR", "mrr": "MRR", "run-rate": "Run-rate", "run rate": "Run-rate"}.get(
        m["w"], m["w"].capitalize())
    period = clause[m.start("p"):m.end("p")]
    values = money(amount)
    metrics: dict[str, str | int | float] = {
        f"{m['w'].replace(' ', '_').replace('-', '_')}": round(values[0].value) if values
        else amount}
    return Found(T.REVENUE_MILESTONE, metrics,
                 f"{label} reached {(m['q'] or '')}{amount} at the end of {period}", m.start())


_FIG = r"[$€£]?\s?\d[\d,.]*\s?(?:k|m|mm|bn)?\b"
MOVED = rx(
    r"\b(?P<w>mrr|arr|revenue|sales|bookings|(?:daily |weekly |monthly )?(?:active )?users"
    r"|(?:daily |weekly |monthly )?actives"
    r"|signups|sign-ups|customers|paying customers|subscribers|visitors|pageviews|downloads"
    r"|installs|members)\b[^.;$€£\d]{0,30}?\b(?:went|dropped|fell|declined|slipped|shrank"
    r"|decreased|moved|came down|slid|sank) from (?P<a>" + _FIG + r") to (?P<b>" + _FIG + r")")


def moved_down(clause: str, low: str, ctx: Context) -> Found | None:
    """A revenue or audience figure that moved down: "MRR went from $14k to $12.5k"."""
    if " from " not in low:
        return None
    m = MOVED.search(low)
    if m is None:
        return None
    before, after = money(m["a"]) or None, money(m["b"]) or None
    a = before[0].value if before else _figure(m["a"].strip(" $€£"))
    b = after[0].value if after else _figure(m["b"].strip(" $€£"))
    if b >= a:
        return None  # a rise is read by growth.py
    word = m["w"]
    kind = T.REVENUE_MILESTONE if word in {"mrr", "arr", "revenue", "sales", "bookings"} \
        else T.USER_GROWTH
    label = word.upper() if word in {"mrr", "arr"} else word.capitalize()
    start, end = clause[m.start("a"):m.end("a")].strip(), clause[m.start("b"):m.end("b")].strip()
    return Found(kind, {"decline": word, "to": end}, f"{label} fell from {start} to {end}",
                 m.start(), negative=True)
