"""Customers' outcomes with us in founders' and customers' own words, where
``deals.customer_success``, ``coverage.customer_result`` and ``spoken`` find no reading.

A customer outcome (shared LABELLING.md) is a renewal or expansion, published results, a record
rating or retention; churn is its lowlight. Each family is seen in Slack chatter, founder update
mail, case-study posts and press copy:

- **a named customer's figure moved on us** (``moved_with_us``): "Umbrella's conversion went up
  18% in the first month on Acme", "Globex told us Acme paid for itself in 3 weeks", "Initech
  saw a 4x ROI with Acme". Look-alikes: a customer's figure with no part of ours ("Globex's
  revenue rose 20%"), our own figures (growth and technical readers), a result hoped for.
- **praise or an award a named customer gives us** (``praised``): "Hooli named Acme their Vendor
  of the Year", "Initech gave us a 10/10 in their vendor review", "Globex's CTO tweeted that Acme
  is the best tool they've bought". Look-alikes: a testimonial with no customer ("Best tool
  ever! - a happy customer"), praise of someone else, an award from the press (media readers).
- **a customer growing on us** (``grew_on_us``): "Hooli expanded to three more teams", "Globex
  rolled Acme out to two more hospitals", "Initech added 4 more departments". Look-alikes: a
  customer's own growth ("Globex expanded to three more stores" with no word of ours).
- **a customer live on us** (``live_on_us``, ``in_production``): "Globex went live in production
  on Acme", "our first hospital customer is live", "Companies like Globex and Initech are already
  using Acme in production", "Globex, Hooli and Initech are just a few of the teams that have
  upgraded to Acme Pro". Look-alikes: our own deploy ("the API is live in production"), another
  vendor in production ("Globex uses Postgres in production"), an audience with no name
  ("used in production by thousands of developers"), a question.
- **churn and scores that fell** (``churn_moved``, lowlight; a record low churn is a success):
  "Churn was 6% last month, our worst month ever", "logo churn jumped to 4%", "NPS dropped from
  50 to 31", "NRR slipped below 100%"; "churn fell to 0.8%, our lowest ever". Look-alikes: churn
  targets and wishes ("we want churn below 2%", the reader's plan veto), a customer's own churn
  ("Globex's churn rose"), churn with no move.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.names import key, names_in
from signalpipe.extract.rules.subject import FIRST_PERSON
from signalpipe.models import EventType

T = EventType

_NUMBER = r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|a few|several|all)"
_UP = (r"(?:went up|rose|grew|jumped|increased|improved|doubled|tripled|climbed|is up|are up"
       r"|was up|were up|went down|dropped|fell|decreased|halved|is down|are down|was down)")
# "Umbrella's conversion went up 18% ... on Acme": the figure moved, said of a customer's
_MOVED = re.compile(
    rf"^\W*(?P<who>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)?)(?:'s|\u2019s) (?:[\w-]+ ){{1,3}}?{_UP}"
    r"(?: by)? (?:about |almost |nearly |over |more than )?\d[\d,.]*\s?(?:%|x\b|percent\b)")
# "Globex told us Acme paid for itself in 3 weeks", "Initech saw a 4x ROI with Acme"
_PAID = rx(r"\bpaid (?:for )?itself (?:back )?(?:in|within|after) (?:under |less than )?\w+"
           r" (?:days?|weeks?|months?)\b|\b(?:saw|got|reported|achieved|measured|seeing|getting)"
           r" (?:an? )?\d[\d,.]*\s?(?:x|%) (?:roi|return on investment)\b")
# our part in it: "on Acme", "with us", "since switching to our platform"
_OURS = re.compile(r"\b(?:on|with|using|via|through|thanks to|since (?:switching|moving|going"
                   r" live|adopting|rolling out)|after (?:switching|moving|going live|adopting"
                   r"|rolling out|rolling)|(?:switched|moved) to|adopted)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s\b|\u2019s\b")
_TO_US = re.compile(r"\s*(?:to )?(?:us|our)\b")
# "Hooli named Acme their Vendor of the Year", "Initech gave us a 10/10"
_NAMED_US = rx(r"\b(?:named|voted|picked|chose|selected|crowned) (?P<us>[\w.&-]+(?: [\w.&-]+)?)"
               r" (?:as )?(?:their|its) (?P<what>(?:favou?rite |best |top )(?:[\w-]+ ){0,2}?"
               r"(?:vendor|supplier|partner|tool|product|app|platform|provider)|(?:[\w-]+ ){0,3}?"
               r"(?:vendor|supplier|partner|tool|product|app|platform|provider) of the (?:year"
               r"|quarter|month))\b")
_RATED = rx(r"\b(?:gave|rated|scored|gives|rates) (?P<us>us|[\w.&-]+) (?:an? )?(?:perfect )?"
            r"(?P<score>10/10|10 out of 10|5/5|5 out of 5|five stars|5 stars|100/100"
            r"|a perfect score|full marks|an a\+)")
_SAID = rx(r"\b(?:tweeted|posted|wrote|said|told us|called|told everyone|shouted out)"
           r" (?:on [\w ]{1,20}? )?(?:that )?(?P<us>us|[\w.&-]+)(?: is| was| are|'s|\u2019s)?"
           r" (?:the best|a game[- ]changer|a lifesaver|a life saver|indispensable"
           r"|their favou?rite)\b")
# "Hooli expanded to three more teams", "Globex rolled Acme out to two more hospitals"
_UNITS_USE = (r"(?:teams|business units|departments|divisions|squads|seats|users|licen[cs]es"
              r"|groups|offices|sites|locations|hospitals|clinics|schools|stores|regions"
              r"|countries|brands|plants|warehouses)")
_GREW = rx(rf"\b(?:expanded|extended|rolled (?P<obj>us|it|[\w.&-]+) out|added|took (?:us|it) to)"
           rf" (?:to |us to |it to |our \w+ to |their (?:rollout|deployment|usage|contract) to )?"
           rf"(?P<count>{_NUMBER}) (?:more|new|additional|other) (?P<unit>{_UNITS_USE})\b")
_ACCOUNT = rx(r"\bto (?:their|its) (?:[\w-]+ )?(?:account|plan|contract|subscription|licen[cs]e"
              r"|deployment|rollout)\b")
_ADOPTION = frozenset({"teams", "business units", "departments", "divisions", "squads", "seats",
                       "users", "licenses", "licences", "groups"})
_LIVE = rx(r"\b(?:went|is|are|has gone|have gone|now|officially|finally) (?:now |officially "
           r"|finally |fully )?live (?:in production )?(?:on|with) (?P<us>us\b|our \w+|[\w.&-]+)"
           r"|^\W*(?:and )?(?:our )?first (?P<seg>[\w-]+(?: [\w-]+)?) (?:customer|client) (?:is"
           r"|went|has gone) (?:now |officially |fully )?live\b")
# "Companies like Globex and Initech are already using Acme in production", "Globex, Hooli and
# Initech are just a few of the teams that have upgraded to Acme Pro"
_IN_PRODUCTION = re.compile(
    r"\b(?:is|are|have been|has been) (?:already |now |all |both )*(?:using|running|on)"
    r" (?P<us>[\w.&-]+)(?: [A-Z]\w*)? in production\b"
    r"|\b(?:are|were) (?:just |only )?(?:a few|some|among the|two|three|four|five)"
    r" (?:of )?(?:the )?"
    r"(?:\w+ )?(?:companies|teams|customers|clients|users|organi[sz]ations) (?:that|who)"
    r" (?:have |already )*(?P<verb>upgraded|switched|moved|migrated) to (?P<to>[\w.&-]+)"
    # "Acme is now used in production by companies including Globex, Hooli and Initech"
    r"|^(?P<ours>.{1,40}?) (?:is|are) (?:now |already )?(?:being )?used in production by"
    r" (?:companies|teams|customers|organi[sz]ations|businesses)(?: including| like| such as)"
    r" (?P<named>.+)")
_CHURN_UP = rx(r"\b(?:customer |logo |revenue |gross |net |monthly |user )?churn(?: rate)?"
               r" (?:(?:rose|jumped|spiked|climbed|ticked up|went up|crept up|increased|doubled"
               r"|tripled)\b|(?:is|was) (?:up|higher)\b|(?:was|is|hit|reached) [\d.]+\s?%"
               r"(?=.*\b(?:worst|highest|record|all-time high|up from)\b))")
_CHURN_LOW = rx(r"\bchurn(?: rate)? (?:fell|dropped|went down|is down|was down|hit|was|is)"
                r" (?:to )?[\d.]+\s?%(?=.*\b(?:lowest|record low|all-time low|best)\b)")
_SCORE_FELL = rx(r"\b(?P<what>nps|csat|net promoter score|nrr|net revenue retention|grr"
                 r"|gross revenue retention|ndr|net dollar retention|retention)"
                 r" (?:dropped|fell|slipped|declined|went down|decreased|tanked|dipped|sank)"
                 r"(?: (?:from [\d.]+%? )?to [\d.]+%?| below [\d.]+%?| by [\d.]+)?")


def _customer(clause: str, end: int, ctx: Context) -> str | None:
    """The customer a clause opens on, never us and never a pronoun: "Globex", "Hooli"."""
    found = names_in(clause[:end])
    if not found or found[0][1] > 4:
        return None
    name = _POSSESSIVE.split(found[0][0])[0]  # "Globex's CTO": Globex
    if FIRST_PERSON.fullmatch(name.lower()) or (ctx.company is not None
                                                and ctx.company.search(name)):
        return None
    return name


def _us(word: str, ctx: Context, *, it: bool = False) -> bool:
    """``word`` names us: "us", "our ...", one of our names ("it" only where ``it`` allows:
    "rolled it out" is ours, "said it is the best quarter" is not)."""
    return word == "us" or (it and word == "it") or word.startswith("our ") or (
        ctx.company is not None and ctx.company.fullmatch(word) is not None)


def moved_with_us(clause: str, low: str, ctx: Context) -> Found | None:
    """A named customer's figure moved on our product, or our product paid for itself."""
    m = _MOVED.search(clause)
    if m is not None:
        rest = clause[m.end():]
        ours = _OURS.search(rest)
        if ours is None or not ((ctx.company is not None
                                 and ctx.company.search(rest, ours.end()))
                                or _TO_US.match(rest, ours.end())):
            return None  # "Globex's revenue rose 20%": their figure, no part of ours
        who = m["who"]
        return _result(who, m.start(), ctx)
    p = _PAID.search(low)
    if p is None:
        return None
    who = _customer(clause, p.start(), ctx)
    if who is None or ("roi" in p.group() and not (ctx.company and ctx.company.search(clause))
                       and " us" not in low):
        return None
    return _result(who, p.start(), ctx)


def _result(who: str, at: int, ctx: Context) -> Found | None:
    if FIRST_PERSON.fullmatch(who.lower()) or (ctx.company is not None
                                               and ctx.company.search(who)):
        return None
    return Found(T.CUSTOMER_SUCCESS, {"customer": key(who), "story": "result"},
                 f"Customer result: {who}", at, relational=True, stakeholders=(who,))


def praised(clause: str, low: str, ctx: Context) -> Found | None:
    """Praise, a perfect score or an award a named customer gives us."""
    m = _NAMED_US.search(low) or _RATED.search(low) or _SAID.search(low)
    if m is None or (not _us(clause[m.start("us"):m.end("us")], ctx)
                     and not _us(m["us"], ctx)):
        return None
    who = _customer(clause, m.start(), ctx)
    if who is None:
        return None
    if "what" in m.groupdict() and m["what"]:
        named = clause[m.start("us"):m.end("us")]
        title = f"{who} named {named} their {said(clause, m.start('what'), m.end('what'))}"
    elif "score" in m.groupdict() and m["score"]:
        title = f"{who} rated us {m['score']}"
    else:
        title = f"Praise from {who}"
    return Found(T.CUSTOMER_SUCCESS, {"customer": key(who), "story": "praise"}, title,
                 m.start(), relational=True, stakeholders=(who,))


def grew_on_us(clause: str, low: str, ctx: Context) -> Found | None:
    """A named customer rolling us out to more teams, sites or seats."""
    m = _GREW.search(low)
    if m is None:
        return None
    if m["obj"] and not _us(clause[m.start("obj"):m.end("obj")], ctx, it=True):
        return None  # "rolled Slack out to two more offices": another vendor
    if m.group().startswith("added") and not _ACCOUNT.search(low, m.end()) and not (
            ctx.company is not None and ctx.company.search(clause)):
        return None  # "Jane added two more users to staging": a chore, not a customer growing
    if m["unit"] not in _ADOPTION and not m["obj"] and not (
            ctx.company is not None and ctx.company.search(clause)) and " us" not in low:
        return None  # "Globex expanded to three more stores": their own growth
    who = _customer(clause, m.start(), ctx)
    if who is None:
        return None
    return Found(T.CUSTOMER_SUCCESS, {"customer": key(who)},
                 f"{who} expanded to {m['count']} more {m['unit']}", m.start(), relational=True,
                 stakeholders=(who,))


def live_on_us(clause: str, low: str, ctx: Context) -> Found | None:
    """A named customer live on us, or our first customer of a kind live."""
    m = _LIVE.search(low)
    if m is None:
        return None
    if m["seg"]:
        title = f"First {m['seg']} customer live"
        return Found(T.CUSTOMER_SUCCESS, {"customer_live": f"first {m['seg']}"}, title,
                     m.start(), relational=True)
    if not _us(clause[m.start("us"):m.end("us")], ctx) and not _us(m["us"], ctx):
        return None  # "live on Shopify"
    who = _customer(clause, m.start(), ctx)
    if who is None:
        return None
    return Found(T.CUSTOMER_SUCCESS, {"customer": key(who)}, f"{who} went live on the product",
                 m.start(), relational=True, stakeholders=(who,))


def in_production(clause: str, low: str, ctx: Context) -> Found | None:
    """Named customers using us in production, or among those who upgraded to us."""
    m = _IN_PRODUCTION.search(clause)
    if m is None:
        return None
    if m["ours"]:
        return _used_by(clause, m, ctx)
    target = (m["us"] or m["to"]).rstrip(".")
    plan = m["to"] is not None and target.lower() in _PLANS  # "upgraded to Pro": our plan
    if target == "it" or not (plan or _us(target, ctx) or _us(target.lower(), ctx)):
        return None  # "Globex uses Postgres in production"
    if _FOR_A_WHILE.match(clause, m.end()):
        return None  # "has been using Acme in production for 6 months": a state, not news
    head = _listed_before(clause, ctx.sentence) + clause[:m.start()]
    names = [n for n, _, _ in names_in(head)
             if not (ctx.company is not None and ctx.company.search(n))
             and n.lower() not in _NOT_CUSTOMERS]
    if not names:
        return None  # "Thousands of teams are using Acme in production"
    said_ = _LIKE.sub("", _LINK_NUMBER.sub("", head)).strip(" ,")
    who = said_ if len(said_) <= 60 and said_[:1].isupper() else names[0]
    title = f"In production at {who}"
    if m["verb"]:
        product = names_in(clause[m.start("to"):])
        title = f"{who} {m['verb']} to {product[0][0] if product else target}"
    return Found(T.CUSTOMER_SUCCESS, {"customer": key(names[0])}, title,
                 m.start(), relational=True, stakeholders=tuple(names[:3]))


_FOR_A_WHILE = re.compile(r"\s+(?:for|since|over) (?:the )?(?:\d+|a|an|a few|several|many|two"
                          r"|three|six|last|past|years|months)\b", re.IGNORECASE)
_LIST_GLUE = re.compile(r"(?:,| and|, and)\s*$")
_LINK_NUMBER = re.compile(r"\[(\d{1,3})\]|\[|\]")


def _listed_before(clause: str, sentence: str) -> str:
    """The names listed before a clause cut at " and " ("Watsi, Litmus and | Travis-CI are
    among the teams that upgraded"), with the glue that joins them; "" when none are."""
    at = sentence.find(clause)
    if at <= 0:
        return ""
    before = sentence[:at]
    return before if _LIST_GLUE.search(before) and len(before) <= 120 else ""


def _used_by(clause: str, m: re.Match[str], ctx: Context) -> Found | None:
    """Our product used in production by the companies named after it."""
    if ctx.company is None or not ctx.company.search(m["ours"]):
        return None  # "Postgres is used in production by companies like Apple"
    names = [n for n, _, _ in names_in(clause[m.start("named"):])
             if not ctx.company.search(n)][:5]
    if not names:
        return None
    return Found(T.CUSTOMER_SUCCESS, {"customer": key(names[0])},
                 f"In production at {', '.join(names)}", m.start(), relational=True,
                 stakeholders=tuple(names))


_PLANS = frozenset({"pro", "premium", "enterprise", "business", "plus", "paid", "teams"})
_LIKE = re.compile(r"^\W*(?:(?:companies|teams|customers|clients|brands)(?: like| such as"
                   r"| including)|including)\s+", re.IGNORECASE)
_NOT_CUSTOMERS = frozenset({"companies", "teams", "customers", "companies like", "teams like"})


def churn_moved(clause: str, low: str, ctx: Context) -> Found | None:
    """Churn that rose or hit a record, a score that fell (lowlights); churn at a record low."""
    if "churn" in low:
        m = _CHURN_UP.search(low)
        if m is not None:
            return Found(T.CUSTOMER_SUCCESS, {"churn": "rose"}, said(clause, m.start()),
                         m.start(), negative=True)
        m = _CHURN_LOW.search(low)
        if m is not None:
            return Found(T.CUSTOMER_SUCCESS, {"churn": "record low"}, said(clause, m.start()),
                         m.start())
    m = _SCORE_FELL.search(low)
    if m is None:
        return None
    return Found(T.CUSTOMER_SUCCESS, {"score_fell": m["what"]}, said(clause, m.start()),
                 m.start(), negative=True)


# "Hooli's churn rose to 5%": a customer's own churn, not customers leaving us
_THEIR_CHURN = re.compile(r"\b(?P<who>[A-Z][\w&.-]*)(?:'s|\u2019s) (?:[\w-]+ )?churn\b")


def veto(found: Found, clause: str, company: re.Pattern[str] | None) -> str | None:
    """Why another detector's churn reading is someone else's own churn, or None."""
    if found.event_type is not T.CUSTOMER_SUCCESS or not found.negative:
        return None
    m = _THEIR_CHURN.search(clause)
    if m is None or (company is not None and company.search(m["who"])):
        return None
    return f"third party's own churn ({m['who']})"
