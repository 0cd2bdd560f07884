"""The scope of a launch: was what went out a product of ours, or something smaller or someone
else's told in launch words?

LABELLING.md counts "a product reaching launch / GA / public release (not a routine patch or
app-store update)". Founders, release notes, press desks and community chat use the same verbs
("launched", "shipped", "rolled out", "is live", "now available") for much less, and the other
launch readers take the nearest name as the product ("Launched Pro" for "rolled out bulk
editing for all Pro users"). Each family below is a wording seen across registers (Slack,
founder update, press release, release note, community chat), with the look-alike that stays a
launch:

- **An initiative, a process, a programme, money, a promotion, a page or a document**: "we
  launched an initiative to figure out SEO", "launches $5M fund to support developers", "a new
  onboarding email sequence", "launched a referral program", "a brand new [Privacy Policy and
  Terms of Use]", "our new homepage went live", "launched our Series A announcement", "unveils
  new leadership structure", internal tooling ("rolled out the new CI pipeline"). Look-alike: a
  product whose name holds the word, capitalised ("Acme Fund Manager", "Acme Forum, a
  community platform").
- **A feature nobody names**: "Today we're launching a new cool feature.", "we shipped two new
  features this week", "launches new features to help retailers". A named feature is left to
  the launch readers: the corpus labels "two new fields for custom modules", "Multi-Factor
  Authentication is Here", "Released annual plans" and "Electric Cloud pricing is live" as
  launches, so prices, plans, docs and named features are not vetoed here. Nor is an update
  of a product ("major updates to the Leaderboards" is no launch, "an update to our CMS
  Developer Documentation" is labelled one).
- **A feature's audience or version read as the product**: "rolled out bulk editing for all
  Pro users" ("Launched Pro"), "v2 of the onboarding flow". Look-alike: "just shipped v2 of
  the dashboard".
- **A part of a larger thing**: "the first version of New Reader Orientation, a crucial
  portion of the larger New Reader Experience", "Phase one of the migration is live", "Part 1
  of the new editor is out", "Season 3 of the leaderboard just launched". Look-alikes: "the
  first version of Acme Notes" with no larger whole named; "a new system for webhooks ...
  under development as part of our larger beta plans" (the context, not an apposition).
- **A small beta**: "shipped a TestFlight build to our alpha testers", "the beta went out to
  10 testers", "an MVP of the reporting tool to our first pilot customer", "a beta of the
  Slack integration to our 5 design partners". Look-alikes:
  "Acme Studio enters public beta", "open beta", and a product opened to its first outside
  users ("Relay Cloud opens its private beta to the first 50 teams": shipped.py reads it as a
  launch, and the corpus labels it so).
- **A platform everyone builds on, its own release passed on**: "FYI Postgres 17 was released
  yesterday". Look-alikes: ours on or for it ("Readup is available on Firefox", "our new
  Deno runtime", "our iOS app", "now supports React 19").
- **A person, not a product**: "Last month I introduced Jane Doe, who will be working with us"
  (a name followed by "who"). Look-alike: "Introducing Acme Pay, which lets shops take
  payments".
- **A member's or a third party's release in a community**: "[ANN] Foo.jl v1.0 is out",
  "v1.0 of my library, TinyCSV", "I released version 2.0 of my package Plots.jl", "We (the
  SciML team) just released DifferentialEquations 8.0", "DataFrames.jl 1.6 is out" (a
  language package named by its file suffix, not the company), "Shameless plug: I just
  launched Zapform", "version 1.2 of the community plugin is out", "Our startup just launched
  Zaply, a calendar app built on Acme". Look-alikes: the company's own release in its own
  channel ("📣 Relay CLI v2.3.0 is out", "Acme.js 3.0 is out", "We (the Acme team) just
  released Relay 8.0"). A bare "We just released Pluto 0.14!" in a language community's Slack
  stays a launch: nothing in the text says who speaks.

``veto`` runs on a launch reading that passed every other check.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Found
from signalpipe.extract.rules.subject import FIRST_PERSON
from signalpipe.models import EventType

T = EventType

_VERB = (r"(?:launch(?:ed|es|ing)?|releas(?:ed|es|ing|e)|ship(?:ped|s|ping)?|introduc(?:ed|es"
         r"|ing|e)|unveil(?:ed|s|ing)?|roll(?:ed|s|ing)?\s+out|debut(?:ed|s|ing)?|announc(?:ed"
         r"|es|ing|e)|push(?:ed|es|ing)|kick(?:ed|s|ing)?\s+off|went\s+live|go(?:es|ing)?\s+live"
         r"|add(?:ed|s|ing)|publish(?:ed|es|ing))")
# Words that end the launched thing's noun phrase: a preposition, a relative, a time word.
_STOP = (r"(?:to|for|with|that|which|who|in|on|at|across|from|by|and|so|as|of|this|today"
         r"|yesterday|last|we|where|after|before|into|inside|within|under|via|is|are|was|now)")
_END = r"(?=\s*$|\s*[.,;:!?()\]\u2013\u2014-]|\s+" + _STOP + r"\b)"
# Up to four words of the phrase before its head, none of them a phrase-ending word.
_LEAD = r"(?:(?!" + _STOP + r"\b)[\w$&'./+-]+\s+){0,4}?\[?"

# What a launch is not, named by the head of what went out (lower case as written, or a
# headline's title case): an initiative, a process, a programme, money, a promotion, an event,
# a company page or document. Prices, plans, docs and features are left alone: release posts
# announce them as launches and the corpus labels them so ("Released annual plans", "Electric
# Cloud pricing is live", "Multi-Factor Authentication is Here").
_EFFORT = (r"initiative|effort|push|drive|process|programm?e?s?|fund|grants?"
           r"|challenge|contest|competition|hackathon|giveaway|sweepstakes|sale|discount"
           r"|promotion|promo|survey|poll|tour|meetups?|conference|summit|webinars?|workshops?"
           r"|bootcamp|cohort|office\s+hours|(?:email|drip|nurture)\s+sequence|newsletter|blog|podcast|forum|wiki|handbook"
           r"|privacy\s+policy|terms\s+of\s+(?:use|service)|website|homepage|landing\s+page"
           r"|brand|branding|logo|roadmap|status\s+page|help\s+cent(?:er|re)|fellowship"
           r"|residency|accelerator|ci(?:/cd)?\s+pipeline|build\s+system"
           r"|on-?call\s+rotation|runbooks?|playbooks?|linter|announcement|press\s+release"
           r"|structure|reorg\w*|org(?:ani[sz]ation(?:al)?)?\s+chart")
_NOT_PRODUCT = re.compile(r"(?i)\b" + _VERB + r"[:\s]+" + _LEAD + r"(?P<head>" + _EFFORT + r")"
                          + _END)
# The same things told as the subject: "Early-bird pricing is now live", "the new website is
# live", "our referral programme is live".
_NOT_PRODUCT_LIVE = re.compile(
    r"(?i)\b(?P<head>" + _EFFORT + r")\s+(?:(?:is|are|has|have|been|just|now|officially"
    r"|finally|also)\s+)*(?:live|available|out|here|launched|released|shipped|rolled\s+out"
    r"|landed|dropped)\b")
# A feature nobody names: "Today we're launching a new cool feature.", "we shipped two
# features this week", "rolled out a bunch of improvements". A named feature ("two new fields
# for custom modules", "Multi-Factor Authentication is Here") is left to the launch readers.
_UNNAMED = re.compile(r"(?i)\b" + _VERB + r"[:\s]+(?:(?:a|an|the|some|two|three|four|a\s+few"
                      r"|several|a\s+bunch\s+of|lots\s+of|many|new|cool|great|small|nice"
                      r"|handy|awesome|exciting|big|major|minor|little)\s+){1,5}(?:features?"
                      r"|improvements|fixes|tweaks|changes|updates)(?=\s*(?:$|[.!]|\s+(?:this"
                      r"|last|today|yesterday|to\s+(?:help|make|let|give|improve|simplify"
                      r"|streamline|boost))\b))")
_VERSION_OF_FEATURE = re.compile(r"(?i)\b(?:v\d+|version\s+\d+)\s+of\s+(?:the|our|its)\s+"
                                 r"(?:new\s+)?(?:[\w-]+\s+)?(?:flow|onboarding|page|tab|view"
                                 r"|ui|design|layout|process|website|homepage|site|blog)\b")
# The name read is the audience a feature opened to: "bulk editing for all Pro users".
_AUDIENCE = re.compile(r"(?i)\b(?:for|to)\s+(?:all\s+|every\s+)?(?:our\s+|your\s+|the\s+)?"
                       r"(?P<aud>[\w-]+(?:\s+[\w-]+)?)\s+(?:users|customers|plans?|accounts"
                       r"|workspaces|teams|subscribers|members|tiers?|organi[sz]ations)\b")
# A company document is written with capitals and still names no product: "a brand new
# [Privacy Policy and Terms of Use](...)".
_DOCUMENT = re.compile(r"(?i)privacy\s+policy|terms\s+of\s+(?:use|service)")
# What a product is said to be beside those words: "Acme Insights, our new analytics
# product", "a new app", "a platform for field teams" keep the launch.
_A_PRODUCT = re.compile(r"(?i)\b(?:product(?:\s+line)?|app|application|platform|service"
                        r"|engine|device|tool|sdk|api|cli|server|database|suite|solution)\b")

# A part of a larger thing: "a crucial portion of the larger New Reader Experience", "Phase
# one of the migration", "Part 1 of the new editor", "Season 3 of the leaderboard".
_PART_OF_LARGER = re.compile(r"(?i),\s+(?:a|an|the|one)\s+(?:[\w-]+\s+){0,2}?(?:portion|part"
                             r"|piece|component|building\s+block|cornerstone|slice|chunk"
                             r"|first\s+step)\s+of\s+(?:the|our|its|a)\s+(?:\w+\s+)?(?:larger"
                             r"|bigger|broader|wider|overall|full|whole|complete|upcoming)\b")
_PART_NUMBERED = re.compile(r"(?i)(?:^|\b(?:the|our)\s+)(?:(?:first|second|third|next|final"
                            r"|last)\s+)?(?:phase|part|step|stage|chapter|season|episode|wave"
                            r"|round|batch|milestone|installment|instalment)(?:\s+(?:\d+|one|two"
                            r"|three|four|five|i{1,3}|iv))?\s+of\b")

# A small beta: a build for testers, not a release.
_SMALL_BETA = re.compile(r"(?i)\btestflight\b|\b(?:alpha|beta)\s+testers\b|\binternal\s+(?:alpha"
                         r"|beta)\b|\bto\s+(?:a\s+handful\s+of|a\s+few|[1-9]|[1-4]\d)\s+(?:\w+\s+)?"
                         r"testers\b|\bto\s+a\s+handful\s+of\b|\bto\s+(?:our\s+|the\s+)?(?:first"
                         r"\s+|initial\s+)?(?:pilot|design[- ]partner)\s+(?:customers?|users?"
                         r"|partners?|group)\b|\bto\s+(?:our\s+|the\s+)?(?:[1-9]|1\d|20|a\s+few"
                         r"|a\s+handful\s+of)\s+(?:\w+\s+)?(?:design\s+partners|pilot\s+customers"
                         r"|(?:alpha|beta)\s+(?:users|customers))\b")

# A release of a platform everyone builds on, passed on in chat ("FYI Postgres 17 was
# released yesterday", "now supports Docker Compose v2, released today"): the name the reading
# took is the platform's, and it is no company's launch of its own unless it is the company.
_PLATFORM = re.compile(r"(?i)(?:postgres(?:ql)?|mysql|sqlite|redis|kafka|mongodb|elasticsearch"
                       r"|node(?:\.?js)?|python|ruby|rails|php|java|kotlin|swift|go(?:lang)?|rust"
                       r"|typescript|deno|bun|react(?:\s+native)?|vue|angular|svelte|next\.js|django"
                       r"|flask|laravel|kubernetes|k8s|docker(?:\s+compose)?|terraform|ios|ipados"
                       r"|macos|android|windows|ubuntu|debian|chrome|firefox|safari|xcode|llvm|gcc"
                       r"|linux|openssl)(?:\s+v?\d+(?:\.\d+)*)?")

def platform_subject(head: str, clause: str, company: re.Pattern[str] | None) -> str | None:
    """The platform a clause is about when it opens on one and never speaks for us: "Postgres 17
    brings up to 2x faster vacuum" is Postgres's release note, "our Postgres 17 upgrade cut p99
    in half" is ours."""
    m = _PLATFORM.match(head.lstrip(" -*\u2022>#"))
    if m is None or FIRST_PERSON.search(clause) or (company is not None
                                                   and company.search(clause)):
        return None
    return m.group()


_FOR_PLATFORM = re.compile(r"\s+(?:app|apps|client|version|sdk|integration|extension|plugin"
                           r"|build|support|edition|port)\b")
# The platform's own release told: "Postgres 17 was released yesterday", "Node 22 is out".
_RELEASED = re.compile(r"(?:\s+v?\d+(?:\.\d+)*)?\s+(?:(?:was|is|has\s+been|have\s+been|just"
                       r"|got|finally|now)\s+)*(?:released|out|available|shipped|launched|here"
                       r"|generally\s+available|dropped|landed|arrived)\b")
# a platform's release cheered in chat: "Congrats to everyone on Rails 8.0!"
_CHEERED_BEFORE = re.compile(r"\b(?:congrats|congratulations|kudos)\b[^.!?]{0,40}\bon\s+"
                             r"(?:the\s+)?$")
# What before the platform's name makes it ours: "available on Firefox", "now supports React
# 19", "our new Deno runtime", "Acme for Windows".
_OURS_BEFORE = re.compile(r"(?:\bon|\bfor|\bsupports?|\bsupport\s+for|\bour(?:\s+new)?|\bwith)\s+$")

# A person, not a product: the name read is followed by "who" ("I introduced Jane Doe, who
# will be working with us on the API").
_WHO = re.compile(r",?\s+who\b")

# A member's or a third party's release in a community: an announcement tag, a member's own
# package, a language package named by its suffix, another team speaking.
_ANN = re.compile(r"^\W{0,3}(?:\[\s*ann\s*\]|ann\s*:)", re.IGNORECASE)
_MINE = re.compile(r"(?i)\bmy\s+(?:(?:new|first|latest|little|own|small|open[- ]source|humble"
                   r"|tiny)\s+){0,4}(?:package|library|lib|plugin|extension|add-?on|crate|gem"
                   r"|module|script|(?:side|hobby|toy|pet|weekend)[- ]project|project|wrapper"
                   r"|bindings?|port|fork)s?\b")
# A member's own work by how it is offered, or by whom it is made.
_PLUG = re.compile(r"(?i)\bshameless(?:ly)?\s+plug|\bself[- ]promo(?:tion)?\b|\bcommunity[- ]"
                   r"(?:made\s+|built\s+|maintained\s+)?(?:plugin|package|library|theme"
                   r"|extension|module|edition|build|port|fork|client)s?\b")
_PACKAGE = re.compile(r"\b[A-Za-z][\w-]*\.(?:jl|py|rs|rb|ex|nvim|vim|el)\b")
_OTHER_TEAM = re.compile(r"(?i)\bwe\s*\(\s*(?:the\s+)?(?P<who>[\w .&-]{2,40}?)\s+(?:team|devs"
                         r"|developers|maintainers|folks|authors)\s*\)|\bon\s+behalf\s+of\s+the"
                         r"\s+(?P<who2>[\w .&-]{2,40}?)\s+(?:team|devs|developers|maintainers"
                         r"|authors)\b")
_OUR_STARTUP = re.compile(r"(?i)\b(?:our|my)\s+(?:startup|company|agency|team|side[- ]project)"
                          r"\s+(?:(?:just|has|have|finally|officially)\s+)*(?:launch|releas"
                          r"|ship)\w*\b[^.!?]{0,80}?\b(?:built|made|running|powered)\s+(?:on|with"
                          r"|using|by|on\s+top\s+of)\s")

# The product word just before a feature's head names whose feature it is: "in its mobile
# app", "the iOS app's new search".
_OWNER_BEFORE = re.compile(r"(?i)\b(?:app|platform|product|service)(?:'s)?\s+(?:\w+\s+){0,2}$")
_WORD = re.compile(r"[A-Za-z]{4,}")


def veto(found: Found, clause: str, sentence: str,
         company: re.Pattern[str] | None) -> str | None:
    """Why a launch reading of ``clause`` (in ``sentence``) is no launch of our product, or
    None."""
    if found.event_type is not T.PRODUCT_LAUNCH or found.negative:
        return None
    product = str(found.metrics.get("product", "")).strip().lower()
    if product and _PLATFORM.fullmatch(product) and not _ours_for(clause, product) and not (
            company is not None and company.search(product)):
        return f"a release of {product}, a platform others build on, not ours"
    if product and _WHO.match(clause.lower(), clause.lower().find(product) + len(product)) \
            and product in clause.lower():
        return f"a person ({product}), not a product"
    return _community(clause, sentence, product, company) or _part(clause, sentence) \
        or _small_beta(clause) or _deploy(clause) or _not_product(clause, product)


# "The Billing Service is live in production", "Postgres 16 went live in prod": a deploy, which
# LABELLING.md calls routine; a launch to people says so ("live in production for all users")
_IN_PRODUCTION = re.compile(r"(?i)\b(?:is|are|went|goes|now|got)\s+live\s+in\s+prod(?:uction)?\b")
_TO_PEOPLE = re.compile(r"(?i)\b(?:customers?|users?|everyone|public|publicly|general\s+"
                        r"availability|GA|clients?|launch(?:ed|es)?)\b")


def _deploy(clause: str) -> str | None:
    if _IN_PRODUCTION.search(clause) and not _TO_PEOPLE.search(clause):
        return "a deploy to production, not a launch to customers"
    return None


def _not_product(clause: str, product: str) -> str | None:
    """An initiative, a programme, a page or an unnamed feature told in launch words."""
    if product:
        audience = _AUDIENCE.search(clause)
        if audience is not None and product == audience.group("aud").lower():
            return f"a feature opened to {audience.group('aud')} users, not a product launch"
    if _VERSION_OF_FEATURE.search(clause):
        return "a new version of a feature, not a product launch"
    unnamed = _UNNAMED.search(clause)
    if unnamed is not None and not _names_else(clause, product, unnamed):
        return "a feature nobody names, not a product launch"
    title_case = _title_case(clause)
    for m in (*_NOT_PRODUCT.finditer(clause), *_NOT_PRODUCT_LIVE.finditer(clause)):
        head = m.group("head")
        if head[:1].isupper() and not title_case and m.start("head") > 0 \
                and not _DOCUMENT.fullmatch(head) and not head[:2].isupper():
            continue  # "Acme Fund", "Forum": a name, not the common word
        if _names_else(clause, product, m) or (
                _A_PRODUCT.search(clause, 0, m.start("head")) and not _owner_before(clause, m)):
            continue  # "launched a new TinyPilot product and debuted a new logo": the product
        return f"no product launched ({head.lower()})"
    return None


def _names_else(clause: str, product: str, m: re.Match[str]) -> bool:
    """The reading's product is named before the words matched, and not as the one who
    launches: the clause tells two things and the reading is of the other one ("launched a
    new TinyPilot product and debuted a new logo"; not "Acme launches $5M fund")."""
    if not product or product in m.group().lower():
        return False
    at = clause.lower().find(product)
    return 0 <= at < m.start() and bool(clause[at + len(product):m.start()].strip())


def _owner_before(clause: str, m: re.Match[str]) -> bool:
    """The product word before the head only says whose it is: "the app's new newsletter"."""
    return bool(_OWNER_BEFORE.search(clause, 0, m.start("head")))


def _ours_for(clause: str, product: str) -> bool:
    """The platform names what ours is for ("our iOS app", "Acme for Windows", "now supports
    React 19"), or the clause does not tell the platform's own release."""
    low = clause.lower()
    at = low.find(product)
    if at > 0 and _CHEERED_BEFORE.search(low, max(0, at - 60), at):
        return False
    return at < 0 or _FOR_PLATFORM.match(low, at + len(product)) is not None \
        or _OURS_BEFORE.search(low, max(0, at - 20), at) is not None \
        or _RELEASED.match(low, at + len(product)) is None


def _part(clause: str, sentence: str) -> str | None:
    """A part of a larger thing released."""
    if _PART_OF_LARGER.search(sentence):
        return "a part of a larger product, not a launch"
    if _PART_NUMBERED.search(clause.lstrip(" *_#>-\u2022")):
        return "a phase or part of a larger thing, not a launch"
    return None


def _small_beta(clause: str) -> str | None:
    """A build given to a few testers, not a public release."""
    if "public" in clause.lower() or "open beta" in clause.lower():
        return None
    m = _SMALL_BETA.search(clause)
    return f"a small beta ({m.group().lower()}), not a launch" if m else None


def _community(clause: str, sentence: str, product: str,
               company: re.Pattern[str] | None) -> str | None:
    """A member's or another team's release, told in a community's chat."""
    if company is not None and product and company.search(product) is not None:
        return None
    if _ANN.search(sentence) or _MINE.search(sentence) or _PLUG.search(sentence):
        return "a member's own release in a community, not the company's"
    package = _PACKAGE.search(clause)
    if package is not None and not (company is not None and company.search(package.group())):
        return f"a community package released ({package.group()}), not the company's"
    team = _OTHER_TEAM.search(sentence)
    if team is not None:
        who = team.group("who") or team.group("who2") or ""
        if company is None or company.search(who) is None:
            return f"another team's release ({who.strip()}), not the company's"
    if company is not None and _OUR_STARTUP.search(sentence):
        return "a member's product built on ours, not our launch"
    return None


def _title_case(clause: str) -> bool:
    """A headline in title case, where a common word is capitalised too."""
    words = _WORD.findall(clause)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
