"""Numbers that moved: revenue, users and customers, and technical results in production."""

from __future__ import annotations

import re
from dataclasses import replace

from signalpipe.extract.rules.audience import traffic_is_news
from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.lexicon import NOT_PRODUCTION, rx
from signalpipe.extract.rules.numbers import (
    counts,
    durations_ms,
    money,
    multiples,
    percents,
    short_count,
    short_money,
)
from signalpipe.extract.rules.tech import (
    MORE_BETTER,
    MORE_LEADERBOARD,
    MORE_METRIC,
    not_a_result,
    spoken_counts,
    spoken_multiples,
)
from signalpipe.formatting import metric_label
from signalpipe.kpis import CANONICAL
from signalpipe.models import EventType, MetricValue

T = EventType

MILESTONE = rx(
    r"\b(?:crossed|crossing|cross|passed|passing|hit|hits|hitting|reached|reaches|surpassed"
    r"|surpasses|topped|tops|went past|broke|breaks|cleared|exceeded|exceeds|over|above|record"
    r"|records|milestone|now at|is at|are at|we'?re at|stands at|sits at|landed at|finished at"
    r"|ended (?:the )?(?:month|quarter|year|q[1-4]) at|closed (?:the )?(?:month|quarter|year"
    r"|q[1-4]) (?:at|with)|grew|grown|growing|growth|up \d+|up from|doubled|tripled"
    r"|quadrupled|(?:best|biggest) (?:month|quarter|week|year|day)|all[- ]time high|highest"
    r"|first \$\d+"
    r"|new high"
    # a result reported with its figure: "we generated $812k in revenue", "did $1.2M in sales"
    r"|(?:generated|brought in|pulled in|did|made|earned) (?:over |about |nearly )?\$[\d.,]+[kmb]?"
    r"|\d+(?:\.\d+)?x\b|yoy|mom|qoq|wow|year over year|month over month|went from|jumped"
    r"|climbed|soared|rose|increased|more than|now have|now has|we have|serving|used by"
    r"|trusted by|past|beyond|north of|now \d+|to \$?\d+|is now|are now|has reached|have reached"
    r"|and counting|as of (?:today|this morning|now|close|the close|this week)"
    r"|total(?:l)?ed|amounted to|stood at|came to|came in at"
    r"|(?:in|within) (?:the |our |its )?first (?:\w+ )?(?:days?|weeks?|months?|hours?)"
    r"|got|gained)"
    r"(?!\w)")
_REV = (r"arr|mrr|annual recurring revenue|monthly recurring revenue|run[- ]?rate|revenues?"
        r"|bookings|net new arr|gmv|billings|top[- ]?line|net sales|sales|turnover|gross profit"
        r"|operating (?:profit|income|result|margin)|net (?:profit|income|result)|pre-?tax profit"
        r"|profit before taxes?|profits?|earnings|ebitda|ebit|order intake|order backlog"
        r"|order book|income")
REVENUE = rx(rf"\b(?P<w>{_REV})\b")
REVENUE_BAD = rx(
    r"\b(?:missed (?:our |the )?(?:\w+ ){0,2}(?:revenue |arr |mrr |sales |bookings "
    r"|q[1-4] )?(?:target"
    rf"|plan|goal|number|forecast|quota|budget|estimates?)|(?:{_REV})s?\b[^.;]{{0,40}}?\b(?:fell"
    r"|dropped|declined|shrank|contracted|decreased|slipped|slumped|plunged|tumbled|went down"
    r"|is down|was down|were down|down \d|down by|lower than|weakened|deteriorated|halved)"
    r"|came in (?:below|under|short)|fell short|(?:losing|lose|lost) (?:about |around |~)?[$\d.,]+"
    r"(?:k|m|bn| million| billion)? (?:in|of) (?:revenue|sales|mrr|arr)"
    r"|lowest (?:\w+ )?(?:revenue|sales|mrr|month)(?! growth)|worst (?:sales |revenue )?month"
    r"|below (?:the |our )?(?:[$\w.,]+ )?(?:plan|target"
    r"|forecast|goal)|short of (?:plan"
    r"|target|forecast)|(?:net |operating |pre-?tax )?loss(?:es)? (?:widened|grew|increased|rose"
    r"|deepened)|swung to (?:a |an )?(?:\w+ )?loss|turned to (?:a |an )?loss|revenue miss"
    r"|profit warning|lower(?:ed|s)? (?:its |our |the )?(?:guidance|outlook|forecast))")
REVENUE_GOOD = rx(r"\b(?:(?:swung|swings?) to (?:a |an )?(?:\w+ )?profit"
                  # "second-highest revenue month" is no record
                  r"|(?<![\w-])(?:highest|best|biggest|record)[- ](?:revenue|sales|earning"
                  r"|grossing)s?"
                  r" (?:month|quarter|week|year|day)"
                  r"|turned (?:a )?profit(?:able)?"
                  r"|broke even|(?:net |operating |pre-?tax )?loss(?:es)? (?:narrowed|shrank"
                  r"|decreased)|raised (?:its |our |the )?(?:guidance|outlook|forecast))\b")
# How financial news says results went wrong without a revenue word: "posts big loss", "warns
# on profits", "net outflows accelerate".
LOSS = rx(r"\b(?:(?:posts?|posted|reports?|reported|books?|booked|swings? to|swung to|takes?|took"
          r"|suffers?|suffered|records?|recorded|made|makes|widens?|widened) (?:a |an |its |their "
          r"|our )?(?:[\w$£€.,%-]+ ){0,4}(?:loss|losses|outflows|write-?downs?|impairments?)"
          r"|warn(?:s|ed|ing)? (?:on|of) (?:\w+ ){0,2}(?:profits?|earnings|sales|revenues?"
          r"|full[- ]year|results)|net outflows|outflows (?:accelerat|continu|rose|grew)\w*"
          r"|worst (?:\w+ ){0,2}(?:loss|results)|(?:'s|\u2019s) (?:[\w$£€.,-]+ ){0,3}loss(?:es)?"
          r"|c(?:omes|ame) up short)\b")
REV_BAD_MORE = rx(rf"\b(?:{_REV})s?\b[^.;]{{0,30}}?\b(?:falls?|drops?|declines?|slides?|slump\w*"
                  r"|sinks?|sank|disappoint\w*|miss(?:es|ed)?|hit by|hurt by|dented|squeezed"
                  r"|slowdown|collapsed?|collapses|tumbles?|plunges?|slips?|fell short"
                  r"|below (?:forecasts?|expectations|estimates))\b"
                  rf"|\b(?:slide|slump|slowdown|drop|decline|fall|collapse) in (?:\w+ ){{0,2}}"
                  rf"(?:{_REV})\b|\beats? into (?:\w+ )?(?:{_REV})\b")
# "Tesco sales rise", "Bunzl delivers profit increase": results that went up, figure or not. The
# results word is the subject of a rise or the object of a reporting verb; "record revenue growth"
# said of an industry is neither.
REV_UP = rx(rf"\b(?:{_REV})s? (?:\w+ )?(?:rose|rises|rise|up\b|increased|increases|increase\b"
            r"|jumped|jumps|climbed|climbs|grew|grows|improved|improves|beat|beats|surged|surges"
            r"|soared|soars|inches up|inched up|recover\w*|boosted|lifted|boost\b)"
            rf"|\b(?:jump|rise|increase|surge) in (?:\w+ )?(?:{_REV})\b"
            rf"|\bconsecutive (?:\w+ ){{1,2}}of (?:\w+ )?(?:{_REV}) growth\b"
            r"|\b(?:posts?|posted|reports?|reported|books?|booked|delivers?|delivered|sees|saw"
            r"|achieves?|achieved|recorded|announces?|announced) (?:a |an |its |their "
            r"|our )?(?:\w+ ){0,3}?(?:(?:record|strong|higher|better|improved) (?:\w+ )?(?:results"
            rf"|{_REV})|(?:{_REV}) (?:growth|increase|rise|jump)|growth in (?:{_REV}))\b")
NOT_REVENUE = rx(r"\b(?:sales|revenue|income) (?:team|teams|reps?|people|org|hires?|calls?"
                 r"|meetings?|deck|pipeline|cycle|leader|lead|engineer|ops|enablement|tax|share)\b")
DEAL_HINT = rx(r"\b(?:contract|deal|signed|order form|acv|per year|/yr|a year|customer|client"
               r"|logo|account|po\b|pilot|license|invoice|quote|pricing|price)\b")


# "businesses sell for 2.5-3.5x earnings": a price multiple, not growth
VALUATION_MULTIPLE = rx(r"\d(?:\.\d+)?x (?:the |its |our |their )?(?:\w+ ){0,4}(?:earnings|revenue"
                        r"|arr|sales|ebitda|profits?|sde)\b")
THRESHOLD = rx(r"\b(?:lowest|minimum|required|needed) (?:\w+ )?(?:growth|revenue|mrr|arr)\b")
_RECURRING = frozenset({"mrr", "arr", "monthly recurring revenue", "annual recurring revenue"})
# The founder marks the figure as a milestone or a record: any amount is then news.
RECORD = rx(r"\b(?:milestones?|record|all[- ]time high|highest|(?:best|biggest) (?:\w+ )?(?:month"
            r"|quarter|week|year|day)(?: ever)?)\b")


MISSED = rx(r"\b(?:missed (?:our |the |my )?(?:\w+ ){0,2}(?:plan|target|goal|number|quota"
            r"|forecast)|(?:didn'?t|did not|failed to) (?:hit|reach|make|meet|achieve) (?:my |our "
            r"|the |its )(?:\w+ ){0,3}(?:goal|target|plan)s?\b"
            r"|short of (?:our |the )?(?:[$\w.,]+ )?(?:plan|target|goal|forecast))")


_USER_GOAL = rx(r"\b(?:users|signups|sign-ups|subscribers|members|customers|downloads|visitors"
                r"|pageviews|installs)\b")


# Results are always reported for a period that has ended: "rose to EUR 20.5 mn in 2005 from
# EUR 9.3 mn in 2004" names the period, it does not restate old news.
PERIOD = rx(r"\b(?:from|compared (?:to|with)|year earlier|a year ago|corresponding period"
            r"|same period|year-on-year|yoy|versus|vs\.?)\b")


# A setback may count a missed target (so "plan" words are allowed), but not one to come.
_FUTURE_BEFORE = rx(r"\b(?:will|would|could|might|going to|gonna)\b|(?:'|\u2019)(?:ll|d) ")
_AHEAD = rx(r"\b(?:over|in|during) the (?:next|coming) ")


def _setback(clause: str, low: str, word: re.Match[str], bad: re.Match[str]) -> Found | None:
    """A revenue setback, unless it is to come: "I'd be losing $450k in revenue over the next
    eight months" is a forecast."""
    if _FUTURE_BEFORE.search(low, 0, bad.start()) or _AHEAD.search(low, bad.start()):
        return None
    return Found(T.REVENUE_MILESTONE, _setback_identity(word["w"].lower(), clause),
                 said(clause, bad.start()), bad.start(), negative=True, allow=frozenset({"plan"}))


def revenue(clause: str, low: str, ctx: Context) -> Found | None:
    found = _revenue(clause, low, ctx)
    if found is not None and PERIOD.search(ctx.sentence.lower() or low):
        return replace(found, allow=found.allow | {"old"})
    return found


def _revenue(clause: str, low: str, ctx: Context) -> Found | None:
    loss = LOSS.search(low)
    if loss:
        # its words name a setback, so two quarters' losses in one batch stay two events
        return Found(T.REVENUE_MILESTONE, {"missed": "results",
                                           "what": " ".join(key_words(loss.group()).split()[:5])},
                     said(clause, loss.start()),
                     loss.start(), negative=True, allow=frozenset({"plan"}))
    word = _revenue_word(low)
    if word and NOT_REVENUE.search(low):
        return None
    if not word:
        return _missed_plan(clause, low)
    bad = REVENUE_BAD.search(low) or REV_BAD_MORE.search(low)
    if bad:
        return _setback(clause, low, word, bad)
    good = REVENUE_GOOD.search(low)
    if good:
        return Found(T.REVENUE_MILESTONE, {"result": key_words(good.group())},
                     said(clause, good.start()), good.start())
    if THRESHOLD.search(low) or VALUATION_MULTIPLE.search(low):
        return None  # "the lowest MRR growth that gets us to profitability is 25%": a bar
    verb = MILESTONE.search(low)
    up = REV_UP.search(low)
    trigger = verb if verb is not None else up
    if trigger is None:
        return None
    kind = word["w"].lower()
    metric = _metric_name(kind, low, ctx.sentence.lower())
    amounts = [f for f in money(clause) if f.value >= _floor(metric, low)]
    growth = _growth(clause)
    if not amounts and not growth:
        # with no figure, a rise is news only as a company's reported result: "Tesco sales
        # rise", "profit up in the first half"; a bare "Revenue grew." says nothing new
        if up is None or not (re.search(r"[A-Z][\w&.-]+", clause[:word.start()]) or re.search(
                r"\b(?:q[1-4]|quarter|half|year|fy|annual|month)\b", low)):
            return None
        return Found(T.REVENUE_MILESTONE, {f"{metric.removesuffix('_usd')}_trend": "up"},
                     said(clause, up.start()), up.start())
    if amounts and DEAL_HINT.search(low) and max(f.value for f in amounts) < 1_000_000 \
            and not re.search(r"\b(?:our|total|company|we)\b", low):
        return None  # "$75k ARR is huge": one contract's value, not the company's revenue
    if amounts:
        # the figure nearest the revenue word is the company's; a "from $X" is the earlier one
        fig = min(amounts, key=lambda f: (bool(re.search(r"from\s?$", clause[:f.start])),
                                          abs(f.start - word.start())))
        value = round(fig.value)
        # a KPI is titled by the ledger's name for it ("Monthly revenue"), any other figure by
        # the word the message used ("Profit")
        label = metric_label(metric) if metric in CANONICAL else kind[:1].upper() + kind[1:]
        return Found(T.REVENUE_MILESTONE, {metric: value},
                     f"{label} reached {short_money(value)}", trigger.start())
    return Found(T.REVENUE_MILESTONE, {f"{metric.removesuffix('_usd')}_growth": growth},
                 f"{word['w'].upper() if len(word['w']) == 3 else word['w'].capitalize()} "
                 f"growth {growth}", trigger.start())


# A month's sales and a year's are two figures: "$92k in revenue for October" beside "in 2022
# TinyPilot generated $812k in revenue" is no 783% rise.
_MONTHLY = re.compile(r"\b(?:for|in|during) (?:the month of )?(?:january|february|march|april|may"
                      r"|june|july|august|september|october|november|december)\b|\bthis month\b"
                      r"|\blast month\b|\bmonthly\b|\bper month\b|\ba month\b|/mo\b"
                      r"|\brecord month\b|\bbest month\b|\bmonth(?:'s)? (?:revenue|sales)\b")
_QUARTERLY = re.compile(r"\bq[1-4]\b|\bquarter(?:ly)?\b")
_ANNUAL = re.compile(r"\b(?:in|for|during) (?:fy ?)?(?:19|20)\d\d\b|\bannual\b|\bfull[- ]year\b"
                     r"|\bfor the year\b|\bthis year\b|\blast year\b|\bper year\b|\byearly\b"
                     r"|\bfy ?\d{2,4}\b")


def _metric_name(kind: str, low: str, sentence: str) -> str:
    """The metric a revenue word names: mrr_usd, arr_usd, revenue_usd with its period when the
    words give one, or the word itself ("net_income_usd")."""
    metric = "mrr_usd" if kind in {"mrr", "monthly recurring revenue"} else \
        "arr_usd" if kind in {"arr", "annual recurring revenue", "run-rate", "run rate",
                              "runrate", "net new arr"} else \
        "revenue_usd" if kind in {"revenue", "revenues", "sales", "net sales", "turnover",
                                  "bookings", "gmv", "billings", "top line", "topline",
                                  "top-line"} else f"{key_words(kind).replace(' ', '_')}_usd"
    if metric == "revenue_usd":
        metric = _revenue_period(low, sentence)
    return metric


def _revenue_period(low: str, sentence: str) -> str:
    """revenue_usd with the period it covers, when the words say it: monthly_revenue_usd,
    quarterly_revenue_usd or annual_revenue_usd."""
    for text in (low, sentence):
        for pattern, metric in ((_MONTHLY, "monthly_revenue_usd"),
                                (_QUARTERLY, "quarterly_revenue_usd"),
                                (_ANNUAL, "annual_revenue_usd")):
            if pattern.search(text):
                return metric
    return "revenue_usd"


def _setback_identity(kind: str, clause: str) -> dict[str, MetricValue]:
    """A setback's figures name it: two months' "revenue dropped" are two events, not one."""
    metrics: dict[str, MetricValue] = {"missed": kind}
    amounts = money(clause)
    if amounts:
        metrics["figure_usd"] = round(amounts[-1].value)
    growth = _growth(clause)
    if growth:
        metrics["change"] = growth
    return metrics


def _missed_plan(clause: str, low: str) -> Found | None:
    """A plan missed with no revenue word: "we missed our target of 60 units"."""
    missed = MISSED.search(low)
    if missed and (money(clause) or re.search(r"\d|\b(?:quarter|month|year|q[1-4])\b", low)):
        # a missed goal keeps the type of what it counted: users, or money
        kind = T.USER_GROWTH if _USER_GOAL.search(low, missed.start()) else T.REVENUE_MILESTONE
        return Found(kind, {"missed": "plan"}, said(clause, missed.start()),
                     missed.start(), negative=True, allow=frozenset({"plan"}))
    return None


def _revenue_word(low: str) -> re.Match[str] | None:
    word = REVENUE.search(low)
    if word and word["w"] not in _RECURRING:
        # "a huge sales day, I hit $1k MRR": the recurring figure is the one reported
        word = next((w for w in REVENUE.finditer(low, word.end()) if w["w"] in _RECURRING), word)
    return word


def _floor(metric: str, low: str) -> int:
    """The least figure that is news: "$1,000 MRR" is a start, and any figure the founder marks
    as a milestone or a record ("Milestone achieved: $500 MRR!", "best month ever, $393")."""
    if RECORD.search(low):
        return 1
    return 1_000 if metric in ("mrr_usd", "arr_usd") else 10_000


def key_words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _growth(clause: str) -> str:
    pct = [p for p in percents(clause) if p.value >= 5]
    if pct and re.search(r"\b(?:up|grew|growth|increase|increased|rose|rises?|jumped|climbed"
                         r"|improved|surged|soared|beat"
                         r"|yoy|mom|qoq|wow|year over year|month over month|\+)", clause,
                         re.IGNORECASE):
        return f"{pct[0].value:g}%"
    mult = [m for m in multiples(clause) if m.value > 1]  # "0.9x" last year's is a fall
    if mult:
        return f"{mult[0].value:g}x"
    return ""


USERS = rx(
    r"\b(?P<w>(?:(?:daily|weekly|monthly) )?(?:active )?(?:users|actives|user accounts)"
    r"|daily actives|weekly actives|monthly actives|paying (?:customers|users|accounts|teams"
    r"|subscribers)|community members|community"
    r"|customers|logos|sign-?ups|registrations|subscribers|paid subscribers|members"
    r"|developers|installs|downloads|accounts|teams|organi[sz]ations|orgs|companies|merchants"
    r"|creators|stars|github stars|followers|maus?|daus?|waus?|businesses|brands|clinics"
    r"|hospitals|schools|restaurants|stores|drivers|riders|patients|students|learners|players"
    r"|listeners|viewers|visitors|waitlist|wait-list|email list|customer count|user count"
    r"|pageviews|page views"
    r"|subscriber count)\b")
USERS_BAD = rx(r"\b(?:users|daus?|waus?|maus?|actives|signups|sign-ups|traffic|usage|engagement"
               r"|subscribers|customers)\b[^.]{0,20}\b(?:dropped|fell|declined|plunged|shrank"
               r"|decreased|down \d|halved|tanked)")
_CANON = {"daily": "daily_active_users", "weekly": "weekly_active_users",
          "monthly": "monthly_active_users", "dau": "daily_active_users",
          "wau": "weekly_active_users", "mau": "monthly_active_users"}


def _user_metric(word: str) -> tuple[str, int]:
    """The canonical metric for a noun, and the smallest count that is a milestone for it."""
    w = word.lower()
    for prefix, name in _CANON.items():
        if w.startswith(prefix):
            return name, 100
    if w.endswith("count"):
        w = "customers" if w.startswith("customer") else w.split()[0] + "s"
    if w == "email list":
        return "subscribers", 100
    if w.startswith("paying") or w in {"customers", "logos", "paid subscribers", "businesses",
                                       "brands", "companies", "organizations", "organisations",
                                       "orgs", "teams", "merchants", "clinics", "hospitals",
                                       "schools", "restaurants", "stores"}:
        return ("paying_customers" if w.startswith("paying") else
                "customers" if w in {"customers", "logos"} else w.replace(" ", "_")), 10
    if w in {"stars", "github stars"}:
        return "github_stars", 500
    if w in {"downloads", "installs"}:
        return w, 1000
    if "user" in w or w.endswith("actives"):
        return "users", 1000
    return w.replace(" ", "_").replace("-", ""), 100


# nouns that name a count rather than who is counted: the title names who ("350 subscribers")
_PLAIN_LABEL = frozenset({"email list", "customer count", "user count", "subscriber count"})
NOT_USERS = rx(r"\b(?:hit (?:errors?|issues?|bugs?|a bug|problems?|the bug|timeouts?)|affected"
               r"|impacted|inflated|bots?|fake|spam\w*|test accounts|subscribed to|unsubscribe"
               r"|members? (?:only|area|login)|member of|mailing list"
               r"|you are (?:currently )?(?:a )?(?:subscribed|member)|discounts?|coupons?|promo"
               r"|\d+% off|percent of|% of|faster|quicker|slower|cheaper)\b")


MOST_EVER = rx(r"\b(?:more|most) (?:new )?(?:paying |paid )?(?:users|customers|subscribers"
               r"|signups|sign-ups|members|visitors) than (?:in )?(?:any|ever)\b"
               r"(?: (?:other|previous|prior))?")
# "used by more than 100,000 organizations" describes a company (a boilerplate, a profile); a
# count is news when something marks it as reached now or as a move.
ARRIVED = rx(r"\b(?:cross\w*|pass(?:ed|es)|hit|hits|reach\w*|surpass\w*|top(?:ped|s)|went past"
             r"|broke|break\w*|cleared|exceed\w*|milestones?|records?|now|today|just|officially"
             r"|grew|grown"
             r"|growing|doubled|tripled|quadrupled|up from|went from|jumped|climbed|soared|added"
             r"|welcomed|and counting|as of|this (?:week|month|quarter|year)|all[- ]time|first"
             r"|yoy|mom|qoq|wow|year over year|month over month|got|gained|increase)\b"
             r"|\d+(?:\.\d+)?x\b|\+\d")


def users(clause: str, low: str, ctx: Context) -> Found | None:
    noun = USERS.search(low)
    if not noun or NOT_USERS.search(low):
        return None
    bad = USERS_BAD.search(low)
    if bad:
        return Found(T.USER_GROWTH, {"decline": noun["w"].lower()}, said(clause, bad.start()),
                     bad.start(), negative=True)
    most = MOST_EVER.search(low)
    if most:  # "more new paying subscribers than in any other month": a record, no figure needed
        return Found(T.USER_GROWTH, {f"{_user_metric(noun['w'])[0]}_trend": "record"},
                     said(clause, most.start()), most.start())
    verb = MILESTONE.search(low)
    if not verb or not ARRIVED.search(low):
        return None
    metric, floor = _user_metric(noun["w"])
    if not traffic_is_news(noun["w"], low):
        return None
    near = [f for f in counts(clause) if abs(f.start - noun.start()) < 45
            and clause[f.end:f.end + 1] not in {"%", "x"}
            and not re.match(r"\s?(?:%|percent|x|ms|s|seconds|hours|days|weeks|months|years"
                             r"|minutes|am|pm|st|nd|rd|th)\b", clause[f.end:f.end + 8])
            and clause[max(0, f.start - 1):f.start] not in {"$", "€", "£", "#"}]
    if near:
        fig = min(near, key=lambda f: (bool(re.search(r"from\s?$", clause[:f.start])),
                                       abs(f.start - noun.start())))
        if fig.value < floor:
            return None
        value = round(fig.value)
        label = metric.replace("_", " ") if noun["w"].lower() in _PLAIN_LABEL else noun["w"].lower()
        return Found(T.USER_GROWTH, {metric: value}, f"{short_count(value)} {label}",
                     min(verb.start(), fig.start))
    growth = _growth(clause)
    if growth:
        return Found(T.USER_GROWTH, {f"{metric}_growth": growth},
                     f"{noun['w'].capitalize()} up {growth}", verb.start())
    return None


TECH_METRIC = rx(
    r"\b(?P<w>p50|p75|p90|p95|p99|p999|latency|response times?|load times?|page loads?"
    r"|build times?|query times?|cold starts?|startup time|render time|ttfb|time to first \w+"
    r"|throughput|requests per second|rps|qps|tps|uptime|availability|error rates?|crash rate"
    r"|(?:cloud|aws|gcp|azure|infra(?:structure)?|hosting|compute|storage|inference|server"
    r"|cloud platform|database|cdn) (?:bill|costs?|spend|fees)|ops per second|costs? per \w+"
    r"|memory (?:usage|footprint)|cpu (?:usage|utili[sz]ation)"
    r"|events processed|events per|events|messages per|requests|inference time|training time"
    r"|speed|performance|build (?:and|&) (?:pr|test) times?|pr times?|ci times?|indexing"
    r"|search times?|deploys|builds|(?<=\dx )(?:faster|quicker)|feed(?:ing)? throughput"
    r"|write throughput"
    r"|read throughput"
    r"|accuracy|precision|recall|deploy time|ci time|test suite|bundle size|app size"
    r"|(?:script|bundle|binary|image|payload|page) (?:size|weight)|size of (?:our |the )?(?:\w+ )?"
    r"(?:script|bundle|binary|image|payload|app))\b")
TECH_BETTER = rx(
    r"\b(?:from \S+ to|down to|dropped|dropping|reduced|reduction|cut (?:by|from|to|our)"
    r"|lower than|lowered|improved|improvement|faster|quicker|speed-?up|sped up|halved"
    r"|slashed|went from|cut|cuts|instead of|up from|handles|processes|(?:is|are|went) down \d"
    r"|down \d+(?:\.\d+)?\s?%|down by|achiev\w*|sets? (?:a )?new|up \d|up by|(?:is|are|went) up"
    r"|rose|grew|jumped|first time|best ever"
    r"|highest|lowest|now \S+,? (?:vs|versus|compared|from|it was|was|down)|record|new high"
    r"|all[- ]time|processed|handled|sustained|zero downtime|no downtime|crossed|surpassed"
    r"|sub-?\d|under \d|below \d|was \d|it was|better|increas\w+|\w+-?fold|doubled|tripled"
    r"|decreased|shaved|trimmed|saved|saving|savings"
    r"|up to \d+x|\d+(?:\.\d+)?x (?:faster|cheaper|less|more|smaller|higher))(?![a-z])")
OUTAGE = rx(
    r"\b(?:outage|went down|was down|is down|were down|downtime|service disruption"
    r"|sev ?[0-2]\b|p0 incident|major incident|incident\b|degraded|degradation|data loss"
    r"|lost (?:customer )?data|breach|security incident|compromised|leaked|ddos"
    r"|(?:discovered|identified|alerted to|detected|disclos\w+|there (?:has been|was)) (?:a |an )?"
    r"(?:\w+ ){0,3}(?:security (?:vulnerability|issue|flaw|hole)|vulnerability)"
    r"|unauthori[sz]ed (?:activity|access)"
    r"|unauthorized access|data leak"
    # "exposed customer data", "records were exposed"; not "tools are exposed over MCP"
    r"|exposed(?= (?:\w+ ){0,3}(?:data|records|credentials|keys|secrets|passwords|emails|pii"
    r"|information|databases?|buckets?|tokens)\b)|(?<=was )exposed|(?<=were )exposed"
    r"|ransomware|post-?mortem|root cause|rca\b|unavailable|timeouts?|lag\b|lagging"
    r"|crash(?:ed|es|ing)?|broke (?:for|in) production|failed over|failover)")
# "Traffic to Gumroad is down": a number fell, nothing broke.
METRIC_DOWN = rx(r"\b(?:traffic|visits|visitors|pageviews|sales|revenue|profits?|signups|sign-ups"
                 r"|usage|conversions?|numbers|orders|downloads|installs|engagement)"
                 r"(?: to (?:\w+ ){0,3}?[\w.]+)?"
                 r" (?:is|was|are|were) down\b")
# Slowness and errors are an incident only when customers feel them ("TechStream paused the
# rollout", "users couldn't log in"); "seeing some lag in production" is an engineer's note.
WEAK_OUTAGE = frozenset({"incident", "degraded", "degradation", "unavailable", "timeout",
                         "timeouts", "lag",
                         "lagging", "crash", "crashed", "crashes", "crashing", "failover",
                         "failed over", "root cause", "rca", "post-mortem", "postmortem"})
FELT = rx(r"\b(?:customers?|users?|clients?|everyone|affected|impacted|unable to|couldn'?t"
          r"|could not|paused|angry|escalat\w+|refund|credits?|churn\w*|complain\w*)\b")
SECURITY = frozenset({"unauthorized activity", "unauthorised activity", "unauthorised access",
                      "breach", "security incident", "compromised", "leaked", "ransomware",
                      "ddos", "unauthorized access", "data leak", "exposed"})
IMPACT = rx(
    r"\b(?:customers?|users?|clients?|production|prod\b|all regions|sla|status page|everyone"
    r"|affected|impacted|unable to|couldn'?t|could not|paused|angry|escalat\w+|refund|credits?"
    r"|\d+[- ]?(?:min|mins|minutes|hours?|hrs|h)\b|(?:an|one|two|three|several) hours?|all day"
    r"|for hours|data|records|accounts|pii|personal data)\b")


LEADERBOARD = rx(r"\b(?:tops?|topped|leads?|ranks? (?:first|#1|no\.? ?1) on) (?:the )?[\w. -]{0,30}"
                 r"(?:leaderboard|benchmark)|#1 on (?:the )?[\w. -]{0,30}(?:leaderboard|benchmark)"
                 r"|state[- ]of[- ]the[- ]art (?:results? )?on (?:the )?[\w. -]{2,30}benchmark")


_WORSE_UPTIME = re.compile(r"\b(?:down (?:from|to)|dropped|fell|decreased|slipped|worse|lower)\b")


def _worse_uptime(metric: str, low: str) -> bool:
    """"Uptime was 99.2% in March, down from 99.9%": a worse SLA, no result."""
    return ("uptime" in metric or "availab" in metric) and _WORSE_UPTIME.search(low) is not None


def technical(clause: str, low: str, ctx: Context) -> Found | None:
    marks = list(OUTAGE.finditer(low))
    outage = next((m for m in marks if m.group() not in WEAK_OUTAGE), marks[0] if marks else None)
    if outage and ((outage.group() in WEAK_OUTAGE and not FELT.search(low))
                   or METRIC_DOWN.search(low, 0, outage.end())):
        outage = None
    whole = ctx.sentence.lower() if len(ctx.sentence) > len(clause) else low
    # a vulnerability found in our product is an incident whoever it touched
    found_hole = outage is not None and re.search(r"vulnerab|security issue", outage.group())
    if outage and (found_hole or IMPACT.search(whole)) and not re.search(
            r"\b(?:risk of|to avoid|avoid|prevent\w*|minimi[sz]\w*|reduc\w* (?:\w+ )?downtime"
            r"|resilien\w*|in case of|in the event of|could cause"
            r"|may cause|might cause|no (?:customer|user)s? (?:were |was )?(?:affected|impacted)"
            r"|no impact|no (?:customer|user)[- ]impact|staging (?:was|is|went|were)"
            r"|fixed (?:a |an |the )?(?:minor |small |tiny )?(?:bug|issue|glitch)"
            r"|zero impact|(?:zero|no|without(?: any)?) downtime"
            r"|downtime budget|error budget"
            r"|not (?:affected|impacted)|drill|game ?day|chaos test|simulated|tabletop)\b", whole):
        what = outage.group().lower()
        if what in SECURITY or "vulnerab" in what or "security" in what:
            # a security incident mirrors an audit (shared LABELLING.md), an outage a result
            return Found(T.COMPLIANCE, {"incident": "security"},
                         f"Security incident: {_phrase(clause, outage.start())}",
                         outage.start(), negative=True)
        if not_a_result(clause, low, ctx.sentence, negative=True):
            return None
        return Found(T.TECHNICAL_ACHIEVEMENT, {"incident": "outage"},
                     f"Incident: {_phrase(clause, _past_aux(clause, outage.start()))}",
                     outage.start(),
                     negative=True)
    # both patterns end in one of these words: most clauses skip their slow leading alternations
    top = LEADERBOARD.search(low) or MORE_LEADERBOARD.search(low) \
        if "benchmark" in low or "leaderboard" in low else None
    if top:
        return Found(T.TECHNICAL_ACHIEVEMENT, {"benchmark": key_words(top.group())[:60]},
                     _phrase(clause, top.start()), top.start())
    m = TECH_METRIC.search(low) or MORE_METRIC.search(low)
    if not m:
        return None
    better = TECH_BETTER.search(low) or MORE_BETTER.search(low)
    metric = m["w"].lower()
    if not better or NOT_PRODUCTION.search(low) or _worse_uptime(metric, low):
        return None
    allow = frozenset({"negation"}) if better.group() == "instead of" else frozenset()
    durations = durations_ms(clause)
    pcts = percents(clause)
    mult = multiples(clause) or spoken_multiples(clause)
    figures = counts(clause) + spoken_counts(clause)
    if not (durations or pcts or mult or any(f.scaled for f in figures)) \
            or not_a_result(clause, low, ctx.sentence, negative=False):
        return None
    canon = re.sub(r"[^a-z0-9]+", "_", metric).strip("_")
    metrics: dict[str, str | int | float] = {}
    if durations and any(w in metric for w in ("p", "latency", "time", "ttfb", "start")):
        after = min(durations, key=lambda f: (bool(re.search(r"(?:from|was)\s?$",
                                                             clause[:f.start])), -f.start))
        metrics[f"{canon}_ms"] = round(after.value, 1)
    elif pcts:
        # "from 0.45% to 0.08%": the figure now is the one after "to"
        now = next((p for p in pcts if re.search(r"\bto\s*$", clause[:p.start])), pcts[0])
        metrics[f"{canon}_pct"] = now.value
    elif mult:
        metrics[f"{canon}_x"] = mult[0].value
    else:
        metrics[canon] = round(max(f.value for f in figures))
    # the verb ("dropped") is where the subject ends; "Search latency" is no one's name. (A title
    # started at the change, "3x faster", made the LLM path's dedup order-dependent: see
    # tests/unit/test_rules_results.py.)
    return Found(T.TECHNICAL_ACHIEVEMENT, metrics, _phrase(clause, m.start()),
                 better.start(),
                 allow=allow)


_WE_BEFORE = re.compile(r"\b(?:we|i)\s+$", re.IGNORECASE)
_AUX = re.compile(r"(?:were|was|are|is|went|have been|has been|had been|been)\s+", re.IGNORECASE)


def _past_aux(clause: str, at: int) -> int:
    """Where a title starts after a leading "were"/"was" ("We were down for 5 hours" is
    "Incident: Down for 5 hours", not "Incident: Were down ...")."""
    aux = _AUX.match(clause, at)
    # only after "we"/"I": "prod is down" keeps its subject (voice.py: "Prod down")
    return aux.end() if aux and _WE_BEFORE.search(clause, 0, at) else at


def _phrase(clause: str, at: int) -> str:
    """A short title from the clause itself, starting near the trigger."""
    text = clause[at:].strip(" .!")
    if len(text) > 90:
        text = text[:90].rsplit(" ", 1)[0] + "\u2026"
    return text[:1].upper() + text[1:]
