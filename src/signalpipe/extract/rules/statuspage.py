"""Whole posts with a fixed shape: status-page incidents and "Show HN" / "Launch HN" posts.

A status post is read as one piece, not sentence by sentence: its title names what broke
("API Outage", "Vegas: Offline"), its updates ("Investigating - ...", "**Resolved**: ...") tell
one incident, and the sentence readers see nothing in "The APIs should operate normal again" or
mistake a maintenance window's "interruption" for an outage. The labelling rule
(LABELLING.md, short-posts' SOURCE.md) is what a customer felt: our service stated offline,
down or unavailable is a lowlight; planned maintenance, hazard notices, a third party's trouble
that left us unaffected, "no customer impact", packet loss and routes pulled around a PoP are
not. A post where nothing is stated down yields no event, and the sentence readers' guesses
on it are dropped too (the post's shape says it is an incident log, not news).

A "Show HN: X - a tool that ..." or "Launch HN: X (YC W18) - ..." title is the makers
presenting what they built: a launch of X. Personal pages, hacks, tutorials, proposals and
art pieces shown on HN are not products.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Literal

from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.text import Span
from signalpipe.models import EventType

# The update labels of Atlassian Statuspage, cState, Instatus and hand-kept pages:
# "Investigating - ", "*Update* - ", "**Resolved**: ", "Identified:", "Monitoring -".
_UPDATE_LABEL = re.compile(
    r"(?:^|\n)[ \t>]*[*_]{0,2}(?:investigating|identified|idenitfied|update|updated|resolved"
    r"|monitoring|postmortem|post-mortem|complete|completed)[*_]{0,2}\s*(?:[:\-\u2013\u2014]"
    r"|[*_]{1,2}\s)", re.IGNORECASE)
# A title that names an incident: "Project API currently not available", "Vegas: Offline".
_INCIDENT_TITLE = re.compile(
    r"\b(?:outage|offline|down|unavailable|not available|disruption|interruption|incident"
    r"|issues?|errors?|degraded|failing|failed|failures?|instability|unreachable"
    # a recovery told as a post of its own ("API availability restored"): no launch
    r"|restored|recovered|recovery|availability|back (?:up|online)|resolved)\b", re.IGNORECASE)
# What customers felt: the service stated offline, down or unavailable (not "slow", not
# "packet loss", not "routes pulled": anycast serves that traffic elsewhere).
_DOWN = re.compile(
    r"\b(?:outages?|offline|unavailable|not available|(?:is|are|was|were|went|been|goes) down"
    r"|down for|not (?:be )?(?:able to|possible to) (?:log ?in|access|use)|failed logins"
    r"|elevated error rates?|(?:increased|increasing|high) error rates?"
    r"|interrupting services?|not working)\b", re.IGNORECASE)
# Planned work and notices: an interruption inside a window the customer was told of.
_PLANNED = re.compile(r"\b(?:maintenance|hazz?ard|scheduled|upgrades?|software updates?"
                      r"|migrating|migration|depreciat\w*|deprecat\w*)\b", re.IGNORECASE)
_UNPLANNED = re.compile(r"\b(?:unplanned|emergency)\b", re.IGNORECASE)
# A notice's heading, with or without update labels ("Upgrade the blade series" is news).
_NOTICE = re.compile(r"\b(?:maintenance|hazz?ard (?:notice|warning))\b", re.IGNORECASE)
# A heading that is itself a status: "Outage CH", "Chicago: Offline", "Ashburn DC power outage".
_DOWN_HEADING = re.compile(r"\b(?:outage|offline|unavailable|not available)\b", re.IGNORECASE)
# A body that speaks of our service or machines, under such a heading.
_OURS = re.compile(r"\b(?:we|our|us|servers?|systems?|services?|nodes?|pop|api|apis)\b",
                   re.IGNORECASE)
# "No customer services are affected", "our APIs were not affected", "no impact on customers".
_UNFELT = re.compile(
    r"\b(?:no customer(?: services?| sites?| traffic)? (?:is |are |were |was )?"
    r"(?:affected|impacted)"
    r"|no (?:customer[- ])?impact|(?:were|was|are|is) not (?:affected|impacted)|unaffected"
    # failover: anycast or a standby serves the traffic, the customer feels nothing
    r"|(?:traffic|routes?|requests?) (?:is |are |was |were |has been |have been )?(?:being )?"
    r"(?:routed|re-?routed|redirected|served|failed over) (?:around|elsewhere"
    r"|(?:to|by|from) (?:nearby|other|neighbou?ring|another)))\b",
    re.IGNORECASE)
# Trouble that is someone else's and the world's: "Cloudflare is currently facing network
# issues that affect websites around the world".
_WORLDWIDE = re.compile(r"\b(?:around the world|major parts of the world|worldwide|globally"
                        r"|global outage|internet-wide)\b", re.IGNORECASE)
# The incident's own clock: update time stamps ("(2019-04-26T10:17:00.000Z)") or a stated
# window ("unavailable between 14:02 and 15:10 UTC"). A blip under half an hour that was
# resolved is not an outage an investor hears of (short-posts' SOURCE.md, LABELLING.md).
_STAMP = re.compile(r"\b(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})")
_BETWEEN = re.compile(r"\bbetween (\d{1,2}):(\d{2}) and (\d{1,2}):(\d{2})\b")
SHORT_BLIP = timedelta(minutes=30)

# "Show HN: Shiori - Simple self hosted bookmarks manager", "Launch HN: Temper (YC W18) - ..."
_SHOW_HN = re.compile(r"^(?:Show|Launch) HN:\s+(?P<rest>[^\n]{3,200})")
_NAME_DASH = re.compile(r"^(?P<name>[^\s:,.][^:\u2013\u2014]{0,40}?)(?: \([^)]*\))?"
                        r"\s*(?: [\u2013\u2014-] |: |, (?=an? |the ))")
# Shown on HN but no product: a personal page, a hack, a how-to, a proposal, an art piece.
_NOT_PRODUCT = re.compile(
    r"\b(?:my (?:\w+ ){0,2}(?:personal )?(?:website|homepage|blog)|hacking|hacked"
    r"|how (?:i|we|to)|tutorial|proposal|quickly build|a score by|an essay|my (?:first )?"
    r"(?:attempt|experiment))\b", re.IGNORECASE)


def read_post(text: str, posted: datetime | None = None
              ) -> tuple[Found, Span] | Literal[False] | None:
    """A post read whole: (reading, its span) for an incident or a launch; False for a status
    post that states no outage (the sentence readers' guesses on it are no news); None for
    any other text, left to the sentence readers."""
    if text.startswith(("Show HN:", "Launch HN:")):
        return _shown(text)
    title_end = text.find("\n")
    title = text[:title_end] if title_end > 0 else text[:120]
    if not _is_status_post(title, text):
        return None
    if posted is not None and _lasted(text, posted) < SHORT_BLIP:
        return False
    return _outage(title, text) or False


def _lasted(text: str, posted: datetime) -> timedelta:
    """How long the incident lasted by its own clock; a day where no clock is given."""
    window = _BETWEEN.search(text)
    if window is not None:
        h1, m1, h2, m2 = (int(g) for g in window.groups())
        return timedelta(minutes=((h2 * 60 + m2) - (h1 * 60 + m1)) % (24 * 60))
    stamps = [datetime.fromisoformat(f"{d}T{h}:{m}:00+00:00") for d, h, m in _STAMP.findall(text)]
    if not stamps:
        return timedelta(days=1)
    start = min([posted, *stamps]) if posted.tzinfo else min(stamps)
    return max(stamps) - start


def _is_status_post(title: str, text: str) -> bool:
    """A status page's post: update labels in the body, or a short incident title above
    a body; a long message with labels is a status page pasted in chat, read the same way."""
    heading = len(title) <= 90 and not title.rstrip().endswith((".", "!", "?")) \
        and "\n\n" in text
    if heading and _NOTICE.search(title):
        return True  # a maintenance or hazard notice, labelled or not
    if heading and len(title) <= 60 and _DOWN_HEADING.search(title) \
            and _OURS.search(text, len(title)):
        return True
    # a label opens the text or a line: in one line only the start can hold it, and match()
    # tries that one position where search() would try them all
    labelled = (_UPDATE_LABEL.search(text) if "\n" in text else _UPDATE_LABEL.match(text)) \
        is not None
    if not labelled:
        return False  # most text: the title's patterns need not run
    titled = heading and _INCIDENT_TITLE.search(title) is not None
    return titled or _DOWN.search(title) is not None


def _outage(title: str, text: str) -> tuple[Found, Span] | None:
    if _PLANNED.search(title) and not _UNPLANNED.search(title):
        return None  # a maintenance window or a hazard notice, even where it overran
    if _UNFELT.search(text) or _WORLDWIDE.search(text):
        return None
    down = _DOWN.search(text)
    if down is None:
        return None
    name = " ".join(title.strip(" *_#").rstrip(".").split())
    # the heading reads as the event where it names the outage itself ("Ashburn DC power
    # outage"); "Login Issues" needs the word an investor reads
    headline = name if _DOWN_HEADING.search(name) and len(name) > 8 else f"Service outage: {name}"
    found = Found(EventType.TECHNICAL_ACHIEVEMENT, {"incident": "outage"}, headline,
                  down.start(), negative=True)
    return found, Span(0, len(title), title)


def _shown(text: str) -> tuple[Found, Span] | None:
    line_end = text.find("\n")
    line = text if line_end < 0 else text[:line_end]
    m = _SHOW_HN.match(line)
    if m is None or _NOT_PRODUCT.search(line):
        return None
    rest = m.group("rest").strip()
    named = _NAME_DASH.match(rest)
    product = named.group("name").strip() if named else rest
    title = f"Launched on Hacker News: {rest}" if named is None \
        else f"Launched {product}: {rest[named.end():]}"
    found = Found(EventType.PRODUCT_LAUNCH, {"product": product}, title.rstrip(" .")[:140],
                  m.start("rest"))
    return found, Span(0, len(line), line)


# Project chats (an open-source project's sponsors are its funding, LABELLING.md): a sponsor
# signed, paid, renewed or lost, in the words of a maintainers' chat or a foundation's news.
_CAP_NAME = r"(?P<name>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3})"
_TIER = r"(?:(?:gold|silver|bronze|platinum|diamond|premium|corporate|founding)(?: or \w+)? )?"
_SPONSOR_SIGNED = re.compile(
    _CAP_NAME + r" (?:(?:is|are|was|were|has been|have been|got|just) )?"
    r"(?:confirmed|signed(?: up| on)?|joined|came on board|(?:is|are) now|became|becomes)"
    r" as (?:a |an |our )?(?:new )?"
    + _TIER + r"sponsors?\b"
    r"|(?i:welcom\w*) " + _CAP_NAME.replace("name", "welcomed") + r" as (?:a |an |our )?(?:new )?"
    + _TIER + r"sponsors?\b"
    r"|(?i:sponsor(?:ing|ship) announcement from) " + _CAP_NAME.replace("name", "announced"))
# "First sponsor has paid for 2023", "our gold sponsor renewed", "renewed their sponsorship"
_SPONSOR_KEPT = re.compile(
    r"\b(?:our |the )?(?:first |1st |gold |silver |bronze |platinum |main |biggest )sponsor"
    r" (?:has |have |just )?(?:paid|renewed|re-?signed|extended)\b"
    # "extended its sponsorship with the Buffalo Sabres": the company paying a team
    r"|\b(?:renewed|extended) (?:their|its|his|her) sponsorship"
    r"(?: (?:of|for|with) (?:us|the project)\b| for (?:20\d\d|another|next|the next)\b"
    r"|(?=\s*[.!,;]|$))",
    re.IGNORECASE)
_SPONSOR_LOST = re.compile(
    r"\bsponsors? (?:\w+ )?(?:dropp(?:ing|ed)|pull(?:ing|ed)|back(?:ing|ed)) out\b"
    r"|\blost (?:a|another|one|two|three|\d+|our (?:\w+ )?) ?(?:of our )?sponsors?\b"
    r"|\bsponsor(?:ship)? (?:was |has been |got )?(?:cancell?ed|ended|not renewed|withdrawn)\b"
    r"|\b(?:dropp(?:ed|ing)|pulled|backed) out as (?:a |our )?(?:\w+ )?sponsor\b",
    re.IGNORECASE)
# "we are confirmed as a gold sponsor of KubeCon": us paying someone else's event
_SPONSOR_OF = re.compile(r"\bsponsors? (?:of|at|for) (?!(?:us|our|the project)\b)\w",
                         re.IGNORECASE)
_US = frozenset({"We", "I", "Our", "Us"})


def sponsorship(clause: str, low: str, ctx: Context) -> Found | None:
    """A sponsor of ours signed, paid, renewed or lost (a project's funding)."""
    if "sponsor" not in low:
        return None
    lost = _SPONSOR_LOST.search(clause)
    if lost is not None:
        return Found(EventType.FUNDING, {"sponsorship": "lost"}, f"Lost sponsorship: "
                     f"{clause[lost.start():].strip(' .')[:80]}", lost.start(), negative=True)
    if _SPONSOR_OF.search(clause):
        return None
    signed = _SPONSOR_SIGNED.search(clause)
    if signed is not None:
        name = next(g for g in signed.groups() if g)
        if name in _US:
            return None  # "We signed up as a sponsor": our money going out
        return Found(EventType.FUNDING, {"sponsor": name}, f"New sponsor: {name}",
                     signed.start(), relational=True, stakeholders=(name,))
    kept = _SPONSOR_KEPT.search(clause)
    if kept is not None:
        return Found(EventType.FUNDING, {"sponsorship": "renewed"},
                     f"Sponsorship renewed: {clause[kept.start():].strip(' .')[:80]}",
                     kept.start())
    return None


# Adopters of a project or product told in its chat: "Google Cloud Armor updated to CRS v3.3"
# (their success with ours), "Kemp is installing CRS as their default rule set", "AWS announced
# it supports CRS" (a vendor building ours in: a partnership).
_ADOPTED = re.compile(
    _CAP_NAME + r" (?:(?:has|have|just|now|officially|announced that|announced) )*"
    r"(?:(?:it|they) )?(?P<verb>updated to|upgraded to|moved to|migrated to|switched to|adopted"
    r"|ships|shipped|is shipping|(?<=announced )supports|(?<=announced it )supports"
    r"|(?<=announced they )support|(?:is|are) installing|installs|made|makes)"
    r" (?:the |our )?")
# A chat line's opening word before the name: "So Google Cloud Armor updated to ..."
_OPENER = re.compile(r"^(?:(?:So|And|But|Now|Also|Then|Well|Today|Yesterday|Btw|BTW|FYI|Oh"
                     r"|Finally|Plus) )+")
_BUILT_IN = re.compile(r"\bas (?:their|its|the) default\b|\bsupports?\b|\binstall", re.IGNORECASE)


def adopter(clause: str, low: str, ctx: Context) -> Found | None:
    """Another company adopting, upgrading to or building in our product, named after the verb."""
    if ctx.company is None:
        return None
    m = _ADOPTED.search(clause)
    if m is None or m.group("name") in _US or ctx.company.match(clause, m.end()) is None \
            or ctx.company.search(m.group("name")):
        return None
    name = _OPENER.sub("", m.group("name"))
    built_in = _BUILT_IN.search(clause, m.start("verb")) is not None
    kind = EventType.PARTNERSHIP if built_in else EventType.CUSTOMER_SUCCESS
    title = clause[m.end("name") - len(name):].strip(" .!")[:90]
    return Found(kind, {"partner" if built_in else "customer": name}, title, m.start(),
                 relational=True, stakeholders=(name,))


# A project's own GA release told in its chat: "we released 3.3.0", "we just shipped v4.0"; not
# a release candidate, beta or a patch ("3.1.1" is routine, short-posts' and team-chat2's
# SOURCE.md).
_RELEASED = re.compile(
    r"\b(?:we|i) (?:(?:have|just|finally|officially|now|'ve) )*(?:released|shipped|cut|tagged"
    r"|published) (?:the )?(?:v|version |release )?(?P<version>\d{1,3}\.\d{1,3}(?:\.0)?)"
    r"(?![\w.-])(?! ?(?:rc|beta|alpha|preview|pre-release|release candidate))", re.IGNORECASE)
# Leaders of a project (its hires): a new co-lead or maintainer named; one stepping down.
_LEAD = r"(?:co-?lead|project lead|lead maintainer|core maintainer|maintainer)"
_NEW_LEAD = re.compile(r"(?P<name>@?[\w][\w.-]*)_? (?:is|becomes|became|has become|joins as"
                       r"|joined as) (?:a |an |our |the )?new " + _LEAD, re.IGNORECASE)
_LEAD_DOWN = re.compile(r"\b(?:i'm|i am|i have|i've|i)\s(?:\w+ )?(?:stepping|stepped|step) down"
                        r" (?:as|from) (?:\w+ ){0,2}" + _LEAD, re.IGNORECASE)


def project_news(clause: str, low: str, ctx: Context) -> Found | None:
    """A project's GA release, a new co-lead, or the speaker stepping down as lead."""
    released = _RELEASED.search(clause)
    if released is not None:
        version = released.group("version")
        return Found(EventType.PRODUCT_LAUNCH, {"version": version}, f"Released version {version}",
                     released.start())
    new_lead = _NEW_LEAD.search(clause)
    if new_lead is not None and new_lead.group("name").lower() not in {"we", "i", "who", "he",
                                                                        "she", "they"}:
        name = new_lead.group("name").strip("@_")
        return Found(EventType.HIRING, {"person": name}, f"{name} named co-lead",
                     new_lead.start(), stakeholders=(name,))
    down = _LEAD_DOWN.search(clause)
    if down is not None:
        return Found(EventType.HIRING, {"departure": "lead"}, "Project lead stepping down",
                     down.start(), negative=True)
    return None
