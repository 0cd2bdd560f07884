"""Results that went the wrong way, told with two figures or a comparison, in any register.

A quarterly report compares ("Operating profit totalled EUR 9.0 mn, down from EUR 9.7 mn",
"Net profit was EUR 0.2 mn, compared to EUR 1.5 mn a year earlier", "Operating loss
increased to EUR 17 mn from a loss of EUR 10.8 mn"), a founder's update counts ("we lost 3
customers this month", "churn ticked up to 4.1%"), a status page and a postmortem say who could
not work ("customers were unable to log in"), a launch or an audit slips ("we're pushing the v2
launch to March"). These read before the positive detectors, which would take "Revenue was
$2.1 million, down 18%" for a figure reached.

What is no setback: a cost, a loss or a latency that fell (good news), a result that rose, a
figure of someone else's named before the verb, the share price.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.headlines import NOT_YET, actor_is_other
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.numbers import Figure, money, percents
from signalpipe.models import EventType, MetricValue

T = EventType
# A period's results, as reports and updates name them; never a cost, a loss or a burn.
_RESULT = (r"(?:net sales|sales|revenues?|turnover|(?:(?:net|operating|pre-?tax|gross|comparable"
           r"|underlying|adjusted|organic) )*(?:profits?|income|result|earnings|margin)"
           r"|profit before taxes?|result before taxes?|eps|earnings per share|ebitda|ebit"
           r"|order intake|orders received|order (?:book|backlog)|bookings|mrr|arr|gmv|billings"
           r"|run[- ]?rate)")
RESULT = rx(rf"\b{_RESULT}\b")
# What stands between a result word and its figure when the result is something else's:
# "sales costs", "profit tax", "income from the sale of".
_NOT_RESULT = rx(r"\b(?:costs?|expenses?|debt|loss(?:es)?|taxes paid|tax rate|inventor\w*|capex"
                 r"|spend\w*|burn|churn|provisions?|impairments?|share price|shares|stock"
                 r"|index|forecasts?|expects?|expected|estimates?|guidance|target|goal|team|reps?"
                 r"|pipeline|customers?'|clients?'|rivals?|competitors?)\b")
# The comparison that says the figure fell: "down 18%", "down from", "a decrease of 5%".
_MONEY_SIGN = r"(?:[$\u20ac\u00a3]|eur |usd )?"
_DOWN = rx(rf"\b(?:down (?:by |about |some |nearly |almost |more than )?{_MONEY_SIGN}\d"
           rf"|down from\b|(?:a |an )?(?:decrease|decline|drop|fall|reduction) of {_MONEY_SIGN}\d"
           r"|lower than (?:in |a year|last|the (?:previous|prior|same|corresponding)))")
_VERSUS = rx(r"\b(?:compared (?:to|with)|versus|vs\.?|against|as against)\b")
# "was EUR -0.4 mn", "amounted to a loss of EUR 0.05", "totalled EUR 4.0 mn, compared to a
# profit": a result that is a loss.
_AS_LOSS = rx(r"\b(?:was|were|is|totall?ed|amounted to|came (?:in )?(?:at|to)|stood at)"
              r" (?:a |an )?(?:net |operating |pre-?tax )?(?:loss|negative)\b"
              r"|\b(?:was|were|totall?ed|amounted to|stood at) (?:eur |usd )?[-\u2212](?:[$\u20ac"
              r"\u00a3] ?)?\d")
LOSS_WORSE = rx(r"\b(?:(?:net |operating |pre-?tax |quarterly |annual )?loss(?:es)?"
                r"(?: (?:per share|before taxes?|for the (?:period|quarter|year)))?"
                r" (?:\w+ ){0,2}?(?:widened|widens|increased|increases|grew|grows|rose|rises"
                r"|deepened|deepens|doubled|doubles)"
                r"|(?:net |operating |pre-?tax )?loss (?:of |was |totall?ed |amounted to )?"
                r"(?:[\w$\u20ac\u00a3.,-]+ ){0,4}?(?:compared (?:to|with)|versus|vs\.?|from)"
                r" (?:a |an )?(?:net |operating |pre-?tax )?(?:profit|income|gain)\b)")


def decline(clause: str, low: str, ctx: Context) -> Found | None:
    """A result that fell against its earlier figure, or a loss that grew, or None."""
    if NOT_YET.search(low):
        return None  # "expected to fall": a forecast, not a result
    clause, low = _with_comparison(clause, low, ctx.sentence)
    return _loss_worse(clause, low, ctx) or _compared(clause, low, ctx)


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
    m = LOSS_WORSE.search(low)
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
        return _found(T.REVENUE_MILESTONE, "results", clause, word.start(), word.group())
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


__all__ = ["decline"]
