"""Launch forms the other launch readers miss, and launch wordings that are no launch of ours.

LABELLING.md counts "a product reaching launch / GA / public release (not a routine patch or
app-store update)". Each family below is a way people say that, written in several registers
before the corpus was read (team chat, a founder's update mail, a release note or changelog, a
press release, a community channel), with the look-alike that must stay silent.

``forms`` (read after every other launch reader, so changelog.py's and shipped.py's readings of
the same wordings keep their titles) and ``store`` (read before the market readers, which take
"live in the Play Store" for a market entered). Where changelog.py already knew a wording ("exits
beta", "is now open to everyone", "Say hello to X, our new API gateway") these readers add the
forms it lacks ("taken X out of beta", a waitlist gone, "our brand new mobile app", "Meet X"), and
changelog.py now takes the name before "exits beta" for the product rather than a third party:

- **A numbered version arrived**: "Beacon 2 is here", "Ledger 4.0 just dropped". Look-alikes:
  "Day 2 is here", "Issue 42 is out", "Season 3 just dropped" (a part, not a product).
- **A product introduced by what it is to us**: "Meet Beacon, our new uptime monitoring tool",
  "Meet Acme Copilot: an AI assistant that drafts replies", "Say hello to Acme Go, our brand new
  mobile app". Look-alikes: "Meet Sarah, our new designer", "Meet the team behind Beacon",
  "Meet Ashby, our new hiring tool" (our own workings).
- **Out of beta**: "Beacon has graduated from beta", "We've taken Acme Sync out of beta",
  "Beacon exits beta today". Look-alikes: "still in beta", "we hope to take it out of beta",
  "graduated from Y Combinator".
- **Opened to everyone**: "Beacon is now open to everyone", "The waitlist is gone: anyone can
  sign up for Beacon", "We removed the waitlist for Acme Sync", "No more waitlist! Beacon is open
  to all". Look-alikes: "our office is now open to everyone", "the hackathon is open to all
  employees", "join the waitlist for Beacon", "the waitlist is 4,000 people long", another
  company's waitlist removed.
- **In an app store**: "Acme lands in the App Store today", "Acme for Android is now live in the
  Play Store". Look-alikes: "our app update is live on the App Store" (an update), "submitted to
  the App Store for review", "rejected from the App Store".
- **Made open source**: "We've just made Beacon open source". Look-alikes: "we made the
  decision to open source Quill next year", "Stripe made their SDK open source".
- **A changelog heading that names a new product**: "## New product: Acme Forms", "**New:** Acme
  Forms, a form builder for your workspace". Look-alikes: "## New contributors", "**New:** bulk
  delete in the inbox", "New customer: Globex, a logistics company".
- **Rebuilt from scratch and out**: "We've rebuilt Beacon from scratch: Beacon 2 is live today",
  "Acme Studio has been rebuilt from the ground up and ships today". Look-alikes: "we're
  rebuilding Beacon from scratch", "we rebuilt the billing page from scratch" (no release).
- **A release the team celebrates in chat**: "Congrats to us all on Beacon 2.0 release day!",
  "Huge congrats to everyone on 3.0", "Congrats team on shipping Ledger 2.0", "We got Ledger
  3.0 out the door on Friday". Look-alikes: "Congrats to the Globex team on their 2.0 launch",
  "congrats everyone on a great offsite", "let's get 3.0 out the door by Friday", a patch.

``veto`` drops a launch reading that is no launch of ours, whichever reader made it:

- **A numbered pre-release or a build for testers**: "Acme 3.0 alpha 2 is available for early
  testers", "v2.0.0-beta.3 is out, please test". Look-alikes that stay launches: "Acme Studio
  enters public beta", "Relay v9.0-beta is out" (a major version's beta, which the corpus labels
  a launch; only a numbered iteration of it is routine).
- **Our own tooling**: "New Grafana dashboards for on-call are live", "Launched our new hiring
  pipeline in Ashby". Look-alikes: a product for other companies' teams ("a new tool for
  support teams"), the company's own name ("HubSpot dashboards" at HubSpot).
- **Someone else's release passed on in chat**: "Just saw that Notion 3.0 is out", "TIL
  Cloudflare has a new queue product, it's GA now", "Supabase 2.0 is here, nice". Look-alikes:
  "FYI: Acme Sync is now generally available" (our name), "Heads up team, we just shipped Beacon
  2.0" (first person).
- **A launch set for a day to come**: "We're launching Beacon on Product Hunt next Tuesday",
  "Quill goes live in two weeks". Look-alikes: "We launched Beacon on Monday", "Beacon launches
  today".
- **No product of ours**: a community space opened ("our community Slack", "a Beacon
  subreddit"), a launch told as backstory in a relative clause ("the Beacon app that we launched
  in March", "by the time we released 3.0"), our inclusion, move or anniversary announced, a
  channel of ours read as the product ("a new feature on the Acme Blog"), an offer launched
  ("our Black Friday deal"), a class or gathering held in a city or on a date, a customer's or
  partner's own launch where we are not named ("Globex went live with their new checkout").
  Look-alikes:
  "Slack notifications", "our Discord bot", "the app that we launched today", "Initiatives that
  we launched" (a list's heading), "the news is that we shipped X", "launched Beacon today with a
  launch discount", "introduces its RxJS Master Class" (a training company's new class).
- **A delay that may come** is no launch lowlight: "Both have the potential to delay our
  release". Look-alike: "The launch was delayed to March".
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.changelog import GATHERING
from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.names import key, name_after, name_before
from signalpipe.extract.rules.subject import FIRST_PERSON
from signalpipe.models import EventType

T = EventType

# A product's name as written: capitalised words, a version among them ("Acme Studio 3").
_NAME = (r"(?<![\w.'’-])(?P<obj>[A-Z][\w+.-]*(?:[ \t](?:[A-Z][\w+.-]*"
         r"|v?\d{1,3}(?:\.\d{1,3}){0,2}|for(?= [A-Z])|&)){0,4})")
# What a product is, said beside its name: "our new uptime monitoring tool".
_PRODUCT_NOUN = (r"(?:app|application|tool|product|platform|assistant|copilot|api|sdk|cli"
                 r"|service|engine|extension|plugin|integration|dashboard|editor|monitor"
                 r"|tracker|builder|bot|chatbot|(?:ai|coding|voice) agent|database|library"
                 r"|framework|browser|device|add-on|workspace|suite|client|inbox|scheduler"
                 r"|analytics|marketplace|store|wallet|card|camera|kit|console|studio)")
# Our own workings, said in the words that name a product: "our new hiring tool".
_OWN_WORKINGS = re.compile(r"(?i)\b(?:hiring|recruiting|interview|payroll|expense|hr|internal"
                           r"|office|team|on-?call|ops|wiki|handbook|in-house)\b")

# A numbered version arrived: "Beacon 2 is here", "Ledger 4.0 just dropped".
_ARRIVED = re.compile(r"(?P<obj>[A-Z][\w+.-]*(?: [A-Z][\w+.-]*){0,3}) v?(?P<v>[1-9]\d?(?:\.0)?)"
                      r"(?P<verb> (?:is (?:finally |officially )?here|has (?:finally )?(?:arrived"
                      r"|dropped|landed)|(?:just |finally )?dropped|(?:just |finally )?landed))\b")
# A numbered part, not a product: "Day 2 is here", "Issue 42 is out".
_PART = re.compile(r"(?i)\b(?:day|week|month|part|season|episode|chapter|phase|round|step|level"
                   r"|issue|vol|volume|batch|cohort|sprint|stage|act|book|lesson|module|edition"
                   r"|q)$")
_MEET = re.compile(r"(?i:\b(?:meet|say hello to|say hi to)\s+)" + _NAME
                   + r"(?:\s*[,:]|\s+[-\u2013\u2014])\s+(?i:(?P<whose>our|the|a|an)\s+"
                   r"(?:brand[- ]new\s+|all-new\s+|new\s+|first\s+)?(?P<what>(?:[\w-]+\s+){0,4}?"
                   + _PRODUCT_NOUN + r"))s?\b")
_BETA_OUT = re.compile(
    _NAME + r"(?i:\s+(?:has\s+|have\s+)?(?:now\s+|officially\s+|finally\s+)*(?:graduated"
    r"|graduates|exits|exited|leaves|left|came out of|comes out of)\s+(?:from\s+|out of\s+)?"
    r"(?:its\s+|the\s+)?(?:public\s+|open\s+|private\s+)?beta)\b"
    r"|(?i:\bwe(?:'ve|\u2019ve| have)?\s+(?:just\s+|now\s+|officially\s+|finally\s+)?(?:taken|took"
    r"|moved|brought)\s+)(?P<obj2>[A-Z][\w+.-]*(?: [A-Z][\w+.-]*){0,3})(?i:\s+out of\s+(?:its\s+"
    r"|the\s+)?beta)\b")
_OPEN_ALL = re.compile(_NAME + r"(?i:\s+(?:is|are)\s+(?:now\s+|finally\s+|officially\s+)*open\s+"
                       r"to\s+(?:everyone|everybody|anyone|all(?: users| teams| customers)?(?=\W|$)"
                       r"|the public|the world))")
_WAITLIST = re.compile(r"(?i)\b(?:(?:the |our )?wait-?list is (?:gone|over|history|no more)"
                       r"|(?:removed|dropped|scrapped|killed|ended|got rid of|removing|dropping)"
                       r" (?:the |our )?wait-?list|no (?:more )?wait-?list)\b")
# News, not a description: said to be new, or after a sentence about a waitlist or a beta.
_NEWLY = re.compile(r"(?i)\b(?:now|today|finally|officially|as of|no longer)\b")
_CLOSED = re.compile(r"(?i)\b(?:wait-?list|beta|invite|invitation)")
_FOR_NAME = re.compile(r"\b(?:for|to|on|into|use|try)\s+" + _NAME)
_STORE = re.compile(r"(?!(?:Our|The|This|That|Their|Its|My)\b)" + _NAME
                    + r"(?i:\s+(?:app\s+)?(?:just\s+|finally\s+|officially\s+)?(?:lands"
                    r"|landed|arrives|arrived|is\s+(?:now\s+)?(?:live|available|out)|went\s+live"
                    r"|is\s+now)\s+(?:in|on)\s+(?:the\s+)?(?P<store>app store|play store"
                    r"|google play(?: store)?|mac app store|chrome web store|microsoft store))\b")
_MADE_OPEN = re.compile(r"(?i:\b(?:we(?:'ve|\u2019ve| have)?\s+)?(?:just\s+|finally\s+"
                        r"|officially\s+)?made\s+)" + _NAME
                        + r"(?i:\s+(?:fully\s+|completely\s+)?open[- ]sourced?)\b")
_NEW_HEADING = re.compile(r"^\W{0,4}(?i:new (?:product|app|tool|service|api)s?\s*[:\-\u2013\u2014]"
                          r"\s*)" + _NAME
                          + r"|^\W{0,4}(?i:new)\W{1,4}" + _NAME.replace("obj", "obj2")
                          + r"(?i:,\s+(?:a|an|our)\s+(?:new\s+)?(?:[\w-]+\s+){0,3}?" + _PRODUCT_NOUN
                          + r")s?\b")
_REBUILT = re.compile(r"(?i:\b(?:rebuilt|re-built|rewrote|rewritten)\s+)" + _NAME
                      + r"(?i:\s+from\s+(?:scratch|the ground up))"
                      r"|" + _NAME.replace("obj", "obj2")
                      + r"(?i:\s+(?:has|have)\s+been\s+(?:rebuilt|rewritten|re-built)\s+from\s+"
                      r"(?:scratch|the ground up))")
_OUT_NOW = re.compile(r"(?i)\b(?:(?:is|are)\s+(?:now\s+)?(?:live|out|available|here)|ships?"
                      r"\s+(?:today|now)|(?:live|out|available)\s+(?:today|now)|launch(?:es|ed)"
                      r"\s+today|released\s+today)\b")
_CHEERED = re.compile(
    r"(?i:\b(?:congrats|congratulations|kudos|hats off|well done|great job|nice work|shout-?out)"
    r"\s+(?:to\s+)?(?:us all|all of us|us|everyone|everybody|all|the team|team|y'?all|folks)\s+"
    r"(?:on|for)\s+(?:(?:the|our)\s+)?(?:shipping\s+|launching\s+|releasing\s+|getting\s+)?)"
    r"(?P<obj>(?:[A-Z][\w+.-]*\s+){0,3}v?\d{1,3}(?:\.\d{1,3}){0,3}|[A-Z][\w+.-]*(?: [A-Z][\w+.-]*)"
    r"{0,3}(?=\s+(?i:release|launch)))")
_DOOR = re.compile(r"(?i:\b(?:we\s+)?got\s+)(?P<obj>(?:[A-Z][\w+.-]*\s+){0,3}v?\d{1,3}(?:\.\d{1,3})"
                   r"{0,3})(?i:\s+out the door)\b")
_PATCH = re.compile(r"\d+\.\d+\.[1-9]\d*")
_BARE_VERSION = re.compile(r"v?\d{1,3}(?:\.\d{1,3}){0,3}")


def _launch(what: str, at: int, title: str = "", *, named_first: bool = False,
            release: str = "") -> Found | None:
    """The launch of ``what``, or None for a name that is no product."""
    what = what.strip(" .,!:*_")
    if not what or what.lower() in _NOT_PRODUCT:
        return None
    metrics: dict[str, str | float | int] = {"product": key(what)}
    if release:
        metrics["release"] = release
    return Found(T.PRODUCT_LAUNCH, dict(metrics), title or f"Launched {what}", at,
                 relational=named_first, stakeholders=(what,))


_NOT_PRODUCT = frozenset({"we", "it", "this", "that", "today", "the", "our", "new", "now",
                          "everyone", "version", "release"})


def forms(clause: str, low: str, ctx: Context) -> Found | None:
    """A launch in one of the module's reading families, or None."""
    for words, read in _READERS:
        if any(w in low for w in words):
            found = read(clause, ctx)
            if found is not None:
                return found
    return None


def store(clause: str, low: str, ctx: Context) -> Found | None:
    """ "Acme for Android is now live in the Play Store": a launch, not a market."""
    m = _STORE.search(clause) if "store" in low or "google play" in low else None
    if m is None:
        return None
    where = " ".join(w.capitalize() if w != "app" else "App" for w in m["store"].lower().split())
    return _launch(m["obj"], m.start(), f"Launched {m['obj'].strip()} on the {where}",
                   named_first=True)


def _arrived(clause: str, ctx: Context) -> Found | None:
    m = _ARRIVED.search(clause)
    if m is None or _PART.search(m["obj"]):
        return None
    what = f"{m['obj']} {m['v']}"
    return _launch(what, m.start("verb"), named_first=True)


def _meet(clause: str, ctx: Context) -> Found | None:
    # what it is may stand past a dash or a colon that ends the clause: read the sentence
    sentence = ctx.sentence if clause in ctx.sentence else clause
    at = sentence.find(clause)
    m = _MEET.search(sentence, at)
    if m is None or m.start() >= at + len(clause) or _OWN_WORKINGS.search(m["what"]):
        return None
    if m["whose"].lower() != "our" and sentence[:m.start()].strip(" *#>-\u2022\U0001f44b"):
        return None  # "a/the" names ours only where the line opens on "Meet": a heading
    return _launch(m["obj"], m.start() - at)


def _beta_out(clause: str, ctx: Context) -> Found | None:
    m = _BETA_OUT.search(clause)
    if m is None:
        return None
    what = m["obj"] or m["obj2"]
    # "graduated from beta" is titled as changelog.py titles it, the other forms as shipped.py
    title = "" if "graduat" in m.group().lower() else f"{what.strip()} out of beta"
    return _launch(what, m.start(), title, named_first=bool(m["obj"]))


def _open_all(clause: str, ctx: Context) -> Found | None:
    m = _OPEN_ALL.search(clause)
    if m is not None and GATHERING.search(m["obj"].lower()):
        return None  # "Our Discord is now open to everyone": a community, no product
    if m is not None and (_NEWLY.search(ctx.sentence or clause) or _CLOSED.search(ctx.before)):
        # "Hacktoberfest is open to everyone, whether ...": described, not news
        return _launch(m["obj"], m.end("obj"), f"{m['obj'].strip()} opened to everyone",
                       named_first=True)
    w = _WAITLIST.search(clause)
    if w is None:
        return None
    # the product is named in the sentence: "... for Beacon", "sign up for Acme Sync"
    named = _FOR_NAME.search(ctx.sentence or clause)
    what = named["obj"] if named else (name_after(clause, w.end(), within=40)
                                        or name_before(clause, w.start(), within=40))
    if what is None:
        return None
    return _launch(what, w.start(), f"{what.strip()} opened to everyone")


def _made_open(clause: str, ctx: Context) -> Found | None:
    m = _MADE_OPEN.search(clause)
    if m is None or (m.start() > 0 and not FIRST_PERSON.search(clause[:m.end()])):
        return None
    return _launch(m["obj"], m.start(), f"Open-sourced {m['obj'].strip()}",
                   release="open source")


def _new_heading(clause: str, ctx: Context) -> Found | None:
    m = _NEW_HEADING.match(clause)
    if m is None:
        return None
    return _launch(m["obj"] or m["obj2"], m.start())


def _rebuilt(clause: str, ctx: Context) -> Found | None:
    sentence = ctx.sentence or clause
    m = _REBUILT.search(sentence)
    if m is None or not _OUT_NOW.search(sentence, m.end()) or m.start() < sentence.find(clause):
        return None  # rebuilt, but not said to be out: work in progress
    what = (m["obj"] or m["obj2"]).strip()
    at = max(0, clause.find(what))
    how = "from scratch" if "scratch" in m.group().lower() else "from the ground up"
    return _launch(what, at, f"Relaunched {what}, rebuilt {how}", named_first=bool(m["obj2"]))


def _cheered(clause: str, ctx: Context) -> Found | None:
    m = _CHEERED.search(clause) or _DOOR.search(clause)
    if m is None or _PATCH.search(m["obj"]):
        return None
    what = m["obj"].strip()
    bare = _BARE_VERSION.fullmatch(what) is not None  # "3.0": the channel's own product
    title = f"Released version {what.lstrip('v')}" if bare else f"Released {what}"
    return _launch(what, m.start(), title)


# Each reader, after the words it cannot match without (lower case).
_READERS = (
    ((" here", " arrived", "dropped", "landed"), _arrived),
    (("meet ", "say hello", "say hi"), _meet),
    (("beta",), _beta_out),
    (("open to", "waitlist", "wait-list"), _open_all),
    (("open source", "open-source", "open sourced", "open-sourced"), _made_open),
    (("new",), _new_heading),
    (("scratch", "ground up"), _rebuilt),
    (("congrat", "kudos", "hats off", "well done", "great job", "nice work", "shout",
      "out the door"), _cheered),
)


# A numbered pre-release, a build for testers: "3.0 alpha 2", "v2.0.0-beta.3", "please test".
# (a major version's first beta, "1.0.0-beta.1", is labelled a launch in the corpus)
_PRE_ITERATION = re.compile(r"(?i)\b(?:alpha|beta|preview)[ .-]?(?:[2-9]|\d{2,})\b"
                            r"|\b(?:rc|release candidate)[ .-]?\d+\b"
                            r"|-(?:alpha|beta|preview)\.(?:[2-9]|\d{2,})|-rc\.\d"
                            r"|\b(?:please|pls) (?:test|try it out and report|report (?:any )?"
                            r"(?:issues|bugs))|\bfor (?:early |beta )?testers\b"
                            r"|\b(?:test|testing) builds?\b")
# Our own tooling: "dashboards for on-call", "our new hiring pipeline in Ashby".
_TOOLING = re.compile(r"(?i)\bfor (?:the |our )(?:support|sales|ops|cs|engineering|finance|hr"
                      r"|people|recruiting|marketing|design|data|success) team\b|\bfor on-?call\b"
                      r"|\bfor (?:internal|our own|in-house) use\b|\b(?:hiring|recruiting"
                      r"|interview|onboarding|expense|payroll|vacation|pto) (?:pipeline|process"
                      r"|workflow|policy|tracker)\b")
_TOOL_WE_USE = re.compile(r"\b(?:in|on) (?P<a>Notion|Jira|Linear|Ashby|Greenhouse|Lever|Asana"
                          r"|Confluence|Airtable|Retool|Grafana|Datadog|Zendesk|Salesforce|Trello"
                          r"|Monday\.com|ClickUp)\b|\b(?P<b>Grafana|Datadog|Kibana|Metabase|Looker"
                          r"|Retool|Jira|Notion|Trello) (?:dashboards?|boards?|alerts?|panels?"
                          r"|pages?|workspace)\b")
# Someone else's release, learnt of and passed on: "Just saw that Notion 3.0 is out".
_PASSED_ON = re.compile(r"(?i)\b(?:just saw|saw that|did (?:you|anyone) see|til|apparently"
                        r"|noticed that|(?:i )?heard that)\b|,\s*(?:nice|neat|cool|wow|interesting"
                        r"|fyi)\W*$")
# A launch set for a day to come, in the present tense: "we're launching X next Tuesday".
_DAY_TO_COME = re.compile(
    r"(?i)\b(?:launching|releasing|shipping|going live|goes live|go live|launches|ships"
    r"|releases|opening)\b[^.;!?]{0,60}?\b(?:tomorrow|tonight|next (?:week|month|year|quarter"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this (?:coming )?(?:monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday)|in (?:\d+|two|three|four|a few"
    r"|a couple of) (?:days|weeks|months)|later this (?:week|month|year))\b")


# A community space or a channel of ours opened: "our community Slack", "a Beacon subreddit".
_SPACE = re.compile(r"(?i)\b(?:launch\w*|open\w*|start\w*|kick\w* off|creat\w*|set up|introduc\w*"
                    r"|unveil\w*)\s+(?:(?:a|an|the|our|its|new|official)\s+){0,3}(?:[\w-]+\s+)?"
                    r"(?:community\s+(?:slack|discord|forum|space|hub|server)|(?:slack|discord"
                    r"|telegram|whatsapp|facebook|linkedin|reddit)\s+(?:community|server|group"
                    r"|channel|workspace|page)|subreddit|youtube channel|(?:twitter|x|instagram"
                    r"|tiktok) account)\b")
# The launch told as backstory in a relative clause: "the Beacon app that we launched in March",
# "by the time we released 3.0"; not "the app that we launched today".
_BACKSTORY = re.compile(r"(?i)\b(?P<pre>\w+) (?:(?:that|which) (?:we|i) (?:had |have |once )?"
                        r"|by the time (?:we|i) )(?:launched|released|shipped|introduced|built)\b"
                        r"(?! (?:today|this (?:morning|week)|just now|tonight)\b)")
# Words before "that" that make it a complement, not a relative: "the news is that we shipped".
_COMPLEMENT = frozenset({"is", "was", "news", "say", "said", "announce", "means", "mean", "know",
                         "think", "glad", "excited", "happy", "proud", "fact", "so", "now",
                         "believe", "hope", "sure", "noticed", "shows", "show", "note", "share",
                         "thrilled", "pleased", "delighted", "tell", "report", "confirm"})
# Announced, but no product: our inclusion on a list, a move, an anniversary, an office.
_NO_PRODUCT = re.compile(r"(?i)\b(?:announc\w*|unveil\w*|introduc\w*|share)\s+(?:(?:an|a|the|our"
                         r"|its)\s+)?(?:\w+\s+)?(?:inclusion|relocation|move|anniversary"
                         r"|birthday|rebrand(?:ing)?|new name|new (?:office|headquarters|hq))\b")
# What was read as the product is a channel of ours, not a product: "the End Point Blog".
_CHANNEL_NAME = re.compile(r"(?i)\b(?:blog|website|homepage|newsletter|podcast|subreddit)$")
# ... or a class or gathering held somewhere: "Announcing Angular Master Class in Freiburg",
# "Introducing Acme Training Days in London". A new class itself is a training company's product
# ("thoughtram introduces its RxJS Master Class" is labelled a launch), a session in a city not.
_GATHERING_NAME = re.compile(r"(?i)\b(?:master ?class(?:es)?|classes|workshops?|training(?: days?)?"
                             r"|bootcamps?|seminars?|meetups?|conferences?|summit|hackathons?"
                             r"|webinars?|roadshow|tour|days|week|festival)$")
_HELD = re.compile(r"\b(?:in|at) (?:the )?[A-Z][a-z]|\b(?i:on|from) \d{1,2}(?:st|nd|rd|th)?"
                   r" (?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
# An offer launched, not a product: "Introducing our Black Friday deal: 3 months free".
_OFFER = re.compile(r"(?i)\b(?:introduc\w*|announc\w*|launch\w*|unveil\w*|roll\w* out)\s+(?:(?:a"
                    r"|an|the|our|its|new|special|limited|exclusive)\s+){1,3}(?:[\w%-]+\s+){0,3}?"
                    r"(?:deal|sale|offer|discount|coupon|promo(?:tion)?)s?\b")
# A customer's launch on us, not ours: "Our customer Initech went live with their new portal,
# powered by Acme", "Globex launched their store on our platform".
# (where it names us, naming.py makes it the customer's story: "the FBI launched their Crime Data
# Explorer on cloud.gov")
_THEIR_LAUNCH = re.compile(r"(?i)\bour (?:customer|client|partner|user)s?\b[^.;]{0,40}?\b(?:went"
                           r" live|launched|released|shipped|rolled out|(?:is|are) (?:now )?live)\b"
                           r"|\b(?:launched|went live with|released|shipped|rolled out) their\b")
# A delay that may come, not one that came: "Both have the potential to delay our release".
_MAY_DELAY = re.compile(r"(?i)\b(?:potential to|could|might|may|risks?|threaten(?:s|ed)? to"
                        r"|likely to|at risk of)\s+(?:\w+\s+){0,2}?(?:delay|push(?:ing)? back"
                        r"|slip)")


def veto(found: Found, clause: str, sentence: str,
         company: re.Pattern[str] | None) -> str | None:
    """Why a launch reading of ``clause`` is no launch of ours, or None."""
    if found.event_type is not T.PRODUCT_LAUNCH:
        return None
    if found.negative:
        return "a delay that may come, not one that came" if _MAY_DELAY.search(clause) else None
    return _not_a_release(clause) or _not_ours(clause, sentence, company) \
        or _no_product(found, clause, sentence, company)


def _no_product(found: Found, clause: str, sentence: str,
                company: re.Pattern[str] | None) -> str | None:
    """A space, a channel, an offer or a company's news told in launch words."""
    m = _SPACE.search(clause) or _NO_PRODUCT.search(clause) or _OFFER.search(clause)
    if m is not None:
        return f"no product launched ({m.group().strip()})"
    if _THEIR_LAUNCH.search(clause) and not (company is not None and company.search(sentence)):
        return "a customer's or partner's launch, not ours"
    product = str(found.metrics.get("product", ""))
    if _CHANNEL_NAME.search(product):
        return "a channel of ours, not a product"
    if _GATHERING_NAME.search(product) and _HELD.search(clause):
        return "a class or a gathering held somewhere, not a product"
    told = _BACKSTORY.search(clause)
    if told is not None and told["pre"].lower() not in _COMPLEMENT \
            and len(clause[:told.start()].split()) >= 3:
        # "Initiatives that we launched" heads a list of launches; it tells no backstory
        return "a launch told as backstory"
    return None


def _not_a_release(clause: str) -> str | None:
    """A pre-release build or our own tooling."""
    m = _PRE_ITERATION.search(clause)
    if m is not None:
        return f"a pre-release build ({m.group().strip()}), not a launch"
    if _TOOLING.search(clause):
        return "our own tooling, not a product launch"
    return None


def _not_ours(clause: str, sentence: str, company: re.Pattern[str] | None) -> str | None:
    """Tooling we use, someone else's release passed on, or a launch still to come."""
    tool = _TOOL_WE_USE.search(clause)
    if tool is not None and not (company is not None and company.search(tool.group())):
        return f"our own tooling in {tool['a'] or tool['b']}, not a product launch"
    passed = _PASSED_ON.search(sentence)
    if passed is not None and not FIRST_PERSON.search(clause) and not (
            company is not None and company.search(sentence)):
        return f"someone else's release passed on ({passed.group().strip(' ,')})"
    if _DAY_TO_COME.search(clause):
        return "a launch set for a day to come"
    return None
