"""A company's own public Slack or Discord: who is speaking, the company or a member?

A developer community (HubSpot's, Stripe's, Shopify's, Figma's, Notion's) mixes the company's
announcements with members' posts about their own work, and both use the same words. The
question for each reading is whether the poster speaks for the company:
- a member's channel (#showcase, #show-and-tell, #jobs, #introductions, #self-promotion, a
  #marketplace where members list their work) holds members' news: "Introducing Revert - a
  single API for CRM integrations", "Today, we released our STORM theme" (that "we" is an
  agency);
- a listing, a badge or a prize in the company's own programme is the member's: "Pro-Slider is
  now available in the HubSpot Marketplace", "our app is live on the Shopify App Store", "I am
  a certified HubSpot Developer and a Platinum HubSpot Partner", "we won the Figma Community
  Challenge";
- a member's own build in the first person singular: "I've released a new app that integrates
  HubSpot contacts with ...", "My HubSpot CMS theme - Drive - launched yesterday".
The company's own releases to developers are told in words the other detectors leave to
chatter, read by ``announced``: "We just released two new fields for custom modules",
"Today we're launching an update to our docs", "[Now Live] you can use module paths", "the
CLI is out of beta", "All Starter and Pro customers can now use server-side React"; and its
incidents: "we are aware of an issue that caused workflows to show as unavailable".
Staff posts carry look-alikes of their own, checked here too: a reminder of a change already
announced ("a reminder this change is getting rolled out today"), a bug note that mentions a
release, a feature named with a business word ("the ability to merge deals" is no merger, "at
your next renewal" in a pricing note is no renewal), a contest's call for votes, a partner who
is a person (a Slack mention), and an interjection read as a name ("Absolutely, ...").
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.names import key
from signalpipe.models import EventType, Message

T = EventType

# Channels where members post about themselves; the company announces elsewhere.
MEMBER_CHANNEL = re.compile(
    r"(?i)^#?(?:show[-_ ]?(?:and|&|n)?[-_ ]?tell|show[-_ ]?(?:case|off)|showcase[-\w]*"
    r"|self[-_ ]?promo(?:tion)?|promotions?|jobs?(?:[-_ ]board)?|gigs|freelanc\w*"
    r"|hire[-_ ]me|looking[-_]for[-_]work|introductions?|intros?|introduce[-_]yourself"
    r"|marketplace|built[-_]with[-\w]*|made[-_]with[-\w]*|community[-_]projects|projects"
    r"|gratitude|shameless[-_]plug|plugs?|what[-_]i[-_]built|share[-_]your[-_]work)$")

# The company's own programmes, named after it: a listing, badge or prize in one is a member's.
_PROGRAMME = (r"(?:(?:app|apps|template|theme|asset|plugin|integrations?|partner|solutions?"
              r"|ecosystem|developer)\s+)?(?:marketplace|app\s+store|store|directory|ecosystem"
              r"|partner\s+directory|showcase|gallery)")
_PRIZE = (r"(?:[\w-]+\s+){0,3}(?:challenge|hackathon|contest|competition|awards?|prize"
          r"|jam|bounty)")
_BADGE = (r"(?:partner|developer|expert|agency|consultant|freelancer|ambassador|champion|mvp"
          r"|hero)s?")

# First person singular building on the platform: "I've released a new app", "my theme".
_MINE = re.compile(
    r"(?i)\b(?:i(?:'ve|\u2019ve| have)?\s+(?:just\s+|finally\s+|recently\s+)?(?:released"
    r"|launched|published|built|shipped|created|made|listed|submitted)\s+(?:a|an|my)\b"
    r"|\bmy\s+(?:[\w-]+\s+){0,4}(?:app|theme|module|plugin|template|integration|extension"
    r"|tool|library|package|sdk|connector|side\s+project|project|startup|agency)s?\b)")
_ARTIFACT = (r"(?:app|theme|module|plugin|template|integration|extension|tool|library|package"
             r"|sdk|connector|wrapper|bot|starter|boilerplate)s?")

# A reminder restates a change already announced.
_REMINDER = re.compile(r"(?i)\b(?:a\s+)?(?:friendly\s+|quick\s+|gentle\s+|final\s+|last\s+)?"
                       r"reminder\b|\bas\s+(?:previously|already)\s+announced\b")
# A bug note that mentions a release: the bug is the news, and it is routine.
_BUG_AFTER_RELEASE = re.compile(r"(?i)\b(?:bug|issue|regression|problem)s?\b[^.!?]{0,120}"
                                r"\b(?:after|since|with|in)\s+(?:the|this|our|a)\s+"
                                r"(?:recent\s+|latest\s+|last\s+)?release\b")
# A feature named with a business word.
_FEATURE_WORD = re.compile(
    r"(?i)\b(?:ability|option|able|abilities|allows?\s+(?:you|users|customers)|lets?\s+you"
    r"|can\s+now|feature)\b[^.!?]{0,40}\b(?:to\s+)?(?:merge|merging|acquire|renew|partner)\b"
    r"|\bmerge\s+(?:two\s+|duplicate\s+)?(?:deals|contacts|records|companies|tickets|accounts"
    r"|objects|branches|pull\s+requests|prs|files)\b")
_POLICY_RENEWAL = re.compile(r"(?i)\b(?:at|upon|on)\s+(?:(?:your|the|their|a)\s+)?"
                             r"(?:future|next|upcoming)\s+renewals?\b"
                             r"|\breserve\s+the\s+right\b")
_CALL_FOR_VOTES = re.compile(r"(?i)\b(?:vote\s+for|for\s+a\s+chance\s+to\s+win|chance\s+to\s+win"
                             r"|submit\s+your\s+entry|enter\s+(?:the|our)\s+)")
_PERSON_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
_INTERJECTION = re.compile(r"^\W*(?:absolutely|definitely|totally|exactly|agreed|sure|yes|yep"
                           r"|indeed|of course|certainly|totally agree|great|awesome|nice"
                           r"|thanks|thank you)\b\W", re.IGNORECASE)
_NAME_KEYS = ("partner", "customer", "product", "name")


# A capitalised name (one to three words) in the slot the company's own name would fill; the
# name is then checked against the company's names, so no pattern is compiled per company.
_CO = r"(?P<co>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}?)"
PROGRAMME = re.compile(
    rf"\b(?i:in|on|to|into|onto)\s+(?i:the\s+)?(?i:official\s+)?{_CO}\s+(?i:{_PROGRAMME})\b"
    rf"|\b(?i:a|an)\s+(?:[\w-]+\s+){{0,2}}?{_CO.replace('co>', 'co2>')}\s+(?:[\w-]+\s+)?"
    rf"(?i:{_BADGE})\b"
    rf"|\b(?i:won|win|winning|winners?\s+of|placed\s+\w+\s+in)\s+(?i:the\s+)?"
    rf"{_CO.replace('co>', 'co3>')}\s+(?i:{_PRIZE})\b")
PLATFORM = re.compile(
    rf"{_CO}\s+(?:[\w-]+\s+){{0,2}}(?i:{_ARTIFACT})\b"
    rf"|\b(?i:for|on|with|integrates|integrating|into|to)\s+(?i:the\s+)?"
    rf"{_CO.replace('co>', 'co2>')}(?![\w-])")


def _names_company(pattern: re.Pattern[str], sentence: str,
                   company: re.Pattern[str] | None) -> re.Match[str] | None:
    """The first match of ``pattern`` whose name slot holds one of the company's names."""
    if company is None:
        return None
    m = pattern.search(sentence)
    while m is not None:
        name = m["co"] or m["co2"] or (m["co3"] if "co3" in m.re.groupindex else None)
        if name and company.search(name):
            return m
        # "My HubSpot CMS Theme": the name may start one word later than the first match
        m = pattern.search(sentence, m.start() + 1)
    return None


def member_channel(message: Message) -> bool:
    """The message sits in a channel where members post about their own work."""
    return bool(message.channel) and MEMBER_CHANNEL.match(message.channel or "") is not None


def members_own(found: Found, sentence: str, company: re.Pattern[str] | None) -> str | None:
    """Why a reading is a member's own news, not the company's, or None."""
    if found.negative:
        return None  # "the app store is down for everyone" is our outage, whoever reports it
    if company is not None:
        m = _names_company(PROGRAMME, sentence, company)
        if m:
            return f"a member's listing, badge or prize in our own programme ({m.group().strip()})"
    mine = _MINE.search(sentence)
    if mine and _names_company(PLATFORM, sentence, company) is not None:
        # a solo founder says "I released a new model of TinyPilot" of their own company: a
        # member builds on the company, naming it as a platform
        return f"a member's own work ({mine.group()})"
    return None


def staff_lookalike(found: Found, sentence: str) -> str | None:
    """Why a staff post's event words state no event, or None."""
    kind = found.event_type
    if kind is T.PRODUCT_LAUNCH and not found.negative:
        if _REMINDER.search(sentence):
            return "a reminder of a change already announced"
        if _BUG_AFTER_RELEASE.search(sentence):
            return "a bug note mentioning a release"
    if kind in (T.OTHER, T.CUSTOMER_SUCCESS, T.PARTNERSHIP) and _FEATURE_WORD.search(sentence):
        return "a feature named with a business word"
    if kind is T.CUSTOMER_SUCCESS and _POLICY_RENEWAL.search(sentence):
        return "a renewal in a pricing policy"
    if kind in (T.MEDIA_COVERAGE, T.OTHER) and _CALL_FOR_VOTES.search(sentence):
        return "a contest's call for votes"
    if kind is T.PARTNERSHIP and _PERSON_MENTION.search(sentence):
        return "a partner who is a person"
    if _INTERJECTION.match(sentence) and any(
            isinstance(v, str) and _INTERJECTION.match(f"{v} ")
            for k, v in found.metrics.items() if k in _NAME_KEYS):
        return "an interjection read as a name"
    return None


def member_reason(message: Message, found: Found, sentence: str,
                  company: re.Pattern[str] | None) -> str | None:
    """Why a reading of ``sentence`` in ``message`` is a member's or a look-alike, or None."""
    if member_channel(message) and not found.negative:
        return f"a member's post in #{message.channel}"
    return members_own(found, sentence, company) \
        or staff_lookalike(found, sentence)


# "we (have) (just) released|launched|shipped|added|rolled out ...": the company speaking
_WE_RELEASED = re.compile(
    r"\b(?:(?:today|yesterday|this morning),?\s+)?we(?:'ve|\u2019ve|\s+have|'re|\u2019re|\s+are)?"
    r"\s+(?:just\s+|now\s+|officially\s+|finally\s+)?(?P<verb>released|launched"
    r"|(?:(?:pumped|excited|thrilled|happy|proud|pleased)\s+to\s+(?:release|launch))"
    r"|launching|releasing)\s+"
    r"(?P<obj>(?:[^.!?;:\n]|\.(?=\d)){3,120})", re.IGNORECASE)  # "v0.8" kept whole
_TAG = re.compile(r"^(?::[\w+-]+:\s*)*\W{0,12}\[(?:release|released|now live|new|launch|ga"
                  r"|beta)\]\W*(?P<obj>[^.!?\n]{3,120})", re.IGNORECASE)
# the verb of "<X> is out of beta", found first; <X> is read back from it (a lazy name group
# in front would be tried from every position of every sentence)
_OPENED = re.compile(
    r"\s(?:is|are|has|have)\s+(?:now\s+)?(?:officially\s+)?"
    r"(?:out\s+of\s+beta|generally\s+available|available\s+(?:to|for|in)\s+all\s+(?:\w+\s+)?"
    r"(?:accounts|customers|users|developers|portals|tiers|plans)|been\s+released)\b",
    re.IGNORECASE)
_STOP = re.compile(r"[.!?;\n]")
_OPENED_WORDS = ("out of beta", "generally available", "available to all", "available for all",
                 "available in all", "been released")
# "we just released", "today we're launching": a post's news; "we released" alone is backstory
_FRESH = re.compile(r"(?i)\b(?:just|today|yesterday|this\s+morning|pumped|excited|thrilled"
                    r"|happy|proud|pleased)\b")
# what a release post ships that is routine: fixes, patches, a reminder, an outage note
_ROUTINE = re.compile(r"(?i)\b(?:fix(?:es|ed)?|hotfix|patch|bugs?|typos?|minor|tweaks?|issues?"
                      r"|improvements|features|take|draft|proposal|rfc|sneak\s+peek|study|report"
                      r"|survey|white\s*paper|e-?book|guide|post|article|video|webinar|podcast"
                      r"|episode|newsletter"
                      r"|changes?\s+to\s+the\s+(?:docs|wording)"
                      r"|v?\d+\.\d+\.[1-9]\d*)\b|^(?:a\s+)?(?:new\s+|latest\s+)?version\b")
_CUT = re.compile(r"(?:\s*(?:-\s|--|\u2013|\u2014)|\s+(?:that|which|so|to\s+make|for\s+more|check"
                  r"|to\s+all|and\s+(?:it|they|you))\b).*$", re.IGNORECASE)
_OPENING = re.compile(r"^(?:(?:a\s+set\s+of|a|an|the|our|some|two|three|several|a\s+couple\s+of)"
                      r"\s+|you\s+can\s+(?:now\s+)?)", re.IGNORECASE)
# "[Now Live] you can use custom module paths now instead of ids" was titled "Released You can
# use ...": the ability is the news ("New: you can now use custom module paths instead of ids")
_NOW = re.compile(r"\s+now\b", re.IGNORECASE)
_LATER = re.compile(r"(?i)\b(?:tomorrow|next\s+(?:week|month)|soon|later\s+this)\b")
_POINTER = re.compile(r"(?i)^\W*(?:this|that|these|those|it|which)\b")
_NEW = re.compile(r"\W*(?:the\s+)?new\b", re.IGNORECASE)
# an incident the company owns up to: "we are aware of an issue that caused ..."
_AWARE = re.compile(
    r"\bwe(?:'re|\u2019re|\s+are)\s+(?:aware|investigating)\b[^.!?]{0,160}?"
    r"\b(?:not\s+loading|unavailable|failing|fail\s+to|down\b|outage|degraded|errors?\b"
    r"|incident|disruption|delays?\b)", re.IGNORECASE)
_AWARE_WORDS = ("aware", "investigating")
# The title names what fails in the notice's own words, whole: the last 40 characters had cut
# "Incident: Igation and CRM records" out of "the navigation and CRM records".
_AWARE_OPENER = re.compile(r"^we(?:'re|\u2019re|\s+are)\s+(?:aware|investigating)\b"
                           r"(?:\s+(?:of|that))?\s*", re.IGNORECASE)
_ASIDE = re.compile(r",\s+(?:including|such\s+as|like)\b[^,]{0,80},", re.IGNORECASE)


def _what_fails(notice: str) -> str:
    """'we are aware that parts of Acme, including the navigation, are not loading' ->
    'parts of Acme are not loading'."""
    return _ASIDE.sub("", _AWARE_OPENER.sub("", notice))
_NOT_OURS = re.compile(r"(?i)\b(?:i(?:'ve|\u2019ve|\s+have)?\s+(?:just\s+)?(?:released|launched"
                       r"|shipped|built)|my\s+(?:own\s+)?(?:app|theme|module|plugin|startup))\b")


def announced(clause: str, low: str, ctx: Context) -> Found | None:
    """The company's own release or incident told to its developers, or None."""
    if _NOT_OURS.search(clause):
        return None
    sentence = ctx.sentence or clause
    m = _AWARE.search(sentence) if any(w in sentence for w in _AWARE_WORDS) else None
    if m is not None and clause in sentence:
        return Found(T.TECHNICAL_ACHIEVEMENT, {"incident": "incident"},
                     f"Incident: {said(_what_fails(m.group()), 0, limit=70)}",
                     max(0, clause.find(m.group()[:12])), negative=True)
    what, at = _released(clause)
    if what is None or _ROUTINE.search(clause):
        return None
    cut = _CUT.sub("", what).strip(" *_`-,")
    obj = _OPENING.sub("", cut).strip(" *_`")
    ability = obj != cut and cut[:3].lower() == "you"
    if ability:
        obj = _NOW.sub("", obj)
    if len(obj) < 3 or _ROUTINE.search(obj):
        return None
    told = said(obj, 0, limit=70)
    title = f"New: you can now {told[:1].lower()}{told[1:]}" if ability else f"Released {told}"
    return Found(T.PRODUCT_LAUNCH, {"product": key(obj)}, title, at,
                 allow=frozenset({"plan"}) if "today" in low else frozenset())


def _released(clause: str) -> tuple[str | None, int]:
    """What a release sentence says was released, and where its trigger is."""
    low = clause.lower()
    m = _TAG.search(clause) if "[" in clause else None
    if m is not None:
        return m["obj"], m.start()
    m = _WE_RELEASED.search(clause) if "we" in low else None
    fresh = m is not None and _FRESH.search(clause, 0, m.start("obj")) is not None \
        and _LATER.search(clause) is None
    if m is not None and fresh and (
            not m["verb"].lower().endswith("ing") or "today" in clause.lower()):
        # "we're launching X" is a plan, unless it is today's post
        return m["obj"], m.start()
    m = _OPENED.search(clause) if any(w in low for w in _OPENED_WORDS) else None
    if m is None:
        return None, 0
    what = _STOP.split(clause[:m.start()])[-1].strip()
    if not 3 <= len(what) <= 120 or _POINTER.match(what) or (m.group().lower().endswith("released")
                                                 and not _NEW.match(what)):
        return None, 0  # "version 0.8 has been released" is routine; "the new X" is news
    return what, max(0, clause.rfind(what, 0, m.start()))
