"""Corporate news in the words press releases, news wires and founders use for it: people
joining, approvals and settlements, acquisitions and divestitures announced, alliances formed,
orders placed, customers' stories told.

Each reading runs after the type's main detector has passed on a clause, so it only adds what
that detector misses. Every reading names its party, and whose news it is is checked here where
the generic subject veto cannot tell: "FDA approves <our drug>" has the regulator as subject and
is still our news; "FDA approves Pfizer's drug" in our stream is not.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, cased, said
from signalpipe.extract.rules.lexicon import CERT, ROLE, rx
from signalpipe.extract.rules.names import key, name_after, name_before, names_in
from signalpipe.extract.rules.subject import FIRST_PERSON, is_ours
from signalpipe.models import EventType

T = EventType
_PLAN = frozenset({"plan"})
# Hedges that keep an announced deal a possibility: "in talks to acquire", "weighs a bid".
HEDGED = rx(r"\b(?:in (?:talks|discussions|negotiations)|consider\w*|explor\w+|weigh\w*|mull\w*"
            r"|could(?!n'?t)|may|might|would(?!n'?t)|potential|possible|rumou?r\w*|reportedly|eyes|eyeing"
            r"|bid for|approach\w*|interested in|hopes?|wants? to|seeks? to|looking to"
            r"|(?:plans|planning|planned|we plan|i plan|they plan|set) to"
            r"|if\b|whether|talks? (?:with|to)|need(?:s|ed)? to|should|must|gonna|going to)")


def product_after(clause: str, end: int) -> bool:
    """A lower-case noun follows the name at ``end``: "bought Figma seats", "sold Acme Pro
    licenses" name a product bought or sold, not a company."""
    nxt = re.match(r"(?:\s+[A-Z0-9][\w.-]*){0,3}\s+([a-z][\w-]*)", clause[end:])
    return nxt is not None and nxt.group(1) not in _FUNCTION_WORDS


_FUNCTION_WORDS = frozenset([
    "to", "for", "in", "from", "as", "and", "amid", "after", "with", "at", "on", "deal", "by",
    "over", "of", "outright", "today", "this", "last", "earlier", "inc", "ltd", "plc", "llc",
    "corp", "which", "that", "who", "the", "a", "an", "its", "their", "our", "into", "said",
    "says", "announced", "is", "was", "has", "have", "will"])


def _named(clause: str, ctx: Context) -> bool:
    return bool(ctx.company and ctx.company.search(clause))


# --- hiring ---------------------------------------------------------------------------------

_PERSON = r"[A-Z][a-zà-ÿ'’-]+(?:[ \xa0](?:[A-Z]\.|[A-Z][a-zà-ÿ'’-]+)){1,2}"
# "Kyle Mathews joins the Electric team", "Kevin De Porre and Garry Hill join Electric as
# founding engineers", "Lord Livingston joins Dixons Carphone": a person joining us by name.
JOINS = re.compile(rf"(?:^|[^\w\s]\s*|\b(?:and|that|news that)\s)(?P<who>{_PERSON}(?:,? (?:and|&)"
                   rf" {_PERSON})?)\s+(?:has |have |is |are )?(?:joins|joined|join|joining)"
                   r" (?P<org>[^,.;:!?]{2,60})")
_NOT_JOINED = rx(r"^(?:the )?(?:call|meeting|zoom|webinar|podcast|panel|waitlist|beta|program"
                 r"|programme|cohort|batch|accelerator|fund|index|ftse|s&p|nasdaq|dow|board of"
                 r" (?!directors)|conversation|discussion|session|stream|event|race|effort"
                 r"|fight|campaign|coalition|pledge|initiative|alliance|forces|protest|strike"
                 r"|queue|line|us (?:on|for|at|in)|our (?:call|webinar|podcast|stream|show))")
_AS_ROLE = rx(r"\bas (?:an? |our |the |its |their )?(?:new )?(?!investor|angel|advisor to|a"
              r" customer|customer|partner)(?P<role>[a-z][a-z -]{2,40}?)(?=[.!,;:)]"
              r"|\s(?:to|on|in|at|from|and|for)\b|$)")
# "I hired TinyPilot's first support engineer", "we onboarded our first full-time employee".
FIRST_HIRE = rx(r"\b(?:hired|onboarded|brought on|welcomed|made) (?:our|my|its|the company's"
                r"|[a-z0-9.-]+'s|[a-z0-9.-]+’s) (?:very )?first (?:full-time |part-time |dedicated "
                r"|in-house )?(?P<role>(?:[a-z-]+ ){0,2}(?:engineer|employee|hire|designer"
                r"|developer|marketer|salesperson|sales rep|writer|manager|scientist|analyst"
                r"|assistant|team member|recruiter|support agent|editor|accountant|lawyer))s?\b")
# "Andreas is now full-time on Unkey", "Thibault went full time on OpenStatus", "I've decided to
# start working on GitJournal full-time": a founder or early hire committing to the company.
FULL_TIME = re.compile(rf"(?P<who>{_PERSON}|[A-Z][a-zà-ÿ'’-]+)\s+(?:is now|went|goes|has gone"
                       r"|is going|will go) full[- ]time\b")
# "tom is now full time with us": a lower-case name, anchored by "with us" or the company.
FULL_TIME_LOW = rx(r"\b(?P<who>[a-z][a-z'-]{1,20}) (?:is now|went|goes|has gone|is going)"
                   r" full[- ]time (?:with us|on the team|at |on |for )")
FOUNDER_FULL_TIME = rx(r"\b(?:i|we)(?:'ve| have)? (?:decided to |now |finally )?(?:start(?:ed)?"
                       r" |began )?(?:to )?(?:work(?:ing)?|focus(?:ing)?) on (?P<on>[\w .-]{2,30}?)"
                       r" full[- ]time\b|\bquit (?:my|our) (?:day )?job to work on (?P<on2>[\w .-]"
                       r"{2,30}?) full[- ]time\b")
# "Please welcome our newest members of the cloud.gov team", "we offered him a full-time
# position and he accepted".
NEW_MEMBERS = rx(r"\bwelcome (?:our |the )?(?:newest|new) (?:team members?|hires?|colleagues?"
                 r"|teammates?|joiners|members of (?:the |our )?[\w .-]{2,30}team)\b"
                 r"|\bnew (?:people|faces|team members) joining\b"
                 r"|\boffered (?:him|her|them|[a-z]+) (?:a |the )?(?:full-time |permanent )?"
                 r"(?:position|role|job)\b[^.;]{0,60}\b(?:he|she|they) accepted\b")
# "Sanofi poaches immunology expert from AstraZeneca", "Globex hires our CTO away from Acme":
# someone leaving us for another company, a departure told from the other side.
POACHED = re.compile(r"(?i:\b(?:poach(?:es|ed|ing)?|lures?|lured|hires?|hired|recruits?|recruited)"
                     r" (?:[\w.'-]+ ){1,4}(?:away )?from) ")
# "Acme taps former Google exec Lisa Wong as president", "Priya has been promoted to VP of
# Engineering": a leader named by the company, or promoted within it.
NAMED_AS = re.compile(r"(?i:\b(?:taps|tapped|picks|picked|brings in|brought in|names|named"
                      r"|appoints|appointed|hires|hired) (?:[\w.'-]+ ){1,5}?as (?:its |our |the )?"
                      r"(?:new )?)(?P<role>[\w -]{2,40})")
PROMOTED = re.compile(rf"(?P<who>{_PERSON}|[A-Z][a-zà-ÿ'’-]+)\s+(?:has been |was |is |got |gets )?"
                      r"(?:promoted|elevated) to (?:the role of )?(?P<role>[\w -]{2,40})")
# "Team: hired a Head of Customer Success", "- New hires: Jane Park (VP Engineering)": an
# update's section line, the company its unspoken subject.
LABELLED_HIRE = rx(r"^\W*(?:[a-z&/ -]{2,25}: *)?(?:we )?(?:hired|brought on)"
                   r" (?=(?:a |an |our |two |three |four |\d+ )?\S)|\bnew hires?: ")
# "adds ex-SEC head Schapiro to board", "appointed to the board", "accepted a full-time offer".
BOARD_ADD = rx(r"\b(?:adds?|added|appoints?|appointed|elects?|elected|names?|named) (?:[\w.'-]+ )"
               r"{1,5}to (?:its |the |our )?board\b|\b(?:accepted|signed) (?:a|our|the|his|her"
               r"|their) (?:full-time |permanent )?(?:job |employment )?offer\b")


def _joined_us(org: str, ctx: Context) -> bool:
    low = org.lower()
    if _NOT_JOINED.match(low):
        return False
    if re.match(r"(?:us|our team|the team|our company|the company)\b", low):
        return True
    # the company first: "Electric as founding engineers", "the Electric team"
    head = re.sub(r"^(?:the|team) ", "", org)
    return bool(ctx.company and ctx.company.match(head))


def hiring(clause: str, low: str, ctx: Context) -> Found | None:
    """People joining by name, first hires, board seats and accepted offers."""
    # plain substrings first: most clauses a stem lets through need none of these patterns
    for m in JOINS.finditer(clause) if "join" in low else ():
        if not _joined_us(m["org"], ctx):
            continue
        who = m["who"]
        role = _AS_ROLE.search(low, m.start("org"), m.end("org") + 1)
        what = role["role"].strip() if role else "team"
        verb = "join" if re.search(r" (?:and|&) ", who) else "joins"
        return Found(T.HIRING, {"hire": key(who)}, f"{who} {verb} as {what}" if role
                     else f"{who} {verb} the team", m.start("who"), allow=_PLAN,
                     stakeholders=(who,))
    found = _committed(clause, low, ctx)
    if found is not None:
        return found
    poached = POACHED.search(clause) if " from " in low else None
    if poached and ctx.company is not None and ctx.company.match(clause, poached.end()):
        who = clause[poached.start():poached.end()].split(" ", 1)[1].rsplit(" from", 1)[0]
        who = re.sub(r"(?i) away$", "", who)
        return Found(T.HIRING, {"departure": key(who)}, f"Departure: {who} leaves for a rival",
                     poached.start(), negative=True, relational=True, allow=_PLAN)
    found = _named_as(clause, low, ctx)
    if found is not None:
        return found
    labelled = LABELLED_HIRE.search(low) if "hire" in low or ":" in low else None
    role = ROLE.search(low, labelled.end()) if labelled else None
    if labelled and role and not role.group().startswith(("partner", "board", "advisor")) \
            and not re.search(r"\b(?:looking|candidates?|interview|open roles?"
                                           r"|pipeline|plan|hope|want)", low):
        what = clause[role.start():role.end()]
        return Found(T.HIRING, {"role": key(what)}, f"Hired a {what}", labelled.start(),
                     allow=_PLAN)
    first = FIRST_HIRE.search(low) if "first" in low else None
    # "our first employee in Singapore" opens a market (markets.py reads it), not a team
    if first and is_ours(clause, ctx.company) \
            and not re.match(r"\s+in\s+[A-Z]", clause[first.end():]):
        what = first["role"]
        return Found(T.HIRING, {"role": f"first {what}"}, f"Hired our first {what}",
                     first.start(), allow=_PLAN)
    board = BOARD_ADD.search(low) if "board" in low or "offer" in low else None
    if board and is_ours(clause, ctx.company) and not re.search(r"\b(?:advisory|customer|sent|send"
                                                           r"|extend|declin|rescind)", low):
        return Found(T.HIRING, {"role": key(board.group())[:60]}, said(clause, 0), board.start(),
                     allow=_PLAN)
    return None


def _named_as(clause: str, low: str, ctx: Context) -> Found | None:
    """A leader named by the company ("Acme taps X as president") or promoted inside it."""
    named = NAMED_AS.search(clause) if " as " in low else None
    if named and ROLE.match(named["role"].lower()) and _named(clause[:named.start()], ctx):
        who = _person_in(clause[named.start():named.start("role")]) or named["role"]
        return Found(T.HIRING, {"hire": key(who)}, f"Hired {who} as {named['role'].strip()}",
                     named.start(), allow=_PLAN, stakeholders=(who,))
    up = PROMOTED.search(clause) if "promot" in low or "elevat" in low else None
    if up and ROLE.match(up["role"].lower()) and up["who"].lower() not in _NOT_WHO:
        return Found(T.HIRING, {"hire": key(up["who"])},
                     f"{up['who']} promoted to {up['role'].strip()}", up.start(),
                     stakeholders=(up["who"],))
    return None


_NOT_WHO = frozenset(["we", "i", "it", "this", "that", "he", "she", "they", "who", "nobody"])


def _person_in(text: str) -> str | None:
    names = re.findall(_PERSON, text)
    return names[-1] if names else None


def _committed(clause: str, low: str, ctx: Context) -> Found | None:
    """Going full time on the company, new members welcomed, an offer accepted."""
    if "full" not in low:
        return _welcomed(clause, low, ctx)
    full = FULL_TIME.search(clause)
    if full and full["who"].lower() not in {"we", "i", "it", "this", "that", "he", "she"} and (
            is_ours(clause, ctx.company) or re.search(r"co-?founder|founder", low)):
        who = full["who"]
        return Found(T.HIRING, {"hire": key(who)}, f"{who} is now full-time", full.start(),
                     stakeholders=(who,), allow=_PLAN)
    low_full = FULL_TIME_LOW.search(low)
    if low_full and low_full["who"] not in _NOT_WHO | {"everyone", "team", "support", "sales"} \
            and (low_full.group().endswith(("with us", "on the team")) or _named(clause, ctx)):
        who = low_full["who"]
        return Found(T.HIRING, {"hire": key(who)}, f"{who.title()} is now full-time",
                     low_full.start(), stakeholders=(who.title(),), allow=_PLAN)
    mine = FOUNDER_FULL_TIME.search(low)
    on = (mine["on"] or mine["on2"]) if mine else None
    if mine and on and ctx.company and ctx.company.search(clause[mine.start():mine.end()]):
        # "decided to start working on X full-time": the decision is the news
        return Found(T.HIRING, {"hire": "founder full-time"}, "Founder now full-time",
                     mine.start(), allow=_PLAN)
    return _welcomed(clause, low, ctx)


def _welcomed(clause: str, low: str, ctx: Context) -> Found | None:
    if "welcom" not in low and "joining" not in low and "offer" not in ctx.sentence:
        return None
    # "we offered him a full-time position and he accepted" may be cut at its "and"
    source = clause if NEW_MEMBERS.search(low) else ctx.sentence
    team = NEW_MEMBERS.search(source.lower())
    if team and is_ours(clause, ctx.company):
        return Found(T.HIRING, {"role": "new team members"}, said(source, team.start()),
                     min(team.start(), len(clause) - 1))
    return None


# --- compliance -----------------------------------------------------------------------------

_REGULATOR = (r"(?:fda|u\.s\. food and drug administration|food and drug administration|ema"
              r"|european medicines agency|mhra|hsa|health canada|tga|pmda|nmpa|chmp"
              r"|european commission|regulators?|watchdogs?|authorities|cma|ftc|fcc|faa|easa"
              r"|ofcom|finra|sec|doj|osha|cqc|ombudsman|court|judge|antitrust \w+|cftc|fca|pra"
              r"|ico|cnil|epa|occ|ofac|nhtsa|fsa|bafin|asic|accc|competition bureau)")
# A regulator approving or clearing the company's product, deal or operation.
APPROVED = rx(
    rf"\b{_REGULATOR}\b[^.;]{{0,40}}?\b(?P<v>approv(?:e|es|ed|al of)|clear(?:s|ed)?|licen[cs](?:e"
    r"|es|ed)|authori[sz](?:e|es|ed)|grant(?:s|ed)|accept(?:s|ed))\b"
    r"|\b(?:receiv\w+|won|wins|gets|got|secur\w+|obtain\w+|granted|earn\w+|was given|awarded)"
    r" (?:the |an? |its |our )?(?:[\w-]+ ){0,4}?(?P<what>approval|clearance"
    r"|marketing authori[sz]ation"
    r"|emergency use authori[sz]ation|authori[sz]ation to operate|ce mark\w*|warning letter"
    r"|(?:orphan drug|breakthrough (?:therapy|device)|fast track|priority review|orphan)"
    r" (?:designation|status|label)|licen[cs]e to operate|banking licen[cs]e|(?:\w+ )?licen[cs]e)\b"
    r"|\b(?:orphan drug|breakthrough (?:therapy|device)|fast track) (?:designation|status|label)"
    r" (?:granted|awarded|received)|\b(?:re-?)?certified (?:for|to|under|as (?:an? )?)"
    r" ?(?=[a-z0-9 -]{0,12}\d|b corp)")
NOT_APPROVED = rx(r"\b(?:driver'?s licen[cs]e|licen[cs]e (?:key|file|plate|fee)|software licen"
                  r"|open[- ]source licen|mit licen|apache licen|agpl|gpl|(?:seeks?|seeking"
                  r"|sought|submit\w*|applied for|apply for|filed for|files for|await\w*"
                  r"|pending|waiting for|expects?|rebuff\w*|reject\w*|refus\w*|denied|delay\w*|must"
                  r"|has to|have to|needs? to|yet to)"
                  r"|approved (?:vendor|supplier|partner)s?|pre-?approved|loan approv|request\w*)")
# A regulator, a court or an ombudsman acting against the company: settlements, fines, probes.
SANCTION = rx(
    r"\b(?:settles?|settled|settlement)\b[^.;]{0,60}?\b(?:over|charges|probe|allegations"
    r"|lawsuit|class action)\b"
    rf"|\b{_REGULATOR} (?:fines|fined|sues|sued|charges|charged|probes|censures|censured"
    r"|bans|banned|orders|ordered|rebuff\w*|rejects|rejected|raps|slaps)\b"
    r"|\b(?:must|to|will|agrees? to|agreed to|ordered to|told to) pay (?:[\w$£€.,]+ ){0,3}?"
    r"(?:in |over |to settle|compensation|damages|fines?|penalt)"
    r"|\b(?:opens?|opened|launch(?:es|ed)) (?:a |an )?(?:formal |criminal |antitrust )?(?:probe"
    r"|investigation|inquiry)|\bprobes? (?:[\w&.'-]+(?:'s|’s)) |\bwatchdog (?:finds|found|says)"
    r"|\b(?:rated|rates|rating of) [\"'‘“]?(?:requires improvement|inadequate)"
    r"|\b(?:warning|complete response) letter\b|\bfda rebuff|\bmis-?selling (?:hit|charge|claims)")
LEGAL = rx(r"\b(?:court|judge|jury|lawsuit|suit|case|settle\w*|regulators?|fines?|penalt\w+"
           r"|damages|compensation|verdict|ruling|claims|ombudsman|tribunal|watchdog)\b")
NOT_SANCTION = rx(r"\b(?:dismiss\w*|thrown out|cleared of|acquitt\w*|overturn\w*|wins? appeal"
                  r"|settled (?:in|on|into)|settle (?:in|on|into|down)|settlement (?:date|period"
                  r"|layer|system|finality)|payments? settle)")


# "SOC 2 Type I done", "ISO 27001 audit wrapped": a certification finished, in update shorthand.
CERT_FINISHED = rx(r"\b(?:audit|report|certification|type (?:ii|i|1|2))\s+(?:is |are )?"
                   r"(?:done|wrapped(?: up)?|in hand|finished|complete)\b")


def compliance(clause: str, low: str, ctx: Context) -> Found | None:
    """Regulatory approvals, designations and recertifications; settlements and sanctions."""
    cert = CERT.search(low) if "done" in low or "wrapped" in low or "in hand" in low \
        or "finished" in low or "complete" in low else None
    finished = CERT_FINISHED.search(low, cert.start()) if cert else None
    if cert and finished and not re.search(r"\b(?:prep|readiness|policy|policies|kick\w*"
                                           r"|gap|mock|dry run|questionnaire)\b", low):
        name = " ".join(low[cert.start():cert.end()].split())
        return Found(T.COMPLIANCE, {"certification": name}, f"{clause[cert.start():cert.end()]}"
                     " certification", finished.start())
    if not is_ours(clause, ctx.company):
        return None  # the regulator is the subject: the company itself must be named
    bad = SANCTION.search(low)
    if bad and " pay " in bad.group() and not LEGAL.search(low):
        bad = None  # "we must pay $500 in fees to AWS": a bill, not a ruling
    if bad and not NOT_SANCTION.search(low):
        return Found(T.COMPLIANCE, {"regulatory": key(bad.group())[:60]},
                     f"Regulatory action: {said(clause, 0)}", bad.start(), negative=True,
                     relational=True, allow=_PLAN)
    good = APPROVED.search(low)
    if good and good["what"] in {"approval", "clearance"} | {f"{w} licen{c}e" for w in ("a", "")
                                                            for c in "cs"} \
            and not re.search(rf"\b{_REGULATOR}\b|regulator", low):
        good = None  # "approval from the board to hire": no regulator, no certification
    if good and not NOT_APPROVED.search(low):
        what = (good["what"] or good["v"] or "certified").strip()
        name = name_after(clause, good.end(), within=40) or what
        return Found(T.COMPLIANCE, {"certification": key(name)[:60]},
                     f"Approval: {said(clause, 0)}", good.start(), relational=True)
    return None


# --- other: acquisitions, divestitures, mergers, corporate changes --------------------------

_TARGET = (r"(?:the )?(?P<target>[A-Z0-9][\w&'’.-]*"
           r"(?: (?:of |& |and )?[A-Z0-9][\w&'’.-]*){0,4})")
ACQUIRES = re.compile(
    r"(?i:\b(?:agree(?:s|d|ment)?|deal|definitive agreement|offer|move|plans?) to (?:acquire|buy"
    r"|purchase|take over)|\b(?:to|will|would) (?:acquire|buy|purchase)|\bwill be acquiring"
    r"|\b(?:buys|bought|purchases|purchased|acquires|acquired|snaps up|snapped up|takes over"
    r"|took over|wins? (?:the )?(?:race|battle|bidding war|auction) for"
    r"|completes? (?:the )?(?:acquisition|purchase|takeover) of|completed (?:the )?(?:acquisition"
    r"|purchase|takeover) of)) " + _TARGET
    + r"|(?i:\bagreement) with " + _TARGET.replace("target", "target2")
    + r" (?i:to (?:acquire|buy|merge)|under which|whereby)")
STAKE = rx(r"\b(?:buys|bought|takes|took|acquires|acquired|raises|raised|ups|increases|increased"
           r"|adds to|added to|builds|built|sells|sold|cuts|trims) (?:a |an |its |the |their )?"
           r"(?:\d+(?:\.\d+)?% |majority |minority |controlling |further |bigger |larger )?"
           r"stakes? (?:in|of)\b")
DIVESTS = re.compile(
    r"(?i:\b(?:sheds|shed|offloads|offloaded|sells|sold|divests|divested|spins? off|spun off"
    r"|to sell|agrees to sell|agreed to sell|announces the sale of|announced the sale of"
    r"|completes the sale of|completed the sale of|finali[sz]es (?:the )?sale of)) (?!\d)"
    r"(?i:(?:its |our |their )?(?:[\w-]+ ){0,2}?(?:subsidiary|unit|division|business|brand|arm"
    r"|stake in),? )?" + _TARGET)
MERGER = rx(r"\b(?:(?:complete[sd]?|announce[sd]?|agree[sd]?|agreement|plans?|deal) (?:on |to )?"
            r"(?:a |an |its |the |their |all-stock |all-cash )?merger"
            r"|(?:agree|agrees|agreed|to|will) (?:to )?merge\b|merge (?:with|into)\b"
            r"|(?:combine|combines|combined|come together|comes together|came together)"
            r" (?:under|as|to form|into)\b)")
# "Weir offloads two renewables units", "Acme sells its payments business": a unit sold, named
# by what it is rather than by name.
DIVESTS_UNIT = rx(r"\b(?:sheds|offloads|offloaded|divests|divested|spins? off|spun off|hives off"
                  r"|carves out) (?:its |a |the |two |three |some )?(?:[\w&-]+ ){0,3}?(?:units?"
                  r"|business(?:es)?|divisions?|subsidiar(?:y|ies)|arms?|stakes?|brands?|assets"
                  r"|operations|plants?|hotels?|shops|stores|portfolio)\b"
                  r"|\b(?:sells|sold|to sell|agreed to sell|agrees to sell) (?:its |their |our )"
                  r"(?:[\w&-]+ ){0,3}?(?:business|division|subsidiary|arm|brand|assets|operations"
                  r"|portfolio)\b")
# "I sold the company for $600k", "We sold Acme to Globex": the company itself acquired.
SOLD_US = rx(r"\b(?:i|we)(?:'ve| have)? (?:just |officially |finally )?sold (?:the company"
             r"|the business|my company|our company|my business|our business)\b")
# "Electric is joining Databricks", "we're joining Vercel": a company acquired, in its own words.
JOINING = re.compile(r"\b(?:is joining|joins|has joined|are joining|we're joining|we are"
                     r" joining|will join) (?P<org>[A-Z][\w&.'-]+(?: [A-Z][\w&.'-]+){0,2})"
                     r"(?! (?:as|Partner|Program|Programme|Network|Alliance|Foundation"
                     r"|Accelerator|Marketplace|Startups|for Startups|Launchpad|Cohort|Batch"
                     r"|Platform|Ecosystem|Board|Council|Coalition|Initiative|Index|Team)\b)"
                     r"(?=\s*(?:[.,;:!(\[]|$|to\b|and\b|in\b|this\b|today\b))")
INDEX = rx(r"\b(?:joins?|joined|enters?|entered|added to|promoted to|included in|admitted to)"
           r" (?:the )?(?:ftse ?(?:100|250)|s&p ?500|s&p|nasdaq[- ]?100|dow jones|stoxx ?\d+|dax"
           r"|cac 40|russell ?(?:1000|2000|3000))\b")
# Setbacks a board announces: a credit rating cut, output or capital spending cut.
SETBACK = rx(r"\b(?:cut|cuts|downgraded|lowered|slashed) to junk\b|\bdowngrad\w+ (?:by|at) "
             r"(?:moody'?s|s&p|fitch)|\bcredit rating (?:cut|downgrade)"
             r"|\b(?:cuts?|cutting|slash(?:es|ed|ing)?|trims?|trimmed|lowers?|lowered|reduces?"
             r"|reduced) (?:its |our |the )?(?:[\w-]+ )?(?:output|production|capex|capital"
             r" expenditure|capital spending|capital budget)\b")
# Operations stalling: parts run out, sales paused, a shortage delaying the work (`other`
# lowlights in a founder's words).
STALLED = rx(r"\b(?:ran|run|running) out of (?:\w+ ){0,3}?(?:parts|stock|inventory|components"
             r"|chips|units|supplies|materials)\b"
             r"|\b(?:list|listed|mark|marked) (?:\w+ ){0,3}as backordered"
             r"|\bon backorder\b|\b(?:is|are|went|go|going) on (?:an? )?(?:hiatus|pause)\b"
             r"|\b(?:paused|halted|suspended|stopped) (?:all |our |my |the )?(?:[\w-]+ )?"
             r"(?:sales|orders|shipments|shipping|production)\b|\bstopped selling\b"
             r"|\b(?:parts?|components?|chips?|supplies|supplier)\b[^.;]{0,30}\b(?:suddenly )?"
             r"(?:disappeared|dried up|went out of stock|discontinued)\b"
             r"|\bshortage (?:has |have )?(?:delayed|halted|hit|stalled|forced)\b")
HQ = rx(r"\b(?:mov(?:es|ed|ing)|relocat(?:es|ed|ing)) (?:its |our |the |their )?(?:global "
        r"|corporate |company )?(?:headquarters|hq|head office)\b"
        r"|\bupgrad\w+ (?:its |our |the |their )?(?:[\w-]+ ){0,2}(?:headquarters|hq"
        r"|head office)\b"
        r"|\b(?:open(?:s|ed|ing)?(?: of)?|unveil(?:s|ed)?|inaugurat\w+)"
        r" (?:its |our |the |a |their )?(?:new(?:ly)? |upgraded |expanded |first "
        r"(?:official )?)(?:[\w-]+ ){0,2}(?:headquarters|hq|head office|office(?: space)?)\b"
        r"|\bfirst official office\b")
RELICENSE = rx(r"\b(?:relicens\w+|re-licens\w+|(?:chang(?:ed|es|ing)|switch(?:ed|es|ing)?)"
               r" (?:our |the |its )?licen[cs]e (?:to|from)\b|mov(?:ed|es|ing) (?:from"
               r" [\w .-]{2,20} )?to (?:the )?(?:agpl|gpl|mit|apache|bsl|sspl|elastic)"
               r"|(?:replac\w+|transition\w*) (?:its |our |the )?(?:cla|contributor licen[cs]\w+)"
               r"|spun out of|spin(?:s|-)? ?out from|spun off from)")
def _acquired(clause: str, low: str, ctx: Context) -> Found | None:
    if HEDGED.search(low):
        return None
    m = ACQUIRES.search(clause)
    # "we" before the verb: "Globex acquired Initech, big move in our space" is Globex's news
    if m and (_named(clause, ctx) or FIRST_PERSON.search(low, 0, m.start())) and \
            not re.search(r"\b(?:customers?|clients?|users?|shoppers|buyers|licen[cs]es?"
                          r"|plans?|subscriptions?|seats|tickets|shares of|ads|domain)\b",
                          # "acquired 1,200 new customers": a count, then what it counts
                          low[m.start():m.end() + (30 if m.group()[-1].isdigit() else 0)]):
        target = m["target"] or m["target2"]
        if product_after(clause, m.end()) and not re.search(r"['’]s$", target):
            return None  # "bought Figma seats"; "Initech's payments unit" is a unit bought
        target = re.sub(r"['’]s$", "", target)
        if ctx.company and ctx.company.search(target):
            target = name_before(clause, m.start(), within=60) or target
        return Found(T.OTHER, {"subtype": "acquisition", "target": key(target)},
                     f"Acquisition: {said(clause, 0)}", m.start(), subtype="acquisition",
                     relational=True, allow=_PLAN, stakeholders=(target,))
    found = _acquired_lower(clause, low, ctx)
    if found is not None:
        return found
    stake = STAKE.search(low)
    if stake and _named(clause[:stake.start()], ctx):
        target = name_after(clause, stake.end(), within=40) or "a stake"
        return Found(T.OTHER, {"subtype": "stake", "target": key(target)},
                     f"Stake: {said(clause, 0)}", stake.start(), subtype="stake",
                     relational=True, allow=_PLAN)
    return None


def _acquired_lower(clause: str, low: str, ctx: Context) -> Found | None:
    """"acme acquired initech": chat in lower case, our name right before the verb."""
    if ctx.company is None:
        return None
    for ours in ctx.company.finditer(clause):
        m = re.match(r"\s+(?:has |have |just |officially )*(?:acquired|acquires|bought|buys)"
                     r" ([a-z][\w.-]{2,30})\b", low[ours.end():])
        if m and m.group(1) not in _FUNCTION_WORDS and not product_after(
                low, ours.end() + m.end()) and not re.match(r"(?:new|more|some|our|two|three"
                                                           r"|\d)", m.group(1)):
            return Found(T.OTHER, {"subtype": "acquisition", "target": key(m.group(1))},
                         f"Acquisition: {said(clause, ours.start())}", ours.start(),
                         subtype="acquisition", relational=True, stakeholders=(m.group(1),))
    return None


def _divested(clause: str, low: str, ctx: Context) -> Found | None:
    m = DIVESTS.search(clause)
    theirs_sold = m is not None and ctx.company is not None and ctx.company.match(m["target"])
    if m and (_named(clause[:m.start()], ctx) or theirs_sold) and not HEDGED.search(low) \
            and not product_after(clause, m.end()) \
            and not re.search(
            r"\b(?:shares|products?|units of|tickets|copies|items|orders|pre-?orders|kits"
            r"|licen[cs]es|subscriptions|plans?|out)\b", m.group().lower()):
        return Found(T.OTHER, {"subtype": "divestiture", "what": key(m["target"])},
                     f"Sale: {said(clause, 0)}", m.start(), subtype="divestiture",
                     relational=True, allow=_PLAN)
    sold = SOLD_US.search(low) or _sold_by_name(clause, low, ctx)
    if sold is not None and not HEDGED.search(low):
        return Found(T.OTHER, {"subtype": "acquisition", "target": "the company"},
                     f"Company sold: {said(clause, sold.start())}", sold.start(),
                     subtype="acquisition", relational=True)
    unit = DIVESTS_UNIT.search(low)
    if unit and _named(clause[:unit.start()], ctx) and not HEDGED.search(low):
        return Found(T.OTHER, {"subtype": "divestiture", "what": key(unit.group())[:60]},
                     f"Sale: {said(clause, 0)}", unit.start(), subtype="divestiture",
                     relational=True, allow=_PLAN)
    merge = MERGER.search(low)
    if merge and is_ours(clause, ctx.company) and not HEDGED.search(low):
        return Found(T.OTHER, {"subtype": "merger"}, f"Merger: {said(clause, 0)}",
                     merge.start(), subtype="merger", relational=True, allow=_PLAN)
    return None


def _sold_by_name(clause: str, low: str, ctx: Context) -> re.Match[str] | None:
    """"I sold TinyPilot": the founder names the company sold."""
    m = re.search(r"\b(?:i|we)(?:'ve| have)? (?:just |officially |finally )?sold ", low)
    ours = ctx.company.match(clause, m.end()) if m and ctx.company else None
    if m is None or ours is None or product_after(clause, ours.end()):
        return None
    return m


def _joined_acquirer(clause: str, low: str, ctx: Context) -> Found | None:
    m = JOINING.search(clause)
    if m is None or ctx.company is None or ctx.company.search(m["org"]):
        return None
    head = clause[:m.start()].rstrip()
    subject = [o for o in ctx.company.finditer(head) if o.end() == len(head)] or \
        re.search(r"\b(?:we|we're)$", head.lower())
    if subject is None or re.search(r"\b(?:forces|the board|the team|us)\b", head.lower()):
        return None
    return Found(T.OTHER, {"subtype": "acquisition", "acquirer": key(m["org"])},
                 f"Joining {m['org']}", m.start(), subtype="acquisition", relational=True,
                 allow=_PLAN, stakeholders=(m["org"],))


def _setback(clause: str, low: str, ctx: Context) -> Found | None:
    m = SETBACK.search(low)
    if m and _named(clause[:m.start() + 1], ctx) and not HEDGED.search(low) \
            and not re.search(r"\b(?:profits?|revenues?|sales|earnings|losses)\b", low):
        # a results story that also cuts spending is the revenue detector's
        return Found(T.OTHER, {"subtype": "setback", "what": key(m.group())[:60]},
                     said(clause, 0), m.start(), subtype="setback", negative=True,
                     relational=True, allow=_PLAN)
    return None


def _stalled(clause: str, low: str, ctx: Context) -> Found | None:
    m = STALLED.search(low)
    if m and is_ours(clause, ctx.company) and not HEDGED.search(low) and not re.search(
            r"\b(?:never|before we|so (?:we|you) don'?t|avoid|in case|competitor|not|no longer)"
            r"\W+(?:\w+\W+){0,2}$|n't\W+(?:\w+\W+){0,2}$", low[:m.start()]):
        # "parts I need suddenly disappeared", "parts we couldn't replace": the setback happened,
        # whatever a relative clause around it says
        return Found(T.OTHER, {"subtype": "operations", "what": key(m.group())[:60]},
                     said(clause, 0), m.start(), subtype="operations", negative=True,
                     allow=frozenset({"plan", "negation"}))
    return None


def _changed(clause: str, low: str, ctx: Context) -> Found | None:
    for pattern, subtype in ((INDEX, "index"), (HQ, "office"), (RELICENSE, "licence")):
        m = pattern.search(low)
        if m and is_ours(clause, ctx.company) and not HEDGED.search(low):
            return Found(T.OTHER, {"subtype": subtype, "what": key(m.group())[:60]},
                         said(clause, 0), m.start(), subtype=subtype, relational=True)
    return None


# What each reading cannot do without, checked as plain substrings before its patterns run.
_NEEDS = (
    (("acqui", "buy", "bought", "purchas", "takes over", "took over", "landed", "lands ", "snap",
      "agreement with", "stake"), "_acquired"),
    (("sell", "sold", "shed", "offload", "divest", "spin", "spun", "sale", "hive", "carve",
      "merge", "combine", "together"), "_divested"),
    (("join",), "_joined_acquirer"),
    (("junk", "downgrad", "rating", "output", "production", "capex", "capital"), "_setback"),
    (("out of", "backorder", "hiatus", "pause", "halted", "suspended", "stopped", "disappear",
      "dried", "shortage"), "_stalled"),
    (("ftse", "s&p", "nasdaq", "dow", "stoxx", "dax", "cac", "russell", "headquarters", "hq",
      "head office", "office", "licen", "cla", "contributor", "spun", "spin"), "_changed"),
)


def other(clause: str, low: str, ctx: Context) -> Found | None:
    """Acquisitions made or received, stakes, divestitures, mergers, index entries, a new
    headquarters, a licence change."""
    for needs, name in _NEEDS:
        if any(n in low for n in needs):
            found = _READINGS[name](clause, low, ctx)
            if found is not None:
                return found
    return None


_READINGS = {"_acquired": _acquired, "_divested": _divested,
             "_joined_acquirer": _joined_acquirer, "_setback": _setback, "_stalled": _stalled,
             "_changed": _changed}


# --- partnership ----------------------------------------------------------------------------

# Each wording with the plain words it cannot do without (checked before its pattern runs).
ALLIES = (
    (("forces", "team"),
     rx(r"\b(?<!to )(?:join(?:s|ed|ing)? forces|team(?:s|ed)? up|teaming up) with\b")),
    (("deal", "pact", "alliance", "accord"),
     rx(r"\b(?:(?:strik(?:es|e|ing)|struck|bags?|bagged) (?:a |an |another |the )?(?:[\w-]+ ){0,3}?"
        r"(?:deal|pact|alliance|accord)|(?:inks?|inked|sign(?:s|ed)?) (?:a |an |another |the )?"
        r"(?:[\w-]+ ){0,3}?(?:pact|alliance|accord))s?\b[^.;]{0,40}?\bwith\b"
        r"(?! (?:the )?(?:sec|ftc|doj|regulators?|authorities|prosecutors|fca|cma|ny|new york)\b)"
        r"|(?:,| and| &) [\w .&'-]{2,40}? (?:strike|sign|ink|agree on|seal)s? (?:an? )?"
        r"(?:[\w-]+ ){0,3}?(?:deal|pact|alliance|accord)\b(?! with)")),
    (("memo", "mou", "agreement"),
     rx(r"\b(?:sign(?:s|ed)?|ink(?:s|ed)?|enter(?:s|ed)? into) (?:a |an |the )?(?:memo(?:randum)?"
        r" of understanding|mou|strategic agreement|cooperation agreement|collaboration agreement"
        r"|licensing agreement|distribution agreement|co-development agreement)")),
    (("joint", "jv", "alliance", "consortium"),
     rx(r"\b(?:form(?:s|ed)?|create[sd]?|launch(?:es|ed)?|set(?:s)? up) (?:a |an |the )?(?:new )?"
        r"(?:joint venture|jv\b|alliance|consortium)")),
    (("expand",),
     rx(r"\bexpand(?:s|ed|ing)? (?:its |our |their |the )?(?:[\w&.-]+ ){0,2}?(?:collaboration"
        r"|partnership|alliance|relationship|cooperation)\b")),
    (("agreed to",),
     rx(r"\bagreed to (?:form|become|join) (?:\w+ )?(?:affiliate |strategic |channel )?partner")),
    (("official", "exclusive", "preferred", "strategic"),
     rx(r"\b(?:named|becomes?|became|to become) (?:the )?(?:new )?(?:official|exclusive"
        r"|preferred|strategic) (?:[\w-]+ ){0,2}(?:partner|provider|supplier|issuer|reseller"
        r"|distributor)\b")),
    (("platform", "network", "ecosystem"),
     rx(r"\b(?:join(?:s|ed)?|joining) (?:the )?(?:[\w-]+ ){1,3}(?:platform|network|ecosystem)\b")),
    (("select", "chose", "choos", "tap", "pick"),
     rx(r"\b(?:selects?|selected|chooses|chose|taps|tapped|picks|picked) (?!by\b|as\b)"
        r"[\w .&-]{2,40}? (?:to (?:power|provide|deliver|support|run)|as (?:its|our|their)"
        r" (?:[\w-]+ ){0,2}(?:partner|provider))\b")),
)


def _ally_match(low: str) -> re.Match[str] | None:
    """The earliest alliance wording in ``low``."""
    best = None
    for needs, pattern in ALLIES:
        if any(n in low for n in needs):
            m = pattern.search(low)
            if m and (best is None or m.start() < best.start()):
                best = m
    return best


# "partnership with hubspot is official": a partner named in lower case, the deal stated done.
OFFICIAL = rx(r"\bpartnership with (?P<who>[a-z][\w.-]{1,30}(?: [a-z][\w.-]{1,30})?) (?:is|are)"
              r" (?:now )?(?:official|live|signed|done|final)\b")
MONEY = rx(r"[$£€]\s?\d|\b\d[\d.,]* ?(?:m|bn|k|million|billion)\b")
NOT_ALLY = rx(r"\b(?:customers?|clients?|investors?|the team|us on|our team|a call|employees"
              r"|staff|the conversation|the waitlist|deal ?#|deal \d|fights?|battle|lawsuit"
              r"|suit|settle\w*|union)\b")


def partnership(clause: str, low: str, ctx: Context) -> Found | None:
    """Alliances in news wording: forces joined, deals struck, MoUs, joint ventures, expanded
    collaborations, an official partner named, a platform joined."""
    official = OFFICIAL.search(low) if "partnership with" in low else None
    if official and not HEDGED.search(low) and official["who"] not in _FUNCTION_WORDS:
        who = official["who"]
        return Found(T.PARTNERSHIP, {"partner": key(who)}, f"Partnership with {cased(who)}",
                     official.start(), relational=True, stakeholders=(cased(who),))
    m = _ally_match(low)
    if m is None or NOT_ALLY.search(m.group()) or HEDGED.search(low) or MONEY.search(low):
        return None  # a deal with a price is a sale, the deal detector's
    agentless = not clause[:m.start()].strip(" -*\u2022:")
    if not (agentless or is_ours(clause, ctx.company)):
        return None  # two others allying, neither of them us
    if re.match(r"(?:selects?|selected|choos|chose|taps|tapped|picks|picked)", m.group()) and (
            FIRST_PERSON.search(low) or not _named(clause[:m.start()], ctx)):
        return None  # "we selected Postgres to power analytics": a tool chosen, no partner
    partner = _ally(clause, m, ctx)
    if partner is None:
        if not m.group().startswith("agreed to"):
            return None
        # "Three businesses agreed to form affiliate partnerships with us": unnamed partners
        return Found(T.PARTNERSHIP, {"partner": key(m.group())[:60]}, said(clause, 0),
                     m.start(), relational=True)
    return Found(T.PARTNERSHIP, {"partner": key(partner)}, f"Partnership with {partner}",
                 m.start(), relational=True, stakeholders=(partner,))


_ALLY_WORDS = frozenset([
    "expand", "expands", "expanded", "expanding", "partnership", "partnerships", "collaboration",
    "alliance", "relationship", "cooperation", "strategic", "joint", "venture", "forces", "join",
    "joins", "joined", "team", "teams", "teamed", "up", "with", "and", "sign", "signs", "signed",
    "deal", "deals", "memorandum", "memo", "of", "understanding", "mou", "form", "forms",
    "formed", "strike", "strikes", "struck", "ink", "inks", "inked", "pact", "accord", "the", "a",
    "an", "new", "select", "selects", "selected", "chooses", "chose", "taps", "tapped", "picks",
    "picked"
])


def _ally(clause: str, m: re.Match[str], ctx: Context) -> str | None:
    """The partner: named after "with", inside the phrase ("Expands IBM Collaboration"), before
    it ("Siemens and NVIDIA Expand Partnership"), then after it; never ourselves."""
    with_end = clause[:m.end()].lower().endswith("with")
    inside = [n for n, _, _ in names_in(clause[m.start():m.end()])]
    cands = [name_after(clause, m.end(), within=5) if with_end else None, *inside,
             name_before(clause, m.start()), name_after(clause, m.end(), within=50)]
    for cand in cands:
        if not cand:
            continue
        if ctx.company:
            cand = ctx.company.sub(" ", cand)
        words = [w for w in cand.split() if w.lower() not in _ALLY_WORDS and w not in "&+x"]
        if words:
            return " ".join(words)
    return None


# --- enterprise deals -----------------------------------------------------------------------

ORDER = rx(r"\b(?:largest|biggest|record) (?:[\w-]+ ){0,2}(?:order|contract)s?\b"
           r"(?! (?:book|of business|to date))"
           r"|\b(?:orders?|ordered|places?|placed|finali[sz](?:es|ed)|firms? up|firmed up)"
           r" (?:an? )?(?:order (?:for )?)?(?:\d[\d,]*|two|three|four|five|ten|twenty|fifty"
           r"|hundred) (?:more |new |additional )?[\w-]*\d[\w-]*s?\b"
           r"|\b(?:order|purchase) (?:of|for) (?:\d[\d,]*|two|three|four|five|ten) (?:[\w-]+ )?"
           r"(?:aircraft|airplanes|planes|jets|vehicles|trucks|units|systems|turbines|ships"
           r"|vessels|locomotives|satellites)"
           r"|\b(?:wins?|won|secures?|secured|lands?|landed|awarded) (?:a |an |the )?[$£€][\d.,]+ ?"
           r"(?:[mb]n?|million|billion|k)?\b[^.;]{0,40}?\b(?:contract|deal|order|extension)"
           r"|\b(?:sold|sells) (?:an?|our|my|its) (?:first )?(?:enterprise|business|team|annual"
           r"|premium|corporate) (?:plan|licen[cs]e|subscription|tier|package)"
           r"|\b(?:secures?|secured|signs?|signed|inks?|inked|wins?|won|lands?|landed)"
           r" (?:an? |the )?(?:[\w$.,-]+ ){0,3}?(?:agreement|contract|deal) with"
           r" (?!(?:the )?(?:sec|ftc|doj|regulators?|authorities|prosecutors)\b)[a-z0-9]"
           r"|\b(?:po|purchase order|order form)s? (?:was |is |has been )?(?:received|signed"
           r"|countersigned|in)\b(?! (?:the|a|your|our) )"
           r"|\b(?<!we )(?<!i )(?:purchased|bought|upgraded to|signed up for) (?:an?|our|the)"
           r" (?:enterprise|business|team|annual|corporate) (?:plan|licen[cs]e|subscription|tier)"
           r"\b(?! (?:of|from|with|on) )")


def enterprise_deal(clause: str, low: str, ctx: Context) -> Found | None:
    """Orders and contracts in wire wording: record orders, aircraft ordered, a $N contract
    won, an enterprise plan sold."""
    chose = _chose_us(clause, low, ctx)
    if chose is not None:
        return chose
    m = ORDER.search(low)
    # a customer buying, or a purchase order received: the seller is us whoever is named
    bought = m is not None and m.group().startswith(("purchased", "bought", "upgraded",
                                                     "signed up", "po", "purchase order",
                                                     "order form"))
    if m is None or HEDGED.search(low) or not (bought or is_ours(clause, ctx.company)):
        return None
    if m.group().startswith(("po", "purchase order", "order form")) and not (
            re.match(r"\s+from\s+[A-Z]", clause[m.end():])
            or not clause[:m.start()].strip(" -*\u2022:")):
        return None  # "send the purchase order received yesterday": a chore, not news
    if re.search(r"\b(?:pizza|lunch|food|coffee|swag|stickers|laptops?|pre-?orders?|order "
                 r"(?:book|number|#)|purchase order number|shares|supplier|vendor|manufacturer"
                 r"|factory|3pl)\b", low):
        return None
    if re.match(r"order|place|finali|firm", m.group()) and FIRST_PERSON.search(low[:m.start()]):
        return None  # "we ordered 500 M3s": we are the buyer
    customer = None
    for cand in (name_before(clause, m.start(), within=50),
                 name_after(clause, m.end(), within=40)):
        if cand and not (ctx.company and ctx.company.search(cand)):
            customer = cand
            break
    metrics: dict[str, str | int | float] = {"customer": key(customer)} if customer \
        else {"order": key(m.group())[:60]}
    # "sold an enterprise plan": a sale made, whatever the word "plan" says
    return Found(T.ENTERPRISE_DEAL, metrics, said(clause, m.start()), m.start(),
                 relational=True, stakeholders=(customer,) if customer else (),
                 allow=_PLAN if m.group().startswith(("sold", "purchased", "bought"))
                 else frozenset())


# "Globex chose Acme over Salesforce for their 2,000-person rollout": a customer's choice
# with a deal's size or scope is the deal.
CHOSE = rx(r"\b(?:chose|picked|selected|went with|signed with|standardi[sz]ed on) $")
DEAL_SCOPE = rx(r"\b(?:rollout|roll-out|seats|licen[cs]es|contract|deal|employees|users|sites"
                r"|stores|locations|agents|year|years|acv|arr)\b|[$£€]\d|\d[\d,]*[- ]person")


def _chose_us(clause: str, low: str, ctx: Context) -> Found | None:
    if ctx.company is None or not DEAL_SCOPE.search(low) or HEDGED.search(low):
        return None
    for ours in ctx.company.finditer(clause):
        verb = CHOSE.search(low[max(0, ours.start() - 20):ours.start()])
        user = name_before(clause, ours.start() - len(verb.group()), within=50) if verb else None
        if user and not ctx.company.search(user):
            return Found(T.ENTERPRISE_DEAL, {"customer": key(user)}, f"Signed {user}",
                         ours.start(), relational=True, stakeholders=(user,))
    return None


# --- customer success -----------------------------------------------------------------------

# "How note.com Implements JIT Database Access Control with Bytebase": a case study's title.
HOW_WITH = re.compile(r"^\W*(?i:how )(?!to |we |you |i |it |they |our |your |the )"
                      r"(?P<who>[\w.&'-]+(?: [\w.&'-]+){0,3}?) (?i:[a-z]+s|[a-z]+ed|cut|built"
                      r"|ran|made|got|kept|grew|won|went|brought|took)"
                      r"\b[^.;]{0,100}? (?i:with|using|on|via|through|thanks to) ")
PRODUCTION = rx(r"\b(?:in production (?:at|by|with)|(?:used|running|deployed) in production"
                r" (?:at|by)|runs? in production at)"
                r"(?: (?:companies|teams|customers|organi[sz]ations) (?:including|like|such as))? ")
# "customer churn has significantly increased", "the first churn of Teams customers happened":
# churn moving the wrong way, in founder words.
CHURN_UP = rx(r"\bchurn(?: rate)? (?:has |have |is |was )?(?:\w+ )?(?:increased|climbed|climbing"
              r"|rising|risen|spiked|jumped|doubled|gone up|climbs|rises|jumps|spikes)\b"
              r"|\b(?:our |the )?first churn(?:ed)? (?:customer|account|team|of)\b")
# "Globex upgraded to Enterprise", "Initech upgraded their plan": a named customer expanding.
UPGRADED = re.compile(r"(?P<who>[A-Z][\w&.'-]+(?: [A-Z][\w&.'-]+){0,2}) (?:has |have |just )?"
                      r"upgraded (?:to (?:our |the )?(?:enterprise|business|pro|premium|team|annual"
                      r"|scale|growth)|(?:their|its) (?:plan|subscription|contract|tier|seats))",
                      re.IGNORECASE)
# "Yahoo Mail turns to Vespa", "Initech taps Acme for search": a customer choosing us, headline
# style.
TURNS_TO = rx(r"\b(?:turns? to|turned to|taps|tapped|bets on|bet on|switches to|switched to"
              r"|standardi[sz]es on|standardi[sz]ed on) $")


def customer_success(clause: str, low: str, ctx: Context) -> Found | None:
    """Case studies titled as how a customer does something with us; production users named."""
    if ctx.company is None:
        return None
    how = HOW_WITH.search(clause)
    if how and ctx.company.match(clause, how.end()):
        who = how["who"]
        if not ctx.company.search(who) and who.lower() not in {"we", "i", "you", "to", "it"}:
            return Found(T.CUSTOMER_SUCCESS, {"customer": key(who), "story": "case study"},
                         f"Case study: {who}", how.start(), relational=True, stakeholders=(who,))
    turns = ("turn", "tap", "bet", "switch", "standardi")
    for ours in ctx.company.finditer(clause) if any(t in low for t in turns) else ():
        verb = TURNS_TO.search(low[max(0, ours.start() - 25):ours.start()])
        user = name_before(clause, ours.start() - len(verb.group()), within=50) if verb else None
        if user and not ctx.company.search(user):
            return Found(T.CUSTOMER_SUCCESS, {"customer": key(user), "story": "customer story"},
                         f"Customer story: {user}", ours.start(), relational=True,
                         stakeholders=(user,))
    churn = CHURN_UP.search(low) if "churn" in low else None
    if churn and (is_ours(clause, ctx.company) or not clause[:churn.start()].strip(" -*\u2022:")) \
            and not HEDGED.search(low) and not re.search(r"\b(?:if|would|could|avoid|prevent"
                                                          r"|reduce|lower)\b", low):
        return Found(T.CUSTOMER_SUCCESS, {"churn": key(churn.group())[:40]},
                     said(clause, churn.start()), churn.start(), negative=True)
    upgraded = UPGRADED.search(clause) if "upgraded" in low else None
    if upgraded and not ctx.company.search(upgraded["who"]) and not HEDGED.search(low) \
            and upgraded["who"].lower() not in _FUNCTION_WORDS | _NOT_WHO:
        who = upgraded["who"]
        return Found(T.CUSTOMER_SUCCESS, {"customer": key(who)}, f"{who} upgraded",
                     upgraded.start(), relational=True, stakeholders=(who,))
    used = PRODUCTION.search(low) if "production" in low else None
    if used and ctx.company.search(clause[:used.start()]):
        who = name_after(clause, used.end(), within=30)
        if who and not ctx.company.search(who):
            return Found(T.CUSTOMER_SUCCESS, {"customer": key(who), "story": "in production"},
                         f"In production at {who}", used.start(), relational=True,
                         stakeholders=(who,))
    return None
