"""Markets opened and left in the words founders, update mail and press use for them, where
``company.expansion`` and ``results.market`` find no reading.

A new region or country going live is a market expansion (shared LABELLING.md); leaving one is
its lowlight. Each family is seen in Slack chatter, founder update mail and press copy:

- **the place as the subject** (``place_live``): "Canada is live!", "Mexico launch went out this
  morning", "our Singapore entity is set up", "the Nordics rollout is done", "the Berlin office
  is up and running". Look-alikes: a place that is no market of ours ("Canada Day is Monday"),
  a launch still ahead ("the Japan launch is scheduled for May": no such verb here), a place's
  office open for the day ("the London office is open on Friday").
- **a region entered without the word market** (``place_entered``): "In February we entered the
  Nordics", "we expanded into APAC", "broke into Japan"; firsts there: "our first paying customer
  in Australia", "our first three customers in Sweden". Look-alikes: plans ("we want to enter
  France"), another company's move (the reader's third-party veto), travel ("I'm in Berlin").
- **a market left** (``place_left``, lowlight): "we are shutting down our Brazil operation",
  "we paused the US expansion", "Exiting France: ...", "we've decided to wind down our APAC
  office", "we stopped selling in Russia", "we're pulling back from the Japanese market", "our
  Dublin office closes at the end of the month", "we put the Germany launch on hold", "it has
  already withdrawn from 32 countries". Look-alikes: an office closed for a holiday or moved
  into a bigger one, an office errand ("cancel the London office party"), a person leaving a
  city ("I'm leaving Berlin on Friday"), a deal closed, countries left off a page.

A market may be named by its adjective ("the Japanese market"); titles then name the place
("Exited Japan"), and a market entered keeps its words ("Entered the German market").

``veto`` drops another detector's market reading that is an event held in a place ("The
conference is live in Berlin", "First meetup opens in Austin") or a trip ("I'm live in Lisbon all
week"), and an exit that is an office moved ("closed our old London office and moved into a
bigger one"). ``entered_market`` tells
longform's market-figures veto that "Acme enters the German market" is the company's news.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, cased
from signalpipe.extract.rules.lexicon import REGION, rx
from signalpipe.extract.rules.names import key
from signalpipe.models import EventType

T = EventType

# A place's name written as a name: "Canada", "the US", "APAC" (never the word "us" or "region");
# before a noun, its adjective: "the Japanese market", "the Australian operation". The adjective's
# place names the title ("Exited Japan", not "Exited Japanese").
_COUNTRY_OF = {
    "american": "the US", "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil",
    "argentine": "Argentina", "argentinian": "Argentina", "chilean": "Chile",
    "colombian": "Colombia", "british": "the UK", "irish": "Ireland", "french": "France",
    "german": "Germany", "spanish": "Spain", "italian": "Italy", "portuguese": "Portugal",
    "dutch": "the Netherlands", "belgian": "Belgium", "swiss": "Switzerland",
    "austrian": "Austria", "polish": "Poland", "swedish": "Sweden", "norwegian": "Norway",
    "danish": "Denmark", "finnish": "Finland", "nordic": "the Nordics", "european": "Europe",
    "czech": "Czechia", "greek": "Greece", "turkish": "Turkey", "israeli": "Israel",
    "emirati": "the UAE", "saudi": "Saudi Arabia", "egyptian": "Egypt", "nigerian": "Nigeria",
    "kenyan": "Kenya", "south african": "South Africa", "indian": "India",
    "singaporean": "Singapore", "malaysian": "Malaysia", "indonesian": "Indonesia",
    "thai": "Thailand", "vietnamese": "Vietnam", "filipino": "the Philippines",
    "japanese": "Japan", "korean": "Korea", "chinese": "China", "australian": "Australia",
    "latin american": "Latin America", "asian": "Asia", "african": "Africa",
}
_ADJECTIVE = "(?:" + "|".join(sorted(_COUNTRY_OF, key=len, reverse=True)) + ")"
# countries the shared lexicon's REGION leaves out, named here only where a market is entered or
# left ("we have stopped selling in Russia")
_MORE = (r"russia|ukraine|belarus|kazakhstan|iran|hungary|slovakia|slovenia|croatia|serbia"
         r"|bulgaria|iceland|luxembourg|morocco|ghana|ethiopia|ecuador|uruguay|paraguay|bolivia"
         r"|venezuela|costa rica|panama|puerto rico|sri lanka|nepal|cambodia|myanmar")
_PLACE = rf"(?:{REGION.pattern}|\b(?:{_MORE})\b)"
_PLACE_OR_ADJ = rf"(?:{_PLACE}|\b{_ADJECTIVE}\b)"
_WHAT = (r"(?:launch|rollout|roll-out|expansion|office|entity|subsidiary|team|region|store|shop"
         r"|hub|branch|data ?cent(?:er|re)|operations?|business|go-live)")
# "Canada is live!", "Mexico launch went out", "our Singapore entity is set up"
_LIVE = rx(
    rf"^\W*(?:[\w ]{{0,20}}: )?(?:(?:our|the) )?(?P<place>{_PLACE})"
    rf"(?P<what> {_WHAT})?(?: in [A-Z]?[\w ]{{2,20}}?)? (?:is|are|went|has gone|have gone|'s"
    r"|\u2019s|was) (?:now |officially "
    r"|finally |fully |already )*(?P<state>live|open for business|up and running|out|done"
    r"|complete|set up|open|incorporated|registered)(?! (?:on|until|till|from|at|late|early"
    r"|for (?!business)|to the|question|of))\b")
# a bare place "is out" or "is done" says nothing: the launch or office must be named
_NEEDS_WHAT = frozenset({"out", "done", "complete", "set up", "incorporated", "registered"})
_ENTERED = rx(
    rf"\b(?:entered|entering|enters|broke into|breaking into|broken into|expanded into"
    rf"|expanding into|expands into|expanded to|expands to|moved into|launched into)"
    rf" (?:the )?(?:(?P<place>{_PLACE})\b(?! time ?zones?| hours| office hours)"
    rf"|(?P<adj>{_ADJECTIVE}) market\b)")
_FIRST = rx(
    rf"\b(?:our |my |the )?first (?:(?:two|three|four|five|\d) )?(?:paying |paid |enterprise |b2b "
    rf"|local |real )?(?:customers?|clients?|sales?|orders?|deals?|contracts?"
    rf"|hires?|employees?) (?:in|from) (?:the )?(?P<place>{_PLACE})\b")
# an errand of the office, not the office: "cancel the London office party"
_ERRAND = (r"(?:party|parties|hours|supplies|dinner|lunch|drinks|meeting|visit|trip|wifi|wi-fi"
           r"|keys|printer|plants|dog|kitchen|call|offsite|off-site|retreat|social|ticket"
           r"|tickets)")
# an office left for a bigger one: a move, not a market left
_MOVED = rx(r"\bmov(?:e|ed|es|ing) (?:in)?to (?:a |an |our |the )?(?:bigger|larger|new|smaller"
            r"|shared|cheaper)\b|\brelocat\w*|\b(?:bigger|larger) (?:one|office|space)\b"
            r"|\bnew (?:office|space|hq|headquarters)\b")
_LEFT = rx(
    rf"\b(?:shut(?:ting)? down|shuts down|wind(?:ing)? down|winds down|wound down|clos(?:e|ed"
    rf"|es|ing)|paus(?:e|ed|es|ing)|halt(?:ed|ing|s)?|put(?: on hold)?|scrap(?:ped|ping)?"
    rf"|cancel(?:l?ed|l?ing)?|sh[eu]lv(?:ed|ing)) (?:down )?(?:our |the |its )?"
    rf"(?P<place>{_PLACE_OR_ADJ})(?: \w+)? (?P<what>{_WHAT})\b(?! {_ERRAND})"
    rf"|\b(?:exit(?:ed|ing|s)?|leav(?:e|es|ing)|left|pull(?:ed|ing|s)? (?:out of|back from)"
    rf"|retreat(?:ed|ing|s)? from|withdr[ae]w(?:n|ing|s)? from) (?:the )?"
    rf"(?P<market>{_PLACE_OR_ADJ}) market\b"
    # "our Dublin office closes at the end of the month": the place first
    rf"|^\W*(?:[\w ]{{0,20}}: )?(?:our |the )(?P<first>{_PLACE_OR_ADJ}) (?P<its>{_WHAT})"
    r" (?:is closing|closes|will close|closed|is shutting down|shuts down|shut down|is winding"
    r" down|winds down|wound down|is being wound down|was shut down)\b"
    rf"|^\W*(?:[\w ]{{0,20}}: )?exit(?:ed|ing) (?P<exit>{_PLACE})\b"
    rf"|\b(?:stopped|stopping|stop|no longer|ceased|ceasing) (?:selling|operating|serving"
    rf" (?:customers|clients) in|sell|operate|serve (?:customers|clients) in) (?:in )?"
    rf"(?P<stop>{_PLACE})\b"
    # "leaving 12 countries", "has already withdrawn from 32 countries"
    r"|\b(?:leav(?:e|es|ing)|left|exit(?:ed|ing|s)?|withdr[ae]w(?:n|ing|s)? from|pull(?:ed|ing|s)?"
    r" out of|retreat(?:ed|ing|s)? from) (?:another |a further |the )?(?P<count>\d+|dozens of"
    r"|several|two|three|four|five|six|seven|eight|nine|ten)(?: [\w\u2019'\"-]+)? (?:countries"
    r"|markets)\b(?! off\b)")
# an office shut for a day or an event, not a market left
_DAY_OFF = rx(r"\b(?:for (?:the )?(?:day|holidays?|christmas|thanksgiving|the week|a week|the"
              r" weekend|renovation|maintenance|the move)|today|tomorrow|early|on (?:monday"
              r"|tuesday|wednesday|thursday|friday|saturday|sunday))\b")
# an event or a person in a place, not a market: "The conference is live in Berlin"
_HELD = rx(r"\b(?:conference|summit|meetup|meet-up|booth|stand|webinar|stream|livestream|talk"
           r"|keynote|event|hackathon|workshop|show|expo|exhibition|fair|podcast|panel|offsite"
           r"|off-site|retreat|party|i'm|i am|i'll be|i will be)\b")


_TRIP = rx(r"\b(?:i entered|customs|visa|flight|airport|border|passport|landed in|jet ?lag)\b")


def _place(clause: str, m: re.Match[str], group: str) -> str | None:
    """The place a match names, as written, when it is written as a name: "Canada", "APAC"."""
    start, end = m.span(group)
    where = clause[start:end]
    if not where[:1].isupper() or where.lower() == "region":
        return None  # "us", "region": a pronoun or a word, not a place
    return _COUNTRY_OF.get(where.lower(), where)


def place_live(clause: str, low: str, ctx: Context) -> Found | None:
    """A place opened, with the place as the subject: "Canada is live!"."""
    m = _LIVE.search(low)
    if m is None or (m["state"] in _NEEDS_WHAT and not m["what"]):
        return None
    where = _place(clause, m, "place")
    if where is None or _HELD.search(low) or (m["state"] == "open"
                                               and _DAY_OFF.search(low, m.end())):
        return None  # "the London office is open on Friday": open for the day
    return Found(T.MARKET_EXPANSION, {"region": _key(where)}, f"Expanded to {cased(where)}",
                 m.start("place"))


def place_entered(clause: str, low: str, ctx: Context) -> Found | None:
    """A region entered without the word "market", or a first customer or hire there."""
    m = _ENTERED.search(low) or _FIRST.search(low)
    if m is None or _TRIP.search(low):
        return None  # "I entered the US at JFK, customs took an hour": a trip
    adj = m.groupdict().get("adj")
    where = _place(clause, m, "adj" if adj else "place")
    if where is None:
        return None
    # "enters the German market" keeps its words, as coverage.place_reached titles it
    title = f"Entered the {clause[m.start('adj'):m.end('adj')]} market" if adj \
        else f"Expanded to {cased(where)}"
    return Found(T.MARKET_EXPANSION, {"region": _key(where)}, title, m.start())


def place_left(clause: str, low: str, ctx: Context) -> Found | None:
    """A market left, an office or an operation there shut, an expansion paused (lowlight)."""
    m = _LEFT.search(low)
    if m is None:
        return None
    if m["count"]:
        return Found(T.MARKET_EXPANSION, {"regions_left": m["count"]},
                     f"Exited {m['count']} countries", m.start(), negative=True)
    group = next(g for g in ("place", "market", "exit", "stop", "first") if m[g])
    where = _place(clause, m, group)
    what = m["what"] or m["its"] or ""
    if where is None or (what and (_DAY_OFF.search(low, m.end())
                                   or (what in _SITES and _MOVED.search(ctx.sentence.lower()
                                                                        or low)))):
        return None  # "closed the London office for the day", "... and moved to a bigger one"
    return Found(T.MARKET_EXPANSION, {"region": _key(where)}, _left_title(m, where, what),
                 m.start(), negative=True)


_PAUSED = ("paus", "halt", "put", "scrap", "cancel", "shelv", "shulv")
_SITES = frozenset({"office", "hub", "branch", "store", "shop", "data center", "data centre",
                    "datacenter", "datacentre", "entity", "subsidiary"})


def _left_title(m: re.Match[str], where: str, what: str) -> str:
    """'Paused the Germany launch', 'Closed the Dublin office', 'Exited Japan'."""
    if what in ("expansion", "launch", "rollout", "roll-out") \
            and m.group().startswith(_PAUSED):
        return f"Paused the {where.removeprefix('the ')} {what}"
    if what in _SITES:
        return f"Closed the {where.removeprefix('the ')} {what}"
    return f"Exited {cased(where)}"


def _key(where: str) -> str:
    """A region's identity, as company.expansion keys it ("the US" is "us")."""
    return key(where.removeprefix("the "))


def veto(found: Found, clause: str, sentence: str = "") -> str | None:
    """Why another detector's market reading is an event held in a place or a trip, or None."""
    if found.event_type is not T.MARKET_EXPANSION:
        return None
    if found.negative:
        low = (sentence or clause).lower()
        # "closed our old London office and moved into a bigger one": a move, not an exit
        return "an office moved, not a market left" if "office" in low and _MOVED.search(low) \
            else None
    head = clause[:found.trigger].lower()
    if _HELD.search(head) and not _WE.search(head):
        return "an event held in a place, not a market"  # "First meetup opens in Austin"
    return None


_WE = rx(r"\b(?:we|we're|we've|our|us)\b")


# "Acme enters the German market", "expands into the UK market": the company's own entry
_ENTRY = rx(r"\b(?:enter(?:s|ed|ing)?|expand(?:s|ed|ing)? into|break(?:s|ing)? into"
            r"|broke into|launch(?:es|ed|ing)? in(?:to)?) the (?:[\w-]+ ){1,2}market\b")


def entered_market(found: Found, clause: str) -> bool:
    """The clause tells a market entered, not a market's figures: longform's veto passes it."""
    return found.event_type is T.MARKET_EXPANSION and not found.negative \
        and _ENTRY.search(clause.lower()) is not None
