"""What a company posts in its own community channels (Discord, Slack or Telegram
#announcements, forum posts, tweets relayed into chat), and the chatter around it.

Community posts say the usual events in their own words:
- coverage made by someone else: "Lon.TV published a video about Acme", "nice write-up about
  Acme by Simon Willison", "TechCrunch interviewed our CMO", "the Changelog had us on", "check
  out BSoD's new video on the rewrite", "shoutout to @Fireship for the video on Acme";
- a listing or integration on another platform: "LangChain added an Acme retriever", "Railway
  now offers Acme storage buckets", "Acme was added to the Homebrew core tap", "$ACME is now
  live on Binance", "we've joined the Cloudflare Startup Program", members thanking the team
  "for this partnership"; and its lowlight, the product taken off a store ("I've removed Ripple
  from the .uk store", "delisted");
- a release opened to members: "the Acme beta is now open to everyone", "the testnet is now
  open", "Acme for Windows is finally here" (a version "now out" or "now ready" is read by
  company.launch; ``veto`` drops the chat around releases);
- the community's own counts: testers, nodes, servers, "our 10,000th Discord member", "#1 on
  GitHub trending";
- setbacks in community words: the team split ("we now have no communication with Andy"), a
  licence-key generator posted, a feature pulled "indefinitely", legal action told in passing
  ("chaos due to the lawsuit"), the service down for everyone, a product retired.

The same channels are full of look-alikes, checked here or in ``veto``: a member's own video,
device or count ("my first LoRa device has arrived", "here in Sydney I've got 300+ nodes"),
another community's numbers ("the other discord is already at over 1000 members"), a team
member's own blog post, interviews not yet done, hopes to be listed, fix builds, recollections
("released on the 26th, I believe"), releases dated ahead ("is out in September"), a community
welcoming a member ("Welcome @FewCrypto"), planned maintenance, a price plan retired.
"""
from __future__ import annotations

import re

from signalpipe.extract.rules.common_words import COMMON_WORDS
from signalpipe.extract.rules.found import Context, Found, cased, said
from signalpipe.extract.rules.lexicon import OUTLET, rx
from signalpipe.extract.rules.names import key, name_after, name_before, names_in
from signalpipe.extract.rules.subject import FIRST_PERSON
from signalpipe.models import EventType

T = EventType

# What someone else makes about a product: the thing published.
_CONTENT = (r"(?:(?:youtube |video |in-depth |full |short |detailed |great |nice |awesome |new "
            r"|first |hands-on |honest )*(?:video|review|video review|podcast episode|episode"
            r"|podcast|write-?up|article|blog post|deep[- ]dive|tutorial|walkthrough|livestream"
            r"|segment|explainer|overview|comparison|piece|story|thread|newsletter))")
# "<Someone> published a video about <us>": the maker, a verb of publishing, what is about us.
MADE_ABOUT = rx(
    r"\b(?:published|posted|made|dropped|did|uploaded|released|wrote|put out|recorded|shared"
    r"|has|just put up|put up|aired|ran)\s+(?:up\s+)?(?:a|an|another|their|his|her|the)\s+"
    + _CONTENT + r"s?\s+(?:about|on|of|covering|reviewing|featuring|comparing|explaining"
    r"|introducing)\b")
# "check out BSoD's new video on the rewrite": the maker named by a possessive, recommended to
# members in our channel; what it is about is ours or our work named with "the".
MAKERS_OWN = re.compile(r"\b([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})(?:'s|\u2019s|(?<=s)')\s+"
                        r"(?:new\s+|latest\s+|great\s+|awesome\s+|excellent\s+)*(?:video|review|podcast"
                        r"|write-?up|article|deep[- ]dive|breakdown|explainer)\s+(?:on|about"
                        r"|of|covering)\s+")
OUR_WORK = rx(r"(?:the|our)\s+(?:[\w-]+\s+){0,2}(?:rewrite|release|update|launch|new version"
              r"|announcement|beta|redesign|renderer|feature)\b")
# "Shoutout to @Fireship for the awesome video on Acme!", "thanks to Lon.TV for the review"
THANKS_FOR = rx(r"\b(?:shout-?out|shoutout|thanks|thank you|kudos|big thanks|huge thanks)\s+to\s+"
                r"(?P<who>@?[\w.]+(?:\s+[\w.]+){0,2}?)\s+for\s+(?:the|their|this|his|her|that)\s+"
                r"(?:[\w-]+\s+){0,2}?(?:video|review|write-?up|article|podcast|episode|coverage"
                r"|feature|deep[- ]dive|breakdown|interview|stream)s?\b"
                r"(?=\s*(?:$|[!.,:;)\u2014-]|on\b|about\b|of\b|covering\b|featuring\b|https?:))")
# "<content> about <us> by <Someone>", "... video, this one by Lon.TV"
CONTENT_BY = rx(r"\b" + _CONTENT + r"s?\b[^.;!?]{0,60}?\bby\s+(?=[a-z0-9@])")
# Interviews and guest spots that happened: "TechCrunch interviewed our CMO", "the Changelog had
# us on", "our CTO was a guest on <podcast>".
INTERVIEWED = rx(
    r"\binterviewed\s+(?:our|us|me|my co-?founder)\b"
    r"|\bhad\s+(?:us|our\s+[\w-]+(?:\s+[\w-]+)?)\s+on\s+(?:the|their|his|her)\s+(?:show|podcast"
    r"|stream|channel|livestream|programme|program)\b"
    r"|\bhad\s+(?:us|our\s+[\w-]+)\s+on\b(?=[^.;]{0,30}\b(?:to talk|to chat|to discuss))"
    r"|\b(?:we|our\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:was|were)\s+(?:a\s+)?guests?\s+on\b")
# "Acme got a mention in this week's Console newsletter", "a shout-out from Fireship"
# "Jeff Geerling reviewed the Acme board", "Fireship covered Acme": the maker reviewed us.
REVIEWED = rx(r"\b(?:reviewed|covered|profiled|benchmarked|demoed|unboxed|featured)\s+"
              r"(?:the\s+)?(?=\S)")
# An issue of a newsletter, a sit-down: "Acme is in this week's TLDR newsletter", "our CEO sat
# down with TechCrunch".
IN_ISSUE = rx(r"\b(?:is|are|was|were|made it|got)\s+(?:in|into|featured in)\s+(?:this|last|today's)"
              r"\s+(?:week's|month's|issue of|edition of)\s+(?=\S)")
SAT_DOWN = rx(r"\bsat\s+down\s+with\s+(?=\S)")
MENTION = rx(r"\b(?:got|gets|received|earned)\s+(?:a\s+|an\s+)?(?:(?:nice|big|huge|great)\s+)?"
             r"(?:mention|shout-?out|shoutout|write-?up)\s+(?:in|on|from|by)\s+(?=\S)")
# A team member's own writing or a member's own clip: not coverage by someone else.
NOT_COVERAGE = rx(r"\b(?:on|in)\s+(?:our|my|the team's)\s+(?:own\s+)?(?:blog|channel"
                  r"|newsletter|site|website|docs)\b|\b(?:i|we)\s+(?:just\s+)?(?:published"
                  r"|posted|made|dropped|did|uploaded|recorded|wrote|put out|shared)\b"
                  r"|\b(?:my|our)\s+(?:own\s+)?(?:setup|build|install|node|device)\b")
_CAP_NAME = re.compile(r"[A-Z@][\w.@&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}")


# Patterns the helpers below use, compiled once (the re module's cache is full).
_ABOUT_SOMETHING = re.compile(r"\b(?:on|about|of)\s+\w")
_US = re.compile(r"\b(?:us|our)\b", re.IGNORECASE)
_FILLERS_AT_END = re.compile(r"(?:\s+(?:just|also|recently|finally|has|have|had|even|now"
                             r"|podcast|show|channel|crew|folks|team|newsletter|blog"
                             r"|youtube channel))+\s*$")
_NAME_AT_END = re.compile(r"(?:^|[\s(\"'])((?:[A-Z@][\w.@&'-]*)(?:\s+[A-Z][\w.&'-]*){0,3})$")
_ARTICLE = re.compile(r"^(?:The|A|An)\s+")
_ISSUE_OPENER = re.compile(r"^(?:the|this week's|this week\u2019s|last week's|today's)\s+",
                           re.IGNORECASE)
_ACCELERATOR = re.compile(r"accelerator|incubator|batch", re.IGNORECASE)
_NOW = re.compile(r"\bnow\b")
_STORE_AT_END = re.compile(r"([A-Z.][\w.'-]*(?:\s+[A-Z][\w'-]*)*)\s+(?:[Ss]tore|[Mm]arketplace"
                           r"|[Ss]hop|[Rr]egistry|[Ee]xchange)\s*$")
_COUNT_VERB_OPENER = re.compile(r"^(?:over|more than|past|passed|crossed|hit|reached|topped)\s+")
_COMMUNITY_PLACE = re.compile(r"\b(?:community|server|discord|slack|channel|group)\b",
                              re.IGNORECASE)
_I_AM = re.compile(r"\bI(?:'m|\u2019m| am)\s+([A-Z][\w-]+)")


def _recommended(clause: str, low: str, ctx: Context) -> Found | None:
    """Coverage pointed out to members: "Shoutout to @Fireship for the video on Acme", "check
    out BSoD's new video on the rewrite"."""
    maker, at = None, 0
    thanks = THANKS_FOR.search(low)
    if thanks is not None:
        tail = clause[thanks.end():]
        if _about_us(tail, ctx) or OUR_WORK.match(low, thanks.end() + 1) \
                or not _ABOUT_SOMETHING.search(tail[:6]):
            maker, at = clause[thanks.start("who"):thanks.end("who")].lstrip("@"), thanks.start()
    own = None if maker else MAKERS_OWN.search(clause)
    if own is not None and (_about_us(clause[own.end():], ctx) or OUR_WORK.match(low, own.end())):
        maker, at = own.group(1), own.start()
    if maker is None or FIRST_PERSON.fullmatch(maker) \
            or (ctx.company is not None and ctx.company.search(maker)):
        return None
    return _coverage(maker, at)


def coverage(clause: str, low: str, ctx: Context) -> Found | None:
    """Coverage someone else published about us: a video, review, podcast or write-up."""
    pointed = _recommended(clause, low, ctx)
    if pointed is not None:
        return pointed
    scored = IN_ISSUE.search(low) or SAT_DOWN.search(low)
    if scored is not None:
        return _scored(clause, scored, ctx)
    m = MADE_ABOUT.search(low) or MENTION.search(low) or _reviewed_us(clause, low, ctx)
    by = None if m else CONTENT_BY.search(low)
    talk = None if m or by else INTERVIEWED.search(low)
    hit = m or by or talk
    if hit is None or NOT_COVERAGE.search(low):
        return None
    if talk is None and not _about_us(clause[hit.start():] if m and m.re is not MENTION
                                      else ctx.sentence or clause, ctx):
        return None  # "a video about Meshtastic I liked": someone else's product
    if by is not None:
        who = _name_at(clause, by.end())
    elif talk is not None:
        who = _name_before(clause, talk.start()) or name_after(clause, talk.end(), within=40)
    else:
        who = _name_at(clause, hit.end()) if m and m.re is MENTION \
            else _name_before(clause, hit.start())
    if who is None or (ctx.company is not None and ctx.company.search(who)):
        return None  # no one named, or our own post
    return _coverage(who, hit.start())


def _reviewed_us(clause: str, low: str, ctx: Context) -> re.Match[str] | None:
    """"Tom's Hardware reviewed Acme", "featured the Acme board": the object is us, by name."""
    m = REVIEWED.search(low)
    if m is None or not (low.startswith("us", m.end())
                         or (ctx.company is not None and ctx.company.match(clause, m.end()))):
        return None
    return m


def _scored(clause: str, m: re.Match[str], ctx: Context) -> Found | None:
    """Coverage told by an issue or a sit-down; the head must be ours."""
    if not _we_or_us(clause[:m.start()], ctx):
        return None  # "Globex is in this week's Console newsletter": theirs
    if m.re is SAT_DOWN and (_WE.search(clause[:m.start()]) or not OUTLET.match(
            clause.lower(), m.end())):
        return None  # "We sat down with Sam to learn about his career": we interviewed him
    who = _name_at(clause, m.end())
    if who is None or (ctx.company is not None and ctx.company.search(who)):
        return None
    return _coverage(who, m.start())


def _coverage(who: str, at: int) -> Found:
    """Coverage by ``who`` (a handle loses its "@": "Coverage by Theo")."""
    who = who.lstrip("@")
    return Found(T.MEDIA_COVERAGE, {"publication": key(who)}, f"Coverage by {cased(who)}", at,
                 relational=True)


def _about_us(text: str, ctx: Context) -> bool:
    return bool(_US.search(text)
                or (ctx.company is not None and ctx.company.search(text)))


def _we_or_us(head: str, ctx: Context) -> bool:
    """The company speaking or named before the verb: "We've joined", "Acme is in"."""
    return bool(_WE.search(head)) or _about_us(head, ctx)


_WE = re.compile(r"\bwe(?:'ve|'re|\u2019ve|\u2019re)?\b", re.IGNORECASE)


def _name_before(clause: str, pos: int) -> str | None:
    """The proper name ending just before ``pos`` ("TechCrunch interviewed", "Lon.TV just
    published"), an adverb or two between them allowed."""
    head = _FILLERS_AT_END.sub("", clause[max(0, pos - 60):pos].rstrip())
    m = _NAME_AT_END.search(head)
    if not m:
        return None
    name = _ARTICLE.sub("", m.group(1))
    if name.split()[0].lower() in _NOT_MAKERS:
        return None
    return name.strip(".'-") or None


_NOT_MAKERS = frozenset({"we", "i", "our", "my", "they", "he", "she", "someone", "somebody",
                         "anyone", "everyone", "the", "this", "that", "it", "ok", "so", "and"})


def _name_at(clause: str, pos: int) -> str | None:
    """The proper name starting at ``pos`` ("by Lon.TV", "in the Console newsletter")."""
    rest = clause[pos:].lstrip()
    rest = _ISSUE_OPENER.sub("", rest)
    m = _CAP_NAME.match(rest)
    if not m:
        return None
    return m.group().rstrip(".'-") or None


# Our product taken onto another platform: "Acme was added to the Homebrew core tap", "we're now
# in the Raycast Store", "Acme is now an official Zapier integration".
ONTO = rx(r"\b(?:was|were|has been|have been|got|gets|is now|are now|just got|now|finally)\s+"
          r"(?:officially\s+)?(?:added to|listed on|listed in|accepted into|merged into"
          r"|included in|integrated into|integrated in|live on|available on|available in"
          r"|trading on|part of|verified on|certified on)\s+"
          r"(?:the\s+)?(?=\S)"
          r"|\bnow\s+(?:natively\s+|officially\s+)?integrates?\s+(?:natively\s+)?with\s+(?=\S)"
          r"|\b(?:install|get|download)\s+(?=[\w.-]+(?:\s+[\w.-]+)?\s+(?:directly\s+)?from\s+(?:the"
          r"\s+)?[\w.-]+(?:\s+[\w.-]+)?\s+(?:marketplace|store|hub|registry)\b)"
          r"|\bis now (?:an?\s+)?(?:official|verified|certified|native|built-in)\s+(?=[a-z0-9]"
          r"[\w.-]*\s+(?:integration|partner|app|plugin|extension|connector|provider))")
# Another platform taking our product in: "LangChain added an Acme retriever", "Railway now
# offers Acme storage buckets", "Northflank released a Tigris template".
TAKEN_IN = rx(r"\b(?:added|adds|ships|shipped|released|launched|now has|now offers|now supports"
              r"|now includes|now powers|built|integrated|rolled out)\s+(?:a\s+|an\s+|native\s+"
              r"|first-class\s+|official\s+|built-in\s+|its\s+|their\s+)*(?=[\w.@-]+(?:\s+[\w.-]+)?"
              r"\s+(?:integration|retriever|plugin|connector|provider|template|extension|support"
              r"|storage|buckets?|adapter|backend|driver|module|node|vector store|loader)\b)")
# A platform moving onto ours: "Vercel migrated their image pipeline onto Acme".
MIGRATED_ONTO = rx(r"\b(?:migrated|moved|switched|is migrating|are migrating|has moved"
                   r"|have moved|rebuilt|re-?platformed)\s+(?:[\w'-]+\s+){0,4}?(?:onto|over to)"
                   r"\s+(?=\S)")
# The product taken off a store or an exchange: a listing's lowlight.
OFF_STORE = rx(r"\b(?:removed|pulled|delisted|kicked|banned|taken down|took down)\b"
               r"(?:\s+[\w.'-]+){0,4}?\s+(?:from|off)\s+(?:the\s+|our\s+|my\s+)?(?:[\w.'-]+\s+)?"
               r"(?:store|app store|play store|marketplace|shop|registry|exchange|catalog)\b"
               r"|\b(?:was|were|has been|got|have been)\s+delisted\b")
REMOVED_NAMED = rx(r"\b(?:i've|i have|we've|we have|i|we)\s+(?:just\s+)?(?:removed|pulled)\s+"
                   r"(?=[a-z])")
# Where anyone's app goes on sale: being there is the app's launch, not a partner listing.
APP_STORE = rx(r"(?:google play|play store|app store|apple app store|mac app store|microsoft store"
               r"|windows store|f-droid|steam|itch|flathub|snap store|galaxy store)\b")
STORE_WORD = rx(r"\b(?:store|marketplace|shop|app store|play store|exchange)\b")
HOPE = rx(r"\b(?:we'd|we’d|i'd|would|we would)\s+love\s+to\b|\b(?:hoping|hope|trying|applying"
          r"|applied|want|wants|planning|aim|aiming)\s+to\b|\bapply(?:ing)?\s+for\b|\bsoon\b"
          r"|\bwaitlist\b|\bwhen will\b")
WEAK_ONTO = rx(r"\b(?:live on|available on|available in|included in|trading on|part of|verified on"
               r"|certified on)\b")
# Where a token is listed: a listing is the token's partnership (shared LABELLING.md).
EXCHANGE = rx(r"(?:the\s+)?(?:binance|coinbase|kraken|okx|bybit|kucoin|uniswap|gate\.io|bitget"
              r"|bitstamp|bitfinex|gemini|crypto\.com|htx|huobi|mexc|upbit|bithumb|raydium"
              r"|pancakeswap|sushiswap|curve|hyperliquid)\b")
_PLATFORM_SUFFIX = rx(r"\s+(?:marketplace|store|app store|hub|registry|catalog|directory|tap"
                      r"|repository|repo)\b")


# Members confirming a partnership that went live: "Huge thanks to the team for this
# partnership!", "congrats on the Stripe partnership". A proposal or an offer is no partnership.
PARTNER_THANKS = re.compile(
    r"\b(?:thanks?|thank you|congrats|congratulations|kudos)\b[^.!?]{0,40}?\b(?:for|on)\s+"
    r"(?:this|the|your|that)\s+(?:(?P<name>[A-Z][\w.-]+)\s+)?partnership\b(?!\s+(?:proposal|offer"
    r"|inquiry|enquiry|request|idea|pitch|call|talks?))(?:\s+with\s+(?P<with>[A-Z][\w.-]+))?",
    re.IGNORECASE)


def _thanked(clause: str, ctx: Context) -> Found | None:
    m = PARTNER_THANKS.search(clause)
    if m is None:
        return None
    who = m.group("with") or m.group("name")
    if who is None or who[0].islower():
        who = next((n for n, _, _ in names_in(ctx.before)
                    if n.lower() not in COMMON_WORDS
                    and not (ctx.company is not None and ctx.company.search(n))), None)
    if who is None or (ctx.company is not None and ctx.company.search(who)):
        return None
    return Found(T.PARTNERSHIP, {"partner": key(who)}, f"Partnership with {cased(who)}",
                 m.start(), relational=True)


# A partner programme joined: "We've joined the Cloudflare Startup Program", "Acme is now part
# of the AWS ISV Accelerate programme". An accelerator batch is not a partnership.
PROGRAMME = re.compile(r"\b(?:joined|joins|accepted into|admitted to|selected for|part of)\s+"
                       r"(?:the\s+)?(?P<who>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}?)\s+(?:startup\s+"
                       r"|partner\s+|partners\s+|developer\s+|technology\s+|isv\s+|reseller\s+"
                       r"|[A-Z][\w-]*\s+)?(?:program|programme|partner network|ecosystem)\b",
                       re.IGNORECASE)


def _programme(clause: str, ctx: Context) -> Found | None:
    m = PROGRAMME.search(clause)
    if m is None or not _we_or_us(clause[:m.start()], ctx) \
            or _ACCELERATOR.search(m.group()):
        return None
    who = m.group("who")
    if ctx.company is not None and ctx.company.search(who):
        return None
    return Found(T.PARTNERSHIP, {"partner": key(who)}, f"Partnership with {cased(who)}",
                 m.start(), relational=True)


def listing(clause: str, low: str, ctx: Context) -> Found | None:
    """Our product listed on, added to or built into another platform (a partnership), or
    taken off a store (its lowlight)."""
    thanked = _thanked(clause, ctx) if "partnership" in low else \
        _programme(clause, ctx) if "program" in low or "ecosystem" in low else None
    if thanked is not None:
        return thanked
    off = OFF_STORE.search(low) or _removed_named(low, ctx)
    if off is not None:
        if not (FIRST_PERSON.search(low) or _about_us(clause, ctx)):
            return None  # "Apple pulled Fortnite from the App Store": theirs
        where = _store_name(clause, off.end()) or "store"
        return Found(T.PARTNERSHIP, {"partner": key(where), "listing": "removed"},
                     f"Removed from {where}: {said(clause, off.start(), limit=60)}",
                     off.start(), negative=True, relational=True)
    m = ONTO.search(low)
    taken = None if m else TAKEN_IN.search(low) or MIGRATED_ONTO.search(low)
    hit = m or taken
    if hit is None or HOPE.search(low[:hit.end()]):
        return None
    who = _platform(clause, low, m, ctx) if m is not None else _taker(clause, hit, ctx)
    if who is None or (ctx.company is not None and ctx.company.search(who)):
        return None
    return Found(T.PARTNERSHIP, {"partner": key(who)}, f"Partnership with {cased(who)}",
                 hit.start(), relational=True)


def _platform(clause: str, low: str, m: re.Match[str], ctx: Context) -> str | None:
    """The platform our product went onto: "Acme was added to the Homebrew core tap"."""
    installed = m.group().startswith(("install", "get", "download"))
    if not _about_us(clause[m.end():m.end() + 30] if installed else clause[:m.start()], ctx):
        return None  # "Stripe was added to the index": not ours
    who = _name_at(clause, m.end())
    if who is not None and APP_STORE.match(who.lower()):
        return None  # "our Android app is now available on Google Play": a launch
    if installed:
        if not _NOW.search(low, 0, m.start()):
            return None  # "get Acme from the VS Code Marketplace": how to, not news
        return _name_at(clause, low.index(" from ", m.end()) + 6)
    if WEAK_ONTO.search(m.group()) and not _PLATFORM_SUFFIX.match(low, m.end() + len(who or "")) \
            and not EXCHANGE.match(low, m.end()) \
            and not _PLATFORM_SUFFIX.search(f" {(who or '').lower()}"):
        return None  # "now available in Early Access", "on the Starter plan": no platform
    return who


def _taker(clause: str, hit: re.Match[str], ctx: Context) -> str | None:
    """The platform that took our product in: "LangChain added an Acme retriever"."""
    if ctx.company is None or not ctx.company.search(clause[hit.end():hit.end() + 40]) \
            or FIRST_PERSON.search(clause[:hit.start()]):
        return None  # "LangChain added a Pinecone retriever"
    return _name_before(clause, hit.start())


def _removed_named(low: str, ctx: Context) -> re.Match[str] | None:
    """"So, I've removed Ripple." after a sentence about the store: the store names it."""
    m = REMOVED_NAMED.search(low)
    if m and STORE_WORD.search(ctx.before.lower()) and not STORE_WORD.search(low):
        return m
    return None


def _store_name(clause: str, end: int) -> str | None:
    head = clause[max(0, end - 40):end]
    m = _STORE_AT_END.search(head)
    return m.group(1).strip(".") + " store" if m else None


# Something told to members as out or here: what is new must still be named below.
RELEASE_NOW = rx(r"\b(?:is\s+|are\s+)?now\s+(?:out|ready|live|released|available)\b"
                 r"|\bis\s+(?:finally\s+)?(?:out|here|live)\b(?!\s+(?:of|in|on|next|soon|by))")
# Not yet open to all: sign-ups for it, or a beta for a handful ("for five design partners").
NOT_A_BETA = rx(r"\b(?:applications?|sign-?ups?|waitlist|registrations?|design partners?"
                r"|invite[- ]only|private)\b|\bfor\s+(?:\d+|a few|a handful of|two|three|five|ten"
                r"|select(?:ed)?)\b")
# "Acme for Windows is finally here": the product on a new platform.
PLATFORM_APP = rx(r"\bfor\s+(?P<os>windows|mac|macos|linux|ios|iphone|ipad|android|the web|web"
                  r"|desktop|mobile|apple watch|wear ?os|chrome|firefox|safari|vs code|vscode"
                  r"|jetbrains|raspberry pi|arm64|docker|kubernetes)(?=\s)\s+(?:is|are)\s+"
                  r"(?:now\s+|finally\s+|officially\s+)*(?:here|out|live|available)\b")


# "The Acme beta is now open to everyone", "Early access for Acme Mobile starts today!"
OPEN_BETA = rx(r"\b(?:(?:public|open|closed)\s+)?(?:beta|early access|alpha|playtest|testnet)\b"
               r"[^.;!?]{0,40}?"
               r"\b(?:is\s+now\s+open|now\s+open|opens\s+today|is\s+open\s+to\s+(?:everyone|all)"
               r"|starts\s+today|is\s+(?:now\s+)?live|has\s+started|is\s+here)\b")


def release(clause: str, low: str, ctx: Context) -> Found | None:
    """A beta, early access or testnet opened to the community, or the product on a new
    platform ("Acme for Windows is finally here")."""
    beta = OPEN_BETA.search(low)
    if beta is not None and _about_us(clause, ctx) and not NOT_A_BETA.search(low):
        what = said(clause, beta.start(), beta.end(), limit=60)
        return Found(T.PRODUCT_LAUNCH, {"product": key(what)}, said(clause, 0, limit=70),
                     beta.start())
    m = RELEASE_NOW.search(low)
    if m is None:
        return None
    app = PLATFORM_APP.search(low)
    if app is not None:
        name = name_before(clause, app.start(), within=40)
        if name is None or not (ctx.company is None or ctx.company.search(name)
                                or FIRST_PERSON.search(clause[:app.start()])):
            return None  # "Signal for iPad is here": someone else's app, unless named ours
        what = f"{clause[clause.find(name):app.start('os')]}{clause[app.start('os'):app.end('os')]}"
        return Found(T.PRODUCT_LAUNCH, {"product": key(what)}, f"Launched {what}", app.start())
    return None  # a version "now out" or "now ready" is company.launch's (and changelog.py's)


# The community's own counts: testers, nodes, servers, members, and trending lists.
_COUNT = r"(?:\d[\d,.]*\s*[km]?\+?|(?:a|one|two|three|five|ten)\s+(?:thousand|hundred))"
COMMUNITY_COUNT = rx(
    r"\b(?:(?:over|more than|past|passed|crossed|hit|reached|topped)\s+)?" + _COUNT
    + r"\s+(?:beta\s+)?(?:[\w-]+\s+)?(?:testers|nodes|repeaters|servers|guilds|contributors"
    r"|discord members|community members)\b")
NETWORK_UNITS = rx(r"\b(?:nodes|repeaters)\b")
COUNT_VERB = rx(r"\b(?:signed up|joined|registered|running|online|on the map|live|now|over"
                r"|more than|passed|crossed|hit|reached|topped|milestone|record)\b")
TRENDING = rx(r"(?:#\s?1|number one|no\.\s?1|top\s+(?:\d+\s+)?(?:repo|project)?)\s*"
              r"(?:\w+\s+){0,2}on\s+(?:the\s+)?(?:github(?:'s)?\s+)?(?:\w+\s+)?trending\b"
              r"|\btrending\s+on\s+github\b"
              r"|\btrending\s+(?:#\s?1|number one|no\.\s?1)\s+on\s+github\b"
              r"|\b#\s?1\s+(?:on|in)\s+github\s+trending\b")
NOT_OURS_COUNT = rx(r"\b(?:the other|their|another|other)\s+(?:discord|server|community|mesh"
                    r"|network|project|group)\b|\bhere in\b|\bmy\b|\bi've got\b|\bi have\b"
                    r"|\bvs\.?\b|\bversus\b|\bneed\b|\blooking for\b"
                    r"|\bwe want\b|\bgoal\b|\btarget\b")


# "We've welcomed our 10,000th Discord member today"
ORDINAL_MEMBER = rx(r"\bour\s+(\d[\d,.]*k?)(?:st|nd|rd|th)\s+(?:discord\s+|community\s+|server\s+"
                    r"|telegram\s+|beta\s+)?(?:member|tester|subscriber|follower|player|contributor"
                    r"|server)\b")


def members(clause: str, low: str, ctx: Context) -> Found | None:
    """A milestone of the community around the product: testers, nodes, servers, trending."""
    ordinal = ORDINAL_MEMBER.search(low)
    if ordinal is not None:
        return Found(T.USER_GROWTH, {"community": key(ordinal.group())},
                     said(clause, 0, limit=80), ordinal.start())
    m = TRENDING.search(low)
    if m is not None:
        if NOT_OURS_COUNT.search(low) or not (_about_us(clause, ctx) or not _named_other(
                clause[:m.start()], ctx)):
            return None
        return Found(T.USER_GROWTH, {"trending": "github"}, said(clause, 0, limit=80),
                     m.start())
    m = COMMUNITY_COUNT.search(low)
    if m is None or not COUNT_VERB.search(low) or NOT_OURS_COUNT.search(low):
        return None
    if _named_other(clause[:m.start()], ctx):
        return None
    if NETWORK_UNITS.search(m.group()) and not (ctx.company and ctx.company.search(clause)):
        return None  # "we are now over 1250 repeaters on the live map": a local network's count
    what = _COUNT_VERB_OPENER.sub("", m.group())
    return Found(T.USER_GROWTH, {"community": key(what)}, said(clause, m.start(), limit=80),
                 m.start())


def _named_other(head: str, ctx: Context) -> bool:
    """A capitalised name before the count that is not ours: "Meshtastic has 40k nodes"."""
    for m in _CAP_NAME.finditer(head):
        word = m.group().split()[0].strip(".,:!")
        if len(word) > 2 and word.lower() not in {"we", "our", "the", "over", "more", "now",
                                                  "just", "today", "wow", "omg", "huge", "big",
                                                  "so", "and", "this", "there"} \
                and not (ctx.company is not None and ctx.company.search(m.group())):
            return True
    return False


# A new hire introducing themselves in the community: "I'm Advaita, the latest addition to the
# Datazip crew", "I just joined Acme as Head of Growth". Whose team it is must be ours.
NEW_ON_TEAM = re.compile(r"\b(?:the\s+)?(?:latest|newest)\s+(?:addition|member|hire)\s+"
                         r"(?:to|of|on)\s+(?:the\s+)?(?P<team>[\w.&' -]{2,30}?)\s+"
                         r"(?:team|crew|family|squad)\b"
                         r"|\bI(?:'ve|\u2019ve| have)?\s+(?:just\s+|recently\s+)?joined\s+"
                         r"(?:the\s+)?(?P<org>[\w.&' -]{2,30}?)\s+(?:team\s+)?as\s+"
                         r"(?:a\s+|an\s+|the\s+|our\s+|their\s+)?(?P<role>[\w -]{3,40})",
                         re.IGNORECASE)


def joined(clause: str, low: str, ctx: Context) -> Found | None:
    """A hire introducing themselves to the community on joining our team."""
    m = NEW_ON_TEAM.search(clause)
    if m is None or ctx.company is None:
        return None
    team = m.group("team") or m.group("org") or ""
    if not ctx.company.search(team) or _COMMUNITY_PLACE.search(team):
        return None  # "the newest member of the Acme Discord": a member, not a hire
    who = _I_AM.search(ctx.sentence or clause)
    if who is None:
        return None  # "I'm the newest member of the team": no one named, nothing to report
    name = who.group(1)
    role = (m.group("role") or "").strip()
    title = f"{name} joins as {role}" if role else f"{name} joins the team"
    return Found(T.HIRING, {"person": key(name)}, title, m.start(), allow=frozenset({"plan"}))


# A security audit passed, told the way crypto and open-source communities tell it: "Our smart
# contracts passed an audit by CertiK", "Trail of Bits audited Acme: no critical findings".
AUDITORS = (r"certik|trail of bits|openzeppelin|quantstamp|halborn|spearbit|zellic|cantina"
            r"|code4rena|sherlock|hacken|peckshield|consensys diligence|least authority|kudelski"
            r"|ncc group|cure53|ottersec|osec|chainsecurity|runtime verification|sigma prime")
AUDIT_PASSED = rx(r"\b(?:passed|completed|received|got|finished|cleared)\s+"
                  r"(?:a\s+|an\s+|our\s+|the\s+)?(?:\w+\s+){0,2}?(?:security\s+)?audits?\s+(?:by|from|with)\s+(?:the\s+)?(?="
                  + AUDITORS + r")|\b(?:" + AUDITORS + r")\s+(?:has\s+)?(?:audited|completed"
                  r"\s+(?:an|the|its|their)\s+audit\s+of)\s+(?=\S)")
_AUDITOR = rx(AUDITORS)
NOT_AUDIT = rx(r"\b(?:scheduled|booked|upcoming|planned|undergoing|in progress|started|kicked off"
               r"|next (?:week|month))\b")


def audited(clause: str, low: str, ctx: Context) -> Found | None:
    """A security audit of our code passed, by a named auditing firm."""
    m = AUDIT_PASSED.search(low)
    if m is None or NOT_AUDIT.search(low):
        return None
    if not _we_or_us(clause[:m.start()] if not _AUDITOR.match(m.group()) else clause, ctx):
        return None  # "Globex passed an audit by CertiK": theirs
    firm = _AUDITOR.search(low, m.start(), m.end() + 40)
    who = clause[firm.start():firm.end()] if firm else "an auditor"
    # "with no critical findings" is the audit's good news, not a negation of it
    return Found(T.COMPLIANCE, {"certification": f"security audit by {key(who)}"},
                 f"Security audit passed ({who})", m.start(), relational=True,
                 allow=frozenset({"negation"}))


# Our code or accounts breached: "we were exploited last night", "our bridge was hacked".
BREACHED = rx(r"\b(?:we|our\s+(?:[\w-]+\s+){0,2}?(?:contracts?|bridge|pool|protocol|wallet"
              r"|vault|treasury|servers?|accounts?|discord|twitter|x account|database|app))\s+"
              r"(?:was|were|got|has\s+been|have\s+been)\s+(?:exploited|hacked|drained|compromised"
              r"|breached)\b|\b(?:funds|tokens|assets|user funds)\s+(?:was|were|have\s+been)\s+"
              r"(?:drained|stolen)\b")


# Setbacks in community words: the team split, a licence-key generator posted.
SPLIT = rx(r"\bwe (?:now )?have no (?:more |further )?(?:communication|contact) with\b"
           r"|\b(?:the|our) (?:core )?team (?:has )?split\b|\bparted ways with (?:our |my )?"
           r"(?:co-?founder|founder|cto|ceo|lead)\b"
           r"|\b(?:our|my) co-?founder (?:has )?(?:left|quit|walked away from) (?:the )?"
           r"(?:project|team|company)\b")
KEYGEN = rx(r"\bkeygen\b|\b(?:licen[cs]e|activation|serial)[- ](?:keys?|algorithm|check)s?\b"
            r"[^.;]{0,30}?\b(?:leaked|cracked|bypassed|is out|are out)\b"
            r"|\b(?:leaked|cracked)\s+(?:the\s+)?(?:licen[cs]e|activation)\b"
            r"|\balgorithm is out\b")
# A feature or release pulled for good: the lowlight of a launch.
PULLED = rx(r"\bwe(?:'ve|\u2019ve| have)?\s+(?:had to\s+)?(?:removed|pulled|disabled|withdrawn"
            r"|withdrew|rolled back|taken down|took down)\s+[^.;]{1,60}?\b(?:indefinitely"
            r"|effective immediately|until further notice|permanently|for good)\b")
# Legal action against us told in passing: "the server is in chaos due to the lawsuit".
SUED = rx(r"\b(?:due to|because of|over|facing|hit with|received|got|served with)\s+(?:a|the|an)"
          r"\s+(?:lawsuit|cease and desist|cease-and-desist|dmca takedown|legal threat"
          r"|takedown notice)\b|\b(?:we(?:'re| are)|we've been|we have been)\s+(?:being\s+)?"
          r"sued\b")
# Our service down for everyone, told to members: the lowlight of a technical result.
OUTAGE = rx(r"\b(?:our\s+)?(?:servers?|the\s+(?:game|app|site|website|api|service|platform|launcher"
            r"|backend|dashboard)|logins?|matchmaking|sync)\s+(?:is|are|went|were|has\s+been"
            r"|have\s+been)\s+(?:currently\s+|still\s+)?(?:down|offline|unavailable)\b")
OUTAGE_CONFIRMED = rx(r"\b(?:we(?:'re|\u2019re| are)\s+(?:aware|investigating|looking into|working"
                      r" on)|investigating|sorry|apolog\w+|for everyone|for all (?:users|players)"
                      r"|@everyone|@here)\b")
NOT_OUTAGE = rx(r"\b(?:maintenance|scheduled|for me|on my end|is it|are they|anyone else)\b")
# A product retired: "we've decided to sunset Acme Classic", "development on Acme has ended".
SUNSET = rx(r"\b(?:decided to|decision to|we(?:'re|\u2019re| are| will| have| had to))\s+"
            r"(?:sunset(?:ting)?|shut(?:ting)?\s+down|wind(?:ing)?\s+down|discontinu\w+|retir(?:e|ing)"
            r"|end(?:ing)?\s+(?:support|development)\s+(?:for|of))\s+(?=\S)"
            r"|\bdevelopment\s+(?:on|of)\s+(?=[\w .-]{1,30}?\s+has\s+(?:ended|stopped|ceased)\b)")
# "Acme is shutting down on March 31": the company or product named as the one closing.
CLOSING = rx(r"\s+(?:is|are|will be)\s+(?:shutting down|closing (?:its|our) doors|winding down"
             r"|being discontinued|being sunset)\b")
# What was retired must be ours: "the old forum" is no product of the company's.
OURS_RETIRED = rx(r"(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}(?:app|apps|product|service|platform"
                  r"|game|company|business|plugin|extension|api|sdk|cloud|hosted)\b")
# A price plan or an offer retired is pricing, not a product ("sunsetting the Early Adopter Plan").
PRICE_PLAN = rx(r"\b(?:plan|plans|pricing|tier|discount|promo\w*|offer|coupon|bundle|trial)\b")
SUIT_NOUN = rx(r"lawsuit|cease[- ]and[- ]desist|dmca takedown|legal threat|takedown notice|sued")
THEIR_SUIT = rx(r"\b(?:against|by us|we (?:filed|sued))\b")
MODAL = rx(r"\b(?:could|might|may|would|will|if|should|worried|risk|afraid)\b|'ll\b")
NOT_KEYGEN = rx(r"\b(?:don't|do not|never|no)\s+(?:post|share|use)\b|\bhow (?:do|can) i\b"
                r"|\bwhere\b|\bmy licen[cs]e key\b")


def _retired(clause: str, low: str, ctx: Context) -> re.Match[str] | None:
    """A product of ours retired: what follows the verb is ours by name or "our app"."""
    m = SUNSET.search(low)
    if m is not None:
        what = clause[m.end():m.end() + 40]
        ours = (ctx.company is not None and ctx.company.match(what.lstrip("the ").lstrip())) \
            or (low.startswith("our ", m.end()) and OURS_RETIRED.match(low, m.end()))
        return m if ours and not PRICE_PLAN.search(low, m.end()) else None
    if ctx.company is None:
        return None
    named = ctx.company.match(clause.lstrip())
    if named is None:
        return None
    return CLOSING.match(low, len(clause) - len(clause.lstrip()) + named.end())


def setback(clause: str, low: str, ctx: Context) -> Found | None:
    """The team split or the paid licence cracked: lowlights told in community words."""
    m = SPLIT.search(low)
    if m is not None:
        return Found(T.OTHER, {"setback": "team split"},
                     f"Team split: {said(clause, m.start())}",
                     m.start(), negative=True, subtype="team split",
                     allow=frozenset({"negation"}))
    m = OUTAGE.search(low)
    if m is not None and OUTAGE_CONFIRMED.search(ctx.sentence.lower() or low) \
            and not NOT_OUTAGE.search(ctx.sentence.lower() or low):
        return Found(T.TECHNICAL_ACHIEVEMENT, {"incident": "outage"},
                     f"Outage: {said(clause, m.start(), limit=70)}", m.start(), negative=True)
    m = _retired(clause, low, ctx)
    if m is not None:
        return Found(T.PRODUCT_LAUNCH, {"setback": "sunset"},
                     f"Retired: {said(clause, 0, limit=70)}", m.start(), negative=True,
                     allow=frozenset({"plan"}))
    m = PULLED.search(low)
    if m is not None:
        return Found(T.PRODUCT_LAUNCH, {"setback": "pulled"},
                     f"Pulled: {said(clause, m.start(), limit=70)}", m.start(), negative=True)
    m = SUED.search(low)
    if m is not None and not THEIR_SUIT.search(low) and not MODAL.search(low, 0, m.start()):
        # what follows the suit may be modal ("the mods couldnt keep up"); what leads to it not
        noun = SUIT_NOUN.search(m.group())
        found = noun.group() if noun else "legal action"
        what = "lawsuit" if found == "sued" else found
        return Found(T.COMPLIANCE, {"incident": "legal action"},
                     f"Legal action against the company ({what})", m.start(), negative=True,
                     relational=True, allow=frozenset({"plan"}))
    m = BREACHED.search(low)
    if m is not None and not MODAL.search(low, 0, m.start()):
        return Found(T.COMPLIANCE, {"incident": "security breach"},
                     f"Security incident: {said(clause, m.start(), limit=70)}", m.start(),
                     negative=True)
    m = KEYGEN.search(low)
    if m is not None and not NOT_KEYGEN.search(low):
        return Found(T.COMPLIANCE, {"incident": "licence keygen"},
                     "Paid licence keys cracked: a key generator is circulating", m.start(),
                     negative=True, relational=True, allow=frozenset({"negation"}))
    return None


# Chat around releases that reports none: a member's own parcel, a recollection, a date ahead,
# a fix build; a hope to be listed.
OWN_ARRIVAL = rx(r"\bmy (?:first |new |own )?(?:[\w-]+ ){0,3}(?:has |have )?(?:arrived|came"
                 r"|showed up|turned up)\b")
HEDGED = rx(r"\b(?:i believe|i think|iirc|afaik|if i recall|if memory serves|not sure|i guess"
            r"|probably)\b")
# "1.16 is the first release": which version first had something, said in a thread.
FIRST_WITH = rx(r"^\W*v?\d+(?:\.\d+)+\s+(?:is|was)\s+the\s+first\s+(?:release|version|build)\b"
                r"|\b(?:is|was)\s+the\s+first\s+(?:release|version|build)\s+(?:to|with|that"
                r"|where|which)\b")
# "now available on the Starter plan": pricing, not a product launched.
ON_A_PLAN = rx(r"\bavailable\s+(?:on|in|for|to)\s+(?:the\s+|our\s+|all\s+)?(?:[\w-]+\s+){0,2}"
               r"(?:plans?|tiers?|subscribers?|customers on)\b")
# "bricked by upgrading to the released Bootloader": a release referred to in passing.
THE_RELEASED = rx(r"\b(?:to|by|with|from|on|in|after|since|using)\s+the\s+(?:newly\s+|recently\s+"
                  r"|just\s+)?released\b")
MAINTENANCE = rx(r"\b(?:planned|scheduled|routine)\s+(?:\w+\s+)?maintenance\b|\bmaintenance"
                 r"\s+window\b")
DATED_AHEAD = rx(r"\b(?:is|are|comes?|will be|should be)\s+out\s+(?:in|on|by|next|this"
                 r"|later)\b")
FIX_AVAILABLE = rx(r"\b(?:newly\s+)?(?:fixed|hotfix|bugfix|patched)\b[^.;]{0,60}?\b(?:now"
                   r" available|now ready|is out|now out|available)\b")


# A community welcoming a member: "Welcome @FewCrypto, check out the #job-board".
MEMBER_WELCOME = rx(r"\bwelcome\b[\s,!]*(?:aboard\s+)?[@<]|\bwelcome (?:to|into) (?:the|our)\s+"
                    r"(?:server|community|discord|slack|telegram|channel|group|chat|family)\b"
                    r"|(?:^|\s)#\S*(?:board|jobs?|roles?)\b")


def veto(found: Found, clause: str) -> str | None:
    """Why a reading of ``clause`` in a chat is no event of the company's, or None."""
    low = clause.lower()
    # a teammate welcomed with a job or to the team (chatnews.py) says it is no member
    if found.event_type is T.HIRING and not found.negative and MEMBER_WELCOME.search(low) \
            and "teammate" not in found.allow:
        return "a community welcoming a member"
    if found.event_type is T.PRODUCT_LAUNCH and not found.negative:
        for pattern, why in ((OWN_ARRIVAL, "a member's own device arrived"),
                             (HEDGED, "a hedged recollection"),
                             (DATED_AHEAD, "a release dated ahead"),
                             (FIRST_WITH, "which version first had it"),
                             (ON_A_PLAN, "a feature offered on a price plan"),
                             (THE_RELEASED, "a release referred to, not announced"),
                             (FIX_AVAILABLE, "a fix build")):
            if pattern.search(low):
                return why
    if found.event_type is T.TECHNICAL_ACHIEVEMENT and found.negative \
            and MAINTENANCE.search(low):
        return "planned maintenance, not an outage"
    if found.event_type is T.PARTNERSHIP and not found.negative \
            and HOPE.search(low[:found.trigger + 1]):
        return "a hope to be listed"
    return None
