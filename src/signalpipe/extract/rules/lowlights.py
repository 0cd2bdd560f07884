"""Lowlights in any register: the setbacks an honest investor update must report.

Results that fell or disappoint ("profit down as sales fade", "warns on profits", "withdraws
guidance"), job cuts and failed hires, regulators acting against the company (fined, probed,
ordered to pay), contracts and sponsorships lost or ended, services suspended, launches and
trials that failed. Each family knows who must stand where: the company acts in "Acme to slash
600 jobs" (another firm named as the actor makes it theirs: "Globex to cut 300 jobs after
losing Acme contract"), and is acted upon in "CFTC fines Acme", "Sanofi poaches expert from
Acme". A share price that falls or an analyst's downgrade is the market's opinion, not an event.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.company import FORMER
from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.headlines import NOT_YET, actor_is_other
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.numbers import money, percents
from signalpipe.extract.rules.subject import FIRST_PERSON, is_ours
from signalpipe.extract.rules.wordscan import any_word
from signalpipe.models import EventType, MetricValue

T = EventType
_RESULT = (r"(?:(?:pre-?tax |net |operating |underlying |first-half |half-year |full-year "
           r"|annual |quarterly |q[1-4] |h[12] )?(?:profits?|earnings|revenues?|sales|turnover"
           r"|income|margins?|market share|nav|assets under management|aum))")
_FALL = (r"(?:falls?|fell|drops?|dropped|down|dips?|dipped|slides?|slid|slumps?|slumped"
         r"|tumbles?|tumbled|plunges?|plunged|sinks?|sank|shrinks?|shrank|declines?|declined"
         r"|collapses?|collapsed|halved|slips?|slipped|fades?|hurt|squeezed)")
_JOBS = (r"(?:jobs|roles|staff|employees|positions|workers|posts|people|workforce|headcount"
         r"|of (?:its|our|the) (?:staff|workforce|employees|headcount|team))")
_CUT = r"(?:cut|cuts|slash|slashes|axe|axes|shed|sheds|eliminate|eliminates|lay off|lays off)"
# (pattern, type, setback, role, needs): "actor" families are the company's own doing or result;
# "object" families happen to it at another's hand; a family is tried only where one of its
# needs (plain substrings) stands in the clause, as most clauses that reach it hold none.
Family = tuple[re.Pattern[str], EventType, str, str, tuple[str, ...]]
FAMILIES: tuple[Family, ...] = (
    (rx(rf"\b(?:{_RESULT} (?:\w+ ){{0,1}}?{_FALL}\b|{_RESULT} (?:dip|fall|drop|slump|slide"
        r"|decline|collapse|warning)s?\b|(?:warns?|warned|warning) (?:on|of|over|that) (?:\w+ )?"
        r"(?:profits?|earnings|sales|revenues?|results|full[- ]year|outlook|first[- ]half)"
        r"|(?:profits?|earnings|sales|revenues?) will be (?:lower|weaker|down|below)"
        r"|(?:withdraws?|withdrew|cuts?|lowers?|lowered|slashes|slashed|scraps?|scrapped"
        r"|pulls?|pulled|trims?|trimmed) (?:its |their |our |the )?(?:\d{4} |fy ?\d+ )?"
        r"(?:full-year |annual "
        r"|profit |sales |revenue |earnings )?(?:guidance|forecasts?|outlook|targets?)\b"
        r"|(?:takes?|took|books?|booked|suffers?|suffered|posts?|posted|reports?|reported"
        r"|records?|recorded) (?:a |an |further |another |new )?(?:[\w$£€.,-]+ ){0,3}?"
        r"(?:loss|losses|writedown|write-down|impairment|earnings pain|charge|costs?)\b"
        r"|hurts? (?:\w+ ){0,2}(?:market share|sales|profits?|earnings|margins?)"
        r"|miss(?:es|ed)? (?:its |their |our )?(?:\w+ ){0,2}(?:targets?|estimates|forecasts?"
        r"|expectations|guidance|consensus))"),
     T.REVENUE_MILESTONE, "results", "actor",
     ("profit", "earning", "revenue", "sales", "turnover", "income", "margin", "market share",
      "nav", "aum", "assets", "guidance", "forecast", "outlook", "target", "loss", "writedown",
      "write-down", "impairment", "charge", "cost", "estimates", "expectations", "consensus",
      "warn")),
    (rx(rf"\b(?:{_CUT} (?:around |about |some |up to |nearly |almost |more than |another "
        rf"|over )?[\d,.]+(?: ?k| thousand| ?%)? (?:\w+ )?{_JOBS}|boardroom clear-?out"
        r"|(?:lays|laid) off (?:\w+ ){0,3}?(?:staff|workers|employees|people|engineers|team)"
        r"|(?:freezes?|froze|frozen|pauses?|paused) (?:all |its |our )?(?:hiring|recruitment"
        r"|recruiting)|hiring freeze|let (?:[\d,]+|two|three|four|five|six|ten|\w+ of (?:our|the)"
        r") (?:\w+ )?(?:people|employees|staff|engineers|folks|team members|members) go"
        r"|(?:workforce|headcount|staff) reduction|(?:reduced|reduces|reducing|cut|cuts|trimmed"
        r"|trims) (?:our |its |the )?(?:headcount|workforce|staff|team) by"
        r"|reduction in (?:force|workforce|headcount|staff))\b"),
     T.HIRING, "jobs", "actor",
     ("job", "role", "staff", "employee", "position", "worker", "post", "people", "workforce",
      "headcount", "team", "boardroom", "hiring", "recruit", "reduction")),
    (rx(r"\b(?:ceo|cfo|cto|coo|cmo|cro|chief \w+ officer|chief executive|president|chair(?:man"
        r"|woman)?|co-?founder|head of \w+|finance chief|boss) (?:\w+ )?(?:quits|resigns"
        r"|steps down|departs|leaves|exits|is ousted|ousted|is fired|fired|walks out)\b"),
     T.HIRING, "departure", "actor",
     ("quit", "resign", "steps down", "departs", "leaves", "exits", "ousted", "fired",
      "walks out")),
    (rx(r"\bpoach(?:es|ed)? (?:\w+ ){0,3}from\b"), T.HIRING, "departure", "from",
     ("poach",)),
    (rx(r"\b(?:fines?|fined|probes?|probed|investigates?|sues|sued|charges|charged|penalises"
        r"|penalizes|censures?|censured|orders?|ordered|rebuff\w*|rejects?|rejected|refuses?"
        r"|refused|blocks?|blocked|bans?|banned)\b"), T.COMPLIANCE, "regulator", "object",
     ("fine", "probe", "investigat", "sue", "charge", "penal", "censur", "order", "rebuff",
      "reject", "refus", "block", "ban")),
    (rx(r"\b(?:(?:settles|settled) (?!(?:the |an? |our |your )?(?:invoice|bill|balance|tab"
        r"|payment))(?:\w+ ){0,4}(?:over|for)\b|(?:agrees? to|agreed to"
        r"|ordered to) pay (?:\w+ )?[$£€]?[\d.,]+ ?(?:m|mn|mln|bn|million|billion)?\b"
        # "must pay $500 in fees to AWS" is a bill; "to pay $40m" in a headline is a ruling
        r"|(?:must|to|will) pay (?:\w+ )?[$£€]?[\d.,]+ ?(?:m|mn|mln|bn|million|billion)\b"
        r"|mis-?selling|misconduct (?:charges?|costs?|fines?)|(?:opens?|launch(?:es)?) (?:a |an )?"
        r"(?:probe|investigation|inquiry)|watchdog (?:finds|found|says)|requires improvement"
        r"|told to improve|(?:faces?|facing) (?:a |an )?(?:delay|lawsuit|probe|fine|claims?)"
        r"|hit with (?:a |an )?(?:[$£€\w.,]+ )?(?:lawsuit|fine|claim|suit)"
        r"|recall(?:s|ed|ing)? (?:[\w,.-]+ ){0,5}?over\b|\brecall of\b"
        r"|pay (?:\w+ )?(?:compensation|damages|restitution|penalties)\b)"),
     T.COMPLIANCE, "legal", "actor",
     ("settle", "pay", "selling", "misconduct", "probe", "investigation", "inquiry", "watchdog",
      "improve", "delay", "lawsuit", "fine", "claim", "suit", "recall")),
    (rx(r"\breach(?:es|ed)? (?:a )?settlement with\b"), T.COMPLIANCE, "legal", "object",
     ("settlement",)),
    (rx(r"\b(?:loses?|lost|losing) (?:a third of |half of |part of |its |the |a |an |our "
        r"|one of (?:its|our) )?(?:[\w$\u00a3\u20ac.,-]+ ){0,5}?(?:contract|mandate|account|tender"
        r"|franchise|licen[cs]e|customer|client)s?\b"),
     T.ENTERPRISE_DEAL, "lost", "actor",
     ("lose", "lost", "losing")),
    (rx(r"\b(?:customer|client|buyer|partner)s? (?:\w+ )?(?:cancels?|cancell?ed|terminates?"
        r"|terminated|ends?|ended|pulls?|pulled|drops?|dropped) (?:its |their |the |our )?(?:\w+ )?"
        r"(?:contract|deal|account|subscription|order)s?\b"), T.ENTERPRISE_DEAL, "lost", "ours",
     ("cancel", "terminat", "end", "pull", "drop")),
    (rx(r"\bvaluation (?:was |is |has been )?(?:cut|slashed|halved|marked down|written down)\b"),
     T.FUNDING, "down", "actor",
     ("valuation",)),
    (rx(r"\b(?:hit by|suffers?|suffered|reports?|reported|discloses?|disclosed) (?:a |an )?"
        r"(?:major |massive |huge )?(?:cyber ?-?attack|ransomware attack|hack|hacking attack)\b"),
     T.COMPLIANCE, "security", "actor",
     ("cyber", "ransomware", "hack")),
    (rx(r"\b(?:outage|breakdown|glitch|crash|failure) (?:\w+ ){0,3}?(?:leaves|left|hits|hit"
        r"|affects|affected|disrupts|disrupted|strands|stranded|grounds|grounded)\b"),
     T.TECHNICAL_ACHIEVEMENT, "outage", "actor",
     ("outage", "breakdown", "glitch", "crash", "failure")),
    (rx(r"\b(?:delays?|delayed|postpones?|postponed|pushes back|pushed back) (?:the |its |our )?"
        r"(?:\w+ )?(?:launch|release|rollout|roll-out|debut|opening)\b"),
     T.PRODUCT_LAUNCH, "delayed", "actor",
     ("delay", "postpon", "push")),
    (rx(r"\b(?:exits?|exited|quits?|pulls? out of|pulled out of|withdraws? from|withdrew from"
        r"|retreats? from) (?:the )?(?:\w+ ){0,2}?market\b"), T.MARKET_EXPANSION, "exit", "actor",
     ("market",)),
    (rx(r"\b(?:ends?|ended|ending|terminates?|terminated|drops?|dropped) (?:its |their |our )?"
        r"(?:\d+-year (?:\w+ )?sponsorship|(?:\d+-year )?(?:partnership|alliance|tie-up"
        r"|joint venture))\b"),
     T.PARTNERSHIP, "ended", "actor",
     ("sponsorship", "partnership", "alliance", "tie-up", "joint venture")),
    (rx(r"\b(?:(?:suspends?|suspended|halts?|halted|freezes|froze|gates?|gated) (?:trading|dealing"
        r"|redemptions|withdrawals|sales|production|shipments|deliveries|flights)\b"
        r"(?! (?:deploys?|deployments?|builds?|data|database|traffic|pushes|releases))"
        r"|\bpaused (?:all |our |my )?(?:\w+ )?(?:sales|orders|shipments|production)\b"
        r"|(?:cut|downgraded|slashed) to junk|\bjunk (?:status|rating)"
        r"|(?:shuts?|shut down|closes?|closed) (?:its |the |our )?"
        r"(?:(?!of |on |at |by |to )[\w-]+ ){0,3}(?:head office"
        r"|headquarters|plants?|factory|factories|mines?|offices|branches|stores|shops|sites"
        r"|outlets|restaurants|operations|business|unit|division|subsidiary)\b"
        r"|files? for (?:chapter \d+ )?(?:bankruptcy|insolvency|administration|receivership)"
        r"|(?:enters?|entered|goes into|went into|falls into|fell into|collapses? into)"
        r" (?:administration|liquidation|receivership|insolvency)"
        r"|cuts? (?:its |the |our )?(?:capex|capital (?:expenditure|spending)|output|production"
        r"|dividend)\b|dividend cut|pulls? (?:the )?plug on|\bon hiatus\b"
        r"|(?:ran|runs?|running) out of (?:parts|stock|inventory|components))"),
     T.OTHER, "setback", "actor",
     ("suspend", "halt", "freez", "froze", "gate", "paused", "junk", "shut", "clos", "capex",
      "capital", "output", "production", "dividend", "plug", "hiatus", "out of", "bankruptcy",
      "insolvency", "administration", "receivership", "liquidation")),
    (rx(r"\b(?:short of (?:my|our|the|its) (?:[$\w.,]+ ){0,2}?(?:goal|target)"
        r"|missed (?:my|our|its) (?:[$\w.,]+ ){0,3}?(?:goal|target))\b"),
     T.REVENUE_MILESTONE, "missed goal", "actor",
     ("goal", "target")),
    (rx(r"\b(?:no (?:revenue|sales|mrr|arr|user|subscriber) growth|(?:revenue|sales|mrr)"
        r" (?:stayed|remained|was) (?:flat|level)|(?:(?:revenue|sales|mrr|arr|user|subscriber"
        r"|signup|customer|our|my|its) growth|(?:rate of growth|growth rate) of [\w' ]{2,40}?)"
        r" (?:has been |is |was |keeps )?(?:steadily |slowly )?(?:decreasing|declining"
        r"|slowing|stagnating|stalling|stalled|stagnated))\b"),
     T.REVENUE_MILESTONE, "stalled", "actor",
     ("growth", "flat", "level")),
    (rx(r"\b(?:(?:i|we) (?:failed|didn'?t manage|did not manage|wasn'?t able|weren'?t able)"
        r" to (?:release|ship|launch|publish)|(?:didn'?t|did not|failed to) (?:hit|reach"
        r"|meet|make) any (?:of )?(?:my |our |the )?(?:set )?(?:goals|targets))\b"),
     T.PRODUCT_LAUNCH, "not delivered", "actor",
     ("failed", "manage", "able", "goals", "targets")),
    # "we shelved Jira in favour of Linear" drops a tool, it does not shelve a product
    (rx(r"\b(?:shelving|shelved|mothballing|mothballed)\b(?! (?:the |our |my |an? )?(?:idea|plans?"
        r"|thought))(?!(?: [\w.-]+){1,3} in favou?r of\b)"), T.PRODUCT_LAUNCH, "shelved", "actor",
     ("shelv", "mothball")),
    (rx(r"\b(?:shortages?|strikes?|outages?|fires?|floods?) (?:has |have |had )?(?:delayed|halted"
        r"|disrupted|stopped) (?:the |our |my )?(?:\w+ ){0,3}?(?:prototype|production|shipments?"
        r"|deliveries|manufacturing|launch|release|rollout|orders)\b"), T.OTHER, "disrupted", "any",
     ("delayed", "halted", "disrupted", "stopped")),
    (rx(r"\b(?:drug|trial|study|treatment|vaccine|candidate)s? (?:candidate |trial )?(?:fails?"
        r"|failed|flops?|flopped|misses|missed)\b"), T.TECHNICAL_ACHIEVEMENT, "failed", "actor",
     ("fail", "flop", "miss")),
    (rx(r"\b(?:expansion|move|push|foray) (?:\w+ )?(?:hits the rocks|fails?|failed|flops?"
        r"|flopped|stalls?|stalled|falters?|faltered)\b"), T.MARKET_EXPANSION, "failed", "actor",
     ("expansion", "move", "push", "foray")),
    (rx(r"\b(?:hit|hurt|battered|dented) by (?:\w+ ){0,4}?(?:slowdown|strength|weakness"
        r"|downturn|slump|costs?|charges?|writedowns?|strikes?|disruption)\b"),
     T.REVENUE_MILESTONE, "results", "actor",
     ("hit by", "hurt by", "battered by", "dented by")),
    (rx(r"\b(?:hit|hurt|rocked) by (?:\w+ ){0,5}?(?:claims|allegations|scandal|accusations)\b"
        r"|\bsuspends? (?:\w+ ){0,3}(?:staff|workers|employees|officers|managers|executives"
        r"|traders) (?:\w+ ){0,6}?over (?:\w+ ){0,2}(?:allegations|claims|misconduct)\b"),
     T.COMPLIANCE, "legal", "actor",
     ("hit by", "hurt by", "rocked by", "suspend")),
)
# Setbacks told in words other detectors misread, as a positive event negated ("Series A fell
# through", "decided not to renew", "won't join as CFO") or churn counted: read before them.
REVERSALS: tuple[Family, ...] = (
    (rx(r"\b(?:(?:customer |subscriber |user |logo |revenue )?churn(?: rate)? (?:has |have |had )?"
        r"(?!not |never )(?:\w+ )?(?:increased|risen|rose|spiked|climbed|jumped|doubled|grown|grew"
        r"|surged)"
        r"|(?:the |our |my )?first churn(?:ed)?(?: customer)? (?:of|from|in)|churned (?:customers"
        r"|subscribers) (?:\w+ )?(?:increased|rose|doubled))\b"),
     T.CUSTOMER_SUCCESS, "churn up", "actor", ("churn",)),
    (rx(r"\b(?:won'?t|will not|no longer|decided not to|pulls? out of plans? to) join (?:\w+ )?"
        r"as\b"), T.HIRING, "failed hire", "any", ("join",)),
    (rx(r"\b(?:decided|decides|chose|chosen|opted|opts|elected) not to renew\b(?! (?:his|her) )"),
     T.CUSTOMER_SUCCESS, "not renewed", "any", ("not to renew",)),
    (rx(r"\b(?:round|series [a-e]|seed|term sheet|funding|investment|financing|raise) (?:\w+ )?"
        r"(?:fell through|fell apart|collapsed|was pulled|was withdrawn|was rescinded)\b"),
     T.FUNDING, "fell through", "actor", ("fell", "collapsed", "was ")),
)
_REGULATOR = rx(r"\b(?:sec|fca|cftc|ftc|doj|fda|ema|cma|ofcom|ofgem|ofwat|finra|regulators?"
                r"|watchdog|authorit(?:y|ies)|commission|court|judge|jury|prosecutors?"
                r"|ombudsman|attorney|government|ministry|police|eu|cqc|ico|cnil|bafin|pra"
                r"|sfo|irs|hmrc|italy|france|germany|brazil|china|india|japan|australia)\b")


_AUDIENCE = rx(r"\b(?:users?|user base|signups|sign-ups|subscribers|members|visitors|downloads"
               r"|customers)\b")


# A job cut or a payment is news when announced ("plans to slash 600 jobs", "to pay investors
# $175m"), a delay is the setback though it names a later date; a regulator "set to fine" has
# not acted yet.
_ANNOUNCED = frozenset({"jobs", "legal", "results", "missed goal", "delayed"})
# The negation is the setback itself: "won't join as CFO", "decided not to renew", "no revenue
# growth", "didn't hit any set goals".
_SAID_NEGATED = frozenset({"failed hire", "stalled", "outage", "not renewed", "fell through",
                           "churn up", "not delivered"})
_PLANNED = frozenset({"plan"})
_NEGATED = frozenset({"negation", "plan"})


# Each family's needs stay plain words: most families need one to five, and a substring test
# ("word in low") is several times cheaper than a pattern's search call (timeit on the clauses
# of 10,000 generated messages: 9.6 ms against 15.0 ms for all 25 families).
_Ready = tuple[re.Pattern[str], EventType, str, str, tuple[str, ...]]


def _ready(families: tuple[Family, ...]) -> tuple[_Ready, ...]:
    return tuple((pattern, kind, setback, role, tuple(needs))
                 for pattern, kind, setback, role, needs in families)


_FAMILIES = _ready(FAMILIES)
_REVERSALS = _ready(REVERSALS)
# Every family's needs at once: a clause holding none of them is done in one scan, not 25.
_ANY_FAMILY = any_word({n for *_, needs in FAMILIES for n in needs})


def reversal(clause: str, low: str, ctx: Context) -> Found | None:
    """A positive event's undoing: a round that fell through, a renewal declined, or None."""
    return _first(clause, low, ctx, _REVERSALS)


def lowlight(clause: str, low: str, ctx: Context) -> Found | None:
    """A setback the company suffered or caused, or None."""
    if not _ANY_FAMILY.search(low):
        return None
    return _first(clause, low, ctx, _FAMILIES)


def _first(clause: str, low: str, ctx: Context, families: tuple[_Ready, ...]) -> Found | None:
    for pattern, kind, setback, role, needs in families:
        for word in needs:
            if word in low:
                break
        else:
            continue  # none of the family's words: its pattern cannot match
        m = pattern.search(low)
        if m is None or NOT_YET.search(low, 0, m.start()) or not _placed(clause, low, m, role,
                                                                          ctx):
            continue
        allow = _PLANNED if setback in _ANNOUNCED else _NEGATED if setback in _SAID_NEGATED \
            else frozenset()
        if setback == "not delivered" and re.search(r"\b(?:goals|targets)\b", m.group()):
            kind = T.REVENUE_MILESTONE  # "didn't hit any set goals": the month's numbers
        if setback in {"missed goal", "stalled"} and _AUDIENCE.search(low):
            kind = T.USER_GROWTH  # a goal or a growth rate keeps the type of what it counted
        # a customer declining to renew acts towards us: its name is expected
        return Found(kind, _identity(setback, clause, m.group()), said(clause, m.start()),
                     m.start(), negative=True, allow=allow, relational=setback == "not renewed")
    return None


def _placed(clause: str, low: str, m: re.Match[str], role: str, ctx: Context) -> bool:
    """The company stands where the family wants it; the market's moves are no setback."""
    head = clause[:m.start()]
    if role == "actor":
        return not actor_is_other(head, ctx.company)
    if role == "any":
        return True  # a person's news told in the company's stream: "X won't join as CFO"
    if role == "ours":
        return is_ours(head, ctx.company)  # "Acme's biggest customer cancels its contract"
    if role == "from":
        return is_ours(clause[m.end():], ctx.company)
    # a regulator, court or investor acts on the company: "CFTC fines Acme", "Acme fined £1m";
    # in "judge orders Globex to pay Acme" the one acted upon is Globex
    after = clause[m.end():].lstrip()
    if not (is_ours(head, ctx.company) or FIRST_PERSON.match(after)
            or (ctx.company is not None and ctx.company.match(after))):
        return False
    if FORMER.search(ctx.sentence.lower() or low):
        return False  # "former Acme analyst fined": a person's penalty, not the company's
    passive = re.match(r"\s*(?:was |were |has been |is )?(?:fined|sued|censured|ordered to)\b",
                       low[m.start():])
    return bool(_REGULATOR.search(low)) or passive is not None


def _identity(setback: str, clause: str, words: str) -> dict[str, MetricValue]:
    """A setback's words and figures name it: a fund suspended and an office shut are two
    events, two quarters' losses too; one headline repeated in two streams is one."""
    metrics: dict[str, MetricValue] = {
        "setback": setback, "what": " ".join(re.findall(r"[a-z]+", words)[:4])}
    amounts = money(clause)
    if amounts:
        metrics["figure_usd"] = round(amounts[-1].value)
    pct = percents(clause)
    if pct:
        metrics["change"] = f"{pct[0].value:g}%"
    return metrics
