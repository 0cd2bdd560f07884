"""Recognition, interest, markets and customer outcomes in the words people use for them, not in
a press office's set phrases: what ``company.media``, ``deals.investor_interest``,
``company.expansion`` and ``deals.customer_success`` miss.

Each reading is a phrasing family, written the same way in chat, a founder's monthly post, a
newsletter, a changelog or a headline:

- **Content made about us** (media_coverage): someone else published, made or wrote a guide,
  video, tutorial, course, talk or article about our product ("AppUiO recently introduced a guide
  detailing how to use Tilt", "Victor Farcic made a fantastic video about Tilt", "he mentions Tilt
  as a tool to manage local workflows", "Jérôme included Tilt in his Kubernetes workshop").
  Look-alikes: our own content ("we published a guide to Tilt"), content asked for or planned
  ("could you make a video about Tilt?"), content about someone else.
- **A list or an issue we made** (media_coverage): "we made the Forbes Cloud 100", "Acme cracked
  the Deloitte Fast 500", "we're in this week's TLDR newsletter". Look-alikes: a list we aim for,
  a shortlist, a mailing list.
- **An offer to buy us** (investor_interest): "I've already rejected a $500k offer", "someone
  offered to buy Stagetimer for $500k", "we got an acquisition offer (and said no)". Look-alikes:
  a job or salary offer, an offer we made, another company's offer.
- **A count of markets reached** (market_expansion): "the app is now in 12 languages", "we now
  ship to 40 countries", "expanded to 5 new countries", "translated into 8 languages". Look-alikes:
  users from 40 countries (reach, not an opening), the docs translated, plans.
- **A customer's result with us** (customer_success): "Globex cut onboarding time by 40% with
  Acme", "Acme helped Hooli save 20 hours a week", "Hooli expanded from 50 to 200 seats", "record
  4.9 rating on the App Store", "our G2 rating hit 4.8". Look-alikes: a customer's own result with
  no part of ours, our own speed-ups (technical), a rating aimed for or someone else's.

``veto`` drops readings of other detectors that these families show are not ours: our outreach
read as interest ("we reached out to 40 funds"), interest hoped for, another company's
acquisition offer, and a renewal with a named third party ("Globex renewed with Oracle").
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, cased
from signalpipe.extract.rules.lexicon import OUTLET, REGION
from signalpipe.extract.rules.names import key, name_before, names_in
from signalpipe.extract.rules.subject import FIRST_PERSON
from signalpipe.models import EventType

T = EventType

def _names(most: int, *, first: str = "[A-Z]") -> str:
    """Up to ``most`` capitalised words, one way only to split them (a word's capitals start no
    second word: "(?:[A-Z]\\w*\\s?){1,5}" tried every split of a long word in capitals)."""
    word = first + r"[\w&.'-]*"
    return rf"{word}(?:\s{word}){{0,{most - 1}}}\s?"


# --- content made about us -------------------------------------------------------------------
_CONTENT = (r"(?:guide|tutorial|video|walkthrough|course|workshop|talk|article|blog ?post|post"
            r"|write-?up|review|deep[- ]dive|explainer|episode|thread|comparison|overview"
            r"|screencast|livestream|newsletter issue|case study|book chapter|chapter|lesson)")
# "<someone> (recently) introduced/published/made [a fantastic] guide ... <us>"
MADE = re.compile(r"\b(?:introduced|published|made|wrote|recorded|released|created|posted"
                  r"|put out|produced|gave|shared|launched|did)\s+\[?(?:a|an|his|her|their"
                  r"|this|the|one)\s+(?:[\w-]+\s+){0,3}?\[?" + _CONTENT + r"s?\b\]?"
                  r"(?P<rest>[^.;!?]{0,80})")  # for lower-cased text
# "he mentions Tilt", "included Tilt as the tool of choice": our name right after the verb
MENTIONS = re.compile(r"\b(?:mentions|mentioned|recommends|recommended|included|includes"
                      r"|featured|features|highlighted|highlights|showcased|showcases"
                      r"|covered|covers|reviewed|reviews|compared|benchmarked) $", re.IGNORECASE)
_ABOUT = re.compile(r"\b(?i:about|on|of|using|to using|covering|featuring|explaining|with"
                    r"|detailing|showing|on how|comparing|introducing)\b")
# The content is asked for, hoped for or someone else's subject, not made about us.
NOT_MADE = re.compile(r"\b(?:could|can|would|should|will|might|plan(?:s|ning)? to|going to"
                      r"|want(?:s|ed)? to|hope|asked (?:if|whether|us)|ask(?:ing)? (?:him|her"
                      r"|them)|if)\b|\?")  # for lower-cased text
_OWN_CONTENT = re.compile(r"\b(?:we|i|our team|we've|i've)\s+(?:\w+\s+)?$")


def made_about_us(clause: str, low: str, ctx: Context) -> Found | None:
    """Someone else's guide, video, course or article about our product, or a mention of it."""
    company = ctx.company
    if company is None or not company.search(clause):
        return None
    found = _made(clause, low, company) or _mentioned(clause, company)
    if found is None:
        return None
    at, who = found
    head = clause[:at]
    if NOT_MADE.search(low, 0, at) or NOT_MADE.search(low, at, at + 40):
        return None
    if _OWN_CONTENT.search(low, 0, at):
        return None  # "we published a guide to Tilt": our own content
    if who is None and _PRONOUN.search(head):
        who = _subject(ctx.before)  # "James Turnbull explores ... he mentions Tilt"
    if who is None or company.search(who) or FIRST_PERSON.fullmatch(who):
        return None
    return Found(T.MEDIA_COVERAGE, {"publication": key(who)}, f"Coverage by {cased(who)}", at,
                 relational=True, stakeholders=(who,), subtype="content")


_PRONOUN = re.compile(r"\b(?:he|she|they)\s+(?:\w+\s+)?$", re.IGNORECASE)


# A name right before its verb acts ("Liz Rice recommended"); so does one a relative clause
# follows ("Kelsey, who wrote").
_ADJACENT = re.compile(r"^(?:'s|\u2019s)?(?:\s+\w+ly)?\s*$|^,\s*who\s+(?:\w+ly\s+)?$")


def _subject(text: str) -> str | None:
    """Who acts at the end of ``text``: the name right before the verb ("In his KubeCon talk,
    Liz Rice recommended"), else the first name ("AppUiO, a platform based on OpenShift,
    recently introduced a guide"), not the last name before the verb."""
    found = names_in(text)
    if not found:
        return None
    name, _, end = found[-1]
    return name if _ADJACENT.match(text[end:]) else found[0][0]


def _made(clause: str, low: str, company: re.Pattern[str]) -> tuple[int, str | None] | None:
    for m in MADE.finditer(low):
        rest = clause[m.start("rest"):m.end("rest")]
        ours = company.search(rest)
        if ours is None or not _ABOUT.search(rest, 0, ours.start()):
            continue
        return m.start(), _subject(clause[:m.start()])
    return None


def _mentioned(clause: str, company: re.Pattern[str]) -> tuple[int, str | None] | None:
    for ours in company.finditer(clause):
        verb = MENTIONS.search(clause, max(0, ours.start() - 20), ours.start())
        if verb is None:
            continue
        head = clause[:verb.start()]
        if _PRONOUN.search(head):
            return verb.start(), None  # the name is in the sentence before
        who = _subject(head)
        if who:
            return verb.start(), who
    return None


# --- a list or an issue we made ----------------------------------------------------------------
LISTED = re.compile(r"\b(?:made|cracked|landed on|joined|named to|made it (?:on|onto|into))"
                    r" (?:the |this year's |\d{4}'?s? )?(?P<list>(?:[A-Z][\w&.'-]*\s){1,4}"
                    r"(?:\d{2,4}|[Ll]ist))\b"
                    r"|\b(?:in|into) (?:this|last) (?:week's|month's|issue of) (?P<issue>"
                    r"(?:[A-Z][\w&.'-]*\s){1,3})(?:newsletter|digest|roundup|issue)\b")
_NOT_LISTED = re.compile(r"\b(?:shortlist|waitlist|wait list|mailing list|to-?do list"
                         r"|try to|aim(?:ing)? to|hope|goal|want to|should|next year|would"
                         r"|could|apply|applied|nominat\w+)\b")


def listed(clause: str, low: str, ctx: Context) -> Found | None:
    """A ranking or an issue of a newsletter we made ("we made the Forbes Cloud 100")."""
    m = LISTED.search(clause)
    if m is None or _NOT_LISTED.search(low):
        return None
    head = clause[:m.start()]
    ours = FIRST_PERSON.search(head) or (ctx.company is not None and ctx.company.search(head))
    if not ours:
        return None
    name = (m["list"] or m["issue"] or "").strip()
    title = f"Named to the {name}" if m["list"] else f"Featured in {name}"
    return Found(T.MEDIA_COVERAGE, {"publication": key(name)}, title, m.start(),
                 relational=True, stakeholders=(name,))


# --- an appearance or a quote in an outlet ------------------------------------------------------
# "Jane joins Bloomberg TV to discuss ...", "spoke to the Financial Times", "The Wall Street
# Journal quoted our CEO", "got a mention in the Stratechery newsletter"
_MEDIUM = (r"(?:(?:[A-Z][\w&.'-]*|of|the)\s){0,4}?(?:[A-Z][\w&.'-]*\s)?(?:TV|Radio|News|Live"
           r"|podcast|Podcast|show|Show|newsletter|Newsletter|blog|column|Journal|Times|Post"
           r"|Magazine|Daily|Weekly|Report|Today|Tonight|Hour)\b")
APPEARED = re.compile(r"\b(?P<verb>joins|joined|spoke (?:to|with)|speaks (?:to|with)|talked (?:to"
                      r"|with)|talks (?:to|with)|sat down with|went on|was on|were on|appeared on"
                      r"|appears on|was a guest on|was interviewed (?:on|by|for))"
                      r" (?:the )?(?P<medium>" + _MEDIUM + r"|" + _names(4) + r")")
QUOTED_US = re.compile(r"\b(?P<medium>(?:[A-Z][\w&.'-]*\s){1,4})(?:quoted|cited|interviewed"
                       r"|profiled|spotlighted|highlighted) (?:our|us\b|me\b)")
MENTION_IN = re.compile(r"\b(?:got|had|earned|received|scored) (?:a |another )?(?:mention"
                        r"|shout-?out|feature|spot) (?:in|on|from) (?:the |this week's |today's )?"
                        r"(?P<medium>" + _names(4) + r"(?:newsletter|podcast|blog"
                        r"|column|show)?)")
_NOT_SEEN = re.compile(r"(?i)\b(?:will|tomorrow|next (?:week|month)|upcoming|scheduled|going to"
                       r"|could|would|hope|pitch(?:ed|ing)?|reach(?:ed)? out|if|joins? (?:us|the"
                       r" team|our|as)|board)\b")


def appeared(clause: str, low: str, ctx: Context) -> Found | None:
    """One of us on a named programme, or an outlet quoting or mentioning us."""
    m = APPEARED.search(clause) or QUOTED_US.search(clause) or MENTION_IN.search(clause)
    if m is None or _NOT_SEEN.search(clause):
        return None
    medium = m["medium"].strip()
    outlet = OUTLET.search(medium.lower())
    if outlet is None:
        return None  # "joins Globex", "spoke with Jane": no outlet named
    head = clause[:m.start()]
    if m.re is APPEARED and not (FIRST_PERSON.search(clause)
                                 or (ctx.company and ctx.company.search(head))):
        return None
    if ctx.company and ctx.company.fullmatch(medium):
        return None
    # "joins Bloomberg TV to discuss ...": a purpose, not a plan (futures are vetoed above)
    return Found(T.MEDIA_COVERAGE, {"publication": key(medium)}, f"Coverage in {cased(medium)}",
                 m.start(), relational=True, stakeholders=(medium,), allow=frozenset({"plan"}))


# --- an honour won or a list we are on ----------------------------------------------------------
HONOURED = re.compile(
    r"\b(?:is|was|are|were|named|as) (?:a |an |the )?(?:\d{4} )?(?P<a>(?:[A-Z][\w&.'-]*\s){1,5}"
    r"(?:[Aa]ward|[Pp]rize)) (?:winner|recipient|honou?ree)\b"
    r"|\b(?:took|takes|take) (?:home )?(?P<b>(?i:top hono(?:u)?rs|best in show)"
    r"|(?:the )?(?:gold|grand prize|first prize|first place|top prize)"
    r"|" + _names(5) + r") (?:at|in) (?:the )?(?P<at>" + _names(5, first="[A-Z0-9]") + r")"
    r"|\b(?:was |were |is |got |been )?voted (?P<c>" + _names(5) + r"(?:of \d{4})?)"
    r"(?: by (?P<by>[^.,;]{3,50}))?"
    r"|\b(?:receives?|received|earns?|earned|wins?|won) (?:the |a )?(?:\d{4} )?(?P<d>(?:[A-Z]"
    r"[\w&.'-]*\s){1,6})(?:distinction|recognition|designation|badge|title|hono(?:u)?r)\b"
    r"|\b(?:listed|ranked|included|named) (?P<us>\w+ )?among (?:the )?(?P<e>[^.,;]{3,60})"
    r"|\b(?:makes?|made) (?P<f>(?:[A-Z][\w&.'’-]*\s){1,6}(?:[Ll]ist|\d{2,4}))\b")
_NOT_WON = re.compile(r"(?i)\b(?:finalists?|nominat\w+|shortlist\w*|submitted|submit|appl(?:y"
                      r"|ied)|entr(?:y|ies)|entered|runner-?up|hope|aim|goal|will|could|would"
                      r"|should|next year|wait ?list)\b")


def honoured(clause: str, low: str, ctx: Context) -> Found | None:
    """An award won, a title voted or a list made by us, in a headline's or chat's words."""
    m = HONOURED.search(clause)
    if m is None or _NOT_WON.search(clause):
        return None
    head = clause[:m.start()]
    subject = m["us"] or head
    ours = FIRST_PERSON.search(subject) or (ctx.company and ctx.company.search(subject))
    if not ours or (m["us"] is None and _someone_else_named(head, ctx)):
        return None
    name = next(g for g in (m["a"], m["b"], m["c"], m["d"], m["e"], m["f"]) if g).strip()
    where = (m["at"] or m["by"] or "").strip(" .!,;:")
    if m["e"] or m["f"]:
        title = f"Named among {name}" if m["e"] else f"Named to {name}"
        return Found(T.MEDIA_COVERAGE, {"publication": key(name)}, title, m.start(),
                     relational=True, stakeholders=(name,))
    title = f"Award: {name}" + (f" ({where})" if where else "")
    return Found(T.MEDIA_COVERAGE, {"subtype": "award", "name": key(name)}, title, m.start(),
                 subtype="award", relational=True)


# --- an offer to buy us ------------------------------------------------------------------------
OFFER = re.compile(r"\b(?P<verb>rejected|declined|turned down|received|got|had|passed on"
                   r"|said no to|walked away from)\s+(?:an? |the |two |three |several )?"
                   r"(?:unsolicited |serious |formal |first )?(?P<amount>[$€£]\s?\d[\d,.]*\s?"
                   r"(?:k|m|mm|million|billion|bn)?\b\s?)?(?P<kind>acquisition|buyout|takeover"
                   r"|acqui-?hire)?\s?offers?\b"
                   r"|\boffered to (?:buy|acquire) (?P<whom>us|me|[A-Z][\w.-]*)"
                   r"|\b(?:wants?|wanted|tried) to (?:buy|acquire) us\b", re.IGNORECASE)
_NOT_OFFER = re.compile(r"(?i)\b(?:job|salary|role|position|internship|counter-?offer|offer letter"
                        r"|discount|coupon|promo|trial|candidate|hire|employment|comp\b"
                        r"|compensation|equity|stock options|from (?:google|meta|amazon|apple"
                        r"|microsoft))")


def offer_received(clause: str, low: str, ctx: Context) -> Found | None:
    """An offer to buy the company, received and named by its amount or its kind."""
    if "offer" not in low and "buy us" not in low and "acquire us" not in low:
        return None
    m = OFFER.search(clause)
    if m is None or _NOT_OFFER.search(clause):
        return None
    if m["verb"] and not (m["amount"] or m["kind"]):
        return None  # "we received an offer": for what, it does not say
    if m["verb"] and not (m["kind"] or _SALE.search(ctx.sentence.lower())):
        return None  # "$500k offer" alone names no sale
    head = clause[:m.start()]
    ours = not head.strip(" -*\u2022") or FIRST_PERSON.search(head) or (
        ctx.company is not None and ctx.company.search(clause if m["whom"] else head)) \
        or m.group().lower().endswith((" us", " me"))
    if not ours or (m["verb"] and _someone_else(head, ctx)):
        return None
    money = m["amount"] or (None if m["verb"] else _MONEY.match(clause, m.end()))
    amount = (money if isinstance(money, str) or money is None else money[1]) or ""
    amount = amount.strip()
    declined = _DECLINED.search(ctx.sentence or clause)
    title = "Acquisition offer received" + (f" ({amount})" if amount else "") + \
        (", declined" if declined else "")
    metrics: dict[str, str | int | float] = {"offer": "acquisition"}
    if amount:
        metrics["amount"] = amount
    # "BigCo wants to buy us" is the interest itself, not a plan of ours
    allow = {"negation"} if m["verb"] or m["whom"] else {"negation", "plan"}
    return Found(T.INVESTOR_INTEREST, metrics, title, m.start(), relational=True,
                 allow=frozenset(allow))


_MONEY = re.compile(r"\s+for\s+([$€£]\s?\d[\d,.]*\s?(?:k|m|mm|million|billion|bn)?)\b",
                    re.IGNORECASE)
_SALE = re.compile(r"\b(?:buy|acquir|sell|exit|payout|company|business)")
_DECLINED = re.compile(r"(?i)rejected|declined|turned (?:it )?down|passed on|said no|walked away"
                       r"|not selling|\bno\b")


def _someone_else(head: str, ctx: Context) -> bool:
    """A named subject before the verb that is not us: "Globex received an offer"."""
    who = name_before(head, len(head), within=40)
    return who is not None and not (ctx.company and ctx.company.search(who)) \
        and not FIRST_PERSON.search(head)


# --- a count of markets reached ----------------------------------------------------------------
_COUNT = r"(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of)"
MARKETS = re.compile(
    r"\b(?:(?:is |are )?now (?:available |live |sold |used |offered )?in|now ships? to"
    r"|now (?:supports?|speaks)|(?:expanded|expanding|launched|went live|rolled out) (?:in|to"
    r"|into|across)|locali[sz]ed (?:in)?to|added|adds|launched in"
    r"|live in) " + _COUNT + r" (?:new |more |additional |other )?(?P<what>countries"
    r"|languages|markets|locales|currencies)\b", re.IGNORECASE)
_NOT_MARKETS = re.compile(r"(?i)\b(?:users|customers|visitors|people|readers|downloads|teams"
                          r"|from|docs?|documentation|blog|website|site|guides?|subtitles?"
                          r"|plan(?:s|ning)? to|will|goal|aim|target|by (?:q\d|the end|next))\b")


_OUR_PRODUCT = re.compile(r"(?i)\b(?:the|our) (?:app|product|platform|service|tool)\b")


def markets_count(clause: str, low: str, ctx: Context) -> Found | None:
    """The product newly offered in a count of countries, languages or markets."""
    m = MARKETS.search(clause)
    if m is None or _NOT_MARKETS.search(clause[:m.start()]) \
            or _NOT_MARKETS.search(clause[m.end():m.end() + 40]):
        return None
    head = clause[:m.start()]
    if not (FIRST_PERSON.search(head) or (ctx.company and ctx.company.search(head))
            or _OUR_PRODUCT.search(head)):
        return None
    n, what = m["n"], m["what"].lower()
    return Found(T.MARKET_EXPANSION, {"region": f"{n} {what}"},
                 f"Now available in {n} {what}" if what != "countries" or "ship" not in
                 m.group().lower() else f"Now shipping to {n} countries", m.start())


# --- a customer's story, renewal or score, in a headline's or a chat's words ---------------------
# "Case Study Spotlight - Globex's API Success with Acme", "Customer story: Pied Piper moves its
# data stack to Acme", "Read how Hooli scaled to 10M users on Acme"
STORY = re.compile(r"(?i:case study|customer story|success story|customer spotlight)"
                   r"(?: (?i:spotlight))?\s?[:\u2013\u2014-]\s?(?:(?i:how) )?(?P<who>"
                   + _names(4) + r")(?=['\u2019]s\b|\s+[a-z])"
                   r"|\b(?i:read|see|discover) how (?P<how>" + _names(4) + r")(?= (?:scaled|grew"
                   r"|cut|saved|saves|uses|used|built|runs|moved|migrated|switched|reduced"
                   r"|doubled|tripled|increased|improved|boosted|ships|shipped)\b)")
# "Globex signed a 3-year renewal worth $450k", "Initech signed a two-year extension"
SIGNED_RENEWAL = re.compile(r"\b(?P<who>" + _names(4) + r") (?:signed|inked|closed|agreed to)"
                            r" (?:a |an |their )?(?:[\w-]+ ){0,2}(?:renewal|extension"
                            r"|expansion)\b")
# "Our NPS jumped from 41 to 63", "CSAT climbed to 96%"
SCORE = re.compile(r"\b(?P<what>nps|csat|net promoter score)\b[^.;]{0,20}?\b(?:jumped|rose"
                   r"|climbed|grew|went up|improved|increased|is up|was up)\b[^.;]{0,20}?"
                   r"\bto (?P<v>\d{1,3})\b")  # for lower-cased text
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_LABELS = ("case study", "customer story", "success story", "spotlight", "read how", "see how",
           "discover how")
_STORY_WORDS = (*_LABELS, "renewal", "extension", "expansion", "nps", "csat", "net promoter")


def customer_story(clause: str, low: str, ctx: Context) -> Found | None:
    """A customer story published, a renewal signed, a satisfaction score risen."""
    if not any(w in low for w in _STORY_WORDS):
        return None
    found = _story(clause, low, ctx) or _signed_renewal(clause, low, ctx) or _score(clause, low,
                                                                                   ctx)
    if found is None or NOT_MADE.search(low) or _NOT_LISTED.search(low):
        return None
    return found


def _story(clause: str, low: str, ctx: Context) -> Found | None:
    if not any(w in low for w in _LABELS):
        return None
    m = STORY.search(clause)
    if m is None:
        return None
    who = _POSSESSIVE.split((m["who"] or m["how"]).strip())[0]  # "Globex's API"
    ours = ctx.company is not None and ctx.company.search(clause)
    if (m["how"] and not ours) or (ctx.company and ctx.company.search(who)):
        return None
    return Found(T.CUSTOMER_SUCCESS, {"customer": key(who), "story": "case study"},
                 f"Case study: {who}", m.start(), relational=True, stakeholders=(who,))


def _signed_renewal(clause: str, low: str, ctx: Context) -> Found | None:
    if "renewal" not in low and "extension" not in low and "expansion" not in low:
        return None
    m = SIGNED_RENEWAL.search(clause)
    if m is None or (ctx.company and ctx.company.search(m["who"])) \
            or FIRST_PERSON.fullmatch(m["who"]) or " with " in clause[m.end():]:
        return None
    who = m["who"].strip()
    return Found(T.CUSTOMER_SUCCESS, {"customer": key(who)}, f"{who} renewed", m.start(),
                 relational=True, stakeholders=(who,))


def _score(clause: str, low: str, ctx: Context) -> Found | None:
    if "nps" not in low and "csat" not in low and "promoter" not in low:
        return None
    m = SCORE.search(low)
    if m is None or _someone_else_named(clause[:m.start()], ctx) \
            or _THEIRS.search(clause[:m.start()]):
        return None
    what = "NPS" if m["what"] != "csat" else "CSAT"
    return Found(T.CUSTOMER_SUCCESS, {what.lower(): float(m["v"])},
                 f"{what} rose to {m['v']}", m.start())


# --- a place reached, in a headline's or a chat's words -----------------------------------------
_PLACE_WORD = r"[A-Z][\w\u00c0-\u017f.'-]*"
# "Acme opens São Paulo office", "enters German market", "available across Canada", "rolls out to
# all 27 EU member states", "our first Japanese customer went live"
REACHED = re.compile(
    r"\b(?:opens|opened|opening|launches|launched) (?:a |an |its |our |the )?(?:new |first )?"
    r"(?P<office>" + _PLACE_WORD + r"(?: " + _PLACE_WORD + r"){0,2}) (?:office|hub|headquarters"
    r"|HQ|studio|engineering cent(?:er|re)|data cent(?:er|re)|region)\b"
    r"|\b(?:enters|entered|entering) (?:the )?(?P<market>" + _PLACE_WORD + r"(?: " + _PLACE_WORD
    + r")?) markets?\b"
    r"|\b(?:available|live|launched|rolls out|rolled out|rolling out|expands?|expanded)"
    r" (?:to (?:customers|users|businesses|merchants|everyone|teams) )?(?:in|across|throughout"
    r"|to all(?: \d+)?) (?:the )?(?P<area>" + _PLACE_WORD + r"(?: " + _PLACE_WORD + r")?)"
    r"|\bfirst (?P<adj>[A-Z][a-z]+(?:ian|ese|ish|an|ch|i)) (?:customer|client|merchant|partner"
    r"|hospital|school|bank|deal)\b")
_REACHED_WORDS = ("open", "enter", "available", "live", "launch", "roll", "expand", "first ")


def place_reached(clause: str, low: str, ctx: Context) -> Found | None:
    """A country, region or city opened by us, in words ``company.expansion`` lacks."""
    if not any(w in low for w in _REACHED_WORDS):
        return None
    m = REACHED.search(clause)
    if m is None or NOT_MADE.search(low, 0, m.start()) or _NOT_MARKETS_PLAN.search(clause):
        return None
    head = clause[:m.start()]
    if not (FIRST_PERSON.search(head) or (ctx.company and ctx.company.search(head))
            or (m["adj"] and _OUR.search(head))):
        return None
    where = next(g for g in (m["office"], m["market"], m["area"], m["adj"]) if g).strip()
    if ctx.company and ctx.company.search(where):
        return None
    if (m["area"] or m["office"]) and not REGION.search(where.lower()):
        return None  # "available in Slack", "opens Growth office": no place named
    title = f"First {where} customer" if m["adj"] else \
        f"Opened {where} office" if m["office"] else \
        f"Entered the {where} market" if m["market"] else f"Expanded to {where}"
    return Found(T.MARKET_EXPANSION, {"region": key(where)}, title, m.start())


_OUR = re.compile(r"(?i)\bour\b")
_NOT_MARKETS_PLAN = re.compile(r"(?i)\b(?:plan(?:s|ning)? to|will|exploring|considering|next"
                               r" (?:year|quarter)|by (?:q\d|the end)|hiring in|party|event)\b")


# --- a customer's result with us ----------------------------------------------------------------
RESULT = re.compile(r"\b(?P<verb>saw|sees|reported|achieved|recorded|gained|cut|cuts|reduced"
                    r"|reduces|saved|saves|slashed|halved|doubled"
                    r"|tripled|boosted|increased|improved|grew|sped up|speeds up|lowered"
                    r"|freed up)\b(?P<what>[^.;!?]{3,80}?)\b(?:with|using|thanks to|after"
                    r" (?:switching|moving|migrating) to|since (?:adopting|switching to|moving"
                    r" to)|by (?:adopting|switching to|moving to|using)) (?=\S)")  # lower-cased
HELPED = re.compile(r"\bhelp(?:ed|s)? (?P<who>" + _names(4) + r") (?:to )?(?:cut|reduce"
                    r"|save|slash|halve|double|triple|boost|increase|improve|grow|speed up"
                    r"|lower|free up)\b")
_FOLD = frozenset({"doubled", "tripled", "halved"})
_FIGURE = re.compile(r"\d|\b(?:half|double|twice|three times|hours|days|weeks)\b", re.IGNORECASE)


def customer_result(clause: str, low: str, ctx: Context) -> Found | None:
    """A named customer's measured result with our product, or seats added."""
    company = ctx.company
    seats = _seats(clause, ctx) if "seat" in low or "licen" in low else None
    if seats is not None or company is None or not company.search(clause):
        return seats  # a result "with Acme" names us
    used = _used_us(clause, company)
    if used is not None:
        return used
    m = RESULT.search(low)
    if m is not None and company.match(clause, m.end()) and (
            _FIGURE.search(m["what"]) or m["verb"].lower() in _FOLD):
        who = name_before(clause, m.start(), within=50)
        at = m.start()
    else:
        m = HELPED.search(clause)
        if m is None or not company.search(clause, 0, m.start()) \
                or not _FIGURE.search(clause, m.end()):
            return None
        who, at = m["who"].strip(), m.start()
    if who is None or company.search(who) or FIRST_PERSON.fullmatch(who):
        return None
    return Found(T.CUSTOMER_SUCCESS, {"customer": key(who), "story": "result"},
                 f"Customer result: {who}", at, relational=True, stakeholders=(who,))


# "The French Prime Minister used Stagetimer at an event", "NASA used Acme to plan ...": a
# notable user, told once, as a founder's highlight
_USED = re.compile(r"\bused (?:the )?$")
_USE_AFTER = re.compile(r"\s*(?:at|to|for|during|on|in)\b")


_GENERIC_USER = re.compile(r"(?i)\b(?:people|users|customers|someone|everyone|they|he|she"
                           r"|you)\b")


def _used_us(clause: str, company: re.Pattern[str]) -> Found | None:
    for ours in company.finditer(clause):
        verb = _USED.search(clause, max(0, ours.start() - 10), ours.start())
        if verb is None or not _USE_AFTER.match(clause, ours.end()):
            continue
        head = clause[:verb.start()]
        who = _subject(head)
        if who is None or FIRST_PERSON.search(head) or company.search(who) \
                or _GENERIC_USER.search(head):
            return None
        return Found(T.CUSTOMER_SUCCESS, {"customer": key(who), "story": "customer story"},
                     f"Customer story: {who}", verb.start(), relational=True,
                     stakeholders=(who,))
    return None


SEATS = re.compile(r"\b(?:expanded|grew|went|upgraded|scaled) from (?P<a>\d[\d,]*) to (?P<b>\d"
                   r"[\d,]*) (?:seats|licen[cs]es|users|locations|sites|stores)\b"
                   r"|\badded (?P<c>\d[\d,]*) (?:more |additional )?(?:seats|licen[cs]es)\b",
                   re.IGNORECASE)


_THEY_HEAD = re.compile(r"(?i)\b(?:they|the customer|the client|the account)\s+$")


def _seats(clause: str, ctx: Context) -> Found | None:
    m = SEATS.search(clause)
    if m is None:
        return None
    head = clause[:m.start()]
    who = name_before(clause, m.start(), within=50)
    if who is None and _THEY_HEAD.search(head):
        who = name_before(ctx.before, len(ctx.before), within=200)
    if who is None or (ctx.company and ctx.company.search(who)) or FIRST_PERSON.search(head):
        return None  # "we grew from 5 to 12 users" is no customer's expansion
    return Found(T.CUSTOMER_SUCCESS, {"customer": key(who), "story": "expansion"},
                 f"{who} expanded" + (f" to {m['b']} seats" if m["b"] else ""), m.start(),
                 relational=True, stakeholders=(who,))


RATING = re.compile(r"\b(?:record|highest|all-time high|best)\b[^.;]{0,30}?\b(?P<r>[1-5]\.\d)"
                    r"(?:/5)?(?: stars?| star)?(?: rating| average| review score)?\b"
                    r"|\b(?:rating|score|stars?)\b[^.;\d]{0,30}?\b(?:hit|reached|climbed to"
                    r"|rose to|is now|now at|went up to|jumped to|up to)\s(?P<s>[1-5]\.\d)\b",
                    re.IGNORECASE)
_PLATFORM = re.compile(r"(?i)\b(?:app store|google play|play store|g2|capterra|trustpilot"
                       r"|product hunt|chrome web store|reviews?)\b")


_THEIRS = re.compile(r"(?i)\b(?:their|his|her|competitors?|rivals?)\b|\w(?:'s|\u2019s) (?:app"
                     r"|product|rating)\b")


def rating(clause: str, low: str, ctx: Context) -> Found | None:
    """A record rating of ours on a store or review site."""
    m = RATING.search(clause)
    if m is None or (not _PLATFORM.search(clause) and "rating" not in low):
        return None
    if _NOT_LISTED.search(low) or _THEIRS.search(clause):
        return None
    head = clause[:m.start()]
    if _someone_else_named(head, ctx):
        return None
    value = m["r"] or m["s"]
    where = _PLATFORM.search(clause)
    site = cased(where.group()) if where and "review" not in where.group().lower() else ""
    title = f"Record {value} rating" if m["r"] else f"{site or 'Customer'} rating reached {value}"
    return Found(T.CUSTOMER_SUCCESS, {"rating": float(value)}, title, m.start())


def _someone_else_named(head: str, ctx: Context) -> bool:
    who = name_before(head, len(head), within=40)
    return who is not None and not (ctx.company and ctx.company.search(who)) \
        and not FIRST_PERSON.search(head) and not _PLATFORM.fullmatch(who)


# "I've already rejected", "we have already signed": done, whatever heading it stands under
ALREADY = re.compile(r"(?i)\b(?:i|we)(?:'ve|\u2019ve| have) already \w+ed\b")


def already_done(clause: str) -> bool:
    """The clause tells something already done by us ("I've already rejected a $500k offer")."""
    return "already" in clause and ALREADY.search(clause) is not None


# --- vetoes of other detectors' readings ---------------------------------------------------------
# "we've been approached by three funds" is theirs: a passive verb's subject is no actor
OUR_OUTREACH = re.compile(r"(?i)\b(?:we|i|we've|i've|our team)\s+(?!been\s|were\s|was\s|got\s)"
                          r"(?:\w+\s+)?(?:reached out to"
                          r"|pinged|emailed|contacted|approached|cold[- ]emailed|asked)\b")
# "they want to see the data room" is the investor's wish, which is the interest itself
HOPED = re.compile(r"(?i)\b(?<!they )(?<!they'd )(?:hope|hoping|want|aim|aiming|expect|expecting"
                   r"|plan|planning"
                   r"|goal is|need|trying)\s+(?:to\s+)?(?:get|see|attract|generate|drive)\b")
THEIR_OFFER = re.compile(r"\b(?P<who>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2}) (?:received|got"
                         r"|rejected|declined|accepted) (?:an? |the )?(?:[$€£][\d,.]+\s?\w*\s)?"
                         r"(?:acquisition|buyout|takeover)? ?offer")
THEIR_STORY = re.compile(r"\b(?P<who>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2}) (?:published|released"
                         r"|shared|posted) (?:a |an |their )?(?:new )?(?:case study|customer story"
                         r"|success story)")
RENEWED_ELSEWHERE = re.compile(r"\b(?:renewed|extended|re-?signed)\b[^.;]{0,40}? with "
                               r"(?P<who>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2})")


def veto(found: Found, clause: str, company: re.Pattern[str] | None) -> str | None:
    """Why another detector's interest or renewal reading is not ours, or None."""
    kind = found.event_type
    if kind is T.INVESTOR_INTEREST:
        if OUR_OUTREACH.search(clause) and "offer" not in found.metrics:
            return "our own outreach, not interest received"
        if HOPED.search(clause[:found.trigger + 20]):
            return "interest hoped for"
        other = THEIR_OFFER.search(clause)
        if other and not (company and company.search(other["who"])) \
                and not FIRST_PERSON.fullmatch(other["who"]):
            return f"another company's offer ({other['who']})"
        return None
    if kind is T.CUSTOMER_SUCCESS and not found.negative:
        other = THEIR_STORY.search(clause)
        if other and not (company and company.search(clause)) \
                and not FIRST_PERSON.search(clause[:other.start() + len(other["who"])]):
            return f"someone else's case study ({other['who']})"
        other = RENEWED_ELSEWHERE.search(clause)
        if other and not (company and company.search(other["who"])) \
                and not FIRST_PERSON.search(clause[:other.start()]) \
                and not (company and company.search(clause)):
            return f"renewed with someone else ({other['who']})"
    return None
