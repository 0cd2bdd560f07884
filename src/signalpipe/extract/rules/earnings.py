"""Results said as change in the words of financial news, wire releases and quarterly letters,
where ``growth.revenue``, ``headlines.results`` and ``declines.py`` find no reading or the wrong
polarity.

A company's own results are a revenue milestone (shared LABELLING.md); a fall, a loss that grew
or a swing into loss is its lowlight. Each family was written as hand-written variants in several
registers before the dev split was read (tests/unit/test_rules_earnings.py):

- **a loss that moved** (``loss_moved``): narrowed is good news ("The net loss narrowed to $2.1
  million from $4.5 million", "Acme's net loss for the period was EUR 0.9 mn, down from EUR 2.4
  mn", "our loss shrank to $40k this quarter from $110k"), a slide into loss is a lowlight ("Acme
  slipped to an operating loss of EUR 2.6 mn", "the company fell into the red", "we swung to a
  net loss in Q3"). Look-alikes: a loss that is no money ("packet loss fell to 0.1%", "weight
  loss"), a model's loss in training ("the loss narrowed after we tuned the learning rate").
- **a result against its forecast** (``against_forecast``): "Acme's quarterly profit beats
  forecasts", "results topped analysts' expectations", "first-half profit halves" (a lowlight).
  Look-alikes: a forecaster's own figure ("analysts expect profit to beat last year's"), a fall
  that beat forecasts ("half-year profit falls, beats forecasts": the fall is the news).
- **earnings per share moved** (``per_share``): "Earnings per share were EUR 0.27, up from EUR
  0.21", "EPS fell to $0.12 from $0.31", "diluted EPS rose 18% to $1.04". Look-alikes: an EPS
  forecast or consensus ("analysts expect EPS of $0.30").

``veto`` drops a results reading of any detector that is another company's result or a
forecaster's figure: "Globex's net sales rose 12%, the customer said", "Globex, our largest
customer, said its operating profit fell", "The net loss narrowed to $2.1 million, Globex
said", "Analysts forecast that Acme's operating profit will
fall".
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.lexicon import rx
from signalpipe.models import EventType

T = EventType

# a loss in money: named by its line of the accounts, or ours with a figure
_LOSS = (r"(?P<what>(?:net|operating|pre-?tax|pretax|ebitda|ebit|comparable operating|adjusted"
         r"|adjusted operating|quarterly|annual|half-year|full-year|group|consolidated) loss"
         r"|(?:our|its|the company's|the company\u2019s) loss)(?:es)?")
_MONEY = r"(?:(?:eur|usd|gbp|sek|\$|\u20ac|\u00a3) ?\d[\d,.]*" \
    r"(?: ?(?:million|billion|mn|bn|m|k)\b)?" \
    r"|\d[\d,.]* ?(?:million|billion|mn|bn|m|k)? ?(?:eur|euros?|usd|dollars))"
# within the sentence, a figure's decimal point included ("EUR 0.9 mn, down from EUR 2.4 mn")
_GAP = r"(?:[^.;!?]|\.(?=\d))"
_NARROWED = rx(
    rf"\b{_LOSS}\b{_GAP}{{0,60}}?\b(?P<verb>narrowed|narrows|narrowing|shrank|shrunk|shrinks"
    rf"|decreased|decreases|fell|falls|declined|declines|improved|improves|halved|was reduced"
    rf"|were reduced|(?:was |were )?down from|(?:was |were )?lower than)\b"
    rf"(?: (?:to|at) (?P<to>{_MONEY}))?")
# a slide into loss: "slipped to an operating loss of EUR 2.6 mn", "fell into the red"
_INTO_LOSS = rx(
    rf"\b(?:slipped|slips|slid|slides|fell|falls|dipped|dips|plunged|plunges|sank|sinks"
    rf"|turned|turns|swung|swings|tipped|tips|went|goes) (?:in)?to (?:an? |its first |a net "
    rf"|a first )?(?:(?P<line>operating|net|pre-?tax|pretax|quarterly|half-year|full-year) )?"
    rf"(?:loss|deficit)\b(?: of (?P<of>{_MONEY}))?"
    r"|\b(?:slipped|slips|slid|fell|falls|sank|dipped|plunged|went|swung) into the red\b")
# a loss that is no company's money
_NOT_MONEY = rx(r"\b(?:packet|weight|hair|data|signal|training|validation|test|model|learning"
                r"|simulation|epoch|gradient|hearing|job|jobs|customer|user|heat|pressure)\b")


def loss_moved(clause: str, low: str, ctx: Context) -> Found | None:
    """A loss that narrowed (good news) or a slide into loss (a lowlight)."""
    if "loss" not in low and "red" not in low:
        return None
    m = _NARROWED.search(low)
    if m is not None and not _NOT_MONEY.search(low):
        what = m["what"].replace("our ", "").replace("its ", "")
        what = what.split("'s ")[-1].split("\u2019s ")[-1]
        to = f" to {clause[m.start('to'):m.end('to')]}" if m["to"] else ""
        return Found(T.REVENUE_MILESTONE, {"net_loss": "narrowed"},
                     f"{what.capitalize()} narrowed{to}", m.start())
    m = _INTO_LOSS.search(low)
    if m is None or _NOT_MONEY.search(low):
        return None
    line = f"{m['line']} " if m["line"] else ""
    article = "an" if line.startswith("o") else "a"
    of = f" of {clause[m.start('of'):m.end('of')]}" if m["of"] else ""
    return Found(T.REVENUE_MILESTONE, {"net_loss": "swung to loss"},
                 f"Swung to {article} {line}loss{of}", m.start(), negative=True)


_EPS = rx(
    r"\b(?:(?:diluted |basic |adjusted )?earnings per share|(?:diluted |basic |adjusted )?eps)"
    rf"\b(?: \([a-z]+\))?{_GAP}{{0,40}}?\b(?P<verb>rose|rises|increased|increases|grew|grows"
    r"|climbed|jumped|improved|doubled|fell|falls|decreased|decreases|declined|declines|dropped|drops"
    r"|halved|(?:was|were) up|(?:was|were) down|up from|down from)\b")
_DOWN = ("fell", "falls", "decreas", "declin", "dropped", "drops", "halved", "was down",
         "were down", "down from")


def per_share(clause: str, low: str, ctx: Context) -> Found | None:
    """Earnings per share that moved, up or down, against an earlier figure."""
    m = _EPS.search(low)
    if m is None:
        return None
    down = m["verb"].startswith(_DOWN)
    return Found(T.REVENUE_MILESTONE, {"eps": "fell" if down else "rose"},
                 f"Earnings per share {'fell' if down else 'rose'}", m.start(), negative=down)


# a result against what was forecast: "quarterly profit beats forecasts", "first-half profit
# halves" ("forecasts" is the yardstick here, not a plan)
_AGAINST = rx(
    r"\b(?P<what>(?:net |operating |pre-?tax |quarterly |annual |half-year |first-half |second-half"
    r"|full-year |q[1-4] )?(?:profits?|earnings|results|revenues?|sales|ebitda))\b[^.;!?]{0,20}?"
    r"\b(?P<verb>beats?|beat|tops?|topped|exceeds?|exceeded|ahead of|halves|halved|more than"
    r" halved)\b(?: (?:analysts' |market |consensus |its own |our own )?(?P<yard>forecasts?"
    r"|expectations|estimates|consensus|guidance|targets?))?")


# a result that fell, whatever the forecast said: the decline readers' news
_FELL = rx(r"\b(?:falls?|fell|drops?|dropped|declin\w*|slumps?|slumped|slides?|slid|sinks?|sank"
           r"|down|lower|dips?|dipped|shrinks?|shrank)\b")


def against_forecast(clause: str, low: str, ctx: Context) -> Found | None:
    """A result that beat what was forecast, or one that halved."""
    m = _AGAINST.search(low)
    if m is None or _FORECAST.search(low):
        return None
    halved = "halv" in m["verb"]
    if not halved and (not m["yard"] or _FELL.search(low)):
        return None  # "sales beat the team's record"; "profit falls, beats forecasts" is a fall
    what = m["what"].capitalize()
    title = f"{what} halved" if halved else f"{what} beat {m['yard']}"
    return Found(T.REVENUE_MILESTONE, {"result": "halved" if halved else "beat forecast"}, title,
                 m.start(), negative=halved, allow=frozenset({"plan"}))


# "Globex's net sales rose", "Globex, our largest customer, said its operating profit fell"
_RESULT_WORD = (r"(?:net sales|sales|revenues?|turnover|profits?|operating profit|net profit"
                r"|pre-?tax profit|earnings|results|loss|net loss|operating loss|ebitda|ebit"
                r"|order intake|orders)")
_THEIRS = re.compile(
    rf"\b(?P<name>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){{0,3}})(?:'s|\u2019s) (?:(?:\w+ ){{0,2}})"
    rf"(?i:{_RESULT_WORD})\b"
    rf"|\b(?P<said>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){{0,3}}),? (?:[^,]{{0,60}}, )?"
    rf"(?i:said|says|reported|reports|posted|posts|announced) (?i:its|their) "
    # "..., Globex said.": the speaker at the sentence's end
    rf"|, (?P<end>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){{0,3}}) (?i:said|says|reported|announced)"
    rf"(?: (?i:on|in) [\w ]{{1,20}})?\W*$")
_NOT_NAME = frozenset({"The", "Our", "Its", "This", "That", "Their", "Q1", "Q2", "Q3", "Q4",
                       "Today", "Group", "Company", "We", "It", "Last", "First", "Second",
                       "Third", "Fourth", "Total", "Net", "Operating", "Comparable", "January",
                       "February", "March", "April", "May", "June", "July", "August",
                       "September", "October", "November", "December", "Year", "Quarter"})
_WE = rx(r"\b(?:our|we|we've|we're|we\u2019ve|we\u2019re)\b")
# a forecaster's figure, not a result
_FORECAST = rx(r"\b(?:analysts?|economists?|brokers?|consensus|the market) (?:\w+ )?(?:forecasts?"
               r"|expects?|expected|estimates?|estimated|predicts?|predicted|sees?|see|projects?"
               r"|anticipates?)\b")


def veto(found: Found, clause: str, sentence: str, company: re.Pattern[str] | None
         ) -> str | None:
    """Why a results reading is another company's result or a forecaster's figure, or None."""
    if found.event_type is not T.REVENUE_MILESTONE:
        return None
    if _FORECAST.search(sentence.lower()):
        return "a forecaster's figure, not a result"
    ours = _WE.search(sentence.lower()) is not None
    for m in _THEIRS.finditer(sentence):
        name = m["name"] or m["said"] or m["end"]
        if name.split(" ")[0] in _NOT_NAME or (company is not None and company.search(name)) \
                or (ours and m["name"]):
            continue  # "our sales on Apple's App Store rose": ours, sold through theirs
        return f"another company's result ({name})"
    return None
