"""Vetoes for chatter: what a team's own Slack and mail say around events without stating one.

Most of what the product reads is a startup's chatter, and chatter is full of event words that
report nothing: to-do items ("Follow up with the churned accounts"), goals under a "Today's
goals:" heading, jokes ("we closed a $10M Series A... in my dreams"), test posts, PR and commit
lines, invitations that are not yet coverage, community polls and schedules "going live",
giveaway prizes, habits ("gets a new customer every week"), vendors' automated reports ("Your
error rate has dropped"), bills, drafts, news passed on, signatures after a sign-off, and code
pasted between fences. Each check below names a phrasing family, not a message;
``chatter_veto`` runs them on a reading that passed every other check. ``blank_code`` and
``dump`` keep pasted code and 1 MB dumps (a few words repeated) from being read at all.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.coverage import already_done
from signalpipe.extract.rules.found import Found
from signalpipe.extract.rules.layout import blank
from signalpipe.extract.rules.text import Span
from signalpipe.models import EventType

T = EventType

# "yeah right", "in my dreams", "sure, and I'm the new CEO of Google": said, not done.
SARCASM = re.compile(
    r"(?i)\bin (?:my|your|our|his|her|their) (?:wildest )?dreams\b|\byeah,? right\b"
    r"|^\W*sure,? and (?:i'?m|i am|we'?re|we are|i'?ll|we'?ll)\b|\bas if\b[^.!?]{0,40}$"
    r"|\bdream on\b|\b(?:lol|haha|lmao),? (?:no|nope|not)\b|\bsaid no one ever\b"
    r"|\b(?:a (?:man|girl|guy|founder)|one) can dream\b|\bif only\b|\bi wish\b|\bwe wish\b"
    r"|(?:^|\s)/s\b")
# A post that says it is a test: "Test: ...", "(ignore, testing the webhook)".
TEST_POST = re.compile(
    r"(?i)^\W{0,3}(?:test(?:ing)?(?:[ ,]+test(?:ing)?)*\b\s*[:!,\-\u2013]|\[test\])|\bignore\s*[:!]"
    r"|\btesting (?:the|our|a|this|my|that)"
    r" (?:\w+ )?(?:webhook|integration|bot|alert|pipeline|connector|setup|hook|feed|channel"
    r"|notification|extractor|import|sync|workflow)s?\b|\bplease ignore\b|\bignore (?:this|me"
    r"|that)\b|\(ignore\b|\bthis is (?:just |only )?a test\b")
# A pull request, issue or commit line: "#19326 - async MCP discovery: introduces ...",
# "PR 412: adds ...", "feat(api): ...". Routine work (shared LABELLING.md), whatever it adds.
PR_LINE = re.compile(
    r"(?i)^\W{0,3}(?:#\d{3,}\b|(?!(?:19|20)\d\d\b)\d{4,}\s*[\u2013\u2014:-]\s"
    r"|(?:pr|pull request|issue|mr|commit) ?#?\d+\b"
    r"|(?:feat|fix|chore|docs|refactor|perf|test|ci|build|style)(?:\([^)\n]{0,30}\))?!?:\s"
    r"|(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}\s)")
# A to-do item: an imperative opens the sentence ("Follow up with ...", "Reach out to Sequoia",
# "Close the deal with Globex", "Hire a head of sales"). Base forms that are also past tenses
# ("hit", "cut", "put", "set") and invitations to the reader ("check out", "meet", "welcome")
# are left alone: "Hit $10k MRR today!" and "Meet our new CTO" report events.
TODO = re.compile(
    r"(?i)^\W{0,4}(?:\d{1,2}[.)]\s*)?(?:\((?:stretch|maybe|optional|bonus)\)\s*)?(?:"
    r"follow[ -]up|reach out|figure out|look into|find out|circle back|touch base|sync with"
    r"|talk to|chase|nudge|ping|ask|try to|work on|finish\b|prepare|prep|draft"
    r"|remind (?:me|us) to|don'?t forget to|note to self|make sure (?:to|we)|need to|have to"
    r"|gotta|must (?!read|see|have|watch|try)"
    r"|(?:receive|earn|migrate|meet with|reach (?:code|my|our|\$?\d))\b"
    r"|(?:close|sign|launch|ship|hire|raise|reach|land|secure|book|schedule|send|write"
    r"|email|call|contact|plan|start|apply for|submit|finalize|finalise"
    r"|onboard|release|publish|announce|grow|double|hit up)"
    # a version after the verb is a heading, not an order: "Release 5.2: startup is 2.5x faster"
    r" (?:the|a|an|our|my|their|his|her|them|him|us|everyone|all|some|more|another|\$\d"
    r"|\d(?!\d*\.\d)|first"
    r"|new|next|v\d|with|to|up|out|for|on|about|back|in)\b)")
# A section whose heading sets goals or plans: what is listed under it has not happened.
PLAN_HEAD = re.compile(
    # "## Launching a paid plan for stagetimer.io" names a pricing plan, not plans
    r"(?i)\bgoals?\b|(?<!paid )(?<!pro )(?<!free )(?<!premium )(?<!team )(?<!pricing )"
    r"\bplans? for\b|\bplanning\b|\bto-?dos?\b|\bto do\b|\bnext steps?\b"
    r"|\bup next\b|\bwhat['\u2019]?s (?:next|left)\b|\bcoming (?:soon|up|next)\b"
    r"|\bupcoming\b|\broadmap\b|\bpriorities\b|\bwish ?list\b|\bobjectives?\b|\bokrs?\b"
    r"|\bfocus (?:for|areas?)\b|\bwhat to expect\b|\baction items?\b"
    r"|\bnext (?:month|week|quarter|year)\b")
# ... unless the heading reviews goals rather than sets them ("Goal grades", "Goal for August:
# Failed", "let's recap goals").
PLAN_REVIEW = re.compile(r"(?i)\b(?:grades?|graded|results?|recap|review|reviewed|failed|missed"
                         r"|hit|met|achieved|reached|done|progress|yesterday|last|no more"
                         r"|how did|retro\w*|look(?:ing)? back)\b")
_HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t].*|\*\*[^*\n]{2,80}\*\*:?[ \t]*|[^\n]{2,100}:[ \t]*)$")
# A label line without a colon, right above a list: "Objectives for Q2".
_LABEL = re.compile(r"^[ \t]*[^\n.!?]{2,50}$")
_ITEM = re.compile(r"^[ \t]*(?:[-*+\u2022]|\d{1,2}[.)])[ \t]")
_PLAN_HINTS = ("goal", "plan", "to-do", "todo", "to do", "next", "left", "coming", "roadmap",
               "priorit", "wish", "objective", "action", "okr", "focus", "expect")
# Gatherings and community posts "go live" without anything being launched: "Poll day is here",
# "The GRCon schedule is live", "The AMA is live", "the submissions portal is live".
GATHERING = re.compile(
    r"(?i)\b(?:polls?|surveys?|quiz|ama|q&a|schedule|agenda|program(?:me)?|registration"
    r"|call for (?:papers|proposals|abstracts|speakers)|cfp|hackathon|meetup|webinar|livestream"
    r"|live ?stream|office hours|workshop|conference|summit|talks?|keynote|recordings?|slides"
    r"|contest|giveaway|raffle|sweepstakes?|submissions?|voting|vote|ballot|standup|stand-up"
    r"|all-hands|town ?hall|party|happy hour|installers|binaries|binary packages|nightly builds?"
    r"|wheels|docker images?|side project|hobby project|weekend project|pet project"
    r"|personal project|toy project|school project|class project|working groups?|task ?force"
    r"|committees?|chapters?|user groups?|interest groups?|study groups?|book ?club|channels?"
    r"|forums?|mailing lists?|discord server|slack (?:workspace|community))\b"
    # ... unless a product noun follows: "the registration page", "the poll feature"
    r"(?! (?:feature|integration|support|api|app|tool|builder|management|page|editor|view"
    r"|sync|connector|plugin|module|endpoint|sdk|widget)s?\b)"
)
# ... nor a forum given a product's name after the verb: "Acme launches Acme Forum" (not "our
# community forum", not "the Acme Summit")
NAMED_FORUM = re.compile(r"\b(?i:launch\w*|introduc\w*|unveil\w*|open\w*) (?:the |a |its |our )?"
                         r"(?:[A-Z][\w.-]* )+Forums?\b")
# Released to be tried before it is: "please test against it before we submit to CRAN".
NOT_YET = re.compile(r"(?i)\bbefore (?:we|it|they|i) (?:submit|release|publish|ship|push|tag"
                     r"|announce)")
# Steps towards coverage, not coverage: "got invited on the X podcast", "booked a slot on",
# "agreed to review", "asked me to come on their show".
MEDIA_STEP = re.compile(
    r"(?i)\binvit(?:ed|es|ing|ation)(?: (?:me|us|him|her|them))? (?:on|onto|to|for)\b"
    r"|\bbooked (?:a |an |in |on |for )|\bagreed to (?:review"
    r"|feature|cover|interview|write|profile|have)\b|\basked (?:me|us|him|her|them) to (?:come"
    r"|join|be|appear|speak|talk|write|guest)\b")
# Prizes of a community contest are no award won: "the top three answers get swag", "won't be
# included in the prize count".
GIVEAWAY = re.compile(r"(?i)\b(?:giveaway|raffle|sweepstakes?|swag|prize (?:count|draw|pool)"
                      r"|win a\b|top reactions|contest|lucky draw|rewards? (?:are|is) (?:for"
                      r"|intended)|internal (?:\w+ )?(?:award|prize)"
                      r"|in-house (?:\w+ )?(?:award|prize)"
                      r"|(?:employee|team|hire) of the (?:week|month|quarter|year))")
# A habit is no event: "which gets a new customer every two weeks", "we usually sign one a month".
HABIT = re.compile(r"(?i)\bevery (?:\w+ )?(?:few |couple of |other )?(?:minutes?|hours?|days?"
                   r"|weeks?|months?|quarters?)\b")
# ... or an adverb of habit right before the verb ("we usually sign one a month"), not anywhere
# in the clause ("Globex, which usually takes months, signed in two weeks").
HABIT_VERB = re.compile(r"(?i)\b(?:usually|typically|normally|generally|regularly|always"
                        r"|tends? to)\s+(?:\w+\s+)?$")
# A vendor's automated report speaks to us about our numbers: "Your application error rate has
# dropped", "Your monthly active users grew 40%": a notice, not an event we report.
YOURS = re.compile(r"(?i)(?:^|[.:!]\s+)\W{0,3}your\b")
# A figure in an aside that only describes: "my email subscribers (~900 and counting!)".
ASIDE = re.compile(r"\(\s*(?:~|\u2248|approx\w*\.? |about |around |roughly |circa |ca\. )")
_CODE_FENCE = re.compile(r"```.*?(?:```|\Z)|~~~.*?(?:~~~|\Z)", re.DOTALL)

# An event's turnout is no user base: "our webinar had a record 500 registrations".
TURNOUT = re.compile(r"(?i)\b(?:attendees|attendance|registrants|registrations|rsvps|participants"
                     r"|turnout|viewers|live viewers|spectators)\b")
# A bill or receipt someone sends us: "Your subscription has been renewed ... Amount charged".
BILLING = re.compile(r"(?i)\byour (?:subscription|plan|license|licence|account|order|contract"
                     r"|renewal|invoice|payment|trial|membership|card)\b|\bamount (?:charged|due"
                     r"|paid)\b|\breceipt\b|\binvoice\b|\bbilling (?:period|cycle)\b"
                     r"|\bcard ending\b|\bpayment (?:received|confirmation|failed)\b")
# Copy not yet published: "Attached is the draft press release: 'Acme raises $20M'".
DRAFT = re.compile(r"(?i)\bdraft(?:s|ed|ing)?\b|\bproposed (?:copy|wording|text|headline)\b"
                   r"|\bwording for\b|\bfor (?:your )?(?:review|approval|sign-?off)\b")
# News passed on, not made: "FW: Acme closes $50M round -- thought you'd find this interesting".
SHARED = re.compile(r"(?i)\bthought you(?:'?d| would| might) (?:find|like|enjoy|want|be)"
                    r"|\binteresting (?:read|article|piece|story|thread)\b|\bworth (?:a )?read"
                    r"|\bsaw this\b|\bcame across (?:this|an?)\b|\bh/t\b|\bhat tip\b"
                    r"|\bin case you missed (?:it|this)\b|\bfyi,? (?:this|an?) (?:article|story"
                    r"|piece|post)\b")
# Someone close to us is not us: "My cousin's startup got into YC and raised $2M."
KIN = re.compile(r"(?i)\b(?:my|our|his|her|their|a|an) (?:cousin|friend|brother|sister|dad|mom"
                 r"|mum|father|mother|uncle|aunt|wife|husband|roommate|flatmate|neighbou?r"
                 r"|ex-?colleague|former colleague|old boss|buddy|mate|classmate|mentor)"
                 r"(?:'s|\u2019s|s') (?:\w+ )?(?:startup|company|business|side project|shop"
                 r"|agency|team|firm|app)\b")
# Documents go "live in" a tool, not in a market: "the orientation doc is live in Notion".
IN_A_TOOL = re.compile(r"(?i)\b(?:live|up|available|posted|uploaded) (?:in|on) (?:the )?(?:notion"
                       r"|confluence|google (?:drive|docs|sheets)|drive|dropbox|slack|jira|linear"
                       r"|figma|github|gitlab|airtable|coda|wiki|data ?room|shared (?:drive"
                       r"|folder)|sharepoint|box|loom|miro|asana|trello|hubspot|salesforce)\b")
# A launch someone else made, named as theirs: "what Vercel just shipped for OC".
THEIRS = re.compile(r"\bwhat [A-Z][\w.-]+(?: [A-Z][\w.-]+)? (?:just |recently |has |have |had )?"
                    r"(?:shipped|launched|released|announced|unveiled|rolled out|dropped|built)\b")
# An announcement of a dated happening: "Announcing NEWSDR 2021 on Friday August 20".
DATED = re.compile(r"(?i)^announc\w*\b.{0,80}?\b(?:on|at)[\s\u200b-\u200d\u2060\ufeff]+"
                   r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                   r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2})")
# The message is about a pre-release: what its body says "now supports" is not yet released.
PRE_RELEASE = re.compile(r"(?i)\bpre-?release\b|\brelease candidate\b|\brc ?\d+\b|\bnightly\b"
                         r"|\bsnapshot\b|\bbeta (?:build|test)|\bearly release\b")
# ... unless the sentence says the release is final: "is now out of beta!"
_FINAL = re.compile(r"(?i)\bout of (?:beta|preview|alpha)\b|\bgenerally available\b"
                    r"|\bgeneral availability\b|\bstable release\b|\bfinal release\b")
# Joining another company is their hire: "I'm excited to share that I have joined Swiss Re as
# Head of Analytics" (said in a public list, or by a friend of the team).
JOINED = re.compile(r"\bjoin(?:ed|s|ing) (?!us\b|the\b|our\b|my\b|a\b|an\b)([A-Z][\w&.'-]+"
                    r"(?: [A-Z][\w&.'-]+){0,3}) as\b")
# A purpose, not a result: "The first is to get on the front page", "the plan was to raise".
PURPOSE = re.compile(r"(?i)\b(?:is|was|are|were|'s) to (?:get|hit|reach|launch|land|close|sign"
                     r"|raise|hire|grow|double|triple|ship|make|win|become|build|release|open"
                     r"|expand|cross|break|pass|secure|find|partner)\b"
                     # "my goal was to get 3 more users, but I only got one": the goal missed
                     r"(?![^.;]{0,80}\bbut (?:i|we|it) (?:only|just|didn'?t|did not|never)\b)")
# A figure named as where one is heading: "Journey to $1000 MRR", "our road to 10k users".
PURSUIT = re.compile(r"(?i)\b(?:journey|road|path|race|quest|march|push|climb|sprint|way|run)"
                     r" to(?:wards?)? (?:the |a |our )?[$\u20ac\u00a3]?\d|\btowards? (?:the |a "
                     r"|our )?[$\u20ac\u00a3]?\d")
# ... unless the journey is told as done: "what we learned on our journey to $10,000 MRR".
_ARRIVED = re.compile(r"(?i)\b(?:learn(?:ed|t)|lessons|how we|what it took|reached|crossed"
                      r"|made it|looking back)\b")
# A post's lead that dates its launch ahead: "Shipping later this month, Val Town v3 is ...",
# "Profiles launch as soon as they are shiny" ...
FUTURE_LEAD = re.compile(r"(?i)\b(?:ship(?:s|ping)?|launch(?:es|ing)?|available|coming|rolling out"
                         r"|arriv(?:es|ing)|lands?|landing|goes live|going live|release[sd]?)\b"
                         r"[^.\n]{0,30}?\b(?:later (?:this|today)|next (?:week|month|quarter)"
                         r"|soon\b|in the coming|as soon as|in (?:a few|two|three) (?:days|weeks))")
# ... unless it says something is out now.
OUT_NOW = re.compile(r"(?i)\b(?:available (?:today|now)|now (?:available|live)|is (?:now )?(?:live"
                     r"|out)\b|out now|live today|launch(?:ed|es) today|ships? today)")
# ... or the reading says it happened: "In the last two weeks, we launched Pull Requests".
_DONE = re.compile(r"(?i)\b(?:launched|shipped|released|rolled out|went live|relaunched"
                   r"|is (?:now )?(?:live|out|available))\b")
_LEAD = 400  # characters: a post's first lines
# "you" in a founder's story is anyone: "the APA, which you sign when the deal closes".
GENERIC_YOU = re.compile(r"(?i)\b(?:you|one) (?:sign|raise|close|hire|launch|get|hit|reach"
                         r"|land|win|cross|ship)\b")
# A title in quotes names a thing: a course called "Hit the Front Page of Hacker News".
_TITLED = re.compile(r"\b(?:called|titled|entitled|named)\s+(?:\[|\*|_)?[\"\u201c\[]"
                     r"([^\"\u201d\]]{2,120})")
# A measurement on someone's own bench is no result shipped: "We saw 3x faster syncs on our
# side", "in our benchmarks the new engine is 3x faster", "on my laptop".
OWN_BENCH = re.compile(r"(?i)\bon (?:our|my) (?:side|end|machine|laptop|box|setup|cluster)\b"
                       r"(?! projects?)"
                       r"|\bin (?:our|my) (?:tests?|testing|benchmarks?|setup|environment"
                       r"|experiments?|poc|sandbox|trials?)\b|\blocally\b")
# A pull request talked about: "Can someone review my PR #4512? It launches the new source."
PR_TALK = re.compile(r"(?i)\b(?:pr|pull request|mr|merge request) ?#?\d+\b|#\d{3,}\b"
                     r"|\bmy (?:first )?(?:pr|pull request|commit|contribution|patch)\b")
# Words quoted from a medium, not said by us: 'Per the article: "Acme has raised $20M"',
# 'Quote of the day: "We raised $10M and all I got was this t-shirt"'.
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{3,300})[\"\u201d]?")
QUOTE_SOURCE = re.compile(r"(?i)\b(?:quote|article|headline|tweet|post|reads?|says|wrote|per"
                          r"|according to|caption|title|meme|joke|t-shirt|sign|slogan|tagline)"
                          r"\b[^\"\u201c]{0,30}$")
# A rival named before the verb acted, not us: "Acme's competitor Initech raised a $30M B".
RIVAL = re.compile(r"(?i)\b(?:competitors?|rivals?|competition)\b")
# A sign-off after the body: what follows is a signature ("Cheers,\nTom\nAcme - now SOC 2 Type II
# certified"), whatever its taglines claim.
SIGN_OFF = re.compile(r"(?im)^[ \t]*(?:best(?: regards| wishes)?|kind regards|warm(?:est)? regards"
                      r"|regards|cheers|thanks(?: again| so much)?|thank you|many thanks|sincerely"
                      r"|warmly|all the best|talk soon|speak soon|rgds|yours(?: truly)?)"
                      r"[ \t]*[,.!]?"
                      r"[ \t]*\n")
_PS = re.compile(r"(?im)^\W*p\.? ?s\b")
_SIGNATURE = 300  # characters: a signature is a few short lines
_SHORT = 600  # characters: a note passing on a link says so near it

_METRIC_TYPES = frozenset({T.TECHNICAL_ACHIEVEMENT, T.USER_GROWTH, T.REVENUE_MILESTONE})
_MONEY_TYPES = frozenset({T.ENTERPRISE_DEAL, T.CUSTOMER_SUCCESS, T.REVENUE_MILESTONE})
_HABIT_TYPES = frozenset({T.ENTERPRISE_DEAL, T.USER_GROWTH, T.CUSTOMER_SUCCESS})


def blank_code(text: str) -> str:
    """``text`` with fenced code blocks blanked to spaces (line breaks and offsets kept): a
    pasted ``revenue = 1_000_000  # we hit $1M ARR`` is code, not a statement."""
    if "```" not in text and "~~~" not in text:
        return text
    return _CODE_FENCE.sub(lambda m: blank(m.group()), text)


_WINDOW = 20_000  # characters: a few thousand words, enough to tell prose from a dump
_WORD = re.compile(r"\w+")


def dump(text: str) -> str | None:
    """Why a long message is a dump rather than something a person wrote, or None: its opening
    and its middle each repeat a handful of words over and over (word salad, one line pasted
    thousands of times). Prose of a few thousand words uses hundreds of different ones."""
    if len(text) < 2 * _WINDOW:
        return None
    middle = len(text) // 2
    for window in (text[:_WINDOW], text[middle:middle + _WINDOW]):
        words = _WORD.findall(window.lower())
        if len(words) < 1_000 or len(set(words)) > 0.05 * len(words):
            return None
    return "a dump of a few words repeated"


def chatter_veto(found: Found, clause: str, sentence: Span, text: str, subject: str = "",
                 company: re.Pattern[str] | None = None) -> str | None:
    """Why a reading of ``clause`` (in ``sentence`` of the message ``text``, under ``subject``)
    is chatter, or None."""
    # the line as written: sentence edges lose a leading "#" ("#1882 launches SSO")
    line = text[text.rfind("\n", 0, sentence.start) + 1:sentence.end]
    m = PR_LINE.search(line)
    if m:
        return f"pull request ({m.group().strip()[:30]})"
    return _said_so(clause, sentence.text) or _around(found, clause, sentence, text) \
        or _by_kind(found, clause, sentence, text, subject, company)


def _said_so(clause: str, said: str) -> str | None:
    """The sentence's own words make it a to-do, a test, a draft, a purpose or someone else's
    news."""
    checks = (("test post", TEST_POST, said), ("to-do", TODO, said), ("a draft", DRAFT, said),
              ("someone else's", KIN, said), ("a purpose", PURPOSE, said),
              ("anyone's", GENERIC_YOU, clause))
    for name, pattern, where in checks:
        m = pattern.search(where)
        if m:
            return f"{name} ({m.group().strip()[:30]})"
    return None


def _around(found: Found, clause: str, sentence: Span, text: str) -> str | None:
    """What surrounds the reading makes it a joke, news passed on, a title or a plan."""
    # "... in my dreams" may follow as a sentence of its own
    m = _hinted(SARCASM, _SARCASM_HINTS, text, sentence.start, sentence.end + 40)
    if m:
        return f"joke ({m.group().strip()[:30]})"
    m = _hinted(SHARED, _SHARED_HINTS, text, 0, _SHORT) if len(text.strip()) <= _SHORT else None
    if m:
        return f"news passed on ({m.group()})"
    for t in _TITLED.finditer(clause):
        if t.start(1) <= found.trigger < t.end(1):
            return f"words of a title ({t.group(1)[:30]})"
    if not found.relational:
        m = RIVAL.search(clause, 0, found.trigger)
        if m:
            return f"a rival's news ({m.group()})"
    for q in _QUOTED.finditer(clause):
        if q.start(1) <= found.trigger < q.end(1) and QUOTE_SOURCE.search(clause, 0, q.start()):
            return f"words quoted from a medium ({q.group(1)[:30]})"
    m = SIGN_OFF.search(text, max(20, sentence.start - _SIGNATURE), sentence.start + 1)
    if m and not _PS.match(text, text.rfind("\n", 0, sentence.start) + 1):
        return f"a signature (after {m.group().strip()})"
    heading = plan_heading(text, sentence.start)
    if heading and already_done(clause):
        return None  # "## What's next? ... I've already rejected a $500k offer": done, not planned
    return f"under a plan heading ({heading[:40]})" if heading else None


# Literal words without which the patterns above cannot match: most readings stop here.
_SARCASM_HINTS = ("dream", "right", "sure", "as if", "lol", "haha", "lmao", "said no one",
                  "if only", "wish", "/s")
_SHARED_HINTS = ("thought you", "interesting", "worth", "saw this", "came across", "h/t",
                 "hat tip", "missed", "fyi")


def _hinted(pattern: re.Pattern[str], hints: tuple[str, ...], text: str, start: int,
            end: int) -> re.Match[str] | None:
    end = min(len(text), end)
    window = text[start:end].lower()
    if not any(h in window for h in hints):
        return None
    return pattern.search(text, start, end)


def _by_kind(found: Found, clause: str, sentence: Span, text: str, subject: str,
             company: re.Pattern[str] | None) -> str | None:
    if found.event_type is T.TECHNICAL_ACHIEVEMENT or found.event_type is T.PRODUCT_LAUNCH:
        m = PR_TALK.search(text, max(0, sentence.start - 100), sentence.end)
        if m:
            return f"pull request ({m.group()})"
    if found.event_type is T.PRODUCT_LAUNCH and not found.negative:
        ahead = sentence.start < _LEAD or clause == subject
        lead = text[:_LEAD]
        if ahead and FUTURE_LEAD.search(lead) and not OUT_NOW.search(lead) \
                and not _DONE.search(clause):
            return "a launch dated ahead"
        return _not_our_release(found, clause, subject)
    if found.event_type is T.HIRING and company is not None:
        joined = JOINED.search(clause)
        if joined and not company.search(joined.group(1)):
            return f"joined another company ({joined.group(1)})"
    return _by_type(found, clause, sentence.text)


def _not_our_release(found: Found, clause: str, subject: str) -> str | None:
    """Launch readings that are someone else's release, a dated happening or a pre-release."""
    m = THEIRS.search(clause) or DATED.search(clause[found.trigger:])
    if m:
        return f"not our release ({m.group()[:30]})"
    m = PRE_RELEASE.search(subject)
    if m and not _FINAL.search(clause):
        return f"a pre-release ({m.group()})"
    return _by_type(found, clause, clause)


def _by_type(found: Found, clause: str, said: str) -> str | None:
    """Families that only one kind of reading falls into."""
    kind = found.event_type
    checks: list[tuple[bool, re.Pattern[str], str, str]] = [
        (kind is T.PRODUCT_LAUNCH and not found.negative and found.subtype != "marketplace"
         and not NAMED_FORUM.search(clause), GATHERING,
         clause[max(0, found.trigger - 50):found.trigger + 60], "not a product"),
        (kind is T.PRODUCT_LAUNCH and not found.negative, NOT_YET, clause, "not released yet"),
        (kind is T.MEDIA_COVERAGE, MEDIA_STEP, said, "a step towards coverage"),
        (kind is T.MEDIA_COVERAGE, GIVEAWAY, said, "a community prize"),
        # a customer "using it every day" is the outcome itself (spoken.customer_live)
        (kind in _HABIT_TYPES and not found.negative and "habit" not in found.allow, HABIT,
         clause, "a habit"),
        (kind in _HABIT_TYPES, HABIT_VERB, clause[:found.trigger], "a habit"),
        (kind in _METRIC_TYPES, YOURS, said, "a vendor's notice"),
        # an incident "on our end" is ours (assurance.veto turns away the laptops and sandboxes)
        (kind is T.TECHNICAL_ACHIEVEMENT and not found.negative, OWN_BENCH, said,
         "a measurement on one's own bench"),
        (kind in _METRIC_TYPES and not _ARRIVED.search(said), PURSUIT, said,
         "a figure pursued"),
        (kind is T.USER_GROWTH, TURNOUT, clause, "an event's turnout"),
        (kind is T.MARKET_EXPANSION, IN_A_TOOL, clause, "a document in a tool"),
        (kind in _MONEY_TYPES, BILLING, said, "a bill or receipt"),
    ]
    for applies, pattern, where, why in checks:
        m = pattern.search(where) if applies else None
        if m:
            return f"{why} ({m.group().strip()[:30]})"
    if kind in _METRIC_TYPES or kind is T.CUSTOMER_SUCCESS:
        return _in_aside(clause)
    return None


def _in_aside(clause: str) -> str | None:
    """The reading's figures all sit inside parentheses that qualify a goal ("Q3 goals ($2M
    ARR)") or only describe ("my email subscribers (~900 and counting!)")."""
    if "(" not in clause:
        return None
    why = None
    for m in _PARENS.finditer(clause):
        before = clause[max(0, m.start() - 40):m.start()].lower()
        if ASIDE.match(m.group()):
            why = "an aside"
        elif _GOAL_WORD.search(before):
            why = "a goal's figure"
    if why is None or _DIGIT.search(_PARENS.sub(" ", clause)):
        return None  # a figure stands outside the parentheses: the clause states it
    return why


_PARENS = re.compile(r"\([^()]{0,120}\)")
_GOAL_WORD = re.compile(r"\b(?:goals?|targets?|plans?|aims?|forecast|budget|projections?)\W*$")
# a figure, not a time or a quarter ("3pm", "Q3")
_DIGIT = re.compile(r"[$\u20ac\u00a3]\s?\d|(?<!#)\b\d[\d,.]*\b(?!\s?(?:am|pm)\b)")


def plan_heading(text: str, at: int) -> str | None:
    """The heading that sets goals or plans for the section holding offset ``at``, or None.

    A Markdown heading ("## March goals") governs down to the next heading; a label line
    ("Today's goals are:") governs the list items right under it.
    """
    head = text[:at]
    low = head.lower()
    if not any(h in low for h in _PLAN_HINTS):
        return None
    lines = head.split("\n")
    current = lines.pop()  # the line the sentence starts on
    if current.strip() and _HEADING.match(current) and not _ITEM.match(current):
        return None  # the sentence is a heading itself
    only_items = _ITEM.match(current) is not None  # a label governs only its list's items
    for line in reversed(lines):
        if not line.strip():
            continue
        if _ITEM.match(line):
            continue
        if line.lstrip().startswith(("#", "**")) and _HEADING.match(line):
            return _plan(line)
        if only_items and (_HEADING.match(line) or _LABEL.match(line)) and _plan(line):
            return _plan(line)
        only_items = False
    return None


def _plan(line: str) -> str | None:
    words = _PARENS.sub(" ", line)  # "$4,219 MRR (goal is 12.15%)": a figure's aside, no plan
    if PLAN_HEAD.search(words) and not PLAN_REVIEW.search(words):
        return line.strip()
    return None
