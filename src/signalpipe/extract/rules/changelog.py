"""Changelogs and release chatter: which release wordings are a launch of ours and which are a
feature note, a fix build or talk about someone's release; and release posts that state their
launch without a launch verb.

A launch is our product, a major version or a formally released version, stated as news
(shared LABELLING.md). Changelogs and chat use the launch words for much less:
- a feature note: a part of a product that "now supports" something ("Preview deployments now
  support password-protection"), support for another's release ("now supports recent releases
  of the S3 SDK") or another's product supporting ours, "you can now ..." with no announcement,
  a feature opened to a plan ("now available on the Starter plan"), a knob, a picture or a mode
  added ("Introduced RateLimit and Parallelism controls", "Brand icons are now available"), an
  endpoint ("fork — a single API call"), a client library for one language ("the PHP SDK");
- a fix build or an app-store update: "Newly fixed Heltec V4 firmware now available";
- talk about a release: a date half-remembered ("Released on the 26th or 27th, I believe"), a
  release still to come ("Spinal Tap 2 is out in September"), a release referred to ("upgrading
  to the released Bootloader", "1.16 is the first release"), a delivery ("my first Lora device
  has arrived"), someone else's ("Vercel just shipped a new AI SDK", "Node 22 is now available
  on our CI runners");
- no product at all: a book that "introduces kids to" a subject, "new data" or a report
  released, the company's design system or handbook open-sourced.

Release posts also state a launch with no launch verb, or with words ``company.LAUNCH`` lacks:
a heading that is a product and its release version above the notes ("MeshCore Firmware v1.9.0
Companion Firmware ... new boards: ..."), a version "now ready" or "now out" ("T-Deck firmware
v9.0 now ready: <url>"), a version made official ("happy to make it official now" under "Stories
Behind ZenStack V2"), a major version's alpha or beta published, "<Company> open-sources its
<thing>", "is now publicly available as TinaDocs", out of beta ("has graduated from beta"),
"now open to everyone", "3.0 ships today", "Say hello to X, our new API gateway", "Today marks
the launch of X", and a wire's "announced today the launch of its virtual assistant, Ava".
"""

from __future__ import annotations

import re
from dataclasses import replace

from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.names import key, name_after, name_before
from signalpipe.extract.rules.naming import opens_a_name
from signalpipe.extract.rules.releases import INTERNAL, NOT_A_PRODUCT
from signalpipe.extract.rules.subject import FIRST_PERSON
from signalpipe.extract.rules.text import lower
from signalpipe.extract.rules.wordscan import any_word
from signalpipe.models import EventType

# Announcement words that make a feature note news ("We're excited to announce Acme now
# supports SAML"): without one, "now supports" is a changelog line.
_ANNOUNCED = rx(r"\b(?:announc\w*|excited|happy|pleased|thrilled|proud|introducing|today"
                r"|launch\w*|unveil\w*)\b")
_NOW_SUPPORTS = rx(r"^now (?:supports?|offers?)$")
# A new platform is a launch however it is said: "our installer now supports Linux", "now
# supports G-series Mali GPUs" (a class of hardware).
NEW_PLATFORM = rx(r"\s+(?:the )?(?:linux|windows|macos|mac|ios|ipados|android|chromeos|apple "
                  r"silicon|arm64|arm|raspberry pi|apple watch|wear ?os|tvos|visionos"
                  r"|(?:(?!(?:new|more|additional|other|some|all|many|most|older|newer|your"
                  r"|these|those|any) )[\w-]+ ){1,3}(?:gpus|devices|chips|chipsets|phones|tablets"
                  r"|consoles|headsets|boards))\b"
                  r"(?! (?:\d+|versions?|releases?|builds?)\b)")
_WHAT_SUPPORTS = re.compile(r"((?:[\w-]+\s+){0,3}?[\w-]+)\s+now supports?\s*$")
_DETERMINER = re.compile(r"^(?:(?:(?i:our|the|that|its|their|a|an|this|we|are|excited|to"
                         r"|announce|happy|pleased)|[A-Z]{5,})\s+)+")


def on_new_platform(clause: str, low: str, end: int) -> str | None:
    """The title of a new platform supported: "our installer now supports Linux" is "installer
    for Linux", "Acme now supports Linux" is "Acme for Linux"."""
    platform = NEW_PLATFORM.match(low, end)
    thing = _WHAT_SUPPORTS.search(clause, 0, end) if platform else None
    if platform is None or thing is None:
        return None
    what = _DETERMINER.sub("", thing.group(1)) or thing.group(1)
    return f"{what} for {clause[platform.start():platform.end()].strip()}"


_YOU_CAN = rx(r"^you can (?:now|finally)$")
# An app's update in a store, not a release: "Our app update is live on the App Store".
APP_UPDATE = rx(r"\b(?:app |an |the |our |new |latest )update (?:is|are|went|has gone|just went)"
                r" (?:now )?(?:live|out|available)\b")
# What "now supports" something is a part of a product, named by a common noun ("In-product
# search now supports prefix matching", "Status pages now support multiple languages"), not the
# product by its name ("Tigris now supports object notifications!", "Acme 2.0 now supports").
_PART_OF = re.compile(r"(?<![\w-])[a-z][a-z-]+[\s`*\])]*$")
# Support for someone else's release: "now supports recent releases of the S3 SDK".
OTHERS_VERSION = rx(r"\s+(?:the )?(?:recent|latest|newest|new|newer|current|older)"
                    r" (?:releases?|versions?) of\b")
# A feature opened to a plan or shown beside others: "now available on the Starter plan",
# "available alongside the rest of the icon library", "available via both GitHub Action and
# GitHub App".
ON_A_PLAN = rx(r"\bavailable (?:on|for|in|to|with) (?:the |all |our |every )?(?:[\w-]+ ){0,4}"
               r"(?:plans?|tiers?|subscriptions?|workspaces?)\b|\bavailable alongside\b"
               r"|\bavailable (?:via|through|in|on) both\b")
# Knobs and pictures: what a changelog adds to a product, not a product.
_KNOBS = (r"(?:controls|options|settings|toggles?|filters?|icons?|fields|shortcuts?|columns?"
          r"|sorting|tooltips?|badges?|buttons?|presets?|themes?|colou?rs|emojis?|fonts?"
          r"|keyboard shortcuts|animations?|sounds?|labels?|placeholders?|flags|stickers|avatars"
          r"|wallpapers|(?:dark|light) mode)")
KNOB_AFTER = rx(r"^\W*(?:(?:the|a|an|our|new|more|\d+) )*(?:[\w.-]+ ){0,4}?" + _KNOBS
                + r"\W*$")
KNOB_BEFORE = rx(_KNOBS + r"\s+(?:(?:are|is) (?:now |finally )?)?$")
# A knob told in an appositive: "Today we're shipping fork — a single API call that ...".
KNOB_DESCRIBED = rx(r"[\u2014\u2013,:(-]\s*(?:a|an|one) (?:single |new |simple |tiny |small )?"
                    r"(?:api call|endpoint|parameter|flag|option|method|command|function|setting"
                    r"|toggle|field|button|query param)s?\b")
# A client library for one language or framework: "the PHP SDK is now available", "a new SDK for
# Next.js". The SDK as a product of its own ("Acme Storage SDK") stays a launch.
_LANGUAGES = (r"(?:php|python|go|golang|ruby|java|rust|node(?:\.?js)?|typescript|javascript|js"
              r"|swift|kotlin|dart|flutter|elixir|\.net|c#|c\+\+|scala|react|vue|svelte|next\.?js"
              r"|nuxt|django|rails|laravel|deno|bun|perl|haskell|clojure|erlang|lua|r)")
LANGUAGE_SDK = rx(r"\b" + _LANGUAGES + r" (?:sdk|client|library|bindings|wrapper)s?\b"
                  r"|\b(?:sdk|client library|bindings|wrapper)s? for " + _LANGUAGES + r"(?!\w)")
# A build that fixes bugs: "Newly fixed Heltec V4 Expansion Kit firmware now available".
FIX_BUILD = rx(r"\b(?:newly |just )?(?:fixed|bug-?fix(?:ed)?|patched|hot-?fixed) (?:[\w.-]+ ){0,5}?"
               r"(?:firmware|build|version|release|image|binary|update|apk)s?\b")
# A release to a counted few, not to the market: "launched in beta with 5 customers", "rolled
# out to a handful of design partners", "shipped it to our first 20 users".
TO_A_FEW = rx(r"\b(?:with|to|for) (?:(?:just|only|our first|the first|a few|a handful of|several"
              r"|\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty) )+(?:[\w-]+ )?"
              r"(?:design partners?|customers|clients|users|teams|testers|companies|accounts"
              r"|pilot (?:customers|users)|beta (?:users|customers)|people|schools|hospitals)\b")
# Release talk: a hedge on a date, a release to come, a release referred to, a delivery.
HEARSAY = rx(r"\b(?:i (?:believe|think|guess|heard|assume)|iirc|afaik|apparently|supposedly"
             r"|if i remember|rumou?red)\b")
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november"
           r"|december|spring|summer|fall|autumn|winter|q[1-4]|the (?:spring|summer|fall|autumn"
           r"|winter))")
TO_COME = rx(r"\b(?:is|are|comes?|coming|will be|should be) (?:out|live|available|released)"
             r" (?:in|by|from|starting|around|sometime in) (?:early |mid-?|late )?" + _MONTHS
             + r"\b|\b(?:out|available|live) (?:next|later this|sometime|soon)\b")
REFERRED = rx(r"\bthe (?:newly |recently |just |latest )?released (?!(?:it|them|this|that)\b)"
              r"[\w-]+|\b(?:is|was) the (?:first|last|latest|earliest|final) (?:[\w-]+ )?"
              r"(?:release|version|build)\b")
DELIVERED = rx(r"\b(?:my|our|the) (?:[\w-]+ ){0,3}(?:device|order|package|units?|boards?|kits?"
               r"|parcel|shipment|radios?|nodes?|hardware|modules?|samples?|delivery|devices)"
               r" (?:has |have |finally |just )*arrived\b")

# Shown, not released: what a show or a wire "unveils" that no customer can buy yet: "unveils
# four NEV concepts", "unveiled the first official teaser images", "unveils corporate vision",
# "unveils demonstration production line for all-solid-state batteries".
SHOWN = rx(r"\s*(?:(?:the|a|an|its|our|their|first|official|new|four|two|three|several|\d+)"
           r"\s+)*(?:[\w()-]+\s+){0,5}?(?:concepts?|concept cars?|prototypes?|teasers?"
           r"|teaser images|renderings?|sketches|design stud(?:y|ies)|show cars?|vision"
           r"|strateg(?:y|ies)|production lines?|pilot lines?|plants?|factor(?:y|ies)|booth"
           r"|mock-?ups?)\b")
# Teaching, not launching: "the book introduces kids to basic concepts of software".
TEACHES = rx(r"\bintroduc(?:es|ed|ing) (?:\w+ ){0,2}?(?:kids|children|readers|students|learners"
             r"|developers|users|people|beginners|newcomers|you|us|them|teams|viewers) to\b")
# Findings released, not a product: "today released new data identifying the emergence of".
RESEARCH = rx(r"\b(?:released|publishe[sd]|unveil(?:ed|s)|releases) (?:(?:new|its|our|the|a|an"
              r"|annual|first|latest) )*(?:data|research|survey|report|findings|study|statistics"
              r"|benchmark report|index|whitepaper|white paper|ranking)\b")


def feature_note(trigger: str, clause: str, low: str, at: int, *, intransitive: bool,
                 ctx: Context) -> str | None:
    """Why the launch words at ``at`` state a changelog line or release talk, or None."""
    end = at + len(trigger)
    if _NOW_SUPPORTS.match(trigger) and not NEW_PLATFORM.match(low, end) \
            and _supports_a_feature(clause, low, at, end, ctx):
        return "feature note: now supports"
    if ON_A_PLAN.search(low):
        return "feature note: opened to a plan"
    if _YOU_CAN.match(trigger) and not _ANNOUNCED.search(low):
        return "feature note: you can now"  # "New in Acme: you can now export to PDF"
    if APP_UPDATE.search(low):
        return "an app-store update"
    # the clause may end at "and": "Introduced retry | and timeout options for webhooks"
    sentence = lower(ctx.sentence)
    start = sentence.find(low)
    after = _object(sentence, start + end) if start >= 0 else _object(low, end)
    if KNOB_BEFORE.search(low, 0, at) if intransitive else KNOB_AFTER.match(after):
        return "feature note: a knob"
    if KNOB_DESCRIBED.search(sentence, max(0, start + end)) or LANGUAGE_SDK.search(low):
        return "feature note: an endpoint or a language's client"
    for family, pattern in (("fix build", FIX_BUILD), ("hearsay", HEARSAY), ("to come", TO_COME),
                            ("release referred to", REFERRED), ("delivery", DELIVERED),
                            ("a release to a few", TO_A_FEW)):
        if pattern.search(low):
            return family
    if trigger in ("shipped", "rolled out") and _OBJECT_NEXT.match(low, end) \
            and _others_act(clause[:at], ctx):
        return "third party: someone else shipped it"  # "Vercel just shipped a new AI SDK"
    if ON_OUR_TOOLS.search(low):
        return "a tool made available to us"
    if SHOWN.match(low, end) or TEACHES.match(low, at) or _research(clause, low, at):
        return "no product: a concept, a vision or a plant shown, a subject taught, research"
    return None


def _research(clause: str, low: str, at: int) -> bool:
    """Findings released, unless the noun opens a product's name: "released Data Studio",
    "unveils Research Hub" are products; "released new data" is not."""
    m = RESEARCH.match(low, at)
    if m is None:
        return False
    return not opens_a_name(clause, m.end() - len(m.group().split()[-1]))


def _supports_a_feature(clause: str, low: str, at: int, end: int, ctx: Context) -> bool:
    """"X now supports Y" is a changelog line unless announced, a major version's, an
    integration or the subject of the post: a part of a product ("search now supports"),
    support for someone else's release, or another's product supporting ours ("Chrome 120 now
    supports the Acme extension") is one always."""
    if _PART_OF.search(clause, 0, at) or OTHERS_VERSION.match(low, end) \
            or (_others_act(clause[:at], ctx) and ctx.company is not None
                and ctx.company.search(clause, end)):
        return True
    subject = ctx.subject
    if _ANNOUNCED.search(low) or _MAJOR.search(low) or _INTEGRATION.search(low, end):
        return False
    words = [w for w in re.findall(r"[a-z]{4,}", _object(low, end)) if w not in _PLAIN]
    return not (words and all(w in subject.lower() for w in words))


_MAJOR = re.compile(r"\bv?[1-9]\d*\.0\b(?!\.[1-9])")
_INTEGRATION = rx(r"\b(?:integrations?|connectors?|apps?|sdks?|apis?|plugins?|extensions?)\b")
_PLAIN = frozenset({"with", "from", "your", "their", "support", "full", "native", "more"})
# "shipped" with an object after it is transitive: its subject shipped something.
_OBJECT_NEXT = re.compile(r"\s+(?:a|an|its|their|his|her|the|new)\b")
_ACTOR = re.compile(r"([A-Z][\w.&-]*(?: (?:[A-Z][\w.&-]*|v?\d[\w.]*)){0,2})"
                    r"(?:\s+(?:just|has|have|finally|recently|also|quietly))*\s*$")


def _others_act(head: str, ctx: Context) -> bool:
    """A named party other than us stands right before the verb ("Vercel just shipped")."""
    actor = _ACTOR.search(head)
    return actor is not None and not FIRST_PERSON.search(head) and not (
        ctx.company is not None and ctx.company.search(actor.group(1)))


# Another vendor's tool made available on our machines: "Node 22 is now available on our CI".
ON_OUR_TOOLS = rx(r"\bavailable (?:on|in|to) (?:all )?(?:of )?our (?:ci|runners?|build (?:machines"
                  r"|servers|agents)|servers?|machines|images?|clusters?|dev ?boxes|laptops"
                  r"|workstations)\b")
_STOP = re.compile(r"\s(?:to|for|that|which|so|with|in|on)\s|[,;:.!(]")


def _object(low: str, end: int) -> str:
    """The words after the trigger, up to where the object ends."""
    stop = _STOP.search(low, end)
    return low[end:stop.start() if stop else len(low)]


# A product and its version opening a post, no verb: "MeshCore Firmware v1.9.0 Companion
# Firmware ...". A version X.Y.0 or X.0 is a release; X.Y (Y > 0) and X.Y.Z (Z > 0) are point
# releases, and a mobile app's version an app-store update (shared LABELLING.md).
HEADING = re.compile(r"^\W{0,4}(?P<name>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}?)"
                     r"(?: (?P<kind>(?i:firmware|server|cli|sdk|desktop|engine|agent|client"
                     r"|library|plugin|os)))? v?(?P<v>[1-9]\d*\.0(?:\.0)?|\d+\.[1-9]\d*\.0)\b"
                     r"(?![.-]?\w)(?![ \t]{0,3}[a-z])")  # "Acme 2.0 planning doc": a topic
# The notes under a heading say what is new: "new boards", "new ExtraFS support".
_NOTES = rx(r"\bnew\b|\badded\b|\bsupport for\b")
# A version said to be ready or out, with its link blanked after the colon: "T-Deck firmware
# v9.0 now ready: <url>", "v8.0 is now out: <url>".
READY = re.compile(r"\bv?(?P<v>[1-9]\d*\.0(?:\.0)?|\d+\.[1-9]\d*\.0) (?:is |are )?now"
                   r" (?:ready|out)"
                   r"(?=\s*[:!]|\s*$|\s+(?:to|for) (?:download|install))")
_BEFORE_VERSION = re.compile(r"([A-Z][\w.-]*(?: [\w.-]+){0,3}) v?[1-9]\d*\.\d+(?:\.\d+)?\s*$")
# Made official, or a pre-release of a major version published: "we are happy to make it
# official now", "we've just published an alpha version for the upcoming 6.0 major release".
OFFICIAL = rx(r"\b(?:happy|excited|proud|thrilled|pleased|time) to make it official\b"
              r"|\bit'?s (?:now )?official\b")
_SUBJECT_VERSION = re.compile(r"([A-Z][\w.-]*) (?:v|V|version )?"
                              r"(?P<v>[1-9]\d*(?:\.0)?)\b(?!\.[1-9])")
PRE_MAJOR = rx(r"\b(?:published|released|shipped|pushed|cut) (?:an?|the) (?:first |public )?"
               r"(?P<stage>alpha|beta|preview) (?:version|build|release)? ?(?:of|for) (?:the )?"
               r"(?:upcoming |next |new )?(?:[\w-]+ )?v?(?P<v>[1-9]\d*\.0)\b")

# Available with an adverb ``company.LAUNCH`` does not expect between: "This project is now
# publicly available as TinaDocs", "Acme Maps is now widely available".
PUBLICLY = rx(r"\b(?:is|are) now (?:publicly|widely|officially|freely|broadly) (?:available|live)"
              r"\b(?P<as> as\b)?")
# Papers made public, not products: "GitLab's SOC 3 report is now publicly available".
PAPERS = rx(r"\b(?:reports?|docs?|documentation|data|datasets?|papers?|study|survey|results"
            r"|slides|recordings?|videos?|polic(?:y|ies)|certificates?|attestations?|letters?)\b")
# A headline's "<Company> open-sources its <thing>" (LAUNCH reads "open-sourced"): whose thing it
# is, the subject veto decides ("Google open-sources its planner" is Google's news).
OPEN_SOURCES = re.compile(r"\b(?i:open[- ]sources?|open[- ]sourcing) (?i:its|our|the|their) "
                          r"(?i:new )?(?P<what>[\w.-]+(?: [\w.-]+){0,3}?)(?=\s*(?:[,;:.!(]|$"
                          r"|\s(?:to|for|as|under|on|in|after|with|and|today|this|now)\b))")

# The company's materials made public: a handbook, a design system, docs, slides, dotfiles.
MATERIALS = rx(r"\b(?:design system|handbook|docs?|documentation|website|blog|style ?guide|brand"
               r"|icons?|dotfiles|config(?:uration)?s?|playbook|guidelines|slides|roadmap"
               r"|okrs?|salar(?:y|ies)|pitch deck|deck)\b")

# A pre-release kept to a few, or no product: what a published alpha or beta may not be.
_NOT_PUBLIC = rx(r"\b(?:private|closed|internal|design partners?|select(?:ed)? (?:customers|users)"
                 r"|(?:beta|alpha) testers|invite[- ]only|waitlist)\b")
_NOT_SHIPPED = rx(r"\s*(?:docs?|documentation|guide|spec|roadmap|site|website|blog|migration)\b")


def _release(name: str, version: str, at: int, *, stage: str = "") -> Found:
    label = f"{name} {version}".strip() if name else f"version {version}"
    label = f"{label} {stage}".strip()
    return Found(EventType.PRODUCT_LAUNCH, {"product": key(label)}, f"Launched {label}", at,
                 allow=frozenset({"plan"}) if stage else frozenset())


def _heading(clause: str, low: str, ctx: Context) -> Found | None:
    heading = HEADING.match(clause) if not ctx.before else None
    if heading is None or heading["name"].lower().endswith(" app") \
            or not _NOTES.search(low, heading.end()) or _PLANNED.search(low, heading.end()):
        return None
    name = " ".join(w for w in (heading["name"], heading["kind"]) if w)
    return _release(name, f"v{heading['v']}", 0)


def _ready(clause: str, low: str, ctx: Context) -> Found | None:
    ready = READY.search(clause)
    if ready is None:
        return None
    named = _BEFORE_VERSION.search(clause, 0, ready.end("v"))
    return _release(named.group(1) if named else "", f"v{ready['v']}", ready.start())


def _official(clause: str, low: str, ctx: Context) -> Found | None:
    """"happy to make it official now" under a headline naming a version: "it" is the
    headline's release (what follows a colon is news of its own: "It's official: we're
    hiring"; a roadmap or a plan in the headline is no release)."""
    official = OFFICIAL.search(low)
    if official is None or len(low[official.end():].split()) > 3 \
            or _PLANNED.search(ctx.subject.lower()):
        return None
    version = _SUBJECT_VERSION.search(ctx.subject)
    return _release(version.group(1), f"v{version['v']}", 0) if version else None


_PLANNED = rx(r"\b(?:roadmap|planning|plans?|draft|proposal|rfc|kickoff|kick-off|spec|ideas?"
              r"|wishlist|brainstorm)\b")


def _public(clause: str, low: str, ctx: Context) -> Found | None:
    public = PUBLICLY.search(low)
    if public is None or PAPERS.search(low, max(0, public.start() - 60), public.start()):
        return None
    what = (name_after(clause, public.end(), within=12) if public["as"] else None) \
        or name_before(clause, public.start(), within=50)
    return Found(EventType.PRODUCT_LAUNCH, {"product": key(what)}, f"Launched {what}",
                 public.start()) if what else None


def _open_sourced(clause: str, low: str, ctx: Context) -> Found | None:
    opened = OPEN_SOURCES.search(clause)
    if opened is None:
        return None
    what = opened["what"]
    if MATERIALS.search(what.lower()):
        return None  # "open sourcing our design system": the company's materials, no product
    return Found(EventType.PRODUCT_LAUNCH, {"product": key(what), "release": "open source"},
                 f"Open-sourced {what}", opened.start())


def _pre_release(clause: str, low: str, ctx: Context) -> Found | None:
    pre = PRE_MAJOR.search(low)
    if pre is None or _NOT_PUBLIC.search(low) or _NOT_SHIPPED.match(low, pre.end()):
        return None  # "to 10 design partners", "a beta version of the 2.0 docs"
    named = _SUBJECT_VERSION.search(ctx.subject)
    return _release(named.group(1) if named else "", pre["v"], pre.start(), stage=pre["stage"])


# Launch wordings with no launch verb: out of beta ("Acme Vault has graduated from beta"), open
# to all ("Acme Relay is now open to everyone"), shipping as news ("Acme Relay 3.0 ships
# today"), a product greeted ("Say hello to Acme Relay, our new API gateway") or a day marked
# ("Today marks the launch of Acme Relay").
OUT_OF_BETA = rx(r"\b(?:has |have )?(?:graduated|graduates|exit(?:s|ed)|left|leaves|is leaving"
                 r"|came|comes) (?:out of |from )?(?:the )?(?:beta|preview|alpha|early access)\b"
                 r"|\b(?:is|are) now open to (?:everyone|everybody|all|the public|anyone)\b"
                 r"|\bships (?:today|now|this week)\b")
GREETED = re.compile(r"\b(?i:say hello to|please welcome|meet) (?P<name>[A-Z][\w.-]*"
                     r"(?: [A-Z][\w.-]*){0,3})(?:,|:| \u2014| -) (?i:(?:our|the|a|an) "
                     r"(?:new |all-new |brand-new )?(?:[\w-]+ ){0,3}(?:app|api|platform|tool"
                     r"|product|gateway|engine|service|sdk"
                     r"|assistant|agent|editor|dashboard|database|cli|copilot|extension|plugin"
                     r"|integration|device|model))\b")
MARKED = rx(r"\b(?:marks?|marking) the (?:official |public )?(?:launch|release|debut"
            r"|general availability) of\b")


def _no_verb(clause: str, low: str, ctx: Context) -> Found | None:
    greeted = GREETED.search(clause)
    if greeted:
        return _named(greeted["name"], greeted.start())
    marked = MARKED.search(low)
    if marked:
        rest = low[marked.end():marked.end() + 60]
        what = None if INTERNAL.search(rest) or NOT_A_PRODUCT.search(rest) else \
            name_after(clause, marked.end(), within=20)
        return _named(what, marked.start()) if what else None
    out = OUT_OF_BETA.search(low)
    what = name_before(clause, out.start(), within=40) if out else None
    if out is None or what is None or GATHERING.search(low, 0, out.start()):
        return None  # "Our Discord is now open to everyone": a community, no product
    what = what.rsplit(" for ", 1)[-1]  # "Sign-ups for Acme Cloud are now open to everyone"
    version = _TRAILING_VERSION.match(clause, clause.rfind(what) + len(what), out.start())
    found = _named(f"{what} {version.group(1)}" if version else what, out.start())
    # the name before "exits beta" is the product, not a third party launching one ("Beacon
    # exits beta today"); one that is someone's ("Figma's Dev Mode") stays theirs
    if _OWNED.search(clause, 0, out.start()) or low.startswith(("left", "leav", "is leav"),
                                                                  out.start()):
        return found  # "Jane left the beta team": a person, judged as one
    return replace(found, relational=True)


_OWNED = re.compile(r"[\w.-](?:'s|\u2019s)\s")


_TRAILING_VERSION = re.compile(r"\s+(v?\d+(?:\.\d+){0,2})\s*$")

# Places people gather, opened to all: no product.
GATHERING = rx(r"\b(?:discord|slack|telegram|whatsapp|community|forum|server|channel|group"
               r"|subreddit|waitlist|wait list|program(?:me)?|meetup|office|event|registration"
               r"|applications?|cfp)\b")


# A wire's "announced today the launch of its AI-powered virtual assistant, Ava": the date
# between the verb and the launch (``company.LAUNCH`` reads "announced the launch of").
ANNOUNCED_TODAY = rx(r"\bannounc(?:ed|es|ing) (?:today|this week|this morning|on \w+ \d{1,2}),? "
                     r"(?:the )?(?:official |public |commercial )?(?:launch|release|availability"
                     r"|general availability|debut) of (?:its |our |the |a |an )?(?:new )?")
_THING = re.compile(r"([\w'’.+-]+(?: [\w'’.+-]+){0,5}?)\s*(?:,\s*(?:called |named )?"
                    r"(?P<name>[A-Z][\w.+-]*(?: [A-Z][\w.+-]*){0,2}))?(?=\s*(?:[,.;:!(]|$)"
                    r"|\s(?:that|which|to|for|with|in|on)\s)")


def _announced_today(clause: str, low: str, ctx: Context) -> Found | None:
    m = ANNOUNCED_TODAY.search(low)
    thing = _THING.match(clause, m.end()) if m else None
    if m is None or thing is None or NOT_A_PRODUCT.search(thing.group(1).lower()):
        return None
    return _named(thing["name"] or thing.group(1), m.start())


def _named(what: str, at: int) -> Found:
    return Found(EventType.PRODUCT_LAUNCH, {"product": key(what)}, f"Launched {what}", at)


# Each reading with the plain substrings it cannot match without (checked first: this runs on
# every clause with a launch cue).
_READINGS = (((".0",), _heading), (("now ready", "now out"), _ready), (("official",), _official),
             (("ly available", "ly live"), _public), (("open-sourc", "open sourc"), _open_sourced),
             (("alpha", "beta", "preview"), _pre_release),
             (("beta", "preview", "alpha", "early access", "open to", "ships", "hello",
               "welcome", "meet", "launch of", "release of", "debut of", "availability of"),
              _no_verb),
             (("announced today", "announces today", "announced this", "announced on"),
              _announced_today))


_ANY_NEED = any_word(n for needs, _ in _READINGS for n in needs)


def release_post(clause: str, low: str, ctx: Context) -> Found | None:
    """A release stated by a heading, a version said ready, made official or pre-released."""
    if _ANY_NEED.search(low) is None:
        return None  # most launch clauses: one scan
    for needs, reading in _READINGS:
        if any(n in low for n in needs):
            found = reading(clause, low, ctx)
            if found is not None:
                return found
    return None
