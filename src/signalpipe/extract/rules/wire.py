"""Whole press releases (wire, newsroom, a founder's post restating one): a dateline, a
headline, a lead, quotes, a body, boilerplate, safe harbour and contacts.

What looks like news and is none (``veto``, ``boilerplate``, ``uncued``): a firm named Partners
("Hess Infrastructure Partners LP", "Centerbridge Partners, L.P.", "the Partnership"); a firm
"led by Managing Principal X" (no round); data, a survey, a report or a book released (no
launch); another company's release lead ("Globex today announced that it ..."), a lower-case
brand's headline ("aptihealth Raises ..."), an adviser's release about its client, the
counterparty's second act in one sentence ("Globex surpassed ... and launched ..."), another
organisation's title-case appointment, and a paragraph describing the company after the lead
("Acme is the leader in ...", "Founded in 2019, Acme ...") with or without an "About" heading.

What a release states that other readers miss: news past the lead that ``layout`` blanks
(``restored``: an appointment, revenue multiplied, customers signed by count), an unsolicited
offer for the company (investor interest, rejected or not), an acquisition agreed in wire words
("entered into a definitive agreement with X to acquire all of the outstanding shares of X"),
an alliance announced, a major version in a headline ("... with 13.0 Release"), and an
appointment whose person follows a title-case verb ("Acme Names Dana Li Chief Revenue Officer").
A dateline's date is the release's own (``undated``); growth measured "since" a past round runs
to now (``measured_since``). Each check is a phrasing family, run only where a cue or a reading
already stands.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.common_words import COMMON_WORDS
from signalpipe.extract.rules.deals import PARTNER
from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.layout import release_body
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.names import key, name_after, name_before
from signalpipe.extract.rules.naming import opens_a_name
from signalpipe.extract.rules.subject import named_subject
from signalpipe.models import EventType, MetricValue

# A firm's legal name ending in Partners, or a release's defined term for a limited partnership:
# "Hess Infrastructure Partners LP", "Centerbridge Partners, L.P.", "KKR Partners Announces",
# "(the “Partnership”)", "The Partnership has provided ...". A lower-case "partners with" is
# the verb and stays.
_FIRM_PARTNERS = re.compile(
    r"\b[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)* Partners?(?:hip)?,? (?:L\.?P\b\.?|LLC\b|L\.L\.C\.|Ltd\b"
    r"\.?|Inc\b\.?|LLP\b|GP\b|Fund\b|Holdings\b)"
    r"|\b[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)* Partners(?= (?:Announces|Completes|Closes|Acquires"
    r"|Agrees|Reports|Declares|Prices|Launches|to Acquire|Affiliates?)\b)"
    r"|\b(?:the|a|an|each) [\"\u201c]?Partnership\b[\"\u201d]?"
    r"|[\"\u201c]Partnership[\"\u201d]")

# A firm named "<Name> Partners" mid-sentence: "Acme, a portfolio company of Northgate Partners,
# today announced ..."; "Acme Partners With Globex" (title case) is the verb.
_FIRM_NAMED = re.compile(r"\b[A-Z][\w&.'-]* Partners\b(?! (?i:with|on|to|for|in|and)\b)")
_PARTNER_CUES = frozenset({"partnership", "corp_partnership"})


def uncued(text: str, found: list[tuple[int, frozenset[str]]]
           ) -> list[tuple[int, frozenset[str]]]:
    """The gate's cues, less the partnership cue of a word that is part of a firm's name."""
    if "artner" not in text or not any(_PARTNER_CUES & names for _, names in found):
        return found
    spans = _firm_spans(text)
    if not spans:
        return found
    out = []
    for pos, names in found:
        if _PARTNER_CUES & names and any(a <= pos < b for a, b in spans):
            names = names - _PARTNER_CUES
            if not names:
                continue
        out.append((pos, names))
    return out


def _firm_spans(text: str) -> list[tuple[int, int]]:
    """Where firms named Partners stand, looked for only around the word (posts run long)."""
    spans = []
    at = text.find("Partner")
    while at >= 0:
        for pattern in (_FIRM_PARTNERS, _FIRM_NAMED):
            for m in pattern.finditer(text, max(0, at - 80), min(len(text), at + 40)):
                if m.start() <= at < m.end():
                    spans.append((m.start(), m.end()))
        at = text.find("Partner", at + 7)
    return spans


# "led by" a person of the firm, not by an investor: "a real estate investment firm led by
# Managing Principal Lawrence A. Kestin", "a team led by its founder", "led by CEO Jane Roe".
_LED_BY_PERSON = re.compile(
    r"\bled by (?:its |their |our |a |an |the |serial |former |veteran )?(?:(?:co-?)?founders?"
    r"|ceo|cfo|cto|coo|chief [a-z]+ officer|managing (?:principal|director|member)|principal"
    r"|president|chair(?:man|woman|person)?|executive|entrepreneur|dr\.|professor|prof\."
    r"|team|group of|industry veteran)\b", re.IGNORECASE)
# The words of a round itself: with them, "led by" may still name its lead investor.
_ROUND_WORDS = re.compile(
    r"\b(?:round|series [a-e]\b|seed\b|pre-seed|raise[sd]?\b|raising|funding|financing"
    r"|term sheet|safe\b|bridge|oversubscribed|invest(?:ed|s)? \$)", re.IGNORECASE)

# Things released that are no product: data, a survey, a report, a study, a book. "released a
# new report builder" is a product, so the noun must not go on into a feature word.
_RELEASED_PAPER = re.compile(
    r"\b(?:releas|publish|unveil|launch|introduc|announc|debut|issu|shar|unveil)(?:ed|es|ing|e|s)?"
    r"\s+(?:(?:the|its|their|our|a|an|new|first|annual|inaugural|latest|(?:19|20)\d\d|global"
    r"|industry|original|proprietary|findings|results|of|from|key|fresh)\s+){0,4}"
    r"(?:data|survey|report|study|research|findings|book|e-?book|whitepaper|white paper|poll"
    r"|playbook)\b"
    r"(?!\s+(?:builder|designer|api|apis|feature|generator|tool|tools|dashboard|editor|platform"
    r"|product|engine|app|connector|integration|pipeline|warehouse|layer|sdk)\b)"
    r"|\b(?:the|this|our|a|an|new) (?:new |free |illustrated |children'?s |\d{4} )?(?:book"
    r"|e-?book|survey|report|study|guide|whitepaper|white paper|research|data) (?:introduces"
    r"|reveals|finds|found|shows|showed|explores|examines|highlights|identifies|teaches"
    r"|walks|covers|uncovers)\b", re.IGNORECASE)

# Data from the company's own trial is its result, not a survey: "unveils new data showing
# nipocalimab reduced disease activity in a Phase 2b study".
_TRIAL = re.compile(r"\b(?:phase [1-4i]|phase (?:one|two|three)|clinical|trial|patients"
                    r"|investigational)\b", re.IGNORECASE)


# A release's lead: its announcer is the subject of every verb that follows ("Globex today
# announced that it has signed 40 new customers ... and appointed Jane Roe as its new CEO").
_ANNOUNCED = re.compile(r"\b(?:today |yesterday |has |recently )?announced(?: today)?(?: that)?"
                        r" (?:it|the company|its)\b")
_WIRE_MARK = re.compile(r".*(?:--|\u2014|\u2013|/PRNewswire/)\s*", re.DOTALL)
_ANNOUNCER = re.compile(r"\s*\W{0,3}([A-Z][\w&.'\u2019-]*(?: [A-Z][\w&.'\u2019-]*){0,4})")


def veto(found: Found, clause: str, sentence: str, company: re.Pattern[str] | None = None
         ) -> str | None:
    """Why a reading in a release's words is no event, or None."""
    kind = found.event_type
    if company is not None:
        reason = _company_veto(found, sentence, company)
        if reason:
            return reason
    if company is not None and not found.relational:
        reason = _inherited_subject(clause, sentence, company)
        if reason:
            return reason
    if kind is EventType.HIRING and company is not None and not found.negative:
        reason = their_appointment(clause, company)
        if reason:
            return reason
    if kind is EventType.PARTNERSHIP and "artner" in clause:
        return _firm_named_partners(clause)
    if kind is EventType.FUNDING and not found.negative and "led by" in clause.lower():
        return _firm_led_by_person(clause, sentence)
    if kind is EventType.PRODUCT_LAUNCH and not found.negative:
        m = next((p for p in _RELEASED_PAPER.finditer(sentence)
                  if not opens_a_name(sentence, p.end() - len(p.group().split()[-1]))), None)
        if m is not None and not _TRIAL.search(sentence):
            return f"data, a report or a book released, not a product ({m.group()[:40]})"
    return None


_GENERIC = frozenset({"the", "this", "it", "today", "yesterday", "company", "a", "an"})


# A sentence that opens on another company acting: "Globex surpassed $20 million in ARR and
# launched its mobile wallet in Europe": the second verb is Globex's too.
_OPENS_ON = re.compile(r"^\W{0,3}(?P<who>[A-Z][\w&.'\u2019-]*(?: [A-Z][\w&.'\u2019-]*){0,3})"
                       r"(?: (?:also|recently|has|have|had|then|later|just))* [a-z]+(?:ed|s)\b")
_VERB_FIRST = re.compile(r"^\W{0,3}(?:also |then |later |recently |has |have )*[a-z]+(?:ed|s)\b")


# An adviser's release about its client: "Smith & Lee LLP advised Globex on its $60 million
# Series C", "acted as exclusive financial advisor to Globex in its sale to Initech",
# "served as legal counsel to Globex in connection with ...".
_ADVISED = re.compile(
    r"\b(?:advised|advises|advising|represented|represents|representing|counseled|counselled"
    r"|(?:acted|acts|acting|served|serves|serving) as (?:the )?(?:exclusive |lead |sole )?"
    r"(?:legal|financial|strategic|m&a|placement|tax)? ?(?:counsel|advis[eo]rs?|agent|"
    r"underwriters?|placement agent) (?:to|for))\s+(?P<client>[A-Z][\w&.'\u2019-]*"
    r"(?: [A-Z][\w&.'\u2019-]*){0,3})")


def _company_veto(found: Found, sentence: str, company: re.Pattern[str]) -> str | None:
    """Whose release the sentence is: an adviser's about a client other than us, or another
    company's lead ("Globex today announced that it ...")."""
    adviser = _ADVISED.search(sentence) if ("advis" in sentence or "represent" in sentence
                                             or "counsel" in sentence or "agent" in sentence
                                             or "underwrit" in sentence) else None
    if adviser is not None:
        if company.search(adviser.group("client")):
            return None  # "Smith & Lee advised Acme on its Series B": our round, told by them
        return f"an adviser's release about its client ({adviser.group('client')[:30]})"
    brand = _BRAND_HEADLINE.match(sentence)
    if brand is not None and brand.group("who").lower() not in _NOT_BRANDS \
            and company.search(brand.group("who")) is None:
        return f"another company's headline ({brand.group('who')[:30]})"
    if (not found.relational or found.event_type is EventType.HIRING) \
            and "announced" in sentence and not _ours_acted_on(sentence, company):
        return _announcer_not_us(sentence, company)
    return None


def _ours_acted_on(sentence: str, company: re.Pattern[str]) -> bool:
    """The announcement is about us: "announced its investment in Acme's seed round", "a
    partnership with Acme"; "40 customers, including Acme" is still the announcer's news."""
    for m in company.finditer(sentence):
        if sentence.startswith(("'s", "\u2019s"), m.end()) or _OBJECT_OF.search(
                sentence, max(0, m.start() - 6), m.start()):
            return True
    return False


# A title-case headline opened by a brand written in lower case ("aptihealth Raises $50 Million
# Series B", "eBay Acquires ...", "iRobot Launches ..."): the brand is its subject.
_BRAND_HEADLINE = re.compile(
    r"^\W{0,3}(?P<who>[a-z][\w.&-]*[A-Za-z0-9])(?: [A-Z][\w.&'-]*){0,3} (?:Raises|Secures"
    r"|Closes|Lands|Acquires|Buys|Launches|Unveils|Introduces|Announces|Appoints|Names|Hires"
    r"|Partners|Signs|Wins|Expands|Opens|Completes|Reports|Debuts)\b")
_NOT_BRANDS = frozenset({"we", "our", "the", "a", "an", "new", "how", "why", "what", "today",
                         "breaking", "update", "news", "and", "also", "just", "finally", "re",
                         "fwd", "fw"})


_WE = re.compile(r"\b(?:we|our|us|I)\b", re.IGNORECASE)
_OBJECT_OF = re.compile(r"\b(?:in|with|into|to|by|for|from|of|on) $")
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_OPENER = re.compile(r"\s*([A-Z][\w.+-]*)")
_EVENT_NOUNS = frozenset({"round", "funding", "financing", "revenue", "arr", "mrr", "sales",
                          "growth", "company", "team", "product", "platform", "customers",
                          "users", "deal", "partnership", "acquisition", "release", "launch"})


def _inherited_subject(clause: str, sentence: str, company: re.Pattern[str]) -> str | None:
    """A clause cut at "and" whose verb has no subject takes the sentence's: another company's
    second act in a release about it is its news, not ours."""
    at = sentence.find(clause)
    if at <= 0 or _VERB_FIRST.match(clause) is None:
        return None
    m = _OPENS_ON.match(sentence)
    if m is None or company.search(m.group("who")):
        return None
    who = m.group("who").lower()
    if who.split()[0] in _GENERIC or who in COMMON_WORDS or who in _EVENT_NOUNS:
        return None  # "Round led by Northgate ...; company surpasses ...": no company named
    return f"another company's act ({m.group('who')[:30]})"


# A wire lead names its announcer right after the dateline, in the brand's own casing:
# "/PRNewswire/ -- aptihealth, the first tech-driven behavioral health provider, today announced
# a $50 million Series B".
_WIRE_LEAD = re.compile(
    r"(?:--|\u2014|/PRNewswire/ --)\s*(?P<who>[A-Za-z][\w&.'\u2019-]*(?: [A-Z][\w&.'\u2019-]*)"
    r"{0,4})(?:\s*\([^)]{0,40}\))*,?[^.]{0,200}?\b(?:today |yesterday )?announced\b")


def _announcer_not_us(sentence: str, company: re.Pattern[str]) -> str | None:
    """The sentence is another company's release lead: "Globex today announced that it ..."."""
    lead = _WIRE_LEAD.search(sentence)
    if lead is not None:
        who = lead.group("who")
        if company.search(sentence, 0, lead.end()) is None and who.split()[0].lower() not in \
                _GENERIC and _WE.search(sentence, 0, lead.end()) is None:
            return f"another company's release ({who[:30]})"
        return None
    m = _ANNOUNCED.search(sentence)
    if m is None:
        return None
    head = sentence[:m.start()]
    mark = _WIRE_MARK.match(head)
    who = _ANNOUNCER.match(head, mark.end() if mark else 0)
    if who is None or company.search(head) or _WE.search(head) \
            or who.group(1).split()[0].lower() in _GENERIC:
        return None  # "The company today announced ...": the writer's own words
    return f"another company's release ({who.group(1)[:30]})"


def _firm_named_partners(clause: str) -> str | None:
    """The only partner word of the clause is part of a firm's name or a defined term."""
    if not _FIRM_PARTNERS.search(clause):
        return None
    blanked = _FIRM_PARTNERS.sub(lambda m: " " * len(m.group()), clause)
    if PARTNER.search(blanked.lower()):
        return None  # "Globex Partners LP partners with Acme": a partnership named besides
    return "a firm named Partners, not a partnership"


def _firm_led_by_person(clause: str, sentence: str) -> str | None:
    """ "a firm led by Managing Principal X": the firm's leader, not a round's lead investor."""
    if not _LED_BY_PERSON.search(clause) or _ROUND_WORDS.search(sentence):
        return None
    return "a firm led by its principal, not a round"


# News a release's body states past its lead, in a "Company Momentum" paragraph or an aside:
# an appointment ("Last week the business appointed Craig Charlton as its new CEO"), revenue
# multiplied ("increasing annual recurring revenue 4x"), customers signed by count ("signed ...
# 26 major enterprise customers"), a user count passed ("passed 10,000 paid developers"). The
# lead is read whole; of the body only these sentences are, and every veto still judges them.
_BODY_NEWS = re.compile(
    r"\b(?:appointed|has named|named|promoted|tapped) (?:[A-Z][\w.'\u2019-]+ ){1,3}(?:as|to)"
    r" (?i:(?:the (?:role|position) of )?(?:its |our |the (?:company'?s? )?)?(?:new |first )?"
    r"(?:chief|ceo|cto|cfo|coo|cro|cmo|cpo|president|vice president|vp|head of"
    r"|general counsel))\b"
    r"|(?i:\b(?:increas|grow|grew|doubl|tripl|quadrupl|multipl)\w* (?:its |our |their )?"
    r"(?:annual recurring revenue|arr|recurring revenue|revenue|bookings)\b"
    r"|\b(?:annual recurring revenue|arr|revenue|bookings) (?:has |have )?(?:grew|grown"
    r"|increased|rose|climbed|jumped|is up|was up|up)\b[^.\n]{0,30}?\b\d+(?:\.\d+)?x\b"
    r"|\b(?:signed|added|landed|won|welcomed|closed)\b[^.\n]{0,80}?\b\d[\d,]* (?:new |major "
    r"|large |enterprise |paying |fortune \d+ )*(?:customers|clients|logos|accounts)\b"
    r"|\b(?:passed|surpassed|crossed|exceeded|topped) (?:the )?\d[\d,.]*\s?[km]? (?:paid "
    r"|paying |active |registered )?(?:users|customers|developers|subscribers|members)\b)")
_BODY_HINT = re.compile(r"appoint|named|promoted|tapped|revenue|ARR|bookings|customers|clients"
                        r"|logos|accounts|users|developers|subscribers|members", re.IGNORECASE)
# What a release's dateline puts near the top (layout's lead cut needs one of these).
_LEAD_MARK = re.compile(r"WIRE\)|/PRNewswire/|(?m:^[A-Z][A-Z.'\u2019 ]{1,30}[A-Z.][^\n]{0,60}?"
                        r"(?:\u2014|\u2013|-))")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def restored(shown: str, text: str) -> str:
    """``text`` (``shown`` with a release's body blanked past its lead) with the body's own
    news sentences put back, offsets unchanged."""
    if text is shown or len(text) != len(shown) or _LEAD_MARK.search(shown, 0, 3000) is None:
        return text
    start, end = release_body(shown)
    if end <= start or _BODY_HINT.search(shown, start, end) is None:
        return text
    out = text
    for m in _BODY_NEWS.finditer(shown, start, end):
        if out[m.start()] != " ":
            continue  # read already, or put back with the sentence before
        before = max(shown.rfind(". ", start, m.start()) + 2, shown.rfind("\n", start,
                                                                          m.start()) + 1, start)
        after = _SENTENCE_END.search(shown, m.end(), end)
        stop = after.end() if after else end
        out = out[:before] + shown[before:stop] + out[stop:]
    return out


# Revenue multiplied, the verb before the noun ("increasing annual recurring revenue 4x",
# "tripled its ARR", "grew bookings by 180%"); someone else's ("their revenue") is no ours.
_MULTIPLIED = rx(
    r"\b(?:increas|grow|grew|doubl|tripl|quadrupl)(?:ed|ing|es|s|e|n)? (?:its |our |the company'?s"
    r" )?(annual recurring revenue|arr|recurring revenue|revenue|bookings)\b(?: (?:by )?(?:more"
    r" than |over |nearly |almost )?(\d+(?:\.\d+)?x|\d+(?:\.\d+)? ?(?:%|percent)"
    r"|(?:two|three|four|five|ten)-?fold))?")
_GROWTH_VERBS = ("increas", "grow", "grew", "doubl", "tripl", "quadrupl")
_BY_VERB = {"doubl": "2x", "tripl": "3x", "quadrupl": "4x"}


def revenue_multiplied(clause: str, low: str, ctx: Context) -> Found | None:
    """Revenue told multiplied, verb first: "increasing annual recurring revenue 4x"."""
    if not any(verb in low for verb in _GROWTH_VERBS):
        return None
    m = _MULTIPLIED.search(low)
    if m is None:
        return None
    figure = m.group(2) or next((v for stem, v in _BY_VERB.items()
                                 if low.startswith(stem, m.start())), None)
    if figure is None:
        return None  # "grew revenue" says no more than that it moved
    figure = figure.replace(" percent", "%").replace("percent", "%")
    arr = m.group(1) in ("annual recurring revenue", "arr", "recurring revenue")
    noun = "ARR" if arr else m.group(1).capitalize()
    name = "arr_growth" if arr else f"{m.group(1)}_growth"
    return Found(EventType.REVENUE_MILESTONE, {name: figure}, f"{noun} growth {figure}",
                 m.start())


# Customers signed, counted ("signed 26 major enterprise customers", "added 40 new enterprise
# customers this quarter", "landed 12 new logos"): a count with a word that makes them new or
# large, so "we work with 26 customers" or "signed 3 customers up for the beta" are not read.
_SIGNED_COUNT = rx(
    r"\b(?:signed|added|landed|won|closed|onboarded)\b[^.;:]{0,80}?\b(\d[\d,]*) (?:new |major "
    r"|large |enterprise |strategic |paying |fortune \d+ ){1,3}(customers|clients|logos"
    r"|accounts)\b(?! (?:up )?(?:to|for|on|in|at) (?:the |our )?(?:beta|waitlist|wait list"
    r"|pilot|trial|newsletter))")


def customers_signed(clause: str, low: str, ctx: Context) -> Found | None:
    """A count of new enterprise customers signed in the period."""
    if not any(d in low for d in "0123456789"):
        return None
    m = _SIGNED_COUNT.search(low)
    if m is None:
        return None
    count = int(m.group(1).replace(",", ""))
    if count < 2:
        return None  # one customer is a deal of its own, read by deals.enterprise_deal
    words = clause[m.start(1):m.end(2)]
    metrics: dict[str, MetricValue] = {"new_customers": count}
    return Found(EventType.ENTERPRISE_DEAL, metrics, f"Signed {words}", m.start())


def measured_since(found: Found, head: str) -> bool:
    """Growth counted from a past point ("Since its Series B in March 2020, ... ARR 4x") runs
    up to now: the date opens the period measured, it does not date the news."""
    return any(k.endswith("_growth") for k in found.metrics) and \
        _SINCE.search(head) is not None


# A release's dateline: "SAN RAMON, Calif., July 20, 2020 - ", "NEW YORK, May 4, 2025 (GLOBE
# NEWSWIRE) -- ", "DENVER--(BUSINESS WIRE)--". Its date is when the release was issued.
_DATELINE = re.compile(r"^\W{0,4}[A-Z][A-Z.'\u2019 ]{1,30}[A-Z.](?:,[^\n\u2014\u2013]{1,60}?)?"
                       r"\s?(?:\([A-Z ]*WIRE\)\s?)?(?:\u2014|\u2013|--|-|/PRNewswire/ --)\s?"
                       r"(?:\(BUSINESS WIRE\)--)?")


def undated(head: str) -> str:
    """``head`` without a release's dateline: the date there is the release's own, no past
    date its news is told against."""
    m = _DATELINE.match(head)
    return head if m is None else " " * m.end() + head[m.end():]


# An offer to buy the company, made to it ("Barrick's unsolicited proposal to acquire
# Newmont", "received an unsolicited, non-binding proposal from Globex", "rejects Initech's
# takeover bid"): investor interest (shared LABELLING.md), rejected or not.
_OFFER = rx(
    r"\b(?:unsolicited|non-binding|nonbinding|hostile|takeover|buyout|all-stock|all-cash)\b"
    r"[^.;]{0,60}?\b(?:proposals?|offers?|bids?|approach|indication of interest)\b")
_TARGET = re.compile(r"\bto (?:acquire|buy|take over|merge with) ([A-Z][\w&.'-]*|us\b|the company"
                     r"|all (?:of )?(?:the |its )?(?:outstanding )?shares)")
_BIDDER = re.compile(r"([A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3})(?:'s|\u2019s)\b|\bfrom ([A-Z]"
                     r"[\w&.'-]*(?: [A-Z][\w&.'-]*){0,3})")
# Received and weighed by the company, not launched by the bidder ("Caixabank launches takeover
# bid for BPI"), feared ("prepared for a takeover approach"), a mini-tender for a few shares,
# or restated ("stands by its analysis that Merck's unsolicited proposal ...").
_RECEIVED = rx(r"\b(?:receiv|reject|rebuff|turn(?:s|ed)? down|declin|review|evaluat|consider"
               r"|determin|respond|approached)")
_NOT_AN_OFFER = rx(r"\bmini-?tender|\b(?:stands by|reiterat|reaffirm|previously (?:announced"
                   r"|disclosed|rejected)|prepared for|braces? for|bracing for|rumou?r|specul)")
_REJECTED = rx(r"\b(?:reject|rebuff|turn(?:s|ed)? down|declin|not in the best interests"
               r"|undervalues)")


def proposal(clause: str, low: str, ctx: Context) -> Found | None:
    """An unsolicited offer to acquire the company, read where it is the company's."""
    m = _OFFER.search(low)
    if m is None:
        return None
    if _NOT_AN_OFFER.search(low):
        return None
    target = _TARGET.search(clause, m.start())
    if target is not None and not _ours(target.group(1), clause[:m.start()], ctx):
        return None  # "... its proposal to acquire Globex": an offer we made, or theirs
    if target is None and not _RECEIVED.search(low):
        return None  # "Caixabank launches takeover bid for BPI": the bidder's own news
    if target is None and named_subject(clause[:m.start()], ctx.company):
        return None  # "Initech received an unsolicited bid from Globex": Initech's news
    bidder = next((b.group(1) or b.group(2) for b in _BIDDER.finditer(clause, max(0, m.start()
                   - 80), m.end() + 60) if not _ours(b.group(1) or b.group(2), "", ctx)), None)
    title = f"Unsolicited acquisition proposal from {bidder}" if bidder else \
        "Unsolicited acquisition proposal"
    if _REJECTED.search(low):
        title += ", rejected by the board"
    metrics: dict[str, MetricValue] = {"acquisition_interest": key(bidder or "inbound")}
    return Found(EventType.INVESTOR_INTEREST, metrics, title, m.start(), relational=True,
                 allow=frozenset({"negation", "plan", "hypothetical"}),
                 stakeholders=(bidder,) if bidder else ())


def _ours(name: str, head: str, ctx: Context) -> bool:
    """``name`` is the company: us, the company, its shares, a name of ours, or the announcer
    named before the offer ("Newmont ... announced that ... proposal to acquire Newmont")."""
    low = name.lower()
    if low in ("us", "the company") or low.startswith("all"):
        return True
    if ctx.company is not None and ctx.company.search(name):
        return True
    at = head.find(name)  # a plain look: a pattern per name would churn the re module's cache
    return at >= 0 and not head[at + len(name):at + len(name) + 1].isalnum() \
        and not head[at - 1:at].isalnum()


# An acquisition agreed in a release's words: "entered into a definitive agreement with Noble
# Energy, Inc. to acquire all of the outstanding shares of Noble Energy", "announces agreement
# to acquire Noble Energy", "signed a merger agreement under which Acme will acquire Globex",
# "entered into a definitive agreement to be acquired by Globex".
_AGREED = rx(
    r"\b(?:entered into|enters into|entering into|signed|signs|announc\w*|reached|reaches"
    r"|has|have)\s+(?:a |an )?(?:definitive |merger |binding |final )*(?:agreement|deal)\b"
    r"(?:[^.;]|(?<=inc|orp|ltd|llc| co|l\.p)\.){0,120}?"
    r"\b(to be acquired by|to (?:acquire|buy|merge with|combine with)|will acquire)\b")
_SHARES_OF = re.compile(r"\s*(?:all|substantially all|the remaining)?\s*(?:of\s+)?(?:the\s+)?"
                        r"(?:issued\s+and\s+)?(?:outstanding\s+)?(?:shares|stock|equity|units)"
                        r"(?:\s+of(?:\s+common\s+stock\s+of)?)?\s+", re.IGNORECASE)


def agreement_to_acquire(clause: str, low: str, ctx: Context) -> Found | None:
    """An acquisition or merger agreed, by the company or of it (``other``, subtype)."""
    if "agreement" not in low and "deal" not in low:
        return None
    m = _AGREED.search(low)
    if m is None:
        return None
    at = m.end(1)
    shares = _SHARES_OF.match(clause, at)
    target = name_after(clause, shares.end() if shares else at, within=20)
    if target is None or not target[:1].isupper():
        return None  # "agreed to acquire new equipment": no company named
    if m.group(1) == "to be acquired by":
        return Found(EventType.OTHER, {"subtype": "acquisition", "acquirer": key(target)},
                     f"Agreement to be acquired by {target}", m.start(), subtype="acquisition",
                     stakeholders=(target,))
    if ctx.company is not None and ctx.company.search(target):
        return None  # "Globex signed an agreement to acquire Acme": read as ours elsewhere
    kind = "merger" if "merge" in m.group(1) or "combine" in m.group(1) else "acquisition"
    return Found(EventType.OTHER, {"subtype": kind, "target": key(target)},
                 f"{kind.capitalize()}: {target} (definitive agreement)", m.start(),
                 subtype=kind, stakeholders=(target,))


# An alliance announced: "today announced a new collaboration with GitLab", "forms strategic
# partnership with Globex", "entered into a multi-year alliance with Initech".
_ALLIANCE = rx(
    r"\b(?:announc\w*|unveil\w*|forms?|formed|forming|enter(?:s|ed)? into|launch\w*|sign\w*"
    r"|strikes?|struck)\s+(?:a |an |its |their )?(?:new |strategic |global |multi-?year "
    r"|expanded |exclusive |long-term |technology |commercial )*(?:collaboration|partnership"
    r"|alliance|joint venture)\s+with\s+")


# Two parties entering one together: "Acme and Globex Enter Into Strategic Partnership to
# Deliver Embedded Payroll", "Acme, Initech form joint venture".
_PAIR_ALLIANCE = re.compile(
    r"^\W{0,3}(?P<a>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2})(?: and| &|,) (?P<b>[A-Z][\w&.'-]*"
    r"(?: [A-Z][\w&.'-]*){0,2}) (?i:(?:(?:enter|sign|form|announce|launch|establish|strike|forge)"
    r"\w*|extend|expand|renew|finali[sz]e|agree|invest|create|to invest|to establish|to form)"
    r"(?:[^.;:]|\.(?=\d)){0,60}?\b(?:partnership|alliance|collaboration|joint venture))\b")
_NOT_YET = re.compile(r"(?:\bto|let'?s|\bwill|\bwould|\bcould|\bshould|\bcan|\bmight|\bmay|'d"
                      r"|\u2019d)\s+$")
# One party joining another: "Acme teams up with Globex to ...", "Acme joins forces with CEA".
_TEAM_UP = rx(r"\b(?:team(?:s|ed|ing)? up|join(?:s|ed|ing)? (?:forces )?with|joins hands with)"
              r"\s+")


def _pair(clause: str, ctx: Context) -> Found | None:
    m = _PAIR_ALLIANCE.search(clause)
    if m is None or ctx.company is None:
        return None
    a, b = m.group("a"), m.group("b")
    if ctx.company.search(a):
        partner = b
    elif ctx.company.search(b):
        partner = a
    else:
        return None  # two others
    return Found(EventType.PARTNERSHIP, {"partner": key(partner)}, f"Partnership with {partner}",
                 0, relational=True, stakeholders=(partner,))


def alliance(clause: str, low: str, ctx: Context) -> Found | None:
    """A partnership announced with a named partner."""
    if not any(word in low for word in ("collaborat", "partnership", "alliance", "venture",
                                        "team", "join")):
        return None
    m = _ALLIANCE.search(low)
    if m is None:
        m = _TEAM_UP.search(low)
        if m is not None and not (_WE.search(clause, 0, m.start()) or (
                ctx.company is not None and ctx.company.search(clause, 0, m.start()))):
            return None  # "The England star has teamed up with Macmillan": someone else
        if m is not None and (_HOPED.search(clause, 0, m.start())
                              or _NOT_YET.search(low, 0, m.start())):
            return None  # "We'd love to join forces with Initech": a pitch, not a partnership
    if m is None:
        return _pair(clause, ctx)
    partner = name_after(clause, m.end(), within=8)
    if partner is None:
        return None
    relational = False
    if ctx.company is not None and ctx.company.search(partner):
        # "Globex announced a new collaboration with Acme": the partner is the announcer
        partner = name_before(clause, m.start())
        relational = True
        if partner is None or ctx.company.search(partner):
            return None
    return Found(EventType.PARTNERSHIP, {"partner": key(partner)}, f"Partnership with {partner}",
                 m.start(), relational=relational, stakeholders=(partner,))


# A major version named in a release headline's own words: "GitLab Expands DevSecOps Platform
# with 13.0 Release", "Acme Unveils Relay 4.0", "announces the release of Relay v3".
_VERSION_RELEASE = re.compile(
    r"\bwith (?:the |its )?(?:(?P<name>[A-Z][\w.+-]*(?: [A-Z][\w.+-]*){0,2}) )?"
    r"(?P<v>v?[1-9]\d*\.0(?:\.0)?) [Rr]elease\b"
    r"|\b(?:announces|unveils|introduces|releases|launches|debuts|ships) (?:the release of )?"
    r"(?P<name2>[A-Z][\w.+-]*(?: [A-Z][\w.+-]*){0,2}) (?P<v2>v?[1-9]\d*\.0(?:\.0)?)\b(?!\.\d)")


def version_release(clause: str, low: str, ctx: Context) -> Found | None:
    """A major version released, named with its number."""
    if ".0" not in clause:
        return None
    m = _VERSION_RELEASE.search(clause)
    if m is None:
        return None
    version = m.group("v") or m.group("v2")
    name = m.group("name") or m.group("name2")
    if name is None:
        # "GitLab Expands ... with 13.0 Release": the maker's own name, which opens the line
        ours = ctx.company.search(clause, 0, m.start()) if ctx.company is not None else None
        opener = _OPENER.match(clause)
        name = ours.group() if ours else opener.group(1) if opener else None
    if name is None:
        return None
    product = f"{name} {version}"
    return Found(EventType.PRODUCT_LAUNCH, {"product": key(product)}, f"Launched {product}",
                 m.start())


# An appointment in headline or lead words, the organisation first or the person first:
# "Acme Appoints Craig Charlton as CEO", "Acme Names Dana Li Chief Revenue Officer", "Acme
# Announces Appointment of Dana Li as CFO", "Acme promotes Dana Li to Chief Operating Officer",
# "Dana Li Named Chief Revenue Officer of Acme". Title case leaves the verb capitalised, so the
# person is the name after it, never the organisation before it.
_ROLE = (r"(?i:(?:chief [a-z]+(?: [a-z]+)? officer|ceo|cfo|cto|coo|cro|cmo|cpo|ciso|president"
         r"|chair(?:man|woman|person)?|vice president(?: of [a-z&]+(?: [a-z&]+)?)?"
         r"|svp(?: of [a-z&]+)?|evp(?: of [a-z&]+)?|vp(?: of [a-z&]+(?: [a-z&]+)?)?"
         r"|head of [a-z&]+(?: [a-z&]+)?|general counsel|managing director|general manager))\b")
_PERSON = (r"[A-Z][a-z][\w'\u2019-]*(?: [A-Z]\.)?(?: (?!(?:As|To|Of|And|For|At)\b)"
           r"[A-Z][\w'\u2019-]+){1,2}")
_ORG_FIRST = re.compile(
    rf"^(?P<org>.*?)\b(?i:appoints|appointed|has appointed|names|named|has named|taps|tapped"
    rf"|promotes|promoted|elevates|elevated|announces (?:the )?appointment of|announced (?:the )?"
    rf"appointment of) (?:(?i:former|ex-|longtime|veteran|industry veteran|seasoned)"
    rf"(?: [A-Z][\w&.'-]*){{0,3}} (?i:executive|exec|leader|veteran|cfo|ceo|coo|cto|cro)? ?)?"
    rf"(?P<person>{_PERSON})(?:, [^,]{{1,60}},)? (?i:as |to (?:the (?:role|position|post) of )?"
    rf"|to serve as )?(?i:its |the |our )?(?:(?i:new|first|next|permanent) )?(?P<role>{_ROLE})")
_PERSON_FIRST = re.compile(
    rf"^\W*(?P<person>{_PERSON}) (?:(?i:has been|was|is) )?(?i:named|appointed|promoted to"
    rf"|tapped as) (?:as )?(?:the )?(?:(?i:new|first|next) )?(?P<role>{_ROLE})"
    rf"(?: (?:of|at) (?P<org>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){{0,3}}))?")
_NOT_PERSON = frozenset({"former", "interim", "new", "chief", "vice", "president", "executive",
                         "officer", "head", "director", "senior", "industry", "veteran", "its",
                         "the", "our", "acting", "leader", "board", "top", "post"})
_OURS_GENERIC = re.compile(
    r"^\W*(?:(?:last|this|earlier this) (?:week|month|quarter)|today|yesterday|recently|also"
    r"|in addition|additionally)?,?\s*(?:(?:the|its) (?:company|business|board|firm)(?: of"
    r" directors)?|it|we|our board)?(?: has| have| today| also| recently)*\W*$", re.IGNORECASE)


_APPOINT_VERBS = ("appoint", "name", "tap", "promot", "elevat")


def _appointment(clause: str) -> tuple[str, str, str, int] | None:
    """(organisation as written or "", person, role, where) of an appointment wording."""
    for pattern in (_ORG_FIRST, _PERSON_FIRST):
        m = pattern.search(clause)
        if m is None:
            continue
        person = m.group("person")
        if any(w.lower().strip(".,") in _NOT_PERSON for w in person.split()):
            continue
        return (m.group("org") or "").strip(), person, m.group("role"), m.start("person")
    return None


def _org_is_ours(org: str, ctx: Context) -> bool:
    return not org or _OURS_GENERIC.match(org) is not None or (
        ctx.company is not None and ctx.company.search(org) is not None)


def appointment(clause: str, low: str, ctx: Context) -> Found | None:
    """An appointment of ours, the person named after the verb in any casing."""
    if not any(verb in low for verb in _APPOINT_VERBS):
        return None
    found = _appointment(clause)
    if found is None:
        return None
    org, person, role, at = found
    if not _org_is_ours(org, ctx) or (ctx.company is not None and ctx.company.search(person)):
        return None  # another organisation's appointment: hiring() and veto() judge it
    role = role if role.isupper() or len(role) <= 4 else role[:1].upper() + role[1:]
    return Found(EventType.HIRING, {"hire": key(person)}, f"Hired {person} as {role}", at,
                 allow=frozenset({"plan"}), stakeholders=(person,))


_TITLE_VERB = re.compile(r"\b(?:Appoints|Names|Taps|Promotes|Elevates|Hires|Announces Appointment)"
                         r"\b")


def their_appointment(clause: str, company: re.Pattern[str]) -> str | None:
    """ "Globex Names Former Initech CEO Lee Park to Top Post": another company's hire, in the
    title case that hiring() reads as a name ("ConAgra Names Former"); in lower case it judges
    the employer itself, and an acronym of ours ("CBSA today announced ...") stays ours."""
    if _TITLE_VERB.search(clause) is None:
        return None
    found = _appointment(clause)
    if found is None or not found[0] or _OURS_GENERIC.match(found[0]) or company.search(found[0]):
        return None
    if _WE.search(found[0]):
        return None
    return f"another organisation's appointment ({found[0][:30]})"


# A paragraph that describes the company in the third person, as a release's boilerplate does
# with or without an "About" heading: "Acme is the leader in developer tooling, ...", "Acme, the
# leading provider of payroll software, has raised $60 million ...", "Founded in 2019, Acme ...".
# What it states (rounds, certifications, awards) is background the release restates.
_SELF_DESCRIBED = re.compile(
    r"^\W{0,4}(?i:founded in (?:19|20)\d\d,? |headquartered in [^,]{2,40}, |based in [^,]{2,40}"
    r", )?"
    r"(?P<who>[A-Z][\w&.'\u2019-]*(?: [A-Z][\w&.'\u2019-]*){0,3})(?:,? (?:Inc|Corp|Ltd|LLC)\.?)?"
    r"(?: \([^)]{1,40}\))*(?:,? (?:is|was) (?:the|a|an)|, (?:the|a|an))(?: [\w-]+){0,3}? (?:leader"
    r"|leading|pioneer|provider|maker|developer|platform|company|creator|innovator)\b")
_NEWS_WORDS = re.compile(r"\b(?:today|this (?:week|month|morning)|announc\w*|just|now)\b",
                         re.IGNORECASE)


def boilerplate(found: Found, text: str, start: int, company: re.Pattern[str] | None
                ) -> str | None:
    """Why a reading sits in a paragraph of boilerplate about the company, or None."""
    if found.negative or company is None or start == 0:
        return None
    top = text.rfind("\n\n", 0, start)
    if top < 0 or text.rfind("\n\n", 0, top) < 0:
        return None  # a headline and its lead state the news; boilerplate follows the body
    end = text.find("\n\n", start)
    paragraph = text[top + 2:end if end >= 0 else len(text)]
    m = _SELF_DESCRIBED.match(paragraph)
    if m is None or company.search(m.group("who")) is None or _NEWS_WORDS.search(paragraph):
        return None
    return f"boilerplate about the company ({paragraph[:40].strip()})"


# A supply contract announced by the supplier: "LG Energy Solution to supply LFP EV batteries to
# Renault Group's Ampere", "Acme to exclusively supply cylindrical cells for Aptera", "signed a
# five-year supply agreement with Globex", "contracts to supply 109 GWh of batteries for Ford".
_SUPPLY = re.compile(
    r"^(?P<head>[^.;:]{0,80}?)\b(?:to|will|contracts? to|agreed to|agrees to) (?:exclusively )?"
    r"supply [^.;:]{2,80}? (?:to|for) (?P<who>[A-Z][\w&.'\u2019-]*(?: [A-Z][\w&.'\u2019-]*){0,3})"
    r"|\b(?:signed|signs|secured|secures|won|wins|inked|inks|landed|lands|clinched|clinches)"
    r" (?:a |an )?(?:new )?(?:multi-?year |\d+-year |[a-z]+-year |long-term |exclusive )*"
    r"(?:supply|offtake|purchase) (?:agreement|contract|deal) with (?P<who2>[A-Z][\w&.'\u2019-]*"
    r"(?: [A-Z][\w&.'\u2019-]*){0,3})")
_HOPED = re.compile(r"\b(?:hope|hopes|plan|plans|aim|aims|want|wants|expect|expects|intend"
                    r"|intends|seek|seeks|could|would|may|might)\b", re.IGNORECASE)


def supply_deal(clause: str, low: str, ctx: Context) -> Found | None:
    """A supply contract of ours, announced in the supplier's words."""
    if "suppl" not in low:
        return None
    m = _SUPPLY.search(clause)
    if m is None:
        return None
    who = m.group("who") or m.group("who2")
    head = m.group("head") or ""
    if _HOPED.search(head) or (ctx.company is not None and ctx.company.search(who)):
        return None  # a hope, or a supplier supplying us
    if head.strip() and ctx.company is not None and not ctx.company.search(head) \
            and not _WE.search(head):
        return None  # "Globex to supply cells to Initech": another supplier's contract
    customer = who.removesuffix("'s").removesuffix("\u2019s")
    return Found(EventType.ENTERPRISE_DEAL, {"customer": key(customer)},
                 f"Supply agreement with {customer}", m.start(), relational=True,
                 allow=frozenset({"plan"}), stakeholders=(customer,))
