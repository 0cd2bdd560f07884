"""Job cuts in the words of wire releases, financial news and founders, where
``company.hiring``, ``setbacks.py`` and ``lowlights.py`` find no reading.

A layoff is a lowlight of hiring (shared LABELLING.md). Each family was written as hand-written
variants in several registers before the dev split was read (tests/unit/test_rules_cutbacks.py):

- **cuts counted by whom they affect** (``jobs_cut``): "The reductions will affect 30 employees
  at the Vaasa plant", "the change negotiations will lead to the termination of 24 jobs",
  "Around 60 jobs will be lost when Acme closes its Oulu plant", "Acme has given notice of
  dismissal to 20 employees", "we had to part ways with 12 teammates", "Acme is temporarily
  laying off its entire staff of 200". An announced cut is the event, so "will" is no plan here.
- **a site closed** (``site_closed``): "Acme is closing its paper mill in Kaskinen", "Acme to
  close Tampere factory", "Acme shuts its Leeds distribution centre", "Acme will close 12
  stores in Finland", "Aviva shuts Friends Life head office" (our office, shut by our owner).
  A closure announced is the event, so "will" and "to" are no plan here; it is an ``other``
  lowlight (the site, not the market: ``reach.place_left`` reads offices named by a country).
  Look-alikes: a deal closed ("closes a EUR 5 mn deal": no site), a site closed for the day
  ("the office closes at 5pm"), an errand ("closed the Oulu office ticket"), another company's
  site ("Globex shuts its Leeds plant", the third-party veto).
- Look-alikes of cuts: cuts that may come ("the negotiations may lead to the termination of
  up to 24 jobs", "a possible reduction of 40 positions"), none at all ("no redundancies are
  planned"), cuts to a bill ("the cuts will affect our AWS bill": no people named), another
  company's cuts (the reader's third-party veto: the reading carries a ``layoff`` metric, so the
  hiring pass-through does not apply).

``veto`` drops any reader's layoff that may come rather than one made ("plans to start change
negotiations that may lead to up to 50 job cuts"): the hiring readers let "will" through, as an
announced cut is news.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.lexicon import rx
from signalpipe.models import EventType

T = EventType

_ABOUT = r"(?:a total of |up to |some |about |around |approximately |roughly |nearly |almost )?"
_N = r"(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty" \
     r"|a hundred|hundreds of|dozens of)"
_PEOPLE = r"(?P<unit>employees|people|persons|staff|workers|members of staff|team members" \
          r"|teammates|colleagues|jobs|positions|roles|posts|full-time equivalents|ftes)"
_CUTS = tuple(rx(p) for p in (
    # "the reductions will affect 30 employees"
    rf"\b(?:reductions?|redundancies|layoffs|lay-offs|job cuts|cuts|dismissals|cutbacks"
    rf"|the restructuring|the measures) (?:will |would |are expected to )?(?:affect|affects"
    rf"|affected|concern|concerns|concerned|involve|involves|involved|impact|impacts|impacted"
    rf"|total|totals|totalled|totaled) {_ABOUT}{_N} {_PEOPLE}\b",
    # "will lead to the termination of 24 jobs"
    rf"\b(?:termination|elimination|loss|losses|reduction|cutting|shedding|axing|dismissal"
    rf"|redundancy) of {_ABOUT}{_N} {_PEOPLE}\b",
    # "Around 60 jobs will be lost"
    rf"{_ABOUT}{_N} {_PEOPLE} (?:will be|are to be|are being|were|have been|had been|is being)"
    rf" (?:lost|cut|axed|shed|eliminated|made redundant|laid off|let go|dismissed|terminated)\b",
    # "has given notice of dismissal to 20 employees"
    rf"\b(?:notices? of (?:dismissal|termination|redundancy)|redundancy notices?|layoff notices?"
    rf"|termination notices?|notice) to {_ABOUT}{_N} {_PEOPLE}\b",
    # "we had to part ways with 12 teammates"
    rf"\bpart(?:ed|ing)? ways with {_ABOUT}{_N} (?:of (?:our|the) )?{_PEOPLE}\b",
    # "is temporarily laying off its entire staff"
    r"\b(?:temporar(?:il)?y )?(?:laying|laid|lays|lay) off (?:its|our|the|all(?: of)?"
    r"(?: its| our| the)?) (?:entire |whole )?(?:staff|workforce|employees|team|personnel"
    r"|workers)\b"))
# cuts that may come or none at all ("to cut costs" is the reason for a cut, so money words
# stay out: a cut to a bill names no people and never matches)
_NOT_DONE = rx(r"\b(?:may|might|could|possible|possibly|potential|proposed|proposal|considering"
               r"|consider|no|not|none|without|avoid|avoided|avoiding|rumou?red|reportedly)\b")


def jobs_cut(clause: str, low: str, ctx: Context) -> Found | None:
    """Jobs cut or staff laid off, counted by whom the cut affects."""
    m = next((m for m in (cut.search(low) for cut in _CUTS) if m), None)
    if m is None or _NOT_DONE.search(low):
        return None
    temporary = "temporar" in low
    if "n" not in m.re.groupindex:  # "laying off its entire staff": the whole team
        title = "Temporary layoff of all staff" if temporary else "Laid off all staff"
        return Found(T.HIRING, {"layoff": "all staff"}, title, m.start(), negative=True,
                     allow=frozenset({"plan"}))
    n, unit = m["n"], m["unit"]
    if unit in ("jobs", "positions", "roles", "posts"):
        title = f"Cut {n} {unit}"
    else:
        title = f"{'Temporary layoffs' if temporary else 'Layoffs'} affecting {n} {unit}"
    return Found(T.HIRING, {"layoff": n}, title, m.start(), negative=True,
                 allow=frozenset({"plan"}))


# a place of work, never "site" alone: "winding down the site" is most often a website
_SITE = (r"(?P<site>head office|headquarters|hq|plants?|factory|factories|mills?|paper mill"
         r"|sawmill|production sites?|manufacturing sites?|facility|facilities|units?|stores|shops"
         r"|branch(?:es)?|warehouses?"
         r"|distribution cent(?:re|er)s?|call cent(?:re|er)s?|offices?|production lines?|mines?"
         r"|refinery|smelter|restaurants|outlets|depots?|data cent(?:re|er)s?)")
_CLOSED = rx(
    rf"\b(?P<verb>shuts?|shut(?:ting)? down|shuts down|clos(?:es|ed|ing)|close"
    rf"|mothball(?:s|ed|ing)?|wind(?:s|ing)? down|wound down) (?:down )?(?:its |our |the "
    rf"|(?P<count>\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of) )?"
    rf"(?:(?P<name>[\w&.'\u2019-]+(?: [\w&.'-]+){{0,2}}) )??{_SITE}\b")
# a site closed for the day, or an errand of it
_NOT_CLOSED = rx(r"\b(?:at \d|for the (?:day|night|week|weekend|holidays?|summer)|early today"
                 r"|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekends)"
                 r"|ticket|tickets|party|door|doors|window|windows|tab|tabs|issue|pr\b|bug)\b")
_ANNOUNCED = frozenset({"plan"})


def site_closed(clause: str, low: str, ctx: Context) -> Found | None:
    """A plant, office or stores of ours closed or to be closed: an ``other`` lowlight."""
    m = _CLOSED.search(low)
    if m is None or _NOT_CLOSED.search(low, m.start()) or _NOT_DONE.search(low):
        return None
    name = clause[m.start("name"):m.end("name")] if m["name"] else ""
    ours = bool(name and ctx.company and ctx.company.search(name))
    what = clause[m.start("count") if m["count"] else (m.start("name") if name
                                                        else m.start("site")):m.end()]
    done = m["verb"] not in _TO_BE_DONE and not _TO_COME.search(low, 0, m.start())
    where = _IN_PLACE.match(clause, m.end())  # "paper mill in Kaskinen"
    what = f"{what}{where.group()}" if where else what
    title = f"{'Closed' if done else 'Closing'} {what}"
    return Found(T.OTHER, {"closure": re.sub(r"\s+", " ", what.lower())}, title, m.start(),
                 negative=True, relational=ours, allow=_ANNOUNCED, subtype="closure")


_IN_PLACE = re.compile(r" in [A-Z][\w\u00c0-\u017f-]+(?: [A-Z][\w\u00c0-\u017f-]+)?")
_TO_BE_DONE = frozenset({"close", "closing", "shutting down", "mothball", "mothballing",
                         "wind down", "winding down"})
_TO_COME = rx(r"\b(?:will|to|is|are|'s|\u2019s)\s+$")


# a cut that may come: "negotiations that may lead to up to 50 job cuts", "mulls job cuts"
# ("plans to slash 600 jobs" is a cut announced, as news labels it: not here)
_TENTATIVE = rx(r"\b(?:may|might|could|possible|possibly|potential(?:ly)?|proposed|considering"
                r"|mulls?|weighs?|would)\b")


def veto(found: Found, clause: str) -> str | None:
    """Why any reader's layoff is a cut that may come rather than one made, or None."""
    if found.event_type is not T.HIRING or not found.negative or "layoff" not in found.metrics:
        return None
    return "a cut that may come" if _TENTATIVE.search(clause.lower()) else None
