"""News told in chat: a team's own Slack, IRC, Discord or Zulip, in lower case, with @handles,
emoji and no full stops.

Chat says the usual events in fewer words than a post, and the readers built for sentences with
capitalised names miss them. Each family here, with its look-alikes (checked in this module):
- a teammate welcomed (``joined``, ``joined_handle``): "please welcome @sam who joins us as our
  first SRE today", "welcome to the team, _@jit_!", "we have a new developer -> @jit", "@sam is
  our new head of sales", "kai has been added to the team as our first data engineer" (titled
  "Welcomed Sam as first SRE", "Sam joined as Head of Sales", never "Welcome @sam"); not a member
  welcomed to a community or a channel, someone added to a calendar or a drive, a role that is no
  job (moderator, contributor, beta tester), a welcome wished for ("we hope to welcome @sam");
- a teammate leaving, named by a handle or in lower case (``departed``: "@maria is leaving us",
  "kevin's last day was friday"), read by welcomes.py once written as a name; not "left a
  comment", "leaving for lunch", "last day of the sprint";
- a release dropped, out the door or congratulated (``released``): "v3 just dropped 🚀", "we just
  dropped v3!", "finally got 4.2 out the door", "congrats to us all on 1.6.0 release day",
  "congratulations and thanks for cutting the 3.1 release"; not a patch build ("congrats on the
  1.7.1 release"), a member congratulated on their own ("congrats @bob on your 1.0"), another
  product's release ("Rails 8.0 just dropped", "kudos to the Postgres folks for shipping 17.0":
  a named product must carry the company's name or be claimed by "us"), "dropped support";
- a customer signed in two words (``signed``): "globex signed!!! 🎉", "Hooli officially signed the
  order form"; not a question or a wish, another's deal ("Globex signed a deal with Microsoft"),
  a lease or an NDA, a person's offer ("sam signed! starts on the 3rd", read in the message);
- our product down as it happens, before anyone states a duration (``down_now``): "checkout is
  broken for everyone right now", "the site's been down since 9am", "none of our mailing lists
  are currently working", "our lists are down, here's the agenda"; not staging, a laptop,
  maintenance, a retired box or a bare "the build server is down" (an internal tool);
- a milestone count cheered with no verb (``cheered``): "1,000 stars on github!!", "50 customers!!
  🎉", "$1M ARR!!!"; not work items, rooms, old years, small counts, questions or goals.
``veto`` drops, for every reader, who is not the company speaking: a vendor's outage told in
lower case ("github is down for everyone"), a member's own plugin or theme ("my plugin just hit
500 downloads"), a member's news in the first person with our product as their tool ("our app
built with Acme just crossed 10k users", "after migrating to Acme our p95 ..."), and an approval
on the way to a deal ("legal signed off on the msa").
"""

from __future__ import annotations

import re

from signalpipe.extract.rules import welcomes
from signalpipe.extract.rules.common_words import COMMON_WORDS
from signalpipe.extract.rules.found import Context, Found, cased
from signalpipe.extract.rules.lexicon import ROLE
from signalpipe.extract.rules.names import key
from signalpipe.extract.rules.numbers import counts, money, short_count, short_money
from signalpipe.extract.rules.text import lower
from signalpipe.extract.rules.wordscan import any_word
from signalpipe.models import EventType

T = EventType

# What a clause needs before any pattern here runs.
_CHEAP = any_word(("welcom", "added to the team", "added to our team", "say hi", "say hello",
                   "is a new", "is our new", "is the new", "is now a new", "is now our new",
                   "have a new", "got a new", "now have a new",
                   "dropped", "out the door", "congrat", "kudos", "signed"))

# A person as chat names them: "@sam", "_@Esad Cetiner_", "@maxleske", "Sam Ortiz", "priya".
_WHO = (r"(?P<who>_?@[\w.-]{2,30}(?: [A-Z][\w-]+)?_?|[A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?"
        r"|(?<![\w@])[a-z][a-z'-]{1,20})")
# The role as written after "as": "our first SRE", "a \"real\" developer", "Head of Marketing".
_ROLE = (r"(?:our |a |an |the |my )?(?P<role>(?:(?:first|new|founding|\"?real\"?) )?"
         r"[\w\"-]+(?: (?!today\b|tomorrow\b|on\b|starting\b|from\b|at\b|this\b|next\b|in\b"
         r"|and\b|for\b)[\w\"-]+){0,3})")
_TEAM = r"(?:the|our) (?:team|crew|staff|company)\b(?! (?:channel|call|meeting|chat|drive|calendar"
_TEAM += r"|repo|org|thread|doc|sheet|list|page|account|workspace|slack|standup|sync)\b)"
_WELCOMES = (
    # "welcome to the team, @jit!", "welcome aboard @sam"
    re.compile(rf"(?i)\b(?:welcome|welcoming) (?:to {_TEAM}|aboard|on ?board)[\s,!:\-\u2013>]*"
               rf"(?-i:{_WHO})"),
    # "welcome @sam to the team", "say hi to Marco, who joins the team"
    re.compile(rf"(?i)\b(?:welcome|welcoming|say hi to|say hello to) (?-i:{_WHO}) to {_TEAM}"),
    # "please welcome @sam who joins us as our first SRE", "special welcome to @x, first
    # meeting as a real developer"
    re.compile(rf"(?i)\b(?:welcome|welcoming|say hi to|say hello to)(?: to)? (?-i:{_WHO}),?"
               rf" (?:who(?:'s| is| has)? (?:joins|joining|joined) (?:us |the team )?as"
               rf"|(?:joining|joins|joined) (?:us |the team )?as"
               rf"|(?:first|1st) (?:day|week|meeting|standup) as) {_ROLE}"),
    # "we have a new developer -> @jit!", "we've got a new SRE: @kai"
    re.compile(rf"(?i)\bwe(?: have|'ve got| got|'ve| now have) (?:a|two|our) new {_ROLE}"
               rf"\s*(?:->|=>|:|\u2192|-|\u2013|,)\s*(?-i:{_WHO})"),
    # "_@fzipitria_ is a new Co-Lead for our project", "@sam is our new head of sales"
    re.compile(rf"(?i)(?-i:{_WHO}) is (?:now )?(?:a|our|the) new {_ROLE}"),
    # "sam has been added to the team as our first data engineer"
    re.compile(rf"(?i)(?-i:{_WHO}) (?:has been|was|got|just got|has just been) added to {_TEAM}"
               rf"(?: as {_ROLE})?"),
)
# Words a handle-shaped match takes that name no one.
_NOT_PEOPLE = frozenset(["everyone", "everybody", "all", "here", "channel", "team", "folks",
                         "y'all", "yall", "guys", "back", "aboard", "you", "us", "them",
                         "him", "her", "friends", "peeps", "crew", "fam", "welcome", "please"])
# Staff words a chat gives as the role, beside the titles ROLE knows.
_STAFF = re.compile(r"(?i)\b(?:engineer|developer|dev|designer|sre|devops|marketer|recruiter"
                    r"|scientist|analyst|writer|advocate|manager|lead|researcher|accountant"
                    r"|hire|employee|teammate|member of (?:the|our) team|intern|assistant"
                    r"|specialist|coordinator|consultant|architect|admin|administrator|ops"
                    r"|support|success)s?\b")
# Roles that are a community's, not a job (the role's last word: a "customer success manager"
# is staff): moderators, members, testers.
_NOT_JOB = re.compile(r"(?i)\b(?:moderator|mod|member|contributor|tester|beta|ambassador|user"
                      r"|guest|speaker|sponsor|partner|customer|client|investor|volunteer"
                      r"|bot)s?$")
_ACRONYMS = {"sre": "SRE", "cto": "CTO", "ceo": "CEO", "cfo": "CFO", "coo": "COO",
             "vp": "VP", "qa": "QA", "ux": "UX", "ui": "UI", "ml": "ML", "ai": "AI"}


def _person(raw: str) -> str | None:
    """A handle or a name as a title shows it: "@sam" -> "Sam", "_@Esad Cetiner_" -> "Esad
    Cetiner"; None for words that name no one."""
    name = raw.strip("_").lstrip("@").strip("_ ")
    if not name or name.lower() in _NOT_PEOPLE or name.lower() in COMMON_WORDS:
        return None
    return " ".join(w[:1].upper() + w[1:] for w in name.split(" "))


def _role(raw: str | None) -> str | None:
    """The role as a title shows it ("first SRE", "developer"), "" when none is given, None when
    it is no job."""
    if not raw:
        return ""
    role = raw.replace('"', "").strip()
    if role.lower().startswith("real "):
        role = role[5:]
    if _NOT_JOB.search(role) or not (_STAFF.search(role) or ROLE.search(role.lower())):
        return None
    if role.lower().startswith("new "):
        role = role[4:]  # "Welcomed Dana as Head of Marketing", not "as new head of marketing"
    titled = _TITLED.match(role.lower()) is not None
    return " ".join(_ACRONYMS.get(w.lower(), w if not titled or w.lower() in ("of", "and")
                                  else w[:1].upper() + w[1:]) for w in role.split(" "))


# Titles a reader expects in capitals: "Head of Marketing", "VP Sales", "Co-Lead".
_TITLED = re.compile(r"(?:head of|vp|vice president|chief|director|co-?lead|co-?founder"
                     r"|general counsel)\b")


# "starts monday" is the hire, and "welcome @sam" is no member welcomed (community.veto)
_TEAMMATE = frozenset({"plan", "teammate"})


def joined(clause: str, low: str, ctx: Context) -> Found | None:
    """A teammate welcomed or added to the team, told in chat."""
    return _joined(clause, low, handles_only=False)


def joined_handle(clause: str, low: str, ctx: Context) -> Found | None:
    """The same, only for a teammate named by a handle or in lower case ("please welcome
    @sam", "welcome aboard priya"): read before welcomes.py, whose reading of those
    community.veto takes for a member welcomed; a capitalised name keeps welcomes.py's title."""
    return _joined(clause, low, handles_only=True)


# A welcome wished for, not made: "would be great to welcome", "we hope to welcome".
_WISHED = re.compile(r"(?i)\b(?:hope|hoping|plan|planning|would (?:be \w+|love|like)|can'?t wait"
                     r"|looking forward|wish|going to|gonna|want|wanna) to\b"
                     r"[^.!?]{0,20}$|\b(?:we'?ll|will|soon)\b[^.!?]{0,12}$")
_GREETED = re.compile(r"(?i)welcom|say h")  # the post greets: "Welcomed Sam", else "Sam joined"


def _joined(clause: str, low: str, *, handles_only: bool) -> Found | None:
    if _CHEAP.search(low) is None:
        return None
    for pattern in _WELCOMES:
        m = pattern.search(clause)
        if m is None:
            continue
        if _WISHED.search(clause[:m.start() + 1]):
            return None  # "we hope to welcome @sam next month": the hire's "plan" is allowed
        raw = m.group("who")
        if handles_only and not (raw.lstrip("_").startswith("@") or raw.islower()):
            continue
        who = _person(raw)
        role = _role(m.groupdict().get("role"))
        if who is None or role is None:
            continue
        title = (f"Welcomed {who} as {role}" if role else f"Welcomed {who} to the team") \
            if _GREETED.search(m.group()) else \
            (f"{who} joined as {role}" if role else f"{who} joined the team")
        return Found(T.HIRING, {"hire": key(who)}, title, m.start(), allow=_TEAMMATE,
                     stakeholders=(who,))
    return None


# A teammate leaving, named as chat names them: "@maria is leaving us", "kevin's last day was
# friday", "fyi jake left last week". welcomes.py reads departures of capitalised names; the
# handle's "@" and a lower-case name before the verb are written as a name for it.
_AT_HANDLE = re.compile(r"(?<![\w@])@([a-z])")
_LOWER_LEAVER = re.compile(
    r"(?<![\w@])[a-z][a-z'-]{1,20}(?=(?:'s|\u2019s) last day\b| (?:has |have |just |officially "
    r"|finally )*(?:left|is leaving|is moving on|resigned|quit|handed in)\b)")


def departed(clause: str, low: str, ctx: Context) -> Found | None:
    """A teammate leaving, named by a handle or in lower case (welcomes.py reads the rest)."""
    shown = _LOWER_LEAVER.sub(_capital, _AT_HANDLE.sub(_unhandled, clause))
    if shown == clause:
        return None
    found = welcomes.welcome(shown, lower(shown), ctx)
    return found if found is not None and found.negative else None


def _unhandled(m: re.Match[str]) -> str:
    return " " + m.group(1).upper()  # "@maria" -> " Maria": offsets kept


def _capital(m: re.Match[str]) -> str:
    word = m.group()
    if word in COMMON_WORDS or word in _NOT_PEOPLE:
        return word
    return word[:1].upper() + word[1:]


# A release as chat names it: a version ("v3", "2.4", "1.6.0"), maybe after its product.
_VERSION = r"(?:[A-Z][\w-]+ ){0,2}v?\d+(?:\.\d+){1,3}(?:\.x)?|(?:[A-Z][\w-]+ ){0,2}v\d+\b"
_PRODUCT = (rf"(?P<what>{_VERSION}|[A-Z][\w-]+ (?:[\w-]+ )?(?:app|cli|sdk|api|plugin|extension"
            r"|beta|release|update|integration))")
# "v3 just dropped 🚀", "Tilt v3.0 just dropped!": done, then the end or an emoji, no object.
_DROPPED = re.compile(
    rf"{_PRODUCT} (?:has |have |is )?(?:just |finally |officially |now )*(?:dropped"
    r"|out the door|gone out the door|went out the door)(?=\s*(?:[!.:,\u2600-\u27bf\U0001f300-"
    r"\U0001faff]|$|today\b|this morning\b|tonight\b|yesterday\b|last night\b|for (?:everyone"
    r"|all)\b|and\b))")
# "we just dropped v3!", "we finally cut 2.0 🎉": the team as the subject, the release as object
_WE_DROPPED = re.compile(
    rf"(?i)\bwe(?:'ve| have)? (?:just |finally |officially )*(?:dropped|cut|tagged)"
    rf" (?-i:{_PRODUCT})"
    r"(?=\s*(?:[!.:,\u2600-\u27bf\U0001f300-\U0001faff]|$|today\b|this morning\b|tonight\b))")
# "got 4.2 out the door", "shipping 3.0 out the door"
_OUT_THE_DOOR = re.compile(rf"(?i)\b(?:got|get|getting|gotten|pushed|shipped|shipping) "
                           rf"(?-i:{_PRODUCT}) out the door\b")
# "congrats to us all on 1.6.0 release day", "congratulate us all on the DSpace 4.0 release",
# "congratulations and thanks for cutting the 3.1 release"
_CONGRATS = re.compile(
    r"(?i)\b(?:congrat\w*|kudos)\b(?P<to>[^.!?]{0,40}?)\b(?:on|for) (?:the |our )?"
    r"(?P<act>(?:shipping|cutting|releasing|launching|getting out|finishing) (?:the |our )?)?"
    rf"(?-i:{_PRODUCT})(?P<kind> release| launch| release day|!|$)?")
# Who is congratulated: all of us (our release), not one member on their own work.
_US_ALL = re.compile(r"(?i)\b(?:us|us all|all of us|everyone|everybody|all|the team|team"
                     r"|y'?all|folks|each of you|you all)\b")
_THEIRS = re.compile(r"(?i)\b(?:your|their|his|her)\b|@")


def released(clause: str, low: str, ctx: Context) -> Found | None:
    """A release told in chat: dropped, out the door, or the team congratulated on it."""
    if _CHEAP.search(low) is None:
        return None
    m = _DROPPED.search(clause) or _OUT_THE_DOOR.search(clause) or _WE_DROPPED.search(clause)
    if m is None:
        m = _CONGRATS.search(clause)
        if m is None or _THEIRS.search(m.group("to")) \
                or not (_US_ALL.search(m.group("to")) or m.group("act")):
            return None
        if not (m.group("kind") or m.group("act")) and not _has_version(m.group("what")):
            return None
    what = m.group("what").strip()
    if what.lower().split(" ")[0] in COMMON_WORDS or _PATCH.search(what) \
            or not _our_release(what, clause[:m.start("what")], m.groupdict().get("to"), ctx):
        return None
    title = f"Released version {what}" if what[:1].isdigit() else f"Released {what}"
    # "I do want to congratulate us all on the 4.0 release": the wish is the congratulation's
    return Found(T.PRODUCT_LAUNCH, {"product": key(what)}, title, m.start(),
                 allow=_PLAN if m.re is _CONGRATS else frozenset())


_PLAN = frozenset({"plan"})
_US = re.compile(r"(?i)\bus\b")
_VERSION_ONLY = re.compile(r"^v?\d[\d.x]*$")
_LAST_WORD = re.compile(r"([A-Za-z][\w.-]*)\W*$")
_CAPITALISED = re.compile(r"\b[A-Z][\w.-]+")


def _our_release(what: str, before: str, to: str | None, ctx: Context) -> bool:
    """The release is the company's: its product named with the company's name, or a bare
    version ("v3 just dropped") not after another product's name ("python 3.12", "Rails 8.0"),
    and no one else congratulated ("kudos to the Postgres folks")."""
    company = ctx.company
    named = " ".join(w for w in what.split(" ") if not _VERSION_ONLY.match(w))
    if to and company is not None and any(not company.search(n.group())
                                          for n in _CAPITALISED.finditer(to)):
        return False
    if named:
        # "congratulate us all on the DSpace 4.0 release": "us" claims a product of ours
        return (company is not None and company.search(named) is not None) \
            or (to is not None and _US.search(to) is not None)
    last = _LAST_WORD.search(before)
    word = last.group(1) if last else ""
    if not word or word.lower() in COMMON_WORDS or word.lower() in _RELEASE_WORDS:
        return True
    return company is not None and company.search(word) is not None


# words that may stand before a bare version without naming another product
_RELEASE_WORDS = frozenset(["congrats", "congratulations", "kudos", "shipping", "cutting",
                            "releasing", "launching", "finishing", "got", "get", "getting",
                            "gotten", "pushed", "shipped", "release", "version", "here",
                            "everyone", "all", "team", "folks", "finally", "yay", "woo",
                            "boom", "omg", "ok", "okay", "btw", "fyi", "update", "news", "and",
                            "dropped", "cut", "tagged"])
_DIGIT = re.compile(r"\d")
# A bug-fix build is no launch ("congrats on the 1.7.1 release"): its third number is not 0.
_PATCH = re.compile(r"\d+\.\d+\.(?!0\b)\d+\b")


def _has_version(what: str) -> bool:
    return _DIGIT.search(what) is not None


# "acme signed!!! 🎉", "Globex just signed the order form", "initech officially signed today":
# the customer opens the clause and nothing but a time or the paper follows the verb.
_SIGNED = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|omg|yes+|yay|woo+|boom|update|news|guess what|breaking)"
    r"[\s,!:.]+)*(?P<who>[A-Za-z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2}) (?:has |have )?"
    r"(?:just |finally |officially |actually |now )*signed"
    r"(?:\s+(?:today|this morning|this afternoon|tonight|yesterday|last night|with us"
    r"|on the dotted line|(?:the|their|our) (?:contract|order form|msa|deal|paperwork"
    r"|agreement|po|renewal|sow)))*\s*(?=[!.,:\u2600-\u27bf\U0001f300-\U0001faff]|$)")
# Who signs and is no customer: us, a person, the team's own roles.
_NOT_CUSTOMERS = frozenset(["we", "i", "they", "she", "he", "it", "legal", "everyone", "you",
                            "who", "that", "which", "finance", "someone", "somebody", "all",
                            "contract", "offer", "nda", "candidate", "hire", "founder",
                            "ceo", "cto", "lawyer", "lawyers", "counsel", "board"])
# The sentence before talks of a candidate or an offer: a person signed, not a customer.
_HIRE_TALK = re.compile(r"(?i)\b(?:offer|candidate|hire|hiring|recruit|new joiner|start date"
                        r"|starts on|starting on|first day|lease|nda|base|equity|salary)\b")
# Marks the bare reading, which ``veto`` checks against the whole message (a detector sees one
# sentence: "sam signed! starts on the 3rd" tells of the person only after the "!").
_BARE = "bare signature"


def signed(clause: str, low: str, ctx: Context) -> Found | None:
    """A customer's signature told bare in chat."""
    if "signed" not in low:
        return None
    m = _SIGNED.search(clause)
    if m is None:
        return None
    who = m.group("who").strip()
    first = who.lower().split(" ")[0]
    if first in _NOT_CUSTOMERS or first in COMMON_WORDS or _HIRE_TALK.search(ctx.before) \
            or _HIRE_TALK.search(ctx.sentence or clause):
        return None
    name = cased(who)
    return Found(T.ENTERPRISE_DEAL, {"customer": key(name)}, f"Signed {name}",
                 m.start("who"), relational=True, allow=frozenset({_BARE}))


# Our system down as chat tells it, with no duration yet: "the site's been down since 9am",
# "checkout is broken for everyone right now", "our mailing lists are all down", "we're down 🔥".
_SYSTEM = (r"(?:site|website|app|api|apis|dashboard|platform|service|checkout|login|logins"
           r"|sign-?ups?|sign-?ins?|mailing lists?|servers?|database|db|prod|production|payments?"
           r"|search|sync|webhooks?|uploads?|emails?|notifications?|editor|portal)")
_DOWN_NOW = re.compile(
    rf"(?i)\b(?P<what>(?:our|the) (?:[\w-]+ )?{_SYSTEM}|{_SYSTEM}|we)(?:'s|\u2019s|'re|\u2019re"
    r"| is| are| has been| have been|'s been|\u2019s been|'ve been| went| got)"
    r" (?:all |completely |totally |fully |still |now )?(?P<state>down|broken|offline|unreachable"
    r"|not working|not loading|hacked)\b(?P<rest>[^.?]{0,80})")
# What tells the outage is live and felt: a start, the people hit, the team on it, alarm (a bare
# "the build server is down" may be an internal tool no customer sees).
_LIVE = re.compile(r"(?i)^\s*(?:\U0001f525|:fire:|\U0001f6a8|:rotating_light:)|\bsince\b"
                   r"|\bfor (?:everyone|everybody|all|every|most|many|some|\d+%)|\bcustomers?\b"
                   r"|\busers?\b|\bright now\b|\bwe'?re on it\b|\binvestigating\b"
                   r"|\blooking into\b|\ball hands\b|\bcurrently\b"
                   # a workaround given: "our lists are down, here's the agenda", "use email"
                   r"|^\s*[,;:\u2013-]\s*(?:here'?s|here is|please use|use|ping|email|so)\b")
# Where a "down" is no outage of the product: a test setup, a laptop, a plan, a figure.
_NOT_LIVE = re.compile(r"(?i)\b(?:staging|dev|local|localhost|test|testing|ci|sandbox|demo"
                       # a release note's fixed bug: "Fixed: the dashboard is broken for ..."
                       r"|fixed|fix(?:es)?:|resolved|regression|known issue|workaround for"
                       r"|my (?:internet|wifi|laptop|machine|computer|phone)|maintenance"
                       r"|planned|scheduled|will be|by \d|to \d|\d+%)\b|\bdown (?:to|by|from)\b")


_NEGATION = frozenset({"negation"})
_DOWN_WORDS = any_word(("down", "broken", "offline", "working", "hacked", "unreachable",
                        "loading"))


def down_now(clause: str, low: str, ctx: Context) -> Found | None:
    """Our product down, broken or hacked, told as it happens (no duration stated yet)."""
    if _DOWN_WORDS.search(low) is None:
        return None
    m = _DOWN_NOW.search(clause) or _NONE_WORKING.search(clause)
    if m is None or _NOT_LIVE.search(ctx.sentence or clause):
        return None
    what, state = m.group("what"), m.group("state").lower()
    if what.lower() == "we" and state not in ("down", "hacked"):
        return None
    if state != "hacked" and not _LIVE.search(m.group("rest")) \
            and not (state == "working" and _LIVE.search(m.group())):
        return None
    said_none = state == "working"  # "none of ... working": the negation is the outage
    if said_none:
        state = "not working"
    subject = "Systems" if what.lower() == "we" else what.split(" ", 1)[-1] \
        if what.lower().startswith(("our ", "the ")) else what
    subject = subject[:1].upper() + subject[1:]
    if state == "hacked":
        return Found(T.COMPLIANCE, {"incident": "security"}, f"Security incident: {subject} hacked",
                     m.start(), negative=True)
    since = _SINCE.search(m.group("rest"))
    when = since.group(1) if since else ""
    # "since Tuesday", "since 9am"; "yesterday" and "this morning" are dropped from a title
    # by the polish that dates it (titles.py), so they are not said
    when = when.title() if when in _WEEKDAYS else when if when[:1].isdigit() else ""
    title = f"Outage: {subject} {state}" + (f" since {when}" if when else "")
    return Found(T.TECHNICAL_ACHIEVEMENT, {"incident": "outage"}, title, m.start(), negative=True,
                 allow=_NEGATION if said_none else frozenset())


# "none of our mailing lists are currently working"
_NONE_WORKING = re.compile(
    rf"(?i)\bnone of (?P<what>(?:our|the) (?:[\w-]+ ){{0,3}}?{_SYSTEM}) (?:are|is) (?:currently "
    r"|still |now )?(?P<state>working)\b(?P<rest>[^.?]{0,80})")
_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday"])
_SINCE = re.compile(r"(?i)\bsince ((?:\d{1,2}(?::\d\d)?\s?(?:am|pm)?|yesterday|last night|this "
                    r"morning|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)")


# A count cheered with nothing else: "1,000 stars on github!!", "50 customers!! 🎉", "$1M ARR!!!",
# "500 signups since launch day!!". The count opens the clause (a goal, a question, someone
# else's count or "bugs left" put other words first or after), its noun is one the update
# reports, and the cheer follows it.
_CHEERED = re.compile(
    r"(?i)^[^\w$]{0,4}(?:(?:we(?:'re| are) (?:now )?at|now at|officially|just (?:hit|passed"
    r"|crossed))\s+)?(?P<fig>\$?\d[\d,.]*\s?(?:k|m|million)?)\s+(?P<noun>paying customers"
    r"|paid customers|customers|logos|active users|users|sign-?ups|paid subscribers|subscribers"
    r"|github stars|stars|downloads|installs|mau|dau|wau|arr|mrr)\b"
    r"(?:\s+on (?:github|the app store|product hunt|npm|pypi|the marketplace))?"
    r"(?:\s+since (?:launch(?: day)?|we launched|the launch))?(?:\s+and counting)?"
    r"\s*(?:!|[\u2600-\u27bf\U0001f300-\U0001faff]|:(?:tada|rocket|fire|partying_face"
    r"|champagne|star2?|raised_hands|muscle|clap):)")
# noun -> (metric, the least count that is news)
_COUNTED = {"paying customers": ("paying_customers", 10),
            "paid customers": ("paying_customers", 10),
            "customers": ("customers", 10), "logos": ("customers", 10),
            "active users": ("users", 1000), "users": ("users", 1000),
            "signups": ("signups", 100), "sign-ups": ("signups", 100),
            "paid subscribers": ("paid_subscribers", 100), "subscribers": ("subscribers", 100),
            "github stars": ("github_stars", 500), "stars": ("github_stars", 500),
            "downloads": ("downloads", 1000), "installs": ("installs", 1000),
            "mau": ("mau", 1000), "dau": ("dau", 1000), "wau": ("wau", 1000)}


def cheered(clause: str, low: str, ctx: Context) -> Found | None:
    """A milestone count cheered in chat with no verb."""
    m = _CHEERED.search(clause) if low[:6].lstrip(" \t*_>-:").startswith(_OPENERS) \
        or low[:1].isdigit() or low[:1] == "$" else None
    if m is None:
        return None
    noun, raw = m.group("noun").lower(), m.group("fig").strip()
    if noun in ("arr", "mrr"):
        amounts = money(raw if raw.startswith("$") else f"${raw}")
        if not raw.startswith("$") or not amounts or amounts[0].value < 10_000:
            return None
        value = amounts[0].value
        return Found(T.REVENUE_MILESTONE, {f"{noun}_usd": round(value)},
                     f"{noun.upper()} reached {short_money(value)}", m.start("fig"))
    figures = counts(raw)
    metric, floor = _COUNTED[noun]
    if raw.startswith("$") or not figures or figures[0].value < floor:
        return None
    value = figures[0].value
    label = "GitHub stars" if metric == "github_stars" else noun
    return Found(T.USER_GROWTH, {metric: round(value)}, f"{short_count(value)} {label}",
                 m.start("fig"))


_OPENERS = ("we", "now", "off", "just", "1", "2", "3", "4", "5", "6", "7", "8", "9", "$")


# Vendors whose outage a chat reports in lower case: not ours ("github is down for everyone").
_VENDOR_DOWN = re.compile(
    r"(?i)\b(?:github|gitlab|aws|gcp|azure|cloudflare|slack|heroku|vercel|netlify|stripe|openai"
    r"|anthropic|twilio|okta|fastly|supabase|discord|zoom|google|gmail|npm|pypi|docker ?hub"
    r"|circleci|jira|notion|figma|sentry|datadog|linear|render|fly\.io|digitalocean"
    r"|us-east-1)\b")
# A member's own work on the platform, said as theirs: "my plugin", "my theme", "my fork" (a
# founder's "my side project" may be the business itself: test_rules_forecasts).
_MY_OWN = re.compile(
    r"(?i)\bmy (?:little |new |first |own )?(?:plugin|extension|theme|template|fork|mod|bot"
    r"|wrapper|integration|starter kit|boilerplate)s?\b")


# A member speaking of their own work with the company's product as their tool: "our app built
# with Tilt", "we build on Tilt", "our Tilt-powered dashboard", "after migrating to Tilt our p95
# ...", "just benchmarked Tilt against our old setup". The company names its product as the thing
# made, never as the tool it builds with; the name is checked against the company's own.
_AS_TOOL = re.compile(
    r"(?i)\b(?:built (?:it )?(?:with|on(?: top of)?)|build(?:ing)? (?:it )?(?:with|on(?: top of)?)"
    r"|running on|runs on|powered by|using|migrat\w+ (?:\w+ )?to|switch\w* (?:\w+ )?to"
    r"|mov\w+ (?:\w+ )?to|adopt\w*|benchmark\w*|thanks to|thanks for)"
    r" (?P<tool>[\w.-]+(?: [\w.-]+)?)|(?P<powered>[\w.]+)-(?:powered|based)\b")
_SPEAKER = re.compile(r"(?i)\b(?:we|we're|we've|our|us|i|i'm|i've|my)\b")


def _member_using_us(clause: str, company: re.Pattern[str] | None) -> bool:
    """The clause is a member's, in the first person, using the company's product as a tool."""
    if company is None or not _SPEAKER.search(clause):
        return False
    for m in _AS_TOOL.finditer(clause):
        tool = m.group("tool") or m.group("powered") or ""
        if company.search(tool):
            return True
    return False


# "legal signed off on the msa": a step towards the deal.
_SIGNED_OFF = re.compile(r"(?i)\bsign(?:ed|s|ing)? off\b")


def veto(found: Found, clause: str, text: str, company: re.Pattern[str] | None) -> str | None:
    """Why a reading is chat about someone else's system or a member's own project, or a
    person's signature (``text``, the message, talks of a hire), or None."""
    head = clause[:found.trigger + 40]
    if _MY_OWN.search(head):
        return "a member's own project"
    if not found.negative and not found.relational and _member_using_us(clause, company):
        return "a member's own news, built with the company's product"
    if found.event_type is T.ENTERPRISE_DEAL and not found.negative \
            and _SIGNED_OFF.search(clause):
        return "an approval on the way to a deal, not a signature"
    if _BARE in found.allow and len(text) < 400 and _HIRE_TALK.search(text):
        return "a person signed an offer, not a customer a deal"
    if found.event_type is T.TECHNICAL_ACHIEVEMENT and found.negative:
        vendor = _VENDOR_DOWN.search(clause[:found.trigger + 1] or clause)
        if vendor and not (company is not None and company.search(vendor.group())) \
                and "our " not in clause[:vendor.start()].lower()[-12:]:
            return f"a vendor's outage ({vendor.group()})"
    return None
