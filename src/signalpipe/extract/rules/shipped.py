"""Launches told in the words of release posts, founder updates and changelogs, and the posts
that only look like one.

``release`` reads launch wordings the other detectors leave alone, each a family seen across
sources (founder mail, release notes, community announcements, headlines):
- a version welcomed: "Please give a warm welcome to Tilt v0.9", "Say hello to Relay 2.0",
  "Meet Relay CLI v3" (a person welcomed is a hire, and carries no version);
- the company shipping or opening something, in headline form: "Tilt ships full Windows
  support", "Tilt Cloud opens to early design partners", "Relay opens its beta to the public"
  (a product reaching its first outside users is a launch; "ships in 2-3 days", "ships with
  Docker", "opens to investors" are not);
- a first-person release of a named product at a major or minor version, told after the fact:
  "We released Tilt v0.8 on April 22nd", "We've released Relay 2.3.0" (a patch, "2.3.1", stays
  routine, and so does a release candidate).

``veto`` drops what only looks like a launch: a post that says it introduces an idea ("In this
post, we introduce Rich-CRDTs" under the heading "Introducing Rich-CRDTs"), introducing people
("Email tips for introducing people"), the launch of a campaign, webinar or podcast episode,
and a product described as launched some time ago ("Anything, an AI app launched a month
ago, ...").

``whole_version`` keeps a version whole in a title, wherever the title was cut: "Released Tilt
v0" for "Tilt v0.8", "Launched Relay v9.0" for "Relay v9.0-beta".
"""

from __future__ import annotations

import re
from dataclasses import replace

from signalpipe.extract.rules import company
from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.names import key, name_before
from signalpipe.models import EventType

T = EventType

# A version as written: "v0.8", "2.3.0", "v9.0-beta", "3.0 RC1" is cut at the space.
_VERSION = re.compile(r"(?<![\w.])v?\d{1,4}(?:\.\d{1,4}){1,3}(?:-(?:alpha|beta|rc|preview|lts"
                      r"|ga)[\w.]*)?(?![\w.])|(?<![\w.])v\d{1,4}(?![\w.])", re.IGNORECASE)
_PATCH = re.compile(r"\d+\.\d+\.[1-9]\d*|\d+\.\d+\.\d+\.\d+")
_PRE = re.compile(r"(?i)-(?:alpha|rc|preview)|\b(?:rc|nightly|snapshot|release candidate)\b")
# What a product is called when it is not a version: "Relay CLI", "our iOS app".
_PRODUCT_NOUN = (r"(?:app|apps|cli|sdk|api|plugin|extension|integration|client|edition|beta"
                 r"|release|version|platform|dashboard|service|cloud|editor|library|starter"
                 r"|template|theme|module|server|agent|engine|support)")
# The thing named: a run of capitalised or versioned words, "Tilt v0.9", "Relay CLI v2.3.0".
_NAMED = (r"\[?(?P<obj>(?:the |our |a |an )?(?:new |all-new )?[A-Z][\w+-]*(?:\.[\w+-]+)*(?: (?:"
          r"[A-Z][\w+-]*(?:\.[\w+-]+)*|v?\d[\w+-]*(?:\.[\w+-]+)*|(?:for|of|&)(?= [A-Z])|"
          + _PRODUCT_NOUN + r")){0,5})")

WELCOME = re.compile(r"(?i:\b(?:please\s+)?(?:give\s+(?:a\s+)?(?:warm\s+|big\s+|hearty\s+)?"
                     r"welcome\s+to|(?:please\s+)?welcome|say\s+hello\s+to|meet)\s+)" + _NAMED)
# "<Company> ships <object>": the headline form of a release; a delivery promise is no launch.
SHIPS = re.compile(r"^\W*(?P<who>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2}) (?:now |finally "
                   r"|officially )?ships (?P<obj>(?!(?:in|within|to|from|with|free|worldwide"
                   r"|today|tomorrow|next|soon|by|on|out|next-day|same-day|only|globally)\b)"
                   r"[\w.+-]+(?: [\w.+-]+){0,5})")
_DELIVERY = re.compile(r"(?i)\b(?:orders?|units?|packages?|boxes|days?|hours?|weeks?|shipping"
                       r"|delivery|free|pre-?orders?|kits?|devices|copies)\b")
# "<Product> opens to early design partners": the first outside users let in.
OPENS = re.compile(r"^\W*(?P<who>(?:our )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}) (?:now |finally "
                   r"|officially )?opens (?:(?:its|the|a) (?:private |public |closed |open )?"
                   r"(?:beta|alpha|preview|waitlist|doors|early access) )?(?:up )?to (?P<to>(?:its "
                   r"|our |the |a )?(?:first |early |select |more |all |new |\d+ )*"
                   r"(?:design partners|early adopters|beta (?:testers|users)|testers|the public"
                   r"|everyone|all users"
                   r"|public|customers|developers|users|teams|the world|waitlist))\b",
                   re.IGNORECASE)
# "We released Tilt v0.8 on April 22nd", "We've released Relay 2.3.0".
WE_RELEASED = re.compile(r"(?i:\bwe(?:'ve|\u2019ve| have)?\s+(?:just\s+|now\s+|officially\s+"
                         r"|finally\s+)?(?:released|shipped|launched)\s+)" + _NAMED)
# "So we're positively chuffed to announce full Windows support!": glad words other detectors
# do not know, and what is announced named as a product, a version or a platform's support.
GLAD = re.compile(r"(?i:\b(?:chuffed|delighted|stoked|pumped|psyched|glad|over the moon|excited"
                  r"|thrilled|happy|proud|pleased)\s+to\s+(?:announce|introduce|unveil"
                  r"|present|(?P<made>release|launch|ship|bring you))\s+(?:(?:the|our|full|native"
                  r"|official|first-class)\s+)*)" + _NAMED)
# "We're announcing Tilt Cloud early to work with a handful of design partners": a private beta
# opened to its first outside users.
EARLY = re.compile(r"(?i:\b(?:announcing|opening|launching|inviting|onboarding|opened|launched)"
                   r"\s+)" + _NAMED + r"(?i:\s+(?:early\s+)?(?:up\s+)?(?:to|for|with)\s+"
                   r"(?:work with\s+)?(?:a handful of|a few|a small group of|select|our first|our"
                   r"|its|the first|\d+)?\s*(?:early\s+)?(?:design partners|early adopters"
                   r"|beta (?:testers|users|customers)|early customers|pilot customers))\b")
# "Our next Windmill experiment is live": a new product announced by what it is to us.
OUR_NEW = re.compile(r"(?i)\bour (?:next|latest|newest|new|first|second|third) (?:[\w-]+ )?"
                     r"(?P<noun>experiment|product|app|tool|project|game|plugin|extension|cli)"
                     r" is (?:now |finally |officially )?\W?(?:live|out|available|here)\b")
# A product shown to the public for the first time, in press-release words: "World premiere of
# the all-new Toyota Urban Cruiser", "Leapmotor B10 makes global debut at the Paris Motor Show".
_FIRST_SHOWN = r"(?:world|global|european|international|north american|public|market|digital)"
PREMIERE = re.compile(r"(?i:\b" + _FIRST_SHOWN + r"\s+(?:premiere|debut|unveiling)\s+of\s+"
                      r"(?:the\s+)?(?:all-new\s+|new\s+)?)" + _NAMED)
DEBUT = re.compile(_NAMED + r"(?i:\s+(?:makes|made|celebrates|celebrated|has|had)\s+(?:its|their"
                   r"|a)?\s*(?:" + _FIRST_SHOWN + r"\s+)?(?:debut|premiere))\b")
# Sales opened: "Opel opens order books for new Combo Electric", "start of pre-sales for the
# ID.3 GTX", "Pre-orders are now open for Relay Hub", "Order books now open: new Frontera".
ORDERS = re.compile(r"(?i:\b(?:(?:opens?|opened|opening)\s+(?:the\s+|its\s+)?order\s+books?"
                    r"\s+for|start(?:s|ed)?\s+(?:of\s+)?pre-?sales?\s+(?:for|of)|pre-?orders?"
                    r"\s+(?:are\s+|is\s+)?(?:now\s+)?open\s+for|order\s+books?\s+(?:are\s+|is\s+)?"
                    r"now\s+open\W+)\s*(?:the\s+)?(?:all-new\s+|new\s+)?)" + _NAMED)
# "The long awaited CMS for Developers Certification is up and running"; a system back up after
# an outage is no launch ("the API is back up and running").
RUNNING = re.compile(_NAMED + r"(?i:\s+(?:is|are)\s+(?:now\s+|finally\s+|officially\s+)?up and"
                     r" running)\b(?!\s+(?:again|on|in)\b)")  # "up and running on iOS": installed
# Out of beta at whatever version: "The CMS CLI, local development tooling, is out of beta as of
# version 1.0.9!" (a patch number is routine; leaving beta is not).
GRADUATED = re.compile(r"(?i)\b(?:is|are) (?:now |finally |officially )*(?:out of beta|generally "
                       r"available)\b")
# A release labelled as one: "New release: Relay 4.0 brings offline sync", "Just shipped - Relay
# Studio 2.0".
LABELLED = re.compile(r"^\W*(?i:new release|new version|just released|just shipped|just launched"
                      r"|out now|now available|released|shipped)\s*[:\-\u2013\u2014]\s*" + _NAMED)
# An app in a store: "Our mobile app just hit the App Store".
IN_STORE = re.compile(r"(?i)\b(?P<obj>our (?:[\w-]+ ){0,2}app|(?-i:[A-Z][\w-]*)(?: [\w-]+){0,2}"
                      r" app) (?:just |finally |officially )?(?:hit|landed (?:in|on)|arrived (?:in"
                      r"|on)|went live (?:in|on)|is now (?:in|on)|is live (?:in|on)) the (?P<store>"
                      r"app store|play store|google play store|mac app store|chrome web store"
                      r"|microsoft store)")
# "We've opened Relay Cloud to the public", "opened up Relay Studio to all users".
OPENED_UP = re.compile(r"(?i:\b(?:opened|opening|open)\s+(?:up\s+)?)" + _NAMED
                       + r"(?i:\s+(?:up\s+)?"
                       r"to\s+(?:the public|everyone|all(?: users| customers| teams)?|new users"
                       r"|new sign-?ups))\b")
# "Relay 3.0 has landed!", "We flipped the switch on Relay Cloud for all customers today".
LANDED = re.compile(_NAMED + r"(?i:\s+(?:has|have)\s+(?:finally\s+|officially\s+)?(?:landed"
                    r"|dropped))(?=\s*(?:[.!,:;]|$|\s+(?:today|in|on)\b))")
SWITCH = re.compile(r"(?i:\bflip(?:ped)?\s+the\s+switch\s+on\s+(?:the\s+)?)" + _NAMED
                    + r"(?i:\s+for\s+(?:all|every|everyone))")


def release(clause: str, low: str, ctx: Context) -> Found | None:
    """A launch in one of the families above, or None."""
    if not any(w in low for w in WORDS):
        return None
    for words, read in _READERS:
        if not any(w in low for w in words):
            continue  # a plain substring check spares the reader's pattern
        found = read(clause, ctx)
        if found is not None:
            return found
    return None


def _launch(what: str, at: int, then: str = "") -> Found:
    """The launch of ``what``, titled "Launched <what>", or "<what><then>" when the message
    says how it went out (" opened to early users", " out of beta")."""
    what = _ARTICLE.sub("", what.strip(" .,!:*_")).strip()
    return Found(T.PRODUCT_LAUNCH, {"product": key(what)},
                 f"{what}{then}" if then else f"Launched {what}", at, stakeholders=(what,))


_ARTICLE = re.compile(r"^(?:(?:the|our|a|an) )?(?:new |all-new )?", re.IGNORECASE)


_ENDS_NOUN = re.compile(r"(?i)\b" + _PRODUCT_NOUN + r"s?$")


def _welcomed(clause: str, ctx: Context) -> Found | None:
    m = WELCOME.search(clause)
    if m is None:
        return None
    obj = m["obj"]
    # a version or a product noun makes it a product; a person welcomed carries neither
    if not _VERSION.search(obj) and not _ENDS_NOUN.search(obj):
        return None
    return _launch(obj, m.start())


def _ours(who: str, ctx: Context) -> bool:
    """``who`` is the company or one of its products ("Tilt Cloud" for Tilt)."""
    return who.lower().startswith("our ") or (
        ctx.company is not None and ctx.company.search(who) is not None)


def _shipped(clause: str, ctx: Context) -> Found | None:
    m = SHIPS.search(clause)
    if m is None or not _ours(m["who"], ctx) or _DELIVERY.search(m["obj"]):
        return None
    found = _launch(m["obj"], m.start("obj"))
    return Found(found.event_type, found.metrics, f"{m['who']} shipped {m['obj'].strip(' .,!')}",
                 found.trigger, stakeholders=found.stakeholders)


def _opened(clause: str, ctx: Context) -> Found | None:
    m = OPENS.search(clause)
    if m is None or not _ours(m["who"], ctx):
        return None
    return _launch(m["who"], m.start(), f" opened to {m['to']}")


def _we_released(clause: str, ctx: Context) -> Found | None:
    m = WE_RELEASED.search(clause)
    if m is None:
        return None
    version = _VERSION.search(m["obj"])
    # a named product at a major or minor version; a patch or a candidate is routine
    if version is None or _PATCH.search(version.group()) or _PRE.search(clause):
        return None
    return _launch(m["obj"], m.start())


def _glad(clause: str, ctx: Context) -> Found | None:
    m = GLAD.search(clause)
    # one releases a product, never a person; one announces either
    if m is None or not (m["made"] or _product_like(m["obj"])):
        return None
    return _launch(m["obj"], m.start())


_SUPPORT = re.compile(r"(?i)\bsupport$")


def _product_like(obj: str) -> bool:
    """A version, a product noun or a platform's support names a product, not a person."""
    obj = obj.strip(" .,!:")
    return _VERSION.search(obj) is not None or _ENDS_NOUN.search(obj) is not None \
        or _SUPPORT.search(obj) is not None


def _early(clause: str, ctx: Context) -> Found | None:
    m = EARLY.search(clause)
    if m is None or (ctx.company is not None and not ctx.company.search(m["obj"])
                     and not m["obj"].lower().startswith("our ")):
        return None  # a name of ours: someone else's beta is their news
    return _launch(m["obj"], m.start(), " opened to early users")


def _our_new(clause: str, ctx: Context) -> Found | None:
    m = OUR_NEW.search(clause)
    if m is None:
        return None
    # the post's title names it: "mish: cruise control for developers"
    head = ctx.subject.partition(":")[0].strip(" #*`") if ":" in ctx.subject else ""
    if head and len(head.split()) <= 3:
        return _launch(head, m.start())
    said = "o" + m.group()[1:m.end("noun") - m.start()]  # "our next Windmill experiment"
    return Found(T.PRODUCT_LAUNCH, {"product": key(said)}, f"Launched {said}", m.start())


def _first_shown(clause: str, ctx: Context) -> Found | None:
    low = clause.lower()
    for pattern, word in ((PREMIERE, "premiere"), (DEBUT, "debut"), (ORDERS, "order"),
                          (ORDERS, "pre-")):
        m = pattern.search(clause) if word in low else None
        if m is not None and not _NOT_A_PRODUCT.search(m["obj"]):
            return _launch(m["obj"], m.start())
    return None


def _running(clause: str, ctx: Context) -> Found | None:
    m = RUNNING.search(clause) if "up and running" in clause else None
    if m is None or "back" in clause[max(0, m.start() - 40):m.end()].lower():
        return None
    return _launch(m["obj"], m.start())


def _graduated(clause: str, ctx: Context) -> Found | None:
    m = GRADUATED.search(clause)
    what = name_before(clause, m.start(), within=60) if m else None
    if m is None or what is None or (ctx.company is not None and ctx.company.fullmatch(what)):
        return None  # "Acme is now generally available" names no product
    # the product is the sentence's subject, not a third party acting
    return replace(_launch(what, m.start(), " out of beta"), relational=True)


def _appositive(clause: str, ctx: Context) -> Found | None:
    """ "Relay launches Relay Cloud, a hosted version of its sync engine": the description after
    the product is no part of the news, and its words ("version of") veto none."""
    at = max(clause.find(", a "), clause.find(", an "))
    head = clause[:at]
    if at < 12 or ", " in head:
        return None  # "we shipped X, the new Y, a redesigned Z": a list, not a description
    return company.launch(head, head.lower(), ctx)


def _labelled(clause: str, ctx: Context) -> Found | None:
    m = LABELLED.match(clause)
    if m is None or not _VERSION.search(m["obj"]) or _PATCH.search(m["obj"]):
        return None
    return _launch(m["obj"], m.start("obj"))


def _in_store(clause: str, ctx: Context) -> Found | None:
    m = IN_STORE.search(clause)
    if m is None:
        return None
    what = _ARTICLE.sub("", m["obj"].removeprefix("our ").removeprefix("Our "))
    store = m["store"].title()
    return Found(T.PRODUCT_LAUNCH, {"product": key(what)}, f"Launched {what} on the {store}",
                 m.start(), stakeholders=(what,))


def _opened_up(clause: str, ctx: Context) -> Found | None:
    m = OPENED_UP.search(clause)
    if m is None or (not _ours(m["obj"], ctx) and not clause.lower().startswith("we")):
        return None
    return _launch(m["obj"], m.start())


def _landed(clause: str, ctx: Context) -> Found | None:
    m = LANDED.search(clause)
    if m is None or not (_VERSION.search(m["obj"]) or _ours(m["obj"], ctx)):
        return None
    return _launch(m["obj"], m.start())


def _switch(clause: str, ctx: Context) -> Found | None:
    m = SWITCH.search(clause)
    return _launch(m["obj"], m.start()) if m else None


# Shown first, but no product: a film, an album, a person, a show.
_NOT_A_PRODUCT = re.compile(r"(?i)\b(?:film|movie|documentary|album|single|season|series|episode"
                            r"|show|play|opera|concert|tour|exhibition|festival|book)\b")


# Each reader, after the words it cannot match without (lower case).
_READERS = (
    (("welcome", "hello to", "meet "), _welcomed), (("ships ",), _shipped),
    (("opens ",), _opened), (("released", "shipped", "launched"), _we_released),
    ((" to announce", " to introduce", " to unveil", " to release", " to launch", " to ship",
      " to present", " to bring"), _glad),
    (("partners", "adopters", "beta ", "customers"), _early), (("our ",), _our_new),
    (("premiere", "debut", "order book", "pre-sale", "presale", "pre-order", "preorder"),
     _first_shown),
    (("up and running",), _running), (("out of beta", "generally available"), _graduated),
    ((", a ", ", an "), _appositive), (("release", "shipped", "launched", "out now", "available"),
                                       _labelled),
    ((" store",), _in_store), (("open",), _opened_up), (("landed", "dropped"), _landed),
    (("switch on",), _switch),
)
# Words no reader is asked for without: one check before any reader's.
WORDS = tuple(sorted({w for words, _ in _READERS for w in words}))


# Posts that only look like a launch.
# A write-up introducing an idea: "In this post, we introduce Rich-CRDTs".
_WRITE_UP = re.compile(r"(?i)\bin (?:this|today's|the following) (?:blog )?(?:post|article|essay"
                       r"|piece|write-?up|guide|talk|paper|series),? (?:we|i)(?:'ll| will)?"
                       r" (?:introduce|present|describe|explain|explore|walk through)\b")
# Introducing people, not a product: "Email tips for introducing people".
_PEOPLE = re.compile(r"(?i)\bintroduc(?:e|es|ed|ing|tions?) (?:two |the )?(?:people|someone"
                     r"|yourself|themselves|colleagues|friends|founders|investors|candidates"
                     r"|(?:him|her|them)(?:self|selves)?)\b"
                     r"|\b(?:tips|advice|guide|how) (?:\w+ )?(?:for|on|to) introduc")
# Launching what is no product: a campaign, an event, an episode, a giveaway.
_CAMPAIGN = re.compile(r"(?i)\b(?:launch(?:ed|es|ing)?|kick(?:ed|s)? off|unveil(?:ed|s)?)"
                       r" (?:(?:a|an|the|our|its|their|new|first|\w+'s) ){0,3}(?:[\w-]+ ){0,3}"
                       r"(?:campaign|webinar|podcast|episode|giveaway|contest|sweepstakes"
                       r"|fundraiser|survey|petition|ad|ads|promotion|promo|sale|drive"
                       r"|livestream|meetup|hackathon|challenge)s?\b")
# A product described as launched some while ago: "an AI app launched a month ago".
_AGO = re.compile(r"(?i)(?:^|,) (?:an?|the) (?:[\w-]+ ){1,4}(?:launched|released|introduced)"
                  r" (?:about |roughly |nearly |over |just )?(?:a|an|one|two|three|several|few"
                  r"|\d+) (?:days?|weeks?|months?|years?) ago\b")


# A launch still to come, in a reporter's words: "The Epiq, due to be unveiled in 2025".
_DUE = re.compile(r"(?i)\b(?:due|set|slated|poised|scheduled|tipped) (?:to|for) (?:be )?"
                  r"(?:officially )?(?:unveil|launch|releas|introduc|debut|ship|arriv|go live|hit"
                  r"|reveal|premiere)")


# A post headed "Introducing X" whose opening says X is not out yet: "The first release will be
# in 2023", "Profiles launch as soon as they are shiny", "1.0 is in the staging environment".
_HEADED = re.compile(r"^\W*(?:introducing|announcing|meet|say hello to)\b", re.IGNORECASE)
_NOT_OUT = re.compile(r"(?i)\b(?:first|initial|public|official|stable|general) (?:release|launch"
                      r"|version) (?:will|is (?:planned|scheduled|expected|coming))\b"
                      r"|\blaunch(?:es)? (?:as soon as|once|when) \w+ (?:is|are)\b"
                      r"|\bwill (?:be )?(?:launch|releas|ship|go live|available|open)\w* "
                      r"(?:in (?:q[1-4]|20\d\d|january|february|march|april|may|june|july|august"
                      r"|september|october|november|december)|later|soon|next|early|by)\b"
                      r"|\b(?:is|are|hit|hits|in) (?:the |our )?staging(?: environment)?\b"
                      r"|\b(?:sign up|join) (?:for |to )?(?:the |our )?waitlist\b")


# A look back at a launch: "5 lessons from launching our iOS app", "What we learned shipping
# Relay 2.0", "Why we released Relay under the MIT licence".
_LOOK_BACK = re.compile(r"(?i)\b(?:lessons?|learnings?|learned|takeaways?|mistakes|retrospective"
                        r"|post-?mortem|reflections?|notes) (?:\w+ ){0,2}(?:from |on |about |of "
                        r"|when |while )?(?:\w+ )?(?:launching|shipping|releasing|building)\b"
                        r"|^\W*why (?:we|i) (?:released|launched|shipped|open[- ]sourced|built)\b")
# One feature of a product, not a product: "we released the Disable Resources feature".
_ONE_FEATURE = re.compile(r"(?i)\b(?:released|shipped|launched|rolled out|added|introduced) "
                          r"(?:the |a |our )?(?:new )?\[?(?:[\w-]+ ){1,4}feature\b(?!s)"
                          r"(?! (?:to|for) (?:all|everyone|every))")
# Released, but no product: "Relay released a statement on the outage", "released its results".
_STATEMENT = re.compile(r"(?i)\b(?:released|releases|releasing|issued|put out) (?:a |an |its |the "
                        r"|our |their )?(?:[\w-]+ ){0,2}(?:statement|results|earnings|figures"
                        r"|numbers|guidance|details|findings|comments?|response|apology|letter"
                        r"|memo|transcript|photos?|images|footage|trailer|teaser|list|names"
                        r"|hostages?|prisoners?|from (?:his|her|their|the) contract)\b")
# ... unless the opening says it is out: "available today", "is now live".
_OUT_NOW = re.compile(r"(?i)\b(?:available (?:today|now)|(?:is|are) (?:now )?(?:live|out|available"
                      r"|generally available)\b|(?:out|live) (?:today|now)\b)")


def veto(found: Found, clause: str, page: str) -> str | None:
    """Why a launch reading in ``clause`` (of the post ``page``) is no launch, or None."""
    if found.event_type is not T.PRODUCT_LAUNCH or found.negative:
        return None
    if _PEOPLE.search(clause):
        return "introducing people, not a product"
    if _CAMPAIGN.search(clause):
        return "a campaign or an event launched, not a product"
    if _AGO.search(clause):
        return "a product described as launched a while ago"
    if _DUE.search(clause):
        return "a launch still to come"
    if _STATEMENT.search(clause):
        return "released, but no product"
    if _LOOK_BACK.search(clause):
        return "a look back at a launch"
    if _ONE_FEATURE.search(clause):
        return "one feature of a product"
    if "ntroduc" in clause and _WRITE_UP.search(page[:3000]) and not _VERSION.search(clause):
        return "a write-up introducing an idea"
    opening = page[:1500]
    if _HEADED.match(clause) and _NOT_OUT.search(opening) and not _OUT_NOW.search(opening):
        return "introduced, but not out yet"
    return None


_NUMBER = re.compile(r"v?\d{1,4}(?:\.\d{1,4})*", re.IGNORECASE)
# The rest of a version cut short: ".8" of "v0.8", "-beta" of "v9.0-beta".
_TAIL = re.compile(r"(?:\.\d{1,4})*(?:-(?:alpha|beta|rc|preview|lts|ga)[\w.]*)?(?![\w.])"
                   r"|(?:\.\d{1,4})+(?=\.(?:\s|$))", re.IGNORECASE)
# A product noun that a title cut off: "Launched iOS" for "our iOS app".
_NOUN_AFTER = re.compile(r" (?P<noun>" + _PRODUCT_NOUN + r")\b", re.IGNORECASE)


# A launch title whose object is a preposition: the name stood in inline code.
_NO_OBJECT = re.compile(r"(?P<verb>Released|Launched|Shipped) (?=(?i:into|in|to|on|for|at|with)\b)")
_BARE = re.compile(r"(?P<verb>Released|Launched) (?P<v>v?\d+(?:\.\d+)+[\w.-]*)$")
_NOT_PRODUCT_WORD = frozenset({"the", "a", "version", "release", "of", "to", "in", "on", "new",
                               "is", "was", "and", "our", "we", "released", "launched", "shipped"})
_CODE = re.compile(r"`([^`\n]{2,60})`")


def whole_version(title: str, evidence: str) -> str:
    """``title`` with a version cut short made whole from the evidence ("Released Tilt v0" ->
    "Released Tilt v0.8"), and a platform name given its noun ("Launched iOS" -> "Launched iOS
    app"), and a name written in code put back ("Released Into public beta" -> "Released
    Developer Documentation site into public beta")."""
    cut = _NO_OBJECT.match(title)
    code = _CODE.search(evidence) if cut else None
    if cut and code:  # "Released Into public beta": the name was in `code`, blanked to read
        return f"{cut['verb']} {_ARTICLE.sub('', code.group(1))} {title[cut.end():].lower()}"
    bare = _BARE.match(title)
    if bare:  # "Launched v2.3.0" for "relay v2.3.0 is out": the product's name goes with it
        at = evidence.find(f" {bare['v']}")
        word = evidence[:at].rsplit(None, 1)[-1] if at > 0 else ""
        if word.isalpha() and word.lower() not in _NOT_PRODUCT_WORD:
            return f"{bare['verb']} {word} {bare['v']}"
    words = title.rsplit(" ", 2)
    if len(words) < 2:
        return title
    last = words[-1]
    if _NUMBER.fullmatch(last):
        at = evidence.find(f"{words[-2]} {last}")
        tail = _TAIL.match(evidence, at + len(words[-2]) + 1 + len(last)) if at >= 0 else None
        return title + tail.group() if tail else title
    if len(words) == 2 and words[0] in ("Launched", "Released"):
        at = evidence.find(f" {last} ")
        noun = _NOUN_AFTER.match(evidence, at + len(last) + 1) if at >= 0 else None
        if noun:
            return f"{title} {noun['noun']}"
    return title
