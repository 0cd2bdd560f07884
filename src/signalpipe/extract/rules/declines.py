"""Setbacks told with a comparison or in a founder's, a status page's or a wire's words.

``decline`` reads a period's results that went the wrong way, before the positive detectors
(which would take "Revenue was $2.1 million, down 18%" for a figure reached): a result below the
figure it is compared with ("Operating profit totalled EUR 9.0 mn, down from EUR 9.7 mn", "Net
profit was EUR 0.2 mn, compared to EUR 1.5 mn", "a 3% decrease from the prior year", "weaker
than expected"), a loss that grew or a result that was a loss ("Operating loss increased to EUR
17 mn", "amounted to a loss of EUR 0.05"), the outlook the company lowered ("cuts full-year
revenue guidance", "expects its net sales to decrease"), results falling in words the revenue
reader does not know ("Revenue dipped 8% MoM", "MRR went backwards", "the decrease in net sales",
"market share decreased") and results hurt by a named cause ("Fewer multi-buys hurt Acme's
market share").

``setback`` (early, where a positive detector would misread the words) and ``late_setback``
(after the other detectors, so an outage or an audit they know keeps one identity) read churn
that ticked up, customers and users lost by count, launches, audits and shipments slipped to a
date, deals lost to a rival, launches that flopped or were cancelled, pay frozen; and customers
unable to work during an incident, lawsuits against the company, key people handing in notice,
security incidents in a disclosure's words, job cuts in a report's words, units closed for good,
audits failed and plans missed.

What is no setback: a cost, a loss or a latency that fell (good news), a result that rose,
someone else's figures (named before the verb or "for Globex" after it), an analyst's price
target, a founder's guess, a past problem retold as background, a habit ("I keep postponing"),
a feared flop, a status page's vocabulary, maintenance announced in advance.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.headlines import NOT_YET, actor_is_other
from signalpipe.extract.rules.lexicon import ROLE, rx
from signalpipe.extract.rules.numbers import Figure, money, percents
from signalpipe.extract.rules.subject import FIRST_PERSON, is_ours, named_subject
from signalpipe.extract.rules.wordscan import any_word
from signalpipe.models import EventType, MetricValue

T = EventType
# A period's results, as reports and updates name them; never a cost, a loss or a burn.
_RESULT = (r"(?:net sales|sales|revenues?|turnover|(?:(?:net|operating|pre-?tax|gross|comparable"
           r"|underlying|adjusted|organic) )*(?:profits?|income|earnings|margins?)"
           # a result is a period's figure when qualified, not a goal's "Result: 5 meetings"
           r"|(?:net|operating|pre-?tax|financial|quarterly|annual|comparable) results?"
           r"|results? (?:before taxes?|for the (?:period|quarter|year|financial year))"
           r"|profit before taxes?|eps|earnings per share|ebitda|ebit"
           r"|order intake|orders received|order (?:book|backlog)|bookings|mrr|arr|gmv|billings"
           r"|run[- ]?rate)")
RESULT = rx(rf"\b{_RESULT}\b")
# What stands between a result word and its figure when the result is something else's:
# "sales costs", "profit tax", "income from the sale of".
_NOT_RESULT = rx(r"\b(?:costs?|expenses?|debt|loss(?:es)?|taxes paid|tax rate|inventor\w*|capex"
                 r"|spend\w*|burn|churn|provisions?|impairments?|share price|shares|stock"
                 r"|index|forecasts?|expects?|expected|estimates?|guidance|target|goal|team|reps?"
                 r"|pipeline|customers?'|clients?'|rivals?|competitors?|cac|latency|prices?"
                 r"|growth|rate"
                 # a rise said first: "Sales rose 10% while prices were down 5%"
                 r"|rose|rises|risen|increased|grew|grown|jumped|climbed|improved|up|higher"
                 r"|gained|surged|doubled|tripled)\b")
# The comparison that says the figure fell: "down 18%", "down from", "a decrease of 5%".
_MONEY_SIGN = r"(?:[$\u20ac\u00a3]|eur |usd )?"
_DOWN = rx(rf"\b(?:down (?:by |about |some |nearly |almost |more than )?{_MONEY_SIGN}\d"
           rf"|down from\b|(?:a |an )?(?:decrease|decline|drop|fall|reduction) of {_MONEY_SIGN}\d"
           r"|lower than (?:in |a year|last|the (?:previous|prior|same|corresponding))"
           r"|\d\s?(?:%|percent|per cent) (?:decrease|decline|drop|fall|reduction)\b"
           r"|(?:weaker|worse|poorer|lower) than (?:expected|anticipated|forecast|planned|hoped"
           r"|last year|a year)|below (?:expectations|forecasts?|plan|target|budget))")
_AGAINST_PLAN = rx(r"expect|anticipat|forecast|plan|hoped|target|budget")
_VERSUS = rx(r"\b(?:compared (?:to|with)|versus|vs\.?|against|as against)\b")
# "was EUR -0.4 mn", "amounted to a loss of EUR 0.05", "totalled EUR 4.0 mn, compared to a
# profit": a result that is a loss.
_AS_LOSS = rx(r"\b(?:was|were|is|totall?ed|amounted to|came (?:in )?(?:at|to)|stood at|showed"
              r"|shows)"
              r" (?:a |an )?(?:net |operating |pre-?tax )?(?:loss|negative)\b"
              r"|\b(?:was|were|totall?ed|amounted to|stood at) (?:eur |usd )?[-\u2212](?:[$\u20ac"
              r"\u00a3] ?)?\d")
# A period's loss stated in a report's words ("Operating loss amounted to EUR 0.8 mn"), read
# against the loss it is compared with, if any ("compared with a loss of EUR 2.2 mn": better).
LOSS_STATED = rx(r"\b(?:net|operating|pre-?tax|quarterly|annual|comparable|first-half|full-year"
                 r"|half-year) loss(?: before taxes?| per share| for the (?:period|quarter|year))?"
                 r"(?: [\w()-]+){0,3}? (?:was|were|amounted to|totall?ed|came to|came in at"
                 r"|stood at|reached) (?:eur |usd )?[$\u20ac\u00a3]?\d")
_EARLIER_LOSS = rx(r"\b(?:compared (?:to|with)|versus|vs\.?|from|against) (?:a |an )?"
                   r"(?:(?:net |operating |pre-?tax )?loss(?:es)?(?: of)?\b"
                   r"|(?=(?:eur |usd )?[$\u20ac\u00a3]?\d))")
LOSS_WORSE = rx(r"\b(?:(?:net |operating |pre-?tax |quarterly |annual )?loss(?:es)?"
                r"(?: (?:per share|before taxes?|for the (?:period|quarter|year)))?"
                r" (?:\w+ ){0,2}?(?:widened|widens|increased|increases|grew|grows|rose|rises"
                r"|deepened|deepens|doubled|doubles)"
                r"|(?:net |operating |pre-?tax )?loss (?:of |was |totall?ed |amounted to )?"
                r"(?:[\w$\u20ac\u00a3.,-]+ ){0,4}?(?:compared (?:to|with)|versus|vs\.?|from)"
                r" (?:a |an )?(?:net |operating |pre-?tax )?(?:profit|income|gain)\b)")


def decline(clause: str, low: str, ctx: Context) -> Found | None:
    """A result that fell against its earlier figure, or a loss that grew, or None."""
    if NOT_YET.search(low) or _BACKGROUND.search(ctx.sentence.lower() or low):
        return None  # "expected to fall": a forecast; "back in 2019 ...": a story, not news
    clause, low = _with_comparison(clause, low, ctx.sentence)
    return _loss_worse(clause, low, ctx) or _outlook(clause, low, ctx) \
        or _compared(clause, low, ctx)


# The outlook lowered by the company itself, not an analyst's price target: "cuts full-year
# revenue guidance", "revised its operating profit forecast downwards", "expects its net sales
# to decrease"; and a result or an audience falling in words the revenue reader does not take:
# "sales have been declining", "market share decreased", "passenger numbers fell".
_OUTLOOK = (r"(?:guidance|outlook|forecasts?|estimates?|projections?)")
OUTLOOK_CUT = rx(
    rf"\b(?:(?:cuts?|lowers?|lowered|reduces?|reduced|downgrades?|downgraded|trims?|trimmed"
    rf"|slashes|slashed)(?: (?:its|their|our|the))? (?:[\w-]+ ){{0,4}}?{_OUTLOOK}\b"
    rf"|revis(?:es|ed|ing) (?:its |their |our |the )?(?:[\w-]+ ){{0,4}}?{_OUTLOOK}"
    rf" (?:\w+ )?(?:down|downwards?|lower)\b"
    rf"|{_OUTLOOK} (?:\w+ ){{0,2}}?(?:was |were |has been |have been |is )?(?:cut|lowered|reduced"
    rf"|revised down(?:wards?)?|downgraded|slashed|trimmed)\b"
    rf"|expects? (?:its |their |the )?(?:[\w-]+ ){{0,4}}?{_RESULT}(?: [\w()-]+){{0,5}}? (?:to"
    rf"|will) (?:decrease|decline|fall|drop|be lower|be below|be weaker|weaken|shrink"
    rf"|be negative|remain below|be down|show a loss|turn negative)\b"
    rf"|(?:sees|expects|estimates|forecasts) (?:its |the )?(?:[\w-]+ ){{0,4}}?{_RESULT}"
    rf"(?: (?:to (?:be|remain|stay)|will (?:be|remain)))? (?:below|lower than|weaker than|under)"
    rf" (?:last year|the previous year|the prior year|the (?:19|20)\d\d|(?:19|20)\d\d"
    rf"|the comparable|the level))")
_PRICE_TARGET = rx(r"\b(?:price target|target price|rating|recommendation|costs?|expenses)\b")
FALLING = rx(
    rf"\b(?:(?P<w>market share|passenger (?:numbers|traffic|volumes)|number of (?:customers"
    rf"|subscribers|users|passengers|visitors|members))(?: [\w()-]+){{0,3}}? (?:has |have |had "
    rf"|is |are |was |were )?(?:been )?(?:fell|fallen|falls|decreased|decreases|declined"
    rf"|declines|declining|decreasing|falling|dropped|drops|dipped|slid|shrank|contracted"
    rf"|weakened|deteriorated|slipped|slumped|plunged|tumbled|halved)"
    rf"|{_RESULT}(?: [\w()-]+){{0,3}}? (?:has |have |is |are |keeps? |kept )(?:been )?"
    rf"(?:declining|decreasing|falling|shrinking|dropping|slipping|sliding)"
    rf"|(?:decrease|decline|drop|fall|reduction|slump|slide) in (?:the )?(?:[\w'-]+ )?{_RESULT}"
    # fall verbs the revenue reader does not know: "Revenue dipped 8% MoM", "MRR went backwards"
    rf"|{_RESULT}(?: [\w()-]+){{0,2}}? (?:has |have |had |is |was )?(?:dipped|dips|sank|sunk|tanked"
    rf"|cratered|went backwards|moved backwards|slid|took a (?:big |huge |real )?hit"
    rf"|fell off a cliff|nose-?dived|eroded|softened)"
    rf"|margins? (?:has |have |had |was |were )?(?:been )?(?:contracted|compressed|narrowed"
    rf"|shrank|shrunk|eroded|deteriorated|squeezed))\b")
_PEOPLE = frozenset({"passenger", "number of"})
_WE = rx(r"\b(?:we|i|we're|i'm|we've|i've|we'd)\b")  # a founder, not "the company"


# Results hurt by a cause named first: "Fewer multi-buys hurt Acme's market share", "The strike
# dented our sales"; the one hurt is the owner after the verb.
HURT = rx(rf"\b(?:hurt|hurts|dented|dents|squeezed|squeezes|weighed on|weighs on|eroded|erodes"
          rf"|ate into|eats into) (?P<owner>[\w&.-]+(?:'s|\u2019s)|our) (?:[\w-]+ )?(?:{_RESULT}"
          rf"|market share)\b")


def _outlook(clause: str, low: str, ctx: Context) -> Found | None:
    hurt = HURT.search(low)
    if hurt is not None and (hurt["owner"] == "our" or (
            ctx.company is not None and ctx.company.search(clause, hurt.start("owner"),
                                                           hurt.end("owner")))):
        return _found(T.REVENUE_MILESTONE, "hurt", clause, hurt.start(), hurt.group())
    m = OUTLOOK_CUT.search(low)
    kind, setback = T.REVENUE_MILESTONE, "outlook"
    if m is None or _PRICE_TARGET.search(m.group()):
        m = FALLING.search(low)
        if m is None:
            return None
        setback = "fell"
        kind = T.USER_GROWTH if m["w"] and m["w"].startswith(tuple(_PEOPLE)) else kind
    head = clause[:m.start()]
    if actor_is_other(head, ctx.company) or _theirs_after(clause, m.end(), ctx) or (
            m.group().startswith("expect")
                                             and _WE.search(head.lower())):
        return None  # "we expect revenue to dip in December": a founder's guess, not guidance
    found = _found(kind, setback, clause, m.start(), m.group())
    return replace(found, allow=found.allow | {"plan"})


# "Revenue dipped 8% for Globex": whose figure it is can follow the verb.
_FOR_NAME = re.compile(r"[^,.;]{0,30}?\b(?:for|at) ([A-Z][\w&.-]+)")


def _theirs_after(clause: str, end: int, ctx: Context) -> bool:
    m = _FOR_NAME.match(clause, end)
    return m is not None and not (ctx.company is not None and ctx.company.search(m.group(1))) \
        and m.group(1).lower() not in _MONTHS_ETC


_MONTHS_ETC = frozenset({"january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december", "q1", "q2",
                         "q3", "q4", "h1", "h2", "eur", "usd", "the", "our", "christmas",
                         "easter", "black"})


# A report names the periods it compares ("in 2008", "last year"), so old news is allowed for
# results, except where the sentence tells a story from the past.
_BACKGROUND = rx(r"\b(?:back in|back then|years ago|used to|in the past|historically|remember when"
                 r"|throwback|once upon|previously|early days|at the time)\b")


def _with_comparison(clause: str, low: str, sentence: str) -> tuple[str, str]:
    """The clause with the rest of its sentence when the reader cut it before its comparison
    ("Net profit was EUR 0.2 mn" | ", compared to EUR 1.5 mn"): a result reads against the
    figure it is compared with."""
    at = sentence.find(clause)
    if at < 0 or at + len(clause) >= len(sentence):
        return clause, low
    rest = sentence[at + len(clause):].split(";", 1)[0]
    if not rest.lstrip(" ,").lower().startswith(("compared", "versus", "vs", "down", "against",
                                                  "a decrease", "a decline", "a drop")):
        return clause, low
    return clause + rest, low + rest.lower()


def _loss_worse(clause: str, low: str, ctx: Context) -> Found | None:
    m = LOSS_WORSE.search(low) or _loss_stated(clause, low)
    if m is not None:
        at, what = m.start(), m.group()
    else:
        word = RESULT.search(low)
        loss = _AS_LOSS.search(low, word.end()) if word is not None else None
        if word is None or loss is None or _NOT_RESULT.search(low, word.end(), loss.start()):
            return None
        at, what = word.start(), word.group()
    if actor_is_other(clause[:at], ctx.company):
        return None
    return _found(T.REVENUE_MILESTONE, "loss", clause, at, what)


def _loss_stated(clause: str, low: str) -> re.Match[str] | None:
    """A loss stated, unless the earlier loss it is compared with was bigger, or told in the
    first person (a founder's monthly loss is the plan, not news)."""
    m = LOSS_STATED.search(low)
    if m is None or FIRST_PERSON.search(low, 0, m.start()):
        return None
    earlier = _EARLIER_LOSS.search(low, m.end())
    if earlier is None:
        return m
    now = _first(money(clause[m.start():earlier.start()]))
    then = _first(money(clause[earlier.end():]))
    return m if now is not None and then is not None and now.value > then.value else None


def _compared(clause: str, low: str, ctx: Context) -> Found | None:
    for word in RESULT.finditer(low):
        down = _DOWN.search(low, word.end())
        if down is None:
            down = _VERSUS.search(low, word.end())
            if down is None or not _lower_than(clause, word.end(), down):
                continue
        cut = down.start()
        if _NOT_RESULT.search(low, word.end(), cut) or ";" in low[word.end():cut]:
            continue
        if actor_is_other(clause[:word.start()], ctx.company):
            return None
        found = _found(T.REVENUE_MILESTONE, "results", clause, word.start(), word.group())
        # "weaker than expected" measures the result against a plan; it is no plan itself
        return replace(found, allow=found.allow | {"plan"}) if _AGAINST_PLAN.search(
            down.group()) else found
    return None


def _lower_than(clause: str, start: int, versus: re.Match[str]) -> bool:
    """The first figure after the result word is below the one the comparison names."""
    for figures in (money, percents):
        now = _first(figures(clause[start:versus.start()]))
        then = _first(figures(clause[versus.end():]))
        if now is not None and then is not None:
            return now.value < then.value
    return False


def _first(figures: list[Figure]) -> Figure | None:
    return figures[0] if figures else None


# Setbacks in a founder's, a status page's or a wire's words, each with the type of the good
# news it mirrors. (pattern, type, setback, needs): a family is tried only where one of its
# needs (plain substrings) stands in the clause.
_NUMBER = (r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|a few|several|a handful of"
           r"|a couple of|a dozen|dozens of|hundreds of|\d+%? of (?:our|my|the|its))")
_WHEN = (r"(?:next |early |late |mid-?|the (?:end|start|beginning|middle) of |end of )?(?:q[1-4]"
         r"|h[12]|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday"
         r"|thursday|friday|next|later|20\d\d|the (?:fall|spring|summer|winter|new year)"
         r"|(?:a|an|another|one|two|three|four|five|six|a few|a couple of|\d+) (?:more )?(?:days?"
         r"|weeks?|months?|quarters?))")
_SLIPPED = (r"(?:launch|release|rollout|roll-out|ga|go-live|beta|audit|certification"
            r"|soc ?2(?: type (?:i|ii|1|2))?|iso ?\d+|pen ?test|shipments?|deliveries|shipping)")
Family = tuple[re.Pattern[str], EventType, str, tuple[str, ...]]
SETBACKS: tuple[Family, ...] = (
    (rx(r"\b(?:(?:customer |subscriber |user |logo |revenue |monthly |net |gross )?churn(?: rate)?"
        r" (?:has |have |had |is |was )?(?:ticked|crept|edged|inched|shot|spiked|went|gone"
        r"|creeping|ticking|edging|inching|going)(?: back)? up|churn (?:is |was )?up (?:to |by )?"
        r"\d|(?:uptick|spike|increase|jump|rise) in (?:\w+ )?churn|(?:higher|increased|rising"
        r"|elevated)(?: than (?:usual|normal|expected))? (?:\w+ )?churn)\b"),
     T.CUSTOMER_SUCCESS, "churn up", ("churn",)),
    (rx(rf"\b(?:lost|losing|lose|churned|said goodbye to) {_NUMBER} (?:\w+ )?(?:customers|clients"
        r"|accounts|logos|seats|paying (?:customers|users|subscribers))\b"),
     T.CUSTOMER_SUCCESS, "customers lost", ("lost", "losing", "lose", "churned", "goodbye")),
    (rx(rf"\b(?:lost|losing|lose|shed|bled) {_NUMBER} (?:\w+ )?(?:users|subscribers|members"
        r"|actives|maus?|daus?|waus?|followers|listeners|readers|visitors|traffic)\b"),
     T.USER_GROWTH, "users lost", ("lost", "losing", "lose", "shed", "bled")),
    (rx(rf"\b(?:(?:pushing|pushed|push|moving|moved|move|slipping|slipped|slip|bumping|bumped)"
        rf" (?:back )?(?:the |our |its |my )?(?:[\w.-]+ ){{0,3}}?{_SLIPPED}(?: date)?"
        rf" (?:back |out )?(?:to|until|till|into|by|for) {_WHEN}"
        rf"|(?:delaying|delayed|delay|postponing|postponed|postpone|rescheduled|rescheduling)"
        rf" (?:the |our |its |my )?(?:[\w.-]+ ){{0,3}}?{_SLIPPED}\b"
        rf"|{_SLIPPED}(?: date)? (?:has |have |had |is |was |got |will be )?(?:been )?(?:pushed"
        rf"|moved|slipped|slipping|delayed|postponed|rescheduled)(?: back| out)?"
        rf"(?: (?:to|until|till|into|by|for|again|another) {_WHEN}|\s*$| again\b))"),
     T.PRODUCT_LAUNCH, "delayed", ("push", "mov", "slip", "bump", "delay", "postpon",
                                   "reschedul")),
    (rx(r"\b(?:(?:customers|users|merchants|clients|(?:some|many|most|all) (?:of )?(?:our )?"
        r"(?:customers|users))(?: in [\w-]+)? (?:were|was|are|have been|may have been) (?:unable"
        r" to|not able to|experiencing|seeing|hitting|getting) (?:\w+ ){0,5}?(?:errors?|failures?"
        r"|timeouts?|outages?|downtime|log ?in|sign ?in|access|load|connect|process|checkout"
        r"|pay|send|receive|deploy|issues)|(?:was|were|is|went) (?:completely |partially )?"
        r"(?:broken|offline|unavailable|unreachable|failing) for (?:about |~|over |nearly "
        r"|almost )?\d+ ?(?:min|mins|minutes|hours?|h|hrs)\b|(?:took|knocked|brought|taking"
        r"|knocking) (?:\w+ ){0,3}?"
        r"(?:down|offline) for\b|(?:partial|major|full|complete|extended|global|\d+[- ](?:minute"
        r"|hour))s? (?:service |api |platform )?(?:outage|downtime|disruption))\b"),
     T.TECHNICAL_ACHIEVEMENT, "outage", ("unable", "not able", "experienc", "seeing", "hitting",
                                         "getting", "down for", "offline for", "outage",
                                         "downtime", "disruption", "broken for", "unavailable for",
                                         "unreachable for", "failing for")),
    (rx(r"\b(?:sued by|(?:files?|filed|brings?|brought|launche[sd]|lodged?) (?:a |an )?(?:\w+ )?"
        r"(?:lawsuit|suit|complaint|class action|claim) against|(?:served|hit) with (?:a |an )?"
        r"(?:\w+ )?(?:lawsuit|suit|subpoena|cease[- ]and[- ]desist|class action)|(?:lawsuit|suit"
        r"|class action) (?:filed )?against|(?:got|were|was|have been|'ve been|are being|is being)"
        r" sued)\b"),
     T.COMPLIANCE, "sued", ("sue", "suit", "complaint", "class action", "claim", "subpoena",
                            "desist")),
    (rx(r"\b(?:handed in (?:his|her|their) (?:notice|resignation)|tendered (?:his|her|their)"
        r" resignation|(?:is|are) departing|departs|has departed|have departed"
        r"|(?:announced|announces) (?:his|her|their) (?:departure|resignation|exit))\b"),
     T.HIRING, "departure", ("handed in", "tendered", "depart", "announce")),
    (rx(r"\b(?:(?:went|go|gone|going|decided to go|chose|picked|selected|signed) with"
        r" (?:(?:a |an |another )?(?:competitor|rival)\b|[\w.&-]+(?: [\w.&-]+)? (?:instead of us"
        r"|over us|rather than us))"
        r"|(?:lost|losing|lose) (?:the |a |an |our )?(?:[\w.&$-]+ ){0,3}?(?:deal|contract|bid"
        r"|tender|rfp|pilot|account|opportunity|renewal)s? to (?:a |an )?(?:competitor|rival"
        r"|[A-Z]?[\w.&-]+)|chose (?:a competitor|[\w.&-]+) over us"
        # a named account lost, with its value or to a rival: "Lost Citadel ($880k) to Taskara"
        r"|lost (?:[\w.&-]+ ){1,3}\(\s?[$\u20ac\u00a3]?[\d.,]+ ?(?:k|m|mm|bn)?(?:/yr| arr| acv)?"
        r"\s?\) to\b|lost (?:[\w.&-]+ ){1,3}to (?:a |an )?(?:competitor|rival))"),
     T.ENTERPRISE_DEAL, "lost deal", ("instead", "over us", "rather than us", "lost", "losing",
                                      "lose")),
    (rx(r"\b(?:(?:soc ?[123]|iso ?\d{4,5}|pci(?: dss)?|hipaa|fedramp|hitrust|pen ?test|audit)"
        r"(?: type (?:i|ii|1|2))?(?: audit| assessment| certification)?(?::| -| was| is| has)?"
        r" (?:failed|not passed|a qualified opinion|qualified opinion|(?<!\b0 )(?<!no )"
        r"(?<!zero )[1-9]\d* (?:exceptions|critical findings|major non-?conformit(?:y|ies)))"
        r"|(?:failed|did not pass|didn'?t pass) (?:the |our |its )?(?:\w+ )?(?:soc|iso|pci|hipaa"
        r"|fedramp|audit|pen ?test|assessment|certification))\b"),
     T.COMPLIANCE, "audit failed", ("failed", "not pass", "n't pass", "qualified", "exception",
                                    "finding", "conformit")),
    (rx(r"\b(?:(?:freez(?:es|ing)|froze|frozen) (?:all |its |our |staff |employee )?(?:pay"
        r"|salaries|wages|bonuses|raises)(?! (?:runs?|cycles?|periods?|dates?|stubs?|slips?|tool"
        r"|system))|(?:pay|salary|wage) (?:freeze|cuts?)"
        r"|(?:cut|cuts|cutting|reduced|reducing) (?:all |its |our |staff |employee |everyone'?s )?"
        r"(?:pay|salaries|wages))\b"),
     T.HIRING, "pay freeze", ("pay", "salar", "wage", "bonus", "raises")),
    (rx(r"\b(?:came in|landed|ended|finished|closed) (?:the (?:quarter|month|year) )?(?:at )?"
        r"(?:about |around |roughly |~)?(?:\d[\d.,]*\s?%|[$\u20ac\u00a3]?\d[\d.,]*\s?"
        r"(?:k|m|mm|bn)?)"
        r" (?:below|under|short of|behind) (?:the |our |its )?(?:\w+ )?(?:plan|target|forecast"
        r"|budget|goal|guidance)\b"),
     T.REVENUE_MILESTONE, "missed plan", ("below", "under", "short of", "behind")),
    (rx(r"\b(?:cutting|cut|reducing|reduced|shrinking|shrank|trimmed|trimming) (?:the |our )?"
        r"(?:team|headcount|staff|workforce) from \d+ (?:people |employees )?(?:to|down to) \d+\b"),
     T.HIRING, "jobs", ("from",)),
    (rx(r"\b(?:cancel(?:l?ed|l?ing|s)?|scrapp(?:ed|ing)|scraps?|called off|calling off|pulled"
        r"|pulling) (?:the |our |my |its )?(?:[\w.-]+ ){0,2}?(?:launch|release|rollout|roll-out"
        r"|beta|ga)\b(?! (?:party|event|dinner|meeting|call|post|video|email|tweet|checklist"
        r"|plan|notes))"),
     T.PRODUCT_LAUNCH, "cancelled", ("cancel", "scrap", "called off", "calling off", "pull")),
    # businesses, units and offices closed for good (not "for the holidays")
    (rx(r"\b(?:shutting down|shut(?:s)? down|closing|clos(?:ed|es)|winding down|wind(?:s)? down"
        r"|wound down|discontinu(?:ing|ed|es)) (?:its |our |the |my )?(?:[\w&-]+ ){0,2}?(?:business"
        r"|unit|division|subsidiary|offices?|branch(?:es)?|stores?|plants?|factory|factories"
        r"|product line|company|startup|operations)\b(?! (?:for|on|early|at \d|until|till"
        r"|over)\b)"),
     T.OTHER, "closed", ("shut", "clos", "wind", "wound", "discontinu")),
    # a security incident in a disclosure's words: "identified unauthorized activity involving
    # compromised AWS access keys", "an attacker accessed", "credentials were leaked"
    (rx(r"\b(?:(?:identified|detected|discovered|experienced|suffered|disclosed|confirmed"
        r"|investigating|had) (?:a |an )?(?:\w+ )?(?:security (?:incident|breach)|data breach"
        r"|breach|unauthori[sz]ed (?:activity|access|use)|suspicious (?:activity|access)"
        r"|intrusion)|(?:credentials|(?:access |api |secret )?keys|tokens|passwords|accounts)"
        r" (?:were|was|had been|have been|got) (?:\w+ )?(?:compromised|leaked|exposed|stolen)"
        r"|attackers? (?:gained|obtained|accessed)|compromised (?:\w+ ){0,2}?(?:credentials"
        r"|keys|tokens|accounts))\b"),
     T.COMPLIANCE, "security", ("security", "breach", "unauthori", "suspicious", "intrusion",
                                "compromised", "leaked", "exposed", "stolen", "attacker")),
    # a launch that failed, in a founder's words: "It was a total flop", "the launch fell flat"
    (rx(r"\b(?:(?:launch|release|product|it|campaign|app|course|book)(?: \w+)? (?:was|has been"
        r"|turned out to be|ended up (?:being|as)) (?:a |an )?(?:total |complete |big |huge "
        r"|massive |bit of a |bust and a )?(?:flop|failure|bust|dud)"
        r"|(?:launch|release|product|it|campaign|app|course|book) (?:\w+ )?(?:flopped|fell flat"
        r"|bombed|went nowhere))\b"),
     T.PRODUCT_LAUNCH, "flop", ("flop", "failure", "bust", "dud", "fell flat", "bombed",
                                "went nowhere")),
    (rx(rf"\b(?:(?:{_NUMBER}|up to \d+|some \d+|about \d+) (?:\w+ )?(?:redundancies|dismissals"
        r"|job losses)|(?:make|made|making) (?:\d[\d,]* |\w+ )?(?:\w+ )?(?:people|employees|staff"
        r"|workers|roles|positions) redundant"
        # a report's words: "reduction of 45 jobs", "personnel will be reduced by 40"
        r"|(?:reduction|cut|loss|cuts|losses) of (?:up to |some |about )?\d[\d,]* (?:jobs|positions"
        r"|employees|people|persons|staff)|(?:personnel|staff|workforce|headcount|number of"
        r" (?:personnel|employees|staff)) (?:will be |was |were |has been |is being )?(?:reduced"
        r"|cut) by (?:up to |some |about )?\d[\d,]*|(?:\d[\d,]*|all) (?:\w+ )?(?:people"
        r"|employees|persons|workers) (?:were|will be|have been) (?:given notice|laid off|made"
        r" redundant|dismissed))\b"),
     T.HIRING, "jobs", ("redundan", "dismissal", "job losses", "reduction of", "cut of",
                        "cuts of", "loss of", "losses of", "reduced by", "cut by",
                        "decreased by", "given notice", "laid off", "dismissed")),
)
_FEARED = rx(r"\b(?:if|in the event|in case|what if|afraid|worried|nervous|fear\w*|risk\w*"
             r"|unless|whether)\b")
_LAUNCHED = rx(r"\b(?:launch\w*|released|shipped|published|went live)\b")
_WENT_ELSEWHERE = rx(r"(?:went|go|gone|going|decided to go|chose|picked|selected|signed) ")
_AUDIT = rx(r"\b(?:audit|certification|soc|iso|pen ?test)")
_SHIPPING = rx(r"\b(?:shipments?|deliveries|shipping)\b")
# A status page or a postmortem speaks as the company; a user's complaint in a community chat
# ("users are unable to sync since the update?") does not.
_INCIDENT_VOICE = rx(r"\b(?:we|we're|we've|our|us|incident|outage|investigating|identified"
                     r"|resolved|mitigated|postmortem|post-mortem|root cause|status|utc|between"
                     r" \d|elevated|degraded|intermittent|deploy|migration|config|sev ?[0-3]"
                     r"|p[0-2])\b")
# A delay names a later date, a job cut, a closure or a lawsuit is news when announced, a plan
# missed names the plan; a deal lost is told as what the prospect did "instead".
_ALLOW = {"delayed": frozenset({"plan"}), "jobs": frozenset({"plan"}), "sued": frozenset({"plan"}),
          "closed": frozenset({"plan"}), "missed plan": frozenset({"plan"}),
          "lost deal": frozenset({"negation"})}


def setback(clause: str, low: str, ctx: Context) -> Found | None:
    """A setback told in words a positive detector would misread: churn up, customers or
    users lost, a launch or an audit slipped, a deal lost to a rival, a launch that flopped or
    was cancelled; or None."""
    return _setback(clause, low, ctx, late=False)


def late_setback(clause: str, low: str, ctx: Context) -> Found | None:
    """A setback the other detectors did not read, tried after them so that an outage, an
    audit or a departure they know keeps their identity (one event, not two): customers unable
    to work, a lawsuit against us, a key person gone, a security incident, pay frozen, jobs,
    units closed, a plan missed; or None."""
    return _setback(clause, low, ctx, late=True)


# Families other detectors also read, in other words: tried after them.
_LATE = frozenset({"audit failed", "outage", "sued", "departure", "security", "jobs", "closed",
                   "missed plan"})


@lru_cache(maxsize=256)
def _wanted(low: str) -> tuple[int, ...]:
    """The families a clause is worth, in order; the early and the late reading share it."""
    return tuple(sorted({i for m in _NEEDS.finditer(low) for i in _WANTED[m.group()]}))


def _setback(clause: str, low: str, ctx: Context, *, late: bool) -> Found | None:
    for i in _wanted(low):
        pattern, kind, what = SETBACKS[i][:3]
        if (what in _LATE) is not late:
            continue
        m = pattern.search(low)
        if m is None or _undone(low, m, what, ctx) or not _ours(clause, low, m, what, ctx):
            continue
        if what == "delayed":
            kind = T.COMPLIANCE if _AUDIT.search(m.group()) else T.OTHER \
                if _SHIPPING.search(m.group()) else kind
        # "Initech went with Globex instead of us" is the prospect's doing, titled from it
        elsewhere = what == "lost deal" and _WENT_ELSEWHERE.match(m.group()) is not None
        title = _departed(clause, low, m.start()) if what == "departure" else None
        found = Found(kind, _identity(what, clause, m.group()),
                      title or said(clause, 0 if elsewhere else m.start()), m.start(),
                      negative=True,
                      relational=elsewhere, allow=_ALLOW.get(what, frozenset()))
        customer = _lost_customer(clause, m, ctx) if what == "lost deal" else None
        # a deal lost is known by its customer, as the deal readers know it: one event
        return replace(found, metrics={"customer": customer}, title=f"Lost {customer}") \
            if customer else found
    return None


# "Lawsuit against Acme dismissed" ends a threat; "I keep postponing the launch" is a habit, not
# a date moved; "(major outage -> partial outage -> operational)" names a status page's badges.
_ENDED = rx(r"^.{0,40}?\b(?:dismiss\w*|thrown out|dropped|withdrawn|rejected|tossed|won)\b")
_HABIT = rx(r"\b(?:keep|kept|keeps|always|constantly) $")
_HAPPENED = rx(r"\b(?:had|have had|experienced|experiencing|suffered|caused|causing|led to|resulted"
               r" in|there was|during|due to|affected|affecting|impacted|impacting|hit)\b")


def _undone(low: str, m: re.Match[str], what: str, ctx: Context) -> bool:
    """The words name the setback without it befalling the company (see above)."""
    if what == "sued":
        return _ENDED.search(low[m.end():]) is not None
    if what == "delayed":
        return _HABIT.search(low[:m.start()]) is not None
    if what == "flop" and _FEARED.search(low, 0, m.start()):
        return True  # "nervous about buying inventory in the event that my product flopped"
    if what == "flop" and m.group().startswith("it"):
        # "it" is the product only where the sentence or the one before launched it
        return _LAUNCHED.search(f"{ctx.before} {ctx.sentence}".lower()) is None
    if what == "departure":
        return ROLE.search(low, 0, m.start()) is None  # a key person, not a train
    if what == "outage" and m.group().endswith(("outage", "downtime", "disruption")):
        return _HAPPENED.search(ctx.sentence.lower() or low) is None
    return False


_LOST_NAME = re.compile(r"(?i:lost) (?:(?i:the) )?((?:[A-Z][\w&.-]*\s?){1,4}?)\s?"
                        r"(?:\(|deal\b|contract\b|account\b|renewal\b|to\b)")


def _lost_customer(clause: str, m: re.Match[str], ctx: Context) -> str | None:
    """The customer of a deal lost: the prospect that went elsewhere, or the one named after
    "lost" ("Lost Citadel Capital ($880k) to Taskara", "lost the Hooli deal to a rival")."""
    if _WENT_ELSEWHERE.match(m.group()):
        return named_subject(clause[:m.start()], ctx.company)
    named = _LOST_NAME.search(clause, m.start())
    return named.group(1).strip() if named and named.group(1).strip() else None


def _ours(clause: str, low: str, m: re.Match[str], what: str, ctx: Context) -> bool:
    """The company suffers it: the subject before the words is ours or unnamed; a lawsuit
    filed "against" someone names them after it; an outage speaks in the company's voice."""
    head = clause[:m.start()]
    if what == "sued" and " against" in m.group():
        # the one sued is named right after "against": "against Acme", "against us"
        rest = " ".join(clause[m.end():m.end() + 60].split()[:2])
        return is_ours(rest, ctx.company) or (
            is_ours(head, ctx.company) and m.group().startswith(("lawsuit", "suit", "class")))
    if what == "outage" and not _INCIDENT_VOICE.search(ctx.sentence.lower() or low):
        return False
    if what == "lost deal" and _WENT_ELSEWHERE.match(m.group()):
        return True  # "Initech went with Globex instead of us": the prospect acts, we lose
    return not actor_is_other(head, ctx.company)


# "Ilya Sutskever, OpenAI co-founder and chief scientist, departs": a name, then who they are.
_APPOSITION = re.compile(r"^\s*([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}), [^,]{3,80}, $")


def _departed(clause: str, low: str, at: int) -> str | None:
    """Who departs, as the title: "Ilya Sutskever departs" (the name before its description),
    "Head of sales Jane Doe departs ..." (from the role), not "Departs at the end of the month"."""
    named = _APPOSITION.match(clause[:at])
    if named:
        return said(f"{named.group(1)} {clause[at:]}", 0)
    role = ROLE.search(low, 0, at)
    if role and "," not in clause[role.start():at]:
        return said(clause, role.start())
    return None


def _found(kind: EventType, setback: str, clause: str, at: int, words: str) -> Found:
    return Found(kind, _identity(setback, clause, words), said(clause, at), at, negative=True,
                 allow=frozenset({"old"}))


def _identity(setback: str, clause: str, words: str) -> dict[str, MetricValue]:
    """Two quarters' declines are two events: the words and figures name each."""
    metrics: dict[str, MetricValue] = {
        "setback": setback, "what": " ".join(re.findall(r"[a-z]+", words.lower())[:4])}
    amounts = money(clause)
    if amounts:
        metrics["figure_usd"] = round(amounts[0].value)
    pct = percents(clause)
    if pct:
        metrics["change"] = f"{pct[0].value:g}%"
    return metrics


# Every family's needs in one literal pattern, longest first, and the families each literal
# (or a shorter need it starts with) calls for: one scan in C tells which families to try.
_LITERALS = sorted({n for *_, needs in SETBACKS for n in needs}, key=lambda n: (-len(n), n))
_NEEDS = any_word(_LITERALS)
_WANTED = {lit: frozenset(i for i, (*_, needs) in enumerate(SETBACKS)
                          if any(lit.startswith(n) for n in needs)) for lit in _LITERALS}


__all__ = ["SETBACKS", "decline", "late_setback", "setback"]
