"""Whose news it is, in the words chat and updates use: our own service down, and others'
launches, deals and awards told beside ours.

Families, each written from how people write before the dev split was read for it (the variants
live in tests/unit/test_rules_theirs.py), with the look-alikes that stay events:

- **Our own service down, said in chat** (``site_down``): "www.acme.io is down", "our site is
  down again", "the API is returning 500s for everyone, investigating", "app.acme.io has been
  down since 9am". Addresses are blanked before reading (reader.masked) and a domain's dots end
  sentences, so ``own_address`` writes our own domain back, its dots as one-dot leaders, before
  the sentences are cut. Look-alikes that stay silent: a question ("is the site down for anyone
  else?"), another's domain ("github.com is down"), scheduled maintenance, the build, staging.
- **A third party's launch that helps us** (``veto``): "Vercel's new build cache is live, our
  deploys are 2x faster", "Postgres 17 landed and our queries got 30% faster", "python 3.13 is
  out and our test suite runs 20% faster". The release is theirs and the speed-up came to us
  without our doing: neither is our launch nor our technical result. Look-alikes that stay
  events: "we moved to the new build cache and cut deploy time by half", "We upgraded the
  cluster to Postgres 17 and p95 dropped from 120ms to 80ms", "we launched in Indonesia on AWS
  Jakarta".
- **Others' deals and awards** (``veto``): "The acquisition of Initech by Globex closed on
  Friday", "Initech took home the Best Fintech award", "congrats to Initech on their Series B!".
  Look-alikes: "Acme won Best DevTool at DevWeek", "we closed the acquisition of Initech",
  "Initech acquired us".
- **Ours in words the other readers miss**: the company bought with the buyer as the subject
  (``acquired_us``: "Initech acquired us", titled "Acquired by Initech"), an award named by its
  title without the word "award" (``best_won``: "Acme won Best DevTool at DevWeek", "we were
  named Startup of the Year by TechCrunch"), a launch told by the site it happened on, the name
  in any case (``launch_site``: "acme went live on product hunt today"), a front page in chat's
  short form (``made_site``: "you guys made reddit, btw"; not "we made a reddit account").
- **A partner offering our product as its service** (``offered_by_partner``, and ``veto`` for
  the launch reading): "Hosted Acme deployments now available from Compose", "our friends at
  Compose now offer Acme hosting", "DigitalOcean now offers a one-click Acme droplet" are a
  partnership; "RethinkDB is the third database in their product lineup", "their hosted Acme
  deployments" are no launch of ours. Look-alikes: "now available from the App Store" (our
  launch's channel), "available from today", "Globex now offers Initech hosting".

A company name that is a common word ("Anything") is matched with its capital, in capitals, or
in lower case where it opens a line (subject.aliases_pattern): "we can ship anything now" names
no one.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.names import key
from signalpipe.models import EventType

T = EventType

# --- our own address kept readable -------------------------------------------------------------

# A host written bare in prose as the subject of a state: "www.acme.io is down", "app.acme.io has
# been down since 9am". A link's address stays blanked ("[Collections app](https://apps.acme.io/)",
# "<https://acme.io|the docs>": it names a page), and so does a host named in passing ("a new API
# for todo.acme.io is now available", "builds.acme.io saw its first release"): there the address
# is where something is, and the blanked text is what the other readers were written for.
_HOST = re.compile(r"(?:^\W{0,3}\s?|[\n>:;,!.]\s|\b(?:and|so|btw|fyi|ok|now)\s)"
                   r"(?P<host>(?:[a-z0-9-]{1,40}\.){1,4}"
                   r"(?:io|com|ai|co|app|dev|net|org|so|sh|xyz|cloud|tech|tools|run|us|eu))"
                   r"(?P<path>/\S*)?(?= (?:is|was|has|have|went|keeps|seems|looks|appears|just)\b)",
                   re.IGNORECASE | re.MULTILINE)
# One scan from a literal dot, before the fuller pattern: a host ending just before a state verb.
_CHEAP_HOST = re.compile(r"\.(?:io|com|ai|co|app|dev|net|org|so|sh|xyz|cloud|tech|tools|run|us|eu)"
                         r"(?:/\S*)? (?:is|was|has|have|went|keeps|seems|looks|appears|just)\b",
                         re.IGNORECASE)
LEADER = "\u2024"  # one-dot leader: reads as a dot, ends no sentence


def own_address(original: str, shown: str, company: re.Pattern[str] | None) -> str:
    """``shown`` (the masked text) with our own hosts written back from ``original``, their dots
    as one-dot leaders, their paths blanked; offsets kept. Others' hosts stay as they were."""
    if company is None or "." not in original or _CHEAP_HOST.search(original) is None:
        return shown
    out = shown
    for m in _HOST.finditer(original):
        host = m.group("host")
        if company.search(host.replace(".", " ")) is None:
            continue
        path = " " * (m.end() - m.end("host"))
        out = out[:m.start("host")] + host.replace(".", LEADER) + path + out[m.end():]
    return out


# --- our service down --------------------------------------------------------------------------

_SYSTEM = (r"(?:site|website|web ?site|app|web app|api|dashboard|platform|service|checkout|login"
           r"|sign-?ups?|servers?|prod|production|payments?|backend|homepage|landing page)")
_SUBJECT = (rf"(?P<addr>(?:[a-z0-9-]+{LEADER})+[a-z]{{2,}})|(?P<our>our (?:main |public |"
            rf"web |mobile )?{_SYSTEM})|(?P<the>(?:the )?{_SYSTEM})")
# The state first (rare words, one scan), then its subject in the words just before it.
_DOWN = re.compile(
    r"(?i)\b(?P<state>down|offline|unreachable|not loading|not responding|going down"
    r"|(?:returning|throwing|serving|spitting out|erroring with|failing with|giving(?: us)?)"
    r" (?:a lot of |lots of |nothing but |only |random |intermittent )?(?:5\d\d|5xx)s?"
    r"(?: errors)?|(?:returning|throwing) (?:errors|timeouts|gateway errors))\b"
    r"(?P<rest>[^.?!\n]{0,80})")
_DOWN_SUBJECT = re.compile(
    rf"(?i)(?<![\w{LEADER}-])(?:{_SUBJECT})(?:'s|\u2019s| is| are| has been| have been|'s been"
    r"|\u2019s been| went| was| were| keeps| keep| started| just went)?"
    r" (?:all |completely |totally |fully |still |now |back |randomly |intermittently )?$")
# What says the outage is live and felt when the system is "the API", not ours by name.
_LIVE = re.compile(r"(?i)\bsince\b|\bagain\b|\bfor (?:everyone|everybody|all|every|most|many"
                   r"|\d+%)|\bcustomers?\b|\busers?\b|\bright now\b|\bon it\b|\binvestigating\b"
                   r"|\blooking into\b|\brolling back\b|\ball hands\b|\bincident\b"
                   r"|\U0001f525|\U0001f6a8|:fire:|:rotating_light:")
# Where "down" is no outage of ours: a test setup, a plan, a question, a figure, the build.
_NOT_OURS = re.compile(r"(?i)\?|\b(?:staging|dev|local|localhost|test|testing|ci|build|builds"
                       r"|sandbox|demo|preview|maintenance|planned|scheduled|will be|would be"
                       r"|might be|could be|if|when|whether|for me|my (?:internet|wifi|laptop"
                       r"|machine|phone)|isn'?t|not|no longer|never)\b|\bdown (?:to|by|from)\b"
                       r"|\d+(?:\.\d+)?\s?%")
# "Traffic to our landing page is down": a figure of the site fell, the site is up.
_MEASURE_OF = re.compile(r"(?i)\b(?:traffic|visits|visitors|views|sign-?ups|conversions?|usage"
                         r"|revenue|sales|load|requests|spend|costs?)\s+(?:to|on|of|from|for|at)\s+$")
_SINCE = re.compile(r"(?i)\bsince ((?:\d{1,2}(?::\d\d)?\s?(?:am|pm)?|monday|tuesday|wednesday"
                    r"|thursday|friday|saturday|sunday)\b)")


def site_down(clause: str, low: str, ctx: Context) -> Found | None:
    """Our site, app or API down as the team says it: by our own address, as "our site", or as
    "the API" with the people hit or the team on it."""
    down = _DOWN.search(clause)
    if down is None:
        return None
    head = max(0, down.start() - 80)
    m = _DOWN_SUBJECT.search(clause, head, down.start())
    if m is None or _NOT_OURS.search(ctx.sentence or clause) \
            or _MEASURE_OF.search(clause, 0, m.start()):
        return None
    addr, our = m.group("addr"), m.group("our")
    if addr and (ctx.company is None or ctx.company.search(addr.replace(LEADER, " ")) is None):
        return None
    if not addr and not our and not _LIVE.search(down.group("rest")) \
            and not _LIVE.search(ctx.sentence or clause):
        return None
    what = addr.replace(LEADER, ".") if addr else (our or m.group("the")).split(" ")[-1]
    what = what if addr else _PROPER.get(what.lower(), what.capitalize())
    state = down.group("state").lower()
    since = _SINCE.search(down.group("rest"))
    title = f"Outage: {what} {state}" + (f" since {since.group(1)}" if since else "")
    return Found(T.TECHNICAL_ACHIEVEMENT, {"incident": "outage"}, title, m.start(), negative=True)


_PROPER = {"api": "API", "app": "App", "site": "Site", "website": "Website"}


# --- others' launches, deals and awards --------------------------------------------------------

# A name as it opens a clause: "Globex", "Pied Piper", "Money20/20", "AWS".
_NAME = r"(?:[A-Z][\w&'./-]*(?: (?:[A-Z0-9][\w&'./-]*|of|&))*)"
_AND = r"(?:^|[.,;:!\u2014\u2013-]\s*|\b(?:and|so|also|btw|fyi|news:|heads up:?)\s+)"

# Platforms and vendors whose releases a team passes on, written as teams write them.
_VENDOR = (r"(?i:postgres(?:ql)?|mysql|redis|python|node(?:\.?js)?|go|rust|java|ruby|rails|django"
           r"|react|next\.?js|typescript|kubernetes|k8s|docker|chrome|safari|firefox|ios|android"
           r"|macos|windows|linux|ubuntu|aws|gcp|azure|cloudflare|vercel|netlify|github|gitlab"
           r"|stripe|twilio|snowflake|databricks|openai|anthropic|slack|shopify|supabase|heroku"
           r"|fly\.io|datadog|sentry|figma|notion|xcode|swift|kotlin|elasticsearch|kafka|spark)")
# Someone else's release: "Vercel's new build cache is live", "Postgres 17 landed", "python 3.13
# is out", "Snowflake's new Iceberg support, which went GA".
_RELEASE = (r"(?i:is (?:now )?(?:live|out|ga|generally available|available)|went (?:ga|live)"
            r"|landed|shipped|dropped|released|launched|rolled out|opened)")
# A vendor's release opens its clause ("Postgres 17 landed", "heads up: Node 22 is out"); after
# "the", "our", our name or "former" the vendor's name is a part of ours ("the Rust rewrite
# shipped", "The Acme iOS app is live", "led by former Stripe executives ... launched Relay").
_OPENS = r"(?:^\W{0,3}|[\n.,;:!]\s*|\b(?:and|so|btw|fyi|news:?|up:)\s+)"
_OUR_WORK = (r"(?!\s(?:rewrite|migration|upgrade|port|integration|app|extension|plugin|sdk"
             r"|connector))")
_THEIR_RELEASE = re.compile(
    rf"(?<![\w'])(?P<owner>{_NAME})(?:'s|\u2019s) (?:new |latest |shiny )?(?:[\w.-]+,? ){{0,4}}?"
    rf"(?:which (?:has |just )?)?(?:{_RELEASE})\b"
    rf"|{_OPENS}(?P<vendor>{_VENDOR})(?: v?\d+(?:\.\d+)*)?\b{_OUR_WORK}(?: [\w.-]+){{0,2}}?"
    rf",? (?:which (?:has |just )?)?(?:{_RELEASE})\b")
# Our own doing with their release ("we moved to", "we upgraded to"): a result of ours.
_WE_DID = re.compile(r"(?i)\b(?:we|we've|we have|i|the team)(?: just| finally)? (?:moved|migrated"
                     r"|switched|upgraded|adopted|rolled out|turned on|enabled|rebuilt|rewrote"
                     r"|launched|shipped|released|cut|tuned|optimi[sz]ed|built)\b"
                     r"|\bour (?:new|own)\b")

# "The acquisition of Initech by Globex closed": a buyer after "by".
_ACQUISITION_BY = re.compile(rf"\b(?:acquisition|purchase|takeover|buyout) of (?P<target>{_NAME})"
                             rf" by (?P<buyer>{_NAME})")
# "Initech took home the Best Fintech award": the winner opens the clause.
_OTHER_WON = re.compile(rf"{_AND}(?P<who>{_NAME}) (?:just |also |recently |officially )?(?:won"
                        r"|wins|took home|picked up|scooped|bagged|received|was named|were named"
                        r"|has won|have won|is named|earned)\b")
# "RethinkDB is the third database in their product lineup, launching alongside their existing
# support for MongoDB": a partner's launch, told by its owner's "their".
_THEIR_LINEUP = re.compile(r"(?i)\btheir (?:new |existing |own )?(?:product )?(?:lineup|line-up"
                           r"|service|services|offering|catalog(?:ue)?|existing support)\b")
# "RethinkDB is the third database in their product lineup": we are a part of their offering.
# "their hosted Acme deployments": a partner's service run on ours.
_IN_THEIR_LINEUP = re.compile(r"(?i)\b(?:in|to|into|joins) their (?:new |existing )?(?:product )?"
                              r"(?:lineup|line-up|catalog(?:ue)?|offering|portfolio)\b"
                              r"|\btheir (?:new )?(?:hosted|managed|fully managed) ")
_WE_OUR = re.compile(r"(?i)\b(?:we|we're|we've|our|us)\b")
_LAUNCH_OR_TECH = frozenset({T.PRODUCT_LAUNCH, T.TECHNICAL_ACHIEVEMENT})


def _ours(name: str, company: re.Pattern[str] | None) -> bool:
    return company is not None and company.search(name) is not None


def _their_release(sentence: str, company: re.Pattern[str] | None) -> str | None:
    """The name of another's release the sentence tells of, with none of our doing in it."""
    if _WE_DID.search(sentence):
        return None
    for m in _THEIR_RELEASE.finditer(sentence):
        who = m.group("owner") or m.group("vendor") or ""
        if who and not _ours(who, company) and who.lower() not in _NOT_OWNERS:
            return who
    return None


_NOT_OWNERS = frozenset({"today", "yesterday", "this week", "it", "that", "what", "there", "here",
                         "everyone", "the team", "team", "v1", "v2", "v3"})


def veto(found: Found, clause: str, sentence: str, company: re.Pattern[str] | None
         ) -> str | None:
    """Why a reading is another's launch, deal or award told beside ours, or None."""
    if found.negative:
        return None
    if found.event_type in _LAUNCH_OR_TECH:
        who = _their_release(sentence, company)
        if who is not None:
            return f"{who}'s release, not ours"
    if found.event_type is T.PRODUCT_LAUNCH and not _WE_OUR.search(sentence) \
            and (_IN_THEIR_LINEUP.search(sentence) or (_THEIR_LINEUP.search(sentence)
                                                       and not _ours(clause, company))):
        return "a launch in their lineup, not ours"
    if found.event_type is T.OTHER and found.subtype == "acquisition":
        m = _ACQUISITION_BY.search(sentence)
        if m and not _ours(m.group("buyer"), company) and not _ours(m.group("target"), company):
            return f"{m.group('buyer')}'s acquisition, not ours"
    if found.subtype == "award":
        m = _OTHER_WON.search(clause)
        if m and not _ours(m.group("who"), company) \
                and m.group("who").lower().split(" ")[0] not in _WE_WORDS:
            return f"{m.group('who')}'s award, not ours"
    return None


# "Our CTO was named an AWS Hero", "We won ...": the winner is one of us.
_WE_WORDS = frozenset({"we", "our", "i", "my", "us", "team"})


# --- ours, in words the other readers miss -----------------------------------------------------

# "Initech acquired us", "Globex has bought Acme": we are the one bought.
_BOUGHT_US = re.compile(rf"(?P<buyer>{_NAME}) (?:has |have |just |officially |has officially )?"
                        r"(?:acquired|bought|snapped up|took over) (?P<us>us\b|[A-Z][\w.-]*)")


def acquired_us(clause: str, low: str, ctx: Context) -> Found | None:
    """The company bought, told with the buyer as the subject."""
    m = _BOUGHT_US.search(clause)
    if m is None or _ours(m.group("buyer"), ctx.company):
        return None
    if m.group("us") != "us" and not _ours(m.group("us"), ctx.company):
        return None
    name = m.group("buyer")
    return Found(T.OTHER, {"subtype": "acquisition", "target": "us", "acquirer": key(name)},
                 f"Acquired by {name}", m.start(), subtype="acquisition", stakeholders=(name,),
                 relational=True)


# "Acme won Best DevTool at DevWeek", "we were named Product of the Year by DevWeek": an award
# named by its title, without the word "award".
_BEST = re.compile(
    r"(?P<who>\b(?i:we|we've|our (?:team|company|product|app))\b|[A-Z][\w.-]*)"
    r" (?:just |also |officially )?(?:won|took home|picked up|scooped|bagged"
    r"|(?:were|was|got|have been|has been) (?:named|voted|crowned))"
    r" (?:the |a |an )?(?:#1 )?(?P<award>(?:Best|Top|Most) [\w&'.-]+(?: (?!at\b|in\b|by\b|from\b)"
    r"[\w&'.-]+){0,4}|(?:[\w&'.-]+ ){1,3}of the (?i:year|month|week|day))"
    r"(?: (?P<prep>at|in|by|from) (?:the )?(?P<by>[A-Z][\w&'./-]*(?: [A-Z0-9][\w&'./-]*){0,3}))?")


def best_won(clause: str, low: str, ctx: Context) -> Found | None:
    """An award won by us, named by its title."""
    m = _BEST.search(clause)
    if m is None:
        return None
    who = m.group("who")
    if who[:1].isupper() and who.lower() not in ("we", "we've") and not _ours(who, ctx.company):
        return None
    prep = "by" if m.group("prep") in ("by", "from") else "at"
    award = m.group("award") + (f" {prep} {m.group('by')}" if m.group("by") else "")
    return Found(T.MEDIA_COVERAGE, {"subtype": "award", "name": key(award)}, f"Award: {award}",
                 m.start(), subtype="award", relational=True)


# "acme went live on product hunt today", "we launched on Hacker News": a launch told by where it
# happened, the company as the subject in any case (chat writes names in lower case).
_LAUNCH_SITE = re.compile(
    r"(?i)(?P<who>\b(?:we|we're|we've|our (?:product|app|company|startup))\b|[\w.-]+)"
    r" (?:just |officially |finally |are |is |have |has )?(?:now )?(?:went live|launched|live"
    r"|launching today|launched today|been launched) on (?P<site>product ?hunt|hacker news|show hn"
    r"|appsumo|betalist)\b")
_SITES = {"producthunt": "Product Hunt", "product hunt": "Product Hunt",
          "hacker news": "Hacker News", "show hn": "Hacker News", "appsumo": "AppSumo",
          "betalist": "BetaList"}


def launch_site(clause: str, low: str, ctx: Context) -> Found | None:
    """Our launch on a launch site (Product Hunt, Hacker News), said by us or by our name."""
    if "hunt" not in low and "hn" not in low and "news" not in low and "sumo" not in low \
            and "betalist" not in low:
        return None
    m = _LAUNCH_SITE.search(clause)
    if m is None:
        return None
    who = m.group("who").lower()
    if not (who.startswith(("we", "our")) or _ours(m.group("who"), ctx.company)):
        return None
    site = _SITES[m.group("site").lower()]
    return Found(T.PRODUCT_LAUNCH, {"launch_site": key(site)},
                 f"Launched on {site}", m.start())


# --- a partner offering our product ------------------------------------------------------------

# "Hosted Acme deployments in the cloud now available from Compose", "Our friends at Compose now
# offer Acme hosting", "DigitalOcean now offers a one-click Acme droplet": the partner's launch
# of a service built on ours is a partnership, not a launch of ours. A store, a package index or
# a day after "from" is where or when our own launch is found ("now available from the App
# Store", "available from today").
_OUR = r"(?P<ours>\b(?:our|we)\b|[A-Z][\w.-]*)"
_OFFERED_FROM = re.compile(
    rf"{_OUR}(?: [\w-]+){{0,5}}? (?:is |are )?now (?:officially )?(?:available|offered|sold)"
    rf" (?:from|through|via|by) (?:the )?(?P<partner>{_NAME})")
_OFFERS_US = re.compile(
    rf"(?:\bat |^|[.!]\s)(?P<partner>{_NAME}) (?:now |just |today |officially )?"
    rf"(?:offers?|provides?|launched|sells?|rolled out) (?:a |an )?(?:[\w-]+ ){{0,3}}?{_OUR}"
    r"(?: [\w-]+)?(?: hosting| as a service| droplets?| clusters?| deployments?| instances?)\b")
# What each shape cannot do without, checked before its pattern runs.
_FROM_CUE = re.compile(r"(?:available|offered|sold) (?:from|through|via|by)\b")
_SERVICE_CUE = re.compile(r"\b(?:offers?|provides?|sells?|launched|rolled out)\b[^.]{0,60}"
                          r"\b(?:hosting|as a service|droplets?|clusters?|deployments?|instances?)"
                          r"\b")
_CHANNELS = frozenset({"the app store", "app store", "google play", "the play store", "npm",
                       "pypi", "homebrew", "docker hub", "github", "today", "tomorrow", "now",
                       "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday", "january", "february", "march", "april", "may", "june", "july",
                       "august", "september", "october", "november", "december"})


def _overlapping(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Every match of ``pattern``, one at each start (a name that is not ours may open a match
    that hides the one starting at ours), at most a few."""
    out: list[re.Match[str]] = []
    m = pattern.search(text)
    while m is not None and len(out) < 4:
        out.append(m)
        m = pattern.search(text, m.start() + 1)
    return out


def offered_by_partner(clause: str, low: str, ctx: Context) -> Found | None:
    """Our product offered by a partner as their service."""
    found = _overlapping(_OFFERED_FROM, clause) if _FROM_CUE.search(low) else []
    if _SERVICE_CUE.search(low):
        found += _overlapping(_OFFERS_US, clause)
    for m in found:
        ours, partner = m.group("ours"), m.group("partner").strip()
        if not (ours.lower() in ("our", "we") or _ours(ours, ctx.company)):
            continue
        if _ours(partner, ctx.company) or partner.lower() in _CHANNELS \
                or partner.lower().split(" ")[0] in ("our", "the", "a", "an"):
            return None
        return Found(T.PARTNERSHIP, {"partner": key(partner)}, f"Partnership with {partner}",
                     m.start("partner"), relational=True, stakeholders=(partner,))
    return None


# --- "you guys made reddit" ----------------------------------------------------------------------

# Chat's short form of a front page reached: "you guys made reddit, btw", "we made HN!!", "acme
# made hacker news again". Not a thing made for a site ("we made a reddit account", "made reddit
# ads"), a question, or another's post.
_MADE_SITE = re.compile(
    r"(?i)(?P<who>\b(?:we|we've|you guys|y'all|you all|u guys|our (?:[\w-]+ )?(?:post|launch"
    r"|announcement|article|repo|talk|video|story))\b|[\w.-]+)"
    r" (?:just |finally |totally |actually )?made (?:it (?:to|onto) )?"
    r"(?P<site>reddit|hacker news|hn|slashdot|techmeme|r/\w+)\b"
    r"(?! (?:ads?|accounts?|posts?|threads?|api|bots?|comments?|apps?)\b)")


def made_site(clause: str, low: str, ctx: Context) -> Found | None:
    """Our post or our name on a site's front page, in chat's short form."""
    if " made " not in low:
        return None
    m = _MADE_SITE.search(clause)
    if m is None or "?" in (ctx.sentence or clause):
        return None
    who = m.group("who").lower()
    if not (who in ("we", "we've", "you guys", "y'all", "you all", "u guys")
            or who.startswith("our ") or _ours(m.group("who"), ctx.company)):
        return None
    site = m.group("site").lower()
    name = "Hacker News" if site in ("hn", "hacker news") else f"Reddit ({site})" \
        if site.startswith("r/") else site.capitalize()
    return Found(T.MEDIA_COVERAGE, {"publication": key(name)},
                 f"Reached the front page of {name}", m.start(), relational=True,
                 stakeholders=(name,), subtype="ranking")
