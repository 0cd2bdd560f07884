"""People joining and leaving the company, and the company joining another one.

Founders tell these in newsletters, monthly posts and chat rather than in a press release's
"appoints": "In May we welcomed Lizz. Lizz joins us as a frontend engineer", "please welcome
Ana, our new Head of Sales", "I've taken up the mantle of Developer Advocacy at Tilt", "I asked
my wife Liz to join me and take care of sales"; departures as "today is Lian's last day",
"Dana is moving on", "Tom has left the company"; being bought as "The Tilt team is joining
Docker", "we are now part of Atlassian", "we are merging with Globex".

The reader tries these before company.py's hiring() (their names and roles are read whole:
"Kevin De Porre and Garry Hill", not the capitalised word nearest the verb) and after
deals.py's acquisition(). Each family has its look-alikes: a member welcomed to a community,
a guest joining a call, a third party's hire, "the last day to register", "let's move on",
"joining AWS re:Invent as a sponsor", "joining Techstars this fall", "merging with main".
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.lexicon import ROLE, rx
from signalpipe.extract.rules.names import key
from signalpipe.extract.rules.wordscan import any_word
from signalpipe.models import EventType, MetricValue

T = EventType

# What a clause needs before any pattern runs: most clauses the gate sends have none of these.
_CHEAP = any_word(("welcom", "join", "first hire", "first employee", "newest", "is now",
                   "officially", "mantle", "merg", "left", "leav", "moving on", "move on",
                   "moved on", "last day", "part", "offer", "away from", "bought by",
                   "purchased by", "snapped up", "taken over", "goodbye", "farewell", "hired",
                   "onboard", "brought on", "took on", "added", "doubled", "tripled", "grew",
                   "grown"))

# A person's name as written in a post: "Lizz Thabet", "Lucie le Blanc", "Kevin De Porre",
# "[Max](...)" once the link is blanked (brackets are blanked here, offsets kept).
_NAME = (r"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.? )?[A-Z][a-zà-ÿ'’-]+(?:[A-Z][a-zà-ÿ]+)?"
         r"(?:[ \xa0](?:(?:le|la|de|du|van|von|da|del|der|di) )?(?!Join)[A-Z][a-zà-ÿ'’-]+){0,2}")
_NAMES = rf"{_NAME}(?:(?:,| and| &|, and) {_NAME}){{0,3}}"
# Words that start a capitalised run but name no person.
_NOT_NAMES = frozenset([
    "we", "our", "the", "this", "that", "today", "it", "he", "she", "they", "i", "you", "please",
    "welcome", "everyone", "all", "team", "big", "huge", "also", "and", "then", "now", "hn",
    "folks", "friends", "new", "meet", "congrats", "so", "a", "an", "yesterday", "tomorrow",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "after", "before", "since", "last", "next", "here", "there",
    "community", "members", "users", "customers", "guests", "speakers", "everybody", "my",
    "his", "her", "their", "its", "one", "two", "three", "welcome back", "let's", "lets",
    "if", "when", "once", "as", "in", "on", "at", "for", "with", "from", "not",
])

# "Lizz joins us as a frontend engineer", "Justin Bennett has joined our team!", "Sam Willis
# joins Electric as founding engineer", "He's joining full-time as our founding design engineer"
_JOINS = re.compile(
    rf"(?P<who>{_NAMES}|\b(?:[Ss]he|[Hh]e|[Tt]hey)(?:'s|’s| is| are| has| have)?"
    r"|(?<=\S) {8,}(?:and {8,})?(?=ha|jo|ar|is|of))\s*,?\s*"
    r"(?:(?:has|have|is|are|just|officially|also|now|recently|finally)\s+){0,3}"
    r"(?P<verb>(?:[Rr]e)?(?<![A-Z])[Jj]oin(?:s|ed|ing))\s+"
    r"(?P<where>us\b|(?:the|our) (?:[\w-]+ )?team\b|(?:the|our) (?:[A-Z][\w&-]* ){1,4}team\b"
    r"|full[- ]time\b|[A-Z][\w.&-]+(?: [A-Z][\w.&-]+)?"
    r"(?= as\b| to\b| from\b|[.!,]|$))"
    r"(?P<rest>[^.!?;\n]{0,90})")
_JOIN_AT = re.compile(r"join")
# "welcomed Max to the team", "please welcome Ana, our new Head of Sales", "Welcome Max!"
_WELCOME = re.compile(
    r"\b[Ww]elcom(?:e|es|ed|ing)\s+(?:aboard\s+|on ?board\s+|to the team,?\s+|to (?=[A-Z@]))?"
    rf"(?:(?:two|three|four|several|a few) new [\w-]+,?\s+)?(?P<who>{_NAMES}|@[\w.-]+)"
    r"(?P<rest>[^.!?;\n]{0,90})")
# what makes a welcome a hire, not a greeting: the team, a role, joining
_TEAM = rx(r"\b(?:to (?:the|our) (?:[\w-]+ )?team|teammates?|colleagues?|new hires?|employees?"
           r"|staff|join(?:s|ed|ing)? (?:us|(?:the|our) (?:[\w-]+ )?team)|(?:our|as) (?:new |first "
           r"|founding )?[a-z-]+ (?:engineer|designer|developer|manager|lead|advocate|writer"
           r"|marketer|scientist|intern)|on board|aboard)\b")
_AS_ROLE = re.compile(r"\bas (?:our |a |an |the |its )?(?:new |first )?"
                      r"(?P<role>(?:[\w-]+ ){0,4}?[\w-]+)(?=\s*(?:[.!,;)(]|$| from\b| at\b"
                      r"| while\b| and\b| on\b| in\b| to\b| for\b| after\b| starting\b"
                      r"| where\b| who\b| based\b| this\b| last\b| next\b| earlier\b"
                      r"| today\b| yesterday\b| effective\b))")
# roles that are no hire of ours: a partner, a customer, a guest, an investor (the role's last
# word: a "Head of Customer Success" is staff)
_NOT_ROLE = rx(r"\b(?:partner|customer|client|sponsor|speaker|guest|investor|angel|panelist"
               r"|host|moderator|judge|member|user|subscriber|attendee|volunteer|mentor"
               r"|contributor|ambassador|maintainer|beta tester|tester|reseller)s?$")
# what one joins that is no job: a call, a channel, a community, a programme
_NOT_JOINED = rx(r"^\s*(?:us )?(?:(?:on|for|in|at) (?:the |a |our |this |today's )?(?:call|show"
                 r"|podcast|stream|webinar|episode|stage|panel|meetup|livestream|session"
                 r"|discussion|chat|conversation|demo|event)|(?:for|at) (?:dinner|lunch"
                 r"|breakfast|coffee|drinks))")
_NOT_JOINED_SENTENCE = rx(r"\b(?:discord|slack|channel|community|server|waitlist|newsletter"
                          r"|mailing list|webinar|podcast|livestream|hackathon|meetup"
                          r"|accelerator|cohort|batch|program|programme|call|zoom|meeting"
                          r"|stage|keynote|fireside)\b|\bto (?:talk|discuss|share|present|chat"
                          r"|demo|explain|walk|show|speak)\b")
# first person taking a role: "I've taken up the mantle of Developer Advocacy at Tilt"
_MANTLE = re.compile(r"\b(?:I've|I have|I'm|I am|I)\s+(?:just\s+)?(?:taken up|taken on|taking on"
                     r"|taking up|took up|took on|stepped into|stepping into)\s+(?:the\s+)?"
                     r"(?:mantle|role|position)\s+of\s+(?P<role>[A-Z][\w&-]*(?: (?:of |and |& )?"
                     r"[A-Z][\w&-]*){0,4})(?:\s+(?:at|for|with)\s+(?P<org>[A-Z][\w.&-]+))?")
_MY_NAME = re.compile(r"\b(?:[Mm]y name is|I'm|I am)\s+(?P<who>[A-Z][a-zà-ÿ'’-]+)")
# a founder's relative or friend brought in: "I asked my wife Liz to join me and take care of"
_ASKED = re.compile(r"\b(?:asked|convinced|persuaded|talked)\s+my\s+(?:(?:old|best|long-?time"
                    r"|good) )?(?P<rel>wife|husband|partner|brother|sister|friend|father|mother"
                    r"|dad|mom|mum|cousin|son|daughter|co-?founder)\s+(?P<who>[A-Z][a-zà-ÿ'’-]+)?"
                    r"\s*(?:to join|into joining)\s+(?:me|us|the (?:company|business|team))"
                    r"(?P<rest>[^.!?;\n]{0,60})")
_ASKED_NOT = rx(r"^\s*(?:for|at|on|in|to|at)\s+(?:the |a |an |our |dinner|lunch|breakfast"
                r"|coffee|drinks)")
# "Ines accepted our offer", "offer accepted! Marco starts Monday"
_ACCEPTED = re.compile(rf"(?P<who>{_NAME})\s+(?:has\s+|just\s+|finally\s+)*(?:accepted|signed)"
                       r"\s+(?:our|the|her|his|their)\s+offer\b(?!\s+(?:of|to|for)\b)")
# "We brought on Jake Miller as Head of Customer Success"
_BROUGHT_ON = re.compile(r"\b(?:[Ww]e|I)(?:'ve| have)?\s+(?:just\s+|finally\s+|also\s+)?"
                         r"(?:brought on|brought in|onboarded|added)\s+"
                         rf"(?P<who>{_NAME})(?P<rest>\s+as\b[^.!?;\n]{{0,80}})")
# "Our first hire, Ana, starts Monday!"; "Sam is officially my co-founder and CTO"
_FIRST_HIRE = re.compile(r"\b(?:[Oo]ur|[Mm]y) (?:first|second|third|newest|latest) (?:hire|employee"
                         rf"|engineer|teammate),? (?P<who>{_NAME}),? (?:starts|started|joined"
                         r"|is starting|has started|begins)\b")
_IS_NOW = re.compile(rf"(?P<who>{_NAME}) is (?:now |officially |finally ){{1,2}}(?:my|our) "
                     r"(?:new )?(?P<role>[\w -]{2,40}?)(?=[.!,;]|$)")
_HIRED_WORDS = re.compile(r"hired|onboard|brought on|took on")
_GREW_WORDS = re.compile(r"doubled|tripled|grew|grown")
_FIRST_WORDS = re.compile(r"first|second|third|newest|latest")
_NOW_WORDS = re.compile(r"is (?:now|officially|finally)")
_HIRE_CONTEXT = rx(r"\b(?:join|start|hire|hiring|candidate|role|position|team|onboard)")

# a founder's first hires by the job, not a title: "Hired a writer to help with the newsletter",
# "we recently started onboarding a new team member to help with support"
_JOB = (r"(?:engineer|developer|designer|writer|editor|marketer|salesperson|sales rep|recruiter"
        r"|support (?:engineer|person|rep|agent|specialist)|(?:customer )?success manager"
        r"|community manager|product manager|data scientist|assistant|team member|teammate"
        r"|employee|hire|colleague|programmer|devrel|developer advocate|account executive)")
_HIRED_JOB = rx(r"(?:^|\b(?:i|we|i've|we've|i have|we have|finally|just|also|recently)\s+)"
                r"(?:(?:just|finally|also|recently|officially|have|has|started)\s+)*"
                r"(?:hired|onboarded|onboarding|brought on|took on)\s+(?:a|an|our|my|two|three"
                r"|\d)\s+(?:(?:first|second|third|new|full-time|part-time|dedicated|great"
                r"|talented|fantastic|amazing)\s+)*(?:[\w'-]+\s+){0,2}?" + _JOB + r"s?\b")
_ADDED_NTH = rx(r"\badded (?:a|our) (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
                r" (?:full-time |person |member |engineer |employee |human )?to the team\b")
# a team doubled, or grown from one count to another; "our sales team grew to 12 people" is a
# size, not news of a hire
_TEAM_GREW = rx(r"\b(?:we|our team|the team|team)\s+(?:have |has |just |officially )?(?:(?:doubled"
                r"|tripled)\s+(?:in size\b|(?:the team|our team|headcount)\b)|(?:grew|grown)"
                r"\s+(?:the team |our team |headcount )?from \d+ to \d+ (?:people|employees"
                r"|team members|humans|folks|ftes)\b)(?:\W+from (?P<from>\d+) to (?P<to>\d+))?")
_IN_PLACE = rx(r"\s+(?:in|for our|for the) ")
_TEAM_WORD = rx(r"\b(?:team|people|employees|headcount|colleagues|hires?|founding)\b")

# Departures: "today is Lian's last day", "Dana is moving on", "Tom has left the company"
_LAST_DAY = re.compile(rf"(?P<who>{_NAME})(?:'s|’s) last day(?P<rest>[^.!?;\n]{{0,40}})")
_MY_LAST_DAY = re.compile(r"\b(?:today|tomorrow|friday|this) (?:is|was|will be) my last day"
                          r"(?P<rest>[^.!?;\n]{0,40})", re.IGNORECASE)
_NOT_LAST_DAY = rx(r"^\s*(?:of|to|for|in (?:the|a) |before|off|on (?:the )?(?:beach|vacation"
                   r"|holiday|leave))|^\W*(?:of|to) ")
_MOVING_ON = re.compile(rf"(?P<who>{_NAME})\s+(?:(?:has|have|is|are|will be|'s|’s|decided to"
                        r"|has decided to|is going to)\s+)+(?:moving on|move on|moved on)"
                        r"(?P<rest>[^.!?;\n]{0,60})")
_LEFT = re.compile(rf"(?P<who>{_NAME}|I)(?:'m)?\s+(?:(?:has|have|just|recently|officially|is"
                   r"|am|will be|decided to)\s+)*(?:left|leaving|leave|departed|(?:step|stepped"
                   r"|stepping|steps) (?:away|down) from)\s+"
                   r"(?P<where>the company|the team|our team|us\b|[A-Z][\w.&-]+)"
                   r"(?P<rest>[^.!?;\n]{0,40})")
_NOT_LEFT = rx(r"^\s*(?:a |an |some |with |feedback|comments?|reviews?|notes?|for (?:the )?day"
               r"|early|for lunch|to (?:grab|get|go))")
_PART_WAYS = re.compile(r"\b(?:part|parted|parting) ways with (?:our|my) (?P<role>[\w -]{2,40}?)"
                        r"(?=[.,;!]|$| after\b| of \d| this\b| last\b)")
_AT_ORG = re.compile(r"\b(?:at|from|of) ([A-Z][\w.&-]*[a-z][\w.&-]*)\b(?! (?:team|office))")
# "we said goodbye to Jonas, our first engineer", "Farewell to Tom, who is leaving us"; not the
# marketing imperative "Say goodbye to Excel"
_GOODBYE = re.compile(r"(?:\b(?:said|saying|bid|bidding|bade) (?:goodbye|farewell) to"
                      r"|^\W*[Ff]arewell,? (?:to )?)\s*(?:our (?:friend|colleague|teammate) )?"
                      rf"(?P<who>{_NAME})(?P<rest>[^.!?;\n]{{0,60}})")
_PERSON_HINT = rx(r"\b(?:who|after \d+|years?|colleagues?|teammates?|friend|leaving|left"
                  r"|last day|our|his|her|their|him|them|team|engineer|designer)\b")

# Being bought: "The Tilt team is joining Docker", "we are now part of Atlassian"
_ORG = r"(?P<org>[A-Z][\w.&-]+(?: [A-Z][\w.&-]+){0,2})"
_TEAM_JOINS = re.compile(r"(?P<subject>\b(?:[Ww]e|[Ww]e're|[Oo]ur team"
                         r"|[Tt]he (?:[A-Z][\w.-]+ )?team|[A-Z][\w.-]+(?: team)?))\s+"
                         r"(?:(?:is|are|has|have|'re|is now|are now"
                         rf"|officially|now)\s+){{0,2}}(?:joining|joined|joins)\s+{_ORG}"
                         r"(?P<rest>[^.!?;\n]{0,40})")
_BOUGHT_BY = re.compile(r"(?P<subject>\b(?:[Ww]e|[A-Z][\w.-]+))(?:'ve)?\s+(?:(?:has|have|had"
                        r"|is|are|was|were|been|being|got|to|be|[Aa]gree[sd]?|officially|now"
                        r"|[Tt]o|[Bb]e)\s+){1,4}(?:[Bb]ought|[Pp]urchased|[Ss]napped [Uu]p"
                        rf"|[Tt]aken [Oo]ver)\s+[Bb]y\s+{_ORG}(?P<rest>[^.!?;\n]{{0,30}})")
_PART_OF = re.compile(r"(?P<subject>\b(?:[Ww]e|[Ww]e're|[A-Z][\w.-]+))\s+(?:(?:is|are|'re|have"
                      r"|has|officially|now|become|became|formally)\s+){1,3}(?:a\s+)?part of\s+"
                      rf"(?:the\s+)?{_ORG}(?P<rest>[^.!?;\n]{{0,30}})")
_PART_OF_NOW = rx(r"\b(?:now|officially|formally|become|became)\b")
_MERGING = re.compile(r"(?P<subject>\b(?:[Ww]e|[Ww]e're|[A-Z][\w.-]+))\s+(?:(?:is|are|'re|have"
                      r"|has|officially|now)\s+){0,2}(?:merging|merged|merges)\s+with\s+"
                      rf"{_ORG}(?P<rest>[^.!?;\n]{{0,30}})")
_MERGE_PAIR = re.compile(r"(?P<subject>\b[A-Z][\w.-]+) and (?:(?P<org>[A-Z][\w.&-]+"
                         r"(?: [A-Z][\w.&-]+)?)) (?:are merging|have merged|will merge"
                         r"|(?:have |has )?agreed to merge|to merge)\b(?P<rest>[^.!?;\n]{0,30})")
# the buyer's name goes on into something else: "joins China trade push"
_BUYER_GOES_ON = re.compile(r"\s+(?!to\b|and\b|in\b|as\b|for\b|after\b|which\b|effective\b"
                            r"|today\b|this\b|on\b|at\b|family\b|group\b|under\b|is\b)[a-z]")
# "we joined X" in the past is a visit as often as a sale; "we're joining X" is news
_WE_JOINED = re.compile(r"[Ww]e joined\b")
_NOT_BUYER = rx(r"\b(?:accelerator|incubator|cohort|batch|program|programme|network|partner"
                r"|techstars|y combinator|yc|antler|entrepreneur first|500 startups"
                r"|marketplace|ecosystem|community|index|conference|summit|event|webinar"
                r"|podcast|sponsor|booth|stage|panel|forces|hands|call|fund|initiative|alliance"
                r"|consortium|foundation|association|coalition|pledge|list|talk|chat|discuss"
                r"|show|episode|interview|livestream|stream)\w*\b")
_NAME_RX = re.compile(_NAME)
_NOT_WELCOME = rx(r"\b(?:guest|speaker|panel|podcast|episode|webinar|community|discord|server"
                  r"|channel|newsletter|stage|keynote|session|fireside|conference|summit|meetup"
                  r"|livestream|show)")
# a role held elsewhere: "welcome Jane Doe, CEO of Globex", "VP at Stripe"
_ROLE_ELSEWHERE = re.compile(r"\b(?:of|at) ([A-Z][\w.&-]+)")
# a customer leaving is churn, not a departure: "Globex left us for a competitor"
_CHURN_WORDS = rx(r"\b(?:customers?|clients?|accounts?|contracts?|churn\w*|competitors?|plans?"
                  r"|subscriptions?|renew\w*|vendors?|cheaper)\b")
_DUTY = re.compile(r"(?:and |to )?(?:take care of|run|handle|lead|look after) ([\w ,&-]{3,60})")
_NEXT_TOPIC = re.compile(r"\s*to (?:the|our|a) (?:next|new|other) (?:topic|item|point|question"
                         r"|slide|agenda)")
_THE = re.compile(r"^[Tt]he ")
# a visit ahead, not a sale: "We're joining Techstars Boston this fall"
_DATED_AHEAD = rx(r"\b(?:this|next|later this) (?:fall|autumn|spring|summer|winter|week|month"
                  r"|quarter|year)|\btomorrow\b|\bsoon\b|\bin (?:january|february|march|april"
                  r"|may|june|july|august|september|october|november|december|q[1-4])\b")
_OUR = re.compile(r"\b(?:our|we|us)\b")  # "Electric is joining Databricks to add our ..."
_GIT = frozenset(["main", "master", "develop", "upstream", "trunk", "head"])


# Each family's words, checked as plain substrings before its patterns run (speed: the gate
# sends every clause with "join" or "is now" here, and most are no family's).
_FAMILIES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"last day|mov(?:ing|e|ed) on|left|leav|departed|away from|goodbye|farewell"
                r"|part(?:ed|ing)? ways"), "departure"),
    (re.compile(r"join|part of|merg|bought by|purchased by|snapped up|taken over"), "bought"),
    (re.compile(r"join|welcom|mantle|role of|position of|my |brought|onboard|added|first|newest"
                r"|latest|is now|officially|offer|hired|took on|doubled|tripled|grew|grown"),
     "hire"),
)


def welcome(clause: str, low: str, ctx: Context) -> Found | None:
    """A hire, a departure or the company being bought, in a newsletter's or a chat's words."""
    if _CHEAP.search(low) is None:
        return None
    text = clause.replace("[", " ").replace("]", " ")  # "[Max](...)": the link's words
    for words, family in _FAMILIES:
        if not words.search(low):
            continue
        found = _departure(text, ctx) if family == "departure" else \
            _acquired(text, low, ctx) if family == "bought" else _hire(text, low, ctx)
        if found is not None:
            return found
    return None


def _person(name: str) -> str | None:
    """``name`` with greeting words dropped, or None where no person is named."""
    words = name.split()
    while words and words[0].lower() in _NOT_NAMES:
        words.pop(0)
    if not words or words[-1].lower() in _NOT_NAMES or ROLE.fullmatch(" ".join(words).lower()):
        return None
    return " ".join(words)


def _ours(name: str, ctx: Context) -> bool:
    return ctx.company is not None and ctx.company.search(name) is not None


def _hired(who: str, role: str | None, at: int, *, stakeholders: tuple[str, ...] = (),
           where: str = "") -> Found:
    metrics: dict[str, MetricValue] = {"hire": key(who)}
    title = f"Hired {who} as {role}" if role else f"{who} joined the team"
    if who.startswith(("Two new", "A new")):
        metrics = {"role": key(where or "team member")}
        title = f"{who} joined {where}" if where.startswith(("the ", "our ")) else \
            f"{who} joined"
        return Found(T.HIRING, metrics, title, at, allow=frozenset({"plan"}))
    return Found(T.HIRING, metrics, title, at, allow=frozenset({"plan"}),
                 stakeholders=stakeholders or (who,))


def _role(rest: str) -> str | None:
    m = _AS_ROLE.search(rest)
    if m is None:
        return None
    role = m.group("role").strip()
    return role if role and not _NOT_ROLE.search(role.lower()) else ""


def _hire(text: str, low: str, ctx: Context) -> Found | None:
    return (_joins(text, ctx) if "join" in low else None) \
        or (_welcomed(text, ctx) if "welcom" in low else None) \
        or (_mantle(text, ctx) if " of " in low else None) \
        or (_asked(text, ctx) if "my " in low else None) \
        or (_brought_on(text) if " as" in low else None) \
        or _first_hire(text) or (_accepted(text, low, ctx) if "offer" in low else None) \
        or _team(text, low, ctx)


def _team(text: str, low: str, ctx: Context) -> Found | None:
    """A hire told by its job ("hired a writer") or the team's size ("we doubled in size")."""
    m = _HIRED_JOB.search(low) if _HIRED_WORDS.search(low) else None
    if m is not None and not _IN_PLACE.match(low, m.end()):  # "first employee in Singapore"
        job = m.group()
        start = m.start() + job.find(" ", job.find("hired" if "hired" in job else "on"))
        job = text[start:m.end()].strip()  # as written: "a UX designer", not "a ux designer"
        return Found(T.HIRING, {"role": key(job)}, f"Hired {job}", m.start(),
                     allow=frozenset({"plan"}))
    m = _ADDED_NTH.search(low) if "added" in low else None
    if m is not None:
        return Found(T.HIRING, {"role": "team size"}, m.group()[:1].upper() + m.group()[1:],
                     m.start(), allow=frozenset({"plan"}))
    m = _TEAM_GREW.search(low) if _GREW_WORDS.search(low) else None
    if m is not None and _TEAM_WORD.search(f"{low} {ctx.sentence.lower()} {ctx.before.lower()}"):
        size = f" from {m.group('from')} to {m.group('to')}" if m.group("to") else ""
        return Found(T.HIRING, {"role": "team size"}, f"Team grew{size}", m.start(),
                     allow=frozenset({"plan"}))
    return None


def _joins(text: str, ctx: Context) -> Found | None:
    for m in _joined(text):
        where, rest = m.group("where"), m.group("rest")
        if where[0].isupper() and not _ours(where, ctx):
            continue  # "Jane joins Globex as CTO": their hire
        if _NOT_JOINED.search(rest.lower()) or (
                where in ("us", "full-time", "full time")
                and _NOT_JOINED_SENTENCE.search(rest.lower())):
            continue  # "joins us on the podcast", "joined us in the Discord"
        role = _role(rest)
        if role == "":
            continue  # "joins us as a design partner"
        who = m.group("who")
        if not who.replace("and", "").strip():
            # Slack mentions, blanked: "<@U2H3> and <@U7SL> have joined the Dev Rel team"
            return _hired("Two new team members" if " and " in who else "A new team member",
                          None if "team" in where else role, m.start("verb"), where=where)
        if who.split()[0].lower() in ("she", "he", "they", "she's", "he's", "they're"):
            if role is None and where not in ("us",) and "team" not in where:
                continue
            who = _name_before(ctx.before) or ""
        person = _person(who)
        if person is None or (role is None and where[0].isupper() and not _TEAM.search(
                text.lower())):
            continue
        return _hired(person, role, m.start("verb"))
    return None


def _joined(text: str) -> list[re.Match[str]]:
    """_JOINS's matches, looked for only in a window around each "join" (speed: a long clause
    would otherwise be tried at every capital and every space)."""
    out: list[re.Match[str]] = []
    end = 0
    for j in _JOIN_AT.finditer(text.lower()):
        if j.start() < end:
            continue
        m = _JOINS.search(text, max(end, j.start() - 120), min(len(text), j.start() + 160))
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def _name_before(before: str) -> str | None:
    """The last person named in the sentence before ("Jackson was ... He's joining ...")."""
    names = [p for m in _NAME_RX.finditer(before) if (p := _person(m.group()))]
    return names[-1] if names else None


def _welcomed(text: str, ctx: Context) -> Found | None:
    m = _WELCOME.search(text)
    if m is None:
        return None
    who = m.group("who")
    person = _person(who if who[0] != "@" else who[1:].capitalize())  # "@maria": Maria
    if person is None or _ours(person, ctx):
        return None  # "Welcome to Tilt", "welcome everyone"
    rest = m.group("rest")
    sentence = f"{text[:m.start()]} {rest}".lower()
    if not _TEAM.search(f"{m.group()} {ctx.sentence}".lower()) and not ROLE.search(
            rest.lower()):
        return None  # "welcome Sam!" in a community greets a member, not a hire
    if _NOT_WELCOME.search(sentence) or any(
            not _ours(e.group(1), ctx) for e in _ROLE_ELSEWHERE.finditer(rest)):
        return None
    role = _role(rest) or _role_after_comma(rest)
    return _hired(person, role, m.start())


_OUR_NEW = re.compile(r"^\s*,?\s*(?:our|the) new (?P<role>[\w -]{2,40}?)(?=\s*(?:[.!,;)]|$"
                      r"| who\b| from\b))")


def _role_after_comma(rest: str) -> str | None:
    """"Ana, our new Head of Sales": the appositive's role."""
    m = _OUR_NEW.match(rest)
    return m.group("role") if m else None


def _mantle(text: str, ctx: Context) -> Found | None:
    m = _MANTLE.search(text)
    if m is None or (m.group("org") and not _ours(m.group("org"), ctx)):
        return None
    named = _MY_NAME.search(text) or _MY_NAME.search(ctx.before)
    who = named.group("who") if named else None
    role = m.group("role")
    if who is None:
        return Found(T.HIRING, {"role": key(role)}, f"New lead for {role}", m.start(),
                     allow=frozenset({"plan"}))
    return Found(T.HIRING, {"hire": key(who)}, f"{who} joins to lead {role}", m.start(),
                 allow=frozenset({"plan"}), stakeholders=(who,))


def _asked(text: str, ctx: Context) -> Found | None:
    m = _ASKED.search(text)
    if m is None:
        return None
    whole = _ASKED.search(ctx.sentence)  # the duties may sit past the clause's cut at "and"
    if whole is not None and len(whole.group("rest")) > len(m.group("rest")):
        m = whole
    if _ASKED_NOT.search(m.group("rest").lower()):
        return None
    who = m.group("who") or f"the founder's {m.group('rel')}"
    rest = m.group("rest").strip(" ,")
    duty = _DUTY.match(rest)
    # "marketing, sales, and customer care": the serial comma would read as a cut
    title = f"{who} joins to run {duty.group(1).rstrip(' ,').replace(', and ', ' and ')}" \
        if duty \
        else f"{who} joins the company"
    return Found(T.HIRING, {"hire": key(who)}, title[:1].upper() + title[1:], m.start(),
                 allow=frozenset({"plan"}), stakeholders=(who,) if m.group("who") else ())


def _brought_on(text: str) -> Found | None:
    m = _BROUGHT_ON.search(text)
    if m is None:
        return None
    person, role = _person(m.group("who")), _role(m.group("rest"))
    if person is None or not role:
        return None  # "we added Globex as a customer": _NOT_ROLE
    return _hired(person, role, m.start())


def _first_hire(text: str) -> Found | None:
    m = _FIRST_HIRE.search(text) if _FIRST_WORDS.search(text) else None
    if m is not None and (person := _person(m.group("who"))):
        return _hired(person, None, m.start())
    m = _IS_NOW.search(text) if _NOW_WORDS.search(text) else None
    if m is not None and ROLE.search(m.group("role").lower()) \
            and (person := _person(m.group("who"))):
        return _hired(person, m.group("role"), m.start())
    return None


def _accepted(text: str, low: str, ctx: Context) -> Found | None:
    m = _ACCEPTED.search(text)
    if m is None:
        return None
    person = _person(m.group("who"))
    if person is None or _ours(person, ctx) or not _HIRE_CONTEXT.search(
            f"{low} {ctx.sentence.lower()} {ctx.before.lower()}"):
        return None
    return _hired(person, None, m.start())


def _departure(text: str, ctx: Context) -> Found | None:
    low = text.lower()
    return (_last_day(text, ctx) if "last day" in low else None) \
        or (_moving_on(text, ctx) if " on" in low else None) \
        or (_gone(text, ctx) if "le" in low or "depart" in low or "away" in low else None) \
        or (_goodbye(text, ctx) if "goodbye" in low or "farewell" in low or " ways" in low
            else None)


def _last_day(text: str, ctx: Context) -> Found | None:
    m = _LAST_DAY.search(text)
    if m is not None and not _NOT_LAST_DAY.search(m.group("rest").lower()):
        return _left(m.group("who"), m.start(), ctx)
    mine = _MY_LAST_DAY.search(text)
    if mine is not None and not _NOT_LAST_DAY.search(mine.group("rest").lower()):
        who = _MY_NAME.search(ctx.before)
        return _left(who.group("who") if who else "A team member", mine.start(), ctx)
    return None


def _moving_on(text: str, ctx: Context) -> Found | None:
    m = _MOVING_ON.search(text)
    if m is not None and not _NEXT_TOPIC.match(m.group("rest")):
        return _left(m.group("who"), m.start(), ctx)
    return None


def _gone(text: str, ctx: Context) -> Found | None:
    m = _LEFT.search(text)
    if m is not None and (m.group("where") in ("the company", "the team", "our team", "us")
                          or _ours(m.group("where"), ctx)) \
            and not _NOT_LEFT.search(m.group("rest").lower()) \
            and not _elsewhere(ctx.sentence or text, ctx) \
            and not _CHURN_WORDS.search((ctx.sentence or text).lower()):
        return _left(m.group("who"), m.start(), ctx)
    return None


def _goodbye(text: str, ctx: Context) -> Found | None:
    m = _GOODBYE.search(text)
    if m is not None and _PERSON_HINT.search(m.group("rest").lower()):
        return _left(m.group("who"), m.start(), ctx)
    m = _PART_WAYS.search(text)
    if m is not None and ROLE.search(m.group("role").lower()):
        return Found(T.HIRING, {"departure": key(m.group("role"))},
                     f"Parted ways with our {m.group('role')}", m.start(), negative=True,
                     allow=frozenset({"plan"}))
    return None


def _elsewhere(sentence: str, ctx: Context) -> bool:
    """"Leike left the company ... with leadership at OpenAI": another company's staff."""
    return any(not _ours(m.group(1), ctx) for m in _AT_ORG.finditer(sentence))


def _left(name: str, at: int, ctx: Context) -> Found | None:
    if name in ("I", "I'm", "I\u2019m"):
        # "I'm leaving Acme after four years": the sender, named before if at all
        named = _MY_NAME.search(ctx.before)
        name = named.group("who") if named else "A team member"
    person = name if name == "A team member" else _person(name)
    if person is None or _ours(person, ctx):
        return None
    return Found(T.HIRING, {"departure": key(person)}, f"{person} is leaving", at,
                 negative=True, allow=frozenset({"plan"}), stakeholders=(person,))


_BUYER_PATTERNS = ((_TEAM_JOINS, "joins", "join"), (_PART_OF, "part of", "part of"),
                   (_MERGING, "merger", "merg"), (_MERGE_PAIR, "merger", "merg"),
                   (_BOUGHT_BY, "bought by", " by "))


def _acquired(text: str, low: str, ctx: Context) -> Found | None:
    for pattern, verb, word in _BUYER_PATTERNS:
        m = pattern.search(text) if word in low else None
        if m is None:
            continue
        subject, org, rest = m.group("subject"), m.group("org"), m.group("rest")
        if not (_our_subject(subject, ctx) or _OUR.search(rest)) or _ours(org, ctx) \
                or org.lower() in _GIT \
                or org.split()[0].lower() in _NOT_NAMES:
            continue
        if _NOT_BUYER.search(f"{org} {rest}".lower()) or _NOT_BUYER.search(low) \
                or _DATED_AHEAD.search(rest.lower()):
            continue  # "we're joining Techstars' accelerator", "joining AWS re:Invent this fall"
        if verb == "part of" and not _PART_OF_NOW.search(m.group().lower()):
            continue  # "we're part of the Docker ecosystem": no change of owner
        if _BUYER_GOES_ON.match(rest) or (verb == "joins" and _WE_JOINED.match(m.group())):
            continue  # "GSK joins China trade push", "we joined Adam on his show"
        return _bought(subject, org, verb, m.start())
    return None


def _our_subject(subject: str, ctx: Context) -> bool:
    words = subject.lower().split()
    if words[0] in ("we", "we're", "our"):
        return True
    if words[0] == "the" and words[-1] == "team":
        return len(words) == 2 or _ours(subject, ctx)
    return _ours(subject, ctx)


def _bought(subject: str, org: str, verb: str, at: int) -> Found:
    metrics: dict[str, MetricValue] = {"subtype": "acquisition", "target": "us",
                                       "acquirer": key(org)}
    if verb == "merger":
        title = f"Merger with {org}"
    elif verb == "bought by":
        title = f"Acquired by {org}"
    elif verb == "part of":
        title = f"Now part of {org}"
    else:
        team = subject if subject.lower().split()[0] not in ("we", "we're", "our") else "Team"
        team = _THE.sub("", team)
        title = f"{team[:1].upper() + team[1:]} joins {org}"
    return Found(T.OTHER, metrics, title, at, subtype="acquisition", relational=True,
                 stakeholders=(org,))
