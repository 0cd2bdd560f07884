"""Markets entered in the words business news, wire releases and founders use where
``company.expansion``, ``results.market`` and ``reach.py`` find no reading.

A new region or country going live is a market expansion (shared LABELLING.md). Each family
below was written as hand-written variants in several registers before the dev split was read
(tests/unit/test_rules_markets2.py):

- **operations started or extended there** (``started_there``): "Acme has started operations
  in Russia through a new subsidiary", "begins sales in Sweden", "has launched its services in
  Norway", "we started shipping deliveries in Poland", "has extended its operations to the
  Baltic countries", "expanded our presence into APAC"; goods sold or a product live there:
  "starts exporting to China", "Acme Pay goes live in Australia", "we opened our doors in
  Lisbon", "Acme lands in the UK" (the company or we land, never a person: "our CEO lands in
  London tomorrow"); a unit set up there: "has set up a
  subsidiary in Poland", "established a sales office in Dubai", "set foot in the US".
  Look-alikes: a plan ("is looking at opening a representative office in Shanghai", modality's
  veto), another company's move (the reader's third-party veto), a ticket or a meeting opened
  somewhere, an event held in a place (``reach.veto``), a joint venture (a partnership, not
  ours alone), the verb as an adjective ("the company's expanded operations in Taiwan").
- **a first site there** (``first_site``): "Acme's first store in Riga opened its doors on
  Friday", "opens its first UK store in Manchester", "First Acme station opens in Ciudad
  Juarez", "our first US warehouse in Texas is now open". Look-alikes: the first site opened
  for the day ("the store opened its doors at 9am"), a first visit or meeting there, a first
  store planned ("will open its first store in Oslo next year", modality's veto), another
  brand's first site ("First Globex Store opens in Lyon").
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, cased
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.names import key
from signalpipe.extract.rules.reach import _COUNTRY_OF, _PLACE_OR_ADJ
from signalpipe.models import EventType

T = EventType

# regions the shared lexicon and reach.py leave out, named where a market is entered
_MORE = (r"(?:southeast asia|south-east asia|south east asia|central europe|eastern europe"
         r"|western europe|southern europe|northern europe|central america|the caribbean"
         r"|scandinavia|the baltics|the balkans|the gulf|west africa|east africa|north africa"
         r"|sub-saharan africa|central asia|south asia|east asia|the americas)")
_WHERE = rf"(?:{_MORE}|{_PLACE_OR_ADJ})"
# what a company starts or extends in a place: its operations, sales, a service it sells there
_ACTIVITY = (r"(?:operations|operating activities|activities|sales|sales operations|business"
             r"|services|service|deliveries|production|manufacturing|trading|distribution"
             r"|presence|footprint|reach|network|coverage|offering|offerings|retail operations"
             r"|(?:[a-z-]+ ){1,2}(?:service|services|broadband|coverage|network)"
             r"|(?:[a-z-]+ ){0,2}(?:app|apps|platform|product|products|solution|card|marketplace"
             r"|offering))")
_STARTED = rx(
    rf"\b(?:has |have |had )?(?:started|starts|start|began|begins|begun|commenced|commences"
    rf"|launched|launches|opened|opens|rolled out|rolls out|introduced|introduces|debuted"
    rf"|debuts) (?:its |our )?(?:own |local |commercial |direct |first )?"
    rf"(?P<what>{_ACTIVITY}) (?:in|into|to|across) (?:the )?(?P<place>{_WHERE})"
    rf"|\b(?:has |have |had )?(?:extended|extends|extending|expanded|expands|expanding"
    rf"|broadened|broadens|widened|widens) (?:its |our )?(?:own |local |commercial )?"
    rf"(?P<ext>{_ACTIVITY}) (?:to|into|in|across) (?:the )?(?P<to>{_WHERE}"
    rf"|(?:baltic|nordic|scandinavian|benelux|gulf|balkan) (?:countries|states|region)"
    rf"|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+ (?:new|more)) (?:new |more )?"
    rf"(?:countries|markets))\b")
# goods sold or a product live there: "starts exporting to China", "Acme Pay goes live in
# Australia", "we opened our doors in Lisbon"
_SELLING = rx(
    rf"\b(?:started|starts|start|began|begins|begun|commenced|commences) (?:exporting|selling"
    rf"|shipping|operating|trading) (?:to|in|into) (?:the )?(?P<place>{_PLACE_OR_ADJ})\b"
    rf"|\b(?:goes|went|has gone|have gone|going) live (?:in|across) (?:the )?"
    rf"(?P<live>{_PLACE_OR_ADJ})\b"
    rf"|\bopen(?:ed|s)? (?:our|its) doors in (?:the )?(?P<doors>{_PLACE_OR_ADJ})\b"
    rf"|\b(?:has |have |just )?(?:landed|lands) in (?:the )?(?P<landed>{_PLACE_OR_ADJ})\b")
# who lands: the company or "we", never a person ("our CEO lands in London tomorrow")
_LANDER = rx(r"(?:\bwe|\bwe've|\bwe\u2019ve|\bwe have|\bwe just|\bjust) $")
# a unit of ours set up there: "has set up a subsidiary in Poland"
_SITE = (r"(?:subsidiary|subsidiaries|branch|branch office|office|sales office|representative"
         r" office|regional office|regional headquarters|entity|legal entity|company|hub|plant"
         r"|factory|facility|production facility|warehouse|distribution cent(?:er|re)"
         r"|data ?cent(?:er|re)|store|shop|showroom|r&d cent(?:er|re)|development cent(?:er|re))")
_SET_UP = rx(
    rf"\b(?:has |have |had )?(?:set up|sets up|setting up|established|establishes|founded"
    rf"|founds|incorporated|registered) (?:a |an |its |our )?(?:new |first |own |local "
    rf"|wholly[- ]owned |fully[- ]owned )?(?:[a-z]+ )?(?P<site>{_SITE}) in (?:the )?"
    rf"(?P<place>{_PLACE_OR_ADJ})\b"
    rf"|\b(?:set|sets|setting) foot in (?:the )?(?P<foot>{_PLACE_OR_ADJ})\b"
    rf"|\bestablish(?:ed|es|ing)? (?:a |its |our )?(?:local |direct |physical )?presence in"
    rf" (?:the )?(?P<presence>{_PLACE_OR_ADJ})\b")
# a meeting, a ticket, an account or a thread opened: no market
_NOT_ACTIVITY = rx(r"\b(?:ticket|issue|thread|account|bank account|meeting|call|pr|pull request"
                   r"|joint venture|conference|event|booth)\b")


# a launch on a stage: "in Berlin at Web Summit", "in London during our user conference"
_AT_EVENT = rx(r",? (?:at|during|on stage at|on the sidelines of) ")
# the verb as an adjective: "underscores the company's expanded operations in Taiwan" describes
# what is there, it tells no move
_DESCRIBED = rx(r"(?:'s|\u2019s|\bthe|\bits|\bour|\btheir|\bwith) $")


def started_there(clause: str, low: str, ctx: Context) -> Found | None:
    """Operations, sales or a service started or extended in a place, a unit set up there."""
    m = _STARTED.search(low) or _SET_UP.search(low) or _SELLING.search(low)
    if m is None or _NOT_ACTIVITY.search(low, m.start(), m.end()) \
            or _DESCRIBED.search(low, 0, m.start()) or not _lander(clause, low, m, ctx):
        return None
    group = next(g for g in ("place", "to", "foot", "presence", "live", "doors", "landed")
                 if m.groupdict().get(g))
    if _AT_EVENT.match(low, m.end()):
        return None  # "launched its new app in Berlin at Web Summit": a stage, not a market
    start, end = m.span(group)
    where = clause[start:end]
    if not where[:1].isupper() and not where[:1].isdigit() and "countries" not in where \
            and "markets" not in where:
        return None  # "us", "region" written in lower case: a word, not a name
    where = _COUNTRY_OF.get(where.lower(), where)
    return Found(T.MARKET_EXPANSION, {"region": key(where.removeprefix("the "))},
                 f"Expanded to {_the(cased(where))}", m.start())


def _lander(clause: str, low: str, m: re.Match[str], ctx: Context) -> bool:
    """A landing is ours when we or the company land; any other match needs no such check."""
    if not m.groupdict().get("landed"):
        return True
    head = clause[:m.start()].rstrip()
    named = ctx.company is not None and ctx.company.search(head.split(" ")[-1] if head else "")
    return bool(named) or _LANDER.search(low, 0, m.start()) is not None


# names read with "the": "Expanded to the US", "to the Baltic countries"
_WITH_THE = re.compile(r"^(?:US|U\.S\.|UK|U\.K\.|UAE|EU|Netherlands|Philippines|Nordics|Baltics"
                       r"|.+ (?:countries|states|region|markets))$")


def _the(where: str) -> str:
    return f"the {where}" if _WITH_THE.match(where) else where


_PLACE_WORDS = r"(?:store|shop|office|location|branch|station|dispensary|clinic|restaurant|cafe" \
    r"|caf\u00e9|showroom|plant|factory|warehouse|hub|hotel|outlet|gym|studio|campus|pop" \
    r"|point of presence|data ?cent(?:er|re)|centre|center|site|boutique|pharmacy|franchise)"
# the place after "in": a name as written, up to three words ("Bay City", "Ciudad Juárez")
_WORD = r"[A-Z][\w.'\u00c0-\u017f-]+"
_NAME = rf"(?P<where>{_WORD}(?: (?:de |del |la |el )?{_WORD}){{0,2}})"
_FIRST_SITE = re.compile(
    rf"(?i:\b(?:open(?:s|ed|ing)?|unveil(?:s|ed)?|announc(?:es|ed) (?:the opening of )?"
    rf"(?:its |our |the )?|launch(?:es|ed)?) (?:its |our |the )?(?:very )?first "
    rf"(?P<adj>[A-Z][\w.-]+ )?"
    rf"(?:[\w\u00ae-]+ ){{0,2}}?(?P<site>{_PLACE_WORDS})s?\b)"
    rf"(?: (?i:in|outside(?: of)?) {_NAME})?"
    rf"|(?i:\bfirst (?:[\w\u00ae-]+ ){{0,2}}?(?P<site2>{_PLACE_WORDS}) (?:in|outside(?: of)?) )"
    rf"{_NAME.replace('where', 'where2')}(?i: (?:has )?(?:opened|opens|is open|is now open"
    rf"|opened its doors|opens its doors|is live|launched|went live)\b)"
    # "First ARCO station opens in Ciudad Juarez"
    rf"|(?i:\bfirst (?:[\w\u00ae-]+ ){{0,2}}?(?P<site3>{_PLACE_WORDS}) (?:has )?(?:opened|opens"
    rf"|is open|is now open|is live|launched|went live) in ){_NAME.replace('where', 'where3')}")
# the doors opened for the day or a first visit, not a new site
_FOR_THE_DAY = rx(r"\b(?:at \d|for the day|as usual|this morning at|every day|visit|trip"
                  r"|meeting|interview)\b")


# a name between "first" and the site that is no place: a brand, most often another's
_ANOTHER = re.compile(r"(?i:\bfirst) (?!(?i:very|new|own|ever|physical|international|overseas"
                      r"|foreign|flagship|retail|local)\b)[A-Z][\w\u00ae&.-]*")
_A_PLACE = rx(_PLACE_OR_ADJ)


def first_site(clause: str, low: str, ctx: Context) -> Found | None:
    """A first store, office or station opened in a place: the company arriving there."""
    m = _FIRST_SITE.search(clause)
    if m is None or _FOR_THE_DAY.search(low):
        return None
    other = _ANOTHER.search(m.group())
    if other and not _A_PLACE.fullmatch(other.group().split(" ", 1)[1].lower()) \
            and not (ctx.company and ctx.company.search(m.group())):
        return None  # "First Globex Store opens in Lyon": another brand's store
    where = m["where"] or m["where2"] or m["where3"] or (m["adj"] or "").strip()
    if not where or where.lower() in ("new", "ever", "physical", "own"):
        return None  # "opened our first office": no place named
    site = (m["site"] or m["site2"] or m["site3"]).lower()
    place = _COUNTRY_OF.get(where.lower(), where)
    return Found(T.MARKET_EXPANSION, {"region": key(place)},
                 f"Opened first {site} in {cased(place)}", m.start())
