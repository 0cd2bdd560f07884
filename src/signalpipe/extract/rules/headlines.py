"""Results and audience numbers in news wording, and whose news a terse headline is.

Wire headlines and short financial news name the company in the third person and leave words
out: "Tesco sales rise", "Persimmon climbs on 23% rise in full-year revenue", "EasyJet sees better
first half", "WPP reports strong 2015 growth", "AstraZeneca ups profit forecasts", "passenger
numbers up 6% in February". A forecast for a later period ("forecasts rising earnings"), a
vague tone ("a 'solid' start"), the share price or an analyst's rating is no result.

A headline is the company's only when the company is its subject: "Globex to cut 300 jobs after
losing Acme contract" is Globex's news, though it names Acme.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.numbers import percents
from signalpipe.extract.rules.subject import FIRST_PERSON, named_subject
from signalpipe.models import EventType, MetricValue

T = EventType
_MONEY_WORD = (r"(?:pre-?tax |net |operating |underlying |first-half |half-year |full-year "
               r"|annual |quarterly |interim |q[1-4] |h[12] |uk |us |like-for-like |organic )?"
               r"(?:profits?|earnings|revenues?|sales|turnover|income|nav|assets"
               r"|assets under management|aum|orders|bookings)")
_AUDIENCE = (r"(?:passenger numbers|passengers|subscribers|subscriptions|users"
             r"|members|membership|customers|downloads|players|signups|sign-ups"
             r"|(?:subscriber|user|customer|member) base)")
_PEOPLE = (r"(?:players|users|subscribers|customers|members|downloads|listeners|viewers|readers"
           r"|installs|accounts|passengers|signups|sign-ups|students|patients|merchants)")
_AMOUNT = (r"(?:more than |over |nearly |almost )?(?:\d[\d,.]*|one|two|three|four|five|six|seven"
           r"|eight|nine|ten|twenty|fifty|a hundred)(?: ?(?:k|m|mn|million|billion|thousand))?")
# "hits seven million players", "grew to 2,000 subscribers": an audience reaching a count
REACHES = rx(rf"\b(?:hits?|reach(?:es|ed)?|tops|topped|pass(?:es|ed)?|cross(?:es|ed)?"
             rf"|surpass(?:es|ed)?|(?:grew|grown|rose|jumped|climbed|increased|swelled)"
             rf" (?:\w+ )?to)"
             rf" {_AMOUNT} (?!concurrent |simultaneous |test |beta )(?:\w+ )?(?P<w>{_PEOPLE})\b")
_UP = (r"(?:rises?|rose|risen|up|climbs?|climbed|jumps?|jumped|grows?|grew|grown|increases?"
       r"|increased|gains?|gained|surges?|surged|soars?|soared|doubles?|doubled|tops?|topped"
       r"|beats?|beat|ahead of|improves?|improved|passes|passed|crossed|tops|surpassed)")
RISE = rx(rf"\b(?P<w>{_MONEY_WORD}|{_AUDIENCE}) (?:\w+ly |have |has |were |was |are |is "
          rf"|numbers )?(?:{_UP}|(?:hit|hits|reached|reach|reaches|set|sets) (?:a |an )?(?:new "
          rf"|fresh )?(?:record|all-time high|new high|high))\b")
RISE_IN = rx(rf"\b(?:rise|jump|increase|growth|surge|gains?|climb) in (?:\w+ ){{0,2}}?"
             rf"(?P<w>{_MONEY_WORD})\b")
# "a 690% increase in subscribers", "broke our signup record": an audience with its figure
AUDIENCE_UP = rx(rf"\b\d[\d,.]*\s?(?:%|x|percent|fold) (?:rise|jump|increase|growth|surge)"
                 rf" in (?:\w+ )?(?P<w>{_AUDIENCE})\b|\b(?:breaking|broke|set|sets|setting)"
                 r" (?:our |its |a |new )*(?:(?:traffic|user|subscriber|download|visitor|member)"
                 r" and )?(?P<w2>signup|sign-up|user|subscriber|download|member|customer)s?"
                 r" records?\b")
REPORTS = rx(r"\b(?:reports?|reported|posts?|posted|delivers?|delivered|sees|saw|books?|booked"
             r"|records?|recorded|unveils?|unveiled|enjoys?|enjoyed)\s(?:a |an )?(?:much |sharply "
             r"|strongly )?(?:strong|stronger|record|improved|better|bumper|robust|higher"
             r"|forecast-beating|double-digit)\b[\w' -]{0,30}?\b(?P<w>growth|results|interims?"
             r"|first[- ]half|second[- ]half|quarter|year|sales|profits?|earnings|revenues?)\b")
RAISES = rx(r"\b(?:ups|upped|raises|raised|lifts|lifted|upgrades|upgraded|boosts|boosted)"
            r" (?:its |their )?(?:full-year |annual |\d{4} )?(?P<w>profits?|earnings|sales"
            r"|revenues?)? ?(?:forecasts?|guidance|outlook)\b")
BEATS = rx(r"\b(?:(?:returns?|returned|swings?|swung|back) to (?:a )?(?:[\w-]+ )?(?P<w>profit)\b"
           r"|(?:profits?|earnings|revenues?|sales|results|margins?|capital ratio|figures)\b"
           r"[^,;]{0,30}\b(?:ahead['\u2019\"]? of|beat|beats"
           r"|tops?|topped|exceeds?|exceeded) (?:\w+ )?(?:expectations|forecasts|estimates"
           r"|consensus))")
# All of the above in one scan: most clauses that reach this detector hold none of them.
_ANY = rx("|".join(f"(?:{p.pattern.replace('(?P<w>', '(?:')})"
                   for p in (RISE, RISE_IN, REPORTS, RAISES, BEATS, REACHES)) + "|"
           + AUDIENCE_UP.pattern.replace("(?P<w>", "(?:").replace("(?P<w2>", "(?:"))
# A company's result, told by the market or a forecaster: not the company's news.
_NOT_RESULT = rx(r"\b(?:share price|shares|stocks?|forecasts? (?:rising|higher|growth)|expects?"
                 r"|analysts?|could|may|might|tipped|set to|poised to|rating|target price"
                 r"|price target|'solid'|\"solid\"|dividend yield)\b")
_ROLES = rx(r"(?:'s|\u2019s)?\s*(?:rivals?|competitors?|suppliers?|customers?|clients?"
            r"|partners?|peers?)\b")


def results(clause: str, low: str, ctx: Context) -> Found | None:
    """A result or an audience figure reported in news wording, or None."""
    if not _ANY.search(low):
        return None
    m = RISE.search(low) or RISE_IN.search(low) or REPORTS.search(low) or RAISES.search(low) \
        or BEATS.search(low) or REACHES.search(low) or AUDIENCE_UP.search(low)
    if m is None or _NOT_RESULT.search(low, m.end()) or _market_move(low, m) \
            or NOT_YET.search(low, 0, m.start()):
        return None
    if actor_is_other(clause[:m.start()], ctx.company):
        return None
    word = (m.group("w") or "profit").split()[-1] if "w" in m.re.groupindex else "profit"
    audience = re.fullmatch(_AUDIENCE, word) is not None or word in {"numbers", "base"} \
        or m.re is REACHES or m.re is AUDIENCE_UP
    if not _stated(clause, low, m, ctx, audience=audience):
        return None
    metrics: dict[str, MetricValue] = {"result": "up" if not audience else "audience up"}
    pct = percents(clause)
    if pct:
        metrics["change"] = f"{pct[0].value:g}%"
    kind = T.USER_GROWTH if audience else T.REVENUE_MILESTONE
    # "ahead of expectations", "ups its forecast": the words of a plan, the news of a result
    allow = frozenset({"plan"}) if m.re is BEATS or m.re is RAISES or re.search(
        r"\b(?:ahead of|beats?)\b", m.group()) else frozenset()
    return Found(kind, metrics, said(clause, m.start()), m.start(), allow=allow)


# Reports and intentions, not done: "FCA set to fine Lloyds", "Acme said to weigh job cuts".
NOT_YET = rx(r"\b(?:set to|poised to|said to|expected to|likely to|could|(?<!you )may (?!\d)"
             r"(?=\w+ing\b|be |have |soon )|(?<!you )might|reportedly"
             r"|considering|weighs?|weighing|mulls?|mulling|eyes|eyeing|plans? to consider)\b")
_PERIOD = rx(r"\b(?:q[1-4]|quarter|quarterly|half|h[12]|full-year|annual|year|fy|\d{4}"
             r"|january|february|march|april|may|june|july|august|september|october|november"
             r"|december|month)\b")
_FIGURE = re.compile(r"\d")
_COUNT = re.compile(r"(?<![$\u20ac\u00a3\d.,])\d")


def _stated(clause: str, low: str, m: re.Match[str], ctx: Context, *, audience: bool) -> bool:
    """A rise is a reported result when it has a figure, a period, or the company reporting it;
    an audience rise needs its figure ("passenger numbers up 6%"), as "as traffic grows" or
    "users increased their exercise minutes" report nothing."""
    if m.re is REACHES or m.re is AUDIENCE_UP or re.search(r"\b(?:record|high)$", m.group()):
        return True  # the count or the record is in the words: "hits seven million players"
    if audience:
        # "revenue from existing customers grew by $8k": the customers are no subject, and
        # money is no audience
        return _COUNT.search(low, m.start()) is not None and not re.search(
            r"\b(?:their|his|her)\b", low[m.end():m.end() + 12]) and not re.search(
            r"\b(?:from|of|for|to|with|by|among)\s+(?:\w+\s+)?$", low[:m.start()])
    if _FIGURE.search(low) or _PERIOD.search(low):
        return True
    return ctx.company is not None and ctx.company.search(clause[:m.start()]) is not None


def _market_move(low: str, m: re.Match[str]) -> bool:
    """"Shares rise on results", "FTSE up": the clause is about the market, not the company,
    unless a result word comes after the move ("climbs on 23% rise in full-year revenue")."""
    before = low[max(0, m.start() - 25):m.start()]
    return re.search(r"\b(?:shares?|stocks?|share price|index|ftse|market)\s*(?:\w+\s+)?$",
                     before) is not None


_GENERIC = frozenset(["group", "company", "firm", "bank", "lender", "retailer", "grocer", "miner",
                      "insurer", "carrier", "airline", "chain", "giant", "group's", "company's",
                      "firm's", "supermarket", "business", "startup", "january", "february",
                      "march", "april", "may", "june", "july", "august", "september", "october",
                      "november", "december", "loss", "win", "lowlight", "lowlights", "result"])
# A news site's section label run into the headline by a scraper: "CompaniesTesco sheds ...",
# "News FeedFTSE 100 movers: ...". Blanked (offsets kept) so the company's name stands alone.
_FEED_TAG = re.compile(r"^(?:Companies|News Feed|Markets|Business|Technology|Tech|Finance"
                       r"|Economy|World|UK|US|Europe|Asia)(?=[A-Z][a-z&])"
                       r"(?!Crunch|Radar|Wire)")  # TechCrunch, TechRadar, BusinessWire: names


def untagged(text: str) -> str:
    """``text`` without a section label glued to its first word."""
    m = _FEED_TAG.match(text)
    return text if m is None else " " * m.end() + text[m.end():]


# "Scandinavian Tobacco Group (STG)": a short form in brackets, and the name spelled out before it.
_SHORT = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*\)")
_SPELLED = re.compile(r"((?:[A-Z][\w&'-]*\s+(?:of\s+|and\s+|&\s+)?){2,6})$")


def namesake(text: str, company: re.Pattern[str] | None) -> str | None:
    """Another firm sharing the company's short name, spelled out in the message: "Seattle
    Theatre Group (STG)" in the stream of STG International is someone else's news."""
    if company is None or "(" not in text:
        return None
    for short in _SHORT.finditer(text, 0, 5_000):
        if not company.fullmatch(short.group(1)):
            continue
        m = _SPELLED.search(text, max(0, short.start() - 80), short.start())
        if m is None or company.search(m.group(1)):
            continue
        spelled = m.group(1).strip()
        initials = "".join(w[0] for w in spelled.split() if w[0].isupper())
        if initials.endswith(short.group(1).upper()):
            return f"a namesake ({spelled})"
    return None


# A figure that moved a little: "sales are down a bit", "profit dipped slightly".
WOBBLE = re.compile(r"\b(?:down|fell|dropped|dipped|declined|slipped|lower) (?:a (?:bit|little"
                    r"|touch)|slightly|marginally)\b|\bslightly (?:down|lower)\b", re.IGNORECASE)


# A system named after a metric: "the revenue dashboard is down" is an outage of a chart.
METRIC_SYSTEM = re.compile(r"\b(?:revenue|sales|mrr|arr|profit|billing|earnings)\s(?:dashboard"
                           r"|report|page|api|endpoint|service|job|pipeline|sync|export|chart|tracker"
                           r"|sheet|spreadsheet|widget|table|query|email)s?\b", re.IGNORECASE)


# A vendor's verbs: the one who wins, lands or secures a contract is the seller.
_VENDOR = re.compile(r"\b(?:wins?|won|lands?|landed|secures?|secured|bags?|bagged|scoops?"
                     r"|scooped|clinch(?:es|ed)?|is awarded|was awarded|awarded)\b"
                     r"|\bsigns? (?=\S+(?: \S+)? as (?:a )?(?:customer|client)\b)", re.IGNORECASE)


def vendor_is_other(clause: str, company: re.Pattern[str] | None) -> str | None:
    """Another firm sells to the company: "Globex wins $40m contract from Acme", "Globex lands
    Acme deal", "Globex signs Acme as customer" are Globex's deals; Acme is the buyer."""
    verb = _VENDOR.search(clause)
    if verb is None or company is None or not company.search(clause, verb.end()):
        return None
    head = clause[:verb.start()]
    if not actor_is_other(head, company):
        return None
    return f"third party ({named_subject(head.rsplit(': ', 1)[-1], company)} sells to us)"


def news_veto(found: Found, clause: str, part: str, company: re.Pattern[str] | None
              ) -> str | None:
    """Why a reading is not the company's event, in news terms: a hedge before it ("Barclays
    set to name Staley"), another firm selling to us or cutting its own jobs, a wobble or a
    system named after a metric; None when none applies."""
    head = clause[:found.trigger]
    hedge = NOT_YET.search(head.lower())
    if hedge:
        return f"not yet ({hedge.group()})"
    if found.relational and found.event_type is T.ENTERPRISE_DEAL and not found.negative:
        return vendor_is_other(clause, company)  # "Globex wins $40m contract from Acme"
    if not found.negative:
        return None
    if found.event_type is T.REVENUE_MILESTONE and (WOBBLE.search(part)
                                                    or METRIC_SYSTEM.search(part)):
        # "sales are down a bit from last month", "the revenue dashboard is down"
        return "a wobble or a system, not a setback"
    if "layoff" in found.metrics and actor_is_other(head, company):
        return "third party (another firm's cuts)"  # "Shell to cut 2,800 jobs amid BG takeover"
    return None


def actor_is_other(head: str, company: re.Pattern[str] | None) -> bool:
    """Another firm is the subject of the clause (the words before its verb): "Globex to cut
    300 jobs after losing Acme contract", "Acme's rival Globex cuts 300 jobs"."""
    head = head.rsplit(": ", 1)[-1]  # "LOSS: didn't hit any goals": a label, not a subject
    ours = company.search(head) if company is not None else None
    if ours is not None:
        return _ROLES.match(head, ours.end()) is not None
    if FIRST_PERSON.search(head):
        return False
    # "Globex's Q3 profit falls" names its actor as an owner; "Group plans to slash 600 jobs"
    # names the company by what it is
    name = named_subject(head, company)
    return name is not None and name.lower() not in _GENERIC
