"""Release language: what ``company.launch`` asks before it reports a launch of ours, and what
it was that launched.

A launch is a new product, a major version, a public launch / GA / "now available", a new platform
or app (shared LABELLING.md). Release notes, blogs and chat use the same verbs for much else:
someone else's release ("what Vercel just shipped"), backstory ("since we first released the
CLI", "after we launched in May 2019"), a process started ("launching a new server takes 2.5 s"),
a write-up introducing an idea ("this post introduces the pattern"), a changelog's pull-request
line, a report or a conference "unveiled" or "announced", a state abbreviation read as GA
("Albany, GA"), or a description of what is available ("which functions are available").

A release post also has wordings of its own ("Today we're shipping X", "we just pushed the first
version of X", "X is now in beta", "proud to announce the USRP N320"), and names what launched
in lower case ("the public API went live", "we shipped the new billing dashboard"): the thing
named is the event's identity, so two launches in one batch stay two events.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Found
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.names import key, name_after, name_before
from signalpipe.models import EventType, MetricValue

# Launch words ``company.LAUNCH`` lacks: "Today we're shipping one-click importers", "we just
# pushed the first version of Private Locations", "we have published our Raycast integration".
NEW_RELEASE = rx(
    r"\btoday,? (?:we'?re|we are) shipping\b|\b(?:we'?re|we are) shipping(?= [^.;]{0,60}\btoday\b)"
    r"|\b(?:pushed|shipped|released|published|launched) (?:the |my |our )?(?:very )?first"
    r" (?:public )?version of\b|\breleased (?:a |the )?(?:public |open )?beta (?:version )?of\b"
    r"|\b(?:i|we)(?: have| just|'ve)? (?:published|launched|released) (?:my|our|the|another|a"
    r"|an) (?:new |first |second |third |\w+ )?(?P<made>book|ebook|e-book|course|game|album)\b"
    r"|\b(?P<live>(?:is|are|went) (?:finally|officially) (?:live|out|here|available))\b"
    r"|(?P<intro>^\W*(?:announcing|introducing):\s)"
    r"|\b(?P<beta>(?:is|are) now in (?:public |open )?beta)\b"
    r"|\b(?P<isnew>is (?:a|our) (?:brand[- ])?new (?:[\w-]+ )?(?:primitive|product|tool|feature"
    r"|service|platform|app|api|sdk|library|engine|database|integration))\b(?! (?:provider|company"
    r"|startup|vendor|competitor|player|customer|partner)s?\b)"
    r"|\b(?P<ann>(?:proud|excited|pleased|thrilled|happy)\sto\s(?:announce|introduce|unveil"
    r"|present)\s(?:the\s|our\s)?(?:new\s|all-new\s)?)(?!(?:\w+\s){0,2}?(?:partnership"
    r"|collaboration"
    r"|agreement|deal|investment|round|raise|funding|acquisition|merger|appointment|hire|hiring"
    r"|that|our|results|winners?|award|addition|opening|launch|release|availability|general)\b)"
    r"|\b(?:we'?ve |we have |we )?published (?:our|the|a|an) (?:new |first )?(?P<obj>(?:[\w-]+ )"
    r"{0,2}(?:integration|extension|plugin|sdk|app|package|library|cli|template|action"
    r"|provider)s?)\b")
_OBJECT = re.compile(r"[\s*_:]*([\w'’./+-]+(?: [\w'’./+-]+){0,4}?)(?=\s*(?:[^\w\s'’/+-]|$)"
                     r"|\s(?:-|for|to|on|at|and|with|in|that|which)\s)")


def released(clause: str, m: re.Match[str]) -> str | None:
    """What a ``NEW_RELEASE`` phrase says was released: "Raycast integration", "importers"."""
    if m["obj"]:
        return clause[m.start("obj"):m.end("obj")]
    if m["made"]:
        return clause[m.start("made"):m.end("made")]
    if m["live"]:  # "our iOS app is finally live"
        return plain_product(clause, m, intransitive=True)
    if m["intro"]:  # "Introducing: The Status Page Theme Explorer"
        return name_after(clause, m.end(), within=30)
    if m["beta"] or m["isnew"]:  # "the Electric sync engine is now in BETA", "X is a new tool"
        return name_before(clause, m.start(), within=40)
    if m["ann"]:  # "proud to announce the USRP N320"
        return name_after(clause, m.end(), within=30)
    obj = _OBJECT.match(clause, m.end())
    what = _WHEN.sub("", _ARTICLE.sub("", obj.group(1).strip(" ."))) if obj else None
    return None if not what or _NOT_SHIPPED.search(what.lower()) else what


# Published or shipped, but no product: "the first version of the docs site".
_NOT_SHIPPED = rx(r"\b(?:docs?|documentation|website|site|blog|changelog|guide|tutorial"
                  r"|newsletter|orders?|units?|packages?|boxes|fix(?:es)?|hotfix|patch|bugs?"
                  r"|update|tweaks?)\b")
# What NEW_RELEASE cannot match without: checked as substrings first, as it runs on every
# launch clause.
NEW_WORDS = ("shipping", "first", "beta", "published", "proud", "excited", "pleased",
             "thrilled", "happy", "finally", "officially", "introducing:", "announcing:",
             "is a new", "is our new", "launched", "released")
# NEW_RELEASE groups whose product stands before the verb, as its subject ("X is now in beta")
NAMED_FIRST = frozenset({"live", "beta", "isnew"})
# Someone else shipped it: "what Vercel just shipped", "every major AI platform has now shipped",
# "a program run by Google Cloud, released ...".
OTHERS_RELEASE = re.compile(
    r"\bwhat [A-Z][\w.&-]*(?: [A-Z][\w.&-]*)? (?:just |recently |has |have )*(?:shipped|launched"
    r"|released|announced|introduced)\b"
    r"|\b(?i:every|all(?: of)?(?: the| these| those)?|most|many|other|several) (?:\w+ ){0,4}"
    r"(?i:platforms?|vendors?"
    r"|compan(?:y|ies)|providers?|competitors?|tools?|products?|players?|startups?) (?:\w+ ){0,2}"
    r"(?i:shipped|launched|released|introduced|rolled out)\b"
    r"|, who \[?(?:just |recently )?(?:launched|released|shipped)\b"
    r"|\bis a new (?:[\w-]+ ){0,3}(?:from|by) [A-Z]"
    r"|\b(?i:run|owned|built|made|maintained) by [A-Z][\w.&-]*(?: [A-Z][\w.&-]*)?\)?,? "
    r"(?:\[)?(?i:released|launched|shipped|announced|introduced)\b")
# The launch as a point in the past that something else is measured from.
BACKSTORY = rx(
    r"\b(?:since|after|when|before|until|ever since) (?:we |i |they )?\[?(?:first |initially "
    r"|originally )?\[?(?:released|launched|shipped|introduced|went live)\b"
    r"|\b(?:from|since|after|before|with|until) the \[?(?:first )?(?:release|launch) of\b"
    r"|\b(?:we|i) (?:had )?(?:launched|released) (?:it )?(?:back|years|months) ")
# The sentence is about another release: "To complement the 4.9 release, installers are out".
ALONGSIDE = rx(r"^\W*to (?:complement|celebrate|mark|accompany|coincide with) the "
               r"(?:[\w.-]+ ){0,4}?(?:release|launch)\b")
# Starting a process, not a product: "launching a clean Next.js server takes 2.5 seconds".
PROCESS = rx(r"\blaunch(?:ing|es)? (?:[\w.-]+ ){0,4}?(?:server|process|instance"
             r"|container|vm|browser|job|worker|binary|pod|task|shell|terminal|script)s?\b"
             r"|\blaunching [^;]{0,50}? (?:takes|took|requires|costs|needs)\b")
# A write-up, not a product: "This post introduces the Durable Session pattern".
WRITE_UP = rx(r"\b(?:post|article|blog|guide|talk|paper|chapter|section|tutorial|episode|video"
              r"|essay|thread|write-?up|piece) (?:\w+ )?introduc(?:es|ed)\b"
              r"|\bintroduc\w+ (?:the |a |an )?(?:[\w-]+ ){0,2}(?:concept|idea|pattern|stack|notion"
              r"|approach|architecture|principles?|framework for thinking)\b")
# A changelog's pull-request line: "19326 - async MCP discovery: Introduces ...", "(#4512)".
PR_LINE = re.compile(r"^\W{0,3}#?\d{3,6}\s*[-\u2013\u2014:]\s|\(#\d{2,6}\)|\b(?i:pr|pull request)"
                     r" #?\d{2,6}\b")
# Things unveiled or announced that are no product: reports, rankings, events, schedules.
NOT_A_PRODUCT = rx(
    r"\b(?:annual report|year in review|yearly|annual (?:list|ranking|review|survey|checkout)"
    r"|trends|predictions|findings|study|ranking|forecast|technologies defining|winners"
    r"|summit|conference|meetup|workshop|webinar|hackathon|schedule|agenda|poll|recap"
    r"|newsletter|keynote|lineup|roadmap|workouts|episodes|playlists|recipes|flavou?rs"
    r"|menu items|series of|state of|white ?paper|\d{4} [\w ]{0,30}report|results|earnings"
    r"|dividend|acquisition|merger|funding|appointment)\b")
# Work in bulk or a feature on a surface of a product: "a release that introduces a whole slew
# of improvements", "Impacts are available on the API".
ROUTINE = rx(r"\b(?:slew|bunch|lot|number|host|range|handful|series|lots) of (?:\w+ )?"
             r"(?:improvements|fixes|enhancements|tweaks|changes|updates)\b"
             r"|\bavailable (?:on|in|via|through|from) (?:the |our )?(?:api|cli|dashboard|settings"
             r"|ui|sdk|github action|github app|command line)\b")
_MAJOR = re.compile(r"\bmajor\b|\bv?[1-9]\d*\.0(?:\.0)?\b(?!\.\d)")
# A price change, not a product: "We're introducing tiered pricing starting at $25".
PRICING = rx(r"\s*(?:(?:new|our|the|tiered|usage-based|flexible|simpler|simple|cheaper|lower"
             r"|updated|annual|yearly) ){0,2}(?:pricing|prices|billing)(?=\s*(?:[.,;:!(]|$)"
             r"|\s+(?:starting|from|for|with|that|at|to|and|model|plans?|options?|tiers?)\b)")
# Restating the year: a review post lists launches each announced on its own before.
REVIEW = rx(r"\b(?:year in review|\d{4} in review|year recap|(?:a look|looking) back"
            r" (?:at|on) (?:the year|\d{4})|\d{4} wrapped)\b")
_EVENT_DATE = rx(r"\bon\W{1,3}(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
                 r"|\bon\W{1,3}(?:january|february|march|april|may|june|july|august|september|october"
                 r"|november|december) \d"
                 r"|^\W*(?:[\w-]+ ){1,3}(?:19|20)\d\d\b(?!\.)")  # "GitLab Commit 2021"
# "Gitpod is open source" describes; "as of today Gitpod is open source" reports.
_NEWLY = rx(r"\b(?:now|today|officially|as of|finally)\b")
# What is available, described, not announced: "which functions are available", "available to
# cardholders, subject to eligibility requirements".
DESCRIBED = rx(r"\b(?:which|what|whatever|whichever) (?:\w+ ){0,3}(?:is|are) available\b"
               r"|\bsubject to (?:eligibility|approval|availability|credit|terms)\b"
               r"|\bavailable in (?:over |more than |nearly )?\d+ (?:countries|markets|regions"
               r"|languages|cities)\b"
               r"|\bavailable (?:anytime|any time|anywhere|24/7|around the clock|on demand)\b")
# "GA" is general availability only where it is said to be reached: "is now GA", "GA release".
_GA = re.compile(r"\b(?:is|are|now|goes|went|go|reach(?:ed|es)?|hits?|hit|to|into|in|for|as)"
                 r" GA\b|\bGA(?: release| launch| today| now| version| build|!|:|$)")
_STATE = re.compile(r"[A-Z][a-z]+, GA\b")


def not_a_release(trigger: str, clause: str, low: str, at: int, *, intransitive: bool,
                  subject: str, sentence: str) -> bool:
    """The launch words at ``at`` in ``clause`` say something other than a launch of ours."""
    if trigger == "ga" and (_GA.search(clause) is None or _STATE.search(clause) is not None):
        return True  # "Relays in Albany, GA", "I find GA overwhelming": no availability
    if OTHERS_RELEASE.search(clause) or BACKSTORY.search(low) or PROCESS.search(low) \
            or FULFILMENT.search(low) \
            or WRITE_UP.search(low) or PR_LINE.search(clause) or DESCRIBED.search(low) \
            or (ROUTINE.search(low) and not _MAJOR.search(low)) or REVIEW.search(subject.lower()) \
            or ALONGSIDE.search(sentence.lower()):
        return True
    if trigger.startswith(("announcing", "introducing")) and _EVENT_DATE.search(
            low[at + len(trigger):]):
        return True  # "Announcing NEWSDR 2021 on Friday August 20": an event, not a product
    if trigger.startswith(("is open", "are open")) and not _NEWLY.search(low):
        return True
    if PRICING.match(low, at + len(trigger)):
        return True
    # what was unveiled: after the verb, or before "is live" (after it when it opens the clause:
    # "Now available: our 2025 State of DevOps report")
    target = low[max(0, at - 60):at] if intransitive and low[:at].strip(" *#:-") else \
        low[at:at + 80]
    return NOT_A_PRODUCT.search(target) is not None


_LEAD_IN = re.compile(r"^\W*(?i:announcing|introducing|launching|meet|new:?)\s+"
                      r"|[\s#*\U0001f389\U0001f680]+$")


def own_product(product: str, clause: str, title: str) -> str:
    """A launch named only by the company's own name ("Launched Vespa") would merge every launch
    of a batch into one: "Vespa 8 is here" keeps its number, a body line takes its post's title."""
    at = clause.find(product)
    number = re.match(r"\s+(\d{1,3})\b(?![.,]\d)", clause[at + len(product):]) if at >= 0 else None
    if number:
        return f"{product} {number.group(1)}"
    if title and title != clause and len(title) <= 80:
        return _LEAD_IN.sub("", title) or product
    return product


# A launch named in lower case: "the public API went live", "we shipped the new billing
# dashboard", "we open-sourced our query engine".
_NAMED_BEFORE = re.compile(r"\b(?:the|our|a|an|its)\s+((?:new\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)"
                           r"\s+(?:is\s+|are\s+)?(?:now\s+)?$")
_WE = re.compile(r"^\W*(?:(?:we|i)(?:'ve| have)?\s+)?(?:just\s+|finally\s+|officially\s+)?$",
                 re.IGNORECASE)
# Product nouns ``company.PRODUCT_HINT`` lacks, for a launch named in lower case.
MORE_HINT = rx(r"\b(?:flows?|onboarding|checkout|editor|search|sso|single sign-on|billing|inbox"
               r"|scheduler|dark mode|builder|importers?|exporters?|templates?|widgets?|chatbot"
               r"|bot|webhooks?|v\d+)\b")
_ARTICLE = re.compile(r"^(?:the|our|a|an|its)\s+(?:(?:new|brand-new|first)\s+)?", re.IGNORECASE)


def plain_product(clause: str, m: re.Match[str], *, intransitive: bool) -> str | None:
    """The thing launched, written in lower case, before "went live" or after "we shipped"."""
    if not _WE.match(clause[:m.start()]):
        before = _NAMED_BEFORE.search(clause, 0, m.start()) if intransitive else None
        what = before.group(1) if before else ""
    else:
        obj = _OBJECT.match(clause, m.end())
        what = _WHEN.sub("", _ARTICLE.sub("", obj.group(1).strip(" ."))) if obj else ""
    return what if what and not INTERNAL.search(what.lower()) else None


# The company's own workings, not a product: "the new onboarding process for hires", "our new
# office wifi", "the team dashboard in Notion", "the new pricing page".
INTERNAL = rx(r"\b(?:process(?:es)?|polic(?:y|ies)|procedures?|wi-?fi|office|page|account"
               r"|channel|meeting|standup|offsite|handbook|budget|okrs?|team|internal|employees?"
               r"|staff|hires?|in notion|in slack)\b")
# Fulfilment, not a release: "shipped the order to Berlin".
FULFILMENT = rx(r"\bshipped (?:\w+ ){0,2}(?:orders?|packages?|parcels?|shipments?|boxes|kits?"
                r"|pre-?orders?|units|pallets?)\b")


_WHEN = re.compile(r"\s+(?:today|yesterday|this (?:morning|afternoon|week)|tonight)$",
                   re.IGNORECASE)


def release_kind(trigger: str, metrics: dict[str, MetricValue], label: str
                 ) -> tuple[dict[str, MetricValue], str]:
    """An open-sourcing is its own event beside the product's launch: "Announcing TinaCMS" and
    "TinaCMS is now fully open-source" are two."""
    if "open" in trigger and "source" in trigger:
        return {**metrics, "release": "open source"}, f"Open-sourced {label}"
    return metrics, f"Launched {label}"


# A launch that failed or a product put away, in founder words: "I'm shelving What Got Done",
# "I announced a new product and then discovered it was a mistake".
SETBACK = re.compile(
    r"\b(?i:shelv(?:e|es|ed|ing)|mothball(?:s|ed|ing)?) (?P<name>"
    r"(?:[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})|(?i:(?:our|my|the) (?:[\w-]+ ){0,2}?(?:app|product"
    r"|service|tool|plugin|extension|side project)))(?![^.;]{0,20}?(?i:in favou?r of|(?:switched"
    r"|moved|migrated) to)|[^.;]{0,20}? for [A-Z])"
    r"|\b(?i:launched|announced|released|shipped) [^.;]{0,40}?\b(?i:and|but) (?i:then )?"
    r"(?:\w+ ){0,3}?(?i:(?:it )?was a (?:mistake|flop|bust)|flopped|bombed|fizzled|went nowhere"
    r"|(?:nobody|no one) (?:wanted|bought|signed up|cared))\b")


def setback(clause: str) -> Found | None:
    """A product shelved or a launch that flopped: the lowlight of a launch."""
    m = SETBACK.search(clause)
    if m is None:
        return None
    what = m["name"] or "launch"
    return Found(EventType.PRODUCT_LAUNCH, {"setback": key(what)},
                 f"Shelved {what}" if m["name"] else f"Launch flopped: {clause.strip()[:80]}",
                 m.start(), negative=True)

