"""The company's own life as a company: bought, merged, buying, renamed, moved, incorporated,
pivoted, given to a foundation or closed, in the words of update posts, founders' chat and
press releases (`other`, with a subtype).

corporate.py reads the wire's wordings ("Acme acquires Initech", "agreed to merge"); these are
the wordings it misses, each a family seen in small companies' posts to their customers and in
founders' chat:

- being bought, told as where the company now belongs ("Acme is becoming part of Atlassian",
  "the merger with Initech is done", "the boards approved an intent to merge");
- buying, told by what was bought ("End Point has purchased the software consulting company
  Series Digital", "we acqui-hired the team behind Foobar", "our first acquisition: Helpdesky",
  "the ecommerce consultancy Perusion has joined End Point", "Pixelworks is now part of Acme");
- a new name ("reallyread.it is now Readup", "we've renamed the company to Tilt", "we are
  rebranding from Acme Labs to Tilt", "changed our name", "will be known as Tilt");
- a first office or a move into a new one ("we moved into the new office in Kreuzberg", "we
  got our first official office"), which is no new market;
- incorporation ("we're officially incorporated", "incorporated as a Delaware C-corp");
- a pivot ("we're pivoting to clinics");
- a project given to a foundation ("we've donated Tilt to the CNCF", "Tilt has moved to the
  Linux Foundation");
- a unit spun out as its own company;
- the company itself closing, a lowlight ("thoughtram is shutting down and closing its doors",
  "we've decided to shut down Acme", "we're closing the company"), not a product retired
  (founders.py, setbacks.py) and not a server shut down;
- takeovers in a headline's verbs ("Acme swoops on rival Initech", "takes control of",
  "wins battle for", "closes acquisition of") and shares or units in a financial news
  sentence ("acquired the remaining 40 percent of Initech", "completed the divestment of its
  paper machine business");
- awards and competitions won in the words co.award lacks ("came first in the Stripe
  hackathon", "named a Gartner Cool Vendor"): `media_coverage`, as LABELLING.md reads an award.

A year in review tells several of these in one post; extractor.one_per_kind keeps a rename, an
office and a closing apart from each other and from a deal (their subtypes), so each is one
event with its own title.

Their look-alikes stay silent: another company's deal or closure, a rumour or a plan (the
reader's modality vetoes), users or customers "acquired", a pull request merged, a file, channel,
variable or repository renamed, office hours and furniture, a feedback "incorporated", a pivot
table, a person's work anniversary, and a company's birthday (no event by LABELLING.md).
"""

from __future__ import annotations

import re
from dataclasses import replace

from signalpipe.extract.rules.common_words import COMMON_WORDS
from signalpipe.extract.rules.corporate import HEDGED, product_after
from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.names import key
from signalpipe.extract.rules.subject import FIRST_PERSON, third_party
from signalpipe.models import EventType

T = EventType
_PLAN = frozenset({"plan"})
# A proper name: a capitalised word or a domain ("reallyread.it"), up to four words.
_NAME = (r"(?-i:(?:[A-Z][\w&'’.+-]*[\w+]|[a-z][\w-]*\.(?:io|it|com|co|ai|app|dev|so|net|org|xyz"
         r"|me))(?: (?:[A-Z][\w&'’.+-]*[\w+]|of|&|and)){0,3})")
_WE = r"(?:we|we've|we have|we're|we are|i|i've|i have)"

# --- bought and merged ----------------------------------------------------------------------

# "Acme is becoming part of Atlassian", "we became part of the Globex family": the company bought.
BECOMING_PART = re.compile(
    r"\b(?:is|are|will be|has become|have become|became|is becoming|are becoming|now) "
    r"(?:now |officially |becoming |formally )*(?:a )?part of (?:the )?(?P<org>" + _NAME
    + r"|[a-z][\w.-]{2,30}\b(?! (?:of|for|in|to|and)\b))",
    re.IGNORECASE)
# "is part of" says nothing new without a time: "as of today Acme is part of Globex".
_TODAY = re.compile(r"(?i)\b(?:as of|from|starting|since) (?:today|this morning|now)\b"
                    r"|\btoday\b|\bnow\b|\bofficially\b|\bbecom")
# "the merger with Initech is done", "we completed our merger with Initech".
MERGER_DONE = re.compile(
    r"\b(?:(?:the |our )?merger with (?P<org>" + _NAME + r"|[a-z][\w.-]+) (?:is |has |was )?"
    r"(?:now |officially )?"
    r"(?:done|complete|completed|closed|final|official)"
    r"|(?:completed|closed|finali[sz]ed) (?:the|our) merger with (?P<org2>" + _NAME + r"))")
# "LYRASIS and DuraSpace Boards Approve 'Intent to Merge'", "we signed a letter of intent to
# merge with Initech": the intent itself is the news, told by both boards or signed.
INTENT_TO_MERGE = re.compile(
    r"\b(?:approved?s?|signed|sign|announced?s?|announcing|entered into) (?:an? |the |their |a "
    r"letter of )?[\"“']?intent to merge\b", re.IGNORECASE)

# "has purchased the software consulting company Series Digital", "we acquired Helpdesky, a
# support inbox": the thing bought named as a company.
_FIRM = (r"(?:company|companies|firm|consultancy|agency|startup|studio|business|shop|team"
         r"|consulting company|software company|start-up)")
BOUGHT_FIRM = re.compile(
    r"\b(?:acquired|purchased|bought|acquires|purchases|buys) (?:the |a |an )?(?:[a-z][\w-]* )"
    r"{0,3}" + _FIRM + r",? (?:\[)?(?P<org>" + _NAME + ")")
ACQUIHIRE = re.compile(
    r"\b(?:acqui-?hired|acqui-?hires|acqui-?hire of) (?:the )?(?:(?:[\w-]+ ){0,3}?team "
    r"(?:behind|at|from|of|building) )?(?P<org>" + _NAME + ")", re.IGNORECASE)
# "acquisition of tinyforms is closed!": our deal done, told in chat (no buyer named after it).
ACQUISITION_DONE = re.compile(
    r"^\W*(?:(?:the|our) )?acquisition of (?P<org>" + _NAME + r"|[a-z][\w.-]{2,30}) (?:is|has)"
    r" (?:now |officially |finally )?(?:closed|complete|completed|done|final)\b", re.IGNORECASE)
FIRST_ACQUISITION = re.compile(
    r"\b(?:completed|closed|made|announc\w+) (?:our|its|my) first acquisition\b(?:: (?P<org2>"
    + _NAME + "))?"
    r"|\bour first acquisition(?: is)?[:,] (?P<org>" + _NAME + ")", re.IGNORECASE)
# "The ecommerce consulting company Perusion has joined End Point", "Pixelworks is now part of
# Acme", "welcome Pixelworks to the Acme family": a company joining us.
FIRM_JOINED = re.compile(
    r"\b(?:the )?(?:[a-z][\w-]* ){0,3}" + _FIRM + r" (?P<org>" + _NAME + r") (?:has |have )?"
    r"(?:joined|is joining|merged (?:with|into)|is now part of) ")
NOW_PART_OF_US = re.compile(r"(?P<org>" + _NAME + r") (?:is|are) (?:now |officially )+(?:a )?"
                            r"part of ")
WELCOME_TO_FAMILY = re.compile(r"\bwelcom\w* (?P<org>" + _NAME + r") to the ")


def _ours_at(clause: str, at: int, ctx: Context) -> bool:
    """The company's name starts at ``at`` (past an article and a bracket)."""
    if ctx.company is None:
        return False
    return ctx.company.match(clause, at + len(clause[at:]) - len(clause[at:].lstrip(" [("))) \
        is not None


def _subject_ours(head: str, ctx: Context) -> bool:
    """The words before the verb end with us: "we", "Acme", "the company"."""
    head = head.rstrip(" ,[(")
    if re.search(r"(?:^|\s)(?:we|we've|we're|i|the company|the team|our company|our team)$",
                 head.lower()):
        return True
    if ctx.company is None:
        return False
    # "Acme", "Acme Labs": our name, maybe with a word of its own after it
    return any(_OWN_WORDS.fullmatch(head, m.end()) for m in ctx.company.finditer(head))


# What may follow our name in the subject: "Acme Labs", "Acme Software Inc".
_OWN_WORDS = re.compile(r"(?: [A-Z][\w-]*){0,2}(?: (?:has|have|had|is|are|just|also|now"
                        r"|officially|recently|finally|today))*")


def _bought(org: str, at: int) -> Found:
    return Found(T.OTHER, {"subtype": "acquisition", "acquirer": key(org)},
                 f"Acquired by {org}", at, subtype="acquisition", relational=True, allow=_PLAN,
                 stakeholders=(org,))


def _buys(org: str, at: int) -> Found:
    return Found(T.OTHER, {"subtype": "acquisition", "target": key(org)},
                 f"Acquired {org}", at, subtype="acquisition", relational=True, allow=_PLAN,
                 stakeholders=(org,))


def sold(clause: str, low: str, ctx: Context) -> Found | None:
    """The company bought or merged, told as where it now belongs."""
    m = BECOMING_PART.search(clause)
    if m and m.group().lower().startswith(("is part", "are part")) and not _TODAY.search(clause):
        m = None
    if m and _subject_ours(clause[:m.start()], ctx) and not _ours_at(clause, m.start("org"), ctx) \
            and m["org"].lower() not in COMMON_WORDS:
        org = m["org"]
        if not re.match(r"(?i)(?:the )?(?:program|programme|network|cohort|batch|community"
                        r"|team|process|plan)\b", org) and not _NOT_BUYER.search(org):
            return _bought(org, m.start())
    m = MERGER_DONE.search(clause)
    if m and not _ours_at(clause, m.start("org") if m["org"] else m.start("org2"), ctx):
        org = m["org"] or m["org2"]
        return Found(T.OTHER, {"subtype": "merger", "with": key(org)}, f"Merged with {org}",
                     m.start(), subtype="merger", relational=True, stakeholders=(org,))
    m = INTENT_TO_MERGE.search(clause)
    if m and ctx.company is not None and ctx.company.search(clause):
        pair = _PAIR.search(clause, 0, m.start())
        other = "" if pair is None else pair["b"] if ctx.company.fullmatch(pair["a"]) else \
            pair["a"] if ctx.company.fullmatch(pair["b"]) else ""
        return Found(T.OTHER, {"subtype": "merger"},
                     f"Intent to merge with {other}" if other else "Intent to merge",
                     m.start(), subtype="merger", relational=True)
    return None


# "LYRASIS and DuraSpace Boards Approve ...": the two parties, one of them us.
_PAIR = re.compile(r"(?P<a>[A-Z][\w.-]+) (?:and|&) (?P<b>[A-Z][\w.-]+)")


# Names that follow "part of" without buying anything: a programme, an index, an event.
_NOT_BUYER = re.compile(r"(?i)\b(?:program|programme|network|accelerator|cohort|batch|index"
                        r"|summit|conference|initiative|alliance|ecosystem|marketplace|list"
                        r"|foundation|community|family of (?:products|apps))\b")


def bought(clause: str, low: str, ctx: Context) -> Found | None:
    """The company bought another, told by what was bought or by the newcomer joining us."""
    m = BOUGHT_FIRM.search(clause) or ACQUIHIRE.search(clause)
    if m and _subject_ours(clause[:m.start()], ctx) and not _ours_at(clause, m.start("org"), ctx):
        found = _buys(m["org"], m.start())
        return replace(found, title=f"Acqui-hired the {m['org']} team") \
            if m.re is ACQUIHIRE else found
    m = ACQUISITION_DONE.search(clause)
    if m and not _ours_at(clause, m.start("org"), ctx) and m["org"].lower() not in COMMON_WORDS:
        return _buys(m["org"], m.start())
    m = FIRST_ACQUISITION.search(clause)
    if m and (FIRST_PERSON.search(clause[:m.start() + 4]) or _subject_ours(clause[:m.start()],
                                                                            ctx)):
        org = m["org"] or m["org2"]
        found = _buys(org or "first acquisition", m.start())
        return replace(found, title=f"First acquisition: {org}" if org
                       else "Completed first acquisition")
    for pattern in (FIRM_JOINED, NOW_PART_OF_US):
        m = pattern.search(clause)
        if m and _ours_at(clause, m.end(), ctx) and not _ours_at(clause, m.start("org"), ctx) \
                and (not _PERSON_NAME.fullmatch(m["org"]) or _FIRM_NAME.search(m["org"])
                     or _ITS.search(clause, m.end())):
            return _buys(m["org"], m.start())
    m = WELCOME_TO_FAMILY.search(clause)
    if m and _ours_at(clause, m.end(), ctx) and re.match(r"[\w .-]{0,30}family\b",
                                                        clause[m.end():]):
        return _buys(m["org"], m.start())
    return None


# Two capitalised words is a person's name as often as a firm's: "Jane Doe is now part of Acme".
_PERSON_NAME = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+")
# ... unless the name says what it is or the clause goes on about "its founders".
_FIRM_NAME = re.compile(r"\b(?:Design|Labs?|Studios?|Software|Systems|Technologies|Analytics"
                        r"|Group|Digital|Consulting|Partners|Media|Health|Data|AI|Inc|Ltd|GmbH"
                        r"|LLC|Corp)\b")
_ITS = re.compile(r"(?i)\b(?:its|their) (?:founders?|team|customers|product)\b")

# A headline's or a wire's takeover verbs, our name before them: "Acme swoops on rival Initech",
# "Acme takes control of Initech", "Acme closes acquisition of Initech", "Acme wins battle for
# data firm Initech", "Acme lands Initech in $40 million deal".
def _by_name(group: str) -> str:
    """A name after up to three lower-case words ("rival", "data firm"), as group ``group``."""
    return r"(?:[a-z][\w-]* ){0,3}(?P<" + group + ">" + _NAME + ")"


TAKEOVER = re.compile(
    r"\b(?:(?:lands|landed) (?P<org0>" + _NAME + r") in (?:an? )?[$£€]?[\d.,]+ ?(?:m|bn|million"
    r"|billion)?\b[^.;]{0,20}\bdeal"
    r"|(?:swoops|swooped|swooping) on " + _by_name("org")
    + r"|(?:snaps|snapped|snapping) up " + _by_name("org1")
    + r"|(?:takes|took|taking|to take|secures|secured) (?:full |majority |sole |a majority )?"
    r"(?:ownership|control) of " + _by_name("org2")
    + r"|(?:wins|won|winning) (?:the )?(?:race|battle|bidding war|auction|fight) for "
    + _by_name("org3")
    + r"|(?:completes|completed|closes|closed|finali[sz]es|finali[sz]ed) (?:the |its |our )?"
    r"(?:acquisition|purchase|takeover|buyout) of " + _by_name("org4") + ")")
# A financial news sentence's shares and units: "acquired the remaining 40 percent of Initech",
# "signed an agreement to sell its 60 % stake in Initech", "completed the divestment of its paper
# machine business", "agreed to combine their businesses".
_SHARE = r"(?:\d+(?:[.,]\d+)? ?(?:%|per ?cent|percent) )"
SHARES = re.compile(
    r"\b(?P<buy>acquired|acquires|acquire|bought|buys|buy|purchased|purchases|purchase)"
    r" (?:the |a )?(?:remaining |further |additional |entire |majority )?" + _SHARE
    + r"(?:stake )?(?:of|in) "
    + _by_name("org")
    + r"|\b(?:sell|sells|sold|divest|divests|divested|dispose of|disposed of|disposes of) (?:its"
    r"|our|the|a|their) (?:entire |remaining )?" + _SHARE + r"?(?:stake|holding|shareholding"
    r"|interest) in " + _by_name("org2")
    + r"|\b(?:completed|completes|announced|announces|finali[sz]ed) the (?:divestment|divestiture"
    r"|disposal|sale|carve-out|spin-off) of (?:its|our) (?P<unit>(?:[\w-]+ ){0,4}?(?:business"
    r"|unit|division|subsidiary|operations|arm|stake))\b"
    r"|\b(?:agreed|agree|agrees) to combine (?:their|the two|our) (?:businesses|companies"
    r"|operations)\b", re.IGNORECASE)
# "Acme sells Initech Payments to Globex for $90m": a named business sold to a named buyer.
SOLD_TO = re.compile(r"\b(?:sells|sold|offloads|offloaded|divests|divested) (?P<org>" + _NAME
                     + r") to (?P<buyer>" + _NAME + ")")
# "Shareholders approve Acme's takeover of Initech": our deal, approved or cleared by others.
OUR_TAKEOVER = re.compile(r"(?P<owner>" + _NAME + r")(?:'s|’s) (?:\$?[\d.,]+ ?(?:m|bn|million"
                          r"|billion) )?(?:takeover|acquisition|purchase|buyout) of (?P<org>"
                          + _NAME + ")")


def taken_over(clause: str, low: str, ctx: Context) -> Found | None:
    """A takeover or a sale told in a headline's verbs, the company named as the one acting."""
    m = TAKEOVER.search(clause)
    if m and _subject_ours(clause[:m.start()], ctx):
        org = next(m[g] for g in ("org0", "org", "org1", "org2", "org3", "org4") if m[g])
        if not _ours_at(clause, m.start() + m.group().rfind(org), ctx):
            # the headline's own words: "Takes full ownership of its Brazilian joint venture"
            return replace(_buys(re.split(r"'s\b|’s\b", org)[0], m.start()),
                           title=said(clause, m.start()))
    found = _shares(clause, ctx)
    if found is not None:
        return found
    m = SOLD_TO.search(clause)
    if m and _subject_ours(clause[:m.start()], ctx) and not product_after(clause, m.end()):
        return Found(T.OTHER, {"subtype": "divestiture", "what": key(m["org"])},
                     f"Sold {m['org']} to {m['buyer']}", m.start(), subtype="divestiture",
                     relational=True, allow=_PLAN, stakeholders=(m["buyer"],))
    m = OUR_TAKEOVER.search(clause)
    if m and ctx.company is not None and ctx.company.fullmatch(m["owner"]):
        return _buys(m["org"], m.start())
    return None


def _shares(clause: str, ctx: Context) -> Found | None:
    m = SHARES.search(clause)
    if m is None or not (_subject_ours(clause[:m.start()], ctx) or _mentions_us(
            clause[:m.start()], ctx) or FIRST_PERSON.search(clause[:m.start()])):
        return None
    if m["buy"]:
        return replace(_buys(m["org"], m.start()), title=said(clause, m.start()))
    what = m["org2"] or m["unit"] or "businesses combined"
    return Found(T.OTHER, {"subtype": "divestiture" if not m.group().lower().startswith("agree")
                           else "merger", "what": key(what)}, said(clause, m.start()),
                 m.start(), subtype="divestiture", relational=True, allow=_PLAN)


# --- a new name -----------------------------------------------------------------------------

RENAMED = re.compile(
    r"\b(?:renam(?:ed|ing|es)|rebrand(?:ed|ing|s)?) (?:ourselves|itself|the company|our company"
    r"|the business|our business)(?: from (?P<old>" + _NAME + r"))? (?:to|as) (?P<new>" + _NAME
    + r")"
    r"|\b(?:is|are|we're|we are|am) rebranding(?: from (?P<old2>" + _NAME + r"))? (?:to|as) "
    r"(?P<new2>" + _NAME + r")"
    r"|\b(?:chang(?:ed|es|ing)|switch(?:ed|ing)) (?:our|its|the company's|my company's) "
    r"(?:company |brand |legal |corporate |business )?name(?: from (?P<old3>" + _NAME
    + r"))?(?: to (?P<new3>" + _NAME + r"))?",
    re.IGNORECASE)
# "from today, Acme is called Tilt", read only beside a rebrand or a rename.
CALLED = re.compile(r"\b(?:is|are) (?:now )?(?:called|named) (?P<new>" + _NAME + r")")
_REBRAND = re.compile(r"(?i)\brebrand|\brenam|\bnew name\b|\bname change\b")
KNOWN_AS = re.compile(r"\b(?:will be|is now|are now|to be|now|officially) (?:known as|called) "
                      r"(?P<new>" + _NAME + r")")
# "reallyread.it is now Readup", "Acme is now Tilt.": one name for another, nothing after it.
IS_NOW = re.compile(r"(?:^|[.!?:]\s+)\W*(?P<old>" + _NAME + r") (?:is|are) (?:now|officially) "
                    r"(?P<new>" + _NAME + r")(?:\W*$|[.!?]\s)")
# "our new name is Tilt", "Tilt, our new name", "new name, same team: we're Tilt now".
NEW_NAME = re.compile(r"\bnew name\b", re.IGNORECASE)
_NEW_NAMED = re.compile(r"(?i:\bour new name(?: is|:) |\b(?:becoming|we're|we are|call us|meet"
                        r"|say hello to|introducing) )(?P<new>" + _NAME + r")"
                        r"|(?P<new2>" + _NAME + r"),? (?i:is )?our new name\b")
# What else gets renamed: files, code, channels, repositories, a product's parts.
_NOT_COMPANY = re.compile(
    r"(?i)\b(?:file|folder|directory|variable|function|method|class|field|column|table|channel"
    r"|repo|repository|branch|bucket|endpoint|package|module|crate|library|project|feature"
    r"|setting|option|plan|tier|button|tab|page|command|flag|parameter|key|label|tag)s?\b")
# Words that may follow "Acme is now" without being a name: a state, a standard, a status.
_NOT_NEW = re.compile(
    r"(?i)^(?:GA|SOC|ISO|HIPAA|GDPR|PCI|FedRAMP|Generally|Available|Live|Open|Free|Public|Private"
    r"|Profitable|Default|Certified|Compliant|Official|Officially|Here|Ready|Out|On|In|Part|A"
    r"|An|The|Our|Your|Their|Its|My|Even|More|Much|Twice|Faster|Better|Also|Used|Trusted)\b")
_RENAME_WORD = re.compile(r"(?i)\bnam(?:e|ed|ing)\b|\brebrand|\brenam|\bknown as\b|\bcalled\b")


def renamed(clause: str, low: str, ctx: Context) -> Found | None:
    """The company took a new name."""
    found = _renamed_by_verb(clause, ctx)
    if found is not None:
        return found
    m = IS_NOW.search(clause)
    if m and _one_for_another(m, ctx) and _RENAME_WORD.search(
            f"{ctx.subject} {ctx.sentence} {ctx.before}"):
        return _renamed(m["old"], m["new"], m.start("old"))
    if not NEW_NAME.search(low):
        return None
    at = low.find("new name")
    before = IS_NOW.search(ctx.before)
    if before and _one_for_another(before, ctx):
        return _renamed(before["old"], before["new"], at)  # "Acme is now Tilt. New name, ..."
    for text in (ctx.sentence or clause, ctx.before):
        named = _NEW_NAMED.search(text)
        if named and (FIRST_PERSON.search(text) or _mentions_us(text, ctx)):
            return _renamed("", named["new"] or named["new2"], at)
    return None


def _one_for_another(m: re.Match[str], ctx: Context) -> bool:
    """"Acme is now Tilt": one of the two names is ours, the other a name, not a state."""
    if _NOT_NEW.match(m["new"]) or ctx.company is None:
        return False
    return bool(ctx.company.fullmatch(m["old"]) or ctx.company.fullmatch(m["new"]))


def _mentions_us(text: str, ctx: Context) -> bool:
    return ctx.company is not None and ctx.company.search(text) is not None


def _renamed_by_verb(clause: str, ctx: Context) -> Found | None:
    m = RENAMED.search(clause)
    if m and not _NOT_COMPANY.search(clause, m.start(), m.end()):
        head = clause[:m.start()]
        ours = _subject_ours(head, ctx) or re.match(r"(?i)we\b", m.group()) is not None \
            or re.search(r"(?i)\b(?:our|the company's|my company's) ", m.group()) is not None
        if ours or (ctx.company is not None and ctx.company.search(head)):
            old = m["old"] or m["old2"] or m["old3"] or ""
            new = m["new"] or m["new2"] or m["new3"] or ""
            told = None if new else IS_NOW.search(ctx.sentence)  # "changed our name! X is now Y"
            if told and _one_for_another(told, ctx):
                old, new = told["old"], told["new"]
            return _renamed(old, new, m.start())
    m = KNOWN_AS.search(clause) or (CALLED.search(clause) if _REBRAND.search(
        f"{ctx.subject} {ctx.sentence} {ctx.before}") else None)
    if m and not _NOT_NEW.match(m["new"]) and _subject_ours(clause[:m.start()], ctx) \
            and not _NOT_COMPANY.search(clause[:m.start()]):
        return _renamed("", m["new"], m.start())
    return None


def _new_after(clause: str, at: int, ctx: Context) -> str:
    m = re.search(r"\b(?:we're|we are|i'm|call us|meet) (?P<new>" + _NAME + ")", clause[at:])
    return m["new"] if m else ""


def _renamed(old: str, new: str, at: int) -> Found:
    new = new.rstrip(".!")
    title = f"Renamed from {old} to {new}" if old and new else \
        f"Renamed to {new}" if new else "Changed the company name"
    return Found(T.OTHER, {"subtype": "rename", "name": key(new or old or "name")}, title, at,
                 subtype="rename", relational=True, allow=_PLAN)


# --- offices, incorporation, pivots, foundations, spin-outs ---------------------------------

OFFICE = re.compile(
    r"\b(?:mov(?:ed|ing) (?:in ?to|into) (?:our|a|the) (?:brand[- ])?new (?:office|offices|hq"
    r"|headquarters|studio|space)"
    r"|moved (?:our )?offices\b(?! (?:in|back in) \d{4})"
    r"|(?:got|have|opened|rented|signed (?:the lease (?:on|for) )?|found|moved into) (?:our|my"
    r"|a) (?:very )?first (?:official |real |proper )?(?:office|offices|office space|hq"
    r"|headquarters)\b(?! in (?!(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december|\d{4}|the (?:spring|summer|autumn|fall|winter))\b)))",
    re.IGNORECASE)
# "we moved offices in January of 2020": a year told with the move dates it, old news.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NOT_OFFICE = re.compile(r"(?i)\b(?:furniture|desks?|chairs?|hours|party|plants?|printer|wifi"
                         r"|supplies)\b")
INCORPORATED = re.compile(
    r"\b(?:(?:we(?:'re| are)|we've|we have|we|i've|i|acme) (?:now |officially |finally |just )*"
    r"(?:been )?incorporated(?=\s*(?:$|[.!,;:)(]|as\b|in (?!the|a|an|our|your|it|this)\w+"
    r"|today|yesterday|this|last|on\b|officially|\W*\U0001F389))"
    r"|\bincorporated (?:as|in) (?:a |an )?(?:delaware|[A-Z][a-z]+)\b"
    r"|we(?:'re| are) (?:now )?a real company\b"
    r"|^\W*(?:(?:now|officially|finally|just) )+incorporated\b(?! (?:your|the|their|feedback"
    r"|changes|into|it)\b))", re.IGNORECASE)
PIVOT = re.compile(r"\b(?:we(?:'re| are| have|'ve)?|i(?:'m| am)?|our company(?: is| has)?)"
                   r" (?:now |officially |finally )?(?:pivot(?:ed|ing))(?: (?:to|into|from|away"
                   r" from|towards)\b|:| [-\u2013\u2014])"
                   r"|\b(?-i:[A-Z][\w.-]+) pivots (?:to|into|from|away from)\b", re.IGNORECASE)
FOUNDATION = re.compile(
    r"\b(?:donated|contributed|transferred|handed|moved|gave|given) (?P<what>[\w .-]{2,30}?) "
    r"to the (?P<org>(?:[A-Z][\w-]* ){0,4}Foundation|CNCF|ASF)\b"
    r"|\b(?:has |have )?(?:(?:moved|transferred|went) to|joined|joins|is joining|entered)"
    r" (?:the )?"
    r"(?P<org2>(?:[A-Z][\w-]* ){0,4}Foundation|CNCF)(?: as an? (?:incubating|sandbox|graduated"
    r"|hosted|member) project)?\b(?! (?:board|events?|conference|summit|webinar|meetup))")
SPUN_OUT = re.compile(r"\b(?:spun|spins|spin) (?:out|off) (?:its|our|the) (?:[\w-]+ ){1,3}?"
                      r"(?:unit|team|business|division|arm|group) (?:as|into) (?:a |an )?"
                      r"(?:separate|new|independent|standalone) company\b", re.IGNORECASE)


def changed(clause: str, low: str, ctx: Context) -> Found | None:
    """An office moved into, incorporation, a pivot, a foundation, a spin-out."""
    readings = (
        (OFFICE, "office", "New office"), (INCORPORATED, "incorporation", "Incorporated"),
        (PIVOT, "pivot", ""), (SPUN_OUT, "spin-out", ""), (FOUNDATION, "foundation", ""))
    for pattern, subtype, title in readings:
        m = pattern.search(clause)
        if m is None or (subtype == "office" and _NOT_OFFICE.search(clause)) \
                or (subtype in ("office", "pivot") and _YEAR.search(clause)):
            continue
        if subtype == "foundation" and not _given_ours(clause, m, ctx):
            continue
        if subtype not in ("incorporation", "pivot") and not (
                FIRST_PERSON.search(clause) or (ctx.company and ctx.company.search(clause))):
            continue
        # "we incorporated in May so we could take investment": the purpose is no plan
        return Found(T.OTHER, {"subtype": subtype}, title or _told(clause, m, subtype), m.start(),
                     subtype=subtype, relational=subtype == "foundation",
                     allow=_PLAN if subtype == "incorporation" else frozenset())
    return None


_FROM_NOW = re.compile(r"^(?i:from|starting|as of) (?i:today|now),? ")


def _told(clause: str, m: re.Match[str], subtype: str) -> str:
    """A title in the company's words: "Pivoted to B2B", "Joined the Linux Foundation"."""
    if subtype == "pivot":
        rest = _FROM_NOW.sub("", clause[m.end():].lstrip(" :-\u2013\u2014"))
        last = m.group().split()[-1].lower()
        head = f"Pivoted {last} " if last in ("to", "into", "from", "towards") else "Pivoted: "
        told = said(rest, 0, limit=60).split(", ")[0]
        return head + rest[:1] + told[1:] if told else "Pivoted"
    if subtype == "foundation" and m["org2"]:
        return f"Joined the {m['org2'].strip()}"
    return said(clause, m.start())


def _given_ours(clause: str, m: re.Match[str], ctx: Context) -> bool:
    what = m["what"] or clause[:m.start()]
    if ctx.company is not None and ctx.company.search(what):
        return True
    return bool(re.search(r"(?i)\b(?:our|the) (?:project|codebase|framework|library|protocol"
                          r"|standard|spec)\b|^\W*(?:we|we've)\b", what))


# --- the company closing (a lowlight) -------------------------------------------------------

# "thoughtram is shutting down and closing its doors", "we're closing the company", "we've
# decided to shut down Acme": the company itself, not a server, an office or a product.
CLOSING = re.compile(
    r"\b(?:(?:is|are|will be|we're|we are) (?:officially |now )?(?:shutting down|closing (?:its"
    r"|our) doors|closing (?:up )?shop|closing down|winding down|ceasing operations)"
    r"|(?:will|is going to|are going to) (?:officially )?(?:shut down|wind down|close (?:its|our)"
    r" doors|close for good|cease operations))\b"
    # nothing shut but the company: no object, no "for the holidays"
    r"(?=\s*(?:$|[.!,;:)(\u2014-]|and\b|after\b|at the end\b|on (?!weekends|holidays)\w+"
    r"|in (?:\w+ )?\d|in (?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december)\b|today|this\b|next\b|effective|as of|from\b|for good))"
    r"|\b(?:decided to |decision to |(?:we|we're|we are|we've|we have|i|i'm|i've) (?:\w+ )?"
    r"(?:to )?)(?:shut(?:ting)? down|clos(?:e|ing)|wind(?:ing)? down|dissolv(?:e|ing)) "
    r"(?:the company|our company|the business|our business|the startup|our startup|my company"
    r"|my business)\b"
    r"|\bclos(?:e|ed|ing) our doors\b(?! (?:for|over|until|till|during|on|early|at)\b)",
    re.IGNORECASE)
SHUT_OURS = re.compile(r"\b(?:decided to|decision to|we(?:'re| are| will| have| had to|'ll)?)"
                       r" (?:shut(?:ting)? down|wind(?:ing)? down|clos(?:e|ing)) ",
                       re.IGNORECASE)
# A product of ours closing is a product lowlight (founders.py), not the company's.
_PRODUCT_WORD = re.compile(r"^\s*(?:[\w.-]+ ){0,2}?(?:app|apps|api|cloud|service|plan|server"
                           r"|servers|edition|product|platform|beta|feature|plugin|extension"
                           r"|sdk|integration|tier|store|office|channel|forum|account|v\d)\b",
                           re.IGNORECASE)


def closing(clause: str, low: str, ctx: Context) -> Found | None:
    """The company closing for good: a lowlight of type `other`."""
    m = CLOSING.search(clause)
    if m is not None:
        head = clause[:m.start()]
        if _SPEAKER.match(m.group()) or _subject_ours(head, ctx):
            return _closed(clause, m.start())
    m = SHUT_OURS.search(clause)
    if m and _ours_at(clause, m.end(), ctx):
        rest = clause[m.end():]
        named = ctx.company.match(rest.lstrip(" [(")) if ctx.company else None
        if named and not _PRODUCT_WORD.match(rest.lstrip(" [(")[named.end():]):
            return _closed(clause, m.start())
    return None


# The match itself names who closes: "we're shutting down", "decided to close the company".
_SPEAKER = re.compile(r"(?i)(?:we\b|we're\b|decided\b|decision\b|i\b|i'm\b|i've\b|clos)")


def _closed(clause: str, at: int) -> Found:
    return Found(T.OTHER, {"subtype": "shutdown"}, "Company shutting down", at,
                 negative=True, subtype="shutdown", allow=_PLAN)


# --- awards won (media_coverage, as LABELLING.md reads an award) -----------------------------

_PRIZE = r"(?:hackathon|competition|challenge|pitch(?: battle| competition)?|contest|awards?|prize)"
AWARD_WON = re.compile(
    r"\b(?:came|placed|finished|took|won|got) (?:first|second|third|1st|2nd|3rd)(?: place| prize)?"
    r" (?:in|at) (?:the )?(?P<what>(?:[\w&'.-]+ ){0,5}?" + _PRIZE + r")\b"
    r"|\b(?:got|received|earned|picked up|took home|scooped|bagged) (?:the |an? |our )?"
    r"(?P<what2>(?-i:(?:[A-Z0-9][\w&'.-]* ){1,6})(?:award|prize|trophy|medal))s?\b"
    r"|\b(?:is|was|were|are|as) (?:the |a )?(?:proud )?winners? of (?:the |a )?(?P<what3>(?-i:"
    r"(?:[A-Z0-9][\w&'.-]* ){1,6})(?:award|prize|trophy|medal)s?)\b"
    r"|\bnamed (?:a |an |the )?(?P<what4>(?-i:(?:Gartner|Forrester|IDC|G2)"
    r" (?:[A-Z][\w-]* ?){1,4}))",
    re.IGNORECASE)


def award_won(clause: str, low: str, ctx: Context) -> Found | None:
    """An award or a competition won, in the words co.award lacks ("came first in the Stripe
    hackathon", "got the Deloitte Fast 50 award", "named a Gartner Cool Vendor")."""
    m = AWARD_WON.search(clause)
    if m is None or not (FIRST_PERSON.search(clause) or _mentions_us(clause, ctx)):
        return None
    if third_party(clause[:m.start()], clause, ctx.company):
        return None  # "Globex came first in the hackathon"
    what = (m["what"] or m["what2"] or m["what3"] or m["what4"]).strip()
    return Found(T.MEDIA_COVERAGE, {"subtype": "award", "name": key(what)},
                 f"Award: {what[:1].upper()}{what[1:]}", m.start(), subtype="award",
                 relational=True)


# --- what the reader calls ------------------------------------------------------------------

_READINGS = (
    (("part of", "merge", "merger"), sold),
    (("acqui", "purchas", "bought", "buys", "joined", "joining", "part of", "welcom"), bought),
    (("land", "swoop", "snap", "ownership", "control", "race", "battle", "bidding", "auction",
      "fight", "acqui", "purchas", "takeover", "buyout", "sell", "sold", "offload", "divest",
      "bought", "buy", "dispos", "combine"),
     taken_over),
    (("renam", "rebrand", "name", "known as", "called", " is now ", " now ", "officially"),
     renamed),
    (("office", "hq", "headquarters", "incorporat", "real company", "pivot", "foundation",
      "cncf", "spun", "spin"), changed),
    (("shut", "clos", "wind", "ceas", "dissolv"), closing),
)


# Hedges corporate.HEDGED lacks, and a close call that did not happen ("we almost shut down").
_UNSURE = re.compile(r"\b(?:thinking (?:of|about)|considering|maybe|perhaps|idea|ideas|almost"
                     r"|nearly|came close to|rumou?rs?)\b")


def company_life(clause: str, low: str, ctx: Context) -> Found | None:
    """Every reading of this module, each tried where its plain words are in the clause."""
    for needs, reading in _READINGS:
        if any(n in low for n in needs):
            found = reading(clause, low, ctx)
            if found is not None:
                # "in talks to merge", "exploring a sale", "might have to close": not done
                near = low[max(0, found.trigger - 40):found.trigger + 25]
                return None if HEDGED.search(near) or _UNSURE.search(near) else found
    return None
